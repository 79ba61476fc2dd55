"""User administration over a real study database (SQLite file)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from sscvisit.services import auth, patients
from sscvisit.services.dto import UserInfo
from sscvisit.services.errors import AuthError, ServiceError
from sscvisit.services.study import Study
from sscvisit.ui.admin import (
    ChangeRoleDialog,
    DeactivateDialog,
    NewUserDialog,
    ResetPasswordDialog,
    UserAdminWidget,
    UserTableModel,
    role_label,
)
from sscvisit.ui.context import UiContext
from tests.studyfixtures import PASSWORDS, StudyWithUsers

# The offscreen platform cannot pass window size hints on; that is not a fault of the screen.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LEFT = Qt.MouseButton.LeftButton


def make_admin(qtbot: QtBot, made: StudyWithUsers, role: str = "admin") -> UserAdminWidget:
    widget = UserAdminWidget(UiContext(made.study, made.users[role]))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def select(widget: UserAdminWidget, username: str) -> None:
    user = widget.user_named(username)
    assert user is not None
    assert widget.select_user(user.id)


def user_in_db(made: StudyWithUsers, username: str) -> UserInfo:
    users = auth.list_users(made.study, made.users["admin"])
    return next(u for u in users if u.username == username)


def lock(study: Study, username: str) -> None:
    limit = auth.study_setting(study, "max_failed_logins")
    for _ in range(limit):
        with pytest.raises(AuthError):
            auth.login(study, username, "not-the-password")


def test_user_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, study_users: StudyWithUsers
) -> None:
    widget = make_admin(qtbot, study_users)
    assert widget.model.rowCount() == 4
    qtmodeltester.check(widget.model)  # type: ignore[attr-defined]
    qtmodeltester.check(widget.proxy)  # type: ignore[attr-defined]


def test_table_lists_users_with_role_status_and_last_login(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    study = study_users.study
    lock(study, "investigator")
    widget = make_admin(qtbot, study_users)
    model = widget.model
    rows = {model.user_at(r).username: r for r in range(model.rowCount())}
    assert set(rows) == {"admin", "nurse", "investigator", "monitor"}
    nurse_row = rows["nurse"]
    assert model.index(nurse_row, UserTableModel.FULL_NAME).data() == "Nina Nurse"
    assert model.index(nurse_row, UserTableModel.ROLE).data() == role_label("nurse", "en")
    assert role_label("nurse", "en") == "Research nurse"  # the declared label, not the code
    assert role_label("nurse", "nl") == "Researchverpleegkundige"
    assert model.index(nurse_row, UserTableModel.STATUS).data() == model.tr("Active")
    locked = model.index(rows["investigator"], UserTableModel.STATUS).data()
    assert locked == model.tr("Locked")
    assert model.index(nurse_row, UserTableModel.LAST_LOGIN).data().startswith("20")


def test_no_delete_anywhere(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    widget = make_admin(qtbot, study_users)
    texts = [b.text().lower() for b in widget.findChildren(QAbstractButton)]
    assert texts
    assert not any("delete" in t or "remove" in t for t in texts)


def test_non_administrators_see_a_short_notice(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    widget = make_admin(qtbot, study_users, "nurse")
    assert widget.denied_label.isVisible()
    assert not widget.controls.isVisible()
    assert widget.model.rowCount() == 0
    assert widget.denied_label.text() == widget.tr("Administrators only")


def test_admin_creates_a_nurse_who_must_change_the_password(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    widget = make_admin(qtbot, study_users)
    qtbot.mouseClick(widget.new_button, LEFT)
    dialog = widget.dialog
    assert isinstance(dialog, NewUserDialog)
    assert dialog.isVisible()
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(dialog.username, "nora")
    qtbot.keyClicks(dialog.full_name, "Nora Nieuw")
    assert dialog.role.currentData() == "nurse"
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, LEFT)

    password = dialog.password_panel.password
    assert len(password) >= auth.study_setting(study_users.study, "min_password_length")
    assert dialog.password_panel.isVisible()
    qtbot.mouseClick(dialog.password_panel.copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == password

    # The list refreshed behind the dialog, with the new account selected.
    created = widget.selected_user()
    assert created is not None
    assert (created.username, created.role) == ("nora", "nurse")
    assert created.must_change_password

    user = auth.login(study_users.study, "nora", password)
    assert user.must_change_password
    assert user.role == "nurse"
    assert user.full_name == "Nora Nieuw"

    qtbot.mouseClick(dialog.result_page.buttons.buttons()[0], LEFT)
    assert not dialog.isVisible()


def test_taken_user_name_is_refused_at_the_field(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    widget = make_admin(qtbot, study_users)
    dialog = widget.new_user()
    qtbot.keyClicks(dialog.username, "nurse")
    qtbot.keyClicks(dialog.full_name, "Another Nurse")
    assert dialog.username_error.isVisible()
    assert dialog.username_error.code == "username_taken"
    assert not dialog.create_button.isEnabled()


def test_taken_name_of_a_deactivated_user_is_refused_by_the_service(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    study = study_users.study
    admin = study_users.users["admin"]
    auth.deactivate(study, admin, study_users.users["monitor"].id, "left the study")
    # A dialog that does not know the taken names: the service refusal reaches the field.
    dialog = NewUserDialog(UiContext(study, admin))
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.set_values("monitor", "Mo Again", "monitor")
    assert dialog.submit() is None
    assert dialog.username_error.isVisible()
    assert dialog.username_error.code == "username_taken"
    assert dialog.pages.currentWidget() is not dialog.result_page
    assert len(auth.list_users(study, admin)) == 4


def test_invalid_user_name_is_shown_at_the_field(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    widget = make_admin(qtbot, study_users)
    dialog = widget.new_user()
    qtbot.keyClicks(dialog.username, "9 lives")
    qtbot.keyClicks(dialog.full_name, "Nine Lives")
    assert dialog.username_error.code == "username_invalid"
    assert not dialog.create_button.isEnabled()
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "nine")
    assert not dialog.username_error.isVisible()
    assert dialog.create_button.isEnabled()


def test_changing_the_role_writes_an_audit_row(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    widget = make_admin(qtbot, study_users)
    select(widget, "nurse")
    qtbot.mouseClick(widget.role_button, LEFT)
    change_role = widget.dialog
    assert isinstance(change_role, ChangeRoleDialog)
    assert not change_role.change_button.isEnabled()  # same role, no reason yet
    change_role.role.setCurrentIndex(change_role.role.findData("investigator"))
    assert not change_role.change_button.isEnabled()
    qtbot.keyClicks(change_role.reason, "now sub-investigator")
    assert change_role.change_button.isEnabled()
    qtbot.mouseClick(change_role.change_button, LEFT)
    assert not change_role.isVisible()

    assert user_in_db(study_users, "nurse").role == "investigator"
    trail = patients.audit_trail(study_users.study, study_users.users["admin"])
    changed = [r for r in trail if r.action == "role_changed"]
    assert len(changed) == 1
    row = changed[0]
    assert (row.username, row.old_value, row.new_value) == ("admin", "nurse", "investigator")
    assert row.reason == "now sub-investigator"
    assert row.record_id == str(study_users.users["nurse"].id)
    selected = widget.selected_user()
    assert selected is not None
    assert selected.role == "investigator"


def test_the_last_administrator_keeps_the_role(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    widget = make_admin(qtbot, study_users)
    select(widget, "admin")
    dialog = widget.change_role()
    assert dialog is not None
    dialog.set_values("nurse", "testing")
    qtbot.mouseClick(dialog.change_button, LEFT)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.code == "last_administrator"
    assert user_in_db(study_users, "admin").role == "admin"


def test_resetting_a_locked_users_password_unlocks_them(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    study = study_users.study
    lock(study, "investigator")
    with pytest.raises(AuthError) as refused:
        auth.login(study, "investigator", PASSWORDS["investigator"])
    assert refused.value.code.value == "account_locked"

    widget = make_admin(qtbot, study_users)
    select(widget, "investigator")
    qtbot.mouseClick(widget.reset_button, LEFT)
    dialog = widget.dialog
    assert isinstance(dialog, ResetPasswordDialog)
    qtbot.mouseClick(dialog.reset_button, LEFT)
    password = dialog.password_panel.password
    assert password
    assert dialog.pages.currentWidget() is dialog.result_page

    user = auth.login(study, "investigator", password)
    assert not user.locked
    assert user.must_change_password
    shown = widget.selected_user()
    assert shown is not None
    assert (shown.username, shown.locked, shown.must_change_password) == (
        "investigator",
        False,
        True,
    )


def test_deactivating_yourself_is_refused(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    widget = make_admin(qtbot, study_users)
    select(widget, "admin")
    qtbot.mouseClick(widget.deactivate_button, LEFT)
    dialog = widget.dialog
    assert isinstance(dialog, DeactivateDialog)
    assert not dialog.deactivate_button.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.reason, "testing")
    qtbot.mouseClick(dialog.deactivate_button, LEFT)
    assert dialog.isVisible()
    assert dialog.error.code == "not_yourself"
    assert user_in_db(study_users, "admin").active


def test_deactivating_the_last_administrator_is_refused(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    study = study_users.study
    admin = study_users.users["admin"]
    auth.create_user(study, admin, "boss", "Second Admin", "admin", "temporary-boss-1")
    boss = auth.change_password(
        study, auth.login(study, "boss", "temporary-boss-1"), "temporary-boss-1", "boss-password-1"
    )
    # Meanwhile the second administrator made the first one a nurse: only "boss" is left,
    # while this (older) screen still runs as the first administrator.
    auth.set_role(study, boss, admin.id, "nurse", "handover")
    widget = make_admin(qtbot, study_users)
    select(widget, "boss")
    dialog = widget.deactivate()
    assert dialog is not None
    dialog.set_reason("testing")
    qtbot.mouseClick(dialog.deactivate_button, LEFT)
    assert dialog.error.code == "last_administrator"
    assert user_in_db(study_users, "boss").active


def test_a_deactivated_user_cannot_log_in(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    widget = make_admin(qtbot, study_users)
    select(widget, "nurse")
    dialog = widget.deactivate()
    assert dialog is not None
    qtbot.keyClicks(dialog.reason, "left the hospital")
    qtbot.mouseClick(dialog.deactivate_button, LEFT)
    assert not dialog.isVisible()

    with pytest.raises(ServiceError) as refused:
        auth.login(study_users.study, "nurse", PASSWORDS["nurse"])
    assert refused.value.code.value == "account_inactive"
    shown = widget.selected_user()
    assert shown is not None
    assert (shown.username, shown.active) == ("nurse", False)
    row = widget.model.row_of(shown.id)
    assert row is not None
    status = widget.model.index(row, UserTableModel.STATUS).data()
    assert status == widget.model.tr("Deactivated")
    # Nothing more to do with a deactivated account, and there is no way to delete it.
    assert not widget.role_button.isEnabled()
    assert not widget.reset_button.isEnabled()
    assert not widget.deactivate_button.isEnabled()
    assert widget.deactivate() is None
