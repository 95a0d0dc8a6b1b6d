"""The core model: a project (项目) with its header fields and its indicators (绩效指标).

Fields are declared once, here, in the ``*Fields`` classes; the storage tables
(:mod:`perfdesk.storage.tables`) inherit them and add what only the file needs (row ids,
foreign keys, order, how a decimal is written), and the domain classes :class:`Project` and
:class:`Indicator` add identity and structure. Importers build these objects, the dataset
stores them, rules and exporters read them. Money and target numbers are :class:`~decimal.Decimal`; a float is
refused at the door.
"""

from __future__ import annotations

import uuid as _uuid
from decimal import Decimal
from typing import Any, Self, TypeVar

from pydantic import field_validator
from sqlmodel import Field, SQLModel

from perfdesk.core import values
from perfdesk.core.taxonomy import QUALITATIVE, QUANTITATIVE
from perfdesk.core.values import TargetValue, ValueKind


def new_uuid() -> str:
    return str(_uuid.uuid4())


def _refuse_float(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError("binary floats are not accepted for amounts; use Decimal or text")
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        number = values.parse_number(text)
        if number is None:
            raise ValueError(f"not a number: {value!r}")
        return number
    return value


_Stored = TypeVar("_Stored", bound=SQLModel)


def _from_storage(cls: type[_Stored], values: dict[str, Any]) -> _Stored:
    """Build a model from values the dataset file already holds (every field present and of
    the right type) without validating them again: loading 60,000 indicators must not cost
    seconds. Equivalent to ``cls(**values)`` for such values (a test checks this)."""
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


class IndicatorFields(SQLModel):
    """What one indicator row holds (domain.md §3)."""

    level1: str = ""  # 一级指标, as written (see level1_source for the imported label)
    level2: str = ""  # 二级指标
    name: str = ""  # 三级指标
    nature: str = ""  # 指标性质: 定量 / 定性 / "" (not known)
    comparator: str = ""  # 计算符号: ≥ ＞ ＝ ＜ ≤ (定量)
    target: Decimal | None = None  # 指标值 number (定量)
    unit: str = ""  # 计量单位 (定量)
    grade: str = ""  # 指标值 grade (定性)
    value_text: str = ""  # 指标值 as written when it is not the canonical rendering
    basis: str = ""  # 指标值设定依据 (绩效标准)
    explanation: str = ""  # 指标解释
    scoring: str = ""  # 评(扣)分标准
    weight: Decimal | None = None  # 权重
    remark: str = ""  # 备注
    actual: str = ""  # 全年实际值 of a 绩效自评表, as written (a result, never a target)
    score: Decimal | None = None  # 得分 of a 绩效自评表 (the 分值 it is out of is the weight)
    shortfall: str = ""  # 未完成原因 / 偏差原因分析及改进措施 of a 绩效自评表
    level1_source: str = ""  # the level-1 label exactly as the imported table had it
    source_text: str = ""  # the whole item as imported, never edited
    source_ref: str = ""  # where it came from: file, sheet, row

    @field_validator("target", "weight", "score", mode="before")
    @classmethod
    def _exact_numbers(cls, value: Any) -> Any:
        return _refuse_float(value)


class ProjectFields(SQLModel):
    """A project's header (domain.md §4). Money is in 万元 with two decimals."""

    name: str = ""  # 项目名称
    code: str = ""  # 项目编码
    attribute: str = ""  # 项目属性: 新增项目 / 延续项目
    period_start: int | None = None  # 项目期 start year
    period_end: int | None = None  # 项目期 end year
    # the months of 项目期's ends (1–12), when the table states them (2023.07–2024.01); a year
    # alone stays a year (None)
    period_start_month: int | None = None
    period_end_month: int | None = None
    annual_total: Decimal | None = None  # 年度资金总额
    annual_fiscal: Decimal | None = None  # 其中：财政拨款
    annual_other: Decimal | None = None  # 其他资金
    midterm_total: Decimal | None = None  # 中期资金总额
    midterm_fiscal: Decimal | None = None
    midterm_other: Decimal | None = None
    annual_goal: str = ""  # 年度目标 (绩效目标)
    midterm_goal: str = ""  # 中长期目标
    # what a 绩效自评表 states beside its budget (财预〔2020〕10号: 年初预算数 | 全年预算数 |
    # 全年执行数 | 分值 | 执行率 | 得分 of 年度资金总额 and its 其中 rows); the 全年预算数 is
    # annual_*, the 执行率 is worked out (executed_total ÷ annual_total), never stored
    initial_total: Decimal | None = None  # 年初预算数 of 年度资金总额
    initial_fiscal: Decimal | None = None  # 年初预算数 of 其中：财政拨款
    initial_other: Decimal | None = None  # 年初预算数 of 其他资金
    executed_total: Decimal | None = None  # 全年执行数 of 年度资金总额
    executed_fiscal: Decimal | None = None  # 全年执行数 of 其中：财政拨款
    executed_other: Decimal | None = None  # 全年执行数 of 其他资金
    funds_weight: Decimal | None = None  # 分值 of the 年度资金总额 row (预算执行率's points)
    funds_score: Decimal | None = None  # 得分 of the 年度资金总额 row
    goal_actual: str = ""  # 年度总体目标的实际完成情况 (完成情况综述) of a 绩效自评表
    implementing_unit: str = ""  # 实施单位, when it differs from the 预算单位
    includes_transfer: bool = False  # 含转移支付
    no_service_recipients: bool = False  # no 服务对象, so no 满意度 indicator is expected
    kind: str = ""  # what the table was: "" 项目支出绩效目标, SELF_EVALUATION, DEPARTMENT_WHOLE
    source_ref: str = ""  # where it came from: file, sheet, row
    # the funding cells as the table wrote them, where that was not a plain number (254万,
    # 按实际, 2026400元): JSON {money field: text}; FUND-04 reports them at the field
    funds_text: str = ""
    # a 部门整体绩效目标表's 年度预算安排 beside its 资金总额 (annual_total): 项目支出 and 基本支出
    project_funds: Decimal | None = None  # 项目支出 (万元)
    basic_funds: Decimal | None = None  # 基本支出 (万元)
    duties: str = ""  # 部门职能职责概述 of a 部门整体绩效目标表

    @field_validator(
        "annual_total", "annual_fiscal", "annual_other",
        "midterm_total", "midterm_fiscal", "midterm_other",
        "initial_total", "initial_fiscal", "initial_other",
        "executed_total", "executed_fiscal", "executed_other",
        "funds_weight", "funds_score", "project_funds", "basic_funds", mode="before")
    @classmethod
    def _exact_money(cls, value: Any) -> Any:
        return _refuse_float(value)

    @field_validator("period_start_month", "period_end_month")
    @classmethod
    def _month(cls, value: int | None) -> int | None:
        if value is not None and not 1 <= value <= 12:
            raise ValueError(f"not a month: {value!r}")
        return value

    @property
    def execution_rate(self) -> Decimal | None:
        """执行率 of a 自评表: 全年执行数 ÷ 全年预算数 as a percentage to two places (``100.00``),
        ``None`` when either is missing or the budget is 0."""
        return values.execution_rate(self.executed_total, self.annual_total)

    @property
    def period(self) -> values.Period:
        """项目期: its years, and its months where the table states them."""
        return values.Period(self.period_start, self.period_end, self.period_start_month,
                             self.period_end_month)


class TaskFields(SQLModel):
    """One task of a 部门整体绩效目标表: a row of its 年度主要任务 (财预〔2015〕88号: 任务名称 |
    主要内容 | 预算金额 总额 / 财政拨款 / 其他资金) or of its 年度履职目标 (部门职能 | 年度目标任务 |
    支出项目名称 | 预算金额). Money is in 万元."""

    function: str = ""  # 部门职能
    name: str = ""  # 任务名称 / 年度目标任务
    content: str = ""  # 主要内容
    item: str = ""  # 支出项目名称
    total: Decimal | None = None  # 预算金额：总额
    fiscal: Decimal | None = None  # 预算金额：财政拨款
    other: Decimal | None = None  # 预算金额：其他资金
    source_ref: str = ""  # where it came from: file, sheet, row

    @field_validator("total", "fiscal", "other", mode="before")
    @classmethod
    def _exact_money(cls, value: Any) -> Any:
        return _refuse_float(value)


TASK_FIELDS = tuple(TaskFields.model_fields)
TASK_MONEY = ("total", "fiscal", "other")


class Task(TaskFields):
    """One 年度主要任务 of a department's whole-budget target, in its project's order."""

    uuid: str = Field(default_factory=new_uuid)

    @classmethod
    def from_storage(cls, values: dict[str, Any]) -> Self:
        return _from_storage(cls, values)


# Project.kind: the table a project came from, when it is not a project's target table.
SELF_EVALUATION = "self_evaluation"  # 项目支出绩效自评表: targets with actual values and scores
DEPARTMENT_WHOLE = "department_whole"  # 部门整体绩效目标表: the department's whole budget
PROJECT_KINDS = ("", SELF_EVALUATION, DEPARTMENT_WHOLE)


MONEY_FIELDS = (
    "annual_total", "annual_fiscal", "annual_other",
    "midterm_total", "midterm_fiscal", "midterm_other",
)
# a 自评表's budget execution (Project.kind SELF_EVALUATION), in the order of its columns
# (年初预算数, then 全年执行数, of 年度资金总额 / 财政拨款 / 其他资金) and the row's 分值 and 得分
EXECUTION_MONEY_FIELDS = (
    "initial_total", "initial_fiscal", "initial_other",
    "executed_total", "executed_fiscal", "executed_other",
)
EXECUTION_FIELDS = (*EXECUTION_MONEY_FIELDS, "funds_weight", "funds_score")
PROJECT_FIELDS = tuple(ProjectFields.model_fields)
INDICATOR_FIELDS = tuple(IndicatorFields.model_fields)


# (nature, grade, comparator, unit, target text) -> the rendering of a target with no
# value_text: what Indicator.value_display shows (it depends on nothing else).
_DISPLAYED: dict[tuple[str, str, str, str, str | None], str] = {}


class Indicator(IndicatorFields):
    """One 三级指标 of a project, with its categories and its target."""

    uuid: str = Field(default_factory=new_uuid)

    @classmethod
    def from_storage(cls, values: dict[str, Any]) -> Self:
        return _from_storage(cls, values)

    # --- the typed target -------------------------------------------------------------------

    def target_value(self) -> TargetValue:
        """The typed value held in the fields: 定性, 定量, 时效 (a deadline or period kept in
        ``value_text``), or raw when only unreadable text is known."""
        if self.nature == QUALITATIVE and self.grade:
            return TargetValue.qualitative(self.grade)
        if self.target is not None:
            if values.is_deadline_unit(self.unit):  # 12 + 月底前 in files from before 时效
                return TargetValue.time(values.format_number(self.target) + self.unit)
            return TargetValue.quantitative(self.comparator, self.target, self.unit)
        if self.grade:
            return TargetValue.qualitative(self.grade)
        if self.value_text:
            time = values.read_time(self.value_text)
            if time is not None and time == self.value_text.strip():
                return TargetValue.time(time)
        return TargetValue.raw(self.value_text)

    def value_display(self) -> str:
        """The 指标值 text a reader sees: as written if kept, else the canonical rendering
        (worked out once per distinct target: a dataset repeats ≥95% thousands of times)."""
        if self.value_text:
            return self.value_text
        fields = self.__dict__
        target = fields["target"]
        key = (fields["nature"], fields["grade"], fields["comparator"], fields["unit"],
               None if target is None else str(target))
        shown = _DISPLAYED.get(key)
        if shown is None:
            shown = values.render(self.target_value())
            if len(_DISPLAYED) < 10_000:
                _DISPLAYED[key] = shown
        return shown

    def value_fields(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in VALUE_FIELDS}

    def value_columns(self) -> tuple[str, str, str]:
        """The target as the official grid's three columns: (计算符号, 指标值, 计量单位).

        A 定量 target splits into its typed parts (``≥``, ``95``, ``%``), a grade or a deadline
        stands alone, and unreadable text is shown whole in the 指标值 column; with no target
        yet, the comparator and unit given so far stand in their columns."""
        value = self.target_value()
        if value.kind is ValueKind.QUANTITATIVE:
            assert value.number is not None
            return value.comparator, values.format_number(value.number), value.unit
        if value.kind is ValueKind.QUALITATIVE:
            return "", value.grade, ""
        if value.kind is ValueKind.TIME:
            return "", value.text, ""
        if not self.value_text:  # no target yet: the comparator and unit already given show
            return self.comparator, "", self.unit
        return "", self.value_text, ""

    @staticmethod
    def fields_for_value(value: TargetValue, written: str = "") -> dict[str, Any]:
        """Field values that store ``value``; ``written`` is kept when it is not canonical."""
        rendered = values.render(value)
        fields: dict[str, Any] = {
            "comparator": value.comparator,
            "target": value.number,
            "unit": value.unit,
            "grade": value.grade,
            "value_text": "",
        }
        if value.kind is ValueKind.QUANTITATIVE:
            fields["nature"] = QUANTITATIVE
        elif value.kind is ValueKind.QUALITATIVE:
            fields["nature"] = QUALITATIVE
        elif value.kind is ValueKind.RAW or value.kind is ValueKind.TIME:
            fields["value_text"] = value.text  # a deadline keeps the nature it was given
        if written and written.strip() != rendered and value.kind not in (ValueKind.RAW,
                                                                          ValueKind.TIME):
            fields["value_text"] = written.strip()
        return fields


VALUE_FIELDS = ("nature", "comparator", "target", "unit", "grade", "value_text")


class Project(ProjectFields):
    """A project with where it sits (主管部门 → 预算单位) and its indicators in order."""

    uuid: str = Field(default_factory=new_uuid)
    department: str = ""  # 主管部门
    unit: str = ""  # 预算单位
    unit_code: str = ""  # 预算单位编码
    department_code: str = ""  # 主管部门编码 (主管部门及代码: 169国家林业局)
    indicators: list[Indicator] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)  # a 部门整体 target's 年度主要任务

    @classmethod
    def from_storage(cls, values: dict[str, Any]) -> Self:
        return _from_storage(cls, values)

