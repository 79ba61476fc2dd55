"""Shared fixtures: isolated user folders, and a database URL for each backend.

QT_QPA_PLATFORM is set here, at import, because Qt reads it once when the first QGuiApplication is
made; conftest is imported before any test module can import PySide6.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from sscvisit.services.dto import UserInfo
from sscvisit.services.study import Study
from tests.pgserver import PgServer
from tests.studyfixtures import (
    StudyWithUsers,
    make_study,
)  # psycopg and SQLAlchemy only: nothing here loads Qt

os.environ["QT_QPA_PLATFORM"] = "offscreen"


@dataclass(frozen=True)
class UserDirs:
    """The per-test folders that stand in for the user's home and XDG folders."""

    home: Path
    data: Path
    config: Path
    state: Path
    cache: Path
    runtime: Path


@pytest.fixture(autouse=True)
def user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> UserDirs:
    """Point HOME and the XDG folders at fresh per-test folders.

    platformdirs (and Qt's QStandardPaths) resolve the application's data, settings, logs and
    caches from these, so no test reads or writes the real user's study database or settings.
    The folders live outside tmp_path so a test's own tmp_path stays empty for it.
    """
    root = tmp_path_factory.mktemp("user")
    dirs = UserDirs(
        home=root / "home",
        data=root / "data",
        config=root / "config",
        state=root / "state",
        cache=root / "cache",
        runtime=root / "runtime",
    )
    for path in (dirs.home, dirs.data, dirs.config, dirs.state, dirs.cache, dirs.runtime):
        path.mkdir(mode=0o700)
        path.chmod(0o700)  # Qt warns (a test failure here) unless XDG_RUNTIME_DIR is 0700
    monkeypatch.setenv("HOME", str(dirs.home))
    monkeypatch.setenv("XDG_DATA_HOME", str(dirs.data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(dirs.config))
    monkeypatch.setenv("XDG_STATE_HOME", str(dirs.state))
    monkeypatch.setenv("XDG_CACHE_HOME", str(dirs.cache))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(dirs.runtime))
    return dirs


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL server for the whole run, started only when a test first asks for it.

    Private throw-away cluster, or the server named by SSCVISIT_TEST_PG_URL. If neither can be
    had the requesting tests error out: PostgreSQL is required, never skipped.
    """
    with PgServer() as server:
        yield server


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """SQLAlchemy URL of a fresh SQLite file (not yet created) in the test's own folder."""
    return f"sqlite:///{tmp_path / 'study.sqlite3'}"


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """SQLAlchemy URL of a fresh, empty PostgreSQL database for this test alone."""
    url = pg_server.create_database()
    yield url
    if pg_server.external:
        # A private server is deleted whole at the end; a shared one must not fill up.
        pg_server.drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """A fresh database URL; each test using it runs once per backend.

    The PostgreSQL server starts only when a postgresql variant actually runs (so `-k sqlite`
    never needs it).
    """
    fixture = "sqlite_url" if request.param == "sqlite" else "pg_url"
    url: str = request.getfixturevalue(fixture)
    return url


@dataclass(frozen=True)
class StudyTemplate:
    """A study database built once per run; tests get their own copy of it."""

    location: str  # SQLite file path, or PostgreSQL database name
    users: dict[str, UserInfo]


def _build_template(url: str) -> dict[str, UserInfo]:
    made = make_study(url)
    made.study.close()
    return made.users


@pytest.fixture(scope="session")
def sqlite_study_template(tmp_path_factory: pytest.TempPathFactory) -> StudyTemplate:
    path = tmp_path_factory.mktemp("template") / "study.sqlite3"
    return StudyTemplate(str(path), _build_template(f"sqlite:///{path}"))


@pytest.fixture(scope="session")
def pg_study_template(pg_server: PgServer) -> StudyTemplate:
    url = pg_server.create_database()
    users = _build_template(url)
    name = make_url(url).database
    assert name is not None
    return StudyTemplate(name, users)


def open_copy(template: StudyTemplate, target: Path) -> StudyWithUsers:
    """A private copy of the SQLite template (SQLite's online backup, so WAL content is kept)."""
    source = sqlite3.connect(template.location)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return StudyWithUsers(Study.open(f"sqlite:///{target}", create=False), dict(template.users))


@pytest.fixture
def sqlite_study_users(
    sqlite_study_template: StudyTemplate, tmp_path: Path
) -> Iterator[StudyWithUsers]:
    """A real SQLite study file in this test's folder, with one user per role."""
    made = open_copy(sqlite_study_template, tmp_path / "study.sqlite3")
    yield made
    made.study.close()


@pytest.fixture
def pg_study_users(
    pg_server: PgServer, pg_study_template: StudyTemplate
) -> Iterator[StudyWithUsers]:
    """A fresh PostgreSQL database copied from the template, with one user per role."""
    url = pg_server.create_database(template=pg_study_template.location)
    made = StudyWithUsers(Study.open(url, create=False), dict(pg_study_template.users))
    yield made
    made.study.close()
    if pg_server.external:
        pg_server.drop_database(url)
