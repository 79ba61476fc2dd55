"""Biomarker results: the protocol's panel, the unit rule and change from baseline."""

from __future__ import annotations

import datetime as dt

import pytest

from sscvisit.model.fields import FieldErrors, Problem, Value
from sscvisit.services import biomarkers, visits
from sscvisit.services.biomarkers import BiomarkerInfo, save_biomarkers
from sscvisit.services.errors import Msg, ReasonRequired, ServiceError
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

DAY = dt.timedelta(days=1)
INJECTED = dt.date(2026, 2, 2)
WEEK1 = INJECTED + 7 * DAY
WEEK4 = INJECTED + 28 * DAY
TODAY = INJECTED + 60 * DAY

pytestmark = pytest.mark.backends


def row(value: Value, unit: Value, sample: Value, assay: Value = None) -> dict[str, Value]:
    return {"value": value, "unit": unit, "sample_date": sample, "assay": assay}


def enrolled(made: StudyWithUsers) -> EnrolledPatient:
    patient = enrol_patient(made, injected=INJECTED)
    nurse = made.users["nurse"]
    for code, day in (("week1", WEEK1), ("week4", WEEK4)):
        visits.record_visit(made.study, nurse, patient.schedule[code].id, day, today=day)
    return patient


def by_analyte(infos: list[BiomarkerInfo]) -> dict[str, BiomarkerInfo]:
    return {info.analyte: info for info in infos}


def test_panel_comes_from_the_protocol() -> None:
    codes = [marker.code for marker in biomarkers.panel()]
    assert codes == ["crp", "il6", "vegf", "vwf", "sicam1", "svcam1", "e_selectin", "endostatin"]
    assert biomarkers.panel()[0].unit == "mg/L"


def test_change_from_baseline_absolute_and_percent(study_users: StudyWithUsers) -> None:
    patient = enrolled(study_users)
    nurse = study_users.users["nurse"]
    study = study_users.study
    baseline = save_biomarkers(
        study,
        nurse,
        patient.schedule["injection"].id,
        {
            "crp": row(12.0, "mg/L", INJECTED, "UMC Utrecht clinical chemistry"),
            "il6": row(8.0, "pg/mL", INJECTED),
            "vegf": row(0.0, "pg/mL", INJECTED),
            "vwf": row(150, "%", INJECTED),
        },
        today=TODAY,
    )
    assert all(info.is_baseline and info.change is None for info in baseline)
    week4 = by_analyte(
        save_biomarkers(
            study,
            nurse,
            patient.schedule["week4"].id,
            {
                "crp": row(6.0, "mg/L", WEEK4),
                "il6": row(10.0, "pg/mL", WEEK4),
                "vegf": row(40.0, "pg/mL", WEEK4),
                "vwf": row(1.2, "IU/mL", WEEK4),  # another unit: no change computed
                "endostatin": row(90, "ng/mL", WEEK4),  # no baseline
            },
            today=TODAY,
        )
    )
    assert (week4["crp"].change, week4["crp"].change_percent) == (-6.0, -50.0)
    assert (week4["il6"].change, week4["il6"].change_percent) == (2.0, 25.0)
    assert (week4["vegf"].change, week4["vegf"].change_percent) == (40.0, None)  # baseline 0
    assert (week4["vwf"].change, week4["vwf"].baseline_value) == (None, 150.0)
    assert (week4["endostatin"].change, week4["endostatin"].baseline_value) == (None, None)
    assert week4["crp"].label("nl") == "CRP"
    everything = biomarkers.biomarker_results(
        study, study_users.users["monitor"], patient.patient_id
    )
    assert [(i.visit_code, i.analyte) for i in everything][:2] == [
        ("injection", "crp"),
        ("injection", "il6"),
    ]
    assert everything[0].assay == "UMC Utrecht clinical chemistry"


def test_bad_input_all_at_once_and_nothing_saved(study_users: StudyWithUsers) -> None:
    patient = enrolled(study_users)
    nurse = study_users.users["nurse"]
    with pytest.raises(FieldErrors) as caught:
        save_biomarkers(
            study_users.study,
            nurse,
            patient.schedule["week4"].id,
            {
                "crp": row(3.0, None, WEEK4),
                "tnf": row(3.0, "pg/mL", WEEK4),
                "il6": row(-1, "pg/mL", WEEK4),
                "vegf": row(50, "pg/mL", WEEK4 + DAY),
                "vwf": row(120, "%", WEEK4),  # fine on its own
            },
            today=TODAY,
        )
    found = {e.field: (e.problem, e.params.get("rule")) for e in caught.value.errors}
    assert found == {
        "crp.unit": (Problem.REQUIRED, None),
        "tnf.analyte": (Problem.NOT_IN_CODELIST, None),
        "il6.value": (Problem.BELOW_MINIMUM, None),
        "vegf.sample_date": (Problem.INCONSISTENT, "after_visit"),
    }
    assert biomarkers.biomarker_results(study_users.study, nurse, patient.patient_id) == []


def test_only_at_visits_that_collect_biomarkers(study_users: StudyWithUsers) -> None:
    patient = enrolled(study_users)
    with pytest.raises(ServiceError) as caught:
        save_biomarkers(
            study_users.study,
            study_users.users["nurse"],
            patient.schedule["week1"].id,
            {"crp": row(3.0, "mg/L", WEEK1)},
            today=TODAY,
        )
    assert caught.value.code is Msg.FORM_NOT_IN_VISIT


def test_changing_a_value_needs_a_reason(study_users: StudyWithUsers) -> None:
    patient = enrolled(study_users)
    nurse = study_users.users["nurse"]
    study = study_users.study
    visit_id = patient.schedule["week4"].id
    save_biomarkers(study, nurse, visit_id, {"crp": row(3.0, "mg/L", WEEK4)}, today=TODAY)
    with pytest.raises(ReasonRequired) as caught:
        save_biomarkers(study, nurse, visit_id, {"crp": row(3.5, "mg/L", WEEK4)}, today=TODAY)
    assert caught.value.params["field"] == "crp.value"
    saved = save_biomarkers(
        study,
        nurse,
        visit_id,
        {"crp": row(3.5, "mg/L", WEEK4), "il6": row(None, "pg/mL", WEEK4)},  # il6 blank: skipped
        reason="Transcription error",
        today=TODAY,
    )
    assert [(i.analyte, i.value) for i in saved] == [("crp", 3.5)]
