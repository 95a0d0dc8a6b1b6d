"""One writer at a time: an OS lock on a small file beside the dataset.

SQLite itself would let two PerfDesk windows write the same file and then fail one of them with
"database is locked" in the middle of an edit. Instead, the process that opens a dataset for
writing holds an exclusive OS lock on ``<dataset>.lock`` for as long as it is open; a second
opener is told who has it (user, computer, since when) and can open it read-only. The OS drops
the lock when the process dies, so a crash never leaves a dataset locked; the file itself is
removed on a clean close.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import sys
from datetime import datetime, timezone
from pathlib import Path

from perfdesk.core.errors import DatasetLockedError, PerfDeskError

_LOCK_OFFSET = 4096  # the locked byte lies beyond the holder info, which stays readable


def lock_path(dataset: Path) -> Path:
    return dataset.with_name(dataset.name + ".lock")


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service accounts, odd containers)
        return ""


class WriterLock:
    """The exclusive right to write one dataset, held until :meth:`release`."""

    def __init__(self, dataset: Path) -> None:
        self.path = lock_path(dataset)
        self._file = None
        self._dataset = dataset

    def acquire(self) -> None:
        for _attempt in range(5):
            handle = self._open()
            if not _try_lock(handle):
                holder = read_holder(self.path)
                handle.close()
                who = _describe(holder)
                raise DatasetLockedError(
                    f"此数据文件已被另一个 PerfDesk 打开（{who[0]}），同一时间只能有一处修改。"
                    "请先在那里关闭它，或以只读方式打开。",
                    f"This dataset is already open in another PerfDesk ({who[1]}); only one "
                    "place can change it at a time. Close it there first, or open it read-only.",
                    holder=holder, file=self._dataset)
            if _same_file(handle, self.path):
                break
            # The previous holder removed the file between our open and our lock: the lock we
            # hold is on a file nobody else will see. Start again on the new one.
            handle.close()
        else:  # pragma: no cover - needs five lost races in a row
            raise PerfDeskError("无法锁定数据文件，请稍后重试。",
                                "Could not lock the dataset; try again.", file=self._dataset)
        info = {
            "user": os_user(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"),
        }
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps(info, ensure_ascii=False).encode("utf-8"))
            handle.flush()
        except OSError as exc:  # a full disk: no lock file may stay behind, empty or not
            _unlock(handle)
            try:
                handle.close()
            except OSError:
                pass  # closing flushes what could not be written: it fails the same way
            self.path.unlink(missing_ok=True)
            raise PerfDeskError(
                f"无法在数据文件旁写入锁定信息（{exc.strerror}），数据文件没有打开。"
                + ("磁盘已满，请清理磁盘空间后重试。" if exc.errno == errno.ENOSPC else
                   "请检查该文件夹的写入权限。"),
                f"Could not write the lock next to the dataset ({exc.strerror}); the dataset was "
                "not opened. " + ("The disk is full: free some space and try again."
                                  if exc.errno == errno.ENOSPC else
                                  "Check that you can write to its folder."),
                file=self._dataset) from exc
        self._file = handle

    def _open(self):
        try:
            return open(self.path, "a+b")
        except OSError as exc:
            raise PerfDeskError(
                f"无法在数据文件所在的文件夹中创建锁定文件（{exc.strerror}）。请把数据文件放到"
                "本机有写入权限的文件夹中，或以只读方式打开。",
                f"Cannot create the lock file next to the dataset ({exc.strerror}). Move the "
                "dataset to a local folder you can write to, or open it read-only.",
                file=self._dataset) from exc

    def release(self) -> None:
        handle, self._file = self._file, None
        if handle is None:
            return
        try:
            handle.seek(0)
            handle.truncate()
            _unlock(handle)
        finally:
            handle.close()
        try:
            self.path.unlink()
        except OSError:
            pass  # another process opened it meanwhile (it will take the lock); harmless

    @property
    def held(self) -> bool:
        return self._file is not None


def _same_file(handle, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


def held_by_a_writer(dataset: Path) -> bool:
    """Whether a PerfDesk (this one or another) holds the writer's lock of ``dataset`` now.
    Only looks: a lock file that is not there is not created."""
    path = lock_path(dataset)
    try:
        handle = open(path, "rb+")
    except OSError:
        return False
    try:
        if _try_lock(handle):
            _unlock(handle)
            return False
        return True
    finally:
        handle.close()


def read_holder(path: Path) -> dict:
    try:
        text = path.read_bytes()[:_LOCK_OFFSET].decode("utf-8", "replace").strip()
        return json.loads(text) if text else {}
    except (OSError, ValueError):
        return {}


def _describe(holder: dict) -> tuple[str, str]:
    user = holder.get("user") or "?"
    host = holder.get("host") or "?"
    since = (holder.get("since") or "")[:16].replace("T", " ")
    return (f"用户 {user}，计算机 {host}，自 {since} 起" if since else f"用户 {user}，计算机 {host}",
            f"user {user} on {host}" + (f" since {since}" if since else ""))


if sys.platform == "win32":  # pragma: no cover - exercised by the Windows build
    import msvcrt

    def _try_lock(handle) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle) -> None:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(handle) -> bool:
        # flock locks belong to the open file, so a second open in the same process is
        # refused too (fcntl/lockf locks would not be).
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
