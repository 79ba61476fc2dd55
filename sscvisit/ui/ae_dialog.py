"""Record an adverse event, or a follow-up report on one, and its SAE reporting to the sponsor.

Three parts, each built from the declarations ``services.safety`` hands out: the event (term,
dates, intensity, WHO grade, relations, action, outcome), the six ICH E2A seriousness criteria
(any one ticked makes it a serious adverse event), and the SAE reporting (when the site became
aware, the 24-hour deadline with a live countdown, when it was reported and why late). The
cross-field rules come from ``safety.check_values`` as you type and show beside their field;
Save stays disabled while any fails. Changing a saved value asks for the reason first. A saved
event's "History…" lists every version from the audit trail.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import DATETIME_FORMAT, Field, FieldError, FieldErrors, Value
from sscvisit.services import clock, patients, safety, visits
from sscvisit.services.dto import AuditRow, VisitInfo
from sscvisit.services.errors import ConflictError, ReasonRequired, ServiceError
from sscvisit.services.safety import AeInfo
from sscvisit.ui.acr_panel import freeze
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import (
    ERROR_STYLE,
    FieldForm,
    display_text,
    field_caption,
    set_text_read_only,
)
from sscvisit.ui.messages import code_of, field_message
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.sae_watch import ae_label, countdown_text, duration_text, moment_text
from sscvisit.ui.unsaved import UnsavedChangesDialog

COUNTDOWN_MS = 30_000
DIALOG_SIZE = (1200, 620)  # fits a 1280 x 800 screen with the window frame
SAE_STYLE = (
    "background: #fde7ea; color: #8a1c1c; border: 1px solid #e0a0a0; border-radius: 3px;"
    " padding: 4px 8px; font-weight: bold;"
)
OK_STYLE = "color: #1e6b2e; font-weight: bold;"
MUTED_STYLE = "color: #5f6368;"
VOID_STYLE = "background: #fdecea; color: #8a1c1c; padding: 6px; border: 1px solid #e0a0a0;"
VISIT_FIELD = "visit_id"


def value_text(field: Field, value: Value, language: str) -> str:
    """A value as read-only text; a date and time as typed (YYYY-MM-DD HH:MM)."""
    if isinstance(value, dt.datetime):
        return value.strftime(DATETIME_FORMAT)
    return display_text(field, value, language)


def visit_text(visit: VisitInfo, language: str) -> str:
    day = visit.visit_date.isoformat() if visit.visit_date is not None else "—"
    return f"{visit.label(language)} ({day})"


def _same(a: Value, b: Value) -> bool:
    if isinstance(a, str):
        a = a.strip() or None
    if isinstance(b, str):
        b = b.strip() or None
    return a == b


class AdverseEventDialog(UnsavedChangesDialog):
    """A new adverse event of a patient (at ``visit``, or one chosen here), or a saved one.

    Open with ``open()``; ``saved`` carries the patient id. ``prefill`` fills fields of a new
    event (e.g. from an immediate reaction or an abnormal lab value), as if typed.
    ``lab_result_id``: the lab result the new event is recorded from (its suggestion); the first
    save links them, so the lab overview shows the result as recorded.
    """

    saved = Signal(int)  # patient_id

    def __init__(
        self,
        ctx: UiContext,
        patient_id: int,
        visit: VisitInfo | None,
        parent: QWidget | None = None,
        *,
        ae_id: int | None = None,
        prefill: Mapping[str, Value] | None = None,
        lab_result_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.patient_id = patient_id
        self.ae_id = ae_id
        self.lab_result_id = lab_result_id
        self.info: AeInfo | None = None
        self.read_only = not ctx.user.may("enter_data")
        self.reason_dialog: ReasonDialog | None = None
        self.history_dialog: AeHistoryDialog | None = None
        self._conflict = False
        self._consent: dt.date | None = None
        self._subject = ""
        self._visits: list[VisitInfo] = []
        self._fixed_visit: int | None = None  # the visit given by the caller
        self.setObjectName("adverse_event_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        language = ctx.language

        self.banner = ErrorBanner(self)
        self._load_context(visit)

        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.void_banner = QLabel(self)
        self.void_banner.setObjectName("void_banner")
        self.void_banner.setStyleSheet(VOID_STYLE)
        self.void_banner.setWordWrap(True)
        self.void_banner.hide()

        # The visit the event is recorded at: fixed once saved or when given.
        self.visit_label = QLabel(self.tr("Recorded at visit"), self)
        self.visit_combo = QComboBox(self)
        self.visit_combo.setObjectName(VISIT_FIELD)
        self.visit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.visit_text = QLabel(self)
        self.visit_text.setObjectName("visit_text")
        self.visit_error = QLabel(self)
        self.visit_error.setObjectName(f"error_{VISIT_FIELD}")
        self.visit_error.setStyleSheet(ERROR_STYLE)
        self.visit_error.setWordWrap(True)
        self.visit_error.hide()
        self._visit_error: FieldError | None = None
        self.visit_label.setBuddy(self.visit_combo)

        fields = safety.AE_FIELDS
        self.event_form = FieldForm({n: fields[n] for n in safety.EVENT_FIELDS}, language, self)
        self.criteria_form = FieldForm({n: fields[n] for n in safety.CRITERIA}, language, self)
        self.report_form = FieldForm(
            {n: fields[n] for n in safety.REPORTING_FIELDS}, language, self
        )
        self.forms = (self.event_form, self.criteria_form, self.report_form)

        self.sae_line = QLabel(self.tr("Serious adverse event (SAE)"), self)
        self.sae_line.setObjectName("sae_line")
        self.sae_line.setStyleSheet(SAE_STYLE)
        self.criteria_hint = QLabel(
            self.tr("Tick every criterion that applies; any one makes the event serious."), self
        )
        self.criteria_hint.setWordWrap(True)
        self.criteria_hint.setStyleSheet(MUTED_STYLE)
        self.report_hint = QLabel(
            self.tr(
                "The sponsor must have an SAE report within {hours} hours of the site becoming "
                "aware of the event."
            ).format(hours=safety.SAE_REPORT_HOURS),
            self,
        )
        self.report_hint.setWordWrap(True)
        self.report_hint.setStyleSheet(MUTED_STYLE)
        self.deadline_label = QLabel(self)
        self.deadline_label.setObjectName("deadline")
        self.countdown_label = QLabel(self)
        self.countdown_label.setObjectName("countdown")
        self.countdown_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.cancel_button: QPushButton = self.buttons.button(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.history_button = QPushButton(self.tr("History…"), self)
        self.history_button.setObjectName("history")
        self.void_button = QPushButton(self.tr("Void…"), self)
        self.void_button.setObjectName("void")
        self.buttons.addButton(self.history_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.void_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.history_button.clicked.connect(self.show_history)
        self.void_button.clicked.connect(self.ask_void)

        self._build_layout()

        for form in self.forms:
            form.fieldEdited.connect(self._on_edited)
            form.validityChanged.connect(lambda _valid: self._update_save())
        self.visit_combo.currentIndexChanged.connect(lambda _i: self._on_edited(VISIT_FIELD))

        self._fill_visits(visit)
        self._load()
        self._baseline = self._snapshot()
        if prefill and self.info is None:
            for name, value in prefill.items():
                for form in self.forms:
                    if name in form.fields:
                        form.set_value(name, value)
        if self.read_only:
            self._freeze()
        self.timer = QTimer(self)
        self.timer.setInterval(COUNTDOWN_MS)
        self.timer.timeout.connect(self._update_deadline)
        self.timer.start()
        self._on_edited("")
        self._chain_tab_order()
        self.resize(DIALOG_SIZE[0], max(self.sizeHint().height(), DIALOG_SIZE[1]))

    # -- building ----------------------------------------------------------------------------

    def _load_context(self, visit: VisitInfo | None) -> None:
        """The patient's consent date and subject number, and the visits recorded as done."""
        ctx = self._ctx
        try:
            row = patients.get_patient(ctx.study, ctx.user, self.patient_id)
            self._consent = row.consent_date
            self._subject = row.subject_number
            schedule = visits.schedule(ctx.study, ctx.user, self.patient_id)
            if self.ae_id is not None:
                self.info = safety.get_ae(ctx.study, ctx.user, self.ae_id)
        except ServiceError as error:
            self.banner.show_service_error(error)
            schedule = []
        done = [v for v in schedule if v.outcome == "done" and v.visit_date is not None]
        if visit is not None and all(v.id != visit.id for v in done):
            done.append(visit)
        self._visits = done

    def _build_layout(self) -> None:
        visit_row = QHBoxLayout()
        visit_row.addWidget(self.visit_label)
        visit_row.addWidget(self.visit_combo)
        visit_row.addWidget(self.visit_text)
        visit_row.addWidget(self.visit_error, 1)
        visit_row.addStretch(0)

        event_box = QGroupBox(self.tr("Adverse event"), self)
        QVBoxLayout(event_box).addWidget(self.event_form)

        criteria_box = QGroupBox(self.tr("Seriousness (ICH E2A)"), self)
        criteria_layout = QVBoxLayout(criteria_box)
        criteria_layout.addWidget(self.criteria_hint)
        criteria_layout.addWidget(self.criteria_form)
        criteria_layout.addWidget(self.sae_line)

        report_box = QGroupBox(self.tr("SAE reporting to the sponsor"), self)
        self.report_box = report_box
        report_layout = QVBoxLayout(report_box)
        report_layout.addWidget(self.report_hint)
        report_layout.addWidget(self.report_form)
        deadline_grid = QGridLayout()
        deadline_grid.setHorizontalSpacing(12)
        deadline_caption = QLabel(self.tr("Report by"), self)
        deadline_grid.addWidget(deadline_caption, 0, 0)
        deadline_grid.addWidget(self.deadline_label, 0, 1)
        deadline_grid.addWidget(self.countdown_label, 1, 1)
        deadline_grid.setColumnStretch(1, 1)
        report_layout.addLayout(deadline_grid)
        self._deadline_caption = deadline_caption

        # The forms keep room for a message beside each field; the two columns must still fit
        # a 1280-pixel screen, so the messages wrap in a narrower column than usual.
        for form, room in (
            (self.event_form, 170),
            (self.criteria_form, 160),
            (self.report_form, 160),
        ):
            grid = form.layout()
            if isinstance(grid, QGridLayout):
                grid.setColumnMinimumWidth(2, room)
        deadline_grid.setColumnMinimumWidth(0, self.report_form.label_width())

        right = QVBoxLayout()
        right.addWidget(criteria_box)
        right.addWidget(report_box)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(event_box, 11)
        body.addLayout(right, 9)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.void_banner)
        layout.addLayout(visit_row)
        layout.addLayout(body, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)

    def _fill_visits(self, visit: VisitInfo | None) -> None:
        language = self._ctx.language
        fixed: VisitInfo | None = None
        if self.info is not None:
            fixed = next((v for v in self._visits if v.id == self.info.visit_id), None)
            if fixed is None:
                self.visit_text.setText(self.info.visit_code)
        elif visit is not None:
            fixed = visit
        if fixed is not None or self.info is not None:
            self._fixed_visit = fixed.id if fixed is not None else None
            self.visit_combo.hide()
            if fixed is not None:
                self.visit_text.setText(visit_text(fixed, language))
            return
        self.visit_text.hide()
        ordered = sorted(
            self._visits, key=lambda v: (v.visit_date or dt.date.min, v.sequence), reverse=True
        )
        for item in ordered:
            self.visit_combo.addItem(visit_text(item, language), item.id)
        if not ordered:
            self.visit_combo.addItem(self.tr("No visit recorded as done yet"), None)
            self.visit_combo.setEnabled(False)
        self.visit_combo.setCurrentIndex(0)  # the latest visit done

    def _load(self) -> None:
        info = self.info
        title = (
            self.tr("{subject} · New adverse event").format(subject=self._subject)
            if info is None
            else self.tr("{subject} · {ae} · {term}").format(
                subject=self._subject, ae=ae_label(info.number), term=info.term
            )
        )
        self.heading.setText(title)
        self.setWindowTitle(title)
        self.history_button.setVisible(info is not None)
        self.void_button.setVisible(info is not None and not self.read_only)
        if info is None:
            for form in self.forms:
                form.load({})
            return
        values = info.values()
        for form in self.forms:
            form.load(values)
        if info.voided:
            self.void_banner.setText(
                self.tr("This adverse event is void: {reason}").format(reason=info.void_reason)
            )
            self.void_banner.show()
            self.read_only = True
            self.void_button.hide()

    def _freeze(self) -> None:
        for form in self.forms:
            for editor in form.editors():
                freeze(editor, True)
                set_text_read_only(editor, True)
        self.visit_combo.setEnabled(False)
        self.save_button.hide()

    def _chain_tab_order(self) -> None:
        editors = [e for form in self.forms for e in form.editors()]
        chain: list[QWidget] = [self.visit_combo] if not self.visit_combo.isHidden() else []
        chain += [*editors, self.save_button, self.cancel_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        chain[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- public ------------------------------------------------------------------------------

    def form_of(self, name: str) -> FieldForm:
        for form in self.forms:
            if name in form.fields:
                return form
        raise KeyError(name)

    def editor(self, name: str) -> QWidget:
        if name == VISIT_FIELD:
            return self.visit_combo
        return self.form_of(name).editor(name)

    def error_code(self, name: str | None = None) -> str | None:
        """The code shown at a field (``code_of``), or in the banner when None."""
        if name is None:
            return self.banner.code
        if name == VISIT_FIELD:
            return code_of(self._visit_error) if self._visit_error is not None else None
        return self.form_of(name).error_code(name)

    def visit_id(self) -> int | None:
        if self.info is not None:
            return self.info.visit_id
        if self._fixed_visit is not None:
            return self._fixed_visit
        data = self.visit_combo.currentData()
        return data if isinstance(data, int) else None

    def is_serious(self) -> bool:
        return any(self.criteria_form.values().get(name) is True for name in safety.CRITERIA)

    def values(self) -> dict[str, Value]:
        """Every field as it would be saved; the reporting fields only for a serious event."""
        out: dict[str, Value] = {}
        for form in self.forms:
            out.update(form.values())
        if not self.is_serious():
            for name in safety.REPORTING_FIELDS:
                out[name] = None
        return out

    def changes(self) -> list[tuple[str, str, str]] | None:
        """None for a new event; else the saved values this save changes (label, old, new)."""
        if self.info is None:
            return None
        language = self._ctx.language
        saved = self.info.values()
        out: list[tuple[str, str, str]] = []
        for name, value in self.values().items():
            if not _same(saved.get(name), value):
                field = safety.AE_FIELDS[name]
                out.append(
                    (
                        field_caption(field, language),
                        value_text(field, saved.get(name), language),
                        value_text(field, value, language),
                    )
                )
        return out

    def overwrites(self) -> bool:
        """Whether the save changes a value that was saved (not only fills in an empty one)."""
        if self.info is None:
            return False
        saved = self.info.values()
        return any(
            saved.get(name) is not None and not _same(saved.get(name), value)
            for name, value in self.values().items()
        )

    def has_unsaved_changes(self) -> bool:
        return not self.read_only and self._snapshot() != self._baseline

    def unsaved_changes_text(self) -> str:
        return self.tr("Discard the changes to this adverse event?")

    def deadline_text(self) -> str:
        return self.deadline_label.text()

    def countdown_text(self) -> str:
        return self.countdown_label.text()

    def submit(self) -> None:
        """Save pressed: show every problem; ask the reason when saved values change; save."""
        if self.read_only:
            return
        checks = [form.check() for form in self.forms]
        self._on_edited("")
        if any(result is None for result in checks) or not self._valid():
            return
        if self.info is None:
            self._save(None)
            return
        changes = self.changes() or []
        if not changes:
            return
        if self.overwrites():
            self.ask_reason(changes)
        else:
            self._save(None)

    def ask_reason(self, changes: Sequence[tuple[str, str, str]]) -> ReasonDialog:
        dialog = ReasonDialog.for_change(changes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def ask_void(self) -> ReasonDialog | None:
        if self.info is None or self.read_only:
            return None
        subject = f"{self._subject} {ae_label(self.info.number)}"
        dialog = ReasonDialog.for_void(subject, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._void)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def show_history(self) -> AeHistoryDialog | None:
        if self.info is None:
            return None
        dialog = AeHistoryDialog(self._ctx, self.info.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog = dialog
        dialog.open()
        return dialog

    # -- internals ---------------------------------------------------------------------------

    def _snapshot(self) -> tuple[object, ...]:
        texts = tuple(form.raw_text(n) for form in self.forms for n in form.fields)
        return (self.visit_combo.currentIndex(), *texts)

    def _valid(self) -> bool:
        return (
            not self._conflict
            and self.visit_id() is not None
            and self._visit_error is None
            and all(form.is_valid() for form in self.forms)
        )

    def _on_edited(self, name: str) -> None:
        if name == VISIT_FIELD:
            self._set_visit_error(None)
        if not self._conflict and name:
            self.banner.clear_error()
        serious = self.is_serious()
        self.sae_line.setVisible(serious)
        for editor in self.report_form.editors():
            editor.setEnabled(serious and not self.read_only)
        self.report_hint.setEnabled(serious)
        values = self.values()
        _, errors = safety.check_values(values, now=clock.now_local(), consent_date=self._consent)
        rules = [e for e in errors if "rule" in e.params]
        for form in self.forms:
            form.set_rule_errors(rules)
        self._update_deadline()
        self._update_save()

    def _update_deadline(self) -> None:
        values = self.values()
        aware = values.get("aware_at")
        reported = values.get("reported_at")
        serious = self.is_serious()
        self._deadline_caption.setEnabled(serious)
        self.countdown_label.setStyleSheet("")
        if not serious or not isinstance(aware, dt.datetime):
            self.deadline_label.setText("—")
            self.countdown_label.setText(
                self.tr("Enter when the site became aware of the SAE.") if serious else ""
            )
            self.countdown_label.setStyleSheet(MUTED_STYLE)
            return
        deadline = safety.sae_deadline(aware)
        now = clock.now_local()
        self.deadline_label.setText(moment_text(deadline))
        state = safety.report_state(
            True, aware, reported if isinstance(reported, dt.datetime) else None, now
        )
        if state == "due":
            self.countdown_label.setText(
                self.tr("Not reported yet: {countdown}.").format(
                    countdown=countdown_text(deadline, now)
                )
            )
            self.countdown_label.setStyleSheet("font-weight: bold;")
        elif state == "overdue":
            self.countdown_label.setText(
                self.tr("Not reported yet: {countdown}. Report it to the sponsor now.").format(
                    countdown=countdown_text(deadline, now)
                )
            )
            self.countdown_label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        elif state == "reported_in_time" and isinstance(reported, dt.datetime):
            self.countdown_label.setText(
                self.tr("Reported in time, {time} after the site became aware.").format(
                    time=duration_text(reported - aware)
                )
            )
            self.countdown_label.setStyleSheet(OK_STYLE)
        elif isinstance(reported, dt.datetime) and values.get("late_reason"):
            self.countdown_label.setText(
                self.tr("Reported late, {time} after the deadline.").format(
                    time=duration_text(reported - deadline)
                )
            )
            self.countdown_label.setStyleSheet(ERROR_STYLE)
        elif isinstance(reported, dt.datetime):
            self.countdown_label.setText(
                self.tr("Reported late, {time} after the deadline: give the reason.").format(
                    time=duration_text(reported - deadline)
                )
            )
            self.countdown_label.setStyleSheet(ERROR_STYLE)

    def _update_save(self) -> None:
        changes = self.changes()
        self.save_button.setEnabled(
            not self.read_only and self._valid() and (changes is None or bool(changes))
        )

    def _set_visit_error(self, error: FieldError | None) -> None:
        self._visit_error = error
        if error is None:
            self.visit_error.clear()
            self.visit_error.hide()
        else:
            self.visit_error.setText(field_message(error))
            self.visit_error.show()

    def _save(self, reason: str | None) -> None:
        ctx = self._ctx
        try:
            if self.info is None:
                visit_id = self.visit_id()
                assert visit_id is not None  # Save is disabled without a visit
                result = safety.record_ae(
                    ctx.study,
                    ctx.user,
                    visit_id,
                    self.values(),
                    lab_result_id=self.lab_result_id,
                )
            else:
                result = safety.update_ae(
                    ctx.study,
                    ctx.user,
                    self.info.id,
                    self.values(),
                    reason=reason,
                    expected_version=self.info.version,
                )
        except FieldErrors as errors:
            self._show_field_errors(errors)
            return
        except ReasonRequired:
            self.ask_reason(self.changes() or [])
            return
        except ConflictError as error:
            # Someone saved first: never overwrite; close, reopen and enter the changes again.
            self._conflict = True
            self.banner.show_service_error(error)
            self._update_save()
            return
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.info = result
        self._baseline = self._snapshot()
        self.saved.emit(self.patient_id)
        self.accept()

    def _void(self, reason: str) -> None:
        if self.info is None:
            return
        try:
            self.info = safety.void_ae(self._ctx.study, self._ctx.user, self.info.id, reason)
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.saved.emit(self.patient_id)
        self.accept()

    def _show_field_errors(self, errors: FieldErrors) -> None:
        rest: list[FieldError] = []
        for error in errors.errors:
            if error.field == VISIT_FIELD:
                self._set_visit_error(error)
            else:
                rest.append(error)
        for form in self.forms:
            rest = form.show_errors(rest)
        if rest:
            self.banner.show_error(rest[0], field_message(rest[0]))
        elif self._visit_error is not None and self.visit_combo.isHidden():
            self.banner.show_error(self._visit_error, field_message(self._visit_error))
        self._update_save()


class AeHistoryDialog(QDialog):
    """Every version of one adverse event, from its audit rows: who changed what, when, why."""

    def __init__(self, ctx: UiContext, ae_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from sscvisit.ui.audit_viewer import AuditTableModel, local_time

        self.setObjectName("ae_history_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("History of the adverse event"))
        labels = AuditTableModel(ctx.language, self)  # field labels and code lists, as there
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("history")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Old value"), self.tr("New value")])
        self.tree.setAlternatingRowColors(True)
        self.banner = ErrorBanner(self)
        self.versions: list[list[AuditRow]] = []
        try:
            rows = safety.ae_history(ctx.study, ctx.user, ae_id)
        except ServiceError as error:
            self.banner.show_service_error(error)
            rows = []
        for _key, group in itertools.groupby(
            rows, key=lambda r: (r.timestamp_utc, r.username, r.reason)
        ):
            self.versions.append(list(group))
        table = "adverse_events"
        own = {
            "number": self.tr("AE number"),
            "visit_id": self.tr("Visit record"),
            "lab_result_id": self.tr("Recorded from lab result record"),
        }
        for number, version in enumerate(self.versions, start=1):
            first = version[0]
            top = QTreeWidgetItem(
                [
                    self.tr("Version {n} · {when} · {user}").format(
                        n=number, when=local_time(first.timestamp_utc), user=first.username
                    ),
                    "",
                    self.tr("Reason: {reason}").format(reason=first.reason or "—"),
                ]
            )
            top.setFirstColumnSpanned(False)
            font = QFont(top.font(0))
            font.setBold(True)
            for column in range(3):
                top.setFont(column, font)
            for row in version:
                if row.field is None:
                    continue
                top.addChild(
                    QTreeWidgetItem(
                        [
                            own.get(row.field) or labels.field_label(table, row.field),
                            _history_value(labels.value_text(table, row.field, row.old_value)),
                            _history_value(labels.value_text(table, row.field, row.new_value)),
                        ]
                    )
                )
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)


def _history_value(text: str) -> str:
    """Stored date-times (ISO, with seconds) as typed; everything else as the audit shows it."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if "T" not in text:
        return text
    return moment.strftime(DATETIME_FORMAT)


def history_versions(ctx: UiContext, ae_id: int) -> int:
    """How many versions an AE has (its audit rows grouped by save)."""
    rows = safety.ae_history(ctx.study, ctx.user, ae_id)
    return len({(r.timestamp_utc, r.username, r.reason) for r in rows})


__all__ = [
    "AdverseEventDialog",
    "AeHistoryDialog",
    "history_versions",
    "value_text",
    "visit_text",
]
