"""Concomitant medication: the per-patient list, its rules, and the IV prostacyclin courses."""

from __future__ import annotations

import datetime as dt

import pytest

from sscvisit.model.fields import FieldErrors, Problem, Value
from sscvisit.services import conmeds
from sscvisit.services.errors import (
    ConflictError,
    Msg,
    PermissionDenied,
    ReasonRequired,
    ServiceError,
)
from tests.studyfixtures import StudyWithUsers, register_patient

pytestmark = pytest.mark.backends

TODAY = dt.date(2026, 3, 1)


def iloprost(**changes: Value) -> dict[str, Value]:
    values: dict[str, Value] = {
        "drug": "Iloprost",
        "dose": "0.5-2 ng/kg/min, 5 days",
        "route": "iv",
        "start_date": dt.date(2025, 10, 6),
        "stop_date": dt.date(2025, 10, 10),
        "ongoing": False,
        "indication": "Digital ulcers",
        "prostacyclin": True,
    }
    values.update(changes)
    return values


def nifedipine(**changes: Value) -> dict[str, Value]:
    values: dict[str, Value] = {
        "drug": "Nifedipine",
        "dose": "30 mg once daily",
        "route": "oral",
        "start_date": dt.date(2020, 5, 1),
        "ongoing": True,
        "indication": "Raynaud's phenomenon",
    }
    values.update(changes)
    return values


def rules(refused: pytest.ExceptionInfo[FieldErrors]) -> dict[str, object]:
    return {e.field: e.params.get("rule", e.problem) for e in refused.value.errors}


def test_record_list_update_and_void(study_users: StudyWithUsers) -> None:
    study, users = study_users.study, study_users.users
    nurse = users["nurse"]
    # Registered, not yet screened or enrolled: medication can be recorded already.
    patient = register_patient(study, nurse)
    course = conmeds.record_conmed(study, nurse, patient.id, iloprost(), today=TODAY)
    daily = conmeds.record_conmed(
        study, nurse, patient.id, nifedipine(dose="  ", indication=None), today=TODAY
    )
    assert daily.dose is None
    assert daily.ongoing
    assert daily.stop_date is None
    assert not daily.prostacyclin  # an absent flag is unticked
    assert [c.drug for c in conmeds.list_conmeds(study, nurse, patient.id)] == [
        "Iloprost",
        "Nifedipine",
    ]  # newest start first

    with pytest.raises(ReasonRequired) as why:
        conmeds.update_conmed(
            study, nurse, daily.id, nifedipine(dose="60 mg"), reason=None, today=TODAY
        )
    assert why.value.params["field"] == "dose"
    with pytest.raises(ConflictError):
        conmeds.update_conmed(
            study,
            nurse,
            daily.id,
            nifedipine(dose="60 mg"),
            reason="Dose raised",
            expected_version=daily.version + 5,
            today=TODAY,
        )
    stopped = conmeds.update_conmed(
        study,
        nurse,
        daily.id,
        nifedipine(ongoing=False, stop_date=dt.date(2026, 2, 20)),
        reason="Stopped before the injection",
        expected_version=daily.version,
        today=TODAY,
    )
    assert not stopped.ongoing
    assert stopped.stop_date == dt.date(2026, 2, 20)
    assert stopped.version == daily.version + 1
    same = conmeds.update_conmed(
        study, nurse, daily.id, stopped.values(), reason=None, today=TODAY
    )  # nothing changed: no reason needed
    assert same.version == stopped.version

    with pytest.raises(ReasonRequired):
        conmeds.void_conmed(study, nurse, course.id, "  ")
    voided = conmeds.void_conmed(study, nurse, course.id, "Entered for the wrong patient")
    assert voided.voided
    assert voided.void_reason == "Entered for the wrong patient"
    with pytest.raises(ServiceError) as again:
        conmeds.void_conmed(study, nurse, course.id, "again")
    assert again.value.code is Msg.ALREADY_VOIDED
    with pytest.raises(ServiceError) as changed:
        conmeds.update_conmed(study, nurse, course.id, iloprost(), reason="x", today=TODAY)
    assert changed.value.code is Msg.RECORD_VOIDED
    assert len(conmeds.list_conmeds(study, nurse, patient.id)) == 2  # void ones stay listed
    assert len(conmeds.list_conmeds(study, nurse, patient.id, include_voided=False)) == 1

    with pytest.raises(PermissionDenied):
        conmeds.record_conmed(study, users["monitor"], patient.id, nifedipine(), today=TODAY)
    assert conmeds.list_conmeds(study, users["monitor"], patient.id)


def test_rules_all_at_once(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)  # born 1970
    with pytest.raises(FieldErrors) as refused:
        conmeds.record_conmed(
            study,
            nurse,
            patient.id,
            iloprost(
                route="oral",
                start_date=dt.date(1969, 1, 1),
                stop_date=dt.date(1968, 12, 1),
                drug="",
            ),
            today=TODAY,
        )
    assert rules(refused) == {
        "drug": Problem.REQUIRED,
        "stop_date": "stop_before_start",
        "start_date": "start_before_birth",
        "route": "prostacyclin_not_iv",
    }
    with pytest.raises(FieldErrors) as both:
        conmeds.record_conmed(
            study, nurse, patient.id, nifedipine(stop_date=dt.date(2026, 1, 1)), today=TODAY
        )
    assert rules(both) == {"stop_date": "ongoing_with_stop_date"}
    with pytest.raises(FieldErrors) as neither:
        conmeds.record_conmed(study, nurse, patient.id, nifedipine(ongoing=False), today=TODAY)
    assert rules(neither) == {"stop_date": "stop_or_ongoing"}
    with pytest.raises(FieldErrors) as future:
        conmeds.record_conmed(
            study, nurse, patient.id, nifedipine(start_date=dt.date(2026, 3, 2)), today=TODAY
        )
    assert rules(future) == {"start_date": Problem.DATE_IN_FUTURE}
    same_day = conmeds.record_conmed(
        study,
        nurse,
        patient.id,
        iloprost(start_date=dt.date(2026, 1, 5), stop_date=dt.date(2026, 1, 5)),
        today=TODAY,
    )
    assert same_day.start_date == same_day.stop_date
    assert len(conmeds.list_conmeds(study, nurse, patient.id)) == 1  # nothing saved half


def test_prostacyclin_courses(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    other = register_patient(study, nurse, hospital_number="H1000002")
    older = conmeds.record_conmed(
        study,
        nurse,
        patient.id,
        iloprost(start_date=dt.date(2025, 3, 3), stop_date=dt.date(2025, 3, 7)),
        today=TODAY,
    )
    newer = conmeds.record_conmed(study, nurse, patient.id, iloprost(), today=TODAY)
    running = conmeds.record_conmed(
        study,
        nurse,
        patient.id,
        iloprost(drug="Epoprostenol", start_date=dt.date(2026, 2, 1), stop_date=None, ongoing=True),
        today=TODAY,
    )
    conmeds.record_conmed(study, nurse, patient.id, nifedipine(), today=TODAY)
    conmeds.record_conmed(study, nurse, other.id, iloprost(), today=TODAY)
    wrong = conmeds.record_conmed(
        study, nurse, patient.id, iloprost(start_date=dt.date(2024, 1, 1)), today=TODAY
    )
    conmeds.void_conmed(study, nurse, wrong.id, "Duplicate")
    courses = conmeds.prostacyclin_courses(study, nurse, patient.id)
    assert [c.id for c in courses] == [running.id, newer.id, older.id]
    assert courses[0].ongoing
    assert courses[0].stop_date is None
