"""Each undoable command on its own: performed, undone and redone, with the dataset file read
again (through a second, read-only connection) to prove what is stored at every step; and
edits the dataset refuses, which leave the undo stack and the file as they were."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from tests.support.paths import SEED
from tests.support.storage_faults import full_disk

from perfdesk.checks import Finding, Fix, Severity
from perfdesk.core.i18n import Text
from perfdesk.core.model import Indicator, Project
from perfdesk.gui import commands
from perfdesk.gui.document import DatasetDocument
from perfdesk.services.dataset import Dataset


def on_disk(document) -> dict:
    """What the file holds, read afresh through a second connection."""
    with Dataset.open(document.path, read_only=True) as ds:
        info = ds.info
        return {
            "tree": [(d.name, [u.name for u in ds.units(d.uuid)]) for d in ds.departments()],
            "projects": {p.uuid: p.model_dump() for p in ds.load_projects()},
            "info": (info.title, info.budget_year, info.profile, info.settings),
        }


def indicators(state, project) -> list[tuple]:
    return [(i["name"], i["level1"], i["target"])
            for i in state["projects"][project.uuid]["indicators"]]


@pytest.fixture
def document(gui, new_dataset):
    dataset = new_dataset()
    doc = DatasetDocument(dataset)
    yield doc
    doc.undo_stack.clear()


@pytest.fixture
def project(document):
    """A project of three indicators, added behind the undo stack's back."""
    project = Project(name="网格化服务经费", department="测试主管部门", unit="测试预算单位",
                      indicators=[Indicator(name=n, level1="产出指标") for n in "甲乙丙"])
    document.dataset.add_projects([project])
    return project


def performed_undone_redone(document, command) -> tuple[dict, dict]:
    """Push ``command``; check that undo puts the file back and redo does it again exactly.
    Returns the file before and after."""
    before = on_disk(document)
    steps = document.undo_stack.count()
    assert document.push(command)
    assert document.undo_stack.count() == steps + 1
    after = on_disk(document)
    assert after != before
    document.undo_stack.undo()
    assert on_disk(document) == before
    document.undo_stack.redo()
    assert on_disk(document) == after
    document.undo_stack.undo()
    assert on_disk(document) == before
    document.undo_stack.redo()
    return before, after


# --- one test per command -------------------------------------------------------------------


def test_edit_project(document, project):
    _before, after = performed_undone_redone(document, commands.EditProject(
        document, project.uuid, {"annual_total": "１２,３４５.６", "attribute": "新增项目"}))
    stored = after["projects"][project.uuid]
    assert (stored["annual_total"], stored["attribute"]) == (Decimal("12345.6"), "新增项目")


def test_typing_in_one_field_merges_into_one_undo_step(document, project):
    session = object()
    for text in ("完成", "完成培训", "完成培训10场"):
        document.push(commands.EditProject(document, project.uuid, {"annual_goal": text},
                                           session=session))
    assert document.undo_stack.count() == 1
    assert on_disk(document)["projects"][project.uuid]["annual_goal"] == "完成培训10场"
    document.undo_stack.undo()
    assert on_disk(document)["projects"][project.uuid]["annual_goal"] == ""
    document.undo_stack.redo()
    assert on_disk(document)["projects"][project.uuid]["annual_goal"] == "完成培训10场"


def test_edit_indicator(document, project):
    uuid = project.indicators[1].uuid
    _before, after = performed_undone_redone(document, commands.EditIndicator(
        document, project.uuid, uuid, {"nature": "定量", "comparator": "≥", "target": "９５",
                                       "unit": "%"}))
    assert indicators(after, project)[1] == ("乙", "产出指标", Decimal("95"))


def test_add_indicators(document, project):
    pasted = [Indicator(name="粘贴一"), Indicator(name="粘贴二")]
    before, after = performed_undone_redone(document, commands.AddIndicators(
        document, project.uuid, pasted, 1))
    assert [n for n, *_ in indicators(after, project)] == ["甲", "粘贴一", "粘贴二", "乙", "丙"]
    assert [n for n, *_ in indicators(before, project)] == ["甲", "乙", "丙"]


def test_delete_indicators(document, project):
    chosen = [project.indicators[0].uuid, project.indicators[2].uuid]
    _before, after = performed_undone_redone(document, commands.DeleteIndicators(
        document, project.uuid, chosen))
    assert [n for n, *_ in indicators(after, project)] == ["乙"]
    document.undo_stack.undo()  # back in their places, with their identities
    assert [i.uuid for i in document.project(project.uuid).indicators] == [
        i.uuid for i in project.indicators]


def test_move_indicator(document, project):
    _before, after = performed_undone_redone(document, commands.MoveIndicator(
        document, project.uuid, project.indicators[2].uuid, 0))
    assert [n for n, *_ in indicators(after, project)] == ["丙", "甲", "乙"]


def test_add_project(document, project):
    unit = document.units()[0].uuid
    new = Project(name="新项目", period_start=2025, period_end=2025)
    _before, after = performed_undone_redone(document, commands.AddProject(
        document, unit, new, 0))
    assert list(after["projects"]) == [new.uuid, project.uuid]


def test_delete_projects(document, project):
    _before, after = performed_undone_redone(document, commands.DeleteProjects(
        document, [project.uuid]))
    assert after["projects"] == {}


def test_move_project(document, project):
    department = document.departments()[0].uuid
    other = document.dataset.add_unit(department, "第二预算单位").added_uuids("unit")[0]
    _before, after = performed_undone_redone(document, commands.MoveProject(
        document, project.uuid, 0, other))
    assert after["projects"][project.uuid]["unit"] == "第二预算单位"


def test_add_unit_under_a_new_department(document, project):
    command = commands.AddUnit(document, " 第二主管部门 ", "区法学会", "002")
    _before, after = performed_undone_redone(document, command)
    assert after["tree"] == [("测试主管部门", ["测试预算单位"]), ("第二主管部门", ["区法学会"])]
    assert command.unit_uuid == document.units()[1].uuid


def test_add_unit_under_an_existing_department(document, project):
    _before, after = performed_undone_redone(document, commands.AddUnit(
        document, "测试主管部门", "区法学会"))
    assert after["tree"] == [("测试主管部门", ["测试预算单位", "区法学会"])]


def test_rename_department_and_unit(document, project):
    performed_undone_redone(document, commands.RenameDepartment(
        document, document.departments()[0].uuid, "改名的部门"))
    _before, after = performed_undone_redone(document, commands.RenameUnit(
        document, document.units()[0].uuid, "改名的单位"))
    assert after["tree"] == [("改名的部门", ["改名的单位"])]
    assert after["projects"][project.uuid]["unit"] == "改名的单位"


def test_delete_department_with_everything_under_it(document, project):
    document.dataset.add_projects([Project(name="另一个", department="测试主管部门",
                                           unit="第二预算单位",
                                           indicators=[Indicator(name="丁")])])
    before, after = performed_undone_redone(document, commands.DeleteDepartment(
        document, document.departments()[0].uuid))
    assert after == {**before, "tree": [], "projects": {}}


def test_delete_unit_with_its_projects(document, project):
    _before, after = performed_undone_redone(document, commands.DeleteUnit(
        document, document.units()[0].uuid))
    assert after["tree"] == [("测试主管部门", [])] and after["projects"] == {}


def test_edit_dataset_info_and_settings_together(document, project):
    _before, after = performed_undone_redone(document, commands.EditDatasetInfo(
        document, {"title": "新标题", "budget_year": 2026}, {"grades": ["好", "差"]}))
    assert after["info"] == ("新标题", 2026, "88", {"grades": ["好", "差"]})


def test_apply_fix(document, project):
    fix = Fix(Text("一级指标改为“效益指标”", "level 1 to 效益指标"),
              project_changes={"attribute": "延续项目"},
              indicator_changes={project.indicators[0].uuid: {"level1": "效益指标"},
                                 project.indicators[1].uuid: {"level1": "效益指标"}})
    finding = Finding("CAT-03", Severity.ERROR, project.uuid, None, "indicators",
                      Text("", ""), fix)
    command = commands.ApplyFix(document, finding)
    _before, after = performed_undone_redone(document, command)
    assert [l1 for _n, l1, _t in indicators(after, project)] == ["效益指标", "效益指标", "产出指标"]
    assert command.text() == "自动修正：一级指标改为“效益指标”"


def test_import_projects(document):
    from perfdesk.services.importing import read_files

    plan = document.plan_import(read_files([SEED], profile="88"))
    command = commands.ImportProjects(document, plan)
    assert command.text() == "导入 22 个项目"
    _before, after = performed_undone_redone(document, command)
    assert list(after["projects"]) == [p.uuid for p in plan.projects]
    assert after["tree"] == [("测试主管部门", ["测试预算单位"]),
                             ("中共广州市黄埔区委政法委员会（部门）", ["中共广州市黄埔区委政法委员会"])]


def test_import_projects_on_a_worker_thread(document, qtbot):
    from perfdesk.gui.jobs import JobRunner
    from perfdesk.services.importing import read_files

    runner = JobRunner(delay_ms=60000)
    plan = document.plan_import(read_files([SEED], profile="88"))
    done = []
    with qtbot.waitSignal(document.treeChanged, timeout=60000):
        job = document.push_in_background(commands.ImportProjects(document, plan), runner,
                                          title="导入", on_success=done.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=60000)
    assert job is not None and len(done[0].added_uuids("project")) == 22
    assert document.undo_stack.undoText() == "导入 22 个项目"
    assert len(on_disk(document)["projects"]) == 22
    document.undo_stack.undo()
    assert on_disk(document)["projects"] == {}
    document.undo_stack.redo()
    assert list(on_disk(document)["projects"]) == [p.uuid for p in plan.projects]


# --- refused edits --------------------------------------------------------------------------


def file_bytes(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_edit_of_a_read_only_dataset_changes_neither_stack_nor_file(gui, new_dataset):
    writable = new_dataset()
    project = Project(name="只读的项目", department="测试主管部门", unit="测试预算单位")
    writable.add_projects([project])
    path = writable.path
    writable.close()
    before = file_bytes(path)
    document = DatasetDocument(Dataset.open(path, read_only=True))
    failures = []
    document.editFailed.connect(failures.append)
    for command in (commands.EditProject(document, project.uuid, {"name": "改不了"}),
                    commands.AddIndicators(document, project.uuid, [Indicator(name="甲")], 0),
                    commands.AddUnit(document, "新部门", "新单位")):
        assert not document.push(command)
    assert document.undo_stack.count() == 0
    assert len(failures) == 3 and all("只读" in f for f in failures)
    assert document.project(project.uuid).name == "只读的项目"
    document.close()
    assert file_bytes(path) == before


def test_a_full_disk_leaves_stack_and_file_as_they_were(document, project):
    pushed = commands.EditProject(document, project.uuid, {"name": "已保存的名称"})
    assert document.push(pushed)
    before = on_disk(document)
    failures = []
    document.editFailed.connect(failures.append)
    with full_disk():
        refused = [commands.AddIndicators(document, project.uuid,
                                          [Indicator(name="一"), Indicator(name="二")], 0),
                   commands.DeleteDepartment(document, document.departments()[0].uuid),
                   commands.AddUnit(document, "新部门", "新单位")]
        assert not any(document.push(command) for command in refused)
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == pushed.text()
    assert on_disk(document) == before
    assert len(failures) == 3 and all("磁盘已满" in f for f in failures)
    assert [i.name for i in document.project(project.uuid).indicators] == ["甲", "乙", "丙"]


def test_an_undo_the_disk_refuses_is_dropped_from_the_stack(document, project):
    assert document.push(commands.DeleteIndicators(document, project.uuid,
                                                   [project.indicators[0].uuid]))
    before = on_disk(document)
    failures = []
    document.editFailed.connect(failures.append)
    with full_disk():
        document.undo_stack.undo()
    assert failures and "磁盘已满" in failures[0]
    assert document.undo_stack.count() == 0  # it no longer claims a state the file is not in
    assert on_disk(document) == before
    assert [i.name for i in document.project(project.uuid).indicators] == ["乙", "丙"]


# --- the views see what the file kept -------------------------------------------------------


def test_the_grid_and_the_form_show_the_values_the_file_kept(gui, qtbot, new_dataset):
    from perfdesk.gui.models.indicator_table_model import VALUE
    from perfdesk.gui.window.main_window import MainWindow

    dataset = new_dataset()
    project = Project(name="培训经费", department="测试主管部门", unit="测试预算单位",
                      indicators=[Indicator(name="合格率")])
    dataset.add_projects([project])
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_dataset(dataset)
    window.select_in_tree(project.uuid)
    document = window.document
    uuid = project.indicators[0].uuid
    # sent as text, as a script or a paste might: the file keeps decimals
    assert document.push(commands.EditIndicator(document, project.uuid, uuid, {
        "nature": "定量", "comparator": "≥", "target": "９５", "unit": "%"}))
    assert window.indicator_model.index(0, VALUE).data() == "95"
    assert document.project(project.uuid).indicators[0].target == Decimal("95")
    assert document.push(commands.EditProject(document, project.uuid,
                                              {"annual_total": "１２,３４５.６"}))
    assert window.ui.projectForm.ui.annualTotalEdit.text() == "12345.6"
    assert document.project(project.uuid).annual_total == Decimal("12345.6")
    document.push(commands.RenameUnit(document, document.units()[0].uuid, "区法学会"))
    assert document.project(project.uuid).unit == "区法学会"
    assert window.ui.projectForm.ui.unitValue.text() == "区法学会"
    window.close()
