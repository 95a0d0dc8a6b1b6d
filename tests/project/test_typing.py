"""The core is type-checked strictly: a wrong type in the model, the values or the one cell
reader is a bug every caller (typing, pasting, importing, checking, exporting) inherits, and a
strict checker finds it before a clerk does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRICT = ("perfdesk/core",)


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
                           "--cache-dir", str(ROOT / ".mypy_cache"), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_the_core_passes_a_strict_type_check():
    run = _mypy(*STRICT)
    assert run.returncode == 0, "mypy --strict finds:\n" + run.stdout + run.stderr


def test_the_strict_check_catches_a_wrong_type(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("from decimal import Decimal\n\n"
                      "def total(parts: list[Decimal]) -> Decimal:\n"
                      "    return sum(parts) / 2.0\n", encoding="utf-8")
    run = _mypy(str(broken))
    assert run.returncode != 0
    assert "broken.py:4" in run.stdout
