"""Importing what the dataset already holds: never doubled, skipped or replaced silently.

The same table imported again, one file named twice, an export re-imported, two files holding
the same project, one table holding a project twice: the plan finds each, the import is refused until the clerk chooses, and each
choice does exactly what it says, as one undoable step.
"""

from __future__ import annotations

import pytest

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import export_disclosure
from perfdesk.services.importing import import_files, import_plan, plan_import, read_files
from tests.support.cli import run_cli
from tests.support.paths import SEED


def seed_into(ds):
    import_files(ds, [SEED])
    return {e.name: e.uuid for e in ds.project_list()}


def test_the_same_table_imported_again_is_refused_until_the_clerk_chooses(new_dataset):
    ds = new_dataset()
    seed_into(ds)
    before = ds.counts()
    with pytest.raises(PerfDeskError) as refused:
        import_files(ds, [SEED])
    assert "22 个项目已有同名项目" in str(refused.value) and "skip" in str(refused.value)
    assert ds.counts() == before


def test_skip_keeps_the_dataset_as_it_is(new_dataset):
    ds = new_dataset()
    first = seed_into(ds)
    added, notices = import_files(ds, [SEED], duplicates="skip")
    assert added.project_uuids == [] and ds.counts().projects == 22
    assert {e.name: e.uuid for e in ds.project_list()} == first
    assert any("跳过" in str(n) for n in notices)


def test_replace_puts_the_tables_version_in_place_keeping_identity(new_dataset):
    ds = new_dataset()
    first = seed_into(ds)
    name = next(iter(first))
    ds.update_project(first[name], annual_goal="在数据文件里改过的目标")
    order = [e.name for e in ds.project_list()]
    changes = import_files(ds, [SEED], duplicates="replace")[0].changes
    entries = ds.project_list()
    assert [e.name for e in entries] == order  # each in its old place
    assert {e.name: e.uuid for e in entries} == first  # same uuids: comments still point right
    assert ds.load_project(first[name]).annual_goal != "在数据文件里改过的目标"
    ds.apply(changes.inverse())  # one undo takes the whole replacement back
    assert ds.load_project(first[name]).annual_goal == "在数据文件里改过的目标"
    assert ds.counts().projects == 22


def test_keep_both_adds_a_second_copy_with_its_own_identity(new_dataset, tmp_path):
    ds = new_dataset()
    seed_into(ds)
    export = export_disclosure(ds.load_projects(), tmp_path / "导出.xlsx", year=2025)
    added, _ = import_files(ds, [export], duplicates="keep")  # an export: the same uuids
    assert len(added.project_uuids) == 22 and ds.counts().projects == 44
    assert len({e.uuid for e in ds.project_list()}) == 44


def test_two_files_holding_the_same_project_are_duplicates_of_each_other(new_dataset, tmp_path):
    ds = new_dataset()
    copy = tmp_path / "同一张表改了名.txt"
    copy.write_bytes(SEED.read_bytes() + "\n".encode())  # another file, the same projects
    plan = plan_import(ds, read_files([SEED, copy], profile="88"))
    assert len(plan.duplicates) == 22
    assert all(d.earlier_file == SEED for d in plan.duplicates)
    plan.decide("replace")
    import_plan(ds, plan)
    assert ds.counts().projects == 22


def _table_holding_one_project_twice(tmp_path):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("主管部门"))
    rows = [line for line in lines[heading + 1:] if line.count("\t") >= 4][:2]
    table = tmp_path / "同一项目写了两遍.txt"
    table.write_text("\n".join([lines[heading], rows[0], rows[0], rows[1]]) + "\n",
                     encoding="utf-8")
    return table, rows[0].split("\t")[2]


def test_a_table_holding_one_project_twice_is_said_so_and_waits_for_a_choice(new_dataset,
                                                                             tmp_path):
    ds = new_dataset()
    table, name = _table_holding_one_project_twice(tmp_path)
    before = ds.counts()
    with pytest.raises(PerfDeskError) as refused:
        import_files(ds, [table])
    assert f"如“{name}”已在同一个表的前面" in str(refused.value)
    assert ds.counts() == before
    plan = plan_import(ds, read_files([table], profile="88"))
    [twice] = plan.duplicates
    assert twice.earlier_file == table and twice.project.name == name
    assert any("同一个表中前面已有同名项目" in str(n) for n in plan.notices)
    plan.decide("skip")
    import_plan(ds, plan)
    assert sorted(e.name for e in ds.project_list()).count(name) == 1
    assert ds.counts().projects == 2


def test_keeping_both_copies_of_a_project_a_table_holds_twice(new_dataset, tmp_path):
    ds = new_dataset()
    table, name = _table_holding_one_project_twice(tmp_path)
    import_files(ds, [table], duplicates="keep")
    assert [e.name for e in ds.project_list()].count(name) == 2
    assert len({e.uuid for e in ds.project_list()}) == 3


def test_the_command_line_refuses_then_follows_the_choice(tmp_path):
    path = tmp_path / "d.perfdesk"
    assert run_cli("new", str(path), "--year", "2025").returncode == 0
    assert run_cli("import", str(SEED), "--into", str(path)).returncode == 0
    again = run_cli("import", str(SEED), "--into", str(path))
    assert again.returncode == 2 and "--duplicates" in again.stderr
    skipped = run_cli("import", str(SEED), str(SEED), "--into", str(path), "--duplicates", "skip")
    assert skipped.returncode == 0 and "只导入一次" in skipped.stdout
    info = run_cli("info", str(path))
    assert "22" in [line.split()[-1] for line in info.stdout.splitlines() if "项目" in line]
