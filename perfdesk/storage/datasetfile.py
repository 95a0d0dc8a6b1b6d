"""Opening, creating and upgrading the dataset file, safely.

A dataset is one SQLite file (extension ``.perfdesk``). Before SQLite ever touches a file,
:func:`probe` reads its 100-byte header: a file that is empty, not SQLite, another program's
database, truncated, or written by a newer PerfDesk is refused there, so nothing on disk
changes. Files of an older schema are first copied with SQLite's backup API, then migrated.

Every connection runs with ``foreign_keys=ON``, a ``busy_timeout``, ``journal_mode=WAL`` and
``synchronous=FULL`` (an edit that returned is on disk, even after a power cut), and with
``trusted_schema=OFF`` plus SQLite's defensive mode where Python offers it (3.12 and newer):
a file from elsewhere is checked by :mod:`.inspection` before it is trusted, and even then
nothing in its schema may call unsafe functions or write to the schema itself.

A read-only open of a file in a folder it cannot write to (a write-protected stick, a CD, a
full disk) cannot make SQLite's shared-memory file; it then reads the file as immutable, which
needs none, provided no write-ahead log holds edits that would be missed.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import QueuePool, StaticPool

from perfdesk.core.errors import NewerSchemaError, NotADatasetError, PerfDeskError
from perfdesk.core.paths import DATASET_EXTENSION
from perfdesk.storage.inspection import has_edits_in_wal, remember
from perfdesk.storage.migrations import SCHEMA_VERSION, migrate

EXTENSION = DATASET_EXTENSION
APPLICATION_ID = 0x50444B31  # "PDK1" in the SQLite header: this file is a PerfDesk dataset
BUSY_TIMEOUT_MS = 5000
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class FileProbe:
    """What the header of a dataset file says."""

    schema_version: int
    page_size: int
    page_count: int


def probe(path: Path) -> FileProbe:
    """Judge ``path`` from its header alone; raise a clear error unless it is a dataset we can
    open. Reads 100 bytes, writes nothing."""
    if not path.exists():
        raise PerfDeskError("找不到该文件。", "The file does not exist.", file=path)
    if path.is_dir():
        raise NotADatasetError("这是一个文件夹，不是 PerfDesk 数据文件。",
                               "This is a folder, not a PerfDesk dataset.", file=path)
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except OSError:
        regular = True  # the read below says what is wrong
    if not regular:  # a named pipe or a device would block the read below, or never end
        raise NotADatasetError("这不是一个普通文件（可能是管道或设备），不是 PerfDesk 数据文件。",
                               "This is not a regular file (a pipe or a device), not a "
                               "PerfDesk dataset.", file=path)
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise PerfDeskError(f"无法读取文件（{exc.strerror}）。",
                            f"Cannot read the file ({exc.strerror}).", file=path) from exc
    if size == 0:
        raise NotADatasetError("文件是空的，不是 PerfDesk 数据文件。",
                               "The file is empty; it is not a PerfDesk dataset.", file=path)
    if not header.startswith(_SQLITE_MAGIC):
        hint_zh, hint_en = _what_it_looks_like(header)
        raise NotADatasetError(f"这不是 PerfDesk 数据文件{hint_zh}。",
                               f"This is not a PerfDesk dataset{hint_en}.", file=path)
    if len(header) < 100:
        raise NotADatasetError("数据文件已损坏（文件头不完整）。",
                               "The dataset is damaged (incomplete header).", file=path)
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    user_version = struct.unpack(">I", header[60:64])[0]
    application_id = struct.unpack(">I", header[68:72])[0]
    valid_for = struct.unpack(">I", header[92:96])[0]
    if application_id != APPLICATION_ID:
        raise NotADatasetError(
            "这是一个 SQLite 数据库，但不是 PerfDesk 数据文件。",
            "This is an SQLite database, but not a PerfDesk dataset.", file=path)
    if user_version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"此数据文件由更新版本的 PerfDesk 创建（数据结构第 {user_version} 版，本程序只支持到"
            f"第 {SCHEMA_VERSION} 版）。请升级 PerfDesk 后再打开；文件未做任何改动。",
            f"This dataset was written by a newer PerfDesk (schema {user_version}; this one "
            f"supports up to {SCHEMA_VERSION}). Upgrade PerfDesk to open it; the file was not "
            "changed.", file=path)
    if user_version < 1:
        raise NotADatasetError("数据文件没有完成创建，无法打开。",
                               "The dataset was never completely created.", file=path)
    if valid_for == change_counter and page_count and size < page_count * page_size:
        raise NotADatasetError(
            "数据文件已损坏（文件被截断，可能是复制或U盘拔出时中断）。请使用备份文件。",
            "The dataset is damaged (the file is truncated, perhaps by an interrupted copy). "
            "Use a backup.", file=path)
    return FileProbe(user_version, page_size, page_count)


def _what_it_looks_like(header: bytes) -> tuple[str, str]:
    if header.startswith(b"PK\x03\x04"):
        return ("，而是一个 Excel 表格或压缩包；若要读入表格，请使用“导入”",
                " but an Excel workbook or a zip archive; use Import to read a table")
    if header.startswith(b"\xd0\xcf\x11\xe0"):
        return ("，而是一个旧版 Excel（.xls）或 Word 文件；若要读入表格，请使用“导入”",
                " but an old Excel (.xls) or Word file; use Import to read a table")
    if header.startswith(b"%PDF"):
        return "，而是一个 PDF 文件", " but a PDF file"
    return "", ""


# --- connections ----------------------------------------------------------------------------


def _uri(path: Path, read_only: bool) -> str:
    uri = path.resolve().as_uri().replace("file://", "file:", 1)
    return uri + ("?mode=ro" if read_only else "?mode=rw")


def connect(path: Path, *, read_only: bool = False, create: bool = False,
            immutable: bool = False) -> sqlite3.Connection:
    """A sqlite3 connection with PerfDesk's settings (autocommit; we issue BEGIN ourselves).
    ``immutable`` (read-only, for a file nobody writes now) makes SQLite leave no files beside
    it."""
    uri = _uri(path, read_only)
    if create:
        uri = uri.replace("mode=rw", "mode=rwc")
    if immutable and read_only:
        uri += "&immutable=1"
    try:
        conn = _connect(uri)
    except sqlite3.OperationalError:
        if not read_only or has_edits_in_wal(path):
            raise
        conn = _connect(uri + "&immutable=1")  # no shared memory file can be made here
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def _connect(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        harden(conn)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file now
    except BaseException:
        conn.close()
        raise
    return conn


def harden(conn: sqlite3.Connection) -> None:
    """No schema of a file may call unsafe functions or rewrite the schema (see the module)."""
    conn.execute("PRAGMA trusted_schema = OFF")
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if setconfig is not None and defensive is not None:
        setconfig(defensive, True)


def make_engine(creator, *, one_connection: bool = False) -> sa.Engine:
    """An engine over ``creator``'s connections.

    A file gets a pool: a background job (an export, checking everything, an import) reads or
    writes on a connection of its own while the window reads on another, which WAL lets run
    side by side. (Two threads on one connection would each start a transaction on it and one
    would fail.) An in-memory copy has only ``one_connection``; the store lets one thread at a
    time use it."""
    engine = sa.create_engine("sqlite://", creator=creator,
                              poolclass=StaticPool if one_connection else QueuePool)

    @event.listens_for(engine, "begin")
    def _begin(conn):  # pysqlite's own transaction handling is off (isolation_level=None)
        conn.exec_driver_sql("BEGIN")

    return engine


def engine_for(path: Path, *, read_only: bool) -> sa.Engine:
    return make_engine(lambda: connect(path, read_only=read_only))


def memory_engine(conn: sqlite3.Connection) -> sa.Engine:
    return make_engine(lambda: conn, one_connection=True)


# --- creating and upgrading -----------------------------------------------------------------


def create_file(path: Path, info: dict) -> None:
    """Create a dataset file at the newest schema holding only its ``dataset_info`` row.

    Refuses to overwrite anything; on failure nothing is left behind."""
    if path.exists():
        raise PerfDeskError("文件已存在，不会覆盖。请换一个文件名。",
                            "The file already exists and will not be overwritten. Choose "
                            "another name.", file=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(_uri(path, False).replace("mode=rw", "mode=rwc"), uri=True,
                               isolation_level=None)
        harden(conn)
    except (OSError, sqlite3.Error) as exc:
        raise PerfDeskError(f"无法创建数据文件：{exc}", f"Cannot create the dataset: {exc}",
                            file=path) from exc
    try:
        # The application id goes in before WAL is switched on, so it is in the main file's
        # header from the start and probe() can see it without opening the file.
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA foreign_keys = OFF")
        migrate(conn, 0)
        columns = ", ".join(info)
        marks = ", ".join("?" for _ in info)
        conn.execute(f"INSERT INTO dataset_info ({columns}) VALUES ({marks})", tuple(info.values()))
        conn.execute("PRAGMA journal_mode = WAL")
    except BaseException:
        conn.close()
        for leftover in (path, *_sidecars(path)):
            leftover.unlink(missing_ok=True)
        raise
    conn.close()
    remember(path)  # written here: no page check when it is first opened


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def backup_path(path: Path, from_version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.备份-第{from_version}版-{stamp}{path.suffix or EXTENSION}")


def backup(path: Path, target: Path) -> None:
    """Copy a live dataset consistently with SQLite's online backup API."""
    src = sqlite3.connect(_uri(path, True), uri=True)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def copy_dataset(path: Path, target: Path) -> None:
    """Copy a dataset consistently, with what is still in its write-ahead log, to a new file
    ``target``; the source is opened read-only and never changed. Raises OSError when the copy
    cannot be made (a pulled drive, a full disk)."""
    try:
        backup(path, target)
    except sqlite3.Error as exc:
        raise OSError(str(exc)) from exc


def upgrade(path: Path, from_version: int) -> Path:
    """Back the file up, then migrate it to the newest schema. Returns the backup's path."""
    target = backup_path(path, from_version)
    try:
        backup(path, target)
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise PerfDeskError(
            f"升级数据文件前无法创建备份（{exc}），文件未做改动。请检查磁盘空间和写入权限。",
            f"Could not back up the dataset before upgrading it ({exc}); the file was not "
            "changed. Check free space and write permission.", file=path) from exc
    conn = sqlite3.connect(_uri(path, False), uri=True, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = OFF")
        migrate(conn, from_version)
    except sqlite3.Error as exc:
        raise PerfDeskError(
            f"数据文件升级失败（{exc}），文件保持原样；备份在“{target.name}”。",
            f"Upgrading the dataset failed ({exc}); the file is unchanged and a backup is "
            f"in '{target.name}'.", file=path) from exc
    finally:
        conn.close()
    return target


def upgraded_copy_in_memory(path: Path, from_version: int) -> sqlite3.Connection:
    """An in-memory copy of an older file, migrated: how a read-only open sees old files."""
    src = sqlite3.connect(_uri(path, True), uri=True)
    mem = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        src.backup(mem)
    finally:
        src.close()
    mem.execute("PRAGMA foreign_keys = OFF")
    migrate(mem, from_version)
    mem.execute("PRAGMA foreign_keys = ON")
    return mem


def check_writable(path: Path) -> None:
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise PerfDeskError(
            "数据文件或其所在文件夹是只读的，无法保存修改。可以以只读方式打开，或先复制到"
            "有写入权限的文件夹。",
            "The dataset or its folder is read-only, so changes cannot be saved. Open it "
            "read-only, or copy it to a folder you can write to.", file=path)


def is_corruption(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.DatabaseError) or (
        isinstance(exc, sa.exc.DatabaseError)
        and isinstance(getattr(exc, "orig", None), sqlite3.DatabaseError)
        and not isinstance(getattr(exc, "orig", None), sqlite3.OperationalError))


def read_error(exc: BaseException, path: Path) -> PerfDeskError:
    """What to tell the clerk when SQLite cannot open or read the file (never its raw text
    with SQL in it)."""
    orig = getattr(exc, "orig", exc)
    text = str(orig)
    lowered = text.lower()
    if "full" in lowered or "no space" in lowered:
        return PerfDeskError("磁盘已满，无法打开数据文件。请清理磁盘空间后重试；文件保持原样。",
                             "The disk is full, so the dataset cannot be opened. Free some "
                             "space and try again; the file is unchanged.", file=path)
    if isinstance(orig, sqlite3.OperationalError) and (
            "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered
            or "disk i/o" in lowered):
        return PerfDeskError(
            f"无法打开数据文件（{text}）。文件可能已被移走，或所在位置不能写入；可复制到本机"
            "文件夹后再打开。",
            f"The dataset cannot be opened ({text}). It may have been moved, or its place "
            "cannot be written to; copy it to a local folder and open it there.", file=path)
    if isinstance(orig, sqlite3.OperationalError) and ("locked" in lowered or "busy" in lowered):
        return PerfDeskError("数据文件正被其他程序占用，暂时无法读取。请稍后重试。",
                             "The dataset is busy in another program; try again shortly.",
                             file=path)
    return NotADatasetError(f"数据文件已损坏，无法读取（{text}）。请使用备份文件。",
                            f"The dataset is damaged and cannot be read ({text}). Use a "
                            "backup.", file=path)

