"""Adverse events and SAE reporting: the AE log of a patient and the 24-hour sponsor deadline.

An adverse event is recorded at a visit that was done and belongs to that visit's patient; it is
numbered 1, 2, ... per patient ("AE 3" in the casebook). Any ICH E2A seriousness criterion makes
it a serious adverse event (SAE): the site records when it became aware, and the sponsor must have
the report within ``SAE_REPORT_HOURS`` of that moment (DOMAIN.md "Safety"). A report after the
deadline needs the reason it was late. Follow-up reports update the same record through the audit
trail, so the record's audit rows are its versions; nothing is deleted, an AE entered in error is
voided with a reason.

An event recorded from a lab result that suggested it (``record_ae(..., lab_result_id=...)``)
keeps that link (``lab_result_id``, audited), so the lab overview shows the result as recorded;
voiding the event makes the result a suggestion again.

Date-times are local wall-clock time as entered (naive), the same clock as ``clock.now_local``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sscvisit.model.entities import (
    SERIOUSNESS_CRITERIA,
    AdverseEvent,
    LabResult,
    Patient,
    Visit,
    fields_of,
)
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.services import audit, clock, visits
from sscvisit.services.auth import require
from sscvisit.services.dto import AuditRow, UserInfo
from sscvisit.services.errors import ConflictError, Msg, NotFound, ReasonRequired, ServiceError
from sscvisit.services.study import Study

__all__ = [
    "AE_FIELDS",
    "CRITERIA",
    "EVENT_FIELDS",
    "LAB_RESULT_FIELD",
    "REPORTING_FIELDS",
    "REPORT_STATES",
    "RESOLVED_OUTCOMES",
    "SAE_REPORT_HOURS",
    "AeInfo",
    "SaeDue",
    "ae_history",
    "check_values",
    "get_ae",
    "list_aes",
    "open_saes",
    "record_ae",
    "report_state",
    "sae_deadline",
    "update_ae",
    "void_ae",
]

AE_FIELDS: dict[str, Field] = fields_of(AdverseEvent)
"""Every recorded field of an adverse event (labels EN/NL, code lists, WHO grade 0-4)."""

SAE_REPORT_HOURS = 24
"""An SAE must reach the sponsor within this many hours of the site becoming aware of it."""

CRITERIA: tuple[str, ...] = SERIOUSNESS_CRITERIA
"""The six ICH E2A seriousness criteria (flags); any one ticked makes the event serious."""

REPORTING_FIELDS: tuple[str, ...] = ("aware_at", "reported_at", "late_reason")
"""The SAE reporting fields; only a serious event has them."""

EVENT_FIELDS: tuple[str, ...] = tuple(
    name for name in AE_FIELDS if name not in CRITERIA and name not in REPORTING_FIELDS
)
"""The description of the event itself (term ... description), in declaration order."""

REPORT_STATES: tuple[str, ...] = (
    "not_serious",
    "due",
    "overdue",
    "reported_in_time",
    "reported_late",
)

RESOLVED_OUTCOMES = frozenset({"recovered", "sequelae", "fatal"})
"""Outcomes that mean the event is over: it has an end date and is not ongoing."""

LAB_RESULT_FIELD = "lab_result_id"
"""Where the problems of the lab result an event is recorded from are named (not a form field)."""

_NO_END_NEEDED = frozenset({"unknown"})  # lost to follow-up: neither ongoing nor ended is known
_NEW_REASON = "adverse event recorded"
_FOLLOW_UP_REASON = "adverse event follow-up"


# --- values and the pure rules ----------------------------------------------------------------


@dataclass(frozen=True)
class AeInfo:
    """One adverse event as saved, with its SAE deadline and report state on a given moment."""

    id: int
    patient_id: int
    subject_number: str
    visit_id: int
    visit_code: str
    number: int
    term: str
    meddra_code: str | None
    onset_date: dt.date
    end_date: dt.date | None
    ongoing: bool
    intensity: str
    who_grade: int
    relation_product: str
    relation_procedure: str
    action_taken: str
    outcome: str
    serious_death: bool
    serious_life_threatening: bool
    serious_hospitalisation: bool
    serious_disability: bool
    serious_congenital: bool
    serious_important: bool
    aware_at: dt.datetime | None
    reported_at: dt.datetime | None
    late_reason: str | None
    immediate_reaction: bool
    description: str | None
    created_utc: str
    version: int
    voided: bool
    void_reason: str | None
    lab_result_id: int | None  # the lab result it was recorded from, if any
    serious: bool
    deadline: dt.datetime | None
    report_state: str  # one of REPORT_STATES

    def values(self) -> dict[str, Value]:
        """The recorded fields by name (the keys of AE_FIELDS), as a form loads them."""
        return {name: getattr(self, name) for name in AE_FIELDS}

    def criteria(self) -> tuple[str, ...]:
        """The seriousness criteria ticked, in declaration order."""
        return tuple(name for name in CRITERIA if getattr(self, name))


@dataclass(frozen=True)
class SaeDue:
    """An SAE not yet reported to the sponsor: when it is due, and whether that has passed."""

    ae_id: int
    patient_id: int
    subject_number: str
    number: int
    term: str
    aware_at: dt.datetime
    deadline: dt.datetime
    overdue: bool
    remaining: dt.timedelta  # negative once overdue


def sae_deadline(aware_at: dt.datetime) -> dt.datetime:
    """When the sponsor must have the report: ``SAE_REPORT_HOURS`` after the site became aware."""
    return aware_at + dt.timedelta(hours=SAE_REPORT_HOURS)


def report_state(
    serious: bool,
    aware_at: dt.datetime | None,
    reported_at: dt.datetime | None,
    now: dt.datetime,
) -> str:
    """Where the sponsor report stands (REPORT_STATES). Exactly at the deadline is still in time."""
    if not serious:
        return "not_serious"
    deadline = sae_deadline(aware_at) if aware_at is not None else None
    if reported_at is None:
        return "overdue" if deadline is not None and now > deadline else "due"
    if deadline is not None and reported_at > deadline:
        return "reported_late"
    return "reported_in_time"


def _flag(values: Mapping[str, Value], name: str) -> bool:
    return values.get(name) is True


def _text(value: Value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def check_values(
    values: Mapping[str, Value],
    *,
    now: dt.datetime | None = None,
    consent_date: dt.date | None = None,
) -> tuple[dict[str, Value], list[FieldError]]:
    """Check every field and every cross-field rule; all problems at once, each at its field.

    Pure (no database), so a form can show the rules as you type. Returns the checked values
    (flags False when absent; texts stripped, empty ones None) and the problems found.
    """
    moment = now or clock.now_local()
    day = moment.date()
    errors: list[FieldError] = []
    checked: dict[str, Value] = {}
    for name, spec in AE_FIELDS.items():
        raw = values.get(name)
        if spec.kind == "bool" and raw is None:
            raw = False
        try:
            checked[name] = spec.check(raw, today=day, now=moment)
        except FieldError as exc:
            errors.append(exc)
            checked[name] = None
        if spec.kind == "text":
            checked[name] = _text(checked[name])
    errors += _rule_errors(checked, {e.field for e in errors}, consent_date)
    return checked, errors


def _rule_errors(
    v: Mapping[str, Value], refused: set[str], consent_date: dt.date | None
) -> list[FieldError]:
    """The cross-field rules, over the values that passed their own check."""
    out: list[FieldError] = []
    onset = v.get("onset_date")
    end = v.get("end_date")
    onset = onset if isinstance(onset, dt.date) else None
    end = end if isinstance(end, dt.date) else None
    ongoing = _flag(v, "ongoing")
    outcome = v.get("outcome") if isinstance(v.get("outcome"), str) else None
    if onset is not None and consent_date is not None and onset < consent_date:
        out.append(
            FieldError(
                "onset_date", Problem.INCONSISTENT, rule="before_consent", consent_date=consent_date
            )
        )
    if onset is not None and end is not None and end < onset:
        out.append(FieldError("end_date", Problem.INCONSISTENT, rule="end_before_onset"))
    if ongoing and end is not None:
        out.append(FieldError("ongoing", Problem.INCONSISTENT, rule="ongoing_with_end_date"))
    elif ongoing and outcome in RESOLVED_OUTCOMES:
        out.append(FieldError("ongoing", Problem.INCONSISTENT, rule="ongoing_but_resolved"))
    elif (
        not ongoing
        and end is None
        and "end_date" not in refused
        and outcome is not None
        and outcome not in _NO_END_NEEDED
    ):
        out.append(FieldError("end_date", Problem.INCONSISTENT, rule="end_or_ongoing"))
    if outcome == "fatal" and not _flag(v, "serious_death"):
        out.append(FieldError("outcome", Problem.INCONSISTENT, rule="fatal_without_death"))
    elif outcome is not None and outcome != "fatal" and _flag(v, "serious_death"):
        out.append(FieldError("serious_death", Problem.INCONSISTENT, rule="death_without_fatal"))
    out += _reporting_errors(v, refused, onset)
    return out


def _reporting_errors(
    v: Mapping[str, Value], refused: set[str], onset: dt.date | None
) -> list[FieldError]:
    serious = any(_flag(v, name) for name in CRITERIA)
    aware = v.get("aware_at")
    reported = v.get("reported_at")
    aware = aware if isinstance(aware, dt.datetime) else None
    reported = reported if isinstance(reported, dt.datetime) else None
    late_reason = v.get("late_reason")
    out: list[FieldError] = []
    if not serious:
        return [
            FieldError(name, Problem.INCONSISTENT, rule="report_times_only_for_sae")
            for name in REPORTING_FIELDS
            if v.get(name) is not None and name not in refused
        ]
    if aware is None:
        if "aware_at" not in refused:
            out.append(FieldError("aware_at", Problem.REQUIRED, rule="sae_needs_awareness"))
        return out
    if onset is not None and aware.date() < onset:
        out.append(FieldError("aware_at", Problem.INCONSISTENT, rule="aware_before_onset"))
    if reported is None:
        if late_reason is not None:
            out.append(FieldError("late_reason", Problem.INCONSISTENT, rule="late_reason_in_time"))
        return out
    if reported < aware:
        out.append(
            FieldError("reported_at", Problem.INCONSISTENT, rule="reported_before_awareness")
        )
    elif reported > sae_deadline(aware):
        if late_reason is None and "late_reason" not in refused:
            out.append(FieldError("late_reason", Problem.INCONSISTENT, rule="late_without_reason"))
    elif late_reason is not None:
        out.append(FieldError("late_reason", Problem.INCONSISTENT, rule="late_reason_in_time"))
    return out


# --- storage ----------------------------------------------------------------------------------


def _info(event: AdverseEvent, subject: str, visit_code: str, now: dt.datetime) -> AeInfo:
    serious = event.serious
    deadline = sae_deadline(event.aware_at) if serious and event.aware_at is not None else None
    return AeInfo(
        id=event.id,
        patient_id=event.patient_id,
        subject_number=subject,
        visit_id=event.visit_id,
        visit_code=visit_code,
        number=event.number,
        term=event.term,
        meddra_code=event.meddra_code,
        onset_date=event.onset_date,
        end_date=event.end_date,
        ongoing=event.ongoing,
        intensity=event.intensity,
        who_grade=event.who_grade,
        relation_product=event.relation_product,
        relation_procedure=event.relation_procedure,
        action_taken=event.action_taken,
        outcome=event.outcome,
        serious_death=event.serious_death,
        serious_life_threatening=event.serious_life_threatening,
        serious_hospitalisation=event.serious_hospitalisation,
        serious_disability=event.serious_disability,
        serious_congenital=event.serious_congenital,
        serious_important=event.serious_important,
        aware_at=event.aware_at,
        reported_at=event.reported_at,
        late_reason=event.late_reason,
        immediate_reaction=event.immediate_reaction,
        description=event.description,
        created_utc=event.created_utc,
        version=event.version,
        voided=event.voided,
        void_reason=event.void_reason,
        lab_result_id=event.lab_result_id,
        serious=serious,
        deadline=deadline,
        report_state=report_state(serious, event.aware_at, event.reported_at, now),
    )


def _describe(session: Session, event: AdverseEvent, now: dt.datetime) -> AeInfo:
    patient = session.get(Patient, event.patient_id)
    visit = session.get(Visit, event.visit_id)
    assert patient is not None  # a foreign key
    assert visit is not None
    return _info(event, patient.subject_number, visit.visit_code, now)


def _event(session: Session, ae_id: int) -> AdverseEvent:
    event = session.get(AdverseEvent, ae_id)
    if event is None:
        raise NotFound("adverse_event", ae_id)
    return event


def _visit_errors(visit: Visit) -> list[FieldError]:
    if visit.outcome != "done" or visit.visit_date is None:
        return [FieldError("visit_id", Problem.INCONSISTENT, rule="visit_not_recorded")]
    return []


def _lab_result_errors(session: Session, patient_id: int, lab_result_id: int) -> list[FieldError]:
    """The lab result an event is recorded from: the patient's own, not void, not yet recorded.

    Called with the patient locked (``visits.open_visit(..., lock_patient=True)``), so two
    workstations recording the same suggestion cannot both pass the "already recorded" check.
    """
    result = session.get(LabResult, lab_result_id)
    if result is None:
        raise NotFound("lab_result", lab_result_id)
    if result.patient_id != patient_id:
        return [FieldError(LAB_RESULT_FIELD, Problem.INCONSISTENT, rule="lab_result_other_patient")]
    if result.voided:
        return [FieldError(LAB_RESULT_FIELD, Problem.INCONSISTENT, rule="lab_result_voided")]
    recorded = session.scalar(
        select(AdverseEvent.number).where(
            AdverseEvent.lab_result_id == lab_result_id, AdverseEvent.voided.is_(False)
        )
    )
    if recorded is not None:
        return [
            FieldError(
                LAB_RESULT_FIELD,
                Problem.INCONSISTENT,
                rule="lab_result_already_recorded",
                number=recorded,
            )
        ]
    return []


def record_ae(
    study: Study,
    actor: UserInfo,
    visit_id: int,
    values: Mapping[str, Value],
    *,
    now: dt.datetime | None = None,
    lab_result_id: int | None = None,
) -> AeInfo:
    """Record a new adverse event at a visit recorded as done; all or nothing.

    ``values`` holds the fields of AE_FIELDS (flags may be left out: not ticked). Every field
    problem and broken rule comes at once (FieldErrors); the visit not being done is one at
    ``visit_id`` (rule "visit_not_recorded"). The event gets the patient's next number.
    ``lab_result_id``: the lab result that suggested the event; it must be the patient's own
    (rule "lab_result_other_patient"), not void ("lab_result_voided") and not already recorded
    as a non-void event ("lab_result_already_recorded", with ``number``), each at
    ``"lab_result_id"``; NotFound when there is no such result.
    """
    require(actor, "enter_data")
    moment = now or clock.now_local()
    with study.unit(actor=actor.username) as session:
        visit, patient = visits.open_visit(session, visit_id, lock_patient=True)
        checked, errors = check_values(values, now=moment, consent_date=patient.consent_date)
        errors = _visit_errors(visit) + errors
        if lab_result_id is not None:
            errors += _lab_result_errors(session, patient.id, lab_result_id)
        if errors:
            raise FieldErrors(errors)
        last = session.scalar(
            select(func.max(AdverseEvent.number)).where(AdverseEvent.patient_id == patient.id)
        )
        session.info["reason"] = _NEW_REASON
        event = AdverseEvent(
            patient_id=patient.id,
            visit_id=visit.id,
            number=(last or 0) + 1,
            created_utc=clock.utc_stamp(),
            voided=False,
            lab_result_id=lab_result_id,
            **checked,
        )
        session.add(event)
        session.flush()
        return _info(event, patient.subject_number, visit.visit_code, moment)


def update_ae(
    study: Study,
    actor: UserInfo,
    ae_id: int,
    values: Mapping[str, Value],
    *,
    reason: str | None,
    expected_version: int | None,
    now: dt.datetime | None = None,
) -> AeInfo:
    """A follow-up report: apply ``values`` (fields left out keep their saved value).

    Filling in a field that was empty (the end date, the time reported) needs no reason;
    changing a saved value does (ReasonRequired names the first such field). Every version stays
    in the audit trail (``ae_history``). A stale ``expected_version`` is a ConflictError.
    """
    require(actor, "enter_data")
    moment = now or clock.now_local()
    given = _text(reason)
    with study.unit(actor=actor.username, reason=given) as session:
        event = _event(session, ae_id)
        if expected_version is not None and event.version != expected_version:
            raise ConflictError()
        patient = session.get(Patient, event.patient_id)
        assert patient is not None  # a foreign key
        if event.voided or patient.voided:
            raise ServiceError(Msg.RECORD_VOIDED)
        current: dict[str, Value] = {name: getattr(event, name) for name in AE_FIELDS}
        merged = {**current, **{k: v for k, v in values.items() if k in AE_FIELDS}}
        checked, errors = check_values(merged, now=moment, consent_date=patient.consent_date)
        if errors:
            raise FieldErrors(errors)
        changed = [name for name in AE_FIELDS if checked[name] != current[name]]
        if not changed:
            return _describe(session, event, moment)
        overwritten = [name for name in changed if current[name] is not None]
        if overwritten and given is None:
            raise ReasonRequired(AdverseEvent.__tablename__, overwritten[0])
        session.info["reason"] = given or _FOLLOW_UP_REASON
        for name in changed:
            setattr(event, name, checked[name])
        session.flush()
        return _describe(session, event, moment)


def void_ae(study: Study, actor: UserInfo, ae_id: int, reason: str) -> AeInfo:
    """Mark an AE entered in error as void; it stays in the log, struck out, with the reason."""
    require(actor, "enter_data")
    given = _text(reason)
    if given is None:
        raise ReasonRequired(AdverseEvent.__tablename__, "voided")
    with study.unit(actor=actor.username, reason=given) as session:
        event = _event(session, ae_id)
        if event.voided:
            raise ServiceError(Msg.ALREADY_VOIDED)
        event.voided = True
        event.void_reason = given
        session.flush()
        return _describe(session, event, clock.now_local())


def get_ae(study: Study, actor: UserInfo, ae_id: int, *, now: dt.datetime | None = None) -> AeInfo:
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        return _describe(session, _event(session, ae_id), now or clock.now_local())


def list_aes(
    study: Study, actor: UserInfo, patient_id: int, *, now: dt.datetime | None = None
) -> list[AeInfo]:
    """The patient's AE log by number, void ones included (their ``voided`` is set)."""
    require(actor, "view_data")
    moment = now or clock.now_local()
    with study.unit(actor=actor.username) as session:
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFound("patient", patient_id)
        rows = session.execute(
            select(AdverseEvent, Visit.visit_code)
            .join(Visit, Visit.id == AdverseEvent.visit_id)
            .where(AdverseEvent.patient_id == patient_id)
            .order_by(AdverseEvent.number)
        )
        return [_info(event, patient.subject_number, code, moment) for event, code in rows]


def open_saes(study: Study, actor: UserInfo, *, now: dt.datetime | None = None) -> list[SaeDue]:
    """Every SAE of the study not yet reported to the sponsor, the earliest deadline first.

    Void events and the events of void registrations are left out.
    """
    require(actor, "view_data")
    moment = now or clock.now_local()
    with study.unit(actor=actor.username) as session:
        rows = session.execute(
            select(AdverseEvent, Patient.subject_number)
            .join(Patient, Patient.id == AdverseEvent.patient_id)
            .where(
                AdverseEvent.voided.is_(False),
                Patient.voided.is_(False),
                AdverseEvent.reported_at.is_(None),
                AdverseEvent.aware_at.is_not(None),
                or_(*(getattr(AdverseEvent, name).is_(True) for name in CRITERIA)),
            )
        )
        out: list[SaeDue] = []
        for event, subject in rows:
            assert event.aware_at is not None  # filtered above
            deadline = sae_deadline(event.aware_at)
            out.append(
                SaeDue(
                    ae_id=event.id,
                    patient_id=event.patient_id,
                    subject_number=subject,
                    number=event.number,
                    term=event.term,
                    aware_at=event.aware_at,
                    deadline=deadline,
                    overdue=moment > deadline,
                    remaining=deadline - moment,
                )
            )
    out.sort(key=lambda due: (due.deadline, due.subject_number, due.number))
    return out


def ae_history(study: Study, actor: UserInfo, ae_id: int) -> list[AuditRow]:
    """The AE's audit rows, oldest first: the first version, then every follow-up change."""
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        _event(session, ae_id)
        rows = audit.query(
            session, table_name=AdverseEvent.__tablename__, record_id=str(ae_id), limit=100_000
        )
    return sorted(rows, key=lambda row: row.id)
