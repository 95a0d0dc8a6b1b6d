"""报送 and 汇总 end to end, with real processes and files: the 主管部门's task for three
units, three datasets, their submissions, a folder received, and 报送情况."""

from __future__ import annotations

import json
import shutil

from openpyxl import load_workbook

from perfdesk.services.dataset import Dataset
from tests.support.cli import run_cli
from tests.support.submissions import clean_project, project_with_a_warning

DEPT = "某某区教育局"


def _fill(path, *projects):
    with Dataset.open(path) as ds:
        unit = ds.units()[0]
        for p in projects:
            ds.add_project(unit.uuid, p)


def test_task_submit_receive_status_end_to_end(tmp_path):
    tasks, stick, units = tmp_path / "任务", tmp_path / "U盘", tmp_path / "单位"
    for folder in (tasks, stick, units):
        folder.mkdir()
    made = run_cli("task", "-o", str(tasks), "--year", "2026", "--department", DEPT,
                   "--unit", "甲小学=001", "--unit", "乙中学=002", "--unit", "丙幼儿园=003",
                   "--deadline", "2026-03-31")
    assert made.returncode == 0, made.stderr
    task_files = {n: tasks / f"2026年绩效目标任务_{n}.json" for n in ("甲小学", "乙中学", "丙幼儿园")}
    assert all(p.exists() for p in task_files.values())
    unit_task = json.loads(task_files["甲小学"].read_text(encoding="utf-8"))
    assert unit_task["format"] == "perfdesk.task" and unit_task["version"] == 1
    assert [u["name"] for u in unit_task["units"]] == ["甲小学"]  # only its own secret
    datasets = {}
    for name, task in task_files.items():
        datasets[name] = units / f"{name}.perfdesk"
        result = run_cli("new", str(datasets[name]), "--task", str(task))
        assert result.returncode == 0, result.stderr
    _fill(datasets["甲小学"], clean_project("教师培训"), clean_project("课后服务"))
    _fill(datasets["乙中学"], project_with_a_warning("校园维修"), clean_project("实验室建设"))
    _fill(datasets["丙幼儿园"], clean_project("保教活动"))

    # 甲小学: clean, submitted twice (the second time unchanged)
    first = run_cli("submit", str(datasets["甲小学"]), "-o", str(stick))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "已报送（第 1 次）" in first.stdout and "已签名" in first.stdout
    again = run_cli("submit", str(datasets["甲小学"]), "-o", str(stick))
    assert "已报送（第 2 次）" in again.stdout and "没有变化" in again.stdout
    # 乙中学: a warning, refused without an explanation, then explained
    refused = run_cli("submit", str(datasets["乙中学"]), "-o", str(stick))
    assert refused.returncode == 1
    assert "REQ-04" in refused.stdout and "校园维修" in refused.stdout
    assert not list(stick.glob("*乙中学*"))
    explained = run_cli("submit", str(datasets["乙中学"]), "-o", str(stick),
                        "--explain", "REQ-04=维修项目按实结算，成本在验收时核定")
    assert explained.returncode == 0, explained.stdout
    # 丙幼儿园: submitted, changed, resubmitted
    assert run_cli("submit", str(datasets["丙幼儿园"]), "-o", str(stick)).returncode == 0
    with Dataset.open(datasets["丙幼儿园"]) as ds:
        unit = ds.units()[0]
        ds.add_project(unit.uuid, clean_project("园舍维护"))
        ds.update_project(ds.project_list()[0].uuid, annual_total="15.00", annual_fiscal="15.00")
    second = run_cli("submit", str(datasets["丙幼儿园"]), "-o", str(stick))
    assert "新增项目：园舍维护" in second.stdout and "修改项目：保教活动（年度资金总额、年度财政拨款）" in \
        second.stdout
    names = sorted(p.name for p in stick.iterdir())
    assert names == sorted(["2026年绩效目标_甲小学_第1次报送.xlsx", "2026年绩效目标_甲小学_第2次报送.xlsx",
                            "2026年绩效目标_乙中学_第1次报送.xlsx", "2026年绩效目标_丙幼儿园_第1次报送.xlsx",
                            "2026年绩效目标_丙幼儿园_第2次报送.xlsx"])
    # a reviewer can open one in Excel: the 申报表 sheets and the 报送信息
    wb = load_workbook(stick / "2026年绩效目标_乙中学_第1次报送.xlsx")
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert visible == ["1-校园维修", "2-实验室建设", "报送信息"]
    info = {r[0]: r[1] for r in wb["报送信息"].iter_rows(values_only=True)}
    assert info["预算单位"] == "乙中学" and info["报送次数"] == "第1次报送"
    assert "维修项目按实结算" in info["审核说明 1"]

    merged = tmp_path / "汇总.perfdesk"
    dept_task = next(tasks.glob("*主管部门留存*"))
    received = run_cli("receive", str(stick), "--into", str(merged), "--task", str(dept_task))
    assert received.returncode == 0, received.stdout + received.stderr
    assert "接收 5，跳过 0，拒收 0" in received.stdout
    assert received.stdout.index("甲小学 第1次") < received.stdout.index("甲小学 第2次")
    again = run_cli("receive", str(stick), "--into", str(merged))
    assert again.returncode == 0 and "接收 0，跳过 5，拒收 0" in again.stdout

    status = run_cli("status", str(merged), "--format", "json", "-o", str(tmp_path / "情况.xlsx"))
    report = json.loads(status.stdout)
    rows = {r["unit"]: r for r in report["units"]}
    assert report["submitted"] == 3 and report["missing"] == []
    assert (rows["甲小学"]["number"], rows["甲小学"]["projects"], rows["甲小学"]["warnings"]) == (2, 2, 0)
    assert (rows["乙中学"]["number"], rows["乙中学"]["warnings"], rows["乙中学"]["explained"]) == (1, 1, 1)
    assert (rows["丙幼儿园"]["number"], rows["丙幼儿园"]["projects"]) == (2, 2)
    assert rows["甲小学"]["indicators"] == 12 and rows["甲小学"]["code"] == "001"
    sheet = load_workbook(tmp_path / "情况.xlsx").worksheets[0]
    assert sheet["A1"].value.endswith("（已报送 3/3）")

    public = tmp_path / "公开表.xlsx"
    assert run_cli("export", str(merged), "--format", "disclosure", "-o", str(public)).returncode == 0
    ws = load_workbook(public).worksheets[0]
    assert sorted(ws.cell(r, 3).value for r in range(3, ws.max_row + 1)) == sorted(
        ["教师培训", "课后服务", "校园维修", "实验室建设", "保教活动", "园舍维护"])
    assert {ws.cell(r, 1).value for r in range(3, ws.max_row + 1)} == {DEPT}


def test_a_missing_unit_is_listed_and_refusals_exit_1(tmp_path):
    tasks, stick = tmp_path / "任务", tmp_path / "U盘"
    tasks.mkdir(), stick.mkdir()
    run_cli("task", "-o", str(tasks), "--year", "2026", "--department", DEPT,
            "--unit", "甲小学", "--unit", "乙中学")
    unit = tmp_path / "甲.perfdesk"
    run_cli("new", str(unit), "--task", str(tasks / "2026年绩效目标任务_甲小学.json"))
    _fill(unit, clean_project())
    run_cli("submit", str(unit), "-o", str(stick))
    broken = stick / "坏文件.xlsx"
    data = next(stick.glob("*第1次*")).read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    merged = tmp_path / "汇总.perfdesk"
    result = run_cli("receive", str(stick), "--into", str(merged), "--task",
                     str(next(tasks.glob("*主管部门留存*"))))
    assert result.returncode == 1
    assert "拒收：坏文件.xlsx：文件不完整" in result.stdout
    status = run_cli("status", str(merged))
    assert "已报送 1/2" in status.stdout and "未报送：乙中学" in status.stdout
    shutil.rmtree(stick)
