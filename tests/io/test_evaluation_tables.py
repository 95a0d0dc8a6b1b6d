"""Evaluation-indicator and scored tables as clerks get them (issue 11): a copy that breaks off
inside its last row, grade columns (优 良 中 差), the 决策/管理 items of a 绩效评价 table, a
table with no project name but its title. Shapes taken from the corpus tables b06, b07, b09
and d03, built as a clerk's workbook has them."""

from __future__ import annotations

from openpyxl import Workbook

from perfdesk.io import read_table


def workbook(path, rows, merges=()):
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in rows:
        ws.append(row)
    for merge in merges:
        ws.merge_cells(merge)
    wb.save(path)
    return path


SCORED = [
    ["项目支出绩效自评表"],
    ["项目名称", "委托业务项目"],
    ["主管部门", "某镇人民政府"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标(50分)", "数量指标", "委托业务项目数量", "≥50个", "50", 8, 8],
    [None, "质量指标", "报告合格率", "100%", "100%", 8, 8],
    ["效益指标(30分)", "社会效益指标", "对公平的影响程度", "效果明显", "达成预期指标", 10, 10],
]


def test_a_table_cut_inside_its_last_row_leaves_that_row_out_and_says_so(tmp_path):
    """The copy ends in the middle of the 满意度 row (``满意度指标(10分) | 满意度指标 | 公众满``):
    the cut row is not a 4th indicator without a target, and the clerk is told which row."""
    path = workbook(tmp_path / "自评表.xlsx",
                    [*SCORED, ["满意度指标(10分)", "满意度指标", "公众满"]])
    result = read_table(path)
    (project,) = result.projects
    assert [i.name for i in project.indicators] == ["委托业务项目数量", "报告合格率",
                                                    "对公平的影响程度"]
    cut = [n.text() for n in result.notices if "表格在此行中断" in n.text()]
    assert len(cut) == 1
    assert "自评表.xlsx" in cut[0] and "第 8 行" in cut[0] and "公众满" in cut[0]


def test_a_last_row_with_a_score_or_with_rows_after_it_is_an_indicator(tmp_path):
    """Only a row the file ends in, with nothing right of its name, is taken for a cut row: a
    last indicator with its score, or an empty row followed by the notes, is read as before."""
    scored = workbook(tmp_path / "a.xlsx",
                      [*SCORED, ["满意度指标(10分)", "满意度指标", "公众满意度", None, None, 10]])
    (project,) = read_table(scored).projects
    assert project.indicators[-1].name == "公众满意度"
    followed = workbook(tmp_path / "b.xlsx",
                        [*SCORED, ["满意度指标(10分)", "满意度指标", "公众满意度"],
                         ["填报人：张三"]])
    result = read_table(followed)
    assert result.projects[0].indicators[-1].name == "公众满意度"
    assert not any("表格在此行中断" in n.text() for n in result.notices)


def test_a_target_table_whose_last_indicator_has_no_value_keeps_it(tmp_path):
    """A target table (no 分值/得分 columns) ending with an indicator whose value was left empty:
    the indicator is kept (the check asks for its value), never dropped as a cut row."""
    path = workbook(tmp_path / "目标表.xlsx", [
        ["项目名称", "培训项目"],
        ["主管部门", "某局"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训场次", "≥10场"],
        [None, "质量指标", "合格率", "≥95%"],
        [None, "成本指标", "基本支出"],
    ])
    (project,) = read_table(path).projects
    assert [i.name for i in project.indicators] == ["培训场次", "合格率", "基本支出"]
