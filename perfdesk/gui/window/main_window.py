"""The main window: start screen, project tree, project form, indicator grid, 检查结果 panel.

The window owns the open :class:`DatasetDocument` and wires the views to it: the tree, the
form, the grid and the findings panel each follow the document's and the checker's signals;
the window's actions turn menu choices and keys (the table in ui.md) into undoable commands.
Opening a dataset goes through :meth:`MainWindow.open_path`, which copies datasets on a
removable drive or network share to the local documents folder first, offers read-only when
another PerfDesk has the file, and explains files it cannot open.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QWidget,
)

from perfdesk import __version__

from perfdesk.services import placement
from perfdesk.core.errors import DatasetLockedError, PerfDeskError
from perfdesk.gui import commands
from perfdesk.gui.dialogs import prompts
from perfdesk.gui import settings as s
from perfdesk.gui.checking import LiveChecker, Summary
from perfdesk.gui.counts import ProblemCounts
from perfdesk.gui.dialogs.dataset_dialogs import (
    DatasetPropertiesDialog,
    GuideDialog,
    NewDatasetDialog,
    NewUnitDialog,
    SettingsDialog,
)
from perfdesk.gui.document import DatasetDocument
from perfdesk.gui.widgets.findings_panel import location_key
from perfdesk.gui.forms.ui_main_window import Ui_MainWindow
from perfdesk.gui.icons import icon
from perfdesk.gui.models.indicator_table_model import (
    FIELD_COLUMNS,
    LEVEL1,
    NAME,
    IndicatorTableModel,
    grades_of,
)
from perfdesk.gui.jobs import JobRunner
from perfdesk.gui.models.project_filter_proxy import ProjectFilterProxy
from perfdesk.gui.models.project_tree_model import (
    DEPARTMENT,
    NAME_COLUMN,
    PROJECT,
    UNIT,
    KindRole,
    ProjectTreeModel,
    UuidRole,
)
from perfdesk.gui.translate import _t
from perfdesk.core.paths import documents_dir, resource

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.services.dataset import Dataset
    from perfdesk.core.model import Indicator

# The bundled sample (a real published table) and the dataset it is imported into.
SAMPLE_TABLE = ("samples", "000_05425078e2155506.txt")
SAMPLE_FILE = "示例数据.perfdesk"
SAMPLE_YEAR = 2023
SAMPLE_TITLE = "示例：2023年项目支出绩效目标表（含转移支付项目）"


@dataclass
class _ReadTables:
    """What the import preview shows: the projects and notices of all the files read."""

    projects: list
    notices: list


# The keyboard table of ui.md: action -> key sequences.
KEYS: dict[str, tuple[Any, ...]] = {
    "actionNewDataset": ("Ctrl+Shift+N",),
    "actionOpen": ("Ctrl+O",),
    "actionQuit": ("Ctrl+Q",),
    "actionNewProject": ("Ctrl+N",),
    "actionNewIndicator": ("Ctrl+I",),
    "actionDelete": ("Delete",),
    "actionUndo": ("Ctrl+Z",),
    "actionRedo": ("Ctrl+Y", "Ctrl+Shift+Z"),
    "actionFind": ("Ctrl+F",),
    "actionCheckAll": ("F5",),
    "actionNextProblem": ("F8",),
    "actionPreviousProblem": ("Shift+F8",),
    "actionImport": ("Ctrl+Shift+I",),
    "actionExportDisclosure": ("Ctrl+E",),
    "actionPrint": ("Ctrl+P",),
    "actionMoveUp": ("Alt+Up",),
    "actionMoveDown": ("Alt+Down",),
    "actionPasteIndicators": ("Ctrl+V",),
    "actionGuide": ("F1",),
}

# Actions that need an open dataset / a writable one.
DATASET_ACTIONS = ("actionDatasetProperties", "actionShowInFolder", "actionCloseDataset",
                   "actionFind", "actionCheckAll", "actionNextProblem", "actionPreviousProblem",
                   "actionExportDisclosure", "actionExportDetail", "actionPrint")
EDIT_ACTIONS = ("actionNewProject", "actionNewIndicator", "actionDelete", "actionMoveUp",
                "actionMoveDown", "actionNewUnit", "actionRename", "actionApplyFix",
                "actionPasteIndicators")



class MainWindow(QMainWindow):
    """PerfDesk's one window.

    Attributes:
        document: the open dataset (``None`` on the start screen).
        checker: its live checker.
    """

    def __init__(self, settings: s.Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.settings = settings or s.Settings()
        self.document: DatasetDocument | None = None
        self.checker: LiveChecker | None = None
        self.tree_model: ProjectTreeModel | None = None
        self.proxy = ProjectFilterProxy(self)
        self.indicator_model: IndicatorTableModel | None = None
        self.current_project: str | None = None
        self.jobs = JobRunner(self)
        self.jobs.writing_changed.connect(self._update_actions)
        self._findings_wanted = True  # the 检查结果 panel's visibility while a dataset is open
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self._update_counts)
        self._setup_actions()
        self._setup_toolbar()
        self._setup_status_bar()
        self._setup_views()
        self._restore_layout()
        self._refresh_recent()
        self._update_actions()
        self._show_start()

    # --- setup ------------------------------------------------------------------------------

    def _setup_actions(self) -> None:
        ui = self.ui
        for name, keys in KEYS.items():
            action: QAction = getattr(ui, name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tip = action.text().replace("…", "").replace("&", "")
            key = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({key})")
        for action in (ui.actionMoveUp, ui.actionMoveDown, ui.actionDelete):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.ui.editorPage.addAction(action)
        # Ctrl+V pastes a block of indicators only in the grid; in a text field it pastes text
        ui.actionPasteIndicators.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ui.indicatorGrid.addAction(ui.actionPasteIndicators)
        ui.actionQuit.setMenuRole(QAction.MenuRole.QuitRole)
        ui.actionAbout.setMenuRole(QAction.MenuRole.AboutRole)
        connect = {
            "actionNewDataset": self.new_dataset, "actionOpen": self.open_dialog,
            "actionCloseDataset": self.close_dataset, "actionQuit": self.close,
            "actionShowInFolder": self.show_in_folder,
            "actionDatasetProperties": self.edit_dataset_properties,
            "actionSettings": self.edit_settings,
            "actionUndo": self.undo, "actionRedo": self.redo,
            "actionDelete": self.delete_selected, "actionFind": self.focus_search,
            "actionNewProject": self.new_project, "actionNewIndicator": self.new_indicator,
            "actionMoveUp": lambda: self.move_selected(-1),
            "actionMoveDown": lambda: self.move_selected(1),
            "actionNewUnit": self.new_unit, "actionRename": self.rename_selected,
            "actionCheckAll": self.check_all,
            "actionNextProblem": lambda: self.jump_to_problem(1),
            "actionPreviousProblem": lambda: self.jump_to_problem(-1),
            "actionApplyFix": self.apply_selected_fix,
            "actionPasteIndicators": self.paste_indicators,
            "actionPrint": self.print_pdf,
            "actionImport": self.import_tables,
            "actionOpenSample": self.open_sample,
            "actionExportDisclosure": lambda: self.export("disclosure"),
            "actionExportDetail": lambda: self.export("detail"),
            "actionGuide": self.show_guide, "actionAbout": self.show_about,
        }
        for name, slot in connect.items():
            getattr(ui, name).triggered.connect(slot)
        dock_action = ui.findingsDock.toggleViewAction()
        dock_action.setIcon(icon("findings"))
        dock_action.setText(_t("显示检查结果"))
        ui.menuCheck.addSeparator()
        ui.menuCheck.addAction(dock_action)

    def _setup_toolbar(self) -> None:
        bar = self.ui.mainToolBar
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search = QLineEdit(bar)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(_t("查找项目、单位或问题 (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(180)
        self.search.setMaximumWidth(280)
        self.search.textChanged.connect(self._filter_changed)
        bar.addWidget(self.search)

    def _setup_status_bar(self) -> None:
        bar = self.statusBar()
        self.path_label = QLabel(bar)
        self.saved_label = QLabel(bar)
        self.counts_label = QLabel(bar)
        self.problems_label = ProblemCounts(bar, hints=False)
        for label in (self.path_label, self.saved_label, self.counts_label,
                      self.problems_label):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


    def _setup_views(self) -> None:
        ui = self.ui
        tree = ui.projectTree
        tree.setModel(self.proxy)
        # right-click menus offer what the keys do
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree.addActions([ui.actionNewProject, ui.actionNewUnit, ui.actionRename,
                         ui.actionMoveUp, ui.actionMoveDown, ui.actionDelete])
        grid = ui.indicatorGrid
        grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        grid.addActions([ui.actionNewIndicator, ui.actionPasteIndicators, ui.actionMoveUp,
                         ui.actionMoveDown, ui.actionDelete])
        ui.problemFilter.currentIndexChanged.connect(self._filter_changed)
        start = ui.startPage
        start.newRequested.connect(self.new_dataset)
        start.openRequested.connect(self.open_dialog)
        start.recentRequested.connect(self.open_path)
        start.importRequested.connect(ui.actionImport.trigger)
        start.sampleRequested.connect(ui.actionOpenSample.trigger)
        ui.addIndicatorButton.setDefaultAction(ui.actionNewIndicator)
        ui.moveUpButton.setDefaultAction(ui.actionMoveUp)
        ui.moveDownButton.setDefaultAction(ui.actionMoveDown)
        ui.deleteIndicatorButton.setDefaultAction(ui.actionDelete)
        for button in (ui.addIndicatorButton, ui.moveUpButton, ui.moveDownButton,
                       ui.deleteIndicatorButton):  # their keys are Ctrl+I, Alt+↑/↓, Delete
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        panel = ui.findingsPanel
        panel.ui.nextButton.setDefaultAction(ui.actionNextProblem)
        panel.ui.previousButton.setDefaultAction(ui.actionPreviousProblem)
        # after the double-click has finished, or the list would take the focus back
        panel.jumpRequested.connect(lambda uuid, finding: QTimer.singleShot(
            0, lambda: self.jump_to(uuid, finding)))
        panel.fixRequested.connect(self.apply_fix)
        ui.indicatorGrid.delegate.previewRequested.connect(self._preview_indicator)
        ui.mainSplitter.setStretchFactor(0, 0)
        ui.mainSplitter.setStretchFactor(1, 1)
        ui.mainSplitter.setSizes([250, 900])
        ui.editorSplitter.setStretchFactor(0, 0)
        ui.editorSplitter.setStretchFactor(1, 1)
        ui.editorSplitter.setSizes([300, 340])
        self.resizeDocks([ui.findingsDock], [270], Qt.Orientation.Horizontal)

    def _restore_layout(self) -> None:
        state = self.settings.get(s.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
            self._findings_wanted = not self.ui.findingsDock.isHidden()
        geometry = self.settings.get(s.WINDOW_GEOMETRY)  # after the docks, which resize it
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._default_geometry()
        for setting, splitter in ((s.MAIN_SPLITTER, self.ui.mainSplitter),
                                  (s.EDITOR_SPLITTER, self.ui.editorSplitter)):
            saved = self.settings.get(setting)
            if not saved.isEmpty():
                splitter.restoreState(saved)

    def _default_geometry(self) -> None:
        screen = QApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        width = min(1360, available.width())
        height = min(800, available.height())
        self.resize(width, height)
        self.move(available.center().x() - width // 2, available.center().y() - height // 2)

    def save_layout(self) -> None:
        dock = self.ui.findingsDock
        hidden_for_start = self.document is None and dock.isHidden() and self._findings_wanted
        if hidden_for_start:  # the start screen hides the panel; remember the clerk's choice
            dock.show()
        self.settings.set(s.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(s.WINDOW_STATE, self.saveState())
        if hidden_for_start:
            dock.hide()
        self.settings.set(s.MAIN_SPLITTER, self.ui.mainSplitter.saveState())
        self.settings.set(s.EDITOR_SPLITTER, self.ui.editorSplitter.saveState())

    # --- opening and closing ----------------------------------------------------------------

    def open_dialog(self) -> None:
        folder = Path(self.settings.get(s.LAST_FOLDER) or documents_dir())
        path = prompts.open_dataset_file(self, folder if folder.is_dir() else Path.home())
        if path is not None:
            self.settings.set(s.LAST_FOLDER, str(path.parent))
            self.open_path(path)

    def open_path(self, path: Path | str, read_only: bool = False) -> bool:
        """Open a dataset in this window (closing the one open now); ``False`` if not opened."""
        from perfdesk.services.dataset import Dataset

        path = Path(path)
        if self.document is not None and self.document.dataset.path.resolve() == \
                path.resolve():
            return True
        where = placement.risky_location(path)
        if where is not None and path.exists():
            try:
                copy = placement.copy_to_local(path)
            except PerfDeskError as exc:
                prompts.warn(self, _t("无法打开数据文件"), str(exc))
                return False
            source = _t("U 盘等可移动磁盘") if where == placement.REMOVABLE else _t("网络共享")
            prompts.inform(self, _t("已复制到本机"), _t(
                "“%1”位于%2上。直接在上面修改，拔出或断网时文件可能损坏，因此已把它复制到本机：\n\n"
                "%3\n\n之后的修改都保存在这个副本中。需要带走时，请把它复制回 U 盘。")
                .replace("%1", path.name).replace("%2", source).replace("%3", str(copy)))
            path = copy
        try:
            dataset = Dataset.open(path, read_only=read_only)
        except DatasetLockedError as exc:
            if not prompts.ask(self, _t("数据文件正在使用"), str(exc),
                               _t("以只读方式打开"), _t("取消")):
                return False
            try:
                dataset = Dataset.open(path, read_only=True)
            except PerfDeskError as again:
                prompts.warn(self, _t("无法打开数据文件"), str(again))
                return False
        except PerfDeskError as exc:
            prompts.warn(self, _t("无法打开数据文件"), str(exc))
            if not path.exists():
                self.settings.remove_recent(path)
                self._refresh_recent()
            return False
        self.set_dataset(dataset)
        if dataset.backup is not None:
            self.statusBar().showMessage(_t("数据文件已升级到新版本，原文件备份在 %1").replace(
                "%1", str(dataset.backup)), 15000)
        return True

    def set_dataset(self, dataset: Dataset) -> None:
        """Show ``dataset`` (already open) in the window."""
        self.close_dataset()
        self.document = DatasetDocument(dataset, self)
        document = self.document
        self.checker = LiveChecker(document, self)
        self.tree_model = ProjectTreeModel(document, self.checker, self)
        self.proxy.setSourceModel(self.tree_model)
        self.indicator_model = IndicatorTableModel(document, self.checker, self)
        ui = self.ui
        ui.indicatorGrid.setModel(self.indicator_model)
        names = ui.indicatorGrid.delegate.names
        names.follow(dataset.indicator_names, dataset.profile)
        document.indicatorChanged.connect(
            lambda _p, _i, fields: names.names_changed() if "name" in fields else None)
        for signal in (document.indicatorAdded, document.indicatorRemoved,
                       document.treeChanged):
            signal.connect(names.names_changed)
        ui.projectForm.set_document(document, self.checker)
        ui.findingsPanel.set_checker(self.checker, self.tree_model.project_uuids,
                                     self._project_name, self._indicator_positions)
        ui.projectTree.fit_columns()
        ui.projectTree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.tree_model.modelAboutToBeReset.connect(self._remember_tree)
        self.tree_model.modelReset.connect(self._restore_tree)
        ui.projectTree.expandToDepth(0)
        stack = document.undo_stack
        stack.canUndoChanged.connect(self._update_actions)
        stack.canRedoChanged.connect(self._update_actions)
        stack.undoTextChanged.connect(self._update_actions)
        stack.redoTextChanged.connect(self._update_actions)
        document.saved.connect(self._update_saved)
        for signal in (document.projectAdded, document.projectRemoved, document.treeChanged,
                       document.indicatorAdded, document.indicatorRemoved):
            signal.connect(self._counts_timer.start)  # once per burst (a paste adds many)
        document.editFailed.connect(self._edit_failed)
        document.infoChanged.connect(self._info_changed)
        document.indicatorAdded.connect(lambda *_: self._update_indicator_count())
        document.indicatorRemoved.connect(lambda *_: self._update_indicator_count())
        self.checker.findingsChanged.connect(self._findings_changed)
        self.checker.progressChanged.connect(self._check_progress)
        self.settings.add_recent(dataset.path)
        self._refresh_recent()
        ui.pages.setCurrentWidget(ui.editorPage)
        ui.findingsDock.setVisible(self._findings_wanted)
        self.search.setEnabled(True)
        self._select_first_project()
        self._update_title()
        self._update_status()
        self._update_actions()
        self.checker.check_all()

    def close_dataset(self) -> None:
        if self.document is None:
            return
        if self.jobs.busy:
            self.jobs.cancel_all()
            self.jobs.wait_all()
        self._findings_wanted = self.ui.findingsDock.isVisible()
        self.ui.projectForm.commit_pending()
        self.ui.indicatorGrid.setModel(None)
        self.ui.projectForm.show_project(None)
        self.ui.projectForm.set_document(None)
        self.ui.findingsPanel.set_checker(None)
        self.proxy.setSourceModel(None)
        document, self.document = self.document, None
        if self.checker is not None:
            self.checker.stop()
        for obj in (self.checker, self.tree_model, self.indicator_model):
            if obj is not None:
                obj.deleteLater()
        self.checker = self.tree_model = self.indicator_model = None
        self.current_project = None
        document.close()
        document.deleteLater()
        self._show_start()

    def _show_start(self) -> None:
        if self.document is None:
            self.ui.pages.setCurrentWidget(self.ui.startPage)
            self.ui.findingsDock.hide()  # nothing to check before a dataset is open
            self.search.setEnabled(False)
            self._refresh_recent()
            self._update_title()
            self._update_status()
            self._update_actions()

    def new_dataset(self) -> bool:
        """新建数据文件; ``True`` when one was created and opened."""
        from perfdesk.services.dataset import Dataset

        dialog = NewDatasetDialog(self)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return False
        values = dialog.values()
        try:
            values.path.parent.mkdir(parents=True, exist_ok=True)
            dataset = Dataset.create(values.path, year=values.year, profile=values.profile,
                                     department=values.department, unit=values.unit)
        except (PerfDeskError, OSError) as exc:
            prompts.warn(self, _t("无法新建数据文件"), str(exc))
            return False
        self.set_dataset(dataset)
        return True

    def _refresh_recent(self) -> None:
        recent = self.settings.recent_files()
        self.ui.startPage.set_recent(recent)
        menu = self.ui.menuRecent
        menu.clear()
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        menu.setEnabled(bool(recent))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.save_layout()
        self.jobs.cancel_all()  # a running import or export stops and changes nothing
        self.jobs.wait_all()
        self.close_dataset()
        super().closeEvent(event)

    # --- what is selected -------------------------------------------------------------------

    def _current_tree(self) -> tuple[str, str]:
        index = self.ui.projectTree.currentIndex()
        if not index.isValid():
            return "", ""
        return index.data(KindRole), index.data(UuidRole)

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        kind = current.data(KindRole) if current.isValid() else None
        uuid = current.data(UuidRole) if current.isValid() else None
        self.show_project(uuid if kind == PROJECT else None)
        if kind in (UNIT, DEPARTMENT):
            node_name = current.data(Qt.ItemDataRole.DisplayRole)
            if kind == UNIT:
                count = self.proxy.rowCount(current)
                text = _t("预算单位“%1”：%2 个项目。").replace("%1", node_name).replace(
                    "%2", str(count))
                if not self.document.read_only:
                    text += "\n" + _t("按 Ctrl+N 在此单位下新建项目。")
            else:
                text = _t("主管部门“%1”。\n选择一个预算单位或项目，或在“项目”菜单中新建预算单位。"
                          ).replace("%1", node_name)
            self.ui.noProjectLabel.setText(text)
        elif kind is None:
            self.ui.noProjectLabel.setText(_t("在左侧选择一个项目，或按 Ctrl+N 新建项目。"))
        self._update_actions()

    def show_project(self, uuid: str | None) -> None:
        """Show a project in the form and the grid (``None``: the placeholder page)."""
        if uuid == self.current_project:
            return
        self.ui.projectForm.commit_pending()
        self.current_project = uuid
        if uuid and self.checker is not None and not self.checker.checked(uuid):
            self.checker.recheck(uuid)  # its turn in the background check has not come yet
        self.ui.projectForm.show_project(uuid)
        if self.indicator_model is not None:
            self.indicator_model.set_project(uuid)
        self.ui.findingsPanel.set_project(uuid)
        self._update_indicator_count()
        pages = self.ui.projectPages
        pages.setCurrentWidget(self.ui.editorSplitter if uuid else self.ui.noProjectPage)
        self._update_actions()

    def select_in_tree(self, uuid: str) -> None:
        if self.tree_model is None:
            return
        source = self.tree_model.index_of(uuid)
        index = self.proxy.mapFromSource(source)
        if not index.isValid() and self.proxy.active:  # hidden by the filter: clear it
            self.search.clear()
            self.ui.problemFilter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.ui.projectTree.scrollTo(index)
            self.ui.projectTree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _select_first_project(self) -> None:
        if self.tree_model is None:
            return
        uuids = self.tree_model.project_uuids()
        if uuids:
            self.select_in_tree(uuids[0])
        elif self.tree_model.unit_uuids():
            self.select_in_tree(self.tree_model.unit_uuids()[0])

    def _remember_tree(self) -> None:
        self._saved_tree = self.ui.projectTree.open_rows()

    def _restore_tree(self) -> None:
        expanded, current = getattr(self, "_saved_tree", (set(), ""))
        self.ui.projectTree.reopen_rows(expanded)
        if current and self.tree_model is not None and self.tree_model.index_of(current).isValid():
            self.current_project = None if current != self.current_project else current
            self.select_in_tree(current)
        else:
            self.show_project(None)

    def _project_name(self, uuid: str) -> str:
        if self.tree_model is None:
            return ""
        index = self.tree_model.index_of(uuid)
        return index.data(Qt.ItemDataRole.DisplayRole) if index.isValid() else ""

    def _indicator_positions(self, uuid: str) -> dict[str, int]:
        if self.document is None:
            return {}
        return {i.uuid: n for n, i in enumerate(self.document.project(uuid).indicators)}

    def _grid_has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self.ui.indicatorGrid
                                      or self.ui.indicatorPanel.isAncestorOf(focus))

    # --- editing ----------------------------------------------------------------------------

    def _push(self, command) -> bool:
        return self.document is not None and self.document.push(command)

    def undo(self) -> None:
        if self.document is not None:
            self.ui.projectForm.commit_pending()
            self.document.undo_stack.undo()

    def redo(self) -> None:
        if self.document is not None:
            self.ui.projectForm.commit_pending()
            self.document.undo_stack.redo()

    def _target_unit(self) -> str:
        """The unit a new project goes to: the selected one, or the first."""
        kind, uuid = self._current_tree()
        if kind == PROJECT:
            return self.tree_model.unit_of(uuid)
        if kind == UNIT:
            return uuid
        if kind == DEPARTMENT:
            index = self.tree_model.index_of(uuid)
            if self.tree_model.rowCount(index):
                return self.tree_model.index(0, 0, index).data(UuidRole)
        units = self.tree_model.unit_uuids()
        return units[0] if units else ""

    def new_project(self) -> None:
        from perfdesk.core.model import Project

        if self.document is None or self.document.read_only:
            return
        unit = self._target_unit()
        if not unit:
            self.new_unit()
            unit = self._target_unit()
            if not unit:
                return
        year = self.document.dataset.info.budget_year
        project = Project(period_start=year, period_end=year)
        position = None
        kind, uuid = self._current_tree()
        if kind == PROJECT:
            position = self.tree_model.index_of(uuid).row() + 1
        if self._push(commands.AddProject(self.document, unit, project, position)):
            self.select_in_tree(project.uuid)
            self.ui.projectForm.focus_field("name")

    def new_indicator(self) -> None:
        from perfdesk.core.model import Indicator

        if self.document is None or self.document.read_only or self.current_project is None:
            return
        grid = self.ui.indicatorGrid
        model = self.indicator_model
        current = grid.currentIndex()
        position = current.row() + 1 if current.isValid() else model.rowCount()
        indicator = Indicator()
        if current.isValid():  # clerks add several indicators per category
            above = model.indicator(current.row())
            indicator = Indicator(level1=above.level1, level2=above.level2)
        if not self._push(commands.AddIndicators(self.document, self.current_project,
                                                 [indicator], position)):
            return
        index = model.index(position, NAME if indicator.level1 else LEVEL1)
        grid.setFocus()
        grid.setCurrentIndex(index)
        grid.edit(index)

    def delete_selected(self) -> None:
        if self.document is None or self.document.read_only:
            return
        if self._grid_has_focus():
            self._delete_indicators()
            return
        if self.ui.projectTree.hasFocus() or not self.current_project:
            self._delete_tree_item()

    def _delete_indicators(self) -> None:
        grid = self.ui.indicatorGrid
        rows = sorted({i.row() for i in grid.selectionModel().selectedIndexes()}
                      | ({grid.currentIndex().row()} if grid.currentIndex().isValid() else set()))
        if not rows or self.current_project is None:
            return
        uuids = [self.indicator_model.indicator(r).uuid for r in rows]
        column = max(grid.currentIndex().column(), 0)
        if self._push(commands.DeleteIndicators(self.document, self.current_project, uuids)):
            count = self.indicator_model.rowCount()
            if count:
                grid.setCurrentIndex(self.indicator_model.index(min(rows[0], count - 1), column))

    def _delete_tree_item(self) -> None:
        kind, uuid = self._current_tree()
        if not kind:
            return
        index = self.tree_model.index_of(uuid)
        name = index.data(Qt.ItemDataRole.DisplayRole)
        if kind == PROJECT:
            command = commands.DeleteProjects(self.document, [uuid])
            row, parent = index.row(), index.parent()
        else:
            projects = sum(self.tree_model.rowCount(self.tree_model.index(r, 0, index))
                           for r in range(self.tree_model.rowCount(index))) \
                if kind == DEPARTMENT else self.tree_model.rowCount(index)
            what = _t("主管部门") if kind == DEPARTMENT else _t("预算单位")
            if projects and not prompts.ask(
                    self, _t("删除%1").replace("%1", what),
                    _t("“%1”下有 %2 个项目，将一并删除（可以撤销）。确定删除吗？").replace(
                        "%1", name).replace("%2", str(projects)),
                    _t("删除"), _t("取消")):
                return
            command = (commands.DeleteDepartment(self.document, uuid) if kind == DEPARTMENT
                       else commands.DeleteUnit(self.document, uuid))
            row, parent = -1, QModelIndex()
        if self._push(command) and kind == PROJECT:
            siblings = self.tree_model.rowCount(parent)
            target = (self.tree_model.index(min(row, siblings - 1), 0, parent) if siblings
                      else parent)
            if target.isValid():
                self.select_in_tree(target.data(UuidRole))

    def move_selected(self, step: int) -> None:
        if self.document is None or self.document.read_only:
            return
        if self.ui.projectTree.hasFocus():
            kind, uuid = self._current_tree()
            if kind == PROJECT:
                index = self.tree_model.index_of(uuid)
                target = index.row() + step
                if 0 <= target < self.tree_model.rowCount(index.parent()):
                    if self._push(commands.MoveProject(self.document, uuid, target)):
                        self.select_in_tree(uuid)
            return
        grid = self.ui.indicatorGrid
        current = grid.currentIndex()
        if not current.isValid() or self.current_project is None:
            return
        target = current.row() + step
        if not 0 <= target < self.indicator_model.rowCount():
            return
        uuid = self.indicator_model.indicator(current.row()).uuid
        if self._push(commands.MoveIndicator(self.document, self.current_project, uuid, target)):
            grid.setCurrentIndex(self.indicator_model.index(target, current.column()))

    def new_unit(self) -> None:
        if self.document is None or self.document.read_only:
            return
        departments = [d.name for d in self.document.dataset.departments()]
        units: dict[str, set[str]] = {}
        by_uuid = {d.uuid: d.name for d in self.document.dataset.departments()}
        for unit in self.document.dataset.units():
            units.setdefault(by_uuid[unit.department_uuid], set()).add(unit.name)
        kind, uuid = self._current_tree()
        current = ""
        if kind:
            index = self.tree_model.index_of(uuid)
            while index.parent().isValid():
                index = index.parent()
            current = index.data(Qt.ItemDataRole.DisplayRole)
        dialog = NewUnitDialog(departments, current, self, units)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        command = commands.AddUnit(self.document, *dialog.values())
        if self._push(command):
            self.select_in_tree(command.unit_uuid)

    def rename_selected(self) -> None:
        index = self.ui.projectTree.currentIndex()
        if index.isValid():
            self.ui.projectTree.edit(index.siblingAtColumn(NAME_COLUMN))

    def edit_dataset_properties(self) -> None:
        if self.document is None:
            return
        info = self.document.dataset.info
        settings = self.document.dataset.settings()
        dialog = DatasetPropertiesDialog(info.path, info.title, info.budget_year, info.profile,
                                         grades_of(settings), self, self.document.read_only)
        if dialog.exec() != dialog.DialogCode.Accepted or self.document.read_only:
            return
        title, year, profile, grades = dialog.values()
        changes = {k: v for k, v in (("title", title), ("budget_year", year),
                                     ("profile", profile)) if getattr(info, k) != v}
        new_settings = None
        if tuple(grades) != grades_of(settings):
            new_settings = dict(settings, grades=list(grades))
        if changes or new_settings is not None:
            self._push(commands.EditDatasetInfo(self.document, changes, new_settings))

    def edit_settings(self) -> None:
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

    def show_in_folder(self) -> None:
        if self.document is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.document.dataset.path.parent)))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- paste, print -----------------------------------------------------------------------

    def paste_indicators(self) -> None:
        """Ctrl+V in the grid: a block copied from Excel, previewed, then added as one edit."""
        if self.document is None or self.document.read_only or self.current_project is None:
            return
        text = QGuiApplication.clipboard().text()
        grid, model = self.ui.indicatorGrid, self.indicator_model
        current = grid.currentIndex()
        position = current.row() + 1 if current.isValid() else model.rowCount()
        above = model.indicator(current.row()) if current.isValid() else None
        project = self.document.project(self.current_project)
        checker = self.checker

        def check(indicators: list[Indicator]) -> list:
            rows = [*project.indicators[:position], *indicators, *project.indicators[position:]]
            return checker.engine.check_project(project.model_copy(update={"indicators": rows}),
                                                checker.context)

        from perfdesk.gui.dialogs.paste_dialog import PasteDialog  # loaded on first use

        dialog = PasteDialog.from_text(
            text, profile=self.document.profile, grades=model.grades,
            start_column=max(current.column(), 0) if current.isValid() else 0,
            level1=above.level1 if above else "", level2=above.level2 if above else "",
            check=check, parent=self)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        indicators = dialog.indicators()
        if indicators and self._push(commands.AddIndicators(
                self.document, self.current_project, indicators, position,
                text=_t("粘贴 %1 个指标").replace("%1", str(len(indicators))))):
            grid.setFocus()
            grid.setCurrentIndex(model.index(position, NAME))

    def print_pdf(self) -> None:
        """Ctrl+P: the detailed form of the projects as a PDF (A4, fonts embedded), opened
        for printing when it is written."""
        order = self._projects_to_output(_t("打印 / PDF"), _t("还没有项目，没有可以打印的内容。"))
        if order is None:
            return
        uuids = order
        if self.current_project is not None and len(order) > 1:
            choice = prompts.choose(self, _t("打印 / PDF"), _t("要生成哪些项目的申报表？"), [
                _t("全部 %1 个项目").replace("%1", str(len(order))), _t("当前项目")])
            if choice is None:
                return
            if choice == 1:
                uuids = [self.current_project]
        info = self.document.dataset.info
        name = (_t("%1年项目支出绩效目标申报表").replace("%1", str(info.budget_year))
                if len(uuids) > 1 else self._project_name(uuids[0]) or _t("申报表"))
        path = self._save_path(_t("保存申报表 PDF"), f"{name}.pdf", _t("PDF 文件 (*.pdf)"))
        if path is None:
            return
        failed = set(self.checker.failed_projects()) & set(uuids)
        dataset, year = self.document.dataset, info.budget_year
        filled_by, phone = self.settings.get(s.FILLED_BY), self.settings.get(s.PHONE)
        from perfdesk.gui.printing.detail_pdf import write_projects_pdf  # loaded on first use

        def work(progress):
            projects = dataset.load_projects(uuids)
            return write_projects_pdf(projects, path, year=year, failed=failed,
                                      filled_by=filled_by, phone=phone, progress=progress)

        self.jobs.run(work, title=_t("打印 / PDF"), label=_t("正在生成申报表 PDF…"),
                      on_success=self._file_written)

    def _projects_to_output(self, title: str, empty: str) -> list[str] | None:
        """The projects an export or print covers, in tree order, with what is being typed
        written first and every project checked (the file marks those with errors)."""
        if self.document is None or self.tree_model is None:
            return None
        self.ui.projectForm.commit_pending()
        order = self.tree_model.project_uuids()
        if not order:
            prompts.inform(self, title, empty)
            return None
        self.checker.finish_now()
        return order

    def _save_path(self, title: str, name: str, file_filter: str) -> Path | None:
        """Where to write an export: asked, starting in the folder used last time."""
        folder = Path(self.settings.get(s.LAST_FOLDER) or documents_dir())
        if not folder.is_dir():
            folder = self.document.dataset.path.parent
        path = prompts.save_file(self, title, folder / name, file_filter)
        if path is not None:
            self.settings.set(s.LAST_FOLDER, str(path.parent))
        return path

    # --- import, export, the sample ---------------------------------------------------------

    def import_tables(self) -> None:
        """Ctrl+Shift+I: read tables (Excel, CSV, text from a PDF), preview, then add them all
        in one undoable step. From the start screen a new dataset is made for them first."""
        if self.document is None and not self.new_dataset():
            return
        if self.document.read_only:
            return
        folder = Path(self.settings.get(s.LAST_FOLDER) or Path.home())
        paths = prompts.open_table_files(self, folder if folder.is_dir() else Path.home())
        if not paths:
            return
        self.settings.set(s.LAST_FOLDER, str(paths[0].parent))
        profile = self.document.profile
        grades = grades_of(self.document.dataset.settings())

        def read(progress):
            from perfdesk.io import read_table

            results = []
            for number, path in enumerate(paths):
                def step(done: int, total: int, number: int = number) -> None:
                    progress(number * 100 + (100 * done) // max(total, 1), 100 * len(paths))

                results.append(read_table(path, profile=profile, grades=grades, progress=step))
            return results

        self.jobs.run(read, title=_t("导入"), label=_t("正在读取表格…"),
                      on_success=lambda results: self._preview_import(paths, results))

    def _preview_import(self, paths: list[Path], results: list) -> None:
        if self.document is None:
            return
        preview = _ReadTables([p for r in results for p in r.projects],
                              [n for r in results for n in r.notices])
        findings = self.checker.engine.check_projects(preview.projects, self.checker.context)
        from perfdesk.gui.dialogs.import_dialog import ImportDialog  # loaded on first use

        dialog = ImportDialog(preview, files=paths, findings=findings, parent=self)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        dataset = self.document.dataset

        def write(progress):
            from perfdesk.io import import_files

            return import_files(dataset, paths, progress=progress)

        self.jobs.run(write, title=_t("导入"), label=_t("正在导入…"), writes=True,
                      on_success=self._imported)

    def _imported(self, outcome) -> None:
        added, _notices = outcome
        if self.document is None:
            return
        self._push(commands.ImportProjects(self.document, added))
        self.statusBar().showMessage(_t("已导入 %1 个项目、%2 个指标（可以撤销）。").replace(
            "%1", str(len(added.project_uuids))).replace("%2", str(added.indicators)), 10000)
        if added.project_uuids:
            self.select_in_tree(added.project_uuids[0])

    def open_sample(self) -> None:
        """The bundled sample table, imported once into 示例数据.perfdesk in the documents
        folder (opened again as it was left after that)."""
        from perfdesk.services.dataset import Dataset

        target = documents_dir() / SAMPLE_FILE
        if target.exists():
            self.open_path(target)
            return

        def build(progress):
            from perfdesk.io import read_table

            result = read_table(resource(*SAMPLE_TABLE), profile="88", progress=progress)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.stem}.creating{target.suffix}")
            partial.unlink(missing_ok=True)
            try:
                with Dataset.create(partial, year=SAMPLE_YEAR, profile="88",
                                    title=SAMPLE_TITLE) as dataset:
                    dataset.add_projects(result.projects)
                os.replace(partial, target)  # only a complete sample ever has the name
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            return target

        self.jobs.run(build, title=_t("打开示例数据"), label=_t("正在读取示例表格…"),
                      on_success=self.open_path)

    def export(self, layout: str) -> None:
        """Ctrl+E: the disclosure table; or the detailed form, one sheet per project. Projects
        with check errors are marked 未通过检查 in the file."""
        order = self._projects_to_output(_t("导出"), _t("还没有项目，没有可以导出的内容。"))
        if order is None:
            return
        info = self.document.dataset.info
        if layout == "disclosure":
            title, name = _t("导出公开表"), _t("%1年项目支出绩效目标表")
        else:
            title, name = _t("导出申报表"), _t("%1年项目支出绩效目标申报表")
        name = name.replace("%1", str(info.budget_year))
        path = self._save_path(title, f"{name}.xlsx", _t("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return
        failed = set(self.checker.failed_projects())
        dataset, year = self.document.dataset, info.budget_year
        filled_by, phone = self.settings.get(s.FILLED_BY), self.settings.get(s.PHONE)

        def work(progress):
            from perfdesk.io import export_detail, export_disclosure

            projects = dataset.load_projects(order)
            if layout == "disclosure":
                return export_disclosure(projects, path, year=year, failed=failed,
                                         progress=progress)
            return export_detail(projects, path, year=year, failed=failed,
                                 filled_by=filled_by, phone=phone, date=datetime.date.today(),
                                 progress=progress)

        self.jobs.run(work, title=title, label=_t("正在导出 %1 个项目…").replace(
            "%1", str(len(order))), on_success=self._file_written)
        if failed:
            self.statusBar().showMessage(_t("%1 个项目有错误，在导出的表中标为“未通过检查”。")
                                         .replace("%1", str(len(failed))), 10000)

    def _file_written(self, path: Path) -> None:
        self.statusBar().showMessage(_t("已保存到 %1").replace("%1", str(path)), 10000)
        prompts.show_file(path)

    # --- checks -----------------------------------------------------------------------------

    def check_all(self) -> None:
        """F5: check every project again, off the GUI thread, with progress and 取消."""
        if self.checker is not None:
            self.ui.projectForm.commit_pending()
            self.checker.check_all_job(self.jobs, title=_t("全部检查"),
                                       label=_t("正在检查全部项目…"))

    def _preview_indicator(self, indicator_uuid: str, changes: dict) -> None:
        if self.checker is None or self.current_project is None:
            return
        if changes:
            self.checker.preview_indicator(self.current_project, indicator_uuid, changes)
        else:
            self.checker.recheck(self.current_project)

    def _ordered_findings(self, project_uuid: str) -> list:
        positions = self._indicator_positions(project_uuid)
        return sorted(self.checker.findings(project_uuid),
                      key=lambda f: location_key(f, positions))

    def jump_to_problem(self, step: int) -> None:
        """F8 / Shift+F8: the next or previous finding in reading order, across projects."""
        if self.checker is None or self.tree_model is None:
            return
        self.checker.finish_now()
        order = self.tree_model.project_uuids()
        if not order:
            return
        selected = self.ui.findingsPanel.current_finding()
        start = self.current_project if self.current_project in order else order[0]
        start_index = order.index(start)
        findings = self._ordered_findings(start)
        position = -1 if step > 0 else len(findings)
        if selected is not None and selected[0] == start:
            for n, finding in enumerate(findings):
                if finding == selected[1]:
                    position = n
                    break
        position += step
        if 0 <= position < len(findings):
            self.jump_to(start, findings[position])
            return
        count = len(order)
        for offset in range(1, count + 1):
            uuid = order[(start_index + step * offset) % count]
            findings = self._ordered_findings(uuid)
            if findings:
                self.jump_to(uuid, findings[0 if step > 0 else -1])
                return
        self.statusBar().showMessage(_t("没有发现问题。"), 4000)

    def jump_to(self, project_uuid: str, finding: Any) -> None:
        """Show the project and put the cursor in the field the finding is about."""
        if self.tree_model is None or finding is None:
            return
        if project_uuid != self.current_project:
            self.select_in_tree(project_uuid)
        self.ui.findingsDock.show()
        self.ui.findingsPanel.select(finding)
        if finding.indicator_uuid is not None:
            row = self.indicator_model.row_of(finding.indicator_uuid)
            if row >= 0:
                column = FIELD_COLUMNS.get(finding.field, NAME)
                index = self.indicator_model.index(row, column)
                grid = self.ui.indicatorGrid
                grid.setFocus()
                grid.setCurrentIndex(index)
                grid.scrollTo(index)
                return
        if finding.field == "indicators":
            grid = self.ui.indicatorGrid
            grid.setFocus()
            if self.indicator_model.rowCount():
                grid.setCurrentIndex(self.indicator_model.index(0, LEVEL1))
            return
        if finding.field in ("department", "unit"):
            self.ui.projectTree.setFocus()
            return
        self.ui.projectForm.focus_field(finding.field)

    def apply_fix(self, project_uuid: str, finding: Any) -> None:
        if self.document is None or finding is None or finding.fix is None:
            return
        fix = finding.fix
        self._push(commands.ApplyFix(self.document, project_uuid, fix.project_changes,
                                     fix.indicator_changes, str(fix.label)))

    def apply_selected_fix(self) -> None:
        current = self.ui.findingsPanel.current_finding()
        if current is not None:
            self.apply_fix(*current)

    def _findings_changed(self, _uuids: list) -> None:
        self.proxy.refilter()
        self._update_problems()

    def _check_progress(self, done: int, total: int) -> None:
        if total:
            self.statusBar().showMessage(_t("正在检查 %1/%2 个项目…").replace(
                "%1", str(done)).replace("%2", str(total)))
        else:
            self.statusBar().clearMessage()

    def _filter_changed(self, *_args) -> None:
        self.proxy.set_text(self.search.text())
        self.proxy.set_level(self.ui.problemFilter.currentIndex())
        if self.proxy.active:
            self.ui.projectTree.expandAll()

    # --- status -----------------------------------------------------------------------------

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(_t("PerfDesk 绩效目标填报助手"))
            return
        name = self.document.dataset.path.name
        suffix = _t("（只读）") if self.document.read_only else ""
        self.setWindowTitle(f"{name}{suffix} — " + _t("PerfDesk 绩效目标填报助手"))

    def _update_status(self) -> None:
        if self.document is None:
            for label in (self.path_label, self.saved_label, self.counts_label):
                label.clear()
            for label in (self.path_label, self.saved_label, self.counts_label,
                          self.problems_label):
                label.hide()
            return
        for label in (self.path_label, self.saved_label, self.counts_label,
                      self.problems_label):
            label.show()
        path = self.document.dataset.path
        self.path_label.setText(str(path))
        self.path_label.setToolTip(str(path))
        self._update_saved()
        self._update_counts()
        self._update_problems()

    def _update_saved(self) -> None:
        """已保存 HH:MM: when the last edit reached the file (every edit does, at once)."""
        if self.document is None:
            return
        if self.document.read_only:
            self.saved_label.setText(_t("只读，修改不会保存"))
        elif self.document.last_saved is None:
            self.saved_label.setText(_t("已保存"))
        else:
            self.saved_label.setText(_t("已保存 %1").replace(
                "%1", self.document.last_saved.strftime("%H:%M")))

    def _update_counts(self, *_args) -> None:
        if self.document is None:
            return
        counts = self.document.counts()
        self.counts_label.setText(_t("%1 个项目 %2 个指标").replace(
            "%1", str(counts.projects)).replace("%2", str(counts.indicators)))

    def _update_problems(self) -> None:
        """The status bar's and the panel's error and warning counts (on every re-check)."""
        totals = self.checker.totals() if self.checker is not None else Summary()
        self.problems_label.set_summary(totals)
        self.ui.findingsPanel.show_summary(totals)

    def _update_indicator_count(self) -> None:
        model = self.indicator_model
        count = model.rowCount() if model is not None and self.current_project else 0
        self.ui.indicatorCount.setText(_t("（%1 个）").replace("%1", str(count)) if count else "")

    def _update_actions(self, *_args) -> None:
        ui = self.ui
        if self.document is not None:  # a running import writes: edits wait until it is done
            self.document.writes_locked = self.jobs.writing
        has = self.document is not None
        writable = has and not self.document.read_only and not self.jobs.writing
        for name in DATASET_ACTIONS:
            getattr(ui, name).setEnabled(has)
        for name in EDIT_ACTIONS:
            getattr(ui, name).setEnabled(writable)
        ui.actionNewIndicator.setEnabled(writable and self.current_project is not None)
        stack = self.document.undo_stack if has else None
        ui.actionUndo.setEnabled(bool(stack and stack.canUndo()))
        ui.actionRedo.setEnabled(bool(stack and stack.canRedo()))
        undo_text = stack.undoText() if stack and stack.canUndo() else ""
        redo_text = stack.redoText() if stack and stack.canRedo() else ""
        # the menu names what would be undone; the toolbar button keeps its short label
        ui.actionUndo.setText(_t("撤销 %1").replace("%1", undo_text).strip()
                              if undo_text else _t("撤销"))
        ui.actionRedo.setText(_t("重做 %1").replace("%1", redo_text).strip()
                              if redo_text else _t("重做"))
        ui.actionUndo.setIconText(_t("撤销"))
        ui.actionRedo.setIconText(_t("重做"))
        ui.actionApplyFix.setEnabled(writable and has)
        # from the start screen an import first makes the dataset it goes into
        ui.actionImport.setEnabled(not has or writable)

    def _edit_failed(self, message: str) -> None:
        prompts.warn(self, _t("修改没有保存"), message)

    def _info_changed(self) -> None:
        if self.document is not None:
            self.ui.indicatorGrid.delegate.names.follow(self.document.dataset.indicator_names,
                                                        self.document.profile)
        self._update_title()
        self._update_status()

    # --- help -------------------------------------------------------------------------------

    def show_guide(self) -> None:
        GuideDialog(self).show()

    def show_about(self) -> None:
        prompts.inform(self, _t("关于 PerfDesk"), _t(
            "PerfDesk 绩效目标填报助手 %1\n\n填写、检查并导出《项目支出绩效目标表》。"
            "完全离线运行，每处修改立即保存在本机的数据文件中。").replace("%1", __version__))

