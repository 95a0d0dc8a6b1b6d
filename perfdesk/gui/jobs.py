"""The one way long work (import, export, check all, PDF) runs without freezing the window.

A clerk importing a 3,000-row table or printing 200 projects must still see a live window,
a progress bar and a 取消 button that works, and must never end up with half an import. So
every long job goes through :class:`JobRunner`:

- the work is a plain callable taking a ``progress(done, total)`` callback (the contract of
  the core's importers and exporters); it runs on a worker thread of a ``QThreadPool``;
- ``progress`` raises :class:`~perfdesk.core.errors.Cancelled` once the clerk pressed 取消, so the
  core stops before it commits and nothing changes;
- jobs that write to the dataset go to a pool of one thread, so two writing jobs never
  overlap (the second waits its turn); reading jobs (export, PDF, checks) run beside them;
- the progress dialog appears only when a job is still running after a short delay, so quick
  jobs don't flash a window; it is window-modal but opened without a nested event loop (no
  ``processEvents()``, no ``exec()``); work the clerk did not start (the background check of
  a dataset just opened) runs without one;
- the outcome comes back on the GUI thread through signals: the result to the caller's
  ``on_success``, a :class:`~perfdesk.core.errors.PerfDeskError` as its own message in a message
  box, anything unexpected written with its traceback to the log folder and shown as one line.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from perfdesk.core import paths
from perfdesk.core.errors import Cancelled, PerfDeskError
from perfdesk.core.i18n import Text

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]

DIALOG_DELAY_MS = 400  # a job quicker than this never shows a dialog
PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress updates a second reach the GUI thread
LOG_FILE = "perfdesk.log"


class JobState(Enum):
    WAITING = "waiting"  # queued behind another writing job
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


def log_unexpected(error: BaseException, context: str = "") -> Path:
    """Append ``error`` with its traceback to the log file; returns the file's path."""
    path = paths.log_dir() / LOG_FILE
    stamp = datetime.now().isoformat(timespec="seconds")
    lines = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"{stamp} {context}\n{lines}\n")
    log.error("%s: %s", context, error)
    return path


def error_text(error: BaseException, log_path: Path | None = None) -> str:
    """What the clerk reads about a failure: a PerfDeskError's own message (file, row and
    field included), anything else as one line pointing at the log."""
    if isinstance(error, PerfDeskError):
        return error.message()
    detail = str(error).splitlines()[0] if str(error) else ""
    where = str(log_path) if log_path else str(paths.log_dir() / LOG_FILE)
    # a Text, not i18n.tr(): pyside6-lupdate would take a call named tr() for Qt's
    return str(Text("出现意外错误（{kind}{detail}），数据没有改动。详细信息已写入日志：{where}",
                    "Unexpected error ({kind}{detail}); nothing was changed. Details are in "
                    "the log: {where}").format(kind=type(error).__name__,
                                               detail=f"：{detail}" if detail else "",
                                               where=where))


class _Signals(QObject):
    """Signals a worker thread emits; they reach the job on the GUI thread (queued)."""

    progressed = Signal(int, int)
    done = Signal(object)
    raised = Signal(object)
    began = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: "Job") -> None:
        super().__init__()  # auto-deleted by the pool once run() has returned
        self.job = job

    def run(self) -> None:  # worker thread
        job = self.job
        job._signals.began.emit()
        try:
            if job.cancel_requested:
                raise Cancelled()
            result = job._work(job._progress)
        except BaseException as error:  # reported on the GUI thread
            job._returned.set()
            job._signals.raised.emit(error)
        else:
            job._returned.set()
            job._signals.done.emit(result)


class Job(QObject):
    """One piece of long work and its outcome.

    Attributes:
        title: what the job does, shown as the dialog's title ("导入", "导出 PDF").
        writes: whether it writes to the dataset (such jobs run one at a time).
        state: where it is (:class:`JobState`).
        result: what the work returned, once it succeeded.
        error: the exception, once it failed.

    Signals:
        started(): the work began on its worker thread.
        progressed(int, int): (done, total) reported by the work.
        succeeded(object): the work's result.
        failed(object): the exception the work raised (not for a cancel).
        cancelled(): the work stopped because the clerk cancelled.
        finished(): after any of the three above.
    """

    started = Signal()
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, work: Work, *, title: str, label: str = "", writes: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.label = label
        self.writes = writes
        self.state = JobState.WAITING
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = 0
        self.total = 0
        self._work = work
        self._cancel = threading.Event()
        self._returned = threading.Event()
        self._last_emit = 0.0
        self._signals = _Signals()
        self._signals.began.connect(self._began)
        self._signals.progressed.connect(self._progressed)
        self._signals.done.connect(self._succeeded)
        self._signals.raised.connect(self._raised)

    # --- called from any thread -------------------------------------------------------------

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the work to stop: its next progress call raises Cancelled."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has returned on its worker thread (``True``), or ``timeout``
        seconds passed. Its outcome still reaches the GUI thread through the event loop; this
        is for a caller that needs what the work left behind at once (all findings before an
        export)."""
        return self._returned.wait(timeout)

    def _progress(self, done: int, total: int) -> None:  # worker thread
        if self._cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if done >= total or now - self._last_emit >= PROGRESS_INTERVAL_S:
            self._last_emit = now
            self._signals.progressed.emit(int(done), int(total))

    # --- GUI thread -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.state in (JobState.WAITING, JobState.RUNNING)

    @Slot()
    def _began(self) -> None:
        self.state = JobState.RUNNING
        self.started.emit()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        self.progressed.emit(done, total)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self.state = JobState.SUCCEEDED
        self.result = result
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _raised(self, error: BaseException) -> None:
        self.error = error
        if isinstance(error, Cancelled):
            self.state = JobState.CANCELLED
            self.cancelled.emit()
        else:
            self.state = JobState.FAILED
            self.failed.emit(error)
        self.finished.emit()


class ProgressDialog(QDialog):
    """The window shown while a job runs longer than the delay: what it does, how far it
    got, and 取消. Closing it (Esc, the window's ×) cancels too."""

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(job.title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        self.label = QLabel(job.label or self.tr("正在处理，请稍候…"), self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.bar = QProgressBar(self)
        layout.addWidget(self.bar)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("取消"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.show_progress(job.done, job.total)
        job.progressed.connect(self.show_progress)

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.bar.setRange(0, 0)  # busy indicator: the work did not say how much
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def reject(self) -> None:
        if not self.job.cancel_requested:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("正在取消…"))
        # the dialog closes when the job reports back, not before: the work may still be
        # finishing a step, and the clerk must not start another one meanwhile


class JobRunner(QObject):
    """Runs jobs off the GUI thread for one window.

    Signals:
        job_started(object): a job was queued (the Job).
        job_finished(object): a job ended, whatever the outcome.
        writing_changed(bool): whether a writing job is queued or running; the window
            locks editing while it is true (the dataset would make edits wait for it).
    """

    job_started = Signal(object)
    job_finished = Signal(object)
    writing_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *,
                 delay_ms: int = DIALOG_DELAY_MS) -> None:
        super().__init__(parent)
        self.window = parent
        self.delay_ms = delay_ms
        self.jobs: list[Job] = []
        self.dialogs: dict[Job, ProgressDialog] = {}
        self.message_box: QMessageBox | None = None
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._writers = QThreadPool(self)
        self._writers.setMaxThreadCount(1)  # one writing job at a time

    @property
    def busy(self) -> bool:
        return bool(self.jobs)

    @property
    def writing(self) -> bool:
        return any(job.writes for job in self.jobs)

    def run(self, work: Work, *, title: str, label: str = "", writes: bool = False,
            on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None,
            on_cancel: Callable[[], None] | None = None,
            show_errors: bool = True, progress_dialog: bool = True) -> Job:
        """Start ``work(progress)`` on a worker thread and return its :class:`Job`.

        Args:
            work: the callable; it receives ``progress(done, total)`` and should call it
                between steps (it raises Cancelled after 取消).
            title: the progress dialog's and the error box's title.
            label: the line above the progress bar.
            writes: True when the work writes to the dataset.
            on_success: called on the GUI thread with the work's result.
            on_failure: called on the GUI thread with the exception (after the message box
                when ``show_errors``).
            on_cancel: called on the GUI thread when the clerk cancelled.
            show_errors: show failures in a message box (and log unexpected ones).
            progress_dialog: show the progress dialog (with 取消) when the work takes longer
                than the delay; ``False`` for work running unseen in the background.
        """
        was_writing = self.writing
        job = Job(work, title=title, label=label, writes=writes, parent=self)
        job._outcome_handlers = (on_success, on_failure, on_cancel, show_errors)
        self.jobs.append(job)
        job.finished.connect(self._job_finished)
        if progress_dialog:
            QTimer.singleShot(self.delay_ms, job, lambda: self._show_dialog(job))
        (self._writers if writes else self._readers).start(_Runnable(job))
        self.job_started.emit(job)
        if writes and not was_writing:
            self.writing_changed.emit(True)
        return job

    def cancel_all(self) -> None:
        for job in self.jobs:
            job.cancel()

    def wait_all(self, msecs: int = -1) -> bool:
        """Block until every worker thread is idle (closing the window); True when they are.
        Outcomes still queued for the GUI thread are delivered by the event loop later."""
        return self._writers.waitForDone(msecs) and self._readers.waitForDone(msecs)

    # --- GUI thread -------------------------------------------------------------------------

    def _show_dialog(self, job: Job) -> None:
        if not job.running or job in self.dialogs:
            return
        dialog = ProgressDialog(job, self.window)
        self.dialogs[job] = dialog
        dialog.open()

    @Slot()
    def _job_finished(self) -> None:
        job = self.sender()
        assert isinstance(job, Job)
        on_success, on_failure, on_cancel, show_errors = job._outcome_handlers
        job._outcome_handlers = (None, None, None, False)
        dialog = self.dialogs.pop(job, None)
        if dialog is not None:
            dialog.job.progressed.disconnect(dialog.show_progress)
            dialog.done(QDialog.DialogCode.Accepted)
            dialog.deleteLater()
        self.jobs.remove(job)
        job.setParent(None)  # the caller's reference (if any) keeps it from here on
        job._work = None
        if job.writes and not self.writing:
            self.writing_changed.emit(False)
        if job.state is JobState.SUCCEEDED:
            if on_success is not None:
                on_success(job.result)
        elif job.state is JobState.CANCELLED:
            if on_cancel is not None:
                on_cancel()
        else:
            assert job.error is not None
            if show_errors:
                self.show_error(job.title, job.error)
            if on_failure is not None:
                on_failure(job.error)
        self.job_finished.emit(job)

    def show_error(self, title: str, error: BaseException) -> QMessageBox:
        """Tell the clerk what went wrong (window-modal, without blocking the event loop)."""
        log_path = None
        if not isinstance(error, PerfDeskError):
            log_path = log_unexpected(error, title)
        box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(error, log_path),
                          QMessageBox.StandardButton.Ok, self.window)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("确定"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.destroyed.connect(self._forget_box)
        self.message_box = box
        box.open()
        return box

    @Slot()
    def _forget_box(self) -> None:
        self.message_box = None
