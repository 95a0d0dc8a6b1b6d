"""退回…: the reviewer chooses the unit (each shown with its comments and how many are still
open) and the folder the return file goes to; and the file dialog that opens a return file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from perfdesk.gui.translate import _t


class ReturnDialog(QDialog):
    """退回审核意见: one unit of the 汇总 dataset, one folder (a USB stick too).

    ``units`` are (name, label) pairs: the label says how many comments and open ones."""

    def __init__(self, units: list[tuple[str, str]], folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReturnDialog")
        self.setWindowTitle(_t("退回审核意见"))
        layout = QFormLayout(self)
        self.unitCombo = QComboBox(self)
        self.unitCombo.setObjectName("unitCombo")
        for name, label in units:
            self.unitCombo.addItem(label, name)
        layout.addRow(_t("预算单位："), self.unitCombo)
        row = QHBoxLayout()
        self.folderEdit = QLineEdit(str(folder), self)
        self.folderEdit.setObjectName("folderEdit")
        browse = QPushButton(_t("浏览…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.folderEdit)
        row.addWidget(browse)
        layout.addRow(_t("保存到："), row)
        note = QLabel(_t("退回文件只含该单位项目的审核意见，签名后可用 U 盘或邮件发给单位。"), self)
        note.setWordWrap(True)
        layout.addRow(note)
        self.buttonBox = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(_t("退回"))
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        layout.addRow(self.buttonBox)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(units))

    def unit(self) -> str:
        return str(self.unitCombo.currentData() or "")

    def folder(self) -> Path:
        return Path(self.folderEdit.text().strip())

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, _t("选择保存位置"), self.folderEdit.text())
        if path:
            self.folderEdit.setText(path)


def open_return_file(parent: QWidget | None, folder: Path) -> Path | None:
    """Ask for a return file (审核意见) from the 主管部门."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, _t("打开退回文件"), str(folder),
        _t("退回文件 (*.perfdesk-return);;所有文件 (*)"))
    return Path(path) if path else None
