"""A 部门整体 target on the project form (issue 11, item 2): its 年度主要任务 as an editable table —
cells typed as a clerk types them, amounts exact, rows added and deleted, each edit undone and
redone — and none of a project's 项目编码, 项目属性, 项目期, 中期 funding or 中长期目标; a 申报
project's form stays as it was."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.support.gui_helpers import enter, press, shown_window, type_into, type_text
from PySide6.QtCore import Qt

from perfdesk.core.model import DEPARTMENT_WHOLE, Project, Task
from perfdesk.gui.widgets.task_table import COLUMNS
from perfdesk.services.dataset import Dataset

D = Decimal
NAME, TOTAL, FISCAL, OTHER = (COLUMNS.index(f) for f in ("name", "total", "fiscal", "other"))


@pytest.fixture
def window(gui, qtbot, new_dataset):
    dataset = new_dataset()
    unit = dataset.units()[0].uuid
    dataset.add_project(unit, Project(
        name="某县林业局", kind=DEPARTMENT_WHOLE, annual_total=D("171.41"),
        annual_goal="保障林业局职能实现。",
        tasks=[Task(name="森林防火", content="全年无重大火灾", total=D("49.8"), fiscal=D("49.8")),
               Task(name="人员工资", item="基本支出", total=D("110.61"))]))
    dataset.add_project(unit, Project(name="网格化服务经费", annual_goal="完成。"))
    win = shown_window(qtbot, dataset)
    yield win
    win.close()


def show(window, name: str) -> None:
    uuid = next(p.uuid for p in window.document.dataset.load_projects() if p.name == name)
    window.select_in_tree(uuid)
    assert window.current_project == uuid


def stored(window) -> Project:
    with Dataset.open(window.document.dataset.path, read_only=True) as ds:
        return ds.load_project(window.current_project)


def type_in_cell(qtbot, view, row: int, column: int, text: str) -> None:
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    type_text(qtbot, view, text)
    enter(qtbot, view)


def test_the_form_shows_the_tasks_and_hides_what_a_department_has_no_use_for(window):
    form = window.ui.projectForm
    show(window, "某县林业局")
    assert form.department_whole() and form.tasks.isVisible()
    model = form.tasks.model
    assert [model.data(model.index(r, NAME)) for r in range(model.rowCount())] == [
        "森林防火", "人员工资"]
    assert model.data(model.index(0, TOTAL)) == "49.8"
    assert form.tasks.sum_label.text() == "金额合计 160.41 万元"
    for hidden in (form.ui.attributeCombo, form.ui.periodEdit, form.ui.codeEdit,
                   form.ui.midtermTotalEdit, form.ui.midtermGoalEdit):
        assert not hidden.isVisible()
    show(window, "网格化服务经费")  # a 申报 project's form is as it was
    assert not form.tasks.isVisible() and not form.department_whole()
    for shown in (form.ui.attributeCombo, form.ui.periodEdit, form.ui.codeEdit,
                  form.ui.midtermTotalEdit, form.ui.midtermGoalEdit):
        assert shown.isVisible()


def test_typing_into_a_task_cell_stores_it_exactly_and_undo_takes_it_back(window, qtbot, gui):
    show(window, "某县林业局")
    view = window.ui.projectForm.tasks.view
    type_in_cell(qtbot, view, 0, NAME, "森林防火和有害生物防治")
    type_in_cell(qtbot, view, 0, FISCAL, "45.5")
    type_in_cell(qtbot, view, 0, OTHER, "4.3")
    first = stored(window).tasks[0]
    assert first.name == "森林防火和有害生物防治"
    assert (first.fiscal, first.other, first.total) == (D("45.5"), D("4.3"), D("49.8"))
    type_in_cell(qtbot, view, 1, TOTAL, "1,10.7")  # no amount: refused, said, nothing stored
    assert stored(window).tasks[1].total == D("110.61")
    [(_kind, title, text)] = [entry for entry in gui.asked if entry[0] == "warn"]
    assert title == "修改没有保存" and "“1,10.7”不是金额（万元）" in text
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window).tasks[0].other is None
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window).tasks[0].name == "森林防火"
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(window).tasks[0].name == "森林防火和有害生物防治"
    model = window.ui.projectForm.tasks.model
    assert model.data(model.index(0, NAME)) == "森林防火和有害生物防治"


def test_a_task_row_is_added_typed_and_deleted_and_undo_brings_it_back(window, qtbot):
    show(window, "某县林业局")
    tasks = window.ui.projectForm.tasks
    tasks.view.setCurrentIndex(tasks.model.index(0, NAME))
    qtbot.mouseClick(tasks.add_button, Qt.MouseButton.LeftButton)
    assert [t.name for t in stored(window).tasks] == ["森林防火", "", "人员工资"]
    assert tasks.view.currentIndex().row() == 1
    type_in_cell(qtbot, tasks.view, 1, NAME, "湿地保护")
    type_in_cell(qtbot, tasks.view, 1, TOTAL, "11")
    assert (stored(window).tasks[1].name, stored(window).tasks[1].total) == ("湿地保护", D("11"))
    assert tasks.sum_label.text() == "金额合计 171.41 万元"
    tasks.view.setCurrentIndex(tasks.model.index(0, NAME))
    tasks.view.selectionModel().clearSelection()
    qtbot.mouseClick(tasks.delete_button, Qt.MouseButton.LeftButton)
    assert [t.name for t in stored(window).tasks] == ["湿地保护", "人员工资"]
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [t.name for t in stored(window).tasks] == ["森林防火", "湿地保护", "人员工资"]
    assert tasks.model.rowCount() == 3


def test_the_budget_split_and_the_duties_are_typed_on_the_form(window, qtbot):
    form = window.ui.projectForm
    show(window, "某县林业局")
    assert form.project_funds_edit.isVisible() and form.duties_edit.isVisible()
    type_into(qtbot, form.project_funds_edit, "60.8")
    press(qtbot, form.project_funds_edit, Qt.Key.Key_Tab)
    type_into(qtbot, form.basic_funds_edit, "110.61")
    press(qtbot, form.basic_funds_edit, Qt.Key.Key_Tab)
    type_into(qtbot, form.duties_edit, "负责全县林业资源保护。")
    press(qtbot, form.duties_edit, Qt.Key.Key_Tab)
    got = stored(window)
    assert (got.project_funds, got.basic_funds) == (D("60.8"), D("110.61"))
    assert got.duties == "负责全县林业资源保护。"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window).duties == ""
    show(window, "网格化服务经费")
    assert not form.project_funds_edit.isVisible()
