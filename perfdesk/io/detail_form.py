"""What the detailed form 项目支出绩效目标申报表 says about a project, decided once.

The clerk prints the form (PDF) and hands in the workbook (Excel); a reviewer must find the same
words in both. This module turns a :class:`~perfdesk.core.model.Project` into the form's
content — the title, the 填报单位 line, the header block's label/value pairs (项目名称, 主管部门 |
实施单位, 项目属性 | 项目期), the funding lines in 中期/年度 columns, the two goals, the indicator
grid's rows with the runs of level-1 and level-2 cells to merge, and the footer (填报人, 联系电话,
填报日期, 审核意见) — and nothing about how it looks. The Excel writer (:mod:`.detail`) puts it
into the template's named cells; the PDF painter (``gui/printing/detail_pdf.py``) lays it out
on A4. Labels follow domain.md §5.2; the project period reads ``2025年至2027年``, as the
official forms and notices write a span of years, and ``2023年7月至2024年1月`` when the table gave
its months.

A 绩效自评表 (``Project.kind == SELF_EVALUATION``) has its own form, as 财预〔2020〕10号's 自评表
has it: the title 项目支出绩效自评表（2025年度）, 项目名称, 主管部门 | 实施单位, the funding block
(年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 for 年度资金总额, the three amounts for
其中：财政拨款 and 其他资金; the 执行率 worked out, 全年执行数 ÷ 全年预算数), the 年度总体目标 as
预期目标 | 实际完成情况, and the grid 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年实际值 | 分值 |
得分 | 偏差原因分析及改进措施 closed by the 总分 row (the sums of 分值 and of 得分, the funding
row's included).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as _date
from decimal import Decimal
from typing import TYPE_CHECKING

from perfdesk.core.fields import GRID_COLUMNS, indicator_label
from perfdesk.core.taxonomy import official_order

if TYPE_CHECKING:  # the model (SQLModel) loads with the first dataset
    from perfdesk.core.model import Indicator, Project

TITLE_FORMAT = "{year}年项目支出绩效目标申报表"
UNIT_LINE_LABEL = "填报单位（盖章）"
MONEY_NOTE = "单位：万元"
MONEY_LABEL = "项目资金\n（万元）"
GOALS_LABEL = "总体目标"
EMPTY_GRID = "（未填写绩效指标）"
REVIEW_LABEL = "审核意见"

# The official grid's heading (domain.md §5.2): the indicator fields' names.
GRID_HEADINGS: tuple[tuple[str, str], ...] = tuple(
    (f, indicator_label(f).zh) for f in GRID_COLUMNS)

# The 自评表's form: its title, goal label and grid heading in the published order (年度指标值
# is the target written whole, ``≥266米``), and the label of the row of totals under the grid.
SELF_TITLE_FORMAT = "项目支出绩效自评表（{year}年度）"
# a department's self-evaluation (a 部门整体 target with results, e05): the 自评表's layout
DEPARTMENT_SELF_TITLE_FORMAT = "部门整体支出绩效自评表（{year}年度）"
DEPARTMENT_NAME_LABEL = "部门（单位）名称"
SELF_GOAL_LABEL = "年度总体目标"
SELF_GOAL_PARTS = ("预期目标", "实际完成情况")
# the 自评表's funding block: its columns, and the label over its rows
EXECUTION_HEADINGS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
SELF_GRID_HEADINGS: tuple[tuple[str, str], ...] = (
    ("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"),
    ("value", "年度指标值"), ("actual", "全年实际值"), ("weight", "分值"), ("score", "得分"),
    ("shortfall", "偏差原因分析及改进措施"))
TOTAL_LABEL = "总分"

# A 部门整体 target's form: 财预〔2015〕88号's 部门（单位）整体支出绩效目标申报表 — 部门（单位）名称,
# the 年度主要任务 (任务名称 | 主要内容 | 预算金额（万元）总额 | 财政拨款 | 其他资金, closed by
# 金额合计), 年度总体目标 and the 年度绩效指标 (一级指标 | 二级指标 | 三级指标 | 指标值) — with what
# local forms add and PerfDesk keeps: 部门预算编码, 部门职能职责概述, the 年度预算安排 split
# (年度资金总额 | 项目支出 | 基本支出), each task's 部门职能 and 支出项目名称, and each indicator's
# 指标值设定依据 and 指标解释.
DEPARTMENT_TITLE = "部门（单位）整体支出绩效目标申报表"
DEPARTMENT_YEAR_FORMAT = "（{year}年度）"
DEPARTMENT_BUDGET_LABEL = "年度预算安排（万元）"
TASKS_LABEL = "年度主要任务"
TASK_HEADINGS: tuple[tuple[str, str], ...] = (
    ("function", "部门职能"), ("name", "任务名称"), ("content", "主要内容"),
    ("item", "支出项目名称"), ("total", "总额"), ("fiscal", "财政拨款"), ("other", "其他资金"))
TASK_AMOUNT_LABEL = "预算金额（万元）"
TASK_SUM_LABEL = "金额合计"
INDICATORS_LABEL = "年度绩效指标"
DEPARTMENT_GRID_HEADINGS: tuple[tuple[str, str], ...] = (
    ("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"), ("value", "指标值"),
    ("basis", "指标值设定依据"), ("explanation", "指标解释"))


@dataclass(frozen=True, slots=True)
class Signature:
    """The footer of the form: 填报人, 联系电话 and 填报日期 (left blank when not given)."""

    filled_by: str = ""
    phone: str = ""
    date: _date | None = None


@dataclass(frozen=True, slots=True)
class MoneyLine:
    """One line of the funding block: the 中期 and the 年度 column's label and amount (万元)."""

    midterm_label: str
    midterm: Decimal | None
    annual_label: str
    annual: Decimal | None


@dataclass(frozen=True, slots=True)
class ExecutionLine:
    """One row of a 自评表's funding block (万元): 年初预算数 | 全年预算数 | 全年执行数, and for the
    年度资金总额 row its 分值 | 执行率 (worked out, as printed: ``86.20%``) | 得分."""

    label: str
    initial: Decimal | None
    budget: Decimal | None
    executed: Decimal | None
    weight: Decimal | None = None
    rate: str = ""
    score: Decimal | None = None


@dataclass(frozen=True, slots=True)
class GridRow:
    """One indicator's row of the grid.

    Attributes:
        cells: the text (or number, for 权重) of each grid field: the official nine, and the
            columns local templates add (``value_unit`` 指标值及单位, scoring, weight, remark).
        level1_run, level2_run: rows with the same run number next to each other are one
            merged cell in that column; a blank category is a run of its own.
    """

    cells: dict[str, object]
    level1_run: int
    level2_run: int

    def run(self, grid_field: str) -> int | None:
        """The merge run of a column (``None`` for columns that are never merged)."""
        return {"level1": self.level1_run, "level2": self.level2_run}.get(grid_field)


@dataclass(slots=True)
class DetailForm:
    """The content of one project's form.

    Attributes:
        title: ``<year>年项目支出绩效目标申报表`` (a 自评表's: ``项目支出绩效自评表（<year>年度）``).
        unit_line: the 填报单位（盖章） (the budget unit).
        header: the header block's values by field, each with its label: ``name``,
            ``code``, ``department``, ``implementing_unit``, ``attribute``, ``period``.
        money: the funding lines (总额, 其中：财政拨款, 其他资金).
        goals: (label, text) of 中长期目标 and 年度目标.
        grid: one row per indicator, in the official order.
        footer: (label, text) of 填报人, 联系电话 and 填报日期 (none on a 自评表).
        self_evaluation: the form is a 自评表's (header: name, department, implementing_unit;
            money: the 年度 column only; goals: 年度总体目标 alone; grid: ``grid_headings``).
        grid_headings: (grid field, heading) of the grid's columns, in order.
        totals: a 自评表's 总分 row: the sum of 分值 and the sum of 得分, the funding row's
            included (``None`` where nothing gives one).
        execution: a 自评表's funding block, one line per row (年度资金总额, 财政拨款, 其他资金).
        department: the form is a 部门整体 target's (header: name, budget_code, duties; money:
            年度资金总额 alone; goals: 年度总体目标; ``split``, ``tasks`` and ``task_sums``).
        split: (label, amount) of the 年度预算安排: 年度资金总额, 项目支出, 基本支出.
        tasks: each task's cells by task field (:data:`TASK_HEADINGS`), in order.
        task_sums: the 金额合计 row: the exact sums of the tasks' 总额, 财政拨款 and 其他资金.
    """

    title: str
    unit_line: str
    header: dict[str, tuple[str, str]]
    money: tuple[MoneyLine, ...]
    goals: tuple[tuple[str, str], ...]
    grid: list[GridRow] = field(default_factory=list)
    footer: tuple[tuple[str, str], ...] = ()
    self_evaluation: bool = False
    grid_headings: tuple[tuple[str, str], ...] = GRID_HEADINGS
    totals: tuple[Decimal | None, Decimal | None] | None = None
    execution: tuple[ExecutionLine, ...] = ()
    department: bool = False
    split: tuple[tuple[str, Decimal | None], ...] = ()
    tasks: list[dict[str, object]] = field(default_factory=list)
    task_sums: dict[str, Decimal | None] = field(default_factory=dict)
    year_line: str = ""  # a 部门整体 form's （2026年度） under its title

    def value(self, key: str) -> str:
        return self.header[key][1]


def date_text(day: _date | None) -> str:
    """填报日期 as the form writes it: ``2025年3月8日`` (``""`` when not given)."""
    return f"{day.year}年{day.month}月{day.day}日" if day is not None else ""


def grid_cells(indicator: Indicator, *, whole_value: bool = False) -> dict[str, object]:
    """An indicator's cells in the grid, by grid field: the target in its typed columns
    (计算符号, 指标值, 计量单位) and whole (指标值及单位); with ``whole_value`` (a 自评表's
    年度指标值) the 指标值 column holds the target whole. A 自评表's 全年实际值, 得分 and
    偏差原因 come with them."""
    comparator, shown, unit = indicator.value_columns()
    if whole_value:
        shown = indicator.value_display()
    return {
        "level1": indicator.level1, "level2": indicator.level2, "name": indicator.name,
        "nature": indicator.nature, "comparator": comparator, "value": shown, "unit": unit,
        "value_unit": indicator.value_display(), "basis": indicator.basis,
        "explanation": indicator.explanation, "scoring": indicator.scoring,
        "weight": indicator.weight, "remark": indicator.remark,
        "actual": indicator.actual, "score": indicator.score, "shortfall": indicator.shortfall,
    }


def grid_rows(indicators: list[Indicator], *, whole_value: bool = False) -> list[GridRow]:
    """The grid's rows with their merge runs: level 1 merges over equal consecutive labels,
    level 2 over equal consecutive (level 1, level 2) pairs; blanks never merge."""
    rows: list[GridRow] = []
    run1 = run2 = 0
    previous: Indicator | None = None
    for indicator in indicators:
        same1 = previous is not None and bool(indicator.level1) and \
            indicator.level1 == previous.level1
        same2 = same1 and bool(indicator.level2) and indicator.level2 == previous.level2
        run1 += 0 if same1 else 1
        run2 += 0 if same2 else 1
        rows.append(GridRow(grid_cells(indicator, whole_value=whole_value), run1, run2))
        previous = indicator
    return rows


def merged_spans(rows: list[GridRow], grid_field: str) -> list[tuple[int, int]]:
    """(first, last) row offsets of each run of two or more rows merged in a column (none in
    a column that is never merged)."""
    if not rows or rows[0].run(grid_field) is None:
        return []
    spans = []
    start = 0
    for offset in range(1, len(rows) + 1):
        if offset == len(rows) or rows[offset].run(grid_field) != rows[start].run(grid_field):
            if offset - 1 > start:
                spans.append((start, offset - 1))
            start = offset
    return spans


def detail_form(project: Project, *, year: int,
                signed: Signature = Signature()) -> DetailForm:
    """The form's content for ``project`` in budget year ``year``: the official form only
    (whether the project passed the checks travels in a submission's manifest, never on the
    page), its indicators in the official order (产出 → 效益 → 满意度, level 2 in taxonomy
    order, entry order within)."""
    from perfdesk.core.model import (  # with the model, as the project came
        DEPARTMENT_WHOLE,
        SELF_EVALUATION,
    )

    p = project
    layout = form_layout(p)
    if layout == SELF_EVALUATION:
        return self_evaluation_form(p, year=year)
    if layout == DEPARTMENT_WHOLE:
        return department_form(p, year=year, signed=signed)
    header = {
        "name": ("项目名称", p.name),
        "code": ("项目编码", p.code),
        "department": ("主管部门", p.department),
        "implementing_unit": ("实施单位", p.implementing_unit or p.unit),
        "attribute": ("项目属性", p.attribute),
        "period": ("项目期", p.period.text()),
    }
    money = (
        MoneyLine("中期资金总额", p.midterm_total, "年度资金总额", p.annual_total),
        MoneyLine("其中：财政拨款", p.midterm_fiscal, "其中：财政拨款", p.annual_fiscal),
        MoneyLine("其他资金", p.midterm_other, "其他资金", p.annual_other),
    )
    return DetailForm(
        title=TITLE_FORMAT.format(year=year), unit_line=p.unit, header=header,
        money=money, goals=(("中长期目标", p.midterm_goal), ("年度目标", p.annual_goal)),
        grid=grid_rows(official_order(p.indicators)),
        footer=(("填报人", signed.filled_by), ("联系电话", signed.phone),
                ("填报日期", date_text(signed.date))))


def _total(values: list[Decimal | None]) -> Decimal | None:
    given = [v for v in values if v is not None]
    return sum(given, Decimal(0)) if given else None


def form_layout(project: Project) -> str:
    """Which official form a project is written on: a 自评表's (SELF_EVALUATION), a 部门整体
    target's (DEPARTMENT_WHOLE) or the 申报表 (""). A department's self-evaluation (a 部门整体
    target with results and no tasks, e05) is written on the 自评表's, whose columns hold its
    results, titled 部门整体支出绩效自评表."""
    from perfdesk.core.model import DEPARTMENT_WHOLE, SELF_EVALUATION

    if project.kind == DEPARTMENT_WHOLE and has_results(project) and not project.tasks:
        return SELF_EVALUATION
    return project.kind if project.kind in (SELF_EVALUATION, DEPARTMENT_WHOLE) else ""


def has_results(project: Project) -> bool:
    """Whether the project states a self-evaluation's results: a 全年执行数, 年初预算数 or
    the funding row's 得分, or an indicator's 全年实际值, 得分 or 未完成原因."""
    p = project
    return any(v is not None for v in (p.initial_total, p.executed_total, p.funds_score)) or \
        bool(p.goal_actual) or any(i.actual or i.score is not None or i.shortfall
                                   for i in p.indicators)


def self_evaluation_form(project: Project, *, year: int) -> DetailForm:
    """The 自评表's form for ``project``: its funding block with the 执行率 worked out, the goal
    and what was achieved, indicators in the official order, and the 总分 row with the exact
    sums of 分值 and 得分 (the funding row's 分值 and 得分 included: 财预〔2020〕10号 gives
    预算执行率 its 10 points of the 100)."""
    from perfdesk.core.model import DEPARTMENT_WHOLE
    from perfdesk.core.values import format_rate
    p = project
    whole = p.kind == DEPARTMENT_WHOLE
    header = {
        "name": (DEPARTMENT_NAME_LABEL if whole else "项目名称", p.name),
        "department": ("主管部门", p.department),
        "implementing_unit": ("实施单位", p.implementing_unit or p.unit),
    }
    money = (MoneyLine("", None, "年度资金总额", p.annual_total),
             MoneyLine("", None, "其中：财政拨款", p.annual_fiscal),
             MoneyLine("", None, "其他资金", p.annual_other))
    execution = (
        ExecutionLine("年度资金总额", p.initial_total, p.annual_total, p.executed_total,
                      p.funds_weight, format_rate(p.execution_rate), p.funds_score),
        ExecutionLine("其中：财政拨款", p.initial_fiscal, p.annual_fiscal, p.executed_fiscal),
        ExecutionLine("其他资金", p.initial_other, p.annual_other, p.executed_other))
    indicators = official_order(p.indicators)
    return DetailForm(
        title=(DEPARTMENT_SELF_TITLE_FORMAT if whole else SELF_TITLE_FORMAT).format(year=year),
        unit_line=p.unit, header=header,
        money=money, goals=tuple(zip(SELF_GOAL_PARTS, (p.annual_goal, p.goal_actual))),
        grid=grid_rows(indicators, whole_value=True), self_evaluation=True,
        grid_headings=SELF_GRID_HEADINGS, execution=execution,
        totals=(_total([*(i.weight for i in indicators), p.funds_weight]),
                _total([*(i.score for i in indicators), p.funds_score])))


def department_form(project: Project, *, year: int, signed: Signature = Signature()
                    ) -> DetailForm:
    """The 部门整体支出绩效目标申报表 for a 部门整体 target: the department named as in 88号, its
    budget split, its tasks in order with the 金额合计 row of their exact sums, the 年度总体目标,
    the indicators in the official order (the target whole in 指标值), and the footer."""
    from perfdesk.io.department import task_sums

    p = project
    header = {
        "name": ("部门（单位）名称", p.name),
        "budget_code": ("部门预算编码", p.unit_code),
        "duties": ("部门职能职责概述", p.duties),
    }
    split = (("年度资金总额", p.annual_total), ("项目支出", p.project_funds),
             ("基本支出", p.basic_funds))
    tasks = [{name: getattr(t, name) for name, _heading in TASK_HEADINGS} for t in p.tasks]
    return DetailForm(
        title=DEPARTMENT_TITLE, unit_line=p.unit, header=header,
        money=(MoneyLine("", None, "年度资金总额", p.annual_total),),
        goals=((SELF_GOAL_LABEL, p.annual_goal),),
        grid=grid_rows(official_order(p.indicators), whole_value=True),
        footer=(("填报人", signed.filled_by), ("联系电话", signed.phone),
                ("填报日期", date_text(signed.date))),
        grid_headings=DEPARTMENT_GRID_HEADINGS, department=True, split=split, tasks=tasks,
        task_sums=task_sums(p.tasks), year_line=DEPARTMENT_YEAR_FORMAT.format(year=year))
