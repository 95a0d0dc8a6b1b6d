"""How fast the checker is: per keystroke (one project) and for a whole dataset.

1. One typical project (6 indicators, well-formed) and one messy project from the seed
   (5 raw values, 19 findings), checked again and again as the GUI does after each edit:
   microseconds per check, against loading that one project from the dataset file.
2. The 10,000-project dataset (60,000 indicators): open + ``load_projects()`` + check every
   project, against the floor of open + ``load_projects()`` alone. The aim is for the check
   to add no more than the load costs (a ratio of at most 2.0x).
"""

from __future__ import annotations

import sys
import time

from common import ROOT, best_of, large_dataset, report, sample_projects

sys.path.insert(0, str(ROOT / "tests" / "support"))

from check_samples.seed import seed_projects  # noqa: E402

from perfdesk.checks import CheckContext, check_project, check_projects  # noqa: E402
from perfdesk.services.checking import check_context  # noqa: E402
from perfdesk.services.dataset import Dataset  # noqa: E402


def per_check(project, context, seconds: float = 1.0) -> float:
    """Time of one check_project call, in seconds: the best of five runs (the machine may be
    busy with other work; the best run is the checker's own cost)."""
    check_project(project, context)  # warm the context's caches, as a session would
    runs = []
    for _ in range(5):
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < seconds / 5:
            check_project(project, context)
            n += 1
        runs.append((time.perf_counter() - t0) / n)
    return min(runs)


def main() -> None:
    path = large_dataset()

    # --- one project, per keystroke -----------------------------------------------------
    with Dataset.open(path, read_only=True) as ds:
        context = check_context(ds)
        uuid = ds.project_list()[0].uuid
        load_one = best_of(lambda: ds.load_project(uuid), repeat=50)
    typical = next(sample_projects(1))
    messy = seed_projects()[0]
    t_typical = per_check(typical, context)
    t_messy = per_check(messy, context)
    print(f"one typical project (6 indicators, 0 findings): {t_typical * 1e6:.0f} µs per check")
    print(f"one messy seed project ({len(messy.indicators)} indicators, "
          f"{len(check_project(messy, context))} findings): {t_messy * 1e6:.0f} µs per check")
    report("check one typical project vs loading it from the dataset", t_typical, load_one)

    # --- the whole dataset --------------------------------------------------------------
    def load():
        with Dataset.open(path, read_only=True) as ds:
            projects = ds.load_projects()
        assert len(projects) == 10_000
        return projects

    def load_and_check():
        with Dataset.open(path, read_only=True) as ds:
            ctx = check_context(ds)
            projects = ds.load_projects()
        found = check_projects(projects, ctx)
        assert len(found) == 10_000 and not any(found.values())

    projects = load()
    ctx = CheckContext(budget_year=2025)
    check_only = best_of(lambda: check_projects(projects, ctx), repeat=3)
    floor = best_of(load, repeat=3)
    ours = best_of(load_and_check, repeat=3)
    print(f"check 10,000 projects already loaded: {check_only * 1000:.0f} ms "
          f"({check_only / 10_000 * 1e6:.0f} µs per project), "
          f"{check_only / floor:.2f}x the load")
    report("open + load + check 10,000 projects / 60,000 indicators (floor: open + load)",
           ours, floor, note="aim: ≤ 2.00x")


if __name__ == "__main__":
    main()
