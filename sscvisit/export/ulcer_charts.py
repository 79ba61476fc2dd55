"""Per-finger ulcer charts for investigator review, for the screen and for the PDF casebook.

The same function draws the chart everywhere: it returns a ``matplotlib.figure.Figure`` that the
UI puts in a ``FigureCanvasQTAgg`` and the PDF export saves with ``fig.savefig``. matplotlib is
imported only inside the drawing functions, so importing this module (and opening the login
window) costs nothing; the figure is built on ``Figure`` + ``FigureCanvasAgg`` directly, never
through pyplot, so no global backend or rcParams are touched for anyone else in the process.

Input is plain frozen records (``ChartVisit``, ``ChartObservation``, ``ChartUlcer``) that the
ulcer service builds from the database; :func:`chart_data` turns them into exactly what is
plotted, as pure data, so tests check the numbers and then that the figure holds those numbers.
Counts and areas follow ``sscvisit.scoring.ulcer`` (an ulcer is active when its status is active
or new; area is the ellipse estimate; the total sums the active ulcers that have both sizes).

Labels are a small EN/NL mapping kept here (``LABELS``): the UI's translation catalogue is Qt's,
and this module must not import Qt (it also draws the PDF).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from sscvisit.scoring import ulcer as scoring

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.gridspec import SubplotSpec
    from matplotlib.transforms import Affine2DBase

__all__ = [
    "LABELS",
    "LANGUAGES",
    "ChartData",
    "ChartObservation",
    "ChartPoint",
    "ChartUlcer",
    "ChartVisit",
    "FingerPanel",
    "StudyVisitTotal",
    "UlcerSeries",
    "VisitPoint",
    "chart_data",
    "study_figure",
    "ulcer_figure",
]

LANGUAGES: tuple[str, ...] = ("en", "nl")

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": MappingProxyType(
            {
                "title": "Digital ulcers per finger",
                "study_title": "Digital ulcers, all patients",
                "L": "Left",
                "R": "Right",
                "D1": "thumb",
                "D2": "index",
                "D3": "middle",
                "D4": "ring",
                "D5": "little",
                "days": "Days since injection",
                "area": "Area (mm²)",
                "active": "Active ulcers",
                "total_area": "Total area (mm²)",
                "pain": "Pain VAS (mm)",
                "pain_title": "Mean pain VAS",
                "counts_title": "Active ulcers and total area",
                "visit": "Visit",
                "healed": "healed",
                "ulcer": "ulcer (number)",
                "recurrence": "recurrence",
                "patients": "n = {n}",
                "patients_note": "n: patients with an ulcer map at the visit",
                "no_ulcers": "No ulcers recorded",
            }
        ),
        "nl": MappingProxyType(
            {
                "title": "Digitale ulcera per vinger",
                "study_title": "Digitale ulcera, alle patiënten",
                "L": "Links",
                "R": "Rechts",
                "D1": "duim",
                "D2": "wijsvinger",
                "D3": "middelvinger",
                "D4": "ringvinger",
                "D5": "pink",
                "days": "Dagen sinds injectie",
                "area": "Oppervlakte (mm²)",
                "active": "Actieve ulcera",
                "total_area": "Totale oppervlakte (mm²)",
                "pain": "Pijn-VAS (mm)",
                "pain_title": "Gemiddelde pijn-VAS",
                "counts_title": "Actieve ulcera en totale oppervlakte",
                "visit": "Bezoek",
                "healed": "genezen",
                "ulcer": "ulcus (nummer)",
                "recurrence": "recidief",
                "patients": "n = {n}",
                "patients_note": "n: patiënten met een ulcuskaart bij het bezoek",
                "no_ulcers": "Geen ulcera vastgelegd",
            }
        ),
    }
)
"""Chart texts per language. Keys are stable; the values are what the reader sees."""


# ---------------------------------------------------------------------------------------------
# Input records: what the ulcer service hands over (plain values, no ORM objects).


@dataclass(frozen=True)
class ChartVisit:
    """One recorded visit of the patient: its protocol code, labels, and day since injection.

    ``day`` is the visit date minus the injection date (the injection visit is day 0), so the x
    axis shows real timing, also for visits done early or late in their window.
    """

    code: str
    label_en: str
    label_nl: str
    day: int

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en

    def tick(self, language: str) -> str:
        """The label without a closing remark in brackets: "Week 12 (end point)" -> "Week 12".

        Ticks are rotated and repeated under every column of panels; the short name keeps them
        readable where visits lie a week apart (and every glyph costs drawing time).
        """
        label = self.label(language)
        if label.endswith(")") and " (" in label:
            return label[: label.rindex(" (")]
        return label


@dataclass(frozen=True)
class ChartObservation:
    """One ulcer as recorded at one visit.

    Sizes in mm, None when not measured (a healed ulcer has none); the area is computed from them
    by ``scoring.ulcer.ellipse_area``, so the chart and the stored area cannot disagree.
    """

    visit: ChartVisit
    status: str  # "active" | "new" | "healed"
    length_mm: float | None
    width_mm: float | None
    pain_vas: float | None

    def __post_init__(self) -> None:
        if self.status not in scoring.STATUSES:
            raise ValueError(
                f"unknown ulcer status {self.status!r}; expected one of "
                f"{', '.join(scoring.STATUSES)}"
            )


@dataclass(frozen=True)
class ChartUlcer:
    """One ulcer's identity and its observations over the visits.

    ``key`` is stable within the patient (e.g. "u12"); ``recurrence_of`` is the key of the healed
    ulcer at the same site that this one is a recurrence of, or None. The number shown in the
    chart is the ulcer's 1-based position in the sequence given to :func:`chart_data`: the service
    orders ulcers by their first visit and, within a visit, by map order.
    """

    key: str
    hand: str
    finger: str
    site: str
    recurrence_of: str | None
    observations: tuple[ChartObservation, ...]

    def __post_init__(self) -> None:
        if self.hand not in scoring.HANDS:
            raise ValueError(f"unknown hand {self.hand!r}; expected one of L, R")
        if self.finger not in scoring.FINGERS:
            raise ValueError(f"unknown finger {self.finger!r}; expected one of D1..D5")

    @property
    def finger_key(self) -> str:
        return f"{self.hand}-{self.finger}"


@dataclass(frozen=True)
class StudyVisitTotal:
    """Study-wide totals at one visit code: patients with a recorded map, active ulcers, area."""

    code: str
    label_en: str
    label_nl: str
    patients: int
    active_ulcers: int
    total_area_mm2: float

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en


# ---------------------------------------------------------------------------------------------
# What is plotted.


@dataclass(frozen=True)
class ChartPoint:
    """One plotted point of an ulcer: (day, area); a healed ulcer is plotted at area 0."""

    visit: ChartVisit
    day: int
    area_mm2: float
    status: str
    healed: bool


@dataclass(frozen=True)
class UlcerSeries:
    """One ulcer's line: its number, site and points in day order.

    Observations of an active ulcer without both sizes have no area and are not plotted (they
    still count as active in :class:`VisitPoint`).
    """

    key: str
    number: int
    hand: str
    finger: str
    site: str
    recurrence_of: str | None
    recurrence_of_number: int | None
    points: tuple[ChartPoint, ...]

    @property
    def xy(self) -> tuple[tuple[int, float], ...]:
        return tuple((p.day, p.area_mm2) for p in self.points)

    @property
    def healed_xy(self) -> tuple[tuple[int, float], ...]:
        return tuple((p.day, p.area_mm2) for p in self.points if p.healed)


@dataclass(frozen=True)
class FingerPanel:
    """One small multiple: a finger with at least one ulcer, and its ulcers in number order."""

    hand: str
    finger: str
    series: tuple[UlcerSeries, ...]

    @property
    def key(self) -> str:
        return f"{self.hand}-{self.finger}"


@dataclass(frozen=True)
class VisitPoint:
    """Per-visit totals: active ulcers (active + new), their total area, and the mean pain VAS.

    The mean pain VAS (1 decimal) is over every ulcer of the visit that has a VAS recorded
    (healed ulcers included: a recorded value is shown, not dropped); None when none is.
    """

    visit: ChartVisit
    active: int
    total_area_mm2: float
    mean_pain_vas: float | None
    pain_count: int


@dataclass(frozen=True)
class ChartData:
    """Everything the patient chart shows, as plain data."""

    panels: tuple[FingerPanel, ...]
    visits: tuple[VisitPoint, ...]
    series_by_key: Mapping[str, UlcerSeries] = field(repr=False)


def _visit_order(visit: ChartVisit) -> tuple[int, str]:
    return (visit.day, visit.code)


def chart_data(ulcers: Sequence[ChartUlcer], visits: Iterable[ChartVisit] = ()) -> ChartData:
    """Return what the patient chart plots.

    Panels are the fingers with at least one ulcer, ordered L-D1 .. L-D5, R-D1 .. R-D5. ``visits``
    are the patient's recorded visits with a map; give them so that a visit without any ulcer
    still shows as 0 active ulcers (the history per ulcer cannot tell such a visit exists).
    Visits of the observations are added; all are ordered by day.
    """
    numbers = {ulcer.key: index for index, ulcer in enumerate(ulcers, start=1)}
    if len(numbers) != len(ulcers):
        raise ValueError("ulcer keys must be unique")

    series: dict[str, UlcerSeries] = {}
    by_visit: dict[ChartVisit, list[tuple[scoring.UlcerRecord, float | None]]] = {
        visit: [] for visit in visits
    }
    for ulcer in ulcers:
        points: list[ChartPoint] = []
        for obs in sorted(ulcer.observations, key=lambda o: _visit_order(o.visit)):
            record = scoring.UlcerRecord(
                visit=obs.visit.code,
                hand=ulcer.hand,
                finger=ulcer.finger,
                site=ulcer.site,
                status=obs.status,
                length_mm=obs.length_mm,
                width_mm=obs.width_mm,
            )
            by_visit.setdefault(obs.visit, []).append((record, obs.pain_vas))
            healed = obs.status == "healed"
            area = 0.0 if healed else record.area_mm2
            if area is not None:
                points.append(ChartPoint(obs.visit, obs.visit.day, area, obs.status, healed))
        series[ulcer.key] = UlcerSeries(
            key=ulcer.key,
            number=numbers[ulcer.key],
            hand=ulcer.hand,
            finger=ulcer.finger,
            site=ulcer.site,
            recurrence_of=ulcer.recurrence_of,
            recurrence_of_number=numbers.get(ulcer.recurrence_of or ""),
            points=tuple(points),
        )

    panels = []
    for finger_key in scoring.FINGER_KEYS:
        on_finger = tuple(s for s in series.values() if f"{s.hand}-{s.finger}" == finger_key)
        if on_finger:
            hand, finger = finger_key.split("-")
            panels.append(FingerPanel(hand, finger, on_finger))

    visit_points = []
    for visit in sorted(by_visit, key=_visit_order):
        entries = by_visit[visit]
        records = [record for record, _ in entries]
        pains = [pain for _, pain in entries if pain is not None]
        visit_points.append(
            VisitPoint(
                visit=visit,
                active=scoring.active_count(records),
                total_area_mm2=scoring.total_area(records),
                mean_pain_vas=round(statistics.fmean(pains), 1) if pains else None,
                pain_count=len(pains),
            )
        )
    return ChartData(tuple(panels), tuple(visit_points), MappingProxyType(series))


# ---------------------------------------------------------------------------------------------
# Drawing. Sizes in inches; fonts in points, set per artist (never through rcParams).

_FONT = 8.0
_SMALL = 7.0
_DIGIT_WIDTH = 0.062  # inches, one digit at _SMALL points, to place axis titles beside tick labels
_HEALED_COLOUR = "#1a9641"
_TOTAL_COLOUR = "#d7301f"
_BAR_COLOUR = "#9ecae1"
_PAIN_COLOUR = "#6a51a3"
_SERIES_COLOURS = ("#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")


def _labels(language: str) -> Mapping[str, str]:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    return LABELS[language]


def _new_figure(size: tuple[float, float]) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(figure)  # attaches itself: fig.canvas draws off-screen, no pyplot involved
    return figure


def _grid(count: int) -> tuple[int, int]:
    """Rows and columns for ``count`` finger panels (at most 10)."""
    columns = 1 if count == 1 else 2 if count <= 4 else 3 if count <= 9 else 4
    return math.ceil(count / columns), columns


def _x_limits(days: Sequence[int]) -> tuple[float, float]:
    low, high = min(days, default=0), max(days, default=0)
    pad = max((high - low) * 0.06, 2.0)
    return low - pad, high + pad


def _nice_ticks(top: float, *, integer: bool = False, bins: int = 3) -> list[float]:
    """Round ticks from 0 to the first one at or above ``top``: few, because every tick costs
    drawing time, and in steps of 1, 2, 2.5 or 5 (x 10^n) so that the scale reads easily."""
    from matplotlib.ticker import MaxNLocator

    ticks: list[float] = []
    locator = MaxNLocator(nbins=bins, steps=[1, 2, 2.5, 5, 10], integer=integer)
    for value in locator.tick_values(0, top):
        if value >= 0:
            ticks.append(float(value))
            if value >= top:
                break
    return ticks


def _panel(
    figure: Figure,
    spec: SubplotSpec,
    *,
    title: str,
    visits: Sequence[ChartVisit],
    language: str,
    x_limits: tuple[float, float],
    y_ticks: Sequence[float],
    show_x: bool,
    show_y: bool = True,
) -> Axes:
    """A new axes with visit ticks and a light grid, in as few matplotlib calls as possible.

    Speed decides the details (issue 4: the chart again in under 150 ms, and matplotlib spends
    most of a small-multiples figure on tick objects): ticks and limits are fixed values, so no
    locator runs at draw time; an inner panel's axis (it shares the outer panels' scale) is not
    drawn at all, only the grid; the grid is one LineCollection per
    direction instead of a gridline per tick; the title's y is given, so matplotlib does not
    measure every tick label to place it.
    """
    ax = figure.add_subplot(spec)
    ax.set_title(title, fontsize=_FONT, pad=3, y=1.0)
    ax.set_xlim(*x_limits)
    ax.set_ylim(y_ticks[0], y_ticks[-1])
    days = [v.day for v in visits]
    if show_x:
        ax.set_xticks(
            days,
            [v.tick(language) for v in visits],
            rotation=60,
            ha="right",
            rotation_mode="anchor",
            fontsize=_SMALL,
        )
    else:
        ax.xaxis.set_visible(False)  # not drawn: matplotlib then makes no tick objects for it
    if show_y:
        ax.set_yticks(y_ticks, _tick_texts(y_ticks), fontsize=_SMALL)
    else:
        ax.yaxis.set_visible(False)
    from matplotlib.collections import LineCollection

    (x0, x1), (y0, y1) = x_limits, (y_ticks[0], y_ticks[-1])
    segments: list[list[tuple[float, float]]] = [[(day, y0), (day, y1)] for day in days]
    segments += [[(x0, y), (x1, y)] for y in y_ticks[1:-1]]
    grid = LineCollection(segments, colors="#e3e3e3", linewidths=0.6, zorder=0.5)
    grid.set_gid("grid")
    ax.add_collection(grid, autolim=False)
    _fix_label_positions(figure, ax, _label_gap(y_ticks if show_y else ()))
    return ax


def _tick_texts(ticks: Sequence[float]) -> list[str]:
    return [f"{v:g}" for v in ticks]


def _label_gap(ticks: Sequence[float]) -> float:
    """Inches from the axes edge to its axis title, clear of the widest tick label."""
    return 0.12 + _DIGIT_WIDTH * max((len(t) for t in _tick_texts(ticks)), default=0)


def _fix_label_positions(figure: Figure, ax: Axes, gap: float) -> None:
    """Place the axis titles at fixed offsets: matplotlib otherwise measures every tick label of
    every axis at each draw to place them (a tenth of the drawing time of this chart)."""
    from matplotlib.transforms import offset_copy

    ax.xaxis.set_label_coords(  # unused (the x title is a figure text), but measured otherwise
        0.5, 0, transform=offset_copy(ax.transAxes, figure, 0, -0.3, units="inches")
    )
    ax.yaxis.set_label_coords(
        0, 0.5, transform=offset_copy(ax.transAxes, figure, -gap, 0, units="inches")
    )


def _draw_finger_panel(figure: Figure, ax: Axes, panel: FingerPanel) -> None:
    from matplotlib.transforms import offset_copy

    ax.set_gid(f"finger:{panel.key}")
    above = offset_copy(ax.transData, figure, 0, 5, units="points")
    ends: dict[str, tuple[int, float]] = {}
    for index, item in enumerate(panel.series):
        colour = _SERIES_COLOURS[index % len(_SERIES_COLOURS)]
        if not item.points:
            continue
        xs = [p.day for p in item.points]
        ys = [p.area_mm2 for p in item.points]
        (line,) = ax.plot(
            xs,
            ys,
            color=colour,
            marker="o",
            markersize=4,
            linewidth=1.4,
            linestyle="--" if item.recurrence_of else "-",
            zorder=3,
        )
        line.set_gid(f"ulcer:{item.key}")
        healed = item.healed_xy
        if healed:
            (mark,) = ax.plot(
                [x for x, _ in healed],
                [y for _, y in healed],
                linestyle="none",
                marker="X",
                markersize=8,
                markerfacecolor=_HEALED_COLOUR,
                markeredgecolor="white",
                markeredgewidth=0.6,
                zorder=4,
                clip_on=False,
            )
            mark.set_gid(f"healed:{item.key}")
        ax.text(  # the ulcer's number just above its first point
            xs[0],
            ys[0],
            str(item.number),
            transform=above,
            ha="center",
            va="bottom",
            fontsize=_SMALL,
            fontweight="bold",
            color=colour,
            gid=f"number:{item.key}",
        )
        if healed:
            ends[item.key] = healed[-1]
    for item in panel.series:  # a recurrence: a dotted link from the healed point it follows
        if item.recurrence_of in ends and item.points:
            (x0, y0), first = ends[item.recurrence_of], item.points[0]
            (link,) = ax.plot(
                [x0, first.day], [y0, first.area_mm2], color="#999999", linestyle=":", zorder=2
            )
            link.set_gid(f"recurrence:{item.key}")


def _draw_counts(
    figure: Figure, ax: Axes, data: ChartData, words: Mapping[str, str], bar_width: float
) -> Axes:
    """Active ulcers as bars on ``ax``, total area as a line on a twin axis (returned)."""
    from matplotlib.transforms import offset_copy

    ax.set_gid("visits:active")
    days = [p.visit.day for p in data.visits]
    ax.bar(days, [p.active for p in data.visits], width=bar_width, color=_BAR_COLOUR, gid="active")
    ax.set_ylabel(words["active"], fontsize=_SMALL, color="#3182bd")
    area_ax = ax.twinx()
    area_ax.set_gid("visits:area")
    (line,) = area_ax.plot(
        days,
        [p.total_area_mm2 for p in data.visits],
        color=_TOTAL_COLOUR,
        marker="s",
        markersize=4,
        linewidth=1.4,
    )
    line.set_gid("total-area")
    area_ticks = _nice_ticks(max([p.total_area_mm2 for p in data.visits], default=0.0) * 1.1 or 1)
    area_ax.set_ylim(0, area_ticks[-1])
    area_ax.set_yticks(area_ticks, _tick_texts(area_ticks), fontsize=_SMALL)
    area_ax.tick_params(axis="y", colors=_TOTAL_COLOUR)
    area_ax.set_ylabel(words["total_area"], fontsize=_SMALL, color=_TOTAL_COLOUR)
    area_ax.yaxis.set_label_coords(
        1,
        0.5,
        transform=offset_copy(area_ax.transAxes, figure, _label_gap(area_ticks), 0, units="inches"),
    )
    return area_ax


def _draw_pain(ax: Axes, data: ChartData, words: Mapping[str, str]) -> None:
    ax.set_gid("visits:pain")
    known = [(p.visit.day, p.mean_pain_vas) for p in data.visits if p.mean_pain_vas is not None]
    (line,) = ax.plot(
        [day for day, _ in known],
        [pain for _, pain in known],
        color=_PAIN_COLOUR,
        marker="o",
        markersize=4,
        linewidth=1.4,
    )
    line.set_gid("pain")
    ax.set_ylabel(words["pain"], fontsize=_SMALL)


def _key(figure: Figure, words: Mapping[str, str], recurrences: bool) -> None:
    """The marker key, top right: a sample and a word per entry in fixed slots.

    Drawn as plain lines and texts rather than ``figure.legend``, whose box layout costs more
    than all the ulcer lines together (issue 4's 150 ms).
    """
    from matplotlib.lines import Line2D
    from matplotlib.transforms import ScaledTranslation

    entries: list[tuple[str, dict[str, Any]]] = [
        ("ulcer", {"color": "#555555", "marker": "o", "markersize": 4}),
        (
            "healed",
            {
                "linestyle": "none",
                "marker": "X",
                "markersize": 8,
                "markerfacecolor": _HEALED_COLOUR,
                "markeredgecolor": "white",
            },
        ),
    ]
    if recurrences:
        entries.append(("recurrence", {"color": "#555555", "linestyle": "--"}))
    slot = 1.35  # inches per entry; the longest word ("ulcus (nummer)") takes about 0.8
    # Coordinates in inches from the figure's top right corner.
    to_figure = cast("Affine2DBase", figure.transFigure)  # a BboxTransformTo: typed too loosely
    corner = figure.dpi_scale_trans + ScaledTranslation(1, 1, to_figure)
    for index, (word, style) in enumerate(entries):
        left = -0.15 - slot * (len(entries) - index)
        xs = [left, left + 0.3] if style.get("linestyle") != "none" else [left + 0.15]
        sample = Line2D(xs, [-0.2] * len(xs), transform=corner, **style)
        sample.set_gid(f"key:{word}")
        figure.add_artist(sample)
        figure.text(
            left + 0.38,
            -0.2,
            words[word],
            transform=corner,
            va="center",
            fontsize=_SMALL,
            gid=f"key:{word}",
        )


def ulcer_figure(
    ulcers: Sequence[ChartUlcer],
    *,
    visits: Iterable[ChartVisit] = (),
    language: str = "en",
    size: tuple[float, float] = (12.0, 7.0),
    title: str | None = None,
) -> Figure:
    """Draw the patient's ulcer chart and return the figure (Agg canvas attached).

    Left: one panel per finger with ulcers (area over days since injection, one line per ulcer
    labelled with its number, healed points as a green cross, a recurrence dashed and linked to the
    ulcer it recurs). Right: active ulcers (bars) with total area (line, right axis) per visit, and
    the mean pain VAS per visit. ``title`` is e.g. the subject number; ``visits`` as in
    :func:`chart_data`.
    """
    words = _labels(language)
    data = chart_data(ulcers, visits)
    figure = _new_figure(size)
    figure.suptitle(
        f"{title} · {words['title']}" if title else words["title"],
        x=0.01,
        ha="left",
        fontsize=_FONT + 2,
    )
    all_days = [p.visit.day for p in data.visits]
    x_limits = _x_limits(all_days)
    visits_shown = [p.visit for p in data.visits]

    width, height = size  # margins in inches, so another size (the PDF page) keeps them
    outer = figure.add_gridspec(
        1,
        2,
        width_ratios=(2.3, 1.0),
        left=0.65 / width,
        right=1 - 0.7 / width,
        top=1 - 0.75 / height,
        bottom=1.05 / height,
        wspace=0.22,
    )
    count = len(data.panels)
    if count:
        rows, columns = _grid(count)
        grid = outer[0, 0].subgridspec(rows, columns, hspace=0.28 if rows > 1 else 0.0, wspace=0.1)
        area_top = max(
            (p.area_mm2 for panel in data.panels for s in panel.series for p in s.points),
            default=0.0,
        )
        area_ticks = _nice_ticks(area_top * 1.15 or 1)  # room above for the ulcer numbers
        for index, panel in enumerate(data.panels):
            row, column = divmod(index, columns)
            ax = _panel(
                figure,
                grid[row, column],
                title=f"{words[panel.hand]} {panel.finger} ({words[panel.finger]})",
                visits=visits_shown,
                language=language,
                x_limits=x_limits,
                y_ticks=area_ticks,
                show_x=index + columns >= count,  # nothing below it
                show_y=column == 0,
            )
            _draw_finger_panel(figure, ax, panel)
            if column == 0:
                ax.set_ylabel(words["area"], fontsize=_SMALL)
    else:
        ax = figure.add_subplot(outer[0, 0])
        ax.set_axis_off()
        ax.text(0.5, 0.5, words["no_ulcers"], ha="center", va="center", fontsize=_FONT)

    side = outer[0, 1].subgridspec(2, 1, hspace=0.22)
    most_active = max([p.active for p in data.visits], default=0)
    counts_ax = _panel(
        figure,
        side[0, 0],
        title=words["counts_title"],
        visits=visits_shown,
        language=language,
        x_limits=x_limits,
        y_ticks=_nice_ticks(most_active + 1, integer=True, bins=4),
        show_x=False,
    )
    bar_width = max((x_limits[1] - x_limits[0]) * 0.035, 0.8)
    _draw_counts(figure, counts_ax, data, words, bar_width)
    pain_ax = _panel(
        figure,
        side[1, 0],
        title=words["pain_title"],
        visits=visits_shown,
        language=language,
        x_limits=x_limits,
        y_ticks=(0.0, 50.0, 100.0),
        show_x=True,
    )
    _draw_pain(pain_ax, data, words)
    for column in range(2):  # one x axis title under each block, level with the other
        box = outer[0, column].get_position(figure)
        figure.text(
            (box.x0 + box.x1) / 2,
            0.12 / height,
            words["days"],
            ha="center",
            va="bottom",
            fontsize=_SMALL,
            gid=f"xlabel:{column}",
        )
    _key(figure, words, any(s.recurrence_of for s in data.series_by_key.values()))
    return figure


def study_figure(
    totals: Sequence[StudyVisitTotal],
    *,
    language: str = "en",
    size: tuple[float, float] = (8.0, 4.5),
) -> Figure:
    """Draw the study-wide view: per visit code, active ulcers (bars) and total area (line).

    Visits are shown in the order given (the protocol's order), evenly spaced; each bar carries
    the number of patients with a recorded map at that visit.
    """
    words = _labels(language)
    figure = _new_figure(size)
    ax = figure.add_subplot(1, 1, 1)
    figure.subplots_adjust(left=0.09, right=0.89, top=0.88, bottom=0.24)
    ax.set_gid("study:active")
    figure.suptitle(words["study_title"], x=0.01, ha="left", fontsize=_FONT + 2)
    positions = list(range(len(totals)))
    active = [t.active_ulcers for t in totals]
    ax.bar(positions, active, width=0.6, color=_BAR_COLOUR, gid="active")
    top = max(active, default=0) * 1.2 + 1
    ax.set_ylim(0, top)
    for position, total in zip(positions, totals, strict=True):
        ax.annotate(  # inside the bar at its base, clear of the area line above
            words["patients"].format(n=total.patients),
            xy=(position, 0),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=_SMALL,
            color="#333333",
            gid=f"patients:{total.code}",
        )
    figure.text(0.01, 0.02, words["patients_note"], fontsize=_SMALL, color="#555555")
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(words["active"], fontsize=_SMALL, color="#3182bd")
    ax.set_xticks(positions)
    ax.set_xticklabels(
        [t.label(language) for t in totals],
        rotation=30,
        ha="right",
        rotation_mode="anchor",
        fontsize=_SMALL,
    )
    ax.set_xlabel(words["visit"], fontsize=_SMALL)
    ax.tick_params(axis="y", labelsize=_SMALL)
    ax.set_xlim(-0.6, max(len(totals) - 0.4, 0.6))
    area_ax = ax.twinx()
    area_ax.set_gid("study:area")
    (line,) = area_ax.plot(
        positions,
        [t.total_area_mm2 for t in totals],
        color=_TOTAL_COLOUR,
        marker="s",
        markersize=4,
        linewidth=1.4,
    )
    line.set_gid("total-area")
    area_top = max([t.total_area_mm2 for t in totals], default=0.0)
    area_ax.set_ylim(0, area_top * 1.2 if area_top > 0 else 1.0)
    area_ax.set_ylabel(words["total_area"], fontsize=_SMALL, color=_TOTAL_COLOUR)
    area_ax.tick_params(axis="y", labelsize=_SMALL, colors=_TOTAL_COLOUR)
    return figure
