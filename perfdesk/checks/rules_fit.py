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
from perfdesk.core.taxonomy import (
    AREA, COUNT, HOUSEHOLDS, LENGTH, MASS, MONEY, PEOPLE, PERCENT, SCORE, TIME, simplified,
    split_score,
)
from perfdesk.core.taxonomy import unit_class as taxonomy_unit_class
from perfdesk.core.values import normalise_text

E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT
_CACHE = 4096

# --- UNIT-01 --------------------------------------------------------------------------------

# name suffix -> the unit classes that can measure it (longest suffix first)
_NAME_CLASS = sorted((
    *((w, {PERCENT}) for w in "率 比例 比重 占比 满意度 满意率 知晓率".split()),
    ("得分", {SCORE}),
    *((w, {MONEY}) for w in "成本 费用 金额 资金 经费 单价 造价 补助标准 补贴标准 资助标准 收费标准".split()),
    *((w, {PEOPLE}) for w in "人数 人次 人口数 人口".split()),
    *((w, {HOUSEHOLDS, COUNT}) for w in "户数 家数".split()),
    *((w, {COUNT, PEOPLE, HOUSEHOLDS}) for w in
      "次数 场次 期数 批次 件数 个数 篇数 台数 套数 辆数 数量".split()),
    # a fee is an amount of money (物业费, 水电费); not 消费 (spending by people), 免费, 浪费
    *((w, {MONEY}) for w in "物业费 管理费 服务费 水电费 培训费 差旅费 办公费 维修费 维护费 租赁费 "
      "运行费 运维费 印刷费 宣传费 咨询费 设计费 监理费 审计费 保险费 工资 报酬 薪酬".split()),
    ("面积", {AREA}), ("长度", {LENGTH}), ("里程", {LENGTH}),
    *((w, {TIME}) for w in "时长 天数 周期 用时 时限".split()),
), key=lambda kv: -len(kv[0]))
_PUNCTUAL = re.compile(r"按时|及时|准时|按期")
# a quantity that a time unit can measure: how long something lasts or takes
_DURATION = re.compile(r"时长|天数|日数|月数|年数|年限|期限|工期|周期|时间|时限|时数|学时|课时|工作日")
_EXAMPLE = {PERCENT: "≥95%", MONEY: "≤500元/人", PEOPLE: "≥280人次", COUNT: "≥12次",
            HOUSEHOLDS: "≥100户",
            TIME: "≤5个工作日", AREA: "≥50平方米", LENGTH: "≥10公里", SCORE: "≥90分",
            MASS: "≥100吨"}


@lru_cache(maxsize=_CACHE)
def unit_class(unit: str) -> str:
    """What a unit measures ("" when it is not one of the known units; the classes are
    :func:`perfdesk.core.taxonomy.unit_class`'s, full-width signs read as ordinary ones)."""
    return taxonomy_unit_class(normalise_text(unit))


# a count written at the end of the name (村组干部230人, 新建水泥路1条): the name says its own unit
_COUNTED_NAME = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([^\d\s.]{1,4})$")


@lru_cache(maxsize=_CACHE)
def counted_in_name(name: str) -> tuple[Decimal, str, str] | None:
    """(number, unit, its class) of a count that ends the name (``新建水泥路1条`` → 1, 条, 个数),
    or ``None``: only a unit of the known units, never a year or a model (``11kw``)."""
    m = _COUNTED_NAME.search(normalise_text(name).strip())
    if m is None:
        return None
    unit = m.group(2)
    cls = unit_class(unit)
    return (Decimal(m.group(1)), unit, cls) if cls and unit not in ("年", "月", "日") else None


@lru_cache(maxsize=_CACHE)
def name_measures(name: str) -> frozenset[str]:
    """The unit classes that can measure what a name says (empty when the name does not tell)."""
    name = re.sub(r"[（(][^）)]*[）)]$", "", name.strip()).strip()
    counted = counted_in_name(name)
    if counted is not None:
        return frozenset((counted[2],))
    for suffix, classes in _NAME_CLASS:
        if name.endswith(suffix):
            return frozenset(classes)
    if _PUNCTUAL.search(name):
        return frozenset((TIME, PERCENT))  # 按时发放: a deadline, or a rate 按时发放率
    return frozenset()


# a standard or a price paid per something (补助标准, 单价): its unit says per what, unless the
# name does (人均补助标准, 每公里补助标准, 单位面积补助标准)
_PER_UNIT_NAME = re.compile(r"(?:补助|补贴|资助|奖补|奖励|收费|建设|投资)标准$|单价$")
_PER_IN_NAME = re.compile(r"人均|户均|生均|亩均|每|单位|平均|/")


@lru_cache(maxsize=_CACHE)
def _per_unit_name(name: str) -> bool:
    name = re.sub(r"[（(][^）)]*[）)]$", "", name.strip()).strip()
    return bool(_PER_UNIT_NAME.search(name)) and not _PER_IN_NAME.search(name)


@indicator_rule(
    "UNIT-01", W, title=("计量单位与指标名称不符", "Unit cannot measure the name"),
    messages={
        "default": ("“{name}”应以{expected}计量，计量单位却是“{unit}”。请改用{expected}（如“{example}”），"
                    "或改写指标名称使之与单位一致。",
                    "'{name}' is measured in {expected}, but its unit is '{unit}'. Use {expected} (e.g. "
                    "'{example}') or rename the indicator to match the unit."),
        "per": ("“{name}”是单位标准，计量单位“{unit}”却没有写按什么计（每人、每户、每亩、每公里……），看不出"
                "是单价还是总额。请写成“{unit}/公里”“{unit}/人”这样的单位。",
                "'{name}' is a rate per unit, but its unit '{unit}' does not say per what (per "
                "person, household, mu, km …): a price or a total? Write '{unit}/km', '{unit}/人' "
                "or the like."),
    },
    source=source(REVIEW, "绩效指标应清晰、可衡量（《项目支出绩效评价共性指标体系框架》）；无专门的"
                  "公开依据", "indicators are clear and measurable; no specific published source"),
    when=("target",))
def unit_fits_name(f, p, ctx):
    ind = f.ind
    have = unit_class(ind.unit)
    if not have:
        return None
    if have == MONEY and "/" not in ind.unit and _per_unit_name(ind.name):
        return hit("unit", "per", name=clip(ind.name), unit=ind.unit)
    want = name_measures(ind.name)
    if not want and have == TIME and f.level2 == "数量指标" and not _DURATION.search(ind.name):
        want = frozenset((COUNT,))  # 制作宣传横幅(年) = 1年: a quantity counted in years
    if not want or have in want:
        return None
    counted = counted_in_name(re.sub(r"[（(][^）)]*[）)]$", "", ind.name.strip()).strip())
    if counted is not None and counted[0] != ind.target:
        return None  # the name's own target differs from the value: VAL-09 says so
    expected = "或".join(sorted(want))
    return hit("unit", name=clip(ind.name), unit=ind.unit, expected=expected,
               example=_EXAMPLE[sorted(want)[0]])


# --- FIT-01 ---------------------------------------------------------------------------------

_EFFECT2 = frozenset(("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"))
_OUTPUT_COUNTED = frozenset(("数量指标", "质量指标"))
_COST_CONTROL = re.compile(r"控制.{0,8}成本|成本.{0,4}控制|预算控制|造价控制|节约成本")
_TIME_WORDS = re.compile(r"按时|及时|准时|时限|完成时间|周期|月底前|日前")
# what makes a rate one of timeliness: a time, a schedule or a deadline in its name
_TIMED = re.compile(r"时|期|日|月|年|季|周|天|进度|计划|限|当年|当期")
_EFFECT_WORDS = re.compile(r"治愈率|控制率|治疗率|知晓率|就业率|增收|收入增长|发生率|事故.*下降|减少率")
_ECONOMIC = re.compile(r"收入|产值|增收|效益|经济|收益|节约|节支|成本|费用|价格|利润|税|产量|销售|就业|投资|"
                       r"资金|增长|分红|营业|消费|产业|旅游|创收|节能")


@indicator_rule(
    "FIT-01", W, title=("指标内容与二级指标不符", "Content does not fit its level 2"),
    message=("“{name}”衡量的是{what}，放在“{level2}”下不合适。请移到“{target}”（{why}）。",
             "'{name}' measures {what}; it does not belong under '{level2}'. Move it to "
             "'{target}' ({why})."),
    source=source(REVIEW, "质量指标与效益指标混淆：设备故障率、质量合格率是质量指标，疾病治愈率、治疗率、"
                  "控制率是效益指标", "quality and effect indicators are not to be confused"),
    # what sits under 满意度 is no satisfaction: its SAT advice (“写成≥90%”) does not apply
    supersedes=("SAT-01", "SAT-02", "SAT-03"))
def fits_level2(f, p, ctx):
    level2 = f.level2
    if f.is_satisfaction:
        name = f.ind.name.strip()
        if name and not _OPINION.search(name):
            # an effect under 满意度 (因粮食市场波动引起的粮食安全事件发生数 0起, d04)
            return hit("level2", name=clip(name), level2=level2 or f.level1,
                       what="项目带来的效果，不是服务对象的评价", target="效益指标",
                       why="满意度指标只放服务对象对项目的满意程度")
        return None
    if not level2:
        return None
    ind = f.ind
    found = _misfit(ind.name, level2, ind.unit)
    if found is None:
        return None
    what, target, why, severity = found
    return hit("level2", severity=severity, name=clip(ind.name), level2=level2, what=what,
               target=target, why=why)


# what a satisfaction indicator's name speaks of: the recipients' opinion of the project
_OPINION = re.compile(r"满意|认可|评价|好评|获得感|幸福感|安全感|归属感|投诉|信任|支持率|参与意愿")
# the work or the contract done, as a rate (合同完成率, 任务完成率): an output
_DONE_RATE = re.compile(r"(?:合同|任务|工作|计划)(?:履约|完成|执行)率")


@lru_cache(maxsize=_CACHE)
def _misfit(name: str, level2: str, unit: str):
    unit = unit_class(unit) if unit else ""
    if level2 in _EFFECT2 and _COST_CONTROL.search(name):
        return ("成本控制", "成本指标", "控制成本是成本指标的内容，不是效益", None)
    if level2 in _EFFECT2 and _DONE_RATE.search(name):
        return ("工作或合同的完成情况", "数量指标或质量指标", "完成了多少是产出，不是产出带来的效益",
                None)
    if level2 in ("数量指标", "质量指标", "时效指标") and unit == MONEY:
        return ("金额", "成本指标", "以金额计的指标是成本指标", None)
    if level2 in _OUTPUT_COUNTED and _TIME_WORDS.search(name) and not name.endswith("合格率"):
        return ("时效", "时效指标", "各地对“及时率”归类不一，请按本地表式核对", H)
    if level2 in _OUTPUT_COUNTED and _EFFECT_WORDS.search(name):
        return ("项目带来的效果", "社会效益指标或经济效益指标", "效果不是产出的质量", H)
    if level2 == "时效指标" and name_measures(name) & {COUNT, PEOPLE, HOUSEHOLDS} \
            and TIME not in name_measures(name):
        return ("数量", "数量指标", "时效指标写完成时限或及时率", H)
    if level2 == "时效指标" and (unit == PERCENT or name.endswith("率")) \
            and not _TIMED.search(simplified(name)):
        # 免费开放率 under 时效: a rate that says nothing of when
        return ("与时间无关的比率", "质量指标或数量指标", "时效指标写完成时限或按时完成率", H)
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
    # water works of different kinds, which the 水利发展资金/衔接资金 reference tables list side by
    # side (a table copied from one keeps the other kinds' rows: e02, a04)
    "饮水": "饮水 自来水 水厂 供水设施 供水管网 供水工程 集中供水", "防洪": "堤防 护岸 河道 河流 防洪",
    "农田水利": "农田 耕地 灌区 灌溉 渠系",
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
        "scheme": ("自评表一级指标分值一般统一设置为产出指标50分、效益指标30分、满意度指标10分、预算资金执行率"
                   "10分（以表下注明的为准），本表为{have}。如无特殊情况，请按统一分值调整各三级指标分值。",
                   "A self-evaluation usually scores 产出指标 50, 效益指标 30, 满意度指标 10 and the "
                   "budget execution rate 10 (the form's note decides); this one has {have}. Unless "
                   "there is a reason, adjust the indicators' scores to the scheme."),
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
    if p.project.kind == SELF_EVALUATION:
        return _off_scheme(rows)
    return None


# The level-1 scores of a self-evaluation as the form's note sets them (中江县 自评表: 产出50、
# 效益30、满意度10, 执行率10 apart): a table that adds up but shares them otherwise (b01: 70/20/10).
_SCHEME = {"产出指标": Decimal(50), "效益指标": Decimal(30), "满意度指标": Decimal(10)}


def _off_scheme(rows):
    sums: dict[str, Decimal] = {}
    for f in rows:
        if _EXECUTION.search(f.ind.name):
            continue
        sums[f.level1] = sums.get(f.level1, Decimal(0)) + f.ind.weight
    if set(sums) != set(_SCHEME) or sums == _SCHEME:
        return None  # another tree (成本指标 as a level 1), or a category missing: REQ's
    have = "、".join(f"{label[:-2]}{_plain(sums[label])}分" for label in _SCHEME)
    return hit("indicators", "scheme", severity=H, have=have)


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
_SPENDING_WORDS = re.compile(r"用于|支付|开支|申请预算资金|申请资金|安排资金|经费保障|"
                             r"发放[^，,。；;]{0,10}?(?:工资|报酬|薪酬|补贴|津贴|福利|奖金)|"
                             r"(?:工资|报酬|福利)[^，,。；;]{0,4}?发放|"
                             r"支出|办公经费|办公用品费|水电费|报刊费|物业费|差旅费")
# a result verb whose object is the money itself (确保……经费正常运行, 完成……经费预算安排, 保障……
# 所需资金) states no result; nor does the boilerplate 确保完成2019年度任务
_MONEY_OBJECT = re.compile(r"(?:确保|保障|完成)[^，,。；;]{0,14}?(?:经费|资金|预算|工资|福利|报酬)|"
                           r"(?:确保)?完成(?:(?:19|20)\d{2}年度?|本年度?|全年|年度)的?(?:各项)?(?:工作)?任务")
_AMOUNT_ONLY = re.compile(r"\s*\d+(?:\.\d+)?\s*(?:亿元|万元|元)?\s*")
_RESULT_QUANTITY = re.compile(
    r"\d+(?:\.\d+)?\s*(?:人次|人|个|次|场|件|条|篇|户|公里|米|平方米|亩|台|套|辆|期|批次|天|小时|%|％)")
_RESULT_VERB = re.compile(r"提高|提升|降低|减少|改善|达到|实现|确保|保障|惠及|覆盖|完成|带来|增加|促进")


@lru_cache(maxsize=_CACHE)
def spending_clause(goal: str) -> str:
    """The first clause of a goal that only says how money is spent, when no clause of it
    states a result ("" otherwise)."""
    if _AMOUNT_ONLY.fullmatch(goal):
        return goal.strip()  # the goal is the amount alone (b02: “43.2”)
    clauses = [c.strip(" ,，:：") for c in _CLAUSES.split(goal) if c and c.strip(" ,，:：")]
    first = ""
    for clause in clauses:
        rest = _MONEY_OBJECT.sub("", clause)  # a quantity in it still counts: 1200户的补贴资金
        if _RESULT_QUANTITY.search(_AMOUNT.sub("", clause)) or _RESULT_VERB.search(rest):
            return ""
        if not first and (_AMOUNT.search(clause) or _SPENDING_WORDS.search(clause)
                          or rest != clause):
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
def word_pairs(text: str) -> frozenset[str]:
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
            out.append((Decimal(m.group(1)), unit, word_pairs(around), written))
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
        name = word_pairs(ind.name)
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


# an explanation that is nothing but a target, perhaps with its basis in brackets
_WHOLE_VALUE = re.compile(
    r"^\s*(?P<value>[≥≤＞＜＝]?\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<u>%|％|个工作日|工作日|人次|人|个|次|天|"
    r"小时|万元|元)?)\s*(?:[（(][^（()）]*[)）])?\s*[。.]?\s*$")


@lru_cache(maxsize=_CACHE)
def _contradiction(explanation: str, comparator: str, target: Decimal, unit: str) -> str:
    """The target stated in 指标解释 that disagrees with the indicator's ("" when none does)."""
    if not any(ch.isdigit() for ch in explanation):
        return ""
    unit = normalise_text(unit).replace("％", "%")
    direction = "≤" if comparator in ("≤", "＜") else "≥" if comparator in ("≥", "＞") else ""
    whole = _WHOLE_VALUE.match(explanation)
    if whole:
        # the explanation is only a target (90%(计划标准), b05): the value should say the same
        number, stated_unit = Decimal(whole.group("n")), (whole.group("u") or "").replace("％", "%")
        if not unit and stated_unit == "%" and target * 100 == number:
            return ""  # 1 for 100%: a fraction without its unit (VAL-04), the same target
        if number != target and (not unit or not stated_unit or stated_unit == unit):
            return whole.group("value").strip()
        return ""
    for stated_dir, number, stated_unit, written in stated_targets(explanation):
        if stated_unit and stated_unit != unit:
            continue
        if not stated_unit and unit == "%":
            continue  # a bare number beside a percentage is usually a count in the method
        if number != target or (direction and stated_dir != direction):
            return written
    return ""

