"""Register a consented patient: study data and identity, checked as you type, saved at once.

The rules spanning fields (birth year against date of birth, consent after birth, birth year
not after this year) are the service's ``check_registration``; the form runs it as you type and
shows what it says at the field. Rules needing the database (a hospital number already
registered) come back from ``patients.register`` the same way.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import FieldError, FieldErrors, Value
from sscvisit.services import patients
from sscvisit.services.errors import ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.forms import ERROR_STYLE, FieldForm, field_caption
from sscvisit.ui.messages import code_of, field_message, service_message


def _text(value: Value) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date(value: Value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def registration_of(values: Mapping[str, Value]) -> patients.Registration:
    return patients.Registration(
        sex=_text(values.get("sex")),
        birth_year=_int(values.get("birth_year")),
        consent_date=_date(values.get("consent_date")),
        consent_version=_text(values.get("consent_version")),
        family_name=_text(values.get("family_name")),
        given_names=_text(values.get("given_names")),
        date_of_birth=_date(values.get("date_of_birth")),
        hospital_number=_text(values.get("hospital_number")),
    )


class ErrorBanner(QLabel):
    """One line for errors that belong to no single field; remembers the code it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("service_error")
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.code: str | None = None
        self.hide()

    def show_error(self, error: Exception, text: str) -> None:
        self.code = code_of(error)
        self.setText(text)
        self.show()

    def show_service_error(self, error: ServiceError) -> None:
        self.show_error(error, service_message(error))

    def clear_error(self) -> None:
        self.code = None
        self.clear()
        self.hide()


class RegistrationEditor(QWidget):
    """The two groups of the registration (study data; identity) with the cross-field rules.

    Shared by the register dialog and the patient page's edit dialog.
    """

    validityChanged = Signal(bool)  # noqa: N815 Qt signal name
    edited = Signal()

    def __init__(
        self, language: str, *, show_identity: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._language = language
        self.study_form = FieldForm(patients.PATIENT_FIELDS, language, self)
        self.identity_form = (
            FieldForm(patients.IDENTITY_FIELDS, language, self) if show_identity else None
        )
        self._forms = [self.study_form] + ([self.identity_form] if self.identity_form else [])
        self._auto_year: int | None = None
        self._valid = self.is_valid()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        study_box = QGroupBox(self.tr("Study data"), self)
        QVBoxLayout(study_box).addWidget(self.study_form)
        layout.addWidget(study_box)
        if self.identity_form is not None:
            identity_box = QGroupBox(self.tr("Identity (stays on this workstation)"), self)
            QVBoxLayout(identity_box).addWidget(self.identity_form)
            layout.addWidget(identity_box)
        width = max(form.label_width() for form in self._forms)
        for form in self._forms:
            form.set_label_width(width)
        editors = self.editors()
        for before, after in itertools.pairwise(editors):
            QWidget.setTabOrder(before, after)
        for form in self._forms:
            form.fieldEdited.connect(self._on_edited)
            form.validityChanged.connect(self._update_validity)

    def forms(self) -> list[FieldForm]:
        return list(self._forms)

    def editors(self) -> list[QWidget]:
        return [editor for form in self._forms for editor in form.editors()]

    def form_of(self, name: str) -> FieldForm:
        for form in self._forms:
            if name in form.fields:
                return form
        raise KeyError(name)

    def editor(self, name: str) -> QWidget:
        return self.form_of(name).editor(name)

    def error_code(self, name: str) -> str | None:
        return self.form_of(name).error_code(name)

    def load(self, values: Mapping[str, Value]) -> None:
        for form in self._forms:
            form.load(values)
        self._auto_year = None
        self._update_validity()

    def values(self) -> dict[str, Value]:
        out: dict[str, Value] = {}
        for form in self._forms:
            out.update(form.values())
        return out

    def is_valid(self) -> bool:
        return all(form.is_valid() for form in self._forms)

    def check(self) -> dict[str, Value] | None:
        results = [form.check() for form in self._forms]
        if any(result is None for result in results):
            return None
        return self.values()

    def show_errors(self, errors: FieldErrors) -> list[FieldError]:
        """Place service errors at their fields; returns those no form has a field for."""
        rest: list[FieldError] = list(errors.errors)
        for form in self._forms:
            rest = form.show_errors(rest)
        return rest

    def _on_edited(self, name: str) -> None:
        if name == "date_of_birth":
            self._fill_birth_year()
        self._check_rules()
        self.edited.emit()

    def _fill_birth_year(self) -> None:
        """A nicety: the year of birth follows the date of birth unless typed differently."""
        dob = self.values().get("date_of_birth")
        if not isinstance(dob, dt.date):
            return
        current = self.study_form.raw_text("birth_year").strip()
        if current and current != str(self._auto_year):
            return
        self._auto_year = dob.year
        self.study_form.set_value("birth_year", dob.year)

    def _check_rules(self) -> None:
        rule_errors: list[FieldError] = []
        try:
            patients.check_registration(self.values())
        except FieldErrors as errors:
            # Keep only what the field's own check has not already said (e.g. "required").
            rule_errors = [
                e
                for e in errors.errors
                if any(
                    e.field in form.fields and form.own_error(e.field) is None
                    for form in self._forms
                )
            ]
        for form in self._forms:
            form.set_rule_errors(rule_errors)

    def _update_validity(self) -> None:
        valid = self.is_valid()
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)


class RegisterPatientDialog(QDialog):
    """Register a new patient; nothing is saved unless every field and rule is satisfied."""

    registered = Signal(object)  # PatientRow

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Register patient"))
        self.setObjectName("register_patient_dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)

        intro = QLabel(
            self.tr(
                "The subject number is assigned when you register. Name, date of birth and "
                "hospital number stay on this workstation and are never exported."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.editor = RegistrationEditor(ctx.language, parent=self)
        self.banner = ErrorBanner(self)
        self.buttons = QDialogButtonBox(self)
        self.register_button = QPushButton(self.tr("Register"), self)
        self.register_button.setObjectName("register")
        self.register_button.setDefault(True)
        self.buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        editors = self.editor.editors()
        QWidget.setTabOrder(editors[-1], self.register_button)
        QWidget.setTabOrder(self.register_button, cancel)

        self.buttons.accepted.connect(self.register)
        self.buttons.rejected.connect(self.reject)
        self.editor.validityChanged.connect(self.register_button.setEnabled)
        self.editor.edited.connect(self.banner.clear_error)
        self.register_button.setEnabled(self.editor.is_valid())
        editors[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(max(self.sizeHint().width(), 760), self.sizeHint().height())

    def error_code(self, name: str | None = None) -> str | None:
        """The code shown at field ``name``, or in the dialog's banner when ``name`` is None."""
        return self.banner.code if name is None else self.editor.error_code(name)

    def register(self) -> None:
        values = self.editor.check()
        if values is None:
            return
        try:
            row = patients.register(self._ctx.study, self._ctx.user, registration_of(values))
        except FieldErrors as errors:
            rest = self.editor.show_errors(errors)
            if rest:
                self.banner.show_error(rest[0], field_error_text(rest[0], self._ctx.language))
            self.register_button.setEnabled(self.editor.is_valid())
            return
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.registered.emit(row)
        self.accept()


def field_error_text(error: FieldError, language: str) -> str:
    spec = {**patients.PATIENT_FIELDS, **patients.IDENTITY_FIELDS}.get(error.field)
    message = field_message(error)
    return f"{field_caption(spec, language)}: {message}" if spec else message
