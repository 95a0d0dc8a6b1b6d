"""The preview shown before cells pasted from Excel become indicators.

Pasting forty rows into the grid must not silently create forty half-right indicators: the
clerk first sees each row as it will be created (categories carried down, 指标值 split into
计算符号/指标值/计量单位), every cell that could not be read or breaks a check marked in colour
with the reason in its tooltip, and chooses which rows to create. Reading the text is the
core's job (:mod:`perfdesk.io.paste`); the checks come from the caller (the main window runs
``check_project`` on the project with the new rows added), so this dialog stays a view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QWidget

from perfdesk.core.severity import Severity, summarise, worst
from perfdesk.gui.forms.ui_paste_dialog import Ui_PasteDialog
from perfdesk.gui.severity_style import MUTED, TINTS
from perfdesk.core import values
from perfdesk.core.fields import GRID_COLUMNS, grid_cell_of, indicator_label
from perfdesk.io.paste import PasteResult, parse_paste

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.core.model import Indicator


Check = Callable[[list["Indicator"]], Iterable[Any]]


@dataclass(frozen=True, slots=True)
class PreviewNote:
    """One thing to say about a preview cell: a reading problem or a check finding."""

    severity: Severity
    message: str


class PasteRowsModel(QAbstractTableModel):
    """The rows a paste will create: a 新建 check box, then the grid's columns (``columns``:
    those of the project pasted into, :func:`perfdesk.core.fields.grid_columns`).

    Roles: DisplayRole (the cell as it will be created), ToolTipRole (the notes, or the full
    text), BackgroundRole (tinted by the worst note), CheckStateRole (column 0: create this
    row), SeverityRole (worst note's severity or "").
    """

    INCLUDE = 0
    COLUMNS: tuple[str, ...] = ("include", *GRID_COLUMNS)  # a target table's; see __init__
    SeverityRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, result: PasteResult, notes: dict[tuple[int, str], list[PreviewNote]],
                 parent=None, *, columns: Sequence[str] = GRID_COLUMNS) -> None:
        super().__init__(parent)
        self.COLUMNS = ("include", *columns)
        self.pasted = result
        self.notes = notes
        self.included = [True] * len(result.rows)

    # --- shape ------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.pasted.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.COLUMNS):
                return None
            column = self.COLUMNS[section]
            return self.tr("新建") if column == "include" else str(indicator_label(column))
        if 0 <= section < len(self.pasted.rows):
            return self.tr("第 %n 行", "", self.pasted.rows[section].line)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.INCLUDE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # --- content ----------------------------------------------------------------------------

    def cell_text(self, row: int, column: str) -> str:
        indicator = self.pasted.rows[row].indicator
        if column in ("comparator", "value", "unit"):
            comparator, value, unit = indicator.value_columns()
            return {"comparator": comparator, "value": value, "unit": unit}[column]
        if column in ("weight", "score"):  # a 自评表's 分值 and 得分
            number = getattr(indicator, column)
            return "" if number is None else values.format_number(number)
        return str(getattr(indicator, column) or "")

    def cell_notes(self, row: int, column: str) -> list[PreviewNote]:
        return self.notes.get((row, column), [])

    def worst(self, row: int, column: str) -> Severity | str:
        """The most serious note's severity at a cell, ``""`` when it has none."""
        return worst(self.cell_notes(row, column)) or ""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.pasted.rows):
            return None
        row, column = index.row(), self.COLUMNS[index.column()]
        if column == "include":
            if role == Qt.ItemDataRole.CheckStateRole:
                return (Qt.CheckState.Checked if self.included[row]
                        else Qt.CheckState.Unchecked)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("取消勾选则不新建这一行")
            if role == Qt.ItemDataRole.BackgroundRole:
                worst = self.row_worst(row)
                return TINTS[worst] if worst else None
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(self.cell_text(row, column).split("\n"))
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = self.cell_notes(row, column)
            if notes:
                return "\n".join(f"{n.severity.label}：{n.message}" for n in notes)
            text = self.cell_text(row, column)
            return text if len(text) > 20 or "\n" in text else None
        if role == Qt.ItemDataRole.BackgroundRole:
            worst = self.worst(row, column)
            return TINTS[worst] if worst else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if self.included[row] else MUTED
        if role == self.SeverityRole:
            return self.worst(row, column)
        return None

    def row_worst(self, row: int) -> Severity | str:
        return worst(n for c in self.COLUMNS[1:] for n in self.cell_notes(row, c)) or ""

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != self.INCLUDE
                or role != Qt.ItemDataRole.CheckStateRole):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self.included[index.row()] = state == Qt.CheckState.Checked
        left = self.index(index.row(), 0)
        right = self.index(index.row(), len(self.COLUMNS) - 1)
        self.dataChanged.emit(left, right)
        return True

    def chosen(self) -> list[Indicator]:
        return [row.indicator for row, keep in zip(self.pasted.rows, self.included) if keep]


def collect_notes(result: PasteResult, findings: Iterable[Any] = (),
                  columns: Sequence[str] = GRID_COLUMNS
                  ) -> dict[tuple[int, str], list[PreviewNote]]:
    """Notes per (row, column of ``columns``): the paste's reading problems and the check
    findings that point at a new indicator (project-level findings and other rows' are left
    out); a field without a column of its own is noted at the name."""
    columns = tuple(columns)
    notes: dict[tuple[int, str], list[PreviewNote]] = {}
    rows = {row.indicator.uuid: n for n, row in enumerate(result.rows)}
    for n, row in enumerate(result.rows):
        for problem in row.problems:
            notes.setdefault((n, columns[grid_cell_of(problem.field, columns)]), []).append(
                PreviewNote(problem.severity, str(problem.message)))
    for finding in findings:
        n = rows.get(finding.indicator_uuid)
        if n is None:
            continue
        column = columns[grid_cell_of(finding.field, columns)]
        rule = getattr(finding, "rule", "")
        message = f"{finding.message}（{rule}）" if rule else str(finding.message)
        notes.setdefault((n, column), []).append(PreviewNote(Severity.of(finding), message))
    return notes


class PasteDialog(QDialog):
    """Preview of a paste; ``exec()`` or ``open()`` it, then take :meth:`indicators`.

    Attributes:
        pasted: what the pasted text was read into.
        model: the preview's rows (:class:`PasteRowsModel`).
    """

    def __init__(self, result: PasteResult, *, check: Check | None = None,
                 columns: Sequence[str] = GRID_COLUMNS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PasteDialog()
        self.ui.setupUi(self)
        self.pasted = result
        findings = list(check(result.indicators())) if check is not None and result.rows else []
        self.model = PasteRowsModel(result, collect_notes(result, findings, columns), self,
                                    columns=columns)
        self.ui.table.setModel(self.model)
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.ui.table.resizeColumnsToContents()
        for column in range(1, self.model.columnCount()):  # long texts must not widen the table
            self.ui.table.setColumnWidth(column, min(self.ui.table.columnWidth(column), 220))
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("取消"))
        self.model.dataChanged.connect(self._update)
        self._show_summary()
        self._update()

    @classmethod
    def from_text(cls, text: str, *, profile: str, grades: Sequence[str],
                  columns: Sequence[str] = GRID_COLUMNS, start_column: int = 0,
                  level1: str = "", level2: str = "", check: Check | None = None,
                  parent: QWidget | None = None) -> "PasteDialog":
        """Read the clipboard's text (see :func:`perfdesk.io.paste.parse_paste`) and preview it."""
        result = parse_paste(text, profile=profile, grades=grades, columns=columns,
                             start_column=start_column, level1=level1, level2=level2)
        return cls(result, check=check, columns=columns, parent=parent)

    def indicators(self) -> list[Indicator]:
        """The indicators to create: the rows left ticked, in order."""
        return self.model.chosen()

    def _show_summary(self) -> None:
        result = self.pasted
        if not result.rows:
            self.ui.summaryLabel.setText(self.tr(
                "剪贴板里没有可以新建为指标的内容。请在 Excel 中选中指标所在的行（可以连同表头一起）"
                "复制，再回到这里粘贴。"))
        else:
            if result.heading_line is not None:
                how = self.tr("按第 %1 行的表头识别各列").replace(
                    "%1", str(result.heading_line))
            elif result.by_content:
                how = self.tr("没有表头，按内容认出了各列（见下方）")
            else:
                first = next((c for c in result.columns if c), "")
                how = self.tr("没有表头，按指标表的列顺序读取（从“%1”列开始）").replace(
                    "%1", str(indicator_label(first)) if first else "")
            counts = summarise(n for notes in self.model.notes.values() for n in notes)
            problems = ""
            if counts.problems:
                problems = self.tr("有 %1 处错误、%2 处警告（已用颜色标出），新建后可以继续修改。") \
                    .replace("%1", str(counts.errors)).replace("%2", str(counts.warnings))
            self.ui.summaryLabel.setText(
                self.tr("从剪贴板读到 %1 行指标；%2。").replace("%1", str(len(result.rows)))
                .replace("%2", how) + problems)
        notices = [str(n) for n in result.notices]
        self.ui.noticesLabel.setText("\n".join(notices))
        self.ui.noticesLabel.setVisible(bool(notices))

    def _update(self, *args: object) -> None:
        count = sum(self.model.included)
        self.ok_button.setText(self.tr("新建 %1 个指标").replace("%1", str(count)))
        self.ok_button.setEnabled(count > 0)
