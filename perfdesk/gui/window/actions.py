"""The window's actions: their keys (the keyboard table of ui.md), tooltips that name the
key, where a key applies, and which actions are enabled for what is open and selected.

Which part of the window each action calls is the window's own wiring
(:class:`~perfdesk.gui.window.main_window.MainWindow`); this module decides only how the
actions look and when they can be used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from perfdesk.gui.icons import icon
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.document import DatasetDocument
    from perfdesk.gui.window.main_window import MainWindow

# The keyboard table of ui.md: action -> key sequences.
KEYS: dict[str, tuple[Any, ...]] = {
    "actionNewDataset": ("Ctrl+Shift+N",),
    "actionOpen": ("Ctrl+O",),
    "actionQuit": ("Ctrl+Q",),
    "actionNewProject": ("Ctrl+N",),
    "actionNewIndicator": ("Ctrl+I",),
    "actionDelete": ("Delete", "Ctrl+Delete"),  # in the grid Delete clears the cell
    "actionUndo": ("Ctrl+Z",),
    "actionRedo": ("Ctrl+Y", "Ctrl+Shift+Z"),
    "actionFind": ("Ctrl+F",),
    "actionCheckAll": ("F5",),
    "actionNextProblem": ("F8",),
    "actionPreviousProblem": ("Shift+F8",),
    "actionImport": ("Ctrl+Shift+I",),
    "actionExportDisclosure": ("Ctrl+E",),
    "actionPrint": ("Ctrl+P",),
    "actionMoveUp": ("Alt+Up", "Ctrl+Shift+Up"),
    "actionMoveDown": ("Alt+Down", "Ctrl+Shift+Down"),  # on a drop-down cell Alt+↓ opens it
    "actionPasteIndicators": ("Ctrl+V",),
    "actionGuide": ("F1",),
    "actionApplyFix": ("Ctrl+.",),  # 自动修正 of the selected finding (F8 selects it)
}

# Actions that need an open dataset / a writable one.
DATASET_ACTIONS = ("actionDatasetProperties", "actionShowInFolder", "actionCloseDataset",
                   "actionFind", "actionCheckAll", "actionNextProblem", "actionPreviousProblem",
                   "actionExportDisclosure", "actionExportDetail", "actionPrint")
EDIT_ACTIONS = ("actionNewProject", "actionNewIndicator", "actionDelete", "actionMoveUp",
                "actionMoveDown", "actionNewUnit", "actionRename", "actionApplyFix",
                "actionPasteIndicators")


class WindowActions:
    """Keys, tooltips and enabling of the window's actions."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        ui = window.ui
        for name, keys in KEYS.items():
            action: QAction = getattr(ui, name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tip = action.text().replace("…", "").replace("&", "")
            key = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({key})")
        for action in (ui.actionMoveUp, ui.actionMoveDown, ui.actionDelete):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            ui.editorPage.addAction(action)
        # Ctrl+V pastes a block of indicators only in the grid; in a text field it pastes text
        ui.actionPasteIndicators.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ui.indicatorGrid.addAction(ui.actionPasteIndicators)
        ui.actionQuit.setMenuRole(QAction.MenuRole.QuitRole)
        ui.actionAbout.setMenuRole(QAction.MenuRole.AboutRole)
        dock_action = ui.findingsDock.toggleViewAction()
        dock_action.setIcon(icon("findings"))
        dock_action.setText(_t("显示检查结果"))
        ui.menuCheck.addSeparator()
        ui.menuCheck.addAction(dock_action)
        window.jobs.writing_changed.connect(self.update)

    def follow(self, document: DatasetDocument, *, stop: bool = False) -> None:
        """A dataset was opened: 撤销 / 重做 follow its undo stack (``stop``: it is closing,
        they follow it no more; its stack may outlive the window's actions)."""
        stack = document.undo_stack
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged,
                       stack.redoTextChanged):
            if stop:
                signal.disconnect(self.update)
            else:
                signal.connect(self.update)

    def update(self, *_args) -> None:
        """Enable what can be done now: with a dataset open, with it writable and no import
        writing to it, with a project shown; 撤销 / 重做 name what they would undo."""
        window = self.window
        ui, document, jobs = window.ui, window.document, window.jobs
        if document is not None:  # a running import writes: edits wait until it is done
            document.writes_locked = jobs.writing
        has = document is not None
        writable = has and not document.read_only and not jobs.writing
        for name in DATASET_ACTIONS:
            getattr(ui, name).setEnabled(has)
        for name in EDIT_ACTIONS:
            getattr(ui, name).setEnabled(writable)
        ui.actionNewIndicator.setEnabled(writable and window.current_project is not None)
        stack = document.undo_stack if has else None
        ui.actionUndo.setEnabled(bool(stack and stack.canUndo()))
        ui.actionRedo.setEnabled(bool(stack and stack.canRedo()))
        undo_text = stack.undoText() if stack and stack.canUndo() else ""
        redo_text = stack.redoText() if stack and stack.canRedo() else ""
        # the menu names what would be undone; the toolbar button keeps its short label
        ui.actionUndo.setText(_t("撤销 %1").replace("%1", undo_text).strip()
                              if undo_text else _t("撤销"))
        ui.actionRedo.setText(_t("重做 %1").replace("%1", redo_text).strip()
                              if redo_text else _t("重做"))
        ui.actionUndo.setIconText(_t("撤销"))
        ui.actionRedo.setIconText(_t("重做"))
        ui.actionApplyFix.setEnabled(writable and has)
        # from the start screen an import first makes the dataset it goes into
        ui.actionImport.setEnabled(not has or writable)
        reviewing = getattr(window, "reviewing", None)  # made after the actions
        if reviewing is not None:
            reviewing.update_actions()
