"""This week lists the recorded visits whose forms are not all done."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sscvisit.services import completeness, visits
from sscvisit.ui.week_overview import PATIENT_ROLE, IncompleteVisitModel
from tests.studyfixtures import StudyWithUsers
from tests.ui.test_week_overview import WEDNESDAY, make_overview, study_with_visits


def test_recorded_visits_with_missing_forms_are_listed(
    qtbot: QtBot, qtmodeltester: object, study_users: StudyWithUsers
) -> None:
    a, _b = study_with_visits(study_users)  # A's injection and week 1 are recorded
    overview = make_overview(qtbot, study_users)
    overview.refresh(WEDNESDAY)
    model = overview.incomplete_model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "Injection (baseline)",
        "Week 1",
    ]
    assert model.index(1, 0).data() == a.subject_number
    assert model.index(1, 3).data() == (
        "Vital signs, Ulcer map, Adverse event review, Medication review, Labs"
    )
    assert model.index(1, 0).data(PATIENT_ROLE) == a.id
    assert overview.incomplete_heading.text() == "Recorded visits with forms missing: 2"
    assert overview.incomplete_stack.currentWidget() is overview.incomplete_table

    nurse = study_users.users["nurse"]
    week1 = {v.visit_code: v for v in visits.schedule(study_users.study, nurse, a.id)}["week1"]
    for form in week1.forms:
        completeness.mark_not_done(study_users.study, nurse, week1.id, form, "Phone visit")
    overview.refresh(WEDNESDAY)
    assert model.rowCount() == 1
    assert overview.incomplete_heading.text().endswith(": 1")


def test_empty_model_passes_the_tester(qtmodeltester: object) -> None:
    qtmodeltester.check(IncompleteVisitModel("en"))  # type: ignore[attr-defined]
