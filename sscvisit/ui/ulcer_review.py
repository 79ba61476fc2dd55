"""Investigator review of digital ulcers: one patient's charts and maps, and the study-wide view.

``UlcerReview`` shows one patient: the per-finger small multiples drawn by
``sscvisit.export.ulcer_charts.ulcer_figure`` (the same figure goes into the PDF casebook), a
table of active ulcers, total area and mean pain VAS per visit (``ulcers.visit_summaries``), and
the maps of two chosen visits side by side (``ulcers.visit_map``, read-only hand maps).
``StudyUlcerOverview`` shows, per visit code, the active ulcers and their total area across the
study's patients (``ulcers.study_summary`` and ``ulcer_charts.study_figure``).

matplotlib is heavy (issue 4, "Speed"): it is imported only when a chart is first shown, inside
``_FigureHost._build``, never when this module is imported, so the main window and the patient
page stay light. Until then a view only holds the plain data the figure will be drawn from.

The ulcer service hands out ``UlcerHistory`` records; :func:`chart_input` maps them onto the
chart module's own input records (plain data, no logic beyond naming each visit once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sscvisit.export import ulcer_charts
from sscvisit.export.ulcer_charts import (
    ChartObservation,
    ChartUlcer,
    ChartVisit,
    StudyVisitTotal,
)
from sscvisit.handmap.commands import MapState, UlcerMark
from sscvisit.scoring.ulcer import ellipse_area
from sscvisit.services import patients, ulcers
from sscvisit.services.dto import StudyUlcerSummary, UlcerHistory, VisitUlcerSummary
from sscvisit.services.errors import ServiceError
from sscvisit.ui.context import UiContext
from sscvisit.ui.hand_map import HandMapWidget, location_text, measures_text, status_label
from sscvisit.ui.register_dialog import ErrorBanner

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

__all__ = [
    "MEASURES",
    "STUDY_COLUMNS",
    "ComparedVisit",
    "MapMarksModel",
    "StudySummaryModel",
    "StudyUlcerOverview",
    "UlcerReview",
    "VisitSummaryModel",
    "chart_input",
    "chart_language",
    "chart_visit",
    "study_totals",
]

NOT_RECORDED = "—"
MUTED_STYLE = "color: #5f6368;"
_DPI = 100.0  # ulcer_charts draws at 100 dpi: figure inches = widget pixels / 100
_REBUILD_MS = 200  # after a resize settles, redraw the figure for its new size
_REBUILD_RATIO = 0.15  # ... when width or height changed by more than this fraction


# --- from the service's records to the chart's (plain data) ------------------------------------


def chart_language(language: str) -> str:
    """The chart's language: the UI's when the chart module has it, else English."""
    return language if language in ulcer_charts.LANGUAGES else "en"


def chart_visit(
    visit_code: str, sequence: int, label_en: str, label_nl: str, day: int
) -> ChartVisit:
    """One visit as the chart names it; unscheduled visits are told apart by their sequence."""
    if sequence:
        return ChartVisit(
            f"{visit_code}-{sequence}", f"{label_en} {sequence}", f"{label_nl} {sequence}", day
        )
    return ChartVisit(visit_code, label_en, label_nl, day)


def chart_input(
    history: Sequence[UlcerHistory], summaries: Sequence[VisitUlcerSummary]
) -> tuple[list[ChartUlcer], list[ChartVisit]]:
    """The chart module's input from ``ulcers.ulcer_history`` and ``ulcers.visit_summaries``.

    Ulcers keep the service's order (the chart numbers them by it). Visits are those whose map
    is filled in, so a visit without any ulcer still shows as 0 active ulcers. A point without
    a day since injection (the injection not recorded yet) cannot be placed and is left out.
    """
    chart_ulcers = [
        ChartUlcer(
            key=item.key,
            hand=item.hand,
            finger=item.finger,
            site=item.site,
            recurrence_of=item.recurrence_of,
            observations=tuple(
                ChartObservation(
                    visit=chart_visit(
                        point.visit_code, point.sequence, point.label_en, point.label_nl, point.day
                    ),
                    status=point.status,
                    length_mm=point.length_mm,
                    width_mm=point.width_mm,
                    pain_vas=point.pain_vas,
                )
                for point in item.points
                if point.day is not None
            ),
        )
        for item in history
    ]
    chart_visits = [
        chart_visit(s.visit_code, s.sequence, s.label_en, s.label_nl, s.day)
        for s in summaries
        if s.day is not None
    ]
    return chart_ulcers, chart_visits


def study_totals(rows: Sequence[StudyUlcerSummary]) -> list[StudyVisitTotal]:
    """The study chart's input from ``ulcers.study_summary`` (same order: the protocol's)."""
    return [
        StudyVisitTotal(
            code=row.visit_code,
            label_en=row.label_en,
            label_nl=row.label_nl,
            patients=row.patients,
            active_ulcers=row.active,
            total_area_mm2=row.total_area_mm2,
        )
        for row in rows
    ]


def _area_text(value: float) -> str:
    return f"{value:.2f}"


def _vas_text(value: float | None) -> str:
    return NOT_RECORDED if value is None else f"{value:.1f}"


def _visit_name(summary: VisitUlcerSummary, language: str) -> str:
    label = summary.label(language)
    return f"{label} {summary.sequence}" if summary.sequence else label


def _date_text(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else NOT_RECORDED


# --- the figure, drawn when first shown ---------------------------------------------------------

FigureBuilder = Callable[[tuple[float, float]], "Figure"]
"""Draws the figure for a size in inches (the host's size at 100 dpi)."""


class _FigureHost(QWidget):
    """Holds one matplotlib canvas; draws its figure only while shown (lazy matplotlib import).

    ``set_builder`` hands it the drawing function; the figure is drawn at once when the host is
    visible, else on its next show. A resize that changes the size a lot redraws the figure for
    the new size after the resize settles, so margins given in inches stay right.
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builder: FigureBuilder | None = None
        self._pending = False
        self._figure: Figure | None = None
        self._canvas: FigureCanvasQTAgg | None = None
        self._built_size = QSize()
        self._accessible_name = accessible_name
        self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 300)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_REBUILD_MS)
        self._timer.timeout.connect(self._rebuild_for_size)

    def set_builder(self, builder: FigureBuilder | None) -> None:
        self._builder = builder
        self._pending = True
        if builder is None:
            self._drop_canvas()
            self._pending = False
        elif self.isVisible():
            self._build()

    def figure(self) -> Figure | None:
        return self._figure

    def canvas(self) -> FigureCanvasQTAgg | None:
        return self._canvas

    def has_figure(self) -> bool:
        """True when a figure is drawn or waits to be drawn on the next show."""
        return self._figure is not None or self._pending

    def is_pending(self) -> bool:
        """True while a figure waits for the host to be shown."""
        return self._pending

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            self._build()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._figure is None or self._built_size.isEmpty():
            return
        old, new = self._built_size, event.size()
        if (
            abs(new.width() - old.width()) > old.width() * _REBUILD_RATIO
            or abs(new.height() - old.height()) > old.height() * _REBUILD_RATIO
        ):
            self._timer.start()

    def _rebuild_for_size(self) -> None:
        if self._builder is not None and self.isVisible():
            self._build()

    def _build(self) -> None:
        if self._builder is None:
            return
        # Lazy: the first chart shown pays for matplotlib, not the start of the application.
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        size = self.size().expandedTo(self.minimumSize())
        figure = self._builder((size.width() / _DPI, size.height() / _DPI))
        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]  # untyped upstream
        canvas.setParent(self)
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do there from the keyboard
        canvas.setAccessibleName(self._accessible_name)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setMinimumSize(0, 0)
        self._drop_canvas()
        self._layout.addWidget(canvas)
        canvas.show()  # a child added to a shown widget stays hidden until told
        self._canvas = canvas
        self._figure = figure
        self._built_size = size
        self._pending = False

    def _drop_canvas(self) -> None:
        if self._canvas is not None:
            self._layout.removeWidget(self._canvas)
            self._canvas.hide()
            self._canvas.deleteLater()
        self._canvas = None
        self._figure = None
        self._built_size = QSize()


# --- the per-visit table of one patient ----------------------------------------------------------

MEASURES: tuple[str, ...] = ("active", "healed", "total_area_mm2", "mean_pain_vas")
"""The table's rows, in order."""


def measure_label(measure: str) -> str:
    labels = {
        "active": QCoreApplication.translate("UlcerReview", "Active ulcers"),
        "healed": QCoreApplication.translate("UlcerReview", "Healed at this visit"),
        "total_area_mm2": QCoreApplication.translate("UlcerReview", "Total area (mm²)"),
        "mean_pain_vas": QCoreApplication.translate("UlcerReview", "Mean pain VAS (mm)"),
    }
    return labels[measure]


def summary_value_text(summary: VisitUlcerSummary, measure: str) -> str:
    """One measure at one visit, as the table shows it."""
    if measure == "active":
        return str(summary.active)
    if measure == "healed":
        return str(summary.healed)
    if measure == "total_area_mm2":
        return _area_text(summary.total_area_mm2)
    if measure == "mean_pain_vas":
        return _vas_text(summary.mean_pain_vas)
    raise KeyError(measure)


class VisitSummaryModel(QAbstractTableModel):
    """Rows = the measures (:data:`MEASURES`), columns = the visits whose map is filled in."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._summaries: list[VisitUlcerSummary] = []

    def set_summaries(self, summaries: Sequence[VisitUlcerSummary]) -> None:
        self.beginResetModel()
        self._summaries = list(summaries)
        self.endResetModel()

    def summaries(self) -> list[VisitUlcerSummary]:
        return list(self._summaries)

    def visit_codes(self) -> list[str]:
        """Column keys: the visit code, with the sequence for unscheduled visits."""
        return [
            f"{s.visit_code}-{s.sequence}" if s.sequence else s.visit_code for s in self._summaries
        ]

    def text(self, measure: str, visit: str) -> str:
        """What the table shows for a measure at a visit (code as in :meth:`visit_codes`)."""
        index = self.index(MEASURES.index(measure), self.visit_codes().index(visit))
        return str(self.data(index))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(MEASURES)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._summaries)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        summary = self._summaries[index.column()]
        measure = MEASURES[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary_value_text(summary, measure)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and measure == "mean_pain_vas":
            if summary.mean_pain_vas is None:
                return QCoreApplication.translate(
                    "UlcerReview", "No pain VAS recorded for an active ulcer at this visit."
                )
            return QCoreApplication.translate(
                "UlcerReview", "Mean over the active ulcers with a pain VAS."
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return measure_label(MEASURES[section]) if 0 <= section < len(MEASURES) else None
        if not 0 <= section < len(self._summaries):
            return None
        summary = self._summaries[section]
        if summary.day is None:
            when = _date_text(summary.visit_date)
        else:
            when = QCoreApplication.translate("UlcerReview", "{date} · day {day}").format(
                date=_date_text(summary.visit_date), day=summary.day
            )
        return f"{_visit_name(summary, self._language)}\n{when}"


# --- the study-wide table -----------------------------------------------------------------------

STUDY_COLUMNS: tuple[str, ...] = (
    "visit",
    "patients",
    "patients_with_active",
    "active",
    "total_area_mm2",
)
"""The study table's columns, in order."""


def study_column_label(column: str) -> str:
    labels = {
        "visit": QCoreApplication.translate("UlcerReview", "Visit"),
        "patients": QCoreApplication.translate("UlcerReview", "Maps filled in"),
        "patients_with_active": QCoreApplication.translate(
            "UlcerReview", "Patients with active ulcers"
        ),
        "active": QCoreApplication.translate("UlcerReview", "Active ulcers"),
        "total_area_mm2": QCoreApplication.translate("UlcerReview", "Total area (mm²)"),
    }
    return labels[column]


class StudySummaryModel(QAbstractTableModel):
    """Rows = the protocol's visits (unscheduled pooled last), columns = :data:`STUDY_COLUMNS`."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[StudyUlcerSummary] = []

    def set_rows(self, rows: Sequence[StudyUlcerSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[StudyUlcerSummary]:
        return list(self._rows)

    def text(self, visit_code: str, column: str) -> str:
        codes = [row.visit_code for row in self._rows]
        index = self.index(codes.index(visit_code), STUDY_COLUMNS.index(column))
        return str(self.data(index))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(STUDY_COLUMNS)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = STUDY_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "visit":
                return row.label(self._language)
            if column == "total_area_mm2":
                return _area_text(row.total_area_mm2)
            value: int = getattr(row, column)
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignLeft if column == "visit" else Qt.AlignmentFlag.AlignRight
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            study_column_label(STUDY_COLUMNS[section])
            if 0 <= section < len(STUDY_COLUMNS)
            else None
        )


def _read_only_table(model: QAbstractTableModel, name: str, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    return table


# --- the ulcers of one visit's map ------------------------------------------------------------

MARK_COLUMNS: tuple[str, ...] = (
    "number",
    "chart_number",
    "location",
    "status",
    "size",
    "area",
    "pain",
    "notes",
)
"""The columns of the list under each compared map, in order."""


def mark_column_label(column: str) -> str:
    labels = {
        "number": QCoreApplication.translate("UlcerReview", "#"),
        "chart_number": QCoreApplication.translate("UlcerReview", "In charts"),
        "location": QCoreApplication.translate("UlcerReview", "Site"),
        "status": QCoreApplication.translate("UlcerReview", "Status"),
        "size": QCoreApplication.translate("UlcerReview", "Size (mm)"),
        "area": QCoreApplication.translate("UlcerReview", "Area (mm²)"),
        "pain": QCoreApplication.translate("UlcerReview", "Pain VAS (mm)"),
        "notes": QCoreApplication.translate("UlcerReview", "Notes"),
    }
    return labels[column]


def _mm(value: float) -> str:
    return f"{value:g}"


def mark_notes(mark: UlcerMark) -> str:
    """Depth, infection and the other flags of an ulcer, short."""
    notes = []
    if mark.depth == "deep":
        notes.append(QCoreApplication.translate("UlcerReview", "deep"))
    for flag, text in (
        (mark.infection, QCoreApplication.translate("UlcerReview", "infected")),
        (mark.gangrene, QCoreApplication.translate("UlcerReview", "gangrene")),
        (mark.on_calcinosis, QCoreApplication.translate("UlcerReview", "on calcinosis")),
        (mark.on_pitting_scar, QCoreApplication.translate("UlcerReview", "on a pitting scar")),
        (
            mark.recurrence_of is not None,
            QCoreApplication.translate("UlcerReview", "recurrence"),
        ),
    ):
        if flag:
            notes.append(text)
    return ", ".join(notes)


def mark_text(mark: UlcerMark, number: int, column: str, chart_number: int | None = None) -> str:
    """One cell of the list of a visit's ulcers (``chart_number``: its number in the charts)."""
    if column == "number":
        return str(number)
    if column == "chart_number":
        return NOT_RECORDED if chart_number is None else str(chart_number)
    if column == "location":
        return location_text(mark.hand, mark.finger, mark.site)
    if column == "status":
        return status_label(mark.status)
    if column == "size":
        if mark.length_mm is None or mark.width_mm is None:
            return NOT_RECORDED
        return f"{_mm(mark.length_mm)} × {_mm(mark.width_mm)}"
    if column == "area":
        if mark.status == "healed" or mark.length_mm is None or mark.width_mm is None:
            return NOT_RECORDED
        return _area_text(ellipse_area(mark.length_mm, mark.width_mm))
    if column == "pain":
        return NOT_RECORDED if mark.pain_vas is None else _mm(mark.pain_vas)
    if column == "notes":
        return mark_notes(mark)
    raise KeyError(column)


class MapMarksModel(QAbstractTableModel):
    """The ulcers of one visit's map, numbered as the map numbers them."""

    KEY_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = MapState()
        self._chart_numbers: dict[str, int] = {}

    def set_state(self, state: MapState, chart_numbers: Mapping[str, int] | None = None) -> None:
        """The visit's map, and the number each ulcer (by key) has in the patient's charts."""
        self.beginResetModel()
        self._state = state
        self._chart_numbers = dict(chart_numbers or {})
        self.endResetModel()

    def state(self) -> MapState:
        return self._state

    def row_texts(self) -> list[list[str]]:
        """Every row as shown, for tests and the eye."""
        return [
            [str(self.data(self.index(row, column))) for column in range(len(MARK_COLUMNS))]
            for row in range(self.rowCount())
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._state.marks)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(MARK_COLUMNS)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        mark = self._state.marks[index.row()]
        column = MARK_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return mark_text(mark, index.row() + 1, column, self._chart_numbers.get(mark.key))
        if role == Qt.ItemDataRole.ToolTipRole:
            return measures_text(mark, index.row() + 1)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = column in {"number", "chart_number", "size", "area", "pain"}
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == self.KEY_ROLE:
            return mark.key
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(MARK_COLUMNS):
            return None
        return mark_column_label(MARK_COLUMNS[section])


# --- one patient ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComparedVisit:
    """One side of "Compare visits": the chosen visit and its map."""

    visit_id: int | None
    state: MapState


class _MapSide(QWidget):
    """A visit chooser above a read-only hand map, the visit's counts and its list of ulcers.

    Selecting an ulcer in the list highlights it on the map, and clicking it on the map selects
    it in the list.
    """

    def __init__(self, name: str, caption: str, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"{name}_visit")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label = QLabel(caption, self)
        label.setBuddy(self.combo)
        self.map = HandMapWidget(language, self)
        self.map.setObjectName(f"{name}_map")
        self.map.set_editable(False)
        self.counts = QLabel(self)
        self.counts.setObjectName(f"{name}_counts")
        self.counts.setStyleSheet(MUTED_STYLE)
        self.model = MapMarksModel(self)
        self.list = _read_only_table(self.model, f"{name}_ulcers", self)
        self.list.verticalHeader().hide()
        self.list.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.setMinimumHeight(110)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.combo)
        top.addStretch(1)
        top.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.map, 3)
        layout.addWidget(self.list, 2)
        self.list.selectionModel().currentRowChanged.connect(self._row_changed)
        self.map.ulcerClicked.connect(self._ulcer_clicked)

    def visit_id(self) -> int | None:
        data = self.combo.currentData()
        return data if isinstance(data, int) else None

    def set_state(self, state: MapState, chart_numbers: Mapping[str, int]) -> None:
        self.map.set_state(state)
        self.model.set_state(state, chart_numbers)
        self.map.set_selected(None)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = self.model.data(current, MapMarksModel.KEY_ROLE) if current.isValid() else None
        self.map.set_selected(key if isinstance(key, str) else None)

    def _ulcer_clicked(self, key: str) -> None:
        keys = [mark.key for mark in self.model.state().marks]
        if key in keys:
            self.list.selectRow(keys.index(key))


class UlcerReview(QWidget):
    """One patient's ulcers for the investigator: charts, per-visit counts, two visits' maps.

    ``show_patient(patient_id)`` reads the data (cheap); the chart is drawn the first time the
    "Charts" tab is on screen, so embedding this widget costs no matplotlib import.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("ulcer_review")
        self.patient_id: int | None = None
        self._subject = ""
        self._summaries: list[VisitUlcerSummary] = []
        self._chart_ulcers: list[ChartUlcer] = []
        self._chart_visits: list[ChartVisit] = []
        self._maps: dict[int, MapState] = {}
        self._drawn_from: tuple[object, ...] | None = None

        self.banner = ErrorBanner(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("ulcer_review_tabs")

        # Charts: the figure above, the per-visit table under it.
        charts_page = QWidget(self)
        self.chart = _FigureHost(self.tr("Ulcer area per finger over time"), charts_page)
        self.chart.setObjectName("ulcer_chart")
        self.empty_label = QLabel(
            self.tr("No ulcer map has been filled in for this patient yet."), charts_page
        )
        self.empty_label.setObjectName("no_ulcer_maps")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(MUTED_STYLE)
        self.empty_label.hide()
        self.summary_model = VisitSummaryModel(ctx.language, self)
        self.summary_table = _read_only_table(self.summary_model, "ulcer_visit_table", charts_page)
        self.summary_table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        charts_layout = QVBoxLayout(charts_page)
        charts_layout.setContentsMargins(4, 4, 4, 4)
        charts_layout.addWidget(self.chart, 1)
        charts_layout.addWidget(self.empty_label, 1)
        charts_layout.addWidget(self.summary_table)

        # Compare visits: two choosers, two maps side by side.
        compare_page = QWidget(self)
        self.left = _MapSide("compare_left", self.tr("&Visit:"), ctx.language, compare_page)
        self.right = _MapSide(
            "compare_right", self.tr("&Compare with:"), ctx.language, compare_page
        )
        hint = QLabel(
            self.tr(
                "Both maps are read-only. Point at an ulcer to see its measures, or select it in "
                "the list. # is the ulcer's number on that visit's map; \"In charts\" its "
                "number in the charts."
            ),
            compare_page,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE)
        compare_layout = QGridLayout(compare_page)
        compare_layout.setContentsMargins(4, 4, 4, 4)
        compare_layout.addWidget(self.left, 0, 0)
        compare_layout.addWidget(self.right, 0, 1)
        compare_layout.addWidget(hint, 1, 0, 1, 2)
        compare_layout.setColumnStretch(0, 1)
        compare_layout.setColumnStretch(1, 1)
        compare_layout.setRowStretch(0, 1)

        self.tabs.addTab(charts_page, self.tr("Charts"))
        self.tabs.addTab(compare_page, self.tr("Compare visits"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        QWidget.setTabOrder(self.tabs, self.summary_table)
        QWidget.setTabOrder(self.summary_table, self.left.combo)
        QWidget.setTabOrder(self.left.combo, self.left.list)
        QWidget.setTabOrder(self.left.list, self.right.combo)
        QWidget.setTabOrder(self.right.combo, self.right.list)
        self.left.combo.currentIndexChanged.connect(lambda _i: self._show_side(self.left))
        self.right.combo.currentIndexChanged.connect(lambda _i: self._show_side(self.right))
        # One view mode for both maps, so that the two pictures compare.
        self.left.map.viewModeChanged.connect(self.right.map.set_view_mode)
        self.right.map.viewModeChanged.connect(self.left.map.set_view_mode)
        # Two maps share the width of the patient page: one view each reads better than four
        # small ones; the buttons on each map switch both to dorsal or to both views.
        for side in (self.left, self.right):
            side.map.set_view_mode("volar")

    # -- public ----------------------------------------------------------------------------------

    def show_patient(self, patient_id: int) -> None:
        """Read the patient's ulcer history and counts; redraw what is on screen."""
        self.patient_id = patient_id
        self.banner.clear_error()
        self._maps.clear()
        study, user = self._ctx.study, self._ctx.user
        try:
            self._subject = patients.get_patient(study, user, patient_id).subject_number
            self._summaries = ulcers.visit_summaries(study, user, patient_id)
            history = ulcers.ulcer_history(study, user, patient_id)
        except ServiceError as error:
            self.banner.show_service_error(error)
            self._subject, self._summaries, history = "", [], []
        self._chart_ulcers, self._chart_visits = chart_input(history, self._summaries)
        self.summary_model.set_summaries(self._summaries)
        self.summary_table.updateGeometry()
        has_maps = bool(self._summaries)
        self.empty_label.setVisible(not has_maps)
        self.chart.setVisible(has_maps)
        # The same records draw the same figure: keep it (the patient page re-reads often).
        drawn_from = (self._subject, tuple(self._chart_ulcers), tuple(self._chart_visits))
        if not has_maps:
            self.chart.set_builder(None)
        elif drawn_from != self._drawn_from or not self.chart.has_figure():
            self.chart.set_builder(self._draw)
        self._drawn_from = drawn_from if has_maps else None
        self._fill_choosers()

    def refresh(self) -> None:
        if self.patient_id is not None:
            self.show_patient(self.patient_id)

    def show_compare(self) -> None:
        self.tabs.setCurrentIndex(1)

    def show_charts(self) -> None:
        self.tabs.setCurrentIndex(0)

    def error_code(self) -> str | None:
        return self.banner.code

    def figure(self) -> Figure | None:
        """The figure on screen (None until the Charts tab has been shown)."""
        return self.chart.figure()

    def chart_ulcers(self) -> list[ChartUlcer]:
        """The records the figure is drawn from (also what the PDF would draw)."""
        return list(self._chart_ulcers)

    def chart_visits(self) -> list[ChartVisit]:
        return list(self._chart_visits)

    def compared(self) -> tuple[ComparedVisit, ComparedVisit]:
        """The two compared visits and the maps shown for them."""
        return (
            ComparedVisit(self.left.visit_id(), self.left.map.state()),
            ComparedVisit(self.right.visit_id(), self.right.map.state()),
        )

    def compare(self, left_visit_id: int, right_visit_id: int) -> None:
        """Choose the two visits to compare (as choosing them in the two lists does)."""
        self.left.combo.setCurrentIndex(self.left.combo.findData(left_visit_id))
        self.right.combo.setCurrentIndex(self.right.combo.findData(right_visit_id))

    # -- inside ----------------------------------------------------------------------------------

    def _draw(self, size: tuple[float, float]) -> Figure:
        return ulcer_charts.ulcer_figure(
            self._chart_ulcers,
            visits=self._chart_visits,
            language=chart_language(self._ctx.language),
            size=size,
            title=self._subject or None,
        )

    def _fill_choosers(self) -> None:
        """Every visit whose map is filled in; the injection against the latest by default."""
        language = self._ctx.language
        for side in (self.left, self.right):
            side.combo.blockSignals(True)
            side.combo.clear()
            for summary in self._summaries:
                text = self.tr("{visit} ({date})").format(
                    visit=_visit_name(summary, language), date=_date_text(summary.visit_date)
                )
                side.combo.addItem(text, summary.visit_id)
            side.combo.setEnabled(bool(self._summaries))
            side.combo.blockSignals(False)
        if self._summaries:
            self.left.combo.setCurrentIndex(0)
            self.right.combo.setCurrentIndex(len(self._summaries) - 1)
        self._show_side(self.left)
        self._show_side(self.right)

    def _show_side(self, side: _MapSide) -> None:
        visit_id = side.visit_id()
        state = MapState()
        if visit_id is not None:
            try:
                state = self._map_of(visit_id)
            except ServiceError as error:
                self.banner.show_service_error(error)
        chart_numbers = {u.key: n for n, u in enumerate(self._chart_ulcers, start=1)}
        side.set_state(state, chart_numbers)
        summary = next((s for s in self._summaries if s.visit_id == visit_id), None)
        if summary is None:
            side.counts.setText(self.tr("No visit with a filled-in ulcer map."))
        else:
            side.counts.setText(
                self.tr("{active} active · {healed} healed · total area {area} mm²").format(
                    active=summary.active,
                    healed=summary.healed,
                    area=_area_text(summary.total_area_mm2),
                )
            )

    def _map_of(self, visit_id: int) -> MapState:
        if visit_id not in self._maps:
            self._maps[visit_id] = ulcers.visit_map(self._ctx.study, self._ctx.user, visit_id)
        return self._maps[visit_id]


# --- the study ----------------------------------------------------------------------------------


class StudyUlcerOverview(QWidget):
    """Per visit, active ulcers and their total area across the study's patients.

    ``refresh()`` reads the study summary; the chart is drawn when the view is on screen.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("study_ulcer_overview")
        self._totals: list[StudyVisitTotal] = []
        self.banner = ErrorBanner(self)
        title = QLabel(self.tr("Digital ulcers across the study"), self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        self.model = StudySummaryModel(ctx.language, self)
        self.table = _read_only_table(self.model, "study_ulcer_table", self)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        note = QLabel(
            self.tr(
                "Active ulcers: active or new at the visit, in every patient whose ulcer map of "
                "that visit is filled in. Total area: the sum of their ellipse areas. "
                "Unscheduled visits are pooled."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(MUTED_STYLE)
        self.chart = _FigureHost(self.tr("Active ulcers and total area per visit"), self)
        self.chart.setObjectName("study_ulcer_chart")
        self.table.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        bottom.addWidget(self.table, 0, Qt.AlignmentFlag.AlignTop)
        bottom.addSpacing(12)
        bottom.addWidget(note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addWidget(self.chart, 1)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        """Read the study summary again and redraw."""
        self.banner.clear_error()
        try:
            rows = ulcers.study_summary(self._ctx.study, self._ctx.user)
        except ServiceError as error:
            self.banner.show_service_error(error)
            rows = []
        self.model.set_rows(rows)
        totals = study_totals(rows)
        self.table.updateGeometry()
        if totals != self._totals or not self.chart.has_figure():
            self._totals = totals
            self.chart.set_builder(self._draw)

    def error_code(self) -> str | None:
        return self.banner.code

    def totals(self) -> list[StudyVisitTotal]:
        return list(self._totals)

    def figure(self) -> Figure | None:
        return self.chart.figure()

    def _draw(self, size: tuple[float, float]) -> Figure:
        return ulcer_charts.study_figure(
            self._totals, language=chart_language(self._ctx.language), size=size
        )
