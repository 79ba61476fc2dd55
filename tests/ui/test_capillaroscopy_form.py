"""The capillaroscopy grid: typed by keyboard, checked, saved through the service, scored live."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from sscvisit.services import clock, demo, questionnaires, screening, visits
from sscvisit.services.dto import ResponseInfo, VisitInfo
from sscvisit.services.questionnaires import Answer
from sscvisit.ui.capillaroscopy_form import (
    CapillaroscopyDialog,
    CapillaroscopyForm,
    abnormal_capillaries,
)
from sscvisit.ui.context import UiContext
from tests.studyfixtures import PASSWORDS, StudyWithUsers, register_patient

TODAY = clock.today()
DAY = dt.timedelta(days=1)
SCREENED = TODAY - 130 * DAY
INJECTION = SCREENED + 10 * DAY
WEEK12 = INJECTION + 84 * DAY

# Per finger: density, enlarged, giant, haemorrhages, loss, disorganisation, ramified,
# giant count, haemorrhage count. R5 is not assessable.
GRID: dict[str, tuple[str, int, int, int, int, int, int, int, int]] = {
    "L2": ("7.5", 1, 0, 1, 2, 1, 0, 0, 2),
    "L3": ("8", 2, 1, 0, 1, 1, 1, 1, 0),
    "L4": ("6.5", 1, 0, 0, 2, 2, 0, 0, 0),
    "L5": ("7", 0, 0, 1, 1, 0, 0, 0, 1),
    "R2": ("5.5", 3, 2, 1, 3, 2, 1, 3, 2),
    "R3": ("7", 1, 1, 0, 1, 1, 0, 1, 0),
    "R4": ("6", 2, 0, 1, 2, 1, 1, 0, 1),
}
PARAMETERS = ("enlarged", "giant", "haemorrhages", "loss", "disorganisation", "ramified")
# Means over the 7 assessable fingers, by hand: loss 12/7, disorganisation 8/7, ramified 3/7.
EXPECTED = {
    "enlarged": 1.43,  # 10/7
    "giant": 0.57,  # 4/7
    "haemorrhages": 0.57,  # 4/7
    "loss": 1.71,
    "disorganisation": 1.14,
    "ramified": 0.43,
    "mes": 3.29,  # 23/7 = 3.2857
    "assessable_fingers": 7.0,
}


@dataclass
class Course:
    patient_id: int
    injection: VisitInfo
    week12: VisitInfo


def enrolled_course(study_users: StudyWithUsers, hospital_number: str = "H1000001") -> Course:
    """An enrolled patient with the injection and week-12 visits recorded, via the services."""
    study, users = study_users.study, study_users.users
    nurse = users["nurse"]
    patient = register_patient(
        study, nurse, hospital_number=hospital_number, consent_date=SCREENED - 5 * DAY
    )
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
    by_code = {v.visit_code: v for v in visits.schedule(study, nurse, patient.id)}
    injection = visits.record_visit(
        study, nurse, by_code["injection"].id, INJECTION, today=INJECTION
    )
    week12 = visits.record_visit(study, nurse, by_code["week12"].id, WEEK12, today=WEEK12)
    return Course(patient.id, injection, week12)


def make_form(
    qtbot: QtBot, study_users: StudyWithUsers, visit: VisitInfo, role: str = "nurse"
) -> CapillaroscopyForm:
    ctx = UiContext(study_users.study, study_users.users[role], "en")
    form = CapillaroscopyForm(ctx, visit.id, visit=visit)
    qtbot.addWidget(form)
    form.resize(1366, 768)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    form.grid.setFocus()
    qtbot.waitUntil(form.grid.hasFocus)
    return form


def type_keys(qtbot: QtBot, form: CapillaroscopyForm, keys: str) -> None:
    """Type as a person does: each key goes to whatever has the focus; "\\n" is Enter."""
    for key in keys:
        target = QApplication.focusWidget()
        assert target is not None
        if key == "\n":
            qtbot.keyClick(target, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: form.grid.state() != QAbstractItemView.State.EditingState)
        elif key == "\t":
            qtbot.keyClick(target, Qt.Key.Key_Tab)
        elif key == "\b":
            qtbot.keyClick(target, Qt.Key.Key_Backspace)
        else:
            qtbot.keyClicks(target, key)


def finger_keys(values: tuple[str, int, int, int, int, int, int, int, int]) -> str:
    density, *scores, giant_count, haemorrhage_count = values
    return (
        f"{density}\n" + "".join(str(s) for s in scores) + f"{giant_count}\n{haemorrhage_count}\n"
    )


def type_grid(qtbot: QtBot, form: CapillaroscopyForm) -> None:
    """The whole grid by keyboard: 7 fingers typed, then x marks R5 not assessable."""
    for finger, values in GRID.items():
        assert form.grid.current_code() == f"{finger}_density"
        type_keys(qtbot, form, finger_keys(values))
    assert form.grid.current_code() == "R5_density"
    type_keys(qtbot, form, "x")
    assert form.model.not_assessable("R5")


def assessable(form: CapillaroscopyForm) -> float | None:
    line = form.summary.line("assessable_fingers")
    assert line is not None
    return line.value


def choose(qtbot: QtBot, combo: QWidget, text: str) -> None:
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def fill_details(qtbot: QtBot, form: CapillaroscopyForm, pattern: str | None = "Active") -> None:
    type_keys(qtbot, form, "\t")
    assert QApplication.focusWidget() is form.editor("image_reference")
    type_keys(qtbot, form, "VC-2026-0042\tDr. A. Smit")
    if pattern is not None:
        choose(qtbot, form.editor("pattern"), pattern)


# --- tests ----------------------------------------------------------------------------------


def test_a_whole_grid_typed_by_keyboard_is_stored_and_scored(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    course = enrolled_course(study_users)
    form = make_form(qtbot, study_users, course.week12)
    completed = form.editor("completed_on")
    assert isinstance(completed, QLineEdit)
    assert completed.text() == WEEK12.isoformat()  # defaults to the visit date

    type_grid(qtbot, form)
    # Live summary, before saving: means over the 7 assessable fingers and the MES.
    assert form.summary_text("mes") == "3.29"
    assert form.summary_text("loss") == "1.71"
    assert assessable(form) == 7
    fill_details(qtbot, form)

    with qtbot.waitSignal(form.saved) as signal:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = signal.args[0]
    assert isinstance(saved, ResponseInfo)

    stored = questionnaires.get_response(
        study_users.study, study_users.users["monitor"], course.week12.id, "capillaroscopy"
    )
    assert stored is not None
    assert stored.completed_by == "assessor"
    assert stored.completed_on == WEEK12
    answers = stored.answers
    for finger, values in GRID.items():
        density, *scores, giant_count, haemorrhage_count = values
        assert answers[f"{finger}_density"] == Answer(float(density))
        for parameter, score in zip(PARAMETERS, scores, strict=True):
            assert answers[f"{finger}_{parameter}"] == Answer(score)
        assert answers[f"{finger}_giant_count"].value == giant_count
        assert answers[f"{finger}_haemorrhage_count"].value == haemorrhage_count
        assert answers[f"{finger}_not_assessable"] == Answer(0)
    assert answers["R5_not_assessable"] == Answer(1)
    assert answers["R5_loss"] == Answer(None, "not_applicable")
    assert answers["R5_density"] == Answer(None, "not_applicable")
    assert answers["pattern"] == Answer("active")
    assert answers["image_reference"] == Answer("VC-2026-0042")
    assert answers["assessor"] == Answer("Dr. A. Smit")
    computed = {line.key: line.value for line in stored.scores}
    for key, value in EXPECTED.items():
        assert computed[key] == value
    assert abnormal_capillaries(stored)
    # Saved and unchanged: nothing to save until something changes.
    assert not form.save_button.isEnabled()


def test_an_out_of_range_digit_is_refused_and_named(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    course = enrolled_course(study_users)
    form = make_form(qtbot, study_users, course.injection)
    type_keys(qtbot, form, "7\n")
    assert form.grid.current_code() == "L2_enlarged"
    type_keys(qtbot, form, "5")
    assert form.model.answer("L2_enlarged") == Answer()
    assert form.grid.current_code() == "L2_enlarged"  # stays: nothing was answered
    assert form.error_code("L2_enlarged") == "L2_enlarged:above_maximum"
    assert form.cell_message.isVisible()
    type_keys(qtbot, form, "2")
    assert form.model.answer("L2_enlarged") == Answer(2)
    assert form.error_code("L2_enlarged") is None
    assert form.grid.current_code() == "L2_giant"

    # A number above its maximum cannot be typed: density stops at 20 per mm, one decimal.
    form.grid.go_to("L3_density")
    type_keys(qtbot, form, "25")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "2"
    type_keys(qtbot, form, ".55\n")
    assert form.model.answer("L3_density") == Answer(2.5)


def test_the_pattern_is_required(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    course = enrolled_course(study_users)
    form = make_form(qtbot, study_users, course.injection)
    type_grid(qtbot, form)
    fill_details(qtbot, form, pattern=None)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error_code("pattern") == "pattern:required"
    assert not form.save_button.isEnabled()
    study, nurse = study_users.study, study_users.users["nurse"]
    assert questionnaires.get_response(study, nurse, course.injection.id, "capillaroscopy") is None

    choose(qtbot, form.editor("pattern"), "Normal")
    assert form.error_code("pattern") is None
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = questionnaires.get_response(study, nurse, course.injection.id, "capillaroscopy")
    assert stored is not None
    assert stored.answers["pattern"] == Answer("normal")
    assert not abnormal_capillaries(stored)


def test_blank_cells_ask_for_a_missing_reason(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    course = enrolled_course(study_users)
    form = make_form(qtbot, study_users, course.injection)
    type_grid(qtbot, form)
    fill_details(qtbot, form)
    form.grid.go_to("L4_loss")
    form.grid.setFocus()
    type_keys(qtbot, form, "\b")  # cleared: now neither answered nor explained
    form.grid.go_to("R2_ramified")
    type_keys(qtbot, form, "\b")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error_code("L4_loss") == "L4_loss:required"
    assert form.error_code("R2_ramified") == "R2_ramified:required"
    assert form.grid.current_code() == "L4_loss"  # the first one, ready to be answered
    assert not form.save_button.isEnabled()

    type_keys(qtbot, form, ".")
    assert form.grid.missing_mode
    assert form.cell_message.isVisible()  # "missing because: 1 ... 2 ... 3 ..."
    type_keys(qtbot, form, "1")  # not answered, and on to the next cell
    assert form.model.answer("L4_loss") == Answer(None, "not_answered")
    assert form.error_code("L4_loss") is None
    assert form.grid.current_code() == "L4_disorganisation"
    assert form.model.answer("L4_disorganisation") == Answer(2)  # the 1 was not a score
    form.grid.go_to("R2_ramified")
    type_keys(qtbot, form, ".7")  # any other key cancels
    assert not form.grid.missing_mode
    assert form.model.answer("R2_ramified") == Answer()
    type_keys(qtbot, form, ".2")  # illegible
    assert form.model.answer("R2_ramified") == Answer(None, "illegible")
    assert form.save_button.isEnabled()
    # The MES now averages loss over the 6 fingers that score it.
    assert form.summary_text("loss") == f"{10 / 6:.2f}"

    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = questionnaires.get_response(
        study_users.study, study_users.users["nurse"], course.injection.id, "capillaroscopy"
    )
    assert stored is not None
    assert stored.answers["L4_loss"] == Answer(None, "not_answered")
    assert stored.answers["R2_ramified"] == Answer(None, "illegible")


def test_changing_a_saved_response_asks_for_a_reason(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    course = enrolled_course(study_users)
    form = make_form(qtbot, study_users, course.injection)
    type_grid(qtbot, form)
    fill_details(qtbot, form)
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    again = make_form(qtbot, study_users, course.injection)
    assert again.model.answer("L2_loss") == Answer(2)
    assert again.model.not_assessable("R5")
    assert not again.save_button.isEnabled()
    again.grid.go_to("L2_loss")
    type_keys(qtbot, again, "3")
    assert again.summary_text("mes") == "3.43"  # 24/7
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    dialog = again.reason_dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.set_reason("Transcription error")
    with qtbot.waitSignal(again.saved):
        dialog.accept()
    stored = questionnaires.get_response(
        study_users.study, study_users.users["nurse"], course.injection.id, "capillaroscopy"
    )
    assert stored is not None
    assert stored.answers["L2_loss"] == Answer(3)
    assert stored.version == 2


def test_a_completion_date_after_the_visit_is_refused_at_the_field(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    course = enrolled_course(study_users)
    form = make_form(qtbot, study_users, course.injection)
    type_grid(qtbot, form)
    fill_details(qtbot, form)
    completed = form.editor("completed_on")
    assert isinstance(completed, QLineEdit)
    completed.selectAll()
    qtbot.keyClicks(completed, (INJECTION + DAY).isoformat())
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error_code("completed_on") == "completed_on:inconsistent"
    assert (
        questionnaires.get_response(
            study_users.study, study_users.users["nurse"], course.injection.id, "capillaroscopy"
        )
        is None
    )


def test_not_assessable_greys_the_finger_and_leaves_it_out(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    course = enrolled_course(study_users)
    form = make_form(qtbot, study_users, course.injection)
    type_keys(qtbot, form, finger_keys(GRID["L2"]))
    assert assessable(form) == 1
    # Clicking L2's "not assessable" box excludes it; its values stay for an untick.
    index = form.model.index(form.model.rows.index("not_assessable"), 0)
    assert form.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert form.model.not_assessable("L2")
    assert assessable(form) == 0
    assert form.summary_text("mes") == "—"  # not computable, and the panel says why
    assert form.summary.reason_text("mes")
    loss = form.model.index_of("L2_loss")
    assert not form.model.flags(loss) & Qt.ItemFlag.ItemIsEditable
    assert form.model.data(loss, Qt.ItemDataRole.BackgroundRole) is not None
    form.grid.go_to("L2_loss")
    type_keys(qtbot, form, "1")  # a finger not assessable takes no answers
    assert form.model.answer("L2_loss") == Answer(2)
    type_keys(qtbot, form, "x")
    assert not form.model.not_assessable("L2")
    assert form.summary_text("mes") == "3.00"


def test_a_monitor_sees_the_form_read_only(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    course = enrolled_course(study_users)
    questionnaires.save_response(
        study_users.study,
        study_users.users["nurse"],
        course.injection.id,
        "capillaroscopy",
        completed_on=INJECTION,
        completed_by="assessor",
        answers={
            **{f"{f}_not_assessable": Answer(1) for f in ("L2", "L3", "L4", "L5", "R2", "R3")},
            **{f"R4_{p}": Answer(1) for p in PARAMETERS},
            "R4_density": Answer(7.0),
            "R4_giant_count": Answer(0),
            "R4_haemorrhage_count": Answer(0),
            "R5_not_assessable": Answer(1),
            "pattern": Answer("early"),
            "image_reference": Answer("VC-1"),
            "assessor": Answer("Dr. B"),
        },
        today=TODAY,
    )
    form = make_form(qtbot, study_users, course.injection, role="monitor")
    assert form.read_only
    assert not form.save_button.isVisible()
    assert form.summary_text("mes") == "3.00"
    form.grid.go_to("R4_loss")
    type_keys(qtbot, form, "3")
    assert form.model.answer("R4_loss") == Answer(1)
    assert not form.model.flags(form.model.index_of("R4_density")) & Qt.ItemFlag.ItemIsEditable


def test_the_dialog_closes_once_saved(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    course = enrolled_course(study_users)
    ctx = UiContext(study_users.study, study_users.users["investigator"], "en")
    dialog = CapillaroscopyDialog(ctx, course.week12.id, visit=course.week12)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.grid.setFocus()
    qtbot.waitUntil(form.grid.hasFocus)
    type_grid(qtbot, form)
    fill_details(qtbot, form, pattern="Late")
    with qtbot.waitSignals([form.saved, dialog.saved]):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_the_grid_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, study_users: StudyWithUsers
) -> None:
    course = enrolled_course(study_users)
    form = make_form(qtbot, study_users, course.injection)
    type_keys(qtbot, form, finger_keys(GRID["L2"]))
    qtmodeltester.check(form.model)  # type: ignore[attr-defined]


def test_abnormal_capillaries_follows_the_pattern() -> None:
    def response(pattern: str | None) -> ResponseInfo:
        return ResponseInfo(
            id=1,
            patient_id=1,
            visit_id=1,
            visit_code="injection",
            instrument="capillaroscopy",
            completed_on=TODAY,
            completed_by="assessor",
            answers={"pattern": Answer(pattern, None if pattern else "not_answered")},
            scores=(),
            version=1,
            voided=False,
        )

    assert not abnormal_capillaries(None)
    assert not abnormal_capillaries(response("normal"))
    assert not abnormal_capillaries(response(None))
    for pattern in ("early", "active", "late"):
        assert abnormal_capillaries(response(pattern))
