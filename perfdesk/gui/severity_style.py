"""How severities look everywhere in the window: one colour, one light tint and one icon each.

Errors red, warnings amber, hints blue — the tree badges, the grid's cell marks, the form's
borders, the 检查结果 panel, the counts and the paste/import previews all take them from here.
The scale itself (order, names, counts) is the core's (:mod:`perfdesk.core.severity`).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from perfdesk.core.severity import ERROR, HINT, WARNING

HEX = {ERROR: "#d32f2f", WARNING: "#e08a00", HINT: "#1e88e5"}
COLOURS = {level: QColor(code) for level, code in HEX.items()}
TINTS = {ERROR: QColor("#fdecea"), WARNING: QColor("#fff4e0"), HINT: QColor("#eaf3fc")}
ICON_NAMES = {ERROR: "severity-error", WARNING: "severity-warning", HINT: "severity-hint"}
MUTED = QColor("#9e9e9e")  # what does not apply (a grade's comparator, an excluded paste row)
