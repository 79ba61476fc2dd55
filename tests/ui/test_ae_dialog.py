"""The adverse event dialog: record an AE, make it an SAE with its deadline, report it late."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from sscvisit.model.fields import DATETIME_FORMAT, Value
from sscvisit.services import clock, labs, safety
from sscvisit.ui.ae_dialog import AdverseEventDialog, AeHistoryDialog
from sscvisit.ui.context import UiContext
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def fill(dialog: AdverseEventDialog, name: str, value: Value) -> None:
    """Set one field the way a person would: type, pick or tick."""
    editor = dialog.editor(name)
    if isinstance(editor, QPlainTextEdit):  # the long free text (description)
        editor.setPlainText("" if value is None else str(value))
    elif isinstance(editor, QLineEdit):
        if isinstance(value, dt.datetime):
            text = value.strftime(DATETIME_FORMAT)
        elif isinstance(value, dt.date):
            text = value.isoformat()
        else:
            text = "" if value is None else str(value)
        editor.setText(text)
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findData(value))
    else:
        assert isinstance(editor, QCheckBox)
        editor.setChecked(bool(value))


def fill_event(dialog: AdverseEventDialog, today: dt.date) -> None:
    values: dict[str, Value] = {
        "term": "Cellulitis",
        "onset_date": today - dt.timedelta(days=2),
        "ongoing": True,
        "intensity": "severe",
        "who_grade": 3,
        "relation_product": "unlikely",
        "relation_procedure": "possible",
        "action_taken": "medication",
        "outcome": "recovering",
    }
    for name, value in values.items():
        fill(dialog, name, value)


@pytest.fixture
def enrolled(study_users: StudyWithUsers) -> EnrolledPatient:
    today = clock.today()
    return enrol_patient(study_users, injected=today - dt.timedelta(days=20))


def open_dialog(
    qtbot: QtBot,
    enrolled: EnrolledPatient,
    *,
    role: str = "nurse",
    ae_id: int | None = None,
    with_visit: bool = False,
    prefill: dict[str, Value] | None = None,
) -> AdverseEventDialog:
    ctx = UiContext(enrolled.study, enrolled.users[role], "en")
    visit = enrolled.schedule["injection"] if with_visit else None
    dialog = AdverseEventDialog(ctx, enrolled.patient_id, visit, ae_id=ae_id, prefill=prefill)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def saved_sae(enrolled: EnrolledPatient, aware_hours_ago: float) -> safety.AeInfo:
    now = clock.now_local()
    return safety.record_ae(
        enrolled.study,
        enrolled.users["nurse"],
        enrolled.schedule["injection"].id,
        {
            "term": "Cellulitis",
            "onset_date": now.date() - dt.timedelta(days=3),
            "ongoing": True,
            "intensity": "severe",
            "who_grade": 3,
            "relation_product": "unlikely",
            "relation_procedure": "possible",
            "action_taken": "medication",
            "outcome": "recovering",
            "serious_hospitalisation": True,
            "aware_at": (now - dt.timedelta(hours=aware_hours_ago)).replace(second=0),
        },
    )


def test_an_ae_is_recorded_through_the_dialog(qtbot: QtBot, enrolled: EnrolledPatient) -> None:
    dialog = open_dialog(qtbot, enrolled)
    combo = dialog.visit_combo
    assert combo.isVisible()
    assert combo.currentData() == enrolled.schedule["injection"].id  # the latest visit done
    assert not dialog.save_button.isEnabled()
    assert not dialog.history_button.isVisible()
    fill_event(dialog, clock.today())
    fill(dialog, "meddra_code", "10007882")
    description = dialog.editor("description")
    assert isinstance(description, QPlainTextEdit)  # sentences, several lines
    qtbot.keyClicks(description, "Red, warm thenar.")
    qtbot.keyClick(description, Qt.Key.Key_Return)
    qtbot.keyClicks(description, "Antibiotics started.")
    assert not dialog.sae_line.isVisible()
    assert not dialog.editor("aware_at").isEnabled()
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    assert saved.args == [enrolled.patient_id]
    assert not dialog.isVisible()
    [info] = safety.list_aes(enrolled.study, enrolled.users["nurse"], enrolled.patient_id)
    assert (info.number, info.term, info.meddra_code, info.who_grade) == (
        1,
        "Cellulitis",
        "10007882",
        3,
    )
    assert info.visit_id == enrolled.schedule["injection"].id
    assert info.report_state == "not_serious"
    assert info.description == "Red, warm thenar.\nAntibiotics started."
    again = open_dialog(qtbot, enrolled, ae_id=info.id)
    shown = again.editor("description")
    assert isinstance(shown, QPlainTextEdit)
    assert shown.toPlainText() == "Red, warm thenar.\nAntibiotics started."
    assert not again.has_unsaved_changes()


def test_ticking_a_criterion_makes_it_an_sae_with_its_deadline(
    qtbot: QtBot, enrolled: EnrolledPatient
) -> None:
    dialog = open_dialog(qtbot, enrolled, with_visit=True)
    assert dialog.visit_combo.isHidden()
    assert "Injection" in dialog.visit_text.text()
    fill_event(dialog, clock.today())
    assert dialog.save_button.isEnabled()
    fill(dialog, "serious_hospitalisation", True)
    assert dialog.sae_line.isVisible()
    assert dialog.sae_line.text() == "Serious adverse event (SAE)"
    assert dialog.editor("aware_at").isEnabled()
    # An SAE needs the time the site became aware of it: said at once, and Save waits for it.
    assert dialog.error_code("aware_at") == "aware_at:required"
    assert not dialog.save_button.isEnabled()
    aware = clock.now_local() - dt.timedelta(hours=2)
    fill(dialog, "aware_at", aware)
    deadline = aware + dt.timedelta(hours=24)
    assert dialog.deadline_text() == deadline.strftime(DATETIME_FORMAT)
    assert dialog.countdown_text().startswith("Not reported yet: due in 2")
    assert dialog.error_code("aware_at") is None
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    [info] = safety.list_aes(enrolled.study, enrolled.users["nurse"], enrolled.patient_id)
    assert info.serious
    assert info.deadline == deadline
    assert info.report_state == "due"


def test_a_late_report_is_refused_without_a_reason_and_saved_with_one(
    qtbot: QtBot, enrolled: EnrolledPatient
) -> None:
    info = saved_sae(enrolled, aware_hours_ago=30)
    dialog = open_dialog(qtbot, enrolled, ae_id=info.id)
    assert dialog.history_button.isVisible()
    assert dialog.countdown_text().startswith("Not reported yet: overdue by 6 h")
    fill(dialog, "reported_at", clock.now_local())
    assert dialog.error_code("late_reason") == "late_reason:inconsistent"
    assert dialog.countdown_text().startswith("Reported late, 6 h")
    assert dialog.countdown_text().endswith("give the reason.")
    assert not dialog.save_button.isEnabled()
    dialog.submit()  # Enter on the form: still refused
    assert dialog.isVisible()
    current = safety.get_ae(enrolled.study, enrolled.users["nurse"], info.id)
    assert current.reported_at is None
    assert current.report_state == "overdue"

    fill(dialog, "late_reason", "Investigator unreachable over the weekend")
    assert dialog.error_code("late_reason") is None
    assert dialog.countdown_text().endswith("after the deadline.")  # no longer asks
    assert dialog.save_button.isEnabled()
    # Only empty fields were filled in: a follow-up report, no reason for change needed.
    assert not dialog.overwrites()
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert dialog.reason_dialog is None
    reported = safety.get_ae(enrolled.study, enrolled.users["nurse"], info.id)
    assert reported.report_state == "reported_late"
    assert reported.late_reason == "Investigator unreachable over the weekend"


def test_changing_a_saved_value_asks_the_reason_and_the_history_shows_each_version(
    qtbot: QtBot, enrolled: EnrolledPatient
) -> None:
    info = saved_sae(enrolled, aware_hours_ago=3)
    dialog = open_dialog(qtbot, enrolled, ae_id=info.id)
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    fill(dialog, "ongoing", False)
    fill(dialog, "end_date", clock.today())
    fill(dialog, "outcome", "recovered")
    fill(dialog, "reported_at", clock.now_local())
    changes = dialog.changes()
    assert changes is not None
    assert {label for label, _old, _new in changes} == {
        "Ongoing",
        "End date",
        "Outcome",
        "Reported to the sponsor at",
    }
    dialog.save_button.click()
    reason = dialog.reason_dialog
    assert reason is not None
    assert reason.isVisible()
    reason.set_reason("Follow-up report: discharged")
    with qtbot.waitSignal(dialog.saved):
        reason.accept()
    saved = safety.get_ae(enrolled.study, enrolled.users["nurse"], info.id)
    assert (saved.ongoing, saved.outcome, saved.report_state) == (
        False,
        "recovered",
        "reported_in_time",
    )

    again = open_dialog(qtbot, enrolled, ae_id=info.id)
    history = again.show_history()
    assert history is not None
    assert len(history.versions) == 2
    second = history.versions[1]
    assert {row.reason for row in second} == {"Follow-up report: discharged"}
    assert {row.field for row in second} == {"ongoing", "end_date", "outcome", "reported_at"}
    top = history.tree.topLevelItem(1)
    assert top is not None
    assert top.text(0).startswith("Version 2")
    assert top.childCount() == 4


def test_rules_show_at_their_field_as_you_type(qtbot: QtBot, enrolled: EnrolledPatient) -> None:
    dialog = open_dialog(qtbot, enrolled)
    today = clock.today()
    fill_event(dialog, today)
    fill(dialog, "end_date", today - dt.timedelta(days=5))
    assert dialog.error_code("end_date") == "end_date:inconsistent"
    assert dialog.error_code("ongoing") == "ongoing:inconsistent"
    assert not dialog.save_button.isEnabled()
    fill(dialog, "ongoing", False)
    fill(dialog, "end_date", today)
    assert dialog.error_code("end_date") is None
    assert dialog.error_code("ongoing") is None
    fill(dialog, "outcome", "fatal")
    assert dialog.error_code("outcome") == "outcome:inconsistent"
    fill(dialog, "serious_death", True)
    assert dialog.error_code("outcome") is None
    assert dialog.error_code("aware_at") == "aware_at:required"


def test_prefill_and_the_unsaved_changes_question(qtbot: QtBot, enrolled: EnrolledPatient) -> None:
    dialog = open_dialog(
        qtbot,
        enrolled,
        with_visit=True,
        prefill={"term": "Vasovagal reaction", "immediate_reaction": True},
    )
    editor = dialog.editor("term")
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "Vasovagal reaction"
    assert dialog.form_of("immediate_reaction").values()["immediate_reaction"] is True
    assert dialog.has_unsaved_changes()
    dialog.reject()
    box = dialog.discard_question()
    assert box is not None
    assert dialog.isVisible()
    box.button(QMessageBox.StandardButton.Discard).click()
    assert not dialog.isVisible()
    assert safety.list_aes(enrolled.study, enrolled.users["nurse"], enrolled.patient_id) == []


def test_a_monitor_reads_but_cannot_change(qtbot: QtBot, enrolled: EnrolledPatient) -> None:
    info = saved_sae(enrolled, aware_hours_ago=3)
    dialog = open_dialog(qtbot, enrolled, role="monitor", ae_id=info.id)
    assert dialog.read_only
    assert not dialog.save_button.isVisible()
    assert not dialog.void_button.isVisible()
    description = dialog.editor("description")
    assert isinstance(description, QPlainTextEdit)
    assert description.isReadOnly()  # clicks reach its viewport, so freezing alone is not enough
    assert dialog.history_button.isVisible()
    assert not dialog.has_unsaved_changes()


def test_void_from_the_dialog(qtbot: QtBot, enrolled: EnrolledPatient) -> None:
    info = saved_sae(enrolled, aware_hours_ago=3)
    dialog = open_dialog(qtbot, enrolled, ae_id=info.id)
    reason = dialog.ask_void()
    assert reason is not None
    reason.set_reason("Entered for the wrong patient")
    with qtbot.waitSignal(dialog.saved):
        reason.accept()
    voided = safety.get_ae(enrolled.study, enrolled.users["nurse"], info.id)
    assert voided.voided
    reopened = open_dialog(qtbot, enrolled, ae_id=info.id)
    assert reopened.void_banner.isVisible()
    assert reopened.read_only


def test_a_new_ae_needs_a_visit_done(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    pending = enrol_patient(study_users, record_injection_visit=False)
    dialog = open_dialog(qtbot, pending)
    assert not dialog.visit_combo.isEnabled()
    assert dialog.visit_combo.currentText() == "No visit recorded as done yet"
    fill_event(dialog, clock.today())
    assert not dialog.save_button.isEnabled()


def test_an_ae_from_a_lab_result_is_linked_and_its_history_names_the_link(
    qtbot: QtBot, enrolled: EnrolledPatient
) -> None:
    nurse = enrolled.users["nurse"]
    visit = enrolled.schedule["injection"]
    assert visit.visit_date is not None
    (result,) = labs.save_lab_panel(
        enrolled.study,
        nurse,
        visit.id,
        {
            "platelets": {
                "value": 40,
                "unit": "10^9/L",
                "lower_limit": None,
                "upper_limit": None,
                "sample_date": visit.visit_date,
            }
        },
    )
    ctx = UiContext(enrolled.study, nurse, "en")
    dialog = AdverseEventDialog(ctx, enrolled.patient_id, visit, lab_result_id=result.id)
    qtbot.addWidget(dialog)
    dialog.open()
    fill_event(dialog, clock.today())
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    [info] = safety.list_aes(enrolled.study, nurse, enrolled.patient_id)
    assert info.lab_result_id == result.id
    history = AeHistoryDialog(ctx, info.id)
    qtbot.addWidget(history)
    top = history.tree.topLevelItem(0)
    assert top is not None
    labels = {top.child(i).text(0) for i in range(top.childCount())}
    assert "Recorded from lab result record" in labels
