"""Accounts, study settings and the append-only audit trail.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from sscvisit.model import guards

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("created_utc", sa.String(32), nullable=False),
        sa.Column("last_login_utc", sa.String(32), nullable=True),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "study_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_settings")),
        sa.UniqueConstraint("key", name=op.f("uq_study_settings_key")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("timestamp_utc", sa.String(32), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("table_name", sa.String(64), nullable=True),
        sa.Column("record_id", sa.String(64), nullable=True),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(64), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_log_hash")),
    )
    op.create_index(op.f("ix_audit_log_patient_id"), "audit_log", ["patient_id"])
    for statement in [
        *guards.append_only(dialect, "audit_log"),
        *guards.no_delete(dialect, "users"),
        *guards.no_delete(dialect, "study_settings"),
    ]:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("study databases are never downgraded; restore a backup instead")
