"""The lab panel of a visit: one row per WHO analyte, the grade shown live beside the value.

Keyboard-first: Tab runs along a row (value, unit, lower limit, upper limit, sample date) and
then down to the next analyte. The unit is a combo with the units the grading converts (any unit
may be typed for the ratio parameters, which are graded on the upper limit of normal). Nothing
is decided here: ``labs.check_lab_row`` checks a row and grades it after every keystroke, and
``labs.save_lab_panel`` saves the panel; each message appears under the row, naming the field
that caused it, and that field's editor is framed.

``PanelDialog`` is the grid shared with the biomarker form (ui/biomarker_form.py): it loads,
checks and saves the rows through the panel's service functions.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QGuiApplication, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.scoring import who_toxicity
from sscvisit.services import clock, labs, panels
from sscvisit.services.dto import UserInfo, VisitInfo
from sscvisit.services.errors import ConflictError, ReasonRequired, ServiceError
from sscvisit.services.labs import LabEntry, LabInfo
from sscvisit.services.protocol import default_protocol
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import ERROR_STYLE, display_text
from sscvisit.ui.messages import code_of, field_message
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.unsaved import UnsavedChangesDialog

if TYPE_CHECKING:
    from sscvisit.services.study import Study

_NUMBER_PATTERN = r"\d{0,9}([.,]\d{0,6})?"
ERROR_FRAME = "border: 1px solid #b00020;"
MUTED_STYLE = "color: #5f6368;"
HIGH_GRADE_STYLE = "background: #fde7ea; color: #8a0015; font-weight: bold; padding: 1px 4px;"
GRADE_STYLE = "padding: 1px 4px;"


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def short_number(value: float) -> str:
    """A derived value for display: three significant digits at most after the point."""
    return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"


def fit_table_height(table: QTableView) -> None:
    """Make a short table as tall as its rows (no empty band under them), a long one scroll."""
    rows = table.verticalHeader().length()
    if rows == 0:
        rows = sum(
            table.verticalHeader().sectionSizeHint(r) for r in range(table.model().rowCount())
        )
    header = table.horizontalHeader().sizeHint().height()
    scrollbar = table.horizontalScrollBar().sizeHint().height()
    height = rows + header + scrollbar + 2 * table.frameWidth() + 4
    table.setMaximumHeight(height)
    table.setMinimumHeight(min(height, 420))


class PanelResult(Protocol):
    """A saved result as a panel service returns it (labs.LabInfo, biomarkers.BiomarkerInfo)."""

    @property
    def analyte(self) -> str: ...

    @property
    def visit_id(self) -> int: ...

    @property
    def is_baseline(self) -> bool: ...

    @property
    def version(self) -> int: ...

    def values(self) -> dict[str, Value]: ...


class SavePanel(Protocol):
    """labs.save_lab_panel, biomarkers.save_biomarkers."""

    def __call__(
        self,
        study: Study,
        actor: UserInfo,
        visit_id: int,
        rows: Mapping[str, Mapping[str, Value]],
        /,
        *,
        reason: str | None = None,
        expected_versions: Mapping[str, int] | None = None,
    ) -> object: ...


@dataclass
class PanelRow:
    """The editors of one analyte's row and what its last check found."""

    code: str
    label: QLabel
    editors: dict[str, QWidget]
    message: QLabel
    extra: QLabel | None
    errors: dict[str, FieldError] = field(default_factory=dict)
    external: dict[str, FieldError] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)
    entry: object | None = None


class PanelDialog(UnsavedChangesDialog):
    """A visit's panel of analytes as a grid; subclasses say how to check a row and what to show.

    ``results`` (the patient's saved results, all visits) and ``save`` are the panel's service
    functions; ``baseline`` holds the injection visit's results by analyte once loaded.

    Its own texts use the context "PanelDialog" explicitly (``self.tr`` in a base class would
    look them up under the subclass's name).

    ``saved(patient_id)`` after a save; the dialog then closes. Open it with ``open()``.
    """

    saved = Signal(int)

    EXTRA_CHARACTERS = 26  # the width of the computed column, in digits
    DATE_FIELD = "sample_date"
    UNIT_FIELD = "unit"

    def __init__(
        self,
        ctx: UiContext,
        visit: VisitInfo,
        parent: QWidget | None,
        *,
        fields: Mapping[str, Field],
        row_fields: Sequence[str],
        analytes: Sequence[tuple[str, str]],
        results: Callable[[Study, UserInfo, int], Sequence[PanelResult]],
        save: SavePanel,
        title: str,
        first_header: str,
        extra_header: str | None = None,
        extra_after: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.visit = visit
        self._fields = fields
        self._row_fields = tuple(row_fields)
        self._checked = False
        self._loading = True
        self.reason_dialog: ReasonDialog | None = None
        self.read_only = not ctx.user.may("enter_data")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        language = ctx.language
        heading = f"{visit.subject_number} · {visit.label(language)}"
        if visit.visit_date is not None:
            heading += f" ({visit.visit_date.isoformat()})"
        self.setWindowTitle(f"{title} · {heading}")
        self.heading = QLabel(f"<b>{title}</b> · {heading}", self)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(MUTED_STYLE)
        self.banner = ErrorBanner(self)

        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self._grid = grid
        headers = [first_header]
        columns: list[str] = []
        for name in self._row_fields:
            columns.append(name)
            headers.append(fields[name].label(language))
            if extra_header is not None and name == extra_after:
                columns.append("__extra__")
                headers.append(extra_header)
        self._columns = columns
        for column, text in enumerate(headers):
            header = QLabel(f"<b>{text}</b>", grid_host)
            header.setWordWrap(True)
            grid.addWidget(header, 0, column, Qt.AlignmentFlag.AlignBottom)
        self.rows: dict[str, PanelRow] = {}
        for index, (code, label_text) in enumerate(analytes):
            self.rows[code] = self._build_row(grid_host, index, code, label_text)
        grid.setColumnStretch(len(headers), 1)
        grid.setRowStretch(2 * len(analytes) + 1, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(grid_host.sizeHint().width() + 24)

        self.save_button = QPushButton(QCoreApplication.translate("PanelDialog", "Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(QCoreApplication.translate("PanelDialog", "Close"), self)
        self.close_button.setObjectName("close")
        self.close_button.setAutoDefault(False)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.legend)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.banner)
        layout.addLayout(actions)

        chain = [editor for row in self.rows.values() for editor in row.editors.values()]
        chain += [self.save_button, self.close_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.save_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)

        self._results = results
        self._save_panel = save
        self.baseline: dict[str, PanelResult] = {}
        self._saved: dict[str, tuple[dict[str, Value], int]] = {}
        self._load()
        if self.read_only:
            for row in self.rows.values():
                for editor in row.editors.values():
                    editor.setEnabled(False)
            self.save_button.hide()
        self._size_to_screen()
        first = next(iter(self.rows.values()), None)
        if first is not None:
            first.editors[self._row_fields[0]].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- subclass hooks ----------------------------------------------------------------------

    def check_row(self, code: str, values: Mapping[str, Value]) -> object:
        """The checked entry of a row; raises FieldErrors named ``"<code>.<field>"``."""
        raise NotImplementedError

    def row_is_blank(self, values: Mapping[str, Value]) -> bool:
        raise NotImplementedError

    def unit_choices(self, code: str) -> tuple[tuple[str, ...], str]:
        """(units to list, the unit shown first)."""
        raise NotImplementedError

    def extra_cell(self, code: str, entry: object | None) -> tuple[str, str, bool]:
        """(text, tooltip, highlighted) of the extra column for a row."""
        return "", "", False

    def text_width(self, name: str) -> int:
        """Characters an editor is sized for."""
        return {"unit": 10, "sample_date": 10}.get(name, 8)

    # -- building ----------------------------------------------------------------------------

    def _build_row(self, host: QWidget, index: int, code: str, label_text: str) -> PanelRow:
        grid_row = 1 + 2 * index
        label = QLabel(label_text, host)
        label.setObjectName(f"label_{code}")
        self._grid.addWidget(label, grid_row, 0)
        editors: dict[str, QWidget] = {}
        extra: QLabel | None = None
        for column, name in enumerate(self._columns, start=1):
            if name == "__extra__":
                extra = QLabel(host)
                extra.setObjectName(f"extra_{code}")
                extra.setTextFormat(Qt.TextFormat.RichText)
                extra.setMinimumWidth(
                    extra.fontMetrics().horizontalAdvance("0" * self.EXTRA_CHARACTERS)
                )
                self._grid.addWidget(extra, grid_row, column)
                continue
            editor = self._make_editor(host, code, name)
            editors[name] = editor
            self._grid.addWidget(editor, grid_row, column, Qt.AlignmentFlag.AlignLeft)
        label.setBuddy(editors[self._row_fields[0]])
        message = QLabel(host)
        message.setObjectName(f"error_{code}")
        message.setStyleSheet(ERROR_STYLE)
        message.setWordWrap(True)
        message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        message.hide()
        self._grid.addWidget(message, grid_row + 1, 1, 1, len(self._columns))
        return PanelRow(code, label, editors, message, extra)

    def _make_editor(self, host: QWidget, code: str, name: str) -> QWidget:
        key = panels.field_key(code, name)
        spec = self._fields[name]
        if name == self.UNIT_FIELD:
            combo = QComboBox(host)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            choices, default = self.unit_choices(code)
            combo.addItems(list(choices))
            combo.setEditText(default)
            line = combo.lineEdit()
            assert line is not None  # editable combos have one
            line.setMaxLength(spec.max_length or 16)
            width = combo.fontMetrics().horizontalAdvance("0" * self.text_width(name)) + 44
            combo.setFixedWidth(width)
            combo.editTextChanged.connect(lambda _t, c=code, n=name: self._on_edit(c, n))
            editor: QWidget = combo
        else:
            line = QLineEdit(host)
            metrics = line.fontMetrics()
            if spec.kind == "float":
                line.setValidator(
                    QRegularExpressionValidator(QRegularExpression(_NUMBER_PATTERN), line)
                )
                line.setFixedWidth(metrics.horizontalAdvance("0" * self.text_width(name)) + 24)
            elif spec.kind == "date":
                line.setPlaceholderText(QCoreApplication.translate("PanelDialog", "YYYY-MM-DD"))
                line.setMaxLength(10)
                line.setFixedWidth(metrics.horizontalAdvance("0000-00-00") + 24)
            else:
                if spec.max_length is not None:
                    line.setMaxLength(spec.max_length)
                line.setMinimumWidth(metrics.horizontalAdvance("0" * self.text_width(name)))
            line.textChanged.connect(lambda _t, c=code, n=name: self._on_edit(c, n))
            editor = line
        editor.setObjectName(key)
        editor.setAccessibleName(f"{spec.label(self._ctx.language)} ({code})")
        return editor

    def _size_to_screen(self) -> None:
        hint = self.sizeHint()
        width, height = max(hint.width() + 40, 800), max(hint.height() + 40, 480)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry().size()
            width = min(width, available.width() - 20)
            height = min(height, available.height() - 20)
        self.resize(width, height)

    # -- values ------------------------------------------------------------------------------

    def editor(self, key: str) -> QWidget:
        """The editor of ``"<code>.<field>"``."""
        code, name = panels.split_key(key)
        return self.rows[code].editors[name]

    def set_text(self, key: str, text: str) -> None:
        editor = self.editor(key)
        if isinstance(editor, QComboBox):
            editor.setEditText(text)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def raw_text(self, key: str) -> str:
        editor = self.editor(key)
        if isinstance(editor, QComboBox):
            return editor.currentText()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def _parsed(self, row: PanelRow) -> tuple[dict[str, Value], dict[str, FieldError]]:
        """The row's values as typed (blank -> None) and the fields that do not parse."""
        values: dict[str, Value] = {}
        problems: dict[str, FieldError] = {}
        for name in self._row_fields:
            text = self.raw_text(panels.field_key(row.code, name)).strip()
            if not text:
                values[name] = None
                continue
            try:
                values[name] = self._fields[name].parse(text, today=clock.today())
            except FieldError as error:
                values[name] = None
                problems[name] = error
        return values, problems

    def row_values(self, code: str) -> dict[str, Value]:
        return self._parsed(self.rows[code])[0]

    def _write_row(self, row: PanelRow, values: Mapping[str, Value] | None) -> None:
        for name in self._row_fields:
            value = None if values is None else values.get(name)
            key = panels.field_key(row.code, name)
            if name == self.UNIT_FIELD and value is None:
                text = self.unit_choices(row.code)[1]
            elif name == self.DATE_FIELD and value is None:
                date = self.visit.visit_date
                text = date.isoformat() if date is not None else ""
            elif isinstance(value, float):
                text = number_text(value)
            elif isinstance(value, dt.date):
                text = value.isoformat()
            else:
                text = "" if value is None else str(value)
            self.set_text(key, text)

    @property
    def at_baseline_visit(self) -> bool:
        """Whether this is the injection visit, whose results are the baseline."""
        return self.visit.visit_code == default_protocol().anchor_code

    def load_saved(self) -> dict[str, tuple[dict[str, Value], int]]:
        """code -> (saved values, version) of this visit; keeps the baseline results too."""
        everything = self._results(self._ctx.study, self._ctx.user, self.visit.patient_id)
        self.baseline = {info.analyte: info for info in everything if info.is_baseline}
        return {
            info.analyte: (info.values(), info.version)
            for info in everything
            if info.visit_id == self.visit.id
        }

    def save_rows(
        self,
        rows: Mapping[str, Mapping[str, Value]],
        reason: str | None,
        versions: Mapping[str, int],
    ) -> None:
        self._save_panel(
            self._ctx.study,
            self._ctx.user,
            self.visit.id,
            rows,
            reason=reason,
            expected_versions=versions,
        )

    def _load(self) -> None:
        self._loading = True
        try:
            self._saved = self.load_saved()
        except ServiceError as error:
            self.banner.show_service_error(error)
            self._saved = {}
        for code, row in self.rows.items():
            saved = self._saved.get(code)
            self._write_row(row, saved[0] if saved is not None else None)
            row.touched.clear()
            row.external.clear()
            self._evaluate(row)
        self._checked = False
        self._loading = False
        self._update_save()

    # -- checking ----------------------------------------------------------------------------

    def _on_edit(self, code: str, name: str) -> None:
        row = self.rows.get(code)
        if row is None or self._loading:  # building or loading: not an edit
            return
        row.touched.add(name)
        row.external.pop(name, None)
        self.banner.clear_error()
        self._evaluate(row)
        self._update_save()

    def _evaluate(self, row: PanelRow) -> None:
        values, problems = self._parsed(row)
        row.errors = {}
        row.entry = None
        if not problems and self.row_is_blank(values):
            self._show_row(row)
            return
        try:
            row.entry = self.check_row(row.code, values)
        except FieldErrors as refused:
            for error in refused.errors:
                row.errors[panels.split_key(error.field)[1]] = error
        for name, error in problems.items():
            row.errors[name] = error  # what was typed, not the REQUIRED its blank value gives
        self._show_row(row)

    def shown_errors(self, row: PanelRow) -> dict[str, FieldError]:
        """Messages shown: a field's own once touched (all after Save), a service's until edited."""
        shown = {
            name: error
            for name, error in row.errors.items()
            if self._checked or name in row.touched or error.problem is not Problem.REQUIRED
        }
        shown.update(row.external)
        return {name: shown[name] for name in self._row_fields if name in shown}

    def _show_row(self, row: PanelRow) -> None:
        shown = self.shown_errors(row)
        for name, editor in row.editors.items():
            editor.setStyleSheet(ERROR_FRAME if name in shown else "")
        if shown:
            language = self._ctx.language
            row.message.setText(
                " · ".join(
                    f"{self._fields[name].label(language)}: {field_message(error)}"
                    for name, error in shown.items()
                )
            )
            row.message.show()
        else:
            row.message.clear()
            row.message.hide()
        if row.extra is not None:
            text, tip, high = self.extra_cell(row.code, row.entry)
            row.extra.setText(text)
            row.extra.setToolTip(tip)
            row.extra.setStyleSheet(HIGH_GRADE_STYLE if high else GRADE_STYLE)

    def error_code(self, key: str | None = None) -> str | None:
        """The code of the message shown for ``"<code>.<field>"``; the banner's when None."""
        if key is None:
            return self.banner.code
        code, name = panels.split_key(key)
        error = self.shown_errors(self.rows[code]).get(name)
        return None if error is None else code_of(error)

    def message_text(self, code: str) -> str:
        return self.rows[code].message.text()

    def extra_text(self, code: str) -> str:
        row = self.rows[code]
        return row.extra.text() if row.extra is not None else ""

    # -- what changes ------------------------------------------------------------------------

    def _stored_tuple(self, values: Mapping[str, Value]) -> tuple[Value, ...]:
        return tuple(values.get(name) for name in self._row_fields)

    def _current(self, row: PanelRow) -> dict[str, Value] | None:
        """The row as it would be saved (None for a blank row), from its checked entry."""
        values, problems = self._parsed(row)
        if not problems and self.row_is_blank(values):
            return None
        if row.entry is not None:
            return {name: getattr(row.entry, name) for name in self._row_fields}
        return values

    def pending_rows(self) -> dict[str, dict[str, Value]]:
        """Rows to hand to the service: every filled row, and saved rows that were cleared."""
        out: dict[str, dict[str, Value]] = {}
        for code, row in self.rows.items():
            values, problems = self._parsed(row)
            if problems or not self.row_is_blank(values) or code in self._saved:
                out[code] = values
        return out

    def changes(self) -> list[tuple[str, str, str]]:
        """Saved values this save changes (label, old, new), for the reason dialog."""
        out: list[tuple[str, str, str]] = []
        language = self._ctx.language
        for code, (saved, _version) in self._saved.items():
            row = self.rows.get(code)
            if row is None:
                continue
            current = self._current(row)
            for name in self._row_fields:
                old = saved.get(name)
                new = None if current is None else current.get(name)
                if old != new:
                    spec = self._fields[name]
                    out.append(
                        (
                            f"{row.label.text()}: {spec.label(language)}",
                            display_text(spec, old, language),
                            display_text(spec, new, language),
                        )
                    )
        return out

    def has_unsaved_changes(self) -> bool:
        if self.read_only:
            return False
        for code, row in self.rows.items():
            current = self._current(row)
            saved = self._saved.get(code)
            if saved is None and current is not None:
                return True
            if saved is not None and (
                current is None or self._stored_tuple(current) != self._stored_tuple(saved[0])
            ):
                return True
        return False

    def unsaved_changes_text(self) -> str:
        return QCoreApplication.translate(
            "PanelDialog", "The panel has unsaved values. Close and discard them?"
        )

    def _update_save(self) -> None:
        self.save_button.setEnabled(not self.read_only and self.has_unsaved_changes())

    # -- saving ------------------------------------------------------------------------------

    def check(self) -> bool:
        """Show every problem; True if the panel may be saved."""
        self._checked = True
        for row in self.rows.values():
            self._evaluate(row)
        first = next(
            (
                row.editors[name]
                for row in self.rows.values()
                for name in self._row_fields
                if name in self.shown_errors(row)
            ),
            None,
        )
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        return True

    def submit(self) -> None:
        """Save pressed: check, ask a reason when saved values change, then save."""
        if self.read_only or not self.check():
            return
        changes = self.changes()
        if changes:
            self.ask_reason(changes)
        else:
            self._save(None)

    def ask_reason(self, changes: list[tuple[str, str, str]]) -> ReasonDialog:
        dialog = ReasonDialog.for_change(changes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _save(self, reason: str | None) -> None:
        rows = self.pending_rows()
        versions = {code: self._saved[code][1] for code in rows if code in self._saved}
        try:
            self.save_rows(rows, reason, versions)
        except FieldErrors as errors:
            self._show_service_errors(errors)
            return
        except ReasonRequired:
            self.ask_reason(self.changes())
            return
        except (ConflictError, ServiceError) as error:
            self.banner.show_service_error(error)
            return
        self.banner.clear_error()
        self._load()
        self.saved.emit(self.visit.patient_id)
        self.accept()

    def _show_service_errors(self, errors: FieldErrors) -> None:
        rest: list[FieldError] = []
        for error in errors.errors:
            code, name = panels.split_key(error.field)
            row = self.rows.get(code)
            if row is None or name not in row.editors:
                rest.append(error)
                continue
            row.external[name] = error
        for row in self.rows.values():
            self._show_row(row)
        if rest:
            self.banner.show_error(rest[0], field_message(rest[0]))
        self.check()


class LabDialog(PanelDialog):
    """The WHO lab panel of one visit (``saved(patient_id)``; closes once saved)."""

    def __init__(self, ctx: UiContext, visit: VisitInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            visit,
            parent,
            fields=labs.LAB_FIELDS,
            row_fields=labs.ROW_FIELDS,
            analytes=[(code, labs.analyte_label(code, ctx.language)) for code in labs.ANALYTES],
            results=labs.lab_results,
            save=labs.save_lab_panel,
            title=QCoreApplication.translate("LabDialog", "Lab results"),
            first_header=QCoreApplication.translate("LabDialog", "Analyte"),
            extra_header=QCoreApplication.translate("LabDialog", "WHO grade"),
            extra_after="unit",
        )
        self.setObjectName("lab_dialog")
        self.legend.setText(
            self.tr(
                "Enter the values, units and reference range as the lab reported them. The WHO "
                "grade is computed as you type (units converted; liver and kidney values as a "
                "multiple of the upper limit of normal). Tab moves along a row, then down."
            )
        )

    def check_row(self, code: str, values: Mapping[str, Value]) -> LabEntry:
        return labs.check_lab_row(code, values, today=clock.today())

    def row_is_blank(self, values: Mapping[str, Value]) -> bool:
        return labs.is_blank(values)

    def unit_choices(self, code: str) -> tuple[tuple[str, ...], str]:
        return labs.UNIT_CHOICES[code], labs.DEFAULT_UNITS[code]

    def extra_cell(self, code: str, entry: object | None) -> tuple[str, str, bool]:
        if not isinstance(entry, LabEntry):
            return "—", "", False
        grade = entry.who_grade
        detail = ""
        if code in who_toxicity.RATIO_PARAMETERS and entry.upper_limit:
            detail = self.tr("{ratio} × ULN").format(
                ratio=short_number(entry.value / entry.upper_limit)
            )
        elif entry.unit != who_toxicity.CANONICAL_UNITS.get(code, entry.unit):
            canonical = who_toxicity.convert(code, entry.value, entry.unit)
            detail = f"= {short_number(canonical)} {who_toxicity.CANONICAL_UNITS[code]}"
        baseline = self.baseline.get(code)
        baseline_grade = baseline.who_grade if isinstance(baseline, LabInfo) else None
        suggests = labs.suggests_ae(grade, baseline_grade, at_baseline=self.at_baseline_visit)
        text = self.tr("grade {grade}").format(grade=grade)
        if detail:
            text += f" <span style='color:#5f6368'>({detail})</span>"
        if suggests:
            text += " ⚠"
        tip = (
            self.tr("Suggests an adverse event: record it from the lab overview.")
            if suggests
            else ""
        )
        return text, tip, grade >= labs.SUGGEST_GRADE

    def grade_text(self, code: str) -> str:
        """The grade column as plain text (tests and screen readers)."""
        text = self.extra_text(code)
        while "<" in text and ">" in text:
            start, end = text.index("<"), text.index(">")
            text = text[:start] + text[end + 1 :]
        return text


__all__ = ["LabDialog", "PanelDialog", "PanelRow"]
