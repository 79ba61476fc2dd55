"""The lab panel dialog and the lab overview: typed by keyboard, graded live, saved, AE offered."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sscvisit.model.fields import Value
from sscvisit.services import labs, visits
from sscvisit.services.dto import VisitInfo
from sscvisit.ui.context import UiContext
from sscvisit.ui.lab_form import LabDialog
from sscvisit.ui.lab_table import LabOverview
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

INJECTED = dt.date(2026, 2, 2)
WEEK4 = INJECTED + dt.timedelta(days=28)


def week4(made: StudyWithUsers) -> tuple[EnrolledPatient, VisitInfo]:
    patient = enrol_patient(made, injected=INJECTED)
    nurse = made.users["nurse"]
    visit = visits.record_visit(made.study, nurse, patient.schedule["week4"].id, WEEK4, today=WEEK4)
    return patient, visit


def dialog_for(
    qtbot: QtBot, made: StudyWithUsers, visit: VisitInfo, role: str = "nurse"
) -> LabDialog:
    dialog = LabDialog(UiContext(made.study, made.users[role], "en"), visit)
    qtbot.addWidget(dialog)
    return dialog


def type_into(qtbot: QtBot, dialog: LabDialog, key: str, text: str) -> None:
    editor = dialog.editor(key)
    if isinstance(editor, QComboBox):
        editor.setEditText("")
        line = editor.lineEdit()
        assert line is not None
        qtbot.keyClicks(line, text)
    else:
        assert isinstance(editor, QLineEdit)
        editor.clear()
        qtbot.keyClicks(editor, text)


def row(value: Value, unit: Value, sample: Value, upper: Value = None) -> dict[str, Value]:
    return {
        "value": value,
        "unit": unit,
        "lower_limit": None,
        "upper_limit": upper,
        "sample_date": sample,
    }


def test_type_values_see_the_grade_and_save(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient, visit = week4(study_users)
    dialog = dialog_for(qtbot, study_users, visit)
    assert dialog.raw_text("haemoglobin.unit") == "mmol/L"  # as Dutch labs report it
    assert dialog.raw_text("haemoglobin.sample_date") == WEEK4.isoformat()
    assert not dialog.save_button.isEnabled()

    type_into(qtbot, dialog, "haemoglobin.value", "4,4")
    assert dialog.grade_text("haemoglobin").startswith("grade 3 (= 7.09 g/dL)")
    type_into(qtbot, dialog, "alt.value", "120")
    assert dialog.grade_text("alt") == "—"  # needs the upper limit of normal
    type_into(qtbot, dialog, "alt.upper_limit", "40")
    assert dialog.grade_text("alt").startswith("grade 2 (3 × ULN)")
    assert dialog.error_code("alt.upper_limit") is None
    assert dialog.save_button.isEnabled()

    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    assert saved.args == [patient.patient_id]
    results = {
        i.analyte: i
        for i in labs.lab_results(study_users.study, study_users.users["nurse"], patient.patient_id)
    }
    assert sorted(results) == ["alt", "haemoglobin"]
    assert (results["haemoglobin"].value, results["haemoglobin"].who_grade) == (4.4, 3)
    assert results["alt"].upper_limit == 40.0


def test_a_bad_unit_is_named_at_its_field_and_nothing_is_saved(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient, visit = week4(study_users)
    dialog = dialog_for(qtbot, study_users, visit)
    type_into(qtbot, dialog, "haemoglobin.value", "6.2")
    type_into(qtbot, dialog, "haemoglobin.unit", "mg/dL")
    assert dialog.error_code("haemoglobin.unit") == "haemoglobin.unit:inconsistent"
    assert "Unit:" in dialog.message_text("haemoglobin")
    assert dialog.grade_text("haemoglobin") == "—"
    type_into(qtbot, dialog, "urea.value", "7")
    type_into(qtbot, dialog, "urea.lower_limit", "8")
    type_into(qtbot, dialog, "urea.upper_limit", "7.5")
    assert dialog.error_code("urea.lower_limit") == "urea.lower_limit:inconsistent"

    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()
    nurse = study_users.users["nurse"]
    assert labs.lab_results(study_users.study, nurse, patient.patient_id) == []
    # fixing the unit (another case of an accepted one) clears the message
    type_into(qtbot, dialog, "haemoglobin.unit", "mmol/l")
    assert dialog.error_code("haemoglobin.unit") is None
    assert dialog.grade_text("haemoglobin").startswith("grade 1")


def test_a_service_refusal_is_shown_at_its_field(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient, visit = week4(study_users)
    dialog = dialog_for(qtbot, study_users, visit)
    type_into(qtbot, dialog, "platelets.value", "80")
    type_into(qtbot, dialog, "platelets.sample_date", (WEEK4 + dt.timedelta(days=2)).isoformat())
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()
    assert dialog.error_code("platelets.sample_date") == "platelets.sample_date:inconsistent"
    assert "after the visit" in dialog.message_text("platelets")
    nurse = study_users.users["nurse"]
    assert labs.lab_results(study_users.study, nurse, patient.patient_id) == []


def test_changing_a_saved_value_asks_a_reason(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient, visit = week4(study_users)
    nurse = study_users.users["nurse"]
    labs.save_lab_panel(
        study_users.study, nurse, visit.id, {"platelets": row(120, "10^9/L", WEEK4)}
    )
    dialog = dialog_for(qtbot, study_users, visit)
    assert dialog.raw_text("platelets.value") == "120"
    assert not dialog.has_unsaved_changes()
    type_into(qtbot, dialog, "platelets.value", "45")
    assert dialog.grade_text("platelets").startswith("grade 3")
    dialog.save_button.click()
    reason = dialog.reason_dialog
    assert reason is not None
    reason.set_reason("Transcription error")
    with qtbot.waitSignal(dialog.saved):
        reason.accept()
    saved = labs.lab_results(study_users.study, nurse, patient.patient_id)
    assert [(i.value, i.who_grade) for i in saved] == [(45.0, 3)]


def test_tab_runs_along_the_row_then_down(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    _patient, visit = week4(study_users)
    dialog = dialog_for(qtbot, study_users, visit)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    order = ["value", "unit", "lower_limit", "upper_limit", "sample_date"]
    start = dialog.editor("haemoglobin.value")
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    for name in [*order[1:], "value"]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        analyte = "leukocytes" if name == "value" else "haemoglobin"
        expected = dialog.editor(f"{analyte}.{name}")
        focused = QApplication.focusWidget()
        assert focused is expected or focused.parent() is expected, name
    dialog.close()


def test_a_monitor_sees_the_panel_read_only(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    _patient, visit = week4(study_users)
    dialog = dialog_for(qtbot, study_users, visit, "monitor")
    assert not dialog.editor("haemoglobin.value").isEnabled()
    assert dialog.save_button.isHidden()


def test_overview_highlights_and_offers_an_adverse_event(
    qtbot: QtBot, qtmodeltester: ModelTester, study_users: StudyWithUsers
) -> None:
    patient, visit = week4(study_users)
    nurse = study_users.users["nurse"]
    study = study_users.study
    labs.save_lab_panel(
        study,
        nurse,
        patient.schedule["injection"].id,
        {"platelets": row(250, "10^9/L", INJECTED), "granulocytes": row(1.6, "10^9/L", INJECTED)},
    )
    saved = labs.save_lab_panel(
        study,
        nurse,
        visit.id,
        {"platelets": row(40, "10^9/L", WEEK4), "granulocytes": row(1.2, "10^9/L", WEEK4)},
    )
    platelets = next(i for i in saved if i.analyte == "platelets")
    overview = LabOverview(UiContext(study, nurse, "en"))
    qtbot.addWidget(overview)
    overview.show_patient(patient.patient_id)
    model = overview.model
    qtmodeltester.check(model)
    assert model.columnCount() == 2  # the visits with results
    row_of = labs.ANALYTES.index("platelets")
    cell = model.index(row_of, 1)
    assert model.data(cell) == "40 10^9/L · grade 3 ⚠"
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
    granulocytes = model.index(labs.ANALYTES.index("granulocytes"), 1)
    assert model.data(granulocytes, Qt.ItemDataRole.BackgroundRole) is None  # +1: no suggestion
    assert list(overview.record_buttons) == [platelets.id]

    from sscvisit.ui.ae_dialog import AdverseEventDialog

    dialog = overview.record_adverse_event(platelets)
    assert isinstance(dialog, AdverseEventDialog)
    assert dialog.isVisible()
    values = dialog.values()
    assert values["term"] == "Thrombocytopenia (platelets, WHO grade 3)"
    assert values["onset_date"] == WEEK4
    assert values["who_grade"] in {3, "3"}
    dialog.close()


def test_overview_in_dutch(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient, visit = week4(study_users)
    nurse = study_users.users["nurse"]
    labs.save_lab_panel(
        study_users.study, nurse, visit.id, {"haemoglobin": row(4.4, "mmol/L", WEEK4)}
    )
    overview = LabOverview(UiContext(study_users.study, nurse, "nl"))
    qtbot.addWidget(overview)
    overview.show_patient(patient.patient_id)
    assert overview.model.headerData(0, Qt.Orientation.Vertical) == "Hemoglobine"
    assert overview.suggested()[0].suggested_term("nl") == "Anemie (hemoglobine, WHO-graad 3)"


def test_a_grade_3_result_at_baseline_offers_no_adverse_event(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient, _visit = week4(study_users)
    baseline_visit = patient.schedule["injection"]
    dialog = dialog_for(qtbot, study_users, baseline_visit)
    type_into(qtbot, dialog, "haemoglobin.value", "4.5")
    assert dialog.grade_text("haemoglobin").startswith("grade 3")
    assert "⚠" not in dialog.grade_text("haemoglobin")  # before the product: medical history
    nurse = study_users.users["nurse"]
    labs.save_lab_panel(
        study_users.study,
        nurse,
        baseline_visit.id,
        {"haemoglobin": row(4.5, "mmol/L", INJECTED)},
    )
    overview = LabOverview(UiContext(study_users.study, nurse, "en"))
    qtbot.addWidget(overview)
    overview.show_patient(patient.patient_id)
    cell = overview.model.index(labs.ANALYTES.index("haemoglobin"), 0)
    assert overview.model.data(cell) == "4.5 mmol/L · grade 3"  # shaded, but no ⚠
    assert overview.model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
    assert overview.suggested() == []
    assert overview.record_buttons == {}
