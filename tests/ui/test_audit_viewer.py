"""The audit trail viewer over a real study database (SQLite file)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sscvisit.services import patients
from sscvisit.services.audit import MASK
from sscvisit.services.clock import parse_stamp
from sscvisit.services.dto import AuditRow, PatientRow
from sscvisit.ui.audit_viewer import AuditTableModel, AuditViewer
from sscvisit.ui.context import UiContext
from tests.studyfixtures import StudyWithUsers, register_patient

# The offscreen platform cannot pass window size hints on; that is not a fault of the screen.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LONG_REASON = (
    "Consent form version copied wrongly from the screening log; checked against the signed "
    "original in the investigator site file and corrected"
)


@pytest.fixture
def amsterdam() -> Iterator[None]:
    """Run in a time zone that is not UTC, so a missing conversion cannot pass unnoticed."""
    mp = pytest.MonkeyPatch()
    mp.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    mp.undo()
    time.tzset()


@pytest.fixture
def registered(study_users: StudyWithUsers) -> list[PatientRow]:
    nurse = study_users.users["nurse"]
    study = study_users.study
    first = register_patient(study, nurse, family_name="Jansen", hospital_number="H1000001")
    second = register_patient(study, nurse, family_name="de Vries", hospital_number="H1000002")
    patients.update_patient(study, nurse, first.id, {"consent_version": "v2.2"}, LONG_REASON)
    return [first, second]


def make_viewer(qtbot: QtBot, made: StudyWithUsers, role: str) -> AuditViewer:
    viewer = AuditViewer(UiContext(made.study, made.users[role]))
    qtbot.addWidget(viewer)
    viewer.resize(1366, 768)
    viewer.show()
    return viewer


def cell(viewer: AuditViewer, row: int, column: int) -> str:
    return str(viewer.proxy.index(row, column).data())


def test_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    viewer = make_viewer(qtbot, study_users, "investigator")
    assert viewer.model.rowCount() > 0
    qtmodeltester.check(viewer.model)  # type: ignore[attr-defined]
    qtmodeltester.check(viewer.proxy)  # type: ignore[attr-defined]


def test_registration_rows_show_the_nurse_and_reason_newest_first(
    qtbot: QtBot, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    viewer = make_viewer(qtbot, study_users, "investigator")
    rows = viewer.visible_rows()
    ids = [r.id for r in rows]
    assert ids == sorted(ids, reverse=True)
    inserts = [r for r in rows if r.action == "insert" and r.subject_number == "SSC-001"]
    assert inserts
    assert {r.username for r in inserts} == {"nurse"}
    assert {r.reason for r in inserts} == {"patient registered"}
    # The newest entry is the change with its reason, shown in the table as it was given.
    newest = rows[0]
    assert (newest.action, newest.field, newest.new_value) == ("update", "consent_version", "v2.2")
    assert cell(viewer, 0, AuditTableModel.USER) == "nurse"
    assert cell(viewer, 0, AuditTableModel.SUBJECT) == "SSC-001"
    assert cell(viewer, 0, AuditTableModel.OLD) == "v2.1"
    assert cell(viewer, 0, AuditTableModel.NEW) == "v2.2"
    assert cell(viewer, 0, AuditTableModel.ACTION) == viewer.model.action_label("update")
    record = cell(viewer, 0, AuditTableModel.RECORD)
    assert record == f"{viewer.model.table_label('patients')} {registered[0].id}"
    # The cell is shortened; the tooltip and the details pane carry the whole reason.
    reason_index = viewer.proxy.index(0, AuditTableModel.REASON)
    assert reason_index.data(Qt.ItemDataRole.ToolTipRole) == LONG_REASON
    viewer.select_entry(newest.id)
    assert LONG_REASON in viewer.details.toPlainText()


def test_sorting_by_a_column_and_back_to_newest_first(
    qtbot: QtBot, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    viewer = make_viewer(qtbot, study_users, "investigator")
    viewer.table.sortByColumn(AuditTableModel.USER, Qt.SortOrder.AscendingOrder)
    users = [cell(viewer, r, AuditTableModel.USER) for r in range(viewer.proxy.rowCount())]
    assert users == sorted(users, key=str.casefold)
    viewer.table.sortByColumn(AuditTableModel.WHEN, Qt.SortOrder.AscendingOrder)
    ids = [r.id for r in viewer.visible_rows()]
    assert ids == sorted(ids)


def test_free_text_filter_narrows_the_rows(
    qtbot: QtBot, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    viewer = make_viewer(qtbot, study_users, "investigator")
    total = viewer.proxy.rowCount()
    qtbot.keyClicks(viewer.search, "de vries")  # case-insensitive, any column
    shown = viewer.visible_rows()
    assert 0 < len(shown) < total
    assert all(r.new_value == "de Vries" or r.old_value == "de Vries" for r in shown)
    assert str(len(shown)) in viewer.count_label.text()
    assert str(total) in viewer.count_label.text()
    viewer.search.clear()
    assert viewer.proxy.rowCount() == total
    qtbot.keyClicks(viewer.search, "screening log")  # matches the reason column
    assert [r.field for r in viewer.visible_rows()] == ["consent_version"]


def test_action_and_user_filters(
    qtbot: QtBot, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    viewer = make_viewer(qtbot, study_users, "investigator")
    viewer.action_filter.setFocus()
    index = viewer.action_filter.findData("update")
    assert index > 0
    viewer.action_filter.setCurrentIndex(index)
    shown = viewer.visible_rows()
    assert shown
    assert {r.action for r in shown} == {"update"}

    viewer.set_action_filter(None)
    viewer.set_user_filter("admin")
    shown = viewer.visible_rows()
    assert shown
    assert {r.username for r in shown} == {"admin"}
    assert {"account_created", "login"} <= {r.action for r in shown}

    viewer.set_action_filter("insert")  # the administrator creates accounts, never patient data
    shown = viewer.visible_rows()
    assert shown
    assert {(r.username, r.action, r.table_name) for r in shown} == {("admin", "insert", "users")}


def test_patient_filter_reloads_and_can_be_cleared(
    qtbot: QtBot, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    viewer = make_viewer(qtbot, study_users, "investigator")
    everything = viewer.model.rowCount()
    second = registered[1]
    viewer.set_patient(second.id)
    rows = viewer.visible_rows()
    assert rows
    assert {r.patient_id for r in rows} == {second.id}
    assert {r.subject_number for r in rows} == {"SSC-002"}
    assert viewer.patient_chip.isVisible()
    assert "SSC-002" in viewer.patient_label.text()

    # A new entry for that patient appears on refresh; another patient's does not.
    nurse = study_users.users["nurse"]
    patients.update_patient(study_users.study, nurse, second.id, {"consent_version": "v3"}, "typo")
    patients.update_patient(
        study_users.study, nurse, registered[0].id, {"consent_version": "v4"}, "typo"
    )
    viewer.refresh()
    assert viewer.model.rowCount() == len(rows) + 1
    assert viewer.visible_rows()[0].new_value == "v3"

    with qtbot.waitSignal(viewer.patient_cleared):
        qtbot.mouseClick(viewer.patient_clear, Qt.MouseButton.LeftButton)
    assert not viewer.patient_chip.isVisible()
    assert viewer.patient_id is None
    assert viewer.model.rowCount() == everything + 2


def test_monitor_sees_identity_values_masked(
    qtbot: QtBot, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    viewer = make_viewer(qtbot, study_users, "monitor")
    texts = {
        cell(viewer, r, c)
        for r in range(viewer.proxy.rowCount())
        for c in range(viewer.model.columnCount())
    }
    assert MASK in texts
    for secret in ("Jansen", "de Vries", "H1000001", "1970-03-04"):
        assert not any(secret in t for t in texts)
    for row in viewer.visible_rows():
        if row.table_name == "identities" and row.new_value is not None:
            assert row.new_value == MASK
    # Pseudonymous registration values stay visible to the monitor.
    assert "v2.2" in texts


def test_investigator_sees_identity_values(
    qtbot: QtBot, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    viewer = make_viewer(qtbot, study_users, "investigator")
    qtbot.keyClicks(viewer.search, "H1000001")
    assert [r.field for r in viewer.visible_rows()] == ["hospital_number"]


def test_times_are_shown_in_local_time_with_utc_in_the_tooltip(
    qtbot: QtBot, amsterdam: None, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    model = AuditTableModel()
    stamp = "2026-01-05T12:30:15.250000Z"
    model.set_rows(
        [AuditRow(1, stamp, "nurse", "login", "users", "3", None, None, None, None, None, None)]
    )
    moment = dt.datetime(2026, 1, 5, 12, 30, 15, tzinfo=dt.UTC)
    expected = moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert expected == "2026-01-05 13:30:15"  # CET is UTC+1 in January
    index = model.index(0, AuditTableModel.WHEN)
    assert index.data() == expected
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "2026-01-05 12:30:15.250000 UTC"

    viewer = make_viewer(qtbot, study_users, "investigator")
    newest = viewer.visible_rows()[0]
    local = parse_stamp(newest.timestamp_utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert cell(viewer, 0, AuditTableModel.WHEN) == local


def test_unknown_action_is_shown_as_its_code(qtbot: QtBot) -> None:
    model = AuditTableModel()
    row = AuditRow(
        7, "2026-01-05T12:00:00.000000Z", "nurse", "teleport", None, None, None, None, None, None,
        None, None,
    )  # fmt: skip
    model.set_rows([row])
    assert model.index(0, AuditTableModel.ACTION).data() == "teleport"
    assert model.index(0, AuditTableModel.RECORD).data() == ""


def test_keyboard_find_and_refresh(
    qtbot: QtBot, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    viewer = make_viewer(qtbot, study_users, "investigator")
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow)
    viewer.table.setFocus()
    qtbot.waitUntil(viewer.table.hasFocus)
    qtbot.keyClick(viewer.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert viewer.search.hasFocus()
    before = viewer.model.rowCount()
    nurse = study_users.users["nurse"]
    patients.update_patient(
        study_users.study, nurse, registered[1].id, {"consent_version": "v9"}, "typo"
    )
    qtbot.keyClick(viewer.search, Qt.Key.Key_F5)
    assert viewer.model.rowCount() == before + 1


def test_record_history_shows_one_record_and_clears_back(
    qtbot: QtBot, study_users: StudyWithUsers, registered: list[PatientRow]
) -> None:
    viewer = make_viewer(qtbot, study_users, "investigator")
    viewer.set_patient(registered[0].id)
    patient_rows = viewer.model.rowCount()
    update = next(r for r in viewer.visible_rows() if r.action == "update")
    assert viewer.select_entry(update.id)
    assert viewer.record_button.isEnabled()
    qtbot.mouseClick(viewer.record_button, Qt.MouseButton.LeftButton)
    rows = viewer.visible_rows()
    assert {(r.table_name, r.record_id) for r in rows} == {("patients", update.record_id)}
    assert len(rows) < patient_rows
    assert any(r.field == "consent_version" and r.action == "update" for r in rows)
    assert viewer.patient_chip.isVisible()
    assert not viewer.record_button.isEnabled()
    qtbot.mouseClick(viewer.patient_clear, Qt.MouseButton.LeftButton)
    assert viewer.model.rowCount() == patient_rows  # back to the patient's whole trail


def test_every_audited_table_and_coded_value_reads_as_words(qtbot: QtBot) -> None:
    model = AuditTableModel("nl")
    from sscvisit.services import audit

    for table in ("patients", "screenings", "visits", "enrolments", "users"):
        assert model.table_label(table) != table
    assert model.field_label("screenings", "refractory_rule") == "Refractair omdat"
    assert model.value_text("screenings", "inc1", "not_assessed") == "Niet beoordeeld"
    assert model.value_text("patients", "sex", "F") == "Vrouw"
    assert model.value_text("patients", "consent_version", "v2.1") == "v2.1"
    assert ("visits", "visit_date") in audit.declared_fields()
