"""全部检查 (F5): every project checked again off the GUI thread, with progress and 取消."""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.window.main_window import MainWindow


def check_all(window: MainWindow) -> None:
    """F5: check every project again, off the GUI thread, with progress and 取消."""
    if window.checker is not None:
        window.ui.projectForm.commit_pending()
        window.checker.check_all_job(window.jobs, title=_t("全部检查"),
                                     label=_t("正在检查全部项目…"))
