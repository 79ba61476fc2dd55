"""Opening study databases: creation at head, upgrade with backup, and every refusal."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from sscvisit.model import database
from sscvisit.model.database import DatabaseProblem
from sscvisit.model.entities import Base
from sscvisit.services import auth, patients
from sscvisit.services.study import Study
from tests.studyfixtures import register_patient


def test_new_database_is_created_at_head_matching_the_models(db_url: str) -> None:
    study = Study.open(db_url)
    try:
        assert database.current_revision(study.engine) == database.head_revision()
        with study.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        study.close()


def test_sqlite_connections_use_wal_full_sync_and_foreign_keys(sqlite_url: str) -> None:
    study = Study.open(sqlite_url)
    try:
        with study.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        study.close()


def test_upgrade_from_first_revision_keeps_data_and_backs_up(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = database.make_engine(url)
    database.upgrade(engine, "0001")
    engine.dispose()
    # A study from the first release: an administrator exists, no patient registry yet.
    with sqlite3.connect(tmp_path / "old.sqlite3") as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "users" in tables
    assert "patients" not in tables
    # The first release's own code path: an administrator created on the 0001 schema.
    engine = database.make_engine(url)
    first_release = Study(engine, str(tmp_path / "old.sqlite3"))
    auth.create_first_admin(first_release, "admin", "Ada Admin", "admin-password-1")
    first_release.close()
    assert database.current_revision(database.make_engine(url)) == "0001"

    study = Study.open(url)
    try:
        assert database.current_revision(study.engine) == database.head_revision()
        assert study.backup is not None
        assert study.backup.exists()
        assert "-0001" in study.backup.name
        admin = auth.login(study, "admin", "admin-password-1")
        assert admin.role == "admin"
        nurse = auth.create_user(study, admin, "nurse", "N", "nurse", "nurse-password-1")
        nurse = auth.login(study, "nurse", "nurse-password-1")
        assert register_patient(study, nurse).subject_number == "SSC-001"
    finally:
        study.close()
    with sqlite3.connect(study.backup) as conn:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        users = conn.execute("SELECT username FROM users").fetchall()
    assert version == "0001"
    assert users == [("admin",)]


def test_upgrade_from_first_revision_on_both_backends(db_url: str) -> None:
    engine = database.make_engine(db_url)
    database.upgrade(engine, "0001")
    engine.dispose()
    study = Study.open(db_url)
    try:
        assert database.current_revision(study.engine) == database.head_revision()
        with study.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        study.close()


def test_missing_file_is_reported_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(DatabaseProblem) as caught:
        Study.open(f"sqlite:///{tmp_path / 'absent.sqlite3'}", create=False)
    assert caught.value.kind == "missing"


def test_corrupt_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(b"this is not a database at all, just text" * 50)
    with pytest.raises(DatabaseProblem) as caught:
        Study.open(f"sqlite:///{path}")
    assert caught.value.kind == "corrupt"
    assert path.read_bytes().startswith(b"this is not")  # untouched


def test_newer_schema_is_refused_untouched(sqlite_url: str) -> None:
    Study.open(sqlite_url).close()
    engine = database.make_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(DatabaseProblem) as caught:
        Study.open(sqlite_url)
    assert caught.value.kind == "too_new"
    assert caught.value.detail == "9999_future"


def test_read_only_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "ro" / "study.sqlite3"
    path.parent.mkdir()
    Study.open(f"sqlite:///{path}").close()
    for extra in path.parent.iterdir():
        extra.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        with pytest.raises(DatabaseProblem) as caught:
            Study.open(f"sqlite:///{path}")
        assert caught.value.kind == "read_only"
    finally:
        path.parent.chmod(0o755)


def test_locked_database_is_reported(sqlite_url: str, tmp_path: Path) -> None:
    Study.open(sqlite_url).close()
    other = sqlite3.connect(tmp_path / "study.sqlite3", timeout=0)
    other.execute("PRAGMA journal_mode=DELETE").fetchone()
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseProblem) as caught:
            Study.open(sqlite_url)
        assert caught.value.kind == "locked"
    finally:
        other.rollback()
        other.close()


def test_two_workstations_saving_one_record_get_a_conflict(study_users: object) -> None:
    from sscvisit.services.errors import ConflictError
    from tests.studyfixtures import StudyWithUsers

    assert isinstance(study_users, StudyWithUsers)
    nurse = study_users.users["nurse"]
    row = register_patient(study_users.study, nurse)
    patients.update_patient(
        study_users.study,
        nurse,
        row.id,
        {"consent_version": "v2.2"},
        "corrected",
        expected_version=row.version,
    )
    with pytest.raises(ConflictError):
        patients.update_patient(
            study_users.study,
            nurse,
            row.id,
            {"consent_version": "v2.3"},
            "corrected again",
            expected_version=row.version,
        )
    assert patients.get_patient(study_users.study, nurse, row.id).consent_version == "v2.2"


def test_today_is_local_date() -> None:
    from sscvisit.services.clock import today

    assert today() == dt.datetime.now().astimezone().date()


def test_every_recorded_data_table_refuses_deletes_at_head(db_url: str) -> None:
    """Migrations that copy a table (SQLite batch mode) must not lose its no-delete guard."""
    from sscvisit.model.entities import AuditedMixin

    audited = sorted(
        mapper.local_table.name
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, AuditedMixin)
    )
    study = Study.open(db_url)
    try:
        with study.engine.connect() as conn:
            if study.backend == "sqlite":
                sql = "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name = :n"
            else:
                sql = (
                    "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE t.tgname = :n"
                )
            guarded = [
                table
                for table in audited
                if conn.execute(text(sql), {"n": f"{table}_no_delete"}).scalar() == table
            ]
        assert guarded == audited
        assert "adverse_events" in audited  # rebuilt by migration 0008 on SQLite
    finally:
        study.close()
