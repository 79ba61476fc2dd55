"""Accounts: argon2id, lockout, deactivation, roles, forced password change."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from sscvisit.services import auth, settings
from sscvisit.services.errors import AuthError, Msg, PermissionDenied, ServiceError
from tests.studyfixtures import PASSWORDS, StudyWithUsers


def test_passwords_are_stored_as_argon2id(study_users: StudyWithUsers) -> None:
    with study_users.study.engine.connect() as conn:
        hashes = conn.execute(text("SELECT password_hash FROM users")).scalars().all()
    assert hashes
    assert all(h.startswith("$argon2id$") for h in hashes)


def test_lockout_after_the_configured_number_of_failures(study_users: StudyWithUsers) -> None:
    study = study_users.study
    remaining = []
    for _ in range(4):
        with pytest.raises(AuthError) as caught:
            auth.login(study, "nurse", "not the password")
        assert caught.value.code is Msg.BAD_CREDENTIALS
        remaining.append(caught.value.params["remaining"])
    assert remaining == [4, 3, 2, 1]
    with pytest.raises(AuthError) as caught:
        auth.login(study, "nurse", "not the password")
    assert caught.value.code is Msg.ACCOUNT_LOCKED
    # Even the right password is refused now, until an administrator resets it.
    with pytest.raises(AuthError) as caught:
        auth.login(study, "nurse", PASSWORDS["nurse"])
    assert caught.value.code is Msg.ACCOUNT_LOCKED
    admin = study_users.users["admin"]
    auth.reset_password(study, admin, study_users.users["nurse"].id, "temporary-pass-9")
    user = auth.login(study, "nurse", "temporary-pass-9")
    assert user.must_change_password
    assert not user.locked


def test_lockout_threshold_is_a_study_setting(study_users: StudyWithUsers) -> None:
    study = study_users.study
    auth.change_setting(study, study_users.users["admin"], "max_failed_logins", 3)
    for _ in range(2):
        with pytest.raises(AuthError):
            auth.login(study, "monitor", "wrong wrong wrong")
    with pytest.raises(AuthError) as caught:
        auth.login(study, "monitor", "wrong wrong wrong")
    assert caught.value.code is Msg.ACCOUNT_LOCKED
    with pytest.raises(ValueError, match="max_failed_logins"):
        auth.change_setting(study, study_users.users["admin"], "max_failed_logins", 1)
    assert (
        auth.study_setting(study, "idle_lock_minutes")
        == settings.SETTINGS["idle_lock_minutes"].default
    )


def test_deactivated_user_cannot_log_in_and_name_is_never_reused(
    study_users: StudyWithUsers,
) -> None:
    study = study_users.study
    admin = study_users.users["admin"]
    auth.deactivate(study, admin, study_users.users["monitor"].id, "left the trial")
    with pytest.raises(AuthError) as caught:
        auth.login(study, "monitor", PASSWORDS["monitor"])
    assert caught.value.code is Msg.ACCOUNT_INACTIVE
    with pytest.raises(AuthError) as caught:
        auth.create_user(study, admin, "monitor", "New Monitor", "monitor", "another-pass-1")
    assert caught.value.code is Msg.USERNAME_TAKEN
    assert "monitor" in [u.username for u in auth.list_users(study, admin)]


def test_last_administrator_and_self_are_protected(study_users: StudyWithUsers) -> None:
    study = study_users.study
    admin = study_users.users["admin"]
    with pytest.raises(ServiceError) as caught:
        auth.deactivate(study, admin, admin.id, "oops")
    assert caught.value.code is Msg.NOT_YOURSELF
    with pytest.raises(ServiceError) as caught:
        auth.set_role(study, admin, admin.id, "nurse", "oops")
    assert caught.value.code is Msg.LAST_ADMINISTRATOR


def test_roles_limit_what_each_user_may_do(study_users: StudyWithUsers) -> None:
    study = study_users.study
    with pytest.raises(PermissionDenied):
        auth.list_users(study, study_users.users["nurse"])
    with pytest.raises(PermissionDenied):
        auth.create_user(
            study, study_users.users["investigator"], "x1", "X", "nurse", "password-123"
        )
    assert not study_users.users["admin"].may("enter_data")
    assert not study_users.users["monitor"].may("enter_data")
    assert not study_users.users["monitor"].may("view_identity")
    assert study_users.users["investigator"].may("sign")


def test_password_rules(study_users: StudyWithUsers) -> None:
    study = study_users.study
    nurse = study_users.users["nurse"]
    with pytest.raises(AuthError) as caught:
        auth.change_password(study, nurse, PASSWORDS["nurse"], "short")
    assert caught.value.code is Msg.PASSWORD_TOO_SHORT
    with pytest.raises(AuthError) as caught:
        auth.change_password(study, nurse, PASSWORDS["nurse"], PASSWORDS["nurse"])
    assert caught.value.code is Msg.PASSWORD_SAME_AS_OLD
    with pytest.raises(AuthError) as caught:
        auth.change_password(study, nurse, "wrong-old-password", "a-new-password-1")
    assert caught.value.code is Msg.BAD_CREDENTIALS
    changed = auth.change_password(study, nurse, PASSWORDS["nurse"], "a-new-password-1")
    assert not changed.must_change_password
    assert auth.login(study, "nurse", "a-new-password-1").username == "nurse"


def test_user_names_are_checked(study_users: StudyWithUsers) -> None:
    admin = study_users.users["admin"]
    for bad in ("", "1abc", "a b", "x" * 40):
        with pytest.raises(AuthError) as caught:
            auth.create_user(study_users.study, admin, bad, "Some One", "nurse", "password-123")
        assert caught.value.code is Msg.USERNAME_INVALID
