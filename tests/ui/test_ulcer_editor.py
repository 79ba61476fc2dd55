"""The per-visit ulcer map editor: clicks at the geometry's own sites, what gets recorded, undo and
redo for every command, keyboard-only entry, refusals at the field, carry-forward, recurrence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sscvisit.handmap import geometry
from sscvisit.handmap.commands import MapState, UlcerMark
from sscvisit.services import clock, demo, screening, ulcers, visits
from sscvisit.services.dto import VisitInfo
from sscvisit.ui.context import UiContext
from sscvisit.ui.ulcer_editor import UlcerEditor, UlcerEditorDialog
from tests.studyfixtures import PASSWORDS, StudyWithUsers, register_patient

TODAY = clock.today()
DAY = dt.timedelta(days=1)
SCREENED = TODAY - 130 * DAY
INJECTION = SCREENED + 10 * DAY
WEEK1 = INJECTION + 7 * DAY
WEEK4 = INJECTION + 28 * DAY
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # the service checks the signature


@dataclass
class Course:
    su: StudyWithUsers
    patient_id: int
    visits: dict[str, VisitInfo]  # by visit code; injection and week 1 recorded

    def record(self, code: str, day: dt.date) -> None:
        nurse = self.su.users["nurse"]
        visits.record_visit(self.su.study, nurse, self.visits[code].id, day, today=day)
        self.visits = _schedule(self.su, self.patient_id)

    def map(self, code: str) -> MapState:
        return ulcers.visit_map(self.su.study, self.su.users["nurse"], self.visits[code].id)

    def save(self, code: str, state: MapState) -> MapState:
        return ulcers.save_visit_map(
            self.su.study, self.su.users["nurse"], self.visits[code].id, state
        )


def _schedule(su: StudyWithUsers, patient_id: int) -> dict[str, VisitInfo]:
    return {v.visit_code: v for v in visits.schedule(su.study, su.users["nurse"], patient_id)}


def enrolled_course(su: StudyWithUsers) -> Course:
    """An enrolled patient with the injection and week 1 visits recorded, via the services."""
    study, nurse = su.study, su.users["nurse"]
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
    course = Course(su, patient.id, _schedule(su, patient.id))
    course.record("injection", INJECTION)
    course.record("week1", WEEK1)
    return course


@pytest.fixture
def course(study_users: StudyWithUsers) -> Course:
    return enrolled_course(study_users)


def make_editor(
    qtbot: QtBot, course: Course, code: str, role: str = "nurse", language: str = "en"
) -> UlcerEditor:
    ctx = UiContext(course.su.study, course.su.users[role], language)
    editor = UlcerEditor(ctx, course.visits[code])
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def click_site(qtbot: QtBot, editor: UlcerEditor, hand: str, finger: str, site: str) -> None:
    """Click the map where the geometry puts the site's anchor."""
    anchor = geometry.region(hand, finger, site).anchor
    qtbot.mouseClick(editor.map, Qt.MouseButton.LeftButton, pos=editor.map.to_widget(anchor))


def type_into(qtbot: QtBot, editor: UlcerEditor, name: str, text: str) -> None:
    """Replace a field's text as a person does, then finish it (one committed edit).

    A line edit is finished with Enter; the multi-line comment with Tab (Enter starts a line).
    """
    line = editor.editor(name)
    assert isinstance(line, QLineEdit | QPlainTextEdit)
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, text)
    finish = Qt.Key.Key_Tab if isinstance(line, QPlainTextEdit) else Qt.Key.Key_Return
    qtbot.keyClick(line, finish)


def places(state: MapState) -> list[tuple[str, str, str, str]]:
    return [(m.hand, m.finger, m.site, m.status) for m in state.marks]


def mark(key: str, hand: str, finger: str, site: str, **values: object) -> UlcerMark:
    values.setdefault("length_mm", 6.0)
    values.setdefault("width_mm", 4.0)
    return UlcerMark(key=key, hand=hand, finger=finger, site=site, **values)  # type: ignore[arg-type]


# --- recording by clicking --------------------------------------------------------------------


def test_clicks_at_the_sites_record_ulcers_that_are_saved(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    assert editor.state.marks == ()
    assert editor.save_button.isEnabled()  # an empty map is saved too: "no ulcers"

    click_site(qtbot, editor, "R", "D2", "tip")
    assert places(editor.state) == [("R", "D2", "tip", "new")]
    assert editor.selected_key() == editor.state.marks[0].key
    assert editor.editor("length_mm").hasFocus()  # measure it next
    type_into(qtbot, editor, "length_mm", "6")
    type_into(qtbot, editor, "width_mm", "4")
    type_into(qtbot, editor, "pain_vas", "40")
    assert editor.area.text() == "18.85"
    infection = editor.editor("infection")
    infection.setFocus()
    qtbot.keyClick(infection, Qt.Key.Key_Space)

    click_site(qtbot, editor, "L", "D3", "dorsal_pip")
    type_into(qtbot, editor, "length_mm", "3,5")
    type_into(qtbot, editor, "width_mm", "2")
    depth = editor.editor("depth")
    assert isinstance(depth, QComboBox)
    depth.setFocus()
    qtbot.keyClick(depth, Qt.Key.Key_Down)  # from "—" to superficial
    assert editor.selected_mark() is not None
    assert editor.selected_mark().depth == "superficial"  # type: ignore[union-attr]

    with qtbot.waitSignal(editor.saved) as blocker:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [course.patient_id]

    stored = course.map("injection")
    assert places(stored) == [("R", "D2", "tip", "new"), ("L", "D3", "dorsal_pip", "new")]
    tip, pip = stored.marks
    assert (tip.length_mm, tip.width_mm, tip.pain_vas, tip.infection) == (6.0, 4.0, 40.0, True)
    assert (pip.length_mm, pip.width_mm, pip.depth) == (3.5, 2.0, "superficial")
    assert all(m.key.startswith("u") for m in stored.marks)
    assert editor.state == stored
    assert editor.is_saved()
    assert not editor.is_dirty()
    assert not editor.save_button.isEnabled()
    history = ulcers.ulcer_history(
        course.su.study, course.su.users["investigator"], course.patient_id
    )
    assert [p.area_mm2 for h in history for p in h.points] == [18.85, 5.5]


def test_clicking_an_ulcer_selects_it_and_the_list_follows(qtbot: QtBot, course: Course) -> None:
    course.save(
        "injection",
        MapState(marks=(mark("n1", "R", "D2", "tip"), mark("n2", "L", "D4", "dorsal_dip"))),
    )
    editor = make_editor(qtbot, course, "injection")
    first, second = (m.key for m in editor.state.marks)
    click_site(qtbot, editor, "L", "D4", "dorsal_dip")
    assert editor.selected_key() == second
    assert editor.map.selected() == second
    assert editor.list.currentIndex().row() == 1
    assert len(editor.state.marks) == 2  # selected, not added
    editor.list.selectRow(0)
    assert editor.selected_key() == first
    assert editor.map.selected() == first


def test_the_list_model_is_a_sound_qt_model(
    qtbot: QtBot, course: Course, qtmodeltester: ModelTester
) -> None:
    course.save("injection", MapState(marks=(mark("n1", "R", "D2", "tip"),)))
    editor = make_editor(qtbot, course, "injection")
    qtmodeltester.check(editor.list_model)


# --- undo and redo, one gesture one step ------------------------------------------------------


def test_undo_and_redo_an_add(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D3", "tip")
    added = editor.state
    assert editor.undo_stack.count() == 1

    qtbot.keyClick(editor.map, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.state.marks == ()
    assert editor.selected_key() is None

    qtbot.keyClick(
        editor.map,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.state == added
    assert editor.selected_key() == added.marks[0].key


def test_undo_and_redo_an_edit_one_step_per_committed_field(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D3", "tip")
    key = editor.state.marks[0].key
    type_into(qtbot, editor, "length_mm", "12.5")  # five keystrokes, one edit
    assert editor.undo_stack.count() == 2
    assert editor.state.get(key).length_mm == 12.5
    type_into(qtbot, editor, "comment", "dry")
    assert editor.undo_stack.count() == 3

    editor.undo_button.click()
    assert editor.state.get(key).comment is None
    assert editor.state.get(key).length_mm == 12.5
    editor.undo_button.click()
    assert editor.state.get(key).length_mm is None
    line = editor.editor("length_mm")
    assert isinstance(line, QLineEdit)
    assert line.text() == ""
    editor.redo_button.click()
    assert editor.state.get(key).length_mm == 12.5
    assert line.text() == "12.5"
    editor.redo_button.click()
    assert editor.state.get(key).comment == "dry"


def test_the_comment_takes_several_lines_and_is_committed_when_left(
    qtbot: QtBot, course: Course
) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D3", "tip")
    key = editor.state.marks[0].key
    comment = editor.editor("comment")
    assert isinstance(comment, QPlainTextEdit)
    comment.setFocus()
    qtbot.keyClicks(comment, "dry")
    qtbot.keyClick(comment, Qt.Key.Key_Return)  # a new line, not a commit
    qtbot.keyClicks(comment, "no pus")
    assert comment.toPlainText() == "dry\nno pus"
    assert editor.state.get(key).comment is None
    qtbot.keyClick(comment, Qt.Key.Key_Tab)  # leaving the box commits it, one step
    assert QApplication.focusWidget() is not comment
    assert "\t" not in comment.toPlainText()
    assert editor.state.get(key).comment == "dry\nno pus"
    assert editor.undo_stack.count() == 2  # add, comment
    editor.undo_button.click()
    assert comment.toPlainText() == ""
    comment.setFocus()
    qtbot.keyClicks(comment, "x" * 1001)
    assert editor.error_code("comment") == "comment:too_long"


def test_ctrl_z_in_a_field_undoes_the_map_not_the_text(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D3", "tip")
    key = editor.state.marks[0].key
    type_into(qtbot, editor, "length_mm", "7")
    width = editor.editor("width_mm")
    assert isinstance(width, QLineEdit)
    qtbot.keyClicks(width, "5")  # typed, not yet committed
    qtbot.keyClick(width, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # The pending width was committed as its own step and that step undone.
    assert editor.state.get(key).width_mm is None
    assert editor.state.get(key).length_mm == 7.0
    assert width.text() == ""


def test_undo_and_redo_a_move(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D3", "tip")
    key = editor.state.marks[0].key
    # Keyboard: choose another site, then "Move selected here".
    site = editor.editor("site")
    assert isinstance(site, QComboBox)
    site.setCurrentIndex(site.findData("volar"))
    qtbot.mouseClick(editor.move_button, Qt.MouseButton.LeftButton)
    assert editor.state.get(key).place == ("R", "D3", "volar")
    assert editor.map.mark_center(key) == editor.map.site_center("R", "D3", "volar")

    editor.undo()
    assert editor.state.get(key).place == ("R", "D3", "tip")
    assert editor.map.mark_center(key) == editor.map.site_center("R", "D3", "tip")
    editor.redo()
    assert editor.state.get(key).place == ("R", "D3", "volar")


def test_undo_and_redo_a_remove(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D2", "tip")
    click_site(qtbot, editor, "R", "D3", "tip")
    click_site(qtbot, editor, "R", "D4", "tip")
    before = editor.state
    middle = before.marks[1].key
    editor.select(middle)
    editor.map.setFocus()
    qtbot.keyClick(editor.map, Qt.Key.Key_Delete)
    assert [m.key for m in editor.state.marks] == [before.marks[0].key, before.marks[2].key]
    assert editor.map.mark_center(middle) is None

    editor.undo()
    assert editor.state == before  # back in its place (number 2)
    assert editor.selected_key() == middle
    editor.redo()
    assert middle not in [m.key for m in editor.state.marks]


# --- keyboard only ----------------------------------------------------------------------------


def test_an_ulcer_is_added_and_measured_from_the_keyboard(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    hand = editor.editor("hand")
    hand.setFocus()
    qtbot.waitUntil(hand.hasFocus)
    # Left is first, Right second; D1 .. D5; tip, volar, dorsal DIP, PIP, MCP, other.
    qtbot.keyClick(hand, Qt.Key.Key_Down)  # Right
    qtbot.keyClick(hand, Qt.Key.Key_Tab)
    finger = QApplication.focusWidget()
    assert finger is editor.editor("finger")
    for _ in range(2):
        qtbot.keyClick(finger, Qt.Key.Key_Down)  # D3
    qtbot.keyClick(finger, Qt.Key.Key_Tab)
    site = QApplication.focusWidget()
    assert site is editor.editor("site")
    for _ in range(3):
        qtbot.keyClick(site, Qt.Key.Key_Down)  # dorsal over PIP
    qtbot.keyClick(site, Qt.Key.Key_Return)
    assert places(editor.state) == [("R", "D3", "dorsal_pip", "new")]

    # The length field has the focus; Enter commits and moves on to the width.
    for text in ("5", "3"):
        target = QApplication.focusWidget()
        assert isinstance(target, QLineEdit)
        qtbot.keyClicks(target, text)
        qtbot.keyClick(target, Qt.Key.Key_Return)
    added = editor.state.marks[0]
    assert (added.length_mm, added.width_mm) == (5.0, 3.0)
    assert editor.undo_stack.count() == 3  # add, length, width

    # Delete removes the ulcer added by mistake (focus back in the list).
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert editor.state.marks == ()


def test_tab_order_runs_site_then_fields_then_save(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D2", "tip")
    order: list[QWidget] = []
    widget: QWidget | None = editor.editor("hand")
    for _ in range(40):
        assert widget is not None
        order.append(widget)
        widget = widget.nextInFocusChain()
        while widget is not None and not (
            widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget = widget.nextInFocusChain()
        if widget is editor.save_button:
            order.append(widget)
            break
    names = [w.objectName() for w in order]
    expected = ["hand", "finger", "site", "add", "move", "status", "length_mm", "width_mm"]
    assert [n for n in names if n in expected] == expected
    assert names.index("pain_vas") < names.index("comment") < names.index("save")


# --- refusals at the field --------------------------------------------------------------------


def test_width_larger_than_length_is_refused_with_a_swap(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D2", "tip")
    key = editor.state.marks[0].key
    type_into(qtbot, editor, "length_mm", "4")
    type_into(qtbot, editor, "width_mm", "6")
    assert editor.error_code("width_mm") == "map:width_gt_length"
    assert editor.state.get(key).width_mm is None  # refused: nothing changed
    assert editor.swap_button.isVisible()
    steps = editor.undo_stack.count()

    qtbot.mouseClick(editor.swap_button, Qt.MouseButton.LeftButton)
    swapped = editor.state.get(key)
    assert (swapped.length_mm, swapped.width_mm) == (6.0, 4.0)
    assert editor.error_code("width_mm") is None
    assert not editor.swap_button.isVisible()
    assert editor.undo_stack.count() == steps + 1  # the swap is one step
    editor.undo()
    assert (editor.state.get(key).length_mm, editor.state.get(key).width_mm) == (4.0, None)


def test_out_of_range_values_are_named_at_their_field(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D2", "tip")
    key = editor.state.marks[0].key
    type_into(qtbot, editor, "length_mm", "150")
    assert editor.error_code("length_mm") == "length_mm:above_maximum"
    type_into(qtbot, editor, "width_mm", "0.2")
    assert editor.error_code("width_mm") == "width_mm:below_minimum"
    type_into(qtbot, editor, "pain_vas", "101")
    assert editor.error_code("pain_vas") == "pain_vas:above_maximum"
    mark_now = editor.state.get(key)
    assert (mark_now.length_mm, mark_now.width_mm, mark_now.pain_vas) == (None, None, None)
    type_into(qtbot, editor, "length_mm", "15")
    assert editor.error_code("length_mm") is None
    assert editor.state.get(key).length_mm == 15.0


def test_a_site_the_map_lacks_and_a_taken_site_are_refused(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    # The thumb has no PIP joint.
    for name, value in (("hand", "L"), ("finger", "D1"), ("site", "dorsal_pip")):
        combo = editor.editor(name)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(value))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.error_code("site") == "map:unknown_site"
    assert editor.state.marks == ()

    click_site(qtbot, editor, "L", "D2", "tip")
    click_site(qtbot, editor, "L", "D3", "tip")
    second = editor.state.marks[1].key
    editor.select(second)
    assert editor.move_selected("L", "D2", "tip") is False
    assert editor.error_code("site") == "map:duplicate_active_site"
    assert editor.state.get(second).place == ("L", "D3", "tip")


def test_save_is_refused_until_open_ulcers_are_measured(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D2", "tip")
    type_into(qtbot, editor, "length_mm", "6")
    click_site(qtbot, editor, "R", "D3", "tip")
    with qtbot.assertNotEmitted(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.selected_key() == editor.state.marks[0].key  # the first one missing a size
    assert editor.error_code("width_mm") == "width_mm:required"
    assert course.map("injection").marks == ()
    assert (
        ulcers.map_version(course.su.study, course.su.users["nurse"], course.visits["injection"].id)
        == 0
    )


def test_an_ulcer_seen_before_is_not_removed_but_healed(qtbot: QtBot, course: Course) -> None:
    course.save("injection", MapState(marks=(mark("n1", "R", "D2", "tip", status="active"),)))
    editor = make_editor(qtbot, course, "week1")
    key = editor.state.marks[0].key
    editor.select(key)
    assert not editor.remove_button.isEnabled()
    editor.map.setFocus()
    qtbot.keyClick(editor.map, Qt.Key.Key_Delete)
    assert editor.error_code("key") == "map:not_removable"
    assert [m.key for m in editor.state.marks] == [key]


# --- across visits ----------------------------------------------------------------------------


def test_week1_starts_from_the_injection_ulcers_as_active(qtbot: QtBot, course: Course) -> None:
    course.save(
        "injection",
        MapState(
            marks=(
                mark("n1", "R", "D2", "tip", status="new", pain_vas=30.0),
                mark("n2", "L", "D4", "dorsal_mcp", status="new", length_mm=3.0, width_mm=2.0),
            )
        ),
    )
    editor = make_editor(qtbot, course, "week1")
    assert places(editor.state) == [
        ("R", "D2", "tip", "active"),
        ("L", "D4", "dorsal_mcp", "active"),
    ]
    assert [(m.length_mm, m.width_mm) for m in editor.state.marks] == [(6.0, 4.0), (3.0, 2.0)]
    assert not editor.is_saved()
    assert editor.save_button.isEnabled()
    for m in editor.state.marks:
        assert editor.map.mark_center(m.key) == editor.map.site_center(*m.place)

    # One healed at week 1: its sizes go, and saving records it.
    healed = editor.state.marks[1].key
    editor.select(healed)
    status = editor.editor("status")
    assert isinstance(status, QComboBox)
    status.setFocus()
    qtbot.keyClick(status, Qt.Key.Key_End)  # active, new, healed: the last
    assert editor.state.get(healed).status == "healed"
    assert editor.state.get(healed).length_mm is None
    assert editor.undo_stack.count() == 1
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert places(course.map("week1")) == [
        ("R", "D2", "tip", "active"),
        ("L", "D4", "dorsal_mcp", "healed"),
    ]


def test_a_new_ulcer_at_a_healed_site_is_offered_as_recurrence(
    qtbot: QtBot, course: Course
) -> None:
    saved = course.save("injection", MapState(marks=(mark("n1", "R", "D2", "tip"),)))
    healed_key = saved.marks[0].key
    week1 = course.map("week1")
    course.save(
        "week1",
        MapState(
            marks=tuple(
                UlcerMark(key=m.key, hand=m.hand, finger=m.finger, site=m.site, status="healed")
                for m in week1.marks
            )
        ),
    )
    course.record("week4", WEEK4)
    editor = make_editor(qtbot, course, "week4")
    assert editor.state.marks == ()  # healed ulcers are not carried forward

    click_site(qtbot, editor, "R", "D2", "tip")
    assert editor.offer_shown()
    assert editor.offer.isVisible()
    assert editor.state.marks == ()  # nothing added before the answer
    qtbot.mouseClick(editor.recurrence_button, Qt.MouseButton.LeftButton)
    assert not editor.offer_shown()
    (added,) = editor.state.marks
    assert (added.place, added.status, added.recurrence_of) == (
        ("R", "D2", "tip"),
        "new",
        healed_key,
    )
    assert editor.recurrence_note.isVisible()
    type_into(qtbot, editor, "length_mm", "5")
    type_into(qtbot, editor, "width_mm", "5")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    history = {
        h.key: h
        for h in ulcers.ulcer_history(
            course.su.study, course.su.users["investigator"], course.patient_id
        )
    }
    (recurred,) = [h for h in history.values() if h.key != healed_key]
    assert recurred.recurrence_of == healed_key
    # A site where nothing healed adds at once.
    editor2 = make_editor(qtbot, course, "week4")
    click_site(qtbot, editor2, "R", "D3", "tip")
    assert not editor2.offer_shown()  # nothing healed there


def test_the_recurrence_offer_can_be_declined(qtbot: QtBot, course: Course) -> None:
    course.save("injection", MapState(marks=(mark("n1", "L", "D5", "other"),)))
    week1 = course.map("week1")
    course.save(
        "week1",
        MapState(
            marks=tuple(
                UlcerMark(key=m.key, hand=m.hand, finger=m.finger, site=m.site, status="healed")
                for m in week1.marks
            )
        ),
    )
    course.record("week4", WEEK4)
    editor = make_editor(qtbot, course, "week4")
    click_site(qtbot, editor, "L", "D5", "other")
    qtbot.mouseClick(editor.unrelated_button, Qt.MouseButton.LeftButton)
    (added,) = editor.state.marks
    assert added.recurrence_of is None
    click_site(qtbot, editor, "L", "D5", "other")  # the open ulcer there is selected
    assert len(editor.state.marks) == 1
    assert editor.selected_key() == added.key


# --- changing what was saved ------------------------------------------------------------------


def test_changing_a_saved_observation_asks_for_a_reason(qtbot: QtBot, course: Course) -> None:
    course.save("injection", MapState(marks=(mark("n1", "R", "D2", "tip", pain_vas=20.0),)))
    editor = make_editor(qtbot, course, "injection")
    assert editor.is_saved()
    assert not editor.save_button.isEnabled()
    type_into(qtbot, editor, "pain_vas", "35")
    assert editor.save_button.isEnabled()
    with qtbot.assertNotEmitted(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    dialog = editor.reason_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert course.map("injection").marks[0].pain_vas == 20.0  # nothing half-saved
    dialog.set_reason("Transcription error")
    with qtbot.waitSignal(editor.saved):
        dialog.accept()
    assert course.map("injection").marks[0].pain_vas == 35.0
    assert not editor.is_dirty()
    assert editor.undo_stack.count() == 0


# --- photos -----------------------------------------------------------------------------------


def test_a_photo_is_stored_with_its_sha256(qtbot: QtBot, course: Course) -> None:
    editor = make_editor(qtbot, course, "injection")
    click_site(qtbot, editor, "R", "D2", "tip")
    assert not editor.photo_button.isEnabled()  # the map is saved first
    type_into(qtbot, editor, "length_mm", "6")
    type_into(qtbot, editor, "width_mm", "4")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    key = editor.state.marks[0].key
    assert editor.selected_key() == key
    assert editor.photo_button.isEnabled()

    assert editor.add_photo_data(PNG, "image/jpeg") is None  # the bytes are a PNG
    assert editor.error_code("photo") == "media_type:inconsistent"
    digest = editor.add_photo_data(PNG, "image/png")
    assert digest is not None
    assert editor.error_code("photo") is None
    stored = ulcers.photos(course.su.study, course.su.users["nurse"], course.patient_id)
    assert [(p.ulcer_key, p.sha256, p.taken_on) for p in stored] == [(key, digest, INJECTION)]
    assert ulcers.photo_data(course.su.study, course.su.users["nurse"], digest) == PNG
    assert "1" in editor.photo_label.text()


# --- roles and the dialog ---------------------------------------------------------------------


def test_a_monitor_sees_the_map_but_changes_nothing(qtbot: QtBot, course: Course) -> None:
    course.save("injection", MapState(marks=(mark("n1", "R", "D2", "tip"),)))
    editor = make_editor(qtbot, course, "injection", role="monitor")
    assert editor.read_only
    assert not editor.save_button.isVisible()
    assert not editor.add_button.isVisible()
    click_site(qtbot, editor, "L", "D3", "tip")
    assert len(editor.state.marks) == 1
    click_site(qtbot, editor, "R", "D2", "tip")
    assert editor.selected_key() == editor.state.marks[0].key
    editor.map.setFocus()
    qtbot.keyClick(editor.map, Qt.Key.Key_Delete)
    assert len(editor.state.marks) == 1
    assert editor.undo_stack.count() == 0


def test_the_dialog_reemits_saved_and_asks_before_discarding(qtbot: QtBot, course: Course) -> None:
    ctx = UiContext(course.su.study, course.su.users["nurse"], "nl")
    dialog = UlcerEditorDialog(ctx, course.visits["injection"])
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    editor = dialog.editor
    click_site(qtbot, editor, "R", "D2", "tip")
    dialog.reject()
    assert dialog.isVisible()
    assert dialog.confirm is not None
    assert dialog.confirm.isVisible()
    dialog.confirm.reject()  # Cancel: stay
    assert dialog.isVisible()
    type_into(qtbot, editor, "length_mm", "6")
    type_into(qtbot, editor, "width_mm", "4")
    with qtbot.waitSignal(dialog.saved) as blocker:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [course.patient_id]
    assert dialog.isVisible()  # stays open for photos
    dialog.reject()
    assert not dialog.isVisible()


def test_moving_an_ulcer_seen_before_asks_for_a_reason(qtbot: QtBot, course: Course) -> None:
    course.save("injection", MapState(marks=(mark("n1", "R", "D2", "tip", status="active"),)))
    editor = make_editor(qtbot, course, "week1")
    key = editor.state.marks[0].key
    editor.select(key)
    assert editor.move_selected("R", "D2", "volar")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    dialog = editor.reason_dialog
    assert dialog is not None
    assert editor.changes() == [("#1 site", "Right D2, fingertip", "Right D2, other volar")]
    dialog.set_reason("Misplaced at the injection visit")
    with qtbot.waitSignal(editor.saved):
        dialog.accept()
    assert course.map("week1").marks[0].place == ("R", "D2", "volar")
