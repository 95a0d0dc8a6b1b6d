"""Rules on a 绩效自评表's results (EVAL): its 得分 against the 分值, the 全年实际值 and
未完成原因 against the row's target, and the funding row's 得分 against its 执行率. They speak
only on a self-evaluation (Project.kind == SELF_EVALUATION, the plan runs them there alone):
a 申报表 has no results. An actual value is read by the one value reader
(:func:`perfdesk.core.values.parse`, through the context) and never as a target itself. The
分值 adding up to the form's total is WGT-01's.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from perfdesk.checks.catalogue import Severity, hit, indicator_rule, project_rule
from perfdesk.checks.wording import clip, source
from perfdesk.core.model import SELF_EVALUATION
from perfdesk.core.taxonomy import QUANTITY
from perfdesk.core.values import ValueKind, format_number, format_rate

E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT

P10 = ("财预〔2020〕10号《项目支出绩效评价管理办法》",
       "Caiyu [2020] No. 10 (measures on evaluating project spending)")
SELF_FORM = ("财预〔2020〕10号附件《项目支出绩效自评表》及其填报说明",
             "the self-evaluation form of Caiyu [2020] No. 10 and its filing notes")


# Every rule here speaks only on a self-evaluation: the plan runs them on SELF_EVALUATION
# projects alone (``tables``), a 申报表's rows never pay for them.
ON_SELF_EVALUATION = (SELF_EVALUATION,)


def _form_has(p, column: str) -> bool:
    """Whether some row of the project fills ``column``: a form without that column at all
    (c05, e04: 年初目标值 │ 实际完成值 │ 得分, no 分值) is not the clerk's blank."""
    return p.once(f"eval-{column}", lambda project: any(
        getattr(i, column) not in (None, "") for i in project.indicators))


def short_of_target(f, ctx) -> bool:
    """Whether the row's 全年实际值 is plainly short of its typed target: a number below a ≥
    (＞) target, or a 数量指标 count written without its sign, or above a ≤ (＜) one, in the
    target's unit or with none written. Anything
    else (a grade, a date, text, another unit, a comparator in the actual) is not judged."""
    ind = f.ind
    if ind.target is None or not ind.actual.strip():
        return False
    actual = ctx.parse(ind.actual).value
    if actual.kind is not ValueKind.QUANTITATIVE or actual.comparator not in ("", "＝"):
        return False
    if actual.unit and actual.unit != ind.unit:
        return False
    # a count under 数量指标 written without its sign (e06: 550, done 20) is a count to reach
    at_least = ind.comparator in ("≥", "＞") or (not ind.comparator and f.level2 == QUANTITY)
    if at_least:
        return actual.number < ind.target
    if ind.comparator in ("≤", "＜"):
        return actual.number > ind.target
    return False


@indicator_rule(
    "EVAL-01", E, tables=ON_SELF_EVALUATION, title=("得分高于分值", "Score above its points"),
    message=("得分{score}高于本指标的分值{weight}。请按完成情况重新评分，得分不超过分值。",
             "The score {score} is above the {weight} points the indicator is worth. Score it "
             "again, at most its points."),
    source=source(P10, "完成指标值的，记该指标所赋全部分值", "a target met earns the points it is given"))
def score_above_points(f, p, ctx):
    ind = f.ind
    if ind.score is not None and ind.weight is not None \
            and ind.score > ind.weight:
        return hit("score", score=format_number(ind.score), weight=format_number(ind.weight))


@indicator_rule(
    "EVAL-02", W, tables=ON_SELF_EVALUATION, title=("有得分而没有分值", "Score without points"),
    message=("本指标填了得分{score}，却没有分值。请先填写该指标的分值，再按完成情况评分。",
             "The indicator has a score ({score}) but no points. Enter the points it is worth, "
             "then score it."),
    source=source(SELF_FORM, "各项指标先设分值，得分按完成情况在分值内评定",
                  "each indicator has its points; the score is given within them"))
def score_without_points(f, p, ctx):
    ind = f.ind
    if ind.score is None or ind.weight is not None:
        return None
    if _form_has(p, "weight"):
        return hit("score", score=format_number(ind.score))
    return None


@indicator_rule(
    "EVAL-03", W, tables=ON_SELF_EVALUATION,
    title=("得分与完成情况不符", "Score does not match the result"),
    message=("得分与完成情况不符：全年实际值“{actual}”未达到指标值“{target}”，却得了满分{weight}分，"
             "也没有写未完成原因。请按实际完成情况评分，并写明偏差原因和改进措施。",
             "The score does not match the result: the actual '{actual}' falls short of the "
             "target '{target}', yet the row has its full {weight} points and no reason for "
             "the shortfall. Score it by the result and state why and what will change."),
    source=source(P10, "未完成的，按照完成值与指标值的比例记分",
                  "a target not met is scored in proportion to what was achieved"))
def full_score_while_short(f, p, ctx):
    ind = f.ind
    if (ind.weight is not None and ind.score == ind.weight and not ind.shortfall.strip()
            and short_of_target(f, ctx)):
        return hit("score", actual=clip(ind.actual), target=clip(f.display),
                   weight=format_number(ind.weight))


@indicator_rule(
    "EVAL-04", W, tables=ON_SELF_EVALUATION, title=("全年实际值为空", "Actual value empty"),
    message=("指标值为“{target}”，全年实际值却是空的。请填写该指标全年实际完成的数值或情况。",
             "The target is '{target}' but the actual value is empty. Enter what was achieved "
             "over the year."),
    source=source(SELF_FORM, "逐项填写各项指标的全年实际值",
                  "every indicator's actual value is entered"))
def actual_empty(f, p, ctx):
    if f.ind.actual.strip() or not f.has_value:
        return None
    if _form_has(p, "actual"):
        return hit("actual", target=clip(f.display))
    return None


@indicator_rule(
    "EVAL-05", H, tables=ON_SELF_EVALUATION, title=("未写未完成原因", "No reason for a shortfall"),
    messages={
        "short": ("全年实际值“{actual}”未达到指标值“{target}”，未完成原因却是空的。请写明偏差原因和"
                  "改进措施。",
                  "The actual '{actual}' falls short of the target '{target}' but no reason is "
                  "given. State why and what will change."),
        "deducted": ("本指标扣了分（得分{score}，分值{weight}），未完成原因却是空的。扣分的请写明偏差"
                     "原因和改进措施；已完成目标的请按完成情况如实评分。",
                     "The indicator lost points ({score} of {weight}) but no reason is given. "
                     "State why and what will change; if the target was met, score it so."),
    },
    source=source(P10, "对未完成绩效目标或偏离绩效目标较大的，要分析并说明原因，研究提出改进措施",
                  "where a target is missed, the reasons and the improvements are stated"))
def shortfall_unexplained(f, p, ctx):
    ind = f.ind
    if ind.shortfall.strip():
        return None
    full = ind.weight is not None and ind.score == ind.weight
    if short_of_target(f, ctx):
        if full:
            return None  # EVAL-03 says it, with the score
        return hit("shortfall", "short", actual=clip(ind.actual), target=clip(f.display))
    if ind.weight is not None and ind.score is not None and ind.score < ind.weight:
        return hit("shortfall", "deducted", score=format_number(ind.score),
                   weight=format_number(ind.weight))
    return None


_HUNDRED = Decimal(100)


@project_rule(
    "EVAL-06", W, tables=ON_SELF_EVALUATION,
    title=("预算执行得分高于按执行率应得的分", "Budget execution scored above its rate"),
    message=("预算执行一行得分{score}，高于按执行率应得的{due}分（分值{weight} × 执行率{rate}，"
             "全年执行数{executed} ÷ 全年预算数{budget}）。请按执行率重新计算得分。",
             "The budget execution row scores {score}, above the {due} its rate earns ({weight} "
             "points × {rate}, {executed} spent of {budget}). Score it by the rate."),
    source=source(P10, "未完成的，按照完成值与指标值的比例记分（预算执行率的指标值为100%）",
                  "a target not met is scored in proportion to what was achieved (the budget "
                  "execution rate's target is 100%)"))
def execution_score_above_rate(p, ctx):
    project = p.project
    weight, score = project.funds_weight, project.funds_score
    rate = project.execution_rate
    if weight is None or score is None or rate is None:
        return None
    # to the places the 得分 is written (two at most), never more than the points
    places = Decimal(1).scaleb(max(-2, min(0, int(score.as_tuple().exponent))))
    due = (weight * min(rate, _HUNDRED) / _HUNDRED).quantize(places, rounding=ROUND_HALF_UP)
    if score > due:
        return hit("funds_score", score=format_number(score), due=format_number(due),
                   weight=format_number(weight), rate=format_rate(rate),
                   executed=format_number(project.executed_total),
                   budget=format_number(project.annual_total))
    return None
