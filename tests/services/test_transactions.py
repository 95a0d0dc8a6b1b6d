"""Every edit that touches several items is one transaction: when the storage fails half-way
(a full disk), nothing of it is stored. And every edit says what the file kept, so its
inverse puts the file back exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.support.paths import SEED
from tests.support.storage_faults import fails_half_way, full_disk, snapshot

from perfdesk.checks import Finding, Fix, Severity
from perfdesk.core.changes import DEPARTMENT, PROJECT, UNIT, Added, Changed
from perfdesk.core.errors import PerfDeskError, ReadOnlyError
from perfdesk.core.i18n import Text
from perfdesk.core.model import Indicator, Project
from perfdesk.services.dataset import Dataset
from perfdesk.services.fixes import apply_fix
from perfdesk.services.importing import import_plan, plan_import, read_files


def with_projects(ds) -> tuple[Project, Project]:
    """Two units of two departments, each with a project of three indicators."""
    first = Project(name="培训经费", department="测试主管部门", unit="测试预算单位",
                    indicators=[Indicator(name=n) for n in ("甲", "乙", "丙")])
    second = Project(name="调解经费", department="第二主管部门", unit="第二预算单位",
                     indicators=[Indicator(name=n) for n in ("丁", "戊")])
    ds.add_projects([first, second])
    return first, second


def test_a_paste_of_several_indicators(new_dataset):
    ds = new_dataset()
    project, _ = with_projects(ds)
    pasted = [Indicator(name=f"粘贴{n}", target=Decimal(n)) for n in range(1, 4)]
    fails_half_way(ds, lambda: ds.add_indicators(project.uuid, pasted, position=1))


def test_deleting_a_selection_of_indicators(new_dataset):
    ds = new_dataset()
    project, _ = with_projects(ds)
    chosen = [project.indicators[0].uuid, project.indicators[2].uuid]
    fails_half_way(ds, lambda: ds.delete_indicators(chosen))


def test_restoring_a_deleted_department_with_its_units_and_projects(new_dataset):
    ds = new_dataset()
    with_projects(ds)
    department = ds.departments()[1].uuid
    ds.add_unit(department, "第二单位之二")
    ds.add_projects([Project(name="又一个", department="第二主管部门", unit="第二单位之二")])
    deleted = ds.delete_department(department)
    assert [s.entity for s in deleted] == [PROJECT, UNIT, PROJECT, UNIT, DEPARTMENT]
    fails_half_way(ds, lambda: ds.apply(deleted.inverse()))


def test_restoring_a_deleted_unit_with_its_projects(new_dataset):
    ds = new_dataset()
    with_projects(ds)
    ds.add_projects([Project(name="同单位", department="测试主管部门", unit="测试预算单位")])
    deleted = ds.delete_unit(ds.units()[0].uuid)
    fails_half_way(ds, lambda: ds.apply(deleted.inverse()))


def test_an_auto_fix_of_a_project_and_several_indicators(new_dataset):
    ds = new_dataset()
    project, _ = with_projects(ds)
    fix = Fix(Text("修正", "fix"), project_changes={"attribute": "延续项目"}, indicator_changes={
        project.indicators[0].uuid: {"level1": "产出指标"},
        project.indicators[1].uuid: {"level1": "效益指标", "level2": "社会效益指标"}})
    finding = Finding("CAT-02", Severity.ERROR, project.uuid, None, "indicators",
                      Text("", ""), fix)
    statements = fails_half_way(ds, lambda: apply_fix(ds, finding))
    assert statements >= 4  # the project, two indicators, the change log


def test_a_unit_with_the_department_it_needs(new_dataset):
    ds = new_dataset()
    fails_half_way(ds, lambda: ds.add_unit_under("新主管部门", "新预算单位", "001"))
    made = ds.add_unit_under("新主管部门", "新预算单位", "001")
    assert [s.entity for s in made.of(Added)] == [DEPARTMENT, UNIT]
    assert [d.name for d in ds.departments()] == ["测试主管部门", "新主管部门"]


def test_an_import_and_its_undo(tmp_path):
    with Dataset.create(tmp_path / "导入.perfdesk", year=2023, profile="88") as ds:
        plan = plan_import(ds, read_files([SEED], profile="88"))
        fails_half_way(ds, lambda: import_plan(ds, plan))
        imported = import_plan(ds, plan)
        assert ds.counts().projects == 22
        fails_half_way(ds, lambda: ds.apply(imported.inverse()))


def test_an_edit_returns_the_values_the_file_kept(new_dataset):
    ds = new_dataset()
    project, _ = with_projects(ds)
    changes = ds.update_project(project.uuid, annual_total="１２,３４５.６", name="培训经费")
    assert changes.stored(PROJECT, project.uuid) == {"annual_total": Decimal("12345.6")}
    [step] = ds.update_indicator(project.indicators[0].uuid, target=Decimal("1E+1")).steps
    assert isinstance(step, Changed) and step.parent == project.uuid
    assert str(step.new["target"]) == "10"  # the form the file keeps, not the one sent
    renamed = ds.update_unit(ds.units()[0].uuid, name="  改名的单位  ")
    assert renamed.stored(UNIT, ds.units()[0].uuid) == {"name": "改名的单位"}
    [added] = ds.add_projects([Project(name="新", department=" 测试主管部门 ",
                                       unit="改名的单位 ")]).steps
    assert (added.item.department, added.item.unit) == ("测试主管部门", "改名的单位")


def test_an_inverse_puts_everything_back(new_dataset):
    ds = new_dataset()
    project, _ = with_projects(ds)
    before = snapshot(ds)
    for edit in (lambda: ds.move_indicator(project.indicators[2].uuid, 0),
                 lambda: ds.move_project(project.uuid, 0, ds.units()[1].uuid),
                 lambda: ds.update_info(title="新标题", budget_year=2027,
                                        settings={"min_indicators": 5}),
                 lambda: ds.set_reference_projects([("测试预算单位", "培训经费", "01")]),
                 lambda: ds.delete_projects([project.uuid])):
        changes = edit()
        assert changes and snapshot(ds) != before
        ds.apply(changes.inverse())
        assert {k: v for k, v in snapshot(ds).items() if k != "log"} == {
            k: v for k, v in before.items() if k != "log"}


def test_a_refused_edit_changes_nothing(new_dataset, tmp_path):
    ds = new_dataset()
    project, _ = with_projects(ds)
    before = snapshot(ds)
    with full_disk():
        with pytest.raises(PerfDeskError, match="磁盘已满"):
            ds.update_project(project.uuid, name="不会保存")
    assert snapshot(ds) == before
    ds.close()
    with Dataset.open(ds.path, read_only=True) as reader:
        with pytest.raises(ReadOnlyError):
            reader.add_indicators(project.uuid, [Indicator(name="不会保存")])
        assert snapshot(reader) == before


def test_deleting_scattered_projects_closes_up_and_undo_puts_each_back(new_dataset):
    ds = new_dataset()
    ds.add_unit_under("测试主管部门", "第二预算单位")
    units = ("测试预算单位", "第二预算单位")
    projects = [Project(name=f"项目{n}", department="测试主管部门", unit=units[n % 3 == 0])
                for n in range(12)]
    ds.add_projects(projects)
    before = [(e.unit, e.name, e.position) for e in ds.project_list()]
    chosen = [projects[n].uuid for n in (7, 0, 3, 10, 4)]
    deleted = ds.delete_projects(chosen)
    assert [s.uuid for s in deleted] == chosen
    for unit in units:
        assert [e.position for e in ds.project_list() if e.unit == unit] == list(
            range(sum(e.unit == unit for e in ds.project_list())))
    ds.apply(deleted.inverse())
    assert [(e.unit, e.name, e.position) for e in ds.project_list()] == before
    fails_half_way(ds, lambda: ds.delete_projects(chosen))
