"""The open dataset as the window sees it: one Dataset, its undo stack, a few loaded projects,
and Qt signals that say what changed.

The document is the GUI's only door to the data. Reading goes through its methods (the
project tree, the form, the grid and the checker ask it, and it keeps the projects on screen
cached). Every edit is an undo command (:mod:`perfdesk.gui.commands`) calling one method here,
which calls one Dataset service — one transaction, written to the file at once — and gets
back the service's :class:`~perfdesk.core.changes.ChangeSet`. The document then brings its
cache up to date *from that change set* (the values the file kept, never the ones it sent) and
emits its signals step by step; the views listen and refresh themselves. No command touches a
view, and no view writes to the dataset except through a command. An edit the dataset refuses
(disk full, read-only file, a name already taken) raises PerfDeskError and changes nothing,
neither in the file nor here.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from perfdesk.core import changes as cs
from perfdesk.core.errors import PerfDeskError
from perfdesk.gui.translate import _t

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.checks import CheckContext, Finding
    from perfdesk.core.changes import ChangeSet
    from perfdesk.core.model import Indicator, Project
    from perfdesk.core.review import Comment
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.entries import (
        Counts,
        DatasetInfo,
        DepartmentEntry,
        ProjectEntry,
        UnitEntry,
    )
    from perfdesk.services.importing import FilesRead, ImportPlan

CACHE_SIZE = 64
# A change set adding or removing more projects than this rereads the tree once (an import)
# instead of inserting row by row.
ROW_BY_ROW = 1


class DatasetDocument(QObject):
    """An open dataset with undo.

    Attributes:
        dataset: the open :class:`~perfdesk.services.dataset.Dataset` (read it through the
            document's methods; only the document writes to it).
        undo_stack: every edit as a QUndoCommand.
        last_saved: when the last edit was written to the file (``None`` before the first).

    Signals:
        projectChanged(str, list): a project's header fields changed (uuid, field names).
        projectAdded(str, str, int): a project was added or restored (uuid, unit uuid,
            position in the unit).
        projectRemoved(str): a project was deleted.
        treeChanged(): departments, units or the order of projects changed; reread the tree.
        indicatorChanged(str, str, list): project uuid, indicator uuid, changed field names.
        indicatorAdded(str, int): project uuid, position of the new indicator.
        indicatorRemoved(str, int): project uuid, position the indicator had.
        indicatorMoved(str, int, int): project uuid, old position, new position.
        tasksChanged(str): a 部门整体 target's tasks (年度主要任务) changed (project uuid).
        infoChanged(): title, budget year, profile or dataset settings changed.
        commentsChanged(): 审核意见 were written, answered, closed or deleted.
        saved(): an edit was written to the dataset file.
        editFailed(str): an edit (or its undo) was refused; the message says why.
    """

    projectChanged = Signal(str, list)
    projectAdded = Signal(str, str, int)
    projectRemoved = Signal(str)
    treeChanged = Signal()
    indicatorChanged = Signal(str, str, list)
    indicatorAdded = Signal(str, int)
    indicatorRemoved = Signal(str, int)
    indicatorMoved = Signal(str, int, int)
    tasksChanged = Signal(str)
    infoChanged = Signal()
    commentsChanged = Signal()
    saved = Signal()
    editFailed = Signal(str)

    def __init__(self, dataset: Dataset, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self.undo_stack = QUndoStack(self)
        self.last_saved: datetime | None = _last_written(dataset.path)
        self._cache: OrderedDict[str, Project] = OrderedDict()
        self._pinned: dict[str, int] = {}  # projects on screen stay cached (the same objects)
        self.writes_locked = False  # a background job is writing (an import): edits must wait
        self._entries: list[ProjectEntry] | None = None
        # the project list changes with these (names, codes, order, units, indicator counts)
        for signal in (self.projectAdded, self.projectRemoved, self.treeChanged,
                       self.indicatorAdded, self.indicatorRemoved):
            signal.connect(self._forget_entries, Qt.ConnectionType.DirectConnection)
        self.projectChanged.connect(
            lambda _uuid, fields: self._forget_entries() if {"name", "code"} & set(fields)
            else None)

    # --- reading ----------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.dataset.read_only

    @property
    def profile(self) -> str:
        return self.dataset.profile

    @property
    def path(self) -> Path:
        return self.dataset.path

    @property
    def info(self) -> DatasetInfo:
        return self.dataset.info

    def settings(self) -> dict:
        return self.dataset.settings()

    def departments(self) -> list[DepartmentEntry]:
        return self.dataset.departments()

    def units(self) -> list[UnitEntry]:
        return self.dataset.units()

    def indicator_names(self) -> list[str]:
        return self.dataset.indicator_names()

    def project(self, uuid: str) -> Project:
        """The project with its indicators (cached; edits keep the cached copy current)."""
        project = self._cache.get(uuid)
        if project is None:
            project = self.dataset.load_project(uuid)
            self._cache[uuid] = project
            self._evict()
        else:
            self._cache.move_to_end(uuid)
        return project

    def load_projects(self, uuids: Sequence[str]) -> list[Project]:
        """Projects freshly read from the file (not cached: for checking many at once)."""
        return self.dataset.load_projects(uuids)

    def project_loader(self) -> Callable[[Sequence[str]], list[Project]]:
        """What a background job reads projects with (it runs off the GUI thread, so it gets
        the reading service itself, not the document)."""
        return self.dataset.load_projects

    def pin(self, uuid: str) -> None:
        """Keep ``uuid`` in the cache while a view shows its objects."""
        self._pinned[uuid] = self._pinned.get(uuid, 0) + 1

    def unpin(self, uuid: str) -> None:
        count = self._pinned.get(uuid, 0) - 1
        if count > 0:
            self._pinned[uuid] = count
        else:
            self._pinned.pop(uuid, None)
        self._evict()

    def _evict(self) -> None:
        for uuid in list(self._cache):
            if len(self._cache) <= CACHE_SIZE:
                break
            if uuid not in self._pinned:
                del self._cache[uuid]

    def project_entries(self) -> list[ProjectEntry]:
        """Every project in tree order (read once, then kept until the projects change: the
        tree, the checker and its context all need it when a dataset opens)."""
        if self._entries is None:
            self._entries = self.dataset.project_list()
        return self._entries

    def _forget_entries(self, *_args) -> None:
        self._entries = None

    def counts(self) -> Counts:
        return self.dataset.counts()

    def check_context(self) -> CheckContext:
        """The dataset's check context, built from the project list already read."""
        from perfdesk.services.checking import check_context

        return check_context(self.dataset, self.project_entries())

    def indicator(self, project_uuid: str, uuid: str) -> Indicator:
        for indicator in self.project(project_uuid).indicators:
            if indicator.uuid == uuid:
                return indicator
        raise KeyError(uuid)

    def indicator_position(self, project_uuid: str, uuid: str) -> int:
        for position, indicator in enumerate(self.project(project_uuid).indicators):
            if indicator.uuid == uuid:
                return position
        raise KeyError(uuid)

    def close(self) -> None:
        self.undo_stack.clear()
        self._cache.clear()
        self.dataset.close()

    # --- running commands -------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> bool:
        """Perform ``command`` and put it on the undo stack; ``False`` if the dataset refused.

        The command does its work here, before the stack sees it, so a refused edit never
        lands on the stack; its first ``redo()`` from the stack is then a no-op. An edit that
        changed nothing (the value was already stored) is not put on the stack either.
        """
        if not self._writable():
            return False
        try:
            command.perform()
        except PerfDeskError as exc:
            self.editFailed.emit(str(exc))
            return False
        if command.changes:
            self.undo_stack.push(command)
        return True

    def push_in_background(self, command: QUndoCommand, runner, *, title: str,
                           label: str = "", on_success: Callable[[ChangeSet], None] | None = None):
        """Perform a long command (an import) on a worker thread through ``runner`` (a
        JobRunner: progress, 取消, one writer at a time), then put it on the undo stack and
        refresh from its change set; returns the Job, or ``None`` when edits must wait.

        A failure or a cancel changes nothing and pushes nothing (the runner reports it)."""
        if not self._writable():
            return None
        work = command.background_work(self.dataset)

        def done(changes: ChangeSet) -> None:
            command.performed(changes)
            self.refresh(changes)
            if changes:
                self.undo_stack.push(command)
            if on_success is not None:
                on_success(changes)

        return runner.run(work, title=title, label=label, writes=True, on_success=done)

    def _writable(self) -> bool:
        if self.writes_locked:
            self.editFailed.emit(_t("正在导入，修改要等导入完成后才能保存。请稍候再试。"))
            return False
        return True

    # --- edits: one service call each, refreshed from what it returns --------------------------

    def _edit(self, service: Callable[..., ChangeSet], *args: Any, **kwargs: Any) -> ChangeSet:
        changes = service(*args, **kwargs)
        self.refresh(changes)
        return changes

    def apply(self, changes: ChangeSet) -> ChangeSet:
        """Write a change set (an undo's inverse, a redo) as one transaction."""
        return self._edit(self.dataset.apply, changes)

    def update_project(self, uuid: str, changes: dict[str, Any]) -> ChangeSet:
        return self._edit(self.dataset.update_project, uuid, **changes)

    def update_indicator(self, uuid: str, changes: dict[str, Any]) -> ChangeSet:
        return self._edit(self.dataset.update_indicator, uuid, **changes)

    def add_indicators(self, project_uuid: str, indicators: Sequence[Indicator],
                       position: int) -> ChangeSet:
        """Insert indicators at ``position``: all of them or, if the dataset refuses one,
        none."""
        return self._edit(self.dataset.add_indicators, project_uuid, indicators,
                          position=position)

    def add_task(self, project_uuid: str, task, position: int | None = None) -> ChangeSet:
        return self._edit(self.dataset.add_task, project_uuid, task, position=position)

    def update_task(self, uuid: str, changes: dict[str, Any]) -> ChangeSet:
        return self._edit(self.dataset.update_task, uuid, **changes)

    def delete_tasks(self, uuids: Iterable[str]) -> ChangeSet:
        return self._edit(self.dataset.delete_tasks, list(uuids))

    def delete_indicators(self, uuids: Iterable[str]) -> ChangeSet:
        return self._edit(self.dataset.delete_indicators, list(uuids))

    def move_indicator(self, uuid: str, position: int) -> ChangeSet:
        return self._edit(self.dataset.move_indicator, uuid, position)

    def add_project(self, unit_uuid: str, project: Project,
                    position: int | None = None) -> ChangeSet:
        return self._edit(self.dataset.add_project, unit_uuid, project, position=position)

    def delete_projects(self, uuids: Sequence[str]) -> ChangeSet:
        return self._edit(self.dataset.delete_projects, uuids)

    def move_project(self, uuid: str, position: int, unit_uuid: str | None = None) -> ChangeSet:
        return self._edit(self.dataset.move_project, uuid, position, unit_uuid)

    def add_unit_under(self, department: str, unit: str, code: str = "") -> ChangeSet:
        """A new unit under the named department, made when missing (one transaction)."""
        return self._edit(self.dataset.add_unit_under, department, unit, code)

    def rename_department(self, uuid: str, name: str) -> ChangeSet:
        return self._edit(self.dataset.update_department, uuid, name=name)

    def rename_unit(self, uuid: str, name: str) -> ChangeSet:
        return self._edit(self.dataset.update_unit, uuid, name=name)

    def delete_department(self, uuid: str) -> ChangeSet:
        return self._edit(self.dataset.delete_department, uuid)

    def delete_unit(self, uuid: str) -> ChangeSet:
        return self._edit(self.dataset.delete_unit, uuid)

    def update_info(self, info: dict[str, Any], settings: dict | None = None) -> ChangeSet:
        """Title, budget year, profile and the check settings, in one transaction."""
        return self._edit(self.dataset.update_info, **info, settings=settings)

    def apply_fix(self, finding: Finding) -> ChangeSet:
        from perfdesk.services.fixes import apply_fix

        return self._edit(apply_fix, self.dataset, finding)

    # --- 审核意见 ------------------------------------------------------------------------------

    def comments(self, project_uuid: str | None = None) -> list[Comment]:
        return self.dataset.comments(project_uuid)

    def add_comments(self, comments: Sequence[Comment]) -> ChangeSet:
        return self._edit(self.dataset.add_comments, comments)

    def answer_comment(self, uuid: str, kind: str, reply: str) -> ChangeSet:
        from perfdesk.services import review

        return self._edit(review.answer, self.dataset, uuid, kind, reply)

    def close_comment(self, uuid: str) -> ChangeSet:
        from perfdesk.services import review

        return self._edit(review.close, self.dataset, uuid)

    def reopen_comment(self, uuid: str) -> ChangeSet:
        from perfdesk.services import review

        return self._edit(review.reopen, self.dataset, uuid)

    def delete_comment(self, uuid: str) -> ChangeSet:
        return self._edit(self.dataset.delete_comment, uuid)

    def history(self, entity_uuid: str, field: str | None = None) -> list[dict]:
        return self.dataset.history(entity_uuid, field)

    def receive_return(self, path: Path):
        """Take a return file (审核意见 from the 主管部门) in; the views refresh from what it
        wrote. A receipt, not an edit: it is not on the undo stack."""
        from perfdesk.services.submission.returns import receive_return

        if not self._writable():
            return None
        result = receive_return(self.dataset, path)
        if result.status == "received":
            self.commentsChanged.emit()
            self._written()
        return result

    def make_return(self, unit: str, folder: Path):
        """Write a unit's return file (退回) from this 汇总 dataset."""
        from perfdesk.services.submission.returns import make_return

        done = make_return(self.dataset, unit, folder)
        self.infoChanged.emit()
        return done

    def plan_import(self, read: FilesRead) -> ImportPlan:
        """Where the projects of the files read will go (see services.importing); the preview
        shows the plan, and :class:`~perfdesk.gui.commands.ImportProjects` adds exactly it."""
        from perfdesk.services.importing import plan_import

        return plan_import(self.dataset, read, choose_unit=True)

    def place_import(self, plan: ImportPlan, department: str, unit: str) -> None:
        """Put a plan's projects whose table names no unit under the one the clerk picked
        (nothing is stored before the import itself)."""
        from perfdesk.services.importing import place_projects

        place_projects(self.dataset, plan, department, unit)

    def import_plan(self, plan: ImportPlan) -> ChangeSet:
        """Add an import plan's projects here and now (without a progress dialog)."""
        from perfdesk.services.importing import import_plan

        return self._edit(import_plan, self.dataset, plan)

    # --- refreshing from what the dataset kept ----------------------------------------------

    def refresh(self, changes: ChangeSet) -> None:
        """Bring the cache up to date from ``changes`` and tell the views, step by step."""
        if not changes:
            return
        self._written()
        rows = len(changes.of(cs.Added, cs.PROJECT)) + len(changes.of(cs.Removed, cs.PROJECT))
        whole_tree = (changes.touches(cs.DEPARTMENT, cs.UNIT)
                      or bool(changes.of(cs.Moved, cs.PROJECT)) or rows > ROW_BY_ROW)
        if whole_tree:
            # Cached projects carry their department and unit names and their place: the
            # views reload what they show when the tree is reread.
            self._cache.clear()
        info = comments = False
        for step in changes:
            if step.entity == cs.COMMENT:
                comments = True
            elif step.entity == cs.INDICATOR:
                self._refresh_indicator(step)
            elif step.entity == cs.TASK:
                self._refresh_task(step)
            elif step.entity == cs.PROJECT and isinstance(step, cs.Changed):
                cached = self._cache.get(step.uuid)
                if cached is not None:
                    for field, value in step.new.items():
                        setattr(cached, field, value)
                self.projectChanged.emit(step.uuid, step.fields)
            elif step.entity == cs.PROJECT and not whole_tree:
                if isinstance(step, cs.Added):
                    self.projectAdded.emit(step.uuid, step.parent, step.position)
                else:
                    self._cache.pop(step.uuid, None)
                    self.projectRemoved.emit(step.uuid)
            elif step.entity == cs.DATASET:
                info = True
        if whole_tree:
            self.treeChanged.emit()
        if info:
            self.infoChanged.emit()
        if comments:
            self.commentsChanged.emit()

    def _refresh_indicator(self, step) -> None:
        if isinstance(step, cs.Moved):
            project_uuid = step.new_parent
        else:
            project_uuid = step.parent
        cached = self._cache.get(project_uuid)
        if isinstance(step, cs.Changed):
            if cached is not None:
                for indicator in cached.indicators:
                    if indicator.uuid == step.uuid:
                        for field, value in step.new.items():
                            setattr(indicator, field, value)
                        break
            self.indicatorChanged.emit(project_uuid, step.uuid, step.fields)
        elif isinstance(step, cs.Added):
            if cached is not None:
                cached.indicators.insert(step.position, step.item.model_copy())
            self.indicatorAdded.emit(project_uuid, step.position)
        elif isinstance(step, cs.Moved):
            if cached is not None:
                cached.indicators.insert(step.new_position,
                                         cached.indicators.pop(step.old_position))
            self.indicatorMoved.emit(project_uuid, step.old_position, step.new_position)
        else:
            if cached is not None:
                del cached.indicators[step.position]
            self.indicatorRemoved.emit(project_uuid, step.position)

    def _refresh_task(self, step) -> None:
        """A task step: the cached project's tasks follow it, then ``tasksChanged``."""
        project_uuid = step.new_parent if isinstance(step, cs.Moved) else step.parent
        cached = self._cache.get(project_uuid)
        if cached is not None:
            tasks = cached.tasks
            if isinstance(step, cs.Changed):
                for task in tasks:
                    if task.uuid == step.uuid:
                        for field, value in step.new.items():
                            setattr(task, field, value)
            elif isinstance(step, cs.Added):
                tasks.insert(step.position, step.item.model_copy())
            elif isinstance(step, cs.Moved):
                tasks.insert(step.new_position, tasks.pop(step.old_position))
            else:
                del tasks[step.position]
        self.tasksChanged.emit(project_uuid)

    def _written(self) -> None:
        self.last_saved = datetime.now()
        self.saved.emit()


def _last_written(path: Path) -> datetime | None:
    """When the dataset file (or its write-ahead log) was last written."""
    times = []
    for candidate in (path, path.with_name(path.name + "-wal")):
        try:
            times.append(candidate.stat().st_mtime)
        except OSError:
            continue
    return datetime.fromtimestamp(max(times)) if times else None
