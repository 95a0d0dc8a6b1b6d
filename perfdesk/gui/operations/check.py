"""全部检查 (F5) and the check of every project that follows opening a dataset: the rules run
on a worker thread, reading the dataset through a connection of the worker's own,
and the findings go back to the GUI thread a batch of projects at a time (the tree's badges
fill in while the clerk works).

:class:`~perfdesk.gui.checking.LiveChecker` owns the findings and starts this work; the live
checks of the project being edited stay on the GUI thread, where the clerk types.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.jobs import Progress
    from perfdesk.gui.window.main_window import MainWindow

BATCH = 100  # projects read and checked between two deliveries (and two chances to cancel)


def check_all(window: MainWindow) -> None:
    """F5: check every project again, off the GUI thread, with progress and 取消."""
    if window.checker is not None:
        window.ui.projectForm.commit_pending()
        window.checker.check_all_job(title=_t("全部检查"), label=_t("正在检查全部项目…"))


def check_every_project(load_projects: Callable[[Sequence[str]], list], context,
                        uuids: Sequence[str], deliver: Callable[[dict[str, list]], None],
                        progress: Progress) -> int:
    """The work (on a worker thread): check the projects ``uuids`` in batches, read with
    ``load_projects`` (the document's reading service: a connection of this thread's own) and
    checked against ``context`` (this work's own), handing each batch's findings (project
    uuid → findings) to ``deliver``; returns how many projects were checked. ``progress``
    raises Cancelled after 取消 or when the dataset closes, between two batches."""
    from perfdesk import checks

    for start in range(0, len(uuids), BATCH):
        progress(start, len(uuids))
        deliver(checks.check_projects(load_projects(uuids[start:start + BATCH]), context))
    progress(len(uuids), len(uuids))
    return len(uuids)
