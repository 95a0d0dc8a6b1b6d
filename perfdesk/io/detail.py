"""The detailed form 项目支出绩效目标申报表: one project per sheet, read and written.

Writing fills the template workbook shipped in ``resources/templates/detail_template.xlsx``.
Everything about the look (texts, fonts, borders, merged cells, widths, heights, print setup)
comes from the template; the places to fill are found through its defined names (``PD_NAME``,
``PD_ANNUAL_TOTAL``, ``PD_GRID_HEAD``, ``PD_GRID_ROW`` …) and the grid's columns through their
heading texts, so an office may restyle or rearrange the template without touching code. The
indicator rows are written in place of the template's prototype row, with level 1 and level 2
merged down over their runs, and everything below moves down.

Reading accepts forms filled by hand (domain.md §5.2 and local variants): labels are found by
their text wherever they are (项目名称, 主管部门, 实施单位, 项目期, the funding block with
中期/年度 columns or the 一般公共预算/政府性基金/国有资本经营预算 split), the value is the cell
right of the label (or below it for column-style blocks), and the indicator grid is found by its
heading row (一级指标 … with variants such as 指标值及单位, 绩效标准, 指标值类型, 评(扣)分标准,
备注, in simplified or traditional characters). Merged or blank level-1/level-2 cells carry down.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.properties import PageSetupProperties

from perfdesk.core.errors import PerfDeskError
from perfdesk.core.i18n import Text
from perfdesk.core.severity import HINT
from perfdesk.io import embedded, layouts, writing
from perfdesk.io.base import (
    Notice,
    Progress,
    ProgressCallback,
    cell_decimal,
    cell_text,
    read_attribute,
    reading_notices,
    split_code,
)
from perfdesk.io.department import read_block, task_sums, without_block
from perfdesk.io.detail_form import DetailForm, Signature, detail_form, form_layout, merged_spans
from perfdesk.io.layouts import GridHead
from perfdesk.io.sources import Sheet
from perfdesk.core.entry import IndicatorRowReader
from perfdesk.core.model import DEPARTMENT_WHOLE, SELF_EVALUATION, Indicator, Project
from perfdesk.core.paths import resource
from perfdesk.core.vocabulary import (
    FISCAL_SPLITS,
    MONEY_FIELDS,
    execution_heading,
    form_label,
    heading_key,
    indicator_column,
    is_goal_actual,
    is_money_note,
    is_submitter,
    label_tier,
    table_column,
    task_column,
    title_subject,
)
from perfdesk.core.taxonomy import DEFAULT_GRADES
from perfdesk.core.values import (Period, amount_in_text, format_number, named_amount,
                                  read_period, yuan_to_wan)

KIND = "detail"
TEMPLATE = ("templates", "detail_template.xlsx")
# a 绩效自评表's own form (detail_form.self_evaluation_form): its sheet is drawn from this one
SELF_TEMPLATE = ("templates", "self_evaluation_template.xlsx")
# a 部门整体 target's own form (detail_form.department_form), 88号's 部门整体支出绩效目标申报表
DEPARTMENT_TEMPLATE = ("templates", "department_template.xlsx")

MONEY = ("total", "fiscal", "other")


# --- the template ---------------------------------------------------------------------------


@dataclass(slots=True)
class Template:
    """What an export needs from the template, read once."""

    path: Path
    cells: list[tuple[int, int, object, str]]  # row, col, value, style key
    styles: dict[str, object]  # style key -> template cell (to copy its style)
    merges: list[tuple[int, int, int, int]]
    heights: dict[int, float]
    widths: dict[str, float]
    places: dict[str, tuple[int, int, int, int]]
    head_row: int
    grid_row: int
    grid_columns: list[tuple[int, str]]  # column, grid field
    grid_styles: dict[int, str]
    max_col: int
    max_row: int
    page: dict = field(default_factory=dict)
    # horizontal merges of the prototype grid row, repeated on every indicator's row
    grid_merges: list[tuple[int, int]] = field(default_factory=list)
    # a 部门整体 form's prototype task row (0: none) and the task field of each column
    task_row: int = 0
    task_columns: list[tuple[int, str]] = field(default_factory=list)
    _widths: dict = field(default_factory=dict)
    _styles_at: dict = field(default_factory=dict)
    _expanded: dict = field(default_factory=dict)

    def place(self, name: str) -> tuple[int, int]:
        r1, c1, _r2, _c2 = self.places[name]
        return r1, c1

    def width_of(self, c1: int, c2: int) -> float:
        key = (c1, c2)
        width = self._widths.get(key)
        if width is None:
            width = sum(self.widths.get(get_column_letter(c), 8.43) for c in range(c1, c2 + 1))
            self._widths[key] = width
        return width

    def styles_at(self, shift: int) -> dict[tuple[int, int], str]:
        """Style key of each template cell once the rows below the grid moved by ``shift``."""
        found = self._styles_at.get(shift)
        if found is None:
            grid_row = self.grid_row
            found = {(r + shift if r > grid_row else r, c): key for r, c, _v, key in self.cells}
            self._styles_at[shift] = found
        return found


REQUIRED_PLACES = ("PD_TITLE", "PD_NAME", "PD_DEPARTMENT", "PD_IMPLEMENTING_UNIT",
                   "PD_ATTRIBUTE", "PD_PERIOD", "PD_ANNUAL_TOTAL", "PD_ANNUAL_FISCAL",
                   "PD_ANNUAL_OTHER", "PD_ANNUAL_GOAL", "PD_GRID_HEAD", "PD_GRID_ROW")
# the 部门整体 form's: no 项目属性, 项目期 or 中期 column; the 年度预算安排 split, the tasks' rows
DEPARTMENT_REQUIRED_PLACES = ("PD_TITLE", "PD_NAME", "PD_ANNUAL_TOTAL", "PD_PROJECT_FUNDS",
                              "PD_BASIC_FUNDS", "PD_TASK_HEAD", "PD_TASK_ROW", "PD_ANNUAL_GOAL",
                              "PD_GRID_HEAD", "PD_GRID_ROW")
OPTIONAL_PLACES = ("PD_UNIT_LINE", "PD_CHECK", "PD_MIDTERM_TOTAL", "PD_MIDTERM_FISCAL",
                   "PD_MIDTERM_OTHER", "PD_MIDTERM_GOAL")
# the 自评表's: no 项目属性, 项目期 or 中期 column; the 总分 row's two sums under the grid
SELF_REQUIRED_PLACES = ("PD_TITLE", "PD_NAME", "PD_DEPARTMENT", "PD_IMPLEMENTING_UNIT",
                        "PD_ANNUAL_TOTAL", "PD_ANNUAL_FISCAL", "PD_ANNUAL_OTHER",
                        "PD_ANNUAL_GOAL", "PD_GRID_HEAD", "PD_GRID_ROW", "PD_TOTAL_WEIGHT",
                        "PD_TOTAL_SCORE", "PD_GOAL_ACTUAL", "PD_INITIAL_TOTAL",
                        "PD_INITIAL_FISCAL", "PD_INITIAL_OTHER", "PD_EXECUTED_TOTAL",
                        "PD_EXECUTED_FISCAL", "PD_EXECUTED_OTHER", "PD_FUNDS_WEIGHT",
                        "PD_FUNDS_RATE", "PD_FUNDS_SCORE")


def load_template(path: Path | None = None, *, kind: str = "") -> Template:
    """The template of a project of ``kind``: the 申报表's (``path`` when given) or, for a
    绩效自评表, the 自评表's."""
    if kind == SELF_EVALUATION:
        path = resource(*SELF_TEMPLATE)
        return _load_template(str(path), path.stat().st_mtime_ns if path.exists() else 0,
                              SELF_REQUIRED_PLACES, "s")
    if kind == DEPARTMENT_WHOLE:
        path = resource(*DEPARTMENT_TEMPLATE)
        return _load_template(str(path), path.stat().st_mtime_ns if path.exists() else 0,
                              DEPARTMENT_REQUIRED_PLACES, "d")
    path = Path(path) if path is not None else resource(*TEMPLATE)
    return _load_template(str(path), path.stat().st_mtime_ns if path.exists() else 0,
                          REQUIRED_PLACES, "")


@lru_cache(maxsize=4)
def _load_template(path_text: str, _mtime: int, required: tuple[str, ...],
                   prefix: str) -> Template:
    """The template at ``path_text``; its style keys start with ``prefix`` (two templates'
    styles live in one workbook)."""
    path = Path(path_text)
    if not path.exists():
        raise PerfDeskError("找不到申报表模板文件，请重新安装 PerfDesk。",
                            "The detailed-form template is missing; reinstall PerfDesk.",
                            file=path)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    places = {}
    for name, defined in wb.defined_names.items():
        for sheet_title, ref in defined.destinations:
            if sheet_title == ws.title:
                c1, r1, c2, r2 = range_boundaries(ref.replace("$", ""))
                places[name] = (r1, c1, r2, c2)
    missing = [p for p in required if p not in places]
    if missing:
        raise PerfDeskError(f"申报表模板缺少名称 {', '.join(missing)}，无法导出。",
                            f"The detailed-form template lacks the names {', '.join(missing)}; "
                            "it cannot be used.", file=path)
    head_row = places["PD_GRID_HEAD"][0]
    grid_row = places["PD_GRID_ROW"][0]
    if grid_row != head_row + 1:
        raise PerfDeskError("申报表模板中 PD_GRID_ROW 应紧接在 PD_GRID_HEAD 下一行。",
                            "In the template PD_GRID_ROW must be the row right below "
                            "PD_GRID_HEAD.", file=path)
    cells, styles = [], {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.row == grid_row:
                continue
            if cell.has_style or cell.value is not None:
                key = f"{prefix}t{cell.row}_{cell.column}"
                styles[key] = cell
                cells.append((cell.row, cell.column, cell.value, key))
    grid_columns, grid_styles = [], {}
    r1, c1, _r2, c2 = places["PD_GRID_HEAD"]
    for col in range(c1, c2 + 1):
        heading = ws.cell(head_row, col).value
        grid_field = indicator_column(heading, combined=True)
        if grid_field:
            grid_columns.append((col, grid_field))
        key = f"{prefix}g{col}"
        styles[key] = ws.cell(grid_row, col)
        grid_styles[col] = key
    merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges
              if not (m.min_row <= grid_row <= m.max_row)]
    grid_merges = [(m.min_col, m.max_col) for m in ws.merged_cells.ranges
                   if m.min_row == m.max_row == grid_row]
    task_row, task_columns = 0, []
    if "PD_TASK_ROW" in places:  # each column's task field: its lowest heading names it
        task_row = places["PD_TASK_ROW"][0]
        h1, hc1, h2, hc2 = places["PD_TASK_HEAD"]
        for col in range(hc1, hc2 + 1):
            named = [task_column(ws.cell(r, col).value) for r in range(h2, h1 - 1, -1)]
            if any(named):
                task_columns.append((col, next(n for n in named if n)))
    setup = ws.page_setup
    page = dict(orientation=setup.orientation, paperSize=setup.paperSize,
                fitToWidth=setup.fitToWidth, fitToHeight=setup.fitToHeight,
                fit=bool(ws.sheet_properties.pageSetUpPr and
                         ws.sheet_properties.pageSetUpPr.fitToPage),
                centered=ws.print_options.horizontalCentered,
                margins=(ws.page_margins.left, ws.page_margins.right, ws.page_margins.top,
                         ws.page_margins.bottom),
                gridlines=ws.sheet_view.showGridLines)
    return Template(
        path=path, cells=cells, styles=styles, merges=merges,
        heights={r: d.height for r, d in ws.row_dimensions.items() if d.height},
        widths={k: d.width for k, d in ws.column_dimensions.items() if d.width},
        places=places, head_row=head_row, grid_row=grid_row, grid_columns=grid_columns,
        grid_styles=grid_styles, max_col=ws.max_column, max_row=ws.max_row, page=page,
        grid_merges=grid_merges, task_row=task_row, task_columns=task_columns)


def with_task_rows(t: Template, count: int) -> Template:
    """The template with its prototype task row repeated ``count`` times (at least once) and
    everything below moved down: a 部门整体 target's sheet, whose indicator grid then grows
    as on every form. Made once per number of tasks."""
    extra = max(count, 1) - 1
    if not t.task_row or not extra:
        return t
    found = t._expanded.get(extra)
    if found is not None:
        return found
    row = t.task_row

    def moved(r: int) -> int:
        return r + extra if r > row else r

    cells = []
    for r, c, v, key in t.cells:
        if r == row:
            cells.extend((row + k, c, v, key) for k in range(extra + 1))
        else:
            cells.append((moved(r), c, v, key))
    merges = []
    for r1, c1, r2, c2 in t.merges:
        if r1 == r2 == row:
            merges.extend((row + k, c1, row + k, c2) for k in range(extra + 1))
        else:
            merges.append((r1 if r1 <= row else moved(r1), c1, moved(r2), c2))
    heights = {moved(r): h for r, h in t.heights.items()}
    if row in t.heights:
        heights.update({row + k: t.heights[row] for k in range(extra + 1)})
    places = {name: (moved(r1), c1, moved(r2), c2) for name, (r1, c1, r2, c2) in t.places.items()}
    found = dataclasses.replace(
        t, cells=cells, merges=merges, heights=heights, places=places,
        head_row=moved(t.head_row), grid_row=moved(t.grid_row), max_row=moved(t.max_row),
        _widths={}, _styles_at={}, _expanded={})
    t._expanded[extra] = found
    return found


# --- writing --------------------------------------------------------------------------------


def sheet_name(index: int, name: str, used: set[str]) -> str:
    """``<n>-<project name>``: at most 31 characters, none Excel forbids, unique."""
    base = re.sub(r"[\[\]:*?/\\'\s]+", " ", name).strip() or "项目"
    title = f"{index}-{base}"[:31]
    while title in used:
        index += 100000
        title = f"{index}-{base}"[:31]
    used.add(title)
    return title


def _styles(workbook: Workbook, template: Template) -> writing.Styles:
    styles = writing.Styles(workbook)
    for key, cell in template.styles.items():
        styles.define_from(key, cell)
    return styles


def _line_height(text: str, width: float) -> float:
    return writing.text_lines(text, width) * 14.5 + 8


def export(projects: Iterable[Project], path: Path, *, year: int,
           signed: Signature = Signature(), progress: ProgressCallback | None = None,
           template_path: Path | None = None) -> Path:
    """Write one sheet per project (an empty form when there are none) and the embedded data,
    atomically; see :func:`perfdesk.io.export_detail`."""
    target = writing.check_target(path)
    projects = projects if isinstance(projects, list) else list(projects)
    tracker = Progress(progress, len(projects))
    wb = workbook(projects, year=year, signed=signed, progress=progress,
                  template_path=template_path)
    result = writing.save_atomically(wb, target)
    tracker.finish()
    return result


def workbook(projects: Iterable[Project], *, year: int, signed: Signature = Signature(),
             progress: ProgressCallback | None = None, template_path: Path | None = None,
             extra_sheets=None) -> Workbook:
    """The 申报表 workbook in memory (one sheet per project and the embedded data), for
    :func:`export` or a submission to save; ``extra_sheets(wb, styles)`` adds sheets of the
    caller's before the embedded data. A 绩效自评表 is written on the 自评表's own template, a
    部门整体 target on the 部门整体支出绩效目标申报表's (``template_path`` is the 申报表's)."""
    template = load_template(template_path)
    projects = projects if isinstance(projects, list) else list(projects)
    wb = Workbook(write_only=True)
    styles = _styles(wb, template)
    frame = sheet_frame(template)
    own: dict[str, tuple[Template, tuple[bytes, bytes]]] = {"": (template, frame)}

    def template_of(project: Project) -> tuple[Template, tuple[bytes, bytes]]:
        kind = form_layout(project)
        if kind not in own:
            other = load_template(kind=kind)
            for key, cell in other.styles.items():
                styles.define_from(key, cell)
            own[kind] = (other, sheet_frame(other))
        found, frame = own[kind]
        return with_task_rows(found, len(project.tasks)), frame

    tracker = Progress(progress, len(projects))
    tracker.start()
    used: set[str] = {embedded.SHEET_NAME}
    entries = []
    for index, project in enumerate(projects, 1):
        title = sheet_name(index, project.name, used)
        sheet_template, sheet_frame_xml = template_of(project)
        cells = write_sheet(wb, styles, sheet_template, project, title, year=year,
                            frame=sheet_frame_xml, signed=signed)
        entries.append(embedded.Entry(embedded.cells_hash(cells), title,
                                      embedded.project_record(project)))
        tracker.advance()
    if not projects:
        write_sheet(wb, styles, template, Project(), "申报表", year=year, frame=frame)
    if extra_sheets is not None:
        extra_sheets(wb, styles, entries)
    embedded.add_payload_sheet(wb, styles, KIND, entries)
    return wb


# Where each part of the form's content goes: template place → header field.
HEADER_PLACES = {"PD_NAME": "name", "PD_CODE": "code", "PD_DEPARTMENT": "department",
                 "PD_IMPLEMENTING_UNIT": "implementing_unit", "PD_ATTRIBUTE": "attribute",
                 "PD_PERIOD": "period", "PD_BUDGET_CODE": "budget_code",
                 "PD_DUTIES": "duties"}
# a 部门整体 form's 年度预算安排 (detail_form.DetailForm.split) and 金额合计 row
SPLIT_PLACES = ("PD_ANNUAL_TOTAL", "PD_PROJECT_FUNDS", "PD_BASIC_FUNDS")
TASK_SUM_PLACES = {"PD_TASK_TOTAL": "total", "PD_TASK_FISCAL": "fiscal",
                   "PD_TASK_OTHER": "other"}
MONEY_PLACES = (("PD_MIDTERM_TOTAL", "PD_ANNUAL_TOTAL"), ("PD_MIDTERM_FISCAL", "PD_ANNUAL_FISCAL"),
                ("PD_MIDTERM_OTHER", "PD_ANNUAL_OTHER"))
GOAL_PLACES = ("PD_MIDTERM_GOAL", "PD_ANNUAL_GOAL")
SELF_GOAL_PLACES = ("PD_ANNUAL_GOAL", "PD_GOAL_ACTUAL")
# a 自评表's funding block: each row's 年初预算数 and 全年执行数 (its 全年预算数 is MONEY_PLACES'
# annual column), the 年度资金总额 row's 分值, 执行率 and 得分
EXECUTION_PLACES = (("PD_INITIAL_TOTAL", "PD_EXECUTED_TOTAL"),
                    ("PD_INITIAL_FISCAL", "PD_EXECUTED_FISCAL"),
                    ("PD_INITIAL_OTHER", "PD_EXECUTED_OTHER"))
POINTS_PLACES = ("PD_FUNDS_WEIGHT", "PD_FUNDS_RATE", "PD_FUNDS_SCORE")
TOTAL_PLACES = ("PD_TOTAL_WEIGHT", "PD_TOTAL_SCORE")
FOOTER_PLACES = ("PD_FILLED_BY", "PD_PHONE", "PD_FILLED_DATE")


def sheet_values(t: Template, form: DetailForm) -> tuple[dict[tuple[int, int], object], int]:
    """The values of a project's sheet by (row, column), and how far the rows below the
    indicator grid moved down (one template row becomes one row per indicator)."""
    clean = writing.clean_text
    shift = max(len(form.grid), 1) - 1
    grid_row = t.grid_row

    def moved(row: int) -> int:
        return row + shift if row > grid_row else row

    values: dict[tuple[int, int], object] = {}
    # the form may name a label otherwise than the template (a department's 自评表:
    # 部门（单位）名称 where a project's has 项目名称)
    relabel = {"项目名称": form.header["name"][0]} if "name" in form.header else {}
    for r, c, v, _key in t.cells:
        if v is not None:
            v = relabel.get(v, v) if isinstance(v, str) else v
            values[(moved(r), c)] = clean(v) if isinstance(v, str) else v

    def put(place: str, value) -> None:
        if place in t.places and value not in (None, ""):
            r, c = t.place(place)
            values[(moved(r), c)] = clean(value) if isinstance(value, str) else value

    put("PD_TITLE", form.title)
    put("PD_YEAR", form.year_line)
    put("PD_UNIT_LINE", form.unit_line)
    for place, key in HEADER_PLACES.items():
        if key in form.header:  # (a 自评表's form has no 项目编码, 项目属性 or 项目期)
            put(place, form.value(key))
    for (midterm, annual), line in zip(MONEY_PLACES, form.money):
        put(midterm, line.midterm)
        put(annual, line.annual)
    for place, (_label, amount) in zip(SPLIT_PLACES, form.split):
        put(place, amount)
    for place, name in TASK_SUM_PLACES.items():
        if form.department:
            put(place, form.task_sums.get(name))
    for offset, task in enumerate(form.tasks):
        for col, name in t.task_columns:
            value = task.get(name)
            if value not in (None, ""):
                values[(t.task_row + offset, col)] = clean(value) if isinstance(value, str) \
                    else value
    one_goal = form.self_evaluation or form.department
    for place, (_label, text) in zip(SELF_GOAL_PLACES if one_goal else GOAL_PLACES, form.goals):
        put(place, text)
    for (initial, executed), line in zip(EXECUTION_PLACES, form.execution):
        put(initial, line.initial)
        put(executed, line.executed)
    if form.execution:
        first = form.execution[0]
        for place, value in zip(POINTS_PLACES, (first.weight, first.rate, first.score)):
            put(place, value)
    for place, total in zip(TOTAL_PLACES, form.totals or ()):
        put(place, total)
    for place, (_label, text) in zip(FOOTER_PLACES, form.footer):
        put(place, text)
    for offset, grid in enumerate(form.grid):
        row = grid_row + offset
        for col, grid_field in t.grid_columns:
            value = grid.cells[grid_field]
            if value not in (None, ""):
                values[(row, col)] = clean(value) if isinstance(value, str) else value
    return values, shift


def sheet_frame(t: Template) -> tuple[bytes, bytes]:
    """The XML around a project sheet's cells (columns, views, print setup), made once from a
    prototype sheet carrying the template's settings and shared by every project's sheet."""
    ws = Workbook(write_only=True).create_sheet("prototype")
    for letter, width in t.widths.items():
        ws.column_dimensions[letter].width = width
    page = t.page
    ws.page_setup.orientation = page["orientation"]
    ws.page_setup.paperSize = page["paperSize"]
    ws.page_setup.fitToWidth = page["fitToWidth"]
    ws.page_setup.fitToHeight = page["fitToHeight"]
    if page["fit"]:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = page["centered"]
    (ws.page_margins.left, ws.page_margins.right, ws.page_margins.top,
     ws.page_margins.bottom) = page["margins"]
    ws.sheet_view.showGridLines = page["gridlines"]
    return writing.sheet_frame(ws)


# A4 in points, and Excel's default row height.
_PAPER = {9: (595.3, 841.9), 8: (841.9, 1190.6), 11: (419.5, 595.3)}
_DEFAULT_HEIGHT = 15.0


def page_breaks(t: Template, heights: dict[int, float], indicators: int) -> list[int]:
    """Grid offsets (0 = first indicator row) where a printed page begins, as Excel will
    lay the sheet out with the template's paper, margins and fit-to-width scale. Breaking
    there ourselves lets a category run on a new page repeat its 一级/二级 labels (the merged
    cell is split at the break) instead of showing a blank column under the repeated heading."""
    short, long = _PAPER.get(t.page.get("paperSize") or 9, _PAPER[9])
    width, height = (long, short) if t.page.get("orientation") == "landscape" else (short, long)
    left, right, top, bottom = (m or 0 for m in t.page["margins"])
    usable_w = width - (left + right) * 72
    usable_h = height - (top + bottom) * 72
    sheet_w = sum((t.widths.get(get_column_letter(c), 8.43) * 7 + 5) * 0.75
                  for c in range(1, t.max_col + 1))
    scale = min(1.0, usable_w / sheet_w) if t.page.get("fit") and sheet_w else 1.0
    room = usable_h / scale
    title = heights.get(t.head_row, _DEFAULT_HEIGHT)
    y = sum(heights.get(r, _DEFAULT_HEIGHT) for r in range(1, t.grid_row))
    breaks = []
    for offset in range(indicators):
        h = heights.get(t.grid_row + offset, _DEFAULT_HEIGHT)
        if y + h > room and y > title:
            breaks.append(offset)
            y = title
        y += h
    return breaks


def split_at(spans: list[tuple[int, int]], breaks: list[int]) -> list[tuple[int, int]]:
    """Merge spans cut where a page begins (a piece of one row is no merge at all)."""
    out = []
    for first, last in spans:
        start = first
        for b in breaks:
            if start < b <= last:
                if b - 1 > start:
                    out.append((start, b - 1))
                start = b
        if last > start:
            out.append((start, last))
    return out


def _merge_at(merges: list[tuple[int, int, int, int]], row: int, col: int
              ) -> tuple[int, int, int, int]:
    """The merged range holding the cell at (row, col), else the cell alone."""
    return next((m for m in merges if m[0] <= row <= m[2] and m[1] <= col <= m[3]),
                (row, col, row, col))


def write_sheet(wb: Workbook, styles: writing.Styles, template: Template, project: Project,
                title: str, *, year: int, frame: tuple[bytes, bytes],
                signed: Signature = Signature()) -> list[tuple[int, int, object]]:
    """Write one project's sheet; returns the (row, col, value) cells written, for hashing."""
    t = template
    form = detail_form(project, year=year, signed=signed)
    values, shift = sheet_values(t, form)
    grid_row = t.grid_row

    def moved(row: int) -> int:
        return row + shift if row > grid_row else row

    merges = [(moved(r1), c1, moved(r2), c2) for r1, c1, r2, c2 in t.merges]
    heights = {moved(r): h for r, h in t.heights.items() if r != grid_row}
    column_of = {f: c for c, f in t.grid_columns}
    minimum = t.heights.get(grid_row) or 20
    across = dict(t.grid_merges)  # a grid cell merged across (三级指标 over two columns)
    for offset in range(len(form.grid)):
        row = grid_row + offset
        need = minimum
        for col, _field in t.grid_columns:
            value = values.get((row, col))
            if isinstance(value, str):
                need = max(need, _line_height(value, t.width_of(col, across.get(col, col))))
        heights[row] = min(need, 409)
    for offset in range(len(form.tasks)):  # a 部门整体 form's task rows grow with their text
        row = t.task_row + offset
        for col, _name in t.task_columns:
            value = values.get((row, col))
            if isinstance(value, str):
                r1, c1, r2, c2 = _merge_at(merges, row, col)
                heights[row] = min(max(heights.get(row, 15), _line_height(
                    value, t.width_of(c1, c2))), 409)
    breaks = page_breaks(t, heights, len(form.grid))
    merges.extend((grid_row + offset, c1, grid_row + offset, c2)
                  for offset in range(max(len(form.grid), 1)) for c1, c2 in t.grid_merges)
    for grid_field in ("level1", "level2"):
        col = column_of.get(grid_field)
        if col is not None:
            merges.extend((grid_row + first, col, grid_row + last, col)
                          for first, last in split_at(merged_spans(form.grid, grid_field),
                                                      breaks))
    for r1, c1, r2, c2 in merges:  # merged text cells: heights from text and merged width
        value = values.get((r1, c1))
        if r1 == r2 and isinstance(value, str):
            need = _line_height(value, t.width_of(c1, c2))
            if need > heights.get(r1, 15):
                heights[r1] = min(need, 409)

    ws = writing.add_sheet(wb, title)
    ws.print_title_rows = f"{t.head_row}:{t.head_row}"
    last_row = moved(t.max_row) if t.max_row > grid_row else grid_row + shift
    ws.print_area = f"A1:{get_column_letter(t.max_col)}{last_row}"
    rows = writing.RowWriter(ws, styles)
    for offset in breaks:
        rows.break_before(grid_row + offset)
    for r1, c1, r2, c2 in merges:
        rows.merge(f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}")

    style_at = t.styles_at(shift)
    grid_styles = t.grid_styles
    # a merged range shows its first cell only; Excel (and openpyxl) drop the others' values on
    # saving, so they are not written: a workbook merely saved again still hashes the same
    for r1, c1, r2, c2 in merges:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    values.pop((r, c), None)
    written = []
    for row in range(1, last_row + 1):
        in_grid = grid_row <= row <= grid_row + shift
        out = []
        for col in range(1, t.max_col + 1):
            key = grid_styles.get(col) if in_grid else style_at.get((row, col))
            value = values.get((row, col))
            if key is None and value is None:
                out.append(None)
                continue
            out.append((value, key))
            if value is not None:
                written.append((row, col, value))
        rows.add(out, heights.get(row))
    rows.close(frame)
    return written


# --- reading --------------------------------------------------------------------------------


def find_grid(sheet: Sheet) -> GridHead | None:
    """The indicator grid's heading (:func:`perfdesk.io.layouts.find_grid`)."""
    return layouts.find_grid(sheet)


def looks_like_detail(sheet: Sheet) -> bool:
    """A grid with a label block above it: a project's 项目名称 (申报表, 自评表) or a
    department's name (部门整体绩效目标表)."""
    grid = find_grid(sheet)
    if grid is None or "name" in grid.project_columns:
        return False
    return any(form_label(v) in ("name", "department") for row in sheet.rows[:grid.first_row]
               for v in row) or _whole_department(sheet, grid.first_row) or \
        _title(sheet, grid.first_row) is not None


def _title(sheet: Sheet, stop: int) -> tuple[int, str, str] | None:
    """(row, title, what it names) of the title above the grid when it names the project
    (``2019年度某县高中助学金项目绩效评价指标表``: a table with no 项目名称 label), else ``None``.
    The title is a row's only text."""
    for r in range(1, min(stop, sheet.max_row + 1)):
        texts = [cell_text(v) for v in sheet.rows[r - 1] if cell_text(v)]
        if len(texts) == 1 and (subject := title_subject(texts[0])):
            return r, texts[0], subject
    return None


_WHOLE = re.compile(r"部门整体|整体支出|部门\(单位\)整体|单位整体")


def _whole_department(sheet: Sheet, stop: int) -> bool:
    """Whether the title above the grid says it is a department's whole-budget table."""
    return any(isinstance(v, str) and _WHOLE.search(heading_key(v))
               for row in sheet.rows[:stop] for v in row)


def _self_evaluation(sheet: Sheet, grid: GridHead) -> bool:
    return grid.self_evaluation or any(
        isinstance(v, str) and "自评" in v and len(v) < 60 for row in sheet.rows[:grid.first_row]
        for v in row)


_MONEY_LABELS = MONEY_FIELDS
# a label holding its amount (年度资金总额:16), a remark in brackets after it or not
# (财政拨款:6923.3552万元(其中:上级财政资金:…))
_INLINE = re.compile(r"^\s*(?P<label>[^:：\d]{2,20}?)\s*[:：]\s*(?P<amount>\d[\d,]*(?:\.\d+)?\s*(?:万元|万|元)?)"
                     r"\s*(?P<remark>[(（].*[)）])?\s*$")


_INLINE_UNIT = re.compile(r"^\s*(?P<label>[^:：]{2,12}?)\s*[:：](?P<text>[^:：\d]{2,40})$")


class _Labels:
    """Label cells of the header block and the values next to (or below) them."""

    def __init__(self, sheet: Sheet, stop_row: int) -> None:
        self.sheet = sheet
        self.stop_row = stop_row
        self.merge_at: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for m in sheet.merges:
            for r in range(m[0], m[2] + 1):
                for c in range(m[1], m[3] + 1):
                    self.merge_at[(r, c)] = m
        self.found: dict[str, list[tuple[int, int]]] = {}
        self.inline: dict[tuple[int, int], str] = {}  # 年度资金总额:16 — the value in the label
        self.remarks: dict[tuple[int, int], str] = {}  # the bracketed remark after that value
        for r in range(1, min(stop_row, sheet.max_row + 1)):
            for c, value in enumerate(sheet.rows[r - 1], 1):
                label = form_label(value)
                if label is None:
                    label = self._inline_amount(r, c, value)
                if label is None:
                    continue
                merge = self.merge_at.get((r, c))
                if merge and (merge[0], merge[1]) != (r, c):
                    continue  # a copy of a merged label, not a label of its own
                self.found.setdefault(label, []).append((r, c))

    def _inline_amount(self, r: int, c: int, value: object) -> str | None:
        """The money label of a cell that holds its amount too (``年度资金总额:16``), kept in
        :attr:`inline`; ``None`` for any other cell."""
        if not isinstance(value, str):
            return None
        m = _INLINE.match(value)
        label = form_label(m.group("label")) if m else None
        if label in _MONEY_LABELS:
            self.inline[(r, c)] = m.group("amount")
            if m.group("remark"):
                self.remarks[(r, c)] = m.group("remark")
            return label
        m = _INLINE_UNIT.match(value)  # 预算单位:某局 on a line above the form
        label = form_label(m.group("label")) if m else None
        if label == "unit":
            self.inline[(r, c)] = m.group("text").strip()
            return label
        return None

    def _top_left(self, r: int, c: int) -> tuple[int, int]:
        merge = self.merge_at.get((r, c))
        return (merge[0], merge[1]) if merge else (r, c)

    def _span(self, r: int, c: int) -> tuple[int, int, int, int]:
        return self.merge_at.get((r, c), (r, c, r, c))

    def value_at(self, r: int, c: int, *, below_first: bool = False) -> tuple[object, tuple]:
        """The value belonging to the label at (r, c): right of it, else below it (a block
        whose labels stand in a row, values under them). An empty cell right of a label is an
        empty value: the text below belongs to another label. Nothing is taken from the grid."""
        if (r, c) in self.inline:
            return self.inline[(r, c)], (r, c)
        _r1, _c1, r2, c2 = self._span(r, c)
        right = self._top_left(r, c2 + 1)
        down = self._top_left(r2 + 1, c)
        order = (down, right) if below_first else (right, down)
        for rr, cc in order:
            if rr >= self.stop_row:
                continue
            value = self.sheet.value(rr, cc)
            if value in (None, ""):
                if (rr, cc) == right and not below_first and self._labelled(*down):
                    break  # an empty value cell stays empty: the text below has its own
                continue
            if form_label(value) is not None or indicator_column(value) or is_money_note(value):
                continue  # a label, a grid heading or the 单位:万元 note is no value
            if (rr, cc) == down and self._owned_by_left(rr, cc):
                continue  # the value of the label left of it (其他资金 above 总体目标 | text)
            return value, (rr, cc)
        return None, (r, c2 + 1)

    def _owned_by_left(self, r: int, c: int) -> bool:
        """Whether the cell at (r, c) is the value of a form label standing left of it in its
        row (``总体目标 | 完成…`` or ``绩效目标 | 加快…`` under an empty ``其他资金`` cell's label)."""
        if c <= 1:
            return False
        left = self._top_left(r, c - 1)
        # a label merged down from a row above (总体目标 over 中期目标 | 年度目标) owns no cell here
        label = self.sheet.value(*left)
        return left[0] == r and (form_label(label) is not None or table_column(label) is not None)

    def _labelled(self, r: int, c: int) -> bool:
        """Whether the cell at (r, c) reads as a label of its own: text with a value right
        of it (``项目资金（万元） | 年度资金总额``), not a value under a label."""
        value = self.sheet.value(r, c)
        if not isinstance(value, str) or not value.strip():
            return False
        _r1, _c1, _r2, c2 = self._span(r, c)
        return self.sheet.value(*self._top_left(r, c2 + 1)) not in (None, "")

    def text(self, label: str) -> str:
        places = self.found.get(label, ())
        # a label standing on its own first; one holding its value (预算单位:某局) after it; the
        # heading 总体目标 over 中期目标 | 年度目标 last, as its text is theirs
        for r, c in sorted(places, key=lambda place: (
                place in self.inline, heading_key(self.sheet.value(*place)) == "总体目标")):
            value, _where = self.value_at(r, c, below_first=label.endswith("_goal"))
            if value not in (None, ""):
                return cell_text(value)
        return ""


def read_sheet(sheet: Sheet, *, profile: str, notices: list[Notice],
               grades: tuple[str, ...] = DEFAULT_GRADES) -> Project:
    """The project on one filled-in 申报表 sheet."""
    grid = find_grid(sheet)
    assert grid is not None
    # a 部门整体 table's block of tasks is read on its own; its headings are no labels
    block = read_block(sheet, grid.first_row, notices) if _whole_department(
        sheet, grid.first_row) else None
    labels = _Labels(without_block(sheet, block) if block else sheet, grid.first_row)
    where = sheet.location()
    year = _title_year(sheet, grid.first_row)

    name = _project_in_title(sheet, labels, labels.text("name"), notices)
    department, department_code = split_code(_lowest_tier(labels, "department", notices))
    submitter = "" if department else _submitter_as_department(labels, notices)
    department = department or submitter
    kind = SELF_EVALUATION if _self_evaluation(sheet, grid) else ""
    whole = _whole_department(sheet, grid.first_row)
    if department and (whole or not name and "name" not in labels.found):
        # (a 部门整体 table's 支出项目名称 heads its list of tasks, not a project name)
        # a 部门整体绩效目标表: the department's whole budget, one "project" named after it
        name, kind = department, DEPARTMENT_WHOLE
        notices.append(Notice(Text(
            f"这是部门整体绩效目标表（没有项目名称），已作为一个以部门“{department}”命名的整体目标导入。",
            f"This is a department's whole-budget target table (no project name); it was "
            f"imported as one target named after the department '{department}'."), where, HINT))
    title = None if name or "name" in labels.found else _title(sheet, grid.first_row)
    if title is not None:
        r, text, name = title
        notices.append(Notice(Text(
            f"表中没有“项目名称”，已按表题“{text}”记为项目“{name}”，请核对。",
            f"The table has no 项目名称; the project was named '{name}' after its title "
            f"'{text}', please check."), sheet.location(r), HINT))
    if not name:
        r, c = min(labels.found.get("name", ()), default=(None, None))
        raise PerfDeskError("申报表中“项目名称”为空。", "The form's 项目名称 (project name) is empty.",
                            file=sheet.file, sheet=sheet.name or None, row=r,
                            column=cell_text(sheet.value(r, c)) if r else "项目名称")
    unit_line = labels.text("unit_line")
    unit, unit_code = split_code(("" if submitter else labels.text("unit")) or unit_line)
    implementing, implementing_code = split_code(labels.text("implementing_unit"))
    if not unit:
        unit, implementing, unit_code = implementing, "", implementing_code
    elif implementing == unit:
        implementing = ""
    if not unit and department:
        unit = department_as_unit(department, sheet.location(column="预算单位"), notices)
    goal = labels.text("annual_goal") or _goal_label(labels, sheet, notices)
    midterm_goal = labels.text("midterm_goal")
    attribute = labels.text("attribute")
    if attribute:
        places = labels.found["attribute"]
        attribute = read_attribute(attribute, sheet.location(min(places)[0], "项目属性"), notices)
    period = _read_period(labels.text("period"), year, sheet, notices)
    if not goal and midterm_goal and not period.longer_than_a_year() and all(
            heading_key(sheet.value(r, c)) == "总体目标" for r, c in labels.found["midterm_goal"]):
        # a one-year table (a 专项 or 中央预算内投资 target table) whose one goal is 总体目标
        r, c = labels.found["midterm_goal"][0]
        goal, midterm_goal = midterm_goal, ""
        notices.append(Notice(Text(
            "表中只有“总体目标”（没有年度目标、项目期只有一年），已作为年度目标读取。",
            "The table gives only 总体目标 (no 年度目标, a one-year project); it was read as "
            "the annual goal."), sheet.location(r, "总体目标"), HINT))
    money = _read_money(labels, sheet, notices)
    goal_actual = _read_goal_actual(labels)
    whole_fields: dict = {}
    if kind == DEPARTMENT_WHOLE:
        unit_code = unit_code or labels.text("budget_code")
        whole_fields = dict(duties=labels.text("duties"), tasks=block.tasks if block else [],
                            **_budget_split(labels, sheet, notices))
        if block is not None:
            total = money.get("annual_total")
            _tasks_beyond_budget(block, total if isinstance(total, Decimal) else None, sheet,
                                 notices)
    project = Project(
        name=name, code=labels.text("code"), department=department, unit=unit, kind=kind,
        goal_actual=goal_actual,
        unit_code=unit_code, department_code=department_code,
        implementing_unit=implementing, attribute=attribute, **period.fields(),
        annual_goal=goal,
        midterm_goal=midterm_goal, source_ref=where.ref(), **money, **whole_fields,
        indicators=read_grid(sheet, grid, profile=profile, grades=grades, notices=notices))
    return project


def _tasks_beyond_budget(block, total: Decimal | None, sheet: Sheet,
                        notices: list[Notice]) -> None:
    """A notice when the tasks' 预算金额 add up to more than the year's 资金总额 (a task's
    amount written as the whole budget, as in a table whose 基本支出 task holds the 资金总额)."""
    summed = task_sums(block.tasks)["total"]
    if total is not None and summed is not None and summed > total:
        notices.append(Notice(Text(
            f"各项年度主要任务的预算金额之和 {format_number(summed)} 万元超过年度资金总额 "
            f"{format_number(total)} 万元，请核对各任务的金额。",
            f"The main tasks' budgets add up to {format_number(summed)}, more than the year's "
            f"total {format_number(total)}; please check each task's amount."),
            sheet.location(block.first_row, "预算金额")))


_SPLIT = {"project_funds": "项目支出", "basic_funds": "基本支出"}


def _budget_split(labels: _Labels, sheet: Sheet, notices: list[Notice]) -> dict:
    """A 部门整体 table's 年度预算安排 split: its 项目支出 and 基本支出 (万元); an amount that is
    no number is left empty, with a notice naming its cell."""
    split: dict[str, Decimal | None] = {}
    for name, label in _SPLIT.items():
        text = labels.text(name)
        split[name] = cell_decimal(text) if text else None
        if text and split[name] is None:
            r, _c = labels.found[name][0]
            notices.append(Notice(Text(
                f"“{label}”“{text}”不是金额，已留空，请核对。",
                f"The {label} '{text}' is no amount; it was left empty, please check."),
                sheet.location(r, label)))
    return split


def _lowest_tier(labels: _Labels, label: str, notices: list[Notice]) -> str:
    """The value of ``label`` (主管部门) when the form names it for several tiers (省级 / 市级 /
    区级主管部门, a 专项 transfer table): the lowest tier's that is filled in, which spends the
    money, said in a notice; otherwise the label's value as :meth:`_Labels.text` reads it."""
    sheet = labels.sheet
    tiered = []
    for r, c in labels.found.get(label, ()):
        tier = label_tier(sheet.value(r, c))
        value, _where = labels.value_at(r, c)
        if tier is not None and cell_text(value):
            tiered.append((tier, r, c, cell_text(value)))
    if len(tiered) < 2:
        return labels.text(label)
    tier, r, c, value = max(tiered, key=lambda t: (t[0], t[1], t[2]))
    written = cell_text(sheet.value(r, c))
    others = "、".join(f"{cell_text(sheet.value(tr, tc))}“{v}”" for _t, tr, tc, v in tiered
                      if (tr, tc) != (r, c))
    notices.append(Notice(Text(
        f"表中列出了几级主管部门（{others}、{written}“{value}”），已按最低一级的“{written}”"
        f"记为“{value}”，请核对。",
        f"The table names offices of several tiers; the lowest, '{written}' ('{value}'), was "
        "taken, please check."), sheet.location(r, written), HINT))
    return value


def _submitter_as_department(labels: _Labels, notices: list[Notice]) -> str:
    """The department of a form naming no 主管部门 that pairs its 申报单位 with an 实施单位 line
    (重庆's 申报单位 | 具体实施单位): the two roles of the 88号 form's 主管部门及代码 | 实施单位,
    the 申报单位 submitting (the department), the 实施单位 implementing (the unit), said in a
    notice; ``""`` for any other form (a 申报单位 without an 实施单位 line stays the unit)."""
    sheet = labels.sheet
    places = labels.found.get("unit", ())
    if not places or "implementing_unit" not in labels.found or \
            not all(is_submitter(sheet.value(r, c)) for r, c in places):
        return ""
    submitter, _code = split_code(labels.text("unit"))
    if not submitter:
        return ""
    r, c = min(places)
    return submitter_as_department(submitter, cell_text(sheet.value(r, c)),
                                   sheet.location(r, cell_text(sheet.value(r, c))), notices)


def submitter_as_department(submitter: str, written: str, where, notices: list[Notice]) -> str:
    """``submitter``, the value of a 申报单位 label (``written``) beside an 实施单位 on a form
    with no 主管部门, taken as the department, said in a notice (every reader of a header)."""
    notices.append(Notice(Text(
        f"表中没有“主管部门”，“{written}”与“实施单位”并列：已把{written}“{submitter}”记为主管部门"
        "（申报的部门），实施单位记为预算单位；导入预览按此归类，如不对，请在导入后修改项目的主管部门。",
        f"The table has no 主管部门 and pairs '{written}' with an 实施单位: '{submitter}' was "
        "taken as the department (the one submitting) and the 实施单位 as the unit; the import "
        "preview files it so; change the project's department after the import if that is "
        "wrong."), where, HINT))
    return submitter


def _goal_label(labels: _Labels, sheet: Sheet, notices: list[Notice]) -> str:
    """The goal of a table whose only goal label is 绩效目标 (an evaluation-standard table: no
    年度目标 or 中长期目标 under it), said in a notice; ``""`` otherwise."""
    if "annual_goal" in labels.found or "midterm_goal" in labels.found:
        return ""
    for r in range(1, min(labels.stop_row, sheet.max_row + 1)):
        for c, value in enumerate(sheet.rows[r - 1], 1):
            if table_column(value) != "annual_goal" or form_label(value) is not None:
                continue
            goal, _where = labels.value_at(r, c)
            if cell_text(goal):
                notices.append(Notice(Text(
                    f"表中没有“年度目标”，已把“{cell_text(value)}”一栏的内容作为年度目标。",
                    f"The table has no 年度目标; the '{cell_text(value)}' text was taken as the "
                    "annual goal."), sheet.location(r, cell_text(value)), HINT))
                return cell_text(goal)
    return ""


_FUND_LABELS = ("专项名称", "专项资金名称")
_BRACKETED = re.compile(r"^[（(](?P<name>[^()（）]{4,60}(?:项目|工程))[)）]$")


def _project_in_title(sheet: Sheet, labels: _Labels, name: str, notices: list[Notice]) -> str:
    """The project's name when the form labels a special fund (专项名称) and its title names
    the project on a line of its own in brackets (a 中央预算内投资计划绩效目标表:
    ``（天津市宝坻区…整区推进项目）`` under the title); otherwise ``name``."""
    places = labels.found.get("name", ())
    if not name or not places or not all(heading_key(sheet.value(r, c)) in _FUND_LABELS
                                         for r, c in places):
        return name
    first = min(r for r, _c in places)
    for r in range(1, first):
        for value in sheet.rows[r - 1]:
            m = _BRACKETED.match(heading_key(value))
            if m and m.group("name") != heading_key(name):
                project = cell_text(value).strip()[1:-1].strip()
                notices.append(Notice(Text(
                    f"“专项名称”写的是专项资金“{name}”，项目名称按标题中括号内的“{project}”读取。",
                    f"'专项名称' gives the special fund '{name}'; the project name was read from "
                    f"the title's brackets: '{project}'."), sheet.location(r), HINT))
                return project
    return name


def department_as_unit(department: str, where, notices: list[Notice]) -> str:
    """The unit of a table that names its 主管部门 and no 预算单位: the department's own table,
    whose unit is the department, said in a notice."""
    notices.append(Notice(Text(
        f"表中没有预算单位，已按部门本级处理：预算单位记为主管部门“{department}”。",
        f"The table names no budget unit; it was taken as the department's own: the unit "
        f"is the department '{department}'."), where, HINT))
    return department


def _title_year(sheet: Sheet, stop: int) -> int | None:
    for row in sheet.rows[:stop]:
        for value in row:
            if isinstance(value, str):
                m = re.search(r"((?:19|20)\d\d)\s*年.*申报表", value)
                if m:
                    return int(m.group(1))
    return None


def _read_period(text: str, year: int | None, sheet: Sheet,
                 notices: list[Notice]) -> Period:
    if not text:
        return Period()
    # the one reader of a period: 2023-2025, 2023年至2025年, 2023.07-2024.01, 202307-202401
    period = read_period(text)
    if period is not None:
        return period
    m = re.fullmatch(r"(\d{1,2})\s*年", text.replace(" ", ""))
    if m and year:
        length = int(m.group(1))
        notices.append(Notice(Text(
            f"项目期写作“{text}”，已按申报年度 {year} 年推算为 {year}—{year + length - 1} 年。",
            f"The project period '{text}' was read as {year}–{year + length - 1} from the "
            f"form's year {year}."), sheet.location(column="项目期")))
        return Period(year, year + length - 1)
    notices.append(Notice(Text(f"项目期“{text}”无法识别为年份，已留空。",
                               f"The project period '{text}' is not a year; it was left empty."),
                          sheet.location(column="项目期")))
    return Period()


def _read_money(labels: _Labels, sheet: Sheet, notices: list[Notice]) -> dict[str, Decimal | str]:
    """The funding block: 中期/年度 totals, 财政拨款 (or its split) and 其他资金."""
    places = dict(labels.found)
    whole = [(r, c) for r, c in places.get("midterm_total", ())
             if heading_key(sheet.value(r, c)) in _PROJECT_TOTAL]
    if whole and not places.get("annual_total") and len(whole) == len(places["midterm_total"]):
        # the whole project's total with no year's total beside it: the one total there is
        places["annual_total"], places["midterm_total"] = whole, []
    plain_total = not places.get("midterm_total") and (
        not places.get("annual_total") or places["annual_total"] == whole)
    if plain_total and not whole:
        # a block titled 年度预算安排 / 投入目标 whose only total is 资金总额: the year's total
        places["annual_total"] = [(r, c) for r, c in places.get("heading", ())
                                  if heading_key(sheet.value(r, c)) in _PLAIN_TOTAL]
    totals = {key: places.get(f"{key}_total", []) for key in ("midterm", "annual")}

    def group_of(r: int, c: int) -> str:
        best, distance = "annual", None
        for key, cells in totals.items():
            for tr, tc in cells:
                d = (abs(tc - c), abs(tr - r))
                if distance is None or d < distance:
                    best, distance = key, d
        return best

    yuan = _amounts_in_yuan(sheet, labels.stop_row)
    yuan_used: list[str] = []
    written: dict[str, str] = {}  # money field -> the cell's text, where it is no plain number
    found: dict[str, dict[str, Decimal]] = {"midterm": {}, "annual": {}}
    budget = _budget_columns(sheet, labels.stop_row)
    rows: list[tuple[str, int, int]] = []  # (total/fiscal/other, r, c) of the year's rows
    for label in _MONEY_LABELS:
        for r, c in places.get(label, ()):
            group = label.split("_")[0] if label.endswith("_total") else group_of(r, c)
            part = "total" if label.endswith("_total") else label
            if group == "annual" and part in ("total", "fiscal", "other"):
                rows.append((part, r, c))
            value, (vr, vc) = _under_budget(labels, budget, r, c, notices)
            if value in (None, ""):
                value, (vr, vc) = labels.value_at(r, c)
            if value in (None, ""):
                continue
            heading = cell_text(sheet.value(r, c))
            if (r, c) in labels.remarks:
                named = re.split(r"[:：]", heading)[0].strip()
                notices.append(Notice(Text(
                    f"“{named}”金额后括号内的说明“{labels.remarks[(r, c)][:40]}”没有对应的字段，未导入。",
                    f"The remark in brackets after the amount of '{named}' has no field; it was "
                    "not imported."), sheet.location(r, named), HINT))
            number = _amount_of(value, heading, f"{group}_{part}" if part in (
                "total", "fiscal", "other") else None, sheet.location(vr, heading), yuan,
                written, yuan_used, notices)
            if number is not None:
                found[group].setdefault(part, number)
    execution = _read_execution(labels, rows, yuan, written, yuan_used, notices)
    if yuan_used:
        notices.append(Notice(Text(
            "表中金额以“元”为单位，已换算为万元（除以 10000）。",
            "The table gives amounts in yuan; they were converted to 10,000 yuan."),
            sheet.location(column=yuan_used[0]), HINT))
    if plain_total and "total" in found["annual"]:
        r, c = places["annual_total"][0]
        notices.append(Notice(Text(
            f"表中只有“{cell_text(sheet.value(r, c))}”一个总额（没有中期、年度之分），已作为年度资金总额读取。",
            f"The table gives one total, '{cell_text(sheet.value(r, c))}' (no midterm or "
            "annual); it was read as the annual total."), sheet.location(r, "资金总额"), HINT))
    money: dict[str, Decimal | str] = {}
    for group, parts in found.items():
        fiscal = parts.get("fiscal")
        for how, keys in FISCAL_SPLITS.items():
            split = [parts[k] for k in keys if k in parts]
            if not split:
                continue
            total_split = sum(split, Decimal(0))
            if fiscal is None:
                fiscal = total_split
                named = ("一般公共预算、政府性基金、国有资本经营预算" if how == "budget"
                         else "中央、省、市、区县各级资金")
                notices.append(Notice(Text(
                    f"{'年度' if group == 'annual' else '中期'}财政拨款按{named}合计为 {total_split}。",
                    f"The {group} 财政拨款 was taken as the sum of its parts, {total_split}."),
                    sheet.location(column="财政拨款")))
            elif fiscal != total_split:
                notices.append(Notice(Text(
                    f"{'年度' if group == 'annual' else '中期'}财政拨款 {fiscal} 与其分项合计 "
                    f"{total_split} 不一致，已按表中财政拨款读取，请核对。",
                    f"The {group} 财政拨款 {fiscal} differs from the sum of its parts "
                    f"{total_split}; the stated figure was kept, please check."),
                    sheet.location(column="财政拨款")))
        for part, value in (("total", parts.get("total")), ("fiscal", fiscal),
                            ("other", parts.get("other"))):
            if value is not None:
                money[f"{group}_{part}"] = value
    money.update(execution)
    if written:
        money["funds_text"] = json.dumps(written, ensure_ascii=False)
    return money


def _amount_of(value: object, heading: str, key: str | None, where, yuan: bool,
               written: dict[str, str], yuan_used: list[str],
               notices: list[Notice]) -> Decimal | None:
    """The amount in 万元 of a funding cell under ``heading``: a number (元 converted when the
    table is in 元), or the amount a text begins with (with a notice); ``None``, with a notice,
    when it holds none. A cell that is no plain number is kept as written under ``key``
    (FUND-04 reports it at the field)."""
    number = cell_decimal(value)
    text = cell_text(value)
    if number is None and key is not None:
        written.setdefault(key, text)
    if number is None:
        number = _amount_in_text(text)
        if number is not None:
            notices.append(Notice(Text(
                f"“{heading}”的金额写作“{text[:30]}”，已读作 {number} 万元，请核对。",
                f"The amount for '{heading}' is written '{text[:30]}'; it was read as {number} "
                "(10,000 yuan), please check."), where, HINT))
            if yuan:
                number = yuan_to_wan(number)
                yuan_used.append(heading)
            return number
    elif yuan and isinstance(value, (int, float, Decimal)) or yuan and \
            text.endswith("元") and not text.endswith("万元"):
        number = yuan_to_wan(number)
        yuan_used.append(heading)
    if number is None:
        notices.append(Notice(Text(f"“{heading}”的金额“{text}”不是数字，已留空。",
                                   f"The amount '{text}' for '{heading}' is not a number; it "
                                   "was left empty."), where))
    return number


# a 自评表's budget-execution columns and the fields their cells go to, per row of the block
_EXECUTION_FIELDS = {"planned": "initial", "executed": "executed"}
_POINTS_FIELDS = {"weight": "funds_weight", "score": "funds_score"}


def _read_execution(labels: _Labels, rows: list[tuple[str, int, int]], yuan: bool,
                    written: dict[str, str], yuan_used: list[str],
                    notices: list[Notice]) -> dict[str, Decimal]:
    """What a 自评表's funding block states beside the year's budget, in the columns headed
    年初预算数 | 全年执行数 | 分值 | 得分 (:func:`~perfdesk.core.vocabulary.execution_heading`):
    年初预算数 and 全年执行数 of the 年度资金总额, 财政拨款 and 其他资金 rows, the 分值 and 得分 of
    the 年度资金总额 row. A form without these columns (a 申报表) gives nothing."""
    sheet = labels.sheet
    heads = [(r, c, kind) for r in range(1, min(labels.stop_row, sheet.max_row + 1))
             for c, value in enumerate(sheet.rows[r - 1], 1)
             if isinstance(value, str) and (kind := execution_heading(value)) in (
                 *_EXECUTION_FIELDS, *_POINTS_FIELDS)]
    out: dict[str, Decimal] = {}
    for part, r, c in rows:
        _r1, _c1, r2, c2 = labels._span(r, c)
        above = {}
        for hr, hc, kind in heads:
            if hr < r and hc > c2 and (hc not in above or above[hc][0] < hr):
                above[hc] = (hr, kind)
        row = r
        if not above:  # the label in the headings' row, its amounts in the row below (b09)
            above = {hc: (hr, kind) for hr, hc, kind in heads if hr == r and hc > c2}
            row = r2 if r2 > r else r + 1
            if not above or row >= labels.stop_row or row > r2 and sheet.text(row, c) or any(
                    form_label(v) is not None for v in sheet.rows[row - 1]):
                continue
        for hc, (hr, kind) in sorted(above.items()):
            value = sheet.value(row, hc)
            if value in (None, ""):
                continue
            heading = cell_text(sheet.value(r, c))
            where = sheet.location(row, cell_text(sheet.value(hr, hc)))
            if kind in _EXECUTION_FIELDS:
                key = f"{_EXECUTION_FIELDS[kind]}_{part}"
                number = _amount_of(value, f"{heading}的{cell_text(sheet.value(hr, hc))}",
                                    key, where, yuan, written, yuan_used, notices)
            elif part == "total":
                key = _POINTS_FIELDS[kind]
                number = cell_decimal(value)
                if number is None:
                    written.setdefault(key, cell_text(value))
                    notices.append(Notice(Text(
                        f"“{heading}”的“{cell_text(sheet.value(hr, hc))}”写作“{cell_text(value)}”，"
                        "不是数字，已留空。",
                        f"The '{cell_text(sheet.value(hr, hc))}' of '{heading}' is written "
                        f"'{cell_text(value)}', not a number; it was left empty."), where))
            else:
                continue  # a 其中 row's 分值/得分 ('—'): the form gives points to the total only
            if number is not None:
                out.setdefault(key, number)
    return out


def _read_goal_actual(labels: _Labels) -> str:
    """The 实际完成情况 of the 年度总体目标 under its heading beside 预期目标 (a 自评表), or ""."""
    sheet = labels.sheet
    for r in range(1, min(labels.stop_row, sheet.max_row + 1)):
        for c, value in enumerate(sheet.rows[r - 1], 1):
            if isinstance(value, str) and is_goal_actual(value):
                found, _where = labels.value_at(r, c, below_first=True)
                if found not in (None, ""):
                    return cell_text(found)
    return ""


_BUDGET = re.compile(r"^(?:年初|全年|年度|调整后?)?预算数")
_INITIAL = re.compile(r"^年初预算数")


def _budget_columns(sheet: Sheet, stop: int) -> list[tuple[int, int]]:
    """(row, column) of the 预算数 headings above a funding block whose amounts stand in
    columns (a 自评表's 年初预算数 | 全年预算数 | 全年执行数), left to right."""
    found = [(r, c) for r in range(1, min(stop, sheet.max_row + 1))
             for c in range(1, sheet.max_col + 1)
             if _BUDGET.match(heading_key(sheet.value(r, c)))]
    return sorted(found, key=lambda place: (place[1], place[0]))


def _under_budget(labels: _Labels, budget: list[tuple[int, int]], r: int, c: int,
                  notices: list[Notice]) -> tuple[object, tuple[int, int]]:
    """The amount of the label at (r, c) under the first 预算数 column that holds one in its
    row, with a notice when an earlier one (年初预算数) is empty; ``(None, (r, c))`` when the
    block has no such columns right of the label."""
    sheet = labels.sheet
    _r1, _c1, r2, c2 = labels._span(r, c)
    columns = [(hr, hc) for hr, hc in budget if hr < r and hc > c2]
    row = r
    # the year's budget (全年预算数, 调整预算数) before the 年初预算数 (a 自评表 gives both)
    budget = sorted(budget, key=lambda place: bool(_INITIAL.match(heading_key(
        sheet.value(*place)))))
    columns.sort(key=lambda place: bool(_INITIAL.match(heading_key(sheet.value(*place)))))
    if not columns:
        # the label stands in the row of the 年初预算数 | 调整预算数 … headings (merged down over
        # the row below, or alone) and the amounts in the row below (项目资金 | 年度资金总额 |
        # 年初预算数 …, then | | 64.8 …)
        columns = [(hr, hc) for hr, hc in budget if hr == r and hc > c2]
        row = r2 if r2 > r else r + 1
        if not columns or row >= labels.stop_row or row > r2 and sheet.text(row, c) or any(
                form_label(v) is not None for v in sheet.rows[row - 1]):
            return None, (r, c)
    for index, (hr, hc) in enumerate(columns):
        value = sheet.value(row, hc)
        if value in (None, ""):
            continue
        if cell_decimal(value) is None and _amount_in_text(cell_text(value)) is None:
            return None, (r, c)  # '—': no amount, and no other column is taken instead
        if row != r:
            notices.append(Notice(Text(
                f"“{cell_text(sheet.value(r, c))}”与“{cell_text(sheet.value(hr, hc))}”等列标题在同一行，"
                f"已取下一行“{cell_text(sheet.value(hr, hc))}”列的金额“{cell_text(value)}”，请核对。",
                f"'{cell_text(sheet.value(r, c))}' stands in the row of the headings "
                f"'{cell_text(sheet.value(hr, hc))}' …; the amount '{cell_text(value)}' under "
                f"'{cell_text(sheet.value(hr, hc))}' in the next row was read, please check."),
                sheet.location(row, cell_text(sheet.value(hr, hc))), HINT))
        if index:
            first = cell_text(sheet.value(*columns[0]))
            notices.append(Notice(Text(
                f"“{cell_text(sheet.value(r, c))}”的“{first}”为空，已按“{cell_text(sheet.value(hr, hc))}”"
                f"读取金额“{cell_text(value)}”，请核对。",
                f"'{cell_text(sheet.value(r, c))}' has no '{first}'; the amount "
                f"'{cell_text(value)}' under '{cell_text(sheet.value(hr, hc))}' was read, please "
                "check."), sheet.location(r, cell_text(sheet.value(hr, hc))), HINT))
        return value, (row, hc)
    return None, (r, c)


_PLAIN_TOTAL = ("资金总额", "年度资金总额:", "资金总额:")
_PROJECT_TOTAL = ("项目资金总额",)
_YUAN = re.compile(r"[（(]\s*(?:单位[:：]?\s*)?元\s*[)）]|单位[:：]\s*元(?![/\w])")
def _amounts_in_yuan(sheet: Sheet, stop: int) -> bool:
    """Whether the header block says its amounts are in 元 (项目资金（元）, 单位：元)."""
    return any(isinstance(v, str) and _YUAN.search(v) for row in sheet.rows[:stop] for v in row)


def _amount_in_text(text: str) -> Decimal | None:
    """The amount a funding cell written as text begins with (``854万``, ``30万元（其中…）``),
    or that follows the fund's name (``中央…补助资金(少数民族发展任务)50``)."""
    found = amount_in_text(text)
    if found is not None:
        return found[0]
    named = named_amount(text)
    return named[1] if named is not None else None


def read_grid(sheet: Sheet, grid: GridHead, *, profile: str, grades: tuple[str, ...],
              notices: list[Notice]) -> list[Indicator]:
    """The indicators of a form's grid, read row by row by the core's one row reader; what it
    adjusted, and every row that is no indicator, becomes a notice naming the row."""
    sheet.fill_merged_down()
    notices.extend(layouts.heading_notices(sheet, grid))
    annual = _annual_grid_below(sheet, grid)
    if annual is not None:
        notices.append(Notice(Text(
            f"第 {grid.row + 1}–{annual.first_row - 1} 行是长期绩效指标，不是年度目标，没有作为指标导入；"
            f"年度指标从第 {annual.row + 1} 行读起。",
            f"Rows {grid.row + 1}–{annual.first_row - 1} are long-term indicators, not annual "
            f"targets; they were not imported. The annual indicators start at row "
            f"{annual.row + 1}."), sheet.location(grid.row), HINT))
        grid = annual
    if grid.annual_side is not None:
        first, last = (get_column_letter(c) for c in grid.annual_side)
        notices.append(Notice(Text(
            f"指标表中中期指标与年度指标并排，已按年度一侧（{first}–{last} 列）读取指标，"
            "中期指标写入各指标的备注。",
            f"The grid gives mid-term indicators beside the annual ones; the indicators were "
            f"read from the annual side (columns {first}–{last}), the mid-term ones put in each "
            "indicator's remark."), sheet.location(grid.row), HINT))
    return layouts.read_rows(sheet, grid, grid.row + 1, sheet.max_row,
                             reader=IndicatorRowReader(profile, grades), notices=notices)


_LONG_TERM = re.compile(r"长期|中长期|实施期")


def _block_label(sheet: Sheet, grid: GridHead) -> str:
    """The label left of a grid's heading (``长期绩效指标``, ``年度绩效指标``)."""
    left = min(grid.columns.values())
    return heading_key("".join(sheet.text(grid.row, c) for c in range(1, left)))


def _annual_grid_below(sheet: Sheet, grid: GridHead) -> GridHead | None:
    """The 年度 grid under a 长期 one (a form with a long-term block of indicators above the
    annual block, each with its own heading row), or ``None``."""
    if not _LONG_TERM.search(_block_label(sheet, grid)):
        return None
    below = Sheet(sheet.file, sheet.name, [[] for _ in range(grid.row)] + sheet.rows[grid.row:],
                  sheet.merges)
    annual = layouts.find_grid(below)
    if annual is None or "年度" not in _block_label(sheet, annual):
        return None
    return annual
