"""Every edit a clerk makes, as an undoable command.

A command makes one service call through the document (:meth:`Command.do`) and keeps the
:class:`~perfdesk.core.changes.ChangeSet` it returned. Undo writes that change set's inverse
and redo writes it again, each one transaction through :meth:`DatasetDocument.apply`, so every
command undoes and redoes the same way and none rolls anything back by hand: a multi-item edit
(a paste, a fix, deleting a department with all it holds, an import) is all-or-nothing in the
dataset itself. Commands never touch a view; the views follow the document's signals.

:meth:`DatasetDocument.push` calls :meth:`Command.perform` before the stack sees the command, so
an edit the dataset refuses never reaches the undo stack. Should an undo or redo be refused later
(the disk filled up in the meantime), the command reports it through
``document.editFailed`` and makes itself obsolete, so the stack drops it rather than claim a
state the file is not in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from perfdesk.core.errors import PerfDeskError
from perfdesk.gui.labels import indicator_field, project_field, task_field
from perfdesk.gui.translate import _t

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.gui.document import DatasetDocument
    from perfdesk.checks import Finding
    from perfdesk.core.changes import ChangeSet
    from perfdesk.core.model import Indicator, Project, Task
    from perfdesk.core.review import Comment
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.importing import ImportPlan

_TEXT_MERGE_ID = 1


class Command(QUndoCommand):
    """Base: :meth:`do` is the edit's one service call; undo and redo write its change set.

    Attributes:
        changes: what the edit changed, as the dataset kept it (``None`` before it ran).
    """

    def __init__(self, document: DatasetDocument, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.document = document
        self.changes: ChangeSet | None = None
        self._performed = False

    def perform(self) -> None:
        """Do the edit for the first time (raises PerfDeskError if the dataset refuses)."""
        self.performed(self.do())

    def performed(self, changes: ChangeSet) -> None:
        """Keep what the first time did (the document calls this after a background run)."""
        self.changes = changes
        self._performed = True

    def redo(self) -> None:  # noqa: D401 - Qt API
        if self._performed:  # the first redo() comes from QUndoStack.push, after perform()
            self._performed = False
            return
        self._guarded(lambda: self.document.apply(self.changes))

    def undo(self) -> None:
        self._guarded(lambda: self.document.apply(self.changes.inverse()).inverse())

    def _guarded(self, write: Callable[[], ChangeSet]) -> None:
        try:
            self.changes = write()
        except PerfDeskError as exc:
            self.setObsolete(True)
            self.document.editFailed.emit(str(exc))

    def do(self) -> ChangeSet:
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
        self.edits = dict(changes)
        self.session = session

    def do(self) -> ChangeSet:
        return self.document.update_project(self.uuid, self.edits)

    def id(self) -> int:
        return _TEXT_MERGE_ID if self.session is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, EditProject) and other.session is not None
                and other.session == self.session and other.uuid == self.uuid
                and set(other.edits) == set(self.edits)):
            return False
        assert self.changes is not None and other.changes is not None
        self.edits = dict(other.edits)
        self.changes = self.changes.then(other.changes)
        return True


# --- a 部门整体 target's tasks (年度主要任务) ------------------------------------------------------


class EditTask(Command):
    """Change fields of one task (an amount typed may change its 总额 too)."""

    def __init__(self, document: DatasetDocument, project_uuid: str, uuid: str,
                 changes: dict[str, Any]) -> None:
        first = next(iter(changes))
        super().__init__(document, _t("修改“%1”").replace("%1", task_field(first)))
        self.project_uuid = project_uuid
        self.uuid = uuid
        self.edits = dict(changes)

    def do(self) -> ChangeSet:
        return self.document.update_task(self.uuid, self.edits)


class AddTask(Command):
    """Insert a new, empty task at ``position``."""

    def __init__(self, document: DatasetDocument, project_uuid: str, task: Task,
                 position: int) -> None:
        super().__init__(document, _t("添加年度主要任务"))
        self.project_uuid = project_uuid
        self.task = task
        self.position = position

    def do(self) -> ChangeSet:
        return self.document.add_task(self.project_uuid, self.task, self.position)


class DeleteTasks(Command):
    """Delete tasks (undo puts them back where they were)."""

    def __init__(self, document: DatasetDocument, project_uuid: str,
                 uuids: Sequence[str]) -> None:
        super().__init__(document, _t("删除 %1 条年度主要任务").replace("%1", str(len(uuids))))
        self.project_uuid = project_uuid
        self.uuids = list(uuids)

    def do(self) -> ChangeSet:
        return self.document.delete_tasks(self.uuids)


# --- indicators -------------------------------------------------------------------------------


class EditIndicator(Command):
    """Change fields of one indicator (a typed value may change several at once)."""

    def __init__(self, document: DatasetDocument, project_uuid: str, uuid: str,
                 changes: dict[str, Any], *, text: str | None = None) -> None:
        first = next(iter(changes))
        super().__init__(document, text or _t("修改“%1”").replace("%1", indicator_field(first)))
        self.project_uuid = project_uuid
        self.uuid = uuid
        self.edits = dict(changes)

    def do(self) -> ChangeSet:
        return self.document.update_indicator(self.uuid, self.edits)


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

    def do(self) -> ChangeSet:
        return self.document.add_indicators(self.project_uuid, self.indicators, self.position)


class DeleteIndicators(Command):
    def __init__(self, document: DatasetDocument, project_uuid: str,
                 uuids: Sequence[str]) -> None:
        text = _t("删除指标") if len(uuids) == 1 else _t("删除 %1 个指标").replace(
            "%1", str(len(uuids)))
        super().__init__(document, text)
        self.project_uuid = project_uuid
        self.uuids = list(uuids)

    def do(self) -> ChangeSet:
        return self.document.delete_indicators(self.uuids)


class MoveIndicator(Command):
    def __init__(self, document: DatasetDocument, project_uuid: str, uuid: str,
                 position: int) -> None:
        super().__init__(document, _t("移动指标"))
        self.project_uuid = project_uuid
        self.uuid = uuid
        self.position = position

    def do(self) -> ChangeSet:
        return self.document.move_indicator(self.uuid, self.position)


# --- projects ---------------------------------------------------------------------------------


class AddProject(Command):
    def __init__(self, document: DatasetDocument, unit_uuid: str, project: Project,
                 position: int | None = None) -> None:
        super().__init__(document, _t("新建项目"))
        self.unit_uuid = unit_uuid
        self.project = project.model_copy(deep=True)
        self.position = position

    def do(self) -> ChangeSet:
        return self.document.add_project(self.unit_uuid, self.project, self.position)


class DeleteProjects(Command):
    def __init__(self, document: DatasetDocument, uuids: Sequence[str]) -> None:
        text = _t("删除项目") if len(uuids) == 1 else _t("删除 %1 个项目").replace(
            "%1", str(len(uuids)))
        super().__init__(document, text)
        self.uuids = list(uuids)

    def do(self) -> ChangeSet:
        return self.document.delete_projects(self.uuids)


class MoveProject(Command):
    def __init__(self, document: DatasetDocument, uuid: str, position: int,
                 unit_uuid: str | None = None) -> None:
        super().__init__(document, _t("移动项目"))
        self.uuid = uuid
        self.position = position
        self.unit_uuid = unit_uuid

    def do(self) -> ChangeSet:
        return self.document.move_project(self.uuid, self.position, self.unit_uuid)


class ImportProjects(Command):
    """The projects of an import plan (exactly what the preview showed), added in one
    transaction; undo removes them with the departments and units the import made.

    The first time it runs on a worker thread (:meth:`DatasetDocument.push_in_background`,
    with progress and 取消) or, pushed as usual, here and now."""

    def __init__(self, document: DatasetDocument, plan: ImportPlan, *,
                 text: str | None = None) -> None:
        replaced = len(plan.to_replace)
        if text is None and replaced:
            text = _t("导入 %1 个项目（替换 %2 个）").replace(
                "%1", str(len(plan.to_add))).replace("%2", str(replaced))
        super().__init__(document, text or _t("导入 %1 个项目").replace(
            "%1", str(len(plan.to_add))))
        self.plan = plan

    def do(self) -> ChangeSet:
        return self.document.import_plan(self.plan)

    def background_work(self, dataset: Dataset) -> Callable[[Callable[[int, int], None]],
                                                             ChangeSet]:
        """The service call as a job body (no Qt: it runs on a worker thread)."""
        from perfdesk.services.importing import import_plan

        plan = self.plan
        return lambda progress: import_plan(dataset, plan, progress=progress)


# --- departments and units --------------------------------------------------------------------


class AddUnit(Command):
    """A new budget unit, under an existing department or a new one made for it (one edit).

    Attributes:
        unit_uuid: the new unit, once added.
    """

    def __init__(self, document: DatasetDocument, department: str, unit: str,
                 code: str = "") -> None:
        super().__init__(document, _t("新建预算单位"))
        self.department = department.strip()
        self.unit = unit.strip()
        self.code = code.strip()
        self.unit_uuid = ""

    def do(self) -> ChangeSet:
        from perfdesk.core.changes import UNIT

        changes = self.document.add_unit_under(self.department, self.unit, self.code)
        self.unit_uuid = changes.added_uuids(UNIT)[0]
        return changes


class RenameDepartment(Command):
    def __init__(self, document: DatasetDocument, uuid: str, name: str) -> None:
        super().__init__(document, _t("重命名主管部门"))
        self.uuid, self.name = uuid, name.strip()

    def do(self) -> ChangeSet:
        return self.document.rename_department(self.uuid, self.name)


class RenameUnit(Command):
    def __init__(self, document: DatasetDocument, uuid: str, name: str) -> None:
        super().__init__(document, _t("重命名预算单位"))
        self.uuid, self.name = uuid, name.strip()

    def do(self) -> ChangeSet:
        return self.document.rename_unit(self.uuid, self.name)


class DeleteDepartment(Command):
    """A department with its units and their projects (all back on undo, in one edit)."""

    def __init__(self, document: DatasetDocument, uuid: str) -> None:
        super().__init__(document, _t("删除主管部门"))
        self.uuid = uuid

    def do(self) -> ChangeSet:
        return self.document.delete_department(self.uuid)


class DeleteUnit(Command):
    """A unit with its projects (all back on undo, in one edit)."""

    def __init__(self, document: DatasetDocument, uuid: str) -> None:
        super().__init__(document, _t("删除预算单位"))
        self.uuid = uuid

    def do(self) -> ChangeSet:
        return self.document.delete_unit(self.uuid)


# --- the dataset ------------------------------------------------------------------------------


class EditDatasetInfo(Command):
    """Title, budget year, profile and the dataset's check settings (grade list …)."""

    def __init__(self, document: DatasetDocument, info: dict[str, Any],
                 settings: dict | None = None) -> None:
        super().__init__(document, _t("修改数据文件属性"))
        self.info = dict(info)
        self.settings = settings

    def do(self) -> ChangeSet:
        return self.document.update_info(self.info, self.settings)


# --- check fixes ------------------------------------------------------------------------------


class ApplyFix(Command):
    """One auto-fix of a check finding: its project and indicator changes as one undo step."""

    def __init__(self, document: DatasetDocument, finding: Finding) -> None:
        assert finding.fix is not None
        super().__init__(document, _t("自动修正：%1").replace("%1", str(finding.fix.label)))
        self.finding = finding

    def do(self) -> ChangeSet:
        return self.document.apply_fix(self.finding)


# --- 审核意见 ---------------------------------------------------------------------------------


class AddComments(Command):
    """Write review comments (one, or every finding turned into a comment) as one step."""

    def __init__(self, document: DatasetDocument, comments: Sequence[Comment]) -> None:
        super().__init__(document, _t("添加审核意见") if len(comments) == 1 else
                         _t("添加 %1 条审核意见").replace("%1", str(len(comments))))
        self.comments = list(comments)

    def do(self) -> ChangeSet:
        return self.document.add_comments(self.comments)


class AnswerComment(Command):
    """The clerk's answer to a comment: 改了 or 说明 with a reply."""

    def __init__(self, document: DatasetDocument, uuid: str, kind: str, reply: str) -> None:
        super().__init__(document, _t("答复审核意见"))
        self.uuid, self.kind, self.reply = uuid, kind, reply

    def do(self) -> ChangeSet:
        return self.document.answer_comment(self.uuid, self.kind, self.reply)


class CloseComment(Command):
    """The reviewer closes a comment (or, with ``reopen``, keeps it open)."""

    def __init__(self, document: DatasetDocument, uuid: str, *, reopen: bool = False) -> None:
        super().__init__(document, _t("重新打开审核意见") if reopen else _t("关闭审核意见"))
        self.uuid, self.reopen = uuid, reopen

    def do(self) -> ChangeSet:
        if self.reopen:
            return self.document.reopen_comment(self.uuid)
        return self.document.close_comment(self.uuid)


class DeleteComment(Command):
    def __init__(self, document: DatasetDocument, uuid: str) -> None:
        super().__init__(document, _t("删除审核意见"))
        self.uuid = uuid

    def do(self) -> ChangeSet:
        return self.document.delete_comment(self.uuid)


# --- 报送 ----------------------------------------------------------------------------------


class ReceiveSubmissions(Command):
    """Submissions received into a 汇总 dataset (done by the receiving job): undoing takes the
    units' new projects out, puts their previous ones back and forgets the receipts, as one
    step, so the same files can be received again."""

    def __init__(self, document: DatasetDocument, changes: ChangeSet, count: int) -> None:
        super().__init__(document, _t("接收报送") if count == 1 else
                         _t("接收 %1 份报送").replace("%1", str(count)))
        self.performed(changes)

    def do(self) -> ChangeSet:  # pragma: no cover - the receiving job did it
        assert self.changes is not None
        return self.changes
