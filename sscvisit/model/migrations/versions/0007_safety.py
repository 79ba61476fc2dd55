"""Injection, vital signs, adverse events, labs, biomarkers, medication and visit form states.

The safety issue's tables: the one injection per patient, vital signs per visit time point, the
adverse event log with the ICH E2A seriousness criteria and SAE reporting times, lab results with
their WHO grade, biomarker results, concomitant medication, and a visit form's "done / not done"
state for forms without data of their own.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sscvisit.model import guards

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = (
    "injections",
    "vital_signs",
    "adverse_events",
    "lab_results",
    "biomarker_results",
    "concomitant_medications",
    "visit_form_states",
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "concomitant_medications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("drug", sa.String(length=120), nullable=False),
        sa.Column("dose", sa.String(length=80), nullable=True),
        sa.Column("route", sa.String(length=10), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("stop_date", sa.Date(), nullable=True),
        sa.Column("ongoing", sa.Boolean(), nullable=False),
        sa.Column("indication", sa.String(length=200), nullable=True),
        sa.Column("prostacyclin", sa.Boolean(), nullable=False),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_concomitant_medications_patient_id_patients"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concomitant_medications")),
    )
    op.create_index(
        op.f("ix_concomitant_medications_patient_id"),
        "concomitant_medications",
        ["patient_id"],
        unique=False,
    )
    op.create_table(
        "adverse_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=200), nullable=False),
        sa.Column("meddra_code", sa.String(length=8), nullable=True),
        sa.Column("onset_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("ongoing", sa.Boolean(), nullable=False),
        sa.Column("intensity", sa.String(length=10), nullable=False),
        sa.Column("who_grade", sa.Integer(), nullable=False),
        sa.Column("relation_product", sa.String(length=12), nullable=False),
        sa.Column("relation_procedure", sa.String(length=12), nullable=False),
        sa.Column("action_taken", sa.String(length=12), nullable=False),
        sa.Column("outcome", sa.String(length=14), nullable=False),
        sa.Column("serious_death", sa.Boolean(), nullable=False),
        sa.Column("serious_life_threatening", sa.Boolean(), nullable=False),
        sa.Column("serious_hospitalisation", sa.Boolean(), nullable=False),
        sa.Column("serious_disability", sa.Boolean(), nullable=False),
        sa.Column("serious_congenital", sa.Boolean(), nullable=False),
        sa.Column("serious_important", sa.Boolean(), nullable=False),
        sa.Column("aware_at", sa.DateTime(), nullable=True),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.Column("late_reason", sa.Text(), nullable=True),
        sa.Column("immediate_reaction", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_adverse_events_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_adverse_events_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adverse_events")),
        sa.UniqueConstraint("patient_id", "number", name=op.f("uq_adverse_events_patient_id")),
    )
    op.create_index(
        op.f("ix_adverse_events_patient_id"), "adverse_events", ["patient_id"], unique=False
    )
    op.create_index(
        op.f("ix_adverse_events_visit_id"), "adverse_events", ["visit_id"], unique=False
    )
    op.create_table(
        "biomarker_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("analyte", sa.String(length=24), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("sample_date", sa.Date(), nullable=False),
        sa.Column("assay", sa.String(length=120), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_biomarker_results_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_biomarker_results_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_biomarker_results")),
        sa.UniqueConstraint("visit_id", "analyte", name=op.f("uq_biomarker_results_visit_id")),
    )
    op.create_index(
        op.f("ix_biomarker_results_patient_id"), "biomarker_results", ["patient_id"], unique=False
    )
    op.create_index(
        op.f("ix_biomarker_results_visit_id"), "biomarker_results", ["visit_id"], unique=False
    )
    op.create_table(
        "injections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("injected_at", sa.DateTime(), nullable=False),
        sa.Column("batch_number", sa.String(length=40), nullable=False),
        sa.Column("batch_release_date", sa.Date(), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("total_cells_million", sa.Float(), nullable=False),
        sa.Column("dose_per_kg", sa.Float(), nullable=False),
        sa.Column("volume_ml", sa.Float(), nullable=False),
        sa.Column("injection_sites", sa.Integer(), nullable=False),
        sa.Column("muscles", sa.String(length=200), nullable=False),
        sa.Column("operator", sa.String(length=200), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_injections_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_injections_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_injections")),
        sa.UniqueConstraint("patient_id", name=op.f("uq_injections_patient_id")),
        sa.UniqueConstraint("visit_id", name=op.f("uq_injections_visit_id")),
    )
    op.create_table(
        "lab_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("analyte", sa.String(length=24), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("lower_limit", sa.Float(), nullable=True),
        sa.Column("upper_limit", sa.Float(), nullable=True),
        sa.Column("sample_date", sa.Date(), nullable=False),
        sa.Column("who_grade", sa.Integer(), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_lab_results_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_lab_results_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_results")),
        sa.UniqueConstraint("visit_id", "analyte", name=op.f("uq_lab_results_visit_id")),
    )
    op.create_index(op.f("ix_lab_results_patient_id"), "lab_results", ["patient_id"], unique=False)
    op.create_index(op.f("ix_lab_results_visit_id"), "lab_results", ["visit_id"], unique=False)
    op.create_table(
        "visit_form_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=24), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("not_done_reason", sa.Text(), nullable=True),
        sa.Column("checked_by", sa.String(length=64), nullable=False),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_visit_form_states_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_visit_form_states_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_form_states")),
        sa.UniqueConstraint("visit_id", "form", name=op.f("uq_visit_form_states_visit_id")),
    )
    op.create_index(
        op.f("ix_visit_form_states_patient_id"), "visit_form_states", ["patient_id"], unique=False
    )
    op.create_index(
        op.f("ix_visit_form_states_visit_id"), "visit_form_states", ["visit_id"], unique=False
    )
    op.create_table(
        "vital_signs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("timepoint", sa.String(length=16), nullable=False),
        sa.Column("measured_at", sa.DateTime(), nullable=False),
        sa.Column("systolic_mmhg", sa.Integer(), nullable=False),
        sa.Column("diastolic_mmhg", sa.Integer(), nullable=False),
        sa.Column("heart_rate_bpm", sa.Integer(), nullable=False),
        sa.Column("temperature_c", sa.Float(), nullable=False),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_vital_signs_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_vital_signs_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vital_signs")),
        sa.UniqueConstraint("visit_id", "timepoint", name=op.f("uq_vital_signs_visit_id")),
    )
    op.create_index(op.f("ix_vital_signs_patient_id"), "vital_signs", ["patient_id"], unique=False)
    op.create_index(op.f("ix_vital_signs_visit_id"), "vital_signs", ["visit_id"], unique=False)
    for table in TABLES:
        for statement in guards.no_delete(dialect, table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("study databases are never downgraded; restore a backup instead")
