"""The text of an open grid cell kept as a draft, and offered back after a crash.

After a short pause in typing into a cell editor (the pause after which the project form
stores its text), the text is kept beside the dataset (:mod:`perfdesk.services.drafts`); once
the cell is confirmed or abandoned (Enter, Tab, Esc, leaving it) the draft goes. Opening a
dataset that has one left behind (PerfDesk died with the editor open) says what it was and
offers to put it back into its cell, as one undoable edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from perfdesk.core.fields import grid_columns
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.labels import indicator_field
from perfdesk.gui.translate import _t
from perfdesk.gui.widgets.project_form import TYPING_PAUSE_MS
from perfdesk.services.drafts import Draft, clear_draft, read_draft, save_draft

if TYPE_CHECKING:
    from perfdesk.gui.window.main_window import MainWindow


class Drafts(QObject):
    """Keeps what is being typed in the indicator grid until the cell is done."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._pending: Draft | None = None
        self._kept = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._keep)
        delegate = window.ui.indicatorGrid.delegate
        delegate.typing.connect(self._typed)
        delegate.closeEditor.connect(self._done)

    def _path(self):
        document = self.window.document
        return None if document is None or document.read_only else document.dataset.path

    def _typed(self, uuid: str, column: int, text: str) -> None:
        project = self.window.current_project
        if self._path() is None or project is None:
            return
        self._pending = Draft(project, uuid, self.window.indicator_model.field_of(column), text)
        self._pause.start()

    def _keep(self) -> None:
        path = self._path()
        if path is not None and self._pending is not None:
            save_draft(path, self._pending)
            self._kept = True

    def _done(self, *_args) -> None:
        """The cell was confirmed or abandoned: its text is stored or was not wanted."""
        self._pause.stop()
        self._pending = None
        path = self._path()
        if self._kept and path is not None:
            clear_draft(path)
        self._kept = False

    def offer(self) -> None:
        """A dataset was opened: a draft left behind is offered back into its cell."""
        path = self._path()
        draft = read_draft(path) if path is not None else None
        if draft is None:
            return
        clear_draft(path)
        window = self.window
        try:
            project = window.document.dataset.load_project(draft.project_uuid)
        except Exception:  # noqa: BLE001 - the project is gone: nothing to offer back
            return
        indicator = next((i for i in project.indicators if i.uuid == draft.indicator_uuid), None)
        if indicator is None or draft.field not in grid_columns(project.kind):
            return
        position = project.indicators.index(indicator) + 1
        text = (_t("上次 PerfDesk 没有正常关闭，指标表格中有一格的内容输入到一半、还没有确认：\n\n"
                   "项目：%1\n第 %2 个指标“%3”的“%4”：%5\n\n要把它填回这一格吗？")
                .replace("%1", project.name or _t("（未命名）")).replace("%2", str(position))
                .replace("%3", indicator.name or "—")
                .replace("%4", str(indicator_field(draft.field))).replace("%5", draft.text))
        if not prompts.ask(window, _t("恢复未完成的输入"), text, _t("填回"), _t("放弃")):
            return
        window.select_in_tree(draft.project_uuid)
        model = window.indicator_model
        row = model.row_of(draft.indicator_uuid)
        if row < 0:
            return
        index = model.index(row, model.columns.index(draft.field))
        model.setData(index, draft.text, Qt.ItemDataRole.EditRole)
        grid = window.ui.indicatorGrid
        grid.setCurrentIndex(index)
        QTimer.singleShot(0, grid, grid.setFocus)
