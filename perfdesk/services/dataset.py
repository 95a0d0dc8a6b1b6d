"""The dataset: one clerk's departments, units, projects and indicators in one file.

:class:`Dataset` is the only way into a dataset file for the GUI, the CLI, importers and
exporters. Queries return core model objects or small read-only entries
(:mod:`.entries`); every edit checks what it is given the way the model does (a float for
money is refused, ``"１２,３４５.６０"`` becomes 12345.60, a name cannot be blank), then is
one transaction of the storage layer with its change-log rows, and returns a
:class:`~perfdesk.core.changes.ChangeSet`: what the file now holds and, through its inverse,
how to take it back. :meth:`Dataset.apply` writes any change set — an inverse to undo, the
edit again to redo — as one transaction too. Objects keep their UUIDs through delete and
restore, so undo and later merges see the same identity.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from perfdesk.core.bulk import bulk
from perfdesk.core.changes import (
    COMMENT,
    DATASET,
    DEPARTMENT,
    INDICATOR,
    PROJECT,
    SUBMISSION,
    TASK,
    UNIT,
    Added,
    Changed,
    ChangeSet,
    Department,
    Moved,
    Removed,
    Step,
    Unit,
)
from perfdesk.core.errors import InvalidValueError
from perfdesk.core.model import (
    INDICATOR_FIELDS,
    PROJECT_FIELDS,
    TASK_FIELDS,
    Indicator,
    IndicatorFields,
    Project,
    ProjectFields,
    Task,
    TaskFields,
    new_uuid,
)
from perfdesk.core.review import (
    COMMENT_FIELDS,
    EXPLAINED,
    MAX_TEXT,
    OPEN,
    REPLY_KINDS,
    STATUSES,
    Comment,
)
from perfdesk.core.taxonomy import PROFILES
from perfdesk.services.entries import (
    Counts,
    DatasetInfo,
    DepartmentEntry,
    ProjectEntry,
    UnitEntry,
)
from perfdesk.storage import datasetfile, queries, writes
from perfdesk.storage.migrations import SCHEMA_VERSION
from perfdesk.storage.store import Store

__all__ = ["SCHEMA_VERSION", "Dataset", "schema_on_disk"]

MIN_YEAR, MAX_YEAR = 2000, 2100


def schema_on_disk(path: str | Path) -> int:
    """The schema version a dataset file is at, from its header alone (nothing is opened);
    raises the same clear errors opening would."""
    return datasetfile.probe(Path(path)).schema_version


class Dataset:
    """An open dataset file. Use :meth:`create` or :meth:`open`; close it when done.

    Attributes:
        path: the file.
        read_only: edits raise :class:`ReadOnlyError` when true.
        backup: the backup copy made before an upgrade on this open, else ``None``.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self.path = store.path
        self.read_only = store.read_only
        self.backup = store.backup

    # --- opening and closing ----------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, *, year: int, profile: str, title: str = "",
               department: str = "", unit: str = "") -> "Dataset":
        """Create a new dataset file (refusing to overwrite one) and open it."""
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(datasetfile.EXTENSION)
        _check_year(year)
        _check_profile(profile)
        if unit and not department:
            raise InvalidValueError("填写预算单位时也需要填写主管部门。",
                                    "A budget unit needs its department.")
        Store.create(path, dict(dataset_uuid=new_uuid(), title=title or f"{year}年项目支出绩效目标",
                                budget_year=year, profile=profile, created_at=writes.now()))
        dataset = cls.open(path)
        try:
            if unit:
                dataset.add_unit_under(department, unit)
            elif department:
                dataset.add_department(department)
        except BaseException:
            dataset.close()
            raise
        return dataset

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> "Dataset":
        """Open a dataset, upgrading an older file (after a backup) unless read-only.

        Raises NotADatasetError, NewerSchemaError, DatasetLockedError or PerfDeskError with a
        message for the clerk; in every such case the file is unchanged.
        """
        return cls(Store.open(Path(path), read_only=read_only))

    def close(self) -> None:
        self._store.close()

    @property
    def closed(self) -> bool:
        return self._store.closed

    @property
    def _engine(self):
        """The file's SQLAlchemy engine (for the storage tests' look at its connections)."""
        return self._store.engine

    def __enter__(self) -> "Dataset":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- dataset info -----------------------------------------------------------------------

    @property
    def info(self) -> DatasetInfo:
        row = self._store.info
        return DatasetInfo(
            path=self.path, dataset_uuid=row["dataset_uuid"], title=row["title"],
            budget_year=row["budget_year"], profile=row["profile"],
            created_at=row["created_at"], created_by=row["created_by"],
            app_version=row["app_version"], schema_version=row["schema_version"],
            read_only=self.read_only, settings=row["settings"], kind=row["kind"],
            task=row["task"])

    @property
    def profile(self) -> str:
        return self._store.info["profile"]

    def settings(self) -> dict:
        """The check settings (thresholds, word lists, grades) stored in the dataset."""
        return dict(self._store.info["settings"])

    def update_info(self, *, title: str | None = None, budget_year: int | None = None,
                    profile: str | None = None, settings: dict | None = None) -> ChangeSet:
        """Change the title, 预算年度, profile and check settings, in one transaction."""
        values: dict[str, Any] = {k: v for k, v in (
            ("title", title), ("budget_year", budget_year), ("profile", profile),
            ("settings", settings)) if v is not None}
        return self._write("update dataset", [Changed(DATASET, self.info.dataset_uuid, {},
                                                      values)])

    def set_task(self, task: dict, *, kind: str | None = None) -> ChangeSet:
        """Keep the task (任务文件) the dataset was set up from, and its kind."""
        values: dict[str, Any] = {"task": task}
        if kind is not None:
            values["kind"] = kind
        return self._write("set task", [Changed(DATASET, self.info.dataset_uuid, {}, values)])

    def submissions(self, direction: str, unit: str | None = None) -> list[dict]:
        """The 报送记录: ``"sent"`` (this unit's submissions) or ``"received"``, oldest
        first; of one unit (its code, or its name where it has none) when ``unit`` is given."""
        with self._store.read() as conn:
            return queries.submissions(conn, direction, unit)

    def unit_project_uuids(self, department: str, unit: str) -> list[str]:
        """The projects of one unit (by the names of its department and itself)."""
        with self._store.read() as conn:
            return queries.unit_project_uuids(conn, department, unit)

    def record_submission(self, record: dict) -> ChangeSet:
        """Keep a submission sent (its file is written already)."""
        with self._store.transaction("submit") as tx:
            writes.add_submission(tx, record)
        return self._done(tx)

    def receive_submission(self, record: dict, projects: Sequence[Project],
                           replacing: Sequence[str], comments: Sequence[Step] = ()
                           ) -> ChangeSet:
        """A received submission as one transaction: the projects it replaces (the unit's
        previous ones, by uuid) removed, its projects added under their department and unit,
        the receipt kept, and ``comments`` (the clerk's answers it carried, as comment
        steps) written. Either all of it is done or none."""
        with self._store.transaction("receive") as tx:
            if replacing:
                writes.remove_projects(tx, list(replacing))
            writes.add_projects(tx, _placed(tx, projects))
            writes.add_submission(tx, record)
            writes.apply(tx, [_checked(step) for step in comments])
        return self._done(tx)

    def update_settings(self, settings: dict) -> ChangeSet:
        """Replace the check settings."""
        return self.update_info(settings=settings)

    def reference_projects(self) -> list[tuple[str, str, str]]:
        """The loaded budget project list as (unit name, project name, code)."""
        with self._store.read() as conn:
            return queries.reference_projects(conn)

    def set_reference_projects(self, entries: Iterable[tuple[str, str, str]]) -> ChangeSet:
        """Replace the budget project list (rule HDR-05 compares project names with it)."""
        return self._write("reference projects", [Changed(
            DATASET, self.info.dataset_uuid, {},
            {"reference_projects": tuple((u or "", n, c or "") for u, n, c in entries if n)})])

    # --- 审核意见 ------------------------------------------------------------------------------

    def comments(self, project_uuid: str | None = None) -> list[Comment]:
        """The review comments, in the order written (of one project, when given)."""
        with self._store.read() as conn:
            return queries.comments(conn, project_uuid)

    def comment(self, uuid: str) -> Comment:
        with self._store.read() as conn:
            return queries.comment_from_row(queries.row(conn, COMMENT, uuid))

    def add_comments(self, comments: Sequence[Comment], *,
                     operation: str = "add comment") -> ChangeSet:
        """Put comments in (at the end), as one edit."""
        return self._write(operation, [Added(COMMENT, c.uuid, "", None, c) for c in comments])

    def update_comment(self, uuid: str, **changes: Any) -> ChangeSet:
        """Change fields of one comment (its answer, its status)."""
        return self._write("update comment", [Changed(COMMENT, uuid, {}, changes)])

    def delete_comment(self, uuid: str) -> ChangeSet:
        return self._write("delete comment", [Removed(COMMENT, uuid, "", 0, None)])

    def keep_comments_with(self, record: dict, steps: Sequence[Step], *,
                           operation: str = "receive return") -> ChangeSet:
        """Comments added or changed (a return file received, or a return made) together with
        the 报送记录 entry ``record`` that says so, in one transaction: all of it or none."""
        checked = [_checked(step) for step in steps]
        with self._store.transaction(operation) as tx:
            writes.apply(tx, checked)
            writes.add_submission(tx, record)
        return self._done(tx)

    def history(self, entity_uuid: str, field: str | None = None,
                limit: int = 200) -> list[dict]:
        """修改记录 of one project or indicator (of one field, when given), newest first:
        time, OS user, action, field, old and new value as the change log kept them."""
        with self._store.read() as conn:
            return queries.field_history(conn, entity_uuid, field, limit)

    def changes(self, limit: int = 100) -> list[dict]:
        """The newest entries of the change log, newest first."""
        with self._store.read() as conn:
            return queries.changes(conn, limit)

    # --- queries ----------------------------------------------------------------------------

    def counts(self) -> Counts:
        with self._store.read() as conn:
            return Counts(*queries.counts(conn))

    def departments(self) -> list[DepartmentEntry]:
        with self._store.read() as conn:
            return [DepartmentEntry(*r) for r in queries.departments(conn)]

    def units(self, department_uuid: str | None = None) -> list[UnitEntry]:
        with self._store.read() as conn:
            return [UnitEntry(*r) for r in queries.units(conn, department_uuid)]

    def project_list(self) -> list[ProjectEntry]:
        """Every project in tree order, with its unit, department and indicator count. The
        projects of a unit share one copy of its uuid and name and of its department's (each
        row would bring its own: 10,000 projects held 3 MB of repeated text)."""
        with self._store.read() as conn:
            rows = queries.project_list(conn)
        shared: dict[str, str] = {}
        one = shared.setdefault
        return [ProjectEntry(uuid, name, code, position, one(unit_uuid, unit_uuid), one(unit, unit),
                             one(dept_uuid, dept_uuid), one(dept, dept), count)
                for uuid, name, code, position, unit_uuid, unit, dept_uuid, dept, count in rows]

    def load_project(self, uuid: str) -> Project:
        projects = self.load_projects([uuid])
        if not projects:
            raise queries.not_found(PROJECT)
        return projects[0]

    def load_projects(self, uuids: Sequence[str] | None = None) -> list[Project]:
        """Projects with their indicators, in tree order (all of them when ``uuids`` is None);
        built with the garbage collector paused (:func:`perfdesk.core.bulk.bulk`)."""
        with bulk():
            return list(self.iter_projects(uuids))

    def iter_projects(self, uuids: Sequence[str] | None = None,
                      batch: int = 500) -> Iterator[Project]:
        """Projects with their indicators, in tree order, loaded ``batch`` at a time."""
        with self._store.read() as conn:
            yield from queries.iter_projects(conn, uuids, batch)

    def indicator_names(self) -> list[str]:
        """Every 三级指标 name in the dataset, most used first (for the name completer)."""
        with self._store.read() as conn:
            return queries.indicator_names(conn)

    # --- departments and units --------------------------------------------------------------

    def add_department(self, name: str, code: str = "") -> ChangeSet:
        return self._write("add department", [Added(
            DEPARTMENT, new_uuid(), "", None, Department("", name, code))])

    def update_department(self, uuid: str, *, name: str | None = None,
                          code: str | None = None) -> ChangeSet:
        return self._write("update department", [Changed(DEPARTMENT, uuid, {}, {
            k: v for k, v in (("name", name), ("code", code)) if v is not None})])

    def delete_department(self, uuid: str) -> ChangeSet:
        """Delete a department with its units and their projects (all back on undo)."""
        return self._write("delete department", [Removed(DEPARTMENT, uuid, "", None, None)])

    def add_unit(self, department_uuid: str, name: str, code: str = "") -> ChangeSet:
        return self._write("add unit", [Added(UNIT, new_uuid(), department_uuid, None,
                                              Unit("", name, code))])

    def add_unit_under(self, department: str, unit: str, code: str = "") -> ChangeSet:
        """A new unit under the department of that name, which is made when missing: one
        transaction (the unit may not exist already)."""
        department = _required_name(department, "主管部门", "department")
        unit = _required_name(unit, "预算单位", "budget unit")
        with self._store.transaction("add unit") as tx:
            known = queries.department_uuid(tx.conn, department)
            if known is not None and queries.unit_uuid(tx.conn, known, unit) is not None:
                raise InvalidValueError(f"预算单位“{unit}”已存在。",
                                        f"Budget unit '{unit}' already exists.")
            writes.ensure_unit(tx, department, unit, (code or "").strip())
        return self._done(tx)

    def update_unit(self, uuid: str, *, name: str | None = None,
                    code: str | None = None) -> ChangeSet:
        return self._write("update unit", [Changed(UNIT, uuid, {}, {
            k: v for k, v in (("name", name), ("code", code)) if v is not None})])

    def delete_unit(self, uuid: str) -> ChangeSet:
        """Delete a unit with its projects (all back on undo)."""
        return self._write("delete unit", [Removed(UNIT, uuid, "", None, None)])

    # --- projects ---------------------------------------------------------------------------

    def add_project(self, unit_uuid: str, project: Project | None = None, *,
                    position: int | None = None) -> ChangeSet:
        """Add ``project`` (with its indicators and uuid kept) to a unit."""
        project = project if project is not None else Project()
        return self._write("add project", [Added(PROJECT, project.uuid, unit_uuid, position,
                                                 project)])

    def add_projects(self, projects: Iterable[Project], *, operation: str = "import",
                     replacing: Sequence[Project] = ()) -> ChangeSet:
        """Add many projects in one transaction, creating departments and units by name.

        Each project goes under ``project.department`` → ``project.unit`` (created when new),
        at the end of the unit. ``replacing`` are projects that take the place of the stored
        project with their uuid (an import told to replace what the dataset holds): the stored
        one is deleted and the new one put where it was, keeping its identity for whatever
        points at it. Either everything is done or, on any error (the clerk cancelling through
        a generator of projects included), nothing is.
        """
        places = {}
        if replacing:
            entries = {e.uuid: e for e in self.project_list()}
            places = {p.uuid: entries[p.uuid] for p in replacing if p.uuid in entries}
        with self._store.transaction(operation) as tx:
            if places:
                writes.remove_projects(tx, list(places))
                again = sorted(replacing, key=lambda p: (places[p.uuid].unit_uuid,
                                                         places[p.uuid].position))
                # back in ascending positions: each lands where the one it replaces was
                writes.add_projects(tx, ((places[p.uuid].unit_uuid, places[p.uuid].position, p)
                                         for p in again if p.uuid in places))
            writes.add_projects(tx, _placed(tx, projects))
        return self._done(tx)

    def update_project(self, uuid: str, **changes: Any) -> ChangeSet:
        """Change header fields."""
        return self._write("update project", [Changed(PROJECT, uuid, {}, changes)])

    def delete_project(self, uuid: str) -> ChangeSet:
        return self.delete_projects([uuid])

    def delete_projects(self, uuids: Sequence[str]) -> ChangeSet:
        """Delete projects with their indicators."""
        return self._write("delete projects", [Removed(PROJECT, u, "", None, None)
                                               for u in uuids])

    def move_project(self, uuid: str, position: int,
                     unit_uuid: str | None = None) -> ChangeSet:
        """Move a project to ``position`` (in another unit when given)."""
        return self._write("move project", [Moved(PROJECT, uuid, "", None, unit_uuid or "",
                                                  position)])

    # --- indicators -------------------------------------------------------------------------

    def add_indicator(self, project_uuid: str, indicator: Indicator | None = None, *,
                      position: int | None = None) -> ChangeSet:
        return self.add_indicators(project_uuid, [indicator if indicator is not None
                                                  else Indicator()], position=position)

    def add_indicators(self, project_uuid: str, indicators: Sequence[Indicator], *,
                       position: int | None = None) -> ChangeSet:
        """Insert indicators as a block at ``position`` (the end when ``None``)."""
        return self._write("add indicators", [
            Added(INDICATOR, i.uuid, project_uuid,
                  None if position is None else position + offset, i)
            for offset, i in enumerate(indicators)])

    def update_indicator(self, uuid: str, **changes: Any) -> ChangeSet:
        """Change indicator fields (a typed value may change several at once)."""
        return self._write("update indicator", [Changed(INDICATOR, uuid, {}, changes)])

    def delete_indicator(self, uuid: str) -> ChangeSet:
        return self.delete_indicators([uuid])

    def delete_indicators(self, uuids: Iterable[str]) -> ChangeSet:
        return self._write("delete indicators", [Removed(INDICATOR, u, "", None, None)
                                                 for u in uuids])

    def move_indicator(self, uuid: str, position: int) -> ChangeSet:
        """Move an indicator to ``position`` within its project."""
        return self._write("move indicator", [Moved(INDICATOR, uuid, "", None, "", position)])

    # --- a 部门整体 target's tasks (年度主要任务) ------------------------------------------------

    def add_task(self, project_uuid: str, task: Task | None = None, *,
                 position: int | None = None) -> ChangeSet:
        """Insert one task at ``position`` (the end when ``None``)."""
        task = task if task is not None else Task()
        return self._write("add task", [Added(TASK, task.uuid, project_uuid, position, task)])

    def update_task(self, uuid: str, **changes: Any) -> ChangeSet:
        """Change a task's fields (任务名称, 预算金额 …)."""
        return self._write("update task", [Changed(TASK, uuid, {}, changes)])

    def delete_tasks(self, uuids: Iterable[str]) -> ChangeSet:
        return self._write("delete tasks", [Removed(TASK, u, "", None, None) for u in uuids])

    def move_task(self, uuid: str, position: int) -> ChangeSet:
        """Move a task to ``position`` within its project."""
        return self._write("move task", [Moved(TASK, uuid, "", None, "", position)])

    # --- any change set ---------------------------------------------------------------------

    def apply(self, changes: ChangeSet) -> ChangeSet:
        """Write ``changes`` as one transaction: ``apply(edit.inverse())`` undoes an edit,
        ``apply(edit)`` redoes it; a change set built by hand (an auto-fix's field changes)
        is checked like any edit. Returns what was done, as stored."""
        return self._write(changes.operation or "apply", changes.steps)

    def _write(self, operation: str, steps: Iterable[Step]) -> ChangeSet:
        checked = [_checked(step) for step in steps]
        with self._store.transaction(operation) as tx:
            writes.apply(tx, checked)
        return self._done(tx)

    def _done(self, tx) -> ChangeSet:
        changes = tx.changes
        assert changes is not None
        if changes.touches(DATASET):
            self._store.reload_info()
        return changes


def _placed(tx, projects: Iterable[Project]):
    """(unit uuid, position, project) for each project, under its department → unit by name,
    made when new (at the end of the unit)."""
    units: dict[tuple[str, str], str] = {}
    for project in projects:
        key = (project.department.strip(), project.unit.strip())
        if key not in units:
            units[key] = writes.ensure_unit(
                tx, _required_name(key[0], "主管部门", "department"),
                _required_name(key[1], "预算单位", "budget unit"), project.unit_code,
                project.department_code)
        yield units[key], None, project


# --- checking what an edit is given ---------------------------------------------------------


def _checked(step: Step) -> Step:
    """``step`` with its values as the model reads them; InvalidValueError when one is not."""
    if isinstance(step, Changed):
        return Changed(step.entity, step.uuid, step.old, _values(step.entity, step.new),
                       step.parent)
    if isinstance(step, Added):
        item = step.item
        if step.entity in (DEPARTMENT, UNIT):
            what = ("主管部门", "department") if step.entity == DEPARTMENT else (
                "预算单位", "budget unit")
            item = type(item)(item.uuid or step.uuid, _required_name(item.name, *what),
                              (item.code or "").strip())
        elif step.entity == COMMENT:
            if not isinstance(item, Comment):
                raise TypeError(f"a comment step needs a Comment, not {item!r}")
            item = _checked_comment(item)
        elif step.entity == SUBMISSION:
            if not isinstance(item, dict):
                raise TypeError(f"a submission step needs its record, not {item!r}")
        elif not isinstance(item, {PROJECT: Project, TASK: Task}.get(step.entity, Indicator)):
            raise TypeError(f"a {step.entity} step needs its model object, not {item!r}")
        return Added(step.entity, step.uuid, step.parent, step.position, item)
    return step


def _checked_comment(comment: Comment) -> Comment:
    """A comment with its texts trimmed; InvalidValueError when it says nothing, is too long
    or claims an answer it does not give."""
    values = _comment_values(comment.as_record())
    return Comment.from_record({**comment.as_record(), **values})


def _comment_values(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(COMMENT_FIELDS)
    if unknown:
        raise ValueError(f"not comment fields: {sorted(unknown)}")
    checked = {k: ("" if v is None else str(v)) for k, v in values.items()}
    for name in ("text", "reply"):
        if name in checked:
            checked[name] = checked[name].strip()
            if len(checked[name]) > MAX_TEXT:
                raise InvalidValueError(
                    f"{'审核意见' if name == 'text' else '答复'}太长（{len(checked[name])} 个字，"
                    f"最多 {MAX_TEXT} 个字）。",
                    f"The {'comment' if name == 'text' else 'reply'} is too long "
                    f"({len(checked[name])} characters, at most {MAX_TEXT}).")
    if "text" in checked and not checked["text"]:
        raise InvalidValueError("审核意见不能为空。", "A review comment cannot be empty.")
    if checked.get("status", OPEN) not in STATUSES:
        raise ValueError(f"not a comment status: {checked['status']!r}")
    if checked.get("reply_kind", "") not in ("", *REPLY_KINDS):
        raise ValueError(f"not a reply kind: {checked['reply_kind']!r}")
    if checked.get("reply_kind") == EXPLAINED and "reply" in checked and not checked["reply"]:
        raise InvalidValueError("选择“说明”时请写明理由。",
                                "An explanation needs a reply saying why.")
    return checked


def _values(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    if entity == COMMENT:
        return _comment_values(values)
    if entity in (PROJECT, INDICATOR, TASK):
        known, model = {PROJECT: (PROJECT_FIELDS, ProjectFields),
                        INDICATOR: (INDICATOR_FIELDS, IndicatorFields),
                        TASK: (TASK_FIELDS, TaskFields)}[entity]
        unknown = set(values) - set(known)
        if unknown:
            raise ValueError(f"not {entity} fields: {sorted(unknown)}")
        return _validated(model, values)
    if entity in (DEPARTMENT, UNIT):
        checked = dict(values)
        if "name" in checked:
            what = ("主管部门", "department") if entity == DEPARTMENT else ("预算单位",
                                                                          "budget unit")
            checked["name"] = _required_name(checked["name"], *what)
        if "code" in checked:
            checked["code"] = (checked["code"] or "").strip()
        return checked
    if "budget_year" in values:
        _check_year(values["budget_year"])
    if "kind" in values and values["kind"] not in ("unit", "department"):
        raise ValueError(f"not a dataset kind: {values['kind']!r}")
    if "task" in values and not isinstance(values["task"], dict):
        raise ValueError("a task is a dict")
    if "profile" in values:
        _check_profile(values["profile"])
    return dict(values)


def _check_year(year: int) -> None:
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidValueError(f"预算年度应为 {MIN_YEAR}–{MAX_YEAR} 之间的年份，不能是“{year}”。",
                                f"The budget year must be between {MIN_YEAR} and {MAX_YEAR}, "
                                f"not '{year}'.")


def _check_profile(profile: str) -> None:
    if profile not in PROFILES:
        raise InvalidValueError(f"指标体系只能是 {'/'.join(PROFILES)}，不能是“{profile}”。",
                                f"The profile must be one of {', '.join(PROFILES)}, "
                                f"not '{profile}'.")


def _required_name(name: str, zh: str, en: str) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidValueError(f"{zh}名称不能为空。", f"The {en} name cannot be empty.")
    return name


def _validated(model, changes: dict[str, Any]) -> dict[str, Any]:
    """Run the model's field validation on ``changes`` (refuses floats, converts text)."""
    from pydantic import ValidationError

    try:
        validated = model.model_validate(changes)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise InvalidValueError(f"字段“{where}”的值无效：{first.get('msg')}",
                                f"Invalid value for '{where}': {first.get('msg')}") from exc
    return {k: getattr(validated, k) for k in changes}
