"""The indicator grid's view: the table of indicators with problem marks, and keyboard entry
like a spreadsheet.

:class:`IndicatorGrid` shows the rows of
:class:`~perfdesk.gui.models.indicator_table_model.IndicatorTableModel` with the editors of
:class:`~perfdesk.gui.widgets.indicator_delegate.IndicatorDelegate`, paints a coloured border
around cells with findings (the tooltip gives the message and the fix), and adds the keys
of a spreadsheet (the key table of the user guide): Enter commits and moves down (or right,
:attr:`IndicatorGrid.enter_moves`; after a run of Tabs it goes to the next row where the run
started, as in Excel), Tab / Shift+Tab move across and stop at the ends (never wrapping into an
editor), typing replaces the cell, F2 edits it in place, Alt+↓ and F4 open a drop-down,
Ctrl+Enter adds an indicator below, Delete and Backspace clear the cell (one undoable step);
what the clerk should know about a text just typed (a remark moved from 指标值 into
指标解释) shows at the cell.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPen, QPolygon
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolTip,
    QWidget,
)

from perfdesk.core import values
from perfdesk.core.values import ValueKind
from perfdesk.gui.models.indicator_table_model import (
    COMPARATOR,
    NATURE,
    UNIT,
    VALUE,
    IndicatorTableModel,
)
from perfdesk.gui.severity_style import COLOURS, COMMENT_COLOUR, COMMENT_MARK
from perfdesk.gui.widgets.indicator_delegate import IndicatorDelegate, is_drop_down

DOWN, RIGHT = "down", "right"  # where Enter moves
_NO_MODIFIER = Qt.KeyboardModifier.NoModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
_RETURN = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

# Widths by field in widths of 中 (so they follow the font and the scaling): a column's
# heading and its usual content fit. The columns of free text share what is left: 三级指标 and
# 指标解释 two to one, and a 自评表's 未完成原因 as much as 指标解释; each keeps its least.
COLUMN_CHARS = {"level1": 5, "level2": 8, "nature": 3, "comparator": 2.5, "value": 6, "unit": 4,
                "basis": 5.5, "weight": 3, "actual": 6, "score": 3}
SHARED = {"name": (2, 10), "explanation": (1, 5), "shortfall": (1, 6)}  # share, least chars
NOTE_MS = 8000  # how long a note about typed text stays at its cell


class IndicatorGrid(QTableView):
    """The indicator table view with spreadsheet-like keys.

    Signals:
        addBelowRequested(): Ctrl+Enter: the clerk wants a new indicator below this one.
        clearRequested(list): Delete on cells: ``(row, column)`` of the cells to clear.

    Attributes:
        enter_moves: ``"down"`` (Excel's default) or ``"right"``.
    """

    addBelowRequested = Signal()
    clearRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enter_moves = DOWN
        self._run_start: int | None = None  # the column a run of Tabs started from
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
        self.delegate.addBelowRequested.connect(self.addBelowRequested)
        self.delegate.picked.connect(self._picked)
        self.setItemDelegate(self.delegate)

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        self._fitted: tuple[str, ...] = ()
        if isinstance(model, IndicatorTableModel):
            model.entryNoted.connect(self.show_entry_note)
            model.modelReset.connect(self._columns_may_have_changed)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("中") * 2)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.fit_columns()

    def _fields(self) -> tuple[str, ...]:
        model = self.model()
        return model.columns if isinstance(model, IndicatorTableModel) else ()

    def _columns_may_have_changed(self) -> None:
        if self._fields() != self._fitted:  # another kind of table: its own columns
            self.fit_columns()

    def fit_columns(self) -> None:
        """Fixed columns by their content's usual width; the free-text columns share the rest."""
        fields = self._fields()
        self._fitted = fields
        if not fields:
            return
        char = self.fontMetrics().horizontalAdvance("中")
        for column, field in enumerate(fields):
            if field in COLUMN_CHARS:
                self.setColumnWidth(column, round(COLUMN_CHARS[field] * char) + 12)
        fixed = sum(self.columnWidth(c) for c, f in enumerate(fields) if f in COLUMN_CHARS)
        rest = self.viewport().width() - fixed
        shared = [(c, *SHARED[f]) for c, f in enumerate(fields) if f in SHARED]
        total = sum(share for _c, share, _least in shared)
        for column, share, least in shared:
            self.setColumnWidth(column, max(round(rest * share / total), round(least * char)))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The cells, then a coloured border around each cell with a finding (by severity;
        the tooltip says what is wrong and how to fix it)."""
        super().paintEvent(event)
        model = self.model()
        if not isinstance(model, IndicatorTableModel):
            return
        marks = model.marks()
        commented = model.commented()
        if not marks and not commented:
            return
        painter = QPainter(self.viewport())
        for row, column, level in marks:
            rect = self.visualRect(model.index(row, column))
            if rect.isValid() and rect.intersects(event.rect()):
                pen = QPen(COLOURS[level])
                pen.setWidth(2)
                painter.setPen(pen)
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
        # a cell with an open 审核意见 has a corner mark, as Excel marks a cell with a comment
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(COMMENT_COLOUR)
        for row, column in commented:
            rect = self.visualRect(model.index(row, column))
            if rect.isValid() and rect.intersects(event.rect()):
                corner = rect.topRight()
                painter.drawPolygon(QPolygon([corner, corner + QPoint(-COMMENT_MARK, 0),
                                              corner + QPoint(0, COMMENT_MARK)]))
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

    def _editable(self, row: int, column: int) -> QModelIndex:
        model = self.model()
        if not (0 <= row < model.rowCount() and 0 <= column < model.columnCount()):
            return QModelIndex()
        candidate = model.index(row, column)
        return candidate if candidate.flags() & Qt.ItemFlag.ItemIsEditable else QModelIndex()

    def next_cell(self, index: QModelIndex, step: int = 1) -> QModelIndex:
        """The next (``step`` 1) or previous (-1) editable cell from ``index``, row by row;
        invalid at either end (Tab never wraps to the first row)."""
        model = self.model()
        row, column = index.row(), index.column()
        count = model.columnCount()
        while True:
            column += step
            if column >= count:
                column, row = 0, row + 1
            elif column < 0:
                column, row = count - 1, row - 1
            if not 0 <= row < model.rowCount():
                return QModelIndex()
            candidate = self._editable(row, column)
            if candidate.isValid():
                return candidate

    def cell_below(self, index: QModelIndex) -> QModelIndex:
        """Where Enter goes from ``index``: down (to the column a run of Tabs started from)
        or right, by :attr:`enter_moves`; invalid when there is nowhere to go."""
        if self.enter_moves == RIGHT:
            return self.next_cell(index)
        column = self._run_start if self._run_start is not None else index.column()
        model = self.model()
        if index.row() + 1 >= model.rowCount():
            return QModelIndex()
        below = model.index(index.row() + 1, column)
        if below.flags() & Qt.ItemFlag.ItemIsEditable:
            return below
        beside = self.next_cell(below)  # a grade's 符号/单位: the next cell of that row
        return beside if beside.row() == below.row() else below

    def _go(self, target: QModelIndex) -> None:
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)

    def move_across(self, step: int, typed: str = "") -> None:
        """Tab / Shift+Tab: the next or previous editable cell, staying put at the ends.

        Tab goes past the cells 指标值 fills: from 性质 past 符号 (``>=95%`` typed in 值 brings
        it), and out of a 值 just typed (``typed``) past 单位 once it needs nothing more (the
        unit came with the value or was there, or the value is a deadline, which takes none).
        Shift+Tab and the arrows still reach both."""
        current = self.currentIndex()
        if not current.isValid():
            return
        if self._run_start is None:
            self._run_start = current.column()
        target = self.next_cell(current, step)
        if step > 0 and target.isValid() and target.row() == current.row() and (
                (target.column() == COMPARATOR and current.column() == NATURE)
                or (target.column() == UNIT and current.column() == VALUE and typed
                    and (target.data() or values.parse(typed).value.kind is ValueKind.TIME))):
            beyond = self.next_cell(target, step)
            target = beyond if beyond.isValid() else target
        self._go(target)

    def move_on_enter(self) -> None:
        current = self.currentIndex()
        if current.isValid():
            self._go(self.cell_below(current))
        self._run_start = None

    def move_to_next_cell(self) -> None:
        self._go(self.next_cell(self.currentIndex()))

    def closeEditor(self, editor: QWidget,  # noqa: N802 - Qt API
                    hint: QAbstractItemDelegate.EndEditHint) -> None:
        Hint = QAbstractItemDelegate.EndEditHint
        moving = hint in (Hint.SubmitModelCache, Hint.EditNextItem, Hint.EditPreviousItem)
        line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
        completer = line.completer() if isinstance(line, QLineEdit) else None
        if completer is not None and completer.popup().isVisible():
            completer.popup().hide()  # its suggestions are for the editor going away
        super().closeEditor(editor, Hint.NoHint if moving else hint)
        if hint == Hint.RevertModelCache:
            model = self.model()
            if isinstance(model, IndicatorTableModel):
                model.drop_preview()  # Escape: the marks go back to what is stored
        if moving and self.isVisible():
            # the keys typed next are for the grid, even when a list's popup (a completer)
            # had the focus and gives it back to the closed editor once it has hidden
            self.setFocus()
            QTimer.singleShot(0, self, self._take_focus_back)
        if hint == Hint.SubmitModelCache:
            self.move_on_enter()
        elif hint in (Hint.EditNextItem, Hint.EditPreviousItem):
            # Tab leaves the cell for the next one, ready to type over (no editor opened there)
            self.move_across(1 if hint == Hint.EditNextItem else -1,
                             line.text() if isinstance(line, QLineEdit) else "")

    def _take_focus_back(self) -> None:
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        if self.state() != QAbstractItemView.State.EditingState and focus is not None and \
                focus is not self and self.isAncestorOf(focus):
            self.setFocus()

    def _picked(self) -> None:
        """A drop-down's item was chosen from its list: the cell keeps the focus."""
        self.setFocus()

    def edit(self, index, trigger=None, event=None):  # noqa: D401 - Qt API (overloaded)
        if trigger is None:
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        if opened and trigger in (QAbstractItemView.EditTrigger.EditKeyPressed,
                                  QAbstractItemView.EditTrigger.DoubleClicked):
            editor = self.indexWidget(index)
            line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
            if isinstance(line, QLineEdit):  # F2: edit in place, the cursor at the end
                line.deselect()
                line.end(False)
        return opened

    def _drop_down_here(self) -> bool:
        index = self.currentIndex()
        return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable) and \
            is_drop_down(index)

    def _open_list(self) -> None:
        """Alt+↓ / F4 on a drop-down cell: its editor with the list open."""
        index = self.currentIndex()
        if self.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, None):
            editor = self.indexWidget(index)
            if isinstance(editor, QComboBox):
                editor.showPopup()

    def event(self, event) -> bool:  # noqa: D401 - Qt API
        # Keys the window's actions would take (Delete deletes rows elsewhere, Alt+↓ moves
        # them) mean what they mean in a spreadsheet on a cell that is not being edited.
        if event.type() == QEvent.Type.ShortcutOverride and \
                self.state() != QAbstractItemView.State.EditingState:
            key, modifiers = event.key(), event.modifiers() & ~_KEYPAD
            if (key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and modifiers == _NO_MODIFIER) \
                    or (key == Qt.Key.Key_Down and modifiers == Qt.KeyboardModifier.AltModifier
                        and self._drop_down_here()):
                event.accept()
                return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._run_start = None
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        modifiers = event.modifiers() & ~_KEYPAD
        editing = self.state() == QAbstractItemView.State.EditingState
        if editing:
            super().keyPressEvent(event)
            return
        if key in _RETURN and modifiers == Qt.KeyboardModifier.ControlModifier:
            self._run_start = None
            self.addBelowRequested.emit()
            return
        if key in _RETURN and modifiers == _NO_MODIFIER:
            self.move_on_enter()
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.move_across(-1 if key == Qt.Key.Key_Backtab or
                             modifiers & Qt.KeyboardModifier.ShiftModifier else 1)
            event.accept()
            return
        if (key == Qt.Key.Key_F4 and modifiers == _NO_MODIFIER) or \
                (key == Qt.Key.Key_Down and modifiers == Qt.KeyboardModifier.AltModifier):
            if self._drop_down_here():
                self._open_list()
                return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and modifiers == _NO_MODIFIER:
            cells = sorted({(i.row(), i.column()) for i in self.selectedIndexes()
                            if i.flags() & Qt.ItemFlag.ItemIsEditable and i.data()})
            current = self.currentIndex()
            if not cells and current.isValid() and current.data() and \
                    current.flags() & Qt.ItemFlag.ItemIsEditable:
                cells = [(current.row(), current.column())]
            if cells:
                self.clearRequested.emit(cells)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right,
                   Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._run_start = None
        super().keyPressEvent(event)
