"""Floor for bench_export_process.py (detail): a bare Python process that reads the rows of a
dataset with sqlite3 and writes one sheet per project with openpyxl's write-only mode: the
template's cells with the template's styles, merges, column widths and row heights, each
project's values at the template's places and one grid row per indicator (一级/二级 merged
down), saved once.

    python bench/floor/write_detail.py DATASET OUT.xlsx LAYOUT.json

LAYOUT.json names the template file, where each value goes and which row is the indicator
grid (written by the bench from the template: the layout is a constant, not work).
"""

import json
import sqlite3
import sys
from copy import copy
from decimal import Decimal
from itertools import groupby

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

PROJECTS = """
SELECT p.id, d.name, u.name, p.name, p.code, p.implementing_unit, p.attribute, p.period_start,
       p.period_end, p.midterm_total, p.annual_total, p.midterm_fiscal, p.annual_fiscal,
       p.midterm_other, p.annual_other, p.midterm_goal, p.annual_goal
FROM project p JOIN unit u ON p.unit_id = u.id JOIN department d ON u.department_id = d.id
ORDER BY d.position, d.id, u.position, u.id, p.position, p.id"""
INDICATORS = """
SELECT project_id, level1, level2, name, nature, comparator, target, unit, basis, explanation,
       value_text
FROM indicator ORDER BY project_id, position, id"""
GRID = ("level1", "level2", "name", "nature", "comparator", "value", "unit", "basis",
        "explanation")


def main(dataset: str, out: str, layout_path: str) -> None:
    layout = json.loads(open(layout_path, encoding="utf-8").read())
    db = sqlite3.connect(f"file:{dataset}?mode=ro", uri=True)
    year = db.execute("SELECT budget_year FROM dataset_info").fetchone()[0]
    indicators = {pid: [row[1:] for row in rows]
                  for pid, rows in groupby(db.execute(INDICATORS), key=lambda r: r[0])}
    projects = db.execute(PROJECTS).fetchall()
    db.close()

    template = load_workbook(layout["template"]).worksheets[0]
    grid_row, max_row, max_col = layout["grid_row"], template.max_row, template.max_column
    styles = {}  # (row, col) -> (font, border, alignment, fill, number_format)
    static = {}
    for row in template.iter_rows():
        for c in row:
            if c.has_style:
                styles[(c.row, c.column)] = (copy(c.font), copy(c.border), copy(c.alignment),
                                             copy(c.fill), c.number_format)
            if c.value is not None:
                static[(c.row, c.column)] = c.value
    merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in template.merged_cells.ranges]
    heights = {r: d.height for r, d in template.row_dimensions.items() if d.height}
    widths = {k: d.width for k, d in template.column_dimensions.items() if d.width}
    places = {k: tuple(v) for k, v in layout["places"].items()}

    wb = Workbook(write_only=True)
    arrays = {}

    def style_array(r, c, style):
        """Each template style is registered with the workbook once; its cells share it (the
        fastest way openpyxl offers: assigning Font/Border objects hashes them every time)."""
        found = arrays.get((r, c))
        if found is None:
            proto = WriteOnlyCell(wb.create_sheet("~proto"))
            wb.remove(proto.parent)
            proto.font, proto.border, proto.alignment, proto.fill, proto.number_format = style
            found = arrays[(r, c)] = proto._style
        return found

    for index, (pid, dept, unit, name, code, implementing, attribute, start, end, *money,
                midterm_goal, annual_goal) in enumerate(projects, 1):
        grid = indicators.get(pid, [])
        shift = max(len(grid), 1) - 1

        def moved(r: int) -> int:
            return r + shift if r > grid_row else r

        values = {(moved(r), c): v for (r, c), v in static.items()}
        period = f"{start}年" if start == end else f"{start}年-{end}年"
        for place, value in (("PD_TITLE", f"{year}年项目支出绩效目标申报表"), ("PD_UNIT_LINE", unit),
                             ("PD_NAME", name), ("PD_CODE", code), ("PD_DEPARTMENT", dept),
                             ("PD_IMPLEMENTING_UNIT", implementing or unit),
                             ("PD_ATTRIBUTE", attribute), ("PD_PERIOD", period),
                             *zip(("PD_MIDTERM_TOTAL", "PD_ANNUAL_TOTAL", "PD_MIDTERM_FISCAL",
                                   "PD_ANNUAL_FISCAL", "PD_MIDTERM_OTHER", "PD_ANNUAL_OTHER"),
                                  [Decimal(m) if m else None for m in money]),
                             ("PD_MIDTERM_GOAL", midterm_goal), ("PD_ANNUAL_GOAL", annual_goal)):
            if place in places and value not in (None, ""):
                r, c = places[place]
                values[(moved(r), c)] = value
        sheet_merges = [(moved(r1), c1, moved(r2), c2) for r1, c1, r2, c2 in merges]
        for offset, (l1, l2, iname, nature, comp, target, iunit, basis, expl, text) in enumerate(grid):
            cells = (l1, l2, iname, nature, comp, text or target, iunit, basis, expl)
            for col, value in enumerate(cells, 1):
                if value:
                    values[(grid_row + offset, col)] = value
        for col in (1, 2):  # 一级/二级 merged over equal neighbours
            first = 0
            for offset in range(1, len(grid) + 1):
                if offset == len(grid) or grid[offset][col - 1] != grid[first][col - 1]:
                    if offset - first > 1:
                        sheet_merges.append((grid_row + first, col, grid_row + offset - 1, col))
                    first = offset

        ws = wb.create_sheet(f"{index}")
        for letter, width in widths.items():
            ws.column_dimensions[letter].width = width
        for r1, c1, r2, c2 in sheet_merges:
            ws.merged_cells.add(f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}")
        for r in range(1, moved(max_row) + 1):
            source = r if r <= grid_row else (grid_row if r <= grid_row + shift else r - shift)
            if source in heights:
                ws.row_dimensions[r].height = heights[source]
            out_row = []
            for c in range(1, max_col + 1):
                style = styles.get((source, c))
                value = values.get((r, c))
                if style is None and value is None:
                    out_row.append(None)
                    continue
                cell = WriteOnlyCell(ws, value)
                if style is not None:
                    cell._style = copy(style_array(source, c, style))
                out_row.append(cell)
            ws.append(out_row)
        ws.close()
    wb.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])
