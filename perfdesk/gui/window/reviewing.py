"""审核意见 in the window: the 审核意见 panel (a dock beside 检查结果), the 审核 menu, and the
dialogs for writing, answering and closing comments and for a field's 修改记录.

A comment is written where the cursor is, as a reviewer comments a cell in a spreadsheet:
Shift+F2 (Excel's 插入批注) in a grid cell comments that indicator's field; in the project form,
that project field; anywhere else, the project. 检查结果转为审核意见 turns the selected check
finding into a comment at its field with its rule. Every action is one undoable step through
the document; the panel refreshes from what the document says changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QMenu

from perfdesk.core.errors import PerfDeskError
from perfdesk.gui import commands
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.dialogs.return_dialogs import ReturnDialog, open_return_file
from perfdesk.gui.dialogs.review_dialogs import AnswerDialog, CommentDialog, HistoryDialog
from perfdesk.gui.labels import indicator_field, project_field
from perfdesk.gui.translate import _t
from perfdesk.gui.widgets.comments_panel import CommentsPanel

if TYPE_CHECKING:
    from perfdesk.core.review import Comment
    from perfdesk.gui.window.main_window import MainWindow


class Reviewing:
    """The window's review part.

    Attributes:
        panel: the 审核意见 panel; dock: the dock holding it.
        actions: name → QAction (addComment, commentFromFinding, answerComment, history,
            returnComments: 退回… in a 汇总 dataset, openReturn: 打开退回文件… in a unit's).
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = CommentsPanel()
        dock = QDockWidget(_t("审核意见"), window)
        dock.setObjectName("commentsDock")
        dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.tabifyDockWidget(window.ui.findingsDock, dock)
        window.ui.findingsDock.raise_()
        dock.hide()
        self.dock = dock
        self._comments = 0  # how many the open dataset holds (edits refresh only if any)
        self.actions: dict[str, QAction] = {}
        menu = QMenu(_t("审核(&R)"), window)
        menu.setObjectName("menuReview")
        for name, text, keys, slot in (
                ("addComment", _t("添加审核意见…"), "Shift+F2", self.add_comment),
                ("commentFromFinding", _t("检查结果转为审核意见"), "Ctrl+Shift+F2",
                 self.comment_from_finding),
                ("answerComment", _t("答复审核意见…"), "Ctrl+Shift+A", self.answer_selected),
                ("history", _t("修改记录…"), "Ctrl+Shift+H", self.show_history)):
            action = QAction(text, window)
            action.setObjectName(f"action{name[0].upper()}{name[1:]}")
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[name] = action
        menu.addSeparator()
        for name, text, slot in (("returnComments", _t("退回…"), self.return_comments),
                                 ("openReturn", _t("打开退回文件…"), self.open_return)):
            action = QAction(text, window)
            action.setObjectName(f"action{name[0].upper()}{name[1:]}")
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[name] = action
        menu.addSeparator()
        menu.addAction(dock.toggleViewAction())
        dock.toggleViewAction().setText(_t("审核意见面板"))
        window.menuBar().insertMenu(window.ui.menuHelp.menuAction(), menu)
        self.menu = menu
        grid = window.ui.indicatorGrid  # right-click in a cell offers what the keys do
        grid.addActions([self.actions["addComment"], self.actions["history"]])
        panel = self.panel
        panel.jumpRequested.connect(self._jump)
        panel.answerRequested.connect(self.answer)
        panel.closeRequested.connect(lambda c: self._push(
            commands.CloseComment(self.window.document, c.uuid)))
        panel.reopenRequested.connect(lambda c: self._push(
            commands.CloseComment(self.window.document, c.uuid, reopen=True)))
        panel.deleteRequested.connect(self._delete)
        panel.ui.scopeCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.update_actions()

    # --- following the dataset and the project shown ---------------------------------------

    def follow(self) -> None:
        """A dataset was opened: show its comments, and the panel when it has any."""
        document = self.window.document
        self.panel.read_only = document.read_only
        document.commentsChanged.connect(self.refresh)
        # Where a comment points is said by names and positions: only edits of those can
        # change it, and only when there are comments (not on every field a clerk types).
        document.projectChanged.connect(
            lambda _uuid, fields: self._anchors_moved() if "name" in fields else None)
        document.indicatorChanged.connect(
            lambda _p, _i, fields: self._anchors_moved() if "name" in fields else None)
        for signal in (document.indicatorAdded, document.indicatorRemoved,
                       document.indicatorMoved, document.treeChanged):
            signal.connect(lambda *_: self._anchors_moved())
        self.refresh()
        if self._comments:
            self.dock.show()
            self.dock.raise_()
        self.update_actions()

    def forget(self) -> None:
        """The dataset was closed."""
        self._comments = 0
        self.panel.show_comments([], 0)
        self.update_actions()

    def show_project(self, _uuid: str | None) -> None:
        if self.panel.scope == CommentsPanel.CURRENT:
            self.refresh()
        self.update_actions()

    def refresh(self) -> None:
        """Read the comments again and show them with where each points now."""
        from perfdesk.services.review import anchor_of

        window = self.window
        document = window.document
        if document is None:
            return
        every = document.comments()
        current = window.navigation.current_project
        every_project = self.panel.scope == CommentsPanel.ALL
        shown = every if every_project else [c for c in every if c.project_uuid == current]
        rows = [(c, str(anchor_of(document.dataset, c).text(with_project=every_project)))
                for c in shown]
        changes = {}
        if document.info.kind == "department":  # the reviewer: what changed since returned
            from perfdesk.services.review import field_changes

            changes = {uuid: str(change.text()) for uuid, change in
                       field_changes(document.dataset, [c for c in shown if c.reply_kind]
                                     ).items()}
        self._comments = len(every)
        opened = sum(1 for c in every if c.status == "open")
        self.panel.show_comments(rows, opened, changes)
        self.dock.setWindowTitle(_t("审核意见") + (f" ({opened})" if opened else ""))

    def _anchors_moved(self) -> None:
        if self._comments:
            self.refresh()

    def update_actions(self) -> None:
        document = self.window.document
        writable = document is not None and not document.read_only
        has_project = self.window.navigation.current_project is not None
        self.actions["addComment"].setEnabled(writable and has_project)
        self.actions["commentFromFinding"].setEnabled(writable)
        self.actions["answerComment"].setEnabled(writable)
        self.actions["history"].setEnabled(document is not None and has_project)
        kind = document.info.kind if document is not None else ""
        self.actions["returnComments"].setEnabled(writable and kind == "department")
        self.actions["openReturn"].setEnabled(writable and kind == "unit")

    # --- where the cursor is ---------------------------------------------------------------

    def place(self) -> tuple[str, str, str] | None:
        """(project uuid, indicator uuid or "", field or "") of the cursor, or ``None``."""
        window = self.window
        project = window.navigation.current_project
        if project is None:
            return None
        focus = QApplication.focusWidget()
        grid = window.ui.indicatorGrid
        if focus is not None and (focus is grid or grid.isAncestorOf(focus)):
            index = grid.currentIndex()
            if index.isValid() and window.indicator_model is not None:
                indicator = window.indicator_model.indicator(index.row())
                return project, indicator.uuid, window.indicator_model.field_of(index.column())
        form = window.ui.projectForm
        for field, widget in form.widgets.items():
            if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
                return project, "", field
        return project, "", ""

    def _where(self, project_uuid: str, indicator_uuid: str, field: str) -> str:
        document = self.window.document
        project = document.project(project_uuid)
        parts = [_t("项目“%1”").replace("%1", project.name)]
        if indicator_uuid:
            position = document.indicator_position(project_uuid, indicator_uuid)
            name = project.indicators[position].name
            parts.append(_t("第%1条指标“%2”").replace("%1", str(position + 1)).replace("%2", name))
        if field:
            parts.append(indicator_field(field) if indicator_uuid else project_field(field))
        return " › ".join(parts)

    # --- the actions -----------------------------------------------------------------------

    def add_comment(self) -> None:
        """添加审核意见 where the cursor is (Shift+F2)."""
        from perfdesk.services import review

        window = self.window
        place = self.place()
        if window.document is None or place is None:
            return
        window.ui.projectForm.commit_pending()
        project_uuid, indicator_uuid, field = place
        dialog = CommentDialog(self._where(*place), review.phrases(window.document.dataset),
                               parent=window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            comment = review.new_comment(window.document.dataset, project_uuid, dialog.text(),
                                         indicator_uuid=indicator_uuid, field=field,
                                         rule=dialog.rule())
        except PerfDeskError as exc:
            prompts.warn(window, _t("审核意见没有保存"), str(exc))
            return
        if self._push(commands.AddComments(window.document, [comment])):
            self._show(comment.uuid)

    def comment_from_finding(self) -> None:
        """The selected check finding as a comment at its field, with its rule."""
        from perfdesk.services import review

        window = self.window
        selected = window.ui.findingsPanel.current_finding()
        if window.document is None:
            return
        if selected is None or selected[1] is None:
            window.statusBar().showMessage(_t("请先在“检查结果”中选择一条问题。"), 5000)
            return
        try:
            comment = review.comment_from_finding(window.document.dataset, selected[1])
        except PerfDeskError as exc:
            prompts.warn(window, _t("审核意见没有保存"), str(exc))
            return
        if self._push(commands.AddComments(window.document, [comment])):
            self._show(comment.uuid)

    def answer_selected(self) -> None:
        comment = self.panel.current_comment()
        if comment is None:
            self.dock.show()
            self.dock.raise_()
            self.window.statusBar().showMessage(_t("请先在“审核意见”中选择一条意见。"), 5000)
            return
        self.answer(comment)

    def answer(self, comment: Comment) -> None:
        """答复…: 改了 or 说明 with a reply, one undoable step."""
        window = self.window
        row = self.panel.model.row_of(comment.uuid)
        where = self.panel.model.where(row) if row >= 0 else ""
        dialog = AnswerDialog(comment, where, parent=window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._push(commands.AnswerComment(window.document, comment.uuid, dialog.kind(),
                                          dialog.reply()))

    def _delete(self, comment: Comment) -> None:
        if prompts.ask(self.window, _t("删除审核意见"),
                       _t("删除这条审核意见？\n\n%1").replace("%1", comment.text),
                       _t("删除"), _t("取消")):
            self._push(commands.DeleteComment(self.window.document, comment.uuid))

    def show_history(self) -> None:
        """修改记录 of the field (or the indicator, or the project) under the cursor."""
        window = self.window
        place = self.place()
        if window.document is None or place is None:
            return
        project_uuid, indicator_uuid, field = place
        entity = indicator_uuid or project_uuid
        history_field = None if field in ("", "name") and not indicator_uuid else (field or None)
        if indicator_uuid and field == "value":
            rows = [r for r in window.document.history(entity)
                    if r["field"] in ("", "target", "grade", "value_text", "comparator",
                                      "unit", "nature")]
        else:
            rows = window.document.history(entity, history_field)
        label = indicator_field if indicator_uuid else project_field
        HistoryDialog(_t("修改记录：%1").replace("%1", self._where(*place)), rows,
                      lambda f: label(f) if f else "", parent=window).exec()

    # --- 退回 and the return file ----------------------------------------------------------

    def return_comments(self) -> None:
        """退回…: a unit's comments of this 汇总 dataset, as one signed file in a folder."""
        from perfdesk.services.submission.returns import unit_comments
        from perfdesk.services.submission.status import status

        window = self.window
        document = window.document
        if document is None or document.info.kind != "department":
            return
        units = []
        for row in status(document.dataset)["units"]:
            if not row["submitted"]:
                continue
            written = len(unit_comments(document.dataset, row["unit"], row["code"]))
            units.append((row["unit"], _t("%1（审核意见 %2 条，待答复 %3 条）").replace(
                "%1", row["unit"]).replace("%2", str(written)).replace(
                "%3", str(row["open_comments"]))))
        dialog = ReturnDialog(units, document.path.parent, parent=window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            done = document.make_return(dialog.unit(), dialog.folder())
        except PerfDeskError as exc:
            prompts.warn(window, _t("没有退回"), str(exc))
            return
        QApplication.clipboard().setText(str(done.path))
        prompts.inform(window, _t("已退回"), _t(
            "已退回“%1”（第%2次报送）：审核意见 %3 条，待答复 %4 条。\n\n%5\n\n文件路径已复制，"
            "可粘贴到邮件附件中。").replace("%1", done.unit).replace(
            "%2", str(done.submission_number)).replace("%3", str(done.comments)).replace(
            "%4", str(done.open)).replace("%5", str(done.path)))

    def open_return(self) -> None:
        """打开退回文件…: the 主管部门's comments into this unit's dataset, each at its field."""
        window = self.window
        document = window.document
        if document is None:
            return
        path = open_return_file(window, document.path.parent)
        if path is None:
            return
        self.open_return_path(path)

    def open_return_path(self, path) -> None:
        window = self.window
        try:
            result = window.document.receive_return(path)
        except PerfDeskError as exc:
            prompts.warn(window, _t("退回文件没有接收"), str(exc))
            return
        if result is None:
            return
        if not result.ok:
            prompts.warn(window, _t("退回文件没有接收"), result.line())
            return
        self.panel.ui.scopeCombo.setCurrentIndex(CommentsPanel.ALL)
        self.refresh()
        self.dock.show()
        self.dock.raise_()
        window.statusBar().showMessage(result.line(), 10000)
        if result.comments:
            self.panel.select(result.comments[0].uuid)

    # --- helpers ---------------------------------------------------------------------------

    def _push(self, command) -> bool:
        return self.window.editing.push(command)

    def _show(self, uuid: str) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.select(uuid)

    def _jump(self, comment: Comment) -> None:
        self.window.navigation.focus_place(comment.project_uuid, comment.indicator_uuid or None,
                                           comment.field)
