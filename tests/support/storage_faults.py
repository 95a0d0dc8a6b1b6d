"""Making the storage fail part-way through an edit, as a full disk does.

Every statement an edit writes goes through ``perfdesk.storage.writes.Transaction.write``;
these helpers count those statements or make SQLite's own "database or disk is full" error
come out of one of them, so a test can prove that an edit which fails half-way leaves nothing
of itself behind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy as sa

from perfdesk.core.errors import PerfDeskError
from perfdesk.storage import writes


class Writes:
    """How many writing statements ran since the patch (and from which one on they fail)."""

    def __init__(self, fail_from: int | None) -> None:
        self.count = 0
        self.fail_from = fail_from


@contextmanager
def watch_writes(*, fail_from: int | None = None) -> Iterator[Writes]:
    """Within the block, count writing statements; from the ``fail_from``-th on (1 = the
    first), raise what SQLite raises when the disk is full."""
    seen = Writes(fail_from)
    real = writes.Transaction.write

    def write(self, statement, params=None):
        seen.count += 1
        if seen.fail_from is not None and seen.count >= seen.fail_from:
            raise sa.exc.OperationalError(str(statement)[:80], None,
                                          sqlite3.OperationalError("database or disk is full"))
        return real(self, statement, params)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writes.Transaction, "write", write)
        yield seen


def full_disk() -> Any:
    """Within the block, every writing statement fails as on a full disk."""
    return watch_writes(fail_from=1)


def snapshot(dataset) -> dict[str, Any]:
    """Everything a dataset file holds that a clerk could see, read afresh."""
    return {
        "departments": dataset.departments(),
        "units": dataset.units(),
        "projects": [p.model_dump() for p in dataset.load_projects()],
        "info": {k: getattr(dataset.info, k) for k in ("title", "budget_year", "profile")},
        "settings": dataset.settings(),
        "reference": dataset.reference_projects(),
        "log": len(dataset.changes(100000)),
    }


def fails_half_way(dataset, edit: Callable[[], Any]) -> int:
    """Run ``edit`` once to count its writing statements and undo it (writing its change
    set's inverse); then run it again with the storage failing at the first statement of its
    second half, and check the dataset is exactly as before. Returns the statement count."""
    with watch_writes() as counted:
        done = edit()
    statements = counted.count
    dataset.apply(done.inverse())
    assert statements >= 2, "an edit of one statement has no second half"
    before = snapshot(dataset)
    with watch_writes(fail_from=statements // 2 + 1) as failing:
        with pytest.raises(PerfDeskError, match="磁盘已满"):
            edit()
    assert failing.count == statements // 2 + 1  # it did fail in the middle
    assert snapshot(dataset) == before
    return statements
