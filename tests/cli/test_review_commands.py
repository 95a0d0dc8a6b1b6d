"""``perfdesk comment`` and ``perfdesk comments``: a reviewer who scripts writes 审核意见 at a
project, an indicator or a field and lists them with where they point, their status and the
clerk's reply."""

from __future__ import annotations

import json

from perfdesk.services import review
from perfdesk.services.importing import import_files
from tests.support.cli import run_cli
from tests.support.paths import SEED

PROJECT = "黄埔区社会治理综合服务中心办公经费"


def seeded(new_dataset):
    ds = new_dataset()
    import_files(ds, [SEED])
    path = ds.path
    ds.close()
    return path


def test_a_comment_at_an_indicators_value_and_one_at_the_goal(new_dataset):
    path = seeded(new_dataset)
    run = run_cli("comment", str(path), "--project", PROJECT, "--indicator", "1",
                  "--field", "指标值", "--rule", "sat-01", "满意度指标缺少目标值")
    assert run.returncode == 0, run.stderr
    assert "第1条指标" in run.stdout and "指标值" in run.stdout
    run = run_cli("comment", str(path), "--project", PROJECT, "--field", "年度目标",
                  "--author", "审核员甲", "年度目标未细化量化")
    assert run.returncode == 0, run.stderr
    listed = run_cli("comments", str(path), "--format", "json")
    comments = json.loads(listed.stdout)
    assert [(c["field"], c["rule"], c["status"]) for c in comments] == [
        ("value", "SAT-01", "open"), ("annual_goal", "", "open")]
    assert comments[1]["author"] == "审核员甲"
    assert comments[0]["where"].startswith(f"项目“{PROJECT}” › 第1条指标")
    assert all(c["anchor_found"] for c in comments)


def test_the_listing_shows_the_reply_and_filters_by_status(new_dataset):
    path = seeded(new_dataset)
    run_cli("comment", str(path), "--project", PROJECT, "请补充成本指标")
    run_cli("comment", str(path), "--project", PROJECT, "--field", "年度目标", "年度目标未细化量化")
    from perfdesk.services.dataset import Dataset

    with Dataset.open(path) as ds:
        first = ds.comments()[0]
        review.answer(ds, first.uuid, "explained", "本项目为定额补助", by="经办人")
    text = run_cli("comments", str(path)).stdout
    assert "已答复" in text and "说明：本项目为定额补助" in text and "待答复" in text
    open_only = json.loads(run_cli("comments", str(path), "--status", "open",
                                   "--format", "json").stdout)
    assert [c["text"] for c in open_only] == ["年度目标未细化量化"]


def test_a_wrong_project_indicator_or_field_is_named_and_nothing_is_written(new_dataset):
    path = seeded(new_dataset)
    before = path.read_bytes()
    for args, said in ((["--project", "没有这个项目"], "没有名为“没有这个项目”的项目"),
                       (["--project", PROJECT, "--indicator", "99"], "没有第 99 条"),
                       (["--project", PROJECT, "--field", "预算金额"], "没有名为“预算金额”的项目字段")):
        run = run_cli("comment", str(path), *args, "意见")
        assert run.returncode == 2 and said in run.stderr, run.stderr
        assert "Traceback" not in run.stderr
    assert json.loads(run_cli("comments", str(path), "--format", "json").stdout) == []
    assert path.read_bytes() == before
