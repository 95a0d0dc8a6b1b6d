"""The project tree's view: 主管部门 → 预算单位 → 项目, each project's problems as a coloured
badge, and which rows were open kept across a reread of the tree.

The rows come from :class:`~perfdesk.gui.models.project_tree_model.ProjectTreeModel` through
:class:`~perfdesk.gui.models.project_filter_proxy.ProjectFilterProxy`; the view only draws them.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPolygon
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from perfdesk.core.severity import EMPTY_SUMMARY, ERROR, WARNING, Summary
from perfdesk.gui.models.project_tree_model import (
    NAME_COLUMN,
    PROBLEMS_COLUMN,
    PROJECT,
    KindRole,
    OpenCommentsRole,
    SummaryRole,
    UuidRole,
)
from perfdesk.gui.severity_style import COLOURS, COMMENT_COLOUR, COMMENT_MARK


class BadgeDelegate(QStyledItemDelegate):
    """Paints a project's (or a unit's total) problem count as a coloured pill."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.column() != PROBLEMS_COLUMN:
            super().paint(painter, option, index)
            if index.data(OpenCommentsRole):  # 审核意见 waiting: the grid's corner mark
                corner = option.rect.topRight()
                painter.save()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(COMMENT_COLOUR)
                painter.drawPolygon(QPolygon([corner, corner + QPoint(-COMMENT_MARK, 0),
                                              corner + QPoint(0, COMMENT_MARK)]))
                painter.restore()
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter,
                                opt.widget)
        summary: Summary = index.data(SummaryRole) or EMPTY_SUMMARY
        pills = self._pills(summary, index.data(KindRole) == PROJECT)
        if not pills:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = opt.font
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        height = metrics.height() + 2
        x = opt.rect.right() - 4
        for text, colour, filled in reversed(pills):
            width = metrics.horizontalAdvance(text) + 10
            rect = QRectF(x - width, opt.rect.center().y() - height / 2 + 0.5, width, height)
            if filled:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, height / 2, height / 2)
                painter.setPen(QColor("white"))
            else:
                painter.setPen(colour)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), height / 2,
                                        height / 2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            x -= width + 3
        painter.restore()

    @staticmethod
    def _pills(summary: Summary, project: bool) -> list[tuple[str, QColor, bool]]:
        """One badge, as ui.md draws it: the errors (●) when there are any, else the warnings
        (▲); the tooltip has both. Filled for a project, outlined for a unit's total."""
        if summary.errors:
            return [(f"● {summary.errors}", COLOURS[ERROR], project)]
        if summary.warnings:
            return [(f"▲ {summary.warnings}", COLOURS[WARNING], project)]
        return []

    @staticmethod
    def column_width(font) -> int:
        """Wide enough for a badge with a count of three digits (a unit's total)."""
        font = type(font)(font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        metrics = QFontMetrics(font)
        return sum(metrics.horizontalAdvance(text) + 13 for text in ("▲ 999",)) + 6


class ProjectTreeView(QTreeView):
    """The main window's project tree: names that elide, the badge column of fixed width,
    and the open rows and the current one kept across a reread of the tree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(BadgeDelegate(self))
        # names of one unit often share their start and end (2026年…经费): the middle goes,
        # and the tooltip has the whole name
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def fit_columns(self) -> None:
        """Names take the width; the badge column keeps its own, so a changed count never
        re-lays out the tree (call once the model has its columns)."""
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PROBLEMS_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(PROBLEMS_COLUMN, BadgeDelegate.column_width(self.font()))

    def open_rows(self) -> tuple[set[str], str]:
        """The expanded rows (by uuid) and the current row, to restore after a reread."""
        model = self.model()
        expanded: set[str] = set()

        def walk(parent: QModelIndex) -> None:
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                if self.isExpanded(index):
                    expanded.add(index.data(UuidRole))
                    walk(index)

        walk(QModelIndex())
        current = self.currentIndex()
        return expanded, current.data(UuidRole) if current.isValid() else ""

    def reopen_rows(self, expanded: set[str]) -> None:
        """Expand again the units and departments of ``expanded`` that are still there."""
        model = self.model()

        def walk(parent: QModelIndex) -> None:
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                if index.data(KindRole) != PROJECT and index.data(UuidRole) in expanded:
                    self.setExpanded(index, True)
                    walk(index)

        walk(QModelIndex())
