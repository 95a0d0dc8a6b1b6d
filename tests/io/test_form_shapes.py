"""Shapes of the detailed form and its label block that clerks' tables have (issue 11, the
held-out tables): each rule on a small made-up table of that shape, read as a clerk imports it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import Workbook

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import read_table
from tests.support.io_tables import write_xlsx


def workbook(path, rows, merges=()):
    return write_xlsx(path, rows, merges=merges)


def texts(result):
    return [n.text() for n in result.notices]


# --- a unit in the name's brackets ------------------------------------------------------------


def test_a_bare_number_takes_the_unit_written_in_the_names_brackets(tmp_path):
    path = workbook(tmp_path / "申报表.xlsx", [
        ["项目名称", "乡村道路养护项目"],
        ["主管部门", "某县交通运输局", "实施单位", "某县公路段"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "时效指标", "任务完成时限(月)", "10"],
        [None, "数量指标", "养护里程（单位：公里）", "35"],
        [None, None, "受益人数(贫困户)", "120"],
        [None, "质量指标", "验收合格率(%)", "≥95%"],
    ])
    result = read_table(path)
    (project,) = result.projects
    got = [(i.name, i.comparator, i.target, i.unit) for i in project.indicators]
    assert got == [
        ("任务完成时限(月)", "", Decimal(10), "月"),
        ("养护里程（单位：公里）", "", Decimal(35), "公里"),
        ("受益人数(贫困户)", "", Decimal(120), ""),  # 贫困户 says who, not a unit
        ("验收合格率(%)", "≥", Decimal(95), "%"),  # the value's own unit
    ]
    said = [t for t in texts(result) if "括号" in t]
    assert len(said) == 2 and "第 4 行" in said[0] and "“月”" in said[0]


# --- a template's 指标值 cells left unfilled ---------------------------------------------------


def test_a_value_cell_holding_only_a_unit_is_an_empty_target_with_that_unit(tmp_path):
    path = workbook(tmp_path / "专项.xlsx", [
        ["2020年省级财政某专项资金绩效目标表"],
        ["专项(项目)名称", "农村饮水安全专项"],
        ["区级主管部门", "某区水利局"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [None, "产出指标", "数量指标", "指标1:新建管网长度", "公里"],
        [None, None, None, "指标2:受益人口", "万人"],
        [None, None, "质量指标", "指标1:工程验收合格率", "≧ %"],
        [None, None, "时效指标", "完工时间", "达成"],
    ], ["A4:A8", "B5:B8", "C5:C6"])
    result = read_table(path)
    (project,) = result.projects
    got = [(i.name, i.comparator, i.target, i.unit, i.value_text, i.value_display())
           for i in project.indicators]
    assert got == [
        ("新建管网长度", "", None, "公里", "", ""),
        ("受益人口", "", None, "万人", "", ""),
        ("工程验收合格率", "≥", None, "%", "", ""),
        ("完工时间", "", None, "", "", "达成"),  # a grade is a target, not a unit
    ]
    # the official grid shows the comparator and unit given, with the number still to fill
    assert project.indicators[2].value_columns() == ("≥", "", "%")
    said = texts(result)
    assert any("第 5 行" in t and "“公里”只有单位" in t for t in said)
    assert any("第 7 行" in t and "只有计算符号和单位" in t for t in said)


# --- offices named for several tiers ------------------------------------------------------------


def tiered_form(path, county_office):
    return workbook(path, [
        ["某专项资金绩效目标表"],
        ["专项(项目)名称", "农田水利专项"],
        ["市级财政部门", "某市财政局", "市级主管部门", "某市水利局"],
        ["区级财政部门", "某区财政局", "区级主管部门", county_office],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "灌溉面积", "≥2万亩"],
    ])


def test_the_lowest_tier_a_table_names_is_the_units_department(tmp_path):
    result = read_table(tiered_form(tmp_path / "专项.xlsx", "某区水利局"))
    (project,) = result.projects
    assert (project.department, project.unit) == ("某区水利局", "某区水利局")
    said = [t for t in texts(result) if "几级主管部门" in t]
    assert len(said) == 1 and "区级主管部门" in said[0] and "第 4 行" in said[0]


def test_an_empty_lower_tier_leaves_the_office_that_is_named(tmp_path):
    result = read_table(tiered_form(tmp_path / "专项.xlsx", None))
    (project,) = result.projects
    assert project.department == "某市水利局"
    assert not any("几级主管部门" in t for t in texts(result))


# --- a funds block with the project's side beside the year's ------------------------------------


def test_a_two_sided_funds_block_gives_the_project_and_the_year_their_totals(tmp_path):
    path = workbook(tmp_path / "申报表.xlsx", [
        ["某补助资金绩效目标申报表"],
        ["项目名称", "保鲜库建设项目"],
        ["主管部门", "某农业农村局", "实施单位", "某农业发展服务中心"],
        ["资金情况(万元)", "项目资金总额:", 2400, "年度资金申请总额", 1500],
        [None, "其中:财政资金", 2000, "其中:当年财政拨款", 1200],
        [None, None, None, "上年结转资金", None],
        [None, "其他资金", 400, "其他资金", 300],
        ["项目绩效目标", "项目总目标", None, "年度总体目标"],
        [None, "建成保鲜库2座。", None, "建成保鲜库1座。"],
        ["一级指标", "二级指标", "三级指标", "年度指标值"],
        ["产出指标", "数量指标", "新建保鲜库数量", "1座"],
    ], ["A4:A7", "A8:A9"])
    result = read_table(path)
    (project,) = result.projects
    assert (project.midterm_total, project.midterm_fiscal, project.midterm_other) == (
        Decimal(2400), Decimal(2000), Decimal(400))
    assert (project.annual_total, project.annual_fiscal, project.annual_other) == (
        Decimal(1500), Decimal(1200), Decimal(300))
    assert (project.midterm_goal, project.annual_goal) == ("建成保鲜库2座。", "建成保鲜库1座。")


def test_a_project_total_with_no_years_total_beside_it_is_the_one_total(tmp_path):
    path = workbook(tmp_path / "申报表.xlsx", [
        ["项目名称", "保鲜库建设项目"],
        ["主管部门", "某农业农村局"],
        ["项目资金总额", 1500],
        ["其中:财政资金", 1500],
        ["一级指标", "二级指标", "三级指标", "年度指标值"],
        ["产出指标", "数量指标", "新建保鲜库数量", "1座"],
    ])
    result = read_table(path)
    (project,) = result.projects
    assert (project.annual_total, project.annual_fiscal, project.midterm_total) == (
        Decimal(1500), Decimal(1500), None)
    assert any("只有“项目资金总额”一个总额" in t and "年度资金总额" in t for t in texts(result))


# --- a heading that lost its first character; this allocation's amount ---------------------


CENTRAL_INVESTMENT = [
    ["某县以工代赈示范工程"],
    ["中央预算内投资计划绩效目标表"],
    ["专项名称", "某县以工代赈示范工程"],
    ["下达地方或单位", "某县发展改革委"],
    ["本次下达中央预算内投资(万元)", 853],
    ["总体目标", "吸纳当地群众就近就业增收。"],
    [None, "级指标", "二级指标", "三级指标", "指标值"],
    [None, "实施效果指标", "产出指标", "劳务报酬占中央投资比例", "≥30%"],
    [None, None, "效益指标", "农村基础设施条件", "持续改善"],
    [None, None, "满意度指标", "参与群众满意度", "≥90%"],
]


def test_a_heading_that_lost_its_first_character_is_the_one_the_row_lacks(tmp_path):
    path = workbook(tmp_path / "中央预算内投资.xlsx", CENTRAL_INVESTMENT, ["B8:B10"])
    result = read_table(path)
    (project,) = result.projects
    assert (project.unit, project.annual_total) == ("某县发展改革委", Decimal(853))
    got = [(i.level1, i.level2, i.name) for i in project.indicators]
    # 实施效果指标 stands over level-1 names (one tier too many): 满意度指标 after 产出指标
    # and 效益指标 is one of them too, not a 2015-tree level 2 under 效益
    assert got == [("产出指标", "", "劳务报酬占中央投资比例"), ("效益指标", "", "农村基础设施条件"),
                   ("满意度指标", "", "参与群众满意度")]
    assert any("“级指标”缺了第一个字" in t and "第 7 行" in t and "“一级指标”" in t
               for t in texts(result))


def test_a_heading_that_lost_its_first_character_is_not_guessed_when_two_could_be_meant(
        tmp_path):
    path = workbook(tmp_path / "表.xlsx", [
        ["项目名称", "某项目"],
        ["级指标", "级指标", "三级指标", "指标值"],  # 一级 or 二级: the row cannot tell
        ["产出指标", "数量指标", "培训人次", "≥100人次"],
    ])
    with pytest.raises(PerfDeskError, match="没有找到绩效目标表"):
        read_table(path)


def test_an_investment_plans_process_management_block_is_no_target(tmp_path):
    rows = CENTRAL_INVESTMENT + [
        [None, "过程管理指标", "计划管理指标", "投资计划分解用时", "≤20工作日"],
        [None, None, "资金管理指标", "中央预算内投资支付率", "≥95%"],
        [None, None, "监督检查指标", "审计指出问题项目比例", "≤1%"],
    ]
    path = workbook(tmp_path / "中央预算内投资.xlsx", rows, ["B8:B10", "B11:B13"])
    result = read_table(path)
    (project,) = result.projects
    assert [i.name for i in project.indicators] == [
        "劳务报酬占中央投资比例", "农村基础设施条件", "参与群众满意度"]
    said = [t for t in texts(result) if "过程管理指标" in t]
    assert len(said) == 1 and "第 11–13 行" in said[0] and "不是项目的绩效目标" in said[0]


# --- a label row right above the grid's heading; a grid no project comes from ----------------

HEADING = [None, "一级指标", "二级指标", "三级指标", "指标值"]
ROW = [None, "产出指标", "数量指标", "新建道路", "≥5公里"]


def test_a_label_row_right_above_the_heading_is_no_half_of_it(tmp_path):
    path = workbook(tmp_path / "专项.xlsx", [
        ["中央预算内投资计划绩效目标表"], ["下达地方或单位", "某县发展改革委"],
        ["专项名称", "某县以工代赈工程"], HEADING, ROW], ["B3:E3"])
    (project,) = read_table(path).projects
    assert (project.name, project.unit) == ("某县以工代赈工程", "某县发展改革委")
    assert [i.name for i in project.indicators] == ["新建道路"]
    # its value left empty: still the label block's row, and the form says what is missing
    empty = workbook(tmp_path / "空.xlsx", [
        ["中央预算内投资计划绩效目标表"], ["下达地方或单位", "某县发展改革委"], ["专项名称"],
        HEADING, ROW])
    with pytest.raises(PerfDeskError) as refused:
        read_table(empty)
    assert "“项目名称”为空" in str(refused.value) and "第 3 行" in str(refused.value)
    assert "空.xlsx" in str(refused.value) and "专项名称" in str(refused.value)


def test_a_flat_grid_that_names_no_project_is_refused_with_its_place(tmp_path):
    path = workbook(tmp_path / "平铺.xlsx", [
        ["2024年项目支出绩效目标表"],
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
        [None, "产出指标", "数量指标", "援助案件数", "≥500件"],
    ])
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    said = str(refused.value)
    assert "平铺.xlsx" in said and "Sheet1" in said and "第 2 行" in said
    assert "没有读出项目" in said and "“项目名称”列" in said


def test_a_flat_sheet_that_names_no_project_beside_one_that_does_is_said(tmp_path):
    wb = Workbook()
    first = wb.active
    first.title = "一科"
    for row in (["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
                ["法律援助", "产出指标", "数量指标", "援助案件数", "≥500件"]):
        first.append(row)
    second = wb.create_sheet("二科")
    for row in (["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
                [None, "产出指标", "数量指标", "矫正人数", "≥300人"]):
        second.append(row)
    wb.save(tmp_path / "两科.xlsx")
    result = read_table(tmp_path / "两科.xlsx")
    assert [p.name for p in result.projects] == ["法律援助"]
    said = [t for t in texts(result) if "没有读出项目" in t]
    assert len(said) == 1 and "二科" in said[0] and "第 1 行" in said[0]


def test_a_disclosure_header_with_nothing_under_it_is_refused_with_its_place(tmp_path):
    path = workbook(tmp_path / "公开表.xlsx", [
        ["某区2025年项目支出绩效目标表"],
        ["预算单位", "项目名称", "年度绩效目标", "绩效指标"],
    ])
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    said = str(refused.value)
    assert "公开表.xlsx" in said and "第 2 行" in said and "没有读出任何项目" in said


# --- a grid whose 一级指标 column is left empty -----------------------------------------------


def test_an_empty_level1_column_takes_each_level2s_parent_and_says_so(tmp_path):
    path = workbook(tmp_path / "申报表.xlsx", [
        ["项目名称", "村级光伏电站维修项目"],
        ["主管部门", "某县乡村振兴局", "实施单位", "某镇人民政府"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [None, None, None, "维修光伏电站数量", "≥3座"],
        [None, None, "时效指标", "完工时限", "2022年10月"],
        [None, None, "成本指标", "每座维修成本", "≤2万元"],
        [None, None, "社会效益指标", "受益脱贫户数", "≥60户"],
        [None, None, "服务对象满意度指标", "受益户满意度", "≥95%"],
    ])
    result = read_table(path)
    (project,) = result.projects
    got = [(i.level1, i.level2, i.name) for i in project.indicators]
    assert got == [
        # a row with neither label takes the category its content says (a count: ≥3座), told
        ("产出指标", "数量指标", "维修光伏电站数量"),
        ("产出指标", "时效指标", "完工时限"),
        ("产出指标", "成本指标", "每座维修成本"),
        ("效益指标", "社会效益指标", "受益脱贫户数"),
        ("满意度指标", "服务对象满意度指标", "受益户满意度")]
    said = texts(result)
    assert any("一级指标为空，已按二级指标“时效指标”记为“产出指标”" in t for t in said)
    assert any("一级指标为空，已按二级指标“社会效益指标”记为“效益指标”" in t for t in said)
    assert len([t for t in said if "一级指标为空" in t]) == 4  # once a level 2, at its first row
    assert [t for t in said if "推定" in t] == [
        "文件“申报表.xlsx”，工作表“Sheet1”，第 4 行，“一级指标”列：类别按指标内容推定为 产出指标/数量指标，请核对。"]


# --- one value column per place (属地) ----------------------------------------------------------

PER_PLACE_ROWS = [
    ["产出指标", "数量指标", "养护公路里程(公里)", "≥", "1", "2"],
    [None, "质量指标", "养护合格率", "≥", "95%", "95 %"],  # the same, written two ways
    [None, "时效指标", "完成时间", "≤", "30天", "20天"],
    ["效益指标", "社会效益指标", "群众出行是否便利", "是/否", "是", "否"],
]
PER_PLACE_HEAD = [["项目名称", "农村公路养护专项资金"], ["主管部门", "某县交通运输局"],
                  ["年度目标", "完成两个乡镇农村公路养护"]]


@pytest.mark.parametrize("two_rows", [False, True], ids=["places-as-headings", "under-指标值"])
def test_a_grid_with_a_value_column_per_place_gives_one_target_per_indicator(tmp_path, two_rows):
    if two_rows:  # 指标值 merged over the places on the row below
        head = [["一级指标", "二级指标", "三级指标", "指标方向", "指标值", None],
                [None, None, None, None, "城关镇", "青山乡"]]
        merges = ["E4:F4"]
    else:
        head = [["一级指标", "二级指标", "三级指标", "指标方向", "城关镇", "青山乡"]]
        merges = []
    path = workbook(tmp_path / "目标表.xlsx", PER_PLACE_HEAD + head + PER_PLACE_ROWS, merges)
    result = read_table(path)
    (project,) = result.projects
    got = [(i.name, i.comparator, i.target, i.unit, i.value_display()) for i in project.indicators]
    assert got == [
        ("养护公路里程(公里)", "≥", Decimal(3), "公里", "≥3公里"),  # 1 + 2: lengths add up
        ("养护合格率", "≥", Decimal(95), "%", "≥95%"),  # the same rate in both
        ("完成时间", "≤", None, "", ""),  # 30天 and 20天: neither the same nor a sum
        ("群众出行是否便利", "", None, "", "")]  # 是 and 否
    told = texts(result)
    first = len(head) + 4  # the row of the first indicator
    assert any(f"第 {first} 行" in m and "“城关镇、青山乡”列" in m and
               "按属地分列（城关镇 1、青山乡 2），以“公里”计可以相加，已合计为 ≥3公里" in m for m in told)
    assert any(f"第 {first + 2} 行" in m and "按属地分列（城关镇 30天、青山乡 20天），各属地不同且不能相加，"
               "指标值留空" in m for m in told)
    assert any("指标方向“是/否”表示以是或否作答" in m for m in told)
    assert not any("无法识别" in m for m in told)
