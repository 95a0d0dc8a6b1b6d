"""The 检查结果 panel: the check findings of the current project (or of all), ready to act on.

Each row is one finding with its severity icon and message (what is wrong and how to fix it);
the panel below the list shows the selected finding in full. Double-click or Enter jumps to
the field; findings with an auto-fix show a fix icon (click it, or the 自动修正 button) that
applies the fix as one undoable edit. The summary on top counts errors, warnings and hints.
"""

from __future__ import annotations

import html
from typing import Any, TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from perfdesk.core.severity import Severity, Summary
from perfdesk.gui.forms.ui_findings_panel import Ui_FindingsPanel
from perfdesk.gui.icons import icon
from perfdesk.gui.labels import indicator_field, project_field
from perfdesk.gui.severity_style import HEX, ICON_NAMES
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.checking import LiveChecker

MESSAGE_COLUMN, PROJECT_COLUMN, FIX_COLUMN = range(3)
COLUMN_COUNT = 3

FindingRole = Qt.ItemDataRole.UserRole + 1
ProjectUuidRole = Qt.ItemDataRole.UserRole + 2

# Lines of text the box under the list holds: the selected finding in full (severity and rule,
# what is wrong and how to fix it, and the auto-fix) at the panel's default width, for all but
# the very longest findings of the sample.
DETAIL_LINES = 7

# The order a clerk reads a project in: header fields top to bottom, then the grid.
FORM_ORDER = ("name", "code", "department", "unit", "implementing_unit", "attribute",
              "period_start", "period_end", "includes_transfer", "no_service_recipients",
              "annual_total", "annual_fiscal", "annual_other", "midterm_total",
              "midterm_fiscal", "midterm_other", "initial_total", "initial_fiscal",
              "initial_other", "executed_total", "executed_fiscal", "executed_other",
              "funds_weight", "funds_score", "annual_goal", "goal_actual", "midterm_goal")
GRID_ORDER = ("level1", "level1_source", "level2", "name", "nature", "comparator", "value",
              "target", "grade", "value_text", "unit", "basis", "explanation")



def location_key(finding: Any, indicator_positions: dict[str, int]) -> tuple:
    """Sort key placing a finding where its field is on screen."""
    if finding.indicator_uuid is None:
        if finding.field == "indicators":
            return (1, -1, 0)
        order = FORM_ORDER.index(finding.field) if finding.field in FORM_ORDER else 0
        return (0, order, 0)
    column = GRID_ORDER.index(finding.field) if finding.field in GRID_ORDER else 3
    return (1, indicator_positions.get(finding.indicator_uuid, 10_000), column)


def location_text(finding: Any, indicator_positions: dict[str, int]) -> str:
    """Where a finding is, as a clerk reads it: 年度目标 / 第 3 行 指标值."""
    if finding.indicator_uuid is None:
        return project_field(finding.field)
    row = indicator_positions.get(finding.indicator_uuid)
    field = indicator_field(finding.field)
    if row is None:
        return field
    return _t("第 %1 行 %2").replace("%1", str(row + 1)).replace("%2", field)


class FindingsModel(QAbstractTableModel):
    """Findings of one project or of all projects, in reading order."""

    def __init__(self, checker: LiveChecker, project_order, project_name,
                 indicator_positions, parent=None) -> None:
        """``project_order()`` gives project uuids in tree order, ``project_name(uuid)`` a
        project's name, ``indicator_positions(uuid)`` its indicator uuids → row numbers."""
        super().__init__(parent)
        self.checker = checker
        self._order = project_order
        self._name = project_name
        self._positions = indicator_positions
        self.all_projects = False
        self.project_uuid: str | None = None
        self._rows: list[tuple[str, Any]] = []
        self._position_cache: dict[str, dict[str, int]] = {}

    def set_scope(self, all_projects: bool, project_uuid: str | None) -> None:
        self.all_projects = all_projects
        self.project_uuid = project_uuid
        self.rebuild()

    def rebuild(self) -> None:
        self.beginResetModel()
        self._position_cache = {}
        if self.all_projects:
            uuids = self._order()
        else:
            uuids = [self.project_uuid] if self.project_uuid else []
        rows = []
        for uuid in uuids:
            findings = self.checker.findings(uuid)
            if not findings:
                continue
            positions = self._positions(uuid) if uuid == self.project_uuid else {}
            if positions:
                self._position_cache[uuid] = positions
            rows.extend((uuid, f) for f in sorted(
                findings, key=lambda f, p=positions: location_key(f, p)))
        self._rows = rows
        self.endResetModel()

    def finding(self, row: int) -> tuple[str, Any]:
        return self._rows[row]

    def row_of(self, finding: Any) -> int:
        for row, (_uuid, candidate) in enumerate(self._rows):
            if candidate is finding or candidate == finding:
                return row
        return -1

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_t("问题"), _t("项目"), _t("修正"))[section] if 0 <= section < 3 else None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        uuid, finding = self._rows[index.row()]
        column = index.column()
        if role == FindingRole:
            return finding
        if role == ProjectUuidRole:
            return uuid
        positions = self._position_cache.get(uuid, {})
        if column == MESSAGE_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return _t("%1：%2").replace("%1", location_text(finding, positions)).replace(
                    "%2", str(finding.message))
            if role == Qt.ItemDataRole.DecorationRole:
                return icon(ICON_NAMES[Severity.of(finding)])
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{finding.rule}：{finding.message}"
        elif column == PROJECT_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._name(uuid)
        elif column == FIX_COLUMN and finding.fix is not None:
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("fix")
            if role == Qt.ItemDataRole.ToolTipRole:
                return _t("自动修正：%1").replace("%1", str(finding.fix.label))
        return None


class FindingsPanel(QWidget):
    """The dock's contents.

    Signals:
        jumpRequested(str, object): go to the field of this finding (project uuid, finding).
        fixRequested(str, object): apply this finding's auto-fix.
    """

    jumpRequested = Signal(str, object)
    fixRequested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FindingsPanel()
        self.ui.setupUi(self)
        self.model: FindingsModel | None = None
        self.checker: LiveChecker | None = None
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(150)
        self._rebuild_timer.timeout.connect(self._rebuild)
        self.ui.scopeCombo.currentIndexChanged.connect(self._scope_changed)
        self.ui.fixButton.clicked.connect(self._fix_selected)
        self.ui.findingsView.activated.connect(self._activated)
        self.ui.findingsView.clicked.connect(self._clicked)
        self.ui.fixButton.setEnabled(False)
        self._detail = ""
        self._totals = Summary()
        detail = self.ui.detailText
        detail.viewport().setAutoFillBackground(False)
        detail.setStyleSheet("QTextBrowser { background: transparent; }")
        detail.setFixedHeight(detail.fontMetrics().lineSpacing() * DETAIL_LINES + 8)
        self.show_summary(Summary())
        self._show_detail(None)

    def set_checker(self, checker: LiveChecker | None, project_order=None, project_name=None,
                    indicator_positions=None) -> None:
        self.checker = checker
        view = self.ui.findingsView
        if checker is None:
            self.model = None
            view.setModel(None)
            self.show_summary(Summary())
            self._show_detail(None)
            return
        self.model = FindingsModel(checker, project_order, project_name, indicator_positions,
                                   self)
        view.setModel(self.model)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PROJECT_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FIX_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(PROJECT_COLUMN, 120)
        header.resizeSection(FIX_COLUMN, 28)
        header.hide()
        view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_detail(
            cur if cur.isValid() else None))
        checker.findingsChanged.connect(self._findings_changed)
        # 正在检查… turns into 没有发现问题 when the background check ends without a change
        checker.busyChanged.connect(lambda _busy: self._show_current_detail())
        self._scope_changed()

    @property
    def all_projects(self) -> bool:
        return self.ui.scopeCombo.currentIndex() == 1

    def set_project(self, uuid: str | None) -> None:
        if self.model is not None:
            self.model.project_uuid = uuid
            self._rebuild()
            self._show_scope_summary()

    def _scope_changed(self, *_args) -> None:
        if self.model is None:
            return
        self.ui.findingsView.setColumnHidden(PROJECT_COLUMN, not self.all_projects)
        self.model.set_scope(self.all_projects, self.model.project_uuid)
        self._show_detail(None)
        self._show_scope_summary()

    def _findings_changed(self, uuids: list) -> None:
        if self.model is None:
            return
        if self.model.project_uuid in uuids and not self.all_projects:
            self._rebuild()  # the current project: at once, it follows the typing
        elif self.all_projects:
            self._rebuild_timer.start()

    def _rebuild(self) -> None:
        if self.model is None:
            return
        view = self.ui.findingsView
        current = view.currentIndex()
        keep = current.data(FindingRole) if current.isValid() else None
        self.model.rebuild()
        if keep is not None:
            row = self.model.row_of(keep)
            if row >= 0:
                view.setCurrentIndex(self.model.index(row, MESSAGE_COLUMN))
        self._show_current_detail()

    def _show_current_detail(self) -> None:
        current = self.ui.findingsView.currentIndex()
        self._show_detail(current if current.isValid() else None)

    def show_summary(self, totals: Summary) -> None:
        """The counts at the top follow the scope: the dataset's ``totals`` for 全部项目, the
        shown project's own for 当前项目."""
        self._totals = totals
        self._show_scope_summary()

    def _show_scope_summary(self) -> None:
        summary = self._totals
        if self.model is not None and self.checker is not None and not self.all_projects:
            uuid = self.model.project_uuid
            summary = self.checker.summary(uuid) if uuid else Summary()
        self.ui.summaryLabel.set_summary(summary)

    def select(self, finding: Any) -> None:
        """Select ``finding`` in the list if it is shown."""
        if self.model is None:
            return
        row = self.model.row_of(finding)
        if row >= 0:
            self.ui.findingsView.setCurrentIndex(self.model.index(row, MESSAGE_COLUMN))

    def current_finding(self) -> tuple[str, Any] | None:
        index = self.ui.findingsView.currentIndex()
        if not index.isValid():
            return None
        return index.data(ProjectUuidRole), index.data(FindingRole)

    def _show_detail(self, index) -> None:
        finding = index.data(FindingRole) if index is not None else None
        self.ui.fixButton.setEnabled(finding is not None and finding.fix is not None)
        if finding is None:
            if self.model is not None and self.model.rowCount():
                text = _t("双击问题（或按 F8）跳到出问题的字段。")
            elif self.model is not None and not self.all_projects and \
                    self.model.project_uuid is None:
                text = _t("选择一个项目查看它的问题，或在上方选择“全部项目”。")
            elif self.checker is not None and self.checker.busy and self.all_projects:
                text = _t("正在检查…")
            else:
                text = _t("没有发现问题。")
            self._set_detail(text)
            return
        level = Severity.of(finding)
        name = str(level.label)
        text = (f'<b style="color:{HEX[level]}">{html.escape(name)} '
                f'{html.escape(finding.rule)}</b><br>{html.escape(str(finding.message))}')
        if finding.fix is not None:
            text += "<br><i>" + html.escape(_t("可自动修正：%1").replace(
                "%1", str(finding.fix.label))) + "</i>"
        self._set_detail(text)

    def _set_detail(self, text: str) -> None:
        # a text browser of fixed height: a new text never re-lays out the panel (a label
        # would, on each keystroke that changes the findings)
        if text != self._detail:
            self._detail = text
            self.ui.detailText.setHtml(text)

    def _activated(self, index: QModelIndex) -> None:
        self.jumpRequested.emit(index.data(ProjectUuidRole), index.data(FindingRole))

    def _clicked(self, index: QModelIndex) -> None:
        finding = index.data(FindingRole)
        if index.column() == FIX_COLUMN and finding is not None and finding.fix is not None:
            self.fixRequested.emit(index.data(ProjectUuidRole), finding)

    def _fix_selected(self) -> None:
        current = self.current_finding()
        if current is not None and current[1].fix is not None:
            self.fixRequested.emit(*current)
