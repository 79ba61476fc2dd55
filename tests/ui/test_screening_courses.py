"""The screening form fills the IV prostacyclin course dates from the medication list."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from sscvisit.model.fields import Value
from sscvisit.services import conmeds
from sscvisit.ui.context import UiContext
from sscvisit.ui.screening_form import ScreeningForm
from tests.studyfixtures import StudyWithUsers, register_patient


def course(drug: str, start: dt.date, stop: dt.date | None) -> dict[str, Value]:
    return {
        "drug": drug,
        "route": "iv",
        "start_date": start,
        "stop_date": stop,
        "ongoing": stop is None,
        "prostacyclin": True,
    }


def test_course_dates_come_from_a_recorded_course(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    form = ScreeningForm(UiContext(study, nurse, "en"), patient.id)
    qtbot.addWidget(form)
    assert form.list_courses() == []
    [empty] = form.course_menu.actions()
    assert not empty.isEnabled()

    done = conmeds.record_conmed(
        study, nurse, patient.id, course("Iloprost", dt.date(2025, 10, 6), dt.date(2025, 10, 10))
    )
    running = conmeds.record_conmed(
        study, nurse, patient.id, course("Epoprostenol", dt.date(2025, 12, 1), None)
    )
    conmeds.record_conmed(  # not a prostacyclin course: not offered
        study,
        nurse,
        patient.id,
        {"drug": "Nifedipine", "route": "oral", "start_date": dt.date(2020, 1, 1), "ongoing": True},
    )
    assert [c.id for c in form.list_courses()] == [running.id, done.id]
    actions = form.course_menu.actions()
    assert [a.text() for a in actions] == [
        "Epoprostenol: 2025-12-01 – ongoing",
        "Iloprost: 2025-10-06 – 2025-10-10",
    ]
    actions[1].trigger()
    values = form.inc3_form.values()
    assert values["prostacyclin_start"] == dt.date(2025, 10, 6)
    assert values["prostacyclin_end"] == dt.date(2025, 10, 10)
    assert form.is_dirty()

    form.list_courses()  # the menu is rebuilt each time it opens
    form.course_menu.actions()[0].trigger()  # ongoing: the end stays empty
    values = form.inc3_form.values()
    assert values["prostacyclin_start"] == dt.date(2025, 12, 1)
    assert values["prostacyclin_end"] is None
