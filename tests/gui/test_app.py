"""Starting the app: its language (ours and Qt's), its keys, and ``perfdesk [PATH | --sample]``."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox

from perfdesk.core import i18n
from perfdesk.services.dataset import Dataset
from perfdesk.gui import application
from perfdesk.gui.window.main_window import MainWindow
from perfdesk.gui.settings import Settings
from perfdesk.core.model import Project
from perfdesk.core.paths import documents_dir


def test_chinese_by_default_with_qt_s_own_dialogs_in_chinese(gui, qapp):
    application.install_language(qapp, "zh_CN")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Save)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "保存"
    assert i18n.language() == i18n.ZH


def test_english_reaches_menus_forms_models_and_core_messages(gui, qapp, qtbot, new_dataset):
    application.install_language(qapp, "en")
    assert i18n.language() == i18n.EN
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.ui.menuFile.title() == "&File"
    assert window.ui.startPage.ui.newButton.text() == "New dataset…"
    dataset = new_dataset()
    dataset.add_project(dataset.units()[0].uuid, Project(name="Training"))
    window.set_dataset(dataset)
    window.checker.finish_now()
    messages = [str(f.message) for f in window.checker.findings(window.current_project)]
    assert any(m.startswith("The annual goal (绩效目标) is empty.") for m in messages)
    form = window.ui.projectForm
    assert form.ui.periodLabel.text() == "Period"
    form.ui.annualGoalEdit.setPlainText("完成培训")
    assert form.ui.annualGoalCount.text() == "4 characters"  # self.tr() in ProjectForm
    assert window.indicator_model.headerData(2, Qt.Orientation.Horizontal) == "Indicator"
    assert window.status.counts.text() == "1 projects, 0 indicators"
    window.close()


def run_perfdesk(*args, home):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PERFDESK_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "perfdesk", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_perfdesk_alone_shows_the_start_screen(tmp_path, _private_home):
    shot = tmp_path / "start.png"
    result = run_perfdesk("--screenshot", str(shot), home=_private_home)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() > 600 and image.height() > 400


def test_perfdesk_path_opens_that_dataset(tmp_path, _private_home, new_dataset):
    dataset = new_dataset("命令行打开.perfdesk")
    path = dataset.path
    dataset.close()
    shot = tmp_path / "main.png"
    result = run_perfdesk(str(path), "--screenshot", str(shot), home=_private_home)
    assert result.returncode == 0, result.stderr
    assert QImage(str(shot)).width() > 600
    assert Settings().recent_files() == [path.resolve()]  # the window opened it


def test_perfdesk_sample_opens_the_bundled_table(tmp_path, _private_home):
    result = run_perfdesk("--sample", "--screenshot", str(tmp_path / "sample.png"),
                          home=_private_home)
    assert result.returncode == 0, result.stderr
    sample = documents_dir() / "示例数据.perfdesk"
    with Dataset.open(sample, read_only=True) as dataset:
        counts = dataset.counts()
    assert (counts.projects, counts.indicators) == (22, 79)
    assert Settings().recent_files() == [sample.resolve()]


def test_every_key_of_the_ui_md_table_is_bound(gui, qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    ui = window.ui
    table = {  # ui.md, "Keyboard"
        ui.actionNewDataset: ["Ctrl+Shift+N"], ui.actionOpen: ["Ctrl+O"],
        ui.actionQuit: ["Ctrl+Q"], ui.actionNewProject: ["Ctrl+N"],
        ui.actionNewIndicator: ["Ctrl+I"], ui.actionDelete: ["Del", "Ctrl+Del"],
        ui.actionUndo: ["Ctrl+Z"], ui.actionRedo: ["Ctrl+Y", "Ctrl+Shift+Z"],
        ui.actionFind: ["Ctrl+F"], ui.actionCheckAll: ["F5"], ui.actionNextProblem: ["F8"],
        ui.actionPreviousProblem: ["Shift+F8"], ui.actionImport: ["Ctrl+Shift+I"],
        ui.actionExportDisclosure: ["Ctrl+E"], ui.actionPrint: ["Ctrl+P"],
        # issue 13: Delete clears a grid cell (Ctrl+Delete deletes the rows), Alt+↓ opens a
        # drop-down cell's list (Ctrl+Shift+↑/↓ move rows from any cell)
        ui.actionMoveUp: ["Alt+Up", "Ctrl+Shift+Up"],
        ui.actionMoveDown: ["Alt+Down", "Ctrl+Shift+Down"],
    }
    for action, keys in table.items():
        bound = [k.toString() for k in action.shortcuts()]
        assert bound == keys, (action.objectName(), bound)


def test_garbage_collection_is_back_on_once_the_window_is_up(gui, qtbot):
    """``perfdesk`` starts with the cyclic garbage collector off (perfdesk.app.main); it is on
    again once the window has been shown and what follows its first expose is done, or a long
    session would never free its cycles."""
    import gc

    window = MainWindow()
    qtbot.addWidget(window)
    seen: list[bool] = []
    gc.disable()
    try:
        first = application._AfterFirstExpose(window, lambda: seen.append(gc.isenabled()))
        window.show()
        qtbot.waitUntil(lambda: first.done)
        assert seen == [False] and gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
