"""The indicator grid's view: the table of indicators with problem marks, and keyboard entry
like a spreadsheet.

:class:`IndicatorGrid` shows the rows of
:class:`~perfdesk.gui.models.indicator_table_model.IndicatorTableModel` with the editors of
:class:`~perfdesk.gui.widgets.indicator_delegate.IndicatorDelegate`, paints a coloured border
around cells with findings (the tooltip gives the message and the fix), and adds spreadsheet
keys: Enter commits and moves to the next cell, typing starts editing, Backspace clears the
cell; what the clerk should know about a text just typed (a remark moved from 指标值 into
指标解释) shows at the cell.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QToolTip,
    QWidget,
)

from perfdesk.gui.models.indicator_table_model import (
    BASIS,
    COLUMN_COUNT,
    COMPARATOR,
    EXPLANATION,
    LEVEL1,
    LEVEL2,
    NAME,
    NATURE,
    UNIT,
    VALUE,
    IndicatorTableModel,
)
from perfdesk.gui.severity_style import COLOURS
from perfdesk.gui.widgets.indicator_delegate import IndicatorDelegate

# Widths in average character widths of the font (so they follow the font and the scaling);
# 三级指标 and 指标解释 share what is left, two to one.
COLUMN_CHARS = {LEVEL1: 5, LEVEL2: 8, NATURE: 3, COMPARATOR: 2.5, VALUE: 6, UNIT: 4,
                BASIS: 5.5}
NAME_SHARE, NAME_MIN_CHARS, EXPLANATION_MIN_CHARS = 2 / 3, 10, 5
NOTE_MS = 8000  # how long a note about typed text stays at its cell


class IndicatorGrid(QTableView):
    """The indicator table view with spreadsheet-like keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setAlternatingRowColors(True)
        self.delegate = IndicatorDelegate(self)
        self.setItemDelegate(self.delegate)

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        if isinstance(model, IndicatorTableModel):
            model.entryNoted.connect(self.show_entry_note)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("中") * 2)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Fixed columns by their content's usual width; 三级指标 and 指标解释 share the rest."""
        if self.model() is None:
            return
        char = self.fontMetrics().horizontalAdvance("中")
        for column, chars in COLUMN_CHARS.items():
            self.setColumnWidth(column, round(chars * char) + 12)
        fixed = sum(self.columnWidth(c) for c in COLUMN_CHARS)
        rest = self.viewport().width() - fixed
        name = max(round(rest * NAME_SHARE), NAME_MIN_CHARS * char)
        self.setColumnWidth(NAME, name)
        self.setColumnWidth(EXPLANATION, max(rest - name, EXPLANATION_MIN_CHARS * char))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The cells, then a coloured border around each cell with a finding (by severity;
        the tooltip says what is wrong and how to fix it)."""
        super().paintEvent(event)
        model = self.model()
        if not isinstance(model, IndicatorTableModel):
            return
        marks = model.marks()
        if not marks:
            return
        painter = QPainter(self.viewport())
        for row, column, level in marks:
            rect = self.visualRect(model.index(row, column))
            if rect.isValid() and rect.intersects(event.rect()):
                pen = QPen(COLOURS[level])
                pen.setWidth(2)
                painter.setPen(pen)
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.end()

    def show_entry_note(self, uuid: str, column: int, text: str) -> None:
        """What the clerk should know about the text just typed into a cell (a remark moved
        into 指标解释), shown at the cell until the next key or a while; the cell's tooltip keeps
        it. Shown once the editor has closed: closing it moves the focus, which hides tips."""
        QTimer.singleShot(0, self, lambda: self._show_note(uuid, column, text))

    def _show_note(self, uuid: str, column: int, text: str) -> None:
        model = self.model()
        row = model.row_of(uuid) if isinstance(model, IndicatorTableModel) else -1
        if row < 0 or not self.isVisible():
            return
        rect = self.visualRect(model.index(row, column))
        QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), text,
                          self.viewport(), QRect(), NOTE_MS)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_columns()

    # --- keys -------------------------------------------------------------------------------

    def next_cell(self, index: QModelIndex) -> QModelIndex:
        """The next editable cell after ``index``, row by row (invalid at the end)."""
        model = self.model()
        row, column = index.row(), index.column()
        while True:
            column += 1
            if column >= COLUMN_COUNT:
                column, row = 0, row + 1
            if row >= model.rowCount():
                return QModelIndex()
            candidate = model.index(row, column)
            if candidate.flags() & Qt.ItemFlag.ItemIsEditable:
                return candidate

    def move_to_next_cell(self) -> None:
        following = self.next_cell(self.currentIndex())
        if following.isValid():
            self.setCurrentIndex(following)

    def closeEditor(self, editor: QWidget,  # noqa: N802 - Qt API
                    hint: QAbstractItemDelegate.EndEditHint) -> None:
        enter = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if enter else hint)
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            model = self.model()
            if isinstance(model, IndicatorTableModel):
                model.drop_preview()  # Escape: the marks go back to what is stored
        if enter:
            self.move_to_next_cell()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != QAbstractItemView.State.EditingState and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.move_to_next_cell()
            return
        if key == Qt.Key.Key_Backspace and self.state() != QAbstractItemView.State.EditingState:
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.model().setData(index, "", Qt.ItemDataRole.EditRole)
            return
        super().keyPressEvent(event)
