"""The indicator tree of both profiles and the vocabulary around it, as data in one place.

Everything PerfDesk knows about categories (一级/二级指标), their aliases in real tables, the
fixed lists clerks choose from (指标性质, 计算符号, 指标值设定依据, 项目属性, common units and
定性 grades) lives here. Importers, rules, the GUI's drop-downs and exporters all read it;
none of them spells a category name of its own.

Profile ``88`` follows 财预〔2015〕88号, profile ``101`` follows 财预〔2021〕101号 (成本指标 is a
level-1 category there). See ``shared/spec/domain.md`` §2.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from enum import Enum
from typing import Protocol, TypeVar

# --- the two profiles -----------------------------------------------------------------------

PROFILES: dict[str, dict[str, tuple[str, ...]]] = {
    "88": {
        "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
        "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
        "满意度指标": ("服务对象满意度指标",),
    },
    "101": {
        "产出指标": ("数量指标", "质量指标", "时效指标"),
        "成本指标": ("经济成本指标", "社会成本指标", "生态环境成本指标"),
        "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
        "满意度指标": ("服务对象满意度指标",),
    },
}
DEFAULT_PROFILE = "88"

PROFILE_TITLES = {
    "88": ("财预〔2015〕88号（产出/效益/满意度）", "Caiyu [2015] No. 88 (output/effect/satisfaction)"),
    "101": ("财预〔2021〕101号（成本单列为一级指标）", "Caiyu [2021] No. 101 (cost as a level-1 category)"),
}

# The level-1 categories every project must cover (rules REQ-01..REQ-04 read these names).
OUTPUT = "产出指标"
EFFECT = "效益指标"
SATISFACTION = "满意度指标"
COST = "成本指标"
# The level-2 category whose values must be dates, periods or on-time rates (rule TIME-01).
TIMELINESS = "时效指标"
# The level-2 categories of counts and of quality under 产出指标.
QUANTITY = "数量指标"
QUALITY = "质量指标"

# The order the official forms print categories in: 产出 → 成本 (profile 101) → 效益 → 满意度,
# and level 2 as each profile lists it (both profiles list shared names in the same order).
LEVEL1_ORDER = (OUTPUT, COST, EFFECT, SATISFACTION)


def _level2_order() -> dict[str, int]:
    order: dict[str, int] = {}
    for categories in PROFILES.values():
        for children in categories.values():
            for n, name in enumerate(children):
                order.setdefault(name, n)
    return order


class _Labelled(Protocol):
    level1: str
    level2: str


_Item = TypeVar("_Item", bound=_Labelled)


def official_order(indicators: Sequence[_Item]) -> list[_Item]:
    """``indicators`` (anything with ``level1`` and ``level2``) in the order the official
    forms print them: grouped by level 1 (产出 → 成本 → 效益 → 满意度, an unknown label after
    the known ones, in the order it first appears), then level 2 in taxonomy order (unknown
    ones after, by first appearance), entry order within a group. The sort is stable, so an
    already ordered list comes back as it was."""
    first1: dict[str, int] = {}
    first2: dict[tuple[str, str], int] = {}

    def key(item: _Item) -> tuple[int, int]:
        label1, rank1, label2, rank2 = _order_labels(item.level1, item.level2)
        if rank1 is None:
            rank1 = len(LEVEL1_ORDER) + first1.setdefault(label1, len(first1))
        if rank2 is None:
            rank2 = 100 + first2.setdefault((label1, label2), len(first2))
        return rank1, rank2

    keyed = [(key(item), n, item) for n, item in enumerate(indicators)]
    keyed.sort(key=lambda entry: (entry[0], entry[1]))
    return [item for _key, _n, item in keyed]


_ORDER_LABELS: dict[tuple[str, str], tuple[str, int | None, str, int | None]] = {}


def _order_labels(level1: str, level2: str) -> tuple[str, int | None, str, int | None]:
    """The labels as :func:`official_order` compares them, with their places among the known
    ones (``None`` for an unknown label). A dataset repeats the same few pairs tens of
    thousands of times: each is worked out once."""
    found = _ORDER_LABELS.get((level1, level2))
    if found is None:
        label1 = normalise_label(level1)
        label1 = LEVEL1_ALIASES.get(label1, label1)
        label2 = normalise_label(level2)
        label2 = LEVEL2_ALIASES.get(label2, label2)
        found = (label1, LEVEL1_ORDER.index(label1) if label1 in LEVEL1_ORDER else None,
                 label2, _LEVEL2_RANK.get(label2))
        if len(_ORDER_LABELS) < 4096:
            _ORDER_LABELS[(level1, level2)] = found
    return found


# --- aliases seen in real tables ------------------------------------------------------------

# Non-standard level-1 labels that mean a standard one (rule CAT-03 offers the fix).
LEVEL1_ALIASES: dict[str, str] = {
    "项目完成指标": "产出指标",
    "项目效益指标": "效益指标",
    "产出": "产出指标",
    "效益": "效益指标",
    "满意度": "满意度指标",
    "服务对象满意度": "满意度指标",
}

# Non-standard level-2 labels that mean a standard one.
LEVEL2_ALIASES: dict[str, str] = {
    "环境效益指标": "生态效益指标",
    "社会公众或服务对象满意度指标": "服务对象满意度指标",
    "满意度指标": "服务对象满意度指标",
    "满意度": "服务对象满意度指标",
    "服务对象满意度": "服务对象满意度指标",
    "社会满意度指标": "服务对象满意度指标",
    "群众满意度指标": "服务对象满意度指标",
    "数量": "数量指标",
    "质量": "质量指标",
    "时效": "时效指标",
    "成本": "成本指标",
    "经济效益": "经济效益指标",
    "社会效益": "社会效益指标",
    "生态效益": "生态效益指标",
    "环境效益": "生态效益指标",
    "可持续影响": "可持续影响指标",
    "可持续性": "可持续影响指标",
}

# Provinces' own wordings of the categories (seen in published tables): aliases, offered as a
# hint with a one-click fix (CAT-03), never an unknown category.
LEVEL1_ALIASES.update({
    "项目产出": "产出指标", "项目产出指标": "产出指标", "产出类指标": "产出指标",
    "项目效益": "效益指标", "效果指标": "效益指标", "效益类指标": "效益指标", "项目效果指标": "效益指标",
    "项目满意度": "满意度指标", "满意度类指标": "满意度指标", "社会满意度指标": "满意度指标",
    "成本": "成本指标", "项目成本指标": "成本指标", "成本类指标": "成本指标",
})
LEVEL2_ALIASES.update({
    "社会公众满意度指标": "服务对象满意度指标", "群众满意度指标": "服务对象满意度指标",
    "受益对象满意度指标": "服务对象满意度指标", "满意度": "服务对象满意度指标",
    "产出数量": "数量指标", "产出质量": "质量指标", "产出时效": "时效指标", "产出成本": "成本指标",
    "完成数量": "数量指标", "完成质量": "质量指标", "完成时效": "时效指标",
    "经济成本": "经济成本指标", "社会成本": "社会成本指标", "生态环境成本": "生态环境成本指标",
    "可持续发展指标": "可持续影响指标", "可持续影响效益指标": "可持续影响指标",
    # 广东 forms: 预算(或投资规模)控制指标 stands where 成本指标 belongs
    "预算控制指标": "成本指标", "投资规模控制指标": "成本指标",
})

# Traditional characters found in category labels and table headings, mapped to simplified.
# Only characters that occur in this domain's fixed vocabulary are listed.
_TRADITIONAL = (
    "產产標标滿满數数質质時时濟济經经會会態态環环續续響响務务對对項项計计據据準准歷历業业預预"
    "單单釋释號号資资總总額额門门稱称屬属類类級级實实績绩價价評评註注備备財财撥拨區区範范圍围"
    "內内與与為为開开發发種种長长這这個个設设說说層层報报題题現现創创應应導导負负責责聯联繫系"
    "電电話话填填審审核核見见蓋盖章章員员費费專专務务運运維维護护訊讯準准則则關关於于間间製制"
    "劃划鑑鉴評评獎奖勵励標标碼码們们擬拟層层覆覆蓋盖率率執执況况狀状態态達达險险務务"
    "際际規规細细機机構构獲获選选統统顯显邊边專专項项預预測测算算當当點点優优確确"
    # words of benefit and subsidy names (VAL-16 reads them in traditional tables too)
    "農农補补貼贴撫抚養养齡龄學学戶户殘残療疗醫医災灾難难貧贫濟济兒儿參参險险")
TRADITIONAL_TO_SIMPLIFIED = str.maketrans(
    {_TRADITIONAL[i]: _TRADITIONAL[i + 1] for i in range(0, len(_TRADITIONAL), 2)})

_SPACES = re.compile(r"[\s\u3000\u00a0]+")


# Pinyin in brackets after a character, as a page converted for reading aloud prints it
# (產(chǎn)出指標(biāo)): a syllable with its tone mark. Labels are compared without it.
_PINYIN = re.compile(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")

_LEVEL2_RANK: dict[str, int] = {}


# a pinyin reading printed after a character, as some pages do: 標(biāo)準(zhǔn)
_PINYIN_NOTE = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")


def pinyin_notes(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a pinyin reading printed after a character (``標(biāo)``)."""
    return [m.span() for m in _PINYIN_NOTE.finditer(text)]


def simplified(text: str | None) -> str:
    """A name as its words are compared: simplified characters, pinyin readings taken out."""
    if not text:
        return ""
    return _PINYIN_NOTE.sub("", str(text)).translate(TRADITIONAL_TO_SIMPLIFIED)


def normalise_label(text: str | None) -> str:
    """A category label or table heading as compared: trimmed, no inner spaces, simplified."""
    if not text:
        return ""
    text = _SPACES.sub("", str(text)).translate(TRADITIONAL_TO_SIMPLIFIED)
    text = _PINYIN.sub("", text)
    return text.strip("：:、，,。.；;")


# --- classifying a label --------------------------------------------------------------------


class LabelKind(Enum):
    """How a level-1 label as written relates to the profile."""

    STANDARD = "standard"  # exactly a level-1 category of the profile
    ALIAS = "alias"  # a known non-standard name for one (CAT-03)
    LEVEL2 = "level2"  # a level-2 name written where level 1 belongs (CAT-02)
    UNKNOWN = "unknown"  # none of the above (CAT-01)


@dataclass(frozen=True, slots=True)
class Level1Reading:
    kind: LabelKind
    level1: str  # the standard level-1 category it means ("" when unknown)
    level2: str  # the level-2 category it implies ("" unless kind is LEVEL2)


def check_profile(profile: str) -> str:
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; expected one of {sorted(PROFILES)}")
    return profile


def level1_names(profile: str) -> tuple[str, ...]:
    return tuple(PROFILES[check_profile(profile)])


def level2_names(profile: str, level1: str) -> tuple[str, ...]:
    return PROFILES[check_profile(profile)].get(level1, ())


def parent_of_level2(profile: str, level2: str) -> str:
    """The level-1 category a standard level-2 name belongs to, or ``""``."""
    categories = PROFILES[check_profile(profile)]
    for name in dict.fromkeys((level2, LEVEL2_ALIASES.get(level2, level2))):
        for level1, children in categories.items():
            if name in children:
                return level1
    return ""


# A score after a category label: 产出指标(50分), 效益指标（30 分）, 满意度指标10分, （权重20%）.
_LABEL_SCORE = re.compile(
    r"(?:[（(]\s*(?:权重|分值|分数)?[:：]?\s*(?P<a>\d+(?:\.\d+)?)\s*[分%％]?\s*[)）]"
    r"|(?P<b>\d+(?:\.\d+)?)\s*分)$")


def score_suffix(text: str) -> tuple[str, str]:
    """A label as written without the score after it, and that score (``产出指标(50分)`` →
    (``产出指标``, ``50``)); ``(text, "")`` when there is none. The one reader of a label's
    score: the entry of a row (which keeps the label as written) and :func:`split_score`."""
    stripped = text.rstrip()
    m = _LABEL_SCORE.search(stripped)
    if not m or not stripped[: m.start()].strip():
        return text, ""
    return stripped[: m.start()].strip(), m.group("a") or m.group("b")


def is_score_only(text: str) -> bool:
    """A cell holding a score and no label (``(50分)``: the label was lost on the way)."""
    return bool(_LABEL_SCORE.fullmatch(text.strip()))


@lru_cache(maxsize=4096)
def split_score(label: str | None) -> tuple[str, str]:
    """A category label (normalised) and the score written after it (``产出指标(50分)`` →
    (``产出指标``, ``50``)); the score is ``""`` when there is none."""
    text = normalise_label(label)
    rest, score = score_suffix(text)
    return (normalise_label(rest), score) if score else (text, "")


# Words that say which level-1 category a label of a province's own means (项目产出 …).
_LEVEL1_WORDS = (("产出", OUTPUT), ("效益", EFFECT), ("效果", EFFECT), ("满意", SATISFACTION),
                 ("成本", COST))


def read_level1(profile: str, label: str) -> Level1Reading:
    """What a level-1 label as written in a table means in ``profile`` (a score written after
    it, as in ``产出指标(50分)``, does not change what it means)."""
    categories = PROFILES[check_profile(profile)]
    text, _score = split_score(label)
    if text in categories:
        return Level1Reading(LabelKind.STANDARD, text, "")
    alias = LEVEL1_ALIASES.get(text)
    if alias in categories:
        return Level1Reading(LabelKind.ALIAS, alias, "")
    level2 = LEVEL2_ALIASES.get(text, text)
    parent = parent_of_level2(profile, level2)
    if parent:
        return Level1Reading(LabelKind.LEVEL2, parent, level2)
    if text and len(text) <= 12 and not re.search(r"[（()）\-—－/、]", text):
        # a province's own wording (项目产出类, 绩效产出): not two labels in one (CategoryRun)
        meant = {level1 for word, level1 in _LEVEL1_WORDS if word in text and level1 in categories}
        if len(meant) == 1:
            return Level1Reading(LabelKind.ALIAS, meant.pop(), "")
    return Level1Reading(LabelKind.UNKNOWN, "", "")


# The level-1 parts of a 绩效评价 scoring table (the common framework 决策 · 过程 · 产出 · 效益,
# written 项目决策 / 项目管理 / 项目产出 / 项目效益 in many): 决策 and 过程 judge how the project was
# decided and run (目标完整性, 预算执行率, 财务管理制度…); they are evaluation items, not targets.
# (过程管理指标, an investment plan's block over 计划管理/资金管理 …, is MANAGEMENT_BLOCKS below)
EVALUATION_ITEMS = ("决策", "项目决策", "决策指标", "项目决策指标", "过程", "项目过程", "过程指标",
                    "项目过程指标", "管理", "项目管理", "管理指标", "项目管理指标")


def is_evaluation_item(label: str | None) -> bool:
    """Whether a level-1 label is a 绩效评价 table's 决策 or 过程 part (``项目决策(10分)``)."""
    text, _score = split_score(label)
    return text in EVALUATION_ITEMS


# The second block of the national 中央预算内投资计划绩效目标表 (after 实施效果指标): 过程管理指标
# over 计划管理 / 资金管理 / 项目管理 / 监督检查指标, which rate how the administration handles
# the investment plan (分解用时, 支付率, 开工率); they are not the project's targets.
MANAGEMENT_BLOCKS = ("过程管理指标", "过程管理", "管理过程指标", "过程管理类指标")


def is_management_block(label: str | None) -> bool:
    """Whether a level-1 label is an investment plan's 过程管理指标 block (``过程管理指标``)."""
    text, _score = split_score(label)
    return text in MANAGEMENT_BLOCKS


def split_run_together(profile: str, label: str | None) -> tuple[str, str] | None:
    """A level-2 label with its level 1 run together in front of it, as one cell of an
    evaluation table writes it (``产出数量指标`` → (产出指标, 数量指标)); ``None`` otherwise."""
    text, _score = split_score(label)
    categories = PROFILES[check_profile(profile)]
    for word, level1 in _LEVEL1_WORDS:
        rest = text[len(word):]
        if level1 in categories and text.startswith(word) and rest:
            level2 = standard_level2(profile, level1, rest)
            if level2 and normalise_label(rest).endswith("指标"):
                return level1, level2
    return None


def standard_level2(profile: str, level1: str, label: str) -> str:
    """The standard level-2 name ``label`` means under ``level1``, or ``""`` if none."""
    text, _score = split_score(label)
    children = level2_names(profile, level1)
    if text in children:
        return text
    text = LEVEL2_ALIASES.get(text, text)
    if text in children:
        return text
    plain = _ALTERNATIVE.sub("", text)  # 数量指标(或建筑规模指标), 预算(或投资规模)控制指标
    if plain != text and plain:
        plain = LEVEL2_ALIASES.get(plain, plain)
        return plain if plain in children else ""
    return ""


# an alternative name a form prints in brackets inside a category label
_ALTERNATIVE = re.compile(r"[（(][^（()）]*[)）]")


_LEVEL2_RANK.update(_level2_order())


def all_category_names() -> frozenset[str]:
    """Every category name of both profiles and every alias (rule CAT-06 reads this)."""
    names: set[str] = set(LEVEL1_ALIASES) | set(LEVEL2_ALIASES)
    for categories in PROFILES.values():
        names.update(categories)
        for children in categories.values():
            names.update(children)
    return frozenset(names)


# --- fixed lists clerks choose from ---------------------------------------------------------

QUANTITATIVE = "定量"
QUALITATIVE = "定性"
NATURES = (QUANTITATIVE, QUALITATIVE)

# 计算符号: ≥/＞/＝ read as 正向, ＜/≤ as 反向.
COMPARATORS = ("≥", "＞", "＝", "＜", "≤")
POSITIVE_COMPARATORS = frozenset("≥＞＝")

BASES = ("计划标准", "历史标准", "行业标准", "预算支出标准", "其他标准")

NEW_PROJECT = "新增项目"
CONTINUING_PROJECT = "延续项目"
PROJECT_ATTRIBUTES = (NEW_PROJECT, CONTINUING_PROJECT)
PROJECT_ATTRIBUTE_ALIASES = {
    "新增": NEW_PROJECT,
    "新增项目": NEW_PROJECT,
    "新项目": NEW_PROJECT,
    "延续": CONTINUING_PROJECT,
    "延续项目": CONTINUING_PROJECT,
    "持续性项目": CONTINUING_PROJECT,
    "持续项目": CONTINUING_PROJECT,
    "延续性项目": CONTINUING_PROJECT,
}

DEFAULT_GRADES = ("达成", "部分达成", "未达成", "好", "较好", "一般", "差")

COMMON_UNITS = (
    "%", "个", "人", "人次", "件", "场", "篇", "条", "次", "天", "个工作日", "小时", "户", "家",
    "所", "项", "套", "台", "份", "本", "期", "批", "宗", "部", "座", "公里", "平方米", "亩",
    "吨", "元", "万元", "元/人", "元/人次", "元/亩", "元/平方米", "万元/公里", "个月", "年",
)
MONEY_UNITS = ("元", "万元", "亿元")
# units whose amounts add up across places (counts, lengths, areas, weights, money): a target
# given per place in these is the sum of the places'; a rate (%), a time (天, 个月) or a ratio
# (元/人) does not add and must be the same in every place
ADDITIVE_UNITS = (
    "个", "人", "人次", "件", "场", "篇", "条", "次", "户", "家", "所", "项", "套", "台", "份", "本",
    "期", "批", "宗", "部", "座", "处", "间", "辆", "公里", "千米", "米", "平方米", "公顷", "亩",
    "吨", "元", "万元", "亿元",
)


def is_money_unit(unit: str) -> bool:
    """Whether a unit is an amount of money (元, 万元, 元/人, 万元/公里 …)."""
    unit = (unit or "").strip()
    head, per = (unit.split("/", 1) + [""])[:2]
    # 万/月 (人工成本 ≤620万/月) is 万元 a month as tables write it; 万 alone may count people
    return head in MONEY_UNITS or head == "千元" or (head == "万" and bool(per))


# What a unit measures (rule UNIT-01 compares it with the name; a row with no category takes
# its level 2 from it, :func:`perfdesk.core.entry.category_by_content`).
PERCENT, MONEY, COUNT, PEOPLE, HOUSEHOLDS, TIME, AREA, LENGTH, MASS, SCORE = (
    "比率（%）", "金额（元、万元）", "个数（个、次、项…）", "人数（人、人次）", "户数（户）",
    "时间（天、月…）", "面积（平方米、亩）", "长度（米、公里）", "重量或体积（吨、立方米）", "分值（分）")
_UNIT_CLASS: dict[str, str] = {}
for _cls, _words in (
        (PERCENT, "% ％ 百分比 ‰"),
        (COUNT, "个 件 次 场 期 批 批次 篇 条 份 项 台 套 辆 块 家 所 座 处 门 本 册 张 起 宗 门次 只 头 株 "
                "种 种次"),
        (PEOPLE, "人 人次 名"),
        (HOUSEHOLDS, "户 家庭"),
        (TIME, "天 日 个工作日 工作日 小时 分钟 周 月 个月 年"),
        (AREA, "平方米 万平方米 ㎡ 亩 公顷 平方公里"),
        (LENGTH, "米 公里 千米 延米 km"),
        (MASS, "吨 千克 公斤 立方米 升"),
        (SCORE, "分")):
    for _w in _words.split():
        _UNIT_CLASS[_w] = _cls


# every unit the vocabulary knows (the common ones, those that add up, money, each class's)
KNOWN_UNITS: tuple[str, ...] = tuple(dict.fromkeys(
    (*COMMON_UNITS, *ADDITIVE_UNITS, *MONEY_UNITS, *_UNIT_CLASS)))

# The words that make a target vague (rule VAL-07's default list, a ⚙ setting) and the verbs
# of a change they qualify: 有效 + 减少 is one qualitative value phrase (有效减少), as a table
# writes a 效益 target without a number.
VAGUE_WORDS: tuple[str, ...] = (
    "长期", "逐步提高", "有所提高", "稳步提高", "不断提高", "明显改善", "稳步推进", "进一步", "持续",
    "及时", "按月安排", "应保尽保", "不超预算", "抽样", "年度评估", "按实际", "全民提升", "协助",
    "按上级", "显著", "效果明显", "有效", "较高", "拓宽", "巩固提高", "按计划", "不超过预算",
    "符合相关", "改善")
CHANGE_VERBS = ("减少", "降低", "下降", "提高", "提升", "改善", "增加", "增强", "增长", "加强")


def unit_class(unit: str) -> str:
    """What a unit measures (:data:`PERCENT`, :data:`MONEY`, :data:`COUNT` …), or ``""`` when
    it is not one of the known units. A money unit per something (元/平米) is money."""
    unit = (unit or "").strip()
    if not unit:
        return ""
    if is_money_unit(unit) or unit.startswith("万/"):
        return MONEY
    return _UNIT_CLASS.get(unit.split("/", 1)[0].strip(), "")
