"""Each questionnaire's and the capillaroscopy's scores over the visits of one patient.

One tab per instrument: a table of every score per visit (rows = scores, columns = visits,
"—" where the instrument was not done, "n.c." with the reason in the tooltip where a score is
not computable) and a small chart of one score per visit, painted with QPainter (no plotting
library: the patient page must stay light). The chart shows the instrument's headline score
(HAQ-DI, a RAND-36 scale, the EQ-5D index, the CHFS total, the MES); selecting another row of
the table charts that score instead. Every number comes from ``questionnaires.scores_over_time``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sscvisit.services import instruments, questionnaires, visits
from sscvisit.services.dto import VisitInfo
from sscvisit.services.errors import ServiceError
from sscvisit.services.instruments import InstrumentDef
from sscvisit.services.questionnaires import ScoreLine
from sscvisit.ui.context import UiContext
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.score_panel import not_computable_text, score_name, short_name, value_text

NOT_DONE = "—"
MUTED = QColor("#5f6368")
LINE = QColor("#1565c0")
GRID = QColor("#e3e3e3")

HEADLINE: dict[str, str] = {
    "shaq": "haq_di",
    "rand36": "physical_functioning",
    "eq5d": "eq5d_index",
    "chfs": "chfs_total",
    "capillaroscopy": "mes",
}
"""The score each instrument's chart shows first."""

_PARAMETERS = ("enlarged", "giant", "haemorrhages", "loss", "disorganisation", "ramified")
_RAND36 = (
    "physical_functioning",
    "role_physical",
    "role_emotional",
    "energy_fatigue",
    "emotional_wellbeing",
    "social_functioning",
    "pain",
    "general_health",
    "health_change",
)

_VAS = ("pain", "raynaud", "digital_ulcers", "gastrointestinal", "breathing", "overall")

_RANGES: dict[str, tuple[float, float]] = {
    "haq_di": (0.0, 3.0),
    "haq_di_unadjusted": (0.0, 3.0),
    "eq5d_index": (-0.5, 1.0),
    "eq5d_vas": (0.0, 100.0),
    "chfs_total": (0.0, 90.0),
    "mes": (0.0, 9.0),
    "assessable_fingers": (0.0, 8.0),
    "density": (0.0, 20.0),
    **dict.fromkeys(_RAND36, (0.0, 100.0)),
    **dict.fromkeys(_PARAMETERS, (0.0, 3.0)),
    **{f"vas_{scale}": (0.0, 3.0) for scale in _VAS},
    **{f"vas_{scale}_mm": (0.0, 100.0) for scale in _VAS},
}
"""The full range of a score, so that charts of different patients compare at a glance."""

_MM = "_mm"  # a VAS's millimetres: shown beside its 0-3 score, not as a row of its own


def cell_text(key: str, line: ScoreLine | None, mm: float | None = None) -> str:
    """One score at one visit: the value, "n.c." when not computable, "—" when not done."""
    if line is None:
        return NOT_DONE
    if line.value is None:
        return QCoreApplication.translate("Scores", "n.c.")
    text = value_text(key, line.value)
    if mm is not None:
        return QCoreApplication.translate("Scores", "{score} ({mm} mm)").format(
            score=text, mm=f"{mm:.0f}"
        )
    return text


def why_text(line: ScoreLine, instrument: InstrumentDef | None, language: str) -> str:
    """Why a score is not computable, as the score panel says it."""
    if line.reason is None:
        return QCoreApplication.translate("Scores", "Not computable: no answers for this score.")
    return not_computable_text(line.reason, short_name(line.reason.score, instrument, language))


# --- the table ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    visit_code: str
    label: str
    visit_date: dt.date | None
    lines: dict[str, ScoreLine]  # empty when the instrument was not done at this visit


class ScoreTableModel(QAbstractTableModel):
    """Rows = the instrument's scores, columns = the visits that collect it."""

    KEY_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self, instrument: InstrumentDef | None, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._instrument = instrument
        self._language = language
        self._keys: list[str] = []
        self._columns: list[_Column] = []

    def set_scores(self, keys: Sequence[str], columns: Sequence[_Column]) -> None:
        self.beginResetModel()
        self._keys = list(keys)
        self._columns = list(columns)
        self.endResetModel()

    def score_keys(self) -> list[str]:
        return list(self._keys)

    def columns(self) -> list[_Column]:
        return list(self._columns)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def line(self, row: int, column: int) -> ScoreLine | None:
        return self._columns[column].lines.get(self._keys[row])

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        key = self._keys[index.row()]
        line = self.line(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            mm_line = self._columns[index.column()].lines.get(key + _MM)
            return cell_text(key, line, mm_line.value if mm_line is not None else None)
        if role == Qt.ItemDataRole.ToolTipRole:
            if line is None:
                return QCoreApplication.translate("Scores", "Not done at this visit.")
            if line.value is None:
                return why_text(line, self._instrument, self._language)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (line is None or line.value is None):
            return QBrush(MUTED)
        if role == self.KEY_ROLE:
            return key
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._keys):
                return None
            return score_name(self._keys[section], self._instrument, self._language)
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        day = column.visit_date.isoformat() if column.visit_date is not None else NOT_DONE
        return f"{column.label}\n{day}"


# --- the chart ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartPoint:
    visit_code: str
    label: str  # the visit, as the x axis shows it
    visit_date: dt.date | None
    value: float | None  # None: not done or not computable (no point drawn)
    note: str = ""  # where there is no point: "—" not done, "n.c." not computable


class ScoreChart(QWidget):
    """One score per visit: points joined by a line, the score's full range on the y axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("score_chart")
        self._key = ""
        self._title = ""
        self._points: list[ChartPoint] = []
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_series(self, key: str, title: str, points: Sequence[ChartPoint]) -> None:
        self._key = key
        self._title = title
        self._points = list(points)
        self.setAccessibleName(self._title)
        self.update()

    def key(self) -> str:
        return self._key

    def points(self) -> list[ChartPoint]:
        return list(self._points)

    def sizeHint(self) -> QSize:
        return QSize(520, 300)

    def y_range(self) -> tuple[float, float]:
        """The score's declared range, widened when a value falls outside it."""
        values = [p.value for p in self._points if p.value is not None]
        low, high = _RANGES.get(self._key, (0.0, 0.0))
        if values:
            low, high = min([low, *values]), max([high, *values])
        if high <= low:
            high = low + 1.0
        return low, high

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        metrics = painter.fontMetrics()
        line_height = metrics.height()
        low, high = self.y_range()
        ticks = _ticks(low, high)
        tick_width = max(metrics.horizontalAdvance(_tick_text(t, ticks)) for t in ticks)
        left = 14 + line_height + tick_width + 8
        top = 10 + line_height + 6
        right = 24
        bottom = 2 * line_height + 14 + line_height + 4
        plot = QRectF(left, top, max(self.width() - left - right, 10), 0)
        plot.setHeight(max(self.height() - top - bottom, 10))

        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("black"))
        painter.drawText(
            QRectF(left, 6, plot.width(), line_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self._title,
        )
        painter.setFont(self.font())

        def y_of(value: float) -> float:
            return plot.bottom() - (value - low) / (high - low) * plot.height()

        # Horizontal grid lines and the y tick labels.
        for tick in ticks:
            y = y_of(tick)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(left - tick_width - 6, y - line_height / 2, tick_width, line_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                _tick_text(tick, ticks),
            )
        painter.setPen(QPen(MUTED, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

        # The y axis title, turned a quarter.
        painter.save()
        painter.translate(10 + line_height / 2, plot.center().y())
        painter.rotate(-90)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(-plot.height() / 2, -line_height / 2, plot.height(), line_height),
            int(Qt.AlignmentFlag.AlignCenter),
            metrics.elidedText(self._title, Qt.TextElideMode.ElideRight, int(plot.height())),
        )
        painter.restore()

        if not self._points:
            painter.setPen(MUTED)
            painter.drawText(
                plot,
                int(Qt.AlignmentFlag.AlignCenter),
                QCoreApplication.translate("Scores", "No visit collects this instrument."),
            )
            painter.end()
            return

        # One slot per visit on the x axis; labels under it (visit, then date).
        slot = plot.width() / len(self._points)
        xs = [plot.left() + slot * (i + 0.5) for i in range(len(self._points))]
        painter.setPen(MUTED)
        for x, point in zip(xs, self._points, strict=True):
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            label = metrics.elidedText(point.label, Qt.TextElideMode.ElideRight, int(slot) - 4)
            day = point.visit_date.isoformat() if point.visit_date is not None else NOT_DONE
            for line_no, text in enumerate((label, day)):
                painter.drawText(
                    QRectF(
                        x - slot / 2, plot.bottom() + 6 + line_no * line_height, slot, line_height
                    ),
                    int(Qt.AlignmentFlag.AlignCenter),
                    text,
                )
        painter.drawText(
            QRectF(plot.left(), self.height() - line_height - 4, plot.width(), line_height),
            int(Qt.AlignmentFlag.AlignCenter),
            QCoreApplication.translate("Scores", "Visit"),
        )

        # Where a visit has no point, say why just above the axis.
        painter.setPen(MUTED)
        for x, point in zip(xs, self._points, strict=True):
            if point.value is None and point.note:
                painter.drawText(
                    QRectF(x - slot / 2, plot.bottom() - line_height - 4, slot, line_height),
                    int(Qt.AlignmentFlag.AlignCenter),
                    point.note,
                )

        # The line through the computed values and a labelled point at each.
        drawn = [
            (x, point.value)
            for x, point in zip(xs, self._points, strict=True)
            if point.value is not None
        ]
        if len(drawn) > 1:
            path = QPainterPath(QPointF(drawn[0][0], y_of(drawn[0][1])))
            for x, value in drawn[1:]:
                path.lineTo(QPointF(x, y_of(value)))
            painter.setPen(QPen(LINE, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        for x, value in drawn:
            centre = QPointF(x, y_of(value))
            painter.setPen(QPen(LINE, 2))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(centre, 4.5, 4.5)
            painter.setPen(QColor("black"))
            text = value_text(self._key, value)
            width = metrics.horizontalAdvance(text) + 4
            above = centre.y() - 8 - line_height >= plot.top() - line_height / 2
            y = centre.y() - 8 - line_height if above else centre.y() + 8
            painter.drawText(
                QRectF(x - width / 2, y, width, line_height),
                int(Qt.AlignmentFlag.AlignCenter),
                text,
            )
        painter.end()


def _ticks(low: float, high: float) -> list[float]:
    """About five round tick values from low to high."""
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _tick_text(value: float, ticks: Sequence[float]) -> str:
    if all(float(t).is_integer() for t in ticks):
        return str(int(value))
    return f"{value:g}"


# --- the view -----------------------------------------------------------------------------------


class _InstrumentPage(QWidget):
    """One instrument's table and chart."""

    def __init__(self, code: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.language = language
        self.instrument = instruments.load_instrument(code)
        self.setObjectName(f"scores_{code}")
        self.model = ScoreTableModel(self.instrument, language, self)
        self.table = QTableView(self)
        self.table.setObjectName(f"table_{code}")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        # The table is as wide as its columns (no horizontal scrolling); the chart takes the rest.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.chart = ScoreChart(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 0)
        layout.addWidget(self.chart, 1)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._on_selected)

    def set_scores(self, keys: Sequence[str], columns: Sequence[_Column]) -> None:
        chosen = self.chart.key() if self.chart.key() in keys else HEADLINE.get(self.code, "")
        self.model.set_scores(keys, columns)
        self.chart_score(chosen if chosen in keys else (keys[0] if keys else ""))
        self.table.updateGeometry()

    def chart_score(self, key: str) -> None:
        columns = self.model.columns()
        self.chart.set_series(
            key,
            score_name(key, self.instrument, self.language) if key else "",
            [
                ChartPoint(
                    c.visit_code,
                    c.label,
                    c.visit_date,
                    line.value if (line := c.lines.get(key)) is not None else None,
                    ""
                    if line is not None and line.value is not None
                    else NOT_DONE
                    if line is None
                    else QCoreApplication.translate("Scores", "n.c."),
                )
                for c in columns
            ],
        )
        keys = self.model.score_keys()
        if key in keys:
            row = keys.index(key)
            if self.table.currentIndex().row() != row:
                self.table.selectRow(row)

    def _on_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            key = self.model.score_keys()[indexes[0].row()]
            if key != self.chart.key():
                self.chart_score(key)


class ScoresOverTime(QWidget):
    """The patient page's scores: one tab per instrument, each with its table and chart."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("scores_over_time")
        self.patient_id: int | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("instrument_tabs")
        self.pages: dict[str, _InstrumentPage] = {}
        for code in instruments.INSTRUMENT_CODES:
            page = _InstrumentPage(code, ctx.language, self)
            self.pages[code] = page
            self.tabs.addTab(page, instruments.load_instrument(code).label(ctx.language))
        self.banner = ErrorBanner(self)
        self.hint = QLabel(
            self.tr(
                "— not done at this visit · n.c. not computable (point at it to see why). "
                "Select a row to chart that score."
            ),
            self,
        )
        self.hint.setObjectName("scores_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.banner)

    def show_patient(self, patient_id: int) -> None:
        """Load every instrument's scores of the patient (one service call per instrument)."""
        self.patient_id = patient_id
        self.banner.clear_error()
        try:
            schedule = visits.schedule(self._ctx.study, self._ctx.user, patient_id)
        except ServiceError as error:
            self.banner.show_service_error(error)
            schedule = []
        for code, page in self.pages.items():
            try:
                rows = questionnaires.scores_over_time(
                    self._ctx.study, self._ctx.user, patient_id, code
                )
            except ServiceError as error:
                self.banner.show_service_error(error)
                rows = []
            page.set_scores(*self._table(code, schedule, rows))

    def _table(
        self,
        code: str,
        schedule: Sequence[VisitInfo],
        rows: Sequence[tuple[VisitInfo, Sequence[ScoreLine]]],
    ) -> tuple[list[str], list[_Column]]:
        """Score keys and one column per visit that collects the instrument (done or not)."""
        keys = [line.key for line in questionnaires.compute_scores(code, {})]
        keys = [k for k in keys if not (k.endswith(_MM) and k.removesuffix(_MM) in keys)]
        done = {visit.id: list(lines) for visit, lines in rows}
        shown = [v for v in schedule if code in v.forms or v.id in done]
        shown += [visit for visit, _lines in rows if visit.id not in {v.id for v in shown}]
        columns = []
        for visit in shown:
            lines = done.get(visit.id, [])
            keys.extend(
                line.key for line in lines if line.key not in keys and not line.key.endswith(_MM)
            )
            columns.append(
                _Column(
                    visit.visit_code,
                    visit.label(self._ctx.language),
                    visit.visit_date,
                    {line.key: line for line in lines},
                )
            )
        return keys, columns

    def refresh(self) -> None:
        if self.patient_id is not None:
            self.show_patient(self.patient_id)

    def show_instrument(self, instrument: str) -> None:
        self.tabs.setCurrentWidget(self.pages[instrument])

    def table_model(self, instrument: str) -> ScoreTableModel:
        return self.pages[instrument].model

    def cell_text(self, instrument: str, key: str, visit_code: str) -> str:
        """What the table shows for one score at one visit."""
        model = self.pages[instrument].model
        row = model.score_keys().index(key)
        column = [c.visit_code for c in model.columns()].index(visit_code)
        return str(model.data(model.index(row, column)))

    def cell_tooltip(self, instrument: str, key: str, visit_code: str) -> str | None:
        model = self.pages[instrument].model
        row = model.score_keys().index(key)
        column = [c.visit_code for c in model.columns()].index(visit_code)
        tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
        return tip if isinstance(tip, str) else None

    def chart_score(self, instrument: str, key: str) -> None:
        """Chart another score of the instrument (as selecting its table row does)."""
        self.pages[instrument].chart_score(key)

    def chart_key(self, instrument: str) -> str:
        return self.pages[instrument].chart.key()

    def chart_points(self, instrument: str) -> list[tuple[str, float]]:
        """The charted score's points: (visit code, value) for each visit where it was computed."""
        return [
            (p.visit_code, p.value)
            for p in self.pages[instrument].chart.points()
            if p.value is not None
        ]


__all__ = [
    "HEADLINE",
    "ChartPoint",
    "ScoreChart",
    "ScoreTableModel",
    "ScoresOverTime",
    "cell_text",
    "why_text",
]
