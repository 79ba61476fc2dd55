"""The workstation lock: after idle minutes the data is hidden until the user's password is given.

``IdleLock`` watches all key and mouse input of the application (an event filter on the
QApplication). When nothing happened for the study's ``idle_lock_minutes`` it hides what the
windows show and opens a modal ``LockScreen``. Unlocking is a login (``auth.unlock_session``):
failures count, and at the study's limit the account locks and only "Log out" remains.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from sscvisit.ui.login import MessageLabel, password_edit

if TYPE_CHECKING:
    from sscvisit.services.dto import UserInfo
    from sscvisit.services.study import Study

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class LockScreen(QDialog):
    """Modal: asks the logged-in user's password; Escape and closing do not unlock."""

    unlocked = Signal(object)  # UserInfo
    logoutRequested = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, study: Study, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._study = study
        self._user = user
        self._closing_allowed = False
        self.account_locked = False
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("sscvisit is locked"))
        self.setMinimumWidth(460)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)

        heading = QLabel(self.tr("The workstation is locked"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        self.intro = QLabel(
            self.tr(
                "sscvisit is locked, so that no one else can read the data. {name} ({username}): "
                "enter your password to continue."
            ).format(name=user.full_name, username=user.username)
        )
        self.intro.setWordWrap(True)

        self.password_edit = password_edit()
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Password"), self.password_edit)
        self.message = MessageLabel()

        buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.logout_button = QPushButton(self.tr("Log &out"))
        self.logout_button.setAutoDefault(False)
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.logout_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.logout_button.clicked.connect(self.log_out)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setTabOrder(self.password_edit, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.logout_button)
        self.password_edit.setFocus()

    def try_unlock(self) -> UserInfo | None:
        if self.account_locked:
            return None
        from sscvisit.services import auth
        from sscvisit.services.errors import Msg, ServiceError

        try:
            user = auth.unlock_session(self._study, self._user, self.password_edit.text())
        except ServiceError as error:
            self.message.show_error(error)
            self.password_edit.clear()
            if error.code in {Msg.ACCOUNT_LOCKED, Msg.ACCOUNT_INACTIVE}:
                self._only_logout()
            else:
                self.password_edit.setFocus()
            return None
        self.password_edit.clear()
        self.message.clear_message()
        self._closing_allowed = True
        self.unlocked.emit(user)
        self.accept()
        return user

    def _only_logout(self) -> None:
        self.account_locked = True
        self.form.hide()
        self.unlock_button.hide()
        self.logout_button.setDefault(True)
        self.logout_button.setFocus()

    def log_out(self) -> None:
        self._closing_allowed = True
        self.logoutRequested.emit()
        self.accept()

    def dismiss(self) -> None:
        """Close without unlocking (the session is ending anyway)."""
        self._closing_allowed = True
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Escape does not unlock."""
        if self._closing_allowed:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_allowed:
            super().closeEvent(event)
        else:
            event.ignore()


class IdleLock(QObject):
    """Locks the session after a period without key or mouse input.

    ``timeout_ms`` overrides the study's ``idle_lock_minutes`` (tests use a few milliseconds).
    """

    locked = Signal()
    unlocked = Signal()
    logoutRequested = Signal()  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        study: Study,
        user: UserInfo,
        window: QWidget,
        *,
        timeout_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else window)
        if timeout_ms is None:
            from sscvisit.services import auth

            timeout_ms = auth.study_setting(study, "idle_lock_minutes") * 60_000
        self._study = study
        self._user = user
        self._window = window
        self.timeout_ms = timeout_ms
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self._focus: QWidget | None = None
        self._activity = QElapsedTimer()
        self._activity.start()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check_idle)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start(self.timeout_ms)

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def idle_ms(self) -> int:
        return int(self._activity.elapsed())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.screen is None:
            # Cheap on every mouse move: restart the clock; the timer checks it when it fires.
            self._activity.restart()
        return False

    def _check_idle(self) -> None:
        if self.screen is not None:
            return
        remaining = self.timeout_ms - self.idle_ms()
        if remaining > 0:
            self._timer.start(remaining)
        else:
            self.lock()

    def lock(self) -> LockScreen:
        """Hide the data and ask for the password (also "Lock now" in the File menu)."""
        if self.screen is not None:
            return self.screen
        self._timer.stop()
        self._hide_data()
        self.screen = LockScreen(self._study, self._user, self._window)
        self.screen.unlocked.connect(self._on_unlocked)
        self.screen.logoutRequested.connect(self._on_logout)
        self.screen.open()
        self.locked.emit()
        return self.screen

    def stop(self) -> None:
        """Stop watching (at log-out); the lock screen, if any, is closed."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.screen is not None:
            screen, self.screen = self.screen, None
            screen.dismiss()

    # --- internals -------------------------------------------------------------------------

    def _hide_data(self) -> None:
        self._focus = QApplication.focusWidget()
        targets: list[QWidget] = []
        central = self._window.centralWidget() if isinstance(self._window, QMainWindow) else None
        if central is not None:
            targets.append(central)
        else:
            targets.extend(_content_of(self._window))
        for top in QApplication.topLevelWidgets():
            if top is self._window or isinstance(top, LockScreen) or not top.isVisible():
                continue
            targets.extend(_content_of(top))  # other open dialogs show data too
        self._hidden = [w for w in targets if w.isVisible()]
        for widget in self._hidden:
            widget.hide()

    def _show_data(self) -> None:
        for widget in self._hidden:
            if isValid(widget):
                widget.show()
        self._hidden = []
        if self._focus is not None and isValid(self._focus) and self._focus.isVisible():
            self._focus.setFocus()
        self._focus = None

    def _on_unlocked(self, _user: object) -> None:
        self.screen = None
        self._show_data()
        self._activity.restart()
        self._timer.start(self.timeout_ms)
        self.unlocked.emit()

    def _on_logout(self) -> None:
        self.screen = None
        self.stop()
        self.logoutRequested.emit()


def _content_of(window: QWidget) -> list[QWidget]:
    return [
        child
        for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if not child.isWindow()
    ]
