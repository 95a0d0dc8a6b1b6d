"""Every modal question PerfDesk asks the clerk, in one place.

Message boxes and file dialogs block until answered. Keeping them here gives the window one
consistent voice (titles, button texts in the clerk's language) and gives tests one place to
answer them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from perfdesk.gui.translate import _t


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    """A yes/no question with explicit button texts; ``True`` for ``yes``."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
    """One of several answers (buttons in order, the first the default); ``None`` for 取消."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    cancel = box.addButton(_t("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def show_file(path: Path) -> None:
    """Hand a finished file (an export, a PDF) to the system's viewer."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_dataset_file(parent: QWidget | None, folder: Path) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _t("打开数据文件"), str(folder),
        _t("PerfDesk 数据文件 (*.perfdesk);;所有文件 (*)"))
    return Path(path) if path else None


def open_table_files(parent: QWidget | None, folder: Path) -> list[Path]:
    paths, _filter = QFileDialog.getOpenFileNames(
        parent, _t("选择要导入的表格"), str(folder),
        _t("表格 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)"))
    return [Path(p) for p in paths]


def save_file(parent: QWidget | None, title: str, suggested: Path, file_filter: str
              ) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(path) if path else None


def choose_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(path) if path else None


def open_submission_files(parent: QWidget | None, folder: Path) -> list[Path]:
    paths, _filter = QFileDialog.getOpenFileNames(
        parent, _t("选择要接收的报送文件"), str(folder),
        _t("报送文件 (*.xlsx);;所有文件 (*)"))
    return [Path(p) for p in paths]


def open_task_file(parent: QWidget | None, folder: Path) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _t("打开任务文件"), str(folder), _t("任务文件 (*.json);;所有文件 (*)"))
    return Path(path) if path else None
