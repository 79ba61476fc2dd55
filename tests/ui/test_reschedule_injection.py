"""Moving the planned injection from the visit timeline: the button, the dialog, the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from sscvisit.services import patients, visits
from sscvisit.services.dto import AuditRow, VisitInfo
from sscvisit.ui.context import UiContext
from sscvisit.ui.visit_dialogs import RescheduleInjectionDialog
from sscvisit.ui.visit_timeline import VisitTimeline
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

DAY = dt.timedelta(days=1)
PLANNED = dt.date(2026, 2, 2)  # enrol_patient's default injection day
SCREENED = PLANNED - 14 * DAY  # the injection may be planned SCREENED + 1 .. SCREENED + 28
ENROLLED = SCREENED + 2 * DAY
FIELD = "planned_injection_date"


def make_timeline(
    qtbot: QtBot, made: EnrolledPatient, role: str = "nurse", language: str = "en"
) -> VisitTimeline:
    timeline = VisitTimeline(UiContext(made.study, made.users[role], language))
    qtbot.addWidget(timeline)
    timeline.resize(1100, 700)
    timeline.show()
    timeline.show_patient(made.patient_id)
    return timeline


def open_dialog(qtbot: QtBot, timeline: VisitTimeline) -> RescheduleInjectionDialog:
    assert timeline.move_injection_button.isEnabled()
    qtbot.mouseClick(timeline.move_injection_button, Qt.MouseButton.LeftButton)
    dialog = timeline.dialog
    assert isinstance(dialog, RescheduleInjectionDialog)
    assert dialog.isVisible()
    return dialog


def retype(qtbot: QtBot, dialog: RescheduleInjectionDialog, text: str) -> None:
    editor = dialog.editor(FIELD)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.del_()
    qtbot.keyClicks(editor, text)


def message_beside(dialog: RescheduleInjectionDialog) -> str:
    label = dialog.findChild(QLabel, f"error_{FIELD}")
    assert isinstance(label, QLabel)
    return label.text() if label.isVisible() else ""


def stored_schedule(made: EnrolledPatient) -> dict[str, VisitInfo]:
    rows = visits.schedule(made.study, made.users["nurse"], made.patient_id)
    return {v.visit_code: v for v in rows}


def planned_day(made: EnrolledPatient) -> dt.date:
    enrolment = visits.get_enrolment(made.study, made.users["nurse"], made.patient_id)
    assert enrolment is not None
    return enrolment.planned_injection_date


def enrolment_audit(made: EnrolledPatient) -> list[AuditRow]:
    trail = patients.audit_trail(made.study, made.users["nurse"], patient_id=made.patient_id)
    return [r for r in trail if r.table_name == "enrolments" and r.field == FIELD]


@pytest.fixture
def made(study_users: StudyWithUsers) -> EnrolledPatient:
    return enrol_patient(study_users, record_injection_visit=False)


def test_moving_the_injection_moves_every_target_date_and_is_audited(
    qtbot: QtBot, made: EnrolledPatient
) -> None:
    timeline = make_timeline(qtbot, made)
    before = {
        code: (v.target_date, v.window_start, v.window_end) for code, v in made.schedule.items()
    }
    assert timeline.move_injection_button.text() == "Move injection…"
    audited_before = len(enrolment_audit(made))

    dialog = open_dialog(qtbot, timeline)
    allowed = dialog.findChild(QLabel, "allowed_range")
    assert isinstance(allowed, QLabel)
    first, last = SCREENED + DAY, SCREENED + 28 * DAY
    assert (first.isoformat(), last.isoformat()) == tuple(
        d.isoformat() for d in visits.injection_window(SCREENED)
    )
    assert first.isoformat() in allowed.text()
    assert last.isoformat() in allowed.text()
    assert dialog.form.raw_text(FIELD) == PLANNED.isoformat()  # the current plan, prefilled
    assert not dialog.save_button.isEnabled()  # nothing changed yet

    new = PLANNED + 9 * DAY
    retype(qtbot, dialog, new.isoformat())
    assert message_beside(dialog) == ""
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    reason_dialog = dialog.reason_dialog
    assert reason_dialog is not None
    assert reason_dialog.isVisible()
    assert planned_day(made) == PLANNED  # nothing saved before the reason is given
    reason = "The patient cannot come on the planned day"
    with qtbot.waitSignal(timeline.changed) as changed:
        reason_dialog.set_reason(reason)
        qtbot.mouseClick(reason_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert changed.args == [made.patient_id]
    assert not dialog.isVisible()

    assert planned_day(made) == new
    after = stored_schedule(made)
    for code, (target, start, end) in before.items():
        assert target is not None
        assert start is not None
        assert end is not None
        moved = after[code]
        assert (moved.target_date, moved.window_start, moved.window_end) == (
            target + 9 * DAY,
            start + 9 * DAY,
            end + 9 * DAY,
        ), code
        shown = timeline.visit(code)
        assert shown is not None
        assert shown.target_date == target + 9 * DAY
    assert new.isoformat() in timeline.detail_label.text()

    rows = enrolment_audit(made)
    assert len(rows) == audited_before + 1
    assert (rows[0].action, rows[0].old_value, rows[0].new_value, rows[0].reason) == (
        "update",
        PLANNED.isoformat(),
        new.isoformat(),
        reason,
    )
    assert rows[0].username == "nurse"


def test_a_day_outside_the_window_is_refused_beside_the_field(
    qtbot: QtBot, made: EnrolledPatient
) -> None:
    timeline = make_timeline(qtbot, made)
    dialog = open_dialog(qtbot, timeline)
    audited_before = len(enrolment_audit(made))

    retype(qtbot, dialog, (SCREENED + 29 * DAY).isoformat())
    assert message_beside(dialog) == "Must fall within the screening window of the protocol."
    assert dialog.error_code(FIELD) == f"{FIELD}:inconsistent"
    assert not dialog.save_button.isEnabled()
    dialog.submit()  # Enter or a forced Save changes nothing either
    assert dialog.reason_dialog is None
    assert dialog.isVisible()

    retype(qtbot, dialog, (ENROLLED - DAY).isoformat())  # in the window, before the enrolment
    assert message_beside(dialog) == "Cannot be before the enrolment date."
    assert not dialog.save_button.isEnabled()

    retype(qtbot, dialog, "2026-02-31")
    assert message_beside(dialog) == "Enter a date as YYYY-MM-DD."
    assert not dialog.save_button.isEnabled()

    assert planned_day(made) == PLANNED
    assert len(enrolment_audit(made)) == audited_before
    week1 = stored_schedule(made)["week1"]
    assert week1.target_date == made.schedule["week1"].target_date


def test_service_refusals_show_in_the_dialog_and_change_nothing(
    qtbot: QtBot, made: EnrolledPatient
) -> None:
    nurse = made.users["nurse"]
    timeline = make_timeline(qtbot, made)

    # Someone else moved the injection after this dialog opened: a conflict, in the banner.
    dialog = open_dialog(qtbot, timeline)
    elsewhere = PLANNED + 3 * DAY
    visits.reschedule_injection(made.study, nurse, made.patient_id, elsewhere, "phoned")
    retype(qtbot, dialog, (PLANNED + 5 * DAY).isoformat())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_dialog is not None
    dialog.reason_dialog.set_reason("The patient is ill")
    dialog.reason_dialog.accept()
    assert dialog.error_code() == "conflict"
    assert dialog.banner.isVisible()
    assert not dialog.save_button.isEnabled()
    assert dialog.isVisible()
    assert planned_day(made) == elsewhere
    dialog.reject()

    # The injection visit was recorded meanwhile: refused at the date, nothing moves.
    timeline.refresh()
    dialog = open_dialog(qtbot, timeline)
    injection = stored_schedule(made)["injection"]
    visits.record_visit(made.study, nurse, injection.id, elsewhere, today=elsewhere)
    retype(qtbot, dialog, (PLANNED + 6 * DAY).isoformat())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_dialog is not None
    dialog.reason_dialog.set_reason("The patient is ill")
    dialog.reason_dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_code(FIELD) == f"{FIELD}:inconsistent"
    assert (
        message_beside(dialog) == "The injection has been recorded; change its visit date instead."
    )
    assert not dialog.save_button.isEnabled()
    assert planned_day(made) == elsewhere


def test_the_button_is_disabled_once_the_injection_is_recorded(
    qtbot: QtBot, made: EnrolledPatient
) -> None:
    timeline = make_timeline(qtbot, made)
    button = timeline.move_injection_button
    assert button.isEnabled()
    assert button.isVisible()
    injection = made.schedule["injection"]
    visits.record_visit(made.study, made.users["nurse"], injection.id, PLANNED, today=PLANNED)
    timeline.refresh()
    assert not button.isEnabled()
    assert "recorded" in button.toolTip()
    assert timeline.move_injection() is None
    assert timeline.dialog is None


def test_a_monitor_cannot_move_the_injection(qtbot: QtBot, made: EnrolledPatient) -> None:
    timeline = make_timeline(qtbot, made, role="monitor")
    assert timeline.is_enrolled()
    assert not timeline.move_injection_button.isEnabled()
    assert not timeline.move_injection_button.isVisible()
    assert timeline.move_injection_button.toolTip() != ""
    assert timeline.move_injection() is None
    assert timeline.dialog is None


def test_the_dialog_is_keyboard_first(qtbot: QtBot, made: EnrolledPatient) -> None:
    timeline = make_timeline(qtbot, made)
    dialog = open_dialog(qtbot, timeline)
    editor = dialog.editor(FIELD)
    assert dialog.focusWidget() is editor
    retype(qtbot, dialog, (PLANNED + DAY).isoformat())
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.save_button
    editor.setFocus()
    shift = dialog.findChild(QLabel, "shift_info")
    assert isinstance(shift, QLabel)
    assert (PLANNED + DAY).isoformat() in shift.text()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert dialog.reason_dialog is not None
    assert dialog.reason_dialog.isVisible()
