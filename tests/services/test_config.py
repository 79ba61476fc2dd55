"""Workstation preferences: where the database is, which language; safe with bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sscvisit import cli
from sscvisit.services import config


def test_default_database_is_a_file_in_the_user_data_folder(tmp_path: Path) -> None:
    url = config.load_preferences().effective_db_url
    assert url == f"sqlite:///{config.data_dir() / 'study.sqlite3'}"


def test_preferences_file_selects_the_database_and_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shared" / "trial.sqlite3"
    config.save_preferences(config.Preferences(language="nl", database_url=f"sqlite:///{target}"))
    prefs = config.load_preferences()
    assert prefs.language == "nl"
    assert prefs.effective_db_url == f"sqlite:///{target}"
    # The command line uses it when --db is not given.
    password = tmp_path / "pw"
    password.write_text("first-admin-password", encoding="utf-8")
    assert cli.main(["init", "--admin-password-file", str(password)]) == 0
    assert target.exists()
    assert str(target) in capsys.readouterr().out


def test_environment_variable_is_used_when_no_preference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSCVISIT_DB", "postgresql+psycopg://study@db.example/ssc")
    assert config.load_preferences().effective_db_url.startswith("postgresql+psycopg://")


def test_unreadable_or_foreign_preferences_fall_back_to_defaults() -> None:
    path = config.prefs_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    assert config.load_preferences() == config.Preferences()
    path.write_text(json.dumps({"language": "fr", "unknown": 1, "version": 0}), encoding="utf-8")
    prefs = config.load_preferences()
    assert prefs.language == "en"
    assert prefs.version == config.PREFS_VERSION


def test_db_argument_accepts_a_plain_path(tmp_path: Path) -> None:
    assert config.url_from_argument(str(tmp_path / "x.sqlite3")) == (
        f"sqlite:///{tmp_path / 'x.sqlite3'}"
    )
    assert config.url_from_argument("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"
