"""The floor of bench_gui_memory.py: a bare PySide6 app that reads the dataset's strings with
sqlite3 and holds them in a plain QStandardItemModel shown in a QTreeView: 主管部门 → 预算单位 →
项目, and (with ``--all``) under each project its indicators' text, one row of nine columns
each, plus the project's goal. Prints the process's peak resident memory in KiB.

    QT_QPA_PLATFORM=offscreen python bench/gui_memory/floor_model.py DATASET [--all]
"""

import os
import sqlite3
import sys
from itertools import groupby

from peak import peak_kib
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeView

PROJECTS = """
SELECT p.id, p.name, u.uuid, u.name, d.uuid, d.name, p.annual_goal
FROM project p JOIN unit u ON p.unit_id = u.id JOIN department d ON u.department_id = d.id
ORDER BY d.position, d.id, u.position, u.id, p.position, p.id"""
INDICATORS = """
SELECT project_id, level1, level2, name, nature, comparator, coalesce(target, ''), unit, basis,
       explanation
FROM indicator ORDER BY project_id, position, id"""


def main(path: str, everything: bool) -> None:
    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = conn.execute(PROJECTS).fetchall()
    indicators = {}
    if everything:
        indicators = {pid: [r[1:] for r in group]
                      for pid, group in groupby(conn.execute(INDICATORS), key=lambda r: r[0])}
    conn.close()
    model = QStandardItemModel()
    parents = {}
    for pid, name, unit_uuid, unit, dept_uuid, dept, goal in rows:
        if dept_uuid not in parents:
            parents[dept_uuid] = QStandardItem(dept)
            model.appendRow(parents[dept_uuid])
        if unit_uuid not in parents:
            parents[unit_uuid] = QStandardItem(unit)
            parents[dept_uuid].appendRow(parents[unit_uuid])
        item = QStandardItem(name)
        if everything:
            item.appendRow(QStandardItem(goal))
            for fields in indicators.get(pid, ()):
                item.appendRow([QStandardItem(text) for text in fields])
        parents[unit_uuid].appendRow(item)
    del rows, indicators
    tree = QTreeView()
    tree.resize(1366, 768)
    tree.setModel(model)
    tree.expandToDepth(0)
    tree.show()
    app.processEvents()
    tree.viewport().repaint()
    print(model.rowCount(), peak_kib())
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1], "--all" in sys.argv[2:])
