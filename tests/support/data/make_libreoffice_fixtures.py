"""Regenerate the workbooks saved by LibreOffice (tests/io/test_xlsx_cells.py reads them).

Office suites write .xlsx differently from openpyxl: shared strings (with rich-text runs),
explicit ``t="n"`` types, formulas with their cached values, dates and percentages as styled
numbers. This script writes a workbook of such cells, a PerfDesk disclosure export and one
corpus table, and has LibreOffice (``libreoffice`` on PATH) open and save each as .xlsx:

    python tests/support/data/make_libreoffice_fixtures.py
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))


def mixed(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb = Workbook()
    ws = wb.active
    ws.title = "数据"
    ws["A1"], ws["B1"], ws["C1"] = "项目名称", 12, 0.95
    ws["C1"].number_format = "0%"
    ws["D1"], ws["E1"], ws["F1"], ws["G1"] = datetime.date(2025, 3, 1), True, "=B1*2", 1.5e-7
    ws["A3"] = CellRichText(["普通", TextBlock(InlineFont(b=True), "加粗"), "尾"])
    ws["C3"], ws["D3"] = "  前后空格  ", "第一行\n第二行"
    ws["B4"] = datetime.datetime(2025, 1, 2, 3, 4, 5)
    ws["B4"].number_format = "yyyy-mm-dd hh:mm"
    ws["C4"], ws["D4"], ws["F4"] = 45000, -3, "&<>\"'"
    ws["C4"].number_format = "0.00%"
    ws.cell(row=7, column=9, value="远处")
    hidden = wb.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "x"
    wb.save(path)


def export(path: Path) -> None:
    from perfdesk.core.model import Indicator, Project
    from perfdesk.io import export_disclosure

    projects = [Project(name=f"第{n}号项目", department="某某区财政局（部门）", unit="某某区财政局",
                        annual_total=Decimal("12.50"), annual_goal="完成年度培训10场。",
                        indicators=[Indicator(level1="产出指标", level2="数量指标", name="培训场次",
                                              nature="定量", comparator="≥", target=Decimal(10),
                                              unit="场", explanation="按计划统计")])
                for n in (1, 2, 3)]
    export_disclosure(projects, path, year=2025)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        mixed(folder / "mixed.xlsx")
        export(folder / "perfdesk_export.xlsx")
        shutil.copy(ROOT / "tests/corpus/tables/c04_wuhan_qingshan_bogai/source.xlsx",
                    folder / "bogai.xlsx")
        out = folder / "out"
        subprocess.run(["libreoffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out),
                        *map(str, sorted(folder.glob("*.xlsx")))], check=True)
        for made in out.glob("*.xlsx"):
            shutil.copy(made, HERE / "libreoffice" / made.name)


if __name__ == "__main__":
    main()
