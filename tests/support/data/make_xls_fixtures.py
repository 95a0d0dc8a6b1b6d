"""Regenerate the .xls fixtures (the format old WPS and Excel installs still save).

No Python library in PerfDesk's dependencies writes .xls, so the fixtures are made the way a
clerk's office makes them: a workbook saved by an office suite. This script writes the tables
from tests/io_tables.py as .xlsx and converts them with LibreOffice (``soffice`` on PATH):

    python tests/data/make_xls_fixtures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import io_tables  # noqa: E402


def convert(xlsx: Path, out_dir: Path) -> Path:
    subprocess.run(["soffice", "--headless", "--convert-to", "xls:MS Excel 97", "--outdir",
                    str(out_dir), str(xlsx)], check=True, capture_output=True, timeout=300)
    return out_dir / (xlsx.stem + ".xls")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        disclosure = io_tables.write_xlsx(
            tmp / "disclosure.xlsx",
            [[io_tables.TITLE], [], io_tables.HEADERS,
             *[[None if (n and c in (0, 1)) else v for c, v in enumerate(row)]
               for n, row in enumerate(io_tables.ROWS)]],
            merges=("A1:E1", "A4:A6"))
        detail = io_tables.write_detail_official(tmp / "detail.xlsx")
        for source in (disclosure, detail):
            shutil.copy(convert(source, tmp), HERE / (source.stem + ".xls"))
            print(f"wrote {HERE / (source.stem + '.xls')}")


if __name__ == "__main__":
    main()
