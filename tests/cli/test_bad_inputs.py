"""Hundreds of broken and hostile inputs, each run as its own ``perfdesk`` process.

The corpus (:mod:`tests.support.bad_inputs`) is generated afresh; every input runs as a separate
process (forked from one that has imported PerfDesk, see :mod:`tests.support.process_runner`)
with a memory limit, and each must end either in a clean import or in a refusal that a clerk
understands: exit status 2, a Chinese message naming the file (and the row where it applies),
no traceback and no internal error, and the dataset byte for byte as it was. Every process
must end within 60 s and stay under 1 GiB. A few inputs also run through the real executable
(``python -m perfdesk``) to cover what only a fresh process sees: the command line's bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from perfdesk.io import export_detail, export_disclosure, read_table
from perfdesk.services.dataset import Dataset
from perfdesk.services.importing import import_files
from tests.support import bad_inputs, io_tables
from tests.support.paths import ROOT, SEED
from tests.support.process_runner import LIMIT_BYTES, LIMIT_SECONDS

RAW_PYTHON = ("Traceback", "内部错误", "Errno", "invalid literal", "out of range",
              "has no attribute", "codec can't", "object is not", "NoneType")
OTHER_TABLE = ROOT / "tests" / "support" / "data" / "disclosure.xls"
CJK = re.compile(r"[\u4e00-\u9fff]")


def fingerprint(folder: Path) -> dict[str, str]:
    found = {}
    for p in sorted(folder.iterdir()):
        if p.is_file() and not p.is_symlink():
            found[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            found[p.name] = "not a file"
    return found


def shown_name(path: str) -> str:
    """The file's name as a message shows it (bytes that are not UTF-8 as �)."""
    name = os.path.basename(path.rstrip("/")) or path
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """(cases, good dataset, folder): the generated inputs and the dataset they go into."""
    folder = tmp_path_factory.mktemp("corpus")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PERFDESK_HOME", str(folder / "home"))
        return _make_corpus(folder)


def _make_corpus(folder: Path):
    good = folder / "好的.perfdesk"
    with Dataset.create(good, year=2025, profile="88", department="部门", unit="单位") as ds:
        import_files(ds, [SEED])
    table = io_tables.write_xlsx(folder / "表.xlsx", io_tables.disclosure_rows())
    projects = read_table(table).projects
    exports = {"table": table,
               "disclosure": export_disclosure(projects, folder / "公开表.xlsx", year=2025),
               "detail": export_detail(projects, folder / "申报表.xlsx", year=2025)}
    cases_folder = folder / "cases"
    cases_folder.mkdir()
    started = time.monotonic()
    cases = bad_inputs.generate(cases_folder, exports, good)
    print(f"\n{len(cases)} bad inputs generated in {time.monotonic() - started:.1f} s")
    return cases, good, folder


def job_for(case: bad_inputs.BadInput, good: Path, work: Path) -> tuple[dict, Path]:
    """The command line for ``case`` and the folder holding the dataset it may change."""
    work.mkdir()
    (work / "dataset").mkdir()
    if case.target == "dataset":
        dataset = Path(case.path)
        argv = ["info", case.path] if case.command == "info" else \
            ["import", str(OTHER_TABLE), "--into", case.path]
        watched = dataset.parent
    else:
        dataset = work / "dataset" / "目标.perfdesk"
        shutil.copyfile(good, dataset)
        # the file as a clerk types it: its bare name, from its own folder
        argv = ["import", os.path.basename(case.path), "--into", str(dataset)]
        watched = dataset.parent
    job = {"argv": argv, "cwd": os.path.dirname(case.path) or ".",
           "stdout": str(work / "out.txt"), "stderr": str(work / "err.txt")}
    return job, watched


def judge(case: bad_inputs.BadInput, result: dict, out: str, err: str, before: dict,
          watched: Path) -> list[str]:
    """What is wrong with how PerfDesk handled ``case`` (empty: it held)."""
    problems = []
    both = out + err
    for raw in RAW_PYTHON:
        if raw in both:
            problems.append(f"says {raw!r}")
    if result["seconds"] > LIMIT_SECONDS:
        problems.append(f"took {result['seconds']:.0f} s")
    if result["max_rss"] > LIMIT_BYTES:
        problems.append(f"used {result['max_rss'] / 2**20:.0f} MiB")
    code = result["returncode"]
    if code not in (0, 2):
        problems.append(f"exit status {code}")
    elif code == 2:
        if case.refused is False:
            problems.append("refused a file that must import")
        if not CJK.search(err):
            problems.append("no Chinese message")
        name = shown_name(case.path)
        if f"“{name}”" not in err:
            problems.append(f"the message does not name {name!r}")
        if case.row is not None and f"第 {case.row} 行" not in err:
            problems.append(f"the message does not name row {case.row}")
        for word in case.words:
            if word not in err:
                problems.append(f"the message does not say {word!r}")
        if fingerprint(watched) != before:
            problems.append("the dataset changed although refused")
    else:
        if case.refused:
            problems.append("imported a file that must be refused")
        if case.target == "table" or case.command == "import":
            if "已导入" not in out:
                problems.append("exit 0 without saying what was imported")
        dataset = watched / "目标.perfdesk" if case.target == "table" else Path(case.path)
        if dataset.is_file():
            conn = sqlite3.connect(dataset)
            try:
                if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    problems.append("the dataset fails integrity_check")
            finally:
                conn.close()
    return problems


def run_corpus(cases, good: Path, work: Path, parallel: int = 2):
    jobs, watched, befores = [], [], []
    for index, case in enumerate(cases):
        job, folder = job_for(case, good, work / f"{index:03d}")
        jobs.append(job)
        watched.append(folder)
        befores.append(fingerprint(folder))
    jobs_file, results_file = work / "jobs.json", work / "results.json"
    jobs_file.write_text(json.dumps(jobs), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "tests.support.process_runner", str(jobs_file),
                    str(results_file), str(parallel)], cwd=ROOT, check=True, timeout=900,
                   env={**os.environ, "LANG": "zh_CN.UTF-8"})
    results = json.loads(results_file.read_text(encoding="utf-8"))
    return jobs, watched, befores, results


def test_every_bad_input_ends_in_a_clear_message_or_a_clean_import(corpus, tmp_path):
    cases, good, _folder = corpus
    cases = [case for case in cases if not case.slow]
    assert len(cases) >= 250
    check_cases(cases, good, tmp_path)


@pytest.mark.slow
def test_the_heaviest_bad_inputs_too(corpus, tmp_path):
    cases, good, _folder = corpus
    check_cases([case for case in cases if case.slow], good, tmp_path)


def check_cases(cases, good: Path, tmp_path: Path) -> None:
    only = os.environ.get("PERFDESK_BAD_INPUTS")  # a comma-separated subset, when debugging
    if only:
        cases = [case for case in cases if any(k in case.key for k in only.split(","))]
    started = time.monotonic()
    jobs, watched, befores, results = run_corpus(cases, good, tmp_path)
    failures, refused, imported = [], 0, 0
    for case, job, folder, before, result in zip(cases, jobs, watched, befores, results):
        out = Path(job["stdout"]).read_text(encoding="utf-8", errors="replace")
        err = Path(job["stderr"]).read_text(encoding="utf-8", errors="replace")
        problems = judge(case, result, out, err, before, folder)
        refused += result["returncode"] == 2
        imported += result["returncode"] == 0
        if problems:
            failures.append(f"{case.key}: {'; '.join(problems)}\n    {err.strip()[:300]}")
    slowest = max(results, key=lambda r: r["seconds"])
    for case, result in sorted(zip(cases, results), key=lambda p: -p[1]["seconds"])[:12]:
        print(f"  {case.key}: {result['seconds']:.1f} s, {result['max_rss'] / 2**20:.0f} MiB")
    biggest = max(r["max_rss"] for r in results)
    print(f"{len(cases)} inputs in {time.monotonic() - started:.1f} s: {refused} refused, "
          f"{imported} imported, {len(cases) - len(failures)} held, {len(failures)} failed; "
          f"slowest {slowest['seconds']:.1f} s, most memory {biggest / 2**20:.0f} MiB")
    assert not failures, f"{len(failures)} of {len(cases)} inputs:\n" + "\n".join(failures)


REAL_PROCESS = ("name-dash", "name-into", "name-not-utf8-csv", "name-not-utf8-xlsx",
                "csv-250000-rows", "merge-whole-sheet-detail", "text-bad-byte",
                "dataset-foreign-wal-info", "money-text-1E+200000000", "fifo")


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    limit = 4 * LIMIT_BYTES  # address space: the interpreter maps far more than it uses
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_some_bad_inputs_through_the_real_executable(corpus, tmp_path):
    """What only the real ``python -m perfdesk`` sees: file names as the bytes of argv."""
    cases, good, _folder = corpus
    chosen = [case for case in cases if case.key in REAL_PROCESS]
    assert len(chosen) == len(REAL_PROCESS)
    failures = []
    for index, case in enumerate(chosen):
        job, folder = job_for(case, good, tmp_path / f"{index:03d}")
        before = fingerprint(folder)
        started = time.monotonic()
        with open(job["stdout"], "wb") as out, open(job["stderr"], "wb") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", "perfdesk", *[os.fsencode(a) for a in job["argv"]]],
                cwd=job["cwd"], stdout=out, stderr=err, preexec_fn=_limit_memory,
                env={**os.environ, "LANG": "zh_CN.UTF-8", "PYTHONPATH": str(ROOT)})
            timer = threading.Timer(LIMIT_SECONDS, process.kill)
            timer.start()
            try:  # this process's own peak memory (getrusage's children would be all of them)
                _pid, status, usage = os.wait4(process.pid, 0)
            finally:
                timer.cancel()
                process.returncode = 0
        result = {"returncode": os.waitstatus_to_exitcode(status),
                  "seconds": time.monotonic() - started, "max_rss": usage.ru_maxrss * 1024}
        stdout = Path(job["stdout"]).read_text(encoding="utf-8", errors="replace")
        stderr = Path(job["stderr"]).read_text(encoding="utf-8", errors="replace")
        problems = judge(case, result, stdout, stderr, before, folder)
        if problems:
            failures.append(f"{case.key}: {'; '.join(problems)}\n    {stderr[:300]}")
    assert not failures, "\n".join(failures)
