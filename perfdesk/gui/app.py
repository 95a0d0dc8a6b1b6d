"""Starting the desktop app: the QApplication, its language and fonts, and the first window.

``perfdesk`` (no arguments) shows the start screen; ``perfdesk PATH`` opens that dataset;
``--read-only`` opens it without the right to change it; ``--sample`` opens the bundled sample
table; ``--screenshot PNG`` saves a picture of the window once it is shown, then quits (used by
the self-test and the documentation).

Language: the GUI's strings are written in Chinese and translated through Qt Linguist
(resources/translations/perfdesk_en.ts, compiled into the resource module); Qt's own dialogs
use Qt's translations; :func:`perfdesk.i18n.set_language` makes the core's messages (errors,
check findings) follow the same choice.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from perfdesk import __version__, i18n
from perfdesk.gui import fonts
from perfdesk.gui import settings as s

APP_NAME = "PerfDesk"
ORGANISATION = "PerfDesk"
SCREENSHOT_DELAY_MS = 300

_translators: list[QTranslator] = []


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), named, with CJK fonts and the chosen language."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("perfdesk")
    set_fonts(app)
    install_language(app, s.Settings().get(s.LANGUAGE))
    from perfdesk.gui.icons import icon

    app.setWindowIcon(icon("perfdesk"))
    return app


def set_fonts(app: QApplication) -> None:
    """The platform's UI font with CJK fallbacks (Microsoft YaHei UI on Windows, Noto Sans CJK
    SC elsewhere, the bundled font as the last resort), at the platform's size."""
    app.setFont(fonts.ui_font(app.font()))


def install_language(app: QApplication, code: str) -> None:
    """Switch the GUI (``"zh_CN"`` or ``"en"``), Qt's dialogs and the core's messages."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    english = code == "en"
    if english:
        ours = QTranslator(app)
        if ours.load(":/translations/perfdesk_en.qm"):
            app.installTranslator(ours)
            _translators.append(ours)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _translators.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    i18n.set_language(i18n.EN if english else i18n.ZH)


def run_app(args) -> int:
    """Run the desktop app until its window closes; returns the exit status."""
    app = create_application()
    from perfdesk.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    path = getattr(args, "path", None)
    if path:
        window.open_path(Path(path), read_only=bool(getattr(args, "read_only", False)))
    elif getattr(args, "sample", False):
        window.open_sample()
    screenshot = getattr(args, "screenshot", None)
    if screenshot:
        def grab() -> None:
            if window.jobs.busy:  # the sample is still being imported
                QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)
                return
            window.grab().save(str(screenshot))
            window.close()

        QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)
    return app.exec()
