"""Registering a patient by keyboard: checked as you type, errors at the field, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from sscvisit.services import patients
from sscvisit.services.dto import PatientRow
from sscvisit.ui.context import UiContext
from sscvisit.ui.register_dialog import RegisterPatientDialog
from tests.studyfixtures import StudyWithUsers, register_patient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

VALID = {
    "sex": "F",  # typed into the combo: the first letter picks "Female"
    "birth_year": "1970",
    "consent_date": "2025-06-02",
    "consent_version": "v2.1",
    "family_name": "Jansen",
    "given_names": "Anna Maria",
    "date_of_birth": "1970-03-04",
    "hospital_number": "H7654321",
}


def open_dialog(
    qtbot: QtBot, study_users: StudyWithUsers, role: str = "nurse"
) -> RegisterPatientDialog:
    """Open the dialog the way the application does (open(), not a blocking exec())."""
    ctx = UiContext(study_users.study, study_users.users[role], "en")
    dialog = RegisterPatientDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot: QtBot, dialog: RegisterPatientDialog, name: str, text: str) -> None:
    editor = dialog.editor.editor(name)
    if isinstance(editor, QLineEdit):
        editor.clear()
    assert isinstance(editor, QLineEdit | QComboBox)
    qtbot.keyClicks(editor, text)


def fill(qtbot: QtBot, dialog: RegisterPatientDialog, **overrides: str) -> None:
    for name, text in {**VALID, **overrides}.items():
        type_into(qtbot, dialog, name, text)


def test_from_empty_to_saved_with_the_keyboard(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    dialog = open_dialog(qtbot, study_users)
    assert not dialog.register_button.isEnabled()
    fill(qtbot, dialog)
    assert all(dialog.error_code(name) is None for name in VALID)
    assert dialog.register_button.isEnabled()

    with qtbot.waitSignal(dialog.registered) as saved:
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    row = saved.args[0]
    assert isinstance(row, PatientRow)
    assert row.subject_number == "SSC-001"
    assert not dialog.isVisible()

    nurse = study_users.users["nurse"]
    (stored,) = patients.list_patients(study_users.study, nurse)
    assert stored.id == row.id
    assert (stored.sex, stored.birth_year, stored.consent_version) == ("F", 1970, "v2.1")
    assert stored.consent_date == dt.date(2025, 6, 2)
    assert stored.identity is not None
    assert stored.identity.family_name == "Jansen"
    assert stored.identity.given_names == "Anna Maria"
    assert stored.identity.date_of_birth == dt.date(1970, 3, 4)
    assert stored.identity.hospital_number == "H7654321"

    trail = patients.audit_trail(study_users.study, nurse, patient_id=row.id)
    inserted = {(a.field, a.new_value) for a in trail if a.action == "insert"}
    assert ("birth_year", "1970") in inserted
    assert ("hospital_number", "H7654321") in inserted
    assert {a.username for a in trail} == {"nurse"}


def test_return_in_the_last_field_registers(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    dialog = open_dialog(qtbot, study_users)
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.registered):
        qtbot.keyClick(dialog.editor.editor("hospital_number"), Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("field", "text", "code"),
    [
        ("birth_year", "1800", "birth_year:below_minimum"),
        ("consent_date", "FUTURE", "consent_date:date_in_future"),
        ("date_of_birth", "2026-02-30", "date_of_birth:not_a_date"),
        ("consent_date", "5-6-2025", "consent_date:not_a_date"),
        ("date_of_birth", "", "date_of_birth:required"),
    ],
)
def test_invalid_input_is_named_at_its_field_and_blocks_register(
    qtbot: QtBot, study_users: StudyWithUsers, field: str, text: str, code: str
) -> None:
    if text == "FUTURE":
        text = (dt.date.today() + dt.timedelta(days=30)).isoformat()  # noqa: DTZ011 local date
    dialog = open_dialog(qtbot, study_users)
    fill(qtbot, dialog)
    type_into(qtbot, dialog, field, text)
    if not text:  # clearing an edited field is an edit too
        type_into(qtbot, dialog, field, "x")
        qtbot.keyClick(dialog.editor.editor(field), Qt.Key.Key_Backspace)
    assert dialog.error_code(field) == code
    label = dialog.findChild(QLabel, f"error_{field}")
    assert label is not None
    assert label.isVisible()
    assert not dialog.register_button.isEnabled()
    others = [name for name in VALID if name not in {field, "birth_year"}]
    assert all(dialog.error_code(name) is None for name in others)
    dialog.register()  # even forced, nothing is saved
    assert patients.list_patients(study_users.study, study_users.users["nurse"]) == []


def test_cross_field_rules_show_at_the_field(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    dialog = open_dialog(qtbot, study_users)
    fill(qtbot, dialog, birth_year="1971")
    assert dialog.error_code("birth_year") == "birth_year:inconsistent"
    label = dialog.findChild(QLabel, "error_birth_year")
    assert label is not None
    assert "1970" in label.text()
    assert not dialog.register_button.isEnabled()
    type_into(qtbot, dialog, "birth_year", "1970")
    assert dialog.error_code("birth_year") is None
    assert dialog.register_button.isEnabled()

    type_into(qtbot, dialog, "consent_date", "1969-12-31")
    assert dialog.error_code("consent_date") == "consent_date:inconsistent"
    assert not dialog.register_button.isEnabled()
    type_into(qtbot, dialog, "consent_date", "2025-06-02")
    assert dialog.register_button.isEnabled()


def test_birth_year_follows_the_date_of_birth_until_typed(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    dialog = open_dialog(qtbot, study_users)
    form = dialog.editor.study_form
    type_into(qtbot, dialog, "date_of_birth", "1966-07-08")
    assert form.raw_text("birth_year") == "1966"
    type_into(qtbot, dialog, "date_of_birth", "1967-07-08")
    assert form.raw_text("birth_year") == "1967"  # still the filled-in one: follows
    type_into(qtbot, dialog, "birth_year", "1965")
    type_into(qtbot, dialog, "date_of_birth", "1968-07-08")
    assert form.raw_text("birth_year") == "1965"  # typed by the nurse: left alone
    assert dialog.error_code("birth_year") == "birth_year:inconsistent"


def test_duplicate_hospital_number_names_the_subject(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    nurse = study_users.users["nurse"]
    first = register_patient(study_users.study, nurse, hospital_number="H1000001")
    dialog = open_dialog(qtbot, study_users)
    fill(qtbot, dialog, hospital_number="H1000001")
    assert dialog.register_button.isEnabled()  # only the database knows
    with qtbot.assertNotEmitted(dialog.registered):
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert dialog.error_code("hospital_number") == "hospital_number:duplicate"
    label = dialog.findChild(QLabel, "error_hospital_number")
    assert label is not None
    assert first.subject_number in label.text()
    assert not dialog.register_button.isEnabled()
    assert dialog.isVisible()
    assert [p.id for p in patients.list_patients(study_users.study, nurse)] == [first.id]

    type_into(qtbot, dialog, "hospital_number", "H1000002")
    assert dialog.error_code("hospital_number") is None
    with qtbot.waitSignal(dialog.registered):
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert len(patients.list_patients(study_users.study, nurse)) == 2


def test_a_refusal_from_the_service_is_shown_in_the_dialog(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    dialog = open_dialog(qtbot, study_users, role="monitor")
    fill(qtbot, dialog)
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert dialog.error_code() == "permission_denied"
    assert dialog.isVisible()


def test_tab_goes_through_study_data_then_identity_then_register(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    dialog = open_dialog(qtbot, study_users)
    order = [*VALID, "register"]
    chain = [dialog.editor.editor(name) for name in VALID] + [dialog.register_button]
    widget: QWidget | None = chain[0]
    seen = [chain[0].objectName()]
    for _ in range(len(chain) - 1):
        assert widget is not None
        widget = widget.nextInFocusChain()
        while widget is not None and not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        assert widget is not None
        seen.append(widget.objectName())
    assert seen == order
