"""The injection visit: the one MSC injection of a patient, its dose, and vital signs.

The injection is recorded at the protocol's day-0 visit once that visit is recorded as done;
its date is the visit's date. The dose per kg is derived from the total cells and the body
weight by ``dose_per_kg`` (pure, also called by the form as the nurse types) and stored, so
every later view shows the dose the nurse saw. Vital signs are measured once per time point:
"visit" at the follow-up visits, "pre_injection" and "post_injection" at the injection visit.

``injection_problems`` and ``vitals_problems`` are the cross-field rules as pure functions, so a
form holding the injection and both vital-sign measurements can show every message before any of
them is saved; the save functions apply the same rules again inside their transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from sscvisit.model.entities import Injection, Patient, Visit, VitalSigns, fields_of
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.services import clock, visits
from sscvisit.services.auth import require
from sscvisit.services.dto import UserInfo
from sscvisit.services.errors import ConflictError, Msg, NotFound, ReasonRequired, ServiceError
from sscvisit.services.protocol import default_protocol
from sscvisit.services.study import Study

__all__ = [
    "INJECTION_FIELDS",
    "INJECTION_FORM",
    "TIMEPOINTS_AT_FOLLOW_UP",
    "TIMEPOINTS_AT_INJECTION",
    "VITALS_FIELDS",
    "VITALS_FORM",
    "InjectionInfo",
    "VitalsInfo",
    "dose_per_kg",
    "get_injection",
    "get_vitals",
    "injection_problems",
    "save_injection",
    "save_vitals",
    "timepoints_for",
    "vitals_problems",
]

INJECTION_FIELDS: dict[str, Field] = fields_of(Injection)
"""Every field of the injection form, dose_per_kg included (derived, never typed)."""

VITALS_FIELDS: dict[str, Field] = fields_of(VitalSigns)
"""timepoint (code list), measured_at, blood pressure, heart rate and temperature."""

INJECTION_FORM = "injection"
VITALS_FORM = "vitals"
TIMEPOINTS_AT_INJECTION: tuple[str, ...] = ("pre_injection", "post_injection")
TIMEPOINTS_AT_FOLLOW_UP: tuple[str, ...] = ("visit",)

_DERIVED = "dose_per_kg"
_NEW_INJECTION_REASON = "injection recorded"
_NEW_VITALS_REASON = "vital signs recorded"
_DOSE_DIGITS = 3  # significant digits of the stored dose


@dataclass(frozen=True)
class InjectionInfo:
    """The saved injection of a patient, every field as stored."""

    id: int
    patient_id: int
    visit_id: int
    injected_at: dt.datetime
    batch_number: str
    batch_release_date: dt.date
    weight_kg: float
    total_cells_million: float
    dose_per_kg: float
    volume_ml: float
    injection_sites: int
    muscles: str
    operator: str
    comment: str | None
    version: int
    voided: bool

    def values(self) -> dict[str, Value]:
        """The field values by name, as a form loads them."""
        return {name: getattr(self, name) for name in INJECTION_FIELDS}


@dataclass(frozen=True)
class VitalsInfo:
    """One saved measurement of the vital signs at a time point of a visit."""

    id: int
    patient_id: int
    visit_id: int
    timepoint: str
    measured_at: dt.datetime
    systolic_mmhg: int
    diastolic_mmhg: int
    heart_rate_bpm: int
    temperature_c: float
    version: int
    voided: bool

    def values(self) -> dict[str, Value]:
        """The field values by name, as a form loads them."""
        return {name: getattr(self, name) for name in VITALS_FIELDS}


# --- pure rules ---------------------------------------------------------------------------------


def dose_per_kg(total_cells_million: float, weight_kg: float) -> float:
    """The dose in 10^6 cells per kg body weight, to three significant digits (half up).

    The weight must lie within the declared range of the weight field (30-200 kg): outside it
    the dose is not computed and a FieldError on weight_kg says why (rule
    "dose_weight_out_of_range").
    """
    spec = INJECTION_FIELDS["weight_kg"]
    low, high = spec.minimum, spec.maximum
    if (low is not None and weight_kg < low) or (high is not None and weight_kg > high):
        raise FieldError(
            "weight_kg",
            Problem.INCONSISTENT,
            rule="dose_weight_out_of_range",
            minimum=low,
            maximum=high,
        )
    # Decimal from the numbers as typed, rounded half up, as a person would round by hand.
    quotient = Decimal(repr(float(total_cells_million))) / Decimal(repr(float(weight_kg)))
    if quotient == 0:
        return 0.0
    step = Decimal(1).scaleb(quotient.adjusted() - (_DOSE_DIGITS - 1))
    return float(quotient.quantize(step, rounding=ROUND_HALF_UP))


def timepoints_for(visit_code: str) -> tuple[str, ...]:
    """The vital-sign time points a visit takes: before and after at the injection visit."""
    if visit_code == default_protocol().anchor_code:
        return TIMEPOINTS_AT_INJECTION
    return TIMEPOINTS_AT_FOLLOW_UP


def _datetime(value: Value) -> dt.datetime | None:
    return value if isinstance(value, dt.datetime) else None


def _number(value: Value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def injection_problems(values: Mapping[str, Value], visit_date: dt.date) -> list[FieldError]:
    """The rules across the injection's fields (values already checked one by one).

    The injection happens on the visit's date; the batch cannot be released after it. A value
    that is missing (None) is not judged here; its own check reports it.
    """
    errors: list[FieldError] = []
    injected_at = _datetime(values.get("injected_at"))
    if injected_at is not None and injected_at.date() != visit_date:
        errors.append(
            FieldError(
                "injected_at",
                Problem.INCONSISTENT,
                rule="injection_not_on_visit_date",
                visit_date=visit_date,
            )
        )
    released = values.get("batch_release_date")
    if (
        injected_at is not None
        and isinstance(released, dt.date)
        and not isinstance(released, dt.datetime)
        and released > injected_at.date()
    ):
        errors.append(
            FieldError("batch_release_date", Problem.INCONSISTENT, rule="release_after_injection")
        )
    return errors


def vitals_problems(
    timepoint: str,
    values: Mapping[str, Value],
    visit_date: dt.date,
    injected_at: dt.datetime | None = None,
) -> list[FieldError]:
    """The rules across one measurement's fields (values already checked one by one).

    Diastolic below systolic; measured on the visit's date; with the injection time known, a
    measurement before the injection is not after it, one after is not before it (the same
    minute is accepted for both).
    """
    errors: list[FieldError] = []
    systolic = _number(values.get("systolic_mmhg"))
    diastolic = _number(values.get("diastolic_mmhg"))
    if systolic is not None and diastolic is not None and diastolic >= systolic:
        errors.append(
            FieldError("diastolic_mmhg", Problem.INCONSISTENT, rule="diastolic_not_below_systolic")
        )
    measured_at = _datetime(values.get("measured_at"))
    if measured_at is None:
        return errors
    name = "measured_at"
    if measured_at.date() != visit_date:
        errors.append(
            FieldError(
                name, Problem.INCONSISTENT, rule="measured_not_on_visit_date", visit_date=visit_date
            )
        )
    elif injected_at is not None and timepoint == "pre_injection" and measured_at > injected_at:
        errors.append(FieldError(name, Problem.INCONSISTENT, rule="pre_after_injection"))
    elif injected_at is not None and timepoint == "post_injection" and measured_at < injected_at:
        errors.append(FieldError(name, Problem.INCONSISTENT, rule="post_before_injection"))
    return errors


def _check_fields(
    fields: Mapping[str, Field],
    values: Mapping[str, Value],
    moment: dt.datetime,
    errors: list[FieldError],
) -> dict[str, Value]:
    checked: dict[str, Value] = {}
    for name, spec in fields.items():
        try:
            checked[name] = spec.check(values.get(name), today=moment.date(), now=moment)
        except FieldError as exc:
            errors.append(exc)
    return checked


# --- storage ------------------------------------------------------------------------------------


def _injection_info(row: Injection) -> InjectionInfo:
    return InjectionInfo(
        id=row.id,
        patient_id=row.patient_id,
        visit_id=row.visit_id,
        injected_at=row.injected_at,
        batch_number=row.batch_number,
        batch_release_date=row.batch_release_date,
        weight_kg=row.weight_kg,
        total_cells_million=row.total_cells_million,
        dose_per_kg=row.dose_per_kg,
        volume_ml=row.volume_ml,
        injection_sites=row.injection_sites,
        muscles=row.muscles,
        operator=row.operator,
        comment=row.comment,
        version=row.version,
        voided=row.voided,
    )


def _vitals_info(row: VitalSigns) -> VitalsInfo:
    return VitalsInfo(
        id=row.id,
        patient_id=row.patient_id,
        visit_id=row.visit_id,
        timepoint=row.timepoint,
        measured_at=row.measured_at,
        systolic_mmhg=row.systolic_mmhg,
        diastolic_mmhg=row.diastolic_mmhg,
        heart_rate_bpm=row.heart_rate_bpm,
        temperature_c=row.temperature_c,
        version=row.version,
        voided=row.voided,
    )


def _recorded_date(visit: Visit) -> dt.date | None:
    return visit.visit_date if visit.outcome == "done" else None


def _apply(
    row: Injection | VitalSigns,
    new: Mapping[str, Value],
    reason: str | None,
    session: Session,
    expected_version: int | None,
) -> None:
    """Correct a saved record: a conflict on a stale version, a reason for any changed value."""
    if row.voided:
        raise ServiceError(Msg.RECORD_VOIDED)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError()
    changed = [name for name, value in new.items() if getattr(row, name) != value]
    if not changed:
        return
    if reason is None:
        raise ReasonRequired(str(row.__tablename__), changed[0])
    session.info["reason"] = reason
    for name in changed:
        setattr(row, name, new[name])


def save_injection(
    study: Study,
    actor: UserInfo,
    visit_id: int,
    values: Mapping[str, Value],
    *,
    reason: str | None = None,
    expected_version: int | None = None,
    now: dt.datetime | None = None,
) -> InjectionInfo:
    """Record the patient's injection at the injection visit, or correct it; all or nothing.

    ``values`` holds the injection's fields (``dose_per_kg`` is ignored: it is computed here).
    Every field problem comes at once, as FieldErrors: the visit must be the protocol's
    injection visit (else FORM_NOT_IN_VISIT) recorded as done, the injection on its date, the
    batch released on or before it, the weight within 30-200 kg for the dose. Changing a saved
    value needs ``reason`` (ReasonRequired names the first changed field).
    """
    require(actor, "enter_data")
    moment = now or clock.now_local()
    given_reason = (reason or "").strip() or None
    errors: list[FieldError] = []
    typed = {name: spec for name, spec in INJECTION_FIELDS.items() if name != _DERIVED}
    # The weight's range is the dose's rule: its message says why (dose_weight_out_of_range).
    typed["weight_kg"] = dataclasses.replace(typed["weight_kg"], minimum=None, maximum=None)
    checked = _check_fields(typed, values, moment, errors)
    weight = _number(checked.get("weight_kg"))
    cells = _number(checked.get("total_cells_million"))
    dose: float | None = None
    if weight is not None:
        try:
            dose = dose_per_kg(cells if cells is not None else 0.0, weight)
        except FieldError as exc:
            errors.append(exc)
    with study.unit(actor=actor.username, reason=given_reason) as session:
        visit, _patient = visits.open_visit(session, visit_id)
        if visit.visit_code != default_protocol().anchor_code:
            raise ServiceError(Msg.FORM_NOT_IN_VISIT, form=INJECTION_FORM, visit=visit.visit_code)
        visit_date = _recorded_date(visit)
        if visit_date is None:
            errors.append(
                FieldError("injected_at", Problem.INCONSISTENT, rule="visit_not_recorded")
            )
        else:
            errors += injection_problems(checked, visit_date)
        if errors:
            raise FieldErrors(errors)
        assert dose is not None
        assert cells is not None
        new: dict[str, Value] = dict(checked)
        new["weight_kg"] = weight
        new["total_cells_million"] = cells
        new["volume_ml"] = _number(checked["volume_ml"])
        new[_DERIVED] = dose
        row = session.scalar(select(Injection).where(Injection.patient_id == visit.patient_id))
        if row is None:
            session.info["reason"] = given_reason or _NEW_INJECTION_REASON
            row = Injection(
                patient_id=visit.patient_id,
                visit_id=visit.id,
                created_utc=clock.utc_stamp(),
                voided=False,
                **new,
            )
            session.add(row)
        else:
            _apply(row, new, given_reason, session, expected_version)
        session.flush()
        return _injection_info(row)


def get_injection(study: Study, actor: UserInfo, patient_id: int) -> InjectionInfo | None:
    """The patient's injection, None before it is recorded."""
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        if session.get(Patient, patient_id) is None:
            raise NotFound("patient", patient_id)
        row = session.scalar(
            select(Injection).where(Injection.patient_id == patient_id, Injection.voided.is_(False))
        )
        return None if row is None else _injection_info(row)


def save_vitals(
    study: Study,
    actor: UserInfo,
    visit_id: int,
    timepoint: str,
    values: Mapping[str, Value],
    *,
    reason: str | None = None,
    expected_version: int | None = None,
    now: dt.datetime | None = None,
) -> VitalsInfo:
    """Record the vital signs at a time point of a visit, or correct them; all or nothing.

    ``timepoint`` must be one the visit takes (``timepoints_for``; else FORM_NOT_IN_VISIT), the
    visit recorded as done, the measurement on its date; at the injection visit, before or after
    the saved injection's time as the time point says. Changing a saved value needs ``reason``.
    """
    require(actor, "enter_data")
    moment = now or clock.now_local()
    given_reason = (reason or "").strip() or None
    errors: list[FieldError] = []
    typed = {name: spec for name, spec in VITALS_FIELDS.items() if name != "timepoint"}
    checked = _check_fields(typed, values, moment, errors)
    with study.unit(actor=actor.username, reason=given_reason) as session:
        visit, _patient = visits.open_visit(session, visit_id)
        if VITALS_FORM not in visits.visit_forms(
            visit.visit_code
        ) or timepoint not in timepoints_for(visit.visit_code):
            raise ServiceError(
                Msg.FORM_NOT_IN_VISIT, form=VITALS_FORM, timepoint=timepoint, visit=visit.visit_code
            )
        visit_date = _recorded_date(visit)
        if visit_date is None:
            errors.append(
                FieldError("measured_at", Problem.INCONSISTENT, rule="visit_not_recorded")
            )
        else:
            injection = session.scalar(
                select(Injection).where(Injection.visit_id == visit.id, Injection.voided.is_(False))
            )
            injected_at = injection.injected_at if injection is not None else None
            errors += vitals_problems(timepoint, checked, visit_date, injected_at)
        if errors:
            raise FieldErrors(errors)
        new: dict[str, Value] = dict(checked)
        new["temperature_c"] = _number(checked["temperature_c"])
        row = session.scalar(
            select(VitalSigns).where(
                VitalSigns.visit_id == visit.id, VitalSigns.timepoint == timepoint
            )
        )
        if row is None:
            session.info["reason"] = given_reason or _NEW_VITALS_REASON
            row = VitalSigns(
                patient_id=visit.patient_id,
                visit_id=visit.id,
                timepoint=timepoint,
                created_utc=clock.utc_stamp(),
                voided=False,
                **new,
            )
            session.add(row)
        else:
            _apply(row, new, given_reason, session, expected_version)
        session.flush()
        return _vitals_info(row)


def get_vitals(study: Study, actor: UserInfo, visit_id: int) -> dict[str, VitalsInfo]:
    """The visit's saved vital signs by time point (none saved: an empty dict)."""
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        if session.get(Visit, visit_id) is None:
            raise NotFound("visit", visit_id)
        rows = session.scalars(
            select(VitalSigns)
            .where(VitalSigns.visit_id == visit_id, VitalSigns.voided.is_(False))
            .order_by(VitalSigns.id)
        )
        return {row.timepoint: _vitals_info(row) for row in rows}
