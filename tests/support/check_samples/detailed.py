"""Realistic detailed-layout tables (项目支出绩效目标申报表), one project each, as a reviewer at the
主管部门 would see them, with the problems such a reviewer sends back planted among rows that
are fine.

They follow the shape of tables published by district governments (a training programme, an
IT system's maintenance, a village road, an old-age allowance, a rural water-supply project
under 财预〔2021〕101号): the header block (项目属性, 项目期, funds in 万元 with the 中期 figures,
中长期目标 and 年度目标) and the indicator grid with 指标性质, 计算符号, 指标值, 计量单位,
指标值设定依据 and 指标解释. ``EXPECTED`` lists, per project, exactly what the checker must
report: (rule, indicator name or None for the header, field).
"""

from __future__ import annotations

from decimal import Decimal

from perfdesk.core.model import Indicator, Project
from perfdesk.core.values import parse

D = Decimal


def row(level1: str, level2: str, name: str, value: str, *, basis: str = "计划标准",
        explanation: str = "", nature: str | None = None) -> Indicator:
    """An indicator row as typed into the grid (the 指标值 read with the value grammar)."""
    fields = Indicator.fields_for_value(parse(value).value, written=value)
    if nature is not None:
        fields["nature"] = nature
    return Indicator(level1=level1, level2=level2, name=name, basis=basis,
                     explanation=explanation, **fields)


def teacher_training() -> Project:
    """A continuing training programme of a district education bureau."""
    return Project(
        name="2025年中小学教师全员培训项目", code="440112250001", department="广州市黄埔区教育局",
        unit="广州市黄埔区教师发展中心", attribute="延续项目", period_start=2023, period_end=2025,
        annual_total=D("120.00"), annual_fiscal=D("120.00"), annual_other=D("0.00"),
        midterm_total=D("360.00"), midterm_fiscal=D("360.00"), midterm_other=D("0.00"),
        midterm_goal="2023—2025年完成全区中小学教师每人每年不少于72学时的全员培训，建设骨干教师"
                     "梯队，教师专业能力整体提升。",
        annual_goal="2025年举办教师培训班不少于20期、培训3000人次，培训合格率达到95%以上，"
                    "参训教师满意度达到90%以上。",
        indicators=[
            row("产出指标", "数量指标", "培训人次", "≥3000人次", explanation="按签到记录统计"),
            row("产出指标", "数量指标", "举办培训班期数", "≥20期"),
            row("产出指标", "质量指标", "培训合格率", "≥95%",
                explanation="考核合格人数/参训人数×100%"),
            row("产出指标", "质量指标", "培训经费到位率", "100%", basis="历史标准"),
            row("产出指标", "时效指标", "培训完成时间", "12月底前"),
            row("产出指标", "成本指标", "人均培训成本", "≤400元/人", basis="预算支出标准"),
            row("效益指标", "社会效益指标", "参训教师教学能力提升率", "≥90%", basis=""),
            row("效益指标", "可持续影响指标", "培训成果转化应用", "持续提升"),
            row("满意度指标", "服务对象满意度指标", "参训教师满意度", "90%",
                explanation="年末问卷调查"),
        ])


def system_maintenance() -> Project:
    """The yearly maintenance of a government service platform."""
    return Project(
        name="政务服务一体化平台运维项目", department="广州市黄埔区政务服务数据管理局",
        unit="广州市黄埔区政务服务中心", attribute="延续项目", period_start=2025,
        period_end=2025, annual_total=D("85.60"), annual_fiscal=D("80.00"),
        annual_other=D("5.00"),
        annual_goal="保障12个政务服务系统全年稳定运行，系统正常运行率不低于99.5%，故障2小时内响应，"
                    "提升群众和企业网上办事体验。",
        indicators=[
            row("产出指标", "数量指标", "运维系统数量", "＝12个"),
            row("产出指标", "质量指标", "系统正常运行率", "≥99.5%",
                explanation="正常运行时长/总时长×100%"),
            row("产出指标", "质量指标", "故障响应时间", "≤2小时", basis="行业标准"),
            row("产出指标", "时效指标", "故障修复及时率", "及时"),
            row("产出指标", "成本指标", "运维服务费", "≤90万元", basis="预算支出标准"),
            row("效益指标", "社会效益指标", "政务服务事项网上可办率", "≥105%"),
            row("项目效益指标", "可持续影响指标", "平台持续使用年限", "≥5年"),
            row("满意度指标", "服务对象满意度指标", "办事群众满意度", "≥90%"),
        ])


def village_road() -> Project:
    """A two-year village road project of a district highway office."""
    goal = ("完成12.5公里村道硬化，工程验收合格率100%，沿线8000名群众出行条件明显改善。")
    return Project(
        name="2025—2026年农村公路（村道）硬化工程", department="广州市黄埔区交通运输局",
        unit="广州市黄埔区公路事务中心", attribute="新增项目", period_start=2025,
        period_end=2026, annual_total=D("300.00"), annual_fiscal=D("300.00"),
        annual_other=D("0.00"), midterm_total=D("520.00"), midterm_fiscal=D("500.00"),
        midterm_other=D("20.00"), midterm_goal=goal, annual_goal=goal,
        indicators=[
            row("产出指标", "数量指标", "新建硬化村道里程", "≥12.5公里"),
            row("产出指标", "质量指标", "工程验收合格率", "＝100%", basis="行业标准"),
            row("产出指标", "时效指标", "工程完工时间", "2026年6月底前"),
            row("产出指标", "成本指标", "每公里建设成本", "≤24万元/公里", basis="预算支出标准"),
            row("效益指标", "经济效益指标", "沿线农产品运输成本降低率", "≥10%"),
            row("效益指标", "社会效益指标", "受益群众人数", "≥8000人"),
            row("效益指标", "环境效益指标", "施工期扬尘投诉", "≤3次"),
            row("效益指标", "可持续影响指标", "道路设计使用年限", "≥**年"),
            row("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥60%"),
        ])


def old_age_allowance() -> Project:
    """A subsidy paid monthly to residents over 80."""
    return Project(
        name="高龄老人津贴发放", department="广州市黄埔区民政局", unit="广州市黄埔区社会福利中心",
        attribute="延续", period_start=2025, period_end=2025, annual_total=D("1250.40"),
        annual_fiscal=D("1250.40"), annual_other=D("0"),
        annual_goal="按月足额向全区约12000名80周岁以上户籍老人发放高龄津贴，发放准确率不低于98%。",
        indicators=[
            row("产出指标", "数量指标", "发放津贴人数", "≥12000人"),
            row("产出指标", "数量指标", "发放津贴 人数", "≥12000人"),
            row("产出指标", "质量指标", "发放准确率100%", "≥98%"),
            row("产出指标", "时效指标", "津贴发放时间", "按月安排"),
            row("产出指标", "成本指标", "人均津贴标准", "≤1200元/人", basis="预算支出标准"),
            row("效益指标", "社会效益指标", "高龄老人津贴覆盖率", "应保尽保"),
            row("满意度指标", "服务对象满意度指标", "老人及家属满意度", "满意"),
        ])


def rural_water_101() -> Project:
    """A rural water-supply project filed under 财预〔2021〕101号 (成本指标 as level 1)."""
    return Project(
        name="农村供水工程维修养护", department="广州市黄埔区水务局", unit="广州市黄埔区水务工程建设管理中心",
        attribute="延续项目", period_start=2025, period_end=2025, annual_total=D("46.00"),
        annual_fiscal=D("46.00"), annual_other=D("0.00"),
        annual_goal="完成18处农村集中供水工程维修养护，供水保证率不低于95%，受益人口3.2万人。",
        indicators=[
            row("产出指标", "数量指标", "维修养护供水工程数量", "≥18处"),
            row("产出指标", "质量指标", "维修工程验收合格率", "≥95%"),
            row("产出指标", "时效指标", "维修养护完成时间", "2025年11月底前"),
            row("产出指标", "成本指标", "单处工程维修成本", "≤2.5万元"),
            row("成本指标", "经济成本指标", "维修养护总成本", "≤46万元", basis="预算支出标准"),
            row("效益指标", "社会效益指标", "受益人口", "≥3.2万人"),
            row("效益指标", "可持续影响指标", "工程运行管护机制", "达成", nature="定性",
                explanation="管护制度、人员、经费三落实为达成"),
            row("效益指标", "社会效益指标", "供水保证率", "≥95%", nature="定性"),
            row("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"),
        ])


PROFILES = {"农村供水工程维修养护": "101"}

# Exactly what a reviewer would flag, and nothing else.
EXPECTED: dict[str, set[tuple[str, str | None, str]]] = {
    "2025年中小学教师全员培训项目": {
        ("IN-01", "培训经费到位率", "name"),  # an input posing as an output
        ("STD-01", "参训教师教学能力提升率", "basis"),
        ("VAL-07", "培训成果转化应用", "value"),  # 持续提升
        ("SAT-02", "参训教师满意度", "value"),  # 90% without ≥ (with its fix)
    },
    "政务服务一体化平台运维项目": {
        ("FUND-01", None, "annual_total"),  # 85.60 ≠ 80.00 + 5.00
        ("VAL-07", "故障修复及时率", "value"),  # 及时
        ("TIME-01", "故障修复及时率", "value"),
        ("COST-02", "运维服务费", "value"),  # 90万元 > 85.60万元
        ("VAL-06", "政务服务事项网上可办率", "value"),  # 105%
        ("CAT-03", "平台持续使用年限", "level1"),  # 项目效益指标 → 效益指标
    },
    "2025—2026年农村公路（村道）硬化工程": {
        ("GOAL-02", None, "midterm_goal"),  # mid-term goal copied from the annual goal
        ("CAT-03", "施工期扬尘投诉", "level2"),  # 环境效益指标 → 生态效益指标
        ("ROW-03", "道路设计使用年限", "value"),  # ≥**年 left from the template
        ("SAT-03", "沿线群众满意度", "value"),  # 60% is low
    },
    "高龄老人津贴发放": {
        ("HDR-03", None, "attribute"),  # 延续 → 延续项目 (a hint with its fix)
        ("ROW-02", "发放津贴 人数", "name"),
        ("VAL-09", "发放准确率100%", "name"),  # name says 100%, value ≥98%
        ("VAL-07", "津贴发放时间", "value"),  # 按月安排
        ("TIME-01", "津贴发放时间", "value"),
        ("VAL-07", "高龄老人津贴覆盖率", "value"),  # 应保尽保
        ("SAT-01", "老人及家属满意度", "value"),  # 满意
    },
    "农村供水工程维修养护": {
        ("CAT-04", "单处工程维修成本", "level2"),  # 成本指标 is level 1 under 101
        ("VAL-10", "供水保证率", "value"),  # 定性 with ≥95% (fix: make it 定量)
    },
}


def detailed_projects() -> list[Project]:
    return [teacher_training(), system_maintenance(), village_road(), old_age_allowance(),
            rural_water_101()]


# --- the same tables as a clerk's .xlsx -----------------------------------------------------

GRID = ("一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值", "计量单位",
        "指标值设定依据", "指标解释")


def write_detailed_form(project: Project, path, *, year: int = 2025):
    """``project`` as a hand-filled 项目支出绩效目标申报表 (the national layout: title, header
    block of label/value pairs, funds in two columns, goals, the indicator grid with level 1
    and level 2 merged down, footer) — no PerfDesk data embedded, as a clerk's file would be."""
    from openpyxl import Workbook

    def money(value):
        return None if value is None else float(str(value))  # as Excel stores a typed number

    wb = Workbook()
    ws = wb.active
    ws.title = "项目1"
    p = project
    period = (f"{p.period_start}年-{p.period_end}年" if p.period_start and p.period_end
              else "")
    ws.append([f"{year}年项目支出绩效目标申报表"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位（盖章）：", None, p.unit, None, None, None, None, "单位：万元"])
    ws.append(["项目名称", None, p.name])
    ws.merge_cells("A3:B3")
    ws.merge_cells("C3:I3")
    ws.append(["主管部门", None, p.department, None, None, "实施单位", None, p.unit])
    ws.append(["项目属性", None, p.attribute, None, None, "项目期", None, period])
    ws.append(["项目资金（万元）", None, "中期资金总额", None, money(p.midterm_total),
               "年度资金总额", None, money(p.annual_total)])
    ws.append([None, None, "其中：财政拨款", None, money(p.midterm_fiscal), "其中：财政拨款",
               None, money(p.annual_fiscal)])
    ws.append([None, None, "其他资金", None, money(p.midterm_other), "其他资金", None,
               money(p.annual_other)])
    for row in (4, 5):
        ws.merge_cells(f"A{row}:B{row}")
        ws.merge_cells(f"C{row}:E{row}")
        ws.merge_cells(f"F{row}:G{row}")
        ws.merge_cells(f"H{row}:I{row}")
    ws.merge_cells("A6:B8")
    for row in (6, 7, 8):
        ws.merge_cells(f"C{row}:D{row}")
        ws.merge_cells(f"F{row}:G{row}")
        ws.merge_cells(f"H{row}:I{row}")
    ws.append(["总体目标", None, "中长期目标", None, None, "年度目标"])
    ws.append([None, None, p.midterm_goal, None, None, p.annual_goal])
    ws.merge_cells("A9:B10")
    ws.merge_cells("C9:E9")
    ws.merge_cells("F9:I9")
    ws.merge_cells("C10:E10")
    ws.merge_cells("F10:I10")
    ws.append(list(GRID))
    first = ws.max_row + 1
    for ind in p.indicators:
        if ind.target is not None and not ind.value_text:
            comparator, value, unit = ind.comparator, float(str(ind.target)), ind.unit
        else:
            comparator, value, unit = "", ind.value_display(), ""
        ws.append([ind.level1, ind.level2, ind.name, ind.nature, comparator, value, unit,
                   ind.basis, ind.explanation])
    last = ws.max_row
    for column in ("A", "B"):  # categories merged down over their rows, as on the form
        start = first
        for row in range(first + 1, last + 2):
            if row > last or ws[f"{column}{row}"].value != ws[f"{column}{start}"].value:
                if row - 1 > start:
                    for r in range(start + 1, row):
                        ws[f"{column}{r}"].value = None
                    ws.merge_cells(f"{column}{start}:{column}{row - 1}")
                start = row
    ws.append(["填报人", None, "李明", "联系电话", None, "020-82112345", "填报日期", None,
               f"{year - 1}-10-15"])
    wb.save(path)
    return path
