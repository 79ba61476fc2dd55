"""Scores over time: one table and chart per instrument, from the saved responses."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sscvisit.services import instruments, questionnaires
from sscvisit.services.questionnaires import Answer
from sscvisit.ui.context import UiContext
from sscvisit.ui.scores_view import HEADLINE, ScoresOverTime, why_text
from tests.studyfixtures import StudyWithUsers, register_patient
from tests.ui.test_capillaroscopy_form import INJECTION, WEEK12, Course, enrolled_course

# HAQ category scores 1,0,2,1,0,1,2,1 without aids: HAQ-DI 1.000 (DOMAIN.md's example).
HAQ_EXAMPLE = {
    "dress_1": 1,
    "arise_1": 0,
    "eat_1": 2,
    "walk_1": 1,
    "hyg_1": 0,
    "reach_1": 1,
    "grip_1": 2,
    "act_1": 1,
}


def full_answers(instrument: str, given: Mapping[str, float | str | None]) -> dict[str, Answer]:
    """Every item answered: ``given`` first, else the lowest answer (flags unticked)."""
    answers: dict[str, Answer] = {}
    for item in instruments.load_instrument(instrument).items:
        if item.code in given:
            value = given[item.code]
            answers[item.code] = Answer(value, None if value is not None else "not_answered")
        elif item.kind == "flag":
            answers[item.code] = Answer(0)
        elif item.kind in {"choice", "number"}:
            assert item.minimum is not None
            answers[item.code] = Answer(item.minimum)
        elif item.kind == "code":
            answers[item.code] = Answer(item.options[0])
        else:
            answers[item.code] = Answer("text")
    return answers


def save(
    study_users: StudyWithUsers,
    visit_id: int,
    instrument: str,
    given: Mapping[str, float | str | None],
    completed_on: object,
) -> None:
    questionnaires.save_response(
        study_users.study,
        study_users.users["nurse"],
        visit_id,
        instrument,
        completed_on=completed_on,  # type: ignore[arg-type]
        completed_by="assessor" if instrument == "capillaroscopy" else "patient",
        answers=full_answers(instrument, given),
    )


def course_with_scores(study_users: StudyWithUsers) -> Course:
    course = enrolled_course(study_users)
    injection, week12 = course.injection.id, course.week12.id
    save(study_users, injection, "shaq", HAQ_EXAMPLE, INJECTION)
    save(study_users, week12, "shaq", {"vas_pain": 50}, WEEK12)  # HAQ-DI 0, pain 1.50
    save(study_users, injection, "eq5d", {"eq5d_mo": 2, "eq5d_vas": 70}, INJECTION)  # 0.918
    save(study_users, injection, "chfs", {"chfs_1": 3}, INJECTION)
    save(study_users, week12, "chfs", {"chfs_1": None, "chfs_2": 4}, WEEK12)  # total n.c.
    save(study_users, injection, "rand36", {}, INJECTION)
    save(study_users, week12, "rand36", {"rand_21": 3}, WEEK12)
    fingers = ("L2", "L3", "L4", "L5", "R2", "R3", "R4", "R5")
    save(study_users, injection, "capillaroscopy", {f"{f}_loss": 2 for f in fingers}, INJECTION)
    save(
        study_users,
        week12,
        "capillaroscopy",
        {**{f"{f}_loss": 1 for f in fingers}, "L2_ramified": 3},
        WEEK12,
    )
    return course


def make_view(qtbot: QtBot, study_users: StudyWithUsers, language: str = "en") -> ScoresOverTime:
    view = ScoresOverTime(UiContext(study_users.study, study_users.users["monitor"], language))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    return view


def test_each_instrument_shows_its_scores_per_visit(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    course = course_with_scores(study_users)
    view = make_view(qtbot, study_users)
    view.show_patient(course.patient_id)

    model = view.table_model("shaq")
    assert [c.visit_code for c in model.columns()] == ["injection", "week12"]
    header = model.headerData(0, Qt.Orientation.Horizontal)
    assert isinstance(header, str)
    assert INJECTION.isoformat() in header
    assert view.cell_text("shaq", "haq_di", "injection") == "1.000"
    assert view.cell_text("shaq", "haq_di", "week12") == "0.000"
    assert view.cell_text("shaq", "vas_pain", "week12") == "1.50 (50 mm)"
    assert "vas_pain_mm" not in model.score_keys()  # shown beside the 0-3 score
    assert view.chart_key("shaq") == HEADLINE["shaq"]
    assert view.chart_points("shaq") == [("injection", 1.0), ("week12", 0.0)]

    # EQ-5D was only done at the injection: week 12 shows "not done" and has no point.
    assert view.cell_text("eq5d", "eq5d_index", "injection") == "0.918"
    assert view.cell_text("eq5d", "eq5d_index", "week12") == "—"
    assert view.cell_text("eq5d", "eq5d_vas", "injection") == "70"
    assert view.chart_points("eq5d") == [("injection", 0.918)]

    # CHFS at week 12 has a missing item: the total is not computable, and says why.
    assert view.cell_text("chfs", "chfs_total", "injection") == "3"
    assert view.cell_text("chfs", "chfs_total", "week12") == "n.c."
    week12 = questionnaires.scores_over_time(
        study_users.study, study_users.users["monitor"], course.patient_id, "chfs"
    )[1][1]
    total = next(line for line in week12 if line.key == "chfs_total")
    assert total.reason is not None
    tooltip = view.cell_tooltip("chfs", "chfs_total", "week12")
    assert tooltip == why_text(total, instruments.load_instrument("chfs"), "en")
    assert view.chart_points("chfs") == [("injection", 3.0)]

    # Capillaroscopy: the MES per visit (loss 2 -> 1; ramified 3/8 at week 12).
    assert view.chart_points("capillaroscopy") == [("injection", 2.0), ("week12", 1.38)]
    assert view.cell_text("capillaroscopy", "mes", "week12") == "1.38"


def test_selecting_a_row_charts_that_score(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    course = course_with_scores(study_users)
    view = make_view(qtbot, study_users)
    view.show_patient(course.patient_id)
    view.show_instrument("rand36")
    page = view.pages["rand36"]
    assert view.chart_key("rand36") == "physical_functioning"
    row = page.model.score_keys().index("pain")
    page.table.selectRow(row)
    assert view.chart_key("rand36") == "pain"
    points = view.chart_points("rand36")
    assert [code for code, _value in points] == ["injection", "week12"]
    assert points[0][1] != points[1][1]  # rand_21 changed at week 12
    # Reloading keeps the chosen score.
    view.refresh()
    assert view.chart_key("rand36") == "pain"


def test_a_visit_not_yet_done_shows_a_dash(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    course = enrolled_course(study_users)
    save(study_users, course.injection.id, "eq5d", {}, INJECTION)
    view = make_view(qtbot, study_users)
    view.show_patient(course.patient_id)
    assert [c.visit_code for c in view.table_model("eq5d").columns()] == ["injection", "week12"]
    assert view.cell_text("eq5d", "eq5d_index", "injection") == "1.000"
    assert view.cell_text("shaq", "haq_di", "injection") == "—"
    assert view.chart_points("shaq") == []


def test_a_patient_not_enrolled_has_no_columns(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient = register_patient(study_users.study, study_users.users["nurse"])
    view = make_view(qtbot, study_users)
    view.show_patient(patient.id)
    for code in instruments.INSTRUMENT_CODES:
        assert view.table_model(code).columnCount() == 0
        assert view.chart_points(code) == []
    view.grab()  # paints the empty chart without complaint


def test_the_table_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, study_users: StudyWithUsers
) -> None:
    course = course_with_scores(study_users)
    view = make_view(qtbot, study_users)
    view.show_patient(course.patient_id)
    for code in instruments.INSTRUMENT_CODES:
        qtmodeltester.check(view.table_model(code))  # type: ignore[attr-defined]
