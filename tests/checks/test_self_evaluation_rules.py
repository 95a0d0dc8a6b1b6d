"""The EVAL rules on a 绩效自评表's results: a 得分 above its 分值, a 得分 without 分值, a full
得分 while the 全年实际值 falls short, an empty 全年实际值, a shortfall without its reason, a
funding row's 得分 above what its 执行率 earns. Each
must speak where a reviewer of 自评表 would and stay silent on rows that meet their target, on a
定性 target met (达成) and on any 申报表 project."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.support.check_samples.builders import context, of, one, rules, sample
from tests.support.check_samples.detailed import row

from perfdesk.checks import Severity
from perfdesk.core.model import SELF_EVALUATION

D = Decimal
EVAL = {"EVAL-01", "EVAL-02", "EVAL-03", "EVAL-04", "EVAL-05", "EVAL-06"}


def scored(value="≥10场", actual="12场", weight="20", score="20", shortfall="", *,
           kind=SELF_EVALUATION, others=True, nature=None):
    """A 自评表 project whose first row (培训场次) has the given result; the other rows meet
    their targets with full scores."""
    first = row("产出指标", "数量指标", "培训场次", value, nature=nature).model_copy(update=dict(
        actual=actual, weight=None if weight is None else D(weight),
        score=None if score is None else D(score), shortfall=shortfall))
    rest = [
        row("效益指标", "社会效益指标", "政策知晓率", "≥90%").model_copy(
            update=dict(actual="95%", weight=D("30"), score=D("30"))),
        row("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%").model_copy(
            update=dict(actual="96%", weight=D("10"), score=D("10"))),
        row("产出指标", "成本指标", "人均培训成本", "≤500元/人", basis="预算支出标准").model_copy(
            update=dict(actual="480元/人", weight=D("30"), score=D("30"))),
    ] if others else []
    return sample(kind=kind, attribute="", indicators=[first, *rest])


def test_a_well_filled_self_evaluation_is_clean_of_eval_findings():
    assert not rules(scored()) & EVAL


def test_a_score_above_its_points_is_an_error_at_the_score():
    found = one(scored(score="25"), "EVAL-01")
    assert found.severity is Severity.ERROR and found.field == "score"
    assert "25" in found.message.zh and "20" in found.message.zh
    assert not of(scored(score="20"), "EVAL-01")
    assert not of(scored(score="18", shortfall="场地改造延期"), "EVAL-01")


def test_a_score_without_points_is_a_warning():
    found = one(scored(weight=None, score="20"), "EVAL-02")
    assert found.severity is Severity.WARNING and found.field == "score"
    assert not of(scored(weight=None, score=None), "EVAL-02")
    assert not of(scored(weight="20", score="20"), "EVAL-02")


@pytest.mark.parametrize("value, actual", [
    ("≥550台", "20"),
    ("550", "20"),  # e06: a count under 数量指标 written without its sign, 20 of 550, full points
    ("≥10场", "8场"),
    ("≥95%", "93.4%"),
    ("≤500元/人", "520元/人"),  # above a ≤ target
])
def test_full_score_while_plainly_short_and_no_reason_is_a_warning(value, actual):
    found = one(scored(value, actual), "EVAL-03")
    assert found.severity is Severity.WARNING and found.field == "score"
    assert "得分与完成情况不符" in found.message.zh and actual in found.message.zh
    assert not of(scored(value, actual), "EVAL-05")  # one finding for one cause


@pytest.mark.parametrize("value, actual", [
    ("≥10场", "10场"), ("≥10场", "12"), ("≥95%", "100%"), ("≤500元/人", "480元/人"),
    ("≥10场", "8人"),  # another unit: not judged
    ("≥10场", "基本完成"),  # text: not judged
    ("达成", "达成"),  # a 定性 target met
    ("2025年12月底前", "2025年11月"),  # a deadline: not a number to compare
])
def test_no_eval_finding_where_the_target_is_met_or_cannot_be_compared(value, actual):
    assert not rules(scored(value, actual)) & EVAL


def test_a_count_without_its_sign_outside_quantity_is_not_judged():
    project = scored()
    late = row("产出指标", "时效指标", "任务完成时限", "10月").model_copy(
        update=dict(actual="9", weight=D("10"), score=D("10")))
    project = project.model_copy(update={"indicators": [*project.indicators, late]})
    assert not rules(project) & EVAL


def test_no_points_anywhere_is_a_form_without_the_column_not_a_missing_point():
    # c05, e04: 年初目标值 │ 实际完成值 │ 得分, no 分值 column at all
    project = scored(weight=None)
    bare = [ind.model_copy(update={"weight": None}) for ind in project.indicators]
    assert not of(project.model_copy(update={"indicators": bare}), "EVAL-02")


def test_a_stated_reason_silences_the_score_warning():
    assert not of(scored("≥550台", "20", shortfall="设备到货延迟，已督促供应商"), "EVAL-03")


def test_an_empty_actual_where_a_target_is_set_is_a_warning():
    found = one(scored(actual=""), "EVAL-04")
    assert found.severity is Severity.WARNING and found.field == "actual"
    assert "≥10场" in found.message.zh


def test_no_actual_anywhere_is_a_form_without_the_column_not_a_blank():
    project = scored(actual="")
    bare = [ind.model_copy(update={"actual": ""}) for ind in project.indicators]
    assert not of(project.model_copy(update={"indicators": bare}), "EVAL-04")


def test_a_shortfall_with_points_lost_and_no_reason_is_a_hint():
    found = one(scored("≥10场", "8场", score="16"), "EVAL-05")
    assert found.severity is Severity.HINT and found.field == "shortfall"
    assert "8场" in found.message.zh
    assert not of(scored("≥10场", "8场", score="16", shortfall="两场因疫情取消"), "EVAL-05")


def test_points_lost_on_a_target_met_without_a_reason_is_a_hint():
    # c01, d01: 实际完成值等于目标值，却扣了分，偏差原因栏为空
    found = one(scored("≥10场", "10场", score="18"), "EVAL-05")
    assert found.severity is Severity.HINT and "扣了分" in found.message.zh
    assert not of(scored("≥10场", "10场", score="20"), "EVAL-05")


@pytest.mark.parametrize("case", [
    dict(score="25"), dict(weight=None), dict(actual="20", value="≥550台"), dict(actual=""),
    dict(actual="8场", score="16"), dict(score="18"),
])
def test_a_target_table_never_gets_eval_findings(case):
    assert rules(scored(**case)) & EVAL  # the same rows on a 自评表 do speak
    assert not rules(scored(kind="", **case)) & EVAL


def test_the_well_formed_sample_has_no_eval_finding():
    assert not rules(sample()) & EVAL
    assert not rules(sample(kind=SELF_EVALUATION, attribute="")) & EVAL


@pytest.mark.parametrize("evaluation_first", [True, False])
def test_a_target_table_and_a_self_evaluation_checked_together_keep_their_own_rules(
        evaluation_first):
    # the same rows, three times over (a row key repeats and its speaking rules are kept):
    # the 自评表 gets its EVAL findings, the 申报表 beside it none, in either order
    from perfdesk.checks.runner import check_projects
    evaluation, target = scored(score="25"), scored(score="25", kind="")
    order = ([evaluation, target] if evaluation_first else [target, evaluation]) * 3
    projects = [p.model_copy(deep=True, update=dict(uuid=f"p{n}")) for n, p in enumerate(order)]
    found = check_projects(projects, context())
    for project in projects:
        ids = {f.rule for f in found[project.uuid]}
        if project.kind == SELF_EVALUATION:
            assert "EVAL-01" in ids
        else:
            assert not ids & EVAL


def test_the_plan_of_a_target_table_leaves_the_eval_rules_out():
    plan = context().plan
    for rule_id in sorted(EVAL):
        assert plan.for_table(SELF_EVALUATION).runs(rule_id)
        assert not plan.for_table("").runs(rule_id)
        # the plan that counts errors keeps to its kind of table too
        assert plan.errors_only().for_table(SELF_EVALUATION).runs("EVAL-01")
        assert not plan.errors_only().for_table("").runs(rule_id)


def executed(spent="50.00", weight="10", score="10", *, kind=SELF_EVALUATION):
    """A well-filled 自评表 whose budget of 50.00 万元 was spent ``spent``, its funding row
    worth ``weight`` points and scored ``score``."""
    project = scored(kind=kind)
    return project.model_copy(update=dict(
        executed_total=None if spent is None else D(spent),
        funds_weight=None if weight is None else D(weight),
        funds_score=None if score is None else D(score)))


def test_a_funding_row_scored_above_its_execution_rate_is_a_warning_at_its_score():
    found = one(executed(spent="43.10", score="10"), "EVAL-06")  # 86.20%: it earns 9
    assert found.severity is Severity.WARNING and found.field == "funds_score"
    assert "86.20%" in found.message.zh and "应得的9分" in found.message.zh
    # a score with places is judged to its places: 8.62 earned, 8.63 is above it
    assert of(executed(spent="43.10", score="8.63"), "EVAL-06")


@pytest.mark.parametrize("spent, score", [
    ("50.00", "10"),  # all spent, full points
    ("43.10", "9"),  # 8.62 earned, written to the point as the form writes it
    ("43.10", "8.62"),
    ("43.10", "7"),  # less than it earns: a reviewer's call, not this rule's
    ("51.30", "10"),  # spent beyond the budget: at most the points
])
def test_a_funding_row_scored_within_its_execution_rate_is_not_reported(spent, score):
    assert not of(executed(spent=spent, score=score), "EVAL-06")


def test_the_funding_rule_needs_a_self_evaluation_with_its_figures():
    assert not of(executed(spent="43.10", score="10", kind=""), "EVAL-06")  # a 申报表
    assert not of(executed(spent=None, score="10"), "EVAL-06")  # no 全年执行数: no rate
    assert not of(executed(spent="43.10", weight=None, score="10"), "EVAL-06")
    assert not of(executed(spent="43.10", score=None), "EVAL-06")
    zero = executed(spent="0", score="10").model_copy(update=dict(annual_total=D(0)))
    assert not of(zero, "EVAL-06")  # no budget: no rate to judge by (FUND-01 speaks there)
