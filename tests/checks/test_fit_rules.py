"""Whether the parts of a project fit each other (issue 12, tests/corpus/reviewer_rules.md):
each rule fires on the examples that file gives as "must fire" (several as published) and stays
silent on its "must not fire" ones."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.checks.test_real_tables import COST, EFFECT, OUTPUT, SATISFIED, form
from tests.support.check_samples.builders import check

from perfdesk.checks import Severity
from perfdesk.core.model import SELF_EVALUATION, Project


def rules_on(project: Project, name: str) -> set[str]:
    uuid = next(i.uuid for i in project.indicators if i.name == name)
    return {f.rule for f in check(project) if f.indicator_uuid == uuid}


def with_row(row: tuple, **header) -> Project:
    return form(OUTPUT, EFFECT, SATISFIED, COST, row, **header)


def header_rules(project: Project) -> list:
    return [f for f in check(project) if f.indicator_uuid is None]


# --- UNIT-01 --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, value, unit", [
    ("人均培训成本", "500", "个"), ("按时发放", "1", "人/年"), ("培训合格率", "95", "人"),
    ("道路保洁面积", "50", "个"), ("工程验收合格率", "100", "元"),
    # a fee counted in 个; people in 户; the name's own count (230人) in another unit
    ("小区物业费", "8", "个"), ("受益脱贫人口数", "10", "户"), ("聘用保洁员12人", "12", "个")])
def test_unit01_a_unit_that_cannot_measure_the_name(name, value, unit):
    project = with_row(("产出指标", "质量指标", name, "≥", value, unit))
    found = [f for f in check(project) if f.rule == "UNIT-01"]
    assert found and found[0].field == "unit" and found[0].severity is Severity.WARNING


@pytest.mark.parametrize("name, value, unit", [
    ("月人均补助标准", "1500", "元/人·月"), ("清扫保洁道路面积", "1346.0088", "万平方米"),
    ("享受补助人数", "2100", "人"), ("主体班培训人次", "280", "人次"), ("满意度测评得分", "90", "分"),
    ("系统巡检次数", "12", "次"), ("人工成本", "620", "万/月"), ("受益农户数", "120", "户"),
    ("小区物业费", "36", "万元"), ("带动消费", "100", "万元"), ("聘用保洁员12人", "12", "人"),
    ("粉碎拌合机11kw", "1", "台"), ("2025年培训场次", "10", "场"), ("受益脱贫户数量", "10", "户")])
def test_unit01_silent_where_the_unit_fits(name, value, unit):
    assert "UNIT-01" not in rules_on(with_row(("产出指标", "数量指标", name, "≥", value, unit)), name)


@pytest.mark.parametrize("name, value, unit, fires", [
    ("硬化水泥路补助标准", "120", "万元", True), ("设备采购单价", "3", "万元", True),
    ("流转土地补助标准", "475", "元/亩", False), ("人均津贴标准", "1200", "元", False),
    ("每公里补助标准", "24", "万元", False), ("运维服务费", "90", "万元", False),
    ("单位面积建设标准", "2000", "元", False)])
def test_unit01_a_standard_per_something_says_per_what(name, value, unit, fires):
    """补助标准 ≤120万元: per km or in all? (corpus a10)"""
    project = with_row(("产出指标", "成本指标", name, "≤", value, unit))
    found = [f for f in check(project) if f.rule == "UNIT-01"]
    assert bool(found) is fires
    if fires:
        assert found[0].field == "unit" and f"“{unit}/公里”" in found[0].message.zh


# --- FIT-01 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("row, severity", [
    (("效益指标", "生态效益指标", "对控制基建项目成本影响程度", "", "效果明显", ""), Severity.WARNING),
    (("产出指标", "质量指标", "项目总成本", "≤", "90", "万元"), Severity.WARNING),
    (("产出指标", "质量指标", "疾病治愈率", "≥", "90", "%"), Severity.HINT),
    (("产出指标", "时效指标", "培训人次", "≥", "280", "人次"), Severity.HINT),
    (("效益指标", "经济效益指标", "安全率", "＝", "100", "%"), Severity.HINT),
    # b02 (廊坊), as published: the rate's % left out
    (("效益指标", "经济效益指标", "安全率", "", "100", ""), Severity.HINT)])
def test_fit01_content_under_the_wrong_level2(row, severity):
    found = [f for f in check(with_row(row)) if f.rule == "FIT-01"]
    assert [f.severity for f in found] == [severity]
    assert found[0].field == "level2"


@pytest.mark.parametrize("row", [
    ("产出指标", "质量指标", "设备故障率", "≤", "2", "%"),
    ("产出指标", "质量指标", "质量合格率", "＝", "100", "%"),
    ("产出指标", "时效指标", "补助按时发放率", "＝", "100", "%"),
    ("效益指标", "社会公众或服务对象满意度指标", "市民满意度", "≥", "90", "%"),
    ("效益指标", "社会效益指标", "参训人员培训后业务测试合格率", "≥", "90", "%"),
    ("效益指标", "经济效益指标", "乡村旅游带动增加贫困村收入", "≥", "6", "万元")])
def test_fit01_silent_where_the_content_fits(row):
    assert "FIT-01" not in rules_on(with_row(row), row[2])


def test_fit01_an_effect_under_satisfaction_is_moved_not_given_a_percentage():
    """d04 (second review): 因粮食市场波动引起的粮食安全事件发生数 0起 under 服务对象满意度指标 is a
    social effect; “写成≥90%” (SAT-01) would be the wrong advice."""
    name = "因粮食市场波动引起的粮食安全事件发生数"
    project = form(OUTPUT, EFFECT, ("满意度指标", "服务对象满意度指标", name, "＝", "0", "起"), COST)
    found = {f.rule: f for f in check(project) if f.indicator_uuid == project.indicators[2].uuid}
    assert found["FIT-01"].severity is Severity.WARNING and "效益指标" in found["FIT-01"].message.zh
    assert not set(found) & {"SAT-01", "SAT-02", "SAT-03"}


@pytest.mark.parametrize("name", ["服务对象满意度", "群众对项目实施的认可度", "有效投诉次数",
                                  "来访群众安全感", "受益群众获得感"])
def test_fit01_silent_on_opinions_under_satisfaction(name):
    project = form(OUTPUT, EFFECT, ("满意度指标", "服务对象满意度指标", name, "≥", "90", "%"), COST)
    assert "FIT-01" not in {f.rule for f in check(project)}


def test_fit01_a_contract_done_is_an_output_not_an_effect():
    """e03 (second review): 与委托运营方合同完成率 under 社会效益指标."""
    wrong = form(OUTPUT, ("效益指标", "社会效益指标", "与委托运营方合同完成率", "＝", "100", "%"),
                 SATISFIED, COST)
    assert [f.field for f in check(wrong) if f.rule == "FIT-01"] == ["level2"]
    for row in (("产出指标", "质量指标", "合同履约完成率", "＝", "100", "%"),
                ("效益指标", "社会效益指标", "体育中心年健身人次增长率", "≥", "5", "%")):
        assert "FIT-01" not in {f.rule for f in check(form(OUTPUT, row, SATISFIED, COST))}


# --- FIT-02 ---------------------------------------------------------------------------------

ROAD_COST = ("产出指标", "成本指标", "每公里改造成本", "≤", "50", "万元/公里")

def test_fit02_an_indicator_of_another_kind_of_project_is_a_hint():
    project = form(("产出指标", "数量指标", "道路硬化里程", "≥", "10", "公里"), EFFECT,
                   ("效益指标", "社会效益指标", "参训学员结业率", "≥", "90", "%"), SATISFIED, ROAD_COST,
                   name="道路白改黑工程", annual_goal="完成道路白改黑10公里")
    found = [f for f in check(project) if f.rule == "FIT-02"]
    assert [f.severity for f in found] == [Severity.HINT]


def test_fit02_silent_on_universal_and_related_indicators():
    project = form(("产出指标", "数量指标", "道路硬化里程", "≥", "10", "公里"),
                   ("产出指标", "质量指标", "工程验收合格率", "＝", "100", "%"),
                   ("满意度指标", "服务对象满意度指标", "项目区群众满意度", "≥", "95", "%"), ROAD_COST,
                   name="道路白改黑工程", annual_goal="完成道路白改黑10公里")
    assert not [f for f in check(project) if f.rule == "FIT-02"]


WATER_COST = ("产出指标", "成本指标", "工程总成本", "≤", "500", "万元")


@pytest.mark.parametrize("name, unit", [("新建堤防、护岸长度", "公里"), ("灌区节水改造面积", "万亩"),
                                        ("中小河流治理河道长度", "公里")])
def test_fit02_a_water_works_row_of_another_kind_copied_from_the_reference_table(name, unit):
    """A rural drinking-water project keeping the flood-control and irrigation rows of the
    水利发展资金 reference table (e02, second review)."""
    project = form(("产出指标", "数量指标", "农村饮水工程覆盖服务人口数", "≥", "9200", "人"),
                   ("产出指标", "数量指标", name, "≥", "3", unit), EFFECT, SATISFIED, WATER_COST,
                   name="农村饮水安全巩固提升工程", annual_goal="改善提升9200人饮水条件")
    found = [f for f in check(project) if f.rule == "FIT-02"]
    assert len(found) == 1 and found[0].severity is Severity.HINT
    assert name in found[0].message.zh


def test_fit02_silent_on_the_water_works_of_the_project_own_kind():
    farmland = form(("产出指标", "数量指标", "建成高标准农田面积", "≥", "1.2", "万亩"),
                    ("产出指标", "数量指标", "新增和改善灌溉达标面积", "≥", "0.8", "万亩"),
                    ("效益指标", "经济效益指标", "项目区亩均粮食增产", "≥", "50", "公斤"),
                    SATISFIED, WATER_COST, name="2026年高标准农田建设项目",
                    annual_goal="建成高标准农田1.2万亩")
    assert not [f for f in check(farmland) if f.rule == "FIT-02"]
    water = form(("产出指标", "数量指标", "新建供水管网长度", "≥", "12", "公里"),
                 ("效益指标", "社会效益指标", "农村集中供水率", "≥", "90", "%"), SATISFIED,
                 WATER_COST, name="农村饮水安全巩固提升工程", annual_goal="改善提升9200人饮水条件")
    assert not [f for f in check(water) if f.rule == "FIT-02"]


# --- WGT-01 ---------------------------------------------------------------------------------

def weighted(weights, kind: str = "", level1_source: str = "") -> Project:
    project = form(OUTPUT, EFFECT, SATISFIED, COST, kind=kind)
    for ind, w in zip(project.indicators, weights):
        ind.weight = None if w is None else Decimal(w)
        if level1_source and ind.level1 == "产出指标":
            ind.level1_source = level1_source
    return project


@pytest.mark.parametrize("weights, variant_words", [
    (("20", "20", "20", "20"), "合计为80"), (("30", "30", "20", None), "没有填")])
def test_wgt01_weights_that_do_not_add_up(weights, variant_words):
    found = [f for f in header_rules(weighted(weights)) if f.rule == "WGT-01"]
    assert len(found) == 1 and variant_words in found[0].message.zh


def test_wgt01_a_level1_score_its_rows_do_not_reach():
    found = [f for f in header_rules(weighted(("8", "30", "10", "8"),
                                              level1_source="产出指标(50分)"))
             if f.rule == "WGT-01"]
    assert found and "产出指标(50分)" in found[0].message.zh


@pytest.mark.parametrize("weights, kind", [
    ((None, None, None, None), ""), (("30", "30", "20", "20"), ""),
    (("30", "30", "10", "20"), SELF_EVALUATION),  # 90 + the 执行率's 10 scored apart
    (("40", "30", "10", "10"), "")])  # a target table weighted to 90 (乌海: 权重分值90分)
def test_wgt01_silent_without_weights_or_when_they_add_up(weights, kind):
    assert not [f for f in header_rules(weighted(weights, kind)) if f.rule == "WGT-01"]


def test_wgt01_a_target_table_with_its_execution_rate_among_the_rows_adds_up_to_100():
    """90 is the indicators' share only where the 预算执行率's 10 is scored apart: weighted as
    one of the rows (a03-like 90 total with the 执行率 inside it), the whole falls short."""
    project = form(OUTPUT, EFFECT, SATISFIED, COST,
                   ("产出指标", "时效指标", "预算执行率", "≥", "90", "%"))
    for ind, w in zip(project.indicators, ("30", "30", "10", "10", "10")):
        ind.weight = Decimal(w)
    found = [f for f in header_rules(project) if f.rule == "WGT-01"]
    assert len(found) == 1 and "合计为90" in found[0].message.zh


def test_wgt01_a_self_evaluation_off_the_level1_scheme_is_a_hint():
    """产出70、效益20、满意度10 adds up to 100 but is not the 50/30/10 (+执行率10) the
    self-evaluation's note sets (corpus b01); a target table is weighted as its form says."""
    (found,) = [f for f in header_rules(weighted(("50", "20", "10", "20"), SELF_EVALUATION))
                if f.rule == "WGT-01"]
    assert found.severity is Severity.HINT and "本表为产出70分、效益20分、满意度10分" in found.message.zh
    assert not [f for f in header_rules(weighted(("50", "20", "10", "20"))) if f.rule == "WGT-01"]


# --- GOAL-05 --------------------------------------------------------------------------------

@pytest.mark.parametrize("goal", [
    "本项目共申请预算资金90万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;"
    "30万元用于基建工程项目设计、规划、测绘。",
    "用于支付办公楼水电费、物业管理费、网络通讯费。",
    "包括必要的办公用品费、水电费、报刊费等村社区办公经费,基层党组织开展组织活动。",
    # paying salaries; a result verb whose object is the money; the amount alone
    "按时发放村干部报酬",
    "目标1:确保本单位人员工资及福利的发放;目标2:确保日常办公所需经费正常运行;"
    "目标3:保障业务工作所需资金,确保完成2025年度任务。",
    "按工作计划完成重点项目建设经费预算安排", "25.6"])
def test_goal05_a_goal_that_only_says_how_the_money_is_spent(goal):
    found = [f for f in header_rules(form(OUTPUT, EFFECT, SATISFIED, COST, annual_goal=goal))
             if f.rule == "GOAL-05"]
    assert found and found[0].field == "annual_goal" and found[0].severity is Severity.WARNING


@pytest.mark.parametrize("goal", [
    "完成市下达要求，保障我区18条政法四级网链路正常使用，不出现长期断网事故。",
    "通过发放网格员工作补贴，提高网格化岗位编外人员开展网格工作的积极性。",
    "投入50万元完成3个小区改造，惠及居民1200户。",
    "主体班培训280人次；高质量完成干部教育培训工作。",
    "按月足额发放村干部报酬，保障村组组织正常运转。",
    "确保完成2025年度任务，新建村道5公里。",
    "确保全县1200户农户补贴资金足额发放。"])
def test_goal05_silent_when_the_goal_states_a_result(goal):
    assert not [f for f in header_rules(form(OUTPUT, EFFECT, SATISFIED, COST, annual_goal=goal))
                if f.rule == "GOAL-05"]


def test_goal05_is_the_one_finding_on_a_spending_goal_without_a_number():
    """A goal that only says how the money is spent and holds no number is one cause: GOAL-05
    (what the goal is instead of a target), not GOAL-03 (no number) on top of it; with GOAL-05
    switched off GOAL-03 speaks."""
    from tests.support.check_samples.builders import sample

    from perfdesk.checks import CheckContext, check_project
    project = sample(annual_goal="按时发放村干部报酬")
    found = {f.rule for f in check_project(project, CheckContext(profile="88"))}
    assert "GOAL-05" in found and "GOAL-03" not in found
    off = CheckContext(profile="88", settings={"disabled_rules": ["GOAL-05"]})
    assert "GOAL-03" in {f.rule for f in check_project(project, off)}


@pytest.mark.parametrize("goal, fires", [
    ("1.建设美丽乡村;2.整治自然村庄;3.推进农村改厕提质增效。", True),
    ("目标1:维护辖区各安置小区安全巡逻、环境卫生及物业日常管理", True),
    ("1.培训10场;2.参训人员满意度达到90%以上。", False), ("完成1.5万亩高标准农田建设", False)])
def test_goal03_list_numbering_is_no_number(goal, fires):
    from tests.support.check_samples.builders import sample
    assert ("GOAL-03" in {f.rule for f in check(sample(annual_goal=goal))}) is fires


# --- VAL-17 ---------------------------------------------------------------------------------

def explained(comparator, value, unit, explanation) -> Project:
    project = with_row(("产出指标", "质量指标", "按时足额发放率", comparator, value, unit))
    project.indicators[-1].explanation = explanation
    return project


@pytest.mark.parametrize("comparator, value, unit, explanation", [
    ("≥", "95", "%", "按时足额发放率应达到100%"),
    ("≤", "5", "个工作日", "办理时限不少于5个工作日"),
    ("≥", "90", "%", "服务对象满意度不低于95%")])
def test_val17_a_target_its_explanation_contradicts(comparator, value, unit, explanation):
    project = explained(comparator, value, unit, explanation)
    assert "VAL-17" in rules_on(project, "按时足额发放率")


@pytest.mark.parametrize("explanation", [
    "=按时发放人数/应发放人数×100%", "满意度=（满意+较满意）/有效问卷×100%，目标不低于98%",
    "2025年实际为92%"])
def test_val17_silent_on_formulas_agreeing_targets_and_baselines(explanation):
    assert "VAL-17" not in rules_on(explained("≥", "98", "%", explanation), "按时足额发放率")


@pytest.mark.parametrize("comparator, value, unit, explanation", [
    ("", "1", "", "90%(计划标准)"),  # b05 (second review): the target was meant to be the 90%
    ("≥", "95", "%", "98%"), ("≥", "95", "%", "≥98%（历史标准）")])
def test_val17_an_explanation_that_is_only_a_different_target(comparator, value, unit,
                                                               explanation):
    assert "VAL-17" in rules_on(explained(comparator, value, unit, explanation), "按时足额发放率")


@pytest.mark.parametrize("comparator, value, unit, explanation", [
    ("", "1", "", "100%(计划标准)"),  # 1 for 100%: the unit is missing (VAL-04), not the target
    ("≥", "98", "%", "98%（计划标准）"), ("＝", "100", "%", "100%"), ("≥", "98", "%", "5个工作日")])
def test_val17_silent_on_an_explanation_that_is_the_same_target(comparator, value, unit,
                                                                explanation):
    assert "VAL-17" not in rules_on(explained(comparator, value, unit, explanation), "按时足额发放率")


# --- VAL-06: ≥100% --------------------------------------------------------------------------

@pytest.mark.parametrize("name, unit", [("完成及时率", "%"), ("委托业务报告合格率", "百分比")])
def test_val06_at_least_100_percent_asks_for_more_than_all(name, unit):
    found = [f for f in check(with_row(("产出指标", "质量指标", name, "≥", "100", unit)))
             if f.rule == "VAL-06"]
    assert [f.severity for f in found] == [Severity.WARNING]
    assert found[0].fix.indicator_changes[found[0].indicator_uuid]["comparator"] == "＝"


@pytest.mark.parametrize("comparator, value", [("＝", "100"), ("≥", "99")])
def test_val06_silent_on_exactly_100_and_below(comparator, value):
    project = with_row(("产出指标", "质量指标", "完成及时率", comparator, value, "%"))
    assert "VAL-06" not in rules_on(project, "完成及时率")


# --- GOAL-06 --------------------------------------------------------------------------------

def goal06(goal: str, *rows: tuple) -> list:
    project = form(*rows, EFFECT, SATISFIED, COST, annual_goal=goal)
    return [f for f in check(project) if f.rule == "GOAL-06"]


@pytest.mark.parametrize("goal, row, words", [
    ("全年培训300人次", ("产出指标", "数量指标", "培训人次", "≥", "280", "人次"), "全年培训300人次"),
    ("群众满意度达到95%以上", ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%"),
     "群众满意度达到95"),
    ("完成市下达要求，保障18条政法四级网链路正常使用",
     ("产出指标", "数量指标", "运维网络链路数量", "＝", "16", "条"), "18条")])
def test_goal06_the_goal_contradicts_an_indicator(goal, row, words):
    (f,) = [f for f in goal06(goal, row) if f"指标“{row[2]}”" in f.message.zh]
    assert f.severity is Severity.WARNING and f.field == "annual_goal"
    assert words in f.message.zh


@pytest.mark.parametrize("goal, row", [
    ("主体班培训280人次", ("产出指标", "数量指标", "主体班培训人次", "", "280", "人次")),  # 黄石
    ("培训不少于280人次", ("产出指标", "数量指标", "培训人次", "≥", "280", "人次")),
    ("完成3个小区改造", ("产出指标", "数量指标", "改造惠及居民户数", "≥", "1200", "户")),
    ("2026年完成培训", ("产出指标", "数量指标", "培训人次", "≥", "280", "人次")),
    # a rate the goal does not name: 主体工程70% is not the 验收合格率 (a04 岳阳县)
    ("完成项目主体工程70%", ("产出指标", "质量指标", "工程验收合格率", "＝", "100", "%"))])
def test_goal06_silent_where_goal_and_indicators_agree_or_speak_of_other_things(goal, row):
    assert goal06(goal, row) == []


# --- COST-02 on a unit cost ------------------------------------------------------------------

def _subsidy(per: str, count: str, total: str) -> Project:
    return form(("产出指标", "数量指标", "补助合作社个数", "＝", count, "个"), EFFECT, SATISFIED,
                ("产出指标", "成本指标", "补助合作社平均标准", "≤", per, "万元/个"),
                annual_total=Decimal(total), annual_fiscal=Decimal(total),
                annual_other=Decimal(0))


def test_cost02_a_unit_cost_times_its_count_above_the_annual_total():
    """补助10个合作社、平均每个23万元 is 230万元, more than the 214.06万元 of the project
    (corpus a06)."""
    (found,) = [f for f in check(_subsidy("23", "10", "214.06")) if f.rule == "COST-02"]
    assert found.severity is Severity.WARNING and found.field == "value"
    assert "合计230万元" in found.message.zh and "214.06" in found.message.zh


@pytest.mark.parametrize("per, count, total", [
    ("21", "10", "214.06"),  # within the funds
    ("23", "10", "230")])    # exactly the funds
def test_cost02_silent_on_a_unit_cost_within_the_funds(per, count, total):
    assert not [f for f in check(_subsidy(per, count, total)) if f.rule == "COST-02"]


def test_cost02_a_unit_cost_is_not_multiplied_by_a_count_of_something_else():
    project = form(OUTPUT, ("产出指标", "数量指标", "新建村道条数", "＝", "30", "个"), EFFECT,
                   SATISFIED, ("产出指标", "成本指标", "补助合作社平均标准", "≤", "23", "万元/个"),
                   annual_total=Decimal("214.06"), annual_fiscal=Decimal("214.06"),
                   annual_other=Decimal(0))
    assert not [f for f in check(project) if f.rule == "COST-02"]


def test_cost02_a_count_that_is_a_floor_gives_no_total():
    """≥12000人 is at least 12000: times a ceiling per person it bounds nothing (the detailed
    sample 高龄老人津贴发放 stays clean)."""
    project = form(("产出指标", "数量指标", "补助合作社个数", "≥", "10", "个"), EFFECT, SATISFIED,
                   ("产出指标", "成本指标", "补助合作社平均标准", "≤", "23", "万元/个"),
                   annual_total=Decimal("214.06"), annual_fiscal=Decimal("214.06"),
                   annual_other=Decimal(0))
    assert not [f for f in check(project) if f.rule == "COST-02"]
