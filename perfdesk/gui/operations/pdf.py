"""打印 / PDF (Ctrl+P): the detailed form of the projects as a PDF (A4, fonts embedded), written
off the GUI thread and opened for printing when it is complete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfdesk.gui import settings as s
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.operations.output import file_written, projects_to_output, save_path
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.jobs import Job
    from perfdesk.gui.window.main_window import MainWindow


def print_pdf(window: MainWindow) -> Job | None:
    """Ask which projects (all, or the one shown) and where, then write the PDF."""
    order = projects_to_output(window, _t("打印 / PDF"), _t("还没有项目，没有可以打印的内容。"))
    if order is None:
        return None
    uuids = order
    current = window.current_project
    if current is not None and len(order) > 1:
        choice = prompts.choose(window, _t("打印 / PDF"), _t("要生成哪些项目的申报表？"), [
            _t("全部 %1 个项目").replace("%1", str(len(order))), _t("当前项目")])
        if choice is None:
            return None
        if choice == 1:
            uuids = [current]
    info = window.document.info
    name = (_t("%1年项目支出绩效目标申报表").replace("%1", str(info.budget_year))
            if len(uuids) > 1 else window.navigation.project_name(uuids[0]) or _t("申报表"))
    path = save_path(window, _t("保存申报表 PDF"), f"{name}.pdf", _t("PDF 文件 (*.pdf)"))
    if path is None:
        return None
    load_projects, year = window.document.project_loader(), info.budget_year
    filled_by, phone = window.settings.get(s.FILLED_BY), window.settings.get(s.PHONE)
    from perfdesk.gui.printing.detail_pdf import write_projects_pdf  # loaded on first use

    def work(progress):
        projects = load_projects(uuids)  # a connection of this thread's own
        return write_projects_pdf(projects, path, year=year,
                                  filled_by=filled_by, phone=phone, progress=progress)

    return window.jobs.run(work, title=_t("打印 / PDF"), label=_t("正在生成申报表 PDF…"),
                           on_success=lambda written: file_written(window, written))
