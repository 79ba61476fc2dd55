"""The database fixtures hand out working, isolated databases for both backends."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import UserDirs
from tests.pgserver import PgServer


def _scalar(url: str, query: str) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(query)).scalar_one()
    finally:
        engine.dispose()


@pytest.mark.backends
def test_db_url_connects(db_url: str) -> None:
    assert _scalar(db_url, "select 1") == 1


def test_sqlite_url_is_a_fresh_file_in_tmp_path(sqlite_url: str, tmp_path: Path) -> None:
    url = make_url(sqlite_url)
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "study.sqlite3")
    assert not Path(url.database).exists()


def test_pg_url_is_a_fresh_database_per_call(pg_server: PgServer, pg_url: str) -> None:
    version = _scalar(pg_url, "show server_version_num")
    assert isinstance(version, str)
    assert int(version) >= 150000
    assert pg_server.server_version() == int(version)

    other = pg_server.create_database()
    try:
        assert make_url(other).database != make_url(pg_url).database
        assert _scalar(other, "select current_database()") == make_url(other).database
        # Fresh means empty: no tables left over from another test.
        count = _scalar(pg_url, "select count(*) from pg_tables where schemaname = 'public'")
        assert count == 0
    finally:
        pg_server.drop_database(other)


def test_user_dirs_are_isolated(user_dirs: UserDirs) -> None:
    for name, path in [
        ("HOME", user_dirs.home),
        ("XDG_DATA_HOME", user_dirs.data),
        ("XDG_CONFIG_HOME", user_dirs.config),
        ("XDG_STATE_HOME", user_dirs.state),
        ("XDG_CACHE_HOME", user_dirs.cache),
        ("XDG_RUNTIME_DIR", user_dirs.runtime),
    ]:
        assert os.environ[name] == str(path)
        assert path.is_dir()
    assert Path.home() == user_dirs.home
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
