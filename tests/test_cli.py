"""The command line: init, verify-db, demo, and the module entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from sscvisit import __version__, cli
from sscvisit.model import guards
from sscvisit.services import auth, demo
from sscvisit.services.study import Study


def _password_file(tmp_path: Path, password: str = "first-admin-password") -> Path:  # noqa: S107
    path = tmp_path / "pw.txt"
    path.write_text(password + "\n", encoding="utf-8")
    return path


def test_init_creates_study_and_first_administrator(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(
        ["init", "--db", db_url, "--admin-password-file", str(_password_file(tmp_path))]
    )
    assert code == 0
    assert "administrator 'admin'" in capsys.readouterr().out
    study = Study.open(db_url, create=False)
    try:
        admin = auth.login(study, "admin", "first-admin-password")
        assert admin.role == "admin"
    finally:
        study.close()
    again = cli.main(
        ["init", "--db", db_url, "--admin-password-file", str(_password_file(tmp_path))]
    )
    assert again == 2
    assert "already has users" in capsys.readouterr().err


def test_init_without_terminal_or_file_refuses(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert cli.main(["init", "--db", sqlite_url]) == 2
    assert "--admin-password-file" in capsys.readouterr().err


def test_init_refuses_a_short_password(sqlite_url: str, tmp_path: Path) -> None:
    assert (
        cli.main(
            [
                "init",
                "--db",
                sqlite_url,
                "--admin-password-file",
                str(_password_file(tmp_path, "short")),
            ]
        )
        == 2
    )


def test_verify_db_passes_then_names_the_forged_row(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    study = Study.open(db_url)
    demo.create_demo(study, patient_count=4)
    engine = study.engine
    assert cli.main(["verify-db", "--db", db_url]) == 0
    assert capsys.readouterr().out.startswith("OK: audit trail intact")
    with engine.begin() as conn:
        for statement in guards.drop_append_only(engine.dialect.name, "audit_log"):
            conn.execute(text(statement))
        conn.execute(text("UPDATE audit_log SET username = 'mallory' WHERE id = 7"))
    study.close()
    assert cli.main(["verify-db", "--db", db_url]) == 1
    assert "audit row 7" in capsys.readouterr().err


def test_verify_db_on_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["verify-db", "--db", str(tmp_path / "nothing.sqlite3")]) == 2
    assert "missing" in capsys.readouterr().err


def test_demo_no_gui_creates_a_deterministic_study(tmp_path: Path) -> None:
    first = tmp_path / "a.sqlite3"
    second = tmp_path / "b.sqlite3"
    assert cli.main(["demo", "--db", str(first), "--no-gui", "--patients", "6"]) == 0
    assert cli.main(["demo", "--db", str(second), "--no-gui", "--patients", "6"]) == 0
    from sscvisit.services import patients

    rows = []
    for path in (first, second):
        study = Study.open(f"sqlite:///{path}", create=False)
        nurse = demo.login_demo(study)
        rows.append(
            [
                (r.subject_number, r.identity, r.birth_year, r.voided)
                for r in patients.list_patients(study, nurse)
            ]
        )
        study.close()
    assert rows[0] == rows[1]
    assert len(rows[0]) == 6
    assert any(voided for *_rest, voided in rows[0])


def test_module_entry_point_reports_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sscvisit", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"sscvisit {__version__}"
