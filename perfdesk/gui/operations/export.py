"""导出 (Ctrl+E and the 导出 menu): the disclosure table, or the detailed form with one sheet
per project, written as an Excel workbook off the GUI thread."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from perfdesk.gui import settings as s
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.operations.output import file_written, projects_to_output, save_path
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.jobs import Job
    from perfdesk.gui.window.main_window import MainWindow

DISCLOSURE, DETAIL = "disclosure", "detail"


def export_workbook(window: MainWindow, layout: str) -> Job | None:
    """Ask where to save, then write every project in ``layout`` (:data:`DISCLOSURE` or
    :data:`DETAIL`): the official layout only, with no check marks."""
    order = projects_to_output(window, _t("导出"), _t("还没有项目，没有可以导出的内容。"))
    if order is None:
        return None
    failing = sum(1 for uuid in order if window.checker.summary(uuid).errors)
    if failing and not prompts.ask(window, _t("导出"), _t(
            "%1 个项目的检查还有错误。导出的是官方表格，表上不标注检查结果；报送前请改正，"
            "或在报送时逐条说明。\n\n仍然导出吗？").replace("%1", str(failing)),
            _t("导出"), _t("取消")):
        return None
    info = window.document.info
    if layout == DISCLOSURE:
        title, name = _t("导出公开表"), _t("%1年项目支出绩效目标表")
    else:
        title, name = _t("导出申报表"), _t("%1年项目支出绩效目标申报表")
    name = name.replace("%1", str(info.budget_year))
    path = save_path(window, title, f"{name}.xlsx", _t("Excel 工作簿 (*.xlsx)"))
    if path is None:
        return None
    load_projects, year = window.document.project_loader(), info.budget_year
    filled_by, phone = window.settings.get(s.FILLED_BY), window.settings.get(s.PHONE)

    def work(progress):
        from perfdesk.io import export_detail, export_disclosure

        projects = load_projects(order)  # a connection of this thread's own
        if layout == DISCLOSURE:
            return export_disclosure(projects, path, year=year, progress=progress)
        return export_detail(projects, path, year=year, filled_by=filled_by,
                             phone=phone, date=datetime.date.today(), progress=progress)

    return window.jobs.run(work, title=title, label=_t("正在导出 %1 个项目…").replace(
        "%1", str(len(order))), on_success=lambda written: file_written(window, written))
