"""汇总: receive submission files into a 主管部门's dataset.

Each file is judged before anything is taken: complete and as sealed (hash), signed with the
unit's secret where the department's task gave one, for this department and year, not already
received (a duplicate is skipped and said so), not older than what was received from that unit
(out of order: refused with both numbers), and its sheets as exported. A workbook edited by
hand after export is never taken silently: it is reported as changed, with what differs, and
taken (as its sheets show it) only when the reviewer accepts that. A newer submission replaces
that unit's projects in one transaction with its receipt, and the diff against the previous
one is reported. Files of a folder are taken in submission order per unit.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from perfdesk.core.changes import COMMENT, Changed, ChangeSet
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.model import Project
from perfdesk.core.review import ANSWERED, CLOSED, OPEN, REPLY_KINDS, REPLY_NAMES
from perfdesk.io import embedded, reading
from perfdesk.io.submission_file import SubmissionFile, SubmissionFileError, read_submission, \
    signature
from perfdesk.services.submission.submit import Diff, diff, snapshot_projects

RECEIVED, SKIPPED, REFUSED, CHANGED = "received", "skipped", "refused", "changed"


@dataclass(slots=True)
class FileResult:
    """What became of one file: ``status`` is received, skipped (a duplicate), refused, or
    changed (hand-edited and not accepted: also a refusal)."""

    path: Path
    status: str
    reason: str = ""  # a short code: duplicate, out_of_order, tampered, signature …
    message: str = ""  # in Chinese, naming the file
    unit: str = ""
    number: int = 0
    changes: Diff = field(default_factory=Diff)
    edits: list[str] = field(default_factory=list)  # what a hand edit changed
    answers: list[str] = field(default_factory=list)  # per 审核意见 answered: reply, change
    written: ChangeSet | None = None  # what receiving it wrote (the GUI refreshes from it)

    @property
    def ok(self) -> bool:
        return self.status in (RECEIVED, SKIPPED)

    def line(self) -> str:
        labels = {RECEIVED: "已接收", SKIPPED: "已跳过", REFUSED: "拒收", CHANGED: "被手工修改，未接收"}
        head = f"{labels[self.status]}：{self.path.name}"
        return f"{head}（{self.unit} 第{self.number}次报送）{self.message}" if self.unit and \
            self.status == RECEIVED else f"{head}：{self.message}"


def submission_files(paths) -> list[Path]:
    """The files named and the .xlsx files inside the folders named (Excel's ``~$`` lock
    files and PerfDesk's temporary files left out)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*.xlsx") if not f.name.startswith(("~$", ".~")))
        else:
            out.append(p)
    return out


def _refused(path: Path, reason: str, message: str, manifest: dict | None = None,
             status: str = REFUSED) -> FileResult:
    m = manifest or {}
    return FileResult(path, status, reason, message, (m.get("unit") or {}).get("name", ""),
                      int(m.get("number", 0) or 0))


def receive(dataset, paths, *, accept_changed: bool = False) -> list[FileResult]:
    """Receive the files (and folders) into the 主管部门's ``dataset``; one result per file."""
    info = dataset.info
    if info.kind != "department":
        raise PerfDeskError("报送只能接收到主管部门的汇总数据文件中（perfdesk new --task 主管部门任务文件，"
                            "或 perfdesk receive --into 新文件）。",
                            "Submissions are received into a department's merged dataset.",
                            file=dataset.path)
    secrets = {(u.get("code") or u["name"]): u.get("secret", "")
               for u in info.task.get("units", [])}
    department = (info.task.get("department") or {}).get("name") or \
        next((d.name for d in dataset.departments()), "")
    results: list[FileResult] = []
    read: list[SubmissionFile] = []
    for path in submission_files(paths):
        try:
            read.append(read_submission(path))
        except SubmissionFileError as exc:
            results.append(_refused(path, exc.reason, exc.text.zh))
        except PerfDeskError as exc:
            results.append(_refused(path, "unreadable", exc.text.zh))
    read.sort(key=lambda s: ((s.manifest.get("unit") or {}).get("name", ""),
                             int(s.manifest.get("number", 0))))
    for sub in read:
        results.append(_receive_one(dataset, sub, department, info.budget_year, secrets,
                                    info.profile, accept_changed))
    return results


def _receive_one(dataset, sub: SubmissionFile, department: str, year: int, secrets: dict,
                 profile: str, accept_changed: bool) -> FileResult:
    m, path = sub.manifest, sub.path
    unit = m["unit"]["name"]
    key = m["unit"].get("code") or unit
    if m.get("department") != department or int(m.get("year", 0)) != year:
        return _refused(path, "wrong_department",
                        f"这是“{m.get('department')}”{m.get('year')}年度的报送，不属于本汇总"
                        f"（“{department}”{year}年度）。", m)
    if secrets:
        secret = secrets.get(key) or secrets.get(unit)
        if secret is None:
            return _refused(path, "unknown_unit", f"预算单位“{unit}”不在任务的单位名单中。", m)
        given = str(sub.seal.get("hmac") or "")
        if not given:
            return _refused(path, "signature_missing",
                            "报送文件没有签名（不是用任务文件建立的数据文件报送的），无法确认来源。", m)
        if not hmac.compare_digest(given, signature(secret, sub.seal["sha256"])):
            return _refused(path, "signature_wrong",
                            "报送文件的签名不符（不是该单位的任务文件签发，或文件被改动），无法接收。", m)
    received = dataset.submissions("received", key)
    if any(r["submission_id"] == m["submission_id"] for r in received):
        return FileResult(path, SKIPPED, "duplicate",
                          f"已经接收过这份报送（{unit} 第{m['number']}次报送），跳过。", unit,
                          m["number"])
    if received and int(m["number"]) <= received[-1]["number"]:
        return _refused(path, "out_of_order",
                        f"这是{unit}的第{m['number']}次报送，但已经接收了第{received[-1]['number']}"
                        "次报送，旧的报送不能覆盖新的。", m)
    projects, edited = reading.read_exported_details(sub.sheets, sub.payload, profile=profile)
    edits = []
    for e in edited:
        if e.shown is None:
            edits.append(f"项目“{e.recorded.name}”的工作表被删除")
        else:
            change = diff([e.recorded], [e.shown])
            fields = change.changed[0][1] if change.changed else ["表格内容"]
            edits.append(f"项目“{e.recorded.name}”：{'、'.join(fields)}")
    if edited and not accept_changed:
        result = _refused(path, "changed", "导出后被手工修改过：" + "；".join(edits) +
                          "。请核实后用“接受修改”（--accept-changed）接收，或让单位重新报送。", m,
                          status=CHANGED)
        result.edits = edits
        return result
    for p in projects:
        p.department, p.unit, p.unit_code = department, unit, m["unit"].get("code", "")
    previous = snapshot_projects(received[-1]["snapshot"]) if received else []
    replacing = dataset.unit_project_uuids(department, unit)
    changes = diff(previous, projects)
    answered = _answers(dataset, m.get("replies"))
    written = dataset.receive_submission(dict(
        direction="received", submission_id=m["submission_id"], unit_name=unit,
        unit_code=m["unit"].get("code", ""), number=int(m["number"]),
        previous_id=m.get("previous_id", ""),
        at=datetime.now(timezone.utc).isoformat(timespec="seconds"), file=str(path),
        sha256=sub.seal["sha256"], state="received_changed" if edited else "received",
        manifest=m, snapshot=[embedded.project_record(p) for p in projects]),
        projects, replacing, answered)
    note = f"，{len(projects)} 个项目"
    if previous:
        note += "；与上次相比：" + ("；".join(changes.lines()) or "没有变化")
    if edited:
        note += "；含手工修改（已接受）：" + "；".join(edits)
    result = FileResult(path, RECEIVED, "", note, unit, int(m["number"]), changes, edits,
                        _answer_lines(dataset, [step.uuid for step in answered]), written)
    if answered:
        result.message += f"；答复审核意见 {len(answered)} 条"
    return result


def _answers(dataset, replies) -> list[Changed]:
    """The clerk's answers a submission carried, as steps on the reviewer's comments (a
    closed comment stays closed; an answer already taken is not taken twice)."""
    if not replies:
        return []
    have = {c.uuid: c for c in dataset.comments()}
    steps = []
    for reply in replies if isinstance(replies, list) else []:
        comment = have.get(str((reply or {}).get("uuid", "")))
        if comment is None or comment.status == CLOSED or \
                reply.get("reply_kind") not in REPLY_KINDS:
            continue
        values = {k: str(reply.get(k) or "") for k in ("reply_kind", "reply", "replied_by",
                                                        "replied_at")}
        if comment.status == ANSWERED and all(getattr(comment, k) == v
                                              for k, v in values.items()):
            continue
        if comment.status == OPEN and comment.replied_at and \
                comment.replied_at >= values["replied_at"]:
            continue  # the reviewer re-opened it after this very answer
        steps.append(Changed(COMMENT, comment.uuid, {}, {"status": ANSWERED, **values}))
    return steps


def _answer_lines(dataset, uuids: list[str]) -> list[str]:
    """Per answered comment: where, the comment, the reply, and what changed in its field."""
    from perfdesk.services.review import anchor_of, field_changes

    if not uuids:
        return []
    comments = [dataset.comment(u) for u in uuids]
    changes = field_changes(dataset, comments)
    lines = []
    for c in comments:
        reply = REPLY_NAMES[c.reply_kind].zh + (f"：{c.reply}" if c.reply else "")
        change = changes.get(c.uuid)
        lines.append(f"{anchor_of(dataset, c).text()}：{c.text} → 答复 {reply}" +
                     (f"；{change.text().zh}" if change is not None else ""))
    return lines


def created_merged(path: Path, first: Path):
    """A new 主管部门 dataset at ``path`` set up from the first readable submission (no task:
    signatures cannot be checked)."""
    from perfdesk.services.dataset import Dataset

    for file in submission_files([first]):
        try:
            m = read_submission(file).manifest
        except PerfDeskError:
            continue
        ds = Dataset.create(path, year=int(m["year"]), profile=m["profile"],
                            title=f"{m['year']}年{m['department']}绩效目标汇总",
                            department=m["department"])
        ds.set_task({"department": {"name": m["department"], "code": ""}, "units": []},
                    kind="department")
        return ds
    raise PerfDeskError("没有可接收的报送文件，无法新建汇总数据文件。",
                        "No readable submission to set up the merged dataset from.", file=first)


__all__ = ["CHANGED", "RECEIVED", "REFUSED", "SKIPPED", "FileResult", "Project", "receive"]
