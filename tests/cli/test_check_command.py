"""``perfdesk check``: grouped text, documented JSON, exit status 0/1/2, --fix on datasets,
and tables checked through a temporary dataset."""

from __future__ import annotations

import json

import pytest
from tests.support.check_samples.builders import sample
from tests.support.check_samples.detailed import detailed_projects
from tests.support.paths import SEED
from tests.support.cli import run_cli

from perfdesk.cli import main
from perfdesk.services.dataset import Dataset


def make_dataset(path, projects, *, profile="88", year=2025):
    with Dataset.create(path, year=year, profile=profile) as ds:
        ds.add_projects(projects)
    return path


@pytest.fixture
def reviewed(tmp_path):
    """A dataset of the four 88-profile detailed tables (errors, warnings and hints)."""
    projects = [p for p in detailed_projects() if p.name != "农村供水工程维修养护"]
    return make_dataset(tmp_path / "申报 2025.perfdesk", projects)


@pytest.fixture
def clean(tmp_path):
    return make_dataset(tmp_path / "clean.perfdesk",
                        [sample(department="区委组织部", unit="区委党校")])


def run(capsys, *args):
    code = main(["check", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_text_is_grouped_by_project_with_counts_and_exit_1_on_errors(capsys, reviewed):
    code, out, err = run(capsys, reviewed)
    assert code == 1 and err == ""
    assert "检查" in out and "4 个项目" in out and "预算年度 2025" in out
    assert "【政务服务一体化平台运维项目】广州市黄埔区政务服务中心 — 错误 3，警告 2，提示 1" in out
    block = out.split("【政务服务一体化平台运维项目】")[1].split("【")[0]
    assert "FUND-01 年度资金总额：年度资金总额85.60万元" in block
    assert "COST-02 第5条指标“运维服务费”的指标值：" in block
    assert "［可一键修复：一级指标改为“效益指标”］" in block
    assert out.rstrip().endswith("合计：4 个项目，其中 3 个有错误；错误 5，警告 11，提示 5。")


def test_a_clean_dataset_exits_0(capsys, clean):
    code, out, _ = run(capsys, clean)
    assert code == 0
    assert "另有 1 个项目没有需要列出的问题" in out and "错误 0，警告 0，提示 0" in out


def test_hints_and_warnings_alone_exit_0(capsys, tmp_path):
    path = make_dataset(tmp_path / "w.perfdesk", [sample(
        department="区委组织部", unit="区委党校", annual_goal="提升基层干部能力。")])
    code, out, _ = run(capsys, path)
    assert code == 0 and "GOAL-03" in out


def test_severity_filter_lists_only_serious_findings(capsys, reviewed):
    code, out, _ = run(capsys, reviewed, "--severity", "error")
    assert code == 1
    assert "FUND-01" in out and "VAL-07" not in out and "STD-01" not in out
    assert "另有 1 个项目没有需要列出的问题" in out
    assert "错误 5，警告 11，提示 5" in out  # totals still count everything


def test_json_output_as_documented(capsys, reviewed):
    code, out, _ = run(capsys, reviewed, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert (data["format"], data["version"]) == ("perfdesk-check", 1)
    assert data["counts"] == {"error": 5, "warning": 11, "hint": 5}
    (entry,) = data["inputs"]
    assert entry["kind"] == "dataset" and entry["profile"] == "88"
    assert entry["budget_year"] == 2025
    assert entry["counts"]["projects"] == 4 and entry["counts"]["projects_with_errors"] == 3
    assert {p["name"] for p in entry["projects"]} >= {"高龄老人津贴发放"}
    keys = {"rule", "severity", "project", "indicator", "field", "message", "fix"}
    assert all(set(f) == keys for f in entry["findings"])
    fund = next(f for f in entry["findings"] if f["rule"] == "FUND-01")
    assert fund["indicator"] is None and fund["field"] == "annual_total"
    assert fund["severity"] == "error" and fund["project"]["name"] == "政务服务一体化平台运维项目"
    assert "85.60" in fund["message"]["zh"] and "85.60" in fund["message"]["en"]
    cat = next(f for f in entry["findings"] if f["rule"] == "CAT-03" and f["field"] == "level1")
    assert cat["indicator"]["position"] == 7 and cat["indicator"]["name"] == "平台持续使用年限"
    assert cat["fix"]["indicator_changes"] == {cat["indicator"]["uuid"]: {"level1": "效益指标"}}
    assert cat["fix"]["label"]["zh"] == "一级指标改为“效益指标”"


def test_json_amounts_in_fixes_are_exact_strings(capsys, tmp_path):
    path = make_dataset(tmp_path / "m.perfdesk", [sample(
        department="区委组织部", unit="区委党校", annual_total=None)])
    _, out, _ = run(capsys, path, "--format", "json")
    fund = next(f for f in json.loads(out)["inputs"][0]["findings"] if f["rule"] == "FUND-01")
    assert fund["fix"]["project_changes"] == {"annual_total": "50.00"}


def test_unreadable_input_exits_2_with_one_clear_line(capsys, tmp_path, clean):
    code, out, err = run(capsys, tmp_path / "没有这个.perfdesk")
    assert code == 2
    assert "没有这个.perfdesk" in out and "找不到该文件" in out
    # other inputs are still checked, but the status says one could not be read
    code, out, _ = run(capsys, clean, tmp_path / "没有这个.perfdesk")
    assert code == 2 and "合计：1 个项目" in out
    code, out, err = run(capsys, tmp_path / "没有这个.perfdesk", "--format", "json")
    assert code == 2 and "找不到该文件" in json.loads(out)["inputs"][0]["error"]["zh"]
    assert len(err.strip().splitlines()) == 1


def test_a_damaged_dataset_is_not_checked(capsys, tmp_path):
    broken = tmp_path / "坏.perfdesk"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    code, out, _ = run(capsys, broken)
    assert code == 2 and "坏.perfdesk" in out


def test_checking_does_not_need_the_writer_lock(capsys, reviewed):
    with Dataset.open(reviewed):  # the desktop app has it open
        code, out, _ = run(capsys, reviewed)
    assert code == 1 and "FUND-01" in out


def test_fix_applies_certain_corrections_as_logged_edits(capsys, reviewed):
    code, out, _ = run(capsys, reviewed, "--fix")
    assert code == 1  # errors remain that only the clerk can correct
    assert "已自动修复 4 处" in out and "项目属性改为“延续项目”" in out
    with Dataset.open(reviewed, read_only=True) as ds:
        projects = {p.name: p for p in ds.load_projects()}
        log = ds.changes(50)
    assert projects["高龄老人津贴发放"].attribute == "延续项目"
    assert ("attribute", "延续", "延续项目") in {(c["field"], c["old"], c["new"]) for c in log}
    code, out, _ = run(capsys, reviewed, "--fix")
    assert "已自动修复" not in out  # nothing left to fix


def test_fix_refuses_tables(capsys, tmp_path):
    table = tmp_path / "表.csv"
    table.write_text("主管部门,预算单位,项目名称,绩效目标,绩效指标\n", encoding="utf-8")
    code, out, _ = run(capsys, table, "--fix")
    assert code == 2 and "--fix 只能修复数据文件" in out


def test_english_output(capsys, reviewed, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, _ = run(capsys, reviewed)
    assert code == 1
    assert "Checking" in out and "errors 3, warnings 2, hints 1" in out
    assert "FUND-01 annual total: The annual total of 85.60" in out


def test_the_real_command_runs(reviewed):
    result = run_cli("check", str(reviewed), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["counts"]["error"] == 5


# --- tables ---------------------------------------------------------------------------------


def test_the_seed_table_is_checked_through_a_temporary_dataset(capsys, tmp_path,
                                                              monkeypatch):
    import tempfile

    pytest.importorskip("perfdesk.io")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    code, out, _ = run(capsys, SEED, "--format", "json")
    assert code == 1
    (entry,) = json.loads(out)["inputs"]
    assert entry["counts"]["projects"] == 22 and entry["budget_year"] is None
    rules = {(f["project"]["name"], f["rule"]) for f in entry["findings"]}
    assert ("黄埔区村居综治中心综治视联网系统项目", "CAT-02") in rules
    assert ("执法监督工作经费", "REQ-01") in rules
    assert ("扫黑除恶专项斗争工作经费", "SAT-01") in rules
    assert not list(tmp_path.iterdir())  # the temporary dataset is gone


def test_the_seed_table_as_text(capsys):
    pytest.importorskip("perfdesk.io")
    code, out, _ = run(capsys, SEED, "--year", "2023")
    assert code == 1
    assert "22 个项目" in out and "预算年度 2023" in out
    assert "【政法四级网链路租赁经费】" in out


def test_an_unreadable_table_exits_2(capsys, tmp_path):
    pytest.importorskip("perfdesk.io")
    bad = tmp_path / "表格.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    code, out, _ = run(capsys, bad)
    assert code == 2 and "表格.xlsx" in out


# --- a table that does not say whose projects they are (HDR-02) ----------------------------

_INDICATORS = "1、产出指标：场次，年度指标值：≥10场。"


def test_a_table_without_department_and_unit_fields_is_not_faulted_for_leaving_them_blank(
        capsys, tmp_path):
    """A layout with no 主管部门/预算单位 field at all did not say who the project belongs to:
    the clerk picks the unit at import, so there is no blank cell for HDR-02 to report; the
    report says the table had no such field instead."""
    pytest.importorskip("perfdesk.io")
    table = tmp_path / "没有单位.csv"
    table.write_text(f"项目名称,绩效目标,绩效指标\n项目甲,完成培训10场,{_INDICATORS}\n",
                     encoding="utf-8")
    code, out, _ = run(capsys, table, "--format", "json")
    (entry,) = json.loads(out)["inputs"]
    assert "HDR-02" not in {f["rule"] for f in entry["findings"]}
    assert any("表格没有“主管部门”、“预算单位”栏" in n["message"]["zh"] for n in entry["notices"])


def test_a_blank_department_cell_the_table_has_is_still_reported(capsys, tmp_path):
    pytest.importorskip("perfdesk.io")
    table = tmp_path / "空单位.csv"
    table.write_text("主管部门,预算单位,项目名称,绩效目标,绩效指标\n"
                     f",区委党校,项目甲,完成培训10场,{_INDICATORS}\n", encoding="utf-8")
    code, out, _ = run(capsys, table, "--format", "json")
    (entry,) = json.loads(out)["inputs"]
    assert [f["field"] for f in entry["findings"] if f["rule"] == "HDR-02"] == ["department"]
    assert not any("栏" in n["message"]["zh"] for n in entry["notices"])
