"""What a check reads from a dataset file, and the certain fixes applied to one: each fix one
transaction, returning what changed; its inverse puts everything back."""

from __future__ import annotations

import pytest
from tests.support.check_samples.builders import sample
from tests.support.check_samples.detailed import row

from perfdesk.checks import Severity, check_project
from perfdesk.core.changes import INDICATOR, PROJECT, Changed
from perfdesk.core.errors import NotFoundError
from perfdesk.services.checking import check_context
from perfdesk.services.fixes import apply_fix, undo_fix


def test_context_from_a_dataset(new_dataset):
    ds = new_dataset(profile="101", year=2026)
    ds.update_settings({"min_indicators": 6})
    ds.set_reference_projects([("测试预算单位", "基层干部培训项目", "001")])
    unit = ds.units()[0].uuid
    first = sample("101", department="测试主管部门", unit="测试预算单位")
    ds.add_project(unit, first)
    ctx = check_context(ds)
    assert (ctx.profile, ctx.budget_year, ctx.min_indicators) == ("101", 2026, 6)
    assert ctx.reference_projects == (("测试预算单位", "基层干部培训项目", "001"),)
    project = ds.load_project(first.uuid)
    found = {f.rule: f for f in check_project(project, ctx)}
    assert set(found) == {"REQ-05", "HDR-04"}  # 6 indicators wanted; 2025 project in 2026
    # a second project with the same name in the same unit
    twin = sample("101")
    ds.add_project(unit, twin)
    ctx = check_context(ds)
    assert "HDR-06" in {f.rule for f in check_project(ds.load_project(twin.uuid), ctx)}


def stored(ds, **header):
    unit = ds.units()[0]
    project = sample(department="测试主管部门", unit=unit.name, **header)
    ds.add_project(unit.uuid, project)
    return project


def test_apply_fix_changes_the_dataset_and_undo_restores_it(new_dataset):
    ds = new_dataset()
    project = stored(ds)
    ds.add_indicator(project.uuid, row("质量指标", "", "设备完好率", "≥95%"))
    ctx = check_context(ds)
    finding = next(f for f in check_project(ds.load_project(project.uuid), ctx)
                   if f.rule == "CAT-02")
    changes = apply_fix(ds, finding)
    moved = ds.load_project(project.uuid).indicators[-1]
    assert (moved.level1, moved.level2) == ("产出指标", "质量指标")
    assert "CAT-02" not in {f.rule for f in check_project(ds.load_project(project.uuid), ctx)}
    log = {(c["field"], c["old"], c["new"]) for c in ds.changes(5)}
    assert ("level1", "质量指标", "产出指标") in log  # an ordinary, logged edit
    undo_fix(ds, changes)
    back = ds.load_project(project.uuid).indicators[-1]
    assert (back.level1, back.level2) == ("质量指标", "")


def test_apply_fix_on_the_project_header(new_dataset):
    ds = new_dataset()
    project = stored(ds, attribute="延续")
    ctx = check_context(ds)
    finding = next(f for f in check_project(ds.load_project(project.uuid), ctx)
                   if f.rule == "HDR-03")
    assert finding.severity is Severity.HINT
    changes = apply_fix(ds, finding)
    # what undo puts back: the old attribute, and no indicator touched
    assert changes.inverse().stored(PROJECT, project.uuid) == {"attribute": "延续"}
    assert not changes.of(Changed, INDICATOR)
    assert ds.load_project(project.uuid).attribute == "延续项目"


def test_a_failed_fix_leaves_the_dataset_as_it_was(new_dataset):
    from perfdesk.checks import Finding, Fix
    from perfdesk.core.i18n import Text

    ds = new_dataset()
    project = stored(ds)
    first = project.indicators[0].uuid
    fix = Fix(Text("测试", "test"), indicator_changes={
        first: {"level2": "质量指标"}, "no-such-indicator": {"level2": "数量指标"}})
    finding = Finding("CAT-04", Severity.ERROR, project.uuid, first, "level2", Text("", ""), fix)
    with pytest.raises(NotFoundError):
        apply_fix(ds, finding)
    assert ds.load_project(project.uuid).indicators[0].level2 == "数量指标"


def test_apply_fix_refuses_a_finding_without_fix(new_dataset):
    ds = new_dataset()
    project = stored(ds, annual_goal="")
    finding = next(f for f in check_project(ds.load_project(project.uuid),
                                            check_context(ds)) if f.rule == "GOAL-01")
    with pytest.raises(ValueError):
        apply_fix(ds, finding)
