"""One declaration per recorded field, and the validation derived from it.

This module deliberately imports nothing but the standard library: the UI builds its forms
from these declarations, the ORM columns carry them in ``info``, and later the CSV and ODM
exports read them. A field's label, unit, range and code list are written here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["text", "int", "float", "date", "datetime", "code", "bool"]

DATETIME_FORMAT = "%Y-%m-%d %H:%M"
"""How a date and time is typed and shown: local wall-clock time to the minute, as entered."""


class Problem(enum.Enum):
    """Why a value was refused; the UI turns each into a translated message."""

    REQUIRED = "required"
    NOT_A_NUMBER = "not_a_number"
    NOT_AN_INTEGER = "not_an_integer"
    BELOW_MINIMUM = "below_minimum"
    ABOVE_MAXIMUM = "above_maximum"
    NOT_A_DATE = "not_a_date"
    NOT_A_DATETIME = "not_a_datetime"
    DATE_IN_FUTURE = "date_in_future"
    TOO_LONG = "too_long"
    NOT_IN_CODELIST = "not_in_codelist"
    DUPLICATE = "duplicate"
    INCONSISTENT = "inconsistent"


class FieldError(ValueError):
    """A value refused for one field; names the field so the form can show it beside it."""

    def __init__(self, field_name: str, problem: Problem, **params: object) -> None:
        self.field = field_name
        self.problem = problem
        self.params: dict[str, object] = dict(params)
        detail = ", ".join(f"{k}={v}" for k, v in self.params.items())
        super().__init__(f"{field_name}: {problem.value}" + (f" ({detail})" if detail else ""))


@dataclass(frozen=True)
class Code:
    """One entry of a code list: the stored value and its labels."""

    value: str
    label_en: str
    label_nl: str


Value = str | int | float | bool | dt.date | dt.datetime | None


@dataclass(frozen=True)
class Field:
    """Metadata of one recorded field: the single source of its label, type, range and OID."""

    name: str
    label_en: str
    label_nl: str
    kind: Kind
    oid: str
    required: bool = True
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    codes: tuple[Code, ...] = field(default=())
    not_in_future: bool = False

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en

    def code_label(self, value: str, language: str) -> str:
        for code in self.codes:
            if code.value == value:
                return code.label_nl if language == "nl" else code.label_en
        return value

    def parse(
        self, raw: str, *, today: dt.date | None = None, now: dt.datetime | None = None
    ) -> Value:
        """Turn what a person typed into a checked value.

        Dates as ISO 8601 (YYYY-MM-DD); a date and time as YYYY-MM-DD HH:MM (a "T" between them
        is accepted too), local time as entered.
        """
        text = raw.strip()
        if not text:
            return self.check(None, today=today, now=now)
        value: Value
        if self.kind == "int":
            try:
                value = int(text)
            except ValueError:
                raise FieldError(self.name, Problem.NOT_AN_INTEGER) from None
        elif self.kind == "float":
            try:
                value = float(text.replace(",", "."))
            except ValueError:
                raise FieldError(self.name, Problem.NOT_A_NUMBER) from None
        elif self.kind == "date":
            try:
                value = dt.date.fromisoformat(text)
            except ValueError:
                raise FieldError(self.name, Problem.NOT_A_DATE) from None
        elif self.kind == "datetime":
            try:
                typed = " ".join(text.replace("T", " ").split())
                # Local wall-clock time as entered (DOMAIN.md: dates and times as entered).
                value = dt.datetime.strptime(typed, DATETIME_FORMAT)  # noqa: DTZ007
            except ValueError:
                raise FieldError(self.name, Problem.NOT_A_DATETIME) from None
        elif self.kind == "bool":
            value = text.lower() in {"1", "true", "yes", "ja"}
        else:
            value = text
        return self.check(value, today=today, now=now)

    def check(
        self, value: Value, *, today: dt.date | None = None, now: dt.datetime | None = None
    ) -> Value:
        """Return the value if this field accepts it, else raise FieldError naming the field."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.required:
                raise FieldError(self.name, Problem.REQUIRED)
            return None
        if self.kind in {"int", "float"}:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise FieldError(self.name, Problem.NOT_A_NUMBER)
            if self.kind == "int" and not isinstance(value, int):
                raise FieldError(self.name, Problem.NOT_AN_INTEGER)
            if isinstance(value, float) and not math.isfinite(value):
                raise FieldError(self.name, Problem.NOT_A_NUMBER)
            if self.minimum is not None and value < self.minimum:
                raise FieldError(self.name, Problem.BELOW_MINIMUM, minimum=self.minimum)
            if self.maximum is not None and value > self.maximum:
                raise FieldError(self.name, Problem.ABOVE_MAXIMUM, maximum=self.maximum)
        elif self.kind == "date":
            if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                raise FieldError(self.name, Problem.NOT_A_DATE)
            if self.not_in_future and value > (today or dt.date.today()):  # noqa: DTZ011 local date
                raise FieldError(self.name, Problem.DATE_IN_FUTURE)
        elif self.kind == "datetime":
            if not isinstance(value, dt.datetime) or value.tzinfo is not None:
                raise FieldError(self.name, Problem.NOT_A_DATETIME)
            # Local wall-clock time as entered; a minute's grace for clocks a little apart.
            latest = (now or dt.datetime.now()) + dt.timedelta(minutes=1)  # noqa: DTZ005 local
            if self.not_in_future and value > latest:
                raise FieldError(self.name, Problem.DATE_IN_FUTURE)
        elif self.kind in {"text", "code"}:
            if not isinstance(value, str):
                raise FieldError(self.name, Problem.INCONSISTENT)
            value = value.strip()
            if self.max_length is not None and len(value) > self.max_length:
                raise FieldError(self.name, Problem.TOO_LONG, max_length=self.max_length)
            if self.kind == "code" and value not in {c.value for c in self.codes}:
                raise FieldError(self.name, Problem.NOT_IN_CODELIST)
        elif self.kind == "bool" and not isinstance(value, bool):
            raise FieldError(self.name, Problem.INCONSISTENT)
        return value


def check_all(fields: Mapping[str, Field], values: Mapping[str, Value]) -> dict[str, Value]:
    """Check every declared field; collect all errors so a form can mark each field at once."""
    errors: list[FieldError] = []
    checked: dict[str, Value] = {}
    for name, spec in fields.items():
        try:
            checked[name] = spec.check(values.get(name))
        except FieldError as exc:
            errors.append(exc)
    if errors:
        raise FieldErrors(errors)
    return checked


class FieldErrors(ValueError):
    """Several fields refused at once."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))
