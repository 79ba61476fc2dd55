"""The medication list of a patient and the dialog for one medicine."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from sscvisit.services import conmeds
from sscvisit.ui.conmed_log import ConmedDialog, ConmedLog
from sscvisit.ui.context import UiContext
from tests.studyfixtures import StudyWithUsers, register_patient


def type_into(dialog: ConmedDialog, qtbot: QtBot, name: str, text: str) -> None:
    editor = dialog.form.editor(name)
    assert isinstance(editor, QLineEdit)
    editor.clear()
    qtbot.keyClicks(editor, text)


def choose(dialog: ConmedDialog, name: str, value: str) -> None:
    combo = dialog.form.editor(name)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))


def tick(dialog: ConmedDialog, name: str, on: bool = True) -> None:
    box = dialog.form.editor(name)
    assert isinstance(box, QCheckBox)
    box.setChecked(on)


def test_record_a_course_then_correct_and_void_it(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    log = ConmedLog(UiContext(study, nurse, "en"))
    qtbot.addWidget(log)
    log.show_patient(patient.id)
    assert log.model.rowCount() == 0
    assert not log.open_button.isEnabled()

    dialog = log.new_conmed()
    assert dialog is not None
    assert not dialog.save_button.isEnabled()  # nothing typed yet
    type_into(dialog, qtbot, "drug", "Iloprost")
    tick(dialog, "prostacyclin")
    assert dialog.form.values()["route"] == "iv"  # a prostacyclin course is intravenous
    choose(dialog, "route", "oral")
    assert dialog.error_code("route") == "route:inconsistent"  # shown while typing
    choose(dialog, "route", "iv")
    assert dialog.error_code("route") is None
    type_into(dialog, qtbot, "start_date", "2025-10-10")
    type_into(dialog, qtbot, "stop_date", "2025-10-06")
    assert dialog.error_code("stop_date") == "stop_date:inconsistent"
    type_into(dialog, qtbot, "stop_date", "2025-10-14")
    assert dialog.error_code("stop_date") is None
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(log.changed) as changed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == [patient.id]
    assert log.model.rowCount() == 1
    assert log.model.index(0, 0).data() == "Iloprost (IV prostacyclin)"
    assert log.model.index(0, 4).data() == "2025-10-14"
    [course] = conmeds.prostacyclin_courses(study, nurse, patient.id)

    log.select(course.id)
    assert log.open_button.isEnabled()
    dialog = log.open_conmed()
    assert dialog is not None
    type_into(dialog, qtbot, "dose", "2 ng/kg/min")
    reason = dialog.save()
    assert reason is not None  # a saved value changes: a reason first
    reason.set_reason("Source document corrected")
    reason.accept()
    assert conmeds.list_conmeds(study, nurse, patient.id)[0].dose == "2 ng/kg/min"

    dialog = log.open_conmed(0)
    assert dialog is not None
    void = dialog.void()
    assert void is not None
    void.set_reason("Entered for the wrong patient")
    void.accept()
    assert log.model.index(0, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert conmeds.prostacyclin_courses(study, nurse, patient.id) == []


def test_ongoing_needs_no_stop_date_and_neither_is_refused_at_save(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    log = ConmedLog(UiContext(study, nurse, "nl"))
    qtbot.addWidget(log)
    log.show_patient(patient.id)
    dialog = log.new_conmed()
    assert dialog is not None
    type_into(dialog, qtbot, "drug", "Nifedipine")
    choose(dialog, "route", "oral")
    type_into(dialog, qtbot, "start_date", "2020-05-01")
    dialog.save()
    assert dialog.error_code("stop_date") == "stop_date:inconsistent"  # stop date or ongoing
    assert log.model.rowCount() == 0
    type_into(dialog, qtbot, "stop_date", "2021-01-01")
    tick(dialog, "ongoing")
    assert dialog.form.values()["stop_date"] is None  # still in use: the stop date is cleared
    dialog.save()
    assert log.model.rowCount() == 1
    assert log.model.index(0, 4).data() == "ongoing"  # English source; no catalogue in tests


def test_a_monitor_reads_the_list(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    study, users = study_users.study, study_users.users
    patient = register_patient(study, users["nurse"])
    conmeds.record_conmed(
        study,
        users["nurse"],
        patient.id,
        {
            "drug": "Nifedipine",
            "route": "oral",
            "start_date": dt.date(2020, 5, 1),
            "ongoing": True,
        },
    )
    log = ConmedLog(UiContext(study, users["monitor"], "en"))
    qtbot.addWidget(log)
    log.show_patient(patient.id)
    assert log.new_button.isHidden()
    assert log.new_conmed() is None
    dialog = log.open_conmed(0)
    assert dialog is not None
    assert not dialog.save_button.isVisible()
    assert not dialog.void_button.isVisible()
    assert dialog.save() is None
