"""The screening form driven by keyboard and mouse, on a real study database.

From empty to a confirmed eligible decision and to a confirmed screen failure; the inclusion 2
override; impossible dates refused at their field with nothing saved; the investigator's
re-authentication; the patient page's screening summary.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sscvisit.services import clock, patients, screening
from sscvisit.services.dto import PatientRow, ScreeningInfo
from sscvisit.ui.context import UiContext
from sscvisit.ui.screening_form import ConfirmDecisionDialog, ScreeningDialog, ScreeningForm
from sscvisit.ui.screening_summary import ScreeningSummary
from tests.studyfixtures import PASSWORDS, StudyWithUsers, register_patient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = clock.today()
SCREENED = TODAY - dt.timedelta(days=2)
CONSENTED = TODAY - dt.timedelta(days=40)
COURSE_END = SCREENED - dt.timedelta(days=60)  # "not improved at 2 months" can be judged
COURSE_START = COURSE_END - dt.timedelta(days=4)
DOMAIN_EXAMPLE = ("puffy_fingers", "sclerodactyly", "raynaud", "anticentromere")  # 10 points
EXCLUSIONS = ("exc1", "exc2", "exc3", "exc4", "exc5", "exc6", "exc7")


@pytest.fixture
def patient(study_users: StudyWithUsers) -> PatientRow:
    """An adult (born 1970) who consented before the screening."""
    return register_patient(
        study_users.study,
        study_users.users["nurse"],
        date_of_birth=dt.date(1970, 3, 4),
        consent_date=CONSENTED,
    )


def open_dialog(
    qtbot: QtBot,
    study_users: StudyWithUsers,
    patient_id: int,
    *,
    role: str = "nurse",
    screening_id: int | None = None,
    language: str = "en",
) -> ScreeningDialog:
    ctx = UiContext(study_users.study, study_users.users[role], language)
    dialog = ScreeningDialog(ctx, patient_id, screening_id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a radio button or check box on its indicator, as a person would."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def type_text(qtbot: QtBot, editor: QWidget, text: str) -> None:
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)


def choose(qtbot: QtBot, combo: QWidget, text: str) -> None:
    """Pick an entry by typing its first letters, as on the keyboard."""
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def answer(qtbot: QtBot, form: ScreeningForm, code: str, value: str) -> None:
    click(qtbot, form.answer_buttons(code).buttons[value])
    assert form.answer_buttons(code).answer() == value


def fill_eligible(qtbot: QtBot, form: ScreeningForm) -> None:
    """Everything an eligible patient's screening needs, from an empty form."""
    type_text(qtbot, form.date_form.editor("screening_date"), SCREENED.isoformat())
    for code in DOMAIN_EXAMPLE:
        click(qtbot, form.acr_panel.boxes[code])
    answer(qtbot, form, "inc3", "yes")
    inc3 = form.inc3_form
    choose(qtbot, inc3.editor("ulcer_hand"), "R")
    choose(qtbot, inc3.editor("ulcer_finger"), "D2")
    choose(qtbot, inc3.editor("ulcer_site"), "F")
    type_text(qtbot, inc3.editor("prostacyclin_start"), COURSE_START.isoformat())
    type_text(qtbot, inc3.editor("prostacyclin_end"), COURSE_END.isoformat())
    choose(qtbot, inc3.editor("refractory_rule"), "N")
    type_text(qtbot, form.sources["inc3"], "Clinic letter dermatology")
    answer(qtbot, form, "inc4", "yes")
    for code in EXCLUSIONS:
        answer(qtbot, form, code, "no")
    type_text(qtbot, form.sources["exc1"], "X-ray hands before referral")


def save(qtbot: QtBot, form: ScreeningForm) -> ScreeningInfo:
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    info = saved.args[0]
    assert isinstance(info, ScreeningInfo)
    return info


def open_confirm(qtbot: QtBot, form: ScreeningForm) -> ConfirmDecisionDialog:
    assert form.confirm_button.isEnabled()
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    dialog = form.confirm_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def sign(qtbot: QtBot, dialog: ConfirmDecisionDialog, username: str, password: str) -> None:
    type_text(qtbot, dialog.user_edit, username)
    type_text(qtbot, dialog.password_edit, password)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)


def stored(study_users: StudyWithUsers, patient_id: int) -> list[ScreeningInfo]:
    return screening.list_screenings(study_users.study, study_users.users["nurse"], patient_id)


# -- the whole way ---------------------------------------------------------------------------


def test_from_empty_to_a_confirmed_eligible_decision(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    # Nothing defaults to yes; nothing is decided; nothing can be saved yet.
    assert all(buttons.answer() is None for buttons in form.answers.values())
    assert form.banner_result() == "undecided"
    assert not form.save_button.isEnabled()
    assert not form.confirm_button.isEnabled()

    fill_eligible(qtbot, form)
    assert form.acr_panel.total() == 10
    # Inclusion 2 follows the panel; inclusion 1 is computed from the date of birth.
    assert form.answer_buttons("inc2").answer() == "yes"
    assert form.inc1_label.text().startswith("Yes")
    assert "56" in form.inc1_label.text() or "55" in form.inc1_label.text()
    assert form.inc3_form.values()["ulcer_site"] == "tip"
    assert form.inc3_form.values()["refractory_rule"] == "not_improved_2m"
    assert form.result() == "eligible"
    assert form.banner_result() == "eligible"
    assert form.error_code("screening_date") is None

    info = save(qtbot, form)
    assert info.state == "draft"
    assert info.result == "eligible"
    assert not form.save_button.isEnabled()  # nothing left to save

    confirm = open_confirm(qtbot, form)
    meaning = confirm.findChild(QLabel, "meaning")
    assert meaning is not None
    assert "I confirm this eligibility decision" in meaning.text()
    with qtbot.waitSignal(form.confirmed):
        sign(qtbot, confirm, "investigator", PASSWORDS["investigator"])

    (saved,) = stored(study_users, patient.id)
    assert saved.state == "confirmed"
    assert saved.result == "eligible"
    assert saved.failed == ()
    assert saved.confirmed_by == "investigator"
    assert saved.assessed_by == "nurse"
    assert saved.answers == {
        "inc1": "yes",
        "inc2": "yes",
        "inc3": "yes",
        "inc4": "yes",
        **dict.fromkeys(EXCLUSIONS, "no"),
    }
    assert saved.acr_findings == DOMAIN_EXAMPLE
    assert saved.acr_score == 10
    assert (saved.ulcer_hand, saved.ulcer_finger, saved.ulcer_site) == ("R", "D2", "tip")
    assert (saved.prostacyclin_start, saved.prostacyclin_end) == (COURSE_START, COURSE_END)
    assert saved.screening_date == SCREENED
    assert saved.sources["exc1"] == "X-ray hands before referral"
    assert saved.sources["exc2"] is None

    # The form now shows the decision read-only, with who confirmed it.
    assert form.is_read_only()
    assert "investigator" in form.state_label.text()
    assert not form.save_button.isVisible()
    click(qtbot, form.answer_buttons("exc1").buttons["yes"])
    assert form.answer_buttons("exc1").answer() == "no"

    trail = patients.audit_trail(
        study_users.study, study_users.users["nurse"], patient_id=patient.id
    )
    screening_rows = [a for a in trail if a.table_name == "screenings"]
    assert any(a.action == "insert" and a.username == "nurse" for a in screening_rows)
    assert any(
        a.action == "screening_confirmed"
        and a.username == "investigator"
        and a.new_value == "eligible"
        for a in screening_rows
    )
    assert any(
        a.field == "state" and a.new_value == "confirmed" and a.username == "investigator"
        for a in screening_rows
    )


def test_a_screen_failure_is_confirmed_and_kept_with_its_reasons(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id, role="investigator")
    form = dialog.form
    type_text(qtbot, form.date_form.editor("screening_date"), SCREENED.isoformat())
    answer(qtbot, form, "exc2", "yes")
    type_text(qtbot, form.sources["exc2"], "Breast cancer 2021")
    # One definite failure decides, even with other criteria still open.
    assert form.result() == "not_eligible"
    assert form.banner_result() == "not_eligible"
    assert "E2" in form.result_banner.text()
    save(qtbot, form)

    confirm = open_confirm(qtbot, form)
    assert confirm.user_edit.text() == "investigator"  # the logged-in investigator, prefilled
    with qtbot.waitSignal(form.confirmed):
        type_text(qtbot, confirm.password_edit, PASSWORDS["investigator"])
        qtbot.keyClick(confirm.password_edit, Qt.Key.Key_Return)

    (saved,) = stored(study_users, patient.id)
    assert (saved.state, saved.result, saved.failed) == ("confirmed", "not_eligible", ("exc2",))
    assert saved.sources["exc2"] == "Breast cancer 2021"
    nurse = study_users.users["nurse"]
    assert patients.get_patient(study_users.study, nurse, patient.id).status == "screen_failed"

    # Re-screening is a new record beside the kept failure.
    summary = ScreeningSummary(UiContext(study_users.study, nurse, "en"))
    qtbot.addWidget(summary)
    summary.show_patient(patient.id)
    assert summary.can_start_new()
    assert summary.new_button.isEnabled()
    assert "Not eligible" in summary.latest_label.text()


# -- inclusion 2 ------------------------------------------------------------------------------


def test_contradicting_the_panel_needs_a_written_reason(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    type_text(qtbot, form.date_form.editor("screening_date"), SCREENED.isoformat())
    for code in DOMAIN_EXAMPLE:
        click(qtbot, form.acr_panel.boxes[code])
    assert form.answer_buttons("inc2").answer() == "yes"
    assert form.override_form.isHidden()
    assert form.save_button.isEnabled()

    answer(qtbot, form, "inc2", "no")
    assert not form.override_form.isHidden()
    assert form.error_code("inc2_override_reason") == "inc2_override_reason:required"
    label = form.findChild(QLabel, "error_inc2_override_reason")
    assert label is not None
    assert label.isVisible()
    assert not form.save_button.isEnabled()
    form.save()  # even forced, nothing is saved
    assert stored(study_users, patient.id) == []

    reason = "Panel filled from an outdated letter; rheumatologist disagrees"
    type_text(qtbot, form.override_form.editor("inc2_override_reason"), reason)
    assert form.error_code("inc2_override_reason") is None
    assert form.save_button.isEnabled()
    info = save(qtbot, form)
    assert info.answers["inc2"] == "no"
    assert info.inc2_override_reason == reason
    assert info.result == "not_eligible"
    assert info.failed == ("inc2",)


def test_the_panel_fills_inclusion_2_until_the_nurse_answers(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    type_text(qtbot, form.date_form.editor("screening_date"), SCREENED.isoformat())
    assert form.answer_buttons("inc2").answer() is None  # an untouched panel decides nothing
    click(qtbot, form.acr_panel.boxes["raynaud"])
    assert form.answer_buttons("inc2").answer() == "no"
    assert "3 / 19" in form.panel_summary.text()
    click(qtbot, form.acr_panel.boxes["skin_thickening_proximal_mcp"])
    assert form.answer_buttons("inc2").answer() == "yes"
    click(qtbot, form.acr_panel.na_boxes["acr_na_spares_fingers"])
    assert form.answer_buttons("inc2").answer() == "no"
    assert not form.acr_panel.findings_box.isEnabled()


# -- impossible dates and bad input ----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "code"),
    [
        (
            "screening_date",
            (CONSENTED - dt.timedelta(days=1)).isoformat(),
            "screening_date:inconsistent",
        ),
        (
            "screening_date",
            (TODAY + dt.timedelta(days=3)).isoformat(),
            "screening_date:date_in_future",
        ),
        ("screening_date", "2026-02-30", "screening_date:not_a_date"),
        (
            "prostacyclin_end",
            (COURSE_START - dt.timedelta(days=1)).isoformat(),
            "prostacyclin_end:inconsistent",
        ),
        (
            "prostacyclin_start",
            (TODAY + dt.timedelta(days=1)).isoformat(),
            "prostacyclin_start:date_in_future",
        ),
    ],
)
def test_impossible_dates_are_named_at_their_field_and_nothing_is_saved(
    qtbot: QtBot,
    study_users: StudyWithUsers,
    patient: PatientRow,
    field: str,
    text: str,
    code: str,
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    fill_eligible(qtbot, form)
    assert form.save_button.isEnabled()
    editor_form = form.date_form if field == "screening_date" else form.inc3_form
    type_text(qtbot, editor_form.editor(field), text)
    assert form.error_code(field) == code
    label = form.findChild(QLabel, f"error_{field}")
    assert label is not None
    assert label.isVisible()
    assert not form.save_button.isEnabled()
    assert form.banner_result() == "undecided"
    form.save()  # even forced
    assert stored(study_users, patient.id) == []
    # The form keeps everything that was typed.
    assert form.answer_buttons("exc7").answer() == "no"
    assert form.acr_panel.findings() == DOMAIN_EXAMPLE
    assert form.sources["exc1"].text() == "X-ray hands before referral"


def test_inclusion_3_yes_needs_the_qualifying_ulcer(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    type_text(qtbot, form.date_form.editor("screening_date"), SCREENED.isoformat())
    answer(qtbot, form, "inc3", "yes")
    for name in ("ulcer_hand", "ulcer_finger", "ulcer_site", "refractory_rule"):
        assert form.error_code(name) == f"{name}:required"
    assert not form.save_button.isEnabled()
    answer(qtbot, form, "inc3", "not_assessed")
    assert form.error_code("ulcer_hand") is None
    assert form.save_button.isEnabled()


def test_the_recurrence_date_is_asked_only_for_the_recurrence_rule(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    recurrence = form.inc3_form.editor("recurrence_date")
    assert recurrence.isHidden()
    fill_eligible(qtbot, form)
    rule = form.inc3_form.editor("refractory_rule")
    rule.setFocus()
    qtbot.keyClick(rule, Qt.Key.Key_Down)  # the entry after "Not improved…": "Same ulcer…"
    assert form.inc3_form.values()["refractory_rule"] == "recurred_3m"
    assert not recurrence.isHidden()
    assert form.error_code("recurrence_date") == "recurrence_date:required"
    type_text(qtbot, recurrence, (COURSE_END + dt.timedelta(days=30)).isoformat())
    assert form.error_code("recurrence_date") is None
    assert form.result() == "eligible"
    type_text(qtbot, recurrence, (SCREENED + dt.timedelta(days=1)).isoformat())  # after screening
    assert form.error_code("recurrence_date") == "recurrence_date:inconsistent"


# -- confirming -------------------------------------------------------------------------------


def saved_draft(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow, *, decided: bool = True
) -> ScreeningDialog:
    """A saved draft in its open dialog (keep the dialog: qtbot holds widgets only weakly)."""
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    if decided:
        fill_eligible(qtbot, form)
    else:
        type_text(qtbot, form.date_form.editor("screening_date"), SCREENED.isoformat())
        answer(qtbot, form, "exc1", "no")
    save(qtbot, form)
    return dialog


def test_a_nurse_cannot_confirm(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = saved_draft(qtbot, study_users, patient)
    form = dialog.form
    confirm = open_confirm(qtbot, form)
    assert confirm.user_edit.text() == ""  # a nurse's own name is not offered
    with qtbot.assertNotEmitted(form.confirmed):
        sign(qtbot, confirm, "nurse", PASSWORDS["nurse"])
    assert confirm.error_code() == "permission_denied"
    assert confirm.isVisible()
    assert confirm.password_edit.text() == ""
    (draft,) = stored(study_users, patient.id)
    assert draft.state == "draft"


def test_a_wrong_password_is_refused(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = saved_draft(qtbot, study_users, patient)
    form = dialog.form
    confirm = open_confirm(qtbot, form)
    with qtbot.assertNotEmitted(form.confirmed):
        sign(qtbot, confirm, "investigator", "not-the-password")
    assert confirm.error_code() == "bad_credentials"
    assert stored(study_users, patient.id)[0].state == "draft"


def test_an_undecided_screening_cannot_be_confirmed(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = saved_draft(qtbot, study_users, patient, decided=False)
    form = dialog.form
    assert form.banner_result() == "undecided"
    confirm = open_confirm(qtbot, form)
    sign(qtbot, confirm, "investigator", PASSWORDS["investigator"])
    assert confirm.error_code() == "screening_undecided"
    assert stored(study_users, patient.id)[0].state == "draft"


def test_confirm_waits_for_unsaved_changes(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = saved_draft(qtbot, study_users, patient)
    form = dialog.form
    assert form.confirm_button.isEnabled()
    type_text(qtbot, form.sources["exc3"], "Post-menopausal")
    assert form.is_dirty()
    assert not form.confirm_button.isEnabled()
    assert form.confirm() is None


# -- changing a saved draft -------------------------------------------------------------------


def test_changing_a_saved_answer_asks_for_a_reason(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = saved_draft(qtbot, study_users, patient)
    form = dialog.form
    # Filling an empty field needs no reason.
    type_text(qtbot, form.sources["exc5"], "BP 128/80")
    assert form.save() is None
    assert stored(study_users, patient.id)[0].sources["exc5"] == "BP 128/80"

    answer(qtbot, form, "exc5", "yes")
    assert form.result() == "not_eligible"
    reason_dialog = form.save()
    assert reason_dialog is not None
    assert stored(study_users, patient.id)[0].answers["exc5"] == "no"  # not yet
    reason_dialog.set_reason("Source document corrected")
    with qtbot.waitSignal(form.saved):
        reason_dialog.accept()
    (saved,) = stored(study_users, patient.id)
    assert saved.answers["exc5"] == "yes"
    assert saved.result == "not_eligible"
    trail = patients.audit_trail(
        study_users.study, study_users.users["nurse"], patient_id=patient.id
    )
    change = next(a for a in trail if a.field == "exc5")
    assert (change.old_value, change.new_value) == ("no", "yes")
    assert change.reason == "Source document corrected"


def test_a_confirmed_screening_opens_read_only(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = saved_draft(qtbot, study_users, patient)
    form = dialog.form
    info = form.screening_info()
    assert info is not None
    screening.confirm_screening(
        study_users.study, "investigator", PASSWORDS["investigator"], info.id
    )
    second = open_dialog(qtbot, study_users, patient.id, screening_id=info.id)
    again = second.form
    assert again.is_read_only()
    assert again.banner_result() == "eligible"
    assert "investigator" in again.state_label.text()
    assert not again.save_button.isVisible()
    assert again.date_form.editor("screening_date").property("readOnly") is True
    assert again.acr_panel.findings() == DOMAIN_EXAMPLE
    assert again.acr_panel.is_read_only()
    click(qtbot, again.acr_panel.boxes["telangiectasia"])
    assert again.acr_panel.findings() == DOMAIN_EXAMPLE
    assert again.confirm() is None
    assert again.save() is None


# -- keyboard ---------------------------------------------------------------------------------


def test_tab_moves_through_date_answers_and_sources_in_order(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    date = form.date_form.editor("screening_date")
    date.setFocus()
    qtbot.waitUntil(date.hasFocus)

    def tab() -> QWidget | None:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        return QApplication.focusWidget()

    assert tab() is form.sources["inc1"]
    assert tab() is form.answer_buttons("inc2").buttons["yes"]
    # Arrow keys move inside the group; Space answers.
    qtbot.keyClick(form.answer_buttons("inc2").buttons["yes"], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is form.answer_buttons("inc2").buttons["no"]
    assert tab() is form.sources["inc2"]
    # The hidden override reason is skipped; the panel that backs inclusion 2 follows.
    assert tab() is form.acr_panel.na_boxes["acr_na_spares_fingers"]
    panel = form.acr_panel
    # The capillaroscopy at screening (pattern, date) follows its finding.
    for _ in range(len(panel.na_boxes) + list(panel.boxes).index("abnormal_capillaries")):
        tab()
    assert QApplication.focusWidget() is panel.boxes["abnormal_capillaries"]
    assert tab() is panel.capillaroscopy_form.editor("capillaroscopy_pattern")
    assert tab() is panel.capillaroscopy_form.editor("capillaroscopy_date")
    for _ in range(len(panel.boxes) - list(panel.boxes).index("abnormal_capillaries") - 1):
        tab()
    assert QApplication.focusWidget() is form.acr_panel.boxes["anti_rna_polymerase_iii"]
    assert tab() is form.answer_buttons("inc3").buttons["yes"]
    qtbot.keyClick(form.answer_buttons("inc3").buttons["yes"], Qt.Key.Key_Space)
    assert form.answer_buttons("inc3").answer() == "yes"
    assert tab() is form.sources["inc3"]
    assert tab() is form.inc3_form.editor("ulcer_hand")
    # Once a group has an answer, Tab enters it on the answer only.
    for _ in range(5):
        tab()
    assert QApplication.focusWidget() is form.inc3_form.editor("refractory_rule")
    assert tab() is form.answer_buttons("inc4").buttons["yes"]
    assert tab() is form.sources["inc4"]
    assert tab() is form.answer_buttons("exc1").buttons["yes"]
    assert tab() is form.sources["exc1"]
    chain = form.tab_chain
    assert chain[0] is date
    assert chain[-2:] == [form.save_button, form.confirm_button]


# -- the patient page's summary ---------------------------------------------------------------


def make_summary(
    qtbot: QtBot, study_users: StudyWithUsers, role: str = "nurse"
) -> ScreeningSummary:
    summary = ScreeningSummary(UiContext(study_users.study, study_users.users[role], "en"))
    qtbot.addWidget(summary)
    summary.show()
    return summary


def test_summary_offers_a_new_screening_and_refreshes_after_save(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    summary = make_summary(qtbot, study_users)
    summary.show_patient(patient.id)
    assert summary.latest() is None
    assert summary.latest_label.text() == "No screening yet"
    assert summary.new_button.isEnabled()
    assert not summary.open_button.isEnabled()

    qtbot.mouseClick(summary.new_button, Qt.MouseButton.LeftButton)
    dialog = summary.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.form.date_form.editor("screening_date"), SCREENED.isoformat())
    answer(qtbot, dialog.form, "exc4", "yes")
    with qtbot.waitSignal(summary.changed) as changed:
        qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == [patient.id]
    latest = summary.latest()
    assert latest is not None
    assert latest.result == "not_eligible"
    assert SCREENED.isoformat() in summary.latest_label.text()
    assert "Draft" in summary.state_label.text()
    # A draft is open: no second screening until it is confirmed (or void).
    assert not summary.can_start_new()
    assert not summary.new_button.isEnabled()
    assert summary.open_button.isEnabled()
    opened = summary.open_screening()
    assert opened is not None
    assert opened.form.screening_info() == latest
    opened.form.close()


def test_summary_lists_earlier_screenings(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    nurse = study_users.users["nurse"]
    first = screening.save_screening(
        study_users.study,
        nurse,
        patient.id,
        screening.ScreeningInput(
            screening_date=SCREENED - dt.timedelta(days=20), answers={"exc6": "yes"}
        ),
    )
    screening.confirm_screening(
        study_users.study, "investigator", PASSWORDS["investigator"], first.id
    )
    screening.save_screening(
        study_users.study, nurse, patient.id, screening.ScreeningInput(screening_date=SCREENED)
    )
    summary = make_summary(qtbot, study_users)
    summary.show_patient(patient.id)
    assert len(summary.screenings()) == 2
    assert summary.earlier.count() == 1
    item = summary.earlier.item(0)
    assert item is not None
    assert (SCREENED - dt.timedelta(days=20)).isoformat() in item.text()
    assert "Not eligible" in item.text()
    assert "Not yet decided" in summary.latest_label.text()


def test_summary_for_a_monitor_has_no_actions(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    summary = make_summary(qtbot, study_users, "monitor")
    summary.show_patient(patient.id)
    assert not summary.new_button.isVisible()
    assert not summary.open_button.isVisible()
    assert summary.new_screening() is None
    assert summary.error_code() is None


def test_closing_with_unsaved_changes_asks_first(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    type_text(qtbot, dialog.form.date_form.editor("screening_date"), SCREENED.isoformat())
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    question = dialog.discard_question()
    assert question is not None
    assert dialog.isVisible()
    question.button(question.StandardButton.Cancel).click()
    assert dialog.isVisible()
    assert dialog.form.date_form.raw_text("screening_date") == SCREENED.isoformat()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    question = dialog.discard_question()
    assert question is not None
    with qtbot.waitSignal(dialog.rejected):
        question.button(question.StandardButton.Discard).click()
    assert stored(study_users, patient.id) == []


# -- the capillaroscopy at screening ---------------------------------------------------------

CAPILLAROSCOPY_ON = SCREENED - dt.timedelta(days=10)


def choose_capillaroscopy(qtbot: QtBot, form: ScreeningForm, text: str, done: dt.date) -> None:
    nvc = form.acr_panel.capillaroscopy_form
    choose(qtbot, nvc.editor("capillaroscopy_pattern"), text)
    type_text(qtbot, nvc.editor("capillaroscopy_date"), done.isoformat())


def test_an_active_capillaroscopy_ticks_the_finding_and_is_saved(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    fill_eligible(qtbot, form)
    assert form.acr_panel.total() == 10
    box = form.acr_panel.boxes["abnormal_capillaries"]
    assert box.isEnabled()
    assert not box.isChecked()

    choose_capillaroscopy(qtbot, form, "Active", CAPILLAROSCOPY_ON)
    assert box.isChecked()
    assert not box.isEnabled()
    assert form.acr_panel.total() == 12
    preview = form.preview_info()
    assert preview is not None
    assert preview.acr_score == 12

    info = save(qtbot, form)
    assert (info.capillaroscopy_pattern, info.capillaroscopy_date) == ("active", CAPILLAROSCOPY_ON)
    (saved,) = stored(study_users, patient.id)
    assert saved.capillaroscopy_pattern == "active"
    assert saved.capillaroscopy_date == CAPILLAROSCOPY_ON
    assert "abnormal_capillaries" in saved.acr_findings
    assert saved.acr_score == 12

    # Opened again, the pattern and its locked finding come back.
    reopened = open_dialog(qtbot, study_users, patient.id, screening_id=saved.id)
    again = reopened.form
    nvc = again.acr_panel.capillaroscopy_form
    assert nvc.values() == {
        "capillaroscopy_pattern": "active",
        "capillaroscopy_date": CAPILLAROSCOPY_ON,
    }
    assert not again.acr_panel.boxes["abnormal_capillaries"].isEnabled()
    assert again.acr_panel.total() == 12
    assert not again.is_dirty()


def test_a_capillaroscopy_after_the_screening_is_named_at_its_date(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    fill_eligible(qtbot, form)
    choose_capillaroscopy(qtbot, form, "Late", SCREENED + dt.timedelta(days=1))
    assert form.error_code("capillaroscopy_date") == "capillaroscopy_date:inconsistent"
    label = form.findChild(QLabel, "error_capillaroscopy_date")
    assert label is not None
    assert label.isVisible()
    assert not form.save_button.isEnabled()
    form.save()
    assert stored(study_users, patient.id) == []


def test_a_normal_capillaroscopy_with_the_finding_ticked_is_refused(
    qtbot: QtBot, study_users: StudyWithUsers, patient: PatientRow
) -> None:
    dialog = open_dialog(qtbot, study_users, patient.id)
    form = dialog.form
    fill_eligible(qtbot, form)
    choose_capillaroscopy(qtbot, form, "Normal", CAPILLAROSCOPY_ON)
    box = form.acr_panel.boxes["abnormal_capillaries"]
    assert not box.isChecked()
    click(qtbot, box)  # the nurse ticks it anyway
    assert box.isChecked()
    assert form.error_code("acr_findings") == "acr_findings:inconsistent"
    assert form.acr_error.isVisible()
    assert not form.save_button.isEnabled()
