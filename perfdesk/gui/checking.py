"""Live checking: keeps every project's check findings current while the clerk types.

Every edit the document reports re-checks its project at once (``check_project`` on the cached
project, well inside a frame); a text still being typed is checked as a preview on a copy, so
the mark at the field follows each keystroke before anything is written. Renaming or adding a
project also re-checks its siblings in the same unit (duplicate names, rule HDR-06). When a
dataset is opened, or the tree or the dataset settings change, all projects are checked in
small slices between events, so the window stays responsive and the tree badges fill in as the
slices complete.

The rules themselves live in :mod:`perfdesk.checks` (the "engine": ``check_project``,
``check_projects``, ``CheckContext``). One context serves a dataset; a renamed, added or
deleted project is noted in it rather than rebuilding it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from perfdesk.core.severity import EMPTY_SUMMARY, Summary, rank, summarise
from perfdesk.gui.document import DatasetDocument

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    pass

SLICE_SECONDS = 0.03  # a slice of the background check may take this long before yielding
SLICE_PROJECTS = 100

class LiveChecker(QObject):
    """Findings per project, kept current.

    Signals:
        findingsChanged(list): the findings of these project uuids changed.
        progressChanged(int, int): the background check of all projects (done, total);
            (0, 0) when it finished.
    """

    findingsChanged = Signal(list)
    progressChanged = Signal(int, int)

    def __init__(self, document: DatasetDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        from perfdesk import checks  # loads with the first dataset, not at start-up

        self.engine = checks  # check_project, check_projects, CheckContext
        self._findings: dict[str, list] = {}
        self._summaries: dict[str, Summary] = {}
        self._unit_of: dict[str, str] = {}
        self._pending: list[str] = []
        self._total = 0
        self._context = None
        self._dirty: set[str] | None = None  # rechecked live while a background job runs
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._check_slice)
        document.projectChanged.connect(self._project_changed)
        document.projectAdded.connect(self._project_added)
        document.projectRemoved.connect(self._project_removed)
        document.treeChanged.connect(self.check_all)
        document.infoChanged.connect(self.check_all)
        document.indicatorChanged.connect(lambda p, _i, _f: self.recheck(p))
        document.indicatorAdded.connect(lambda p, _pos: self.recheck(p))
        document.indicatorRemoved.connect(lambda p, _pos: self.recheck(p))
        document.indicatorMoved.connect(lambda p, _a, _b: self.recheck(p))

    # --- reading ----------------------------------------------------------------------------

    def findings(self, project_uuid: str) -> list:
        return self._findings.get(project_uuid, [])

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
        return bool(self._pending)

    def failed_projects(self) -> list[str]:
        """Projects with at least one error (exports mark them 未通过检查)."""
        return [uuid for uuid, s in self._summaries.items() if s.errors]

    @property
    def context(self):
        """The CheckContext of the dataset (from the project list the window has already read:
        opening 10,000 projects would otherwise read it twice)."""
        if self._context is None:
            self._context = self.document.check_context()
        return self._context

    # --- checking ---------------------------------------------------------------------------

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
        """(Re)check every project, in slices between events."""
        self._context = None
        entries = self.document.project_entries()
        self._unit_of = {e.uuid: e.unit_uuid for e in entries}
        known = set(self._unit_of)
        gone = [uuid for uuid in self._findings if uuid not in known]
        for uuid in gone:
            self._findings.pop(uuid, None)
            self._summaries.pop(uuid, None)
        if gone:
            self.findingsChanged.emit(gone)
        self._pending = [e.uuid for e in entries]
        self._total = len(self._pending)
        self._timer.start()

    def stop(self) -> None:
        """Stop checking in the background (the dataset is about to close)."""
        self._timer.stop()
        self._pending = []

    def check_all_job(self, runner, *, title: str, label: str = ""):
        """Check every project on a worker thread through ``runner`` (a JobRunner), with a
        progress dialog and 取消; returns the Job. Projects re-checked live while it runs keep
        their newer findings."""
        self._timer.stop()
        self._pending = []
        self._context = None
        context = self.context
        entries = self.document.project_entries()
        self._unit_of = {e.uuid: e.unit_uuid for e in entries}
        uuids = [e.uuid for e in entries]
        load_projects, engine = self.document.project_loader(), self.engine
        self._dirty = set()

        def work(progress):
            results: dict[str, list] = {}
            for start in range(0, len(uuids), SLICE_PROJECTS):
                progress(start, len(uuids))
                projects = load_projects(uuids[start:start + SLICE_PROJECTS])
                results.update(engine.check_projects(projects, context))
            progress(len(uuids), len(uuids))
            return results

        def done(results: dict[str, list]) -> None:
            dirty, self._dirty = self._dirty, None
            known = set(self._unit_of)
            gone = [u for u in self._findings if u not in known]
            for uuid in gone:
                self._findings.pop(uuid, None)
                self._summaries.pop(uuid, None)
            self._store({u: f for u, f in results.items() if u not in dirty and u in known})
            if gone:
                self.findingsChanged.emit(gone)

        def stopped(*_args) -> None:
            self._dirty = None

        return runner.run(work, title=title, label=label, on_success=done,
                          on_failure=stopped, on_cancel=stopped)

    def finish_now(self) -> None:
        """Complete the background check synchronously (before an export, in tests)."""
        while self._pending:
            self._check_slice(deadline=None)

    def _check_slice(self, deadline: float | None = SLICE_SECONDS) -> None:
        started = time.perf_counter()
        while self._pending:
            chunk, self._pending = self._pending[:SLICE_PROJECTS], self._pending[SLICE_PROJECTS:]
            projects = self.document.load_projects(chunk)
            self._store(self.engine.check_projects(projects, self.context))
            if deadline is not None and time.perf_counter() - started > deadline:
                break
        if self._pending:
            self.progressChanged.emit(self._total - len(self._pending), self._total)
            self._timer.start()
        else:
            self.progressChanged.emit(0, 0)

    def _store(self, results: dict[str, list]) -> None:
        if self._dirty is not None:
            self._dirty.update(results)
        changed = []
        for uuid, findings in results.items():
            findings = sorted(findings, key=rank)
            if self._findings.get(uuid) != findings:
                changed.append(uuid)
            self._findings[uuid] = findings
            self._summaries[uuid] = summarise(findings)
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
            self.context.note_project(self.document.project(uuid))
            self._recheck_many(self._siblings(uuid) or [uuid])
        else:
            self.recheck(uuid)

    def _project_added(self, uuid: str, unit_uuid: str, _position: int) -> None:
        self._unit_of[uuid] = unit_uuid
        self.context.note_project(self.document.project(uuid))
        self._recheck_many(self._siblings(uuid))

    def _project_removed(self, uuid: str) -> None:
        if self._context is not None:
            self._context.forget_project(uuid)
        siblings = [u for u in self._siblings(uuid) if u != uuid]
        self._unit_of.pop(uuid, None)
        self._pending = [u for u in self._pending if u != uuid]
        self._findings.pop(uuid, None)
        self._summaries.pop(uuid, None)
        self.findingsChanged.emit([uuid])
        self._recheck_many(siblings)
