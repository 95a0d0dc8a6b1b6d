"""The 审核意见 panel: the reviewer's comments on the current project (or on all), with their
status and the clerk's answer, beside the 检查结果 panel.

Each row is one comment: its status (待答复 / 已答复 / 已关闭), where it points (found by the
UUIDs it is anchored to, so a renamed project or a moved indicator is still found; a deleted
one is said so) and its text. The box below shows the selected comment in full with its reply.
Double-click or Enter goes to the field; 答复… (the clerk), 关闭意见 / 重新打开 (the reviewer) and
删除 act on the selected comment, each one undoable step.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from perfdesk.gui.forms.ui_comments_panel import Ui_CommentsPanel
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.core.review import Comment
    from perfdesk.gui.document import DatasetDocument

STATUS_COLUMN, WHERE_COLUMN, TEXT_COLUMN = range(3)
COLUMN_COUNT = 3
CommentRole = Qt.ItemDataRole.UserRole + 1
STATUS_COLOURS = {"open": "#8e24aa", "answered": "#1565c0", "closed": "#757575"}


def status_text(status: str) -> str:
    return {"open": _t("待答复"), "answered": _t("已答复"), "closed": _t("已关闭")}.get(status,
                                                                                    status)


def reply_text(kind: str) -> str:
    return {"fixed": _t("改了"), "explained": _t("说明")}.get(kind, "")


class CommentsModel(QAbstractTableModel):
    """The comments shown, each with where it points now (a text from the review service)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Comment, str]] = []

    def set_rows(self, rows: list[tuple[Comment, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def comment(self, row: int) -> Comment:
        return self._rows[row][0]

    def where(self, row: int) -> str:
        return self._rows[row][1]

    def row_of(self, uuid: str) -> int:
        for row, (comment, _where) in enumerate(self._rows):
            if comment.uuid == uuid:
                return row
        return -1

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_t("状态"), _t("位置"), _t("意见"))[section] if 0 <= section < 3 else None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        comment, where = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == STATUS_COLUMN:
                return status_text(comment.status)
            if column == WHERE_COLUMN:
                return where
            return comment.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{where}\n{comment.text}"
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS_COLUMN:
            return QColor(STATUS_COLOURS.get(comment.status, "#000000"))
        if role == CommentRole:
            return comment
        return None


class CommentsPanel(QWidget):
    """The 审核意见 list with its detail box and buttons.

    Signals:
        jumpRequested(object): go to the field of this comment.
        answerRequested(object), closeRequested(object), reopenRequested(object),
        deleteRequested(object): act on this comment.
    """

    jumpRequested = Signal(object)
    answerRequested = Signal(object)
    closeRequested = Signal(object)
    reopenRequested = Signal(object)
    deleteRequested = Signal(object)

    CURRENT, ALL = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CommentsPanel()
        self.ui.setupUi(self)
        self.model = CommentsModel(self)
        table = self.ui.table
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHERE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(WHERE_COLUMN, 120)
        table.doubleClicked.connect(lambda index: self._emit(self.jumpRequested))
        table.activated.connect(lambda index: self._emit(self.jumpRequested))
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.ui.answerButton.clicked.connect(lambda: self._emit(self.answerRequested))
        self.ui.closeButton.clicked.connect(lambda: self._emit(self.closeRequested))
        self.ui.reopenButton.clicked.connect(lambda: self._emit(self.reopenRequested))
        self.ui.deleteButton.clicked.connect(lambda: self._emit(self.deleteRequested))
        self.read_only = False
        self.changes: dict[str, str] = {}
        self._show_selected()

    @property
    def scope(self) -> int:
        return self.ui.scopeCombo.currentIndex()

    def show_comments(self, rows: list[tuple[Comment, str]], open_total: int,
                      changes: dict[str, str] | None = None) -> None:
        """Show ``rows`` (comment, where); ``open_total`` counts the open ones in the dataset;
        ``changes`` says, per comment uuid, what changed in its field since the submission it
        refers to (the reviewer's view of a resubmission)."""
        selected = self.current_comment()
        self.changes = dict(changes or {})
        self.model.set_rows(rows)
        opened = sum(1 for comment, _ in rows if comment.status == "open")
        if not rows:
            summary = _t("没有审核意见。")
        else:
            summary = _t("%1 条意见，%2 条待答复").replace("%1", str(len(rows))).replace(
                "%2", str(opened))
        if self.scope == self.CURRENT and open_total > opened:
            summary += _t("（全部项目共 %1 条待答复）").replace("%1", str(open_total))
        self.ui.summaryLabel.setText(summary)
        if selected is not None and self.select(selected.uuid):
            return
        self._show_selected()

    def select(self, uuid: str) -> bool:
        row = self.model.row_of(uuid)
        if row < 0:
            return False
        self.ui.table.selectRow(row)
        self.ui.table.setCurrentIndex(self.model.index(row, TEXT_COLUMN))
        self._show_selected()
        return True

    def current_comment(self) -> Comment | None:
        index = self.ui.table.currentIndex()
        return self.model.comment(index.row()) if index.isValid() else None

    def _emit(self, signal) -> None:
        comment = self.current_comment()
        if comment is not None:
            signal.emit(comment)

    def _show_selected(self) -> None:
        index = self.ui.table.currentIndex()
        comment = self.model.comment(index.row()) if index.isValid() else None
        ui = self.ui
        for button in (ui.answerButton, ui.closeButton, ui.reopenButton, ui.deleteButton):
            button.setEnabled(comment is not None and not self.read_only)
        if comment is None:
            ui.detailLabel.setText("")
            return
        ui.answerButton.setEnabled(not self.read_only and comment.status != "closed")
        ui.closeButton.setEnabled(not self.read_only and comment.status != "closed")
        ui.reopenButton.setEnabled(not self.read_only and comment.status != "open")
        where = self.model.where(index.row())
        rule = f" [{html.escape(comment.rule)}]" if comment.rule else ""
        parts = [f"<b>{html.escape(where)}</b>",
                 f"{html.escape(comment.text)}{rule}",
                 f"<span style='color:#666'>{html.escape(comment.author)} "
                 f"{html.escape(comment.created_at[:16].replace('T', ' '))}</span>"]
        if comment.reply_kind:
            reply = html.escape(comment.reply)
            parts.append(f"<span style='color:{STATUS_COLOURS['answered']}'>"
                         f"{_t('答复')}：{reply_text(comment.reply_kind)}"
                         f"{'：' + reply if reply else ''}</span>")
        change = self.changes.get(comment.uuid)
        if change:
            parts.append(f"<span style='color:#2e7d32'>{_t('字段修改')}：{html.escape(change)}"
                         "</span>")
        parts.append(f"<span style='color:{STATUS_COLOURS.get(comment.status)}'>"
                     f"{status_text(comment.status)}</span>")
        ui.detailLabel.setText("<br>".join(parts))
