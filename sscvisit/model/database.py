"""Engines, schema migrations and the checks made when a study database is opened."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseProblem(Exception):
    """The database cannot be opened; ``kind`` says why so the UI can say it plainly."""

    def __init__(self, kind: str, location: str, detail: str = "") -> None:
        self.kind = kind  # missing | read_only | locked | corrupt | too_new | unreachable
        self.location = location
        self.detail = detail
        super().__init__(f"{kind}: {location}" + (f" ({detail})" if detail else ""))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() != "wal":
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            log.warning("could not switch the database to WAL mode (read-only?)")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine with the pragmas the audit trail relies on (foreign keys, WAL, full sync)."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy (SQLite online backup) beside the database, named by time and revision."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.backup-{stamp}-{revision}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def _writable(path: Path) -> bool:
    """By permission bits and mount flags too, so it holds for root (who bypasses access())."""
    if not path.stat().st_mode & 0o222:
        return False
    if os.statvfs(path).f_flag & os.ST_RDONLY:
        return False
    return os.access(path, os.W_OK)


def _check_sqlite_file(path: Path, create: bool) -> None:
    location = str(path)
    if not path.exists():
        if not create:
            raise DatabaseProblem("missing", location)
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        return
    if not _writable(path) or not _writable(path.parent):
        raise DatabaseProblem("read_only", location)
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != b"SQLite format 3\x00":
        raise DatabaseProblem("corrupt", location, "not an SQLite database")


def open_database(url: str, *, create: bool = True) -> tuple[Engine, Path | None]:
    """Open (and if needed create or upgrade) a study database; return the engine and any backup.

    Raises DatabaseProblem for every situation a user can meet, so nothing crashes and nothing
    already saved is touched: a newer schema is refused, an older one is copied before upgrading.
    """
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path, create)
    location = str(path) if path is not None else make_url(url).render_as_string(hide_password=True)
    engine = make_engine(url)
    backup: Path | None = None
    try:
        revision = current_revision(engine)
        if revision is None:
            tables = set(inspect(engine).get_table_names())
            if tables:
                raise DatabaseProblem("corrupt", location, "tables without a schema version")
            upgrade(engine)
        elif revision not in known_revisions():
            raise DatabaseProblem("too_new", location, revision)
        elif revision != head_revision():
            if path is not None:
                backup = backup_sqlite(path, revision)
                log.info("backed up %s to %s before upgrading", path, backup)
            upgrade(engine)
        if path is not None:
            with engine.begin() as conn:
                result = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            if result != "ok":
                raise DatabaseProblem("corrupt", location, str(result))
    except DatabaseProblem:
        engine.dispose()
        raise
    except OperationalError as exc:
        engine.dispose()
        text = str(exc.orig).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseProblem("locked", location) from exc
        if "readonly" in text or "read-only" in text:
            raise DatabaseProblem("read_only", location) from exc
        if path is not None and ("not a database" in text or "malformed" in text):
            raise DatabaseProblem("corrupt", location, str(exc.orig)) from exc
        raise DatabaseProblem("unreachable", location, str(exc.orig)) from exc
    except DatabaseError as exc:
        engine.dispose()
        raise DatabaseProblem("corrupt", location, str(exc.orig)) from exc
    return engine, backup
