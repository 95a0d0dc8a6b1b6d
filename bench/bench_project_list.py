"""How fast the project list of a big dataset loads (what the tree shows first).

Dataset: 10,000 projects × 6 indicators. PerfDesk: ``Dataset.open`` + ``project_list()``
(entries with unit, department and indicator count). Floor: bare sqlite3 running the same
query and fetching every row. Target: well under a second.
"""

from __future__ import annotations

import sqlite3

from common import best_of, large_dataset, report

from perfdesk.services.dataset import Dataset

QUERY = """
SELECT p.uuid, p.name, p.code, p.position, u.uuid, u.name, d.uuid, d.name,
       coalesce(c.n, 0)
FROM project p JOIN unit u ON p.unit_id = u.id JOIN department d ON u.department_id = d.id
LEFT JOIN (SELECT project_id, count(*) AS n FROM indicator GROUP BY project_id) c
       ON c.project_id = p.id
ORDER BY d.position, d.id, u.position, u.id, p.position, p.id
"""


def main() -> None:
    path = large_dataset()

    def ours():
        with Dataset.open(path, read_only=True) as ds:
            rows = ds.project_list()
        assert len(rows) == 10_000

    def floor():
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        rows = conn.execute(QUERY).fetchall()
        conn.close()
        assert len(rows) == 10_000

    ours()
    report("open + project list, 10,000 projects / 60,000 indicators",
           best_of(ours), best_of(floor))


if __name__ == "__main__":
    main()
