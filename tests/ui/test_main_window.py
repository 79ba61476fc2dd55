"""The main window: pages per role, status bar, menus, navigation between list and patient."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

import sscvisit
from sscvisit.services import clock, safety
from sscvisit.ui.admin import UserAdminWidget
from sscvisit.ui.app import build_main_window
from sscvisit.ui.audit_viewer import AuditViewer
from sscvisit.ui.main_window import (
    PAGE_ADMIN,
    PAGE_AUDIT,
    PAGE_PATIENTS,
    PAGE_SAFETY,
    PAGE_ULCERS,
    PAGE_WEEK,
    MainWindow,
    window_settings,
)
from sscvisit.ui.patient_list import PatientListView
from sscvisit.ui.patient_page import PatientPage
from sscvisit.ui.settings_dialog import SettingsDialog
from tests.studyfixtures import StudyWithUsers, enrol_patient, register_patient

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
    assert window.page_keys() == [PAGE_WEEK, PAGE_PATIENTS, PAGE_ULCERS, PAGE_SAFETY, PAGE_AUDIT]
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


# --- SAE reporting: the banner on every page and the Safety page ----------------------------


def _overdue_sae(study_users: StudyWithUsers) -> tuple[int, int]:
    """An enrolled patient with an SAE the site learnt of 30 hours ago, not reported."""
    now = clock.now_local()
    enrolled = enrol_patient(study_users, injected=now.date() - dt.timedelta(days=20))
    info = safety.record_ae(
        study_users.study,
        study_users.users["nurse"],
        enrolled.schedule["injection"].id,
        {
            "term": "Cellulitis",
            "onset_date": now.date() - dt.timedelta(days=3),
            "ongoing": True,
            "intensity": "severe",
            "who_grade": 3,
            "relation_product": "unlikely",
            "relation_procedure": "possible",
            "action_taken": "medication",
            "outcome": "recovering",
            "serious_hospitalisation": True,
            "aware_at": now - dt.timedelta(hours=30),
        },
    )
    return enrolled.patient_id, info.id


def test_an_overdue_sae_shows_on_every_page_until_it_is_reported(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient_id, ae_id = _overdue_sae(study_users)
    window = open_window(qtbot, study_users, "nurse")
    banner = window.sae_banner
    assert banner.isVisible()
    assert "AE 1 'Cellulitis'" in banner.text()
    assert "overdue by 6 h" in banner.text()
    assert [due.ae_id for due in banner.overdue()] == [ae_id]
    for key in window.page_keys():
        window.show_page(key)
        assert banner.isVisible(), key
        assert banner.geometry().bottom() < window.stack.geometry().top()
    window.show_patient(patient_id)
    assert banner.isVisible()
    # "Open patient" on the banner shows the patient of the overdue SAE.
    window.show_page(PAGE_AUDIT)
    banner.open_button.click()
    assert window.current_page() == PAGE_PATIENTS
    assert window.patient_page is not None
    shown = window.patient_page.patient()
    assert shown is not None
    assert shown.id == patient_id
    assert window.patient_page.right_tabs.currentWidget() is window.patient_page.adverse_events

    now = clock.now_local()
    info = safety.get_ae(study_users.study, study_users.users["nurse"], ae_id)
    safety.update_ae(
        study_users.study,
        study_users.users["nurse"],
        ae_id,
        {"reported_at": now, "late_reason": "Weekend, investigator unreachable"},
        reason=None,
        expected_version=info.version,
    )
    assert banner.isVisible()  # until it refreshes: every minute, or after a save
    banner.timer.timeout.emit()
    assert not banner.isVisible()
    assert banner.overdue() == []


def test_the_banner_is_hidden_without_overdue_saes_and_for_administrators(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    window = open_window(qtbot, study_users, "nurse")
    assert not window.sae_banner.isVisible()
    _overdue_sae(study_users)
    window.refresh_safety()
    assert window.sae_banner.isVisible()
    admin = open_window(qtbot, study_users, "admin")
    assert PAGE_SAFETY not in admin.page_keys()
    assert not admin.sae_banner.isVisible()


def test_the_safety_page_lists_saes_due_and_opens_the_patient(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient_id, ae_id = _overdue_sae(study_users)
    window = open_window(qtbot, study_users, "monitor")
    assert PAGE_SAFETY in window.page_keys()
    window.show_page(PAGE_SAFETY)
    assert window.sae_due is not None
    assert window.endpoint_view is not None
    assert window.safety_page is not None
    assert window.sae_due.isVisible()
    assert [due.ae_id for due in window.sae_due.rows()] == [ae_id]
    model = window.sae_due.model
    countdown = model.index(0, model.COUNTDOWN).data()
    assert isinstance(countdown, str)
    assert countdown.startswith("overdue by 6 h")  # 30 h after awareness
    window.safety_page.setCurrentWidget(window.endpoint_view)
    assert window.endpoint_view.isVisible()
    window.safety_page.setCurrentWidget(window.sae_due)
    table = window.sae_due.table
    index = model.index(0, model.TERM)
    table.setCurrentIndex(index)
    with qtbot.waitSignal(window.sae_due.patientActivated) as activated:
        QTest.keyClick(table, Qt.Key.Key_Return)  # Enter opens the patient, as a double-click
    assert activated.args == [patient_id]
    assert window.current_page() == PAGE_PATIENTS
    assert window.patient_page is not None
    shown = window.patient_page.patient()
    assert shown is not None
    assert shown.id == patient_id
    window.show_page(PAGE_SAFETY)
    with qtbot.waitSignal(window.sae_due.patientActivated):
        table.doubleClicked.emit(index)
    assert window.current_page() == PAGE_PATIENTS


def test_reporting_the_sae_on_the_patient_page_clears_the_banner_at_once(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    patient_id, ae_id = _overdue_sae(study_users)
    window = open_window(qtbot, study_users, "nurse")
    assert window.sae_banner.isVisible()
    window.show_patient_safety(patient_id)
    assert window.patient_page is not None
    log = window.patient_page.adverse_events
    assert log.select_ae(ae_id)
    dialog = log.open_selected()
    assert dialog is not None
    reported = dialog.editor("reported_at")
    late = dialog.editor("late_reason")
    assert isinstance(reported, QLineEdit)
    assert isinstance(late, QLineEdit)
    reported.setText(clock.now_local().strftime("%Y-%m-%d %H:%M"))
    late.setText("Weekend, investigator unreachable")
    with qtbot.waitSignal(log.changed):
        dialog.save_button.click()
    assert not window.sae_banner.isVisible()
