"""A 绩效自评表's project in the project form (issue 11, item 2): besides its budget the form shows
what the 自评表 states -- 年初预算数 and 全年执行数 (年度资金总额 / 财政拨款 / 其他资金), the funding
row's 分值 and 得分, the 执行率 worked out as exact percent, and the 实际完成情况 beside the goal --
typed as the amounts are, each edit one undoable step; a 申报 project's form is as before."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from perfdesk.core.model import Project
from perfdesk.services.dataset import Dataset
from perfdesk.services.importing import import_files
from tests.support.gui_helpers import (
    focused,
    press,
    show_project,
    shown_window,
    type_into,
    type_text,
)

B01 = Path(__file__).resolve().parents[1] / "corpus" / "tables" / "b01_zhongjiang" / "source.xlsx"
B01_NAME = "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装"


@pytest.fixture
def window(gui, qtbot, new_dataset):
    dataset = new_dataset()
    import_files(dataset, [B01])
    dataset.add_project(dataset.units()[0].uuid, Project(name="网格化服务经费",
                                                         annual_total=Decimal("12")))
    win = shown_window(qtbot, dataset)  # 1366×768
    yield win
    win.close()


def stored(window, uuid: str) -> Project:
    with Dataset.open(window.document.dataset.path, read_only=True) as ds:
        return ds.load_project(uuid)


def test_a_self_evaluation_shows_its_budget_execution_and_an_edit_is_one_undo_step(window,
                                                                                 qtbot):
    uuid = show_project(window, B01_NAME)
    form = window.ui.projectForm.ui
    assert form.executedTotalEdit.isVisible() and form.goalActualEdit.isVisible()
    # what b01 states: 全年预算数 20, 全年执行数 20, 分值 10, 得分 10, the goal as achieved
    assert (form.annualTotalEdit.text(), form.executedTotalEdit.text(),
            form.executedFiscalEdit.text(), form.initialTotalEdit.text()) == ("20", "20", "20", "")
    assert (form.fundsWeightEdit.text(), form.fundsScoreEdit.text()) == ("10", "10")
    assert form.executionRate.text() == "执行率 100.00%"
    assert form.goalActualEdit.toPlainText() == "对项目区农业用水计量,为项目区农业生产夯实基础,"

    # the clerk corrects the 全年执行数: letters are refused at the field, the rate follows
    form.executedTotalEdit.setFocus()
    form.executedTotalEdit.selectAll()
    qtbot.keyClicks(form.executedTotalEdit, "18.5x")
    assert form.executedTotalEdit.text() == "18.5"
    assert form.executionRate.text() == "执行率 92.50%"
    press(qtbot, form.executedTotalEdit, Qt.Key.Key_Tab)
    assert focused() is form.executedFiscalEdit
    assert stored(window, uuid).executed_total == Decimal("18.5")
    assert window.document.undo_stack.undoText() == "修改“全年执行数”"

    window.undo()
    assert stored(window, uuid).executed_total == Decimal("20")
    assert form.executedTotalEdit.text() == "20"
    assert form.executionRate.text() == "执行率 100.00%"
    window.redo()
    assert stored(window, uuid).executed_total == Decimal("18.5")
    assert form.executedTotalEdit.text() == "18.5"


def test_the_goal_as_achieved_and_the_points_are_typed_and_stored(window, qtbot):
    uuid = show_project(window, B01_NAME)
    form = window.ui.projectForm.ui
    form.goalActualEdit.clear()
    type_into(qtbot, form.goalActualEdit, "安装水标尺266米，项目区用水全部计量。")
    press(qtbot, form.goalActualEdit, Qt.Key.Key_Tab)
    form.fundsScoreEdit.setFocus()
    form.fundsScoreEdit.selectAll()
    type_text(qtbot, form.fundsScoreEdit, "9.5")
    press(qtbot, form.fundsScoreEdit, Qt.Key.Key_Tab)
    project = stored(window, uuid)
    assert project.goal_actual == "安装水标尺266米，项目区用水全部计量。"
    assert project.funds_score == Decimal("9.5")


def test_a_target_projects_form_has_no_self_evaluation_rows(window, qtbot):
    show_project(window, "网格化服务经费")
    form = window.ui.projectForm.ui
    hidden = (form.initialLabel, form.initialTotalEdit, form.executedLabel,
              form.executedTotalEdit, form.executionRate, form.fundsWeightEdit,
              form.fundsScoreEdit, form.goalActualLabel, form.goalActualEdit)
    assert not any(w.isVisible() for w in hidden)
    assert form.annualTotalEdit.isVisible() and form.midtermGoalEdit.isVisible()
    assert form.annualTotalEdit.text() == "12"
    # and back on the 自评表 they show again
    show_project(window, B01_NAME)
    assert all(w.isVisible() for w in hidden)
