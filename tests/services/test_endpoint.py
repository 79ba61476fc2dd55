"""The primary end point: SAEs from the injection to week 12 (+ window), on both backends.

AEs are recorded through the AE service (``safety.record_ae``, ``safety.void_ae``); ``add_ae``
below is shared with the view's tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sscvisit.model.entities import AuditEntry, Injection
from sscvisit.model.fields import Value
from sscvisit.services import clock, endpoint, safety
from sscvisit.services.endpoint import (
    GRADES,
    RELATIONS,
    EndpointReport,
    endpoint_window,
    patient_endpoint,
    study_endpoint,
)
from sscvisit.services.errors import Msg, NotFound, PermissionDenied
from sscvisit.services.protocol import Protocol, default_protocol, parse_protocol
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

D = dt.date
INJECTED = D(2026, 2, 2)
LAST_DAY = INJECTED + dt.timedelta(days=84 + 7)  # 2026-05-04
AFTER = D(2026, 6, 1)  # every window has closed
RECORDED = dt.datetime(2026, 12, 1, 12, 0)  # when the tests' AEs are entered (after any onset)


def add_ae(
    enrolled: EnrolledPatient,
    onset: dt.date,
    *,
    term: str = "Headache",
    grade: int = 1,
    product: str = "not_related",
    procedure: str = "not_related",
    criteria: tuple[str, ...] = (),
    voided: bool = False,
) -> int:
    """Record one AE of the patient at the injection visit (the AE service); its number."""
    nurse = enrolled.users["nurse"]
    values: dict[str, Value] = {
        "term": term,
        "onset_date": onset,
        "ongoing": True,
        "intensity": "moderate",
        "who_grade": grade,
        "relation_product": product,
        "relation_procedure": procedure,
        "action_taken": "none",
        "outcome": "recovering",
        **dict.fromkeys(criteria, True),
    }
    if criteria:
        values["aware_at"] = dt.datetime.combine(onset, dt.time(9, 0))
    event = safety.record_ae(
        enrolled.study, nurse, enrolled.schedule["injection"].id, values, now=RECORDED
    )
    if voided:
        safety.void_ae(enrolled.study, nurse, event.id, "entered for the wrong patient")
    return event.number


def add_injection(enrolled: EnrolledPatient, at: dt.datetime) -> None:
    """An injection record (without going through the injection service)."""
    nurse = enrolled.users["nurse"]
    with enrolled.study.unit(actor=nurse.username, reason="injection recorded") as session:
        session.add(
            Injection(
                patient_id=enrolled.patient_id,
                visit_id=enrolled.schedule["injection"].id,
                injected_at=at,
                batch_number="MSC-001",
                batch_release_date=at.date() - dt.timedelta(days=3),
                weight_kg=70.0,
                total_cells_million=140.0,
                dose_per_kg=2.0,
                volume_ml=10.0,
                injection_sites=20,
                muscles="m. flexor digitorum",
                operator="Dr. Visser",
                created_utc=clock.utc_stamp(),
            )
        )


@pytest.fixture
def enrolled(study_users: StudyWithUsers) -> EnrolledPatient:
    return enrol_patient(study_users, injected=INJECTED)


def report(made: EnrolledPatient | StudyWithUsers, today: dt.date = AFTER) -> EndpointReport:
    return study_endpoint(made.study, made.users["monitor"], today=today)


def moved(day: int, after: int) -> Protocol:
    text = resources.files("sscvisit.resources").joinpath("protocol.json").read_text("utf-8")
    raw = json.loads(text)
    for visit in raw["visits"]:
        if visit["code"] == "week12":
            visit["day"], visit["window_after"] = day, after
    return parse_protocol(raw)


# -- the window, pure ------------------------------------------------------------------------


def test_the_window_runs_from_the_injection_to_week_12_plus_its_window_after() -> None:
    week12 = default_protocol().visit("week12")
    assert endpoint_window(INJECTED) == (
        INJECTED,
        INJECTED + dt.timedelta(days=week12.day or 0) + dt.timedelta(days=week12.window_after),
    )
    assert endpoint_window(INJECTED) == (INJECTED, LAST_DAY)


def test_a_moved_protocol_window_moves_the_edge() -> None:
    assert endpoint_window(INJECTED, moved(84, 14))[1] == LAST_DAY + dt.timedelta(days=7)
    assert endpoint_window(INJECTED, moved(90, 0))[1] == INJECTED + dt.timedelta(days=90)


# -- the end point count ---------------------------------------------------------------------


@pytest.mark.backends
def test_the_sae_count_is_inclusive_at_both_edges_of_the_window(
    enrolled: EnrolledPatient,
) -> None:
    hospital = ("serious_hospitalisation",)
    before = add_ae(enrolled, INJECTED - dt.timedelta(days=1), term="Day -1", criteria=hospital)
    first = add_ae(enrolled, INJECTED, term="Day 0", criteria=hospital)
    last = add_ae(enrolled, LAST_DAY, term="Last day", criteria=("serious_important",))
    after = add_ae(enrolled, LAST_DAY + dt.timedelta(days=1), term="Day after", criteria=hospital)

    mine = patient_endpoint(
        enrolled.study, enrolled.users["nurse"], enrolled.patient_id, today=AFTER
    )
    assert mine.injection_date == INJECTED
    assert mine.window_end == LAST_DAY
    assert mine.sae_count == 2
    assert [s.number for s in mine.saes] == [first, last]
    assert [s.study_day for s in mine.saes] == [0, 91]
    assert mine.saes[1].criteria == ("serious_important",)
    assert {e.number for e in mine.outside} == {before, after}
    assert all(not e.in_window for e in mine.outside)

    whole = report(enrolled)
    assert [p.subject_number for p in whole.patients] == [mine.subject_number]
    assert whole.patients[0] == mine
    assert whole.totals.sae_total == 2
    assert whole.totals.patients_with_sae == 1
    assert whole.totals.outside_total == 2
    assert [s.term for s in whole.saes] == ["Day 0", "Last day"]


@pytest.mark.backends
def test_voided_aes_never_count_and_non_serious_ones_count_only_in_the_table(
    enrolled: EnrolledPatient,
) -> None:
    add_ae(enrolled, INJECTED + dt.timedelta(days=3), criteria=("serious_important",), voided=True)
    add_ae(enrolled, INJECTED + dt.timedelta(days=3), grade=3, product="possible", voided=True)
    add_ae(enrolled, INJECTED + dt.timedelta(days=5), grade=2, product="probable")
    add_ae(enrolled, INJECTED + dt.timedelta(days=6), grade=2, procedure="certain")
    add_ae(
        enrolled,
        INJECTED + dt.timedelta(days=10),
        grade=4,
        product="unlikely",
        procedure="possible",
        criteria=("serious_life_threatening", "serious_hospitalisation"),
    )

    whole = report(enrolled)
    mine = whole.patients[0]
    assert mine.sae_count == 1
    assert mine.saes[0].criteria == ("serious_life_threatening", "serious_hospitalisation")
    assert mine.ae_count == 3
    assert mine.by_grade == (0, 0, 2, 0, 1)
    codes = [r.value for r in RELATIONS]
    assert codes == ["not_related", "unlikely", "possible", "probable", "certain"]
    assert mine.by_relation_product == (1, 1, 0, 1, 0)
    assert mine.by_relation_procedure == (1, 0, 1, 0, 1)
    totals = whole.totals
    assert (totals.sae_total, totals.ae_total, totals.patients_with_sae) == (1, 3, 1)
    assert totals.by_grade == (0, 0, 2, 0, 1)
    product = {
        (GRADES[g], codes[r]): n
        for g, row in enumerate(totals.by_grade_product)
        for r, n in enumerate(row)
        if n
    }
    assert product == {(2, "probable"): 1, (2, "not_related"): 1, (4, "unlikely"): 1}
    procedure = {
        (GRADES[g], codes[r]): n
        for g, row in enumerate(totals.by_grade_procedure)
        for r, n in enumerate(row)
        if n
    }
    assert procedure == {(2, "not_related"): 1, (2, "certain"): 1, (4, "possible"): 1}


@pytest.mark.backends
def test_only_injected_patients_are_in_the_end_point(study_users: StudyWithUsers) -> None:
    by_visit = enrol_patient(study_users, injected=INJECTED, hospital_number="H1000001")
    by_record = enrol_patient(study_users, injected=INJECTED, hospital_number="H1000002")
    waiting = enrol_patient(
        study_users, injected=INJECTED, hospital_number="H1000003", record_injection_visit=False
    )
    # The injection record's date wins over the visit's (the injection service keeps the two
    # equal; inserted directly here, a day apart, to show which one is read). Its time of day
    # does not matter.
    add_injection(by_record, dt.datetime.combine(INJECTED + dt.timedelta(days=1), dt.time(23, 50)))
    add_ae(by_record, LAST_DAY + dt.timedelta(days=1), criteria=("serious_important",))

    whole = report(study_users)
    ids = [p.patient_id for p in whole.patients]
    assert sorted(ids) == sorted([by_visit.patient_id, by_record.patient_id])
    dates = {p.patient_id: (p.injection_date, p.window_end) for p in whole.patients}
    assert dates[by_visit.patient_id] == (INJECTED, LAST_DAY)
    shifted = INJECTED + dt.timedelta(days=1)
    assert dates[by_record.patient_id] == (shifted, LAST_DAY + dt.timedelta(days=1))
    assert whole.totals.sae_total == 1  # the SAE of by_record on its (shifted) last day
    assert whole.totals.patients_injected == 2
    subjects = [p.subject_number for p in whole.patients]
    assert subjects == sorted(subjects)

    with pytest.raises(NotFound):
        patient_endpoint(study_users.study, study_users.users["nurse"], waiting.patient_id)
    with pytest.raises(NotFound):
        patient_endpoint(study_users.study, study_users.users["nurse"], 99999)


@pytest.mark.backends
def test_follow_up_is_complete_after_the_window_or_once_week_12_is_recorded(
    enrolled: EnrolledPatient,
) -> None:
    from sscvisit.services import visits

    nurse = enrolled.users["nurse"]
    assert not report(enrolled, today=LAST_DAY).patients[0].follow_up_complete
    assert report(enrolled, today=LAST_DAY + dt.timedelta(days=1)).patients[0].follow_up_complete
    week12 = enrolled.schedule["week12"]
    visit_day = INJECTED + dt.timedelta(days=84)
    visits.record_visit(enrolled.study, nurse, week12.id, visit_day, today=visit_day)
    whole = report(enrolled, today=visit_day)
    assert whole.patients[0].follow_up_complete
    assert whole.totals.patients_complete == 1


@pytest.mark.backends
def test_the_report_names_the_protocol_and_reads_without_writing(
    enrolled: EnrolledPatient,
) -> None:
    add_ae(enrolled, INJECTED, criteria=("serious_important",))
    with enrolled.study.unit(actor="check") as session:
        before = session.scalar(select(func.count()).select_from(AuditEntry))
    whole = report(enrolled)
    with enrolled.study.unit(actor="check") as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == before
    protocol = default_protocol()
    assert (whole.protocol_name, whole.protocol_version) == (protocol.name, protocol.version)
    assert (whole.endpoint_day, whole.window_after, whole.last_day) == (84, 7, 91)
    assert whole.today == AFTER
    assert clock.parse_stamp(whole.generated_utc) <= clock.utcnow()
    # No identifier anywhere in the report (the hospital number is H1000001, the name Jansen).
    text = repr(dataclasses.asdict(whole))
    assert "H1000001" not in text
    assert "Jansen" not in text


def test_reading_needs_view_data(study_users: StudyWithUsers) -> None:
    with pytest.raises(PermissionDenied) as caught:  # the administrator manages users only
        study_endpoint(study_users.study, study_users.users["admin"], today=AFTER)
    assert caught.value.code is Msg.PERMISSION_DENIED
    assert endpoint.ENDPOINT_VISIT == "week12"


@pytest.mark.backends
def test_an_export_is_recorded_in_the_audit_trail_with_its_digest(
    study_users: StudyWithUsers, tmp_path: Path
) -> None:
    import hashlib

    from sscvisit.services import audit

    study, monitor = study_users.study, study_users.users["monitor"]
    written = tmp_path / "end point.csv"
    written.write_text("Subject,SAEs\r\nSSC-001,0\r\n", encoding="utf-8")
    digest = endpoint.record_export(study, monitor, "csv", written)
    assert digest == hashlib.sha256(written.read_bytes()).hexdigest()
    assert endpoint.record_export(study, monitor, "print") is None
    with study.unit() as session:
        events = [row for row in audit.query(session) if row.action == "export"]
    assert [(e.username, e.new_value) for e in events] == [
        ("monitor", "print"),
        ("monitor", f"csv: end point.csv sha256={digest}"),
    ]
    assert all(e.reason == "primary end point exported" for e in events)
    assert audit.verify_chain(study.engine).ok
    with pytest.raises(ValueError, match="unknown export kind"):
        endpoint.record_export(study, monitor, "odm")
    with pytest.raises(PermissionDenied):
        endpoint.record_export(study, study_users.users["admin"], "print")
