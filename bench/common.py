"""Shared helpers for the benchmarks: a large, realistic dataset and a timer.

Each benchmark compares PerfDesk doing a job with the bare library doing the same work (the
floor) and prints the ratio. Run them with ``python bench/<name>.py``; the large dataset is
built once into ``bench/out/`` and reused.
"""

from __future__ import annotations

import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"

LEVELS = [("产出指标", "数量指标", "培训场次", "≥", "10", "场"),
          ("产出指标", "质量指标", "验收合格率", "≥", "95", "%"),
          ("产出指标", "时效指标", "按期完成率", "＝", "100", "%"),
          ("产出指标", "成本指标", "人均培训成本", "≤", "500", "元/人"),
          ("效益指标", "社会效益指标", "政策知晓率", "≥", "90", "%"),
          ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥", "90", "%")]


def sample_projects(count: int, per_project: int = 6):
    from perfdesk.core.model import Indicator, Project

    for n in range(count):
        indicators = []
        for k in range(per_project):
            l1, l2, name, comp, num, unit = LEVELS[k % len(LEVELS)]
            indicators.append(Indicator(
                level1=l1, level2=l2, name=f"{name}{k // len(LEVELS) or ''}", nature="定量",
                comparator=comp, target=Decimal(num), unit=unit, basis="计划标准",
                explanation="按年度工作计划统计"))
        yield Project(
            name=f"第{n + 1}号项目：基层社会治理综合服务经费", code=f"44011222{n:06d}",
            department=f"第{n // 2000 + 1}主管部门", unit=f"第{n // 100 + 1}预算单位",
            attribute="延续项目", period_start=2025, period_end=2025,
            annual_total=Decimal("123.45"), annual_fiscal=Decimal("120.00"),
            annual_other=Decimal("3.45"),
            annual_goal="通过开展基层社会治理综合服务，完成年度培训10场，群众满意度达到90%以上。",
            indicators=indicators)


def large_dataset(projects: int = 10_000, per_project: int = 6, *, kind: str = "large",
                  make=None) -> Path:
    """A dataset of ``projects`` × ``per_project`` indicators, built once and cached;
    ``make(projects, per_project)`` gives its projects (by default :func:`sample_projects`)
    and ``kind`` names the file."""
    from perfdesk.services.dataset import Dataset

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{kind}-{projects}x{per_project}.perfdesk"
    if not path.exists():
        tmp = path.with_suffix(".building")
        for leftover in OUT.glob(tmp.name + "*"):
            leftover.unlink()
        t0 = time.perf_counter()
        with Dataset.create(tmp, year=2025, profile="88") as ds:
            ds.add_projects((make or sample_projects)(projects, per_project))
        print(f"(built {path.name} in {time.perf_counter() - t0:.1f} s)")
        tmp.rename(path)
    return path


def best_of(fn, repeat: int = 5) -> float:
    """The median wall time of ``fn`` over ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def report(title: str, ours: float, floor: float, note: str = "") -> None:
    print(f"{title}: PerfDesk {ours * 1000:.1f} ms, floor {floor * 1000:.1f} ms, "
          f"ratio {ours / floor:.2f}x{'  ' + note if note else ''}")


def paired(ours, floor, repeat: int = 5) -> tuple[float, float]:
    """Median wall times of ``ours`` and ``floor``, run alternately so that a machine shared
    with other work slows both alike."""
    a, b = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        ours()
        a.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        floor()
        b.append(time.perf_counter() - t0)
    return statistics.median(a), statistics.median(b)


# --- whole processes -----------------------------------------------------------------------

FLOOR = ROOT / "bench" / "floor"
DEFAULT_SIZES = "1000,10000"
ALL_SIZES = "1000,10000,50000"


def add_size_arguments(parser, default: str = DEFAULT_SIZES) -> None:
    """``--sizes 1000,10000,50000`` (projects × 6 indicators each) and ``--repeat N``."""
    parser.add_argument("--sizes", default=default,
                        help=f"comma-separated project counts (default {default}; "
                             f"the issue's full run: {ALL_SIZES})")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each process; the median is printed (default 1)")


def sizes(args) -> list[int]:
    return [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]


def perfdesk_command(*args: str) -> list[str]:
    """The ``perfdesk`` command line as a clerk runs it (the installed entry point's code)."""
    return [sys.executable, "-m", "perfdesk", *args]


def run_process(command: list[str], *, env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one whole process, from start to exit
    (it must succeed). On a machine shared with other work the CPU time is the steadier one."""
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: perfdesk check found errors
        raise RuntimeError(f"{command} failed ({done.returncode}):\n"
                           f"{done.stderr.decode(errors='replace')[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def timed_processes(ours, floor, repeat: int):
    """Median (wall, CPU) seconds of ``ours()`` and ``floor()`` (each runs whole processes and
    returns their (wall, CPU) seconds), run alternately."""
    a, b = [], []
    for _ in range(repeat):
        a.append(ours())
        b.append(floor())
    median = lambda runs: (statistics.median(r[0] for r in runs),  # noqa: E731
                           statistics.median(r[1] for r in runs))
    return median(a), median(b)


def process_report(title: str, projects: int, ours, floor, aim: float) -> None:
    """One line: PerfDesk's and the floor's wall time, per-project cost and ratio, and the
    ratio of their CPU times."""
    (wall, cpu), (floor_wall, floor_cpu) = ours, floor
    ratio = wall / floor_wall
    print(f"{title}, {projects:,} projects: PerfDesk {wall:.2f} s "
          f"({wall / projects * 1e6:.0f} µs/project), floor {floor_wall:.2f} s "
          f"({floor_wall / projects * 1e6:.0f} µs/project), ratio {ratio:.2f}x "
          f"(aim ≤ {aim:.1f}x{'' if ratio <= aim else ', NOT MET'}); "
          f"CPU {cpu:.2f} s vs {floor_cpu:.2f} s, ratio {cpu / floor_cpu:.2f}x", flush=True)
