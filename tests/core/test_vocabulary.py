"""One vocabulary of headings for paste, the detailed form and the disclosure table."""

from __future__ import annotations

import pytest

from perfdesk.core.vocabulary import (
    FORM_NAMES,
    INDICATOR_NAMES,
    TABLE_NAMES,
    form_label,
    heading_key,
    indicator_column,
    is_footer,
    table_column,
)


@pytest.mark.parametrize(("heading", "column"), [
    ("一级指标", "level1"), ("一級指標", "level1"), (" 三级指标 ", "name"),
    ("指标名称", "name"), ("指标值及单位", "value"), ("年度指标值", "value"),
    ("绩效标准", "basis"), ("指标值设定依据", "basis"), ("评（扣）分标准", "scoring"),
    ("评(扣)分标准", "scoring"), ("权重（%）", "weight"), ("计量单位", "unit"),
    ("指标值类型", "nature"), ("项目名称", ""), ("", ""),
    # what the detailed importer knew and paste did not, and the other way round
    ("指标属性", "nature"), ("指标内涵", "explanation"), ("说明", "remark"),
    ("指标值（%）", "value"), ("权重（分）", "weight"), ("定量/定性", "nature"),
    ("值", "value"), ("符号", "comparator"),  # the grid's own short headers
])
def test_grid_headings_are_recognised_in_their_variants(heading, column):
    assert indicator_column(heading) == column


def test_a_value_column_holding_the_unit_is_told_apart_only_when_asked():
    assert indicator_column("指标值及单位", combined=True) == "value_unit"
    assert indicator_column("指标值", combined=True) == "value"


def test_project_labels_of_the_detailed_form():
    assert form_label("其中：财政拨款") == "fiscal"
    assert form_label("年度资金总额（万元）") == "annual_total"
    assert form_label("項目名稱") == "name"
    assert form_label("实施单位") == "implementing_unit"
    assert form_label("单位") is None  # 单位：万元 or a 计量单位, never the budget unit
    assert form_label("绩效目标") is None  # the block above 中长期目标 and 年度目标
    assert form_label("单位名称") == "unit" and form_label("主管单位") == "department"
    assert form_label(12) is None


def test_columns_of_the_disclosure_table():
    assert table_column("实施单位") == "unit" and table_column("单位") == "unit"
    assert table_column("绩效目标") == "annual_goal"
    assert table_column("年度绩效指标") == "indicators"
    assert table_column("主管部门及代码") == "department"  # known to the form before


def test_no_heading_means_two_things_in_one_table():
    for table in (INDICATOR_NAMES, FORM_NAMES, TABLE_NAMES):
        keys = [heading_key(n) for names in table.values() for n in names]
        assert len(keys) == len(set(keys))


def test_the_footer_is_recognised_by_its_first_cell():
    assert is_footer("填报人：张三") and is_footer("審核意見") and is_footer("项目负责人")
    assert not is_footer("培训场次")
