"""The small things that cost a new clerk minutes (issue 13): each as the clerk meets it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from perfdesk.gui.dialogs.dataset_dialogs import NewDatasetDialog
from perfdesk.gui.window.main_window import MainWindow
from tests.support.gui_helpers import press, well_formed_indicators, well_formed_project

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
