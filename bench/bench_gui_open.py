"""How long a clerk waits from opening a big dataset until its project tree is on screen.

Dataset: 10,000 projects × 6 indicators (bench/common.large_dataset). PerfDesk: the main
window's ``open_path`` (open the file, build the project tree model, select and show the first
project with its form and grid) until the tree has painted. The checks of all projects then run
on a worker thread and are not part of the wait; the second figure is how long they take, and
the longest the window was unresponsive meanwhile (the longest gap between two turns of its
event loop while the findings of each batch are stored and the badges fill in).

Floor: what the bare libraries need for the same picture: sqlite3 reading the same project
list, and Qt showing those 10,000 rows under their units in a QStandardItemModel tree.

Run offscreen: ``QT_QPA_PLATFORM=offscreen python bench/bench_gui_open.py``.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import large_dataset, report  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QTreeView  # noqa: E402

QUERY = """
SELECT p.uuid, p.name, u.uuid, u.name, d.uuid, d.name
FROM project p JOIN unit u ON p.unit_id = u.id JOIN department d ON u.department_id = d.id
ORDER BY d.position, d.id, u.position, u.id, p.position, p.id
"""


def main() -> None:
    path = large_dataset()
    os.environ.setdefault("PERFDESK_HOME", str(path.parent / "home"))
    from perfdesk.gui.application import create_application
    from perfdesk.gui.window.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    checks: list[tuple[float, float]] = []

    def background_check() -> tuple[float, float]:
        """How long the check of every project takes, and the longest gap between two
        turns of the event loop meanwhile."""
        started = last = time.perf_counter()
        longest = 0.0
        loop = QEventLoop()
        tick = QTimer()
        tick.setInterval(0)

        def turn() -> None:
            nonlocal last, longest
            now = time.perf_counter()
            longest = max(longest, now - last)
            last = now
            if not window.checker.busy:
                loop.quit()

        tick.timeout.connect(turn)
        tick.start()
        loop.exec()
        tick.stop()
        return time.perf_counter() - started, longest

    def ours():
        started = time.perf_counter()
        assert window.open_path(path, read_only=True)
        window.ui.projectTree.viewport().repaint()
        elapsed = time.perf_counter() - started
        assert window.tree_model.project_count() == 10_000
        checks.append(background_check())
        window.close_dataset()
        return elapsed

    tree = QTreeView()
    tree.resize(300, 700)
    tree.show()

    def floor():
        started = time.perf_counter()
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        rows = conn.execute(QUERY).fetchall()
        conn.close()
        model = QStandardItemModel()
        parents: dict[str, QStandardItem] = {}
        for _uuid, name, unit_uuid, unit, dept_uuid, dept in rows:
            if dept_uuid not in parents:
                parents[dept_uuid] = QStandardItem(dept)
                model.appendRow(parents[dept_uuid])
            if unit_uuid not in parents:
                parents[unit_uuid] = QStandardItem(unit)
                parents[dept_uuid].appendRow(parents[unit_uuid])
            parents[unit_uuid].appendRow(QStandardItem(name))
        tree.setModel(model)
        tree.expandToDepth(0)
        tree.viewport().repaint()
        elapsed = time.perf_counter() - started
        assert len(rows) == 10_000
        return elapsed

    ours()  # warm up (imports, fonts, caches)
    floor()
    report("open 10,000 projects until the tree is shown", median_of(ours), median_of(floor))
    print(f"background check of every project: {statistics.median(c[0] for c in checks):.2f} s, "
          f"the window unresponsive {statistics.median(c[1] for c in checks) * 1000:.1f} ms at "
          "most (while the badges fill in)")
    window.close()


def median_of(run, repeat: int = 5) -> float:
    """The median of the times ``run`` reports (it times only the part that counts)."""
    return statistics.median(run() for _ in range(repeat))


if __name__ == "__main__":
    main()
