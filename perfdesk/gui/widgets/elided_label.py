"""A label that shortens its text with "…" when it is too narrow (the tooltip keeps the whole).

Long 主管部门 and 预算单位 names ("中共广州市黄埔区委政法委员会（部门）") must not be cut off
mid-character at 1366 pixels wide; a QLabel would clip them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel


class ElidedLabel(QLabel):
    """A one-line QLabel that elides on the right instead of clipping."""

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        text = self.text()
        rect = self.contentsRect()
        elided = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        if elided == text:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), elided)

    def elided(self) -> bool:
        """Whether the text is shortened at the current width."""
        rect = self.contentsRect()
        return self.fontMetrics().horizontalAdvance(self.text()) > rect.width()
