"""How fast PerfDesk reads back a city's whole budget: the 10,000 × 6 exports.

PerfDesk: ``read_table`` on the disclosure export and on the detailed export (format sniffing,
safety checks, layout detection, hashing each project's visible content, restoring every
project from the embedded data). Floor: bare openpyxl (read-only mode) reading every cell value
of every sheet of the same file. Target: at most 2× the floor.

Adding the projects to a dataset (``Dataset.add_projects``, one transaction) is the core's
work, not I/O; its time is printed for information.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import large_dataset, paired, report
from openpyxl import load_workbook

from perfdesk.services.dataset import Dataset
from perfdesk.io import export_detail, export_disclosure, read_table
from perfdesk.services.importing import import_files


def floor_read(path: Path) -> int:
    cells = 0
    with open(path, "rb") as fh:
        wb = load_workbook(fh, read_only=True, data_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells += len(row)
        wb.close()
    return cells


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    layouts = sys.argv[2].split(",") if len(sys.argv) > 2 else ["disclosure", "detail"]
    with Dataset.open(large_dataset(), read_only=True) as ds:
        projects, year = ds.load_projects(), ds.info.budget_year
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for layout in layouts:
            path = out / f"{layout}.xlsx"
            if layout == "disclosure":
                export_disclosure(projects, path, year=year)
            else:
                export_detail(projects, path, year=year)
            result = read_table(path)
            assert result.restored == len(projects) and result.projects == projects
            ours, floor = paired(lambda: read_table(path), lambda: floor_read(path), repeat)
            report(f"read {layout} export, {len(projects):,} projects "
                   f"({path.stat().st_size / 1e6:.1f} MB)", ours, floor)
        target = out / "into.perfdesk"
        Dataset.create(target, year=year, profile="88").close()
        with Dataset.open(target) as ds:
            import time

            t0 = time.perf_counter()
            import_files(ds, [out / f"{layouts[0]}.xlsx"])
            print(f"(import_files into a new dataset, {layouts[0]}: "
                  f"{time.perf_counter() - t0:.2f} s including Dataset.add_projects)")


if __name__ == "__main__":
    main()
