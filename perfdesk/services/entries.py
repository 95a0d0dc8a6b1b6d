"""Small read-only entries a dataset answers with: enough for the tree, the status bar and the
dialogs without loading whole projects.

They are what every caller (the GUI's tree, the CLI's ``info``, the importer deciding where a
project goes) reads about departments, units and projects; edits never take them, they take
UUIDs and return a :class:`~perfdesk.core.changes.ChangeSet`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    path: Path
    dataset_uuid: str
    title: str
    budget_year: int
    profile: str
    created_at: str
    created_by: str
    app_version: str
    schema_version: int
    read_only: bool
    settings: dict = field(default_factory=dict, hash=False, compare=False)
    kind: str = "unit"  # "unit", or "department" for a 主管部门's 汇总
    task: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Counts:
    departments: int
    units: int
    projects: int
    indicators: int


@dataclass(frozen=True, slots=True)
class DepartmentEntry:
    uuid: str
    name: str
    code: str
    position: int


@dataclass(frozen=True, slots=True)
class UnitEntry:
    uuid: str
    name: str
    code: str
    position: int
    department_uuid: str


@dataclass(frozen=True, slots=True)
class ProjectEntry:
    """One line of the project list: enough for the tree, without loading the project."""

    uuid: str
    name: str
    code: str
    position: int
    unit_uuid: str
    unit: str
    department_uuid: str
    department: str
    indicator_count: int
