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


def test_a_self_evaluation_score_or_points_typed_are_exact_numbers_and_clearing_empties_them():
    assert typed("score", "9.5") == {"score": Decimal("9.5")}
    assert isinstance(typed("score", "9.5")["score"], Decimal)
    assert typed("weight", "10分") == {"weight": Decimal("10")}
    assert typed("score", "", score=Decimal("8")) == {"score": None}
    assert typed("score", "8.0", score=Decimal("8")) == {}  # the same number: nothing changes
    assert typed("actual", "≥266米") == {"actual": "≥266米"}  # a result as written, no target
    assert typed("shortfall", "资金未及时到位") == {"shortfall": "资金未及时到位"}


def test_points_typed_that_are_not_a_number_are_refused_with_a_message_and_nothing_changes():
    reading = typed_indicator_changes(Indicator(weight=Decimal("10")), "weight", "abc",
                                      profile="88", grades=DEFAULT_GRADES)
    assert reading.fields == {}
    assert [n.field for n in reading.notes] == ["weight"]
    assert reading.notes[0].message.zh.startswith("分值（权重）“abc”不是数字")


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




def test_a_remark_typed_after_the_target_moves_into_the_explanation_with_a_note():
    reading = typed_indicator_changes(Indicator(explanation="年末统计"), "value",
                                      ">=95%（问卷调查）", profile="88", grades=DEFAULT_GRADES)
    assert reading.fields == {"nature": "定量", "target": Decimal("95"), "comparator": "≥",
                              "unit": "%", "explanation": "年末统计；问卷调查"}
    (note,) = reading.notes
    assert note.field == "value" and note.severity == "hint" and "问卷调查" in note.message.zh


def test_an_unreadable_comparator_typed_changes_nothing_and_says_why():
    reading = typed_indicator_changes(Indicator(), "comparator", "约", profile="88",
                                      grades=DEFAULT_GRADES)
    assert reading.fields == {} and reading.notes[0].severity == "error"
    assert typed("comparator", ">=") == {"comparator": "≥", "nature": "定量"}
    assert typed("nature", "数字", nature="定量") == {}


# --- single cells ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "nature"), [
    ("定量", "定量"), ("定量指标", "定量"), ("定性指標", "定性"), (" 定 性 ", "定性"), ("数字", "")])
def test_nature_cells(text, nature):
    assert read_nature(text) == nature


@pytest.mark.parametrize(("text", "comparator"), [
    (">=", "≥"), ("不低于", "≥"), ("≧", "≥"), ("正向", "≥"), ("反向", "≤"), ("以下", "≤"),
    ("=", "＝"), ("约", "")])
def test_comparator_cells(text, comparator):
    assert read_comparator(text) == comparator


def test_weight_cells_are_exact_numbers_or_left_out_with_a_note():
    assert read_weight("10%").fields == {"weight": Decimal("10")}
    assert read_weight("0.5分").fields["weight"] == Decimal("0.5")
    reading = read_weight("十分")
    assert reading.fields == {} and reading.notes[0].adjusted


def test_a_remark_joins_the_explanation_once():
    assert explanation_with("", "抽样调查") == "抽样调查"
    assert explanation_with("按年统计。", "抽样调查") == "按年统计；抽样调查"
    assert explanation_with("按年统计，抽样调查", "抽样调查") == "按年统计，抽样调查"


# --- the 指标值 cell with the cells beside it -----------------------------------------------


def target(value, **cells):
    return read_target(value, grades=DEFAULT_GRADES, **cells)


def test_another_spelling_is_stored_canonical_and_noted_as_an_adjustment():
    for written in (">=95%", "不低于95%", "95%以上", "≥９５％", "95%以上。"):
        reading = target(written)
        assert (reading.fields["comparator"], reading.fields["target"], reading.fields["unit"],
                reading.fields["value_text"]) == ("≥", Decimal(95), "%", ""), written
        assert [(n.field, n.adjusted) for n in reading.notes] == [("value", True)], written
    assert target("≥95%").notes == []  # already canonical: nothing to say
    assert target("95", comparator="≥", unit="%").notes == []


def test_a_sentence_ending_after_a_number_target_is_dropped_but_not_after_text():
    """'95%以上。' as published (a 宁夏 table, corpus d02) is the target ≥95%, said in a notice;
    a sentence that happens to end in 。 stays as written."""
    reading = target("95%以上。")
    assert "≥95%" in reading.notes[0].message.zh
    kept = target("2021年12月底完成项目规划相关工作。")
    assert kept.fields["value_text"] == "2021年12月底完成项目规划相关工作。"
    assert target("。").fields["value_text"] == "。"


def test_a_deviation_within_a_bound_is_at_most_that_bound_and_said():
    """'±3%以内' (a 广东 settlement error rate, corpus c07) is ≤3%, with a notice; '±3%' alone
    says no direction and stays as written."""
    reading = target("±3%以内")
    assert (reading.fields["comparator"], reading.fields["target"], reading.fields["unit"]) == (
        "≤", Decimal(3), "%")
    assert "≤3%" in reading.notes[0].message.zh
    assert target("±3%").fields["value_text"] == "±3%"


def test_a_comparator_cell_in_another_spelling_is_read_and_noted():
    reading = target("10", comparator="不低于", unit="场")
    assert reading.fields["comparator"] == "≥"
    assert [(n.field, n.severity) for n in reading.notes] == [("comparator", "hint")]


def test_a_formula_before_the_target_is_kept_as_written_for_the_checks():
    reading = target("已登记数/应登记数≥98%", explanation="按季度")
    assert reading.fields["value_text"] == "已登记数/应登记数≥98%"
    assert reading.fields["target"] == Decimal(98) and "explanation" not in reading.fields
    assert [n.adjusted for n in reading.notes] == [False]


def test_contradicting_cells_are_both_kept_where_the_fields_allow():
    unit = target("28.8万元", comparator="≤", unit="%")
    assert (unit.fields["unit"], unit.fields["value_text"]) == ("%", "≤28.8万元")
    nature = target("≥95", nature="定性", unit="%")
    assert (nature.fields["nature"], nature.fields["target"]) == ("定性", Decimal(95))
    grade = target("好", nature="定量")
    assert (grade.fields["nature"], grade.fields["grade"]) == ("定量", "好")
    comparator = target("≥10场", comparator="≤")  # one field: the value's own counts
    assert comparator.fields["comparator"] == "≥" and comparator.notes[0].severity == "error"


def test_unreadable_text_keeps_its_unit_and_comparator_cells():
    reading = target("年度评估", comparator=">=", unit="次")
    assert (reading.fields["value_text"], reading.fields["unit"],
            reading.fields["comparator"], reading.fields["target"]) == ("年度评估", "次", "≥", None)


def test_a_grade_ignores_comparator_and_unit_cells_and_says_so():
    reading = target("好", comparator="≥", unit="%")
    assert (reading.fields["grade"], reading.fields["comparator"], reading.fields["unit"]) == (
        "好", "", "")
    assert reading.notes[0].adjusted


def test_short_text_in_a_qualitative_row_is_a_grade_and_a_sentence_is_not():
    assert target("优良", nature="定性").fields["grade"] == "优良"
    sentence = target("按照上级要求完成各项工作任务", nature="定性")
    assert sentence.fields["grade"] == "" and sentence.fields["value_text"]


# --- categories -----------------------------------------------------------------------------


def test_categories_are_kept_as_written_and_carried_down():
    run = CategoryRun("88")
    first = run.read("產出指標", "數量指標")
    assert (first.fields["level1"], first.fields["level2"], first.fields["level1_source"]) == (
        "产出指标", "数量指标", "產出指標")
    assert run.read("", "").fields["level2"] == "数量指标"  # a merged cell goes on
    assert run.read("产出指标", "").fields["level2"] == "数量指标"  # a repeated label too
    assert run.read("效益指标", "").fields["level2"] == ""  # a new level 1 starts anew


def test_a_level2_name_or_a_combined_label_fills_in_level_2():
    as_level1 = CategoryRun("88").read("质量指标")
    assert (as_level1.fields["level1"], as_level1.fields["level2"]) == ("质量指标", "质量指标")
    assert as_level1.notes[0].adjusted
    combined = CategoryRun("88").read("产出指标（数量指标）")
    assert (combined.fields["level1"], combined.fields["level2"]) == ("产出指标", "数量指标")


def test_a_category_alias_typed_is_stored_as_its_standard_name_as_pasted_or_imported():
    reading = typed_indicator_changes(Indicator(), "level1", "效果指标", profile="88",
                                      grades=DEFAULT_GRADES)
    assert reading.fields == {"level1": "效益指标"}
    assert "“效果指标”读作标准名称“效益指标”" in str(reading.notes[0].message)
    assert typed("level2", "环境效益指标", level1="效益指标") == {"level2": "生态效益指标"}
    assert typed("level2", "数量指标(或建筑规模指标)", level1="产出指标") == {"level2": "数量指标"}
    # a level-2 name typed as level 1 stays for CAT-02 to move, as the row reader keeps it
    assert typed("level1", "质量指标") == {"level1": "质量指标"}
    reader = IndicatorRowReader("88")
    pasted = reader.read({"level1": "效果指标", "level2": "环境效益指标", "name": "减排量"})
    assert (pasted.indicator.level1, pasted.indicator.level2) == ("效益指标", "生态效益指标")


def test_a_row_becomes_an_indicator_with_the_notes_of_its_cells():
    reader = IndicatorRowReader("88")
    read = reader.read({"level1": "项目完成指标", "level2": "数量指标", "name": "培训场次",
                        "nature": "定量", "comparator": "≥", "value": "10", "unit": "场",
                        "weight": "10"}, source_text="原文", source_ref="表，第3行")
    ind = read.indicator
    # an alias is stored as the standard name it means, its wording kept in level1_source
    assert (ind.level1, ind.level1_source, ind.level2, ind.value_display(), ind.weight,
            ind.source_text, ind.source_ref) == ("产出指标", "项目完成指标", "数量指标", "≥10场",
                                                 Decimal(10), "原文", "表，第3行")
    assert [(n.field, n.adjusted) for n in read.notes] == [("level1", True)]
    assert "项目完成指标" in str(read.notes[0].message) and "产出指标" in str(read.notes[0].message)
    empty = reader.read({"name": "培训人次"})
    assert empty.indicator.level2 == "数量指标"
    assert ("value", "error") in {(n.field, n.severity) for n in empty.notes}


# --- the project form -----------------------------------------------------------------------


def test_the_total_follows_its_parts_until_it_is_set_apart():
    project = Project(annual_fiscal=Decimal(100), annual_other=Decimal(20),
                      annual_total=Decimal(120))
    assert typed_project_changes(project, "annual_other", Decimal(30)) == {
        "annual_other": Decimal(30), "annual_total": Decimal(130)}
    project.annual_total = Decimal(200)
    assert typed_project_changes(project, "annual_other", Decimal(30)) == {
        "annual_other": Decimal(30)}
    assert typed_project_changes(project, "name", "") == {}


def test_a_typed_period_sets_its_years_and_months_and_only_what_changes():
    project = Project(period_start=2025, period_end=2025)
    assert typed_project_changes(project, "period", "2023.7-2024.1") == {
        "period_start": 2023, "period_start_month": 7, "period_end": 2024,
        "period_end_month": 1}
    assert typed_project_changes(project, "period", "2025-2027") == {"period_end": 2027}
    assert typed_project_changes(project, "period", "2025年") == {}
    assert typed_project_changes(project, "period", "") == {"period_start": None,
                                                          "period_end": None}
    assert typed_project_changes(project, "period", "三年") == {}  # no year: nothing written


def test_a_column_of_cells_is_recognised_by_what_its_values_look_like():
    from perfdesk.core.entry import cell_fits, column_of_cells

    def column(*cells):
        return column_of_cells(cells, profile="88")

    assert column("产出指标", "", "效益指标") == "level1"
    assert column("数量指标", "社会效益指标") == "level2"
    assert column("定量", "定性") == "nature"
    assert column("≥", "<=") == "comparator"
    assert column("≥90%", "2026年12月底前", "较好") == "value"
    assert column("计划标准", "行业标准") == "basis"
    assert column("场", "人次", "%") == "unit"
    assert column("问卷调查", "按签到统计") == ""  # free text: a name or an explanation
    assert not cell_fits("nature", "≥90%", profile="88")  # a target never lands in 性质


def test_typing_reads_a_unit_alone_and_a_unit_in_the_name_as_importing_does():
    # as an unfilled template cell is imported: the unit kept, the number still to give
    assert typed("value", "≧ %", value_text="旧") == {
        "nature": "定量", "comparator": "≥", "unit": "%", "value_text": ""}
    # 任务完成时限(月) | 10: the name's brackets give the unit of a bare number
    assert typed("value", "10", name="任务完成时限(月)") == {
        "nature": "定量", "target": Decimal(10), "unit": "月"}
    assert typed("value", "10", name="受益人数(贫困户)") == {
        "nature": "定量", "target": Decimal(10)}
