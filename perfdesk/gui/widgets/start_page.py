"""The start screen, shown while no dataset is open: new, open, recent files, import, sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidgetItem, QWidget

from perfdesk.gui.forms.ui_start_page import Ui_StartPage
from perfdesk.gui.icons import icon

PathRole = Qt.ItemDataRole.UserRole + 1


class StartPage(QWidget):
    """Signals:
        newRequested(), openRequested(), importRequested(), sampleRequested(): the buttons.
        recentRequested(object): a recent dataset (a Path) was chosen.
    """

    newRequested = Signal()
    openRequested = Signal()
    importRequested = Signal()
    sampleRequested = Signal()
    recentRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StartPage()
        self.ui.setupUi(self)
        ui = self.ui
        ui.logo.setPixmap(icon("perfdesk").pixmap(QSize(64, 64)))
        title = QFont(ui.title.font())
        title.setPointSizeF(title.pointSizeF() * 1.7)
        title.setBold(True)
        ui.title.setFont(title)
        for label in (ui.startTitle, ui.recentTitle):
            font = QFont(label.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)
            label.setFont(font)
        for label in (ui.subtitle, ui.hint):
            label.setStyleSheet("color: #66707a")
        ui.newButton.clicked.connect(self.newRequested)
        ui.openButton.clicked.connect(self.openRequested)
        ui.importButton.clicked.connect(self.importRequested)
        ui.sampleButton.clicked.connect(self.sampleRequested)
        ui.recentList.itemActivated.connect(
            lambda item: self.recentRequested.emit(item.data(PathRole)))
        self.set_recent([])

    def set_recent(self, paths: list[Path]) -> None:
        lst = self.ui.recentList
        lst.clear()
        for path in paths:
            item = QListWidgetItem(icon("project"), f"{path.stem}\n{path.parent}")
            item.setData(PathRole, path)
            item.setToolTip(str(path))
            item.setSizeHint(QSize(0, self.fontMetrics().height() * 2 + 12))
            lst.addItem(item)
        lst.setVisible(bool(paths))
        self.ui.recentEmpty.setVisible(not paths)
        if paths:
            lst.setCurrentRow(0)
