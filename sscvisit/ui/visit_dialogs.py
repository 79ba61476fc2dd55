"""Dialogs of the visit schedule: enrol, move the planned injection, record a visit, mark it
missed, add an unscheduled one.

Every dialog is built from the field declarations the visits service hands out, shows each
message beside its field, keeps Save disabled while a field is invalid, and saves through one
service call (nothing half-saved). Open them with ``open()`` (window-modal, never ``exec()``);
tests fill the editors and press Save the same way. Changing something already saved asks for
a reason first (``ReasonDialog``), then saves with it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.services import clock, visits
from sscvisit.services.dto import EnrolmentInfo, VisitInfo
from sscvisit.services.errors import ConflictError, ReasonRequired, ServiceError
from sscvisit.services.protocol import default_protocol
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import FieldForm, display_text, field_caption
from sscvisit.ui.messages import field_message
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner

WARNING_STYLE = (
    "background: #fff4e5; color: #7a4100; border: 1px solid #f0b46c; border-radius: 3px;"
    " padding: 6px;"
)


def required(field: Field) -> Field:
    """The same declaration, required in this dialog (the service insists on it here too)."""
    return dataclasses.replace(field, required=True)


def date_text(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else "—"


def window_text(visit: VisitInfo) -> str:
    """The window as "first – last" (one date when the window is a single day)."""
    if visit.window_start is None or visit.window_end is None:
        return "—"
    if visit.window_start == visit.window_end:
        return visit.window_start.isoformat()
    return f"{visit.window_start.isoformat()} – {visit.window_end.isoformat()}"


def is_anchor(visit: VisitInfo) -> bool:
    """The injection visit anchors the schedule (day 0)."""
    return visit.visit_code == default_protocol().anchor_code


def out_of_window(
    visit: VisitInfo, day: dt.date | None, injection_window: tuple[dt.date, dt.date] | None = None
) -> bool:
    """Whether ``day`` falls outside the visit's window, as the service will judge it.

    The injection's own date defines day 0, so its window is the screening's: 1 to 28 days
    after the screening (``injection_window``; unknown here when None).
    """
    if day is None:
        return False
    if is_anchor(visit):
        return injection_window is not None and not (
            injection_window[0] <= day <= injection_window[1]
        )
    if visit.window_start is None or visit.window_end is None:
        return False
    return not visit.window_start <= day <= visit.window_end


def range_text(first: dt.date, last: dt.date) -> str:
    return f"{first.isoformat()} – {last.isoformat()}"


def _date(value: Value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _text(value: Value) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


class _VisitDialog(QDialog):
    """What the four dialogs share: forms, banner, Save/Cancel, the reason-for-change step."""

    saved = Signal(object)  # the VisitInfo or EnrolmentInfo the service returned

    def __init__(self, ctx: UiContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._forms: list[FieldForm] = []
        self._conflict = False
        self.reason_dialog: ReasonDialog | None = None
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)

        self.banner = ErrorBanner(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.cancel_button: QPushButton = self.buttons.button(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)

    # -- building ----------------------------------------------------------------------------

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("heading")
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        label.setFont(font)
        return label

    def _info(self, text: str, name: str = "info") -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _form(self, fields: Mapping[str, Field]) -> FieldForm:
        form = FieldForm(fields, self._ctx.language, self)
        form.fieldEdited.connect(self._on_edited)
        form.validityChanged.connect(lambda _valid: self._update_save())
        self._forms.append(form)
        return form

    def _finish(self) -> None:
        """Align the forms, chain the tab order through them to Save, and set the size."""
        width = max(form.label_width() for form in self._forms)
        for form in self._forms:
            form.set_label_width(width)
        self.body.addWidget(self.banner)
        self.body.addStretch(1)
        self.body.addWidget(self.buttons)
        editors = [e for form in self._forms for e in form.editors()]
        chain = [*editors, self.save_button, self.cancel_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        editors[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_save()
        self.setMinimumWidth(680)
        self.resize(max(self.sizeHint().width(), 720), self.sizeHint().height())
        self.fit_height()

    def fit_height(self) -> None:
        """Grow (never shrink) to show every row, wrapped texts included, at the current width."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- public ------------------------------------------------------------------------------

    def form_of(self, name: str) -> FieldForm:
        for form in self._forms:
            if name in form.fields:
                return form
        raise KeyError(name)

    def editor(self, name: str) -> QWidget:
        return self.form_of(name).editor(name)

    def error_code(self, name: str | None = None) -> str | None:
        """The code shown at field ``name`` (``code_of``), or in the banner when None."""
        return self.banner.code if name is None else self.form_of(name).error_code(name)

    def values(self) -> dict[str, Value]:
        out: dict[str, Value] = {}
        for form in self._forms:
            if self._form_active(form):
                out.update(form.values())
        return out

    def is_valid(self) -> bool:
        return not self._conflict and all(
            form.is_valid() for form in self._forms if self._form_active(form)
        )

    def submit(self) -> None:
        """Save pressed: check every field, ask for a reason if saved values change, save."""
        checks = [form.check() for form in self._forms if self._form_active(form)]
        if any(result is None for result in checks) or not self.is_valid():
            self._update_save()
            return
        changes = self._changes()
        if changes is None:
            self._save(None)
            return
        if not changes:
            return
        self.ask_reason(changes)

    def ask_reason(self, changes: list[tuple[str, str, str]]) -> ReasonDialog:
        dialog = ReasonDialog.for_change(changes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    # -- for subclasses ----------------------------------------------------------------------

    def _form_active(self, form: FieldForm) -> bool:
        return True

    def _changes(self) -> list[tuple[str, str, str]] | None:
        """None for a first save; else the saved values this save changes (label, old, new)."""
        return None

    def _call(self, reason: str | None) -> object:
        raise NotImplementedError

    def _on_edited(self, _name: str) -> None:
        if not self._conflict:
            self.banner.clear_error()
        self._update_save()

    def _update_save(self) -> None:
        changes = self._changes()
        self.save_button.setEnabled(self.is_valid() and (changes is None or bool(changes)))

    def _changed(
        self, fields: Mapping[str, Field], old: Mapping[str, Value], new: Mapping[str, Value]
    ) -> list[tuple[str, str, str]]:
        language = self._ctx.language
        out = []
        for name, field in fields.items():
            before, after = old.get(name), new.get(name)
            if isinstance(before, str):
                before = before.strip() or None
            if isinstance(after, str):
                after = after.strip() or None
            if before != after:
                out.append(
                    (
                        field_caption(field, language),
                        display_text(field, before, language),
                        display_text(field, after, language),
                    )
                )
        return out

    def _save(self, reason: str | None) -> None:
        try:
            result = self._call(reason)
        except FieldErrors as errors:
            self._show_field_errors(errors)
            return
        except ReasonRequired:
            changes = self._changes() or []
            self.ask_reason(changes)
            return
        except ConflictError as error:
            # Someone saved first: never overwrite; the owner reloads, the user re-enters.
            self._conflict = True
            self.banner.show_service_error(error)
            self._update_save()
            return
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.saved.emit(result)
        self.accept()

    def _show_field_errors(self, errors: FieldErrors) -> None:
        rest: list[FieldError] = list(errors.errors)
        self._before_field_errors(rest)
        for form in self._forms:
            rest = form.show_errors(rest)
        if rest:
            self.banner.show_error(rest[0], field_message(rest[0]))
        self._update_save()

    def _before_field_errors(self, errors: list[FieldError]) -> None:
        """A hook to reveal a hidden part of the form an error points at."""


class EnrolDialog(_VisitDialog):
    """Enrol a patient whose latest screening was confirmed eligible; plans the injection."""

    def __init__(
        self,
        ctx: UiContext,
        patient_id: int,
        subject_number: str,
        screening_date: dt.date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("EnrolDialog", "Enrol {subject}").format(
                subject=subject_number
            ),
            parent,
        )
        self.setObjectName("enrol_dialog")
        self._patient_id = patient_id
        self.allowed: tuple[dt.date, dt.date] | None = (
            visits.injection_window(screening_date) if screening_date is not None else None
        )
        fields = visits.ENROLMENT_FIELDS
        self.form = self._form(
            {
                "planned_injection_date": required(fields["planned_injection_date"]),
                "enrolled_on": required(fields["enrolled_on"]),
            }
        )
        self.body.addWidget(self._heading(self.windowTitle()))
        if self.allowed is not None and screening_date is not None:
            hint = self.tr(
                "Screened on {screening}: the injection (day 0) can be planned from {first} "
                "to {last}, and not before the enrolment date."
            ).format(
                first=self.allowed[0].isoformat(),
                last=self.allowed[1].isoformat(),
                screening=screening_date.isoformat(),
            )
        else:
            hint = self.tr("The injection must be planned within the screening window.")
        self.range_label = self._info(hint, "allowed_range")
        self.body.addWidget(self.range_label)
        self.body.addWidget(self.form)
        self.form.load({"enrolled_on": clock.today()})
        self.save_button.setText(self.tr("Enrol"))
        self._finish()

    def _call(self, reason: str | None) -> EnrolmentInfo:
        values = self.values()
        planned = _date(values.get("planned_injection_date"))
        assert planned is not None  # the form is valid
        return visits.enrol(
            self._ctx.study,
            self._ctx.user,
            self._patient_id,
            planned_injection_date=planned,
            enrolled_on=_date(values.get("enrolled_on")),
        )


class RescheduleInjectionDialog(_VisitDialog):
    """Move the planned injection (day 0) to another day of the screening window, with a reason.

    Only while the injection visit is not recorded; every target date and window of the schedule
    moves with it. The window and the enrolment date are checked as you type; the service has
    the last word (its refusals appear beside the date or in the banner, and nothing changes).
    """

    def __init__(
        self,
        ctx: UiContext,
        enrolment: EnrolmentInfo,
        subject_number: str,
        screening_date: dt.date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate(
                "RescheduleInjectionDialog", "Move injection: {subject}"
            ).format(subject=subject_number),
            parent,
        )
        self.setObjectName("reschedule_injection_dialog")
        self.enrolment = enrolment
        self.allowed: tuple[dt.date, dt.date] | None = (
            visits.injection_window(screening_date) if screening_date is not None else None
        )
        self._fields = {
            "planned_injection_date": required(visits.ENROLMENT_FIELDS["planned_injection_date"])
        }
        self.form = self._form(self._fields)
        self.body.addWidget(self._heading(self.windowTitle()))
        if self.allowed is not None and screening_date is not None:
            hint = self.tr(
                "Screened on {screening}: the injection (day 0) can be planned from {first} "
                "to {last}, and not before the enrolment date {enrolled}."
            ).format(
                screening=screening_date.isoformat(),
                first=self.allowed[0].isoformat(),
                last=self.allowed[1].isoformat(),
                enrolled=enrolment.enrolled_on.isoformat(),
            )
        else:
            hint = self.tr("The injection must be planned within the screening window.")
        self.range_label = self._info(hint, "allowed_range")
        self.body.addWidget(self.range_label)
        self.body.addWidget(self.form)
        self.shift_label = self._info("", "shift_info")
        self.body.addWidget(self.shift_label)
        self._saved_values: dict[str, Value] = {
            "planned_injection_date": enrolment.planned_injection_date
        }
        self.form.load(self._saved_values)
        self.save_button.setText(self.tr("Move injection"))
        self._update_rules()
        self._finish()

    def planned(self) -> dt.date | None:
        return _date(self.form.values().get("planned_injection_date"))

    def ask_reason(self, changes: list[tuple[str, str, str]]) -> ReasonDialog:
        dialog = ReasonDialog(
            self.tr("Reason for moving the injection"),
            self.tr("Why is the injection being moved to another day?"),
            [
                self.tr("The patient cannot come on the planned day"),
                self.tr("The patient is ill"),
                self.tr("The study medication is not available on the planned day"),
                self.tr("Clinic schedule"),
            ],
            changes,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _on_edited(self, name: str) -> None:
        self._update_rules()
        super()._on_edited(name)

    def _update_rules(self) -> None:
        """The window and enrolment checks of the service, live, beside the date."""
        name = "planned_injection_date"
        day = self.planned()
        rules: list[FieldError] = []
        if day is not None and self.allowed is not None:
            first, last = self.allowed
            if not first <= day <= last:
                rules.append(
                    FieldError(
                        name,
                        Problem.INCONSISTENT,
                        rule="outside_screening_window",
                        earliest=first,
                        latest=last,
                    )
                )
        if day is not None and not rules and day < self.enrolment.enrolled_on:
            rules.append(
                FieldError(
                    name,
                    Problem.INCONSISTENT,
                    rule="before_enrolment",
                    enrolled_on=self.enrolment.enrolled_on,
                )
            )
        self.form.set_rule_errors(rules)
        if rules or day is None or day == self.enrolment.planned_injection_date:
            self.shift_label.setText(
                self.tr("Every visit's target date and window is counted from the injection.")
            )
        else:
            self.shift_label.setText(
                self.tr(
                    "Day 0 moves from {old} to {new}: every visit's target date and window "
                    "moves with it."
                ).format(old=self.enrolment.planned_injection_date.isoformat(), new=day.isoformat())
            )

    def _changes(self) -> list[tuple[str, str, str]] | None:
        return self._changed(self._fields, self._saved_values, self.form.values())

    def _call(self, reason: str | None) -> EnrolmentInfo:
        day = self.planned()
        assert day is not None  # the form is valid
        return visits.reschedule_injection(
            self._ctx.study,
            self._ctx.user,
            self.enrolment.patient_id,
            day,
            reason or "",
            expected_version=self.enrolment.version,
        )


class RecordVisitDialog(_VisitDialog):
    """Record (or correct) the date a visit took place; outside its window asks why, live."""

    def __init__(
        self,
        ctx: UiContext,
        visit: VisitInfo,
        parent: QWidget | None = None,
        *,
        injection_window: tuple[dt.date, dt.date] | None = None,
    ) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("RecordVisitDialog", "Record visit: {visit}").format(
                visit=visit.label(ctx.language)
            ),
            parent,
        )
        self.setObjectName("record_visit_dialog")
        self.visit = visit
        self.injection_window = injection_window if is_anchor(visit) else None
        fields = visits.VISIT_FIELDS
        self._fields = {
            "visit_date": required(fields["visit_date"]),
            "deviation_reason": fields["deviation_reason"],
            "comment": fields["comment"],
        }
        self.date_form = self._form({"visit_date": self._fields["visit_date"]})
        self.deviation_form = self._form({"deviation_reason": self._fields["deviation_reason"]})
        self.comment_form = self._form({"comment": self._fields["comment"]})

        self.body.addWidget(self._heading(f"{visit.subject_number} · {visit.label(ctx.language)}"))
        self.body.addWidget(self._info(self._window_info(), "window_info"))
        self.body.addWidget(self.date_form)
        self.deviation_box = QWidget(self)
        self.deviation_box.setObjectName("deviation_box")
        box_layout = QVBoxLayout(self.deviation_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        self.deviation_label = QLabel(self.deviation_box)
        self.deviation_label.setObjectName("deviation_warning")
        self.deviation_label.setWordWrap(True)
        self.deviation_label.setStyleSheet(WARNING_STYLE)
        box_layout.addWidget(self.deviation_label)
        box_layout.addWidget(self.deviation_form)
        self.deviation_box.hide()
        self.body.addWidget(self.deviation_box)
        self.body.addWidget(self.comment_form)

        self._saved_values: dict[str, Value] = {
            "visit_date": visit.visit_date,
            "deviation_reason": visit.deviation_reason,
            "comment": visit.comment,
        }
        for form in self._forms:
            form.load(self._saved_values)
        self._forced_deviation = bool(visit.deviation_reason)
        self._update_deviation()
        self._finish()

    def _window(self) -> str:
        if self.injection_window is not None:
            return range_text(*self.injection_window)
        return window_text(self.visit)

    def _window_info(self) -> str:
        visit = self.visit
        if self.injection_window is not None and visit.target_date is not None:
            return self.tr(
                "Injection planned for {planned}; it may take place from {first} to {last}, "
                "within the screening window. Its date becomes day 0 of the schedule."
            ).format(
                planned=visit.target_date.isoformat(),
                first=self.injection_window[0].isoformat(),
                last=self.injection_window[1].isoformat(),
            )
        if visit.target_date is not None:
            return self.tr("Target date {target}; window {window}.").format(
                target=visit.target_date.isoformat(), window=window_text(visit)
            )
        return self.tr("An unscheduled visit has no target date or window.")

    def _saved_before(self) -> bool:
        return self.visit.visit_date is not None or self.visit.outcome is not None

    def deviation_shown(self) -> bool:
        return not self.deviation_box.isHidden()

    def _form_active(self, form: FieldForm) -> bool:
        return form is not self.deviation_form or self.deviation_shown()

    def _on_edited(self, name: str) -> None:
        if name in {"visit_date", "deviation_reason"}:
            self._update_deviation()
        super()._on_edited(name)

    def _update_deviation(self) -> None:
        day = _date(self.date_form.values().get("visit_date"))
        outside = out_of_window(self.visit, day, self.injection_window)
        if outside and day is not None:
            self.deviation_label.setText(
                self.tr(
                    "{date} is outside the window {window}. The visit is kept as a protocol "
                    "deviation: give the reason."
                ).format(date=day.isoformat(), window=self._window())
            )
        else:
            self.deviation_label.setText(
                self.tr("Reason the visit fell outside its window {window}.").format(
                    window=self._window()
                )
            )
        missing = not _text(self.deviation_form.values().get("deviation_reason"))
        rules = [FieldError("deviation_reason", Problem.REQUIRED)] if outside and missing else []
        self.deviation_form.set_rule_errors(rules)
        show = outside or self._forced_deviation
        if show != self.deviation_shown():
            self.deviation_box.setVisible(show)
            self.fit_height()

    def _before_field_errors(self, errors: list[FieldError]) -> None:
        if any(e.field == "deviation_reason" for e in errors):
            self._forced_deviation = True
            self.deviation_box.show()
            self.fit_height()

    def _changes(self) -> list[tuple[str, str, str]] | None:
        if not self._saved_before():
            return None
        changes = self._changed(self._fields, self._saved_values, self.values())
        if self.visit.outcome == "missed":
            outcome = visits.VISIT_FIELDS["outcome"]
            language = self._ctx.language
            changes.insert(
                0,
                (
                    field_caption(outcome, language),
                    display_text(outcome, "missed", language),
                    display_text(outcome, "done", language),
                ),
            )
        return changes

    def _call(self, reason: str | None) -> VisitInfo:
        values = self.values()
        day = _date(values.get("visit_date"))
        assert day is not None  # the form is valid
        return visits.record_visit(
            self._ctx.study,
            self._ctx.user,
            self.visit.id,
            day,
            deviation_reason=_text(values.get("deviation_reason")),
            comment=_text(values.get("comment")),
            reason=reason,
            expected_version=self.visit.version,
        )


class MissedVisitDialog(_VisitDialog):
    """Mark a visit as missed; the reason is required."""

    def __init__(self, ctx: UiContext, visit: VisitInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("MissedVisitDialog", "Mark missed: {visit}").format(
                visit=visit.label(ctx.language)
            ),
            parent,
        )
        self.setObjectName("missed_visit_dialog")
        self.visit = visit
        self._fields = {"missed_reason": required(visits.VISIT_FIELDS["missed_reason"])}
        self.form = self._form(self._fields)
        self.body.addWidget(self._heading(f"{visit.subject_number} · {visit.label(ctx.language)}"))
        if visit.target_date is not None:
            info = self.tr("Target date {target}; window {window}.").format(
                target=visit.target_date.isoformat(), window=window_text(visit)
            )
            self.body.addWidget(self._info(info, "window_info"))
        if visit.visit_date is not None:
            self.body.addWidget(
                self._info(
                    self.tr(
                        "This visit was recorded on {date}; marking it missed changes a saved "
                        "value and asks for a reason."
                    ).format(date=visit.visit_date.isoformat()),
                    "recorded_warning",
                )
            )
        self.body.addWidget(self.form)
        self._saved_values: dict[str, Value] = {"missed_reason": visit.missed_reason}
        self.form.load(self._saved_values)
        self.save_button.setText(self.tr("Mark missed"))
        self._finish()

    def _changes(self) -> list[tuple[str, str, str]] | None:
        if self.visit.visit_date is None and self.visit.outcome is None:
            return None
        changes = self._changed(self._fields, self._saved_values, self.values())
        if self.visit.outcome != "missed":
            outcome = visits.VISIT_FIELDS["outcome"]
            language = self._ctx.language
            changes.insert(
                0,
                (
                    field_caption(outcome, language),
                    display_text(outcome, self.visit.outcome, language),
                    display_text(outcome, "missed", language),
                ),
            )
        return changes

    def _call(self, reason: str | None) -> VisitInfo:
        text = _text(self.values().get("missed_reason"))
        assert text is not None  # the form is valid
        return visits.mark_missed(
            self._ctx.study,
            self._ctx.user,
            self.visit.id,
            text,
            reason=reason,
            expected_version=self.visit.version,
        )


class UnscheduledVisitDialog(_VisitDialog):
    """Add an unscheduled visit (only after the injection; not in the future)."""

    def __init__(
        self,
        ctx: UiContext,
        patient_id: int,
        subject_number: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("UnscheduledVisitDialog", "Add unscheduled visit"),
            parent,
        )
        self.setObjectName("unscheduled_visit_dialog")
        self._patient_id = patient_id
        fields = visits.VISIT_FIELDS
        self.form = self._form(
            {"visit_date": required(fields["visit_date"]), "comment": fields["comment"]}
        )
        self.body.addWidget(self._heading(f"{subject_number} · {self.windowTitle()}"))
        self.body.addWidget(
            self._info(
                self.tr(
                    "An unscheduled visit can be added on any day after the injection, up to today."
                )
            )
        )
        self.body.addWidget(self.form)
        self.save_button.setText(self.tr("Add"))
        self._finish()

    def _call(self, reason: str | None) -> VisitInfo:
        values = self.values()
        day = _date(values.get("visit_date"))
        assert day is not None  # the form is valid
        return visits.add_unscheduled(
            self._ctx.study,
            self._ctx.user,
            self._patient_id,
            day,
            comment=_text(values.get("comment")),
        )


__all__ = [
    "EnrolDialog",
    "MissedVisitDialog",
    "RecordVisitDialog",
    "RescheduleInjectionDialog",
    "UnscheduledVisitDialog",
    "out_of_window",
    "range_text",
    "window_text",
]
