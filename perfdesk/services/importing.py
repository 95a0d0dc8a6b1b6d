"""Importing tables into a dataset: read, decide, preview, then add exactly what was previewed.

Reading a file is the I/O package's pure job (:func:`perfdesk.io.read_table`). Putting what was
read into a dataset needs decisions only the dataset can make: a table without 主管部门/预算单位
columns goes to the dataset's only unit (or is refused when it has several), and projects the
dataset already holds — the same export imported twice — are refused, as are two files holding
the same exported project. :func:`plan_import` makes those decisions and returns an
:class:`ImportPlan`: the projects exactly as they will be added, the notices of every place
the reader or the plan had to guess, and where projects were placed. The GUI shows the plan as
its preview; :func:`import_plan` then adds that plan and nothing else, in one transaction
(cancellable through ``progress``; on any error nothing is added), and returns its
:class:`~perfdesk.core.changes.ChangeSet`, whose inverse is the import's undo.
:func:`import_files` does both at once for the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from perfdesk.core.changes import DEPARTMENT, PROJECT, UNIT, ChangeSet
from perfdesk.core.entry import grades_of
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.i18n import Text
from perfdesk.core.model import Project
from perfdesk.core.taxonomy import DEFAULT_GRADES
from perfdesk.io import read_table
from perfdesk.io.base import ImportResult, Location, Notice, Progress, ProgressCallback, bulk

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.services.dataset import Dataset

FilesRead = list[tuple[Path, ImportResult]]


@dataclass(frozen=True, slots=True)
class Placement:
    """Projects of one file whose table names no 主管部门/预算单位, and where they go."""

    file: Path
    projects: int
    department: str
    unit: str


@dataclass
class ImportPlan:
    """What an import will add, as the preview shows it.

    Attributes:
        files: the files read, in order.
        projects: every project to add, in file order, under its department and unit.
        notices: what the reader guessed or adjusted, and where the plan placed projects.
        placements: the projects put under the dataset's only unit, per file.
        kinds: the layout each file was read as (``"disclosure"`` or ``"detail"``).
    """

    files: list[Path]
    projects: list[Project]
    notices: list[Notice]
    placements: list[Placement] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    @property
    def indicators(self) -> int:
        return sum(len(p.indicators) for p in self.projects)


@dataclass(frozen=True)
class Imported:
    """What an import added (from its change set), for a summary."""

    changes: ChangeSet

    @property
    def project_uuids(self) -> list[str]:
        return self.changes.added_uuids(PROJECT)

    @property
    def department_uuids(self) -> list[str]:
        return self.changes.added_uuids(DEPARTMENT)

    @property
    def unit_uuids(self) -> list[str]:
        return self.changes.added_uuids(UNIT)

    @property
    def indicators(self) -> int:
        return self.changes.indicators_added()


# --- reading --------------------------------------------------------------------------------


def read_files(paths: Iterable[str | Path], *, profile: str,
               grades: Sequence[str] = DEFAULT_GRADES,
               progress: ProgressCallback | None = None) -> FilesRead:
    """Read each file (pure: no dataset is touched); ``progress`` covers all of them."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise PerfDeskError("没有指定要导入的文件。", "No files were given to import.")
    results = []
    for index, path in enumerate(paths):
        results.append((path, read_table(path, profile=profile, grades=grades,
                                         progress=_scaled(progress, index, 1, len(paths)))))
    return results


# --- planning -------------------------------------------------------------------------------


def plan_import(dataset: "Dataset", read: FilesRead) -> ImportPlan:
    """Decide where the projects read go and refuse what the dataset already holds.

    Raises PerfDeskError naming the file when a table's projects have no unit and the dataset
    has several, when its projects are already in the dataset, or when two files hold the
    same project; the dataset is not touched either way."""
    plan = ImportPlan(files=[path for path, _result in read], projects=[], notices=[])
    for path, result in read:
        plan.notices.extend(result.notices)
        placement = _settle_units(dataset, path, result)
        if placement is not None:
            plan.placements.append(placement)
            plan.notices.append(Notice(Text(
                f"{placement.projects} 个项目的表格没有主管部门或预算单位，已放入数据文件中唯一的"
                f"预算单位“{placement.unit}”。",
                f"{placement.projects} projects had no department or budget unit in the table; "
                f"they were put under the dataset's only budget unit '{placement.unit}'."),
                Location(str(path))))
        plan.projects.extend(result.projects)
        plan.kinds.append(result.kind)
    _refuse_known(dataset, read)
    return plan


def _settle_units(dataset: "Dataset", path: Path, result: ImportResult) -> Placement | None:
    """Projects whose table names no 主管部门/预算单位 go to the dataset's only unit."""
    open_ = [p for p in result.projects if not p.department.strip() or not p.unit.strip()]
    if not open_:
        return None
    units = dataset.units()
    if len(units) != 1:
        raise PerfDeskError(
            f"表中有 {len(open_)} 个项目没有填写主管部门或预算单位（如“{open_[0].name}”），"
            f"而数据文件中有 {len(units)} 个预算单位，无法确定它们属于哪个单位。"
            "请在表中补上“主管部门”“预算单位”，或导入到只有一个预算单位的数据文件。没有导入任何内容。",
            f"{len(open_)} projects name no department or budget unit (e.g. '{open_[0].name}') "
            f"and the dataset has {len(units)} budget units, so their unit is unknown. Fill in "
            "主管部门 and 预算单位 in the table, or import into a dataset with one budget unit. "
            "Nothing was imported.", file=path)
    unit = units[0]
    department = next(d.name for d in dataset.departments() if d.uuid == unit.department_uuid)
    for project in open_:
        project.department = project.department.strip() or department
        project.unit = project.unit.strip() or unit.name
    return Placement(path, len(open_), department, unit.name)


def _refuse_known(dataset: "Dataset", read: FilesRead) -> None:
    existing = {entry.uuid for entry in dataset.project_list()}
    seen: dict[str, Path] = {}
    for path, result in read:
        known = [p for p in result.projects if p.uuid in existing]
        if known:
            raise PerfDeskError(
                f"文件中的 {len(known)} 个项目（如“{known[0].name}”）已在数据文件中——这个导出文件"
                "之前已经导入过。没有导入任何内容；如需重新导入，请先删除这些项目。",
                f"{len(known)} projects of this file (e.g. '{known[0].name}') are already in "
                "the dataset: this export was imported before. Nothing was imported; delete "
                "those projects first to import it again.", file=path)
        for project in result.projects:
            if project.uuid in seen:
                raise PerfDeskError(
                    f"项目“{project.name}”同时出现在“{seen[project.uuid].name}”和本文件中"
                    "（同一个导出文件选了两次？）。没有导入任何内容。",
                    f"The project '{project.name}' is also in '{seen[project.uuid].name}' "
                    "(the same export chosen twice?). Nothing was imported.", file=path)
            seen[project.uuid] = path


# --- importing ------------------------------------------------------------------------------


def import_plan(dataset: "Dataset", plan: ImportPlan, *,
                progress: ProgressCallback | None = None) -> ChangeSet:
    """Add the plan's projects in one transaction. ``progress`` may raise Cancelled; then,
    as on any error, nothing is added."""
    tracker = Progress(progress, len(plan.projects))

    def feed() -> Iterable[Project]:
        for project in plan.projects:
            tracker.advance()
            yield project

    with bulk():
        changes = dataset.add_projects(feed(), operation="import")
    tracker.finish()
    return changes


def import_files(dataset: "Dataset", paths: Iterable[str | Path], *,
                 progress: ProgressCallback | None = None) -> tuple[Imported, list[Notice]]:
    """Read ``paths``, plan and add all their projects in one transaction (the command
    line's import). Returns what was added and the notices."""
    paths = [Path(p) for p in paths]
    with bulk():
        read = read_files(paths, profile=dataset.profile, grades=grades_of(dataset.settings()),
                          progress=_scaled(progress, 0, len(paths), len(paths) + 1))
        plan = plan_import(dataset, read)
    changes = import_plan(dataset, plan, progress=_scaled(progress, len(paths), 1,
                                                          len(paths) + 1))
    return Imported(changes), plan.notices


def _scaled(progress: ProgressCallback | None, first: int, span: int,
            whole: int) -> ProgressCallback | None:
    """``progress`` for the shares ``first`` … ``first + span`` of ``whole`` equal shares."""
    if progress is None:
        return None
    call: Callable[[int, int], None] = progress
    return lambda done, total: call(
        (first * 1000 + done * span * 1000 // max(total, 1)), whole * 1000)
