"""The idle lock: hides the data after idle time, unlocks with the password, counts failures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from sscvisit.services import auth, patients
from sscvisit.services.errors import AuthError
from sscvisit.ui.app import AppShell
from sscvisit.ui.lock import IdleLock, LockScreen
from tests.studyfixtures import PASSWORDS, StudyWithUsers

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QLabel("SSC-001 Jansen, Anna"))
    qtbot.addWidget(window)
    window.show()
    return window


def lock_after(
    qtbot: QtBot, study_users: StudyWithUsers, role: str, timeout_ms: int
) -> tuple[QMainWindow, IdleLock]:
    window = make_window(qtbot)
    idle = IdleLock(study_users.study, study_users.users[role], window, timeout_ms=timeout_ms)
    return window, idle


def unlock_with(qtbot: QtBot, screen: LockScreen, password: str) -> None:
    qtbot.keyClicks(screen.password_edit, password)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)


def test_idle_time_locks_and_the_right_password_unlocks(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    window, idle = lock_after(qtbot, study_users, "nurse", timeout_ms=20)
    central = window.centralWidget()
    assert central is not None
    with qtbot.waitSignal(idle.locked, timeout=2000):
        pass
    screen = idle.screen
    assert isinstance(screen, LockScreen)
    assert screen.isVisible()
    assert screen.isModal()
    assert not central.isVisible()  # the data is hidden behind the lock

    with qtbot.waitSignal(idle.unlocked):
        unlock_with(qtbot, screen, PASSWORDS["nurse"])
    assert idle.screen is None
    assert central.isVisible()
    assert not screen.isVisible()
    idle.stop()


def test_a_wrong_password_shows_the_message_and_stays_locked(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    window, idle = lock_after(qtbot, study_users, "nurse", timeout_ms=60_000)
    central = window.centralWidget()
    assert central is not None
    screen = idle.lock()
    with qtbot.assertNotEmitted(idle.unlocked):
        unlock_with(qtbot, screen, "not-the-password")
    assert screen.message.code == "bad_credentials"
    assert screen.isVisible()
    assert not central.isVisible()
    assert idle.is_locked
    # Escape does not unlock either
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert screen.isVisible()
    assert idle.is_locked
    idle.stop()


def test_failures_at_the_lock_screen_lock_the_account(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    _window, idle = lock_after(qtbot, study_users, "nurse", timeout_ms=60_000)
    screen = idle.lock()
    for _ in range(5):
        unlock_with(qtbot, screen, "not-the-password")
    assert screen.message.code == "account_locked"
    assert screen.account_locked
    assert not screen.unlock_button.isVisible()
    assert not screen.password_edit.isVisible()
    assert screen.logout_button.isVisible()
    trail = patients.audit_trail(study_users.study, study_users.users["admin"])
    nurse_id = str(study_users.users["nurse"].id)
    assert any(row.action == "lockout" and row.record_id == nurse_id for row in trail)
    with pytest.raises(AuthError):
        auth.login(study_users.study, "nurse", PASSWORDS["nurse"])

    with qtbot.waitSignal(idle.logoutRequested):
        qtbot.mouseClick(screen.logout_button, Qt.MouseButton.LeftButton)
    assert not screen.isVisible()


def test_activity_resets_the_idle_clock(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    window, idle = lock_after(qtbot, study_users, "nurse", timeout_ms=60_000)
    qtbot.waitUntil(lambda: idle.idle_ms() >= 5)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    idle.eventFilter(window, key)
    assert idle.idle_ms() < 5
    qtbot.waitUntil(lambda: idle.idle_ms() >= 5)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    idle.eventFilter(window, move)
    assert idle.idle_ms() < 5
    assert not idle.is_locked
    idle.stop()


def test_lock_hides_other_open_windows_too(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    window, idle = lock_after(qtbot, study_users, "investigator", timeout_ms=60_000)
    other = QWidget()
    shown = QLabel("identity: H1000001", other)
    qtbot.addWidget(other)
    other.show()
    assert shown.isVisible()
    screen = idle.lock()
    assert not shown.isVisible()
    with qtbot.waitSignal(idle.unlocked):
        unlock_with(qtbot, screen, PASSWORDS["investigator"])
    assert shown.isVisible()
    assert window.centralWidget() is not None
    idle.stop()


def test_stop_closes_the_lock_screen(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    _window, idle = lock_after(qtbot, study_users, "monitor", timeout_ms=60_000)
    screen = idle.lock()
    assert screen.isVisible()
    idle.stop()
    assert not screen.isVisible()
    assert not idle.is_locked


def test_the_shell_locks_the_main_window_and_log_out_returns_to_login(
    qtbot: QtBot, study_users: StudyWithUsers, sqlite_url: str
) -> None:
    shell = AppShell(sqlite_url, "en", auto_login=("nurse", PASSWORDS["nurse"]), idle_timeout_ms=30)
    try:
        with qtbot.waitSignal(shell.mainWindowShown) as shown:
            shell.start()
        window = shown.args[0]
        assert shell.idle_lock is not None
        with qtbot.waitSignal(shell.idle_lock.locked, timeout=2000):
            pass
        screen = shell.idle_lock.screen
        assert screen is not None
        central = window.centralWidget()
        assert central is not None
        assert not central.isVisible()
        qtbot.mouseClick(screen.logout_button, Qt.MouseButton.LeftButton)
        assert shell.main_window is None
        assert shell.exit_code is None
        assert shell.login_dialog is not None
        assert shell.login_dialog.isVisible()
        assert shell.login_dialog.login_button.isEnabled() is False  # no user name typed yet
    finally:
        shell.finish(0)
        shell.shutdown()


def test_lock_now_from_the_menu(qtbot: QtBot, study_users: StudyWithUsers, sqlite_url: str) -> None:
    shell = AppShell(sqlite_url, "en", auto_login=("investigator", PASSWORDS["investigator"]))
    try:
        with qtbot.waitSignal(shell.mainWindowShown) as shown:
            shell.start()
        window = shown.args[0]
        assert shell.idle_lock is not None
        assert shell.idle_lock.timeout_ms == 15 * 60_000  # the study's default idle minutes
        with qtbot.waitSignal(shell.idle_lock.locked):
            window.lock_action.trigger()
        screen = shell.idle_lock.screen
        assert screen is not None
        with qtbot.waitSignal(shell.idle_lock.unlocked):
            unlock_with(qtbot, screen, PASSWORDS["investigator"])
        assert window.centralWidget().isVisible()
    finally:
        shell.finish(0)
        shell.shutdown()
