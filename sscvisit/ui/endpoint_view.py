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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QMarginsF,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
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
)
from sscvisit.services.errors import ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.register_dialog import ErrorBanner

AnyIndex = QModelIndex | QPersistentModelIndex
PATIENT_ROLE = int(Qt.ItemDataRole.UserRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_SAE_COLOUR = QColor("#b71c1c")
_TOTAL_BACKGROUND = QColor("#eeeeee")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def relation_text(code: str, language: str) -> str:
    for relation in RELATIONS:
        if relation.value == code:
            return relation.label_nl if language == "nl" else relation.label_en
    return code


def criteria_text(names: Sequence[str], language: str) -> str:
    labels = {f.name: f.label_nl if language == "nl" else f.label_en for f in CRITERIA}
    return "; ".join(labels.get(name, name) for name in names)


class _ReadOnlyTable(QAbstractTableModel):
    """Fixed columns, read-only cells; subclasses fill ``_titles`` and give ``_cell``."""

    NUMERIC_FROM: ClassVar[int] = 99

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles: list[str] = []
        self._tips: dict[int, str] = {}

    def _count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else self._count()

    def columnCount(self, parent: AnyIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(section, self._titles[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section >= self.NUMERIC_FROM:
            return _RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count():
            return None
        if not 0 <= index.column() < len(self._titles):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() >= self.NUMERIC_FROM else None
        return self._cell(index.row(), index.column(), role)

    def _cell(self, row: int, column: int, role: int) -> Any:
        raise NotImplementedError


class EndpointPatientModel(_ReadOnlyTable):
    """One row per injected patient, then the study totals (a row without a patient)."""

    NUMERIC_FROM = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report: EndpointReport | None = None
        self._titles = [
            self.tr("Subject"),
            self.tr("Injection"),
            self.tr("Window end"),
            self.tr("Follow-up complete"),
            self.tr("SAEs in window"),
            self.tr("AEs in window"),
            *(self.tr("Grade {grade}").format(grade=g) for g in GRADES),
            self.tr("Outside window"),
        ]
        self._tips = {
            2: self.tr("Injection + week 12 + its window after; an SAE on this day still counts"),
            3: self.tr("The window has closed, or the week-12 visit is recorded"),
            4: self.tr("The primary end point: SAEs with an onset from day 0 to the window end"),
            5: self.tr("Adverse events with an onset in the window, serious or not"),
            11: self.tr("Adverse events with an onset before the injection or after the window"),
        }
        graded = self.tr("Adverse events in the window of WHO grade {grade}")
        for column, grade in enumerate(GRADES, start=6):
            self._tips[column] = graded.format(grade=grade)

    def set_report(self, report: EndpointReport | None) -> None:
        self.beginResetModel()
        self._report = report
        self.endResetModel()

    def _count(self) -> int:
        if self._report is None or not self._report.patients:
            return 0
        return len(self._report.patients) + 1

    def patient(self, row: int) -> PatientEndpoint | None:
        if self._report is None or not 0 <= row < len(self._report.patients):
            return None
        return self._report.patients[row]

    def is_total(self, row: int) -> bool:
        return self._report is not None and row == len(self._report.patients)

    def _cell(self, row: int, column: int, role: int) -> Any:
        assert self._report is not None
        patient = self.patient(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if patient is None:
                return self._total_text(column)
            return self._text(patient, column)
        if role == PATIENT_ROLE:
            return patient.patient_id if patient is not None else None
        if role == Qt.ItemDataRole.FontRole:
            sae = column == 4 and patient is not None and patient.sae_count > 0
            if patient is None or column == 0 or sae:
                return _bold()
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == 4
            and patient is not None
            and patient.sae_count > 0
        ):
            return QBrush(_SAE_COLOUR)
        if role == Qt.ItemDataRole.BackgroundRole and patient is None:
            return QBrush(_TOTAL_BACKGROUND)
        return None

    def _text(self, patient: PatientEndpoint, column: int) -> str:
        values: list[object] = [
            patient.subject_number,
            patient.injection_date.isoformat(),
            patient.window_end.isoformat(),
            self.tr("yes") if patient.follow_up_complete else self.tr("no"),
            patient.sae_count,
            patient.ae_count,
            *patient.by_grade,
            len(patient.outside),
        ]
        return str(values[column])

    def _total_text(self, column: int) -> str:
        assert self._report is not None
        totals = self._report.totals
        values: list[object] = [
            self.tr("Total ({n})").format(n=totals.patients_injected),
            "",
            "",
            f"{totals.patients_complete}/{totals.patients_injected}",
            totals.sae_total,
            totals.ae_total,
            *totals.by_grade,
            totals.outside_total,
        ]
        return str(values[column])


class GradeRelationModel(_ReadOnlyTable):
    """AEs in the window: a row per WHO grade and a total row; a column per relation and a total."""

    NUMERIC_FROM = 1

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matrix: tuple[tuple[int, ...], ...] = ()
        self._titles = [
            self.tr("WHO grade"),
            *(relation_text(r.value, language) for r in RELATIONS),
            self.tr("Total"),
        ]

    def set_matrix(self, matrix: Sequence[Sequence[int]]) -> None:
        self.beginResetModel()
        self._matrix = tuple(tuple(row) for row in matrix)
        self.endResetModel()

    def _count(self) -> int:
        return len(self._matrix) + 1 if self._matrix else 0

    def value(self, row: int, column: int) -> int | None:
        """The count in a cell (totals included); None in the first column."""
        if column == 0:
            return None
        relations = len(RELATIONS)
        rows = self._matrix if row < len(self._matrix) else None
        if rows is not None:
            counts = rows[row]
            return counts[column - 1] if column <= relations else sum(counts)
        columns = [sum(r[i] for r in self._matrix) for i in range(relations)]
        return columns[column - 1] if column <= relations else sum(columns)

    def _cell(self, row: int, column: int, role: int) -> Any:
        total = row == len(self._matrix)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return self.tr("Total") if total else str(GRADES[row])
            return str(self.value(row, column))
        if role == Qt.ItemDataRole.FontRole and (total or column == len(self._titles) - 1):
            return _bold()
        if role == Qt.ItemDataRole.BackgroundRole and total:
            return QBrush(_TOTAL_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column > 0 and self.value(row, column) == 0:
            return QBrush(QColor("#9e9e9e"))
        return None


class SaeListModel(_ReadOnlyTable):
    """The SAEs that make the end point, by subject and AE number."""

    NUMERIC_FROM = 99

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[EndpointAE] = []
        self._titles = [
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
        self._tips = {
            1: self.tr("The AE number within the patient's AE log"),
            4: self.tr("Days since the injection (day 0)"),
            6: self.tr("Relation to the MSC product"),
            7: self.tr("Relation to the injection procedure"),
        }

    def set_events(self, rows: Sequence[EndpointAE]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def adverse_event(self, row: int) -> EndpointAE:
        return self._rows[row]

    def _cell(self, row: int, column: int, role: int) -> Any:
        event = self._rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
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
        if role == PATIENT_ROLE:
            return event.patient_id
        if role == Qt.ItemDataRole.FontRole and column == 0:
            return _bold()
        return None


class _Table(QTableView):
    def __init__(self, model: QAbstractTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

    def stretch(self, *columns: int) -> None:
        """These columns share the width left over; the others fit their contents."""
        header = self.horizontalHeader()
        for column in columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

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
        self.patient_table = _Table(self.patient_model, self)
        self.patient_table.setObjectName("patient_table")
        self.product_model = GradeRelationModel(ctx.language, self)
        self.product_table = _Table(self.product_model, self)
        self.product_table.setObjectName("product_table")
        self.procedure_model = GradeRelationModel(ctx.language, self)
        self.procedure_table = _Table(self.procedure_model, self)
        self.procedure_table.setObjectName("procedure_table")
        self.sae_model = SaeListModel(ctx.language, self)
        self.sae_table = _Table(self.sae_model, self)
        self.sae_table.setObjectName("sae_table")
        self.patient_table.stretch(3)  # the counts keep the width their headers need
        self.sae_table.stretch(2)

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
        self.empty = QLabel(self.tr("No patient has been injected yet."), self)
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(
            "color: palette(placeholder-text); font-style: italic;"
            " border: 1px dashed palette(mid); border-radius: 4px; padding: 16px;"
        )
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
        self.sae_model.set_events(report.saes if report else ())
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
        return True

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
        return True

    def choose_printer(self) -> QPrintDialog:
        """Open the print dialog (window-modal); accepting it prints the report."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._page_setup(printer)
        printer.setDocName(self.tr("Primary end point"))
        self._printer = printer
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the end point"))
        dialog.accepted.connect(lambda: self.print_document(printer))
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
