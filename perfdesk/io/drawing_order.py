"""A 绩效自评表 whose text comes in the PDF's drawing order, not the grid's (issue 11).

Text copied from a PDF viewer, or extracted without keeping the layout (``pdftotext`` without
``-layout``), comes out in the order the PDF draws it: blank-separated words, a cell's wrapped
lines apart, labels after their values, a column's headings before the names::

    财政项目支出绩效自评表 (2022 年度) 某某中心与运营方结 算费用 项目名称 主管部门 某某局 …
    一级指标 二级指标 数量指标 三级指标 与运营方结算完成 年度 指标值 实际 完成值 分值 得分
    =100% 100% 10 10 … 100 98.62 率 产出指标 质量指标 绩 效 指 标 …

There are no cells to read, so the text is read by rules a clerk can check, each one said as a
notice naming the line, and refused (naming file and line) where the counts do not line up:

1. **Pages.** Each 绩效自评表 title (``财政项目支出绩效自评表``, a year in brackets after it) starts
   a project; text before the first title is not read.
2. **Labels.** Words that together spell a label of the one vocabulary
   (:mod:`perfdesk.core.vocabulary`: ``绩 效 指 标``, ``年度 总体 目标``, ``年度 指标值``) are that
   label.
3. **Header block** (title to the grid's first heading). A run of words between labels is
   one cell wrapped over lines (``某某体育 事业管理中心``): its words are joined. Each run
   belongs to a label next to it, before or after (项目名称, 主管部门, 实施单位, 预期目标 …); the
   runs are given to the labels in the one way that gives each label at most one run. No such
   way, or more than one, is refused.
4. **Funds.** The 预算执行 block's numbers: a run ending in ``—`` is a 其中 row's (its 执行率 is
   ``—``; its amounts, at most three, just before it) and is not read (the PDF leaves an empty
   cell out, so its numbers cannot be put in columns). Every other number is the 年度资金总额
   row's: it must be six, one a percentage (执行率). The 分值 and 得分 are the one pair whose
   得分 is 分值 × 执行率 (to the places it is written); the three amounts left are, in the order
   drawn, 年初预算数, 全年预算数 and 全年执行数. The 全年预算数 is the year's total (元 → 万元
   when the label says ``（元）``); the 年初预算数, 全年执行数, 分值 and 得分 are kept beside it. Anything else leaves the total unread, with a notice.
5. **Grid.** Level-2 labels of the vocabulary (数量指标 …) in the order drawn, one per row: a
   level-2 cell merged over several rows cannot be told apart, so the number of names must
   equal the number of level-2 labels, and the level-1 labels drawn must be those of the
   level-2s. The value headings (年度指标值 实际完成值 分值 得分) are followed by the rows' values,
   as many per row as headings (分值 and 得分 numbers); their number of rows must equal the
   number of names. Two numbers after them are the 总分 row (checked against the sum).
6. **Names.** Every other word of the grid is a name, or part of one: a part of one or two
   characters (``率``) cannot stand as a name and is joined to the part drawn before it.
7. **A cut copy.** When the file ends at (or before) the value headings, the last project
   comes in with its names and categories only, and says so.

Each indicator is read by the one row reader (:class:`~perfdesk.core.entry.IndicatorRowReader`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from perfdesk.core.entry import IndicatorRowReader
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.i18n import Text
from perfdesk.core.model import SELF_EVALUATION, Indicator, Project
from perfdesk.core.severity import HINT, WARNING
from perfdesk.core.taxonomy import PROFILES, level1_names, level2_names
from perfdesk.core.values import format_number, parse_number, yuan_to_wan
from perfdesk.core.vocabulary import (
    EVALUATION_FUNDS,
    EVALUATION_ROWS,
    TABLE_NAMES,
    form_label,
    heading_key,
    indicator_column,
)
from perfdesk.io.base import Location, Notice, cell_text, reading_notices
from perfdesk.io.run_together import read_units
from perfdesk.io.sources import Sheet

KIND = "drawing_order"

_TITLE = re.compile(r"^(?:财政)?(?:项目)?支出绩效自评表$|^项目绩效自评表$")
_YEAR = re.compile(r"^[(（]\d{4}年度?[)）]$")
_PAGE_MARK = re.compile(r"^(?:[-－—–]\s*\d+\s*[-－—–]|第\d+页(?:共\d+页)?)$")
_DASH = re.compile(r"^[—–\-－―]+$")
_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_YUAN = re.compile(r"[(（]\s*元\s*[)）]")
_LONGEST = 6  # the most words one label is split into (绩 效 指 标: four)

_CATEGORY_NAMES = frozenset(n for profile in PROFILES for l1 in level1_names(profile)
                            for n in (l1, *level2_names(profile, l1)))
_FUND_HEADS = {heading_key(n): f for f, names in EVALUATION_FUNDS.items() for n in names}
_ROWS = {heading_key(n) for n in EVALUATION_ROWS}
_TEMPLATE = {heading_key(n) for n in TABLE_NAMES["indicators"]}
# the labels of the header block whose value is the cell next to them
_VALUE_FIELDS = ("name", "code", "department", "unit", "implementing_unit", "attribute",
                 "period", "annual_goal", "midterm_goal", "unstored", "goal_actual")
_STRUCTURE = ("level1", "level2", "name")  # the grid's category and name headings
_SCORES = ("weight", "score")
_FIELD_WORDS = {"name": "项目名称", "department": "主管部门", "unit": "预算单位",
                "implementing_unit": "实施单位", "annual_goal": "年度目标",
                "goal_actual": "实际完成情况"}


@dataclass(slots=True)
class _Word:
    """One word of the text (several when they spell one label), with its line."""

    text: str
    line: int
    label: str = ""  # the label's key when the word is one
    written: str = ""  # the words as written, when several spell one label (绩 效 指 标)

    @property
    def number(self) -> bool:
        return bool(_NUMBER.match(self.text)) and not self.label

    @property
    def dash(self) -> bool:
        return bool(_DASH.match(self.text)) and not self.label


@dataclass(slots=True)
class _Page:
    title: _Word
    words: list[_Word] = field(default_factory=list)


def _is_label(key: str) -> bool:
    if not key:
        return False
    if _TITLE.search(key) or key in _FUND_HEADS or key in _ROWS or key in _TEMPLATE:
        return True
    if key in _CATEGORY_NAMES:
        return True
    column = indicator_column(key, exact=True)
    if column and (len(key) >= 3 or column in _SCORES):
        return True
    return len(key) >= 4 and form_label(key) is not None


def _words(sheet: Sheet) -> list[_Word]:
    """The blank-separated words of every line, those spelling one label joined. A line a
    text reader split at its commas (215,457.6) is joined back with them."""
    raw: list[tuple[str, int]] = []
    for r, cells in enumerate(sheet.rows, start=1):
        line = ",".join(v if isinstance(v, str) else cell_text(v) for v in cells)
        raw += [(w, r) for w in line.split()]
    words: list[_Word] = []
    i = 0
    while i < len(raw):
        for size in range(min(_LONGEST, len(raw) - i), 0, -1):
            text = "".join(w for w, _r in raw[i:i + size])
            key = heading_key(text)
            if _is_label(key) and not (size > 1 and _NUMBER.match(raw[i][0])):
                words.append(_Word(text, raw[i][1], key,
                                   " ".join(w for w, _r in raw[i:i + size]) if size > 1 else ""))
                i += size
                break
        else:
            words.append(_Word(*raw[i]))
            i += 1
    return words


def _pages(words: list[_Word]) -> tuple[list[_Word], list[_Page]]:
    """(words before the first title, the pages: each title and the words after it)."""
    before: list[_Word] = []
    pages: list[_Page] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.label and _TITLE.search(word.label):
            page = _Page(word)
            pages.append(page)
            for size in (1, 2, 3):  # (2022 年度)
                if _YEAR.match("".join(w.text for w in words[i + 1:i + 1 + size])):
                    i += size
                    break
        elif _PAGE_MARK.match(word.text):
            pass
        elif pages:
            pages[-1].words.append(word)
        else:
            before.append(word)
        i += 1
    return before, pages


def looks_drawn(sheet: Sheet) -> bool:
    """A text with a 绩效自评表 title and the grid's headings, as blank-separated words."""
    words = _words(sheet)
    return any(w.label and _TITLE.search(w.label) for w in words) and \
        any(indicator_column(w.label, exact=True) in _STRUCTURE for w in words if w.label)


def read_drawn(sheet: Sheet, *, profile: str, grades: tuple[str, ...],
               notices: list[Notice]) -> list[Project]:
    """The projects of a 绩效自评表 text in drawing order (one a title); refused with file and
    line where its counts do not line up."""
    before, pages = _pages(_words(sheet))
    if before:
        notices.append(Notice(Text(
            f"第一个自评表标题之前的文字“{' '.join(w.text for w in before)[:40]}”不是表格内容，未读取。",
            "The text before the first self-evaluation title was not read."),
            sheet.location(before[0].line), HINT))
    projects = []
    for index, page in enumerate(pages):
        projects.append(_project(sheet, page, index == len(pages) - 1, profile, grades, notices))
    return projects


def _refuse(sheet: Sheet, line: int, zh: str, en: str) -> PerfDeskError:
    return PerfDeskError(
        f"{zh}这份自评表的文字按 PDF 的绘制顺序排列，无法按确定的规则读出，没有导入。",
        f"{en} The self-evaluation text is in the PDF's drawing order and cannot be "
        "read by a sure rule; nothing was imported.", file=sheet.file, row=line)


def _project(sheet: Sheet, page: _Page, last: bool, profile: str, grades: tuple[str, ...],
             notices: list[Notice]) -> Project:
    words = page.words
    start = next((i for i, w in enumerate(words)
                  if indicator_column(w.label, exact=True) in _STRUCTURE and w.label), None)
    if start is None:
        raise _refuse(sheet, page.title.line, "自评表标题之后没有“一级指标 二级指标 三级指标”表头。",
                      "No 一级指标 二级指标 三级指标 heading follows the title.")
    header, grid = words[:start], words[start:]
    where = sheet.location(page.title.line)
    values = _header_values(sheet, header, notices)
    project = Project(name=values.get("name", ""), annual_goal=values.get("annual_goal", ""),
                      goal_actual=values.get("goal_actual", ""), kind=SELF_EVALUATION,
                      source_ref=where.ref())
    if not project.name:
        raise _refuse(sheet, page.title.line, "自评表中没有读到项目名称。", "No project name was read.")
    read_units(project, values, where, notices)
    in_yuan = any(w.label and _YUAN.search(w.text) for w in header)
    funds = _funds(header, in_yuan, where, notices)
    project.annual_total = funds.total
    project.initial_total, project.executed_total = funds.initial, funds.executed
    project.funds_weight, project.funds_score = funds.weight, funds.score
    project.indicators = _grid(sheet, grid, last, funds, profile, grades, where, notices)
    notices.append(Notice(Text(
        f"第 {page.title.line} 行的自评表文字按 PDF 的绘制顺序排列（不是表格顺序）：项目“{project.name}”"
        f"的 {len(project.indicators)} 个指标按二级指标、指标名称和各行数值出现的顺序一一对应读出，"
        "请对照原表核对。",
        f"The self-evaluation text of line {page.title.line} is in the PDF's drawing order: the "
        f"{len(project.indicators)} indicators of '{project.name}' were paired in the order their "
        "categories, names and values are drawn; please check against the source."),
        where, WARNING))
    split = [w for w in (page.title, *words) if w.written]
    if split:
        notices.append(Notice(Text(
            "标签的文字被空格隔开，已按标签读取：" + "、".join(f"“{w.written}”→“{w.text}”" for w in split)
            + "。",
            "Labels split by blanks were read as labels: "
            + ", ".join(f"'{w.written}' → '{w.text}'" for w in split) + "."),
            sheet.location(split[0].line), HINT))
    return project


# --- the header block ---------------------------------------------------------------------------

def _field_of(word: _Word) -> str:
    """The field a header label's neighbouring cell holds ("" for labels without one)."""
    if not word.label or word.label in _FUND_HEADS:
        return ""
    if indicator_column(word.label, exact=True) == "actual":
        return "goal_actual"  # 年度总体目标 | 预期目标 | 实际完成情况
    found = form_label(word.label) if len(word.label) >= 4 else None
    return found if found in _VALUE_FIELDS else ""


@dataclass(slots=True)
class _Run:
    words: list[_Word]
    labels: list[int]  # the positions of the value labels next to it
    fields: tuple[str, ...] = ()  # the fields of those labels (年度总体目标, 预期目标: one)

    @property
    def text(self) -> str:
        return "".join(w.text for w in self.words)


def _header_values(sheet: Sheet, header: list[_Word], notices: list[Notice]) -> dict[str, str]:
    runs: list[_Run] = []
    i = 0
    while i < len(header):
        word = header[i]
        if word.label or word.number or word.dash:
            i += 1
            continue
        j = i
        while j < len(header) and not (header[j].label or header[j].number or header[j].dash):
            j += 1
        labels = [k for k in (i - 1, j) if 0 <= k < len(header) and _field_of(header[k])]
        runs.append(_Run(header[i:j], labels,
                         tuple(dict.fromkeys(_field_of(header[k]) for k in labels))))
        i = j
    solutions = _assignments(runs, 0, frozenset(), [])
    if len(solutions) != 1:
        run = next((r for r in runs if len(r.fields) > 1), runs[0] if runs else None)
        line = run.words[0].line if run else (header[0].line if header else 1)
        labels = "、".join(dict.fromkeys(header[k].text for k in run.labels)) if run else ""
        said = f"“{run.text[:30]}”可以是{labels or '任何标签'}的内容，" if run else ""
        raise _refuse(sheet, line, f"表头的文字无法唯一地对应到各标签：{said}不能确定。",
                      "The header's text cannot be given to its labels one way only.")
    values: dict[str, str] = {}
    for run, key in zip(runs, solutions[0]):
        if key is None:
            notices.append(Notice(Text(
                f"表头文字“{run.text[:30]}”旁边没有可以填写的标签，未导入。",
                f"The header text '{run.text[:30]}' is next to no label with a cell; it was not "
                "imported."), sheet.location(run.words[0].line), WARNING))
            continue
        label = next(header[k] for k in run.labels if _field_of(header[k]) == key)
        values[key] = run.text
        if key == "unstored":
            notices.append(Notice(Text(
                f"“{label.text}”的内容“{run.text[:30]}”没有对应的字段，未导入。",
                f"The value of '{label.text}' has no field in PerfDesk; it was not imported."),
                sheet.location(run.words[0].line), HINT))
        if len(run.words) > 1:
            notices.append(Notice(Text(
                f"“{label.text}”的内容“{' '.join(w.text for w in run.words)}”中的空格是折行，已连读为"
                f"“{run.text}”，请核对。",
                f"The blanks in the value of '{label.text}' are line wraps; it was read as "
                f"'{run.text}', please check."), sheet.location(run.words[0].line), HINT))
    return values


def _assignments(runs: list[_Run], index: int, used: frozenset[str],
                 chosen: list[str | None]) -> list[list[str | None]]:
    """Every way (at most two) of giving each run the field of one label next to it, no field
    twice; a run next to no label is given none."""
    if index == len(runs):
        return [list(chosen)]
    run = runs[index]
    if not run.fields:
        return _assignments(runs, index + 1, used, [*chosen, None])
    found: list[list[str | None]] = []
    for key in run.fields:
        if key not in used:
            found += _assignments(runs, index + 1, used | {key}, [*chosen, key])
            if len(found) > 1:
                break
    return found[:2]


# --- the budget-execution block -----------------------------------------------------------------

@dataclass(slots=True)
class _Funds:
    total: Decimal | None = None  # 全年预算数
    weight: Decimal | None = None
    score: Decimal | None = None
    initial: Decimal | None = None  # 年初预算数
    executed: Decimal | None = None  # 全年执行数


def _funds(header: list[_Word], in_yuan: bool, where: Location,
           notices: list[Notice]) -> _Funds:
    total: list[_Word] = []
    pending: list[_Word] = []
    rows = 0
    for word in header:
        if word.number:
            pending.append(word)
        elif word.dash:
            # a 其中 row: its amounts (at most three) just before its 执行率 "—"
            take = 0
            while take < min(3, len(pending)) and not pending[-1 - take].text.endswith("%"):
                take += 1
            total += pending[:len(pending) - take]
            pending = []
            rows += 1
        else:
            total += pending
            pending = []
    total += pending
    if not total:
        return _Funds()
    line = total[0].line
    rates = [w for w in total if w.text.endswith("%")]
    plain = [w for w in total if not w.text.endswith("%")]
    shown = " ".join(w.text for w in total)
    here = Location(where.file, where.sheet, line)

    def unread(why: str, why_en: str) -> _Funds:
        notices.append(Notice(Text(
            f"年度资金总额一行的数字“{shown}”{why}，无法分清各列，年度资金总额没有读取，请按原表填写。",
            f"The numbers of the 年度资金总额 row ('{shown}'): {why_en}; the annual total was not "
            "read."), here, WARNING))
        return _Funds()

    if len(rates) != 1 or len(plain) != 5:
        return unread("不是 5 个金额和分值加 1 个执行率", "not five numbers and one rate")
    rate = Decimal(rates[0].text[:-1].replace(",", ""))
    numbers = [parse_number(w.text) for w in plain]
    pairs = [(a, b) for a in range(5) for b in range(5) if a != b and numbers[a] and
             numbers[a] <= 100 and _score_of(numbers[a], rate, numbers[b])]
    if len(pairs) != 1:
        return unread(f"中找不到唯一一对分值和得分（得分 = 分值 × 执行率 {rates[0].text}）",
                      "no single 分值/得分 pair with 得分 = 分值 × 执行率")
    weight, score = pairs[0]
    planned, budget, executed = (numbers[k] for k in range(5) if k not in pairs[0])
    assert planned is not None and budget is not None and executed is not None
    amount = yuan_to_wan(budget) if in_yuan else budget
    texts = [plain[k].text for k in range(5) if k not in pairs[0]]
    notices.append(Notice(Text(
        f"年度资金总额一行按数字的含义分列：执行率 {rates[0].text}，分值 {plain[weight].text}，"
        f"得分 {plain[score].text}（= 分值 × 执行率），其余按绘制顺序为年初预算数 {texts[0]}、全年预算数 "
        f"{texts[1]}、全年执行数 {texts[2]}；年度资金总额按全年预算数读作 {format_number(amount)} 万元，"
        + ("其中各行（当年财政拨款、上年结转、其他资金）的金额没有读取（空单元格在文字中不出现，无法分列）。"
           if rows else "") + "请核对。",
        f"The 年度资金总额 row was split by meaning; the annual total is the 全年预算数, "
        f"{format_number(amount)} (10,000 yuan); please check."),
        here, WARNING))
    if budget:
        ratio = (executed / budget * 100).quantize(Decimal(1).scaleb(
            min(0, int(rate.as_tuple().exponent))))
        if ratio != rate:
            notices.append(Notice(Text(
                f"执行率 {rates[0].text} 与全年执行数 ÷ 全年预算数（{texts[2]} ÷ {texts[1]} = {ratio}%）"
                "不一致，请核对原表。",
                f"The rate {rates[0].text} differs from 全年执行数 ÷ 全年预算数 ({ratio}%); please "
                "check the source."), here, WARNING))
    initial, spent = (yuan_to_wan(n) if in_yuan else n for n in (planned, executed))
    return _Funds(amount, numbers[weight], numbers[score], initial, spent)


def _score_of(weight: Decimal, rate: Decimal, score: Decimal | None) -> bool:
    """Whether ``score`` is ``weight`` × ``rate``% to the places ``score`` is written."""
    if score is None:
        return False
    places = Decimal(1).scaleb(min(0, int(score.as_tuple().exponent)))
    return (weight * rate / 100).quantize(places) == score


# --- the grid ---------------------------------------------------------------------------------

def _category(key: str, profile: str) -> tuple[str, str]:
    """(level 1, level 2) a standard category name of the profile means, or ("", "")."""
    if key in level1_names(profile):
        return key, ""
    for level1 in level1_names(profile):
        if key in level2_names(profile, level1):
            return level1, key
    return "", ""


def _grid(sheet: Sheet, words: list[_Word], last: bool, funds: _Funds, profile: str,
          grades: tuple[str, ...], where: Location, notices: list[Notice]) -> list[Indicator]:
    level1s: list[_Word] = []
    level2s: list[tuple[str, _Word]] = []  # (its level 1, the word)
    parts: list[_Word] = []
    columns: list[str] = []
    rows: list[dict[str, _Word]] = []
    totals: list[_Word] = []
    has_total = any(w.label in _ROWS for w in words)
    headings_end: int | None = None
    i = 0
    while i < len(words):
        word = words[i]
        column = indicator_column(word.label, exact=True) if word.label else ""
        if column and column not in _STRUCTURE:
            j = i
            while j < len(words) and words[j].label and \
                    indicator_column(words[j].label, exact=True) not in ("", *_STRUCTURE):
                j += 1
            if not columns:
                columns = [indicator_column(w.label, exact=True) for w in words[i:j]]
                headings_end = j
                j = _rows(words, j, columns, rows)
                wanted = sum(1 for c in columns if c in _SCORES)
                if has_total and rows and wanted and all(
                        w.number for w in words[j:j + wanted]) and len(words[j:j + wanted]) == wanted:
                    totals = words[j:j + wanted]
                    j += wanted
            i = j
            continue
        if word.label:
            level1, level2 = _category(word.label, profile)
            if level2:
                level2s.append((level1, word))
            elif level1:
                level1s.append(word)
        elif word.number or word.dash:
            raise _refuse(sheet, word.line, f"数字“{word.text}”不在任何指标行的数值之中，无法确定它属于哪一行。",
                          f"The number '{word.text}' belongs to no row's values.")
        else:
            parts.append(word)
        i += 1
    names = _names(sheet, parts, notices)
    line = words[0].line
    if len(level2s) != len(names):
        raise _refuse(sheet, line, f"二级指标有 {len(level2s)} 个（{'、'.join(w.text for _l, w in level2s)}），"
                      f"三级指标名称有 {len(names)} 个（{'、'.join(n for n, _w in names)}），对不上，"
                      "无法确定每个指标属于哪个二级指标。",
                      f"{len(level2s)} level-2 labels and {len(names)} names do not line up.")
    parents = {level1 for level1, _w in level2s}
    drawn = {w.label for w in level1s}
    if parents != drawn:
        raise _refuse(sheet, line, f"画出的一级指标（{'、'.join(sorted(drawn)) or '无'}）与二级指标所属的一级指标"
                      f"（{'、'.join(sorted(parents))}）不一致。",
                      "The level-1 labels drawn are not those of the level-2 labels.")
    if not rows:
        cut = last and (headings_end is None or headings_end == len(words))
        if not cut:
            raise _refuse(sheet, line, "没有找到各指标行的指标值、实际完成值、分值和得分。",
                          "No row's values were found.")
        notices.append(Notice(Text(
            f"文字在指标值之前中断（原表不完整）：{len(names)} 个指标只读到名称和类别，"
            "指标值、实际完成值、分值和得分都没有，请按原表补填。",
            "The text ends before the indicators' values (the source is "
            f"incomplete): {len(names)} indicators have their names and categories only."),
            Location(where.file, where.sheet, words[-1].line), WARNING))
    elif len(rows) != len(names):
        raise _refuse(sheet, rows[0][columns[0]].line,
                      f"数值有 {len(rows)} 行（每行 {len(columns)} 个：{'、'.join(columns)}），"
                      f"三级指标名称有 {len(names)} 个，对不上。",
                      f"{len(rows)} rows of values and {len(names)} names do not line up.")
    if totals:
        _check_totals(rows, totals, columns, funds, where, notices)
    reader = IndicatorRowReader(profile, grades)
    found = []
    for index, ((level1, level2), (name, first)) in enumerate(zip(
            ((l1, w.label) for l1, w in level2s), names)):
        cells = {"level1": level1, "level2": level2, "name": name}
        if rows:
            cells.update({c: w.text for c, w in rows[index].items()})
        here = Location(where.file, where.sheet, first.line)
        read = reader.read(cells, source_text=" ".join(cells.values()), source_ref=here.ref())
        notices.extend(reading_notices(read.notes, here))
        found.append(read.indicator)
    return found


def _rows(words: list[_Word], j: int, columns: list[str], rows: list[dict[str, _Word]]) -> int:
    """Reads rows of ``len(columns)`` words from ``j`` while they fit (no label among them,
    分值 and 得分 numbers); returns where they end."""
    size = len(columns)
    while j + size <= len(words):
        cells = words[j:j + size]
        if any(w.label for w in cells) or any(
                c in _SCORES and not w.number for c, w in zip(columns, cells)):
            break
        rows.append(dict(zip(columns, cells)))
        j += size
    return j


def _names(sheet: Sheet, parts: list[_Word], notices: list[Notice]) -> list[tuple[str, _Word]]:
    """The names the grid's other words make: a part of one or two characters cannot stand as a
    name and is joined to the part drawn before it."""
    names: list[tuple[str, _Word]] = []
    for word in parts:
        if len(word.text) > 2:
            names.append((word.text, word))
            continue
        if not names:
            raise _refuse(sheet, word.line, f"“{word.text}”太短，不能单独作为指标名称，而它前面没有可以接续的名称。",
                          f"'{word.text}' is too short to be a name and follows no name.")
        head, first = names[-1]
        names[-1] = (head + word.text, first)
        notices.append(Notice(Text(
            f"“{word.text}”不能单独作为指标名称，是前面“{head}”折行的末尾，已连读为“{head + word.text}”，"
            "请核对。",
            f"'{word.text}' cannot stand as a name: it is the wrapped end of '{head}', read as "
            f"'{head + word.text}'; please check."), sheet.location(word.line), WARNING))
    return names


def _check_totals(rows: list[dict[str, _Word]], totals: list[_Word], columns: list[str],
                  funds: _Funds, where: Location, notices: list[Notice]) -> None:
    """The 总分 row against the rows' 分值 and 得分 with the 预算执行 row's."""
    scored = [c for c in columns if c in _SCORES]
    for column, total in zip(scored, totals):
        extra = funds.weight if column == "weight" else funds.score
        summed = sum((parse_number(r[column].text) or Decimal(0) for r in rows), Decimal(0))
        summed += extra or Decimal(0)
        given = parse_number(total.text)
        heading = "分值" if column == "weight" else "得分"
        if given != summed:
            notices.append(Notice(Text(
                f"总分一行的{heading} {total.text} 与各行{heading}及预算执行{heading}之和 {summed} 不一致，请核对。",
                f"The 总分 {heading} {total.text} differs from the sum {summed}; please check."),
                Location(where.file, where.sheet, total.line), WARNING))
