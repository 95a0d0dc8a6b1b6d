"""A 部门整体 target's 年度主要任务 on the project form: one row per task, edited in place.

Each cell is one field of :class:`~perfdesk.core.model.Task` (部门职能, 任务名称, 主要内容,
支出项目名称, and the 预算金额's 总额, 财政拨款, 其他资金 in 万元). What a clerk types is read by the
core (:func:`perfdesk.core.entry.typed_task_changes`: text trimmed, an amount exact — never a
float — and the 总额 following 财政拨款 + 其他资金 while it did); each completed cell is one undo
command (:class:`~perfdesk.gui.commands.EditTask`), as are adding and deleting rows. The table
follows the document's ``tasksChanged`` signal, never what it sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from perfdesk.core import entry, values
from perfdesk.core.errors import InvalidValueError
from perfdesk.gui import commands
from perfdesk.gui.labels import task_field, task_header

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.core.model import Task
    from perfdesk.gui.document import DatasetDocument

# The columns, in the order of 财预〔2015〕88号's form (with the local forms' 部门职能 and
# 支出项目名称 beside 任务名称).
COLUMNS = ("function", "name", "content", "item", "total", "fiscal", "other")
MONEY = frozenset({"total", "fiscal", "other"})
_Index = QModelIndex | QPersistentModelIndex


class TaskTableModel(QAbstractTableModel):
    """The tasks of one project, as the document holds them.

    Signals:
        fieldsChanged(): fields of the tasks shown changed (rows stay as they were).
    """

    fieldsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: DatasetDocument | None = None
        self.uuid: str | None = None
        self.read_only = False
        self._tasks: list[Task] = []

    def set_document(self, document: DatasetDocument | None) -> None:
        self.document = document
        if document is not None:
            document.tasksChanged.connect(self._changed)

    def show_project(self, uuid: str | None) -> None:
        self.beginResetModel()
        self.uuid = uuid
        self._tasks = list(self.document.project(uuid).tasks) if uuid and self.document else []
        self.read_only = bool(self.document and self.document.read_only)
        self.endResetModel()

    def _changed(self, uuid: str) -> None:
        """The document's tasks of the project shown changed: fields changed in place (the
        editor that typed them may still be closing), else rows added, removed or moved."""
        if uuid != self.uuid or self.document is None:
            return
        tasks = list(self.document.project(uuid).tasks)
        if [t.uuid for t in tasks] != [t.uuid for t in self._tasks]:
            self.show_project(uuid)
            return
        self._tasks = tasks
        if tasks:
            self.dataChanged.emit(self.index(0, 0), self.index(len(tasks) - 1, len(COLUMNS) - 1))
        self.fieldsChanged.emit()

    def task(self, row: int) -> Task:
        return self._tasks[row]

    # --- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._tasks)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole:
            return task_header(COLUMNS[section]) if horizontal else str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:
            return task_field(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field = COLUMNS[index.column()]
        value = getattr(self._tasks[index.row()], field)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if field in MONEY:
                return "" if value is None else values.format_number(value)
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and field in MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and value not in (None, ""):
            return str(value)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any,  # noqa: N802 - Qt API
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.document is None:
            return False
        task = self._tasks[index.row()]
        try:
            changes = entry.typed_task_changes(task, COLUMNS[index.column()], value)
        except InvalidValueError as exc:
            self.document.editFailed.emit(str(exc))
            return False
        if changes:
            self.document.push(commands.EditTask(self.document, self.uuid, task.uuid, changes))
        return True


class TaskTable(QWidget):
    """The 年度主要任务 block of a 部门整体 target: the table and its add / delete buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TaskTableModel(self)
        self.title = QLabel(self.tr("年度主要任务"), self)
        self.view = QTableView(self)
        self.view.setObjectName("taskTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 140, 160, 130, 80, 72)):
            self.view.setColumnWidth(column, width)
        header.setStretchLastSection(True)  # 其他资金 takes what is left
        self.view.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("添加任务"), self)
        self.add_button.setToolTip(self.tr("在选中的任务下面添加一条年度主要任务"))
        self.delete_button = QPushButton(self.tr("删除任务"), self)
        self.delete_button.setToolTip(self.tr("删除选中的年度主要任务（可撤销）"))
        self.sum_label = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        buttons.addWidget(self.sum_label)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        self.add_button.clicked.connect(self.add_task)
        self.delete_button.clicked.connect(self.delete_selected)
        self.model.modelReset.connect(self._update)
        self.model.fieldsChanged.connect(self._update)

    def set_document(self, document: DatasetDocument | None) -> None:
        self.model.set_document(document)

    def show_project(self, uuid: str | None) -> None:
        self.model.show_project(uuid)

    def _update(self) -> None:
        self.add_button.setEnabled(self.model.uuid is not None and not self.model.read_only)
        self.delete_button.setEnabled(self.add_button.isEnabled() and self.model.rowCount() > 0)
        self.view.resizeRowsToContents()
        total = entry.money_sum(*(self.model.task(r).total
                                  for r in range(self.model.rowCount())))
        self.sum_label.setText("" if total is None else self.tr("金额合计 %1 万元").replace(
            "%1", values.format_number(total)))

    def add_task(self) -> None:
        """A new empty task below the current one (at the end when none is current), its
        first cell ready for typing."""
        from perfdesk.core.model import Task

        document, uuid = self.model.document, self.model.uuid
        if document is None or uuid is None:
            return
        current = self.view.currentIndex()
        position = current.row() + 1 if current.isValid() else self.model.rowCount()
        document.push(commands.AddTask(document, uuid, Task(), position))
        index = self.model.index(min(position, self.model.rowCount() - 1), 1)
        self.view.setCurrentIndex(index)
        self.view.setFocus()

    def delete_selected(self) -> None:
        document, uuid = self.model.document, self.model.uuid
        if document is None or uuid is None:
            return
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()} or
                      ({self.view.currentIndex().row()} if self.view.currentIndex().isValid()
                       else set()))
        if rows:
            document.push(commands.DeleteTasks(document, uuid,
                                               [self.model.task(r).uuid for r in rows]))
