"""Screening: the capillaroscopy result behind the ACR/EULAR "abnormal capillaries" finding.

Two nullable columns on the screening record: the assessor's overall pattern and its date.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("screenings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("capillaroscopy_pattern", sa.String(length=10), nullable=True)
        )
        batch_op.add_column(sa.Column("capillaroscopy_date", sa.Date(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("study databases are never downgraded; restore a backup instead")
