"""退回 and 重新报送 end to end, with real processes and files: the 主管部门 receives, comments
(a field, an indicator, a project, a check finding), returns; the clerk opens the return,
sees each comment at its field, answers and fixes; the resubmission brings the replies and
what changed back to the reviewer, who closes or keeps them open."""

from __future__ import annotations

import json
from decimal import Decimal

from perfdesk.services import review
from perfdesk.services.dataset import Dataset
from tests.support.cli import run_cli
from tests.support.submissions import clean_project, project_with_a_warning

DEPT = "某某区教育局"


def _setup(tmp_path):
    """Task for 甲小学 and 乙中学, both submitted and received into the 汇总 dataset."""
    tasks, stick, outbox = tmp_path / "任务", tmp_path / "U盘", tmp_path / "退回"
    for folder in (tasks, stick, outbox):
        folder.mkdir()
    assert run_cli("task", "-o", str(tasks), "--year", "2026", "--department", DEPT,
                   "--unit", "甲小学=001", "--unit", "乙中学=002").returncode == 0
    datasets = {}
    for name, projects in (("甲小学", [clean_project("教师培训"), clean_project("课后服务"),
                                      project_with_a_warning("校园维修")]),
                           ("乙中学", [clean_project("实验室建设")])):
        path = tmp_path / f"{name}.perfdesk"
        assert run_cli("new", str(path), "--task",
                       str(tasks / f"2026年绩效目标任务_{name}.json")).returncode == 0
        with Dataset.open(path) as ds:
            for p in projects:
                ds.add_project(ds.units()[0].uuid, p)
        done = run_cli("submit", str(path), "-o", str(stick), "--explain", "REQ-04=维修按实结算")
        assert done.returncode == 0, done.stdout + done.stderr
        datasets[name] = path
    merged = tmp_path / "汇总.perfdesk"
    received = run_cli("receive", str(stick), "--into", str(merged), "--task",
                       str(next(tasks.glob("*主管部门留存*"))))
    assert received.returncode == 0, received.stdout
    return datasets, merged, stick, outbox


def _ids(path):
    listed = run_cli("comments", str(path), "--format", "json")
    assert listed.returncode == 0, listed.stderr
    return {c["text"]: c for c in json.loads(listed.stdout)}


def test_return_answer_resubmit_and_close_end_to_end(tmp_path):
    datasets, merged, stick, outbox = _setup(tmp_path)
    # --- the reviewer comments: a field, an indicator, a project, and a check finding
    for args in (["--project", "教师培训", "--indicator", "6", "--field", "指标值",
                  "满意度目标值偏低，建议不低于95%"],
                 ["--project", "教师培训", "--indicator", "3", "时效指标请写明完成节点"],
                 ["--project", "课后服务", "请补充资金测算依据"],
                 ["--project", "实验室建设", "请补充设备清单"]):
        made = run_cli("comment", str(merged), *args[:-1], args[-1], "--author", "王审核")
        assert made.returncode == 0, made.stderr
    with Dataset.open(merged) as ds:
        from perfdesk.checks import check_projects
        from perfdesk.services.checking import check_context

        found = [f for fs in check_projects(ds.load_projects(), check_context(ds)).values()
                 for f in fs if f.rule == "REQ-04"]
        ds.add_comments([review.comment_from_finding(ds, found[0], author="王审核")])
        sent = {r["unit_name"]: r["submission_id"] for r in ds.submissions("received")}
        assert {c.submission_id for c in ds.comments()} == set(sent.values())  # refers to it

    # --- 退回 甲小学: one signed JSON file, named after the submission it answers
    returned = run_cli("return", str(merged), "--unit", "甲小学", "-o", str(outbox),
                       "--reviewer", "王审核")
    assert returned.returncode == 0, returned.stderr
    assert "审核意见 4 条，待答复 4 条；已签名" in returned.stdout
    file = outbox / "2026年审核意见_甲小学_第1次报送.perfdesk-return"
    content = json.loads(file.read_text(encoding="utf-8"))
    assert (content["format"], content["version"]) == ("perfdesk.return", 1)
    assert content["submission_id"] == sent["甲小学"] and content["reviewer"] == "王审核"
    assert len(content["seal"]["hmac"]) == 64 and "请补充设备清单" not in file.read_text("utf-8")
    status = json.loads(run_cli("status", str(merged), "--format", "json").stdout)
    rows = {r["unit"]: r for r in status["units"]}
    assert (rows["甲小学"]["state"], rows["甲小学"]["open_comments"]) == ("已退回", 4)
    assert (rows["乙中学"]["state"], rows["乙中学"]["open_comments"]) == ("已报送", 1)
    assert not list(outbox.glob(".~*"))  # written through a temporary file, nothing left

    # --- meanwhile the clerk renamed a project, moved an indicator and deleted another
    with Dataset.open(datasets["甲小学"]) as ds:
        training = next(e for e in ds.project_list() if e.name == "教师培训")
        ds.update_project(training.uuid, name="2026年教师培训")
        project = ds.load_project(training.uuid)
        ds.move_indicator(project.indicators[5].uuid, 0)
        ds.delete_indicator(project.indicators[2].uuid)
    opened = run_cli("receive", str(file), "--into", str(datasets["甲小学"]))
    assert opened.returncode == 0, opened.stdout + opened.stderr
    assert "已接收退回意见" in opened.stdout and "审核意见 4 条，待答复 4 条" in opened.stdout
    # each at its field by UUID: renamed and moved, still found; deleted, kept and said so
    assert "项目“2026年教师培训” › 第1条指标“参训教师满意度” › 指标值：满意度目标值偏低" in opened.stdout
    assert "指标“培训完成时间”（已删除）：时效指标请写明完成节点（该字段所在的指标或项目已删除，意见仍保留）" in \
        opened.stdout
    again = run_cli("receive", str(file), "--into", str(datasets["甲小学"]))
    assert again.returncode == 0 and "已经接收过这份退回意见，跳过" in again.stdout

    # --- resubmitting is refused while a comment has no answer
    refused = run_cli("submit", str(datasets["甲小学"]), "-o", str(stick),
                      "--explain", "REQ-04=维修按实结算")
    assert refused.returncode == 1
    assert "还有 4 条审核意见没有答复" in refused.stdout and "满意度目标值偏低" in refused.stdout
    assert not list(stick.glob("*甲小学_第2次*"))

    # --- the clerk fixes and answers each
    ids = _ids(datasets["甲小学"])
    with Dataset.open(datasets["甲小学"]) as ds:
        project = ds.load_project(training.uuid)
        ds.update_indicator(project.indicators[0].uuid, target=Decimal("95"))
        # and the goal's figure with it, or goal and indicator disagree (GOAL-06)
        ds.update_project(project.uuid, annual_goal=project.annual_goal.replace(
            "满意度达到90%", "满意度达到95%"))
    for text, how in (("满意度目标值偏低，建议不低于95%", ["--fixed", "已调整为95%"]),
                      ("时效指标请写明完成节点", ["--explained", "该指标已删除，完成时间写入年度目标"]),
                      ("请补充资金测算依据", ["--fixed"])):
        answered = run_cli("answer", str(datasets["甲小学"]), ids[text]["uuid"][:8], *how)
        assert answered.returncode == 0, answered.stderr
    still = run_cli("submit", str(datasets["甲小学"]), "-o", str(stick),
                    "--explain", "REQ-04=维修按实结算")
    assert still.returncode == 1 and "还有 1 条审核意见没有答复" in still.stdout
    finding = next(t for t in ids if ids[t]["rule"] == "REQ-04")
    assert run_cli("answer", str(datasets["甲小学"]), ids[finding]["uuid"][:8], "--explained",
                   "维修项目按实结算，成本在验收时核定").returncode == 0
    resubmitted = run_cli("submit", str(datasets["甲小学"]), "-o", str(stick),
                          "--explain", "REQ-04=维修按实结算")
    assert resubmitted.returncode == 0, resubmitted.stdout + resubmitted.stderr

    # --- back at the 主管部门: replies and what changed in each field
    back = run_cli("receive", str(stick), "--into", str(merged))
    assert back.returncode == 0, back.stdout
    assert "答复审核意见 4 条" in back.stdout
    assert "满意度目标值偏低，建议不低于95% → 答复 改了：已调整为95%；第1次→第2次报送：“≥90%” → “≥95%”" \
        in back.stdout
    assert "时效指标请写明完成节点 → 答复 说明：该指标已删除，完成时间写入年度目标；第1次→第2次报送：已删除" \
        in back.stdout
    assert "请补充资金测算依据 → 答复 改了；第1次→第2次报送：修改了项目名称" not in back.stdout
    assert "请补充资金测算依据 → 答复 改了；第1次→第2次报送：没有修改" in back.stdout
    status = json.loads(run_cli("status", str(merged), "--format", "json").stdout)
    rows = {r["unit"]: r for r in status["units"]}
    assert (rows["甲小学"]["state"], rows["甲小学"]["open_comments"]) == ("已重新报送", 0)

    # --- the reviewer closes three and keeps the unchanged one open
    ids = _ids(merged)
    closing = [ids[t]["uuid"][:8] for t in ("满意度目标值偏低，建议不低于95%", "时效指标请写明完成节点", finding)]
    assert run_cli("close", str(merged), *closing).returncode == 0
    kept = run_cli("close", str(merged), ids["请补充资金测算依据"]["uuid"][:8], "--reopen")
    assert kept.returncode == 0 and "已重新打开" in kept.stdout
    ids = _ids(merged)
    assert ids["满意度目标值偏低，建议不低于95%"]["status"] == "closed"
    assert ids["满意度目标值偏低，建议不低于95%"]["reply"] == "已调整为95%"
    assert ids["请补充资金测算依据"]["status"] == "open"
    status = json.loads(run_cli("status", str(merged), "--format", "json").stdout)
    assert {r["unit"]: r["open_comments"] for r in status["units"]} == {"甲小学": 1, "乙中学": 1}
    # a second return carries the verdicts; the clerk sees three closed and one open again
    assert run_cli("return", str(merged), "--unit", "001", "-o", str(outbox)).returncode == 0
    second = outbox / "2026年审核意见_甲小学_第2次报送.perfdesk-return"
    assert run_cli("receive", str(second), "--into", str(datasets["甲小学"])).returncode == 0
    ids = _ids(datasets["甲小学"])
    assert sorted(c["status"] for c in ids.values()) == ["closed", "closed", "closed", "open"]
    assert ids["请补充资金测算依据"]["reply_kind"] == "fixed"  # the earlier answer still shown


def test_a_return_for_another_unit_or_tampered_is_refused_and_nothing_lands(tmp_path):
    datasets, merged, _stick, outbox = _setup(tmp_path)
    assert run_cli("comment", str(merged), "--project", "实验室建设", "请补充设备清单").returncode == 0
    assert run_cli("comment", str(merged), "--project", "教师培训", "请细化产出").returncode == 0
    assert run_cli("return", str(merged), "--unit", "乙中学", "-o", str(outbox)).returncode == 0
    other = outbox / "2026年审核意见_乙中学_第1次报送.perfdesk-return"
    wrong = run_cli("receive", str(other), "--into", str(datasets["甲小学"]))
    assert wrong.returncode == 1
    assert "拒收：2026年审核意见_乙中学_第1次报送.perfdesk-return：这是退回给“乙中学”的审核意见，不是本单位（“甲小学”）的" \
        in wrong.stdout
    assert run_cli("return", str(merged), "--unit", "甲小学", "-o", str(outbox)).returncode == 0
    mine = outbox / "2026年审核意见_甲小学_第1次报送.perfdesk-return"
    content = json.loads(mine.read_text(encoding="utf-8"))
    content["comments"][0]["text"] = "请删除本项目"  # edited by hand on the way
    tampered = tmp_path / "改过的.perfdesk-return"
    tampered.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    refused = run_cli("receive", str(tampered), "--into", str(datasets["甲小学"]))
    assert refused.returncode == 1 and "改过的.perfdesk-return：退回文件的内容被改动过" in refused.stdout
    # resealed by someone without the unit's secret: the signature gives it away
    from perfdesk.io.submission_file import digest

    body = {k: v for k, v in content.items() if k != "seal"}
    content["seal"]["sha256"] = digest(body)
    tampered.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    resealed = run_cli("receive", str(tampered), "--into", str(datasets["甲小学"]))
    assert resealed.returncode == 1 and "签名不符" in resealed.stdout
    assert _ids(datasets["甲小学"]) == {}  # nothing half-received
    # a return into the 汇总 dataset, or a submission and a return together: refused clearly
    into_merged = run_cli("receive", str(mine), "--into", str(merged))
    assert into_merged.returncode == 1 and "应在预算单位的数据文件中打开" in into_merged.stdout
    ok = run_cli("receive", str(mine), "--into", str(datasets["甲小学"]))
    assert ok.returncode == 0 and "审核意见 1 条" in ok.stdout
