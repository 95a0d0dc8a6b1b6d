"""Labels and cells as real tables write them: scores after a category, the 2015 tree, core
marks, comparators in odd characters, the columns of a 自评表 and a 中长期 column — read by the
one row reader that typing, pasting and importing share."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.core.entry import IndicatorRowReader, read_comparator
from perfdesk.core.vocabulary import form_label, indicator_column, table_column


def read(rows, profile="88"):
    reader = IndicatorRowReader(profile)
    return [reader.read(row) for row in rows]


@pytest.mark.parametrize("label", ["产出指标(50分)", "产出指标（50分）", "产出指标 50分", "產出指標（50 分）"])
def test_a_level1_label_with_its_score_is_the_level1_label(label):
    (row,) = read([{"level1": label, "level2": "数量指标", "name": "培训人次", "value": "≥50人次"}])
    assert (row.indicator.level1, row.indicator.level2) == ("产出指标", "数量指标")
    assert row.indicator.level1_source == label  # the score stays in the text as imported
    assert any("50" in n.message.zh for n in row.adjustments())
    assert not [n for n in row.notes if n.severity == "error"]


def test_the_2015_tree_satisfaction_under_effect_becomes_the_satisfaction_category():
    rows = read([
        {"level1": "效益指标", "level2": "社会效益指标", "name": "群众知晓率", "value": "≥90%"},
        {"level1": "效益指标", "level2": "满意度", "name": "群众满意度", "value": "≥95%"},
        {"level1": "效益指标", "level2": "可持续影响指标", "name": "长效机制", "value": "健全"},
    ])
    got = [(r.indicator.level1, r.indicator.level2) for r in rows]
    assert got == [("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标"),
                   ("效益指标", "可持续影响指标")]
    assert not [n for r in rows for n in r.notes if n.severity == "error"]


def test_a_core_mark_is_taken_off_the_name_and_kept_in_the_remark():
    (row,) = read([{"level1": "产出指标", "level2": "数量指标", "name": "★培训人次",
                    "value": "≥50人次"}])
    assert row.indicator.name == "培训人次"
    assert row.indicator.remark == "核心指标"


@pytest.mark.parametrize("written, comparator", [("≧", "≥"), ("≦", "≤"), ("═", "＝"),
                                                 ("＞＝", "≥")])
def test_comparators_in_odd_characters(written, comparator):
    assert read_comparator(written) == comparator
    (row,) = read([{"level1": "产出指标", "name": "完成率", "value": f"{written}95%"}])
    assert (row.indicator.comparator, row.indicator.target) == (comparator, Decimal(95))


def test_a_self_evaluation_row_keeps_target_actual_score_and_reason():
    (row,) = read([{"level1": "产出指标", "level2": "数量指标", "name": "培训人次",
                    "value": "≥50人次", "actual": "48人次", "weight": "10", "score": "9.6",
                    "shortfall": "疫情影响"}])
    i = row.indicator
    assert (i.comparator, i.target, i.unit) == ("≥", Decimal(50), "人次")  # the target
    assert (i.actual, i.weight, i.score, i.shortfall) == ("48人次", Decimal(10),
                                                          Decimal("9.6"), "疫情影响")


def test_a_longterm_column_goes_to_the_remark_never_the_target():
    (row,) = read([{"level1": "产出指标", "name": "培训人次", "value": "≥50人次",
                    "longterm_value": "≥200人次"}])
    assert row.indicator.target == Decimal(50)
    assert row.indicator.remark == "中长期指标值：≥200人次"


@pytest.mark.parametrize("heading, field", [
    ("项目支出名称", "name"), ("专项名称", "name"), ("单位（专项）名称", "name"),
    ("项目\n名称", "name"), ("項目名稱", "name"), ("部门（单位）名称", "department")])
def test_project_name_headings(heading, field):
    assert table_column(heading) == field
    assert form_label(heading) == field


@pytest.mark.parametrize("heading, field", [
    ("三级指标", "name"), ("指标内容", "name"), ("指标名称", "name"), ("三级指标（年度）", "name"),
    ("三级\n指标", "name"), ("三 级 指 标", "name"),
    ("指标值", "value"), ("年度指标值", "value"), ("目标值", "value"),
    ("指标值（包含数字及文字描述）", "value"), ("指标值及单位", "value"), ("年度指標值", "value"),
    ("全年实际值", "actual"), ("实际完成值", "actual"), ("得分", "score"), ("分值", "weight"),
    ("未完成原因", "shortfall"), ("偏差原因分析及改进措施", "shortfall"),
    ("中长期指标值", "longterm_value"), ("三级指标（中长期）", "longterm_name")])
def test_indicator_headings(heading, field):
    assert indicator_column(heading) == field


def test_the_funding_blocks_title_is_a_heading_not_a_value():
    assert form_label("项目资金（万元）") == "heading"


def test_labels_with_pinyin_after_each_character_read_as_the_plain_ones():
    """A 云南 page converted for reading aloud (corpus c01) prints 產(chǎn)出指標(biāo) and
    項(xiàng)目名稱: compared without the pinyin, the labels mean what they say; a bracket that is
    no pinyin (指标值(A)) stays part of the heading."""
    assert form_label("項(xiàng)目名稱") == "name"
    assert form_label("年度資金總額") == "annual_total"
    assert indicator_column("指標(biāo)性質(zhì)") == "nature"
    row = IndicatorRowReader("88").read({"level1": "產(chǎn)出指標(biāo)", "level2": "數(shù)量指標(biāo)",
                                         "name": "衛(wèi)片執(zhí)法補(bǔ)助經(jīng)費(fèi)", "comparator": "﹦",
                                         "value": "72890", "unit": "元"}).indicator
    assert (row.level1, row.level2, row.comparator, row.target) == (
        "产出指标", "数量指标", "＝", Decimal(72890))
    assert row.name == "衛(wèi)片執(zhí)法補(bǔ)助經(jīng)費(fèi)"  # a name is kept as written
    assert indicator_column("指标值(A)") == "value"
