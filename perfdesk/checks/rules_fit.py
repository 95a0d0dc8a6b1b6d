"""Rules on whether the parts of a project fit each other (issue 12, from
``tests/corpus/reviewer_rules.md``): a unit that cannot measure its name (UNIT-01), content
under the wrong level 2 (FIT-01), an indicator of another kind of project (FIT-02), weights that
do not add up (WGT-01), a goal that only says how the money is spent (GOAL-05), and a target that
its own 指标解释 contradicts (VAL-17).

What these rules ask of a name, a unit or a goal depends on the text alone, so each question is
answered once per text (an lru_cache): a dataset repeats its names across projects and years."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perfdesk.checks.catalogue import Severity, hit, indicator_rule, project_rule
from perfdesk.checks.wording import REVIEW, clip, source
from perfdesk.core.model import SELF_EVALUATION
from perfdesk.core.taxonomy import is_money_unit, split_score
from perfdesk.core.values import normalise_text

E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT
_CACHE = 4096

# --- UNIT-01 --------------------------------------------------------------------------------

PERCENT, MONEY, COUNT, PEOPLE, TIME, AREA, LENGTH, MASS, SCORE = (
    "比率（%）", "金额（元、万元）", "个数（个、次、项…）", "人数（人、人次）", "时间（天、月…）",
    "面积（平方米、亩）", "长度（米、公里）", "重量或体积（吨、立方米）", "分值（分）")
_UNIT_CLASS = {}
for _cls, _words in (
        (PERCENT, "% ％ 百分比 ‰"),
        (COUNT, "个 件 次 场 期 批 批次 篇 条 份 项 台 套 辆 块 家 所 座 处 门 本 册 张 起 宗 门次 只 头 株"),
        (PEOPLE, "人 人次 名 户 家庭"),
        (TIME, "天 日 个工作日 工作日 小时 分钟 周 月 个月 年"),
        (AREA, "平方米 万平方米 ㎡ 亩 公顷 平方公里"),
        (LENGTH, "米 公里 千米 延米 km"),
        (MASS, "吨 千克 公斤 立方米 升"),
        (SCORE, "分")):
    for _w in _words.split():
        _UNIT_CLASS[_w] = _cls
# name suffix -> the unit classes that can measure it (longest suffix first)
_NAME_CLASS = sorted((
    *((w, {PERCENT}) for w in "率 比例 比重 占比 满意度 满意率 知晓率".split()),
    ("得分", {SCORE}),
    *((w, {MONEY}) for w in "成本 费用 金额 资金 经费 单价 造价 补助标准 补贴标准 资助标准 收费标准".split()),
    *((w, {PEOPLE}) for w in "人数 人次".split()),
    *((w, {COUNT, PEOPLE}) for w in
      "次数 场次 期数 批次 件数 个数 篇数 户数 家数 台数 套数 辆数 数量".split()),
    ("面积", {AREA}), ("长度", {LENGTH}), ("里程", {LENGTH}),
    *((w, {TIME}) for w in "时长 天数 周期 用时 时限".split()),
), key=lambda kv: -len(kv[0]))
_PUNCTUAL = re.compile(r"按时|及时|准时|按期")
_EXAMPLE = {PERCENT: "≥95%", MONEY: "≤500元/人", PEOPLE: "≥280人次", COUNT: "≥12次",
            TIME: "≤5个工作日", AREA: "≥50平方米", LENGTH: "≥10公里", SCORE: "≥90分",
            MASS: "≥100吨"}


@lru_cache(maxsize=_CACHE)
def unit_class(unit: str) -> str:
    """What a unit measures ("" when it is not one of the known units)."""
    unit = normalise_text(unit).strip()
    if not unit:
        return ""
    if is_money_unit(unit) or unit.startswith("万/"):
        return MONEY
    return _UNIT_CLASS.get(unit.split("/", 1)[0].strip(), "")


@lru_cache(maxsize=_CACHE)
def name_measures(name: str) -> frozenset[str]:
    """The unit classes that can measure what a name says (empty when the name does not tell)."""
    name = re.sub(r"[（(][^）)]*[）)]$", "", name.strip()).strip()
    for suffix, classes in _NAME_CLASS:
        if name.endswith(suffix):
            return frozenset(classes)
    if _PUNCTUAL.search(name):
        return frozenset((TIME, PERCENT))  # 按时发放: a deadline, or a rate 按时发放率
    return frozenset()


@indicator_rule(
    "UNIT-01", W, title=("计量单位与指标名称不符", "Unit cannot measure the name"),
    message=("“{name}”应以{expected}计量，计量单位却是“{unit}”。请改用{expected}（如“{example}”），"
             "或改写指标名称使之与单位一致。",
             "'{name}' is measured in {expected}, but its unit is '{unit}'. Use {expected} (e.g. "
             "'{example}') or rename the indicator to match the unit."),
    source=source(REVIEW, "绩效指标应清晰、可衡量（《项目支出绩效评价共性指标体系框架》）；无专门的"
                  "公开依据", "indicators are clear and measurable; no specific published source"),
    when=("target",))
def unit_fits_name(f, p, ctx):
    ind = f.ind
    have = unit_class(ind.unit)
    if not have:
        return None
    want = name_measures(ind.name)
    if not want or have in want:
        return None
    expected = "或".join(sorted(want))
    return hit("unit", name=clip(ind.name), unit=ind.unit, expected=expected,
               example=_EXAMPLE[sorted(want)[0]])


# --- FIT-01 ---------------------------------------------------------------------------------

_EFFECT2 = frozenset(("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"))
_OUTPUT_COUNTED = frozenset(("数量指标", "质量指标"))
_COST_CONTROL = re.compile(r"控制.{0,8}成本|成本.{0,4}控制|预算控制|造价控制|节约成本")
_TIME_WORDS = re.compile(r"按时|及时|准时|时限|完成时间|周期|月底前|日前")
_EFFECT_WORDS = re.compile(r"治愈率|控制率|治疗率|知晓率|就业率|增收|收入增长|发生率|事故.*下降|减少率")
_ECONOMIC = re.compile(r"收入|产值|增收|效益|经济|收益|节约|节支|成本|费用|价格|利润|税|产量|销售|就业|投资|"
                       r"资金|增长|分红|营业|消费|产业|旅游|创收|节能")


@indicator_rule(
    "FIT-01", W, title=("指标内容与二级指标不符", "Content does not fit its level 2"),
    message=("“{name}”衡量的是{what}，放在“{level2}”下不合适。请移到“{target}”（{why}）。",
             "'{name}' measures {what}; it does not belong under '{level2}'. Move it to "
             "'{target}' ({why})."),
    source=source(REVIEW, "质量指标与效益指标混淆：设备故障率、质量合格率是质量指标，疾病治愈率、治疗率、"
                  "控制率是效益指标", "quality and effect indicators are not to be confused"))
def fits_level2(f, p, ctx):
    level2 = f.level2
    if not level2 or f.is_satisfaction:
        return None
    ind = f.ind
    found = _misfit(ind.name, level2, ind.unit)
    if found is None:
        return None
    what, target, why, severity = found
    return hit("level2", severity=severity, name=clip(ind.name), level2=level2, what=what,
               target=target, why=why)


@lru_cache(maxsize=_CACHE)
def _misfit(name: str, level2: str, unit: str):
    unit = unit_class(unit) if unit else ""
    if level2 in _EFFECT2 and _COST_CONTROL.search(name):
        return ("成本控制", "成本指标", "控制成本是成本指标的内容，不是效益", None)
    if level2 in ("数量指标", "质量指标", "时效指标") and unit == MONEY:
        return ("金额", "成本指标", "以金额计的指标是成本指标", None)
    if level2 in _OUTPUT_COUNTED and _TIME_WORDS.search(name) and not name.endswith("合格率"):
        return ("时效", "时效指标", "各地对“及时率”归类不一，请按本地表式核对", H)
    if level2 in _OUTPUT_COUNTED and _EFFECT_WORDS.search(name):
        return ("项目带来的效果", "社会效益指标或经济效益指标", "效果不是产出的质量", H)
    if level2 == "时效指标" and name_measures(name) & {COUNT, PEOPLE} \
            and TIME not in name_measures(name):
        return ("数量", "数量指标", "时效指标写完成时限或及时率", H)
    # a rate (its name ends in 率) is one with or without its % (b02: 安全率 “100”)
    rate = unit == PERCENT or (not unit and name.endswith("率"))
    if level2 == "经济效益指标" and rate and not _ECONOMIC.search(name):
        return ("与经济无关的比率", "与其内容相符的二级指标", "经济效益指标写收入、节支等经济效果", H)
    return None


# --- FIT-02 ---------------------------------------------------------------------------------

_KIND_WORDS = {
    "培训": "参训 学员 培训 课时 讲座", "道路": "里程 路面 护栏 桥 道路",
    "运维": "系统 运维 故障 链路 平台 机房", "环卫": "保洁 垃圾 清扫 清运 环境卫生",
    "医疗": "门诊 患者 诊疗 体检 建档 就诊", "教育": "学生 教学 课程 学业",
    "补贴": "补助 补贴 救助 发放 报酬", "宣传": "宣传 报道 稿件 节目 专栏",
    "执法": "执法 检查 案件 抽查", "机关": "办公 公文 运转",
}
_KIND_RE = {kind: re.compile("|".join(words.split())) for kind, words in _KIND_WORDS.items()}
_UNIVERSAL = re.compile(r"满意度|验收合格率|按时完成率|完成率|知晓率|总成本")


@lru_cache(maxsize=_CACHE)
def _kinds(text: str) -> frozenset[str]:
    return frozenset(k for k, rx in _KIND_RE.items() if rx.search(text))


def _shares_run(a: str, b: str) -> bool:
    return any(a[i:i + 2] in b for i in range(len(a) - 1))


@indicator_rule(
    "FIT-02", H, title=("指标与项目无关", "Indicator unrelated to the project"),
    message=("指标“{name}”看起来属于{other}类项目，与本项目（{project}）的内容无关。请换成本项目资金"
             "直接带来的产出或效果。",
             "'{name}' looks like an indicator of a {other} project and is unrelated to this "
             "{project} project. Replace it with an output or effect this project's money "
             "produces."),
    source=source(REVIEW, "指向明确：与相应的财政支出范围、方向、效果紧密相关；必须针对项目特点设定",
                  "indicators are specific to the project's spending"))
def related_to_project(f, p, ctx):
    name = f.ind.name
    mine = _indicator_kind(name)
    if not mine or f.is_satisfaction:
        return None
    text, theirs = p.once("FIT-02", _project_kinds)
    if not theirs or mine in theirs or _shares_run(name, text):
        return None
    return hit("name", name=clip(name), other=mine, project="、".join(sorted(theirs)))


def _project_kinds(project) -> tuple[str, frozenset[str]]:
    """The text FIT-02 reads a project's kinds from (its name and annual goal) and those kinds,
    once per project (each project's text is its own: no use keeping it in the cache)."""
    text = project.name + project.annual_goal
    return text, _kinds.__wrapped__(text)


@lru_cache(maxsize=_CACHE)
def _indicator_kind(name: str) -> str:
    """The one kind of project an indicator's name belongs to ("" for none, several, or an
    indicator every project may have)."""
    if _UNIVERSAL.search(name):
        return ""
    kinds = _kinds(name)
    return next(iter(kinds)) if len(kinds) == 1 else ""


# --- WGT-01 ---------------------------------------------------------------------------------

_HUNDRED = Decimal(100)
_EXECUTION = re.compile(r"执行率")


@project_rule(
    "WGT-01", W, title=("权重合计不符", "Weights do not add up"),
    messages={
        "partial": ("有{n}个指标填了权重（分值），{m}个没有填。请为每个指标填写权重，或全部不填。",
                    "{n} indicators have a weight (score) and {m} have none. Give every indicator "
                    "a weight, or none."),
        "total": ("本项目指标权重（分值）合计为{sum}，与表中规定的{total}不一致。请调整各指标分值，使合计为"
                  "{total}。",
                  "The indicators' weights (scores) add up to {sum}, not the {total} the form "
                  "requires. Adjust them so that they total {total}."),
        "category": ("“{label}”规定{score}分，其下指标分值合计为{sum}。请调整，使合计为{score}。",
                     "'{label}' is worth {score}, but its indicators' scores add up to {sum}. "
                     "Adjust them to total {score}."),
    },
    source=source(REVIEW, "一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金"
                  "执行率10分（中江县 自评表填表说明）；总分100分",
                  "the form's scores add up to 100"))
def weights_add_up(p, ctx):
    rows = [f for f in p.indicators if not f.blank]
    weighted = [f for f in rows if f.ind.weight is not None]
    if not weighted:
        return None
    if len(weighted) < len(rows):
        return hit("indicators", "partial", n=len(weighted), m=len(rows) - len(weighted))
    by_label: dict[str, list] = {}
    for f in rows:
        by_label.setdefault(f.ind.level1_source or f.ind.level1, []).append(f.ind.weight)
    for label, weights in by_label.items():
        _name, score = split_score(label)
        score_n = _number(score)
        if score_n is not None and sum(weights) != score_n:
            return hit("indicators", "category", label=label, score=_plain(score_n),
                       sum=_plain(sum(weights)))
    total = sum(f.ind.weight for f in rows)
    # The scheme gives the indicators 90 and 预算资金执行率 10 (中江县 自评表 note): a
    # self-evaluation form scores its 执行率 outside the indicators, and a target table has no
    # 执行率 row at all, its indicators weighted to 90 (乌海 申报表: 权重分值90分, 产出50、效益30、
    # 满意度10). Where the 执行率 is one of the weighted rows, the whole is 100.
    scored_apart = p.project.kind == SELF_EVALUATION or not any(
        _EXECUTION.search(f.ind.name) for f in rows)
    allowed = (_HUNDRED, _HUNDRED - 10) if scored_apart else (_HUNDRED,)
    if total not in allowed:
        return hit("indicators", "total", sum=_plain(total), total=_plain(_HUNDRED))
    return None


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _plain(n: Decimal) -> str:
    return format(n.normalize(), "f")


# --- GOAL-05 --------------------------------------------------------------------------------

_CLAUSES = re.compile(r"[。；;\n]|(?:^|\s)[（(]?\d{1,2}[)）.、]|目标\d+[:：]")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:亿元|万元|元)")
_SPENDING_WORDS = re.compile(r"用于|支付|开支|申请预算资金|申请资金|安排资金|经费保障|发放工资|发放报酬|"
                             r"发放补贴|支出|办公经费|办公用品费|水电费|报刊费|物业费|差旅费")
_RESULT_QUANTITY = re.compile(
    r"\d+(?:\.\d+)?\s*(?:人次|人|个|次|场|件|条|篇|户|公里|米|平方米|亩|台|套|辆|期|批次|天|小时|%|％)")
_RESULT_VERB = re.compile(r"提高|提升|降低|减少|改善|达到|实现|确保|保障|惠及|覆盖|完成|带来|增加|促进")


@lru_cache(maxsize=_CACHE)
def spending_clause(goal: str) -> str:
    """The first clause of a goal that only says how money is spent, when no clause of it
    states a result ("" otherwise)."""
    clauses = [c.strip(" ,，:：") for c in _CLAUSES.split(goal) if c and c.strip(" ,，:：")]
    first = ""
    for clause in clauses:
        if _RESULT_QUANTITY.search(_AMOUNT.sub("", clause)) or _RESULT_VERB.search(clause):
            return ""
        if not first and (_AMOUNT.search(clause) or _SPENDING_WORDS.search(clause)):
            first = clause
    return first


@project_rule(
    "GOAL-05", W, title=("年度目标只写了资金用途", "Goal describes the spending"),
    message=("年度目标只写了资金怎么花（“{clause}”），没有写这笔钱本年要交付的产出和要达到的效果。"
             "请改写为“完成……（数量、质量、时限），使……（效果）达到……”，金额留在资金栏和成本指标中。",
             "The annual goal only says how the money is spent ('{clause}'), not what it will "
             "deliver this year or achieve. Rewrite it as 'complete … (quantity, quality, "
             "deadline) so that … (effect) reaches …'; amounts belong in the funding cells and "
             "the cost indicators."),
    source=source(REVIEW, "绩效目标是预期达到的产出和效果以及相应的成本控制要求（财预〔2021〕101号）；"
                  "将所有工作内容罗列出来作为目标而没有说明要达成什么效果（第三方评审）",
                  "a target is the expected outputs and effects (101号); listing the work is not a "
                  "target (third-party review)"))
def goal_not_spending(p, ctx):
    goal = p.project.annual_goal
    if not goal.strip():
        return None
    clause = spending_clause(goal)
    if clause:
        return hit("annual_goal", clause=clip(clause))
    return None


# --- GOAL-06 --------------------------------------------------------------------------------

_GOAL_CLAUSES = re.compile(r"[。；;，,、\n]")
# a quantity the goal states: a number with a unit that is no money and no date
_GOAL_UNITS = ("平方米", "人次", "批次", "公里", "千米", "小时", "个", "次", "场", "件", "条", "篇",
               "户", "米", "亩", "台", "套", "辆", "期", "批", "天", "家", "所", "座", "项", "名",
               "册", "本", "份", "吨", "株", "头", "只", "人", "%", "％")
_GOAL_QUANTITY = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(" + "|".join(_GOAL_UNITS) + ")")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# words every goal and indicator name may share without meaning the same thing
_COMMON = re.compile(r"完成|开展|全年|年度|本年|项目|工作|实现|达到|以上|以内|不少于|不低于|确保|保障")


@lru_cache(maxsize=_CACHE)
def _pairs(text: str) -> frozenset[str]:
    """The two-character runs of the Chinese in ``text``, common words left out."""
    runs = _HAN.findall(_COMMON.sub(" ", text))
    return frozenset(run[i:i + 2] for run in runs for i in range(len(run) - 1))


@lru_cache(maxsize=_CACHE)
def goal_quantities(goal: str) -> tuple[tuple[Decimal, str, frozenset[str], str], ...]:
    """The quantities an annual goal states, each with the words around it in its clause (up
    to 8 characters before the number and 8 after the unit): (number, unit, word pairs, as
    written). A year (2026年) or a date is no quantity; money is the funding cells' business."""
    out = []
    for clause in _GOAL_CLAUSES.split(goal):
        for m in _GOAL_QUANTITY.finditer(clause):
            around = clause[max(0, m.start() - 8):m.start()] + clause[m.end():m.end() + 8]
            unit = m.group(2).replace("％", "%")
            written = clause[max(0, m.start() - 8):m.end()].strip()
            out.append((Decimal(m.group(1)), unit, _pairs(around), written))
    return tuple(out)


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=_CACHE)
def _stated_by_unit(goal: str) -> dict[str, list]:
    """:func:`goal_quantities` by unit (a row's unit finds the goal's figures in it at once)."""
    by_unit: dict[str, list] = {}
    for stated in goal_quantities(goal):
        by_unit.setdefault(stated[1], []).append(stated)
    return by_unit


@lru_cache(maxsize=_CACHE)
def _goal_unit(unit: str) -> str:
    """An indicator's unit as the goal's figures are keyed (％ as %)."""
    return normalise_text(unit).replace("％", "%")


@lru_cache(maxsize=_CACHE)
def _measure(name: str) -> str:
    """The last two characters of a rate's name, its measure (满意度 → 意度, 合格率 → 格率)."""
    runs = _HAN.findall(name)
    return runs[-1][-2:] if runs and len(runs[-1]) >= 2 else ""


@project_rule(
    "GOAL-06", W, title=("年度目标与指标的数字不一致", "Goal and indicator disagree"),
    message=("年度目标写“{goal_part}”，指标“{name}”的目标值却是“{value}”。请统一两处的数字：年度目标中的"
             "任务数应与对应指标的目标值相同。",
             "The annual goal says '{goal_part}' but the indicator '{name}' targets "
             "'{value}'. Make the two figures agree: the goal's task figure and the indicator's "
             "target must be the same."),
    source=source(REVIEW, "绩效指标是否与项目年度任务数或计划数相对应（《项目支出绩效评价共性指标体系框架》）",
                  "indicators correspond to the project's annual task figures"))
def goal_matches_indicators(p, ctx):
    goal = p.project.annual_goal
    if not goal or not _DIGIT.search(goal):
        return None
    by_unit = _stated_by_unit(goal)
    if not by_unit:
        return None
    found = []
    for f in p.indicators:
        ind = f.ind
        if ind.target is None or not ind.unit:
            continue
        unit = _goal_unit(ind.unit)
        in_unit = by_unit.get(unit)
        if not in_unit:
            continue  # the goal states no figure in this indicator's unit
        name = _pairs(ind.name)
        # a rate is the same rate only where the goal names its measure too (满意度, 合格率):
        # 完成主体工程70% is not the 工程验收合格率
        measure = _measure(ind.name) if unit == "%" else ""
        same = [(len(words & name), number, written) for number, _u, words, written in in_unit
                if (not measure or measure in words) and not words.isdisjoint(name)]
        # one figure of the goal that the indicator matches is agreement; only where every
        # figure it speaks of differs is it a contradiction
        if same and all(number != ind.target for _n, number, _w in same):
            _best, _number, written = max(same, key=lambda s: s[0])
            found.append(hit("annual_goal", goal_part=clip(written, 30),
                             name=clip(ind.name), value=clip(f.display)))
    return found


# --- VAL-17 ---------------------------------------------------------------------------------

_STATED = re.compile(
    r"(?P<pre>(?:不低于|不少于|达到|大于等于|≥|不高于|不超过|≤|控制在)\s*)"
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>%|％|个工作日|工作日|人次|人|个|次|天|小时|万元|元)?"
    r"|(?P<n2>\d+(?:\.\d+)?)\s*(?P<u2>%|％|个工作日|工作日|人次|人|个|次|天|小时|万元|元)?\s*"
    r"(?P<post>以上|及以上|以内|以下)")
_AT_LEAST = ("不低于", "不少于", "达到", "大于等于", "≥", "以上", "及以上")
_BASELINE = re.compile(r"上年|去年|实际|历史|基数|\d{4}年")


@lru_cache(maxsize=_CACHE)
def stated_targets(explanation: str) -> tuple[tuple[str, Decimal, str, str], ...]:
    """The targets an 指标解释 states: (direction, number, unit, as written); numbers in a
    formula and baselines (上年, 2025年实际为92%) are not targets."""
    out = []
    for m in _STATED.finditer(explanation):
        before = explanation[max(0, m.start() - 6):m.start()]
        after = explanation[m.end():m.end() + 1]
        if _BASELINE.search(before) or after in ("/", "×", "*") or before.endswith(("=", "×", "/")):
            continue
        word = (m.group("pre") or m.group("post") or "").strip()
        direction = "≥" if word in _AT_LEAST else "≤"
        number = Decimal(m.group("n") or m.group("n2"))
        unit = (m.group("u") or m.group("u2") or "").replace("％", "%")
        out.append((direction, number, unit, m.group().strip()))
    return tuple(out)


@indicator_rule(
    "VAL-17", W, title=("指标值与指标解释不一致", "Target contradicts its explanation"),
    message=("指标值“{value}”与指标解释中的“{stated}”不一致。请统一：指标值写目标，指标解释写计算方法"
             "和口径，两处的目标数要相同。",
             "The target '{value}' disagrees with '{stated}' in 指标解释. Make them agree: the "
             "target goes in 指标值, the method in 指标解释, and both must state the same figure."),
    source=source(REVIEW, "指标值与指标解释应一致；无专门的公开依据",
                  "target and explanation agree; no specific published source"),
    when=("target",))
def target_matches_explanation(f, p, ctx):
    ind = f.ind
    if not ind.explanation:
        return None
    stated = _contradiction(ind.explanation, ind.comparator, ind.target, ind.unit)
    if stated:
        return hit("value", value=clip(f.display), stated=clip(stated))
    return None


@lru_cache(maxsize=_CACHE)
def _contradiction(explanation: str, comparator: str, target: Decimal, unit: str) -> str:
    """The target stated in 指标解释 that disagrees with the indicator's ("" when none does)."""
    if not any(ch.isdigit() for ch in explanation):
        return ""
    unit = normalise_text(unit).replace("％", "%")
    direction = "≤" if comparator in ("≤", "＜") else "≥" if comparator in ("≥", "＞") else ""
    for stated_dir, number, stated_unit, written in stated_targets(explanation):
        if stated_unit and stated_unit != unit:
            continue
        if not stated_unit and unit == "%":
            continue  # a bare number beside a percentage is usually a count in the method
        if number != target or (direction and stated_dir != direction):
            return written
    return ""

