"""User administration: accounts, roles, password resets and deactivation (never deletion).

Every action is one service call in ``sscvisit.services.auth``, which checks the permission,
writes the audit trail and refuses what must not happen (the last administrator, yourself, a
reused user name); this screen offers the actions and shows the refusals.

The dialogs never need ``exec()``: the screen opens them with ``open()`` and returns them, so a
test (or a keyboard user) fills the fields and presses the button like anyone else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Code, FieldError, Problem
from sscvisit.services import auth
from sscvisit.services.dto import UserInfo
from sscvisit.services.errors import Msg, ServiceError
from sscvisit.ui import login
from sscvisit.ui.audit_viewer import local_time, utc_time
from sscvisit.ui.context import UiContext

AnyIndex = QModelIndex | QPersistentModelIndex
ERROR_STYLE = "color: #b00020;"


def _role_codes() -> tuple[Code, ...]:
    """The role code list as declared on the users table (labels in EN and NL)."""
    return auth.ROLE_FIELD.codes


def role_label(role: str, language: str) -> str:
    return auth.ROLE_FIELD.code_label(role, language)


def status_code(user: UserInfo) -> str:
    """The one status that matters most: deactivated, locked, must change password, active."""
    if not user.active:
        return "deactivated"
    if user.locked:
        return "locked"
    if user.must_change_password:
        return "must_change_password"
    return "active"


def _grow_to_fit(window: QWidget) -> None:
    """Make a dialog tall enough for a wrapped message that just appeared (never shrink it)."""
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None:
        return
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
    else:
        needed = layout.totalSizeHint().height()
    if needed > window.height():
        window.resize(window.width(), needed)


class MessageLabel(login.MessageLabel):
    """The shared message label; in a dialog, the dialog grows to show a wrapped message."""

    def show_error(self, error: Exception) -> None:
        super().show_error(error)
        _grow_to_fit(self.window())


class UserTableModel(QAbstractTableModel):
    """The study's user accounts, one row each (deactivated ones stay listed, greyed)."""

    USERNAME, FULL_NAME, ROLE, STATUS, LAST_LOGIN = range(5)
    COLUMN_COUNT = 5
    SortRole: ClassVar[int] = int(Qt.ItemDataRole.UserRole) + 1
    IdRole: ClassVar[int] = int(Qt.ItemDataRole.UserRole) + 2

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._users: list[UserInfo] = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("User name"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Last login"),
        )

    def status_label(self, user: UserInfo) -> str:
        labels = {
            "deactivated": self.tr("Deactivated"),
            "locked": self.tr("Locked"),
            "must_change_password": self.tr("Must change password"),
            "active": self.tr("Active"),
        }
        return labels[status_code(user)]

    def set_users(self, users: Sequence[UserInfo]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def users(self) -> list[UserInfo]:
        return list(self._users)

    def user_at(self, row: int) -> UserInfo:
        return self._users[row]

    def row_of(self, user_id: int) -> int | None:
        for row, user in enumerate(self._users):
            if user.id == user_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMN_COUNT
        ):
            return self.headers()[section]
        return None

    def _text(self, user: UserInfo, column: int) -> str:
        if column == self.USERNAME:
            return user.username
        if column == self.FULL_NAME:
            return user.full_name
        if column == self.ROLE:
            return role_label(user.role, self._language)
        if column == self.STATUS:
            return self.status_label(user)
        return local_time(user.last_login_utc) if user.last_login_utc else self.tr("never")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._users):
            return None
        column = index.column()
        if not 0 <= column < self.COLUMN_COUNT:
            return None
        user = self._users[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(user, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.LAST_LOGIN:
            return utc_time(user.last_login_utc) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            status = status_code(user)
            if status == "deactivated":
                return QGuiApplication.palette().color(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
            if status == "locked" and column == self.STATUS:
                return QColor("#b00020")
            return None
        if role == self.SortRole:
            if column == self.LAST_LOGIN:
                return user.last_login_utc or ""
            return self._text(user, column).casefold()
        if role == self.IdRole:
            return user.id
        return None


class TemporaryPasswordPanel(QWidget):
    """A temporary password, shown once, with a Copy button (the user must replace it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setReadOnly(True)
        self.field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.field.setAccessibleName(self.tr("Temporary password"))
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.copy_button)
        self.copy_button.clicked.connect(self.copy)

    @property
    def password(self) -> str:
        return self.field.text()

    def set_password(self, password: str) -> None:
        self.field.setText(password)
        self.copy_button.setText(self.tr("Copy"))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.password)
        self.copy_button.setText(self.tr("Copied"))


class _AccountDialog(QDialog):
    """Common parts: the study context, a general message line, and the changed signal."""

    user_changed = Signal(object)  # the UserInfo the service returned

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.result_user: UserInfo | None = None
        self.error = MessageLabel(self)
        self.setMinimumWidth(520)

    def _done(self, user: UserInfo) -> None:
        self.result_user = user
        self.user_changed.emit(user)

    @staticmethod
    def _describe(user: UserInfo) -> str:
        return f"{user.full_name} ({user.username})"


class _PasswordResultPage(QWidget):
    """The page a dialog switches to once a temporary password has been set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.panel = TemporaryPasswordPanel(self)
        self.note = QLabel(
            self.tr(
                "Give this temporary password to the user in person. It is shown only now; "
                "the user must replace it at the first login."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.panel)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)


class NewUserDialog(_AccountDialog):
    """Create an account with a generated temporary password, shown once afterwards."""

    def __init__(
        self,
        ctx: UiContext,
        taken_names: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New user"))
        self._taken = {n.casefold() for n in taken_names}

        self.username = QLineEdit(self)
        self.username.setMaxLength(32)
        self.username_error = MessageLabel(self)
        self.full_name = QLineEdit(self)
        self.full_name.setMaxLength(200)
        self.full_name_error = MessageLabel(self)
        self.role = QComboBox(self)
        for code in _role_codes():
            self.role.addItem(role_label(code.value, ctx.language), code.value)
        self.role.setCurrentIndex(max(0, self.role.findData("nurse")))

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow("", self.username_error)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow("", self.full_name_error)
        form.addRow(self.tr("Role"), self.role)
        hint = QLabel(
            self.tr(
                "A temporary password is generated when the account is created; "
                "the user must change it at the first login."
            ),
            self,
        )
        hint.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(
            self.tr("Create account"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create_button.setEnabled(False)
        self.create_button.setDefault(True)

        form_page = QWidget(self)
        form_layout = QVBoxLayout(form_page)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addLayout(form)
        form_layout.addWidget(hint)
        form_layout.addWidget(self.error)
        form_layout.addStretch(1)
        form_layout.addWidget(self.buttons)

        self.result_page = _PasswordResultPage(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(form_page)
        self.pages.addWidget(self.result_page)
        QVBoxLayout(self).addWidget(self.pages)

        QWidget.setTabOrder(self.username, self.full_name)
        QWidget.setTabOrder(self.full_name, self.role)
        QWidget.setTabOrder(self.role, self.create_button)

        self._touched: set[str] = set()
        self.username.textEdited.connect(lambda _t: self._touch("username"))
        self.full_name.textEdited.connect(lambda _t: self._touch("full_name"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.result_page.buttons.rejected.connect(self.accept)
        self.username.setFocus()

    @property
    def password_panel(self) -> TemporaryPasswordPanel:
        return self.result_page.panel

    def set_values(self, username: str, full_name: str, role: str) -> None:
        """Fill the form as a person would (for callers that already have the values)."""
        self.username.setText(username)
        self.full_name.setText(full_name)
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self._touched |= {"username", "full_name"}
        self.check()

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self.check()

    def check(self) -> bool:
        """Validate as the administrator types; Create stays disabled while anything fails."""
        ok = True
        name = self.username.text().strip().lower()
        problem: ServiceError | None = None
        if not name:
            ok = False
        elif not auth.USERNAME_RE.match(name):
            problem = ServiceError(Msg.USERNAME_INVALID)
        elif name in self._taken:
            problem = ServiceError(Msg.USERNAME_TAKEN, username=name)
        if problem is not None:
            ok = False
            if "username" in self._touched:
                self.username_error.show_error(problem)
        else:
            self.username_error.clear_message()
        if not self.full_name.text().strip():
            ok = False
            if "full_name" in self._touched:
                self.full_name_error.show_error(FieldError("full_name", Problem.REQUIRED))
        else:
            self.full_name_error.clear_message()
        self.create_button.setEnabled(ok)
        return ok

    def submit(self) -> UserInfo | None:
        self._touched |= {"username", "full_name"}
        if not self.check():
            return None
        self.error.clear_message()
        password = auth.temporary_password()
        role = str(self.role.currentData())
        try:
            user = auth.create_user(
                self._ctx.study,
                self._ctx.user,
                self.username.text(),
                self.full_name.text(),
                role,
                password,
            )
        except ServiceError as exc:
            if exc.code in {Msg.USERNAME_TAKEN, Msg.USERNAME_INVALID}:
                self.username_error.show_error(exc)
                self.username.setFocus()
                self.username.selectAll()
            else:
                self.error.show_error(exc)
            return None
        self.result_page.summary.setText(
            self.tr("Account {name} created with the role {role}.").format(
                name=self._describe(user), role=role_label(user.role, self._ctx.language)
            )
        )
        self.result_page.panel.set_password(password)
        self.pages.setCurrentWidget(self.result_page)
        self.result_page.panel.copy_button.setFocus()
        self._done(user)
        return user


class ChangeRoleDialog(_AccountDialog):
    """Give an account another role; a reason is required and audited."""

    def __init__(self, ctx: UiContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = user
        self.setWindowTitle(self.tr("Change role"))
        heading = QLabel(
            self.tr("Change the role of {user}.").format(user=self._describe(user)), self
        )
        heading.setWordWrap(True)
        self.role = QComboBox(self)
        for code in _role_codes():
            self.role.addItem(role_label(code.value, ctx.language), code.value)
        self.role.setCurrentIndex(max(0, self.role.findData(user.role)))
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Why the role changes"))
        form = QFormLayout()
        form.addRow(self.tr("New role"), self.role)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(self)
        self.change_button = self.buttons.addButton(
            self.tr("Change role"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.change_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.role, self.reason)
        QWidget.setTabOrder(self.reason, self.change_button)
        self.role.currentIndexChanged.connect(lambda _i: self.check())
        self.reason.textChanged.connect(lambda _t: self.check())
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.check()
        self.role.setFocus()

    def set_values(self, role: str, reason: str) -> None:
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self.reason.setText(reason)

    def check(self) -> bool:
        ok = self.role.currentData() != self.user.role and bool(self.reason.text().strip())
        self.change_button.setEnabled(ok)
        return ok

    def submit(self) -> UserInfo | None:
        if not self.check():
            return None
        self.error.clear_message()
        try:
            user = auth.set_role(
                self._ctx.study,
                self._ctx.user,
                self.user.id,
                str(self.role.currentData()),
                self.reason.text().strip(),
            )
        except ServiceError as exc:
            self.error.show_error(exc)
            return None
        self._done(user)
        self.accept()
        return user


class ResetPasswordDialog(_AccountDialog):
    """Set a generated temporary password: unlocks the account, forces a change at login."""

    def __init__(self, ctx: UiContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = user
        self.setWindowTitle(self.tr("Reset password"))
        text = QLabel(
            self.tr(
                "Reset the password of {user}? A temporary password is generated, the account "
                "is unlocked, and the user must choose a new password at the next login."
            ).format(user=self._describe(user)),
            self,
        )
        text.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.reset_button = self.buttons.addButton(
            self.tr("Reset password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.reset_button.setDefault(True)

        confirm_page = QWidget(self)
        confirm_layout = QVBoxLayout(confirm_page)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        confirm_layout.addWidget(text)
        confirm_layout.addWidget(self.error)
        confirm_layout.addStretch(1)
        confirm_layout.addWidget(self.buttons)
        self.result_page = _PasswordResultPage(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(confirm_page)
        self.pages.addWidget(self.result_page)
        QVBoxLayout(self).addWidget(self.pages)

        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.result_page.buttons.rejected.connect(self.accept)
        self.reset_button.setFocus()

    @property
    def password_panel(self) -> TemporaryPasswordPanel:
        return self.result_page.panel

    def submit(self) -> UserInfo | None:
        self.error.clear_message()
        password = auth.temporary_password()
        try:
            user = auth.reset_password(self._ctx.study, self._ctx.user, self.user.id, password)
        except ServiceError as exc:
            self.error.show_error(exc)
            return None
        self.result_page.summary.setText(
            self.tr("The password of {user} was reset.").format(user=self._describe(user))
        )
        self.result_page.panel.set_password(password)
        self.pages.setCurrentWidget(self.result_page)
        self.result_page.panel.copy_button.setFocus()
        self._done(user)
        return user


class DeactivateDialog(_AccountDialog):
    """Deactivate an account (kept for the audit trail; its name is never reused)."""

    def __init__(self, ctx: UiContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = user
        self.setWindowTitle(self.tr("Deactivate account"))
        text = QLabel(
            self.tr(
                "Deactivate {user}? The account can no longer log in. It stays in the audit "
                "trail, and its user name cannot be used again."
            ).format(user=self._describe(user)),
            self,
        )
        text.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Why the account is deactivated"))
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(self)
        self.deactivate_button = self.buttons.addButton(
            self.tr("Deactivate"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.reason, self.deactivate_button)
        self.reason.textChanged.connect(lambda _t: self.check())
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.check()
        self.reason.setFocus()

    def set_reason(self, reason: str) -> None:
        self.reason.setText(reason)

    def check(self) -> bool:
        ok = bool(self.reason.text().strip())
        self.deactivate_button.setEnabled(ok)
        return ok

    def submit(self) -> UserInfo | None:
        if not self.check():
            return None
        self.error.clear_message()
        try:
            user = auth.deactivate(
                self._ctx.study, self._ctx.user, self.user.id, self.reason.text().strip()
            )
        except ServiceError as exc:
            self.error.show_error(exc)
            return None
        self._done(user)
        self.accept()
        return user


_D = TypeVar("_D", bound=_AccountDialog)


class UserAdminWidget(QWidget):
    """The administrator's list of accounts and the actions on them. There is no delete."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.allowed = ctx.user.may("manage_users")
        self.dialog: _AccountDialog | None = None  # the dialog last opened, if any
        self.model = UserTableModel(ctx.language, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(UserTableModel.SortRole)

        layout = QVBoxLayout(self)
        self.denied_label = QLabel(self.tr("Administrators only"), self)
        self.denied_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.denied_label)
        self.denied_label.setVisible(not self.allowed)

        self.new_button = QPushButton(self.tr("New user…"), self)
        self.role_button = QPushButton(self.tr("Change role…"), self)
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.deactivate_button = QPushButton(self.tr("Deactivate…"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.count_label = QLabel(self)
        self.error = MessageLabel(self)
        self.hint = QLabel(
            self.tr("Accounts are never deleted: deactivate an account that is no longer used."),
            self,
        )
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 160), (1, 260), (2, 180), (3, 200)):
            header.resizeSection(column, width)
        self.table.sortByColumn(UserTableModel.USERNAME, Qt.SortOrder.AscendingOrder)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.role_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addWidget(self.deactivate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addWidget(self.refresh_button)
        self.controls = QWidget(self)
        controls_layout = QVBoxLayout(self.controls)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.addLayout(buttons)
        controls_layout.addWidget(self.error)
        controls_layout.addWidget(self.table, 1)
        controls_layout.addWidget(self.hint)
        layout.addWidget(self.controls, 1)
        self.controls.setVisible(self.allowed)

        QWidget.setTabOrder(self.table, self.new_button)
        QWidget.setTabOrder(self.new_button, self.role_button)
        QWidget.setTabOrder(self.role_button, self.reset_button)
        QWidget.setTabOrder(self.reset_button, self.deactivate_button)
        QWidget.setTabOrder(self.deactivate_button, self.refresh_button)

        self.new_button.clicked.connect(self.new_user)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_password)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.change_role())
        self.refresh()

    # -- list ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the accounts, keeping the selected one."""
        if not self.allowed:
            return
        selected = self.selected_user()
        try:
            users = auth.list_users(self._ctx.study, self._ctx.user)
        except ServiceError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_message()
        self.model.set_users(users)
        active = sum(1 for u in users if u.active)
        self.count_label.setText(
            self.tr("{active} active of {total} accounts").format(active=active, total=len(users))
        )
        if selected is None or not self.select_user(selected.id):
            self.select_user(self._ctx.user.id)  # keyboard users start on a row
        self._update_buttons()

    def selected_user(self) -> UserInfo | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.user_at(self.proxy.mapToSource(index).row())

    def select_user(self, user_id: int) -> bool:
        row = self.model.row_of(user_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        return True

    def user_named(self, username: str) -> UserInfo | None:
        return next((u for u in self.model.users() if u.username == username), None)

    def _update_buttons(self, *_args: object) -> None:
        user = self.selected_user()
        live = user is not None and user.active
        self.role_button.setEnabled(live)
        self.reset_button.setEnabled(live)
        self.deactivate_button.setEnabled(live)

    # -- actions ---------------------------------------------------------------------------------
    def new_user(self) -> NewUserDialog:
        dialog = NewUserDialog(self._ctx, [u.username for u in self.model.users()], self)
        return self._open(dialog)

    def change_role(self) -> ChangeRoleDialog | None:
        user = self.selected_user()
        if user is None or not user.active:
            return None
        return self._open(ChangeRoleDialog(self._ctx, user, self))

    def reset_password(self) -> ResetPasswordDialog | None:
        user = self.selected_user()
        if user is None or not user.active:
            return None
        return self._open(ResetPasswordDialog(self._ctx, user, self))

    def deactivate(self) -> DeactivateDialog | None:
        user = self.selected_user()
        if user is None or not user.active:
            return None
        return self._open(DeactivateDialog(self._ctx, user, self))

    def _open(self, dialog: _D) -> _D:
        previous, self.dialog = self.dialog, dialog
        if previous is not None and not previous.isVisible():
            previous.deleteLater()  # a closed dialog is kept only until the next one opens
        dialog.user_changed.connect(self._changed)
        dialog.open()
        return dialog

    def _changed(self, user: object) -> None:
        self.refresh()
        if isinstance(user, UserInfo):
            self.select_user(user.id)
