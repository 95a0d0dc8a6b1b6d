"""The indicator grid: typed cell editors, problem marks, and keyboard entry like a spreadsheet.

:class:`IndicatorDelegate` gives each column the editor its field needs: cascading 一级/二级
drop-downs from the dataset's profile, a 三级 name completer fed by the built-in indicator
library and the names already in the dataset, 性质 and 符号 drop-downs, a 值 editor that is a
grade drop-down for 定性 and a text field for 定量 (where ``>=95%`` or ``不低于95%`` is understood
and split into the typed fields), and editable unit and basis drop-downs. While a text is being
typed it is checked as a preview, so the cell's mark follows each keystroke. The delegate
paints a coloured border around cells with findings; the tooltip gives the message and the fix.

:class:`IndicatorGrid` adds spreadsheet keys: Enter commits and moves to the next cell, typing
starts editing, Backspace clears the cell; what the clerk should know about a text just typed
(a remark moved from 指标值 into 指标解释) shows at the cell.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QRect,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from perfdesk.core import indicator_library
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
    IndicatorRole,
    IndicatorTableModel,
)
from perfdesk.gui.severity_style import COLOURS
from perfdesk.core.taxonomy import (
    BASES,
    COMMON_UNITS,
    COMPARATORS,
    NATURES,
    QUALITATIVE,
    level1_names,
    level2_names,
)

# Widths in average character widths of the font (so they follow the font and the scaling);
# 三级指标 and 指标解释 share what is left, two to one.
COLUMN_CHARS = {LEVEL1: 5, LEVEL2: 8, NATURE: 3, COMPARATOR: 2.5, VALUE: 6, UNIT: 4,
                BASIS: 5.5}
NAME_SHARE, NAME_MIN_CHARS, EXPLANATION_MIN_CHARS = 2 / 3, 10, 5
NOTE_MS = 8000  # how long a note about typed text stays at its cell


def _combo(parent: QWidget, items, current: str, *, editable: bool) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(editable)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMaxVisibleItems(16)
    items = list(items)
    if current and current not in items:
        items.insert(0, current)  # an imported non-standard value stays visible
    combo.addItems(items)
    if editable and combo.lineEdit() is not None:
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


class NameCompleterModel(QStringListModel):
    """三级 names: the dataset's own (most used first), then the built-in library.

    Read when a name editor opens after the names changed, not on every change: reading all
    names of a big dataset takes tens of milliseconds.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._source = None
        self._stale = False

    def follow(self, dataset_names, profile: str) -> None:
        """Read names with ``dataset_names()`` (and the library of ``profile``) when needed."""
        self._source = (dataset_names, profile)
        self._stale = True

    def names_changed(self, *_args) -> None:
        self._stale = True

    def refresh_if_stale(self) -> None:
        if self._stale and self._source is not None:
            dataset_names, profile = self._source
            self.setStringList(list(dict.fromkeys(
                [*dataset_names(), *(e.name for e in indicator_library.entries(profile))])))
            self._stale = False


class IndicatorDelegate(QStyledItemDelegate):
    """Editors and problem marks for the indicator grid.

    Signals:
        previewRequested(str, dict): an indicator uuid and the changes its open editor would
            make; the window checks them as a preview while the clerk types.
    """

    previewRequested = Signal(str, dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.names = NameCompleterModel(self)

    # --- editors ----------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex) -> QWidget:
        model = self._model(index)
        indicator = index.data(IndicatorRole)
        column = index.column()
        profile = model.profile
        if column == LEVEL1:
            return _combo(parent, ["", *level1_names(profile)], indicator.level1, editable=False)
        if column == LEVEL2:
            if indicator.level1 in level1_names(profile):
                names = level2_names(profile, indicator.level1)
            else:
                names = [n for l1 in level1_names(profile) for n in level2_names(profile, l1)]
            return _combo(parent, ["", *names], indicator.level2, editable=False)
        if column == NATURE:
            return _combo(parent, NATURES, indicator.nature, editable=False)
        if column == COMPARATOR:
            return _combo(parent, COMPARATORS, indicator.comparator, editable=False)
        if column == UNIT:
            return _combo(parent, COMMON_UNITS, indicator.unit, editable=True)
        if column == BASIS:
            return _combo(parent, BASES, indicator.basis, editable=True)
        if column == VALUE and indicator.nature == QUALITATIVE:
            combo = _combo(parent, model.grades, indicator.grade, editable=True)
            self._preview_while_typing(combo.lineEdit(), index)
            return combo
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if column == NAME:
            self.names.refresh_if_stale()
            completer = QCompleter(self.names, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setMaxVisibleItems(12)
            editor.setCompleter(completer)
            editor.setPlaceholderText(self.tr("输入关键字，从常用指标中选择"))
        elif column == VALUE:
            editor.setPlaceholderText(self.tr("如 95、≥95%、不低于95%"))
        if column in (NAME, VALUE, EXPLANATION):
            self._preview_while_typing(editor, index)
        return editor

    def _preview_while_typing(self, editor: QLineEdit | None, index: QModelIndex) -> None:
        if editor is None:
            return
        persistent = (index.model(), index.row(), index.column())

        def typed(text: str) -> None:
            model, row, column = persistent
            source = self._model(model.index(row, column))
            indicator = model.index(row, column).data(IndicatorRole)
            if indicator is None:
                return
            self.previewRequested.emit(indicator.uuid,
                                       source.typed_changes(indicator, column, text).fields)

        editor.textEdited.connect(typed)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        # Qt calls this again whenever the cell's data changes, which includes its problem
        # marks while the clerk types (the preview check): only the first call may fill in
        # the editor, later ones would throw the typing away.
        if editor.property("filled"):
            return
        editor.setProperty("filled", True)
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        editor.setProperty("initial", text)
        if isinstance(editor, QComboBox):
            if editor.isEditable():
                editor.setEditText(text)
            found = editor.findText(text)
            if found >= 0:
                editor.setCurrentIndex(found)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            text = editor.currentText()
        elif isinstance(editor, QLineEdit):
            text = editor.text()
        else:  # pragma: no cover - every editor is one of the above
            return
        if text == editor.property("initial"):
            # Nothing was changed in this editor: writing its (possibly stale) text back would
            # undo what changed the cell meanwhile (an auto-fix, an undo).
            self._model(index).drop_preview()
            return
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex) -> None:
        rect = option.rect.adjusted(2, 2, -2, -2)  # the cell's problem mark stays visible
        if isinstance(editor, QComboBox):  # wide enough to read the chosen item
            rect.setWidth(max(rect.width(), editor.minimumSizeHint().width()))
        editor.setGeometry(rect)

    @staticmethod
    def _model(index: QModelIndex) -> IndicatorTableModel:
        model = index.model()
        while isinstance(model, QSortFilterProxyModel):
            model = model.sourceModel()
        return model


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
