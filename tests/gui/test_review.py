"""审核意见 in the window, driven by keys: a reviewer comments the cell the cursor is in
(Shift+F2, as Excel's 插入批注) or turns a check finding into a comment; the clerk answers it
(改了 / 说明 with a reply); the reviewer closes or re-opens it; a field's 修改记录 lists what
changed. Each is one undoable step, and the 审核意见 panel shows where each comment points."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from perfdesk.core.review import ANSWERED, CLOSED, EXPLAINED, OPEN
from perfdesk.gui.dialogs.review_dialogs import AnswerDialog, CommentDialog, HistoryDialog
from perfdesk.gui.models.indicator_table_model import VALUE, CommentsRole
from perfdesk.gui.models.project_tree_model import OpenCommentsRole
from perfdesk.gui.window.main_window import MainWindow
from perfdesk.services import review
from perfdesk.services.dataset import Dataset
from tests.support.gui_helpers import (
    on_next_dialog,
    press,
    reactivate,
    type_text,
    well_formed_project,
)


@pytest.fixture
def window(gui, qtbot, new_dataset):
    dataset = new_dataset()
    dataset.add_project(dataset.units()[0].uuid, well_formed_project())
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.set_dataset(dataset)
    win.checker.finish_now()
    win.select_in_tree(win.tree_model.project_uuids()[0])
    yield win
    win.close()


def stored(win):
    with Dataset.open(win.document.dataset.path, read_only=True) as ds:
        return ds.comments()


def ok_button(dialog):
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def test_shift_f2_in_a_cell_comments_that_indicators_field_from_a_standard_phrase(window,
                                                                                  qtbot):
    grid = window.ui.indicatorGrid
    grid.setFocus()
    grid.setCurrentIndex(window.indicator_model.index(2, VALUE))  # 参训人员满意度's 值

    def write(dialog):
        assert "第3条指标“参训人员满意度”" in dialog.ui.anchorLabel.text()
        assert not ok_button(dialog).isEnabled()  # nothing to say yet
        combo = dialog.ui.phraseCombo
        phrase = next(i for i in range(combo.count()) if "[SAT-01]" in combo.itemText(i))
        combo.setCurrentIndex(phrase)
        combo.activated.emit(phrase)
        assert ok_button(dialog).isEnabled()
        press(qtbot, ok_button(dialog), Qt.Key.Key_Space)

    done = on_next_dialog(write, CommentDialog)
    press(qtbot, grid, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert done
    [comment] = stored(window)
    indicator = window.document.project(window.current_project).indicators[2]
    assert (comment.indicator_uuid, comment.field, comment.rule) == (indicator.uuid, "value",
                                                                     "SAT-01")
    panel = window.reviewing.panel
    assert window.reviewing.dock.isVisible() and panel.model.rowCount() == 1
    assert "参训人员满意度" in panel.model.where(0) and "待答复" in panel.ui.detailLabel.text()
    reactivate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo step
    assert stored(window) == [] and panel.model.rowCount() == 0


def test_a_comment_on_the_goal_field_typed_by_hand(window, qtbot):
    goal = window.ui.projectForm.widgets["annual_goal"]
    goal.setFocus()

    def write(dialog):
        type_text(qtbot, dialog.ui.textEdit, "年度目标未细化量化")
        press(qtbot, ok_button(dialog), Qt.Key.Key_Space)

    on_next_dialog(write, CommentDialog)
    press(qtbot, goal, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    [comment] = stored(window)
    assert (comment.indicator_uuid, comment.field, comment.text) == ("", "annual_goal",
                                                                     "年度目标未细化量化")
    assert window.reviewing.panel.model.where(0) == "年度目标"  # the project is the one shown
    window.reviewing.panel.ui.scopeCombo.setCurrentIndex(1)  # 全部项目: with the project
    assert window.reviewing.panel.model.where(0) == "项目“基层社会治理培训经费” › 年度目标"


def test_a_finding_turned_into_a_comment_keeps_its_rule_and_field(window, qtbot):
    window.document.update_project(window.current_project, {"annual_goal": ""})
    window.checker.finish_now()
    findings = window.ui.findingsPanel
    view = findings.ui.findingsView
    row = next(r for r in range(view.model().rowCount())
               if "年度目标" in str(view.model().index(r, 0).data()))
    view.setCurrentIndex(view.model().index(row, 0))
    press(qtbot, window, Qt.Key.Key_F2,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [comment] = stored(window)
    assert comment.rule == "GOAL-01" and comment.field == "annual_goal"
    assert comment.text.startswith("年度目标")


def test_the_clerk_answers_and_the_reviewer_closes_and_reopens(window, qtbot):
    ds = window.document.dataset
    window.document.add_comments([review.new_comment(ds, window.current_project,
                                                     "请补充成本指标的测算依据", author="审核员甲")])
    panel = window.reviewing.panel
    assert panel.model.rowCount() == 1
    panel.select(panel.model.comment(0).uuid)

    def answer(dialog):
        dialog.ui.explainedRadio.setChecked(True)
        assert not ok_button(dialog).isEnabled()  # 说明 needs a reason
        type_text(qtbot, dialog.ui.replyEdit, "按市定额标准测算，见附件")
        assert ok_button(dialog).isEnabled()
        press(qtbot, ok_button(dialog), Qt.Key.Key_Space)

    on_next_dialog(answer, AnswerDialog)
    press(qtbot, window, Qt.Key.Key_A,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [comment] = stored(window)
    assert (comment.status, comment.reply_kind, comment.reply) == (
        ANSWERED, EXPLAINED, "按市定额标准测算，见附件")
    assert "说明：按市定额标准测算" in panel.ui.detailLabel.text()
    panel.ui.closeButton.click()
    assert stored(window)[0].status == CLOSED
    assert not panel.ui.answerButton.isEnabled() and panel.ui.reopenButton.isEnabled()
    panel.ui.reopenButton.click()
    assert stored(window)[0].status == OPEN
    reactivate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window)[0].status == CLOSED


def test_activating_a_comment_goes_to_its_field(window, qtbot):
    ds = window.document.dataset
    project = window.document.project(window.current_project)
    window.document.add_comments([review.new_comment(
        ds, project.uuid, "单位不对", indicator_uuid=project.indicators[3].uuid, field="unit")])
    panel = window.reviewing.panel
    panel.select(panel.model.comment(0).uuid)
    panel.ui.table.setFocus()
    press(qtbot, panel.ui.table, Qt.Key.Key_Return)
    grid = window.ui.indicatorGrid
    assert grid.hasFocus() and grid.currentIndex().row() == 3
    assert window.indicator_model.headerData(grid.currentIndex().column(),
                                             Qt.Orientation.Horizontal) == "单位"


def test_a_fields_history_lists_what_changed(window, qtbot):
    document = window.document
    document.update_project(window.current_project, {"annual_goal": "完成培训12场"})
    goal = window.ui.projectForm.widgets["annual_goal"]
    goal.setFocus()
    seen = []

    def look(dialog):
        table = dialog.ui.table
        seen.append([table.item(r, 5).text() for r in range(table.rowCount())])
        seen.append(dialog.ui.titleLabel.text())
        dialog.reject()

    on_next_dialog(look, HistoryDialog)
    press(qtbot, goal, Qt.Key.Key_H,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen and seen[0][0] == "完成培训12场"
    assert "年度目标" in seen[1]


def test_an_open_comment_marks_its_cell_and_its_project_in_the_tree(window):
    ds = window.document.dataset
    project = window.document.project(window.current_project)
    satisfaction = project.indicators[2]
    window.document.add_comments([review.new_comment(
        ds, project.uuid, "满意度目标偏低", indicator_uuid=satisfaction.uuid, field="value",
        author="审核员甲")])
    cell = window.indicator_model.index(2, VALUE)
    assert [c.text for c in cell.data(CommentsRole)] == ["满意度目标偏低"]
    assert "审核意见：满意度目标偏低（审核员甲）" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert window.indicator_model.commented() == [(2, VALUE)]
    tree = window.tree_model
    project_index = tree.index_of(project.uuid)
    unit_index = project_index.parent()
    assert project_index.data(OpenCommentsRole) == 1 and unit_index.data(OpenCommentsRole) == 1
    assert "1 条审核意见待答复" in project_index.data(Qt.ItemDataRole.ToolTipRole)
    comment = window.document.comments()[0]
    window.document.answer_comment(comment.uuid, "fixed", "")
    assert cell.data(CommentsRole) == [] and window.indicator_model.commented() == []
    assert project_index.data(OpenCommentsRole) == 0
