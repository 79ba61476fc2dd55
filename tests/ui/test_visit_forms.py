"""The forms a visit collects, under the timeline: state, the way into each, and completeness."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sscvisit.services import demo, patients, visits
from sscvisit.services.dto import VisitInfo
from sscvisit.services.study import Study
from sscvisit.ui.context import UiContext
from sscvisit.ui.questionnaire_form import QuestionnaireDialog
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.visit_forms import VisitForms
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

TODAY = dt.date(2026, 11, 25)
INJECTED = dt.date(2026, 2, 2)
WEEK1 = INJECTED + dt.timedelta(days=7)
WEEK1_FORMS = ("vitals", "ulcer_map", "ae_review", "conmed_review", "labs")


def recorded_week1(study_users: StudyWithUsers) -> tuple[EnrolledPatient, VisitInfo]:
    enrolled = enrol_patient(study_users, injected=INJECTED)
    nurse = enrolled.users["nurse"]
    visit = visits.record_visit(
        enrolled.study, nurse, enrolled.schedule["week1"].id, WEEK1, today=WEEK1
    )
    return enrolled, visit


def give_reason(dialog: ReasonDialog | None, text: str) -> None:
    assert dialog is not None
    dialog.set_reason(text)
    dialog.accept()


def test_forms_follow_the_protocol_and_show_what_is_entered(qtbot: QtBot, sqlite_url: str) -> None:
    study = Study.open(sqlite_url)
    try:
        demo.create_demo(study, today=TODAY)
        nurse = demo.login_demo(study)
        enrolled = [r for r in patients.list_patients(study, nurse) if r.status == "enrolled"]
        schedule = {v.visit_code: v for v in visits.schedule(study, nurse, enrolled[2].id)}
        forms = VisitForms(UiContext(study, nurse, "en"))
        qtbot.addWidget(forms)

        injection = schedule["injection"]
        forms.show_visit(injection)  # every form the protocol attaches, in protocol order
        assert list(forms.buttons) == list(injection.forms)
        for code in ("ulcer_map", "shaq", "rand36", "eq5d", "chfs", "capillaroscopy"):
            assert forms.states[code].text() == "saved"  # the demo entered these at baseline

        forms.show_visit(schedule["week1"])
        assert list(forms.buttons) == list(schedule["week1"].forms)
        from sscvisit.ui.ulcer_editor import UlcerEditorDialog

        editor = forms.open_form("ulcer_map")
        assert isinstance(editor, UlcerEditorDialog)
        editor.close()

        forms.show_visit(schedule["week12"])  # not yet recorded: forms wait for the visit
        assert forms.buttons
        assert not any(button.isEnabled() for button in forms.buttons.values())
        assert forms.open_form("shaq") is None
        assert forms.summary.isHidden()

        forms.show_visit(injection)
        dialog = forms.open_form("rand36")
        assert isinstance(dialog, QuestionnaireDialog)
        dialog.close()
    finally:
        study.close()


def test_missing_forms_then_not_done_and_reviews_make_the_visit_complete(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    enrolled, week1 = recorded_week1(study_users)
    forms = VisitForms(UiContext(enrolled.study, enrolled.users["nurse"], "en"))
    qtbot.addWidget(forms)
    forms.show_visit(week1)
    assert tuple(forms.buttons) == WEEK1_FORMS
    assert {label.text() for label in forms.states.values()} == {"missing"}
    assert (
        forms.summary.text()
        == "Missing: Vital signs, Ulcer map, Adverse event review, Medication review, Labs"
    )

    with qtbot.waitSignal(forms.changed) as changed:
        qtbot.mouseClick(forms.review_buttons["ae_review"], Qt.MouseButton.LeftButton)
    assert changed.args == [enrolled.patient_id]
    assert forms.states["ae_review"].text() == "reviewed (nurse)"
    assert not forms.review_buttons["ae_review"].isEnabled()

    from sscvisit.ui.conmed_log import ConmedListDialog

    listing = forms.open_form("conmed_review")  # the medication list, with the review tick
    assert isinstance(listing, ConmedListDialog)
    assert listing.review_button.isVisible()
    qtbot.mouseClick(listing.review_button, Qt.MouseButton.LeftButton)
    assert forms.state_of("conmed_review").state == "reviewed"  # type: ignore[union-attr]

    for code, reason in (
        ("vitals", "Patient seen at home"),
        ("ulcer_map", "Hands bandaged after surgery"),
    ):
        give_reason(forms.ask_not_done(code), reason)
    assert forms.states["vitals"].text() == "not done: Patient seen at home"
    assert forms.summary.text() == "Missing: Labs"
    give_reason(forms.ask_not_done("labs"), "Sample haemolysed")
    result = forms.result()
    assert result is not None
    assert result.complete
    assert forms.summary.text() == "Complete"

    give_reason(forms.ask_clear("labs"), "Sample found after all")  # undo, with a reason
    assert forms.states["labs"].text() == "missing"
    assert forms.summary.text() == "Missing: Labs"


def test_ae_review_asks_the_page_to_show_the_adverse_events(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    enrolled, week1 = recorded_week1(study_users)
    forms = VisitForms(UiContext(enrolled.study, enrolled.users["nurse"], "en"))
    qtbot.addWidget(forms)
    forms.show_visit(week1)
    with qtbot.waitSignal(forms.openAdverseEvents) as asked:
        qtbot.mouseClick(forms.buttons["ae_review"], Qt.MouseButton.LeftButton)
    assert asked.args == [enrolled.patient_id]


def test_entry_screens_open_from_the_panel(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    enrolled, week1 = recorded_week1(study_users)
    forms = VisitForms(UiContext(enrolled.study, enrolled.users["nurse"], "en"))
    qtbot.addWidget(forms)
    forms.show_visit(week1)
    vitals_form = pytest.importorskip("sscvisit.ui.vitals_form")
    dialog = forms.open_form("vitals")
    assert isinstance(dialog, vitals_form.VitalsDialog)
    dialog.close()
    lab_form = pytest.importorskip("sscvisit.ui.lab_form")
    dialog = forms.open_form("labs")
    assert isinstance(dialog, lab_form.LabDialog)
    dialog.close()
    injection_form = pytest.importorskip("sscvisit.ui.injection_form")
    forms.show_visit(enrolled.schedule["injection"])
    for code in ("injection", "vitals"):  # the injection form holds the vitals before/after
        dialog = forms.open_form(code)
        assert isinstance(dialog, injection_form.InjectionDialog)
        dialog.close()


def test_a_form_with_data_cannot_be_not_done_and_a_monitor_only_looks(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    enrolled, week1 = recorded_week1(study_users)
    forms = VisitForms(UiContext(enrolled.study, enrolled.users["nurse"], "en"))
    qtbot.addWidget(forms)
    forms.show_visit(week1)
    give_reason(forms.ask_not_done("labs"), "Sample haemolysed")
    assert forms.state_buttons["labs"].text() == "Undo…"
    assert not forms.state_buttons["vitals"].text().startswith("Undo")

    monitor = VisitForms(UiContext(enrolled.study, enrolled.users["monitor"], "en"))
    qtbot.addWidget(monitor)
    monitor.show_visit(week1)
    assert monitor.states["labs"].text() == "not done: Sample haemolysed"
    assert monitor.state_buttons == {}
    assert monitor.review_buttons == {}
    assert monitor.ask_not_done("vitals") is None


def test_a_missed_visit_has_no_forms(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    enrolled = enrol_patient(study_users, injected=INJECTED)
    missed = visits.mark_missed(
        enrolled.study,
        enrolled.users["nurse"],
        enrolled.schedule["week1"].id,
        "Patient abroad",
        today=WEEK1 + dt.timedelta(days=5),
    )
    forms = VisitForms(UiContext(enrolled.study, enrolled.users["nurse"], "nl"))
    qtbot.addWidget(forms)
    forms.show_visit(missed)
    assert forms.buttons == {}
    assert forms.summary.isHidden()


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
