"""Import as a plan: the files are read once, every decision (which unit, what is refused) is
made before anything is written, and importing the plan adds exactly its projects in one
transaction whose inverse takes the import back."""

from __future__ import annotations

import pytest
from tests.support import io_tables
from tests.support.io_tables import ROWS
from tests.support.paths import SEED

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import export_disclosure
from perfdesk.services import importing
from perfdesk.services.importing import import_plan, plan_import, read_files


def unit_less_table(tmp_path):
    rows = [[r[2], r[3], r[4]] for r in ROWS]
    return io_tables.write_text(tmp_path / "单位自己的表.csv",
                                [["项目名称", "绩效目标", "绩效指标"], *rows])


def test_the_plan_places_projects_before_the_preview_and_the_import_adds_exactly_them(
        tmp_path, new_dataset, monkeypatch):
    ds = new_dataset()
    path = unit_less_table(tmp_path)
    reads = []
    real = importing.read_table
    monkeypatch.setattr(importing, "read_table",
                        lambda *args, **kwargs: reads.append(args[0]) or real(*args, **kwargs))
    plan = plan_import(ds, read_files([path, SEED], profile=ds.profile))
    assert ds.counts().projects == 0  # planning writes nothing
    assert {(p.department, p.unit) for p in plan.projects[:3]} == {("测试主管部门", "测试预算单位")}
    [placed] = plan.placements
    assert (placed.file, placed.projects, placed.unit) == (path, 3, "测试预算单位")
    assert any("唯一的预算单位“测试预算单位”" in str(n) for n in plan.notices)
    assert plan.kinds == ["disclosure", "disclosure"] and len(plan.projects) == 25

    changes = import_plan(ds, plan)
    assert reads == [path, SEED]  # each file read once, for the preview and the import alike
    stored = ds.load_projects([p.uuid for p in plan.projects])
    assert [p.model_dump() for p in stored] == [p.model_dump() for p in plan.projects]
    assert changes.indicators_added() == plan.indicators
    ds.apply(changes.inverse())
    assert ds.counts().projects == 0 and [u.name for u in ds.units()] == ["测试预算单位"]


def test_what_the_dataset_holds_already_is_found_when_planning_and_not_imported_undecided(
        tmp_path, new_dataset):
    export = export_disclosure([*read_files([SEED], profile="88")[0][1].projects],
                               tmp_path / "导出.xlsx", year=2023)
    ds = new_dataset()
    import_plan(ds, plan_import(ds, read_files([export], profile="88")))
    before = ds.counts()
    plan = plan_import(ds, read_files([export], profile="88"))
    assert len(plan.duplicates) == 22 and all(d.existing_uuid for d in plan.duplicates)
    with pytest.raises(PerfDeskError, match="已有同名项目") as raised:
        import_plan(ds, plan)
    assert "导出.xlsx" in str(raised.value) and "--duplicates" in str(raised.value)
    twice = plan_import(new_dataset("另一个.perfdesk"), read_files([export, export], profile="88"))
    assert len(twice.projects) == 22 and twice.duplicates == []
    assert any("是同一个文件，只导入一次" in str(n) for n in twice.notices)
    assert ds.counts() == before


def test_a_unit_less_table_is_refused_when_the_dataset_has_several_units(tmp_path,
                                                                        new_dataset):
    ds = new_dataset()
    ds.add_unit_under("测试主管部门", "另一个预算单位")
    with pytest.raises(PerfDeskError, match="无法确定"):
        plan_import(ds, read_files([unit_less_table(tmp_path)], profile="88"))


def test_the_clerk_places_a_unit_less_table_and_only_then_it_imports(tmp_path, new_dataset):
    from perfdesk.services.importing import place_projects

    ds = new_dataset()
    ds.add_unit_under("测试主管部门", "另一个预算单位")
    plan = plan_import(ds, read_files([unit_less_table(tmp_path)], profile="88"),
                       choose_unit=True)
    assert len(plan.unplaced) == 3 and ("测试主管部门", "另一个预算单位") in plan.units
    assert plan.layouts == ["公开表（项目名称、绩效目标、绩效指标五列）"]
    before = ds.counts()
    with pytest.raises(PerfDeskError, match="还没有选择"):
        import_plan(ds, plan)
    assert ds.counts() == before
    place_projects(ds, plan, "新的主管部门", "新的预算单位")
    import_plan(ds, plan)
    assert {(p.department, p.unit) for p in ds.load_projects()} == {("新的主管部门", "新的预算单位")}
    assert any("按所选放入“新的主管部门 / 新的预算单位”" in str(n) for n in plan.notices)


def test_the_preview_tells_a_table_without_unit_fields_from_one_whose_unit_cells_are_blank(
        tmp_path, new_dataset):
    """The import knows whether the table did not say whose projects they are (no 主管部门/
    预算单位 field at all) or left the cells it has blank, and the preview says which."""
    ds = new_dataset()
    without = unit_less_table(tmp_path)
    blank = io_tables.write_text(tmp_path / "空单位.csv",
                                 [["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
                                  *[["", "", r[2], r[3], r[4]] for r in ROWS]])
    [(_p, read_without)] = read_files([without], profile=ds.profile)
    [(_p, read_blank)] = read_files([blank], profile=ds.profile)
    assert set(read_without.unstated.values()) == {frozenset({"department", "unit"})}
    assert len(read_without.unstated) == 3 and read_blank.unstated == {}
    notices = [str(n) for n in plan_import(ds, [(without, read_without)]).notices]
    assert any("表格没有主管部门或预算单位栏" in n for n in notices)
    notices = [str(n) for n in plan_import(ds, [(blank, read_blank)]).notices]
    assert any("主管部门或预算单位一栏为空" in n for n in notices)


def unit_only_table(tmp_path, unit="东莞市交通运输局"):
    """A form that names its 预算单位 and no 主管部门 (c07: 预算单位：东莞市交通运输局)."""
    rows = [[r[2], r[3], r[4]] for r in ROWS]
    return io_tables.write_text(tmp_path / "只有预算单位.csv",
                                [["预算单位", "项目名称", "绩效目标", "绩效指标"],
                                 *[[unit, *r] for r in rows]])


def test_a_table_naming_a_unit_the_dataset_holds_goes_under_that_units_department(
        tmp_path, new_dataset):
    ds = new_dataset()
    ds.add_unit_under("东莞市交通运输局（部门）", "东莞市交通运输局")
    ds.add_unit_under("东莞市教育局", "东莞中学")
    plan = plan_import(ds, read_files([unit_only_table(tmp_path)], profile=ds.profile))
    assert plan.unplaced == []
    assert {(p.department, p.unit) for p in plan.projects} == {
        ("东莞市交通运输局（部门）", "东莞市交通运输局")}
    assert any("预算单位“东莞市交通运输局”在数据文件中属于主管部门“东莞市交通运输局（部门）”" in str(n)
               for n in plan.notices)
    import_plan(ds, plan)
    assert len(ds.units()) == 3  # no new unit: the one the dataset had


def test_a_table_naming_a_new_unit_goes_under_the_only_department_and_says_so(
        tmp_path, new_dataset):
    ds = new_dataset()  # one department, one unit (测试主管部门 / 测试预算单位)
    plan = plan_import(ds, read_files([unit_only_table(tmp_path)], profile=ds.profile))
    assert {(p.department, p.unit) for p in plan.projects} == {
        ("测试主管部门", "东莞市交通运输局")}
    notices = [str(n) for n in plan.notices]
    assert any("预算单位“东莞市交通运输局”已放在数据文件中唯一的主管部门“测试主管部门”下" in n
               for n in notices)
    assert not any("唯一的预算单位" in n for n in notices)  # it is not put under 测试预算单位


def test_a_table_naming_a_unit_the_dataset_cannot_place_is_offered_with_that_unit(
        tmp_path, new_dataset):
    from perfdesk.services.importing import place_projects, table_owner

    ds = new_dataset()
    ds.add_unit_under("东莞市教育局", "东莞中学")
    plan = plan_import(ds, read_files([unit_only_table(tmp_path)], profile=ds.profile),
                       choose_unit=True)
    assert len(plan.unplaced) == 3
    assert table_owner(plan.unplaced) == ("", "东莞市交通运输局")  # offered first
    place_projects(ds, plan, "东莞市交通运输局（部门）", "东莞市交通运输局")
    import_plan(ds, plan)
    assert {(p.department, p.unit) for p in ds.load_projects()} == {
        ("东莞市交通运输局（部门）", "东莞市交通运输局")}


def test_a_department_code_the_table_gives_is_stored_with_a_new_department_and_comes_back(
        tmp_path, new_dataset):
    # 主管部门及代码 169国家林业局: the code is kept, as the unit's is, and travels with the
    # project; a department the dataset holds already keeps its own code
    ds = new_dataset()
    rows = [[r[2], r[3], r[4]] for r in ROWS]
    path = io_tables.write_text(tmp_path / "带编码.csv",
                                [["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
                                 *[["[169]国家林业局", "169001-造林司", *r] for r in rows]])
    [(_p, read)] = read_files([path], profile=ds.profile)
    assert {(p.department, p.department_code, p.unit, p.unit_code) for p in read.projects} == {
        ("国家林业局", "169", "造林司", "169001")}
    import_plan(ds, plan_import(ds, [(path, read)]))
    assert {(p.department, p.department_code) for p in ds.load_projects()} == {("国家林业局", "169")}
    assert [d.code for d in ds.departments() if d.name == "国家林业局"] == ["169"]
