"""The biomarker dialog and overview: the protocol's panel, change from baseline, the charts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sscvisit.model.fields import Value
from sscvisit.services import biomarkers, visits
from sscvisit.services.dto import VisitInfo
from sscvisit.ui.biomarker_form import BiomarkerDialog
from sscvisit.ui.biomarker_view import BiomarkerOverview
from sscvisit.ui.context import UiContext
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

INJECTED = dt.date(2026, 2, 2)
WEEK4 = INJECTED + dt.timedelta(days=28)


def row(value: Value, unit: Value, sample: Value) -> dict[str, Value]:
    return {"value": value, "unit": unit, "sample_date": sample, "assay": "UMCU"}


def with_baseline(made: StudyWithUsers) -> tuple[EnrolledPatient, VisitInfo]:
    """CRP 12 mg/L and IL-6 8 pg/mL at the injection visit; week 4 recorded."""
    patient = enrol_patient(made, injected=INJECTED)
    nurse = made.users["nurse"]
    visit = visits.record_visit(made.study, nurse, patient.schedule["week4"].id, WEEK4, today=WEEK4)
    biomarkers.save_biomarkers(
        made.study,
        nurse,
        patient.schedule["injection"].id,
        {"crp": row(12.0, "mg/L", INJECTED), "il6": row(8.0, "pg/mL", INJECTED)},
    )
    return patient, visit


def test_dialog_shows_the_panel_and_the_change_as_you_type(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient, visit = with_baseline(study_users)
    dialog = BiomarkerDialog(UiContext(study_users.study, study_users.users["nurse"], "en"), visit)
    qtbot.addWidget(dialog)
    assert list(dialog.rows) == [m.code for m in biomarkers.panel()]
    assert dialog.raw_text("vwf.unit") == "%"
    editor = dialog.editor("crp.value")
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "6")
    assert dialog.extra_text("crp") == "-6 (-50%)"
    qtbot.keyClicks(dialog.editor("vegf.value"), "40")
    assert dialog.extra_text("vegf") == "no baseline"
    # a value without a unit is named at the unit
    dialog.set_text("vegf.unit", "")
    assert dialog.error_code("vegf.unit") == "vegf.unit:required"
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save_button.click()
    assert dialog.error_code("vegf.unit") == "vegf.unit:required"
    assert (
        biomarkers.visit_biomarkers(study_users.study, study_users.users["nurse"], visit.id) == []
    )
    dialog.set_text("vegf.unit", "pg/mL")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    saved = biomarkers.biomarker_results(
        study_users.study, study_users.users["nurse"], patient.patient_id
    )
    week4 = {i.analyte: i for i in saved if i.visit_id == visit.id}
    assert (week4["crp"].change, week4["crp"].change_percent) == (-6.0, -50.0)
    assert week4["vegf"].value == 40.0


def test_overview_table_and_charts(
    qtbot: QtBot, qtmodeltester: ModelTester, study_users: StudyWithUsers
) -> None:
    patient, visit = with_baseline(study_users)
    nurse = study_users.users["nurse"]
    biomarkers.save_biomarkers(
        study_users.study,
        nurse,
        visit.id,
        {"crp": row(6.0, "mg/L", WEEK4), "il6": row(10.0, "pg/mL", WEEK4)},
    )
    for language, baseline in (("en", "baseline"), ("nl", "baseline")):
        overview = BiomarkerOverview(UiContext(study_users.study, nurse, language))
        qtbot.addWidget(overview)
        overview.show_patient(patient.patient_id)
        model = overview.model
        qtmodeltester.check(model)
        assert model.columnCount() == 2
        assert model.data(model.index(0, 0)) == f"12 mg/L · {baseline}"
        assert model.data(model.index(0, 1)) == "6 mg/L · -6 (-50%)"
        assert model.data(model.index(1, 1)) == "10 pg/mL · +2 (+25%)"
        assert "Baseline: 12 mg/L" in str(
            model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
        )
        assert sorted(overview.charts) == ["crp", "il6"]
        chart = overview.charts["crp"]
        assert [(p.day, p.value) for p in chart.points] == [(0, 12.0), (28, 6.0)]
        assert chart.baseline == 12.0
        overview.resize(1100, 700)
        overview.show()
        qtbot.waitExposed(overview)
        assert not chart.grab().isNull()  # painted without error
        overview.close()
