"""打开示例数据: the bundled sample table (a real published table), imported once off the GUI
thread into 示例数据.perfdesk in the documents folder (:mod:`perfdesk.services.sample`), and
opened as it was left after that."""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.window.main_window import MainWindow


def open_sample(window: MainWindow) -> None:
    """Open the sample dataset, building it first when it is not there yet."""
    from perfdesk.services.sample import build_sample, sample_path

    target = sample_path()
    if target.exists():
        window.open_path(target)
        return
    window.jobs.run(lambda progress: build_sample(target, progress=progress),
                    title=_t("打开示例数据"), label=_t("正在读取示例表格…"),
                    on_success=window.open_path)
