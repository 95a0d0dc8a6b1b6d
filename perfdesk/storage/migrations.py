"""Schema migrations, written with Alembic's operations (batch mode for SQLite).

Each migration is a function registered in :data:`MIGRATIONS` with the schema version it
produces. The version a file is at is kept in SQLite's ``user_version`` header field, so a file
can be judged (current, older, newer) by reading its first 100 bytes without opening it.
Migrations are plain functions rather than Alembic script files so that a frozen build needs
no ``.py`` sources on disk; the operations themselves are Alembic's.

History is frozen: a migration describes the schema as it was when written and is never edited
afterwards. A test checks that migrating an empty file to the newest version gives exactly the
tables of :mod:`perfdesk.storage.tables`.

Rules for writing one: SQLite cannot alter columns in place, so use ``op.batch_alter_table``;
new NOT NULL columns need a ``server_default``; foreign keys are off while migrations run and
``PRAGMA foreign_key_check`` must pass afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa


def _v1_initial(op) -> None:
    """Version 1: dataset info, departments, units, projects, indicators, change log."""
    op.create_table(
        "dataset_info",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dataset_uuid", sa.String, nullable=False),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("budget_year", sa.Integer, nullable=False),
        sa.Column("profile", sa.String, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("created_by", sa.String, nullable=False),
        sa.Column("app_version", sa.String, nullable=False),
        sa.Column("check_settings", sa.String, nullable=False),
    )
    op.create_table(
        "department",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("name", sa.String, nullable=False, unique=True),
        sa.Column("code", sa.String, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("department_id", sa.Integer,
                  sa.ForeignKey("department.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("code", sa.String, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.UniqueConstraint("department_id", "name"),
    )
    op.create_index("ix_unit_department_id", "unit", ["department_id"])
    op.create_table(
        "project",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("unit.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("code", sa.String, nullable=False),
        sa.Column("attribute", sa.String, nullable=False),
        sa.Column("period_start", sa.Integer),
        sa.Column("period_end", sa.Integer),
        *[sa.Column(name, sa.Text) for name in (
            "annual_total", "annual_fiscal", "annual_other",
            "midterm_total", "midterm_fiscal", "midterm_other")],
        sa.Column("annual_goal", sa.String, nullable=False),
        sa.Column("midterm_goal", sa.String, nullable=False),
        sa.Column("implementing_unit", sa.String, nullable=False),
        sa.Column("includes_transfer", sa.Boolean, nullable=False),
        sa.Column("source_ref", sa.String, nullable=False),
    )
    op.create_index("ix_project_unit_id", "project", ["unit_id"])
    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("project_id", sa.Integer,
                  sa.ForeignKey("project.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
        *[sa.Column(name, sa.String, nullable=False) for name in (
            "level1", "level2", "name", "nature", "comparator")],
        sa.Column("target", sa.Text),
        *[sa.Column(name, sa.String, nullable=False) for name in (
            "unit", "grade", "value_text", "basis", "explanation", "scoring")],
        sa.Column("weight", sa.Text),
        *[sa.Column(name, sa.String, nullable=False) for name in (
            "remark", "level1_source", "source_text", "source_ref")],
    )
    op.create_index("ix_indicator_project_id", "indicator", ["project_id"])
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("os_user", sa.String, nullable=False),
        sa.Column("operation", sa.String, nullable=False),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("entity", sa.String, nullable=False),
        sa.Column("entity_uuid", sa.String, nullable=False),
        sa.Column("field", sa.String, nullable=False),
        sa.Column("old", sa.String),
        sa.Column("new", sa.String),
    )


def _v2_service_recipients_and_project_list(op) -> None:
    """Version 2: mark projects without service recipients (REQ-03) and keep the budget's
    project list (HDR-05)."""
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("no_service_recipients", sa.Boolean, nullable=False,
                                   server_default=sa.false()))
    op.create_table(
        "reference_project",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit_name", sa.String, nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("code", sa.String, nullable=False),
    )


def _v3_review_comments(op) -> None:
    """Version 3: 审核意见, anchored to project/indicator UUIDs and a field name."""
    text = dict(nullable=False, server_default="")
    op.create_table(
        "review_comment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("project_uuid", sa.String, nullable=False, index=True),
        sa.Column("indicator_uuid", sa.String, **text),
        sa.Column("field", sa.String, **text),
        sa.Column("anchor_text", sa.String, **text),
        sa.Column("text", sa.String, nullable=False),
        sa.Column("rule", sa.String, **text),
        sa.Column("author", sa.String, **text),
        sa.Column("created_at", sa.String, **text),
        sa.Column("submission_id", sa.String, **text),
        sa.Column("status", sa.String, nullable=False, server_default="open"),
        sa.Column("reply_kind", sa.String, **text),
        sa.Column("reply", sa.String, **text),
        sa.Column("replied_by", sa.String, **text),
        sa.Column("replied_at", sa.String, **text),
        sa.Column("closed_at", sa.String, **text),
    )


def _v4_self_evaluation_and_department_whole(op) -> None:
    """Version 4: what a 绩效自评表 holds beside each target (the actual value, the score, the
    reason it fell short) and which table a project came from (自评表, 部门整体绩效目标表)."""
    with op.batch_alter_table("indicator") as batch:
        batch.add_column(sa.Column("actual", sa.String, nullable=False, server_default=""))
        batch.add_column(sa.Column("score", sa.Text))
        batch.add_column(sa.Column("shortfall", sa.String, nullable=False, server_default=""))
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("kind", sa.String, nullable=False, server_default=""))


def _v5_submissions(op) -> None:
    """Version 5: the dataset's kind (a unit's or a 主管部门's 汇总) and the task it was set
    up from, and the 报送记录: submissions sent (a unit) or received (a 主管部门)."""
    with op.batch_alter_table("dataset_info") as batch:
        batch.add_column(sa.Column("kind", sa.String, nullable=False, server_default="unit"))
        batch.add_column(sa.Column("task", sa.String, nullable=False, server_default="{}"))
    op.create_table(
        "submission",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("direction", sa.String, nullable=False),
        sa.Column("submission_id", sa.String, nullable=False),
        sa.Column("unit_name", sa.String, nullable=False),
        sa.Column("unit_code", sa.String, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("previous_id", sa.String, nullable=False),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("file", sa.String, nullable=False),
        sa.Column("sha256", sa.String, nullable=False),
        sa.Column("state", sa.String, nullable=False),
        sa.Column("manifest", sa.String, nullable=False),
        sa.Column("snapshot", sa.String, nullable=False),
        sa.UniqueConstraint("direction", "submission_id"),
    )


def _v6_funds_as_written(op) -> None:
    """Version 6: the funding cells as the table wrote them where that was no plain number
    (FUND-04 reports them at the field)."""
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("funds_text", sa.String, nullable=False, server_default=""))


def _v7_period_months(op) -> None:
    """Version 7: the months of 项目期's ends, where the table states them (2023.07–2024.01);
    a file from before keeps its periods as years (no months)."""
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("period_start_month", sa.Integer))
        batch.add_column(sa.Column("period_end_month", sa.Integer))


def _v8_budget_execution(op) -> None:
    """Version 8: what a 绩效自评表 states beside its budget: 年初预算数 and 全年执行数 of
    年度资金总额 and its 财政拨款 / 其他资金 rows, the row's 分值 and 得分, and the 年度总体目标's
    实际完成情况; a file from before has none of them (empty)."""
    with op.batch_alter_table("project") as batch:
        for name in ("initial_total", "initial_fiscal", "initial_other", "executed_total",
                     "executed_fiscal", "executed_other", "funds_weight", "funds_score"):
            batch.add_column(sa.Column(name, sa.Text))
        batch.add_column(sa.Column("goal_actual", sa.String, nullable=False, server_default=""))


def _v9_department_tasks(op) -> None:
    """Version 9: what a 部门整体绩效目标表 holds beyond a project's header: its 年度主要任务
    (年度履职目标) as rows of their own, the 项目支出 / 基本支出 split of the year's budget and
    the 部门职能职责概述."""
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("project_funds", sa.Text))
        batch.add_column(sa.Column("basic_funds", sa.Text))
        batch.add_column(sa.Column("duties", sa.String, nullable=False, server_default=""))
    op.create_table(
        "department_task",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("project_id", sa.Integer,
                  sa.ForeignKey("project.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        *[sa.Column(name, sa.String, nullable=False) for name in (
            "function", "name", "content", "item")],
        *[sa.Column(name, sa.Text) for name in ("total", "fiscal", "other")],
        sa.Column("source_ref", sa.String, nullable=False),
    )
    op.create_index("ix_department_task_project_id", "department_task", ["project_id"])


MIGRATIONS: tuple[tuple[int, str, Callable], ...] = (
    (1, "initial schema", _v1_initial),
    (2, "projects without service recipients; budget project list",
     _v2_service_recipients_and_project_list),
    (3, "review comments", _v3_review_comments),
    (4, "self-evaluation results; department-whole targets",
     _v4_self_evaluation_and_department_whole),
    (5, "dataset kind and task; submissions sent and received", _v5_submissions),
    (6, "funding cells as the table wrote them", _v6_funds_as_written),
    (7, "months of the project period", _v7_period_months),
    (8, "budget execution and goal as achieved of a self-evaluation", _v8_budget_execution),
    (9, "department-whole tasks and budget split", _v9_department_tasks),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def migrate(dbapi_connection, from_version: int, to_version: int = SCHEMA_VERSION) -> None:
    """Run the migrations after ``from_version`` up to ``to_version`` on a sqlite3 connection.

    The connection must have foreign keys off. Everything runs in one transaction: a failure
    leaves the file at ``from_version``.
    """
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    engine = sa.create_engine("sqlite://", creator=lambda: dbapi_connection,
                              poolclass=sa.pool.StaticPool)
    with engine.connect() as conn:
        conn.exec_driver_sql("BEGIN")
        try:
            op = Operations(MigrationContext.configure(conn, opts={"render_as_batch": True}))
            for version, _title, step in MIGRATIONS:
                if from_version < version <= to_version:
                    step(op)
                    conn.exec_driver_sql(f"PRAGMA user_version = {int(version)}")
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise
        conn.exec_driver_sql("COMMIT")
