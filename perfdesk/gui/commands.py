"""Every edit a clerk makes, as an undoable command.

Each command calls the document's edit method (which calls the Dataset service and writes the
file) and remembers what that method returned (old values, Removed* snapshots, AddedProjects) so
that ``undo()`` can call the inverse. Commands never touch a view; the views follow the
document's signals.

:meth:`DatasetDocument.push` calls :meth:`Command.perform` before the stack sees the command, so
an edit the dataset refuses never reaches the undo stack. Should an undo or redo be refused later
(the disk filled up in the meantime), the command reports it through
``document.editFailed`` and makes itself obsolete, so the stack drops it rather than claim a
state the file is not in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from perfdesk.core.errors import PerfDeskError
from perfdesk.gui.document import DatasetDocument
from perfdesk.gui.labels import indicator_field, project_field
from perfdesk.gui.translate import _t

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.services.dataset import AddedProjects, RemovedIndicator, RemovedProject
    from perfdesk.core.model import Indicator, Project

_TEXT_MERGE_ID = 1



class Command(QUndoCommand):
    """Base: ``do()`` and ``revert()`` run the edit and its inverse through the document."""

    def __init__(self, document: DatasetDocument, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.document = document
        self._performed = False

    def perform(self) -> None:
        """Do the edit for the first time (raises PerfDeskError if the dataset refuses)."""
        self.do()
        self._performed = True

    def redo(self) -> None:  # noqa: D401 - Qt API
        if self._performed:  # the first redo() comes from QUndoStack.push, after perform()
            self._performed = False
            return
        self._guarded(self.do)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, action) -> None:
        try:
            action()
        except PerfDeskError as exc:
            self.setObsolete(True)
            self.document.editFailed.emit(str(exc))

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


# --- project header ---------------------------------------------------------------------------


class EditProject(Command):
    """Change header fields of one project.

    Consecutive edits of the same text field in one typing session (``session`` is the same
    non-``None`` value) merge into one undo step, so undo takes back the whole typing at once.
    """

    def __init__(self, document: DatasetDocument, uuid: str, changes: dict[str, Any], *,
                 session: object | None = None, text: str | None = None) -> None:
        first = next(iter(changes))
        super().__init__(document, text or _t("修改“%1”").replace("%1", project_field(first)))
        self.uuid = uuid
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}
        self.session = session

    def do(self) -> None:
        self.old = self.document.update_project(self.uuid, self.changes)

    def revert(self) -> None:
        self.document.update_project(self.uuid, self.old)

    def id(self) -> int:
        return _TEXT_MERGE_ID if self.session is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, EditProject) and other.session is not None
                and other.session == self.session and other.uuid == self.uuid
                and set(other.changes) == set(self.changes)):
            return False
        self.changes = dict(other.changes)
        return True


# --- indicators -------------------------------------------------------------------------------


class EditIndicator(Command):
    """Change fields of one indicator (a typed value may change several at once)."""

    def __init__(self, document: DatasetDocument, project_uuid: str, uuid: str,
                 changes: dict[str, Any], *, text: str | None = None) -> None:
        first = next(iter(changes))
        super().__init__(document, text or _t("修改“%1”").replace("%1", indicator_field(first)))
        self.project_uuid = project_uuid
        self.uuid = uuid
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}

    def do(self) -> None:
        self.old = self.document.update_indicator(self.project_uuid, self.uuid, self.changes)

    def revert(self) -> None:
        self.document.update_indicator(self.project_uuid, self.uuid, self.old)


class AddIndicators(Command):
    """Insert one or more indicators (new row, paste, import into a project)."""

    def __init__(self, document: DatasetDocument, project_uuid: str,
                 indicators: Sequence[Indicator], position: int, *,
                 text: str | None = None) -> None:
        default = _t("新建指标") if len(indicators) == 1 else _t("添加 %1 个指标").replace(
            "%1", str(len(indicators)))
        super().__init__(document, text or default)
        self.project_uuid = project_uuid
        self.indicators = [i.model_copy() for i in indicators]
        self.position = position

    def do(self) -> None:
        self.document.add_indicators(self.project_uuid, self.indicators, self.position)

    def revert(self) -> None:
        self.document.delete_indicators(self.project_uuid, [i.uuid for i in self.indicators])


class DeleteIndicators(Command):
    def __init__(self, document: DatasetDocument, project_uuid: str,
                 uuids: Sequence[str]) -> None:
        text = _t("删除指标") if len(uuids) == 1 else _t("删除 %1 个指标").replace(
            "%1", str(len(uuids)))
        super().__init__(document, text)
        self.project_uuid = project_uuid
        self.uuids = list(uuids)
        self.removed: list[RemovedIndicator] = []

    def do(self) -> None:
        self.removed = self.document.delete_indicators(self.project_uuid, self.uuids)

    def revert(self) -> None:
        self.document.restore_indicators(self.removed)


class MoveIndicator(Command):
    def __init__(self, document: DatasetDocument, project_uuid: str, uuid: str,
                 position: int) -> None:
        super().__init__(document, _t("移动指标"))
        self.project_uuid = project_uuid
        self.uuid = uuid
        self.position = position
        self.old_position = -1

    def do(self) -> None:
        self.old_position = self.document.move_indicator(self.project_uuid, self.uuid,
                                                         self.position)

    def revert(self) -> None:
        self.document.move_indicator(self.project_uuid, self.uuid, self.old_position)


# --- projects ---------------------------------------------------------------------------------


class AddProject(Command):
    def __init__(self, document: DatasetDocument, unit_uuid: str, project: Project,
                 position: int | None = None) -> None:
        super().__init__(document, _t("新建项目"))
        self.unit_uuid = unit_uuid
        self.project = project.model_copy(deep=True)
        self.position = position
        self.removed: list[RemovedProject] = []

    def do(self) -> None:
        if self.removed:
            self.document.restore_projects(self.removed)
        else:
            self.document.add_project(self.unit_uuid, self.project, self.position)

    def revert(self) -> None:
        self.removed = self.document.delete_projects([self.project.uuid])


class DeleteProjects(Command):
    def __init__(self, document: DatasetDocument, uuids: Sequence[str]) -> None:
        text = _t("删除项目") if len(uuids) == 1 else _t("删除 %1 个项目").replace(
            "%1", str(len(uuids)))
        super().__init__(document, text)
        self.uuids = list(uuids)
        self.removed: list[RemovedProject] = []

    def do(self) -> None:
        self.removed = self.document.delete_projects(self.uuids)

    def revert(self) -> None:
        self.document.restore_projects(self.removed)


class MoveProject(Command):
    def __init__(self, document: DatasetDocument, uuid: str, position: int,
                 unit_uuid: str | None = None) -> None:
        super().__init__(document, _t("移动项目"))
        self.uuid = uuid
        self.position = position
        self.unit_uuid = unit_uuid
        self.old: tuple[str, int] | None = None

    def do(self) -> None:
        self.old = self.document.move_project(self.uuid, self.position, self.unit_uuid)

    def revert(self) -> None:
        assert self.old is not None
        self.document.move_project(self.uuid, self.old[1], self.old[0])


class ImportProjects(Command):
    """Projects an importer already added (``added``); undo removes them, redo adds them again.

    The importer adds in one transaction of its own (with progress and cancel), so the first
    ``perform()`` only records what it did.
    """

    def __init__(self, document: DatasetDocument, added: AddedProjects, *,
                 text: str | None = None) -> None:
        super().__init__(document, text or _t("导入 %1 个项目").replace(
            "%1", str(len(added.project_uuids))))
        self.added = added
        self.projects: list[Project] = []
        self._first = True

    def do(self) -> None:
        if self._first:
            self._first = False
            self.document.projects_imported()
            return
        self.added = self.document.add_projects(self.projects)

    def revert(self) -> None:
        removed = self.document.remove_added(self.added)
        self.projects = [item.project for item in removed]


# --- departments and units --------------------------------------------------------------------


class AddUnit(Command):
    """A new budget unit, under an existing department or a new one made for it."""

    def __init__(self, document: DatasetDocument, department: str, unit: str,
                 code: str = "") -> None:
        super().__init__(document, _t("新建预算单位"))
        self.department = department.strip()
        self.unit = unit.strip()
        self.code = code.strip()
        self.department_uuid = ""
        self.created_department = False
        self.unit_uuid = ""

    def do(self) -> None:
        existing = {d.name: d.uuid for d in self.document.dataset.departments()}
        self.created_department = self.department not in existing
        if self.created_department:
            self.department_uuid = self.document.add_department(self.department)
        else:
            self.department_uuid = existing[self.department]
        try:
            self.unit_uuid = self.document.add_unit(self.department_uuid, self.unit, self.code)
        except PerfDeskError:
            if self.created_department:
                self.document.delete_department(self.department_uuid)
            raise

    def revert(self) -> None:
        if self.created_department:
            self.document.delete_department(self.department_uuid)
        else:
            self.document.delete_unit(self.unit_uuid)


class RenameDepartment(Command):
    def __init__(self, document: DatasetDocument, uuid: str, name: str) -> None:
        super().__init__(document, _t("重命名主管部门"))
        self.uuid, self.name, self.old = uuid, name.strip(), ""

    def do(self) -> None:
        self.old = self.document.rename_department(self.uuid, self.name)

    def revert(self) -> None:
        self.document.rename_department(self.uuid, self.old)


class RenameUnit(Command):
    def __init__(self, document: DatasetDocument, uuid: str, name: str) -> None:
        super().__init__(document, _t("重命名预算单位"))
        self.uuid, self.name, self.old = uuid, name.strip(), ""

    def do(self) -> None:
        self.old = self.document.rename_unit(self.uuid, self.name)

    def revert(self) -> None:
        self.document.rename_unit(self.uuid, self.old)


class DeleteDepartment(Command):
    def __init__(self, document: DatasetDocument, uuid: str) -> None:
        super().__init__(document, _t("删除主管部门"))
        self.uuid = uuid
        self.removed = None

    def do(self) -> None:
        self.removed = self.document.delete_department(self.uuid)

    def revert(self) -> None:
        self.document.restore_department(self.removed)


class DeleteUnit(Command):
    def __init__(self, document: DatasetDocument, uuid: str) -> None:
        super().__init__(document, _t("删除预算单位"))
        self.uuid = uuid
        self.removed = None

    def do(self) -> None:
        self.removed = self.document.delete_unit(self.uuid)

    def revert(self) -> None:
        self.document.restore_unit(self.removed)


# --- the dataset ------------------------------------------------------------------------------


class EditDatasetInfo(Command):
    """Title, budget year, profile and the dataset's check settings (grade list …)."""

    def __init__(self, document: DatasetDocument, info: dict[str, Any],
                 settings: dict | None = None) -> None:
        super().__init__(document, _t("修改数据文件属性"))
        self.info = dict(info)
        self.settings = settings
        self.old_info: dict[str, Any] = {}
        self.old_settings: dict | None = None

    def do(self) -> None:
        if self.info:
            self.old_info = self.document.update_info(**self.info)
        if self.settings is not None:
            try:
                self.old_settings = self.document.update_settings(self.settings)
            except PerfDeskError:
                if self.info:
                    self.document.update_info(**self.old_info)
                raise

    def revert(self) -> None:
        if self.old_settings is not None:
            self.document.update_settings(self.old_settings)
        if self.old_info:
            self.document.update_info(**self.old_info)


# --- check fixes ------------------------------------------------------------------------------


class ApplyFix(Command):
    """One auto-fix of a check finding: its project and indicator changes as one undo step."""

    def __init__(self, document: DatasetDocument, project_uuid: str,
                 project_changes: dict[str, Any],
                 indicator_changes: dict[str, dict[str, Any]], label: str) -> None:
        super().__init__(document, _t("自动修正：%1").replace("%1", label))
        self.project_uuid = project_uuid
        self.project_changes = dict(project_changes)
        self.indicator_changes = {k: dict(v) for k, v in indicator_changes.items()}
        self.old_project: dict[str, Any] = {}
        self.old_indicators: list[tuple[str, dict[str, Any]]] = []

    def do(self) -> None:
        self.old_indicators = []
        try:
            if self.project_changes:
                self.old_project = self.document.update_project(self.project_uuid,
                                                                self.project_changes)
            for uuid, changes in self.indicator_changes.items():
                old = self.document.update_indicator(self.project_uuid, uuid, changes)
                self.old_indicators.append((uuid, old))
        except PerfDeskError:
            self.revert()
            raise

    def revert(self) -> None:
        for uuid, old in reversed(self.old_indicators):
            self.document.update_indicator(self.project_uuid, uuid, old)
        self.old_indicators = []
        if self.old_project:
            self.document.update_project(self.project_uuid, self.old_project)
            self.old_project = {}
