"""时效 targets: deadlines and periods are values of their own, with no comparator.

A clerk writes 完成时间 as ``2026年12月底前`` or ``2026年1-12月``; before this kind existed such a
value was "没有数字" as 定量, an error as 定性, and ``12月底前`` took the library's ≥ so the form
printed "≥ 12 月底前".
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.core.entry import read_target, typed_indicator_changes
from perfdesk.core.model import Indicator
from perfdesk.core.taxonomy import DEFAULT_GRADES
from perfdesk.core.values import ValueKind, parse, read_time, render


@pytest.mark.parametrize("text, time", [
    ("2026年12月底前", "2026年12月底前"),
    ("2026年6月30日前", "2026年6月30日前"),
    ("2026 年 12 月 31 日", "2026年12月31日"),
    ("１２月底前", "12月底前"),
    ("全年", "全年"),
    ("2026年全年", "2026年全年"),
    ("2026年1-12月", "2026年1-12月"),
    ("2021年1月-12月", "2021年1月-12月"),
    ("2023.07-2024.01", "2023.07-2024.01"),
    ("年底前", "年底前"),
    ("第三季度", "第三季度"),
    ("2019年12月31日前完成", "2019年12月31日前完成"),
])
def test_deadlines_and_periods_read_as_times(text, time):
    assert read_time(text) == time
    result = parse(text)
    assert result.value.kind is ValueKind.TIME and render(result.value) == time


@pytest.mark.parametrize("text", ["≤30个工作日", "3个月", "12个月", "20天", "12月", "≥95%",
                                  "按期完成率≥95%", "12月底前完成率", "2026"])
def test_durations_rates_and_bare_numbers_are_not_times(text):
    assert parse(text).value.kind is not ValueKind.TIME


def test_a_comparator_in_front_of_a_deadline_is_reported_and_dropped():
    result = parse("≥2021年全年")
    assert result.value.kind is ValueKind.TIME and result.value.text == "2021年全年"
    assert result.comparator_spelling == "≥"


def test_typing_a_deadline_clears_the_library_comparator_and_unit():
    row = Indicator(name="项目完成时间", nature="定量", comparator="≥", unit="%")
    reading = typed_indicator_changes(row, "value", "12月底前", profile="88",
                                      grades=DEFAULT_GRADES)
    changed = row.model_copy(update=reading.fields)
    assert changed.comparator == "" and changed.unit == "" and changed.target is None
    assert changed.value_display() == "12月底前"
    assert changed.value_columns() == ("", "12月底前", "")
    assert changed.nature == "定量"  # the clerk's nature stays; the value is a time


def test_typing_a_deadline_with_a_comparator_says_it_was_left_out():
    reading = typed_indicator_changes(Indicator(name="完成时间"), "value", "≥2026年全年",
                                      profile="88", grades=DEFAULT_GRADES)
    assert reading.fields["value_text"] == "2026年全年"
    assert [n.field for n in reading.notes] == ["value"] and "≥" in str(reading.notes[0].message)


def test_a_deadline_split_over_the_value_and_unit_cells_is_one_time():
    reading = read_target("12", unit="月底前", nature="定量")
    assert reading.fields["value_text"] == "12月底前"
    assert reading.fields["target"] is None and reading.fields["unit"] == ""
    assert reading.notes == []


def test_a_comparator_cell_beside_a_deadline_is_left_out_with_a_note():
    reading = read_target("2026年12月底前", comparator="≤")
    assert reading.fields["comparator"] == "" and reading.fields["value_text"] == "2026年12月底前"
    assert reading.notes and reading.notes[0].adjusted and "≤" in str(reading.notes[0].message)


def test_a_remark_after_a_deadline_moves_to_the_explanation():
    reading = read_target("2026年12月底前（以验收为准）", explanation="按合同")
    assert reading.fields["value_text"] == "2026年12月底前"
    assert reading.fields["explanation"] == "按合同；以验收为准"


def test_a_deadline_stored_as_number_and_unit_by_older_versions_prints_without_comparator():
    old = Indicator(nature="定量", comparator="≥", target=Decimal("12"), unit="月底前")
    assert old.target_value().kind is ValueKind.TIME
    assert old.value_display() == "12月底前"
    assert old.value_columns() == ("", "12月底前", "")
