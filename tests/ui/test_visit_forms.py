"""The forms a visit collects, under the timeline: state and the way into each form."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from sscvisit.services import demo, patients, visits
from sscvisit.services.study import Study
from sscvisit.ui.context import UiContext
from sscvisit.ui.questionnaire_form import QuestionnaireDialog
from sscvisit.ui.visit_forms import VisitForms

TODAY = dt.date(2026, 11, 25)


def test_forms_follow_the_protocol_and_show_what_is_entered(qtbot: QtBot, sqlite_url: str) -> None:
    study = Study.open(sqlite_url)
    try:
        demo.create_demo(study, today=TODAY)
        nurse = demo.login_demo(study)
        enrolled = [r for r in patients.list_patients(study, nurse) if r.status == "enrolled"]
        schedule = {v.visit_code: v for v in visits.schedule(study, nurse, enrolled[2].id)}
        forms = VisitForms(UiContext(study, nurse, "en"))
        qtbot.addWidget(forms)

        forms.show_visit(schedule["injection"])  # the demo entered every form at baseline
        assert sorted(forms.buttons) == sorted(
            ("ulcer_map", "shaq", "rand36", "eq5d", "chfs", "capillaroscopy")
        )
        assert all(label.text().startswith("entered") for label in forms.states.values())

        forms.show_visit(schedule["week1"])  # week 1 collects the ulcer map, no questionnaire
        assert list(forms.buttons) == ["ulcer_map"]
        from sscvisit.ui.ulcer_editor import UlcerEditorDialog

        editor = forms.open_form("ulcer_map")
        assert isinstance(editor, UlcerEditorDialog)
        editor.close()

        forms.show_visit(schedule["week12"])  # not yet recorded: forms wait for the visit
        assert forms.buttons
        assert not any(button.isEnabled() for button in forms.buttons.values())
        assert forms.open_form("shaq") is None

        forms.show_visit(schedule["injection"])
        dialog = forms.open_form("rand36")
        assert isinstance(dialog, QuestionnaireDialog)
        dialog.close()
    finally:
        study.close()


def test_patient_page_shows_scores_over_time_when_the_tab_is_opened(
    qtbot: QtBot, sqlite_url: str
) -> None:
    from sscvisit.ui.patient_page import PatientPage

    study = Study.open(sqlite_url)
    try:
        demo.create_demo(study, today=TODAY)
        nurse = demo.login_demo(study)
        complete = next(
            r for r in patients.list_patients(study, nurse) if r.status == "enrolled"
        )  # the first enrolled demo patient has baseline and week-12 questionnaires
        page = PatientPage(UiContext(study, nurse, "en"))
        qtbot.addWidget(page)
        page.show_patient(complete.id)
        page.right_tabs.setCurrentWidget(page.scores)
        points = page.scores.chart_points("shaq")
        assert [code for code, _value in points] == ["injection", "week12"]
    finally:
        study.close()
