"""The patient list: the model, the filter proxy and the view."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from sscvisit.services import patients
from sscvisit.services.dto import IdentityInfo, PatientRow, UserInfo
from sscvisit.services.study import Study
from sscvisit.ui.context import UiContext
from sscvisit.ui.patient_list import (
    ID_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    PatientFilterProxy,
    PatientListView,
    PatientTableModel,
)
from sscvisit.ui.register_dialog import RegisterPatientDialog
from tests.studyfixtures import StudyWithUsers, register_patient

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

W = TypeVar("W", bound=QWidget)


def open_dialog_of(qtbot: QtBot, parent: QWidget, kind: type[W]) -> W:
    """The dialog a click opened with open() (no exec(), so the test keeps control)."""
    found: list[W] = []

    def shown() -> bool:
        found[:] = [d for d in parent.findChildren(kind) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[0]


def user(role: str) -> UserInfo:
    return UserInfo(1, role, role.title(), role, True, False, False)


def ctx_for(role: str, study: Study | None = None) -> UiContext:
    return UiContext(study, user(role), "en")  # type: ignore[arg-type]  # model needs no study


def row(
    number: int,
    *,
    family: str = "Jansen",
    given: str = "Anna",
    hospital: str | None = None,
    birth_year: int = 1970,
    voided: bool = False,
    identity: bool = True,
) -> PatientRow:
    return PatientRow(
        id=number,
        subject_number=f"SSC-{number:03d}",
        sex="F" if number % 2 else "M",
        birth_year=birth_year,
        consent_date=dt.date(2025, 1, 1) + dt.timedelta(days=number),
        consent_version="v2.1",
        status="registered",
        voided=voided,
        void_reason="Registered in error" if voided else None,
        version=1,
        identity=IdentityInfo(
            family, given, dt.date(birth_year, 1, 1), hospital or f"H{1000000 + number}"
        )
        if identity
        else None,
    )


ROWS = [
    row(1, family="de Vries", given="Pieter", birth_year=1952),
    row(2, family="Bakker", given="Sanne", birth_year=1988),
    row(3, family="Visser", given="Eva", hospital="ZH-42", birth_year=1961),
    row(4, family="Smit", given="Lotte", birth_year=1944, voided=True),
    row(1000, family="Jansen", given="Daan", birth_year=1975),
    row(999, family="Mulder", given="Noor", birth_year=2001),
]


def make_model(role: str = "nurse", rows: list[PatientRow] = ROWS) -> PatientTableModel:
    model = PatientTableModel(ctx_for(role))
    model.set_rows(rows)
    return model


def make_view(qtbot: QtBot, role: str = "nurse") -> PatientListView:
    """A list view over rows set by the test (no database)."""
    view = PatientListView(ctx_for(role))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    return view


def shown_subjects(view: PatientListView) -> list[str]:
    proxy = view.proxy
    return [str(proxy.index(r, 0).data()) for r in range(proxy.rowCount())]


def test_model_and_proxy_pass_the_model_tester(qtmodeltester: object) -> None:
    model = make_model()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    proxy = PatientFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("an")
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]
    proxy.sort(3, Qt.SortOrder.DescendingOrder)
    proxy.set_show_voided(False)
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]


def test_columns_and_cells(qtbot: QtBot) -> None:
    model = make_model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Subject number",
        "Status",
        "Sex",
        "Year of birth",
        "Informed consent date",
        "Name",
        "Hospital number",
    ]
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first == [
        "SSC-001",
        "Registered",
        "Female",
        "1952",
        "2025-01-02",
        "de Vries, Pieter",
        "H1000001",
    ]
    assert model.row_id(0) == 1
    assert model.index(0, 0).data(ID_ROLE) == 1
    assert "ssc-001" in model.index(0, 0).data(SEARCH_ROLE)


def test_identity_columns_are_absent_for_a_monitor() -> None:
    model = make_model("monitor", [row(n, identity=False) for n in (1, 2)])
    assert model.columnCount() == 5
    assert model.column_of("name") == -1
    assert model.column_of("hospital_number") == -1
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert "Name" not in headers
    assert "Hospital number" not in headers


def test_voided_rows_are_grey_struck_out_and_marked(qtbot: QtBot) -> None:
    model = make_model()
    voided = model.row_of(4)
    status = model.index(voided, model.column_of("status"))
    subject = model.index(voided, 0)
    assert status.data() == "Registered (void)"
    font = subject.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.strikeOut()
    assert subject.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Registered in error" in subject.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ssc-00", ["SSC-001", "SSC-002", "SSC-003", "SSC-004"]),
        ("SSC-1000", ["SSC-1000"]),
        ("VRIES", ["SSC-001"]),
        ("sanne", ["SSC-002"]),
        ("zh-4", ["SSC-003"]),
        ("h100099", ["SSC-999"]),
        ("nobody", []),
    ],
)
def test_filter_as_you_type(qtbot: QtBot, typed: str, expected: list[str]) -> None:
    view = make_view(qtbot)
    view.model.set_rows(ROWS)
    qtbot.keyClicks(view.filter_edit, typed)
    assert shown_subjects(view) == expected
    assert view.count_label.text() == f"6 patients ({len(expected)} shown)"
    view.filter_edit.clear()
    assert view.shown_count() == 6


def test_show_voided_toggle(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.model.set_rows(ROWS)
    assert "SSC-004" in shown_subjects(view)
    qtbot.mouseClick(view.show_voided, Qt.MouseButton.LeftButton)
    assert "SSC-004" not in shown_subjects(view)
    assert view.shown_count() == 5
    qtbot.mouseClick(view.show_voided, Qt.MouseButton.LeftButton)
    assert view.shown_count() == 6


def test_sort_by_year_of_birth_numerically_and_subjects_naturally(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.model.set_rows(ROWS)
    assert shown_subjects(view) == [
        "SSC-001",
        "SSC-002",
        "SSC-003",
        "SSC-004",
        "SSC-999",
        "SSC-1000",
    ]
    year = view.model.column_of("birth_year")
    assert isinstance(view.model.index(0, year).data(SORT_ROLE), int)
    header = view.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(year) + 5, 5),
    )
    years = [int(view.proxy.index(r, year).data()) for r in range(view.proxy.rowCount())]
    assert years == sorted(years)
    view.table.sortByColumn(year, Qt.SortOrder.DescendingOrder)
    years = [int(view.proxy.index(r, year).data()) for r in range(view.proxy.rowCount())]
    assert years == sorted(years, reverse=True)
    consent = view.model.column_of("consent_date")
    view.table.sortByColumn(consent, Qt.SortOrder.AscendingOrder)
    dates = [str(view.proxy.index(r, consent).data()) for r in range(view.proxy.rowCount())]
    assert dates == sorted(dates)


def test_sorting_keeps_the_selection(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.model.set_rows(ROWS)
    assert view.select_patient(999)
    view.table.sortByColumn(view.model.column_of("birth_year"), Qt.SortOrder.AscendingOrder)
    assert view.selected_id() == 999
    qtbot.keyClicks(view.filter_edit, "m")
    assert view.selected_id() == 999  # Mulder still shown


def test_double_click_enter_and_return_in_the_filter_open_a_patient(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.model.set_rows(ROWS)
    index = view.proxy.index(1, 0)
    rect = view.table.visualRect(index)
    with qtbot.waitSignal(view.patientActivated, check_params_cb=lambda pid: pid == 2):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(2, 0))
    with qtbot.waitSignal(view.patientActivated, check_params_cb=lambda pid: pid == 3):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)

    view.focus_filter()
    qtbot.keyClicks(view.filter_edit, "bakker")
    with qtbot.waitSignal(view.patientActivated, check_params_cb=lambda pid: pid == 2):
        qtbot.keyClick(view.filter_edit, Qt.Key.Key_Return)


def test_down_from_the_filter_moves_into_the_table(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.model.set_rows(ROWS)
    view.activateWindow()
    view.focus_filter()
    qtbot.keyClicks(view.filter_edit, "ssc")
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Down)
    qtbot.waitUntil(view.table.hasFocus)
    assert view.selected_id() == 1


def test_a_monitor_gets_no_register_button_and_no_identity(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    register_patient(study_users.study, study_users.users["nurse"], family_name="Jansen")
    view = PatientListView(UiContext(study_users.study, study_users.users["monitor"], "en"))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert view.register_button.isHidden()
    assert view.model.columnCount() == 5
    assert shown_subjects(view) == ["SSC-001"]
    qtbot.keyClicks(view.filter_edit, "jansen")
    assert view.shown_count() == 0  # names are not searchable by who may not see them


def test_refresh_register_and_update_through_the_services(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    nurse = study_users.users["nurse"]
    register_patient(study_users.study, nurse, family_name="Jansen", hospital_number="H1")
    register_patient(study_users.study, nurse, family_name="Bakker", hospital_number="H2")
    view = PatientListView(UiContext(study_users.study, nurse, "en"))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert shown_subjects(view) == ["SSC-001", "SSC-002"]
    assert view.register_button.isVisible()

    qtbot.mouseClick(view.register_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog_of(qtbot, view, RegisterPatientDialog)
    texts = {
        "birth_year": "1981",
        "consent_date": "2025-02-03",
        "consent_version": "v3",
        "family_name": "Visser",
        "given_names": "Eva",
        "date_of_birth": "1981-05-06",
        "hospital_number": "H3",
    }
    qtbot.keyClicks(dialog.editor.editor("sex"), "F")
    for name, text in texts.items():
        qtbot.keyClicks(dialog.editor.editor(name), text)
    with qtbot.waitSignal(view.patientRegistered):
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert shown_subjects(view) == ["SSC-001", "SSC-002", "SSC-003"]
    assert view.selected_id() == view.model.row_id(view.model.row_of(3))

    voided = patients.void_patient(study_users.study, nurse, 1, "Registered in error")
    view.update_patient(voided)
    assert view.model.index(view.model.row_of(1), 1).data() == "Registered (void)"
    view.refresh()
    assert view.selected_id() == 3
    assert view.count_label.text() == "3 patients (3 shown)"


def test_the_filter_never_calls_data(qtbot: QtBot) -> None:
    """The filter reads precomputed keys; a data() call per row would miss the 16 ms budget."""
    calls = 0

    class Counting(PatientTableModel):
        def data(self, index: QModelIndex, role: int = 0) -> object:  # type: ignore[override]
            nonlocal calls
            calls += 1
            return super().data(index, role)

    model = Counting(ctx_for("nurse"))
    model.set_rows([row(n) for n in range(1, 2001)])
    proxy = PatientFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 2000
    calls = 0
    proxy.set_filter_text("ssc-01")
    proxy.set_filter_text("ssc-0")
    proxy.set_show_voided(False)
    assert proxy.rowCount() == 99  # SSC-001 .. SSC-099
    assert calls == 0
    assert proxy.index(0, 0).data() == "SSC-001"
    assert calls == 1  # the counter does see calls from Qt
