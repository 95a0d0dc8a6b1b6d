"""The indicator tree of both profiles and the aliases real tables use."""

from __future__ import annotations

import pytest

from perfdesk.core import taxonomy
from perfdesk.core.taxonomy import LabelKind, read_level1


def test_profile_88_has_cost_under_output():
    assert taxonomy.level1_names("88") == ("产出指标", "效益指标", "满意度指标")
    assert "成本指标" in taxonomy.level2_names("88", "产出指标")


def test_profile_101_makes_cost_a_level1_category():
    assert "成本指标" in taxonomy.level1_names("101")
    assert "成本指标" not in taxonomy.level2_names("101", "产出指标")
    assert taxonomy.level2_names("101", "成本指标") == ("经济成本指标", "社会成本指标", "生态环境成本指标")


@pytest.mark.parametrize(("label", "kind", "level1", "level2"), [
    ("产出指标", LabelKind.STANDARD, "产出指标", ""),
    (" 效益指标 ", LabelKind.STANDARD, "效益指标", ""),
    ("產出指標", LabelKind.STANDARD, "产出指标", ""),
    ("滿意度指標", LabelKind.STANDARD, "满意度指标", ""),
    ("项目完成指标", LabelKind.ALIAS, "产出指标", ""),
    ("项目效益指标", LabelKind.ALIAS, "效益指标", ""),
    ("质量指标", LabelKind.LEVEL2, "产出指标", "质量指标"),
    ("社会效益指标", LabelKind.LEVEL2, "效益指标", "社会效益指标"),
    ("环境效益指标", LabelKind.LEVEL2, "效益指标", "生态效益指标"),
    ("社会公众或服务对象满意度指标", LabelKind.LEVEL2, "满意度指标", "服务对象满意度指标"),
    ("成本指标", LabelKind.LEVEL2, "产出指标", "成本指标"),
    ("其他指标", LabelKind.UNKNOWN, "", ""),
])
def test_reading_level1_labels_in_profile_88(label, kind, level1, level2):
    reading = read_level1("88", label)
    assert (reading.kind, reading.level1, reading.level2) == (kind, level1, level2)


def test_cost_is_standard_level1_in_profile_101():
    assert read_level1("101", "成本指标").kind is LabelKind.STANDARD


def test_standard_level2_accepts_aliases():
    assert taxonomy.standard_level2("88", "效益指标", "环境效益指标") == "生态效益指标"
    assert taxonomy.standard_level2("88", "满意度指标", "满意度指标") == "服务对象满意度指标"
    assert taxonomy.standard_level2("88", "产出指标", "社会效益指标") == ""


def test_money_units():
    assert taxonomy.is_money_unit("万元") and taxonomy.is_money_unit("元/人")
    assert not taxonomy.is_money_unit("%") and not taxonomy.is_money_unit("人")


def test_unknown_profile_is_an_error():
    with pytest.raises(ValueError):
        taxonomy.level1_names("2015")
