"""An open dataset file: its connection, the writer's lock, reading, and one edit at a time.

Opening is where a file from elsewhere meets PerfDesk, so it is careful: the header is judged
before SQLite opens anything (:func:`datasetfile.probe`), a writer takes the OS lock beside
the file, the file's schema, its write-ahead log and (for a file this PC did not write last)
its pages are checked (:mod:`.inspection`), an older file is backed up and upgraded (or,
read-only, upgraded in memory), and a damaged one is refused with a message for the clerk.
In every refusal the file is unchanged and the lock released. While open, every edit first
makes sure the file is still where it was opened: a dataset renamed or deleted under a
running PerfDesk would otherwise take edits into a log nobody will read. Once open, :meth:`Store.read` gives a connection for queries and
:meth:`Store.transaction` the one write transaction (:mod:`.writes`) an edit is.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from perfdesk import __version__
from perfdesk.core.errors import NotADatasetError, PerfDeskError
from perfdesk.storage import datasetfile, inspection, queries
from perfdesk.storage.lock import WriterLock, held_by_a_writer, os_user
from perfdesk.storage.migrations import SCHEMA_VERSION
from perfdesk.storage.queries import INFO
from perfdesk.storage.writes import Transaction


class Store:
    """One open dataset file. Use :meth:`open`; :meth:`close` when done.

    Attributes:
        path: the file.
        read_only: transactions raise ReadOnlyError when true.
        backup: the copy made before an upgrade on this open, else ``None``.
        user: the OS user the change log names.
        info: the description row as it was read on opening (see :meth:`reload_info`).
    """

    def __init__(self, path: Path, engine: sa.Engine, *, read_only: bool,
                 lock: WriterLock | None, backup: Path | None = None,
                 one_connection: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.backup = backup
        self.engine: sa.Engine | None = engine
        self.write_lock = threading.RLock()  # one edit at a time, whichever thread asks
        self.user = os_user()
        self.info: dict[str, Any] = {}
        self._lock = lock
        try:
            self._identity: tuple[int, int] | None = (None if one_connection
                                                      else _file_identity(path))
        except OSError:
            self._identity = None
        # an in-memory copy has one connection: one reading thread at a time
        self._one_reader = threading.RLock() if one_connection else None

    @staticmethod
    def create(path: Path, info: dict[str, Any]) -> None:
        """Create a dataset file holding only ``info``; refuses to overwrite anything."""
        datasetfile.create_file(path, {**info, "id": 1, "created_by": os_user(),
                                       "app_version": __version__, "check_settings": "{}"})

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> "Store":
        """Open a dataset, upgrading an older file (after a backup) unless read-only.

        Raises NotADatasetError, NewerSchemaError, DatasetLockedError or PerfDeskError with a
        message for the clerk; in every such case the file is unchanged.
        """
        found = datasetfile.probe(path)
        lock = None
        backup = None
        one_connection = False
        if not read_only:
            datasetfile.check_writable(path)
            lock = WriterLock(path)
            lock.acquire()
        try:
            live = read_only and held_by_a_writer(path)  # a live log is its writer's
            if not live:
                inspection.check_wal(path)
            _inspect(path, found.schema_version, untouched=not live)
            if found.schema_version < SCHEMA_VERSION:
                if read_only:
                    mem = datasetfile.upgraded_copy_in_memory(path, found.schema_version)
                    engine = datasetfile.memory_engine(mem)
                    one_connection = True
                else:
                    backup = datasetfile.upgrade(path, found.schema_version)
                    engine = datasetfile.engine_for(path, read_only=False)
            else:
                engine = datasetfile.engine_for(path, read_only=read_only)
            store = cls(path, engine, read_only=read_only, lock=lock, backup=backup,
                        one_connection=one_connection)
            try:
                store.reload_info()
                if backup is not None:
                    store._stamp_version()
            except BaseException:
                engine.dispose()
                raise
            return store
        except BaseException as exc:
            if lock is not None:
                lock.release()
            if isinstance(exc, PerfDeskError):
                raise
            if isinstance(exc, (sqlite3.Error, sa.exc.DBAPIError)):
                raise datasetfile.read_error(exc, path) from exc
            raise

    def ensure_in_place(self) -> None:
        """Refuse to write when the file is no longer the one that was opened (renamed,
        moved or deleted while open: on Linux the edits would go to an orphaned log)."""
        if self._identity is None:
            return
        try:
            current = _file_identity(self.path)
        except OSError:
            current = None
        if current != self._identity:
            raise PerfDeskError(
                f"数据文件“{self.path.name}”已被移动、改名或删除，修改没有保存。请关闭它，再从新位置"
                "打开（或恢复原文件）。",
                f"The dataset '{self.path.name}' was moved, renamed or deleted; the change was "
                "not saved. Close it and open it from where it is now (or restore it).",
                file=self.path)

    def reload_info(self) -> dict[str, Any]:
        with self.read() as conn:
            info = queries.dataset_info(conn)
        if info is None:
            raise NotADatasetError("数据文件缺少基本信息，无法打开。",
                                   "The dataset has no description row; it cannot be opened.",
                                   file=self.path)
        self.info = info
        return info

    def _stamp_version(self) -> None:
        """Record which PerfDesk upgraded the file."""
        with self.transaction("upgrade") as tx:
            tx.write(INFO.update().values(app_version=__version__))
            tx.log("update", "dataset", "", "app_version", self.info["app_version"],
                   __version__)
        self.reload_info()

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        """A connection for queries, from any thread: ``with store.read() as conn: …``."""
        if self.engine is None:
            raise PerfDeskError("数据文件已关闭。", "The dataset is closed.")
        try:
            with self._one_reader or nullcontext(), self.engine.connect() as conn:
                yield conn
        except sa.exc.OperationalError as exc:
            raise datasetfile.read_error(exc, self.path) from exc
        except sa.exc.DatabaseError as exc:  # a damaged page met while reading
            if datasetfile.is_corruption(exc):
                raise datasetfile.read_error(exc, self.path) from exc
            raise

    def transaction(self, operation: str) -> Transaction:
        """The write transaction of one edit (see :class:`~.writes.Transaction`)."""
        return Transaction(self, operation)

    @property
    def closed(self) -> bool:
        return self.engine is None

    def close(self) -> None:
        engine, self.engine = self.engine, None
        if engine is not None:
            engine.dispose()
        if self._lock is not None:
            inspection.remember(self.path)  # this PC wrote it last: no quick_check next time
            self._lock.release()
            self._lock = None


def _file_identity(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_dev, stat.st_ino


def _inspect(path: Path, version: int, *, untouched: bool) -> None:
    """The schema check and, for a file this PC did not write last, the page check.

    ``untouched``: nobody writes the file now, so it is read as immutable and SQLite leaves no
    shared-memory or log file beside a file that is then refused."""
    conn = datasetfile.connect(path, read_only=True, immutable=untouched
                               and not inspection.has_edits_in_wal(path))
    try:
        inspection.check_schema(conn, version, path)
        if not inspection.known(path):
            inspection.quick_check(conn, path)
    finally:
        conn.close()
