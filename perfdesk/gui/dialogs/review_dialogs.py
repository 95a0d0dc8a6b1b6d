"""The dialogs of 审核意见: writing a comment (free text or a standard phrase), answering one
(改了 or 说明 with a reply), and a field's 修改记录."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidgetItem, QWidget

from perfdesk.gui.forms.ui_answer_dialog import Ui_AnswerDialog
from perfdesk.gui.forms.ui_comment_dialog import Ui_CommentDialog
from perfdesk.gui.forms.ui_history_dialog import Ui_HistoryDialog
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.core.review import Comment
    from perfdesk.services.review import Phrase


class CommentDialog(QDialog):
    """添加审核意见: where it goes, a standard phrase to start from, the text.

    Choosing a phrase puts its text in the box (to keep or to edit) and remembers its rule."""

    def __init__(self, where: str, phrases: Sequence[Phrase], text: str = "", rule: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CommentDialog()
        self.ui.setupUi(self)
        self.ui.anchorLabel.setText(_t("位置：%1").replace("%1", where))
        self._phrases = list(phrases)
        self._rule = rule
        combo = self.ui.phraseCombo
        combo.addItem(_t("（自己填写）"))
        for phrase in self._phrases:
            combo.addItem(f"{phrase.text}" + (f"  [{phrase.rule}]" if phrase.rule else ""))
        combo.activated.connect(self._phrase_chosen)
        self.ui.textEdit.setPlainText(text)
        self.ui.textEdit.textChanged.connect(self._update_ok)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.textEdit.setFocus()
        self._update_ok()

    def _phrase_chosen(self, index: int) -> None:
        if index <= 0:
            return
        phrase = self._phrases[index - 1]
        self.ui.textEdit.setPlainText(phrase.text)
        self._rule = phrase.rule
        self.ui.textEdit.setFocus()

    def _update_ok(self) -> None:
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.ui.textEdit.toPlainText().strip()))

    def text(self) -> str:
        return self.ui.textEdit.toPlainText().strip()

    def rule(self) -> str:
        return self._rule


class AnswerDialog(QDialog):
    """答复审核意见: 改了 (the field was changed) or 说明 (why it stays), with a reply;
    OK waits for a reply when 说明 is chosen."""

    def __init__(self, comment: Comment, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AnswerDialog()
        self.ui.setupUi(self)
        self.ui.commentLabel.setText(
            f"<b>{html.escape(where)}</b><br>{html.escape(comment.text)}"
            f"<br><span style='color:#666'>{html.escape(comment.author)} "
            f"{html.escape(comment.created_at[:16].replace('T', ' '))}</span>")
        if comment.reply_kind == "explained":
            self.ui.explainedRadio.setChecked(True)
        self.ui.replyEdit.setPlainText(comment.reply)
        for signal in (self.ui.fixedRadio.toggled, self.ui.replyEdit.textChanged):
            signal.connect(self._update_ok)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.replyEdit.setFocus()
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.kind() == "fixed" or bool(self.reply()))
        self.ui.replyLabel.setText(_t("答复（必填）：") if self.kind() == "explained"
                                   else _t("答复（可不填）："))

    def kind(self) -> str:
        return "fixed" if self.ui.fixedRadio.isChecked() else "explained"

    def reply(self) -> str:
        return self.ui.replyEdit.toPlainText().strip()


def _action_name(action: str) -> str:
    return {"create": _t("新建"), "update": _t("修改"), "delete": _t("删除"),
            "move": _t("移动")}.get(action, action)


class HistoryDialog(QDialog):
    """修改记录: what the change log kept of one project, indicator or field, newest first."""

    def __init__(self, title: str, rows: Sequence[dict], field_label, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ui = Ui_HistoryDialog()
        self.ui.setupUi(self)
        self.ui.titleLabel.setText(title if rows else title + "\n" + _t("没有修改记录。"))
        table = self.ui.table
        headers = [_t("时间"), _t("用户"), _t("操作"), _t("字段"), _t("原值"), _t("新值")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row["at"][:19].replace("T", " "), row["os_user"],
                      _action_name(row["action"]), field_label(row["field"]),
                      row["old"] or "", row["new"] or "")
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()
