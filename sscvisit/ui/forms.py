"""Forms built from field declarations: one editor per field and its message right beside it.

Every data-entry screen uses ``FieldForm`` (Picard's load / check / save, STYLE.md item 7). The
form never decides what is valid: ``Field.parse`` does (STYLE.md item 6), and rules spanning
several fields or needing the database come back from the services as ``FieldErrors`` that the
form only places at the right field.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from sscvisit.model.fields import DATETIME_FORMAT, Field, FieldError, FieldErrors, Value
from sscvisit.services import clock
from sscvisit.ui.messages import code_of, field_message

ERROR_STYLE = "color: #b00020;"
_INT_PATTERN = r"-?\d{0,9}"
_FLOAT_PATTERN = r"-?\d{0,9}([.,]\d{0,6})?"
# Only what is typed into a line edit ever needs parsing; combos and check boxes hold values.
_LINE_KINDS = frozenset({"text", "int", "float", "date", "datetime"})
MULTILINE_MIN_LENGTH = 1000
"""Text fields that may hold this many characters are written as sentences, not one line."""
_MULTILINE_ROWS = 4


def is_multiline(field: Field) -> bool:
    """Whether a field gets a multi-line editor: long free text (comments, descriptions)."""
    return (
        field.kind == "text"
        and field.max_length is not None
        and field.max_length >= MULTILINE_MIN_LENGTH
    )


def typed_text(editor: QWidget) -> str | None:
    """What a person typed into a line or multi-line editor; None for other editors."""
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    return None


def field_caption(field: Field, language: str) -> str:
    """The label shown for a field, with its unit when it has one."""
    label = field.label(language)
    return f"{label} ({field.unit})" if field.unit else label


def display_text(field: Field, value: Value, language: str) -> str:
    """A saved value as read-only text, the same way on every screen."""
    if value is None or (isinstance(value, str) and not value):
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("FieldForm", "Yes")
            if value
            else QCoreApplication.translate("FieldForm", "No")
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    if field.kind == "code":
        return field.code_label(str(value), language)
    text = _number_text(value) if isinstance(value, float) else str(value)
    if field.kind in {"int", "float"} and field.unit:
        return f"{text} {field.unit}"
    return text


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _number_width(field: Field) -> int:
    """Characters a number editor needs: the widest bound, plus decimals for floats."""
    bounds = [b for b in (field.minimum, field.maximum) if b is not None]
    digits = max((len(str(int(b))) for b in bounds), default=8)
    return max(digits, 4) + (4 if field.kind == "float" else 1)


def multiline_edit(parent: QWidget, rows: int = _MULTILINE_ROWS) -> QPlainTextEdit:
    """The editor of a field ``is_multiline`` picks: a few lines high; Tab moves on.

    It has no maximum length of its own: the field's check shows "too long" beside it.
    """
    editor = QPlainTextEdit(parent)
    editor.setTabChangesFocus(True)
    margins = 2 * (int(editor.document().documentMargin()) + editor.frameWidth())
    editor.setFixedHeight(rows * editor.fontMetrics().lineSpacing() + margins + 2)
    editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return editor


def set_text_read_only(editor: QWidget, read_only: bool) -> None:
    """Go with ``freeze`` for a multi-line editor: its clicks and context menu reach its viewport,
    which a filter on the editor does not stop. Read-only, it still scrolls; other editors: no-op.
    """
    if isinstance(editor, QPlainTextEdit):
        editor.setReadOnly(read_only)


def _edit_text(value: Value) -> str:
    """How a saved value is put back into a line edit so that ``Field.parse`` reads it back."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return _number_text(value)
    return str(value)


class FieldForm(QWidget):
    """A grid of label, editor and error message, one row per declared field, in order.

    Messages appear as you type, but a field that has not been touched yet keeps its
    "required" quiet until ``check()`` is called. ``validityChanged`` tells the owner when to
    enable Save; it counts untouched problems too, so Save is never enabled on an incomplete form.
    """

    validityChanged = Signal(bool)  # noqa: N815 Qt signal name
    # A person (or set_value) changed this field.
    fieldEdited = Signal(str)  # noqa: N815 Qt signal name

    def __init__(
        self, fields: Mapping[str, Field], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._fields: dict[str, Field] = dict(fields)
        self._language = language
        self._editors: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._own: dict[str, FieldError] = {}  # the field's own check, always current
        self._external: dict[str, FieldError] = {}  # from a service; kept until the field changes
        self._rules: dict[str, FieldError] = {}  # cross-field rules, replaced as a whole
        self._shown: dict[str, FieldError] = {}
        self._touched: set[str] = set()
        self._values: dict[str, Value] = {}
        self._loading = True  # building fires change signals that are not edits
        self._valid = False

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.setColumnMinimumWidth(2, 240)
        self._grid = grid
        for row, (name, field) in enumerate(self._fields.items()):
            editor = self._make_editor(name, field)
            label = QLabel(field_caption(field, language), self)
            label.setBuddy(editor)
            label.setObjectName(f"label_{name}")
            error = QLabel(self)
            error.setObjectName(f"error_{name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            # The message's length must not resize the editors as it comes and goes.
            error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            error.hide()
            self._editors[name] = editor
            self._labels[name] = label
            self._error_labels[name] = error
            grid.addWidget(label, row, 0)
            if isinstance(editor, QPlainTextEdit):
                # A box of several lines: its label and message line up with its first line.
                top = Qt.AlignmentFlag.AlignTop
                inset = editor.frameWidth() + int(editor.document().documentMargin())
                label.setContentsMargins(0, inset, 0, 0)
                error.setContentsMargins(0, inset, 0, 0)
                grid.addWidget(label, row, 0, top)
                grid.addWidget(editor, row, 1)
                grid.addWidget(error, row, 2, top)
                continue
            if isinstance(editor, QLineEdit) and field.kind == "text":
                grid.addWidget(editor, row, 1)
            else:
                grid.addWidget(editor, row, 1, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(error, row, 2)
        grid.setRowStretch(len(self._fields), 1)
        editors = list(self._editors.values())
        for before, after in itertools.pairwise(editors):
            QWidget.setTabOrder(before, after)
        for name in self._fields:
            self._revalidate(name)
        self._valid = self.is_valid()
        self._loading = False

    # -- building ----------------------------------------------------------------------------

    def _make_editor(self, name: str, field: Field) -> QWidget:
        editor: QWidget
        if field.kind == "code":
            combo = QComboBox(self)
            combo.addItem(self.tr("Choose…"), None)
            for code in field.codes:
                combo.addItem(
                    code.label_nl if self._language == "nl" else code.label_en, code.value
                )
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _i, n=name: self._on_change(n))
            editor = combo
        elif field.kind == "bool":
            box = QCheckBox(self)
            box.toggled.connect(lambda _c, n=name: self._on_change(n))
            editor = box
        elif is_multiline(field):
            # No setMaxLength here: text over max_length gets the "too long" message beside it.
            text = multiline_edit(self)
            text.textChanged.connect(lambda n=name: self._on_change(n))
            editor = text
        else:
            line = QLineEdit(self)
            metrics = line.fontMetrics()
            if field.kind == "text":
                if field.max_length is not None:
                    line.setMaxLength(field.max_length)
            elif field.kind == "date":
                line.setPlaceholderText(self.tr("YYYY-MM-DD"))
                line.setMaxLength(10)
                line.setFixedWidth(metrics.horizontalAdvance("0000-00-00") + 28)
            elif field.kind == "datetime":
                line.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM"))
                line.setMaxLength(16)
                line.setFixedWidth(metrics.horizontalAdvance("0000-00-00 00:00") + 28)
            else:
                pattern = _INT_PATTERN if field.kind == "int" else _FLOAT_PATTERN
                line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), line))
                line.setFixedWidth(metrics.horizontalAdvance("0" * _number_width(field)) + 28)

            line.textChanged.connect(lambda _t, n=name: self._on_change(n))
            editor = line
        editor.setObjectName(name)
        editor.setAccessibleName(field.label(self._language))
        return editor

    # -- public API --------------------------------------------------------------------------

    @property
    def fields(self) -> Mapping[str, Field]:
        return self._fields

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def label_width(self) -> int:
        """The width the labels need; owners stacking forms align them with set_label_width."""
        return max((label.sizeHint().width() for label in self._labels.values()), default=0)

    def set_label_width(self, width: int) -> None:
        self._grid.setColumnMinimumWidth(0, width)

    def editors(self) -> list[QWidget]:
        """The editors in declaration order (the tab order), for owners chaining forms."""
        return list(self._editors.values())

    def load(self, values: Mapping[str, Value]) -> None:
        """Show saved values; fields missing from ``values`` are cleared. Forgets old messages."""
        self._loading = True
        try:
            for name in self._fields:
                self._write(name, values.get(name))
        finally:
            self._loading = False
        self._touched.clear()
        self._external.clear()
        self._rules.clear()
        for name in self._fields:
            self._revalidate(name)
        self._refresh_all()
        self._update_validity()

    def set_value(self, name: str, value: Value) -> None:
        """Fill one field from code (e.g. a derived value); treated like an edit."""
        self._write(name, value)

    def values(self) -> dict[str, Value]:
        """The checked value of every field; None where a field is empty or not valid."""
        return dict(self._values)

    def raw_text(self, name: str) -> str:
        editor = self._editors[name]
        typed = typed_text(editor)
        if typed is not None:
            return typed
        if isinstance(editor, QComboBox):
            return editor.currentText() if editor.currentIndex() > 0 else ""
        assert isinstance(editor, QCheckBox)
        return "1" if editor.isChecked() else ""

    def check(self) -> dict[str, Value] | None:
        """Show every problem (touched or not); the values if the form may be saved."""
        self._touched.update(self._fields)
        self._refresh_all()
        if self.is_valid():
            return self.values()
        self.focus_first_error()
        return None

    def is_valid(self) -> bool:
        return not (self._own or self._external or self._rules)

    def show_errors(self, errors: FieldErrors | Iterable[FieldError]) -> list[FieldError]:
        """Mark errors a service returned at their fields; returns those this form has no field for.

        Each stays until its field is changed again.
        """
        items = errors.errors if isinstance(errors, FieldErrors) else list(errors)
        rest: list[FieldError] = []
        for error in items:
            if error.field in self._fields:
                self._external[error.field] = error
            else:
                rest.append(error)
        self._refresh_all()
        self._update_validity()
        if any(e.field in self._fields for e in items):
            self.focus_first_error()
        return rest

    def set_rule_errors(self, errors: Iterable[FieldError]) -> None:
        """Replace the errors of rules spanning several fields (errors for other forms ignored)."""
        self._rules = {e.field: e for e in errors if e.field in self._fields}
        self._refresh_all()
        self._update_validity()

    def own_error(self, name: str) -> FieldError | None:
        """The field's own problem, shown or not yet shown."""
        return self._own.get(name)

    def error_code(self, name: str) -> str | None:
        """The code of the message shown beside a field (``code_of``), None when none is shown."""
        shown = self._shown.get(name)
        return code_of(shown) if shown is not None else None

    def focus_first_error(self) -> None:
        for name in self._fields:
            if name in self._shown:
                self._editors[name].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # -- internals ---------------------------------------------------------------------------

    def _write(self, name: str, value: Value) -> None:
        editor = self._editors[name]
        if isinstance(editor, QLineEdit):
            editor.setText(_edit_text(value))
        elif isinstance(editor, QPlainTextEdit):
            if editor.toPlainText() != _edit_text(value):  # setPlainText also empties undo
                editor.setPlainText(_edit_text(value))
        elif isinstance(editor, QComboBox):
            index = editor.findData(value) if value is not None else 0
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))

    def _read(self, name: str) -> Value:
        field = self._fields[name]
        editor = self._editors[name]
        typed = typed_text(editor)
        if typed is not None:
            return field.parse(typed, today=clock.today(), now=clock.now_local())
        if isinstance(editor, QComboBox):
            data = editor.currentData()
            return field.check(data if isinstance(data, str) else None)
        assert isinstance(editor, QCheckBox)
        return field.check(editor.isChecked())

    def _on_change(self, name: str) -> None:
        self._revalidate(name)
        if not self._loading:
            self._touched.add(name)
            self._external.pop(name, None)
            self._refresh(name)
            self.fieldEdited.emit(name)
            self._update_validity()

    def _revalidate(self, name: str) -> None:
        try:
            self._values[name] = self._read(name)
            self._own.pop(name, None)
        except FieldError as error:
            self._values[name] = None
            self._own[name] = error

    def _refresh_all(self) -> None:
        for name in self._fields:
            self._refresh(name)

    def _refresh(self, name: str) -> None:
        own = self._own.get(name) if name in self._touched else None
        error = own or self._external.get(name) or self._rules.get(name)
        label = self._error_labels[name]
        if error is None:
            self._shown.pop(name, None)
            label.clear()
            label.hide()
        else:
            self._shown[name] = error
            label.setText(field_message(error))
            label.show()

    def _update_validity(self) -> None:
        valid = self.is_valid()
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)


class FieldSummary(QWidget):
    """Saved values as read-only label/value pairs, labelled from the same declarations."""

    def __init__(
        self, fields: Mapping[str, Field], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._fields = dict(fields)
        self._language = language
        self._labels: list[QLabel] = []
        self._values: dict[str, QLabel] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setColumnStretch(1, 1)
        for row, (name, field) in enumerate(self._fields.items()):
            label = QLabel(field_caption(field, language), self)
            value = QLabel("—", self)
            value.setObjectName(f"value_{name}")
            value.setTextFormat(Qt.TextFormat.PlainText)  # typed text, never markup
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self._labels.append(label)
            self._values[name] = value
            self._grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)

    def load(self, values: Mapping[str, Value]) -> None:
        for name, field in self._fields.items():
            self._values[name].setText(display_text(field, values.get(name), self._language))

    def text_of(self, name: str) -> str:
        return self._values[name].text()

    def label_width(self) -> int:
        return max((label.sizeHint().width() for label in self._labels), default=0)

    def set_label_width(self, width: int) -> None:
        self._grid.setColumnMinimumWidth(0, width)
