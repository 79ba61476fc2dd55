"""The settings dialog: the workstation language, and the audited study settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sscvisit.services import auth, config, patients
from sscvisit.services.settings import SETTINGS
from sscvisit.ui.context import UiContext
from sscvisit.ui.i18n import install_translator, installed_translators
from sscvisit.ui.settings_dialog import SettingsDialog
from tests.studyfixtures import StudyWithUsers

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def open_dialog(qtbot: QtBot, study_users: StudyWithUsers, role: str) -> SettingsDialog:
    ctx = UiContext(study_users.study, study_users.users[role], "en")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_language_is_saved_in_the_preferences(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    assert config.load_preferences().language == "en"
    dialog = open_dialog(qtbot, study_users, "nurse")
    assert dialog.study_box is None  # only administrators change study settings
    assert dialog.spins == {}
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("nl"))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert config.load_preferences().language == "nl"
    assert not dialog.isVisible()
    again = open_dialog(qtbot, study_users, "nurse")
    assert again.language() == "nl"


def test_an_administrator_changes_a_study_setting_and_it_is_audited(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    study, admin = study_users.study, study_users.users["admin"]
    dialog = open_dialog(qtbot, study_users, "admin")
    assert dialog.study_box is not None
    assert set(dialog.spins) == set(SETTINGS)
    for key, spec in SETTINGS.items():
        spin = dialog.spins[key]
        assert (spin.minimum(), spin.maximum()) == (spec.minimum, spec.maximum)
        assert spin.value() == auth.study_setting(study, key)

    spin = dialog.spins["idle_lock_minutes"]
    spin.selectAll()
    qtbot.keyClicks(spin, "7")
    assert dialog.changed_settings() == {"idle_lock_minutes": 7}
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert auth.study_setting(study, "idle_lock_minutes") == 7
    assert auth.study_setting(study, "max_failed_logins") == SETTINGS["max_failed_logins"].default
    trail = patients.audit_trail(study, admin)
    changes = [row for row in trail if row.table_name == "study_settings"]
    assert changes
    assert any(row.new_value == "7" and row.username == "admin" for row in changes)


def test_spin_boxes_keep_values_inside_the_declared_bounds(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    dialog = open_dialog(qtbot, study_users, "admin")
    spin = dialog.spins["max_failed_logins"]
    spin.selectAll()
    qtbot.keyClicks(spin, "99")
    assert spin.value() <= SETTINGS["max_failed_logins"].maximum


def test_cancel_changes_nothing(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    dialog = open_dialog(qtbot, study_users, "admin")
    dialog.spins["min_password_length"].setValue(20)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("nl"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert auth.study_setting(study_users.study, "min_password_length") == 10
    assert config.load_preferences().language == "en"


def test_install_translator_switches_qt_to_dutch_and_back(qapp: QApplication) -> None:
    try:
        install_translator(qapp, "nl")
        assert installed_translators()
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    finally:
        install_translator(qapp, "en")
    assert installed_translators() == ()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
