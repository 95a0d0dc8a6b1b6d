"""perfdesk import / export from the command line."""

from __future__ import annotations

from tests.support.paths import ROOT, SEED
from tests.support.cli import run_cli

from openpyxl import load_workbook

from perfdesk.services.dataset import Dataset
from perfdesk.io import read_table


def test_import_prints_what_was_added_and_what_was_guessed(tmp_path):
    dataset = tmp_path / "数据.perfdesk"
    assert run_cli("new", str(dataset), "--year", "2023").returncode == 0
    result = run_cli("import", str(SEED), "--into", str(dataset))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "新建主管部门 1 个：中共广州市黄埔区委政法委员会（部门）" in out
    assert "新建预算单位 1 个：中共广州市黄埔区委政法委员会" in out
    assert "项目 22 个，指标 79 条" in out
    assert "需要核对的地方（1 处）" in out and "质量指标" in out
    with Dataset.open(dataset, read_only=True) as ds:
        assert ds.counts().indicators == 79


def test_export_both_layouts_and_import_them_elsewhere(tmp_path):
    dataset = tmp_path / "数据.perfdesk"
    run_cli("new", str(dataset), "--year", "2023")
    run_cli("import", str(SEED), "--into", str(dataset))
    for layout in ("disclosure", "detail"):
        out = tmp_path / f"{layout}.xlsx"
        result = run_cli("export", str(dataset), "--format", layout, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert "已导出 22 个项目" in result.stdout
        back = read_table(out)
        assert back.kind == layout and back.restored == 22
    # the seed's projects all have check errors (e.g. 执法监督工作经费 has no 产出指标)
    assert "检查仍有错误" in result.stdout  # said here, never printed in the table
    sheet = load_workbook(tmp_path / "disclosure.xlsx").worksheets[0]
    assert sheet.max_column == 5 and sheet["F2"].value is None


def test_the_detail_export_says_which_forms_it_wrote(tmp_path):
    """A 自评表 comes out as a 自评表 (its own layout), and the line says so; with 申报 projects
    beside it, both."""
    corpus = ROOT / "tests" / "corpus" / "tables"
    dataset = tmp_path / "数据.perfdesk"
    run_cli("new", str(dataset), "--year", "2022")
    run_cli("import", str(corpus / "b01_zhongjiang" / "source.xlsx"), "--into", str(dataset))
    out = tmp_path / "自评.xlsx"
    result = run_cli("export", str(dataset), "--format", "detail", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "已导出 1 个项目到" in result.stdout and "（自评表）" in result.stdout
    run_cli("import", str(SEED), "--into", str(dataset))
    result = run_cli("export", str(dataset), "--format", "detail", "-o", str(out))
    assert "已导出 23 个项目到" in result.stdout and "（申报表和自评表）" in result.stdout


def test_a_department_whole_target_is_exported_in_its_own_form_and_said_so(tmp_path):
    corpus = ROOT / "tests" / "corpus" / "tables"
    dataset = tmp_path / "数据.perfdesk"
    run_cli("new", str(dataset), "--year", "2019")
    run_cli("import", str(corpus / "b05_ningde" / "source.xlsx"), "--into", str(dataset))
    out = tmp_path / "部门整体.xlsx"
    result = run_cli("export", str(dataset), "--format", "detail", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "（部门整体支出绩效目标申报表）" in result.stdout
    sheet = load_workbook(out).worksheets[0]
    assert sheet["A1"].value == "部门（单位）整体支出绩效目标申报表"
    assert sheet["A2"].value == "（2019年度）" and sheet["C8"].value == "任务名称"
    run_cli("import", str(SEED), "--into", str(dataset))
    result = run_cli("export", str(dataset), "--format", "detail", "-o", str(out))
    assert "（申报表和部门整体支出绩效目标申报表）" in result.stdout


def test_errors_are_one_line_with_status_2(tmp_path):
    dataset = tmp_path / "数据.perfdesk"
    run_cli("new", str(dataset), "--year", "2023")
    bad = tmp_path / "坏表.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    result = run_cli("import", str(bad), "--into", str(dataset))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "坏表.xlsx" in result.stderr
    result = run_cli("export", str(dataset), "--format", "detail", "-o",
                     str(tmp_path / "没有这个文件夹" / "x.xlsx"), env={"LANG": "en_US.UTF-8"})
    assert result.returncode == 2
    assert result.stderr.strip() == ("perfdesk: file 'x.xlsx': The folder to save into does "
                                     "not exist.")


def test_a_table_that_names_no_unit_goes_where_unit_says(tmp_path):
    """A department's own indicator list names no 主管部门/预算单位: refused into an empty
    dataset with a message saying how to choose, then placed as --unit says."""
    dataset = tmp_path / "数据.perfdesk"
    run_cli("new", str(dataset), "--year", "2026")
    table = tmp_path / "职业培训.txt"
    table.write_text("项目名称\t职业技能培训\n"
                     "产出指标\t数量指标\t培训人次\t≥\t500\t人次\n"
                     "效益指标\t社会效益指标\t技能提升人数\t≥\t300\t人\n"
                     "满意度指标\t服务对象满意度指标\t学员满意度\t≥\t90%\t\n", encoding="utf-8")
    refused = run_cli("import", str(table), "--into", str(dataset))
    assert refused.returncode == 2 and "--unit 主管部门/预算单位" in refused.stderr
    with Dataset.open(dataset, read_only=True) as ds:
        assert ds.counts().projects == 0
    placed = run_cli("import", str(table), "--into", str(dataset),
                     "--unit", "某区人社局/某区职业培训中心")
    assert placed.returncode == 0, placed.stderr
    assert "新建预算单位 1 个：某区职业培训中心" in placed.stdout
    assert "没有表头，按内容认出了各列" in placed.stdout
    with Dataset.open(dataset, read_only=True) as ds:
        (project,) = ds.load_projects()
        assert (project.name, project.department, project.unit) == (
            "职业技能培训", "某区人社局", "某区职业培训中心")
        assert [i.name for i in project.indicators] == ["培训人次", "技能提升人数", "学员满意度"]
    wrong = run_cli("import", str(table), "--into", str(dataset), "--unit", "只有单位")
    assert wrong.returncode == 2 and "主管部门/预算单位" in wrong.stderr
