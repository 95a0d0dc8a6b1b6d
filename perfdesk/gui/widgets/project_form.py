"""The project form: a project's header fields, typed, saved as they are completed.

Each widget edits one field of :class:`~perfdesk.core.model.Project`, but for 项目期: one field
typed as a clerk writes it (``2025-2027``, ``2023.7-2024.1``) and shown as the form writes it
(``2023年7月至2024年1月``), holding its years and months. Money fields accept only exact
decimals with at most two places (:class:`MoneyValidator`, over
:func:`perfdesk.core.values.parse_number`; never a float) and the total follows its parts as they
are typed. A field is written when it is completed (Enter, Tab, leaving it, choosing an item)
and, for text, also after a short pause in typing so a crash loses at most that pause; the
writes of one typing session merge into one undo step. While a field is typed, its project is
checked as a preview, so problem marks follow each keystroke.

Marks: a field with a finding gets a coloured border (by severity) and a tooltip with the
message and the fix (:meth:`ProjectForm.show_findings`).
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from perfdesk.core import entry, values
from perfdesk.core.errors import InvalidValueError, NotFoundError
from perfdesk.gui import commands
from perfdesk.core.severity import ERROR, Severity
from perfdesk.gui.forms.ui_project_form import Ui_ProjectForm
from perfdesk.gui.severity_style import HEX, field_marks_style
from perfdesk.gui.models.indicator_table_model import finding_text
from perfdesk.gui.widgets.task_table import TaskTable
from perfdesk.core.taxonomy import PROJECT_ATTRIBUTES

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.gui.checking import LiveChecker
    from perfdesk.gui.document import DatasetDocument
    from perfdesk.core.model import Project

TYPING_PAUSE_MS = 1500
# the project fields the one 项目期 field shows and edits (its years and, when known, months)
PERIOD_FIELDS = frozenset(values.PERIOD_FIELDS)
# the amounts of the funding block, typed as exact decimals in 万元
MONEY = ("annual_total", "annual_fiscal", "annual_other", "midterm_total", "midterm_fiscal",
         "midterm_other")
# what a 绩效自评表 states beside its budget (core.model.EXECUTION_FIELDS): shown for a 自评表
# only, typed as the amounts are (分值 and 得分 too: exact, at most two places)
EXECUTION = ("initial_total", "initial_fiscal", "initial_other", "executed_total",
             "executed_fiscal", "executed_other", "funds_weight", "funds_score")
# a 部门整体 target's 年度预算安排 split: shown for it only
BUDGET_SPLIT = ("project_funds", "basic_funds")
DECIMALS = (*MONEY, *EXECUTION, *BUDGET_SPLIT)

STYLE = field_marks_style(("QLineEdit", "QPlainTextEdit", "QComboBox"),
                          ("QLabel", "QCheckBox")) + f"""
QLabel#annualSum[state="bad"], QLabel#midtermSum[state="bad"] {{ color: {HEX[ERROR]}; }}
QLabel#annualSum[state="good"], QLabel#midtermSum[state="good"] {{ color: #2e7d32; }}
"""

# the fields typed as text boxes (a 自评表's 实际完成情况 and a 部门整体 target's 部门职能职责概述
# among them)
TEXT_BOXES = ("annual_goal", "midterm_goal", "goal_actual", "duties")

_MONEY_TYPING = re.compile(r"\d{1,3}(,\d{0,3})*(\.\d{0,2})?|\d+(\.\d{0,2})?")


class MoneyValidator(QValidator):
    """万元 amounts: exact decimals, not negative, at most two decimal places."""

    def validate(self, text: str, pos: int):  # noqa: D401 - Qt API
        plain = values.normalise_text(text).replace(" ", "")
        if not plain:
            return QValidator.State.Acceptable, text, pos
        if not _MONEY_TYPING.fullmatch(plain):
            return QValidator.State.Invalid, text, pos
        if plain.endswith((".", ",")) or values.parse_number(plain) is None:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:  # noqa: D401 - Qt API
        plain = values.normalise_text(text).replace(" ", "").rstrip(".,")
        return plain


class PeriodValidator(QValidator):
    """项目期 as a clerk types it: ``2025``, ``2025-2027``, ``2023.7-2024.1``, ``2023年7月至2024年
    1月`` (read by :func:`perfdesk.core.values.read_period`); letters are refused, text that
    states no year yet is not complete."""

    def validate(self, text: str, pos: int):  # noqa: D401 - Qt API
        plain = values.normalise_text(text)
        if not plain:
            return QValidator.State.Acceptable, text, pos
        if not _PERIOD_TYPING.fullmatch(plain):
            return QValidator.State.Invalid, text, pos
        if values.read_period(plain) is None:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


_PERIOD_TYPING = re.compile(r"[\d\s年月日号至到\-—–~～./／]*")


def money_text(amount: Decimal | None) -> str:
    return "" if amount is None else values.format_number(amount)


def parse_money(text: str) -> Decimal | None:
    """The amount typed so far (a trailing ``.`` or ``,`` still being typed ignored), read as
    every typed amount is (:func:`perfdesk.core.entry.read_money`, the task cells' too);
    ``None`` while it is none."""
    try:
        return entry.read_money(values.normalise_text(text).replace(" ", "").rstrip(".,"))
    except InvalidValueError:
        return None


class ProjectForm(QWidget):
    """The header fields of the current project.

    Signals:
        fieldFocused(str): the clerk moved into the widget of this field (for F8 context).
    """

    fieldFocused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProjectForm()
        self.ui.setupUi(self)
        self.setStyleSheet(STYLE)
        self.document: DatasetDocument | None = None
        self.checker: LiveChecker | None = None
        self.uuid: str | None = None
        self._sessions = itertools.count(1)
        self._session: dict[str, int] = {}
        self._own_edit = False
        self._pending_field = ""
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(TYPING_PAUSE_MS)
        self._idle.timeout.connect(self._commit_pending)
        ui = self.ui
        self.widgets: dict[str, QWidget] = {
            "name": ui.nameEdit, "code": ui.codeEdit, "attribute": ui.attributeCombo,
            "period": ui.periodEdit,
            "annual_total": ui.annualTotalEdit, "annual_fiscal": ui.annualFiscalEdit,
            "annual_other": ui.annualOtherEdit, "midterm_total": ui.midtermTotalEdit,
            "midterm_fiscal": ui.midtermFiscalEdit, "midterm_other": ui.midtermOtherEdit,
            "annual_goal": ui.annualGoalEdit, "midterm_goal": ui.midtermGoalEdit,
            "initial_total": ui.initialTotalEdit, "initial_fiscal": ui.initialFiscalEdit,
            "initial_other": ui.initialOtherEdit, "executed_total": ui.executedTotalEdit,
            "executed_fiscal": ui.executedFiscalEdit, "executed_other": ui.executedOtherEdit,
            "funds_weight": ui.fundsWeightEdit, "funds_score": ui.fundsScoreEdit,
            "goal_actual": ui.goalActualEdit,
            "implementing_unit": ui.implementingUnitEdit,
            "includes_transfer": ui.includesTransfer,
            "no_service_recipients": ui.noServiceRecipients,
            "department": ui.departmentValue, "unit": ui.unitValue,
        }
        self._department_fields()
        self._field_of = {id(w): f for f, w in self.widgets.items()}
        self._tooltips = {f: w.toolTip() for f, w in self.widgets.items()}
        self._marked: set[str] = set()
        ui.attributeCombo.addItems(["", *PROJECT_ATTRIBUTES])
        validator = MoneyValidator(self)
        for field in DECIMALS:
            self.widgets[field].setValidator(validator)
        ui.periodEdit.setValidator(PeriodValidator(self))
        for field in ("name", "code", "implementing_unit", "period", *DECIMALS):
            edit: QLineEdit = self.widgets[field]
            edit.textEdited.connect(lambda _text, f=field: self._typed(f))
            edit.editingFinished.connect(lambda f=field: self._commit(f))
        # the 自评表's rows: its budget execution and the goal as achieved
        self._self_evaluation_widgets = (
            ui.initialLabel, ui.executedLabel, ui.executionRate, ui.fundsPointsLabel,
            ui.fundsScoreLabel, ui.goalActualLabel,
            *(self.widgets[f] for f in (*EXECUTION, "goal_actual")))
        ui.executionRate.setToolTip(self.tr("执行率 = 全年执行数 ÷ 全年预算数（年度资金总额）"))
        for field in TEXT_BOXES:
            edit: QPlainTextEdit = self.widgets[field]
            edit.textChanged.connect(lambda f=field: self._goal_typed(f))
        ui.attributeCombo.activated.connect(lambda _i: self._commit("attribute"))
        for field in ("includes_transfer", "no_service_recipients"):
            self.widgets[field].toggled.connect(lambda _v, f=field: self._commit(f))
        for widget in self.widgets.values():
            widget.installEventFilter(self)
        # a 部门整体 target's 年度主要任务, under its goals; shown only for one
        self.tasks = TaskTable(self)
        self.tasks.setObjectName("taskBlock")
        ui.formLayout.addWidget(self.tasks, 6, 0, 1, 6)
        self.tasks.hide()
        # what a department's whole-budget target has no use for: 项目编码, 项目属性, 项目期,
        # the 中期 funding line and the 中长期目标
        self._project_only = (
            ui.codeLabel, ui.codeEdit, ui.attributeLabel, ui.attributeCombo, ui.periodLabel,
            ui.periodEdit, ui.midtermTotalLabel, ui.midtermTotalEdit, ui.midtermEquals,
            ui.midtermFiscalEdit, ui.midtermPlus, ui.midtermOtherEdit, ui.midtermSum,
            ui.midtermGoalLabel, ui.midtermGoalCount, ui.midtermGoalEdit)
        self.setEnabled(False)

    # --- binding ----------------------------------------------------------------------------

    def set_document(self, document: DatasetDocument | None,
                     checker: LiveChecker | None = None) -> None:
        self.document = document
        self.checker = checker
        self.uuid = None
        if document is not None:
            document.projectChanged.connect(self._project_changed)
            document.treeChanged.connect(self._tree_changed)
            if checker is not None:
                checker.findingsChanged.connect(self._findings_changed)
        self.tasks.set_document(document)

    def show_project(self, uuid: str | None) -> None:
        """Show ``uuid`` (committing whatever was being typed in the previous project)."""
        self.commit_pending()
        self.uuid = uuid
        self.setEnabled(uuid is not None)
        if uuid is None:
            self._clear()
            self._show_kind(False)
            self.tasks.show_project(None)
            return
        project = self.document.project(uuid)
        whole = self._show_kind(project.kind)
        self.tasks.show_project(uuid if whole else None)
        self._fill(project, None)
        read_only = self.document.read_only
        for field, widget in self.widgets.items():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(read_only)
            elif isinstance(widget, (QComboBox, QCheckBox)):
                widget.setEnabled(not read_only)
        self._findings_changed([uuid])

    def _department_fields(self) -> None:
        """A 部门整体 target's own header fields: the 年度预算安排's 项目支出 and 基本支出 and the
        部门职能职责概述, in a block under its tasks (hidden for a 申报 project)."""
        block = QWidget(self)
        block.setObjectName("departmentFields")
        grid = QGridLayout(block)
        grid.setContentsMargins(0, 0, 0, 0)
        self.project_funds_edit = QLineEdit(block)
        self.basic_funds_edit = QLineEdit(block)
        self.duties_edit = QPlainTextEdit(block)
        self.duties_edit.setTabChangesFocus(True)
        self.duties_edit.setMaximumHeight(60)
        for edit in (self.project_funds_edit, self.basic_funds_edit):
            edit.setPlaceholderText(self.tr("万元"))
            edit.setAlignment(self.ui.annualTotalEdit.alignment())
        labels = (QLabel(self.tr("项目支出（万元）"), block), QLabel(self.tr("基本支出（万元）"), block),
                  QLabel(self.tr("部门职能职责概述"), block))
        for label, edit in zip(labels, (self.project_funds_edit, self.basic_funds_edit,
                                        self.duties_edit)):
            label.setBuddy(edit)
        grid.addWidget(labels[0], 0, 0)
        grid.addWidget(self.project_funds_edit, 0, 1)
        grid.addWidget(labels[1], 0, 2)
        grid.addWidget(self.basic_funds_edit, 0, 3)
        grid.addWidget(labels[2], 1, 0)
        grid.addWidget(self.duties_edit, 1, 1, 1, 3)
        self.ui.formLayout.addWidget(block, 7, 0, 1, 6)
        self.department_block = block
        block.hide()
        self.widgets.update(project_funds=self.project_funds_edit,
                            basic_funds=self.basic_funds_edit, duties=self.duties_edit)

    def _show_kind(self, kind: str | bool) -> bool:
        """Show the fields of a project's kind: a 部门整体 target's tasks instead of a project's
        项目编码, 项目属性, 项目期, 中期 funding and 中长期目标. Returns whether it is one."""
        from perfdesk.core.model import DEPARTMENT_WHOLE

        whole = kind == DEPARTMENT_WHOLE
        for widget in self._project_only:
            widget.setVisible(not whole)
        self.tasks.setVisible(whole)
        self.department_block.setVisible(whole)
        return whole

    def department_whole(self) -> bool:
        """Whether the form shows a 部门整体 target (its tasks, no project-only fields)."""
        return self.tasks.isVisibleTo(self)

    def _clear(self) -> None:
        for widget in self.widgets.values():
            widget.blockSignals(True)
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.clear()
            widget.blockSignals(False)
        self.show_findings([])

    def _fill(self, project: Project, fields: list | None) -> None:
        ui = self.ui
        wanted = set(fields) if fields is not None else None
        focused = self.focusWidget() if self._own_edit else None

        def want(field: str) -> bool:
            if wanted is not None and field not in wanted and not (
                    field == "period" and wanted & PERIOD_FIELDS):
                return False
            return self.widgets[field] is not focused

        for field in ("name", "code", "implementing_unit"):
            if want(field):
                self._set_text(self.widgets[field], getattr(project, field))
        for field in DECIMALS:
            if want(field):
                self._set_text(self.widgets[field], money_text(getattr(project, field)))
        for field in TEXT_BOXES:
            if want(field):
                edit: QPlainTextEdit = self.widgets[field]
                if edit.toPlainText() != getattr(project, field):
                    edit.blockSignals(True)
                    edit.setPlainText(getattr(project, field))
                    edit.blockSignals(False)
        if want("attribute"):
            combo = ui.attributeCombo
            combo.blockSignals(True)
            if combo.findText(project.attribute) < 0:
                combo.addItem(project.attribute)  # an imported non-standard attribute
            combo.setCurrentIndex(combo.findText(project.attribute))
            combo.blockSignals(False)
        if want("period"):
            self._set_text(ui.periodEdit, project.period.text())
        for field in ("includes_transfer", "no_service_recipients"):
            if want(field):
                box: QCheckBox = self.widgets[field]
                box.blockSignals(True)
                box.setChecked(bool(getattr(project, field)))
                box.blockSignals(False)
        if wanted is None:
            self._show_place(project)
        if wanted is None or "kind" in wanted:
            self._show_self_evaluation(project)
        self._update_counts()
        self._update_sums()

    def _show_self_evaluation(self, project: Project) -> None:
        """The 自评表's rows for a 自评表 (or a project holding what one states, a 部门整体
        自评表's), hidden for every other project: a 申报 project's form is as before."""
        from perfdesk.core.model import EXECUTION_FIELDS, SELF_EVALUATION

        shown = project.kind == SELF_EVALUATION or bool(project.goal_actual) or any(
            getattr(project, f) is not None for f in EXECUTION_FIELDS)
        for widget in self._self_evaluation_widgets:
            widget.setVisible(shown)

    @staticmethod
    def _set_text(edit: QLineEdit, text: str) -> None:
        if edit.text() != text:
            edit.blockSignals(True)
            edit.setText(text)
            edit.setCursorPosition(0)
            edit.blockSignals(False)

    # --- reading what is typed --------------------------------------------------------------

    def value(self, field: str) -> Any:
        """The value a widget holds now, as the model field wants it."""
        widget = self.widgets[field]
        if field in DECIMALS:
            return parse_money(widget.text())
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QComboBox):
            return widget.currentText().strip()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        raise KeyError(field)

    def pending_changes(self, field: str) -> dict[str, Any]:
        """What completing ``field`` now would write (empty when nothing changes); the
        meaning is the core's (:func:`perfdesk.core.entry.typed_project_changes`)."""
        if self.uuid is None:
            return {}
        widget = self.widgets[field]
        if isinstance(widget, QLineEdit) and not widget.hasAcceptableInput():
            return {}
        return entry.typed_project_changes(self.document.project(self.uuid), field,
                                           self.value(field))

    # --- writing ----------------------------------------------------------------------------

    def _typed(self, field: str) -> None:
        self._pending_field = field
        self._idle.start()
        if field in DECIMALS:
            self._update_sums()
        self._preview(field)

    def _goal_typed(self, field: str) -> None:
        self._update_counts()
        if self.uuid is None or self._own_edit:
            return
        self._typed(field)

    def _preview(self, field: str) -> None:
        if self.checker is None or self.uuid is None:
            return
        changes = self.pending_changes(field)
        if changes:
            self.checker.preview_project(self.uuid, changes)

    def _commit_pending(self) -> None:
        if self._pending_field:
            self._commit(self._pending_field, typing=True)

    def commit_pending(self) -> None:
        """Write what is being typed now (before switching projects, closing, exporting)."""
        self._idle.stop()
        if self._pending_field:
            self._commit(self._pending_field)

    def _commit(self, field: str, typing: bool = False) -> None:
        if self.uuid is None or self.document is None or self.document.read_only:
            return
        if not typing:
            self._idle.stop()
            self._pending_field = ""
        changes = self.pending_changes(field)
        if not changes:
            if self.checker is not None and self.checker.checked(self.uuid):
                self.checker.recheck(self.uuid)  # drop a preview of an edit not made
            return
        session = self._session.get(field)
        self._own_edit = True
        try:
            self.document.push(commands.EditProject(self.document, self.uuid, changes,
                                                    session=session))
        finally:
            self._own_edit = False
        if field == "period" and not typing:  # shown as read: 2023.7-2024.1 → 2023年7月至2024年1月
            self._set_text(self.ui.periodEdit, self.document.project(self.uuid).period.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        field = self._field_of.get(id(watched))
        if field is not None:
            if event.type() == QEvent.Type.FocusIn:
                self._session[field] = next(self._sessions)
                self.fieldFocused.emit(field)
                self._scroll_to(watched)
            elif event.type() == QEvent.Type.FocusOut and isinstance(watched, QPlainTextEdit):
                self._commit(field)
        return super().eventFilter(watched, event)

    # --- following the document -------------------------------------------------------------

    def _project_changed(self, uuid: str, fields: list) -> None:
        if uuid != self.uuid:
            return
        try:
            project = self.document.project(uuid)
        except NotFoundError:
            return
        self._fill(project, fields)

    def _tree_changed(self) -> None:
        if self.uuid is None:
            return
        try:
            project = self.document.project(self.uuid)
        except NotFoundError:
            self.show_project(None)
            return
        self._show_place(project)

    def _show_place(self, project: Project) -> None:
        """主管部门 and 预算单位 (set in the tree); long names are cut, the tooltip has them."""
        for label, text, field in ((self.ui.departmentValue, project.department, "department"),
                                   (self.ui.unitValue, project.unit, "unit")):
            label.setText(text)
            self._tooltips[field] = text
            if field not in self._marked:
                label.setToolTip(text)

    def _findings_changed(self, uuids: list) -> None:
        if self.uuid in uuids and self.checker is not None:
            self.show_findings(self.checker.findings(self.uuid))

    # --- marks ------------------------------------------------------------------------------

    def show_findings(self, findings: list) -> None:
        """Mark the fields that the project-level findings point at (and clear the rest)."""
        by_field: dict[str, list] = {}
        for finding in findings:
            if finding.indicator_uuid is None and finding.field != "indicators":
                field = self._form_field(finding.field)
                by_field.setdefault(field, []).append(finding)
        for field in self._marked - set(by_field):
            self._mark(field, "", self._tooltips[field])
        for field, found in by_field.items():
            self._mark(field, Severity.of(found[0]).value,
                       "\n\n".join(finding_text(f) for f in found))
        self._marked = set(by_field)

    def _mark(self, field: str, level: str, tooltip: str) -> None:
        widget = self.widgets[field]
        if widget.property("severity") != level:
            widget.setProperty("severity", level)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.update()
        widget.setToolTip(tooltip)

    def _form_field(self, field: str) -> str:
        """The form's field that shows a project field: ``period`` for 项目期's years and
        months, the name for a field the form has no widget for."""
        if field in PERIOD_FIELDS:
            return "period"
        return field if field in self.widgets else "name"

    def marked_fields(self) -> dict[str, str]:
        """Fields with a mark now and its severity (what a clerk sees as coloured borders)."""
        return {f: self.widgets[f].property("severity") for f in self._marked}

    def focus_field(self, field: str) -> bool:
        widget = self.widgets.get(self._form_field(field))
        if widget is None or not widget.isEnabled():
            widget = self.ui.nameEdit
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        self._scroll_to(widget)
        return True

    def _scroll_to(self, widget: QWidget) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 10, 10)

    # --- live figures -----------------------------------------------------------------------

    def _update_counts(self) -> None:
        for field, label in (("annual_goal", self.ui.annualGoalCount),
                             ("midterm_goal", self.ui.midtermGoalCount)):
            count = len(self.widgets[field].toPlainText().strip())
            label.setText(self.tr("%1 字").replace("%1", str(count)) if count else "")

    def _update_sums(self) -> None:
        for prefix, label in (("annual", self.ui.annualSum), ("midterm", self.ui.midtermSum)):
            total = parse_money(self.widgets[f"{prefix}_total"].text())
            fiscal = parse_money(self.widgets[f"{prefix}_fiscal"].text())
            other = parse_money(self.widgets[f"{prefix}_other"].text())
            parts = entry.money_sum(fiscal, other)
            if parts is None:
                text, state = "", ""
            elif total is None or total == parts:
                text = self.tr("合计 %1").replace("%1", values.format_number(parts))
                state = "good"
            else:
                text = self.tr("合计 %1，与总额不符").replace("%1", values.format_number(parts))
                state = "bad"
            label.setText(text)
            label.setToolTip(text)  # the column may be too narrow for a large sum
            if label.property("state") != state:
                label.setProperty("state", state)
                label.style().unpolish(label)
                label.style().polish(label)
        rate = values.execution_rate(parse_money(self.widgets["executed_total"].text()),
                                     parse_money(self.widgets["annual_total"].text()))
        self.ui.executionRate.setText(
            "" if rate is None else self.tr("执行率 %1").replace("%1", values.format_rate(rate)))

