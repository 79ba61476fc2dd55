"""The AE log of a patient: rows, report states, New… and Open… through the AE dialog."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sscvisit.model.fields import Value
from sscvisit.services import clock, safety
from sscvisit.ui.ae_log import AdverseEventLog, AeLogModel
from sscvisit.ui.context import UiContext
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def values(**overrides: Value) -> dict[str, Value]:
    today = clock.today()
    out: dict[str, Value] = {
        "term": "Injection site pain",
        "onset_date": today - dt.timedelta(days=3),
        "end_date": today - dt.timedelta(days=1),
        "intensity": "mild",
        "who_grade": 1,
        "relation_product": "possible",
        "relation_procedure": "probable",
        "action_taken": "none",
        "outcome": "recovered",
    }
    out.update(overrides)
    return out


@pytest.fixture
def enrolled(study_users: StudyWithUsers) -> EnrolledPatient:
    return enrol_patient(study_users, injected=clock.today() - dt.timedelta(days=20))


def make_log(qtbot: QtBot, enrolled: EnrolledPatient, role: str = "nurse") -> AdverseEventLog:
    log = AdverseEventLog(UiContext(enrolled.study, enrolled.users[role], "en"))
    qtbot.addWidget(log)
    log.resize(1000, 400)
    log.show()
    log.show_patient(enrolled.patient_id)
    return log


def record(enrolled: EnrolledPatient, **overrides: Value) -> safety.AeInfo:
    return safety.record_ae(
        enrolled.study,
        enrolled.users["nurse"],
        enrolled.schedule["injection"].id,
        values(**overrides),
    )


def test_the_log_lists_each_event_with_its_report_state(
    qtbot: QtBot, qtmodeltester: ModelTester, enrolled: EnrolledPatient
) -> None:
    now = clock.now_local()
    record(enrolled)
    record(
        enrolled,
        term="Cellulitis",
        end_date=None,
        ongoing=True,
        intensity="severe",
        who_grade=3,
        outcome="recovering",
        serious_hospitalisation=True,
        aware_at=now - dt.timedelta(hours=30),
    )
    voided = record(enrolled, term="Entered twice")
    safety.void_ae(enrolled.study, enrolled.users["nurse"], voided.id, "Duplicate entry")
    log = make_log(qtbot, enrolled)
    model = log.model
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 3
    texts = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert texts[0][: AeLogModel.REPORT + 1] == [
        "AE 1",
        "Injection site pain",
        f"{now.date() - dt.timedelta(days=3)}\n{now.date() - dt.timedelta(days=1)}",
        "Mild",
        "1",
        "Possible\nProbable",
        "no",
    ]
    assert texts[1][AeLogModel.DATES].endswith("\nongoing")
    assert texts[1][AeLogModel.REPORT].startswith("SAE\noverdue by 6 h")
    tooltip = model.index(1, AeLogModel.REPORT).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Requires or prolongs hospitalisation\nAware ")
    font = model.index(2, AeLogModel.TERM).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.strikeOut()
    assert "Duplicate entry" in model.index(2, AeLogModel.TERM).data(Qt.ItemDataRole.ToolTipRole)
    assert log.summary.text() == "Adverse events: 2, of which serious (SAE): 1"


def test_new_records_an_event_and_the_log_says_it_changed(
    qtbot: QtBot, enrolled: EnrolledPatient
) -> None:
    log = make_log(qtbot, enrolled)
    assert log.summary.text() == "No adverse events recorded."
    assert not log.open_button.isEnabled()
    dialog = log.new_event()
    assert dialog is not None
    for name, value in values().items():
        editor = dialog.editor(name)
        if isinstance(editor, QLineEdit):
            editor.setText(value.isoformat() if isinstance(value, dt.date) else str(value))
        else:
            assert isinstance(editor, QComboBox)
            editor.setCurrentIndex(editor.findData(value))
    with qtbot.waitSignal(log.changed) as changed:
        dialog.save_button.click()
    assert changed.args == [enrolled.patient_id]
    assert [info.term for info in log.rows()] == ["Injection site pain"]


def test_open_shows_the_selected_event(qtbot: QtBot, enrolled: EnrolledPatient) -> None:
    first = record(enrolled)
    second = record(enrolled, term="Headache")
    log = make_log(qtbot, enrolled)
    assert log.select_ae(second.id)
    assert log.open_button.isEnabled()
    dialog = log.open_selected()
    assert dialog is not None
    assert dialog.info is not None
    assert dialog.info.id == second.id
    dialog.reject()
    log.table.setFocus()
    assert log.select_ae(first.id)
    QTest.keyClick(log.table, Qt.Key.Key_Return)
    assert log.dialog is not None
    assert log.dialog.info is not None
    assert log.dialog.info.id == first.id


def test_a_monitor_cannot_record_and_no_patient_means_an_empty_log(
    qtbot: QtBot, enrolled: EnrolledPatient
) -> None:
    record(enrolled)
    log = make_log(qtbot, enrolled, role="monitor")
    assert not log.new_button.isVisible()
    assert log.new_event() is None
    assert len(log.rows()) == 1
    log.show_patient(None)
    assert log.rows() == []
    assert not log.open_button.isEnabled()
