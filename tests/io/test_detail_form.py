"""The detailed form's content, decided once for the Excel workbook and the PDF."""

from __future__ import annotations

import datetime
from decimal import Decimal

from perfdesk.core.model import Indicator, Project
from perfdesk.io.detail_form import (
    GRID_HEADINGS,
    Signature,
    detail_form,
    merged_spans,
)


def period_text(*ends) -> str:
    return detail_form(Project(**dict(zip(
        ("period_start", "period_end", "period_start_month", "period_end_month"), ends))),
        year=2025).value("period")


def test_the_period_reads_as_the_official_forms_write_a_span_of_years():
    assert period_text(2025, 2027) == "2025年至2027年"
    assert period_text(2025, 2025) == period_text(2025, None) == "2025年"
    assert period_text(None, None) == ""


def test_a_period_with_its_months_reads_as_the_table_stated_it():
    assert period_text(2023, 2024, 7, 1) == "2023年7月至2024年1月"
    assert period_text(2024, 2024, 3, 9) == "2024年3月至2024年9月"
    assert period_text(2023, 2025, 7, None) == "2023年7月至2025年"


def test_the_header_block_money_goals_and_footer():
    project = Project(name="社区矫正平台运维", code="4401-01", department="某某区司法局（部门）",
                      unit="某某区司法局", attribute="延续项目", period_start=2024,
                      period_end=2026, annual_total=Decimal("120.50"),
                      midterm_total=Decimal("360"), annual_goal="保障平台稳定运行。")
    form = detail_form(project, year=2025,
                       signed=Signature("张三", "020-12345678", datetime.date(2025, 10, 8)))
    assert form.title == "2025年项目支出绩效目标申报表"
    assert form.unit_line == "某某区司法局"
    assert form.header["implementing_unit"] == ("实施单位", "某某区司法局")  # none of its own
    assert form.header["period"] == ("项目期", "2024年至2026年")
    assert form.header["code"] == ("项目编码", "4401-01")
    total = form.money[0]
    assert (total.midterm_label, total.midterm, total.annual_label, total.annual) == (
        "中期资金总额", Decimal("360"), "年度资金总额", Decimal("120.50"))
    assert [line.annual_label for line in form.money] == ["年度资金总额", "其中：财政拨款", "其他资金"]
    assert form.goals == (("中长期目标", ""), ("年度目标", "保障平台稳定运行。"))
    assert form.footer == (("填报人", "张三"), ("联系电话", "020-12345678"),
                           ("填报日期", "2025年10月8日"))


def test_the_grid_rows_and_the_categories_merged_over_their_runs():
    rows = [("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"),
            ("效益指标", ""), ("效益指标", ""), ("", ""), ("", "")]
    project = Project(indicators=[
        Indicator(level1=l1, level2=l2, name=f"指标{n}", nature="定量", comparator="≥",
                  target=Decimal(n), unit="个") for n, (l1, l2) in enumerate(rows, 1)])
    form = detail_form(project, year=2025)
    assert [h for _f, h in GRID_HEADINGS] == [
        "一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值", "计量单位",
        "指标值设定依据", "指标解释"]
    first = form.grid[0].cells
    assert (first["comparator"], first["value"], first["unit"], first["value_unit"]) == (
        "≥", "1", "个", "≥1个")
    assert merged_spans(form.grid, "level1") == [(0, 2), (3, 4)]  # blanks never merge
    assert merged_spans(form.grid, "level2") == [(0, 1)]
    assert merged_spans(form.grid, "name") == []
