"""Cells of real tables read as the clerk sees them (issue 11): a number formatted as a
percentage, codes in front of unit names, template rows, Excel date serials …"""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook

from perfdesk.io import read_table

GRID = ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"]


def form(path, rows, formats=None, merges=()):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for ref, number_format in (formats or {}).items():
        ws[ref].number_format = number_format
    for merge in merges:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def test_a_one_formatted_as_a_percentage_is_read_as_100_percent(tmp_path):
    path = form(tmp_path / "t.xlsx", [
        ["项目名称", "某项目"], ["主管部门", "某局"], GRID,
        ["产出指标", "质量指标", "验收合格率", 1, None],
        ["产出指标", "质量指标", "覆盖率", 0.9, None],
    ], {"D4": "0%", "D5": "0.00%"})
    (project,) = read_table(path).projects
    assert [(i.target, i.unit) for i in project.indicators] == [
        (Decimal(100), "%"), (Decimal(90), "%")]


def test_a_flat_grid_with_a_department_summary_row_reads_every_project(tmp_path):
    path = form(tmp_path / "t.xlsx", [
        ["部门预算项目绩效目标申报表(2023年度)"], ["金额单位:元"],
        ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质",
         "指标值", "度量单位", "权重", "指标方向性"],
        ["820-马踏镇部门", None, "8,827,620.53"],
        ["820001-某镇人民政府", "村组干部报酬", "3,309,840.00", "按时发放", "产出指标", "数量指标",
         "发放人数", "≥", 230, "人", 10, "正向指标"],
        [None, None, None, None, "产出指标", "数量指标", "行政村数量", "=", 11, "个", 10, "正向指标"],
    ])
    result = read_table(path)
    (project,) = result.projects  # the summary row is no project and refuses nothing
    assert (project.unit, project.unit_code, project.department) == ("某镇人民政府", "820001",
                                                                      "马踏镇部门")
    assert project.annual_total == Decimal("330.984")
    assert [i.value_display() for i in project.indicators] == ["≥230人", "＝11个"]
    said = " ".join(n.message.zh for n in result.notices)
    assert "汇总行" in said and "换算为 330.984 万元" in said and "计算符号“≥”" in said


def test_a_date_serial_in_value_and_unit_is_read_as_the_date(tmp_path):
    path = form(tmp_path / "t.xlsx", [
        ["项目名称", "某项目"], ["主管部门", "(433)某社(部门)"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位"],
        ["产出指标", "时效指标", "资金到位时间", "正向", "=", "44,561", "44,561"],
        ["产出指标", "数量指标", "出差人次", "正向", "=", 24, "人/次"],
    ])
    result = read_table(path)
    (project,) = result.projects
    assert project.department == "某社"
    assert [i.value_display() for i in project.indicators] == ["2021年12月31日", "＝24人/次"]
    assert any("Excel 的日期序号" in n.message.zh for n in result.notices)


def test_funding_written_as_text_is_kept_as_written_through_import_and_reported_at_the_field(
        tmp_path):
    """a04/a07: 年度资金总额 written '854万(…)' or '按实际' — the reader takes the amount it can
    and keeps the cell as the table wrote it, stored with the project, so FUND-04 reports it at
    the field after the import (not only as an import notice)."""
    from perfdesk.checks import check_project
    from perfdesk.services.checking import check_context
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.importing import import_files

    path = form(tmp_path / "t.xlsx", [
        ["项目名称", "某项目"], ["主管部门", "某局"], ["预算单位", "某局"],
        ["年度资金总额", "854万(高标准农田建设400万元)"], ["其中：财政拨款", "按实际"],
        ["年度目标", "完成高标准农田建设4000亩"], GRID,
        ["产出指标", "数量指标", "高标准农田建设面积", "≥4000", "亩"],
    ])
    (read,) = read_table(path).projects
    assert read.annual_total == Decimal(854) and read.annual_fiscal is None
    with Dataset.create(tmp_path / "d.perfdesk", year=2025, profile="88") as ds:
        import_files(ds, [path])
        (project,) = ds.load_projects()
        found = {f.field: f for f in check_project(project, check_context(ds))
                 if f.rule == "FUND-04"}
    assert found["annual_total"].severity.value == "hint"
    assert "854万(高标准农田建设400万元)" in found["annual_total"].message.zh
    assert found["annual_fiscal"].severity.value == "error"
    assert "“按实际”不是金额" in found["annual_fiscal"].message.zh


def test_a_placeholder_in_the_level2_column_of_an_empty_row_is_skipped_with_a_notice(tmp_path):
    """b10 (宁乡 坝塘镇): the template's '…' row under 成本指标 sits in the 二级指标 column with
    nothing else on the row — a placeholder row, skipped and said so, not a category row
    dropped without a word."""
    path = form(tmp_path / "t.xlsx", [
        ["项目名称", "某项目"], ["主管部门", "某局"], GRID,
        ["产出指标", "数量指标", "道路硬化里程", "≥10", "公里"],
        ["产出指标", "…", None, None, None],
        ["效益指标", "社会效益指标", "群众出行时间缩短", "≥10", "分钟"],
    ])
    result = read_table(path)
    assert [i.name for i in result.projects[0].indicators] == ["道路硬化里程", "群众出行时间缩短"]
    assert any("占位行" in n.message.zh and "第 5 行" in str(n) for n in result.notices)
