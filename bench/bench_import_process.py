"""``perfdesk import`` as a whole process, against a bare process reading the same workbook.

    python bench/bench_import_process.py [--sizes 1000,10000,50000] [--layouts disclosure,detail]

Workbook: PerfDesk's own export of N projects × 6 indicators (the disclosure table by default;
what a 主管部门 receives from its units), built once into bench/out/. PerfDesk: ``perfdesk import
BOOK --into NEW.perfdesk`` (the new dataset is created beforehand, untimed). Floor: a bare Python
process that opens the same workbook with openpyxl in read-only mode and reads every cell value
of every sheet (bench/floor/read_xlsx.py). Aim: at most 2× the floor. One run each by default;
the per-project cost shows how the cost grows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import (FLOOR, OUT, add_size_arguments, large_dataset, perfdesk_command,
                    process_report, run_process, sizes, timed_processes)

AIM = 2.0


def workbook(projects: int, layout: str) -> Path:
    path = OUT / f"{layout}-{projects}x6.xlsx"
    if not path.exists():
        from perfdesk.io import export_detail, export_disclosure
        from perfdesk.services.dataset import Dataset

        with Dataset.open(large_dataset(projects), read_only=True) as ds:
            loaded, year = ds.load_projects(), ds.info.budget_year
        export = export_disclosure if layout == "disclosure" else export_detail
        export(loaded, path, year=year)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser)
    parser.add_argument("--layouts", default="disclosure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for layout in args.layouts.split(","):
            for n in sizes(args):
                book = workbook(n, layout)
                runs = iter(range(1_000_000))

                def ours():
                    target = Path(folder) / f"into-{layout}-{n}-{next(runs)}.perfdesk"
                    run_process(perfdesk_command("new", "--year", "2025", str(target)))
                    return run_process(perfdesk_command("import", str(book), "--into",
                                                        str(target)))

                def floor():
                    return run_process([sys.executable, str(FLOOR / "read_xlsx.py"), str(book)])

                mine, base = timed_processes(ours, floor, args.repeat)
                process_report(f"perfdesk import ({layout}, {book.stat().st_size / 1e6:.1f} MB)",
                               n, mine, base, AIM)


if __name__ == "__main__":
    main()
