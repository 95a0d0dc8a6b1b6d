"""退回: the 主管部门 sends a unit its 审核意见, and the unit's dataset takes them in.

A return file (``…_第3次报送.perfdesk-return``) is a small JSON file, format :data:`FORMAT`
version :data:`VERSION`, that travels the way a submission does (USB stick, email):

- who and what: department, year, unit (name, code), the task's ID, the return's own ID and
  number (the 第N次退回 to that unit), the submission it refers to (ID and number), the
  reviewer (OS user) and the time;
- ``comments``: every 审核意见 on that unit's projects, each as
  :meth:`perfdesk.core.review.Comment.as_record` (anchored to project and indicator UUIDs and a
  field name, so it lands at its field in the unit's dataset whatever was renamed or moved);
- ``seal``: the SHA-256 of everything else (canonical JSON, as a submission's manifest is
  sealed) and, when the task file gave the unit a secret, an HMAC-SHA256 of it with that
  secret: the signing code is :mod:`perfdesk.io.submission_file`'s, the one home for both.

:func:`make_return` writes it (temporary file, then rename) and keeps a ``return_sent`` entry
in the 汇总 dataset's 报送记录 (报送情况 then shows the unit as 已退回). :func:`receive_return`
verifies it in the unit's dataset (sealed, signed, for this department, year and unit, about
a submission this dataset made, not a duplicate or older than one already received) and puts
its comments in with a ``return_received`` entry, in one transaction.
"""

from __future__ import annotations

import hmac
import json
import uuid as _uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from perfdesk.core.changes import COMMENT, Added, Changed
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.review import COMMENT_FIELDS, Comment
from perfdesk.io.submission_file import digest, signature

FORMAT = "perfdesk.return"
VERSION = 1
SUFFIX = ".perfdesk-return"
RETURN_SENT, RETURN_RECEIVED = "return_sent", "return_received"
RECEIVED, SKIPPED, REFUSED = "received", "skipped", "refused"

# What the clerk's side owns in a comment (the reviewer's copy in a return may be older).
_REPLY_FIELDS = ("reply_kind", "reply", "replied_by", "replied_at")


def return_name(year: int, unit: str, number: int) -> str:
    """``2026年审核意见_某某单位_第3次报送.perfdesk-return``: the submission it answers."""
    from perfdesk.services.submission.task import _safe

    return f"{year}年审核意见_{_safe(unit)}_第{number}次报送{SUFFIX}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- the 主管部门's side ----------------------------------------------------------------------


@dataclass(slots=True)
class Returned:
    """What :func:`make_return` wrote: the file, the unit, the submission it refers to, and
    how many comments (and how many still open) it carries."""

    path: Path
    unit: str
    submission_number: int
    comments: int
    open: int
    return_id: str
    signed: bool


def unit_named(dataset, name: str) -> tuple[str, str]:
    """(name, code) of a unit of the 汇总 dataset's task or of its received submissions;
    PerfDeskError naming the units there are when none is called ``name``."""
    key = name.strip()
    known = [(u["name"], u.get("code", "")) for u in dataset.info.task.get("units", [])]
    known += [(r["unit_name"], r["unit_code"]) for r in dataset.submissions("received")]
    for unit, code in known:
        if key and key in (unit, code):
            return unit, code
    names = "、".join(dict.fromkeys(n for n, _c in known)) or "（没有）"
    raise PerfDeskError(f"没有预算单位“{name}”。本汇总中的单位：{names}。",
                        f"There is no budget unit '{name}' here.", file=dataset.path)


def _of_unit(records: list[dict], unit: str, code: str) -> list[dict]:
    return [r for r in records if (r["unit_code"] or r["unit_name"]) == (code or unit)]


def unit_comments(dataset, unit: str, code: str = "") -> list[Comment]:
    """The comments on a unit's projects: those it has in the 汇总 dataset now and those its
    received submissions carried (a project deleted here still has its comments returned)."""
    uuids = {e.uuid for e in dataset.project_list() if e.unit == unit}
    for record in _of_unit(dataset.submissions("received"), unit, code):
        uuids |= {p.get("uuid") for p in record["manifest"].get("projects") or []}
    return [c for c in dataset.comments() if c.project_uuid in uuids]


def make_return(dataset, unit: str, folder: str | Path, *,
                reviewer: str | None = None) -> Returned:
    """Write the return file of ``unit`` into ``folder`` and note it in the 报送记录."""
    from perfdesk.services.review import os_user
    from perfdesk.services.submission.task import write_json

    info = dataset.info
    if info.kind != "department":
        raise PerfDeskError("只有主管部门的汇总数据文件可以退回审核意见。",
                            "Only a department's merged dataset can return comments.",
                            file=dataset.path)
    folder = Path(folder)
    if not folder.is_dir():
        raise PerfDeskError("要保存退回文件的文件夹不存在。", "The folder does not exist.",
                            file=folder)
    name, code = unit_named(dataset, unit)
    received = _of_unit(dataset.submissions("received"), name, code)
    if not received:
        raise PerfDeskError(f"预算单位“{name}”还没有报送，没有可退回的报送。",
                            f"'{name}' has not submitted anything to return.", file=dataset.path)
    latest = received[-1]
    comments = unit_comments(dataset, name, code)
    if not comments:
        raise PerfDeskError(f"还没有给“{name}”的项目写审核意见，无需退回。",
                            f"No comments on the projects of '{name}' to return.",
                            file=dataset.path)
    secret = next((u.get("secret", "") for u in info.task.get("units", [])
                   if (u.get("code") or u["name"]) == (code or name)), "")
    number = len(_of_unit(dataset.submissions(RETURN_SENT), name, code)) + 1
    return_id = str(_uuid.uuid4())
    at = _now()
    content = {
        "format": FORMAT, "version": VERSION, "return_id": return_id, "number": number,
        "task_id": info.task.get("task_id", ""),
        "department": latest["manifest"].get("department", ""), "year": info.budget_year,
        "unit": {"name": name, "code": code},
        "submission_id": latest["submission_id"], "submission_number": int(latest["number"]),
        "reviewer": reviewer if reviewer is not None else os_user(), "created_at": at,
        "counts": {"comments": len(comments),
                   "open": sum(1 for c in comments if c.is_open)},
        "comments": [c.as_record() for c in comments],
    }
    sha = digest(content)
    content["seal"] = {"sha256": sha, "hmac": signature(secret, sha) if secret else ""}
    path = folder / return_name(info.budget_year, name, int(latest["number"]))
    write_json(path, content, what=("退回文件", "return file"))
    try:
        dataset.record_submission(dict(
            direction=RETURN_SENT, submission_id=return_id, unit_name=name, unit_code=code,
            number=number, previous_id=latest["submission_id"], at=at, file=str(path),
            sha256=sha, state="returned", manifest={k: v for k, v in content.items()
                                                    if k != "comments"}, snapshot=[]))
    except BaseException:
        path.unlink(missing_ok=True)  # a file the record does not know would be a lie
        raise
    return Returned(path, name, int(latest["number"]), len(comments),
                    content["counts"]["open"], return_id, bool(secret))


# --- the unit's side --------------------------------------------------------------------------


def is_return_file(path: str | Path) -> bool:
    """Whether the file is a return file, by its content (JSON of :data:`FORMAT`)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and \
        FORMAT.encode() in head


@dataclass(slots=True)
class ReturnResult:
    """What became of a return file: ``status`` received, skipped (a duplicate) or refused;
    ``lines`` say, per comment, where it landed (received)."""

    path: Path
    status: str
    reason: str = ""
    message: str = ""
    unit: str = ""
    number: int = 0
    comments: list[Comment] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in (RECEIVED, SKIPPED)

    def line(self) -> str:
        labels = {RECEIVED: "已接收退回意见", SKIPPED: "已跳过", REFUSED: "拒收"}
        return f"{labels[self.status]}：{self.path.name}：{self.message}"


def _refused(path: Path, reason: str, message: str, content: dict | None = None
             ) -> ReturnResult:
    unit = ((content or {}).get("unit") or {}).get("name", "") if isinstance(content, dict) \
        else ""
    return ReturnResult(path, REFUSED, reason, message, unit)


def read_return(path: Path) -> dict:
    """The return file's content, its seal checked (not yet its signature); PerfDeskError
    with ``reason`` when it is not a return file, damaged or altered."""
    try:
        content = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise _Refusal("missing", "找不到退回文件。") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _Refusal("damaged", "退回文件不完整或已损坏（不是有效的 JSON），无法打开。"
                       "请让主管部门重新发送。") from exc
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise _Refusal("not_return", "这不是 PerfDesk 退回文件（审核意见），无法打开。")
    if not isinstance(content.get("version"), int) or content["version"] > VERSION:
        raise _Refusal("newer", f"退回文件由更新版本的 PerfDesk 生成（格式 {content.get('version')}），"
                       "请升级后再打开。")
    seal = content.get("seal")
    body = {k: v for k, v in content.items() if k != "seal"}
    if not isinstance(seal, dict) or seal.get("sha256") != digest(body):
        raise _Refusal("tampered", "退回文件的内容被改动过（校验值不符），无法接收。请让主管部门重新退回。")
    return content


class _Refusal(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason, self.message = reason, message


def receive_return(dataset, path: str | Path) -> ReturnResult:
    """Take a return file into the unit's ``dataset``: verified first; then its comments are
    put in (new ones added, known ones brought up to date: the reviewer's status and text, the
    clerk's own newer answer kept) with the receipt, in one transaction."""
    from perfdesk.services.review import anchor_of
    from perfdesk.services.submission.submit import _unit_of

    path = Path(path)
    if dataset.info.kind != "unit":
        return _refused(path, "wrong_dataset", "退回文件应在预算单位的数据文件中打开，这是主管部门的汇总数据文件。")
    try:
        department, unit, code, secret = _unit_of(dataset)
    except PerfDeskError as exc:
        return _refused(path, "wrong_dataset", exc.text.zh)
    try:
        content = read_return(path)
    except _Refusal as exc:
        return _refused(path, exc.reason, exc.message)
    their = content.get("unit") or {}
    if content.get("department") != department or content.get("year") != dataset.info.budget_year:
        return _refused(path, "wrong_department",
                        f"这是“{content.get('department')}”{content.get('year')}年度的退回文件，"
                        f"不属于本数据文件（“{department}”{dataset.info.budget_year}年度）。", content)
    if (their.get("code") or their.get("name")) != (code or unit):
        return _refused(path, "other_unit",
                        f"这是退回给“{their.get('name')}”的审核意见，不是本单位（“{unit}”）的，未接收。",
                        content)
    given = str((content.get("seal") or {}).get("hmac") or "")
    if secret:
        if not given:
            return _refused(path, "signature_missing",
                            "退回文件没有签名，无法确认它来自主管部门，未接收。", content)
        if not hmac.compare_digest(given, signature(secret, content["seal"]["sha256"])):
            return _refused(path, "signature_wrong",
                            "退回文件的签名不符（不是用本单位任务文件的密钥签发，或文件被改动），未接收。", content)
    sent = {r["submission_id"]: r for r in dataset.submissions("sent")}
    if content.get("submission_id") not in sent:
        return _refused(path, "unknown_submission",
                        f"退回文件所指的报送（第{content.get('submission_number')}次报送）不是从本数据文件"
                        "报送的，未接收。", content)
    number = int(content.get("number") or 0)
    before = dataset.submissions(RETURN_RECEIVED)
    if any(r["submission_id"] == content.get("return_id") for r in before):
        return ReturnResult(path, SKIPPED, "duplicate", "已经接收过这份退回意见，跳过。", unit, number)
    if before and number <= before[-1]["number"]:
        return _refused(path, "out_of_order",
                        f"这是第{number}次退回，但已经接收了第{before[-1]['number']}次退回，旧的不能覆盖新的。",
                        content)
    try:
        comments = [Comment.from_record(r) for r in content.get("comments") or []]
    except (ValueError, TypeError, AttributeError):
        return _refused(path, "damaged", "退回文件中的审核意见不完整，无法接收。", content)
    mine = {e.uuid for e in dataset.project_list()}
    for r in sent.values():
        mine |= {p.get("uuid") for p in r["manifest"].get("projects") or []}
    strangers = [c for c in comments if c.project_uuid not in mine]
    if strangers:
        return _refused(path, "other_unit",
                        f"退回文件中有 {len(strangers)} 条审核意见针对的项目不是本单位报送的"
                        f"（如“{strangers[0].anchor_text}”），未接收。", content)
    have = {c.uuid: c for c in dataset.comments()}
    steps: list = []
    for comment in comments:
        known = have.get(comment.uuid)
        if known is None:
            steps.append(Added(COMMENT, comment.uuid, "", None, comment))
            continue
        values = comment.as_record()
        if known.replied_at and known.replied_at > comment.replied_at:
            values.update({k: getattr(known, k) for k in _REPLY_FIELDS}, status=known.status)
        changed = {k: v for k, v in values.items()
                   if k in COMMENT_FIELDS and k != "uuid" and getattr(known, k) != v}
        if changed:
            steps.append(Changed(COMMENT, comment.uuid, {}, changed))
    dataset.keep_comments_with(dict(
        direction=RETURN_RECEIVED, submission_id=content["return_id"], unit_name=unit,
        unit_code=code, number=number, previous_id=content["submission_id"], at=_now(),
        file=str(path), sha256=content["seal"]["sha256"], state="received",
        manifest={k: v for k, v in content.items() if k != "comments"}, snapshot=[]), steps)
    landed = [dataset.comment(c.uuid) for c in comments]
    lines = []
    for comment in landed:
        anchor = anchor_of(dataset, comment)
        lines.append(f"{anchor.text()}：{comment.text}" +
                     ("" if anchor.found else "（该字段所在的指标或项目已删除，意见仍保留）"))
    opened = sum(1 for c in landed if c.is_open)
    message = (f"第{content.get('submission_number')}次报送的审核意见 {len(landed)} 条，"
               f"待答复 {opened} 条（审核人 {content.get('reviewer') or '未署名'}）")
    return ReturnResult(path, RECEIVED, "", message, unit, number, landed, lines)


__all__ = ["FORMAT", "SUFFIX", "VERSION", "ReturnResult", "Returned", "is_return_file",
           "make_return", "read_return", "receive_return", "return_name", "unit_comments"]
