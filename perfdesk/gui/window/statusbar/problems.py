"""``● 3 错误  ▲ 5 警告``: the dataset's error and warning counts, after every re-check, in the
status bar and at the top of the 检查结果 panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from perfdesk.core.severity import Summary
from perfdesk.gui.counts import ProblemCounts
from perfdesk.gui.widgets.findings_panel import FindingsPanel

if TYPE_CHECKING:
    from perfdesk.gui.checking import LiveChecker


class ProblemTotals(ProblemCounts):
    """The status bar's counts; it keeps the panel's summary the same."""

    def __init__(self, panel: FindingsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent, hints=False)
        self.panel = panel
        self.checker: LiveChecker | None = None

    def follow(self, checker: LiveChecker | None) -> None:
        self.checker = checker
        if checker is not None:
            checker.findingsChanged.connect(self.update_totals)
        self.update_totals()

    def update_totals(self, *_args) -> None:
        totals = self.checker.totals() if self.checker is not None else Summary()
        self.set_summary(totals)
        self.panel.show_summary(totals)
