"""Running ``perfdesk`` commands as separate processes, many of them quickly.

Starting Python and importing PerfDesk takes about a second; a corpus of hundreds of bad inputs
run that way would take minutes. This runner pays for the imports once and then *forks* one
child process per command: each child is a real, separate process running PerfDesk's own entry
point (:func:`perfdesk.app.main.main`, exactly what the ``perfdesk`` executable runs) with its
own stdout and stderr files, its own working folder, an address-space limit and a wall-clock
limit. The parent collects each child's exit status, wall time and peak memory
(``os.wait4``'s resource usage) and writes them as JSON.

Run as ``python -m tests.support.process_runner JOBS.json RESULTS.json [PARALLEL]``; each job
is ``{"argv": [...], "cwd": "...", "stdout": "...", "stderr": "..."}`` (file names may hold
undecodable bytes, carried as surrogate escapes), optionally ``"kill_after": seconds``: the
child is killed with SIGKILL then, as a power cut or the task manager would. POSIX only.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time

LIMIT_SECONDS = 60.0
LIMIT_BYTES = 1 << 30  # 1 GiB of memory beyond what the runner itself holds


def _vm_size() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child(job: dict, address_space: int) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        os.chdir(job["cwd"])
        for fd, name in ((1, job["stdout"]), (2, job["stderr"])):
            out = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(out, fd)
            os.close(out)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        from perfdesk.app.main import main

        sys.argv = ["perfdesk", *job["argv"]]
        code = main(job["argv"])
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code if isinstance(code, int) else 0)
    except SystemExit as exc:  # argparse
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(exc.code if isinstance(exc.code, int) else 2)
    except BaseException:  # pragma: no cover - shows in the stderr file
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
        os._exit(99)


def run_jobs(jobs: list[dict], parallel: int = 2) -> list[dict]:
    """Run every job in its own forked process, ``parallel`` at a time."""
    # everything a command needs, imported once before forking
    import perfdesk.app.main  # noqa: F401
    import perfdesk.cli
    import perfdesk.io  # noqa: F401
    import perfdesk.services.dataset  # noqa: F401
    import perfdesk.services.importing  # noqa: F401
    import openpyxl  # noqa: F401

    perfdesk.cli._load_commands()
    address_space = _vm_size() + LIMIT_BYTES
    results: list[dict | None] = [None] * len(jobs)
    running: dict[int, tuple[int, float]] = {}
    pending = list(range(len(jobs)))
    while pending or running:
        while pending and len(running) < parallel:
            index = pending.pop(0)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _child(jobs[index], address_space)
            running[pid] = (index, time.monotonic())
        now = time.monotonic()
        for pid, (index, started) in list(running.items()):
            kill_after = jobs[index].get("kill_after")
            if now - started > LIMIT_SECONDS or (kill_after is not None
                                                  and now - started >= kill_after):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:  # pragma: no cover - ended meanwhile
                    pass
        pid, status, usage = os.wait4(-1, os.WNOHANG)
        if pid == 0:
            time.sleep(0.002)
            continue
        if pid not in running:
            continue
        index, started = running.pop(pid)
        results[index] = {
            "returncode": os.waitstatus_to_exitcode(status),
            "seconds": time.monotonic() - started,
            "max_rss": usage.ru_maxrss * 1024,  # kilobytes on Linux
            "address_space": address_space,
        }
    return results  # type: ignore[return-value]


def main() -> None:
    jobs_file, results_file = sys.argv[1], sys.argv[2]
    parallel = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    with open(jobs_file, encoding="utf-8") as fh:
        jobs = json.load(fh)
    results = run_jobs(jobs, parallel)
    with open(results_file, "w", encoding="utf-8") as fh:
        json.dump(results, fh)


if __name__ == "__main__":
    main()
