"""The GUI's item models pass Qt's model checks through edits, and typed input is understood."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QValidator

from perfdesk.gui import commands
from perfdesk.gui.checking import LiveChecker
from perfdesk.gui.document import DatasetDocument
from perfdesk.core.severity import summarise
from perfdesk.gui.widgets.findings_panel import FindingsModel, location_key
from perfdesk.gui.models.indicator_table_model import (
    COMPARATOR,
    LEVEL1,
    LEVEL2,
    NAME,
    VALUE,
    FindingsRole,
    IndicatorTableModel,
    SeverityRole,
)
from perfdesk.gui.widgets.project_form import MoneyValidator, parse_money
from perfdesk.gui.models.project_tree_model import (
    NAME_COLUMN,
    PROJECT,
    KindRole,
    ProjectTreeModel,
    SummaryRole,
    UuidRole,
)
from perfdesk.gui.models.project_filter_proxy import ProjectFilterProxy
from perfdesk.core.model import Indicator, Project


def indicator(**fields) -> Indicator:
    return Indicator(**fields)


@pytest.fixture
def document(gui, new_dataset):
    dataset = new_dataset()
    dataset.add_projects([
        Project(name="网格化服务经费", department="测试主管部门", unit="测试预算单位",
                annual_goal="完成。", indicators=[
                    indicator(level1="产出指标", level2="数量指标", name="培训场次",
                              nature="定量", comparator="≥", target=Decimal(10), unit="场"),
                    indicator(level1="项目完成指标", name="覆盖率", nature="定量",
                              comparator="≥", unit="%")]),
        Project(name="出租屋管理经费", department="第二主管部门", unit="第二预算单位"),
    ])
    doc = DatasetDocument(dataset)
    yield doc
    doc.undo_stack.clear()


@pytest.fixture
def checker(document):
    checker = LiveChecker(document)
    checker.check_all()
    checker.finish_now()
    return checker


def first_project(document) -> str:
    return document.project_entries()[0].uuid


def test_the_project_tree_model_passes_the_model_checks_through_edits(document, checker,
                                                                      qtmodeltester):
    model = ProjectTreeModel(document, checker)
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == 2
    department = model.index(0, 0)
    unit = model.index(0, 0, department)
    assert model.rowCount(unit) == 1 and model.index(0, 0, unit).data(KindRole) == PROJECT
    uuid = first_project(document)
    unit_uuid = document.dataset.units()[0].uuid
    project = Project(name="新项目")
    document.push(commands.AddProject(document, unit_uuid, project, 0))
    assert model.index(0, 0, unit).data() == "新项目"
    document.push(commands.EditProject(document, uuid, {"name": "改名的项目"}))
    assert model.index(1, 0, unit).data() == "改名的项目"
    document.push(commands.DeleteProjects(document, [uuid]))
    assert model.rowCount(unit) == 1
    document.undo_stack.undo()
    assert model.rowCount(unit) == 2 and model.index(1, 0, unit).data() == "改名的项目"
    document.push(commands.AddUnit(document, "第三主管部门", "第三预算单位"))
    assert model.rowCount() == 3
    document.undo_stack.undo()
    assert model.rowCount() == 2


def test_badges_add_up_from_projects_to_their_unit_and_department(document, checker):
    model = ProjectTreeModel(document, checker)
    department = model.index(0, 0)
    unit = model.index(0, 0, department)
    project = model.index(0, 0, unit)
    own = project.data(SummaryRole)
    assert own == summarise(checker.findings(project.data(UuidRole)))
    assert own.errors >= 1 and own.warnings >= 1  # ROW-01, CAT-03 among them
    assert unit.data(SummaryRole) == own == department.data(SummaryRole)  # its only project
    second = model.index(0, 0, model.index(0, 0, model.index(1, 0)))
    rules = {f.rule for f in checker.findings(second.data(UuidRole))}
    assert {"GOAL-01", "EXP-01"} <= rules
    assert second.data(SummaryRole).errors == len(
        [f for f in checker.findings(second.data(UuidRole)) if f.severity.value == "error"])


def test_the_filter_proxy_passes_the_model_checks(document, checker, qtmodeltester):
    model = ProjectTreeModel(document, checker)
    proxy = ProjectFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=False)
    proxy.set_text("出租屋")
    assert proxy.rowCount() == 1
    proxy.set_text("")
    proxy.set_level(ProjectFilterProxy.PROBLEMS)
    assert proxy.rowCount() == 2
    proxy.set_level(ProjectFilterProxy.ALL)
    assert proxy.rowCount() == 2


def test_the_indicator_model_passes_the_model_checks_through_edits(document, checker,
                                                                   qtmodeltester):
    model = IndicatorTableModel(document, checker)
    uuid = first_project(document)
    model.set_project(uuid)
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == 2
    assert model.index(1, LEVEL1).data(SeverityRole) == "hint"  # CAT-03: a non-standard wording is a hint
    assert model.index(1, VALUE).data(SeverityRole) == "error"  # ROW-01: no 指标值
    assert "ROW-01" in model.index(1, VALUE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, VALUE).data(SeverityRole) == ""
    assert model.setData(model.index(1, VALUE), "≥90%")
    assert model.index(1, VALUE).data(SeverityRole) == ""
    assert model.index(1, COMPARATOR).data() == "≥"
    first, second = model.uuids()
    document.push(commands.MoveIndicator(document, uuid, second, 0))
    assert model.uuids() == [second, first]
    document.push(commands.AddIndicators(document, uuid, [Indicator(name="新指标")], 1))
    assert model.index(1, NAME).data() == "新指标"
    document.push(commands.DeleteIndicators(document, uuid, [first, second]))
    assert model.rowCount() == 1
    document.undo_stack.undo()
    assert model.uuids()[0] == second and model.uuids()[2] == first
    model.set_project(None)
    assert model.rowCount() == 0


def test_the_findings_model_passes_the_model_checks(document, checker, qtmodeltester):
    order = lambda: [e.uuid for e in document.project_entries()]  # noqa: E731
    model = FindingsModel(checker, order, lambda u: document.project(u).name,
                          lambda u: {i.uuid: n for n, i in enumerate(
                              document.project(u).indicators)})
    model.set_scope(True, None)
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == sum(len(checker.findings(u)) for u in order())
    uuid = first_project(document)
    model.set_scope(False, uuid)
    positions = {i.uuid: n for n, i in enumerate(document.project(uuid).indicators)}
    keys = [location_key(model.finding(r)[1], positions) for r in range(model.rowCount())]
    assert keys == sorted(keys)  # in reading order: header fields, then the grid row by row
    row = next(r for r in range(model.rowCount()) if model.finding(r)[1].rule == "ROW-01")
    assert model.index(row, 0).data().startswith("第 2 行 指标值：")


# --- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "state"), [
    ("", QValidator.State.Acceptable),
    ("12", QValidator.State.Acceptable),
    ("12.34", QValidator.State.Acceptable),
    ("1,234.5", QValidator.State.Acceptable),
    ("１２.５", QValidator.State.Acceptable),
    ("12.", QValidator.State.Intermediate),
    ("12.345", QValidator.State.Invalid),
    ("-3", QValidator.State.Invalid),
    ("1e3", QValidator.State.Invalid),
    ("十二", QValidator.State.Invalid),
])
def test_money_fields_accept_exact_decimals_with_at_most_two_places(gui, text, state):
    assert MoneyValidator().validate(text, len(text))[0] == state


def test_money_is_read_as_an_exact_decimal():
    assert parse_money("0.1") + parse_money("0.2") == Decimal("0.3")
    assert parse_money("1,234.50") == Decimal("1234.50")
    assert parse_money("") is None


def test_findings_role_lists_what_the_tooltip_says(document, checker):
    model = IndicatorTableModel(document, checker)
    model.set_project(first_project(document))
    [finding] = model.index(1, LEVEL1).data(FindingsRole)
    assert finding.rule == "CAT-03" and finding.fix is not None
    assert finding.fix.indicator_changes == {finding.indicator_uuid: {"level1": "产出指标"}}
    assert model.index(0, LEVEL1).data(FindingsRole) == []
    assert not model.index(0, 0, model.index(0, 0)).isValid()
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.headerData(LEVEL2, Qt.Orientation.Horizontal) == "二级"
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert NAME_COLUMN == 0


def test_renaming_a_project_rechecks_its_namesakes_in_the_unit(document, checker):
    unit = document.dataset.units()[0].uuid
    twin = Project(name="另一个项目")
    document.push(commands.AddProject(document, unit, twin))
    first = first_project(document)
    assert "HDR-06" not in {f.rule for f in checker.findings(first)}
    document.push(commands.EditProject(document, twin.uuid, {"name": "网格化服务经费"}))
    assert "HDR-06" in {f.rule for f in checker.findings(first)}  # the other one is told too
    assert "HDR-06" in {f.rule for f in checker.findings(twin.uuid)}
    document.undo_stack.undo()
    assert "HDR-06" not in {f.rule for f in checker.findings(first)}
    document.push(commands.DeleteProjects(document, [twin.uuid]))
    assert not checker.checked(twin.uuid)


def test_an_imported_indicator_shows_its_original_text_and_source(gui, new_dataset):
    dataset = new_dataset("导入.perfdesk")
    dataset.add_projects([Project(
        name="扫黑除恶专项斗争工作经费", department="测试主管部门", unit="测试预算单位",
        indicators=[indicator(level1="满意度指标", name="人民群众安全感、满意度",
                              value_text="全民提升",
                              source_text="1、满意度指标：人民群众安全感、满意度，年度指标值：全民提升。",
                              source_ref="公开表.txt，第 29 行")])])
    doc = DatasetDocument(dataset)
    model = IndicatorTableModel(doc, LiveChecker(doc))
    model.set_project(doc.project_entries()[0].uuid)
    tip = model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "导入原文：1、满意度指标：人民群众安全感、满意度，年度指标值：全民提升。" in tip
    assert "来源：公开表.txt，第 29 行" in tip
    assert model.index(0, LEVEL1).data(Qt.ItemDataRole.ToolTipRole) is None
    doc.undo_stack.clear()
