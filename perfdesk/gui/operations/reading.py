"""A read-only connection of its own for work that reads a dataset on a worker thread.

The window's dataset belongs to the GUI thread, which keeps writing to it while an export,
a PDF or the check of every project runs; SQLite (in WAL mode) lets a second connection read
the committed state meanwhile, so a worker opens one rather than sharing the window's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.services.dataset import Dataset


def open_reader(dataset: Dataset) -> Dataset:
    """``dataset``'s file opened again, read-only (use it in a ``with`` block, on the worker
    thread that reads it)."""
    from perfdesk.services.dataset import Dataset

    return Dataset.open(dataset.path, read_only=True)
