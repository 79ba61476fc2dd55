"""The patient registry: numbering, validation, identity apart, nothing deleted."""

from __future__ import annotations

import datetime as dt

import pytest

from sscvisit.model.fields import FieldErrors, Problem
from sscvisit.services import patients
from sscvisit.services.errors import PermissionDenied
from tests.studyfixtures import StudyWithUsers, register_patient


def _problems(errors: FieldErrors) -> dict[str, Problem]:
    return {e.field: e.problem for e in errors.errors}


def test_subject_numbers_are_assigned_in_sequence(study_users: StudyWithUsers) -> None:
    nurse = study_users.users["nurse"]
    numbers = [
        register_patient(study_users.study, nurse, hospital_number=f"H{i}").subject_number
        for i in range(3)
    ]
    assert numbers == ["SSC-001", "SSC-002", "SSC-003"]
    assert patients.format_subject(1000) == "SSC-1000"


def test_duplicate_hospital_number_names_the_existing_subject(
    study_users: StudyWithUsers,
) -> None:
    nurse = study_users.users["nurse"]
    register_patient(study_users.study, nurse, hospital_number="H42")
    with pytest.raises(FieldErrors) as caught:
        register_patient(study_users.study, nurse, hospital_number="H42", family_name="Other")
    (error,) = caught.value.errors
    assert (error.field, error.problem, error.params) == (
        "hospital_number",
        Problem.DUPLICATE,
        {"subject": "SSC-001"},
    )
    assert len(patients.list_patients(study_users.study, nurse)) == 1


def test_identity_is_shown_only_to_nurses_and_investigators(study_users: StudyWithUsers) -> None:
    register_patient(study_users.study, study_users.users["nurse"], family_name="Zwart")
    for role in ("nurse", "investigator"):
        (row,) = patients.list_patients(study_users.study, study_users.users[role])
        assert row.identity is not None
        assert row.identity.family_name == "Zwart"
    for role in ("monitor", "admin"):
        (row,) = patients.list_patients(study_users.study, study_users.users[role])
        assert row.identity is None


def test_registration_checks_every_field_at_once() -> None:
    values = {
        "sex": "X",
        "birth_year": 1800,
        "consent_date": dt.date(2999, 1, 1),
        "consent_version": "",
        "family_name": "A",
        "given_names": "B",
        "date_of_birth": dt.date(1970, 1, 1),
        "hospital_number": "H1",
    }
    with pytest.raises(FieldErrors) as caught:
        patients.check_registration(values, on=dt.date(2026, 11, 25))
    assert _problems(caught.value) == {
        "sex": Problem.NOT_IN_CODELIST,
        "birth_year": Problem.BELOW_MINIMUM,
        "consent_date": Problem.DATE_IN_FUTURE,
        "consent_version": Problem.REQUIRED,
    }


def test_cross_field_rules() -> None:
    values = {
        "sex": "F",
        "birth_year": 1971,
        "consent_date": dt.date(1969, 1, 1),
        "consent_version": "v1",
        "family_name": "A",
        "given_names": "B",
        "date_of_birth": dt.date(1970, 1, 1),
        "hospital_number": "H1",
    }
    with pytest.raises(FieldErrors) as caught:
        patients.check_registration(values, on=dt.date(2026, 11, 25))
    assert _problems(caught.value) == {
        "birth_year": Problem.INCONSISTENT,
        "consent_date": Problem.INCONSISTENT,
    }


def test_monitor_and_admin_cannot_register_or_edit(study_users: StudyWithUsers) -> None:
    row = register_patient(study_users.study, study_users.users["nurse"])
    for role in ("monitor", "admin"):
        with pytest.raises(PermissionDenied):
            register_patient(study_users.study, study_users.users[role], hospital_number="H9")
        with pytest.raises(PermissionDenied):
            patients.update_patient(
                study_users.study, study_users.users[role], row.id, {"sex": "M"}, "because"
            )


def test_identity_changes_are_audited_with_reason(study_users: StudyWithUsers) -> None:
    nurse = study_users.users["nurse"]
    row = register_patient(study_users.study, nurse, family_name="Jansen")
    patients.update_patient(
        study_users.study, nurse, row.id, {"family_name": "Janssen"}, "Spelling per ID card"
    )
    changed = [
        r
        for r in patients.audit_trail(study_users.study, nurse, patient_id=row.id)
        if r.action == "update"
    ]
    assert [(r.table_name, r.old_value, r.new_value, r.reason) for r in changed] == [
        ("identities", "Jansen", "Janssen", "Spelling per ID card")
    ]


def test_register_many_is_all_or_nothing(study_users: StudyWithUsers) -> None:
    from sscvisit.services.demo import demo_registrations

    nurse = study_users.users["nurse"]
    batch = demo_registrations(3)
    clash = batch[2].__class__(**{**batch[2].values(), "hospital_number": batch[0].hospital_number})
    with pytest.raises(FieldErrors):
        patients.register_many(study_users.study, nurse, [*batch[:2], clash])
    assert patients.list_patients(study_users.study, nurse) == []


def test_a_void_patient_can_no_longer_be_changed(study_users: StudyWithUsers) -> None:
    from sscvisit.services.errors import Msg, ServiceError

    nurse = study_users.users["nurse"]
    row = register_patient(study_users.study, nurse)
    patients.void_patient(study_users.study, nurse, row.id, "Registered twice")
    with pytest.raises(ServiceError) as caught:
        patients.update_patient(study_users.study, nurse, row.id, {"sex": "M"}, "late fix")
    assert caught.value.code is Msg.RECORD_VOIDED


def test_administrators_see_the_pseudonymous_record(study_users: StudyWithUsers) -> None:
    row = register_patient(study_users.study, study_users.users["nurse"])
    seen = patients.get_patient(study_users.study, study_users.users["admin"], row.id)
    assert seen.subject_number == row.subject_number
    assert seen.identity is None
