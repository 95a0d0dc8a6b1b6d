"""``perfdesk export`` as a whole process, both layouts, against a bare process doing the same.

    python bench/bench_export_process.py [--sizes 1000,10000,50000] [--layouts disclosure,detail]

Dataset: N projects × 6 indicators (bench/common.large_dataset), built once into bench/out/.
PerfDesk: ``perfdesk export DATASET --format disclosure|detail -o OUT.xlsx``. Floor: a bare Python
process that reads the same rows with sqlite3 and writes the same visible cells with the same
styles (fonts, borders, alignment, widths, heights, merges) with openpyxl's write-only mode,
saved once (bench/floor/write_disclosure.py, bench/floor/write_detail.py). PerfDesk also writes
its hidden round-trip data, print setup, checks the text of every cell and reads the file back
before replacing the target. Aim: at most 1.5× the floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from common import (FLOOR, add_size_arguments, large_dataset, perfdesk_command,
                    process_report, run_process, sizes, timed_processes)

AIM = 1.5


def detail_layout(folder: Path) -> Path:
    """Where the detailed form's values go, from the template (a constant of the layout)."""
    from perfdesk.io import detail

    template = detail.load_template()
    path = folder / "layout.json"
    path.write_text(json.dumps({"template": str(template.path), "grid_row": template.grid_row,
                                "places": {k: v[:2] for k, v in template.places.items()}}),
                    encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser)
    parser.add_argument("--layouts", default="disclosure,detail")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        layout = detail_layout(out)
        for kind in args.layouts.split(","):
            for n in sizes(args):
                dataset = large_dataset(n)
                floor_command = [sys.executable, str(FLOOR / f"write_{kind}.py"), str(dataset),
                                 str(out / "floor.xlsx")]
                if kind == "detail":
                    floor_command.append(str(layout))
                mine, base = timed_processes(
                    lambda: run_process(perfdesk_command("export", str(dataset), "--format", kind,
                                                         "-o", str(out / "ours.xlsx"))),
                    lambda: run_process(floor_command), args.repeat)
                sizes_mb = (f"{(out / 'ours.xlsx').stat().st_size / 1e6:.1f} MB vs "
                            f"{(out / 'floor.xlsx').stat().st_size / 1e6:.1f} MB")
                process_report(f"perfdesk export --format {kind} ({sizes_mb})", n, mine, base,
                               AIM)


if __name__ == "__main__":
    main()
