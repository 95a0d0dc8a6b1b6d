"""``perfdesk check`` as a whole process, against a process that only loads the same dataset.

    python bench/bench_check_process.py [--sizes 1000,10000,50000] [--kinds clean,findings]

Datasets: N projects × 6 indicators, built once into bench/out/: ``clean`` (no finding at all,
bench/common.large_dataset) and ``findings`` (every fifth project with a formula as a target, a
sample as a target and no 满意度 indicator: three findings each, every one listed in the text
report). PerfDesk: ``perfdesk check DATASET`` (text report). Floor: a process that opens the
dataset with PerfDesk and loads every project (bench/floor/load_dataset.py). Aim: checking
costs no more than loading, i.e. the check process at most 2× the load process.
"""

from __future__ import annotations

import argparse
import sys

from common import (FLOOR, add_size_arguments, large_dataset, perfdesk_command,
                    process_report, run_process, sample_projects, sizes, timed_processes)

AIM = 2.0


def messy_projects(count: int, per_project: int = 6):
    for n, project in enumerate(sample_projects(count, per_project)):
        if n % 5 == 0:
            first, second = project.indicators[0], project.indicators[1]
            first.comparator, first.target, first.unit = "", None, ""
            first.value_text = "=正常办结数/上报数"
            second.comparator, second.target, second.unit, second.value_text = "", None, "", "抽样"
            project.indicators = project.indicators[:5]  # no 满意度指标
        yield project


def findings_dataset(projects: int):
    return large_dataset(projects, kind="findings", make=messy_projects)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser)
    parser.add_argument("--kinds", default="clean,findings")
    args = parser.parse_args()
    for kind in args.kinds.split(","):
        for n in sizes(args):
            dataset = large_dataset(n) if kind == "clean" else findings_dataset(n)
            mine, base = timed_processes(
                lambda: run_process(perfdesk_command("check", str(dataset))),
                lambda: run_process([sys.executable, str(FLOOR / "load_dataset.py"),
                                     str(dataset)]), args.repeat)
            process_report(f"perfdesk check ({kind})", n, mine, base, AIM)


if __name__ == "__main__":
    main()
