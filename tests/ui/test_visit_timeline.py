"""The visit timeline: enrol, record, miss and add visits through the dialogs; what it draws."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from sscvisit.services import clock, screening, visits
from sscvisit.services.dto import PatientRow, VisitInfo
from sscvisit.ui.context import UiContext
from sscvisit.ui.visit_dialogs import (
    EnrolDialog,
    MissedVisitDialog,
    RecordVisitDialog,
    UnscheduledVisitDialog,
)
from sscvisit.ui.visit_timeline import (
    STATUS_COLOURS,
    STATUS_ROLE,
    VisitMark,
    VisitTableModel,
    VisitTimeline,
)
from tests.studyfixtures import PASSWORDS, StudyWithUsers, register_patient

TODAY = clock.today()
DAY = dt.timedelta(days=1)
SCREENED = TODAY - 70 * DAY
INJECTION = SCREENED + 10 * DAY  # day 0: TODAY - 60
WEEK1 = INJECTION + 7 * DAY  # window +/- 2 days
WEEK4 = INJECTION + 28 * DAY  # window +/- 4 days
WEEK8 = INJECTION + 56 * DAY  # window +/- 7 days: open today (TODAY - 4)


# --- fixtures and helpers ---------------------------------------------------------------------


@dataclass
class Eligible:
    patient: PatientRow
    screening_id: int


def eligible_patient(
    study_users: StudyWithUsers, *, hospital_number: str = "H1000001", screened: dt.date = SCREENED
) -> Eligible:
    """A registered patient whose screening an investigator confirmed as eligible.

    Built through the screening service: a full set of passing answers, the ACR/EULAR panel
    classifying (proximal skin thickening, 9 points) and a refractory qualifying ulcer.
    """
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(
        study, nurse, hospital_number=hospital_number, consent_date=screened - 5 * DAY
    )
    answers: dict[str, str | None] = {"inc2": None, "inc3": "yes", "inc4": "yes"}
    answers.update({f"exc{n}": "no" for n in range(1, 8)})
    data = screening.ScreeningInput(
        screening_date=screened,
        answers=answers,
        acr_findings=("skin_thickening_proximal_mcp",),
        ulcer_hand="R",
        ulcer_finger="D2",
        ulcer_site="tip",
        prostacyclin_start=screened - 100 * DAY,
        prostacyclin_end=screened - 95 * DAY,
        refractory_rule="worse_1m",
    )
    draft = screening.save_screening(study, nurse, patient.id, data)
    investigator = study_users.users["investigator"]
    confirmed = screening.confirm_screening(
        study, investigator.username, PASSWORDS["investigator"], draft.id
    )
    assert (confirmed.state, confirmed.result) == ("confirmed", "eligible")
    return Eligible(patient, confirmed.id)


def enrolled_patient(study_users: StudyWithUsers, hospital_number: str = "H1000001") -> PatientRow:
    """Eligible and enrolled through the service, the injection planned for INJECTION."""
    made = eligible_patient(study_users, hospital_number=hospital_number)
    visits.enrol(
        study_users.study,
        study_users.users["nurse"],
        made.patient.id,
        planned_injection_date=INJECTION,
        enrolled_on=SCREENED + DAY,
    )
    return made.patient


def make_timeline(
    qtbot: QtBot,
    study_users: StudyWithUsers,
    patient: PatientRow,
    role: str = "nurse",
    language: str = "en",
) -> VisitTimeline:
    timeline = VisitTimeline(UiContext(study_users.study, study_users.users[role], language))
    qtbot.addWidget(timeline)
    timeline.resize(1100, 700)
    timeline.show()
    timeline.show_patient(patient.id)
    return timeline


def retype(qtbot: QtBot, editor: QWidget, text: str) -> None:
    """Replace a field's text by keyboard (a line edit, or the multi-line comment)."""
    if isinstance(editor, QPlainTextEdit):
        editor.selectAll()
        editor.textCursor().removeSelectedText()
    else:
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        editor.del_()
    if text:
        qtbot.keyClicks(editor, text)


def stored(study_users: StudyWithUsers, patient: PatientRow, code: str) -> VisitInfo:
    rows = visits.schedule(study_users.study, study_users.users["nurse"], patient.id)
    return next(v for v in rows if v.visit_code == code)


def open_record(qtbot: QtBot, timeline: VisitTimeline, code: str) -> RecordVisitDialog:
    visit = timeline.visit(code)
    assert visit is not None
    assert timeline.select_visit(visit.id)
    assert timeline.record_button.isEnabled()
    qtbot.mouseClick(timeline.record_button, Qt.MouseButton.LeftButton)
    dialog = timeline.dialog
    assert isinstance(dialog, RecordVisitDialog)
    assert dialog.isVisible()
    assert dialog.visit.id == visit.id
    return dialog


def record(
    qtbot: QtBot,
    timeline: VisitTimeline,
    code: str,
    day: dt.date,
    *,
    deviation: str | None = None,
    reason: str | None = None,
) -> None:
    dialog = open_record(qtbot, timeline, code)
    retype(qtbot, dialog.editor("visit_date"), day.isoformat())
    if deviation is not None:
        assert dialog.deviation_shown()
        retype(qtbot, dialog.editor("deviation_reason"), deviation)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(timeline.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        if reason is not None:
            assert dialog.reason_dialog is not None
            dialog.reason_dialog.set_reason(reason)
            dialog.reason_dialog.accept()


def row_status(timeline: VisitTimeline, code: str) -> str:
    visit = timeline.visit(code)
    assert visit is not None
    row = timeline.model.row_of(visit.id)
    return str(timeline.model.index(row, 0).data(STATUS_ROLE))


def mark_of(timeline: VisitTimeline, code: str, sequence: int = 0) -> VisitMark:
    visit = timeline.visit(code, sequence)
    assert visit is not None
    return next(m for m in timeline.marks() if m.visit_id == visit.id)


# --- the model --------------------------------------------------------------------------------


def test_the_visit_model_passes_the_model_tester(
    qtmodeltester: object, study_users: StudyWithUsers
) -> None:
    model = VisitTableModel("en")
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    patient = enrolled_patient(study_users)
    rows = visits.schedule(study_users.study, study_users.users["nurse"], patient.id)
    model.set_visits(rows)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 5
    assert model.columnCount() == 7
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.index(0, 0).data() == "Injection (baseline)"
    assert model.index(0, 1).data() == INJECTION.isoformat()
    assert model.index(1, 2).data() == f"{WEEK1 - 2 * DAY} – {WEEK1 + 2 * DAY}"
    assert model.index(1, 3).data() == "—"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Visit"
    assert not model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsEnabled


# --- before enrolment -------------------------------------------------------------------------


def test_a_patient_not_yet_screened_is_not_enrolled_and_cannot_be(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient = register_patient(study_users.study, study_users.users["nurse"])
    timeline = make_timeline(qtbot, study_users, patient)
    assert not timeline.is_enrolled()
    assert timeline.state_label.text() == "Not enrolled"
    assert not timeline.enrol_button.isVisible()
    assert not timeline.may_enrol()
    assert timeline.enrol() is None
    assert not timeline.strip.isVisible()
    assert not timeline.table.isVisible()
    assert not timeline.record_button.isVisible()


def test_enrol_appears_for_data_entry_once_the_screening_is_confirmed_eligible(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    made = eligible_patient(study_users)
    nurse_view = make_timeline(qtbot, study_users, made.patient)
    assert nurse_view.state_label.text() == "Not enrolled"
    assert nurse_view.enrol_button.isVisible()
    monitor_view = make_timeline(qtbot, study_users, made.patient, "monitor")
    assert monitor_view.state_label.text() == "Not enrolled"
    assert not monitor_view.enrol_button.isVisible()
    assert monitor_view.enrol() is None


def test_enrol_through_the_dialog_creates_the_schedule(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    made = eligible_patient(study_users)
    timeline = make_timeline(qtbot, study_users, made.patient)
    qtbot.mouseClick(timeline.enrol_button, Qt.MouseButton.LeftButton)
    dialog = timeline.dialog
    assert isinstance(dialog, EnrolDialog)
    assert dialog.isVisible()
    assert dialog.allowed == (SCREENED + DAY, SCREENED + 28 * DAY)
    assert (SCREENED + DAY).isoformat() in dialog.range_label.text()
    assert (SCREENED + 28 * DAY).isoformat() in dialog.range_label.text()
    enrolled_on = dialog.editor("enrolled_on")
    assert isinstance(enrolled_on, QLineEdit)
    assert enrolled_on.text() == TODAY.isoformat()  # the default
    assert not dialog.save_button.isEnabled()  # no planned injection yet

    # Outside the screening window: the service says so at the field; nothing is saved.
    retype(qtbot, enrolled_on, (SCREENED + DAY).isoformat())
    retype(qtbot, dialog.editor("planned_injection_date"), (SCREENED + 40 * DAY).isoformat())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_code("planned_injection_date") == "planned_injection_date:inconsistent"
    assert not dialog.save_button.isEnabled()
    nurse = study_users.users["nurse"]
    assert visits.get_enrolment(study_users.study, nurse, made.patient.id) is None

    retype(qtbot, dialog.editor("planned_injection_date"), INJECTION.isoformat())
    assert dialog.error_code("planned_injection_date") is None
    with qtbot.waitSignal(timeline.changed) as changed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == [made.patient.id]
    enrolment = visits.get_enrolment(study_users.study, nurse, made.patient.id)
    assert enrolment is not None
    assert enrolment.planned_injection_date == INJECTION
    assert enrolment.enrolled_on == SCREENED + DAY
    assert enrolment.screening_id == made.screening_id
    assert timeline.is_enrolled()
    assert timeline.state_label.text() == f"Enrolled on {SCREENED + DAY}"
    assert not timeline.enrol_button.isVisible()
    assert timeline.strip.isVisible()
    assert [v.visit_code for v in timeline.visits()] == [
        "injection",
        "week1",
        "week4",
        "week8",
        "week12",
    ]
    assert timeline.model.rowCount() == 5


# --- recording visits -------------------------------------------------------------------------


def test_record_the_injection_and_week_1_through_the_dialogs(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient = enrolled_patient(study_users)
    timeline = make_timeline(qtbot, study_users, patient)
    assert not timeline.unscheduled_button.isEnabled()  # not before the injection
    assert row_status(timeline, "injection") == "overdue"  # planned 60 days ago

    record(qtbot, timeline, "injection", INJECTION)
    injection = stored(study_users, patient, "injection")
    assert (injection.visit_date, injection.outcome, injection.status) == (
        INJECTION,
        "done",
        "done",
    )
    assert row_status(timeline, "injection") == "done"
    assert timeline.unscheduled_button.isEnabled()

    dialog = open_record(qtbot, timeline, "week1")
    retype(qtbot, dialog.editor("visit_date"), WEEK1.isoformat())
    assert not dialog.deviation_shown()  # inside the window: no reason asked
    retype(qtbot, dialog.editor("comment"), "All well")
    with qtbot.waitSignal(timeline.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    week1 = stored(study_users, patient, "week1")
    assert (week1.visit_date, week1.status, week1.comment) == (WEEK1, "done", "All well")
    assert week1.deviation_reason is None
    selected = timeline.selected_visit()
    assert selected is not None
    assert selected.id == week1.id  # the saved visit stays selected
    assert timeline.model.index(timeline.model.row_of(week1.id), 6).data() == "All well"
    # The recorded visit has its protocol forms still to do: the forms column says so.
    forms = timeline.model.index(timeline.model.row_of(week1.id), 5)
    assert forms.data() == "5 forms missing"
    assert forms.data(Qt.ItemDataRole.ToolTipRole) == (
        "Missing: Vital signs, Ulcer map, Adverse event review, Medication review, Labs"
    )
    assert (
        timeline.model.index(
            timeline.model.row_of(stored(study_users, patient, "week4").id), 5
        ).data()
        == ""
    )
    from sscvisit.services import completeness

    for form in week1.forms:
        completeness.mark_not_done(
            study_users.study, study_users.users["nurse"], week1.id, form, "Phone visit"
        )
    timeline.refresh()
    assert timeline.model.index(timeline.model.row_of(week1.id), 5).data() == "complete"


def test_an_out_of_window_date_demands_a_deviation_reason(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient = enrolled_patient(study_users)
    timeline = make_timeline(qtbot, study_users, patient)
    record(qtbot, timeline, "injection", INJECTION)

    dialog = open_record(qtbot, timeline, "week4")
    assert not dialog.deviation_shown()
    late = WEEK4 + 9 * DAY  # window closes at +4
    retype(qtbot, dialog.editor("visit_date"), late.isoformat())
    assert dialog.deviation_shown()  # appears as the date is typed
    assert dialog.error_code("deviation_reason") == "deviation_reason:required"
    assert (WEEK4 - 4 * DAY).isoformat() in dialog.deviation_label.text()
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert stored(study_users, patient, "week4").visit_date is None

    # Back inside the window the reason is not asked; out again, it is.
    retype(qtbot, dialog.editor("visit_date"), WEEK4.isoformat())
    assert not dialog.deviation_shown()
    assert dialog.save_button.isEnabled()
    retype(qtbot, dialog.editor("visit_date"), late.isoformat())
    retype(qtbot, dialog.editor("deviation_reason"), "Patient was abroad")
    assert dialog.error_code("deviation_reason") is None
    with qtbot.waitSignal(timeline.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    week4 = stored(study_users, patient, "week4")
    assert (week4.visit_date, week4.status) == (late, "done_out_of_window")
    assert week4.deviation_reason == "Patient was abroad"
    assert row_status(timeline, "week4") == "done_out_of_window"
    row = timeline.model.row_of(week4.id)
    assert timeline.model.index(row, 4).data() == "Done, outside the window"
    assert timeline.model.index(row, 6).data() == "Patient was abroad"
    mark = mark_of(timeline, "week4")
    assert mark.status == "done_out_of_window"
    assert mark.colour == STATUS_COLOURS["done_out_of_window"]
    assert mark.warning
    band = mark.band
    assert band is not None
    assert mark.date_x is not None
    assert mark.date_x > band[1]


def test_a_future_date_is_refused_at_the_field_and_nothing_is_saved(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient = enrolled_patient(study_users)
    timeline = make_timeline(qtbot, study_users, patient)
    record(qtbot, timeline, "injection", INJECTION)
    dialog = open_record(qtbot, timeline, "week8")
    retype(qtbot, dialog.editor("visit_date"), (TODAY + DAY).isoformat())
    assert dialog.error_code("visit_date") == "visit_date:date_in_future"
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert stored(study_users, patient, "week8").visit_date is None


def test_a_date_before_the_injection_is_refused_at_the_field(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient = enrolled_patient(study_users)
    timeline = make_timeline(qtbot, study_users, patient)

    # Before the injection is recorded no follow-up visit can be.
    dialog = open_record(qtbot, timeline, "week1")
    retype(qtbot, dialog.editor("visit_date"), WEEK1.isoformat())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_code("visit_date") == "visit_date:inconsistent"
    assert not dialog.save_button.isEnabled()
    assert stored(study_users, patient, "week1").visit_date is None
    dialog.reject()

    record(qtbot, timeline, "injection", INJECTION)
    dialog = open_record(qtbot, timeline, "week1")
    retype(qtbot, dialog.editor("visit_date"), (INJECTION - DAY).isoformat())
    dialog.editor("deviation_reason")  # it exists; out of window too, so fill it
    retype(qtbot, dialog.editor("deviation_reason"), "Came early")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_code("visit_date") == "visit_date:inconsistent"
    week1 = stored(study_users, patient, "week1")
    assert (week1.visit_date, week1.status) == (None, "overdue")


def test_changing_a_saved_date_asks_for_a_reason(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient = enrolled_patient(study_users)
    timeline = make_timeline(qtbot, study_users, patient)
    record(qtbot, timeline, "injection", INJECTION)
    record(qtbot, timeline, "week1", WEEK1)

    dialog = open_record(qtbot, timeline, "week1")
    editor = dialog.editor("visit_date")
    assert isinstance(editor, QLineEdit)
    assert editor.text() == WEEK1.isoformat()
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    retype(qtbot, editor, (WEEK1 + DAY).isoformat())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    reason = dialog.reason_dialog
    assert reason is not None
    assert reason.isVisible()
    assert stored(study_users, patient, "week1").visit_date == WEEK1  # not before the reason
    reason.set_reason("Transcription error")
    with qtbot.waitSignal(timeline.changed):
        reason.accept()
    assert stored(study_users, patient, "week1").visit_date == WEEK1 + DAY


def test_mark_missed_needs_a_reason(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient = enrolled_patient(study_users)
    timeline = make_timeline(qtbot, study_users, patient)
    record(qtbot, timeline, "injection", INJECTION)
    week1 = timeline.visit("week1")
    assert week1 is not None
    timeline.select_visit(week1.id)
    qtbot.mouseClick(timeline.missed_button, Qt.MouseButton.LeftButton)
    dialog = timeline.dialog
    assert isinstance(dialog, MissedVisitDialog)
    assert not dialog.save_button.isEnabled()
    dialog.submit()  # pressing Save anyway shows what is missing
    assert dialog.error_code("missed_reason") == "missed_reason:required"
    retype(qtbot, dialog.editor("missed_reason"), "Admitted to hospital elsewhere")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(timeline.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = stored(study_users, patient, "week1")
    assert (saved.status, saved.missed_reason) == ("missed", "Admitted to hospital elsewhere")
    assert row_status(timeline, "week1") == "missed"
    mark = mark_of(timeline, "week1")
    assert mark.crossed
    assert mark.colour == STATUS_COLOURS["missed"]
    timeline.select_visit(saved.id)
    assert not timeline.missed_button.isEnabled()  # already missed


def test_add_an_unscheduled_visit(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient = enrolled_patient(study_users)
    timeline = make_timeline(qtbot, study_users, patient)
    assert timeline.add_unscheduled() is None  # the injection is not recorded yet
    record(qtbot, timeline, "injection", INJECTION)
    qtbot.mouseClick(timeline.unscheduled_button, Qt.MouseButton.LeftButton)
    dialog = timeline.dialog
    assert isinstance(dialog, UnscheduledVisitDialog)
    day = INJECTION + 20 * DAY
    retype(qtbot, dialog.editor("visit_date"), (TODAY + 2 * DAY).isoformat())
    assert dialog.error_code("visit_date") == "visit_date:date_in_future"
    retype(qtbot, dialog.editor("visit_date"), day.isoformat())
    retype(qtbot, dialog.editor("comment"), "New ulcer on D3")
    with qtbot.waitSignal(timeline.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    extra = timeline.visit("unscheduled", 1)
    assert extra is not None
    assert (extra.visit_date, extra.status, extra.comment) == (day, "done", "New ulcer on D3")
    assert timeline.visits()[-1].id == extra.id  # after the scheduled visits
    mark = mark_of(timeline, "unscheduled", 1)
    assert mark.shape == "diamond"
    assert mark.band is None
    assert mark.day == 20


def test_read_only_roles_get_no_actions(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient = enrolled_patient(study_users)
    timeline = make_timeline(qtbot, study_users, patient, "monitor")
    assert timeline.is_enrolled()
    assert timeline.table.isVisible()
    assert not timeline.record_button.isVisible()
    assert not timeline.unscheduled_button.isVisible()
    first = timeline.visit("injection")
    assert first is not None
    timeline.select_visit(first.id)
    assert timeline.record_visit() is None
    assert timeline.mark_missed() is None


# --- the strip's geometry ---------------------------------------------------------------------


def test_the_strip_places_and_colours_every_visit(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient = enrolled_patient(study_users)
    nurse = study_users.users["nurse"]
    study = study_users.study
    rows = {v.visit_code: v for v in visits.schedule(study, nurse, patient.id)}
    visits.record_visit(study, nurse, rows["injection"].id, INJECTION)
    visits.mark_missed(study, nurse, rows["week1"].id, "Ill")
    visits.record_visit(study, nurse, rows["week4"].id, WEEK4 - 6 * DAY, deviation_reason="Holiday")
    visits.add_unscheduled(study, nurse, patient.id, INJECTION + 40 * DAY)

    timeline = make_timeline(qtbot, study_users, patient)
    marks = timeline.marks()
    statuses = {m.visit_code: m.status for m in marks}
    assert statuses == {
        "injection": "done",
        "week1": "missed",
        "week4": "done_out_of_window",
        "week8": "due",
        "week12": "planned",
        "unscheduled": "done",
    }
    for mark in marks:
        assert mark.colour == STATUS_COLOURS[mark.status]
        assert mark.warning == (mark.status == "done_out_of_window")
        assert mark.crossed == (mark.status == "missed")
    scheduled = [m for m in marks if m.shape == "circle"]
    assert [m.day for m in scheduled] == [0, 7, 28, 56, 84]
    xs = [m.x for m in scheduled]
    assert xs == sorted(xs)
    assert len(set(xs)) == len(xs)
    axis = timeline.strip.axis()
    assert axis is not None
    width = timeline.strip.width()
    for mark in marks:
        assert 0 < mark.x < width
        assert mark.x == pytest.approx(axis.x_of(mark.day))
        if mark.band is not None:
            assert mark.band[0] <= mark.x <= mark.band[1]
    # The bands grow with the windows (+/-2, +/-4, +/-7 days).
    widths = [m.band[1] - m.band[0] for m in scheduled if m.band is not None]
    assert widths[1] < widths[2] < widths[3] == pytest.approx(widths[4])
    # Today (day 60) lies between week 8 and week 12, inside week 8's window.
    today_x = timeline.today_x()
    assert today_x is not None
    week8 = next(m for m in marks if m.visit_code == "week8")
    assert week8.band is not None
    assert xs[3] < today_x < xs[4]
    assert week8.band[0] < today_x < week8.band[1]
    # Labels never overlap within a row.
    labelled = [m for m in marks if m.label_rect is not None]
    for a in labelled:
        for b in labelled:
            if a is not b and a.label_row == b.label_row:
                assert a.label_rect is not None
                assert b.label_rect is not None
                assert not a.label_rect.intersects(b.label_rect)
    # A narrower strip keeps the order and still fits every mark.
    timeline.resize(560, 600)
    qtbot.waitUntil(lambda: timeline.strip.width() < width)
    narrow = timeline.marks()
    assert [m.x for m in narrow if m.shape == "circle"] == sorted(
        m.x for m in narrow if m.shape == "circle"
    )
    assert all(0 < m.x < timeline.strip.width() for m in narrow)


def test_clicking_a_marker_selects_its_visit(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient = enrolled_patient(study_users)
    timeline = make_timeline(qtbot, study_users, patient)
    week4 = timeline.visit("week4")
    assert week4 is not None
    mark = next(m for m in timeline.marks() if m.visit_id == week4.id)
    point = QPoint(round(mark.x), round(timeline.strip.lane_y()))
    found = timeline.strip.mark_at(point.x(), point.y())
    assert found is not None
    assert found.visit_id == week4.id
    with qtbot.waitSignal(timeline.strip.visitClicked) as clicked:
        qtbot.mouseClick(timeline.strip, Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [week4.id]
    selected = timeline.selected_visit()
    assert selected is not None
    assert selected.id == week4.id
    assert timeline.strip.mark_at(5, 5) is None
