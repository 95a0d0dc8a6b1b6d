"""Building projects for check tests: the well-formed sample of rules.md and small helpers."""

from __future__ import annotations

from decimal import Decimal

from tests.support.check_samples.detailed import row

from perfdesk.checks import CheckContext, Finding, Fix, check_project
from perfdesk.core.model import Project

D = Decimal


def sample(profile: str = "88", **header) -> Project:
    """The well-formed project of rules.md (培训场次 ≥10场, 政策知晓率 ≥90%, 参训人员满意度
    ≥90%, 人均培训成本 ≤500元/人) with a complete header."""
    if profile == "88":
        cost = row("产出指标", "成本指标", "人均培训成本", "≤500元/人", basis="预算支出标准")
    else:
        cost = row("成本指标", "经济成本指标", "人均培训成本", "≤500元/人", basis="预算支出标准")
    values = dict(
        name="基层干部培训项目", department="区委组织部", unit="区委党校", attribute="新增项目",
        period_start=2025, period_end=2025, annual_total=D("50.00"), annual_fiscal=D("45.00"),
        annual_other=D("5.00"),
        annual_goal="举办基层干部培训10场，政策知晓率达到90%以上，参训人员满意度达到90%以上。",
        indicators=[
            row("产出指标", "数量指标", "培训场次", "≥10场"),
            row("效益指标", "社会效益指标", "政策知晓率", "≥90%"),
            row("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"),
            cost,
        ])
    values.update(header)
    return Project(**values)


def context(profile: str = "88", budget_year: int | None = 2025, **kwargs) -> CheckContext:
    return CheckContext(profile=profile, budget_year=budget_year, **kwargs)


def check(project: Project, **kwargs) -> list[Finding]:
    return check_project(project, context(**kwargs))


def rules(project: Project, **kwargs) -> set[str]:
    return {f.rule for f in check(project, **kwargs)}


def of(project: Project, rule: str, **kwargs) -> list[Finding]:
    """The findings of one rule."""
    return [f for f in check(project, **kwargs) if f.rule == rule]


def one(project: Project, rule: str, **kwargs) -> Finding:
    found = of(project, rule, **kwargs)
    assert len(found) == 1, [(f.rule, f.field, str(f.message)) for f in check(project, **kwargs)]
    return found[0]


def applied(project: Project, fix: Fix) -> Project:
    """A copy of ``project`` with ``fix`` applied (what the GUI's undo command would do)."""
    indicators = []
    for ind in project.indicators:
        changes = fix.indicator_changes.get(ind.uuid)
        indicators.append(ind.model_copy(update=changes) if changes else ind)
    return project.model_copy(update={**fix.project_changes, "indicators": indicators})
