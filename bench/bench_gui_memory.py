"""Peak resident memory of the desktop app opening a big dataset, against a bare PySide6 app.

    python bench/bench_gui_memory.py [--sizes 1000,10000,50000]

PerfDesk (bench/gui_memory/perfdesk_open.py, offscreen): the main window opens N projects × 6
indicators, shows the tree and checks every project in the background until the badges are
filled in; its peak RSS. Floor (bench/gui_memory/floor_model.py): a bare PySide6 app holding
the same tree strings (主管部门 → 预算单位 → 项目 names) in a QStandardItemModel shown in a
QTreeView; printed too, for scale, the same app also holding every project's goal and every
indicator's nine text fields as items (``--all``). Aim: at most 2× the floor. Each figure is
one process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from common import ROOT, add_size_arguments, large_dataset, sizes

HERE = ROOT / "bench" / "gui_memory"
AIM = 2.0


def peak_kib(script: str, *args: str) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PERFDESK_HOME=str(ROOT / "bench" / "out" / "home"))
    done = subprocess.run([sys.executable, str(HERE / script), *args], env=env,
                          capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser)
    args = parser.parse_args()
    for n in sizes(args):
        dataset = str(large_dataset(n))
        ours = peak_kib("perfdesk_open.py", dataset)
        floor = peak_kib("floor_model.py", dataset)
        every = peak_kib("floor_model.py", dataset, "--all")
        ratio = ours / floor
        print(f"GUI peak RSS opening {n:,} projects: PerfDesk {ours / 1024:.0f} MB "
              f"({(ours - floor) * 1024 / n:.0f} bytes/project above the floor), floor "
              f"{floor / 1024:.0f} MB, ratio {ratio:.2f}x (aim ≤ {AIM:.1f}x"
              f"{'' if ratio <= AIM else ', NOT MET'}); floor holding every text field "
              f"{every / 1024:.0f} MB, ratio {ours / every:.2f}x", flush=True)


if __name__ == "__main__":
    main()
