"""The 三级指标 names the name editor of the indicator grid offers as the clerk types."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel

from perfdesk.core import indicator_library


class NameCompleterModel(QStringListModel):
    """三级 names: the dataset's own (most used first), then the built-in library.

    Read when a name editor opens after the names changed, not on every change: reading all
    names of a big dataset takes tens of milliseconds.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._source = None
        self._stale = False

    def follow(self, dataset_names, profile: str) -> None:
        """Read names with ``dataset_names()`` (and the library of ``profile``) when needed."""
        self._source = (dataset_names, profile)
        self._stale = True

    def names_changed(self, *_args) -> None:
        self._stale = True

    def refresh_if_stale(self) -> None:
        if self._stale and self._source is not None:
            dataset_names, profile = self._source
            self.setStringList(list(dict.fromkeys(
                [*dataset_names(), *(e.name for e in indicator_library.entries(profile))])))
            self._stale = False
