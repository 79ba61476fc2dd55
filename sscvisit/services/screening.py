"""Screening against the protocol's criteria, and the investigator's confirmation of the decision.

A nurse (or investigator) fills one screening per attempt: the 4 inclusion and 7 exclusion
criteria, the ACR/EULAR 2013 panel behind inclusion 2 and the refractory ulcer behind
inclusion 3. Inclusion 1 is computed from the date of birth, which only this layer reads, and
the decision is computed by ``sscvisit.scoring.eligibility``: nobody types it. An investigator
confirms it by entering their own user name and password. A screen failure is kept with its
failing criteria; a re-screening is a new record beside the old one. Nothing is deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sscvisit.model.entities import CRITERIA, Enrolment, Patient, Screening, fields_of
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.scoring import acr_eular, eligibility
from sscvisit.services import auth
from sscvisit.services.audit import record_event
from sscvisit.services.auth import require
from sscvisit.services.clock import today as local_today
from sscvisit.services.clock import utc_stamp
from sscvisit.services.dto import ScreeningInfo, UserInfo
from sscvisit.services.errors import ConflictError, Msg, NotFound, ReasonRequired, ServiceError
from sscvisit.services.protocol import Eligibility, default_protocol
from sscvisit.services.study import Study

__all__ = [
    "CRITERIA",
    "SCREENING_FIELDS",
    "ScreeningInput",
    "confirm_screening",
    "get_screening",
    "list_screenings",
    "preview",
    "save_screening",
    "void_screening",
]

SCREENING_FIELDS: dict[str, Field] = fields_of(Screening)
"""The declared screening fields (labels, code lists), for forms and exports."""

_TABLE = Screening.__tablename__
_ENTERED_ANSWERS = eligibility.CRITERIA_CODES[1:]  # inc1 is computed, never entered
_PANEL = ("acr_findings", "acr_na_spares_fingers", "acr_na_other_disorder")
# Values the service derives; they follow the entered ones and need no reason of their own.
_COMPUTED = frozenset({"inc1", "acr_score", "result"})
_ENROLLED_STATUSES = frozenset({"enrolled", "completed"})
_INCLUSION3_REQUIRED = (
    "ulcer_hand",
    "ulcer_finger",
    "ulcer_site",
    "prostacyclin_start",
    "prostacyclin_end",
    "refractory_rule",
)
_REPORTED_ABOVE = frozenset(
    {"rule_missing", "course_dates_missing", "course_end_before_start", "course_not_finished"}
)
_NEW_REASON = "screening started"
_CONTINUED_REASON = "answers added to the screening draft"


@dataclass(frozen=True)
class ScreeningInput:
    """What the screening form hands in: plain values, checked here, not in the UI.

    ``answers`` holds inc2..exc7 ("yes" / "no" / "not_assessed" / None); an inc1 entry is
    ignored (it is computed). inc2 left None takes the ACR/EULAR panel's result.
    """

    screening_date: dt.date | None
    answers: Mapping[str, str | None] = field(default_factory=dict)
    sources: Mapping[str, str | None] = field(default_factory=dict)
    acr_findings: Collection[str] = ()
    acr_na_spares_fingers: bool = False
    acr_na_other_disorder: bool = False
    inc2_override_reason: str | None = None
    ulcer_hand: str | None = None
    ulcer_finger: str | None = None
    ulcer_site: str | None = None
    prostacyclin_start: dt.date | None = None
    prostacyclin_end: dt.date | None = None
    refractory_rule: str | None = None
    recurrence_date: dt.date | None = None
    capillaroscopy_pattern: str | None = None
    capillaroscopy_date: dt.date | None = None


@dataclass(frozen=True)
class _Evaluation:
    """Checked input plus everything computed from it, ready to store."""

    values: dict[str, Value]  # column -> value
    acr_classified: bool | None
    failed: tuple[str, ...]


class _Errors:
    """Collects field errors, at most one per field, so a form can mark each field at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def has(self, name: str) -> bool:
        return any(e.field == name for e in self.errors)

    def add(self, name: str, problem: Problem, **params: object) -> None:
        if not self.has(name):
            self.errors.append(FieldError(name, problem, **params))

    def check(self, name: str, value: Value, today: dt.date) -> Value:
        try:
            return SCREENING_FIELDS[name].check(value, today=today)
        except FieldError as exc:
            if not self.has(name):
                self.errors.append(exc)
            return None


def _date(value: Value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _text(value: Value) -> str | None:
    return value if isinstance(value, str) else None


def _check_keys(data: ScreeningInput) -> None:
    for what, mapping in (("answer", data.answers), ("source", data.sources)):
        unknown = sorted(k for k in mapping if k not in eligibility.CRITERIA_CODES)
        if unknown:
            raise ValueError(f"unknown criterion code(s) in {what}s: {unknown}")
    if isinstance(data.acr_findings, str):
        raise TypeError("acr_findings must be a collection of finding codes, not a string")


def _panel(
    data: ScreeningInput, errors: _Errors, capillaroscopy: bool | None
) -> tuple[tuple[str, ...], int | None, bool | None, str | None]:
    """(findings, score shown, classified, answer the panel gives inc2 or None if untouched).

    ``capillaroscopy`` is what the screening's capillaroscopy says about the nailfold
    capillaries: an abnormal pattern adds the finding, a normal one contradicts a tick.
    """
    given = set(data.acr_findings)
    unknown = sorted(given - set(acr_eular.FINDINGS))
    if unknown:
        errors.add("acr_findings", Problem.NOT_IN_CODELIST, codes=", ".join(unknown))
        return (), None, None, None
    if capillaroscopy:
        given.add(acr_eular.CAPILLAROSCOPY_FINDING)
    elif capillaroscopy is False and acr_eular.CAPILLAROSCOPY_FINDING in given:
        errors.add("acr_findings", Problem.INCONSISTENT, rule="capillaroscopy_normal")
        return (), None, None, None
    findings = tuple(code for code in acr_eular.FINDINGS if code in given)
    not_applicable = data.acr_na_spares_fingers or data.acr_na_other_disorder
    classified = acr_eular.classify(findings, not_applicable)
    shown = None if not_applicable else acr_eular.score(findings)
    touched = bool(findings) or not_applicable
    # An untouched panel decides nothing: an empty form must not read "not eligible".
    answer = (eligibility.YES if classified else eligibility.NO) if touched else None
    return findings, shown, classified, answer


def _inclusion2(
    given: str | None, panel_answer: str | None, override: str | None, errors: _Errors
) -> str | None:
    if given is None:
        return panel_answer
    # What the panel says, touched or not (an empty panel scores 0, so "yes" contradicts it).
    panel_says = panel_answer or eligibility.NO
    agrees = given == panel_says or (given == eligibility.NOT_ASSESSED and panel_answer is None)
    if not agrees and not override:
        errors.add("inc2_override_reason", Problem.REQUIRED)
    return given


def _inclusion3(
    values: dict[str, Value], screening_date: dt.date | None, rules: Eligibility, errors: _Errors
) -> None:
    inc3_yes = values["inc3"] == eligibility.YES
    if inc3_yes:  # the qualifying ulcer and the whole prostacyclin history, all named at once
        for name in _INCLUSION3_REQUIRED:
            if values[name] is None:
                errors.add(name, Problem.REQUIRED)
    start = _date(values["prostacyclin_start"])
    end = _date(values["prostacyclin_end"])
    if start is not None and end is not None and end < start:
        errors.add("prostacyclin_end", Problem.INCONSISTENT, rule="course_end_before_start")
    elif end is not None and screening_date is not None and end > screening_date:
        errors.add("prostacyclin_end", Problem.INCONSISTENT, rule="course_not_finished")
    rule = _text(values["refractory_rule"])
    if screening_date is None or not (inc3_yes or rule is not None):
        return
    problem = eligibility.refractoriness_problem(
        rule,
        start,
        end,
        screening_date,
        _date(values["recurrence_date"]),
        worse_after_days=rules.refractory_worse_after_days,
        not_improved_after_days=rules.refractory_not_improved_after_days,
        recurrence_within_days=rules.refractory_recurrence_within_days,
    )
    if problem is None or problem in _REPORTED_ABOVE:
        return  # consistent, or already reported (missing values only matter when inc3 is yes)
    if problem == "recurrence_date_missing":
        if inc3_yes:
            errors.add("recurrence_date", Problem.REQUIRED)
    elif problem.startswith("recurrence_"):
        errors.add("recurrence_date", Problem.INCONSISTENT, rule=problem)
    else:
        errors.add("refractory_rule", Problem.INCONSISTENT, rule=problem)


def _capillaroscopy(
    data: ScreeningInput,
    values: dict[str, Value],
    consent_date: dt.date,
    today: dt.date,
    errors: _Errors,
) -> bool | None:
    """Check the capillaroscopy at screening; what its pattern says about the capillaries."""
    pattern = _text(errors.check("capillaroscopy_pattern", data.capillaroscopy_pattern, today))
    values["capillaroscopy_pattern"] = pattern
    done = _date(errors.check("capillaroscopy_date", data.capillaroscopy_date, today))
    values["capillaroscopy_date"] = done
    screening_date = _date(values["screening_date"])
    if done is not None and screening_date is not None and done > screening_date:
        errors.add("capillaroscopy_date", Problem.INCONSISTENT, rule="after_screening")
    elif done is not None and done < consent_date:
        errors.add("capillaroscopy_date", Problem.INCONSISTENT, rule="before_consent")
    return acr_eular.capillaroscopy_finding(pattern)


def _evaluate(
    data: ScreeningInput,
    *,
    date_of_birth: dt.date | None,
    consent_date: dt.date,
    today: dt.date,
) -> _Evaluation:
    """Check every field and rule (all errors at once), then compute inc1, inc2 and the result."""
    _check_keys(data)
    rules = default_protocol().eligibility
    errors = _Errors()
    values: dict[str, Value] = {}

    screening_date = _date(errors.check("screening_date", data.screening_date, today))
    if screening_date is not None and screening_date < consent_date:
        # Consent precedes every study procedure (ICH E6(R3)); the patient's consent is on file.
        errors.add("screening_date", Problem.INCONSISTENT, rule="consent_after_screening")
    values["screening_date"] = screening_date

    for code in _ENTERED_ANSWERS:
        values[code] = errors.check(code, data.answers.get(code), today)
    for code in eligibility.CRITERIA_CODES:
        values[f"{code}_source"] = errors.check(f"{code}_source", data.sources.get(code), today)

    capillaroscopy = _capillaroscopy(data, values, consent_date, today, errors)
    findings, shown, classified, panel_answer = _panel(data, errors, capillaroscopy)
    values["acr_findings"] = ",".join(findings)
    values["acr_na_spares_fingers"] = bool(data.acr_na_spares_fingers)
    values["acr_na_other_disorder"] = bool(data.acr_na_other_disorder)
    values["acr_score"] = shown
    override = _text(errors.check("inc2_override_reason", data.inc2_override_reason, today))
    values["inc2_override_reason"] = override
    if not errors.has("acr_findings"):
        values["inc2"] = _inclusion2(_text(values["inc2"]), panel_answer, override, errors)

    for name in (
        "ulcer_hand",
        "ulcer_finger",
        "ulcer_site",
        "prostacyclin_start",
        "prostacyclin_end",
        "refractory_rule",
        "recurrence_date",
    ):
        values[name] = errors.check(name, getattr(data, name), today)
    valid_date = None if errors.has("screening_date") else screening_date
    _inclusion3(values, valid_date, rules, errors)

    if errors.errors:
        raise FieldErrors(errors.errors)

    assert screening_date is not None  # a missing date was reported above
    values["inc1"] = (
        None
        if date_of_birth is None
        else eligibility.inclusion1(date_of_birth, screening_date, rules.minimum_age_years)
    )
    answers = _answers_of(values)
    values["result"] = eligibility.decide(answers)
    return _Evaluation(values, classified, eligibility.failed_criteria(answers))


def _answers_of(values: Mapping[str, Any]) -> dict[str, str | None]:
    return {code: values[code] for code in eligibility.CRITERIA_CODES}


def _findings_of(stored: str) -> tuple[str, ...]:
    return tuple(code for code in stored.split(",") if code)


def _info(screening: Screening, subject_number: str) -> ScreeningInfo:
    findings = _findings_of(screening.acr_findings)
    not_applicable = screening.acr_na_spares_fingers or screening.acr_na_other_disorder
    answers = _answers_of({c: getattr(screening, c) for c in eligibility.CRITERIA_CODES})
    return ScreeningInfo(
        id=screening.id,
        patient_id=screening.patient_id,
        subject_number=subject_number,
        screening_date=screening.screening_date,
        answers=answers,
        sources={c: getattr(screening, f"{c}_source") for c in eligibility.CRITERIA_CODES},
        acr_findings=findings,
        acr_na_spares_fingers=screening.acr_na_spares_fingers,
        acr_na_other_disorder=screening.acr_na_other_disorder,
        acr_score=screening.acr_score,
        acr_classified=acr_eular.classify(findings, not_applicable),
        inc2_override_reason=screening.inc2_override_reason,
        ulcer_hand=screening.ulcer_hand,
        ulcer_finger=screening.ulcer_finger,
        ulcer_site=screening.ulcer_site,
        prostacyclin_start=screening.prostacyclin_start,
        prostacyclin_end=screening.prostacyclin_end,
        refractory_rule=screening.refractory_rule,
        recurrence_date=screening.recurrence_date,
        capillaroscopy_pattern=screening.capillaroscopy_pattern,
        capillaroscopy_date=screening.capillaroscopy_date,
        result=screening.result,
        failed=eligibility.failed_criteria(answers),
        state=screening.state,
        assessed_by=screening.assessed_by,
        confirmed_by=screening.confirmed_by,
        confirmed_utc=screening.confirmed_utc,
        voided=screening.voided,
        version=screening.version,
    )


def _patient(session: Session, patient_id: int) -> Patient:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound("patient", patient_id)
    if patient.voided:
        raise ServiceError(Msg.RECORD_VOIDED)
    return patient


def _evaluate_for(patient: Patient, data: ScreeningInput, today: dt.date | None) -> _Evaluation:
    identity = patient.identity
    return _evaluate(
        data,
        date_of_birth=identity.date_of_birth if identity is not None else None,
        consent_date=patient.consent_date,
        today=today or local_today(),
    )


def preview(
    study: Study,
    actor: UserInfo,
    patient_id: int,
    data: ScreeningInput,
    *,
    today: dt.date | None = None,
) -> ScreeningInfo:
    """What saving would record (id 0), without saving: for the form's live result."""
    require(actor, "enter_data")
    with study.unit(actor=actor.username) as session:
        patient = _patient(session, patient_id)
        evaluation = _evaluate_for(patient, data, today)
        v = evaluation.values
        answers = _answers_of(v)
        screening_date = _date(v["screening_date"])
        assert screening_date is not None  # _evaluate refuses a missing date
        return ScreeningInfo(
            id=0,
            patient_id=patient.id,
            subject_number=patient.subject_number,
            screening_date=screening_date,
            answers=answers,
            sources={c: _text(v[f"{c}_source"]) for c in eligibility.CRITERIA_CODES},
            acr_findings=_findings_of(str(v["acr_findings"])),
            acr_na_spares_fingers=bool(v["acr_na_spares_fingers"]),
            acr_na_other_disorder=bool(v["acr_na_other_disorder"]),
            acr_score=v["acr_score"] if isinstance(v["acr_score"], int) else None,
            acr_classified=evaluation.acr_classified,
            inc2_override_reason=_text(v["inc2_override_reason"]),
            ulcer_hand=_text(v["ulcer_hand"]),
            ulcer_finger=_text(v["ulcer_finger"]),
            ulcer_site=_text(v["ulcer_site"]),
            prostacyclin_start=_date(v["prostacyclin_start"]),
            prostacyclin_end=_date(v["prostacyclin_end"]),
            refractory_rule=_text(v["refractory_rule"]),
            recurrence_date=_date(v["recurrence_date"]),
            capillaroscopy_pattern=_text(v["capillaroscopy_pattern"]),
            capillaroscopy_date=_date(v["capillaroscopy_date"]),
            result=str(v["result"]),
            failed=evaluation.failed,
            state="draft",
            assessed_by=actor.username,
            confirmed_by=None,
            confirmed_utc=None,
            voided=False,
            version=0,
        )


def _is_enrolled(session: Session, patient: Patient) -> bool:
    if patient.status in _ENROLLED_STATUSES:
        return True
    enrolment = session.scalar(
        select(Enrolment.id).where(Enrolment.patient_id == patient.id, Enrolment.voided.is_(False))
    )
    return enrolment is not None


def _screenings(session: Session, patient_id: int) -> list[Screening]:
    """The patient's screenings, newest first."""
    stmt = (
        select(Screening)
        .where(Screening.patient_id == patient_id)
        .order_by(Screening.screening_date.desc(), Screening.id.desc())
    )
    return list(session.scalars(stmt))


def _empty(value: object) -> bool:
    return value is None or value == ""


def _unexplained_change(screening: Screening, values: Mapping[str, Value]) -> str | None:
    """The first entered field whose saved, non-empty value would change; None if none would.

    Filling a field that is still empty needs no reason; the ACR/EULAR panel counts as one
    field (untouched = no finding ticked and not marked not applicable).
    """
    old_panel = tuple(getattr(screening, k) for k in _PANEL)
    if old_panel != tuple(values[k] for k in _PANEL) and old_panel != ("", False, False):
        return "acr_findings"
    for key, new in values.items():
        if key in _COMPUTED or key in _PANEL:
            continue
        old = getattr(screening, key)
        if not _empty(old) and old != new:
            return key
    return None


def _sync_patient_status(session: Session, patient: Patient) -> None:
    """Screening / screen failure / registered, from the newest screening that is not void."""
    if patient.status not in {"registered", "screening", "screen_failed"}:
        return
    session.flush()
    current = next((s for s in _screenings(session, patient.id) if not s.voided), None)
    if current is None:
        status = "registered"
    elif current.state == "confirmed" and current.result == eligibility.NOT_ELIGIBLE:
        status = "screen_failed"
    else:
        status = "screening"  # eligible patients stay in screening until they are enrolled
    if patient.status != status:
        patient.status = status


def save_screening(
    study: Study,
    actor: UserInfo,
    patient_id: int,
    data: ScreeningInput,
    *,
    screening_id: int | None = None,
    reason: str | None = None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> ScreeningInfo:
    """Start a screening (``screening_id`` None) or update a draft; all or nothing.

    Changing a saved, non-empty value needs ``reason``. A new screening is refused while the
    patient has a draft open (finish or void it) or once the patient is enrolled; after a
    confirmed screen failure it is a re-screening, and the old record stays.
    """
    require(actor, "enter_data")
    given_reason = (reason or "").strip() or None
    with study.unit(actor=actor.username, reason=given_reason) as session:
        patient = _patient(session, patient_id)
        if screening_id is None:
            if _is_enrolled(session, patient):
                raise ServiceError(Msg.PATIENT_ENROLLED)
            if any(s.state == "draft" and not s.voided for s in _screenings(session, patient.id)):
                raise ServiceError(Msg.SCREENING_OPEN)
            evaluation = _evaluate_for(patient, data, today)
            session.info["reason"] = given_reason or _NEW_REASON
            screening = Screening(
                patient_id=patient.id,
                state="draft",
                assessed_by=actor.username,
                created_utc=utc_stamp(),
                voided=False,
                **evaluation.values,
            )
            session.add(screening)
        else:
            found = session.get(Screening, screening_id)
            if found is None or found.patient_id != patient.id:
                raise NotFound("screening", screening_id)
            screening = found
            if expected_version is not None and screening.version != expected_version:
                raise ConflictError()
            if screening.voided:
                raise ServiceError(Msg.RECORD_VOIDED)
            if screening.state != "draft":
                raise ServiceError(Msg.SCREENING_CONFIRMED)
            evaluation = _evaluate_for(patient, data, today)
            changed = _unexplained_change(screening, evaluation.values)
            if changed is not None and given_reason is None:
                raise ReasonRequired(_TABLE, changed)
            session.info["reason"] = given_reason or _CONTINUED_REASON
            for key, value in evaluation.values.items():
                if getattr(screening, key) != value:
                    setattr(screening, key, value)
        _sync_patient_status(session, patient)
        session.flush()
        return _info(screening, patient.subject_number)


def confirm_screening(
    study: Study,
    investigator_username: str,
    password: str,
    screening_id: int,
    *,
    expected_version: int | None = None,
) -> ScreeningInfo:
    """The investigator confirms the computed decision with their own user name and password.

    The password is checked like a login (a wrong one counts towards the lockout); the role
    must be allowed to sign; an undecided screening cannot be confirmed. A confirmed screen
    failure makes the patient a screen failure.
    """
    signer = auth.login(study, investigator_username, password)
    require(signer, "sign")
    reason = "eligibility decision confirmed by the investigator"
    with study.unit(actor=signer.username, reason=reason) as session:
        screening = session.get(Screening, screening_id)
        if screening is None:
            raise NotFound("screening", screening_id)
        patient = _patient(session, screening.patient_id)
        if expected_version is not None and screening.version != expected_version:
            raise ConflictError()
        if screening.voided:
            raise ServiceError(Msg.RECORD_VOIDED)
        if screening.state != "draft":
            raise ServiceError(Msg.SCREENING_CONFIRMED)
        result = eligibility.decide(
            _answers_of({c: getattr(screening, c) for c in eligibility.CRITERIA_CODES})
        )
        if result == eligibility.UNDECIDED:
            raise ServiceError(Msg.SCREENING_UNDECIDED)
        screening.result = result
        screening.state = "confirmed"
        screening.confirmed_by = signer.username
        screening.confirmed_utc = utc_stamp()
        _sync_patient_status(session, patient)
        session.flush()
        record_event(
            session,
            "screening_confirmed",
            table_name=_TABLE,
            record_id=screening.id,
            patient_id=patient.id,
            new_value=result,
        )
        return _info(screening, patient.subject_number)


def list_screenings(study: Study, actor: UserInfo, patient_id: int) -> list[ScreeningInfo]:
    """Every screening of the patient, newest first, void ones included."""
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFound("patient", patient_id)
        return [_info(s, patient.subject_number) for s in _screenings(session, patient.id)]


def get_screening(study: Study, actor: UserInfo, screening_id: int) -> ScreeningInfo:
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        screening = session.get(Screening, screening_id)
        if screening is None:
            raise NotFound("screening", screening_id)
        patient = session.get(Patient, screening.patient_id)
        assert patient is not None  # a foreign key
        return _info(screening, patient.subject_number)


def void_screening(study: Study, actor: UserInfo, screening_id: int, reason: str) -> ScreeningInfo:
    """Entered in error: the screening stays, marked void; the patient's status follows.

    The screening that enrolled a patient cannot be voided.
    """
    require(actor, "enter_data")
    if not reason.strip():
        raise ReasonRequired(_TABLE, "voided")
    with study.unit(actor=actor.username, reason=reason) as session:
        screening = session.get(Screening, screening_id)
        if screening is None:
            raise NotFound("screening", screening_id)
        if screening.voided:
            raise ServiceError(Msg.ALREADY_VOIDED)
        patient = _patient(session, screening.patient_id)
        if _is_enrolled(session, patient):
            raise ServiceError(Msg.PATIENT_ENROLLED)
        screening.voided = True
        screening.void_reason = reason.strip()
        _sync_patient_status(session, patient)
        session.flush()
        return _info(screening, patient.subject_number)
