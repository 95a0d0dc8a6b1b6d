"""What an export and a print share: which projects they cover, where the file goes, and
telling the clerk it is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from perfdesk.core.paths import documents_dir
from perfdesk.gui import settings as s
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.window.main_window import MainWindow


def projects_to_output(window: MainWindow, title: str, empty: str) -> list[str] | None:
    """The projects an export or print covers, in tree order, with what is being typed
    written first and every project checked (the file marks those with errors); ``None``
    (after saying so) when there is nothing to write."""
    if window.document is None or window.tree_model is None:
        return None
    window.ui.projectForm.commit_pending()
    order = window.tree_model.project_uuids()
    if not order:
        prompts.inform(window, title, empty)
        return None
    window.checker.finish_now()
    return order


def save_path(window: MainWindow, title: str, name: str, file_filter: str) -> Path | None:
    """Where to write an export: asked, starting in the folder used last time."""
    folder = Path(window.settings.get(s.LAST_FOLDER) or documents_dir())
    if not folder.is_dir():
        folder = window.document.path.parent
    path = prompts.save_file(window, title, folder / name, file_filter)
    if path is not None:
        window.settings.set(s.LAST_FOLDER, str(path.parent))
    return path


def file_written(window: MainWindow, path: Path) -> None:
    """The file is complete: say where it is and hand it to the system's viewer."""
    window.statusBar().showMessage(_t("已保存到 %1").replace("%1", str(path)), 10000)
    prompts.show_file(path)
