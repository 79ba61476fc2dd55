"""Screening: from an empty form to a confirmed decision, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, cast

import pytest
from sqlalchemy import Table, select

from sscvisit.model.entities import AuditEntry, Enrolment, Patient, Screening
from sscvisit.model.fields import FieldErrors, Problem
from sscvisit.services import auth, patients, screening
from sscvisit.services.clock import today, utc_stamp
from sscvisit.services.dto import ScreeningInfo
from sscvisit.services.errors import (
    AuthError,
    ConflictError,
    Msg,
    NotFound,
    PermissionDenied,
    ReasonRequired,
    ServiceError,
)
from sscvisit.services.screening import ScreeningInput
from sscvisit.services.study import Study
from tests.studyfixtures import PASSWORDS, StudyWithUsers, register_patient

SCREENED_ON = dt.date(2026, 2, 2)  # the fixture patient consented on 2026-01-05
# DOMAIN.md's example: puffy fingers + sclerodactyly + Raynaud's + anticentromere = 4 + 3 + 3 = 10.
CLASSIFYING = ("puffy_fingers", "sclerodactyly", "raynaud", "anticentromere")
PASSING = {
    "inc3": "yes",
    "inc4": "yes",
    **{f"exc{i}": "no" for i in range(1, 8)},
}

ELIGIBLE = ScreeningInput(
    screening_date=SCREENED_ON,
    answers=PASSING,  # inc2 from the panel
    sources={"inc3": "referral letter", "exc1": "X-ray hands 2026-01-10"},
    acr_findings=CLASSIFYING,
    ulcer_hand="R",
    ulcer_finger="D2",
    ulcer_site="tip",
    prostacyclin_start=dt.date(2025, 11, 3),
    prostacyclin_end=dt.date(2025, 11, 7),
    refractory_rule="not_improved_2m",  # 87 days before the screening
)


def _with(data: ScreeningInput, **changes: Any) -> ScreeningInput:
    return dataclasses.replace(data, **changes)


def _answers(**changes: str | None) -> dict[str, str | None]:
    return {**PASSING, **changes}


def _snapshot(study: Study) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables a screening touches, to show that a refusal saved nothing."""
    tables = {
        "screenings": cast(Table, Screening.__table__),
        "patients": cast(Table, Patient.__table__),
        "audit_log": cast(Table, AuditEntry.__table__),
    }
    out: dict[str, list[tuple[Any, ...]]] = {}
    with study.engine.connect() as conn:
        for name, table in tables.items():
            rows = conn.execute(select(table).order_by(table.c.id)).all()
            out[name] = [tuple(row) for row in rows]
    return out


def _problems(errors: FieldErrors) -> dict[str, tuple[Problem, dict[str, object]]]:
    return {e.field: (e.problem, e.params) for e in errors.errors}


def _patient_status(study_users: StudyWithUsers, patient_id: int) -> str:
    return patients.get_patient(study_users.study, study_users.users["nurse"], patient_id).status


def _start(study_users: StudyWithUsers, data: ScreeningInput = ELIGIBLE) -> ScreeningInfo:
    nurse = study_users.users["nurse"]
    patient = register_patient(study_users.study, nurse)
    return screening.save_screening(study_users.study, nurse, patient.id, data)


def _confirm(study_users: StudyWithUsers, screening_id: int) -> ScreeningInfo:
    return screening.confirm_screening(
        study_users.study, "investigator", PASSWORDS["investigator"], screening_id
    )


# --- the whole way: empty form to confirmed decisions -------------------------------------------


def test_empty_to_an_eligible_decision_confirmed_by_the_investigator(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    assert patient.status == "registered"
    assert screening.list_screenings(study, nurse, patient.id) == []

    # The nurse starts with the date only: nothing defaults to yes, nothing is decided.
    draft = screening.save_screening(study, nurse, patient.id, ScreeningInput(SCREENED_ON))
    assert draft.state == "draft"
    assert draft.result == "undecided"
    assert draft.answers == {
        "inc1": "yes",  # computed from the date of birth (1970-03-04)
        **dict.fromkeys(["inc2", "inc3", "inc4"]),
        **{f"exc{i}": None for i in range(1, 8)},
    }
    assert draft.acr_score == 0
    assert draft.acr_classified is False
    assert draft.assessed_by == "nurse"
    assert _patient_status(study_users, patient.id) == "screening"

    # Filling the empty fields later needs no reason for change.
    saved = screening.save_screening(
        study, nurse, patient.id, ELIGIBLE, screening_id=draft.id, expected_version=draft.version
    )
    assert saved.id == draft.id
    assert saved.result == "eligible"
    assert saved.failed == ()
    assert saved.answers["inc2"] == "yes"  # from the panel
    assert saved.acr_findings == CLASSIFYING
    assert saved.acr_score == 10
    assert saved.acr_classified is True
    assert saved.sources["exc1"] == "X-ray hands 2026-01-10"
    assert saved.sources["inc2"] is None
    assert (saved.ulcer_hand, saved.ulcer_finger, saved.ulcer_site) == ("R", "D2", "tip")
    assert saved.state == "draft"

    confirmed = screening.confirm_screening(
        study, "investigator", PASSWORDS["investigator"], saved.id, expected_version=saved.version
    )
    assert confirmed.state == "confirmed"
    assert confirmed.result == "eligible"
    assert confirmed.confirmed_by == "investigator"
    assert confirmed.confirmed_utc is not None
    # Eligible patients stay in screening until they are enrolled.
    assert _patient_status(study_users, patient.id) == "screening"
    assert screening.get_screening(study, nurse, saved.id) == confirmed
    events = patients.audit_trail(study, nurse, patient_id=patient.id)
    (event,) = [e for e in events if e.action == "screening_confirmed"]
    assert (event.username, event.record_id, event.new_value) == (
        "investigator",
        str(saved.id),
        "eligible",
    )
    state_change = [
        e
        for e in events
        if e.table_name == "screenings" and e.field == "state" and e.action == "update"
    ]
    assert [(e.old_value, e.new_value, e.username) for e in state_change] == [
        ("draft", "confirmed", "investigator")
    ]

    # A confirmed screening is closed.
    with pytest.raises(ServiceError) as caught:
        screening.save_screening(
            study, nurse, patient.id, _with(ELIGIBLE, sources={}), screening_id=saved.id, reason="x"
        )
    assert caught.value.code is Msg.SCREENING_CONFIRMED
    with pytest.raises(ServiceError) as caught:
        _confirm(study_users, saved.id)
    assert caught.value.code is Msg.SCREENING_CONFIRMED


def test_a_screen_failure_is_confirmed_and_kept_with_its_failing_criteria(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    data = _with(
        ELIGIBLE,
        # A malignancy 3 years ago excludes, whatever the unassessed contraception question says.
        answers=_answers(inc3="no", exc2="yes", exc3="not_assessed"),
        ulcer_hand=None,
        ulcer_finger=None,
        ulcer_site=None,
        prostacyclin_start=None,
        prostacyclin_end=None,
        refractory_rule=None,
    )
    saved = _start(study_users, data)
    assert saved.result == "not_eligible"
    assert saved.failed == ("inc3", "exc2")

    confirmed = _confirm(study_users, saved.id)
    assert (confirmed.state, confirmed.result, confirmed.failed) == (
        "confirmed",
        "not_eligible",
        ("inc3", "exc2"),
    )
    assert _patient_status(study_users, saved.patient_id) == "screen_failed"
    (kept,) = screening.list_screenings(study, nurse, saved.patient_id)
    assert kept == confirmed
    assert not kept.voided


def test_rescreening_after_a_screen_failure_keeps_the_old_record(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    first = _start(study_users, _with(ELIGIBLE, answers=_answers(exc6="yes")))
    first = _confirm(study_users, first.id)
    assert _patient_status(study_users, first.patient_id) == "screen_failed"

    # The infection is treated; the patient is screened again a month later.
    second = screening.save_screening(
        study, nurse, first.patient_id, _with(ELIGIBLE, screening_date=dt.date(2026, 3, 2))
    )
    assert second.id != first.id
    assert second.result == "eligible"
    assert _patient_status(study_users, first.patient_id) == "screening"
    newest, oldest = screening.list_screenings(study, nurse, first.patient_id)
    assert newest == second
    assert oldest == first  # untouched: confirmed, not eligible, its reason kept
    assert oldest.failed == ("exc6",)

    # While that draft is open, a third screening cannot start.
    before = _snapshot(study)
    with pytest.raises(ServiceError) as caught:
        screening.save_screening(study, nurse, first.patient_id, ELIGIBLE)
    assert caught.value.code is Msg.SCREENING_OPEN
    assert _snapshot(study) == before

    confirmed = _confirm(study_users, second.id)
    assert confirmed.result == "eligible"
    assert _patient_status(study_users, first.patient_id) == "screening"


def test_an_enrolled_patient_cannot_be_screened_again(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    confirmed = _confirm(study_users, _start(study_users).id)
    with study.unit(actor="nurse", reason="enrolled") as session:
        session.add(
            Enrolment(
                patient_id=confirmed.patient_id,
                screening_id=confirmed.id,
                enrolled_on=dt.date(2026, 2, 3),
                planned_injection_date=dt.date(2026, 2, 10),
                protocol_version="test",
                created_utc=utc_stamp(),
                voided=False,
            )
        )
        patient = session.get(Patient, confirmed.patient_id)
        assert patient is not None
        patient.status = "enrolled"
    before = _snapshot(study)
    with pytest.raises(ServiceError) as caught:
        screening.save_screening(
            study, nurse, confirmed.patient_id, _with(ELIGIBLE, screening_date=dt.date(2026, 3, 1))
        )
    assert caught.value.code is Msg.PATIENT_ENROLLED
    with pytest.raises(ServiceError) as caught:
        screening.void_screening(study, nurse, confirmed.id, "entered in error")
    assert caught.value.code is Msg.PATIENT_ENROLLED
    assert _snapshot(study) == before


# --- bad input: a message at the field, nothing saved --------------------------------------------

NO_HISTORY: dict[str, Any] = {
    "ulcer_hand": None,
    "ulcer_finger": None,
    "ulcer_site": None,
    "prostacyclin_start": None,
    "prostacyclin_end": None,
    "refractory_rule": None,
}

BAD_INPUT: dict[str, tuple[dict[str, Any], dict[str, tuple[Problem, dict[str, object]]]]] = {
    "consent after screening": (
        {"screening_date": dt.date(2026, 1, 4)},
        {"screening_date": (Problem.INCONSISTENT, {"rule": "consent_after_screening"})},
    ),
    "screening date missing": (
        {"screening_date": None},
        {"screening_date": (Problem.REQUIRED, {})},
    ),
    "course end before start": (
        {"prostacyclin_start": dt.date(2025, 11, 7), "prostacyclin_end": dt.date(2025, 11, 3)},
        {"prostacyclin_end": (Problem.INCONSISTENT, {"rule": "course_end_before_start"})},
    ),
    "course ends after the screening": (
        {"prostacyclin_end": dt.date(2026, 2, 3)},
        {"prostacyclin_end": (Problem.INCONSISTENT, {"rule": "course_not_finished"})},
    ),
    "inc2 yes against a panel below 9, no reason": (
        {"answers": _answers(inc2="yes"), "acr_findings": ("raynaud", "puffy_fingers")},
        {"inc2_override_reason": (Problem.REQUIRED, {})},
    ),
    "inc2 no against a classifying panel, no reason": (
        {"answers": _answers(inc2="no")},
        {"inc2_override_reason": (Problem.REQUIRED, {})},
    ),
    "inc2 yes with an empty panel, no reason": (
        {"answers": _answers(inc2="yes"), "acr_findings": ()},
        {"inc2_override_reason": (Problem.REQUIRED, {})},
    ),
    "inc2 not assessed against a filled panel, no reason": (
        {"answers": _answers(inc2="not_assessed")},
        {"inc2_override_reason": (Problem.REQUIRED, {})},
    ),
    "inc2 yes when the criteria do not apply, no reason": (
        {"answers": _answers(inc2="yes"), "acr_na_other_disorder": True},
        {"inc2_override_reason": (Problem.REQUIRED, {})},
    ),
    "unknown finding": (
        {"acr_findings": ("raynaud", "gottron_papules")},
        {"acr_findings": (Problem.NOT_IN_CODELIST, {"codes": "gottron_papules"})},
    ),
    "unknown answer": (
        {"answers": _answers(exc4="perhaps")},
        {"exc4": (Problem.NOT_IN_CODELIST, {})},
    ),
    "inc3 yes without the ulcer or the prostacyclin history": (
        NO_HISTORY,
        {
            "ulcer_hand": (Problem.REQUIRED, {}),
            "ulcer_finger": (Problem.REQUIRED, {}),
            "ulcer_site": (Problem.REQUIRED, {}),
            "prostacyclin_start": (Problem.REQUIRED, {}),
            "prostacyclin_end": (Problem.REQUIRED, {}),
            "refractory_rule": (Problem.REQUIRED, {}),
        },
    ),
    "inc3 yes without course dates": (
        {"prostacyclin_start": None, "prostacyclin_end": None},
        {
            "prostacyclin_start": (Problem.REQUIRED, {}),
            "prostacyclin_end": (Problem.REQUIRED, {}),
        },
    ),
    "worse at one month claimed too early": (
        {"refractory_rule": "worse_1m", "prostacyclin_end": dt.date(2026, 1, 6)},
        {"refractory_rule": (Problem.INCONSISTENT, {"rule": "too_early_for_worse"})},
    ),
    "recurrence without its date": (
        {"refractory_rule": "recurred_3m"},
        {"recurrence_date": (Problem.REQUIRED, {})},
    ),
    "recurrence too long after the course": (
        {
            "refractory_rule": "recurred_3m",
            "prostacyclin_end": dt.date(2025, 10, 1),
            "prostacyclin_start": dt.date(2025, 9, 28),
            "recurrence_date": dt.date(2026, 1, 1),
        },
        {"recurrence_date": (Problem.INCONSISTENT, {"rule": "recurrence_outside_window"})},
    ),
    "unknown hand": (
        {"ulcer_hand": "X"},
        {"ulcer_hand": (Problem.NOT_IN_CODELIST, {})},
    ),
    "source too long": (
        {"sources": {"exc5": "x" * 501}},
        {"exc5_source": (Problem.TOO_LONG, {"max_length": 500})},
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUT))
def test_bad_input_is_named_at_its_field_and_saves_nothing(
    study_users: StudyWithUsers, case: str
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    changes, expected = BAD_INPUT[case]
    patient = register_patient(study, nurse)
    data = _with(ELIGIBLE, **changes)
    before = _snapshot(study)
    with pytest.raises(FieldErrors) as caught:
        screening.save_screening(study, nurse, patient.id, data)
    assert _problems(caught.value) == expected
    with pytest.raises(FieldErrors) as caught:
        screening.preview(study, nurse, patient.id, data)
    assert _problems(caught.value) == expected
    assert _snapshot(study) == before
    assert _patient_status(study_users, patient.id) == "registered"


def test_a_screening_in_the_future_is_refused(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    tomorrow = today() + dt.timedelta(days=1)
    before = _snapshot(study)
    with pytest.raises(FieldErrors) as caught:
        screening.save_screening(study, nurse, patient.id, _with(ELIGIBLE, screening_date=tomorrow))
    assert _problems(caught.value) == {"screening_date": (Problem.DATE_IN_FUTURE, {})}
    # Today is fine; "today" can be fixed by the caller.
    fixed = dt.date(2026, 2, 1)
    with pytest.raises(FieldErrors) as caught:
        screening.save_screening(study, nurse, patient.id, ELIGIBLE, today=fixed)
    assert _problems(caught.value)["screening_date"] == (Problem.DATE_IN_FUTURE, {})
    assert _snapshot(study) == before
    saved = screening.save_screening(study, nurse, patient.id, ELIGIBLE, today=SCREENED_ON)
    assert saved.screening_date == SCREENED_ON


def test_bad_input_on_an_update_leaves_the_saved_screening_as_it_was(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    saved = _start(study_users)
    before = _snapshot(study)
    bad = _with(ELIGIBLE, answers=_answers(exc1="yes"), screening_date=dt.date(2025, 12, 1))
    with pytest.raises(FieldErrors) as caught:
        screening.save_screening(
            study, nurse, saved.patient_id, bad, screening_id=saved.id, reason="correction"
        )
    assert "screening_date" in _problems(caught.value)
    assert _snapshot(study) == before
    assert screening.get_screening(study, nurse, saved.id) == saved


def test_inc2_may_differ_from_the_panel_with_a_written_reason(
    study_users: StudyWithUsers,
) -> None:
    data = _with(
        ELIGIBLE,
        answers=_answers(inc2="yes"),
        acr_findings=("raynaud", "sclerodactyly"),  # 7: below the threshold
        inc2_override_reason="classified by the treating rheumatologist, letter 2026-01-20",
    )
    saved = _start(study_users, data)
    assert saved.acr_score == 7
    assert saved.acr_classified is False
    assert saved.answers["inc2"] == "yes"
    assert saved.inc2_override_reason == data.inc2_override_reason
    assert saved.result == "eligible"


def test_the_panel_decides_inc2_unless_untouched(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)

    def inc2(data: ScreeningInput) -> tuple[str | None, int | None, bool | None]:
        info = screening.preview(study, nurse, patient.id, data)
        assert info.id == 0
        return info.answers["inc2"], info.acr_score, info.acr_classified

    assert inc2(ELIGIBLE) == ("yes", 10, True)
    assert inc2(_with(ELIGIBLE, acr_findings=("raynaud",))) == ("no", 3, False)
    # Skin thickening proximal to the MCPs is sufficient on its own.
    assert inc2(_with(ELIGIBLE, acr_findings=("skin_thickening_proximal_mcp",))) == (
        "yes",
        9,
        True,
    )
    # Not applicable: no score, and inclusion 2 cannot be met through the panel.
    assert inc2(_with(ELIGIBLE, acr_na_spares_fingers=True)) == ("no", None, None)
    # Untouched: the panel answers nothing, so an empty form is not a screen failure.
    assert inc2(_with(ELIGIBLE, acr_findings=())) == (None, 0, False)
    # The nurse's "no" agrees with an empty panel.
    assert inc2(_with(ELIGIBLE, acr_findings=(), answers=_answers(inc2="no")))[0] == "no"
    assert screening.list_screenings(study, nurse, patient.id) == []


def test_inclusion1_is_computed_from_the_date_of_birth_at_the_18th_birthday(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(
        study, nurse, date_of_birth=dt.date(2008, 2, 2), consent_date=dt.date(2026, 1, 5)
    )
    day_before = _with(ELIGIBLE, screening_date=dt.date(2026, 2, 1), answers=_answers(inc1="yes"))
    info = screening.preview(study, nurse, patient.id, day_before)
    assert info.answers["inc1"] == "no"  # typed "yes" is ignored
    assert info.result == "not_eligible"
    assert info.failed == ("inc1",)
    info = screening.preview(study, nurse, patient.id, _with(ELIGIBLE))  # on the birthday
    assert info.answers["inc1"] == "yes"
    assert info.result == "eligible"


def test_unknown_criterion_codes_are_a_programming_error(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    with pytest.raises(ValueError, match="inc9"):
        screening.preview(study, nurse, patient.id, _with(ELIGIBLE, answers={"inc9": "yes"}))


# --- the decision needs every answer ------------------------------------------------------------


def test_a_missing_answer_blocks_the_decision(study_users: StudyWithUsers) -> None:
    study = study_users.study
    saved = _start(study_users, _with(ELIGIBLE, answers=_answers(exc7="not_assessed")))
    assert saved.result == "undecided"
    before = _snapshot(study)
    with pytest.raises(ServiceError) as caught:
        _confirm(study_users, saved.id)
    assert caught.value.code is Msg.SCREENING_UNDECIDED
    after = _snapshot(study)
    assert after["screenings"] == before["screenings"]
    assert after["patients"] == before["patients"]
    # Only the investigator's successful sign-in was recorded.
    assert [row[3] for row in after["audit_log"][len(before["audit_log"]) :]] == ["login"]

    unanswered = _start_second(study_users, _with(ELIGIBLE, answers=_answers(exc5=None)))
    with pytest.raises(ServiceError) as caught:
        _confirm(study_users, unanswered.id)
    assert caught.value.code is Msg.SCREENING_UNDECIDED


def _start_second(study_users: StudyWithUsers, data: ScreeningInput) -> ScreeningInfo:
    nurse = study_users.users["nurse"]
    patient = register_patient(study_users.study, nurse, hospital_number="H2000002")
    return screening.save_screening(study_users.study, nurse, patient.id, data)


# --- changing saved answers: reason and audit trail ---------------------------------------------


def test_changing_a_saved_answer_needs_a_reason_and_is_audited(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    saved = _start(study_users)
    changed = _with(ELIGIBLE, answers=_answers(exc5="yes"))
    before = _snapshot(study)
    for reason in (None, "", "   "):
        with pytest.raises(ReasonRequired) as caught:
            screening.save_screening(
                study, nurse, saved.patient_id, changed, screening_id=saved.id, reason=reason
            )
        assert caught.value.params == {"table": "screenings", "field": "exc5"}
    assert _snapshot(study) == before

    reason = "blood pressure 190/115 on repeat measurement"
    updated = screening.save_screening(
        study, nurse, saved.patient_id, changed, screening_id=saved.id, reason=reason
    )
    assert updated.answers["exc5"] == "yes"
    assert updated.result == "not_eligible"
    assert updated.failed == ("exc5",)
    assert updated.version == saved.version + 1

    trail = patients.audit_trail(study, nurse, patient_id=saved.patient_id)
    rows = {e.field: e for e in trail if e.table_name == "screenings" and e.action == "update"}
    assert (rows["exc5"].old_value, rows["exc5"].new_value, rows["exc5"].reason) == (
        "no",
        "yes",
        reason,
    )
    assert (rows["result"].old_value, rows["result"].new_value) == ("eligible", "not_eligible")
    assert rows["exc5"].username == "nurse"
    assert rows["exc5"].record_id == str(saved.id)


def test_changing_the_panel_or_a_date_needs_a_reason(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    saved = _start(study_users)
    for change, field in (
        ({"acr_findings": (*CLASSIFYING, "telangiectasia")}, "acr_findings"),
        ({"screening_date": dt.date(2026, 2, 3)}, "screening_date"),
        ({"sources": {"inc3": "clinic notes"}}, "inc3_source"),
        ({"ulcer_site": "volar"}, "ulcer_site"),
    ):
        with pytest.raises(ReasonRequired) as caught:
            screening.save_screening(
                study, nurse, saved.patient_id, _with(ELIGIBLE, **change), screening_id=saved.id
            )
        assert caught.value.params["field"] == field
    # Saving the same values again changes nothing and needs no reason.
    again = screening.save_screening(
        study, nurse, saved.patient_id, ELIGIBLE, screening_id=saved.id
    )
    assert again == saved


def test_filling_the_panel_of_a_draft_needs_no_reason(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    draft = _start(study_users, _with(ELIGIBLE, acr_findings=()))
    assert draft.answers["inc2"] is None
    assert draft.result == "undecided"
    filled = screening.save_screening(
        study, nurse, draft.patient_id, ELIGIBLE, screening_id=draft.id
    )
    assert filled.answers["inc2"] == "yes"
    assert filled.result == "eligible"
    trail = patients.audit_trail(study, nurse, patient_id=draft.patient_id)
    result_rows = [e for e in trail if e.table_name == "screenings" and e.field == "result"]
    assert result_rows[0].old_value == "undecided"
    assert result_rows[0].new_value == "eligible"
    assert result_rows[0].reason  # an explanation is recorded for the recomputed result


def test_a_stale_version_is_a_conflict(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    saved = _start(study_users)
    screening.save_screening(
        study,
        nurse,
        saved.patient_id,
        _with(ELIGIBLE, answers=_answers(exc3="not_assessed")),
        screening_id=saved.id,
        reason="contraception not yet discussed",
    )
    with pytest.raises(ConflictError):
        screening.save_screening(
            study,
            nurse,
            saved.patient_id,
            ELIGIBLE,
            screening_id=saved.id,
            reason="x",
            expected_version=saved.version,
        )
    with pytest.raises(ConflictError):
        screening.confirm_screening(
            study,
            "investigator",
            PASSWORDS["investigator"],
            saved.id,
            expected_version=saved.version,
        )


# --- who may do what ----------------------------------------------------------------------------


def test_a_nurse_cannot_confirm(study_users: StudyWithUsers) -> None:
    study = study_users.study
    saved = _start(study_users)
    before = _snapshot(study)
    with pytest.raises(PermissionDenied) as caught:
        screening.confirm_screening(study, "nurse", PASSWORDS["nurse"], saved.id)
    assert caught.value.params == {"permission": "sign"}
    after = _snapshot(study)
    assert after["screenings"] == before["screenings"]
    assert screening.get_screening(study, study_users.users["nurse"], saved.id).state == "draft"


def test_a_wrong_investigator_password_counts_as_a_failed_login(
    study_users: StudyWithUsers,
) -> None:
    study = study_users.study
    saved = _start(study_users)
    before = _snapshot(study)
    with pytest.raises(AuthError) as caught:
        screening.confirm_screening(study, "investigator", "not the password", saved.id)
    assert caught.value.code is Msg.BAD_CREDENTIALS
    limit = auth.study_setting(study, "max_failed_logins")
    assert caught.value.params == {"remaining": limit - 1}
    after = _snapshot(study)
    assert after["screenings"] == before["screenings"]
    trail = patients.audit_trail(study, study_users.users["admin"])
    assert trail[0].action == "login_failed"
    assert trail[0].username == "investigator"
    # The same counter as the login window: the account locks at the study's limit.
    for _ in range(limit - 2):
        with pytest.raises(AuthError):
            auth.login(study, "investigator", "still not it")
    with pytest.raises(AuthError) as caught:
        screening.confirm_screening(study, "investigator", "one more wrong", saved.id)
    assert caught.value.code is Msg.ACCOUNT_LOCKED
    with pytest.raises(AuthError) as caught:
        _confirm(study_users, saved.id)  # even the right password, until an admin resets it
    assert caught.value.code is Msg.ACCOUNT_LOCKED
    assert screening.get_screening(study, study_users.users["nurse"], saved.id).state == "draft"


def test_roles(study_users: StudyWithUsers) -> None:
    study, users = study_users.study, study_users.users
    saved = _start(study_users)
    for role in ("monitor", "admin"):
        with pytest.raises(PermissionDenied):
            screening.save_screening(study, users[role], saved.patient_id, ELIGIBLE)
        with pytest.raises(PermissionDenied):
            screening.preview(study, users[role], saved.patient_id, ELIGIBLE)
        with pytest.raises(PermissionDenied):
            screening.void_screening(study, users[role], saved.id, "wrong patient")
    # The monitor reads; the administrator sees no clinical data.
    assert screening.list_screenings(study, users["monitor"], saved.patient_id) == [saved]
    with pytest.raises(PermissionDenied):
        screening.list_screenings(study, users["admin"], saved.patient_id)
    with pytest.raises(PermissionDenied):
        screening.get_screening(study, users["admin"], saved.id)
    # An investigator enters data too.
    other = register_patient(study, users["investigator"], hospital_number="H3")
    by_investigator = screening.save_screening(study, users["investigator"], other.id, ELIGIBLE)
    assert by_investigator.assessed_by == "investigator"


def test_missing_records(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    saved = _start(study_users)
    with pytest.raises(NotFound):
        screening.get_screening(study, nurse, saved.id + 100)
    with pytest.raises(NotFound):
        screening.list_screenings(study, nurse, saved.patient_id + 100)
    with pytest.raises(NotFound):
        screening.save_screening(study, nurse, saved.patient_id + 100, ELIGIBLE)
    other = register_patient(study, nurse, hospital_number="H4")
    with pytest.raises(NotFound):  # a screening of another patient
        screening.save_screening(study, nurse, other.id, ELIGIBLE, screening_id=saved.id)


# --- voiding ------------------------------------------------------------------------------------


def test_a_voided_screening_stays_and_the_patient_can_start_again(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    saved = _start(study_users)
    with pytest.raises(ReasonRequired):
        screening.void_screening(study, nurse, saved.id, "  ")
    voided = screening.void_screening(study, nurse, saved.id, "screened the wrong patient")
    assert voided.voided
    assert _patient_status(study_users, saved.patient_id) == "registered"
    with pytest.raises(ServiceError) as caught:
        screening.void_screening(study, nurse, saved.id, "again")
    assert caught.value.code is Msg.ALREADY_VOIDED
    with pytest.raises(ServiceError) as caught:
        screening.save_screening(
            study, nurse, saved.patient_id, ELIGIBLE, screening_id=saved.id, reason="x"
        )
    assert caught.value.code is Msg.RECORD_VOIDED
    with pytest.raises(ServiceError) as caught:
        _confirm(study_users, saved.id)
    assert caught.value.code is Msg.RECORD_VOIDED

    fresh = screening.save_screening(study, nurse, saved.patient_id, ELIGIBLE)
    assert [s.id for s in screening.list_screenings(study, nurse, saved.patient_id)] == [
        fresh.id,
        saved.id,
    ]
    trail = patients.audit_trail(study, nurse, patient_id=saved.patient_id)
    (void_row,) = [e for e in trail if e.action == "void" and e.table_name == "screenings"]
    assert void_row.reason == "screened the wrong patient"


def test_fields_for_forms_are_declared() -> None:
    fields = screening.SCREENING_FIELDS
    assert fields["inc2"].label("en").startswith("I2")
    assert [c.value for c in fields["exc1"].codes] == ["yes", "no", "not_assessed"]
    assert fields["screening_date"].not_in_future
    assert [code for code, _en, _nl in screening.CRITERIA][:2] == ["inc1", "inc2"]


# --- the capillaroscopy at screening feeds "abnormal nailfold capillaries" ----------------------

CAPILLAROSCOPY_ON = dt.date(2026, 1, 20)  # between consent (2026-01-05) and screening


@pytest.mark.parametrize("pattern", ["early", "active", "late"])
def test_an_abnormal_capillaroscopy_adds_the_finding_and_its_weight(
    study_users: StudyWithUsers, pattern: str
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    plain = screening.preview(study, nurse, patient.id, ELIGIBLE)
    data = _with(ELIGIBLE, capillaroscopy_pattern=pattern, capillaroscopy_date=CAPILLAROSCOPY_ON)
    shown = screening.preview(study, nurse, patient.id, data)
    saved = screening.save_screening(study, nurse, patient.id, data)
    for info in (shown, saved):
        assert "abnormal_capillaries" in info.acr_findings
        assert plain.acr_score is not None
        assert info.acr_score == plain.acr_score + 2
        assert (info.capillaroscopy_pattern, info.capillaroscopy_date) == (
            pattern,
            CAPILLAROSCOPY_ON,
        )
    stored = screening.get_screening(study, nurse, saved.id)
    assert stored == saved
    # Ticked by hand as well: counted once.
    both = _with(data, acr_findings=(*CLASSIFYING, "abnormal_capillaries"))
    assert screening.preview(study, nurse, patient.id, both).acr_score == saved.acr_score


@pytest.mark.parametrize("pattern", ["normal", "not_done", None])
def test_no_abnormal_capillaroscopy_adds_nothing(
    study_users: StudyWithUsers, pattern: str | None
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    data = _with(ELIGIBLE, capillaroscopy_pattern=pattern)
    shown = screening.preview(study, nurse, patient.id, data)
    assert "abnormal_capillaries" not in shown.acr_findings
    assert shown.acr_score == 10


def test_a_normal_capillaroscopy_contradicts_a_ticked_finding(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    data = _with(
        ELIGIBLE,
        acr_findings=(*CLASSIFYING, "abnormal_capillaries"),
        capillaroscopy_pattern="normal",
        capillaroscopy_date=CAPILLAROSCOPY_ON,
    )
    before = _snapshot(study)
    expected = {
        "acr_findings": (Problem.INCONSISTENT, {"rule": "capillaroscopy_normal"}),
    }
    with pytest.raises(FieldErrors) as caught:
        screening.save_screening(study, nurse, patient.id, data)
    assert _problems(caught.value) == expected
    with pytest.raises(FieldErrors) as caught:
        screening.preview(study, nurse, patient.id, data)
    assert _problems(caught.value) == expected
    assert _snapshot(study) == before


@pytest.mark.parametrize(
    ("done", "problem"),
    [
        (dt.date(2026, 2, 3), (Problem.INCONSISTENT, {"rule": "after_screening"})),
        (dt.date(2026, 1, 4), (Problem.INCONSISTENT, {"rule": "before_consent"})),
    ],
)
def test_the_capillaroscopy_date_lies_between_consent_and_screening(
    study_users: StudyWithUsers, done: dt.date, problem: tuple[Problem, dict[str, object]]
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse)
    data = _with(ELIGIBLE, capillaroscopy_pattern="active", capillaroscopy_date=done)
    before = _snapshot(study)
    with pytest.raises(FieldErrors) as caught:
        screening.save_screening(study, nurse, patient.id, data)
    assert _problems(caught.value) == {"capillaroscopy_date": problem}
    assert _snapshot(study) == before
    # The screening date itself is fine on either bound.
    edge = _with(data, capillaroscopy_date=SCREENED_ON)
    assert screening.preview(study, nurse, patient.id, edge).capillaroscopy_date == SCREENED_ON


def test_changing_the_capillaroscopy_needs_a_reason(study_users: StudyWithUsers) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    first = _with(ELIGIBLE, capillaroscopy_pattern="active", capillaroscopy_date=CAPILLAROSCOPY_ON)
    saved = _start(study_users, first)
    for change, field in (
        ({"capillaroscopy_pattern": "late"}, "capillaroscopy_pattern"),
        ({"capillaroscopy_date": dt.date(2026, 1, 21)}, "capillaroscopy_date"),
        ({"capillaroscopy_pattern": "normal"}, "acr_findings"),  # the finding goes too
    ):
        with pytest.raises(ReasonRequired) as caught:
            screening.save_screening(
                study, nurse, saved.patient_id, _with(first, **change), screening_id=saved.id
            )
        assert caught.value.params["field"] == field
    reason = "capillaroscopy re-read by the rheumatologist"
    updated = screening.save_screening(
        study,
        nurse,
        saved.patient_id,
        _with(first, capillaroscopy_pattern="late"),
        screening_id=saved.id,
        reason=reason,
    )
    assert updated.capillaroscopy_pattern == "late"
    trail = patients.audit_trail(study, nurse, patient_id=saved.patient_id)
    rows = {e.field: e for e in trail if e.table_name == "screenings" and e.action == "update"}
    row = rows["capillaroscopy_pattern"]
    assert (row.old_value, row.new_value, row.reason) == ("active", "late", reason)


def test_filling_the_capillaroscopy_of_a_draft_needs_no_reason(
    study_users: StudyWithUsers,
) -> None:
    study, nurse = study_users.study, study_users.users["nurse"]
    draft = _start(study_users, _with(ELIGIBLE, acr_findings=()))
    filled = _with(
        ELIGIBLE, acr_findings=(), capillaroscopy_pattern="late", capillaroscopy_date=SCREENED_ON
    )
    updated = screening.save_screening(
        study, nurse, draft.patient_id, filled, screening_id=draft.id
    )
    assert updated.acr_findings == ("abnormal_capillaries",)
    assert updated.acr_score == 2
