"""Adverse events: the lab result an event was recorded from.

One nullable column on the adverse event (foreign key to the lab result, indexed), so a result
that suggested the event is shown as recorded instead of suggesting it again. SQLite adds a
foreign key by copying the table, which drops its triggers: the no-delete guard is made again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sscvisit.model import guards

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("adverse_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lab_result_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_adverse_events_lab_result_id"), ["lab_result_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_adverse_events_lab_result_id_lab_results"),
            "lab_results",
            ["lab_result_id"],
            ["id"],
        )
    if dialect == "sqlite":  # the copied table lost its trigger (PostgreSQL altered in place)
        for statement in guards.no_delete(dialect, "adverse_events"):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("study databases are never downgraded; restore a backup instead")
