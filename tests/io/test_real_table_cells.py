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
