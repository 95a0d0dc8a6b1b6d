"""Opening and closing datasets, and the start screen in between.

The opening policy lives here: a dataset on a removable drive or a network share is copied to
the local documents folder first (editing on a USB stick corrupts files when it is pulled);
when another PerfDesk has the file, read-only is offered; a file that cannot be opened is
explained, and a recent file that is gone leaves the list. Once open, the dataset's document,
its live checker and the models are made here and every part of the window is told to follow
them; closing undoes that and shows the start screen with the recent files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from perfdesk.core.errors import DatasetLockedError, PerfDeskError
from perfdesk.core.paths import documents_dir
from perfdesk.gui import settings as s
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.translate import _t

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.gui.window.main_window import MainWindow
    from perfdesk.services.dataset import Dataset


class DatasetOpening:
    """Which dataset the window shows, if any."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        start = window.ui.startPage
        start.newRequested.connect(self.new_dataset)
        start.openRequested.connect(self.open_dialog)
        start.recentRequested.connect(self.open_path)
        start.importRequested.connect(window.ui.actionImport.trigger)
        start.sampleRequested.connect(window.ui.actionOpenSample.trigger)

    # --- opening ----------------------------------------------------------------------------

    def open_dialog(self) -> None:
        """打开…: a dataset file, asked for starting in the folder used last time."""
        settings = self.window.settings
        folder = Path(settings.get(s.LAST_FOLDER) or documents_dir())
        path = prompts.open_dataset_file(self.window, folder if folder.is_dir() else Path.home())
        if path is not None:
            settings.set(s.LAST_FOLDER, str(path.parent))
            self.open_path(path)

    def open_path(self, path: Path | str, read_only: bool = False) -> bool:
        """Open a dataset in this window (closing the one open now); ``False`` if not opened."""
        from perfdesk.services import placement
        from perfdesk.services.dataset import Dataset

        window = self.window
        path = Path(path)
        if window.document is not None and \
                window.document.path.resolve() == path.resolve():
            return True
        where = placement.risky_location(path)
        if where is not None and path.exists():
            try:
                copy = placement.copy_to_local(path)
            except PerfDeskError as exc:
                prompts.warn(window, _t("无法打开数据文件"), str(exc))
                return False
            source = _t("U 盘等可移动磁盘") if where == placement.REMOVABLE else _t("网络共享")
            prompts.inform(window, _t("已复制到本机"), _t(
                "“%1”位于%2上。直接在上面修改，拔出或断网时文件可能损坏，因此已把它复制到本机：\n\n"
                "%3\n\n之后的修改都保存在这个副本中。需要带走时，请把它复制回 U 盘。")
                .replace("%1", path.name).replace("%2", source).replace("%3", str(copy)))
            path = copy
        try:
            dataset = Dataset.open(path, read_only=read_only)
        except DatasetLockedError as exc:
            if not prompts.ask(window, _t("数据文件正在使用"), str(exc),
                               _t("以只读方式打开"), _t("取消")):
                return False
            try:
                dataset = Dataset.open(path, read_only=True)
            except PerfDeskError as again:
                prompts.warn(window, _t("无法打开数据文件"), str(again))
                return False
        except PerfDeskError as exc:
            prompts.warn(window, _t("无法打开数据文件"), str(exc))
            if not path.exists():
                window.settings.remove_recent(path)
                self.refresh_recent()
            return False
        self.set_dataset(dataset)
        if dataset.backup is not None:
            window.statusBar().showMessage(_t("数据文件已升级到新版本，原文件备份在 %1").replace(
                "%1", str(dataset.backup)), 15000)
        return True

    def new_dataset(self, *, for_import: bool = False) -> bool:
        """新建数据文件; ``True`` when one was created and opened. ``for_import``: the start
        screen's 导入已有表格 asks for it first, and the dialog says why."""
        from perfdesk.gui.dialogs.dataset_dialogs import NewDatasetDialog
        from perfdesk.services.dataset import Dataset

        dialog = NewDatasetDialog(self.window, for_import=for_import)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return False
        values = dialog.values()
        try:
            values.path.parent.mkdir(parents=True, exist_ok=True)
            dataset = Dataset.create(values.path, year=values.year, profile=values.profile,
                                     department=values.department, unit=values.unit)
        except (PerfDeskError, OSError) as exc:
            prompts.warn(self.window, _t("无法新建数据文件"), str(exc))
            return False
        self.set_dataset(dataset)
        return True

    def set_dataset(self, dataset: Dataset) -> None:
        """Show ``dataset`` (already open) in the window: its document, checker and models,
        followed by every part of the window; then check all its projects."""
        from perfdesk.gui.checking import LiveChecker
        from perfdesk.gui.document import DatasetDocument
        from perfdesk.gui.models.indicator_table_model import IndicatorTableModel
        from perfdesk.gui.models.project_tree_model import ProjectTreeModel

        self.close_dataset()
        window = self.window
        ui = window.ui
        window.document = document = DatasetDocument(dataset, window)
        window.checker = checker = LiveChecker(document, window, jobs=window.jobs)
        window.tree_model = ProjectTreeModel(document, checker, window)
        window.proxy.setSourceModel(window.tree_model)
        window.indicator_model = IndicatorTableModel(document, checker, window)
        ui.indicatorGrid.setModel(window.indicator_model)
        names = ui.indicatorGrid.delegate.names
        names.follow(document.indicator_names, document.profile)
        document.indicatorChanged.connect(
            lambda _p, _i, fields: names.names_changed() if "name" in fields else None)
        for signal in (document.indicatorAdded, document.indicatorRemoved,
                       document.treeChanged):
            signal.connect(names.names_changed)
        ui.projectForm.set_document(document, checker)
        navigation = window.navigation
        ui.findingsPanel.set_checker(checker, window.tree_model.project_uuids,
                                     navigation.project_name, navigation.indicator_positions)
        navigation.follow()
        window.menu_actions.follow(document)
        window.editing.follow()
        window.reviewing.follow()
        window.submitting.update_actions()
        window.status.follow(document, checker)
        document.infoChanged.connect(self._info_changed)
        window.settings.add_recent(dataset.path)
        self.refresh_recent()
        ui.pages.setCurrentWidget(ui.editorPage)
        ui.findingsDock.setVisible(window.frame.findings_wanted)
        window.search.setEnabled(True)
        navigation.select_first_project()
        self.update_title()
        window.menu_actions.update()
        checker.check_all()
        window.drafts.offer()  # what was being typed when PerfDesk last died

    # --- closing ----------------------------------------------------------------------------

    def close_dataset(self) -> None:
        """Close the open dataset (its running jobs stopped first) and show the start screen."""
        window = self.window
        if window.document is None:
            return
        ui = window.ui
        if window.jobs.busy:
            window.jobs.cancel_all()
            window.jobs.wait_all()
        window.frame.findings_wanted = ui.findingsDock.isVisible()
        ui.projectForm.commit_pending()
        ui.indicatorGrid.setModel(None)
        ui.projectForm.show_project(None)
        ui.projectForm.set_document(None)
        ui.findingsPanel.set_checker(None)
        window.proxy.setSourceModel(None)
        document, window.document = window.document, None
        if window.checker is not None:
            window.checker.stop()
        for obj in (window.checker, window.tree_model, window.indicator_model):
            if obj is not None:
                obj.deleteLater()
        window.checker = window.tree_model = window.indicator_model = None
        window.navigation.current_project = None
        window.reviewing.forget()
        window.submitting.forget()
        window.menu_actions.follow(document, stop=True)
        document.close()
        document.deleteLater()
        self.show_start()

    def show_start(self) -> None:
        """The start screen (new, open, recent files, import, the sample) when nothing is
        open."""
        window = self.window
        if window.document is not None:
            return
        ui = window.ui
        ui.pages.setCurrentWidget(ui.startPage)
        ui.findingsDock.hide()  # nothing to check before a dataset is open
        window.search.setEnabled(False)
        self.refresh_recent()
        self.update_title()
        window.status.follow(None)
        window.menu_actions.update()

    # --- around the open dataset ------------------------------------------------------------

    def refresh_recent(self) -> None:
        """The recent files, on the start screen and in 文件 → 最近打开."""
        window = self.window
        recent = window.settings.recent_files()
        window.ui.startPage.set_recent(recent)
        menu = window.ui.menuRecent
        menu.clear()
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        menu.setEnabled(bool(recent))

    def update_title(self) -> None:
        """The window's title names the open file, and says when it is read-only."""
        window = self.window
        if window.document is None:
            window.setWindowTitle(_t("PerfDesk 绩效目标填报助手"))
            return
        name = window.document.path.name
        suffix = _t("（只读）") if window.document.read_only else ""
        window.setWindowTitle(f"{name}{suffix} — " + _t("PerfDesk 绩效目标填报助手"))

    def show_in_folder(self) -> None:
        document = self.window.document
        if document is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(document.path.parent)))

    def _info_changed(self) -> None:
        window = self.window
        if window.document is not None:
            window.ui.indicatorGrid.delegate.names.follow(window.document.indicator_names,
                                                          window.document.profile)
        self.update_title()
        window.status.refresh()
