"""An indicator's target split into the official grid's 计算符号 / 指标值 / 计量单位 columns."""

from __future__ import annotations

from decimal import Decimal

from perfdesk.core.model import Indicator


def test_a_quantitative_target_splits_into_its_typed_parts():
    indicator = Indicator(nature="定量", comparator="≥", target=Decimal("95.50"), unit="%",
                          value_text=">=95.50%")
    assert indicator.value_columns() == ("≥", "95.50", "%")


def test_a_grade_stands_alone_and_unreadable_text_is_shown_whole():
    assert Indicator(nature="定性", grade="较好").value_columns() == ("", "较好", "")
    assert Indicator(value_text="年度评估").value_columns() == ("", "年度评估", "")
    assert Indicator().value_columns() == ("", "", "")
