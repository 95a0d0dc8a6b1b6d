"""Floor for bench_export_process.py (disclosure): a bare Python process that reads the rows
of a dataset with sqlite3 and writes the disclosure table's visible cells with openpyxl's
write-only mode: the same title, header and one row per project, the same fonts, borders,
alignment, column widths and row heights (one line per indicator), saved once.

    python bench/floor/write_disclosure.py DATASET OUT.xlsx
"""

import sqlite3
import sys
from copy import copy
from itertools import groupby

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side

PROJECTS = """
SELECT p.id, d.name, u.name, p.name, p.annual_goal
FROM project p JOIN unit u ON p.unit_id = u.id JOIN department d ON u.department_id = d.id
ORDER BY d.position, d.id, u.position, u.id, p.position, p.id"""
INDICATORS = """
SELECT project_id, level1, name, comparator, target, unit, value_text FROM indicator
ORDER BY project_id, position, id"""


def main(dataset: str, out: str) -> None:
    db = sqlite3.connect(f"file:{dataset}?mode=ro", uri=True)
    year = db.execute("SELECT budget_year FROM dataset_info").fetchone()[0]
    indicators = {pid: [row[1:] for row in rows]
                  for pid, rows in groupby(db.execute(INDICATORS), key=lambda r: r[0])}
    projects = db.execute(PROJECTS).fetchall()
    db.close()

    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="宋体", size=10.5)
    wrap = dict(vertical="center", wrap_text=True)
    center = Alignment(horizontal="center", **wrap)
    left = Alignment(horizontal="left", **wrap)

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("项目支出绩效目标表")
    for letter, width in zip("ABCDE", (18, 18, 24, 48, 72)):
        ws.column_dimensions[letter].width = width
    ws.merged_cells.add("A1:E1")

    arrays = {}

    def cell(value, alignment, cell_font=font, border=box):
        """A styled cell; each style is registered with the workbook once and shared (the
        fastest way openpyxl offers: assigning Font/Border objects hashes them every time)."""
        c = WriteOnlyCell(ws, value)
        key = (id(alignment), id(cell_font), id(border))
        if key not in arrays:
            c.font, c.alignment, c.border = cell_font, alignment, border
            arrays[key] = c._style
        c._style = copy(arrays[key])
        return c

    ws.row_dimensions[1].height = 40
    ws.append([cell(f"{year}年项目支出绩效目标表（含转移支付项目）",
                    Alignment(horizontal="center", vertical="center"),
                    Font(name="宋体", size=18, bold=True), Border())])
    bold = Font(name="宋体", size=11, bold=True)
    ws.append([cell(h, center, bold) for h in ("主管部门", "预算单位", "项目名称", "绩效目标",
                                                 "绩效指标")])
    for r, (pid, department, unit, name, goal) in enumerate(projects, 3):
        items = [f"{n}、{level1}：{iname}，年度指标值：{value_text or comparator + (target or '') + iunit}。"
                 for n, (level1, iname, comparator, target, iunit, value_text)
                 in enumerate(indicators.get(pid, ()), 1)]
        ws.row_dimensions[r].height = max(len(items) * 14 + 6, 24)
        ws.append([cell(department, center), cell(unit, center), cell(name, center),
                   cell(goal, left), cell("\n".join(items), left)])
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
