"""The indicator grid's cell editors: each column gets the editor its field needs.

Cascading 一级/二级 drop-downs from the dataset's profile, a 三级 name completer fed by the
built-in indicator library and the names already in the dataset
(:class:`~perfdesk.gui.models.indicator_names_model.NameCompleterModel`), 性质 and 符号
drop-downs, a 值 editor that is a grade drop-down for 定性 and a text field for 定量 (where
``>=95%`` or ``不低于95%`` is understood and split into the typed fields), and editable unit and
basis drop-downs. While a text is being typed it is checked as a preview, so the cell's mark
follows each keystroke. The view that holds the delegate is
:class:`~perfdesk.gui.widgets.indicator_grid.IndicatorGrid`; the rows come from
:class:`~perfdesk.gui.models.indicator_table_model.IndicatorTableModel`.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from perfdesk.core.taxonomy import (
    BASES,
    COMMON_UNITS,
    COMPARATORS,
    NATURES,
    QUALITATIVE,
    level1_names,
    level2_names,
)
from perfdesk.gui.models.indicator_names_model import NameCompleterModel
from perfdesk.gui.models.indicator_table_model import (
    COMPARATOR,
    LEVEL1,
    LEVEL2,
    NAME,
    NATURE,
    UNIT,
    VALUE,
    FieldRole,
    IndicatorRole,
    IndicatorTableModel,
)


DROP_DOWN_FIELDS = frozenset({"level1", "level2", "nature", "comparator", "unit", "basis"})
PREVIEW_FIELDS = frozenset({"name", "value", "explanation"})  # checked while typed


def is_drop_down(index: QModelIndex) -> bool:
    """Whether the cell's editor is a drop-down list (a grade's 值 is one too)."""
    if index.data(FieldRole) in DROP_DOWN_FIELDS:
        return True
    indicator = index.data(IndicatorRole)
    return index.column() == VALUE and indicator is not None and \
        indicator.nature == QUALITATIVE


class GridCombo(QComboBox):
    """A drop-down cell editor as Excel's lists behave: ↓ (or Alt+↓, F4) opens the list
    instead of changing the value unseen, and an item chosen from the list is the cell's
    value at once (``picked``) while the cell keeps the focus.

    Signals:
        picked(): an item was chosen from the open list.
    """

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._from_list = False
        self.activated.connect(self._activated)

    def showPopup(self) -> None:  # noqa: N802 - Qt API
        self._from_list = True
        super().showPopup()

    def hidePopup(self) -> None:  # noqa: N802 - Qt API
        super().hidePopup()
        # activated (when an item was chosen) comes right after; then the list is over
        QTimer.singleShot(0, self, self._list_closed)

    def _list_closed(self) -> None:
        self._from_list = False

    def _activated(self, _index: int) -> None:
        if self._from_list:
            self._from_list = False
            self.picked.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.showPopup()  # the clerk sees the choices before one is taken
            return
        super().keyPressEvent(event)


class _ListKeys(QObject):
    """Alt+↓ in a drop-down editor opens its list (the window's Alt+↓ moves rows elsewhere);
    ↓ in an editable drop-down's text opens it too."""

    def __init__(self, combo: GridCombo) -> None:
        super().__init__(combo)
        self.combo = combo

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and event.key() in (
                Qt.Key.Key_Down, Qt.Key.Key_Up) and \
                event.modifiers() & Qt.KeyboardModifier.AltModifier:
            event.accept()
            return False
        if kind == QEvent.Type.KeyPress and watched is not self.combo and event.key() in (
                Qt.Key.Key_Down, Qt.Key.Key_Up) and not self.combo.view().isVisible():
            completer = self.combo.completer()
            if completer is None or not completer.popup().isVisible():
                self.combo.showPopup()
                return True
        return False


class _PopupHidden(QObject):
    """A completer's suggestions that hide while the cell editor stays open (the text typed
    matches exactly, or no more) give the activation back to the editor's window.

    Qt's offscreen platform (the tests', the benchmark's) activates every window it shows,
    popups included, and activates none again when one hides (the activation of a popup shown and hidden
    at once even comes after it hid); a hidden popup left as the
    active window keeps ``setFocus`` from reaching the grid when the editor closes, so the
    clerk's next keys would go to the closed editor. On Windows and X11 a popup never takes
    the activation, and this does nothing."""

    def __init__(self, editor: QWidget, popup: QWidget) -> None:
        super().__init__(popup)
        self.editor = editor
        popup.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if (kind == QEvent.Type.Hide and QApplication.activeWindow() is watched) or \
                (kind == QEvent.Type.WindowActivate and not watched.isVisible()):
            window = self.editor.window()
            if window is not watched and window.isVisible():
                window.activateWindow()
        return False


def give_back_activation(editor: QWidget, completer: QCompleter | None) -> None:
    """See :class:`_PopupHidden`."""
    if completer is not None:
        _PopupHidden(editor, completer.popup())


def _combo(parent: QWidget, items, current: str, *, editable: bool) -> QComboBox:
    combo = GridCombo(parent)
    combo.setEditable(editable)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMaxVisibleItems(16)
    items = list(items)
    if current and current not in items:
        items.insert(0, current)  # an imported non-standard value stays visible
    combo.addItems(items)
    if editable and combo.lineEdit() is not None:
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        give_back_activation(combo, combo.completer())
    keys = _ListKeys(combo)
    combo.installEventFilter(keys)
    if combo.lineEdit() is not None:
        combo.lineEdit().installEventFilter(keys)
    return combo


class IndicatorDelegate(QStyledItemDelegate):
    """Editors and problem marks for the indicator grid.

    Signals:
        previewRequested(str, dict): an indicator uuid and the changes its open editor would
            make; the window checks them as a preview while the clerk types.
    """

    previewRequested = Signal(str, dict)
    addBelowRequested = Signal()
    picked = Signal()
    typing = Signal(str, int, str)  # an indicator uuid, a column, its open editor's text

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.names = NameCompleterModel(self)

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 - Qt API
        """Ctrl+Enter in an open editor: commit it, then a new indicator below."""
        if event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier and \
                isinstance(editor, QWidget):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.addBelowRequested.emit()
            return True
        return super().eventFilter(editor, event)

    def _complete(self, editor: QLineEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)

    def _commit_picked(self, combo: QComboBox) -> None:
        """An item chosen from a drop-down's list is the cell's value; the cell stays."""
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)
        self.picked.emit()

    # --- editors ----------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex) -> QWidget:
        editor = self._create_editor(parent, index)
        if isinstance(editor, GridCombo):
            editor.picked.connect(lambda: self._commit_picked(editor),
                                  Qt.ConnectionType.QueuedConnection)
        line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
        if isinstance(line, QLineEdit):  # what is typed is kept as a draft after a pause
            uuid, column = index.data(IndicatorRole).uuid, index.column()
            line.textEdited.connect(lambda text: self.typing.emit(uuid, column, text))
        return editor

    def _create_editor(self, parent: QWidget, index: QModelIndex) -> QWidget:
        model = self._model(index)
        indicator = index.data(IndicatorRole)
        column = index.column()
        profile = model.profile
        if column == LEVEL1:
            return _combo(parent, ["", *level1_names(profile)], indicator.level1, editable=False)
        if column == LEVEL2:
            # the 一级's own 二级 first, then every other one: choosing one of those (by its
            # first character, as Excel's lists are searched) changes the 一级 with it
            names = [n for l1 in level1_names(profile) for n in level2_names(profile, l1)]
            if indicator.level1 in level1_names(profile):
                own = level2_names(profile, indicator.level1)
                names = [*own, *(n for n in names if n not in own)]
            return _combo(parent, ["", *dict.fromkeys(names)], indicator.level2, editable=False)
        if column == NATURE:
            return _combo(parent, NATURES, indicator.nature, editable=False)
        if column == COMPARATOR:
            return _combo(parent, COMPARATORS, indicator.comparator, editable=False)
        if column == UNIT:
            return _combo(parent, COMMON_UNITS, indicator.unit, editable=True)
        if index.data(FieldRole) == "basis":
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
            give_back_activation(editor, completer)
            # Enter (or a click) on a suggestion takes it and completes the cell at once, as
            # Enter does: the suggestion's whole name, not what was typed so far
            completer.activated[str].connect(
                lambda _text: self._complete(editor), Qt.ConnectionType.QueuedConnection)
            editor.setPlaceholderText(self.tr("输入关键字，从常用指标中选择"))
        elif column == VALUE:
            editor.setPlaceholderText(self.tr("如 95、≥95%、不低于95%"))
        if index.data(FieldRole) in PREVIEW_FIELDS:
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
            if editor.lineEdit() is not None:
                editor.lineEdit().selectAll()  # a key typed over the cell replaces it
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
