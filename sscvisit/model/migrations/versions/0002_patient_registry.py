"""Patient registry: pseudonymous subjects and their separately kept identities.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sscvisit.model import guards

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_number", sa.String(16), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=False),
        sa.Column("consent_version", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_utc", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
        sa.UniqueConstraint("subject_number", name=op.f("uq_patients_subject_number")),
    )
    op.create_table(
        "identities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("family_name", sa.String(100), nullable=False),
        sa.Column("given_names", sa.String(100), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("hospital_number", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_identities_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identities")),
        sa.UniqueConstraint("patient_id", name=op.f("uq_identities_patient_id")),
        sa.UniqueConstraint("hospital_number", name=op.f("uq_identities_hospital_number")),
    )
    for statement in [
        *guards.no_delete(dialect, "patients"),
        *guards.no_delete(dialect, "identities"),
    ]:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("study databases are never downgraded; restore a backup instead")
