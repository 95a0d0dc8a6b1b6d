"""The main window driven with the keyboard, as a clerk would: projects, indicators, checks,
undo. Real widgets, offscreen, a fresh dataset per test."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.support.gui_helpers import (
    cell_editor,
    double_click,
    enter,
    escape,
    focused,
    press,
    reactivate,
    type_into,
    type_text,
    well_formed_indicators,
    well_formed_project,
)
from PySide6.QtCore import Qt

from perfdesk.services.dataset import Dataset
from perfdesk.gui.models.indicator_table_model import (
    LEVEL1,
    LEVEL2,
    NAME,
    VALUE,
    SeverityRole,
)
from perfdesk.gui.window.main_window import MainWindow
from perfdesk.core.model import Indicator, Project


@pytest.fixture
def window(gui, qtbot, new_dataset):
    dataset = new_dataset()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.set_dataset(dataset)
    win.checker.finish_now()
    yield win
    win.close()


def stored(win, uuid=None) -> Project:
    """The project as the dataset file has it (read with a second, read-only connection)."""
    with Dataset.open(win.document.dataset.path, read_only=True) as ds:
        return ds.load_project(uuid or win.current_project)


def test_a_project_and_its_indicators_entered_with_the_keyboard_are_stored(window, qtbot):
    form = window.ui.projectForm.ui
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_project is not None
    assert focused() is form.nameEdit
    type_text(qtbot, form.nameEdit, "基层社会治理培训经费")
    press(qtbot, form.nameEdit, Qt.Key.Key_Tab)
    assert focused() is form.codeEdit
    type_into(qtbot, form.annualFiscalEdit, "120")
    press(qtbot, form.annualFiscalEdit, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.annualOtherEdit, "3.45")
    press(qtbot, form.annualOtherEdit, Qt.Key.Key_Tab)
    assert form.annualTotalEdit.text() == "123.45"  # the total follows its parts
    type_into(qtbot, form.annualGoalEdit, "完成培训10场。")
    press(qtbot, form.annualGoalEdit, Qt.Key.Key_Tab)

    grid = window.ui.indicatorGrid
    press(qtbot, window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.indicator_model.rowCount() == 1
    assert grid.currentIndex().column() == LEVEL1
    combo = cell_editor(grid)
    combo.setCurrentText("产出指标")
    press(qtbot, cell_editor(grid), Qt.Key.Key_Tab)  # Tab commits and moves across
    assert grid.currentIndex().column() == LEVEL2
    press(qtbot, grid, Qt.Key.Key_F2)
    cell_editor(grid).setCurrentText("数量指标")
    press(qtbot, cell_editor(grid), Qt.Key.Key_Tab)
    assert grid.currentIndex().column() == NAME
    type_text(qtbot, grid, "培训场次")  # typing starts editing
    enter(qtbot, grid)
    grid.setCurrentIndex(window.indicator_model.index(0, VALUE))
    type_text(qtbot, grid, "不低于10场")
    enter(qtbot, grid)

    project = stored(window)
    assert project.name == "基层社会治理培训经费"
    assert (project.annual_total, project.annual_fiscal, project.annual_other) == (
        Decimal("123.45"), Decimal("120"), Decimal("3.45"))
    assert project.annual_goal == "完成培训10场。"
    [indicator] = project.indicators
    assert (indicator.level1, indicator.level2, indicator.name) == ("产出指标", "数量指标",
                                                                    "培训场次")
    # 不低于10场 was understood and split into the typed fields
    assert (indicator.nature, indicator.comparator, indicator.target, indicator.unit) == (
        "定量", "≥", Decimal("10"), "场")
    assert indicator.value_display() == "≥10场"


def test_a_library_name_fills_in_an_empty_row(window, qtbot):
    window.new_project()
    window.new_indicator()
    grid = window.ui.indicatorGrid
    index = window.indicator_model.index(0, NAME)
    grid.setCurrentIndex(index)
    type_text(qtbot, grid, "参训人员满意度")
    enter(qtbot, grid)
    [indicator] = stored(window).indicators
    assert (indicator.level1, indicator.level2) == ("满意度指标", "服务对象满意度指标")
    assert (indicator.nature, indicator.comparator, indicator.unit) == ("定量", "≥", "%")


def test_a_problem_appears_at_the_field_and_disappears_when_fixed(window, qtbot):
    form = window.ui.projectForm
    window.new_project()
    # a new project has no name: HDR-01 marks the name field and lists it in the panel
    assert form.marked_fields()["name"] == "error"
    assert "项目名称为空" in form.ui.nameEdit.toolTip()
    panel = window.ui.findingsPanel
    assert any(f.rule == "HDR-01" for _u, f in panel.model._rows)
    badge = window.tree_model.summary(window.tree_model._projects[window.current_project])
    assert badge.errors >= 1
    # typing the name clears the mark at once, before the field is even left
    type_text(qtbot, form.ui.nameEdit, "网格化服务经费")
    assert "name" not in form.marked_fields()
    assert not any(f.rule == "HDR-01" for _u, f in panel.model._rows)
    press(qtbot, form.ui.nameEdit, Qt.Key.Key_Return)
    assert stored(window).name == "网格化服务经费"
    assert not any(f.rule == "HDR-01" for f in window.checker.findings(window.current_project))


def test_an_indicator_cell_is_marked_while_typing(window, qtbot):
    unit = window.document.dataset.units()[0].uuid
    project = well_formed_project(indicators=[*well_formed_indicators(), Indicator(
        level1="产出指标", level2="质量指标", name="验收合格率", nature="定量", comparator="≥",
        target=Decimal(120), unit="%", basis="计划标准")])
    window.document.add_project(unit, project)
    window.checker.finish_now()
    window.select_in_tree(project.uuid)
    grid, model = window.ui.indicatorGrid, window.indicator_model
    assert model.index(4, VALUE).data(SeverityRole) == "error"  # a rate above 100 % (VAL-06)
    grid.setFocus()
    grid.setCurrentIndex(model.index(4, VALUE))
    type_text(qtbot, grid, "98")  # typing replaces the cell's text
    assert cell_editor(grid).text() == "98"
    assert model.index(4, VALUE).data(SeverityRole) == ""  # cleared before anything is saved
    assert any(f.rule == "VAL-06" for f in window.checker.findings(project.uuid)) is False
    escape(qtbot, grid)  # abandoned: the mark comes back
    assert model.index(4, VALUE).data(SeverityRole) == "error"
    type_text(qtbot, grid, "98")
    enter(qtbot, grid)
    assert stored(window, project.uuid).indicators[4].target == Decimal("98")
    assert model.index(4, VALUE).data(SeverityRole) == ""
    assert window.checker.summary(project.uuid).problems == 0


def test_undo_and_redo_cover_edits_additions_and_deletions(window, qtbot):
    window.new_project()
    uuid = window.current_project
    form = window.ui.projectForm.ui
    type_text(qtbot, form.nameEdit, "执法监督工作经费")
    press(qtbot, form.nameEdit, Qt.Key.Key_Return)
    window.new_indicator()
    window.indicator_model.setData(window.indicator_model.index(0, NAME), "培训场次")
    window.ui.projectTree.setFocus()
    assert len(stored(window, uuid).indicators) == 1

    press(qtbot, window.ui.projectTree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, uuid).indicators[0].name == ""
    press(qtbot, window.ui.projectTree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, uuid).indicators == []
    assert window.indicator_model.rowCount() == 0
    press(qtbot, window.ui.projectTree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, uuid).name == ""
    assert form.nameEdit.text() == ""
    press(qtbot, window.ui.projectTree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert form.nameEdit.text() == "执法监督工作经费"
    press(qtbot, window.ui.projectTree, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.indicator_model.rowCount() == 1
    assert len(stored(window, uuid).indicators) == 1
    press(qtbot, window.ui.projectTree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, uuid).indicators[0].name == "培训场次"
    assert not window.document.undo_stack.canRedo()

    # deleting the project is undone with its indicators
    window.ui.projectTree.setFocus()
    press(qtbot, window.ui.projectTree, Qt.Key.Key_Delete)
    assert window.tree_model.project_count() == 0
    window.undo()
    assert window.tree_model.project_count() == 1
    assert stored(window, uuid).indicators[0].name == "培训场次"


def test_typing_a_goal_is_one_undo_step(window, qtbot):
    window.new_project()
    goal = window.ui.projectForm.ui.annualGoalEdit
    type_into(qtbot, goal, "完成")
    window.ui.projectForm._commit_pending()  # the pause in typing writes what is there
    type_text(qtbot, goal, "年度培训")
    window.ui.projectForm._commit_pending()
    window.ui.projectTree.setFocus()  # leaving the field completes it
    assert stored(window).annual_goal == "完成年度培训"
    window.undo()
    assert stored(window).annual_goal == ""
    assert goal.toPlainText() == ""


def test_indicators_move_with_alt_arrows_and_are_deleted_with_ctrl_delete(window, qtbot):
    window.new_project()
    model = window.indicator_model
    for name in ("甲", "乙", "丙"):
        window.new_indicator()
        escape(qtbot, window.ui.indicatorGrid)
        model.setData(model.index(model.rowCount() - 1, NAME), name)
    grid = window.ui.indicatorGrid
    grid.setFocus()
    grid.setCurrentIndex(model.index(2, NAME))
    press(qtbot, grid, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    press(qtbot, grid, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [i.name for i in stored(window).indicators] == ["丙", "甲", "乙"]
    assert grid.currentIndex().row() == 0
    press(qtbot, grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [i.name for i in stored(window).indicators] == ["甲", "丙", "乙"]
    press(qtbot, grid, Qt.Key.Key_Delete)  # as in Excel: the cell is cleared, the row stays
    assert [i.name for i in stored(window).indicators] == ["甲", "", "乙"]
    window.undo()
    press(qtbot, grid, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [i.name for i in stored(window).indicators] == ["甲", "乙"]
    window.undo()
    assert [i.name for i in stored(window).indicators] == ["甲", "丙", "乙"]
    assert [model.indicator(r).name for r in range(3)] == ["甲", "丙", "乙"]


def test_double_click_in_the_panel_and_f8_jump_to_the_field(window, qtbot):
    dataset = window.document.dataset
    unit = dataset.units()[0].uuid
    good = well_formed_project("已填好的项目")
    bad = well_formed_project("有问题的项目", annual_goal="", indicators=[
        *well_formed_indicators(), Indicator(level1="项目完成指标", level2="质量指标",
                                             name="覆盖率", nature="定量", comparator="≥",
                                             unit="%", basis="计划标准")])
    window.document.add_project(unit, good)
    window.document.add_project(unit, bad)
    window.checker.finish_now()
    window.select_in_tree(good.uuid)
    panel = window.ui.findingsPanel
    assert panel.model.rowCount() == 0

    press(qtbot, window, Qt.Key.Key_F8)  # the next problem is in the next project
    assert window.current_project == bad.uuid
    assert focused() is window.ui.projectForm.ui.annualGoalEdit  # GOAL-01 comes first
    grid = window.ui.indicatorGrid

    def current_rule():
        return panel.current_finding()[1].rule

    press(qtbot, window, Qt.Key.Key_F8)
    assert current_rule() == "CAT-03"  # 项目完成指标 for 产出指标, in the fifth row
    assert focused() is grid and (grid.currentIndex().row(), grid.currentIndex().column()) == (
        4, LEVEL1)
    press(qtbot, window, Qt.Key.Key_F8)
    assert current_rule() == "ROW-01"  # no 指标值
    assert grid.currentIndex().column() == VALUE
    press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert current_rule() == "CAT-03"
    assert grid.currentIndex().column() == LEVEL1
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_F8)  # past the last problem: round to the first
    assert current_rule() == "GOAL-01"

    window.ui.projectTree.setFocus()
    view = panel.ui.findingsView
    row = next(r for r in range(panel.model.rowCount())
               if panel.model.finding(r)[1].rule == "GOAL-01")
    rect = view.visualRect(panel.model.index(row, 0))
    double_click(view.viewport(), rect.center())
    qtbot.waitUntil(lambda: focused() is window.ui.projectForm.ui.annualGoalEdit)
    # Enter on a selected problem does the same
    view.setFocus()
    row = next(r for r in range(panel.model.rowCount())
               if panel.model.finding(r)[1].rule == "ROW-01")
    view.setCurrentIndex(panel.model.index(row, 0))
    press(qtbot, view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is grid and grid.currentIndex().column() == VALUE)


def test_an_auto_fix_is_one_undoable_click(window, qtbot):
    unit = window.document.dataset.units()[0].uuid
    indicators = well_formed_indicators()
    indicators[0].level1 = "项目完成指标"  # as an old table names 产出指标
    project = well_formed_project("导入的项目", indicators=indicators)
    window.document.add_project(unit, project)
    window.checker.finish_now()
    window.select_in_tree(project.uuid)
    panel = window.ui.findingsPanel
    row = next(r for r in range(panel.model.rowCount())
               if panel.model.finding(r)[1].rule == "CAT-03")
    panel.ui.findingsView.setCurrentIndex(panel.model.index(row, 0))
    assert panel.ui.fixButton.isEnabled()
    qtbot.mouseClick(panel.ui.fixButton, Qt.MouseButton.LeftButton)
    assert stored(window, project.uuid).indicators[0].level1 == "产出指标"
    assert not any(f.rule == "CAT-03" for f in window.checker.findings(project.uuid))
    assert window.document.undo_stack.undoText().startswith("自动修正")
    window.undo()
    assert stored(window, project.uuid).indicators[0].level1 == "项目完成指标"
    assert any(f.rule == "CAT-03" for f in window.checker.findings(project.uuid))


def test_the_filter_box_narrows_the_tree_by_name_unit_or_problem(window, qtbot):
    unit = window.document.dataset.units()[0].uuid
    window.document.add_project(unit, well_formed_project("网格化服务经费"))
    window.document.add_project(unit, well_formed_project("出租屋管理经费", annual_goal=""))
    window.checker.finish_now()

    def visible():
        proxy, tree = window.proxy, window.ui.projectTree
        names = []

        def walk(parent):
            for row in range(proxy.rowCount(parent)):
                index = proxy.index(row, 0, parent)
                if proxy.rowCount(index) == 0 and index.parent().isValid() and \
                        index.parent().parent().isValid():
                    names.append(index.data())
                walk(index)

        walk(tree.rootIndex())
        return names

    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.search
    type_text(qtbot, window.search, "网格")
    assert visible() == ["网格化服务经费"]
    window.search.clear()
    type_text(qtbot, window.search, "年度目标（绩效目标）为空")  # a problem's message
    assert visible() == ["出租屋管理经费"]
    window.search.clear()
    type_text(qtbot, window.search, "测试预算单位")  # the unit's name
    assert visible() == ["网格化服务经费", "出租屋管理经费"]
    window.search.clear()
    window.ui.problemFilter.setCurrentIndex(1)  # projects with errors
    assert visible() == ["出租屋管理经费"]


def test_the_filter_box_s_clear_button_shows_with_text_and_empties_it(window, qtbot):
    from PySide6.QtWidgets import QToolButton

    def clear_button():
        shown = [b for b in window.search.findChildren(QToolButton) if b.isVisible()
                 and b.defaultAction() is not None and "clear" in b.defaultAction().objectName()]
        return shown[0] if shown else None

    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert clear_button() is None
    type_text(qtbot, window.search, "网格")
    qtbot.waitUntil(lambda: clear_button() is not None)
    qtbot.mouseClick(clear_button(), Qt.MouseButton.LeftButton)
    assert window.search.text() == ""


def test_tab_goes_through_the_form_top_to_bottom_then_into_the_grid(window, qtbot):
    window.new_project()
    form = window.ui.projectForm.ui
    expected = [form.codeEdit, form.implementingUnitEdit, form.attributeCombo, form.periodEdit,
                form.includesTransfer, form.noServiceRecipients,
                form.annualTotalEdit, form.annualFiscalEdit, form.annualOtherEdit,
                form.midtermTotalEdit, form.midtermFiscalEdit, form.midtermOtherEdit,
                form.annualGoalEdit, form.midtermGoalEdit, window.ui.indicatorGrid]
    form.nameEdit.setFocus()
    seen = []
    for _ in expected:
        press(qtbot, focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    assert [w.objectName() for w in seen] == [w.objectName() for w in expected]


def test_units_are_added_renamed_in_the_tree_and_deleted_with_undo(window, qtbot):
    from tests.support.gui_helpers import on_next_dialog

    from perfdesk.gui.dialogs.dataset_dialogs import NewUnitDialog

    def fill(dialog):
        dialog.ui.departmentCombo.setEditText("中共广州市黄埔区委政法委员会")
        dialog.ui.unitEdit.setText("区法学会")
        press(qtbot, dialog.ui.unitEdit, Qt.Key.Key_Return)

    done = on_next_dialog(fill, NewUnitDialog)
    window.ui.actionNewUnit.trigger()
    assert done
    reactivate(qtbot, window)
    dataset = window.document.dataset
    assert [d.name for d in dataset.departments()] == ["测试主管部门", "中共广州市黄埔区委政法委员会"]
    unit = next(u for u in dataset.units() if u.name == "区法学会")
    assert window.navigation.current_tree() == ("unit", unit.uuid)  # the new unit is selected
    tree = window.ui.projectTree
    tree.setFocus()
    press(qtbot, tree, Qt.Key.Key_F2)  # rename in place
    editor = focused()
    editor.selectAll()
    type_text(qtbot, editor, "黄埔区法学会")
    press(qtbot, editor, Qt.Key.Key_Return)  # committed on the next turn of the event loop
    qtbot.waitUntil(lambda: next(u.name for u in dataset.units()
                                 if u.uuid == unit.uuid) == "黄埔区法学会")
    assert window.tree_model.index_of(unit.uuid).data() == "黄埔区法学会"
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a project in it
    assert window.tree_model.unit_of(window.current_project) == unit.uuid
    window.select_in_tree(unit.uuid)
    tree.setFocus()
    press(qtbot, tree, Qt.Key.Key_Delete)  # one project in it: asked first (answered yes)
    assert all(u.uuid != unit.uuid for u in dataset.units())
    window.undo()
    assert any(u.uuid == unit.uuid for u in dataset.units())
    assert window.tree_model.project_count() == 1


def test_the_selected_problem_and_its_auto_fix_are_read_without_scrolling(window, qtbot):
    # the seed's CAT-02: a level-2 name as level 1, with a fix that names both levels
    unit = window.document.dataset.units()[0].uuid
    indicators = well_formed_indicators()
    indicators[0] = Indicator(level1="质量指标", name="维保期内保证设备、链路正常",
                              nature="定量", comparator="≥", target=Decimal(100), unit="%",
                              basis="计划标准")
    project = well_formed_project("综治视联网系统项目", indicators=indicators)
    window.document.add_project(unit, project)
    window.checker.finish_now()
    window.select_in_tree(project.uuid)
    panel = window.ui.findingsPanel
    row = next(r for r in range(panel.model.rowCount())
               if panel.model.finding(r)[1].rule == "CAT-02")
    panel.ui.findingsView.setCurrentIndex(panel.model.index(row, 0))
    detail = panel.ui.detailText
    assert "可自动修正：一级指标改为“产出指标”" in detail.toPlainText()
    qtbot.waitUntil(lambda: detail.document().size().height() > 0)
    assert detail.verticalScrollBar().maximum() == 0  # nothing hidden below the box


def test_a_long_department_name_is_shortened_with_an_ellipsis_not_cut(gui, qtbot, new_dataset):
    long_name = "中共广州市黄埔区委政法委员会（部门）"
    dataset = new_dataset()
    dataset.add_projects([Project(name="项目", department=long_name, unit=long_name)])
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.set_dataset(dataset)
    win.select_in_tree(next(e.uuid for e in dataset.project_list() if e.name == "项目"))
    label = win.ui.projectForm.ui.departmentValue
    assert label.text() == long_name and label.toolTip() == long_name
    label.resize(120, label.height())  # as narrow as at 1366 with the panels open
    assert label.elided()
    shown = label.fontMetrics().elidedText(long_name, Qt.TextElideMode.ElideRight,
                                            label.contentsRect().width())
    assert shown.endswith("…") and shown != long_name
    win.close()


# --- 项目期: one field, years and months ------------------------------------------------------

def period_of(project: Project) -> tuple:
    return (project.period_start, project.period_start_month, project.period_end,
            project.period_end_month)


def tab_into_the_period(qtbot):
    form_ui = focused().window().ui.projectForm.ui
    form_ui.attributeCombo.setFocus()
    press(qtbot, form_ui.attributeCombo, Qt.Key.Key_Tab)
    assert focused() is form_ui.periodEdit
    return form_ui.periodEdit


def test_the_period_is_typed_with_its_months_and_shown_as_the_form_writes_it(window, qtbot):
    window.new_project()
    edit = tab_into_the_period(qtbot)
    assert edit.text() == "2025年" and edit.selectedText() == "2025年"  # typed over
    type_text(qtbot, edit, "2023.7-2024.1")
    press(qtbot, edit, Qt.Key.Key_Return)
    assert period_of(stored(window)) == (2023, 7, 2024, 1)
    assert edit.text() == "2023年7月至2024年1月"
    press(qtbot, edit, Qt.Key.Key_Tab)
    edit = tab_into_the_period(qtbot)
    type_text(qtbot, edit, "2023-2025")  # a year alone stays a year
    press(qtbot, edit, Qt.Key.Key_Tab)
    assert period_of(stored(window)) == (2023, None, 2025, None)
    assert edit.text() == "2023年至2025年"

    tree = window.ui.projectTree
    tree.setFocus()
    press(qtbot, tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert period_of(stored(window)) == (2023, 7, 2024, 1)
    assert edit.text() == "2023年7月至2024年1月"
    press(qtbot, tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert period_of(stored(window)) == (2025, None, 2025, None) and edit.text() == "2025年"
    press(qtbot, tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert period_of(stored(window)) == (2023, 7, 2024, 1)
    assert edit.text() == "2023年7月至2024年1月"


def test_the_period_field_refuses_letters_and_is_emptied_with_delete(window, qtbot):
    window.new_project()
    edit = tab_into_the_period(qtbot)
    type_text(qtbot, edit, "2024ab-2026")
    assert edit.text() == "2024-2026"  # the letters were not taken
    press(qtbot, edit, Qt.Key.Key_Return)
    assert period_of(stored(window)) == (2024, None, 2026, None)
    edit.selectAll()
    press(qtbot, edit, Qt.Key.Key_Delete)
    press(qtbot, edit, Qt.Key.Key_Return)
    assert period_of(stored(window)) == (None, None, None, None) and edit.text() == ""


def test_a_period_pasted_as_a_table_writes_it_is_read_with_its_months(window, qtbot):
    from PySide6.QtWidgets import QApplication

    window.new_project()
    edit = tab_into_the_period(qtbot)
    QApplication.clipboard().setText("2023年7月至2024年1月")
    press(qtbot, edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, edit, Qt.Key.Key_Tab)
    assert period_of(stored(window)) == (2023, 7, 2024, 1)


def test_a_seven_month_service_asks_no_mid_term_goal_but_three_years_do(window, qtbot):
    window.new_project()
    form = window.ui.projectForm
    edit = tab_into_the_period(qtbot)
    type_text(qtbot, edit, "2025.1-2027.12")
    press(qtbot, edit, Qt.Key.Key_Return)
    window.checker.finish_now()
    assert "midterm_goal" in form.marked_fields()  # GOAL-02: three years, no mid-term goal
    edit.selectAll()
    type_text(qtbot, edit, "2024.7-2025.1")
    press(qtbot, edit, Qt.Key.Key_Return)
    window.checker.finish_now()
    assert "midterm_goal" not in form.marked_fields()  # 7 months: one year's work
    edit.selectAll()
    type_text(qtbot, edit, "2026-2027")  # after the budget year 2025: HDR-04 at the field
    press(qtbot, edit, Qt.Key.Key_Return)
    window.checker.finish_now()
    assert form.marked_fields().get("period") == "warning"
    assert "尚未开始" in edit.toolTip()
