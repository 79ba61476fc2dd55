"""Database triggers that keep recorded data from being erased, whatever program connects.

The audit table refuses UPDATE and DELETE; recorded-data tables refuse DELETE (records are voided
instead). The services refuse these too, but the triggers also stop a raw SQL client.
"""

from __future__ import annotations

APPEND_ONLY_MESSAGE = "audit_log is append-only"
NO_DELETE_MESSAGE = "recorded data is never deleted; void it with a reason"


def append_only(dialect: str, table: str) -> list[str]:
    if dialect == "sqlite":
        return [
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END",
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END",
        ]
    return [
        f"CREATE OR REPLACE FUNCTION {table}_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}'; END $$",
        f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_refuse()",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_refuse()",
    ]


def no_delete(dialect: str, table: str) -> list[str]:
    if dialect == "sqlite":
        return [
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{NO_DELETE_MESSAGE}'); END",
        ]
    return [
        f"CREATE OR REPLACE FUNCTION {table}_refuse_delete() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{NO_DELETE_MESSAGE}'; END $$",
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_refuse_delete()",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_refuse_delete()",
    ]


def drop_append_only(dialect: str, table: str) -> list[str]:
    """Only for tests that prove verify-db catches a row edited behind the application's back."""
    if dialect == "sqlite":
        return [f"DROP TRIGGER {table}_no_update", f"DROP TRIGGER {table}_no_delete"]
    return [
        f"DROP TRIGGER {table}_no_change ON {table}",
        f"DROP TRIGGER {table}_no_truncate ON {table}",
    ]
