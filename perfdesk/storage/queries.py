"""Reading a dataset file: every SELECT PerfDesk runs, in one place.

Each function takes an open connection (a reading one, or the connection of a write
transaction when an edit must see the rows it is about to change) and returns plain rows or
core model objects. Loading is the hot path of opening a big dataset and of checking it all,
so projects are read in batches and their indicators straight through the driver, then built
without validating again what the file already holds (:meth:`Project.from_storage`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, select

from perfdesk.core.errors import NotFoundError
from perfdesk.core.model import INDICATOR_FIELDS, PROJECT_FIELDS, TASK_FIELDS, Indicator, Project, Task
from perfdesk.core.review import COMMENT_FIELDS, Comment
from perfdesk.storage.tables import (
    ChangeRow,
    CommentRow,
    DatasetInfoRow,
    DepartmentRow,
    ExactDecimal,
    IndicatorRow,
    ProjectRow,
    ReferenceProjectRow,
    SubmissionRow,
    TaskRow,
    UnitRow,
)

INFO = DatasetInfoRow.__table__
DEPT = DepartmentRow.__table__
UNIT = UnitRow.__table__
PROJ = ProjectRow.__table__
IND = IndicatorRow.__table__
LOG = ChangeRow.__table__
REF = ReferenceProjectRow.__table__
COMMENTS = CommentRow.__table__
SUB = SubmissionRow.__table__
TASKS = TaskRow.__table__

TABLES = {"department": DEPT, "unit": UNIT, "project": PROJ, "indicator": IND,
          "comment": COMMENTS, "task": TASKS}
_NAMES = {"department": "主管部门", "unit": "预算单位", "project": "项目", "indicator": "指标",
          "comment": "审核意见", "submission": "报送记录", "task": "年度主要任务"}


def not_found(entity: str) -> NotFoundError:
    return NotFoundError(f"找不到该{_NAMES.get(entity, entity)}（可能已被删除）。",
                         f"The {entity} no longer exists (it may have been deleted).")


def row(conn, entity: str, uuid: str):
    """The row of a department, unit, project or indicator; NotFoundError when it is gone."""
    table = TABLES[entity]
    found = conn.execute(select(table).where(table.c.uuid == uuid)).mappings().first()
    if found is None:
        raise not_found(entity)
    return found


def uuid_of(conn, entity: str, row_id: int) -> str:
    table = TABLES[entity]
    return conn.execute(select(table.c.uuid).where(table.c.id == row_id)).scalar_one()


# --- the dataset itself ---------------------------------------------------------------------


def dataset_info(conn) -> dict[str, Any] | None:
    """The description row with its settings decoded and the file's schema version."""
    found = conn.execute(select(INFO)).mappings().first()
    if found is None:
        return None
    info = dict(found)
    info["settings"] = settings_of(info.pop("check_settings"))
    info["task"] = settings_of(info.get("task"))
    info["schema_version"] = int(conn.exec_driver_sql("PRAGMA user_version").scalar())
    return info


def settings_of(text: str | None) -> dict:
    try:
        settings = json.loads(text or "{}")
    except ValueError:
        return {}
    return settings if isinstance(settings, dict) else {}


def submissions(conn, direction: str, unit: str | None = None) -> list[dict]:
    """The 报送记录 sent or received, oldest first, with manifest and snapshot decoded; of one
    unit (by its code, or by its name where it has none) when ``unit`` is given."""
    query = select(SUB).where(SUB.c.direction == direction)
    if unit is not None:
        query = query.where((SUB.c.unit_code == unit)
                            | ((SUB.c.unit_code == "") & (SUB.c.unit_name == unit)))
    rows = conn.execute(query.order_by(SUB.c.id)).mappings()
    out = []
    for r in rows:
        entry = dict(r)
        entry["manifest"] = settings_of(entry["manifest"])
        try:
            entry["snapshot"] = json.loads(entry["snapshot"] or "[]")
        except ValueError:
            entry["snapshot"] = []
        out.append(entry)
    return out


def changes(conn, limit: int) -> list[dict]:
    rows = conn.execute(select(LOG).order_by(LOG.c.id.desc()).limit(limit)).mappings()
    return [dict(r) for r in rows]


def counts(conn) -> tuple[int, int, int, int]:
    """(departments, units, projects, indicators)."""
    return tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()
                 for t in (DEPT, UNIT, PROJ, IND))


def reference_projects(conn) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in conn.execute(
        select(REF.c.unit_name, REF.c.name, REF.c.code).order_by(REF.c.id))]


# --- the tree -------------------------------------------------------------------------------


def departments(conn) -> list[tuple[str, str, str, int]]:
    """(uuid, name, code, position) in order."""
    return [tuple(r) for r in conn.execute(
        select(DEPT.c.uuid, DEPT.c.name, DEPT.c.code, DEPT.c.position)
        .order_by(DEPT.c.position, DEPT.c.id))]


def units(conn, department_uuid: str | None = None) -> list[tuple[str, str, str, int, str]]:
    """(uuid, name, code, position, department uuid) in tree order."""
    q = (select(UNIT.c.uuid, UNIT.c.name, UNIT.c.code, UNIT.c.position, DEPT.c.uuid)
         .join(DEPT, UNIT.c.department_id == DEPT.c.id)
         .order_by(DEPT.c.position, DEPT.c.id, UNIT.c.position, UNIT.c.id))
    if department_uuid is not None:
        q = q.where(DEPT.c.uuid == department_uuid)
    return [tuple(r) for r in conn.execute(q)]


def project_list(conn) -> list[tuple]:
    """(uuid, name, code, position, unit uuid, unit, department uuid, department, indicator
    count) of every project in tree order."""
    per_project = (select(IND.c.project_id, func.count().label("n"))
                   .group_by(IND.c.project_id).subquery())
    q = (select(PROJ.c.uuid, PROJ.c.name, PROJ.c.code, PROJ.c.position,
                UNIT.c.uuid, UNIT.c.name, DEPT.c.uuid, DEPT.c.name,
                func.coalesce(per_project.c.n, 0))
         .join(UNIT, PROJ.c.unit_id == UNIT.c.id)
         .join(DEPT, UNIT.c.department_id == DEPT.c.id)
         .outerjoin(per_project, per_project.c.project_id == PROJ.c.id)
         .order_by(DEPT.c.position, DEPT.c.id, UNIT.c.position, UNIT.c.id,
                   PROJ.c.position, PROJ.c.id))
    return [tuple(r) for r in conn.execute(q)]


def department_uuid(conn, name: str) -> str | None:
    return conn.execute(select(DEPT.c.uuid).where(DEPT.c.name == name)).scalar()


def unit_uuid(conn, department_uuid_: str, name: str) -> str | None:
    return conn.execute(select(UNIT.c.uuid).join(DEPT, UNIT.c.department_id == DEPT.c.id)
                        .where(DEPT.c.uuid == department_uuid_, UNIT.c.name == name)).scalar()


def unit_project_uuids(conn, department: str, unit: str) -> list[str]:
    """The projects of the unit named ``unit`` under the department named ``department``."""
    query = (select(PROJ.c.uuid).join(UNIT, PROJ.c.unit_id == UNIT.c.id)
             .join(DEPT, UNIT.c.department_id == DEPT.c.id)
             .where(UNIT.c.name == unit, DEPT.c.name == department)
             .order_by(PROJ.c.position, PROJ.c.id))
    return [r[0] for r in conn.execute(query)]


def child_uuids(conn, entity: str, parent_id: int) -> list[str]:
    """The units of a department or the projects of a unit, in order."""
    table, parent = {"unit": (UNIT, UNIT.c.department_id),
                     "project": (PROJ, PROJ.c.unit_id)}[entity]
    return [r[0] for r in conn.execute(select(table.c.uuid).where(parent == parent_id)
                                       .order_by(table.c.position, table.c.id))]


def indicator_names(conn) -> list[str]:
    """Every 三级指标 name, most used first."""
    rows = conn.execute(select(IND.c.name, func.count().label("n"))
                        .where(IND.c.name != "").group_by(IND.c.name)
                        .order_by(sa.desc("n"), IND.c.name))
    return [r[0] for r in rows]


# --- projects with their indicators ---------------------------------------------------------

_PROJECTS = (select(PROJ, UNIT.c.name.label("_unit"), UNIT.c.code.label("_unit_code"),
                    DEPT.c.name.label("_department"), DEPT.c.code.label("_department_code"))
             .join(UNIT, PROJ.c.unit_id == UNIT.c.id)
             .join(DEPT, UNIT.c.department_id == DEPT.c.id)
             .order_by(DEPT.c.position, DEPT.c.id, UNIT.c.position, UNIT.c.id,
                       PROJ.c.position, PROJ.c.id))


def iter_projects(conn, uuids: Sequence[str] | None = None,
                  batch: int = 500) -> Iterator[Project]:
    """Projects with their indicators, in tree order (in the order of ``uuids`` when given),
    loaded ``batch`` at a time."""
    if uuids is not None:
        wanted = list(uuids)
        rows = []
        for i in range(0, len(wanted), 500):
            rows.extend(conn.execute(
                _PROJECTS.where(PROJ.c.uuid.in_(wanted[i:i + 500]))).mappings().all())
        order = {u: i for i, u in enumerate(wanted)}
        rows.sort(key=lambda r: order[r["uuid"]])
    else:
        rows = conn.execute(_PROJECTS).mappings().all()
    for i in range(0, len(rows), batch):
        chunk = rows[i:i + batch]
        ids = [r["id"] for r in chunk]
        indicators = _fetch_indicators(conn, ids)
        tasks = _fetch_tasks(conn, ids)
        for found in chunk:
            yield project_from_row(found, indicators[found["id"]], tasks[found["id"]])


def project_from_row(found, indicators: list[Indicator], tasks: list[Task]) -> Project:
    values = {f: found[f] for f in PROJECT_FIELDS}
    values.update(uuid=found["uuid"], department=found["_department"], unit=found["_unit"],
                  unit_code=found["_unit_code"], department_code=found["_department_code"],
                  indicators=indicators, tasks=tasks)
    return Project.from_storage(values)


def task_from_row(found) -> Task:
    values = {f: found[f] for f in TASK_FIELDS}
    values["uuid"] = found["uuid"]
    return Task.from_storage(values)


def _fetch_tasks(conn, project_ids: list[int]) -> dict[int, list[Task]]:
    """The tasks (年度主要任务) of the given projects, in order (only a 部门整体 target has any)."""
    result: dict[int, list[Task]] = {pid: [] for pid in project_ids}
    if not project_ids:
        return result
    query = (select(TASKS).where(TASKS.c.project_id.in_(project_ids))
             .order_by(TASKS.c.project_id, TASKS.c.position, TASKS.c.id))
    for found in conn.execute(query).mappings():
        result[found["project_id"]].append(task_from_row(found))
    return result


def indicator_from_row(found) -> Indicator:
    values = {f: found[f] for f in INDICATOR_FIELDS}
    values["uuid"] = found["uuid"]
    return Indicator.from_storage(values)


_INDICATOR_COLUMNS = ("project_id", "uuid", *INDICATOR_FIELDS)
_INDICATOR_DECIMALS = tuple(name for name in _INDICATOR_COLUMNS
                            if isinstance(IND.c[name].type, ExactDecimal))


def _fetch_indicators(conn, project_ids: list[int]) -> dict[int, list[Indicator]]:
    """The indicators of the given projects, in order, read straight through the driver.

    A number's text is read into a Decimal once per distinct text (Decimals are immutable, and
    a dataset repeats 95 and 100 tens of thousands of times)."""
    result: dict[int, list[Indicator]] = {pid: [] for pid in project_ids}
    if not project_ids:
        return result
    sql = (f"SELECT {', '.join(_INDICATOR_COLUMNS)} FROM indicator "
           f"WHERE project_id IN ({', '.join('?' for _ in project_ids)}) "
           "ORDER BY project_id, position, id")
    names = _INDICATOR_COLUMNS[1:]
    numbers: dict[str, Decimal] = {}
    build = Indicator.from_storage
    for found in conn.exec_driver_sql(sql, tuple(project_ids)).cursor.fetchall():
        values = dict(zip(names, found[1:]))
        for name in _INDICATOR_DECIMALS:
            text = values[name]
            if text is not None:
                number = numbers.get(text)
                if number is None:
                    number = numbers[text] = Decimal(text)
                values[name] = number
        result[found[0]].append(build(values))
    return result


def comments(conn, project_uuid: str | None = None) -> list[Comment]:
    """The 审核意见 in the order they were written (of one project, when given)."""
    query = select(COMMENTS)
    if project_uuid is not None:
        query = query.where(COMMENTS.c.project_uuid == project_uuid)
    rows = conn.execute(query.order_by(COMMENTS.c.position, COMMENTS.c.id)).mappings()
    return [comment_from_row(r) for r in rows]


def comment_from_row(found) -> Comment:
    return Comment(**{name: found[name] for name in COMMENT_FIELDS})


def field_history(conn, entity_uuid: str, field_name: str | None = None,
                  limit: int = 200) -> list[dict[str, Any]]:
    """修改记录: the change-log rows of one entity (of one field, when given), newest first."""
    query = select(LOG).where(LOG.c.entity_uuid == entity_uuid)
    if field_name is not None:
        query = query.where(LOG.c.field.in_((field_name, "")))
    rows = conn.execute(query.order_by(LOG.c.id.desc()).limit(limit)).mappings()
    return [dict(r) for r in rows]
