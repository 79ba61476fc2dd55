"""One patient: header, demographics and consent, identity (if allowed), visits, and actions."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import FieldErrors, Value
from sscvisit.services import patients
from sscvisit.services.dto import PatientRow
from sscvisit.services.errors import ConflictError, ServiceError
from sscvisit.ui.ae_log import AdverseEventLog
from sscvisit.ui.biomarker_view import BiomarkerOverview
from sscvisit.ui.conmed_log import ConmedLog
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import FieldSummary, display_text, field_caption
from sscvisit.ui.lab_table import LabOverview
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner, RegistrationEditor, field_error_text
from sscvisit.ui.scores_view import ScoresOverTime
from sscvisit.ui.screening_summary import ScreeningSummary
from sscvisit.ui.ulcer_review import UlcerReview
from sscvisit.ui.visit_forms import VisitForms
from sscvisit.ui.visit_timeline import VisitTimeline

_ALL_FIELDS = {**patients.PATIENT_FIELDS, **patients.IDENTITY_FIELDS}


def values_of(row: PatientRow) -> dict[str, Value]:
    """The editable values of a patient, keyed by field name."""
    values: dict[str, Value] = {name: getattr(row, name) for name in patients.PATIENT_FIELDS}
    if row.identity is not None:
        values.update({name: getattr(row.identity, name) for name in patients.IDENTITY_FIELDS})
    return values


class PatientEditDialog(QDialog):
    """Change saved registration data: only changed fields are sent, with a reason and version."""

    saved = Signal(object)  # PatientRow
    conflicted = Signal()  # someone else saved first; the owner should reload

    def __init__(self, ctx: UiContext, row: PatientRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._row = row
        self._original = values_of(row)
        self.setWindowTitle(self.tr("Edit {subject}").format(subject=row.subject_number))
        self.setObjectName("patient_edit_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)

        self.editor = RegistrationEditor(
            ctx.language, show_identity=row.identity is not None, parent=self
        )
        self.editor.load(self._original)
        self.banner = ErrorBanner(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setDefault(True)
        self.reason_dialog: ReasonDialog | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        editors = self.editor.editors()
        QWidget.setTabOrder(editors[-1], self.save_button)
        QWidget.setTabOrder(
            self.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        )

        self.buttons.accepted.connect(self.ask_reason)
        self.buttons.rejected.connect(self.reject)
        self.editor.validityChanged.connect(self._update_save)
        self.editor.edited.connect(self._on_edited)
        self._conflict = False
        self._update_save()
        editors[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(max(self.sizeHint().width(), 760), self.sizeHint().height())

    def changes(self) -> dict[str, Value]:
        return changed_values(self._original, self.editor.values())

    def error_code(self, name: str | None = None) -> str | None:
        return self.banner.code if name is None else self.editor.error_code(name)

    def ask_reason(self) -> ReasonDialog | None:
        """Save pressed: ask why (window-modal, not exec()); the save happens on its OK."""
        if self.editor.check() is None or not self.changes():
            return None
        listed = [
            (
                field_caption(_ALL_FIELDS[name], self._ctx.language),
                display_text(_ALL_FIELDS[name], self._original.get(name), self._ctx.language),
                display_text(_ALL_FIELDS[name], value, self._ctx.language),
            )
            for name, value in self.changes().items()
        ]
        dialog = ReasonDialog.for_change(listed, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self.save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def save(self, reason: str) -> None:
        changes = self.changes()
        if not changes:
            return
        try:
            row = patients.update_patient(
                self._ctx.study,
                self._ctx.user,
                self._row.id,
                changes,
                reason,
                expected_version=self._row.version,
            )
        except FieldErrors as errors:
            rest = self.editor.show_errors(errors)
            if rest:
                self.banner.show_error(rest[0], field_error_text(rest[0], self._ctx.language))
            return
        except ConflictError as error:
            # Someone saved first: never overwrite; the page reloads, the user re-enters.
            self._conflict = True
            self.banner.show_service_error(error)
            self._update_save()
            self.conflicted.emit()
            return
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.saved.emit(row)
        self.accept()

    def _on_edited(self) -> None:
        if not self._conflict:
            self.banner.clear_error()
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(
            not self._conflict and self.editor.is_valid() and bool(self.changes())
        )


class PatientPage(QWidget):
    """What is known about one patient; data-entry roles may edit or void it, others only read."""

    back = Signal()
    auditRequested = Signal(int)  # noqa: N815 Qt signal name
    # The PatientRow after an edit or void saved here.
    patientChanged = Signal(object)  # noqa: N815 Qt signal name
    # An adverse event (or anything else the SAE watch counts) was saved for this patient.
    safetyChanged = Signal(int)  # noqa: N815 Qt signal name

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._row: PatientRow | None = None
        may_edit = ctx.user.may("enter_data")

        self.back_button = QPushButton(self.tr("← Back to list"), self)
        self.back_button.setObjectName("back")
        self.subject_label = QLabel(self)
        self.subject_label.setObjectName("subject")
        font = QFont(self.subject_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.subject_label.setFont(font)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status")
        self.status_label.setStyleSheet(
            "border: 1px solid palette(mid); border-radius: 9px; padding: 1px 8px;"
        )
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("edit")
        self.void_button = QPushButton(self.tr("Void…"), self)
        self.void_button.setObjectName("void")
        self.audit_button = QPushButton(self.tr("Audit trail"), self)
        self.audit_button.setObjectName("audit")
        self.edit_button.setVisible(may_edit)
        self.void_button.setVisible(may_edit)
        self.audit_button.setVisible(ctx.user.may("view_audit"))

        self.void_banner = QLabel(self)
        self.void_banner.setObjectName("void_banner")
        self.void_banner.setWordWrap(True)
        self.void_banner.setStyleSheet(
            "background: #fdecea; color: #8a1c1c; padding: 6px; border: 1px solid #e0a0a0;"
        )
        self.void_banner.hide()
        self.banner = ErrorBanner(self)

        self.summary = FieldSummary(patients.PATIENT_FIELDS, ctx.language, self)
        study_box = QGroupBox(self.tr("Demographics and consent"), self)
        QVBoxLayout(study_box).addWidget(self.summary)
        self.identity: FieldSummary | None = None
        identity_box: QGroupBox | None = None
        if ctx.user.may("view_identity"):
            self.identity = FieldSummary(patients.IDENTITY_FIELDS, ctx.language, self)
            identity_box = QGroupBox(self.tr("Identity (stays on this workstation)"), self)
            QVBoxLayout(identity_box).addWidget(self.identity)

        if self.identity is not None:
            width = max(self.summary.label_width(), self.identity.label_width())
            self.summary.set_label_width(width)
            self.identity.set_label_width(width)

        # The screening record(s) and the visit schedule: each keeps itself in step with the
        # services and says when it changed, so the header (the patient's status) follows.
        self.screening = ScreeningSummary(ctx, self)
        screening_box = QGroupBox(self.tr("Screening and eligibility"), self)
        QVBoxLayout(screening_box).addWidget(self.screening)
        self.timeline = VisitTimeline(ctx, self)
        self.forms = VisitForms(ctx, self)
        self.scores = ScoresOverTime(ctx, self)
        visits_page = QWidget(self)
        visits_layout = QVBoxLayout(visits_page)
        visits_layout.addWidget(self.timeline, 1)
        visits_layout.addWidget(self.forms)
        self.right_tabs = QTabWidget(self)
        self.right_tabs.addTab(visits_page, self.tr("Visits"))
        self.right_tabs.addTab(self.scores, self.tr("Scores over time"))
        self.ulcer_review = UlcerReview(ctx, self)
        self.right_tabs.addTab(self.ulcer_review, self.tr("Ulcers"))
        # Safety: the AE log, lab results with their WHO grades, biomarkers, medication.
        self.adverse_events = AdverseEventLog(ctx, self)
        self.right_tabs.addTab(self.adverse_events, self.tr("Adverse events"))
        self.labs = LabOverview(ctx, self)
        self.right_tabs.addTab(self.labs, self.tr("Labs"))
        self.biomarkers = BiomarkerOverview(ctx, self)
        self.right_tabs.addTab(self.biomarkers, self.tr("Biomarkers"))
        self.medication = ConmedLog(ctx, self)
        self.right_tabs.addTab(self.medication, self.tr("Medication"))
        self.right_tabs.setUsesScrollButtons(True)
        # Tabs besides the visits load when looked at, not on every patient shown.
        self._tab_loaders: dict[QWidget, Callable[[int], None]] = {
            self.scores: self.scores.show_patient,
            self.ulcer_review: self.ulcer_review.show_patient,  # matplotlib loads only now
            self.adverse_events: self.adverse_events.show_patient,
            self.labs: self.labs.show_patient,
            self.biomarkers: self.biomarkers.show_patient,
            self.medication: self.medication.show_patient,
        }
        self.right_tabs.currentChanged.connect(self._tab_changed)
        visits_box = self.right_tabs

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(16)
        header.addWidget(self.subject_label)
        header.addSpacing(12)
        header.addWidget(self.status_label)
        header.addStretch(1)
        header.addWidget(self.edit_button)
        header.addWidget(self.void_button)
        header.addWidget(self.audit_button)
        left = QVBoxLayout()
        left.addWidget(study_box)
        if identity_box is not None:
            left.addWidget(identity_box)
        left.addWidget(screening_box)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(visits_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.void_banner)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)

        order = [self.back_button, self.edit_button, self.void_button, self.audit_button]
        for before, after in zip(order, [*order[1:], self.screening], strict=False):
            QWidget.setTabOrder(before, after)
        QWidget.setTabOrder(self.screening, self.timeline)
        self.screening.changed.connect(self._part_changed)
        self.timeline.changed.connect(self._part_changed)
        self.timeline.table.selectionModel().selectionChanged.connect(self._visit_selected)
        self.forms.changed.connect(self._part_changed)
        self.forms.openAdverseEvents.connect(self.show_adverse_events)
        self.adverse_events.changed.connect(self._safety_changed)
        self.medication.changed.connect(self._safety_changed)

        self.back_button.clicked.connect(self.back)
        self.edit_button.clicked.connect(self.edit)
        self.void_button.clicked.connect(self.void)
        self.audit_button.clicked.connect(self._request_audit)
        self._update_actions()

    # -- public ------------------------------------------------------------------------------

    def patient(self) -> PatientRow | None:
        return self._row

    def error_code(self) -> str | None:
        return self.banner.code

    def show_patient(self, patient_id: int) -> None:
        self.banner.clear_error()
        try:
            row = self._fetch(patient_id)
        except ServiceError as error:
            self._row = None
            self.banner.show_service_error(error)
            self._update_actions()
            return
        self._show_row(row)
        self.screening.show_patient(patient_id)
        self.timeline.show_patient(patient_id)
        self.forms.show_visit(self.timeline.selected_visit())
        self._load_tab(self.right_tabs.currentWidget())

    def show_adverse_events(self, patient_id: int | None = None) -> None:
        """Bring the adverse event log of the patient shown to the front."""
        if self._row is not None and patient_id in {None, self._row.id}:
            self.right_tabs.setCurrentWidget(self.adverse_events)

    def edit(self) -> PatientEditDialog | None:
        """Open the edit dialog on the current values (window-modal, not exec())."""
        if self._row is None or not self._ctx.user.may("enter_data"):
            return None
        dialog = PatientEditDialog(self._ctx, self._row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        dialog.conflicted.connect(self._reload)
        dialog.open()
        return dialog

    def void(self) -> ReasonDialog | None:
        """Ask why, then void; the patient stays listed, struck out, with the reason."""
        if self._row is None or self._row.voided or not self._ctx.user.may("enter_data"):
            return None
        dialog = ReasonDialog.for_void(self._row.subject_number, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._void_with)
        dialog.open()
        return dialog

    # -- internals ---------------------------------------------------------------------------

    def _fetch(self, patient_id: int) -> PatientRow:
        return patients.get_patient(self._ctx.study, self._ctx.user, patient_id)

    def _show_row(self, row: PatientRow) -> None:
        self._row = row
        language = self._ctx.language
        self.subject_label.setText(row.subject_number)
        status = patients.STATUS_FIELD.code_label(row.status, language)
        if row.voided:
            status = self.tr("{status} (void)").format(status=status)
        self.status_label.setText(status)
        self.summary.load(values_of(row))
        if self.identity is not None:
            self.identity.load(values_of(row))
        if row.voided:
            self.void_banner.setText(
                self.tr("This registration is void: {reason}").format(reason=row.void_reason or "")
            )
            self.void_banner.show()
        else:
            self.void_banner.hide()
        self._update_actions()

    def _tab_changed(self, index: int) -> None:
        self._load_tab(self.right_tabs.widget(index))

    def _load_tab(self, widget: QWidget | None) -> None:
        loader = self._tab_loaders.get(widget) if widget is not None else None
        if self._row is not None and loader is not None:
            loader(self._row.id)

    def _safety_changed(self, patient_id: int) -> None:
        """An AE or a medicine was saved: the visits' completeness may have changed."""
        if self._row is not None and self._row.id == patient_id:
            self.timeline.show_patient(patient_id)
            self.forms.show_visit(self.timeline.selected_visit())
            self.safetyChanged.emit(patient_id)

    def _visit_selected(self, *_args: object) -> None:
        self.forms.show_visit(self.timeline.selected_visit())

    def _part_changed(self, patient_id: int) -> None:
        """A screening or visit was saved: reload the header and tell the list (status)."""
        if self._row is None or self._row.id != patient_id:
            return
        try:
            row = self._fetch(patient_id)
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self._on_saved(row)
        if self.sender() is self.screening:
            self.timeline.show_patient(patient_id)  # a confirmed screening may allow enrolment
        elif self.sender() is self.forms:
            self.timeline.show_patient(patient_id)  # keep the selected visit's row current
            return
        else:
            self.screening.show_patient(patient_id)  # enrolment closes new screenings

    def _update_actions(self) -> None:
        row = self._row
        active = row is not None and not row.voided
        self.edit_button.setEnabled(active)
        self.void_button.setEnabled(active)
        self.audit_button.setEnabled(row is not None)

    def _on_saved(self, row: PatientRow) -> None:
        self._show_row(row)
        self.patientChanged.emit(row)

    def _reload(self) -> None:
        if self._row is not None:
            self.show_patient(self._row.id)

    def _void_with(self, reason: str) -> None:
        if self._row is None:
            return
        try:
            row = patients.void_patient(self._ctx.study, self._ctx.user, self._row.id, reason)
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self._show_row(row)
        self.patientChanged.emit(row)

    def _request_audit(self) -> None:
        if self._row is not None:
            self.auditRequested.emit(self._row.id)


def changed_values(before: Mapping[str, Value], after: Mapping[str, Value]) -> dict[str, Value]:
    """The fields whose value differs, with the new value."""
    return {name: value for name, value in after.items() if value != before.get(name)}
