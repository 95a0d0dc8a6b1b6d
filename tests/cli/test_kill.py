"""kill -9 at any moment of an import or an export loses nothing and breaks nothing.

200 ``perfdesk import``/``perfdesk export`` processes (forked, see
:mod:`tests.support.process_runner`) are killed with SIGKILL after a random delay, each on its
own copy of a dataset. Afterwards every dataset must open in PerfDesk (the killed process's
lock and journal are recovered), pass ``PRAGMA integrity_check`` and hold exactly the state
before the import or exactly the state after it; every export target must be either the old
workbook, untouched, or the complete new one; and the temporary files of killed exports are
gone after the next export to the same place.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from perfdesk.io import export_disclosure, read_table
from perfdesk.services.dataset import Dataset
from perfdesk.services.importing import import_files
from tests.support.paths import DATA, ROOT, SEED

KILLS = 200
TABLE = DATA / "disclosure.xls"


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", path
        return sorted(r[0] for r in conn.execute("SELECT name FROM project"))
    finally:
        conn.close()


def run(jobs: list[dict], jobs_file: Path) -> list[dict]:
    results_file = jobs_file.with_suffix(".results.json")
    jobs_file.write_text(json.dumps(jobs), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "tests.support.process_runner", str(jobs_file),
                    str(results_file), "2"], cwd=ROOT, check=True, timeout=600)
    return json.loads(results_file.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")
def test_killing_imports_and_exports_at_random_loses_and_breaks_nothing(tmp_path,
                                                                        _private_home):
    good = tmp_path / "基础.perfdesk"
    with Dataset.create(good, year=2025, profile="88", department="部门", unit="单位") as ds:
        import_files(ds, [SEED])
        projects = ds.load_projects()
    before = names(good)
    after_path = tmp_path / "导入后.perfdesk"
    shutil.copyfile(good, after_path)
    with Dataset.open(after_path) as ds:
        import_files(ds, [TABLE])
    after = names(after_path)
    old_export = export_disclosure(projects[:3], tmp_path / "旧.xlsx", year=2025).read_bytes()

    # how long each operation takes here: the kills fall in its second half (writing, the
    # commit, the atomic replace), where there is something to lose, and a few after it
    durations = {}
    for kind in ("import", "export"):
        probe = tmp_path / f"probe-{kind}"
        probe.mkdir()
        shutil.copyfile(good, probe / "数据.perfdesk")
        argv = (["import", str(TABLE), "--into", str(probe / "数据.perfdesk")] if kind == "import"
                else ["export", str(probe / "数据.perfdesk"), "-o", str(probe / "x.xlsx")])
        [result] = run([{"argv": argv, "cwd": str(probe), "stdout": str(probe / "out"),
                         "stderr": str(probe / "err")}], tmp_path / f"probe-{kind}.json")
        assert result["returncode"] == 0, (probe / "err").read_text(encoding="utf-8")
        durations[kind] = result["seconds"] * 1.5  # two run at once below

    rng = random.Random(17)
    jobs, kinds = [], []
    for n in range(KILLS):
        work = tmp_path / f"{n:03d}"
        work.mkdir()
        dataset = work / "数据.perfdesk"
        shutil.copyfile(good, dataset)
        if n % 2 == 0:
            argv = ["import", str(TABLE), "--into", str(dataset)]
            kinds.append("import")
        else:
            (work / "公开表.xlsx").write_bytes(old_export)
            argv = ["export", str(dataset), "-o", str(work / "公开表.xlsx")]
            kinds.append("export")
        jobs.append({"argv": argv, "cwd": str(work), "stdout": str(work / "out.txt"),
                     "stderr": str(work / "err.txt"),
                     "kill_after": durations[kinds[-1]] * rng.uniform(0.4, 2.0)})
    results = run(jobs, tmp_path / "jobs.json")

    tally = {"killed": 0, "finished": 0, "before": 0, "after": 0, "lost": 0, "broken": 0,
             "old export": 0, "new export": 0, "leftovers": 0}
    problems = []
    for n, (job, kind, result) in enumerate(zip(jobs, kinds, results)):
        work = Path(job["cwd"])
        dataset = work / "数据.perfdesk"
        tally["killed" if result["returncode"] == -9 else "finished"] += 1
        if result["returncode"] not in (0, -9):
            problems.append(f"{n}: exit {result['returncode']}: "
                            f"{(work / 'err.txt').read_text(encoding='utf-8')[:200]}")
        try:
            with Dataset.open(dataset) as ds:  # PerfDesk recovers the lock and the journal
                ds.counts()
            state = names(dataset)
        except Exception as exc:  # noqa: BLE001 - every failure is counted, then reported
            tally["broken"] += 1
            problems.append(f"{n} ({kind}): the dataset does not open: {exc}")
            continue
        if kind == "import":
            if state == before:
                tally["before"] += 1
            elif state == after:
                tally["after"] += 1
                if result["returncode"] == 0:
                    pass
            else:
                tally["lost"] += 1
                problems.append(f"{n}: the dataset holds neither state ({len(state)} projects)")
            if result["returncode"] == 0 and state != after:
                problems.append(f"{n}: the import finished but its projects are not there")
            continue
        if state != before:
            tally["lost"] += 1
            problems.append(f"{n}: an export changed the dataset")
        target = work / "公开表.xlsx"
        data = target.read_bytes()
        if data == old_export:
            tally["old export"] += 1
        else:
            read = read_table(target)
            if len(read.projects) != len(before):
                tally["broken"] += 1
                problems.append(f"{n}: the export holds {len(read.projects)} projects")
            tally["new export"] += 1
        leftovers = [p for p in work.iterdir() if p.name.endswith(".tmp")]
        tally["leftovers"] += len(leftovers)
        if leftovers:  # the next export cleans them up
            with Dataset.open(dataset, read_only=True) as ds:
                export_disclosure(ds.load_projects(), target, year=2025)
            still = [p.name for p in work.iterdir() if p.name.endswith(".tmp")]
            if still:
                problems.append(f"{n}: the next export left {still}")
    print(f"\n{KILLS} processes (import {durations['import']:.2f} s, export "
          f"{durations['export']:.2f} s unkilled): "
          + ", ".join(f"{k} {v}" for k, v in tally.items()))
    assert tally["killed"] >= KILLS // 4, tally  # most were killed part-way, not after
    assert not problems, "\n".join(problems)
    assert tally["lost"] == 0 and tally["broken"] == 0
