"""Nailfold capillaroscopy: the 8 fingers x the semi-quantitative parameters, typed by keyboard.

The grid is built from the instrument definition (resources/instruments/capillaroscopy.json):
one column per finger group (L2..L5, R2..R5, the two hands side by side), one row per item
suffix of a finger (density, the 0-3 parameters, the counts, "not assessable" last). Entry runs
finger by finger, down the column: typing a digit answers a 0-3 cell and moves on, a refused
digit is named beside the grid, numbers are typed into an editor that refuses out-of-range
input and Enter moves on. A missing cell gets an explicit reason, never a blank guess: ``.``
then 1 (not answered), 2 (illegible) or 3 (not applicable), the same keys as the questionnaire
form. Ticking "not assessable" greys a finger and
leaves it out of every mean. The summary beside the grid is the questionnaires' ``ScorePanel``
showing ``questionnaires.compute_scores`` after every change; nothing is computed here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QValidator,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.scoring import acr_eular
from sscvisit.services import instruments, questionnaires
from sscvisit.services.dto import ResponseInfo, VisitInfo
from sscvisit.services.errors import ConflictError, ReasonRequired, ServiceError
from sscvisit.services.instruments import InstrumentDef, ItemDef
from sscvisit.services.questionnaires import Answer, ScoreLine
from sscvisit.ui.acr_panel import freeze
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import ERROR_STYLE, FieldForm
from sscvisit.ui.messages import code_of, field_message
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.score_panel import ScorePanel

INSTRUMENT = "capillaroscopy"
NOT_ASSESSABLE = "not_assessable"
# Keys typed after "." to give the reason a cell is missing (as in the questionnaire form).
MISSING_KEYS = {"1": "not_answered", "2": "illegible", "3": "not_applicable"}
MISSING_PREFIX = "."
DETAIL_ITEMS = ("image_reference", "assessor")

MUTED_STYLE = "color: #5f6368;"
ERROR_BACKGROUND = QColor("#fde7ea")
ERROR_FRAME = QColor("#b00020")
MISSING_BACKGROUND = QColor("#fff4e5")
MISSING_TEXT = QColor("#7a4100")
EXCLUDED_BACKGROUND = QColor("#e4e4e4")
EXCLUDED_TEXT = QColor("#8a8a8a")
HAND_LINE = QColor("#404040")
COLUMN_WIDTH = 64


def abnormal_capillaries(response: ResponseInfo | None) -> bool:
    """Whether the assessor's overall pattern is a scleroderma pattern (early, active or late).

    For the ACR/EULAR panel at screening: "abnormal nailfold capillaries" scores 2 points.
    """
    if response is None or response.voided:
        return False
    answer = response.answers.get("pattern")
    pattern = answer.value if answer is not None else None
    return isinstance(pattern, str) and acr_eular.capillaroscopy_finding(pattern) is True


def missing_label(reason: str, language: str) -> str:
    """The full name of a missing-data reason, from its declaration."""
    return questionnaires.ANSWER_FIELDS["missing_reason"].code_label(reason, language)


def missing_mark(reason: str) -> str:
    """The short mark a missing cell shows (explained in the key under the grid)."""
    marks = {
        "not_answered": QCoreApplication.translate("CapillaroscopyForm", "n.ans."),
        "illegible": QCoreApplication.translate("CapillaroscopyForm", "illeg."),
        "not_applicable": QCoreApplication.translate("CapillaroscopyForm", "n/a"),
    }
    return marks.get(reason, reason)


def answer_text(item: ItemDef, answer: Answer | None, language: str) -> str:
    """An answer as read-only text (the reason-for-change list)."""
    if answer is None or (answer.value is None and not answer.missing_reason):
        return "—"
    if answer.value is None:
        return missing_label(answer.missing_reason or "", language)
    if item.kind == "flag":
        return (
            QCoreApplication.translate("CapillaroscopyForm", "Yes")
            if answer.value == 1
            else QCoreApplication.translate("CapillaroscopyForm", "No")
        )
    if item.kind == "code":
        return item.option_label(answer.value, language)
    return _number_text(item, answer.value)


def _number_text(item: ItemDef, value: float | str) -> str:
    if isinstance(value, str):
        return value
    if item.kind in {"choice", "flag"} or (float(value).is_integer() and item.decimals == 0):
        return str(int(value))
    return f"{value:.{max(item.decimals, 1)}f}"


def _same(old: Answer | None, new: Answer | None) -> bool:
    before = old or Answer()
    after = new or Answer()
    return (before.value, before.missing_reason or None) == (
        after.value,
        after.missing_reason or None,
    )


# --- the grid's model ---------------------------------------------------------------------------


class CapillaroscopyModel(QAbstractTableModel):
    """The grid's answers: columns = fingers, rows = the item suffixes of a finger.

    Values of a finger marked not assessable are kept (unticking brings them back) but never
    handed out for saving or scoring.
    """

    answersChanged = Signal()  # noqa: N815 Qt signal name

    def __init__(
        self, definition: InstrumentDef, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._definition = definition
        self._language = language
        fingers = [
            group for group in definition.groups if f"{group.code}_{NOT_ASSESSABLE}" in group.items
        ]
        self.fingers: tuple[str, ...] = tuple(group.code for group in fingers)
        self._finger_labels = {group.code: group.label(language) for group in fingers}
        first = fingers[0]
        suffixes = [code.removeprefix(f"{first.code}_") for code in first.items]
        self.rows: tuple[str, ...] = tuple(
            [s for s in suffixes if s != NOT_ASSESSABLE] + [NOT_ASSESSABLE]
        )
        self._row_labels = {
            s: self._row_label(definition.item(f"{first.code}_{s}")) for s in suffixes
        }
        self._answers: dict[str, Answer] = {}
        self._errors: dict[str, FieldError] = {}
        self._editable = True

    def _row_label(self, item: ItemDef) -> str:
        """The item's own label without its finger ("Left D2: density" -> "Density (/mm)")."""
        text = item.label(self._language)
        prefix = self._finger_labels[item.group or ""] + ": " if item.group else ""
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        text = text[:1].upper() + text[1:]
        return f"{text} ({item.unit})" if item.unit else text

    # -- addressing --------------------------------------------------------------------------

    def code_at(self, row: int, column: int) -> str:
        return f"{self.fingers[column]}_{self.rows[row]}"

    def index_of(self, code: str) -> QModelIndex:
        finger, _, suffix = code.partition("_")
        return self.index(self.rows.index(suffix), self.fingers.index(finger))

    def codes(self) -> list[str]:
        """Every item code of the grid, finger by finger."""
        return [f"{finger}_{row}" for finger in self.fingers for row in self.rows]

    def item(self, code: str) -> ItemDef:
        return self._definition.item(code)

    def finger_label(self, finger: str) -> str:
        return self._finger_labels[finger]

    def row_label(self, suffix: str) -> str:
        return self._row_labels[suffix]

    def cell_label(self, code: str) -> str:
        return self.item(code).label(self._language)

    def entry_cell(self, row: int, column: int) -> bool:
        """A cell the typing runs through: a parameter of an assessable finger."""
        return self.rows[row] != NOT_ASSESSABLE and not self.not_assessable(self.fingers[column])

    # -- values ------------------------------------------------------------------------------

    def answer(self, code: str) -> Answer:
        return self._answers.get(code, Answer())

    def not_assessable(self, finger: str) -> bool:
        return self.answer(f"{finger}_{NOT_ASSESSABLE}").value == 1

    def editable(self) -> bool:
        return self._editable

    def set_editable(self, editable: bool) -> None:
        self.beginResetModel()
        self._editable = editable
        self.endResetModel()

    def load(self, answers: Mapping[str, Answer]) -> None:
        """Show saved answers; a finger not assessable shows its cells empty."""
        self.beginResetModel()
        self._answers = {}
        self._errors = {}
        excluded = {
            f for f in self.fingers if (answers.get(f"{f}_{NOT_ASSESSABLE}") or Answer()).value == 1
        }
        for code in self.codes():
            answer = answers.get(code)
            if answer is None:
                continue
            finger, _, suffix = code.partition("_")
            if finger in excluded and suffix != NOT_ASSESSABLE:
                continue
            if suffix == NOT_ASSESSABLE and answer.value != 1:
                continue
            self._answers[code] = answer
        self.endResetModel()
        self.answersChanged.emit()

    def set_answer(self, code: str, answer: Answer | None) -> None:
        """Change one cell (None or an empty Answer clears it); clears the cell's message."""
        if answer is None or (answer.value is None and not answer.missing_reason):
            self._answers.pop(code, None)
        else:
            self._answers[code] = answer
        self._errors.pop(code, None)
        finger = code.partition("_")[0]
        if code.endswith(f"_{NOT_ASSESSABLE}"):
            column = self.fingers.index(finger)
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
        else:
            index = self.index_of(code)
            self.dataChanged.emit(index, index)
        self.answersChanged.emit()

    def set_value(self, code: str, value: float | str | None) -> None:
        """A checked answer (raises FieldError naming the item when the value is refused)."""
        checked = instruments.check_answer(self.item(code), value)
        self.set_answer(code, Answer(checked))

    def set_not_assessable(self, finger: str, excluded: bool) -> None:
        self.set_answer(f"{finger}_{NOT_ASSESSABLE}", Answer(1) if excluded else None)

    def mark_missing(self, code: str, reason: str) -> None:
        self.set_answer(code, Answer(None, reason))

    def answers(self) -> dict[str, Answer]:
        """Every grid item as it is to be saved: a finger not assessable is ticked, the rest n/a."""
        out: dict[str, Answer] = {}
        for finger in self.fingers:
            excluded = self.not_assessable(finger)
            for row in self.rows:
                code = f"{finger}_{row}"
                if row == NOT_ASSESSABLE:
                    out[code] = Answer(1 if excluded else 0)
                elif excluded:
                    out[code] = Answer(None, "not_applicable")
                else:
                    out[code] = self.answer(code)
        return out

    def filled_count(self) -> tuple[int, int]:
        """(cells answered or marked missing, cells to fill) over the assessable fingers."""
        cells = [
            self.code_at(r, c)
            for c in range(len(self.fingers))
            for r in range(len(self.rows))
            if self.entry_cell(r, c)
        ]
        done = sum(
            1
            for code in cells
            if self.answer(code).value is not None or self.answer(code).missing_reason
        )
        return done, len(cells)

    # -- messages ----------------------------------------------------------------------------

    def set_errors(self, errors: Sequence[FieldError]) -> None:
        for error in errors:
            self._errors[error.field] = error
            if error.field in self.codes():
                index = self.index_of(error.field)
                self.dataChanged.emit(index, index)

    def clear_errors(self) -> None:
        codes = list(self._errors)
        self._errors.clear()
        for code in codes:
            index = self.index_of(code)
            self.dataChanged.emit(index, index)

    def error(self, code: str) -> FieldError | None:
        return self._errors.get(code)

    def errors(self) -> dict[str, FieldError]:
        return dict(self._errors)

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.fingers)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._editable:
            return flags
        code = self.code_at(index.row(), index.column())
        if self.rows[index.row()] == NOT_ASSESSABLE:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if self.entry_cell(index.row(), index.column()) and self.item(code).kind == "number":
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        code = self.code_at(index.row(), index.column())
        item = self.item(code)
        answer = self.answer(code)
        flag_row = self.rows[index.row()] == NOT_ASSESSABLE
        excluded = not flag_row and self.not_assessable(self.fingers[index.column()])
        error = self._errors.get(code)
        if role == Qt.ItemDataRole.CheckStateRole:
            if not flag_row:
                return None
            return Qt.CheckState.Checked if answer.value == 1 else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if flag_row:
                return None
            if answer.value is not None:
                return _number_text(item, answer.value)
            return missing_mark(answer.missing_reason) if answer.missing_reason else ""
        if role == Qt.ItemDataRole.EditRole:
            return "" if answer.value is None else _number_text(item, answer.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, answer, error)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.label(self._language)}: {answer_text(item, answer, self._language)}"
        if role == Qt.ItemDataRole.BackgroundRole:
            if error is not None:
                return QBrush(ERROR_BACKGROUND)
            if excluded:
                return QBrush(EXCLUDED_BACKGROUND)
            if answer.value is None and answer.missing_reason:
                return QBrush(MISSING_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if excluded:
                return QBrush(EXCLUDED_TEXT)
            if answer.value is None and answer.missing_reason:
                return QBrush(MISSING_TEXT)
            return None
        if role == Qt.ItemDataRole.FontRole and answer.value is None and answer.missing_reason:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _tooltip(self, item: ItemDef, answer: Answer, error: FieldError | None) -> str:
        lines = [item.label(self._language)]
        if item.kind == "choice" and item.minimum is not None and item.maximum is not None:
            lines.extend(
                f"{int(item.minimum) + i} = {label}"
                for i, label in enumerate(
                    item.options_nl if self._language == "nl" else item.options_en
                )
            )
        elif item.kind == "number" and item.minimum is not None and item.maximum is not None:
            lines.append(
                QCoreApplication.translate("CapillaroscopyForm", "{low} to {high}").format(
                    low=_number_text(item, item.minimum), high=_number_text(item, item.maximum)
                )
            )
        if answer.value is None and answer.missing_reason:
            lines.append(missing_label(answer.missing_reason, self._language))
        if error is not None:
            lines.append(field_message(error))
        return "\n".join(lines)

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or not self._editable:
            return False
        code = self.code_at(index.row(), index.column())
        if role == Qt.ItemDataRole.CheckStateRole and self.rows[index.row()] == NOT_ASSESSABLE:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
            self.set_not_assessable(self.fingers[index.column()], checked)
            return True
        if role != Qt.ItemDataRole.EditRole or not self.entry_cell(index.row(), index.column()):
            return False
        text = "" if value is None else str(value).strip()
        if not text:
            self.set_answer(code, None)
            return True
        try:
            self.set_value(code, text)
        except FieldError as error:
            self.set_answer(code, None)
            self.set_errors([error])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self.rows):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self._row_labels[self.rows[section]]
            return None
        if not 0 <= section < len(self.fingers):
            return None
        finger = self.fingers[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"D{finger[1:]}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._finger_labels[finger]
        if role == Qt.ItemDataRole.ForegroundRole and self.not_assessable(finger):
            return QBrush(EXCLUDED_TEXT)
        return None


# --- the grid view ------------------------------------------------------------------------------


class _NumberValidator(QValidator):
    """Digits with at most the item's decimals, never above its maximum.

    Out-of-range numbers cannot be typed at all (the key is refused), as the issue asks.
    """

    def __init__(self, item: ItemDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item = item

    def validate(self, text: str, pos: int) -> object:
        body = text.replace(",", ".")
        whole, dot, fraction = body.partition(".")
        if not whole.isdigit() and whole != "":
            return QValidator.State.Invalid
        if dot and (self._item.decimals == 0 or not (fraction == "" or fraction.isdigit())):
            return QValidator.State.Invalid
        if len(fraction) > self._item.decimals:
            return QValidator.State.Invalid
        if body in {"", "."}:
            return QValidator.State.Acceptable if body == "" else QValidator.State.Intermediate
        value = float(body)
        if self._item.maximum is not None and value > self._item.maximum:
            return QValidator.State.Invalid
        if self._item.minimum is not None and value < self._item.minimum:
            return QValidator.State.Intermediate
        return QValidator.State.Acceptable


class _GridDelegate(QStyledItemDelegate):
    """Number editors that refuse out-of-range input; a line between the two hands."""

    def __init__(self, model: CapillaroscopyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.split_column = sum(1 for f in model.fingers if f.startswith("L"))

    def createEditor(
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        item = self._model.item(self._model.code_at(index.row(), index.column()))
        editor = QLineEdit(parent)
        editor.setObjectName("cell_editor")
        editor.setValidator(_NumberValidator(item, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        rect = option.rect
        painter.save()
        if self._model.error(self._model.code_at(index.row(), index.column())) is not None:
            # A frame, so that the cell still shows its problem while it is selected.
            painter.setPen(QPen(ERROR_FRAME, 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if index.column() == self.split_column:
            painter.setPen(QPen(HAND_LINE, 2))
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
        painter.restore()


class CapillaroscopyGrid(QTableView):
    """Keyboard entry: a digit answers and moves on, ". 1/2/3" marks missing, x skips a finger."""

    refused = Signal(str, object)  # item code, FieldError: a key that was not taken
    finished = Signal()  # moved on past the last cell
    missingModeChanged = Signal(bool)  # noqa: N815 Qt signal name; "." waits for 1, 2 or 3

    def __init__(self, model: CapillaroscopyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capillaroscopy_grid")
        self._model = model
        self.missing_mode = False
        self.setModel(model)
        self.delegate = _GridDelegate(model, self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(False)  # Tab leaves the grid; arrows and typing move within
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(COLUMN_WIDTH)
        header.setHighlightSections(True)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(self.fontMetrics().height() + 14, 30))
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setHighlightSections(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        width = (
            self.verticalHeader().sizeHint().width()
            + self.horizontalHeader().length()
            + 2 * self.frameWidth()
        )
        height = (
            self.horizontalHeader().sizeHint().height()
            + self.verticalHeader().length()
            + 2 * self.frameWidth()
        )
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # -- moving ------------------------------------------------------------------------------

    def current_code(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self._model.code_at(index.row(), index.column())

    def go_to(self, code: str) -> None:
        self.setCurrentIndex(self._model.index_of(code))

    def first_cell(self) -> QModelIndex | None:
        return self._next_entry(-1, 0)

    def _next_entry(self, row: int, column: int) -> QModelIndex | None:
        """The entry cell after (row, column), finger by finger; None after the last."""
        rows, columns = len(self._model.rows), len(self._model.fingers)
        position = column * rows + row
        for step in range(position + 1, rows * columns):
            c, r = divmod(step, rows)
            if self._model.entry_cell(r, c):
                return self._model.index(r, c)
        return None

    def move_next(self) -> None:
        index = self.currentIndex()
        following = self._next_entry(index.row(), index.column()) if index.isValid() else None
        if following is None:
            self.finished.emit()
            return
        self.setCurrentIndex(following)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        advance = hint in {
            QAbstractItemDelegate.EndEditHint.SubmitModelCache,
            QAbstractItemDelegate.EndEditHint.EditNextItem,
        }
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if advance:
            self.move_next()

    # -- typing ------------------------------------------------------------------------------

    def set_missing_mode(self, on: bool) -> None:
        if on != self.missing_mode:
            self.missing_mode = on
            self.missingModeChanged.emit(on)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.set_missing_mode(False)
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if (
            not index.isValid()
            or not self._model.editable()
            or self.state() == QAbstractItemView.State.EditingState
        ):
            super().keyPressEvent(event)
            return
        key = event.key()
        text = event.text()
        code = self._model.code_at(index.row(), index.column())
        if self.missing_mode:
            # The key after ".": 1, 2 or 3 gives the reason; anything else cancels.
            self.set_missing_mode(False)
            reason = MISSING_KEYS.get(text)
            if reason is not None:
                self._model.mark_missing(code, reason)
                self.move_next()
            return
        finger = self._model.fingers[index.column()]
        flag_row = self._model.rows[index.row()] == NOT_ASSESSABLE
        if key in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            self.move_next()
            return
        if text in {"x", "X"} or (flag_row and key == Qt.Key.Key_Space):
            self._model.set_not_assessable(finger, not self._model.not_assessable(finger))
            return
        if key in {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}:
            if self._model.entry_cell(index.row(), index.column()):
                self._model.set_answer(code, None)
            return
        if not text or not text.isprintable():
            super().keyPressEvent(event)  # arrows, Home, End, page keys: move
            return
        if flag_row:
            if text in {"0", "1"}:
                self._model.set_not_assessable(finger, text == "1")
            return
        if not self._model.entry_cell(index.row(), index.column()):
            return  # a finger not assessable takes no answers
        if text == MISSING_PREFIX:
            self.set_missing_mode(True)
            return
        item = self._model.item(code)
        if item.kind == "choice":
            if text.isdigit():
                try:
                    self._model.set_value(code, int(text))
                except FieldError as error:
                    QApplication.beep()
                    self.refused.emit(code, error)
                    return
                self.move_next()
            return
        if item.kind == "number" and (text.isdigit() or text == ","):
            super().keyPressEvent(event)  # opens the number editor with this key
            return
        QApplication.beep()


class _HandBand(QWidget):
    """ "Left hand" and "Right hand" over their finger columns."""

    def __init__(self, grid: CapillaroscopyGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = grid
        self.setObjectName("hand_band")
        self.setFixedHeight(self.fontMetrics().height() + 8)

    def paintEvent(self, _event: QPaintEvent) -> None:
        model = self._grid.model()
        assert isinstance(model, CapillaroscopyModel)
        offset = (
            self._grid.viewport().mapTo(self.window(), QPoint(0, 0)).x()
            - self.mapTo(self.window(), QPoint(0, 0)).x()
        )
        left = [c for c, f in enumerate(model.fingers) if f.startswith("L")]
        right = [c for c, f in enumerate(model.fingers) if f.startswith("R")]
        painter = QPainter(self)
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        for columns, text in (
            (left, self.tr("Left hand")),
            (right, self.tr("Right hand")),
        ):
            if not columns:
                continue
            x0 = offset + self._grid.columnViewportPosition(columns[0])
            x1 = (
                offset
                + self._grid.columnViewportPosition(columns[-1])
                + self._grid.columnWidth(columns[-1])
            )
            rect = QRectF(x0 + 2, 0, x1 - x0 - 4, self.height())
            painter.setPen(QPen(HAND_LINE, 1))
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()


# --- the form -----------------------------------------------------------------------------------


class CapillaroscopyForm(QWidget):
    """One visit's capillaroscopy: the grid, the details, the live summary and Save.

    ``visit`` (the visit's VisitInfo, as the timeline holds it) gives the heading and the
    default completion date; without it the date starts empty. Read-only without enter_data.
    """

    saved = Signal(object)  # the ResponseInfo the service returned

    def __init__(
        self,
        ctx: UiContext,
        visit_id: int,
        parent: QWidget | None = None,
        *,
        visit: VisitInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.visit_id = visit_id
        self.visit = visit
        self.setObjectName("capillaroscopy_form")
        self.definition = instruments.load_instrument(INSTRUMENT)
        self.response: ResponseInfo | None = None
        self.reason_dialog: ReasonDialog | None = None
        self._conflict = False
        self._notice: tuple[str, FieldError] | None = None
        self._saved_details: dict[str, Answer] = {}
        language = ctx.language
        self.read_only = not ctx.user.may("enter_data")

        self.model = CapillaroscopyModel(self.definition, language, self)
        self.grid = CapillaroscopyGrid(self.model, self)
        self.band = _HandBand(self.grid, self)
        self.summary = ScorePanel(self.definition, language, self)

        self._detail_fields: dict[str, Field] = {
            "image_reference": self.definition.item("image_reference").field(),
            "assessor": self.definition.item("assessor").field(),
            "completed_on": dataclasses.replace(
                questionnaires.RESPONSE_FIELDS["completed_on"], required=True
            ),
            "pattern": dataclasses.replace(self.definition.item("pattern").field(), required=True),
        }
        self.details = FieldForm(self._detail_fields, language, self)

        self.heading = QLabel(self._heading_text(), self)
        self.heading.setObjectName("heading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)

        self.legend = QLabel(self._legend_text(), self)
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(MUTED_STYLE)
        self.cell_message = QLabel(self)
        self.cell_message.setObjectName("cell_message")
        self.cell_message.setWordWrap(True)
        self.cell_message.setStyleSheet(ERROR_STYLE)
        self.progress = QLabel(self)
        self.progress.setObjectName("progress")
        self.banner = ErrorBanner(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)

        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(self.band)
        left.addWidget(self.grid)
        left.addWidget(self.legend)
        left.addWidget(self.cell_message)
        left.addSpacing(8)
        left.addWidget(self.details)
        left.addStretch(1)
        grid_width = self.grid.sizeHint().width()
        self.legend.setMaximumWidth(max(grid_width, 560))
        self.cell_message.setMaximumWidth(max(grid_width, 560))
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(12)
        body.addLayout(right, 2)
        footer = QHBoxLayout()
        footer.addWidget(self.progress, 1)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        layout.addWidget(self.banner)
        layout.addLayout(footer)

        chain: list[QWidget] = [self.grid, *self.details.editors(), self.save_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

        self.model.answersChanged.connect(self._on_answers_changed)
        self.grid.refused.connect(self._on_refused)
        self.grid.finished.connect(self._on_grid_finished)
        self.grid.missingModeChanged.connect(lambda _on: self._show_cell_message())
        selection = self.grid.selectionModel()
        selection.currentChanged.connect(lambda *_: self._on_current_changed())
        self.details.fieldEdited.connect(self._on_detail_edited)
        self.save_button.clicked.connect(self.submit)

        self._load()
        if self.read_only:
            self.model.set_editable(False)
            for editor in self.details.editors():
                freeze(editor, True)
            self.save_button.hide()
            self.legend.setText(self.tr("Read only: your role may view but not change data."))
        first = self.grid.first_cell()
        if first is not None:
            self.grid.setCurrentIndex(first)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_save()

    # -- building ----------------------------------------------------------------------------

    def _heading_text(self) -> str:
        title = self.definition.label(self._ctx.language)
        if self.visit is None:
            return title
        return f"{self.visit.subject_number} · {self.visit.label(self._ctx.language)} · {title}"

    def _legend_text(self) -> str:
        language = self._ctx.language
        return self.tr(
            "Keys: 0–3 scores the cell and moves on · numbers: type, then Enter · "
            "missing: . then 1 {not_answered} ({mark1}), 2 {illegible} ({mark2}), "
            "3 {not_applicable} ({mark3}) · Del clears · x: finger not assessable · "
            "arrows move, Tab leaves the grid."
        ).format(
            not_answered=missing_label("not_answered", language).lower(),
            illegible=missing_label("illegible", language).lower(),
            not_applicable=missing_label("not_applicable", language).lower(),
            mark1=missing_mark("not_answered"),
            mark2=missing_mark("illegible"),
            mark3=missing_mark("not_applicable"),
        )

    def _load(self) -> None:
        try:
            self.response = questionnaires.get_response(
                self._ctx.study, self._ctx.user, self.visit_id, INSTRUMENT
            )
        except ServiceError as error:
            self.banner.show_service_error(error)
            self.response = None
        self._show_response(self.response)

    def _show_response(self, response: ResponseInfo | None) -> None:
        answers = dict(response.answers) if response is not None else {}
        self.model.load(answers)
        self._saved_details = {code: answers.get(code, Answer()) for code in DETAIL_ITEMS}
        values: dict[str, Value] = {}
        for code in (*DETAIL_ITEMS, "pattern"):
            value = answers.get(code, Answer()).value
            values[code] = value if isinstance(value, str) else None
        if response is not None:
            values["completed_on"] = response.completed_on
        elif self.visit is not None:
            values["completed_on"] = self.visit.visit_date
        self.details.load(values)
        self._notice = None
        self._on_answers_changed()

    # -- public ------------------------------------------------------------------------------

    def answers(self) -> dict[str, Answer]:
        """The whole form as it would be saved (grid, pattern, image reference, assessor)."""
        out = self.model.answers()
        values = self.details.values()
        pattern = values.get("pattern")
        out["pattern"] = Answer(pattern if isinstance(pattern, str) else None)
        for code in DETAIL_ITEMS:
            text = values.get(code)
            if isinstance(text, str) and text.strip():
                out[code] = Answer(text.strip())
            else:
                # Still blank: keep the reason it was saved missing with, if any.
                saved = self._saved_details.get(code, Answer())
                out[code] = Answer(None, saved.missing_reason) if saved.value is None else Answer()
        return out

    def scores(self) -> list[ScoreLine]:
        return questionnaires.compute_scores(INSTRUMENT, self.model.answers())

    def summary_text(self, key: str) -> str:
        """The value the summary shows for a score ("—" while not computable)."""
        return self.summary.value_text(key)

    def error_code(self, name: str | None = None) -> str | None:
        """The code shown at a grid cell or detail field (``code_of``); the banner's when None."""
        if name is None:
            return self.banner.code
        if name in self._detail_fields:
            return self.details.error_code(name)
        error = self.model.error(name)
        if error is not None:
            return code_of(error)
        if self._notice is not None and self._notice[0] == name:
            return code_of(self._notice[1])
        return None

    def editor(self, name: str) -> QWidget:
        return self.details.editor(name)

    def is_saved(self) -> bool:
        return self.response is not None

    def changes(self) -> list[tuple[str, str, str]] | None:
        """None before the first save; else the saved values this save changes."""
        if self.response is None:
            return None
        language = self._ctx.language
        out: list[tuple[str, str, str]] = []
        completed = self.details.values().get("completed_on")
        if completed != self.response.completed_on:
            field = self._detail_fields["completed_on"]
            out.append(
                (
                    field.label(language),
                    self.response.completed_on.isoformat(),
                    completed.isoformat() if isinstance(completed, dt.date) else "—",
                )
            )
        for code, answer in self.answers().items():
            old = self.response.answers.get(code)
            if not _same(old, answer):
                item = self.definition.item(code)
                out.append(
                    (
                        item.label(language),
                        answer_text(item, old, language),
                        answer_text(item, answer, language),
                    )
                )
        return out

    def check(self) -> bool:
        """Show every problem (blank cells ask for a value or a missing reason); True if none."""
        values = self.details.check()
        blanks = questionnaires.unexplained_missing(INSTRUMENT, self.answers())
        in_grid = set(self.model.codes())
        grid_blanks = [FieldError(c, Problem.REQUIRED) for c in blanks if c in in_grid]
        self.model.set_errors(grid_blanks)
        detail_blanks = [
            FieldError(c, Problem.REQUIRED)
            for c in blanks
            if c in self._detail_fields and self.details.error_code(c) is None
        ]
        if detail_blanks:
            self.details.show_errors(detail_blanks)
        if grid_blanks:
            self.grid.go_to(grid_blanks[0].field)
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_cell_message()
        self._update_save()
        return values is not None and not blanks and not self._has_errors()

    def submit(self) -> None:
        """Save pressed: check, ask for a reason when saved values change, then save."""
        if self.read_only or not self.check():
            return
        changes = self.changes()
        if changes is None:
            self._save(None)
        elif changes:
            self.ask_reason(changes)

    def ask_reason(self, changes: list[tuple[str, str, str]]) -> ReasonDialog:
        dialog = ReasonDialog.for_change(changes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    # -- internals ---------------------------------------------------------------------------

    def _save(self, reason: str | None) -> None:
        completed = self.details.values().get("completed_on")
        try:
            response = questionnaires.save_response(
                self._ctx.study,
                self._ctx.user,
                self.visit_id,
                INSTRUMENT,
                completed_on=completed if isinstance(completed, dt.date) else None,
                completed_by="assessor",
                answers=self.answers(),
                reason=reason,
                expected_version=self.response.version if self.response is not None else None,
            )
        except FieldErrors as errors:
            self._show_field_errors(errors)
            return
        except ReasonRequired:
            self.ask_reason(self.changes() or [])
            return
        except ConflictError as error:
            # Someone saved first: never overwrite; reopen the form and enter the changes again.
            self._conflict = True
            self.banner.show_service_error(error)
            self._update_save()
            return
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.response = response
        self.banner.clear_error()
        self._show_response(response)
        self._update_save()
        self.saved.emit(response)

    def _show_field_errors(self, errors: FieldErrors) -> None:
        in_grid = set(self.model.codes())
        grid = [e for e in errors.errors if e.field in in_grid]
        self.model.set_errors(grid)
        rest = self.details.show_errors([e for e in errors.errors if e.field not in in_grid])
        if rest:
            self.banner.show_error(rest[0], field_message(rest[0]))
        if grid:
            self.grid.go_to(grid[0].field)
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_cell_message()
        self._update_save()

    def _has_errors(self) -> bool:
        return bool(self.model.errors()) or any(
            self.details.error_code(name) is not None for name in self._detail_fields
        )

    def _update_save(self) -> None:
        changes = self.changes()
        self.save_button.setEnabled(
            not self.read_only
            and not self._conflict
            and not self._has_errors()
            and (changes is None or bool(changes))
        )

    def _on_answers_changed(self) -> None:
        self.summary.show_scores(self.scores())
        done, total = self.model.filled_count()
        excluded = sum(1 for f in self.model.fingers if self.model.not_assessable(f))
        self.progress.setText(
            self.tr("{done} of {total} cells filled · fingers not assessable: {excluded}").format(
                done=done, total=total, excluded=excluded
            )
        )
        self._notice = None
        if not self._conflict:
            self.banner.clear_error()
        self._show_cell_message()
        self._update_save()
        self.band.update()

    def _on_detail_edited(self, _name: str) -> None:
        if not self._conflict:
            self.banner.clear_error()
        self._update_save()

    def _on_current_changed(self) -> None:
        self._notice = None
        self._show_cell_message()

    def _on_refused(self, code: str, error: FieldError) -> None:
        self._notice = (code, error)
        self._show_cell_message()

    def _on_grid_finished(self) -> None:
        self.details.editors()[0].setFocus(Qt.FocusReason.TabFocusReason)

    def _show_cell_message(self) -> None:
        """The message of the current cell, else of the first cell with one."""
        code = self.grid.current_code()
        error: FieldError | None = None
        if self.grid.missing_mode:
            language = self._ctx.language
            self.cell_message.setText(
                self.tr(
                    "Missing because: 1 {not_answered} · 2 {illegible} · 3 {not_applicable} "
                    "(any other key cancels)"
                ).format(
                    not_answered=missing_label("not_answered", language).lower(),
                    illegible=missing_label("illegible", language).lower(),
                    not_applicable=missing_label("not_applicable", language).lower(),
                )
            )
            self.cell_message.setStyleSheet(MUTED_STYLE)
            self.cell_message.show()
            return
        self.cell_message.setStyleSheet(ERROR_STYLE)
        if self._notice is not None:
            code, error = self._notice
        elif code is not None and self.model.error(code) is not None:
            error = self.model.error(code)
        else:
            errors = self.model.errors()
            if errors:
                code, error = next(iter(errors.items()))
        if error is None or code is None:
            self.cell_message.clear()
            self.cell_message.hide()
            return
        text = f"{self.model.cell_label(code)}: {field_message(error)}"
        if error.problem is Problem.REQUIRED:
            text += " " + self.tr(
                "Type the answer, or . then 1, 2 or 3 to record why it is missing."
            )
        self.cell_message.setText(text)
        self.cell_message.show()


class CapillaroscopyDialog(QDialog):
    """The form in a window-modal dialog (open with ``open()``); closes once saved."""

    saved = Signal(object)  # ResponseInfo

    def __init__(
        self,
        ctx: UiContext,
        visit_id: int,
        parent: QWidget | None = None,
        *,
        visit: VisitInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("capillaroscopy_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.form = CapillaroscopyForm(ctx, visit_id, self, visit=visit)
        self.setWindowTitle(self.form.heading.text())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(
            self.form.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Close)
        )
        self.form.saved.connect(self._on_saved)
        self.resize(max(self.sizeHint().width(), 1100), max(self.sizeHint().height(), 680))

    def _on_saved(self, response: object) -> None:
        self.saved.emit(response)
        self.accept()


__all__ = [
    "CapillaroscopyDialog",
    "CapillaroscopyForm",
    "CapillaroscopyGrid",
    "CapillaroscopyModel",
    "abnormal_capillaries",
    "answer_text",
    "missing_label",
]
