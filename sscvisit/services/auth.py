"""Users, roles, passwords (argon2id), lockout; every account event enters the audit trail."""

from __future__ import annotations

import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sscvisit.model.entities import ROLES, User, fields_of
from sscvisit.model.fields import Field
from sscvisit.services import settings
from sscvisit.services.audit import record_event
from sscvisit.services.clock import utc_stamp
from sscvisit.services.dto import UserInfo
from sscvisit.services.errors import AuthError, Msg, NotFound, PermissionDenied, ServiceError
from sscvisit.services.study import Study

ROLE_CODES = tuple(code.value for code in ROLES)
# The declarations of the account fields, for forms and column headers (role labels EN/NL).
USER_FIELDS: dict[str, Field] = fields_of(User)
ROLE_FIELD: Field = USER_FIELDS["role"]

# What each role may do (DESIGN.md: nurse enters, investigator enters/reviews/signs,
# monitor reads and raises queries, administrator manages users and settings only).
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "nurse": frozenset({"view_data", "enter_data", "view_identity", "view_audit"}),
    "investigator": frozenset({"view_data", "enter_data", "view_identity", "view_audit", "sign"}),
    "monitor": frozenset({"view_data", "view_audit", "raise_query"}),
    "admin": frozenset({"manage_users", "manage_settings", "view_audit"}),
}

USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
SYSTEM = "system"


def require(actor: UserInfo, permission: str) -> None:
    if not actor.may(permission):
        raise PermissionDenied(permission)


def to_info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=user.role,
        active=user.active,
        locked=user.locked,
        must_change_password=user.must_change_password,
        last_login_utc=user.last_login_utc,
    )


def _check_password(session: Session, password: str) -> None:
    minimum = settings.get_int(session, "min_password_length")
    if len(password) < minimum:
        raise AuthError(Msg.PASSWORD_TOO_SHORT, minimum=minimum)


def _user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().lower()))


def has_users(study: Study) -> bool:
    with study.unit() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def create_first_admin(study: Study, username: str, full_name: str, password: str) -> UserInfo:
    """Only for an empty study: the account that then creates everyone else."""
    with study.unit(actor=SYSTEM, reason="study database initialised") as session:
        if session.scalar(select(func.count()).select_from(User)):
            raise PermissionDenied("manage_users")
        user = _new_user(session, username, full_name, "admin", password)
        session.flush()
        record_event(
            session,
            "account_created",
            table_name="users",
            record_id=user.id,
            new_value=user.username,
        )
        return to_info(user)


def _new_user(session: Session, username: str, full_name: str, role: str, password: str) -> User:
    name = username.strip().lower()
    if not USERNAME_RE.match(name):
        raise AuthError(Msg.USERNAME_INVALID)
    if role not in ROLE_CODES:
        raise ValueError(f"unknown role {role!r}")
    if not full_name.strip():
        raise AuthError(Msg.USERNAME_INVALID)
    if _user(session, name) is not None:
        # Users are deactivated, never deleted, so a name once used stays taken for good.
        raise AuthError(Msg.USERNAME_TAKEN, username=name)
    _check_password(session, password)
    user = User(
        username=name,
        full_name=full_name.strip(),
        role=role,
        password_hash=_hasher.hash(password),
        active=True,
        must_change_password=False,
        failed_attempts=0,
        locked=False,
        created_utc=utc_stamp(),
    )
    session.add(user)
    return user


def login(study: Study, username: str, password: str) -> UserInfo:
    """Check a password; count failures, lock the account at the study's limit; audit it all."""
    failure: AuthError | None = None
    with study.unit(actor=username.strip().lower() or "?") as session:
        user = _user(session, username)
        if user is None:
            record_event(session, "login_failed", new_value=username.strip().lower()[:64])
            failure = AuthError(Msg.BAD_CREDENTIALS)
        elif not user.active:
            record_event(
                session,
                "login_failed",
                table_name="users",
                record_id=user.id,
                reason="account deactivated",
            )
            failure = AuthError(Msg.ACCOUNT_INACTIVE)
        elif user.locked:
            record_event(
                session,
                "login_failed",
                table_name="users",
                record_id=user.id,
                reason="account locked",
            )
            failure = AuthError(Msg.ACCOUNT_LOCKED)
        elif not _verify(user, password):
            user.failed_attempts += 1
            limit = settings.get_int(session, "max_failed_logins")
            record_event(
                session,
                "login_failed",
                table_name="users",
                record_id=user.id,
                new_value=user.failed_attempts,
            )
            if user.failed_attempts >= limit:
                session.info["reason"] = f"{user.failed_attempts} failed logins"
                user.locked = True
                session.flush()
                record_event(session, "lockout", table_name="users", record_id=user.id)
                failure = AuthError(Msg.ACCOUNT_LOCKED)
            else:
                failure = AuthError(Msg.BAD_CREDENTIALS, remaining=limit - user.failed_attempts)
        else:
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            user.failed_attempts = 0
            user.last_login_utc = utc_stamp()
            record_event(session, "login", table_name="users", record_id=user.id)
            info = to_info(user)
    if failure is not None:
        raise failure
    return info


def _verify(user: User, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def logout(study: Study, actor: UserInfo) -> None:
    """End a session on purpose (not an idle lock): recorded so sessions can be reconstructed."""
    with study.unit(actor=actor.username) as session:
        record_event(session, "logout", table_name="users", record_id=actor.id)


def unlock_session(study: Study, actor: UserInfo, password: str) -> UserInfo:
    """Re-enter the password after an idle lock: the same checks and counting as a login."""
    return login(study, actor.username, password)


def change_password(study: Study, actor: UserInfo, old: str, new: str) -> UserInfo:
    with study.unit(actor=actor.username, reason="password changed by the user") as session:
        user = _user(session, actor.username)
        if user is None:
            raise NotFound("user", actor.username)
        if not _verify(user, old):
            raise AuthError(Msg.BAD_CREDENTIALS)
        if old == new:
            raise AuthError(Msg.PASSWORD_SAME_AS_OLD)
        _check_password(session, new)
        user.password_hash = _hasher.hash(new)
        user.must_change_password = False
        session.flush()
        return to_info(user)


def list_users(study: Study, actor: UserInfo) -> list[UserInfo]:
    require(actor, "manage_users")
    with study.unit(actor=actor.username) as session:
        return [to_info(u) for u in session.scalars(select(User).order_by(User.username))]


def create_user(
    study: Study, actor: UserInfo, username: str, full_name: str, role: str, password: str
) -> UserInfo:
    require(actor, "manage_users")
    with study.unit(actor=actor.username, reason="account created") as session:
        user = _new_user(session, username, full_name, role, password)
        user.must_change_password = True  # the administrator knows it; the user must replace it
        session.flush()
        record_event(
            session,
            "account_created",
            table_name="users",
            record_id=user.id,
            new_value=user.username,
        )
        return to_info(user)


def _managed(session: Session, actor: UserInfo, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user", user_id)
    return user


def _other_active_admins(session: Session, user_id: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == "admin", User.active.is_(True), User.id != user_id)
        )
        or 0
    )


def set_role(study: Study, actor: UserInfo, user_id: int, role: str, reason: str) -> UserInfo:
    require(actor, "manage_users")
    if role not in ROLE_CODES:
        raise ValueError(f"unknown role {role!r}")
    with study.unit(actor=actor.username, reason=reason or "role changed") as session:
        user = _managed(session, actor, user_id)
        if user.role == "admin" and role != "admin" and not _other_active_admins(session, user.id):
            raise ServiceError(Msg.LAST_ADMINISTRATOR)
        old = user.role
        user.role = role
        session.flush()
        record_event(
            session,
            "role_changed",
            table_name="users",
            record_id=user.id,
            old_value=old,
            new_value=role,
        )
        return to_info(user)


def reset_password(study: Study, actor: UserInfo, user_id: int, new_password: str) -> UserInfo:
    """Set a temporary password, unlock the account, and force a change at the next login."""
    require(actor, "manage_users")
    with study.unit(actor=actor.username, reason="password reset by an administrator") as session:
        user = _managed(session, actor, user_id)
        _check_password(session, new_password)
        user.password_hash = _hasher.hash(new_password)
        user.must_change_password = True
        user.locked = False
        user.failed_attempts = 0
        session.flush()
        return to_info(user)


def deactivate(study: Study, actor: UserInfo, user_id: int, reason: str) -> UserInfo:
    require(actor, "manage_users")
    if user_id == actor.id:
        raise ServiceError(Msg.NOT_YOURSELF)
    with study.unit(actor=actor.username, reason=reason or "account deactivated") as session:
        user = _managed(session, actor, user_id)
        if user.role == "admin" and not _other_active_admins(session, user.id):
            raise ServiceError(Msg.LAST_ADMINISTRATOR)
        user.active = False
        session.flush()
        return to_info(user)


def temporary_password() -> str:
    """A random password an administrator can read out; the user must change it at login."""
    return secrets.token_urlsafe(9)


def study_setting(study: Study, key: str) -> int:
    with study.unit() as session:
        return settings.get_int(session, key)


def change_setting(study: Study, actor: UserInfo, key: str, value: int) -> None:
    require(actor, "manage_settings")
    with study.unit(actor=actor.username, reason=f"setting {key} changed") as session:
        settings.set_int(session, key, value)
