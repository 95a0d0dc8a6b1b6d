"""Rules on indicator rows and their target values (ROW and VAL in rules.md).

A value is read from the typed fields (nature, comparator, target, unit, grade) and, when the
指标值 was written in a non-canonical way, from ``value_text`` as written (see
:class:`~perfdesk.checks.facts.IndicatorFacts`). Imported text that could not be read at all is
*raw*; VAL-13 is the catch-all for it, silent when a more specific rule already explained it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfdesk.checks.catalogue import Fix, Severity, hit, indicator_rule, project_rule
from perfdesk.checks.facts import looks_like_date
from perfdesk.checks.rules_fit import counted_in_name, unit_class
from perfdesk.checks.wording import P88, P101, REVIEW, both, clip, listing, source
from perfdesk.core.entry import explanation_with
from perfdesk.core.i18n import Text
from perfdesk.core.taxonomy import COMMON_UNITS, QUALITATIVE, QUANTITATIVE
from perfdesk.core.values import (
    ValueKind,
    format_number,
    is_deadline_unit,
    looks_like_formula,
    normalise_text,
    render,
)

E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT

_QUANTIFIED = both(P88, P101, zh="指标值应细化量化：定量指标写“计算符号＋数值＋计量单位”",
                   en="targets are quantified: comparator + number + unit")
_FORMULA_HOME = source(P101, "计算公式、评判标准在指标解释中说明，指标值只填目标值",
                       "formulas and judging standards go into the explanation; the value "
                       "holds the target")


@indicator_rule(
    "ROW-01", E, title=("指标名称或指标值缺失", "Name or value missing"), on_blank=True,
    messages={
        "no_value": ("“{name}”没有指标值。请填写目标值，例如“≥95%”“≤500元/人”或定性等级“达成”。",
                     "'{name}' has no target value. Enter one, e.g. ≥95%, ≤500元/人, or a grade "
                     "such as 达成."),
        "no_name": ("指标值“{value}”没有三级指标名称。请写明这一行衡量什么。",
                    "The value '{value}' has no indicator name. Name what the row measures."),
        "number_name": ("三级指标名称“{name}”只是一个数字，不是指标名称。请写明这一行衡量什么（如“道路硬化"
                        "里程”），数字写到指标值中。",
                        "The indicator name '{name}' is only a number, not a name. Say what the "
                        "row measures (e.g. 道路硬化里程) and put the figure in the value."),
        "blank": ("第{position}条指标是空行。请填写三级指标和指标值，或删除这一行。",
                  "Indicator row {position} is blank. Fill in its name and value, or delete "
                  "it."),
    },
    source=source(P88, "每项绩效指标都有名称和指标值", "every indicator has a name and a target"))
def name_and_value(f, p, ctx):
    if f.blank:
        return hit("name", "blank", position=f.position)
    if not f.has_value:
        return hit("value", "no_value", name=clip(f.ind.name))
    name = f.ind.name.strip()
    if not name:
        return hit("name", "no_name", value=clip(f.display))
    if _NUMBER_ONLY.match(name):
        # b10 (宁乡 坝塘镇): 指标内容 holding 88, 68, 20 — a figure where the name belongs
        return hit("name", "number_name", name=clip(name))
    return None


_NUMBER_ONLY = re.compile(r"^[\s\d.,，、:：%％()（）-]+$")


@indicator_rule(
    "ROW-02", W, title=("指标重名", "Duplicate indicator names"),
    message=("“{name}”与第{first}条指标“{other}”重名（忽略空格和标点）。请合并重复的指标，或改名"
             "区分。",
             "'{name}' repeats indicator {first} '{other}' (ignoring spaces and punctuation). "
             "Merge the two or name them apart."),
    source=source(REVIEW, "同一项目的指标不重复设置", "a project does not repeat an indicator"))
def duplicate_name(f, p, ctx):
    first = p.first_of.get(f.position)
    if first is not None and not _NUMBER_ONLY.match(f.ind.name):  # a number is no name: ROW-01
        return hit("name", name=clip(f.ind.name), first=first.position,
                   other=clip(first.ind.name))


_PLACEHOLDER = re.compile(r"\*{2,}|＊{2,}|×{2,}|[XxＸｘ]{2,}|…|\.{3,}|。{3,}")
# Only placeholders repeat a mark: a scan for two in a row is fast where the alternation above
# is slow on long text.
_MAYBE_PLACEHOLDER = re.compile(r"([*＊×XxＸｘ.。])\1|…")
_PROJECT_TEXTS = {
    "name": Text("项目名称", "The project name"),
    "annual_goal": Text("年度目标", "The annual goal"),
    "midterm_goal": Text("中长期目标", "The mid-term goal"),
}
_INDICATOR_TEXTS = {
    "name": Text("第{n}条指标的名称", "The name of indicator {n}"),
    "value": Text("第{n}条指标的指标值", "The value of indicator {n}"),
    "unit": Text("第{n}条指标的计量单位", "The unit of indicator {n}"),
    "explanation": Text("第{n}条指标的指标解释", "The explanation of indicator {n}"),
}


@project_rule(
    "ROW-03", E, title=("留有模板占位符", "Template placeholder left in"),
    message=("{where}中还留着模板占位符“{mark}”。请换成实际内容。",
             "{where} still holds the template placeholder '{mark}'. Replace it with the real "
             "content."),
    source=source(REVIEW, "报送的表格不得保留模板示例", "submitted tables keep no template "
                  "samples"))
def placeholder_left(p, ctx):
    project = p.project
    texts = [project.name, project.annual_goal, project.midterm_goal]
    for f in p.indicators:
        ind = f.ind
        texts += (ind.name, f.written or ind.grade, ind.unit, ind.explanation)
    if not _MAYBE_PLACEHOLDER.search("\n".join(texts)):
        return None  # the common case, found with one fast scan
    found = []
    for name, where in _PROJECT_TEXTS.items():
        m = _PLACEHOLDER.search(getattr(project, name))
        if m:
            found.append(hit(name, where=where, mark=m.group()))
    for f in p.indicators:
        ind = f.ind
        for name, text in (("name", ind.name), ("value", f.written or ind.grade),
                           ("unit", ind.unit),
                           ("explanation", ind.explanation)):
            m = _PLACEHOLDER.search(text) if text else None
            if m:
                found.append(hit(name, indicator=ind, where=_INDICATOR_TEXTS[name].format(
                    n=f.position), mark=m.group()))
    return found


# --- target values --------------------------------------------------------------------------


@indicator_rule(
    "VAL-01", E, title=("定量指标没有数值", "Quantitative value without a number"),
    message=("“{name}”是定量指标，但指标值“{value}”里没有数字。请写成“计算符号＋数值＋单位”，如"
             "“≥95%”；确实无法量化的，请把指标性质改为定性。",
             "'{name}' is quantitative but its value '{value}' holds no number. Write comparator "
             "+ number + unit, e.g. ≥95%; if it cannot be quantified, make it qualitative."),
    source=_QUANTIFIED)
def quantitative_has_number(f, p, ctx):
    ind = f.ind
    if ind.nature == QUANTITATIVE and ind.target is None and f.has_value and not f.is_time:
        return hit("value", name=clip(ind.name), value=clip(f.display))


@indicator_rule(
    "VAL-02", W, title=("定量指标缺少计算符号", "Quantitative value without comparator"),
    message=("指标值“{value}”缺少计算符号。请注明是“≥”（不低于）、“≤”（不高于）还是“＝”，例如"
             "“≥{example}”。",
             "The value '{value}' has no comparator. Say whether it is ≥ (at least), ≤ (at "
             "most) or ＝, e.g. ≥{example}."),
    source=_QUANTIFIED, when=("target",))
def has_comparator(f, p, ctx):
    ind = f.ind
    if not ind.comparator and not is_deadline_unit(ind.unit):
        return hit("value", value=clip(f.display),
                   example=f"{format_number(ind.target)}{ind.unit}")


@indicator_rule(
    "VAL-03", H, title=("计算符号写法不规范", "Non-standard comparator spelling"),
    messages={
        "comparator": ("指标值写作“{written}”，其中“{spelling}”的规范写法是“{comparator}”。可一键改为"
                       "“{canonical}”。",
                       "The value is written '{written}'; '{spelling}' is written "
                       "'{comparator}' in the standard form. It can be changed to "
                       "'{canonical}' in one click."),
        "notation": ("指标值写作“{written}”，规范写法是“{canonical}”。可一键改为规范写法。",
                     "The value is written '{written}'; the standard form is '{canonical}'. "
                     "It can be changed in one click."),
        "remark": ("指标值“{written}”后面的说明“{remark}”应写在指标解释中，指标值只写“{canonical}”。"
                   "可一键移过去。",
                   "The remark '{remark}' after the value '{written}' belongs in 指标解释; the "
                   "value should read just '{canonical}'. It can be moved in one click."),
    },
    source=source(P101, "计算符号用“≥、＞、＝、＜、≤”", "comparators are ≥ ＞ ＝ ＜ ≤"),
    when=("written", "target"))
def comparator_spelling(f, p, ctx):
    ind = f.ind
    if f.written and ind.target is not None and f.parsed is not None and f.parsed.note:
        return _remark_to_explanation(f, ind)
    if not f.written or ind.target is None or not f.notation_only():
        return None
    canonical = render(ind.target_value())
    if canonical == f.written:
        return None
    fix = Fix(Text(f"指标值改为“{canonical}”", f"Write the value as '{canonical}'"),
              indicator_changes={ind.uuid: {"value_text": ""}})
    spelling = f.parsed.comparator_spelling
    if spelling:
        return hit("value", "comparator", fix=fix, written=clip(f.written), spelling=spelling,
                   comparator=ind.comparator or "≥", canonical=canonical)
    return hit("value", "notation", fix=fix, written=clip(f.written), canonical=canonical)


def _remark_to_explanation(f, ind):
    parsed = f.parsed
    value = parsed.value
    if parsed.prefix or (value.comparator, value.number, value.unit) != (
            ind.comparator, ind.target, ind.unit):
        return None  # the text says more than the typed fields: other rules speak
    remark = parsed.note[1:-1].strip()
    explanation = explanation_with(ind.explanation, remark)
    canonical = render(ind.target_value())
    fix = Fix(Text(f"把“{remark}”移到指标解释", f"Move '{remark}' to 指标解释"),
              indicator_changes={ind.uuid: {"value_text": "", "explanation": explanation}})
    return hit("value", "remark", fix=fix, written=clip(f.written), remark=remark,
               canonical=canonical)


@indicator_rule(
    "VAL-04", W, title=("数值没有计量单位", "Number without unit"),
    message=("指标值“{value}”没有计量单位。请在计量单位中填写%、人次、个、万元等，使目标可以核对。",
             "The value '{value}' has no unit. Fill in the unit (%, 人次, 个, 万元 …) so the "
             "target can be verified."),
    source=_QUANTIFIED, when=("target",))
def has_unit(f, p, ctx):
    ind = f.ind
    if ind.target is not None and not ind.unit.strip():
        return hit("unit", value=clip(f.display))


@indicator_rule(
    "VAL-05", E, title=("指标值中的单位与计量单位矛盾", "Unit in the value contradicts the unit"),
    messages={
        "default": ("指标值“{value}”中的单位“{written_unit}”与计量单位“{unit}”矛盾。请核对后统一，"
                    "例如金额用“万元”，比率用“%”。",
                    "The unit '{written_unit}' in the value '{value}' contradicts the unit "
                    "field '{unit}'. Make them agree (e.g. 万元 for money, % for rates)."),
        "glued": ("指标值“{value}”同时写了“{other}”和“%”两个单位（指标值中的单位与计量单位矛盾）。"
                  "请核对后只保留一个，例如金额用“万元”，比率用“%”。",
                  "The value '{value}' carries two units, '{other}' and '%' (the unit in the "
                  "value contradicts the unit field). Keep the right one: 万元 for money, % "
                  "for rates."),
    },
    source=_QUANTIFIED, when=("target",))
def unit_agrees(f, p, ctx):
    ind = f.ind
    unit = ind.unit.strip()
    if not unit:
        return None
    if "%" in unit and unit != "%":
        other = unit.replace("%", "", 1)
        if other in _UNITS:  # 28.8 + 万元 + % (a 指标值 of 28.8万元 beside a 计量单位 of %)
            return hit("unit", "glued", value=clip(f.display), other=other)
    if not f.written:
        return None
    parsed = f.parsed
    if parsed is None or parsed.value.kind is not ValueKind.QUANTITATIVE:
        return None
    written_unit = parsed.value.unit
    if written_unit and normalise_text(written_unit) != normalise_text(ind.unit):
        return hit("unit", value=clip(f.written), written_unit=written_unit, unit=ind.unit)


_UNITS = frozenset(COMMON_UNITS) - {"%"}
_RATE_NAME = re.compile(r"(?:率|比例|比率|占比|满意度)$")
_CHANGE_NAME = re.compile(r"增长|增幅|增速|提高|提升|超额|同比|环比")
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[)）]$")
_HUNDRED = Decimal(100)


def is_rate(name: str, unit: str) -> bool:
    """Whether an indicator is a rate that must lie between 0% and 100%."""
    name = _TRAILING_NOTE.sub("", name.strip()).strip()
    if _CHANGE_NAME.search(name):
        return False  # growth rates may exceed 100% or fall below 0
    unit = normalise_text(unit)
    return unit in ("%", "百分比") or (not unit and bool(_RATE_NAME.search(name)))


@indicator_rule(
    "VAL-06", E, title=("比率超出0–100%", "Rate outside 0–100%"),
    messages={
        "above": ("“{name}”是比率，目标“{value}”超过100%，无法实现。请核对数值（比率在0%到100%"
                  "之间）。",
                  "'{name}' is a rate; the target '{value}' is above 100% and cannot be met. "
                  "A rate lies between 0% and 100%."),
        "below": ("“{name}”是比率，目标“{value}”低于0。请核对数值（比率在0%到100%之间）。",
                  "'{name}' is a rate; the target '{value}' is below 0. A rate lies between 0% "
                  "and 100%."),
        "at_least_all": ("“{name}”的目标“{value}”要求超过100%，比率最多为100%。请写“＝100%”。",
                         "'{value}' asks '{name}' to exceed 100%, which a rate cannot do. "
                         "Write ＝100%."),
    },
    source=source(REVIEW, "指标值应合理可行", "targets are feasible"), when=("target",))
def rate_in_range(f, p, ctx):
    ind = f.ind
    target = ind.target
    if 0 < target < _HUNDRED or not is_rate(ind.name, ind.unit):
        return None
    if target > _HUNDRED or (target == _HUNDRED and ind.comparator == "＞"):
        return hit("value", "above", name=clip(ind.name), value=clip(f.display))
    if target == _HUNDRED and ind.comparator == "≥":
        # ≥100% asks for more than all of something: a warning, and ＝100% is certain
        fix = Fix(Text("目标改为“＝100%”", "Set the target to ＝100%"),
                  indicator_changes={ind.uuid: {"comparator": "＝", "value_text": ""}})
        return hit("value", "at_least_all", fix=fix, severity=Severity.WARNING,
                   name=clip(ind.name), value=clip(f.display))
    if target < 0 or (target == 0 and ind.comparator == "＜"):
        return hit("value", "below", name=clip(ind.name), value=clip(f.display))
    return None


@indicator_rule(
    "VAL-07", W, title=("指标值含糊", "Vague value"),
    message=("指标值“{value}”含糊（“{word}”），无法据此考核。请改为可衡量的目标，例如“≥95%”"
             "“12月底前”或定性等级“达成”。",
             "The value '{value}' is vague ('{word}') and cannot be assessed. Use a measurable "
             "target such as ≥95%, 12月底前 (by end of December) or the grade 达成."),
    source=_QUANTIFIED, settings=("vague_words",), when=("raw",))
def vague_value(f, p, ctx):
    # Only text that states no target: "≥95%（抽样调查）" has one, and in a formula such as
    # 抽样登记率=… the word names a quantity (VAL-08 says what is wrong there).
    written = f.written
    if (not written or f.ind.target is not None or ctx.vague_pattern is None
            or written in ctx.grade_set or looks_like_formula(written)):
        return None
    m = ctx.vague_pattern.search(written)
    if m:
        return hit("value", value=clip(written), word=m.group())


# A formula in a name: an equation, "×100%", or the words 计算方法/计算公式 ("/" alone is
# common in names such as 设备完好率/运行率 and is not taken as a formula there).
_NAME_FORMULA = re.compile(r"[=＝]|[×*＊]\s*100|计算方法|计算公式")


@indicator_rule(
    "VAL-08", W, title=("指标值或名称中有计算公式", "Formula in the value or the name"),
    messages={
        "value": ("指标值“{value}”是计算公式，不是目标值。请把公式移到“指标解释”，在指标值中填写要"
                  "达到的目标（如“≥95%”）。",
                  "The value '{value}' is a formula, not a target. Move the formula into the "
                  "explanation (指标解释) and enter the target to reach (e.g. ≥95%)."),
        "target": ("指标值“{value}”中含计算公式“{formula}”。公式应放在“指标解释”中，指标值只保留目标"
                   "“{target}”。可一键调整。",
                   "The value '{value}' holds the formula '{formula}'. The formula belongs in "
                   "the explanation (指标解释); the value keeps only the target '{target}'. "
                   "This can be done in one click."),
        "name": ("三级指标名称“{name}”中含计算公式。名称只写衡量什么{short}，公式请移到“指标解释”。",
                 "The indicator name '{name}' holds a formula. The name says what is measured"
                 "{short}; move the formula into the explanation (指标解释)."),
    },
    source=_FORMULA_HOME)
def formula_misplaced(f, p, ctx):
    ind = f.ind
    found = []
    if _NAME_FORMULA.search(ind.name):
        left = re.split(r"[=＝]", ind.name, maxsplit=1)[0].strip()
        if left and left != ind.name.strip() and not _NAME_FORMULA.search(left):
            fix = Fix(Text(f"名称改为“{left}”，公式移到指标解释", f"Rename to '{left}' and move "
                           "the formula into the explanation"),
                      indicator_changes={ind.uuid: {
                          "name": left,
                          "explanation": explanation_with(ind.explanation, ind.name.strip())}})
            found.append(hit("name", "name", fix=fix, name=clip(ind.name),
                             short=Text(f"（如“{left}”）", f" (e.g. '{left}')")))
        else:
            found.append(hit("name", "name", name=clip(ind.name), short=""))
    written = f.written
    if written:
        if f.raw:
            if looks_like_formula(written):
                found.append(hit("value", "value", value=clip(written, 40)))
        elif ind.target is not None:
            parsed = f.parsed
            if (parsed is not None and parsed.prefix and looks_like_formula(parsed.prefix)
                    and parsed.value.kind is ValueKind.QUANTITATIVE
                    and parsed.value.number == ind.target):
                formula = written if ind.comparator == "＝" else parsed.prefix
                target = render(ind.target_value())
                fix = Fix(Text(f"公式移到指标解释，指标值改为“{target}”",
                               f"Move the formula into the explanation; value '{target}'"),
                          indicator_changes={ind.uuid: {
                              "value_text": "",
                              "explanation": explanation_with(ind.explanation, formula)}})
                found.append(hit("value", "target", fix=fix, value=clip(written, 40),
                                 formula=clip(parsed.prefix, 40), target=target))
    return found or None


_DIGIT = re.compile(r"[0-9０-９]")
_NUMBER_IN_NAME = re.compile(r"(?<![\d.])(?:[≥≤＞＜＝]|[<>]=?|=)?\s*(\d+(?:\.\d+)?)")


@indicator_rule(
    "VAL-09", W, title=("名称中的目标与指标值不一致", "Target in the name disagrees with the value"),
    message=("三级指标名称“{name}”中写有“{embedded}”，与指标值“{value}”不一致。请删去名称中的数值，"
             "或使两者一致。",
             "The indicator name '{name}' contains '{embedded}', which disagrees with the value "
             "'{value}'. Remove the number from the name or make the two agree."),
    source=source(REVIEW, "指标名称与指标值相互对应", "the name and the value agree"),
    when=("target",))
def name_target_agrees(f, p, ctx):
    ind = f.ind
    if not ind.unit or not _DIGIT.search(ind.name):
        return None
    unit = normalise_text(ind.unit)
    name = normalise_text(ind.name)
    embedded = []
    for m in _NUMBER_IN_NAME.finditer(name):
        if name.startswith(unit, m.end()):
            if Decimal(m.group(1)) == ind.target:
                return None
            embedded.append(m.group().strip() + unit)
    if embedded:
        return hit("name", name=clip(ind.name), embedded=embedded[0], value=clip(f.display))
    # a count that ends the name in another kind of unit (新建水泥路1条 | 2km): the name's own
    # target is not the value's
    counted = counted_in_name(ind.name)
    if (counted is not None and counted[0] != ind.target
            and unit_class(ind.unit) not in ("", counted[2])):
        return hit("name", name=clip(ind.name), embedded=f"{counted[0]}{counted[1]}",
                   value=clip(f.display))
    return None


_NUMERIC = re.compile(r"[0-9０-９%％]")


@indicator_rule(
    "VAL-10", E, title=("定性指标含数值或单位", "Qualitative value with a number or unit"),
    messages={
        "typed": ("“{name}”的指标性质是定性，但指标值“{value}”是数值。请把指标性质改为定量（可一键"
                  "修改），或把指标值改为等级，如“达成”。",
                  "'{name}' is marked qualitative but its value '{value}' is a number. Make it "
                  "quantitative (one click) or use a grade such as 达成."),
        "text": ("“{name}”的指标性质是定性，但指标值“{value}”含有数字、百分比或单位。定性指标只填"
                 "等级（如“达成”），判断标准写在“指标解释”中；要写数值的请改为定量指标。",
                 "'{name}' is qualitative but its value '{value}' holds a number, percentage or "
                 "unit. A qualitative value is a grade (e.g. 达成) with the standard in the "
                 "explanation; numbers need a quantitative indicator."),
    },
    source=source(P101, "定性指标按等级评判，定量指标写数值",
                  "qualitative indicators are graded; numbers are quantitative"),
    when=("qualitative",), supersedes=("VAL-02", "VAL-04"))
def qualitative_without_numbers(f, p, ctx):
    ind = f.ind
    if f.is_time:
        return None  # 2026年12月底前 holds digits but is a deadline, not a number
    if ind.target is not None and not ind.grade:
        fix = Fix(Text("指标性质改为定量", "Make it quantitative"),
                  indicator_changes={ind.uuid: {"nature": QUANTITATIVE}})
        return hit("value", "typed", fix=fix, name=clip(ind.name), value=clip(f.display))
    if ind.target is not None or ind.unit.strip() or _NUMERIC.search(f.display):
        return hit("value", "text", name=clip(ind.name), value=clip(f.display))
    return None


@indicator_rule(
    "VAL-11", W, title=("定性指标值不在等级表中", "Qualitative value not a listed grade"),
    message=("定性指标“{name}”的指标值“{value}”不是规定的等级。请从{grades}中选择，判断标准写在"
             "“指标解释”中。",
             "The qualitative value '{value}' of '{name}' is not one of the grades. Choose one "
             "of {grades}, and put the judging standard into the explanation."),
    source=source(P101, "定性指标分档分级表述", "qualitative targets are stated as grades"),
    settings=("grades",))
def grade_listed(f, p, ctx):
    ind = f.ind
    if f.is_time or not f.has_value or ind.target is not None or ind.unit.strip():
        return None
    if ind.nature == QUANTITATIVE:
        return None  # VAL-01 says a 定量 row needs its number
    if ind.nature != QUALITATIVE:
        # a short word as the target of a row not marked 定性 (优良, 显著提升, 效果明显) is
        # meant as a grade: the reviewer asks for one of the grades
        if not f.raw or len(f.written) > _GRADE_WORD_MAX or looks_like_formula(f.written):
            return None
    if f.display in ctx.grade_set or _NUMERIC.search(f.display):
        return None
    return hit("value", name=clip(ind.name), value=clip(f.display), grades=listing(ctx.grades))


_GRADE_WORD_MAX = 6

_SENTENCE_VERBS = re.compile(r"确保|严格按照|保障|实现|做好|加强|推动|推进|落实|提供|开展")


@indicator_rule(
    "VAL-12", W, title=("指标值是一句话", "Value is a sentence"),
    messages={
        "long": ("指标值是一段{length}字的文字（“{value}”），不是目标值。请只写要达到的目标，如“≥95%”"
                 "“≤500元/人”或“达成”，说明性文字移到“指标解释”。",
                 "The value is {length} characters of text ('{value}'), not a target. Write "
                 "only the target (≥95%, ≤500元/人, 达成 …) and move the description into the "
                 "explanation."),
        "verb": ("指标值“{value}”是工作描述（“{word}”），不是目标值。请写出可衡量的目标，如“≥95%”"
                 "“12月底前”或“达成”，说明性文字移到“指标解释”。",
                 "The value '{value}' describes work ('{word}') instead of stating a target. "
                 "Write a measurable target (≥95%, 12月底前, 达成 …) and move the description "
                 "into the explanation."),
    },
    source=_QUANTIFIED, settings=("sentence_max_chars",), when=("raw",))
def value_is_sentence(f, p, ctx):
    written = f.written
    if len(written) > ctx.sentence_max_chars:
        return hit("value", "long", length=len(written), value=clip(written))
    if len(written) >= _CLAUSES_MIN and _CLAUSE.search(written.rstrip("。；;，,")):
        # clauses (管理到位,环境卫生整洁,车辆停放有序): a sentence first, a vague word in it or
        # not (通过本项目实施,有效提高全面健康水平。)
        return hit("value", "long", length=len(written), value=clip(written))
    if ctx.vague_pattern is not None and ctx.vague_pattern.search(written):
        return None  # one phrase with a vague word (不断提高。): VAL-07 says what is wrong
    if len(written) >= _CLAUSES_MIN and written.endswith("。"):
        # a statement ending as one (对学校…补贴5万元。)
        return hit("value", "long", length=len(written), value=clip(written))
    m = _SENTENCE_VERBS.search(written)
    if m and len(written) > _VERB_PHRASE_MAX:
        return hit("value", "verb", value=clip(written), word=m.group())
    return None


# A value is a sentence when it runs into clauses or ends as one (。), from this length on;
# a short phrase with a work verb (持续保障) is vague wording (VAL-07), not a sentence.
_CLAUSES_MIN = 10
_CLAUSE = re.compile(r"[，,；;。]")
_VERB_PHRASE_MAX = 4


@indicator_rule(
    "VAL-13", W, title=("指标值无法识别", "Value could not be read"), fallback=True,
    messages={
        "default": ("指标值“{value}”无法识别为定量目标或定性等级（按原文保留）。请改为“≥95%”"
                    "“≤30天”这样的定量目标，或选择定性等级（如“达成”）。",
                    "The value '{value}' reads neither as a quantitative target nor as a grade "
                    "(kept as written). Rewrite it as a target such as ≥95% or ≤30天, or "
                    "choose a grade such as 达成."),
        "grade": ("指标值“{value}”是定性等级，但指标尚未标为定性。可一键设为定性指标。",
                  "The value '{value}' is a grade, but the indicator is not marked qualitative. "
                  "It can be marked in one click."),
    },
    source=_QUANTIFIED, settings=("grades",), when=("raw",))
def value_readable(f, p, ctx):
    written = f.written
    if f.is_timeliness and looks_like_date(written):
        return None  # a deadline such as 12月底前 is a 时效 target (TIME-01 judges it)
    if written in ctx.grade_set:
        fix = Fix(Text(f"设为定性指标，等级“{written}”", f"Make it qualitative, grade '{written}'"),
                  indicator_changes={f.ind.uuid: {"nature": QUALITATIVE, "grade": written,
                                                  "value_text": ""}})
        return hit("value", "grade", fix=fix, value=written)
    return hit("value", value=clip(written, 40))
