"""The login window, the first-administrator dialog and the password change dialog.

This module is pure Qt at import time (no sqlalchemy, argon2, alembic or sscvisit.services): the
login window must appear as fast as a bare Qt window while the study database opens behind it.
Services are imported inside the methods that call them, after the first paint.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from sscvisit.services.dto import UserInfo
    from sscvisit.services.study import Study

ERROR_STYLE = "color: #b00020;"
SMALL_STYLE = "color: #707070; font-size: 8pt;"


def display_location(url: str) -> str:
    """Where a database URL points, for people: the file path of SQLite, no password otherwise."""
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            return url[len(prefix) :]
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


class MessageLabel(QLabel):
    """A message shown under a field or a form; ``code`` is the shown message's code (tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, error: Exception) -> None:
        """Show a ServiceError or FieldError through the message table (STYLE.md item 8)."""
        from sscvisit.model.fields import FieldError
        from sscvisit.services.errors import ServiceError
        from sscvisit.ui.messages import code_of, field_message, service_message

        if isinstance(error, ServiceError):
            text = service_message(error)
        elif isinstance(error, FieldError):
            text = field_message(error)
        else:
            raise TypeError(f"not a user-facing error: {error!r}")
        self.code = code_of(error)
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.code = None
        self.clear()
        self.hide()


def field_with_message(edit: QWidget) -> tuple[QWidget, MessageLabel]:
    """The field and, right under it, the place for its message."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(edit)
    message = MessageLabel(box)
    layout.addWidget(message)
    return box, message


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhNoAutoUppercase
    )
    return edit


class LoginDialog(QDialog):
    """User name and password; enabled once the study database is open (``set_study``)."""

    loggedIn = Signal(object)  # noqa: N815 - UserInfo
    # Emitted once, after the window has been painted: the database is opened only then, so
    # the person sees the login window as soon as a bare Qt window would appear.
    firstPainted = Signal()  # noqa: N815

    def __init__(self, location: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self._study: Study | None = None
        self.user: UserInfo | None = None
        self.setWindowTitle(self.tr("sscvisit: log in"))
        self.setMinimumWidth(440)

        title = QLabel(self.tr("sscvisit"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("Stem cells for digital ulcers in systemic sclerosis"))
        subtitle.setWordWrap(True)

        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("username")
        self.user_edit.setMaxLength(32)
        self.user_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.password_edit = password_edit()
        self.password_edit.setObjectName("password")

        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.user_edit)
        form.addRow(self.tr("&Password"), self.password_edit)

        self.message = MessageLabel()
        self.status_label = QLabel(self.tr("Opening the study database…"))
        self.status_label.setWordWrap(True)

        self.login_button = QPushButton(self.tr("&Log in"))
        self.login_button.setDefault(True)
        self.login_button.setEnabled(False)
        self.quit_button = QPushButton(self.tr("&Quit"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.clicked.connect(self.try_login)
        self.quit_button.clicked.connect(self.reject)

        self.location_label = QLabel()
        self.location_label.setWordWrap(True)
        self.location_label.setStyleSheet(SMALL_STYLE)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_location(location)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.status_label)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        layout.addSpacing(6)
        layout.addWidget(self.location_label)

        self.setTabOrder(self.user_edit, self.password_edit)
        self.setTabOrder(self.password_edit, self.login_button)
        self.setTabOrder(self.login_button, self.quit_button)
        self.user_edit.textChanged.connect(self._update_button)
        self.user_edit.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    # --- state -----------------------------------------------------------------------------

    @property
    def study(self) -> Study | None:
        return self._study

    def set_location(self, location: str) -> None:
        self.location_label.setText(self.tr("Study database: {location}").format(location=location))
        self.location_label.setVisible(bool(location))

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def set_study(self, study: Study) -> None:
        """The database is open: show where it is and allow logging in."""
        self._study = study
        self.set_location(study.location)
        self.set_status("")
        self._update_button()
        (self.password_edit if self.user_edit.text() else self.user_edit).setFocus()

    def prefill(self, username: str) -> None:
        self.user_edit.setText(username)
        self.password_edit.setFocus()

    def _update_button(self) -> None:
        self.login_button.setEnabled(self._study is not None and bool(self.user_edit.text()))

    # --- logging in ------------------------------------------------------------------------

    def try_login(self) -> UserInfo | None:
        """Check the typed name and password; on success emit ``loggedIn`` and close."""
        if self._study is None or not self.user_edit.text().strip():
            return None
        from sscvisit.services import auth
        from sscvisit.services.errors import Msg, ServiceError

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            user = auth.login(self._study, self.user_edit.text(), self.password_edit.text())
        except ServiceError as error:
            self.message.show_error(error)
            self.password_edit.clear()
            if error.code in {Msg.ACCOUNT_LOCKED, Msg.ACCOUNT_INACTIVE}:
                self.user_edit.selectAll()
                self.user_edit.setFocus()
            else:
                self.password_edit.setFocus()
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.message.clear_message()
        self.password_edit.clear()
        self.user = user
        self.loggedIn.emit(user)
        self.accept()
        return user

    def log_in_as(self, username: str, password: str) -> UserInfo | None:
        """Log in without typing (``sscvisit demo``)."""
        self.user_edit.setText(username)
        self.password_edit.setText(password)
        return self.try_login()


class FirstAdminDialog(QDialog):
    """An empty study database: create the administrator who then creates everyone else."""

    adminCreated = Signal(object)  # noqa: N815 - UserInfo

    def __init__(self, study: Study, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from sscvisit.services import auth

        self._study = study
        self._minimum = auth.study_setting(study, "min_password_length")
        self._username_re = auth.USERNAME_RE
        self.created: UserInfo | None = None
        self.setWindowTitle(self.tr("sscvisit: first administrator"))
        self.setMinimumWidth(500)

        intro = QLabel(
            self.tr(
                "This study database has no users yet. Create the first administrator: this "
                "account creates the accounts of the study team and does not enter data."
            )
        )
        intro.setWordWrap(True)

        self.username_edit = QLineEdit()
        self.username_edit.setMaxLength(32)
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setMaxLength(100)
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        username_box, self.username_message = field_with_message(self.username_edit)
        full_name_box, self.full_name_message = field_with_message(self.full_name_edit)
        password_box, self.password_message = field_with_message(self.password_edit)
        repeat_box, self.repeat_message = field_with_message(self.repeat_edit)
        self.messages = {
            "username": self.username_message,
            "full_name": self.full_name_message,
            "password": self.password_message,
            "repeat": self.repeat_message,
        }

        form = QFormLayout()
        form.addRow(self.tr("&User name"), username_box)
        form.addRow(self.tr("&Full name"), full_name_box)
        form.addRow(self.tr("&Password"), password_box)
        form.addRow(self.tr("&Repeat password"), repeat_box)
        hint = QLabel(self.tr("Passwords have at least {n} characters.").format(n=self._minimum))
        hint.setStyleSheet(SMALL_STYLE)
        self.message = MessageLabel()

        buttons = QDialogButtonBox()
        self.create_button = QPushButton(self.tr("&Create administrator"))
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create_button.clicked.connect(self.create_admin)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        for edit in (self.username_edit, self.full_name_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self.check)
        self.setTabOrder(self.username_edit, self.full_name_edit)
        self.setTabOrder(self.full_name_edit, self.password_edit)
        self.setTabOrder(self.password_edit, self.repeat_edit)
        self.setTabOrder(self.repeat_edit, self.create_button)
        self.username_edit.setFocus()

    def check(self) -> bool:
        """Validate as typed; the Create button is enabled only when all is well."""
        from sscvisit.services.errors import AuthError, Msg

        problems: dict[str, AuthError] = {}
        name = self.username_edit.text().strip().lower()
        if name and not self._username_re.match(name):
            problems["username"] = AuthError(Msg.USERNAME_INVALID)
        password = self.password_edit.text()
        if password and len(password) < self._minimum:
            problems["password"] = AuthError(Msg.PASSWORD_TOO_SHORT, minimum=self._minimum)
        repeat = self.repeat_edit.text()
        if repeat and repeat != password:
            problems["repeat"] = AuthError(Msg.PASSWORD_MISMATCH)
        for key, label in self.messages.items():
            if key in problems:
                label.show_error(problems[key])
            else:
                label.clear_message()
        complete = all(
            e.text().strip()
            for e in (self.username_edit, self.full_name_edit, self.password_edit, self.repeat_edit)
        )
        ok = complete and not problems
        self.create_button.setEnabled(ok)
        return ok

    def create_admin(self) -> UserInfo | None:
        if not self.check():
            return None
        from sscvisit.services import auth
        from sscvisit.services.errors import Msg, ServiceError

        try:
            user = auth.create_first_admin(
                self._study,
                self.username_edit.text(),
                self.full_name_edit.text(),
                self.password_edit.text(),
            )
        except ServiceError as error:
            if error.code in {Msg.USERNAME_INVALID, Msg.USERNAME_TAKEN}:
                self.username_message.show_error(error)
                self.username_edit.setFocus()
            elif error.code in {Msg.PASSWORD_TOO_SHORT, Msg.PASSWORD_MISMATCH}:
                self.password_message.show_error(error)
                self.password_edit.setFocus()
            else:  # e.g. someone else created the first administrator meanwhile
                self.message.show_error(error)
            return None
        self.created = user
        self.adminCreated.emit(user)
        self.accept()
        return user


class ChangePasswordDialog(QDialog):
    """Old password, new password twice; forced after a login with a temporary password."""

    passwordChanged = Signal(object)  # noqa: N815 - UserInfo

    def __init__(
        self,
        study: Study,
        user: UserInfo,
        *,
        forced: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from sscvisit.services import auth

        self._study = study
        self._user = user
        self._minimum = auth.study_setting(study, "min_password_length")
        self.changed: UserInfo | None = None
        self.setWindowTitle(self.tr("sscvisit: change password"))
        self.setMinimumWidth(480)

        if forced:
            intro_text = self.tr(
                "{name}, your password was set by an administrator. Choose a new password that "
                "only you know before you continue."
            ).format(name=user.full_name)
        else:
            intro_text = self.tr("Change the password of {name} ({username}).").format(
                name=user.full_name, username=user.username
            )
        intro = QLabel(intro_text)
        intro.setWordWrap(True)

        self.old_edit = password_edit()
        self.new_edit = password_edit()
        self.repeat_edit = password_edit()
        old_box, self.old_message = field_with_message(self.old_edit)
        new_box, self.new_message = field_with_message(self.new_edit)
        repeat_box, self.repeat_message = field_with_message(self.repeat_edit)
        self.messages = {
            "old": self.old_message,
            "new": self.new_message,
            "repeat": self.repeat_message,
        }

        form = QFormLayout()
        form.addRow(
            self.tr("&Temporary password") if forced else self.tr("&Current password"), old_box
        )
        form.addRow(self.tr("&New password"), new_box)
        form.addRow(self.tr("&Repeat new password"), repeat_box)
        hint = QLabel(self.tr("Passwords have at least {n} characters.").format(n=self._minimum))
        hint.setStyleSheet(SMALL_STYLE)
        self.message = MessageLabel()

        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Change password"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Log &out") if forced else self.tr("Cancel"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.textChanged.connect(self.check)
        self.old_edit.textEdited.connect(self.old_message.clear_message)
        self.setTabOrder(self.old_edit, self.new_edit)
        self.setTabOrder(self.new_edit, self.repeat_edit)
        self.setTabOrder(self.repeat_edit, self.save_button)
        self.setTabOrder(self.save_button, self.cancel_button)
        self.old_edit.setFocus()

    def check(self) -> bool:
        from sscvisit.services.errors import AuthError, Msg

        problems: dict[str, AuthError] = {}
        old, new, repeat = self.old_edit.text(), self.new_edit.text(), self.repeat_edit.text()
        if new and old and new == old:
            problems["new"] = AuthError(Msg.PASSWORD_SAME_AS_OLD)
        elif new and len(new) < self._minimum:
            problems["new"] = AuthError(Msg.PASSWORD_TOO_SHORT, minimum=self._minimum)
        if repeat and repeat != new:
            problems["repeat"] = AuthError(Msg.PASSWORD_MISMATCH)
        for key in ("new", "repeat"):
            if key in problems:
                self.messages[key].show_error(problems[key])
            else:
                self.messages[key].clear_message()
        ok = bool(old and new and repeat) and not problems
        self.save_button.setEnabled(ok)
        return ok

    def save(self) -> UserInfo | None:
        if not self.check():
            return None
        from sscvisit.services import auth
        from sscvisit.services.errors import Msg, ServiceError

        try:
            user = auth.change_password(
                self._study, self._user, self.old_edit.text(), self.new_edit.text()
            )
        except ServiceError as error:
            if error.code is Msg.BAD_CREDENTIALS:
                self.old_message.show_error(error)
                self.old_edit.clear()
                self.old_edit.setFocus()
            elif error.code in {Msg.PASSWORD_TOO_SHORT, Msg.PASSWORD_SAME_AS_OLD}:
                self.new_message.show_error(error)
                self.new_edit.setFocus()
            else:
                self.message.show_error(error)
            return None
        self.old_message.clear_message()
        self.changed = user
        self.passwordChanged.emit(user)
        self.accept()
        return user
