"""Field declarations: a date and time typed as people write it, checked like any value."""

from __future__ import annotations

import datetime as dt

import pytest

from sscvisit.model.fields import Field, FieldError, Problem

NOW = dt.datetime(2026, 11, 25, 10, 30)
WHEN = Field("aware_at", "Aware at", "Bekend op", "datetime", "T.DTC", not_in_future=True)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-11-24 09:05", dt.datetime(2026, 11, 24, 9, 5)),
        ("2026-11-24T09:05", dt.datetime(2026, 11, 24, 9, 5)),
        ("  2026-11-24   09:05 ", dt.datetime(2026, 11, 24, 9, 5)),
        ("2026-11-25 10:31", dt.datetime(2026, 11, 25, 10, 31)),  # a minute's grace
    ],
)
def test_a_date_and_time_is_read_as_typed(typed: str, expected: dt.datetime) -> None:
    assert WHEN.parse(typed, now=NOW) == expected


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("2026-11-24", Problem.NOT_A_DATETIME),
        ("24-11-2026 09:05", Problem.NOT_A_DATETIME),
        ("2026-11-24 25:00", Problem.NOT_A_DATETIME),
        ("2026-11-25 10:32", Problem.DATE_IN_FUTURE),
        ("", Problem.REQUIRED),
    ],
)
def test_a_bad_date_and_time_names_its_problem(typed: str, problem: Problem) -> None:
    with pytest.raises(FieldError) as caught:
        WHEN.parse(typed, now=NOW)
    assert caught.value.field == "aware_at"
    assert caught.value.problem is problem


def test_a_date_alone_or_an_aware_time_is_not_a_datetime_value() -> None:
    for value in (dt.date(2026, 11, 24), dt.datetime(2026, 11, 24, 9, 5, tzinfo=dt.UTC)):
        with pytest.raises(FieldError) as caught:
            WHEN.check(value, now=NOW)
        assert caught.value.problem is Problem.NOT_A_DATETIME


def test_a_date_field_still_refuses_a_datetime() -> None:
    day = Field("day", "Day", "Dag", "date", "T.DT")
    with pytest.raises(FieldError):
        day.check(dt.datetime(2026, 11, 24, 9, 5))
