"""已保存 HH:MM: when the last edit reached the file (every edit does, at once), or that a
read-only dataset keeps no edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.document import DatasetDocument


class SavedLabel(QLabel):
    """Follows the document's ``saved`` signal."""

    document: DatasetDocument | None = None

    def follow(self, document: DatasetDocument | None) -> None:
        self.document = document
        if document is None:
            self.clear()
            return
        document.saved.connect(self.update_saved)
        self.update_saved()

    def update_saved(self) -> None:
        document = self.document
        if document is None:
            return
        if document.read_only:
            self.setText(_t("只读，修改不会保存"))
        elif document.last_saved is None:
            self.setText(_t("已保存"))
        else:
            self.setText(_t("已保存 %1").replace("%1", document.last_saved.strftime("%H:%M")))
