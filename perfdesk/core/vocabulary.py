"""The headings real tables use for each field: one vocabulary for paste and both importers.

Clerks' tables name the same column in many ways (指标值 / 年度指标值 / 目标值, 指标值设定依据 /
绩效标准, 绩效目标 / 年度绩效目标), in simplified or traditional characters, with a note in
brackets (指标值（%）, 年度资金总额（万元）). Every heading is compared as its :func:`heading_key`
against the names listed here: the indicator grid's columns (pasted blocks and the detailed
form), the labels of the detailed form's header block, and the columns of the disclosure table.

Each field's names are the union of what every reader used to accept, except where a name
means different things in different places: in a disclosure table 实施单位 and 单位 head the
budget-unit column, while on a detailed form 实施单位 is the implementing unit and 单位 is the
``单位：万元`` note or a 计量单位; 绩效目标 heads the disclosure table's goal column, while on a
detailed form it is the block above 中长期目标 and 年度目标. Those names stay with their layout.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from perfdesk.core.taxonomy import TRADITIONAL_TO_SIMPLIFIED, normalise_label, pinyin_notes

_MONEY_NOTE = re.compile(r"[（(](?:万元|元|单位：?万元|单位:?万元)[)）]$")
_BRACKET_NOTE = re.compile(r"\([^()]*\)$")
# a budget system's mark of a required field before its label: *年度绩效总目标, ＊联系人
_REQUIRED_MARK = re.compile(r"^[*＊]+")


def heading_key(text: object) -> str:
    """A heading as compared: trimmed, no blanks, simplified characters, ASCII brackets, no
    ``（万元）``-style note at the end and no required-field mark ``*`` in front."""
    if not isinstance(text, str):
        return ""
    key = _MONEY_NOTE.sub("", _REQUIRED_MARK.sub("", normalise_label(text)))
    return key.replace("（", "(").replace("）", ")")


def _table(names: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Heading key → field, from field → names written plainly."""
    table: dict[str, str] = {}
    for field, spellings in names.items():
        for spelling in spellings:
            key = heading_key(spelling)
            if table.setdefault(key, field) != field:  # pragma: no cover - a typo in the lists
                raise ValueError(f"heading {spelling!r} listed for {table[key]} and {field}")
    return table


# --- the indicator grid ---------------------------------------------------------------------

# "value" is the 指标值 column; "value_unit" a 指标值 column that holds the unit too. They read
# the same way (the value's own unit counts), but a template's 指标值及单位 column is written
# with the whole rendering (≥95%) where a 指标值 column gets the number alone.
# The level-1 column of an evaluation-indicator table (绩效指标分类 | 绩效指标 | …, 评价指标 |
# 评价内容 | 指标名称): its cells may hold the evaluation framework's own names (项目产出) or a
# label over the whole block (项目年度绩效目标) rather than a category.
EVALUATION_LEVEL1 = ("绩效指标分类", "指标分类", "评价指标")

# An evaluation-standard table grades each indicator under one heading (绩效指标评价标准 over
# 优 | 良 | 中 | 差): the 优 grade is what the project aims at, the target; the others are
# how it is scored. Field → the grade it stands for and the ways a table writes it.
GRADE_COLUMNS: dict[str, tuple[str, ...]] = {
    "grade_1": ("优", "优秀"), "grade_2": ("良", "良好"), "grade_3": ("中", "中等", "合格"),
    "grade_4": ("差", "较差", "不合格"),
}
_GRADED = ("绩效指标评价标准", "评价标准", "指标评价标准", "绩效评价标准", "评价等级")

INDICATOR_NAMES: dict[str, tuple[str, ...]] = {
    "level1": ("一级指标", "一级", "一级指标名称", *EVALUATION_LEVEL1),
    "level2": ("二级指标", "二级", "二级指标名称", "二级指标(年度)", "评价内容"),
    "longterm_level2": ("二级指标(长期)", "二级指标(中长期)", "二级指标(实施期)"),
    "name": ("三级指标", "三级", "三级指标名称", "指标名称", "三级指标(指标名称)", "绩效指标名称",
             "具体指标", "指标内容", "三级指标内容", "三级指标(年度)", "年度三级指标", "三级指标年度",
             "指标名称及内容"),
    "nature": ("指标性质", "性质", "指标值类型", "指标类型", "指标属性", "定量/定性"),
    "comparator": ("计算符号", "符号", "运算符号", "比较符号", "指标值符号", "指标方向", "指标方向性",
                   "方向"),
    "value": ("指标值", "值", "年度指标值", "目标值", "年度目标值", "绩效指标值", "指标值(目标值)",
              "指标值(包含数字及文字描述)", "年度指标值(包含数字及文字描述)", "预期目标值",
              "年度绩效指标值", "指标目标值", "预期指标值", "年度预期指标值", "指标值年度",
              "年度指标值(A)", "年初目标值", "年度计划值", "指标值(年度)", "当年预期实现值",
              "预期实现值", "计划指标值"),
    # a 中长期 column beside the annual one: kept with the annual indicator, never a target
    "longterm_name": ("三级指标(长期)", "三级指标(中长期)", "中长期三级指标", "三级指标中长期", "中长期指标",
                      "三级指标(实施期)", "实施期三级指标"),
    "longterm_value": ("指标值(长期)", "中长期指标值", "中长期目标值", "实施期指标值", "中期指标值", "长期指标值",
                       "指标值(中长期)", "指标值中长期", "实施期目标值", "中长期指标值(包含数字及文字描述)"),
    # what a 绩效自评表 holds beside the target
    "actual": ("全年实际值", "实际完成值", "实际值", "实际完成情况", "完成值", "年度实际完成值",
               "实际完成指标值", "全年完成值", "实际完成", "全年实际完成值", "实际完成值(B)",
               "全年实际值(B)", "实际达成值"),
    "score": ("得分", "自评得分", "实际得分", "评价得分", "评分"),
    "shortfall": ("未完成原因", "偏差原因分析及改进措施", "未完成原因分析", "偏差原因分析",
                  "未完成原因和改进措施", "未完成原因及改进措施", "偏差原因及改进措施",
                  "偏差原因分析及改进措施(含未完成原因)", "原因分析", "偏差原因",
                  "未完成原因分析及改进措施", "未完成原因及拟采取的改进措施",
                  "偏差原因分析及拟采取的改进措施", "未完成原因分析及拟采取的改进措施"),
    "value_unit": ("指标值及单位", "指标值(含单位)", "目标值及单位", "指标值及计量单位"),
    "unit": ("计量单位", "单位", "度量单位", "指标单位"),
    "basis": ("指标值设定依据", "依据", "设定依据", "绩效标准", "指标值确定依据", "指标设定依据",
              "评价标准", "评价标准确定依据", "评价标准依据"),
    "explanation": ("指标解释", "解释", "指标说明", "指标值说明", "指标解释说明", "指标解释(计算公式)",
                    "计算方法", "指标内涵", "指标描述", "绩效指标描述"),
    "scoring": ("评(扣)分标准", "评分标准", "扣分标准", "评分规则", "得分计算方法"),
    "weight": ("权重", "分值", "权重(分值)", "分值(权重)", "权重(%)", "指标权重", "指标分值", "标准分值",
               "满分", "指标分值(分)", "参考分值"),
    "remark": ("备注", "说明"),
    # a grade column, headed over two rows (绩效指标评价标准 / 优): read as 评价标准(优)
    **{field: tuple(f"{heading}({grade})" for heading in _GRADED for grade in grades)
       for field, grades in GRADE_COLUMNS.items()},
}
_INDICATOR = _table(INDICATOR_NAMES)

# Headings that name a column only where no other column does: 绩效指标 over an
# evaluation table's indicator names (elsewhere it labels the whole grid, left of 一级指标).
INDICATOR_FALLBACK: dict[str, tuple[str, ...]] = {"name": ("绩效指标",)}
_FALLBACK = _table(INDICATOR_FALLBACK)


def _lost_first() -> dict[str, dict[str, str]]:
    """A listed grid heading with its first character lost (级指标, 标值) → field → heading."""
    table: dict[str, dict[str, str]] = {}
    for key, grid_field in _INDICATOR.items():
        if len(key) >= 3:
            table.setdefault(key[1:], {}).setdefault(grid_field, key)
    return table


_LOST_FIRST = _lost_first()


def lost_first_character(text: object) -> dict[str, str]:
    """The grid headings ``text`` may be with its first character lost, as field → heading
    (``级指标`` → 一级指标, 二级指标, 三级指标): a published table whose first character went
    missing in copying. Which one is meant only the other headings of the row can tell."""
    return dict(_LOST_FIRST.get(heading_key(text), {}))


def fallback_column(text: object) -> str:
    """The indicator field a heading names when no column has a heading of its own for it
    (:data:`INDICATOR_FALLBACK`), or ``""``."""
    return _FALLBACK.get(heading_key(text), "")


def indicator_column(text: object, *, combined: bool = False, exact: bool = False) -> str:
    """The indicator field a grid heading names, or ``""``.

    A 指标值及单位 column reads as ``"value"`` unless ``combined`` asks to tell it apart (the
    template writer does). A note in brackets after a known heading (指标值（%）, 权重（分）) is
    ignored, unless ``exact`` asks for the heading exactly as listed (a heading made up of two
    rows, ``年度指标值`` over ``指标性质``, is not 年度指标值 with a note).
    """
    key = heading_key(text)
    if not key:
        return ""
    field = _INDICATOR.get(key) or ("" if exact else _INDICATOR.get(_BRACKET_NOTE.sub("", key), ""))
    return "value" if field == "value_unit" and not combined else field


# --- project fields -------------------------------------------------------------------------

_PROJECT_SHARED: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "项目", "项目支出名称", "专项名称", "单位(专项)名称", "项目(专项)名称",
             "专项资金名称", "项目全称", "支出项目名称", "项目名称(全称)", "专项(项目)名称",
             "项目支出名称(专项名称)", "二级项目名称", "政策(项目)名称"),
    "code": ("项目编码", "项目代码", "项目编号"),
    "department": ("主管部门", "主管部门名称", "主管部门及代码", "主管部门及编码", "主管部门编码及名称", "部门", "部门名称", "主管单位",
                   "部门(单位)名称", "部门(单位)", "主管部门(单位)", "主管部门(单位)名称",
                   "主管部门(单位)名称及部门预算编码", "部门单位名称", "预算部门",
                   "预算部门名称", "县级主管部门", "市级主管部门", "省级主管部门", "区级主管部门",
                   "乡级主管部门", "镇级主管部门", "项目主管部门"),
    "unit": ("预算单位", "预算单位名称", "预算单位及代码", "预算单位及编码", "单位名称", "预算单位(实施单位)",
             "项目单位", "申报单位", "下达地方或单位"),
    "annual_goal": ("年度目标", "年度绩效目标", "年度总体目标", "绩效目标(年度)",
                    "年度绩效目标(年度目标)", "年初设定目标", "年度目标任务", "预期目标", "本年度绩效目标", "本年度目标",
                    "项目年度目标", "年度绩效总目标"),
}

# The labels of the detailed form's header block (domain.md §5.2 and local variants). The
# money labels are parts of the funding block: 财政拨款 and 其他资金 belong to the 中期 or 年度
# total nearest to them, 一般公共预算/政府性基金/国有资本经营预算 split 财政拨款.
FORM_NAMES: dict[str, tuple[str, ...]] = {
    **_PROJECT_SHARED,
    "implementing_unit": ("实施单位", "项目实施单位", "具体实施单位", "实施单位及代码", "实施单位及编码", "实施单位名称",
                          "项目执行单位", "执行单位"),
    "unit_line": ("填报单位(盖章)", "填报单位"),
    "attribute": ("项目属性", "项目性质"),
    "period": ("项目期", "项目周期", "实施期", "项目实施期", "项目实施周期", "项目起止时间", "项目支出实施期",
               "实施周期"),
    # 项目资金总额: the whole project's funding (over all its years), beside the year's
    "midterm_total": ("中期资金总额", "实施期资金总额", "中期市财政预算", "项目资金总额"),
    "annual_total": ("年度资金总额", "年度资金", "当年资金总额", "年度本级预算金额", "本级预算金额",
                     "年度资金申请总额", "年度申请资金总额",
                     "年度资金总额及构成", "年度财政资金总额", "本年度申请市财政预算资金",
                     "下达中央预算内投资", "本次下达中央预算内投资"),
    "fiscal": ("财政拨款", "财政资金", "财政拨款资金", "当年财政拨款", "本年财政拨款", "财政拨款数"),
    "other": ("其他资金", "当年其他资金"),
    "general": ("一般公共预算", "一般公共预算拨款", "一般公共预算资金"),
    "fund": ("政府性基金", "政府性基金预算", "政府性基金预算拨款"),
    "soe": ("国有资本经营预算", "国有资本经营预算拨款"),
    # 财政拨款 split by the tier of government it comes from (重庆: 1.中央资金 2.市级资金 3.区级资金)
    "central": ("中央资金", "中央财政资金", "中央补助资金"),
    "provincial": ("省级资金", "省级财政资金"),
    "municipal": ("市级资金", "市级财政资金"),
    "local": ("区级资金", "县级资金", "区县级资金", "区级财政资金", "县级财政资金"),
    "midterm_goal": ("中长期目标", "长期目标", "实施期目标", "中期目标", "实施期绩效目标", "中长期绩效目标",
                     "总体目标", "中期滚动目标", "项目总目标", "项目总体目标"),
    # headings of the header block that hold no value of their own (the funding block's
    # title): recognised so that no field takes their text as its value
    "heading": ("项目资金", "资金情况", "项目资金情况", "资金来源", "预算安排", "年度预算安排",
                "资金总额", "年度预算", "项目预算执行情况",
                "部门总体资金情况", "总体资金情况", "资金投入", "项目资金来源", "预算执行情况",
                "年度履职目标", "年度主要任务",  # a 部门整体 table's block of tasks
                "年度绩效指标"),  # (the title row over its grid)
    # labels whose value PerfDesk has no field for (kept out of every other field)
    "unstored": ("项目类别", "项目类型", "立项依据", "保障绩效目标实现措施", "项目概况",
                 "项目概况及立项依据"),
    # a 部门整体 table's: its 部门(预算)编码, 部门职能职责概述 and the 年度预算安排's split
    "budget_code": ("部门预算编码", "部门编码", "部门代码", "部门预算代码"),
    "duties": ("部门职能职责概述", "部门职能概述", "部门职责概述", "部门职能职责"),
    "project_funds": ("项目支出",),
    "basic_funds": ("基本支出",),
    # the heading of a cost-breakdown block (成本构成 | 金额 | 测算依据 …)
    "cost": ("项目预算成本构成", "成本构成", "预算成本构成", "成本测算", "资金测算"),
}
_FORM = _table(FORM_NAMES)

# The columns of the disclosure table (domain.md §5.1 and the ways published tables name them).
TABLE_NAMES: dict[str, tuple[str, ...]] = {
    **_PROJECT_SHARED,
    "unit": (*_PROJECT_SHARED["unit"], "单位", "实施单位"),
    "annual_goal": (*_PROJECT_SHARED["annual_goal"], "绩效目标", "项目绩效目标"),
    "indicators": ("绩效指标", "年度绩效指标", "项目绩效指标", "绩效指标(年度)", "年度指标"),
    # a flat grid's amount column (one amount per project block)
    "annual_total": ("预算数", "预算金额", "年度预算数", "资金总额", "年度资金总额", "项目资金",
                     "预算资金", "项目金额", "年度预算金额"),
}
_TABLE = _table(TABLE_NAMES)

# The columns of a 部门整体 table's block of tasks: 财预〔2015〕88号's 年度主要任务 (任务名称 |
# 主要内容 | 预算金额（万元）over 总额 | 财政拨款 | 其他资金, closed by 金额合计) and the 年度履职目标
# of local forms (福建: 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额(万元)).
TASK_NAMES: dict[str, tuple[str, ...]] = {
    "function": ("部门职能", "部门职责", "职能职责"),
    "name": ("任务名称", "年度目标任务", "主要任务", "年度任务", "重点任务", "工作任务"),
    "content": ("主要内容", "任务内容", "主要工作内容"),
    "item": ("支出项目名称", "支出项目", "对应项目名称", "对应项目"),
    "total": ("预算金额", "总额", "预算金额总额", "金额", "预算资金"),
    "fiscal": ("财政拨款", "财政资金"),
    "other": ("其他资金",),
}
_TASK = _table(TASK_NAMES)
# the row under the tasks that sums them (not a task)
TASK_TOTAL_ROWS = frozenset(heading_key(t) for t in ("金额合计", "合计", "总计", "小计"))


def task_column(text: object) -> str:
    """The task field a column heading of a 部门整体 table's block of tasks names (``""``)."""
    key = heading_key(text)
    return _TASK.get(key) or _TASK.get(_BRACKET_NOTE.sub("", key), "") if key else ""


_OF_WHICH = ("其中：", "其中:", "其中")
# a funding line's number in its block: 1.中央资金, 2、市级资金
_NUMBERED = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十])[.、．]")
# labels that name a funding part only as an item of a numbered list (一、财政拨款 二、自有资金
# 三、其他): alone, 其他 is no label
_NUMBERED_ONLY = {"其他": "other"}


def form_label(text: object) -> str | None:
    """The field a label of the detailed form's header names (``其中：财政拨款`` → fiscal)."""
    key = heading_key(text)
    for prefix in _OF_WHICH:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix):]
            break
    numbered = _NUMBERED.match(key)
    key = _NUMBERED.sub("", key)
    if not key:
        return None
    if numbered and key in _NUMBERED_ONLY:
        return _NUMBERED_ONLY[key]
    # a note in brackets after a label: 中期滚动目标(2019年--2021年), 预算单位(盖章)
    found = _FORM.get(key) or _FORM.get(_BRACKET_NOTE.sub("", key))
    if found is None and key.startswith(_THIS_TIME) and len(key) > len(_THIS_TIME):
        # 本次下达中央预算内投资: the amount of this allocation, as the label without 本次
        rest = form_label(key[len(_THIS_TIME):])
        return rest if rest in MONEY_FIELDS else None
    return found


# The budget-execution row of a 绩效自评表 (财政项目支出绩效自评表: 年初预算数 | 全年预算数 |
# 全年执行数 | 分值 | 执行率 | 得分 beside 年度资金总额, and the 其中 rows under it): the headings
# of its cells. The 全年预算数 is the year's budget (annual_*), the 年初预算数 initial_*, the
# 全年执行数 executed_*, the 年度资金总额 row's 分值 and 得分 funds_weight and funds_score; the
# 执行率 is worked out, not stored.
EVALUATION_FUNDS: dict[str, tuple[str, ...]] = {
    "planned": ("年初预算数",), "budget": ("全年预算数", "调整后预算数"), "executed": ("全年执行数",),
    "weight": ("分值",), "rate": ("执行率",), "score": ("得分",),
}
# the same headings as forms with columns also shorten them (预算数(A) | 执行数(B), 调整预算数(A))
EXECUTION_HEADINGS: dict[str, tuple[str, ...]] = {
    **EVALUATION_FUNDS, "budget": (*EVALUATION_FUNDS["budget"], "调整预算数", "预算数"),
    "executed": (*EVALUATION_FUNDS["executed"], "执行数"),
}
_EXECUTION = _table(EXECUTION_HEADINGS)


def execution_heading(text: object) -> str | None:
    """The column of a 自评表's budget-execution block a heading names (``全年执行数(B)`` →
    executed, ``得分(20分*执行率)`` → score), or ``None``."""
    key = heading_key(text)
    return _EXECUTION.get(key) or _EXECUTION.get(_BRACKET_NOTE.sub("", key)) if key else None


# the 实际完成情况 heading beside a 自评表's 预期目标 / 年初设定目标 (its text under it)
GOAL_ACTUAL_NAMES = ("实际完成情况", "年度总体目标完成情况综述", "年度总体目标完成情况",
                     "全年实际完成情况", "完成情况综述", "总体目标完成情况", "目标完成情况")
_GOAL_ACTUAL = frozenset(heading_key(n) for n in GOAL_ACTUAL_NAMES)


def is_goal_actual(text: object) -> bool:
    """Whether a header cell heads the 年度总体目标's 实际完成情况 (its text under it)."""
    return heading_key(text) in _GOAL_ACTUAL
# labels of a 自评表's rows that hold no field: a 其中 row the form adds, the total of the scores
EVALUATION_ROWS = ("上年结转资金", "上年结转", "总分")


_THIS_TIME = "本次"
# the note of the amounts' unit beside a label (主管部门(盖章): …… 单位:万元): no label's value
_MONEY_UNIT_NOTE = re.compile(r"^(?:金额|资金)?单位[:：](?:万元|元)$")


def is_money_note(text: object) -> bool:
    """Whether a cell is the form's note of the unit its amounts are in (``单位:万元``)."""
    return bool(_MONEY_UNIT_NOTE.match(heading_key(text)))
# the labels of the funding block that hold an amount
MONEY_FIELDS = ("midterm_total", "annual_total", "fiscal", "other", "general", "fund", "soe",
                "central", "provincial", "municipal", "local")
# the two ways a table splits 财政拨款: by budget (一般公共预算 …) and by tier of government
FISCAL_SPLITS = {"budget": ("general", "fund", "soe"),
                 "tier": ("central", "provincial", "municipal", "local")}


# The tiers a 专项 table names its offices by (省级主管部门 / 市级主管部门 / 区级主管部门), highest
# first: the lowest tier a table names is the one spending the money.
_TIER_RANK = {"省级": 0, "市级": 1, "县级": 2, "区级": 2, "乡级": 3, "镇级": 3}


def label_tier(text: object) -> int | None:
    """How low the tier a label names is (``市级主管部门`` → 1, ``区级主管部门`` → 2), or ``None``
    for a label naming no tier (主管部门)."""
    key = heading_key(text)
    return next((rank for tier, rank in _TIER_RANK.items() if key.startswith(tier)), None)


# A unit label naming who submits the form (重庆's 申报单位 | 具体实施单位): paired with an
# 实施单位 line it has the role of the official 88号 form's 主管部门及代码 | 实施单位 (the one
# submitting is the department, the one implementing the unit); alone it is the unit.
SUBMITTER_LABELS = ("申报单位",)


def is_submitter(text: object) -> bool:
    """Whether a unit label names who submits the form (``申报单位``)."""
    return heading_key(text) in SUBMITTER_LABELS


def table_column(text: object) -> str | None:
    """The field a disclosure table's column heading names."""
    key = heading_key(text)
    return _TABLE.get(key) if key else None


# --- a value column per place ---------------------------------------------------------------

# the names of places that head one value column each (笏石街道办 | 埭头镇 under 指标值, or in
# place of it): a county's 专项资金 table gives each 属地's target; a name ends with its kind
PLACE_SUFFIXES = ("街道办事处", "街道办", "街道", "社区", "管委会", "镇", "乡", "村", "县", "区", "旗")


# --- where the grid ends --------------------------------------------------------------------

FOOTER_LABELS = ("填报人", "填表人", "联系电话", "填报日期", "审核意见", "单位负责人", "财务负责人",
                 "项目负责人", "主管部门审核意见", "单位公章")


def is_footer(text: object) -> bool:
    """Whether a row starting with ``text`` is the form's footer (填报人：张三, 审核意见 …)."""
    return heading_key(text).startswith(FOOTER_LABELS)


# --- what a table's title names -------------------------------------------------------------

# 发文字号 and the words before the subject: 邯财社〔2018〕126号 提前下达 …
_TITLE_HEAD = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}[〔\[(（]?(?:19|20)\d\d[〕\])）]?\d{1,4}号)?"
                         r"(?:关于)?(?:提前下达|下达|印发)?(?:(?:19|20)\d\d年度)?")
# the kind of table at the end: …绩效目标表, …绩效评价指标表, 预算指标绩效目标表 (预算指标: the allocation)
_TITLE_TAIL = re.compile(r"(?:预算指标)?(?:支出)?绩效(?:目标|评价指标|评价|指标|自评)(?:申报|审核|批复)?表$")
_GENERIC = {"", "项目", "项目支出", "专项", "专项资金", "部门", "部门预算", "部门预算项目", "部门整体",
            "整体", "单位整体", "部门(单位)整体"}


def title_subject(text: object) -> str:
    """What a table's title names, as the title writes it (traditional characters and all):
    ``2019年度宁晋县高中助学金项目绩效评价指标表`` → ``宁晋县高中助学金项目``; ``""`` when the
    title is not a performance table's (it must end in 绩效目标表, 绩效评价指标表 …) or names
    nothing of its own (``项目支出绩效目标表``)."""
    if not isinstance(text, str):
        return ""
    skipped = {i for start, end in pinyin_notes(text) for i in range(start, end)}
    kept = [(i, ch.translate(TRADITIONAL_TO_SIMPLIFIED)) for i, ch in enumerate(text)
            if i not in skipped and not ch.isspace()]
    key = "".join(ch for _i, ch in kept)
    tail = _TITLE_TAIL.search(key)
    if not tail:
        return ""
    head = _TITLE_HEAD.match(key[:tail.start()])
    start, end = head.end() if head else 0, tail.start()
    if heading_key(key[start:end]) in _GENERIC or end - start < 2:
        return ""
    return text[kept[start][0]:kept[end - 1][0] + 1].strip()
