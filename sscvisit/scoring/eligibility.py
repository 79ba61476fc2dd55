"""Eligibility for the trial: the inclusion and exclusion criteria combined into one decision.

Protocol EUCTR2015-000168-32-NL (DOMAIN.md, "Eligibility"): a patient is eligible when every
inclusion criterion holds and no exclusion criterion does. Each criterion is answered "yes", "no"
or "not_assessed"; nothing defaults to "yes".

Combination rules:

- one definite failure (an inclusion answered "no", or an exclusion answered "yes") decides
  "not_eligible" even while other criteria are unanswered or not assessed: the patient cannot
  become eligible whatever the missing answers turn out to be;
- otherwise any unanswered or "not_assessed" criterion leaves the decision "undecided";
- only a complete set of passing answers is "eligible".

Inclusion 1 ("age > 18 years") is computed, not typed. The protocol's population is "adults
(18-64)", so the rule is read as *at least 18 completed years* on the screening date; the
minimum comes from the protocol file and is passed in. Completed years follow the calendar: a
person born on 29 February completes a year on 1 March in years without that date.

Inclusion 3 needs the digital ulcer to be refractory to IV prostacyclins, by one of three rules
whose time limits also come from the protocol file (defaults below): worse at least 1 month
(28 days) after the course ended; not improved at least 2 months (56 days) after; or the same
ulcer recurred within 3 months (91 days) after the course. ``refractoriness_problem`` checks a
recorded rule against the recorded dates.

Pure functions over plain values, importing nothing of the application, so a statistician can
re-derive every decision from an export.
"""

import datetime as dt
from collections.abc import Mapping

__all__ = [
    "ANSWERS",
    "CRITERIA_CODES",
    "ELIGIBLE",
    "EXCLUSION",
    "INCLUSION",
    "MINIMUM_AGE_YEARS",
    "NO",
    "NOT_ASSESSED",
    "NOT_ELIGIBLE",
    "NOT_IMPROVED_AFTER_DAYS",
    "RECURRENCE_WITHIN_DAYS",
    "REFRACTORINESS_PROBLEMS",
    "REFRACTORY_RULES",
    "RESULTS",
    "UNDECIDED",
    "WORSE_AFTER_DAYS",
    "YES",
    "age_on",
    "decide",
    "failed_criteria",
    "inclusion1",
    "refractoriness_problem",
]

INCLUSION: tuple[str, ...] = ("inc1", "inc2", "inc3", "inc4")
"""Inclusion criteria: all must be "yes"."""

EXCLUSION: tuple[str, ...] = ("exc1", "exc2", "exc3", "exc4", "exc5", "exc6", "exc7")
"""Exclusion criteria: all must be "no"."""

CRITERIA_CODES: tuple[str, ...] = INCLUSION + EXCLUSION
"""Every criterion code, in the order of the protocol."""

YES = "yes"
NO = "no"
NOT_ASSESSED = "not_assessed"
ANSWERS: tuple[str, ...] = (YES, NO, NOT_ASSESSED)
"""The answers a criterion can have (unanswered is None)."""

ELIGIBLE = "eligible"
NOT_ELIGIBLE = "not_eligible"
UNDECIDED = "undecided"
RESULTS: tuple[str, ...] = (ELIGIBLE, NOT_ELIGIBLE, UNDECIDED)
"""The possible decisions."""

REFRACTORY_RULES: tuple[str, ...] = ("worse_1m", "not_improved_2m", "recurred_3m")
"""Why an ulcer counts as refractory to IV prostacyclins."""

MINIMUM_AGE_YEARS = 18
"""Default minimum age in completed years (the protocol file may set another)."""
WORSE_AFTER_DAYS = 28
"""Default: "worse 1 month after" is judged at least this many days after the course ended."""
NOT_IMPROVED_AFTER_DAYS = 56
"""Default: "not improved 2 months after" is judged at least this many days after the course."""
RECURRENCE_WITHIN_DAYS = 91
"""Default: a recurrence counts when it is at most this many days after the course ended."""

REFRACTORINESS_PROBLEMS: tuple[str, ...] = (
    "rule_missing",
    "course_dates_missing",
    "course_end_before_start",
    "course_not_finished",
    "too_early_for_worse",
    "too_early_for_not_improved",
    "recurrence_date_missing",
    "recurrence_after_screening",
    "recurrence_outside_window",
)
"""Every code ``refractoriness_problem`` can return, in the order it checks them."""

_FAILING: Mapping[str, str] = {
    **dict.fromkeys(INCLUSION, NO),
    **dict.fromkeys(EXCLUSION, YES),
}
_PASSING: Mapping[str, str] = {
    **dict.fromkeys(INCLUSION, YES),
    **dict.fromkeys(EXCLUSION, NO),
}


def _validated(answers: Mapping[str, str | None]) -> dict[str, str | None]:
    unknown = sorted(code for code in answers if code not in _PASSING)
    if unknown:
        raise ValueError(f"unknown criterion code(s): {', '.join(map(repr, unknown))}")
    out: dict[str, str | None] = {}
    for code in CRITERIA_CODES:
        answer = answers.get(code)
        if answer is not None and answer not in ANSWERS:
            raise ValueError(f"unknown answer {answer!r} for criterion {code!r}")
        out[code] = answer
    return out


def failed_criteria(answers: Mapping[str, str | None]) -> tuple[str, ...]:
    """The criteria that fail (inclusions "no", exclusions "yes"), in protocol order.

    These are the reasons kept with a screen failure. Raises ValueError naming an unknown
    criterion code or answer.
    """
    checked = _validated(answers)
    return tuple(code for code in CRITERIA_CODES if checked[code] == _FAILING[code])


def decide(answers: Mapping[str, str | None]) -> str:
    """Return "eligible", "not_eligible" or "undecided" for the answers given.

    A criterion missing from ``answers`` counts as unanswered. Raises ValueError naming an
    unknown criterion code or answer.
    """
    checked = _validated(answers)
    if any(checked[code] == _FAILING[code] for code in CRITERIA_CODES):
        return NOT_ELIGIBLE
    if all(checked[code] == _PASSING[code] for code in CRITERIA_CODES):
        return ELIGIBLE
    return UNDECIDED


def age_on(date_of_birth: dt.date, on: dt.date) -> int:
    """Completed years of age on a date. Raises ValueError when ``on`` is before the birth."""
    if on < date_of_birth:
        raise ValueError(f"{on.isoformat()} is before the date of birth")
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - int(before_birthday)


def inclusion1(
    date_of_birth: dt.date, screening_date: dt.date, minimum_age: int = MINIMUM_AGE_YEARS
) -> str:
    """Inclusion 1: "yes" when the patient has completed ``minimum_age`` years, else "no"."""
    return YES if age_on(date_of_birth, screening_date) >= minimum_age else NO


def _days(later: dt.date, earlier: dt.date) -> int:
    return (later - earlier).days


def refractoriness_problem(
    rule: str | None,
    course_start: dt.date | None,
    course_end: dt.date | None,
    assessed_on: dt.date,
    recurrence_date: dt.date | None,
    *,
    worse_after_days: int = WORSE_AFTER_DAYS,
    not_improved_after_days: int = NOT_IMPROVED_AFTER_DAYS,
    recurrence_within_days: int = RECURRENCE_WITHIN_DAYS,
) -> str | None:
    """Check a refractoriness rule against the IV prostacyclin course and the assessment date.

    Returns None when the dates support the rule, else the first problem found (one of
    ``REFRACTORINESS_PROBLEMS``). The edges: "worse" may be judged from ``worse_after_days``
    after the course end on (the day before is too early), likewise "not improved"; a
    recurrence counts on days 1 .. ``recurrence_within_days`` after the course end and not after
    the assessment. A recurrence date given with another rule is not checked. Raises ValueError
    for an unknown rule.
    """
    if rule is None:
        return "rule_missing"
    if rule not in REFRACTORY_RULES:
        raise ValueError(f"unknown refractoriness rule {rule!r}")
    if course_start is None or course_end is None:
        return "course_dates_missing"
    if course_end < course_start:
        return "course_end_before_start"
    if course_end > assessed_on:
        return "course_not_finished"
    since_course = _days(assessed_on, course_end)
    if rule == "worse_1m":
        return "too_early_for_worse" if since_course < worse_after_days else None
    if rule == "not_improved_2m":
        return "too_early_for_not_improved" if since_course < not_improved_after_days else None
    if recurrence_date is None:
        return "recurrence_date_missing"
    if recurrence_date > assessed_on:
        return "recurrence_after_screening"
    if not 0 < _days(recurrence_date, course_end) <= recurrence_within_days:
        return "recurrence_outside_window"
    return None
