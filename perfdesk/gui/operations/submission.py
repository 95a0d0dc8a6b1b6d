"""报送 and 汇总 as jobs off the GUI thread: the checks before a submission, writing it, receiving
files into a 主管部门's dataset, and a dataset set up from a 任务文件.

The window part :mod:`perfdesk.gui.window.submitting` asks and shows; these start the work
(through the window's job runner: progress, 取消, one writer at a time) and hand back what the
services returned. Receiving writes to the open dataset: the document refreshes from the
change sets the receipts wrote, so the tree, the grid and the checks show the new projects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.jobs import Job
    from perfdesk.gui.window.main_window import MainWindow


def remaining(window: MainWindow, on_done: Callable[[list], None]) -> Job:
    """Check every project as a submission does; ``on_done(findings left)``."""
    dataset = window.document.dataset

    def work(_progress):
        from perfdesk.services.submission.submit import changes_since_last, remaining_findings

        return remaining_findings(dataset)[1], changes_since_last(dataset)

    return window.jobs.run(work, title=_t("报送"), label=_t("正在检查全部项目…"),
                           on_success=lambda found: on_done(*found))


def submit(window: MainWindow, folder: Path, explanations: dict[str, str],
           on_done: Callable[[object], None],
           on_failure: Callable[[BaseException], None] | None = None) -> Job:
    """Write the submission file into ``folder``; ``on_done(Submitted)``."""
    dataset = window.document.dataset

    def work(_progress):
        from perfdesk.services.submission.submit import submit as write

        return write(dataset, folder, explanations=explanations)

    return window.jobs.run(work, title=_t("报送"), label=_t("正在写入报送文件…"), writes=True,
                           on_success=on_done, on_failure=on_failure)


def receive(window: MainWindow, paths: Sequence[Path], on_done: Callable[[list], None], *,
            accept_changed: bool = False) -> Job | None:
    """Receive ``paths`` (files and folders) into the open 主管部门 dataset; the document
    refreshes from what was written, then ``on_done(results)``."""
    document = window.document
    if document is None or document.read_only:
        return None
    dataset = document.dataset
    paths = list(paths)

    def work(_progress):
        from perfdesk.services.submission.receive import receive as take

        return take(dataset, paths, accept_changed=accept_changed)

    def done(results: list) -> None:
        from perfdesk.gui.commands import ReceiveSubmissions

        changes = None
        received = [result for result in results if result.written]
        for result in received:
            changes = result.written if changes is None else changes.then(result.written)
        if changes is not None and window.document is document:
            document.refresh(changes)
            document.undo_stack.push(ReceiveSubmissions(document, changes, len(received)))
        on_done(results)

    return window.jobs.run(work, title=_t("接收报送"), label=_t("正在核验并接收报送文件…"),
                           writes=True, on_success=done)


def dataset_from_task(window: MainWindow, task: Path, path: Path) -> Job:
    """A new dataset at ``path`` set up from the task file, then opened in the window."""

    def work(_progress):
        from perfdesk.services.submission.task import dataset_from_task as create

        create(task, path).close()
        return path

    return window.jobs.run(work, title=_t("从任务文件新建"), label=_t("正在新建数据文件…"),
                           on_success=window.open_path)
