"""The login window, the first administrator, the forced password change, and the start-up flow."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sscvisit.services import auth, patients
from sscvisit.services.dto import UserInfo
from sscvisit.services.study import Study
from sscvisit.ui.app import EXIT_DATABASE_PROBLEM, AppShell
from sscvisit.ui.login import (
    ChangePasswordDialog,
    FirstAdminDialog,
    LoginDialog,
    display_location,
)
from sscvisit.ui.main_window import MainWindow
from tests.studyfixtures import PASSWORDS, StudyWithUsers

# The offscreen platform (tests only) warns whenever a shown window's size limits change.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_login(qtbot: QtBot, study: Study | None) -> LoginDialog:
    dialog = LoginDialog("somewhere")
    qtbot.addWidget(dialog)
    dialog.show()
    if study is not None:
        dialog.set_study(study)
    return dialog


def type_login(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.user_edit.clear()
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.user_edit, username)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def test_importing_the_login_and_app_modules_stays_light() -> None:
    code = (
        "import sys, sscvisit.ui.app, sscvisit.ui.login\n"
        "tops = {m.split('.')[0] for m in sys.modules}\n"
        "heavy = tops & {'sqlalchemy', 'argon2', 'alembic', 'matplotlib', 'pandas',\n"
        "                'reportlab', 'pyhanko'}\n"
        "assert not heavy, heavy\n"
        "assert 'sscvisit.services.auth' not in sys.modules\n"
        "assert 'sscvisit.services.study' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_login_is_disabled_until_the_study_is_open(qtbot: QtBot) -> None:
    dialog = make_login(qtbot, None)
    qtbot.keyClicks(dialog.user_edit, "nurse")
    assert not dialog.login_button.isEnabled()
    assert dialog.status_label.isVisible()
    assert dialog.try_login() is None


def test_login_success_emits_the_user(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    dialog = make_login(qtbot, study_users.study)
    assert not dialog.status_label.isVisible()
    assert study_users.study.location in dialog.location_label.text()
    with qtbot.waitSignal(dialog.loggedIn) as signal:
        type_login(qtbot, dialog, "nurse", PASSWORDS["nurse"])
    user = signal.args[0]
    assert isinstance(user, UserInfo)
    assert user.username == "nurse"
    assert user.id == study_users.users["nurse"].id
    assert dialog.message.code is None
    assert not dialog.isVisible()


def test_enter_in_the_password_field_logs_in(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    dialog = make_login(qtbot, study_users.study)
    qtbot.keyClicks(dialog.user_edit, "monitor")
    qtbot.keyClicks(dialog.password_edit, PASSWORDS["monitor"])
    with qtbot.waitSignal(dialog.loggedIn) as signal:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert signal.args[0].username == "monitor"


def test_wrong_password_shows_bad_credentials_and_attempts_left(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    dialog = make_login(qtbot, study_users.study)
    with qtbot.assertNotEmitted(dialog.loggedIn):
        type_login(qtbot, dialog, "nurse", "not-the-password")
    assert dialog.message.code == "bad_credentials"
    assert dialog.message.isVisible()
    assert "4" in dialog.message.text()  # 5 allowed by default, one used
    assert dialog.password_edit.text() == ""
    assert dialog.isVisible()


def test_unknown_user_shows_bad_credentials(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    dialog = make_login(qtbot, study_users.study)
    type_login(qtbot, dialog, "nobody", "whatever-it-is")
    assert dialog.message.code == "bad_credentials"


def test_five_failures_lock_the_account(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    dialog = make_login(qtbot, study_users.study)
    for _ in range(5):
        type_login(qtbot, dialog, "nurse", "not-the-password")
    assert dialog.message.code == "account_locked"
    # the right password no longer helps
    type_login(qtbot, dialog, "nurse", PASSWORDS["nurse"])
    assert dialog.message.code == "account_locked"
    trail = patients.audit_trail(study_users.study, study_users.users["admin"])
    nurse_id = str(study_users.users["nurse"].id)
    assert any(row.action == "lockout" and row.record_id == nurse_id for row in trail)


def test_first_admin_dialog_creates_the_administrator(qtbot: QtBot, sqlite_url: str) -> None:
    study = Study.open(sqlite_url)
    try:
        assert not auth.has_users(study)
        dialog = FirstAdminDialog(study)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.username_edit, "ada")
        qtbot.keyClicks(dialog.full_name_edit, "Ada Admin")
        qtbot.keyClicks(dialog.password_edit, "first-admin-pw")
        qtbot.keyClicks(dialog.repeat_edit, "first-admin-pX")
        assert dialog.repeat_message.code == "password_mismatch"
        assert dialog.repeat_message.isVisible()
        assert not dialog.create_button.isEnabled()
        qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Backspace)
        qtbot.keyClicks(dialog.repeat_edit, "w")
        assert dialog.repeat_message.code is None
        assert dialog.create_button.isEnabled()
        with qtbot.waitSignal(dialog.adminCreated) as signal:
            qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        created = signal.args[0]
        assert created.role == "admin"
        assert auth.has_users(study)
        assert auth.login(study, "ada", "first-admin-pw").full_name == "Ada Admin"
    finally:
        study.close()


def test_first_admin_dialog_checks_as_you_type(qtbot: QtBot, sqlite_url: str) -> None:
    study = Study.open(sqlite_url)
    try:
        dialog = FirstAdminDialog(study)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.username_edit, "1bad name")
        assert dialog.username_message.code == "username_invalid"
        qtbot.keyClicks(dialog.password_edit, "short")
        assert dialog.password_message.code == "password_too_short"
        assert not dialog.create_button.isEnabled()
        assert not auth.has_users(study)
    finally:
        study.close()


def test_forced_password_change(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    study, admin = study_users.study, study_users.users["admin"]
    auth.create_user(study, admin, "newbie", "New Nurse", "nurse", "temporary-pass-1")
    login = make_login(qtbot, study)
    with qtbot.waitSignal(login.loggedIn) as signal:
        type_login(qtbot, login, "newbie", "temporary-pass-1")
    user = signal.args[0]
    assert user.must_change_password

    dialog = ChangePasswordDialog(study, user, forced=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.old_edit, "temporary-pass-1")
    qtbot.keyClicks(dialog.new_edit, "temporary-pass-1")
    assert dialog.new_message.code == "password_same_as_old"
    dialog.new_edit.clear()
    qtbot.keyClicks(dialog.new_edit, "my-own-secret-1")
    qtbot.keyClicks(dialog.repeat_edit, "my-own-secret-2")
    assert dialog.repeat_message.code == "password_mismatch"
    assert not dialog.save_button.isEnabled()
    dialog.repeat_edit.clear()
    qtbot.keyClicks(dialog.repeat_edit, "my-own-secret-1")
    with qtbot.waitSignal(dialog.passwordChanged) as changed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not changed.args[0].must_change_password
    assert not auth.login(study, "newbie", "my-own-secret-1").must_change_password


def test_password_change_with_a_wrong_old_password(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    dialog = ChangePasswordDialog(study_users.study, study_users.users["nurse"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.old_edit, "not-my-password")
    qtbot.keyClicks(dialog.new_edit, "another-secret-1")
    qtbot.keyClicks(dialog.repeat_edit, "another-secret-1")
    with qtbot.assertNotEmitted(dialog.passwordChanged):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.old_message.code == "bad_credentials"
    assert auth.login(study_users.study, "nurse", PASSWORDS["nurse"]).username == "nurse"


def test_display_location_hides_passwords() -> None:
    assert display_location("sqlite:////data/study.sqlite3") == "/data/study.sqlite3"
    shown = display_location("postgresql+psycopg://ssc:secret@db.example/study")
    assert "secret" not in shown
    assert "db.example/study" in shown


# --- the start-up flow (AppShell), driven without app.exec() ---------------------------------


def start_shell(qtbot: QtBot, url: str, **kwargs: object) -> AppShell:
    shell = AppShell(url, "en", **kwargs)  # type: ignore[arg-type]
    shell.start()
    assert shell.login_dialog is not None
    assert shell.login_dialog.isVisible()
    assert not shell.login_dialog.login_button.isEnabled()
    return shell


def end_shell(shell: AppShell) -> None:
    shell.finish(0)
    shell.shutdown()


def test_shell_opens_the_study_and_logs_in_to_the_main_window(
    qtbot: QtBot, study_users: StudyWithUsers, sqlite_url: str
) -> None:
    shell = start_shell(qtbot, sqlite_url)
    try:
        login = shell.login_dialog
        assert login is not None
        qtbot.waitUntil(lambda: shell.study is not None)
        with qtbot.waitSignal(shell.mainWindowShown) as shown:
            type_login(qtbot, login, "investigator", PASSWORDS["investigator"])
        window = shown.args[0]
        assert isinstance(window, MainWindow)
        assert window.ctx.user.username == "investigator"
        # log out: a fresh login window, the same study
        with qtbot.waitSignal(window.closing):
            window.logout_action.trigger()
        assert shell.main_window is None
        assert shell.exit_code is None
        assert shell.login_dialog is not None
        assert shell.login_dialog is not login
        assert shell.login_dialog.isVisible()
        assert shell.login_dialog.study is shell.study
        admin = study_users.users["admin"]
        last = patients.audit_trail(shell.study, admin, limit=1)[0]
        assert (last.action, last.username) == ("logout", "investigator")
    finally:
        end_shell(shell)


def test_shell_auto_login(qtbot: QtBot, study_users: StudyWithUsers, sqlite_url: str) -> None:
    shell = AppShell(sqlite_url, "en", auto_login=("nurse", PASSWORDS["nurse"]))
    try:
        with qtbot.waitSignal(shell.mainWindowShown) as shown:
            shell.start()
        assert shown.args[0].ctx.user.username == "nurse"
        with qtbot.waitSignal(shell.finished) as finished:
            shown.args[0].quit_action.trigger()
        assert finished.args == [0]
    finally:
        end_shell(shell)


def test_shell_forces_a_password_change_before_the_main_window(
    qtbot: QtBot, study_users: StudyWithUsers, sqlite_url: str
) -> None:
    study, admin = study_users.study, study_users.users["admin"]
    auth.create_user(study, admin, "newbie", "New Nurse", "nurse", "temporary-pass-1")
    shell = AppShell(sqlite_url, "en", auto_login=("newbie", "temporary-pass-1"))
    try:
        shell.start()
        qtbot.waitUntil(lambda: isinstance(shell.dialog, ChangePasswordDialog))
        dialog = shell.dialog
        assert isinstance(dialog, ChangePasswordDialog)
        assert shell.main_window is None
        qtbot.keyClicks(dialog.old_edit, "temporary-pass-1")
        qtbot.keyClicks(dialog.new_edit, "my-own-secret-1")
        qtbot.keyClicks(dialog.repeat_edit, "my-own-secret-1")
        with qtbot.waitSignal(shell.mainWindowShown):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert shell.main_window is not None
        assert not shell.main_window.ctx.user.must_change_password
    finally:
        end_shell(shell)


def test_shell_asks_for_the_first_administrator(qtbot: QtBot, sqlite_url: str) -> None:
    shell = start_shell(qtbot, sqlite_url)
    try:
        qtbot.waitUntil(lambda: isinstance(shell.dialog, FirstAdminDialog))
        dialog = shell.dialog
        assert isinstance(dialog, FirstAdminDialog)
        qtbot.keyClicks(dialog.username_edit, "ada")
        qtbot.keyClicks(dialog.full_name_edit, "Ada Admin")
        qtbot.keyClicks(dialog.password_edit, "first-admin-pw")
        qtbot.keyClicks(dialog.repeat_edit, "first-admin-pw")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        login = shell.login_dialog
        assert login is not None
        assert login.user_edit.text() == "ada"
        assert login.login_button.isEnabled()
        with qtbot.waitSignal(shell.mainWindowShown) as shown:
            qtbot.keyClicks(login.password_edit, "first-admin-pw")
            qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
        assert shown.args[0].ctx.user.role == "admin"
    finally:
        end_shell(shell)


def test_shell_reports_a_database_problem_and_ends_with_code_2(
    qtbot: QtBot, tmp_path: Path
) -> None:
    not_a_database = tmp_path / "study.sqlite3"
    not_a_database.write_bytes(b"this is not an SQLite file at all")
    shell = start_shell(qtbot, f"sqlite:///{not_a_database}")
    try:
        qtbot.waitUntil(lambda: shell.dialog is not None)
        box = shell.dialog
        assert box is not None
        assert box.property("problem_kind") == "corrupt"
        with qtbot.waitSignal(shell.finished) as finished:
            box.close()
        assert finished.args == [EXIT_DATABASE_PROBLEM]
        assert shell.study is None
    finally:
        end_shell(shell)


@pytest.mark.parametrize("cancel", ["login", "first_admin"])
def test_closing_the_first_window_ends_with_code_0(
    qtbot: QtBot, sqlite_url: str, cancel: str
) -> None:
    shell = start_shell(qtbot, sqlite_url)
    try:
        login = shell.login_dialog
        assert login is not None
        if cancel == "first_admin":
            qtbot.waitUntil(lambda: shell.dialog is not None)
            assert shell.dialog is not None
            with qtbot.waitSignal(shell.finished) as finished:
                qtbot.keyClick(shell.dialog, Qt.Key.Key_Escape)
        else:
            with qtbot.waitSignal(shell.finished) as finished:
                qtbot.mouseClick(login.quit_button, Qt.MouseButton.LeftButton)
        assert finished.args == [0]
    finally:
        end_shell(shell)
