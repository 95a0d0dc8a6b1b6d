"""How fast a city's whole budget exports: 10,000 projects × 6 indicators.

PerfDesk: ``export_disclosure`` and ``export_detail`` (styles, merges, print setup, row
heights, the embedded round-trip data, atomic save and read-back). Floor: a bare openpyxl
write-only workbook holding the same visible cell values at the same places, saved once.
Target: at most 1.5× the floor.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import large_dataset, paired, report

from openpyxl import Workbook

from perfdesk.services.dataset import Dataset
from perfdesk.io import detail, disclosure, export_detail, export_disclosure
from perfdesk.io.detail_form import detail_form


def load():
    with Dataset.open(large_dataset(), read_only=True) as ds:
        return ds.load_projects(), ds.info.budget_year


def floor_disclosure(projects, path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet")
    ws.append(["2025年项目支出绩效目标表（含转移支付项目）"])
    ws.append(list(disclosure.HEADERS))
    for project in projects:
        ws.append(disclosure.project_row(project))
    wb.save(path)


def floor_detail(projects, path: Path, year: int) -> None:
    """The same values at the same cells, one sheet per project, nothing else."""
    template = detail.load_template()
    width = template.max_col
    wb = Workbook(write_only=True)
    for index, project in enumerate(projects, 1):
        values, _shift = detail.sheet_values(template, detail_form(project, year=year))
        ws = wb.create_sheet(f"{index}")
        for r in range(1, max(r for r, _c in values) + 1):
            ws.append([values.get((r, c)) for c in range(1, width + 1)])
        ws.close()
    wb.save(path)


def main() -> None:
    projects, year = load()
    count = sum(len(p.indicators) for p in projects)
    label = f"{len(projects):,} projects / {count:,} indicators"
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    layouts = sys.argv[2].split(",") if len(sys.argv) > 2 else ["disclosure", "detail"]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        if "disclosure" in layouts:
            ours, floor = paired(lambda: export_disclosure(projects, out / "d.xlsx", year=year),
                                 lambda: floor_disclosure(projects, out / "fd.xlsx"), repeat)
            report(f"export disclosure, {label}", ours, floor,
                   f"({(out / 'd.xlsx').stat().st_size / 1e6:.1f} MB vs "
                   f"{(out / 'fd.xlsx').stat().st_size / 1e6:.1f} MB)")
        if "detail" in layouts:
            ours, floor = paired(lambda: export_detail(projects, out / "t.xlsx", year=year),
                                 lambda: floor_detail(projects, out / "ft.xlsx", year), repeat)
            report(f"export detail, {label}", ours, floor,
                   f"({(out / 't.xlsx').stat().st_size / 1e6:.1f} MB vs "
                   f"{(out / 'ft.xlsx').stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
