"""The primary end point: serious adverse events from the injection to week 12, per patient.

DOMAIN.md "Safety": the primary end point is the count of SAEs per patient from the injection
(day 0) to week 12. The window's last day is the week-12 visit's day plus its window after
(resources/protocol.json, 84 + 7 by default), so an SAE with its onset on any day a week-12 visit
may still take place counts; both ends are inclusive. The same window holds the secondary safety
table (AEs by WHO grade and by relation to the MSC product and to the injection procedure).

Day 0 is the injection's recorded date and time (``Injection.injected_at``); without an injection
record it is the recorded date of the injection visit, the schedule's anchor (services/visits.py).
Patients with neither are not (yet) in the end point. Voided AEs never count; AEs whose onset lies
outside the window are listed apart and are not in the counts. Only subject numbers leave here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sscvisit.model.entities import (
    AE_RELATIONS,
    SERIOUSNESS_CRITERIA,
    AdverseEvent,
    Injection,
    Patient,
    Visit,
    fields_of,
)
from sscvisit.model.fields import Code, Field
from sscvisit.services import clock
from sscvisit.services.audit import record_event
from sscvisit.services.auth import require
from sscvisit.services.dto import UserInfo
from sscvisit.services.errors import NotFound
from sscvisit.services.protocol import Protocol, VisitDef, default_protocol
from sscvisit.services.study import Study

__all__ = [
    "AE_FIELDS",
    "CRITERIA",
    "ENDPOINT_VISIT",
    "GRADES",
    "RELATIONS",
    "EndpointAE",
    "EndpointReport",
    "PatientEndpoint",
    "StudyTotals",
    "endpoint_visit",
    "endpoint_window",
    "patient_endpoint",
    "record_export",
    "study_endpoint",
]

EXPORT_KINDS: tuple[str, ...] = ("pdf", "csv", "print")

# Field declarations of an adverse event (labels of the criteria, grades, relations).
AE_FIELDS: dict[str, Field] = fields_of(AdverseEvent)
GRADES: tuple[int, ...] = (0, 1, 2, 3, 4)
"""WHO grades, in the order of every per-grade count."""
RELATIONS: tuple[Code, ...] = AE_RELATIONS
"""Relation codes (not related .. certain), in the order of every per-relation count."""
CRITERIA: tuple[Field, ...] = tuple(AE_FIELDS[name] for name in SERIOUSNESS_CRITERIA)
"""The ICH E2A seriousness criteria, for their labels."""
ENDPOINT_VISIT = "week12"
"""The protocol visit whose day + window after closes the end point window."""

Counts = tuple[int, ...]
Matrix = tuple[Counts, ...]  # [grade][relation]


@dataclass(frozen=True)
class EndpointAE:
    """One (non-voided) adverse event as the end point sees it."""

    patient_id: int
    subject_number: str
    number: int
    term: str
    onset_date: dt.date
    study_day: int  # onset - injection date; the injection day is day 0
    serious: bool
    criteria: tuple[str, ...]  # the SERIOUSNESS_CRITERIA ticked, in their order
    who_grade: int
    relation_product: str
    relation_procedure: str
    in_window: bool


@dataclass(frozen=True)
class PatientEndpoint:
    """One injected patient's end point; the counts cover the AEs inside the window only."""

    patient_id: int
    subject_number: str
    injection_date: dt.date
    window_end: dt.date
    follow_up_complete: bool  # today is past the window end, or week 12 is recorded
    sae_count: int  # the primary end point
    saes: tuple[EndpointAE, ...]
    events: tuple[EndpointAE, ...]  # every AE in the window, serious or not
    outside: tuple[EndpointAE, ...]  # AEs with an onset before day 0 or after the window
    by_grade: Counts  # indexed like GRADES
    by_relation_product: Counts  # indexed like RELATIONS
    by_relation_procedure: Counts

    @property
    def window_start(self) -> dt.date:
        return self.injection_date

    @property
    def ae_count(self) -> int:
        return len(self.events)


@dataclass(frozen=True)
class StudyTotals:
    patients_injected: int
    patients_complete: int
    patients_with_sae: int
    sae_total: int
    ae_total: int
    outside_total: int
    by_grade: Counts
    by_grade_product: Matrix  # [grade][relation to the MSC product]
    by_grade_procedure: Matrix  # [grade][relation to the injection procedure]


@dataclass(frozen=True)
class EndpointReport:
    protocol_name: str
    protocol_version: str
    endpoint_day: int  # day of the week-12 visit
    window_after: int  # its window after; the end point window closes on day + window_after
    today: dt.date
    generated_utc: str
    patients: tuple[PatientEndpoint, ...]
    totals: StudyTotals

    @property
    def last_day(self) -> int:
        return self.endpoint_day + self.window_after

    @property
    def saes(self) -> tuple[EndpointAE, ...]:
        """Every SAE in a patient's window, by subject and AE number."""
        return tuple(sae for patient in self.patients for sae in patient.saes)


def endpoint_visit(protocol: Protocol | None = None) -> VisitDef:
    """The week-12 visit; a protocol without one ends the end point at its last visit."""
    p = protocol or default_protocol()
    try:
        visit = p.visit(ENDPOINT_VISIT)
    except KeyError:
        visit = max((v for v in p.visits if v.day is not None), key=lambda v: v.day or 0)
    return visit


def endpoint_window(
    injection_date: dt.date, protocol: Protocol | None = None
) -> tuple[dt.date, dt.date]:
    """Injection date .. injection + week-12 day + its window after, both inclusive."""
    visit = endpoint_visit(protocol)
    assert visit.day is not None
    return injection_date, injection_date + dt.timedelta(days=visit.day + visit.window_after)


# -- loading ---------------------------------------------------------------------------------


def _injection_dates(
    session: Session, protocol: Protocol, patient_ids: Iterable[int] | None
) -> dict[int, dt.date]:
    """Day 0 per patient: the injection record's date, else the recorded injection visit."""
    visits = select(Visit.patient_id, Visit.visit_date).where(
        Visit.visit_code == protocol.anchor_code,
        Visit.outcome == "done",
        Visit.visit_date.is_not(None),
        Visit.voided.is_(False),
    )
    records = select(Injection.patient_id, Injection.injected_at).where(Injection.voided.is_(False))
    if patient_ids is not None:
        wanted = list(patient_ids)
        visits = visits.where(Visit.patient_id.in_(wanted))
        records = records.where(Injection.patient_id.in_(wanted))
    dates: dict[int, dt.date] = {
        patient_id: visit_date
        for patient_id, visit_date in session.execute(visits)
        if visit_date is not None
    }
    for patient_id, injected_at in session.execute(records):
        dates[patient_id] = injected_at.date()
    return dates


def _endpoint_visit_done(session: Session, visit: VisitDef, patient_ids: Sequence[int]) -> set[int]:
    if not patient_ids:
        return set()
    rows = session.scalars(
        select(Visit.patient_id).where(
            Visit.patient_id.in_(patient_ids),
            Visit.visit_code == visit.code,
            Visit.outcome == "done",
            Visit.voided.is_(False),
        )
    )
    return set(rows)


def _adverse_events(session: Session, patient_ids: Sequence[int]) -> dict[int, list[AdverseEvent]]:
    grouped: dict[int, list[AdverseEvent]] = defaultdict(list)
    if not patient_ids:
        return grouped
    rows = session.scalars(
        select(AdverseEvent)
        .where(AdverseEvent.patient_id.in_(patient_ids), AdverseEvent.voided.is_(False))
        .order_by(AdverseEvent.onset_date, AdverseEvent.number, AdverseEvent.id)
    )
    for event in rows:
        grouped[event.patient_id].append(event)
    return grouped


def _event(event: AdverseEvent, subject_number: str, window: tuple[dt.date, dt.date]) -> EndpointAE:
    return EndpointAE(
        patient_id=event.patient_id,
        subject_number=subject_number,
        number=event.number,
        term=event.term,
        onset_date=event.onset_date,
        study_day=(event.onset_date - window[0]).days,
        serious=event.serious,
        criteria=tuple(name for name in SERIOUSNESS_CRITERIA if getattr(event, name)),
        who_grade=event.who_grade,
        relation_product=event.relation_product,
        relation_procedure=event.relation_procedure,
        in_window=window[0] <= event.onset_date <= window[1],
    )


def _relation_index(code: str) -> int | None:
    for index, relation in enumerate(RELATIONS):
        if relation.value == code:
            return index
    return None


def _counts(values: Iterable[int | None], size: int) -> Counts:
    counts = [0] * size
    for value in values:
        if value is not None and 0 <= value < size:
            counts[value] += 1
    return tuple(counts)


def _grade_index(grade: int) -> int | None:
    return GRADES.index(grade) if grade in GRADES else None


def _patient(
    patient: Patient,
    injection_date: dt.date,
    events: Sequence[AdverseEvent],
    visit_done: bool,
    protocol: Protocol,
    today: dt.date,
) -> PatientEndpoint:
    window = endpoint_window(injection_date, protocol)
    rows = [_event(event, patient.subject_number, window) for event in events]
    inside = tuple(row for row in rows if row.in_window)
    saes = tuple(
        sorted((row for row in inside if row.serious), key=lambda row: (row.number, row.onset_date))
    )
    return PatientEndpoint(
        patient_id=patient.id,
        subject_number=patient.subject_number,
        injection_date=injection_date,
        window_end=window[1],
        follow_up_complete=today > window[1] or visit_done,
        sae_count=len(saes),
        saes=saes,
        events=inside,
        outside=tuple(row for row in rows if not row.in_window),
        by_grade=_counts((_grade_index(row.who_grade) for row in inside), len(GRADES)),
        by_relation_product=_counts(
            (_relation_index(row.relation_product) for row in inside), len(RELATIONS)
        ),
        by_relation_procedure=_counts(
            (_relation_index(row.relation_procedure) for row in inside), len(RELATIONS)
        ),
    )


def _matrix(events: Iterable[EndpointAE], relation_of: str) -> Matrix:
    cells = [[0] * len(RELATIONS) for _ in GRADES]
    for event in events:
        grade = _grade_index(event.who_grade)
        relation = _relation_index(getattr(event, relation_of))
        if grade is not None and relation is not None:
            cells[grade][relation] += 1
    return tuple(tuple(row) for row in cells)


def _totals(patients: Sequence[PatientEndpoint]) -> StudyTotals:
    events = [event for patient in patients for event in patient.events]
    return StudyTotals(
        patients_injected=len(patients),
        patients_complete=sum(1 for p in patients if p.follow_up_complete),
        patients_with_sae=sum(1 for p in patients if p.sae_count > 0),
        sae_total=sum(p.sae_count for p in patients),
        ae_total=len(events),
        outside_total=sum(len(p.outside) for p in patients),
        by_grade=tuple(sum(p.by_grade[i] for p in patients) for i in range(len(GRADES))),
        by_grade_product=_matrix(events, "relation_product"),
        by_grade_procedure=_matrix(events, "relation_procedure"),
    )


def _load(
    session: Session, protocol: Protocol, today: dt.date, patient_id: int | None
) -> list[PatientEndpoint]:
    query = select(Patient).where(Patient.voided.is_(False))
    if patient_id is not None:
        query = query.where(Patient.id == patient_id)
    patients = {p.id: p for p in session.scalars(query)}
    dates = _injection_dates(session, protocol, None if patient_id is None else [patient_id])
    injected = sorted(
        (pid for pid in dates if pid in patients), key=lambda pid: patients[pid].subject_number
    )
    done = _endpoint_visit_done(session, endpoint_visit(protocol), injected)
    events = _adverse_events(session, injected)
    return [
        _patient(patients[pid], dates[pid], events.get(pid, []), pid in done, protocol, today)
        for pid in injected
    ]


# -- use cases -------------------------------------------------------------------------------


def study_endpoint(
    study: Study,
    actor: UserInfo,
    *,
    today: dt.date | None = None,
    protocol: Protocol | None = None,
) -> EndpointReport:
    """Every injected patient's end point and the study totals, as of ``today``."""
    require(actor, "view_data")
    protocol = protocol or default_protocol()
    day = today or clock.today()
    with study.unit(actor=actor.username) as session:
        patients = _load(session, protocol, day, None)
    visit = endpoint_visit(protocol)
    assert visit.day is not None
    return EndpointReport(
        protocol_name=protocol.name,
        protocol_version=protocol.version,
        endpoint_day=visit.day,
        window_after=visit.window_after,
        today=day,
        generated_utc=clock.utc_stamp(),
        patients=tuple(patients),
        totals=_totals(patients),
    )


def patient_endpoint(
    study: Study,
    actor: UserInfo,
    patient_id: int,
    *,
    today: dt.date | None = None,
    protocol: Protocol | None = None,
) -> PatientEndpoint:
    """One patient's end point; NotFound when the patient has no recorded injection."""
    require(actor, "view_data")
    protocol = protocol or default_protocol()
    day = today or clock.today()
    with study.unit(actor=actor.username) as session:
        if session.get(Patient, patient_id) is None:
            raise NotFound("patient", patient_id)
        found = _load(session, protocol, day, patient_id)
    if not found:
        raise NotFound("injection", patient_id)
    return found[0]


def record_export(
    study: Study, actor: UserInfo, kind: str, path: str | Path | None = None
) -> str | None:
    """Write an "export" event to the audit trail for an end point report that left the program.

    ``kind`` is one of EXPORT_KINDS; for a file, the event names the file (not its folder) and
    the SHA-256 of what was written, so a copy found later can be matched to the export. Returns
    the digest (None for a print). Needs ``view_data``, as reading the report does.
    """
    require(actor, "view_data")
    if kind not in EXPORT_KINDS:
        raise ValueError(f"unknown export kind {kind!r}; expected one of {', '.join(EXPORT_KINDS)}")
    digest: str | None = None
    shown = kind
    if path is not None:
        target = Path(path)
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        shown = f"{kind}: {target.name} sha256={digest}"
    with study.unit(actor=actor.username, reason="primary end point exported") as session:
        record_event(session, "export", field="end_point", new_value=shown)
    return digest
