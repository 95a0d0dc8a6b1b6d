"""审核意见 in a dataset: written at a project, an indicator or one field (or from a check
finding), answered by the clerk, closed or re-opened by the reviewer — each one undoable edit,
anchored so that renaming, moving or deleting what it points at never loses it."""

from __future__ import annotations

import pytest

from perfdesk.checks import check_project
from perfdesk.core.errors import InvalidValueError
from perfdesk.core.model import Project
from perfdesk.core.review import ANSWERED, CLOSED, EXPLAINED, FIXED, OPEN, Comment
from perfdesk.services import review
from perfdesk.services.checking import check_context
from perfdesk.services.dataset import Dataset
from tests.support.check_samples.detailed import row


@pytest.fixture
def project(new_dataset):
    ds = new_dataset()
    ds.add_project(ds.units()[0].uuid, Project(
        name="社区矫正经费", annual_goal="做好社区矫正工作", indicators=[
            row("产出指标", "数量指标", "矫正人数", "≥120人"),
            row("效益指标", "社会效益指标", "社会稳定", "逐步提高"),
            row("满意度指标", "服务对象满意度指标", "群众满意度", "满意")]))
    return ds, ds.load_project(ds.project_list()[0].uuid)


def test_a_comment_at_a_field_is_stored_with_its_anchor_and_author(project):
    ds, p = project
    satisfaction = p.indicators[2]
    review.add_comment(ds, p.uuid, " 满意度指标缺少目标值 ", indicator_uuid=satisfaction.uuid,
                       field="value", rule="SAT-01", author="审核员甲")
    [comment] = ds.comments()
    assert comment.text == "满意度指标缺少目标值" and comment.status == OPEN
    assert (comment.project_uuid, comment.indicator_uuid, comment.field) == (
        p.uuid, satisfaction.uuid, "value")
    assert comment.author == "审核员甲" and comment.created_at
    assert review.anchor_of(ds, comment).text().zh == (
        "项目“社区矫正经费” › 第3条指标“群众满意度” › 指标值")
    assert review.anchor_of(ds, comment).text(with_project=False).zh == "第3条指标“群众满意度” › 指标值"
    with Dataset.open(ds.path, read_only=True) as again:  # it is in the file, not in memory
        assert again.comments() == [comment]


def test_the_anchor_follows_a_rename_and_a_move(project):
    ds, p = project
    effect = p.indicators[1]
    review.add_comment(ds, p.uuid, "效益指标不可衡量", indicator_uuid=effect.uuid)
    ds.update_project(p.uuid, name="社区矫正工作经费")
    ds.update_indicator(effect.uuid, name="社会秩序稳定")
    ds.move_indicator(effect.uuid, 0)
    [comment] = ds.comments()
    anchor = review.anchor_of(ds, comment)
    assert anchor.found and anchor.text().zh == "项目“社区矫正工作经费” › 第1条指标“社会秩序稳定”"


def test_a_comment_whose_indicator_was_deleted_still_says_what_it_was_about(project):
    ds, p = project
    effect = p.indicators[1]
    review.add_comment(ds, p.uuid, "效益指标不可衡量", indicator_uuid=effect.uuid, field="value")
    ds.delete_indicator(effect.uuid)
    [comment] = ds.comments()  # the comment outlives its indicator
    anchor = review.anchor_of(ds, comment)
    assert not anchor.found
    assert anchor.text().zh == "项目“社区矫正经费” › 指标“社会稳定” › 指标值（已删除）"
    ds.delete_project(p.uuid)
    assert review.anchor_of(ds, ds.comments()[0]).text().zh.startswith("项目“社区矫正经费”")


def test_answering_closing_and_reopening_are_each_one_undoable_edit(project):
    ds, p = project
    review.add_comment(ds, p.uuid, "请补充成本指标", rule="REQ-04")
    uuid = ds.comments()[0].uuid
    answered = review.answer(ds, uuid, EXPLAINED, "本项目为定额补助，成本即补助标准", by="经办人")
    comment = ds.comment(uuid)
    assert (comment.status, comment.reply_kind, comment.replied_by) == (ANSWERED, EXPLAINED,
                                                                        "经办人")
    ds.apply(answered.inverse())
    assert ds.comment(uuid).status == OPEN and ds.comment(uuid).reply == ""
    ds.apply(answered)
    review.close(ds, uuid)
    assert ds.comment(uuid).status == CLOSED and ds.comment(uuid).closed_at
    review.reopen(ds, uuid)
    assert ds.comment(uuid).status == OPEN and review.unanswered(ds.comments())


def test_an_explanation_needs_a_reason_and_a_closed_comment_needs_no_answer(project):
    ds, p = project
    review.add_comment(ds, p.uuid, "年度目标未细化量化", field="annual_goal")
    uuid = ds.comments()[0].uuid
    with pytest.raises(InvalidValueError, match="请写明理由"):
        review.answer(ds, uuid, EXPLAINED, "   ")
    assert ds.comment(uuid).status == OPEN
    review.answer(ds, uuid, FIXED)
    review.close(ds, uuid)
    with pytest.raises(InvalidValueError, match="已被审核人员关闭"):
        review.answer(ds, uuid, FIXED)


def test_empty_or_overlong_comments_and_unknown_fields_are_refused(project):
    ds, p = project
    with pytest.raises(InvalidValueError, match="不能为空"):
        review.add_comment(ds, p.uuid, "  ")
    with pytest.raises(InvalidValueError, match="太长"):
        review.add_comment(ds, p.uuid, "意见" * 1500)
    with pytest.raises(InvalidValueError, match="没有名为“budget”的字段"):
        review.add_comment(ds, p.uuid, "资金", field="budget")
    assert ds.comments() == []


def test_deleting_a_comment_is_undone_in_its_place(project):
    ds, p = project
    for text in ("第一条", "第二条", "第三条"):
        review.add_comment(ds, p.uuid, text)
    middle = ds.comments()[1].uuid
    deleted = ds.delete_comment(middle)
    assert [c.text for c in ds.comments()] == ["第一条", "第三条"]
    ds.apply(deleted.inverse())
    assert [c.text for c in ds.comments()] == ["第一条", "第二条", "第三条"]


def test_a_finding_becomes_a_comment_at_its_field_with_its_rule(project):
    ds, p = project
    findings = [f for f in check_project(p, check_context(ds)) if f.rule == "SAT-01"]
    assert findings, "the satisfaction without a number is an SAT-01 finding"
    comment = review.comment_from_finding(ds, findings[0], author="审核员甲")
    ds.add_comments([comment])
    [stored] = ds.comments()
    assert stored.rule == "SAT-01" and stored.indicator_uuid == p.indicators[2].uuid
    assert stored.field and stored.text == findings[0].message.zh


def test_a_record_from_elsewhere_is_validated(project):
    with pytest.raises(ValueError):
        Comment.from_record({"uuid": "x", "project_uuid": "p", "text": "t", "status": "done"})
    with pytest.raises(ValueError):
        Comment.from_record({"uuid": "x", "text": "t"})
    record = Comment(uuid="x", project_uuid="p", text="意见").as_record()
    assert Comment.from_record({**record, "unknown": "ignored"}).text == "意见"


def test_standard_phrases_come_with_their_rules_and_can_be_edited(project):
    ds, _ = project
    bundled = review.phrases(ds)
    assert len(bundled) >= 10 and any(p.rule == "SAT-01" for p in bundled)
    edited = [review.Phrase("请按市财政局模板填写。"), *bundled[:2]]
    review.set_phrases(ds, edited)
    assert [p.text for p in review.phrases(ds)][0] == "请按市财政局模板填写。"
    assert len(review.phrases(ds)) == 3


def test_the_field_history_lists_old_and_new_values_newest_first(project):
    ds, p = project
    ds.update_project(p.uuid, annual_goal="完成120人社区矫正")
    ds.update_project(p.uuid, annual_goal="完成120人社区矫正，再犯罪率低于0.2%")
    history = ds.history(p.uuid, "annual_goal")
    updates = [h for h in history if h["action"] == "update"]
    assert [(h["old"], h["new"]) for h in updates] == [
        ("完成120人社区矫正", "完成120人社区矫正，再犯罪率低于0.2%"),
        ("做好社区矫正工作", "完成120人社区矫正")]
    assert all(h["at"] and "os_user" in h for h in updates)
