"""A killed export leaves its temporary file beside the target; the next export removes it."""

from __future__ import annotations

import subprocess
import sys

from perfdesk.core.model import Indicator, Project
from perfdesk.io import export_disclosure, read_table


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_next_export_removes_what_killed_exports_left_and_keeps_a_running_ones(tmp_path):
    target = tmp_path / "公开表.xlsx"
    dead = tmp_path / f".~公开表-{_dead_pid()}-abc123.tmp"
    older = tmp_path / ".~公开表-k3j2h1.tmp"  # named as before the process id was in it
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = tmp_path / f".~公开表-{running.pid}-zzz999.tmp"
        other = tmp_path / f".~别的表-{_dead_pid()}-abc123.tmp"  # another target's: not ours
        for leftover in (dead, older, alive, other):
            leftover.write_bytes(b"PK\x03\x04half a workbook")
        project = Project(name="项目", department="部门", unit="单位",
                          indicators=[Indicator(level1="产出指标", name="指标")])
        export_disclosure([project], target, year=2025)
        assert not dead.exists() and not older.exists()
        assert alive.exists() and other.exists()
        assert [p.name for p in read_table(target).projects] == ["项目"]
    finally:
        running.kill()
        running.wait()
