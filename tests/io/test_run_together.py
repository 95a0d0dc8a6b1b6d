"""A form whose cells run together — the text a document site extracted from a .docx (corpus
a11): read by its labels and category names, every cut told, the cost block named."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import read_table

GLUED = ("某市2022年市直部门预算项目支出绩效目标表.docx\n"
         "主管部门审核意见单位公章:年月 日某市2022年市直部门预算项目支出绩效目标表"
         "项目名称机关食堂运行保障项目类别本级支出项目项目性质持续性项目立项依据三定方案"
         "项目预算成本构成金额测算(公式)依据2020年实际执行数2021年实际执行数"
         "食材采购费120依据合同120118人工费80依据合同8080合计200200198"
         "绩效目标保障机关干部就餐,服务对象满意。绩效指标保障绩效目标实现措施"
         "一级指标二级指标绩效标准当年预期实现值"
         "数量指标供餐天数反映全年供餐情况250天就餐人次反映就餐规模60000人次"
         "质量指标食品安全检查合格率反映食品安全情况>98%"
         "成本指标成本控制率不超预算人均餐费反映餐费标准≤15元/人\n")


def test_a_glued_form_is_read_by_its_labels_and_category_names(tmp_path):
    path = tmp_path / "目标表.txt"
    path.write_text(GLUED, encoding="utf-8")
    result = read_table(path)
    (project,) = result.projects
    assert result.layout == "单元格连在一起的表格文字（按标签和指标名称切分）"
    assert (project.name, project.attribute, project.annual_goal, project.unit) == (
        "机关食堂运行保障", "持续性项目", "保障机关干部就餐,服务对象满意。", "")
    assert project.annual_total == Decimal(200)  # 120 + 80, as the 合计 cell begins
    got = [(i.level1, i.level2, i.name, i.explanation, i.value_display())
           for i in project.indicators]
    assert got == [
        ("产出指标", "数量指标", "供餐天数", "反映全年供餐情况", "250天"),
        ("产出指标", "数量指标", "就餐人次", "反映就餐规模", "60000人次"),
        ("产出指标", "质量指标", "食品安全检查合格率", "反映食品安全情况", "＞98%"),
        ("产出指标", "成本指标", "成本控制率", "", "不超预算"),
        ("产出指标", "成本指标", "人均餐费", "反映餐费标准", "≤15元/人")]
    told = [str(n.message) for n in result.notices]
    assert all(n.location.row == 2 for n in result.notices)  # each names the line
    assert any("单元格连在一起" in m and "机关食堂运行保障" in m for m in told)
    assert any("成本构成（食材采购费 120、人工费 80）没有对应的字段，未导入" in m for m in told)
    assert any("按文字切分出指标“成本控制率”，目标“不超预算”" in m for m in told)


def test_a_total_that_does_not_match_its_items_is_left_empty_and_said(tmp_path):
    path = tmp_path / "目标表.txt"
    path.write_text(GLUED.replace("合计200200198", "合计250200198"), encoding="utf-8")
    result = read_table(path)
    assert result.projects[0].annual_total is None
    assert any("与各项之和 200 对不上" in str(n.message) for n in result.notices)


def test_glued_headings_without_a_project_name_are_refused_naming_the_file(tmp_path):
    path = tmp_path / "目标表.txt"
    path.write_text(GLUED.replace("项目名称", "名目"), encoding="utf-8")
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    assert "目标表.txt" in str(refused.value) and "没有找到绩效目标表" in str(refused.value)
