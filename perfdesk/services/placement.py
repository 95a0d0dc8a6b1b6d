"""Where a dataset file may live and be worked on: never on a removable drive or a share.

SQLite keeps a dataset consistent through its journal and file locks. A USB stick pulled out
mid-write, or a network share that drops a lock, corrupts it. So a dataset opened from such a
place is first copied to the local documents folder (with SQLite's backup API, which also
takes in what is still in the write-ahead log) and the copy is opened instead; the GUI tells
the clerk where it went.

Detection: on Windows ``GetDriveTypeW`` of the drive (removable, CD, remote) and UNC paths; on
Linux paths under /media, /mnt and /run/media, and mounts whose file system is a network one
(NFS, CIFS/SMB, SSHFS …) according to /proc/mounts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from perfdesk.core.errors import PerfDeskError
from perfdesk.core.paths import DATASET_EXTENSION as EXTENSION
from perfdesk.core.paths import documents_dir

__all__ = ["EXTENSION", "NETWORK", "REMOVABLE", "copy_to_local", "local_copy_path",
           "risky_location"]

REMOVABLE = "removable"
NETWORK = "network"

REMOVABLE_PREFIXES = ("/media", "/mnt", "/run/media")
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p",
    "davfs", "fuse.sshfs", "sshfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "ceph",
    "glusterfs", "fuse.glusterfs", "lustre", "gpfs",
})

# GetDriveTypeW results (winbase.h).
_DRIVE_REMOVABLE, _DRIVE_REMOTE, _DRIVE_CDROM = 2, 4, 5


def risky_location(path: str | Path, *, mounts: str | None = None) -> str | None:
    """``REMOVABLE`` or ``NETWORK`` when ``path`` lies on such a drive, else ``None``.

    ``mounts`` is the text of /proc/mounts (tests pass their own); read when not given.
    """
    path = Path(os.path.abspath(path))
    if sys.platform == "win32":
        return _windows_kind(path)
    return _posix_kind(path, mounts)


def _windows_kind(path: Path) -> str | None:  # pragma: no cover - exercised on Windows
    text = str(path)
    if text.startswith("\\\\"):
        if text.startswith(("\\\\?\\", "\\\\.\\")) and not text[4:].upper().startswith("UNC"):
            text = text[4:]
        else:
            return NETWORK
    drive = os.path.splitdrive(text)[0]
    if not drive:
        return None
    import ctypes

    kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(drive + "\\"))
    if kind == _DRIVE_REMOTE:
        return NETWORK
    if kind in (_DRIVE_REMOVABLE, _DRIVE_CDROM):
        return REMOVABLE
    return None


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes blanks and backslashes in paths as octal escapes."""
    return (field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
            .replace("\\134", "\\"))


def _posix_kind(path: Path, mounts: str | None) -> str | None:
    text = str(path)
    if mounts is None:
        try:
            with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
                mounts = fh.read()
        except OSError:
            mounts = ""
    best, best_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fstype = _unescape_mount(fields[1]), fields[2]
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fstype
    if best_type in NETWORK_FILESYSTEMS:
        return NETWORK
    for prefix in REMOVABLE_PREFIXES:
        if text == prefix or text.startswith(prefix + "/"):
            return REMOVABLE
    return None


def local_copy_path(path: str | Path, folder: Path | None = None) -> Path:
    """A new, unused file name for a local copy of ``path`` in ``folder`` (documents)."""
    folder = folder or documents_dir()
    stem = Path(path).stem
    candidate = folder / f"{stem}{EXTENSION}"
    number = 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}（{number}）{EXTENSION}"
    return candidate


def copy_to_local(path: str | Path, folder: Path | None = None) -> Path:
    """Copy a dataset to a new file in ``folder`` (documents) and return the copy's path.

    Uses SQLite's backup API so the copy is consistent, including changes still in the
    write-ahead log. The source is opened read-only and never changed.
    """
    path = Path(path)
    from perfdesk.storage import datasetfile  # (the storage layer loads on demand)

    datasetfile.probe(path)  # refuse what is not a dataset before copying anything
    target = local_copy_path(path, folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".copying")
    try:
        datasetfile.copy_dataset(path, partial)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PerfDeskError(
            f"无法把数据文件复制到本机（{exc}）。请检查 U 盘或网络连接，以及“{target.parent}”"
            "是否有足够空间。",
            f"Could not copy the dataset to this computer ({exc}). Check the drive or the "
            f"network, and the free space in '{target.parent}'.", file=path) from exc
    return target
