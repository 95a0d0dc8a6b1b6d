"""Excel and text I/O: the official layouts out, every table clerks already have in.

Clerks arrive with last year's tables (.xlsx, .xls from old WPS installs, .csv, text copied out
of a published PDF, UTF-8 or GBK) and leave with a file in the official layout that a reviewer
opens in Excel. This package is the only place that knows file formats and layouts:

- :func:`read_table` reads one file into core :class:`~perfdesk.core.model.Project` objects (pure);
- :func:`export_disclosure` writes the disclosure table 项目支出绩效目标表 (one row per project);
- :func:`export_detail` writes the detailed form 项目支出绩效目标申报表 (one sheet per project)
  from the template in ``resources/templates``.

Exports carry PerfDesk's own data in a very hidden sheet, so re-importing one restores every
field exactly (:mod:`.embedded`); safety checks live in :mod:`.safety` and :mod:`.writing`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date as _date
from pathlib import Path

from perfdesk.core.bulk import bulk
from perfdesk.io.base import ImportResult, Location, Notice, ProgressCallback
from perfdesk.io.reading import read_table
from perfdesk.core.model import Project


def export_disclosure(projects: Iterable[Project], path: str | Path, *, title: str | None = None,
                      year: int | None = None,
                      progress: ProgressCallback | None = None) -> Path:
    """Write the disclosure table 项目支出绩效目标表 to ``path`` (atomically); returns the path.

    The table is the official layout only: no check marks in any printed cell.
    ``progress(done, total)`` may raise Cancelled; then nothing is written.
    """
    from perfdesk.io import disclosure

    with bulk():
        return disclosure.export(projects, Path(path), title=title, year=year,
                                 progress=progress)


def export_detail(projects: Iterable[Project], path: str | Path, *, year: int,
                  filled_by: str = "", phone: str = "",
                  date: _date | None = None, progress: ProgressCallback | None = None) -> Path:
    """Write the detailed form 项目支出绩效目标申报表, one sheet per project (atomically).

    ``filled_by``, ``phone`` and ``date`` fill the form's 填报人/联系电话/填报日期 footer."""
    from perfdesk.io import detail
    from perfdesk.io.detail_form import Signature

    signed = Signature(filled_by, phone, date)
    with bulk():
        return detail.export(projects, Path(path), year=year, signed=signed,
                             progress=progress)


__all__ = ["ImportResult", "Location", "Notice", "export_detail", "export_disclosure",
           "read_table"]
