"""Real layouts read by meaning (issue 11): shapes taken from published tables, built as a
clerk's workbook has them (merged cells, headings over two rows, notes under the grid)."""

from __future__ import annotations

import json
from decimal import Decimal

from openpyxl import Workbook

from perfdesk.core.model import DEPARTMENT_WHOLE, SELF_EVALUATION
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


SELF_EVALUATION_ROWS = [
    ["项目支出绩效自评表（2022年度）"],
    ["项目名称", "委托业务项目", None, None, "实施单位", "某镇人民政府"],
    ["主管部门", "某镇人民政府"],
    ["资金情况(万元)", None, None, "全年预算数(A)", "全年执行数(B)", "分值", "执行率", "得分"],
    [None, "年度资金总额:", None, 90, 89.97, 10, None, 10],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
     "未完成原因及拟采取的改进措施"],
    [None, "产出指标(50分)", "数量指标", "★委托业务项目数量", 10, "≥50个", "48个", 8, "年底才验收"],
    [None, None, "质量指标", "报告合格率", 10, "＞＝100%", "100%", 10, None],
    [None, "效益指标(30分)", "经济效益指标", None, None, None, None, None, None],
    [None, None, "社会效益指标", "对公平的影响", 10, "效果明显", "达成预期指标", 10, None],
    [None, None, "满意度", "公众满意度", 10, "≧90%", "95%", 10, None],
    [None, "……", None, None, None, None, None, None, None],
    ["总分", None, None, None, 100, None, None, 98, None],
    ["注：1.一级指标分值统一设置为产出指标50分、效益指标30分。"],
]


def test_a_self_evaluation_table_keeps_targets_actuals_scores_and_reasons(tmp_path):
    path = workbook(tmp_path / "自评表.xlsx", SELF_EVALUATION_ROWS,
                    ["B5:C5", "A6:A12", "B7:B8", "B9:B11", "A13:D13", "A14:I14"])
    result = read_table(path)
    (project,) = result.projects
    assert project.kind == SELF_EVALUATION and "自评表" in result.layout
    assert project.name == "委托业务项目" and project.annual_total == Decimal(90)
    got = [(i.level1, i.level2, i.name, i.value_display(), i.actual, i.weight, i.score)
           for i in project.indicators]
    assert got == [
        ("产出指标", "数量指标", "委托业务项目数量", "≥50个", "48个", 10, 8),
        ("产出指标", "质量指标", "报告合格率", "≥100%", "100%", 10, 10),
        ("效益指标", "社会效益指标", "对公平的影响", "效果明显", "达成预期指标", 10, 10),
        ("满意度指标", "服务对象满意度指标", "公众满意度", "≥90%", "95%", 10, 10),
    ]  # the placeholder row, the total row and the note are no indicators
    assert project.indicators[0].shortfall == "年底才验收"
    assert project.indicators[0].remark == "核心指标"
    texts = [n.text() for n in result.notices]
    assert any("占位行" in t and "第 12 行" in t for t in texts)
    assert any("注释" in t and "第 14 行" in t for t in texts)


def test_a_department_whole_table_is_one_target_named_after_the_department(tmp_path):
    path = workbook(tmp_path / "整体.xlsx", [
        ["部门整体支出绩效目标表"],
        ["部门(单位)名称", "某市地方志研究室", "部门预算编码", "901001033"],
        ["年度总体目标", "目标1：确保本室日常办公所需经费正常运行。"],
        ["一级指标", "二级指标", "三级指标", "指标解释", "目标值"],
        ["产出指标", "数量指标", "各类书籍审稿率", "计划标准", "100%"],
        [None, "时效指标", "工资按时发放率", "计划标准", "≥95%"],
        ["满意度指标", "服务对象满意度指标", "干部职工满意度", "", "≥90%"],
    ], ["A5:A6"])
    result = read_table(path)
    (project,) = result.projects
    assert (project.name, project.kind) == ("某市地方志研究室", DEPARTMENT_WHOLE)
    assert project.unit == "某市地方志研究室"  # a department's own table
    assert [i.name for i in project.indicators] == ["各类书籍审稿率", "工资按时发放率",
                                                    "干部职工满意度"]
    assert "部门整体" in result.layout


def test_a_flat_grid_with_a_project_column_and_a_two_row_heading(tmp_path):
    path = workbook(tmp_path / "平铺.xlsx", [
        ["2024年项目支出绩效目标表"],
        ["单位名称：某区司法局"],
        ["项目支出名称", "绩效指标", None, None, "指标值"],
        [None, "一级指标", "二级指标", "三级\n指标", "中长期", "年度"],
        ["法律援助经费", "产出指标", "数量指标", "援助案件数", "≥1500件", "≥500件"],
        [None, "满意度指标", "服务对象满意度指标", "受援人满意度", "≥95%", "≥90%"],
        ["社区矫正经费", "产出指标", "数量指标", "矫正对象人数", "", "≥300人"],
        [None, None, "时效指标", "按时报到率", "", "100%"],
    ], ["A3:A4", "B3:D3", "E3:F3", "A5:A6", "A7:A8"])
    result = read_table(path)
    assert [p.name for p in result.projects] == ["法律援助经费", "社区矫正经费"]
    first, second = result.projects
    assert first.unit == "某区司法局"
    assert [(i.name, i.value_display(), i.remark) for i in first.indicators] == [
        ("援助案件数", "≥500件", "中长期指标值：≥1500件"),
        ("受援人满意度", "≥90%", "中长期指标值：≥95%")]
    assert [i.name for i in second.indicators] == ["矫正对象人数", "按时报到率"]


def test_an_empty_value_cell_stays_empty(tmp_path):
    path = workbook(tmp_path / "申报表.xlsx", [
        ["项目支出绩效目标申报表"],
        ["项目名称", "培训项目", "项目属性", None],
        ["主管部门", "某局", "项目资金（万元）", "年度资金总额", "30万元（其中财政拨款20万元）"],
        ["年度目标", "完成培训。"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训场次", "≥10场"],
    ])
    (project,) = read_table(path).projects
    assert project.attribute == ""  # never 项目资金（万元）, the text below
    assert project.annual_total == Decimal(30)
    assert project.unit == "某局"


def test_a_self_evaluation_keeps_its_budget_execution_and_its_goal_as_achieved(tmp_path):
    """The 财预〔2020〕10号 自评表's funding block (corpus b02): 年初预算数 | 全年预算数 | 全年执行数
    | 分值 | 执行率 | 得分 for 年度资金总额, the amounts only for its 其中 rows, and 预期目标 |
    实际完成情况 side by side. The year's budget is the 全年预算数; the 执行率 is worked out;
    text in an amount cell is read where it begins with an amount and kept as written, said."""
    rows = [
        ["项目支出绩效自评表"],
        ["(2019年度)"],
        ["项目名称", "办公宿舍楼暖通改造经费"],
        ["主管部门", "某市发改委", None, "实施单位", "某食品工程学校"],
        ["项目资金\n(万元)", None, "年初\n预算数", "全年\n预算数", "全年\n执行数", "分值", "执行率",
         "得分"],
        [None, "年度资金总额", 40, 43.2, 37.24, 10, 0.86, 9],
        [None, "其中:当年财政拨款", 40, 43.2, "37.24万元（含质保金）"],
        [None, "      上年结转资金"],
        [None, "  其他资金", None, None, "按实际"],
        ["年度总体目标", "预期目标", None, None, "实际完成情况"],
        [None, "完成两栋楼的暖通改造", None, None, "完成一栋楼的暖通改造"],
        ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分",
         "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "改造楼栋数", "=2栋", "1栋", 50, 25, "资金未全部到位"],
    ]
    path = workbook(tmp_path / "自评表.xlsx", rows,
                    ["A5:A9", "A10:A11", "B10:D10", "E10:H10", "B11:D11", "E11:H11"])
    result = read_table(path)
    (project,) = result.projects
    assert project.kind == SELF_EVALUATION
    assert (project.annual_total, project.initial_total, project.executed_total) == (
        Decimal("43.2"), Decimal(40), Decimal("37.24"))
    assert (project.annual_fiscal, project.initial_fiscal, project.executed_fiscal) == (
        Decimal("43.2"), Decimal(40), Decimal("37.24"))
    assert (project.funds_weight, project.funds_score) == (Decimal(10), Decimal(9))
    assert project.execution_rate == Decimal("86.20")
    assert (project.annual_goal, project.goal_actual) == ("完成两栋楼的暖通改造", "完成一栋楼的暖通改造")
    assert project.executed_other is None
    assert json.loads(project.funds_text) == {"executed_fiscal": "37.24万元（含质保金）",
                                              "executed_other": "按实际"}
    texts = [n.text() for n in result.notices]
    assert any("37.24万元" in t and "已读作 37.24 万元" in t for t in texts)
    assert any("按实际" in t and "不是数字" in t and "第 9 行" in t for t in texts)
    assert [i.score for i in project.indicators] == [Decimal(25)]


def test_a_yunnan_self_evaluation_with_its_symbol_under_nature_and_amounts_in_yuan(tmp_path):
    """The shape of a 云南 自评表 (corpus d01): 年度指标值 over 指标性质 | 指标值 | 度量单位 with the
    symbol in the 指标性质 column, 年初预算数 left empty beside 全年预算数 (the year's budget: no
    guess, the 年初预算数 stays empty), amounts in 元, and the form's own level 2
    服务对象满意度指标等. Every guess is said."""
    rows = [
        ["2022年度项目支出绩效自评表"],
        ["项目名称", "营养改善计划"],
        ["主管部门", "某县教育体育局", None, None, "实施单位", "某中学"],
        ["项目资金 (元)", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [None, "年度资金总额", None, 387664.62, 387664.62, 10, "100%", 10],
        ["绩效指标", None, None, "年度指标值", None, None, "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
        ["产出指标", "数量指标", "学生受资助人数", "≧", 735, "人次", 735, 10, 10],
        ["满意度指标", "服务对象满意度指标等", "学生满意度", "═", 95, "%", "100%", 10, 10],
    ]
    path = workbook(tmp_path / "自评表.xlsx", rows,
                    ["A6:C6", "D6:F6", "G6:G7", "H6:H7", "I6:I7", "J6:J7"])
    result = read_table(path)
    (project,) = result.projects
    assert project.annual_total == Decimal("38.766462")
    got = [(i.level2, i.comparator, i.target, i.unit, i.actual) for i in project.indicators]
    assert got == [("数量指标", "≥", Decimal(735), "人次", "735"),
                   ("服务对象满意度指标", "＝", Decimal(95), "%", "100%")]
    assert (project.initial_total, project.executed_total, project.funds_weight,
            project.funds_score) == (None, Decimal("38.766462"), Decimal(10), Decimal(10))
    texts = [n.text() for n in result.notices]
    assert not any("年初预算数" in t for t in texts)
    assert any("元" in t and "万元" in t for t in texts)
    assert any("服务对象满意度指标等" in t for t in texts)


def test_a_form_with_its_amount_inside_the_label_cell_and_its_own_wording(tmp_path):
    """A 武汉 form (corpus c04): 项目主管部门 | 项目执行单位 labels, and 资金情况 | '年度资金总额:16'
    with the amount written in the label's own cell."""
    rows = [
        ["绩效目标表"],
        ["项目名称", "薄弱学校改造补助资金"],
        ["项目主管部门", "青山区教育局", None, "项目执行单位", "化工区学校"],
        ["资金情况\n(万元)", "年度资金总额:16"],
        ["总体目标", "年度目标"],
        [None, "改善办学条件。"],
        ["绩效指标", "一级指标", "二级指标", "指标内容", "指标值"],
        [None, "产出指标", "数量指标", "学校改造覆盖率", "100%"],
    ]
    (project,) = read_table(workbook(tmp_path / "表.xlsx", rows, ["B2:E2", "B4:E4"])).projects
    assert (project.department, project.unit, project.annual_total) == (
        "青山区教育局", "化工区学校", Decimal(16))


def test_a_unit_written_as_a_line_above_the_form_and_a_city_budget_total(tmp_path):
    """A 东莞 批复表 (corpus c07): '预算单位:东莞市交通运输局' on a line of its own above the form and
    the year's amount under 本年度申请市财政预算资金(万元); a 部门: line does not beat the form's own
    主管部门 label."""
    rows = [
        ["东莞市财政项目支出绩效目标批复表"],
        ["预算单位:东莞市交通运输局", None, None, None, "部门:另一单位"],
        ["项目名称", "联网路改造", None, "本年度申请市财政预算资金(万元)", 919],
        ["主管部门", "东莞市人民政府"],
        ["年度目标", "完成结算。"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [None, "产出指标", "质量指标", "结算误差率", "±3%以内"],
    ]
    (project,) = read_table(workbook(tmp_path / "表.xlsx", rows)).projects
    assert (project.unit, project.department, project.annual_total) == (
        "东莞市交通运输局", "东莞市人民政府", Decimal(919))
    assert project.indicators[0].value_display() == "≤3%"


PIFU_ROWS = [  # a 东莞 批复表 (corpus c07): 中期 beside 年度, Guangdong's own category names
    ["东莞市财政项目支出绩效目标批复表"],
    ["预算单位:东莞市交通运输局"],
    ["项目 名称", "联网路改造", None, "中期市财政预算(万元)", "284500.00",
     "本年度申请市财政预算资金(万元)", "919.00"],
    ["总体目标", "中期滚动目标(2019年--2021年)", None, None, "年度目标"],
    [None, "新建道路29个项目。", None, None, "完成结算387万元。"],
    ["绩效指标", "一级 指标", "二级 指标", "三级 指标", "指标值(或计划水平)", "二级 指标", "三级 指标",
     "计划指标值(或计划水平)"],
    [None, "预期产出指标", "数量指标(或建筑规模指标)", "新建道路里程", "169公里",
     "数量指标(或建筑规模指标)", "完成结算项目数", "3个"],
    [None, None, "预算(或投资规模)控制指标", "预算执行率", "≥90%", "预算(或投资规模)控制指标",
     "年度预算执行率", "≥95%"],
    [None, "效果指标", "社会、经济、生态效益 指标", "结算争议率", "0%", "社会、经济、生态效益 指标",
     "补助款结算争议率", "≤1%"],
    [None, None, "可持续影响指标", "实现建设总目标控制程度"],
]


def test_a_midterm_beside_annual_form_is_read_from_its_annual_side_in_standard_names(tmp_path):
    path = workbook(tmp_path / "批复表.xlsx", PIFU_ROWS, ["B4:D4", "E4:H4", "B5:D5", "E5:H5",
                                                        "B7:B8", "B9:B10"])
    result = read_table(path)
    (project,) = result.projects
    assert (project.annual_total, project.midterm_total) == (Decimal(919), Decimal(284500))
    assert (project.annual_goal, project.midterm_goal) == ("完成结算387万元。", "新建道路29个项目。")
    got = [(i.level1, i.level1_source, i.level2, i.name, i.value_display())
           for i in project.indicators]
    # the 年度 side's names and targets; the stored categories are the standard names, the
    # wording as written kept in level1_source (the grid's tooltip shows it)
    assert got == [("产出指标", "预期产出指标", "数量指标", "完成结算项目数", "3个"),
                   ("产出指标", "预期产出指标", "成本指标", "年度预算执行率", "≥95%"),
                   ("效益指标", "效果指标", "社会效益指标", "补助款结算争议率", "≤1%")]
    assert "中长期指标：新建道路里程，指标值：169公里" in project.indicators[0].remark
    told = [str(n.message) for n in result.notices]
    assert any("按年度一侧（F–H 列）读取指标" in m for m in told)
    assert any("“预期产出指标”读作标准名称“产出指标”" in m for m in told)
    assert any("“预算(或投资规模)控制指标”读作标准名称“成本指标”" in m for m in told)
    assert any("同时写了几个二级指标" in m and "已记为第一个“社会效益指标”" in m for m in told)
    # the 中期-only row is not an annual indicator, and the clerk is told which row it was
    assert any("只有中期指标（实现建设总目标控制程度）" in m and n.location.row == 10
               for n, m in zip(result.notices, told))


def test_a_side_by_side_grid_without_goal_labels_is_read_as_found(tmp_path):
    rows = [row[:] for row in PIFU_ROWS]
    rows[3] = ["总体目标", "滚动目标", None, None, "目标"]  # nothing says which side is annual
    (project,) = read_table(workbook(tmp_path / "批复表.xlsx", rows)).projects
    assert project.indicators[0].name == "新建道路里程"


def test_a_central_investment_target_table_with_one_tier_too_many(tmp_path):
    """A 中央预算内投资计划绩效目标表 (corpus c03): the project named in brackets under the title,
    专项名称 giving the special fund, 下达地方或单位 the unit, 下达中央预算内投资 the amount, and
    实施效果指标 over 产出指标/效益指标 written in the 二级指标 column."""
    rows = [
        ["天津市农业绿色发展专项2022年中央预算内投资计划绩效目标表"],
        ["(天津市宝坻区畜禽粪污资源化利用整区推进项目)"],
        ["专项名称", "农业绿色发展专项 (畜禽粪污资源化利用整县推进项目)"],
        ["下达地方或单位", "宝坻区人民政府"],
        ["下达中央预算内投资(万元)", 2350],
        ["总 体 目 标", "提高畜禽粪污综合利用率。"],
        ["绩 效 指 标", "一级指标", "二级指标", "三级指标", "指标值"],
        [None, "实施效果指标", "产出指标", "竣工验收合格率", "100%"],
        [None, None, None, "按进度计划实施情况", "按计划实施"],
        [None, None, "效益指标", "畜禽粪污综合利用率", "≥90%"],
    ]
    path = workbook(tmp_path / "目标表.xlsx", rows, ["A7:A10", "B8:B10", "C8:C9"])
    result = read_table(path)
    (project,) = result.projects
    assert (project.name, project.unit, project.annual_total) == (
        "天津市宝坻区畜禽粪污资源化利用整区推进项目", "宝坻区人民政府", Decimal(2350))
    assert [(i.level1, i.level1_source, i.level2) for i in project.indicators] == [
        ("产出指标", "产出指标", ""), ("产出指标", "产出指标", ""), ("效益指标", "效益指标", "")]
    told = [str(n.message) for n in result.notices]
    assert any("专项资金“农业绿色发展专项" in m and "括号内" in m for m in told)
    assert sum("“实施效果指标”之下的“产出指标”是一级指标" in m for m in told) == 1
    assert any("“实施效果指标”之下的“效益指标”是一级指标" in m for m in told)


def test_a_fund_label_without_a_project_in_the_title_names_the_project(tmp_path):
    rows = [["专项资金绩效目标表"], ["专项名称", "农业绿色发展专项"], ["总体目标", "提高利用率。"],
            ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
            [None, "产出指标", "数量指标", "项目个数", "1个"]]
    (project,) = read_table(workbook(tmp_path / "表.xlsx", rows)).projects
    assert project.name == "农业绿色发展专项"
