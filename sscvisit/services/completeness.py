"""Whether a visit is complete: every form the protocol attaches to it saved, checked or not done.

A visit recorded as done collects the forms its protocol entry lists (resources/protocol.json).
Each form is, in this order of precedence:

- ``saved``: its data exists and is not void (ulcer map -> UlcerMap; shaq, rand36, eq5d, chfs,
  capillaroscopy -> an InstrumentResponse of that instrument; injection -> Injection; vitals ->
  VitalSigns at the visit, and at the injection visit both before and after the injection;
  labs -> any LabResult; biomarkers -> any BiomarkerResult);
- ``reviewed``: the "adverse events reviewed" / "medication reviewed" checks (a VisitFormState
  "done");
- ``not_done``: deliberately not done, with the reason (a VisitFormState "not_done");
- ``missing``: none of these.

A visit is complete when nothing is missing. A visit not (yet) recorded as done has no forms to
complete: it is never listed as incomplete (a missed visit is explained by its own reason).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from sscvisit.model.entities import (
    BiomarkerResult,
    Injection,
    InstrumentResponse,
    LabResult,
    Patient,
    UlcerMap,
    Visit,
    VisitFormState,
    VitalSigns,
    fields_of,
)
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem
from sscvisit.services import clock, visits
from sscvisit.services.auth import require
from sscvisit.services.dto import UserInfo
from sscvisit.services.errors import Msg, NotFound, ReasonRequired, ServiceError
from sscvisit.services.protocol import Protocol, default_protocol
from sscvisit.services.study import Study

__all__ = [
    "DATA_FORMS",
    "FORM_STATE_FIELDS",
    "INSTRUMENT_FORMS",
    "REVIEW_FORMS",
    "FormStatus",
    "IncompleteVisit",
    "State",
    "clear_form_state",
    "incomplete_visits",
    "mark_not_done",
    "mark_reviewed",
    "patient_completeness",
    "visit_completeness",
]

State = Literal["saved", "reviewed", "not_done", "missing"]

FORM_STATE_FIELDS: dict[str, Field] = fields_of(VisitFormState)
"""state and not_done_reason (its length), declared once on the entity."""

INSTRUMENT_FORMS = ("shaq", "rand36", "eq5d", "chfs", "capillaroscopy")
DATA_FORMS = ("injection", "vitals", "ulcer_map", *INSTRUMENT_FORMS, "labs", "biomarkers")
REVIEW_FORMS = ("ae_review", "conmed_review")
INJECTION_VITALS = frozenset({"pre_injection", "post_injection"})

_REVIEWED_REASON = "visit form checked"
_NOT_DONE = "not_done"
_DONE = "done"


@dataclass(frozen=True)
class FormStatus:
    """One form of a visit and where it stands; ``state_id``/``version`` of its VisitFormState."""

    form: str
    state: State
    reason: str | None = None  # why it was not done
    checked_by: str | None = None  # who reviewed it or marked it not done
    state_id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class VisitCompleteness:
    """The forms of one visit in protocol order; ``recorded`` False for a visit not done."""

    visit_id: int
    patient_id: int
    visit_code: str
    recorded: bool
    forms: tuple[FormStatus, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(f.form for f in self.forms if f.state == "missing")

    @property
    def complete(self) -> bool:
        return self.recorded and not self.missing

    def status(self, form: str) -> FormStatus:
        for status in self.forms:
            if status.form == form:
                return status
        raise KeyError(form)


@dataclass(frozen=True)
class IncompleteVisit:
    """A recorded visit with forms missing, for the study's worklist."""

    visit_id: int
    patient_id: int
    subject_number: str
    visit_code: str
    sequence: int
    label_en: str
    label_nl: str
    visit_date: dt.date | None
    missing: tuple[str, ...]

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en


# --- what exists (one query per table) --------------------------------------------------------


@dataclass
class _Found:
    """The saved data and form states of a set of visits, loaded table by table."""

    ulcer_maps: set[int]
    responses: set[tuple[int, str]]
    injections: set[int]
    vitals: dict[int, set[str]]
    labs: set[int]
    biomarkers: set[int]
    states: dict[tuple[int, str], VisitFormState]


def _load(session: Session, visit_ids: Iterable[int]) -> _Found:
    ids = sorted(set(visit_ids))
    found = _Found(set(), set(), set(), defaultdict(set), set(), set(), {})
    if not ids:
        return found
    found.ulcer_maps = set(
        session.scalars(
            select(UlcerMap.visit_id).where(UlcerMap.visit_id.in_(ids), UlcerMap.voided.is_(False))
        )
    )
    found.responses = {
        (row.visit_id, row.instrument)
        for row in session.execute(
            select(InstrumentResponse.visit_id, InstrumentResponse.instrument).where(
                InstrumentResponse.visit_id.in_(ids), InstrumentResponse.voided.is_(False)
            )
        )
    }
    found.injections = set(
        session.scalars(
            select(Injection.visit_id).where(
                Injection.visit_id.in_(ids), Injection.voided.is_(False)
            )
        )
    )
    for row in session.execute(
        select(VitalSigns.visit_id, VitalSigns.timepoint).where(
            VitalSigns.visit_id.in_(ids), VitalSigns.voided.is_(False)
        )
    ):
        found.vitals[row.visit_id].add(row.timepoint)
    found.labs = set(
        session.scalars(
            select(LabResult.visit_id).where(
                LabResult.visit_id.in_(ids), LabResult.voided.is_(False)
            )
        )
    )
    found.biomarkers = set(
        session.scalars(
            select(BiomarkerResult.visit_id).where(
                BiomarkerResult.visit_id.in_(ids), BiomarkerResult.voided.is_(False)
            )
        )
    )
    found.states = {
        (row.visit_id, row.form): row
        for row in session.scalars(
            select(VisitFormState).where(
                VisitFormState.visit_id.in_(ids), VisitFormState.voided.is_(False)
            )
        )
    }
    return found


def _has_data(found: _Found, visit: Visit, form: str, protocol: Protocol) -> bool:
    if form == "ulcer_map":
        return visit.id in found.ulcer_maps
    if form in INSTRUMENT_FORMS:
        return (visit.id, form) in found.responses
    if form == "injection":
        return visit.id in found.injections
    if form == "vitals":
        timepoints = found.vitals.get(visit.id, set())
        if visit.visit_code == protocol.anchor_code:
            return INJECTION_VITALS.issubset(timepoints)
        return bool(timepoints)
    if form == "labs":
        return visit.id in found.labs
    if form == "biomarkers":
        return visit.id in found.biomarkers
    return False  # the review checks, or a form this version does not know: states only


def _recorded(visit: Visit) -> bool:
    return visit.outcome == "done" and visit.visit_date is not None


def _completeness(visit: Visit, found: _Found, protocol: Protocol) -> VisitCompleteness:
    statuses: list[FormStatus] = []
    for form in visits.visit_forms(visit.visit_code, protocol):
        row = found.states.get((visit.id, form))
        state: State = "missing"
        if _has_data(found, visit, form, protocol):
            state = "saved"
        elif row is not None and row.state == _DONE:
            state = "reviewed"
        elif row is not None and row.state == _NOT_DONE:
            state = "not_done"
        if row is None:
            statuses.append(FormStatus(form, state))
            continue
        statuses.append(
            FormStatus(
                form,
                state,
                reason=row.not_done_reason if state == "not_done" else None,
                checked_by=row.checked_by,
                state_id=row.id,
                version=row.version,
            )
        )
    return VisitCompleteness(
        visit.id, visit.patient_id, visit.visit_code, _recorded(visit), tuple(statuses)
    )


# --- reading ----------------------------------------------------------------------------------


def visit_completeness(study: Study, actor: UserInfo, visit_id: int) -> VisitCompleteness:
    """The forms of one visit with their states (``recorded`` False for a visit not done)."""
    require(actor, "view_data")
    protocol = default_protocol()
    with study.unit(actor=actor.username) as session:
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise NotFound("visit", visit_id)
        return _completeness(visit, _load(session, [visit.id]), protocol)


def patient_completeness(
    study: Study, actor: UserInfo, patient_id: int
) -> dict[int, VisitCompleteness]:
    """visit id -> completeness for each of the patient's visits recorded as done.

    One query per table, whatever the number of visits (the timeline shows them all).
    """
    require(actor, "view_data")
    protocol = default_protocol()
    with study.unit(actor=actor.username) as session:
        if session.get(Patient, patient_id) is None:
            raise NotFound("patient", patient_id)
        done = [
            v
            for v in session.scalars(
                select(Visit).where(
                    Visit.patient_id == patient_id,
                    Visit.voided.is_(False),
                    Visit.outcome == "done",
                )
            )
            if _recorded(v)
        ]
        found = _load(session, (v.id for v in done))
        return {v.id: _completeness(v, found, protocol) for v in done}


def incomplete_visits(study: Study, actor: UserInfo) -> list[IncompleteVisit]:
    """Every recorded visit of the study with forms missing, oldest visit first.

    For the "This week" worklist; a fixed number of queries for the whole study.
    """
    require(actor, "view_data")
    protocol = default_protocol()
    with study.unit(actor=actor.username) as session:
        rows = session.execute(
            select(Visit, Patient.subject_number)
            .join(Patient, Patient.id == Visit.patient_id)
            .where(
                Visit.voided.is_(False),
                Visit.outcome == "done",
                Visit.visit_date.is_not(None),
                Patient.voided.is_(False),
            )
        ).all()
        found = _load(session, (visit.id for visit, _ in rows))
        out: list[IncompleteVisit] = []
        for visit, subject in rows:
            result = _completeness(visit, found, protocol)
            if result.complete or not result.forms:
                continue
            try:
                definition = protocol.visit(visit.visit_code)
                labels = (definition.label_en, definition.label_nl)
            except KeyError:
                labels = (visit.visit_code, visit.visit_code)
            out.append(
                IncompleteVisit(
                    visit_id=visit.id,
                    patient_id=visit.patient_id,
                    subject_number=subject,
                    visit_code=visit.visit_code,
                    sequence=visit.sequence,
                    label_en=labels[0],
                    label_nl=labels[1],
                    visit_date=visit.visit_date,
                    missing=result.missing,
                )
            )
    return sorted(out, key=lambda v: (v.visit_date or dt.date.max, v.subject_number, v.visit_id))


# --- writing ----------------------------------------------------------------------------------


def _open_visit(session: Session, visit_id: int, form: str, protocol: Protocol) -> Visit:
    visit, _patient = visits.open_visit(session, visit_id)
    if form not in visits.visit_forms(visit.visit_code, protocol):
        raise ServiceError(Msg.FORM_NOT_IN_VISIT, instrument=form, visit=visit.visit_code)
    if not _recorded(visit):
        raise ServiceError(Msg.VISIT_NOT_DONE)
    return visit


def _state_row(session: Session, visit_id: int, form: str) -> VisitFormState | None:
    """The visit's row for the form, void or not (one per visit and form)."""
    return session.scalar(
        select(VisitFormState).where(
            VisitFormState.visit_id == visit_id, VisitFormState.form == form
        )
    )


def _status_after(session: Session, visit: Visit, form: str, protocol: Protocol) -> FormStatus:
    session.flush()
    return _completeness(visit, _load(session, [visit.id]), protocol).status(form)


def mark_reviewed(
    study: Study,
    actor: UserInfo,
    visit_id: int,
    form: str,
    *,
    reason: str | None = None,
) -> FormStatus:
    """Tick "adverse events reviewed" or "medication reviewed" for a visit recorded as done.

    Only ``ae_review`` and ``conmed_review`` can be reviewed (REVIEW_FORM_ONLY otherwise).
    Turning a form marked not done into reviewed changes a saved value: ``reason`` is required
    (ReasonRequired at ``state``).
    """
    require(actor, "enter_data")
    if form not in REVIEW_FORMS:
        raise ServiceError(Msg.REVIEW_FORM_ONLY, form=form)
    protocol = default_protocol()
    given = (reason or "").strip() or None
    with study.unit(actor=actor.username, reason=given or _REVIEWED_REASON) as session:
        visit = _open_visit(session, visit_id, form, protocol)
        row = _state_row(session, visit.id, form)
        if row is None:
            session.add(
                VisitFormState(
                    patient_id=visit.patient_id,
                    visit_id=visit.id,
                    form=form,
                    state=_DONE,
                    not_done_reason=None,
                    checked_by=actor.username,
                    created_utc=clock.utc_stamp(),
                    voided=False,
                )
            )
        elif row.voided or row.state != _DONE:
            if not row.voided and given is None:
                raise ReasonRequired(VisitFormState.__tablename__, "state")
            row.state = _DONE
            row.not_done_reason = None
            row.checked_by = actor.username
            row.voided = False
            row.void_reason = None
        return _status_after(session, visit, form, protocol)


def mark_not_done(
    study: Study, actor: UserInfo, visit_id: int, form: str, reason: str | None
) -> FormStatus:
    """Record that a form of a visit recorded as done was deliberately not done, and why.

    ``reason`` is required (Problem.REQUIRED at ``not_done_reason``); a form whose data is saved
    cannot be "not done" (rule ``form_has_data``). The reason is the audit trail's reason too.
    """
    require(actor, "enter_data")
    text = (reason or "").strip() or None
    spec = FORM_STATE_FIELDS["not_done_reason"]
    if text is None:
        raise FieldErrors([FieldError("not_done_reason", Problem.REQUIRED)])
    try:
        spec.check(text)
    except FieldError as exc:
        raise FieldErrors([exc]) from None
    protocol = default_protocol()
    with study.unit(actor=actor.username, reason=text) as session:
        visit = _open_visit(session, visit_id, form, protocol)
        if _has_data(_load(session, [visit.id]), visit, form, protocol):
            raise FieldErrors(
                [FieldError("not_done_reason", Problem.INCONSISTENT, rule="form_has_data")]
            )
        row = _state_row(session, visit.id, form)
        if row is None:
            session.add(
                VisitFormState(
                    patient_id=visit.patient_id,
                    visit_id=visit.id,
                    form=form,
                    state=_NOT_DONE,
                    not_done_reason=text,
                    checked_by=actor.username,
                    created_utc=clock.utc_stamp(),
                    voided=False,
                )
            )
        elif row.voided or row.state != _NOT_DONE or row.not_done_reason != text:
            row.state = _NOT_DONE
            row.not_done_reason = text
            row.checked_by = actor.username
            row.voided = False
            row.void_reason = None
        return _status_after(session, visit, form, protocol)


def clear_form_state(
    study: Study, actor: UserInfo, visit_id: int, form: str, reason: str | None
) -> FormStatus:
    """Undo a review check or a "not done": the state is voided with ``reason``, never deleted."""
    require(actor, "enter_data")
    given = (reason or "").strip() or None
    if given is None:
        raise ReasonRequired(VisitFormState.__tablename__, "voided")
    protocol = default_protocol()
    with study.unit(actor=actor.username, reason=given) as session:
        visit = _open_visit(session, visit_id, form, protocol)
        row = _state_row(session, visit.id, form)
        if row is None:
            raise NotFound("visit form state", f"{visit.id}/{form}")
        if row.voided:
            raise ServiceError(Msg.ALREADY_VOIDED)
        row.voided = True
        row.void_reason = given
        return _status_after(session, visit, form, protocol)
