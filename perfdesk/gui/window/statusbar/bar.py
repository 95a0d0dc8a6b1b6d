"""The status bar's parts put in the window, each following the open dataset (and hidden on
the start screen, where there is nothing to tell)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfdesk.gui.window.statusbar.counts import CountsLabel
from perfdesk.gui.window.statusbar.path import PathLabel
from perfdesk.gui.window.statusbar.problems import ProblemTotals
from perfdesk.gui.window.statusbar.progress import CheckProgress
from perfdesk.gui.window.statusbar.saved import SavedLabel

if TYPE_CHECKING:
    from perfdesk.gui.checking import LiveChecker
    from perfdesk.gui.document import DatasetDocument
    from perfdesk.gui.window.main_window import MainWindow


class StatusBar:
    """Path, 已保存, counts and problems, left to right, and the check's progress message.

    Attributes:
        path, saved, counts, problems: the permanent widgets.
        progress: the passing message of the background check.
    """

    def __init__(self, window: MainWindow) -> None:
        bar = window.statusBar()
        self.path = PathLabel(bar)
        self.saved = SavedLabel(bar)
        self.counts = CountsLabel(bar)
        self.problems = ProblemTotals(window.ui.findingsPanel, bar)
        self.progress = CheckProgress(bar)
        for widget in self.widgets:
            widget.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(widget)

    @property
    def widgets(self) -> tuple:
        return self.path, self.saved, self.counts, self.problems

    def follow(self, document: DatasetDocument | None,
               checker: LiveChecker | None = None) -> None:
        """Show what the open dataset has (nothing, hidden, when ``document`` is None)."""
        self.path.show_path(document.path if document is not None else None)
        self.saved.follow(document)
        self.counts.follow(document)
        self.problems.follow(checker)
        self.progress.follow(checker)
        for widget in self.widgets:
            widget.setVisible(document is not None)

    def refresh(self) -> None:
        """The dataset's information changed: read everything again."""
        self.saved.update_saved()
        self.counts.update_counts()
        self.problems.update_totals()
