"""The primary end point on one screen: SAEs from the injection to week 12, per patient and in all.

Over ``services.endpoint.study_endpoint``: a table with one row per injected patient and the study
totals, the AEs in the window by WHO grade and relation (to the MSC product, to the injection
procedure), and the SAEs that make the end point. Print…, Save as PDF… and Export CSV… use the
same pure report text as every other export (``sscvisit.export.endpoint_report``), so the paper,
the PDF and the CSV say what the screen says. Enter or a double-click on a patient opens them
(``patientActivated``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QMarginsF,
    QModelIndex,
    QObject,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.export.endpoint_report import to_csv, to_html
from sscvisit.services import clock, endpoint
from sscvisit.services.endpoint import (
    CRITERIA,
    GRADES,
    RELATIONS,
    EndpointAE,
    EndpointReport,
    PatientEndpoint,
    StudyTotals,
)
from sscvisit.services.errors import ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.table_model import (
    Column,
    RowsModel,
    RowT,
    bold_font,
    empty_table_label,
    set_up_table,
)

PATIENT_ROLE = int(Qt.ItemDataRole.UserRole)
_SAE_COLOUR = QColor("#b71c1c")
_TOTAL_BACKGROUND = QColor("#eeeeee")
_ZERO_COLOUR = QColor("#9e9e9e")


def relation_text(code: str, language: str) -> str:
    for relation in RELATIONS:
        if relation.value == code:
            return relation.label_nl if language == "nl" else relation.label_en
    return code


def criteria_text(names: Sequence[str], language: str) -> str:
    labels = {f.name: f.label_nl if language == "nl" else f.label_en for f in CRITERIA}
    return "; ".join(labels.get(name, name) for name in names)


def _columns(
    titles: Sequence[str],
    text: Callable[[int, RowT], str],
    *,
    numeric_from: int,
    tips: Mapping[int, str] | None = None,
) -> list[Column[RowT]]:
    """The end point tables' columns; ``text(column, row)`` gives a cell's text.

    A header's tooltip explains it, or repeats its title (the count headers are clipped).
    """
    tips = tips or {}
    return [
        Column(
            title,
            partial(text, n),
            header_tooltip=tips.get(n, title),
            numeric=n >= numeric_from,
        )
        for n, title in enumerate(titles)
    ]


EndpointRow = PatientEndpoint | StudyTotals  # a patient, or the study totals under them


class EndpointPatientModel(RowsModel[EndpointRow]):
    """One row per injected patient, then the study totals (a row without a patient)."""

    TEXT_TOOLTIPS = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        titles = [
            self.tr("Subject"),
            self.tr("Injection"),
            self.tr("Window end"),
            self.tr("Follow-up complete"),
            self.tr("SAEs in window"),
            self.tr("AEs in window"),
            *(self.tr("Grade {grade}").format(grade=g) for g in GRADES),
            self.tr("Outside window"),
        ]
        tips = {
            2: self.tr("Injection + week 12 + its window after; an SAE on this day still counts"),
            3: self.tr("The window has closed, or the week-12 visit is recorded"),
            4: self.tr("The primary end point: SAEs with an onset from day 0 to the window end"),
            5: self.tr("Adverse events with an onset in the window, serious or not"),
            11: self.tr("Adverse events with an onset before the injection or after the window"),
        }
        graded = self.tr("Adverse events in the window of WHO grade {grade}")
        for column, grade in enumerate(GRADES, start=6):
            tips[column] = graded.format(grade=grade)
        self.set_columns(_columns(titles, self._text, numeric_from=4, tips=tips))

    def set_report(self, report: EndpointReport | None) -> None:
        rows: list[EndpointRow] = []
        if report is not None and report.patients:
            rows = [*report.patients, report.totals]
        self.set_rows(rows)

    def _text(self, column: int, row: EndpointRow) -> str:
        values: list[object]
        if isinstance(row, PatientEndpoint):
            values = [
                row.subject_number,
                row.injection_date.isoformat(),
                row.window_end.isoformat(),
                self.tr("yes") if row.follow_up_complete else self.tr("no"),
                row.sae_count,
                row.ae_count,
                *row.by_grade,
                len(row.outside),
            ]
        else:
            values = [
                self.tr("Total ({n})").format(n=row.patients_injected),
                "",
                "",
                f"{row.patients_complete}/{row.patients_injected}",
                row.sae_total,
                row.ae_total,
                *row.by_grade,
                row.outside_total,
            ]
        return str(values[column])

    def _has_sae(self, row: EndpointRow, column: int) -> bool:
        return column == 4 and isinstance(row, PatientEndpoint) and row.sae_count > 0

    def cell_font(self, row: EndpointRow, column: int) -> QFont | None:
        if isinstance(row, StudyTotals) or column == 0 or self._has_sae(row, column):
            return bold_font()
        return None

    def cell_foreground(self, row: EndpointRow, column: int) -> QColor | None:
        return _SAE_COLOUR if self._has_sae(row, column) else None

    def cell_background(self, row: EndpointRow, column: int) -> QColor | None:
        return _TOTAL_BACKGROUND if isinstance(row, StudyTotals) else None

    def row_data(self, row: EndpointRow, role: int) -> object:
        if role == PATIENT_ROLE and isinstance(row, PatientEndpoint):
            return row.patient_id
        return None


@dataclass(frozen=True)
class GradeRow:
    """A row of a grade x relation table: a WHO grade (or the total), its count per relation."""

    label: str
    counts: tuple[int, ...]
    total: bool = False

    def value(self, column: int) -> int:
        """The count under a column: one per relation (from 1), then their sum."""
        return (*self.counts, sum(self.counts))[column - 1]


class GradeRelationModel(RowsModel[GradeRow]):
    """AEs in the window: a row per WHO grade and a total row; a column per relation and a total."""

    TEXT_TOOLTIPS = True

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        titles = [
            self.tr("WHO grade"),
            *(relation_text(r.value, language) for r in RELATIONS),
            self.tr("Total"),
        ]
        self.set_columns(_columns(titles, self._text, numeric_from=1))

    def set_matrix(self, matrix: Sequence[Sequence[int]]) -> None:
        rows: list[GradeRow] = []
        if matrix:
            grades = zip(GRADES, matrix, strict=True)
            rows = [GradeRow(str(grade), tuple(counts)) for grade, counts in grades]
            totals = tuple(sum(column) for column in zip(*matrix, strict=True))
            rows.append(GradeRow(self.tr("Total"), totals, total=True))
        self.set_rows(rows)

    def _text(self, column: int, row: GradeRow) -> str:
        return row.label if column == 0 else str(row.value(column))

    def cell_font(self, row: GradeRow, column: int) -> QFont | None:
        return bold_font() if row.total or column == self.columnCount() - 1 else None

    def cell_foreground(self, row: GradeRow, column: int) -> QColor | None:
        return _ZERO_COLOUR if column > 0 and row.value(column) == 0 else None

    def cell_background(self, row: GradeRow, column: int) -> QColor | None:
        return _TOTAL_BACKGROUND if row.total else None


class SaeListModel(RowsModel[EndpointAE]):
    """The SAEs that make the end point, by subject and AE number."""

    TEXT_TOOLTIPS = True

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        titles = [
            self.tr("Subject"),
            self.tr("AE"),
            self.tr("Term"),
            self.tr("Onset"),
            self.tr("Day"),
            self.tr("WHO grade"),
            self.tr("MSC product"),
            self.tr("Procedure"),
            self.tr("Seriousness"),
        ]
        tips = {
            1: self.tr("The AE number within the patient's AE log"),
            4: self.tr("Days since the injection (day 0)"),
            6: self.tr("Relation to the MSC product"),
            7: self.tr("Relation to the injection procedure"),
        }
        self.set_columns(_columns(titles, self._text, numeric_from=len(titles), tips=tips))

    def _text(self, column: int, event: EndpointAE) -> str:
        values: list[object] = [
            event.subject_number,
            event.number,
            event.term,
            event.onset_date.isoformat(),
            event.study_day,
            event.who_grade,
            relation_text(event.relation_product, self._language),
            relation_text(event.relation_procedure, self._language),
            criteria_text(event.criteria, self._language),
        ]
        return str(values[column])

    def cell_font(self, event: EndpointAE, column: int) -> QFont | None:
        return bold_font() if column == 0 else None

    def row_data(self, event: EndpointAE, role: int) -> object:
        return event.patient_id if role == PATIENT_ROLE else None


class _Table(QTableView):
    """A list table that can also be ``fit`` to its cells."""

    def __init__(
        self,
        model: QAbstractTableModel,
        parent: QWidget | None = None,
        *,
        stretch: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        set_up_table(self, model, stretch=stretch)

    def fit(self) -> None:
        """Exactly as large as its cells (the small fixed tables need no scroll bars)."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        rows = self.model().rowCount()
        height = header.sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)
        self.setFixedWidth(header.length() + 2 * self.frameWidth() + 2)


class EndpointView(QWidget):
    """The "End point" page: SAEs up to week 12 and AEs by WHO grade and relation."""

    patientActivated = Signal(int)  # noqa: N815 Qt signal name

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today: dt.date | None = None
        self.report: EndpointReport | None = None
        # Tests turn this off: Qt's own file dialog can be driven from a test, the platform's not.
        self.native_dialogs = True
        self.setObjectName("endpoint_view")

        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        heading_font.setBold(True)

        self.title = QLabel(self.tr("Primary end point: SAEs up to week 12"), self)
        self.title.setObjectName("endpoint_title")
        self.title.setFont(title_font)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refresh")
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("print")
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"), self)
        self.pdf_button.setObjectName("save_pdf")
        self.csv_button = QPushButton(self.tr("Export &CSV…"), self)
        self.csv_button.setObjectName("export_csv")
        self.banner = ErrorBanner(self)
        self.window_label = QLabel(self)
        self.window_label.setObjectName("window_text")
        self.window_label.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.hide()

        self.patient_model = EndpointPatientModel(self)
        # The counts keep the width their headers need; the follow-up column takes the rest.
        self.patient_table = _Table(self.patient_model, self, stretch=[3])
        self.patient_table.setObjectName("patient_table")
        self.product_model = GradeRelationModel(ctx.language, self)
        self.product_table = _Table(self.product_model, self)
        self.product_table.setObjectName("product_table")
        self.procedure_model = GradeRelationModel(ctx.language, self)
        self.procedure_table = _Table(self.procedure_model, self)
        self.procedure_table.setObjectName("procedure_table")
        self.sae_model = SaeListModel(ctx.language, self)
        self.sae_table = _Table(self.sae_model, self, stretch=[2])
        self.sae_table.setObjectName("sae_table")

        def heading(text: str, name: str) -> QLabel:
            label = QLabel(text, self)
            label.setObjectName(name)
            label.setFont(heading_font)
            label.setWordWrap(True)
            return label

        self.patients_heading = heading(self.tr("Per patient"), "patients_heading")
        self.product_heading = heading(
            self.tr("AEs in the window by WHO grade and relation to the MSC product"),
            "product_heading",
        )
        self.procedure_heading = heading(
            self.tr("AEs in the window by WHO grade and relation to the injection procedure"),
            "procedure_heading",
        )
        self.sae_heading = heading(self.tr("SAEs in the window"), "sae_heading")
        self.empty = empty_table_label(self.tr("No patient has been injected yet."), self)
        self.empty.setObjectName("empty")
        self.hint = QLabel(
            self.tr("Double-click a patient, or select them and press Enter, to open the patient."),
            self,
        )
        self.hint.setObjectName("hint")
        self.hint.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        for button in (self.refresh_button, self.print_button, self.pdf_button, self.csv_button):
            top.addWidget(button)
        matrices = QGridLayout()
        matrices.addWidget(self.product_heading, 0, 0)
        matrices.addWidget(self.procedure_heading, 0, 1)
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        matrices.addWidget(self.product_table, 1, 0, top_left)
        matrices.addWidget(self.procedure_table, 1, 1, top_left)
        matrices.setColumnStretch(0, 1)
        matrices.setColumnStretch(1, 1)
        matrices.setHorizontalSpacing(16)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.status)
        layout.addWidget(self.window_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.patients_heading)
        layout.addWidget(self.patient_table, 3)
        layout.addWidget(self.empty, 3)
        layout.addWidget(self.hint)
        layout.addSpacing(6)
        layout.addLayout(matrices)
        layout.addSpacing(6)
        layout.addWidget(self.sae_heading)
        layout.addWidget(self.sae_table, 2)
        self.empty.hide()

        QWidget.setTabOrder(self.patient_table, self.product_table)
        QWidget.setTabOrder(self.product_table, self.procedure_table)
        QWidget.setTabOrder(self.procedure_table, self.sae_table)
        QWidget.setTabOrder(self.sae_table, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.print_button)
        QWidget.setTabOrder(self.print_button, self.pdf_button)
        QWidget.setTabOrder(self.pdf_button, self.csv_button)

        self.refresh_button.clicked.connect(lambda: self.refresh(self._today))
        self.print_button.clicked.connect(self.choose_printer)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.csv_button.clicked.connect(self.choose_csv)
        self.patient_table.activated.connect(self._on_activated)
        self.sae_table.activated.connect(self._on_activated)
        self.dialog: QFileDialog | QPrintDialog | None = None
        self._printer: QPrinter | None = None
        self._set_exports_enabled(False)

    # -- public ------------------------------------------------------------------------------

    def refresh(self, today: dt.date | None = None) -> None:
        """Reload the end point as of ``today`` (the workstation's date when None)."""
        self._today = today
        try:
            report = endpoint.study_endpoint(self._ctx.study, self._ctx.user, today=today)
        except ServiceError as error:
            self.banner.show_service_error(error)
            report = None
        else:
            self.banner.clear_error()
        self.report = report
        self.patient_model.set_report(report)
        self.product_model.set_matrix(report.totals.by_grade_product if report else ())
        self.procedure_model.set_matrix(report.totals.by_grade_procedure if report else ())
        self.sae_model.set_rows(report.saes if report else ())
        for table in (self.product_table, self.procedure_table):
            table.fit()
        has_patients = bool(report and report.patients)
        self.patient_table.setVisible(has_patients)
        self.hint.setVisible(has_patients)
        self.empty.setVisible(not has_patients)
        self._show_texts(report)
        self._set_exports_enabled(report is not None)

    def html(self) -> str:
        assert self.report is not None
        return to_html(self.report, self._ctx.language)

    def csv_text(self) -> str:
        assert self.report is not None
        return to_csv(self.report, self._ctx.language)

    def print_document(self, printer: QPrinter) -> None:
        """Lay the report out on ``printer``'s pages (a printer or a PDF file)."""
        document = QTextDocument(self)
        document.setDocumentMargin(0)
        document.setHtml(self.html())
        document.print_(printer)
        document.deleteLater()

    def _print_and_audit(self, printer: QPrinter) -> None:
        self.print_document(printer)
        self._audit_export("print", None)

    def save_pdf(self, path: str | Path) -> bool:
        """Write the report as a PDF (A4 landscape); False, with a message, when it failed."""
        if self.report is None:
            return False
        target = Path(path)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        self._page_setup(printer)
        # QTextDocument.print_ adds its own 2 cm margin (and the page numbers in it).
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        printer.setDocName(self.tr("Primary end point"))
        printer.setCreator("sscvisit")
        with contextlib.suppress(OSError):  # the file dialog asked before replacing it
            target.unlink(missing_ok=True)
        self.print_document(printer)
        if not target.is_file() or target.stat().st_size == 0:
            self._show_status(self.tr("The PDF could not be written to {path}.").format(path=path))
            return False
        self._show_status(self.tr("Saved the end point to {path}.").format(path=path))
        return self._audit_export("pdf", target)

    def export_csv(self, path: str | Path) -> bool:
        """Write the CSV (UTF-8, CRLF line ends); False, with a message, when it failed."""
        if self.report is None:
            return False
        try:
            with Path(path).open("w", encoding="utf-8", newline="") as handle:
                handle.write(self.csv_text())
        except OSError as error:
            self._show_status(
                self.tr("The CSV could not be written to {path}: {error}").format(
                    path=path, error=error.strerror or str(error)
                )
            )
            return False
        self._show_status(self.tr("Exported the end point to {path}.").format(path=path))
        return self._audit_export("csv", Path(path))

    def _audit_export(self, kind: str, path: Path | None) -> bool:
        """The audit trail names every report that left the program (and the file's digest)."""
        try:
            endpoint.record_export(self._ctx.study, self._ctx.user, kind, path)
        except ServiceError as error:
            self.banner.show_service_error(error)
            return False
        return True

    def choose_printer(self) -> QPrintDialog:
        """Open the print dialog (window-modal); accepting it prints the report."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._page_setup(printer)
        printer.setDocName(self.tr("Primary end point"))
        self._printer = printer
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the end point"))
        dialog.accepted.connect(lambda: self._print_and_audit(printer))
        self._open(dialog)
        return dialog

    def choose_pdf(self) -> QFileDialog:
        return self._file_dialog(
            self.tr("Save the end point as PDF"),
            "pdf",
            self.tr("PDF documents (*.pdf)"),
            self.save_pdf,
        )

    def choose_csv(self) -> QFileDialog:
        return self._file_dialog(
            self.tr("Export the end point as CSV"),
            "csv",
            self.tr("CSV files (*.csv)"),
            self.export_csv,
        )

    def error_code(self) -> str | None:
        return self.banner.code

    # -- internals ---------------------------------------------------------------------------

    def _page_setup(self, printer: QPrinter) -> None:
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)

    def _file_dialog(
        self, title: str, suffix: str, filters: str, save: Callable[[str], bool]
    ) -> QFileDialog:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        day = self.report.today if self.report else clock.today()
        name = f"endpoint_{day.isoformat()}.{suffix}"
        dialog = QFileDialog(self, title, str(Path(folder) / name), filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(suffix)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not self.native_dialogs)
        dialog.fileSelected.connect(save)
        self._open(dialog)
        return dialog

    def _open(self, dialog: QFileDialog | QPrintDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # what QDialog.open() does: window-modal, never exec()

    def _set_exports_enabled(self, enabled: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(enabled)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _show_texts(self, report: EndpointReport | None) -> None:
        if report is None:
            self.window_label.clear()
            self.summary.clear()
            return
        self.window_label.setText(
            self.tr(
                "Protocol {protocol}. Window: the injection (day 0) to day {last} (week 12 at day "
                "{day} + {after} days), both inclusive; AEs count by onset date, voided AEs never. "
                "Follow-up as of {today}."
            ).format(
                protocol=report.protocol_name,
                last=report.last_day,
                day=report.endpoint_day,
                after=report.window_after,
                today=report.today.isoformat(),
            )
        )
        totals = report.totals
        self.summary.setText(
            self.tr(
                "<b>{saes}</b> SAEs in the window (primary end point) in <b>{with_sae}</b> of "
                "{injected} injected patients; follow-up complete for {complete}; {aes} AEs in "
                "the window, {outside} outside it."
            ).format(
                saes=totals.sae_total,
                with_sae=totals.patients_with_sae,
                injected=totals.patients_injected,
                complete=totals.patients_complete,
                aes=totals.ae_total,
                outside=totals.outside_total,
            )
        )

    def _on_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        patient_id = index.data(PATIENT_ROLE)
        if patient_id is not None:
            self.patientActivated.emit(int(patient_id))
