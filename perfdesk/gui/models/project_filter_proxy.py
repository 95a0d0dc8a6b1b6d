"""The filter between the project tree's model and its view: the search box's words and the
problem-level choice (全部 / 有错误 / 有问题) narrow the tree to the projects that match.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel

from perfdesk.core.severity import Summary
from perfdesk.gui.models.project_tree_model import (
    NAME_COLUMN,
    PROJECT,
    KindRole,
    SearchTextRole,
    SummaryRole,
)


class ProjectFilterProxy(QSortFilterProxyModel):
    """Narrows the tree to projects matching a text and a problem level; keeps their parents."""

    ALL, ERRORS, PROBLEMS = 0, 1, 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._level = self.ALL
        self.setDynamicSortFilter(False)

    def set_text(self, text: str) -> None:
        self._change(text.strip().casefold(), self._level)

    def set_level(self, level: int) -> None:
        self._change(self._text, level)

    def _change(self, text: str, level: int) -> None:
        if (text, level) == (self._text, self._level):
            return
        self.beginFilterChange()
        self._text, self._level = text, level
        # units and departments show when a project under them matches; without a filter
        # every row shows and nothing needs looking at (10,000 projects open at once)
        self.setRecursiveFilteringEnabled(self.active)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def active(self) -> bool:
        return bool(self._text) or self._level != self.ALL

    def refilter(self) -> None:
        """Findings changed: a problem filter may now show or hide other projects."""
        if self.active:
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.active:
            return True
        model = self.sourceModel()
        index = model.index(source_row, NAME_COLUMN, source_parent)
        if index.data(KindRole) != PROJECT:
            return False  # shown through recursive filtering when a project matches
        if self._level != self.ALL:
            summary: Summary = index.data(SummaryRole)
            if self._level == self.ERRORS and not summary.errors:
                return False
            if self._level == self.PROBLEMS and not summary.problems:
                return False
        if self._text:
            return all(word in index.data(SearchTextRole) for word in self._text.split())
        return True
