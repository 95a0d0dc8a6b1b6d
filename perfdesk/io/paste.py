"""Reading a block of cells copied from Excel (or WPS) into new indicators for one project.

Clerks keep their indicators in spreadsheets; the quickest way into PerfDesk is to select the
rows there, copy, and paste into the indicator grid. The clipboard then holds tab-separated
text: rows end in ``\\r\\n``, a cell holding a line break is wrapped in double quotes (inner
quotes doubled), merged 一级/二级 cells arrive as one value followed by blanks. This module turns
that text into :class:`~perfdesk.core.model.Indicator` objects and says, cell by cell, what it could
not read, so the GUI can show a preview before anything is created. It never touches a dataset
and never imports Qt: the same reader serves the grid, tests and any later "paste" command.

Columns are found by their heading text when the block starts with (or contains, below a few
title rows) a heading row — 一级指标, 三级指标, 指标值, 计量单位, 指标值设定依据 and the local
variants such as 指标值及单位 or 绩效标准; without one they are read in the grid's own column
order (``GRID_COLUMNS``) starting at the column the paste was aimed at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from perfdesk.core import values
from perfdesk.core.fields import GRID_COLUMNS
from perfdesk.core.vocabulary import indicator_column, is_footer
from perfdesk.core.i18n import Text
from perfdesk.core.severity import ERROR, HINT, WARNING, Severity, worst
from perfdesk.core.taxonomy import (
    DEFAULT_GRADES,
    DEFAULT_PROFILE,
    QUALITATIVE,
    QUANTITATIVE,
    LabelKind,
    level1_names,
    level2_names,
    normalise_label,
    read_level1,
    standard_level2,
)
from perfdesk.core.values import TargetValue, ValueKind

if TYPE_CHECKING:
    from perfdesk.core.model import Indicator

NATURE_WORDS = {
    "定量": QUANTITATIVE, "定量指标": QUANTITATIVE, "量化": QUANTITATIVE,
    "定性": QUALITATIVE, "定性指标": QUALITATIVE,
}

# How far down a block the heading row is looked for (title rows of a form may stand above it).
HEADING_SEARCH_ROWS = 12



@dataclass(frozen=True, slots=True)
class PasteProblem:
    """Something about one pasted cell the clerk should see before the rows are created.

    Attributes:
        field: the column (an indicator field; "value" is the 指标值 cell).
        severity: "error" (the row will be created but needs fixing), "warning" (kept as
            written, probably not what was meant) or "hint" (read, but changed on the way).
        message: what was found and what happens or what to do.
    """

    field: str
    severity: Severity
    message: Text


@dataclass(slots=True)
class PastedRow:
    """One row of the block and the indicator it becomes.

    Attributes:
        line: the row's number in the pasted block, counting from 1 (a cell holding a line
            break does not start a new row).
        cells: the text of each column as pasted, by column name (only columns present).
        indicator: the new indicator, with categories carried down from the rows above.
        problems: what could not be read or was changed, per cell.
    """

    line: int
    cells: dict[str, str]
    indicator: Indicator
    problems: list[PasteProblem] = field(default_factory=list)

    def problems_at(self, column: str) -> list[PasteProblem]:
        return [p for p in self.problems if p.field == column]

    def worst(self) -> Severity | None:
        """The most severe problem's severity, or ``None``."""
        return worst(self.problems)


@dataclass(slots=True)
class PasteResult:
    """What a pasted block becomes.

    Attributes:
        rows: one entry per indicator to create, in order.
        columns: the column each pasted column was read into ("" where it was ignored).
        heading_line: the block row holding the headings (1-based), or ``None`` when the
            block had none and the grid's order was assumed.
        notices: what the clerk should know about the block as a whole (rows skipped above a
            heading or below the grid, columns ignored).
    """

    rows: list[PastedRow]
    columns: tuple[str, ...]
    heading_line: int | None = None
    notices: list[Text] = field(default_factory=list)

    def indicators(self) -> list[Indicator]:
        return [row.indicator for row in self.rows]

    def problem_count(self, severity: str | None = None) -> int:
        return sum(1 for row in self.rows for p in row.problems
                   if severity is None or p.severity == severity)


# --- the clipboard's text -------------------------------------------------------------------


def split_cells(text: str) -> list[list[str]]:
    """Rows of cells from tab-separated text as Excel, WPS and LibreOffice put it on the
    clipboard.

    Rows end in ``\\r\\n``, ``\\n`` or ``\\r``. A cell that starts with ``"`` and is a well-formed
    quoted cell (closing quote followed by a tab or the end of the row, inner quotes doubled)
    is unquoted — that is how a cell holding a line break arrives. Any other ``"`` is text
    (Excel does not quote a cell just because it holds a quote). A final empty row (the line
    end after the last row) is dropped.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    rows: list[list[str]] = []
    row: list[str] = []
    i, n = 0, len(text)
    at_row_end = False
    while i < n:
        cell, i = _read_cell(text, i)
        row.append(cell)
        if i >= n:
            at_row_end = True
            break
        ch = text[i]
        if ch == "\t":
            i += 1
            if i >= n:  # a trailing tab: one more, empty cell
                row.append("")
                at_row_end = True
            continue
        # a line end
        i += 2 if text.startswith("\r\n", i) else 1
        rows.append(row)
        row = []
        at_row_end = i >= n
    if row or (not at_row_end and not rows):
        rows.append(row)
    return rows


def _read_cell(text: str, i: int) -> tuple[str, int]:
    """The cell starting at ``i`` and the index just past it (at a tab, line end or the end)."""
    n = len(text)
    if i < n and text[i] == '"':
        j = i + 1
        parts: list[str] = []
        while j < n:
            k = text.find('"', j)
            if k < 0:
                break
            parts.append(text[j:k])
            if k + 1 < n and text[k + 1] == '"':
                parts.append('"')
                j = k + 2
                continue
            end = k + 1
            if end >= n or text[end] in "\t\r\n":
                return "".join(parts), end
            break
    j = i
    while j < n and text[j] not in "\t\r\n":
        j += 1
    return text[i:j], j


# --- headings -------------------------------------------------------------------------------


def _heading_columns(cells: Sequence[str]) -> tuple[str, ...] | None:
    """The columns of a heading row, or ``None`` when ``cells`` is not a heading row."""
    columns: list[str] = []
    seen: set[str] = set()
    for cell in cells:
        column = indicator_column(cell)
        if column in seen:  # the second of two columns with one meaning is not read
            column = ""
        if column:
            seen.add(column)
        columns.append(column)
    known = seen - {""}
    if len(known) >= 2 and known & {"name", "value", "level1"}:
        return tuple(columns)
    return None


# --- reading the block ----------------------------------------------------------------------


def parse_paste(
    text: str,
    *,
    profile: str = DEFAULT_PROFILE,
    grades: Sequence[str] = DEFAULT_GRADES,
    columns: Sequence[str] = GRID_COLUMNS,
    start_column: int = 0,
    level1: str = "",
    level2: str = "",
) -> PasteResult:
    """Read a pasted block into indicators, with the problems of each cell.

    Args:
        text: the clipboard's plain text.
        profile: the dataset's profile ("88" or "101"), for the categories.
        grades: the dataset's 定性 grades.
        columns: the grid's column order, used when the block has no heading row.
        start_column: the grid column the paste was aimed at (the current cell's column),
            where the block's first column goes when it has no heading row.
        level1, level2: the categories of the grid row the paste was aimed at; rows whose
            category cells are blank (or absent) before any category appears in the block
            take these, as if the merged cell above went on.
    """
    grid = split_cells(text)
    notices: list[Text] = []
    heading_line: int | None = None
    layout: tuple[str, ...] | None = None
    for index, cells in enumerate(grid[:HEADING_SEARCH_ROWS]):
        layout = _heading_columns(cells)
        if layout is not None:
            heading_line = index + 1
            if index:
                notices.append(Text(
                    "跳过了表头上方的 {n} 行（标题等）。",
                    "Skipped {n} row(s) above the heading row (titles and the like).",
                ).format(n=index))
            ignored = [c.strip() for c, col in zip(grid[index], layout) if c.strip() and not col]
            if ignored:
                notices.append(Text("没有读取这些列：{names}。",
                                    "These columns were not read: {names}.").format(
                    names="、".join(ignored)))
            break
    if layout is None:
        width = max((len(cells) for cells in grid), default=0)
        order = tuple(columns)[start_column:]
        layout = tuple(order[k] if k < len(order) else "" for k in range(width))
        if width > len(order):
            notices.append(Text(
                "粘贴的内容比表格多 {n} 列，多出的列没有读取。",
                "The block has {n} more column(s) than the grid; they were not read.",
            ).format(n=width - len(order)))

    reader = _RowReader(profile, tuple(grades), level1, level2)
    rows: list[PastedRow] = []
    first = heading_line or 0
    heading_text = [c.strip() for c in grid[first - 1]] if heading_line else None
    for index in range(first, len(grid)):
        cells = grid[index]
        if not any(c.strip() for c in cells):
            continue
        if heading_text is not None and [c.strip() for c in cells] == heading_text:
            continue  # the heading repeated (a form copied across a page break)
        leading = normalise_label(next(c for c in cells if c.strip()))
        if is_footer(leading):
            notices.append(Text(
                "第 {line} 行起是表尾（{label}…），没有读取。",
                "Row {line} on is the form's footer ({label}…); it was not read.",
            ).format(line=index + 1, label=leading[:8]))
            break
        named = {}
        for column, cell in zip(layout, cells):
            if column:
                named[column] = cell
        rows.append(reader.read(index + 1, named))
    return PasteResult(rows, layout, heading_line, notices)


class _RowReader:
    """Reads rows in order, carrying merged category cells down."""

    def __init__(self, profile: str, grades: tuple[str, ...], level1: str, level2: str) -> None:
        self.profile = profile
        self.grades = grades
        self.level1 = level1.strip()
        self.level2 = level2.strip()

    def read(self, line: int, cells: dict[str, str]) -> PastedRow:
        problems: list[PasteProblem] = []
        fields: dict[str, object] = {}
        self._categories(cells, fields, problems)

        name = _clean(cells.get("name", ""))
        fields["name"] = name
        if not name:
            problems.append(PasteProblem("name", ERROR, Text(
                "三级指标名称为空：请填写要衡量的内容（如“培训场次”）。",
                "The indicator name is empty: say what is measured (e.g. 培训场次).")))

        self._value(cells, fields, problems)

        for column in ("basis", "explanation", "scoring", "remark"):
            if column in cells:
                fields[column] = _clean(cells[column])
        if _clean(cells.get("weight", "")):
            weight = values.parse_number(_clean(cells["weight"]).rstrip("%分"))
            if weight is None:
                problems.append(PasteProblem("weight", ERROR, Text(
                    "权重“{text}”不是数字，没有读取。",
                    "The weight '{text}' is not a number; it was not read.").format(
                    text=_clean(cells["weight"]))))
            else:
                fields["weight"] = weight

        fields["source_text"] = "\t".join(cells.get(c, "") for c in cells)
        fields["source_ref"] = f"粘贴 第{line}行"
        from perfdesk.core.model import Indicator  # the model (SQLModel) loads on first use

        indicator = Indicator(**fields)
        return PastedRow(line, dict(cells), indicator, problems)

    # --- 一级/二级 ---------------------------------------------------------------------------

    def _categories(self, cells: dict[str, str], fields: dict, problems: list) -> None:
        written1 = _clean(cells.get("level1", ""))
        written2 = _clean(cells.get("level2", ""))
        if written1:
            reading = read_level1(self.profile, written1)
            fields["level1_source"] = written1
            if reading.kind is LabelKind.STANDARD:
                self.level1 = reading.level1
            elif reading.kind is LabelKind.ALIAS:
                self.level1 = reading.level1
                problems.append(PasteProblem("level1", HINT, Text(
                    "“{written}”不是标准的一级指标名称，已改为“{level1}”。",
                    "'{written}' is not a standard level-1 name; read as '{level1}'.").format(
                    written=written1, level1=reading.level1)))
            elif reading.kind is LabelKind.LEVEL2:
                self.level1 = reading.level1
                if not written2:
                    written2 = reading.level2
                problems.append(PasteProblem("level1", HINT, Text(
                    "“{written}”是二级指标，已放到一级指标“{level1}”下。",
                    "'{written}' is a level-2 category; placed under '{level1}'.").format(
                    written=written1, level1=reading.level1)))
            else:
                self.level1 = written1
                problems.append(PasteProblem("level1", ERROR, Text(
                    "“{written}”不是本数据文件（{profile}号文）的一级指标，应为：{names}。",
                    "'{written}' is not a level-1 category of profile {profile}; use one of: "
                    "{names}.").format(written=written1, profile=self.profile,
                                       names="、".join(level1_names(self.profile)))))
            # a new level 1 starts a new merged level-2 cell too
            self.level2 = ""
        if written2:
            standard = standard_level2(self.profile, self.level1, written2)
            if standard:
                if standard != normalise_label(written2):
                    problems.append(PasteProblem("level2", HINT, Text(
                        "“{written}”已改为标准名称“{level2}”。",
                        "'{written}' read as the standard name '{level2}'.").format(
                        written=written2, level2=standard)))
                self.level2 = standard
            else:
                self.level2 = written2
                children = level2_names(self.profile, self.level1)
                problems.append(PasteProblem("level2", ERROR, Text(
                    "二级指标“{written}”不属于一级指标“{level1}”{hint}。",
                    "Level 2 '{written}' does not belong under '{level1}'{hint_en}.").format(
                    written=written2, level1=self.level1 or "（空）",
                    hint=f"，应为：{'、'.join(children)}" if children else "",
                    hint_en=f"; use one of: {', '.join(children)}" if children else "")))
        if self.level1 and not self.level2 and not written2:
            children = level2_names(self.profile, self.level1)
            if len(children) == 1:  # 满意度指标 has one level 2 only: no need to ask
                self.level2 = children[0]
        if not self.level1:
            problems.append(PasteProblem("level1", ERROR, Text(
                "缺少一级指标：请在第一行填写（产出指标、效益指标、满意度指标…）。",
                "The level-1 category is missing: give it in the first row.")))
        elif not self.level2:
            problems.append(PasteProblem("level2", WARNING, Text(
                "缺少二级指标：请从下拉列表中选择。",
                "The level-2 category is missing: choose it from the list.")))
        fields["level1"] = self.level1
        fields["level2"] = self.level2

    # --- 指标性质, 计算符号, 指标值, 计量单位 -------------------------------------------------

    def _value(self, cells: dict[str, str], fields: dict, problems: list) -> None:
        value_cell = _clean(cells.get("value", ""))
        comparator_cell = _clean(cells.get("comparator", ""))
        unit_cell = _clean(cells.get("unit", ""))
        nature_cell = _clean(cells.get("nature", ""))

        nature = ""
        if nature_cell:
            nature = _read_nature(nature_cell)
            if not nature:
                problems.append(PasteProblem("nature", WARNING, Text(
                    "指标性质“{text}”应为“定量”或“定性”，已按指标值判断。",
                    "Nature '{text}' should be 定量 or 定性; judged from the target instead.",
                ).format(text=nature_cell)))

        comparator = ""
        if comparator_cell:
            comparator = _read_comparator(comparator_cell)
            if not comparator:
                problems.append(PasteProblem("comparator", ERROR, Text(
                    "计算符号“{text}”无法识别，应为 ≥ ＞ ＝ ＜ ≤ 之一。",
                    "Comparator '{text}' is not one of ≥ ＞ ＝ ＜ ≤.").format(
                    text=comparator_cell)))

        if unit_cell and not values.is_valid_unit(unit_cell):
            problems.append(PasteProblem("unit", WARNING, Text(
                "计量单位“{text}”不像单位（含数字、空格或标点），请检查。",
                "Unit '{text}' does not look like a unit (digits, blanks or punctuation).",
            ).format(text=unit_cell)))

        if not value_cell:
            fields.update(nature=nature)
            if comparator_cell or unit_cell or fields.get("name"):
                problems.append(PasteProblem("value", ERROR, Text(
                    "指标值为空：请填写目标（如“≥95%”或“达成”）。",
                    "The target is empty: give it (e.g. ≥95% or 达成).")))
            fields.update(comparator=comparator, unit=unit_cell)
            return

        result = values.parse(value_cell, self.grades)
        value = result.value
        written = value_cell
        if value.kind is ValueKind.QUANTITATIVE:
            if comparator and value.comparator and comparator != value.comparator:
                problems.append(PasteProblem("comparator", ERROR, Text(
                    "计算符号“{cell}”与指标值“{value}”中的“{inner}”不一致，已按指标值读取。",
                    "Comparator '{cell}' disagrees with '{inner}' in the target '{value}'; "
                    "the target's was kept.").format(
                    cell=comparator_cell, value=value_cell, inner=value.comparator)))
            if not value.comparator and comparator:
                written = comparator + written
            unit = value.unit
            if unit_cell and unit and unit != unit_cell:
                problems.append(PasteProblem("unit", ERROR, Text(
                    "计量单位“{cell}”与指标值“{value}”中的单位“{inner}”不一致，已按指标值读取。",
                    "Unit '{cell}' disagrees with '{inner}' in the target '{value}'; the "
                    "target's was kept.").format(cell=unit_cell, value=value_cell, inner=unit)))
            if not unit and unit_cell:
                unit = unit_cell
                written = written + unit_cell
            value = TargetValue.quantitative(value.comparator or comparator, value.number, unit)
            if nature == QUALITATIVE:
                problems.append(PasteProblem("nature", WARNING, Text(
                    "指标性质为“定性”，但指标值“{value}”是数值，已按定量读取。",
                    "Nature says 定性 but the target '{value}' is a number; read as 定量.",
                ).format(value=value_cell)))
            if result.prefix:
                problems.append(PasteProblem("value", WARNING, Text(
                    "指标值里有计算式“{prefix}”：目标已读作“{target}”，计算方法请写到指标解释。",
                    "The target holds a formula '{prefix}': the target was read as "
                    "'{target}'; put the formula in the explanation.").format(
                    prefix=result.prefix, target=values.render(value))))
        elif value.kind is ValueKind.QUALITATIVE:
            if nature == QUANTITATIVE:
                problems.append(PasteProblem("nature", WARNING, Text(
                    "指标性质为“定量”，但指标值“{value}”是等级，已按定性读取。",
                    "Nature says 定量 but the target '{value}' is a grade; read as 定性.",
                ).format(value=value_cell)))
            if comparator_cell or unit_cell:
                problems.append(PasteProblem("value", WARNING, Text(
                    "定性指标“{value}”不需要计算符号和计量单位，已忽略它们。",
                    "A 定性 target '{value}' takes no comparator or unit; they were ignored.",
                ).format(value=value_cell)))
        elif value.kind is ValueKind.RAW:
            joined = comparator + value_cell + unit_cell
            combined = values.parse(joined, self.grades)
            if (comparator or unit_cell) and combined.value.kind is ValueKind.QUANTITATIVE:
                value, written = combined.value, joined
            elif nature == QUALITATIVE and not re.search(r"\d", value_cell) \
                    and len(value_cell) <= 10:
                value = TargetValue.qualitative(value_cell)
                problems.append(PasteProblem("value", HINT, Text(
                    "“{value}”不在定性等级列表中（{grades}），已作为等级保留。",
                    "'{value}' is not in the grade list ({grades}); kept as a grade.").format(
                    value=value_cell, grades="、".join(self.grades))))
            else:
                problems.append(PasteProblem("value", WARNING, Text(
                    "指标值“{value}”读不出定量目标或定性等级，已原样保留；请改为如“≥95%”或“达成”。",
                    "The target '{value}' is neither a number nor a grade; kept as written. "
                    "Rewrite it, e.g. ≥95% or 达成.").format(value=_short(value_cell))))
        from perfdesk.core.model import Indicator

        fields.update(Indicator.fields_for_value(value, written))
        if value.kind is ValueKind.RAW and nature:
            fields["nature"] = nature


@lru_cache(maxsize=256)
def _read_nature(text: str) -> str:
    """定量 or 定性 from a 指标性质 cell (定量指标, traditional characters …), or ``""``."""
    return NATURE_WORDS.get(normalise_label(text), "")


@lru_cache(maxsize=256)
def _read_comparator(text: str) -> str:
    """The canonical comparator a 计算符号 cell means (``>=``, ``不低于``, ``≧`` …), or ``""``."""
    words = {"正向": "≥", "反向": "≤", "大于等于": "≥", "小于等于": "≤"}
    text = text.strip()
    if text in words:
        return words[text]
    probe = values.parse(text + "1")
    if probe.value.kind is ValueKind.QUANTITATIVE and not probe.prefix:
        return probe.value.comparator
    probe = values.parse("1" + text)  # 以上 / 以下 written in the symbol column
    if probe.value.kind is ValueKind.QUANTITATIVE and probe.value.unit == "":
        return probe.value.comparator
    return ""


def _clean(text: str) -> str:
    """A cell's text with blanks around it removed; line breaks inside are kept as one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return text.strip()


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
