"""The check context of an open dataset: what every caller that checks a dataset starts from.

The rules (:mod:`perfdesk.checks`) read projects and a :class:`~perfdesk.checks.CheckContext`
and know nothing of files; this is where a dataset's profile, 预算年度, ⚙ settings, budget
project list and the names of all its projects (for HDR-06) become one. The CLI, the self-test,
exports marking 未通过检查 and the GUI's live checker all build their context here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from perfdesk.checks import CheckContext

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.core.model import Project
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.entries import ProjectEntry


def check_context(dataset: "Dataset",
                  project_entries: Iterable["ProjectEntry | Project"] | None = None
                  ) -> CheckContext:
    """The context of ``dataset``. ``project_entries`` is every one of its projects when the
    caller has them already, as the project list or as the loaded projects themselves
    (opening or checking 10,000 projects should not read them twice)."""
    info = dataset.info
    entries = dataset.project_list() if project_entries is None else project_entries
    return CheckContext(profile=info.profile, budget_year=info.budget_year,
                        settings=dataset.settings(),
                        reference_projects=dataset.reference_projects(),
                        sibling_projects=[(e.uuid, e.department, e.unit, e.name)
                                          for e in entries])
