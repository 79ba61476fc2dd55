"""Build real study databases with one user per role, for service and UI tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sscvisit.services import auth, patients
from sscvisit.services.dto import PatientRow, UserInfo, VisitInfo
from sscvisit.services.study import Study

PASSWORDS = {
    "admin": "admin-password-1",
    "nurse": "nurse-password-1",
    "investigator": "investigator-password-1",
    "monitor": "monitor-password-1",
}


@dataclass
class StudyWithUsers:
    study: Study
    users: dict[str, UserInfo]  # role -> logged-in user (password already changed)


def make_study(url: str) -> StudyWithUsers:
    """A fresh study database with an administrator and one active user of each other role."""
    study = Study.open(url)
    auth.create_first_admin(study, "admin", "Ada Admin", PASSWORDS["admin"])
    admin = auth.login(study, "admin", PASSWORDS["admin"])
    users = {"admin": admin}
    names = {"nurse": "Nina Nurse", "investigator": "Ivo Investigator", "monitor": "Mo Monitor"}
    for role, full_name in names.items():
        temporary = f"temporary-{role}-1"
        auth.create_user(study, admin, role, full_name, role, temporary)
        user = auth.login(study, role, temporary)
        users[role] = auth.change_password(study, user, temporary, PASSWORDS[role])
    return StudyWithUsers(study, users)


def register_patient(
    study: Study,
    nurse: UserInfo,
    *,
    family_name: str = "Jansen",
    given_names: str = "Anna",
    date_of_birth: dt.date = dt.date(1970, 3, 4),
    hospital_number: str = "H1000001",
    sex: str = "F",
    consent_date: dt.date = dt.date(2026, 1, 5),
    consent_version: str = "v2.1",
) -> PatientRow:
    return patients.register(
        study,
        nurse,
        patients.Registration(
            sex=sex,
            birth_year=date_of_birth.year,
            consent_date=consent_date,
            consent_version=consent_version,
            family_name=family_name,
            given_names=given_names,
            date_of_birth=date_of_birth,
            hospital_number=hospital_number,
        ),
    )


@dataclass
class EnrolledPatient:
    """An enrolled patient whose injection visit is recorded; ``schedule`` maps visit codes."""

    study: Study
    users: dict[str, UserInfo]
    patient_id: int
    schedule: dict[str, VisitInfo]
    injected: dt.date


def enrol_patient(
    made: StudyWithUsers,
    *,
    injected: dt.date = dt.date(2026, 2, 2),
    hospital_number: str = "H1000001",
    record_injection_visit: bool = True,
) -> EnrolledPatient:
    """Register, screen (eligible, confirmed) and enrol a patient; record the injection visit."""
    from sscvisit.services import demo, screening, visits

    study, users = made.study, made.users
    nurse = users["nurse"]
    screened = injected - dt.timedelta(days=14)
    patient = register_patient(
        study, nurse, hospital_number=hospital_number, consent_date=screened - dt.timedelta(days=7)
    )
    draft = screening.save_screening(
        study, nurse, patient.id, demo.eligible_screening(screened), today=screened
    )
    screening.confirm_screening(study, "investigator", PASSWORDS["investigator"], draft.id)
    visits.enrol(
        study,
        nurse,
        patient.id,
        planned_injection_date=injected,
        today=screened + dt.timedelta(days=2),
    )
    schedule = {v.visit_code: v for v in visits.schedule(study, nurse, patient.id)}
    if record_injection_visit:
        visits.record_visit(study, nurse, schedule["injection"].id, injected, today=injected)
        schedule = {v.visit_code: v for v in visits.schedule(study, nurse, patient.id)}
    return EnrolledPatient(study, users, patient.id, schedule, injected)
