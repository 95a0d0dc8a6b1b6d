"""A row with no category at all takes the one its content plainly says, and says so (issue 11).

Published tables leave the 一级/二级 cells of some rows empty (g01: the first four rows of the
grid carry no label at all). The one reader of a row places such a row only where its name and
target say one kind unambiguously, and tells the clerk per row; a row that says none, or two,
stays without a category and is told so. A row under a category (its own cell or a merged one
above) is never re-placed by its content."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.core.entry import IndicatorRowReader, content_categories
from perfdesk.core.severity import ERROR, WARNING


def read_rows(rows, profile="88"):
    reader = IndicatorRowReader(profile)
    return [reader.read(cells) for cells in rows]


def placed(name, value, unit="", profile="88"):
    (row,) = read_rows([{"name": name, "value": value, "unit": unit}], profile)
    return row.indicator.level1, row.indicator.level2


@pytest.mark.parametrize("name, value, level2", [
    ("养殖动物成活率(目标)", "≥95%", "质量指标"),
    ("项目(工程)验收合格率", "100%", "质量指标"),
    ("饮用水水质达标率", "≥98%", "质量指标"),
    ("工程竣工验收一次通过率", "100%", "质量指标"),
    ("贫困地区新增特色产业数量", "≥1个", "数量指标"),
    ("贫困地区建设少数民族聚居村养殖场", "≥1个", "数量指标"),
    ("培训农户", "≥120户", "数量指标"),
    ("新建高标准农田", "≥500亩", "数量指标"),
    ("发放宣传册数量", "≥2000", "数量指标"),
    ("项目完成时间", "2024年10月底前", "时效指标"),
    ("开工时限", "2021年7月", "时效指标"),
    ("打井、配电", "50000元", "成本指标"),
    ("饲料库120平米", "490元/平米", "成本指标"),
    ("项目总成本", "≤50", "成本指标"),
])
def test_a_row_with_no_category_takes_the_level_2_its_content_says(name, value, level2):
    assert placed(name, value) == ("产出指标", level2)


def test_satisfaction_goes_under_its_own_level_1():
    assert placed("受益群众满意度", "≥90%") == ("满意度指标", "服务对象满意度指标")


def test_in_profile_101_an_amount_of_money_is_an_economic_cost():
    assert placed("每平方米造价", "≤550元/平方米", profile="101") == ("成本指标", "经济成本指标")
    assert placed("设备安装合格率", "100%", profile="101") == ("产出指标", "质量指标")


def test_the_row_is_told_what_was_inferred_and_asked_to_check():
    (row,) = read_rows([{"name": "项目(工程)验收合格率", "value": "100%"}])
    said = [(n.field, n.severity, n.message.zh, n.adjusted) for n in row.notes
            if n.field in ("level1", "level2")]
    assert said == [("level1", WARNING, "类别按指标内容推定为 产出指标/质量指标，请核对。", True)]
    assert row.indicator.level1_source == ""  # the table gave no label: none is recorded


@pytest.mark.parametrize("name, value, unit", [
    ("政策覆盖率", "≥95%", ""),  # a benefit's rate, not a rate of quality
    ("农村饮水安全覆盖率", "100%", ""),
    ("群众生活水平", "明显提高", ""),  # says no kind
    ("验收合格率", "≥3", "个"),  # a quality rate counted in 个: two readings
    ("竣工时限", "≥2", "个"),  # a deadline name with a count: two readings
    ("成活率", "≥95", "万元"),  # a quality rate in money: two readings
    ("满意度调查户数", "≥100", "户"),  # satisfaction and a count
])
def test_a_row_whose_content_says_no_kind_or_two_stays_without_a_category_and_is_told(
        name, value, unit):
    (row,) = read_rows([{"name": name, "value": value, "unit": unit}])
    assert (row.indicator.level1, row.indicator.level2) == ("", "")
    said = [(n.severity, n.message.zh) for n in row.adjustments()
            if n.field in ("level1", "level2")]
    assert said == [(ERROR, "该行没有类别（一级指标、二级指标都是空的），按指标内容也不能确定，请补填。")]


def test_a_row_under_a_merged_level_2_cell_keeps_it_whatever_its_name_says():
    rows = read_rows([
        {"level1": "产出指标", "level2": "数量指标", "name": "培训场次", "value": "≥10场"},
        {"name": "培训合格率", "value": "≥95%"},  # the merged 数量指标 cell above goes on
        {"level2": "", "name": "竣工时间", "value": "2024年底前"},
    ])
    assert [(r.indicator.level1, r.indicator.level2) for r in rows] == [
        ("产出指标", "数量指标")] * 3
    assert not any("推定" in n.message.zh for r in rows for n in r.notes)


def test_a_row_with_a_level_1_but_no_level_2_is_not_placed_by_its_content():
    (row,) = read_rows([{"level1": "效益指标", "name": "工程验收合格率", "value": "100%"}])
    assert (row.indicator.level1, row.indicator.level2) == ("效益指标", "")
    assert not any("推定" in n.message.zh for n in row.notes)


def test_the_inferred_category_does_not_run_on_to_the_next_rows():
    """Each row without a category is judged on its own; a later 二级 label starts its run
    (the shape of g01: four unlabelled rows, then 时效指标 under an empty 一级 column)."""
    rows = read_rows([
        {"name": "新增特色产业数量", "value": "≥1个"},
        {"name": "养殖动物成活率", "value": "≥95%"},
        {"name": "政策覆盖率", "value": "≥95%"},
        {"level2": "时效指标", "name": "开工时限", "value": "2021年7月"},
        {"name": "竣工时限", "value": "2021年9月"},
    ])
    assert [(r.indicator.level1, r.indicator.level2) for r in rows] == [
        ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("", ""),
        ("产出指标", "时效指标"), ("产出指标", "时效指标")]


def test_content_categories_reads_the_target_it_is_given():
    assert content_categories("88", "资金到位率", "%", target=Decimal(100),
                              deadline=False) is None
    assert content_categories("88", "完成全部建设任务", "", target=None,
                              deadline=True) == ("产出指标", "时效指标")
