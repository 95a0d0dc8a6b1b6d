"""The dataset file's tables, in SQLModel.

The header and indicator columns come from :mod:`perfdesk.core.model` (declared once); these
classes add what only the file needs: row ids, foreign keys, the order of siblings, stable
UUIDs (so datasets from different PCs can be merged), timestamps, and how a decimal is
written (:class:`ExactDecimal`, for every decimal field of the model). The schema changes only
through :mod:`perfdesk.storage.migrations`; a test checks that the migrated schema equals
these classes.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy import Column, ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from perfdesk.core.model import IndicatorFields, ProjectFields, TaskFields


class ExactDecimal(TypeDecorator):
    """A :class:`~decimal.Decimal` stored as its exact text (``"12345678.91"``).

    SQLAlchemy's ``Numeric`` on SQLite stores a REAL and reads it back through a binary float,
    so 12345678.91 or 0.1 + 0.2 can come back changed. This type stores the decimal's own text
    instead and refuses floats outright, so no float is ever involved between what a clerk
    typed and what is on disk.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError(f"binary float {value!r} refused: pass a Decimal or a string")
        if isinstance(value, bool):
            raise TypeError("a boolean is not an amount")
        try:
            number = value if isinstance(value, Decimal) else Decimal(str(value))
        except InvalidOperation as exc:
            raise ValueError(f"not a decimal number: {value!r}") from exc
        if not number.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        return format(number, "f")

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


class DatasetInfoRow(SQLModel, table=True):
    """The one row that describes the dataset."""

    __tablename__ = "dataset_info"

    id: int = Field(default=1, primary_key=True)
    dataset_uuid: str
    title: str = ""
    budget_year: int  # 预算年度
    profile: str  # "88" or "101"
    created_at: str  # ISO 8601, UTC
    created_by: str = ""  # OS user
    app_version: str = ""  # the PerfDesk that created or last migrated the file
    check_settings: str = "{}"  # JSON: rule thresholds, word lists, grades (rules.md ⚙)
    kind: str = "unit"  # "unit" (a 预算单位's own) or "department" (a 主管部门's 汇总)
    task: str = "{}"  # JSON: the task file it was set up from (services.submission.task)


class DepartmentRow(SQLModel, table=True):
    """主管部门."""

    __tablename__ = "department"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True)
    name: str = Field(unique=True)
    code: str = ""
    position: int = 0


class UnitRow(SQLModel, table=True):
    """预算单位, under one 主管部门."""

    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("department_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True)
    department_id: int = Field(
        sa_column=Column(Integer, ForeignKey("department.id", ondelete="CASCADE"),
                         nullable=False, index=True))
    name: str
    code: str = ""
    position: int = 0


class ProjectRow(ProjectFields, table=True):
    """项目, under one 预算单位."""

    __tablename__ = "project"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True)
    unit_id: int = Field(
        sa_column=Column(Integer, ForeignKey("unit.id", ondelete="CASCADE"),
                         nullable=False, index=True))
    position: int = 0
    created_at: str = ""
    updated_at: str = ""


class IndicatorRow(IndicatorFields, table=True):
    """绩效指标, under one project."""

    __tablename__ = "indicator"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True)
    project_id: int = Field(
        sa_column=Column(Integer, ForeignKey("project.id", ondelete="CASCADE"),
                         nullable=False, index=True))
    position: int = 0
    created_at: str = ""
    updated_at: str = ""


class TaskRow(TaskFields, table=True):
    """年度主要任务 of a 部门整体 target, under its project."""

    __tablename__ = "department_task"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True)
    project_id: int = Field(
        sa_column=Column(Integer, ForeignKey("project.id", ondelete="CASCADE"),
                         nullable=False, index=True))
    position: int = 0


class ChangeRow(SQLModel, table=True):
    """One changed field, written in the same transaction as the change itself."""

    __tablename__ = "change_log"

    id: int | None = Field(default=None, primary_key=True)
    at: str  # ISO 8601, UTC
    os_user: str = ""
    operation: str = ""  # groups the rows of one edit (an import writes many)
    action: str  # create / update / delete / move
    entity: str  # department / unit / project / indicator / dataset
    entity_uuid: str = ""
    field: str = ""
    old: str | None = None
    new: str | None = None


class CommentRow(SQLModel, table=True):
    """审核意见 (:class:`perfdesk.core.review.Comment`). No foreign key to the project or the
    indicator: a comment outlives what it was about (the clerk may delete the indicator the
    reviewer questioned, and the comment must still be seen and answered)."""

    __tablename__ = "review_comment"

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True)
    position: int = 0
    project_uuid: str = Field(index=True)
    indicator_uuid: str = ""
    field: str = ""
    anchor_text: str = ""
    text: str
    rule: str = ""
    author: str = ""
    created_at: str = ""
    submission_id: str = ""
    status: str = "open"
    reply_kind: str = ""
    reply: str = ""
    replied_by: str = ""
    replied_at: str = ""
    closed_at: str = ""


class SubmissionRow(SQLModel, table=True):
    """One submission (报送): sent, in a unit's dataset; received, in a 主管部门's.

    ``manifest`` is the submission's manifest as JSON, exactly as it travelled; ``snapshot``
    the project records it carried (what the next submission, or the reviewer, compares
    with)."""

    __tablename__ = "submission"
    __table_args__ = (UniqueConstraint("direction", "submission_id"),)

    id: int | None = Field(default=None, primary_key=True)
    direction: str  # "sent" / "received"
    submission_id: str
    unit_name: str = ""
    unit_code: str = ""
    number: int = 0  # 第 N 次报送 of this unit
    previous_id: str = ""
    at: str = ""  # ISO 8601, UTC: when it was made (sent) or received
    file: str = ""
    sha256: str = ""
    state: str = ""  # sent / received / received_changed (a hand-edited workbook accepted)
    manifest: str = "{}"
    snapshot: str = "[]"


class ReferenceProjectRow(SQLModel, table=True):
    """The budget's project list (项目库), when loaded: rule HDR-05 compares names with it."""

    __tablename__ = "reference_project"

    id: int | None = Field(default=None, primary_key=True)
    unit_name: str = ""
    name: str
    code: str = ""


# Every decimal field of the core model (money, targets, weights) is written as its exact text.
for _table in (ProjectRow.__table__, IndicatorRow.__table__, TaskRow.__table__):
    for _column in _table.columns:
        if isinstance(_column.type, sa.Numeric):
            _column.type = ExactDecimal()


def metadata():
    return SQLModel.metadata
