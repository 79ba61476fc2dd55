"""Visit completeness: every form the protocol attaches to a visit saved, reviewed or not done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, update

from sscvisit.model.entities import (
    BiomarkerResult,
    Injection,
    InstrumentResponse,
    LabResult,
    UlcerMap,
    VitalSigns,
)
from sscvisit.model.fields import FieldErrors, Problem
from sscvisit.services import audit, clock, completeness, visits
from sscvisit.services.errors import (
    Msg,
    NotFound,
    PermissionDenied,
    ReasonRequired,
    ServiceError,
)
from sscvisit.services.study import Study
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

pytestmark = pytest.mark.backends

INJECTED = dt.date(2026, 2, 2)
WEEK1 = INJECTED + dt.timedelta(days=7)
WEEK4 = INJECTED + dt.timedelta(days=28)
TODAY = dt.date(2026, 4, 1)


def states(result: completeness.VisitCompleteness) -> dict[str, str]:
    return {f.form: f.state for f in result.forms}


def add_row(study: Study, row: Any) -> int:
    with study.unit(actor="nurse", reason="test data") as session:
        row.created_utc = clock.utc_stamp()
        row.voided = False
        session.add(row)
        session.flush()
        return int(row.id)


def void_row(study: Study, entity: Any, row_id: int) -> None:
    with study.unit(actor="nurse", reason="entered in error") as session:
        session.get(entity, row_id).voided = True  # type: ignore[union-attr]


def vitals(enrolled: EnrolledPatient, visit_id: int, timepoint: str = "visit") -> VitalSigns:
    return VitalSigns(
        patient_id=enrolled.patient_id,
        visit_id=visit_id,
        timepoint=timepoint,
        measured_at=dt.datetime(2026, 2, 9, 10, 0),
        systolic_mmhg=120,
        diastolic_mmhg=80,
        heart_rate_bpm=70,
        temperature_c=36.8,
    )


def lab(enrolled: EnrolledPatient, visit_id: int) -> LabResult:
    return LabResult(
        patient_id=enrolled.patient_id,
        visit_id=visit_id,
        analyte="haemoglobin",
        value=8.1,
        unit="mmol/L",
        sample_date=WEEK1,
        who_grade=0,
    )


@contextmanager
def counting(study: Study) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(study.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(study.engine, "before_cursor_execute", count)


def week1_recorded(study_users: StudyWithUsers) -> tuple[EnrolledPatient, int]:
    enrolled = enrol_patient(study_users, injected=INJECTED)
    nurse = enrolled.users["nurse"]
    week1 = enrolled.schedule["week1"].id
    visits.record_visit(enrolled.study, nurse, week1, WEEK1, today=TODAY)
    return enrolled, week1


def test_each_state_and_a_complete_visit(study_users: StudyWithUsers) -> None:
    enrolled, week1 = week1_recorded(study_users)
    study, nurse = enrolled.study, enrolled.users["nurse"]

    first = completeness.visit_completeness(study, nurse, week1)
    assert [f.form for f in first.forms] == list(enrolled.schedule["week1"].forms)
    assert set(states(first).values()) == {"missing"}
    assert first.recorded
    assert not first.complete
    assert first.missing == ("vitals", "ulcer_map", "ae_review", "conmed_review", "labs")

    add_row(study, vitals(enrolled, week1))
    add_row(study, UlcerMap(patient_id=enrolled.patient_id, visit_id=week1))
    lab_id = add_row(study, lab(enrolled, week1))
    reviewed = completeness.mark_reviewed(study, nurse, week1, "ae_review")
    assert reviewed.state == "reviewed"
    assert reviewed.checked_by == "nurse"
    completeness.mark_reviewed(study, nurse, week1, "conmed_review")
    now = completeness.visit_completeness(study, nurse, week1)
    assert states(now) == {
        "vitals": "saved",
        "ulcer_map": "saved",
        "ae_review": "reviewed",
        "conmed_review": "reviewed",
        "labs": "saved",
    }
    assert now.complete
    assert now.missing == ()

    void_row(study, LabResult, lab_id)  # voided data does not count
    after_void = completeness.visit_completeness(study, nurse, week1)
    assert after_void.missing == ("labs",)
    assert not after_void.complete

    with pytest.raises(FieldErrors) as refused:
        completeness.mark_not_done(study, nurse, week1, "labs", "   ")
    assert [(e.field, e.problem) for e in refused.value.errors] == [
        ("not_done_reason", Problem.REQUIRED)
    ]
    not_done = completeness.mark_not_done(study, nurse, week1, "labs", "Sample haemolysed")
    assert not_done.state == "not_done"
    assert not_done.reason == "Sample haemolysed"
    final = completeness.visit_completeness(study, nurse, week1)
    assert final.complete
    assert final.status("labs").reason == "Sample haemolysed"


def test_a_form_with_data_cannot_be_not_done(study_users: StudyWithUsers) -> None:
    enrolled, week1 = week1_recorded(study_users)
    study, nurse = enrolled.study, enrolled.users["nurse"]
    add_row(study, vitals(enrolled, week1))
    with pytest.raises(FieldErrors) as refused:
        completeness.mark_not_done(study, nurse, week1, "vitals", "Forgotten")
    [error] = refused.value.errors
    assert (error.field, error.problem, error.params["rule"]) == (
        "not_done_reason",
        Problem.INCONSISTENT,
        "form_has_data",
    )
    assert completeness.visit_completeness(study, nurse, week1).status("vitals").state == "saved"


def test_refusals(study_users: StudyWithUsers) -> None:
    enrolled, week1 = week1_recorded(study_users)
    study, users = enrolled.study, enrolled.users
    nurse = users["nurse"]
    with pytest.raises(ServiceError) as only_reviews:
        completeness.mark_reviewed(study, nurse, week1, "labs")
    assert only_reviews.value.code is Msg.REVIEW_FORM_ONLY
    with pytest.raises(ServiceError) as not_in_visit:
        completeness.mark_not_done(study, nurse, week1, "shaq", "Not collected")
    assert not_in_visit.value.code is Msg.FORM_NOT_IN_VISIT
    week4 = enrolled.schedule["week4"].id  # not recorded: nothing to complete yet
    with pytest.raises(ServiceError) as not_done:
        completeness.mark_reviewed(study, nurse, week4, "ae_review")
    assert not_done.value.code is Msg.VISIT_NOT_DONE
    visits.mark_missed(study, nurse, week4, "Patient in hospital", today=TODAY)
    with pytest.raises(ServiceError) as missed:
        completeness.mark_not_done(study, nurse, week4, "labs", "Missed visit")
    assert missed.value.code is Msg.VISIT_NOT_DONE
    with pytest.raises(PermissionDenied):
        completeness.mark_reviewed(study, users["monitor"], week1, "ae_review")
    assert completeness.visit_completeness(study, users["monitor"], week1).missing
    with pytest.raises(NotFound):
        completeness.clear_form_state(study, nurse, week1, "ae_review", "never checked")


def test_clear_and_change_a_state_keep_the_audit_trail(study_users: StudyWithUsers) -> None:
    enrolled, week1 = week1_recorded(study_users)
    study, nurse = enrolled.study, enrolled.users["nurse"]
    completeness.mark_not_done(study, nurse, week1, "ae_review", "Phone visit only")
    with pytest.raises(ReasonRequired):
        completeness.mark_reviewed(study, nurse, week1, "ae_review")
    changed = completeness.mark_reviewed(
        study, nurse, week1, "ae_review", reason="Reviewed by phone after all"
    )
    assert changed.state == "reviewed"
    assert changed.reason is None

    with pytest.raises(ReasonRequired):
        completeness.clear_form_state(study, nurse, week1, "ae_review", " ")
    cleared = completeness.clear_form_state(study, nurse, week1, "ae_review", "Ticked by mistake")
    assert cleared.state == "missing"
    with pytest.raises(ServiceError) as again:
        completeness.clear_form_state(study, nurse, week1, "ae_review", "Ticked by mistake")
    assert again.value.code is Msg.ALREADY_VOIDED
    # One row per visit and form: ticking again brings the voided row back.
    back = completeness.mark_reviewed(study, nurse, week1, "ae_review")
    assert back.state == "reviewed"
    assert back.state_id == changed.state_id

    with study.unit(actor="nurse") as session:
        history = audit.query(
            session, table_name="visit_form_states", record_id=str(changed.state_id)
        )
    voided = [row.new_value for row in reversed(history) if row.field == "voided"]
    assert voided[-2:] == ["true", "false"]
    reasons = {row.reason for row in history}
    assert {"Phone visit only", "Reviewed by phone after all", "Ticked by mistake"} <= reasons


def test_injection_visit_needs_vitals_before_and_after(study_users: StudyWithUsers) -> None:
    enrolled = enrol_patient(study_users, injected=INJECTED)
    study, nurse = enrolled.study, enrolled.users["nurse"]
    visit = enrolled.schedule["injection"].id
    add_row(study, vitals(enrolled, visit, "pre_injection"))
    assert completeness.visit_completeness(study, nurse, visit).status("vitals").state == "missing"
    add_row(study, vitals(enrolled, visit, "post_injection"))
    add_row(
        study,
        Injection(
            patient_id=enrolled.patient_id,
            visit_id=visit,
            injected_at=dt.datetime(2026, 2, 2, 10, 30),
            batch_number="MSC-001",
            batch_release_date=dt.date(2026, 1, 20),
            weight_kg=70.0,
            total_cells_million=140.0,
            dose_per_kg=2.0,
            volume_ml=10.0,
            injection_sites=10,
            muscles="m. flexor digitorum",
            operator="Dr. Visser",
        ),
    )
    add_row(
        study,
        InstrumentResponse(
            patient_id=enrolled.patient_id,
            visit_id=visit,
            instrument="eq5d",
            completed_on=INJECTED,
            completed_by="patient",
        ),
    )
    add_row(
        study,
        BiomarkerResult(
            patient_id=enrolled.patient_id,
            visit_id=visit,
            analyte="crp",
            value=4.0,
            unit="mg/L",
            sample_date=INJECTED,
        ),
    )
    result = completeness.visit_completeness(study, nurse, visit)
    got = states(result)
    assert got["vitals"] == got["injection"] == got["eq5d"] == got["biomarkers"] == "saved"
    assert got["shaq"] == got["labs"] == got["ulcer_map"] == "missing"


def test_patient_completeness_lists_recorded_visits_in_a_fixed_number_of_queries(
    study_users: StudyWithUsers,
) -> None:
    enrolled, week1 = week1_recorded(study_users)
    study, nurse = enrolled.study, enrolled.users["nurse"]
    with counting(study) as two_visits:
        result = completeness.patient_completeness(study, nurse, enrolled.patient_id)
    assert set(result) == {enrolled.schedule["injection"].id, week1}  # week 4.. not recorded
    assert result[week1].missing == ("vitals", "ulcer_map", "ae_review", "conmed_review", "labs")

    visits.record_visit(study, nurse, enrolled.schedule["week4"].id, WEEK4, today=TODAY)
    visits.add_unscheduled(study, nurse, enrolled.patient_id, WEEK4, today=TODAY)
    with counting(study) as four_visits:
        result = completeness.patient_completeness(study, nurse, enrolled.patient_id)
    assert len(result) == 4
    assert len(four_visits) == len(two_visits)

    listed = completeness.incomplete_visits(study, nurse)
    assert {v.visit_id for v in listed} == set(result)
    first = next(v for v in listed if v.visit_id == week1)
    assert first.label("nl") == "Week 1"
    assert first.missing == result[week1].missing


def test_a_visit_not_recorded_is_not_incomplete(study_users: StudyWithUsers) -> None:
    enrolled = enrol_patient(study_users, injected=INJECTED)
    study, nurse = enrolled.study, enrolled.users["nurse"]
    week1 = enrolled.schedule["week1"].id
    result = completeness.visit_completeness(study, nurse, week1)
    assert not result.recorded
    assert not result.complete
    assert week1 not in completeness.patient_completeness(study, nurse, enrolled.patient_id)
    # A visit voided away never shows either.
    with study.unit(actor="nurse", reason="test") as session:
        from sscvisit.model.entities import Visit

        session.execute(update(Visit).where(Visit.id == week1).values(voided=True))
    assert all(v.visit_id != week1 for v in completeness.incomplete_visits(study, nurse))
