"""Questionnaire responses: scores from the scoring library, and the service on both backends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sscvisit.model.fields import FieldError, FieldErrors, Problem
from sscvisit.scoring import capillaroscopy, chfs, eq5d, haq, rand36
from sscvisit.scoring._items import NotComputable
from sscvisit.services import demo, patients, questionnaires, screening, visits
from sscvisit.services.dto import ResponseInfo, VisitInfo
from sscvisit.services.errors import (
    ConflictError,
    Msg,
    PermissionDenied,
    ReasonRequired,
    ServiceError,
)
from sscvisit.services.instruments import INSTRUMENT_CODES, load_instrument
from sscvisit.services.questionnaires import Answer, ScoreLine, compute_scores
from tests.studyfixtures import PASSWORDS, StudyWithUsers, register_patient

D = dt.date
CONSENT = D(2026, 1, 5)  # studyfixtures' default consent date
SCREENED = D(2026, 2, 2)
ENROLLED = D(2026, 2, 3)
INJECTED = D(2026, 2, 16)
HAQ_EXAMPLE = (1, 0, 2, 1, 0, 1, 2, 1)  # DOMAIN.md: category scores -> HAQ-DI 1.000


def scores(lines: list[ScoreLine] | tuple[ScoreLine, ...]) -> dict[str, float | None]:
    return {line.key: line.value for line in lines}


def reasons(lines: list[ScoreLine] | tuple[ScoreLine, ...]) -> dict[str, NotComputable | None]:
    return {line.key: line.reason for line in lines}


def answers(values: Mapping[str, float | str | None]) -> dict[str, Answer]:
    return {code: Answer(value) for code, value in values.items()}


def best_rand36() -> dict[str, Answer]:
    """The answer that scores 100 on each item (item 2 too: 'clearly improved')."""
    best = {code: max(table, key=lambda a: table[a]) for code, table in rand36.RECODE.items()}
    return answers(best)


def haq_example() -> dict[str, Answer]:
    """DOMAIN.md's example: the first item of each category carries its score, the rest 0."""
    values: dict[str, float | str | None] = dict.fromkeys(haq.ITEMS, 0)
    for codes, score in zip(haq.CATEGORIES.values(), HAQ_EXAMPLE, strict=True):
        values[codes[0]] = score
    values.update({f"vas_{scale}": 0 for scale in haq.VAS_SCALES})
    return answers(values)


def eq5d_state(state: str, vas: float = 80) -> dict[str, Answer]:
    levels = dict(zip(eq5d.DIMENSIONS, state, strict=True))
    return answers({"eq5d_vas": vas} | {f"eq5d_{d.lower()}": int(v) for d, v in levels.items()})


def full_capillaroscopy(not_assessable: tuple[str, ...] = ()) -> dict[str, Answer]:
    """Each finger scores its position (L2=0 .. L5=3, R2=0 .. R5=3) on every parameter."""
    values: dict[str, float | str | None] = {
        "pattern": "active",
        "image_reference": "NVC-2026-02-16",
        "assessor": "Dr. Visser",
    }
    for finger in capillaroscopy.FINGERS:
        if finger in not_assessable:
            values[f"{finger}_not_assessable"] = 1
            continue
        score = int(finger[1]) - 2
        values[f"{finger}_density"] = 7.5
        values[f"{finger}_giant_count"] = score
        values[f"{finger}_haemorrhage_count"] = 0
        for parameter in capillaroscopy.PARAMETERS:
            values[f"{finger}_{parameter}"] = score
    return answers(values)


# --- compute_scores: pure, from the scoring library only -----------------------------------------


def test_haq_published_example_and_the_vas_scores() -> None:
    given_answers = haq_example() | {"vas_pain": Answer(50), "vas_overall": Answer(33.3)}
    result = scores(compute_scores("shaq", given_answers))
    assert result["haq_di"] == 1.0
    assert result["haq_di_unadjusted"] == 1.0
    assert result["vas_pain"] == 1.5  # DOMAIN.md: 50 mm -> 1.50
    assert result["vas_pain_mm"] == 50
    assert result["vas_overall"] == haq.vas_score(33.3)
    assert result["vas_raynaud"] == 0


def test_haq_aids_and_help_raise_only_the_adjusted_index() -> None:
    # walking scores 1 and arising 0; a cane raises walking to 2, help with arising raises it to 2
    adjusted = haq_example() | {"aid_cane": Answer(1), "help_arising": Answer(1)}
    result = scores(compute_scores("shaq", adjusted))
    items = {code: int(str(adjusted[code].value)) for code in haq.ITEMS}
    expected = haq.disability_index(
        items, aids=haq.categories_for_aids(["cane"]), help=["arising"], adjusted=True
    )
    assert result["haq_di"] == expected == 1.375
    assert result["haq_di_unadjusted"] == 1.0
    # an unticked flag (0) changes nothing
    untouched = haq_example() | {"aid_cane": Answer(0)}
    assert scores(compute_scores("shaq", untouched))["haq_di"] == 1.0


def test_haq_not_computable_says_how_many_categories_are_answered() -> None:
    partial = {
        code: answer
        for code, answer in haq_example().items()
        if code
        not in {*haq.CATEGORIES["grip"], *haq.CATEGORIES["reach"], *haq.CATEGORIES["eating"]}
    }
    lines = compute_scores("shaq", partial)
    assert scores(lines)["haq_di"] is None
    assert reasons(lines)["haq_di"] == NotComputable("haq_di", needed=6, answered=5, total=8)
    assert reasons(lines)["haq_di_unadjusted"] == NotComputable(
        "haq_di_unadjusted", needed=6, answered=5, total=8
    )


def test_eq5d_published_examples_and_a_missing_dimension() -> None:
    assert scores(compute_scores("eq5d", eq5d_state("21111")))["eq5d_index"] == 0.918
    assert scores(compute_scores("eq5d", eq5d_state("11111")))["eq5d_index"] == 1.0
    assert scores(compute_scores("eq5d", eq5d_state("55555")))["eq5d_index"] == -0.446
    missing = eq5d_state("21111") | {"eq5d_pd": Answer(None, "illegible")}
    lines = compute_scores("eq5d", missing)
    assert scores(lines) == {"eq5d_index": None, "eq5d_vas": 80}
    assert reasons(lines)["eq5d_index"] == NotComputable("eq5d_index", 5, 4, 5)


def test_rand36_all_best_answers_give_100_everywhere() -> None:
    result = scores(compute_scores("rand36", best_rand36()))
    assert set(result) == set(rand36.SCALES)
    assert set(result.values()) == {100.0}


def test_rand36_scale_without_any_answer_is_not_computable() -> None:
    some = {code: a for code, a in best_rand36().items() if code not in {"rand_21", "rand_22"}}
    lines = compute_scores("rand36", some)
    assert scores(lines)["pain"] is None
    assert reasons(lines)["pain"] == NotComputable("pain", 1, 0, 2)
    assert scores(lines)["general_health"] == 100.0


def test_chfs_total_domains_and_a_missing_item() -> None:
    full = answers(dict.fromkeys(chfs.ITEMS, 2))
    result = scores(compute_scores("chfs", full))
    assert result["chfs_total"] == 36
    assert result["chfs_kitchen"] == 16
    assert result["chfs_other"] == 8
    lines = compute_scores("chfs", full | {"chfs_10": Answer(None, "not_answered")})
    assert scores(lines)["chfs_total"] is None
    assert reasons(lines)["chfs_total"] == NotComputable("chfs_total", 18, 17, 18)
    assert reasons(lines)["chfs_dressing"] == NotComputable("chfs_dressing", 2, 1, 2)
    assert scores(lines)["chfs_kitchen"] == 16


def test_capillaroscopy_not_assessable_finger_is_left_out_of_the_means() -> None:
    everyone = scores(compute_scores("capillaroscopy", full_capillaroscopy()))
    assert everyone["loss"] == 1.5  # (0 + 1 + 2 + 3) x 2 / 8
    assert everyone["mes"] == 4.5
    assert everyone["assessable_fingers"] == 8
    # L2 (all 0) not assessable: the means are over the other 7 fingers, not 0 for L2
    without = scores(compute_scores("capillaroscopy", full_capillaroscopy(("L2",))))
    assert without["assessable_fingers"] == 7
    assert without["loss"] == round(12 / 7, 2) == 1.71
    assert without["mes"] == 5.14
    # a finger marked not assessable stays out even when scores were typed for it
    typed = full_capillaroscopy() | {"L2_not_assessable": Answer(1)}
    assert scores(compute_scores("capillaroscopy", typed)) == without


def test_capillaroscopy_with_no_finger_scored() -> None:
    lines = compute_scores("capillaroscopy", {})
    assert scores(lines)["mes"] is None
    assert reasons(lines)["mes"] == NotComputable("mes", 1, 0, 8)
    assert scores(lines)["assessable_fingers"] == 0


@pytest.mark.parametrize("code", INSTRUMENT_CODES)
def test_an_empty_form_gives_every_key_not_computable(code: str) -> None:
    lines = compute_scores(code, {})
    assert len({line.key for line in lines}) == len(lines)
    for line in lines:
        assert line.key == "assessable_fingers" or (line.value is None and line.reason is not None)


def test_compute_scores_refuses_an_unknown_item_or_a_bad_answer() -> None:
    with pytest.raises(ValueError, match="rand_37"):
        compute_scores("rand36", {"rand_37": Answer(1)})
    with pytest.raises(FieldError) as caught:
        compute_scores("rand36", {"rand_3": Answer(4)})
    assert caught.value.field == "rand_3"
    with pytest.raises(ValueError, match="sf12"):
        compute_scores("sf12", {})


@settings(max_examples=50, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            code: st.one_of(st.none(), st.integers(*rand36.answer_range(code)))
            for code in rand36.ITEMS
        }
    )
)
def test_rand36_scores_are_the_scoring_librarys(items: dict[str, int | None]) -> None:
    assert scores(compute_scores("rand36", answers(items))) == rand36.scales(items)


@settings(max_examples=50, deadline=None)
@given(
    st.fixed_dictionaries(
        {code: st.one_of(st.none(), st.integers(*chfs.ANSWER_RANGE)) for code in chfs.ITEMS}
    )
)
def test_chfs_scores_are_the_scoring_librarys(items: dict[str, int | None]) -> None:
    result = scores(compute_scores("chfs", answers(items)))
    assert result["chfs_total"] == chfs.total(items)
    assert {k: v for k, v in result.items() if k != "chfs_total"} == {
        f"chfs_{domain}": value for domain, value in chfs.domains(items).items()
    }


def test_compute_scores_is_pure(monkeypatch: pytest.MonkeyPatch) -> None:
    """No database, whatever the instrument: the live score panel calls it on every keystroke."""
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from sscvisit.services.study import Study

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compute_scores touched the database")

    monkeypatch.setattr(Session, "__init__", refuse)
    monkeypatch.setattr(Engine, "connect", refuse)
    monkeypatch.setattr(Study, "unit", refuse)
    forms = {
        "shaq": haq_example(),
        "rand36": best_rand36(),
        "eq5d": eq5d_state("21111"),
        "chfs": answers(dict.fromkeys(chfs.ITEMS, 1)),
        "capillaroscopy": full_capillaroscopy(("R5",)),
    }
    for code, form in forms.items():
        assert compute_scores(code, form)


# --- the service, on SQLite and PostgreSQL -------------------------------------------------------


@dataclass
class Enrolled:
    su: StudyWithUsers
    patient_id: int
    visits: dict[str, VisitInfo]  # visit code -> visit; the injection is recorded

    def save(
        self,
        instrument: str,
        form: Mapping[str, Answer],
        *,
        visit: str = "injection",
        completed_on: dt.date = INJECTED,
        completed_by: str = "patient",
        role: str = "nurse",
        reason: str | None = None,
        expected_version: int | None = None,
        today: dt.date = INJECTED,
    ) -> ResponseInfo:
        return questionnaires.save_response(
            self.su.study,
            self.su.users[role],
            self.visits[visit].id,
            instrument,
            completed_on=completed_on,
            completed_by=completed_by,
            answers=form,
            reason=reason,
            expected_version=expected_version,
            today=today,
        )

    def get(self, instrument: str, visit: str = "injection") -> ResponseInfo | None:
        return questionnaires.get_response(
            self.su.study, self.su.users["nurse"], self.visits[visit].id, instrument
        )


@pytest.fixture
def enrolled(study_users: StudyWithUsers) -> Enrolled:
    """An eligible, confirmed, enrolled patient whose injection visit is recorded."""
    study, users = study_users.study, study_users.users
    patient = register_patient(study, users["nurse"])
    draft = screening.save_screening(
        study, users["nurse"], patient.id, demo.eligible_screening(SCREENED), today=SCREENED
    )
    screening.confirm_screening(study, "investigator", PASSWORDS["investigator"], draft.id)
    visits.enrol(study, users["nurse"], patient.id, planned_injection_date=INJECTED, today=ENROLLED)
    schedule = {v.visit_code: v for v in visits.schedule(study, users["nurse"], patient.id)}
    visits.record_visit(study, users["nurse"], schedule["injection"].id, INJECTED, today=INJECTED)
    schedule = {v.visit_code: v for v in visits.schedule(study, users["nurse"], patient.id)}
    return Enrolled(study_users, patient.id, schedule)


def refused(error: pytest.ExceptionInfo[FieldErrors]) -> dict[str, FieldError]:
    return {e.field: e for e in error.value.errors}


@pytest.mark.backends
def test_a_full_rand36_is_saved_and_read_back_with_its_scores(enrolled: Enrolled) -> None:
    form = best_rand36()
    saved = enrolled.save("rand36", form)
    assert saved.instrument == "rand36"
    assert saved.visit_code == "injection"
    assert saved.patient_id == enrolled.patient_id
    assert saved.completed_on == INJECTED
    assert saved.completed_by == "patient"
    assert saved.version == 1
    assert not saved.voided
    assert saved.answers == form
    assert set(scores(saved.scores).values()) == {100.0}

    read = enrolled.get("rand36")
    assert read == saved
    assert enrolled.get("eq5d") is None


@pytest.mark.backends
def test_published_examples_through_the_service(enrolled: Enrolled) -> None:
    haq_saved = enrolled.save("shaq", haq_example(), completed_by="with_help")
    assert scores(haq_saved.scores)["haq_di"] == 1.0
    assert haq_saved.answers["aid_cane"] == Answer(0)  # flags left out are stored unticked
    eq5d_saved = enrolled.save("eq5d", eq5d_state("21111", vas=65))
    assert scores(eq5d_saved.scores) == {"eq5d_index": 0.918, "eq5d_vas": 65}
    reread = enrolled.get("eq5d")
    assert reread is not None
    assert scores(reread.scores)["eq5d_index"] == 0.918


@pytest.mark.backends
def test_unanswered_items_without_a_reason_are_refused_and_nothing_is_saved(
    enrolled: Enrolled,
) -> None:
    form = best_rand36()
    del form["rand_5"]
    form["rand_20"] = Answer(None)
    assert questionnaires.unexplained_missing("rand36", form) == ["rand_5", "rand_20"]
    with pytest.raises(FieldErrors) as caught:
        enrolled.save("rand36", form)
    problems = refused(caught)
    assert set(problems) == {"rand_5", "rand_20"}
    assert {e.problem for e in problems.values()} == {Problem.REQUIRED}
    assert enrolled.get("rand36") is None


@pytest.mark.backends
def test_items_missing_with_a_reason_are_saved_and_scores_say_why(enrolled: Enrolled) -> None:
    form = haq_example()
    for code in (*haq.CATEGORIES["grip"], *haq.CATEGORIES["reach"], *haq.CATEGORIES["eating"]):
        form[code] = Answer(None, "not_answered")
    form["grip_2"] = Answer(None, "illegible")
    assert questionnaires.unexplained_missing("shaq", form) == []
    saved = enrolled.save("shaq", form)
    assert saved.answers["grip_2"] == Answer(None, "illegible")
    assert saved.answers["reach_1"] == Answer(None, "not_answered")
    assert scores(saved.scores)["haq_di"] is None
    assert reasons(saved.scores)["haq_di"] == NotComputable("haq_di", 6, 5, 8)

    with pytest.raises(FieldErrors) as caught:
        enrolled.save("eq5d", eq5d_state("11111") | {"eq5d_ad": Answer(None, "lost")})
    assert refused(caught)["eq5d_ad"].problem is Problem.NOT_IN_CODELIST


@pytest.mark.backends
def test_out_of_range_answers_are_refused_at_the_item(enrolled: Enrolled) -> None:
    form = best_rand36() | {"rand_3": Answer(4), "rand_21": Answer(0), "rand_9": Answer(1.5)}
    with pytest.raises(FieldErrors) as caught:
        enrolled.save("rand36", form)
    problems = refused(caught)
    assert problems["rand_3"].problem is Problem.ABOVE_MAXIMUM
    assert problems["rand_21"].problem is Problem.BELOW_MINIMUM
    assert problems["rand_9"].problem is Problem.NOT_AN_INTEGER
    assert set(problems) == {"rand_3", "rand_21", "rand_9"}
    with pytest.raises(FieldErrors) as caught:
        enrolled.save("shaq", haq_example() | {"vas_pain": Answer(120)})
    assert refused(caught)["vas_pain"].problem is Problem.ABOVE_MAXIMUM
    with pytest.raises(FieldErrors) as caught:
        enrolled.save(
            "capillaroscopy",
            full_capillaroscopy() | {"L2_not_assessable": Answer(2), "pattern": Answer("odd")},
            completed_by="assessor",
        )
    assert {f: e.problem for f, e in refused(caught).items()} == {
        "L2_not_assessable": Problem.ABOVE_MAXIMUM,
        "pattern": Problem.NOT_IN_CODELIST,
    }
    assert enrolled.get("rand36") is None
    assert enrolled.get("shaq") is None


@pytest.mark.backends
def test_completion_date_must_fit_the_visit_and_the_consent(enrolled: Enrolled) -> None:
    cases = [
        (INJECTED + dt.timedelta(days=1), INJECTED + dt.timedelta(days=1), "after_visit"),
        (CONSENT - dt.timedelta(days=1), INJECTED, "before_consent"),
    ]
    for completed_on, today, rule in cases:
        with pytest.raises(FieldErrors) as caught:
            enrolled.save("eq5d", eq5d_state("11111"), completed_on=completed_on, today=today)
        error = refused(caught)["completed_on"]
        assert (error.problem, error.params["rule"]) == (Problem.INCONSISTENT, rule)
    with pytest.raises(FieldErrors) as caught:
        enrolled.save(
            "eq5d", eq5d_state("11111"), completed_on=INJECTED, today=INJECTED - D.resolution
        )
    assert refused(caught)["completed_on"].problem is Problem.DATE_IN_FUTURE
    with pytest.raises(FieldErrors) as caught:
        enrolled.save("eq5d", eq5d_state("11111"), completed_by="assessor")
    assert refused(caught)["completed_by"].problem is Problem.NOT_IN_CODELIST
    # days before the visit but after consent: the paper may be filled in at home
    saved = enrolled.save("eq5d", eq5d_state("11111"), completed_on=INJECTED - D.resolution * 3)
    assert saved.completed_on == D(2026, 2, 13)


@pytest.mark.backends
def test_an_instrument_the_visit_does_not_collect_is_refused(enrolled: Enrolled) -> None:
    with pytest.raises(ServiceError) as caught:
        enrolled.save("shaq", haq_example(), visit="week1")
    assert caught.value.code is Msg.FORM_NOT_IN_VISIT
    assert caught.value.params == {"instrument": "shaq", "visit": "week1"}


@pytest.mark.backends
def test_a_visit_not_yet_recorded_takes_no_questionnaire(enrolled: Enrolled) -> None:
    with pytest.raises(FieldErrors) as caught:
        enrolled.save("eq5d", eq5d_state("11111"), visit="week12")
    assert refused(caught)["completed_on"].params["rule"] == "visit_not_recorded"


@pytest.mark.backends
def test_changing_a_saved_answer_needs_a_reason_and_is_audited(enrolled: Enrolled) -> None:
    form = best_rand36()
    first = enrolled.save("rand36", form)
    # saving the same form again changes nothing and needs no reason
    assert enrolled.save("rand36", form).version == first.version == 1

    changed = form | {"rand_3": Answer(2)}
    with pytest.raises(ReasonRequired) as caught:
        enrolled.save("rand36", changed)
    assert caught.value.params == {"table": "item_answers", "field": "rand_3"}
    with pytest.raises(ReasonRequired):
        enrolled.save("rand36", changed, reason="   ")

    second = enrolled.save(
        "rand36", changed, reason="transcription error", expected_version=first.version
    )
    assert second.version == 2
    assert second.answers["rand_3"] == Answer(2)
    assert scores(second.scores)["physical_functioning"] == 95.0

    trail = patients.audit_trail(
        enrolled.su.study, enrolled.su.users["nurse"], patient_id=enrolled.patient_id
    )
    updates = [r for r in trail if r.table_name == "item_answers" and r.action == "update"]
    assert [(r.field, r.old_value, r.new_value, r.reason, r.username) for r in updates] == [
        ("value", "3.0", "2.0", "transcription error", "nurse")
    ]
    inserted = {r.new_value for r in trail if r.table_name == "item_answers" and r.field == "item"}
    assert inserted == set(rand36.ITEMS)

    # a second workstation still holding version 1 gets a conflict, not an overwrite
    with pytest.raises(ConflictError):
        enrolled.save("rand36", form, reason="back again", expected_version=first.version)
    # the completion date is part of the saved record too
    with pytest.raises(ReasonRequired) as caught:
        enrolled.save("rand36", changed, completed_on=INJECTED - D.resolution)
    assert caught.value.params["field"] == "completed_on"


@pytest.mark.backends
def test_monitors_read_but_cannot_save(enrolled: Enrolled) -> None:
    with pytest.raises(PermissionDenied):
        enrolled.save("eq5d", eq5d_state("11111"), role="monitor")
    enrolled.save("eq5d", eq5d_state("11111"))
    read = questionnaires.get_response(
        enrolled.su.study,
        enrolled.su.users["monitor"],
        enrolled.visits["injection"].id,
        "eq5d",
    )
    assert read is not None
    assert scores(read.scores)["eq5d_index"] == 1.0


@pytest.mark.backends
def test_capillaroscopy_with_a_finger_not_assessable(enrolled: Enrolled) -> None:
    saved = enrolled.save("capillaroscopy", full_capillaroscopy(("L2",)), completed_by="assessor")
    result = scores(saved.scores)
    assert result["assessable_fingers"] == 7
    assert result["loss"] == 1.71
    assert result["mes"] == 5.14
    # the finger's other items need no reason of their own: they are not applicable
    assert saved.answers["L2_loss"] == Answer(None, "not_applicable")
    assert saved.answers["L2_density"] == Answer(None, "not_applicable")
    assert saved.answers["L2_not_assessable"] == Answer(1)
    assert saved.answers["R3_density"] == Answer(7.5)
    assert saved.answers["pattern"] == Answer("active")
    assert enrolled.get("capillaroscopy") == saved


@pytest.mark.backends
def test_scores_over_time_lists_each_visit_with_a_response(enrolled: Enrolled) -> None:
    nurse = enrolled.su.users["nurse"]
    assert (
        questionnaires.scores_over_time(enrolled.su.study, nurse, enrolled.patient_id, "eq5d") == []
    )
    enrolled.save("eq5d", eq5d_state("21111"))
    rows = questionnaires.scores_over_time(
        enrolled.su.study, enrolled.su.users["monitor"], enrolled.patient_id, "eq5d"
    )
    assert [(visit.visit_code, visit.visit_date) for visit, _ in rows] == [("injection", INJECTED)]
    assert scores(rows[0][1]) == {"eq5d_index": 0.918, "eq5d_vas": 80}
    assert rows[0][0].label("nl") == "Injectie (baseline)"


@pytest.mark.backends
def test_unknown_items_and_visits(enrolled: Enrolled) -> None:
    with pytest.raises(ValueError, match="eq5d_xx"):
        enrolled.save("eq5d", eq5d_state("11111") | {"eq5d_xx": Answer(1)})
    with pytest.raises(ServiceError) as caught:
        questionnaires.save_response(
            enrolled.su.study,
            enrolled.su.users["nurse"],
            999_999,
            "eq5d",
            completed_on=INJECTED,
            completed_by="patient",
            answers=eq5d_state("11111"),
            today=INJECTED,
        )
    assert caught.value.code is Msg.NOT_FOUND


def test_every_instrument_is_collected_at_baseline_and_week_12() -> None:
    from sscvisit.services.protocol import default_protocol

    protocol = default_protocol()
    for code in INSTRUMENT_CODES:
        assert load_instrument(code).code == code
        assert code in protocol.visit("injection").forms
        assert code in protocol.visit("week12").forms
