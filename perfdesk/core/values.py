"""The value grammar: what a clerk types or an old table holds, read into a typed target.

A target (指标值) is either 定量 (计算符号 + exact number + 计量单位, rendered ``≥95%``,
``≤475元/亩``, ``＝18条``), 定性 (a grade such as ``好``) or 时效 (a deadline or period such as
``2026年12月底前``, ``2026年6月30日前``, ``全年``, ``2026年1-12月``: a time, not a number, so it
takes no comparator — "≥2026年12月底前" means nothing). :func:`parse` accepts the ways real
tables write them — ASCII ``>=``/``<=``/``>``/``<``/``=``, the words 不低于/不少于/不高于/不超过,
以上/以下 after the number, full-width digits and signs, thousands separators and units glued
to the number — and :func:`render` writes the canonical text back.

Anything else (抽样, 年度评估, a formula, a sentence) is kept verbatim as a *raw* value: parse
never raises and never throws text away. A formula followed by a target
(``已登记数/应登记数≥98%``) yields the target and reports the formula as ``prefix``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum

from perfdesk.core.taxonomy import COMPARATORS, DEFAULT_GRADES, QUALITATIVE, QUANTITATIVE


class ValueKind(Enum):
    EMPTY = "empty"
    QUANTITATIVE = "quantitative"  # 定量
    QUALITATIVE = "qualitative"  # 定性
    TIME = "time"  # 时效: a deadline or period; ``text`` holds it as written
    RAW = "raw"  # could not be read; ``text`` holds it verbatim


@dataclass(frozen=True, slots=True)
class TargetValue:
    """A typed 指标值.

    Attributes:
        kind: which of the four shapes this is.
        comparator: one of ``COMPARATORS`` or ``""`` (定量 written without one).
        number: the exact target number (定量).
        unit: 计量单位 as written after the number (定量), possibly ``""``.
        grade: the grade (定性).
        text: the deadline or period (时效), or the verbatim text (raw).
    """

    kind: ValueKind
    comparator: str = ""
    number: Decimal | None = None
    unit: str = ""
    grade: str = ""
    text: str = ""

    @classmethod
    def quantitative(cls, comparator: str, number: Decimal, unit: str = "") -> "TargetValue":
        if comparator and comparator not in COMPARATORS:
            raise ValueError(f"not a comparator: {comparator!r}")
        if not isinstance(number, Decimal) or not number.is_finite():
            raise ValueError(f"target number must be a finite Decimal, got {number!r}")
        return cls(ValueKind.QUANTITATIVE, comparator, number, unit)

    @classmethod
    def qualitative(cls, grade: str) -> "TargetValue":
        return cls(ValueKind.QUALITATIVE, grade=grade)

    @classmethod
    def time(cls, text: str) -> "TargetValue":
        return cls(ValueKind.TIME, text=text)

    @classmethod
    def raw(cls, text: str) -> "TargetValue":
        return cls(ValueKind.RAW, text=text) if text.strip() else EMPTY

    @property
    def nature(self) -> str:
        """指标性质 implied by the value: 定量, 定性 or ``""``."""
        if self.kind is ValueKind.QUANTITATIVE:
            return QUANTITATIVE
        if self.kind is ValueKind.QUALITATIVE:
            return QUALITATIVE
        return ""


EMPTY = TargetValue(ValueKind.EMPTY)


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What :func:`parse` read.

    Attributes:
        value: the typed value (raw when it could not be read).
        prefix: text before an explicit comparator whose target was read off the end: a
            formula (``已登记数/应登记数`` in ``已登记数/应登记数≥98%``) or a label
            (``满意度`` in ``满意度≥90%``), else ``""``.
        comparator_spelling: how the comparator was written when not canonical
            (``>=``, ``不低于``, ``以上`` …), else ``""``.
        note: a remark in brackets after the target (``（抽样调查）`` in
            ``≥95%（抽样调查）``), else ``""``.
    """

    value: TargetValue
    prefix: str = ""
    comparator_spelling: str = ""
    note: str = ""


# --- normalising what was typed -------------------------------------------------------------

_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({
    "．": ".", "％": "%", "，": "，", "＋": "+", "－": "-", "﹪": "%", "／": "/",
    "≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤", "═": "＝", "〓": "＝", "﹦": "＝",
})
_WIDTH_TABLE = str.maketrans(_FULLWIDTH)

# Comparator spellings before the number, longest first so 大于等于 wins over 大于.
_PREFIX_WORDS: tuple[tuple[str, str], ...] = tuple(sorted((
    (">=", "≥"), ("=>", "≥"), ("≥", "≥"), ("＞＝", "≥"), ("＞=", "≥"),
    ("<=", "≤"), ("=<", "≤"), ("≤", "≤"), ("＜＝", "≤"), ("＜=", "≤"),
    (">", "＞"), ("＞", "＞"), ("<", "＜"), ("＜", "＜"), ("=", "＝"), ("＝", "＝"), ("==", "＝"),
    ("不低于", "≥"), ("不少于", "≥"), ("不小于", "≥"), ("大于等于", "≥"), ("大于或等于", "≥"),
    ("至少", "≥"), ("达到", "≥"), ("不高于", "≤"), ("不超过", "≤"), ("不大于", "≤"),
    ("不多于", "≤"), ("小于等于", "≤"), ("小于或等于", "≤"), ("最多", "≤"), ("控制在", "≤"),
    ("高于", "＞"), ("大于", "＞"), ("超过", "＞"), ("多于", "＞"), ("低于", "＜"), ("小于", "＜"),
    ("少于", "＜"), ("等于", "＝"),
), key=lambda pair: -len(pair[0])))

# Spellings after the number and unit.
_SUFFIX_WORDS: tuple[tuple[str, str], ...] = (
    ("及以上", "≥"), ("以上", "≥"), ("及以下", "≤"), ("以下", "≤"), ("以内", "≤"), ("之内", "≤"),
)

_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# A unit: a short run of anything but digits, blanks, signs and sentence punctuation.
_UNIT_CHARS = r"[^\d\s.,+\-<>=≥≤＞＜＝，。；;：:！!？?、（）()\[\]【】\"'“”‘’]"
_UNIT_MAX = 8
_UNIT_RE = re.compile(rf"{_UNIT_CHARS}{{1,{_UNIT_MAX}}}")
_VALUE_RE = re.compile(rf"(?P<number>{_NUMBER})(?P<unit>{_UNIT_CHARS}{{0,{_UNIT_MAX}}})")

# --- 时效: deadlines and periods -------------------------------------------------------------

_Y = r"(?:19|20)\d{2}"  # a year
_M = r"(?:1[0-2]|0?[1-9])"  # a month
_D = r"(?:3[01]|[12]\d|0?[1-9])"  # a day
_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
_MONTH = rf"(?:{_M}|{_CN_MONTH})月"
# a point in time: 2026年12月31日, 2026年12月, 12月31日, 12月, 2026年, 2026.12.31, 2026-12, 2026/6
_POINT = (rf"(?:{_Y}年(?:{_MONTH}(?:{_D}[日号])?)?|{_MONTH}(?:{_D}[日号])?"
          rf"|{_Y}[./-]{_M}(?:[./-]{_D})?)")
# what makes a point a deadline or a part of a period
_BY = r"(?:之前|以前|前|底前|底之前|末前|底|末|初|上旬|中旬|下旬|中|内|以内)"
_SEASON = r"(?:第?[一二三四1-4]季度|[上下]半年|年[底末内中初]|全年|全年度|年度内|当年|当月|本年度?)"
_PERIOD_WORDS = rf"(?:{_Y}年(?:度|全年|{_SEASON})?|{_SEASON})"
# a deadline stated against the plan or the contract rather than as a date
_AGAINST_PLAN = (r"(?:项目)?(?:计划|规定|约定|合同)(?:的)?(?:完成)?(?:时间|时限|期限|工期|日期)"
                 r"(?:内|前|以内|之内)")
_RANGE_SEP = r"(?:-{1,2}|—{1,2}|–|~|～|至|到)"  # 2020年1月--2020年11月 too
_TIME_RE = re.compile(
    rf"(?:于|在|截至|截止|截止到|截至到|不晚于|不迟于|力争)?"
    rf"(?:"
    rf"{_POINT}{_RANGE_SEP}(?:{_POINT}|{_M}月?|{_D}[日号]){_BY}?"  # 2026年1月-12月, 2023.07-2024.01
    rf"|{_Y}年{_M}{_RANGE_SEP}{_M}月{_BY}?"  # 2026年1-12月
    rf"|{_POINT}{_BY}?"  # 2026年12月底前, 12月底前, 2026年6月30日前
    rf"|{_PERIOD_WORDS}{_BY}?"  # 全年, 2026年全年, 年底前, 第三季度
    rf"|{_AGAINST_PLAN}"  # 在项目计划完成时间内(完成), 合同工期内
    rf")(?:完成|前完成|内完成|完成率)?")


def is_deadline_unit(unit: str) -> bool:
    """Whether the "unit" after a number makes it a deadline (12 + 月底前), not an amount."""
    return unit.endswith(("前", "底", "末"))


def read_time(text: str) -> str | None:
    """The deadline or period ``text`` states (``2026年12月底前``, ``全年``, ``2023.07-2024.01``),
    as written without blanks and with full-width digits made ordinary; ``None`` when it is not
    one. A bare number with 月 (``12月``) without a year is a month only with a deadline word
    (``12月底前``); a duration (``30个工作日``, ``3个月``) is a 定量 target, not a time."""
    s = re.sub(r"\s+", "", normalise_text(text))
    if not s or len(s) > 40 or not _TIME_RE.fullmatch(s):
        return None
    if re.fullmatch(rf"{_M}月", s) or re.fullmatch(rf"{_Y}", s) or re.fullmatch(r"\d+", s):
        return None  # 12月 (also a count of months), 2026, 12: numbers, not times
    if "完成率" in s:
        return None  # 12月底前完成率 is a rate: it needs its number
    return s


# --- 项目期: a project's period -----------------------------------------------------------

# One end of a period: a year, with its month when written (2023年7月, 2023年7月1日, 2023.07,
# 2023.7.1, 2023/7, 2023-07, or 202307 as some systems export it).
_PERIOD_POINT = re.compile(
    rf"(?<!\d)(?P<year>{_Y})(?:"
    rf"年(?:\s*(?P<m1>{_M})\s*月(?:\s*{_D}\s*[日号])?)?"
    rf"|[./](?P<m2>{_M})(?:[./]{_D})?(?!\d)"
    rf"|-(?P<m3>0[1-9]|1[0-2])(?:-{_D})?(?!\d)"
    rf"|(?P<m4>0[1-9]|1[0-2])(?!\d)"
    rf"|(?!\d))")
# the end of a period written as a month of the start's year: 2023年7月至12月, 2023.7-12
_PERIOD_END_MONTH = re.compile(rf"\s*{_RANGE_SEP}\s*(?P<month>{_M})\s*月?(?:\s*{_D}\s*[日号])?\s*$")


@dataclass(frozen=True)
class Period:
    """项目期: the first and the last year, each with its month when the table states it (a
    year alone stays a year: ``2023年至2025年`` has no months)."""

    start: int | None = None
    end: int | None = None
    start_month: int | None = None
    end_month: int | None = None

    def months(self) -> int | None:
        """How many months the period covers (2023.07–2024.01: 7), when both ends have their
        month; ``None`` otherwise."""
        start, end, first, last = self.start, self.end, self.start_month, self.end_month
        if start is None or end is None or first is None or last is None:
            return None
        return (end - start) * 12 + last - first + 1

    def longer_than_a_year(self) -> bool:
        """Whether the project runs more than one year's work: more than 12 months when the
        months are known, otherwise an end year after the start year."""
        months = self.months()
        if months is not None:
            return months > 12
        return self.start is not None and self.end is not None and self.end > self.start

    def text(self) -> str:
        """项目期 as the form writes it: ``2023年7月至2024年1月`` when the months are known,
        ``2025年至2027年`` or ``2025年`` when not, ``""`` when not given."""
        if not self.start or not self.end:
            if self.start:
                return _point_text(self.start, self.start_month)
            return _point_text(self.end, self.end_month) if self.end else ""
        first = _point_text(self.start, self.start_month)
        last = _point_text(self.end, self.end_month)
        return first if first == last else f"{first}至{last}"

    def fields(self) -> dict[str, int | None]:
        """The project fields that hold it."""
        return {"period_start": self.start, "period_start_month": self.start_month,
                "period_end": self.end, "period_end_month": self.end_month}


PERIOD_FIELDS = ("period_start", "period_start_month", "period_end", "period_end_month")


def _point_text(year: int, month: int | None) -> str:
    return f"{year}年{month}月" if month else f"{year}年"


def read_period(text: str) -> Period | None:
    """The 项目期 ``text`` states, the one reader of a period (imported cells, pasted tables,
    the project form): ``2023.07-2024.01``, ``2023年7月至2024年1月``, ``2023年7月-2024年1月``,
    ``2023-2025``, ``2023年至2025年``, ``2025年``, ``202307-202401``. The earliest and the latest
    year written are its ends, each with the month written beside it; ``None`` when no year is
    written (``3年`` is a length, which only the form's budget year can place)."""
    s = normalise_text(text or "")
    points = []
    for m in _PERIOD_POINT.finditer(s):
        month = next((m.group(g) for g in ("m1", "m2", "m3", "m4") if m.group(g)), None)
        points.append((int(m.group("year")), int(month) if month else None, m.end()))
    if not points:
        return None
    if len(points) == 1 and points[0][1] is not None:
        tail = _PERIOD_END_MONTH.match(s, points[0][2])
        if tail and int(tail.group("month")) >= points[0][1]:
            year, month, _end = points[0]
            return Period(year, year, month, int(tail.group("month")))
    first = min(points, key=lambda p: (p[0], p[1] or 0))
    last = max(points, key=lambda p: (p[0], p[1] or 13))
    return Period(first[0], last[0], first[1], last[1])


_SENTENCE_END = "。；;"
_TRAILING_REMARK = re.compile(r"(.+?)([（(][^（）()]+[）)])")
_MAX_LENGTH = 2000  # longer text is never a target; do not spend regex time on it


def is_valid_unit(unit: str) -> bool:
    """Whether ``unit`` can follow a number and be read back unchanged."""
    if unit == "":
        return True
    if normalise_text(unit) != unit or not _UNIT_RE.fullmatch(unit):
        return False
    return not any(unit.endswith(word) for word, _ in _SUFFIX_WORDS) and not any(
        unit.startswith(word) for word, _ in _SUFFIX_WORDS)


def normalise_text(text: str) -> str:
    """Full-width digits and signs to their ordinary forms; blanks trimmed."""
    return text.translate(_WIDTH_TABLE).strip()


_NOT_NAME = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """A name as compared for duplicates: no spaces, no punctuation, ASCII digits/letters."""
    return _NOT_NAME.sub("", normalise_text(name or "")).lower()


def parse_number(text: str) -> Decimal | None:
    """An exact decimal from what was typed (full-width digits, ``1,234.5``), or ``None``."""
    text = normalise_text(str(text)).replace(" ", "")
    if not re.fullmatch(_NUMBER, text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only decimal literals
        return None


# A funding cell written as text: the amount it begins with and the money unit after it.
_AMOUNT_TEXT = re.compile(
    r"^\s*(?:总额|合计|共计)?\s*[:：]?\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万元|万|元)?")


def amount_in_text(text: str) -> tuple[Decimal, str] | None:
    """The amount a funding cell written as text begins with, and the money unit written after
    it (``854万`` → (854, "万"), ``30万元（其中…）`` → (30, "万元"), ``2026400元`` → (2026400,
    "元")); ``None`` when the text does not begin with an amount, or has more after a number
    with no money unit (``20-30``, ``约5``)."""
    m = _AMOUNT_TEXT.match(text)
    if not m or not m.group(2) and len(text) > len(m.group(0)):
        return None
    return Decimal(m.group(1).replace(",", "")), m.group(2) or ""


# A funding cell naming its fund before the amount (少数民族发展资金37万元,
# 中央衔接推进乡村振兴补助资金(少数民族发展任务)50): a name without digits, then the amount.
_NAMED_AMOUNT = re.compile(r"^\s*(?P<fund>[^\d]*?[\u4e00-\u9fff)）])\s*[:：]?\s*"
                           r"(?P<amount>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>万元|万|元)?\s*$")


_FUND_WORDS = re.compile(r"资金|基金|拨款|经费|补助|补贴")


def named_amount(text: str) -> tuple[str, Decimal, str] | None:
    """(the fund's name, the amount, the money unit) of a funding cell that names its fund
    before its amount and has nothing after it; ``None`` for other text."""
    m = _NAMED_AMOUNT.match(text or "")
    if not m or not _FUND_WORDS.search(m.group("fund")):
        return None  # (约5, 不少于5: words about the amount, not a fund's name)
    return m.group("fund").strip(), Decimal(m.group("amount").replace(",", "")), m.group("unit") or ""


def format_number(number: Decimal) -> str:
    """Canonical text of an exact number: plain notation, the places it was given with."""
    return format(number, "f")


def yuan_to_wan(amount: Decimal) -> Decimal:
    """An amount in 元 as 万元, exactly (``2026400`` → ``202.64``)."""
    return (amount / Decimal(10000)).normalize() if amount else amount


def execution_rate(executed: Decimal | None, budget: Decimal | None) -> Decimal | None:
    """执行率 in percent to two places, rounded half up as forms print it (``37.24`` of ``43.2``
    → ``86.20``); ``None`` when either amount is missing or the budget is 0."""
    if executed is None or budget is None or not budget:
        return None
    return (executed * 100 / budget).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_rate(rate: Decimal | None) -> str:
    """A 执行率 as a form shows it (``100.00%``), ``""`` when unknown."""
    return "" if rate is None else f"{format(rate, 'f')}%"


def format_money(amount: Decimal | None) -> str:
    """An amount in 万元 as forms print it: two places (``120.00``), ``""`` when unknown. An
    amount given with more places keeps them all: a wrong amount is never rounded out of sight.
    """
    if amount is None:
        return ""
    cents = amount.quantize(Decimal("0.01"))
    return format(cents if cents == amount else amount, "f")


# --- parse and render -----------------------------------------------------------------------


def parse(text: object, grades: tuple[str, ...] | list[str] = DEFAULT_GRADES) -> ParseResult:
    """Read ``text`` into a typed value. Never raises; unreadable text comes back raw."""
    try:
        return _parse(text, tuple(grades))
    except Exception:  # pragma: no cover - defensive: parse must never fail
        return ParseResult(TargetValue.raw(str(text)))


def _parse(text: object, grades: tuple[str, ...]) -> ParseResult:
    if text is None:
        return ParseResult(EMPTY)
    original = str(text)
    if not original.strip():
        return ParseResult(EMPTY)
    if len(original) > _MAX_LENGTH:
        return ParseResult(TargetValue.raw(original))
    s = normalise_text(original)
    s = re.sub(r"\s+", "", s)
    if s in grades:
        return ParseResult(TargetValue.qualitative(s))
    time = _read_time_target(s)
    if time is not None:
        return time

    # A full stop after a number target (95%以上。, as a sentence ends): the target counts; the
    # written text differs from the canonical one, so the reader says what it made of it.
    if s[-1] in _SENTENCE_END and len(s) > 1:
        inner = _parse(s.rstrip(_SENTENCE_END), grades)
        if inner.value.kind is ValueKind.QUANTITATIVE and not inner.prefix:
            return inner
        return ParseResult(TargetValue.raw(original))

    # A remark in brackets after a target (≥95%（抽样调查）): the target counts, the remark is
    # reported so the written text can be kept.
    remark = _TRAILING_REMARK.fullmatch(s)
    if remark:
        inner = _parse(remark.group(1), grades)
        if inner.value.kind in (ValueKind.QUANTITATIVE, ValueKind.QUALITATIVE, ValueKind.TIME) \
                and not inner.note:
            return ParseResult(inner.value, inner.prefix, inner.comparator_spelling,
                               note=remark.group(2))
        return ParseResult(TargetValue.raw(original))

    # Comparator after the number: 6篇以上, 95%及以上.
    suffix_comp, suffix_word = "", ""
    for word, comp in _SUFFIX_WORDS:
        if s.endswith(word):
            s, suffix_comp, suffix_word = s[: -len(word)], comp, word
            break
    if suffix_word in ("以内", "之内") and s.startswith("±"):
        s = s[1:]  # ±3%以内: a deviation within 3% either way, at most 3% (≤3%)

    # The target at the end, with what stands before it.
    match = _find_target(s)
    if match is None:
        return ParseResult(TargetValue.raw(original))
    head, number_text, unit = match
    prefix_comp, prefix_word, rest = _split_comparator(head)
    if prefix_comp and suffix_comp and prefix_comp != suffix_comp:
        return ParseResult(TargetValue.raw(original))
    comparator = prefix_comp or suffix_comp
    if rest and not prefix_comp:
        # Text before a bare number is a sentence ("完成率100%"), not a target.
        return ParseResult(TargetValue.raw(original))
    try:
        number = Decimal(number_text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover
        return ParseResult(TargetValue.raw(original))
    spelling = ""
    if prefix_word and prefix_word != comparator:
        spelling = prefix_word
    elif suffix_word and not prefix_word:
        spelling = suffix_word
    value = TargetValue.quantitative(comparator, number, unit)
    return ParseResult(value, prefix=rest, comparator_spelling=spelling)


def _read_time_target(s: str) -> ParseResult | None:
    """A deadline or period, with a comparator written in front of it reported (and dropped:
    a time has none; ``≤2026年12月31日`` and ``2026年12月31日前`` say the same)."""
    head = ""
    for word, _comp in _PREFIX_WORDS:
        if s.startswith(word) and word not in ("至少", "达到", "控制在"):
            head, s = word, s[len(word):]
            break
    time = read_time(s)
    if time is None:
        return None
    return ParseResult(TargetValue.time(time), comparator_spelling=head)


def _find_target(s: str) -> tuple[str, str, str] | None:
    """Split ``s`` into (what stands before, number, unit) with the number near the end."""
    for m in _VALUE_RE.finditer(s):
        if m.end() == len(s):
            head = s[: m.start()]
            # the number must not be glued to a preceding digit or decimal point
            if head and (head[-1].isdigit() or head[-1] in ".,"):
                continue
            return head, m.group("number"), m.group("unit")
    # finditer does not return overlapping matches: try each start position
    for start in range(len(s)):
        if s[start].isdigit() or (s[start] in "+-" and start + 1 < len(s) and s[start + 1].isdigit()):
            whole = _VALUE_RE.fullmatch(s, start)
            if whole:
                head = s[:start]
                if head and (head[-1].isdigit() or head[-1] in ".,"):
                    continue
                return head, whole.group("number"), whole.group("unit")
    return None


def _split_comparator(head: str) -> tuple[str, str, str]:
    """(canonical comparator, its spelling, what stands before it) from the end of ``head``."""
    for word, comp in _PREFIX_WORDS:
        if head.endswith(word):
            return comp, word, head[: -len(word)]
    return "", "", head


def render(value: TargetValue) -> str:
    """The canonical 指标值 text of a typed value."""
    if value.kind is ValueKind.QUANTITATIVE:
        assert value.number is not None
        return f"{value.comparator}{format_number(value.number)}{value.unit}"
    if value.kind is ValueKind.QUALITATIVE:
        return value.grade
    if value.kind is ValueKind.RAW or value.kind is ValueKind.TIME:
        return value.text
    return ""


def looks_like_formula(text: str) -> bool:
    """Whether text holds a calculation (``=``, ``/``, ``×100%``, 计算方法) rather than a target."""
    if not text:
        return False
    s = normalise_text(text)
    return bool(re.search(r"=|＝|[/／÷]|[×*＊]\s*100|计算方法|计算公式", s))
