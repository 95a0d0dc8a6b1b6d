"""Evaluation-indicator and scored tables as clerks get them (issue 11): a copy that breaks off
inside its last row, grade columns (优 良 中 差), the 决策/管理 items of a 绩效评价 table, a
table with no project name but its title. Shapes taken from the corpus tables b06, b07, b09
and d03, built as a clerk's workbook has them."""

from __future__ import annotations

from decimal import Decimal

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


def test_a_scored_evaluation_table_leaves_its_decision_and_management_items_out(tmp_path):
    """A 自评表 laid out on the 绩效评价 tree (corpus b09): 项目决策 and 项目管理 judge how the
    project was decided and run, so they are no targets — left out, with a notice naming their
    rows; 项目产出 / 项目效益 are 产出指标 / 效益指标; the amount stands under 年初预算数 in the
    row below the label 年度资金总额; an unfilled 指标L (a scan's 指标1) is a template row."""
    path = workbook(tmp_path / "评价表.xlsx", [
        ["部门项目支出绩效自评表(2021年)"],
        ["项目名称", "初中公用经费"],
        ["主管部门", "某市教育局"],
        ["实施单位", "某市第六中学"],
        ["项目资金(万元)", "年度资金总额", "年初预算数", "调整预算数(A)", "全年执行数(B)"],
        [None, None, 64.8, 64.8, 64.8],
        ["一级指标", "二级指标", "三级指标", "参考分值", "指标值(A)", "全年实际值(B)", "得分"],
        ["项目决策(10分)", "项目目标", "完整性", 4, "一", "目标明确", 4],
        [None, "项目立项", "相关性", 2, "一", "按照标准管理", 2],
        ["项目管理(25分)", "投入管理", "预算执行率", 10, "一", "100%", 9],
        ["项目产出(30分)", "数量指标(10分)", "保障人数", 10, "2370人", "2370人", 10],
        [None, "质量指标(5分)", "公用经费标准", 5, "符合相关文件要求", "符合相关文件要求", 5],
        ["项目效益(35分)", "生态效益指标", "指标L"],
        [None, "社会效益指标", "办学条件改善", 15, "改善学校的办学条件", "改善", 13],
    ], ["A8:A9", "A13:A14", "B5:B6"])
    result = read_table(path)
    (project,) = result.projects
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators] == [
        ("产出指标", "数量指标", "保障人数", 10, 10),
        ("产出指标", "质量指标", "公用经费标准", 5, 5),
        ("效益指标", "社会效益指标", "办学条件改善", 15, 13),
    ]
    assert project.indicators[0].level1_source == "项目产出(30分)"  # as the table has it
    assert project.annual_total == Decimal("64.8") and project.unit == "某市第六中学"
    texts = [n.text() for n in result.notices]
    left_out = [t for t in texts if "不是绩效目标" in t]
    assert len(left_out) == 2
    assert "第 8–9 行" in left_out[0] and "项目决策" in left_out[0]
    assert "第 10 行是" in left_out[1] and "项目管理" in left_out[1]
    assert any("项目产出(30分)" in t and "产出指标" in t for t in texts)
    assert any("年初预算数" in t and "64.8" in t and "第 6 行" in t for t in texts)
    assert any("指标L" in t and "模板" in t for t in texts)


def test_a_target_form_keeps_a_level1_label_it_does_not_know(tmp_path):
    """Only an evaluation table's level-1 labels are translated: on a target form headed 一级指标
    an unknown label stays as written (the check reports it), even when its level-2 labels
    all belong to 产出指标."""
    path = workbook(tmp_path / "申报表.xlsx", [
        ["项目名称", "培训项目"],
        ["主管部门", "某局"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["项目完成", "数量指标", "培训场次", "≥10场"],
        [None, "质量指标", "合格率", "≥95%"],
    ], ["A4:A5"])
    (project,) = read_table(path).projects
    assert {i.level1 for i in project.indicators} == {"项目完成"}
