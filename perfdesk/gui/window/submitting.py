"""报送 and 汇总 in the window: the 报送 menu and its dialogs.

A unit's dataset offers 报送… (check, a 审核说明 for what is left, the sealed file written to a
folder or a USB stick); a 主管部门's 汇总 dataset offers 接收报送… (files or a whole folder, a
result per file, the tree refreshed) and 报送情况… (a row per unit, the missing ones tinted,
exportable as xlsx). 从任务文件新建… sets a dataset up from a 任务文件, whatever is open.
The work runs through :mod:`perfdesk.gui.operations.submission`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from perfdesk.gui import settings as s
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.operations import submission
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.dialogs.submission_dialogs import ReceiveDialog, StatusDialog, \
        SubmitDialog
    from perfdesk.gui.window.main_window import MainWindow


class Submitting:
    """The window's 报送 part.

    Attributes:
        menu: the 报送 menu; actions: name → QAction (submit, receive, status, fromTask).
        submit_dialog, receive_dialog, status_dialog: the dialog open (or last opened).
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        menu = QMenu(_t("报送(&S)"), window)
        menu.setObjectName("menuSubmission")
        for name, text, slot in (
                ("submit", _t("报送…"), self.submit),
                ("receive", _t("接收报送…"), self.receive),
                ("status", _t("报送情况…"), self.show_status),
                ("fromTask", _t("从任务文件新建…"), self.new_from_task)):
            if name == "fromTask":
                menu.addSeparator()
            action = QAction(text, window)
            action.setObjectName(f"action{name[0].upper()}{name[1:]}")
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[name] = action
        window.menuBar().insertMenu(window.ui.menuHelp.menuAction(), menu)
        self.menu = menu
        self.submit_dialog: SubmitDialog | None = None
        self.receive_dialog: ReceiveDialog | None = None
        self.status_dialog: StatusDialog | None = None
        self.update_actions()

    def update_actions(self) -> None:
        """报送 for a unit's dataset, 接收 and 报送情况 for a 主管部门's 汇总."""
        document = self.window.document
        kind = document.info.kind if document is not None else ""
        writable = document is not None and not document.read_only
        self.actions["submit"].setEnabled(writable and kind == "unit")
        self.actions["receive"].setEnabled(writable and kind == "department")
        self.actions["status"].setEnabled(kind == "department")
        self.actions["fromTask"].setEnabled(True)

    def forget(self) -> None:
        """The dataset was closed: its dialogs go with it."""
        for dialog in (self.submit_dialog, self.receive_dialog, self.status_dialog):
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        self.submit_dialog = self.receive_dialog = self.status_dialog = None
        self.update_actions()

    def _folder(self) -> Path:
        folder = Path(self.window.settings.get(s.LAST_FOLDER) or Path.home())
        return folder if folder.is_dir() else Path.home()

    # --- 报送 ---------------------------------------------------------------------------

    def submit(self) -> None:
        """报送…: check first, then the dialog with what is left to explain."""
        from perfdesk.gui.dialogs.submission_dialogs import SubmitDialog

        window = self.window
        if window.document is None or not self.actions["submit"].isEnabled():
            return
        window.ui.projectForm.commit_pending()
        if self.submit_dialog is not None:
            self.submit_dialog.deleteLater()
        dialog = self.submit_dialog = SubmitDialog(self._folder(), window)
        dialog.jumpRequested.connect(window.navigation.focus_place)
        dialog.recheckRequested.connect(lambda: self._check(dialog))
        dialog.submitRequested.connect(lambda: self._write(dialog))
        dialog.show()
        self._check(dialog)

    def _check(self, dialog: SubmitDialog) -> None:
        self.window.ui.projectForm.commit_pending()
        submission.remaining(self.window, dialog.show_findings)

    def _write(self, dialog: SubmitDialog) -> None:
        folder = dialog.folder()
        self.window.settings.set(s.LAST_FOLDER, str(folder))

        def done(submitted) -> None:
            dialog.show_done(submitted)
            self.window.statusBar().showMessage(_t("已报送：%1").replace(
                "%1", str(submitted.path)), 10000)

        submission.submit(self.window, folder, dialog.explanations(), done,
                          on_failure=lambda _error: dialog.failed())

    # --- 接收报送 -------------------------------------------------------------------------

    def receive(self) -> None:
        """接收报送…: the dialog; the clerk picks files or a folder in it."""
        from perfdesk.gui.dialogs.submission_dialogs import ReceiveDialog

        window = self.window
        if window.document is None or not self.actions["receive"].isEnabled():
            return
        if self.receive_dialog is not None:
            self.receive_dialog.deleteLater()
        dialog = self.receive_dialog = ReceiveDialog(window)
        dialog.filesRequested.connect(lambda: self._pick(dialog, folder=False))
        dialog.folderRequested.connect(lambda: self._pick(dialog, folder=True))
        dialog.acceptRequested.connect(lambda path: self._take(dialog, [path], True))
        dialog.show()

    def _pick(self, dialog: ReceiveDialog, *, folder: bool) -> None:
        if folder:
            chosen = prompts.choose_folder(dialog, _t("选择报送文件所在的文件夹"), self._folder())
            paths = [chosen] if chosen is not None else []
        else:
            paths = prompts.open_submission_files(dialog, self._folder())
        if not paths:
            return
        self.window.settings.set(s.LAST_FOLDER, str(paths[0] if folder else paths[0].parent))
        self._take(dialog, paths, False)

    def _take(self, dialog: ReceiveDialog, paths: list[Path], accept_changed: bool) -> None:
        dialog.set_busy(True)
        if submission.receive(self.window, paths, dialog.add_results,
                              accept_changed=accept_changed) is None:
            dialog.set_busy(False)

    # --- 报送情况 -------------------------------------------------------------------------

    def show_status(self) -> None:
        from perfdesk.gui.dialogs.submission_dialogs import StatusDialog
        from perfdesk.services.submission.status import status

        window = self.window
        if window.document is None or not self.actions["status"].isEnabled():
            return
        if self.status_dialog is not None:
            self.status_dialog.deleteLater()
        dialog = self.status_dialog = StatusDialog(status(window.document.dataset), window)
        dialog.exportRequested.connect(lambda: self._export_status(dialog))
        dialog.show()

    def _export_status(self, dialog: StatusDialog) -> None:
        from perfdesk.gui.operations.output import file_written

        report = dialog.report
        name = _t("%1年绩效目标报送情况").replace("%1", str(report["year"]))
        path = prompts.save_file(dialog, _t("导出报送情况"), self._folder() / f"{name}.xlsx",
                                 _t("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return

        def work(_progress):
            from perfdesk.services.submission.status import export_status

            return export_status(report, path)

        self.window.jobs.run(work, title=_t("导出报送情况"), label=_t("正在导出…"),
                             on_success=lambda written: file_written(self.window, written))

    # --- 从任务文件新建 ---------------------------------------------------------------------

    def new_from_task(self) -> None:
        """A dataset set up from a 任务文件 (a unit's, or the 主管部门's for its 汇总)."""
        window = self.window
        task = prompts.open_task_file(window, self._folder())
        if task is None:
            return
        path = prompts.save_file(window, _t("新数据文件保存为"),
                                 task.with_suffix(".perfdesk"),
                                 _t("PerfDesk 数据文件 (*.perfdesk)"))
        if path is None:
            return
        window.settings.set(s.LAST_FOLDER, str(task.parent))
        submission.dataset_from_task(window, task, path)
