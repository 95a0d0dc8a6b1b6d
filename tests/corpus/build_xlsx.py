"""Builds a table's source.xlsx from its source.txt, laid out as the clerk's Excel has it.

The published grid is kept in source.txt as Excel saves "Text (Tab delimited)": one row a line,
cells separated by tabs, a cell whose published text holds a line break quoted ("经济效益
指标"). meta.json may carry an "xlsx" block: {"sheet": name, "merges": ["A1:G1", ...],
"cells": {"A3": "text"}} for the merged headings and labels. Whole numbers and decimals are
written as numbers, as Excel stores what a clerk types; everything else is text, and a cell
starting with "=" (a comparator typed as "=10个") stays text, never a formula. Only tables that
are spreadsheet grids get a workbook. Run from the repository root:

    python tests/corpus/build_xlsx.py tests/corpus/tables/a01_...
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def build(folder: Path) -> Path:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    spec = meta.get("xlsx", {})
    text = (folder / "source.txt").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quotechar='"'))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    book = Workbook()
    sheet = book.active
    sheet.title = spec.get("sheet", "Sheet1")
    thin = Side(style="thin")
    widths: dict[int, int] = {}
    for r, line in enumerate(rows, start=1):
        for c, text in enumerate(line, start=1):
            if text == "":
                continue
            value: object = text
            if NUMBER.match(text) and len(text) < 12:
                value = int(text) if "." not in text else float(text)
            cell = sheet.cell(row=r, column=c, value=value)
            if text.startswith("="):
                cell.data_type = "s"  # typed text such as "=10个", not a formula
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            widths[c] = max(widths.get(c, 8), min(40, len(text) * 2))
    for ref, text in spec.get("cells", {}).items():
        sheet[ref] = text
        sheet[ref].alignment = Alignment(wrap_text=True, vertical="center")
    width = max((len(line) for line in rows), default=1)
    first_grid = spec.get("border_from_row", 2)
    for r in range(first_grid, len(rows) + 1):
        for c in range(1, width + 1):
            sheet.cell(row=r, column=c).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for ref in spec.get("merges", []):
        sheet.merge_cells(ref)
    for c, w in widths.items():
        sheet.column_dimensions[get_column_letter(c)].width = w
    out = folder / "source.xlsx"
    book.save(out)
    return out


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(build(Path(arg)))
