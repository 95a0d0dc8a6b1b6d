"""审核意见 as a reviewer and a clerk use them: writing a comment at a field (or from a check
finding), answering it, closing it, and saying where it points now.

The comments themselves are :class:`perfdesk.core.review.Comment` values kept in the dataset
file (one edit each, undoable like any other); this module is the one place that builds them,
so the window, the command line and a return file all anchor, word and answer them alike.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from perfdesk.core.changes import ChangeSet
from perfdesk.core.errors import InvalidValueError, NotFoundError
from perfdesk.core.fields import indicator_label, project_label
from perfdesk.core.i18n import Text
from perfdesk.core.model import new_uuid
from perfdesk.core.paths import resource
from perfdesk.core.review import (
    ANSWERED,
    CLOSED,
    EXPLAINED,
    OPEN,
    REPLY_KINDS,
    STATUS_NAMES,
    Comment,
)

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.checks.engine import Finding
    from perfdesk.services.dataset import Dataset

PHRASES_FILE = ("review_phrases.json",)
PHRASES_SETTING = "review_phrases"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        return ""


# --- where a comment points -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a comment points in the dataset as it is now.

    Attributes:
        found: the project (and the indicator, when the comment has one) still exist.
        project_name: the project's name now (or as it was, when it is gone).
        indicator_index: the indicator's place in its project, from 1 (0 without one).
        indicator_name: its name now.
        field_label: the field's label (项目名称, 指标值…), or ``""``.
    """

    found: bool
    project_name: str
    indicator_index: int = 0
    indicator_name: str = ""
    field_label: str = ""

    def text(self, *, with_project: bool = True) -> Text:
        """项目“…” › 第3条指标“…” › 指标值, with 已删除 when it is gone; without the project
        (for a list of one project's comments) 第3条指标“…” › 指标值, or 整个项目."""
        zh = [f"项目“{self.project_name}”"] if with_project else []
        en = [f"project '{self.project_name}'"] if with_project else []
        if self.indicator_index or self.indicator_name:
            number = f"第{self.indicator_index}条" if self.indicator_index else ""
            zh.append(f"{number}指标“{self.indicator_name}”")
            en.append(f"indicator {self.indicator_index or ''} '{self.indicator_name}'")
        if self.field_label:
            zh.append(self.field_label)
            en.append(self.field_label)
        if not zh:
            zh, en = ["整个项目"], ["the whole project"]
        if not self.found:
            return Text(" › ".join(zh) + "（已删除）", " › ".join(en) + " (deleted)")
        return Text(" › ".join(zh), " › ".join(en))


def _label(field: str, on_indicator: bool) -> str:
    if not field:
        return ""
    return (indicator_label(field) if on_indicator else project_label(field)).zh


def anchor_of(dataset: "Dataset", comment: Comment) -> Anchor:
    """Where ``comment`` points now: found by UUID, so renaming or moving keeps it."""
    label = _label(comment.field, bool(comment.indicator_uuid))
    try:
        project = dataset.load_project(comment.project_uuid)
    except NotFoundError:
        name, _, rest = comment.anchor_text.partition(" › ")
        return Anchor(False, name or comment.anchor_text, 0,
                      rest if comment.indicator_uuid else "", label)
    if not comment.indicator_uuid:
        return Anchor(True, project.name, field_label=label)
    for index, indicator in enumerate(project.indicators, 1):
        if indicator.uuid == comment.indicator_uuid:
            return Anchor(True, project.name, index, indicator.name, label)
    _, _, was = comment.anchor_text.partition(" › ")
    return Anchor(False, project.name, 0, was, label)


def _anchor_text(dataset: "Dataset", project_uuid: str, indicator_uuid: str) -> str:
    """What the anchor is called when the comment is written (kept for when it is gone)."""
    project = dataset.load_project(project_uuid)
    if not indicator_uuid:
        return project.name
    for indicator in project.indicators:
        if indicator.uuid == indicator_uuid:
            return f"{project.name} › {indicator.name}"
    raise NotFoundError("找不到该指标（可能已被删除）。",
                        "The indicator no longer exists (it may have been deleted).")


# --- writing, answering, closing ------------------------------------------------------------


def new_comment(dataset: "Dataset", project_uuid: str, text: str, *, indicator_uuid: str = "",
                field: str = "", rule: str = "", author: str | None = None,
                submission_id: str | None = None) -> Comment:
    """A comment at a project, one of its indicators, or one field of either (not yet
    stored). The project and indicator must exist; the field must be one PerfDesk knows.

    In a 汇总 dataset the comment refers to the submission the project came in (the latest
    one received from its unit), unless ``submission_id`` says otherwise."""
    if field:
        known = indicator_label(field) if indicator_uuid else project_label(field)
        if known.en == field:  # an unknown field is labelled by its own name
            raise InvalidValueError(f"没有名为“{field}”的字段。", f"There is no field '{field}'.")
    if submission_id is None:
        submission_id = submission_of(dataset, project_uuid)
    return Comment(uuid=new_uuid(), project_uuid=project_uuid, text=text.strip(),
                   indicator_uuid=indicator_uuid, field=field,
                   anchor_text=_anchor_text(dataset, project_uuid, indicator_uuid),
                   rule=rule, author=author if author is not None else os_user(),
                   created_at=now(), submission_id=submission_id)


def add_comment(dataset: "Dataset", project_uuid: str, text: str, **anchor: Any) -> ChangeSet:
    """Write a comment at a project, an indicator or a field, as one edit."""
    return dataset.add_comments([new_comment(dataset, project_uuid, text, **anchor)])


def comment_from_finding(dataset: "Dataset", finding: "Finding", *,
                         author: str | None = None) -> Comment:
    """A check finding turned into a comment: its text, its rule, its place."""
    return new_comment(dataset, finding.project_uuid, finding.message.zh,
                       indicator_uuid=finding.indicator_uuid or "",
                       field=_finding_field(finding), rule=finding.rule, author=author)


def _finding_field(finding: "Finding") -> str:
    field = finding.field
    if finding.indicator_uuid is None and field in ("department", "unit", "indicators"):
        return "" if field == "indicators" else field
    known = indicator_label(field) if finding.indicator_uuid else project_label(field)
    return "" if known.en == field else field


def answer(dataset: "Dataset", uuid: str, kind: str, reply: str = "", *,
           by: str | None = None) -> ChangeSet:
    """The clerk's answer: 改了 (``fixed``) or 说明 (``explained``, with a reply saying why)."""
    if kind not in REPLY_KINDS:
        raise ValueError(kind)
    reply = reply.strip()
    if kind == EXPLAINED and not reply:
        raise InvalidValueError("选择“说明”时请写明理由。",
                                "An explanation needs a reply saying why.")
    comment = dataset.comment(uuid)
    if comment.status == CLOSED:
        raise InvalidValueError("这条审核意见已被审核人员关闭，不需要再答复。",
                                "The reviewer closed this comment; it needs no answer.")
    return dataset.update_comment(uuid, status=ANSWERED, reply_kind=kind, reply=reply,
                                  replied_by=by if by is not None else os_user(),
                                  replied_at=now())


def close(dataset: "Dataset", uuid: str) -> ChangeSet:
    """The reviewer accepts the answer (or withdraws the comment)."""
    return dataset.update_comment(uuid, status=CLOSED, closed_at=now())


def reopen(dataset: "Dataset", uuid: str) -> ChangeSet:
    """The reviewer keeps the comment open: the answer did not settle it."""
    return dataset.update_comment(uuid, status=OPEN, closed_at="")


def unanswered(comments: Iterable[Comment]) -> list[Comment]:
    """The comments still waiting for the clerk (a resubmission is refused while any are)."""
    return [c for c in comments if c.status == OPEN]


def status_name(comment: Comment) -> Text:
    return STATUS_NAMES[comment.status]


# --- which submission a comment is about, and what changed there since ---------------------


def _received_with(records: list[dict], project_uuid: str) -> dict | None:
    """The latest received submission (of ``records``) that carried the project."""
    for record in reversed(records):
        if any(p.get("uuid") == project_uuid
               for p in (record["manifest"].get("projects") or [])):
            return record
    return None


def submission_of(dataset: "Dataset", project_uuid: str) -> str:
    """The ID of the latest submission received with this project (a 汇总 dataset), or
    ``""`` (a unit's dataset, or a project typed in by the reviewer)."""
    if dataset.info.kind != "department":
        return ""
    record = _received_with(dataset.submissions("received"), project_uuid)
    return record["submission_id"] if record else ""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """What became of a comment's field from the submission it refers to to the latest one
    received from that unit.

    Attributes:
        before_number, after_number: 第N次报送 of each.
        old, new: the field's text in each (for a comment on a whole project or indicator,
            what differs, as a list of field names in ``new``).
        changed: whether anything differs.
        gone: the project or indicator is not in the later submission.
    """

    before_number: int
    after_number: int
    old: str
    new: str
    changed: bool
    gone: bool = False

    def text(self) -> Text:
        head_zh = f"第{self.before_number}次→第{self.after_number}次报送："
        head_en = f"submission {self.before_number}→{self.after_number}: "
        if self.gone:
            return Text(head_zh + "已删除", head_en + "deleted")
        if not self.changed:
            return Text(head_zh + "没有修改", head_en + "unchanged")
        if self.old == "" and self.new.startswith("修改了"):
            return Text(head_zh + self.new, head_en + self.new)
        return Text(f"{head_zh}“{self.old}” → “{self.new}”",
                    f"{head_en}'{self.old}' → '{self.new}'")


def field_text(item: Any, field: str) -> str:
    """A field of a project or an indicator as a reader sees it (the 指标值 cell whole)."""
    from decimal import Decimal

    from perfdesk.core.values import format_number

    if field in ("value", "target", "grade", "value_text") and hasattr(item, "value_display"):
        return item.value_display()
    value = getattr(item, field, "")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format_number(value)
    return str(value)


def field_changes(dataset: "Dataset", comments: Iterable[Comment]) -> dict[str, FieldChange]:
    """For each comment that refers to a received submission followed by a later one from the
    same unit: what changed in its field (its indicator, its project) between the two, from
    the two submissions' snapshots. Comments without a later submission are left out."""
    from perfdesk.io.embedded import project_from_record
    from perfdesk.services.submission.submit import diff

    records = dataset.submissions("received")
    by_id = {r["submission_id"]: r for r in records}
    latest: dict[str, dict] = {}
    for r in records:
        latest[r["unit_code"] or r["unit_name"]] = r
    projects: dict[tuple[str, str], Any] = {}

    def project(record: dict, uuid: str):
        key = (record["submission_id"], uuid)
        if key not in projects:
            projects[key] = next((project_from_record(p) for p in record["snapshot"]
                                  if p and _record_uuid(p) == uuid), None)
        return projects[key]

    out: dict[str, FieldChange] = {}
    for comment in comments:
        before = by_id.get(comment.submission_id)
        if before is None:
            continue
        after = latest.get(before["unit_code"] or before["unit_name"])
        if after is None or after["submission_id"] == before["submission_id"]:
            continue
        numbers = (int(before["number"]), int(after["number"]))
        old, new = project(before, comment.project_uuid), project(after, comment.project_uuid)
        if comment.indicator_uuid:  # the indicator of each, when both projects are there
            old, new = (None if p is None else next(
                (i for i in p.indicators if i.uuid == comment.indicator_uuid), None)
                for p in (old, new))
        if old is None:
            continue
        if new is None:
            out[comment.uuid] = FieldChange(*numbers, "", "", True, gone=True)
        elif comment.field:
            was, now_ = field_text(old, comment.field), field_text(new, comment.field)
            out[comment.uuid] = FieldChange(*numbers, was, now_, was != now_)
        else:
            if comment.indicator_uuid:
                names = [indicator_label(f).zh for f in type(new).model_fields
                         if f not in ("uuid", "source_ref", "source_text")
                         and getattr(old, f) != getattr(new, f)]
            else:
                change = diff([old], [new])
                names = change.changed[0][1] if change.changed else []
            unique = list(dict.fromkeys(names))
            out[comment.uuid] = FieldChange(*numbers, "", "修改了" + "、".join(unique)
                                            if unique else "", bool(unique))
    return out


def _record_uuid(record: Any) -> str:
    """A snapshot record's project UUID (without building the project)."""
    from perfdesk.io.embedded import PROJECT_COLUMNS

    try:
        return str(record[0][PROJECT_COLUMNS.index("uuid")])
    except (IndexError, TypeError, KeyError):
        return ""


# --- standard phrases -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Phrase:
    """A standard review phrase and the check rule behind it (``""`` when none)."""

    text: str
    rule: str = ""


def default_phrases() -> list[Phrase]:
    with open(resource(*PHRASES_FILE), encoding="utf-8") as fh:
        return [Phrase(p["text"], p.get("rule", "")) for p in json.load(fh)["phrases"]]


def phrases(dataset: "Dataset") -> list[Phrase]:
    """The dataset's list of standard phrases (the bundled one until it was edited)."""
    kept = dataset.settings().get(PHRASES_SETTING)
    if not kept:
        return default_phrases()
    return [Phrase(str(p.get("text", "")), str(p.get("rule", ""))) for p in kept
            if str(p.get("text", "")).strip()]


def set_phrases(dataset: "Dataset", edited: Sequence[Phrase]) -> ChangeSet:
    """Keep an edited list of standard phrases in the dataset (one edit)."""
    settings = dataset.settings()
    settings[PHRASES_SETTING] = [{"text": p.text.strip(), "rule": p.rule.strip()}
                                 for p in edited if p.text.strip()]
    return dataset.update_settings(settings)
