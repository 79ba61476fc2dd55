"""Questionnaire and capillaroscopy responses, one row per item answer.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sscvisit.model import guards

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "instrument_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(length=24), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("completed_by", sa.String(length=12), nullable=False),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_instrument_responses_patient_id_patients"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_instrument_responses_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instrument_responses")),
    )
    with op.batch_alter_table("instrument_responses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_instrument_responses_patient_id"), ["patient_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_instrument_responses_visit_id"), ["visit_id"], unique=False
        )

    op.create_table(
        "item_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("text_value", sa.Text(), nullable=True),
        sa.Column("missing_reason", sa.String(length=16), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_item_answers_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["instrument_responses.id"],
            name=op.f("fk_item_answers_response_id_instrument_responses"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_answers")),
        sa.UniqueConstraint("response_id", "item", name=op.f("uq_item_answers_response_id")),
    )
    with op.batch_alter_table("item_answers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_item_answers_response_id"), ["response_id"], unique=False
        )
    for table in ("instrument_responses", "item_answers"):
        for statement in guards.no_delete(dialect, table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("study databases are never downgraded; restore a backup instead")
