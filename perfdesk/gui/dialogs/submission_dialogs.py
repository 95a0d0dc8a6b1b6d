"""The dialogs of 报送 and 汇总: 报送 (what the checks left, a 审核说明 for each, where to write
the file; then where it went), 接收报送 (a result per file), 报送情况 (a row per unit).

They show and collect; the window part :mod:`perfdesk.gui.window.submitting` runs the work."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QHeaderView, \
    QTableWidgetItem, QWidget

from perfdesk.core.severity import ERROR, WARNING
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.forms.ui_receive_dialog import Ui_ReceiveDialog
from perfdesk.gui.forms.ui_status_dialog import Ui_StatusDialog
from perfdesk.gui.forms.ui_submit_dialog import Ui_SubmitDialog
from perfdesk.gui.models.submission_status_model import SubmissionStatusModel
from perfdesk.gui.severity_style import TINTS
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.services.submission.receive import FileResult
    from perfdesk.services.submission.submit import Diff, Remaining, Submitted

_EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _item(text: str, flags=_SHOWN) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(flags)
    return item


def changes_text(changes: Diff | None) -> str:
    """What changed since the last submission, one line each."""
    if changes is None:
        return _t("这是第一次报送。")
    if changes.empty:
        return _t("与上次报送相比没有变化。")
    return "\n".join(changes.lines())


class SubmitDialog(QDialog):
    """报送: the errors and warnings the checks left, each with a one-line 审核说明 (OK waits for
    all of them), what changed since the last submission, and the folder to write to; after
    the file is written, where it is, with 打开所在文件夹 and 复制路径.

    Signals:
        jumpRequested(str, object, str): (project uuid, indicator uuid or None, field) of the
            finding double-clicked.
        recheckRequested(): check again (after fixing something).
        submitRequested(): OK: write the submission (folder and explanations ready).
    """

    jumpRequested = Signal(str, object, str)
    recheckRequested = Signal()
    submitRequested = Signal()

    LEVEL, RULE, WHERE, MESSAGE, EXPLANATION = range(5)

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SubmitDialog()
        self.ui.setupUi(self)
        self.remaining: list[Remaining] = []
        self.submitted: Submitted | None = None
        self.busy = True  # until the first check is back
        table = self.ui.findingsTable
        table.setColumnCount(5)
        table.setHorizontalHeaderLabels([self.tr("级别"), self.tr("规则"), self.tr("位置"),
                                         self.tr("问题"), self.tr("审核说明")])
        header = table.horizontalHeader()
        header.setSectionResizeMode(self.WHERE, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(self.WHERE, 200)
        table.setColumnWidth(self.MESSAGE, 260)
        table.itemDoubleClicked.connect(self._double_clicked)
        table.itemChanged.connect(lambda _item: self._update_ok())
        self.ui.folderEdit.setText(str(folder) if folder else "")
        self.ui.folderEdit.textChanged.connect(lambda _t: self._update_ok())
        self.ui.chooseFolderButton.clicked.connect(self._choose_folder)
        self.ui.recheckButton.clicked.connect(self._recheck)
        self.ok_button.setText(self.tr("报送"))
        self.cancel_button.setText(self.tr("取消"))
        self.ui.buttonBox.accepted.connect(self._submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.openFolderButton.clicked.connect(self.open_folder)
        self.ui.copyPathButton.clicked.connect(self.copy_path)
        self.ui.summaryLabel.setText(self.tr("正在检查全部项目…"))
        self._update_ok()

    @property
    def ok_button(self):
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def cancel_button(self):
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)

    def folder(self) -> Path | None:
        text = self.ui.folderEdit.text().strip()
        return Path(text) if text else None

    # --- the findings -------------------------------------------------------------------

    def show_findings(self, remaining: list[Remaining], changes: Diff | None) -> None:
        """What the checks left (explanations already written stay with their finding)."""
        kept = self.explanations()
        self.remaining = list(remaining)
        table = self.ui.findingsTable
        table.blockSignals(True)
        table.setRowCount(len(remaining))
        for row, item in enumerate(remaining):
            level = self.tr("错误") if item.severity == ERROR else self.tr("警告")
            cells = [_item(level), _item(item.rule),
                     _item(self.tr("项目“%1”，%2").replace("%1", item.project)
                           .replace("%2", item.where)),
                     _item(item.message), _item(kept.get(item.key, ""), _EDITABLE)]
            tint = QBrush(TINTS[ERROR if item.severity == ERROR else WARNING])
            for column, cell in enumerate(cells):
                if column != self.EXPLANATION:
                    cell.setBackground(tint)
                    cell.setToolTip(self.tr("双击转到该处修改"))
                table.setItem(row, column, cell)
        table.blockSignals(False)
        table.setVisible(bool(remaining))
        errors = sum(1 for r in remaining if r.severity == ERROR)
        if remaining:
            text = self.tr("检查后还有 %1 个错误、%2 个警告。可以双击一行转到该处修改后“重新检查”，"
                           "也可以为每一个写一句审核说明后报送，说明随报送文件一起交给主管部门。")
            text = text.replace("%1", str(errors)).replace("%2", str(len(remaining) - errors))
        else:
            text = self.tr("检查全部通过，没有错误或警告，可以报送。")
        self.ui.summaryLabel.setText(text)
        self.ui.changesText.setPlainText(changes_text(changes))
        self.busy = False
        self._update_ok()
        if remaining:
            table.setCurrentCell(0, self.EXPLANATION)
            table.setFocus()

    def explanations(self) -> dict[str, str]:
        """Finding key → its 审核说明 (blank ones left out)."""
        table = self.ui.findingsTable
        out = {}
        for row, item in enumerate(self.remaining):
            cell = table.item(row, self.EXPLANATION)
            text = cell.text().strip() if cell is not None else ""
            if text:
                out[item.key] = text
        return out

    def unexplained(self) -> int:
        return len(self.remaining) - len(self.explanations())

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self.busy and self.folder() is not None
                                  and self.unexplained() == 0)

    def _double_clicked(self, item: QTableWidgetItem) -> None:
        if item.column() == self.EXPLANATION:
            return
        finding = self.remaining[item.row()]
        self.jumpRequested.emit(finding.project_uuid, finding.indicator_uuid, finding.field)

    def _choose_folder(self) -> None:
        chosen = prompts.choose_folder(self, self.tr("报送文件保存到（可以是U盘）"),
                                       self.folder() or Path.home())
        if chosen is not None:
            self.ui.folderEdit.setText(str(chosen))

    def _recheck(self) -> None:
        self.set_busy(self.tr("正在检查全部项目…"))
        self.recheckRequested.emit()

    def _submit(self) -> None:
        if self.ok_button.isEnabled():
            self.set_busy(self.tr("正在写入报送文件…"))
            self.submitRequested.emit()

    def set_busy(self, text: str) -> None:
        self.busy = True
        self.ui.summaryLabel.setText(text)
        self._update_ok()

    def failed(self) -> None:
        """The file could not be written (the runner said why): try again."""
        self.busy = False
        self.ui.summaryLabel.setText(self.tr("报送文件没有写成，数据文件没有改动。可以换一个文件夹再试。"))
        self._update_ok()

    # --- written ------------------------------------------------------------------------

    def show_done(self, submitted: Submitted) -> None:
        """Where the file went, what it holds, and the two ways on (folder, email)."""
        self.submitted = submitted
        check = submitted.manifest["check"]
        self.ui.doneLabel.setText(
            self.tr("第%1次报送已完成（%2 个项目，%3 个错误、%4 个警告已说明）。报送文件：\n%5")
            .replace("%1", str(submitted.number))
            .replace("%2", str(submitted.manifest["counts"]["projects"]))
            .replace("%3", str(check["errors"])).replace("%4", str(check["warnings"]))
            .replace("%5", str(submitted.path)))
        self.ui.doneChangesText.setPlainText(changes_text(submitted.changes)
                                             if submitted.number > 1 else
                                             self.tr("这是第一次报送。"))
        self.ui.pages.setCurrentWidget(self.ui.donePage)
        self.ok_button.hide()
        self.cancel_button.setText(self.tr("关闭"))
        self.ui.copyPathButton.setFocus()

    def open_folder(self) -> None:
        if self.submitted is not None:
            prompts.show_file(self.submitted.path.parent)

    def copy_path(self) -> None:
        """The file's path on the clipboard, for attaching it to an email."""
        if self.submitted is not None:
            QApplication.clipboard().setText(str(self.submitted.path))
            self.ui.copyPathButton.setText(self.tr("已复制路径"))


class ReceiveDialog(QDialog):
    """接收报送: files or a folder to receive, then one row per file: 已接收 (with what
    changed since that unit's previous submission), 已跳过 (a duplicate), 拒收 (the reason),
    or 被手工修改 (what differs; 接受所选的手工修改 takes it as its sheets show it).

    Signals:
        filesRequested(), folderRequested(): the clerk wants to pick files, a folder.
        acceptRequested(object): receive this hand-edited file (a Path) after all.
    """

    filesRequested = Signal()
    folderRequested = Signal()
    acceptRequested = Signal(object)

    FILE, UNIT, NUMBER, RESULT = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReceiveDialog()
        self.ui.setupUi(self)
        self.results: list[FileResult] = []
        table = self.ui.resultsTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels([self.tr("文件"), self.tr("预算单位"), self.tr("报送次数"),
                                         self.tr("结果")])
        table.setColumnWidth(self.FILE, 320)
        table.setColumnWidth(self.UNIT, 160)
        table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        self.ui.addFilesButton.clicked.connect(self.filesRequested)
        self.ui.addFolderButton.clicked.connect(self.folderRequested)
        self.ui.acceptChangedButton.clicked.connect(self._accept_selected)
        close = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.summaryLabel.setText(self.tr("选择报送文件，或U盘、邮件附件所在的整个文件夹。"))
        self._show_detail(-1)

    def set_busy(self, busy: bool) -> None:
        for button in (self.ui.addFilesButton, self.ui.addFolderButton):
            button.setEnabled(not busy)
        if busy:
            self.ui.acceptChangedButton.setEnabled(False)
            self.ui.summaryLabel.setText(self.tr("正在核验并接收…"))

    def add_results(self, results: list[FileResult]) -> None:
        """Show what became of each file (a file shown before gets its new result)."""
        from perfdesk.services.submission.receive import CHANGED, RECEIVED, REFUSED, SKIPPED

        for result in results:
            same = [i for i, r in enumerate(self.results) if r.path == result.path]
            if same:
                self.results[same[0]] = result
            else:
                self.results.append(result)
        labels = {RECEIVED: self.tr("已接收"), SKIPPED: self.tr("已跳过（重复）"),
                  REFUSED: self.tr("拒收"), CHANGED: self.tr("被手工修改，未接收")}
        tints = {REFUSED: TINTS[ERROR], CHANGED: TINTS[WARNING]}
        table = self.ui.resultsTable
        table.setRowCount(len(self.results))
        for row, result in enumerate(self.results):
            number = self.tr("第%1次").replace("%1", str(result.number)) if result.number else ""
            cells = [_item(result.path.name), _item(result.unit), _item(number),
                     _item(labels[result.status])]
            cells[self.FILE].setToolTip(str(result.path))
            for column, cell in enumerate(cells):
                if result.status in tints:
                    cell.setBackground(QBrush(tints[result.status]))
                table.setItem(row, column, cell)
        counts = {status: sum(1 for r in self.results if r.status == status)
                  for status in labels}
        self.ui.summaryLabel.setText(
            self.tr("已接收 %1 份，跳过 %2 份，拒收 %3 份，被手工修改 %4 份。")
            .replace("%1", str(counts[RECEIVED])).replace("%2", str(counts[SKIPPED]))
            .replace("%3", str(counts[REFUSED])).replace("%4", str(counts[CHANGED])))
        self.set_busy(False)
        if results:
            last = self.results.index(results[-1]) if results[-1] in self.results else 0
            first = next((i for i, r in enumerate(self.results) if r in results), last)
            table.setCurrentCell(first, self.RESULT)
        self._show_detail(table.currentRow())

    def current(self) -> FileResult | None:
        row = self.ui.resultsTable.currentRow()
        return self.results[row] if 0 <= row < len(self.results) else None

    def _show_detail(self, row: int) -> None:
        from perfdesk.services.submission.receive import CHANGED

        result = self.results[row] if 0 <= row < len(self.results) else None
        self.ui.acceptChangedButton.setEnabled(result is not None and result.status == CHANGED)
        if result is None:
            self.ui.detailText.setPlainText("")
            return
        lines = [result.line()]
        if result.changes.lines():
            lines += ["", self.tr("与该单位上次报送相比：")] + result.changes.lines()
        if result.edits:
            lines += ["", self.tr("手工修改之处：")] + result.edits
        self.ui.detailText.setPlainText("\n".join(lines))

    def _accept_selected(self) -> None:
        result = self.current()
        if result is not None and prompts.ask(
                self, self.tr("接受手工修改"),
                self.tr("“%1”导出后被手工修改过：\n%2\n\n按表格现在的内容接收吗？")
                .replace("%1", result.path.name).replace("%2", "\n".join(result.edits)),
                self.tr("接收"), self.tr("取消")):
            self.set_busy(True)
            self.acceptRequested.emit(result.path)


class StatusDialog(QDialog):
    """报送情况: a row per unit, the missing ones tinted; 导出 xlsx… writes it as a workbook.

    Signals:
        exportRequested(): the clerk wants the table as an xlsx file.
    """

    exportRequested = Signal()

    def __init__(self, report: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StatusDialog()
        self.ui.setupUi(self)
        self.report = report
        self.model = SubmissionStatusModel(report, self)
        table = self.ui.statusTable
        table.setModel(self.model)
        table.resizeColumnsToContents()
        missing = report["missing"]
        text = self.tr("%1年度 %2：已报送 %3 个单位，共 %4 个。").replace(
            "%1", str(report["year"])).replace("%2", report["department"]).replace(
            "%3", str(report["submitted"])).replace("%4", str(len(report["units"])))
        if missing:
            text += self.tr("尚未报送：%1。").replace("%1", "、".join(missing))
        if report.get("deadline"):
            text += self.tr("截止日期：%1。").replace("%1", report["deadline"])
        self.ui.summaryLabel.setText(text)
        self.ui.exportButton.clicked.connect(self.exportRequested)
        close = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        self.ui.buttonBox.rejected.connect(self.reject)
