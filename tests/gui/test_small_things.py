"""The small things that cost a new clerk minutes (issue 13): each as the clerk meets it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from perfdesk.gui.dialogs.dataset_dialogs import NewDatasetDialog
from perfdesk.gui.window.main_window import MainWindow
from tests.support.gui_helpers import (
    press,
    type_text,
    well_formed_indicators,
    well_formed_project,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_year_typed_into_the_new_dataset_dialog_replaces_the_default(gui, qtbot):
    dialog = NewDatasetDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ui.yearSpin)
    QApplication.processEvents()
    qtbot.keyClicks(dialog.ui.yearSpin, "2026")  # not 02027
    assert dialog.ui.yearSpin.value() == 2026
    press(qtbot, dialog.ui.yearSpin, Qt.Key.Key_Tab)
    press(qtbot, dialog.ui.profileCombo, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    qtbot.keyClicks(dialog.ui.yearSpin, "2027")
    assert dialog.ui.yearSpin.value() == 2027


@pytest.fixture
def window(gui, qtbot, new_dataset):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.set_dataset(new_dataset())
    win.checker.finish_now()
    yield win
    win.close()


def add(window, project):
    window.document.add_project(window.document.dataset.units()[0].uuid, project)
    window.checker.finish_now()
    window.select_in_tree(project.uuid)
    return project


def test_ctrl_dot_fixes_the_problem_f8_went_to_and_f8_then_goes_on_to_the_next(window, qtbot):
    indicators = well_formed_indicators()
    indicators[0].level1 = indicators[3].level1 = "项目完成指标"  # as an old table names 产出
    project = add(window, well_formed_project(indicators=indicators, annual_goal=""))
    panel = window.ui.findingsPanel
    grid = window.ui.indicatorGrid
    grid.setFocus()
    press(qtbot, window, Qt.Key.Key_F8)
    assert panel.current_finding()[1].field == "annual_goal"  # a problem above the grid
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_F8)
    first = panel.current_finding()[1]
    assert (first.rule, first.indicator_uuid) == ("CAT-03", indicators[0].uuid)
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Period, CTRL)  # 自动修正
    window.checker.finish_now()
    assert window.document.dataset.load_project(project.uuid).indicators[0].level1 == "产出指标"
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_F8)
    after = panel.current_finding()[1]
    assert (after.rule, after.indicator_uuid) == ("CAT-03", indicators[3].uuid)  # not back


def test_the_filter_never_leaves_the_form_on_a_project_the_tree_hides(window, qtbot):
    shown = add(window, well_formed_project("网格化服务经费"))
    hidden = add(window, well_formed_project("出租屋管理经费"))
    assert window.current_project == hidden.uuid
    window.search.setFocus()
    type_text(qtbot, window.search, "网格")
    assert window.current_project == shown.uuid  # the form follows what the tree shows
    assert window.ui.projectForm.ui.nameEdit.text() == "网格化服务经费"
    type_text(qtbot, window.search, "没有这个")
    assert window.current_project is None
    assert not window.ui.projectForm.isVisible()
    press(qtbot, window.search, Qt.Key.Key_Escape)  # Esc clears the box
    assert window.search.text() == ""
    assert window.proxy.rowCount() > 0 and not window.proxy.active
    press(qtbot, window.search, Qt.Key.Key_Escape)  # and, empty, goes back to the tree
    assert QApplication.focusWidget() is window.ui.projectTree


def test_the_panel_counts_follow_its_scope_and_large_counts_fit(window, qtbot):
    add(window, well_formed_project("网格化服务经费", annual_goal=""))
    clean = add(window, well_formed_project("出租屋管理经费"))
    panel = window.ui.findingsPanel
    label = panel.ui.summaryLabel
    assert panel.ui.scopeCombo.currentIndex() == 0  # 当前项目: the clean one
    assert label.summary == window.checker.summary(clean.uuid)
    assert label.summary.errors + label.summary.warnings == 0
    panel.ui.scopeCombo.setCurrentIndex(1)  # 全部项目
    assert label.summary == window.checker.totals()
    assert label.summary.errors + label.summary.warnings > 0
    from perfdesk.core.severity import Summary

    status = window.status.problems
    status.set_summary(Summary(12, 18002, 0))
    QApplication.processEvents()
    needed = status.fontMetrics().horizontalAdvance("● 12 错误") + \
        status.fontMetrics().horizontalAdvance("▲ 18002 警告")
    assert status.width() >= needed  # not "18002 警"


def test_long_project_names_lose_their_middle_and_keep_the_whole_name_in_the_tooltip(
        window, qtbot):
    name = "2026年城乡社区基层社会治理能力提升培训专项工作经费"
    project = add(window, well_formed_project(name))
    tree = window.ui.projectTree
    assert tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    index = window.proxy.mapFromSource(window.tree_model.index_of(project.uuid))
    assert name in index.data(Qt.ItemDataRole.ToolTipRole)
