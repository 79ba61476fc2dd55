"""The patient registry: pseudonymous subjects, their identities kept apart, nothing deleted."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sscvisit.model.entities import Identity, Patient, fields_of
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.services import audit
from sscvisit.services.auth import require
from sscvisit.services.clock import today, utc_stamp
from sscvisit.services.dto import AuditRow, IdentityInfo, PatientRow, UserInfo
from sscvisit.services.errors import ConflictError, Msg, NotFound, ReasonRequired, ServiceError
from sscvisit.services.study import Study

SUBJECT_PREFIX = "SSC-"
_SUBJECT_RE = re.compile(r"^SSC-(\d+)$")

# Fields a person enters when registering; subject number and status are assigned, not typed.
PATIENT_FIELDS: dict[str, Field] = {
    k: v for k, v in fields_of(Patient).items() if k not in {"subject_number", "status"}
}
IDENTITY_FIELDS: dict[str, Field] = fields_of(Identity)
STATUS_FIELD: Field = fields_of(Patient)["status"]
SUBJECT_FIELD: Field = fields_of(Patient)["subject_number"]


def _require_view(actor: UserInfo) -> None:
    if not actor.may("manage_users"):  # administrators see the pseudonymous registry only
        require(actor, "view_data")


@dataclass(frozen=True)
class Registration:
    """What the registration form hands in: plain values, checked here, not in the UI."""

    sex: str | None
    birth_year: int | None
    consent_date: dt.date | None
    consent_version: str | None
    family_name: str | None
    given_names: str | None
    date_of_birth: dt.date | None
    hospital_number: str | None

    def values(self) -> dict[str, Value]:
        return dict(self.__dict__)


def _identity(identity: Identity | None, show: bool) -> IdentityInfo | None:
    if identity is None or not show:
        return None
    return IdentityInfo(
        identity.family_name, identity.given_names, identity.date_of_birth, identity.hospital_number
    )


def to_row(patient: Patient, show_identity: bool) -> PatientRow:
    return PatientRow(
        id=patient.id,
        subject_number=patient.subject_number,
        sex=patient.sex,
        birth_year=patient.birth_year,
        consent_date=patient.consent_date,
        consent_version=patient.consent_version,
        status=patient.status,
        voided=patient.voided,
        void_reason=patient.void_reason,
        version=patient.version,
        identity=_identity(patient.identity, show_identity),
    )


def format_subject(number: int) -> str:
    return f"{SUBJECT_PREFIX}{number:03d}"


def _next_subject_number(session: Session) -> str:
    # Longest first, then highest: "SSC-1000" follows "SSC-999" although it sorts before it.
    last = session.scalar(
        select(Patient.subject_number)
        .where(Patient.subject_number.like(f"{SUBJECT_PREFIX}%"))
        .order_by(func.length(Patient.subject_number).desc(), Patient.subject_number.desc())
        .limit(1)
    )
    match = _SUBJECT_RE.match(last or "")
    return format_subject(int(match.group(1)) + 1 if match else 1)


def _hospital_owner(
    session: Session, hospital_number: str, except_patient: int | None
) -> str | None:
    stmt = (
        select(Patient.subject_number)
        .join(Identity, Identity.patient_id == Patient.id)
        .where(Identity.hospital_number == hospital_number)
    )
    if except_patient is not None:
        stmt = stmt.where(Patient.id != except_patient)
    return session.scalar(stmt)


def check_registration(
    values: Mapping[str, Value], *, on: dt.date | None = None
) -> dict[str, Value]:
    """Every field's own check plus the cross-field rules; all errors at once, named by field."""
    day = on or today()
    errors: list[FieldError] = []
    checked: dict[str, Value] = {}
    for name, spec in {**PATIENT_FIELDS, **IDENTITY_FIELDS}.items():
        try:
            checked[name] = spec.check(values.get(name), today=day)
        except FieldError as exc:
            errors.append(exc)
    dob = checked.get("date_of_birth")
    year = checked.get("birth_year")
    consent = checked.get("consent_date")
    if isinstance(dob, dt.date) and isinstance(year, int) and dob.year != year:
        errors.append(FieldError("birth_year", Problem.INCONSISTENT, expected=dob.year))
    if isinstance(year, int) and year > day.year:
        errors.append(FieldError("birth_year", Problem.ABOVE_MAXIMUM, maximum=day.year))
    if isinstance(dob, dt.date) and isinstance(consent, dt.date) and consent <= dob:
        errors.append(FieldError("consent_date", Problem.INCONSISTENT))
    if errors:
        raise FieldErrors(errors)
    return checked


def _register_in(session: Session, checked: Mapping[str, Value]) -> Patient:
    owner = _hospital_owner(session, str(checked["hospital_number"]), None)
    if owner is not None:
        raise FieldErrors([FieldError("hospital_number", Problem.DUPLICATE, subject=owner)])
    patient = Patient(
        subject_number=_next_subject_number(session),
        status="registered",
        created_utc=utc_stamp(),
        voided=False,
        **{k: checked[k] for k in PATIENT_FIELDS},
    )
    session.add(patient)
    session.flush()
    identity = Identity(
        patient_id=patient.id, voided=False, **{k: checked[k] for k in IDENTITY_FIELDS}
    )
    session.add(identity)
    session.flush()
    patient.identity = identity
    return patient


def register(study: Study, actor: UserInfo, registration: Registration) -> PatientRow:
    """Register a consented patient: assign the next subject number, keep identity apart."""
    return register_many(study, actor, [registration])[0]


def register_many(
    study: Study, actor: UserInfo, registrations: Sequence[Registration]
) -> list[PatientRow]:
    """Register several patients in one transaction: all are saved, or none (demo, imports)."""
    require(actor, "enter_data")
    checked = [check_registration(r.values()) for r in registrations]
    with study.unit(actor=actor.username, reason="patient registered") as session:
        made = [_register_in(session, values) for values in checked]
        return [to_row(p, actor.may("view_identity")) for p in made]


def list_patients(
    study: Study, actor: UserInfo, *, include_voided: bool = True
) -> list[PatientRow]:
    _require_view(actor)
    show = actor.may("view_identity")
    with study.unit(actor=actor.username) as session:
        stmt = select(Patient).order_by(Patient.subject_number)
        if show:
            stmt = stmt.options(selectinload(Patient.identity))
        if not include_voided:
            stmt = stmt.where(Patient.voided.is_(False))
        return [to_row(p, show) for p in session.scalars(stmt)]


def get_patient(study: Study, actor: UserInfo, patient_id: int) -> PatientRow:
    _require_view(actor)
    with study.unit(actor=actor.username) as session:
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFound("patient", patient_id)
        return to_row(patient, actor.may("view_identity"))


def update_patient(
    study: Study,
    actor: UserInfo,
    patient_id: int,
    changes: Mapping[str, Value],
    reason: str,
    *,
    expected_version: int | None = None,
) -> PatientRow:
    """Change saved registration or identity fields; a reason is required and audited."""
    require(actor, "enter_data")
    if not reason.strip():
        raise ReasonRequired("patients", ", ".join(changes))
    unknown = set(changes) - set(PATIENT_FIELDS) - set(IDENTITY_FIELDS)
    if unknown:
        raise ValueError(f"not an editable field: {sorted(unknown)}")
    with study.unit(actor=actor.username, reason=reason) as session:
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFound("patient", patient_id)
        if expected_version is not None and patient.version != expected_version:
            raise ConflictError()
        if patient.voided:
            raise ServiceError(Msg.RECORD_VOIDED)
        identity = patient.identity
        current: dict[str, Value] = {k: getattr(patient, k) for k in PATIENT_FIELDS}
        if identity is not None:
            current.update({k: getattr(identity, k) for k in IDENTITY_FIELDS})
        checked = check_registration({**current, **changes})
        if "hospital_number" in changes:
            owner = _hospital_owner(session, str(checked["hospital_number"]), patient.id)
            if owner is not None:
                raise FieldErrors([FieldError("hospital_number", Problem.DUPLICATE, subject=owner)])
        for key in changes:
            target: object = patient if key in PATIENT_FIELDS else identity
            setattr(target, key, checked[key])
        session.flush()
        return to_row(patient, actor.may("view_identity"))


def void_patient(study: Study, actor: UserInfo, patient_id: int, reason: str) -> PatientRow:
    """Registered in error: the record stays, marked void, with the reason in the audit trail."""
    require(actor, "enter_data")
    if not reason.strip():
        raise ReasonRequired("patients", "voided")
    with study.unit(actor=actor.username, reason=reason) as session:
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFound("patient", patient_id)
        if patient.voided:
            raise ServiceError(Msg.ALREADY_VOIDED)
        patient.voided = True
        patient.void_reason = reason.strip()
        session.flush()
        return to_row(patient, actor.may("view_identity"))


def audit_trail(
    study: Study,
    actor: UserInfo,
    *,
    patient_id: int | None = None,
    table_name: str | None = None,
    record_id: str | None = None,
    limit: int = 5000,
) -> list[AuditRow]:
    """Audit rows, newest first: the study's, one patient's, or one record's history."""
    require(actor, "view_audit")
    with study.unit(actor=actor.username) as session:
        return audit.query(
            session,
            patient_id=patient_id,
            table_name=table_name,
            record_id=record_id,
            show_identity=actor.may("view_identity"),
            limit=limit,
        )
