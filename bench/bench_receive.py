"""Receiving 200 units × 50 projects from a folder (perfdesk receive: every file's seal,
signature, department, order and sheets verified, each unit's projects stored in one
transaction with its receipt) against importing the same files without verification
(perfdesk import into a fresh dataset: the same reading and storing, nothing checked).

The submissions are made once, through the real submit service from 200 unit datasets set up
from one task file, into ``bench/out/submissions-200x50``. Aim: at most 1.2×.
"""

from __future__ import annotations

import shutil
import sys
import time

from common import OUT, report, sample_projects

UNITS, PROJECTS = 200, 50


def make_submissions():
    from perfdesk.services.submission.submit import submit
    from perfdesk.services.submission.task import dataset_from_task, make_task

    folder = OUT / f"submissions-{UNITS}x{PROJECTS}"
    done = folder / "done"
    if done.exists():
        return folder, next(folder.glob("tasks/*主管部门留存*"))
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "tasks").mkdir(parents=True)
    (folder / "files").mkdir()
    (folder / "units").mkdir()
    t0 = time.perf_counter()
    main, tasks = make_task(folder / "tasks", year=2025, profile="88", department="第1主管部门",
                            units=[(f"第{n + 1}预算单位", f"{n + 1:04d}") for n in range(UNITS)])
    for n, task in enumerate(tasks):
        with dataset_from_task(task, folder / "units" / f"{n}.perfdesk") as ds:
            projects = list(sample_projects(PROJECTS))
            for p in projects:
                p.department, p.unit = "第1主管部门", f"第{n + 1}预算单位"
            ds.add_projects(projects)
            submit(ds, folder / "files", explain_all="基准测试")
    done.touch()
    print(f"(made {UNITS} submissions in {time.perf_counter() - t0:.0f} s)")
    return folder, main


def main() -> None:
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.importing import import_files
    from perfdesk.services.submission.receive import receive, submission_files
    from perfdesk.services.submission.task import dataset_from_task

    folder, task = make_submissions()
    files = submission_files([folder / "files"])
    work = OUT / "receive-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    times_ours, times_floor = [], []
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    for k in range(repeat):
        t0 = time.perf_counter()
        with dataset_from_task(task, work / f"merged{k}.perfdesk") as ds:
            results = receive(ds, [folder / "files"])
        times_ours.append(time.perf_counter() - t0)
        assert all(r.status == "received" for r in results), results[:3]
        t0 = time.perf_counter()
        with Dataset.create(work / f"plain{k}.perfdesk", year=2025, profile="88") as ds:
            import_files(ds, files)
        times_floor.append(time.perf_counter() - t0)
    ours, floor = min(times_ours), min(times_floor)
    report(f"receive {UNITS} units × {PROJECTS} projects from a folder", ours, floor,
           "(floor: importing the same files without verification)")


if __name__ == "__main__":
    main()
