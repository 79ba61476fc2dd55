"""The lab overview: an AE recorded from a suggestion is shown as recorded, not offered again."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox
from pytestqt.qtbot import QtBot

from sscvisit.model.fields import Value
from sscvisit.services import clock, labs, safety, visits
from sscvisit.services.labs import LabInfo
from sscvisit.ui.ae_dialog import AdverseEventDialog
from sscvisit.ui.context import UiContext
from sscvisit.ui.lab_table import LabOverview
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TERM = "Thrombocytopenia (platelets, WHO grade 3)"


def row(value: Value, sample: dt.date) -> dict[str, Value]:
    return {
        "value": value,
        "unit": "10^9/L",
        "lower_limit": 150,
        "upper_limit": 400,
        "sample_date": sample,
    }


def low_platelets(made: StudyWithUsers) -> tuple[EnrolledPatient, LabInfo]:
    """Platelets 250 at the injection, 40 (grade 3) at week 4: a suggested AE."""
    injected = clock.today() - dt.timedelta(days=40)
    week4 = injected + dt.timedelta(days=28)
    patient = enrol_patient(made, injected=injected)
    nurse = made.users["nurse"]
    visit = visits.record_visit(made.study, nurse, patient.schedule["week4"].id, week4, today=week4)
    injection = patient.schedule["injection"].id
    labs.save_lab_panel(made.study, nurse, injection, {"platelets": row(250, injected)})
    (saved,) = labs.save_lab_panel(made.study, nurse, visit.id, {"platelets": row(40, week4)})
    assert saved.suggests_ae
    return patient, saved


def overview_of(qtbot: QtBot, made: StudyWithUsers, patient_id: int, language: str) -> LabOverview:
    overview = LabOverview(UiContext(made.study, made.users["nurse"], language))
    qtbot.addWidget(overview)
    overview.resize(1280, 800)
    overview.show()
    overview.show_patient(patient_id)
    return overview


def choose(dialog: AdverseEventDialog, name: str, code: str) -> None:
    combo = dialog.editor(name)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(code))


def test_recording_the_suggested_ae_replaces_the_button(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient, platelets = low_platelets(study_users)
    overview = overview_of(qtbot, study_users, patient.patient_id, "en")
    assert list(overview.record_buttons) == [platelets.id]
    assert overview.recorded_labels == {}
    assert [i.id for i in overview.open_suggestions()] == [platelets.id]

    overview.record_buttons[platelets.id].click()
    dialog = overview.dialog
    assert isinstance(dialog, AdverseEventDialog)
    assert dialog.isVisible()
    assert dialog.values()["term"] == TERM  # filled in from the result
    ongoing = dialog.editor("ongoing")
    assert isinstance(ongoing, QCheckBox)
    ongoing.setChecked(True)
    choose(dialog, "intensity", "severe")
    choose(dialog, "relation_product", "possible")
    choose(dialog, "relation_procedure", "not_related")
    choose(dialog, "action_taken", "none")
    choose(dialog, "outcome", "not_recovered")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()

    nurse = study_users.users["nurse"]
    [ae] = safety.list_aes(study_users.study, nurse, patient.patient_id)
    assert (ae.number, ae.term, ae.lab_result_id) == (1, TERM, platelets.id)
    assert overview.record_buttons == {}  # no longer nags
    assert overview.open_suggestions() == []
    recorded = overview.recorded_labels[platelets.id]
    assert recorded.text() == f"Recorded as AE 1: {TERM}"
    qtbot.waitUntil(recorded.isVisible)  # laid out on the next event loop turn
    cell = overview.model.index(labs.ANALYTES.index("platelets"), 1)
    tooltip = overview.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert f"Recorded as AE 1: {TERM}" in str(tooltip)

    # Voided in error: the result suggests the AE again.
    safety.void_ae(study_users.study, nurse, ae.id, "Recorded for the wrong patient")
    overview.refresh()
    assert list(overview.record_buttons) == [platelets.id]
    assert overview.recorded_labels == {}


def test_the_recorded_state_in_dutch(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient, platelets = low_platelets(study_users)
    nurse = study_users.users["nurse"]
    values: dict[str, Value] = {
        "term": "Trombocytopenie",
        "onset_date": platelets.sample_date,
        "ongoing": True,
        "intensity": "severe",
        "who_grade": 3,
        "relation_product": "possible",
        "relation_procedure": "not_related",
        "action_taken": "none",
        "outcome": "not_recovered",
    }
    safety.record_ae(
        study_users.study, nurse, platelets.visit_id, values, lab_result_id=platelets.id
    )
    overview = overview_of(qtbot, study_users, patient.patient_id, "nl")
    assert overview.record_buttons == {}
    assert overview.recorded_labels[platelets.id].text() in {
        "Vastgelegd als ongewenst voorval 1: Trombocytopenie",
        "Recorded as AE 1: Trombocytopenie",  # until the lead regenerates the catalogue
    }
