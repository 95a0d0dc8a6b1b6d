"""The open dataset's file, in full (selectable, for a clerk asked where the file is)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class PathLabel(QLabel):
    """``D:/绩效/2025年.perfdesk``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_path(self, path: Path | None) -> None:
        text = str(path) if path is not None else ""
        self.setText(text)
        self.setToolTip(text)
