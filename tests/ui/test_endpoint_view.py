"""The end point view: the counts on screen, and the PDF and CSV it writes (real study, SQLite)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from pytestqt.qtbot import QtBot

from sscvisit.ui.context import UiContext
from sscvisit.ui.endpoint_view import PATIENT_ROLE, EndpointView
from tests.services.test_endpoint import add_ae
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

INJECTED = dt.date(2026, 2, 2)
TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def two_patients(study_users: StudyWithUsers) -> tuple[EnrolledPatient, EnrolledPatient]:
    """SSC-001 with one SAE in the window (and a non-serious AE); SSC-002 with none."""
    first = enrol_patient(study_users, injected=INJECTED, hospital_number="H1000001")
    second = enrol_patient(study_users, injected=INJECTED, hospital_number="H1000002")
    add_ae(first, INJECTED + dt.timedelta(days=3), grade=1, procedure="certain")
    add_ae(
        first,
        INJECTED + dt.timedelta(days=20),
        term="Cellulitis",
        grade=3,
        product="possible",
        criteria=("serious_hospitalisation",),
    )
    add_ae(second, INJECTED + dt.timedelta(days=120), term="Late rash")
    return first, second


def make_view(qtbot: QtBot, made: StudyWithUsers, language: str = "en") -> EndpointView:
    view = EndpointView(UiContext(made.study, made.users["monitor"], language))
    qtbot.addWidget(view)
    view.native_dialogs = False
    view.refresh(TODAY)
    return view


def cell(view: EndpointView, row: int, column: int) -> str:
    return str(view.patient_model.index(row, column).data())


def test_the_view_shows_each_patients_sae_count_and_the_totals(
    qtbot: QtBot,
    qtmodeltester: object,
    study_users: StudyWithUsers,
    two_patients: tuple[EnrolledPatient, EnrolledPatient],
) -> None:
    view = make_view(qtbot, study_users)
    for model in (view.patient_model, view.product_model, view.sae_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    model = view.patient_model
    assert model.rowCount() == 3  # two patients and the totals
    assert [cell(view, r, 0) for r in range(2)] == ["SSC-001", "SSC-002"]
    assert [cell(view, 0, c) for c in range(1, 6)] == ["2026-02-02", "2026-05-04", "yes", "1", "2"]
    assert [cell(view, 0, c) for c in range(6, 11)] == ["0", "1", "0", "1", "0"]
    assert cell(view, 1, 4) == "0"
    assert cell(view, 1, 11) == "1"  # the late rash, outside the window
    assert cell(view, 2, 0) == "Total (2)"
    assert cell(view, 2, 4) == "1"
    assert model.index(2, 0).data(PATIENT_ROLE) is None
    # The grade x relation table: grade 3, possibly related to the product; totals row and column.
    assert view.product_model.index(3, 3).data() == "1"
    assert view.product_model.index(5, 6).data() == "2"
    assert view.procedure_model.index(1, 5).data() == "1"  # grade 1, certainly the procedure
    assert view.sae_model.rowCount() == 1
    assert view.sae_model.index(0, 2).data() == "Cellulitis"
    assert view.sae_model.index(0, 8).data() == "Requires or prolongs hospitalisation"
    assert "<b>1</b> SAEs in the window" in view.summary.text()
    assert view.error_code() is None
    assert view.print_button.isEnabled()


def test_enter_on_a_patient_opens_them_and_the_totals_row_opens_nobody(
    qtbot: QtBot,
    study_users: StudyWithUsers,
    two_patients: tuple[EnrolledPatient, EnrolledPatient],
) -> None:
    view = make_view(qtbot, study_users)
    view.show()
    table = view.patient_table
    table.setFocus()
    table.setCurrentIndex(view.patient_model.index(1, 0))
    with qtbot.waitSignal(view.patientActivated) as caught:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert caught.args == [two_patients[1].patient_id]
    table.setCurrentIndex(view.patient_model.index(2, 0))
    with qtbot.assertNotEmitted(view.patientActivated):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    with qtbot.waitSignal(view.patientActivated) as caught:
        view.sae_table.activated.emit(view.sae_model.index(0, 0))
    assert caught.args == [two_patients[0].patient_id]
    view.patient_table.activated.emit(QModelIndex())  # nothing happens


def test_saving_the_pdf_writes_the_subject_and_the_count(
    qtbot: QtBot,
    tmp_path: Path,
    study_users: StudyWithUsers,
    two_patients: tuple[EnrolledPatient, EnrolledPatient],
) -> None:
    view = make_view(qtbot, study_users)
    view.show()
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    target = tmp_path / "endpoint"
    dialog.selectFile(str(target))  # type: ignore[union-attr]
    dialog.accept()
    pdf = tmp_path / "endpoint.pdf"  # the default suffix is added
    assert pdf.is_file()
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "EUCTR2015-000168-32-NL" in text
    assert re.search(r"SSC-001\s+2026-02-02\s+2026-05-04\s+yes\s+1\s+2\b", text), text
    assert re.search(r"SSC-002\s+2026-02-02\s+2026-05-04\s+yes\s+0\s+0\b", text), text
    assert re.search(r"SAEs in the window \(primary end point\)\s+1\b", text), text
    assert "Cellulitis" in text
    assert "H1000001" not in text
    assert str(pdf) in view.status.text()
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert exports(study_users) == [f"pdf: endpoint.pdf sha256={digest}"]


def test_export_csv_writes_one_row_per_patient_and_the_totals(
    qtbot: QtBot,
    tmp_path: Path,
    study_users: StudyWithUsers,
    two_patients: tuple[EnrolledPatient, EnrolledPatient],
) -> None:
    view = make_view(qtbot, study_users, "nl")
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None
    target = tmp_path / "endpoint.csv"
    dialog.selectFile(str(target))  # type: ignore[union-attr]
    dialog.accept()
    data = target.read_bytes()
    assert b"\r\n" in data
    assert b";" not in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0][:5] == [
        "Patiënt",
        "Injectie",
        "Einde venster",
        "Follow-up compleet",
        "SAE's in venster",
    ]
    assert [row[0] for row in rows[1:]] == ["SSC-001", "SSC-002", "Totaal"]
    assert rows[1][4] == "1"
    assert rows[3][4] == "1"
    assert rows[3][3] == "2/2"
    assert exports(study_users) == [f"csv: endpoint.csv sha256={hashlib.sha256(data).hexdigest()}"]


def exports(made: StudyWithUsers) -> list[str | None]:
    """The audit trail's export events, oldest first."""
    from sscvisit.services import audit

    with made.study.unit() as session:
        rows = audit.query(session)
    return [row.new_value for row in reversed(rows) if row.action == "export"]


def test_printing_lays_the_report_out_on_the_printer(
    qtbot: QtBot,
    tmp_path: Path,
    study_users: StudyWithUsers,
    two_patients: tuple[EnrolledPatient, EnrolledPatient],
) -> None:
    view = make_view(qtbot, study_users)
    view.show()
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert isinstance(view.dialog, QPrintDialog)
    view.dialog.reject()
    assert exports(study_users) == []  # cancelled: nothing left the program
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    view.print_document(printer)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "printed.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "SSC-001" in text


def test_without_injected_patients_or_without_rights(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    view = make_view(qtbot, study_users)
    assert view.patient_model.rowCount() == 0
    assert view.empty.isVisibleTo(view)
    assert not view.patient_table.isVisibleTo(view)
    assert "\r\n" in view.csv_text()
    admin = EndpointView(UiContext(study_users.study, study_users.users["admin"], "en"))
    qtbot.addWidget(admin)
    admin.refresh(TODAY)
    assert admin.error_code() == "permission_denied"
    assert not admin.pdf_button.isEnabled()
