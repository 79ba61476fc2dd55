"""This week: what is due and overdue for the whole study, and the page in the main window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sscvisit.services import clock, visits
from sscvisit.services.dto import PatientRow
from sscvisit.services.protocol import week_of
from sscvisit.ui.app import build_main_window
from sscvisit.ui.context import UiContext
from sscvisit.ui.main_window import (
    PAGE_ADMIN,
    PAGE_AUDIT,
    PAGE_PATIENTS,
    PAGE_SAFETY,
    PAGE_ULCERS,
    PAGE_WEEK,
)
from sscvisit.ui.week_overview import PATIENT_ROLE, DueVisitModel, WeekOverview
from tests.studyfixtures import StudyWithUsers
from tests.ui.test_visit_timeline import eligible_patient

DAY = dt.timedelta(days=1)
# A past week, so every date the services must accept lies before the real today.
MONDAY = week_of(clock.today())[0] - 7 * DAY
WEDNESDAY = MONDAY + 2 * DAY


def enrol(
    study_users: StudyWithUsers, hospital_number: str, screened: dt.date, injection: dt.date
) -> PatientRow:
    made = eligible_patient(study_users, hospital_number=hospital_number, screened=screened)
    visits.enrol(
        study_users.study,
        study_users.users["nurse"],
        made.patient.id,
        planned_injection_date=injection,
        enrolled_on=screened + DAY,
    )
    return made.patient


def study_with_visits(study_users: StudyWithUsers) -> tuple[PatientRow, PatientRow]:
    """On WEDNESDAY: A has week 8 due and week 4 overdue; B's planned injection is due.

    A was injected 62 days before; week 1 was done. B's injection is planned for Saturday.
    A third patient, eligible but not enrolled, has nothing scheduled.
    """
    nurse = study_users.users["nurse"]
    a_injection = MONDAY - 60 * DAY
    a = enrol(study_users, "H1000001", a_injection - 10 * DAY, a_injection)
    rows = {v.visit_code: v for v in visits.schedule(study_users.study, nurse, a.id)}
    visits.record_visit(study_users.study, nurse, rows["injection"].id, a_injection)
    visits.record_visit(study_users.study, nurse, rows["week1"].id, a_injection + 7 * DAY)
    b = enrol(study_users, "H1000002", MONDAY - 20 * DAY, MONDAY + 5 * DAY)
    eligible_patient(study_users, hospital_number="H1000003", screened=MONDAY - 3 * DAY)
    return a, b


def make_overview(qtbot: QtBot, study_users: StudyWithUsers, role: str = "nurse") -> WeekOverview:
    overview = WeekOverview(UiContext(study_users.study, study_users.users[role], "en"))
    qtbot.addWidget(overview)
    overview.resize(1100, 700)
    overview.show()
    return overview


def test_the_models_pass_the_model_tester(
    qtmodeltester: object, study_users: StudyWithUsers
) -> None:
    study_with_visits(study_users)
    due, overdue = visits.due_and_overdue(
        study_users.study, study_users.users["nurse"], today=WEDNESDAY
    )
    for kind, rows in (("due", due), ("overdue", overdue)):
        model = DueVisitModel(kind, "en")  # type: ignore[arg-type]
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        model.set_visits(rows, WEDNESDAY)
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_due_and_overdue_at_a_chosen_day(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    a, b = study_with_visits(study_users)
    overview = make_overview(qtbot, study_users)
    overview.refresh(WEDNESDAY)

    due = overview.due_model
    assert [(v.subject_number, v.visit_code) for v in due.rows()] == [
        (a.subject_number, "week8"),
        (b.subject_number, "injection"),
    ]
    assert [due.index(r, 4).data() for r in range(due.rowCount())] == ["1", "3"]
    assert due.index(0, 0).data() == a.subject_number
    assert due.index(0, 1).data() == "Week 8"
    assert due.index(1, 2).data() == (MONDAY + 5 * DAY).isoformat()
    assert due.index(1, 3).data() == (MONDAY + 5 * DAY).isoformat()  # a one-day window
    assert due.index(0, 0).data(PATIENT_ROLE) == a.id
    assert due.headerData(4, Qt.Orientation.Horizontal) == "Days left"

    overdue = overview.overdue_model
    assert [(v.subject_number, v.visit_code) for v in overdue.rows()] == [
        (a.subject_number, "week4")
    ]
    assert overdue.index(0, 4).data() == "30"  # window closed on day 32, today is day 62
    assert overdue.headerData(4, Qt.Orientation.Horizontal) == "Days overdue"

    month = MONDAY.strftime("%b")
    sunday = MONDAY + 6 * DAY
    week = f"Mon {MONDAY.day} {month} – Sun {sunday.day} {sunday.strftime('%b')}"
    assert overview.due_heading.text() == f"Due this week ({week}): 2"
    assert overview.overdue_heading.text() == "Overdue: 1"
    assert overview.due_stack.currentWidget() is overview.due_table
    assert overview.overdue_stack.currentWidget() is overview.overdue_table

    # A week later A's week 8 and B's injection are overdue; B's week 1 (still counted from
    # the planned injection) is due.
    overview.refresh(WEDNESDAY + 7 * DAY)
    assert [(v.subject_number, v.visit_code) for v in overview.due_model.rows()] == [
        (b.subject_number, "week1")
    ]
    assert overview.due_heading.text().endswith(": 1")
    assert overview.overdue_heading.text() == "Overdue: 3"


def test_nothing_due_shows_the_empty_state(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    overview = make_overview(qtbot, study_users)
    overview.refresh()
    assert overview.error_code() is None
    assert overview.due_stack.currentWidget() is overview.due_empty
    assert overview.overdue_stack.currentWidget() is overview.overdue_empty
    assert overview.due_empty.isVisible()
    assert overview.overdue_heading.text() == "Overdue: 0"


def test_double_click_and_enter_activate_the_patient(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    a, b = study_with_visits(study_users)
    overview = make_overview(qtbot, study_users)
    overview.refresh(WEDNESDAY)
    table = overview.due_table
    rect = table.visualRect(overview.due_model.index(1, 0))
    viewport = table.viewport()
    with qtbot.waitSignal(overview.patientActivated) as activated:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [b.id]

    overview.overdue_table.setFocus()
    overview.overdue_table.selectRow(0)
    with qtbot.waitSignal(overview.patientActivated) as activated:
        qtbot.keyClick(overview.overdue_table, Qt.Key.Key_Return)
    assert activated.args == [a.id]


# --- in the main window -----------------------------------------------------------------------


def test_this_week_is_the_first_page_for_a_nurse(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    window = build_main_window(study_users.study, study_users.users["nurse"], "en")
    qtbot.addWidget(window)
    window.show()
    assert window.page_keys() == [PAGE_WEEK, PAGE_PATIENTS, PAGE_ULCERS, PAGE_SAFETY, PAGE_AUDIT]
    assert window.current_page() == PAGE_WEEK
    assert isinstance(window.week_overview, WeekOverview)
    assert window.week_overview.isVisible()
    assert window.nav.item(0).text() == "This week"


@pytest.mark.parametrize("role", ["investigator", "monitor"])
def test_every_role_that_views_data_gets_the_week_page(
    qtbot: QtBot, study_users: StudyWithUsers, role: str
) -> None:
    window = build_main_window(study_users.study, study_users.users[role], "en")
    qtbot.addWidget(window)
    assert window.page_keys()[0] == PAGE_WEEK


def test_an_administrator_has_no_week_page(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    window = build_main_window(study_users.study, study_users.users["admin"], "en")
    qtbot.addWidget(window)
    assert window.page_keys() == [PAGE_PATIENTS, PAGE_AUDIT, PAGE_ADMIN]
    assert window.week_overview is None


def test_double_click_on_the_week_page_opens_the_patient(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    a, _b = study_with_visits(study_users)
    window = build_main_window(study_users.study, study_users.users["nurse"], "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    overview = window.week_overview
    assert overview is not None
    overview.refresh(WEDNESDAY)
    table = overview.overdue_table
    rect = table.visualRect(overview.overdue_model.index(0, 0))
    with qtbot.waitSignal(overview.patientActivated):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() == PAGE_PATIENTS
    assert window.patient_page is not None
    assert window.patients_stack is not None
    assert window.patients_stack.currentWidget() is window.patient_page
    shown = window.patient_page.patient()
    assert shown is not None
    assert shown.id == a.id
    window.show_page(PAGE_WEEK)
    assert window.current_page() == PAGE_WEEK
    assert window.stack.currentWidget() is overview
