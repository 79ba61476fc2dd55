"""Logging, the crash dialog, and the messages for a database that cannot be opened."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sscvisit.services import config
from sscvisit.services.study import DatabaseProblem
from sscvisit.ui import errors
from sscvisit.ui.errors import (
    CrashDialog,
    database_problem_message,
    install_excepthook,
    setup_logging,
    show_database_problem,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

KINDS = ("missing", "read_only", "locked", "corrupt", "too_new", "unreachable")


@pytest.fixture
def log_file() -> Iterator[Path]:
    path = setup_logging()
    yield path
    errors.shutdown_logging()


def test_setup_logging_writes_to_the_user_log_folder(log_file: Path) -> None:
    assert log_file == config.log_dir() / "sscvisit.log"
    logging.getLogger("sscvisit.test").warning("a line for the log")
    assert errors.log_path() == log_file
    assert "a line for the log" in log_file.read_text(encoding="utf-8")


def test_setup_logging_twice_keeps_one_handler(log_file: Path) -> None:
    setup_logging()
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler)]
    assert [h.baseFilename for h in ours].count(str(log_file)) == 1


def test_the_log_rotates(log_file: Path) -> None:
    handler = next(
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    )
    assert handler.maxBytes == 1_000_000
    assert handler.backupCount == 5


def test_excepthook_logs_the_traceback_and_shows_the_crash_dialog(
    qtbot: QtBot, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    hook = install_excepthook()
    assert sys.excepthook is hook

    def broken() -> None:
        raise RuntimeError("the unexpected happened")

    try:
        broken()
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)

    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text
    assert "RuntimeError: the unexpected happened" in text
    assert "in broken" in text

    assert len(hook.dialogs) == 1
    dialog = hook.dialogs[0]  # deletes itself when closed, so not given to qtbot.addWidget
    assert isinstance(dialog, CrashDialog)
    assert dialog.isVisible()
    assert "the unexpected happened" in dialog.message_label.text()
    assert str(log_file) in dialog.log_label.text()
    assert "in broken" in dialog.details_view.toPlainText()
    dialog.copy_details()
    clipboard = QApplication.clipboard()
    assert clipboard is not None
    assert "in broken" in clipboard.text()
    with qtbot.waitSignal(dialog.finished):
        dialog.close_button.click()
    assert hook.dialogs == []


def test_keyboard_interrupt_is_not_a_crash(
    log_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    hook = install_excepthook()
    hook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert hook.dialogs == []
    assert "KeyboardInterrupt" in capsys.readouterr().err


def test_each_database_problem_has_its_own_message() -> None:
    texts = {
        kind: database_problem_message(DatabaseProblem(kind, "/x/study.sqlite3")) for kind in KINDS
    }
    assert all(texts.values())
    assert len(set(texts.values())) == len(KINDS)
    assert all("/x/study.sqlite3" in text for text in texts.values())
    unknown = database_problem_message(DatabaseProblem("something_else", "/x/study.sqlite3"))
    assert unknown
    assert unknown not in texts.values()


def test_show_database_problem(qtbot: QtBot, log_file: Path) -> None:
    problem = DatabaseProblem("too_new", "/x/study.sqlite3", "revision 0099")
    box = show_database_problem(None, problem)
    qtbot.addWidget(box)
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert box.text() == database_problem_message(problem)
    assert box.property("problem_kind") == "too_new"
    assert "revision 0099" in box.detailedText()
    assert "too_new" in log_file.read_text(encoding="utf-8")
    with qtbot.waitSignal(box.finished):
        box.close()
