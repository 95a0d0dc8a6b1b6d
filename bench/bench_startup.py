"""How fast the frozen app starts, against a minimal PySide6 window frozen the same way.

    python bench/bench_startup.py [--rebuild] [--runs N]
    python bench/bench_startup.py --wine [--rebuild] [--runs N]

Builds (once, into bench/out/) the PerfDesk bundle with build.spec and the floor — the smallest
PySide6 app with a main window (bench/startup/floor_app.py) — with the same spec options. Then
starts each several times and measures, from process start to the line the app prints:

- ``window``: the main window is on screen (PerfDesk shows its start screen; floor its window).
  Aim: at most 1.5× the floor.
- ``tree``: PerfDesk opened the sample dataset (22 projects) and its tree is on screen.
  Aim: at most 3× the floor's window.

Uses Xvfb when it is installed (a real X11 window), otherwise Qt's offscreen platform. Both
apps get ``PERFDESK_STARTUP_PROBE=1`` and quit as soon as they have printed. Prints the median
wall time and, on Linux, the median CPU time (user + system) the process had used when it
printed (read from /proc: on a busy machine the CPU ratio is the one to compare), and the
bundle sizes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import OUT, ROOT

DIST = OUT / "frozen"
WORK = OUT / "frozen-build"
WINE_WORK = Path(os.environ.get("WIN_WORK", Path.home() / ".cache" / "perfdesk-wine"))
WINE = "/usr/lib/wine/wine64"
WINE_DIST = OUT / "wine"
SAMPLE = ROOT / "resources" / "samples" / "000_05425078e2155506.txt"


def build(spec: Path, name: str, rebuild: bool) -> Path:
    exe = DIST / name / name
    if sys.platform == "win32":
        exe = exe.with_suffix(".exe")
    if rebuild or not exe.exists():
        print(f"building {name} …", flush=True)
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath",
                        str(DIST), "--workpath", str(WORK / name), str(spec)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return exe


def wine_env(env: dict | None = None) -> dict:
    return dict(env or os.environ, WINEPREFIX=str(WINE_WORK / "prefix"), WINEDEBUG="-all",
                WINEDLLOVERRIDES="mscoree,mshtml=;mscms=n,b")


def windows_path(path: Path) -> str:
    return "Z:" + str(path).replace("/", "\\")


def wine_builds(rebuild: bool) -> tuple[Path, Path]:
    """PerfDesk.exe (copied from the shared tool's last build) and the floor frozen with the
    tool's Windows Python, each with the tool's mscms stand-in beside it."""
    perfdesk = WINE_DIST / "PerfDesk"
    if rebuild or not perfdesk.exists():
        shutil.rmtree(perfdesk, ignore_errors=True)
        shutil.copytree(WINE_WORK / "last-dist", perfdesk, symlinks=True)
    floor = WINE_DIST / "floor"
    if rebuild or not (floor / "floor.exe").exists():
        print("building floor.exe under Wine …", flush=True)
        spec = ROOT / "bench" / "startup" / "floor.spec"
        subprocess.run([WINE, str(WINE_WORK / "python" / "python.exe"), "-m", "PyInstaller",
                        "--noconfirm", "--distpath", windows_path(WINE_DIST),
                        "--workpath", windows_path(OUT / "wine-build"), windows_path(spec)],
                       check=True, env=wine_env(), cwd=spec.parent,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for folder in (perfdesk, floor):
        shutil.copy(WINE_WORK / "mscms.dll", folder / "mscms.dll")
    return perfdesk / "PerfDesk.exe", floor / "floor.exe"


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) / 2**20


def sample_dataset() -> Path:
    sys.path.insert(0, str(ROOT))
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.importing import import_files

    path = OUT / "startup-sample.perfdesk"
    if not path.exists():
        with Dataset.create(path, year=2025, profile="88") as ds:
            import_files(ds, [SAMPLE])
    return path


TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds process ``pid`` has used so far (Linux; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14 and 15)


def time_until(command: list[str], marker: str, env: dict) -> tuple[float, float]:
    """(wall, CPU) seconds from starting ``command`` until it prints a line starting with
    ``marker``."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env)
    try:
        for line in proc.stdout:
            if line.startswith(marker):
                return time.perf_counter() - start, cpu_seconds(proc.pid)
        raise RuntimeError(f"{command[0]} exited without printing {marker!r}")
    finally:
        proc.wait(timeout=60)


def display_env(home: Path) -> tuple[dict, subprocess.Popen | None]:
    env = dict(os.environ, PERFDESK_STARTUP_PROBE="1", PERFDESK_HOME=str(home))
    env.pop("QT_QPA_PLATFORM", None)
    if sys.platform.startswith("linux"):
        if shutil.which("Xvfb"):
            display = ":87"
            xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)  # let the X server come up (benchmark only)
            env["DISPLAY"] = display
            return env, xvfb
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env, None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--wine", action="store_true",
                        help="the Windows build under Wine (see the module's docstring)")
    args = parser.parse_args()

    dataset = sample_dataset()
    home = OUT / "startup-home"
    home.mkdir(parents=True, exist_ok=True)
    prefix: list[str] = []
    dataset_arg = str(dataset)
    if args.wine:
        perfdesk, floor = wine_builds(args.rebuild)
        prefix, dataset_arg = [WINE], windows_path(dataset)
    else:
        perfdesk = build(ROOT / "build.spec", "PerfDesk", args.rebuild)
        floor = build(ROOT / "bench" / "startup" / "floor.spec", "floor", args.rebuild)
    env, xvfb = display_env(home)
    wineserver = None
    if args.wine:
        env = wine_env(env)
        env["PERFDESK_HOME"] = windows_path(home)
        env.pop("QT_QPA_PLATFORM", None)
        # one wineserver for every run, so no run pays for starting it
        wineserver = subprocess.Popen(["wineserver", "-f", "-p"], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
    try:
        cases = {
            "floor window": (prefix + [str(floor)], "PERFDESK-READY window"),
            "PerfDesk window (start screen)": (prefix + [str(perfdesk)],
                                               "PERFDESK-READY window"),
            "PerfDesk tree (sample, 22 projects)": (prefix + [str(perfdesk), dataset_arg],
                                                    "PERFDESK-READY tree"),
        }
        for command, marker in cases.values():  # warm the file cache once
            time_until(command, marker, env)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(args.runs):  # interleaved, so a busy moment hits every case alike
            for name, (command, marker) in cases.items():
                runs[name].append(time_until(command, marker, env))
        wall = {name: statistics.median(t[0] for t in times) for name, times in runs.items()}
        cpu = {name: statistics.median(t[1] for t in times) for name, times in runs.items()}
    finally:
        if wineserver is not None:
            subprocess.run(["wineserver", "-k"], env=env, check=False)
            wineserver.wait(timeout=30)
        if xvfb is not None:
            xvfb.terminate()
    print(f"{'Windows build under Wine, ' if args.wine else ''}platform: "
          f"{'Xvfb' if xvfb else env.get('QT_QPA_PLATFORM', 'native')}, "
          f"median of {args.runs} runs")
    for name in cases:
        line = (f"{name}: wall {wall[name] * 1000:.0f} ms, ratio "
                f"{wall[name] / wall['floor window']:.2f}x")
        if cpu["floor window"]:
            line += (f"; CPU {cpu[name] * 1000:.0f} ms, ratio "
                     f"{cpu[name] / cpu['floor window']:.2f}x")
        print(line)
    print(f"bundle sizes: PerfDesk {size_mb(perfdesk.parent):.0f} MB, "
          f"floor {size_mb(floor.parent):.0f} MB")


if __name__ == "__main__":
    main()
