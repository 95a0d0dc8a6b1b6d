"""导入 (Ctrl+Shift+I): read tables (Excel, CSV, text from a PDF) off the GUI thread, preview
them with their check findings, then add them all in one undoable step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from perfdesk.core.errors import PerfDeskError
from perfdesk.gui import commands
from perfdesk.gui import settings as s
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.models.indicator_table_model import grades_of
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.window.main_window import MainWindow


def import_tables(window: MainWindow) -> None:
    """Ask for the files and read them; the preview follows when they are read. From the
    start screen a new dataset is made for them first."""
    if window.document is None and not window.opening.new_dataset(for_import=True):
        return
    if window.document.read_only:
        return
    folder = Path(window.settings.get(s.LAST_FOLDER) or Path.home())
    paths = prompts.open_table_files(window, folder if folder.is_dir() else Path.home())
    if not paths:
        return
    window.settings.set(s.LAST_FOLDER, str(paths[0].parent))
    profile = window.document.profile
    grades = grades_of(window.document.settings())

    def read(progress):
        from perfdesk.services.importing import read_files

        return read_files(paths, profile=profile, grades=grades, progress=progress)

    window.jobs.run(read, title=_t("导入"), label=_t("正在读取表格…"),
                    on_success=lambda read: _preview(window, paths, read))


def _preview(window: MainWindow, paths: list[Path], read: list) -> None:
    """The import dialog over the plan made of what was read; on 导入, exactly that plan is
    added, as one undoable step."""
    document = window.document
    if document is None:
        return
    try:
        plan = document.plan_import(read)
    except PerfDeskError as exc:
        prompts.warn(window, _t("导入"), str(exc))
        return
    checker = window.checker
    findings = checker.engine.check_projects(plan.projects, checker.context)
    from perfdesk.gui.dialogs.import_dialog import ImportDialog  # loaded on first use

    dialog = ImportDialog(plan, files=paths, findings=findings, parent=window,
                          place=lambda department, unit: document.place_import(
                              plan, department, unit))
    if dialog.exec() != dialog.DialogCode.Accepted:
        return
    if plan.duplicates:
        policy = dialog.policy()
        if policy is None:  # the dialog does not accept before a choice; never guess one
            prompts.warn(window, _t("导入"), str(plan.refusal()))
            return
        plan.decide(policy)
    document.push_in_background(
        commands.ImportProjects(document, plan), window.jobs, title=_t("导入"),
        label=_t("正在导入…"), on_success=lambda changes: _imported(window, changes))


def _imported(window: MainWindow, changes) -> None:
    """The projects are in the file (and the undo step on the stack): a status line, and the
    first imported project selected."""
    from perfdesk.core.changes import PROJECT

    projects = changes.added_uuids(PROJECT)
    window.statusBar().showMessage(_t("已导入 %1 个项目、%2 个指标（可以撤销）。").replace(
        "%1", str(len(projects))).replace("%2", str(changes.indicators_added())), 10000)
    if projects:
        window.select_in_tree(projects[0])
