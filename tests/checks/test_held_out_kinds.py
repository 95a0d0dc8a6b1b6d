"""Defects a reviewer sends back on the corpus-f held-out tables that no rule caught at first
sight (issue 12), each on made-up rows of the same kind: staff counts as outputs (IN-01), a
quantity counted in years (UNIT-01), a wage paid right set below 100% (VAL-16), the state of a
management system with a bare percentage (VAL-14), a rate that says nothing of time under 时效指标
(FIT-01); and the near misses each rule must leave alone."""

from __future__ import annotations

import pytest
from tests.checks.test_real_tables import COST, EFFECT, OUTPUT, SATISFIED, form
from tests.support.check_samples.builders import check

from perfdesk.checks import Severity
from perfdesk.core.model import Project


def findings_on(project: Project, name: str) -> dict[str, Severity]:
    uuid = next(i.uuid for i in project.indicators if i.name == name)
    return {f.rule: f.severity for f in check(project) if f.indicator_uuid == uuid}


def with_row(row: tuple, **header) -> Project:
    return form(OUTPUT, EFFECT, SATISFIED, COST, row, **header)


@pytest.mark.parametrize("name, fires", [
    ("保障在职职工人数", True), ("退休人员数", True), ("保障遗属人数", True), ("在编人员人数", True),
    ("受益群众人数", False), ("培训人员人数", False), ("保障就业人数", False)])
def test_in01_the_staff_a_budget_pays_counted_as_its_output(name, fires):
    project = with_row(("产出指标", "数量指标", name, "＝", "116", "人"))
    assert ("IN-01" in findings_on(project, name)) is fires


@pytest.mark.parametrize("name, unit, fires", [
    ("制作宣传横幅、公益宣传牌等", "年", True), ("印制宣传手册", "月", True),
    ("免费开放天数", "天", False), ("设备使用年限", "年", False), ("培训课时", "小时", False),
    ("制作宣传横幅", "条", False)])
def test_unit01_a_quantity_counted_in_years_or_months(name, unit, fires):
    project = with_row(("产出指标", "数量指标", name, "＝", "1", unit))
    assert ("UNIT-01" in findings_on(project, name)) is fires
    # a time unit under 时效指标 is what it should be (≥1年 is TIME-01's to judge)
    timely = with_row(("产出指标", "时效指标", name, "≤", "1", unit))
    assert "UNIT-01" not in findings_on(timely, name)


@pytest.mark.parametrize("name, value, fires", [
    ("工资发放准确性(%)", "95", True), ("工资发放准确率", "98", True), ("村干部报酬发放率", "90", True),
    ("工资发放准确率", "100", False), ("公文处理准确率", "95", False)])
def test_val16_wages_paid_right_are_owed_in_full(name, value, fires):
    project = with_row(("产出指标", "质量指标", name, "≥", value, "%"))
    assert ("VAL-16" in findings_on(project, name)) is fires


@pytest.mark.parametrize("name, fires", [
    ("免费开放管理制度健全、执行有效性", True), ("长效管理机制健全", True), ("资金管理制度完善性", True),
    ("制度执行率", False), ("管理人员到岗率", False)])
def test_val14_the_state_of_a_management_system_with_a_bare_percentage(name, fires):
    project = with_row(("产出指标", "质量指标", name, "", "100", "%"))
    assert ("VAL-14" in findings_on(project, name)) is fires


@pytest.mark.parametrize("name, fires", [
    ("免费开放率", True), ("应急保障率", True),
    ("项目按期完成率", False), ("项目按计划完成率", False), ("资金当年下达率", False),
    ("項目完成及時率", False), ("月度巡查完成率", False)])
def test_fit01_a_rate_under_timeliness_that_says_nothing_of_time(name, fires):
    project = with_row(("产出指标", "时效指标", name, "", "100", "%"))
    found = findings_on(project, name)
    assert ("FIT-01" in found) is fires
    if fires:  # where a province files such rates is not certain: a hint, never an error
        assert found["FIT-01"] is Severity.HINT
