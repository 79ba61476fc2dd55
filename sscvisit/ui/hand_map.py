"""The per-finger ulcer map: both hands, volar and dorsal, drawn from ``sscvisit.handmap``.

The widget only draws and reports clicks. The hands come from the Qt-free geometry (the same
data will draw the map in the PDF casebook), the ulcers from the editor's current ``MapState``;
what a click means (add, select, move) is the editor's business.

Speed: the hands, their regions, labels and the legend do not change while ulcers are recorded,
so they are painted once per widget size into a QPixmap; a repaint blits that pixmap and draws
only the ulcers on top (``benchmarks/handmap.py`` ``bench_map_redraw``: 40 ulcers, under 16 ms).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
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
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sscvisit.handmap import geometry
from sscvisit.handmap.commands import MapState, UlcerMark
from sscvisit.scoring.ulcer import ellipse_area

VIEW_MODES: tuple[str, ...] = ("both", "volar", "dorsal")

STATUS_COLOURS: dict[str, QColor] = {
    "active": QColor("#c62828"),  # red: an ulcer still open
    "new": QColor("#1565c0"),  # blue: open, new since the last visit
    "healed": QColor("#2e7d32"),  # green ring: healed (drawn hollow)
}
SELECTED_COLOUR = QColor("#202124")
HOVER_FILL = QColor(26, 115, 232, 55)
SKIN_FILL = QColor("#f7eee6")
SKIN_LINE = QColor("#8d6e63")
REGION_LINE = QColor("#c4ab98")
SITE_FILLS: dict[str, QColor] = {
    "tip": QColor("#efdccb"),
    "volar": QColor("#f4e6d9"),
    "dorsal_dip": QColor("#ecd8c6"),
    "dorsal_pip": QColor("#ecd8c6"),
    "dorsal_mcp": QColor("#ecd8c6"),
    "other": SKIN_FILL,
}
DETAIL_LINE = QColor("#d2b9a6")
LABEL_COLOUR = QColor("#3c4043")
MUTED_COLOUR = QColor("#5f6368")

_MARGIN = 8.0  # pixels around the drawing
_LABEL_GAP = 4.0  # pixels between a label and what it names


def hand_label(hand: str) -> str:
    labels = {
        "L": QCoreApplication.translate("HandMap", "Left"),
        "R": QCoreApplication.translate("HandMap", "Right"),
    }
    return labels.get(hand, hand)


def view_label(view: str) -> str:
    labels = {
        "volar": QCoreApplication.translate("HandMap", "Volar"),
        "dorsal": QCoreApplication.translate("HandMap", "Dorsal"),
    }
    return labels.get(view, view)


def hand_caption(hand: str) -> str:
    labels = {
        "L": QCoreApplication.translate("HandMap", "Left hand"),
        "R": QCoreApplication.translate("HandMap", "Right hand"),
    }
    return labels.get(hand, hand)


def view_caption(view: str) -> str:
    labels = {
        "volar": QCoreApplication.translate("HandMap", "Volar (palms towards you)"),
        "dorsal": QCoreApplication.translate("HandMap", "Dorsal (backs towards you)"),
    }
    return labels.get(view, view)


def finger_label(finger: str) -> str:
    """D1..D5 (the digit numbers read the same in Dutch, but stay translatable)."""
    labels = {
        "D1": QCoreApplication.translate("HandMap", "D1"),
        "D2": QCoreApplication.translate("HandMap", "D2"),
        "D3": QCoreApplication.translate("HandMap", "D3"),
        "D4": QCoreApplication.translate("HandMap", "D4"),
        "D5": QCoreApplication.translate("HandMap", "D5"),
    }
    return labels.get(finger, finger)


def site_label(site: str) -> str:
    labels = {
        "tip": QCoreApplication.translate("HandMap", "fingertip"),
        "volar": QCoreApplication.translate("HandMap", "other volar"),
        "dorsal_dip": QCoreApplication.translate("HandMap", "dorsal over DIP"),
        "dorsal_pip": QCoreApplication.translate("HandMap", "dorsal over PIP"),
        "dorsal_mcp": QCoreApplication.translate("HandMap", "dorsal over MCP"),
        "other": QCoreApplication.translate("HandMap", "other"),
    }
    return labels.get(site, site)


def status_label(status: str) -> str:
    labels = {
        "active": QCoreApplication.translate("HandMap", "active"),
        "new": QCoreApplication.translate("HandMap", "new"),
        "healed": QCoreApplication.translate("HandMap", "healed"),
    }
    return labels.get(status, status)


def location_text(hand: str, finger: str, site: str) -> str:
    """ "Left D2, fingertip" """
    return QCoreApplication.translate("HandMap", "{hand} {finger}, {site}").format(
        hand=hand_label(hand), finger=finger_label(finger), site=site_label(site)
    )


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def measures_text(mark: UlcerMark, number: int) -> str:
    """What hovering over an ulcer shows: where, status, size and area, pain, flags."""
    lines = [
        QCoreApplication.translate("HandMap", "#{number} {location} ({status})").format(
            number=number,
            location=location_text(mark.hand, mark.finger, mark.site),
            status=status_label(mark.status),
        )
    ]
    if mark.length_mm is not None and mark.width_mm is not None:
        try:
            area = _number(ellipse_area(mark.length_mm, mark.width_mm))
        except ValueError:
            area = "—"
        lines.append(
            QCoreApplication.translate(
                "HandMap", "Size {length} × {width} mm, area {area} mm²"
            ).format(length=_number(mark.length_mm), width=_number(mark.width_mm), area=area)
        )
    elif mark.status != "healed":
        lines.append(QCoreApplication.translate("HandMap", "Size not measured yet"))
    if mark.depth is not None:
        depths = {
            "superficial": QCoreApplication.translate("HandMap", "superficial"),
            "deep": QCoreApplication.translate("HandMap", "deep"),
        }
        lines.append(
            QCoreApplication.translate("HandMap", "Depth: {depth}").format(
                depth=depths.get(mark.depth, mark.depth)
            )
        )
    if mark.pain_vas is not None:
        lines.append(
            QCoreApplication.translate("HandMap", "Pain VAS {vas} mm").format(
                vas=_number(mark.pain_vas)
            )
        )
    flags = [
        text
        for flag, text in (
            (mark.infection, QCoreApplication.translate("HandMap", "infected")),
            (mark.on_calcinosis, QCoreApplication.translate("HandMap", "on calcinosis")),
            (mark.on_pitting_scar, QCoreApplication.translate("HandMap", "on a pitting scar")),
            (mark.gangrene, QCoreApplication.translate("HandMap", "gangrene")),
        )
        if flag
    ]
    if flags:
        lines.append(", ".join(flags).capitalize())
    if mark.recurrence_of is not None:
        lines.append(QCoreApplication.translate("HandMap", "Recurrence of a healed ulcer"))
    if mark.comment:
        lines.append(mark.comment)
    return "\n".join(lines)


_LEGEND_RADIUS = 7.0
_LEGEND_GAP = 14.0


class HandMapWidget(QWidget):
    """Both hands with their ulcers; click a site, hover an ulcer for its measures.

    Signals: ``siteClicked(hand, finger, site)`` for a click on a site where no ulcer is drawn,
    ``ulcerClicked(key)`` for a click on an ulcer, ``ulcerDropped(key, hand, finger, site)`` when
    an ulcer is dragged onto another site. Positions for tests: ``to_widget`` / ``to_model``
    convert between the geometry's coordinates and the widget's, ``site_center`` is where a
    site's anchor is drawn now, ``mark_center`` where an ulcer is drawn.
    """

    siteClicked = Signal(str, str, str)  # noqa: N815 Qt signal name
    ulcerClicked = Signal(str)  # noqa: N815 Qt signal name
    ulcerDropped = Signal(str, str, str, str)  # noqa: N815 Qt signal name
    viewModeChanged = Signal(str)  # noqa: N815 Qt signal name

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hand_map")
        self._language = language
        self._state = MapState()
        self._selected: str | None = None
        self._mode = "both"
        self._hover: geometry.Region | None = None
        self._press: tuple[QPointF, str | None] | None = None
        self._dragging = False
        self._enabled_edit = True
        # Derived from size and mode; rebuilt by _relayout().
        self._transform = QTransform()
        self._inverse = QTransform()
        self._scale = 1.0
        self._regions: tuple[geometry.Region, ...] = ()
        self._polygons: dict[tuple[str, str, str, str], QPolygonF] = {}
        self._static: QPixmap | None = None
        self._static_key: tuple[int, int, float, str] | None = None
        self._centres: dict[str, QPointF] = {}
        self._radius = 9.0
        self._number_font = QFont(self.font())
        self.paint_marks = True  # the benchmark's floor switches the ulcers off
        self._ready = False  # set once built: a change event before that has nothing to redo

        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 260)

        self.view_buttons: dict[str, QToolButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        captions = {
            "both": self.tr("Volar and dorsal"),
            "volar": self.tr("Volar only"),
            "dorsal": self.tr("Dorsal only"),
        }
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        for mode in VIEW_MODES:
            button = QToolButton(self)
            button.setObjectName(f"view_{mode}")
            button.setText(captions[mode])
            button.setCheckable(True)
            button.setChecked(mode == self._mode)
            button.setAutoRaise(False)
            button.clicked.connect(lambda _c=False, m=mode: self.set_view_mode(m))
            group.addButton(button)
            bar.addWidget(button)
            self.view_buttons[mode] = button
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(int(_MARGIN), int(_MARGIN), int(_MARGIN), int(_MARGIN))
        layout.addLayout(bar)
        layout.addStretch(1)
        self._bar_height = max(b.sizeHint().height() for b in self.view_buttons.values())
        self._ready = True
        self._relayout()

    # -- public API ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(820, 520)

    def state(self) -> MapState:
        return self._state

    def set_state(self, state: MapState) -> None:
        self._state = state
        if self._selected is not None and not any(m.key == self._selected for m in state.marks):
            self._selected = None
        self._place_marks()
        self.update()

    def selected(self) -> str | None:
        return self._selected

    def set_selected(self, key: str | None) -> None:
        if key == self._selected:
            return
        self._selected = key
        self.update()

    def set_editable(self, editable: bool) -> None:
        """Read-only: clicks still select an ulcer, but dragging never moves one."""
        self._enabled_edit = editable

    def view_mode(self) -> str:
        return self._mode

    def set_view_mode(self, mode: str) -> None:
        if mode not in VIEW_MODES:
            raise ValueError(f"unknown view mode {mode!r}; expected one of {VIEW_MODES}")
        self.view_buttons[mode].setChecked(True)
        if mode == self._mode:
            return
        self._mode = mode
        self._hover = None
        self._relayout()
        self.update()
        self.viewModeChanged.emit(mode)

    def visible_views(self) -> tuple[str, ...]:
        return ("volar", "dorsal") if self._mode == "both" else (self._mode,)

    def to_widget(self, point: tuple[float, float]) -> QPoint:
        """A point of the geometry (model units) in widget pixels, rounded."""
        return self.to_widget_f(point).toPoint()

    def to_widget_f(self, point: tuple[float, float]) -> QPointF:
        return self._transform.map(QPointF(point[0], point[1]))

    def to_model(self, point: QPoint | QPointF) -> tuple[float, float]:
        mapped = self._inverse.map(QPointF(point))
        return (mapped.x(), mapped.y())

    def region_at(self, point: QPoint | QPointF) -> geometry.Region | None:
        """The site under a widget point, in the views shown now."""
        x, y = self.to_model(point)
        for view in self.visible_views():
            hit = geometry.hit_test(x, y, view)
            if hit is not None:
                return hit
        return None

    def site_region(self, hand: str, finger: str, site: str) -> geometry.Region:
        """The region a site is drawn in now (for "other", the first view shown that has it)."""
        for region in self._regions:
            if (region.hand, region.finger, region.site) == (hand, finger, site):
                return region
        raise KeyError(f"site {hand} {finger} {site} is not shown in the {self._mode!r} view mode")

    def site_center(self, hand: str, finger: str, site: str) -> QPoint:
        """Where the anchor of a site is drawn now, in widget pixels."""
        return self.to_widget(self.site_region(hand, finger, site).anchor)

    def mark_center(self, key: str) -> QPoint | None:
        """Where an ulcer is drawn now, None when its site is not in the views shown."""
        centre = self._centres.get(key)
        return centre.toPoint() if centre is not None else None

    def mark_at(self, point: QPoint | QPointF) -> str | None:
        """The key of the ulcer drawn under a widget point (the top one when they overlap)."""
        p = QPointF(point)
        reach = (self._radius + 2) ** 2
        found: str | None = None
        for mark in self._state.marks:
            centre = self._centres.get(mark.key)
            if centre is None:
                continue
            dx, dy = centre.x() - p.x(), centre.y() - p.y()
            if dx * dx + dy * dy <= reach:
                found = mark.key  # later marks are drawn on top
        return found

    def tooltip_text(self, key: str) -> str:
        for mark in self._state.marks:
            if mark.key == key:
                return measures_text(mark, self._state.number_of(key))
        raise KeyError(key)

    def marker_radius(self) -> float:
        return self._radius

    # -- layout ----------------------------------------------------------------------------

    def _map_rect(self) -> QRectF:
        """The pixels the hands are drawn in: below the view buttons, inside the margins."""
        top = _MARGIN + self._bar_height * (2 if self._legend_wraps() else 1) + _LABEL_GAP
        label = QFontMetricsF(self._label_font()).height()
        return QRectF(
            _MARGIN,
            top + label + _LABEL_GAP,
            max(self.width() - 2 * _MARGIN, 10.0),
            max(self.height() - top - label - _LABEL_GAP - _MARGIN, 10.0),
        )

    def _model_bounds(self) -> tuple[float, float, float, float]:
        boxes = [geometry.bounds(view) for view in self.visible_views()]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def _relayout(self) -> None:
        x0, y0, x1, y1 = self._model_bounds()
        target = self._map_rect()
        width, height = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
        scale = min(target.width() / width, target.height() / height)
        dx = target.left() + (target.width() - width * scale) / 2 - x0 * scale
        dy = target.top() - y0 * scale  # top-aligned: the view captions sit right above
        self._scale = scale
        self._transform = QTransform(scale, 0, 0, scale, dx, dy)
        inverse, _ok = self._transform.inverted()
        self._inverse = inverse
        views = self.visible_views()
        shown: list[geometry.Region] = []
        seen_other: set[tuple[str, str, str]] = set()
        for view in views:
            for region in geometry.regions(view):
                ident = (region.hand, region.finger, region.site)
                if ident in seen_other:
                    continue  # a site drawn in both views is placed in the first one
                seen_other.add(ident)
                shown.append(region)
        self._regions = tuple(shown)
        self._polygons = {
            (r.hand, r.view, r.finger, r.site): self._transform.map(
                QPolygonF([QPointF(x, y) for x, y in r.polygon])
            )
            for view in views
            for r in geometry.regions(view)
        }
        self._radius = max(7.0, min(13.0, 11.0 * scale))
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(9, round(self._radius * 1.15)))
        self._number_font = font
        self._static = None
        self._place_marks()

    def _place_marks(self) -> None:
        """Centre of each ulcer: its site's anchor; several at one site sit side by side."""
        by_site: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for mark in self._state.marks:
            by_site[(mark.hand, mark.finger, mark.site)].append(mark.key)
        anchors = {(r.hand, r.finger, r.site): r.anchor for r in self._regions}
        centres: dict[str, QPointF] = {}
        step = self._radius * 2 + 2
        for ident, keys in by_site.items():
            anchor = anchors.get(ident)
            if anchor is None:
                continue
            centre = self.to_widget_f(anchor)
            for i, key in enumerate(keys):
                offset = (i - (len(keys) - 1) / 2) * step
                centres[key] = QPointF(centre.x() + offset, centre.y())
        self._centres = centres

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self._ready and event.type() in {
            QEvent.Type.FontChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.StyleChange,
            QEvent.Type.LanguageChange,
        }:
            self.clear_cache()

    def clear_cache(self) -> None:
        """Forget the painted hands (font, palette or language changed); the next paint redraws."""
        self._relayout()
        self.update()

    # -- painting --------------------------------------------------------------------------

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def static_pixmap(self) -> QPixmap:
        """The hands, regions, labels and legend at the current size (built when missing)."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self._mode)
        if self._static is None or self._static_key != key:
            self._static = self._paint_static(ratio)
            self._static_key = key
        return self._static

    def _paint_static(self, ratio: float) -> QPixmap:
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self.palette().color(self.backgroundRole()))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        views = self.visible_views()
        line_width = max(0.8, min(1.6, 1.3 * self._scale))
        for view in views:
            for hand_outline in geometry.outlines(view):
                painter.setPen(QPen(SKIN_LINE, line_width))
                painter.setBrush(QBrush(SKIN_FILL))
                painter.drawPolygon(self._map_polygon(hand_outline.polygon))
            painter.setPen(QPen(REGION_LINE, line_width * 0.7))
            for region in geometry.regions(view):
                painter.setBrush(QBrush(SITE_FILLS.get(region.site, SKIN_FILL)))
                painter.drawPolygon(self._polygons[(region.hand, view, region.finger, region.site)])
            painter.setPen(QPen(DETAIL_LINE, line_width * 0.7))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for hand_outline in geometry.outlines(view):
                for line in hand_outline.lines:
                    painter.drawPolyline(self._map_polygon(line))
        self._paint_labels(painter, views)
        self._paint_legend(painter)
        painter.end()
        return pixmap

    def _map_polygon(self, points: Sequence[tuple[float, float]]) -> QPolygonF:
        return self._transform.map(QPolygonF([QPointF(x, y) for x, y in points]))

    def _paint_labels(self, painter: QPainter, views: Sequence[str]) -> None:
        """The view over each pair of hands, the hand under its wrist, D1..D5 past each tip."""
        bold = self._label_font()
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 7.0))
        bold_height = QFontMetricsF(bold).height()
        small_height = QFontMetricsF(small).height()
        centre = int(Qt.AlignmentFlag.AlignCenter)
        for view in views:
            x0, y0, x1, _y1 = geometry.bounds(view)
            left = self.to_widget_f((x0, y0)).x()
            right = self.to_widget_f((x1, y0)).x()
            top = self._map_rect().top() - bold_height - _LABEL_GAP
            painter.setFont(bold)
            painter.setPen(LABEL_COLOUR)
            painter.drawText(
                QRectF(left, top, right - left, bold_height), centre, view_caption(view)
            )
            for hand in ("R", "L"):
                anchor = self.to_widget_f(geometry.label_anchor(hand, view))
                painter.setFont(bold)
                painter.setPen(LABEL_COLOUR)
                painter.drawText(
                    QRectF(anchor.x() - 100, anchor.y() - bold_height / 2, 200, bold_height),
                    centre,
                    hand_caption(hand),
                )
                painter.setFont(small)
                painter.setPen(MUTED_COLOUR)
                for finger in geometry.FINGERS:
                    point = self.to_widget_f(geometry.finger_label_anchor(hand, view, finger))
                    painter.drawText(
                        QRectF(point.x() - 20, point.y() - small_height / 2, 40, small_height),
                        centre,
                        finger_label(finger),
                    )

    def legend_items(self) -> list[tuple[str, str]]:
        return [(status, status_label(status)) for status in ("active", "new", "healed")]

    def _legend_widths(self) -> list[float]:
        metrics = QFontMetricsF(self.font())
        return [
            _LEGEND_RADIUS * 2 + 5 + metrics.horizontalAdvance(t) for _s, t in self.legend_items()
        ]

    def _legend_wraps(self) -> bool:
        """Whether the legend would run into the view buttons, so it goes on a row of its own."""
        if not getattr(self, "_ready", False):
            return False
        widths = self._legend_widths()
        needed = sum(widths) + _LEGEND_GAP * (len(widths) - 1)
        buttons = sum(b.sizeHint().width() + 2 for b in self.view_buttons.values())
        return _MARGIN + buttons + _LEGEND_GAP + needed + _MARGIN > self.width()

    def _paint_legend(self, painter: QPainter) -> None:
        """Status colours at the top right, level with the view buttons (below them if narrow)."""
        metrics = QFontMetricsF(self.font())
        radius = _LEGEND_RADIUS
        gap = _LEGEND_GAP
        items = self.legend_items()
        widths = self._legend_widths()
        x = self.width() - _MARGIN - sum(widths) - gap * (len(items) - 1)
        y = _MARGIN + self._bar_height / 2
        if self._legend_wraps():
            y += self._bar_height
        painter.setFont(self.font())
        for (status, text), width in zip(items, widths, strict=True):
            self._paint_marker(painter, QPointF(x + radius, y), radius, status, "", False, None)
            painter.setPen(LABEL_COLOUR)
            painter.drawText(
                QRectF(x + radius * 2 + 5, y - metrics.height() / 2, width, metrics.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            x += width + gap

    @staticmethod
    def _paint_marker(
        painter: QPainter,
        centre: QPointF,
        radius: float,
        status: str,
        text: str,
        selected: bool,
        font: QFont | None,
    ) -> None:
        colour = STATUS_COLOURS.get(status, STATUS_COLOURS["active"])
        if selected:
            painter.setPen(QPen(SELECTED_COLOUR, 2.5))
            painter.setBrush(QBrush(QColor(255, 235, 59)))
            painter.drawEllipse(centre, radius + 4.5, radius + 4.5)
        if status == "healed":
            painter.setPen(QPen(colour, 2.0))
            painter.setBrush(QBrush(Qt.GlobalColor.white))
            text_colour = colour
        else:
            painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
            painter.setBrush(QBrush(colour))
            text_colour = QColor(Qt.GlobalColor.white)
        painter.drawEllipse(centre, radius, radius)
        if text and font is not None:
            painter.setFont(font)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(centre.x() - radius * 1.5, centre.y() - radius, radius * 3, radius * 2),
                int(Qt.AlignmentFlag.AlignCenter),
                text,
            )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self.static_pixmap())
        if self.paint_marks:
            self._paint_dynamic(painter)
        painter.end()

    def _paint_dynamic(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._hover is not None and self._enabled_edit:
            polygon = self._polygons.get(
                (self._hover.hand, self._hover.view, self._hover.finger, self._hover.site)
            )
            if polygon is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(HOVER_FILL))
                painter.drawPolygon(polygon)
        selected_centre: QPointF | None = None
        for number, mark in enumerate(self._state.marks, start=1):
            centre = self._centres.get(mark.key)
            if centre is None:
                continue
            if mark.key == self._selected:
                selected_centre = centre
                continue  # drawn last, on top
            self._paint_marker(
                painter, centre, self._radius, mark.status, str(number), False, self._number_font
            )
        if selected_centre is not None and self._selected is not None:
            mark = next(m for m in self._state.marks if m.key == self._selected)
            self._paint_marker(
                painter,
                selected_centre,
                self._radius,
                mark.status,
                str(self._state.number_of(mark.key)),
                True,
                self._number_font,
            )

    # -- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._press = (event.position(), self.mark_at(event.position()))
        self._dragging = False
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        if self._press is not None and self._press[1] is not None and self._enabled_edit:
            start = self._press[0]
            if (position - start).manhattanLength() > 6:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
        hover = self.region_at(position)
        if hover != self._hover:
            self._hover = hover
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        _start, key = self._press
        dragging = self._dragging
        self._press = None
        self._dragging = False
        self.unsetCursor()
        position = event.position()
        if key is not None and dragging:
            target = self.region_at(position)
            if target is not None and self.mark_at(position) != key:
                self.ulcerDropped.emit(key, target.hand, target.finger, target.site)
            event.accept()
            return
        if key is not None:
            self.ulcerClicked.emit(key)
        else:
            region = self.region_at(position)
            if region is not None:
                self.siteClicked.emit(region.hand, region.finger, region.site)
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            key = self.mark_at(event.pos())
            if key is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_text(key), self)
            else:
                region = self.region_at(event.pos())
                if region is not None:
                    QToolTip.showText(
                        event.globalPos(),
                        location_text(region.hand, region.finger, region.site),
                        self,
                    )
                else:
                    QToolTip.hideText()
            return True
        return super().event(event)


__all__ = [
    "STATUS_COLOURS",
    "VIEW_MODES",
    "HandMapWidget",
    "finger_label",
    "hand_caption",
    "hand_label",
    "location_text",
    "measures_text",
    "site_label",
    "status_label",
    "view_caption",
    "view_label",
]
