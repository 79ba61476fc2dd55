"""The injection dialog and the vital-signs dialog: typed, checked live, saved through services."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from sscvisit.model.fields import Value
from sscvisit.services import injection, patients, safety, visits
from sscvisit.services.dto import VisitInfo
from sscvisit.ui.context import UiContext
from sscvisit.ui.injection_form import DOSE, InjectionDialog
from sscvisit.ui.vitals_form import VitalsDialog, VitalsWidget
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

INJECTED = dt.date(2026, 2, 2)  # studyfixtures' default injection date
WEEK1 = dt.date(2026, 2, 9)

INJECTION_TYPED = {
    "injected_at": "2026-02-02 10:30",
    "batch_number": "MSC-2026-014",
    "batch_release_date": "2026-01-30",
    "weight_kg": "69.5",
    "total_cells_million": "135",
    "volume_ml": "10",
    "injection_sites": "10",
    "muscles": "Thenar, left hand",
    "operator": "Dr. Visser",
}
PRE_TYPED = {
    "measured_at": "2026-02-02 10:10",
    "systolic_mmhg": "128",
    "diastolic_mmhg": "82",
    "heart_rate_bpm": "72",
    "temperature_c": "36.8",
}
POST_TYPED = PRE_TYPED | {"measured_at": "2026-02-02 11:00", "heart_rate_bpm": "80"}


def type_into(qtbot: QtBot, editor: QWidget, text: str) -> None:
    """Replace a field's text by keyboard; a new line in the multi-line comment is Enter."""
    assert isinstance(editor, QLineEdit | QPlainTextEdit)
    editor.clear()
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


def open_dialog(
    qtbot: QtBot, patient: EnrolledPatient, role: str = "nurse", language: str = "en"
) -> InjectionDialog:
    ctx = UiContext(patient.study, patient.users[role], language)
    dialog = InjectionDialog(ctx, patient.schedule["injection"])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot: QtBot, dialog: InjectionDialog, typed: dict[str, str] = INJECTION_TYPED) -> None:
    for name, text in typed.items():
        type_into(qtbot, dialog.editor(name), text)


def fill_vitals(qtbot: QtBot, widget: VitalsWidget, typed: dict[str, str]) -> None:
    for name, text in typed.items():
        type_into(qtbot, widget.editor(name), text)


@pytest.fixture
def patient(study_users: StudyWithUsers) -> EnrolledPatient:
    return enrol_patient(study_users)


def test_an_injection_is_recorded_by_typing_and_clicking_save(
    qtbot: QtBot, patient: EnrolledPatient
) -> None:
    dialog = open_dialog(qtbot, patient)
    assert dialog.dose_text() == ""
    fill(qtbot, dialog)
    # the dose follows the weight and the cells as they are typed
    assert dialog.dose_text() == "1.94 ×10⁶/kg"
    type_into(qtbot, dialog.editor("weight_kg"), "70")
    assert dialog.dose_text() == "1.93 ×10⁶/kg"
    type_into(qtbot, dialog.editor("weight_kg"), "69.5")
    fill_vitals(qtbot, dialog.pre, PRE_TYPED)
    fill_vitals(qtbot, dialog.post, POST_TYPED)
    assert dialog.save_button.isEnabled()

    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert signal.args == [patient.patient_id]
    assert not dialog.isVisible()

    nurse = patient.users["nurse"]
    saved = injection.get_injection(patient.study, nurse, patient.patient_id)
    assert saved is not None
    assert saved.injected_at == dt.datetime(2026, 2, 2, 10, 30)
    assert (saved.weight_kg, saved.total_cells_million, saved.dose_per_kg) == (69.5, 135.0, 1.94)
    assert saved.operator == "Dr. Visser"
    assert saved.comment is None
    measured = injection.get_vitals(patient.study, nurse, patient.schedule["injection"].id)
    assert measured["pre_injection"].measured_at == dt.datetime(2026, 2, 2, 10, 10)
    assert measured["post_injection"].heart_rate_bpm == 80


def test_a_weight_outside_30_to_200_kg_is_refused_next_to_the_weight(
    qtbot: QtBot, patient: EnrolledPatient
) -> None:
    dialog = open_dialog(qtbot, patient)
    fill(qtbot, dialog, INJECTION_TYPED | {"weight_kg": "29.9"})
    assert dialog.error_code("weight_kg") == "weight_kg:below_minimum"
    assert dialog.error_code(DOSE) == "dose_per_kg:dose_weight_out_of_range"
    assert dialog.dose_text() == ""
    assert "30 to 200 kg" in dialog.dose_message_text()
    assert not dialog.save_button.isEnabled()

    type_into(qtbot, dialog.editor("weight_kg"), "200.1")
    assert dialog.error_code("weight_kg") == "weight_kg:above_maximum"
    assert dialog.error_code(DOSE) == "dose_per_kg:dose_weight_out_of_range"

    type_into(qtbot, dialog.editor("weight_kg"), "200")
    assert dialog.error_code("weight_kg") is None
    assert dialog.error_code(DOSE) is None
    assert dialog.dose_message_text() == ""
    assert dialog.dose_text() == "0.675 ×10⁶/kg"
    assert dialog.save_button.isEnabled()


def test_every_problem_shows_at_its_field_and_nothing_is_saved(
    qtbot: QtBot, patient: EnrolledPatient
) -> None:
    dialog = open_dialog(qtbot, patient)
    typed = INJECTION_TYPED | {
        "batch_release_date": "2026-02-03",
        "injected_at": "2026-02-01 10:30",
    }
    del typed["operator"]
    fill(qtbot, dialog, typed)
    fill_vitals(qtbot, dialog.pre, PRE_TYPED | {"diastolic_mmhg": "130"})
    # rules across fields show as they are typed
    assert dialog.error_code("batch_release_date") == "batch_release_date:inconsistent"
    assert dialog.error_code("injected_at") == "injected_at:inconsistent"
    assert dialog.pre.error_code("diastolic_mmhg") == "diastolic_mmhg:inconsistent"
    assert not dialog.save_button.isEnabled()

    dialog.submit()  # Save (also reachable by keyboard) shows every remaining problem
    assert dialog.error_code("operator") == "operator:required"
    assert dialog.post.error_code("measured_at") is None  # a blank, never saved measurement
    nurse = patient.users["nurse"]
    assert injection.get_injection(patient.study, nurse, patient.patient_id) is None
    assert injection.get_vitals(patient.study, nurse, patient.schedule["injection"].id) == {}
    assert dialog.isVisible()


def test_pre_and_post_are_checked_against_the_injection_time_as_typed(
    qtbot: QtBot, patient: EnrolledPatient
) -> None:
    dialog = open_dialog(qtbot, patient)
    fill(qtbot, dialog)
    fill_vitals(qtbot, dialog.pre, PRE_TYPED | {"measured_at": "2026-02-02 10:31"})
    fill_vitals(qtbot, dialog.post, POST_TYPED | {"measured_at": "2026-02-02 10:29"})
    assert dialog.pre.error_code("measured_at") == "measured_at:inconsistent"
    assert dialog.post.error_code("measured_at") == "measured_at:inconsistent"
    # moving the injection time clears both
    type_into(qtbot, dialog.editor("injected_at"), "2026-02-02 10:30")
    type_into(qtbot, dialog.pre.editor("measured_at"), "2026-02-02 10:30")
    type_into(qtbot, dialog.post.editor("measured_at"), "2026-02-02 10:30")
    assert dialog.pre.error_code("measured_at") is None
    assert dialog.post.error_code("measured_at") is None


def test_a_refusal_by_the_service_is_shown_and_saves_nothing_else(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient = enrol_patient(study_users, record_injection_visit=False)
    dialog = open_dialog(qtbot, patient)
    fill(qtbot, dialog)
    fill_vitals(qtbot, dialog.pre, PRE_TYPED)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_code("injected_at") == "injected_at:inconsistent"
    assert dialog.isVisible()
    nurse = patient.users["nurse"]
    assert injection.get_injection(patient.study, nurse, patient.patient_id) is None
    assert injection.get_vitals(patient.study, nurse, patient.schedule["injection"].id) == {}


def save_directly(patient: EnrolledPatient) -> None:
    values: dict[str, Value] = {
        "injected_at": dt.datetime(2026, 2, 2, 10, 30),
        "batch_number": "MSC-2026-014",
        "batch_release_date": dt.date(2026, 1, 30),
        "weight_kg": 69.5,
        "total_cells_million": 135.0,
        "volume_ml": 10.0,
        "injection_sites": 10,
        "muscles": "Thenar, left hand",
        "operator": "Dr. Visser",
    }
    injection.save_injection(
        patient.study, patient.users["nurse"], patient.schedule["injection"].id, values
    )


def test_changing_the_saved_injection_asks_a_reason(qtbot: QtBot, patient: EnrolledPatient) -> None:
    save_directly(patient)
    dialog = open_dialog(qtbot, patient)
    assert dialog.dose_text() == "1.94 ×10⁶/kg"
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    type_into(qtbot, dialog.editor("weight_kg"), "67.5")
    assert dialog.dose_text() == "2 ×10⁶/kg"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    reason = dialog.reason_dialog
    assert reason is not None
    assert [label for label, _old, _new in dialog.changes()] == [
        "Body weight (kg)",
        "Cells per kg (×10⁶/kg)",
    ]
    reason.set_reason("weighed again")
    with qtbot.waitSignal(dialog.saved):
        reason.accept()
    nurse = patient.users["nurse"]
    saved = injection.get_injection(patient.study, nurse, patient.patient_id)
    assert saved is not None
    assert (saved.weight_kg, saved.dose_per_kg, saved.version) == (67.5, 2.0, 2)
    trail = patients.audit_trail(patient.study, nurse, patient_id=patient.patient_id)
    updates = {
        r.field: r.reason for r in trail if r.table_name == "injections" and r.action == "update"
    }
    assert updates == {"weight_kg": "weighed again", "dose_per_kg": "weighed again"}


def test_closing_with_unsaved_changes_asks_first(qtbot: QtBot, patient: EnrolledPatient) -> None:
    dialog = open_dialog(qtbot, patient)
    dialog.reject()
    assert not dialog.isVisible()  # nothing typed: closes at once

    dialog = open_dialog(qtbot, patient)
    fill_vitals(qtbot, dialog.pre, {"systolic_mmhg": "128"})
    dialog.reject()
    assert dialog.discard_question() is not None
    assert dialog.isVisible()


def test_an_immediate_reaction_opens_the_adverse_event_form_prefilled(
    qtbot: QtBot, patient: EnrolledPatient
) -> None:
    from sscvisit.ui.ae_dialog import AdverseEventDialog

    dialog = open_dialog(qtbot, patient)
    assert dialog.reactions_list.text() == "No immediate reaction recorded."
    assert not dialog.record_button.isEnabled()
    fill(qtbot, dialog)  # a complete form: Enter in the reaction field must not save it
    qtbot.keyClicks(dialog.reaction_term, "Flushing")
    assert dialog.record_button.isEnabled()
    qtbot.keyClick(dialog.reaction_term, Qt.Key.Key_Return)
    assert (
        injection.get_injection(patient.study, patient.users["nurse"], patient.patient_id) is None
    )
    opened = dialog.ae_dialog
    assert isinstance(opened, AdverseEventDialog)
    values = opened.event_form.values()
    assert values["term"] == "Flushing"
    assert values["onset_date"] == INJECTED
    assert values["immediate_reaction"] is True
    opened.close()


def test_recorded_reactions_are_listed(qtbot: QtBot, patient: EnrolledPatient) -> None:
    event: dict[str, Value] = {
        "term": "Flushing",
        "onset_date": INJECTED,
        "end_date": INJECTED,
        "ongoing": False,
        "intensity": "mild",
        "who_grade": 1,
        "relation_product": "possible",
        "relation_procedure": "possible",
        "action_taken": "none",
        "outcome": "recovered",
        "immediate_reaction": True,
    }
    nurse = patient.users["nurse"]
    visit_id = patient.schedule["injection"].id
    safety.record_ae(patient.study, nurse, visit_id, event)
    safety.record_ae(
        patient.study, nurse, visit_id, event | {"term": "Headache"} | {"immediate_reaction": False}
    )
    dialog = open_dialog(qtbot, patient)
    assert dialog.reactions_list.text() == "AE 1: Flushing"


def test_the_comment_is_written_on_several_lines(qtbot: QtBot, patient: EnrolledPatient) -> None:
    dialog = open_dialog(qtbot, patient)
    comment = "Patient anxious.\nInjected slowly, no pain."
    fill(qtbot, dialog, INJECTION_TYPED | {"comment": comment})
    fill_vitals(qtbot, dialog.pre, PRE_TYPED)
    fill_vitals(qtbot, dialog.post, POST_TYPED)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    nurse = patient.users["nurse"]
    saved = injection.get_injection(patient.study, nurse, patient.patient_id)
    assert saved is not None
    assert saved.comment == comment
    again = open_dialog(qtbot, patient)
    shown = again.editor("comment")
    assert isinstance(shown, QPlainTextEdit)
    assert shown.toPlainText() == comment
    assert not again.save_button.isEnabled()  # loading is not an edit


def test_monitors_see_the_injection_read_only(qtbot: QtBot, patient: EnrolledPatient) -> None:
    save_directly(patient)
    dialog = open_dialog(qtbot, patient, role="monitor")
    assert dialog.save_button.isHidden()
    assert dialog.record_button.isHidden()
    assert dialog.dose_text() == "1.94 ×10⁶/kg"
    editor = dialog.editor("weight_kg")
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "69.5"
    assert editor.focusPolicy() == Qt.FocusPolicy.NoFocus
    comment = dialog.editor("comment")
    assert isinstance(comment, QPlainTextEdit)
    assert comment.isReadOnly()
    dialog.reject()
    assert not dialog.isVisible()


def week1(patient: EnrolledPatient) -> VisitInfo:
    nurse = patient.users["nurse"]
    visits.record_visit(patient.study, nurse, patient.schedule["week1"].id, WEEK1, today=WEEK1)
    return {v.visit_code: v for v in visits.schedule(patient.study, nurse, patient.patient_id)}[
        "week1"
    ]


def test_vital_signs_of_a_follow_up_visit(qtbot: QtBot, patient: EnrolledPatient) -> None:
    visit = week1(patient)
    dialog = VitalsDialog(UiContext(patient.study, patient.users["nurse"], "en"), visit)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    fill_vitals(qtbot, dialog.vitals, PRE_TYPED | {"measured_at": "2026-02-08 09:00"})
    assert dialog.error_code("measured_at") == "measured_at:inconsistent"  # not the visit's date
    type_into(qtbot, dialog.editor("measured_at"), "2026-02-09 09:00")
    assert dialog.error_code("measured_at") is None
    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert signal.args == [patient.patient_id]
    saved = injection.get_vitals(patient.study, patient.users["nurse"], visit.id)
    assert saved["visit"].systolic_mmhg == 128

    # a correction asks for a reason
    again = VitalsDialog(UiContext(patient.study, patient.users["nurse"], "nl"), visit)
    qtbot.addWidget(again)
    again.show()
    type_into(qtbot, again.editor("systolic_mmhg"), "131")
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.reason_dialog is not None
    again.reason_dialog.set_reason("transcription error")
    with qtbot.waitSignal(again.saved):
        again.reason_dialog.accept()
    corrected = injection.get_vitals(patient.study, patient.users["nurse"], visit.id)["visit"]
    assert (corrected.systolic_mmhg, corrected.version) == (131, 2)
