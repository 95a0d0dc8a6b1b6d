"""The app's icons: clean SVGs from resources/icons, compiled into the resource module."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from perfdesk.gui import resources_rc  # noqa: F401  (registers :/icons)


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``."""
    return QIcon(f":/icons/{name}.svg")
