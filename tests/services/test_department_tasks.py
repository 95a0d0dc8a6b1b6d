"""A 部门整体 target's 年度主要任务: kept as rows of their own under the project, with their money
exact, each edit one transaction whose change set names the task, undone by its inverse, and
carried by a submission to the 主管部门's 汇总."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from perfdesk.core.changes import PROJECT, TASK, Added, Changed, Removed
from perfdesk.core.errors import InvalidValueError
from perfdesk.core.model import DEPARTMENT_WHOLE, Project, Task
from perfdesk.io import embedded
from perfdesk.services.submission.receive import receive
from perfdesk.services.submission.submit import changes_since_last, submit
from perfdesk.services.submission.task import dataset_from_task, make_task
from tests.support.submissions import clean_project

D = Decimal


def whole(**fields) -> Project:
    values = dict(
        name="某县林业局", kind=DEPARTMENT_WHOLE, annual_total=D("171.41"),
        project_funds=D("60.80"), basic_funds=D("110.61"), duties="负责全县林业资源保护。",
        annual_goal="保障林业局职能实现。",
        tasks=[Task(function="林业资源保护", name="森林防火", content="全年无重大火灾",
                    item="森林防火经费", total=D("49.8"), fiscal=D("49.8"), other=D("0")),
               Task(name="人员工资", item="基本支出", total=D("110.61"))])
    values.update(fields)
    return Project(**values)


def task_names(ds, uuid):
    return [t.name for t in ds.load_project(uuid).tasks]


def test_tasks_and_the_budget_split_are_stored_exactly_in_order(new_dataset):
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, whole()).added_uuids(PROJECT)[0]
    got = ds.load_project(uuid)
    assert (got.project_funds, got.basic_funds) == (D("60.80"), D("110.61"))
    assert str(got.project_funds) == "60.80" and got.duties == "负责全县林业资源保护。"
    assert [(t.function, t.name, t.content, t.item, t.total, t.fiscal, t.other)
            for t in got.tasks] == [
        ("林业资源保护", "森林防火", "全年无重大火灾", "森林防火经费", D("49.8"), D("49.8"), D("0")),
        ("", "人员工资", "", "基本支出", D("110.61"), None, None)]


def test_a_task_edit_says_what_changed_and_its_inverse_undoes_it(new_dataset):
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, whole()).added_uuids(PROJECT)[0]
    first = ds.load_project(uuid).tasks[0].uuid
    before = len(ds.changes(1000))
    changes = ds.update_task(first, total="50.20", name="森林防火和病虫害防治")
    [step] = changes.of(Changed)
    assert (step.entity, step.uuid, step.parent) == (TASK, first, uuid)
    assert step.old == {"total": D("49.8"), "name": "森林防火"}
    assert step.new == {"total": D("50.20"), "name": "森林防火和病虫害防治"}
    assert len(ds.changes(1000)) == before + 2  # one log row per field, one transaction
    assert ds.load_project(uuid).tasks[0].total == D("50.20")
    ds.apply(changes.inverse())
    assert ds.load_project(uuid).tasks[0].total == D("49.8")
    assert task_names(ds, uuid) == ["森林防火", "人员工资"]


def test_a_float_or_an_unknown_field_is_refused_and_nothing_changes(new_dataset):
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, whole()).added_uuids(PROJECT)[0]
    first = ds.load_project(uuid).tasks[0].uuid
    with pytest.raises(InvalidValueError):
        ds.update_task(first, total=49.9)
    with pytest.raises(InvalidValueError):
        ds.update_task(first, total="四十九")
    with pytest.raises(ValueError):
        ds.update_task(first, level1="产出指标")
    assert ds.load_project(uuid).tasks[0].total == D("49.8")


def test_tasks_are_added_moved_deleted_and_restored_in_place(new_dataset):
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, whole()).added_uuids(PROJECT)[0]
    added = ds.add_task(uuid, Task(name="湿地保护", total=D("5")), position=1)
    assert [s.position for s in added.of(Added)] == [1]
    assert task_names(ds, uuid) == ["森林防火", "湿地保护", "人员工资"]
    middle = added.added_uuids(TASK)[0]
    ds.move_task(middle, 0)
    assert task_names(ds, uuid) == ["湿地保护", "森林防火", "人员工资"]
    removed = ds.delete_tasks([middle])
    assert [(s.entity, s.position) for s in removed.of(Removed)] == [(TASK, 0)]
    assert task_names(ds, uuid) == ["森林防火", "人员工资"]
    ds.apply(removed.inverse())
    restored = ds.load_project(uuid).tasks[0]
    assert (restored.uuid, restored.name, restored.total) == (middle, "湿地保护", D("5"))


def test_deleting_the_target_takes_its_tasks_and_undo_brings_them_back(new_dataset):
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, whole()).added_uuids(PROJECT)[0]
    uuids = [t.uuid for t in ds.load_project(uuid).tasks]
    removed = ds.delete_project(uuid)
    assert ds.project_list() == []
    ds.apply(removed.inverse())
    assert [t.uuid for t in ds.load_project(uuid).tasks] == uuids


def test_the_export_record_keeps_every_task_field_and_an_older_record_has_none():
    project = whole()
    record = json.loads(json.dumps(embedded.project_record(project), ensure_ascii=False,
                                   default=str))  # as the export's hidden sheet keeps it
    again = embedded.project_from_record(record)
    assert again.tasks == project.tasks and again.basic_funds == D("110.61")
    assert len(embedded.project_record(clean_project())) == 2  # as before tasks were kept
    assert embedded.project_from_record(record[:2]).tasks == []
    record[2][0]["total"] = 49.8  # a number written as a float is no exact amount
    with pytest.raises(embedded.RecordError):
        embedded.project_from_record(record)


def test_a_submission_carries_the_tasks_and_the_next_one_names_their_change(tmp_path):
    tasks = tmp_path / "任务"
    tasks.mkdir()
    main, units = make_task(tasks, year=2026, profile="88", department="某某区教育局",
                            units=[("甲小学", "001")])
    stick = tmp_path / "U盘"
    stick.mkdir()
    unit = dataset_from_task(units[0], tmp_path / "甲.perfdesk")
    merged = dataset_from_task(main, tmp_path / "汇总.perfdesk")
    try:
        project = clean_project(tasks=whole().tasks, project_funds=D("60.80"),
                                basic_funds=D("110.61"))
        uuid = unit.add_project(unit.units()[0].uuid, project).added_uuids(PROJECT)[0]
        [result] = receive(merged, [submit(unit, stick).path])
        assert result.status == "received"
        got, sent = merged.load_project(uuid), unit.load_project(uuid)
        assert got.tasks == sent.tasks and len(got.tasks) == 2
        assert (got.project_funds, got.basic_funds) == (D("60.80"), D("110.61"))
        unit.update_task(sent.tasks[1].uuid, total="111")
        assert changes_since_last(unit).lines() == ["修改项目：教师培训（年度主要任务）"]
    finally:
        unit.close()
        merged.close()
