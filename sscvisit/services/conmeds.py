"""Concomitant medication: every medicine a patient takes besides the MSC product.

The list belongs to the patient, not to a visit: a course runs across visits, and it may be
recorded from registration on (the IV prostacyclin courses before screening are the evidence the
screening's refractoriness check rests on). A course is either ongoing or has a stop date, never
both; nothing is ever deleted, a wrong entry is voided with a reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sscvisit.model.entities import ConcomitantMedication, Patient, fields_of
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.services import clock
from sscvisit.services.auth import require
from sscvisit.services.dto import UserInfo
from sscvisit.services.errors import ConflictError, Msg, NotFound, ReasonRequired, ServiceError
from sscvisit.services.study import Study

__all__ = [
    "CONMED_FIELDS",
    "IV_ROUTE",
    "ConmedInfo",
    "check_conmed",
    "list_conmeds",
    "prostacyclin_courses",
    "record_conmed",
    "update_conmed",
    "void_conmed",
]

CONMED_FIELDS: dict[str, Field] = fields_of(ConcomitantMedication)
"""drug, dose, route, start_date, stop_date, ongoing, indication, prostacyclin (declared once)."""

IV_ROUTE = "iv"
_NEW_REASON = "concomitant medication recorded"


@dataclass(frozen=True)
class ConmedInfo:
    """One medicine of a patient as saved."""

    id: int
    patient_id: int
    drug: str
    dose: str | None
    route: str
    start_date: dt.date
    stop_date: dt.date | None
    ongoing: bool
    indication: str | None
    prostacyclin: bool
    version: int
    voided: bool
    void_reason: str | None

    def values(self) -> dict[str, Value]:
        """The recorded fields by name, as a form loads them."""
        return {name: getattr(self, name) for name in CONMED_FIELDS}


def _info(row: ConcomitantMedication) -> ConmedInfo:
    return ConmedInfo(
        id=row.id,
        patient_id=row.patient_id,
        drug=row.drug,
        dose=row.dose,
        route=row.route,
        start_date=row.start_date,
        stop_date=row.stop_date,
        ongoing=bool(row.ongoing),
        indication=row.indication,
        prostacyclin=bool(row.prostacyclin),
        version=row.version,
        voided=row.voided,
        void_reason=row.void_reason,
    )


def _clean(value: Value) -> Value:
    if isinstance(value, str):
        return value.strip() or None
    return value


def check_conmed(
    values: Mapping[str, Value], *, birth_year: int | None = None, today: dt.date | None = None
) -> dict[str, Value]:
    """Every field and the rules between them; all problems at once (FieldErrors). Pure.

    Rules: a stop date is not before the start (``stop_before_start``); an ongoing medicine has
    no stop date (``ongoing_with_stop_date``) and one that is not ongoing has one
    (``stop_or_ongoing``); a course cannot start before the patient's year of birth
    (``start_before_birth``); the prostacyclin flag marks intravenous courses only
    (``prostacyclin_not_iv``, at route).
    """
    day = today or clock.today()
    errors: list[FieldError] = []
    checked: dict[str, Value] = {}
    for name, spec in CONMED_FIELDS.items():
        raw = _clean(values.get(name))
        if spec.kind == "bool" and raw is None:
            raw = False
        try:
            checked[name] = spec.check(raw, today=day)
        except FieldError as exc:
            errors.append(exc)
            checked[name] = None
    start, stop = checked.get("start_date"), checked.get("stop_date")
    ongoing = bool(checked.get("ongoing"))
    bad = {e.field for e in errors}
    if "stop_date" not in bad:
        if ongoing and stop is not None:
            errors.append(
                FieldError("stop_date", Problem.INCONSISTENT, rule="ongoing_with_stop_date")
            )
        elif not ongoing and stop is None:
            errors.append(FieldError("stop_date", Problem.INCONSISTENT, rule="stop_or_ongoing"))
        elif isinstance(start, dt.date) and isinstance(stop, dt.date) and stop < start:
            errors.append(
                FieldError("stop_date", Problem.INCONSISTENT, rule="stop_before_start", start=start)
            )
    if isinstance(start, dt.date) and birth_year is not None and start.year < birth_year:
        errors.append(
            FieldError(
                "start_date", Problem.INCONSISTENT, rule="start_before_birth", birth_year=birth_year
            )
        )
    if checked.get("prostacyclin") and "route" not in bad and checked.get("route") != IV_ROUTE:
        errors.append(FieldError("route", Problem.INCONSISTENT, rule="prostacyclin_not_iv"))
    if errors:
        raise FieldErrors(errors)
    checked["ongoing"] = ongoing
    checked["prostacyclin"] = bool(checked.get("prostacyclin"))
    return checked


def _writable_patient(session: Session, patient_id: int) -> Patient:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound("patient", patient_id)
    if patient.voided:
        raise ServiceError(Msg.RECORD_VOIDED)
    return patient


def _row(session: Session, conmed_id: int) -> ConcomitantMedication:
    # FOR UPDATE (PostgreSQL): two workstations changing one medicine serialise here.
    row = session.get(ConcomitantMedication, conmed_id, with_for_update=True)
    if row is None:
        raise NotFound("concomitant medication", conmed_id)
    return row


def record_conmed(
    study: Study,
    actor: UserInfo,
    patient_id: int,
    values: Mapping[str, Value],
    *,
    today: dt.date | None = None,
) -> ConmedInfo:
    """Add a medicine to the patient's list (registered, screened or enrolled patients alike)."""
    require(actor, "enter_data")
    with study.unit(actor=actor.username, reason=_NEW_REASON) as session:
        patient = _writable_patient(session, patient_id)
        checked = check_conmed(values, birth_year=patient.birth_year, today=today)
        row = ConcomitantMedication(
            patient_id=patient.id,
            created_utc=clock.utc_stamp(),
            voided=False,
            **checked,
        )
        session.add(row)
        session.flush()
        return _info(row)


def update_conmed(
    study: Study,
    actor: UserInfo,
    conmed_id: int,
    values: Mapping[str, Value],
    *,
    reason: str | None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> ConmedInfo:
    """Correct or complete a medicine (e.g. its stop date); ``values`` is its new full state.

    Changing a saved value needs ``reason`` (ReasonRequired names the first changed field).
    """
    require(actor, "enter_data")
    given = (reason or "").strip() or None
    with study.unit(actor=actor.username, reason=given) as session:
        row = _row(session, conmed_id)
        patient = _writable_patient(session, row.patient_id)
        if row.voided:
            raise ServiceError(Msg.RECORD_VOIDED)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError()
        checked = check_conmed(values, birth_year=patient.birth_year, today=today)
        changed = [name for name, value in checked.items() if getattr(row, name) != value]
        if not changed:
            return _info(row)
        if given is None:
            raise ReasonRequired(ConcomitantMedication.__tablename__, changed[0])
        for name in changed:
            setattr(row, name, checked[name])
        session.flush()
        return _info(row)


def void_conmed(
    study: Study,
    actor: UserInfo,
    conmed_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> ConmedInfo:
    """Mark a medicine entered in error as void; it stays listed, struck out, with the reason."""
    require(actor, "enter_data")
    given = (reason or "").strip()
    if not given:
        raise ReasonRequired(ConcomitantMedication.__tablename__, "voided")
    with study.unit(actor=actor.username, reason=given) as session:
        row = _row(session, conmed_id)
        _writable_patient(session, row.patient_id)
        if row.voided:
            raise ServiceError(Msg.ALREADY_VOIDED)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError()
        row.voided = True
        row.void_reason = given
        session.flush()
        return _info(row)


def list_conmeds(
    study: Study, actor: UserInfo, patient_id: int, *, include_voided: bool = True
) -> list[ConmedInfo]:
    """The patient's medicines, newest start first (void ones too unless asked not to)."""
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        if session.get(Patient, patient_id) is None:
            raise NotFound("patient", patient_id)
        query = select(ConcomitantMedication).where(ConcomitantMedication.patient_id == patient_id)
        if not include_voided:
            query = query.where(ConcomitantMedication.voided.is_(False))
        rows = session.scalars(
            query.order_by(ConcomitantMedication.start_date.desc(), ConcomitantMedication.id.desc())
        )
        return [_info(row) for row in rows]


def prostacyclin_courses(study: Study, actor: UserInfo, patient_id: int) -> list[ConmedInfo]:
    """The patient's IV prostacyclin courses (not void), newest first: what screening offers."""
    return [
        info
        for info in list_conmeds(study, actor, patient_id, include_voided=False)
        if info.prostacyclin and info.route == IV_ROUTE
    ]
