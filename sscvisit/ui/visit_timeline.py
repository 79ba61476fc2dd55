"""One patient's visit schedule: a painted timeline strip, a legend, and the visits as a table.

The strip draws days from the injection (day 0) to the end of the last window: every scheduled
visit at its target day with its window as a band, coloured by status; the recorded date as a
small dot when it differs from the target; unscheduled visits as diamonds; today as a vertical
line. Where things go is computed once per change (``TimelineStrip.marks``), so tests check
positions and colours as data, and painting only draws what that computed.

Below, the same visits in a table (one thin ``VisitTableModel``), and for data-entry roles the
buttons that open the dialogs of ``visit_dialogs``. Every change goes through one service call;
``changed`` tells the owner (the patient page) that the patient's status may have moved.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sscvisit.services import clock, completeness, screening, visits
from sscvisit.services.completeness import VisitCompleteness
from sscvisit.services.dto import EnrolmentInfo, ScreeningInfo, VisitInfo
from sscvisit.services.errors import ServiceError
from sscvisit.services.protocol import UNSCHEDULED, default_protocol
from sscvisit.ui.context import UiContext
from sscvisit.ui.register_dialog import ErrorBanner
from sscvisit.ui.visit_dialogs import (
    EnrolDialog,
    MissedVisitDialog,
    RecordVisitDialog,
    RescheduleInjectionDialog,
    UnscheduledVisitDialog,
    window_text,
)
from sscvisit.ui.visit_forms import missing_text
from sscvisit.ui.visit_table import VisitRowsModel

ID_ROLE = int(Qt.ItemDataRole.UserRole)
STATUS_ROLE = ID_ROLE + 1

# Status colours: the same in the strip, the legend and the table's status swatch.
STATUS_COLOURS: dict[str, str] = {
    "planned": "#8c8c8c",
    "due": "#1565c0",
    "overdue": "#c62828",
    "done": "#2e7d32",
    "done_out_of_window": "#e65100",
    "missed": "#3c3c3c",
}
TODAY_COLOUR = "#6a1b9a"
INCOMPLETE_COLOUR = "#b00020"
COMPLETE_COLOUR = "#1b5e20"
# How far before day 0 and after the last window the axis reaches to keep today in view.
_TODAY_REACH_DAYS = 28

Shape = Literal["circle", "diamond"]
_D = TypeVar("_D", bound=QDialog)


def status_label(status: str) -> str:
    labels = {
        "planned": QCoreApplication.translate("VisitStatus", "Planned"),
        "due": QCoreApplication.translate("VisitStatus", "Due"),
        "overdue": QCoreApplication.translate("VisitStatus", "Overdue"),
        "done": QCoreApplication.translate("VisitStatus", "Done"),
        "done_out_of_window": QCoreApplication.translate("VisitStatus", "Done, outside the window"),
        "missed": QCoreApplication.translate("VisitStatus", "Missed"),
    }
    return labels.get(status, status)


def note_text(visit: VisitInfo) -> str:
    parts = [visit.deviation_reason, visit.missed_reason, visit.comment]
    return " · ".join(p.strip() for p in parts if p and p.strip())


# --- the geometry ---------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitMark:
    """Where and how one visit is drawn; ``TimelineStrip.marks()`` returns these."""

    visit_id: int
    visit_code: str
    label: str
    status: str
    colour: str  # "#rrggbb"
    shape: Shape  # circle: scheduled; diamond: unscheduled
    day: int  # the target day (scheduled) or the visit's day (unscheduled), day 0 = injection
    x: float  # centre of the marker
    band: tuple[float, float] | None  # the window, left and right x
    date_x: float | None  # the recorded date, when it differs from the target
    warning: bool  # done outside the window: a warning mark
    crossed: bool  # missed: the marker is crossed out
    label_row: int  # 0 = nearest the lane; staggered so labels never overlap
    label_rect: QRectF | None


@dataclass(frozen=True)
class Axis:
    first_day: int
    last_day: int
    left: float
    right: float

    def x_of(self, day: float) -> float:
        span = max(self.last_day - self.first_day, 1)
        return self.left + (day - self.first_day) * (self.right - self.left) / span


def paint_marker(
    painter: QPainter,
    centre: QPointF,
    radius: float,
    status: str,
    shape: Shape,
    *,
    warning: bool = False,
    crossed: bool = False,
) -> None:
    """One visit marker; shared by the strip and the legend so they always look alike."""
    colour = QColor(STATUS_COLOURS.get(status, STATUS_COLOURS["planned"]))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if status == "planned":
        painter.setPen(QPen(colour, 2))
        painter.setBrush(QBrush(QColor("white")))
    else:
        painter.setPen(QPen(colour.darker(130), 1.2))
        painter.setBrush(QBrush(colour))
    if shape == "diamond":
        r = radius * 0.9
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - r),
                    QPointF(centre.x() + r, centre.y()),
                    QPointF(centre.x(), centre.y() + r),
                    QPointF(centre.x() - r, centre.y()),
                ]
            )
        )
    else:
        painter.drawEllipse(centre, radius, radius)
    if crossed:
        d = radius * 0.55
        painter.setPen(QPen(QColor("white"), 2))
        painter.drawLine(
            QPointF(centre.x() - d, centre.y() - d), QPointF(centre.x() + d, centre.y() + d)
        )
        painter.drawLine(
            QPointF(centre.x() - d, centre.y() + d), QPointF(centre.x() + d, centre.y() - d)
        )
    if warning:
        paint_warning(
            painter, QPointF(centre.x() + radius * 0.9, centre.y() - radius * 0.9), radius
        )
    painter.restore()


def paint_warning(painter: QPainter, at: QPointF, radius: float) -> None:
    """A small warning triangle with "!" whose lower-left corner touches ``at``."""
    size = radius * 1.35
    triangle = QPolygonF(
        [
            QPointF(at.x(), at.y()),
            QPointF(at.x() + size, at.y()),
            QPointF(at.x() + size / 2, at.y() - size * 0.95),
        ]
    )
    painter.save()
    painter.setPen(QPen(QColor("#7a2e00"), 1))
    painter.setBrush(QBrush(QColor("#ffb300")))
    painter.drawPolygon(triangle)
    painter.setPen(QPen(QColor("#3a1600"), 1.4))
    mid = at.x() + size / 2
    painter.drawLine(QPointF(mid, at.y() - size * 0.68), QPointF(mid, at.y() - size * 0.32))
    painter.drawPoint(QPointF(mid, at.y() - size * 0.14))
    painter.restore()


class TimelineStrip(QWidget):
    """The painted strip. Feed it with ``set_visits``; read what it draws with ``marks``."""

    visitClicked = Signal(int)  # noqa: N815 Qt signal name

    LABEL_ROWS = 3
    MARKER_RADIUS = 7.0

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._visits: list[VisitInfo] = []
        self._anchor: dt.date | None = None
        self._today = clock.today()
        self._marks: list[VisitMark] = []
        self._axis: Axis | None = None
        self._selected: int | None = None
        self.setObjectName("timeline_strip")
        self.setAccessibleName(self.tr("Visit timeline"))
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(480)

    # -- data --------------------------------------------------------------------------------

    def set_visits(self, rows: Sequence[VisitInfo], anchor: dt.date | None, today: dt.date) -> None:
        self._visits = list(rows)
        self._anchor = anchor
        self._today = today
        self._layout()
        self.update()

    def set_selected(self, visit_id: int | None) -> None:
        self._selected = visit_id
        self.update()

    def marks(self) -> list[VisitMark]:
        """What is drawn for each visit, in schedule order."""
        return list(self._marks)

    def axis(self) -> Axis | None:
        return self._axis

    def today_day(self) -> int | None:
        return (self._today - self._anchor).days if self._anchor is not None else None

    def today_x(self) -> float | None:
        """Where the today line is drawn; None when today is off the axis (an arrow instead)."""
        day = self.today_day()
        if self._axis is None or day is None:
            return None
        if not self._axis.first_day <= day <= self._axis.last_day:
            return None
        return self._axis.x_of(day)

    # -- geometry ----------------------------------------------------------------------------

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def _row_height(self) -> float:
        return self._metrics().height() + 3

    def lane_y(self) -> float:
        return 8 + self.LABEL_ROWS * self._row_height() + 20

    def sizeHint(self) -> QSize:
        height = self.lane_y() + 16 + 8 + 2 * self._row_height() + 8
        return QSize(900, math.ceil(height))

    def minimumSizeHint(self) -> QSize:
        return QSize(480, self.sizeHint().height())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._layout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
            self._layout()

    def _day(self, day: dt.date | None) -> int | None:
        if day is None or self._anchor is None:
            return None
        return (day - self._anchor).days

    def _layout(self) -> None:
        """Compute the axis and every mark for the current size (called on data and resize)."""
        self._marks = []
        self._axis = None
        if self._anchor is None or not self._visits:
            return
        days: list[int] = [0]
        for visit in self._visits:
            for when in (visit.window_start, visit.window_end, visit.target_date, visit.visit_date):
                d = self._day(when)
                if d is not None:
                    days.append(d)
        first, last = min(days), max(days)
        today = self.today_day()
        if today is not None and first - _TODAY_REACH_DAYS <= today <= last + _TODAY_REACH_DAYS:
            first, last = min(first, today), max(last, today)
        metrics = self._metrics()
        margin = 14 + metrics.horizontalAdvance("00") / 2
        axis = Axis(first, max(last, first + 1), margin, self.width() - margin)
        self._axis = axis

        rows_right: list[float] = [-math.inf] * self.LABEL_ROWS
        gap = metrics.horizontalAdvance("  ")
        for visit in self._visits:
            unscheduled = visit.visit_code == UNSCHEDULED or visit.target_date is None
            day = self._day(visit.visit_date if unscheduled else visit.target_date)
            if day is None:
                continue
            x = axis.x_of(day)
            band: tuple[float, float] | None = None
            start, end = self._day(visit.window_start), self._day(visit.window_end)
            if not unscheduled and start is not None and end is not None:
                band = (axis.x_of(start - 0.5), axis.x_of(end + 0.5))
            recorded = self._day(visit.visit_date)
            date_x = (
                axis.x_of(recorded)
                if recorded is not None and not unscheduled and recorded != day
                else None
            )
            label = "" if unscheduled else visit.label(self._language)
            row = 0
            rect: QRectF | None = None
            if label:
                width = metrics.horizontalAdvance(label)
                left = min(max(x - width / 2, 2.0), self.width() - width - 2)
                row = next(
                    (r for r in range(self.LABEL_ROWS) if rows_right[r] + gap <= left),
                    min(range(self.LABEL_ROWS), key=lambda r: rows_right[r]),
                )
                rows_right[row] = left + width
                top = self.lane_y() - 20 - (row + 1) * self._row_height()
                rect = QRectF(left, top, width, metrics.height())
            self._marks.append(
                VisitMark(
                    visit_id=visit.id,
                    visit_code=visit.visit_code,
                    label=label,
                    status=visit.status,
                    colour=STATUS_COLOURS.get(visit.status, STATUS_COLOURS["planned"]),
                    shape="diamond" if unscheduled else "circle",
                    day=day,
                    x=x,
                    band=band,
                    date_x=date_x,
                    warning=visit.status == "done_out_of_window",
                    crossed=visit.status == "missed",
                    label_row=row,
                    label_rect=rect,
                )
            )

    def mark_at(self, x: float, y: float) -> VisitMark | None:
        lane = self.lane_y()
        best: tuple[float, VisitMark] | None = None
        for mark in self._marks:
            on_label = mark.label_rect is not None and mark.label_rect.contains(QPointF(x, y))
            distance = 0.0 if on_label else math.hypot(mark.x - x, lane - y)
            if distance <= self.MARKER_RADIUS + 4 and (best is None or distance < best[0]):
                best = (distance, mark)
        return best[1] if best is not None else None

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.windowText().color()
        muted = palette.placeholderText().color()
        painter.setPen(QPen(palette.mid().color(), 1))
        painter.setBrush(palette.base())
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        axis = self._axis
        if axis is None:
            painter.setPen(muted)
            painter.drawText(
                QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("No visits scheduled")
            )
            painter.end()
            return
        metrics = self._metrics()
        lane = self.lane_y()
        radius = self.MARKER_RADIUS

        # Windows as bands behind everything.
        for mark in self._marks:
            if mark.band is None:
                continue
            colour = QColor(mark.colour)
            colour.setAlpha(55)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            x0, x1 = mark.band
            painter.drawRoundedRect(QRectF(x0, lane - 9, max(x1 - x0, 3.0), 18), 4, 4)

        # The axis: a line, a tick per week, week numbers below.
        axis_y = lane + 16
        painter.setPen(QPen(muted, 1))
        painter.drawLine(QPointF(axis.left, axis_y), QPointF(axis.right, axis_y))
        per_week = (axis.right - axis.left) * 7 / max(axis.last_day - axis.first_day, 1)
        step = 1 if per_week >= metrics.horizontalAdvance("00") + 10 else 2
        first_week = math.ceil(axis.first_day / 7)
        last_week = math.floor(axis.last_day / 7)
        for week in range(first_week, last_week + 1):
            x = axis.x_of(week * 7)
            painter.setPen(QPen(muted, 1))
            painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + (5 if week % step else 7)))
            if week % step == 0:
                painter.setPen(text)
                label = str(week)
                w = metrics.horizontalAdvance(label)
                painter.drawText(QPointF(x - w / 2, axis_y + 8 + metrics.ascent()), label)
        caption = self.tr("weeks after the injection")
        caption_y = axis_y + 8 + metrics.height() + metrics.ascent() + 2
        painter.setPen(muted)
        painter.drawText(QPointF(axis.left, caption_y), caption)

        # Today.
        today_x = self.today_x()
        today_text = self.tr("Today {date}").format(date=self._today.isoformat())
        painter.setPen(QPen(QColor(TODAY_COLOUR), 1.6, Qt.PenStyle.DashLine))
        tw = metrics.horizontalAdvance(today_text)
        if today_x is not None:
            painter.drawLine(QPointF(today_x, lane - 24), QPointF(today_x, axis_y + 6))
            left = min(max(today_x - tw / 2, axis.left), axis.right - tw)
        else:
            day = self.today_day() or 0
            arrow = "→" if day > axis.last_day else "←"
            today_text = f"{today_text} {arrow}" if arrow == "→" else f"{arrow} {today_text}"
            tw = metrics.horizontalAdvance(today_text)
            left = axis.right - tw if arrow == "→" else axis.left
        left = max(left, axis.left + metrics.horizontalAdvance(caption) + 16)
        painter.setPen(QColor(TODAY_COLOUR))
        painter.drawText(QPointF(left, caption_y), today_text)

        # Recorded dates away from the target: a connector and a small dot.
        for mark in self._marks:
            if mark.date_x is None:
                continue
            colour = QColor(mark.colour)
            painter.setPen(QPen(colour, 2))
            painter.drawLine(QPointF(mark.x, lane), QPointF(mark.date_x, lane))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(mark.date_x, lane), 3.5, 3.5)

        # Labels, with a leader line down to the marker when staggered upwards.
        for mark in self._marks:
            if mark.label_rect is None:
                continue
            rect = mark.label_rect
            if mark.label_row > 0:
                painter.setPen(QPen(muted, 1, Qt.PenStyle.DotLine))
                painter.drawLine(QPointF(mark.x, rect.bottom() + 1), QPointF(mark.x, lane - radius))
            font = QFont(self.font())
            font.setBold(mark.visit_id == self._selected)
            painter.setFont(font)
            painter.setPen(text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, mark.label)
            painter.setFont(self.font())

        # Markers on top.
        for mark in self._marks:
            centre = QPointF(mark.x, lane)
            if mark.visit_id == self._selected:
                painter.setPen(QPen(palette.highlight().color(), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, radius + 4, radius + 4)
            paint_marker(
                painter,
                centre,
                radius if mark.shape == "circle" else radius * 0.85,
                mark.status,
                mark.shape,
                warning=mark.warning,
                crossed=mark.crossed,
            )
        painter.end()

    # -- interaction -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mark = self.mark_at(event.pos().x(), event.pos().y())
            if mark is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._tooltip(mark), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            mark = self.mark_at(event.position().x(), event.position().y())
            if mark is not None:
                self.visitClicked.emit(mark.visit_id)
                return
        super().mousePressEvent(event)

    def _tooltip(self, mark: VisitMark) -> str:
        visit = next(v for v in self._visits if v.id == mark.visit_id)
        lines = [visit.label(self._language), status_label(visit.status)]
        if visit.target_date is not None:
            lines.append(
                self.tr("Target {target}, window {window}").format(
                    target=visit.target_date.isoformat(), window=window_text(visit)
                )
            )
        if visit.visit_date is not None:
            lines.append(self.tr("Visit date {date}").format(date=visit.visit_date.isoformat()))
        note = note_text(visit)
        if note:
            lines.append(note)
        return "\n".join(lines)


class TimelineLegend(QWidget):
    """What the colours and shapes mean, in a grid that wraps into two rows."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_legend")
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 0, 4, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        entries: list[tuple[str, QPixmap]] = [
            (status_label(s), self._icon(s, "circle", s == "done_out_of_window", s == "missed"))
            for s in STATUS_COLOURS
        ]
        entries.append((self.tr("Unscheduled visit"), self._icon("done", "diamond")))
        entries.append((self.tr("Today"), self._today_icon()))
        self.texts: list[str] = []
        for n, (text, pixmap) in enumerate(entries):
            row, column = divmod(n, self.COLUMNS)
            cell = QHBoxLayout()
            cell.setSpacing(6)
            icon = QLabel(self)
            icon.setPixmap(pixmap)
            label = QLabel(text, self)
            cell.addWidget(icon)
            cell.addWidget(label)
            cell.addStretch(1)
            grid.addLayout(cell, row, column)
            self.texts.append(text)
        for column in range(self.COLUMNS):
            grid.setColumnStretch(column, 1)

    def _pixmap(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(math.ceil(26 * ratio), math.ceil(20 * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        return pixmap

    def _icon(
        self, status: str, shape: Shape, warning: bool = False, crossed: bool = False
    ) -> QPixmap:
        pixmap = self._pixmap()
        painter = QPainter(pixmap)
        if shape == "circle" and status in STATUS_COLOURS:
            colour = QColor(STATUS_COLOURS[status])
            colour.setAlpha(55)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(1, 6, 24, 12), 3, 3)
        paint_marker(
            painter,
            QPointF(10, 12),
            6 if shape == "circle" else 5.5,
            status,
            shape,
            warning=warning,
            crossed=crossed,
        )
        painter.end()
        return pixmap

    def _today_icon(self) -> QPixmap:
        pixmap = self._pixmap()
        painter = QPainter(pixmap)
        painter.setPen(QPen(QColor(TODAY_COLOUR), 1.6, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(13, 1), QPointF(13, 19))
        painter.end()
        return pixmap


# --- the table ------------------------------------------------------------------------------


class VisitTableModel(VisitRowsModel):
    """The visits of one patient, one row each, in schedule order (read-only)."""

    COLUMNS = ("visit", "target_date", "window", "visit_date", "status", "forms", "note")

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[VisitInfo] = []
        self._complete: dict[int, VisitCompleteness] = {}
        self._titles = [
            self.tr("Visit"),
            self.tr("Target date"),
            self.tr("Window"),
            self.tr("Date"),
            self.tr("Status"),
            self.tr("Forms"),
            self.tr("Note"),
        ]

    def set_visits(
        self,
        rows: Sequence[VisitInfo],
        complete: Mapping[int, VisitCompleteness] | None = None,
    ) -> None:
        """The visits, and the completeness of those recorded (``patient_completeness``)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._complete = dict(complete or {})
        self.endResetModel()

    def completeness(self, visit_id: int) -> VisitCompleteness | None:
        return self._complete.get(visit_id)

    def visits(self) -> list[VisitInfo]:
        return list(self._rows)

    def visit(self, row: int) -> VisitInfo:
        return self._rows[row]

    def row_of(self, visit_id: int) -> int:
        return next((n for n, v in enumerate(self._rows) if v.id == visit_id), -1)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        visit = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column == "forms":
            result = self._complete.get(visit.id)
            if result is None:
                return None
            if result.complete:
                return self.tr("Every form is saved, reviewed or marked not done.")
            return missing_text(result.missing, self._language)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(visit, column)
        if role == ID_ROLE:
            return visit.id
        if role == STATUS_ROLE:
            return visit.status
        if role == Qt.ItemDataRole.ForegroundRole and column == "forms":
            result = self._complete.get(visit.id)
            if result is not None:
                return QColor(INCOMPLETE_COLOUR if result.missing else COMPLETE_COLOUR)
        if role == Qt.ItemDataRole.DecorationRole and column == "status":
            return QColor(STATUS_COLOURS.get(visit.status, STATUS_COLOURS["planned"]))
        if (
            role == Qt.ItemDataRole.FontRole
            and column == "status"
            and visit.status
            in (
                "overdue",
                "done_out_of_window",
            )
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, visit: VisitInfo, column: str) -> str:
        if column == "visit":
            return visit.label(self._language)
        if column == "target_date":
            return visit.target_date.isoformat() if visit.target_date else "—"
        if column == "window":
            return window_text(visit)
        if column == "visit_date":
            return visit.visit_date.isoformat() if visit.visit_date else "—"
        if column == "status":
            return status_label(visit.status)
        if column == "forms":
            return self._forms_text(visit)
        return note_text(visit)

    def _forms_text(self, visit: VisitInfo) -> str:
        result = self._complete.get(visit.id)
        if result is None or not result.forms:
            return ""
        missing = len(result.missing)
        if missing == 0:
            return self.tr("complete")
        if missing == 1:
            return self.tr("1 form missing")
        return self.tr("{n} forms missing").format(n=missing)


# --- the widget -----------------------------------------------------------------------------


class VisitTimeline(QWidget):
    """A patient's enrolment and visits: strip, legend, table and the actions on them."""

    changed = Signal(int)  # patient id, after an enrolment or a visit saved here

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._patient_id: int | None = None
        self._today: dt.date | None = None
        self._enrolment: EnrolmentInfo | None = None
        self._screening: ScreeningInfo | None = None
        self._visits: list[VisitInfo] = []
        self._complete: dict[int, VisitCompleteness] = {}
        self._injection_window: tuple[dt.date, dt.date] | None = None
        self._screening_date: dt.date | None = None
        self.dialog: QWidget | None = None  # the dialog opened last (tests drive it)
        may_edit = ctx.user.may("enter_data")
        self.setObjectName("visit_timeline")

        self.state_label = QLabel(self)
        self.state_label.setObjectName("enrolment_state")
        font = QFont(self.state_label.font())
        font.setBold(True)
        self.state_label.setFont(font)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("enrolment_detail")
        self.detail_label.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("Enrol…"), self)
        self.enrol_button.setObjectName("enrol")
        self.enrol_button.hide()
        self.banner = ErrorBanner(self)

        self.strip = TimelineStrip(ctx.language, self)
        self.legend = TimelineLegend(self)
        self.model = VisitTableModel(ctx.language, self)
        self.table = QTableView(self)
        self.table.setObjectName("visit_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            len(VisitTableModel.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )

        self.record_button = QPushButton(self.tr("Record visit…"), self)
        self.record_button.setObjectName("record_visit")
        self.missed_button = QPushButton(self.tr("Mark missed…"), self)
        self.missed_button.setObjectName("mark_missed")
        self.unscheduled_button = QPushButton(self.tr("Add unscheduled visit…"), self)
        self.unscheduled_button.setObjectName("add_unscheduled")
        self.move_injection_button = QPushButton(self.tr("Move injection…"), self)
        self.move_injection_button.setObjectName("move_injection")
        self.actions_row = QWidget(self)
        actions = QHBoxLayout(self.actions_row)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.record_button)
        actions.addWidget(self.missed_button)
        actions.addStretch(1)
        actions.addWidget(self.move_injection_button)
        actions.addWidget(self.unscheduled_button)
        self.actions_row.setVisible(may_edit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.enrol_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.banner)
        layout.addWidget(self.strip)
        layout.addWidget(self.legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.actions_row)
        layout.addStretch(0)  # takes the space only while the table is hidden

        for before, after in (
            (self.enrol_button, self.table),
            (self.table, self.record_button),
            (self.record_button, self.missed_button),
            (self.missed_button, self.move_injection_button),
            (self.move_injection_button, self.unscheduled_button),
        ):
            QWidget.setTabOrder(before, after)

        self.enrol_button.clicked.connect(self.enrol)
        self.record_button.clicked.connect(self.record_visit)
        self.missed_button.clicked.connect(self.mark_missed)
        self.unscheduled_button.clicked.connect(self.add_unscheduled)
        self.move_injection_button.clicked.connect(self.move_injection)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.strip.visitClicked.connect(self.select_visit)
        self._show_schedule(False)
        self._update_actions()

    # -- public ------------------------------------------------------------------------------

    def patient_id(self) -> int | None:
        return self._patient_id

    def show_patient(self, patient_id: int, *, today: dt.date | None = None) -> None:
        """Load a patient's enrolment and schedule; ``today`` fixes the date statuses use."""
        self._patient_id = patient_id
        self._today = today
        self.refresh()

    def refresh(self) -> None:
        if self._patient_id is None:
            return
        selected = self.selected_visit()
        self.banner.clear_error()
        study, user = self._ctx.study, self._ctx.user
        try:
            self._enrolment = visits.get_enrolment(study, user, self._patient_id)
            self._screening = None
            self._visits = []
            self._complete = {}
            self._injection_window = None
            self._screening_date = None
            if self._enrolment is None:
                self._screening = self._latest_screening()
            else:
                self._visits = visits.schedule(study, user, self._patient_id, today=self._today)
                # One call for every visit shown: which recorded visits still miss forms.
                self._complete = completeness.patient_completeness(study, user, self._patient_id)
                screened = screening.get_screening(study, user, self._enrolment.screening_id)
                self._screening_date = screened.screening_date
                self._injection_window = visits.injection_window(screened.screening_date)
        except ServiceError as error:
            self._enrolment, self._screening, self._visits = None, None, []
            self._complete = {}
            self._injection_window = None
            self._screening_date = None
            self.banner.show_service_error(error)
        self._show()
        if selected is not None:
            self.select_visit(selected.id)

    def is_enrolled(self) -> bool:
        return self._enrolment is not None

    def enrolment(self) -> EnrolmentInfo | None:
        return self._enrolment

    def may_enrol(self) -> bool:
        """Enter-data roles may enrol a patient whose latest screening was confirmed eligible."""
        s = self._screening
        return (
            self._ctx.user.may("enter_data")
            and self._enrolment is None
            and s is not None
            and s.state == "confirmed"
            and s.result == "eligible"
        )

    def visits(self) -> list[VisitInfo]:
        return list(self._visits)

    def visit(self, code: str, sequence: int = 0) -> VisitInfo | None:
        return next(
            (v for v in self._visits if v.visit_code == code and v.sequence == sequence), None
        )

    def marks(self) -> list[VisitMark]:
        """What the strip draws for each visit (positions, colours): data, not pixels."""
        return self.strip.marks()

    def today_x(self) -> float | None:
        return self.strip.today_x()

    def selected_visit(self) -> VisitInfo | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return self.model.visit(index.row())

    def select_visit(self, visit_id: int) -> bool:
        row = self.model.row_of(visit_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectRow(row)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def error_code(self) -> str | None:
        return self.banner.code

    def enrol(self) -> EnrolDialog | None:
        if not self.may_enrol() or self._patient_id is None or self._screening is None:
            return None
        dialog = EnrolDialog(
            self._ctx,
            self._patient_id,
            self._screening.subject_number,
            self._screening.screening_date,
            self,
        )
        dialog.saved.connect(self._after_save)
        return self._open(dialog)

    def record_visit(self) -> RecordVisitDialog | None:
        visit = self.selected_visit()
        if visit is None or not self._ctx.user.may("enter_data"):
            return None
        dialog = RecordVisitDialog(self._ctx, visit, self, injection_window=self._injection_window)
        dialog.saved.connect(self._after_save)
        return self._open(dialog)

    def mark_missed(self) -> MissedVisitDialog | None:
        visit = self.selected_visit()
        if visit is None or not self._may_mark_missed(visit):
            return None
        dialog = MissedVisitDialog(self._ctx, visit, self)
        dialog.saved.connect(self._after_save)
        return self._open(dialog)

    def add_unscheduled(self) -> UnscheduledVisitDialog | None:
        if self._patient_id is None or not self._may_add_unscheduled():
            return None
        dialog = UnscheduledVisitDialog(
            self._ctx, self._patient_id, self._visits[0].subject_number, self
        )
        dialog.saved.connect(self._after_save)
        return self._open(dialog)

    def move_injection(self) -> RescheduleInjectionDialog | None:
        """Move the planned injection (day 0) while the injection visit is not recorded."""
        enrolment = self._enrolment
        if enrolment is None or self._move_injection_blocked() is not None:
            return None
        dialog = RescheduleInjectionDialog(
            self._ctx,
            enrolment,
            self._visits[0].subject_number,
            self._screening_date,
            self,
        )
        dialog.saved.connect(self._after_save)
        return self._open(dialog)

    # -- internals ---------------------------------------------------------------------------

    def _latest_screening(self) -> ScreeningInfo | None:
        assert self._patient_id is not None
        rows = screening.list_screenings(self._ctx.study, self._ctx.user, self._patient_id)
        return next((s for s in rows if not s.voided), None)

    def _anchor_visit(self) -> VisitInfo | None:
        return self.visit(default_protocol().anchor_code)

    def _open(self, dialog: _D) -> _D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_save(self, info: object) -> None:
        self.refresh()
        if isinstance(info, VisitInfo):
            self.select_visit(info.id)
        if self._patient_id is not None:
            self.changed.emit(self._patient_id)

    def _show(self) -> None:
        enrolment = self._enrolment
        if enrolment is None:
            self.state_label.setText(self.tr("Not enrolled"))
            self.detail_label.setText(self._not_enrolled_detail())
            self.enrol_button.setVisible(self.may_enrol())
            self.model.set_visits([])
            self.strip.set_visits([], None, self._today or clock.today())
            self._show_schedule(False)
        else:
            self.state_label.setText(
                self.tr("Enrolled on {date}").format(date=enrolment.enrolled_on.isoformat())
            )
            self.detail_label.setText(self._enrolled_detail(enrolment))
            self.enrol_button.hide()
            self.model.set_visits(self._visits, self._complete)
            anchor = self._anchor_visit()
            self.strip.set_visits(
                self._visits,
                anchor.target_date if anchor is not None else enrolment.planned_injection_date,
                self._today or clock.today(),
            )
            self._show_schedule(True)
        self._update_actions()

    def _show_schedule(self, shown: bool) -> None:
        for widget in (self.strip, self.legend, self.table):
            widget.setVisible(shown)
        self.actions_row.setVisible(shown and self._ctx.user.may("enter_data"))

    def _not_enrolled_detail(self) -> str:
        s = self._screening
        if self.banner.code is not None:
            return ""
        if s is None:
            return self.tr("No screening has been recorded yet.")
        day = s.screening_date.isoformat()
        if s.state != "confirmed":
            return self.tr(
                "The screening of {date} is not yet confirmed by an investigator."
            ).format(date=day)
        if s.result != "eligible":
            return self.tr("The screening of {date} found the patient not eligible.").format(
                date=day
            )
        return self.tr(
            "The screening of {date} was confirmed eligible; the patient can be enrolled."
        ).format(date=day)

    def _enrolled_detail(self, enrolment: EnrolmentInfo) -> str:
        anchor = self._anchor_visit()
        if anchor is not None and anchor.visit_date is not None:
            injection = self.tr("Injection (day 0) on {date}.").format(
                date=anchor.visit_date.isoformat()
            )
        else:
            injection = self.tr("Injection (day 0) planned for {date}.").format(
                date=enrolment.planned_injection_date.isoformat()
            )
        return self.tr("{injection} Protocol {version}.").format(
            injection=injection, version=enrolment.protocol_version
        )

    def _may_mark_missed(self, visit: VisitInfo) -> bool:
        return (
            self._ctx.user.may("enter_data")
            and visit.visit_code != UNSCHEDULED
            and visit.status != "missed"
        )

    def _may_add_unscheduled(self) -> bool:
        anchor = self._anchor_visit()
        return (
            self._ctx.user.may("enter_data")
            and anchor is not None
            and anchor.visit_date is not None
        )

    def _move_injection_blocked(self) -> str | None:
        """Why the injection cannot be moved now (the button's tooltip); None when it can."""
        if not self._ctx.user.may("enter_data"):
            return self.tr("Your role may view the schedule but not change it.")
        if self._enrolment is None or not self._visits:
            return self.tr("The injection can be moved once the patient is enrolled.")
        anchor = self._anchor_visit()
        if anchor is not None and anchor.outcome == "done":
            return self.tr(
                "The injection visit is recorded; to correct its date, record the visit again."
            )
        return None

    def _update_actions(self) -> None:
        visit = self.selected_visit()
        self.record_button.setEnabled(visit is not None)
        self.missed_button.setEnabled(visit is not None and self._may_mark_missed(visit))
        self.unscheduled_button.setEnabled(self._may_add_unscheduled())
        self.unscheduled_button.setToolTip(
            ""
            if self.unscheduled_button.isEnabled()
            else self.tr("Unscheduled visits can be added once the injection is recorded.")
        )
        blocked = self._move_injection_blocked()
        self.move_injection_button.setEnabled(blocked is None)
        self.move_injection_button.setToolTip(
            blocked
            if blocked is not None
            else self.tr(
                "Move the planned injection (day 0) to another day of the screening window."
            )
        )

    def _on_selection(self, *_args: object) -> None:
        visit = self.selected_visit()
        self.strip.set_selected(visit.id if visit is not None else None)
        self._update_actions()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid() and self._ctx.user.may("enter_data"):
            self.record_visit()


__all__ = [
    "STATUS_COLOURS",
    "TimelineLegend",
    "TimelineStrip",
    "VisitMark",
    "VisitTableModel",
    "VisitTimeline",
    "status_label",
]
