"""Biomarker results of a visit and their change from baseline (DOMAIN.md "Biomarkers").

The panel (analytes, labels, usual unit) is a protocol choice read from resources/protocol.json
(``Protocol.biomarkers``). The baseline is the injection visit's value of the same analyte; the
change is given in absolute terms and in percent, only when both values share a unit.

Field problems are named ``"<analyte>.<field>"`` like the lab panel's (``labs.field_key``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sscvisit.model.entities import BiomarkerResult, Patient, Visit, fields_of
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.services import clock
from sscvisit.services.auth import require
from sscvisit.services.dto import UserInfo
from sscvisit.services.errors import NotFound, ReasonRequired
from sscvisit.services.labs import (
    check_versions,
    clean_reason,
    field_key,
    injection_date,
    open_form_visit,
    sample_date_errors,
)
from sscvisit.services.protocol import BIOMARKERS_FORM, BiomarkerDef, default_protocol
from sscvisit.services.study import Study

__all__ = [
    "BIOMARKER_FIELDS",
    "BIOMARKER_ROW_FIELDS",
    "BiomarkerEntry",
    "BiomarkerInfo",
    "biomarker_results",
    "check_biomarker_row",
    "panel",
    "save_biomarkers",
    "visit_biomarkers",
]

BIOMARKER_FIELDS: dict[str, Field] = fields_of(BiomarkerResult)
"""analyte, value, unit, sample_date, assay (labels, ranges, lengths)."""

BIOMARKER_ROW_FIELDS = ("value", "unit", "sample_date", "assay")

_NEW_REASON = "biomarker results entered"
_REVIVED_REASON = "biomarker result entered again after it was voided"


def panel() -> tuple[BiomarkerDef, ...]:
    """The protocol's biomarker panel, in its order."""
    return default_protocol().biomarkers


def _panel_codes() -> tuple[str, ...]:
    return tuple(marker.code for marker in panel())


def _label(code: str, language: str) -> str:
    try:
        return default_protocol().biomarker(code).label(language)
    except KeyError:  # dropped from the panel after it was measured: still shown, by its code
        return code


@dataclass(frozen=True)
class BiomarkerEntry:
    analyte: str
    value: float
    unit: str
    sample_date: dt.date
    assay: str | None

    def stored(self) -> tuple[object, ...]:
        return (self.value, self.unit, self.sample_date, self.assay)


def _blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_blank(values: Mapping[str, Value]) -> bool:
    """No value: the analyte was not measured (its unit, date and assay are defaults)."""
    return _blank(values.get("value"))


def check_biomarker_row(
    analyte: str, values: Mapping[str, Value], *, today: dt.date | None = None
) -> BiomarkerEntry:
    """Check one row; FieldErrors named ``"<analyte>.<field>"`` (a value needs a unit)."""
    if analyte not in _panel_codes():
        raise FieldErrors([FieldError(field_key(analyte, "analyte"), Problem.NOT_IN_CODELIST)])
    day = today or clock.today()
    errors: list[FieldError] = []
    checked: dict[str, Value] = {}
    for name in BIOMARKER_ROW_FIELDS:
        try:
            checked[name] = BIOMARKER_FIELDS[name].check(values.get(name), today=day)
        except FieldError as error:
            errors.append(FieldError(field_key(analyte, name), error.problem, **error.params))
    if errors:
        raise FieldErrors(errors)
    value, unit, sample_date, assay = (checked[name] for name in BIOMARKER_ROW_FIELDS)
    assert isinstance(value, float | int)
    assert isinstance(unit, str)
    assert isinstance(sample_date, dt.date)
    return BiomarkerEntry(
        analyte, float(value), unit, sample_date, assay if isinstance(assay, str) else None
    )


@dataclass(frozen=True)
class BiomarkerInfo:
    """One saved biomarker value with its change from baseline (the injection visit).

    ``change``/``change_percent`` are None at baseline, without a baseline value, when the units
    differ, and (percent only) when the baseline is 0.
    """

    id: int
    patient_id: int
    visit_id: int
    visit_code: str
    visit_date: dt.date | None
    analyte: str
    value: float
    unit: str
    sample_date: dt.date
    assay: str | None
    baseline_value: float | None
    baseline_unit: str | None
    is_baseline: bool
    change: float | None
    change_percent: float | None
    version: int

    def label(self, language: str) -> str:
        return _label(self.analyte, language)

    def values(self) -> dict[str, Value]:
        return {
            "value": self.value,
            "unit": self.unit,
            "sample_date": self.sample_date,
            "assay": self.assay,
        }


def _info(
    row: BiomarkerResult, visit: Visit, baseline: Mapping[str, BiomarkerResult], anchor: str
) -> BiomarkerInfo:
    base = baseline.get(row.analyte)
    is_baseline = visit.visit_code == anchor
    change: float | None = None
    percent: float | None = None
    if base is not None and not is_baseline and base.unit == row.unit:
        change = row.value - base.value
        percent = None if base.value == 0 else change / base.value * 100
    return BiomarkerInfo(
        id=row.id,
        patient_id=row.patient_id,
        visit_id=row.visit_id,
        visit_code=visit.visit_code,
        visit_date=visit.visit_date,
        analyte=row.analyte,
        value=row.value,
        unit=row.unit,
        sample_date=row.sample_date,
        assay=row.assay,
        baseline_value=None if base is None else base.value,
        baseline_unit=None if base is None else base.unit,
        is_baseline=is_baseline,
        change=change,
        change_percent=percent,
        version=row.version,
    )


def _order(analyte: str) -> int:
    codes = _panel_codes()
    return codes.index(analyte) if analyte in codes else len(codes)


def _patient_infos(
    session: Session, patient_id: int, visit_id: int | None = None
) -> list[BiomarkerInfo]:
    anchor = default_protocol().anchor_code
    pairs = list(
        session.execute(
            select(BiomarkerResult, Visit)
            .join(Visit, Visit.id == BiomarkerResult.visit_id)
            .where(
                BiomarkerResult.patient_id == patient_id,
                BiomarkerResult.voided.is_(False),
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
            _order(pair[0].analyte),
        )
    )
    return [_info(row, visit, baseline, anchor) for row, visit in chosen]


def save_biomarkers(
    study: Study,
    actor: UserInfo,
    visit_id: int,
    rows: Mapping[str, Mapping[str, Value]],
    *,
    reason: str | None = None,
    expected_versions: Mapping[str, int] | None = None,
    today: dt.date | None = None,
) -> list[BiomarkerInfo]:
    """Save the visit's biomarker panel at once (analyte -> BIOMARKER_ROW_FIELDS); all or nothing.

    The analyte must be in the protocol's panel (NOT_IN_CODELIST at ``"<code>.analyte"``); a value
    needs a unit. Rows left out are untouched; a row without a value is skipped, or voids the saved
    result (with ``reason``). The sample date follows the lab panel's rules; the visit must be
    done and collect "biomarkers". Changing a saved value needs ``reason``.
    """
    require(actor, "enter_data")
    day = today or clock.today()
    given_reason = clean_reason(reason)
    errors: list[FieldError] = []
    entries: dict[str, BiomarkerEntry | None] = {}
    for analyte in sorted(rows, key=_order):
        values = rows[analyte]
        if analyte in _panel_codes() and is_blank(values):
            entries[analyte] = None
            continue
        try:
            entries[analyte] = check_biomarker_row(analyte, values, today=day)
        except FieldErrors as refused:
            errors.extend(refused.errors)
    with study.unit(actor=actor.username, reason=given_reason) as session:
        visit, patient = open_form_visit(session, visit_id, BIOMARKERS_FORM)
        injected = injection_date(session, patient.id)
        refused_keys = {error.field for error in errors}
        for analyte, entry in entries.items():
            key = field_key(analyte, "sample_date")
            if entry is not None and key not in refused_keys:
                errors += sample_date_errors(key, entry.sample_date, visit, patient, injected)
        if errors:
            raise FieldErrors(errors)
        existing = {
            row.analyte: row
            for row in session.scalars(
                select(BiomarkerResult).where(BiomarkerResult.visit_id == visit.id)
            )
        }
        check_versions({a: r for a, r in existing.items() if not r.voided}, expected_versions)
        _apply(session, visit, entries, existing, given_reason)
        session.flush()
        return _patient_infos(session, patient.id, visit.id)


def _stored(row: BiomarkerResult) -> tuple[object, ...]:
    return (row.value, row.unit, row.sample_date, row.assay)


def _first_change(row: BiomarkerResult, entry: BiomarkerEntry) -> str:
    for name, old, new in zip(BIOMARKER_ROW_FIELDS, _stored(row), entry.stored(), strict=True):
        if old != new:
            return field_key(entry.analyte, name)
    return field_key(entry.analyte, "value")


def _apply(
    session: Session,
    visit: Visit,
    entries: Mapping[str, BiomarkerEntry | None],
    existing: dict[str, BiomarkerResult],
    reason: str | None,
) -> None:
    changed: list[tuple[BiomarkerResult, BiomarkerEntry]] = []
    revived: list[tuple[BiomarkerResult, BiomarkerEntry]] = []
    voids: list[BiomarkerResult] = []
    added: list[BiomarkerEntry] = []
    for analyte, entry in entries.items():
        row = existing.get(analyte)
        if entry is None:
            if row is not None and not row.voided:
                voids.append(row)
        elif row is None:
            added.append(entry)
        elif row.voided:
            revived.append((row, entry))
        elif _stored(row) != entry.stored():
            changed.append((row, entry))
    if reason is None:
        if changed:
            raise ReasonRequired(BiomarkerResult.__tablename__, _first_change(*changed[0]))
        if voids:
            raise ReasonRequired(
                BiomarkerResult.__tablename__, field_key(voids[0].analyte, "value")
            )
    if not (changed or revived or voids or added):
        return
    session.info["reason"] = reason or (_REVIVED_REASON if revived else _NEW_REASON)
    for row, entry in [*changed, *revived]:
        _write(row, entry)
        row.voided = False
        row.void_reason = None
    for row in voids:
        row.voided = True
        row.void_reason = reason
    for entry in added:
        row = BiomarkerResult(
            patient_id=visit.patient_id,
            visit_id=visit.id,
            analyte=entry.analyte,
            created_utc=clock.utc_stamp(),
            voided=False,
        )
        _write(row, entry)
        session.add(row)


def _write(row: BiomarkerResult, entry: BiomarkerEntry) -> None:
    row.value = entry.value
    row.unit = entry.unit
    row.sample_date = entry.sample_date
    row.assay = entry.assay


def biomarker_results(study: Study, actor: UserInfo, patient_id: int) -> list[BiomarkerInfo]:
    """Every saved biomarker value of the patient, by visit date, in panel order."""
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        if session.get(Patient, patient_id) is None:
            raise NotFound("patient", patient_id)
        return _patient_infos(session, patient_id)


def visit_biomarkers(study: Study, actor: UserInfo, visit_id: int) -> list[BiomarkerInfo]:
    """The saved biomarker values of one visit (what the form loads)."""
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise NotFound("visit", visit_id)
        return _patient_infos(session, visit.patient_id, visit.id)
