"""FieldForm: editors derived from declarations, messages beside the field, validity signal."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from sscvisit.model.fields import Code, Field, FieldError, Problem, Value
from sscvisit.ui.forms import FieldForm, FieldSummary, display_text, is_multiline

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FIELDS = {
    "initials": Field("initials", "Initials", "Initialen", "text", "T.INI", max_length=4),
    "age": Field("age", "Age", "Leeftijd", "int", "T.AGE", minimum=18, maximum=90, unit="years"),
    "weight": Field("weight", "Weight", "Gewicht", "float", "T.WT", unit="kg", required=False),
    "seen": Field("seen", "Date seen", "Gezien op", "date", "T.SEEN", not_in_future=True),
    "hand": Field(
        "hand",
        "Dominant hand",
        "Dominante hand",
        "code",
        "T.HAND",
        codes=(Code("L", "Left", "Links"), Code("R", "Right", "Rechts")),
    ),
    "smoker": Field("smoker", "Smoker", "Roker", "bool", "T.SMOKE", required=False),
}


def make_form(qtbot: QtBot, language: str = "en") -> FieldForm:
    form = FieldForm(FIELDS, language)
    qtbot.addWidget(form)
    form.show()
    return form


def line(form: FieldForm, name: str) -> QLineEdit:
    editor = form.editor(name)
    assert isinstance(editor, QLineEdit)
    return editor


def combo(form: FieldForm, name: str) -> QComboBox:
    editor = form.editor(name)
    assert isinstance(editor, QComboBox)
    return editor


def fill_valid(qtbot: QtBot, form: FieldForm) -> None:
    qtbot.keyClicks(line(form, "initials"), "AJ")
    qtbot.keyClicks(line(form, "age"), "54")
    qtbot.keyClicks(line(form, "seen"), "2025-03-01")
    qtbot.keyClicks(combo(form, "hand"), "R")


def test_one_editor_per_kind_labelled_from_the_declaration(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    assert isinstance(form.editor("initials"), QLineEdit)
    assert line(form, "initials").maxLength() == 4
    assert isinstance(form.editor("smoker"), QCheckBox)
    hand = combo(form, "hand")
    assert hand.currentIndex() == 0
    assert hand.currentData() is None
    assert [hand.itemData(i) for i in range(1, hand.count())] == ["L", "R"]
    assert [hand.itemText(i) for i in range(1, hand.count())] == ["Left", "Right"]
    age_label = form.findChild(QLabel, "label_age")
    assert age_label is not None
    assert age_label.text() == "Age (years)"
    assert line(form, "seen").placeholderText() == "YYYY-MM-DD"
    assert form.findChild(QLabel, "error_age") is not None


def test_code_labels_follow_the_language(qtbot: QtBot) -> None:
    form = make_form(qtbot, "nl")
    hand = combo(form, "hand")
    assert [hand.itemText(i) for i in range(1, hand.count())] == ["Links", "Rechts"]
    label = form.findChild(QLabel, "label_weight")
    assert label is not None
    assert label.text() == "Gewicht (kg)"


def test_tab_order_follows_the_declaration_order(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    editors = form.editors()
    assert [e.objectName() for e in editors] == list(FIELDS)
    for before, after in itertools.pairwise(editors):
        assert next_tab_stop(before) is after


def next_tab_stop(widget: QWidget) -> QWidget:
    """The widget Tab moves to: the next in the focus chain that takes focus by Tab."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and not candidate.focusPolicy() & Qt.FocusPolicy.TabFocus:
        candidate = candidate.nextInFocusChain()
    assert candidate is not None
    return candidate


def test_untouched_fields_stay_quiet_but_the_form_is_invalid(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    assert not form.is_valid()
    assert all(form.error_code(name) is None for name in FIELDS)
    error_label = form.findChild(QLabel, "error_initials")
    assert error_label is not None
    assert error_label.isHidden()


def test_messages_appear_as_you_type_and_validity_is_signalled(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    qtbot.keyClicks(line(form, "age"), "17")
    assert form.error_code("age") == "age:below_minimum"
    error_label = form.findChild(QLabel, "error_age")
    assert error_label is not None
    assert error_label.isVisible()
    line(form, "age").clear()
    assert form.error_code("age") == "age:required"
    qtbot.keyClicks(line(form, "age"), "91")
    assert form.error_code("age") == "age:above_maximum"
    line(form, "age").clear()
    qtbot.keyClicks(line(form, "seen"), "2026-02-30")
    assert form.error_code("seen") == "seen:not_a_date"
    line(form, "seen").clear()
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # noqa: DTZ011 the form's local date
    qtbot.keyClicks(line(form, "seen"), tomorrow.isoformat())
    assert form.error_code("seen") == "seen:date_in_future"
    line(form, "seen").clear()

    with qtbot.waitSignal(form.validityChanged, check_params_cb=lambda ok: ok):
        fill_valid(qtbot, form)
    assert all(form.error_code(name) is None for name in FIELDS)
    with qtbot.waitSignal(form.validityChanged, check_params_cb=lambda ok: not ok):
        line(form, "initials").clear()
    assert form.error_code("initials") == "initials:required"


def test_number_editors_refuse_letters_and_read_decimal_commas(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    qtbot.keyClicks(line(form, "age"), "5x4")
    assert line(form, "age").text() == "54"
    qtbot.keyClicks(line(form, "weight"), "71,5")
    assert form.values()["weight"] == 71.5
    assert form.error_code("weight") is None


def test_values_load_and_check(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    assert form.check() is None
    assert form.error_code("initials") == "initials:required"
    assert form.error_code("hand") == "hand:required"
    assert form.error_code("weight") is None  # optional

    saved: dict[str, Value] = {
        "initials": "AJ",
        "age": 54,
        "weight": 70.0,
        "seen": dt.date(2025, 3, 1),
        "hand": "L",
        "smoker": True,
    }
    form.load(saved)
    assert all(form.error_code(name) is None for name in FIELDS)
    assert form.is_valid()
    assert form.check() == saved
    assert line(form, "weight").text() == "70"
    assert combo(form, "hand").currentText() == "Left"

    form.load({})
    assert form.values()["initials"] is None
    assert form.error_code("initials") is None  # loading is not an edit


def test_server_errors_are_shown_at_the_field_until_it_changes(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    fill_valid(qtbot, form)
    assert form.is_valid()
    rest = form.show_errors(
        [
            FieldError("initials", Problem.DUPLICATE, subject="SSC-004"),
            FieldError("elsewhere", Problem.REQUIRED),
        ]
    )
    assert [e.field for e in rest] == ["elsewhere"]
    assert form.error_code("initials") == "initials:duplicate"
    label = form.findChild(QLabel, "error_initials")
    assert label is not None
    assert "SSC-004" in label.text()
    assert not form.is_valid()
    with qtbot.waitSignal(form.validityChanged, check_params_cb=lambda ok: ok):
        qtbot.keyClicks(line(form, "initials"), "K")
    assert form.error_code("initials") is None


def test_rule_errors_are_replaced_as_a_whole(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    fill_valid(qtbot, form)
    form.set_rule_errors([FieldError("age", Problem.INCONSISTENT)])
    assert form.error_code("age") == "age:inconsistent"
    assert not form.is_valid()
    form.set_rule_errors([])
    assert form.error_code("age") is None
    assert form.is_valid()


def test_set_value_counts_as_an_edit(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    with qtbot.waitSignal(form.fieldEdited, check_params_cb=lambda name: name == "age"):
        form.set_value("age", 12)
    assert form.error_code("age") == "age:below_minimum"


def test_check_focuses_the_first_field_in_error(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.activateWindow()
    qtbot.keyClicks(line(form, "initials"), "AJ")
    qtbot.keyClicks(line(form, "age"), "54")
    assert form.check() is None
    qtbot.waitUntil(lambda: form.editor("seen").hasFocus())


def test_display_text_and_summary(qtbot: QtBot) -> None:
    assert display_text(FIELDS["hand"], "R", "nl") == "Rechts"
    assert display_text(FIELDS["age"], 54, "en") == "54 years"
    assert display_text(FIELDS["weight"], 70.0, "en") == "70 kg"
    assert display_text(FIELDS["seen"], dt.date(2025, 3, 1), "en") == "2025-03-01"
    assert display_text(FIELDS["smoker"], False, "en") == "No"
    assert display_text(FIELDS["initials"], None, "en") == "—"
    summary = FieldSummary(FIELDS, "en")
    qtbot.addWidget(summary)
    summary.load({"hand": "L", "age": 40})
    assert summary.text_of("hand") == "Left"
    assert summary.text_of("initials") == "—"


def test_keyboard_picks_a_code_without_the_mouse(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    hand = combo(form, "hand")
    qtbot.keyClick(hand, Qt.Key.Key_Down)
    assert form.values()["hand"] == "L"
    qtbot.keyClicks(hand, "R")
    assert form.values()["hand"] == "R"


NOTES = {
    "term": Field("term", "Event term", "Omschrijving", "text", "T.TERM", max_length=200),
    "note": Field(
        "note", "Comment", "Opmerking", "text", "T.NOTE", required=False, max_length=1000
    ),
    "seen": Field("seen", "Date seen", "Gezien op", "date", "T.SEEN", required=False),
}
TWO_LINES = "Red, warm thenar.\nAntibiotics started."


def notes_form(qtbot: QtBot) -> tuple[FieldForm, QPlainTextEdit]:
    form = FieldForm(NOTES, "en")
    qtbot.addWidget(form)
    form.show()
    note = form.editor("note")
    assert isinstance(note, QPlainTextEdit)
    return form, note


def test_long_free_text_gets_a_multi_line_editor(qtbot: QtBot) -> None:
    def text(max_length: int | None) -> Field:
        return Field("t", "T", "T", "text", "T.T", max_length=max_length)

    assert is_multiline(text(1000))
    assert is_multiline(text(4000))
    assert not is_multiline(text(999))
    assert not is_multiline(text(None))
    assert not is_multiline(Field("c", "C", "C", "code", "T.C", max_length=1000))
    form, note = notes_form(qtbot)
    assert isinstance(form.editor("term"), QLineEdit)
    assert note.objectName() == "note"
    assert note.accessibleName() == "Comment"
    label = form.findChild(QLabel, "label_note")
    assert label is not None
    assert label.buddy() is note
    assert note.tabChangesFocus()
    lines = note.height() / note.fontMetrics().lineSpacing()
    assert 3 <= lines <= 6  # a few lines, not one and not the whole dialog


def test_tab_leaves_a_multi_line_editor_and_enter_starts_a_line(qtbot: QtBot) -> None:
    form, note = notes_form(qtbot)
    form.activateWindow()
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    with qtbot.waitSignal(form.fieldEdited, check_params_cb=lambda name: name == "note"):
        qtbot.keyClicks(note, "Red, warm thenar.")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.keyClicks(note, "Antibiotics started.")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert "\t" not in note.toPlainText()
    qtbot.waitUntil(lambda: form.editor("seen").hasFocus())
    assert form.values()["note"] == TWO_LINES
    assert next_tab_stop(form.editor("term")) is note
    assert next_tab_stop(note) is form.editor("seen")


def test_text_over_the_maximum_is_refused_beside_the_field(qtbot: QtBot) -> None:
    form, note = notes_form(qtbot)
    form.load({"term": "Cellulitis"})
    assert form.is_valid()
    note.setPlainText("x" * 1000)
    assert form.error_code("note") is None
    assert form.values()["note"] == "x" * 1000
    note.moveCursor(note.textCursor().MoveOperation.End)
    with qtbot.waitSignal(form.validityChanged, check_params_cb=lambda ok: not ok):
        qtbot.keyClicks(note, "y")
    assert note.toPlainText() == "x" * 1000 + "y"  # kept as typed, so nothing is lost silently
    assert form.error_code("note") == "note:too_long"
    error = form.findChild(QLabel, "error_note")
    assert error is not None
    assert error.isVisible()
    assert "1000" in error.text()
    assert form.values()["note"] is None
    assert form.check() is None
    qtbot.keyClick(note, Qt.Key.Key_Backspace)
    assert form.error_code("note") is None
    assert form.check() == {"term": "Cellulitis", "note": "x" * 1000, "seen": None}


def test_a_multi_line_editor_loads_and_gives_back_its_value(qtbot: QtBot) -> None:
    form, note = notes_form(qtbot)
    edited: list[str] = []
    form.fieldEdited.connect(edited.append)
    form.load({"term": "Cellulitis", "note": TWO_LINES})
    assert edited == []  # loading is not an edit
    assert note.toPlainText() == TWO_LINES
    assert form.raw_text("note") == TWO_LINES
    assert form.values() == {"term": "Cellulitis", "note": TWO_LINES, "seen": None}
    form.set_value("note", "Seen again.")
    assert edited == ["note"]
    assert form.values()["note"] == "Seen again."
    form.load({})
    assert note.toPlainText() == ""
    assert form.values()["note"] is None
    # a service's refusal is shown at the field, and check() takes the keyboard there
    form.load({"term": "Cellulitis"})
    form.activateWindow()
    form.show_errors([FieldError("note", Problem.INCONSISTENT)])
    assert form.error_code("note") == "note:inconsistent"
    qtbot.waitUntil(note.hasFocus)
    summary = FieldSummary(NOTES, "en")
    qtbot.addWidget(summary)
    summary.load({"note": "<b>" + TWO_LINES})
    assert summary.text_of("note") == "<b>" + TWO_LINES
    shown = summary.findChild(QLabel, "value_note")
    assert shown is not None
    assert shown.textFormat() == Qt.TextFormat.PlainText  # typed text is never markup
