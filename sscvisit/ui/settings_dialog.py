"""Settings: this workstation's language, and for administrators the study-wide settings.

Follows load / check / save (STYLE.md item 7): the language goes to the workstation preferences
(``config.save_preferences``), the study settings to the study database through
``auth.change_setting``, which the audit trail records.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sscvisit.services import auth, config
from sscvisit.services.errors import ServiceError
from sscvisit.services.settings import SETTINGS
from sscvisit.ui.context import UiContext
from sscvisit.ui.login import SMALL_STYLE, MessageLabel

# The language names are written in their own language, so nobody has to read a foreign word
# to find their own; they are deliberately not translated.
LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}


class SettingsDialog(QDialog):
    """Language for everyone; study settings (bounded by their declaration) for administrators."""

    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)

        self.language_combo = QComboBox()
        for code in config.LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES.get(code, code), code)
        language_note = QLabel(self.tr("A new language takes effect after sscvisit restarts."))
        language_note.setWordWrap(True)
        language_note.setStyleSheet(SMALL_STYLE)
        workstation = QGroupBox(self.tr("This workstation"))
        ws_form = QFormLayout(workstation)
        ws_form.addRow(self.tr("&Language"), self.language_combo)
        ws_form.addRow("", language_note)

        self.spins: dict[str, QSpinBox] = {}
        self.study_box: QGroupBox | None = None
        if ctx.user.may("manage_settings"):
            self.study_box = QGroupBox(self.tr("Study settings (all workstations; audited)"))
            study_form = QFormLayout(self.study_box)
            labels = self.setting_labels()
            for key, spec in SETTINGS.items():
                spin = QSpinBox()
                spin.setRange(spec.minimum, spec.maximum)
                spin.setObjectName(key)
                suffix = self.setting_suffix(key)
                if suffix:
                    spin.setSuffix(suffix)
                self.spins[key] = spin
                study_form.addRow(labels.get(key, key), spin)

        self.message = MessageLabel()
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(workstation)
        if self.study_box is not None:
            layout.addWidget(self.study_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)

        previous: QWidget = self.language_combo
        for spin in self.spins.values():
            self.setTabOrder(previous, spin)
            previous = spin
        self.setTabOrder(previous, self.save_button)
        self.load()
        self.language_combo.setFocus()

    def setting_labels(self) -> dict[str, str]:
        return {
            "max_failed_logins": self.tr("Failed logins before an account locks"),
            "idle_lock_minutes": self.tr("Lock the workstation after idle time"),
            "min_password_length": self.tr("Minimum password length"),
        }

    def setting_suffix(self, key: str) -> str:
        suffixes = {
            "idle_lock_minutes": self.tr(" min"),
            "min_password_length": self.tr(" characters"),
        }
        return suffixes.get(key, "")

    # --- load / check / save ---------------------------------------------------------------

    def load(self) -> None:
        self._prefs = config.load_preferences()
        index = self.language_combo.findData(self._prefs.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self._stored: dict[str, int] = {}
        for key, spin in self.spins.items():
            value = auth.study_setting(self.ctx.study, key)
            self._stored[key] = value
            spin.setValue(value)

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def changed_settings(self) -> dict[str, int]:
        return {
            key: spin.value()
            for key, spin in self.spins.items()
            if spin.value() != self._stored[key]
        }

    def save(self) -> bool:
        """Store what changed; on a refusal keep the dialog open with the message shown."""
        self.message.clear_message()
        language = self.language()
        if language != self._prefs.language:
            self._prefs = replace(self._prefs, language=language)
            config.save_preferences(self._prefs)
        for key, value in self.changed_settings().items():
            try:
                auth.change_setting(self.ctx.study, self.ctx.user, key, value)
            except ServiceError as error:
                self.message.show_error(error)
                self.spins[key].setFocus()
                return False
            self._stored[key] = value
        self.saved.emit()
        self.accept()
        return True
