"""Vital signs: one measurement (blood pressure, heart rate, temperature, when) at a time point.

``VitalsWidget`` is one measurement's form under a heading; the injection dialog holds two
(before and after the injection) and ``VitalsDialog`` one, for a follow-up visit. The fields and
their checks come from ``services.injection``; the rules across fields are that module's pure
``vitals_problems``, shown as you type, and the service checks them again when saving.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Field, FieldError, FieldErrors, Value
from sscvisit.services import injection
from sscvisit.services.dto import VisitInfo
from sscvisit.services.errors import ConflictError, ReasonRequired, ServiceError
from sscvisit.services.injection import VitalsInfo
from sscvisit.ui.acr_panel import freeze
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import FieldForm, display_text, field_caption
from sscvisit.ui.messages import field_message
from sscvisit.ui.reason_dialog import ReasonDialog
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.unsaved import UnsavedChangesDialog

Change = tuple[str, str, str]  # label, old value, new value (the reason dialog's list)


def changed_values(
    fields: Mapping[str, Field],
    old: Mapping[str, Value],
    new: Mapping[str, Value],
    language: str,
) -> list[Change]:
    """The fields whose value differs from ``old`` to ``new``, as the reason dialog lists them."""
    out: list[Change] = []
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


class VitalsWidget(QGroupBox):
    """One measurement of the vital signs at ``timepoint``, under a heading naming it.

    ``load`` shows the saved measurement (or none), ``check`` shows every problem, ``save``
    calls the service. A measurement never saved and left blank is not saved at all.
    """

    edited = Signal()

    def __init__(self, ctx: UiContext, timepoint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.timepoint = timepoint
        self.setObjectName(f"vitals_{timepoint}")
        self.info: VitalsInfo | None = None
        self.fields: dict[str, Field] = {
            name: spec for name, spec in injection.VITALS_FIELDS.items() if name != "timepoint"
        }
        self.setTitle(self.heading_text())
        self.form = FieldForm(self.fields, ctx.language, self)
        self.form.setObjectName(f"vitals_form_{timepoint}")
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.form.fieldEdited.connect(lambda _name: self.edited.emit())

    def heading_text(self) -> str:
        if self.timepoint == "visit":
            return self.tr("Vital signs")
        moment = injection.VITALS_FIELDS["timepoint"].code_label(self.timepoint, self._ctx.language)
        return self.tr("Vital signs: {moment}").format(moment=moment.lower())

    # -- state -------------------------------------------------------------------------------

    def load(self, info: VitalsInfo | None) -> None:
        self.info = info
        self.form.load(info.values() if info is not None else {})

    def editor(self, name: str) -> QWidget:
        return self.form.editor(name)

    def editors(self) -> list[QWidget]:
        return self.form.editors()

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.form.editors():
            freeze(editor, read_only)

    def is_blank(self) -> bool:
        return all(not self.form.raw_text(name).strip() for name in self.fields)

    def values(self) -> dict[str, Value]:
        return self.form.values()

    def changes(self) -> list[Change] | None:
        """None when nothing is saved yet; else the saved values this form changes."""
        if self.info is None:
            return None
        return changed_values(self.fields, self.info.values(), self.values(), self._ctx.language)

    def is_dirty(self) -> bool:
        """Something here would be saved: a first measurement typed, or a saved one changed."""
        changes = self.changes()
        return not self.is_blank() if changes is None else bool(changes)

    def check(self) -> dict[str, Value] | None:
        return self.form.check()

    def rule_errors(
        self, visit_date: dt.date | None, injected_at: dt.datetime | None
    ) -> list[FieldError]:
        """The rules across this measurement's fields as typed (none before the visit's date)."""
        if visit_date is None or (self.info is None and self.is_blank()):
            return []
        return injection.vitals_problems(self.timepoint, self.values(), visit_date, injected_at)

    def show_rule_errors(self, errors: Iterable[FieldError]) -> None:
        self.form.set_rule_errors(errors)

    def show_errors(self, errors: FieldErrors | Iterable[FieldError]) -> list[FieldError]:
        return self.form.show_errors(errors)

    def has_shown_errors(self) -> bool:
        return any(self.form.error_code(name) is not None for name in self.fields)

    def error_code(self, name: str) -> str | None:
        return self.form.error_code(name)

    def save(self, visit_id: int, reason: str | None) -> VitalsInfo:
        """Save through the service (its exceptions pass through); remembers what was saved."""
        info = injection.save_vitals(
            self._ctx.study,
            self._ctx.user,
            visit_id,
            self.timepoint,
            self.values(),
            reason=reason if self.changes() else None,
            expected_version=self.info.version if self.info is not None else None,
        )
        self.load(info)
        return info


class VitalsDialog(UnsavedChangesDialog):
    """The vital signs of a follow-up (or unscheduled) visit; ``saved`` gives the patient id."""

    saved = Signal(int)

    def __init__(self, ctx: UiContext, visit: VisitInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.visit = visit
        self._conflict = False
        self.reason_dialog: ReasonDialog | None = None
        self.read_only = not ctx.user.may("enter_data")
        self.setObjectName("vitals_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        title = self.tr("{subject} · {visit} · vital signs").format(
            subject=visit.subject_number, visit=visit.label(ctx.language)
        )
        self.setWindowTitle(title)
        self.heading = QLabel(title, self)
        self.heading.setObjectName("heading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.vitals = VitalsWidget(ctx, "visit", self)
        self.banner = ErrorBanner(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close")
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.vitals)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addLayout(buttons)
        chain = [*self.vitals.editors(), self.save_button, self.close_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

        self.vitals.edited.connect(self._on_edited)
        self.save_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)
        try:
            saved = injection.get_vitals(ctx.study, ctx.user, visit.id).get("visit")
        except ServiceError as error:
            self.banner.show_service_error(error)
            saved = None
        self.vitals.load(saved)
        if self.read_only:
            self.vitals.set_read_only(True)
            self.save_button.hide()
        self.vitals.editors()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_save()
        self.setMinimumWidth(720)
        self.resize(max(self.sizeHint().width(), 760), self.sizeHint().height())

    # -- UnsavedChangesDialog ----------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return not self.read_only and self.vitals.is_dirty()

    def unsaved_changes_text(self) -> str:
        return self.tr("The vital signs have unsaved changes. Close and discard them?")

    # -- saving ------------------------------------------------------------------------------

    def editor(self, name: str) -> QWidget:
        return self.vitals.editor(name)

    def error_code(self, name: str | None = None) -> str | None:
        return self.banner.code if name is None else self.vitals.error_code(name)

    def submit(self) -> None:
        """Save pressed: show every problem, ask a reason when saved values change, save."""
        if self.read_only or self._conflict:
            return
        checked = self.vitals.check()
        rules = self.vitals.rule_errors(self.visit.visit_date, None)
        self.vitals.show_rule_errors(rules)
        if checked is None or rules:
            self._update_save()
            return
        changes = self.vitals.changes()
        if changes is None:
            self._save(None)
        elif changes:
            self.ask_reason(changes)

    def ask_reason(self, changes: list[Change]) -> ReasonDialog:
        dialog = ReasonDialog.for_change(changes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reasonGiven.connect(self._save)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _save(self, reason: str | None) -> None:
        try:
            self.vitals.save(self.visit.id, reason)
        except FieldErrors as errors:
            rest = self.vitals.show_errors(errors)
            if rest:
                self.banner.show_error(rest[0], field_message(rest[0]))
            self._update_save()
            return
        except ReasonRequired:
            self.ask_reason(self.vitals.changes() or [])
            return
        except ConflictError as error:
            self._conflict = True
            self.banner.show_service_error(error)
            self._update_save()
            return
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.saved.emit(self.visit.patient_id)
        self.accept()

    def _on_edited(self) -> None:
        if not self._conflict:
            self.banner.clear_error()
        self.vitals.show_rule_errors(self.vitals.rule_errors(self.visit.visit_date, None))
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(
            not self.read_only
            and not self._conflict
            and self.vitals.is_dirty()
            and not self.vitals.has_shown_errors()
        )


__all__ = ["Change", "VitalsDialog", "VitalsWidget", "changed_values"]
