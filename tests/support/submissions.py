"""Projects and datasets for the 报送/汇总 tests: a clean project, one with a warning."""

from __future__ import annotations

from decimal import Decimal

from perfdesk.core.model import Indicator, Project


def clean_project(name: str = "教师培训", **fields) -> Project:
    """A project the checks find nothing wrong with."""
    values = dict(
        name=name, attribute="延续项目", period_start=2026, period_end=2026,
        annual_total=Decimal("12.00"), annual_fiscal=Decimal("12.00"),
        annual_other=Decimal("0"),
        annual_goal="2026年完成全区教师培训10期，培训教师500人次，参训教师满意度达到90%以上。",
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", name="培训期数", nature="定量",
                      comparator="≥", target=Decimal("10"), unit="期", basis="计划标准"),
            Indicator(level1="产出指标", level2="质量指标", name="培训合格率", nature="定量",
                      comparator="≥", target=Decimal("95"), unit="%", basis="计划标准"),
            Indicator(level1="产出指标", level2="时效指标", name="培训完成时间",
                      value_text="2026年12月底前", basis="计划标准"),
            Indicator(level1="产出指标", level2="成本指标", name="人均培训成本", nature="定量",
                      comparator="≤", target=Decimal("240"), unit="元/人", basis="预算支出标准"),
            Indicator(level1="效益指标", level2="社会效益指标", name="教师教学能力提升",
                      nature="定性", grade="较好", basis="计划标准"),
            Indicator(level1="满意度指标", level2="服务对象满意度指标", name="参训教师满意度",
                      nature="定量", comparator="≥", target=Decimal("90"), unit="%",
                      basis="计划标准"),
        ])
    values.update(fields)
    return Project(**values)


def project_with_a_warning(name: str = "校园维修") -> Project:
    """A project whose only finding is a warning (REQ-04: no 成本指标)."""
    project = clean_project(name)
    project.indicators = [i for i in project.indicators if i.level2 != "成本指标"]
    return project
