"""The demo study: every kind of patient a screen needs, through the real services."""

from __future__ import annotations

import datetime as dt
from collections import Counter

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
