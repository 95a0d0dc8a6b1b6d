"""打开示例数据: the bundled sample table (a real published table), imported once off the GUI
thread into 示例数据.perfdesk in the documents folder, and opened as it was left after that."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from perfdesk.core.paths import documents_dir, resource
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.window.main_window import MainWindow

# The bundled sample and the dataset it is imported into.
SAMPLE_TABLE = ("samples", "000_05425078e2155506.txt")
SAMPLE_FILE = "示例数据.perfdesk"
SAMPLE_YEAR = 2023
SAMPLE_TITLE = "示例：2023年项目支出绩效目标表（含转移支付项目）"


def open_sample(window: MainWindow) -> None:
    """Open the sample dataset, building it first when it is not there yet."""
    target = documents_dir() / SAMPLE_FILE
    if target.exists():
        window.open_path(target)
        return

    def build(progress):
        from perfdesk.io import read_table
        from perfdesk.services.dataset import Dataset

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

    window.jobs.run(build, title=_t("打开示例数据"), label=_t("正在读取示例表格…"),
                    on_success=window.open_path)
