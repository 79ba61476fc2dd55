"""The audit trail: every change recorded, chained, append-only, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from sscvisit.model import guards
from sscvisit.model.entities import Patient
from sscvisit.services import audit, auth, patients
from sscvisit.services.errors import Msg, ReasonRequired, ServiceError
from tests.studyfixtures import PASSWORDS, StudyWithUsers, register_patient


def _rows(made: StudyWithUsers, **kw: object) -> list[audit.AuditRow]:
    return patients.audit_trail(made.study, made.users["investigator"], **kw)  # type: ignore[arg-type]


def test_insert_writes_one_row_per_field_with_user_and_reason(study_users: StudyWithUsers) -> None:
    nurse = study_users.users["nurse"]
    row = register_patient(study_users.study, nurse)
    trail = _rows(study_users, patient_id=row.id)
    fields = {(r.table_name, r.field) for r in trail if r.action == "insert"}
    assert ("patients", "sex") in fields
    assert ("patients", "consent_date") in fields
    assert ("identities", "hospital_number") in fields
    assert all(r.username == "nurse" and r.reason == "patient registered" for r in trail)
    assert all(r.record_id is not None for r in trail)
    stamp = trail[0].timestamp_utc
    assert stamp.endswith("Z")
    assert dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def test_update_records_old_new_and_reason(study_users: StudyWithUsers) -> None:
    nurse = study_users.users["nurse"]
    row = register_patient(study_users.study, nurse)
    patients.update_patient(
        study_users.study, nurse, row.id, {"consent_version": "v2.2"}, "Source corrected"
    )
    update = next(r for r in _rows(study_users, patient_id=row.id) if r.action == "update")
    assert (update.field, update.old_value, update.new_value, update.reason) == (
        "consent_version",
        "v2.1",
        "v2.2",
        "Source corrected",
    )


def test_changing_a_saved_value_without_reason_is_refused(study_users: StudyWithUsers) -> None:
    nurse = study_users.users["nurse"]
    row = register_patient(study_users.study, nurse)
    with pytest.raises(ReasonRequired):
        patients.update_patient(study_users.study, nurse, row.id, {"consent_version": "x"}, " ")

    # Also for a code path that bypasses the patients service: the session hook refuses it.
    def change_behind_the_service() -> None:
        with study_users.study.unit(actor="nurse") as session:
            patient = session.get(Patient, row.id)
            assert patient is not None
            patient.consent_version = "sneaky"

    with pytest.raises(ReasonRequired) as caught:
        change_behind_the_service()
    assert caught.value.params == {"table": "patients", "field": "consent_version"}
    assert patients.get_patient(study_users.study, nurse, row.id).consent_version == "v2.1"


def test_orm_delete_is_refused_and_nothing_is_deleted(study_users: StudyWithUsers) -> None:
    nurse = study_users.users["nurse"]
    row = register_patient(study_users.study, nurse)

    def delete_behind_the_service() -> None:
        with study_users.study.unit(actor="nurse") as session:
            session.delete(session.get(Patient, row.id))

    with pytest.raises(ServiceError) as caught:
        delete_behind_the_service()
    assert caught.value.code is Msg.NOTHING_DELETED
    assert [p.id for p in patients.list_patients(study_users.study, nurse)] == [row.id]


def test_void_keeps_the_record_and_audits_the_reason(study_users: StudyWithUsers) -> None:
    nurse = study_users.users["nurse"]
    row = register_patient(study_users.study, nurse)
    with pytest.raises(ReasonRequired):
        patients.void_patient(study_users.study, nurse, row.id, "")
    patients.void_patient(study_users.study, nurse, row.id, "Registered twice")
    kept = patients.get_patient(study_users.study, nurse, row.id)
    assert kept.voided
    assert kept.void_reason == "Registered twice"
    void = [r for r in _rows(study_users, patient_id=row.id) if r.action == "void"]
    assert len(void) == 1
    assert void[0].reason == "Registered twice"


def test_raw_sql_cannot_update_or_delete_audit_rows(study_users: StudyWithUsers) -> None:
    register_patient(study_users.study, study_users.users["nurse"])
    engine = study_users.study.engine
    for statement in (
        "UPDATE audit_log SET reason = 'forged'",
        "DELETE FROM audit_log",
        "DELETE FROM patients",
        "DELETE FROM identities",
        "DELETE FROM users",
    ):
        with pytest.raises(DBAPIError), engine.begin() as conn:
            conn.execute(text(statement))
    assert audit.verify_chain(engine).ok


def test_chain_verifies_and_a_forged_row_is_named(study_users: StudyWithUsers) -> None:
    nurse = study_users.users["nurse"]
    register_patient(study_users.study, nurse)
    engine = study_users.study.engine
    report = audit.verify_chain(engine)
    assert report.ok
    assert report.rows_checked > 20
    with engine.begin() as conn:
        target = conn.execute(
            text("SELECT id FROM audit_log WHERE field = 'consent_version'")
        ).scalar_one()
        for statement in guards.drop_append_only(engine.dialect.name, "audit_log"):
            conn.execute(text(statement))
        conn.execute(text("UPDATE audit_log SET new_value = 'v9' WHERE id = :i"), {"i": target})
    report = audit.verify_chain(engine)
    assert not report.ok
    assert report.first_bad_id == target


def test_deleted_middle_row_breaks_the_chain(study_users: StudyWithUsers) -> None:
    register_patient(study_users.study, study_users.users["nurse"])
    engine = study_users.study.engine
    with engine.begin() as conn:
        for statement in guards.drop_append_only(engine.dialect.name, "audit_log"):
            conn.execute(text(statement))
        conn.execute(text("DELETE FROM audit_log WHERE id = 5"))
    report = audit.verify_chain(engine)
    assert report.first_bad_id == 6
    assert report.problem == "previous hash does not match"


def test_account_events_are_audited(study_users: StudyWithUsers) -> None:
    study = study_users.study
    admin = study_users.users["admin"]
    with pytest.raises(ServiceError):
        auth.login(study, "nurse", "wrong password!")
    auth.set_role(study, admin, study_users.users["monitor"].id, "nurse", "needs data entry")
    actions = [r.action for r in patients.audit_trail(study, admin)]
    for expected in ("account_created", "login", "login_failed", "role_changed"):
        assert expected in actions
    created = [r for r in patients.audit_trail(study, admin) if r.field == "password_hash"]
    assert created
    assert {r.new_value for r in created} == {audit.MASK}


def test_identity_values_are_masked_for_monitors(study_users: StudyWithUsers) -> None:
    row = register_patient(study_users.study, study_users.users["nurse"], family_name="Zwart")
    monitor_view = patients.audit_trail(
        study_users.study, study_users.users["monitor"], patient_id=row.id
    )
    nurse_view = patients.audit_trail(
        study_users.study, study_users.users["nurse"], patient_id=row.id
    )
    assert "Zwart" in {r.new_value for r in nurse_view}
    assert "Zwart" not in {r.new_value for r in monitor_view}
    assert audit.MASK in {r.new_value for r in monitor_view if r.table_name == "identities"}


def test_login_password_reaches_no_audit_value(study_users: StudyWithUsers) -> None:
    auth.login(study_users.study, "nurse", PASSWORDS["nurse"])
    with study_users.study.engine.connect() as conn:
        values = conn.execute(text("SELECT old_value, new_value FROM audit_log")).all()
    flat = {v for pair in values for v in pair if v}
    assert not any(PASSWORDS["nurse"] in v for v in flat)
