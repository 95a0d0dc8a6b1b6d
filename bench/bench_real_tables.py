"""How many real published tables PerfDesk imports exactly (issue 11).

Imports every table of tests/corpus/tables with ``perfdesk.io.read_table`` and compares it field
by field with its expected.json (tests/corpus/agreement.py, as the corpus test does); prints
``real tables: N/M import exactly`` with the count per layout, each table's first differences
with ``-v``, and the time the reading took against the floor of openpyxl/csv loading the same
files.
"""

from __future__ import annotations

import csv
import sys
import time

from common import ROOT

sys.path.insert(0, str(ROOT / "tests" / "corpus"))

import agreement  # noqa: E402


def _floor(folders) -> float:
    import openpyxl

    t0 = time.perf_counter()
    for folder in folders:
        source = agreement.source_of(folder)
        if source is None:
            continue
        if source.suffix == ".xlsx":
            with open(source, "rb") as fh:
                book = openpyxl.load_workbook(fh, read_only=True, data_only=True)
                for ws in book.worksheets:
                    list(ws.iter_rows(values_only=True))
                book.close()
        else:
            with open(source, encoding="utf-8", errors="replace") as fh:
                list(csv.reader(fh, delimiter="\t"))
    return time.perf_counter() - t0


def main() -> None:
    folders = agreement.corpus_dirs()
    t0 = time.perf_counter()
    results = agreement.measure(folders)
    ours = time.perf_counter() - t0
    floor = _floor(folders)
    print(agreement.summary(results))
    if "-v" in sys.argv:
        print(agreement.report(results))
    gaps = agreement.known_gaps()
    for name in sorted(gaps):
        print(f"  gap {name}: {gaps[name]}")
    print(f"reading {len(folders)} tables: PerfDesk {ours * 1000:.0f} ms (with comparing), "
          f"floor {floor * 1000:.0f} ms, ratio {ours / floor:.2f}x")


if __name__ == "__main__":
    main()
