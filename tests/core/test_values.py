"""The value grammar: what clerks type and old tables hold, read into typed targets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from perfdesk.core import values
from perfdesk.core.taxonomy import COMMON_UNITS, COMPARATORS, DEFAULT_GRADES
from perfdesk.core.values import TargetValue, ValueKind, parse, render


@pytest.mark.parametrize(("text", "comparator", "number", "unit"), [
    ("≥95%", "≥", "95", "%"),
    ("≤475元/亩", "≤", "475", "元/亩"),
    ("＝18条", "＝", "18", "条"),
    (">=95%", "≥", "95", "%"),
    ("<=10天", "≤", "10", "天"),
    (">3个", "＞", "3", "个"),
    ("<5%", "＜", "5", "%"),
    ("=18条", "＝", "18", "条"),
    ("不低于95%", "≥", "95", "%"),
    ("不少于10场", "≥", "10", "场"),
    ("不高于500元/人", "≤", "500", "元/人"),
    ("不超过30天", "≤", "30", "天"),
    ("≥６００００人", "≥", "60000", "人"),
    ("＞＝９５．５％", "≥", "95.5", "%"),
    ("≥60000人", "≥", "60000", "人"),
    ("2.61万元", "", "2.61", "万元"),
    ("100%", "", "100", "%"),
    ("6篇以上", "≥", "6", "篇"),
    ("95%及以上", "≥", "95", "%"),
    ("10秒以内", "≤", "10", "秒"),
    ("≥ 95 %", "≥", "95", "%"),
    ("≥1,200人次", "≥", "1200", "人次"),
    ("≥0.1", "≥", "0.1", ""),
])
def test_reads_the_ways_tables_write_targets(text, comparator, number, unit):
    result = parse(text)
    assert result.value.kind is ValueKind.QUANTITATIVE
    assert result.value.comparator == comparator
    assert result.value.number == Decimal(number)
    assert result.value.unit == unit


def test_numbers_are_exact_decimals_not_floats():
    value = parse("≥12345678.91万元").value
    assert isinstance(value.number, Decimal)
    assert str(value.number) == "12345678.91"
    assert render(value) == "≥12345678.91万元"


@pytest.mark.parametrize("text", ["≥95%", "≤475元/亩", "＝18条", "好", "达成", "＜3次"])
def test_canonical_text_renders_back_unchanged(text):
    assert render(parse(text).value) == text


@pytest.mark.parametrize(("text", "canonical"), [
    (">=95%", "≥95%"), ("不低于95%", "≥95%"), ("≥９５％", "≥95%"), ("6篇以上", "≥6篇"),
])
def test_other_spellings_render_canonically(text, canonical):
    assert render(parse(text).value) == canonical


def test_remembers_a_non_canonical_comparator_spelling():
    assert parse(">=95%").comparator_spelling == ">="
    assert parse("不低于95%").comparator_spelling == "不低于"
    assert parse("≥95%").comparator_spelling == ""


@pytest.mark.parametrize("grade", DEFAULT_GRADES)
def test_grades_are_qualitative(grade):
    value = parse(f" {grade} ").value
    assert value.kind is ValueKind.QUALITATIVE and value.grade == grade
    assert value.nature == "定性"


def test_grade_list_is_configurable():
    assert parse("优良").value.kind is ValueKind.RAW
    assert parse("优良", grades=("优良", "合格")).value.grade == "优良"


@pytest.mark.parametrize("text", [
    "抽样", "年度评估", "全覆盖", "按实际报送",
    "网格事件正常办结率=正常办结数/上报数",
    "诉求解答率=来访咨询人数/窗口受理咨询人数×100%",
    "每人每月完成社会治理相关问题事件上报及处理20件，完成率100%",
    "日常出勤训练率达95%以上",
    "街镇月度考评中“事件质量方面”全年总分/12个月",
    "95%-100%",
])
def test_unreadable_text_is_kept_verbatim_as_raw(text):
    value = parse(text).value
    assert value.kind is ValueKind.RAW
    assert value.text == text
    assert render(value) == text


def test_a_formula_followed_by_a_target_yields_the_target():
    result = parse("已登记数/应登记数≥98%")
    assert result.value.kind is ValueKind.QUANTITATIVE
    assert (result.value.comparator, result.value.number, result.value.unit) == (
        "≥", Decimal("98"), "%")
    assert result.prefix == "已登记数/应登记数"


@pytest.mark.parametrize(("text", "rendered", "note"), [
    ("≥95%（抽样调查）", "≥95%", "（抽样调查）"),
    ("不低于90% (按季度统计)", "≥90%", "(按季度统计)"),
    ("好（以验收意见为准）", "好", "（以验收意见为准）"),
])
def test_a_remark_in_brackets_after_a_target_keeps_the_target(text, rendered, note):
    result = parse(text)
    assert render(result.value) == rendered
    assert result.note == note


@pytest.mark.parametrize("text", ["满意（较高）", "（抽样）", "≥95%（一）（二）"])
def test_brackets_without_a_target_before_them_stay_raw(text):
    assert parse(text).value.kind is ValueKind.RAW


def test_empty_text_is_empty():
    assert parse("").value.kind is ValueKind.EMPTY
    assert parse("   ").value.kind is ValueKind.EMPTY
    assert parse(None).value.kind is ValueKind.EMPTY
    assert render(parse("").value) == ""


def test_parse_number_accepts_full_width_and_separators():
    assert values.parse_number("１２３.４５") == Decimal("123.45")
    assert values.parse_number("1,234.50") == Decimal("1234.50")
    assert values.parse_number("12a") is None


def test_typed_values_refuse_floats():
    with pytest.raises(ValueError):
        TargetValue.quantitative("≥", 0.1)  # type: ignore[arg-type]


# --- properties -----------------------------------------------------------------------------

_units = st.one_of(st.sampled_from(COMMON_UNITS + ("",)),
                   st.text(min_size=0, max_size=8).filter(values.is_valid_unit))
_numbers = st.decimals(allow_nan=False, allow_infinity=False, places=4,
                       min_value=Decimal("-1e9"), max_value=Decimal("1e9"))
_quantitative = st.builds(TargetValue.quantitative, st.sampled_from(COMPARATORS + ("",)),
                          _numbers, _units)
_qualitative = st.builds(TargetValue.qualitative, st.sampled_from(DEFAULT_GRADES))
_typed = st.one_of(_quantitative, _qualitative)


@given(_typed)
@settings(max_examples=500)
def test_render_parse_render_is_stable_for_every_typed_value(value):
    text = render(value)
    assert render(parse(text).value) == text


@given(_quantitative)
def test_parse_gives_back_the_same_quantitative_value(value):
    back = parse(render(value)).value
    assert (back.comparator, back.number, back.unit) == (value.comparator, value.number,
                                                          value.unit)


@given(st.text(max_size=300))
@settings(max_examples=1000)
def test_parse_never_raises_and_never_loses_text(text):
    result = parse(text)
    if result.value.kind is ValueKind.RAW:
        assert result.value.text == text


@given(st.text(alphabet="≥≤＞＜＝<>=不低于少高超过以上下内0123456789.,%％元万人/个 ", max_size=40))
@settings(max_examples=1000)
def test_parse_never_raises_on_comparator_soup(text):
    parse(text)


def test_money_is_printed_with_two_places_and_never_rounded():
    assert values.format_money(Decimal("120")) == "120.00"
    assert values.format_money(Decimal("2.5")) == "2.50"
    assert values.format_money(Decimal("0.10")) == "0.10"
    assert values.format_money(Decimal("1.005")) == "1.005"
    assert values.format_money(None) == ""


# --- 项目期 ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "ends"), [
    ("2023.07-2024.01", (2023, 7, 2024, 1)),
    ("2023.7-2024.1", (2023, 7, 2024, 1)),
    ("2023年7月至2024年1月", (2023, 7, 2024, 1)),
    ("2023年7月-2024年1月", (2023, 7, 2024, 1)),
    ("２０２３年７月—２０２４年１月", (2023, 7, 2024, 1)),
    ("2023年7月1日至2024年1月31日", (2023, 7, 2024, 1)),
    ("2023-07至2024-01", (2023, 7, 2024, 1)),
    ("202307-202401", (2023, 7, 2024, 1)),
    ("2023年7月至12月", (2023, 7, 2023, 12)),
    ("2023-2025", (2023, None, 2025, None)),
    ("2023年至2025年", (2023, None, 2025, None)),
    ("2023—2025年", (2023, None, 2025, None)),
    ("2025年", (2025, None, 2025, None)),
    ("2025", (2025, None, 2025, None)),
    ("2025-2023", (2023, None, 2025, None)),  # the earliest and the latest year
])
def test_one_reader_of_a_period(text, ends):
    period = values.read_period(text)
    assert (period.start, period.start_month, period.end, period.end_month) == ends


@pytest.mark.parametrize("text", ["", "3年", "三年", "20231", "长期"])
def test_a_period_without_a_year_is_not_read(text):
    assert values.read_period(text) is None


def test_a_period_s_length_and_text():
    seven = values.Period(2023, 2024, 7, 1)
    assert seven.months() == 7 and not seven.longer_than_a_year()
    assert seven.text() == "2023年7月至2024年1月"
    assert values.Period(2023, 2025, 1, 12).longer_than_a_year()
    assert values.Period(2023, 2024, 7, 7).months() == 13
    years = values.Period(2023, 2024)  # a year alone stays a year: two years
    assert years.months() is None and years.longer_than_a_year()
    assert years.text() == "2023年至2024年" and values.Period(2025, 2025).text() == "2025年"
    assert values.Period(None, 2026).text() == "2026年" and values.Period().text() == ""
    assert not values.Period(2025, None).longer_than_a_year()


@given(st.integers(1990, 2094), st.integers(1, 12), st.integers(0, 5), st.integers(1, 12))
def test_a_period_reads_back_from_its_own_text(start, first, years, last):
    assume(years > 0 or last >= first)
    period = values.Period(start, start + years, first, last)
    assert values.read_period(period.text()) == period
    assert values.read_period(f"{start}.{first}-{start + years}.{last}") == period
