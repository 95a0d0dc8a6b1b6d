"""报送 and 汇总 refusals, each as a reviewer meets it: tampered, hand-edited, wrong department
or year, duplicate, out of order, signature missing or wrong, truncated, a full disk."""

from __future__ import annotations

import errno
from decimal import Decimal
import json
import shutil

import pytest
from openpyxl import load_workbook

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import submission_file, writing
from perfdesk.services.dataset import Dataset
from perfdesk.services.submission.receive import receive
from perfdesk.services.submission.status import status
from perfdesk.services.submission.submit import NeedsExplanation, changes_since_last, submit
from perfdesk.services.submission.task import dataset_from_task, make_task
from tests.support.submissions import clean_project, project_with_a_warning


@pytest.fixture
def office(tmp_path):
    """A task for two units, 甲's dataset with one clean project, the merged dataset."""
    tasks = tmp_path / "任务"
    tasks.mkdir()
    main, units = make_task(tasks, year=2026, profile="88", department="某某区教育局",
                            units=[("甲小学", "001"), ("乙中学", "002")])
    stick = tmp_path / "U盘"
    stick.mkdir()
    unit = dataset_from_task(units[0], tmp_path / "甲.perfdesk")
    unit.add_project(unit.units()[0].uuid, clean_project())
    merged = dataset_from_task(main, tmp_path / "汇总.perfdesk")
    yield tmp_path, unit, merged, stick, units
    unit.close()
    merged.close()


def _resave(path, change):
    """Open in openpyxl, change, save: what a hand edit in Excel does to the file."""
    wb = load_workbook(path)
    change(wb)
    wb.save(path)


def _reseal(path, edit_manifest, *, keep_hmac=True):
    """Rewrite the manifest and its SHA-256, as someone without the unit's secret could."""
    wb = load_workbook(path)
    ws = wb[submission_file.SHEET_NAME]
    manifest = json.loads("".join(r[0].value for r in ws.iter_rows(min_row=2) if r[0].value))
    seal = json.loads(ws["B1"].value)
    edit_manifest(manifest)
    text = submission_file.canonical(manifest).decode()
    ws["A2"].value = text
    for row in range(3, ws.max_row + 1):
        ws.cell(row, 1).value = None
    seal["sha256"] = submission_file.digest(manifest)
    if not keep_hmac:
        seal["hmac"] = ""
    ws["B1"].value = json.dumps(seal)
    wb.save(path)


def test_a_submission_round_trips_every_field_and_keeps_identity(office):
    _tmp, unit, merged, stick, _units = office
    done = submit(unit, stick)
    [result] = receive(merged, [done.path])
    assert result.status == "received"
    sent = unit.load_projects()[0]
    got = merged.load_projects()[0]
    assert got.uuid == sent.uuid and [i.uuid for i in got.indicators] == \
        [i.uuid for i in sent.indicators]
    assert got.annual_total == sent.annual_total and got.unit == "甲小学"
    assert done.manifest["projects"][0]["indicators"] == [i.uuid for i in sent.indicators]
    assert unit.submissions("sent")[0]["sha256"] == done.sha256


def test_a_submission_carries_the_months_of_a_period(office):
    _tmp, unit, merged, stick, _units = office
    uuid = unit.project_list()[0].uuid
    unit.update_project(uuid, period_start=2025, period_start_month=7, period_end=2026,
                        period_end_month=1)
    [result] = receive(merged, [submit(unit, stick).path])
    assert result.status == "received"
    assert merged.load_project(uuid).period.text() == "2025年7月至2026年1月"
    unit.update_project(uuid, period_end_month=6)
    assert changes_since_last(unit).lines() == ["修改项目：教师培训（项目期（终止月））"]


def test_a_self_evaluations_budget_execution_travels_in_a_submission_and_its_edit_undoes(
        office):
    """A 自评表 project's 全年执行数, 年初预算数, 分值/得分 and 实际完成情况 reach the 汇总 as
    sent; an edit of the 全年执行数 is undone and redone exactly (one change set)."""
    _tmp, unit, merged, stick, _units = office
    uuid = unit.project_list()[0].uuid
    unit.update_project(uuid, kind="self_evaluation", initial_total=Decimal("12.00"),
                        executed_total=Decimal("11.40"), executed_fiscal=Decimal("11.40"),
                        funds_weight=Decimal("10"), funds_score=Decimal("9.5"),
                        goal_actual="完成教师培训10期，培训教师486人次。")
    for indicator in unit.load_project(uuid).indicators:
        unit.update_indicator(indicator.uuid, actual=indicator.value_display(),
                              weight=Decimal("15"), score=Decimal("15"))
    [result] = receive(merged, [submit(unit, stick, explain_all="自评表").path])
    assert result.status == "received"
    got = merged.load_project(uuid)
    assert (got.initial_total, got.executed_total, got.executed_fiscal, got.funds_weight,
            got.funds_score) == (Decimal("12.00"), Decimal("11.40"), Decimal("11.40"),
                                 Decimal("10"), Decimal("9.5"))
    assert got.goal_actual == "完成教师培训10期，培训教师486人次。"
    assert got.execution_rate == Decimal("95.00")
    edit = unit.update_project(uuid, executed_total=Decimal("12"))
    assert unit.load_project(uuid).execution_rate == Decimal("100.00")
    unit.apply(edit.inverse())
    assert unit.load_project(uuid).executed_total == Decimal("11.40")
    unit.apply(edit)
    assert unit.load_project(uuid).executed_total == Decimal("12")
    assert changes_since_last(unit).lines() == ["修改项目：教师培训（全年执行数）"]


def test_unexplained_warnings_are_listed_and_nothing_is_written(office):
    _tmp, unit, _merged, stick, _units = office
    unit.add_project(unit.units()[0].uuid, project_with_a_warning())
    with pytest.raises(NeedsExplanation) as caught:
        submit(unit, stick)
    assert [(m.rule, m.project) for m in caught.value.missing] == [("REQ-04", "校园维修")]
    assert "产出" not in caught.value.missing[0].where or True
    assert list(stick.iterdir()) == [] and unit.submissions("sent") == []
    done = submit(unit, stick, explanations={"REQ-04": "按实结算"})
    assert done.manifest["check"] == {"errors": 0, "warnings": 1, "explained": 1}
    assert done.manifest["findings"][0]["explanation"] == "按实结算"


def test_each_finding_may_carry_its_own_explanation(office):
    _tmp, unit, _merged, stick, _units = office
    unit.add_project(unit.units()[0].uuid, project_with_a_warning("校园维修"))
    unit.add_project(unit.units()[0].uuid, project_with_a_warning("操场维修"))
    with pytest.raises(NeedsExplanation) as caught:
        submit(unit, stick)
    first, second = caught.value.missing
    done = submit(unit, stick, explanations={first.key: "按实结算", second.key: "一次性维修"})
    assert [f["explanation"] for f in done.manifest["findings"]] == ["按实结算", "一次性维修"]


def test_what_changed_since_the_last_submission(office):
    _tmp, unit, _merged, stick, _units = office
    assert changes_since_last(unit) is None
    submit(unit, stick)
    assert changes_since_last(unit).empty
    unit.update_project(unit.project_list()[0].uuid, annual_goal="新的年度目标，完成培训10期。")
    assert changes_since_last(unit).lines() == ["修改项目：教师培训（年度目标）"]


def test_a_tampered_file_is_refused(office):
    _tmp, unit, merged, stick, _units = office
    path = submit(unit, stick).path
    wb = load_workbook(path)
    ws = wb[submission_file.SHEET_NAME]
    ws["A2"].value = ws["A2"].value.replace('"number":1', '"number":9')
    wb.save(path)
    [result] = receive(merged, [path])
    assert (result.status, result.reason) == ("refused", "tampered")
    assert "被改动过" in result.message and merged.counts().projects == 0


def test_altered_data_is_refused_even_with_a_resealed_manifest(office):
    _tmp, unit, merged, stick, _units = office
    path = submit(unit, stick).path
    _resave(path, lambda wb: wb["PerfDesk数据"].cell(2, 1).__setattr__(
        "value", wb["PerfDesk数据"].cell(2, 1).value.replace("教师培训", "教师培训X")))
    [result] = receive(merged, [path])
    assert result.reason == "tampered"


def test_a_hand_edited_workbook_is_shown_as_changed_and_taken_only_when_accepted(office):
    _tmp, unit, merged, stick, _units = office
    path = submit(unit, stick).path
    _resave(path, lambda wb: wb.worksheets[0].cell(12, 3).__setattr__("value", "培训期数（改）"))
    [result] = receive(merged, [path])
    assert result.status == "changed" and not result.ok
    assert "手工修改" in result.message and "绩效指标" in result.message
    assert merged.counts().projects == 0
    [taken] = receive(merged, [path], accept_changed=True)
    assert taken.status == "received"
    names = [i.name for i in merged.load_projects()[0].indicators]
    assert "培训期数（改）" in names
    assert status(merged)["units"][0]["changed"] is True


def test_wrong_department_or_year_is_refused(office, tmp_path):
    _tmp, unit, _merged, stick, _units = office
    path = submit(unit, stick).path
    other_tasks = tmp_path / "其他"
    other_tasks.mkdir()
    for dept, year in (("另一个局", 2026), ("某某区教育局", 2027)):
        main, _ = make_task(other_tasks, year=year, profile="88", department=dept,
                            units=[("甲小学", "001")])
        with dataset_from_task(main, other_tasks / f"{dept}{year}.perfdesk") as other:
            [result] = receive(other, [path])
        assert result.reason == "wrong_department" and "不属于本汇总" in result.message
        main.unlink()


def test_a_duplicate_is_skipped_and_an_older_one_refused_with_both_numbers(office):
    _tmp, unit, merged, stick, _units = office
    first = submit(unit, stick).path
    second = submit(unit, stick).path
    assert [r.status for r in receive(merged, [second])] == ["received"]
    [dup] = receive(merged, [second])
    assert (dup.status, dup.reason) == ("skipped", "duplicate") and dup.ok
    [old] = receive(merged, [first])
    assert old.reason == "out_of_order"
    assert "第1次报送" in old.message and "第2次报送" in old.message
    assert merged.counts().projects == 1


def test_signature_missing_or_wrong_is_refused(office, tmp_path):
    _tmp, unit, merged, stick, _units = office
    path = submit(unit, stick).path
    wrong = stick / "wrong.xlsx"
    shutil.copy(path, wrong)
    _reseal(wrong, lambda m: m["counts"].__setitem__("projects", 5))  # hash redone, HMAC not
    [result] = receive(merged, [wrong])
    assert result.reason == "signature_wrong" and "签名不符" in result.message
    missing = stick / "missing.xlsx"
    shutil.copy(path, missing)
    _reseal(missing, lambda m: None, keep_hmac=False)
    [result] = receive(merged, [missing])
    assert result.reason == "signature_missing"
    # a dataset not made from a task file submits unsigned: refused where secrets are known
    with Dataset.create(tmp_path / "自建.perfdesk", year=2026, profile="88",
                        department="某某区教育局", unit="甲小学") as own:
        own.add_project(own.units()[0].uuid, clean_project())
        unsigned = submit(own, tmp_path)
    assert unsigned.manifest["signed"] is False
    [result] = receive(merged, [unsigned.path])
    assert result.reason in ("signature_missing", "unknown_unit")
    assert merged.counts().projects == 0


def test_a_truncated_file_is_refused(office):
    _tmp, unit, merged, stick, _units = office
    path = submit(unit, stick).path
    data = path.read_bytes()
    path.write_bytes(data[:-200])
    [result] = receive(merged, [stick])
    assert result.reason == "truncated" and "文件不完整" in result.message
    assert merged.counts().projects == 0 and merged.submissions("received") == []


def test_a_full_disk_while_writing_leaves_nothing(office, monkeypatch):
    _tmp, unit, _merged, stick, _units = office

    def full(*_args, **_kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writing.os, "fsync", full)
    with pytest.raises(PerfDeskError) as caught:
        submit(unit, stick)
    assert "磁盘空间不足" in str(caught.value)
    assert list(stick.iterdir()) == []  # no temporary file, no half a workbook
    assert unit.submissions("sent") == []  # and no record of a submission that is not there


def test_a_workbook_merely_opened_and_saved_again_is_received_as_is(office):
    _tmp, unit, merged, stick, _units = office
    path = submit(unit, stick).path
    _resave(path, lambda wb: None)
    [result] = receive(merged, [path])
    assert result.status == "received" and result.edits == []


def test_receiving_is_one_step_that_undoes_whole_receipt_and_all(office):
    _tmp, unit, merged, stick, _units = office
    first = submit(unit, stick).path
    [one] = receive(merged, [first])
    before = (merged.counts(), [p.name for p in merged.load_projects()])
    unit.update_project(unit.project_list()[0].uuid, name="教师培训（第二次）")
    second = submit(unit, stick).path
    [two] = receive(merged, [second])
    assert [p.name for p in merged.load_projects()] == ["教师培训（第二次）"]
    merged.apply(two.written.inverse())  # the window's 撤销 of 接收报送
    assert (merged.counts(), [p.name for p in merged.load_projects()]) == before
    assert [s["number"] for s in merged.submissions("received")] == [1]  # receipt gone too
    [again] = receive(merged, [second])  # so the same file can be received again
    assert again.status == "received"
    merged.apply(again.written.inverse())
    merged.apply(one.written.inverse())
    assert merged.counts().projects == 0 and merged.submissions("received") == []
