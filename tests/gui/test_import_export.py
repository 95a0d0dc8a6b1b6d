"""The sample, importing a real table and exporting both layouts, from the window."""

from __future__ import annotations

import pytest
from tests.support.gui_helpers import on_next_dialog, reactivate
from PySide6.QtWidgets import QDialogButtonBox

from tests.support.paths import SEED
from perfdesk import io
from perfdesk.services.dataset import Dataset
from perfdesk.gui.dialogs.import_dialog import ImportDialog
from perfdesk.services.sample import SAMPLE_FILE
from perfdesk.gui.window.main_window import MainWindow
from perfdesk.core.paths import documents_dir
from perfdesk.core.model import Project


@pytest.fixture
def window(gui, qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_the_sample_opens_from_the_start_screen_with_its_problems(window, qtbot):
    window.ui.startPage.ui.sampleButton.click()
    qtbot.waitUntil(lambda: window.document is not None, timeout=60000)
    assert window.document.dataset.path == documents_dir() / SAMPLE_FILE
    counts = window.document.counts()
    assert (counts.projects, counts.indicators) == (22, 79)
    window.checker.finish_now()
    totals = window.checker.totals()
    assert totals.errors > 0 and totals.warnings > 0
    assert window.status.counts.text() == "22 个项目 79 个指标"
    rules = {f.rule for u in window.tree_model.project_uuids()
             for f in window.checker.findings(u)}
    assert {"VAL-08", "CAT-02", "REQ-02", "SAT-01"} <= rules
    window.close_dataset()
    window.ui.startPage.ui.sampleButton.click()  # the second time: the same file, as left
    assert window.document.dataset.path == documents_dir() / SAMPLE_FILE


def test_a_table_is_previewed_imported_as_one_undo_step_and_exported(
        window, gui, qtbot, new_dataset, tmp_path):
    window.set_dataset(new_dataset())
    gui.answers["open_table_files"] = [SEED]
    seen = on_next_dialog(lambda dialog: (dialog.tree.projects, dialog.ui.buttonBox.button(
        QDialogButtonBox.StandardButton.Ok).click())[0], ImportDialog)
    window.ui.actionImport.trigger()
    qtbot.waitUntil(lambda: window.tree_model.project_count() == 22, timeout=60000)
    reactivate(qtbot, window)
    assert seen == [22]
    assert window.document.undo_stack.undoText() == "导入 22 个项目"
    window.undo()
    assert window.tree_model.project_count() == 0
    window.redo()
    assert window.tree_model.project_count() == 22
    assert window.document.counts().indicators == 79

    disclosure = tmp_path / "公开表.xlsx"
    gui.answers["save_file"] = disclosure
    window.ui.actionExportDisclosure.trigger()
    qtbot.waitUntil(lambda: ("show_file", disclosure) in gui.asked, timeout=60000)
    again = io.read_table(disclosure)
    assert len(again.projects) == 22 and sum(len(p.indicators) for p in again.projects) == 79

    detail = tmp_path / "申报表.xlsx"
    gui.answers["save_file"] = detail
    window.ui.actionExportDetail.trigger()
    qtbot.waitUntil(lambda: ("show_file", detail) in gui.asked, timeout=60000)
    assert len(io.read_table(detail).projects) == 22
    with Dataset.open(window.document.dataset.path, read_only=True) as ds:
        assert ds.counts().projects == 22


def test_exporting_with_errors_left_says_so_before_the_file_is_written(window, gui, qtbot,
                                                                       new_dataset, tmp_path):
    dataset = new_dataset()
    dataset.add_project(dataset.units()[0].uuid, Project(name="还没填完的项目"))
    window.set_dataset(dataset)
    target = tmp_path / "公开表.xlsx"
    gui.answers["save_file"] = target
    gui.answers["ask"] = False  # 取消
    window.ui.actionExportDisclosure.trigger()
    [(kind, _title, text, *_buttons)] = [a for a in gui.asked if a[0] == "ask"]
    assert "1 个项目的检查还有错误" in text and "仍然导出吗" in text
    assert not any(a[0] == "save_file" for a in gui.asked) and not target.exists()
    gui.answers["ask"] = True  # 导出
    window.ui.actionExportDisclosure.trigger()
    qtbot.waitUntil(lambda: ("show_file", target) in gui.asked, timeout=60000)
    assert target.exists()
