"""The injection visit in one dialog: the injection, vital signs before and after, reactions.

The injection's fields come from ``services.injection.INJECTION_FIELDS``; the dose is never
typed: ``injection.dose_per_kg`` computes it as the nurse types the weight and the cells, and
the read-only dose field shows it (or why it cannot be computed). Vital signs before and after
the injection are two ``VitalsWidget``s. An immediate reaction is typed once and recorded as an
adverse event with one click (the AE dialog opens prefilled); the reactions already recorded
are listed beside it.

One Save saves the injection and both measurements, each through its own service call. Every
form is checked first and every message shown at its field; the rules across fields are the
service's pure functions, shown as you type. If the injection is refused, nothing else is
saved. A section never saved and left blank (say, the vital signs after the injection, not yet
measured) is skipped. Changing saved values asks for a reason first.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Field, FieldError, FieldErrors, Value
from sscvisit.services import injection, safety
from sscvisit.services.dto import VisitInfo
from sscvisit.services.errors import ConflictError, ReasonRequired, ServiceError
from sscvisit.services.injection import InjectionInfo
from sscvisit.ui.acr_panel import freeze
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import ERROR_STYLE, FieldForm, display_text, set_text_read_only
from sscvisit.ui.messages import field_message
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.unsaved import UnsavedChangesDialog
from sscvisit.ui.vitals_form import Change, VitalsWidget, changed_values

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

DOSE = "dose_per_kg"
# The fields above the dose (it is computed from the last two); the rest follow below it.
BEFORE_DOSE = (
    "injected_at",
    "batch_number",
    "batch_release_date",
    "weight_kg",
    "total_cells_million",
)
MUTED_STYLE = "color: #5f6368;"
MESSAGE_WIDTH = 190  # the message column of each form (FieldForm's own default is wider)


def _datetime(value: Value) -> dt.datetime | None:
    return value if isinstance(value, dt.datetime) else None


class InjectionDialog(UnsavedChangesDialog):
    """Record (or correct) the injection visit; ``saved`` gives the patient id after a save."""

    saved = Signal(int)

    def __init__(self, ctx: UiContext, visit: VisitInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.visit = visit
        self._conflict = False
        self.info: InjectionInfo | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.ae_dialog: QDialog | None = None
        self._dose_code: str | None = None
        self.read_only = not ctx.user.may("enter_data")
        language = ctx.language
        self.setObjectName("injection_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        title = self.tr("{subject} · {visit} · injection").format(
            subject=visit.subject_number, visit=visit.label(language)
        )
        self.setWindowTitle(title)

        fields = injection.INJECTION_FIELDS
        self.fields: dict[str, Field] = {n: f for n, f in fields.items() if n != DOSE}
        self.above_dose = FieldForm({n: fields[n] for n in BEFORE_DOSE}, language, self)
        self.below_dose = FieldForm(
            {n: f for n, f in self.fields.items() if n not in BEFORE_DOSE}, language, self
        )
        self._forms = (self.above_dose, self.below_dose)
        self._build_dose_row(fields[DOSE])

        self.heading = QLabel(title, self)
        self.heading.setObjectName("heading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)

        self.injection_box = QGroupBox(self.tr("Injection"), self)
        self.injection_box.setObjectName("injection_box")
        box = QVBoxLayout(self.injection_box)
        box.addWidget(self.above_dose)
        box.addWidget(self.below_dose)
        self.pre = VitalsWidget(ctx, "pre_injection", self)
        self.post = VitalsWidget(ctx, "post_injection", self)
        self.reactions_box = self._build_reactions()

        self.banner = ErrorBanner(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close")
        self.close_button.setAutoDefault(False)

        left = QVBoxLayout()
        left.addWidget(self.injection_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.pre)
        right.addWidget(self.post)
        right.addWidget(self.reactions_box)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addSpacing(8)
        body.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)

        width = max(form.label_width() for form in self._forms)
        width = max(width, self.dose_label.sizeHint().width())
        for form in self._forms:
            form.set_label_width(width)
        vitals_width = max(self.pre.form.label_width(), self.post.form.label_width())
        self.pre.form.set_label_width(vitals_width)
        self.post.form.set_label_width(vitals_width)
        for form in (*self._forms, self.pre.form, self.post.form):
            # Two columns of forms side by side: the messages wrap in a narrower column.
            grid = form.layout()
            if isinstance(grid, QGridLayout):
                grid.setColumnMinimumWidth(2, MESSAGE_WIDTH)
        chain = [
            *self.above_dose.editors(),
            *self.below_dose.editors(),
            *self.pre.editors(),
            *self.post.editors(),
            self.reaction_term,
            self.record_button,
            self.save_button,
            self.close_button,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

        for form in self._forms:
            form.fieldEdited.connect(self._on_injection_edited)
        self.pre.edited.connect(self._on_edited)
        self.post.edited.connect(self._on_edited)
        self.save_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)

        self._load()
        if self.read_only:
            for editor in self.injection_editors():
                freeze(editor, True)
                set_text_read_only(editor, True)
            self.pre.set_read_only(True)
            self.post.set_read_only(True)
            self.save_button.hide()
            self.reaction_term.hide()
            self.record_button.hide()
            self.reaction_label.hide()
        self.above_dose.editors()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_save()
        self.resize(max(self.sizeHint().width(), 1200), max(self.sizeHint().height(), 640))

    # -- building ----------------------------------------------------------------------------

    def _build_dose_row(self, field: Field) -> None:
        """The computed dose as a read-only row of the upper form, right under the cells."""
        grid = self.above_dose.layout()
        assert isinstance(grid, QGridLayout)  # FieldForm lays out its rows in a grid
        row = len(BEFORE_DOSE)
        self.dose_label = QLabel(field.label(self._ctx.language), self.above_dose)
        self.dose_label.setObjectName(f"label_{DOSE}")
        self.dose_field = QLineEdit(self.above_dose)
        self.dose_field.setObjectName(DOSE)
        self.dose_field.setReadOnly(True)
        self.dose_field.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dose_field.setAccessibleName(field.label(self._ctx.language))
        self.dose_field.setStyleSheet("QLineEdit { background: palette(window); }")
        wide = self.dose_field.fontMetrics().horizontalAdvance(f"00.000 {field.unit}")
        self.dose_field.setFixedWidth(wide + 28)
        self.dose_label.setBuddy(self.dose_field)
        self.dose_message = QLabel(self.above_dose)
        self.dose_message.setObjectName(f"error_{DOSE}")
        self.dose_message.setStyleSheet(ERROR_STYLE)
        self.dose_message.setWordWrap(True)
        self.dose_message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.dose_message.hide()
        grid.addWidget(self.dose_label, row, 0)
        grid.addWidget(self.dose_field, row, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.dose_message, row, 2)
        grid.setRowStretch(row, 0)
        grid.setRowStretch(row + 1, 1)

    def _build_reactions(self) -> QGroupBox:
        box = QGroupBox(self.tr("Immediate reactions"), self)
        box.setObjectName("reactions_box")
        self.reactions_list = QLabel(box)
        self.reactions_list.setObjectName("reactions_list")
        self.reactions_list.setWordWrap(True)
        self.reactions_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reaction_label = QLabel(self.tr("Reaction"), box)
        self.reaction_term = QLineEdit(box)
        self.reaction_term.setObjectName("reaction_term")
        self.reaction_term.setPlaceholderText(self.tr("e.g. flushing, pain at the injection site"))
        self.reaction_term.setMaxLength(200)
        self.reaction_label.setBuddy(self.reaction_term)
        self.record_button = QPushButton(self.tr("Record as adverse event…"), box)
        self.record_button.setObjectName("record_reaction")
        self.record_button.setAutoDefault(False)
        self.record_button.setEnabled(False)
        hint = QLabel(
            self.tr(
                "Each reaction is recorded as an adverse event starting on the injection date; "
                "the adverse event form opens with the term filled in."
            ),
            box,
        )
        hint.setObjectName("reactions_hint")
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.reaction_label)
        row.addWidget(self.reaction_term, 1)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.reactions_list)
        layout.addLayout(row)
        layout.addWidget(hint)
        self.reaction_term.textChanged.connect(self._update_record)
        self.reaction_term.installEventFilter(self)
        self.record_button.clicked.connect(self.record_reaction)
        return box

    def _load(self) -> None:
        try:
            self.info = injection.get_injection(
                self._ctx.study, self._ctx.user, self.visit.patient_id
            )
            vitals = injection.get_vitals(self._ctx.study, self._ctx.user, self.visit.id)
        except ServiceError as error:
            self.banner.show_service_error(error)
            self.info = None
            vitals = {}
        self._show_injection(self.info)
        self.pre.load(vitals.get("pre_injection"))
        self.post.load(vitals.get("post_injection"))
        self._refresh_rules()
        self.load_reactions()

    def _show_injection(self, info: InjectionInfo | None) -> None:
        values = info.values() if info is not None else {}
        for form in self._forms:
            form.load(values)
        self._refresh_dose()

    # -- public ------------------------------------------------------------------------------

    def form_of(self, name: str) -> FieldForm:
        for form in (*self._forms, self.pre.form):
            if name in form.fields:
                return form
        raise KeyError(name)

    def editor(self, name: str) -> QWidget:
        """An editor of the injection (the vital signs: ``self.pre.editor``, ``self.post...``)."""
        return (
            self.above_dose.editor(name)
            if name in self.above_dose.fields
            else self.below_dose.editor(name)
        )

    def injection_editors(self) -> list[QWidget]:
        return [*self.above_dose.editors(), *self.below_dose.editors()]

    def error_code(self, name: str | None = None) -> str | None:
        """The code shown at an injection field (``code_of``), the dose's, or the banner's."""
        if name is None:
            return self.banner.code
        if name == DOSE:
            return self._dose_code
        form = self.above_dose if name in self.above_dose.fields else self.below_dose
        return form.error_code(name)

    def dose_text(self) -> str:
        return self.dose_field.text()

    def dose_message_text(self) -> str:
        return self.dose_message.text() if self.dose_message.isVisible() else ""

    def injection_values(self) -> dict[str, Value]:
        values = self.above_dose.values()
        values.update(self.below_dose.values())
        return values

    def injection_blank(self) -> bool:
        return all(not form.raw_text(name).strip() for form in self._forms for name in form.fields)

    def injection_changes(self) -> list[Change] | None:
        """None before the first save; else the saved injection values this save changes."""
        if self.info is None:
            return None
        new = self.injection_values()
        new[DOSE] = self._dose()
        return changed_values(
            injection.INJECTION_FIELDS, self.info.values(), new, self._ctx.language
        )

    def injection_dirty(self) -> bool:
        changes = self.injection_changes()
        return not self.injection_blank() if changes is None else bool(changes)

    def has_unsaved_changes(self) -> bool:
        return not self.read_only and (
            self.injection_dirty() or self.pre.is_dirty() or self.post.is_dirty()
        )

    def unsaved_changes_text(self) -> str:
        return self.tr("The injection visit has unsaved changes. Close and discard them?")

    def submit(self) -> None:
        """Save pressed: check all three forms, show every problem, ask a reason, then save."""
        if self.read_only or self._conflict or not self._anything_to_save():
            return
        checks: list[bool] = []
        if self._injection_included():
            checks += [form.check() is not None for form in self._forms]
        for vitals in self._vitals_included():
            checks.append(vitals.check() is not None)
        rules = self._refresh_rules()
        if not all(checks) or rules:
            self._focus_first_error()
            self._update_save()
            return
        changes = self.changes()
        if changes:
            self.ask_reason(changes)
        else:
            self._save(None)

    def changes(self) -> list[Change]:
        """The saved values (injection and vital signs) this save changes; [] when none."""
        out = list(self.injection_changes() or [])
        for vitals in (self.pre, self.post):
            heading = vitals.heading_text()
            out += [(f"{heading}: {label}", old, new) for label, old, new in vitals.changes() or []]
        return out

    def ask_reason(self, changes: list[Change]) -> ReasonDialog:
        dialog = ReasonDialog.for_change(changes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def load_reactions(self) -> None:
        """List the immediate reactions already recorded as adverse events of this patient."""
        try:
            events = safety.list_aes(self._ctx.study, self._ctx.user, self.visit.patient_id)
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        lines = []
        for event in events:
            if event.voided or not event.immediate_reaction:
                continue
            if event.serious:
                line = self.tr("AE {number}: {term} (SAE)")
            else:
                line = self.tr("AE {number}: {term}")
            lines.append(line.format(number=event.number, term=event.term))
        self.reactions_list.setText(
            "\n".join(lines) if lines else self.tr("No immediate reaction recorded.")
        )
        self.reactions_list.setStyleSheet("" if lines else MUTED_STYLE)

    def record_reaction(self) -> QDialog | None:
        """Open the adverse event form for the typed reaction, prefilled; None without a term."""
        term = self.reaction_term.text().strip()
        if self.read_only or not term:
            return None
        # Imported here: the AE dialog pulls in the whole safety UI, needed only on this click.
        from sscvisit.ui.ae_dialog import AdverseEventDialog

        at = _datetime(self.injection_values().get("injected_at"))
        if at is None and self.info is not None:
            at = self.info.injected_at
        onset = at.date() if at is not None else self.visit.visit_date
        prefill: dict[str, Value] = {
            "term": term,
            "onset_date": onset,
            "immediate_reaction": True,
        }
        dialog = AdverseEventDialog(
            self._ctx, self.visit.patient_id, self.visit, self, prefill=prefill
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_reaction_saved)
        self.ae_dialog = dialog
        dialog.open()
        return dialog

    # -- internals ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the reaction field records the reaction; it must not also press Save.
        if (
            watched is self.reaction_term
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter}
        ):
            self.record_reaction()
            return True
        return super().eventFilter(watched, event)

    def _injection_included(self) -> bool:
        return self.info is not None or not self.injection_blank()

    def _vitals_included(self) -> list[VitalsWidget]:
        return [v for v in (self.pre, self.post) if v.info is not None or not v.is_blank()]

    def _anything_to_save(self) -> bool:
        return self.injection_dirty() or any(v.is_dirty() for v in (self.pre, self.post))

    def _injected_at(self) -> dt.datetime | None:
        """The injection time the vital signs are judged against: as typed, else as saved."""
        typed = _datetime(self.injection_values().get("injected_at"))
        if typed is not None:
            return typed
        return self.info.injected_at if self.info is not None else None

    def _dose(self) -> float | None:
        values = self.injection_values()
        weight, cells = values.get("weight_kg"), values.get("total_cells_million")
        if not isinstance(weight, int | float) or not isinstance(cells, int | float):
            return None
        try:
            return injection.dose_per_kg(float(cells), float(weight))
        except FieldError:
            return None

    def _typed_weight(self) -> float | None:
        """The weight as typed, range aside: the dose says itself why it needs 30-200 kg."""
        text = self.above_dose.raw_text("weight_kg").strip().replace(",", ".")
        try:
            return float(text) if text else None
        except ValueError:
            return None

    def _refresh_dose(self) -> None:
        """Show the dose for the weight and cells typed so far, or why there is none."""
        field = injection.INJECTION_FIELDS[DOSE]
        self._dose_code = None
        weight = self._typed_weight()
        cells = self.injection_values().get("total_cells_million")
        message = ""
        text = ""
        if weight is not None:
            try:
                dose = injection.dose_per_kg(
                    float(cells) if isinstance(cells, int | float) else 1.0, weight
                )
            except FieldError as error:
                message = field_message(error)
                self._dose_code = f"{DOSE}:{error.params.get('rule')}"
            else:
                if isinstance(cells, int | float):
                    text = display_text(field, dose, self._ctx.language)
        self.dose_field.setText(text)
        self.dose_message.setText(message)
        self.dose_message.setVisible(bool(message))

    def _refresh_rules(self) -> bool:
        """Show the rules across fields for what is typed now; True if any is broken."""
        visit_date = self.visit.visit_date
        rules: list[FieldError] = []
        if visit_date is not None and self._injection_included():
            rules = injection.injection_problems(self.injection_values(), visit_date)
        for form in self._forms:
            form.set_rule_errors(rules)
        broken = bool(rules)
        injected_at = self._injected_at()
        for vitals in (self.pre, self.post):
            errors = vitals.rule_errors(visit_date, injected_at)
            vitals.show_rule_errors(errors)
            broken = broken or bool(errors)
        return broken

    def _focus_first_error(self) -> None:
        for form in (*self._forms, self.pre.form, self.post.form):
            if any(form.error_code(name) is not None for name in form.fields):
                form.focus_first_error()
                return

    def _has_shown_errors(self) -> bool:
        return any(
            form.error_code(name) is not None
            for form in (*self._forms, self.pre.form, self.post.form)
            for name in form.fields
        )

    def _save(self, reason: str | None) -> None:
        saved_any = False
        if self._injection_included() and self.injection_dirty():
            try:
                self.info = injection.save_injection(
                    self._ctx.study,
                    self._ctx.user,
                    self.visit.id,
                    self.injection_values(),
                    reason=reason if self.injection_changes() else None,
                    expected_version=self.info.version if self.info is not None else None,
                )
            except FieldErrors as errors:
                self._show_field_errors(errors)
                return  # the injection refused: nothing else is saved
            except ServiceError as error:
                self._service_error(error)
                return
            saved_any = True
            self._show_injection(self.info)
        refused = False
        for vitals in (self.pre, self.post):
            if vitals not in self._vitals_included() or not vitals.is_dirty():
                continue
            try:
                vitals.save(self.visit.id, reason)
            except FieldErrors as errors:
                rest = vitals.show_errors(errors)
                if rest:
                    self.banner.show_error(rest[0], field_message(rest[0]))
                refused = True
                continue
            except ServiceError as error:
                self._service_error(error)
                refused = True
                break
            saved_any = True
        if saved_any:
            self.saved.emit(self.visit.patient_id)
        if refused:
            self._refresh_rules()
            self._focus_first_error()
            self._update_save()
            return
        self.accept()

    def _service_error(self, error: ServiceError) -> None:
        if isinstance(error, ReasonRequired):
            self.ask_reason(self.changes())
            return
        if isinstance(error, ConflictError):
            # Someone saved first: never overwrite; close, reopen and enter the changes again.
            self._conflict = True
        self.banner.show_service_error(error)
        self._update_save()

    def _show_field_errors(self, errors: FieldErrors) -> None:
        rest: list[FieldError] = list(errors.errors)
        for form in self._forms:
            rest = form.show_errors(rest)
        if rest:
            self.banner.show_error(rest[0], field_message(rest[0]))
        self._focus_first_error()
        self._update_save()

    def _on_injection_edited(self, name: str) -> None:
        if name in {"weight_kg", "total_cells_million"}:
            self._refresh_dose()
        self._on_edited()

    def _on_edited(self) -> None:
        if not self._conflict:
            self.banner.clear_error()
        self._refresh_rules()
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(
            not self.read_only
            and not self._conflict
            and self._anything_to_save()
            and not self._has_shown_errors()
        )

    def _update_record(self) -> None:
        self.record_button.setEnabled(
            not self.read_only and bool(self.reaction_term.text().strip())
        )

    def _on_reaction_saved(self, _ae_id: int) -> None:
        self.reaction_term.clear()
        self.load_reactions()


__all__ = ["BEFORE_DOSE", "DOSE", "InjectionDialog"]
