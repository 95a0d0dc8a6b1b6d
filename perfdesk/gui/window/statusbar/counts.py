"""``12 个项目 80 个指标``: the size of the open dataset.

The count is read from the file once per burst of changes (a paste adds many indicators, one
signal each), after the burst, not once per signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.document import DatasetDocument


class CountsLabel(QLabel):
    """Follows the document's structural signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: DatasetDocument | None = None
        self._burst = QTimer(self)
        self._burst.setSingleShot(True)
        self._burst.setInterval(0)
        self._burst.timeout.connect(self.update_counts)

    def follow(self, document: DatasetDocument | None) -> None:
        self.document = document
        if document is None:
            self._burst.stop()
            self.clear()
            return
        for signal in (document.projectAdded, document.projectRemoved, document.treeChanged,
                       document.indicatorAdded, document.indicatorRemoved):
            signal.connect(self._burst.start)
        self.update_counts()

    def update_counts(self) -> None:
        if self.document is None:
            return
        counts = self.document.counts()
        self.setText(_t("%1 个项目 %2 个指标").replace(
            "%1", str(counts.projects)).replace("%2", str(counts.indicators)))
