"""The patient page: read-only view for every role, edit and void with a reason for data entry."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from sscvisit.services import patients
from sscvisit.services.dto import PatientRow
from sscvisit.ui.context import UiContext
from sscvisit.ui.patient_list import PatientListView
from sscvisit.ui.patient_page import PatientEditDialog, PatientPage
from sscvisit.ui.reason_dialog import ReasonDialog
from tests.studyfixtures import StudyWithUsers, register_patient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

W = TypeVar("W", bound=QWidget)


def open_dialog_of(qtbot: QtBot, parent: QWidget, kind: type[W]) -> W:
    """The dialog a click opened with open() (no exec(), so the test keeps control)."""
    found: list[W] = []

    def shown() -> bool:
        found[:] = [d for d in parent.findChildren(kind) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[0]


def make_page(
    qtbot: QtBot, study_users: StudyWithUsers, role: str, patient: PatientRow
) -> PatientPage:
    page = PatientPage(UiContext(study_users.study, study_users.users[role], "en"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.show_patient(patient.id)
    return page


def retype(qtbot: QtBot, editor: QWidget, text: str) -> None:
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)


@pytest.fixture
def patient(study_users: StudyWithUsers) -> PatientRow:
    return register_patient(
        study_users.study,
        study_users.users["nurse"],
        family_name="de Vries",
        given_names="Pieter",
        date_of_birth=dt.date(1952, 2, 2),
        hospital_number="H1000038",
        sex="M",
        consent_date=dt.date(2025, 1, 14),
    )


def test_the_page_shows_the_patient(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    page = make_page(qtbot, study_users, "nurse", patient)
    assert page.subject_label.text() == "SSC-001"
    assert page.status_label.text() == "Registered"
    assert page.summary.text_of("sex") == "Male"
    assert page.summary.text_of("birth_year") == "1952"
    assert page.summary.text_of("consent_date") == "2025-01-14"
    assert page.identity is not None
    assert page.identity.text_of("family_name") == "de Vries"
    assert page.identity.text_of("hospital_number") == "H1000038"
    assert not page.timeline.is_enrolled()
    assert page.screening.latest() is None
    assert page.edit_button.isVisible()
    assert page.void_button.isVisible()


@pytest.mark.parametrize("role", ["monitor", "admin"])
def test_monitors_and_admins_read_only(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow, role: str
) -> None:
    page = make_page(qtbot, study_users, role, patient)
    assert page.error_code() is None
    assert page.subject_label.text() == "SSC-001"
    assert page.summary.text_of("birth_year") == "1952"
    assert page.identity is None  # neither role may see identities
    assert page.edit_button.isHidden()
    assert page.void_button.isHidden()
    assert page.edit() is None
    assert page.void() is None
    assert page.audit_button.isVisible()


def test_back_and_audit_signals(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    page = make_page(qtbot, study_users, "monitor", patient)
    with qtbot.waitSignal(page.auditRequested, check_params_cb=lambda pid: pid == patient.id):
        qtbot.mouseClick(page.audit_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.back):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)


def test_a_missing_patient_is_reported(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    page = PatientPage(UiContext(study_users.study, study_users.users["nurse"], "en"))
    qtbot.addWidget(page)
    page.show_patient(404)
    assert page.error_code() == "not_found"
    assert not page.edit_button.isEnabled()


def test_edit_requires_a_reason_and_audits_it(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    page = make_page(qtbot, study_users, "nurse", patient)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog_of(qtbot, page, PatientEditDialog)
    assert dialog.editor.study_form.raw_text("consent_version") == "v2.1"
    assert not dialog.save_button.isEnabled()  # nothing changed yet

    retype(qtbot, dialog.editor.editor("birth_year"), "1800")
    assert dialog.error_code("birth_year") == "birth_year:below_minimum"
    assert not dialog.save_button.isEnabled()
    retype(qtbot, dialog.editor.editor("birth_year"), "1952")
    assert not dialog.save_button.isEnabled()  # back to the saved value: no change
    retype(qtbot, dialog.editor.editor("consent_version"), "v2.2")
    assert dialog.save_button.isEnabled()
    assert dialog.changes() == {"consent_version": "v2.2"}

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    reason = open_dialog_of(qtbot, dialog, ReasonDialog)
    assert not reason.ok_button.isEnabled()
    qtbot.keyClicks(reason.reason_edit, "ab")
    assert not reason.ok_button.isEnabled()
    reason.accept()  # refused while too short
    assert reason.isVisible()
    reason.set_reason("Source document corrected")
    assert reason.ok_button.isEnabled()
    with qtbot.waitSignal(page.patientChanged) as changed:
        reason.accept()
    assert changed.args[0].consent_version == "v2.2"
    assert not dialog.isVisible()
    assert page.summary.text_of("consent_version") == "v2.2"

    nurse = study_users.users["nurse"]
    stored = patients.get_patient(study_users.study, nurse, patient.id)
    assert stored.consent_version == "v2.2"
    assert stored.version == patient.version + 1
    updates = [
        a
        for a in patients.audit_trail(study_users.study, nurse, patient_id=patient.id)
        if a.action == "update"
    ]
    assert [(a.field, a.old_value, a.new_value, a.reason) for a in updates] == [
        ("consent_version", "v2.1", "v2.2", "Source document corrected")
    ]


def test_cancelling_the_reason_saves_nothing(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    page = make_page(qtbot, study_users, "nurse", patient)
    dialog = page.edit()
    assert dialog is not None
    retype(qtbot, dialog.editor.editor("family_name"), "de Vries-Smit")
    reason = dialog.ask_reason()
    assert reason is not None
    qtbot.keyClick(reason.reason_edit, Qt.Key.Key_Down)  # the first quick pick
    assert reason.reason() == "Transcription error"
    with qtbot.assertNotEmitted(page.patientChanged):
        reason.reject()
    assert dialog.isVisible()
    stored = patients.get_patient(study_users.study, study_users.users["nurse"], patient.id)
    assert stored.identity is not None
    assert stored.identity.family_name == "de Vries"


def test_a_concurrent_save_is_a_conflict_not_an_overwrite(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    nurse = study_users.users["nurse"]
    page = make_page(qtbot, study_users, "nurse", patient)
    dialog = page.edit()
    assert dialog is not None
    patients.update_patient(
        study_users.study,
        study_users.users["investigator"],
        patient.id,
        {"consent_version": "v3.0"},
        "Source document corrected",
    )
    retype(qtbot, dialog.editor.editor("consent_version"), "v2.2")
    reason = dialog.ask_reason()
    assert reason is not None
    reason.set_reason("Transcription error")
    with qtbot.assertNotEmitted(page.patientChanged):
        reason.accept()
    assert dialog.error_code() == "conflict"
    assert dialog.isVisible()
    assert not dialog.save_button.isEnabled()
    assert page.summary.text_of("consent_version") == "v3.0"  # the page reloaded
    assert patients.get_patient(study_users.study, nurse, patient.id).consent_version == "v3.0"


def test_a_duplicate_hospital_number_is_shown_at_the_field(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    nurse = study_users.users["nurse"]
    other = register_patient(study_users.study, nurse, hospital_number="H2000000")
    page = make_page(qtbot, study_users, "nurse", other)
    dialog = page.edit()
    assert dialog is not None
    retype(qtbot, dialog.editor.editor("hospital_number"), "H1000038")
    reason = dialog.ask_reason()
    assert reason is not None
    reason.set_reason("Transcription error")
    reason.accept()
    assert dialog.error_code("hospital_number") == "hospital_number:duplicate"
    assert not dialog.save_button.isEnabled()
    stored = patients.get_patient(study_users.study, nurse, other.id)
    assert stored.identity is not None
    assert stored.identity.hospital_number == "H2000000"


def test_void_keeps_the_patient_listed_with_the_reason(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    nurse = study_users.users["nurse"]
    ctx = UiContext(study_users.study, nurse, "en")
    listing = PatientListView(ctx)
    qtbot.addWidget(listing)
    listing.refresh()
    page = make_page(qtbot, study_users, "nurse", patient)
    page.patientChanged.connect(listing.update_patient)

    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    reason = open_dialog_of(qtbot, page, ReasonDialog)
    assert not reason.ok_button.isEnabled()
    qtbot.keyClicks(reason.reason_edit, "Registered in error")
    with qtbot.waitSignal(page.patientChanged):
        reason.accept()

    assert page.void_banner.isVisible()
    assert "Registered in error" in page.void_banner.text()
    assert not page.edit_button.isEnabled()
    assert not page.void_button.isEnabled()

    stored = patients.get_patient(study_users.study, nurse, patient.id)
    assert stored.voided
    assert stored.void_reason == "Registered in error"
    voids = [
        a
        for a in patients.audit_trail(study_users.study, nurse, patient_id=patient.id)
        if a.action == "void"
    ]
    assert [a.reason for a in voids] == ["Registered in error"]

    source_row = listing.model.row_of(patient.id)
    assert listing.shown_count() == 1
    assert listing.model.index(source_row, 1).data() == "Registered (void)"
    assert listing.model.index(source_row, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert "Registered in error" in listing.model.index(source_row, 0).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_reason_dialog_quick_picks_and_minimum(qtbot: QtBot) -> None:
    dialog = ReasonDialog.for_change([("Sex", "Male", "Female")])
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.reason_edit.count() == 3
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "  ab ")
    assert not dialog.ok_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.reasonGiven):
        dialog.accept()
    dialog.set_reason("")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Down)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.reasonGiven) as given:
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert given.args == [dialog.reason_edit.itemText(0)]


def test_screening_and_schedule_keep_the_header_in_step(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    from sscvisit.services import demo, screening, visits

    study, nurse = study_users.study, study_users.users["nurse"]
    day = dt.date(2025, 2, 3)
    saved = screening.save_screening(
        study, nurse, patient.id, demo.eligible_screening(day), today=day
    )
    screening.confirm_screening(study, "investigator", "investigator-password-1", saved.id)
    page = make_page(qtbot, study_users, "nurse", patient)
    assert page.status_label.text() == "Screening"
    latest = page.screening.latest()
    assert latest is not None
    assert latest.result == "eligible"
    assert page.timeline.may_enrol()

    visits.enrol(
        study,
        nurse,
        patient.id,
        planned_injection_date=day + dt.timedelta(days=10),
        enrolled_on=day + dt.timedelta(days=1),
        today=day + dt.timedelta(days=1),
    )
    with qtbot.waitSignal(page.patientChanged) as changed:
        page.timeline.changed.emit(patient.id)
    assert changed.args[0].status == "enrolled"
    assert page.status_label.text() == "Enrolled"
    page.timeline.show_patient(patient.id)
    assert page.timeline.is_enrolled()
    assert not page.screening.can_start_new()
