"""A form whose cells run together: the text a document site extracted from a .docx (issue 11).

Every cell's text is glued to the next with no separator::

    项目名称滨湖办公大楼运行保障项目类别本级支出项目项目性质持续性项目…绩效目标以…为目标。绩效指标
    一级指标二级指标绩效标准当年预期实现值数量指标办公大楼日常维修维护次数反映…情况2280次…

There are no cells to read, so the text is read by the vocabulary (:mod:`perfdesk.core.vocabulary`):
the header block's labels (项目名称, 项目性质, 绩效目标 …) split it into values; the grid's
heading run (一级指标二级指标…) starts the indicators; a category name (数量指标) starts a run
of them; inside a run an indicator's name ends where its explanation (``反映…``), its target
(``2280次``, ``>92%``) or a 定性 target (``不超预算``) begins. Each indicator is read by the one row
reader (:class:`~perfdesk.core.entry.IndicatorRowReader`). Every cut is a guess and says so in
a notice naming the line; what has no field (a cost-breakdown block) is named, not dropped
silently.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from perfdesk.core.entry import IndicatorRowReader
from perfdesk.core.i18n import Text
from perfdesk.core.model import Indicator, Project
from perfdesk.core.severity import HINT, WARNING
from perfdesk.core.taxonomy import (
    COMMON_UNITS,
    DEFAULT_GRADES,
    all_category_names,
    level1_names,
    parent_of_level2,
)
from perfdesk.core.vocabulary import (
    FOOTER_LABELS,
    FORM_NAMES,
    INDICATOR_NAMES,
    TABLE_NAMES,
    form_label,
    indicator_column,
)
from perfdesk.io.base import Notice, cell_text, reading_notices
from perfdesk.io.sources import Sheet

KIND = "run_together"


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


# the grid's heading run: three or more grid headings glued together (一级指标二级指标…)
_HEADS = [n for names in INDICATOR_NAMES.values() for n in names if len(n) >= 3]
_HEADING_RUN = re.compile(rf"(?:{_alternation(_HEADS)}){{3,}}")
# labels of the header block (long enough not to occur inside a value), the footer's too
_LABEL_NAMES = [n for names in FORM_NAMES.values() for n in names if len(n) >= 4]
_LABEL_NAMES += [n for n in (*TABLE_NAMES["indicators"], *TABLE_NAMES["annual_goal"],
                             *FOOTER_LABELS) if len(n) >= 4]
_LABELS = re.compile(rf"(?:{_alternation(_LABEL_NAMES)})(?!表)")
_CATEGORIES = re.compile(_alternation(n for n in all_category_names() if len(n) >= 4))
_UNITS = _alternation((*COMMON_UNITS, "%", "％", "万元", "元/次", "平方米"))
_TARGET = re.compile(rf"(?P<cmp>>=|<=|≥|≤|≧|≦|＞|＜|>|<|＝|=)?\s*(?P<number>\d+(?:\.\d+)?)"
                     rf"(?P<unit>{_UNITS})?")
# a 定性 target written in words; not when the word goes on as a name (合格率, 达成度)
_WORDS = re.compile(rf"(?:不超预算|不超过预算|{_alternation(g for g in DEFAULT_GRADES if len(g) >= 2)})"
                    r"(?![率数量度性次])")
_EXPLANATION = "反映"
_COST_HEADS = re.compile(r"金额|测算\s*[(（]\s*公式\s*[)）]\s*依据|测算依据|\d{4}年实际执行数|实际执行数")
_COST_ITEM = re.compile(r"(?P<item>[^\d]+?)(?P<amount>\d+(?:\.\d+)?)(?P<rest>[^\d]*[\d.]*)")


def _line(sheet: Sheet, r: int) -> str:
    return ",".join(cell_text(v) for v in sheet.rows[r - 1] if cell_text(v))


def _heading_run(sheet: Sheet) -> tuple[int, re.Match[str]] | None:
    """(line, match) of the grid's heading glued into one run of text, after a 项目名称."""
    for r in range(1, sheet.max_row + 1):
        text = _line(sheet, r)
        m = _HEADING_RUN.search(text)
        if m and {indicator_column(h) for h in _split_heads(m.group(0))} >= {"level1", "level2"}:
            before = "".join(_line(sheet, rr) for rr in range(1, r)) + text[: m.start()]
            if any(form_label(label.group(0)) == "name" for label in _LABELS.finditer(before)):
                return r, m
    return None


def _split_heads(run: str) -> list[str]:
    return re.findall(_alternation(_HEADS), run)


def looks_run_together(sheet: Sheet) -> bool:
    """A text with the grid's headings glued together after a 项目名称 label."""
    return _heading_run(sheet) is not None


def read_run_together(sheet: Sheet, *, profile: str, grades: tuple[str, ...],
                      notices: list[Notice]) -> Project | None:
    """The project of a form whose cells run together, or ``None`` when no indicator is found."""
    found = _heading_run(sheet)
    if found is None:
        return None
    row, heading = found
    where = sheet.location(row)
    header = "".join(_line(sheet, r) for r in range(1, row)) + _line(sheet, row)[: heading.start()]
    values = _label_values(header)
    project = Project(name=values.get("name", ""), attribute=values.get("attribute", ""),
                      annual_goal=values.get("annual_goal", ""), source_ref=where.ref())
    if not project.name:
        return None
    notices.append(Notice(Text(
        f"第 {row} 行的文字中各单元格连在一起（没有分隔），已按标签和指标名称切分读取：项目名称"
        f"“{project.name}”{'，年度目标“' + project.annual_goal[:20] + '”' if project.annual_goal else ''}，请核对。",
        f"The cells of line {row} run together (no separators); the text was split by its labels "
        f"and category names: project '{project.name}'; please check."), where, WARNING))
    if values.get("cost"):
        project.annual_total = _cost_total(values["cost"], where, notices)
    body = _line(sheet, row)[heading.end():]
    for r in range(row + 1, sheet.max_row + 1):
        body += _line(sheet, r)
    project.indicators = _indicators(body, profile, grades, where, notices)
    return project if project.indicators else None


def _label_values(text: str) -> dict[str, str]:
    """Field → the text between its label and the next label (the first of each field)."""
    marks = list(_LABELS.finditer(text))
    values: dict[str, str] = {}
    for index, m in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        label = m.group(0)
        field = form_label(label) or ("annual_goal" if label in TABLE_NAMES["annual_goal"]
                                      else "")
        value = text[m.end():end].strip(" :：,，")
        if field and field not in ("heading", "unstored") and value and field not in values:
            values[field] = value
    return values


def _cost_total(block: str, where, notices: list[Notice]) -> Decimal | None:
    """The year's amount from a cost-breakdown block whose cells run together: the sum of the
    items' amounts, taken when the 合计 row's digits begin with it (its own digits run into
    the next columns'); the items themselves have no field and are named in a notice."""
    block = _COST_HEADS.sub(" ", block).strip()
    items: list[tuple[str, Decimal]] = []
    total_text = ""
    for m in _COST_ITEM.finditer(block):
        item = m.group("item").strip(" ,，")
        if item == "合计":
            total_text = m.group("amount") + m.group("rest")
            break
        try:
            items.append((item, Decimal(m.group("amount"))))
        except InvalidOperation:  # pragma: no cover - the pattern gives digits only
            continue
    if not items:
        return None
    named = "、".join(f"{item} {amount}" for item, amount in items)
    notices.append(Notice(Text(
        f"成本构成（{named}）没有对应的字段，未导入；金额见原表。",
        f"The cost breakdown ({named}) has no field in PerfDesk; it was not imported."),
        where, HINT))
    total = sum((amount for _item, amount in items), Decimal(0))
    if total_text and not total_text.startswith(str(total)):
        notices.append(Notice(Text(
            f"成本构成的合计“{total_text}”与各项之和 {total} 对不上，年度资金总额没有读取。",
            f"The cost breakdown's total '{total_text}' does not match the sum of its items "
            f"{total}; the annual total was not read."), where, WARNING))
        return None
    notices.append(Notice(Text(
        f"年度资金总额按成本构成各项之和读作 {total} 万元"
        f"{'（与合计一栏相符）' if total_text else ''}，请核对。",
        f"The annual total was read as the sum of the cost items, {total} (10,000 yuan); "
        "please check."), where, WARNING))
    return total


def _indicators(body: str, profile: str, grades: tuple[str, ...], where,
                notices: list[Notice]) -> list[Indicator]:
    reader = IndicatorRowReader(profile, grades)
    found: list[Indicator] = []
    labels = list(_CATEGORIES.finditer(body))
    for index, m in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(body)
        label = m.group(0)
        level1, level2 = _categories(label, profile)
        if not level1:
            continue
        if level2:
            notices.append(Notice(Text(
                f"类别“{label}”是二级指标，已记在一级指标“{level1}”之下。",
                f"The category '{label}' is a level 2; it was put under level 1 '{level1}'."),
                where, HINT))
        for name, explanation, comparator, value in _entries(body[m.end():end]):
            cells = {"level1": level1, "level2": level2, "name": name,
                     "explanation": explanation, "comparator": comparator, "value": value}
            read = reader.read(cells, source_text=body[m.start():end], source_ref=where.ref())
            notices.append(Notice(Text(
                f"按文字切分出指标“{name}”" + (f"，解释“{explanation[:20]}”" if explanation else "")
                + f"，目标“{comparator}{value}”，请核对。",
                f"Split from the text: indicator '{name}', target '{comparator}{value}'; please "
                "check."), where, HINT))
            notices.extend(reading_notices(read.notes, where))
            found.append(read.indicator)
    return found


def _categories(label: str, profile: str) -> tuple[str, str]:
    """(level 1, level 2) a category name starting a run means."""
    if label in level1_names(profile):
        return label, ""
    parent = parent_of_level2(profile, label)
    return (parent, label) if parent else ("", "")


def _entries(text: str) -> list[tuple[str, str, str, str]]:
    """(name, explanation, comparator, target) of each indicator glued in ``text``: a name ends
    where its explanation (反映…), a number target or a 定性 word begins; an explanation ends
    at its target; a comparator left at the very end is a target cut off."""
    entries = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        target = _TARGET.search(text, pos)
        words = _WORDS.search(text, pos)
        explain = text.find(_EXPLANATION, pos)
        stops = [s for s in (target.start() if target else -1, words.start() if words else -1,
                             explain) if s > pos]
        if not stops:
            name, rest = text[pos:], ""
            entries.append(_cut_off(name, ""))
            break
        first = min(stops)
        name = text[pos:first]
        explanation = ""
        if first == explain:
            target = _TARGET.search(text, explain)
            words = _WORDS.search(text, explain)
            ends = [s for s in (target.start() if target else -1,
                                words.start() if words else -1) if s > explain]
            if not ends:
                entries.append(_cut_off(name, text[explain:]))
                break
            first = min(ends)
            explanation = text[explain:first]
        if target is not None and target.start() == first:
            entries.append((name, explanation, target.group("cmp") or "",
                            target.group("number") + (target.group("unit") or "")))
            pos = target.end()
        else:
            assert words is not None
            entries.append((name, explanation, "", words.group(0)))
            pos = words.end()
    return [e for e in entries if e[0]]


def _cut_off(name: str, explanation: str) -> tuple[str, str, str, str]:
    """An indicator the text ends inside: a comparator left at its end is kept as such."""
    tail = explanation or name
    m = re.search(r"(>=|<=|≥|≤|＞|＜|>|<|＝|=)\s*$", tail)
    comparator = m.group(1) if m else ""
    if m:
        tail = tail[: m.start()]
    return (name if explanation else tail, tail if explanation else "", comparator, "")
