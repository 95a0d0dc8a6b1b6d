"""What each field of a project or an indicator is called, in one table for every caller.

The project form, the grid's headers and tooltips, the undo menu (撤销 修改“年度目标”), the paste
preview, a check finding's location (第5条指标“诉求解答率”的指标值) and the command line all
name fields from here, so a clerk reads one name per field wherever it appears. The Chinese
follows the official forms (domain.md §3–§5.2); where a form's label only makes sense in its
place (其中：财政拨款 under 年度资金总额), the name here says which one it is (年度财政拨款).
"""

from __future__ import annotations

from perfdesk.core.i18n import Text

PROJECT_FIELDS: dict[str, Text] = {
    "name": Text("项目名称", "Project name"),
    "code": Text("项目编码", "Project code"),
    "department": Text("主管部门", "Department"),
    "unit": Text("预算单位", "Budget unit"),
    "attribute": Text("项目属性", "Project attribute"),
    "period_start": Text("项目期（起）", "Project period (from)"),
    "period_end": Text("项目期（止）", "Project period (to)"),
    "period_start_month": Text("项目期（起始月）", "Project period (from month)"),
    "period_end_month": Text("项目期（终止月）", "Project period (to month)"),
    "annual_total": Text("年度资金总额", "Annual total"),
    "annual_fiscal": Text("年度财政拨款", "Annual fiscal allocation"),
    "annual_other": Text("年度其他资金", "Annual other funds"),
    "midterm_total": Text("中期资金总额", "Mid-term total"),
    "midterm_fiscal": Text("中期财政拨款", "Mid-term fiscal allocation"),
    "midterm_other": Text("中期其他资金", "Mid-term other funds"),
    "annual_goal": Text("年度目标", "Annual goal"),
    "midterm_goal": Text("中长期目标", "Mid/long-term goal"),
    "initial_total": Text("年初预算数", "Budget at the start of the year"),
    "initial_fiscal": Text("年初预算数（财政拨款）", "Start-of-year budget (fiscal allocation)"),
    "initial_other": Text("年初预算数（其他资金）", "Start-of-year budget (other funds)"),
    "executed_total": Text("全年执行数", "Spent in the year"),
    "executed_fiscal": Text("全年执行数（财政拨款）", "Spent in the year (fiscal allocation)"),
    "executed_other": Text("全年执行数（其他资金）", "Spent in the year (other funds)"),
    "funds_weight": Text("预算执行分值", "Budget execution points"),
    "funds_score": Text("预算执行得分", "Budget execution score"),
    "goal_actual": Text("年度总体目标完成情况", "Annual goal as achieved"),
    "implementing_unit": Text("实施单位", "Implementing unit"),
    "includes_transfer": Text("含转移支付", "Includes transfer payments"),
    "no_service_recipients": Text("无服务对象", "No service recipients"),
    "kind": Text("表格类型", "Table kind"),
    "source_ref": Text("来源", "Source"),
    "funds_text": Text("资金栏原文", "Funding cells as written"),
    "project_funds": Text("项目支出", "Project expenditure"),
    "basic_funds": Text("基本支出", "Basic expenditure"),
    "duties": Text("部门职能职责概述", "Duties of the department"),
    "tasks": Text("年度主要任务", "Main tasks of the year"),
    "indicators": Text("绩效指标", "Indicators"),
}

# A 部门整体 target's tasks (年度主要任务, 财预〔2015〕88号; 福建: 年度履职目标).
TASK_FIELDS: dict[str, Text] = {
    "function": Text("部门职能", "Function"),
    "name": Text("任务名称", "Task"),
    "content": Text("主要内容", "Content"),
    "item": Text("支出项目名称", "Expenditure item"),
    "total": Text("预算金额（总额）", "Budget (total)"),
    "fiscal": Text("预算金额（财政拨款）", "Budget (fiscal)"),
    "other": Text("预算金额（其他资金）", "Budget (other)"),
    "source_ref": Text("来源", "Source"),
}

# Their column headings in the form's table of tasks, short as the official form's (预算金额's
# three columns under it: 总额 │ 财政拨款 │ 其他资金).
TASK_HEADERS: dict[str, Text] = {
    "function": Text("部门职能", "Function"), "name": Text("任务名称", "Task"),
    "content": Text("主要内容", "Content"), "item": Text("支出项目名称", "Expenditure item"),
    "total": Text("总额（万元）", "Total"), "fiscal": Text("财政拨款", "Fiscal"),
    "other": Text("其他资金", "Other"),
}

_TARGET = Text("指标值", "Target value")
INDICATOR_FIELDS: dict[str, Text] = {
    "level1": Text("一级指标", "Level 1"),
    "level2": Text("二级指标", "Level 2"),
    "name": Text("三级指标", "Indicator name"),
    "nature": Text("指标性质", "Nature"),
    "comparator": Text("计算符号", "Comparator"),
    # "value" is the 指标值 cell as a whole; target, grade and value_text are its parts
    "value": _TARGET, "target": _TARGET, "grade": _TARGET, "value_text": _TARGET,
    "unit": Text("计量单位", "Unit"),
    "basis": Text("指标值设定依据", "Basis of the target"),
    "explanation": Text("指标解释", "Explanation"),
    "scoring": Text("评(扣)分标准", "Scoring rule"),
    "weight": Text("权重", "Weight"),
    "remark": Text("备注", "Remark"),
    "actual": Text("全年实际值", "Actual value"),
    "score": Text("得分", "Score"),
    "shortfall": Text("未完成原因", "Reason for shortfall"),
    "level1_source": Text("一级指标（原文）", "Level 1 (as imported)"),
    "source_text": Text("导入原文", "Imported text"),
    "source_ref": Text("来源", "Source"),
}

# The indicator grid's columns in order (ui.md), by field; "value" is the 指标值 cell.
GRID_COLUMNS = ("level1", "level2", "name", "nature", "comparator", "value", "unit", "basis",
                "explanation")
# Their headings, short as the official table's (一级 │ 二级 │ 三级指标 …).
GRID_HEADERS: dict[str, Text] = {
    "level1": Text("一级", "Level 1"),
    "level2": Text("二级", "Level 2"),
    "name": Text("三级指标", "Indicator"),
    "nature": Text("性质", "Nature"),
    "comparator": Text("符号", "Cmp"),
    "value": Text("值", "Target"),
    "unit": Text("单位", "Unit"),
    "basis": Text("依据", "Basis"),
    "explanation": Text("解释", "Explanation"),
    "weight": Text("分值", "Points"),
    "actual": Text("全年实际值", "Actual"),
    "score": Text("得分", "Score"),
    "shortfall": Text("未完成原因", "Shortfall reason"),
}

# What a 绩效自评表 (Project.kind ``self_evaluation``) holds beside the target, as its grid shows
# it after 值 and 单位: the points the indicator is worth, what was achieved, the score, why not.
# in the order of the official 自评表 (年度指标值 │ 全年实际值 │ 分值 │ 得分 │ 偏差原因分析及改进措施)
SELF_EVALUATION_COLUMNS = ("actual", "weight", "score", "shortfall")
_AFTER_UNIT = GRID_COLUMNS.index("unit") + 1
SELF_EVALUATION_GRID_COLUMNS = (*GRID_COLUMNS[:_AFTER_UNIT], *SELF_EVALUATION_COLUMNS,
                                *GRID_COLUMNS[_AFTER_UNIT:])


def grid_columns(kind: str) -> tuple[str, ...]:
    """The grid's columns for a project of ``kind`` (:attr:`perfdesk.core.model.Project.kind`):
    a 自评表's have its results after 值 and 单位; every other kind has the target table's."""
    from perfdesk.core.model import SELF_EVALUATION  # the data layer loads with a dataset

    return SELF_EVALUATION_GRID_COLUMNS if kind == SELF_EVALUATION else GRID_COLUMNS


# The grid cell that shows each indicator field: its own column, the 指标值 cell for the parts of
# the target, the 一级 cell for the label as imported, else the 三级指标 cell (the row's name).
# A 自评表's columns are their own cells; a grid without them shows those fields at the name.
_PART_OF = {"level1_source": "level1", "target": "value", "grade": "value", "value_text": "value"}
GRID_CELL_OF: dict[str, str] = {
    f: f if f in SELF_EVALUATION_GRID_COLUMNS else _PART_OF.get(f, "name")
    for f in INDICATOR_FIELDS}


def grid_cell_of(field: str, columns: tuple[str, ...] = GRID_COLUMNS) -> int:
    """The column of ``columns`` (a grid's, :func:`grid_columns`) that shows ``field``."""
    cell = GRID_CELL_OF.get(field, "name")
    return columns.index(cell if cell in columns else "name")


def _unknown(field: str) -> Text:
    return Text(field, field)


def project_label(field: str) -> Text:
    """The name of a project field (or ``department``/``unit``/``indicators``)."""
    return PROJECT_FIELDS.get(field) or _unknown(field)


def indicator_label(field: str) -> Text:
    """The name of an indicator field (``value`` is the 指标值 cell as a whole)."""
    return INDICATOR_FIELDS.get(field) or _unknown(field)


def task_label(field: str) -> Text:
    """The name of a 部门整体 task's field (年度主要任务's 任务名称, 预算金额 …)."""
    return TASK_FIELDS.get(field) or _unknown(field)


def in_sentence(label: Text) -> Text:
    """A label as it reads inside an English sentence (``indicator 5, target value``)."""
    en = label.en
    if len(en) > 1 and en[0].isupper() and not en[1].isupper():
        en = en[0].lower() + en[1:]
    return Text(label.zh, en)


def field_named(name: str, *, on_indicator: bool) -> str | None:
    """The field a clerk or a reviewer names, by its field name (``annual_goal``) or its label
    in either language (年度目标, Annual goal); ``None`` when there is none of that name."""
    table = INDICATOR_FIELDS if on_indicator else PROJECT_FIELDS
    wanted = name.strip()
    if wanted in table:
        return "value" if wanted in _PART_OF and _PART_OF[wanted] == "value" else wanted
    for field, label in table.items():
        if wanted in (label.zh, label.en) or wanted.casefold() == label.en.casefold():
            return _PART_OF.get(field, field) if field in ("target", "grade", "value_text") \
                else field
    if on_indicator:
        for field, heading in GRID_HEADERS.items():
            if wanted in (heading.zh, heading.en):
                return field
    return None
