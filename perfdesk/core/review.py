"""审核意见: a reviewer's comment on a project, one of its indicators or one field, and the
clerk's answer to it.

A comment is anchored to the stable identity of what it is about (the project's and the
indicator's UUIDs, which travel in every PerfDesk export and submission) and to a field name
from :mod:`perfdesk.core.fields`, never to a row number or a name: when the clerk renames the
project, moves the indicator or reorders the grid, the comment still points at the right place.
It also keeps what the anchor looked like when the comment was written (``anchor_text``), so
that a comment whose indicator was deleted since can still say what it was about.

The life of a comment, on both sides of a return:

- ``open``: written by the reviewer, not yet answered;
- ``answered``: the clerk answered it, either 改了 (``fixed``: the field was changed) or 说明
  (``explained``: a reply saying why it stays), and may resubmit;
- ``closed``: the reviewer accepted the answer (or withdrew the comment).

The reviewer may re-open an answered or closed comment; the clerk's resubmission is refused
while a comment of the return is still ``open``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from perfdesk.core.i18n import Text

OPEN, ANSWERED, CLOSED = "open", "answered", "closed"
STATUSES = (OPEN, ANSWERED, CLOSED)
STATUS_NAMES = {OPEN: Text("待答复", "open"), ANSWERED: Text("已答复", "answered"),
                CLOSED: Text("已关闭", "closed")}

FIXED, EXPLAINED = "fixed", "explained"
REPLY_KINDS = (FIXED, EXPLAINED)
REPLY_NAMES = {FIXED: Text("改了", "fixed"), EXPLAINED: Text("说明", "explained")}

MAX_TEXT = 2000  # one comment or reply: a paragraph, never a document


@dataclass(frozen=True, slots=True)
class Comment:
    """One 审核意见 and its answer.

    Attributes:
        uuid: the comment's own identity (the same in the reviewer's and the clerk's dataset).
        project_uuid: the project it is about.
        indicator_uuid: the indicator it is about, or ``""`` for the project (or a project
            field).
        field: the field it is about (a name of :data:`perfdesk.core.fields`), or ``""`` for
            the whole project or indicator.
        anchor_text: what the anchor was when the comment was written (project name,
            indicator name, field label), shown when the anchor is gone.
        text: the comment.
        rule: the check rule behind it (``VAL-03``…), or ``""``.
        author: who wrote it (the reviewer's name, or the OS user).
        created_at: when (ISO 8601, UTC).
        submission_id: the submission it refers to, or ``""`` before any was received.
        status: :data:`OPEN`, :data:`ANSWERED` or :data:`CLOSED`.
        reply_kind: :data:`FIXED` or :data:`EXPLAINED` once answered, else ``""``.
        reply: the clerk's reply (required for :data:`EXPLAINED`).
        replied_by: who answered.
        replied_at: when.
        closed_at: when the reviewer closed it, or ``""``.
    """

    uuid: str
    project_uuid: str
    text: str
    indicator_uuid: str = ""
    field: str = ""
    anchor_text: str = ""
    rule: str = ""
    author: str = ""
    created_at: str = ""
    submission_id: str = ""
    status: str = OPEN
    reply_kind: str = ""
    reply: str = ""
    replied_by: str = ""
    replied_at: str = ""
    closed_at: str = ""

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    def answered(self, kind: str, reply: str, *, by: str, at: str) -> "Comment":
        return replace(self, status=ANSWERED, reply_kind=kind, reply=reply, replied_by=by,
                       replied_at=at)

    def closed(self, *, at: str) -> "Comment":
        return replace(self, status=CLOSED, closed_at=at)

    def reopened(self) -> "Comment":
        return replace(self, status=OPEN, closed_at="")

    def as_record(self) -> dict[str, str]:
        """The comment as plain text fields (a return file, a JSON listing, a table row)."""
        return {k: str(v) for k, v in asdict(self).items()}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "Comment":
        """A comment from :meth:`as_record`'s form; unknown keys are ignored, missing ones
        take their defaults (``ValueError`` when uuid, project or text are missing)."""
        known = {f.name for f in fields(cls)}
        values = {k: str(v) for k, v in record.items() if k in known and v is not None}
        for required in ("uuid", "project_uuid", "text"):
            if not values.get(required):
                raise ValueError(required)
        if values.get("status", OPEN) not in STATUSES:
            raise ValueError("status")
        if values.get("reply_kind", "") not in ("", *REPLY_KINDS):
            raise ValueError("reply_kind")
        return cls(**values)


COMMENT_FIELDS = tuple(f.name for f in fields(Comment))
