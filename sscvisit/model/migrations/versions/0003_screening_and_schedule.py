"""Screening and eligibility, enrolment, and the visit schedule.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sscvisit.model import guards

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "screenings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("screening_date", sa.Date(), nullable=False),
        sa.Column("inc1", sa.String(length=14), nullable=True),
        sa.Column("inc1_source", sa.Text(), nullable=True),
        sa.Column("inc2", sa.String(length=14), nullable=True),
        sa.Column("inc2_source", sa.Text(), nullable=True),
        sa.Column("inc3", sa.String(length=14), nullable=True),
        sa.Column("inc3_source", sa.Text(), nullable=True),
        sa.Column("inc4", sa.String(length=14), nullable=True),
        sa.Column("inc4_source", sa.Text(), nullable=True),
        sa.Column("exc1", sa.String(length=14), nullable=True),
        sa.Column("exc1_source", sa.Text(), nullable=True),
        sa.Column("exc2", sa.String(length=14), nullable=True),
        sa.Column("exc2_source", sa.Text(), nullable=True),
        sa.Column("exc3", sa.String(length=14), nullable=True),
        sa.Column("exc3_source", sa.Text(), nullable=True),
        sa.Column("exc4", sa.String(length=14), nullable=True),
        sa.Column("exc4_source", sa.Text(), nullable=True),
        sa.Column("exc5", sa.String(length=14), nullable=True),
        sa.Column("exc5_source", sa.Text(), nullable=True),
        sa.Column("exc6", sa.String(length=14), nullable=True),
        sa.Column("exc6_source", sa.Text(), nullable=True),
        sa.Column("exc7", sa.String(length=14), nullable=True),
        sa.Column("exc7_source", sa.Text(), nullable=True),
        sa.Column("acr_na_spares_fingers", sa.Boolean(), nullable=False),
        sa.Column("acr_na_other_disorder", sa.Boolean(), nullable=False),
        sa.Column("acr_findings", sa.Text(), nullable=False),
        sa.Column("acr_score", sa.Integer(), nullable=True),
        sa.Column("inc2_override_reason", sa.Text(), nullable=True),
        sa.Column("ulcer_hand", sa.String(length=1), nullable=True),
        sa.Column("ulcer_finger", sa.String(length=2), nullable=True),
        sa.Column("ulcer_site", sa.String(length=12), nullable=True),
        sa.Column("prostacyclin_start", sa.Date(), nullable=True),
        sa.Column("prostacyclin_end", sa.Date(), nullable=True),
        sa.Column("refractory_rule", sa.String(length=20), nullable=True),
        sa.Column("recurrence_date", sa.Date(), nullable=True),
        sa.Column("result", sa.String(length=14), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("assessed_by", sa.String(length=64), nullable=False),
        sa.Column("confirmed_by", sa.String(length=64), nullable=True),
        sa.Column("confirmed_utc", sa.String(length=32), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_screenings_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screenings")),
    )
    with op.batch_alter_table("screenings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_screenings_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("visit_code", sa.String(length=24), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=True),
        sa.Column("missed_reason", sa.Text(), nullable=True),
        sa.Column("deviation_reason", sa.Text(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_visits_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visits_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "enrolments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("planned_injection_date", sa.Date(), nullable=False),
        sa.Column("protocol_version", sa.String(length=40), nullable=False),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_enrolments_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"], ["screenings.id"], name=op.f("fk_enrolments_screening_id_screenings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolments")),
        sa.UniqueConstraint("patient_id", name=op.f("uq_enrolments_patient_id")),
    )
    for table in ("screenings", "enrolments", "visits"):
        for statement in guards.no_delete(dialect, table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("study databases are never downgraded; restore a backup instead")
