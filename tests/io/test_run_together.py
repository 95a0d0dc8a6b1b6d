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


# --- a self-evaluation form whose cells run together (corpus e07, e04) ------------------------

# 分值 | 指标值(A) | 全年实际值(B) | 得分计算方法 | 得分 | 未完成原因分析, the numbers of a row glued
SCORED = ("现将某县乡村道路养护项目自评表公示如下:项目支出绩效自评表(2023年度)项目名称乡村道路养护项目"
          "主管部门及代码某县交通运输局123456789012345678实施单位某县公路养护中心"
          "项目资金(万元)年初预算数全年执行数年度资金总额:12.5万元其中:财政拨款12.5万元"
          "年度总体目标完成乡村道路养护120公里。绩效指标一级指标二级指标三级指标分值指标值(A)"
          "全年实际值(B)得分计算方法得分未完成原因分析产出指标(50分)数量指标(必填)"
          "养护乡村道路120公里,覆盖3200人出行3012011528.5质量指标(必填)路面完好率20909520"
          "成本指标(必填)12.5万元1012.512.510资金按进度拨付,部分路段延期"
          "满意度指标(10分)服务对象满意度指标(必填)群众满意\n")


def _read(tmp_path, text):
    path = tmp_path / "自评表.txt"
    path.write_text(text, encoding="utf-8")
    return read_table(path)


def test_a_glued_self_evaluation_is_read_in_the_order_of_its_headings(tmp_path):
    result = _read(tmp_path, SCORED)
    (project,) = result.projects
    assert project.kind == "self_evaluation"
    assert (project.name, project.unit, project.department, project.annual_total,
            project.annual_goal) == ("乡村道路养护项目", "某县公路养护中心", "某县交通运输局",
                                     Decimal("12.5"), "完成乡村道路养护120公里。")
    got = [(i.level1, i.level2, i.name, i.value_display(), i.actual, i.weight, i.score,
            i.shortfall) for i in project.indicators]
    assert got == [
        # 3200人 is a count in the name, not four glued cells; 30|120|115|28.5 fits best; the
        # bare 120 takes the unit the name writes it with
        ("产出指标", "数量指标", "养护乡村道路120公里,覆盖3200人出行", "120公里", "115", Decimal(30),
         Decimal("28.5"), ""),
        ("产出指标", "质量指标", "路面完好率", "90", "95", Decimal(20), Decimal(20), ""),
        # so does the bare 12.5 (万元); the text after the last
        # numbers is the row's 未完成原因
        ("产出指标", "成本指标", "12.5万元", "12.5万元", "12.5", Decimal(10), Decimal(10),
         "资金按进度拨付,部分路段延期"),
        ("满意度指标", "服务对象满意度指标", "群众满意", "", "", None, None, "")]
    told = [str(n.message) for n in result.notices]
    assert any("123456789012345678 是主管部门编码" in m for m in told)
    assert any("预算单位按实施单位记为“某县公路养护中心”" in m for m in told)
    assert any("分值“30”，指标值“120”，实际值“115”，得分“28.5”" in m for m in told)
    assert any("文字在指标“群众满意”中断" in m for m in told)


# 年初目标值(A) | 实际完成值(B) | 得分, a form from a .docx whose wrapped cells show a blank
TARGETS = ("2023年度财政项目绩效自评表单位名称:某市人民医院填报日期:2024年3月1日项目名称门诊楼改造补助"
           "主管部门某市卫生健康委项目实施单位某市人民医院项目类别1、部门预算项目 02、财政专项口"
           "项目属性1、持续性项目口 2、新增性项目口预算执行情况 (万元) (20 分)预算数(A)执行数(B)"
           "执行率(B/A)得分(20分*执行率)年度财政 资金总额50040080%16年度绩效目标(80分)"
           "一级指标二级指标三级指标年初目标值 (A)实际完成值 (B)得分产出 指标数量指标成本控制"
           "不超过预算不超过预算10质量指标改造工程验收合格合格合格10时效改造完成时限2024年底前"
           "2024年底前10成本改造补助500万元400万元8效益 指标社会效益门诊楼改造后,改善就 诊条件"
           "就诊环境改善就诊环\n")


def test_a_glued_self_evaluation_with_the_score_last_is_read_row_by_row(tmp_path):
    result = _read(tmp_path, TARGETS)
    (project,) = result.projects
    # 500 | 400 | 80%: the one split whose 执行数 ÷ 预算数 is the 执行率
    assert (project.name, project.unit, project.department, project.annual_total,
            project.attribute, project.annual_goal) == (
        "门诊楼改造补助", "某市人民医院", "某市卫生健康委", Decimal(500), "", "")
    got = [(i.level1, i.level2, i.name, i.value_display(), i.actual, i.score)
           for i in project.indicators]
    assert got == [
        # 成本 inside a name is no label; 成本 and 时效 after a row's score are
        ("产出指标", "数量指标", "成本控制", "不超过预算", "不超过预算", Decimal(10)),
        ("产出指标", "质量指标", "改造工程验收合格", "合格", "合格", Decimal(10)),
        ("产出指标", "时效指标", "改造完成时限", project.indicators[2].value_display(),
         "2024年底前", Decimal(10)),
        ("产出指标", "成本指标", "改造补助", "500万元", "400万元", Decimal(8)),
        # the text ends inside the actual: the target followed by its own start
        ("效益指标", "社会效益指标", "门诊楼改造后,改善就诊条件", "就诊环境改善", "就诊环", None)]
    assert "2024" in project.indicators[2].value_display()
    told = [str(n.message) for n in result.notices]
    assert any("执行率 80%" in m and "读作 500 万元" in m for m in told)
    assert any("项目属性“1、持续性项目口 2、新增性项目口”是勾选框，按勾选读作“（未勾选）”" in m for m in told)


def test_glued_amounts_that_split_two_ways_leave_the_total_empty_and_say_so(tmp_path):
    # 50 | 11 | 22% and 501 | 12 | 2%: both rates are right
    result = _read(tmp_path, TARGETS.replace("50040080%16", "501122%16"))
    assert result.projects[0].annual_total is None
    assert any("无法唯一拆分" in str(n.message) for n in result.notices)


def test_text_whose_cells_are_separated_by_blanks_is_not_read_as_run_together(tmp_path):
    # a PDF's extracted text keeps its cells apart (and out of order): the glued reading
    # would cut it wrongly, so the file is refused as before
    separated = " ".join(TARGETS.replace(" ", ""))
    with pytest.raises(PerfDeskError) as refused:
        _read(tmp_path, separated)
    assert "没有找到绩效目标表" in str(refused.value)


# --- the goal's own last character (corpus e07: the source runs "…推广项目,绩效指标…") -----------

CUT_GOAL = SCORED.replace("年度总体目标完成乡村道路养护120公里。", "年度总体目标完成乡村道路养护120公里,")


def test_a_goal_cut_before_the_grid_keeps_its_own_last_comma(tmp_path):
    # the text's commas are its own (the file is split into cells on them and joined back):
    # the one ending the cut goal is part of what the table says
    (project,) = _read(tmp_path, CUT_GOAL).projects
    assert project.annual_goal == "完成乡村道路养护120公里,"


def test_the_comma_joining_two_cells_of_a_workbook_is_not_part_of_the_goal(tmp_path):
    from openpyxl import Workbook
    goal_end = CUT_GOAL.index("绩效指标一级指标")
    book = Workbook()
    book.active.append([CUT_GOAL[:goal_end - 1], CUT_GOAL[goal_end:].strip()])  # no comma: two cells
    path = tmp_path / "自评表.xlsx"
    book.save(path)
    (project,) = read_table(path).projects
    assert project.annual_goal == "完成乡村道路养护120公里"


# a 自评表 .docx extracted to one line: every cell separated by a blank (the 安徽 form:
# 年度指标值 | 实际完成值 | 分值 | 得分), codes in front of the offices, the 预期目标 and
# 实际完成情况 side by side with a line of dots between them, a wrapped blank inside the goal
ONE_LINE = ("项目支出绩效自评表 (2023年度) 项目名称 农村公路养护经费 主管部门 305-某县交通运输局 "
            "实施单位 305002-某县公路事业发展中心 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 "
            "执行率 得分 年度资金总额: 80 80 76 10 95% 9.5 其中:本年财政拨款 80 80 76 上年结转资金 "
            "其他资金 年度总体目标 预期目标 实际完成情况 养护农村公路120公里,其中县道 40公里。 "
            ".. ........ 完成养护农村公路118公里。 绩效指标 一级指标 二级指标 三级指标 年度指标值 "
            "实际完成值 分值 得分 偏差原因分析及改进措施 产出指标(50分) 数量指标 养护农村公路里程 "
            "≥120公里 118 20 19 质量指标 路面优良路率 ≥80% 82% 15 15 时效指标 养护任务完成时间 "
            "2023年12月底前 2023年11月 15 15 效益指标(30分) 社会效益指标 群众出行条件 改善 达成预期指标 "
            "30 30 满意度指标(10分) 服务对象满意度指标 沿线群众满\n")


def test_a_self_evaluation_on_one_line_with_blanks_between_its_cells_is_read_cell_by_cell(tmp_path):
    result = _read(tmp_path, ONE_LINE)
    (project,) = result.projects
    assert project.kind == "self_evaluation"
    assert (project.name, project.unit, project.unit_code, project.department,
            project.annual_total, project.annual_goal) == (
        "农村公路养护经费", "某县公路事业发展中心", "305002", "某县交通运输局", Decimal(80),
        "养护农村公路120公里,其中县道 40公里。")
    got = [(i.level1, i.level2, i.name, i.value_display(), i.actual, i.weight, i.score)
           for i in project.indicators]
    assert got == [
        ("产出指标", "数量指标", "养护农村公路里程", "≥120公里", "118", Decimal(20), Decimal(19)),
        ("产出指标", "质量指标", "路面优良路率", "≥80%", "82%", Decimal(15), Decimal(15)),
        ("产出指标", "时效指标", "养护任务完成时间", project.indicators[2].value_display(),
         "2023年11月", Decimal(15), Decimal(15)),
        ("效益指标", "社会效益指标", "群众出行条件", "改善", "达成预期指标", Decimal(30), Decimal(30)),
        # the text ends inside the last row: its name as far as it goes, said
        ("满意度指标", "服务对象满意度指标", "沿线群众满", "", "", None, None)]
    assert "2023年12月底前" in project.indicators[2].value_display()
    told = [str(n.message) for n in result.notices]
    assert any("整张表在一行中，各单元格以空格分隔" in m for m in told)
    # the 实际完成情况 beside the 预期目标, and the funding rows by their column headings
    assert project.goal_actual == "完成养护农村公路118公里。"
    assert any("实际完成情况读作“完成养护农村公路118公里。" in m for m in told)
    assert (project.initial_total, project.executed_total, project.funds_weight,
            project.funds_score) == (Decimal(80), Decimal(76), Decimal(10), Decimal("9.5"))
    assert (project.initial_fiscal, project.annual_fiscal, project.executed_fiscal) == (
        Decimal(80), Decimal(80), Decimal(76))
    assert project.execution_rate == Decimal("95.00")
    assert any("分值“20”，指标值“≥120公里”，实际值“118”，得分“19”" in m for m in told)
    assert any("文字在指标“沿线群众满”中断" in m for m in told)


# a notice republished on a news site, the table glued after it: the notice's words
# (落实到具体项目单位) are no labels of the form; the form names only its 主管部门(单位)名称, one
# 资金总额 and one 总体目标
NOTICE_THEN_FORM = ("各镇财政所:现下达2024年县级河道保洁专项资金12万元,请尽快落实到具体项目单位,"
                    "严格按照有关规定使用。附件:2024年县级河道保洁专项资金绩效目标表某县水利局2024年3月1日"
                    "附件2024年县级河道保洁专项资金绩效目标表项目名称县级河道保洁专项资金"
                    "主管部门(单位)名称某县水利局资金情况(万元)资金总额12其中:财政拨款12其他资金0"
                    "总体目标完成县级河道保洁80公里,绩效指标一级指标二级指标三级指标指标值"
                    "数量指标河道保洁里程反映保洁范围≥80公里质量指标河道保洁验收合格率反映保洁质量≥95%\n")


def test_a_form_after_its_notice_is_read_from_its_title_with_its_one_goal_and_total(tmp_path):
    result = _read(tmp_path, NOTICE_THEN_FORM)
    (project,) = result.projects
    assert (project.name, project.department, project.unit, project.annual_total,
            project.annual_goal) == ("县级河道保洁专项资金", "某县水利局", "某县水利局", Decimal(12),
                                     "完成县级河道保洁80公里")
    got = [(i.level1, i.level2, i.name, i.value_display()) for i in project.indicators]
    assert got == [("产出指标", "数量指标", "河道保洁里程", "≥80公里"),
                   ("产出指标", "质量指标", "河道保洁验收合格率", "≥95%")]
    told = [str(n.message) for n in result.notices]
    assert any("表格标题“绩效目标表”之前的文字" in m and "未读取" in m for m in told)
    assert any("只有“总体目标”" in m for m in told)
    assert any("只有“资金总额”一个总额" in m for m in told)
    assert any("预算单位记为主管部门“某县水利局”" in m for m in told)


# a county's 专项资金 table: after 指标解释 and 指标方向, one value column per place (属地)
PER_PLACE = ("某县2024年农村公路养护专项资金绩效目标表项目名称农村公路养护专项资金"
             "主管部门(单位)名称某县交通运输局资金情况(万元)资金总额50其中:财政拨款50其他资金0"
             "总体目标完成三个乡镇农村公路养护。绩效指标一级指标二级指标三级指标指标解释指标方向"
             "城关镇青山乡白水村产出指标数量指标养护公路里程(公里)反映养护规模≥125"
             "质量指标养护合格率(%)反映养护质量≥95%95%95%时效指标完成时间反映进度≤30天30天20天"
             "效益指标社会效益指标群众出行是否便利反映出行条件是/否是是否\n")


def _per_place(tmp_path, text):
    result = _read(tmp_path, text)
    (project,) = result.projects
    return project, [str(n.message) for n in result.notices]


def test_values_per_place_that_agree_are_read_once_and_counts_add_up(tmp_path):
    project, told = _per_place(tmp_path, PER_PLACE)
    assert (project.name, project.unit, project.annual_total) == (
        "农村公路养护专项资金", "某县交通运输局", Decimal(50))
    got = [(i.level1, i.level2, i.name, i.explanation, i.value_display())
           for i in project.indicators]
    assert got[:2] == [
        ("产出指标", "数量指标", "养护公路里程(公里)", "反映养护规模", "≥8公里"),  # 1 + 2 + 5
        ("产出指标", "质量指标", "养护合格率(%)", "反映养护质量", "≥95%")]
    assert any("城关镇、青山乡、白水村，共 3 列" in m for m in told)
    assert any("养护公路里程(公里)”按属地分列（城关镇 1、青山乡 2、白水村 5），以“公里”计可以相加，"
               "已合计为 ≥8公里" in m for m in told)
    assert any("养护合格率(%)”按属地分列（城关镇 95%、青山乡 95%、白水村 95%），各属地相同" in m
               for m in told)


def test_values_per_place_that_differ_and_do_not_add_up_leave_the_target_empty_and_say_so(tmp_path):
    project, told = _per_place(tmp_path, PER_PLACE)
    by_name = {i.name: i for i in project.indicators}
    days, answer = by_name["完成时间"], by_name["群众出行是否便利"]
    assert (days.level2, days.target, days.value_display()) == ("时效指标", None, "")
    assert (answer.level1, answer.level2, answer.value_display(), answer.comparator) == (
        "效益指标", "社会效益指标", "", "")
    assert any("完成时间”按属地分列（城关镇 30天、青山乡 30天、白水村 20天），各属地不同且不能相加，"
               "指标值留空" in m for m in told)
    assert any("群众出行是否便利”按属地分列（城关镇 是、青山乡 是、白水村 否），各属地不同" in m
               for m in told)
    assert any("指标方向“是/否”表示以是或否作答" in m for m in told)


def test_glued_digits_that_split_more_than_one_way_are_not_guessed(tmp_path):
    text = PER_PLACE.replace("城关镇青山乡白水村", "城关镇青山乡").replace("≥125", "≥1010") \
        .replace("95%95%95%", "95%95%").replace("30天30天20天", "30天30天").replace("是是否", "是是")
    project, told = _per_place(tmp_path, text)
    by_name = {i.name: i for i in project.indicators}
    # 1010 is 10 | 10 or 101 | 0: neither is taken
    assert by_name["养护公路里程(公里)"].target is None
    assert any("养护公路里程(公里)”各属地（城关镇、青山乡）的指标值连在一起，可以不止一种方式拆开" in m
               for m in told)
    assert by_name["完成时间"].value_display() == "≤30天"  # the same in both: read once
    assert by_name["群众出行是否便利"].value_display() == "是"


def test_a_row_the_text_ends_inside_is_named_not_imported(tmp_path):
    project, told = _per_place(tmp_path, PER_PLACE.replace("群众出行是否便利反映出行条件是/否是是否",
                                                           "群众出行"))
    assert [i.name for i in project.indicators] == ["养护公路里程(公里)", "养护合格率(%)", "完成时间"]
    assert any("文字在“群众出行”中断（原表不完整）：这一行（效益指标/社会效益指标）没有指标方向和各属地的"
               "指标值，未导入" in m for m in told)


def test_a_name_and_its_explanation_without_fanying_are_cut_at_their_repeated_ending(tmp_path):
    text = PER_PLACE.replace("群众出行是否便利反映出行条件", "道路是否存在安全隐患当年养护路段是否在巡查中发现安全隐患")
    project, told = _per_place(tmp_path, text)
    last = project.indicators[-1]
    assert (last.name, last.explanation) == ("道路是否存在安全隐患", "当年养护路段是否在巡查中发现安全隐患")
    assert any("没有“反映”，按重复的结尾切分为名称“道路是否存在安全隐患”" in m for m in told)


def test_glued_headings_followed_by_something_other_than_places_are_read_as_before(tmp_path):
    """Only place names (镇, 乡, 村, 街道办 …) after 指标方向 make the per-place reading."""
    text = PER_PLACE.replace("城关镇青山乡白水村", "")
    project, told = _per_place(tmp_path, text)
    assert not any("按属地分列" in m for m in told)


def test_glued_text_pairing_a_submitting_unit_with_an_implementing_one_reads_the_department(
        tmp_path):
    # 申报单位 | 具体实施单位 with no 主管部门: the same reading as the detailed form's
    text = GLUED.replace("项目类别本级支出项目", "申报单位某区机关事务局具体实施单位某区机关食堂项目类别本级支出项目")
    result = _read(tmp_path, text)
    (project,) = result.projects
    assert (project.department, project.unit) == ("某区机关事务局", "某区机关食堂")
    assert any("“某区机关事务局”记为主管部门" in n.text() for n in result.notices)
    alone = GLUED.replace("项目类别本级支出项目", "申报单位某区机关事务局项目类别本级支出项目")
    (project,) = _read(tmp_path, alone).projects
    assert (project.department, project.unit) == ("", "某区机关事务局")


def test_a_one_line_funding_row_whose_numbers_do_not_fit_its_columns_is_not_read(tmp_path):
    """The 其中 row gives two numbers for three amount columns (an empty cell the text dropped):
    no guess which is which, a notice; the 年度资金总额 row, complete, is read by its columns."""
    text = ONE_LINE.replace("其中:本年财政拨款 80 80 76 上年结转资金", "其中:本年财政拨款 80 76 上年结转资金")
    result = _read(tmp_path, text)
    (project,) = result.projects
    assert (project.annual_total, project.executed_total, project.funds_score) == (
        Decimal(80), Decimal(76), Decimal("9.5"))
    assert (project.initial_fiscal, project.annual_fiscal, project.executed_fiscal) == (
        None, None, None)
    told = [str(n.message) for n in result.notices]
    assert any("“80 76”与列标题（3 列）数目不符" in m for m in told)
