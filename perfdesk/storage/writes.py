"""Writing a dataset file: the one transaction every edit is, its change log, and what it did.

An edit opens a :class:`Transaction`, calls the functions below, and leaves: either all of it
is on disk, with one change-log row per changed field (time, OS user, entity, field, old, new)
written in the same transaction, or — on any error, a full disk, the clerk cancelling an
import — none of it is. Each function records the step it took (:mod:`perfdesk.core.changes`)
with the values the file now holds: the row as read back after an update, positions as they
were placed, added items in the form their columns keep them. After the commit the
transaction's :attr:`~Transaction.changes` is the edit's :class:`ChangeSet`, and
:func:`apply` replays any change set — an inverse to undo, the same again to redo — as one
transaction too.

Every statement that writes goes through :meth:`Transaction.write`, so a test can make the
storage fail half-way through an edit and prove nothing of it stays.
"""

from __future__ import annotations

import bisect
import json
import operator
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import func, select

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
from perfdesk.core.errors import InvalidValueError, PerfDeskError, ReadOnlyError
from perfdesk.core.model import (
    INDICATOR_FIELDS,
    PROJECT_FIELDS,
    TASK_FIELDS,
    Indicator,
    Project,
    Task,
    new_uuid,
)
from perfdesk.storage import queries
from perfdesk.core.review import COMMENT_FIELDS, Comment
from perfdesk.storage.queries import (
    COMMENTS,
    DEPT,
    IND,
    INFO,
    LOG,
    PROJ,
    REF,
    SUB,
    TABLES,
    TASKS,
    UNIT as UNITS,
)
from perfdesk.storage.tables import ExactDecimal

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.storage.store import Store


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def log_text(value: Any) -> str | None:
    """How a value is written into the change log (and settings into their JSON)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


class Transaction:
    """One edit of a dataset file: ``with store.transaction("add indicator") as tx: …``.

    Attributes:
        conn: the connection, for the reads the edit makes.
        steps: what the edit did so far.
        changes: the edit's :class:`ChangeSet`, once it was committed.
    """

    def __init__(self, store: "Store", operation: str) -> None:
        self.store = store
        self.operation = operation
        self.steps: list[Step] = []
        self.changes: ChangeSet | None = None
        self._log: list[tuple] = []  # change-log rows in _LOG_COLUMNS order

    def __enter__(self) -> "Transaction":
        store = self.store
        if store.closed:
            raise PerfDeskError("数据文件已关闭。", "The dataset is closed.")
        if store.read_only:
            raise ReadOnlyError("数据文件以只读方式打开，不能修改。",
                                "The dataset is open read-only; it cannot be changed.",
                                file=store.path)
        store.write_lock.acquire()
        try:
            store.ensure_in_place()
            self._cm = store.engine.begin()
            self.conn = self._cm.__enter__()
        except BaseException:
            store.write_lock.release()
            raise
        self.operation_id = new_uuid()
        self.at = now()
        return self

    def write(self, statement, params: Sequence[tuple] | None = None):
        """Run one writing statement (an SQLAlchemy statement, or driver SQL with rows of
        parameters for executemany)."""
        if isinstance(statement, str):
            return self.conn.exec_driver_sql(statement, params)
        return self.conn.execute(statement)

    def log(self, action: str, entity: str, entity_uuid: str, field_name: str,
            old: Any, new: Any) -> None:
        self._log.append((self.at, self.store.user, self.operation_id, action, entity,
                          entity_uuid, field_name, log_text(old), log_text(new)))

    def log_created(self, entity: str, items: Iterable[tuple[str, str]]) -> None:
        """Log the creation of many items at once, each given as (uuid, name): the rows
        :meth:`log` would write for them."""
        head = (self.at, self.store.user, self.operation_id, "create", entity)
        self._log.extend((*head, uuid, "", None, log_text(name)) for uuid, name in items)

    def record(self, step: Step) -> None:
        self.steps.append(step)

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc is None and self._log:
                try:
                    insert_rows(self, LOG, _LOG_COLUMNS, self._log)
                except BaseException as error:
                    exc = error
            if exc is None:
                self._cm.__exit__(None, None, None)  # commits
                self.changes = ChangeSet(tuple(self.steps), self.operation)
                return False
            # Rolls back. (Given the exception, the context manager would swallow one that
            # came from the change log; raising it here makes every failure the caller's.)
            self._cm.__exit__(type(exc), exc, exc.__traceback__)
            raise exc
        except sa.exc.OperationalError as error:
            raise write_error(error, self.store.path) from error
        finally:
            self.store.write_lock.release()


_LOG_COLUMNS = ("at", "os_user", "operation", "action", "entity", "entity_uuid", "field", "old",
                "new")


def write_error(error: sa.exc.OperationalError, path: Path) -> PerfDeskError:
    text = str(getattr(error, "orig", error))
    if "full" in text or "disk" in text.lower():
        return PerfDeskError("磁盘已满，修改没有保存。请清理磁盘空间后重试；数据文件保持原样。",
                             "The disk is full; the change was not saved. Free some space and "
                             "try again; the dataset is unchanged.", file=path)
    if "locked" in text or "busy" in text:
        return PerfDeskError("数据文件正被其他程序占用，修改没有保存。请稍后重试。",
                             "The dataset is busy in another program; the change was not "
                             "saved. Try again shortly.", file=path)
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError("数据文件变成了只读，修改没有保存。", "The dataset became read-only; "
                             "the change was not saved.", file=path)
    return PerfDeskError(f"写入数据文件失败（{text}），修改没有保存。",
                         f"Writing the dataset failed ({text}); the change was not saved.",
                         file=path)


# --- replaying a change set -----------------------------------------------------------------


def apply(tx: Transaction, steps: Iterable[Step]) -> None:
    """Do each step again, in order: an inverse undoes an edit, the edit itself redoes it.

    A run of projects added or removed one after the other (an import, or taking one back)
    is written in bulk."""
    steps = list(steps)
    i = 0
    while i < len(steps):
        step = steps[i]
        if step.entity == PROJECT and isinstance(step, (Added, Removed)):
            run = i
            while (run < len(steps) and steps[run].entity == PROJECT
                   and type(steps[run]) is type(step)):
                run += 1
            if isinstance(step, Added):
                add_projects(tx, [(s.parent, s.position, s.item) for s in steps[i:run]])
            else:
                remove_projects(tx, [s.uuid for s in steps[i:run]])
            i = run
            continue
        if isinstance(step, Changed):
            if step.entity == DATASET:
                change_dataset(tx, step.new)
            else:
                change(tx, step.entity, step.uuid, step.new)
        elif isinstance(step, Added):
            add(tx, step.entity, step.parent, step.position, step.item)
        elif isinstance(step, Removed):
            remove(tx, step.entity, step.uuid)
        else:
            move(tx, step.entity, step.uuid, step.new_parent, step.new_position)
        i += 1


def add(tx: Transaction, entity: str, parent: str, position: int | None, item: Any) -> None:
    if entity == DEPARTMENT:
        add_department(tx, item, position)
    elif entity == UNIT:
        add_unit(tx, parent, item, position)
    elif entity == PROJECT:
        add_projects(tx, [(parent, position, item)])
    elif entity == COMMENT:
        add_comment(tx, item, position)
    elif entity == SUBMISSION:
        add_submission(tx, item)
    elif entity == TASK:
        add_tasks(tx, parent, [item], position)
    else:
        add_indicators(tx, parent, [item], position)


# --- 审核意见 ---------------------------------------------------------------------------------


def add_comment(tx: Transaction, comment: Comment, position: int | None = None) -> None:
    """Put a comment in at ``position`` (at the end when ``None``)."""
    if tx.conn.execute(select(COMMENTS.c.id).where(COMMENTS.c.uuid == comment.uuid)).first():
        raise InvalidValueError("这条审核意见已经在数据文件中。",
                                "This review comment is already in the dataset.")
    position = _insert_position(tx, COMMENTS, None, position)
    tx.write(COMMENTS.insert().values(position=position, **comment.as_record()))
    tx.log("create", COMMENT, comment.uuid, "", None, comment.text)
    tx.record(Added(COMMENT, comment.uuid, "", position, comment))


def _remove_comment(tx: Transaction, uuid: str) -> None:
    found = queries.row(tx.conn, COMMENT, uuid)
    tx.write(COMMENTS.delete().where(COMMENTS.c.id == found["id"]))
    _close_gap(tx, COMMENTS, None, found["position"])
    tx.log("delete", COMMENT, uuid, "", found["text"], None)
    tx.record(Removed(COMMENT, uuid, "", found["position"], queries.comment_from_row(found)))


# --- the dataset ----------------------------------------------------------------------------

_INFO_FIELDS = ("title", "budget_year", "profile", "kind")


def change_dataset(tx: Transaction, values: dict[str, Any]) -> None:
    """Title, 预算年度, profile, the check ``settings`` and the ``reference_projects`` list."""
    info = queries.dataset_info(tx.conn)
    assert info is not None
    old: dict[str, Any] = {}
    stored: dict[str, Any] = {}
    columns = {k: v for k, v in values.items() if k in _INFO_FIELDS and info[k] != v}
    if columns:
        tx.write(INFO.update().values(**columns))
    if "settings" in values:
        text = json.dumps(values["settings"], ensure_ascii=False, sort_keys=True,
                          default=log_text)
        if queries.settings_of(text) != info["settings"]:
            tx.write(INFO.update().values(check_settings=text))
            old["settings"] = info["settings"]
            tx.log("update", "dataset", info["dataset_uuid"], "check_settings",
                   json.dumps(info["settings"], ensure_ascii=False, sort_keys=True), text)
    after = queries.dataset_info(tx.conn)
    assert after is not None
    for k in columns:
        old[k], stored[k] = info[k], after[k]
        tx.log("update", "dataset", info["dataset_uuid"], k, info[k], after[k])
    if "settings" in old:
        stored["settings"] = after["settings"]
    if "task" in values:
        text = json.dumps(values["task"], ensure_ascii=False, sort_keys=True)
        if queries.settings_of(text) != info["task"]:
            tx.write(INFO.update().values(task=text))
            old["task"] = info["task"]
            stored["task"] = queries.settings_of(text)
            tx.log("update", "dataset", info["dataset_uuid"], "task", None,
                   "(task file)")  # the secrets stay out of the change log
    if "reference_projects" in values:
        before = tuple(queries.reference_projects(tx.conn))
        rows = [dict(unit_name=u or "", name=n, code=c or "")
                for u, n, c in values["reference_projects"] if n]
        tx.write(REF.delete())
        if rows:
            tx.write(REF.insert().values(rows))
        kept = tuple(queries.reference_projects(tx.conn))
        if kept != before:
            old["reference_projects"], stored["reference_projects"] = before, kept
            tx.log("update", "dataset", info["dataset_uuid"], "reference_projects",
                   str(len(before)), str(len(kept)))
    if stored:
        tx.record(Changed(DATASET, info["dataset_uuid"], old, stored))


# --- the 报送记录 -----------------------------------------------------------------------------


def add_submission(tx: Transaction, record: dict[str, Any]) -> None:
    """Keep one submission sent or received (``record`` holds the submission table's columns;
    manifest and snapshot as JSON-ready values), in the transaction of what it came with."""
    values = dict(record)
    values["manifest"] = json.dumps(values.get("manifest", {}), ensure_ascii=False,
                                    sort_keys=True)
    values["snapshot"] = json.dumps(values.get("snapshot", []), ensure_ascii=False,
                                    separators=(",", ":"), default=log_text)
    tx.write(SUB.insert().values(**values))
    tx.log("create", "submission", values["submission_id"], values["direction"], None,
           f"{values.get('unit_name', '')} 第{values.get('number', 0)}次")
    tx.record(Added(SUBMISSION, submission_key(record), "", None, dict(record)))


def submission_key(record: dict[str, Any]) -> str:
    """The uuid a 报送记录 entry has in a change set: direction and submission ID."""
    return f"{record['direction']}:{record['submission_id']}"


def _remove_submission(tx: Transaction, key: str) -> None:
    direction, _, submission_id = key.partition(":")
    where = (SUB.c.direction == direction) & (SUB.c.submission_id == submission_id)
    found = tx.conn.execute(select(SUB).where(where)).mappings().first()
    if found is None:
        raise queries.not_found(SUBMISSION)
    record = {k: v for k, v in dict(found).items() if k != "id"}
    record["manifest"] = queries.settings_of(record["manifest"])
    record["snapshot"] = json.loads(record["snapshot"] or "[]")
    tx.write(SUB.delete().where(SUB.c.id == found["id"]))
    tx.log("delete", "submission", submission_id, direction, record.get("unit_name", ""), None)
    tx.record(Removed(SUBMISSION, key, "", 0, record))


# --- departments and units ------------------------------------------------------------------


def add_department(tx: Transaction, item: Department, position: int | None) -> None:
    if tx.conn.execute(select(DEPT.c.id).where(DEPT.c.name == item.name)).first():
        raise InvalidValueError(f"主管部门“{item.name}”已存在。",
                                f"Department '{item.name}' already exists.")
    position = _insert_position(tx, DEPT, None, position)
    tx.write(DEPT.insert().values(uuid=item.uuid, name=item.name, code=item.code,
                                  position=position))
    tx.log("create", "department", item.uuid, "", None, item.name)
    tx.record(Added(DEPARTMENT, item.uuid, "", position, item))


def add_unit(tx: Transaction, department_uuid: str, item: Unit, position: int | None) -> None:
    dept = queries.row(tx.conn, DEPARTMENT, department_uuid)
    if tx.conn.execute(select(UNITS.c.id).where(UNITS.c.department_id == dept["id"],
                                                UNITS.c.name == item.name)).first():
        raise InvalidValueError(f"预算单位“{item.name}”已存在。",
                                f"Budget unit '{item.name}' already exists.")
    position = _insert_position(tx, UNITS, UNITS.c.department_id == dept["id"], position)
    tx.write(UNITS.insert().values(uuid=item.uuid, department_id=dept["id"], name=item.name,
                                   code=item.code, position=position))
    tx.log("create", "unit", item.uuid, "", None, item.name)
    tx.record(Added(UNIT, item.uuid, department_uuid, position, item))


# --- field changes --------------------------------------------------------------------------


def change(tx: Transaction, entity: str, uuid: str, values: dict[str, Any]) -> None:
    """Change fields of a department, unit, project or indicator (already validated); records
    only the fields whose value changed, with the values read back from the row."""
    table = TABLES[entity]
    found = queries.row(tx.conn, entity, uuid)
    changed = {k: v for k, v in values.items() if found[k] != v}
    if not changed:
        return
    stamp = {"updated_at": now()} if entity in (PROJECT, INDICATOR) else {}
    try:
        tx.write(table.update().where(table.c.id == found["id"]).values(**changed, **stamp))
    except sa.exc.IntegrityError as exc:  # a department's or a unit's name
        raise InvalidValueError(f"名称“{changed.get('name', '')}”已被使用。",
                                f"The name '{changed.get('name', '')}' is taken.") from exc
    stored = dict(tx.conn.execute(select(*(table.c[k] for k in changed))
                                  .where(table.c.id == found["id"])).mappings().one())
    parent = ""
    if entity in (INDICATOR, TASK):
        _touch(tx, found["project_id"])
        parent = queries.uuid_of(tx.conn, PROJECT, found["project_id"])
    for k in changed:
        tx.log("update", entity, uuid, k, found[k], stored[k])
    tx.record(Changed(entity, uuid, {k: found[k] for k in changed}, stored, parent))


# --- removing -------------------------------------------------------------------------------


def remove(tx: Transaction, entity: str, uuid: str) -> None:
    """Delete one entity with everything under it; each project and unit that goes with it
    is recorded as a step of its own, so the inverse puts all of it back in place."""
    if entity == PROJECT:
        remove_projects(tx, [uuid])
        return
    if entity == COMMENT:
        _remove_comment(tx, uuid)
        return
    if entity == SUBMISSION:
        _remove_submission(tx, uuid)
        return
    conn = tx.conn
    found = queries.row(conn, entity, uuid)
    if entity in (INDICATOR, TASK):
        parent = queries.uuid_of(conn, PROJECT, found["project_id"])
        item: Any = (queries.indicator_from_row(found) if entity == INDICATOR
                     else queries.task_from_row(found))
        table = TABLES[entity]
        scope = table.c.project_id == found["project_id"]
        _touch(tx, found["project_id"])
    elif entity == UNIT:
        parent = queries.uuid_of(conn, DEPARTMENT, found["department_id"])
        _record_projects_of(tx, found)
        item = Unit(uuid, found["name"], found["code"])
        scope = UNITS.c.department_id == found["department_id"]
    else:
        parent = ""
        for unit_uuid in reversed(queries.child_uuids(conn, UNIT, found["id"])):
            unit = queries.row(conn, UNIT, unit_uuid)
            _record_projects_of(tx, unit)
            tx.record(Removed(UNIT, unit_uuid, uuid, unit["position"],
                              Unit(unit_uuid, unit["name"], unit["code"])))
        item = Department(uuid, found["name"], found["code"])
        scope = None
    table = TABLES[entity]
    tx.write(table.delete().where(table.c.id == found["id"]))
    _close_gap(tx, table, scope, found["position"])
    tx.log("delete", entity, uuid, "", found["name"], None)
    tx.record(Removed(entity, uuid, parent, found["position"], item))


def remove_projects(tx: Transaction, uuids: Sequence[str]) -> None:
    """Delete projects with their indicators, recorded one by one in the order given (each
    position as it is at its turn) but written in bulk: taking back an import of 10,000
    projects is a few statements, not 60,000."""
    conn = tx.conn
    rows = {}
    for i in range(0, len(uuids), 500):
        rows.update((r["uuid"], r) for r in conn.execute(
            select(PROJ.c.id, PROJ.c.uuid, PROJ.c.unit_id, PROJ.c.position, PROJ.c.name)
            .where(PROJ.c.uuid.in_(uuids[i:i + 500]))).mappings())
    if len(rows) < len(set(uuids)):
        raise queries.not_found(PROJECT)
    snapshots = {p.uuid: p for p in queries.iter_projects(conn, uuids)}
    unit_ids = sorted({r["unit_id"] for r in rows.values()})
    unit_uuids = dict(conn.execute(select(UNITS.c.id, UNITS.c.uuid)
                                   .where(UNITS.c.id.in_(unit_ids))).all())
    gone: dict[int, list[int]] = {unit: [] for unit in unit_ids}  # positions taken, per unit
    for uuid in uuids:
        found = rows[uuid]
        taken = gone[found["unit_id"]]
        position = found["position"] - bisect.bisect_left(taken, found["position"])
        bisect.insort(taken, found["position"])
        tx.log("delete", PROJECT, uuid, "", found["name"], None)
        tx.record(Removed(PROJECT, uuid, unit_uuids[found["unit_id"]], position,
                          snapshots[uuid]))
    ids = [r["id"] for r in rows.values()]
    for i in range(0, len(ids), 500):
        tx.write(PROJ.delete().where(PROJ.c.id.in_(ids[i:i + 500])))
    # the projects left in those units close up, keeping their order
    moves = []
    for unit in unit_ids:
        if len(gone[unit]) == 1:
            _close_gap(tx, PROJ, PROJ.c.unit_id == unit, gone[unit][0])
            continue
        left = conn.execute(select(PROJ.c.id, PROJ.c.position).where(PROJ.c.unit_id == unit)
                            .order_by(PROJ.c.position, PROJ.c.id)).all()
        moves.extend((new, row_id) for new, (row_id, old) in enumerate(left) if new != old)
    if moves:
        tx.write("UPDATE project SET position = ? WHERE id = ?", moves)


def _record_projects_of(tx: Transaction, unit_row) -> None:
    """The projects a unit's deletion takes with it, last first (each position as it is at
    its turn)."""
    uuids = queries.child_uuids(tx.conn, PROJECT, unit_row["id"])
    projects = list(queries.iter_projects(tx.conn, uuids))
    for position in reversed(range(len(projects))):
        project = projects[position]
        tx.record(Removed(PROJECT, project.uuid, unit_row["uuid"], position, project))


# --- moving ---------------------------------------------------------------------------------


def move(tx: Transaction, entity: str, uuid: str, parent: str | None, position: int) -> None:
    """Move a project (to another unit when ``parent`` names one) or an indicator (within
    its project) to ``position``."""
    conn = tx.conn
    found = queries.row(conn, entity, uuid)
    if entity == PROJECT:
        parent_col, parent_entity = PROJ.c.unit_id, UNIT
    elif entity in (INDICATOR, TASK):
        parent_col, parent_entity = TABLES[entity].c.project_id, PROJECT
    else:
        raise ValueError(f"a {entity} cannot be moved")
    old_parent = queries.uuid_of(conn, parent_entity, found[parent_col.name])
    target = found[parent_col.name]
    if parent and parent != old_parent:
        if entity != PROJECT:
            raise ValueError(f"a {entity} moves only within its project")
        target = queries.row(conn, parent_entity, parent)["id"]
    table = TABLES[entity]
    _close_gap(tx, table, parent_col == found[parent_col.name], found["position"])
    placed = _insert_position(tx, table, parent_col == target, position)
    tx.write(table.update().where(table.c.id == found["id"])
             .values({parent_col.name: target, "position": placed}))
    new_parent = parent or old_parent
    if entity != PROJECT:
        _touch(tx, found["project_id"])
        tx.log("move", entity, uuid, "position", found["position"], placed)
    else:
        tx.log("move", entity, uuid, "position", f"{old_parent}:{found['position']}",
               f"{new_parent}:{placed}")
    tx.record(Moved(entity, uuid, old_parent, found["position"], new_parent, placed))


# --- adding projects and indicators ---------------------------------------------------------


class _UnitRef:
    __slots__ = ("id", "uuid", "name", "code", "department")

    def __init__(self, conn, uuid: str) -> None:
        found = conn.execute(
            select(UNITS.c.id, UNITS.c.name, UNITS.c.code, DEPT.c.name)
            .join(DEPT, UNITS.c.department_id == DEPT.c.id)
            .where(UNITS.c.uuid == uuid)).first()
        if found is None:
            raise queries.not_found(UNIT)
        self.uuid = uuid
        self.id, self.name, self.code, self.department = found


def add_projects(tx: Transaction,
                 placed: Iterable[tuple[str, int | None, Project]]) -> None:
    """Add projects with their indicators, each to (unit uuid, position; ``None`` for the
    end). Projects going to the end of their unit are inserted in bulk: an import of 10,000
    spends its time in SQLite, not in building statements."""
    units: dict[str, _UnitRef] = {}
    ends: dict[str, int] = {}
    batch: list[tuple[_UnitRef, int, Project]] = []
    for unit_uuid, position, project in placed:
        unit = units.get(unit_uuid)
        if unit is None:
            unit = units[unit_uuid] = _UnitRef(tx.conn, unit_uuid)
        end = ends.get(unit_uuid)
        if end is None:
            end = tx.conn.execute(select(func.count()).select_from(PROJ)
                                  .where(PROJ.c.unit_id == unit.id)).scalar_one()
        if position is None or position >= end:
            position = end
        else:
            _insert_projects(tx, batch)  # what comes before goes in before the shift
            batch = []
            position = _insert_position(tx, PROJ, PROJ.c.unit_id == unit.id, position)
        ends[unit_uuid] = end + 1
        batch.append((unit, position, project))
        if len(batch) >= 1000:
            _insert_projects(tx, batch)
            batch = []
    _insert_projects(tx, batch)


# A model's field values straight from its __dict__ (every field is there: a bulk import reads
# 60,000 of them, and attribute access through the model costs several times more).
_project_values = operator.itemgetter(*PROJECT_FIELDS)
_indicator_values = operator.itemgetter(*INDICATOR_FIELDS)


# Rows are tuples in these columns' order: the fields, then where the item is.
_PROJECT_COLUMNS = (*PROJECT_FIELDS, "uuid", "unit_id", "position", "created_at", "updated_at")
_INDICATOR_COLUMNS = (*INDICATOR_FIELDS, "uuid", "project_id", "position", "created_at",
                      "updated_at")


def _insert_projects(tx: Transaction, batch: list[tuple[_UnitRef, int, Project]]) -> None:
    if not batch:
        return
    stamp = now()
    rows = [(*_project_values(project.__dict__), project.uuid, unit.id, position, stamp, stamp)
            for unit, position, project in batch]
    tx.log_created("project", ((project.uuid, project.name) for _u, _p, project in batch))
    last = tx.conn.execute(select(func.coalesce(func.max(PROJ.c.id), 0))).scalar_one()
    _insert_new(tx, PROJ, _PROJECT_COLUMNS, rows, "项目", "project")
    # SQLite gives new rows ids above the largest one; read them back by uuid to be sure.
    ids = dict(tx.conn.execute(select(PROJ.c.uuid, PROJ.c.id).where(PROJ.c.id > last)).all())
    indicator_rows = []
    for _unit, _position, project in batch:
        indicator_rows.extend(_indicator_rows(tx, ids[project.uuid], project.indicators, 0,
                                              stamp))
    _insert_indicator_rows(tx, indicator_rows)
    task_rows = []
    for _unit, _position, project in batch:
        task_rows.extend(_task_rows(tx, ids[project.uuid], project.tasks, 0))
    _insert_task_rows(tx, task_rows)
    for unit, position, project in batch:
        tx.record(Added(PROJECT, project.uuid, unit.uuid, position, _stored_project(project,
                                                                                   unit)))


def add_indicators(tx: Transaction, project_uuid: str, indicators: Sequence[Indicator],
                   position: int | None) -> None:
    """Insert indicators as a block at ``position`` in their project (the end if ``None``)."""
    _add_children(tx, INDICATOR, project_uuid, indicators, position)


def _add_children(tx: Transaction, entity: str, project_uuid: str, items: Sequence,
                  position: int | None) -> None:
    """Insert a project's indicators or tasks as a block at ``position`` (the end if
    ``None``), each recorded as it is stored."""
    if not items:
        return
    table = TABLES[entity]
    project = queries.row(tx.conn, PROJECT, project_uuid)
    scope = table.c.project_id == project["id"]
    first = _insert_position(tx, table, scope, position)
    if position is not None and len(items) > 1:
        tx.write(table.update().values(position=table.c.position + len(items) - 1)
                 .where(scope, table.c.position > first))
    if entity == INDICATOR:
        _insert_indicator_rows(tx, _indicator_rows(tx, project["id"], items, first, now()))
        stored = _stored_indicator
    else:
        _insert_task_rows(tx, _task_rows(tx, project["id"], items, first))
        stored = _stored_task
    _touch(tx, project["id"])
    for offset, item in enumerate(items):
        tx.record(Added(entity, item.uuid, project_uuid, first + offset, stored(item)))


def _indicator_rows(tx: Transaction, project_id: int, indicators: Sequence[Indicator],
                    first: int, stamp: str) -> list[tuple]:
    rows = [(*_indicator_values(indicator.__dict__), indicator.uuid, project_id, position, stamp,
             stamp) for position, indicator in enumerate(indicators, first)]
    tx.log_created("indicator", ((i.uuid, i.name) for i in indicators))
    return rows


def _insert_indicator_rows(tx: Transaction, rows: list[tuple]) -> None:
    _insert_new(tx, IND, _INDICATOR_COLUMNS, rows, "指标", "indicator")


_task_values = operator.itemgetter(*TASK_FIELDS)
_TASK_COLUMNS = (*TASK_FIELDS, "uuid", "project_id", "position")


def add_tasks(tx: Transaction, project_uuid: str, tasks: Sequence[Task],
              position: int | None) -> None:
    """Insert 年度主要任务 as a block at ``position`` in their project (the end if ``None``)."""
    _add_children(tx, TASK, project_uuid, tasks, position)


def _task_rows(tx: Transaction, project_id: int, tasks: Sequence[Task], first: int
               ) -> list[tuple]:
    tx.log_created(TASK, ((t.uuid, t.name) for t in tasks))
    return [(*_task_values(task.__dict__), task.uuid, project_id, position)
            for position, task in enumerate(tasks, first)]


def _insert_task_rows(tx: Transaction, rows: list[tuple]) -> None:
    _insert_new(tx, TASKS, _TASK_COLUMNS, rows, "年度主要任务", "task")


def _insert_new(tx: Transaction, table: sa.Table, columns: Sequence[str], rows: list[tuple],
                zh: str, en: str) -> None:
    """Insert rows of items that must not be in the file yet (their UUIDs are unique)."""
    try:
        insert_rows(tx, table, columns, rows)
    except sa.exc.IntegrityError as exc:
        raise InvalidValueError(f"{zh}已在数据文件中（同一{zh}不能添加两次）。",
                                f"The {en} is already in the dataset (the same {en} cannot be "
                                "added twice).") from exc


# --- what the columns keep ------------------------------------------------------------------

_PROJECT_DECIMALS = tuple(f for f in PROJECT_FIELDS if isinstance(PROJ.c[f].type, ExactDecimal))
_INDICATOR_DECIMALS = tuple(f for f in INDICATOR_FIELDS
                            if isinstance(IND.c[f].type, ExactDecimal))


def _kept(obj, names: Sequence[str]) -> dict[str, Decimal]:
    """The decimals of ``obj`` whose stored text reads back in another form (1E+1 → 10)."""
    forms = {}
    fields = obj.__dict__  # every field of a model is there
    for name in names:
        value = fields[name]
        # only a positive exponent reads back otherwise: the text is written without one
        if value is not None and "E+" in str(value):
            forms[name] = Decimal(format(value, "f"))
    return forms


def _stored_indicator(indicator: Indicator) -> Indicator:
    forms = _kept(indicator, _INDICATOR_DECIMALS)
    return indicator.model_copy(update=forms) if forms else indicator


def _stored_task(task: Task) -> Task:
    forms = _kept(task, ("total", "fiscal", "other"))
    return task.model_copy(update=forms) if forms else task


def _stored_project(project: Project, unit: _UnitRef) -> Project:
    """The project as the file now holds it: under its unit's names, decimals as kept."""
    update: dict[str, Any] = _kept(project, _PROJECT_DECIMALS)
    place = {"department": unit.department, "unit": unit.name, "unit_code": unit.code}
    update.update({k: v for k, v in place.items() if getattr(project, k) != v})
    indicators = [_stored_indicator(i) for i in project.indicators]
    if any(a is not b for a, b in zip(indicators, project.indicators)):
        update["indicators"] = indicators
    tasks = [_stored_task(t) for t in project.tasks]
    if any(a is not b for a, b in zip(tasks, project.tasks)):
        update["tasks"] = tasks
    return project.model_copy(update=update) if update else project


# --- positions and bulk rows ----------------------------------------------------------------


def _insert_position(tx: Transaction, table, scope, position: int | None) -> int:
    q = select(func.count()).select_from(table)
    if scope is not None:
        q = q.where(scope)
    count = tx.conn.execute(q).scalar_one()
    if position is None or position >= count:
        return count
    position = max(0, position)
    shift = table.update().values(position=table.c.position + 1).where(
        table.c.position >= position)
    tx.write(shift.where(scope) if scope is not None else shift)
    return position


def _close_gap(tx: Transaction, table, scope, position: int) -> None:
    shift = table.update().values(position=table.c.position - 1).where(
        table.c.position > position)
    tx.write(shift.where(scope) if scope is not None else shift)


def _touch(tx: Transaction, project_id: int) -> None:
    tx.write(PROJ.update().where(PROJ.c.id == project_id).values(updated_at=now()))


def insert_rows(tx: Transaction, table: sa.Table, names: Sequence[str], rows: list[tuple]
                ) -> None:
    """executemany straight through the driver: bulk imports spend their time in SQLite, not
    in building statements. ``rows`` are tuples of values in ``names``' order, converted
    exactly as the column types would."""
    if not rows:
        return
    convert = []
    for i, name in enumerate(names):
        kind = table.c[name].type
        if isinstance(kind, ExactDecimal):
            convert.append((i, _decimal_text(kind.process_bind_param)))
        elif isinstance(kind, sa.Boolean):
            convert.append((i, lambda v: int(bool(v))))
    sql = (f"INSERT INTO {table.name} ({', '.join(names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    if convert:
        params = []
        for row in rows:
            values = list(row)
            for i, conv in convert:
                if values[i] is not None:  # NULL stays NULL for every converter
                    values[i] = conv(values[i])
            params.append(tuple(values))
        rows = params
    tx.write(sql, rows)


def _decimal_text(bind):
    """The column's conversion of a value, quicker for the usual finite Decimal (the same
    text: its digits without an exponent)."""
    def convert(value):
        if type(value) is Decimal and value.is_finite():
            return format(value, "f")
        return bind(value, None)
    return convert


def ensure_unit(tx: Transaction, department: str, unit: str, code: str = "",
                department_code: str = "") -> str:
    """The uuid of the named unit under the named department, creating either when missing
    with the code given (names already checked); an existing one keeps its code."""
    department_uuid = queries.department_uuid(tx.conn, department)
    if department_uuid is None:
        department_uuid = new_uuid()
        add_department(tx, Department(department_uuid, department, department_code or ""),
                       None)
    unit_uuid = queries.unit_uuid(tx.conn, department_uuid, unit)
    if unit_uuid is None:
        unit_uuid = new_uuid()
        add_unit(tx, department_uuid, Unit(unit_uuid, unit, code or ""), None)
    return unit_uuid
