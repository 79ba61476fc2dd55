"""The questionnaire grid typed with the keyboard, on a real study database.

A whole RAND-36 in one run of 36 digits; EQ-5D "21111" and its VAS; the HAQ-DI with and without
aids; refused digits; items marked missing with a reason; saving with unanswered items; a
correction with its reason and audit row; a monitor's read-only view; and the live scores never
touching the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from sscvisit.scoring import rand36
from sscvisit.services import clock, demo, patients, questionnaires, screening, visits
from sscvisit.services.dto import ResponseInfo, VisitInfo
from sscvisit.services.instruments import load_instrument
from sscvisit.services.questionnaires import Answer
from sscvisit.ui.context import UiContext
from sscvisit.ui.questionnaire_form import (
    AnswerModel,
    QuestionnaireDialog,
    QuestionnaireForm,
)
from tests.studyfixtures import PASSWORDS, StudyWithUsers, register_patient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = clock.today()
DAY = dt.timedelta(days=1)
SCREENED = TODAY - 30 * DAY
INJECTION = SCREENED + 10 * DAY

# Mixed RAND-36 answers, each inside the item's range (rand36.answer_range).
RAND36_ANSWERS = {
    **dict.fromkeys(("rand_1", "rand_2", "rand_20", "rand_22", "rand_34", "rand_36"), 2),
    **{f"rand_{n}": 1 + n % 3 for n in range(3, 13)},
    **{f"rand_{n}": 1 + n % 2 for n in range(13, 20)},
    **dict.fromkeys(("rand_21", "rand_23", "rand_26", "rand_27", "rand_30"), 3),
    **dict.fromkeys(("rand_24", "rand_25", "rand_28", "rand_29", "rand_31"), 5),
    **dict.fromkeys(("rand_32", "rand_33", "rand_35"), 4),
}
# DOMAIN.md example: category scores 1, 0, 2, 1, 0, 1, 2, 1 without aids give 1.000.
HAQ_ITEMS = "10002001000010200100"


@pytest.fixture
def visit(study_users: StudyWithUsers) -> VisitInfo:
    """The recorded injection visit of an enrolled patient (questionnaires belong to it)."""
    study, nurse = study_users.study, study_users.users["nurse"]
    patient = register_patient(study, nurse, consent_date=SCREENED - 5 * DAY)
    draft = screening.save_screening(
        study, nurse, patient.id, demo.eligible_screening(SCREENED), today=SCREENED
    )
    screening.confirm_screening(study, "investigator", PASSWORDS["investigator"], draft.id)
    visits.enrol(
        study,
        nurse,
        patient.id,
        planned_injection_date=INJECTION,
        enrolled_on=SCREENED + DAY,
        today=SCREENED + DAY,
    )
    schedule = visits.schedule(study, nurse, patient.id, today=TODAY)
    injection = next(v for v in schedule if v.visit_code == "injection")
    return visits.record_visit(study, nurse, injection.id, INJECTION, today=TODAY)


def make_form(
    qtbot: QtBot,
    study_users: StudyWithUsers,
    visit: VisitInfo,
    instrument: str,
    *,
    role: str = "nurse",
    language: str = "en",
) -> QuestionnaireForm:
    ctx = UiContext(study_users.study, study_users.users[role], language)
    form = QuestionnaireForm(ctx, visit, instrument)
    qtbot.addWidget(form)
    form.resize(1366, 768)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    form.grid.setFocus()
    qtbot.waitUntil(form.grid.hasFocus)
    return form


def stored(study_users: StudyWithUsers, visit: VisitInfo, instrument: str) -> ResponseInfo | None:
    return questionnaires.get_response(
        study_users.study, study_users.users["nurse"], visit.id, instrument
    )


def scores_of(info: ResponseInfo) -> dict[str, float | None]:
    return {line.key: line.value for line in info.scores}


def save(qtbot: QtBot, form: QuestionnaireForm) -> ResponseInfo:
    with qtbot.waitSignal(form.saved) as blocker:
        assert form.save() is None
    info = blocker.args[0]
    assert isinstance(info, ResponseInfo)
    return info


def digits_for(form: QuestionnaireForm, answers: dict[str, int]) -> str:
    """The keystrokes for these answers, in the order the grid walks through the items."""
    return "".join(str(answers[code]) for code in form.item_codes() if code in answers)


@pytest.fixture
def sql_statements(study_users: StudyWithUsers) -> Iterator[list[str]]:
    """Every SQL statement the study's engine runs while the fixture is active."""
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = study_users.study.engine
    event.listen(engine, "before_cursor_execute", count)
    yield statements
    event.remove(engine, "before_cursor_execute", count)


# --- typing -----------------------------------------------------------------------------------


def test_a_whole_rand36_is_36_keystrokes(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "rand36")
    keys = digits_for(form, RAND36_ANSWERS)
    assert len(keys) == 36
    qtbot.keyClicks(form.grid, keys)

    assert form.unanswered() == []
    expected = rand36.scales(RAND36_ANSWERS)
    for scale, value in expected.items():
        assert form.score_panel.line(scale) is not None
        assert form.score_panel.line(scale).value == value  # type: ignore[union-attr]
    info = save(qtbot, form)
    saved = stored(study_users, visit, "rand36")
    assert saved is not None
    assert saved.id == info.id
    assert {code: a.value for code, a in saved.answers.items()} == RAND36_ANSWERS
    assert all(a.missing_reason is None for a in saved.answers.values())
    assert {k: v for k, v in scores_of(saved).items() if k in expected} == expected
    assert saved.completed_on == INJECTION  # defaults to the visit date
    assert saved.completed_by == "patient"


def test_score_updates_never_touch_the_database(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo, sql_statements: list[str]
) -> None:
    form = make_form(qtbot, study_users, visit, "rand36")
    keys = digits_for(form, RAND36_ANSWERS)
    sql_statements.clear()
    qtbot.keyClicks(form.grid, keys)
    assert sql_statements == []
    assert form.score_panel.value_text("physical_functioning") != "—"


def test_eq5d_21111_and_vas_gives_0_918(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "eq5d")
    qtbot.keyClicks(form.grid, "21111")
    assert form.score_panel.value_text("eq5d_index") == "0.918"
    assert form.grid.current_code() == "eq5d_vas"
    qtbot.keyClicks(form.grid, "73")
    assert form.answer("eq5d_vas") == Answer()  # typed, not yet accepted
    qtbot.keyClick(form.grid, Qt.Key.Key_Return)
    assert form.answer("eq5d_vas") == Answer(value=73)
    assert form.score_panel.value_text("eq5d_vas") == "73"

    save(qtbot, form)
    saved = stored(study_users, visit, "eq5d")
    assert saved is not None
    assert [saved.answers[c].value for c in ("eq5d_mo", "eq5d_sc", "eq5d_ua")] == [2, 1, 1]
    assert scores_of(saved)["eq5d_index"] == 0.918
    assert scores_of(saved)["eq5d_vas"] == 73


def test_haq_shows_the_index_with_and_without_aids(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "shaq")
    assert form.item_codes()[:20] == [
        "dress_1", "dress_2", "arise_1", "arise_2", "eat_1", "eat_2", "eat_3", "walk_1",
        "walk_2", "hyg_1", "hyg_2", "hyg_3", "reach_1", "reach_2", "grip_1", "grip_2",
        "grip_3", "act_1", "act_2", "act_3",
    ]  # fmt: skip
    qtbot.keyClicks(form.grid, HAQ_ITEMS)
    assert form.score_panel.value_text("haq_di_unadjusted") == "1.000"
    assert form.score_panel.value_text("haq_di") == "1.000"

    form.go_to("aid_cane")  # walking: 1 becomes 2
    qtbot.keyClick(form.grid, Qt.Key.Key_Space)
    assert form.answer("aid_cane").value == 1
    assert form.score_panel.value_text("haq_di") == "1.125"
    assert form.score_panel.value_text("haq_di_unadjusted") == "1.000"
    qtbot.keyClick(form.grid, Qt.Key.Key_Space)  # Space toggles back
    assert not form.answer("aid_cane").value
    assert form.score_panel.value_text("haq_di") == "1.000"


def test_haq_not_computable_says_why(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "shaq")
    qtbot.keyClicks(form.grid, HAQ_ITEMS[:12])  # dressing .. hygiene: 5 categories
    assert form.score_panel.value_text("haq_di") == "—"
    reason = form.score_panel.line("haq_di")
    assert reason is not None
    assert reason.reason is not None
    assert (reason.reason.needed, reason.reason.answered, reason.reason.total) == (6, 5, 8)
    assert form.score_panel.reason_text("haq_di") == ("HAQ-DI needs 6 of 8 categories; 5 answered.")


def test_a_vas_takes_typed_millimetres_with_enter_or_tab(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "shaq")
    form.go_to("vas_pain")
    qtbot.keyClicks(form.grid, "101")  # 101 mm is not on the line: the last 1 is refused
    assert form.status_code == "out_of_range"
    qtbot.keyClick(form.grid, Qt.Key.Key_Tab)
    assert form.answer("vas_pain") == Answer(value=10)
    assert form.grid.current_code() == "vas_raynaud"
    assert form.score_panel.value_text("vas_pain") == "0.30  (10 mm)"
    qtbot.keyClicks(form.grid, "50")
    qtbot.keyClick(form.grid, Qt.Key.Key_Enter)
    assert form.answer("vas_raynaud") == Answer(value=50)
    assert form.score_panel.value_text("vas_raynaud") == "1.50  (50 mm)"


# --- refusals and missing answers -------------------------------------------------------------


def test_an_out_of_range_digit_is_not_taken(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "rand36")
    form.go_to("rand_3")  # answers 1-3
    qtbot.keyClicks(form.grid, "4")
    assert form.answer("rand_3") == Answer()
    assert form.grid.current_code() == "rand_3"
    assert form.status_code == "out_of_range"
    assert form.status_label.text()
    qtbot.keyClicks(form.grid, "3")
    assert form.answer("rand_3") == Answer(value=3)
    assert form.grid.current_code() == "rand_4"
    assert form.status_code == ""

    eq5d = make_form(qtbot, study_users, visit, "eq5d")
    qtbot.keyClicks(eq5d.grid, "06")  # EQ-5D levels are 1-5
    assert eq5d.answer("eq5d_mo") == Answer()
    assert eq5d.status_code == "out_of_range"


def test_arrows_home_end_and_backspace(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "rand36")
    assert form.grid.current_code() == "rand_1"
    qtbot.keyClick(form.grid, Qt.Key.Key_End)
    assert form.grid.current_code() == "rand_36"
    qtbot.keyClick(form.grid, Qt.Key.Key_Up)
    assert form.grid.current_code() == "rand_35"
    qtbot.keyClick(form.grid, Qt.Key.Key_Home)
    qtbot.keyClick(form.grid, Qt.Key.Key_Down)
    qtbot.keyClick(form.grid, Qt.Key.Key_Down)  # over the group heading
    assert form.grid.current_code() == "rand_3"
    qtbot.keyClicks(form.grid, "2")
    qtbot.keyClick(form.grid, Qt.Key.Key_Up)
    qtbot.keyClick(form.grid, Qt.Key.Key_Backspace)
    assert form.answer("rand_3") == Answer()


def test_marking_an_item_missing_with_a_reason(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "eq5d")
    qtbot.keyClicks(form.grid, "21")
    qtbot.keyClicks(form.grid, ".")
    assert form.status_code == "missing_mode"
    qtbot.keyClicks(form.grid, "2")
    assert form.answer("eq5d_ua") == Answer(missing_reason="illegible")
    assert form.grid.current_code() == "eq5d_pd"
    assert "Illegible" in form.model.answer_text("eq5d_ua")
    # A key other than 1-3 after "." marks nothing.
    qtbot.keyClicks(form.grid, ".x")
    assert form.answer("eq5d_pd") == Answer()
    assert form.status_code == "cancelled"
    qtbot.keyClicks(form.grid, "11")
    qtbot.keyClicks(form.grid, ".3")
    assert form.answer("eq5d_vas") == Answer(missing_reason="not_applicable")
    assert form.score_panel.value_text("eq5d_index") == "—"
    assert form.score_panel.reason_text("eq5d_index")

    save(qtbot, form)
    saved = stored(study_users, visit, "eq5d")
    assert saved is not None
    assert saved.answers["eq5d_ua"] == Answer(missing_reason="illegible")
    assert saved.answers["eq5d_vas"] == Answer(missing_reason="not_applicable")


def test_saving_with_unanswered_items_lists_them_and_saves_nothing(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "rand36")
    qtbot.keyClicks(form.grid, digits_for(form, RAND36_ANSWERS)[:10])
    with qtbot.assertNotEmitted(form.saved):
        assert form.save() is None
    assert stored(study_users, visit, "rand36") is None
    assert form.status_code == "unanswered"
    assert "rand_11" in form.status_label.text()
    assert form.error_code("rand_11") == "rand_11:required"
    assert form.error_code("rand_36") == "rand_36:required"
    assert form.error_code("rand_10") is None
    assert form.grid.current_code() == "rand_11"
    assert form.grid.hasFocus()
    # Answering an item takes its message away.
    qtbot.keyClicks(form.grid, "1")
    assert form.error_code("rand_11") is None


def test_a_completion_date_after_the_visit_is_refused_at_its_field(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "eq5d")
    qtbot.keyClicks(form.grid, "11111")
    qtbot.keyClicks(form.grid, "80")
    qtbot.keyClick(form.grid, Qt.Key.Key_Return)
    editor = form.header_form.editor("completed_on")
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, (INJECTION + DAY).isoformat())
    with qtbot.assertNotEmitted(form.saved):
        form.save()
    assert form.error_code("completed_on") == "completed_on:inconsistent"
    assert stored(study_users, visit, "eq5d") is None


# --- corrections and roles --------------------------------------------------------------------


def test_changing_a_saved_answer_needs_a_reason_and_is_audited(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    first = make_form(qtbot, study_users, visit, "eq5d")
    qtbot.keyClicks(first.grid, "21111")
    qtbot.keyClicks(first.grid, "73")
    qtbot.keyClick(first.grid, Qt.Key.Key_Return)
    save(qtbot, first)

    form = make_form(qtbot, study_users, visit, "eq5d")
    assert form.answer("eq5d_mo").value == 2
    assert form.score_panel.value_text("eq5d_index") == "0.918"
    assert not form.save_button.isEnabled()  # nothing changed yet
    qtbot.keyClicks(form.grid, "3")
    assert form.save_button.isEnabled()
    dialog = form.save()
    assert dialog is not None
    saved = stored(study_users, visit, "eq5d")
    assert saved is not None
    assert saved.answers["eq5d_mo"].value == 2  # not yet
    assert not dialog.ok_button.isEnabled()
    dialog.set_reason("Transcription error")
    with qtbot.waitSignal(form.saved):
        dialog.accept()
    saved = stored(study_users, visit, "eq5d")
    assert saved is not None
    assert saved.answers["eq5d_mo"].value == 3
    assert scores_of(saved)["eq5d_index"] == 0.896  # 1 - 0.047 - 0.057
    trail = patients.audit_trail(
        study_users.study, study_users.users["investigator"], patient_id=visit.patient_id
    )
    assert any(
        row.reason == "Transcription error" and row.old_value in {"2", "2.0"} for row in trail
    )


def test_a_monitor_sees_the_answers_read_only(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    first = make_form(qtbot, study_users, visit, "eq5d")
    qtbot.keyClicks(first.grid, "21111")
    qtbot.keyClicks(first.grid, "73")
    qtbot.keyClick(first.grid, Qt.Key.Key_Return)
    save(qtbot, first)

    form = make_form(qtbot, study_users, visit, "eq5d", role="monitor")
    assert form.is_read_only()
    assert form.save_button.isHidden()
    assert form.score_panel.value_text("eq5d_index") == "0.918"
    qtbot.keyClicks(form.grid, "5")
    qtbot.keyClick(form.grid, Qt.Key.Key_Backspace)
    assert form.answer("eq5d_mo").value == 2
    assert form.status_code == "read_only"
    assert form.save() is None
    assert form.grid.open_menu() is None


def test_the_dialog_asks_before_discarding_typed_answers(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    ctx = UiContext(study_users.study, study_users.users["nurse"], "en")
    dialog = QuestionnaireDialog(ctx, visit, "chfs")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.form.grid.hasFocus)
    qtbot.keyClicks(dialog.form.grid, "0123")
    dialog.reject()
    assert dialog.isVisible()
    box = dialog.discard_question()
    assert box is not None
    box.button(box.StandardButton.Cancel).click()
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.form.grid, "5" * 14)
    with qtbot.waitSignal(dialog.saved):
        dialog.form.save()
    assert dialog.form.score_panel.value_text("chfs_total") == str(0 + 1 + 2 + 3 + 5 * 14)
    dialog.reject()
    assert not dialog.isVisible()


def test_the_answer_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = AnswerModel(load_instrument("shaq"), "nl")
    model.set_answer("dress_1", Answer(value=2))
    model.set_answer("dress_2", Answer(missing_reason="illegible"))
    qtmodeltester.check(model)


def test_letters_are_refused_and_do_not_jump_rows(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "rand36")
    form.go_to("rand_5")
    qtbot.keyClicks(form.grid, "r")  # the view's type-ahead search would jump to rand_1
    assert form.grid.current_code() == "rand_5"
    assert form.answer("rand_5") == Answer()
    assert form.status_code == "out_of_range"


def test_tab_order_runs_date_who_grid_save(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo
) -> None:
    form = make_form(qtbot, study_users, visit, "eq5d")
    date = form.header_form.editor("completed_on")
    date.setFocus()
    qtbot.waitUntil(date.hasFocus)
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    who = form.header_form.editor("completed_by")
    assert who.hasFocus()
    qtbot.keyClick(who, Qt.Key.Key_Tab)
    assert form.grid.hasFocus()
    qtbot.keyClick(form.grid, Qt.Key.Key_Tab)  # nothing typed: Tab leaves the grid
    assert form.save_button.hasFocus()
