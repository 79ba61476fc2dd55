"""Every message a user can see from the services, as translatable text (STYLE.md item 8).

Tests assert the code that is shown (``code_of``), not the wording.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sscvisit.model.fields import FieldError, Problem
from sscvisit.services.errors import Msg, ServiceError


def service_message(error: ServiceError) -> str:
    p = error.params
    code = error.code
    if code is Msg.BAD_CREDENTIALS:
        if p.get("remaining") == 1:
            return QCoreApplication.translate(
                "Messages",
                "Wrong user name or password. One attempt left before the account locks.",
            )
        if "remaining" in p:
            return QCoreApplication.translate(
                "Messages",
                "Wrong user name or password. {n} attempts left before the account locks.",
            ).format(n=p["remaining"])
        return QCoreApplication.translate("Messages", "Wrong user name or password.")
    texts: dict[Msg, str] = {
        Msg.ACCOUNT_LOCKED: QCoreApplication.translate(
            "Messages",
            "This account is locked after too many failed logins. "
            "Ask an administrator to reset it.",
        ),
        Msg.ACCOUNT_INACTIVE: QCoreApplication.translate(
            "Messages", "This account has been deactivated."
        ),
        Msg.PASSWORD_TOO_SHORT: QCoreApplication.translate(
            "Messages", "The password must have at least {minimum} characters."
        ),
        Msg.PASSWORD_SAME_AS_OLD: QCoreApplication.translate(
            "Messages", "The new password must differ from the old one."
        ),
        Msg.PASSWORD_MISMATCH: QCoreApplication.translate(
            "Messages", "The two passwords do not match."
        ),
        Msg.PERMISSION_DENIED: QCoreApplication.translate(
            "Messages", "Your role does not allow this."
        ),
        Msg.REASON_REQUIRED: QCoreApplication.translate(
            "Messages", "Changing a saved value needs a reason for the change."
        ),
        Msg.CONFLICT: QCoreApplication.translate(
            "Messages",
            "Someone else saved this record at the same time. Your changes were not saved; "
            "reload and enter them again.",
        ),
        Msg.NOT_FOUND: QCoreApplication.translate("Messages", "The record no longer exists."),
        Msg.USERNAME_TAKEN: QCoreApplication.translate(
            "Messages", "The user name {username} is taken (names are never reused)."
        ),
        Msg.USERNAME_INVALID: QCoreApplication.translate(
            "Messages",
            "User names are 2-32 characters: lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter; the full name is required.",
        ),
        Msg.LAST_ADMINISTRATOR: QCoreApplication.translate(
            "Messages", "The study must keep at least one active administrator."
        ),
        Msg.NOT_YOURSELF: QCoreApplication.translate(
            "Messages", "You cannot deactivate your own account."
        ),
        Msg.NOTHING_DELETED: QCoreApplication.translate(
            "Messages", "Recorded data is never deleted; void it with a reason instead."
        ),
        Msg.NO_ACTOR: QCoreApplication.translate("Messages", "Nobody is logged in."),
        Msg.ALREADY_VOIDED: QCoreApplication.translate("Messages", "This record is already void."),
        Msg.RECORD_VOIDED: QCoreApplication.translate(
            "Messages", "This record is void and can no longer be changed."
        ),
        Msg.NOT_ELIGIBLE: QCoreApplication.translate(
            "Messages",
            "Only a patient whose latest screening an investigator confirmed as eligible "
            "can be enrolled.",
        ),
        Msg.ALREADY_ENROLLED: QCoreApplication.translate(
            "Messages", "This patient is already enrolled."
        ),
        Msg.SCREENING_CONFIRMED: QCoreApplication.translate(
            "Messages",
            "An investigator has confirmed this screening; it can no longer be changed.",
        ),
        Msg.SCREENING_UNDECIDED: QCoreApplication.translate(
            "Messages",
            "Every criterion must be answered yes or no before the decision can be confirmed.",
        ),
        Msg.SCREENING_OPEN: QCoreApplication.translate(
            "Messages",
            "This patient already has a screening in progress; finish or void it first.",
        ),
        Msg.PATIENT_ENROLLED: QCoreApplication.translate(
            "Messages", "This patient is enrolled and cannot be screened again."
        ),
        Msg.FORM_NOT_IN_VISIT: QCoreApplication.translate(
            "Messages", "The protocol does not collect this form at this visit."
        ),
        Msg.PHOTO_CORRUPT: QCoreApplication.translate(
            "Messages",
            "This photo no longer matches the checksum saved with it: the stored image has "
            "been damaged or altered. Restore the database from a backup.",
        ),
        Msg.VISIT_NOT_DONE: QCoreApplication.translate(
            "Messages",
            "Record the visit as done first; a visit that did not take place has no forms.",
        ),
        Msg.REVIEW_FORM_ONLY: QCoreApplication.translate(
            "Messages",
            "Only the adverse event and medication reviews are ticked as reviewed.",
        ),
    }
    template = texts[code] if code in texts else str(code.value)
    return template.format(**{k: str(v) for k, v in p.items()})


def field_message(error: FieldError) -> str:
    p = {k: _number(v) for k, v in error.params.items()}
    texts: dict[Problem, str] = {
        Problem.REQUIRED: QCoreApplication.translate("Messages", "Required."),
        Problem.NOT_A_NUMBER: QCoreApplication.translate("Messages", "Enter a number."),
        Problem.NOT_AN_INTEGER: QCoreApplication.translate("Messages", "Enter a whole number."),
        Problem.BELOW_MINIMUM: QCoreApplication.translate(
            "Messages", "Must be at least {minimum}."
        ),
        Problem.ABOVE_MAXIMUM: QCoreApplication.translate("Messages", "Must be at most {maximum}."),
        Problem.NOT_A_DATE: QCoreApplication.translate("Messages", "Enter a date as YYYY-MM-DD."),
        Problem.NOT_A_DATETIME: QCoreApplication.translate(
            "Messages", "Enter a date and time as YYYY-MM-DD HH:MM."
        ),
        Problem.DATE_IN_FUTURE: QCoreApplication.translate("Messages", "Cannot be in the future."),
        Problem.TOO_LONG: QCoreApplication.translate(
            "Messages", "At most {max_length} characters."
        ),
        Problem.NOT_IN_CODELIST: QCoreApplication.translate(
            "Messages", "Choose one of the options."
        ),
        Problem.DUPLICATE: QCoreApplication.translate(
            "Messages", "Already registered as {subject}."
        ),
        Problem.INCONSISTENT: QCoreApplication.translate(
            "Messages", "Does not agree with the other answers."
        ),
    }
    if error.field == "birth_year" and error.problem is Problem.INCONSISTENT:
        return QCoreApplication.translate(
            "Messages", "Does not match the date of birth ({expected})."
        ).format(**p)
    if error.field == "consent_date" and error.problem is Problem.INCONSISTENT:
        return QCoreApplication.translate("Messages", "Consent must be after the date of birth.")
    rule = error.params.get("rule")
    # A rule's sentence says more than "Required." (e.g. an SAE without the awareness time).
    if error.problem in {Problem.INCONSISTENT, Problem.REQUIRED} and isinstance(rule, str):
        sentence = _rule_message(rule)
        if sentence is not None:
            return sentence
    return texts[error.problem].format(**p)


def _rule_message(rule: str) -> str | None:
    """Plain sentences for the cross-field rules the services name in ``params["rule"]``."""
    texts = {
        "consent_after_screening": QCoreApplication.translate(
            "Messages", "Informed consent must come before the screening."
        ),
        "before_consent": QCoreApplication.translate(
            "Messages", "Cannot be before the informed consent date."
        ),
        "before_screening": QCoreApplication.translate(
            "Messages", "Cannot be before the screening date."
        ),
        "before_enrolment": QCoreApplication.translate(
            "Messages", "Cannot be before the enrolment date."
        ),
        "before_injection": QCoreApplication.translate(
            "Messages", "Cannot be before the injection visit."
        ),
        "injection_not_recorded": QCoreApplication.translate(
            "Messages", "Record the injection visit first."
        ),
        "injection_recorded": QCoreApplication.translate(
            "Messages", "The injection has been recorded; change its visit date instead."
        ),
        "after_later_visit": QCoreApplication.translate(
            "Messages", "Later visits are recorded before this date."
        ),
        "later_visits_recorded": QCoreApplication.translate(
            "Messages", "Later visits are already recorded."
        ),
        "outside_screening_window": QCoreApplication.translate(
            "Messages", "Must fall within the screening window of the protocol."
        ),
        "course_end_before_start": QCoreApplication.translate(
            "Messages", "The course cannot end before it starts."
        ),
        "course_not_finished": QCoreApplication.translate(
            "Messages", "The course must have ended by the screening date."
        ),
        "too_early_for_worse": QCoreApplication.translate(
            "Messages",
            "'Worse 1 month after the course' needs the screening a month or more after it.",
        ),
        "too_early_for_not_improved": QCoreApplication.translate(
            "Messages",
            "'Not improved 2 months after' needs the screening two months or more "
            "after the course.",
        ),
        "recurrence_date_missing": QCoreApplication.translate(
            "Messages", "Enter the date the ulcer came back."
        ),
        "recurrence_after_screening": QCoreApplication.translate(
            "Messages", "The recurrence cannot be after the screening."
        ),
        "recurrence_outside_window": QCoreApplication.translate(
            "Messages", "The ulcer must have come back within 3 months after the course."
        ),
        "rule_missing": QCoreApplication.translate(
            "Messages", "Choose why the ulcer is refractory."
        ),
        "course_dates_missing": QCoreApplication.translate(
            "Messages", "Enter the start and end of the IV prostacyclin course."
        ),
        "after_visit": QCoreApplication.translate("Messages", "Cannot be after the visit date."),
        "after_screening": QCoreApplication.translate(
            "Messages", "Cannot be after the screening date."
        ),
        "capillaroscopy_normal": QCoreApplication.translate(
            "Messages",
            "The capillaroscopy at screening was normal: untick abnormal nailfold capillaries.",
        ),
        "visit_not_recorded": QCoreApplication.translate(
            "Messages", "Record the visit as done (with its date) first."
        ),
        "unknown_site": QCoreApplication.translate(
            "Messages", "The hand map has no such site on this finger."
        ),
        "width_gt_length": QCoreApplication.translate(
            "Messages", "The width cannot be larger than the length; swap the two."
        ),
        "duplicate_active_site": QCoreApplication.translate(
            "Messages", "Another active ulcer is already recorded at this site."
        ),
        "not_removable": QCoreApplication.translate(
            "Messages", "An ulcer seen before cannot be removed; mark it healed instead."
        ),
        "not_new": QCoreApplication.translate(
            "Messages", "This ulcer was seen at an earlier visit, so it is not new."
        ),
        "recurrence_not_healed": QCoreApplication.translate(
            "Messages",
            "A recurrence must refer to a healed ulcer of this patient at the same site.",
        ),
        "photo_type_mismatch": QCoreApplication.translate(
            "Messages", "The file is not a JPEG or PNG image of the type given."
        ),
        "photo_too_large": QCoreApplication.translate(
            "Messages", "The photo file is too large; save a smaller copy."
        ),
        "stop_before_start": QCoreApplication.translate(
            "Messages", "The medicine cannot be stopped before it was started."
        ),
        "ongoing_with_stop_date": QCoreApplication.translate(
            "Messages", "A medicine still in use has no stop date: clear it or untick ongoing."
        ),
        "stop_or_ongoing": QCoreApplication.translate(
            "Messages", "Enter the stop date, or tick that the medicine is still in use."
        ),
        "start_before_birth": QCoreApplication.translate(
            "Messages", "The start date is before the patient's year of birth."
        ),
        "prostacyclin_not_iv": QCoreApplication.translate(
            "Messages", "An IV prostacyclin course is given intravenously: choose that route."
        ),
        "form_has_data": QCoreApplication.translate(
            "Messages", "This form has saved data, so it cannot be marked as not done."
        ),
        # Lab results (services/labs.py)
        "unit_not_accepted": QCoreApplication.translate(
            "Messages", "The WHO grade cannot use this unit; choose one of the listed units."
        ),
        "uln_needed_for_grade": QCoreApplication.translate(
            "Messages", "Enter the upper limit of normal: the WHO grade is a multiple of it."
        ),
        "range_lower_not_below_upper": QCoreApplication.translate(
            "Messages", "The lower limit must be below the upper limit."
        ),
        # Adverse events (services/safety.py)
        "end_before_onset": QCoreApplication.translate(
            "Messages", "The event cannot end before its onset."
        ),
        "ongoing_with_end_date": QCoreApplication.translate(
            "Messages", "An ongoing event has no end date: untick ongoing or clear the end date."
        ),
        "ongoing_but_resolved": QCoreApplication.translate(
            "Messages", "The outcome says the event is over, so it cannot be ongoing."
        ),
        "end_or_ongoing": QCoreApplication.translate(
            "Messages", "Enter the end date, or tick ongoing."
        ),
        "fatal_without_death": QCoreApplication.translate(
            "Messages", "A fatal outcome needs the seriousness criterion 'results in death'."
        ),
        "death_without_fatal": QCoreApplication.translate(
            "Messages", "'Results in death' needs the outcome fatal."
        ),
        "sae_needs_awareness": QCoreApplication.translate(
            "Messages", "A serious adverse event needs the time the site became aware of it."
        ),
        "aware_before_onset": QCoreApplication.translate(
            "Messages", "The site cannot have become aware of the event before its onset."
        ),
        "reported_before_awareness": QCoreApplication.translate(
            "Messages", "Cannot be reported before the site became aware of it."
        ),
        "late_without_reason": QCoreApplication.translate(
            "Messages", "Reported more than 24 hours after awareness: give the reason it was late."
        ),
        "late_reason_in_time": QCoreApplication.translate(
            "Messages", "Reported within 24 hours: leave the reason for late reporting empty."
        ),
        "report_times_only_for_sae": QCoreApplication.translate(
            "Messages", "Only a serious adverse event is reported to the sponsor."
        ),
        "lab_result_other_patient": QCoreApplication.translate(
            "Messages", "The lab result belongs to another patient."
        ),
        "lab_result_voided": QCoreApplication.translate(
            "Messages", "The lab result was voided: record the event without it."
        ),
        "lab_result_already_recorded": QCoreApplication.translate(
            "Messages", "An adverse event has already been recorded from this lab result."
        ),
        "dose_weight_out_of_range": QCoreApplication.translate(
            "Messages", "The dose is computed only for a body weight of 30 to 200 kg."
        ),
        "injection_not_on_visit_date": QCoreApplication.translate(
            "Messages", "The injection must be on the date of the injection visit."
        ),
        "release_after_injection": QCoreApplication.translate(
            "Messages", "The batch cannot be released after the injection."
        ),
        "diastolic_not_below_systolic": QCoreApplication.translate(
            "Messages", "The diastolic pressure must be lower than the systolic."
        ),
        "measured_not_on_visit_date": QCoreApplication.translate(
            "Messages", "Must be on the date of the visit."
        ),
        "pre_after_injection": QCoreApplication.translate(
            "Messages", "Measured before the injection: cannot be after its time."
        ),
        "post_before_injection": QCoreApplication.translate(
            "Messages", "Measured after the injection: cannot be before its time."
        ),
    }
    return texts.get(rule)


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
