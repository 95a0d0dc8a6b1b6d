"""The open dataset as the window sees it: one Dataset, its undo stack, a few loaded projects,
and Qt signals that say what changed.

Undo commands (:mod:`perfdesk.gui.commands`) call the edit methods here. Each method calls one
Dataset service (which writes the file at once, in one transaction), brings the cached project
up to date and emits a signal; the project tree, the form, the indicator grid and the live
checker listen to those signals and refresh themselves. No command touches a view, and no view
writes to the dataset except through a command. An edit the dataset refuses (disk full,
read-only file, a name already taken) raises PerfDeskError and changes nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from perfdesk.core.errors import PerfDeskError
from perfdesk.gui.translate import _t

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.services.dataset import (
        AddedProjects,
        Counts,
        Dataset,
        ProjectEntry,
        RemovedDepartment,
        RemovedIndicator,
        RemovedProject,
        RemovedUnit,
    )
    from perfdesk.core.model import Indicator, Project

CACHE_SIZE = 64


class DatasetDocument(QObject):
    """An open dataset with undo.

    Attributes:
        dataset: the open :class:`~perfdesk.services.dataset.Dataset`.
        undo_stack: every edit as a QUndoCommand.
        last_saved: when the last edit was written to the file (``None`` before the first).

    Signals:
        projectChanged(str, list): a project's header fields changed (uuid, field names).
        projectAdded(str, str, int): a project was added or restored (uuid, unit uuid,
            position in the unit; -1 for the end).
        projectRemoved(str): a project was deleted.
        treeChanged(): departments, units or the order of projects changed; reread the tree.
        indicatorChanged(str, str, list): project uuid, indicator uuid, changed field names.
        indicatorAdded(str, int): project uuid, position of the new indicator.
        indicatorRemoved(str, int): project uuid, position the indicator had.
        indicatorMoved(str, int, int): project uuid, old position, new position.
        infoChanged(): title, budget year, profile or dataset settings changed.
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
    infoChanged = Signal()
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
        lands on the stack; its first ``redo()`` from the stack is then a no-op.
        """
        if self.writes_locked:
            self.editFailed.emit(_t("正在导入，修改要等导入完成后才能保存。请稍候再试。"))
            return False
        try:
            command.perform()
        except PerfDeskError as exc:
            self.editFailed.emit(str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def _written(self) -> None:
        self.last_saved = datetime.now()
        self.saved.emit()

    # --- project header ---------------------------------------------------------------------

    def update_project(self, uuid: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Write header fields; returns their old values."""
        old = self.dataset.update_project(uuid, **changes)
        cached = self._cache.get(uuid)
        if cached is not None:
            for field, value in changes.items():
                setattr(cached, field, value)
        self._written()
        self.projectChanged.emit(uuid, list(changes))
        return old

    # --- indicators -------------------------------------------------------------------------

    def update_indicator(self, project_uuid: str, uuid: str,
                         changes: dict[str, Any]) -> dict[str, Any]:
        old = self.dataset.update_indicator(uuid, **changes)
        cached = self._cache.get(project_uuid)
        if cached is not None:
            for indicator in cached.indicators:
                if indicator.uuid == uuid:
                    for field, value in changes.items():
                        setattr(indicator, field, value)
                    break
        self._written()
        self.indicatorChanged.emit(project_uuid, uuid, list(changes))
        return old

    def add_indicators(self, project_uuid: str, indicators: Sequence[Indicator],
                       position: int) -> None:
        """Insert indicators at ``position`` (all or, if the dataset refuses one, none)."""
        done: list[str] = []
        try:
            for offset, indicator in enumerate(indicators):
                self.dataset.add_indicator(project_uuid, indicator, position=position + offset)
                done.append(indicator.uuid)
        except PerfDeskError:
            for uuid in reversed(done):
                self.dataset.delete_indicator(uuid)
            raise
        cached = self._cache.get(project_uuid)
        self._written()
        for offset, indicator in enumerate(indicators):
            if cached is not None:
                cached.indicators.insert(position + offset, indicator.model_copy())
            self.indicatorAdded.emit(project_uuid, position + offset)

    def delete_indicators(self, project_uuid: str,
                          uuids: Iterable[str]) -> list[RemovedIndicator]:
        """Delete indicators; returns what :meth:`restore_indicators` needs, in deletion order."""
        removed: list[RemovedIndicator] = []
        try:
            for uuid in uuids:
                removed.append(self.dataset.delete_indicator(uuid))
        except PerfDeskError:
            self._restore_indicators(removed)
            raise
        self._written()
        cached = self._cache.get(project_uuid)
        for item in removed:
            if cached is not None:
                del cached.indicators[item.position]
            self.indicatorRemoved.emit(project_uuid, item.position)
        return removed

    def restore_indicators(self, removed: Sequence[RemovedIndicator]) -> None:
        self._restore_indicators(removed)
        self._written()
        for item in reversed(removed):
            cached = self._cache.get(item.project_uuid)
            if cached is not None:
                cached.indicators.insert(item.position, item.indicator.model_copy())
            self.indicatorAdded.emit(item.project_uuid, item.position)

    def _restore_indicators(self, removed: Sequence[RemovedIndicator]) -> None:
        for item in reversed(removed):
            self.dataset.restore_indicator(item)

    def move_indicator(self, project_uuid: str, uuid: str, position: int) -> int:
        """Move an indicator within its project; returns its old position."""
        old = self.dataset.move_indicator(uuid, position)
        cached = self._cache.get(project_uuid)
        if cached is not None:
            indicator = cached.indicators.pop(old)
            cached.indicators.insert(position, indicator)
        self._written()
        self.indicatorMoved.emit(project_uuid, old, position)
        return old

    # --- projects ---------------------------------------------------------------------------

    def add_project(self, unit_uuid: str, project: Project, position: int | None = None) -> str:
        uuid = self.dataset.add_project(unit_uuid, project, position=position)
        self._written()
        self.projectAdded.emit(uuid, unit_uuid, -1 if position is None else position)
        return uuid

    def delete_projects(self, uuids: Sequence[str]) -> list[RemovedProject]:
        removed = self.dataset.delete_projects(uuids)
        for uuid in uuids:
            self._cache.pop(uuid, None)
        self._written()
        for item in removed:
            self.projectRemoved.emit(item.project.uuid)
        return removed

    def restore_projects(self, removed: Sequence[RemovedProject]) -> None:
        restored: list[RemovedProject] = []
        try:
            for item in reversed(removed):  # reverse deletion order puts each back in place
                self.dataset.restore_project(item)
                restored.append(item)
        except PerfDeskError:
            if restored:
                self.dataset.delete_projects([r.project.uuid for r in restored])
            raise
        self._written()
        for item in restored:
            self.projectAdded.emit(item.project.uuid, item.unit_uuid, item.position)

    def move_project(self, uuid: str, position: int,
                     unit_uuid: str | None = None) -> tuple[str, int]:
        """Move a project (to another unit when given); returns (old unit uuid, old position)."""
        old = self.dataset.move_project(uuid, position, unit_uuid)
        self._cache.pop(uuid, None)
        self._written()
        self.treeChanged.emit()
        return old

    def add_projects(self, projects: Sequence[Project]) -> AddedProjects:
        """Add many projects at once (an import or its redo), creating units by name."""
        added = self.dataset.add_projects(projects)
        self._written()
        self.treeChanged.emit()
        return added

    def remove_added(self, added: AddedProjects) -> list[RemovedProject]:
        removed = self.dataset.remove_added(added)
        for uuid in added.project_uuids:
            self._cache.pop(uuid, None)
        self._written()
        self.treeChanged.emit()
        return removed

    def projects_imported(self) -> None:
        """An importer added projects through the dataset itself: reread what it changed."""
        self._written()
        self.treeChanged.emit()

    # --- departments and units --------------------------------------------------------------

    def add_department(self, name: str, code: str = "") -> str:
        uuid = self.dataset.add_department(name, code)
        self._written()
        self.treeChanged.emit()
        return uuid

    def add_unit(self, department_uuid: str, name: str, code: str = "") -> str:
        uuid = self.dataset.add_unit(department_uuid, name, code)
        self._written()
        self.treeChanged.emit()
        return uuid

    def rename_department(self, uuid: str, name: str) -> str:
        old = self.dataset.update_department(uuid, name=name)["name"]
        self._tree_edited()
        return old

    def rename_unit(self, uuid: str, name: str) -> str:
        old = self.dataset.update_unit(uuid, name=name)["name"]
        self._tree_edited()
        return old

    def delete_department(self, uuid: str) -> RemovedDepartment:
        removed = self.dataset.delete_department(uuid)
        self._tree_edited()
        return removed

    def restore_department(self, removed: RemovedDepartment) -> None:
        self.dataset.restore_department(removed)
        self._tree_edited()

    def delete_unit(self, uuid: str) -> RemovedUnit:
        removed = self.dataset.delete_unit(uuid)
        self._tree_edited()
        return removed

    def restore_unit(self, removed: RemovedUnit) -> None:
        self.dataset.restore_unit(removed)
        self._tree_edited()

    def _tree_edited(self) -> None:
        # Cached projects carry their department and unit names: drop them.
        self._cache.clear()
        self._written()
        self.treeChanged.emit()

    # --- the dataset itself -----------------------------------------------------------------

    def update_info(self, **changes: Any) -> dict[str, Any]:
        """Title, budget year or profile; returns the old values."""
        old = self.dataset.update_info(**changes)
        self._written()
        self.infoChanged.emit()
        return old

    def update_settings(self, settings: dict) -> dict:
        old = self.dataset.update_settings(settings)
        self._written()
        self.infoChanged.emit()
        return old


def _last_written(path: Path) -> datetime | None:
    """When the dataset file (or its write-ahead log) was last written."""
    times = []
    for candidate in (path, path.with_name(path.name + "-wal")):
        try:
            times.append(candidate.stat().st_mtime)
        except OSError:
            continue
    return datetime.fromtimestamp(max(times)) if times else None
