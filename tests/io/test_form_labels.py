"""Labels of the form's header block as other provinces' forms write them (issue 11, the
corpus-f held-out tables): each rule on a small made-up table of that shape, read as a clerk
imports it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.core.model import DEPARTMENT_WHOLE
from perfdesk.io import read_table
from tests.support.io_tables import write_xlsx


def texts(result):
    return [n.text() for n in result.notices]


def test_a_required_field_star_before_a_label_is_no_part_of_it(tmp_path):
    # a budget system's 部门整体 target: '*' marks the required fields, 年度绩效目标 is the title
    # of the block whose one label is *年度绩效总目标
    path = write_xlsx(tmp_path / "部门整体.xlsx", [
        ["部门整体绩效目标"],
        ["部门编码:", "501", "部门名称:", "某县文化馆", "*联系人:", "李某"],
        ["*部门职能职责概述", "负责全县群众文化活动的组织与辅导。"],
        ["年度绩效目标"],
        ["*年度绩效总目标", "全年开展群众文化活动120场，培训文艺骨干300人次。"],
        ["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明"],
        ["产出指标", "数量指标", "群众文化活动场次", "≥", "120", "场", "按上年完成数确定"],
        [None, "质量指标", "活动群众满意率", "≥", "90", "%", "抽样调查"],
    ], merges=["A1:G1", "F2:G2", "B3:G3", "A4:G4", "B5:G5", "A7:A8"])
    result = read_table(path)
    (project,) = result.projects
    assert project.kind == DEPARTMENT_WHOLE and project.name == "某县文化馆"
    assert project.annual_goal == "全年开展群众文化活动120场，培训文艺骨干300人次。"
    got = [(i.name, i.comparator, i.target, i.unit, i.explanation) for i in project.indicators]
    assert got == [("群众文化活动场次", "≥", Decimal(120), "场", "按上年完成数确定"),
                   ("活动群众满意率", "≥", Decimal(90), "%", "抽样调查")]
    # the duties are kept out of every field: not the goal, not a unit or department
    assert "负责全县" not in project.annual_goal + project.unit + project.department


def test_the_amounts_unit_note_beside_a_signature_line_is_no_office(tmp_path):
    # 主管部门(盖章): is the line for the stamp; 单位:万元 right of it says what the amounts are in
    path = write_xlsx(tmp_path / "自评表.xlsx", [
        ["区级部门预算项目支出绩效自评表"],
        ["主管部门(盖章):", None, None, None, "单位:万元"],
        ["项目名称", "社区图书室运行", None, "主管部门", "某区文化和旅游局"],
        ["项目实施单位", "某区图书馆", None, "项目负责人", "王某"],
        ["年度资金总额", "12", "12"],
        ["一级指标", "二级指标", "三级指标", "预期指标值(A)", "实际完成指标值(B)", "分值", "得分"],
        ["产出指标", "数量指标", "开放天数", "≥300天", "310天", "50", "50"],
    ], merges=["A1:G1", "A2:D2", "B3:C3", "B4:C4"])
    (project,) = read_table(path).projects
    assert project.department == "某区文化和旅游局"
    assert project.unit == "某区图书馆"
    assert project.annual_total == Decimal(12)


def test_a_goal_label_over_two_rows_takes_the_text_under_its_target_heading(tmp_path):
    # 年度总体目标 is merged over the heading row (年初设定目标 | 完成情况综述) and the text row;
    # the block under it (项目预算执行情况(10分)) is the next label, not the goal
    path = write_xlsx(tmp_path / "自评表.xlsx", [
        ["项目名称", "文化馆免费开放", None, "主管部门", "某区文化和旅游局"],
        ["项目实施单位", "某区文化馆"],
        ["年度总体目标", "年初设定目标", None, "年度总体目标完成情况综述"],
        [None, "全年免费开放300天以上", None, "全年开放306天"],
        ["项目预算\n执行情况\n(10分)", None, "年初预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)",
         "得分"],
        [None, "年度资金总额", "45", "45", "10", "100%", "10"],
        ["一级指标", "二级指标", "三级指标", "预期指标值(A)", "实际完成指标值(B)", "分值", "得分"],
        ["产出指标", "数量指标", "免费开放天数", "≥300天", "306天", "50", "50"],
    ], merges=["A3:A4", "B3:C3", "B4:C4", "A5:A6"])
    (project,) = read_table(path).projects
    assert project.annual_goal == "全年免费开放300天以上"
    assert project.annual_total == Decimal(45)


def test_dash_rows_under_a_scoring_rule_merged_down_the_grid_are_no_indicators(tmp_path):
    # each level 2 is followed by a '-' row; the 得分计算方法 column holds one rule for the grid,
    # merged down every row, so each '-' row shows that rule too
    rule = "定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A*该指标分值记分。"
    path = write_xlsx(tmp_path / "自评表.xlsx", [
        ["项目名称", "文化馆免费开放", None, "主管部门", "某区文化和旅游局"],
        ["项目实施单位", "某区文化馆"],
        ["一级指标", "二级指标", "三级指标", "预期指标值(A)", "实际完成指标值(B)", "分值", "得分",
         "未完成原因", "得分计算方法"],
        ["(50分)", "数量指标", "免费开放天数", "≥300天", "306天", "25", "25", None, rule],
        [None, None, "-"],
        [None, "质量指标", "活动达标率", "≥95%", "98%", "25", "25"],
        [None, None, "-"],
        [None, "-", "-"],
        ["(30分)", "社会效益\n指标", "服务群众人次", "≥5万人次", "5.2万人次", "30", "30"],
        [None, None, "-"],
    ], merges=["A4:A8", "B4:B5", "B6:B7", "I4:I10", "A9:A10", "B9:B10"])
    result = read_table(path)
    (project,) = result.projects
    got = [(i.level1, i.level2, i.name, i.weight) for i in project.indicators]
    assert got == [("产出指标", "数量指标", "免费开放天数", Decimal(25)),
                   ("产出指标", "质量指标", "活动达标率", Decimal(25)),
                   ("效益指标", "社会效益指标", "服务群众人次", Decimal(30))]
    skipped = [t for t in texts(result) if "占位行" in t]
    assert [t.split("第 ")[1].split(" 行")[0] for t in skipped] == ["5", "7", "8", "10"]


def test_a_forms_overall_and_annual_project_goals_and_its_implementing_unit(tmp_path):
    # 项目(专项)名称 / 申报单位 / 具体实施单位 and a 项目总体目标 line above the 项目年度目标 line
    path = write_xlsx(tmp_path / "项目绩效目标表.xlsx", [
        ["项目绩效目标表"],
        ["申报单位", "某区林业局", "项目(专项)名称", "某镇森林防火道路建设"],
        ["具体实施单位", "某区国有林场", "项目属性", "新增"],
        ["资金情况(万元)", "年度资金总额:", "80"],
        ["项目概况及立项依据", "按森林防火规划新建防火道路"],
        ["项目总体目标", "三年建成防火道路30公里。"],
        ["项目年度目标", "本年新建防火道路10公里。"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "计量单位", "指标性质", "指标值"],
        [None, "产出指标", "数量指标", "新建防火道路长度", "公里", "≥", "10"],
    ], merges=["A1:G1", "D2:G2", "D3:G3", "C4:G4", "B5:G5", "B6:G6", "B7:G7", "A8:A9"])
    result = read_table(path)
    (project,) = result.projects
    assert project.name == "某镇森林防火道路建设"
    assert project.annual_goal == "本年新建防火道路10公里。"
    assert project.midterm_goal == "三年建成防火道路30公里。"
    # no 主管部门 line: the 申报单位 submits (the department), the 具体实施单位 implements (the
    # unit), as the 88号 form's 主管部门及代码 | 实施单位, and the clerk is told
    assert (project.department, project.unit, project.implementing_unit) == (
        "某区林业局", "某区国有林场", "")
    (said,) = [t for t in texts(result) if "申报单位" in t]
    assert "“某区林业局”记为主管部门" in said and "导入后修改项目的主管部门" in said
    (indicator,) = project.indicators
    assert (indicator.comparator, indicator.target, indicator.unit) == ("≥", Decimal(10), "公里")


def test_a_submitting_unit_without_an_implementing_line_stays_the_unit(tmp_path):
    # 申报单位 alone (no 实施单位 line): the unit, as before; a 主管部门 line beside a 申报单位
    # and a 实施单位 leaves the 申报单位 the unit too
    rows = [["项目绩效目标表"],
            ["申报单位", "某区林业局", "项目(专项)名称", "某镇森林防火道路建设"],
            ["项目属性", "新增"],
            ["项目年度目标", "本年新建防火道路10公里。"],
            ["一级指标", "二级指标", "三级指标", "计量单位", "指标性质", "指标值"],
            ["产出指标", "数量指标", "新建防火道路长度", "公里", "≥", "10"]]
    result = read_table(write_xlsx(tmp_path / "无实施单位.xlsx", rows))
    (project,) = result.projects
    assert (project.department, project.unit) == ("", "某区林业局")
    assert not [t for t in texts(result) if "记为主管部门" in t]
    rows[2:3] = [["主管部门", "某区农业农村委"], ["具体实施单位", "某区国有林场", "项目属性", "新增"]]
    (project,) = read_table(write_xlsx(tmp_path / "有主管部门.xlsx", rows)).projects
    assert (project.department, project.unit, project.implementing_unit) == (
        "某区农业农村委", "某区林业局", "某区国有林场")


def test_funds_split_by_tier_of_government_add_up_to_the_fiscal_amount(tmp_path):
    # 资金情况 lists 1.中央资金 / 2.市级资金 / 3.区级资金 / 4.其他资金 under 年度资金总额
    path = write_xlsx(tmp_path / "项目绩效目标表.xlsx", [
        ["申报单位", "某区水利局", "项目(专项)名称", "某镇山坪塘整治"],
        ["资金情况(万元)", "年度资金总额:", "120.5"],
        [None, "其中:1.中央资金", "80"],
        [None, "2.市级资金", "30.5"],
        [None, "3.区级资金", None],
        [None, "4.其他资金", "10"],
        ["项目年度目标", "整治山坪塘12口。"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "计量单位", "指标性质", "指标值"],
        [None, "产出指标", "数量指标", "整治山坪塘数量", "口", "≥", "12"],
    ], merges=["A2:A6", "A8:A9"])
    result = read_table(path)
    (project,) = result.projects
    assert (project.annual_total, project.annual_fiscal, project.annual_other) == (
        Decimal("120.5"), Decimal("110.5"), Decimal(10))
    assert any("各级资金合计为 110.5" in t for t in texts(result))
    # the stated total is not rewritten, and the parts leave the goal alone
    assert project.annual_goal == "整治山坪塘12口。"


def test_the_overall_goal_heading_over_midterm_and_annual_takes_no_text_of_its_own(tmp_path):
    # 总体目标 merged over two rows beside 中期目标 | 年度目标 and their texts; the caption line
    # under the block (绩效项目指标表) is no goal; 财政拨款数 is the fiscal amount
    path = write_xlsx(tmp_path / "目标表.xlsx", [
        ["项目支出绩效目标表"],
        ["项目名称", "校舍维修"],
        ["主管部门", "某区教育局", None, "实施单位", "某区第一中学"],
        ["项目资金", "资金总额", "30"],
        [None, "其中: 财政拨款数", "30"],
        [None, "其他资金", "0"],
        ["总体目标", "中期目标", None, "年度目标"],
        [None, "三年完成全区校舍改造", None, "本年维修校舍2栋"],
        ["绩效项目指标表"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "维修校舍栋数", "2栋"],
    ], merges=["B2:E2", "A4:A6", "A7:A8", "B7:C7", "B8:C8", "D7:E7", "D8:E8", "A9:E9"])
    (project,) = read_table(path).projects
    assert (project.midterm_goal, project.annual_goal) == ("三年完成全区校舍改造", "本年维修校舍2栋")
    assert (project.annual_total, project.annual_fiscal, project.annual_other) == (
        Decimal(30), Decimal(30), Decimal(0))


@pytest.mark.parametrize("written, read", [
    ("1、持续性项目 ☑ 2、新增性项目 □", "持续性项目"),
    ("新增项目□延续项目√", "延续项目"),
    ("新增项目□延续项目□", ""),
])
def test_a_checkbox_list_as_the_attribute_is_read_by_its_ticked_box_and_said(tmp_path, written,
                                                                             read):
    path = write_xlsx(tmp_path / "目标表.xlsx", [
        ["项目绩效目标表"],
        ["项目名称", "校舍维修", "项目属性", written],
        ["主管部门", "某区教育局", "实施单位", "某区第一中学"],
        ["年度目标", "本年维修校舍2栋"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "维修校舍栋数", "2栋"],
    ])
    result = read_table(path)
    assert result.projects[0].attribute == read
    assert any(f"项目属性“{written}”是勾选框" in t for t in texts(result))


def test_a_funding_cell_naming_its_fund_before_the_amount_reads_the_amount(tmp_path):
    # 其中:财政拨款 | 中央…补助资金(少数民族发展任务)50: the fund's name, then the amount
    path = write_xlsx(tmp_path / "目标表.xlsx", [
        ["绩效目标申报表"],
        ["项目名称", "养殖场建设"],
        ["主管部门", "某县民族事务委员会", "实施单位", "某县民族事务委员会"],
        ["资金情况(万元)", "年度资金总额:", "50"],
        [None, "其中:财政拨款", "中央衔接推进乡村振兴补助资金(少数民族发展任务)50"],
        [None, "其他资金", "约5"],
        ["年度目标", "新建养殖场1处"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "新建养殖场数量", "≥1个"],
    ], merges=["B2:D2", "A4:A6"])
    result = read_table(path)
    (project,) = result.projects
    assert (project.annual_total, project.annual_fiscal, project.annual_other) == (
        Decimal(50), Decimal(50), None)  # 约5 is no amount: left empty
    assert any("写作“中央衔接推进乡村振兴补助资金(少数民族发展任务)50”，已读作 50 万元" in t
               for t in texts(result))
    assert any("“约5”不是数字，已留空" in t for t in texts(result))


def test_a_numbered_funding_list_with_amounts_in_its_labels_and_a_long_term_goal(tmp_path):
    # 湖南's form: 财政拨款:…万元(其中:…) / 二、自有资金:0万元 / 三、其他:…万元, each amount in
    # its label's cell; 项目绩效目标 | 长期目标 | 年度目标 with the texts under them
    path = write_xlsx(tmp_path / "目标表.xlsx", [
        ["项目绩效目标表"],
        ["项目名称", "村道硬化", "项目属性", "新增"],
        ["主管部门", "某镇", "项目单位", "某镇"],
        ["年度资金总额及构成", "总额150万元"],
        ["财政拨款:100万元(其中:上级财政资金:80万元;本级财政:20万元)"],
        ["二、自有资金:0万元"],
        ["三、其他:50万元"],
        ["项目绩效目标", "长期目标", "年度目标"],
        [None, "改善全镇道路条件", "硬化村道5公里"],
        ["一级指标", "二级指标", "指标内容", "指标值"],
        ["产出指标", "数量指标", "硬化村道长度", "5公里"],
    ], merges=["A8:A9"])
    result = read_table(path)
    (project,) = result.projects
    assert (project.annual_total, project.annual_fiscal, project.annual_other) == (
        Decimal(150), Decimal(100), Decimal(50))
    assert (project.midterm_goal, project.annual_goal) == ("改善全镇道路条件", "硬化村道5公里")
    assert any("“财政拨款”金额后括号内的说明“(其中:上级财政资金:80万元;本级财政:20万元)”" in t
               for t in texts(result))


def test_other_alone_is_no_funding_label(tmp_path):
    # 其他 names 其他资金 only as an item of a numbered list
    path = write_xlsx(tmp_path / "目标表.xlsx", [
        ["项目绩效目标表"],
        ["项目名称", "村道硬化", "其他", "12"],
        ["主管部门", "某镇", "项目单位", "某镇"],
        ["年度资金总额", "150"],
        ["年度目标", "硬化村道5公里"],
        ["一级指标", "二级指标", "指标内容", "指标值"],
        ["产出指标", "数量指标", "硬化村道长度", "5公里"],
    ])
    (project,) = read_table(path).projects
    assert (project.annual_total, project.annual_other) == (Decimal(150), None)


def test_the_spending_items_period_label_gives_the_project_period(tmp_path):
    # 湖南 (湘潭) form: 项目支出实施期 | 2023.07-2024.01
    path = write_xlsx(tmp_path / "目标表.xlsx", [
        ["2023年项目支出绩效目标申报表"],
        ["项目支出名称", "雾炮车降尘服务", "预算部门", "某市环境卫生管理处"],
        ["项目支出实施期", "2023.07-2024.01"],
        ["本年度绩效目标", "全市空气质量达到优良"],
        ["一级指标", "二级指标", "三级指标", "指标值及单位"],
        ["产出指标", "数量指标", "配备车辆数", "10辆"],
    ])
    (project,) = read_table(path).projects
    assert (project.period_start, project.period_start_month, project.period_end,
            project.period_end_month) == (2023, 7, 2024, 1)
