"""Rules for particular kinds of indicator: satisfaction (SAT), cost (COST), timeliness (TIME),
inputs disguised as results (IN) and the basis of a target (STD)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from perfdesk.checks.catalogue import Fix, Severity, hit, indicator_rule
from perfdesk.checks.facts import looks_like_date
from perfdesk.checks.rules_fit import word_pairs
from perfdesk.checks.rules_review import spending_word
from perfdesk.checks.wording import P88, P101, REVIEW, amount, both, clip, listing, source
from perfdesk.core.i18n import Text
from perfdesk.core.taxonomy import (
    BASES,
    COST,
    OUTPUT,
    SATISFACTION,
    is_money_unit,
    level2_names,
    normalise_label,
    simplified,
)
from perfdesk.core.values import normalise_text

E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT

_HUNDRED = Decimal(100)
_SATISFACTION = source(P101, "满意度指标以百分比设定，一般用“≥”",
                       "satisfaction targets are percentages, usually with ≥")


def _percent(unit: str) -> bool:
    return normalise_text(unit) == "%"


def _typed_fix(f, label: Text, **changes) -> Fix | None:
    """A fix of typed value fields; the written text goes too when it only spelled the old
    value (else the fix would hide behind it); none when the text holds more (a formula)."""
    if f.written:
        if not f.notation_only():
            return None
        changes["value_text"] = ""
    return Fix(label, indicator_changes={f.ind.uuid: changes})


# --- satisfaction ---------------------------------------------------------------------------


@indicator_rule(
    "SAT-01", E, title=("满意度没有百分比", "Satisfaction without a percentage"),
    messages={
        "default": ("满意度指标“{name}”的指标值“{value}”不是百分比。请写成“≥90%”这样的百分比目标，"
                    "调查方式写在“指标解释”中。",
                    "The satisfaction indicator '{name}' has the value '{value}', which is not a "
                    "percentage. Write a percentage target such as ≥90%, with the survey method "
                    "in the explanation."),
        "unit": ("满意度指标“{name}”的指标值“{value}”缺少“%”。可一键把计量单位设为“%”。",
                 "The satisfaction value '{value}' of '{name}' lacks '%'. The unit can be set "
                 "to % in one click."),
    },
    source=_SATISFACTION, supersedes=("VAL-04",), when=("satisfaction",))
def satisfaction_is_percentage(f, p, ctx):
    ind = f.ind
    if not f.has_value or _percent(ind.unit):
        return None
    target = ind.target
    if target is not None and not ind.unit.strip() and 1 < target <= _HUNDRED:
        fix = _typed_fix(f, Text("计量单位设为“%”", "Set the unit to %"), unit="%")
        return hit("value", "unit", fix=fix, name=clip(ind.name), value=clip(f.display))
    return hit("value", name=clip(ind.name), value=clip(f.display))


@indicator_rule(
    "SAT-02", W, title=("满意度目标没有用“≥”", "Satisfaction target without ≥"),
    messages={
        "default": ("满意度目标“{value}”应使用“≥”（不低于该比例）。请改为“≥{number}%”这样的写法。",
                    "The satisfaction target '{value}' should use ≥ (at least). Write it as "
                    "≥{number}%."),
        "missing": ("满意度目标“{value}”缺少计算符号，应为“≥{number}%”。可一键补上“≥”。",
                    "The satisfaction target '{value}' has no comparator; it should be "
                    "≥{number}%. ≥ can be added in one click."),
    },
    source=_SATISFACTION, supersedes=("VAL-02",), when=("satisfaction", "target"))
def satisfaction_at_least(f, p, ctx):
    ind = f.ind
    # a bare figure in the percent range is the percentage SAT-01 asks the % for (b02: 学生
    # 满意度 “100”, “带≥和%”): it still wants its ≥
    as_percent = _percent(ind.unit) or (not ind.unit.strip() and 1 < ind.target <= _HUNDRED)
    if ind.comparator == "≥" or not as_percent or ind.target > _HUNDRED:
        return None  # above 100% the target itself is wrong (VAL-06): ≥ would not mend it
    number = amount(ind.target)
    if not ind.comparator:
        fix = _typed_fix(f, Text("计算符号设为“≥”", "Set the comparator to ≥"), comparator="≥")
        return hit("value", "missing", fix=fix, value=clip(f.display), number=number)
    return hit("value", value=clip(f.display), number=number)


@indicator_rule(
    "SAT-03", H, title=("满意度目标偏低或为100%", "Satisfaction target low or 100%"),
    messages={
        "low": ("满意度目标“{value}”低于{min}%，偏低。常见取值为≥85%至≥95%，请核对。",
                "The satisfaction target '{value}' is below {min}%. Usual targets run from ≥85% "
                "to ≥95%; check it."),
        "full": ("满意度目标为100%，实际很难达到。常见取值为≥85%至≥95%，请按以往调查结果设定。",
                 "A satisfaction target of 100% is hardly ever met. Usual targets run from ≥85% "
                 "to ≥95%; set it from earlier surveys."),
    },
    source=source(P101, "满意度指标值参考历史水平合理设定",
                  "satisfaction targets follow earlier results"),
    settings=("satisfaction_min",), when=("satisfaction", "target"))
def satisfaction_usual_range(f, p, ctx):
    ind = f.ind
    if not _percent(ind.unit):
        return None
    if ind.target < ctx.satisfaction_min:
        return hit("value", "low", value=clip(f.display), min=amount(ctx.satisfaction_min))
    if ind.target == _HUNDRED and ind.comparator in ("≥", "＝", ""):
        return hit("value", "full")
    return None


_SATISFACTION_NAME = re.compile(r"满意度|满意程度|满意率")


def names_satisfaction(name: str) -> bool:
    """Whether an indicator's name measures satisfaction (SAT-04 moves one that sits elsewhere)."""
    return bool(_SATISFACTION_NAME.search(name))


@indicator_rule(
    "SAT-04", W, title=("满意度指标放错类别", "Satisfaction indicator outside 满意度指标"),
    message=("“{name}”是满意度指标，却放在“{level1}”下。请移到“{category}”下。可一键调整。",
             "'{name}' measures satisfaction but sits under '{level1}'. Move it under "
             "'{category}'; this can be done in one click."),
    source=both(P88, P101, zh="满意度指标单列为一级指标",
                en="satisfaction is its own level-1 category"))
def satisfaction_in_place(f, p, ctx):
    ind = f.ind
    if f.is_satisfaction or not _SATISFACTION_NAME.search(ind.name):
        return None
    children = level2_names(ctx.profile, SATISFACTION)
    level2 = children[0] if len(children) == 1 else ""
    label = Text(f"移到“{SATISFACTION}”下", f"Move it under '{SATISFACTION}'")
    fix = Fix(label, indicator_changes={ind.uuid: {"level1": SATISFACTION, "level2": level2}})
    return hit("level1", fix=fix, name=clip(ind.name), level1=clip(ind.level1) or "—",
               category=SATISFACTION)


# --- cost -----------------------------------------------------------------------------------

_COST = both(P101, P88, zh="成本指标反映产出的成本控制要求，以金额表述",
             en="cost indicators state cost limits as amounts of money")


@indicator_rule(
    "COST-01", W, title=("成本指标不是金额", "Cost value not an amount of money"),
    message=("成本指标“{name}”的指标值“{value}”不是金额。请写成成本金额，如“≤500元/人”"
             "“≤30万元”。",
             "The cost indicator '{name}' has the value '{value}', which is not an amount of "
             "money. Write an amount such as ≤500元/人 or ≤30万元."),
    source=_COST, when=("cost",))
def cost_is_money(f, p, ctx):
    ind = f.ind
    if f.has_value and (ind.target is None or not is_money_unit(ind.unit)):
        if spending_word(ind.name):
            return None  # 预算执行率 as a cost: IN-02 says it is no indicator at all
        return hit("value", name=clip(ind.name), value=clip(f.display))


_TO_WAN = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}


@indicator_rule(
    "COST-02", E, title=("成本超过年度资金总额", "Cost above the annual total"),
    messages={
        "default": ("成本指标“{name}”的目标“{value}”超过项目年度资金总额{total}万元。请核对金额和"
                    "单位（元/万元）。",
                    "The cost indicator '{name}' ({value}) exceeds the project's annual total "
                    "of {total} (10k yuan). Check the amount and its unit (元 or 万元)."),
        "converted": ("成本指标“{name}”的目标“{value}”折合{wan}万元，超过项目年度资金总额{total}"
                      "万元。请核对金额和单位（元/万元）。",
                      "The cost indicator '{name}' ({value}, i.e. {wan} in 10k yuan) exceeds "
                      "the project's annual total of {total}. Check the amount and its unit "
                      "(元 or 万元)."),
        "per": ("成本指标“{name}”的目标“{value}”乘以数量指标“{count_name}”的{count}，合计{wan}万元，"
                "超过项目年度资金总额{total}万元。请核对单位成本或数量，使两者之积不超过资金总额。",
                "The cost indicator '{name}' ({value}) times the quantity indicator "
                "'{count_name}' ({count}) comes to {wan} (10k yuan), more than the project's "
                "annual total of {total}. Check the unit cost or the quantity."),
    },
    source=source(REVIEW, "成本指标与项目资金相匹配", "costs match the project's funds"),
    when=("cost", "target"))
def cost_within_funds(f, p, ctx):
    ind = f.ind
    total = p.project.annual_total
    if total is None:
        return None
    unit = normalise_text(ind.unit)
    factor = _TO_WAN.get(unit)
    if factor is None:  # a per-unit cost (万元/个): times the count it is paid for
        return _per_unit_above_funds(f, p, unit, total)
    wan = ind.target * factor
    if wan > total:
        return hit("value", "default" if factor == 1 else "converted", name=clip(ind.name),
                   value=clip(f.display), wan=amount(wan.normalize()), total=amount(total))
    return None


def _per_unit_above_funds(f, p, unit: str, total: Decimal):
    """COST-02 for a unit cost (``补助合作社平均标准 ＝23万元/个``): times the 数量指标 counted in
    the same unit that speaks of the same thing (``入股合作社个数 ＝10个``: 合作社), the cost is
    above the annual total. Only an exact count (＝10个) gives a total: ≥12000人 is a floor, and a
    floor times a ceiling says nothing. Silent where no such count, or several that disagree."""
    money, _slash, per = unit.partition("/")
    factor = _TO_WAN.get(money.strip())
    per = per.strip()
    if factor is None or not per or f.ind.comparator in ("≥", "＞"):
        return None
    words = word_pairs(f.ind.name)
    counts = {(o.ind.target, o.ind.name) for o in p.indicators
              if o.level2 == "数量指标" and o.ind.target is not None and o.ind.comparator == "＝"
              and normalise_text(o.ind.unit) == per and words & word_pairs(o.ind.name)}
    if len({target for target, _n in counts}) != 1:
        return None
    count, count_name = min(counts)
    wan = f.ind.target * factor * count
    if wan > total:
        return hit("value", "per", severity=W, name=clip(f.ind.name), value=clip(f.display),
                   count_name=clip(count_name), count=f"{amount(count)}{per}",
                   wan=amount(wan.normalize()), total=amount(total))
    return None


@indicator_rule(
    "COST-03", H, title=("成本指标写成了一句话", "Cost written as a statement"),
    messages={
        "default": ("成本指标“{name}”写成了一句话（“{value}”）。建议写成成本上限，如“≤N元/人”"
                    "“≤N万元/公里”。",
                    "The cost indicator '{name}' is a statement ('{value}'). Write a cost limit "
                    "such as ≤N元/人 or ≤N万元/公里 instead."),
        "name": ("成本指标的名称“{name}”是一句表述，不是成本项目。请写成本的名称和上限，如“服务费 ≤N万元”"
                 "“单位成本 ≤N元/人”。",
                 "The cost indicator's name '{name}' is a statement, not an item of cost. Name "
                 "the cost and give its limit, e.g. 服务费 ≤N万元."),
    },
    source=_COST, when=("cost",))
def cost_as_amount(f, p, ctx):
    if f.raw:
        return hit("value", name=clip(f.ind.name), value=clip(f.written))
    if _COST_STATEMENT.search(f.ind.name.strip()):
        return hit("name", "name", name=clip(f.ind.name))
    return None


# a cost's name written as what is to be done (控制在预算成本内, 不超过预算, 确保成本可控)
_COST_STATEMENT = re.compile(r"^(?:控制在|控制|确保|不超过?|严格|做到)|(?:以内|之内|范围内)$")


# --- timeliness -----------------------------------------------------------------------------

_TIME_UNITS = ("天", "日", "工作日", "小时", "分钟", "秒", "周", "月", "年", "季度")


def _time_unit(unit: str) -> bool:
    unit = normalise_text(unit).removeprefix("个")
    return unit.startswith(_TIME_UNITS)


@indicator_rule(
    "TIME-01", W, title=("时效指标不是日期、期限或比率", "Timeliness not a date, period or rate"),
    messages={
        "default": ("时效指标“{name}”的指标值“{value}”既不是日期或期限，也不是比率。请写成“12月底前”"
                    "“≤30个工作日”或“按期完成率≥95%”这样的目标。",
                    "The timeliness indicator '{name}' has the value '{value}', neither a date "
                    "or period nor a rate. Use a target such as 12月底前 (by end of December), "
                    "≤30个工作日, or an on-time rate ≥95%."),
        "at_least": ("时效指标“{name}”的指标值“{value}”是至少持续多久，不是完成时限，无法据此考核按时"
                     "与否。请写成“12月底前”“≤30个工作日”或“按期完成率≥95%”这样的目标。",
                     "The timeliness indicator '{name}' has the value '{value}': a minimum "
                     "duration, not a time limit. Use a target such as 12月底前, ≤30个工作日, "
                     "or an on-time rate ≥95%."),
        "percent": ("时效指标“{name}”问的是时间，指标值却是百分比“{value}”。请写完成时限，如"
                    "“2026年12月底前”，或把名称改为比率，如“按期完成率”。",
                    "The timeliness indicator '{name}' asks for a time but its value is a "
                    "percentage '{value}'. Give the time limit (2026年12月底前), or name a rate "
                    "(按期完成率)."),
    },
    source=source(P101, "时效指标反映完成时限或及时程度",
                  "timeliness is a deadline, a period or an on-time rate"),
    when=("timeliness",))
def timeliness_shape(f, p, ctx):
    ind = f.ind
    if not f.has_value or f.is_time:
        return None
    if ind.target is not None and _time_unit(ind.unit):
        # ≥1年 says how long something lasts at least, not by when it is done
        return _timeliness_hit(f, "at_least") if ind.comparator in ("≥", "＞") else None
    if ind.target is not None and _percent(ind.unit):
        name = ind.name.strip()
        if _TIME_NAME.search(name) and not _RATE_WORD.search(name):
            return _timeliness_hit(f, "percent")
        return None
    if looks_like_date(f.display):
        return None
    return _timeliness_hit(f, "default")


def _timeliness_hit(f, variant: str):
    return hit("value", variant, name=clip(f.ind.name), value=clip(f.display))


# a name asking for a time (项目完成时间), and one asking for a rate (按期完成率)
_TIME_NAME = re.compile(r"(?:时间|时限|日期|期限|时点)$")
_RATE_WORD = re.compile(r"率|比例|比重|占比")


# --- inputs ---------------------------------------------------------------------------------

_FUNDS_NAME = re.compile(r"(?:补助|补贴|专项|项目|工作)?(?:经费|资金|款项|金额)$")
_INPUT_NAME = re.compile(
    r"资金投入|支出安排金额|经费保障|投入人员|(?:资金|经费|预算)(?:到位|拨付|支付|执行|使用)(?:率|进度)|"
    # the staff the budget pays, counted as if they were what it delivers (保障在职职工人数)
    r"(?:在职|退休|离退休|离休|在编)(?:职工|人员|干部)(?:人数|数)|遗属人数|"
    r"(?:保障|供养)的?(?:职工|人员)(?:人数|数)|"
    # the staff's own travel (出差人数, 出差人次) and costs being paid (利息费用保障率,
    # 利息补贴保障率) are what the money goes into, not what it produces
    r"出差(?:人数|人次|次数|天数)|(?:费用|利息|资金)(?:补贴)?保障率")


@indicator_rule(
    "IN-01", W, title=("把投入当作产出或效果", "Input written as an output or effect"),
    message=("“{name}”衡量的是投入（“{word}”），不是产出或效果。资金投入、到位和执行情况不作为绩效"
             "指标，请改为这笔资金带来的产出或效果。",
             "'{name}' measures an input ('{word}'), not an output or effect. Spending, funds "
             "received and budget execution are not performance indicators; state what the "
             "money produces or achieves."),
    source=source(P101, "绩效指标反映产出和效果，不以投入和过程代替",
                  "indicators measure outputs and effects, not inputs or process"),
    supersedes=("FIT-01",))  # no indicator at all: where it sits is beside the point
def input_as_result(f, p, ctx):
    if f.level1 == COST or f.is_cost:
        return None
    inputs, funds = _input_words(f.ind.name)
    if inputs:
        return hit("name", name=clip(f.ind.name), word=inputs)
    # an output counted in money whose name is the money itself (补助经费 72890元)
    if funds and f.level1 == OUTPUT and f.ind.target is not None and is_money_unit(f.ind.unit):
        return hit("name", name=clip(f.ind.name), word=funds)


@lru_cache(maxsize=4096)
def _input_words(name: str) -> tuple[str, str]:
    """The words of an input (资金投入) and of money as the thing itself (补助经费) in a name,
    each "" when there are none (IN-01)."""
    name = simplified(name)
    inputs, funds = _INPUT_NAME.search(name), _FUNDS_NAME.search(name)
    return (inputs.group() if inputs else "", funds.group() if funds else "")


# --- standards ------------------------------------------------------------------------------

_BASES = frozenset(BASES)


@indicator_rule(
    "STD-01", H, title=("指标值设定依据不规范", "Basis of the target missing or non-standard"),
    messages={
        "empty": ("“{name}”没有填写指标值设定依据。请选择{bases}之一。",
                  "'{name}' has no basis for its target (指标值设定依据). Choose one of {bases}."),
        "other": ("指标值设定依据“{basis}”不是规定选项。请选择{bases}之一。",
                  "The basis '{basis}' is not one of the prescribed ones. Choose one of "
                  "{bases}."),
        "close": ("指标值设定依据写作“{basis}”，规定写法是“{standard}”。可一键改为规定写法。",
                  "The basis is written '{basis}'; the prescribed wording is '{standard}'. It "
                  "can be changed in one click."),
    },
    source=source(P101, "指标值依据计划标准、历史标准、行业标准、预算支出标准或其他标准设定",
                  "targets rest on plan, historical, industry, budget or other standards"))
def basis_standard(f, p, ctx):
    basis = f.ind.basis
    if basis in _BASES:
        return None
    if not basis.strip():
        return hit("basis", "empty", name=clip(f.ind.name) or f"#{f.position}",
                   bases=listing(BASES))
    label = normalise_label(basis)
    standard = label if label in _BASES else (label + "标准" if label + "标准" in _BASES else "")
    if standard:
        fix = Fix(Text(f"设定依据改为“{standard}”", f"Set the basis to '{standard}'"),
                  indicator_changes={f.ind.uuid: {"basis": standard}})
        return hit("basis", "close", fix=fix, basis=clip(basis), standard=standard)
    return hit("basis", "other", basis=clip(basis), bases=listing(BASES))
