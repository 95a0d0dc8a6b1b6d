"""Reading a block of cells copied from Excel (or WPS) into new indicators for one project.

Clerks keep their indicators in spreadsheets; the quickest way into PerfDesk is to select the
rows there, copy, and paste into the indicator grid. The clipboard then holds tab-separated
text: rows end in ``\\r\\n``, a cell holding a line break is wrapped in double quotes (inner
quotes doubled), merged 一级/二级 cells arrive as one value followed by blanks. This module turns
that text into :class:`~perfdesk.core.model.Indicator` objects and says, cell by cell, what it
read, changed or could not read, so the GUI can show a preview before anything is created. It
never touches a dataset and never imports Qt.

This module knows the clipboard and the block (rows, the heading row, title rows above it,
the form's footer below); what each row's cells mean is the core's one reader
(:class:`perfdesk.core.entry.IndicatorRowReader`), the same that typing and both importers use.
Columns are found by their heading text (:mod:`perfdesk.core.vocabulary`) when the block starts
with (or contains, below a few title rows) a heading row; without one they are judged by what
they hold (:func:`perfdesk.io.headerless.block_columns`, the judgement an import of a table
without a heading row makes too), so a target never falls into 性质 and is dropped. A heading
that gives one value column per place (属地: ``指标方向 | 城关镇 | 青山乡``, or 指标值 over the
places on the row below) is read as the import reads it (:func:`perfdesk.io.layouts.
place_columns`): each row's places combined into one target by :mod:`perfdesk.io.per_place`,
with the import's notices.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from perfdesk.core.entry import CellNote, IndicatorRowReader
from perfdesk.core.fields import GRID_COLUMNS
from perfdesk.core.i18n import Text
from perfdesk.core.severity import Severity, worst
from perfdesk.core.taxonomy import DEFAULT_GRADES, DEFAULT_PROFILE
from perfdesk.core.vocabulary import indicator_column
from perfdesk.io.base import Notice
from perfdesk.io.headerless import block_columns, recognised_notice
from perfdesk.io.layouts import GridHead, grid_rows, place_columns
from perfdesk.io.sources import Sheet

PASTE_SOURCE = "粘贴"  # where a pasted row came from (its source_ref: 粘贴 第N行)

if TYPE_CHECKING:
    from perfdesk.core.model import Indicator

# How far down a block the heading row is looked for (title rows of a form may stand above it).
HEADING_SEARCH_ROWS = 12



@dataclass(slots=True)
class PastedRow:
    """One row of the block and the indicator it becomes.

    Attributes:
        line: the row's number in the pasted block, counting from 1 (a cell holding a line
            break does not start a new row).
        cells: the text of each column as pasted, by column name (only columns present).
        indicator: the new indicator, with categories carried down from the rows above.
        problems: what reading each cell made the reader say (:class:`~perfdesk.core.entry.
            CellNote`: what could not be read, was changed, or looks wrong).
    """

    line: int
    cells: dict[str, str]
    indicator: Indicator
    problems: list[CellNote] = field(default_factory=list)

    def problems_at(self, column: str) -> list[CellNote]:
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
        by_content: without a heading row, some columns were recognised by their values
            rather than taken in the grid's order.
    """

    rows: list[PastedRow]
    columns: tuple[str, ...]
    heading_line: int | None = None
    notices: list[Text] = field(default_factory=list)
    by_content: bool = False

    def indicators(self) -> list[Indicator]:
        return [row.indicator for row in self.rows]

    def problem_count(self, severity: Severity | str | None = None) -> int:
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


# --- a block without a heading row: its columns judged by their content --------------------


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
    by_content = False
    notices: list[Text] = []
    heading_line: int | None = None
    layout: tuple[str, ...] | None = None
    places: dict[str, int] = {}  # place → block column (0-based) of a grid given per place
    for index, cells in enumerate(grid[:HEADING_SEARCH_ROWS]):
        layout = _heading_columns(cells)
        if layout is not None:
            heading_line = index + 1
            below = [c.strip() for c in grid[index + 1]] if index + 1 < len(grid) else None
            if found := place_columns([c.strip() for c in cells], below):
                heads, at = found
                places = {place: c - 1 for place, c in at.items()}
                if heads != [c.strip() for c in cells]:  # 指标值 over the places below
                    heading_line = index + 2
                read = list(_heading_columns(heads) or layout)
                read[min(places.values())] = "value"  # as the import: the first place's column
                layout = tuple(read)
            if index:
                notices.append(Text(
                    "跳过了表头上方的 {n} 行（标题等）。",
                    "Skipped {n} row(s) above the heading row (titles and the like).",
                ).format(n=index))
            ignored = [c.strip() for k, (c, col) in enumerate(zip(grid[heading_line - 1], layout))
                       if c.strip() and not col and k not in places.values()]
            if ignored:
                notices.append(Text("没有读取这些列：{names}。",
                                    "These columns were not read: {names}.").format(
                    names="、".join(ignored)))
            break
    if layout is None:
        width = max((len(cells) for cells in grid), default=0)
        order = tuple(columns)[start_column:]
        layout = block_columns(grid, order, profile=profile, grades=grades)
        positional = tuple(order[k] if k < len(order) else "" for k in range(width))
        if layout != positional:
            notices.append(recognised_notice(layout))
            by_content = True
        elif width > len(order):
            notices.append(Text(
                "粘贴的内容比表格多 {n} 列，多出的列没有读取。",
                "The block has {n} more column(s) than the grid; they were not read.",
            ).format(n=width - len(order)))

    reader = IndicatorRowReader(profile, tuple(grades), level1, level2)
    # the block read as a sheet whose grid heading is its heading row (or none): the rows go
    # through the one loop every import runs (layouts.grid_rows)
    sheet = Sheet(Path(PASTE_SOURCE), "", [list(cells) for cells in grid])
    first = heading_line or 0
    head = GridHead(row=first, columns={column: k + 1 for k, column in enumerate(layout)
                                        if column},
                    headings={column: grid[first - 1][k].strip()
                              for k, column in enumerate(layout)
                              if column and first and k < len(grid[first - 1])},
                    places={place: c + 1 for place, c in places.items()})
    said: list[Notice] = []
    read = grid_rows(sheet, head, first + 1, len(grid), reader=reader, notices=said,
                     ref=lambda r: f"粘贴 第{r}行", say_cell_notes=False, say_footer=True,
                     cut_short=False)
    notices.extend(Text(f"第 {n.location.row} 行：{n.message.zh}",
                        f"Row {n.location.row}: {n.message.en}")
                   if n.location.row else n.message for n in said)
    rows = [PastedRow(row.row, row.texts, row.indicator, row.notes) for row in read]
    return PasteResult(rows, layout, heading_line, notices, by_content)

