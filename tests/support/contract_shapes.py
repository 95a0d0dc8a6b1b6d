"""Objects with the exact shapes of the contracts between workstreams (team brief), for GUI
tests that must not wait for perfdesk.checks (issue 4) or perfdesk.io (issue 3) to land."""

from __future__ import annotations

from dataclasses import dataclass, field

from perfdesk.core.i18n import Text
from perfdesk.core.model import Project


@dataclass(frozen=True)
class Finding:  # perfdesk.checks.Finding (severity given as its value: "error", …)
    rule: str
    severity: str
    project_uuid: str
    indicator_uuid: str | None
    field: str
    message: Text


@dataclass
class Notice:  # perfdesk.io.Notice
    message: Text
    location: str
    severity: str = "warning"


@dataclass
class ImportResult:  # perfdesk.io.ImportResult
    projects: list[Project]
    notices: list[Notice] = field(default_factory=list)
    kind: str = "disclosure"
