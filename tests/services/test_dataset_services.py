"""Core services: every edit is one transaction with its change-log rows, returns what changed
(whose inverse is its undo), and keeps identities (UUIDs) through delete and restore."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.core.changes import INDICATOR, PROJECT, UNIT, Moved
from perfdesk.services.dataset import Dataset
from perfdesk.core.errors import InvalidValueError, NotFoundError
from perfdesk.core.model import Indicator, Project


def names(ds, project_uuid):
    return [i.name for i in ds.load_project(project_uuid).indicators]


def test_create_with_department_and_unit(new_dataset):
    ds = new_dataset()
    assert [d.name for d in ds.departments()] == ["测试主管部门"]
    assert [u.name for u in ds.units()] == ["测试预算单位"]
    assert ds.info.budget_year == 2025 and ds.info.profile == "88"


def test_project_edits_are_logged_with_user_field_old_and_new(new_dataset):
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, Project(name="旧名称")).added_uuids(PROJECT)[0]
    changes = ds.update_project(uuid, name="新名称", annual_total=Decimal("10.50"))
    assert changes.inverse().stored(PROJECT, uuid) == {"name": "旧名称", "annual_total": None}
    log = ds.changes(10)
    updates = {(c["field"], c["old"], c["new"]) for c in log if c["action"] == "update"}
    assert ("name", "旧名称", "新名称") in updates
    assert ("annual_total", None, "10.50") in updates
    assert all(c["os_user"] is not None and c["at"] for c in log)
    # undo = write the inverse
    ds.apply(changes.inverse())
    assert ds.load_project(uuid).name == "旧名称"


def test_an_unchanged_value_writes_no_log_row(new_dataset):
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, Project(name="同名")).added_uuids(PROJECT)[0]
    before = len(ds.changes(1000))
    assert not ds.update_project(uuid, name="同名")
    assert len(ds.changes(1000)) == before


def test_indicators_keep_order_through_add_move_delete_and_restore(new_dataset):
    ds = new_dataset()
    project = ds.add_project(ds.units()[0].uuid, Project(name="p")).added_uuids(PROJECT)[0]
    a, b, c = (ds.add_indicator(project, Indicator(name=n)).added_uuids(INDICATOR)[0]
               for n in "ABC")
    ds.add_indicator(project, Indicator(name="A2"), position=1)
    assert names(ds, project) == ["A", "A2", "B", "C"]
    [moved] = ds.move_indicator(c, 0).of(Moved)
    assert moved.old_position == 3
    assert names(ds, project) == ["C", "A", "A2", "B"]
    removed = ds.delete_indicator(a)
    assert names(ds, project) == ["C", "A2", "B"]
    ds.apply(removed.inverse())
    assert names(ds, project) == ["C", "A", "A2", "B"]
    assert ds.load_project(project).indicators[1].uuid == a
    assert b in {i.uuid for i in ds.load_project(project).indicators}


def test_deleting_a_project_and_restoring_it_keeps_everything(new_dataset):
    ds = new_dataset()
    unit = ds.units()[0].uuid
    first = ds.add_project(unit, Project(name="一")).added_uuids(PROJECT)[0]
    second = ds.add_project(unit, Project(
        name="二", annual_total=Decimal("3.00"),
        indicators=[Indicator(name="x", target=Decimal("1")), Indicator(name="y")])
    ).added_uuids(PROJECT)[0]
    ds.add_project(unit, Project(name="三"))
    removed = ds.delete_project(second)
    assert [p.name for p in ds.project_list()] == ["一", "三"]
    assert ds.counts().indicators == 0
    ds.apply(removed.inverse())
    assert [p.name for p in ds.project_list()] == ["一", "二", "三"]
    back = ds.load_project(second)
    assert back.annual_total == Decimal("3.00")
    assert [i.name for i in back.indicators] == ["x", "y"]
    [gone] = removed.steps
    assert [i.uuid for i in back.indicators] == [i.uuid for i in gone.item.indicators]
    assert first in {p.uuid for p in ds.project_list()}


def test_moving_a_project_to_another_unit_and_back(new_dataset):
    ds = new_dataset()
    dept = ds.departments()[0].uuid
    u1 = ds.units()[0].uuid
    u2 = ds.add_unit(dept, "第二单位").added_uuids(UNIT)[0]
    p = ds.add_project(u1, Project(name="p")).added_uuids(PROJECT)[0]
    [moved] = ds.move_project(p, 0, unit_uuid=u2).of(Moved)
    assert ds.project_list()[0].unit == "第二单位"
    ds.move_project(p, moved.old_position, unit_uuid=moved.old_parent)
    assert ds.project_list()[0].unit == "测试预算单位"


def test_deleting_a_unit_removes_its_projects_and_restoring_brings_them_back(new_dataset):
    ds = new_dataset()
    unit = ds.units()[0].uuid
    ds.add_project(unit, Project(name="p", indicators=[Indicator(name="i")]))
    removed = ds.delete_unit(unit)
    assert ds.counts().projects == 0 and ds.counts().indicators == 0
    ds.apply(removed.inverse())
    assert ds.counts().projects == 1 and ds.counts().indicators == 1
    assert ds.units()[0].uuid == unit


def test_deleting_a_department_and_restoring_it(new_dataset):
    ds = new_dataset()
    dept = ds.departments()[0].uuid
    ds.add_project(ds.units()[0].uuid, Project(name="p"))
    removed = ds.delete_department(dept)
    assert ds.counts().departments == 0 and ds.counts().projects == 0
    ds.apply(removed.inverse())
    assert ds.counts().departments == 1 and ds.counts().projects == 1


def test_renames_and_duplicate_names(new_dataset):
    ds = new_dataset()
    dept = ds.departments()[0].uuid
    ds.update_department(dept, name="改名部门")
    assert ds.departments()[0].name == "改名部门"
    with pytest.raises(InvalidValueError):
        ds.add_department("改名部门")
    with pytest.raises(InvalidValueError):
        ds.add_unit(dept, "测试预算单位")
    with pytest.raises(InvalidValueError):
        ds.add_department("   ")


def test_add_projects_creates_departments_and_units_by_name(new_dataset):
    ds = new_dataset()
    added = ds.add_projects([
        Project(name="a", department="测试主管部门", unit="测试预算单位",
                indicators=[Indicator(name="i1"), Indicator(name="i2")]),
        Project(name="b", department="新部门", unit="新单位"),
        Project(name="c", department="新部门", unit="新单位"),
    ])
    assert len(added.added_uuids(PROJECT)) == 3 and added.indicators_added() == 2
    assert len(added.added_uuids("department")) == 1 and len(added.added_uuids(UNIT)) == 1
    assert [(p.department, p.unit, p.name) for p in ds.project_list()] == [
        ("测试主管部门", "测试预算单位", "a"), ("新部门", "新单位", "b"), ("新部门", "新单位", "c")]
    ds.apply(added.inverse())
    assert ds.counts().departments == 1 and ds.counts().projects == 0


def test_add_projects_is_all_or_nothing(new_dataset):
    ds = new_dataset()
    before = ds.counts()
    log_before = len(ds.changes(10000))
    with pytest.raises(InvalidValueError):
        ds.add_projects([
            Project(name="好的", department="部", unit="单"),
            Project(name="没有单位", department="部", unit=""),
        ])
    assert ds.counts() == before
    assert len(ds.changes(10000)) == log_before


def test_unknown_objects_are_reported(new_dataset):
    ds = new_dataset()
    with pytest.raises(NotFoundError):
        ds.update_indicator("no-such-uuid", name="x")
    with pytest.raises(NotFoundError):
        ds.load_project("no-such-uuid")


def test_settings_and_info_round_trip(new_dataset):
    ds = new_dataset()
    ds.update_settings({"GOAL-04": {"max_length": 300}})
    ds.update_info(profile="101", budget_year=2026)
    ds.close()
    with Dataset.open(ds.path) as again:
        assert again.settings() == {"GOAL-04": {"max_length": 300}}
        assert again.info.profile == "101" and again.info.budget_year == 2026


def test_every_completed_edit_is_on_disk_without_closing(new_dataset, tmp_path):
    """No save step: another reader sees an edit as soon as the call returns."""
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, Project(name="即时保存")).added_uuids(PROJECT)[0]
    with Dataset.open(ds.path, read_only=True) as reader:
        assert reader.load_project(uuid).name == "即时保存"


def test_indicator_names_for_the_completer(new_dataset):
    ds = new_dataset()
    unit = ds.units()[0].uuid
    ds.add_project(unit, Project(name="a", indicators=[Indicator(name="满意度"),
                                                       Indicator(name="场次")]))
    ds.add_project(unit, Project(name="b", indicators=[Indicator(name="满意度")]))
    assert ds.indicator_names() == ["满意度", "场次"]


def test_loaded_objects_equal_freshly_built_ones(new_dataset):
    """The fast loading path builds the same objects validation would."""
    ds = new_dataset()
    project = Project(name="p", code="c", annual_total=Decimal("1.20"), department="测试主管部门",
                      unit="测试预算单位",
                      indicators=[Indicator(name="i", target=Decimal("5"), weight=None)])
    ds.add_project(ds.units()[0].uuid, project)
    loaded = ds.load_project(project.uuid)
    assert loaded == project
    assert loaded.model_dump() == project.model_dump()
    assert Indicator(**loaded.indicators[0].model_dump()) == loaded.indicators[0]
