"""退回 in the window: the clerk opens the 主管部门's return file (打开退回文件…) and sees each
comment at its field, answers it; the reviewer's 退回… writes a unit's file, and after the
resubmission the 审核意见 panel shows the reply and what changed in the field.

Set PERFDESK_SHOTS to a folder to keep the screenshots (the comment at its field, the answer
dialog, the reviewer's view)."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from perfdesk.gui.dialogs.return_dialogs import ReturnDialog
from perfdesk.gui.dialogs.review_dialogs import AnswerDialog
from perfdesk.gui.models.indicator_table_model import VALUE
from perfdesk.gui.window import reviewing
from perfdesk.gui.window.main_window import MainWindow
from perfdesk.services import review
from perfdesk.services.dataset import Dataset
from perfdesk.services.submission.receive import receive
from perfdesk.services.submission.returns import make_return
from perfdesk.services.submission.submit import submit
from perfdesk.services.submission.task import dataset_from_task, make_task
from tests.support.gui_helpers import on_next_dialog, press, type_text
from tests.support.submissions import clean_project


def shot(widget, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PERFDESK_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def office(tmp_path):
    """甲小学 submitted once and received; the reviewer's comment at 满意度's 指标值."""
    tasks, stick = tmp_path / "任务", tmp_path / "U盘"
    tasks.mkdir(), stick.mkdir()
    main, units = make_task(tasks, year=2026, profile="88", department="某某区教育局",
                            units=[("甲小学", "001")])
    with dataset_from_task(units[0], tmp_path / "甲小学.perfdesk") as unit:
        unit.add_project(unit.units()[0].uuid, clean_project("教师培训"))
        submit(unit, stick)
    with dataset_from_task(main, tmp_path / "汇总.perfdesk") as merged:
        receive(merged, [stick])
        project = merged.load_project(merged.project_list()[0].uuid)
        review.add_comment(merged, project.uuid, "满意度目标值偏低，建议不低于95%",
                           indicator_uuid=project.indicators[5].uuid, field="value",
                           author="王审核")
        review.add_comment(merged, project.uuid, "请补充资金测算依据", author="王审核")
        returned = make_return(merged, "甲小学", tmp_path, reviewer="王审核")
    return tmp_path, returned.path, stick


def opened(qtbot, path) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.set_dataset(Dataset.open(path))
    win.checker.finish_now()
    win.select_in_tree(win.tree_model.project_uuids()[0])
    return win


def test_the_clerk_opens_the_return_file_answers_and_resubmits(gui, qtbot, office,
                                                               monkeypatch):
    folder, return_file, stick = office
    win = opened(qtbot, folder / "甲小学.perfdesk")
    actions = win.reviewing.actions
    assert actions["openReturn"].isEnabled() and not actions["returnComments"].isEnabled()
    monkeypatch.setattr(reviewing, "open_return_file", lambda *_: return_file)
    actions["openReturn"].trigger()
    panel = win.reviewing.panel
    assert win.reviewing.dock.isVisible() and panel.model.rowCount() == 2
    assert "第6条指标“参训教师满意度” › 指标值" in panel.model.where(0)
    assert "已接收退回意见" in win.statusBar().currentMessage()
    # the comment at its field: the grid's 指标值 cell of 参训教师满意度, with the panel
    panel.select(panel.model.comment(0).uuid)
    press(qtbot, panel.ui.table, Qt.Key.Key_Return)  # go to the field
    grid = win.ui.indicatorGrid
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (5, VALUE)
    shot(win, "clerk_comment_at_field", folder)
    # resubmitting is refused while a comment is open
    with pytest.raises(Exception, match="还有 2 条审核意见没有答复"):
        submit(win.document.dataset, stick)
    project = win.document.project(win.current_project)
    win.document.update_indicator(project.indicators[5].uuid, {"target": Decimal("95")})
    # and the goal's figure with it, or goal and indicator disagree (GOAL-06)
    win.document.update_project(project.uuid, {"annual_goal": project.annual_goal.replace(
        "满意度达到90%", "满意度达到95%")})

    def answer(dialog):
        type_text(qtbot, dialog.ui.replyEdit, "已调整为95%")
        shot(dialog, "clerk_answer_dialog", folder)
        press(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
              Qt.Key.Key_Space)

    on_next_dialog(answer, AnswerDialog)
    panel.ui.answerButton.click()
    assert "改了：已调整为95%" in panel.ui.detailLabel.text()
    second = panel.model.comment(1)
    win.document.answer_comment(second.uuid, "explained", "测算依据见项目申报书第3页")
    done = submit(win.document.dataset, stick)
    assert [r["reply"] for r in done.manifest["replies"]] == ["已调整为95%", "测算依据见项目申报书第3页"]
    win.close()


def test_the_reviewer_returns_then_sees_replies_and_changes(gui, qtbot, office, monkeypatch):
    folder, return_file, stick = office
    with Dataset.open(folder / "甲小学.perfdesk") as unit:
        from perfdesk.services.submission.returns import receive_return

        assert receive_return(unit, return_file).ok
        project = unit.load_project(unit.project_list()[0].uuid)
        unit.update_indicator(project.indicators[5].uuid, target=Decimal("95"))
        unit.update_project(project.uuid, annual_goal=project.annual_goal.replace(
            "满意度达到90%", "满意度达到95%"))  # the goal's figure too (GOAL-06)
        first, second = unit.comments()
        review.answer(unit, first.uuid, "fixed", "已调整为95%")
        review.answer(unit, second.uuid, "explained", "测算依据见项目申报书第3页")
        submit(unit, stick)
    win = opened(qtbot, folder / "汇总.perfdesk")
    actions = win.reviewing.actions
    assert actions["returnComments"].isEnabled() and not actions["openReturn"].isEnabled()
    win.reviewing.dock.show()
    win.reviewing.dock.raise_()
    panel = win.reviewing.panel
    assert [c.status for c in map(panel.model.comment, range(2))] == ["open", "open"]
    # the resubmission arrives (接收报送 is i14's dialog; the service it calls)
    [result] = [r for r in receive(win.document.dataset, [stick]) if r.status == "received"]
    win.document.commentsChanged.emit()
    assert "答复审核意见 2 条" in result.message
    panel.select(panel.model.comment(0).uuid)
    detail = panel.ui.detailLabel.text()
    assert "改了：已调整为95%" in detail and "第1次→第2次报送：“≥90%” → “≥95%”" in detail
    shot(win, "reviewer_view", folder)
    panel.ui.closeButton.click()
    assert win.document.dataset.comment(panel.model.comment(0).uuid).status == "closed"
    # 退回… again: the dialog lists the unit with its open comments; the file is written
    out = folder / "第二次退回"
    out.mkdir()

    def choose(dialog):
        assert "甲小学（审核意见 2 条，待答复 0 条）" == dialog.unitCombo.currentText()
        dialog.folderEdit.setText(str(out))
        press(qtbot, dialog.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
              Qt.Key.Key_Space)

    on_next_dialog(choose, ReturnDialog)
    actions["returnComments"].trigger()
    [(kind, title, text)] = [a for a in gui.asked if a[0] == "inform"]
    assert title == "已退回" and "第2次报送" in text
    assert (out / "2026年审核意见_甲小学_第2次报送.perfdesk-return").exists()
    win.close()
