"""Field names on screen: the core's table (:mod:`perfdesk.core.fields`) in the window's language.

The names are the core's Chinese/English pairs, so the form, the grid, the undo menu, the
findings panel and the command line all say the same; the language is the one the application
set for the core (:func:`perfdesk.core.i18n.set_language`, called with the Qt translator).
"""

from __future__ import annotations

from perfdesk.core.fields import (
    GRID_HEADERS,
    TASK_HEADERS,
    indicator_label,
    project_label,
    task_label,
)


def grid_header(field: str) -> str:
    """The short heading of the grid column of ``field`` (一级 │ 二级 │ 三级指标 …)."""
    return str(GRID_HEADERS[field])


def project_field(field: str) -> str:
    """The on-screen name of a project field (or ``department``/``unit``/``indicators``)."""
    return str(project_label(field))


def indicator_field(field: str) -> str:
    """The on-screen name of an indicator field (``value`` is the 指标值 cell as a whole)."""
    return str(indicator_label(field))


def task_field(field: str) -> str:
    """The on-screen name of a 部门整体 task's field (任务名称, 预算金额（总额） …)."""
    return str(task_label(field))


def task_header(field: str) -> str:
    """The short heading of a column of the table of tasks (任务名称 │ 总额（万元） …)."""
    return str(TASK_HEADERS[field])
