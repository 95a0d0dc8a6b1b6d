"""Dataset files from elsewhere: foreign schema objects, a -wal that is not theirs, damaged pages,
pipes, a full disk, a file moved away while open. Each ends in a plain message, never in an
internal error, and leaves every file exactly as it was."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from perfdesk.core.errors import NotADatasetError, PerfDeskError
from perfdesk.core.model import Indicator, Project
from perfdesk.services.dataset import Dataset
from perfdesk.storage import inspection
from perfdesk.storage.lock import lock_path
from tests.support.cli import run_cli
from tests.support.paths import ROOT


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def make(path: Path, projects: int = 20) -> Path:
    with Dataset.create(path, year=2025, profile="88", department="部门", unit="单位") as ds:
        ds.add_projects([Project(name=f"项目{i}", department="部门", unit="单位",
                                 indicators=[Indicator(level1="产出指标", name=f"指标{i}")])
                         for i in range(projects)])
    return path


def tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


# --- schema objects PerfDesk never makes --------------------------------------------------------


@pytest.mark.parametrize("sql, named", [
    ("CREATE TRIGGER rename_all AFTER UPDATE ON project BEGIN "
     "UPDATE project SET name = 'x'; END", "触发器“rename_all”"),
    ("CREATE VIEW everything AS SELECT * FROM project", "视图“everything”"),
    ("CREATE TABLE stolen (secret TEXT)", "表“stolen”"),
    ("CREATE INDEX ix_sneaky ON project (name)", "索引“ix_sneaky”"),
    ("ALTER TABLE project ADD COLUMN extra TEXT", "表“project”的列"),
])
def test_a_file_with_foreign_schema_objects_is_refused_unchanged(tmp_path, sql, named):
    path = make(tmp_path / "别人的.perfdesk")
    tamper(path, sql)
    before = fingerprint(tmp_path)
    for read_only in (False, True):
        with pytest.raises(NotADatasetError) as refused:
            Dataset.open(path, read_only=read_only)
        assert named in str(refused.value) and "文件保持原样" in str(refused.value)
    assert fingerprint(tmp_path) == before
    assert not lock_path(path).exists()


def test_a_trigger_never_runs_because_the_file_is_never_opened_for_edits(tmp_path):
    path = make(tmp_path / "d.perfdesk")
    tamper(path, "CREATE TRIGGER t AFTER INSERT ON indicator BEGIN DELETE FROM indicator; END")
    result = run_cli("import", str(ROOT / "resources" / "samples" / "000_05425078e2155506.txt"),
                     "--into", str(path))
    assert result.returncode == 2 and "触发器“t”" in result.stderr
    assert "Traceback" not in result.stderr and "内部错误" not in result.stderr
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM indicator").fetchone()[0] == 20
    conn.close()


def test_connections_do_not_trust_the_schema(new_dataset):
    ds = new_dataset()
    with ds._store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0


# --- the write-ahead log ----------------------------------------------------------------------


def _unclosed_edit(path: Path, sql: str) -> Path:
    """Leave an edit in ``path``'s -wal as a killed process would; returns the -wal."""
    code = textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute({sql!r})
        os._exit(0)  # no checkpoint, no clean close: the edit stays in the log
    """)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    wal = inspection.wal_path(path)
    assert wal.stat().st_size > inspection.WAL_HEADER
    return wal


def test_a_log_left_by_a_crash_is_kept_and_its_edit_read(tmp_path):
    path = make(tmp_path / "d.perfdesk")
    _unclosed_edit(path, "UPDATE project SET name = '崩溃前的修改' WHERE name = '项目3'")
    with Dataset.open(path, read_only=True) as ds:
        assert "崩溃前的修改" in [e.name for e in ds.project_list()]
    with Dataset.open(path) as ds:
        assert "崩溃前的修改" in [e.name for e in ds.project_list()]


def test_a_log_from_another_dataset_is_refused_and_both_files_left_alone(tmp_path):
    victim = make(tmp_path / "victim" / "本单位.perfdesk", projects=5)
    other = make(tmp_path / "other" / "别的单位.perfdesk", projects=60)
    foreign = _unclosed_edit(other, "UPDATE project SET name = name || '（改）'")
    shutil.copyfile(foreign, inspection.wal_path(victim))
    before = fingerprint(victim.parent)
    for read_only in (True, False):
        with pytest.raises(NotADatasetError) as refused:
            Dataset.open(victim, read_only=read_only)
        assert "-wal" in str(refused.value) and "不属于" in str(refused.value)
    assert fingerprint(victim.parent) == before
    result = run_cli("info", str(victim))
    assert result.returncode == 2 and "不属于" in result.stderr


# --- damaged pages, files from elsewhere --------------------------------------------------------


def test_a_damaged_file_from_elsewhere_is_refused_at_once_not_in_the_middle(tmp_path):
    path = make(tmp_path / "本机.perfdesk", projects=200)
    copy = tmp_path / "U盘来的.perfdesk"
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3:page * 4] = bytes(page)  # one page of the project table zeroed
    copy.write_bytes(bytes(data))
    before = fingerprint(tmp_path)
    with pytest.raises(NotADatasetError, match="数据文件已损坏"):
        Dataset.open(copy, read_only=True)
    result = run_cli("check", str(copy))
    said = result.stdout + result.stderr
    assert result.returncode == 2 and "数据文件已损坏" in said and "第 4 页" in said
    assert "内部错误" not in said and "btree" not in said
    assert fingerprint(tmp_path) == before


def test_a_file_this_pc_wrote_last_opens_without_a_page_check(tmp_path, monkeypatch):
    path = make(tmp_path / "d.perfdesk")
    checked = []
    monkeypatch.setattr(inspection, "quick_check", lambda conn, p: checked.append(p))
    Dataset.open(path).close()
    assert checked == []
    shutil.copyfile(path, tmp_path / "copy.perfdesk")
    Dataset.open(tmp_path / "copy.perfdesk", read_only=True).close()
    assert checked == [tmp_path / "copy.perfdesk"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    pipe = tmp_path / "管道.perfdesk"
    os.mkfifo(pipe)
    with pytest.raises(NotADatasetError, match="不是一个普通文件"):
        Dataset.open(pipe, read_only=True)
    result = run_cli("check", str(pipe))
    assert result.returncode == 2 and "不是一个普通文件" in result.stdout + result.stderr


# --- the disk fills up, the file goes away ------------------------------------------------------


def test_no_lock_file_stays_when_the_disk_is_full(new_dataset, monkeypatch):
    ds = new_dataset()
    path = ds.path
    ds.close()
    real_open = open

    class Full:
        def __init__(self, handle):
            self._handle = handle

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self._handle, name)

    def full_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        return Full(handle) if str(file).endswith(".lock") and "a" in mode else handle

    monkeypatch.setattr("builtins.open", full_open)
    with pytest.raises(PerfDeskError, match="磁盘已满") as refused:
        Dataset.open(path)
    assert "内部错误" not in str(refused.value)
    assert not lock_path(path).exists()


def test_an_edit_to_a_dataset_renamed_while_open_is_refused(new_dataset):
    ds = new_dataset()
    unit = ds.units()[0].uuid
    ds.add_project(unit, Project(name="改名前"))
    moved = ds.path.with_name("别处.perfdesk")
    os.replace(ds.path, moved)
    with pytest.raises(PerfDeskError, match="已被移动、改名或删除，修改没有保存"):
        ds.add_project(unit, Project(name="改名后"))
    assert [e.name for e in ds.project_list()] == ["改名前"]


def test_an_edit_to_a_dataset_deleted_while_open_is_refused(new_dataset):
    ds = new_dataset()
    unit = ds.units()[0].uuid
    ds.path.unlink()
    with pytest.raises(PerfDeskError, match="已被移动、改名或删除"):
        ds.add_project(unit, Project(name="丢了"))


def test_the_schema_a_file_is_held_to_is_the_one_the_migrations_make():
    """Opening a file compares its schema with a snapshot (no migration machinery loaded);
    the snapshot is what the migrations give a new file, so no foreign object slips by."""
    from perfdesk.storage.migrations import SCHEMA_VERSION

    assert inspection._SNAPSHOT_VERSION == SCHEMA_VERSION
    assert inspection.expected_schema(SCHEMA_VERSION) == \
        inspection.migrated_schema(SCHEMA_VERSION)
