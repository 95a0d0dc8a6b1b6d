"""What a dataset file from elsewhere is checked for before PerfDesk trusts it.

Datasets travel on USB sticks and by e-mail, and an SQLite file is easy to change with other
tools. Three things are checked when a file is opened, each before anything is written:

- **Its schema holds only what PerfDesk's migrations make** (:func:`check_schema`). A trigger
  runs inside the clerk's own edits (one that renames every project on an update would go
  unnoticed until the table is handed in); a view, a table or an index of another program has
  no place in a dataset either. Such a file is refused, unchanged, with the objects named.
  (Connections also run with ``trusted_schema=OFF``, and in SQLite's defensive mode where the
  Python runtime offers it, so nothing in a schema can call unsafe functions.)
- **The write-ahead log beside it belongs to it** (:func:`check_wal`). A ``-wal`` left by a
  crash is the last edits and must be kept; one copied in from another dataset would be
  applied by SQLite as if it were this file's and corrupt it for good at the next checkpoint.
  The two are told apart on a copy: the log applied to a copy of the file must pass
  ``quick_check`` and leave the dataset's identity unchanged.
- **A file this PC did not last write gets SQLite's quick_check** (:func:`known`,
  :func:`remember`): files written and closed here are recorded (size and time) in the app's
  data folder; any other file — copied in, restored, written by a process that was killed —
  is checked page by page before it is shown, so a damaged file gives "数据文件已损坏" at
  once instead of an empty tree or an error in the middle of an edit.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

from perfdesk.core.errors import NotADatasetError
from perfdesk.core.paths import app_data_dir

_KINDS = {"table": ("表", "table"), "index": ("索引", "index"), "view": ("视图", "view"),
          "trigger": ("触发器", "trigger")}
_KNOWN_FILE = "known_datasets.json"
_KNOWN_MAX = 500
WAL_HEADER = 32  # bytes; a log of only its header holds no edits


# --- the schema -------------------------------------------------------------------------------


def schema_of(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, ...]]:
    """Every schema object (type, name) with its columns (tables) or its table (others).
    SQLite's own objects (``sqlite_autoindex_…``, ``sqlite_stat1``) are left out."""
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    rows = conn.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    for kind, name, table in rows:
        if str(name).startswith("sqlite_"):
            continue
        if kind == "table":
            columns = tuple(r[0] for r in conn.execute(
                "SELECT name FROM pragma_table_info(?)", (name,)))
            found[(kind, name)] = columns
        else:
            found[(kind, name)] = (table,)
    return found


# The schema of a file at version _SNAPSHOT_VERSION, as the migrations make it (see
# expected_schema; tests/storage/test_files_from_elsewhere.py checks it against them).
_SNAPSHOT: dict[tuple[str, str], tuple[str, ...]] = {
    ('index', 'ix_department_task_project_id'): ('department_task',),
    ('index', 'ix_indicator_project_id'): ('indicator',),
    ('index', 'ix_project_unit_id'): ('project',),
    ('index', 'ix_review_comment_project_uuid'): ('review_comment',),
    ('index', 'ix_unit_department_id'): ('unit',),
    ('table', 'change_log'): (
        'id', 'at', 'os_user', 'operation', 'action', 'entity', 'entity_uuid', 'field', 'old',
        'new'),
    ('table', 'dataset_info'): (
        'id', 'dataset_uuid', 'title', 'budget_year', 'profile', 'created_at', 'created_by',
        'app_version', 'check_settings', 'kind', 'task'),
    ('table', 'department'): ('id', 'uuid', 'name', 'code', 'position'),
    ('table', 'department_task'): (
        'id', 'uuid', 'project_id', 'position', 'function', 'name', 'content', 'item', 'total',
        'fiscal', 'other', 'source_ref'),
    ('table', 'indicator'): (
        'id', 'uuid', 'project_id', 'position', 'created_at', 'updated_at', 'level1', 'level2',
        'name', 'nature', 'comparator', 'target', 'unit', 'grade', 'value_text', 'basis',
        'explanation', 'scoring', 'weight', 'remark', 'level1_source', 'source_text', 'source_ref',
        'actual', 'score', 'shortfall'),
    ('table', 'project'): (
        'id', 'uuid', 'unit_id', 'position', 'created_at', 'updated_at', 'name', 'code',
        'attribute', 'period_start', 'period_end', 'annual_total', 'annual_fiscal', 'annual_other',
        'midterm_total', 'midterm_fiscal', 'midterm_other', 'annual_goal', 'midterm_goal',
        'implementing_unit', 'includes_transfer', 'source_ref', 'no_service_recipients', 'kind',
        'funds_text', 'period_start_month', 'period_end_month', 'initial_total',
        'initial_fiscal', 'initial_other', 'executed_total', 'executed_fiscal', 'executed_other',
        'funds_weight', 'funds_score', 'goal_actual', 'project_funds', 'basic_funds', 'duties'),
    ('table', 'reference_project'): ('id', 'unit_name', 'name', 'code'),
    ('table', 'review_comment'): (
        'id', 'uuid', 'position', 'project_uuid', 'indicator_uuid', 'field', 'anchor_text', 'text',
        'rule', 'author', 'created_at', 'submission_id', 'status', 'reply_kind', 'reply',
        'replied_by', 'replied_at', 'closed_at'),
    ('table', 'submission'): (
        'id', 'direction', 'submission_id', 'unit_name', 'unit_code', 'number', 'previous_id',
        'at', 'file', 'sha256', 'state', 'manifest', 'snapshot'),
    ('table', 'unit'): ('id', 'uuid', 'department_id', 'name', 'code', 'position'),
}
_SNAPSHOT_VERSION = 9


@lru_cache(maxsize=8)
def expected_schema(version: int) -> dict[tuple[str, str], tuple[str, ...]]:
    """The schema PerfDesk's own migrations give a file at ``version``: for the current
    version the snapshot above (opening a file must not load the migration machinery), for an
    older one made by running the migrations on an empty database."""
    if version == _SNAPSHOT_VERSION:
        return dict(_SNAPSHOT)
    return migrated_schema(version)


def migrated_schema(version: int) -> dict[tuple[str, str], tuple[str, ...]]:
    """The schema of an empty database taken to ``version`` by the migrations."""
    from perfdesk.storage.migrations import migrate

    mem = sqlite3.connect(":memory:", isolation_level=None)
    try:
        mem.execute("PRAGMA foreign_keys = OFF")
        migrate(mem, 0, version)
        return schema_of(mem)
    finally:
        mem.close()


def foreign_objects(conn: sqlite3.Connection, version: int) -> list[tuple[str, str]]:
    """What in the file PerfDesk did not make, as (zh, en) descriptions."""
    expected = expected_schema(version)
    found = schema_of(conn)
    described = []
    for (kind, name), shape in sorted(found.items()):
        zh, en = _KINDS.get(kind, (kind, kind))
        if (kind, name) not in expected:
            described.append((f"{zh}“{name}”", f"{en} '{name}'"))
        elif kind == "table" and shape != expected[(kind, name)]:
            described.append((f"表“{name}”的列", f"the columns of table '{name}'"))
    return described


def missing_tables(conn: sqlite3.Connection, version: int) -> list[str]:
    """The tables PerfDesk's migrations make that the file lacks."""
    found = schema_of(conn)
    return sorted(name for kind, name in expected_schema(version)
                  if kind == "table" and (kind, name) not in found)


def check_schema(conn: sqlite3.Connection, version: int, path: Path) -> None:
    """Refuse a file holding schema objects PerfDesk did not make (see the module), or
    lacking a table it makes (damaged, or cut down by another program)."""
    found = foreign_objects(conn, version)
    missing = missing_tables(conn, version)
    if missing and not found:
        shown = "、".join(f"“{name}”" for name in missing[:5])
        raise NotADatasetError(
            f"数据文件已损坏，缺少表 {shown}，无法读取。请使用备份文件；文件保持原样。",
            f"The dataset is damaged: it lacks the table(s) {', '.join(missing[:5])} and "
            "cannot be read. Use a backup; the file is unchanged.", file=path)
    if not found:
        return
    names_zh = "、".join(zh for zh, _ in found[:5]) + ("等" if len(found) > 5 else "")
    names_en = ", ".join(en for _, en in found[:5]) + (" …" if len(found) > 5 else "")
    raise NotADatasetError(
        f"数据文件中有 PerfDesk 不会写入的内容（{names_zh}），可能被其他程序改动过。为防止它在修改时"
        "悄悄改变数据，PerfDesk 不打开此文件；文件保持原样。请使用原始文件或备份。",
        f"The dataset holds things PerfDesk never writes ({names_en}); another program may "
        "have changed it. So that they cannot change data behind the clerk's edits, PerfDesk "
        "does not open it; the file is unchanged. Use the original file or a backup.",
        file=path)


# --- the write-ahead log ----------------------------------------------------------------------


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def has_edits_in_wal(path: Path) -> bool:
    try:
        return wal_path(path).stat().st_size > WAL_HEADER
    except OSError:
        return False


def check_wal(path: Path) -> None:
    """Refuse a file whose ``-wal`` does not belong to it (see the module); the file and its
    log are only read."""
    if not has_edits_in_wal(path):
        return
    with tempfile.TemporaryDirectory(prefix="perfdesk-wal-") as folder:
        alone = Path(folder) / "alone.perfdesk"
        joined = Path(folder) / "joined.perfdesk"
        try:
            shutil.copyfile(path, alone)
            shutil.copyfile(path, joined)
            shutil.copyfile(wal_path(path), wal_path(joined))
        except OSError:
            return  # no room for a copy: SQLite's own checks still apply when it opens
        own = _identity(alone)
        with_log, healthy = _identity(joined, check=True)
    if healthy and with_log == own[0]:
        return
    raise NotADatasetError(
        f"数据文件旁边的“{wal_path(path).name}”不属于这个数据文件（可能是从别处复制来的，或已损坏）。"
        "PerfDesk 没有打开它，两个文件都保持原样。请把该 -wal 文件移到别处后再打开，或使用备份。",
        f"The file '{wal_path(path).name}' beside the dataset does not belong to it (copied "
        "from elsewhere, or damaged). PerfDesk did not open it; both files are unchanged. Move "
        "the -wal file away and open the dataset again, or use a backup.", file=path)


def _identity(path: Path, *, check: bool = False) -> tuple[str | None, bool]:
    """(the dataset's uuid, whether quick_check passed) of a copy, or (None, False)."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error:
        return None, False
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        healthy = True
        if check:
            healthy = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        row = conn.execute("SELECT dataset_uuid FROM dataset_info").fetchone()
        return (row[0] if row else None), healthy
    except sqlite3.Error:
        return None, False
    finally:
        conn.close()


# --- files this PC wrote last -----------------------------------------------------------------


def _fingerprint(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _known_path() -> Path:
    return app_data_dir() / _KNOWN_FILE


def _read_known() -> dict[str, list[int]]:
    try:
        data = json.loads(_known_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def known(path: Path) -> bool:
    """Whether this PC wrote ``path`` last and nothing changed it since."""
    print_ = _fingerprint(path)
    return print_ is not None and _read_known().get(str(path.resolve())) == print_


def remember(path: Path) -> None:
    """Record that this PC wrote ``path`` last (after it was closed)."""
    print_ = _fingerprint(path)
    if print_ is None or has_edits_in_wal(path):
        return
    try:
        entries = _read_known()
        entries.pop(str(path.resolve()), None)
        entries[str(path.resolve())] = print_
        while len(entries) > _KNOWN_MAX:
            entries.pop(next(iter(entries)))
        target = _known_path()
        temporary = target.with_name(target.name + f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        pass  # no room in the app's folder: the file gets a quick_check next time, no harm


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite's page-by-page check (``quick_check``, which names a damaged page), then the
    indexes against their tables (``integrity_check``: ``quick_check`` passes a file whose
    index pages were damaged, which later edits then make worse); a damaged file is refused
    with the usual message."""
    problems = [r[0] for r in conn.execute("PRAGMA quick_check(3)").fetchall()]
    if problems == ["ok"]:
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check(3)").fetchall()]
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
    if problems != ["ok"]:
        page = re.search(r"[Pp]age (\d+)", " ".join(problems))
        where_zh = f"（第 {page.group(1)} 页已损坏）" if page else ""
        where_en = f" (page {page.group(1)} is damaged)" if page else ""
        raise NotADatasetError(
            f"数据文件已损坏，无法读取{where_zh}。请使用备份文件；文件保持原样。",
            f"The dataset is damaged and cannot be read{where_en}. Use a backup; the file is "
            "unchanged.", file=path)
