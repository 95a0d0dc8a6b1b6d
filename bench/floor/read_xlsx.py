"""Floor for bench_import_process.py: a bare Python process reading every cell value of every
sheet of a workbook with openpyxl's read-only mode, and nothing else.

    python bench/floor/read_xlsx.py BOOK.xlsx
"""

import sys

from openpyxl import load_workbook


def main(path: str) -> None:
    cells = 0
    with open(path, "rb") as fh:
        wb = load_workbook(fh, read_only=True, data_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells += len(row)
        wb.close()
    print(cells)


if __name__ == "__main__":
    main(sys.argv[1])
