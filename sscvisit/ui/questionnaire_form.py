"""Transcribing a paper questionnaire (S-HAQ, RAND-36, EQ-5D-5L, CHFS): a keyboard-first grid.

The nurse reads the paper and types: one digit answers the current item and moves to the next,
so a whole RAND-36 is 36 keystrokes with no mouse and no Enter. A digit outside the item's range
is not taken (a short hint says why); "." followed by 1, 2 or 3 marks an item missing with its
reason; numbers (VAS millimetres) are typed and accepted with Enter or Tab; tick boxes (HAQ aids
and help) toggle with Space. Beside the grid the scores follow every keystroke: the form hands
the answers to ``questionnaires.compute_scores`` (pure, no database) and the ``ScorePanel`` shows
the result.

Everything about an item (its code, short description, kind, range, options) comes from the
instrument definition (``services.instruments``); every rule about saving (the completion date,
unanswered items, ranges, reasons for change) is checked again by ``questionnaires.save_response``
and its ``FieldErrors`` are shown at the item rows.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.services import questionnaires
from sscvisit.services.dto import ResponseInfo, VisitInfo
from sscvisit.services.errors import ReasonRequired, ServiceError
from sscvisit.services.instruments import InstrumentDef, ItemDef, load_instrument
from sscvisit.services.questionnaires import Answer
from sscvisit.ui.acr_panel import freeze
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import FieldForm, display_text, field_caption
from sscvisit.ui.messages import code_of, field_message
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.score_panel import MUTED_STYLE, ScorePanel
from sscvisit.ui.unsaved import UnsavedChangesDialog

# The questionnaires this form transcribes; capillaroscopy has a form of its own.
QUESTIONNAIRES = ("shaq", "rand36", "eq5d", "chfs")

# Keys typed after "." to give the reason an item is missing, in this order.
MISSING_KEYS = {"1": "not_answered", "2": "illegible", "3": "not_applicable"}
MISSING_PREFIX = "."

CODE_COLUMN, DESCRIPTION_COLUMN, ANSWER_COLUMN, MESSAGE_COLUMN = range(4)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the item code of a row, None on a group heading

_GROUP_BACKGROUND = QColor("#eef1f5")
_PENDING_BACKGROUND = QColor("#fff6d6")
_ERROR_BACKGROUND = QColor("#fdecea")
_ERROR_TEXT = QColor("#b00020")
_MUTED_TEXT = QColor("#6b7077")
_NUMBER_TEXT = re.compile(r"\d*([.,]\d*)?")
_PAGE_STEP = 10
_SERVICE_FIELDS = ("completed_on", "completed_by")

ModelIndex = QModelIndex | QPersistentModelIndex


def _reason_field() -> Field:
    return questionnaires.ANSWER_FIELDS["missing_reason"]


def missing_reason_label(reason: str, language: str) -> str:
    return _reason_field().code_label(reason, language)


def _number_text(value: float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _is_answered(item: ItemDef, answer: Answer) -> bool:
    """An item counts as done with a value, a missing reason, or (a tick box) always."""
    return item.kind == "flag" or answer.value is not None or answer.missing_reason is not None


def _single_key(item: ItemDef) -> bool:
    """One keystroke answers it: a choice whose answers are single digits."""
    return (
        item.kind == "choice"
        and item.minimum is not None
        and item.maximum is not None
        and item.minimum >= 0
        and item.maximum <= 9
    )


def _typed(item: ItemDef) -> bool:
    """Answered by typing several characters and Enter: numbers, text, long choices."""
    return item.kind in {"number", "text"} or (item.kind == "choice" and not _single_key(item))


def _range_text(item: ItemDef) -> str:
    low = _number_text(item.minimum)
    high = _number_text(item.maximum)
    if item.minimum is None and item.maximum is None:
        return ""
    text = f"{low}–{high}"
    return f"{text} {item.unit}" if item.unit else text


def _code_list(codes: Sequence[str], shown: int = 12) -> str:
    """Item codes for a message: the first few, then how many more."""
    if len(codes) <= shown:
        return ", ".join(codes)
    return QCoreApplication.translate("QuestionnaireForm", "{codes} and {n} more").format(
        codes=", ".join(codes[:shown]), n=len(codes) - shown
    )


@dataclass(frozen=True)
class GridRow:
    """One row of the grid: a group heading (``item`` None) or an item."""

    heading: str
    item: ItemDef | None


def grid_rows(instrument: InstrumentDef, language: str) -> list[GridRow]:
    """The items in definition order, with a heading row wherever the group changes."""
    labels = {group.code: group.label(language) for group in instrument.groups}
    rows: list[GridRow] = []
    current: str | None = None
    for item in instrument.items:
        if item.group is not None and item.group != current:
            rows.append(GridRow(labels.get(item.group, item.group), None))
        current = item.group
        rows.append(GridRow("", item))
    return rows


class AnswerModel(QAbstractTableModel):
    """The items of one instrument and what is entered for each; a thin model over a dict.

    Holds the answers, the typed-but-not-yet-accepted text of a number (``pending``) and the
    messages shown at rows. Changing an answer emits ``answerChanged`` with the item code.
    """

    answerChanged = Signal(str)  # noqa: N815 Qt signal name

    def __init__(
        self, instrument: InstrumentDef, language: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.language = language
        self._rows = grid_rows(instrument, language)
        self._row_of = {row.item.code: i for i, row in enumerate(self._rows) if row.item}
        self._answers: dict[str, Answer] = {item.code: Answer() for item in instrument.items}
        self._errors: dict[str, FieldError] = {}
        self._pending: tuple[str, str] | None = None
        self.read_only = False
        self._headers = (
            self.tr("Item"),
            self.tr("Description"),
            self.tr("Answer"),
            self.tr("Message"),
        )
        bold = QFont()
        bold.setBold(True)
        self._bold = bold
        italic = QFont()
        italic.setItalic(True)
        self._italic = italic

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 Qt signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        item = self._rows[index.row()].item
        if item is None:
            return Qt.ItemFlag.NoItemFlags  # headings take no focus and no click
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if item.kind == "flag" and index.column() == ANSWER_COLUMN and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        item = row.item
        if item is None:
            return self._heading_data(row, column, role)
        if role == ITEM_ROLE:
            return item.code
        answer = self._answers[item.code]
        pending = self._pending[1] if self._pending and self._pending[0] == item.code else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CODE_COLUMN:
                return item.code
            if column == DESCRIPTION_COLUMN:
                return item.label(self.language)
            if column == ANSWER_COLUMN:
                return self.answer_text(item.code)
            if column == MESSAGE_COLUMN:
                error = self._errors.get(item.code)
                return field_message(error) if error is not None else ""
        elif role == Qt.ItemDataRole.CheckStateRole:
            if column == ANSWER_COLUMN and item.kind == "flag":
                ticked = bool(answer.value)
                return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        elif role == Qt.ItemDataRole.ForegroundRole:
            if column == MESSAGE_COLUMN:
                return QBrush(_ERROR_TEXT)
            if (
                column == ANSWER_COLUMN
                and pending is None
                and (answer.missing_reason is not None or not _is_answered(item, answer))
            ):
                return QBrush(_MUTED_TEXT)
            if column == CODE_COLUMN:
                return QBrush(_MUTED_TEXT)
        elif role == Qt.ItemDataRole.BackgroundRole:
            if column == ANSWER_COLUMN and pending is not None:
                return QBrush(_PENDING_BACKGROUND)
            if item.code in self._errors:
                return QBrush(_ERROR_BACKGROUND)
        elif role == Qt.ItemDataRole.FontRole:
            if column == ANSWER_COLUMN and answer.missing_reason is not None:
                return self._italic
            if column == ANSWER_COLUMN and answer.value is not None:
                return self._bold
        elif role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        elif role == Qt.ItemDataRole.AccessibleTextRole and column == ANSWER_COLUMN:
            return f"{item.label(self.language)}: {self.answer_text(item.code)}"
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ticking a box with the mouse; everything else is typed through the grid."""
        item = self.item_at(index.row()) if index.isValid() else None
        if (
            item is None
            or self.read_only
            or item.kind != "flag"
            or index.column() != ANSWER_COLUMN
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        self.set_answer(item.code, Answer(value=1 if state == Qt.CheckState.Checked else 0))
        return True

    # -- rows ----------------------------------------------------------------------------------

    def item_at(self, row: int) -> ItemDef | None:
        return self._rows[row].item if 0 <= row < len(self._rows) else None

    def row_of(self, code: str) -> int:
        return self._row_of[code]

    def item_rows(self) -> list[int]:
        return list(self._row_of.values())

    def heading_rows(self) -> list[int]:
        return [i for i, row in enumerate(self._rows) if row.item is None]

    def item_codes(self) -> list[str]:
        """Item codes in grid order (the order the keys walk through)."""
        return list(self._row_of)

    # -- answers -------------------------------------------------------------------------------

    def answer(self, code: str) -> Answer:
        return self._answers[code]

    def answers(self) -> dict[str, Answer]:
        return dict(self._answers)

    def load(self, answers: Mapping[str, Answer]) -> None:
        self.beginResetModel()
        self._answers = {
            item.code: answers.get(item.code, Answer()) for item in self.instrument.items
        }
        self._errors.clear()
        self._pending = None
        self.endResetModel()

    def set_answer(self, code: str, answer: Answer) -> None:
        changed = self._answers[code] != answer
        self._answers[code] = answer
        had_error = self._errors.pop(code, None) is not None
        if changed or had_error:
            self._row_changed(code)
        if changed:
            self.answerChanged.emit(code)

    def answer_text(self, code: str) -> str:
        """What the answer cell shows: "2 · Moderate", "53 mm", "Missing: illegible", ..."""
        item = self.instrument.item(code)
        if self._pending is not None and self._pending[0] == code:
            return self._pending[1] + "▏"
        answer = self._answers[code]
        if answer.missing_reason is not None:
            return self.tr("Missing: {reason}").format(
                reason=missing_reason_label(answer.missing_reason, self.language)
            )
        value = answer.value
        if item.kind == "flag":
            return self.tr("yes") if value else ""
        if value is None:
            text = _range_text(item)
            return f"({text})" if text else ""
        if item.kind == "choice":
            option = item.option_label(value, self.language)
            text = _number_text(value)
            return f"{text} · {option}" if option and option != text else text
        if item.kind == "code":
            return item.option_label(value, self.language)
        if item.kind == "number":
            text = _number_text(value)
            return f"{text} {item.unit}" if item.unit else text
        return str(value)

    # -- pending number ------------------------------------------------------------------------

    def pending(self) -> tuple[str, str] | None:
        return self._pending

    def set_pending(self, code: str | None, text: str = "") -> None:
        old = self._pending
        self._pending = (code, text) if code is not None else None
        for changed in {old[0] if old else None, code} - {None}:
            assert changed is not None
            self._row_changed(changed)

    # -- messages ------------------------------------------------------------------------------

    def set_errors(self, errors: Iterable[FieldError]) -> None:
        """Show messages at the rows of their items (replacing those shown before)."""
        old = set(self._errors)
        self._errors = {e.field: e for e in errors if e.field in self._row_of}
        for code in old | set(self._errors):
            self._row_changed(code)

    def add_errors(self, errors: Iterable[FieldError]) -> None:
        for error in errors:
            if error.field in self._row_of:
                self._errors[error.field] = error
                self._row_changed(error.field)

    def error(self, code: str) -> FieldError | None:
        return self._errors.get(code)

    def errors(self) -> dict[str, FieldError]:
        return dict(self._errors)

    # -- internals -----------------------------------------------------------------------------

    def _row_changed(self, code: str) -> None:
        row = self._row_of[code]
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def _heading_data(self, row: GridRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == CODE_COLUMN:
            return row.heading
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_GROUP_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#202124"))
        return None

    def _tooltip(self, item: ItemDef) -> str:
        if item.kind in {"choice", "code"} and item.options_en:
            lines = []
            values = item.options if item.kind == "code" else None
            for position in range(len(item.options_en)):
                if values is not None:
                    key: float | str = values[position]
                    number = str(position + 1)
                else:
                    key = (item.minimum or 0) + position
                    number = _number_text(key)
                lines.append(f"{number} = {item.option_label(key, self.language)}")
            return "\n".join(lines)
        if item.kind == "number":
            return self.tr("Type a number ({range}), then Enter or Tab.").format(
                range=_range_text(item)
            )
        if item.kind == "flag":
            return self.tr("Space ticks or clears.")
        return ""


class AnswerGrid(QTableView):
    """The keys of transcription. Edits go to the model; ``hint`` reports refusals and modes.

    ``hint`` carries a code (for tests) and a sentence: "out_of_range", "missing_mode",
    "read_only", "not_a_flag", "number_pending", "cancelled" or "" (cleared).
    """

    hint = Signal(str, str)

    def __init__(self, model: AnswerModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answer_grid")
        self._model = model
        self._missing_mode = False
        self.menu: QMenu | None = None
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the grid (or accepts a typed number)
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.setShowGrid(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._open_menu_at)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(CODE_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(DESCRIPTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ANSWER_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Fixed)
        metrics = self.fontMetrics()
        widest_code = max(
            (metrics.horizontalAdvance(code) for code in model.item_codes()), default=60
        )
        self.setColumnWidth(CODE_COLUMN, max(widest_code + 24, 90))
        self.setColumnWidth(ANSWER_COLUMN, metrics.horizontalAdvance("0" * 30))
        self.setColumnWidth(MESSAGE_COLUMN, metrics.horizontalAdvance("0" * 24))
        for row in model.heading_rows():
            self.setSpan(row, 0, 1, model.columnCount())
        self._code_before_reset: str | None = None
        model.modelAboutToBeReset.connect(self._before_reset)
        model.modelReset.connect(self._after_reset)
        if model.item_rows():
            self.go_to_row(model.item_rows()[0])

    # -- navigation ----------------------------------------------------------------------------

    def current_code(self) -> str | None:
        item = self._model.item_at(self.currentIndex().row())
        return item.code if item is not None else None

    def go_to(self, code: str) -> None:
        self.go_to_row(self._model.row_of(code))

    def go_to_row(self, row: int) -> None:
        index = self._model.index(row, ANSWER_COLUMN)
        self.setCurrentIndex(index)
        self.scrollTo(self._model.index(row, 0))

    def currentChanged(self, current: ModelIndex, previous: ModelIndex) -> None:
        """Moving off a half-typed number (mouse, go_to) accepts it if it is in range."""
        pending = self._model.pending()
        if pending is not None and self._model.item_at(current.row()) is not None:
            item = self._model.item_at(current.row())
            assert item is not None
            if item.code != pending[0]:
                self.commit_pending(advance=False, quiet=True)
        super().currentChanged(current, previous)

    def _move(self, steps: int) -> None:
        rows = self._model.item_rows()
        if not rows:
            return
        current = self.currentIndex().row()
        position = rows.index(current) if current in rows else -1
        target = min(max(position + steps, 0), len(rows) - 1) if position >= 0 else 0
        self.go_to_row(rows[target])

    def _move_to_end(self, last: bool) -> None:
        rows = self._model.item_rows()
        if rows:
            self.go_to_row(rows[-1] if last else rows[0])

    def _advance(self) -> None:
        self._move(1)

    # -- keys ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            super().keyPressEvent(event)
            return
        moves = {
            Qt.Key.Key_Up: lambda: self._move(-1),
            Qt.Key.Key_Down: lambda: self._move(1),
            Qt.Key.Key_PageUp: lambda: self._move(-_PAGE_STEP),
            Qt.Key.Key_PageDown: lambda: self._move(_PAGE_STEP),
            Qt.Key.Key_Home: lambda: self._move_to_end(last=False),
            Qt.Key.Key_End: lambda: self._move_to_end(last=True),
        }
        if key in moves:
            if self._model.pending() is not None and not self.commit_pending(advance=False):
                event.accept()
                return
            self._end_missing_mode()
            moves[key]()
            event.accept()
            return
        item = self._model.item_at(self.currentIndex().row())
        if item is None:
            super().keyPressEvent(event)
            return
        if key in {Qt.Key.Key_F2, Qt.Key.Key_Menu}:
            self.open_menu()
            event.accept()
            return
        if self._model.read_only and ((text.isprintable() and text) or key in _EDIT_KEYS):
            self._say("read_only", self.tr("Read only: answers cannot be changed here."))
            event.accept()
            return
        if self._missing_mode:
            self._missing_key(item, key, text)
            event.accept()
            return
        if self._model.pending() is not None and self._pending_key(item, key, text):
            event.accept()
            return
        if self._answer_key(item, key, text):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab accepts a typed number (and moves on); otherwise it leaves the grid."""
        if self._model.pending() is not None:
            self.commit_pending(advance=next)
            return True
        return super().focusNextPrevChild(next)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._model.pending() is not None:
            self.commit_pending(advance=False, quiet=True)
        self._end_missing_mode()
        super().focusOutEvent(event)

    def _answer_key(self, item: ItemDef, key: Qt.Key, text: str) -> bool:
        """A key on an item with nothing typed yet; True when it was ours."""
        code = item.code
        if key in {Qt.Key.Key_Backspace, Qt.Key.Key_Delete}:
            self._model.set_answer(code, Answer())
            self._say("", "")
            return True
        if key in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            self._advance()
            return True
        if key == Qt.Key.Key_Escape:
            return False  # the dialog may close
        if text == MISSING_PREFIX and item.kind != "text":
            if item.kind == "flag":
                self._say("not_a_flag", self.tr("A tick box is never missing: Space ticks it."))
                return True
            self._missing_mode = True
            self._say(
                "missing_mode",
                self.tr(
                    "Missing because: 1 not answered · 2 illegible · 3 not applicable (Esc cancels)"
                ),
            )
            return True
        if item.kind == "flag":
            if key == Qt.Key.Key_Space:
                self._model.set_answer(
                    code, Answer(value=0 if self._model.answer(code).value else 1)
                )
                self._say("", "")
                return True
            if text in {"0", "1"}:
                self._model.set_answer(code, Answer(value=int(text)))
                self._say("", "")
                self._advance()
                return True
            if text and text.isprintable():
                self._say("out_of_range", self.tr("A tick box takes 1 (yes) or 0 (no)."))
                return True
            return False
        if _single_key(item) and len(text) == 1 and text.isdigit():
            value = int(text)
            assert item.minimum is not None
            assert item.maximum is not None
            if item.minimum <= value <= item.maximum:
                self._model.set_answer(code, Answer(value=value))
                self._say("", "")
                self._advance()
            else:
                self._refuse(item, text)
            return True
        if item.kind == "code" and len(text) == 1 and text.isdigit():
            position = int(text) - 1
            if 0 <= position < len(item.options):
                self._model.set_answer(code, Answer(value=item.options[position]))
                self._say("", "")
                self._advance()
            else:
                self._say(
                    "out_of_range",
                    self.tr("{code} takes 1–{n}; {key} was not entered.").format(
                        code=code, n=len(item.options), key=text
                    ),
                )
            return True
        if _typed(item) and text and text.isprintable() and key != Qt.Key.Key_Space:
            return self._type_into(item, "", text)
        if text and text.isprintable():
            # Swallowed: the view's type-ahead search would otherwise jump to another row.
            self._say(
                "out_of_range",
                self.tr("{code} takes {range}; {key} was not entered.").format(
                    code=item.code, range=_range_text(item) or "—", key=text
                ),
            )
            return True
        return False

    def _pending_key(self, item: ItemDef, key: Qt.Key, text: str) -> bool:
        """A key while a number is being typed; True when it was ours."""
        pending = self._model.pending()
        assert pending is not None
        code, typed = pending
        if code != item.code:
            self.commit_pending(advance=False, quiet=True)
            return False
        if key in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            self.commit_pending(advance=True)
            return True
        if key == Qt.Key.Key_Escape:
            self._model.set_pending(None)
            self._say("cancelled", self.tr("Typing cancelled; the answer is unchanged."))
            return True
        if key == Qt.Key.Key_Backspace:
            typed = typed[:-1]
            self._model.set_pending(code if typed else None, typed)
            return True
        if text and text.isprintable():
            return self._type_into(item, typed, text)
        return False

    def _type_into(self, item: ItemDef, typed: str, text: str) -> bool:
        candidate = typed + text
        if item.kind == "text":
            if item.max_length is not None and len(candidate) > item.max_length:
                self._say(
                    "too_long",
                    self.tr("At most {n} characters.").format(n=item.max_length),
                )
                return True
            self._model.set_pending(item.code, candidate)
            self._say("number_pending", self.tr("Enter or Tab accepts; Esc cancels."))
            return True
        if not self._number_prefix_ok(item, candidate):
            self._refuse(item, text)
            return True
        self._model.set_pending(item.code, candidate)
        self._say(
            "number_pending",
            self.tr("{code}: {range}. Enter or Tab accepts; Esc cancels.").format(
                code=item.code, range=_range_text(item)
            ),
        )
        return True

    def _number_prefix_ok(self, item: ItemDef, text: str) -> bool:
        """Could ``text`` still become an answer in range? (Typing may only make it longer.)"""
        if not _NUMBER_TEXT.fullmatch(text):
            return False
        whole, _sep, fraction = text.replace(",", ".").partition(".")
        allowed = item.decimals if item.kind == "number" else 0
        if _sep and allowed == 0:
            return False
        if len(fraction) > allowed:
            return False
        if not whole and not _sep:
            return False
        number = float(whole + "." + fraction if fraction else whole or "0")
        if item.maximum is not None and number > item.maximum:
            return False
        # The smallest this can still become is itself (more digits only make it larger).
        return len(whole) <= 9

    def commit_pending(self, *, advance: bool, quiet: bool = False) -> bool:
        """Accept the typed number (range-checked); False (and it stays) when it is refused."""
        pending = self._model.pending()
        if pending is None:
            return True
        code, typed = pending
        item = self._model.instrument.item(code)
        value: float | str | None
        if item.kind == "text":
            value = typed.strip() or None
        else:
            try:
                number = float(typed.replace(",", "."))
            except ValueError:
                self._model.set_pending(None)
                return True
            value = int(number) if item.kind == "choice" or item.decimals == 0 else number
            if item.minimum is not None and number < item.minimum:
                if quiet:
                    self._model.set_pending(None)
                    return True
                self._say(
                    "out_of_range",
                    self.tr("{code} takes {range}; {typed} is too low.").format(
                        code=code, range=_range_text(item), typed=typed
                    ),
                )
                return False
        self._model.set_pending(None)
        self._model.set_answer(code, Answer(value=value))
        self._say("", "")
        if advance:
            self._advance()
        return True

    def _missing_key(self, item: ItemDef, key: Qt.Key, text: str) -> None:
        self._missing_mode = False
        reason = MISSING_KEYS.get(text)
        if reason is not None:
            self._model.set_answer(item.code, Answer(missing_reason=reason))
            self._say("", "")
            self._advance()
        elif key == Qt.Key.Key_Escape:
            self._say("cancelled", self.tr("Not marked missing."))
        else:
            self._say(
                "cancelled",
                self.tr("Not marked missing: after '.' type 1, 2 or 3."),
            )

    def _end_missing_mode(self) -> None:
        if self._missing_mode:
            self._missing_mode = False
            self._say("", "")

    def _refuse(self, item: ItemDef, key: str) -> None:
        self._say(
            "out_of_range",
            self.tr("{code} takes {range}; {key} was not entered.").format(
                code=item.code, range=_range_text(item), key=key
            ),
        )

    def _say(self, code: str, text: str) -> None:
        self.hint.emit(code, text)

    # -- the menu (mouse, F2 and the menu key) -------------------------------------------------

    def open_menu(self) -> QMenu | None:
        """The current item's answers and missing reasons as a menu (non-blocking popup)."""
        index = self.currentIndex()
        rect = self.visualRect(self._model.index(index.row(), ANSWER_COLUMN))
        return self._popup(index.row(), rect.bottomLeft())

    def _open_menu_at(self, position: QPoint) -> None:
        index = self.indexAt(position)
        if index.isValid() and self._model.item_at(index.row()) is not None:
            self.go_to_row(index.row())
            self._popup(index.row(), position)

    def _popup(self, row: int, position: QPoint) -> QMenu | None:
        item = self._model.item_at(row)
        if item is None or self._model.read_only:
            return None
        menu = QMenu(self)
        menu.setObjectName("answer_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        language = self._model.language
        code = item.code
        if item.kind == "choice" and item.minimum is not None and item.maximum is not None:
            value = int(item.minimum)
            while value <= item.maximum:
                label = item.option_label(value, language)
                action = menu.addAction(f"{value} · {label}" if label else str(value))
                action.triggered.connect(
                    lambda _c=False, v=value: self._choose(code, Answer(value=v))
                )
                value += 1
        elif item.kind == "code":
            for number, option in enumerate(item.options, start=1):
                action = menu.addAction(f"{number} · {item.option_label(option, language)}")
                action.triggered.connect(
                    lambda _c=False, v=option: self._choose(code, Answer(value=v))
                )
        elif item.kind == "flag":
            for value, label in ((1, self.tr("Yes")), (0, self.tr("No"))):
                action = menu.addAction(label)
                action.triggered.connect(
                    lambda _c=False, v=value: self._choose(code, Answer(value=v))
                )
        if item.kind != "flag":
            menu.addSeparator()
            for key, reason in MISSING_KEYS.items():
                action = menu.addAction(
                    self.tr("Missing: {reason}\t. {key}").format(
                        reason=missing_reason_label(reason, language), key=key
                    )
                )
                action.triggered.connect(
                    lambda _c=False, r=reason: self._choose(code, Answer(missing_reason=r))
                )
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear\tBackspace"))
        clear.triggered.connect(lambda _c=False: self._choose(code, Answer()))
        self.menu = menu
        menu.popup(self.viewport().mapToGlobal(position))
        return menu

    def _choose(self, code: str, answer: Answer) -> None:
        self._model.set_pending(None)
        self._model.set_answer(code, answer)
        self._say("", "")

    def _before_reset(self) -> None:
        self._code_before_reset = self.current_code()

    def _after_reset(self) -> None:
        """Loading answers resets the model: keep the spans and the cursor where it was."""
        self.clearSpans()
        for row in self._model.heading_rows():
            self.setSpan(row, 0, 1, self._model.columnCount())
        code = self._code_before_reset
        if code is not None:
            self.go_to(code)
        elif self._model.item_rows():
            self.go_to_row(self._model.item_rows()[0])


_EDIT_KEYS = frozenset(
    {
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Space,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
    }
)


class QuestionnaireForm(QWidget):
    """One questionnaire of one visit: new, or the saved response opened for correction.

    ``saved`` carries the ``ResponseInfo`` the service returned. Open it in a window with
    ``QuestionnaireDialog``.
    """

    saved = Signal(object)  # ResponseInfo

    def __init__(
        self,
        ctx: UiContext,
        visit: VisitInfo,
        instrument_code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaire_form")
        self._ctx = ctx
        self._visit = visit
        self._language = ctx.language
        self.instrument = load_instrument(instrument_code)
        self._info: ResponseInfo | None = None
        self._baseline: tuple[object, ...] = ()
        self._saved_answers: dict[str, Answer] = {}
        self._read_only = not ctx.user.may("enter_data")
        self.reason_dialog: ReasonDialog | None = None
        self.status_code = ""
        load_error: ServiceError | None = None
        try:
            self._info = questionnaires.get_response(ctx.study, ctx.user, visit.id, instrument_code)
        except ServiceError as error:
            load_error = error
        self._build()
        if self._info is not None:
            self.load(self._info)
        else:
            self._new_baseline()
        if load_error is not None:
            self.banner.show_service_error(load_error)
            self._read_only = True
        self._apply_read_only()
        self._recompute()
        self._update_actions()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        language = self._language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)

        top = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("title")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.title_label.setText(
            self.tr("{instrument} — {subject}, {visit}").format(
                instrument=self.instrument.label(language),
                subject=self._visit.subject_number,
                visit=self._visit_text(),
            )
        )
        top.addWidget(self.title_label, 1)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state")
        self.state_label.setStyleSheet(MUTED_STYLE)
        top.addWidget(self.state_label)
        layout.addLayout(top)

        self.header_form = FieldForm(self._header_fields(), language, self)
        self.header_form.fieldEdited.connect(self._on_header_edited)
        self.header_form.validityChanged.connect(lambda _v: self._update_actions())
        layout.addWidget(self.header_form)

        middle = QHBoxLayout()
        middle.setSpacing(10)
        self.model = AnswerModel(self.instrument, language, self)
        self.grid = AnswerGrid(self.model, self)
        self.grid.setAccessibleName(self.instrument.label(language))
        self.model.answerChanged.connect(self._on_answer_changed)
        self.grid.hint.connect(self._show_hint)
        middle.addWidget(self.grid, 1)
        self.score_panel = ScorePanel(self.instrument, language, self)
        self.score_panel.setFixedWidth(330)
        middle.addWidget(self.score_panel)
        layout.addLayout(middle, 1)

        self.legend = QLabel(self._legend_text(), self)
        self.legend.setObjectName("key_legend")
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(MUTED_STYLE)
        layout.addWidget(self.legend)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_line")
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumHeight(self.status_label.fontMetrics().height() + 4)
        layout.addWidget(self.status_label)

        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)

        self.action_row = QHBoxLayout()
        self.action_row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        self.action_row.addWidget(self.save_button)
        layout.addLayout(self.action_row)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

        editors = self.header_form.editors()
        chain = [*editors, self.grid, self.save_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.setFocusProxy(self.grid)

    def _header_fields(self) -> dict[str, Field]:
        fields = questionnaires.RESPONSE_FIELDS
        by = fields["completed_by"]
        allowed = set(self.instrument.completed_by)
        return {
            "completed_on": fields["completed_on"],
            "completed_by": dataclasses.replace(
                by, codes=tuple(c for c in by.codes if not allowed or c.value in allowed)
            ),
        }

    def _visit_text(self) -> str:
        visit = self._visit
        label = visit.label(self._language)
        if visit.visit_date is None:
            return label
        return self.tr("{visit} on {date}").format(visit=label, date=visit.visit_date.isoformat())

    def _legend_text(self) -> str:
        items = self.instrument.items
        parts = []
        if any(_single_key(item) or item.kind == "code" for item in items):
            parts.append(self.tr("Digit: answer, next item"))
        parts.append(self.tr("↑ ↓ Home End: move"))
        parts.append(self.tr(".1  .2  .3: missing (not answered, illegible, not applicable)"))
        parts.append(self.tr("Backspace: clear"))
        if any(_typed(item) for item in items):
            parts.append(self.tr("Number: type, Enter or Tab"))
        if any(item.kind == "flag" for item in items):
            parts.append(self.tr("Space: tick"))
        parts.append(self.tr("F2: menu"))
        parts.append(self.tr("Ctrl+S: save"))
        return "  ·  ".join(parts)

    # -- public API ----------------------------------------------------------------------------

    def response_info(self) -> ResponseInfo | None:
        return self._info

    def is_read_only(self) -> bool:
        return self._read_only

    def is_dirty(self) -> bool:
        return self._snapshot() != self._baseline

    def item_codes(self) -> list[str]:
        """Item codes in the order the grid walks through them."""
        return self.model.item_codes()

    def answer(self, code: str) -> Answer:
        return self.model.answer(code)

    def go_to(self, code: str) -> None:
        """Put the cursor on an item (as the arrow keys would) and give the grid the focus."""
        self.grid.go_to(code)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_code(self, item: str) -> str | None:
        """The code (``code_of``) of the message shown at an item row or header field."""
        if item in _SERVICE_FIELDS:
            return self.header_form.error_code(item)
        error = self.model.error(item)
        return code_of(error) if error is not None else None

    def unanswered(self) -> list[str]:
        """Items with neither an answer nor a missing reason, in grid order."""
        return [
            code
            for code in self.model.item_codes()
            if not _is_answered(self.instrument.item(code), self.model.answer(code))
        ]

    def load(self, info: ResponseInfo) -> None:
        """Show a saved response; it becomes the baseline for changes."""
        self._info = info
        self._saved_answers = dict(info.answers)
        self.model.load(info.answers)
        self.header_form.load(
            {"completed_on": info.completed_on, "completed_by": info.completed_by}
        )
        self._baseline = self._snapshot()
        self._show_state()
        self._recompute()
        self._update_actions()

    def save(self) -> ReasonDialog | None:
        """Save; lists unanswered items instead, or asks for a reason when saved values change."""
        if self._read_only:
            return None
        self.banner.clear_error()
        if not self.grid.commit_pending(advance=False):
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        if self.header_form.check() is None:
            return None
        missing = self.unanswered()
        if missing:
            self.model.add_errors(FieldError(code, Problem.REQUIRED) for code in missing)
            self._show_hint(
                "unanswered",
                self.tr(
                    "Not saved. {n} items have no answer: {items}. Answer each, or mark it "
                    "missing with '.' and a reason."
                ).format(n=len(missing), items=_code_list(missing)),
            )
            self.grid.go_to(missing[0])
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        if self._info is not None and self._changes():
            return self._ask_reason()
        self._save(None)
        return None

    # -- reacting ------------------------------------------------------------------------------

    def _on_answer_changed(self, _code: str) -> None:
        self._recompute()
        self._update_actions()

    def _on_header_edited(self, _name: str) -> None:
        self._update_actions()

    def _show_hint(self, code: str, text: str) -> None:
        self.status_code = code
        self.status_label.setText(text)
        error = code in {"out_of_range", "unanswered", "read_only", "too_long"}
        self.status_label.setStyleSheet("color: #b00020;" if error else "")

    def _recompute(self) -> None:
        """The scores for what is on screen: pure computation, never the database."""
        try:
            lines = questionnaires.compute_scores(self.instrument.code, self.model.answers())
        except ValueError:
            return  # cannot happen with checked keys; keep the last scores rather than crash
        self.score_panel.show_scores(lines)

    # -- state ---------------------------------------------------------------------------------

    def _snapshot(self) -> tuple[object, ...]:
        answers = tuple(sorted(self._answers_to_send().items()))
        header = self.header_form.values()
        return (header.get("completed_on"), header.get("completed_by"), answers)

    def _new_baseline(self) -> None:
        defaults: dict[str, Value] = {"completed_on": self._visit.visit_date}
        codes = self.header_form.fields["completed_by"].codes
        if len(codes) >= 1 and self.instrument.completed_by:
            defaults["completed_by"] = self.instrument.completed_by[0]
        self.header_form.load(defaults)
        self._baseline = self._snapshot()
        self._show_state()

    def _answers_to_send(self) -> dict[str, Answer]:
        answers: dict[str, Answer] = {}
        for item in self.instrument.items:
            answer = self.model.answer(item.code)
            if item.kind == "flag":
                answer = Answer(value=1 if answer.value else 0)
            answers[item.code] = answer
        return answers

    def _show_state(self) -> None:
        info = self._info
        if info is None:
            text = self.tr("New, not saved yet")
        elif info.voided:
            text = self.tr("Void")
        else:
            text = self.tr("Saved (version {version})").format(version=info.version)
        if self._read_only:
            text = self.tr("{state} · read only").format(state=text)
        self.state_label.setText(text)

    def _apply_read_only(self) -> None:
        if self._info is not None and self._info.voided:
            self._read_only = True
        self.model.read_only = self._read_only
        for editor in self.header_form.editors():
            if isinstance(editor, QLineEdit):
                editor.setReadOnly(self._read_only)
            else:
                freeze(editor, self._read_only)
        self.save_button.setVisible(not self._read_only)
        self._show_state()

    def _update_actions(self) -> None:
        if self._read_only:
            self.save_button.setEnabled(False)
            return
        new = self._info is None
        self.save_button.setEnabled(self.header_form.is_valid() and (new or self.is_dirty()))

    # -- saving --------------------------------------------------------------------------------

    def _changes(self) -> list[tuple[str, str, str]]:
        """(label, old, new) for every saved value that differs from the screen."""
        info = self._info
        if info is None:
            return []
        language = self._language
        rows: list[tuple[str, str, str]] = []
        header = self.header_form.values()
        fields = self.header_form.fields
        old_header: dict[str, Value] = {
            "completed_on": info.completed_on,
            "completed_by": info.completed_by,
        }
        for name in _SERVICE_FIELDS:
            if header.get(name) != old_header[name]:
                spec = fields[name]
                rows.append(
                    (
                        field_caption(spec, language),
                        display_text(spec, old_header[name], language),
                        display_text(spec, header.get(name), language),
                    )
                )
        current = self._answers_to_send()
        for item in self.instrument.items:
            old = self._saved_answers.get(item.code, Answer())
            new = current[item.code]
            if item.kind == "flag":
                old = Answer(value=1 if old.value else 0)
            if old != new:
                rows.append(
                    (
                        f"{item.code} · {item.label(language)}",
                        self._answer_summary(item, old),
                        self._answer_summary(item, new),
                    )
                )
        return rows

    def _answer_summary(self, item: ItemDef, answer: Answer) -> str:
        if answer.missing_reason is not None:
            return self.tr("missing: {reason}").format(
                reason=missing_reason_label(answer.missing_reason, self._language)
            )
        if answer.value is None:
            return "—"
        if item.kind == "flag":
            return self.tr("yes") if answer.value else self.tr("no")
        if item.kind in {"choice", "code"}:
            label = item.option_label(answer.value, self._language)
            text = _number_text(answer.value)
            return f"{text} · {label}" if label and label != text else text
        text = _number_text(answer.value)
        return f"{text} {item.unit}" if item.unit else text

    def _ask_reason(self) -> ReasonDialog:
        dialog = ReasonDialog.for_change(self._changes(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _save(self, reason: str | None) -> None:
        header = self.header_form.values()
        completed_on = header.get("completed_on")
        completed_by = header.get("completed_by")
        info = self._info
        try:
            saved = questionnaires.save_response(
                self._ctx.study,
                self._ctx.user,
                self._visit.id,
                self.instrument.code,
                completed_on=completed_on,
                completed_by=completed_by,
                answers=self._answers_to_send(),
                reason=reason,
                expected_version=info.version if info is not None else None,
            )
        except FieldErrors as refused:
            self._place_errors(refused.errors)
            return
        except ReasonRequired as error:
            if reason is None and info is not None:
                self._ask_reason()
            else:
                self.banner.show_service_error(error)
            return
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.load(saved)
        self._show_hint("saved", self.tr("Saved."))
        self.saved.emit(saved)

    def _place_errors(self, errors: Sequence[FieldError]) -> None:
        items = [e for e in errors if e.field in set(self.model.item_codes())]
        rest = self.header_form.show_errors(e for e in errors if e not in items)
        self.model.set_errors(items)
        if rest:
            self.banner.show_error(rest[0], field_message(rest[0]))
        if items:
            self._show_hint(
                "refused",
                self.tr("Not saved: {n} items need attention (see the Message column).").format(
                    n=len(items)
                ),
            )
            self.grid.go_to(items[0].field)
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_actions()


class QuestionnaireDialog(UnsavedChangesDialog):
    """The questionnaire form in its own window, sized for a 1366x768 screen.

    ``saved`` repeats the form's signal. Closing with unsaved changes asks first.
    """

    saved = Signal(object)  # ResponseInfo

    _default_size: ClassVar[tuple[int, int]] = (1340, 740)

    def __init__(
        self,
        ctx: UiContext,
        visit: VisitInfo,
        instrument_code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaire_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.form = QuestionnaireForm(ctx, visit, instrument_code, self)
        self.setWindowTitle(self.form.title_label.text())
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.form, 1)
        self.form.action_row.addSpacing(12)
        self.form.action_row.addWidget(self.close_button)
        QWidget.setTabOrder(self.form.save_button, self.close_button)
        self.form.saved.connect(self.saved)
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen is not None else None
        width, height = self._default_size
        if available is not None:
            width = min(width, available.width() - 20)
            height = min(height, available.height() - 20)
        self.resize(max(width, 800), max(height, 560))
        self.form.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_unsaved_changes(self) -> bool:
        return self.form.is_dirty() and not self.form.is_read_only()

    def unsaved_changes_text(self) -> str:
        return self.tr("The questionnaire has unsaved answers. Close and discard them?")
