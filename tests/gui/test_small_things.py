"""The small things that cost a new clerk minutes (issue 13): each as the clerk meets it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from perfdesk.gui.dialogs.dataset_dialogs import NewDatasetDialog
from tests.support.gui_helpers import press


def test_the_year_typed_into_the_new_dataset_dialog_replaces_the_default(gui, qtbot):
    dialog = NewDatasetDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ui.yearSpin)
    QApplication.processEvents()
    qtbot.keyClicks(dialog.ui.yearSpin, "2026")  # not 02027
    assert dialog.ui.yearSpin.value() == 2026
    press(qtbot, dialog.ui.yearSpin, Qt.Key.Key_Tab)
    press(qtbot, dialog.ui.profileCombo, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    qtbot.keyClicks(dialog.ui.yearSpin, "2027")
    assert dialog.ui.yearSpin.value() == 2027
