"""Adverse events and SAE reporting: every rule, the 24-hour deadline at its edge, follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from sscvisit.model.fields import FieldError, FieldErrors, Problem, Value
from sscvisit.services import patients, safety, visits
from sscvisit.services.errors import (
    ConflictError,
    Msg,
    NotFound,
    PermissionDenied,
    ReasonRequired,
    ServiceError,
)
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

D = dt.date
T = dt.datetime
INJECTED = D(2026, 2, 2)
CONSENT = D(2026, 1, 12)  # enrol_patient: 21 days before the injection
NOW = T(2026, 2, 10, 9, 0)


def event(**overrides: Value) -> dict[str, Value]:
    """A complete, valid, non-serious AE (injection-site pain that resolved)."""
    values: dict[str, Value] = {
        "term": "Injection site pain",
        "meddra_code": "10022086",
        "onset_date": D(2026, 2, 2),
        "end_date": D(2026, 2, 4),
        "ongoing": False,
        "intensity": "mild",
        "who_grade": 1,
        "relation_product": "possible",
        "relation_procedure": "probable",
        "action_taken": "none",
        "outcome": "recovered",
        "description": "Pain at two injection sites.",
    }
    values.update(overrides)
    return values


AWARE = T(2026, 2, 8, 14, 0)


def sae(aware: dt.datetime | None = AWARE, **overrides: Value) -> dict[str, Value]:
    """A valid SAE (hospitalised for cellulitis, still ongoing), not yet reported."""
    values = event(
        term="Cellulitis",
        onset_date=D(2026, 2, 7),
        end_date=None,
        ongoing=True,
        intensity="severe",
        who_grade=3,
        relation_product="unlikely",
        relation_procedure="possible",
        action_taken="medication",
        outcome="recovering",
        serious_hospitalisation=True,
        aware_at=aware,
    )
    values.update(overrides)
    return values


def problems(exc: FieldErrors) -> set[tuple[str, Problem, object]]:
    return {(e.field, e.problem, e.params.get("rule")) for e in exc.errors}


@pytest.fixture
def enrolled(study_users: StudyWithUsers) -> EnrolledPatient:
    return enrol_patient(study_users, injected=INJECTED)


def visit_id(p: EnrolledPatient) -> int:
    return p.schedule["injection"].id


@pytest.mark.backends
def test_an_ae_is_recorded_numbered_and_read_back(enrolled: EnrolledPatient) -> None:
    study, user = enrolled.study, enrolled.users["nurse"]
    first = safety.record_ae(study, user, visit_id(enrolled), event(), now=NOW)
    second = safety.record_ae(
        study, user, visit_id(enrolled), event(term="Headache", meddra_code=None), now=NOW
    )
    assert (first.number, second.number) == (1, 2)
    assert first.patient_id == enrolled.patient_id
    assert first.subject_number.startswith("SSC-")
    assert first.visit_code == "injection"
    assert first.serious is False
    assert first.report_state == "not_serious"
    assert first.deadline is None
    assert first.values()["description"] == "Pain at two injection sites."
    log = safety.list_aes(study, user, enrolled.patient_id, now=NOW)
    assert [(a.number, a.term) for a in log] == [(1, "Injection site pain"), (2, "Headache")]
    assert safety.get_ae(study, enrolled.users["monitor"], first.id, now=NOW) == first


@pytest.mark.backends
def test_numbers_are_per_patient(study_users: StudyWithUsers) -> None:
    a = enrol_patient(study_users, hospital_number="H1000001")
    b = enrol_patient(study_users, hospital_number="H1000002")
    nurse_ = a.users["nurse"]
    safety.record_ae(a.study, nurse_, a.schedule["injection"].id, event(), now=NOW)
    safety.record_ae(a.study, nurse_, a.schedule["injection"].id, event(), now=NOW)
    other = safety.record_ae(b.study, nurse_, b.schedule["injection"].id, event(), now=NOW)
    assert other.number == 1
    assert other.patient_id == b.patient_id


@pytest.mark.backends
def test_the_visit_must_be_done_and_roles_are_enforced(study_users: StudyWithUsers) -> None:
    p = enrol_patient(study_users, record_injection_visit=False)
    user = p.users["nurse"]
    with pytest.raises(FieldErrors) as caught:
        safety.record_ae(p.study, user, p.schedule["injection"].id, event(), now=NOW)
    assert problems(caught.value) == {("visit_id", Problem.INCONSISTENT, "visit_not_recorded")}
    with pytest.raises(NotFound):
        safety.record_ae(p.study, user, 999_999, event(), now=NOW)
    visits.record_visit(p.study, user, p.schedule["injection"].id, INJECTED, today=INJECTED)
    with pytest.raises(PermissionDenied):
        safety.record_ae(p.study, p.users["monitor"], p.schedule["injection"].id, event(), now=NOW)
    with pytest.raises(PermissionDenied):
        safety.open_saes(p.study, p.users["admin"], now=NOW)
    assert safety.list_aes(p.study, user, p.patient_id) == []


@pytest.mark.backends
def test_field_problems_and_rules_come_all_at_once_and_nothing_is_saved(
    enrolled: EnrolledPatient,
) -> None:
    study, user = enrolled.study, enrolled.users["nurse"]
    bad = event(
        term="",
        who_grade=5,
        intensity="extreme",
        onset_date=D(2026, 2, 5),
        end_date=D(2026, 2, 4),
        ongoing=True,
    )
    with pytest.raises(FieldErrors) as caught:
        safety.record_ae(study, user, visit_id(enrolled), bad, now=NOW)
    assert problems(caught.value) == {
        ("term", Problem.REQUIRED, None),
        ("who_grade", Problem.ABOVE_MAXIMUM, None),
        ("intensity", Problem.NOT_IN_CODELIST, None),
        ("end_date", Problem.INCONSISTENT, "end_before_onset"),
        ("ongoing", Problem.INCONSISTENT, "ongoing_with_end_date"),
    }
    assert safety.list_aes(study, user, enrolled.patient_id) == []


@pytest.mark.parametrize("grade", [0, 4])
@pytest.mark.backends
def test_who_grades_zero_to_four_are_accepted(enrolled: EnrolledPatient, grade: int) -> None:
    info = safety.record_ae(
        enrolled.study, enrolled.users["nurse"], visit_id(enrolled), event(who_grade=grade), now=NOW
    )
    assert info.who_grade == grade


RULE_CASES: list[tuple[dict[str, Value], tuple[str, Problem, str | None]]] = [
    (event(end_date=D(2026, 2, 1)), ("end_date", Problem.INCONSISTENT, "end_before_onset")),
    (
        event(ongoing=True, outcome="recovering"),
        ("ongoing", Problem.INCONSISTENT, "ongoing_with_end_date"),
    ),
    (
        event(ongoing=True, end_date=None, outcome="recovered"),
        ("ongoing", Problem.INCONSISTENT, "ongoing_but_resolved"),
    ),
    (
        event(end_date=None, outcome="not_recovered"),
        ("end_date", Problem.INCONSISTENT, "end_or_ongoing"),
    ),
    (
        event(onset_date=D(2026, 1, 11), end_date=D(2026, 1, 20)),
        ("onset_date", Problem.INCONSISTENT, "before_consent"),
    ),
    (sae(aware=None), ("aware_at", Problem.REQUIRED, "sae_needs_awareness")),
    (
        sae(aware=T(2026, 2, 6, 23, 0)),
        ("aware_at", Problem.INCONSISTENT, "aware_before_onset"),
    ),
    (
        sae(reported_at=T(2026, 2, 8, 13, 59)),
        ("reported_at", Problem.INCONSISTENT, "reported_before_awareness"),
    ),
    (
        sae(reported_at=T(2026, 2, 9, 14, 1)),
        ("late_reason", Problem.INCONSISTENT, "late_without_reason"),
    ),
    (
        sae(reported_at=T(2026, 2, 9, 14, 0), late_reason="Weekend"),
        ("late_reason", Problem.INCONSISTENT, "late_reason_in_time"),
    ),
    (
        event(aware_at=T(2026, 2, 3, 8, 0)),
        ("aware_at", Problem.INCONSISTENT, "report_times_only_for_sae"),
    ),
    (
        event(reported_at=T(2026, 2, 3, 8, 0)),
        ("reported_at", Problem.INCONSISTENT, "report_times_only_for_sae"),
    ),
    (
        sae(outcome="fatal", ongoing=False, end_date=D(2026, 2, 9)),
        ("outcome", Problem.INCONSISTENT, "fatal_without_death"),
    ),
    (
        sae(serious_death=True),
        ("serious_death", Problem.INCONSISTENT, "death_without_fatal"),
    ),
    (
        sae(aware=T(2026, 2, 10, 9, 2)),
        ("aware_at", Problem.DATE_IN_FUTURE, None),
    ),
]


@pytest.mark.parametrize(
    ("values", "expected"), RULE_CASES, ids=[case[1][2] or case[1][1].value for case in RULE_CASES]
)
@pytest.mark.backends
def test_each_rule_is_refused_at_its_field(
    enrolled: EnrolledPatient, values: dict[str, Value], expected: tuple[str, Problem, str | None]
) -> None:
    study, user = enrolled.study, enrolled.users["nurse"]
    with pytest.raises(FieldErrors) as caught:
        safety.record_ae(study, user, visit_id(enrolled), values, now=NOW)
    assert problems(caught.value) == {expected}
    assert safety.list_aes(study, user, enrolled.patient_id) == []


@pytest.mark.backends
def test_valid_edge_cases_are_accepted(enrolled: EnrolledPatient) -> None:
    study, user = enrolled.study, enrolled.users["nurse"]
    vid = visit_id(enrolled)
    # Onset on the consent date, end on the onset day, outcome unknown without an end date.
    safety.record_ae(
        study, user, vid, event(onset_date=CONSENT, end_date=CONSENT, outcome="recovered"), now=NOW
    )
    safety.record_ae(study, user, vid, event(end_date=None, outcome="unknown"), now=NOW)
    # Fatal with "results in death", reported exactly at the deadline: in time, no reason.
    fatal = safety.record_ae(
        study,
        user,
        vid,
        sae(
            serious_death=True,
            outcome="fatal",
            ongoing=False,
            end_date=D(2026, 2, 9),
            reported_at=T(2026, 2, 9, 14, 0),
        ),
        now=NOW,
    )
    assert fatal.report_state == "reported_in_time"
    assert fatal.criteria() == ("serious_death", "serious_hospitalisation")


def test_the_deadline_is_exactly_24_hours_after_awareness() -> None:
    aware = T(2026, 11, 23, 14, 0)
    assert safety.sae_deadline(aware) == T(2026, 11, 24, 14, 0)
    # Across the end of October (daylight saving ends): still wall-clock + 24 h, as entered.
    assert safety.sae_deadline(T(2026, 10, 24, 9, 30)) == T(2026, 10, 25, 9, 30)
    assert safety.SAE_REPORT_HOURS == 24


@pytest.mark.parametrize(
    ("now", "reported", "state"),
    [
        (T(2026, 2, 9, 14, 0), None, "due"),  # exactly at the deadline: still due
        (T(2026, 2, 9, 14, 1), None, "overdue"),
        (T(2026, 2, 20, 0, 0), T(2026, 2, 9, 14, 0), "reported_in_time"),
        (T(2026, 2, 20, 0, 0), T(2026, 2, 9, 14, 1), "reported_late"),
    ],
)
def test_report_states_at_the_edge(
    now: dt.datetime, reported: dt.datetime | None, state: str
) -> None:
    aware = T(2026, 2, 8, 14, 0)
    assert safety.report_state(True, aware, reported, now) == state
    assert safety.report_state(False, None, None, now) == "not_serious"


@pytest.mark.backends
def test_due_overdue_and_reported_states_through_the_service(enrolled: EnrolledPatient) -> None:
    study, user = enrolled.study, enrolled.users["nurse"]
    saved = safety.record_ae(study, user, visit_id(enrolled), sae(), now=T(2026, 2, 9, 8, 0))
    assert saved.serious
    assert saved.deadline == T(2026, 2, 9, 14, 0)
    assert saved.report_state == "due"
    assert safety.get_ae(study, user, saved.id, now=T(2026, 2, 9, 14, 0)).report_state == "due"
    assert safety.get_ae(study, user, saved.id, now=T(2026, 2, 9, 14, 1)).report_state == "overdue"
    late = safety.update_ae(
        study,
        user,
        saved.id,
        {"reported_at": T(2026, 2, 9, 16, 0), "late_reason": "Investigator unreachable"},
        reason=None,
        expected_version=saved.version,
        now=T(2026, 2, 9, 16, 5),
    )
    assert late.report_state == "reported_late"
    assert late.late_reason == "Investigator unreachable"


@pytest.mark.backends
def test_a_late_report_needs_a_reason(enrolled: EnrolledPatient) -> None:
    study, user = enrolled.study, enrolled.users["nurse"]
    saved = safety.record_ae(study, user, visit_id(enrolled), sae(), now=NOW)
    with pytest.raises(FieldErrors) as caught:
        safety.update_ae(
            study,
            user,
            saved.id,
            {"reported_at": T(2026, 2, 9, 14, 1)},
            reason=None,
            expected_version=saved.version,
            now=NOW,
        )
    assert problems(caught.value) == {("late_reason", Problem.INCONSISTENT, "late_without_reason")}
    assert safety.get_ae(study, user, saved.id).reported_at is None


@pytest.mark.backends
def test_follow_up_with_a_reason_writes_every_version_to_the_audit_trail(
    enrolled: EnrolledPatient,
) -> None:
    study, user = enrolled.study, enrolled.users["nurse"]
    saved = safety.record_ae(study, user, visit_id(enrolled), sae(), now=NOW)
    # Filling in what was empty needs no reason.
    reported = safety.update_ae(
        study,
        user,
        saved.id,
        {"reported_at": T(2026, 2, 8, 16, 0)},
        reason=None,
        expected_version=saved.version,
        now=NOW,
    )
    assert reported.report_state == "reported_in_time"
    assert reported.version == saved.version + 1
    # Changing a saved value does.
    follow_up: dict[str, Value] = {
        "ongoing": False,
        "end_date": D(2026, 2, 9),
        "outcome": "recovered",
    }
    with pytest.raises(ReasonRequired) as caught:
        safety.update_ae(
            study, user, saved.id, follow_up, reason=None, expected_version=reported.version
        )
    assert caught.value.params == {"table": "adverse_events", "field": "ongoing"}
    with pytest.raises(ReasonRequired):
        safety.update_ae(
            study, user, saved.id, follow_up, reason="   ", expected_version=reported.version
        )
    resolved = safety.update_ae(
        study,
        user,
        saved.id,
        follow_up,
        reason="Follow-up report: discharged",
        expected_version=reported.version,
        now=NOW,
    )
    assert (resolved.ongoing, resolved.end_date, resolved.outcome) == (
        False,
        D(2026, 2, 9),
        "recovered",
    )
    history = safety.ae_history(study, user, saved.id)
    assert [r.id for r in history] == sorted(r.id for r in history)
    inserted = {r.field for r in history if r.action == "insert"}
    assert {"term", "aware_at", "serious_hospitalisation", "ongoing"} <= inserted
    changes = {
        (r.field, r.old_value, r.new_value, r.reason) for r in history if r.action == "update"
    }
    reason = "Follow-up report: discharged"
    assert changes == {
        ("reported_at", None, "2026-02-08T16:00:00", "adverse event follow-up"),
        ("ongoing", "true", "false", reason),
        ("end_date", None, "2026-02-09", reason),
        ("outcome", "recovering", "recovered", reason),
    }
    old_outcome = next(r for r in history if r.action == "update" and r.field == "outcome")
    assert (old_outcome.old_value, old_outcome.new_value) == ("recovering", "recovered")
    # The same rows as the audit trail of the record shows.
    trail = patients.audit_trail(study, user, table_name="adverse_events", record_id=str(saved.id))
    assert sorted(r.id for r in trail) == [r.id for r in history]


@pytest.mark.backends
def test_nothing_changed_saves_nothing_and_a_stale_version_conflicts(
    enrolled: EnrolledPatient,
) -> None:
    study, user = enrolled.study, enrolled.users["nurse"]
    saved = safety.record_ae(study, user, visit_id(enrolled), event(), now=NOW)
    same = safety.update_ae(
        study, user, saved.id, event(), reason=None, expected_version=saved.version, now=NOW
    )
    assert same.version == saved.version
    changed = safety.update_ae(
        study,
        user,
        saved.id,
        {"who_grade": 2},
        reason="Graded again",
        expected_version=saved.version,
        now=NOW,
    )
    assert changed.who_grade == 2
    with pytest.raises(ConflictError):
        safety.update_ae(
            study,
            user,
            saved.id,
            {"who_grade": 3},
            reason="Graded again",
            expected_version=saved.version,
            now=NOW,
        )
    with pytest.raises(FieldErrors) as caught:
        safety.update_ae(
            study,
            user,
            saved.id,
            {"end_date": D(2026, 1, 30)},
            reason="typo",
            expected_version=changed.version,
            now=NOW,
        )
    assert problems(caught.value) == {("end_date", Problem.INCONSISTENT, "end_before_onset")}


@pytest.mark.backends
def test_void_keeps_the_event_and_takes_it_off_the_due_list(enrolled: EnrolledPatient) -> None:
    study, user = enrolled.study, enrolled.users["nurse"]
    saved = safety.record_ae(study, user, visit_id(enrolled), sae(), now=NOW)
    assert [d.ae_id for d in safety.open_saes(study, user, now=NOW)] == [saved.id]
    with pytest.raises(ReasonRequired):
        safety.void_ae(study, user, saved.id, "  ")
    voided = safety.void_ae(study, user, saved.id, "Entered for the wrong patient")
    assert voided.voided
    assert voided.void_reason == "Entered for the wrong patient"
    assert safety.open_saes(study, user, now=NOW) == []
    assert [a.voided for a in safety.list_aes(study, user, enrolled.patient_id)] == [True]
    with pytest.raises(ServiceError) as caught:
        safety.void_ae(study, user, saved.id, "again")
    assert caught.value.code is Msg.ALREADY_VOIDED
    with pytest.raises(ServiceError) as refused:
        safety.update_ae(
            study, user, saved.id, {"who_grade": 4}, reason="x y z", expected_version=None
        )
    assert refused.value.code is Msg.RECORD_VOIDED
    next_one = safety.record_ae(study, user, visit_id(enrolled), event(), now=NOW)
    assert next_one.number == 2  # a void number is never reused


@pytest.mark.backends
def test_open_saes_lists_unreported_saes_by_deadline(study_users: StudyWithUsers) -> None:
    a = enrol_patient(study_users, hospital_number="H1000001")
    b = enrol_patient(study_users, hospital_number="H1000002")
    user = a.users["nurse"]
    va, vb = a.schedule["injection"].id, b.schedule["injection"].id
    safety.record_ae(a.study, user, va, event(), now=NOW)  # not serious: never listed
    later = safety.record_ae(a.study, user, va, sae(aware=T(2026, 2, 9, 10, 0)), now=NOW)
    earlier = safety.record_ae(a.study, user, vb, sae(aware=T(2026, 2, 8, 9, 0)), now=NOW)
    safety.record_ae(
        a.study, user, vb, sae(aware=T(2026, 2, 7, 9, 0), reported_at=T(2026, 2, 7, 12, 0)), now=NOW
    )
    due = safety.open_saes(a.study, a.users["monitor"], now=T(2026, 2, 9, 9, 30))
    assert [(d.ae_id, d.overdue) for d in due] == [(earlier.id, True), (later.id, False)]
    first = due[0]
    assert first.subject_number == earlier.subject_number
    assert (first.number, first.term) == (1, "Cellulitis")
    assert first.deadline == T(2026, 2, 9, 9, 0)
    assert first.remaining == dt.timedelta(minutes=-30)
    assert due[1].remaining == dt.timedelta(hours=24, minutes=30)
    # Reported: off the list.
    safety.update_ae(
        a.study,
        user,
        earlier.id,
        {"reported_at": T(2026, 2, 9, 9, 40), "late_reason": "Weekend staffing"},
        reason=None,
        expected_version=None,
        now=T(2026, 2, 9, 9, 45),
    )
    assert [d.ae_id for d in safety.open_saes(a.study, user, now=T(2026, 2, 9, 9, 50))] == [
        later.id
    ]


def test_check_values_is_pure_and_reports_every_rule() -> None:
    checked, errors = safety.check_values(
        sae(aware=T(2026, 2, 8, 14, 0), reported_at=T(2026, 2, 10, 8, 0)), now=NOW
    )
    assert [(e.field, e.params.get("rule")) for e in errors] == [
        ("late_reason", "late_without_reason")
    ]
    assert checked["serious_death"] is False
    assert checked["late_reason"] is None
    _, errors = safety.check_values(event(term="  "), now=NOW)
    assert [(e.field, e.problem) for e in errors] == [("term", Problem.REQUIRED)]
    assert isinstance(errors[0], FieldError)
