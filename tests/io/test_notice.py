"""A paragraph notice (公示) with the targets written as sentences and no grid (corpus a05):
a clerk who has only the notice gets the project and its indicators, each guess told."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import read_table

NOTICE = """关于某镇蔬菜种植项目绩效目标设定的公示
根据有关文件精神,安排资金30万元,实施某县某镇设施蔬菜种植项目,项目负责人张三。项目总体绩效目标是:增加产值60万元,带动农户20户。现将绩效目标设定如下:
一、 产出指标
数量指标:★种植面积(≥**亩)>=200亩;种植成活率(≥**%)>=85;时效指标:完成及时率>=100%。成本指标:种植补助标准≤1500元/亩。
二、 效益指标
效益指标:经济效益指标:特色产业产值≥60万元,带动农户增收≥30万元;社会效益目标:受益农户数≥20户。可持续影响指标,持续发展。
三、 满意度指标
服务对象满意度指标,受益农户满意度≥95%。
附件:绩效目标设定表.xlsx
某县某镇人民政府
2023年3月27日
"""


def test_a_notice_gives_the_project_and_every_indicator_with_its_guesses_told(tmp_path):
    path = tmp_path / "公示.txt"
    path.write_text(NOTICE, encoding="utf-8")
    result = read_table(path)
    (project,) = result.projects
    assert result.layout == "绩效目标公示（段落文字，没有表格）"
    assert (project.name, project.unit, project.annual_total, project.annual_goal) == (
        "某县某镇设施蔬菜种植项目", "某县某镇人民政府", Decimal(30), "增加产值60万元,带动农户20户。")
    got = [(i.level1, i.level2, i.name, i.value_display()) for i in project.indicators]
    assert got == [
        ("产出指标", "数量指标", "种植面积(≥**亩)", "≥200亩"),
        ("产出指标", "数量指标", "种植成活率(≥**%)", "≥85"),
        ("产出指标", "时效指标", "完成及时率", "≥100%"),
        ("产出指标", "成本指标", "种植补助标准", "≤1500元/亩"),
        ("效益指标", "经济效益指标", "特色产业产值", "≥60万元"),  # a comma after a target
        ("效益指标", "经济效益指标", "带动农户增收", "≥30万元"),
        ("效益指标", "社会效益指标", "受益农户数", "≥20户"),
        ("效益指标", "可持续影响指标", "持续发展", ""),  # a name without a target stays empty
        ("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥95%")]
    assert project.indicators[0].remark == "核心指标"
    assert all(i.target is None or isinstance(i.target, Decimal) for i in project.indicators)
    told = {str(n.message): n.location.row for n in result.notices}
    for guess, row in (("项目名称按正文读作“某县某镇设施蔬菜种植项目”", 1),
                       ("年度资金总额按正文“资金30万元”读作 30 万元", 1),
                       ("预算单位按落款读作“某县某镇人民政府”", 10),
                       ("“社会效益目标”读作二级指标“社会效益指标”", 6),
                       ("指标值“>=200亩”已按规范写作“≥200亩”", 4)):
        assert any(guess in m and r == row for m, r in told.items()), guess
    # each indicator names the line it came from
    assert project.indicators[4].source_ref == "公示.txt，第6行"


def test_a_notice_with_headings_and_no_indicator_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "公示.txt"
    path.write_text("关于某项目的公示\n一、 产出指标\n附件:表.xlsx\n二、 效益指标\n附件:表.xlsx\n",
                    encoding="utf-8")
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    assert "公示.txt" in str(refused.value) and "没有找到绩效目标表" in str(refused.value)
