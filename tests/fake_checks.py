"""A few check rules with the exact shapes of the perfdesk.checks contract (issue 4).

The GUI tests drive the live checking with it until perfdesk.checks lands on main; it
implements only what the tests look at: HDR-01, GOAL-01, FUND-01, REQ-01, CAT-03 (with a fix),
VAL-01 and VAL-03 (with a fix).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from perfdesk.i18n import Text
from perfdesk.taxonomy import LEVEL1_ALIASES, QUANTITATIVE


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"


@dataclass(frozen=True)
class Fix:
    label: Text
    project_changes: dict[str, Any] = field(default_factory=dict)
    indicator_changes: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    project_uuid: str
    indicator_uuid: str | None
    field: str
    message: Text
    fix: Fix | None = None


@dataclass(frozen=True)
class CheckContext:
    profile: str = "88"
    budget_year: int = 2025

    @classmethod
    def from_dataset(cls, dataset) -> "CheckContext":
        return cls(dataset.profile, dataset.info.budget_year)


def check_project(project, context: CheckContext) -> list[Finding]:
    found: list[Finding] = []

    def add(rule, severity, field, zh, en, indicator=None, fix=None):
        found.append(Finding(rule, severity, project.uuid, indicator, field, Text(zh, en), fix))

    if not project.name.strip():
        add("HDR-01", Severity.ERROR, "name", "项目名称为空：请填写项目名称。",
            "The project name is empty: fill it in.")
    if not project.annual_goal.strip():
        add("GOAL-01", Severity.ERROR, "annual_goal", "年度目标为空：请写出本年度的目标。",
            "The annual goal is empty: write this year's goal.")
    parts = [p for p in (project.annual_fiscal, project.annual_other) if p is not None]
    if project.annual_total is not None and parts and sum(parts) != project.annual_total:
        add("FUND-01", Severity.ERROR, "annual_total",
            "年度资金总额不等于财政拨款与其他资金之和：请核对金额。",
            "The annual total is not the sum of its parts: check the amounts.")
    if not any(i.level1 == "产出指标" for i in project.indicators):
        add("REQ-01", Severity.ERROR, "indicators", "没有产出指标：请至少填写一个产出指标。",
            "No output indicator: add at least one.")
    for indicator in project.indicators:
        if indicator.level1 in LEVEL1_ALIASES:
            standard = LEVEL1_ALIASES[indicator.level1]
            add("CAT-03", Severity.WARNING, "level1",
                f"一级指标“{indicator.level1}”不是标准名称：应为“{standard}”。",
                f"'{indicator.level1}' is not the standard name: use '{standard}'.",
                indicator.uuid, Fix(Text(f"改为“{standard}”", f"Change to '{standard}'"),
                                    indicator_changes={indicator.uuid: {"level1": standard}}))
        if indicator.nature == QUANTITATIVE and indicator.target is None:
            add("VAL-01", Severity.ERROR, "value", "定量指标没有数值：请填写指标值。",
                "A quantitative indicator without a number: fill in the target.",
                indicator.uuid)
        if ">=" in indicator.value_text:
            add("VAL-03", Severity.HINT, "value", "指标值中的“>=”应写作“≥”。",
                "Write '>=' as '≥'.", indicator.uuid,
                Fix(Text("改为“≥”", "Use '≥'"),
                    indicator_changes={indicator.uuid: {"value_text": ""}}))
    return found


def check_projects(projects, context: CheckContext) -> dict[str, list[Finding]]:
    return {p.uuid: check_project(p, context) for p in projects}
