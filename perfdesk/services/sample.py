"""The sample dataset: a real published table, imported once into a dataset of its own.

A clerk trying PerfDesk for the first time should see a familiar table with the problems
reviewers really send back, not an empty window. The bundled table (extracted from a
published PDF) is imported into ``示例数据.perfdesk`` in the documents folder the first time it
is asked for; after that the same file opens as the clerk left it. The file only ever has its
name once complete: it is built under a temporary name and renamed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from perfdesk.core.paths import documents_dir, resource

SAMPLE_TABLE = ("samples", "000_05425078e2155506.txt")
SAMPLE_FILE = "示例数据.perfdesk"
SAMPLE_YEAR = 2023
SAMPLE_PROFILE = "88"
SAMPLE_TITLE = "示例：2023年项目支出绩效目标表（含转移支付项目）"


def sample_path() -> Path:
    """Where the sample dataset lives (it may not exist yet)."""
    return documents_dir() / SAMPLE_FILE


def build_sample(target: Path | None = None, *,
                 progress: Callable[[int, int], None] | None = None) -> Path:
    """Create the sample dataset at ``target`` (the documents folder's) from the bundled
    table; returns its path. On any error, or when cancelled, no file is left behind."""
    from perfdesk.io import read_table
    from perfdesk.services.dataset import Dataset

    target = target or sample_path()
    result = read_table(resource(*SAMPLE_TABLE), profile=SAMPLE_PROFILE, progress=progress)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.stem}.creating{target.suffix}")
    partial.unlink(missing_ok=True)
    try:
        with Dataset.create(partial, year=SAMPLE_YEAR, profile=SAMPLE_PROFILE,
                            title=SAMPLE_TITLE) as dataset:
            dataset.add_projects(result.projects, operation="sample")
        os.replace(partial, target)  # only a complete sample ever has the name
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target
