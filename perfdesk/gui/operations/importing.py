"""导入 (Ctrl+Shift+I): read tables (Excel, CSV, text from a PDF) off the GUI thread, preview
them with their check findings, then add them all in one undoable step."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from perfdesk.gui import commands
from perfdesk.gui import settings as s
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.models.indicator_table_model import grades_of
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.window.main_window import MainWindow


@dataclass
class ReadTables:
    """What the import preview shows: the projects and notices of all the files read."""

    projects: list
    notices: list


def import_tables(window: MainWindow) -> None:
    """Ask for the files and read them; the preview follows when they are read. From the
    start screen a new dataset is made for them first."""
    if window.document is None and not window.new_dataset():
        return
    if window.document.read_only:
        return
    folder = Path(window.settings.get(s.LAST_FOLDER) or Path.home())
    paths = prompts.open_table_files(window, folder if folder.is_dir() else Path.home())
    if not paths:
        return
    window.settings.set(s.LAST_FOLDER, str(paths[0].parent))
    profile = window.document.profile
    grades = grades_of(window.document.dataset.settings())

    def read(progress):
        from perfdesk.io import read_table

        results = []
        for number, path in enumerate(paths):
            def step(done: int, total: int, number: int = number) -> None:
                progress(number * 100 + (100 * done) // max(total, 1), 100 * len(paths))

            results.append(read_table(path, profile=profile, grades=grades, progress=step))
        return results

    window.jobs.run(read, title=_t("导入"), label=_t("正在读取表格…"),
                    on_success=lambda results: _preview(window, paths, results))


def _preview(window: MainWindow, paths: list[Path], results: list) -> None:
    """The import dialog over what was read; on 导入, the files are imported."""
    if window.document is None:
        return
    preview = ReadTables([p for r in results for p in r.projects],
                         [n for r in results for n in r.notices])
    checker = window.checker
    findings = checker.engine.check_projects(preview.projects, checker.context)
    from perfdesk.gui.dialogs.import_dialog import ImportDialog  # loaded on first use

    dialog = ImportDialog(preview, files=paths, findings=findings, parent=window)
    if dialog.exec() != dialog.DialogCode.Accepted:
        return
    dataset = window.document.dataset

    def write(progress):
        from perfdesk.io import import_files

        return import_files(dataset, paths, progress=progress)

    window.jobs.run(write, title=_t("导入"), label=_t("正在导入…"), writes=True,
                    on_success=lambda outcome: _imported(window, outcome))


def _imported(window: MainWindow, outcome) -> None:
    """The projects are in the file: the undo step that removes them, a status line, and
    the first imported project selected."""
    added, _notices = outcome
    if window.document is None:
        return
    window.document.push(commands.ImportProjects(window.document, added))
    window.statusBar().showMessage(_t("已导入 %1 个项目、%2 个指标（可以撤销）。").replace(
        "%1", str(len(added.project_uuids))).replace("%2", str(added.indicators)), 10000)
    if added.project_uuids:
        window.select_in_tree(added.project_uuids[0])
