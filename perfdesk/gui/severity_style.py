"""How severities look everywhere in the window: one colour, one light tint and one icon each.

Errors red, warnings amber, hints blue — the tree badges, the grid's cell marks, the form's
borders, the 检查结果 panel, the counts and the paste/import previews all take them from here.
The scale itself (order, names, counts) is the core's (:mod:`perfdesk.core.severity`).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from perfdesk.core.severity import ERROR, HINT, ORDER, WARNING

HEX = {ERROR: "#d32f2f", WARNING: "#e08a00", HINT: "#1e88e5"}
COLOURS = {level: QColor(code) for level, code in HEX.items()}
TINTS = {ERROR: QColor("#fdecea"), WARNING: QColor("#fff4e0"), HINT: QColor("#eaf3fc")}
ICON_NAMES = {ERROR: "severity-error", WARNING: "severity-warning", HINT: "severity-hint"}
# Text in the colour of a level must stay readable on a light background: darker amber and blue.
TEXT_HEX = {ERROR: HEX[ERROR], WARNING: "#b36b00", HINT: "#1565c0"}
_BORDER = {ERROR: "solid", WARNING: "solid", HINT: "dashed"}


def field_marks_style(editors: tuple[str, ...], labels: tuple[str, ...]) -> str:
    """A style sheet marking widgets by their ``severity`` property: a coloured border around
    the ``editors`` (widget classes), coloured text on the ``labels``."""
    rules = []
    for level in ORDER:
        selector = ", ".join(f'{kind}[severity="{level}"]' for kind in editors)
        rules.append(f"{selector} {{ border: 2px {_BORDER[level]} {HEX[level]}; "
                     "border-radius: 3px; padding: 1px; }")
    for level in ORDER:
        selector = ", ".join(f'{kind}[severity="{level}"]' for kind in labels)
        rules.append(f"{selector} {{ color: {TEXT_HEX[level]}; }}")
    return "\n".join(rules) + "\n"
MUTED = QColor("#9e9e9e")  # what does not apply (a grade's comparator, an excluded paste row)
# The corner mark of a cell or a tree row with an open 审核意见, as Excel marks a cell with a
# comment (purple: not a check finding's red or orange).
COMMENT_COLOUR = QColor("#8e24aa")
COMMENT_MARK = 8  # pixels along each edge
