"""Every message a user can see from the services, as translatable text (STYLE.md item 8).

Tests assert the code that is shown (``code_of``), not the wording.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sscvisit.model.fields import FieldError, Problem
from sscvisit.services.errors import Msg, ServiceError


def _t(text: str) -> str:
    return str(QCoreApplication.translate("Messages", text))


def service_message(error: ServiceError) -> str:
    p = error.params
    code = error.code
    if code is Msg.BAD_CREDENTIALS:
        if "remaining" in p:
            return _t(
                "Wrong user name or password. {n} attempts left before the account locks."
            ).format(n=p["remaining"])
        return _t("Wrong user name or password.")
    texts: dict[Msg, str] = {
        Msg.ACCOUNT_LOCKED: _t(
            "This account is locked after too many failed logins. Ask an administrator to reset it."
        ),
        Msg.ACCOUNT_INACTIVE: _t("This account has been deactivated."),
        Msg.PASSWORD_TOO_SHORT: _t("The password must have at least {minimum} characters."),
        Msg.PASSWORD_SAME_AS_OLD: _t("The new password must differ from the old one."),
        Msg.PASSWORD_MISMATCH: _t("The two passwords do not match."),
        Msg.PERMISSION_DENIED: _t("Your role does not allow this."),
        Msg.REASON_REQUIRED: _t("Changing a saved value needs a reason for the change."),
        Msg.CONFLICT: _t(
            "Someone else saved this record at the same time. Your changes were not saved; "
            "reload and enter them again."
        ),
        Msg.NOT_FOUND: _t("The record no longer exists."),
        Msg.USERNAME_TAKEN: _t("The user name {username} is taken (names are never reused)."),
        Msg.USERNAME_INVALID: _t(
            "User names are 2-32 characters: lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter; the full name is required."
        ),
        Msg.LAST_ADMINISTRATOR: _t("The study must keep at least one active administrator."),
        Msg.NOT_YOURSELF: _t("You cannot deactivate your own account."),
        Msg.NOTHING_DELETED: _t("Recorded data is never deleted; void it with a reason instead."),
        Msg.NO_ACTOR: _t("Nobody is logged in."),
        Msg.ALREADY_VOIDED: _t("This record is already void."),
        Msg.RECORD_VOIDED: _t("This record is void and can no longer be changed."),
    }
    template = texts[code] if code in texts else str(code.value)
    return template.format(**{k: str(v) for k, v in p.items()})


def field_message(error: FieldError) -> str:
    p = {k: _number(v) for k, v in error.params.items()}
    texts: dict[Problem, str] = {
        Problem.REQUIRED: _t("Required."),
        Problem.NOT_A_NUMBER: _t("Enter a number."),
        Problem.NOT_AN_INTEGER: _t("Enter a whole number."),
        Problem.BELOW_MINIMUM: _t("Must be at least {minimum}."),
        Problem.ABOVE_MAXIMUM: _t("Must be at most {maximum}."),
        Problem.NOT_A_DATE: _t("Enter a date as YYYY-MM-DD."),
        Problem.DATE_IN_FUTURE: _t("Cannot be in the future."),
        Problem.TOO_LONG: _t("At most {max_length} characters."),
        Problem.NOT_IN_CODELIST: _t("Choose one of the options."),
        Problem.DUPLICATE: _t("Already registered as {subject}."),
        Problem.INCONSISTENT: _t("Does not agree with the other answers."),
    }
    if error.field == "birth_year" and error.problem is Problem.INCONSISTENT:
        return _t("Does not match the date of birth ({expected}).").format(**p)
    if error.field == "consent_date" and error.problem is Problem.INCONSISTENT:
        return _t("Consent must be after the date of birth.")
    return texts[error.problem].format(**p)


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def code_of(error: Exception) -> str:
    """The stable code of an error, for tests and logs."""
    if isinstance(error, ServiceError):
        return error.code.value
    if isinstance(error, FieldError):
        return f"{error.field}:{error.problem.value}"
    return type(error).__name__
