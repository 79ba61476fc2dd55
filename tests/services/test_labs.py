"""Lab results: WHO grades with unit conversion, the bad-input rules, AE suggestions."""

from __future__ import annotations

import datetime as dt

import pytest

from sscvisit.model.fields import FieldErrors, Problem, Value
from sscvisit.services import audit, labs, safety, visits
from sscvisit.services.errors import (
    ConflictError,
    Msg,
    PermissionDenied,
    ReasonRequired,
    ServiceError,
)
from sscvisit.services.labs import LabInfo, check_lab_row, save_lab_panel
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

DAY = dt.timedelta(days=1)
INJECTED = dt.date(2026, 2, 2)
WEEK1 = INJECTED + 7 * DAY
WEEK4 = INJECTED + 28 * DAY
TODAY = INJECTED + 60 * DAY

pytestmark = pytest.mark.backends


def row(
    value: Value,
    unit: Value,
    *,
    lower: Value = None,
    upper: Value = None,
    sample: Value = None,
) -> dict[str, Value]:
    return {
        "value": value,
        "unit": unit,
        "lower_limit": lower,
        "upper_limit": upper,
        "sample_date": sample,
    }


def problems(caught: pytest.ExceptionInfo[FieldErrors]) -> dict[str, tuple[Problem, object]]:
    return {e.field: (e.problem, e.params.get("rule")) for e in caught.value.errors}


def enrolled(made: StudyWithUsers) -> EnrolledPatient:
    """The injection visit recorded on INJECTED, week 1 and week 4 recorded on their target days."""
    patient = enrol_patient(made, injected=INJECTED)
    nurse = made.users["nurse"]
    for code, day in (("week1", WEEK1), ("week4", WEEK4)):
        visits.record_visit(made.study, nurse, patient.schedule[code].id, day, today=day)
    return patient


def by_analyte(infos: list[LabInfo]) -> dict[str, LabInfo]:
    return {info.analyte: info for info in infos}


# --- the pure row check ---------------------------------------------------------------------------


def test_haemoglobin_in_mmol_per_litre_is_converted_before_grading() -> None:
    # 6.2 mmol/L = 9.99 g/dL -> grade 1; 4.5 mmol/L = 7.25 g/dL -> grade 3; 10.0 g/dL -> 1
    assert (
        check_lab_row("haemoglobin", row(6.2, "mmol/L", sample=WEEK1), today=TODAY).who_grade == 1
    )
    assert (
        check_lab_row("haemoglobin", row(4.5, "mmol/L", sample=WEEK1), today=TODAY).who_grade == 3
    )
    assert check_lab_row("haemoglobin", row(10.0, "g/dL", sample=WEEK1), today=TODAY).who_grade == 1
    assert check_lab_row("haemoglobin", row(110, "g/L", sample=WEEK1), today=TODAY).who_grade == 0
    # a unit typed in another case is the accepted unit, stored in the grading's spelling
    entry = check_lab_row("haemoglobin", row(8.1, "MMOL/l", sample=WEEK1), today=TODAY)
    assert entry.unit == "mmol/L"


def test_ratio_parameter_is_graded_on_the_upper_limit_and_needs_it() -> None:
    graded = check_lab_row("alt", row(150, "U/L", upper=40, sample=WEEK1), today=TODAY)
    assert graded.who_grade == 2  # 3.75 x ULN
    with pytest.raises(FieldErrors) as caught:
        check_lab_row("alt", row(150, "U/L", sample=WEEK1), today=TODAY)
    assert problems(caught) == {"alt.upper_limit": (Problem.INCONSISTENT, "uln_needed_for_grade")}


def test_unit_rules_and_a_value_without_a_unit() -> None:
    with pytest.raises(FieldErrors) as caught:
        check_lab_row("platelets", row(80, "mg/dL", sample=WEEK1), today=TODAY)
    assert problems(caught) == {"platelets.unit": (Problem.INCONSISTENT, "unit_not_accepted")}
    assert caught.value.errors[0].params["accepted"] == "10^9/L, 10^3/mm3"
    with pytest.raises(FieldErrors) as caught:
        check_lab_row("platelets", row(80, None, sample=WEEK1), today=TODAY)
    assert problems(caught) == {"platelets.unit": (Problem.REQUIRED, None)}


def test_range_lower_must_be_below_upper() -> None:
    with pytest.raises(FieldErrors) as caught:
        check_lab_row("ast", row(30, "U/L", lower=40, upper=40, sample=WEEK1), today=TODAY)
    assert problems(caught) == {
        "ast.lower_limit": (Problem.INCONSISTENT, "range_lower_not_below_upper")
    }


def test_suggestion_rule() -> None:
    assert labs.suggests_ae(3, None, at_baseline=False)
    assert labs.suggests_ae(4, 4, at_baseline=False)
    assert labs.suggests_ae(2, 0, at_baseline=False)
    assert not labs.suggests_ae(2, 1, at_baseline=False)
    assert not labs.suggests_ae(1, 0, at_baseline=False)
    assert not labs.suggests_ae(2, None, at_baseline=False)
    assert not labs.suggests_ae(None, 0, at_baseline=False)
    # before the product was given: medical history, not an adverse event (ICH E2A)
    assert not labs.suggests_ae(3, None, at_baseline=True)
    assert not labs.suggests_ae(4, 0, at_baseline=True)


# --- saving ---------------------------------------------------------------------------------------


def test_saved_panel_shows_value_unit_canonical_value_and_grade(
    study_users: StudyWithUsers,
) -> None:
    patient = enrolled(study_users)
    nurse = study_users.users["nurse"]
    saved = save_lab_panel(
        study_users.study,
        nurse,
        patient.schedule["week1"].id,
        {
            "haemoglobin": row(6.2, "mmol/L", lower=7.5, upper=10.0, sample=WEEK1),
            "creatinine": row(180, "µmol/L", lower=50, upper=90, sample=WEEK1),
        },
        today=TODAY,
    )
    result = by_analyte(saved)
    hb = result["haemoglobin"]
    assert (hb.value, hb.unit, hb.who_grade) == (6.2, "mmol/L", 1)
    assert hb.canonical_unit == "g/dL"
    assert hb.canonical_value == pytest.approx(9.990, abs=0.001)
    assert hb.uln_ratio is None
    creatinine = result["creatinine"]
    assert creatinine.uln_ratio == 2.0
    assert creatinine.who_grade == 1
    assert creatinine.canonical_value is None
    assert [info.analyte for info in saved] == ["haemoglobin", "creatinine"]  # WHO table order
    assert labs.lab_results(study_users.study, study_users.users["monitor"], patient.patient_id)


def test_every_problem_at_once_and_nothing_saved(study_users: StudyWithUsers) -> None:
    patient = enrolled(study_users)
    nurse = study_users.users["nurse"]
    visit = patient.schedule["week1"]
    with pytest.raises(FieldErrors) as caught:
        save_lab_panel(
            study_users.study,
            nurse,
            visit.id,
            {
                "haemoglobin": row(6.2, "mg/dL", sample=WEEK1),
                "leukocytes": row(3.1, None, sample=WEEK1),
                "platelets": row(120, "10^9/L", lower=400, upper=150, sample=WEEK1),
                "alt": row(55, "U/L", sample=WEEK1),
                "granulocytes": row(1.8, "10^9/L", sample=WEEK1),  # fine on its own
                "urea": row(7, "mmol/L", upper=7.5, sample=WEEK1 + DAY),  # after the visit
                "ast": row("x", "U/L", upper=35, sample=WEEK1),
            },
            today=TODAY,
        )
    assert problems(caught) == {
        "haemoglobin.unit": (Problem.INCONSISTENT, "unit_not_accepted"),
        "leukocytes.unit": (Problem.REQUIRED, None),
        "platelets.lower_limit": (Problem.INCONSISTENT, "range_lower_not_below_upper"),
        "alt.upper_limit": (Problem.INCONSISTENT, "uln_needed_for_grade"),
        "urea.sample_date": (Problem.INCONSISTENT, "after_visit"),
        "ast.value": (Problem.NOT_A_NUMBER, None),
    }
    assert labs.lab_results(study_users.study, nurse, patient.patient_id) == []


def test_sample_date_rules_and_the_visit(study_users: StudyWithUsers) -> None:
    patient = enrolled(study_users)
    nurse = study_users.users["nurse"]
    week4 = patient.schedule["week4"].id

    def refused(sample: dt.date, visit_id: int = week4) -> dict[str, tuple[Problem, object]]:
        with pytest.raises(FieldErrors) as caught:
            save_lab_panel(
                study_users.study,
                nurse,
                visit_id,
                {"platelets": row(200, "10^9/L", sample=sample)},
                today=TODAY,
            )
        return problems(caught)

    key = "platelets.sample_date"
    assert refused(INJECTED - DAY) == {key: (Problem.INCONSISTENT, "before_injection")}
    assert refused(TODAY + DAY) == {key: (Problem.DATE_IN_FUTURE, None)}
    assert refused(WEEK4 + DAY) == {key: (Problem.INCONSISTENT, "after_visit")}
    injection = patient.schedule["injection"].id
    assert refused(dt.date(2025, 1, 1), injection) == {
        key: (Problem.INCONSISTENT, "before_consent")
    }
    week8 = patient.schedule["week8"].id  # not recorded yet
    assert refused(WEEK4, week8) == {key: (Problem.INCONSISTENT, "visit_not_recorded")}
    # a baseline sample a few days before the injection belongs to the injection visit
    ok = save_lab_panel(
        study_users.study,
        nurse,
        injection,
        {"platelets": row(200, "10^9/L", sample=INJECTED - 3 * DAY)},
        today=TODAY,
    )
    assert ok[0].is_baseline


def test_unknown_analyte_and_permissions(study_users: StudyWithUsers) -> None:
    patient = enrolled(study_users)
    visit_id = patient.schedule["week1"].id
    with pytest.raises(FieldErrors) as caught:
        save_lab_panel(
            study_users.study,
            study_users.users["nurse"],
            visit_id,
            {"sodium": row(140, "mmol/L", sample=WEEK1)},
            today=TODAY,
        )
    assert problems(caught) == {"sodium.analyte": (Problem.NOT_IN_CODELIST, None)}
    with pytest.raises(PermissionDenied):
        save_lab_panel(
            study_users.study,
            study_users.users["monitor"],
            visit_id,
            {"platelets": row(140, "10^9/L", sample=WEEK1)},
            today=TODAY,
        )
    with pytest.raises(ServiceError) as missing:
        save_lab_panel(study_users.study, study_users.users["nurse"], 999_999, {}, today=TODAY)
    assert missing.value.code is Msg.NOT_FOUND


def test_suggestions_at_grade_3_and_two_grades_above_baseline(study_users: StudyWithUsers) -> None:
    patient = enrolled(study_users)
    nurse = study_users.users["nurse"]
    study = study_users.study
    save_lab_panel(
        study,
        nurse,
        patient.schedule["injection"].id,
        {
            "platelets": row(150, "10^9/L", sample=INJECTED),  # grade 0
            "alt": row(30, "U/L", upper=40, sample=INJECTED),  # grade 0
            "granulocytes": row(1.6, "10^9/L", sample=INJECTED),  # grade 1
            "haemoglobin": row(4.5, "mmol/L", sample=INJECTED),  # grade 3 at baseline
        },
        today=TODAY,
    )
    saved = save_lab_panel(
        study,
        nurse,
        patient.schedule["week4"].id,
        {
            "platelets": row(40, "10^9/L", sample=WEEK4),  # grade 3
            "alt": row(150, "U/L", upper=40, sample=WEEK4),  # grade 2: +2
            "granulocytes": row(1.2, "10^9/L", sample=WEEK4),  # grade 2: +1
            "haemoglobin": row(4.5, "mmol/L", sample=WEEK4),  # grade 3, no rise
            "leukocytes": row(3.2, "10^9/L", sample=WEEK4),  # grade 1, no baseline
        },
        today=TODAY,
    )
    week4 = by_analyte(saved)
    assert {a: (i.who_grade, i.baseline_grade, i.suggests_ae) for a, i in week4.items()} == {
        "platelets": (3, 0, True),
        "alt": (2, 0, True),
        "granulocytes": (2, 1, False),
        "haemoglobin": (3, 3, True),
        "leukocytes": (1, None, False),
    }
    assert week4["platelets"].suggested_term("en") == "Thrombocytopenia (platelets, WHO grade 3)"
    assert week4["alt"].suggested_term("nl") == "ALAT verhoogd (ALAT, WHO-graad 2)"
    assert week4["granulocytes"].suggested_term("en") is None
    everything = labs.lab_results(study, nurse, patient.patient_id)
    assert [(i.visit_code, i.analyte) for i in everything][:4] == [
        ("injection", "haemoglobin"),
        ("injection", "granulocytes"),
        ("injection", "platelets"),
        ("injection", "alt"),
    ]
    baseline = by_analyte([i for i in everything if i.is_baseline])
    assert not baseline["haemoglobin"].suggests_ae  # grade 3, but before the product: history
    assert not baseline["platelets"].suggests_ae


def test_a_grade_3_result_at_baseline_suggests_no_adverse_event(
    study_users: StudyWithUsers,
) -> None:
    patient = enrolled(study_users)
    nurse = study_users.users["nurse"]
    saved = save_lab_panel(
        study_users.study,
        nurse,
        patient.schedule["injection"].id,
        {
            "haemoglobin": row(4.5, "mmol/L", sample=INJECTED),  # grade 3
            "platelets": row(20, "10^9/L", sample=INJECTED),  # grade 4
        },
        today=TODAY,
    )
    assert {i.analyte: (i.who_grade, i.is_baseline) for i in saved} == {
        "haemoglobin": (3, True),
        "platelets": (4, True),
    }
    assert [i.analyte for i in saved if i.suggests_ae] == []
    assert [i.suggested_term("en") for i in saved] == [None, None]
    everything = labs.lab_results(study_users.study, nurse, patient.patient_id)
    assert not any(i.suggests_ae for i in everything)


def test_changing_a_saved_value_needs_a_reason_and_regrades(study_users: StudyWithUsers) -> None:
    patient = enrolled(study_users)
    nurse = study_users.users["nurse"]
    study = study_users.study
    visit_id = patient.schedule["week1"].id
    first = save_lab_panel(
        study,
        nurse,
        visit_id,
        {
            "platelets": row(120, "10^9/L", sample=WEEK1),
            "urea": row(6, "mmol/L", upper=7.5, sample=WEEK1),
        },
        today=TODAY,
    )
    versions = {info.analyte: info.version for info in first}
    # the same values again: nothing to change, no reason needed
    again = save_lab_panel(
        study, nurse, visit_id, {"platelets": row(120, "10^9/L", sample=WEEK1)}, today=TODAY
    )
    assert by_analyte(again)["platelets"].version == versions["platelets"]
    changed = {"platelets": row(60, "10^9/L", sample=WEEK1)}
    with pytest.raises(ReasonRequired) as caught:
        save_lab_panel(study, nurse, visit_id, changed, today=TODAY)
    assert caught.value.params["field"] == "platelets.value"
    after = save_lab_panel(
        study,
        nurse,
        visit_id,
        changed,
        reason="Transcription error",
        expected_versions={"platelets": versions["platelets"]},
        today=TODAY,
    )
    platelets = by_analyte(after)["platelets"]
    assert (platelets.value, platelets.who_grade) == (60.0, 2)
    assert by_analyte(after)["urea"].value == 6.0  # left out: untouched
    with pytest.raises(ConflictError):
        save_lab_panel(
            study,
            nurse,
            visit_id,
            {"platelets": row(61, "10^9/L", sample=WEEK1)},
            reason="Transcription error",
            expected_versions={"platelets": versions["platelets"]},
            today=TODAY,
        )
    with study.unit(actor=nurse.username) as session:
        trail = audit.query(session, patient_id=patient.patient_id, table_name="lab_results")
    grades = [r for r in trail if r.field == "who_grade"]  # newest first
    assert (grades[0].old_value, grades[0].new_value, grades[0].reason) == (
        "0",
        "2",
        "Transcription error",
    )


def test_a_cleared_row_voids_the_result_with_a_reason(study_users: StudyWithUsers) -> None:
    patient = enrolled(study_users)
    nurse = study_users.users["nurse"]
    study = study_users.study
    visit_id = patient.schedule["week1"].id
    save_lab_panel(
        study, nurse, visit_id, {"platelets": row(120, "10^9/L", sample=WEEK1)}, today=TODAY
    )
    cleared = {"platelets": row(None, "10^9/L", sample=WEEK1)}
    with pytest.raises(ReasonRequired):
        save_lab_panel(study, nurse, visit_id, cleared, today=TODAY)
    assert (
        save_lab_panel(study, nurse, visit_id, cleared, reason="Wrong patient", today=TODAY) == []
    )
    # entered again later: the same row comes back (one result per visit and analyte)
    back = save_lab_panel(
        study, nurse, visit_id, {"platelets": row(130, "10^9/L", sample=WEEK1)}, today=TODAY
    )
    assert [(i.analyte, i.value) for i in back] == [("platelets", 130.0)]


# --- adverse events recorded from a suggestion ----------------------------------------------------


def alt_event(**overrides: Value) -> dict[str, Value]:
    """The AE the week-4 ALT rise suggests, as the nurse completes it."""
    values: dict[str, Value] = {
        "term": "ALT increased (ALT, WHO grade 2)",
        "onset_date": WEEK4,
        "ongoing": True,
        "intensity": "mild",
        "who_grade": 2,
        "relation_product": "possible",
        "relation_procedure": "not_related",
        "action_taken": "none",
        "outcome": "not_recovered",
    }
    values.update(overrides)
    return values


NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


def suggesting_alt(made: StudyWithUsers, hospital_number: str = "H1000001") -> LabInfo:
    """A patient whose week-4 ALT (grade 2, baseline 0) suggests an AE; that result."""
    patient = enrol_patient(made, injected=INJECTED, hospital_number=hospital_number)
    nurse = made.users["nurse"]
    visits.record_visit(made.study, nurse, patient.schedule["week4"].id, WEEK4, today=WEEK4)
    for code, value, sample in (("injection", 30, INJECTED), ("week4", 150, WEEK4)):
        save_lab_panel(
            made.study,
            nurse,
            patient.schedule[code].id,
            {"alt": row(value, "U/L", upper=40, sample=sample)},
            today=TODAY,
        )
    return next(i for i in labs.lab_results(made.study, nurse, patient.patient_id) if i.suggests_ae)


def test_an_ae_recorded_from_a_result_is_linked_audited_and_shown(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    alt = suggesting_alt(study_users)
    assert (alt.recorded_ae, alt.open_suggestion) == (None, True)
    safety.record_ae(study, nurse, alt.visit_id, alt_event(term="Headache"), now=NOW)  # unlinked
    ae = safety.record_ae(study, nurse, alt.visit_id, alt_event(), now=NOW, lab_result_id=alt.id)
    assert (ae.number, ae.lab_result_id) == (2, alt.id)
    assert safety.get_ae(study, nurse, ae.id, now=NOW).lab_result_id == alt.id
    assert [a.lab_result_id for a in safety.list_aes(study, nurse, alt.patient_id, now=NOW)] == [
        None,
        alt.id,
    ]
    audited = {row.field: row.new_value for row in safety.ae_history(study, nurse, ae.id)}
    assert audited["lab_result_id"] == str(alt.id)
    after = {i.id: i for i in labs.lab_results(study, nurse, alt.patient_id)}
    assert after[alt.id].recorded_ae == (2, "ALT increased (ALT, WHO grade 2)")
    assert after[alt.id].suggests_ae  # still the grade it is, but no longer an open suggestion
    assert not after[alt.id].open_suggestion
    assert all(i.recorded_ae is None for i in after.values() if i.id != alt.id)
    visit_rows = labs.visit_lab_results(study, nurse, alt.visit_id)
    assert [i.recorded_ae for i in visit_rows] == [(2, "ALT increased (ALT, WHO grade 2)")]


def test_voiding_the_ae_brings_the_suggestion_back(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    alt = suggesting_alt(study_users)
    ae = safety.record_ae(study, nurse, alt.visit_id, alt_event(), now=NOW, lab_result_id=alt.id)
    with pytest.raises(FieldErrors) as twice:  # a second workstation recording it again
        safety.record_ae(study, nurse, alt.visit_id, alt_event(), now=NOW, lab_result_id=alt.id)
    assert problems(twice) == {
        "lab_result_id": (Problem.INCONSISTENT, "lab_result_already_recorded")
    }
    assert twice.value.errors[0].params["number"] == ae.number
    safety.void_ae(study, nurse, ae.id, "Entered for the wrong patient")
    (again,) = labs.lab_results(study, nurse, alt.patient_id)[1:]
    assert again.id == alt.id
    assert (again.recorded_ae, again.open_suggestion) == (None, True)
    redo = safety.record_ae(study, nurse, alt.visit_id, alt_event(), now=NOW, lab_result_id=alt.id)
    assert labs.lab_results(study, nurse, alt.patient_id)[1].recorded_ae == (
        redo.number,
        "ALT increased (ALT, WHO grade 2)",
    )


def test_an_ae_cannot_be_recorded_from_another_patients_or_a_void_result(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    alt = suggesting_alt(study_users)
    other = suggesting_alt(study_users, hospital_number="H1000002")
    with pytest.raises(FieldErrors) as caught:
        safety.record_ae(
            study, nurse, alt.visit_id, alt_event(term=""), now=NOW, lab_result_id=other.id
        )
    assert problems(caught) == {
        "term": (Problem.REQUIRED, None),  # every problem at once
        "lab_result_id": (Problem.INCONSISTENT, "lab_result_other_patient"),
    }
    with pytest.raises(ServiceError) as missing:
        safety.record_ae(study, nurse, alt.visit_id, alt_event(), now=NOW, lab_result_id=999_999)
    assert missing.value.code is Msg.NOT_FOUND
    save_lab_panel(
        study,
        nurse,
        alt.visit_id,
        {"alt": row(None, None)},
        reason="Result of another patient",
        expected_versions={"alt": alt.version},
        today=TODAY,
    )
    with pytest.raises(FieldErrors) as void:
        safety.record_ae(study, nurse, alt.visit_id, alt_event(), now=NOW, lab_result_id=alt.id)
    assert problems(void) == {"lab_result_id": (Problem.INCONSISTENT, "lab_result_voided")}
    assert safety.list_aes(study, nurse, alt.patient_id, now=NOW) == []
    assert safety.list_aes(study, nurse, other.patient_id, now=NOW) == []
