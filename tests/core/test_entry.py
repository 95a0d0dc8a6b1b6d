"""What text typed, pasted or imported into an indicator cell means: the one reader."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.core.entry import (
    CategoryRun,
    IndicatorRowReader,
    explanation_with,
    read_comparator,
    read_nature,
    read_target,
    read_weight,
    typed_indicator_changes,
    typed_project_changes,
)
from perfdesk.core.model import Indicator, Project
from perfdesk.core.taxonomy import DEFAULT_GRADES


# --- what typing into a cell means ------------------------------------------------------------


def typed(field, text, **fields):
    return typed_indicator_changes(Indicator(**fields), field, text, profile="88",
                                   grades=DEFAULT_GRADES).fields


@pytest.mark.parametrize("text", [">=95%", "不低于95%", "≥95%", "＞＝９５％", "95%以上"])
def test_a_target_typed_in_any_usual_spelling_is_split_into_typed_fields(text):
    assert typed("value", text) == {"nature": "定量", "target": Decimal("95"), "comparator": "≥",
                                  "unit": "%"}


def test_a_bare_number_keeps_the_comparator_and_unit_already_there():
    assert typed("value", "98", nature="定量", comparator="≥", unit="%",
                 target=Decimal(95)) == {"target": Decimal("98")}


def test_a_grade_makes_a_qualitative_value_and_clears_the_number():
    assert typed("value", "好", nature="定量", comparator="≥", target=Decimal(1), unit="%") == {
        "nature": "定性", "grade": "好", "target": None, "comparator": "", "unit": ""}


def test_unreadable_text_is_kept_verbatim_for_the_checker():
    assert typed("value", "抽样", nature="定量") == {"value_text": "抽样"}


def test_a_formula_with_a_target_keeps_the_written_text_and_the_target():
    changes = typed("value", "已登记数/应登记数≥98%")
    assert changes["target"] == Decimal("98") and changes["comparator"] == "≥"
    assert changes["value_text"] == "已登记数/应登记数≥98%"


def test_categories_cascade():
    assert typed("level2", "质量指标") == {"level2": "质量指标", "level1": "产出指标"}
    assert typed("level1", "效益指标", level1="产出指标", level2="数量指标") == {
        "level1": "效益指标", "level2": ""}
    assert typed("level1", "产出指标", level2="数量指标") == {"level1": "产出指标"}


def test_changing_a_typed_part_drops_the_text_as_written():
    assert typed("comparator", "≤", nature="定量", comparator="≥", target=Decimal(95), unit="%",
                 value_text=">=95%") == {"comparator": "≤", "value_text": ""}
    assert typed("unit", "个", nature="定量", target=Decimal(3), value_text="3件") == {
        "unit": "个", "value_text": ""}


def test_a_comparator_on_an_empty_row_makes_it_quantitative():
    assert typed("comparator", "≥") == {"comparator": "≥", "nature": "定量"}
    assert typed("nature", "定性") == {"nature": "定性"}


def test_a_library_name_fills_only_what_is_empty():
    assert typed("name", "验收合格率") == {
        "name": "验收合格率", "level1": "产出指标", "level2": "质量指标", "nature": "定量",
        "comparator": "＝", "unit": "%"}
    # the clerk's own category stays; the usual nature, comparator and unit still help
    assert typed("name", "验收合格率", level1="效益指标") == {
        "name": "验收合格率", "nature": "定量", "comparator": "＝", "unit": "%"}
    assert typed("name", "验收合格率", level1="效益指标", nature="定量", comparator="≥",
                 target=Decimal(98), unit="%") == {"name": "验收合格率"}
    assert typed("name", "自拟的指标") == {"name": "自拟的指标"}


