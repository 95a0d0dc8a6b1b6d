"""kill -9 while a clerk edits in the window: 0 completed edits lost, 0 broken datasets.

30 PerfDesk windows (offscreen, :mod:`tests.support.window_edits`) each edit their own copy
of a dataset without pause and are killed with SIGKILL at a random moment, two at a time.
Each dataset must then open in PerfDesk (the dead window's lock recovered), pass
``PRAGMA integrity_check`` and hold every edit the window had completed, plus at most the one
it was in the middle of.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from perfdesk.services.dataset import Dataset
from tests.support.paths import ROOT, SEED

WINDOWS = 30


def _start(path: Path, home: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PERFDESK_HOME=str(home),
               PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "tests.support.window_edits", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)


def _project_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM project").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_windows_while_they_edit_loses_no_completed_edit(tmp_path, _private_home):
    from perfdesk.services.importing import import_files

    good = tmp_path / "基础.perfdesk"
    with Dataset.create(good, year=2025, profile="88", department="部门", unit="单位") as ds:
        import_files(ds, [SEED])
    rng = random.Random(30)
    tally = {"killed": 0, "edits completed": 0, "lost": 0, "broken": 0, "in flight kept": 0}
    problems = []
    pending = list(range(WINDOWS))
    started = time.monotonic()

    def check(n: int, child: subprocess.Popen, path: Path) -> None:
        out, err = child.communicate(timeout=60)
        done = [line.split() for line in out.splitlines() if line.startswith("DONE")]
        tally["killed"] += child.returncode == -signal.SIGKILL
        if child.returncode != -signal.SIGKILL:
            problems.append(f"{n}: the window ended by itself ({child.returncode}): {err[-300:]}")
        last, count = (int(done[-1][1]), int(done[-1][2])) if done else (0, 22)
        tally["edits completed"] += last
        following = count - 1 if (last + 1) % 5 == 0 else count + 1
        try:
            with Dataset.open(path) as ds:
                ds.counts()
            stored = _project_count(path)
        except Exception as exc:  # noqa: BLE001 - counted and reported
            tally["broken"] += 1
            problems.append(f"{n}: the dataset does not open: {exc}")
            return
        if stored == following and following != count:
            tally["in flight kept"] += 1
        elif stored != count:
            tally["lost"] += 1
            problems.append(f"{n}: {stored} projects stored, {count} after the last edit done")

    running: list[tuple[int, subprocess.Popen, Path, float]] = []
    while pending or running:
        while pending and len(running) < 2:
            n = pending.pop(0)
            path = tmp_path / f"窗口{n:02d}.perfdesk"
            shutil.copyfile(good, path)
            child = _start(path, _private_home)
            line = child.stdout.readline()
            if line.strip() != "OPENED":
                child.kill()
                problems.append(f"{n}: {line!r} {child.stderr.read()[-300:]}")
                child.communicate()
                continue
            running.append((n, child, path, time.monotonic() + rng.uniform(0.05, 1.5)))
        time.sleep(0.01)
        for item in list(running):
            n, child, path, kill_at = item
            if time.monotonic() >= kill_at:
                child.send_signal(signal.SIGKILL)
                running.remove(item)
                check(n, child, path)
    print(f"\n{WINDOWS} windows in {time.monotonic() - started:.0f} s: "
          + ", ".join(f"{k} {v}" for k, v in tally.items()))
    assert not problems, "\n".join(problems)
    assert tally["lost"] == 0 and tally["broken"] == 0 and tally["killed"] == WINDOWS
