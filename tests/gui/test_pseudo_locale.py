"""English that loads at start-up, and nothing clipped when every text is 40% longer
(pseudo-localisation) at 1366×768 (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from perfdesk.gui import application
from perfdesk.gui.window.main_window import MainWindow
from tests.support.gui_helpers import well_formed_project
from tests.support.paths import ROOT


def test_english_chosen_in_the_settings_is_what_perfdesk_starts_in(_private_home, tmp_path):
    from perfdesk.gui import settings as s

    s.Settings(_private_home / "settings.ini").set(s.LANGUAGE, "en")  # 设置 → English
    child = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from perfdesk.gui.application import create_application
        from perfdesk.gui.window.main_window import MainWindow
        app = create_application()
        window = MainWindow()
        ui = window.ui
        print(ui.menuFile.title(), ui.actionNewProject.text(), ui.projectForm.ui.periodLabel.text(),
              sep="|")
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PERFDESK_HOME=str(_private_home))
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    menu, action, label = result.stdout.strip().splitlines()[-1].split("|")
    assert menu == "&File" and label == "Period"
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in action), action


def clipped(window) -> list[str]:
    """Visible labels and buttons narrower than their text needs."""
    found = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        need = widget.minimumSizeHint().width()
        if widget.width() < need:
            found.append(f"{widget.objectName() or type(widget).__name__}: "
                         f"{widget.width()} < {need} ({widget.text()!r})")
    return found


def test_every_text_stretched_by_40_percent_is_not_clipped_at_1366x768(
        gui, qapp, qtbot, new_dataset, tmp_path):
    application.install_language(qapp, "zh_CN", stretched=True)
    try:
        assert QApplication.translate("ProjectForm", "项目期").startswith("项目期·")
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 728)  # 768 less the taskbar
        window.show()
        qtbot.waitExposed(window)
        dataset = new_dataset()
        window.set_dataset(dataset)
        project = well_formed_project(annual_goal="")
        window.document.add_project(dataset.units()[0].uuid, project)
        window.checker.finish_now()
        window.select_in_tree(project.uuid)
        QApplication.processEvents()
        window.grab().save(str(os.environ.get("PERFDESK_SHOT_DIR", tmp_path)) + "/pseudo-1366.png")
        assert window.height() <= 728 and window.width() <= 1366
        bar = window.statusBar()
        assert bar.isVisible() and bar.geometry().bottom() < window.height()
        assert clipped(window) == []
        window.close()
    finally:
        application.install_language(qapp, "zh_CN", stretched=False)
