"""报送情况 as a table: one row per unit of the task (then any other unit that submitted), the
latest submission received from each; units still missing are tinted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush

from perfdesk.core.severity import ERROR, WARNING
from perfdesk.gui.severity_style import TINTS
from perfdesk.gui.translate import _t

UNIT, CODE, SUBMITTED, NUMBER, AT, RECEIVED_AT, PROJECTS, INDICATORS, ERRORS, WARNINGS, \
    EXPLAINED, CHANGED, APP_VERSION, RULES_VERSION, SUBMISSION_ID = range(15)
# the keys of perfdesk.services.submission.status rows, in column order
KEYS = ("unit", "code", "submitted", "number", "at", "received_at", "projects", "indicators",
        "errors", "warnings", "explained", "changed", "app_version", "rules_version",
        "submission_id")


def headers() -> list[str]:
    return [_t("预算单位"), _t("单位编码"), _t("是否报送"), _t("报送次数"), _t("报送时间"),
            _t("接收时间"), _t("项目数"), _t("指标数"), _t("错误"), _t("警告"), _t("已说明"),
            _t("含手工修改"), _t("PerfDesk 版本"), _t("审核规则版本"), _t("报送编号")]


class SubmissionStatusModel(QAbstractTableModel):
    """The rows of :func:`perfdesk.services.submission.status.status`."""

    def __init__(self, report: dict, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.rows: list[dict] = list(report["units"])
        self._headers = headers()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def missing(self, row: int) -> bool:
        return not self.rows[row]["submitted"]

    def text(self, row: int, column: int) -> str:
        values = self.rows[row]
        value = values.get(KEYS[column], "")
        if column == SUBMITTED:
            return _t("已报送") if value else _t("未报送")
        if not values["submitted"] and column > SUBMITTED:
            return ""
        if column == CHANGED:
            return _t("是") if value else _t("否")
        if column == NUMBER:
            return _t("第%1次").replace("%1", str(value))
        if column in (AT, RECEIVED_AT):
            return str(value)[:16].replace("T", " ")
        return str(value)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.missing(row):
                return QBrush(TINTS[ERROR])
            if self.rows[row].get("changed"):
                return QBrush(TINTS[WARNING])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                PROJECTS, INDICATORS, ERRORS, WARNINGS, EXPLAINED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
