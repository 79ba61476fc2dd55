"""Digital ulcers: the per-visit ulcer map, each ulcer, its observations and photos.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sscvisit.model import guards

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "ulcer_maps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_ulcer_maps_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_ulcer_maps_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ulcer_maps")),
        sa.UniqueConstraint("visit_id", name=op.f("uq_ulcer_maps_visit_id")),
    )
    with op.batch_alter_table("ulcer_maps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ulcer_maps_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "ulcers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("hand", sa.String(length=1), nullable=False),
        sa.Column("finger", sa.String(length=2), nullable=False),
        sa.Column("site", sa.String(length=12), nullable=False),
        sa.Column("first_visit_id", sa.Integer(), nullable=False),
        sa.Column("recurrence_of_id", sa.Integer(), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["first_visit_id"], ["visits.id"], name=op.f("fk_ulcers_first_visit_id_visits")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_ulcers_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["recurrence_of_id"], ["ulcers.id"], name=op.f("fk_ulcers_recurrence_of_id_ulcers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ulcers")),
    )
    with op.batch_alter_table("ulcers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ulcers_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "ulcer_observations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ulcer_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("length_mm", sa.Float(), nullable=True),
        sa.Column("width_mm", sa.Float(), nullable=True),
        sa.Column("area_mm2", sa.Float(), nullable=True),
        sa.Column("depth", sa.String(length=12), nullable=True),
        sa.Column("infection", sa.Boolean(), nullable=False),
        sa.Column("on_calcinosis", sa.Boolean(), nullable=False),
        sa.Column("on_pitting_scar", sa.Boolean(), nullable=False),
        sa.Column("gangrene", sa.Boolean(), nullable=False),
        sa.Column("pain_vas", sa.Float(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_ulcer_observations_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["ulcer_id"], ["ulcers.id"], name=op.f("fk_ulcer_observations_ulcer_id_ulcers")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_ulcer_observations_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ulcer_observations")),
        sa.UniqueConstraint("ulcer_id", "visit_id", name=op.f("uq_ulcer_observations_ulcer_id")),
    )
    with op.batch_alter_table("ulcer_observations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ulcer_observations_patient_id"), ["patient_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ulcer_observations_ulcer_id"), ["ulcer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ulcer_observations_visit_id"), ["visit_id"], unique=False
        )

    op.create_table(
        "ulcer_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("observation_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["observation_id"],
            ["ulcer_observations.id"],
            name=op.f("fk_ulcer_photos_observation_id_ulcer_observations"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_ulcer_photos_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ulcer_photos")),
    )
    with op.batch_alter_table("ulcer_photos", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ulcer_photos_observation_id"), ["observation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ulcer_photos_patient_id"), ["patient_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_ulcer_photos_sha256"), ["sha256"], unique=False)
    for table in ("ulcer_maps", "ulcers", "ulcer_observations", "ulcer_photos"):
        for statement in guards.no_delete(dialect, table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("study databases are never downgraded; restore a backup instead")
