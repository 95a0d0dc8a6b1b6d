"""The disclosure table 项目支出绩效目标表（含转移支付项目）: read it from any source, write it.

Layout (domain.md §5.1): a title row, the header row ``主管部门 | 预算单位 | 项目名称 | 绩效目标
| 绩效指标``, then one row per project whose 绩效指标 cell lists the numbered indicators
(:mod:`.indicator_text`). Reading tolerates what published tables do: the header repeated at
every PDF page break, blank rows, columns in another order or named differently, a
主管部门/预算单位 merged or left blank over several rows, and a row broken across a page
(its continuation arrives without a project name and is joined to the row above).

Writing produces the table a reviewer expects to open: title across the columns, bold header
repeated on every printed page, 宋体 text wrapped in bordered cells, widths that fit A4
landscape, and row heights set from the text so nothing is hidden.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.core.i18n import Text
from perfdesk.io import embedded, writing
from perfdesk.io.base import (Notice, Progress, ProgressCallback, cell_text, reading_notices,
                              split_code)
from perfdesk.io.indicator_text import render_cell, split_items
from perfdesk.io.sources import Sheet
from perfdesk.core.entry import IndicatorRowReader
from perfdesk.core.model import Indicator, Project
from perfdesk.core.taxonomy import DEFAULT_GRADES, official_order
from perfdesk.core.vocabulary import heading_key, table_column

KIND = "disclosure"
SHEET_TITLE = "项目支出绩效目标表"
TITLE = "项目支出绩效目标表（含转移支付项目）"
HEADERS = ("主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标")

_TOTAL_ROWS = {"合计", "小计", "总计"}


# --- reading --------------------------------------------------------------------------------


@dataclass(slots=True)
class Header:
    row: int
    columns: dict[str, int]  # field -> 1-based column


def find_header(sheet: Sheet, limit: int = 30) -> Header | None:
    """The first row (within ``limit``) naming both 项目名称 and 绩效指标 columns."""
    for r in range(1, min(sheet.max_row, limit) + 1):
        columns: dict[str, int] = {}
        for c, value in enumerate(sheet.rows[r - 1], 1):
            if isinstance(value, str):
                field = table_column(value)
                if field and field not in columns:
                    columns[field] = c
        if "name" in columns and "indicators" in columns:
            return Header(r, columns)
    return None


def read_sheet(sheet: Sheet, header: Header, *, profile: str, notices: list[Notice],
               grades: tuple[str, ...] = DEFAULT_GRADES,
               skip_rows: set[int] | None = None,
               progress: Progress | None = None) -> list[tuple[int, Project]]:
    """Projects of a disclosure sheet as (row number, project); rows in ``skip_rows`` (restored
    from PerfDesk's embedded data) are passed over."""
    if skip_rows and all(r in skip_rows or not any(sheet.rows[r - 1])
                         for r in range(header.row + 1, sheet.max_row + 1)):
        if progress is not None:
            progress.advance(sheet.max_row - header.row)
        return []
    sheet.fill_merged_down()
    cols = header.columns
    header_keys = {heading_key(cell_text(v)) for v in sheet.rows[header.row - 1] if v}

    def get(cells: list, field: str) -> str:
        c = cols.get(field)
        if c is None or c > len(cells):
            return ""
        return cell_text(cells[c - 1])

    pending: list[list] = []  # [row, dept, unit, name, code, goal, indicators]
    carried = 0
    for r in range(header.row + 1, sheet.max_row + 1):
        if progress is not None:
            progress.advance()
        if skip_rows and r in skip_rows:
            continue
        cells = sheet.rows[r - 1]
        texts = [cell_text(v) for v in cells]
        filled = [t for t in texts if t]
        if not filled:
            continue
        if {heading_key(t) for t in filled} <= header_keys:
            continue  # the header repeated at a page break
        name, goal, indicators = get(cells, "name"), get(cells, "annual_goal"), get(cells, "indicators")
        if not name:
            if (goal or indicators) and pending:
                previous = pending[-1]
                previous[5] += goal
                previous[6] += indicators
                notices.append(Notice(Text(
                    "这一行没有项目名称，已当作上一行（跨页断开）的续行合并，请核对。",
                    "This row has no project name; it was joined to the row above as its "
                    "continuation (split at a page break); please check."),
                    sheet.location(r)))
            elif goal or indicators:
                notices.append(Notice(Text(
                    "这一行有绩效内容但没有项目名称，也没有可接续的上一行，已跳过。",
                    "This row has performance content but no project name and no row above "
                    "to continue; it was skipped."), sheet.location(r, "项目名称")))
            continue
        if name in _TOTAL_ROWS:
            continue
        dept, unit = get(cells, "department"), get(cells, "unit")
        if pending and ((not dept and "department" in cols) or (not unit and "unit" in cols)):
            dept = dept or pending[-1][1]
            unit = unit or pending[-1][2]
            carried += 1
        pending.append([r, dept, unit, name, get(cells, "code"), goal, indicators])
    if carried:
        notices.append(Notice(Text(
            f"有 {carried} 行的主管部门或预算单位为空，已沿用上一行的值。",
            f"{carried} rows had an empty department or budget unit; the value from the row "
            "above was used."), sheet.location()))
    projects = []
    for r, dept, unit, name, code, goal, indicators in pending:
        where = sheet.location(r)
        (dept, department_code), (unit, unit_code) = split_code(dept), split_code(unit)
        project = Project(name=name, code=code, department=dept, unit=unit, annual_goal=goal,
                          department_code=department_code, unit_code=unit_code,
                          source_ref=where.ref(),
                          indicators=read_indicators(indicators, profile=profile, grades=grades,
                                                     where=sheet.location(r, "绩效指标"),
                                                     notices=notices))
        projects.append((r, project))
    return projects


def read_indicators(text: str, *, profile: str, grades: tuple[str, ...], where,
                    notices: list[Notice]) -> list[Indicator]:
    """The indicators of one 绩效指标 cell, each with its source text and location."""
    items, prefix = split_items(text)
    if not items:
        if not text.strip():
            return []
        notices.append(Notice(Text(
            "绩效指标无法按“1、产出指标：…，年度指标值：…。”拆分，已整体保留为一条指标，请核对。",
            "The indicators could not be split into '1、产出指标：…，年度指标值：…。' items; the "
            "text was kept as one indicator, please check."), where))
        return [Indicator(name=text.strip(), source_text=text.strip(), source_ref=where.ref())]
    if prefix:
        notices.append(Notice(Text(f"第 1 项之前的文字“{prefix[:30]}”不属于任何指标，已忽略。",
                                   f"The text '{prefix[:30]}' before item 1 belongs to no "
                                   "indicator and was left out."), where))
    indicators = []
    reader = IndicatorRowReader(profile, grades)
    for index, item in enumerate(items, 1):
        if not item.has_value:
            notices.append(Notice(Text(
                f"第 {index} 项没有“年度指标值”，指标值留空。",
                f"Item {index} has no '年度指标值'; the target was left empty."), where))
        read = reader.read({"level1": item.label, "name": item.name, "value": item.value},
                           source_text=item.source, source_ref=f"{where.ref()}，第{index}项")
        notices.extend(reading_notices(read.notes, where, item=index))
        indicators.append(read.indicator)
    return indicators


# --- writing --------------------------------------------------------------------------------

WIDTHS = (18, 18, 24, 48, 72)
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LINE_HEIGHT = 14.0  # points per line of 宋体 10.5
MAX_ROW_HEIGHT = 409.0  # Excel's limit


def indicator_label(indicator: Indicator) -> str:
    return indicator.level1 or indicator.level2 or "指标"


def indicators_cell(project: Project) -> str:
    """The 绩效指标 cell: the indicators numbered in the official order (产出 → 效益 → 满意度)."""
    return render_cell([(indicator_label(i), i.name, i.value_display())
                        for i in official_order(project.indicators)])


def project_row(project: Project) -> list[str]:
    """The project's printed row: exactly the official columns, no check marks."""
    clean = writing.clean_text
    return [clean(project.department), clean(project.unit), clean(project.name),
            clean(project.annual_goal), clean(indicators_cell(project))]


def _styles(workbook: Workbook) -> writing.Styles:
    styles = writing.Styles(workbook)
    wrap = dict(vertical="center", wrap_text=True)
    styles.define("title", font=Font(name="宋体", size=18, bold=True),
                  alignment=Alignment(horizontal="center", vertical="center"))
    styles.define("header", font=Font(name="宋体", size=11, bold=True), border=BOX,
                  alignment=Alignment(horizontal="center", **wrap))
    styles.define("text", font=Font(name="宋体", size=10.5), border=BOX,
                  alignment=Alignment(horizontal="left", **wrap))
    styles.define("center", font=Font(name="宋体", size=10.5), border=BOX,
                  alignment=Alignment(horizontal="center", **wrap))
    return styles


def export(projects: Iterable[Project], path: Path, *, title: str | None = None,
           year: int | None = None, progress: ProgressCallback | None = None) -> Path:
    """Write the table and the embedded data, atomically; see
    :func:`perfdesk.io.export_disclosure`."""
    target = writing.check_target(path)
    projects = projects if isinstance(projects, list) else list(projects)
    columns = len(HEADERS)
    if title is None:
        title = f"{year}年{TITLE}" if year else TITLE
    title = writing.clean_text(title)

    wb = Workbook(write_only=True)
    styles = _styles(wb)
    ws = wb.create_sheet(SHEET_TITLE)
    letters = "ABCDE"[:columns]
    for letter, width in zip(letters, WIDTHS):
        ws.column_dimensions[letter].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.8
    ws.page_margins.header, ws.page_margins.footer = 0.3, 0.35
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.print_title_rows = "2:2"
    ws.freeze_panes = "A3"

    rows = writing.RowWriter(ws, styles)
    rows.merge(f"A1:{letters[-1]}1")
    rows.add([(title, "title")], 40)
    rows.add([(h, "header") for h in HEADERS], 24)

    tracker = Progress(progress, len(projects))
    tracker.start()
    entries = []
    widths = WIDTHS[:columns]
    text_lines = writing.text_lines
    row_hash, record = embedded.row_hash, embedded.project_record
    for index, project in enumerate(projects):
        values = project_row(project)
        lines = max(text_lines(v, w) for v, w in zip(values, widths))
        cells = [(values[0], "center"), (values[1], "center"), (values[2], "center"),
                 (values[3], "text"), (values[4], "text")]
        rows.add(cells, min(max(lines * LINE_HEIGHT + 6, 24), MAX_ROW_HEIGHT))
        entries.append(embedded.Entry(row_hash(values), str(index + 3), record(project)))
        tracker.advance()
    rows.close()

    embedded.add_payload_sheet(wb, styles, KIND, entries)
    result = writing.save_atomically(wb, target)
    tracker.finish()
    return result
