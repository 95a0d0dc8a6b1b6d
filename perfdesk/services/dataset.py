"""The dataset: one clerk's departments, units, projects and indicators in one file.

:class:`Dataset` is the only way into a dataset file for the GUI, the CLI, importers and
exporters: queries return core model objects or small read-only entries, and every edit is one
transaction that also writes the change log (time, OS user, entity, field, old, new). Edits
return what their inverse needs (the old values, the removed object and its position) so the
GUI's undo stack can call the inverse operation; objects keep their UUIDs through delete and
restore, so undo and later merges see the same identity.
"""

from __future__ import annotations

import json
import operator
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, select

from perfdesk import __version__
from perfdesk.core.errors import (
    InvalidValueError,
    NotADatasetError,
    NotFoundError,
    PerfDeskError,
    ReadOnlyError,
)
from perfdesk.core.model import (
    INDICATOR_FIELDS,
    PROJECT_FIELDS,
    Indicator,
    IndicatorFields,
    Project,
    ProjectFields,
    new_uuid,
)
from perfdesk.storage import datasetfile
from perfdesk.storage.lock import WriterLock, os_user
from perfdesk.storage.migrations import SCHEMA_VERSION
from perfdesk.storage.types import ExactDecimal
from perfdesk.storage.tables import (
    ChangeRow,
    DatasetInfoRow,
    DepartmentRow,
    IndicatorRow,
    ProjectRow,
    ReferenceProjectRow,
    UnitRow,
)
from perfdesk.core.taxonomy import PROFILES

_INFO = DatasetInfoRow.__table__
_DEPT = DepartmentRow.__table__
_UNIT = UnitRow.__table__
_PROJ = ProjectRow.__table__
_IND = IndicatorRow.__table__
_LOG = ChangeRow.__table__
_REF = ReferenceProjectRow.__table__

MIN_YEAR, MAX_YEAR = 2000, 2100


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _text(value: Any) -> str | None:
    """How a value is written into the change log."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


# --- read-only entries ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    path: Path
    dataset_uuid: str
    title: str
    budget_year: int
    profile: str
    created_at: str
    created_by: str
    app_version: str
    schema_version: int
    read_only: bool
    settings: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Counts:
    departments: int
    units: int
    projects: int
    indicators: int


@dataclass(frozen=True, slots=True)
class DepartmentEntry:
    uuid: str
    name: str
    code: str
    position: int


@dataclass(frozen=True, slots=True)
class UnitEntry:
    uuid: str
    name: str
    code: str
    position: int
    department_uuid: str


@dataclass(frozen=True, slots=True)
class ProjectEntry:
    """One line of the project list: enough for the tree, without loading the project."""

    uuid: str
    name: str
    code: str
    position: int
    unit_uuid: str
    unit: str
    department_uuid: str
    department: str
    indicator_count: int


@dataclass(frozen=True, slots=True)
class RemovedProject:
    """A deleted project and where it was, for undo."""

    project: Project
    unit_uuid: str
    position: int


@dataclass(frozen=True, slots=True)
class RemovedIndicator:
    indicator: Indicator
    project_uuid: str
    position: int


@dataclass(frozen=True, slots=True)
class RemovedUnit:
    uuid: str
    name: str
    code: str
    department_uuid: str
    position: int
    projects: tuple[Project, ...]


@dataclass(frozen=True, slots=True)
class RemovedDepartment:
    uuid: str
    name: str
    code: str
    position: int
    units: tuple[RemovedUnit, ...]


@dataclass(slots=True)
class AddedProjects:
    """What :meth:`Dataset.add_projects` created (an import), for the summary and for undo."""

    project_uuids: list[str] = field(default_factory=list)
    department_uuids: list[str] = field(default_factory=list)  # created by this call
    unit_uuids: list[str] = field(default_factory=list)  # created by this call
    indicators: int = 0


# --- the dataset ----------------------------------------------------------------------------


class Dataset:
    """An open dataset file. Use :meth:`create` or :meth:`open`; close it when done.

    Attributes:
        path: the file.
        read_only: edits raise :class:`ReadOnlyError` when true.
        backup: the backup copy made before an upgrade on this open, else ``None``.
    """

    def __init__(self, path: Path, engine: sa.Engine, *, read_only: bool,
                 lock: WriterLock | None, backup: Path | None = None) -> None:
        self.path = path
        self.read_only = read_only
        self.backup = backup
        self._engine = engine
        self._lock = lock
        self._write = threading.RLock()  # one edit at a time, whichever thread asks
        self._info: DatasetInfo | None = None
        self._user = os_user()

    # --- opening and closing ----------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, *, year: int, profile: str, title: str = "",
               department: str = "", unit: str = "") -> "Dataset":
        """Create a new dataset file (refusing to overwrite one) and open it."""
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(datasetfile.EXTENSION)
        _check_year(year)
        if profile not in PROFILES:
            raise InvalidValueError(f"指标体系只能是 {'/'.join(PROFILES)}，不能是“{profile}”。",
                                    f"The profile must be one of {', '.join(PROFILES)}, "
                                    f"not '{profile}'.")
        if unit and not department:
            raise InvalidValueError("填写预算单位时也需要填写主管部门。",
                                    "A budget unit needs its department.")
        datasetfile.create_file(path, dict(
            id=1, dataset_uuid=new_uuid(), title=title or f"{year}年项目支出绩效目标",
            budget_year=year, profile=profile, created_at=_now(), created_by=os_user(),
            app_version=__version__, check_settings="{}"))
        dataset = cls.open(path)
        try:
            if department:
                dept = dataset.add_department(department)
                if unit:
                    dataset.add_unit(dept, unit)
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
        path = Path(path)
        found = datasetfile.probe(path)
        lock = None
        backup = None
        if not read_only:
            datasetfile.check_writable(path)
            lock = WriterLock(path)
            lock.acquire()
        try:
            if found.schema_version < SCHEMA_VERSION:
                if read_only:
                    mem = datasetfile.upgraded_copy_in_memory(path, found.schema_version)
                    engine = datasetfile.memory_engine(mem)
                else:
                    backup = datasetfile.upgrade(path, found.schema_version)
                    engine = datasetfile.engine_for(path, read_only=False)
            else:
                engine = datasetfile.engine_for(path, read_only=read_only)
            dataset = cls(path, engine, read_only=read_only, lock=lock, backup=backup)
            try:
                dataset._load_info()
            except BaseException:
                engine.dispose()
                raise
            if backup is not None:
                dataset._stamp_version()
            return dataset
        except BaseException as exc:
            if lock is not None:
                lock.release()
            if isinstance(exc, PerfDeskError):
                raise
            if datasetfile.is_corruption(exc):
                raise NotADatasetError(
                    f"数据文件已损坏，无法读取（{getattr(exc, 'orig', exc)}）。请使用备份文件。",
                    f"The dataset is damaged and cannot be read ({getattr(exc, 'orig', exc)}). "
                    "Use a backup.", file=path) from exc
            raise

    def close(self) -> None:
        engine, self._engine = self._engine, None
        if engine is not None:
            engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def closed(self) -> bool:
        return self._engine is None

    def __enter__(self) -> "Dataset":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- dataset info -----------------------------------------------------------------------

    def _load_info(self) -> None:
        with self._engine.connect() as conn:
            row = conn.execute(select(_INFO)).mappings().first()
            version = conn.exec_driver_sql("PRAGMA user_version").scalar()
        if row is None:
            raise NotADatasetError("数据文件缺少基本信息，无法打开。",
                                   "The dataset has no description row; it cannot be opened.",
                                   file=self.path)
        try:
            settings = json.loads(row["check_settings"] or "{}")
        except ValueError:
            settings = {}
        self._info = DatasetInfo(
            path=self.path, dataset_uuid=row["dataset_uuid"], title=row["title"],
            budget_year=row["budget_year"], profile=row["profile"],
            created_at=row["created_at"], created_by=row["created_by"],
            app_version=row["app_version"], schema_version=int(version),
            read_only=self.read_only, settings=settings)

    def _stamp_version(self) -> None:
        with self._transaction("upgrade") as (conn, log):
            conn.execute(_INFO.update().values(app_version=__version__))
            log("update", "dataset", "", "app_version", self.info.app_version, __version__)
        self._load_info()

    @property
    def info(self) -> DatasetInfo:
        if self._info is None:
            self._load_info()
        assert self._info is not None
        return self._info

    @property
    def profile(self) -> str:
        return self.info.profile

    def update_info(self, *, title: str | None = None, budget_year: int | None = None,
                    profile: str | None = None) -> dict[str, Any]:
        """Change the dataset's title, 预算年度 or profile; returns the old values."""
        changes: dict[str, Any] = {}
        if title is not None:
            changes["title"] = title
        if budget_year is not None:
            _check_year(budget_year)
            changes["budget_year"] = budget_year
        if profile is not None:
            if profile not in PROFILES:
                raise InvalidValueError(f"未知的指标体系“{profile}”。", f"Unknown profile '{profile}'.")
            changes["profile"] = profile
        old = {k: getattr(self.info, k) for k in changes}
        with self._transaction("update dataset") as (conn, log):
            conn.execute(_INFO.update().values(**changes))
            for k, v in changes.items():
                log("update", "dataset", self.info.dataset_uuid, k, old[k], v)
        self._load_info()
        return old

    def settings(self) -> dict:
        """The check settings (thresholds, word lists, grades) stored in the dataset."""
        return dict(self.info.settings)

    def update_settings(self, settings: dict) -> dict:
        """Replace the check settings; returns the previous ones."""
        old = self.settings()
        text = json.dumps(settings, ensure_ascii=False, sort_keys=True, default=_text)
        with self._transaction("update settings") as (conn, log):
            conn.execute(_INFO.update().values(check_settings=text))
            log("update", "dataset", self.info.dataset_uuid, "check_settings",
                json.dumps(old, ensure_ascii=False, sort_keys=True), text)
        self._load_info()
        return old

    # --- transactions and the change log ----------------------------------------------------

    class _Tx:
        def __init__(self, dataset: "Dataset", operation: str) -> None:
            self.dataset = dataset
            self.operation = operation
            self.rows: list[dict] = []

        def __enter__(self):
            ds = self.dataset
            if ds._engine is None:
                raise PerfDeskError("数据文件已关闭。", "The dataset is closed.")
            if ds.read_only:
                raise ReadOnlyError("数据文件以只读方式打开，不能修改。",
                                    "The dataset is open read-only; it cannot be changed.",
                                    file=ds.path)
            ds._write.acquire()
            try:
                self._cm = ds._engine.begin()
                self.conn = self._cm.__enter__()
            except BaseException:
                ds._write.release()
                raise
            self.op_id = new_uuid()
            self.at = _now()
            return self.conn, self.log

        def log(self, action: str, entity: str, entity_uuid: str, field_name: str,
                old: Any, new: Any) -> None:
            self.rows.append(dict(
                at=self.at, os_user=self.dataset._user, operation=self.op_id, action=action,
                entity=entity, entity_uuid=entity_uuid, field=field_name,
                old=_text(old), new=_text(new)))

        def __exit__(self, exc_type, exc, tb):
            try:
                if exc_type is None and self.rows:
                    try:
                        _bulk_insert(self.conn, _LOG, self.rows)
                    except BaseException as error:
                        exc_type, exc, tb = type(error), error, error.__traceback__
                # Commits, or rolls back and re-raises the exception it was given.
                return self._cm.__exit__(exc_type, exc, tb)
            except sa.exc.OperationalError as error:
                raise _write_error(error, self.dataset.path) from error
            finally:
                self.dataset._write.release()

    def _transaction(self, operation: str) -> "Dataset._Tx":
        return Dataset._Tx(self, operation)

    def _read(self):
        if self._engine is None:
            raise PerfDeskError("数据文件已关闭。", "The dataset is closed.")
        return self._engine.connect()

    def changes(self, limit: int = 100) -> list[dict]:
        """The newest entries of the change log, newest first."""
        with self._read() as conn:
            rows = conn.execute(select(_LOG).order_by(_LOG.c.id.desc()).limit(limit)).mappings()
            return [dict(r) for r in rows]

    # --- queries ----------------------------------------------------------------------------

    def counts(self) -> Counts:
        with self._read() as conn:
            return Counts(*(conn.execute(select(func.count()).select_from(t)).scalar_one()
                            for t in (_DEPT, _UNIT, _PROJ, _IND)))

    def departments(self) -> list[DepartmentEntry]:
        with self._read() as conn:
            rows = conn.execute(select(_DEPT.c.uuid, _DEPT.c.name, _DEPT.c.code,
                                       _DEPT.c.position).order_by(_DEPT.c.position, _DEPT.c.id))
            return [DepartmentEntry(*r) for r in rows]

    def units(self, department_uuid: str | None = None) -> list[UnitEntry]:
        q = (select(_UNIT.c.uuid, _UNIT.c.name, _UNIT.c.code, _UNIT.c.position, _DEPT.c.uuid)
             .join(_DEPT, _UNIT.c.department_id == _DEPT.c.id)
             .order_by(_DEPT.c.position, _DEPT.c.id, _UNIT.c.position, _UNIT.c.id))
        if department_uuid is not None:
            q = q.where(_DEPT.c.uuid == department_uuid)
        with self._read() as conn:
            return [UnitEntry(*r) for r in conn.execute(q)]

    def project_list(self) -> list[ProjectEntry]:
        """Every project in tree order, with its unit, department and indicator count."""
        counts = (select(_IND.c.project_id, func.count().label("n"))
                  .group_by(_IND.c.project_id).subquery())
        q = (select(_PROJ.c.uuid, _PROJ.c.name, _PROJ.c.code, _PROJ.c.position,
                    _UNIT.c.uuid, _UNIT.c.name, _DEPT.c.uuid, _DEPT.c.name,
                    func.coalesce(counts.c.n, 0))
             .join(_UNIT, _PROJ.c.unit_id == _UNIT.c.id)
             .join(_DEPT, _UNIT.c.department_id == _DEPT.c.id)
             .outerjoin(counts, counts.c.project_id == _PROJ.c.id)
             .order_by(_DEPT.c.position, _DEPT.c.id, _UNIT.c.position, _UNIT.c.id,
                       _PROJ.c.position, _PROJ.c.id))
        with self._read() as conn:
            return [ProjectEntry(*r) for r in conn.execute(q)]

    def load_project(self, uuid: str) -> Project:
        projects = self.load_projects([uuid])
        if not projects:
            raise _not_found("project", uuid)
        return projects[0]

    def load_projects(self, uuids: Sequence[str] | None = None) -> list[Project]:
        """Projects with their indicators, in tree order (all of them when ``uuids`` is None)."""
        return list(self.iter_projects(uuids))

    def iter_projects(self, uuids: Sequence[str] | None = None,
                      batch: int = 500) -> Iterator[Project]:
        """Projects with their indicators, in tree order, loaded ``batch`` at a time."""
        base = (select(_PROJ, _UNIT.c.name.label("_unit"), _UNIT.c.code.label("_unit_code"),
                       _DEPT.c.name.label("_department"))
                .join(_UNIT, _PROJ.c.unit_id == _UNIT.c.id)
                .join(_DEPT, _UNIT.c.department_id == _DEPT.c.id)
                .order_by(_DEPT.c.position, _DEPT.c.id, _UNIT.c.position, _UNIT.c.id,
                          _PROJ.c.position, _PROJ.c.id))
        with self._read() as conn:
            if uuids is not None:
                wanted = list(uuids)
                rows = []
                for i in range(0, len(wanted), 500):
                    rows.extend(conn.execute(
                        base.where(_PROJ.c.uuid.in_(wanted[i:i + 500]))).mappings().all())
                order = {u: i for i, u in enumerate(wanted)}
                rows.sort(key=lambda r: order[r["uuid"]])
            else:
                rows = conn.execute(base).mappings().all()
            for i in range(0, len(rows), batch):
                chunk = rows[i:i + batch]
                indicators = _fetch_indicators(conn, [r["id"] for r in chunk])
                for row in chunk:
                    yield _project_from_row(row, indicators[row["id"]])

    def indicator_names(self) -> list[str]:
        """Every 三级指标 name in the dataset, most used first (for the name completer)."""
        with self._read() as conn:
            rows = conn.execute(select(_IND.c.name, func.count().label("n"))
                                .where(_IND.c.name != "").group_by(_IND.c.name)
                                .order_by(sa.desc("n"), _IND.c.name))
            return [r[0] for r in rows]

    def find_project_uuid(self, unit_uuid: str, name: str) -> str | None:
        with self._read() as conn:
            return conn.execute(
                select(_PROJ.c.uuid).join(_UNIT, _PROJ.c.unit_id == _UNIT.c.id)
                .where(_UNIT.c.uuid == unit_uuid, _PROJ.c.name == name)).scalar()

    def project_unit_uuid(self, project_uuid: str) -> str:
        with self._read() as conn:
            found = conn.execute(select(_UNIT.c.uuid).join(_PROJ, _PROJ.c.unit_id == _UNIT.c.id)
                                 .where(_PROJ.c.uuid == project_uuid)).scalar()
        if found is None:
            raise _not_found("project", project_uuid)
        return found

    def indicator_project_uuid(self, indicator_uuid: str) -> str:
        with self._read() as conn:
            found = conn.execute(select(_PROJ.c.uuid).join(_IND, _IND.c.project_id == _PROJ.c.id)
                                 .where(_IND.c.uuid == indicator_uuid)).scalar()
        if found is None:
            raise _not_found("indicator", indicator_uuid)
        return found

    def reference_projects(self) -> list[tuple[str, str, str]]:
        """The loaded budget project list as (unit name, project name, code)."""
        with self._read() as conn:
            return [tuple(r) for r in conn.execute(
                select(_REF.c.unit_name, _REF.c.name, _REF.c.code).order_by(_REF.c.id))]

    def set_reference_projects(self, entries: Iterable[tuple[str, str, str]]) -> None:
        """Replace the budget project list (rule HDR-05 compares project names with it)."""
        rows = [dict(unit_name=u or "", name=n, code=c or "") for u, n, c in entries if n]
        with self._transaction("reference projects") as (conn, log):
            conn.execute(_REF.delete())
            if rows:
                conn.execute(_REF.insert(), rows)
            log("update", "dataset", self.info.dataset_uuid, "reference_projects", None,
                str(len(rows)))

    # --- departments and units --------------------------------------------------------------

    def add_department(self, name: str, code: str = "", *, uuid: str | None = None,
                       position: int | None = None) -> str:
        name = _required_name(name, "主管部门", "department")
        uuid = uuid or new_uuid()
        with self._transaction("add department") as (conn, log):
            if conn.execute(select(_DEPT.c.id).where(_DEPT.c.name == name)).first():
                raise InvalidValueError(f"主管部门“{name}”已存在。",
                                        f"Department '{name}' already exists.")
            position = _insert_position(conn, _DEPT, None, position)
            conn.execute(_DEPT.insert().values(uuid=uuid, name=name, code=code,
                                               position=position))
            log("create", "department", uuid, "", None, name)
        return uuid

    def update_department(self, uuid: str, *, name: str | None = None,
                          code: str | None = None) -> dict[str, Any]:
        changes = {}
        if name is not None:
            changes["name"] = _required_name(name, "主管部门", "department")
        if code is not None:
            changes["code"] = code.strip()
        return self._update_simple(_DEPT, "department", uuid, changes)

    def delete_department(self, uuid: str) -> RemovedDepartment:
        with self._transaction("delete department") as (conn, log):
            row = _row(conn, _DEPT, uuid, "department")
            units = tuple(self._snapshot_unit(conn, u) for u in conn.execute(
                select(_UNIT).where(_UNIT.c.department_id == row["id"])
                .order_by(_UNIT.c.position, _UNIT.c.id)).mappings())
            conn.execute(_DEPT.delete().where(_DEPT.c.id == row["id"]))
            _close_gap(conn, _DEPT, None, row["position"])
            log("delete", "department", uuid, "", row["name"], None)
        return RemovedDepartment(uuid, row["name"], row["code"], row["position"], units)

    def restore_department(self, removed: RemovedDepartment) -> None:
        self.add_department(removed.name, removed.code, uuid=removed.uuid,
                            position=removed.position)
        for unit in removed.units:
            self.restore_unit(unit)

    def add_unit(self, department_uuid: str, name: str, code: str = "", *,
                 uuid: str | None = None, position: int | None = None) -> str:
        name = _required_name(name, "预算单位", "budget unit")
        uuid = uuid or new_uuid()
        with self._transaction("add unit") as (conn, log):
            dept = _row(conn, _DEPT, department_uuid, "department")
            if conn.execute(select(_UNIT.c.id).where(_UNIT.c.department_id == dept["id"],
                                                     _UNIT.c.name == name)).first():
                raise InvalidValueError(f"预算单位“{name}”已存在。",
                                        f"Budget unit '{name}' already exists.")
            position = _insert_position(conn, _UNIT, _UNIT.c.department_id == dept["id"],
                                        position)
            conn.execute(_UNIT.insert().values(uuid=uuid, department_id=dept["id"], name=name,
                                               code=code, position=position))
            log("create", "unit", uuid, "", None, name)
        return uuid

    def update_unit(self, uuid: str, *, name: str | None = None,
                    code: str | None = None) -> dict[str, Any]:
        changes = {}
        if name is not None:
            changes["name"] = _required_name(name, "预算单位", "budget unit")
        if code is not None:
            changes["code"] = code.strip()
        return self._update_simple(_UNIT, "unit", uuid, changes)

    def delete_unit(self, uuid: str) -> RemovedUnit:
        with self._transaction("delete unit") as (conn, log):
            row = _row(conn, _UNIT, uuid, "unit")
            snapshot = self._snapshot_unit(conn, row)
            conn.execute(_UNIT.delete().where(_UNIT.c.id == row["id"]))
            _close_gap(conn, _UNIT, _UNIT.c.department_id == row["department_id"],
                       row["position"])
            log("delete", "unit", uuid, "", row["name"], None)
        return snapshot

    def restore_unit(self, removed: RemovedUnit) -> None:
        self.add_unit(removed.department_uuid, removed.name, removed.code, uuid=removed.uuid,
                      position=removed.position)
        for position, project in enumerate(removed.projects):
            self.add_project(removed.uuid, project, position=position)

    def _snapshot_unit(self, conn, unit_row) -> RemovedUnit:
        dept_uuid = conn.execute(select(_DEPT.c.uuid).where(
            _DEPT.c.id == unit_row["department_id"])).scalar_one()
        uuids = [r[0] for r in conn.execute(
            select(_PROJ.c.uuid).where(_PROJ.c.unit_id == unit_row["id"])
            .order_by(_PROJ.c.position, _PROJ.c.id))]
        projects = tuple(self._load_in(conn, uuids))
        return RemovedUnit(unit_row["uuid"], unit_row["name"], unit_row["code"], dept_uuid,
                           unit_row["position"], projects)

    def _load_in(self, conn, uuids: list[str]) -> list[Project]:
        if not uuids:
            return []
        rows = conn.execute(
            select(_PROJ, _UNIT.c.name.label("_unit"), _UNIT.c.code.label("_unit_code"),
                   _DEPT.c.name.label("_department"))
            .join(_UNIT, _PROJ.c.unit_id == _UNIT.c.id)
            .join(_DEPT, _UNIT.c.department_id == _DEPT.c.id)
            .where(_PROJ.c.uuid.in_(uuids))).mappings().all()
        by_uuid = {r["uuid"]: r for r in rows}
        result = []
        for u in uuids:
            r = by_uuid[u]
            inds = [_indicator_from_row(i) for i in conn.execute(
                select(_IND).where(_IND.c.project_id == r["id"])
                .order_by(_IND.c.position, _IND.c.id)).mappings()]
            result.append(_project_from_row(r, inds))
        return result

    def _update_simple(self, table, entity: str, uuid: str,
                       changes: dict[str, Any]) -> dict[str, Any]:
        with self._transaction(f"update {entity}") as (conn, log):
            row = _row(conn, table, uuid, entity)
            old = {k: row[k] for k in changes}
            changed = {k: v for k, v in changes.items() if row[k] != v}
            if changed:
                try:
                    conn.execute(table.update().where(table.c.id == row["id"]).values(**changed))
                except sa.exc.IntegrityError as exc:
                    raise InvalidValueError(f"名称“{changed.get('name', '')}”已被使用。",
                                            f"The name '{changed.get('name', '')}' is taken."
                                            ) from exc
                for k, v in changed.items():
                    log("update", entity, uuid, k, old[k], v)
        return old

    def ensure_unit(self, department: str, unit: str, unit_code: str = "") -> str:
        """The uuid of the named unit under the named department, creating either if needed."""
        result = AddedProjects()
        with self._transaction("ensure unit") as (conn, log):
            unit_id = _ensure_unit(conn, log, department, unit, unit_code, result)
            return conn.execute(select(_UNIT.c.uuid).where(_UNIT.c.id == unit_id)).scalar_one()

    # --- projects ---------------------------------------------------------------------------

    def add_project(self, unit_uuid: str, project: Project | None = None, *,
                    position: int | None = None) -> str:
        """Add ``project`` (with its indicators and uuid kept) to a unit; returns its uuid."""
        project = project if project is not None else Project()
        with self._transaction("add project") as (conn, log):
            unit = _row(conn, _UNIT, unit_uuid, "unit")
            _insert_project(conn, log, unit["id"], project, position)
        return project.uuid

    def add_projects(self, projects: Iterable[Project], *, operation: str = "import"
                     ) -> AddedProjects:
        """Add many projects in one transaction, creating departments and units by name.

        Each project goes under ``project.department`` → ``project.unit`` (created when new).
        Either everything is added or, on any error, nothing is.
        """
        result = AddedProjects()
        with self._transaction(operation) as (conn, log):
            units: dict[tuple[str, str], int] = {}
            next_position: dict[int, int] = {}
            placed = []
            for project in projects:
                key = (project.department.strip(), project.unit.strip())
                if key not in units:
                    unit_id = _ensure_unit(conn, log, key[0], key[1], project.unit_code, result)
                    units[key] = unit_id
                    next_position[unit_id] = _insert_position(
                        conn, _PROJ, _PROJ.c.unit_id == unit_id, None)
                unit_id = units[key]
                placed.append((unit_id, next_position[unit_id], project))
                next_position[unit_id] += 1
                result.project_uuids.append(project.uuid)
                result.indicators += len(project.indicators)
            for i in range(0, len(placed), 1000):
                _insert_projects(conn, log, placed[i:i + 1000])
        return result

    def remove_added(self, added: AddedProjects) -> list[RemovedProject]:
        """Undo :meth:`add_projects`: delete its projects and the units/departments it made."""
        removed = self.delete_projects(added.project_uuids)
        with self._transaction("remove import") as (conn, log):
            for uuid in added.unit_uuids:
                row = conn.execute(select(_UNIT).where(_UNIT.c.uuid == uuid)).mappings().first()
                if row and not conn.execute(select(_PROJ.c.id).where(
                        _PROJ.c.unit_id == row["id"]).limit(1)).first():
                    conn.execute(_UNIT.delete().where(_UNIT.c.id == row["id"]))
                    _close_gap(conn, _UNIT, _UNIT.c.department_id == row["department_id"],
                               row["position"])
                    log("delete", "unit", uuid, "", row["name"], None)
            for uuid in added.department_uuids:
                row = conn.execute(select(_DEPT).where(_DEPT.c.uuid == uuid)).mappings().first()
                if row and not conn.execute(select(_UNIT.c.id).where(
                        _UNIT.c.department_id == row["id"]).limit(1)).first():
                    conn.execute(_DEPT.delete().where(_DEPT.c.id == row["id"]))
                    _close_gap(conn, _DEPT, None, row["position"])
                    log("delete", "department", uuid, "", row["name"], None)
        return removed

    def update_project(self, uuid: str, **changes: Any) -> dict[str, Any]:
        """Change header fields; returns their old values (pass them back to undo)."""
        unknown = set(changes) - set(PROJECT_FIELDS)
        if unknown:
            raise ValueError(f"not project fields: {sorted(unknown)}")
        checked = _validated(ProjectFields, changes)
        with self._transaction("update project") as (conn, log):
            row = _row(conn, _PROJ, uuid, "project")
            old = {k: row[k] for k in checked}
            changed = {k: v for k, v in checked.items() if row[k] != v}
            if changed:
                conn.execute(_PROJ.update().where(_PROJ.c.id == row["id"])
                             .values(**changed, updated_at=_now()))
                for k, v in changed.items():
                    log("update", "project", uuid, k, old[k], v)
        return old

    def delete_project(self, uuid: str) -> RemovedProject:
        return self.delete_projects([uuid])[0]

    def delete_projects(self, uuids: Sequence[str]) -> list[RemovedProject]:
        """Delete projects with their indicators; returns what :meth:`restore_project` needs."""
        removed: list[RemovedProject] = []
        with self._transaction("delete projects") as (conn, log):
            snapshots = self._load_in(conn, list(uuids))
            for project in snapshots:
                row = _row(conn, _PROJ, project.uuid, "project")
                unit_uuid = conn.execute(select(_UNIT.c.uuid).where(
                    _UNIT.c.id == row["unit_id"])).scalar_one()
                conn.execute(_PROJ.delete().where(_PROJ.c.id == row["id"]))
                _close_gap(conn, _PROJ, _PROJ.c.unit_id == row["unit_id"], row["position"])
                log("delete", "project", project.uuid, "", row["name"], None)
                removed.append(RemovedProject(project, unit_uuid, row["position"]))
        return removed

    def restore_project(self, removed: RemovedProject) -> None:
        self.add_project(removed.unit_uuid, removed.project, position=removed.position)

    def move_project(self, uuid: str, position: int, unit_uuid: str | None = None
                     ) -> tuple[str, int]:
        """Move a project to ``position`` (in another unit when given); returns where it was."""
        with self._transaction("move project") as (conn, log):
            row = _row(conn, _PROJ, uuid, "project")
            old_unit_uuid = conn.execute(select(_UNIT.c.uuid).where(
                _UNIT.c.id == row["unit_id"])).scalar_one()
            target_unit = row["unit_id"]
            if unit_uuid is not None and unit_uuid != old_unit_uuid:
                target_unit = _row(conn, _UNIT, unit_uuid, "unit")["id"]
            _move(conn, _PROJ, _PROJ.c.unit_id, row, target_unit, position)
            log("move", "project", uuid, "position", f"{old_unit_uuid}:{row['position']}",
                f"{unit_uuid or old_unit_uuid}:{position}")
        return old_unit_uuid, row["position"]

    # --- indicators -------------------------------------------------------------------------

    def add_indicator(self, project_uuid: str, indicator: Indicator | None = None, *,
                      position: int | None = None) -> str:
        indicator = indicator if indicator is not None else Indicator()
        with self._transaction("add indicator") as (conn, log):
            project = _row(conn, _PROJ, project_uuid, "project")
            _insert_indicators(conn, log, project["id"], [indicator], position)
            _touch(conn, project["id"])
        return indicator.uuid

    def update_indicator(self, uuid: str, **changes: Any) -> dict[str, Any]:
        """Change indicator fields; returns their old values (pass them back to undo)."""
        unknown = set(changes) - set(INDICATOR_FIELDS)
        if unknown:
            raise ValueError(f"not indicator fields: {sorted(unknown)}")
        checked = _validated(IndicatorFields, changes)
        with self._transaction("update indicator") as (conn, log):
            row = _row(conn, _IND, uuid, "indicator")
            old = {k: row[k] for k in checked}
            changed = {k: v for k, v in checked.items() if row[k] != v}
            if changed:
                conn.execute(_IND.update().where(_IND.c.id == row["id"])
                             .values(**changed, updated_at=_now()))
                _touch(conn, row["project_id"])
                for k, v in changed.items():
                    log("update", "indicator", uuid, k, old[k], v)
        return old

    def delete_indicator(self, uuid: str) -> RemovedIndicator:
        with self._transaction("delete indicator") as (conn, log):
            row = _row(conn, _IND, uuid, "indicator")
            project_uuid = conn.execute(select(_PROJ.c.uuid).where(
                _PROJ.c.id == row["project_id"])).scalar_one()
            conn.execute(_IND.delete().where(_IND.c.id == row["id"]))
            _close_gap(conn, _IND, _IND.c.project_id == row["project_id"], row["position"])
            _touch(conn, row["project_id"])
            log("delete", "indicator", uuid, "", row["name"], None)
        return RemovedIndicator(_indicator_from_row(row), project_uuid, row["position"])

    def restore_indicator(self, removed: RemovedIndicator) -> None:
        self.add_indicator(removed.project_uuid, removed.indicator, position=removed.position)

    def move_indicator(self, uuid: str, position: int) -> int:
        """Move an indicator to ``position`` within its project; returns its old position."""
        with self._transaction("move indicator") as (conn, log):
            row = _row(conn, _IND, uuid, "indicator")
            _move(conn, _IND, _IND.c.project_id, row, row["project_id"], position)
            _touch(conn, row["project_id"])
            log("move", "indicator", uuid, "position", row["position"], position)
        return row["position"]


# --- helpers --------------------------------------------------------------------------------


def _check_year(year: int) -> None:
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidValueError(f"预算年度应为 {MIN_YEAR}–{MAX_YEAR} 之间的年份，不能是“{year}”。",
                                f"The budget year must be between {MIN_YEAR} and {MAX_YEAR}, "
                                f"not '{year}'.")


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


def _not_found(entity: str, uuid: str) -> NotFoundError:
    names = {"department": "主管部门", "unit": "预算单位", "project": "项目", "indicator": "指标"}
    return NotFoundError(f"找不到该{names.get(entity, entity)}（可能已被删除）。",
                         f"The {entity} no longer exists (it may have been deleted).")


def _row(conn, table, uuid: str, entity: str):
    row = conn.execute(select(table).where(table.c.uuid == uuid)).mappings().first()
    if row is None:
        raise _not_found(entity, uuid)
    return row


def _write_error(error: sa.exc.OperationalError, path: Path) -> PerfDeskError:
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


def _insert_position(conn, table, scope, position: int | None) -> int:
    q = select(func.count()).select_from(table)
    if scope is not None:
        q = q.where(scope)
    count = conn.execute(q).scalar_one()
    if position is None or position >= count:
        return count
    position = max(0, position)
    upd = table.update().values(position=table.c.position + 1).where(table.c.position >= position)
    conn.execute(upd.where(scope) if scope is not None else upd)
    return position


def _close_gap(conn, table, scope, position: int) -> None:
    upd = table.update().values(position=table.c.position - 1).where(table.c.position > position)
    conn.execute(upd.where(scope) if scope is not None else upd)


def _move(conn, table, parent_col, row, target_parent: int, position: int) -> None:
    _close_gap(conn, table, parent_col == row[parent_col.name], row["position"])
    position = _insert_position(conn, table, parent_col == target_parent, position)
    conn.execute(table.update().where(table.c.id == row["id"])
                 .values({parent_col.name: target_parent, "position": position}))


def _touch(conn, project_id: int) -> None:
    conn.execute(_PROJ.update().where(_PROJ.c.id == project_id).values(updated_at=_now()))


def _ensure_unit(conn, log, department: str, unit: str, unit_code: str,
                 result: AddedProjects) -> int:
    department = _required_name(department, "主管部门", "department")
    unit = _required_name(unit, "预算单位", "budget unit")
    dept_id = conn.execute(select(_DEPT.c.id).where(_DEPT.c.name == department)).scalar()
    if dept_id is None:
        uuid = new_uuid()
        position = _insert_position(conn, _DEPT, None, None)
        dept_id = conn.execute(_DEPT.insert().values(
            uuid=uuid, name=department, code="", position=position)).inserted_primary_key[0]
        log("create", "department", uuid, "", None, department)
        result.department_uuids.append(uuid)
    unit_id = conn.execute(select(_UNIT.c.id).where(_UNIT.c.department_id == dept_id,
                                                    _UNIT.c.name == unit)).scalar()
    if unit_id is None:
        uuid = new_uuid()
        position = _insert_position(conn, _UNIT, _UNIT.c.department_id == dept_id, None)
        unit_id = conn.execute(_UNIT.insert().values(
            uuid=uuid, department_id=dept_id, name=unit, code=unit_code or "",
            position=position)).inserted_primary_key[0]
        log("create", "unit", uuid, "", None, unit)
        result.unit_uuids.append(uuid)
    return unit_id


def _insert_project(conn, log, unit_id: int, project: Project, position: int | None) -> None:
    position = _insert_position(conn, _PROJ, _PROJ.c.unit_id == unit_id, position)
    _insert_projects(conn, log, [(unit_id, position, project)])


def _insert_projects(conn, log, placed: Sequence[tuple[int, int, Project]]) -> None:
    """Insert projects at given (unit id, position) with their indicators, in bulk."""
    now = _now()
    rows = []
    for unit_id, position, project in placed:
        row = {f: getattr(project, f) for f in PROJECT_FIELDS}
        row.update(uuid=project.uuid, unit_id=unit_id, position=position, created_at=now,
                   updated_at=now)
        rows.append(row)
        log("create", "project", project.uuid, "", None, project.name)
    try:
        last = conn.execute(select(func.coalesce(func.max(_PROJ.c.id), 0))).scalar_one()
        _bulk_insert(conn, _PROJ, rows)
    except sa.exc.IntegrityError as exc:
        raise InvalidValueError("项目已在数据文件中（同一项目不能添加两次）。",
                                "The project is already in the dataset (a project cannot be "
                                "added twice).") from exc
    # SQLite gives new rows ids above the largest one; read them back by uuid to be sure.
    ids = dict(conn.execute(select(_PROJ.c.uuid, _PROJ.c.id).where(_PROJ.c.id > last)).all())
    indicator_rows = []
    for _unit, _pos, project in placed:
        indicator_rows.extend(_indicator_rows(log, ids[project.uuid], project.indicators, 0,
                                              now))
    _insert_indicator_rows(conn, indicator_rows)


def _indicator_rows(log, project_id: int, indicators: Sequence[Indicator], first: int,
                    now: str) -> list[dict]:
    rows = []
    for offset, indicator in enumerate(indicators):
        row = {f: getattr(indicator, f) for f in INDICATOR_FIELDS}
        row.update(uuid=indicator.uuid, project_id=project_id, position=first + offset,
                   created_at=now, updated_at=now)
        rows.append(row)
        log("create", "indicator", indicator.uuid, "", None, indicator.name)
    return rows


def _insert_indicator_rows(conn, rows: list[dict]) -> None:
    if not rows:
        return
    try:
        _bulk_insert(conn, _IND, rows)
    except sa.exc.IntegrityError as exc:
        raise InvalidValueError("指标已在数据文件中（同一指标不能添加两次）。",
                                "The indicator is already in the dataset (an indicator cannot "
                                "be added twice).") from exc


def _insert_indicators(conn, log, project_id: int, indicators: Sequence[Indicator],
                       position: int | None) -> None:
    if not indicators:
        return
    first = _insert_position(conn, _IND, _IND.c.project_id == project_id, position)
    if position is not None and len(indicators) > 1:
        conn.execute(_IND.update().values(position=_IND.c.position + len(indicators) - 1)
                     .where(_IND.c.project_id == project_id, _IND.c.position > first))
    _insert_indicator_rows(conn, _indicator_rows(log, project_id, indicators, first, _now()))


def _bulk_insert(conn, table: sa.Table, rows: list[dict]) -> None:
    """executemany straight through the driver: bulk imports spend their time in SQLite, not
    in building statements. Values are converted exactly as the column types would."""
    if not rows:
        return
    columns = [c for c in table.columns if c.name in rows[0]]
    converters = []
    for column in columns:
        if isinstance(column.type, ExactDecimal):
            converters.append(lambda v, t=column.type: t.process_bind_param(v, None))
        elif isinstance(column.type, sa.Boolean):
            converters.append(lambda v: None if v is None else int(bool(v)))
        else:
            converters.append(None)
    names = [c.name for c in columns]
    sql = (f"INSERT INTO {table.name} ({', '.join(names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    get = operator.itemgetter(*names)
    convert = [(i, conv) for i, conv in enumerate(converters) if conv is not None]
    params = []
    for row in rows:
        values = get(row)
        if convert:
            values = list(values)
            for i, conv in convert:
                values[i] = conv(values[i])
            values = tuple(values)
        params.append(values)
    conn.exec_driver_sql(sql, params)


def _project_from_row(row, indicators: list[Indicator]) -> Project:
    values = {f: row[f] for f in PROJECT_FIELDS}
    values.update(uuid=row["uuid"], department=row["_department"], unit=row["_unit"],
                  unit_code=row["_unit_code"], indicators=indicators)
    return Project.from_storage(values)


def _indicator_from_row(row) -> Indicator:
    values = {f: row[f] for f in INDICATOR_FIELDS}
    values["uuid"] = row["uuid"]
    return Indicator.from_storage(values)


_INDICATOR_COLUMNS = ("project_id", "uuid", *INDICATOR_FIELDS)
_INDICATOR_DECIMALS = tuple(i for i, name in enumerate(_INDICATOR_COLUMNS)
                            if isinstance(_IND.c[name].type, ExactDecimal))


def _fetch_indicators(conn, project_ids: list[int]) -> dict[int, list[Indicator]]:
    """The indicators of the given projects, in order, read straight through the driver."""
    result: dict[int, list[Indicator]] = {pid: [] for pid in project_ids}
    if not project_ids:
        return result
    sql = (f"SELECT {', '.join(_INDICATOR_COLUMNS)} FROM indicator "
           f"WHERE project_id IN ({', '.join('?' for _ in project_ids)}) "
           "ORDER BY project_id, position, id")
    names = _INDICATOR_COLUMNS[1:]
    for row in conn.exec_driver_sql(sql, tuple(project_ids)).cursor.fetchall():
        row = list(row)
        for i in _INDICATOR_DECIMALS:
            if row[i] is not None:
                row[i] = Decimal(row[i])
        result[row[0]].append(Indicator.from_storage(dict(zip(names, row[1:]))))
    return result
