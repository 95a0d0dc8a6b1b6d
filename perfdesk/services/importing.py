"""Importing tables into a dataset: read, decide, preview, then add exactly what was previewed.

Reading a file is the I/O package's pure job (:func:`perfdesk.io.read_table`). Putting what was
read into a dataset needs decisions only the dataset can make: a table without 主管部门/预算单位
columns goes to the dataset's only unit (or is refused when it has several), and the same
file chosen twice is read once. :func:`plan_import` makes those decisions and returns an
:class:`ImportPlan`: the projects exactly as they will be added, the notices of every place
the reader or the plan had to guess, where projects were placed, and which projects the
dataset (or an earlier file of the same import) already holds: the same export imported
again, a table imported twice, a namesake under the same unit. Those are never added, skipped
or replaced silently: the clerk chooses (:data:`POLICIES`), and a plan with undecided
duplicates is not imported. The GUI shows the plan as
its preview; :func:`import_plan` then adds that plan and nothing else, in one transaction
(cancellable through ``progress``; on any error nothing is added), and returns its
:class:`~perfdesk.core.changes.ChangeSet`, whose inverse is the import's undo.
:func:`import_files` does both at once for the command line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from perfdesk.core.changes import DEPARTMENT, PROJECT, UNIT, ChangeSet
from perfdesk.core.entry import grades_of
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.i18n import Text
from perfdesk.core.model import Project
from perfdesk.core.values import name_key
from perfdesk.core.taxonomy import DEFAULT_GRADES
from perfdesk.io import read_table
from perfdesk.core.bulk import bulk
from perfdesk.io.base import ImportResult, Location, Notice, Progress, ProgressCallback

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.services.dataset import Dataset

FilesRead = list[tuple[Path, ImportResult]]

# What to do with a project the dataset (or an earlier file of the same import) already holds
# under the same 主管部门, 预算单位 and name: the clerk decides, nothing is decided silently.
SKIP, REPLACE, KEEP = "skip", "replace", "keep"
POLICIES = (SKIP, REPLACE, KEEP)
POLICY_NAMES = {SKIP: Text("跳过（保留数据文件中的）", "skip (keep the dataset's)"),
                REPLACE: Text("替换为表中的", "replace with the table's"),
                KEEP: Text("两个都保留", "keep both")}


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A project read that has a namesake (same 主管部门, 预算单位, name) already.

    Attributes:
        project: the project as read.
        file: the file it was read from.
        existing_uuid: the dataset's project of that name, or ``""`` when the namesake is an
            earlier project of this same import (another file holding it too, or the same
            table holding it twice, as a block of rows repeated or merged cells overlapping do).
        earlier_file: for such a namesake, the file it came from (``file`` itself when the
            same table holds it twice).
    """

    project: Project
    file: Path
    existing_uuid: str = ""
    earlier_file: Path | None = None


@dataclass(frozen=True, slots=True)
class Placement:
    """Projects of one file whose table names no 主管部门/预算单位, and where they go."""

    file: Path
    projects: int
    department: str
    unit: str
    only_unit: bool = True  # put under the dataset's only unit (else: the table's own unit
    # under the dataset's only department)


@dataclass
class ImportPlan:
    """What an import will add, as the preview shows it.

    Attributes:
        files: the files read, in order.
        projects: every project to add, in file order, under its department and unit.
        notices: what the reader guessed or adjusted, and where the plan placed projects.
        placements: the projects put under the dataset's only unit, per file.
        kinds: the layout each file was read as (``"disclosure"`` or ``"detail"``).
        layouts: the layout each file was recognised as, as the preview names it
            (:attr:`ImportResult.layout`).
        unplaced: projects whose table names no 主管部门/预算单位 and whose unit the dataset
            cannot decide (it has several units, or none): the clerk picks one
            (:func:`place_projects`); a plan with unplaced projects is not imported.
        units: the (主管部门, 预算单位) the dataset holds, to pick from.
        duplicates: projects read whose namesakes the dataset or the import already holds.
        policy: what to do with them (:data:`POLICIES`); ``None`` until the clerk chose, and
            a plan with duplicates is not imported before.
    """

    files: list[Path]
    projects: list[Project]
    notices: list[Notice]
    placements: list[Placement] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    policy: str | None = None
    layouts: list[str] = field(default_factory=list)
    unplaced: list[Project] = field(default_factory=list)
    units: list[tuple[str, str]] = field(default_factory=list)
    _read: FilesRead = field(default_factory=list, repr=False)

    @property
    def indicators(self) -> int:
        return sum(len(p.indicators) for p in self.to_add)

    @property
    def to_add(self) -> list[Project]:
        """The projects the import adds as a new project, under the chosen policy."""
        if not self.duplicates:
            return self.projects
        if self.policy == KEEP:  # both kept: a second copy of the same project is a new one
            taken: set[str] = set()
            kept = []
            for project in self.projects:
                if project.uuid in taken or id(project) in self._same_uuid():
                    project = _fresh_copy(project)
                taken.add(project.uuid)
                kept.append(project)
            return kept
        if self.policy == REPLACE:
            replaced = {id(d.project) for d in self.duplicates if d.existing_uuid}
            superseded = self._superseded()
            return [p for p in self.projects if id(p) not in replaced and id(p) not in superseded]
        skipped = {id(d.project) for d in self.duplicates}
        return [p for p in self.projects if id(p) not in skipped]

    @property
    def to_replace(self) -> list[Project]:
        """Projects taking the place of the dataset's namesakes (carrying their uuids)."""
        if self.policy != REPLACE:
            return []
        superseded = self._superseded()
        return [d.project.model_copy(update={"uuid": d.existing_uuid})
                for d in self.duplicates if d.existing_uuid and id(d.project) not in superseded]

    def _same_uuid(self) -> set[int]:
        """Duplicates that are the dataset's own project (the same uuid), not namesakes."""
        return {id(d.project) for d in self.duplicates if d.existing_uuid == d.project.uuid}

    def _superseded(self) -> set[int]:
        """Under REPLACE, a project read twice counts once, the later file's: the earlier
        ones are superseded."""
        later: dict[tuple[str, str, str], int] = {}
        for project in self.projects:
            later[_key(project)] = id(project)
        return {id(p) for p in self.projects if later[_key(p)] != id(p)}

    def decide(self, policy: str) -> None:
        """Set what happens to the duplicates (and say so in the notices)."""
        if policy not in POLICIES:
            raise ValueError(policy)
        self.policy = policy
        if self.duplicates:
            self.notices.append(Notice(Text(
                f"{len(self.duplicates)} 个同名项目的处理方式：{POLICY_NAMES[policy].zh}。",
                f"{len(self.duplicates)} projects with a namesake: "
                f"{POLICY_NAMES[policy].en}."), Location(str(self.files[0]))))

    def refusal(self) -> PerfDeskError:
        """The message when duplicates remain undecided (the command line's, without
        ``--duplicates``)."""
        first = self.duplicates[0]
        if first.existing_uuid:
            where, where_en = "数据文件中", "the dataset"
        elif first.earlier_file == first.file:
            where, where_en = "同一个表的前面", "earlier in the same table"
        else:
            where = f"“{first.earlier_file.name}”中"
            where_en = f"'{first.earlier_file.name}'"
        return PerfDeskError(
            f"{len(self.duplicates)} 个项目已有同名项目（同一主管部门、预算单位下，如“{first.project.name}”"
            f"已在{where}）。没有导入任何内容。请选择：跳过（skip）、替换为表中的（replace）或两个都保留"
            "（keep），命令行用 --duplicates skip|replace|keep。",
            f"{len(self.duplicates)} projects have a namesake under the same department and "
            f"budget unit (e.g. '{first.project.name}' is already in {where_en}). Nothing was "
            "imported. Choose to skip, replace or keep both; on the command line use "
            "--duplicates skip|replace|keep.", file=first.file)


def _fresh_copy(project: Project) -> Project:
    """The project as a new one: new uuids for it, its indicators and its tasks."""
    from perfdesk.core.model import new_uuid

    return project.model_copy(update={
        "uuid": new_uuid(),
        "indicators": [i.model_copy(update={"uuid": new_uuid()}) for i in project.indicators],
        "tasks": [t.model_copy(update={"uuid": new_uuid()}) for t in project.tasks]})


def _key(project: Project) -> tuple[str, str, str]:
    return (project.department.strip(), project.unit.strip(), name_key(project.name))


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


def plan_import(dataset: "Dataset", read: FilesRead, *, choose_unit: bool = False
                ) -> ImportPlan:
    """Decide where the projects read go and refuse what the dataset already holds.

    Raises PerfDeskError naming the file when a table's projects have no unit and the dataset
    has several (unless ``choose_unit``: then they are left in :attr:`ImportPlan.unplaced`
    for the clerk to place with :func:`place_projects`); the dataset is not touched either
    way."""
    read = _once_each(read)
    plan = ImportPlan(files=[path for path, _result in read], projects=[], notices=[])
    plan._read = read
    plan.units = _unit_names(dataset)
    for path, result in read:
        plan.notices.extend(result.notices)
        plan.layouts.append(result.layout)
        gap = _gap(result)  # before the placement fills the open fields
        plan.notices.extend(Notice(text, Location(str(path)))
                            for text in _departments_of_known_units(dataset, result))
        try:
            placement = _settle_units(dataset, path, result)
        except PerfDeskError:
            if not choose_unit:
                raise
            placement = None
            plan.unplaced += [p for p in result.projects
                              if not p.department.strip() or not p.unit.strip()]
        if placement is not None:
            plan.placements.append(placement)
            plan.notices.append(Notice(_placed_text(placement, gap), Location(str(path))))
        plan.projects.extend(result.projects)
        plan.kinds.append(result.kind)
    _note_namesakes(dataset, plan)
    return plan


def place_projects(dataset: "Dataset", plan: ImportPlan, department: str, unit: str) -> None:
    """Put the plan's unplaced projects (their table names no unit, or names a unit but not its
    department) under ``department`` / ``unit``, as the clerk picked (a unit the dataset has,
    or a new one; the preview offers the table's own unit first), and say so."""
    department, unit = department.strip(), unit.strip()
    if not department or not unit:
        raise PerfDeskError("请同时填写主管部门和预算单位。",
                            "Give both the department and the budget unit.")
    by_file: dict[int, Path] = {id(p): path for path, result in plan._read
                                for p in result.projects}
    counts: dict[Path, int] = {}
    for project in plan.unplaced:
        project.department, project.unit = department, unit
        path = by_file.get(id(project), plan.files[0])
        counts[path] = counts.get(path, 0) + 1
    for path, count in counts.items():
        plan.placements.append(Placement(path, count, department, unit))
        plan.notices.append(Notice(Text(
            f"{count} 个项目的表格没有主管部门或预算单位，按所选放入“{department} / {unit}”。",
            f"{count} projects had no department or budget unit in the table; they were put "
            f"under '{department} / {unit}' as chosen."), Location(str(path))))
    plan.unplaced = []
    _note_namesakes(dataset, plan)


def _gap(result: ImportResult) -> Text:
    """How a table leaves its projects' unit open: it has no 主管部门/预算单位 field at all
    (:attr:`ImportResult.unstated`: the table did not say), or it has the cell, left blank."""
    open_ = [p for p in result.projects if not p.department.strip() or not p.unit.strip()]
    if all(p.uuid in result.unstated for p in open_):
        return Text("的表格没有主管部门或预算单位栏", "came from a table with no department or "
                    "budget unit field")
    return Text("在表中的主管部门或预算单位一栏为空", "had the table's department or budget unit "
                "cell left blank")


def table_owner(projects: Sequence[Project]) -> tuple[str, str]:
    """The (主管部门, 预算单位) the tables of these projects name, each field where they all
    agree ("" where one leaves it blank or they differ): what the clerk is offered first when
    placing them."""
    departments = {p.department.strip() for p in projects}
    units = {p.unit.strip() for p in projects}
    return (departments.pop() if len(departments) == 1 else "",
            units.pop() if len(units) == 1 else "")


def _departments_of_known_units(dataset: "Dataset", result: ImportResult) -> list[Text]:
    """Projects whose table names their 预算单位 but no 主管部门 (c07: 预算单位：东莞市交通运输局),
    where the dataset holds that unit under one department: they go there (last year's table
    of a unit the dataset has), one notice per unit."""
    open_ = [p for p in result.projects if p.unit.strip() and not p.department.strip()]
    if not open_:
        return []
    departments = {d.uuid: d.name for d in dataset.departments()}
    under: dict[str, set[str]] = {}
    for u in dataset.units():
        under.setdefault(u.name.strip(), set()).add(departments.get(u.department_uuid, ""))
    placed: dict[tuple[str, str], int] = {}
    for project in open_:
        found = under.get(project.unit.strip(), set())
        if len(found) == 1:
            project.department = next(iter(found))
            key = (project.department, project.unit.strip())
            placed[key] = placed.get(key, 0) + 1
    return [Text(f"{count} 个项目的表格没有主管部门；预算单位“{unit}”在数据文件中属于主管部门"
                 f"“{department}”，已放在其下。",
                 f"{count} projects name no department; the budget unit '{unit}' belongs to "
                 f"'{department}' in the dataset, so they were put there.")
            for (department, unit), count in placed.items()]


def _placed_text(placement: Placement, gap: Text) -> Text:
    """What a placement under the dataset's only unit did: the unit, or (the table named its
    own unit) the department."""
    n, department, unit = placement.projects, placement.department, placement.unit
    if placement.only_unit:
        return Text(f"{n} 个项目{gap.zh}，已放入数据文件中唯一的预算单位“{unit}”。",
                    f"{n} projects {gap.en}; they were put under the dataset's only budget "
                    f"unit '{unit}'.")
    return Text(f"{n} 个项目{gap.zh}；表中的预算单位“{unit}”已放在数据文件中唯一的主管部门"
                f"“{department}”下。",
                f"{n} projects {gap.en}; the table's budget unit '{unit}' was put under the "
                f"dataset's only department '{department}'.")


def _unit_names(dataset: "Dataset") -> list[tuple[str, str]]:
    departments = {d.uuid: d.name for d in dataset.departments()}
    return [(departments.get(u.department_uuid, ""), u.name) for u in dataset.units()]


def _note_namesakes(dataset: "Dataset", plan: ImportPlan) -> None:
    """The plan's duplicates (once its projects have their units), each with a notice."""
    read = plan._read
    plan.duplicates = _namesakes(dataset, read) if not plan.unplaced else []
    if plan.duplicates:
        for duplicate in plan.duplicates[:50]:
            if duplicate.existing_uuid:
                where, where_en = "数据文件中已有同名项目", "the dataset has a project of that name"
            elif duplicate.earlier_file == duplicate.file:
                where, where_en = ("同一个表中前面已有同名项目",
                                   "the same table has a project of that name further up")
            else:
                where = f"与“{duplicate.earlier_file.name}”中的项目同名"
                where_en = f"'{duplicate.earlier_file.name}' has a project of that name"
            plan.notices.append(Notice(Text(
                f"项目“{duplicate.project.name}”：{where}（{duplicate.project.unit}）。",
                f"Project '{duplicate.project.name}': {where_en} ({duplicate.project.unit})."),
                Location(str(duplicate.file))))


def _once_each(read: FilesRead) -> FilesRead:
    """The files of an import, each once: the same file (or the same content under another
    name) chosen twice is read once, and a notice says so."""
    seen: dict[tuple, Path] = {}
    kept: FilesRead = []
    for path, result in read:
        try:
            key: tuple = ("content", hashlib.sha256(path.read_bytes()).hexdigest())
        except OSError:
            key = ("path", str(path.resolve()))
        if key in seen:
            kept[0][1].notices.append(Notice(Text(
                f"“{path.name}”与“{seen[key].name}”是同一个文件，只导入一次。",
                f"'{path.name}' is the same file as '{seen[key].name}'; it is imported once."),
                Location(str(path))))
            continue
        seen[key] = path
        kept.append((path, result))
    return kept


def _namesakes(dataset: "Dataset", read: FilesRead) -> list[Duplicate]:
    """Projects read that the dataset or an earlier file already holds: the same project
    (its uuid, from a PerfDesk export imported again) or a namesake (same 主管部门, 预算单位 and
    name, from a table imported again)."""
    entries = dataset.project_list()
    stored = {(e.department.strip(), e.unit.strip(), name_key(e.name)): e.uuid for e in entries}
    stored_uuids = {e.uuid for e in entries}
    earlier: dict[object, Path] = {}
    found = []
    for path, result in read:
        for project in result.projects:
            key = _key(project)
            if project.uuid in stored_uuids:
                found.append(Duplicate(project, path, existing_uuid=project.uuid))
            elif key[2] and key in stored:
                found.append(Duplicate(project, path, existing_uuid=stored[key]))
            elif key[2] and key in earlier:  # an earlier file, or earlier in this same table
                found.append(Duplicate(project, path, earlier_file=earlier[key]))
            elif project.uuid in earlier:
                found.append(Duplicate(project, path, earlier_file=earlier[project.uuid]))
            if key[2]:  # a project without a name has no namesake (HDR-01 asks for one)
                earlier.setdefault(key, path)
            earlier.setdefault(project.uuid, path)
    return found


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
            "请在表中补上“主管部门”“预算单位”，或指定它们属于哪个单位（命令行：--unit 主管部门/预算单位），"
            "或导入到只有一个预算单位的数据文件。没有导入任何内容。",
            f"{len(open_)} projects name no department or budget unit (e.g. '{open_[0].name}') "
            f"and the dataset has {len(units)} budget units, so their unit is unknown. Fill in "
            "主管部门 and 预算单位 in the table, or say which unit they belong to (command line: "
            "--unit DEPARTMENT/UNIT), or import into a dataset with one budget unit. "
            "Nothing was imported.", file=path)
    unit = units[0]
    department = next(d.name for d in dataset.departments() if d.uuid == unit.department_uuid)
    named = {p.unit.strip() for p in open_} - {unit.name}
    named = named if "" not in named else set()
    for project in open_:
        project.department = project.department.strip() or department
        project.unit = project.unit.strip() or unit.name
    if len(named) == 1:  # the table names a unit of its own: only its department was taken
        return Placement(path, len(open_), department, named.pop(), only_unit=False)
    return Placement(path, len(open_), department, unit.name)


# --- importing ------------------------------------------------------------------------------


def import_plan(dataset: "Dataset", plan: ImportPlan, *,
                progress: ProgressCallback | None = None) -> ChangeSet:
    """Add the plan's projects in one transaction (replacing namesakes when the clerk chose
    so). ``progress`` may raise Cancelled; then, as on any error, nothing is added. A plan
    with undecided duplicates is refused (:meth:`ImportPlan.refusal`)."""
    if plan.unplaced:
        raise PerfDeskError(
            f"{len(plan.unplaced)} 个项目（如“{plan.unplaced[0].name}”）的表格没有主管部门或预算单位，"
            "还没有选择它们属于哪个单位。没有导入任何内容。",
            f"{len(plan.unplaced)} projects (e.g. '{plan.unplaced[0].name}') name no department "
            "or budget unit and none was chosen. Nothing was imported.", file=plan.files[0])
    if plan.duplicates and plan.policy is None:
        raise plan.refusal()
    adding = plan.to_add
    tracker = Progress(progress, len(adding))

    def feed() -> Iterable[Project]:
        for project in adding:
            tracker.advance()
            yield project

    with bulk():
        changes = dataset.add_projects(feed(), operation="import", replacing=plan.to_replace)
    tracker.finish()
    return changes


def import_files(dataset: "Dataset", paths: Iterable[str | Path], *,
                 progress: ProgressCallback | None = None,
                 duplicates: str | None = None, unit: tuple[str, str] | None = None
                 ) -> tuple[Imported, list[Notice]]:
    """Read ``paths``, plan and add all their projects in one transaction (the command
    line's import). ``duplicates``: what to do with namesakes (:data:`POLICIES`); without it
    an import with namesakes is refused. ``unit``: the (主管部门, 预算单位) the projects whose
    table names none go under (a unit the dataset has, or a new one); without it they go to
    the dataset's only unit, or the import is refused. Returns what was added and the
    notices."""
    paths = [Path(p) for p in paths]
    with bulk():
        read = read_files(paths, profile=dataset.profile, grades=grades_of(dataset.settings()),
                          progress=_scaled(progress, 0, len(paths), len(paths) + 1))
        plan = plan_import(dataset, read, choose_unit=unit is not None)
    if unit is not None and plan.unplaced:
        place_projects(dataset, plan, *unit)
    if duplicates is not None:
        plan.decide(duplicates)
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
