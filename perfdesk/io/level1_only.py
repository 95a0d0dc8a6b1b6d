"""The rows of a grid with only a 一级 column, as run-together text gives them (issue 11).

The 财预〔2015〕88号 申报表 heads its grid ``指标 | 指标内容 | 指标值``: a level-1 label
(产出指标, 效益指标) left of the rows, no 二级 column. Where a document site extracted it, the
cells of a row are parted by a blank, but one row runs into the next::

    产出指标 年度、半年趋势报告次数 各 1 次发生动态与短期预报报告次数 2000 次…项目绩效指标汇总…
    效益指标 森林资源生长因害损失量 有效减少对维护社会稳定的作用 通过预警信息的发布,…因素。对促进

The rows are read by meaning, each cut said in a notice:

- a level-1 label starts its part of the grid; level 2 stays empty (the form has none);
- in a part with numbers a row ends at its value: a number, a blank or not, and a unit the
  vocabulary knows (:data:`~perfdesk.core.taxonomy.KNOWN_UNITS`), with 各 or a comparator
  before it (``各 1 次``, ``2000 种次``, ``85%``);
- in a part without numbers a row's name ends at the blank before its value, and the value,
  glued to the next name, ends where a qualitative value phrase ends (a vague word and the
  change it qualifies, ``有效减少``; a grade) or else at the end of its sentence (``。``);
- the grid's merged side label (项目绩效指标) printed between two rows is dropped;
- a name left with no value where the text ends (a truncated copy) is no indicator.

Each row is read by the one row reader (:class:`~perfdesk.core.entry.IndicatorRowReader`);
the blanks inside a value are the extraction's (``各 1 次`` is the cell ``各1次``).
"""

from __future__ import annotations

import re

from perfdesk.core.entry import IndicatorRowReader
from perfdesk.core.i18n import Text
from perfdesk.core.model import Indicator
from perfdesk.core.severity import HINT, WARNING
from perfdesk.core.taxonomy import CHANGE_VERBS, KNOWN_UNITS, PROFILES, VAGUE_WORDS
from perfdesk.core.vocabulary import INDICATOR_NAMES, TABLE_NAMES
from perfdesk.io.base import Notice, reading_notices


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


# the heading run: 指标 over the level-1 labels, then the name's and the value's headings
_LEVEL1 = re.compile(_alternation(n for tree in PROFILES.values() for n in tree))
HEADING_RUN = re.compile(rf"指标\s*(?:{_alternation(INDICATOR_NAMES['name'])})\s*"
                         rf"(?:{_alternation(INDICATOR_NAMES['value'])})\s*(?={_LEVEL1.pattern})")
# the label merged down the grid's left side, printed where the extraction met it
_SIDE_LABEL = re.compile(_alternation(TABLE_NAMES["indicators"]))
_BLANK = re.compile(r"[ \t\u3000]+")
# a row's value: 各 or a comparator, a number, a unit (not the start of 年度 / 年内 / 月底)
_VALUE = re.compile(rf"(?:各\s*)?(?:>=|<=|≥|≤|≧|≦|＞|＜|>|<|＝|=)?\s*\d+(?:\.\d+)?\s*"
                    rf"(?:{_alternation((*KNOWN_UNITS, '％'))})(?![度内底])")
# a qualitative value: a vague word with the change it qualifies (有效减少), or a grade
_PHRASE_WORDS = _alternation(VAGUE_WORDS)


def _phrase(grades: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:{_PHRASE_WORDS})(?:{_alternation(CHANGE_VERBS)})?"
                      rf"|{_alternation(g for g in grades if len(g) >= 2)}")


def read_rows(body: str, *, profile: str, grades: tuple[str, ...], where,
              notices: list[Notice]) -> list[Indicator]:
    """The indicators of a level-1-only grid from the text after its headings."""
    reader = IndicatorRowReader(profile, grades)
    phrase = _phrase(grades)
    labels = list(_LEVEL1.finditer(body))
    if labels and body[: labels[0].start()].strip(" ,，"):
        notices.append(Notice(Text(
            f"表头之后、第一个一级指标之前的文字“{body[: labels[0].start()].strip()[:30]}”不属于任何"
            "指标，未导入。",
            "The text between the headings and the first level-1 label belongs to no "
            "indicator; it was not imported."), where, WARNING))
    found: list[Indicator] = []
    for index, m in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(body)
        part = body[m.end():end]
        last = index + 1 == len(labels)
        rows, tail = (_number_rows(part, where, notices) if _VALUE.search(part)
                      else _phrase_rows(part, phrase, where, notices))
        for name, value in rows:
            cells = {"level1": m.group(0), "level2": "", "name": name, "value": value}
            read = reader.read(cells, source_text=part, source_ref=where.ref())
            notices.extend(reading_notices(read.notes, where))
            found.append(read.indicator)
        if tail:
            notices.append(Notice(Text(
                f"“{tail[:30]}”之后没有指标值" + ("（文字到此中断，原表不完整）" if last else "")
                + "，不是一个完整的指标，未导入，请按原表补填。",
                f"'{tail[:30]}' has no value after it"
                + (" (the text ends there: the source is incomplete)" if last else "")
                + "; it is no whole indicator and was not imported."), where, WARNING))
    if found:
        notices.append(Notice(Text(
            f"指标表只有一级指标一栏（指标 | 指标内容 | 指标值，没有二级指标），{len(found)} 个指标的二级指标"
            "留空，请按数量、质量、时效、成本等补填。",
            f"The grid has only a level-1 column (指标 | 指标内容 | 指标值, no level 2); the "
            f"level 2 of {len(found)} indicators is left empty."), where, WARNING))
    return found


def _start(text: str, pos: int, where, notices: list[Notice]) -> int:
    """Where a row's name starts from ``pos``: past blanks and the grid's side label, which a
    notice names."""
    pos = _skip_blanks(text, pos)
    side = _SIDE_LABEL.match(text, pos)
    if side:
        notices.append(Notice(Text(
            f"行间的“{side.group(0)}”是表格左侧合并单元格的标签，不属于指标名称，已略去。",
            f"'{side.group(0)}' between two rows is the grid's merged side label, no part of a "
            "name; it was left out."), where, HINT))
        pos = _skip_blanks(text, side.end())
    return pos


def _skip_blanks(text: str, pos: int) -> int:
    m = _BLANK.match(text, pos)
    return m.end() if m else pos


def _cell(text: str) -> str:
    return _BLANK.sub("", text).strip(" ,，")


def _number_rows(part: str, where, notices: list[Notice]) -> tuple[list[tuple[str, str]], str]:
    """(name, value) of each row of a part with numbers, and the text left after its last."""
    rows: list[tuple[str, str]] = []
    pos = _start(part, 0, where, notices)
    for m in _VALUE.finditer(part, pos):
        if m.start() < pos:
            continue
        name = _cell(part[pos:m.start()])
        if not name:
            notices.append(Notice(Text(
                f"指标值“{_cell(m.group(0))}”前面没有指标名称，未导入。",
                f"The value '{_cell(m.group(0))}' has no name before it; it was not imported."),
                where, WARNING))
        else:
            rows.append((name, _cell(m.group(0))))
        pos = _start(part, m.end(), where, notices)
    return rows, _cell(part[pos:])


def _phrase_rows(part: str, phrase: re.Pattern[str], where,
                 notices: list[Notice]) -> tuple[list[tuple[str, str]], str]:
    """(name, value) of each row of a part without numbers, and the text left after its last:
    the name ends at a blank, the value at the end of a qualitative phrase or of its
    sentence, each cut said."""
    rows: list[tuple[str, str]] = []
    pos = _start(part, 0, where, notices)
    while pos < len(part):
        blank = _BLANK.search(part, pos)
        if blank is None:
            break  # a name with no value after it
        name, at = _cell(part[pos:blank.start()]), blank.end()
        words = phrase.match(part, at)
        stop = part.find("。", at)
        if words:
            value, pos = words.group(0), words.end()
            how = Text(f"按定性用语“{value}”的结尾切分", f"cut where the phrase '{value}' ends")
        elif stop >= 0:
            value, pos = _cell(part[at:stop + 1]), stop + 1
            how = Text("按句号切分", "cut at the end of its sentence (。)")
        else:  # no end can be found for the value without a guess
            rest = _cell(part[at:])
            notices.append(Notice(Text(
                f"“{name}”的指标值“{rest[:30]}”与后面的文字连在一起，找不到结尾（没有已知的定性用语，"
                "也没有句号），无法切分，未导入，请按原表补填。",
                f"The value of '{name}' ('{rest[:30]}') runs into the text after it and has no "
                "end to cut at (no known phrase, no 。); it was not imported."), where, WARNING))
            return rows, ""
        rows.append((name, value))
        following = _cell(part[pos:pos + 12])
        notices.append(Notice(Text(
            f"“{name}”的指标值与下一个指标名称连在一起，已{how.zh}：指标值读作“{value[:30]}”"
            + (f"，下一行从“{following}…”起" if following else "") + "，请核对。",
            f"The value of '{name}' runs into the next name; it was {how.en}: '{value[:30]}', "
            "please check."), where, WARNING))
        pos = _start(part, pos, where, notices)
    return rows, _cell(part[pos:])
