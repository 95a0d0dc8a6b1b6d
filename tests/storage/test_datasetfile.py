"""The dataset file: exact decimals, connection settings, migrations, refusing what is not ours,
and one writer at a time. Every refusal must leave the file exactly as it was."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.services.dataset import Dataset
from perfdesk.core.errors import (
    DatasetLockedError,
    InvalidValueError,
    NewerSchemaError,
    PerfDeskError,
    ReadOnlyError,
)
from perfdesk.core.model import Indicator, Project
from perfdesk.storage import datasetfile
from perfdesk.storage.migrations import SCHEMA_VERSION, migrate


def fingerprint(folder: Path) -> dict[str, tuple[str, float]]:
    """Every file in the folder with its content hash and mtime."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime)
            for p in folder.iterdir() if p.is_file()}


# --- exact decimals -------------------------------------------------------------------------

def test_money_and_targets_come_back_exactly(new_dataset):
    ds = new_dataset()
    unit = ds.units()[0].uuid
    project = Project(
        name="资金项目", annual_total=Decimal("12345678.91"), annual_fiscal=Decimal("0.1"),
        annual_other=Decimal("0.2"), midterm_total=Decimal("0.30"),
        indicators=[Indicator(name="指标", nature="定量", comparator="≥",
                              target=Decimal("99.995"), unit="%", weight=Decimal("0.1"))])
    ds.add_project(unit, project)
    ds.close()
    with Dataset.open(ds.path) as again:
        back = again.load_project(project.uuid)
    assert back.annual_total == Decimal("12345678.91")
    assert str(back.annual_total) == "12345678.91"
    assert back.annual_fiscal + back.annual_other == Decimal("0.3")
    assert str(back.midterm_total) == "0.30"  # places as given are kept
    assert back.indicators[0].target == Decimal("99.995")
    assert back.indicators[0].weight == Decimal("0.1")


def test_amounts_are_stored_as_text_never_as_real(new_dataset):
    ds = new_dataset()
    project = Project(name="p", annual_total=Decimal("12345678.91"),
                      indicators=[Indicator(name="i", target=Decimal("0.3"))])
    ds.add_project(ds.units()[0].uuid, project)
    ds.close()
    conn = sqlite3.connect(ds.path)
    assert conn.execute("SELECT typeof(annual_total), annual_total FROM project").fetchone() == (
        "text", "12345678.91")
    assert conn.execute("SELECT typeof(target), target FROM indicator").fetchone() == (
        "text", "0.3")
    conn.close()


def test_floats_are_refused(new_dataset):
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, Project(name="p")).added_uuids("project")[0]
    with pytest.raises(InvalidValueError):
        ds.update_project(uuid, annual_total=0.1 + 0.2)
    with pytest.raises(ValueError):
        Project(name="p", annual_total=12.5)
    assert ds.load_project(uuid).annual_total is None


def test_amount_text_is_read_exactly(new_dataset):
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, Project(name="p")).added_uuids("project")[0]
    ds.update_project(uuid, annual_total="１２,３４５.６０")
    assert str(ds.load_project(uuid).annual_total) == "12345.60"
    with pytest.raises(InvalidValueError):
        ds.update_project(uuid, annual_total="十万")


# --- connection settings --------------------------------------------------------------------

def test_every_connection_is_safe(new_dataset):
    ds = new_dataset()
    with ds._engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") >= 1000


def test_header_marks_the_file_as_ours(new_dataset):
    ds = new_dataset()
    found = datasetfile.probe(ds.path)
    assert found.schema_version == SCHEMA_VERSION


def test_migrated_schema_equals_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import perfdesk.storage.tables  # noqa: F401  (registers the tables)

    with Dataset.create(tmp_path / "s.perfdesk", year=2025, profile="88") as ds:
        with ds._engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


# --- migrations -----------------------------------------------------------------------------

def make_old_file(path: Path, version: int, rows: str) -> None:
    """A dataset file at schema ``version`` holding ``rows`` (SQL inserts)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {datasetfile.APPLICATION_ID}")
    conn.execute("PRAGMA foreign_keys = OFF")
    migrate(conn, 0, version)
    conn.executescript(textwrap.dedent(rows))
    conn.close()


def make_v1_file(path: Path) -> None:
    """A dataset as PerfDesk's first schema wrote it, with a project and an indicator."""
    make_old_file(path, 1, """
        INSERT INTO dataset_info VALUES (1, 'ds-1', '旧数据', 2024, '88',
            '2024-01-01T00:00:00+00:00', 'clerk', '0.0.1', '{}');
        INSERT INTO department VALUES (1, 'd-1', '老部门', '', 0);
        INSERT INTO unit VALUES (1, 'u-1', 1, '老单位', '001', 0);
        INSERT INTO project (id, uuid, unit_id, position, created_at, updated_at, name, code,
            attribute, period_start, period_end, annual_total, annual_fiscal, annual_other,
            annual_goal, midterm_goal, implementing_unit, includes_transfer, source_ref)
        VALUES (1, 'p-1', 1, 0, '', '', '老项目', 'X1', '延续项目', 2023, 2025,
            '12345678.91', '12345678.61', '0.30', '年度目标', '', '', 0, '');
        INSERT INTO indicator (id, uuid, project_id, position, created_at, updated_at, level1,
            level2, name, nature, comparator, target, unit, grade, value_text, basis,
            explanation, scoring, weight, remark, level1_source, source_text, source_ref)
        VALUES (1, 'i-1', 1, 0, '', '', '产出指标', '数量指标', '培训场次', '定量', '≥', '10',
            '场', '', '', '计划标准', '', '', NULL, '', '', '', '');
    """)


def test_a_first_version_file_is_backed_up_then_upgraded_with_data_intact(tmp_path):
    path = tmp_path / "旧版.perfdesk"
    make_v1_file(path)
    original = path.read_bytes()
    with Dataset.open(path) as ds:
        assert ds.info.schema_version == SCHEMA_VERSION
        assert ds.backup is not None and ds.backup.exists()
        project = ds.load_project("p-1")
        assert project.name == "老项目" and project.unit == "老单位"
        assert project.annual_total == Decimal("12345678.91")
        assert project.no_service_recipients is False  # the column version 2 added
        assert [i.value_display() for i in project.indicators] == ["≥10场"]
        backup = ds.backup
    assert datasetfile.probe(path).schema_version == SCHEMA_VERSION
    # the backup is the old file, as it was, and still opens (read-only) as version 1 data
    assert datasetfile.probe(backup).schema_version == 1
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT name FROM project").fetchall() == [("老项目",)]
    conn.close()
    assert len(original) > 0


def make_v6_file(path: Path) -> None:
    """A dataset as schema version 6 wrote it: 项目期 in years only."""
    make_old_file(path, 6, """
        INSERT INTO dataset_info (id, dataset_uuid, title, budget_year, profile, created_at,
            created_by, app_version, check_settings)
        VALUES (1, 'ds-6', '旧数据', 2024, '88', '2024-01-01T00:00:00+00:00', 'clerk', '0.6',
            '{}');
        INSERT INTO department VALUES (1, 'd-1', '老部门', '', 0);
        INSERT INTO unit VALUES (1, 'u-1', 1, '老单位', '001', 0);
        INSERT INTO project (id, uuid, unit_id, position, created_at, updated_at, name, code,
            attribute, period_start, period_end, annual_goal, midterm_goal, implementing_unit,
            includes_transfer, source_ref)
        VALUES (1, 'p-1', 1, 0, '', '', '三年项目', '', '延续项目', 2023, 2025, '年度目标',
            '', '', 0, '');
    """)


def test_a_version_6_file_keeps_its_periods_as_years_and_takes_months_after_the_upgrade(
        tmp_path):
    path = tmp_path / "旧版6.perfdesk"
    make_v6_file(path)
    with Dataset.open(path) as ds:
        assert ds.info.schema_version == SCHEMA_VERSION == 9
        project = ds.load_project("p-1")
        assert (project.period_start, project.period_end) == (2023, 2025)
        assert project.period_start_month is None and project.period_end_month is None
        assert project.period.text() == "2023年至2025年"
        ds.update_project("p-1", period_start_month=7, period_end=2024, period_end_month=1)
        with pytest.raises(InvalidValueError):
            ds.update_project("p-1", period_end_month=13)
    with Dataset.open(path, read_only=True) as ds:
        assert ds.load_project("p-1").period.text() == "2023年7月至2024年1月"


def test_a_version_7_self_evaluation_gains_empty_budget_execution_fields_it_can_then_hold(
        tmp_path):
    path = tmp_path / "旧版7.perfdesk"
    make_old_file(path, 7, """
        INSERT INTO dataset_info (id, dataset_uuid, title, budget_year, profile, created_at,
            created_by, app_version, check_settings)
        VALUES (1, 'ds-7', '旧数据', 2024, '88', '2024-01-01T00:00:00+00:00', 'clerk', '0.7',
            '{}');
        INSERT INTO department VALUES (1, 'd-1', '老部门', '', 0);
        INSERT INTO unit VALUES (1, 'u-1', 1, '老单位', '001', 0);
        INSERT INTO project (id, uuid, unit_id, position, created_at, updated_at, name, code,
            attribute, period_start, period_end, annual_total, annual_goal, midterm_goal,
            implementing_unit, includes_transfer, source_ref, kind)
        VALUES (1, 'p-1', 1, 0, '', '', '自评项目', '', '', 2023, 2023, '43.2', '年度目标',
            '', '', 0, '', 'self_evaluation');
    """)
    with Dataset.open(path) as ds:
        assert ds.info.schema_version == SCHEMA_VERSION == 9
        project = ds.load_project("p-1")
        assert project.annual_total == Decimal("43.2")
        assert (project.initial_total, project.executed_total, project.funds_weight,
                project.funds_score, project.goal_actual) == (None, None, None, None, "")
        ds.update_project("p-1", executed_total=Decimal("37.24"), funds_weight=Decimal("10"),
                          funds_score=Decimal("9"), goal_actual="完成暖通改造")
    with Dataset.open(path, read_only=True) as ds:
        project = ds.load_project("p-1")
        assert (project.executed_total, project.funds_score) == (Decimal("37.24"), Decimal("9"))
        assert project.execution_rate == Decimal("86.20")
        assert project.goal_actual == "完成暖通改造"


def test_read_only_open_of_an_old_file_upgrades_only_a_copy_in_memory(tmp_path):
    path = tmp_path / "旧版.perfdesk"
    make_v1_file(path)
    before = fingerprint(tmp_path)
    with Dataset.open(path, read_only=True) as ds:
        assert ds.load_project("p-1").name == "老项目"
    assert fingerprint(tmp_path) == before


def test_a_file_from_a_newer_perfdesk_is_refused_and_left_untouched(new_dataset, tmp_path):
    ds = new_dataset()
    ds.close()
    conn = sqlite3.connect(ds.path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for sidecar in tmp_path.glob("*-wal"):
        sidecar.unlink()
    for sidecar in tmp_path.glob("*-shm"):
        sidecar.unlink()
    before = fingerprint(tmp_path)
    for read_only in (False, True):
        with pytest.raises(NewerSchemaError) as caught:
            Dataset.open(ds.path, read_only=read_only)
        assert "更新版本" in str(caught.value)
    assert fingerprint(tmp_path) == before


# --- refusing what is not a dataset ---------------------------------------------------------

def _xlsx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")


def _truncated(path: Path, source: Path) -> None:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(("kind", "words"), [
    ("random", "不是 PerfDesk 数据文件"),
    ("xlsx", "Excel"),
    ("empty", "空"),
    ("text", "不是 PerfDesk 数据文件"),
    ("other_sqlite", "不是 PerfDesk 数据文件"),
    ("truncated", "损坏"),
    ("folder", "文件夹"),
])
def test_what_is_not_a_dataset_is_refused_clearly_and_unchanged(tmp_path, kind, words):
    folder = tmp_path / "files"
    folder.mkdir()
    target = folder / f"{kind}.perfdesk"
    if kind == "random":
        target.write_bytes(bytes(range(256)) * 40)
    elif kind == "xlsx":
        _xlsx(target)
    elif kind == "empty":
        target.write_bytes(b"")
    elif kind == "text":
        target.write_text("主管部门\t预算单位\n", encoding="utf-8")
    elif kind == "other_sqlite":
        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
        conn.commit()
        conn.close()
    elif kind == "truncated":
        full = tmp_path / "full.perfdesk"
        with Dataset.create(full, year=2025, profile="88", department="部", unit="单") as ds:
            ds.add_projects([Project(name=f"项目{i}", department="部", unit="单",
                                     annual_goal="目标" * 500) for i in range(30)])
        _truncated(target, full)
    elif kind == "folder":
        target.mkdir()
    before = fingerprint(folder)
    with pytest.raises(PerfDeskError) as caught:
        Dataset.open(target)
    assert words in caught.value.message("zh")
    assert caught.value.message("en")  # an English message exists too
    assert fingerprint(folder) == before


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(PerfDeskError) as caught:
        Dataset.open(tmp_path / "无.perfdesk")
    assert "找不到" in str(caught.value)
    assert not (tmp_path / "无.perfdesk").exists()


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "x.perfdesk"
    path.write_text("my notes", encoding="utf-8")
    with pytest.raises(PerfDeskError):
        Dataset.create(path, year=2025, profile="88")
    assert path.read_text(encoding="utf-8") == "my notes"


@pytest.mark.parametrize(("year", "profile"), [(1999, "88"), (2025, "99")])
def test_create_refuses_nonsense(tmp_path, year, profile):
    with pytest.raises(InvalidValueError):
        Dataset.create(tmp_path / "x.perfdesk", year=year, profile=profile)
    assert not (tmp_path / "x.perfdesk").exists()


# --- one writer at a time -------------------------------------------------------------------

def test_a_second_writer_in_the_same_process_is_refused(new_dataset):
    ds = new_dataset()
    with pytest.raises(DatasetLockedError) as caught:
        Dataset.open(ds.path)
    assert "只读" in str(caught.value)  # tells the clerk about the read-only option
    with Dataset.open(ds.path, read_only=True) as reader:
        assert reader.counts().units == 1
        with pytest.raises(ReadOnlyError):
            reader.add_department("另一个部门")


def test_a_second_writer_in_another_process_is_refused_clearly(new_dataset):
    ds = new_dataset()
    ds.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from perfdesk.services.dataset import Dataset
            ds = Dataset.open({str(ds.path)!r})
            print("open", flush=True)
            sys.stdin.readline()
            ds.close()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DatasetLockedError) as caught:
            Dataset.open(ds.path)
        assert caught.value.holder.get("pid") == holder.pid
        assert "另一个 PerfDesk" in str(caught.value)
        assert "database is locked" not in str(caught.value)
        with Dataset.open(ds.path, read_only=True) as reader:
            assert reader.counts().departments == 1
    finally:
        holder.communicate("\n", timeout=60)
    with Dataset.open(ds.path) as again:  # released when the other closed
        assert again.counts().departments == 1


def test_the_lock_dies_with_a_killed_process(new_dataset):
    ds = new_dataset()
    ds.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from perfdesk.services.dataset import Dataset\n"
                               f"ds = Dataset.open({str(ds.path)!r})\nprint('open', flush=True)\n"
                               "import time\ntime.sleep(600)"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    holder.kill()
    holder.wait()
    with Dataset.open(ds.path) as again:
        assert again.counts().units == 1


def test_closing_removes_the_lock_file(new_dataset, tmp_path):
    ds = new_dataset()
    assert (tmp_path / (ds.path.name + ".lock")).exists()
    ds.close()
    assert not (tmp_path / (ds.path.name + ".lock")).exists()


def test_a_read_only_file_is_refused_for_writing_but_opens_read_only(new_dataset, tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    ds = new_dataset()
    ds.close()
    ds.path.chmod(0o444)
    try:
        with pytest.raises(PerfDeskError) as caught:
            Dataset.open(ds.path)
        assert "只读" in str(caught.value)
        with Dataset.open(ds.path, read_only=True) as reader:
            assert reader.counts().units == 1
    finally:
        ds.path.chmod(0o644)
