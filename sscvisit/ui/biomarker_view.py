"""A patient's biomarkers over the visits: values, change from baseline, and a chart per analyte.

The table has the panel's analytes as rows and the visits with results as columns; each cell is
the value as reported and its change from baseline (the injection visit). Under it, one small
chart per measured analyte, painted with QPainter (days since the injection on x; the baseline
as a dashed line), so no plotting library is loaded for a glance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sscvisit.services import biomarkers, visits
from sscvisit.services.biomarkers import BiomarkerInfo
from sscvisit.services.errors import ServiceError
from sscvisit.services.protocol import default_protocol
from sscvisit.ui.biomarker_form import change_text
from sscvisit.ui.context import UiContext
from sscvisit.ui.lab_form import fit_table_height, number_text, short_number
from sscvisit.ui.lab_table import VisitColumnsModel
from sscvisit.ui.register_dialog import ErrorBanner

LINE_COLOUR = QColor("#1a5fb4")
BASELINE_COLOUR = QColor("#8a8a8a")
AXIS_COLOUR = QColor("#404040")
MUTED_STYLE = "color: #5f6368;"
CHARTS_PER_ROW = 4


def cell_text(info: BiomarkerInfo) -> str:
    """ "6 mg/L · −6 (−50%)"; the baseline says so."""
    text = f"{number_text(info.value)} {info.unit}"
    if info.is_baseline:
        return text + " · " + QCoreApplication.translate("BiomarkerTableModel", "baseline")
    if info.change is not None:
        return f"{text} · {change_text(info.change, info.change_percent)}"
    return text


class BiomarkerTableModel(VisitColumnsModel[BiomarkerInfo]):
    """The panel's analytes (rows) x visits with results (columns)."""

    def analytes(self, results: Sequence[BiomarkerInfo]) -> list[tuple[str, str]]:
        rows = [(m.code, m.label(self._language)) for m in biomarkers.panel()]
        known = {code for code, _label in rows}
        for info in results:  # dropped from the panel after it was measured: still shown
            if info.analyte not in known:
                known.add(info.analyte)
                rows.append((info.analyte, info.label(self._language)))
        return rows

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        info = self.result(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if info is None else cell_text(info)
        if role == Qt.ItemDataRole.ToolTipRole and info is not None:
            lines = [
                QCoreApplication.translate("BiomarkerTableModel", "Sample date: {date}").format(
                    date=info.sample_date.isoformat()
                )
            ]
            if info.assay:
                lines.append(
                    QCoreApplication.translate("BiomarkerTableModel", "Assay: {assay}").format(
                        assay=info.assay
                    )
                )
            if info.baseline_value is not None and not info.is_baseline:
                lines.append(
                    QCoreApplication.translate(
                        "BiomarkerTableModel", "Baseline: {value} {unit}"
                    ).format(value=number_text(info.baseline_value), unit=info.baseline_unit)
                )
            return "\n".join(lines)
        return None


@dataclass(frozen=True)
class ChartPoint:
    day: int  # days since the injection
    value: float


class BiomarkerChart(QWidget):
    """One analyte's values over time: a line with dots, the baseline dashed, min and max named."""

    def __init__(
        self,
        title: str,
        unit: str,
        points: list[ChartPoint],
        baseline: float | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.unit = unit
        self.points = sorted(points, key=lambda p: p.day)
        self.baseline = baseline
        self.setMinimumSize(220, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)

    def sizeHint(self) -> QSize:
        return QSize(280, 160)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.setPen(AXIS_COLOUR)
        painter.drawText(
            QRectF(4, 2, self.width() - 8, line),
            Qt.AlignmentFlag.AlignLeft,
            f"{self.title} ({self.unit})",
        )
        values = [p.value for p in self.points] + (
            [self.baseline] if self.baseline is not None else []
        )
        if not self.points:
            painter.end()
            return
        low, high = min(values), max(values)
        if high == low:
            low, high = low - 1, high + 1
        margin = (high - low) * 0.1
        low, high = max(0.0, low - margin) if low >= 0 else low - margin, high + margin
        left = metrics.horizontalAdvance(short_number(high)) + 10
        plot = QRectF(left, line + 8, self.width() - left - 10, self.height() - 2 * line - 16)
        first_day = min(0, self.points[0].day)
        last_day = max(self.points[-1].day, first_day + 1)

        def at(day: int, value: float) -> QPointF:
            x = plot.left() + (day - first_day) / (last_day - first_day) * plot.width()
            y = plot.bottom() - (value - low) / (high - low) * plot.height()
            return QPointF(x, y)

        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for value in (low, high):
            painter.drawText(
                QRectF(0, at(first_day, value).y() - line / 2, left - 4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                short_number(value),
            )
        day_word = QCoreApplication.translate("BiomarkerChart", "day {day}")
        for day, align in (
            (first_day, Qt.AlignmentFlag.AlignLeft),
            (last_day, Qt.AlignmentFlag.AlignRight),
        ):
            x = at(day, low).x()
            box = QRectF(x - 60, plot.bottom() + 2, 120, line)
            if align == Qt.AlignmentFlag.AlignLeft:
                box = QRectF(x, plot.bottom() + 2, 120, line)
            elif align == Qt.AlignmentFlag.AlignRight:
                box = QRectF(x - 120, plot.bottom() + 2, 120, line)
            painter.drawText(box, align, day_word.format(day=day))
        if self.baseline is not None:
            pen = QPen(BASELINE_COLOUR)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = at(first_day, self.baseline).y()
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        pen = QPen(LINE_COLOUR)
        pen.setWidthF(2)
        painter.setPen(pen)
        painter.drawPolyline(QPolygonF([at(p.day, p.value) for p in self.points]))
        painter.setBrush(LINE_COLOUR)
        for point in self.points:
            painter.drawEllipse(at(point.day, point.value), 3, 3)
        painter.end()


class BiomarkerOverview(QWidget):
    """The biomarker table of one patient and a small chart per measured analyte."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.patient_id: int | None = None
        self.results: list[BiomarkerInfo] = []
        self.charts: dict[str, BiomarkerChart] = {}
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.banner = ErrorBanner(self)
        self.model = BiomarkerTableModel(ctx.language, self)
        self.table = QTableView(self)
        self.table.setObjectName("biomarker_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(150)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.legend = QLabel(
            self.tr(
                "Change from baseline (the injection visit), absolute and in percent, when the "
                "units match. Charts: days since the injection; dashed line: baseline."
            ),
            self,
        )
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(MUTED_STYLE)
        self._charts_host = QWidget(self)
        self._charts_grid = QGridLayout(self._charts_host)
        self._charts_grid.setContentsMargins(0, 0, 0, 0)
        self._charts_grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for column in range(CHARTS_PER_ROW):
            self._charts_grid.setColumnMinimumWidth(column, 280)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._charts_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.table)
        layout.addWidget(self.legend)
        layout.addWidget(scroll, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_table_height(self.table)  # row heights are final once shown

    def show_patient(self, patient_id: int) -> None:
        self.patient_id = patient_id
        self.refresh()

    def refresh(self, _patient_id: int | None = None) -> None:
        if self.patient_id is None:
            return
        study, user = self._ctx.study, self._ctx.user
        try:
            schedule = visits.schedule(study, user, self.patient_id)
            self.results = biomarkers.biomarker_results(study, user, self.patient_id)
        except ServiceError as error:
            self.banner.show_service_error(error)
            return
        self.banner.clear_error()
        self.model.set_results(self.results, schedule)
        fit_table_height(self.table)
        if self.results:
            subject = schedule[0].subject_number if schedule else ""
            self.heading.setText(self.tr("Biomarkers of {subject}").format(subject=subject))
        else:
            self.heading.setText(self.tr("No biomarker results yet."))
        anchor = next(
            (
                v.visit_date
                for v in schedule
                if v.visit_code == default_protocol().anchor_code and v.visit_date is not None
            ),
            None,
        )
        self._show_charts(anchor)

    def _show_charts(self, anchor: dt.date | None) -> None:
        for chart in self.charts.values():
            self._charts_grid.removeWidget(chart)
            chart.deleteLater()
        self.charts.clear()
        by_analyte: dict[str, list[BiomarkerInfo]] = {}
        for info in self.results:
            by_analyte.setdefault(info.analyte, []).append(info)
        language = self._ctx.language
        for index, (code, infos) in enumerate(by_analyte.items()):
            base = next((i for i in infos if i.is_baseline), None)
            unit = base.unit if base is not None else infos[0].unit
            start = anchor or min(i.sample_date for i in infos)
            points = [
                ChartPoint((i.sample_date - start).days, i.value) for i in infos if i.unit == unit
            ]
            chart = BiomarkerChart(
                infos[0].label(language),
                unit,
                points,
                None if base is None else base.value,
                self._charts_host,
            )
            chart.setObjectName(f"chart_{code}")
            self._charts_grid.addWidget(chart, index // CHARTS_PER_ROW, index % CHARTS_PER_ROW)
            self.charts[code] = chart


__all__ = ["BiomarkerChart", "BiomarkerOverview", "BiomarkerTableModel", "ChartPoint", "cell_text"]
