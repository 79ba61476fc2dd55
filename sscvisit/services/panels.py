"""What the lab and biomarker panels share (services.labs, services.biomarkers).

A panel is a visit's set of results, one row per analyte, saved at once. A field of a row is
named ``"<analyte>.<field>"`` (``field_key``), so a form places each message at its own editor.
Here, once for both panels: checking the rows, the sample-date rules, the all-or-nothing save
(add, change with a reason, void a cleared row, revive a voided one) and reading a patient's
results with the baseline, the injection visit's result of the same analyte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from sscvisit.model.entities import BiomarkerResult, LabResult, Patient, Visit
from sscvisit.model.fields import FieldError, FieldErrors, Problem, Value
from sscvisit.services import clock, visits
from sscvisit.services.errors import ConflictError, Msg, ReasonRequired, ServiceError
from sscvisit.services.protocol import default_protocol

__all__ = [
    "PanelEntry",
    "PanelTable",
    "RowCheck",
    "blank",
    "check_rows",
    "clean_reason",
    "field_key",
    "position",
    "save_panel",
    "saved_rows",
    "split_key",
]

Row = TypeVar("Row", LabResult, BiomarkerResult)
Entry = TypeVar("Entry")
Entry_co = TypeVar("Entry_co", covariant=True)


class PanelEntry(Protocol):
    """A checked row (labs.LabEntry, biomarkers.BiomarkerEntry): its analyte and sample date,
    and an attribute for each of the table's fields."""

    @property
    def analyte(self) -> str: ...

    @property
    def sample_date(self) -> dt.date: ...


class RowCheck(Protocol[Entry_co]):
    """labs.check_lab_row, biomarkers.check_biomarker_row."""

    def __call__(
        self, analyte: str, values: Mapping[str, Value], /, *, today: dt.date | None = None
    ) -> Entry_co: ...


@dataclass(frozen=True)
class PanelTable(Generic[Row]):
    """Where a panel is stored and how its rows are saved."""

    entity: type[Row]
    form: str
    """The visit form that collects the panel (the protocol's forms of a visit)."""
    row_fields: tuple[str, ...]
    """What the form enters per analyte, in the form's order."""
    computed_fields: tuple[str, ...]
    """Stored from the checked entry too, never entered (the WHO grade)."""
    new_reason: str
    revived_reason: str


def field_key(analyte: str, name: str) -> str:
    """How a panel names one field of one analyte, e.g. ``"haemoglobin.unit"``."""
    return f"{analyte}.{name}"


def split_key(key: str) -> tuple[str, str]:
    """``"haemoglobin.unit"`` -> ``("haemoglobin", "unit")``."""
    analyte, _, name = key.partition(".")
    return analyte, name


def blank(value: Value) -> bool:
    """Nothing entered: None or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def position(codes: Sequence[str], analyte: str) -> int:
    """Where an analyte comes in the panel's order (one no longer in the panel comes last)."""
    return codes.index(analyte) if analyte in codes else len(codes)


def clean_reason(reason: str | None) -> str | None:
    return (reason or "").strip() or None


# --- saving -----------------------------------------------------------------------------------


def check_rows(
    rows: Mapping[str, Mapping[str, Value]],
    codes: Sequence[str],
    is_blank: Callable[[Mapping[str, Value]], bool],
    check: RowCheck[Entry],
    today: dt.date,
) -> tuple[dict[str, Entry | None], list[FieldError]]:
    """Each analyte's checked entry (None for a blank row) in panel order, and every problem.

    An analyte not in ``codes`` is NOT_IN_CODELIST at ``"<analyte>.analyte"``.
    """
    entries: dict[str, Entry | None] = {}
    errors: list[FieldError] = []
    for analyte in sorted(rows, key=lambda code: position(codes, code)):
        values = rows[analyte]
        if analyte not in codes:
            errors.append(FieldError(field_key(analyte, "analyte"), Problem.NOT_IN_CODELIST))
        elif is_blank(values):
            entries[analyte] = None
        else:
            try:
                entries[analyte] = check(analyte, values, today=today)
            except FieldErrors as refused:
                errors.extend(refused.errors)
    return entries, errors


def save_panel(
    session: Session,
    table: PanelTable[Row],
    visit_id: int,
    entries: Mapping[str, PanelEntry | None],
    errors: list[FieldError],
    reason: str | None,
    expected_versions: Mapping[str, int] | None,
) -> Visit:
    """Save checked rows (from ``check_rows``, with its ``errors``) in ``session``; the visit.

    The visit must be recorded as done and collect ``table.form`` (Msg.FORM_NOT_IN_VISIT); each
    sample date must fit the visit (``_sample_date_errors``). All problems are raised together as
    FieldErrors before anything is written. Rows left out of ``entries`` are untouched; None voids
    a saved row. Changing or voiding a saved row needs ``reason`` (ReasonRequired names the first
    changed field); ``expected_versions`` (analyte -> version the form loaded) turns a concurrent
    save into ConflictError.
    """
    visit, patient = _open_form_visit(session, visit_id, table.form)
    injected = _injection_date(session, patient.id)
    refused = {error.field for error in errors}
    for analyte, entry in entries.items():
        key = field_key(analyte, "sample_date")
        if entry is not None and key not in refused:
            errors = errors + _sample_date_errors(key, entry.sample_date, visit, patient, injected)
    if errors:
        raise FieldErrors(errors)
    existing = {
        row.analyte: row
        for row in session.scalars(select(table.entity).where(table.entity.visit_id == visit.id))
    }
    _check_versions({a: r for a, r in existing.items() if not r.voided}, expected_versions)
    _apply(session, table, visit, entries, existing, reason)
    session.flush()
    return visit


def _open_form_visit(session: Session, visit_id: int, form: str) -> tuple[Visit, Patient]:
    """The visit (locked for update) and its patient, if the protocol collects ``form`` there."""
    visit, patient = visits.open_visit(session, visit_id)
    if form not in visits.visit_forms(visit.visit_code):
        raise ServiceError(Msg.FORM_NOT_IN_VISIT, form=form, visit=visit.visit_code)
    return visit, patient


def _injection_date(session: Session, patient_id: int) -> dt.date | None:
    """The recorded date of the patient's injection visit (day 0), if recorded."""
    visit = session.scalar(
        select(Visit).where(
            Visit.patient_id == patient_id,
            Visit.visit_code == default_protocol().anchor_code,
            Visit.voided.is_(False),
        )
    )
    if visit is None or visit.outcome != "done":
        return None
    return visit.visit_date


def _sample_date_errors(
    key: str,
    sample_date: dt.date,
    visit: Visit,
    patient: Patient,
    injected: dt.date | None,
) -> list[FieldError]:
    """Why a sample date does not fit the visit (at most one error, named ``key``).

    Not after the visit date, not before informed consent, and for a follow-up visit not before
    the injection (a sample before it is a baseline sample and belongs to the injection visit).
    """
    if visit.outcome != "done" or visit.visit_date is None:
        return [FieldError(key, Problem.INCONSISTENT, rule="visit_not_recorded")]
    if sample_date > visit.visit_date:
        return [
            FieldError(key, Problem.INCONSISTENT, rule="after_visit", visit_date=visit.visit_date)
        ]
    if sample_date < patient.consent_date:
        return [
            FieldError(
                key, Problem.INCONSISTENT, rule="before_consent", consent_date=patient.consent_date
            )
        ]
    anchor = default_protocol().anchor_code
    if visit.visit_code != anchor and injected is not None and sample_date < injected:
        return [FieldError(key, Problem.INCONSISTENT, rule="before_injection")]
    return []


def _check_versions(
    existing: Mapping[str, Row], expected_versions: Mapping[str, int] | None
) -> None:
    """A form loaded an older version of a row (or the row appeared since): ConflictError."""
    if not expected_versions:
        return
    for analyte, version in expected_versions.items():
        row = existing.get(analyte)
        if (None if row is None else row.version) != version:
            raise ConflictError()


def _stored(item: object, names: Sequence[str]) -> tuple[object, ...]:
    """The named fields of a stored row or a checked entry."""
    return tuple(getattr(item, name) for name in names)


def _first_change(row_fields: Sequence[str], row: object, entry: PanelEntry) -> str:
    for name in row_fields:
        if getattr(row, name) != getattr(entry, name):
            return field_key(entry.analyte, name)
    return field_key(entry.analyte, "value")  # only a computed field changed


def _apply(
    session: Session,
    table: PanelTable[Row],
    visit: Visit,
    entries: Mapping[str, PanelEntry | None],
    existing: Mapping[str, Row],
    reason: str | None,
) -> None:
    stored_fields = (*table.row_fields, *table.computed_fields)
    changed: list[tuple[Row, PanelEntry]] = []
    revived: list[tuple[Row, PanelEntry]] = []
    voids: list[Row] = []
    added: list[PanelEntry] = []
    for analyte, entry in entries.items():
        row = existing.get(analyte)
        if entry is None:
            if row is not None and not row.voided:
                voids.append(row)
        elif row is None:
            added.append(entry)
        elif row.voided:
            revived.append((row, entry))
        elif _stored(row, stored_fields) != _stored(entry, stored_fields):
            changed.append((row, entry))
    tablename = table.entity.__tablename__
    if reason is None:
        if changed:
            raise ReasonRequired(tablename, _first_change(table.row_fields, *changed[0]))
        if voids:
            raise ReasonRequired(tablename, field_key(voids[0].analyte, "value"))
    if not (changed or revived or voids or added):
        return
    session.info["reason"] = reason or (table.revived_reason if revived else table.new_reason)
    for saved, entry in [*changed, *revived]:
        _write(saved, entry, stored_fields)
        saved.voided = False
        saved.void_reason = None
    for voided in voids:
        voided.voided = True
        voided.void_reason = reason
    for entry in added:
        new_row = table.entity(
            patient_id=visit.patient_id,
            visit_id=visit.id,
            analyte=entry.analyte,
            created_utc=clock.utc_stamp(),
            voided=False,
        )
        _write(new_row, entry, stored_fields)
        session.add(new_row)


def _write(row: object, entry: PanelEntry, names: Sequence[str]) -> None:
    for name in names:
        setattr(row, name, getattr(entry, name))


# --- reading ----------------------------------------------------------------------------------


def saved_rows(
    session: Session,
    entity: type[Row],
    patient_id: int,
    codes: Sequence[str],
    visit_id: int | None = None,
) -> tuple[list[tuple[Row, Visit]], dict[str, Row]]:
    """The patient's rows that are not void, with their visits, and the baseline rows.

    The rows (only ``visit_id``'s when given) come by visit date, then in the panel's order
    (``codes``); the baseline is the injection visit's row of each analyte, by analyte.
    """
    anchor = default_protocol().anchor_code
    pairs = list(
        session.execute(
            select(entity, Visit)
            .join(Visit, Visit.id == entity.visit_id)
            .where(
                entity.patient_id == patient_id,
                entity.voided.is_(False),
                Visit.voided.is_(False),
            )
        ).tuples()
    )
    baseline = {row.analyte: row for row, visit in pairs if visit.visit_code == anchor}
    chosen = [(row, visit) for row, visit in pairs if visit_id is None or visit.id == visit_id]
    chosen.sort(
        key=lambda pair: (
            pair[1].visit_date or dt.date.max,
            pair[1].sequence,
            pair[1].id,
            position(codes, pair[0].analyte),
        )
    )
    return chosen, baseline
