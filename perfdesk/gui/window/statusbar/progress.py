"""``正在检查 120/10000 个项目…``: how far the check of every project got, as the status bar's
passing message (cleared when it is done, or when the dataset closes before that)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStatusBar

from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.checking import LiveChecker


class CheckProgress:
    """Follows the checker's ``progressChanged``."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self._shown = ""  # the message last shown, so another part's message is left alone

    def follow(self, checker: LiveChecker | None) -> None:
        if checker is not None:
            checker.progressChanged.connect(self.show_progress)
        else:
            self.show_progress(0, 0)

    def show_progress(self, done: int, total: int) -> None:
        if total:
            self._shown = _t("正在检查 %1/%2 个项目…").replace(
                "%1", str(done)).replace("%2", str(total))
            self.bar.showMessage(self._shown)
        elif self._shown:
            if self.bar.currentMessage() == self._shown:
                self.bar.clearMessage()
            self._shown = ""
