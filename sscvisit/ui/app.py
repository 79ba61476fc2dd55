"""Start the application: login window first, the study database opened behind it.

Pure Qt at import time. The heavy parts (sqlalchemy, alembic, argon2 via the services; the main
window and its pages) are imported only once the login window is on screen, so it appears about
as fast as an empty Qt window (DESIGN.md, UI).

The flow, driven by ``AppShell`` so tests can run it without ``app.exec()``:
login window -> open the study (a DatabaseProblem is shown, exit code 2) -> first administrator
if the study has no users -> log in -> forced password change if needed -> main window with the
idle lock -> "Log out" returns to a fresh login window; closing the main window quits.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

import sscvisit
from sscvisit.ui.errors import install_excepthook, setup_logging, show_database_problem
from sscvisit.ui.i18n import install_translator
from sscvisit.ui.login import ChangePasswordDialog, FirstAdminDialog, LoginDialog, display_location

if TYPE_CHECKING:
    from sscvisit.services.dto import UserInfo
    from sscvisit.services.study import Study
    from sscvisit.ui.lock import IdleLock
    from sscvisit.ui.main_window import MainWindow

log = logging.getLogger(__name__)

APPLICATION = "sscvisit"
ORGANISATION = "UMC Utrecht"
EXIT_OK = 0
EXIT_DATABASE_PROBLEM = 2
OPEN_FALLBACK_MS = 1000


def build_main_window(study: Study, user: UserInfo, language: str) -> MainWindow:
    """The main window for a logged-in user (also used by screenshots and tests)."""
    from sscvisit.ui.context import UiContext
    from sscvisit.ui.main_window import MainWindow

    return MainWindow(UiContext(study=study, user=user, language=language))


class AppShell(QObject):
    """Which window is up, from login to quit; ``finished(code)`` ends the application."""

    finished = Signal(int)
    mainWindowShown = Signal(object)  # noqa: N815 - MainWindow

    def __init__(
        self,
        db_url: str,
        language: str = "en",
        *,
        auto_login: tuple[str, str] | None = None,
        idle_timeout_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_url = db_url
        self.language = language
        self.auto_login = auto_login
        self.idle_timeout_ms = idle_timeout_ms  # None: the study's idle_lock_minutes
        self.study: Study | None = None
        self.login_dialog: LoginDialog | None = None
        self.dialog: QWidget | None = None  # first-admin, password change or problem box
        self.main_window: MainWindow | None = None
        self.idle_lock: IdleLock | None = None
        self.exit_code: int | None = None
        self._logging_out = False
        self._opening_started = False

    # --- start -----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the login window now; open the database once it has been painted."""
        login = self._new_login()
        login.firstPainted.connect(self._open_study_soon)
        # Should no paint ever arrive (a window manager that never exposes it), open anyway.
        QTimer.singleShot(OPEN_FALLBACK_MS, self, self.open_study)

    def _open_study_soon(self) -> None:
        QTimer.singleShot(0, self, self.open_study)

    def _new_login(self) -> LoginDialog:
        self._drop_login()
        dialog = LoginDialog(display_location(self.db_url))
        dialog.loggedIn.connect(self._logged_in)
        dialog.rejected.connect(lambda: self.finish(EXIT_OK))
        self.login_dialog = dialog
        if self.study is not None:
            dialog.set_study(self.study)
        dialog.show()
        return dialog

    def _drop_login(self) -> None:
        if self.login_dialog is not None:
            old, self.login_dialog = self.login_dialog, None
            old.hide()
            old.deleteLater()

    def open_study(self) -> None:
        if self.exit_code is not None or self.login_dialog is None or self._opening_started:
            return
        self._opening_started = True
        from sscvisit.services import auth
        from sscvisit.services.study import DatabaseProblem, Study

        login = self.login_dialog
        try:
            study = Study.open(self.db_url)
        except DatabaseProblem as problem:
            login.set_status("")
            box = show_database_problem(login, problem)
            box.finished.connect(lambda _result: self.finish(EXIT_DATABASE_PROBLEM))
            self.dialog = box
            return
        self.study = study
        if study.backup is not None:
            log.info("study database upgraded; the copy made before is %s", study.backup)
        log.info("study database open: %s (%s)", study.location, study.backend)
        if not auth.has_users(study):
            login.set_location(study.location)
            login.set_status("")
            first = FirstAdminDialog(study, login)
            first.adminCreated.connect(self._admin_created)
            first.rejected.connect(lambda: self.finish(EXIT_OK))
            self.dialog = first
            first.open()
            return
        login.set_study(study)
        if self.auto_login is not None:
            login.log_in_as(*self.auto_login)

    def _admin_created(self, user: UserInfo) -> None:
        self.dialog = None
        if self.login_dialog is not None and self.study is not None:
            self.login_dialog.prefill(user.username)
            self.login_dialog.set_study(self.study)

    # --- logged in -------------------------------------------------------------------------

    def _logged_in(self, user: UserInfo) -> None:
        assert self.study is not None
        if user.must_change_password:
            change = ChangePasswordDialog(self.study, user, forced=True)
            change.passwordChanged.connect(self._password_changed)
            change.rejected.connect(self._password_change_refused)
            self.dialog = change
            change.show()
            return
        self.open_main_window(user)

    def _password_changed(self, user: UserInfo) -> None:
        self._close_dialog()
        self.open_main_window(user)

    def _password_change_refused(self) -> None:
        self._close_dialog()
        self._new_login()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.hide()
            dialog.deleteLater()

    def open_main_window(self, user: UserInfo) -> MainWindow:
        assert self.study is not None
        from sscvisit.ui.lock import IdleLock

        self._drop_login()
        window = build_main_window(self.study, user, self.language)
        window.logoutRequested.connect(self.log_out)
        window.closing.connect(self._main_window_closing)
        idle = IdleLock(self.study, user, window, timeout_ms=self.idle_timeout_ms)
        window.lockRequested.connect(idle.lock)
        idle.logoutRequested.connect(self.log_out)
        self.main_window = window
        self.idle_lock = idle
        window.show()
        self.mainWindowShown.emit(window)
        return window

    def log_out(self) -> None:
        """Close the session's window and offer a fresh login."""
        if self.main_window is None:
            return
        from sscvisit.services import auth

        ctx = self.main_window.ctx
        auth.logout(ctx.study, ctx.user)
        log.info("user %s logged out", ctx.user.username)
        self._close_main_window()
        self._new_login()

    def _close_main_window(self) -> None:
        window, self.main_window = self.main_window, None
        if self.idle_lock is not None:
            self.idle_lock.stop()
            self.idle_lock = None
        if window is not None:
            self._logging_out = True
            try:
                window.close()
            finally:
                self._logging_out = False
            window.deleteLater()

    def _main_window_closing(self) -> None:
        if not self._logging_out:
            self.finish(EXIT_OK)

    # --- end -------------------------------------------------------------------------------

    def finish(self, code: int) -> None:
        """Close every window of the session and report the exit code (once)."""
        if self.exit_code is not None:
            return
        self.exit_code = code
        self._close_dialog()
        if self.main_window is not None:
            self._close_main_window()
        self._drop_login()
        self.finished.emit(code)

    def shutdown(self) -> None:
        """Release the database (after the event loop ended)."""
        if self.study is not None:
            self.study.close()
            self.study = None


def run_gui(db_url: str | None = None, *, auto_login: tuple[str, str] | None = None) -> int:
    """Run the desktop application; return its exit code (2: the database could not be opened)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(sscvisit.__version__)
    app.setQuitOnLastWindowClosed(False)  # the shell decides when the session ends
    log_file = setup_logging()
    install_excepthook()

    from sscvisit.services import config  # light: json and platformdirs only

    prefs = config.load_preferences()
    install_translator(app, prefs.language)
    url = db_url or prefs.effective_db_url
    log.info(
        "sscvisit %s starting; database %s; log %s",
        sscvisit.__version__,
        display_location(url),
        log_file,
    )

    shell = AppShell(url, prefs.language, auto_login=auto_login)
    shell.finished.connect(app.exit)
    shell.start()
    code = app.exec()
    shell.shutdown()
    log.info("sscvisit ended with code %s", code)
    return int(code)


__all__ = ["AppShell", "build_main_window", "run_gui"]
