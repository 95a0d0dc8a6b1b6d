"""报送: check the unit's dataset, have every remaining finding explained, write the sealed
submission file, and keep the 报送记录.

A clerk may submit with errors or warnings left, but each then needs a one-line explanation
(审核说明) that travels in the manifest: explanations are given per finding (its ``key``), per
rule ID (``VAL-08=…``) or for all at once. Without them :func:`submit` raises :class:`NeedsExplanation` listing each
finding with where it is. The file is written to the chosen folder (a USB stick included) as a
copy: the live dataset never leaves the local disk.
"""

from __future__ import annotations

import hashlib
import re
import uuid as _uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from perfdesk import __version__
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.model import Project
from perfdesk.core.severity import ERROR, WARNING
from perfdesk.io import embedded, submission_file
from perfdesk.storage.lock import os_user


def rules_version() -> str:
    """The rule set's version: the app version and a short hash of the catalogue (rule IDs
    and severities), so a reviewer sees when two units checked with different rules."""
    from perfdesk.checks import RULES

    text = ";".join(f"{r.id}:{r.severity}" for r in RULES.values())
    return f"{__version__}+{hashlib.sha256(text.encode()).hexdigest()[:8]}"


@dataclass(slots=True)
class Remaining:
    """A finding left at submission: the rule, how serious, where (project, field)."""

    rule: str
    severity: str
    project_uuid: str
    project: str
    indicator_uuid: str | None
    field: str
    where: str
    message: str
    explanation: str = ""

    @property
    def key(self) -> str:
        """This one finding, for an explanation of its own (the GUI's one line per finding):
        ``RULE@project/indicator/field``."""
        return f"{self.rule}@{self.project_uuid}/{self.indicator_uuid or ''}/{self.field}"

    def line(self) -> str:
        level = "错误" if self.severity == ERROR else "警告"
        return f"{level} {self.rule}：项目“{self.project}”，{self.where}：{self.message}"


class NeedsExplanation(PerfDeskError):
    """Errors or warnings remain without an explanation; ``missing`` lists them."""

    def __init__(self, missing: list[Remaining]) -> None:
        super().__init__(
            f"还有 {len(missing)} 个错误或警告没有审核说明，未报送。请修改，或为每一个写一句说明"
            "（--explain 规则=说明，或 --explain-all 说明）。",
            f"{len(missing)} errors or warnings have no explanation; nothing was submitted. "
            "Fix them or explain each (--explain RULE=TEXT or --explain-all TEXT).")
        self.missing = missing


class OpenComments(PerfDeskError):
    """审核意见 returned by the 主管部门 are still unanswered; ``comments`` lists them with
    where each points (``(comment, where)``)."""

    def __init__(self, comments: list) -> None:
        listed = "；".join(f"{where}：{c.text}" for c, where in comments[:5])
        more = f"等 {len(comments)} 条" if len(comments) > 5 else ""
        super().__init__(
            f"还有 {len(comments)} 条审核意见没有答复，不能重新报送：{listed}{more}。"
            "请逐条答复（改了，或写明说明）后再报送。",
            f"{len(comments)} review comments are unanswered; answer each (fixed, or an "
            "explanation) before submitting again.")
        self.comments = comments


def open_comments(dataset) -> list:
    """The returned comments the clerk has not answered yet, with where each points now."""
    from perfdesk.services.review import anchor_of, unanswered

    return [(c, str(anchor_of(dataset, c).text())) for c in unanswered(dataset.comments())]


def replies(dataset) -> list[dict]:
    """The clerk's answers, as the manifest carries them back to the reviewer."""
    return [{k: c.as_record()[k] for k in ("uuid", "status", "reply_kind", "reply",
                                           "replied_by", "replied_at")}
            for c in dataset.comments() if c.reply_kind]


def remaining_findings(dataset) -> tuple[list[Project], list[Remaining]]:
    """The dataset's projects and its errors and warnings, as a submission lists them."""
    from perfdesk.checks import check_projects, location_text
    from perfdesk.services.checking import check_context

    projects = dataset.load_projects()
    by_uuid = {p.uuid: p for p in projects}
    findings = check_projects(projects, check_context(dataset))
    out = []
    for project in projects:
        for f in findings.get(project.uuid, []):
            if f.severity not in (ERROR, WARNING):
                continue
            out.append(Remaining(f.rule, str(f.severity), f.project_uuid, project.name,
                                 f.indicator_uuid, f.field,
                                 location_text(f, by_uuid[f.project_uuid]).zh, f.message.zh))
    return projects, out


@dataclass(slots=True)
class Submitted:
    """What :func:`submit` wrote and kept."""

    path: Path
    number: int
    submission_id: str
    sha256: str
    manifest: dict
    changes: "Diff"


@dataclass(slots=True)
class Diff:
    """What differs between two sets of projects (by UUID): added, removed, and per changed
    project the fields (``指标`` when its indicators differ)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def lines(self) -> list[str]:
        out = [f"新增项目：{n}" for n in self.added]
        out += [f"删除项目：{n}" for n in self.removed]
        out += [f"修改项目：{n}（{'、'.join(fields)}）" for n, fields in self.changed]
        return out

    def to_json(self) -> dict:
        return {"added": self.added, "removed": self.removed,
                "changed": [{"project": n, "fields": f} for n, f in self.changed]}


def diff(before: list[Project], after: list[Project]) -> Diff:
    """Projects added, removed and changed from ``before`` to ``after`` (matched by UUID)."""
    from perfdesk.core.fields import project_label
    from perfdesk.core.model import PROJECT_FIELDS

    old = {p.uuid: p for p in before}
    new = {p.uuid: p for p in after}
    result = Diff(added=[p.name for p in after if p.uuid not in old],
                  removed=[p.name for p in before if p.uuid not in new])
    skip = {"source_ref"}
    for p in after:
        q = old.get(p.uuid)
        if q is None:
            continue
        fields = [project_label(f).zh for f in PROJECT_FIELDS
                  if f not in skip and getattr(p, f) != getattr(q, f)]
        strip = ("source_ref", "source_text")
        if [i.model_dump(exclude=set(strip)) for i in p.indicators] != \
                [i.model_dump(exclude=set(strip)) for i in q.indicators]:
            fields.append("绩效指标")
        if [t.model_dump(exclude={"source_ref"}) for t in p.tasks] != \
                [t.model_dump(exclude={"source_ref"}) for t in q.tasks]:
            fields.append(project_label("tasks").zh)
        if fields:
            result.changed.append((p.name, fields))
    return result


def snapshot_projects(snapshot: list) -> list[Project]:
    return [embedded.project_from_record(r) for r in snapshot]


def changes_since_last(dataset) -> Diff | None:
    """What changed since the last submission (``None`` before the first)."""
    sent = dataset.submissions("sent")
    if not sent:
        return None
    return diff(snapshot_projects(sent[-1]["snapshot"]), dataset.load_projects())


def submission_name(year: int, unit: str, number: int) -> str:
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", unit).strip("_") or "单位"
    return f"{year}年绩效目标_{safe}_第{number}次报送.xlsx"


def _unit_of(dataset) -> tuple[str, str, str, str]:
    """(department, unit, unit code, secret) of the unit's dataset."""
    info = dataset.info
    if info.kind != "unit":
        raise PerfDeskError("这是主管部门的汇总数据文件，不能报送。",
                            "This is a department's merged dataset; it cannot be submitted.",
                            file=dataset.path)
    task_units = info.task.get("units") or []
    if info.task and len(task_units) == 1:
        unit = task_units[0]
        return (info.task["department"]["name"], unit["name"], unit.get("code", ""),
                unit.get("secret", ""))
    units = dataset.units()
    if len(units) != 1:
        raise PerfDeskError(
            "报送的数据文件应当只含一个预算单位（现在有 "
            f"{len(units)} 个）。请为每个单位分别建立数据文件，或从任务文件新建。",
            f"A dataset to submit must hold exactly one budget unit (it holds {len(units)}).",
            file=dataset.path)
    departments = {d.uuid: d.name for d in dataset.departments()}
    return departments[units[0].department_uuid], units[0].name, units[0].code, ""


def submit(dataset, folder: str | Path, *, explanations: dict[str, str] | None = None,
           explain_all: str = "", now: datetime | None = None) -> Submitted:
    """Check, then write the submission file into ``folder`` and keep the 报送记录.

    Raises OpenComments while a returned 审核意见 has no answer, NeedsExplanation when an
    error or warning has no explanation, PerfDeskError when
    the folder cannot take the file (a full disk included: nothing is left behind)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PerfDeskError("要保存报送文件的文件夹不存在。", "The folder does not exist.",
                            file=folder)
    department, unit, code, secret = _unit_of(dataset)
    waiting = open_comments(dataset)
    if waiting:
        raise OpenComments(waiting)
    answers = replies(dataset)
    projects, remaining = remaining_findings(dataset)
    explanations = {k.strip(): v.strip() for k, v in (explanations or {}).items()}
    missing = []
    for item in remaining:
        item.explanation = explanations.get(item.key) or explanations.get(item.rule) or \
            explain_all.strip()
        if not item.explanation:
            missing.append(item)
    if missing:
        raise NeedsExplanation(missing)
    info = dataset.info
    sent = dataset.submissions("sent")
    number = len(sent) + 1
    previous = sent[-1]["submission_id"] if sent else ""
    submission_id = str(_uuid.uuid4())
    at = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    changes = diff(snapshot_projects(sent[-1]["snapshot"]), projects) if sent else \
        Diff(added=[p.name for p in projects])
    errors = sum(1 for r in remaining if r.severity == ERROR)

    def manifest_for(data_sha256: str) -> dict:
        return {
            "format": submission_file.FORMAT, "version": submission_file.VERSION,
            "submission_id": submission_id, "number": number, "previous_id": previous,
            "task_id": info.task.get("task_id", ""),
            "unit": {"name": unit, "code": code}, "department": department,
            "year": info.budget_year, "profile": info.profile,
            "app_version": __version__, "rules_version": rules_version(),
            "created_at": at, "os_user": os_user(), "signed": bool(secret),
            "counts": {"projects": len(projects),
                       "indicators": sum(len(p.indicators) for p in projects)},
            "projects": [{"uuid": p.uuid, "name": p.name, "indicators": [
                i.uuid for i in p.indicators]} for p in projects],
            "check": {"errors": errors, "warnings": len(remaining) - errors,
                      "explained": len(remaining)},
            "findings": [{"rule": r.rule, "severity": r.severity, "project_uuid": r.project_uuid,
                          "project": r.project, "indicator_uuid": r.indicator_uuid,
                          "field": r.field, "where": r.where, "message": r.message,
                          "explanation": r.explanation} for r in remaining],
            "changes": changes.to_json(),
            "replies": answers,
            "data_sha256": data_sha256,
        }

    path = folder / submission_name(info.budget_year, unit, number)
    written = submission_file.write(path, projects, year=info.budget_year,
                                    manifest_for=manifest_for, secret=secret)
    sealed = submission_file.read_submission(written)  # what went to the stick, read back
    sha = sealed.seal["sha256"]
    try:
        dataset.record_submission(dict(
            direction="sent", submission_id=submission_id, unit_name=unit, unit_code=code,
            number=number, previous_id=previous, at=at, file=str(written), sha256=sha,
            state="sent", manifest=sealed.manifest,
            snapshot=[embedded.project_record(p) for p in projects]))
    except BaseException:
        written.unlink(missing_ok=True)  # a file the record does not know would be a lie
        raise
    return Submitted(written, number, submission_id, sha, sealed.manifest, changes)
