"""The PDF of the detailed form (项目支出绩效目标申报表, domain.md §5.2) for signing and stamping.

What the clerk hands in is paper: the detailed form printed, signed by the 填报人 and stamped
by the unit, one form per project. PerfDesk writes that as a PDF the clerk prints (or sends)
as is, so it must look like the official form a reviewer is used to: A4 landscape, the title
``<年度>年项目支出绩效目标申报表``, the 填报单位（盖章） line and 单位：万元, the header block
(项目名称, 主管部门/实施单位, 项目属性/项目期, the funds in 中期/年度 columns, 总体目标), the
indicator grid with 一级/二级 cells merged down over their rows, long texts wrapped, the grid
running on to the next page under a repeated heading row, and the footer with 填报人, 联系电话,
填报日期 and a 审核意见 box with room for a signature and a stamp. Only the official form is
printed: whether a project passed the checks is PerfDesk's business (and a submission's
manifest's), never the page's.

The layout is computed in millimetres (rows of cells whose text is broken into lines with
QTextLayout), split into pages, then painted with QPainter on a QPdfWriter, which embeds the
bundled Chinese font (see :mod:`perfdesk.gui.fonts`). The file is written next to the target
and moved into place only when complete, so a cancelled or failed export leaves whatever was
there before. Only QtGui is used (no QtPrintSupport): printing is opening the PDF.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
import uuid as _uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from perfdesk import __version__
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.values import format_money, format_number
from perfdesk.gui.fonts import print_family
from perfdesk.io.detail_form import (
    DEPARTMENT_BUDGET_LABEL,
    EMPTY_GRID,
    EXECUTION_HEADINGS,
    INDICATORS_LABEL,
    TASK_AMOUNT_LABEL,
    TASK_HEADINGS,
    TASK_SUM_LABEL,
    TASKS_LABEL,
    GOALS_LABEL,
    MONEY_LABEL,
    MONEY_NOTE,
    REVIEW_LABEL,
    SELF_GOAL_LABEL,
    TITLE_FORMAT,
    TOTAL_LABEL,
    UNIT_LINE_LABEL,
    DetailForm,
    Signature,
    detail_form,
)

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.core.model import Project

# --- page geometry (millimetres) ------------------------------------------------------------

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 15.0, 10.0, 8.0
CONTENT_W = PAGE_W - 2 * MARGIN_X
PAGE_NUMBER_H = 5.0  # the line with 第 N 页 at the bottom
BOTTOM = PAGE_H - MARGIN_BOTTOM - PAGE_NUMBER_H  # content ends here
DPI = 1200

PAD_X, PAD_Y = 1.6, 1.0  # space inside a cell
MIN_ROW_H = 7.0
TITLE_PT, SUBTITLE_PT, BODY_PT, GRID_PT, SMALL_PT = 20.0, 10.5, 10.0, 9.0, 8.0
FRAME_PEN_MM, LINE_PEN_MM = 0.45, 0.2
LABEL_FILL = QColor("#f0f0f0")

# The header block: main label, sub-label, value, sub-label, value.
HEADER_COLUMNS = (30.0, 36.0, (CONTENT_W - 30 - 72) / 2, 36.0, (CONTENT_W - 30 - 72) / 2)
# The indicator grid (domain.md §5.2 heading, detail_form.GRID_HEADINGS); 指标解释 takes what is left.
_GRID_FIXED = (20.0, 34.0, 46.0, 16.5, 16.5, 26.0, 17.0, 26.0)
GRID_COLUMNS = (*_GRID_FIXED, CONTENT_W - sum(_GRID_FIXED))
# A 自评表's grid (detail_form.SELF_GRID_HEADINGS); 偏差原因分析及改进措施 takes what is left.
_SELF_GRID_FIXED = (20.0, 34.0, 50.0, 30.0, 30.0, 15.0, 15.0)
SELF_GRID_COLUMNS = (*_SELF_GRID_FIXED, CONTENT_W - sum(_SELF_GRID_FIXED))
# A 自评表's funding block: main label, row label, then 年初预算数 | 全年预算数 | 全年执行数 |
# 分值 | 执行率 | 得分 sharing what is left.
EXECUTION_COLUMNS = (30.0, 36.0, *([(CONTENT_W - 66) / 6] * 6))
# A 部门整体 form's grid (detail_form.DEPARTMENT_GRID_HEADINGS); 指标解释 takes what is left.
_DEPARTMENT_GRID_FIXED = (24.0, 34.0, 74.0, 36.0, 40.0)
DEPARTMENT_GRID_COLUMNS = (*_DEPARTMENT_GRID_FIXED, CONTENT_W - sum(_DEPARTMENT_GRID_FIXED))
# Its 年度预算安排 line (label, then 年度资金总额 | 项目支出 | 基本支出 each with its amount) and
# its tasks (detail_form.TASK_HEADINGS: 部门职能 | 任务名称 | 主要内容 | 支出项目名称 | 总额 | 财政拨款 |
# 其他资金); 主要内容 takes what is left.
DEPARTMENT_HEADER_COLUMNS = (42.0, 36.0, (CONTENT_W - 42 - 72) / 2, 36.0,
                             (CONTENT_W - 42 - 72) / 2)
BUDGET_COLUMNS = (42.0, *((36.0, (CONTENT_W - 42 - 108) / 3) * 3))
_TASK_FIXED = (44.0, 50.0, 0.0, 42.0, 24.0, 24.0, 24.0)
TASK_COLUMNS = tuple(w or CONTENT_W - sum(_TASK_FIXED) for w in _TASK_FIXED)
EMPTY_TASKS = "（未填写年度主要任务）"
# The footer: 填报人, 联系电话, 填报日期 with their values.
FOOTER_COLUMNS = (30.0, (CONTENT_W - 90) / 3, 30.0, (CONTENT_W - 90) / 3, 30.0,
                  (CONTENT_W - 90) / 3)
REVIEW_H = 28.0  # the 审核意见 box: room for a signature, a date and (overlapping) a stamp

LEFT = Qt.AlignmentFlag.AlignLeft
CENTER = Qt.AlignmentFlag.AlignHCenter
RIGHT = Qt.AlignmentFlag.AlignRight

Progress = Callable[[int, int], None]


# --- what a page holds ----------------------------------------------------------------------


@dataclass
class _Cell:
    col: int
    text: str
    span: int = 1
    align: Qt.AlignmentFlag = LEFT
    label: bool = False  # a shaded label cell
    merge: object = None  # equal keys in consecutive rows of one column are one cell
    lines: list[str] = field(default_factory=list)
    top: bool = False  # text at the top (a long text or a part of one), else centred


@dataclass
class _Row:
    columns: tuple[float, ...]
    cells: list[_Cell]
    font: str = "body"  # which font its text uses
    height: float = 0.0
    keep_with_next: bool = False  # a label row with what follows, a heading with a row
    min_height: float = MIN_ROW_H
    review: bool = False  # the 审核意见 box: signature and stamp lines drawn in it


@dataclass
class _Page:
    form: DetailForm
    rows: list[tuple[float, _Row]] = field(default_factory=list)  # (top y, row)
    first: bool = False  # the project's first page, with the title
    number: int = 0
    count: int = 0


class _Typesetter:
    """Fonts and line breaking for one PDF (all sizes in millimetres)."""

    def __init__(self, writer: QPdfWriter) -> None:
        self.writer = writer
        family = print_family()
        self.fonts = {
            "title": self._font(family, TITLE_PT, bold=True),
            "subtitle": self._font(family, SUBTITLE_PT),
            "body": self._font(family, BODY_PT),
            "grid": self._font(family, GRID_PT),
            "small": self._font(family, SMALL_PT),
        }
        self.metrics = {name: QFontMetricsF(font, writer) for name, font in self.fonts.items()}
        self.line_h = {name: self.px_to_mm(m.lineSpacing()) for name, m in self.metrics.items()}
        self.ascent = {name: self.px_to_mm(m.ascent()) for name, m in self.metrics.items()}
        # where the baseline sits below the top of a line: half the leading, then the ascent
        self.baseline = {name: (self.line_h[name] - self.px_to_mm(m.height())) / 2
                         + self.ascent[name] for name, m in self.metrics.items()}
        self._widths: dict[str, dict[str, float]] = {name: {} for name in self.fonts}

    @staticmethod
    def _font(family: str, points: float, *, bold: bool = False) -> QFont:
        font = QFont(family)
        font.setPointSizeF(points)
        font.setBold(bold)
        font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
        return font

    @staticmethod
    def mm(value: float) -> float:
        return value * DPI / 25.4

    @staticmethod
    def px_to_mm(value: float) -> float:
        return value * 25.4 / DPI

    def advance(self, font: str, chunk: str) -> float:
        """The width of ``chunk`` (remembered: the same characters recur on every page)."""
        widths = self._widths[font]
        width = widths.get(chunk)
        if width is None:
            width = widths[chunk] = self.px_to_mm(self.metrics[font].horizontalAdvance(chunk))
        return width

    def width(self, font: str, text: str) -> float:
        return self.px_to_mm(self.metrics[font].horizontalAdvance(text))

    def wrap(self, font: str, text: str, width_mm: float) -> list[str]:
        """``text`` broken into lines no wider than ``width_mm`` (line breaks kept)."""
        return wrap_text(text, width_mm, lambda chunk: self.advance(font, chunk))


# Chinese line-breaking rules (禁则): these never start a line, those never end one.
NO_LINE_START = frozenset("，。、；：！？）》」』】〕〉”’…—·,.;:!?)]}%％‰℃")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
_WORD = re.compile(r"[A-Za-z0-9_.%/+\-@#&']+|\s+|.", re.DOTALL)


def wrap_text(text: str, width: float, advance: Callable[[str], float]) -> list[str]:
    """Break ``text`` into lines no wider than ``width``.

    Chinese breaks between any two characters except before closing punctuation (，。）…)
    and after opening punctuation (（《“…); a run of Latin letters or digits (a number, a
    code, an English word) stays whole unless it is wider than a line. Line breaks in the
    text are kept. ``advance(chunk)`` gives a chunk's width. (QTextLayout would do this, but
    PySide6 6.12 crashes on its beginLayout/endLayout pair.)
    """
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph.rstrip(), width, advance))
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def _wrap_paragraph(paragraph: str, width: float, advance: Callable[[str], float]
                    ) -> list[str]:
    if not paragraph:
        return [""]
    units: list[str] = []
    for token in _WORD.findall(paragraph):
        if len(token) > 1 and not token.isspace() and advance(token) > width:
            units.extend(token)  # a word wider than the line: break it anywhere
        else:
            units.append(token)
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for unit in units:
        w = sum(advance(ch) for ch in unit) if len(unit) > 1 else advance(unit)
        if line and used + w > width and not unit.isspace():
            carry: list[str] = []
            if unit in NO_LINE_START and len(line) > 1:
                carry.insert(0, line.pop())  # take the character before it along
            while len(line) > 1 and line[-1] in NO_LINE_END:
                carry.insert(0, line.pop())
            lines.append("".join(line).rstrip())
            line = carry
            used = sum(advance(u) for u in line)
        if not line and unit.isspace():
            continue  # no blank at the start of a wrapped line
        line.append(unit)
        used += w
    if line:
        lines.append("".join(line).rstrip())
    return lines


# --- building the rows of one project -------------------------------------------------------


def _header_rows(form: DetailForm) -> list[_Row]:
    cols = HEADER_COLUMNS

    def label(col: int, text: str, span: int = 1, merge: object = None) -> _Cell:
        return _Cell(col, text, span, CENTER, label=True, merge=merge)

    def pair(key: str, col: int, span: int) -> list[_Cell]:
        text, value = form.header[key]
        return [label(col, text), _Cell(col + 1, value, span)]

    if form.self_evaluation:
        return _self_evaluation_header(form, label, pair)
    if form.department:
        return _department_header(form, label, pair)
    rows = []
    if form.value("code"):
        rows.append(_Row(cols, [*pair("name", 0, 2), *pair("code", 3, 1)]))
    else:
        rows.append(_Row(cols, pair("name", 0, 4)))
    rows.append(_Row(cols, [*pair("department", 0, 2), *pair("implementing_unit", 3, 1)]))
    rows.append(_Row(cols, [*pair("attribute", 0, 2), *pair("period", 3, 1)]))
    for line in form.money:
        rows.append(_Row(cols, [
            label(0, MONEY_LABEL, merge="funds"), label(1, line.midterm_label),
            _Cell(2, format_money(line.midterm), align=RIGHT), label(3, line.annual_label),
            _Cell(4, format_money(line.annual), align=RIGHT)], keep_with_next=True))
    rows[-1].keep_with_next = False
    (midterm_label, midterm), (annual_label, annual) = form.goals
    rows.append(_Row(cols, [label(0, GOALS_LABEL, merge="goal"), label(1, midterm_label, 2),
                            label(3, annual_label, 2)], keep_with_next=True))
    rows.append(_Row(cols, [label(0, GOALS_LABEL, merge="goal"),
                            _Cell(1, midterm, 2, top=True),
                            _Cell(3, annual, 2, top=True)], min_height=14.0))
    return rows


def _self_evaluation_header(form: DetailForm, label, pair) -> list[_Row]:
    """A 自评表's label block: 项目名称; 主管部门 | 实施单位; the funding block (年初预算数 |
    全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 per row); 年度总体目标 as 预期目标 | 实际完成情况."""
    cols = HEADER_COLUMNS
    rows = [_Row(cols, pair("name", 0, 4)),
            _Row(cols, [*pair("department", 0, 2), *pair("implementing_unit", 3, 1)])]
    funds = EXECUTION_COLUMNS
    rows.append(_Row(funds, [label(0, MONEY_LABEL, merge="funds"), label(1, ""),
                             *(label(i, text) for i, text in enumerate(EXECUTION_HEADINGS, 2))],
                     keep_with_next=True))
    for line in form.execution:
        points = (line.weight, line.rate, line.score) if line is form.execution[0] else \
            ("—", "—", "—")
        rows.append(_Row(funds, [
            label(0, MONEY_LABEL, merge="funds"), label(1, line.label),
            *(_Cell(i, format_money(v), align=RIGHT) for i, v in enumerate(
                (line.initial, line.budget, line.executed), 2)),
            *(_Cell(i, _cell_text(v), align=CENTER) for i, v in enumerate(points, 5))],
            keep_with_next=True))
    rows[-1].keep_with_next = False
    (goal_label, goal), (actual_label, actual) = form.goals
    rows.append(_Row(cols, [label(0, SELF_GOAL_LABEL, merge="goal"), label(1, goal_label, 2),
                            label(3, actual_label, 2)], keep_with_next=True))
    rows.append(_Row(cols, [label(0, SELF_GOAL_LABEL, merge="goal"), _Cell(1, goal, 2, top=True),
                            _Cell(3, actual, 2, top=True)], min_height=14.0))
    return rows


def _department_header(form: DetailForm, label, pair) -> list[_Row]:
    """A 部门整体 form's label block: 部门（单位）名称 | 部门预算编码; 部门职能职责概述; the 年度预算安排
    line; the 年度主要任务 with their two-row heading and the 金额合计 row; 年度总体目标; and the
    title row of the 年度绩效指标 grid (its labels wider: 部门职能职责概述 on one line)."""
    cols = DEPARTMENT_HEADER_COLUMNS
    rows = [_Row(cols, [*pair("name", 0, 2), *pair("budget_code", 3, 1)]),
            _Row(cols, pair("duties", 0, 4), min_height=10.0)]
    budget = [label(0, DEPARTMENT_BUDGET_LABEL)]
    for n, (text, amount) in enumerate(form.split):
        budget += [label(1 + 2 * n, text), _Cell(2 + 2 * n, format_money(amount), align=RIGHT)]
    rows.append(_Row(BUDGET_COLUMNS, budget))
    rows.append(_Row(TASK_COLUMNS, [label(0, TASKS_LABEL, len(TASK_COLUMNS))],
                     keep_with_next=True))
    upper, lower = [], []
    for col, (name, heading) in enumerate(TASK_HEADINGS[:4]):
        upper.append(label(col, heading, merge=("task heading", name)))
        lower.append(label(col, heading, merge=("task heading", name)))
    upper.append(label(4, TASK_AMOUNT_LABEL, 3))
    lower += [label(col, heading) for col, (_name, heading) in enumerate(TASK_HEADINGS[4:], 4)]
    rows += [_Row(TASK_COLUMNS, upper, font="grid", keep_with_next=True),
             _Row(TASK_COLUMNS, lower, font="grid", keep_with_next=True)]
    for task in form.tasks:
        rows.append(_Row(TASK_COLUMNS, [
            _Cell(col, format_money(task[name]) if name in form.task_sums else
                  str(task[name] or ""), align=RIGHT if name in form.task_sums else LEFT)
            for col, (name, _heading) in enumerate(TASK_HEADINGS)], font="grid"))
    if not form.tasks:
        rows.append(_Row(TASK_COLUMNS, [_Cell(0, EMPTY_TASKS, len(TASK_COLUMNS), CENTER)],
                         font="grid"))
    rows.append(_Row(TASK_COLUMNS, [label(0, TASK_SUM_LABEL, 4), *(
        _Cell(col, format_money(form.task_sums.get(name)), align=RIGHT)
        for col, (name, _heading) in enumerate(TASK_HEADINGS[4:], 4))], font="grid"))
    ((goal_label, goal),) = form.goals
    rows.append(_Row(cols, [label(0, goal_label), _Cell(1, goal, 4, top=True)],
                     min_height=14.0))
    rows.append(_Row(DEPARTMENT_GRID_COLUMNS, [label(0, INDICATORS_LABEL,
                                                     len(DEPARTMENT_GRID_COLUMNS))],
                     keep_with_next=True))
    return rows


def _grid_columns(form: DetailForm) -> tuple[float, ...]:
    if form.department:
        return DEPARTMENT_GRID_COLUMNS
    return SELF_GRID_COLUMNS if form.self_evaluation else GRID_COLUMNS


def _grid_heading(form: DetailForm) -> _Row:
    return _Row(_grid_columns(form), [_Cell(i, text, align=CENTER, label=True)
                                      for i, (_field, text) in enumerate(form.grid_headings)],
                font="grid", keep_with_next=True)


# How each grid column's text sits: names, explanations and reasons ranged left, the rest centred.
_LEFT_FIELDS = frozenset({"name", "explanation", "shortfall"})


def _cell_text(value: object) -> str:
    """A grid cell as printed: a 分值 or 得分 as the number it is (``10``, ``9.5``)."""
    if isinstance(value, Decimal):
        return format_number(value)
    return str(value or "")


def _grid_rows(form: DetailForm) -> list[_Row]:
    columns = _grid_columns(form)
    if not form.grid:
        rows = [_Row(columns, [_Cell(0, EMPTY_GRID, span=len(columns), align=CENTER)],
                     font="grid", min_height=10.0)]
    else:
        rows = []
        for grid in form.grid:
            cells = []
            for col, (field_name, _text) in enumerate(form.grid_headings):
                run = grid.run(field_name)
                cells.append(_Cell(col, _cell_text(grid.cells[field_name]),
                                   align=LEFT if field_name in _LEFT_FIELDS else CENTER,
                                   merge=None if run is None else (field_name, run)))
            rows.append(_Row(columns, cells, font="grid"))
    if form.totals is not None:  # a 自评表's 总分: the sums of 分值 and 得分 under their columns
        fields = [f for f, _text in form.grid_headings]
        weight_col = fields.index("weight")
        cells = [_Cell(0, TOTAL_LABEL, span=weight_col, align=CENTER, label=True)]
        for col, total in enumerate(form.totals, weight_col):
            cells.append(_Cell(col, _cell_text(total), align=CENTER))
        rest = weight_col + len(form.totals)
        if rest < len(columns):
            cells.append(_Cell(rest, "", span=len(columns) - rest))
        rows.append(_Row(columns, cells, font="grid"))
    return rows


def _footer_rows(form: DetailForm) -> list[_Row]:
    if not form.footer:  # a 自评表 has no 填报人 line and no 审核意见
        return []

    def label(col: int, text: str) -> _Cell:
        return _Cell(col, text, align=CENTER, label=True)

    cells = []
    for n, (text, value) in enumerate(form.footer):
        cells += [label(2 * n, text), _Cell(2 * n + 1, value, align=CENTER)]
    signer = _Row(FOOTER_COLUMNS, cells, keep_with_next=True, min_height=9.0)
    review = _Row(FOOTER_COLUMNS, [label(0, REVIEW_LABEL), _Cell(1, "", span=5)],
                  min_height=REVIEW_H, review=True)
    return [signer, review]


# --- layout: rows measured, then split into pages -------------------------------------------


class _Layout:
    """Pages of one project."""

    TITLE_H = 11.0
    SUBTITLE_H = 7.0
    CONTINUED_H = 10.0

    def __init__(self, ts: _Typesetter) -> None:
        self.ts = ts

    def measure(self, row: _Row, *, merged_per_row: bool = False) -> _Row:
        """Break each cell's text into lines and set the row's height. A merged cell counts
        only with ``merged_per_row`` (indicator rows: a page may break inside a merged
        category, which is then repeated beside the rows on each page and must fit there);
        otherwise :meth:`_fit_merged` sizes it over its group."""
        line_h = self.ts.line_h[row.font]
        height = row.min_height
        for cell in row.cells:
            width = sum(row.columns[cell.col: cell.col + cell.span]) - 2 * PAD_X
            cell.lines = self.ts.wrap(row.font, cell.text, width) if cell.text else []
            if cell.merge is not None and not merged_per_row:
                continue
            height = max(height, len(cell.lines) * line_h + 2 * PAD_Y)
        row.height = height
        return row

    def pages(self, form: DetailForm) -> list[_Page]:
        header = [self.measure(r) for r in _header_rows(form)]
        self._fit_merged(header)
        heading = self.measure(_grid_heading(form))
        grid = [self.measure(r, merged_per_row=True) for r in _grid_rows(form)]
        footer = [self.measure(r) for r in _footer_rows(form)]

        pages: list[_Page] = []
        page = _Page(form, first=True)
        pages.append(page)
        y = MARGIN_TOP + self.TITLE_H + self.SUBTITLE_H

        def new_page(with_heading: bool) -> None:
            nonlocal page, y
            page = _Page(form)
            pages.append(page)
            y = MARGIN_TOP + self.CONTINUED_H
            if with_heading:
                page.rows.append((y, heading))
                y += heading.height

        def place(rows: Sequence[_Row], *, in_grid: bool) -> None:
            nonlocal y
            index = 0
            while index < len(rows):
                row = rows[index]
                # a row and the rows it must stay with
                group = [row]
                while group[-1].keep_with_next and index + len(group) < len(rows):
                    group.append(rows[index + len(group)])
                need = sum(r.height for r in group)
                if y + need <= BOTTOM:
                    for r in group:
                        page.rows.append((y, r))
                        y += r.height
                    index += len(group)
                    continue
                fresh = MARGIN_TOP + self.CONTINUED_H + (heading.height if in_grid else 0)
                if fresh + need <= BOTTOM or not self._splittable(row):
                    if y > fresh:  # there is something on this page already: go on on the next
                        new_page(in_grid)
                        continue
                # taller than a whole page: split the first row at the page's end
                room = BOTTOM - y
                first, rest = self._split(row, room)
                if first is None:
                    new_page(in_grid)
                    continue
                page.rows.append((y, first))
                y += first.height
                rows = [*rows[:index], rest, *rows[index + 1:]]
                new_page(in_grid)

        place(header, in_grid=False)
        # the grid heading must not stand alone at the bottom of a page
        if y + heading.height + grid[0].height > BOTTOM:
            new_page(False)
        page.rows.append((y, heading))
        y += heading.height
        place(grid, in_grid=True)
        footer_gap = 3.0
        if y + footer_gap + sum(r.height for r in footer) > BOTTOM:
            new_page(False)
        y += footer_gap
        place(footer, in_grid=False)

        for number, each in enumerate(pages, 1):
            each.number, each.count = number, len(pages)
        return pages

    def _fit_merged(self, rows: list[_Row]) -> None:
        """Grow a merged group's last row when the merged cell's text needs more room."""
        groups: dict[tuple[int, object], list[_Row]] = {}
        for row in rows:
            for cell in row.cells:
                if cell.merge is not None:
                    groups.setdefault((cell.col, cell.merge), []).append(row)
        for (col, key), members in groups.items():
            cell = next(c for c in members[0].cells if c.col == col)
            width = sum(members[0].columns[col: col + cell.span]) - 2 * PAD_X
            need = len(self.ts.wrap(members[0].font, cell.text, width)) \
                * self.ts.line_h[members[0].font] + 2 * PAD_Y
            total = sum(r.height for r in members)
            if need > total:
                members[-1].height += need - total
            for row in members:  # merged label text is measured for the group, not per row
                for c in row.cells:
                    if c.col == col and c.merge == key:
                        c.lines = self.ts.wrap(row.font, c.text, width)

    @staticmethod
    def _splittable(row: _Row) -> bool:
        return any(len(c.lines) > 1 for c in row.cells if c.merge is None)

    def _split(self, row: _Row, room: float) -> tuple[_Row | None, _Row]:
        """The part of ``row`` that fits in ``room`` millimetres, and the rest."""
        line_h = self.ts.line_h[row.font]
        fit = int((room - 2 * PAD_Y) // line_h)
        if fit < 1:
            return None, row
        first_cells, rest_cells = [], []
        for cell in row.cells:
            if cell.merge is not None:  # a merged label shows on both parts
                first_cells.append(replace(cell))
                rest_cells.append(replace(cell))
                continue
            first_cells.append(replace(cell, lines=cell.lines[:fit], top=True))
            rest_cells.append(replace(cell, lines=cell.lines[fit:], top=True))
        first = replace(row, cells=first_cells, keep_with_next=False, min_height=0.0,
                        height=fit * line_h + 2 * PAD_Y)
        rest_lines = max((len(c.lines) for c in rest_cells if c.merge is None), default=0)
        rest = replace(row, cells=rest_cells, min_height=0.0,
                       height=max(MIN_ROW_H, rest_lines * line_h + 2 * PAD_Y))
        return first, rest


# --- painting -------------------------------------------------------------------------------


class _Painter:
    def __init__(self, painter: QPainter, ts: _Typesetter) -> None:
        self.p = painter
        self.ts = ts
        self.mm = ts.mm
        self.line_pen = QPen(QColor("black"), self.mm(LINE_PEN_MM))
        self.frame_pen = QPen(QColor("black"), self.mm(FRAME_PEN_MM))
        self.text_pen = QPen(QColor("black"))

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))

    def text(self, font: str, x: float, y: float, w: float, h: float, text: str,
             align: Qt.AlignmentFlag = LEFT, colour: QColor | None = None) -> None:
        self.p.setFont(self.ts.fonts[font])
        self.p.setPen(colour or QColor("black"))
        flags = align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        self.p.drawText(self.rect(x, y, w, h), int(flags), text)

    def page(self, page: _Page) -> None:
        form = page.form
        if page.first:
            self.text("title", MARGIN_X, MARGIN_TOP, CONTENT_W, _Layout.TITLE_H,
                      form.title + form.year_line, CENTER)
            sub_y = MARGIN_TOP + _Layout.TITLE_H
            if not form.self_evaluation:  # (a 自评表 names its 实施单位 in the label block)
                self.text("subtitle", MARGIN_X, sub_y, CONTENT_W * 0.75, _Layout.SUBTITLE_H,
                          f"{UNIT_LINE_LABEL}：{form.unit_line}")
            self.text("subtitle", MARGIN_X, sub_y, CONTENT_W, _Layout.SUBTITLE_H,
                      MONEY_NOTE, RIGHT)
        else:
            name_label, name = form.header["name"]
            self.text("small", MARGIN_X, MARGIN_TOP, CONTENT_W * 0.8, _Layout.CONTINUED_H,
                      f"{form.title}（续）  {name_label}：{name}")
        self.rows(page.rows)
        self.text("small", MARGIN_X, PAGE_H - MARGIN_BOTTOM - PAGE_NUMBER_H + 1, CONTENT_W,
                  PAGE_NUMBER_H, f"第 {page.number} 页，共 {page.count} 页", CENTER,
                  QColor("#444444"))
        self.text("small", MARGIN_X, PAGE_H - MARGIN_BOTTOM - PAGE_NUMBER_H + 1, CONTENT_W,
                  PAGE_NUMBER_H, f"PerfDesk {__version__}", RIGHT, QColor("#999999"))

    def rows(self, placed: list[tuple[float, _Row]]) -> None:
        # merged cells: one [top, bottom, cell, row, x, w] per run of consecutive rows
        current: dict[tuple[int, object], list] = {}
        merged: list[list] = []
        tables: list[list[float]] = []  # [top, bottom, width] of each run of one table
        previous_columns = None
        for y, row in placed:
            if tables and row.columns == previous_columns and abs(tables[-1][1] - y) < 1e-6:
                tables[-1][1] = y + row.height
            else:
                tables.append([y, y + row.height, sum(row.columns)])
            previous_columns = row.columns
            for cell in row.cells:
                x = MARGIN_X + sum(row.columns[: cell.col])
                w = sum(row.columns[cell.col: cell.col + cell.span])
                if cell.merge is not None:
                    key = (cell.col, cell.merge)
                    run = current.get(key)
                    if run is not None and abs(run[1] - y) < 1e-6:
                        run[1] = y + row.height
                    else:
                        current[key] = run = [y, y + row.height, cell, row, x, w]
                        merged.append(run)
                    continue
                self.cell(x, y, w, row.height, cell, row)
            if row.review:
                self.review_box(row, y)
        for top, bottom, cell, row, x, w in merged:
            self.cell(x, top, w, bottom - top, cell, row)
        self.p.setPen(self.frame_pen)
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        for top, bottom, width in tables:
            self.p.drawRect(self.rect(MARGIN_X, top, width, bottom - top))

    def cell(self, x: float, y: float, w: float, h: float, cell: _Cell, row: _Row) -> None:
        box = self.rect(x, y, w, h)
        self.p.setPen(self.line_pen)
        self.p.setBrush(LABEL_FILL if cell.label else Qt.BrushStyle.NoBrush)
        self.p.drawRect(box)
        if not cell.lines:
            return
        line_h = self.ts.line_h[row.font]
        self.p.setFont(self.ts.fonts[row.font])
        self.p.setPen(self.text_pen)
        text_h = len(cell.lines) * line_h
        top = y + PAD_Y if cell.top else y + (h - text_h) / 2
        baseline = top + self.ts.baseline[row.font]
        inner = w - 2 * PAD_X
        # a wrapped value or sentence reads better ranged left; labels stay centred
        align = cell.align if (len(cell.lines) == 1 or cell.label or cell.merge is not None) \
            else LEFT
        for n, line in enumerate(cell.lines):
            if not line:
                continue
            lx = x + PAD_X
            if align != LEFT:
                width = self.ts.advance(row.font, line)
                lx += (inner - width) / 2 if align == CENTER else inner - width
            self.p.drawText(QPointF(self.mm(lx), self.mm(baseline + n * line_h)), line)

    def review_box(self, row: _Row, y: float) -> None:
        """Lines for the reviewer's signature, the stamp and the date inside 审核意见."""
        x = MARGIN_X + row.columns[0]
        w = sum(row.columns[1:])
        bottom = y + row.height
        self.text("body", x + w - 95, bottom - 25, 90, 8, "审核人（签字）：", LEFT)
        self.text("body", x + w - 95, bottom - 15, 90, 8, "（盖章）", LEFT)
        self.text("body", x + w - 95, bottom - 15, 85, 8, "年    月    日", RIGHT)


# --- the public function --------------------------------------------------------------------


def write_projects_pdf(
    projects: Iterable[Project],
    path: str | Path,
    *,
    year: int,
    filled_by: str = "",
    phone: str = "",
    date: _dt.date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the detailed form of each project to one PDF (each project from a new page).

    Args:
        projects: the projects, in the order their forms are printed.
        path: the PDF to write; replaced only once the new one is complete.
        year: the budget year (预算年度) in the title.
        filled_by, phone: 填报人 and 联系电话 for the footer (blank lines when empty).
        date: 填报日期 (today when not given).
        progress: ``progress(done, total)`` after each project; it may raise Cancelled, and
            then nothing is written.

    Returns:
        the path written.

    Raises:
        PerfDeskError: nothing to print, the folder missing or not writable, the file open in
            another program (a PDF reader on Windows locks it), the disk full.
        Cancelled: the clerk cancelled (the target is left as it was).
    """
    projects = list(projects)
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    if not projects:
        raise PerfDeskError("没有要输出的项目。", "There are no projects to write.")
    folder = target.parent
    if not folder.is_dir():
        raise PerfDeskError("文件夹不存在，请另选保存位置。",
                            "The folder does not exist; choose another place.", file=folder)
    signed = Signature(filled_by, phone, date or _dt.date.today())
    temp = folder / f".{target.stem}.{_uuid.uuid4().hex[:8]}.pdf.part"
    try:
        temp.touch(exist_ok=False)
    except OSError as error:
        raise _write_error(error, target) from error
    try:
        _paint(projects, temp, year=year, signed=signed,
               progress=progress, target=target)
        try:
            os.replace(temp, target)
        except OSError as error:
            raise _write_error(error, target) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return target


def _paint(projects: list[Project], temp: Path, *, year: int,
           signed: Signature, progress: Progress | None,
           target: Path) -> None:
    writer = QPdfWriter(str(temp))
    writer.setResolution(DPI)
    writer.setTitle(TITLE_FORMAT.format(year=year))
    writer.setCreator(f"PerfDesk {__version__}")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise PerfDeskError("无法创建 PDF 文件，请检查保存位置是否可写。",
                            "Cannot create the PDF; check that the folder is writable.",
                            file=target)
    ok = False
    try:
        ts = _Typesetter(writer)
        layout = _Layout(ts)
        paint = _Painter(painter, ts)
        first = True
        total = len(projects)
        for done, project in enumerate(projects):
            if progress is not None:
                progress(done, total)
            form = detail_form(project, year=year, signed=signed)
            for page in layout.pages(form):
                if not first and not writer.newPage():
                    raise PerfDeskError("写入 PDF 失败（磁盘可能已满）。",
                                        "Writing the PDF failed (the disk may be full).",
                                        file=target)
                first = False
                paint.page(page)
        if progress is not None:
            progress(total, total)
        ok = True
    finally:
        ended = painter.end()
    if ok and not ended:
        raise PerfDeskError("写入 PDF 失败（磁盘可能已满）。",
                            "Writing the PDF failed (the disk may be full).", file=target)
    if ok and temp.stat().st_size == 0:
        raise PerfDeskError("写入 PDF 失败（磁盘可能已满）。",
                            "Writing the PDF failed (the disk may be full).", file=target)


def _write_error(error: OSError, target: Path) -> PerfDeskError:
    if isinstance(error, PermissionError):
        if target.exists():
            return PerfDeskError(
                "无法替换这个文件：它可能正被其他程序（如 PDF 阅读器）打开，或没有写入权限。"
                "请关闭该文件后重试，或换一个文件名。",
                "Cannot replace this file: it may be open in another program (such as a PDF "
                "reader) or not writable. Close it and try again, or choose another name.",
                file=target)
        return PerfDeskError("没有在这个文件夹中写入的权限，请另选保存位置。",
                             "No permission to write in this folder; choose another place.",
                             file=target)
    if getattr(error, "errno", None) == 28:  # ENOSPC
        return PerfDeskError("磁盘空间不足，PDF 没有写入。", "The disk is full; the PDF was not "
                             "written.", file=target)
    return PerfDeskError(f"无法写入 PDF：{error.strerror or error}",
                         f"Cannot write the PDF: {error.strerror or error}", file=target)
