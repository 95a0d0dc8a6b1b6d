"""Evaluation-indicator and scored tables as clerks get them (issue 11): a copy that breaks off
inside its last row, grade columns (优 良 中 差), the 决策/管理 items of a 绩效评价 table, a
table with no project name but its title. Shapes taken from the corpus tables b06, b07, b09
and d03, built as a clerk's workbook has them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import read_table
from perfdesk.io.paste import parse_paste
from tests.support.io_tables import write_xlsx


def workbook(path, rows, merges=()):
    return write_xlsx(path, rows, merges=merges)


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


TARGET_FORM = [
    ["项目名称", "培训项目"],
    ["主管部门", "某局"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
]


def test_a_target_table_whose_last_indicator_has_no_value_keeps_it(tmp_path):
    """A target table (no 分值/得分 columns) ending with an indicator whose value was left empty:
    the indicator is kept (the check asks for its value), never dropped as a cut row."""
    path = workbook(tmp_path / "目标表.xlsx", [
        *TARGET_FORM,
        ["产出指标", "数量指标", "培训场次", "≥10场"],
        [None, "质量指标", "合格率", "≥95%"],
        [None, "成本指标", "基本支出"],
    ])
    (project,) = read_table(path).projects
    assert [i.name for i in project.indicators] == ["培训场次", "合格率", "基本支出"]


def test_a_scored_evaluation_table_leaves_its_decision_and_management_items_out(tmp_path):
    """A 自评表 laid out on the 绩效评价 tree (corpus b09): 项目决策 and 项目管理 judge how the
    project was decided and run, so they are no targets — left out, with a notice naming their
    rows; 项目产出 / 项目效益 are 产出指标 / 效益指标; the year's budget stands under 调整预算数(A)
    in the row below the label 年度资金总额, beside its 年初预算数 and 全年执行数(B); an unfilled
    指标L (a scan's 指标1) is a template row."""
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
    assert any("调整预算数(A)" in t and "64.8" in t and "第 6 行" in t for t in texts)
    assert (project.initial_total, project.executed_total) == (Decimal("64.8"), Decimal("64.8"))
    assert any("指标L" in t and "模板" in t for t in texts)


def test_a_target_form_keeps_a_level1_label_it_does_not_know(tmp_path):
    """Only an evaluation table's level-1 labels are translated: on a target form headed 一级指标
    an unknown label stays as written (the check reports it), even when its level-2 labels
    all belong to 产出指标."""
    path = workbook(tmp_path / "申报表.xlsx", [
        *TARGET_FORM,
        ["项目完成", "数量指标", "培训场次", "≥10场"],
        [None, "质量指标", "合格率", "≥95%"],
    ], ["A4:A5"])
    (project,) = read_table(path).projects
    assert {i.level1 for i in project.indicators} == {"项目完成"}


def test_an_evaluation_standard_table_with_grades_and_no_project_name(tmp_path):
    """The shape of corpus b07 (traditional characters, a page's pinyin kept): 績效指標分類 |
    績效指標 | 績效指標描述 | 績效指標評價標準 over 優 良 中 差 | 評價標準確定依據, no 项目名称 but
    the title. The project is named after the title, the 優 grade is the target and every
    grade stays in the scoring rule, the 滿意度 row under 效果指標 is a 满意度指标; each guess is
    said."""
    title = "某財社〔2018〕126號提前下達2019年中央財政困難群眾救助補助預算指標績效目標表"
    path = workbook(tmp_path / "評價標準.xlsx", [
        [title],
        ["績效目標", "保障農村低保金的發放"],
        ["績(jī)效指標(biāo)分類", "績效指標", "績效指標描述", "績效指標評價標準", None, None, None,
         "評價標準確定依據"],
        [None, None, None, "優", "良", "中", "差"],
        ["產出指標", "救助覆蓋率", "是否應救盡救", "100%", "90%", "85%", "85%", "按臨時救助標準評價"],
        [None, "低保資金按標準發放的比率", "按標準發放的比率", "90%", "80%", "70%", "70%",
         "按臨時救助標準評價"],
        ["效果指標", "救助對象滿意度(%)", "滿意和較滿意的比率", "85%", "80%", "70%", "70%",
         "按服務對象滿意度評價"],
    ], ["A1:H1", "B2:H2", "A3:A4", "B3:B4", "C3:C4", "D3:G3", "H3:H4", "A5:A6"])
    result = read_table(path)
    (project,) = result.projects
    assert project.name == "2019年中央財政困難群眾救助補助"
    assert "绩效评价指标表" in result.layout  # what the import preview names it
    assert project.annual_goal == "保障農村低保金的發放"
    got = [(i.level1, i.level2, i.name, i.value_display(), i.explanation, i.basis)
           for i in project.indicators]
    assert got == [
        ("产出指标", "", "救助覆蓋率", "100%", "是否應救盡救", "按臨時救助標準評價"),
        ("产出指标", "", "低保資金按標準發放的比率", "90%", "按標準發放的比率", "按臨時救助標準評價"),
        ("满意度指标", "服务对象满意度指标", "救助對象滿意度(%)", "85%", "滿意和較滿意的比率",
         "按服務對象滿意度評價"),
    ]
    assert project.indicators[0].scoring == "评价标准：优 100%；良 90%；中 85%；差 85%"
    texts = [n.text() for n in result.notices]
    assert any("没有“项目名称”" in t and "第 1 行" in t and "2019年中央財政困難群眾救助補助" in t
               for t in texts)
    assert sum("“优”档" in t for t in texts) == 3
    assert any("第 7 行" in t and "满意度指标" in t for t in texts)


def test_an_evaluation_table_without_level1_takes_it_from_its_level2_labels(tmp_path):
    """The shape of corpus d03: 评价指标 | 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值, the
    first column one cell over the block (项目年度绩效目标(定量指标)), 产出数量指标 run together.
    Every row is under 产出指标 (its level-2 labels say so, 制度指标 included), 产出数量指标 is
    数量指标, 95%以上 is ≥95%, the 总分 row is no indicator."""
    path = workbook(tmp_path / "评价指标表.xlsx", [
        ["2019年度某县高中助学金项目绩效评价指标表"],
        ["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"],
        ["项目年度绩效目标(定量指标)", "制度指标", "规章制度", "建立与否", None, 20],
        [None, "产出数量指标", "享受资助人数", "达到预计值", 2100, 10],
        [None, "质量指标", "资助对象满意度", "达到目标值", "95%以上", 10],
        [None, "时效指标", "及时发放率", "达到目标值", "100%", 20],
        ["总分", None, None, None, None, 60],
    ], ["A1:G1", "A3:A6", "A7:E7"])
    result = read_table(path)
    (project,) = result.projects
    assert project.name == "某县高中助学金项目"
    got = [(i.level1, i.level2, i.name, i.value_display(), i.weight, i.explanation)
           for i in project.indicators]
    assert got == [
        ("产出指标", "制度指标", "规章制度", "", 20, "建立与否"),
        ("产出指标", "数量指标", "享受资助人数", "2100", 10, "达到预计值"),
        ("产出指标", "质量指标", "资助对象满意度", "≥95%", 10, "达到目标值"),
        ("产出指标", "时效指标", "及时发放率", "100%", 20, "达到目标值"),
    ]
    assert project.indicators[0].level1_source == "项目年度绩效目标(定量指标)"
    texts = [n.text() for n in result.notices]
    assert any("第 3 行" in t and "不是指标类别" in t and "产出指标" in t for t in texts)
    assert any("第 4 行" in t and "产出数量指标" in t and "连写" in t for t in texts)


def test_a_grid_with_a_title_that_names_nothing_is_still_refused(tmp_path):
    """A grid under a bare title (项目支出绩效目标表) and no 项目名称: nothing names the project,
    so the table is refused with the message naming the file, as before."""
    path = workbook(tmp_path / "无名.xlsx", [
        ["项目支出绩效目标表"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训场次", "≥10场"],
    ])
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    assert "无名.xlsx" in str(refused.value) and "没有找到绩效目标表" in str(refused.value)


def test_pasting_an_evaluation_table_reads_its_rows_as_the_import_does(tmp_path):
    """Copy the grid of a 绩效评价 table and paste it: the 项目决策 rows stay out and 项目产出 /
    项目效益 mean what an import reads them as (one reader), each said."""

    heading = ["一级指标", "二级指标", "三级指标", "参考分值", "指标值(A)", "全年实际值(B)", "得分"]
    rows = [
        ["项目决策(10分)", "项目目标", "完整性", "4", "一", "目标明确", "4"],
        ["", "项目立项", "相关性", "2", "一", "按照标准管理", "2"],
        ["项目产出(30分)", "数量指标", "保障人数", "10", "2370人", "2370人", "10"],
        ["项目效益(35分)", "社会效益指标", "办学条件改善", "15", "改善", "改善", "13"],
    ]
    pasted = parse_paste("\n".join("\t".join(r) for r in [heading, *rows]))
    path = workbook(tmp_path / "评价.xlsx", [["项目名称", "初中公用经费"], heading, *rows],
                    ["A3:A4"])
    (project,) = read_table(path).projects
    got = [(i.level1, i.level2, i.name, i.value_display(), i.weight, i.score)
           for i in pasted.indicators()]
    assert got == [(i.level1, i.level2, i.name, i.value_display(), i.weight, i.score)
                   for i in project.indicators] == [
        ("产出指标", "数量指标", "保障人数", "2370人", 10, 10),
        ("效益指标", "社会效益指标", "办学条件改善", "改善", 15, 13)]
    said = [n.zh for n in pasted.notices]
    assert any("第 2–3 行" in t and "项目决策" in t and "不是绩效目标" in t for t in said)
    assert any(t.startswith("第 4 行") and "产出指标" in t for t in said)


def test_a_self_evaluation_goal_under_its_expected_heading(tmp_path):
    """年度总体目标 | 预期目标 | 实际完成情况 with the texts in the row below (corpus b02, b06,
    d01): the goal is the text under 预期目标, never the heading 预期目标 itself."""
    path = workbook(tmp_path / "自评表.xlsx", [
        ["项目名称", "委托业务项目"],
        ["主管部门", "某镇人民政府"],
        ["年度总体目标", "预期目标", None, "实际完成情况"],
        [None, "完成50个基建项目的委托业务。", None, "完成50个。"],
        *SCORED[3:],
    ], ["A3:A4", "B3:C3", "B4:C4"])
    (project,) = read_table(path).projects
    assert project.annual_goal == "完成50个基建项目的委托业务。"


def test_a_central_investment_table_leaves_its_process_management_rows_out(tmp_path):
    """The shape of corpus e08 (中央预算内投资计划绩效目标表): a heading 级指标 that lost its 一,
    实施效果指标 over 产出指标/效益指标 (one tier too many), and a 过程管理指标 block judging how
    the local administration handled the money — no target of the project, left out with a
    notice naming its rows; 本次下达中央预算内投资 is the year's total."""
    path = workbook(tmp_path / "中央投资.xlsx", [
        ["中央预算内投资计划绩效目标表"],
        ["专项名称", "某河治理工程"],
        ["下达地方或单位", "某县发展改革委"],
        ["本次下达中央预算内投资(万元)", 853],
        [None, "级指标", "二级指标", "三级指标", "指标值"],
        [None, "实施效果指标", "产出指标", "劳务报酬占中央投资比例", "≥32.68%"],
        [None, None, "效益指标", "项目区农村基础设施条件", "持续改善"],
        [None, "过程管理指标", "资金管理指标", "中央预算内投资支付率", "≥95%"],
        [None, None, "项目管理指标", "项目开工率", "≥95%"],
    ], ["B6:B7", "B8:B9"])
    result = read_table(path)
    (project,) = result.projects
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "", "劳务报酬占中央投资比例"), ("效益指标", "", "项目区农村基础设施条件")]
    assert project.annual_total == Decimal(853)
    assert any("第 8–9 行" in n.text() and "过程管理指标" in n.text() for n in result.notices)
