"""The forms a visit collects (from the protocol file), each with its state and a way in.

Sits under the visit timeline on the patient page: select a visit and see every form the protocol
attaches to it, saved / reviewed / not done (with the reason) / missing, a button that opens each,
"Not done…" for a form deliberately skipped, and the two review checks. The line on top says
whether the visit is complete or what is missing; the states come from one
``completeness.visit_completeness`` call.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import FieldErrors
from sscvisit.services import completeness, instruments
from sscvisit.services.completeness import FormStatus, VisitCompleteness
from sscvisit.services.dto import VisitInfo
from sscvisit.services.errors import ServiceError
from sscvisit.services.protocol import default_protocol
from sscvisit.ui.context import UiContext
from sscvisit.ui.messages import field_message
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner

ULCER_MAP = "ulcer_map"
AE_REVIEW = "ae_review"
CONMED_REVIEW = "conmed_review"
VISIBLE_ROWS = 6
STATE_COLOURS = {
    "saved": "#1b5e20",
    "reviewed": "#1b5e20",
    "not_done": "#6b4a00",
    "missing": "#b00020",
}


def form_label(code: str, language: str) -> str:
    """What a person calls one of the protocol's form codes (instruments name themselves)."""
    if code in instruments.INSTRUMENT_CODES:
        return instruments.load_instrument(code).label(language)
    labels = {
        "ulcer_map": QCoreApplication.translate("VisitForms", "Ulcer map"),
        "injection": QCoreApplication.translate("VisitForms", "Injection"),
        "vitals": QCoreApplication.translate("VisitForms", "Vital signs"),
        "labs": QCoreApplication.translate("VisitForms", "Labs"),
        "biomarkers": QCoreApplication.translate("VisitForms", "Biomarkers"),
        "ae_review": QCoreApplication.translate("VisitForms", "Adverse event review"),
        "conmed_review": QCoreApplication.translate("VisitForms", "Medication review"),
    }
    return labels.get(code, code)


def missing_text(missing: tuple[str, ...], language: str) -> str:
    """ "Missing: Labs, Vital signs" (the timeline and the week overview use it too)."""
    names = ", ".join(form_label(code, language) for code in missing)
    return QCoreApplication.translate("VisitForms", "Missing: {forms}").format(forms=names)


class VisitForms(QWidget):
    """The selected visit's forms; ``changed(patient_id)`` after anything was saved or ticked.

    ``openAdverseEvents(patient_id)`` asks the owner (the patient page) to show the AE log.
    """

    changed = Signal(int)
    openAdverseEvents = Signal(int)  # noqa: N815 Qt signal name

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._visit: VisitInfo | None = None
        self._completeness: VisitCompleteness | None = None
        self.dialog: QDialog | None = None  # the dialog opened last (tests drive it)
        self.setObjectName("visit_forms")
        self.heading = QLabel(self)
        self.heading.setObjectName("forms_heading")
        self.heading.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("completeness")
        self.summary.setWordWrap(True)
        self.banner = ErrorBanner(self)
        self._body = QWidget(self)
        self._grid = QGridLayout(self._body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(1, 1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self._body)
        self.scroll_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.buttons: dict[str, QPushButton] = {}
        self.states: dict[str, QLabel] = {}
        self.review_buttons: dict[str, QPushButton] = {}
        self.state_buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)
        self.show_visit(None)

    # -- public ------------------------------------------------------------------------------

    def visit(self) -> VisitInfo | None:
        return self._visit

    def result(self) -> VisitCompleteness | None:
        """The states shown (None when no recorded visit is selected)."""
        return self._completeness

    def state_of(self, code: str) -> FormStatus | None:
        result = self._completeness
        return None if result is None else result.status(code)

    def show_visit(self, visit: VisitInfo | None) -> None:
        self._visit = visit
        self._completeness = None
        self.banner.clear_error()
        self._clear_rows()
        language = self._ctx.language
        recorded = visit is not None and visit.outcome == "done" and visit.visit_date is not None
        if visit is not None and recorded:
            try:
                self._completeness = completeness.visit_completeness(
                    self._ctx.study, self._ctx.user, visit.id
                )
            except ServiceError as error:
                self.banner.show_service_error(error)
        if visit is None:
            self.heading.setText(self.tr("Select a visit to see the forms it collects."))
        elif not visit.forms:
            self.heading.setText(
                self.tr("{visit} collects no forms.").format(visit=visit.label(language))
            )
        elif visit.outcome == "missed":
            self.heading.setText(
                self.tr("{visit} was missed: it has no forms to complete.").format(
                    visit=visit.label(language)
                )
            )
        elif not recorded:
            self.heading.setText(
                self.tr("{visit}: record the visit first, then its forms.").format(
                    visit=visit.label(language)
                )
            )
        else:
            assert visit.visit_date is not None
            self.heading.setText(
                self.tr("Forms of {visit} ({date})").format(
                    visit=visit.label(language), date=visit.visit_date.isoformat()
                )
            )
        self._show_summary()
        if visit is None or visit.outcome == "missed":
            return
        for row, code in enumerate(visit.forms):
            self._add_row(row, code, recorded)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Show up to VISIBLE_ROWS forms without scrolling; more scroll inside the panel."""
        rows = len(self.buttons)
        if rows == 0:
            self.scroll_area.setMinimumHeight(0)
            return
        height = self._body.sizeHint().height()
        per_row = height / rows
        self.scroll_area.setMinimumHeight(int(min(height, per_row * VISIBLE_ROWS)) + 2)

    def open_form(self, code: str) -> QDialog | None:
        """Open the entry dialog of one form for the selected visit (window-modal, not exec())."""
        visit = self._visit
        if visit is None or visit.visit_date is None or visit.outcome != "done":
            return None
        dialog: QDialog
        if code == AE_REVIEW:
            self.openAdverseEvents.emit(visit.patient_id)
            return None
        if code == CONMED_REVIEW:
            from sscvisit.ui.conmed_log import ConmedListDialog

            may_review = self._may_edit() and self._state(code) == "missing"
            listing = ConmedListDialog(self._ctx, visit.patient_id, self, may_review=may_review)
            listing.log.changed.connect(self._saved)
            listing.reviewed.connect(lambda: self.mark_reviewed(CONMED_REVIEW))
            listing.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog = listing
            listing.open()
            return listing
        if code == ULCER_MAP:
            from sscvisit.ui.ulcer_editor import UlcerEditorDialog

            dialog = UlcerEditorDialog(self._ctx, visit, self)
        elif code == "capillaroscopy":
            from sscvisit.ui.capillaroscopy_form import CapillaroscopyDialog

            dialog = CapillaroscopyDialog(self._ctx, visit.id, self, visit=visit)
        elif code in instruments.INSTRUMENT_CODES:
            from sscvisit.ui.questionnaire_form import QuestionnaireDialog

            dialog = QuestionnaireDialog(self._ctx, visit, code, self)
        elif code == "injection" or (code == "vitals" and self._is_injection_visit(visit)):
            # The injection form holds the vital signs before and after the injection.
            from sscvisit.ui.injection_form import InjectionDialog

            dialog = InjectionDialog(self._ctx, visit, self)
        elif code == "vitals":
            from sscvisit.ui.vitals_form import VitalsDialog

            dialog = VitalsDialog(self._ctx, visit, self)
        elif code == "labs":
            from sscvisit.ui.lab_form import LabDialog

            dialog = LabDialog(self._ctx, visit, self)
        elif code == "biomarkers":
            from sscvisit.ui.biomarker_form import BiomarkerDialog

            dialog = BiomarkerDialog(self._ctx, visit, self)
        else:
            return None  # a form this version has no entry screen for: "Not done…" only
        dialog.saved.connect(self._saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def mark_reviewed(self, code: str) -> bool:
        """Tick "adverse events reviewed" / "medication reviewed"; False when refused."""
        visit = self._visit
        if visit is None:
            return False
        try:
            completeness.mark_reviewed(self._ctx.study, self._ctx.user, visit.id, code)
        except ServiceError as error:
            self.banner.show_service_error(error)
            return False
        self._saved()
        return True

    def ask_not_done(self, code: str) -> ReasonDialog | None:
        """Ask why a form was not done (window-modal); the answer marks it."""
        visit = self._visit
        if visit is None or not self._may_edit():
            return None
        language = self._ctx.language
        dialog = ReasonDialog(
            self.tr("{form} not done").format(form=form_label(code, language)),
            self.tr("Why was {form} not done at {visit}?").format(
                form=form_label(code, language), visit=visit.label(language)
            ),
            [
                self.tr("Patient declined"),
                self.tr("Not possible at this visit"),
                self.tr("Sample not taken or lost"),
            ],
            (),
            self,
        )
        dialog.setObjectName("not_done_dialog")
        dialog.reasonGiven.connect(lambda reason, c=code: self.mark_not_done(c, reason))
        return self._open_reason(dialog)

    def mark_not_done(self, code: str, reason: str) -> bool:
        visit = self._visit
        if visit is None:
            return False
        try:
            completeness.mark_not_done(self._ctx.study, self._ctx.user, visit.id, code, reason)
        except FieldErrors as refused:
            self.banner.show_error(refused, "; ".join(field_message(e) for e in refused.errors))
            return False
        except ServiceError as error:
            self.banner.show_service_error(error)
            return False
        self._saved()
        return True

    def ask_clear(self, code: str) -> ReasonDialog | None:
        """Undo a review check or a "not done", with a reason (window-modal)."""
        visit = self._visit
        if visit is None or not self._may_edit():
            return None
        dialog = ReasonDialog.for_change(
            [
                (
                    form_label(code, self._ctx.language),
                    self._state_text(self.state_of(code)),
                    self.tr("missing"),
                )
            ],
            self,
        )
        dialog.reasonGiven.connect(lambda reason, c=code: self.clear_state(c, reason))
        return self._open_reason(dialog)

    def clear_state(self, code: str, reason: str) -> bool:
        visit = self._visit
        if visit is None:
            return False
        try:
            completeness.clear_form_state(self._ctx.study, self._ctx.user, visit.id, code, reason)
        except ServiceError as error:
            self.banner.show_service_error(error)
            return False
        self._saved()
        return True

    # -- internals ---------------------------------------------------------------------------

    def _may_edit(self) -> bool:
        return self._ctx.user.may("enter_data")

    def _is_injection_visit(self, visit: VisitInfo) -> bool:
        try:
            return visit.visit_code == default_protocol().anchor_code
        except ValueError:
            return False

    def _state(self, code: str) -> str | None:
        status = self.state_of(code)
        return None if status is None else status.state

    def _open_reason(self, dialog: ReasonDialog) -> ReasonDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _clear_rows(self) -> None:
        for widgets in (self.buttons, self.states, self.review_buttons, self.state_buttons):
            for widget in widgets.values():
                self._grid.removeWidget(widget)
                widget.deleteLater()
            widgets.clear()

    def _show_summary(self) -> None:
        result = self._completeness
        if result is None or not result.forms:
            self.summary.hide()
            return
        self.summary.show()
        if result.complete:
            self.summary.setText(self.tr("Complete"))
            self.summary.setStyleSheet(f"color: {STATE_COLOURS['saved']}; font-weight: bold;")
        else:
            self.summary.setText(missing_text(result.missing, self._ctx.language))
            self.summary.setStyleSheet(f"color: {STATE_COLOURS['missing']}; font-weight: bold;")

    def _add_row(self, row: int, code: str, recorded: bool) -> None:
        language = self._ctx.language
        status = self.state_of(code)
        state = status.state if status is not None else None
        review = code in (AE_REVIEW, CONMED_REVIEW)
        label = form_label(code, language) + ("…" if review else "")
        button = QPushButton(label, self._body)
        button.setObjectName(f"form_{code}")
        button.setEnabled(recorded)
        button.clicked.connect(lambda _checked=False, c=code: self.open_form(c))
        text = QLabel(self._state_text(status), self._body)
        text.setObjectName(f"state_{code}")
        text.setWordWrap(True)
        text.setMinimumWidth(140)
        if state is not None:
            text.setStyleSheet(f"color: {STATE_COLOURS[state]};")
        if status is not None and status.reason:
            text.setToolTip(status.reason)
        self._grid.addWidget(button, row, 0)
        self._grid.addWidget(text, row, 1)
        self.buttons[code] = button
        self.states[code] = text
        if not self._may_edit():
            return
        if review:
            tick = QPushButton(
                self.tr("Adverse events reviewed")
                if code == AE_REVIEW
                else self.tr("Medication reviewed"),
                self._body,
            )
            tick.setObjectName(f"reviewed_{code}")
            tick.setEnabled(recorded and state == "missing")
            tick.clicked.connect(lambda _checked=False, c=code: self.mark_reviewed(c))
            self._grid.addWidget(tick, row, 2)
            self.review_buttons[code] = tick
        if state in ("not_done", "reviewed"):
            action = QPushButton(self.tr("Undo…"), self._body)
            action.setToolTip(self.tr("Undo this, with a reason"))
            action.clicked.connect(lambda _checked=False, c=code: self.ask_clear(c))
        else:
            action = QPushButton(self.tr("Not done…"), self._body)
            action.setEnabled(recorded and state == "missing")
            action.clicked.connect(lambda _checked=False, c=code: self.ask_not_done(c))
        action.setObjectName(f"state_action_{code}")
        self._grid.addWidget(action, row, 3)
        self.state_buttons[code] = action

    def _state_text(self, status: FormStatus | None) -> str:
        if status is None:
            return ""
        if status.state == "saved":
            return self.tr("saved")
        if status.state == "reviewed":
            return self.tr("reviewed ({user})").format(user=status.checked_by or "")
        if status.state == "not_done":
            return self.tr("not done: {reason}").format(reason=status.reason or "")
        return self.tr("missing")

    def _saved(self, *_args: object) -> None:
        visit = self._visit
        if visit is not None:
            self.show_visit(visit)
            self.changed.emit(visit.patient_id)


__all__ = ["VisitForms", "form_label", "missing_text"]
