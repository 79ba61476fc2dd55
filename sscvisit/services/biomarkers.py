"""Biomarker results of a visit and their change from baseline (DOMAIN.md "Biomarkers").

The panel (analytes, labels, usual unit) is a protocol choice read from resources/protocol.json
(``Protocol.biomarkers``). The baseline is the injection visit's value of the same analyte; the
change is given in absolute terms and in percent, only when both values share a unit.

Field problems are named ``"<analyte>.<field>"`` like the lab panel's (``panels.field_key``);
checking, saving and reading the rows is shared with the lab panel (services.panels).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from sscvisit.model.entities import BiomarkerResult, Patient, Visit, fields_of
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.services import clock, panels
from sscvisit.services.auth import require
from sscvisit.services.dto import UserInfo
from sscvisit.services.errors import NotFound
from sscvisit.services.panels import field_key
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

_TABLE = panels.PanelTable(
    entity=BiomarkerResult,
    form=BIOMARKERS_FORM,
    row_fields=BIOMARKER_ROW_FIELDS,
    computed_fields=(),
    new_reason="biomarker results entered",
    revived_reason="biomarker result entered again after it was voided",
)


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


def is_blank(values: Mapping[str, Value]) -> bool:
    """No value: the analyte was not measured (its unit, date and assay are defaults)."""
    return panels.blank(values.get("value"))


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


def _patient_infos(
    session: Session, patient_id: int, visit_id: int | None = None
) -> list[BiomarkerInfo]:
    """The patient's values that are not void (one visit's when ``visit_id``), ordered."""
    chosen, baseline = panels.saved_rows(
        session, BiomarkerResult, patient_id, _panel_codes(), visit_id
    )
    anchor = default_protocol().anchor_code
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
    given_reason = panels.clean_reason(reason)
    entries, errors = panels.check_rows(
        rows, _panel_codes(), is_blank, check_biomarker_row, today or clock.today()
    )
    with study.unit(actor=actor.username, reason=given_reason) as session:
        visit = panels.save_panel(
            session, _TABLE, visit_id, entries, errors, given_reason, expected_versions
        )
        return _patient_infos(session, visit.patient_id, visit.id)


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
