"""The main window: start screen, project tree, project form, indicator grid, 检查结果 panel.

The window is the composition of parts with one job each, and the wiring between them:

- :mod:`.frame` builds it (toolbar, views, splitters) and keeps its layout across sessions;
- :mod:`.opening` opens and closes datasets (the opening policy, recent files, the start
  screen) and has every part follow the open one;
- :mod:`.actions` gives the actions their keys and enables them;
- :mod:`.statusbar` tells where the file is, that it is saved, its size and its problems;
- :mod:`.navigation` follows the tree's selection, the search box, F8 and jumps to findings;
- :mod:`.editing` turns edit actions into undoable commands;
- :mod:`.reviewing` holds 审核意见, :mod:`.submitting` the 报送 menu (报送, 接收, 报送情况);
- the long jobs (import, export, PDF, the sample, 全部检查) are operations outside the window,
  in :mod:`perfdesk.gui.operations`.

The window holds what every part shares: the open dataset's document, its live checker and
the models over it (``None`` on the start screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from perfdesk import __version__
from perfdesk.gui import settings as s
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.forms.ui_main_window import Ui_MainWindow
from perfdesk.gui.jobs import JobRunner
from perfdesk.gui.models.project_filter_proxy import ProjectFilterProxy
from perfdesk.gui.translate import _t
from perfdesk.gui.window.actions import WindowActions
from perfdesk.gui.window.drafts import Drafts
from perfdesk.gui.window.editing import Editing
from perfdesk.gui.window.frame import WindowFrame
from perfdesk.gui.window.navigation import Navigation
from perfdesk.gui.window.opening import DatasetOpening
from perfdesk.gui.window.reviewing import Reviewing
from perfdesk.gui.window.statusbar.bar import StatusBar
from perfdesk.gui.window.submitting import Submitting

if TYPE_CHECKING:  # loaded with the first dataset or the first use, not for the first frame
    from perfdesk.gui.models.indicator_table_model import IndicatorTableModel
    from perfdesk.gui.models.project_tree_model import ProjectTreeModel
    from perfdesk.gui.checking import LiveChecker
    from perfdesk.gui.document import DatasetDocument


class MainWindow(QMainWindow):
    """PerfDesk's one window.

    Attributes:
        document: the open dataset (``None`` on the start screen).
        checker: its live checker.
        tree_model, proxy, indicator_model: the project tree's model and its filter, the
            indicator grid's model.
        jobs: runs the long jobs off the GUI thread.
        menu_actions, frame, status, navigation, editing, opening: the window's parts.
    """

    def __init__(self, settings: s.Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.settings = settings or s.Settings()
        self.ui.indicatorGrid.enter_moves = self.settings.get(s.ENTER_MOVES)
        self.document: DatasetDocument | None = None
        self.checker: LiveChecker | None = None
        self.tree_model: ProjectTreeModel | None = None
        self.proxy = ProjectFilterProxy(self)
        self.indicator_model: IndicatorTableModel | None = None
        self.jobs = JobRunner(self)
        self.menu_actions = WindowActions(self)
        self.frame = WindowFrame(self)
        self.status = StatusBar(self)
        self.navigation = Navigation(self)
        self.editing = Editing(self)
        self.reviewing = Reviewing(self)
        self.submitting = Submitting(self)
        self.drafts = Drafts(self)
        self.opening = DatasetOpening(self)
        self._connect_actions()
        self.frame.restore_layout()
        self.opening.refresh_recent()
        self.menu_actions.update()
        self.opening.show_start()

    def _connect_actions(self) -> None:
        """Which part does what each menu choice and key asks for."""
        opening, editing, navigation = self.opening, self.editing, self.navigation
        connect = {
            "actionNewDataset": opening.new_dataset, "actionOpen": opening.open_dialog,
            "actionCloseDataset": opening.close_dataset, "actionQuit": self.close,
            "actionShowInFolder": opening.show_in_folder,
            "actionDatasetProperties": editing.edit_dataset_properties,
            "actionSettings": self.edit_settings,
            "actionUndo": editing.undo, "actionRedo": editing.redo,
            "actionDelete": editing.delete_selected, "actionFind": navigation.focus_search,
            "actionNewProject": editing.new_project, "actionNewIndicator": editing.new_indicator,
            "actionMoveUp": lambda: editing.move_selected(-1),
            "actionMoveDown": lambda: editing.move_selected(1),
            "actionNewUnit": editing.new_unit, "actionRename": editing.rename_selected,
            "actionCheckAll": self.check_all,
            "actionNextProblem": lambda: navigation.jump_to_problem(1),
            "actionPreviousProblem": lambda: navigation.jump_to_problem(-1),
            "actionApplyFix": editing.apply_selected_fix,
            "actionPasteIndicators": editing.paste_indicators,
            "actionPrint": self.print_pdf,
            "actionImport": self.import_tables,
            "actionOpenSample": self.open_sample,
            "actionExportDisclosure": lambda: self.export_workbook("disclosure"),
            "actionExportDetail": lambda: self.export_workbook("detail"),
            "actionGuide": self.show_guide, "actionAbout": self.show_about,
        }
        for name, slot in connect.items():
            getattr(self.ui, name).triggered.connect(slot)

    # --- what the window offers its callers (the app, the self-test, scripts) ---------------

    @property
    def current_project(self) -> str | None:
        """The uuid of the project the form and the grid show, or ``None``."""
        return self.navigation.current_project

    def open_path(self, path, read_only: bool = False) -> bool:
        return self.opening.open_path(path, read_only)

    def new_dataset(self) -> bool:
        return self.opening.new_dataset()

    def set_dataset(self, dataset) -> None:
        self.opening.set_dataset(dataset)

    def close_dataset(self) -> None:
        self.opening.close_dataset()

    def select_in_tree(self, uuid: str) -> None:
        self.navigation.select_in_tree(uuid)

    def jump_to(self, project_uuid: str, finding) -> None:
        self.navigation.jump_to(project_uuid, finding)

    def new_project(self) -> None:
        self.editing.new_project()

    def new_indicator(self) -> None:
        self.editing.new_indicator()

    def undo(self) -> None:
        self.editing.undo()

    def redo(self) -> None:
        self.editing.redo()

    # the long jobs' modules load on first use, not for the first frame
    def import_tables(self) -> None:
        from perfdesk.gui.operations import importing

        importing.import_tables(self)

    def print_pdf(self) -> None:
        from perfdesk.gui.operations import pdf

        pdf.print_pdf(self)

    def open_sample(self) -> None:
        from perfdesk.gui.operations import sample

        sample.open_sample(self)

    def check_all(self) -> None:
        from perfdesk.gui.operations import check

        check.check_all(self)

    def export_workbook(self, layout: str) -> None:
        """``layout``: export.DISCLOSURE (``"disclosure"``) or export.DETAIL (``"detail"``)."""
        from perfdesk.gui.operations import export

        export.export_workbook(self, layout)

    # --- the window itself ------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.frame.save_layout()
        self.jobs.cancel_all()  # a running import or export stops and changes nothing
        self.jobs.wait_all()
        self.opening.close_dataset()
        super().closeEvent(event)

    def edit_settings(self) -> None:
        """设置: the interface language and who fills in the forms."""
        from perfdesk.gui.dialogs.dataset_dialogs import SettingsDialog

        dialog = SettingsDialog(self.settings.get(s.LANGUAGE), self.settings.get(s.FILLED_BY),
                                self.settings.get(s.PHONE), self)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        language_code, filled_by, phone = dialog.values()
        changed = language_code != self.settings.get(s.LANGUAGE)
        self.settings.set(s.LANGUAGE, language_code)
        self.settings.set(s.FILLED_BY, filled_by)
        self.settings.set(s.PHONE, phone)
        if changed:
            prompts.inform(self, _t("界面语言"), _t("新的界面语言将在重新启动 PerfDesk 后生效。"))

    def show_guide(self) -> None:
        from perfdesk.gui.dialogs.dataset_dialogs import GuideDialog

        GuideDialog(self).show()

    def show_about(self) -> None:
        prompts.inform(self, _t("关于 PerfDesk"), _t(
            "PerfDesk 绩效目标填报助手 %1\n\n填写、检查并导出《项目支出绩效目标表》。"
            "完全离线运行，每处修改立即保存在本机的数据文件中。").replace("%1", __version__))
