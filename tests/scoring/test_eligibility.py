"""Tests of the eligibility decision, inclusion 1 (age) and the refractoriness rules."""

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sscvisit.scoring.eligibility import (
    ANSWERS,
    CRITERIA_CODES,
    EXCLUSION,
    INCLUSION,
    REFRACTORINESS_PROBLEMS,
    age_on,
    decide,
    failed_criteria,
    inclusion1,
    refractoriness_problem,
)

PASSING = {**dict.fromkeys(INCLUSION, "yes"), **dict.fromkeys(EXCLUSION, "no")}
FAILING = {**dict.fromkeys(INCLUSION, "no"), **dict.fromkeys(EXCLUSION, "yes")}

answer_or_none = st.sampled_from((*ANSWERS, None))
answer_sets = st.fixed_dictionaries(dict.fromkeys(CRITERIA_CODES, answer_or_none))


# --- the decision ---------------------------------------------------------------------------


def test_complete_passing_answers_are_eligible() -> None:
    assert decide(PASSING) == "eligible"
    assert failed_criteria(PASSING) == ()


def test_constants_follow_the_protocol() -> None:
    assert INCLUSION == ("inc1", "inc2", "inc3", "inc4")
    assert EXCLUSION == ("exc1", "exc2", "exc3", "exc4", "exc5", "exc6", "exc7")
    assert CRITERIA_CODES == INCLUSION + EXCLUSION
    assert ANSWERS == ("yes", "no", "not_assessed")


@pytest.mark.parametrize("code", CRITERIA_CODES)
def test_one_failing_criterion_excludes(code: str) -> None:
    answers = {**PASSING, code: FAILING[code]}
    assert decide(answers) == "not_eligible"
    assert failed_criteria(answers) == (code,)


@pytest.mark.parametrize("code", CRITERIA_CODES)
@pytest.mark.parametrize("missing", ["not_assessed", None])
def test_one_open_criterion_leaves_the_decision_open(code: str, missing: str | None) -> None:
    answers = {**PASSING, code: missing}
    assert decide(answers) == "undecided"
    assert failed_criteria(answers) == ()


def test_a_definite_failure_decides_despite_not_assessed_criteria() -> None:
    # Not 18 (inclusion 1 no), nothing else assessed yet: a screen failure already.
    answers: dict[str, str | None] = {
        **dict.fromkeys(CRITERIA_CODES, "not_assessed"),
        "inc1": "no",
    }
    assert decide(answers) == "not_eligible"
    assert failed_criteria(answers) == ("inc1",)
    # Calcinosis under the ulcer (exclusion 1), the rest unanswered.
    assert decide({"exc1": "yes"}) == "not_eligible"
    assert failed_criteria({"exc1": "yes"}) == ("exc1",)


def test_an_exclusion_answered_no_and_an_inclusion_answered_yes_do_not_fail() -> None:
    # "no" to an exclusion is a pass, "yes" to an inclusion is a pass: the answer's meaning
    # depends on the kind of criterion.
    assert decide({"inc1": "yes", "exc1": "no"}) == "undecided"
    assert failed_criteria({"inc1": "yes", "exc1": "no"}) == ()


def test_nothing_answered_is_undecided() -> None:
    assert decide({}) == "undecided"
    assert decide(dict.fromkeys(CRITERIA_CODES)) == "undecided"


def test_every_failure_is_listed_in_protocol_order() -> None:
    answers = {**PASSING, "exc7": "yes", "inc3": "no", "exc2": "yes", "inc1": "not_assessed"}
    assert failed_criteria(answers) == ("inc3", "exc2", "exc7")
    assert decide(answers) == "not_eligible"


def test_an_unknown_criterion_code_is_named() -> None:
    with pytest.raises(ValueError, match="'inc9'"):
        decide({**PASSING, "inc9": "yes"})
    with pytest.raises(ValueError, match="'exc0'"):
        failed_criteria({"exc0": "no"})


@pytest.mark.parametrize("answer", ["maybe", "Yes", "", "unknown"])
def test_an_unknown_answer_is_named(answer: str) -> None:
    with pytest.raises(ValueError, match=f"{answer!r}.*'exc3'"):
        decide({**PASSING, "exc3": answer})
    with pytest.raises(ValueError, match=f"{answer!r}"):
        failed_criteria({"exc3": answer})


@given(answer_sets, st.sampled_from(INCLUSION))
def test_any_inclusion_no_is_not_eligible(answers: dict[str, str | None], code: str) -> None:
    answers[code] = "no"
    assert decide(answers) == "not_eligible"
    assert code in failed_criteria(answers)


@given(answer_sets, st.sampled_from(EXCLUSION))
def test_any_exclusion_yes_is_not_eligible(answers: dict[str, str | None], code: str) -> None:
    answers[code] = "yes"
    assert decide(answers) == "not_eligible"
    assert code in failed_criteria(answers)


@given(answer_sets)
def test_the_decision_agrees_with_a_reference(answers: dict[str, str | None]) -> None:
    failing = [c for c in CRITERIA_CODES if answers[c] == FAILING[c]]
    result = decide(answers)
    if failing:
        expected = "not_eligible"
    elif answers == PASSING:
        expected = "eligible"
    else:
        expected = "undecided"
    assert result == expected
    assert list(failed_criteria(answers)) == failing
    assert (result == "not_eligible") == bool(failed_criteria(answers))


@given(answer_sets, st.sampled_from(CRITERIA_CODES), st.sampled_from(ANSWERS))
def test_answering_an_open_criterion_never_undoes_a_decision(
    answers: dict[str, str | None], code: str, answer: str
) -> None:
    """Filling in what was left open can only settle an undecided screening, never reverse one."""
    assume(answers[code] in {None, "not_assessed"})
    before = decide(answers)
    after = decide({**answers, code: answer})
    if before != "undecided":
        assert after == before


# --- inclusion 1: age ---------------------------------------------------------------------------


def test_age_is_counted_in_completed_years() -> None:
    dob = dt.date(1970, 3, 4)
    assert age_on(dob, dt.date(1970, 3, 4)) == 0
    assert age_on(dob, dt.date(2026, 3, 3)) == 55
    assert age_on(dob, dt.date(2026, 3, 4)) == 56
    assert age_on(dob, dt.date(2026, 12, 31)) == 56


def test_the_day_before_the_18th_birthday_is_not_old_enough() -> None:
    dob = dt.date(2008, 6, 15)
    assert age_on(dob, dt.date(2026, 6, 14)) == 17
    assert inclusion1(dob, dt.date(2026, 6, 14)) == "no"
    assert inclusion1(dob, dt.date(2026, 6, 15)) == "yes"
    assert inclusion1(dob, dt.date(2026, 6, 16)) == "yes"


def test_new_year_edge() -> None:
    dob = dt.date(2008, 1, 1)
    assert inclusion1(dob, dt.date(2025, 12, 31)) == "no"
    assert inclusion1(dob, dt.date(2026, 1, 1)) == "yes"


def test_a_leap_day_birthday_completes_the_year_on_1_march() -> None:
    dob = dt.date(2008, 2, 29)
    assert age_on(dob, dt.date(2026, 2, 28)) == 17
    assert inclusion1(dob, dt.date(2026, 2, 28)) == "no"
    assert inclusion1(dob, dt.date(2026, 3, 1)) == "yes"
    # In a leap year the birthday itself counts.
    assert age_on(dob, dt.date(2028, 2, 28)) == 19
    assert age_on(dob, dt.date(2028, 2, 29)) == 20


def test_the_minimum_age_comes_from_the_caller() -> None:
    dob = dt.date(2005, 5, 5)
    assert inclusion1(dob, dt.date(2026, 5, 5), minimum_age=21) == "yes"
    assert inclusion1(dob, dt.date(2026, 5, 4), minimum_age=21) == "no"


def test_a_date_before_birth_is_refused() -> None:
    with pytest.raises(ValueError, match="before the date of birth"):
        age_on(dt.date(2000, 1, 2), dt.date(2000, 1, 1))


def _reference_age(dob: dt.date, on: dt.date) -> int:
    """Count birthdays passed, a 29 February birthday falling on 1 March in common years."""
    years = 0
    while True:
        year = dob.year + years + 1
        try:
            birthday = dob.replace(year=year)
        except ValueError:
            birthday = dt.date(year, 3, 1)
        if birthday > on:
            return years
        years += 1


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.integers(min_value=0, max_value=40_000),
)
def test_age_agrees_with_counting_birthdays(dob: dt.date, days: int) -> None:
    on = dob + dt.timedelta(days=days)
    assert age_on(dob, on) == _reference_age(dob, on)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2010, 12, 31)))
def test_the_18th_birthday_is_the_first_eligible_day(dob: dt.date) -> None:
    try:
        birthday = dob.replace(year=dob.year + 18)
    except ValueError:  # 29 February
        birthday = dt.date(dob.year + 18, 3, 1)
    assert inclusion1(dob, birthday - dt.timedelta(days=1)) == "no"
    assert inclusion1(dob, birthday) == "yes"


# --- inclusion 3: refractoriness ----------------------------------------------------------------

START = dt.date(2025, 9, 1)
END = dt.date(2025, 9, 5)


def _days_after_end(days: int) -> dt.date:
    return END + dt.timedelta(days=days)


@pytest.mark.parametrize(
    ("rule", "days", "expected"),
    [
        ("worse_1m", 27, "too_early_for_worse"),
        ("worse_1m", 28, None),
        ("worse_1m", 29, None),
        ("worse_1m", 0, "too_early_for_worse"),
        ("not_improved_2m", 55, "too_early_for_not_improved"),
        ("not_improved_2m", 56, None),
        ("not_improved_2m", 400, None),
        ("not_improved_2m", 28, "too_early_for_not_improved"),
    ],
)
def test_worse_and_not_improved_are_judged_after_their_interval(
    rule: str, days: int, expected: str | None
) -> None:
    assessed = _days_after_end(days)
    assert refractoriness_problem(rule, START, END, assessed, None) == expected


@pytest.mark.parametrize(
    ("recurred_days_after_end", "expected"),
    [
        (-1, "recurrence_outside_window"),  # during the course: not a recurrence after it
        (0, "recurrence_outside_window"),  # the last day of the course
        (1, None),
        (91, None),
        (92, "recurrence_outside_window"),
    ],
)
def test_a_recurrence_counts_within_91_days_after_the_course(
    recurred_days_after_end: int, expected: str | None
) -> None:
    assessed = _days_after_end(200)
    recurred = _days_after_end(recurred_days_after_end)
    assert refractoriness_problem("recurred_3m", START, END, assessed, recurred) == expected


def test_a_recurrence_on_the_screening_day_counts_and_after_it_does_not() -> None:
    assessed = _days_after_end(30)
    assert refractoriness_problem("recurred_3m", START, END, assessed, assessed) is None
    later = assessed + dt.timedelta(days=1)
    assert (
        refractoriness_problem("recurred_3m", START, END, assessed, later)
        == "recurrence_after_screening"
    )


def test_a_recurrence_needs_its_date() -> None:
    assessed = _days_after_end(30)
    assert (
        refractoriness_problem("recurred_3m", START, END, assessed, None)
        == "recurrence_date_missing"
    )


def test_a_recurrence_date_is_ignored_for_the_other_rules() -> None:
    assessed = _days_after_end(60)
    far = _days_after_end(-300)
    assert refractoriness_problem("worse_1m", START, END, assessed, far) is None
    assert refractoriness_problem("not_improved_2m", START, END, assessed, far) is None


def test_course_dates_are_checked_first() -> None:
    assessed = _days_after_end(100)
    assert refractoriness_problem(None, START, END, assessed, None) == "rule_missing"
    for rule in ("worse_1m", "not_improved_2m", "recurred_3m"):
        assert refractoriness_problem(rule, None, END, assessed, None) == "course_dates_missing"
        assert refractoriness_problem(rule, START, None, assessed, None) == "course_dates_missing"
        assert refractoriness_problem(rule, END, START, assessed, None) == "course_end_before_start"
        # The course must have ended by the screening.
        assert (
            refractoriness_problem(rule, START, END, END - dt.timedelta(days=1), None)
            == "course_not_finished"
        )


def test_a_one_day_course_is_a_course() -> None:
    assert refractoriness_problem("worse_1m", END, END, _days_after_end(28), None) is None


def test_the_course_may_end_on_the_screening_day_but_then_it_is_too_early() -> None:
    assert refractoriness_problem("worse_1m", START, END, END, None) == "too_early_for_worse"


def test_the_intervals_come_from_the_caller() -> None:
    assessed = _days_after_end(30)
    kwargs = {"worse_after_days": 31, "not_improved_after_days": 30, "recurrence_within_days": 5}
    assert (
        refractoriness_problem("worse_1m", START, END, assessed, None, **kwargs)
        == "too_early_for_worse"
    )
    assert refractoriness_problem("not_improved_2m", START, END, assessed, None, **kwargs) is None
    assert (
        refractoriness_problem("recurred_3m", START, END, assessed, _days_after_end(6), **kwargs)
        == "recurrence_outside_window"
    )


def test_an_unknown_rule_is_named() -> None:
    with pytest.raises(ValueError, match="'worse_2m'"):
        refractoriness_problem("worse_2m", START, END, _days_after_end(100), None)


@given(
    st.sampled_from(("worse_1m", "not_improved_2m", "recurred_3m")),
    st.one_of(st.none(), st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 1, 1))),
    st.one_of(st.none(), st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 1, 1))),
    st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 1, 1)),
    st.one_of(st.none(), st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 1, 1))),
)
def test_a_problem_is_always_a_known_code_and_none_means_consistent(
    rule: str,
    start: dt.date | None,
    end: dt.date | None,
    assessed: dt.date,
    recurred: dt.date | None,
) -> None:
    problem = refractoriness_problem(rule, start, end, assessed, recurred)
    assert problem is None or problem in REFRACTORINESS_PROBLEMS
    if problem is None:
        assert start is not None
        assert end is not None
        assert start <= end <= assessed
        since = (assessed - end).days
        if rule == "worse_1m":
            assert since >= 28
        elif rule == "not_improved_2m":
            assert since >= 56
        else:
            assert recurred is not None
            assert end < recurred <= assessed
            assert (recurred - end).days <= 91
