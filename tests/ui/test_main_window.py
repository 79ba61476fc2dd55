"""The main window: pages per role, status bar, menus, navigation between list and patient."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import sscvisit
from sscvisit.ui.admin import UserAdminWidget
from sscvisit.ui.app import build_main_window
from sscvisit.ui.audit_viewer import AuditViewer
from sscvisit.ui.main_window import (
    PAGE_ADMIN,
    PAGE_AUDIT,
    PAGE_PATIENTS,
    PAGE_ULCERS,
    PAGE_WEEK,
    MainWindow,
    window_settings,
)
from sscvisit.ui.patient_list import PatientListView
from sscvisit.ui.patient_page import PatientPage
from sscvisit.ui.settings_dialog import SettingsDialog
from tests.studyfixtures import StudyWithUsers, register_patient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def open_window(qtbot: QtBot, study_users: StudyWithUsers, role: str) -> MainWindow:
    window = build_main_window(study_users.study, study_users.users[role], "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Shortcuts need the active window; the offscreen platform activates only on request."""
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.mark.parametrize(
    ("role", "full_name", "role_label"),
    [
        ("nurse", "Nina Nurse", "Research nurse"),
        ("investigator", "Ivo Investigator", "Investigator"),
        ("monitor", "Mo Monitor", "Monitor"),
        ("admin", "Ada Admin", "Administrator"),
    ],
)
def test_status_bar_shows_user_role_and_database(
    qtbot: QtBot, study_users: StudyWithUsers, role: str, full_name: str, role_label: str
) -> None:
    window = open_window(qtbot, study_users, role)
    assert window.user_label.text() == full_name
    assert window.role_label.text() == role_label
    assert study_users.study.location in window.location_label.text()
    for label in (window.user_label, window.role_label, window.location_label):
        assert label.isVisible()


def test_a_nurse_sees_patients_and_audit_but_no_administration(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    window = open_window(qtbot, study_users, "nurse")
    assert window.page_keys() == [PAGE_WEEK, PAGE_PATIENTS, PAGE_ULCERS, PAGE_AUDIT]
    assert window.user_admin is None
    assert not window.findChildren(UserAdminWidget)
    assert window.current_page() == PAGE_WEEK  # "This week" opens first
    window.show_page(PAGE_PATIENTS)
    assert window.current_page() == PAGE_PATIENTS
    assert isinstance(window.patient_list, PatientListView)
    assert window.patient_list.isVisible()


def test_an_administrator_sees_the_administration_page(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    window = open_window(qtbot, study_users, "admin")
    assert window.page_keys() == [PAGE_PATIENTS, PAGE_AUDIT, PAGE_ADMIN]
    assert isinstance(window.user_admin, UserAdminWidget)
    window.nav.setCurrentRow(2)
    assert window.current_page() == PAGE_ADMIN
    assert window.stack.currentWidget() is window.user_admin
    assert window.user_admin.isVisible()


def test_activating_a_patient_opens_the_patient_page_and_back_returns(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient = register_patient(study_users.study, study_users.users["nurse"])
    window = open_window(qtbot, study_users, "nurse")
    assert window.patient_list is not None
    assert window.patients_stack is not None
    window.patient_list.patientActivated.emit(patient.id)
    assert isinstance(window.patient_page, PatientPage)
    assert window.patients_stack.currentWidget() is window.patient_page
    row = window.patient_page.patient()
    assert row is not None
    assert row.id == patient.id
    window.patient_page.back.emit()
    assert window.patients_stack.currentWidget() is window.patient_list


def test_the_patient_audit_trail_opens_on_the_audit_page(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient = register_patient(study_users.study, study_users.users["nurse"])
    window = open_window(qtbot, study_users, "investigator")
    window.show_patient(patient.id)
    assert window.patient_page is not None
    window.patient_page.auditRequested.emit(patient.id)
    assert window.current_page() == PAGE_AUDIT
    assert isinstance(window.audit_viewer, AuditViewer)
    assert window.audit_viewer.patient_id == patient.id


def test_ctrl_f_goes_to_the_patient_filter(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    window = open_window(qtbot, study_users, "admin")
    activate(qtbot, window)
    window.show_page(PAGE_ADMIN)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == PAGE_PATIENTS
    assert window.patient_list is not None
    assert QApplication.focusWidget() is window.patient_list.filter_edit


def test_ctrl_f_on_the_audit_page_searches_the_audit_trail(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    window = open_window(qtbot, study_users, "nurse")
    activate(qtbot, window)
    window.show_page(PAGE_AUDIT)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == PAGE_AUDIT
    assert window.audit_viewer is not None
    assert QApplication.focusWidget() is window.audit_viewer.search


def test_lock_now_and_log_out_are_requested_from_the_menu(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    window = open_window(qtbot, study_users, "nurse")
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    with qtbot.waitSignal(window.lockRequested):
        window.lock_action.trigger()
    with qtbot.waitSignal(window.logoutRequested):
        window.logout_action.trigger()


def test_settings_and_about(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    window = open_window(qtbot, study_users, "monitor")
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    assert dialog.isVisible()
    assert dialog.study_box is None  # a monitor does not manage study settings
    dialog.reject()
    text = window.about_text()
    assert sscvisit.__version__ in text
    assert study_users.study.location in text
    assert "sqlite" in text
    box = window.show_about()
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    box.close()


def test_window_geometry_is_saved_and_restored(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    window = open_window(qtbot, study_users, "nurse")
    # The offscreen screen is 800x800; the window's minimum width is 1000: change the height.
    window.resize(1000, 700)
    with qtbot.waitSignal(window.closing):
        window.close()
    stored = window_settings().value("main_window/geometry")
    assert isinstance(stored, QByteArray)
    assert not stored.isEmpty()
    again = open_window(qtbot, study_users, "nurse")
    assert again.size().height() == 700


def test_the_role_label_follows_the_language(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    window = build_main_window(study_users.study, study_users.users["nurse"], "nl")
    qtbot.addWidget(window)
    assert window.role_label.text() == "Researchverpleegkundige"


def test_the_main_window_does_not_load_the_chart_or_export_libraries() -> None:
    import subprocess
    import sys

    code = (
        "import sys, sscvisit.ui.main_window, sscvisit.ui.patient_page\n"
        "tops = {m.split('.')[0] for m in sys.modules}\n"
        "heavy = tops & {'matplotlib', 'pandas', 'reportlab', 'pyhanko'}\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
