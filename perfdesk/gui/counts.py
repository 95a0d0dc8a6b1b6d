"""How many errors, warnings and hints: the small coloured counts of the status bar and the
检查结果 panel.

The counts change on every keystroke that changes a check result. A QLabel would ask its
layout to re-run on each new text, and the layout would repaint the status bar, the dock and
the window around them; this widget keeps one size and only repaints itself.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from perfdesk.core.severity import ERROR, HINT, WARNING, Severity, Summary
from perfdesk.gui.severity_style import COLOURS
from perfdesk.gui.translate import _t

MARKS = {ERROR: "●", WARNING: "▲", HINT: "●"}


class ProblemCounts(QWidget):
    """``● 3 错误  ▲ 5 警告  ● 2 提示`` (hints only when asked for)."""

    def __init__(self, parent: QWidget | None = None, *, hints: bool = True) -> None:
        super().__init__(parent)
        self._hints = hints
        self.summary = Summary()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(_t("检查结果"))

    def _get_hints(self) -> bool:
        return self._hints

    def _set_hints(self, hints: bool) -> None:
        self._hints = hints
        self.updateGeometry()
        self.update()

    #: whether hints are counted too (a Qt property, so Designer files can set it)
    hints = Property(bool, _get_hints, _set_hints)

    def set_summary(self, summary: Summary) -> None:
        if summary != self.summary:
            digits = self._digits(self.summary)
            self.summary = summary
            if self._digits(summary) != digits:  # 18002: wider than the room kept (rare)
                self.updateGeometry()
            self.setToolTip("  ".join(text for _level, text in self.parts(summary, True)))
            self.update()

    def parts(self, summary: Summary | None = None,
              hints: bool | None = None) -> list[tuple[Severity, str]]:
        summary = summary or self.summary
        hints = self._hints if hints is None else hints
        parts = [(ERROR, _t("%1 错误").replace("%1", str(summary.errors))),
                 (WARNING, _t("%1 警告").replace("%1", str(summary.warnings)))]
        if hints:
            parts.append((HINT, _t("%1 提示").replace("%1", str(summary.hints))))
        return parts

    def text(self) -> str:
        return "  ".join(text for _level, text in self.parts())

    @staticmethod
    def _digits(summary: Summary) -> tuple[int, ...]:
        """The widths the counts need beyond three digits each (what sizeHint keeps room
        for)."""
        return tuple(max(len(str(n)), 3) for n in (summary.errors, summary.warnings,
                                                   summary.hints))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        # as wide as the counts with at least three digits each, so the widget keeps its
        # size while the clerk types (it never asks its layout to re-run)
        metrics = self.fontMetrics()
        s = self.summary
        widest = Summary(*(max(n, 999) for n in (s.errors, s.warnings, s.hints)))
        width = sum(metrics.horizontalAdvance(f"{MARKS[level]} {text}") + 12
                    for level, text in self.parts(widest))
        return QSize(width, metrics.height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.sizeHint()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        metrics = self.fontMetrics()
        x = 0
        y = (self.height() + metrics.ascent() - metrics.descent()) // 2
        for level, text in self.parts():
            painter.setPen(COLOURS[level])
            painter.drawText(x, y, MARKS[level])
            x += metrics.horizontalAdvance(MARKS[level] + " ")
            painter.setPen(self.palette().color(self.foregroundRole())
                           if level is not ERROR or not self.summary.errors else COLOURS[level])
            painter.drawText(x, y, text)
            x += metrics.horizontalAdvance(text) + 12
        painter.end()

