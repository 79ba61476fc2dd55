"""Enrolment and the visit schedule: what is planned, due, overdue, done or missed.

The schedule comes from the protocol file (services/protocol.py), never from code. Day 0 is the
injection: its recorded date when there is one, else the planned date. Follow-up visits cannot be
recorded before the injection nor in the future; a visit outside its window is kept as a protocol
deviation with a written reason (DOMAIN.md "Visit schedule").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sscvisit.model.entities import Enrolment, Patient, Screening, Visit, fields_of
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem
from sscvisit.services import clock
from sscvisit.services.auth import require
from sscvisit.services.dto import EnrolmentInfo, UserInfo, VisitInfo
from sscvisit.services.errors import ConflictError, Msg, NotFound, ReasonRequired, ServiceError
from sscvisit.services.protocol import (
    Protocol,
    VisitDef,
    default_protocol,
    in_window,
    visit_status,
    week_of,
)
from sscvisit.services.study import Study

# Field declarations for the visit and enrolment forms (labels, lengths, not-in-future).
VISIT_FIELDS: dict[str, Field] = fields_of(Visit)
ENROLMENT_FIELDS: dict[str, Field] = fields_of(Enrolment)


def _protocol() -> Protocol:
    return default_protocol()


def _definition(protocol: Protocol, code: str) -> VisitDef:
    """The protocol's visit; a code the protocol no longer knows still shows, without a window."""
    try:
        return protocol.visit(code)
    except KeyError:
        return VisitDef(code, code, code, None, 0, 0, ())


def visit_forms(visit_code: str, protocol: Protocol | None = None) -> tuple[str, ...]:
    """The forms the protocol collects at a visit (none for a code it no longer knows)."""
    return _definition(protocol or _protocol(), visit_code).forms


def open_visit(
    session: Session, visit_id: int, *, lock_patient: bool = False
) -> tuple[Visit, Patient]:
    """A visit and its patient, to record something at the visit; voided ones are refused.

    FOR UPDATE (PostgreSQL) on the visit serialises two workstations saving the same visit's
    forms; ``lock_patient`` locks the patient instead, for what is numbered per patient.
    """
    visit = session.get(Visit, visit_id, with_for_update=not lock_patient)
    if visit is None:
        raise NotFound("visit", visit_id)
    patient = session.get(Patient, visit.patient_id, with_for_update=lock_patient)
    assert patient is not None  # a foreign key
    if patient.voided or visit.voided:
        raise ServiceError(Msg.RECORD_VOIDED)
    return visit, patient


def anchor_date(planned_injection_date: dt.date, injection_date: dt.date | None) -> dt.date:
    """Day 0 of the schedule: the injection's recorded date, else its planned date."""
    return injection_date if injection_date is not None else planned_injection_date


def injection_window(
    screening_date: dt.date, protocol: Protocol | None = None
) -> tuple[dt.date, dt.date]:
    """The injection dates a screening allows (screening is day -28..-1: injection 1..28 later)."""
    p = protocol or _protocol()
    return (
        screening_date + dt.timedelta(days=-p.screening_to_day),
        screening_date + dt.timedelta(days=-p.screening_from_day),
    )


@dataclass
class _Course:
    """One enrolled patient's schedule as loaded in a session."""

    patient: Patient
    enrolment: Enrolment
    screening_date: dt.date
    visits: list[Visit]
    protocol: Protocol

    @property
    def injection(self) -> Visit | None:
        code = self.protocol.anchor_code
        return next((v for v in self.visits if v.visit_code == code), None)

    @property
    def injection_date(self) -> dt.date | None:
        visit = self.injection
        if visit is None or visit.outcome != "done":
            return None
        return visit.visit_date

    @property
    def anchor(self) -> dt.date:
        return anchor_date(self.enrolment.planned_injection_date, self.injection_date)

    def status(self, visit: Visit, today: dt.date) -> str:
        definition = _definition(self.protocol, visit.visit_code)
        status = visit_status(definition, self.anchor, visit.visit_date, visit.outcome, today)
        if (
            status == "done"
            and visit.visit_code == self.protocol.anchor_code
            and visit.visit_date is not None
        ):
            # Day 0 is always "on target"; its own window is the screening's (day -28..-1).
            first, last = injection_window(self.screening_date, self.protocol)
            if not first <= visit.visit_date <= last:
                status = "done_out_of_window"
        return status

    def info(self, visit: Visit, today: dt.date) -> VisitInfo:
        definition = _definition(self.protocol, visit.visit_code)
        window = definition.window(self.anchor)
        return VisitInfo(
            id=visit.id,
            patient_id=visit.patient_id,
            subject_number=self.patient.subject_number,
            visit_code=visit.visit_code,
            sequence=visit.sequence,
            label_en=definition.label_en,
            label_nl=definition.label_nl,
            target_date=definition.target(self.anchor),
            window_start=window[0] if window else None,
            window_end=window[1] if window else None,
            visit_date=visit.visit_date,
            outcome=visit.outcome,
            status=self.status(visit, today),
            missed_reason=visit.missed_reason,
            deviation_reason=visit.deviation_reason,
            comment=visit.comment,
            forms=definition.forms,
            version=visit.version,
        )

    def ordered(self) -> list[Visit]:
        """Protocol order, then unscheduled visits by date."""
        order = {v.code: i for i, v in enumerate(self.protocol.visits)}
        scheduled = sorted(
            (v for v in self.visits if v.visit_code in order), key=lambda v: order[v.visit_code]
        )
        others = sorted(
            (v for v in self.visits if v.visit_code not in order),
            key=lambda v: (v.visit_date or dt.date.max, v.sequence, v.id),
        )
        return scheduled + others


def _enrolment_info(enrolment: Enrolment) -> EnrolmentInfo:
    return EnrolmentInfo(
        id=enrolment.id,
        patient_id=enrolment.patient_id,
        screening_id=enrolment.screening_id,
        enrolled_on=enrolment.enrolled_on,
        planned_injection_date=enrolment.planned_injection_date,
        protocol_version=enrolment.protocol_version,
        version=enrolment.version,
    )


def _patient(session: Session, patient_id: int) -> Patient:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound("patient", patient_id)
    return patient


def _writable_patient(session: Session, patient_id: int) -> Patient:
    patient = _patient(session, patient_id)
    if patient.voided:
        raise ServiceError(Msg.RECORD_VOIDED)
    return patient


def _enrolment(session: Session, patient_id: int) -> Enrolment | None:
    return session.scalar(
        select(Enrolment).where(Enrolment.patient_id == patient_id, Enrolment.voided.is_(False))
    )


def _latest_screening(session: Session, patient_id: int) -> Screening | None:
    return session.scalar(
        select(Screening)
        .where(Screening.patient_id == patient_id, Screening.voided.is_(False))
        .order_by(Screening.id.desc())
        .limit(1)
    )


def _screening_dates(session: Session, ids: Iterable[int]) -> dict[int, dt.date]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = session.execute(
        select(Screening.id, Screening.screening_date).where(Screening.id.in_(wanted))
    )
    return {row.id: row.screening_date for row in rows}


def _course(session: Session, patient: Patient) -> _Course | None:
    enrolment = _enrolment(session, patient.id)
    if enrolment is None:
        return None
    visits = list(
        session.scalars(
            select(Visit).where(Visit.patient_id == patient.id, Visit.voided.is_(False))
        )
    )
    screening_date = _screening_dates(session, [enrolment.screening_id])[enrolment.screening_id]
    return _Course(patient, enrolment, screening_date, visits, _protocol())


def _clean(text: str | None) -> str | None:
    return text.strip() if text is not None and text.strip() else None


def _checked_text(name: str, text: str | None, errors: list[FieldError]) -> str | None:
    value = _clean(text)
    try:
        VISIT_FIELDS[name].check(value)
    except FieldError as exc:
        errors.append(exc)
    return value


def _planned_injection_errors(
    planned: dt.date | None, screening_date: dt.date, enrolled_on: dt.date, protocol: Protocol
) -> list[FieldError]:
    name = "planned_injection_date"
    try:
        ENROLMENT_FIELDS[name].check(planned)
    except FieldError as exc:
        return [exc]
    assert isinstance(planned, dt.date)
    first, last = injection_window(screening_date, protocol)
    if not first <= planned <= last:
        return [
            FieldError(
                name,
                Problem.INCONSISTENT,
                rule="outside_screening_window",
                earliest=first,
                latest=last,
            )
        ]
    if planned < enrolled_on:
        return [
            FieldError(name, Problem.INCONSISTENT, rule="before_enrolment", enrolled_on=enrolled_on)
        ]
    return []


def _visit_date_errors(
    course: _Course, visit: Visit | None, code: str, visit_date: dt.date | None, today: dt.date
) -> list[FieldError]:
    """Why a visit cannot be dated ``visit_date`` (at most one problem, on visit_date)."""
    name = "visit_date"
    if visit_date is None:
        return [FieldError(name, Problem.REQUIRED)]
    try:
        VISIT_FIELDS[name].check(visit_date, today=today)
    except FieldError as exc:
        return [exc]
    consent = course.patient.consent_date
    if visit_date < consent:
        return [FieldError(name, Problem.INCONSISTENT, rule="before_consent", consent_date=consent)]
    if code == course.protocol.anchor_code:
        if visit_date <= course.screening_date:
            return [
                FieldError(
                    name,
                    Problem.INCONSISTENT,
                    rule="before_screening",
                    screening_date=course.screening_date,
                )
            ]
        later = [v.visit_date for v in course.visits if v is not visit and v.visit_date is not None]
        if later and visit_date > min(later):
            return [
                FieldError(
                    name, Problem.INCONSISTENT, rule="after_later_visit", first_visit=min(later)
                )
            ]
        return []
    injection = course.injection_date
    if injection is None:
        return [FieldError(name, Problem.INCONSISTENT, rule="injection_not_recorded")]
    if visit_date < injection:
        return [
            FieldError(
                name, Problem.INCONSISTENT, rule="before_injection", injection_date=injection
            )
        ]
    return []


def _in_window(course: _Course, code: str, visit_date: dt.date) -> bool:
    if code == course.protocol.anchor_code:
        first, last = injection_window(course.screening_date, course.protocol)
        return first <= visit_date <= last
    definition = _definition(course.protocol, code)
    return in_window(definition, course.anchor, visit_date)


def _check_version(record: Visit | Enrolment, expected_version: int | None) -> None:
    if expected_version is not None and record.version != expected_version:
        raise ConflictError()


def _open_visit(session: Session, visit_id: int) -> tuple[Visit, _Course]:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("visit", visit_id)
    patient = _writable_patient(session, visit.patient_id)
    if visit.voided:
        raise ServiceError(Msg.RECORD_VOIDED)
    course = _course(session, patient)
    if course is None:  # a visit row exists only for an enrolled patient
        raise NotFound("enrolment", visit.patient_id)
    return visit, course


def _refuse_unexplained_change(
    visit: Visit, new: dict[str, object], reason: str | None, *, first: str
) -> None:
    """Changing a saved value needs a reason; name the first field that would change."""
    if _clean(reason):
        return
    changed = [
        key
        for key, value in new.items()
        if getattr(visit, key) is not None and getattr(visit, key) != value
    ]
    if changed:
        raise ReasonRequired(Visit.__tablename__, first if first in changed else changed[0])


# --- enrolment --------------------------------------------------------------------------------


def enrol(
    study: Study,
    actor: UserInfo,
    patient_id: int,
    *,
    planned_injection_date: dt.date,
    enrolled_on: dt.date | None = None,
    today: dt.date | None = None,
) -> EnrolmentInfo:
    """Enrol a patient whose latest screening an investigator confirmed as eligible.

    Creates the enrolment and one open visit per protocol visit; the patient becomes "enrolled".
    """
    require(actor, "enter_data")
    day = today or clock.today()
    on = enrolled_on if enrolled_on is not None else day
    protocol = _protocol()
    with study.unit(actor=actor.username, reason="patient enrolled") as session:
        patient = _writable_patient(session, patient_id)
        if session.scalar(select(Enrolment.id).where(Enrolment.patient_id == patient_id)):
            raise ServiceError(Msg.ALREADY_ENROLLED)
        screening = _latest_screening(session, patient_id)
        if screening is None or screening.state != "confirmed" or screening.result != "eligible":
            raise ServiceError(Msg.NOT_ELIGIBLE)
        errors: list[FieldError] = []
        try:
            ENROLMENT_FIELDS["enrolled_on"].check(on, today=day)
        except FieldError as exc:
            errors.append(exc)
        else:
            if on < screening.screening_date:
                errors.append(
                    FieldError(
                        "enrolled_on",
                        Problem.INCONSISTENT,
                        rule="before_screening",
                        screening_date=screening.screening_date,
                    )
                )
        errors += _planned_injection_errors(
            planned_injection_date, screening.screening_date, on, protocol
        )
        if errors:
            raise FieldErrors(errors)
        stamp = clock.utc_stamp()
        enrolment = Enrolment(
            patient_id=patient_id,
            screening_id=screening.id,
            enrolled_on=on,
            planned_injection_date=planned_injection_date,
            protocol_version=protocol.version,
            created_utc=stamp,
            voided=False,
        )
        session.add(enrolment)
        session.add_all(
            Visit(
                patient_id=patient_id,
                visit_code=definition.code,
                sequence=0,
                created_utc=stamp,
                voided=False,
            )
            for definition in protocol.visits
        )
        patient.status = "enrolled"
        session.flush()
        return _enrolment_info(enrolment)


def get_enrolment(study: Study, actor: UserInfo, patient_id: int) -> EnrolmentInfo | None:
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        _patient(session, patient_id)
        enrolment = _enrolment(session, patient_id)
        return None if enrolment is None else _enrolment_info(enrolment)


def reschedule_injection(
    study: Study,
    actor: UserInfo,
    patient_id: int,
    planned_injection_date: dt.date,
    reason: str,
    *,
    expected_version: int | None = None,
) -> EnrolmentInfo:
    """Move the planned injection (still inside the screening window); a reason is required."""
    require(actor, "enter_data")
    if not _clean(reason):
        raise ReasonRequired(Enrolment.__tablename__, "planned_injection_date")
    protocol = _protocol()
    with study.unit(actor=actor.username, reason=reason) as session:
        patient = _writable_patient(session, patient_id)
        course = _course(session, patient)
        if course is None:
            raise NotFound("enrolment", patient_id)
        _check_version(course.enrolment, expected_version)
        if course.injection_date is not None:
            raise FieldErrors(
                [
                    FieldError(
                        "planned_injection_date", Problem.INCONSISTENT, rule="injection_recorded"
                    )
                ]
            )
        errors = _planned_injection_errors(
            planned_injection_date, course.screening_date, course.enrolment.enrolled_on, protocol
        )
        if errors:
            raise FieldErrors(errors)
        course.enrolment.planned_injection_date = planned_injection_date
        session.flush()
        return _enrolment_info(course.enrolment)


# --- the schedule -----------------------------------------------------------------------------


def schedule(
    study: Study, actor: UserInfo, patient_id: int, *, today: dt.date | None = None
) -> list[VisitInfo]:
    """The patient's visits in schedule order, then unscheduled ones by date; [] if not enrolled."""
    require(actor, "view_data")
    day = today or clock.today()
    with study.unit(actor=actor.username) as session:
        course = _course(session, _patient(session, patient_id))
        if course is None:
            return []
        return [course.info(v, day) for v in course.ordered()]


def record_visit(
    study: Study,
    actor: UserInfo,
    visit_id: int,
    visit_date: dt.date,
    *,
    deviation_reason: str | None = None,
    comment: str | None = None,
    reason: str | None = None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> VisitInfo:
    """Record a visit as done on ``visit_date``; the arguments are the visit's new full state.

    A date outside the window needs ``deviation_reason`` (kept only for such dates); changing
    anything already saved (date, comment, a missed outcome) needs ``reason``.
    """
    require(actor, "enter_data")
    day = today or clock.today()
    with study.unit(actor=actor.username, reason=reason) as session:
        visit, course = _open_visit(session, visit_id)
        _check_version(visit, expected_version)
        errors = _visit_date_errors(course, visit, visit.visit_code, visit_date, day)
        deviation = _checked_text("deviation_reason", deviation_reason, errors)
        note = _checked_text("comment", comment, errors)
        if not errors:
            if _in_window(course, visit.visit_code, visit_date):
                deviation = None
            elif deviation is None:
                errors.append(FieldError("deviation_reason", Problem.REQUIRED))
        if errors:
            raise FieldErrors(errors)
        new: dict[str, object] = {
            "visit_date": visit_date,
            "outcome": "done",
            "missed_reason": None,
            "deviation_reason": deviation,
            "comment": note,
        }
        _refuse_unexplained_change(visit, new, reason, first="visit_date")
        for key, value in new.items():
            setattr(visit, key, value)
        session.flush()
        return course.info(visit, day)


def mark_missed(
    study: Study,
    actor: UserInfo,
    visit_id: int,
    missed_reason: str | None,
    *,
    reason: str | None = None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> VisitInfo:
    """Record that a visit did not take place, with why; undoing a saved date needs ``reason``."""
    require(actor, "enter_data")
    day = today or clock.today()
    errors: list[FieldError] = []
    missed = _checked_text("missed_reason", missed_reason, errors)
    if missed is None and not errors:
        errors.append(FieldError("missed_reason", Problem.REQUIRED))
    if errors:
        raise FieldErrors(errors)
    with study.unit(actor=actor.username, reason=reason) as session:
        visit, course = _open_visit(session, visit_id)
        _check_version(visit, expected_version)
        if visit.visit_code == course.protocol.anchor_code and any(
            v.visit_date is not None for v in course.visits if v is not visit
        ):
            raise FieldErrors(
                [FieldError("missed_reason", Problem.INCONSISTENT, rule="later_visits_recorded")]
            )
        new: dict[str, object] = {
            "visit_date": None,
            "outcome": "missed",
            "missed_reason": missed,
            "deviation_reason": None,
        }
        _refuse_unexplained_change(visit, new, reason, first="outcome")
        for key, value in new.items():
            setattr(visit, key, value)
        session.flush()
        return course.info(visit, day)


def add_unscheduled(
    study: Study,
    actor: UserInfo,
    patient_id: int,
    visit_date: dt.date,
    *,
    comment: str | None = None,
    today: dt.date | None = None,
) -> VisitInfo:
    """Add an unscheduled visit (done on ``visit_date``); only after the injection is recorded."""
    require(actor, "enter_data")
    day = today or clock.today()
    with study.unit(actor=actor.username, reason="unscheduled visit added") as session:
        patient = _writable_patient(session, patient_id)
        course = _course(session, patient)
        if course is None:
            raise FieldErrors(
                [FieldError("visit_date", Problem.INCONSISTENT, rule="injection_not_recorded")]
            )
        code = course.protocol.unscheduled.code
        errors = _visit_date_errors(course, None, code, visit_date, day)
        note = _checked_text("comment", comment, errors)
        if errors:
            raise FieldErrors(errors)
        last = session.scalar(
            select(func.max(Visit.sequence)).where(
                Visit.patient_id == patient_id, Visit.visit_code == code
            )
        )
        visit = Visit(
            patient_id=patient_id,
            visit_code=code,
            sequence=(last or 0) + 1,
            visit_date=visit_date,
            outcome="done",
            comment=note,
            created_utc=clock.utc_stamp(),
            voided=False,
        )
        session.add(visit)
        session.flush()
        course.visits.append(visit)
        return course.info(visit, day)


def due_and_overdue(
    study: Study, actor: UserInfo, *, today: dt.date | None = None
) -> tuple[list[VisitInfo], list[VisitInfo]]:
    """For the whole study: (due this week, overdue), each ordered by target date and subject.

    Overdue: the window closed before ``today`` with the visit neither done nor missed. Due this
    week: still open, and its window reaches into Monday..Sunday of ``today``'s week. The lists do
    not overlap. Before the injection is recorded its planned date counts.
    """
    require(actor, "view_data")
    day = today or clock.today()
    monday, sunday = week_of(day)
    protocol = _protocol()
    due: list[VisitInfo] = []
    overdue: list[VisitInfo] = []
    with study.unit(actor=actor.username) as session:
        pairs = session.execute(
            select(Patient, Enrolment)
            .join(Enrolment, Enrolment.patient_id == Patient.id)
            .where(
                Patient.voided.is_(False),
                Patient.status == "enrolled",
                Enrolment.voided.is_(False),
            )
        ).all()
        if not pairs:
            return [], []
        by_patient: dict[int, list[Visit]] = defaultdict(list)
        for visit in session.scalars(
            select(Visit).where(
                Visit.voided.is_(False), Visit.patient_id.in_([p.id for p, _ in pairs])
            )
        ):
            by_patient[visit.patient_id].append(visit)
        screened = _screening_dates(session, (e.screening_id for _, e in pairs))
        for patient, enrolment in pairs:
            course = _Course(
                patient,
                enrolment,
                screened[enrolment.screening_id],
                by_patient[patient.id],
                protocol,
            )
            for visit in course.ordered():
                if visit.outcome is not None or visit.visit_date is not None:
                    continue
                info = course.info(visit, day)
                if info.window_start is None or info.window_end is None:
                    continue
                if info.window_end < day:
                    overdue.append(info)
                elif info.window_start <= sunday and info.window_end >= monday:
                    due.append(info)

    def order(info: VisitInfo) -> tuple[dt.date, str, int]:
        return (info.target_date or dt.date.max, info.subject_number, info.id)

    return sorted(due, key=order), sorted(overdue, key=order)
