"""A 绩效自评表's project in the indicator grid (issue 11, item 2): after 值 and 单位 the grid
shows what the table holds beside the target (全年实际值 │ 分值 │ 得分 │ 未完成原因), each cell
typed, edited, cleared and pasted into as the others, stored through one undoable edit; a
project of any other kind shows the grid as before."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.support.gui_helpers import (
    cell_editor,
    enter,
    focused,
    on_next_dialog,
    press,
    reactivate,
    show_project,
    shown_window,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QToolTip

from perfdesk.core.model import SELF_EVALUATION, Indicator, Project
from perfdesk.gui.models.indicator_table_model import NAME, UNIT, VALUE
from perfdesk.services import review
from perfdesk.services.dataset import Dataset

TARGET_TABLE_HEADINGS = ["一级", "二级", "三级指标", "性质", "符号", "值", "单位", "依据", "解释"]
SELF_EVALUATION_HEADINGS = ["一级", "二级", "三级指标", "性质", "符号", "值", "单位", "全年实际值",
                            "分值", "得分", "未完成原因", "依据", "解释"]
ACTUAL, WEIGHT, SCORE, SHORTFALL = 7, 8, 9, 10  # in a 自评表's grid, as the official form orders them


@pytest.fixture
def window(gui, qtbot, new_dataset):
    dataset = new_dataset()
    unit = dataset.units()[0].uuid
    dataset.add_project(unit, Project(name="农业水价综合改革项目", kind=SELF_EVALUATION, indicators=[
        Indicator(level1="产出指标", level2="数量指标", name="安装坡面水标尺", nature="定量",
                  comparator="≥", target=Decimal(266), unit="米", weight=Decimal(10),
                  actual="≥266米", score=Decimal(10)),
        Indicator(level1="效益指标", level2="社会效益指标", name="受益户满意度", nature="定量",
                  comparator="≥", target=Decimal(95), unit="%", weight=Decimal(10),
                  actual="93%", score=Decimal(8), shortfall="部分农户未及时回访")]))
    dataset.add_project(unit, Project(name="网格化服务经费", annual_goal="完成。", indicators=[
        Indicator(level1="满意度指标", level2="服务对象满意度指标", name="群众满意度",
                  nature="定量", comparator="≥", target=Decimal(90), unit="%")]))
    win = shown_window(qtbot, dataset)  # 1366×768
    yield win
    win.close()


def self_evaluation(window):
    show_project(window, "农业水价综合改革项目")
    grid = window.ui.indicatorGrid
    grid.setFocus()
    return grid


def stored(window) -> Project:
    with Dataset.open(window.document.dataset.path, read_only=True) as ds:
        return ds.load_project(window.current_project)


def headings(window) -> list[str]:
    model = window.indicator_model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def type_into_cell(qtbot, grid, row: int, column: int, text: str) -> None:
    grid.setCurrentIndex(grid.model().index(row, column))
    type_text(qtbot, grid, text)  # typing over the cell opens its editor
    enter(qtbot, grid)


def test_a_self_evaluation_shows_its_results_and_a_target_table_the_grid_as_before(window):
    grid = self_evaluation(window)
    assert headings(window) == SELF_EVALUATION_HEADINGS
    model = window.indicator_model
    assert [model.index(1, c).data() for c in (VALUE, UNIT, WEIGHT, ACTUAL, SCORE, SHORTFALL)] \
        == ["95", "%", "10", "93%", "8", "部分农户未及时回访"]
    assert model.index(1, SCORE).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # numbers as numbers
    # at 1366×768 every heading is read whole, with the header's margins beside it
    metrics = grid.horizontalHeader().fontMetrics()
    for column, heading in enumerate(SELF_EVALUATION_HEADINGS):
        assert grid.columnWidth(column) >= metrics.horizontalAdvance(heading) + 8, heading

    show_project(window, "网格化服务经费")
    assert headings(window) == TARGET_TABLE_HEADINGS
    assert model.columnCount() == 9
    assert model.index(0, 7).data() == ""  # 依据 where it always was
    show_project(window, "农业水价综合改革项目")  # and back: the columns come again
    assert headings(window) == SELF_EVALUATION_HEADINGS


def test_a_score_typed_is_stored_exactly_in_one_undoable_step(window, qtbot):
    grid = self_evaluation(window)
    undo = window.document.undo_stack
    before = undo.count()
    type_into_cell(qtbot, grid, 1, SCORE, "9.5")
    score = stored(window).indicators[1].score
    assert score == Decimal("9.5") and isinstance(score, Decimal)
    assert window.indicator_model.index(1, SCORE).data() == "9.5"
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, SCORE)  # Enter:
    assert undo.count() == before + 1 and undo.undoText() == "修改“得分”"  # the last row stays
    window.undo()
    assert stored(window).indicators[1].score == Decimal(8)
    assert window.indicator_model.index(1, SCORE).data() == "8"
    window.redo()
    assert stored(window).indicators[1].score == Decimal("9.5")


def test_points_that_are_not_a_number_are_refused_at_the_cell_and_nothing_is_stored(window,
                                                                                    qtbot):
    grid = self_evaluation(window)
    undo = window.document.undo_stack
    before = undo.count()
    type_into_cell(qtbot, grid, 0, WEIGHT, "abc")
    assert stored(window).indicators[0].weight == Decimal(10)
    assert undo.count() == before
    model = window.indicator_model
    assert model.index(0, WEIGHT).data() == "10"
    qtbot.waitUntil(QToolTip.isVisible)  # said at the cell, and kept in its tooltip
    assert "分值（权重）“abc”不是数字" in QToolTip.text()
    assert "“abc”不是数字" in model.index(0, WEIGHT).data(Qt.ItemDataRole.ToolTipRole)
    type_into_cell(qtbot, grid, 0, WEIGHT, "12分")  # the way a 自评表 writes it is a number
    assert stored(window).indicators[0].weight == Decimal(12)


def test_the_cells_are_edited_tabbed_through_and_cleared_as_the_others(window, qtbot):
    grid = self_evaluation(window)
    model = window.indicator_model
    grid.setCurrentIndex(model.index(1, UNIT))
    press(qtbot, grid, Qt.Key.Key_Tab)  # from 单位 on into the 自评表's cells, in order
    assert grid.currentIndex().column() == ACTUAL
    press(qtbot, grid, Qt.Key.Key_F2)  # F2 edits in place: what is typed goes after the text
    editor = cell_editor(grid)
    assert editor.text() == "93%" and editor.cursorPosition() == 3
    type_text(qtbot, editor, "（抽样）")
    enter(qtbot, grid)
    assert stored(window).indicators[1].actual == "93%（抽样）"  # a result, kept as written
    assert stored(window).indicators[1].target == Decimal(95)  # the target is not touched

    grid.setCurrentIndex(model.index(1, SHORTFALL))
    press(qtbot, grid, Qt.Key.Key_Delete)  # Delete clears the cell, one undoable step
    assert stored(window).indicators[1].shortfall == ""
    assert model.index(1, SHORTFALL).data() == ""
    window.undo()
    assert stored(window).indicators[1].shortfall == "部分农户未及时回访"
    grid.setCurrentIndex(model.index(0, SCORE))
    press(qtbot, grid, Qt.Key.Key_Delete)
    assert stored(window).indicators[0].score is None
    assert focused() is grid


def test_a_pasted_block_with_actual_values_lands_in_their_column(window, qtbot):
    grid = self_evaluation(window)
    QGuiApplication.clipboard().setText(
        "三级指标\t年度指标值\t全年实际值\t分值\t得分\t未完成原因\r\n"
        "及时(按期)完工率\t≥90%\t85%\t10\t8.5\t汛期停工两周\r\n")
    grid.setCurrentIndex(window.indicator_model.index(1, NAME))
    previewed = []

    def accept(dialog):
        model = dialog.model
        previewed.extend(model.data(model.index(0, c)) for c in range(1, model.columnCount()))
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_dialog(accept)
    press(qtbot, grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    reactivate(qtbot, window)
    assert previewed[7:11] == ["85%", "10", "8.5", "汛期停工两周"]  # the preview shows them too
    pasted = stored(window).indicators[2]
    assert (pasted.name, pasted.target, pasted.actual, pasted.weight, pasted.score,
            pasted.shortfall) == ("及时(按期)完工率", Decimal(90), "85%", Decimal(10),
                                  Decimal("8.5"), "汛期停工两周")
    model = window.indicator_model
    assert [model.index(2, c).data() for c in (WEIGHT, ACTUAL, SCORE, SHORTFALL)] == [
        "10", "85%", "8.5", "汛期停工两周"]
    window.undo()
    assert len(stored(window).indicators) == 2


def test_a_comment_on_a_score_marks_its_cell_and_jumping_to_it_lands_there(window):
    grid = self_evaluation(window)
    project = stored(window)
    window.document.add_comments([review.new_comment(
        window.document.dataset, project.uuid, "得分高于完成情况",
        indicator_uuid=project.indicators[1].uuid, field="score")])
    model = window.indicator_model
    assert model.commented() == [(1, SCORE)]
    assert "得分高于完成情况" in model.index(1, SCORE).data(Qt.ItemDataRole.ToolTipRole)
    grid.setCurrentIndex(model.index(0, NAME))
    window.navigation.focus_place(project.uuid, project.indicators[1].uuid, "score")
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, SCORE)
