"""The demo study: every kind of patient a screen needs, through the real services."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from sscvisit.services import audit, demo, patients, screening, visits
from sscvisit.services.study import Study

TODAY = dt.date(2026, 11, 25)  # a Wednesday


def test_demo_study_has_screened_enrolled_and_failed_patients(sqlite_url: str) -> None:
    study = Study.open(sqlite_url)
    try:
        demo.create_demo(study, today=TODAY)
        nurse = demo.login_demo(study)
        rows = patients.list_patients(study, nurse)
        statuses = Counter(r.status for r in rows)
        assert statuses["enrolled"] == len(demo.ENROLLED)
        assert statuses["screen_failed"] == 2
        assert statuses["screening"] == 2  # one re-screened and eligible, one draft
        rescreened = [r for r in rows if len(screening.list_screenings(study, nurse, r.id)) == 2]
        assert len(rescreened) == 1
        history = screening.list_screenings(study, nurse, rescreened[0].id)
        assert [s.result for s in history] == ["eligible", "not_eligible"]

        visit_statuses: Counter[str] = Counter()
        for row in rows:
            if row.status == "enrolled":
                visit_statuses.update(
                    v.status for v in visits.schedule(study, nurse, row.id, today=TODAY)
                )
        assert visit_statuses["done_out_of_window"] == 1
        assert visit_statuses["missed"] == 1
        assert visit_statuses["done"] >= 10
        due, overdue = visits.due_and_overdue(study, nurse, today=TODAY)
        assert due
        assert [v.visit_code for v in overdue] == ["week1"]
        assert audit.verify_chain(study.engine).ok
    finally:
        study.close()


def test_small_demo_has_no_scenarios(sqlite_url: str) -> None:
    study = Study.open(sqlite_url)
    try:
        demo.create_demo(study, patient_count=4, today=TODAY)
        nurse = demo.login_demo(study)
        assert {r.status for r in patients.list_patients(study, nurse)} == {"registered"}
    finally:
        study.close()


def test_demo_questionnaires_at_baseline_and_week_12(sqlite_url: str) -> None:
    from sscvisit.services import questionnaires

    study = Study.open(sqlite_url)
    try:
        demo.create_demo(study, today=TODAY)
        nurse = demo.login_demo(study)
        enrolled = [r for r in patients.list_patients(study, nurse) if r.status == "enrolled"]
        complete = enrolled[0]  # the first scenario has every visit done
        for code in ("shaq", "rand36", "eq5d", "chfs", "capillaroscopy"):
            over_time = questionnaires.scores_over_time(study, nurse, complete.id, code)
            assert [visit.visit_code for visit, _scores in over_time] == ["injection", "week12"]
        caps = questionnaires.scores_over_time(study, nurse, complete.id, "capillaroscopy")
        mes = {visit.visit_code: {s.key: s.value for s in scores}["mes"] for visit, scores in caps}
        assert all(value is not None for value in mes.values())
    finally:
        study.close()


def test_demo_ulcer_histories_heal_recur_and_infect(sqlite_url: str) -> None:
    from sscvisit.services import ulcers

    study = Study.open(sqlite_url)
    try:
        demo.create_demo(study, today=TODAY)
        nurse = demo.login_demo(study)
        enrolled = [r for r in patients.list_patients(study, nurse) if r.status == "enrolled"]
        history = ulcers.ulcer_history(study, nurse, enrolled[0].id)
        statuses = [p.status for h in history for p in h.points]
        assert "healed" in statuses
        assert any(h.points[0].visit_code != "injection" for h in history)  # a new one later
        assert any(h.recurrence_of for h in history)
        assert any(p.infection for h in history for p in h.points)
        with_maps = [r for r in enrolled if ulcers.ulcer_history(study, nurse, r.id)]
        assert len(with_maps) >= 5
    finally:
        study.close()


@pytest.mark.backends
def test_demo_safety_data_injections_saes_labs_biomarkers_conmeds(db_url: str) -> None:
    from sscvisit.services import (
        biomarkers,
        completeness,
        conmeds,
        injection,
        labs,
        safety,
    )

    study = Study.open(db_url)
    try:
        made = demo.create_demo(study, today=TODAY)
        now = made.now
        assert now is not None
        assert now.date() == TODAY
        nurse = demo.login_demo(study)
        enrolled = [r for r in patients.list_patients(study, nurse) if r.status == "enrolled"]
        schedules = {r.id: visits.schedule(study, nurse, r.id, today=TODAY) for r in enrolled}
        injected = [
            r.id
            for r in enrolled
            if any(v.visit_code == "injection" and v.outcome == "done" for v in schedules[r.id])
        ]
        assert len(injected) == len(demo.ENROLLED) - 1  # all but the planned one
        for patient_id in injected:
            made_injection = injection.get_injection(study, nurse, patient_id)
            assert made_injection is not None
            assert 52 <= made_injection.weight_kg <= 88
            assert 1.8 <= made_injection.dose_per_kg <= 2.2
            assert made_injection.operator == demo.DEMO_USERS["investigator"][1]
            baseline = next(v for v in schedules[patient_id] if v.visit_code == "injection")
            assert set(injection.get_vitals(study, nurse, baseline.id)) == {
                "pre_injection",
                "post_injection",
            }

        # Two SAEs reported (one in time, one late with its reason) and one still due.
        aes = [ae for r in enrolled for ae in safety.list_aes(study, nurse, r.id, now=now)]
        serious = [ae for ae in aes if ae.serious]
        assert Counter(ae.report_state for ae in serious) == Counter(
            {"reported_in_time": 1, "reported_late": 1, "due": 1}
        )
        late = next(ae for ae in serious if ae.report_state == "reported_late")
        assert late.late_reason
        assert late.aware_at is not None
        assert late.aware_at.weekday() == 5  # a Saturday
        due = safety.open_saes(study, nurse, now=now)
        assert len(due) == 1
        assert not due[0].overdue
        assert due[0].aware_at <= now < due[0].deadline
        assert [ae.term for ae in aes if ae.immediate_reaction]
        assert {ae.who_grade for ae in aes} >= {1, 2, 3}
        in_time = next(ae for ae in serious if ae.report_state == "reported_in_time")
        history = safety.ae_history(study, nurse, in_time.id)
        assert {row.reason for row in history} >= {
            "adverse event recorded",
            "Follow-up report: discharged on day 15, infection resolved",
            "Intensity corrected after the discharge letter",
        }
        assert in_time.intensity == "severe"
        assert in_time.outcome == "recovered"

        # Labs: a grade-3 haemoglobin suggests an AE not yet recorded; the ALT rise is recorded.
        results = {r.id: labs.lab_results(study, nurse, r.id) for r in enrolled}
        suggested = [lab for found in results.values() for lab in found if lab.suggests_ae]
        anaemia = [lab for lab in suggested if lab.analyte == "haemoglobin"]
        assert len(anaemia) == 1
        assert anaemia[0].who_grade == 3
        assert not anaemia[0].is_baseline
        alt = [lab for lab in suggested if lab.analyte == "alt"]
        assert len(alt) == 1
        assert (alt[0].baseline_grade, alt[0].who_grade) == (0, 2)
        alt_aes = safety.list_aes(study, nurse, alt[0].patient_id, now=now)
        alt_ae = next(ae for ae in alt_aes if ae.term == "ALT increased")
        assert alt_ae.lab_result_id == alt[0].id  # recorded from the suggestion
        assert alt[0].recorded_ae == (alt_ae.number, "ALT increased")
        assert not alt[0].open_suggestion
        assert anaemia[0].recorded_ae is None
        assert anaemia[0].open_suggestion  # left for the nurse on purpose
        anaemia_terms = [
            ae.term for ae in safety.list_aes(study, nurse, anaemia[0].patient_id, now=now)
        ]
        assert not any("anaemia" in term.lower() for term in anaemia_terms)
        assert len(suggested) == 2  # everything else is normal

        # The biomarker panel at baseline, changing from it at week 4.
        complete = enrolled[0]
        panel = [marker.code for marker in biomarkers.panel()]
        markers = biomarkers.biomarker_results(study, nurse, complete.id)
        assert [m.analyte for m in markers if m.visit_code == "injection"] == panel
        assert all(m.change is not None for m in markers if m.visit_code == "week4")

        # Medication: each enrolled patient's IV prostacyclin course is the screening's.
        for row in enrolled:
            courses = conmeds.prostacyclin_courses(study, nurse, row.id)
            assert len(courses) == 1
            screened = screening.list_screenings(study, nurse, row.id)[0]
            assert (courses[0].start_date, courses[0].stop_date) == (
                screened.prostacyclin_start,
                screened.prostacyclin_end,
            )
            assert any(c.ongoing for c in conmeds.list_conmeds(study, nurse, row.id))

        # Most visits done are complete; a few show what is missing; one form was not done.
        done = [
            c
            for r in enrolled
            for c in completeness.patient_completeness(study, nurse, r.id).values()
        ]
        incomplete = [c for c in done if not c.complete]
        assert len(done) >= 15
        assert 1 <= len(incomplete) <= 3
        not_done = [f for c in done for f in c.forms if f.state == "not_done"]
        assert [f.form for f in not_done] == ["labs"]
        assert not_done[0].reason
        reviewed = [f for c in done for f in c.forms if f.state == "reviewed"]
        assert len(reviewed) >= 2 * 8  # both checks at every follow-up visit done
        assert audit.verify_chain(study.engine).ok
    finally:
        study.close()


def test_demo_now_defaults_to_noon_of_another_day(sqlite_url: str) -> None:
    from sscvisit.services import safety

    study = Study.open(sqlite_url)
    try:
        day = dt.date(2025, 3, 12)
        made = demo.create_demo(study, today=day)
        assert made.now == dt.datetime(2025, 3, 12, 12, 0)
        nurse = demo.login_demo(study)
        due = safety.open_saes(study, nurse, now=made.now)
        assert len(due) == 1
        assert due[0].aware_at.date() == day
        assert dt.timedelta(0) < due[0].remaining <= dt.timedelta(hours=24)
    finally:
        study.close()
