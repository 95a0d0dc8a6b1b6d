"""What each field of a project or an indicator is called on screen, in one place.

The form's labels, the grid's headers, the undo menu ("撤销 修改“年度目标”"), and the location
of a check finding all name fields the same way; they read these tables. The names are marked
for Qt Linguist here and translated when shown (after the translator is installed).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "Fields"

PROJECT_FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Fields", "项目名称"),
    "code": QT_TRANSLATE_NOOP("Fields", "项目编码"),
    "attribute": QT_TRANSLATE_NOOP("Fields", "项目属性"),
    "period_start": QT_TRANSLATE_NOOP("Fields", "项目期（起）"),
    "period_end": QT_TRANSLATE_NOOP("Fields", "项目期（止）"),
    "annual_total": QT_TRANSLATE_NOOP("Fields", "年度资金总额"),
    "annual_fiscal": QT_TRANSLATE_NOOP("Fields", "财政拨款"),
    "annual_other": QT_TRANSLATE_NOOP("Fields", "其他资金"),
    "midterm_total": QT_TRANSLATE_NOOP("Fields", "中期资金总额"),
    "midterm_fiscal": QT_TRANSLATE_NOOP("Fields", "中期财政拨款"),
    "midterm_other": QT_TRANSLATE_NOOP("Fields", "中期其他资金"),
    "annual_goal": QT_TRANSLATE_NOOP("Fields", "年度目标"),
    "midterm_goal": QT_TRANSLATE_NOOP("Fields", "中长期目标"),
    "implementing_unit": QT_TRANSLATE_NOOP("Fields", "实施单位"),
    "includes_transfer": QT_TRANSLATE_NOOP("Fields", "含转移支付"),
    "no_service_recipients": QT_TRANSLATE_NOOP("Fields", "无服务对象"),
    "source_ref": QT_TRANSLATE_NOOP("Fields", "来源"),
    "department": QT_TRANSLATE_NOOP("Fields", "主管部门"),
    "unit": QT_TRANSLATE_NOOP("Fields", "预算单位"),
    "indicators": QT_TRANSLATE_NOOP("Fields", "绩效指标"),
}

INDICATOR_FIELD_LABELS: dict[str, str] = {
    "level1": QT_TRANSLATE_NOOP("Fields", "一级指标"),
    "level2": QT_TRANSLATE_NOOP("Fields", "二级指标"),
    "name": QT_TRANSLATE_NOOP("Fields", "三级指标"),
    "nature": QT_TRANSLATE_NOOP("Fields", "指标性质"),
    "comparator": QT_TRANSLATE_NOOP("Fields", "计算符号"),
    "target": QT_TRANSLATE_NOOP("Fields", "指标值"),
    "value": QT_TRANSLATE_NOOP("Fields", "指标值"),
    "grade": QT_TRANSLATE_NOOP("Fields", "指标值"),
    "value_text": QT_TRANSLATE_NOOP("Fields", "指标值"),
    "unit": QT_TRANSLATE_NOOP("Fields", "计量单位"),
    "basis": QT_TRANSLATE_NOOP("Fields", "指标值设定依据"),
    "explanation": QT_TRANSLATE_NOOP("Fields", "指标解释"),
    "scoring": QT_TRANSLATE_NOOP("Fields", "评(扣)分标准"),
    "weight": QT_TRANSLATE_NOOP("Fields", "权重"),
    "remark": QT_TRANSLATE_NOOP("Fields", "备注"),
    "level1_source": QT_TRANSLATE_NOOP("Fields", "一级指标（原文）"),
    "source_text": QT_TRANSLATE_NOOP("Fields", "导入原文"),
    "source_ref": QT_TRANSLATE_NOOP("Fields", "来源"),
}


# The indicator grid's column headings, short as the official table's (一级 │ 二级 │ 三级指标 …).
GRID_HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Fields", "一级"),
    QT_TRANSLATE_NOOP("Fields", "二级"),
    QT_TRANSLATE_NOOP("Fields", "三级指标"),
    QT_TRANSLATE_NOOP("Fields", "性质"),
    QT_TRANSLATE_NOOP("Fields", "符号"),
    QT_TRANSLATE_NOOP("Fields", "值"),
    QT_TRANSLATE_NOOP("Fields", "单位"),
    QT_TRANSLATE_NOOP("Fields", "依据"),
    QT_TRANSLATE_NOOP("Fields", "解释"),
)


def grid_header(column: int) -> str:
    return QCoreApplication.translate(_CONTEXT, GRID_HEADERS[column])


def project_field(field: str) -> str:
    """The on-screen name of a project field (or ``department``/``unit``/``indicators``)."""
    return QCoreApplication.translate(_CONTEXT, PROJECT_FIELD_LABELS.get(field, field))


def indicator_field(field: str) -> str:
    """The on-screen name of an indicator field (``value`` is the 指标值 cell as a whole)."""
    return QCoreApplication.translate(_CONTEXT, INDICATOR_FIELD_LABELS.get(field, field))
