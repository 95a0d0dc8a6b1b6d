"""What text typed, pasted or imported into an indicator cell means: one reader for all of them.

A clerk's text reaches an indicator four ways — typed into the grid, pasted from Excel, read
from a detailed form, read from a disclosure table's 绩效指标 cell — and must mean the same
thing each way: ``>=95%（问卷调查）`` becomes 计算符号 ≥, 指标值 95, 计量单位 %, with 问卷调查 moved
into 指标解释, whichever way it came. This module is that meaning, pure (no files, no Qt):

- the cell readers (:func:`read_nature`, :func:`read_comparator`, :func:`read_weight`,
  :func:`read_target` for the 指标值 cell with the cells beside it, :class:`CategoryRun` for
  一级/二级 with merged cells carried down);
- :class:`IndicatorRowReader`, a whole row (field → cell text) into an
  :class:`~perfdesk.core.model.Indicator` plus what each cell made the reader say;
- :func:`typed_indicator_changes` and :func:`typed_project_changes`, what typing into one
  cell of the grid or one field of the project form changes.

How the readings are settled:

- A target written in another spelling (``>=95%``, ``不低于95%``, ``９５％``) is stored in its
  canonical form, with a note saying so. A remark in brackets after it (``≥95%（抽样调查）``)
  moves into 指标解释 (after what is there). A formula before a target, or text that is no
  target, is kept as written for the checks to point at.
- Category labels are kept as written (trimmed, simplified characters), so the checks show
  and fix a non-standard one (CAT-02, CAT-03, CAT-05); a level-2 name written as level 1 or a
  label holding both levels (``产出指标（数量指标）``) fills in level 2.
- A row with no category at all (no 一级/二级 cell of its own, none carried down) takes the one
  its name and target plainly say (:func:`content_categories`: 合格率 → 质量指标, ≥1个 →
  数量指标 …), told per row; when they say none or two, it stays without one, told too.
- Two cells that contradict each other (a 计量单位 of % beside ``28.8万元``; 定性 beside
  ``≥95``) are both kept where the fields allow it, for the checks to report; only the
  comparator, which has one field, follows the 指标值 cell.

Each :class:`CellNote` says whether the reader *adjusted* what was written (stored it in
another form, moved, split, left out) or kept something as written that looks wrong. Paste
previews show every note; importers list the adjustments (the checks report the rest).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from perfdesk.core import indicator_library, values
from perfdesk.core.errors import InvalidValueError
from perfdesk.core.i18n import Text
from perfdesk.core.severity import ERROR, HINT, WARNING, Severity
from perfdesk.core.taxonomy import (
    AREA,
    COST,
    COUNT,
    HOUSEHOLDS,
    LENGTH,
    MASS,
    MONEY,
    OUTPUT,
    PEOPLE,
    PERCENT,
    QUALITY,
    QUANTITY,
    TIMELINESS,
    COMMON_UNITS,
    DEFAULT_GRADES,
    EFFECT,
    SATISFACTION,
    QUALITATIVE,
    QUANTITATIVE,
    PROFILES,
    LabelKind,
    level1_names,
    level2_names,
    is_score_only,
    score_suffix,
    normalise_label,
    parent_of_level2,
    read_level1,
    simplified,
    split_run_together,
    standard_level2,
    unit_class,
)
from perfdesk.core.values import ParseResult, TargetValue, ValueKind
from perfdesk.core.vocabulary import GRADE_COLUMNS

if TYPE_CHECKING:  # the model (SQLModel) loads with the first dataset, not at start-up
    from perfdesk.core.model import Indicator, Project, Task


@dataclass(frozen=True, slots=True)
class CellNote:
    """What reading one cell made the reader say.

    Attributes:
        field: the cell's field (``"value"`` for the 指标值 cell).
        severity: error (needs fixing), warning (probably not what was meant) or hint.
        message: what was found and what was done, naming the text as written.
        adjusted: the reader stored something other than the text as written (a canonical
            spelling, a remark moved, a cell left out); otherwise the text was kept as written
            and the checks will point at it too.
        told: kept as written, yet an import lists it beside the adjustments (a row with no
            category that its content does not place either).
    """

    field: str
    severity: Severity
    message: Text
    adjusted: bool = False
    told: bool = False


@dataclass(slots=True)
class Reading:
    """Field values read from cells, and the notes reading them made."""

    fields: dict[str, Any] = field(default_factory=dict)
    notes: list[CellNote] = field(default_factory=list)

    def note(self, field_name: str, severity: Severity, zh: str, en: str, *,
             adjusted: bool = False, told: bool = False, **params: object) -> None:
        self.notes.append(CellNote(field_name, severity, Text(zh, en).format(**params),
                                   adjusted, told))

    def take(self, other: "Reading") -> "Reading":
        """Add ``other``'s fields and notes to these."""
        self.fields.update(other.fields)
        self.notes.extend(other.notes)
        return self


def clean(text: object) -> str:
    """A cell's text with blanks around it removed; line breaks inside are kept as one."""
    if text is None:
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return text.strip()


def short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def grades_of(settings: Mapping[str, Any]) -> tuple[str, ...]:
    """The 定性 grade list of a dataset (its ``grades`` setting, else the default list)."""
    grades = settings.get("grades")
    if isinstance(grades, (list, tuple)) and grades and all(isinstance(g, str) for g in grades):
        return tuple(grades)
    return DEFAULT_GRADES


# --- single cells ---------------------------------------------------------------------------

NATURE_WORDS = {
    "定量": QUANTITATIVE, "定量指标": QUANTITATIVE, "量化": QUANTITATIVE,
    "定性": QUALITATIVE, "定性指标": QUALITATIVE,
}
_COMPARATOR_WORDS = {"正向": "≥", "反向": "≤", "正向指标": "≥", "反向指标": "≤", "大于等于": "≥",
                     "小于等于": "≤"}
_DIRECTIONS = ("正向", "反向", "正向指标", "反向指标")
_GRADE_MAX = 10  # a 定性 row's short text without digits is a grade; longer text is a sentence


@lru_cache(maxsize=256)
def read_nature(text: str) -> str:
    """定量 or 定性 from a 指标性质 cell (定量指标, 定性, traditional characters …), or ``""``."""
    return NATURE_WORDS.get(normalise_label(text), "")


@lru_cache(maxsize=256)
def read_comparator(text: str) -> str:
    """The canonical comparator a 计算符号 cell means (``>=``, ``不低于``, ``≧``, 正向 …), or
    ``""``."""
    text = clean(text)
    if text in _COMPARATOR_WORDS:
        return _COMPARATOR_WORDS[text]
    probe = values.parse(text + "1")
    if probe.value.kind is ValueKind.QUANTITATIVE and not probe.prefix:
        return probe.value.comparator
    probe = values.parse("1" + text)  # 以上 / 以下 written in the symbol column
    if probe.value.kind is ValueKind.QUANTITATIVE and probe.value.unit == "":
        return probe.value.comparator
    return ""


def cell_fits(field_name: str, text: str, *, profile: str,
              grades: tuple[str, ...] = DEFAULT_GRADES) -> bool:
    """Whether ``text`` reads as a cell of the grid column ``field_name`` (an empty cell fits
    every column; 三级指标 and 解释 take any text)."""
    text = clean(text)
    if not text or field_name in ("name", "explanation"):
        return True
    if field_name == "level1":
        return read_level1(profile, label_without_score(text)).kind in (
            LabelKind.STANDARD, LabelKind.ALIAS)
    if field_name == "level2":
        return bool(parent_of_level2(profile, normalise_label(label_without_score(text))))
    if field_name == "nature":
        return bool(read_nature(text))
    if field_name == "comparator":
        return bool(read_comparator(text))
    if field_name == "value":
        kind = values.parse(text, grades).value.kind
        return kind in (ValueKind.QUANTITATIVE, ValueKind.TIME, ValueKind.QUALITATIVE) or \
            (text in grades) or values.parse_number(text) is not None
    if field_name == "unit":
        return text in _known_units() or (
            len(text) <= 2 and values.parse_number(text) is None and not read_nature(text)
            and not read_comparator(text) and not cell_fits("basis", text, profile=profile))
    if field_name == "basis":
        return text.endswith("标准") or text in ("其他", "计划", "历史", "行业")
    return True


@lru_cache(maxsize=1)
def _known_units() -> frozenset[str]:
    return frozenset(COMMON_UNITS) | {e.unit for p in PROFILES
                                      for e in indicator_library.entries(p) if e.unit}


# units of time a duration is counted in (任务完成时限(月) | 10): no deadline on their own
_TIME_UNITS = ("月", "日", "周", "年", "季度", "工作日", "个工作日", "个月", "天", "小时")
_MAGNITUDES = "十百千万亿"


def is_unit_word(text: str) -> bool:
    """Whether ``text`` is a unit a target is counted in: one the lists know (%, 公里, 人次 …),
    one of them counted in 万, 千 … (万亩, 万人, 千米), or a unit of time (月, 工作日).
    Free text (达成, 贫困户) is no unit word."""
    text = clean(text)
    if not text or not values.is_valid_unit(text):
        return False
    known = _known_units()
    return text in known or text in _TIME_UNITS or text == "‰" or (
        len(text) > 1 and text[0] in _MAGNITUDES and (text[1:] in known
                                                     or text[1:] in ("米", "亩", "人")))


# a unit in brackets at the end of an indicator's name: 任务完成时限(月), 兑付率（%）, 里程(单位：公里)
_NAME_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]?\s*)?(?P<unit>[^()（）]{1,8}?)\s*[)）]\s*$")


def name_unit(name: str) -> str:
    """The unit an indicator's name gives in brackets at its end (``任务完成时限(月)`` → 月),
    or ``""`` when the brackets hold no unit word (``培训人数(贫困户)``)."""
    m = _NAME_UNIT.search(clean(name))
    return m.group("unit").strip() if m and is_unit_word(m.group("unit")) else ""


def unit_only(text: str) -> tuple[str, str] | None:
    """(comparator, unit) of a 指标值 cell holding a unit and no number (``公里``, ``万人``,
    ``≧ %``: a template's cell left unfilled), or ``None``."""
    s = re.sub(r"\s+", "", values.normalise_text(clean(text)))
    if not s or re.search(r"\d", s):
        return None
    for cut in range(len(s)):
        head, unit = s[:cut], s[cut:]
        if is_unit_word(unit) and (not head or read_comparator(head)):
            return (read_comparator(head) if head else ""), unit
    return None


# What a column of cells is, tried in this order when its values do not fit where they
# landed: the closed vocabularies first, free text last.
_RECOGNISED = ("level1", "level2", "nature", "comparator", "value", "basis", "unit")


def column_of_cells(cells: Iterable[str], *, profile: str,
                    grades: tuple[str, ...] = DEFAULT_GRADES,
                    taken: Collection[str] = (), share: float = 1.0) -> str:
    """The grid column a column of cells (a pasted block's, without a heading row) holds, by
    what its values look like: ``"level1"`` … ``"basis"`` when at least ``share`` of its
    non-empty values (all, by default) read as one (not one of ``taken``), ``""`` for free
    text (a name or an explanation)."""
    texts = [clean(c) for c in cells if clean(c)]
    if not texts:
        return ""
    for field_name in _RECOGNISED:
        if field_name in taken:
            continue
        fitting = sum(1 for t in texts if cell_fits(field_name, t, profile=profile, grades=grades))
        if fitting == len(texts) or (share < 1 and fitting >= share * len(texts)):
            return field_name
    return ""


def read_weight(text: str, field_name: str = "weight") -> Reading:
    """权重 (or a 自评表's 得分 as ``score``) as an exact number (``10``, ``10%``, ``10分``); not
    a number is left out, and said."""
    reading = Reading()
    text = clean(text)
    if not text:
        return reading
    weight = values.parse_number(text.rstrip("%％分"))
    if weight is None:
        # the 自评表's grid and tables call a weight 分值, a target table's 权重
        what = ("分值（权重）", "points (weight)") if field_name == "weight" else ("得分", "score")
        reading.note(field_name, ERROR, "{what}“{text}”不是数字，没有读取。",
                     "The {what_en} '{text}' is not a number; it was not read.", adjusted=True,
                     text=text, what=what[0], what_en=what[1])
    else:
        reading.fields[field_name] = weight
    return reading


def explanation_with(explanation: str, addition: str) -> str:
    """指标解释 with ``addition`` (a remark or a formula moved out of 指标值 or the name) after
    what it says, as one more clause: ``按月统计；问卷调查``. Added once."""
    explanation = explanation.strip()
    if not explanation:
        return addition
    if addition in explanation:
        return explanation
    return f"{explanation.rstrip('。；;')}；{addition}"


def _remark(result: ParseResult) -> str:
    """The remark in brackets after a target (``抽样调查`` of ``≥95%（抽样调查）``), or ``""``
    when there is none or the text says more than the target (a formula before it)."""
    if not result.note or result.prefix:
        return ""
    return result.note[1:-1].strip()


def _move_remark(reading: Reading, written: str, result: ParseResult, explanation: str) -> None:
    remark = _remark(result)
    reading.fields["explanation"] = explanation_with(explanation, remark)
    reading.note("value", HINT,
                 "指标值“{written}”已读作“{canonical}”，括号中的说明“{remark}”已移到指标解释。",
                 "The target '{written}' was read as '{canonical}'; the remark '{remark}' in "
                 "brackets was moved to the explanation.", adjusted=True,
                 written=short(written), canonical=values.render(result.value), remark=remark)


def _is_grade_text(text: str, nature: str) -> bool:
    """Whether ``text`` in a 定性 row is a grade (even one not in the list): short, no digits."""
    return nature == QUALITATIVE and len(text) <= _GRADE_MAX and not re.search(r"\d", text)


# --- the 指标值 cell with the cells beside it -----------------------------------------------


def read_target(value: str, *, comparator: str = "", unit: str = "", nature: str = "",
                explanation: str = "", grades: tuple[str, ...] = DEFAULT_GRADES) -> Reading:
    """The target of a row: its 指标值 cell read with the 计算符号, 计量单位 and 指标性质 cells
    beside it (each may be empty or absent).

    The fields returned are ``nature``, ``comparator``, ``target``, ``unit``, ``grade`` and
    ``value_text``, and ``explanation`` when a remark moved into it.
    """
    value, comparator_cell, unit_cell, nature_cell = (clean(t) for t in (value, comparator,
                                                                          unit, nature))
    reading = Reading()
    if nature_cell and not read_nature(nature_cell) and nature_cell not in _DIRECTIONS \
            and read_comparator(nature_cell) and (not comparator_cell
                                                  or comparator_cell in _DIRECTIONS):
        # the 指标性质 column holds the symbol (≥) and the symbol column the direction
        # (正向指标), as some budget systems export: the symbol is the comparator
        reading.note("comparator", HINT,
                     "指标性质列写的是计算符号“{text}”，已作为计算符号读取。",
                     "The nature column gives the comparator '{text}'; it was read as the "
                     "comparator.", adjusted=True, text=nature_cell)
        nature_cell, comparator_cell = "", nature_cell
    nature = _nature_cell(nature_cell, reading)
    comparator = _comparator_cell(comparator_cell, reading)
    if unit_cell and not values.is_valid_unit(unit_cell):
        reading.note("unit", WARNING,
                     "计量单位“{text}”不像单位（含数字、空格或标点），请检查。",
                     "Unit '{text}' does not look like a unit (digits, blanks or punctuation).",
                     text=unit_cell)
    only = unit_only(value) if value else None
    if only is not None and (not unit_cell or unit_cell == only[1]) and (
            not comparator or not only[0] or comparator == only[0]):
        # a template's 指标值 cell left unfilled (公里, ≧ %): the unit (and comparator) it
        # holds are the row's, its number is still to be given
        comparator, unit_cell = comparator or only[0], only[1]
        nature = nature or QUANTITATIVE
        reading.note("value", HINT,
                     "指标值“{written}”只有{what}、没有数值（模板中未填写的格子），已记为{kept}，"
                     "指标值留空。",
                     "The target '{written}' holds {what_en} and no number (a template cell left "
                     "unfilled); it was recorded as {kept_en}, the target left empty.",
                     adjusted=True, written=value,
                     what="计算符号和单位" if only[0] else "单位",
                     what_en="a comparator and a unit" if only[0] else "a unit",
                     kept=(f"计算符号“{comparator}”、" if only[0] else "") + f"计量单位“{unit_cell}”",
                     kept_en=(f"comparator '{comparator}', " if only[0] else "")
                     + f"unit '{unit_cell}'")
        value = ""
    if not value:
        reading.fields.update(nature=nature, comparator=comparator, target=None,
                              unit=unit_cell, grade="", value_text="")
        return reading
    date = excel_date(value, unit_cell)
    if date:
        reading.note("value", HINT,
                     "指标值“{written}”是 Excel 的日期序号（单元格被设成了数字格式），已读作“{date}”。",
                     "The target '{written}' is an Excel date serial (the cell lost its date "
                     "format); it was read as '{date}'.", adjusted=True, written=value, date=date)
        value, unit_cell = date, ""

    result = values.parse(value, grades)
    kind = result.value.kind
    if kind is ValueKind.RAW and (comparator or unit_cell):
        joined = values.parse(comparator + value + unit_cell, grades)
        if joined.value.kind is ValueKind.QUANTITATIVE:  # the cells make a target together
            result, value, comparator_cell, comparator, unit_cell = \
                joined, comparator + value + unit_cell, "", "", ""
            kind = ValueKind.QUANTITATIVE
    if kind is ValueKind.QUANTITATIVE and unit_cell and values.is_deadline_unit(
            result.value.unit + unit_cell):  # 12 | 月底前 in two cells: a deadline
        joined = values.parse(value + unit_cell, grades)
        if joined.value.kind is ValueKind.TIME:
            result, value, unit_cell, kind = joined, value + unit_cell, "", ValueKind.TIME
    if kind is ValueKind.TIME:
        _time(reading, value, result, comparator_cell, unit_cell, nature, explanation)
    elif kind is ValueKind.QUANTITATIVE:
        _quantitative(reading, value, result, comparator, comparator_cell, unit_cell, nature,
                      explanation)
    elif kind is ValueKind.QUALITATIVE:
        _qualitative(reading, value, result, comparator_cell or unit_cell, nature, explanation)
    elif _is_grade_text(value, nature):
        reading.fields.update(_grade_fields(value))
        reading.note("value", HINT, "“{value}”不在定性等级列表中（{grades}），已作为等级保留。",
                     "'{value}' is not in the grade list ({grades}); kept as a grade.",
                     value=value, grades="、".join(grades))
    else:
        reading.fields.update(nature=nature, comparator=comparator, target=None, unit=unit_cell,
                              grade="", value_text=value)
        reading.note("value", WARNING,
                     "指标值“{value}”读不出定量目标或定性等级，已原样保留；请改为如“≥95%”或“达成”。",
                     "The target '{value}' is neither a number nor a grade; kept as written. "
                     "Rewrite it, e.g. ≥95% or 达成.", value=short(value))
    return reading


_SERIAL = re.compile(r"^(\d{2}),?(\d{3})$")
_FIRST_SERIAL, _LAST_SERIAL = 36526, 54789  # 2000-01-01 … 2049-12-31


def excel_date(value: str, unit: str = "") -> str:
    """The date an Excel date serial stands for (``44,561`` → ``2021年12月31日``) when a date
    cell lost its format on export: a serial of the years 2000–2049 given as the value and
    again as its unit (the export copies the cell into both). Otherwise ``""``."""
    m = _SERIAL.match(value)
    if not m or clean(unit).replace(",", "") != m.group(1) + m.group(2):
        return ""
    serial = int(m.group(1) + m.group(2))
    if not _FIRST_SERIAL <= serial <= _LAST_SERIAL:
        return ""
    from datetime import date, timedelta

    day = date(1899, 12, 30) + timedelta(days=serial)
    return f"{day.year}年{day.month}月{day.day}日"


def _time(reading: Reading, value: str, result: ParseResult, comparator_cell: str,
          unit_cell: str, nature: str, explanation: str) -> None:
    """A deadline or period (2026年12月底前, 全年): no comparator, number or unit."""
    reading.fields.update(nature=nature, comparator="", target=None, unit="", grade="",
                          value_text=result.value.text)
    dropped = [c for c in (comparator_cell, result.comparator_spelling, unit_cell) if c]
    if dropped:
        reading.note("value", HINT,
                     "“{value}”是完成时限，不用计算符号或计量单位，已去掉“{dropped}”。",
                     "'{value}' is a deadline or period: it takes no comparator or unit, so "
                     "'{dropped}' was left out.", adjusted=True, value=result.value.text,
                     dropped="、".join(dropped))
    if _remark(result):
        _move_remark(reading, value, result, explanation)


def _nature_cell(text: str, reading: Reading) -> str:
    if not text:
        return ""
    nature = read_nature(text)
    if not nature and text in ("正向", "反向"):
        reading.note("nature", HINT,
                     "指标性质列写的是指标方向“{text}”，不是定量或定性，已按指标值判断。",
                     "The nature column gives the direction '{text}', not 定量 or 定性; the "
                     "nature was judged from the target.", adjusted=True, text=text)
    elif not nature:
        reading.note("nature", WARNING,
                     "指标性质“{text}”应为“定量”或“定性”，已按指标值判断。",
                     "Nature '{text}' should be 定量 or 定性; judged from the target instead.",
                     adjusted=True, text=text)
    return nature


def _comparator_cell(text: str, reading: Reading) -> str:
    if not text:
        return ""
    comparator = read_comparator(text)
    if not comparator:
        reading.note("comparator", ERROR, "计算符号“{text}”无法识别，应为 ≥ ＞ ＝ ＜ ≤ 之一，没有读取。",
                     "Comparator '{text}' is not one of ≥ ＞ ＝ ＜ ≤; it was not read.",
                     adjusted=True, text=text)
    elif comparator != text:
        reading.note("comparator", HINT, "计算符号“{text}”已按规范写作“{comparator}”。",
                     "The comparator '{text}' was written as '{comparator}'.", adjusted=True,
                     text=text, comparator=comparator)
    return comparator


def _quantitative(reading: Reading, value: str, result: ParseResult, comparator: str,
                  comparator_cell: str, unit_cell: str, nature: str, explanation: str) -> None:
    own = result.value
    assert own.number is not None
    if comparator and own.comparator and comparator != own.comparator:
        reading.note("comparator", ERROR,
                     "计算符号“{cell}”与指标值“{value}”中的“{inner}”不一致，已按指标值读取。",
                     "Comparator '{cell}' disagrees with '{inner}' in the target '{value}'; the "
                     "target's was kept.", adjusted=True, cell=comparator_cell, value=value,
                     inner=own.comparator)
    written = value if own.comparator or not comparator else comparator + value
    unit = own.unit or unit_cell
    kept_as_written = bool(result.prefix)
    if unit_cell and own.unit and own.unit != unit_cell:
        unit, kept_as_written = unit_cell, True  # both kept: the checks report VAL-05
        reading.note("unit", ERROR,
                     "计量单位“{cell}”与指标值“{value}”中的单位“{inner}”不一致，两者都已保留，请核对。",
                     "Unit '{cell}' disagrees with the unit '{inner}' in the target '{value}'; "
                     "both were kept, please check.", cell=unit_cell, value=value,
                     inner=own.unit)
    elif unit_cell and not own.unit:
        written += unit_cell
    target = TargetValue.quantitative(own.comparator or comparator, own.number, unit)
    reading.fields.update(nature=nature or QUANTITATIVE, comparator=target.comparator,
                          target=target.number, unit=unit, grade="",
                          value_text=written if kept_as_written else "")
    if nature == QUALITATIVE:
        reading.note("nature", WARNING,
                     "指标性质为“定性”，但指标值“{value}”是数值：两者都已保留，请核对。",
                     "Nature says 定性 but the target '{value}' is a number; both were kept, "
                     "please check.", value=value)
    if result.prefix:
        reading.note("value", WARNING,
                     "指标值里有计算式“{prefix}”：目标已读作“{target}”，计算方法请写到指标解释。",
                     "The target holds a formula '{prefix}': the target was read as '{target}'; "
                     "put the formula in the explanation.", prefix=result.prefix,
                     target=values.render(target))
    elif _remark(result):
        _move_remark(reading, value, result, explanation)
    elif not kept_as_written:
        _canonical_spelling(reading, value, own)


def _canonical_spelling(reading: Reading, value: str, own: TargetValue) -> None:
    canonical = values.render(own)
    if re.sub(r"\s+", "", value) != canonical:
        reading.note("value", HINT, "指标值“{written}”已按规范写作“{canonical}”。",
                     "The target '{written}' was written as '{canonical}'.", adjusted=True,
                     written=short(value), canonical=canonical)


def _grade_fields(grade: str) -> dict[str, Any]:
    return {"nature": QUALITATIVE, "grade": grade, "target": None, "comparator": "",
            "unit": "", "value_text": ""}


def _qualitative(reading: Reading, value: str, result: ParseResult, beside: str, nature: str,
                 explanation: str) -> None:
    reading.fields.update(_grade_fields(result.value.grade))
    if nature == QUANTITATIVE:  # both kept: the checks report a 定量 row without a number
        reading.fields["nature"] = QUANTITATIVE
        reading.note("nature", WARNING,
                     "指标性质为“定量”，但指标值“{value}”是等级：两者都已保留，请核对。",
                     "Nature says 定量 but the target '{value}' is a grade; both were kept, "
                     "please check.", value=value)
    if beside:
        reading.note("value", WARNING,
                     "定性指标“{value}”不需要计算符号和计量单位，已忽略它们。",
                     "A 定性 target '{value}' takes no comparator or unit; they were ignored.",
                     adjusted=True, value=value)
    if _remark(result):
        _move_remark(reading, value, result, explanation)


# --- 一级/二级: labels as written, merged cells carried down ---------------------------------


def label_without_score(text: str, reading: Reading | None = None, field_name: str = "level1"
                        ) -> str:
    """A category label without the score a self-evaluation or evaluation table writes after
    it (``产出指标(50分)`` → ``产出指标``; read by :func:`perfdesk.core.taxonomy.score_suffix`);
    the label as written stays in ``level1_source``."""
    label, score = score_suffix(text)
    if not score:
        return text
    if reading is not None:
        reading.note(field_name, HINT, "“{written}”读作“{label}”，分值 {score} 分保留在原文中。",
                     "'{written}' was read as '{label}'; its score {score} stays in the text as "
                     "imported.", adjusted=True, written=text, label=label, score=score)
    return label


_COMBINED = re.compile(r"^(?P<a>[^（(\-—－/、]+?)[（(\-—－/、]+(?P<b>[^）)]+)[）)]?$")


class CategoryRun:
    """Level 1 and level 2 of consecutive rows: a blank cell continues the one above (a merged
    cell), a new level 1 starts a new level-2 run, a repeated level 1 continues its run.

    Attributes:
        profile: the dataset's profile ("88" or "101").
        level1, level2: the categories in force (as stored: the label as written).
    """

    def __init__(self, profile: str, level1: str = "", level2: str = "") -> None:
        self.profile = profile
        self.level1 = normalise_label(level1)
        self.level2 = normalise_label(level2)
        self.implied = ""  # the level 2 a level-2 name written as level 1 stands for
        self.source = ""  # the level-1 cell as written
        self.label_source = ""  # the level-1 label as written (level1_source)
        self._level2_source = ""  # the level-2 cell in force, as compared
        self._noted_tree: tuple[str, str] = ("", "")
        self._score_only = False  # the level-1 cell gave a score and no label: see level 2
        self._umbrella = ""  # the level-1 cell found over level-1 names (one tier too many)
        self._noted_parent = ""  # the level 2 whose parent was last taken for an empty level 1

    def read(self, level1_cell: str = "", level2_cell: str = "") -> Reading:
        reading = Reading()
        written1, written2 = clean(level1_cell), clean(level2_cell)
        score_only = bool(written1) and is_score_only(written1)
        if written1 and normalise_label(written1) != normalise_label(self.source):
            self.source = self.label_source = written1
            self.level2 = ""
            if score_only:  # ``(50分)``: the label was lost, the score is left
                self.level1, self.implied, self._score_only = "", "", True
            else:
                self.level1, self.implied = self._level1(label_without_score(
                    written1, reading, "level1"), reading)
                self._score_only = False
        if written2 and normalise_label(written2) != self._level2_source:
            self._level2_source = normalise_label(written2)
            written2 = self._without_level1(self._without_etc(
                label_without_score(written2, reading, "level2"), reading), reading)
            self.level2 = normalise_label(written2)
            if self._level1_in_level2(written2, reading):
                pass
            elif not self._satisfaction_under_effect(self.level2):
                self.level2 = self._check_level2(written2, reading)
        if self._score_only and self.level2 and not self.level1:
            parent = parent_of_level2(self.profile, self.level2)
            if parent:
                self.level1 = parent
                reading.note("level1", HINT,
                             "一级指标只写了分值“{written}”，已按二级指标“{level2}”记为“{level1}”。",
                             "Level 1 gives only the score '{written}'; it was taken as "
                             "'{level1}' from level 2 '{level2}'.", adjusted=True,
                             written=self.source, level2=self.level2, level1=parent)
        level1, level2 = self.level1, self.level2 or self.implied
        if not level1 and level2 and not self.source:
            # no level-1 cell was ever filled in (a grid whose 一级指标 column is empty): each
            # level 2's one parent is its level 1, run by run
            level1 = parent_of_level2(self.profile, level2)
            if level1 and self._noted_parent != level2:
                self._noted_parent = level2
                reading.note("level1", HINT, "一级指标为空，已按二级指标“{level2}”记为“{level1}”。",
                             "Level 1 is empty; it was taken as '{level1}' from level 2 "
                             "'{level2}'.", adjusted=True, level2=level2, level1=level1)
        if self._satisfaction_under_effect(level2):  # the 2015 tree: 效益 → 满意度
            level1, level2 = SATISFACTION, standard_level2(self.profile, SATISFACTION, level2)
            if self._noted_tree != (self.source, self._level2_source):
                self._noted_tree = (self.source, self._level2_source)
                reading.note("level1", HINT,
                             "二级指标“{written}”在效益指标之下（2015年的指标体系），已记为一级指标"
                             "“{level1}”、二级指标“{level2}”。",
                             "Level 2 '{written}' stands under 效益指标 (the 2015 tree); it was "
                             "recorded as level 1 '{level1}', level 2 '{level2}'.", adjusted=True,
                             written=self._level2_source, level1=level1, level2=level2)
        if not level1:
            reading.note("level1", ERROR,
                         "缺少一级指标：请在第一行填写（产出指标、效益指标、满意度指标…）。",
                         "The level-1 category is missing: give it in the first row.")
        elif not level2:
            reading.note("level2", WARNING, "缺少二级指标：请从下拉列表中选择。",
                         "The level-2 category is missing: choose it from the list.")
        reading.fields.update(level1=level1, level2=level2, level1_source=self.label_source)
        return reading

    def _level1_in_level2(self, written: str, reading: Reading) -> bool:
        """A level-1 name in the 二级指标 column under an umbrella label in the 一级指标 one (a
        中央预算内投资 table's 实施效果指标 over 产出指标/效益指标, one tier too many): the level-2
        cell is the level 1, level 2 is not given. Once the umbrella is known to stand over
        level-1 names, a name that could also be a level 2 (满意度指标 after 产出指标 and 效益指标)
        is one of them too."""
        label = normalise_label(written)
        if not self.source or read_level1(self.profile, self.source).kind is LabelKind.STANDARD \
                or read_level1(self.profile, label).kind is not LabelKind.STANDARD:
            return False
        if self._umbrella != self.source and (
                parent_of_level2(self.profile, label)
                or standard_level2(self.profile, self.meaning(), label)):
            return False
        umbrella = self._umbrella = self.source
        self.level1, self.level2, self.implied, self.label_source = label, "", "", written
        reading.note("level1", HINT,
                     "“{umbrella}”之下的“{level1}”是一级指标（表中多了一层总称），已记为一级指标"
                     "“{level1}”，二级指标留空。",
                     "'{level1}' under '{umbrella}' is a level-1 category (the table has one tier "
                     "too many); it was recorded as level 1 '{level1}' with no level 2.",
                     adjusted=True, umbrella=umbrella, level1=label)
        return True

    def _without_etc(self, written: str, reading: Reading) -> str:
        """A standard level-2 name with the template's trailing 等 (``服务对象满意度指标等``, as
        a 云南 自评表 prints its heading) is that name, said in a notice."""
        label = normalise_label(written)
        stem = label[:-1]
        if not label.endswith("等") or not stem or \
                standard_level2(self.profile, self.meaning(), stem) != stem:
            return written
        reading.note("level2", HINT, "二级指标“{written}”末尾的“等”是表样原文，已读作“{level2}”。",
                     "Level 2 '{written}' ends in the template's 等; it was read as '{level2}'.",
                     adjusted=True, written=written, level2=stem)
        return stem

    def _without_level1(self, written: str, reading: Reading) -> str:
        """A level-2 cell with its level 1 run together in front (``产出数量指标``) is that
        level 2 (under that level 1), said in a notice."""
        level1 = self.meaning()
        if level1 and standard_level2(self.profile, level1, written):
            return written
        split = split_run_together(self.profile, written)
        if split is None or level1 and split[0] != level1:
            return written
        reading.note("level2", HINT,
                     "二级指标“{written}”是一级指标“{level1}”和二级指标“{level2}”连写，已记为二级指标"
                     "“{level2}”。",
                     "Level 2 '{written}' runs level 1 '{level1}' and level 2 '{level2}' "
                     "together; it was recorded as level 2 '{level2}'.", adjusted=True,
                     written=written, level1=split[0], level2=split[1])
        return split[1]

    def _satisfaction_under_effect(self, level2: str) -> bool:
        return bool(level2) and self.meaning() == EFFECT and \
            not standard_level2(self.profile, EFFECT, level2) and \
            bool(standard_level2(self.profile, SATISFACTION, level2))

    def uncategorised(self) -> bool:
        """Whether no category is in force at all: no level-1 cell was ever filled in, none was
        given to start from (the row a paste goes under) and no level 2 runs on (from this
        row's cell or a merged one above)."""
        return not self.source and not self.level1 and not self.level2 and not self.implied

    def meaning(self) -> str:
        """The standard level-1 category the label in force stands for, or ``""``."""
        return read_level1(self.profile, self.level1).level1

    def _level1(self, written: str, reading: Reading) -> tuple[str, str]:
        """(level 1 as stored, level 2 it implies) for a level-1 cell."""
        label = normalise_label(written)
        found = read_level1(self.profile, label)
        if found.kind is LabelKind.STANDARD:
            return label, ""
        if found.kind is LabelKind.ALIAS:
            reading.note("level1", HINT,
                         "一级指标“{written}”读作标准名称“{level1}”，原文保留在“一级指标（原文）”中。",
                         "Level 1 '{written}' was read as the standard name '{level1}'; the "
                         "wording is kept in 'Level 1 (as imported)'.", adjusted=True,
                         written=written, level1=found.level1)
            return found.level1, ""
        if found.kind is LabelKind.LEVEL2:
            reading.note("level1", WARNING,
                         "一级指标写成了二级指标“{written}”，已记为二级指标“{level2}”"
                         "（一级指标应为“{level1}”，检查时可一键改正）。",
                         "A level-2 name '{written}' stands where level 1 belongs; it was "
                         "recorded as level 2 '{level2}' (level 1 should be '{level1}'; the "
                         "check offers the fix).", adjusted=True, written=written,
                         level2=found.level2, level1=found.level1)
            return label, found.level2
        combined = self._combined(label)
        if combined:
            reading.note("level1", HINT, "“{written}”已分为一级指标“{level1}”和二级指标“{level2}”。",
                         "'{written}' was split into level 1 '{level1}' and level 2 '{level2}'.",
                         adjusted=True, written=written, level1=combined[0], level2=combined[1])
            return combined
        reading.note("level1", ERROR,
                     "“{written}”不是本数据文件（{profile}号文）的一级指标，应为：{names}；已原样保留。",
                     "'{written}' is not a level-1 category of profile {profile}; use one of: "
                     "{names}. It was kept as written.", written=written, profile=self.profile,
                     names="、".join(level1_names(self.profile)))
        return label, ""

    def _combined(self, label: str) -> tuple[str, str] | None:
        """``产出指标（数量指标）`` / ``产出指标-数量`` → (产出指标, 数量指标)."""
        m = _COMBINED.match(label)
        if not m:
            return None
        first, second = m.group("a"), m.group("b")
        found = read_level1(self.profile, first)
        if found.kind not in (LabelKind.STANDARD, LabelKind.ALIAS):
            return None
        level2 = standard_level2(self.profile, found.level1, second)
        return (first, level2) if level2 else None

    def _check_level2(self, written: str, reading: Reading) -> str:
        """Level 2 as stored: the standard name a level-2 label means (an alias, an
        alternative in brackets, the first of several named together, each said), else the
        label as written (said when it belongs nowhere)."""
        level1 = self.meaning()
        standard = standard_level2(self.profile, level1, written)
        if standard and standard != self.level2:
            reading.note("level2", HINT,
                         "二级指标“{written}”读作标准名称“{level2}”，原文保留在导入原文中。",
                         "Level 2 '{written}' was read as the standard name '{level2}'; the "
                         "wording is kept in the text as imported.", adjusted=True,
                         written=written, level2=standard)
            return standard
        several = [] if standard else self._several(written, level1)
        if several:
            reading.note("level2", WARNING,
                         "二级指标“{written}”同时写了几个二级指标（{names}），已记为第一个“{level2}”，"
                         "请核对。",
                         "Level 2 '{written}' names several level-2 categories ({names_en}); it "
                         "was recorded as the first, '{level2}'; please check.", adjusted=True,
                         written=written, names="、".join(several), names_en=", ".join(several),
                         level2=several[0])
            return several[0]
        if not standard:
            children = level2_names(self.profile, level1) if level1 else ()
            reading.note("level2", ERROR, "二级指标“{written}”不属于一级指标“{level1}”{hint}。",
                         "Level 2 '{written}' does not belong under '{level1}'{hint_en}.",
                         written=written, level1=self.level1 or "（空）",
                         hint=f"，应为：{'、'.join(children)}" if children else "",
                         hint_en=f"; use one of: {', '.join(children)}" if children else "")
        return self.level2

    def _several(self, written: str, level1: str) -> list[str]:
        """The standard level-2 names a label listing several means (``社会、经济、生态效益指标``
        → 社会效益指标, 经济效益指标, 生态效益指标: the last word goes with each), or ``[]``."""
        parts = [p for p in re.split(r"[、,，/]", normalise_label(written)) if p]
        if len(parts) < 2 or not level1:
            return []
        tail = ""
        for stem in ("效益指标", "指标"):
            if parts[-1].endswith(stem):
                tail = stem
                break
        names = []
        for part in parts:
            full = part if part.endswith(tail) else part + tail
            standard = standard_level2(self.profile, level1, full)
            if not standard:
                return []
            names.append(standard)
        return list(dict.fromkeys(names))


# --- a whole row ----------------------------------------------------------------------------


@dataclass(slots=True)
class RowReading:
    """One row read: the indicator it becomes and the notes of its cells."""

    indicator: Indicator
    notes: list[CellNote]

    def adjustments(self) -> list[CellNote]:
        """The notes about what was stored other than written, and those told all the same
        (what an import lists)."""
        return [n for n in self.notes if n.adjusted or n.told]


_TEXT_FIELDS = ("basis", "scoring", "remark")


class IndicatorRowReader:
    """Reads rows (field → cell text) in order into indicators, carrying merged category
    cells down. The fields are those of :mod:`perfdesk.core.vocabulary` (``value_unit`` is
    read as ``value``)."""

    def __init__(self, profile: str, grades: tuple[str, ...] = DEFAULT_GRADES,
                 level1: str = "", level2: str = "") -> None:
        self.categories = CategoryRun(profile, level1, level2)
        self.grades = tuple(grades)

    def read(self, cells: Mapping[str, str], *, source_text: str = "",
             source_ref: str = "") -> RowReading:
        reading = self.categories.read(cells.get("level1", ""), cells.get("level2", ""))
        name, core = core_mark(clean(cells.get("name", "")))
        numbered = _TEMPLATE_NUMBER.match(name)
        if numbered and numbered.end() < len(name):
            reading.note("name", HINT, "指标名称前的模板编号“{number}”已去掉。",
                         "The template's number '{number}' before the name was taken off.",
                         adjusted=True, number=numbered.group(0).strip())
            name = name[numbered.end():].strip()
        if not name:
            reading.note("name", ERROR, "三级指标名称为空：请填写要衡量的内容（如“培训场次”）。",
                         "The indicator name is empty: say what is measured (e.g. 培训场次).")
        graded = _graded(cells)
        written = clean(cells.get("value") or cells.get("value_unit") or "")
        if not written and graded and graded[0][0] == GRADE_COLUMNS["grade_1"][0]:
            written = graded[0][1]
            reading.note("value", HINT,
                         "评价标准分{grades}各档，已取“{grade}”档“{value}”作为指标值，各档标准写入评(扣)分标准。",
                         "The evaluation standard gives the grades {grades}; the '{grade}' grade "
                         "'{value}' was taken as the target, every grade went into the scoring "
                         "rule.", adjusted=True, grades="、".join(g for g, _t in graded),
                         grade=graded[0][0], value=short(written))
        value, core_value = core_mark(written)
        core = core or core_value
        explanation = clean(cells.get("explanation", ""))
        reading.take(read_target(value, comparator=cells.get("comparator", ""),
                                 unit=cells.get("unit", ""), nature=cells.get("nature", ""),
                                 explanation=explanation, grades=self.grades))
        fields = reading.fields
        empty = fields["target"] is None and not fields["grade"] and not fields["value_text"]
        if empty and (name or clean(cells.get("comparator", ""))
                      or clean(cells.get("unit", "")) or value):
            reading.note("value", ERROR, "指标值为空：请填写目标（如“≥95%”或“达成”）。",
                         "The target is empty: give it (e.g. ≥95% or 达成).")
        elif fields["target"] is not None and not fields["unit"] and not fields["value_text"] \
                and (bracketed := name_unit(name)):
            # 任务完成时限(月) | 10: the unit written in the name's brackets is the target's
            fields["unit"] = bracketed
            reading.note("unit", HINT,
                         "指标值“{value}”没有单位，已按指标名称括号中的“{unit}”记为计量单位。",
                         "The target '{value}' has no unit; the unit '{unit}' in the name's "
                         "brackets was recorded.", adjusted=True, value=short(value),
                         unit=bracketed)
        if self.categories.uncategorised():
            _category_by_content(reading, name, self.categories.profile)
        reading.fields.setdefault("explanation", explanation)
        reading.fields.update({f: clean(cells.get(f, "")) for f in _TEXT_FIELDS})
        if graded:
            reading.fields["scoring"] = explanation_with(
                reading.fields["scoring"],
                "评价标准：" + "；".join(f"{grade} {text}" for grade, text in graded))
        reading.take(read_weight(cells.get("weight", "")))
        _results(reading, cells)
        remark = reading.fields["remark"]
        longterm = _longterm(cells)
        if longterm:
            remark = explanation_with(remark, longterm)
            reading.note("remark", HINT, "“{text}”不是年度目标，已写入备注。",
                         "'{text}' is not an annual target; it was put in the remark.", adjusted=True, text=short(longterm))
        if core:
            remark = explanation_with(remark, CORE_REMARK)
            reading.note("name", HINT, "“★”表示核心指标，已去掉并在备注中记为“{remark}”。",
                         "'★' marks a core indicator; it was taken off and noted in the remark "
                         "as '{remark}'.", adjusted=True, remark=CORE_REMARK)
        reading.fields["remark"] = remark
        from perfdesk.core.model import Indicator

        indicator = Indicator(name=name, source_text=source_text, source_ref=source_ref,
                              **reading.fields)
        return RowReading(indicator, reading.notes)


# --- a row with no category at all: the one its content plainly says -------------------------

# rates of quality (a benefit's rate, 覆盖率 or 就业率, is none of them)
_QUALITY_RATE = re.compile(r"合格率|达标率|成活率|存活率|验收.{0,6}率")
# names of a count or quantity: 数量, 个数, 人数, 人次, 次数 …
_QUANTITY_NAME = re.compile(r"数量|(?:个|人|户|次|件|场|家|台|套|篇|期)数$|人次$|场次$|批次$")
_QUANTITY_UNITS = frozenset((COUNT, PEOPLE, HOUSEHOLDS, AREA, LENGTH, MASS))
# names of a deadline
_DEADLINE_NAME = re.compile(r"完成时间|完成时限|时限|截止时间|完成期限")
_SATISFIED = re.compile(r"满意")
# a bracketed remark at the end of a name, as a template leaves it: 养殖动物成活率(目标)
_NAME_REMARK = re.compile(r"[（(][^（()）]*[)）]$")


def content_categories(profile: str, name: str, unit: str, *, target: Decimal | None,
                       deadline: bool) -> tuple[str, str] | None:
    """(level 1, level 2) that a row's name and target say unambiguously, for a row that has
    no category at all; ``None`` when they say none or could be read two ways.

    A rate of quality (合格率, 达标率, 成活率, 验收…率) is 质量指标; a count or quantity (a unit
    counting things, people, area, length or weight, or a 数量 name) 数量指标; a deadline
    (``2026年12月底前``, a 完成时间 name) 时效指标; an amount of money (万元, 元/平米) or a 成本
    name 成本指标; 满意 in the name 满意度."""
    plain = simplified(name).strip()
    while (m := _NAME_REMARK.search(plain)) and m.start():
        plain = plain[: m.start()].strip()
    measured = unit_class(values.normalise_text(unit)) if unit else ""
    rate = measured == PERCENT or (not unit and plain.endswith("率"))
    said: set[str] = set()
    if _QUALITY_RATE.search(plain):
        said.add("quality")
    if target is not None and (measured in _QUANTITY_UNITS
                               or (not measured and _QUANTITY_NAME.search(plain))):
        said.add("quantity")
    if deadline or _DEADLINE_NAME.search(plain):
        said.add("time")
    if measured == MONEY or ("成本" in plain and not rate):
        said.add("cost")
    if _SATISFIED.search(plain):
        said.add("satisfaction")
    if len(said) != 1:
        return None
    kind = said.pop()
    categories = PROFILES[profile]
    if kind == "cost" and COST in categories:  # profile 101: 成本指标 is a level 1
        return COST, categories[COST][0]
    if kind == "satisfaction":
        return SATISFACTION, categories[SATISFACTION][0]
    level2 = {"quality": QUALITY, "quantity": QUANTITY, "time": TIMELINESS, "cost": COST}[kind]
    return OUTPUT, level2


def _category_by_content(reading: Reading, name: str, profile: str) -> None:
    """A row with no category at all (no cell of its own, none carried down) takes the one its
    content plainly says (:func:`content_categories`), said so the clerk checks it; otherwise
    it stays without one and is told so. Either note replaces the missing-level-1 one."""
    reading.notes = [n for n in reading.notes if n.field not in ("level1", "level2")]
    fields = reading.fields
    deadline = fields.get("target") is None and bool(fields.get("value_text")) and \
        values.read_time(fields["value_text"]) is not None
    found = content_categories(profile, name, fields.get("unit", ""),
                               target=fields.get("target"), deadline=deadline)
    if found is None:
        reading.note("level1", ERROR,
                     "该行没有类别（一级指标、二级指标都是空的），按指标内容也不能确定，请补填。",
                     "The row has no category (level 1 and level 2 are both empty) and its "
                     "content does not say one; please give it.", told=True)
        return
    fields["level1"], fields["level2"] = found
    reading.note("level1", WARNING, "类别按指标内容推定为 {level1}/{level2}，请核对。",
                 "The category was inferred from the indicator's content as {level1}/{level2}; "
                 "please check.", adjusted=True, level1=found[0], level2=found[1])


CORE_REMARK = "核心指标"
# a template's number before the name a clerk wrote after it: 指标1工程完工率, 指标2：…
_TEMPLATE_NUMBER = re.compile(r"^指标\s*\d{1,2}(?:\s*[:：.、]\s*|\s*)(?=[^\s:：.、])")
_CORE_MARKS = "★☆▲△◆*＊"


def core_mark(text: str) -> tuple[str, bool]:
    """A cell's text without the core-indicator mark (``★培训人次`` → ``培训人次``), and
    whether it had one."""
    stripped = text.strip(_CORE_MARKS + " \u3000")
    return (stripped, True) if stripped != text and stripped else (text, False)


def _graded(cells: Mapping[str, str]) -> list[tuple[str, str]]:
    """The grades an evaluation-standard table gives a row (优 100%, 良 90% …), best first."""
    return [(names[0], clean(cells[field])) for field, names in GRADE_COLUMNS.items()
            if clean(cells.get(field, ""))]


def _results(reading: Reading, cells: Mapping[str, str]) -> None:
    """What a 绩效自评表 holds beside the target: the actual value as written (a result, never
    read as a target), the score, the reason it fell short."""
    actual = clean(cells.get("actual", ""))
    reading.fields["actual"] = actual
    reading.fields["shortfall"] = clean(cells.get("shortfall", ""))
    reading.take(read_weight(cells.get("score", ""), "score"))


def _longterm(cells: Mapping[str, str]) -> str:
    """The 中长期 indicator of a row that gives one beside the annual indicator."""
    name, value = clean(cells.get("longterm_name", "")), clean(cells.get("longterm_value", ""))
    if name and value:
        return f"中长期指标：{name}，指标值：{value}"
    if value:
        return f"中长期指标值：{value}"
    return f"中长期指标：{name}" if name else ""


# --- typing into one cell -------------------------------------------------------------------


def typed_indicator_changes(indicator: Indicator, field_name: str, text: Any, *,
                            profile: str, grades: tuple[str, ...]) -> Reading:
    """What typing ``text`` into the grid cell of ``field_name`` changes in ``indicator``.

    ``field_name`` is a grid column's field (``"value"`` is the 指标值 cell as a whole). The
    reading's fields are only those whose value differs (empty when nothing changes); its
    notes say what the clerk should know (a remark moved into 指标解释).
    """
    text = clean(text)
    reading = Reading()
    changes = reading.fields
    if field_name == "level1":
        found = read_level1(profile, text) if text else None
        if found is not None and found.kind is LabelKind.ALIAS:  # as a pasted or imported one
            reading.note("level1", HINT, "一级指标“{written}”读作标准名称“{level1}”。",
                         "Level 1 '{written}' was read as the standard name '{level1}'.",
                         adjusted=True, written=text, level1=found.level1)
            text = found.level1
        changes["level1"] = text
        if indicator.level2 and indicator.level2 not in level2_names(profile, text):
            changes["level2"] = ""
    elif field_name == "level2":
        standard = standard_level2(profile, read_level1(profile, indicator.level1).level1,
                                   text) if text else ""
        if standard and standard != normalise_label(text):
            reading.note("level2", HINT, "二级指标“{written}”读作标准名称“{level2}”。",
                         "Level 2 '{written}' was read as the standard name '{level2}'.",
                         adjusted=True, written=text, level2=standard)
            text = standard
        changes["level2"] = text
        parent = parent_of_level2(profile, text) if text else ""
        if parent and indicator.level1 != parent:
            changes["level1"] = parent
    elif field_name == "name":
        changes["name"] = text
        changes.update(_library_defaults(indicator, text, profile))
    elif field_name in _CHOICES:
        read, zh, en = _CHOICES[field_name]
        chosen = read(text) if text else ""
        if text and not chosen:  # nothing is stored that the field cannot hold
            reading.note(field_name, ERROR, zh, en, text=text)
            return reading
        changes[field_name] = chosen
        if field_name == "comparator":
            if chosen and not indicator.nature:
                changes["nature"] = QUANTITATIVE
            changes.update(_superseded_text(indicator))
    elif field_name == "unit":
        changes["unit"] = text
        changes.update(_superseded_text(indicator))
    elif field_name == "value":
        _typed_value(reading, indicator, text, grades)
    elif field_name in ("weight", "score"):
        number = read_weight(text, field_name)
        if text and field_name not in number.fields:  # nothing is stored that is not a number
            reading.notes.extend(number.notes)
            return reading
        changes[field_name] = number.fields.get(field_name)
    else:
        changes[field_name] = text
    reading.fields = {k: v for k, v in changes.items() if getattr(indicator, k) != v}
    return reading


# Fields typed from a fixed list: how the text is read, and what to say when it cannot be.
_CHOICES = {
    "nature": (read_nature, "指标性质“{text}”应为“定量”或“定性”。",
               "Nature '{text}' should be 定量 or 定性."),
    "comparator": (read_comparator, "计算符号“{text}”无法识别，应为 ≥ ＞ ＝ ＜ ≤ 之一。",
                   "Comparator '{text}' is not one of ≥ ＞ ＝ ＜ ≤."),
}


def _superseded_text(indicator: Indicator) -> dict[str, Any]:
    """Editing a typed part of a value makes its 'as written' text out of date."""
    if indicator.value_text and (indicator.target is not None or indicator.grade):
        return {"value_text": ""}
    return {}


def _typed_value(reading: Reading, indicator: Indicator, text: str,
                 grades: tuple[str, ...]) -> None:
    """Typing replaces the target; a number alone keeps the comparator and unit already there."""
    changes = reading.fields
    if not text:
        changes.update(target=None, grade="", value_text="")
        return
    result = values.parse(text, grades)
    value = result.value
    only = unit_only(text) if value.kind is ValueKind.RAW else None
    if only is not None:  # a unit (and comparator) typed alone: the number is still to come
        comparator, unit = only
        changes.update(nature=QUANTITATIVE, target=None, comparator=comparator or
                       indicator.comparator, unit=unit, grade="", value_text="")
        reading.note("value", HINT, "“{text}”没有数值，已记为计量单位“{unit}”，指标值仍需填写。",
                     "'{text}' has no number; it was recorded as the unit '{unit}', the target "
                     "is still to be given.", adjusted=True, text=text, unit=unit)
        return
    if value.kind is ValueKind.QUANTITATIVE:
        unit = value.unit or indicator.unit
        if not unit and not result.prefix and (bracketed := name_unit(indicator.name)):
            unit = bracketed  # as imported: 任务完成时限(月) | 10 counts months
            reading.note("unit", HINT, "已按指标名称括号中的“{unit}”记为计量单位。",
                         "The unit '{unit}' in the name's brackets was recorded.",
                         adjusted=True, unit=unit)
        changes.update(nature=QUANTITATIVE, target=value.number,
                       comparator=value.comparator or indicator.comparator,
                       unit=unit, grade="",
                       # a formula in front of the target is kept as written for the checks
                       value_text=text if result.prefix else "")
    elif value.kind is ValueKind.TIME:
        # a deadline takes no comparator or unit: a library default (≥, %) would print
        # "≥12月底前"
        changes.update(value_text=value.text, target=None, comparator="", unit="", grade="")
        if result.comparator_spelling:
            reading.note("value", HINT,
                         "“{value}”是完成时限，不用计算符号，已去掉“{dropped}”。",
                         "'{value}' is a deadline or period: it takes no comparator, so "
                         "'{dropped}' was left out.", adjusted=True, value=value.text,
                         dropped=result.comparator_spelling)
    elif value.kind is ValueKind.QUALITATIVE or _is_grade_text(text, indicator.nature):
        changes.update(_grade_fields(value.grade if value.kind is ValueKind.QUALITATIVE
                                     else text))
    else:
        changes.update(value_text=text, target=None, grade="")
        return
    if _remark(result):
        _move_remark(reading, text, result, indicator.explanation)


def _library_defaults(indicator: Indicator, name: str, profile: str) -> dict[str, Any]:
    """A library name typed into an empty row brings its categories, nature and unit."""
    entry = indicator_library.by_name(profile).get(name)
    if entry is None:
        return {}
    changes: dict[str, Any] = {}
    if not indicator.level1 and not indicator.level2:
        changes.update(level1=entry.level1, level2=entry.level2)
    elif indicator.level1 == entry.level1 and not indicator.level2:
        changes["level2"] = entry.level2
    if not indicator.nature and indicator.target is None and not indicator.grade \
            and not indicator.value_text:
        changes["nature"] = entry.nature
        if entry.nature == QUANTITATIVE:
            if not indicator.comparator:
                changes["comparator"] = entry.comparator
            if not indicator.unit:
                changes["unit"] = entry.unit
    return changes


# --- typing into the project form -----------------------------------------------------------

# A money field and the (total, fiscal, other) it belongs to.
MONEY_PARTS = {
    "annual_fiscal": ("annual_total", "annual_fiscal", "annual_other"),
    "annual_other": ("annual_total", "annual_fiscal", "annual_other"),
    "midterm_fiscal": ("midterm_total", "midterm_fiscal", "midterm_other"),
    "midterm_other": ("midterm_total", "midterm_fiscal", "midterm_other"),
    # a 自评表's 年初预算数 and 全年执行数 rows add up the same way
    "initial_fiscal": ("initial_total", "initial_fiscal", "initial_other"),
    "initial_other": ("initial_total", "initial_fiscal", "initial_other"),
    "executed_fiscal": ("executed_total", "executed_fiscal", "executed_other"),
    "executed_other": ("executed_total", "executed_fiscal", "executed_other"),
}


def money_sum(*parts: Decimal | None) -> Decimal | None:
    """The sum of the parts given (``None`` when none is)."""
    known = [p for p in parts if p is not None]
    return sum(known, Decimal(0)) if known else None


def read_money(text: str) -> Decimal | None:
    """An amount in 万元 as a clerk types it in a cell (``49.8``, ``1,234.50``, ``20万元``;
    ``""`` for none); InvalidValueError, naming what was typed, when it is no amount. Never a
    float: the digits typed are the amount."""
    plain = values.normalise_text(str(text or "")).replace(" ", "")
    if not plain:
        return None
    found = values.amount_in_text(plain)
    if found is None or found[1] not in ("", "万", "万元") or found[0] < 0:
        raise InvalidValueError(f"“{short(plain)}”不是金额（万元），请写数字，如 49.8。",
                                f"'{short(plain)}' is no amount (in 万元); type a number such "
                                "as 49.8.")
    return found[0]


# A task's money field and the (total, fiscal, other) it belongs to: 总额 = 财政拨款 + 其他资金.
TASK_MONEY_PARTS = {"fiscal": ("total", "fiscal", "other"),
                    "other": ("total", "fiscal", "other")}


def typed_task_changes(task: Task, field_name: str, text: Any) -> dict[str, Any]:
    """What typing ``text`` into one cell of a 部门整体 task changes: a text field as typed
    (trimmed), an amount as :func:`read_money` reads it, and the 总额 when it followed its
    parts (财政拨款 + 其他资金) until now. Only fields whose value differs are returned."""
    if field_name in ("total", "fiscal", "other"):
        value: Any = read_money(text)
    else:
        value = clean(text)
    changes = {field_name: value}
    if field_name in TASK_MONEY_PARTS:
        total_field, fiscal_field, other_field = TASK_MONEY_PARTS[field_name]
        parts = {fiscal_field: getattr(task, fiscal_field), other_field: getattr(task, other_field)}
        old_sum = money_sum(*parts.values())
        parts[field_name] = value
        if task.total is None or task.total == old_sum:  # the total follows its parts
            changes[total_field] = money_sum(*parts.values())
    return {k: v for k, v in changes.items() if getattr(task, k) != v}


def typed_project_changes(project: Project, field_name: str, value: Any) -> dict[str, Any]:
    """What setting one header field of ``project`` to ``value`` changes: the field, and the
    total when it followed its parts (财政拨款 + 其他资金) until now. Only fields whose value
    differs are returned.

    ``period`` is 项目期 as typed (``2025-2027``, ``2023.7-2024.1``, ``""`` for none): its years
    and months (:func:`perfdesk.core.values.read_period`); nothing when no year can be read."""
    if field_name == "period":
        text = str(value or "").strip()
        period = values.read_period(text) if text else values.Period()
        if period is None:
            return {}
        return {k: v for k, v in period.fields().items() if getattr(project, k) != v}
    changes = {field_name: value}
    if field_name in MONEY_PARTS:
        total_field, fiscal_field, other_field = MONEY_PARTS[field_name]
        parts = {fiscal_field: getattr(project, fiscal_field),
                 other_field: getattr(project, other_field)}
        old_sum = money_sum(*parts.values())
        parts[field_name] = value
        total = getattr(project, total_field)
        if total is None or total == old_sum:  # the total follows its parts
            changes[total_field] = money_sum(*parts.values())
    return {k: v for k, v in changes.items() if getattr(project, k) != v}
