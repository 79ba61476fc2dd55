"""Errors the services raise; each carries a message code that the UI translates and shows."""

from __future__ import annotations

import enum

from sscvisit.model.fields import FieldError, FieldErrors, Problem


class Msg(enum.Enum):
    """Every message a user can meet from below the UI (STYLE.md item 8)."""

    BAD_CREDENTIALS = "bad_credentials"
    ACCOUNT_LOCKED = "account_locked"
    ACCOUNT_INACTIVE = "account_inactive"
    PASSWORD_TOO_SHORT = "password_too_short"
    PASSWORD_SAME_AS_OLD = "password_same_as_old"
    PASSWORD_MISMATCH = "password_mismatch"
    PERMISSION_DENIED = "permission_denied"
    REASON_REQUIRED = "reason_required"
    CONFLICT = "conflict"
    NOT_FOUND = "not_found"
    USERNAME_TAKEN = "username_taken"
    USERNAME_INVALID = "username_invalid"
    LAST_ADMINISTRATOR = "last_administrator"
    NOT_YOURSELF = "not_yourself"
    NOTHING_DELETED = "nothing_deleted"
    NO_ACTOR = "no_actor"
    ALREADY_VOIDED = "already_voided"
    RECORD_VOIDED = "record_voided"
    NOT_ELIGIBLE = "not_eligible"
    ALREADY_ENROLLED = "already_enrolled"
    SCREENING_CONFIRMED = "screening_confirmed"
    SCREENING_UNDECIDED = "screening_undecided"
    SCREENING_OPEN = "screening_open"
    PATIENT_ENROLLED = "patient_enrolled"
    FORM_NOT_IN_VISIT = "form_not_in_visit"
    PHOTO_CORRUPT = "photo_corrupt"
    VISIT_NOT_DONE = "visit_not_done"
    REVIEW_FORM_ONLY = "review_form_only"


class ServiceError(Exception):
    """A refusal a user should read; ``code`` picks the message, ``params`` fill it in."""

    def __init__(self, code: Msg, **params: object) -> None:
        self.code = code
        self.params: dict[str, object] = dict(params)
        super().__init__(code.value + (f" {self.params}" if self.params else ""))


class AuthError(ServiceError):
    """Login or password refused."""


class PermissionDenied(ServiceError):
    def __init__(self, permission: str) -> None:
        super().__init__(Msg.PERMISSION_DENIED, permission=permission)


class ReasonRequired(ServiceError):
    def __init__(self, table: str, field: str) -> None:
        super().__init__(Msg.REASON_REQUIRED, table=table, field=field)


class ConflictError(ServiceError):
    def __init__(self) -> None:
        super().__init__(Msg.CONFLICT)


class NotFound(ServiceError):
    def __init__(self, what: str, key: object) -> None:
        super().__init__(Msg.NOT_FOUND, what=what, key=key)


__all__ = [
    "AuthError",
    "ConflictError",
    "FieldError",
    "FieldErrors",
    "Msg",
    "NotFound",
    "PermissionDenied",
    "Problem",
    "ReasonRequired",
    "ServiceError",
]
