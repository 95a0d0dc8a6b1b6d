"""Number fields that a clerk types over: a year field takes the focus with its
value selected, so typing ``2026`` gives 2026, not ``02027`` typed in front of the default."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractSpinBox


class _SelectOnFocus(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QAbstractSpinBox):
            # after the spin box's own focus handling, which puts the cursor at the start
            QTimer.singleShot(0, watched, watched.selectAll)
        return False


def select_on_focus(*spins: QAbstractSpinBox) -> None:
    """Whatever gives ``spins`` the focus (the dialog opening, Tab, a click), their value is
    selected, as a spreadsheet cell is typed over."""
    for spin in spins:
        spin.installEventFilter(_SelectOnFocus(spin))
