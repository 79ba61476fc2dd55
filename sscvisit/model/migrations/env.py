"""Alembic environment: the engine is handed in by sscvisit.model.database."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from sscvisit.model.entities import Base

engine = context.config.attributes["engine"]
assert isinstance(engine, Engine)
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
