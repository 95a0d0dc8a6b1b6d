"""Live checking: keeps every project's check findings current while the clerk types.

Every edit the document reports re-checks its project at once (``check_project`` on the cached
project, well inside a frame); a text still being typed is checked as a preview on a copy, so
the mark at the field follows each keystroke before anything is written. Renaming or adding a
project also re-checks its siblings in the same unit (duplicate names, rule HDR-06). When a
dataset is opened, or the tree or the dataset settings change, all projects are checked on a
worker thread (:mod:`perfdesk.gui.operations.check`, through the window's job runner, reading
the file through a connection of the worker's own), and their findings arrive here a batch at a time, so
the window stays responsive and the tree badges fill in as the batches come. A project the
clerk looks at before its batch came is checked at once.

The rules themselves live in :mod:`perfdesk.checks` (the "engine": ``check_project``,
``check_projects``, ``CheckContext``). One context serves a dataset; a renamed, added or
deleted project is noted in it rather than rebuilding it.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from perfdesk.core.errors import Cancelled
from perfdesk.core.severity import EMPTY_SUMMARY, Summary, rank, summarise
from perfdesk.gui.jobs import Job, JobRunner, Progress
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.document import DatasetDocument

NO_FINDINGS: tuple = ()  # what a project without findings holds (one object for all)


@dataclass(eq=False)
class _BackgroundCheck:
    """One check of every project on a worker thread.

    Attributes:
        total: how many projects it checks.
        context: the CheckContext the worker checks with (the live checks share it until an
            edit changes what it knows: see LiveChecker.context).
        title, label, progress_dialog: how the job shows itself.
        work: what runs on the worker thread.
        job: its Job in the runner, once it was launched.
        delivered: findings the worker has handed over and the GUI thread not yet taken
            (a queue: the worker puts, the GUI thread takes).
        live: projects checked live since it began; their newer findings win over its own.
        error: what the work raised, if it failed (reported when it ends).
        take_scheduled: a turn of the event loop will store the next delivered batch.
    """

    total: int
    title: str
    context: Any = None
    label: str = ""
    progress_dialog: bool = False
    work: Callable[[Progress], int] | None = None
    job: Job | None = None
    delivered: queue.SimpleQueue = field(default_factory=queue.SimpleQueue)
    live: set[str] = field(default_factory=set)
    error: BaseException | None = None
    take_scheduled: bool = False


class LiveChecker(QObject):
    """Findings per project, kept current.

    Signals:
        findingsChanged(list): the findings of these project uuids changed.
        progressChanged(int, int): the background check of all projects (done, total);
            (0, 0) when it finished.
        busyChanged(bool): the background check of all projects began (True) or ended.
    """

    findingsChanged = Signal(list)
    progressChanged = Signal(int, int)
    busyChanged = Signal(bool)

    def __init__(self, document: DatasetDocument, parent: QObject | None = None, *,
                 jobs: JobRunner | None = None) -> None:
        """
        Args:
            document: the open dataset.
            parent: the owning QObject.
            jobs: the runner the check of every project goes through (the window's, so
                closing the dataset stops it); a runner of its own when not given.
        """
        super().__init__(parent)
        self.document = document
        self._warm = False  # False until the event loop has turned once: see check_soon
        self._soon: list[str] = []
        if jobs is None:
            jobs = JobRunner()
            jobs.setParent(self)
        self._jobs = jobs
        self._findings: dict[str, list] = {}
        self._summaries: dict[str, Summary] = {}
        self._unit_of: dict[str, str] = {}
        self._context = None
        self._background: _BackgroundCheck | None = None
        document.projectChanged.connect(self._project_changed)
        document.projectAdded.connect(self._project_added)
        document.projectRemoved.connect(self._project_removed)
        document.treeChanged.connect(self._dataset_changed)
        document.infoChanged.connect(self._dataset_changed)
        document.indicatorChanged.connect(lambda p, _i, _f: self.recheck(p))
        document.indicatorAdded.connect(lambda p, _pos: self.recheck(p))
        document.indicatorRemoved.connect(lambda p, _pos: self.recheck(p))
        document.indicatorMoved.connect(lambda p, _a, _b: self.recheck(p))

    @property
    def engine(self):
        """The rules (check_project, check_projects, CheckContext): loaded by the first check,
        after the opened dataset's tree is on screen (see check_soon)."""
        from perfdesk import checks

        return checks

    # --- reading ----------------------------------------------------------------------------

    def findings(self, project_uuid: str) -> Sequence:
        return self._findings.get(project_uuid, NO_FINDINGS)

    def summary(self, project_uuid: str) -> Summary:
        return self._summaries.get(project_uuid, EMPTY_SUMMARY)

    def totals(self) -> Summary:
        total = EMPTY_SUMMARY
        for summary in self._summaries.values():
            total = total + summary
        return total

    def checked(self, project_uuid: str) -> bool:
        return project_uuid in self._findings

    @property
    def busy(self) -> bool:
        """Whether the background check of all projects is still running."""
        return self._background is not None

    def failed_projects(self) -> list[str]:
        """Projects with at least one error (exports mark them 未通过检查)."""
        return [uuid for uuid, s in self._summaries.items() if s.errors]

    @property
    def context(self):
        """The CheckContext of the live checks, built once per dataset (and again after the
        dataset's settings change) by the same service the command line uses, from the
        project list the window has already read (opening 10,000 projects would otherwise
        read it twice). While the background check runs, the live checks read its context
        (checks only read a context; one context of 10,000 projects is ~5 MB)."""
        if self._context is None:
            self._context = self.document.check_context()
        return self._context

    def _context_to_change(self):
        """The live context, about to be told of an added, renamed or removed project: never
        the one a running background check reads (a context of its own is built then, from
        the document, which already has the change)."""
        run = self._background
        if run is not None and self._context is run.context:
            self._context = None
        return self.context

    # --- checking ---------------------------------------------------------------------------

    def check_soon(self, project_uuid: str) -> None:
        """Check a project the clerk is about to see: at once, except while the dataset is
        being opened — then at the next turn of the event loop, so the window shows the
        opened dataset (its tree, the form) before the rules load and the project's marks
        come in."""
        if self._warm:
            self.recheck(project_uuid)
            return
        if not self._soon:
            QTimer.singleShot(0, self, self._check_soon)
        self._soon.append(project_uuid)

    def _check_soon(self) -> None:
        self._warm = True
        uuids, self._soon = self._soon, []
        if self.document.dataset.closed:
            return  # closed again before the event loop turned
        known = {e.uuid for e in self.document.project_entries()}
        self._store({u: self.engine.check_project(self.document.project(u), self.context)
                     for u in dict.fromkeys(uuids) if u in known and not self.checked(u)})

    def recheck(self, project_uuid: str) -> None:
        """Check one project now, from its current (cached) state."""
        self._store({project_uuid: self.engine.check_project(
            self.document.project(project_uuid), self.context)})

    def preview_project(self, project_uuid: str, changes: dict[str, Any]) -> None:
        """Check the project as if ``changes`` were made (a field still being typed)."""
        project = self.document.project(project_uuid)
        self._store({project_uuid: self.engine.check_project(
            project.model_copy(update=changes), self.context)})

    def preview_indicator(self, project_uuid: str, indicator_uuid: str,
                          changes: dict[str, Any]) -> None:
        """Check the project as if an indicator had ``changes`` (a cell still being edited)."""
        project = self.document.project(project_uuid)
        indicators = [i.model_copy(update=changes) if i.uuid == indicator_uuid else i
                      for i in project.indicators]
        self._store({project_uuid: self.engine.check_project(
            project.model_copy(update={"indicators": indicators}), self.context)})

    def check_all(self) -> None:
        """(Re)check every project in the background, unseen (the status bar counts). The
        work starts once the event loop turns again: what was just opened or changed is on
        screen first."""
        run = self._prepare(_t("全部检查"), "", progress_dialog=False)
        QTimer.singleShot(0, self, lambda: self._launch(run))

    def check_all_job(self, *, title: str, label: str = "") -> Job:
        """Check every project again with a progress dialog and 取消 (F5); returns the Job.
        Projects re-checked live while it runs keep their newer findings."""
        self._context = None  # "again": what the live checks know is read afresh too
        return self._launch(self._prepare(title, label, progress_dialog=True))

    def _dataset_changed(self) -> None:
        """The tree or the dataset's settings changed: the live checks' context is out of
        date, and so is every project's finding."""
        self._context = None
        self.check_all()

    def _prepare(self, title: str, label: str, *, progress_dialog: bool) -> _BackgroundCheck:
        """The check of every project as the project list stands now (the one running is
        stopped: its findings would be out of date)."""
        from perfdesk.gui.operations.check import check_every_project

        was_busy = self.busy
        self.stop()
        entries = self.document.project_entries()
        self._unit_of = {e.uuid: e.unit_uuid for e in entries}
        self._forget_gone()
        uuids = [e.uuid for e in entries]
        # the worker checks with the live checks' context (taken when it starts: the rules
        # load then), which both only read (an edit that changes what it knows gives the live
        # checks one of their own: _context_to_change), and reads the projects through a
        # connection of its own
        load_projects = self.document.project_loader()
        run = _BackgroundCheck(total=len(uuids), title=title, label=label,
                               progress_dialog=progress_dialog)

        def work(progress):
            try:
                return check_every_project(load_projects, run.context, uuids, run.delivered.put,
                                           progress)
            except BaseException as error:  # reported when the GUI thread takes the outcome
                run.error = error
                raise

        run.work = work
        self._background = run
        if not was_busy:
            self.busyChanged.emit(True)
        return run

    def _launch(self, run: _BackgroundCheck) -> Job | None:
        """Start ``run`` on a worker thread through the job runner (once)."""
        if run is not self._background or run.job is not None:
            return run.job
        run.context = self.context

        def ended(*_args) -> None:  # what is left is stored at once: the job is over
            self._finish(run)

        run.job = self._jobs.run(run.work, title=run.title, label=run.label,
                                 progress_dialog=run.progress_dialog, show_errors=False,
                                 on_success=ended, on_failure=ended, on_cancel=ended)
        run.job.progressed.connect(lambda done, total: self._progressed(run, done, total))
        return run.job

    def stop(self) -> None:
        """Stop the background check (the dataset is about to close, or it starts again);
        what it has not delivered yet is dropped."""
        run, self._background = self._background, None
        if run is not None and run.job is not None:
            run.job.cancel()

    def finish_now(self) -> None:
        """Wait for the background check and take all its findings (before an export or
        F8, which need every project's findings; in tests)."""
        run = self._background
        if run is not None:
            self._launch(run).wait()
            self._finish(run)

    def _progressed(self, run: _BackgroundCheck, done: int, total: int) -> None:
        if run is not self._background:
            return  # stopped or replaced: its findings are out of date
        if total and done < total:
            self.progressChanged.emit(done, total)
        self._take_later(run)

    def _take_later(self, run: _BackgroundCheck) -> None:
        """Take what the worker delivered at the next turn of the event loop."""
        if not run.take_scheduled:
            run.take_scheduled = True
            QTimer.singleShot(0, self, lambda: self._take(run))

    def _take(self, run: _BackgroundCheck) -> None:
        """Store one batch the worker delivered (GUI thread), and the next one at the next
        turn of the event loop: storing a batch repaints its badges, and several at once
        would hold the window up."""
        run.take_scheduled = False
        if run is self._background and self._take_batch(run):
            self._take_later(run)

    def _take_batch(self, run: _BackgroundCheck) -> bool:
        """Store the next batch the worker delivered; ``False`` when there is none yet."""
        try:
            batch = run.delivered.get_nowait()
        except queue.Empty:
            return False
        self._store({u: f for u, f in batch.items()
                     if u in self._unit_of and u not in run.live}, live=False)
        return True

    def _finish(self, run: _BackgroundCheck) -> None:
        """The work returned (or failed, or was cancelled): store what it delivered, then
        the check is over."""
        if run is not self._background:
            return
        while self._take_batch(run):
            pass
        self._background = None
        self.progressChanged.emit(0, 0)
        self.busyChanged.emit(False)
        if run.error is not None and not isinstance(run.error, Cancelled):
            self._jobs.show_error(run.title, run.error)

    def _forget_gone(self) -> None:
        known = set(self._unit_of)
        gone = [uuid for uuid in self._findings if uuid not in known]
        for uuid in gone:
            self._findings.pop(uuid, None)
            self._summaries.pop(uuid, None)
        if gone:
            self.findingsChanged.emit(gone)

    def _store(self, results: dict[str, list], *, live: bool = True) -> None:
        if live and self._background is not None:
            self._background.live.update(results)
        changed = []
        for uuid, findings in results.items():
            # a clean project (most of them) holds the shared empty findings and summary
            findings = sorted(findings, key=rank) if findings else NO_FINDINGS
            if self._findings.get(uuid) != findings:
                changed.append(uuid)
            self._findings[uuid] = findings
            self._summaries[uuid] = summarise(findings) if findings else EMPTY_SUMMARY
        if changed:
            self.findingsChanged.emit(changed)

    # --- following the document -------------------------------------------------------------

    def _siblings(self, project_uuid: str) -> list[str]:
        unit = self._unit_of.get(project_uuid)
        return [u for u, unit_uuid in self._unit_of.items() if unit_uuid == unit]

    def _recheck_many(self, uuids: Sequence[str]) -> None:
        if uuids:
            self._store(self.engine.check_projects(
                [self.document.project(u) for u in uuids], self.context))

    def _project_changed(self, uuid: str, fields: list) -> None:
        if "name" in fields:  # the unit's other projects may now share its name (HDR-06)
            self._context_to_change().note_project(self.document.project(uuid))
            self._recheck_many(self._siblings(uuid) or [uuid])
        else:
            self.recheck(uuid)

    def _project_added(self, uuid: str, unit_uuid: str, _position: int) -> None:
        self._unit_of[uuid] = unit_uuid
        self._context_to_change().note_project(self.document.project(uuid))
        self._recheck_many(self._siblings(uuid))

    def _project_removed(self, uuid: str) -> None:
        if self._context is not None:
            self._context_to_change().forget_project(uuid)
        siblings = [u for u in self._siblings(uuid) if u != uuid]
        self._unit_of.pop(uuid, None)
        self._findings.pop(uuid, None)
        self._summaries.pop(uuid, None)
        self.findingsChanged.emit([uuid])
        self._recheck_many(siblings)
