"""Rules on the project header, its funds and its goal text (HDR, FUND, GOAL in rules.md)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache

from perfdesk.checks.catalogue import Fix, Severity, hit, project_rule
from perfdesk.checks.rules_fit import spending_clause
from perfdesk.checks.wording import (
    FORM,
    P88,
    P101,
    REVIEW,
    amount,
    both,
    cents,
    clip,
    period,
    source,
)
from perfdesk.core.i18n import Text
from perfdesk.core.model import DEPARTMENT_WHOLE, SELF_EVALUATION
from perfdesk.core.taxonomy import PROJECT_ATTRIBUTE_ALIASES, PROJECT_ATTRIBUTES, normalise_label
from perfdesk.core.values import amount_in_text, yuan_to_wan

E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT

# --- project header -------------------------------------------------------------------------


@project_rule(
    "HDR-01", E, title=("项目名称为空", "Project name empty"),
    message=("项目名称为空。请按预算项目库中的名称填写项目名称。",
             "The project name is empty. Enter it exactly as in the budget's project list."),
    source=source(FORM, "项目名称必填，且与预算项目名称一致",
                  "the project name is required and matches the budget project"))
def project_name_empty(p, ctx):
    if not p.project.name.strip():
        return hit("name")


@project_rule(
    "HDR-02", E, title=("主管部门或预算单位为空", "Department or budget unit empty"),
    messages={
        "department": ("主管部门为空。请填写项目所属的主管部门名称。",
                       "The department (主管部门) is empty. Enter the department the project "
                       "belongs to."),
        "unit": ("预算单位为空。请填写实施该项目的预算单位名称。",
                 "The budget unit (预算单位) is empty. Enter the unit that carries out the "
                 "project."),
        "subordinate": ("主管部门和预算单位都是“{name}”，而它看起来是一个下属单位（{suffix}），不是主管部门。"
                        "请填写它的上级主管部门（如某某局）；确为部门本级的表，可忽略本提示。",
                        "Both the department and the budget unit are '{name}', which looks like "
                        "a subordinate unit ({suffix}), not a department. Enter the department "
                        "above it; if this really is the department's own table, ignore this."),
    },
    source=source(FORM, "主管部门、实施单位必填", "the department and the unit are required"))
def department_or_unit_empty(p, ctx):
    # a blank cell the table has, not a field its layout lacks (that the clerk picks at import)
    unstated = ctx.unstated.get(p.project.uuid, ()) if ctx.unstated else ()
    found = []
    if not p.project.department.strip() and "department" not in unstated:
        found.append(hit("department", "department"))
    if not p.project.unit.strip() and "unit" not in unstated:
        found.append(hit("unit", "unit"))
    department = p.project.department.strip()
    if department and department == p.project.unit.strip():
        # a07 (湘潭): only a 预算部门 cell, holding 湘潭市环境卫生管理处 — a 处 under its 局,
        # read as the department's own table (部门本级)
        m = _SUBORDINATE.search(department)
        if m:
            found.append(hit("department", "subordinate", severity=H, name=clip(department, 30),
                             suffix=m.group()))
    return found


# what the name of a unit below a department ends with (a department is a 局, 委, 办, 厅, 政府 …)
_SUBORDINATE = re.compile(r"(?:管理处|处|管理站|站|所|队|科|股)$")


@project_rule(
    "HDR-03", E, title=("项目属性不是新增项目或延续项目", "Project attribute not new/continuing"),
    messages={
        "empty": ("项目属性未填写。请选择“新增项目”或“延续项目”（以前年度已安排、本年继续实施的为"
                  "延续项目）。",
                  "The project attribute (项目属性) is empty. Choose 新增项目 (new) or 延续项目 "
                  "(continuing: funded in earlier years and carried on this year)."),
        "unknown": ("项目属性“{value}”不是“新增项目”或“延续项目”。请改为其中之一。",
                    "The project attribute '{value}' is neither 新增项目 (new) nor 延续项目 "
                    "(continuing). Choose one of them."),
        "alias": ("项目属性写作“{value}”，标准写法是“{standard}”。可一键改为“{standard}”。",
                  "The project attribute is written '{value}'; the standard wording is "
                  "'{standard}'. It can be changed in one click."),
    },
    source=source(FORM, "项目属性填“新增项目”或“延续项目”",
                  "the attribute is either 新增项目 or 延续项目"))
def project_attribute(p, ctx):
    value = p.project.attribute
    if value in PROJECT_ATTRIBUTES or p.project.kind == DEPARTMENT_WHOLE:
        return None  # a department's whole budget is no project: it has no 项目属性
    if not value.strip():
        # a 自评表 reports on a project already approved: most forms have no 项目属性 to fill
        return None if p.project.kind == SELF_EVALUATION else hit("attribute", "empty")
    standard = PROJECT_ATTRIBUTE_ALIASES.get(normalise_label(value))
    if standard is None:
        return hit("attribute", "unknown", value=clip(value))
    fix = Fix(Text(f"项目属性改为“{standard}”", f"Set the attribute to '{standard}'"),
              project_changes={"attribute": standard})
    return hit("attribute", "alias", fix=fix, severity=H, value=value, standard=standard)


@project_rule(
    "HDR-04", W, title=("项目期有误或不含预算年度", "Project period wrong or without budget year"),
    messages={
        "reversed": ("项目期结束年份{end}早于开始年份{start}。请检查项目期的起止年份。",
                     "The project period ends ({end}) before it starts ({start}). Check both "
                     "years."),
        "before": ("预算年度{year}年在项目期{period}年之前：项目尚未开始。请核对项目期或预算年度。",
                   "The budget year {year} falls before the project period {period}: the "
                   "project has not started. Check the period or the budget year."),
        "after": ("预算年度{year}年在项目期{period}年之后：项目期已结束。延续实施的项目请把项目期延长"
                  "到{year}年。",
                  "The budget year {year} falls after the project period {period}: the period "
                  "has ended. If the project continues, extend its period to {year}."),
    },
    source=source(FORM, "项目期应覆盖申报的预算年度",
                  "the project period covers the budget year applied for"))
def project_period(p, ctx):
    start, end = p.project.period_start, p.project.period_end
    if start is not None and end is not None and end < start:
        return hit("period_end", "reversed", start=start, end=end)
    year = ctx.budget_year
    if year is None:
        return None
    if start is not None and year < start:
        return hit("period_start", "before", year=year, period=period(start, end))
    if end is not None and year > end:
        return hit("period_end", "after", year=year, period=period(start, end))
    return None


@project_rule(
    "HDR-05", H, title=("项目名称不在预算项目清单中", "Project name not in the budget list"),
    messages={
        "missing": ("项目名称“{name}”不在已载入的预算项目清单中。请核对名称，使其与预算项目库完全"
                    "一致。",
                    "The project name '{name}' is not in the loaded budget project list. Make "
                    "it match the budget's project list exactly."),
        "close": ("项目名称“{name}”与预算项目清单中的“{listed}”只差空格或标点。可一键改为清单中的"
                  "名称。",
                  "The project name '{name}' differs from '{listed}' in the budget project "
                  "list only in spaces or punctuation. It can be renamed in one click."),
        "code": ("项目编码在预算项目清单中对应“{listed}”，而项目名称是“{name}”。可一键改为清单中的"
                 "名称。",
                 "The project code belongs to '{listed}' in the budget project list, but the "
                 "name is '{name}'. It can be renamed in one click."),
    },
    source=source(FORM, "项目名称与预算项目库一致", "the project name matches the budget's list"))
def project_in_budget_list(p, ctx):
    if not ctx.has_reference or not p.project.name.strip():
        return None
    how, listed = ctx.reference_match(p.project)
    if how == "listed":
        return None
    name = clip(p.project.name, 40)
    if how == "missing":
        return hit("name", "missing", name=name)
    fix = Fix(Text(f"项目名称改为“{listed}”", f"Rename the project to '{listed}'"),
              project_changes={"name": listed})
    return hit("name", how, fix=fix, name=name, listed=listed)


@project_rule(
    "HDR-06", W, title=("同一预算单位的项目重名", "Two projects of one unit share a name"),
    message=("本预算单位还有{count}个项目也叫“{name}”（忽略空格和标点）。请核对是否重复录入；不同项目"
             "请按预算项目库区分名称。",
             "{count} other project(s) of this budget unit are also called '{name}' (ignoring "
             "spaces and punctuation). Check for a duplicate entry; distinct projects need the "
             "distinct names of the budget's project list."),
    source=source(REVIEW, "一个预算项目只填报一张绩效目标表",
                  "one budget project has exactly one target table"))
def duplicate_project(p, ctx):
    project = p.project
    if not project.name.strip() or not project.unit.strip():
        return None
    count = ctx.same_named(project)
    if count:
        return hit("name", count=count, name=clip(project.name, 40))


# --- funds ----------------------------------------------------------------------------------

_SPLITS = {
    "annual": (Text("年度", "annual"), "annual_total", "annual_fiscal", "annual_other"),
    "midterm": (Text("中期", "mid-term"), "midterm_total", "midterm_fiscal", "midterm_other"),
}
MONEY_LABELS = {
    "annual_total": Text("年度资金总额", "the annual total"),
    "annual_fiscal": Text("年度财政拨款", "the annual fiscal appropriation"),
    "annual_other": Text("年度其他资金", "the annual other funds"),
    "midterm_total": Text("中期资金总额", "the mid-term total"),
    "midterm_fiscal": Text("中期财政拨款", "the mid-term fiscal appropriation"),
    "midterm_other": Text("中期其他资金", "the mid-term other funds"),
}
_ZERO = Decimal(0)
_CENT, _FEN_OF_YUAN = Decimal("0.01"), Decimal("0.000001")  # 万元 to the cent; 元 to the fen
_PART_NAMES = {"fiscal": Text("财政拨款", "fiscal appropriation"),
               "other": Text("其他资金", "other funds")}


@project_rule(
    "FUND-01", E, title=("资金总额不等于财政拨款加其他资金", "Total ≠ fiscal + other funds"),
    messages={
        "mismatch": ("{which}资金总额{total}万元，不等于财政拨款{fiscal}万元加其他资金{other}万元"
                     "（合计{sum}万元，相差{diff}万元）。请核对三项金额。",
                     "The {which} total of {total} (10k yuan) is not fiscal {fiscal} + other "
                     "{other} (= {sum}, a difference of {diff}). Check the three amounts."),
        "missing": ("{which}资金总额未填写，而财政拨款{fiscal}万元、其他资金{other}万元。可一键填入"
                    "合计{sum}万元。",
                    "The {which} total is empty while fiscal is {fiscal} and other is {other} "
                    "(10k yuan). Their sum, {sum}, can be filled in with one click."),
        "below": ("{which}资金总额{total}万元少于其中的{part_name}{part}万元。资金总额＝财政拨款＋其他资金，"
                  "请核对资金总额（执行率和得分随之重算）。",
                  "The {which} total of {total} (10k yuan) is below the {part_name_en} it "
                  "includes, {part}. Total = fiscal + other funds: check the total (and the "
                  "execution rate and score that follow from it)."),
        "unsplit": ("{which}资金总额{total}万元没有拆分来源。请填写“其中：财政拨款”和“其他资金”"
                    "（没有其他资金时填0）。",
                    "The {which} total of {total} (10k yuan) is not split by source. Fill in "
                    "the fiscal appropriation and other funds (0 when there are none)."),
    },
    source=source(FORM, "资金总额＝财政拨款＋其他资金，单位万元，精确到分",
                  "total = fiscal + other funds, in 10k yuan, exact to the cent"))
def funds_add_up(p, ctx):
    project = p.project
    unreadable = unreadable_funds(project.funds_text) if project.funds_text else frozenset()
    found = []
    for which, total_f, fiscal_f, other_f in _SPLITS.values():
        if unreadable & {total_f, fiscal_f, other_f}:
            continue  # FUND-04 reports the part that cannot be read; no sum on top of it
        total = getattr(project, total_f)
        fiscal = getattr(project, fiscal_f)
        other = getattr(project, other_f)
        if total is None and fiscal is None and other is None:
            continue
        parts = (fiscal if fiscal is not None else _ZERO) + (other if other is not None
                                                              else _ZERO)

        def shown():  # worded only for a hit: most projects' funds add up
            return dict(which=which, fiscal=amount(fiscal if fiscal is not None else _ZERO),
                        other=amount(other if other is not None else _ZERO), sum=amount(parts))
        if total is None:
            fix = Fix(Text(f"{which.zh}资金总额填入{amount(parts)}万元",
                           f"Set the {which.en} total to {amount(parts)}"),
                      project_changes={total_f: parts})
            found.append(hit(total_f, "missing", fix=fix, **shown()))
        elif fiscal is None or other is None:
            given, name = (fiscal, "fiscal") if fiscal is not None else (other, "other")
            if given is not None and total < given:
                # a total below a part it includes is wrong, whatever the other part is
                # (b06: 年度资金总额 0, 本年财政拨款 90)
                found.append(hit(total_f, "below", which=which, total=amount(total),
                                 part=amount(given), part_name=_PART_NAMES[name].zh,
                                 part_name_en=_PART_NAMES[name].en))
            # a table that gives only the total (or one part) is incomplete, not wrong
            elif total != _ZERO and (fiscal is None or total != fiscal) and (
                    other is None or total != other):
                found.append(hit(fiscal_f if fiscal is None else other_f, "unsplit",
                                 severity=H, which=which, total=amount(total)))
        elif total != parts:
            found.append(hit(total_f, "mismatch", total=amount(total),
                             diff=amount(total - parts), **shown()))
    return found


@project_rule(
    "FUND-02", E, title=("金额为负数或超过两位小数", "Negative amount or more than two decimals"),
    messages={
        "negative": ("{label}为负数（{value}万元）。金额不能为负，请改为正确的金额。",
                     "{label} is negative ({value}, 10k yuan). Amounts cannot be negative."),
        "decimals": ("{label}{value}万元超过两位小数。金额以万元为单位、精确到分（两位小数），例如"
                     "“{rounded}”；请核对是否把元当成了万元。",
                     "{label} of {value} (10k yuan) has more than two decimals. Amounts are in "
                     "10k yuan to the cent (two decimals), e.g. '{rounded}'; check that yuan "
                     "were not entered as 10k yuan."),
    },
    source=source(FORM, "金额单位万元，保留两位小数", "amounts in 10k yuan with two decimals"))
def amounts_well_formed(p, ctx):
    project = p.project
    found = []
    for name, label in MONEY_LABELS.items():
        value = getattr(project, name)
        if value is None:
            continue
        if value < 0:
            found.append(hit(name, "negative", label=label, value=amount(value)))
        elif value != value.quantize(_CENT):
            # 万元 to the yuan or the fen (four or six places) is exact, as tables kept in 元
            # (387664.62元 = 38.766462万元) give it: a hint
            to_yuan = value == value.quantize(_FEN_OF_YUAN)
            found.append(hit(name, "decimals", severity=H if to_yuan else None, label=label,
                             value=amount(value), rounded=cents(value)))
    return found


@project_rule(
    "FUND-03", W, title=("中期资金少于年度资金", "Mid-term funds below the annual funds"),
    message=("这是跨年度项目（{period}年），但中期资金总额{midterm}万元少于年度资金总额{annual}万元。"
             "中期资金应包含本年度资金，请核对。",
             "This is a multi-year project ({period}), but its mid-term total {midterm} is "
             "below its annual total {annual} (10k yuan). The mid-term total includes this "
             "year's funds; check both."),
    source=source(FORM, "中期资金总额涵盖整个项目期",
                  "the mid-term total covers the whole period"))
def midterm_covers_annual(p, ctx):
    project = p.project
    if not project.period.longer_than_a_year():  # 2023.07–2024.01: one year's work
        return None
    start, end = project.period_start, project.period_end
    mid, annual = project.midterm_total, project.annual_total
    if mid is not None and annual is not None and mid < annual:
        return hit("midterm_total", period=period(start, end), midterm=amount(mid),
                   annual=amount(annual))


# --- FUND-04: funding written as text -------------------------------------------------------

# a dash or 无 in a funding cell: no amount (0), nothing to report when the totals agree
_NOTHING = re.compile(r"^[\s—\-－–/／无]*$")
# an integer of seven digits or more in a 万元 cell is 100亿元 or more: 元 typed as 万元
_YUAN_SIZED = Decimal(1_000_000)


@lru_cache(maxsize=1024)
def written_funds(funds_text: str) -> tuple[tuple[str, str], ...]:
    """(money field, the cell's text as the table wrote it) from ``Project.funds_text``."""
    try:
        data = json.loads(funds_text) if funds_text else {}
    except ValueError:
        return ()
    if not isinstance(data, dict):
        return ()
    return tuple((f, v) for f, v in data.items() if f in MONEY_LABELS and isinstance(v, str))


@lru_cache(maxsize=1024)
def unreadable_funds(funds_text: str) -> frozenset[str]:
    """The money fields whose text as written holds no amount at all (按实际, 贰拾万元, 约5)."""
    return frozenset(f for f, text in written_funds(funds_text)
                     if not _NOTHING.match(text) and amount_in_text(text) is None)


def _without(funds_text: str, field_: str) -> str:
    rest = {f: t for f, t in written_funds(funds_text) if f != field_}
    return json.dumps(rest, ensure_ascii=False) if rest else ""


@project_rule(
    "FUND-04", E, title=("资金栏写成了文字", "Funding written as text"),
    messages={
        "unreadable": ("{label}“{text}”不是金额，无法核对资金合计。请只填数字，单位为万元，保留两位小数"
                       "（如“20.00”）。",
                       "{label} '{text}' is not an amount, so the totals cannot be checked. Enter "
                       "a number in 万元 with two decimals (e.g. '20.00')."),
        "yuan": ("{label}“{text}”看起来是元，本栏单位是万元：是否改为“{wan}”？可一键改为{wan}万元。",
                 "{label} '{text}' looks like yuan but this cell is in 万元: change it to "
                 "'{wan}'? It can be changed in one click."),
        "decorated": ("{label}只需填数字（万元）：表中写作“{text}”，已读作{amount}万元。请核对金额；"
                      "说明文字请写入项目概况或备注。",
                      "{label} needs only the number (万元): the table wrote '{text}', read as "
                      "{amount}. Check the amount; put any explanation in the overview or "
                      "remarks."),
    },
    source=source(FORM, "资金栏填数字，单位万元，保留两位小数（资金总额＝财政拨款＋其他资金，须能核对）",
                  "funding cells hold numbers in 万元 with two decimals, so the sum can be "
                  "checked"))
def funds_as_text(p, ctx):
    project = p.project
    written = dict(written_funds(project.funds_text)) if project.funds_text else {}
    found = []
    for name, label in MONEY_LABELS.items():
        value = getattr(project, name)
        text = written.get(name)
        if text is None:
            if value is not None and value >= _YUAN_SIZED and value == value.to_integral_value():
                wan = yuan_to_wan(value)
                found.append(_yuan_hit(name, label, amount(value), wan, project.funds_text))
            continue
        if _NOTHING.match(text):
            continue  # '—': no amount; FUND-01 counts it as 0
        reading = amount_in_text(text)
        if reading is None:
            if value is None:
                found.append(hit(name, "unreadable", label=label, text=clip(text, 30)))
            continue  # the clerk has entered an amount since
        number, unit = reading
        if value != number:
            continue  # converted (the table said 元) or entered anew: the cell is no text now
        if unit == "元" or (not unit and value >= _YUAN_SIZED):
            found.append(_yuan_hit(name, label, clip(text, 30), yuan_to_wan(number),
                                   project.funds_text))
            continue
        fix = Fix(Text(f"确认{label.zh}为{amount(number)}万元", f"Confirm {label.en} as {amount(number)}"),
                  project_changes={"funds_text": _without(project.funds_text, name)})
        found.append(hit(name, "decorated", fix=fix, severity=H, label=label,
                         text=clip(text, 30), amount=amount(number)))
    return found


def _yuan_hit(name: str, label: Text, text: str, wan: Decimal, funds_text: str):
    changes = {name: wan}
    if funds_text and any(f == name for f, _t in written_funds(funds_text)):
        changes["funds_text"] = _without(funds_text, name)
    fix = Fix(Text(f"{label.zh}改为{amount(wan)}万元", f"Set {label.en} to {amount(wan)}"),
              project_changes=changes)
    return hit(name, "yuan", fix=fix, severity=W, label=label, text=text, wan=amount(wan))


# --- goal text ------------------------------------------------------------------------------


@project_rule(
    "GOAL-01", E, title=("年度目标为空", "Annual goal empty"),
    message=("年度目标（绩效目标）为空。请写明本年度资金要完成的产出和达到的效果，尽量写出数量、质量、"
             "时效等具体内容。",
             "The annual goal (绩效目标) is empty. State what this year's money will produce "
             "and achieve, with quantities, quality and deadlines where possible."),
    source=source(P88, "项目支出应设定绩效目标", "every project expenditure has a target"))
def annual_goal_empty(p, ctx):
    if not p.project.annual_goal.strip():
        return hit("annual_goal")


@project_rule(
    "GOAL-02", W, title=("跨年度项目缺少中长期目标", "Multi-year project without mid-term goal"),
    messages={
        "empty": ("项目期为{period}年，跨年度项目需要填写中长期目标。请写明整个项目期内要完成的产出"
                  "和达到的效果。",
                  "The project runs {period}; a multi-year project needs a mid-term goal "
                  "stating what the whole period will produce and achieve."),
        "same": ("中长期目标与年度目标完全相同。中长期目标应覆盖整个项目期（{period}年），年度目标是"
                 "其中本年度的部分，请分别填写。",
                 "The mid-term goal is the same as the annual goal. The mid-term goal covers "
                 "the whole period ({period}); the annual goal is this year's part of it."),
    },
    source=source(P88, "中长期目标与年度目标分别设定", "mid-term and annual targets are set "
                  "separately"))
def midterm_goal(p, ctx):
    project = p.project
    if not project.period.longer_than_a_year():  # 2023.07–2024.01: one year's work
        return None
    start, end = project.period_start, project.period_end
    mid = "".join(project.midterm_goal.split())
    if not mid:
        return hit("midterm_goal", "empty", period=period(start, end))
    if mid == "".join(project.annual_goal.split()):
        return hit("midterm_goal", "same", period=period(start, end))
    return None


# An Arabic number, or a Chinese numeral counting something (十场, 三个, 一次) — not 每一个
# (every one: d01 “确保每一个学生都能享受到国家政策福利” states no quantity).
_NUMBER_IN_TEXT = re.compile(
    r"[0-9０-９]|(?<!每)[一二两三四五六七八九十百千万〇零]+(?:个|场|次|人|件|篇|项|家|所|户|条|台|套|名|期|批|"
    r"本|份|座|天|日|周|月|年|季度|公里|平方米|亩|吨|元|倍|成)")

# The budget year a goal names (2022年, 2022年度, 2021—2023年) quantifies nothing: e07's goal
# “2022年原州区健康饮茶…推广项目,通过实施2022年…” repeats the project's name, year and all.
_YEAR_IN_TEXT = re.compile(r"(?<![0-9０-９])(?:19|20)\d{2}(?:\s*[-—–~至到]\s*(?:19|20)\d{2})?\s*年度?")


# The numbering of a list (1.建设……;2.整治……, 目标1:维护……) counts nothing either (e05, a08)
_LIST_NUMBER = re.compile(r"(?:^|(?<=[;；。，,\s]))\s*(?:目标|任务)?[0-9０-９]{1,2}\s*[.．、:：)）](?![0-9０-９])")


@project_rule(
    "GOAL-03", H, title=("年度目标没有数字", "Annual goal holds no number"),
    messages={
        "default": ("年度目标中没有任何数字，不够细化量化。建议写出数量、比例或时限，例如“完成培训10场，"
                    "参训人员满意度达到90%以上”。",
                    "The annual goal holds no number, so it is not quantified. Add quantities, "
                    "rates or deadlines, e.g. '10 training sessions, participant satisfaction "
                    "above 90%'."),
        "year": ("年度目标中除年份外没有任何数字，不够细化量化。建议写出数量、比例或时限，例如“完成培训"
                 "10场，参训人员满意度达到90%以上”。",
                 "The annual goal holds no number besides the year, so it is not quantified. Add "
                 "quantities, rates or deadlines, e.g. '10 training sessions, participant "
                 "satisfaction above 90%'."),
    },
    source=source(P88, "绩效目标应细化、量化", "targets are specific and quantified"))
def annual_goal_quantified(p, ctx):
    goal = p.project.annual_goal
    if not goal.strip() or _NUMBER_IN_TEXT.search(_LIST_NUMBER.sub(" ", _YEAR_IN_TEXT.sub("", goal))):
        return None
    if ctx.plan.runs("GOAL-05") and spending_clause(goal):
        return None  # GOAL-05 says what the goal is instead of a target (one cause, one finding)
    return hit("annual_goal", "year" if _NUMBER_IN_TEXT.search(goal) else "default")


@project_rule(
    "GOAL-04", H, title=("年度目标过长", "Annual goal too long"),
    message=("年度目标有{length}字，超过{limit}字。请精炼为本年度要完成的主要产出和效果，具体内容放到"
             "绩效指标中。",
             "The annual goal has {length} characters, more than {limit}. Keep it to this "
             "year's main outputs and effects; put the details into indicators."),
    source=both(P101, REVIEW, zh="绩效目标应简明清晰", en="targets are short and clear"),
    settings=("goal_max_chars",))
def annual_goal_length(p, ctx):
    length = len(p.project.annual_goal.strip())
    if length > ctx.goal_max_chars:
        return hit("annual_goal", length=length, limit=ctx.goal_max_chars)
