"""Building the window: the toolbar's search box, the views' context menus and splitters, and
the window's size, docks and splitters as the clerk left them last time.

Everything here happens once, when the window is made (and the layout is saved when it
closes); what the views show comes with the dataset (:mod:`.opening`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QSizePolicy, QWidget

from perfdesk.gui import settings as s
from perfdesk.gui.icons import icon
from perfdesk.gui.translate import _t
from perfdesk.gui.widgets.project_tree import BadgeDelegate

if TYPE_CHECKING:
    from perfdesk.gui.window.main_window import MainWindow

DEFAULT_WIDTH, DEFAULT_HEIGHT = 1360, 800


class WindowFrame:
    """The window's fixed parts.

    Attributes:
        findings_wanted: whether the clerk wants the 检查结果 panel while a dataset is open
            (the start screen hides it without forgetting that).
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.findings_wanted = True
        self._setup_toolbar()
        self._setup_views()

    def _setup_toolbar(self) -> None:
        window = self.window
        bar = window.ui.mainToolBar
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        search = QLineEdit(bar)
        search.setObjectName("searchBox")
        search.setPlaceholderText(_t("查找项目、单位或问题 (Ctrl+F)"))
        # its ✕ (clear) button shows only while it holds text: made when it first does (the
        # button's icon comes from the desktop's icon theme: ~50 ms on Linux before the first
        # frame otherwise)
        search.textChanged.connect(
            lambda text: search.setClearButtonEnabled(True)
            if text and not search.isClearButtonEnabled() else None)
        search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        search.setMinimumWidth(180)
        search.setMaximumWidth(280)
        bar.addWidget(search)
        window.search = search
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), search)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self._escape_search)

    def _setup_views(self) -> None:
        window = self.window
        ui = window.ui
        tree = ui.projectTree
        tree.setModel(window.proxy)
        # right-click menus offer what the keys do
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree.addActions([ui.actionNewProject, ui.actionNewUnit, ui.actionRename,
                         ui.actionMoveUp, ui.actionMoveDown, ui.actionDelete])
        grid = ui.indicatorGrid
        grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        grid.addActions([ui.actionNewIndicator, ui.actionPasteIndicators, ui.actionMoveUp,
                         ui.actionMoveDown, ui.actionDelete])
        tree.setItemDelegate(BadgeDelegate(tree))
        ui.addIndicatorButton.setDefaultAction(ui.actionNewIndicator)
        ui.moveUpButton.setDefaultAction(ui.actionMoveUp)
        ui.moveDownButton.setDefaultAction(ui.actionMoveDown)
        ui.deleteIndicatorButton.setDefaultAction(ui.actionDelete)
        for button in (ui.addIndicatorButton, ui.moveUpButton, ui.moveDownButton,
                       ui.deleteIndicatorButton):  # their keys are Ctrl+I, Alt+↑/↓, Delete
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        panel = ui.findingsPanel
        panel.ui.nextButton.setDefaultAction(ui.actionNextProblem)
        panel.ui.previousButton.setDefaultAction(ui.actionPreviousProblem)
        ui.mainSplitter.setStretchFactor(0, 0)
        ui.mainSplitter.setStretchFactor(1, 1)
        ui.mainSplitter.setSizes([250, 900])
        ui.editorSplitter.setStretchFactor(0, 0)
        ui.editorSplitter.setStretchFactor(1, 1)
        ui.editorSplitter.setSizes([300, 340])
        window.resizeDocks([ui.findingsDock], [270], Qt.Orientation.Horizontal)

    # --- the layout the clerk left ----------------------------------------------------------

    def _escape_search(self) -> None:
        """Esc in the search box: clears it (the whole tree shows again); Esc in an empty
        box goes back to the tree."""
        search = self.window.search
        if search.text():
            search.clear()
        else:
            self.window.ui.projectTree.setFocus()

    def restore_layout(self) -> None:
        window, settings = self.window, self.window.settings
        state = settings.get(s.WINDOW_STATE)
        if not state.isEmpty():
            window.restoreState(state)
            self.findings_wanted = not window.ui.findingsDock.isHidden()
        geometry = settings.get(s.WINDOW_GEOMETRY)  # after the docks, which resize it
        if not geometry.isEmpty():
            window.restoreGeometry(geometry)
        else:
            self._default_geometry()
        for setting, splitter in ((s.MAIN_SPLITTER, window.ui.mainSplitter),
                                  (s.EDITOR_SPLITTER, window.ui.editorSplitter)):
            saved = settings.get(setting)
            if not saved.isEmpty():
                splitter.restoreState(saved)

    def _default_geometry(self) -> None:
        screen = QApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        width = min(DEFAULT_WIDTH, available.width())
        height = min(DEFAULT_HEIGHT, available.height())
        self.window.resize(width, height)
        self.window.move(available.center().x() - width // 2,
                         available.center().y() - height // 2)

    def save_layout(self) -> None:
        window, settings = self.window, self.window.settings
        dock = window.ui.findingsDock
        hidden_for_start = window.document is None and dock.isHidden() and self.findings_wanted
        if hidden_for_start:  # the start screen hides the panel; remember the clerk's choice
            dock.show()
        settings.set(s.WINDOW_GEOMETRY, window.saveGeometry())
        settings.set(s.WINDOW_STATE, window.saveState())
        if hidden_for_start:
            dock.hide()
        settings.set(s.MAIN_SPLITTER, window.ui.mainSplitter.saveState())
        settings.set(s.EDITOR_SPLITTER, window.ui.editorSplitter.saveState())
