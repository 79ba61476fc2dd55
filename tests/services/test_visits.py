"""Enrolment and the visit schedule, on SQLite and PostgreSQL, with explicit dates (no clock)."""

from __future__ import annotations

import datetime as dt

import pytest

from sscvisit.model.entities import CRITERIA, Patient, Screening
from sscvisit.model.fields import FieldErrors, Problem
from sscvisit.services import patients, visits
from sscvisit.services.clock import utc_stamp
from sscvisit.services.dto import PatientRow, UserInfo, VisitInfo
from sscvisit.services.errors import (
    ConflictError,
    Msg,
    PermissionDenied,
    ReasonRequired,
    ServiceError,
)
from sscvisit.services.study import Study
from tests.studyfixtures import StudyWithUsers, register_patient

D = dt.date
SCREENED = D(2026, 2, 2)  # Monday; consent (studyfixtures) is 2026-01-05
ENROLLED = D(2026, 2, 3)
PLANNED = D(2026, 2, 16)  # Monday, day 14 after screening
TODAY = D(2026, 2, 10)
CODES = ["injection", "week1", "week4", "week8", "week12"]


def add_screening(
    study: Study,
    patient_id: int,
    screening_date: dt.date = SCREENED,
    *,
    result: str = "eligible",
    state: str = "confirmed",
    voided: bool = False,
) -> int:
    """A screening row as the screening service would leave it (that service is not used)."""
    answers = {code: ("yes" if code.startswith("inc") else "no") for code, _en, _nl in CRITERIA}
    if result == "not_eligible":
        answers["exc5"] = "yes"
    with study.unit(actor="investigator", reason="test: screening confirmed") as session:
        row = Screening(
            patient_id=patient_id,
            screening_date=screening_date,
            acr_findings="raynaud puffy_fingers sclerodactyly anticentromere",
            acr_score=10,
            acr_na_spares_fingers=False,
            acr_na_other_disorder=False,
            result=result,
            state=state,
            assessed_by="nurse",
            confirmed_by="investigator" if state == "confirmed" else None,
            confirmed_utc=utc_stamp() if state == "confirmed" else None,
            created_utc=utc_stamp(),
            voided=voided,
            void_reason="test: entered in error" if voided else None,
            **answers,
        )
        session.add(row)
        patient = session.get(Patient, patient_id)
        assert patient is not None
        if not voided:
            patient.status = "screen_failed" if result == "not_eligible" else "screening"
        session.flush()
        return row.id


def screened_patient(
    su: StudyWithUsers, number: int = 1, *, result: str = "eligible", state: str = "confirmed"
) -> PatientRow:
    row = register_patient(su.study, su.users["nurse"], hospital_number=f"H{number:07d}")
    add_screening(su.study, row.id, result=result, state=state)
    return row


def enrolled_patient(su: StudyWithUsers, number: int = 1, planned: dt.date = PLANNED) -> PatientRow:
    row = screened_patient(su, number)
    visits.enrol(
        su.study,
        su.users["nurse"],
        row.id,
        planned_injection_date=planned,
        enrolled_on=ENROLLED,
        today=ENROLLED,
    )
    return row


def by_code(su: StudyWithUsers, patient_id: int, today: dt.date = TODAY) -> dict[str, VisitInfo]:
    return {
        v.visit_code: v
        for v in visits.schedule(su.study, su.users["nurse"], patient_id, today=today)
    }


def only_error(caught: pytest.ExceptionInfo[FieldErrors]) -> tuple[str, Problem, object]:
    (error,) = caught.value.errors
    return error.field, error.problem, error.params.get("rule")


def record(
    su: StudyWithUsers,
    visit: VisitInfo,
    day: dt.date,
    today: dt.date | None = None,
    *,
    deviation_reason: str | None = None,
    comment: str | None = None,
    reason: str | None = None,
    expected_version: int | None = None,
) -> VisitInfo:
    """Record as the nurse; ``today`` defaults to the visit day itself."""
    return visits.record_visit(
        su.study,
        su.users["nurse"],
        visit.id,
        day,
        deviation_reason=deviation_reason,
        comment=comment,
        reason=reason,
        expected_version=expected_version,
        today=today or day,
    )


# --- enrolment ---------------------------------------------------------------------------------


def test_enrol_needs_a_confirmed_eligible_latest_screening(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]

    def refused(patient_id: int) -> None:
        with pytest.raises(ServiceError) as caught:
            visits.enrol(
                su.study, nurse, patient_id, planned_injection_date=PLANNED, today=ENROLLED
            )
        assert caught.value.code is Msg.NOT_ELIGIBLE
        assert visits.get_enrolment(su.study, nurse, patient_id) is None
        assert visits.schedule(su.study, nurse, patient_id, today=TODAY) == []

    unscreened = register_patient(su.study, nurse, hospital_number="H1")
    refused(unscreened.id)
    draft = screened_patient(su, 2, state="draft")
    refused(draft.id)
    failed = screened_patient(su, 3, result="not_eligible")
    refused(failed.id)
    # The latest screening decides: an eligible one followed by a failed re-screening is out ...
    flipped = screened_patient(su, 4)
    add_screening(su.study, flipped.id, SCREENED + dt.timedelta(days=1), result="not_eligible")
    refused(flipped.id)
    # ... and a voided eligible screening counts for nothing.
    add_screening(su.study, failed.id, SCREENED + dt.timedelta(days=2), voided=True)
    refused(failed.id)
    assert patients.get_patient(su.study, nurse, failed.id).status == "screen_failed"

    # A re-screening that is confirmed eligible enrols.
    add_screening(su.study, failed.id, SCREENED)
    info = visits.enrol(su.study, nurse, failed.id, planned_injection_date=PLANNED, today=ENROLLED)
    assert info.enrolled_on == ENROLLED
    assert patients.get_patient(su.study, nurse, failed.id).status == "enrolled"


@pytest.mark.parametrize(
    ("planned", "rule"),
    [
        (SCREENED, "outside_screening_window"),  # day 0 would make screening day 0
        (SCREENED - dt.timedelta(days=1), "outside_screening_window"),
        (SCREENED + dt.timedelta(days=29), "outside_screening_window"),  # screening day -29
    ],
)
def test_enrol_refuses_an_injection_outside_the_screening_window(
    study_users: StudyWithUsers, planned: dt.date, rule: str
) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    patient = screened_patient(su)
    with pytest.raises(FieldErrors) as caught:
        visits.enrol(
            su.study,
            nurse,
            patient.id,
            planned_injection_date=planned,
            enrolled_on=SCREENED,
            today=ENROLLED,
        )
    assert only_error(caught) == ("planned_injection_date", Problem.INCONSISTENT, rule)
    params = caught.value.errors[0].params
    assert (params["earliest"], params["latest"]) == (D(2026, 2, 3), D(2026, 3, 2))
    assert visits.get_enrolment(su.study, nurse, patient.id) is None
    assert patients.get_patient(su.study, nurse, patient.id).status == "screening"


def test_enrol_accepts_both_edges_of_the_screening_window(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    first, last = screened_patient(su, 1), screened_patient(su, 2)
    assert visits.injection_window(SCREENED) == (D(2026, 2, 3), D(2026, 3, 2))
    early = visits.enrol(
        su.study, nurse, first.id, planned_injection_date=D(2026, 2, 3), today=D(2026, 2, 3)
    )
    late = visits.enrol(
        su.study, nurse, last.id, planned_injection_date=D(2026, 3, 2), today=D(2026, 2, 3)
    )
    assert (early.planned_injection_date, late.planned_injection_date) == (
        D(2026, 2, 3),
        D(2026, 3, 2),
    )


def test_enrol_refuses_bad_enrolment_dates(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    patient = screened_patient(su)
    with pytest.raises(FieldErrors) as caught:  # the injection cannot be planned in the past
        visits.enrol(
            su.study,
            nurse,
            patient.id,
            planned_injection_date=D(2026, 2, 10),
            enrolled_on=D(2026, 2, 12),
            today=D(2026, 2, 12),
        )
    assert only_error(caught) == (
        "planned_injection_date",
        Problem.INCONSISTENT,
        "before_enrolment",
    )
    with pytest.raises(FieldErrors) as caught:
        visits.enrol(
            su.study,
            nurse,
            patient.id,
            planned_injection_date=PLANNED,
            enrolled_on=D(2026, 2, 12),
            today=D(2026, 2, 11),
        )
    assert only_error(caught) == ("enrolled_on", Problem.DATE_IN_FUTURE, None)
    with pytest.raises(FieldErrors) as caught:
        visits.enrol(
            su.study,
            nurse,
            patient.id,
            planned_injection_date=PLANNED,
            enrolled_on=D(2026, 2, 1),
            today=D(2026, 2, 11),
        )
    assert only_error(caught) == ("enrolled_on", Problem.INCONSISTENT, "before_screening")
    assert visits.get_enrolment(su.study, nurse, patient.id) is None


def test_enrolment_creates_the_schedule_and_status(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    patient = screened_patient(su)
    info = visits.enrol(
        su.study,
        nurse,
        patient.id,
        planned_injection_date=PLANNED,
        enrolled_on=ENROLLED,
        today=D(2026, 2, 4),
    )
    assert (info.patient_id, info.enrolled_on, info.planned_injection_date) == (
        patient.id,
        ENROLLED,
        PLANNED,
    )
    assert info.protocol_version == "2015-default-1"
    assert visits.get_enrolment(su.study, nurse, patient.id) == info
    assert patients.get_patient(su.study, nurse, patient.id).status == "enrolled"

    listed = visits.schedule(su.study, nurse, patient.id, today=TODAY)
    assert [v.visit_code for v in listed] == CODES
    assert [v.target_date for v in listed] == [
        D(2026, 2, 16),
        D(2026, 2, 23),
        D(2026, 3, 16),
        D(2026, 4, 13),
        D(2026, 5, 11),
    ]
    assert [(v.window_start, v.window_end) for v in listed][:2] == [
        (D(2026, 2, 16), D(2026, 2, 16)),
        (D(2026, 2, 21), D(2026, 2, 25)),
    ]
    assert {v.status for v in listed} == {"planned"}
    assert all(v.visit_date is None and v.outcome is None for v in listed)
    assert all(v.subject_number == patient.subject_number for v in listed)
    assert listed[0].label("nl") == "Injectie (baseline)"
    assert "ulcer_map" in listed[0].forms
    assert [v.status for v in visits.schedule(su.study, nurse, patient.id, today=PLANNED)][:2] == [
        "due",
        "planned",
    ]

    with pytest.raises(ServiceError) as caught:
        visits.enrol(su.study, nurse, patient.id, planned_injection_date=PLANNED, today=ENROLLED)
    assert caught.value.code is Msg.ALREADY_ENROLLED
    trail = patients.audit_trail(su.study, nurse, patient_id=patient.id)
    assert any(r.table_name == "enrolments" and r.action == "insert" for r in trail)
    assert sum(r.table_name == "visits" and r.field == "visit_code" for r in trail) == 5
    status = [r for r in trail if r.table_name == "patients" and r.field == "status"]
    assert (status[0].old_value, status[0].new_value) == ("screening", "enrolled")


def test_reschedule_injection(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    patient = enrolled_patient(su)
    with pytest.raises(ReasonRequired):
        visits.reschedule_injection(su.study, nurse, patient.id, D(2026, 2, 18), " ")
    with pytest.raises(FieldErrors) as caught:
        visits.reschedule_injection(su.study, nurse, patient.id, D(2026, 3, 3), "pharmacy")
    assert only_error(caught)[2] == "outside_screening_window"
    moved = visits.reschedule_injection(su.study, nurse, patient.id, D(2026, 2, 18), "pharmacy")
    assert moved.planned_injection_date == D(2026, 2, 18)
    with pytest.raises(ConflictError):
        visits.reschedule_injection(
            su.study, nurse, patient.id, D(2026, 2, 19), "again", expected_version=1
        )
    assert by_code(su, patient.id)["week1"].target_date == D(2026, 2, 25)
    (row,) = [
        r
        for r in patients.audit_trail(su.study, nurse, patient_id=patient.id)
        if r.field == "planned_injection_date" and r.action == "update"
    ]
    assert (row.old_value, row.new_value, row.reason) == ("2026-02-16", "2026-02-18", "pharmacy")

    record(su, by_code(su, patient.id)["injection"], D(2026, 2, 18))
    with pytest.raises(FieldErrors) as caught:
        visits.reschedule_injection(su.study, nurse, patient.id, D(2026, 2, 20), "late")
    assert only_error(caught)[2] == "injection_recorded"


# --- recording visits --------------------------------------------------------------------------


def test_visits_cannot_be_recorded_before_the_injection(study_users: StudyWithUsers) -> None:
    su = study_users
    patient = enrolled_patient(su)
    before = by_code(su, patient.id)
    week1 = before["week1"]

    def refused(visit: VisitInfo, day: dt.date, today: dt.date) -> tuple[str, Problem, object]:
        with pytest.raises(FieldErrors) as caught:
            record(su, visit, day, today)
        return only_error(caught)

    assert refused(week1, D(2026, 2, 23), D(2026, 2, 23)) == (
        "visit_date",
        Problem.INCONSISTENT,
        "injection_not_recorded",
    )
    assert refused(before["injection"], D(2026, 2, 17), D(2026, 2, 16)) == (
        "visit_date",
        Problem.DATE_IN_FUTURE,
        None,
    )
    assert refused(before["injection"], D(2026, 1, 4), D(2026, 2, 16)) == (
        "visit_date",
        Problem.INCONSISTENT,
        "before_consent",
    )
    assert refused(before["injection"], SCREENED, D(2026, 2, 16)) == (
        "visit_date",
        Problem.INCONSISTENT,
        "before_screening",
    )
    assert by_code(su, patient.id) == before  # nothing saved

    injection = record(su, before["injection"], D(2026, 2, 16))
    assert (injection.status, injection.visit_date, injection.outcome) == (
        "done",
        D(2026, 2, 16),
        "done",
    )
    saved = by_code(su, patient.id)
    assert refused(week1, D(2026, 2, 15), D(2026, 2, 23)) == (
        "visit_date",
        Problem.INCONSISTENT,
        "before_injection",
    )
    assert refused(week1, D(2026, 1, 4), D(2026, 2, 23)) == (
        "visit_date",
        Problem.INCONSISTENT,
        "before_consent",
    )
    assert refused(week1, D(2026, 2, 23), D(2026, 2, 22)) == (
        "visit_date",
        Problem.DATE_IN_FUTURE,
        None,
    )
    assert by_code(su, patient.id) == saved  # nothing saved
    done = record(su, week1, D(2026, 2, 23))
    assert done.status == "done"


def test_out_of_window_visit_needs_a_deviation_reason(study_users: StudyWithUsers) -> None:
    su = study_users
    patient = enrolled_patient(su)
    schedule = by_code(su, patient.id)
    # Injected a day late: day 0 moves, and the windows with it.
    record(su, schedule["injection"], D(2026, 2, 17))
    week1 = by_code(su, patient.id, D(2026, 2, 17))["week1"]
    assert (week1.target_date, week1.window_start, week1.window_end) == (
        D(2026, 2, 24),
        D(2026, 2, 22),
        D(2026, 2, 26),
    )
    with pytest.raises(FieldErrors) as caught:
        record(su, week1, D(2026, 2, 27))
    assert only_error(caught) == ("deviation_reason", Problem.REQUIRED, None)
    assert by_code(su, patient.id)["week1"].visit_date is None

    late = record(su, week1, D(2026, 2, 27), deviation_reason="patient ill", comment="by phone")
    assert (late.status, late.deviation_reason, late.comment) == (
        "done_out_of_window",
        "patient ill",
        "by phone",
    )
    # Corrected into the window: the deviation reason no longer applies and is dropped.
    fixed = record(su, late, D(2026, 2, 26), comment="by phone", reason="wrong date typed")
    assert (fixed.status, fixed.deviation_reason) == ("done", None)
    # Edges of the window are inside it.
    week4 = by_code(su, patient.id)["week4"]
    assert (week4.window_start, week4.window_end) == (D(2026, 3, 13), D(2026, 3, 21))
    assert record(su, week4, D(2026, 3, 13)).status == "done"
    week8 = by_code(su, patient.id)["week8"]
    assert (week8.window_start, week8.window_end) == (D(2026, 4, 7), D(2026, 4, 21))
    assert record(su, week8, D(2026, 4, 22), deviation_reason="holiday").status == (
        "done_out_of_window"
    )


def test_injection_outside_the_screening_window_is_a_deviation(
    study_users: StudyWithUsers,
) -> None:
    su = study_users
    patient = enrolled_patient(su, planned=D(2026, 3, 2))
    injection = by_code(su, patient.id)["injection"]
    with pytest.raises(FieldErrors) as caught:
        record(su, injection, D(2026, 3, 3))
    assert only_error(caught) == ("deviation_reason", Problem.REQUIRED, None)
    done = record(su, injection, D(2026, 3, 3), deviation_reason="product delayed")
    assert done.status == "done_out_of_window"
    assert done.deviation_reason == "product delayed"


def test_injection_date_cannot_move_past_later_visits(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    patient = enrolled_patient(su)
    injection = record(su, by_code(su, patient.id)["injection"], D(2026, 2, 16))
    record(su, by_code(su, patient.id)["week1"], D(2026, 2, 23))
    with pytest.raises(FieldErrors) as caught:
        record(su, injection, D(2026, 2, 24), reason="typo")
    assert only_error(caught)[2] == "after_later_visit"
    with pytest.raises(FieldErrors) as caught:
        visits.mark_missed(su.study, nurse, injection.id, "no show", reason="typo")
    assert only_error(caught) == ("missed_reason", Problem.INCONSISTENT, "later_visits_recorded")


def test_changing_a_saved_visit_date_needs_a_reason_and_is_audited(
    study_users: StudyWithUsers,
) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    patient = enrolled_patient(su)
    record(su, by_code(su, patient.id)["injection"], D(2026, 2, 16))
    week1 = record(su, by_code(su, patient.id)["week1"], D(2026, 2, 23))
    with pytest.raises(ReasonRequired) as caught:
        record(su, week1, D(2026, 2, 24))
    assert caught.value.params == {"table": "visits", "field": "visit_date"}
    with pytest.raises(ConflictError):
        record(su, week1, D(2026, 2, 24), reason="typo", expected_version=week1.version - 1)
    assert by_code(su, patient.id)["week1"].visit_date == D(2026, 2, 23)

    changed = record(
        su, week1, D(2026, 2, 24), reason="date typed wrong", expected_version=week1.version
    )
    assert changed.visit_date == D(2026, 2, 24)
    assert changed.version == week1.version + 1
    rows = [
        r
        for r in patients.audit_trail(su.study, nurse, patient_id=patient.id)
        if r.table_name == "visits" and r.record_id == str(week1.id) and r.field == "visit_date"
    ]
    assert [(r.action, r.old_value, r.new_value, r.reason) for r in rows] == [
        ("update", "2026-02-23", "2026-02-24", "date typed wrong"),
        ("update", None, "2026-02-23", None),  # first recording: the row existed, empty
    ]
    assert rows[0].username == "nurse"


def test_a_missed_visit_needs_a_reason(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    patient = enrolled_patient(su)
    record(su, by_code(su, patient.id)["injection"], D(2026, 2, 16))
    week1 = by_code(su, patient.id)["week1"]
    for blank in (None, "", "   "):
        with pytest.raises(FieldErrors) as caught:
            visits.mark_missed(su.study, nurse, week1.id, blank)
        assert only_error(caught) == ("missed_reason", Problem.REQUIRED, None)
    with pytest.raises(FieldErrors) as caught:
        visits.mark_missed(su.study, nurse, week1.id, "x" * 501)
    assert only_error(caught)[:2] == ("missed_reason", Problem.TOO_LONG)
    assert by_code(su, patient.id)["week1"].outcome is None

    missed = visits.mark_missed(su.study, nurse, week1.id, " hospitalised ", today=D(2026, 2, 26))
    assert (missed.status, missed.outcome, missed.missed_reason, missed.visit_date) == (
        "missed",
        "missed",
        "hospitalised",
        None,
    )
    # Recording it after all changes a saved outcome: a reason is needed.
    with pytest.raises(ReasonRequired):
        record(su, missed, D(2026, 2, 25), today=D(2026, 2, 26))
    done = record(su, missed, D(2026, 2, 25), today=D(2026, 2, 26), reason="found the notes")
    assert (done.status, done.missed_reason) == ("done", None)


def test_unscheduled_visits_only_after_the_injection(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    registered = register_patient(su.study, nurse, hospital_number="H9")
    with pytest.raises(FieldErrors) as caught:
        visits.add_unscheduled(su.study, nurse, registered.id, D(2026, 2, 20), today=D(2026, 3, 1))
    assert only_error(caught)[2] == "injection_not_recorded"

    patient = enrolled_patient(su)
    with pytest.raises(FieldErrors) as caught:
        visits.add_unscheduled(su.study, nurse, patient.id, D(2026, 2, 20), today=D(2026, 3, 1))
    assert only_error(caught)[2] == "injection_not_recorded"
    record(su, by_code(su, patient.id)["injection"], D(2026, 2, 16))
    with pytest.raises(FieldErrors) as caught:
        visits.add_unscheduled(su.study, nurse, patient.id, D(2026, 2, 15), today=D(2026, 3, 1))
    assert only_error(caught)[2] == "before_injection"
    with pytest.raises(FieldErrors) as caught:
        visits.add_unscheduled(su.study, nurse, patient.id, D(2026, 3, 2), today=D(2026, 3, 1))
    assert only_error(caught)[:2] == ("visit_date", Problem.DATE_IN_FUTURE)
    assert len(by_code(su, patient.id)) == 5

    later = visits.add_unscheduled(
        su.study, nurse, patient.id, D(2026, 3, 1), comment="ulcer pain", today=D(2026, 3, 1)
    )
    earlier = visits.add_unscheduled(
        su.study, nurse, patient.id, D(2026, 2, 16), today=D(2026, 3, 1)
    )
    assert (later.visit_code, later.sequence, later.status, later.comment) == (
        "unscheduled",
        1,
        "done",
        "ulcer pain",
    )
    assert (earlier.sequence, earlier.target_date, earlier.window_start) == (2, None, None)
    assert earlier.label("nl") == "Ongepland"
    listed = visits.schedule(su.study, nurse, patient.id, today=D(2026, 3, 1))
    assert [(v.visit_code, v.sequence) for v in listed] == [
        *((c, 0) for c in CODES),
        ("unscheduled", 2),
        ("unscheduled", 1),
    ]


# --- due this week, overdue ----------------------------------------------------------------------


def _lists(su: StudyWithUsers, today: dt.date, role: str = "nurse") -> tuple[list[str], list[str]]:
    due, overdue = visits.due_and_overdue(su.study, su.users[role], today=today)
    return (
        [f"{v.subject_number}:{v.visit_code}" for v in due],
        [f"{v.subject_number}:{v.visit_code}" for v in overdue],
    )


def test_due_and_overdue_at_week_boundaries(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    a = enrolled_patient(su, 1, planned=D(2026, 2, 16))  # SSC-001, Monday
    b = enrolled_patient(su, 2, planned=D(2026, 2, 22))  # SSC-002, Sunday
    c = enrolled_patient(su, 3, planned=D(2026, 2, 18))  # SSC-003, voided below
    screened_patient(su, 4)  # SSC-004, eligible but not enrolled: nothing is due
    patients.void_patient(su.study, nurse, c.id, "registered twice")

    # Sunday before: the week ends before any planned injection.
    assert _lists(su, D(2026, 2, 15)) == ([], [])
    # Monday: a whole new week; planned injections count, and a window starting Saturday too.
    assert _lists(su, D(2026, 2, 16)) == (
        ["SSC-001:injection", "SSC-002:injection", "SSC-001:week1"],
        [],
    )
    record(su, by_code(su, a.id)["injection"], D(2026, 2, 16))
    assert _lists(su, D(2026, 2, 17)) == (["SSC-002:injection", "SSC-001:week1"], [])
    # Sunday: still due on its planned day, not yet overdue.
    assert _lists(su, D(2026, 2, 22)) == (["SSC-002:injection", "SSC-001:week1"], [])
    # Monday after: B's planned day has passed; B's week 1 (window from Friday 27th) is due.
    assert _lists(su, D(2026, 2, 23)) == (
        ["SSC-001:week1", "SSC-002:week1"],
        ["SSC-002:injection"],
    )
    # B is injected a day late: day 0 moves, week 1 window 28 Feb - 4 Mar still reaches this week.
    record(su, by_code(su, b.id)["injection"], D(2026, 2, 23))
    assert _lists(su, D(2026, 2, 23)) == (["SSC-001:week1", "SSC-002:week1"], [])
    # Wednesday: last day of A's week 1 window; Thursday: overdue.
    assert _lists(su, D(2026, 2, 25)) == (["SSC-001:week1", "SSC-002:week1"], [])
    assert _lists(su, D(2026, 2, 26)) == (["SSC-002:week1"], ["SSC-001:week1"])
    # Missed or done visits leave both lists.
    visits.mark_missed(su.study, nurse, by_code(su, a.id)["week1"].id, "hospitalised")
    record(su, by_code(su, b.id)["week1"], D(2026, 3, 1))
    assert _lists(su, D(2026, 3, 1)) == ([], [])
    # Monday 9 March: A's week 4 window opens Thursday 12th, B's (24 Mar target) not this week.
    assert _lists(su, D(2026, 3, 8)) == ([], [])
    assert _lists(su, D(2026, 3, 9)) == (["SSC-001:week4"], [])
    # Much later: everything open is overdue, oldest first; monitors see the same lists.
    assert _lists(su, D(2026, 6, 1), "monitor") == (
        [],
        [
            "SSC-001:week4",
            "SSC-002:week4",
            "SSC-001:week8",
            "SSC-002:week8",
            "SSC-001:week12",
            "SSC-002:week12",
        ],
    )


def test_due_and_overdue_with_nobody_enrolled(study_users: StudyWithUsers) -> None:
    assert visits.due_and_overdue(study_users.study, study_users.users["nurse"], today=TODAY) == (
        [],
        [],
    )


# --- permissions ---------------------------------------------------------------------------------


def _writes(su: StudyWithUsers, actor: UserInfo, patient_id: int, visit_id: int) -> None:
    calls = [
        lambda: visits.enrol(su.study, actor, patient_id, planned_injection_date=PLANNED),
        lambda: visits.record_visit(su.study, actor, visit_id, PLANNED, today=PLANNED),
        lambda: visits.mark_missed(su.study, actor, visit_id, "no show"),
        lambda: visits.add_unscheduled(su.study, actor, patient_id, PLANNED, today=PLANNED),
        lambda: visits.reschedule_injection(su.study, actor, patient_id, PLANNED, "why"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied) as caught:
            call()
        assert caught.value.params == {"permission": "enter_data"}


def test_monitors_view_but_do_not_write(study_users: StudyWithUsers) -> None:
    su = study_users
    patient = enrolled_patient(su)
    monitor = su.users["monitor"]
    nurse_view = by_code(su, patient.id)
    assert visits.schedule(su.study, monitor, patient.id, today=TODAY) == list(nurse_view.values())
    assert visits.get_enrolment(su.study, monitor, patient.id) is not None
    _writes(su, monitor, patient.id, nurse_view["injection"].id)
    assert by_code(su, patient.id) == nurse_view


def test_administrators_cannot_view_or_write(study_users: StudyWithUsers) -> None:
    su = study_users
    patient = enrolled_patient(su)
    admin = su.users["admin"]
    views = [
        lambda: visits.schedule(su.study, admin, patient.id, today=TODAY),
        lambda: visits.get_enrolment(su.study, admin, patient.id),
        lambda: visits.due_and_overdue(su.study, admin, today=TODAY),
    ]
    for call in views:
        with pytest.raises(PermissionDenied) as caught:
            call()
        assert caught.value.params == {"permission": "view_data"}
    _writes(su, admin, patient.id, by_code(su, patient.id)["injection"].id)


def test_investigators_record_visits(study_users: StudyWithUsers) -> None:
    su = study_users
    patient = enrolled_patient(su)
    injection = by_code(su, patient.id)["injection"]
    done = visits.record_visit(
        su.study, su.users["investigator"], injection.id, PLANNED, today=PLANNED
    )
    assert done.status == "done"


def test_void_patient_blocks_writes(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    patient = enrolled_patient(su)
    injection = by_code(su, patient.id)["injection"]
    patients.void_patient(su.study, nurse, patient.id, "registered in error")
    with pytest.raises(ServiceError) as caught:
        record(su, injection, PLANNED)
    assert caught.value.code is Msg.RECORD_VOIDED


def test_unknown_records_and_overlong_text(study_users: StudyWithUsers) -> None:
    su, nurse = study_users, study_users.users["nurse"]
    registered = register_patient(su.study, nurse, hospital_number="H9")
    for call in (
        lambda: visits.schedule(su.study, nurse, 999, today=TODAY),
        lambda: visits.record_visit(su.study, nurse, 999, PLANNED, today=PLANNED),
        lambda: visits.reschedule_injection(su.study, nurse, registered.id, PLANNED, "why"),
    ):
        with pytest.raises(ServiceError) as caught:
            call()
        assert caught.value.code is Msg.NOT_FOUND
    patient = enrolled_patient(su)
    injection = by_code(su, patient.id)["injection"]
    with pytest.raises(FieldErrors) as caught:
        record(su, injection, PLANNED, comment="x" * 1001)
    assert only_error(caught)[:2] == ("comment", Problem.TOO_LONG)
