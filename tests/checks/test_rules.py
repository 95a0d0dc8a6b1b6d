"""Every rule of the catalogue fires on a bad case, points at the right place, and stays silent
on a good one; the well-formed sample of rules.md gives no error and no warning."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.support.check_samples.builders import applied, check, context, of, one, rules, sample
from tests.support.check_samples.detailed import row

from perfdesk.checks import RULES, Severity, check_project
from perfdesk.core.model import DEPARTMENT_WHOLE, SELF_EVALUATION, Indicator, Project

D = Decimal


def rows(project: Project) -> dict[str, Indicator]:
    return {i.name: i for i in project.indicators}


# --- the catalogue itself -------------------------------------------------------------------


def test_the_registry_holds_the_whole_catalogue_in_order():
    expected = (["HDR-0%d" % i for i in range(1, 7)] + ["FUND-01", "FUND-02", "FUND-03", "FUND-04"]
                + ["GOAL-0%d" % i for i in range(1, 7)] + ["CAT-0%d" % i for i in range(1, 7)]
                + ["REQ-0%d" % i for i in range(1, 6)] + ["ROW-0%d" % i for i in range(1, 6)]
                + ["WGT-01"] + ["VAL-%02d" % i for i in range(1, 18)] + ["UNIT-01", "FIT-01", "FIT-02"]
                + ["SAT-0%d" % i for i in range(1, 5)]
                + ["COST-01", "COST-02", "COST-03", "TIME-01", "IN-01", "IN-02", "STD-01", "EXP-01"]
                + ["EVAL-0%d" % i for i in range(1, 7)])
    assert list(RULES) == expected


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_every_rule_has_messages_in_both_languages_and_a_source(rule):
    assert rule.title.zh and rule.title.en
    assert "财预" in rule.source.zh or "填报要求" in rule.source.zh or "审核" in rule.source.zh
    assert rule.source.en
    for text in rule.messages.values():
        assert text.zh and text.en
        # what is wrong and how to fix it: every message tells the clerk what to do
        assert any(w in text.zh for w in ("请", "可一键", "建议")), text.zh


def test_severities_follow_the_catalogue():
    assert RULES["VAL-08"].severity is Severity.WARNING
    assert RULES["CAT-01"].severity is Severity.ERROR
    assert RULES["GOAL-03"].severity is Severity.HINT
    assert RULES["REQ-04"].severity_for("88") is Severity.WARNING
    assert RULES["REQ-04"].severity_for("101") is Severity.ERROR


# --- the well-formed sample -----------------------------------------------------------------


@pytest.mark.parametrize("profile", ["88", "101"])
def test_the_well_formed_sample_gives_no_finding_at_all(profile):
    assert check(sample(profile), profile=profile) == []


def test_the_rules_md_sample_as_bare_rows_gives_no_error_and_no_warning():
    project = Project(name="培训项目", department="部门", unit="单位", attribute="新增项目",
                      annual_goal="举办培训10场。", indicators=[
                          Indicator(level1="产出指标", level2="数量指标", name="培训场次",
                                    **Indicator.fields_for_value(
                                        TV("≥", "10", "场"))),
                          Indicator(level1="效益指标", level2="社会效益指标", name="政策知晓率",
                                    **Indicator.fields_for_value(TV("≥", "90", "%"))),
                          Indicator(level1="满意度指标", level2="服务对象满意度指标",
                                    name="参训人员满意度",
                                    **Indicator.fields_for_value(TV("≥", "90", "%"))),
                          Indicator(level1="产出指标", level2="成本指标", name="人均培训成本",
                                    **Indicator.fields_for_value(TV("≤", "500", "元/人")))])
    found = check(project)
    assert {f.severity for f in found} <= {Severity.HINT}
    assert {f.rule for f in found} == {"STD-01"}  # no 指标值设定依据 given: a hint per row


def TV(comparator, number, unit):
    from perfdesk.core.values import TargetValue

    return TargetValue.quantitative(comparator, D(number), unit)


# --- header ---------------------------------------------------------------------------------


def test_hdr01_empty_project_name():
    f = one(sample(name="  "), "HDR-01")
    assert (f.indicator_uuid, f.field, f.severity) == (None, "name", Severity.ERROR)
    assert "项目名称为空" in f.message.zh


def test_hdr02_department_and_unit():
    found = of(sample(department="", unit=""), "HDR-02")
    assert [f.field for f in found] == ["department", "unit"]
    assert not of(sample(), "HDR-02")


def test_hdr02_a_subordinate_unit_standing_as_its_own_department_is_a_hint():
    """a07 (湘潭): the form has only 预算部门, holding 湘潭市环境卫生管理处 — read as the
    department's own table, but a 处 is a unit under its 局, and the reviewer asks for the 主管
    部门. A 局's own table (department = unit) is fine."""
    f = one(sample(department="湘潭市环境卫生管理处", unit="湘潭市环境卫生管理处"), "HDR-02")
    assert (f.field, f.severity) == ("department", Severity.HINT) and "管理处" in f.message.zh
    assert not of(sample(department="武汉市青山区教育局", unit="武汉市青山区教育局"), "HDR-02")
    assert not of(sample(department="湘潭市城市管理和综合执法局", unit="湘潭市环境卫生管理处"),
                  "HDR-02")


def test_hdr02_is_silent_on_a_field_the_source_layout_lacks():
    """A table with no 主管部门 field did not leave a cell blank: the clerk picks the unit at
    import (the context says which fields the table had no place for); a blank 预算单位 cell
    the same table has is still reported."""
    project = sample(department="", unit="")
    found = of(project, "HDR-02", unstated={project.uuid: {"department"}})
    assert [f.field for f in found] == ["unit"]
    assert not of(project, "HDR-02", unstated={project.uuid: {"department", "unit"}})


@pytest.mark.parametrize("attribute", ["新增项目", "延续项目"])
def test_hdr03_standard_attributes_pass(attribute):
    assert not of(sample(attribute=attribute), "HDR-03")


@pytest.mark.parametrize(("written", "standard"), [
    ("新增", "新增项目"), ("延续", "延续项目"), ("持续性项目", "延续项目"), (" 延续项目 ", "延续项目")])
def test_hdr03_accepted_aliases_are_a_hint_with_a_fix(written, standard):
    project = sample(attribute=written)
    f = one(project, "HDR-03")
    assert f.severity is Severity.HINT
    assert f.fix.project_changes == {"attribute": standard}
    assert not of(applied(project, f.fix), "HDR-03")


@pytest.mark.parametrize("written", ["", "常规项目"])
def test_hdr03_empty_or_unknown_attribute_is_an_error(written):
    f = one(sample(attribute=written), "HDR-03")
    assert f.severity is Severity.ERROR and f.fix is None and f.field == "attribute"


def test_hdr03_is_not_asked_of_a_table_that_has_no_project_attribute():
    # a 部门整体 target is a department's whole budget, no project (b05, f02); a 自评表 reports
    # on a project already approved and most forms have no 项目属性 (e06): an empty cell there
    # is no error — but a 自评表 that does write one is still read against the standard words
    assert not of(sample(attribute="", kind=DEPARTMENT_WHOLE), "HDR-03")
    assert not of(sample(attribute="", kind=SELF_EVALUATION), "HDR-03")
    assert one(sample(attribute="常规项目", kind=SELF_EVALUATION), "HDR-03").severity is Severity.ERROR
    assert one(sample(attribute="持续性项目", kind=SELF_EVALUATION), "HDR-03").fix is not None


def test_hdr04_period_reversed_or_without_the_budget_year():
    assert one(sample(period_start=2026, period_end=2024), "HDR-04").field == "period_end"
    before = one(sample(period_start=2026, period_end=2027), "HDR-04")
    assert before.field == "period_start" and "尚未开始" in before.message.zh
    after = one(sample(period_start=2022, period_end=2024), "HDR-04")
    assert after.field == "period_end" and "2025" in after.message.zh
    assert not of(sample(period_start=2024, period_end=2026), "HDR-04")
    # without a known budget year only the order of the years is checked
    assert not of(sample(period_start=2022, period_end=2024), "HDR-04", budget_year=None)


def test_hdr05_only_when_a_budget_list_is_loaded():
    project = sample(name="基层干部培训项目")
    assert not of(project, "HDR-05")  # no list loaded
    listed = [("区委党校", "基层干部培训项目", "001"), ("区委党校", "党员教育经费", "002")]
    assert not of(project, "HDR-05", reference_projects=listed)
    missing = one(sample(name="干部培训"), "HDR-05", reference_projects=listed)
    assert missing.severity is Severity.HINT and missing.fix is None


def test_hdr05_offers_the_listed_name_when_only_punctuation_differs():
    listed = [("区委党校", "基层干部（村社区）培训项目", "001")]
    project = sample(name="基层干部(村社区)培训项目 ")
    f = one(project, "HDR-05", reference_projects=listed)
    assert f.fix.project_changes == {"name": "基层干部（村社区）培训项目"}
    assert not of(applied(project, f.fix), "HDR-05", reference_projects=listed)


def test_hdr05_offers_the_name_listed_under_the_project_code():
    listed = [("区委党校", "基层党员干部教育培训经费", "4401001")]
    f = one(sample(code="4401001"), "HDR-05", reference_projects=listed)
    assert f.fix.project_changes == {"name": "基层党员干部教育培训经费"}


def test_hdr06_two_projects_of_one_unit_with_the_same_name():
    a, b = sample(), sample(name="基层干部 培训项目")
    siblings = [(p.uuid, p.department, p.unit, p.name) for p in (a, b)]
    ctx = context(sibling_projects=siblings)
    f = [x for x in check_project(a, ctx) if x.rule == "HDR-06"]
    assert len(f) == 1 and f[0].field == "name" and "1个项目" in f[0].message.zh
    other_unit = sample(unit="区委组织部机关")
    assert not [x for x in check_project(other_unit, ctx) if x.rule == "HDR-06"]
    # a project is not its own namesake
    alone = context(sibling_projects=siblings[:1])
    assert not [x for x in check_project(a, alone) if x.rule == "HDR-06"]


# --- funds ----------------------------------------------------------------------------------


def test_fund01_total_must_equal_fiscal_plus_other_to_the_cent():
    f = one(sample(annual_total=D("50.01")), "FUND-01")
    assert f.field == "annual_total" and "0.01" in f.message.zh and f.fix is None
    assert not of(sample(annual_total=D("50.00")), "FUND-01")
    mid = one(sample(midterm_total=D("100.00"), midterm_fiscal=D("90.00"),
                     midterm_other=D("9.99")), "FUND-01")
    assert mid.field == "midterm_total" and "中期" in mid.message.zh


def test_fund01_missing_total_is_filled_in_by_its_fix():
    project = sample(annual_total=None)
    f = one(project, "FUND-01")
    assert f.fix.project_changes == {"annual_total": D("50.00")}
    assert not of(applied(project, f.fix), "FUND-01")


def test_fund01_a_total_must_be_split_by_source():
    f = one(sample(annual_fiscal=None, annual_other=None), "FUND-01")
    assert f.field == "annual_fiscal"
    # 其他资金 left blank means none
    assert not of(sample(annual_total=D("45.00"), annual_other=None), "FUND-01")


def test_fund01_a_total_below_the_part_it_includes_is_wrong_even_without_the_other_part():
    """b06 (池州 棠溪镇): 年度资金总额 0 beside 本年财政拨款 90, 其他资金 not given — the total
    cannot be below a part it includes, whatever the other part is."""
    f = one(sample(annual_total=D("0"), annual_fiscal=D("90"), annual_other=None), "FUND-01")
    assert f.field == "annual_total" and f.severity is Severity.ERROR
    assert "少于其中的财政拨款90万元" in f.message.zh
    # a total above its only given part is just unsplit (a hint), not wrong
    hint = one(sample(annual_total=D("100"), annual_fiscal=D("90"), annual_other=None), "FUND-01")
    assert hint.severity is Severity.HINT


def test_fund02_negative_or_beyond_cents():
    negative = sample(annual_other=D("-5.00"), annual_fiscal=D("55.00"))
    assert [f.field for f in of(negative, "FUND-02")] == ["annual_other"]
    cents = of(sample(annual_total=D("50.005"), annual_fiscal=D("45.005")), "FUND-02")
    assert [f.field for f in cents] == ["annual_total", "annual_fiscal"]
    assert "两位小数" in cents[0].message.zh and "50.01" in cents[0].message.zh
    assert not of(sample(annual_total=D("50.000"), annual_fiscal=D("45.0")), "FUND-02")


def test_fund03_midterm_below_annual_for_multi_year_projects():
    project = sample(period_start=2025, period_end=2027, midterm_total=D("40.00"),
                     midterm_fiscal=D("40.00"), midterm_other=D("0"), midterm_goal="三年目标")
    assert one(project, "FUND-03").field == "midterm_total"
    single_year = sample(midterm_total=D("40.00"), midterm_fiscal=D("40.00"),
                         midterm_other=D("0"))
    assert not of(single_year, "FUND-03")


# --- goal text ------------------------------------------------------------------------------


def test_goal01_annual_goal_empty():
    assert one(sample(annual_goal=" \n"), "GOAL-01").field == "annual_goal"


def test_goal02_multi_year_needs_its_own_midterm_goal():
    project = sample(period_start=2025, period_end=2027)
    assert "中长期目标" in one(project, "GOAL-02").message.zh
    same = sample(period_start=2025, period_end=2027, midterm_goal=sample().annual_goal)
    assert "完全相同" in one(same, "GOAL-02").message.zh
    good = sample(period_start=2025, period_end=2027, midterm_goal="三年内培训基层干部3000人次。")
    assert not of(good, "GOAL-02")
    assert not of(sample(), "GOAL-02")  # one year: no mid-term goal needed


def months(start, start_month, end, end_month) -> dict:
    return dict(period_start=start, period_start_month=start_month, period_end=end,
                period_end_month=end_month)


def test_goal02_reads_the_months_of_the_period_when_the_table_states_them():
    three_years = one(sample(**months(2023, 1, 2025, 12)), "GOAL-02")
    assert three_years.field == "midterm_goal" and "2023–2025" in three_years.message.zh
    # a 7-month service 2023.07–2024.01 is one year's work, though it spans two years
    assert not of(sample(**months(2023, 7, 2024, 1)), "GOAL-02")
    assert not of(sample(**months(2023, 7, 2024, 6)), "GOAL-02")  # 12 months
    assert of(sample(**months(2023, 7, 2024, 7)), "GOAL-02")  # 13 months
    # a year alone stays a year: 2023–2024 without months is two years, as before
    assert of(sample(**months(2023, None, 2024, None)), "GOAL-02")


def test_fund03_reads_the_months_of_the_period_too():
    funds = dict(midterm_total=D("40.00"), midterm_fiscal=D("40.00"), midterm_other=D("0"),
                 midterm_goal="三年目标")
    assert one(sample(**months(2023, 1, 2025, 12), **funds), "FUND-03").field == "midterm_total"
    assert not of(sample(**months(2023, 7, 2024, 1), **funds), "FUND-03")


@pytest.mark.parametrize("goal", ["举办培训10场。", "举办培训十场。", "完成三个平台建设。"])
def test_goal03_a_number_in_digits_or_words_counts(goal):
    assert not of(sample(annual_goal=goal), "GOAL-03")


def test_goal03_goal_without_any_number():
    f = one(sample(annual_goal="提升基层治理水平，增强群众获得感。"), "GOAL-03")
    assert f.severity is Severity.HINT


def test_goal03_every_one_is_no_quantity():
    """d01 (永德县): “确保每一个学生都能享受到国家政策福利,改善学生体质” — 每一个 means every,
    not a count; the reviewer asks for the numbers (受助学生人数 735人次)."""
    assert one(sample(annual_goal="确保每一个学生都能享受到国家政策福利,改善学生体质"), "GOAL-03")
    assert not of(sample(annual_goal="为一个乡镇的学生提供营养餐"), "GOAL-03")


def test_goal03_the_year_alone_is_no_quantity():
    """e07 (原州区 边销茶): the goal only repeats the project's name, “2022年” and all — the
    year quantifies nothing, and the message does not say the goal has no number at all."""
    goal = "2022年原州区健康饮茶“送茶入户”边销茶推广项目,通过实施2022年原州区健康饮茶“送茶入户”边销茶推广项目,"
    f = one(sample(annual_goal=goal), "GOAL-03")
    assert "除年份外" in f.message.zh
    assert one(sample(annual_goal="2021—2023年度推进项目建设。"), "GOAL-03")
    # a deadline or a count besides the year is a figure
    assert not of(sample(annual_goal="2022年12月底前完成边销茶发放。"), "GOAL-03")
    assert not of(sample(annual_goal="2022年向3875名监测帮扶对象发放边销茶。"), "GOAL-03")


def test_goal04_length_limit_is_a_setting():
    goal = "完成培训10场。" * 70  # 560 characters
    assert one(sample(annual_goal=goal), "GOAL-04").severity is Severity.HINT
    assert not of(sample(annual_goal=goal), "GOAL-04", settings={"goal_max_chars": 600})


# --- categories -----------------------------------------------------------------------------


def test_cat01_level1_not_in_the_profile():
    project = sample()
    project.indicators.append(row("工作指标", "数量指标", "走访户数", "≥100户"))
    f = one(project, "CAT-01")
    assert (f.indicator_uuid, f.field) == (project.indicators[-1].uuid, "level1")
    assert "工作指标" in f.message.zh
    empty = sample()
    empty.indicators.append(row("", "", "走访户数", "≥100户"))
    assert "没有一级指标" in one(empty, "CAT-01").message.zh


def test_cat02_level2_given_as_level1_is_moved_under_its_parent():
    project = sample()
    project.indicators.append(row("质量指标", "", "设备完好率", "≥95%"))
    f = one(project, "CAT-02")
    assert f.field == "level1" and f.severity is Severity.WARNING
    assert f.fix.indicator_changes == {project.indicators[-1].uuid: {
        "level1": "产出指标", "level2": "质量指标"}}
    assert not of(project, "CAT-05")  # the level 2 is known, only misplaced
    fixed = applied(project, f.fix)
    assert "CAT-02" not in rules(fixed) and "CAT-05" not in rules(fixed)


def test_cat02_without_a_fix_when_level2_says_something_else():
    project = sample()
    project.indicators.append(row("质量指标", "时效指标", "设备完好率", "≥95%"))
    f = one(project, "CAT-02")
    assert f.fix is None and "时效指标" in f.message.zh


def test_cat02_depends_on_the_profile():
    project = sample()
    project.indicators.append(row("成本指标", "", "人均成本", "≤20元/人"))
    assert one(project, "CAT-02").fix.indicator_changes[project.indicators[-1].uuid] == {
        "level1": "产出指标", "level2": "成本指标"}
    assert not of(project, "CAT-02", profile="101")  # a level-1 category there


@pytest.mark.parametrize(("written", "standard"), [
    ("项目完成指标", "产出指标"), ("项目效益指标", "效益指标"), ("產出指標", "产出指标"),
    (" 产出指标", "产出指标")])
def test_cat03_non_standard_level1_labels(written, standard):
    project = sample()
    project.indicators[0].level1 = written
    f = one(project, "CAT-03")
    assert f.field == "level1"
    assert f.fix.indicator_changes == {project.indicators[0].uuid: {"level1": standard}}
    assert not of(applied(project, f.fix), "CAT-03")


def test_cat03_non_standard_level2_labels():
    project = sample()
    project.indicators[1].level2 = "环境效益指标"
    f = one(project, "CAT-03")
    assert f.field == "level2"
    assert f.fix.indicator_changes == {project.indicators[1].uuid: {"level2": "生态效益指标"}}


def test_cat04_level2_not_under_level1():
    project = sample()
    project.indicators[1].level2 = "数量指标"  # under 效益指标
    f = one(project, "CAT-04")
    assert f.field == "level2" and f.severity is Severity.ERROR
    assert "产出指标" in f.message.zh  # says where 数量指标 belongs
    nonsense = sample()
    nonsense.indicators[1].level2 = "宣传指标"
    assert "社会效益指标" in one(nonsense, "CAT-04").message.zh


def test_cat04_follows_the_profile():
    project = sample("101")
    project.indicators.append(row("产出指标", "成本指标", "单次培训成本", "≤2万元"))
    f = one(project, "CAT-04", profile="101")
    assert "一级指标" in f.message.zh and "经济成本指标" in f.message.zh
    assert not of(sample("88"), "CAT-04")


def test_cat05_missing_level2_with_a_fix_when_there_is_one_choice():
    project = sample()
    project.indicators[0].level2 = ""
    f = one(project, "CAT-05")
    assert f.field == "level2" and f.fix is None and "数量指标" in f.message.zh
    satisfaction = sample()
    satisfaction.indicators[2].level2 = ""
    g = one(satisfaction, "CAT-05")
    assert g.fix.indicator_changes == {satisfaction.indicators[2].uuid: {
        "level2": "服务对象满意度指标"}}
    assert not of(applied(satisfaction, g.fix), "CAT-05")


def test_cat06_category_name_as_indicator_name():
    project = sample()
    project.indicators.append(row("效益指标", "社会效益指标", "社会效益指标", "≥90%"))
    assert one(project, "CAT-06").field == "name"
    assert not of(sample(), "CAT-06")


# --- required coverage ----------------------------------------------------------------------


def drop(project: Project, *names: str) -> Project:
    project.indicators = [i for i in project.indicators if i.name not in names]
    return project


def test_req01_to_req03_missing_level1_categories():
    assert one(drop(sample(), "培训场次", "人均培训成本"), "REQ-01").field == "indicators"
    assert one(drop(sample(), "政策知晓率"), "REQ-02").severity is Severity.ERROR
    assert one(drop(sample(), "参训人员满意度"), "REQ-03").severity is Severity.WARNING
    assert not rules(sample()) & {"REQ-01", "REQ-02", "REQ-03"}


def test_req03_not_when_the_project_has_no_service_recipients():
    project = drop(sample(no_service_recipients=True), "参训人员满意度")
    assert not of(project, "REQ-03")


def test_req04_is_a_warning_in_88_and_an_error_in_101():
    assert one(drop(sample("88"), "人均培训成本"), "REQ-04").severity is Severity.WARNING
    f = one(drop(sample("101"), "人均培训成本"), "REQ-04", profile="101")
    assert f.severity is Severity.ERROR and "经济成本指标" in f.message.zh


def test_req04_in_101_an_88_style_cost_row_does_not_count():
    project = drop(sample("101"), "人均培训成本")
    project.indicators.append(row("产出指标", "成本指标", "人均培训成本", "≤500元/人"))
    assert {"REQ-04", "CAT-04"} <= rules(project, profile="101")


def test_req05_minimum_number_of_indicators_is_a_setting():
    project = drop(sample(), "培训场次", "人均培训成本")
    assert "少于3项" in one(project, "REQ-05").message.zh
    assert not of(sample(), "REQ-05")
    assert one(sample(), "REQ-05", settings={"min_indicators": 5}).severity is Severity.WARNING


# --- rows -----------------------------------------------------------------------------------


def test_row01_name_without_value_and_value_without_name():
    project = sample()
    project.indicators.append(Indicator(level1="产出指标", level2="数量指标", name="培训人次"))
    project.indicators.append(row("产出指标", "数量指标", "", "≥300人次"))
    found = of(project, "ROW-01")
    assert [(f.indicator_uuid, f.field) for f in found] == [
        (project.indicators[-2].uuid, "value"), (project.indicators[-1].uuid, "name")]


def test_row01_a_blank_row_is_reported_once():
    project = sample()
    project.indicators.append(Indicator(level1="产出指标"))
    found = [f for f in check(project) if f.indicator_uuid == project.indicators[-1].uuid]
    assert [(f.rule, f.field) for f in found] == [("ROW-01", "name")]
    assert "空行" in found[0].message.zh


def test_row02_same_name_ignoring_spaces_and_punctuation():
    project = sample()
    project.indicators.append(row("产出指标", "数量指标", "培训 场次。", "≥12场"))
    f = one(project, "ROW-02")
    assert f.indicator_uuid == project.indicators[-1].uuid and "第1条" in f.message.zh


@pytest.mark.parametrize(("field", "text"), [
    ("name", "培训**场次"), ("value", "≥**%"), ("value", "≥××人"), ("explanation", "XX/XX")])
def test_row03_template_placeholders_in_rows(field, text):
    project = sample()
    ind = project.indicators[0]
    if field == "value":
        project.indicators[0] = row("产出指标", "数量指标", "培训场次", text)
        ind = project.indicators[0]
    else:
        setattr(ind, field, text)
    f = one(project, "ROW-03")
    assert (f.indicator_uuid, f.field, f.severity) == (ind.uuid, field, Severity.ERROR)
    assert not of(project, "VAL-13")  # the placeholder is the whole story


def test_row03_placeholders_in_goal_text():
    f = one(sample(annual_goal="完成培训**场，满意度达到……"), "ROW-03")
    assert (f.indicator_uuid, f.field) == (None, "annual_goal")
    assert not of(sample(annual_goal="完成培训10场。满意度达到90%。"), "ROW-03")


# --- target values --------------------------------------------------------------------------


def add(project: Project, *new: Indicator) -> Project:
    project.indicators.extend(new)
    return project


def test_val01_quantitative_without_a_number():
    project = add(sample(), row("产出指标", "质量指标", "验收合格", "合格", nature="定量"))
    f = one(project, "VAL-01")
    assert f.field == "value" and f.severity is Severity.ERROR
    assert not of(sample(), "VAL-01")


def test_val02_number_without_comparator():
    project = add(sample(), row("产出指标", "质量指标", "验收合格率", "100%"))
    assert "≥100%" in one(project, "VAL-02").message.zh
    deadline = add(sample(), row("产出指标", "时效指标", "完成时间", "12月底前"))
    assert not of(deadline, "VAL-02")  # 12 + 月底前 is a date, not an amount


@pytest.mark.parametrize(("written", "canonical"), [
    (">=95%", "≥95%"), ("不低于95%", "≥95%"), ("95%以上", "≥95%"), ("<=30天", "≤30天"),
    ("不超过30天", "≤30天"), ("≥９５％", "≥95%")])
def test_val03_normalises_comparator_spelling(written, canonical):
    project = add(sample(), row("产出指标", "质量指标", "验收合格率", written))
    f = one(project, "VAL-03")
    assert f.severity is Severity.HINT and canonical in f.message.zh
    assert f.fix.indicator_changes == {project.indicators[-1].uuid: {"value_text": ""}}
    fixed = applied(project, f.fix)
    assert fixed.indicators[-1].value_display() == canonical
    assert not of(fixed, "VAL-03")


def test_val03_moves_a_remark_after_the_target_into_the_explanation():
    project = add(sample(), row("产出指标", "质量指标", "验收合格率", "≥95%（抽样调查）"))
    f = one(project, "VAL-03")
    assert "抽样调查" in f.message.zh and "指标解释" in f.message.zh
    assert not of(project, "VAL-07")  # the target is there; 抽样 is only its remark
    fixed = applied(project, f.fix)
    assert fixed.indicators[-1].value_display() == "≥95%"
    assert "抽样调查" in fixed.indicators[-1].explanation
    assert not of(fixed, "VAL-03")


def test_val03_never_drops_a_formula():
    project = add(sample(), row("产出指标", "质量指标", "出租屋纳管率", "已登记数/应登记数≥98%"))
    assert not of(project, "VAL-03")


def test_val04_number_without_unit():
    project = add(sample(), row("产出指标", "数量指标", "走访户数", "≥100"))
    assert one(project, "VAL-04").field == "unit"


def test_val05_unit_in_the_value_contradicts_the_unit_field():
    ind = row("产出指标", "成本指标", "设备购置成本", "28.8万元")
    ind.unit, ind.value_text = "%", "28.8万元"  # a detailed table's 计量单位 column said %
    f = one(add(sample(), ind), "VAL-05")
    assert f.field == "unit" and f.severity is Severity.ERROR and "万元" in f.message.zh
    assert not of(sample(), "VAL-05")


def test_val05_two_units_glued_together():
    # a detailed form with 指标值 28.8万元 and 计量单位 % read as one value
    glued = add(sample(), row("产出指标", "成本指标", "设备购置成本", "≤28.8万元%"))
    f = one(glued, "VAL-05")
    assert f.field == "unit" and "万元" in f.message.zh
    assert not of(add(sample(), row("效益指标", "经济效益指标", "年增长率", "≥5%/年")), "VAL-05")


@pytest.mark.parametrize(("name", "value"), [
    ("验收合格率", "≥101%"), ("覆盖率", "＞100%"), ("资金节约比例", "≥-5%"), ("知晓率", "120")])
def test_val06_rates_above_100_or_below_0(name, value):
    f = one(add(sample(), row("效益指标", "社会效益指标", name, value)), "VAL-06")
    assert f.severity is Severity.ERROR


@pytest.mark.parametrize(("name", "value"), [
    ("验收合格率", "＝100%"), ("覆盖率", "≥0%"), ("收入增长率", "≥150%"), ("参训人次", "≥120人次")])
def test_val06_silent_on_possible_rates(name, value):
    assert not of(add(sample(), row("效益指标", "社会效益指标", name, value)), "VAL-06")


def test_val07_vague_words_come_from_the_settings():
    project = add(sample(), row("产出指标", "质量指标", "系统运维", "年度评估"))
    assert "年度评估" in one(project, "VAL-07").message.zh
    assert not of(project, "VAL-07", settings={"vague_words": ["抽样"]})
    custom = add(sample(), row("产出指标", "质量指标", "系统运维", "视情况而定"))
    assert one(custom, "VAL-07", settings={"vague_words": ["视情况"]})


def test_val08_a_formula_as_the_value():
    project = add(sample(), row("产出指标", "质量指标", "网格事件流转时限",
                                "网格事件正常办结率=正常办结数/上报数"))
    f = one(project, "VAL-08")
    assert f.field == "value" and f.fix is None and "指标解释" in f.message.zh


def test_val08_a_formula_before_the_target_moves_into_the_explanation():
    project = add(sample(), row("产出指标", "质量指标", "出租屋纳管率", "已登记数/应登记数≥98%"))
    ind = project.indicators[-1]
    assert (ind.comparator, ind.target, ind.unit) == ("≥", D("98"), "%")
    f = one(project, "VAL-08")
    assert f.severity is Severity.WARNING
    assert f.fix.indicator_changes == {ind.uuid: {"value_text": "",
                                                  "explanation": "已登记数/应登记数"}}
    fixed = applied(project, f.fix)
    assert fixed.indicators[-1].value_display() == "≥98%"
    assert not {f.rule for f in check(fixed) if f.indicator_uuid == ind.uuid}


def test_val08_keeps_an_existing_explanation():
    ind = row("产出指标", "数量指标", "宣讲场次", "5场/月*12=60场", explanation="按月统计")
    f = one(add(sample(), ind), "VAL-08")
    assert f.fix.indicator_changes[ind.uuid] == {
        "value_text": "", "explanation": "按月统计；5场/月*12=60场"}


def test_val08_a_formula_in_the_name():
    ind = row("产出指标", "质量指标", "诉求解答率=解答人数/咨询人数×100%", "≥95%")
    f = one(add(sample(), ind), "VAL-08")
    assert f.field == "name"
    assert f.fix.indicator_changes[ind.uuid] == {
        "name": "诉求解答率", "explanation": "诉求解答率=解答人数/咨询人数×100%"}
    assert not of(add(sample(), row("产出指标", "质量指标", "设备完好率/运行率", "≥95%")),
                  "VAL-08")


def test_val09_name_embeds_a_different_target():
    f = one(add(sample(), row("产出指标", "质量指标", "达标率100%", "≥98%")), "VAL-09")
    assert f.field == "name" and "100%" in f.message.zh
    assert not of(add(sample(), row("产出指标", "质量指标", "达标率100%", "＝100%")), "VAL-09")
    assert not of(add(sample(), row("产出指标", "数量指标", "2025年培训场次", "≥10场")), "VAL-09")


def test_val09_a_count_ending_the_name_in_another_unit_than_the_value():
    """新建水泥路1条 | 2km: the name counts roads, the value measures length (corpus a10)."""
    f = one(add(sample(), row("产出指标", "数量指标", "村道新建水泥路1条", "≥2km")), "VAL-09")
    assert f.field == "name" and "“1条”" in f.message.zh
    for name, value in (("村道新建水泥路1条", "＝1条"), ("聘用保洁员12人", "＝12人"),
                        ("村道新建水泥路", "≥2km"), ("2025年培训场次", "≥10场"),
                        ("新建水泥路长度2公里", "≥2公里")):
        assert not of(add(sample(), row("产出指标", "数量指标", name, value)), "VAL-09"), name


def test_val10_qualitative_with_numbers():
    typed = add(sample(), row("效益指标", "社会效益指标", "供水保证率", "≥95%", nature="定性"))
    f = one(typed, "VAL-10")
    assert f.fix.indicator_changes == {typed.indicators[-1].uuid: {"nature": "定量"}}
    assert not of(applied(typed, f.fix), "VAL-10")
    text = add(sample(), row("效益指标", "社会效益指标", "覆盖情况", "覆盖90%以上村居",
                             nature="定性"))
    assert one(text, "VAL-10").fix is None
    assert not of(add(sample(), row("效益指标", "社会效益指标", "制度建设", "达成")), "VAL-10")
    # a bare number on a 定性 row: VAL-10 says it all (no VAL-02/VAL-04 on top)
    bare = add(sample(), row("效益指标", "社会效益指标", "供水保证率", "95", nature="定性"))
    assert [f.rule for f in check(bare) if f.indicator_uuid == bare.indicators[-1].uuid] == [
        "VAL-10"]


def test_val11_qualitative_grade_list_is_a_setting():
    project = add(sample(), row("效益指标", "可持续影响指标", "长效机制", "优良", nature="定性"))
    assert "达成" in one(project, "VAL-11").message.zh
    assert not of(project, "VAL-11", settings={"grades": ["优良", "合格"]})
    assert not of(add(sample(), row("效益指标", "可持续影响指标", "长效机制", "达成")), "VAL-11")


def test_val12_a_sentence_instead_of_a_target():
    long = add(sample(), row("效益指标", "社会效益指标", "法律服务",
                             "凡是来访的群众提出的法律问题都能够得到妥善的回答而群众的法律意识普遍有了增强"))
    assert "字的文字" in one(long, "VAL-12").message.zh
    verb = add(sample(), row("产出指标", "质量指标", "系统运行", "确保系统正常运行"))
    assert "确保" in one(verb, "VAL-12").message.zh
    assert not of(long, "VAL-12", settings={"sentence_max_chars": 60})


def test_val13_unreadable_values_unless_something_more_specific_was_said():
    project = add(sample(), row("产出指标", "质量指标", "链路运行", "所有链路运行正常"))
    assert one(project, "VAL-13").field == "value"
    vague = add(sample(), row("产出指标", "质量指标", "抽查", "抽样"))
    assert of(vague, "VAL-07") and not of(vague, "VAL-13")


def test_val13_a_grade_written_as_text_becomes_qualitative():
    project = add(sample(), Indicator(level1="效益指标", level2="社会效益指标", name="制度建设",
                                      value_text="优良", basis="计划标准"))
    f = one(project, "VAL-13", settings={"grades": ["优良", "合格"]})
    assert f.fix.indicator_changes[project.indicators[-1].uuid] == {
        "nature": "定性", "grade": "优良", "value_text": ""}
    fixed = applied(project, f.fix)
    assert not [x for x in check(fixed, settings={"grades": ["优良", "合格"]})
                if x.indicator_uuid == project.indicators[-1].uuid]


# --- satisfaction ---------------------------------------------------------------------------


def satisfaction(value: str) -> Project:
    project = sample()
    project.indicators[2] = row("满意度指标", "服务对象满意度指标", "参训人员满意度", value)
    return project


@pytest.mark.parametrize("value", ["满意", "较高", "群众满意", "全民提升", "好"])
def test_sat01_satisfaction_without_a_percentage(value):
    f = one(satisfaction(value), "SAT-01")
    assert f.severity is Severity.ERROR and f.fix is None
    assert not of(satisfaction(value), "VAL-13")


def test_sat01_a_bare_number_gets_its_percent_sign():
    project = satisfaction("≥90")
    f = one(project, "SAT-01")
    assert f.fix.indicator_changes == {project.indicators[2].uuid: {"unit": "%"}}
    assert not of(project, "VAL-04")  # SAT-01 says it better
    assert check(applied(project, f.fix)) == []


def test_sat02_satisfaction_without_at_least():
    project = satisfaction("90%")
    f = one(project, "SAT-02")
    assert f.fix.indicator_changes == {project.indicators[2].uuid: {"comparator": "≥"}}
    assert not of(project, "VAL-02")  # SAT-02 supersedes the general rule
    assert check(applied(project, f.fix)) == []
    assert one(satisfaction("＝90%"), "SAT-02").fix is None


def test_sat02_a_bare_figure_wants_its_at_least_beside_its_percent_sign():
    """b02 (廊坊): 学生满意度 “100” — “带≥和%”: SAT-01 asks for the %, SAT-02 for the ≥, and
    both fixes together leave nothing to say."""
    project = satisfaction("90")
    assert {f.rule for f in check(project) if f.indicator_uuid == project.indicators[2].uuid
            and f.severity is not Severity.HINT} == {"SAT-01", "SAT-02"}
    for rule in ("SAT-01", "SAT-02"):
        project = applied(project, one(project, rule).fix)
    assert check(project) == []


def test_sat03_low_or_100_percent_targets():
    assert "低于80%" in one(satisfaction("≥60%"), "SAT-03").message.zh
    assert "100%" in one(satisfaction("≥100%"), "SAT-03").message.zh
    assert not of(satisfaction("≥85%"), "SAT-03")
    assert not of(satisfaction("≥75%"), "SAT-03", settings={"satisfaction_min": 70})


def test_sat04_satisfaction_name_outside_its_category():
    project = add(sample(), row("效益指标", "社会效益指标", "申请人满意度", "≥90%"))
    f = one(project, "SAT-04")
    assert f.field == "level1"
    assert f.fix.indicator_changes == {project.indicators[-1].uuid: {
        "level1": "满意度指标", "level2": "服务对象满意度指标"}}
    assert not of(applied(project, f.fix), "SAT-04")


# --- cost, time, inputs, standards ----------------------------------------------------------


def cost(value: str, profile: str = "88") -> Project:
    project = sample(profile)
    ind = project.indicators[3]
    project.indicators[3] = row(ind.level1, ind.level2, "人均培训成本", value)
    return project


def test_cost01_cost_that_is_not_money():
    assert one(cost("≤100%"), "COST-01").severity is Severity.WARNING
    assert not of(cost("≤500元/人"), "COST-01")
    assert not of(cost("≤2.5万元/公里"), "COST-01")


def test_cost02_cost_above_the_annual_total():
    assert one(cost("≤60万元"), "COST-02").severity is Severity.ERROR
    converted = one(cost("≤600000元"), "COST-02")
    assert "折合60万元" in converted.message.zh
    assert not of(cost("≤50万元"), "COST-02")
    assert not of(cost("≤600000元/人"), "COST-02")  # a unit cost, not a total


def test_cost03_cost_written_as_a_statement():
    project = cost("控制在预算成本内")
    assert one(project, "COST-03").severity is Severity.HINT
    assert one(project, "COST-01")  # and it is not an amount of money either


@pytest.mark.parametrize("name, value", [
    ("完成时间", "12月底前"), ("完成时间", "2025年6月30日前"), ("完成时间", "≤30个工作日"),
    ("按期完成率", "≥95%"), ("完成时间", "第三季度"), ("完成时间", "年内完成"),
    ("提交报告及时性", "在项目计划完成时间内完成"), ("返本分红年限", "＝5年")])
def test_time01_dates_periods_and_rates_pass(name, value):
    project = add(sample(), row("产出指标", "时效指标", name, value))
    assert not of(project, "TIME-01")
    assert not of(project, "VAL-13")


@pytest.mark.parametrize("name, value", [
    ("维持时效", "≥1年"),  # how long it lasts at least, not by when it is done (a03)
    ("项目完成时间", "100%"),  # a time asked for, a percentage given (b05)
])
def test_time01_a_minimum_duration_or_a_percent_for_a_time_is_flagged(name, value):
    project = add(sample(), row("产出指标", "时效指标", name, value))
    assert one(project, "TIME-01").field == "value"


@pytest.mark.parametrize("value", ["及时", "按时完成", "≥10场"])
def test_time01_other_values_are_flagged(value):
    project = add(sample(), row("产出指标", "时效指标", "完成时间", value))
    assert one(project, "TIME-01").field == "value"


@pytest.mark.parametrize("name", ["资金投入", "年度支出安排金额", "经费保障", "资金到位率",
                                  "预算执行率", "投入人员数量"])
def test_in01_inputs_written_as_results(name):
    project = add(sample(), row("产出指标", "数量指标", name, "≥10个"))
    assert one(project, "IN-01").field == "name"


@pytest.mark.parametrize("level2, name, value", [
    ("数量指标", "出差人数", "＝8人"), ("数量指标", "出差人次", "＝24人次"),  # a09, second review
    ("经济效益指标", "利息费用保障率", "＝100%"), ("经济效益指标", "政策性挂账利息补贴保障率", "＝100%")])
def test_in01_travel_staff_and_costs_paid_are_inputs(level2, name, value):
    level1 = "产出指标" if level2 == "数量指标" else "效益指标"
    project = add(sample(), row(level1, level2, name, value))
    assert one(project, "IN-01").field == "name"


@pytest.mark.parametrize("level1, level2, name, value", [
    ("产出指标", "数量指标", "检查指导回收网点数", "≥20个"),
    ("产出指标", "数量指标", "培训人次", "≥280人次"),
    ("效益指标", "社会效益指标", "困难群众基本生活保障率", "＝100%"),
    ("效益指标", "经济效益指标", "粮食市场价格波动幅度", "≤5%")])
def test_in01_silent_on_the_work_and_its_effects(level1, level2, name, value):
    assert not of(add(sample(), row(level1, level2, name, value)), "IN-01")


def test_std01_basis_of_the_target():
    project = sample()
    project.indicators[0].basis = ""
    assert one(project, "STD-01").severity is Severity.HINT
    project.indicators[0].basis = "上级要求"
    assert one(project, "STD-01").fix is None
    project.indicators[0].basis = "历史"
    f = one(project, "STD-01")
    assert f.fix.indicator_changes == {project.indicators[0].uuid: {"basis": "历史标准"}}


def test_exp01_a_project_without_indicators():
    found = check(sample(indicators=[]))
    assert [(f.rule, f.field) for f in found if f.severity is Severity.ERROR] == [
        ("EXP-01", "indicators")]


def test_findings_point_at_real_fields():
    from perfdesk.core.model import INDICATOR_FIELDS, PROJECT_FIELDS

    from tests.support.check_samples.detailed import detailed_projects
    from tests.support.check_samples.seed import seed_projects

    for project in [*seed_projects(), *detailed_projects()]:
        uuids = {i.uuid for i in project.indicators}
        for f in check(project):
            assert f.project_uuid == project.uuid
            if f.indicator_uuid is None:
                assert f.field in (*PROJECT_FIELDS, "department", "unit", "indicators")
            else:
                assert f.indicator_uuid in uuids
                assert f.field in (*INDICATOR_FIELDS, "value")
            if f.fix is not None:
                assert set(f.fix.project_changes) <= set(PROJECT_FIELDS)
                for changes in f.fix.indicator_changes.values():
                    assert set(changes) <= set(INDICATOR_FIELDS)


# --- robustness -----------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from perfdesk.core.taxonomy import all_category_names  # noqa: E402
from perfdesk.core.values import parse  # noqa: E402

_words = st.sampled_from(sorted(all_category_names()) + ["", " ", "工作指标", "產出指標"])
_texts = st.text(alphabet=st.sampled_from(list("率度满意成本元万%≥≤><=/×*12.0 抽样持续，。X…")),
                 max_size=30)
_values = st.one_of(_texts, st.sampled_from(["≥95%", "＜0", "100%", "≥**%", "12月底前", "好",
                                              "已登记数/应登记数≥98%", "≤28.8万元%", "-5%"]))
_money = st.one_of(st.none(), st.decimals(min_value=-1000, max_value=10**8, places=3,
                                          allow_nan=False, allow_infinity=False))


@st.composite
def _indicators(draw):
    written = draw(_values)
    fields = Indicator.fields_for_value(parse(written).value, written=written)
    fields["nature"] = draw(st.sampled_from([fields.get("nature", ""), "定量", "定性", ""]))
    return Indicator(level1=draw(_words), level2=draw(_words), name=draw(_texts),
                     basis=draw(st.sampled_from(["", "计划标准", "历史", "别的"])), **fields)


@st.composite
def _projects(draw):
    return Project(
        name=draw(_texts), department=draw(_texts), unit=draw(_texts),
        attribute=draw(st.sampled_from(["", "新增", "延续项目", "其他"])),
        period_start=draw(st.one_of(st.none(), st.integers(2000, 2100))),
        period_end=draw(st.one_of(st.none(), st.integers(2000, 2100))),
        period_start_month=draw(st.one_of(st.none(), st.integers(1, 12))),
        period_end_month=draw(st.one_of(st.none(), st.integers(1, 12))),
        annual_total=draw(_money), annual_fiscal=draw(_money), annual_other=draw(_money),
        midterm_total=draw(_money), midterm_fiscal=draw(_money), midterm_other=draw(_money),
        annual_goal=draw(_texts), midterm_goal=draw(_texts),
        no_service_recipients=draw(st.booleans()),
        indicators=draw(st.lists(_indicators(), max_size=8)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(project=_projects(), profile=st.sampled_from(["88", "101"]))
def test_any_project_is_checked_without_failing(project, profile):
    ctx = context(profile)
    findings = check_project(project, ctx)
    for f in findings:
        assert f.rule in RULES and str(f.message)
        if f.fix is not None:  # a fix always makes its own finding go away
            again = check_project(applied(project, f.fix), ctx)
            assert not [g for g in again if (g.rule, g.indicator_uuid, g.field)
                        == (f.rule, f.indicator_uuid, f.field)], (f.rule, str(f.message))


# --- 时效 targets ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2026年12月底前", "2026年6月30日前", "全年", "2026年1-12月",
                                   "2021年1月-12月", "12月底前", "2023.07-2024.01"])
@pytest.mark.parametrize("nature", ["定量", "定性", ""])
def test_a_deadline_as_a_timeliness_target_raises_nothing(value, nature):
    project = sample()
    project.indicators.append(row("产出指标", "时效指标", "项目完成时间", value, nature=nature))
    found = [(f.rule, f.field) for f in check(project) if f.indicator_uuid ==
             project.indicators[-1].uuid]
    assert found == []


def test_a_deadline_typed_with_a_comparator_is_stored_without_it():
    project = sample()
    project.indicators.append(row("产出指标", "时效指标", "项目完成时间", "≥2026年全年"))
    last = project.indicators[-1]
    assert last.comparator == "" and last.value_display() == "2026年全年"
    assert [f.rule for f in check(project) if f.indicator_uuid == last.uuid] == []


@pytest.mark.parametrize("value, rule", [
    ("房屋设备、设施的管理到位,环境卫生整洁,车辆停放有序", "VAL-12"),  # clauses (a08)
    ("对学校2400平米体育场馆补贴5万元。", "VAL-12"),  # a statement ending as one (d02)
    ("持续保障", "VAL-07"),  # a short phrase with a vague word is vague, not a sentence (a08)
    ("稳步提高", "VAL-07"),  # not a grade either (c04)
    ("促进人民群众健康水平不断提高。", "VAL-07"),  # d02
    # clauses with a vague word in them are a sentence first (d02, as the first annotator has it)
    ("通过本项目实施,有效提高全面健康水平。", "VAL-12"),
])
def test_val12_clauses_are_a_sentence_and_a_vague_phrase_is_vague(value, rule):
    project = add(sample(), row("效益指标", "社会效益指标", "群众生活条件", value))
    found = {f.rule for f in of(project, "VAL-12") + of(project, "VAL-07") + of(project, "VAL-11")
             + of(project, "VAL-13")}
    assert found == {rule}


def test_val12_a_short_value_without_clauses_is_no_sentence():
    project = add(sample(), row("效益指标", "社会效益指标", "办学环境", "社会认可的办学环境"))
    assert not of(project, "VAL-12")


def test_in02_budget_execution_as_a_cost_is_no_indicator_not_a_cost_without_money():
    project = add(sample(), row("产出指标", "成本指标", "年度预算执行率", "≥90%"))
    assert one(project, "IN-02").field == "name"
    assert not of(project, "COST-01")  # one cause, one finding


@pytest.mark.parametrize("name, fires", [("控制在预算成本内", True), ("不超过预算", True),
                                         ("雾炮车降尘抑尘服务费", False)])
def test_cost03_a_cost_name_written_as_a_statement(name, fires):
    project = add(sample(), row("产出指标", "成本指标", name, "≤250万元"))
    assert bool(of(project, "COST-03")) is fires


def test_in01_an_output_counted_as_the_money_itself():
    name = "衛(wèi)片執(zhí)法補(bǔ)助經(jīng)費(fèi)"  # traditional, with pinyin readings (c01)
    project = add(sample(), row("产出指标", "数量指标", name, "＝72890元"))
    assert one(project, "IN-01").field == "name"
    assert not of(project, "ROW-05")  # the readings do not make the name a task sentence
    assert not of(project, "FIT-01")  # not "move it to 成本指标": it is no output at all
    assert not of(add(sample(), row("产出指标", "数量指标", "发放补助人数", "≥100人")), "IN-01")


def test_row01_a_name_that_is_only_a_number_is_no_name():
    """b10 (宁乡 坝塘镇): every 指标内容 holds a bare figure (88, 68, 20) — the reviewer's first
    remark is that no indicator has a name. One finding per row (ROW-01), not a duplicate name
    on top for the rows that repeat the figure."""
    project = sample()
    project.indicators[0].name = "88"
    project.indicators[1].name = "88"
    found = [f for f in check(project) if f.rule in ("ROW-01", "ROW-02")]
    assert [(f.rule, f.field) for f in found] == [("ROW-01", "name"), ("ROW-01", "name")]
    assert "只是一个数字" in found[0].message.zh
    assert not of(sample(), "ROW-01")  # 培训场次 and the rest are names
