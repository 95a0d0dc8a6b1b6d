"""Starting the desktop app: the QApplication, its language and fonts, and the first window.

``perfdesk`` (no arguments) shows the start screen; ``perfdesk PATH`` opens that dataset;
``--read-only`` opens it without the right to change it; ``--sample`` opens the bundled sample
table; ``--screenshot PNG`` saves a picture of the window once it is shown, then quits (used by
the self-test and the documentation).

Language: the GUI's strings are written in Chinese and translated through Qt Linguist
(resources/translations/perfdesk_en.ts, compiled into the resource module); Qt's own dialogs
use Qt's translations; :func:`perfdesk.core.i18n.set_language` makes the core's messages (errors,
check findings) follow the same choice.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from perfdesk import __version__

from perfdesk.core import i18n
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


PSEUDO_ENV = "PERFDESK_PSEUDO_LOCALE"  # set (to 1): every text stretched, to find clipping
PSEUDO_STRETCH = 0.4


def pseudo(text: str) -> str:
    """``text`` 40% longer (a translation may well be): what follows it is a run of ``·``
    (``%1`` and ``&N`` stay as they are)."""
    if not text:
        return text
    return text + "·" * max(1, round(len(text) * PSEUDO_STRETCH))


class PseudoTranslator(QTranslator):
    """Every text of the interface, as the language installed before gives it, stretched by
    :data:`PSEUDO_STRETCH` (pseudo-localisation: a screenshot shows what would be clipped)."""

    def __init__(self, app: QApplication, below: list[QTranslator]) -> None:
        super().__init__(app)
        self.below = list(below)

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 - Qt API
        if not source:
            return source
        for translator in self.below:
            found = translator.translate(context, source, disambiguation, n)
            if found:
                return pseudo(found)
        return pseudo(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


def install_language(app: QApplication, code: str, *, stretched: bool | None = None) -> None:
    """Switch the GUI (``"zh_CN"`` or ``"en"``), Qt's dialogs and the core's messages;
    ``stretched`` (default: the ``PERFDESK_PSEUDO_LOCALE`` environment variable) stretches
    every text of the GUI by 40%."""
    if stretched is None:
        stretched = bool(os.environ.get(PSEUDO_ENV))
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
    if stretched:
        stretch = PseudoTranslator(app, _translators)
        app.installTranslator(stretch)  # the last installed is asked first
        _translators.append(stretch)
    i18n.set_language(i18n.EN if english else i18n.ZH)


STARTUP_PROBE = "PERFDESK_STARTUP_PROBE"


class _AfterFirstExpose(QObject):
    """Runs ``callback`` once the window has been on screen (its first expose), so the
    clerk sees the window before slower work starts."""

    def __init__(self, window, callback) -> None:
        super().__init__(window)
        self.callback = callback
        self.done = False  # the callback has run (a screenshot waits for it)
        window.winId()  # create the native window so its expose events can be watched
        window.windowHandle().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Expose and obj.isExposed():
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        try:
            self.callback()
        finally:
            self.done = True
            _collect_garbage_again()


def _collect_garbage_again() -> None:
    """The window is up (perfdesk.app.main turned the cyclic garbage collector off for the
    start): what exists now is kept apart from later collections, which then run as usual."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class _StartupProbe(QObject):
    """For bench/bench_startup.py: print ``PERFDESK-READY window`` when the main window is
    first on screen and, when a dataset was given, ``PERFDESK-READY tree N`` when the project
    tree first paints its N projects; then quit."""

    def __init__(self, window, expect_tree: bool) -> None:
        super().__init__(window)
        self.window = window
        self.expect_tree = expect_tree
        window.winId()
        window.windowHandle().installEventFilter(self)
        window.ui.projectTree.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Expose and obj is self.window.windowHandle() and obj.isExposed():
            obj.removeEventFilter(self)
            print("PERFDESK-READY window", flush=True)
            if not self.expect_tree:
                QTimer.singleShot(0, self.window.close)
        elif kind == QEvent.Type.Paint and self.expect_tree:
            model = self.window.tree_model
            if model is not None and model.project_count():
                obj.removeEventFilter(self)
                print(f"PERFDESK-READY tree {model.project_count()}", flush=True)
                QTimer.singleShot(0, self.window.close)
        return False


def _preload_data_layer() -> None:
    """Load the dataset layer while the clerk looks at the start screen, so the first open
    does not wait for it (the window itself is shown without it: see run_app)."""
    import perfdesk.checks  # noqa: F401
    import perfdesk.services.dataset  # noqa: F401


def run_app(args) -> int:
    """Run the desktop app until its window closes; returns the exit status."""
    app = create_application()
    from perfdesk.gui.window.main_window import MainWindow

    window = MainWindow()
    path = getattr(args, "path", None)
    sample = getattr(args, "sample", False)
    if os.environ.get(STARTUP_PROBE):
        _StartupProbe(window, expect_tree=bool(path or sample))
    # The window is on screen first; the dataset (and the data layer) load right after.
    if path:
        read_only = bool(getattr(args, "read_only", False))
        first = _AfterFirstExpose(
            window, lambda: window.open_path(Path(path), read_only=read_only))
    elif sample:
        first = _AfterFirstExpose(window, window.open_sample)
    else:
        first = _AfterFirstExpose(window, _preload_data_layer)
    window.show()
    screenshot = getattr(args, "screenshot", None)
    if screenshot:
        def grab() -> None:
            # on a busy machine the window may be exposed after the delay: wait for what
            # comes after the first expose (opening the dataset, building the sample) too
            if not first.done or window.jobs.busy:
                QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)
                return
            window.grab().save(str(screenshot))
            window.close()

        QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)
    return app.exec()
