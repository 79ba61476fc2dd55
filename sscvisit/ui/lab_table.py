"""A patient's lab results over the visits, with their WHO grades and the AEs they suggest.

Rows are the WHO analytes, columns the visits with results (a lab flowsheet). A grade of 3 or
more is highlighted; a result after the injection visit that suggests an adverse event (grade
>= 3, or two grades above baseline: ``LabInfo.suggests_ae``; a baseline result is medical
history) is listed under the table with "Record adverse event…", which opens the AE dialog
filled in with the term, the sample date and the grade, linked to the result. The nurse decides.
Once an AE is recorded from the result, the row says "Recorded as AE 3: …" instead (until that AE
is voided).

``VisitColumnsModel`` (analytes x visits with results) is shared with the biomarker table
(ui/biomarker_view.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.model.fields import Value
from sscvisit.services import labs, visits
from sscvisit.services.dto import VisitInfo
from sscvisit.services.errors import ServiceError
from sscvisit.services.labs import LabInfo
from sscvisit.ui.context import UiContext
from sscvisit.ui.lab_form import fit_table_height, number_text, short_number
from sscvisit.ui.register_dialog import ErrorBanner

HIGH_GRADE_BACKGROUND = QColor("#fde7ea")
HIGH_GRADE_TEXT = QColor("#8a0015")
MUTED_STYLE = "color: #5f6368;"
RESULT_ROLE = Qt.ItemDataRole.UserRole + 1


def result_text(info: LabInfo) -> str:
    """ "4.4 mmol/L · grade 3" (the value and unit as reported)."""
    grade = (
        QCoreApplication.translate("LabTableModel", "grade {grade}").format(grade=info.who_grade)
        if info.who_grade is not None
        else ""
    )
    text = f"{number_text(info.value)} {info.unit}"
    return f"{text} · {grade}" if grade else text


def result_detail(info: LabInfo) -> str:
    """The tooltip: sample date, reference range, the converted value or ULN ratio, baseline."""
    lines = [
        QCoreApplication.translate("LabTableModel", "Sample date: {date}").format(
            date=info.sample_date.isoformat()
        )
    ]
    if info.lower_limit is not None or info.upper_limit is not None:
        low = "" if info.lower_limit is None else number_text(info.lower_limit)
        high = "" if info.upper_limit is None else number_text(info.upper_limit)
        lines.append(
            QCoreApplication.translate("LabTableModel", "Reference range: {low}–{high}").format(
                low=low, high=high
            )
        )
    if info.canonical_value is not None and info.canonical_unit != info.unit:
        lines.append(
            f"{number_text(info.value)} {info.unit} = "
            f"{short_number(info.canonical_value)} {info.canonical_unit}"
        )
    if info.uln_ratio is not None:
        lines.append(
            QCoreApplication.translate("LabTableModel", "{ratio} × upper limit of normal").format(
                ratio=short_number(info.uln_ratio)
            )
        )
    if info.is_baseline:
        lines.append(QCoreApplication.translate("LabTableModel", "Baseline (injection visit)"))
    elif info.baseline_grade is not None:
        lines.append(
            QCoreApplication.translate("LabTableModel", "Baseline grade: {grade}").format(
                grade=info.baseline_grade
            )
        )
    if info.suggests_ae:
        lines.append(QCoreApplication.translate("LabTableModel", "Suggests an adverse event."))
    if info.recorded_ae is not None:
        number, term = info.recorded_ae
        lines.append(
            QCoreApplication.translate("LabTableModel", "Recorded as AE {number}: {term}").format(
                number=number, term=term
            )
        )
    return "\n".join(lines)


class VisitResult(Protocol):
    """A saved result placed in a cell (LabInfo, BiomarkerInfo)."""

    @property
    def analyte(self) -> str: ...

    @property
    def visit_id(self) -> int: ...


ResultT = TypeVar("ResultT", bound=VisitResult)


class VisitColumnsModel(QAbstractTableModel, Generic[ResultT]):
    """Analytes (rows) x visits with results (columns); each cell one result or empty.

    Subclasses say which analytes are the rows (``analytes``) and what a cell shows (``data``).
    """

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._analytes: list[tuple[str, str]] = []
        self._visits: list[VisitInfo] = []
        self._cells: dict[tuple[str, int], ResultT] = {}

    def analytes(self, results: Sequence[ResultT]) -> list[tuple[str, str]]:
        """The rows: (code, label) of each analyte, in order."""
        raise NotImplementedError

    def set_results(self, results: Sequence[ResultT], schedule: list[VisitInfo]) -> None:
        self.beginResetModel()
        with_results = {info.visit_id for info in results}
        self._visits = [v for v in schedule if v.id in with_results]
        self._analytes = self.analytes(results)
        self._cells = {(info.analyte, info.visit_id): info for info in results}
        self.endResetModel()

    def visits(self) -> list[VisitInfo]:
        return list(self._visits)

    def result(self, row: int, column: int) -> ResultT | None:
        if not (0 <= row < len(self._analytes) and 0 <= column < len(self._visits)):
            return None
        return self._cells.get((self._analytes[row][0], self._visits[column].id))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._analytes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._visits)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._analytes[section][1] if 0 <= section < len(self._analytes) else None
        if 0 <= section < len(self._visits):
            visit = self._visits[section]
            date = visit.visit_date.isoformat() if visit.visit_date is not None else ""
            return f"{visit.label(self._language)}\n{date}"
        return None


class LabTableModel(VisitColumnsModel[LabInfo]):
    """The WHO analytes (rows, all of them even before results) x visits with results."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(language, parent)
        self._analytes = self.analytes([])

    def analytes(self, results: Sequence[LabInfo]) -> list[tuple[str, str]]:
        return [(code, labs.analyte_label(code, self._language)) for code in labs.ANALYTES]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        info = self.result(index.row(), index.column())
        if info is None:
            return "—" if role == Qt.ItemDataRole.DisplayRole else None
        high = info.who_grade is not None and info.who_grade >= labs.SUGGEST_GRADE
        if role == Qt.ItemDataRole.DisplayRole:
            return result_text(info) + (" ⚠" if info.suggests_ae else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return result_detail(info)
        if role == Qt.ItemDataRole.BackgroundRole and high:
            return QBrush(HIGH_GRADE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and high:
            return QBrush(HIGH_GRADE_TEXT)
        if role == Qt.ItemDataRole.FontRole and info.suggests_ae:
            font = QFont()
            font.setBold(True)
            return font
        if role == RESULT_ROLE:
            return info
        return None


class LabOverview(QWidget):
    """The lab flowsheet of one patient and the adverse events its results suggest."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.patient_id: int | None = None
        self._schedule: dict[int, VisitInfo] = {}
        self.results: list[LabInfo] = []
        self.dialog: QDialog | None = None
        self.record_buttons: dict[int, QPushButton] = {}  # lab result id -> its button
        self.recorded_labels: dict[int, QLabel] = {}  # lab result id -> "Recorded as AE 3: …"

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.banner = ErrorBanner(self)
        self.model = LabTableModel(ctx.language, self)
        self.table = QTableView(self)
        self.table.setObjectName("lab_table")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(150)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.legend = QLabel(
            self.tr(
                "Shaded: WHO grade 3 or 4. ⚠ suggests an adverse event (after the injection "
                "visit: grade 3 or more, or two grades above baseline). Point at a value for its "
                "reference range and baseline."
            ),
            self,
        )
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(MUTED_STYLE)

        self.suggestions = QGroupBox(self.tr("Results that suggest an adverse event"), self)
        self._suggestion_grid = QGridLayout(self.suggestions)
        self._suggestion_grid.setColumnStretch(0, 1)
        self._suggestion_widgets: list[QWidget] = []

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.table)
        layout.addWidget(self.legend)
        layout.addWidget(self.suggestions)
        layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_table_height(self.table)  # row heights are final once shown

    def show_patient(self, patient_id: int) -> None:
        self.patient_id = patient_id
        self.refresh()

    def refresh(self, _patient_id: int | None = None) -> None:
        if self.patient_id is None:
            return
        try:
            schedule = visits.schedule(self._ctx.study, self._ctx.user, self.patient_id)
            self.results = labs.lab_results(self._ctx.study, self._ctx.user, self.patient_id)
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.banner.clear_error()
        self._schedule = {visit.id: visit for visit in schedule}
        self.model.set_results(self.results, schedule)
        fit_table_height(self.table)
        if self.results:
            subject = schedule[0].subject_number if schedule else ""
            self.heading.setText(self.tr("Lab results of {subject}").format(subject=subject))
        else:
            self.heading.setText(self.tr("No lab results yet."))
        self._show_suggestions()

    def suggested(self) -> list[LabInfo]:
        """The results that suggest an AE, recorded ones included (shown as recorded)."""
        return [info for info in self.results if info.suggests_ae]

    def open_suggestions(self) -> list[LabInfo]:
        """The results that suggest an AE not recorded yet."""
        return [info for info in self.results if info.open_suggestion]

    def _show_suggestions(self) -> None:
        for widget in self._suggestion_widgets:
            self._suggestion_grid.removeWidget(widget)
            widget.deleteLater()
        self._suggestion_widgets.clear()
        self.record_buttons.clear()
        self.recorded_labels.clear()
        language = self._ctx.language
        suggested = self.suggested()
        self.suggestions.setVisible(bool(suggested))
        for row, info in enumerate(suggested):
            visit = self._schedule.get(info.visit_id)
            where = visit.label(language) if visit is not None else info.visit_code
            text = self.tr("{visit}, {date}: {term} — {value}").format(
                visit=where,
                date=info.sample_date.isoformat(),
                term=info.suggested_term(language) or "",
                value=f"{number_text(info.value)} {info.unit}",
            )
            label = QLabel(text, self.suggestions)
            label.setWordWrap(True)
            self._suggestion_grid.addWidget(label, row, 0)
            self._suggestion_widgets.append(label)
            if info.recorded_ae is not None:  # done: says which AE, no longer asks
                number, term = info.recorded_ae
                recorded = QLabel(
                    self.tr("Recorded as AE {number}: {term}").format(number=number, term=term),
                    self.suggestions,
                )
                recorded.setObjectName(f"recorded_ae_{info.id}")
                recorded.setWordWrap(True)
                recorded.setStyleSheet(MUTED_STYLE)
                label.setStyleSheet(MUTED_STYLE)
                self._suggestion_grid.addWidget(recorded, row, 1)
                self._suggestion_widgets.append(recorded)
                self.recorded_labels[info.id] = recorded
                continue
            button = QPushButton(self.tr("Record adverse event…"), self.suggestions)
            button.setObjectName(f"record_ae_{info.id}")
            button.clicked.connect(lambda _checked=False, i=info: self.record_adverse_event(i))
            self._suggestion_grid.addWidget(button, row, 1)
            self._suggestion_widgets.append(button)
            self.record_buttons[info.id] = button

    def record_adverse_event(self, info: LabInfo) -> QDialog:
        """Open the AE dialog filled in from a result (window-modal); the table refreshes after."""
        from sscvisit.ui.ae_dialog import AdverseEventDialog  # another screen: only when asked

        prefill: dict[str, Value] = {
            "term": info.suggested_term(self._ctx.language) or "",
            "onset_date": info.sample_date,
            "who_grade": info.who_grade,
        }
        dialog = AdverseEventDialog(
            self._ctx,
            info.patient_id,
            self._schedule.get(info.visit_id),
            self,
            prefill=prefill,
            lab_result_id=info.id,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog


__all__ = [
    "LabOverview",
    "LabTableModel",
    "VisitColumnsModel",
    "VisitResult",
    "result_detail",
    "result_text",
]
