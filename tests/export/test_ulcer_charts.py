"""Ulcer charts: the plotted data first, then that the figure holds exactly that data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from sscvisit.export.ulcer_charts import (
    LABELS,
    ChartObservation,
    ChartUlcer,
    ChartVisit,
    StudyVisitTotal,
    chart_data,
    study_figure,
    ulcer_figure,
)

ROOT = Path(__file__).resolve().parents[2]

INJECTION = ChartVisit("injection", "Injection (baseline)", "Injectie (baseline)", 0)
WEEK1 = ChartVisit("week1", "Week 1", "Week 1", 8)  # a day late: the x axis shows real days
WEEK4 = ChartVisit("week4", "Week 4", "Week 4", 28)
WEEK8 = ChartVisit("week8", "Week 8", "Week 8", 56)  # recorded, but no ulcer left to record
VISITS = (INJECTION, WEEK1, WEEK4, WEEK8)


def obs(
    visit: ChartVisit,
    status: str,
    size: tuple[float, float] | None = None,
    pain: float | None = None,
) -> ChartObservation:
    length, width = size if size is not None else (None, None)
    return ChartObservation(visit, status, length, width, pain)


# u1 heals at week 4; u2 heals at week 1 and recurs at week 4 as u3; u4 is new at week 1 without
# sizes (it counts as active but has no area to plot).
ULCERS = (
    ChartUlcer(
        "u1",
        "L",
        "D2",
        "tip",
        None,
        (
            obs(WEEK4, "healed", pain=0),  # out of order on purpose: points are sorted by day
            obs(INJECTION, "active", (6, 4), 50),
            obs(WEEK1, "active", (4, 3), 30),
        ),
    ),
    ChartUlcer(
        "u2",
        "R",
        "D1",
        "dorsal_mcp",
        None,
        (obs(INJECTION, "active", (5, 5), 60), obs(WEEK1, "healed", pain=10)),
    ),
    ChartUlcer("u3", "R", "D1", "dorsal_mcp", "u2", (obs(WEEK4, "new", (3, 2), 40),)),
    ChartUlcer("u4", "L", "D2", "volar", None, (obs(WEEK1, "new"), obs(WEEK4, "active", (2, 2)))),
)


def axes_by_gid(figure: Figure) -> dict[str, Axes]:
    return {gid: ax for ax in figure.axes if (gid := ax.get_gid())}


def line(ax: Axes, gid: str) -> list[tuple[float, float]]:
    (found,) = [ln for ln in ax.get_lines() if ln.get_gid() == gid]
    return list(zip(found.get_xdata(), found.get_ydata(), strict=True))  # type: ignore[arg-type]


def line_gids(ax: Axes) -> list[str]:
    return [ln.get_gid() or "" for ln in ax.get_lines()]


def tick_labels(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.get_xticklabels()]


# -- chart_data ----------------------------------------------------------------------------------


def test_panels_are_the_fingers_with_ulcers_left_to_right() -> None:
    data = chart_data(ULCERS, VISITS)
    assert [p.key for p in data.panels] == ["L-D2", "R-D1"]
    assert [[s.key for s in p.series] for p in data.panels] == [["u1", "u4"], ["u2", "u3"]]
    assert [data.series_by_key[k].number for k in ("u1", "u2", "u3", "u4")] == [1, 2, 3, 4]


def test_points_are_day_and_ellipse_area_with_healed_at_zero() -> None:
    series = chart_data(ULCERS, VISITS).series_by_key
    assert series["u1"].xy == ((0, 18.85), (8, 9.42), (28, 0.0))
    assert [p.healed for p in series["u1"].points] == [False, False, True]
    assert series["u1"].healed_xy == ((28, 0.0),)
    assert series["u2"].xy == ((0, 19.63), (8, 0.0))
    assert series["u2"].healed_xy == ((8, 0.0),)
    assert series["u4"].xy == ((28, 3.14),)  # week 1 had no sizes: nothing to plot
    assert series["u4"].healed_xy == ()


def test_a_recurrence_names_the_ulcer_it_recurs() -> None:
    series = chart_data(ULCERS, VISITS).series_by_key
    assert series["u3"].recurrence_of == "u2"
    assert series["u3"].recurrence_of_number == 2
    assert series["u3"].xy == ((28, 4.71),)
    assert series["u1"].recurrence_of_number is None


def test_per_visit_counts_area_and_pain() -> None:
    visits = chart_data(ULCERS, VISITS).visits
    assert [v.visit for v in visits] == list(VISITS)
    # active = active + new (u4 counts at week 1 without sizes); healed ones do not count.
    assert [v.active for v in visits] == [2, 2, 2, 0]
    # total area: the active ulcers that have both sizes (scoring.ulcer.total_area).
    assert [v.total_area_mm2 for v in visits] == [38.48, 9.42, 7.85, 0.0]
    # mean over every recorded VAS at the visit, healed ulcers included.
    assert [v.mean_pain_vas for v in visits] == [55.0, 20.0, 20.0, None]
    assert [v.pain_count for v in visits] == [2, 2, 2, 0]


def test_a_visit_without_ulcers_shows_only_when_given() -> None:
    assert [v.visit for v in chart_data(ULCERS).visits] == [INJECTION, WEEK1, WEEK4]


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        chart_data([ULCERS[0], ULCERS[0]])
    with pytest.raises(ValueError, match="hand"):
        ChartUlcer("u9", "X", "D1", "tip", None, ())
    with pytest.raises(ValueError, match="finger"):
        ChartUlcer("u9", "L", "D6", "tip", None, ())
    with pytest.raises(ValueError, match="status"):
        obs(INJECTION, "gone")
    with pytest.raises(ValueError, match="length_mm"):  # scoring.ulcer's own size rule
        chart_data([ChartUlcer("u9", "L", "D1", "tip", None, (obs(INJECTION, "active", (0, 1)),))])


# -- ulcer_figure --------------------------------------------------------------------------------


def test_figure_plots_exactly_the_chart_data() -> None:
    data = chart_data(ULCERS, VISITS)
    figure = ulcer_figure(ULCERS, visits=VISITS, title="SSC-001")
    axes = axes_by_gid(figure)
    assert [g for g in axes if g.startswith("finger:")] == ["finger:L-D2", "finger:R-D1"]

    for panel in data.panels:
        ax = axes[f"finger:{panel.key}"]
        for series in panel.series:
            assert line(ax, f"ulcer:{series.key}") == list(series.xy)
            if series.healed_xy:
                assert line(ax, f"healed:{series.key}") == list(series.healed_xy)
            numbers = [t for t in ax.texts if t.get_gid() == f"number:{series.key}"]
            assert [t.get_text() for t in numbers] == [str(series.number)]
            assert numbers[0].get_position() == series.xy[0]
    left, right = axes["finger:L-D2"], axes["finger:R-D1"]
    assert line_gids(left) == ["ulcer:u1", "healed:u1", "ulcer:u4"]
    assert line_gids(right) == ["ulcer:u2", "healed:u2", "ulcer:u3", "recurrence:u3"]
    assert line(right, "recurrence:u3") == [(8, 0.0), (28, 4.71)]  # healed u2 -> first u3
    (healed,) = [ln for ln in left.get_lines() if ln.get_gid() == "healed:u1"]
    assert healed.get_marker() == "X"
    assert healed.get_linestyle() == "None"
    (recurrence,) = [ln for ln in right.get_lines() if ln.get_gid() == "ulcer:u3"]
    assert recurrence.get_linestyle() == "--"


def test_visit_names_are_the_ticks_at_days_since_injection() -> None:
    figure = ulcer_figure(ULCERS, visits=VISITS)
    axes = axes_by_gid(figure)
    for gid in ("finger:L-D2", "finger:R-D1", "visits:pain"):
        ax = axes[gid]
        assert list(ax.get_xticks()) == [0, 8, 28, 56]
        assert tick_labels(ax) == ["Injection", "Week 1", "Week 4", "Week 8"]
        low, high = ax.get_xlim()
        assert low < 0
        assert high > 56
    assert axes["finger:L-D2"].get_title() == "Left D2 (index)"
    assert axes["finger:R-D1"].get_title() == "Right D1 (thumb)"
    assert axes["finger:L-D2"].get_ylabel() == "Area (mm²)"
    texts = [t.get_text() for t in figure.texts]
    assert "Days since injection" in texts


def test_ticks_drop_a_closing_remark_in_brackets() -> None:
    week12 = ChartVisit("week12", "Week 12 (end point)", "Week 12 (eindpunt)", 84)
    assert (week12.tick("en"), week12.tick("nl")) == ("Week 12", "Week 12")
    assert week12.label("nl") == "Week 12 (eindpunt)"
    odd = ChartVisit("x", "(Odd) visit", "Visit (a) b", 1)
    assert (odd.tick("en"), odd.tick("nl")) == ("(Odd) visit", "Visit (a) b")


def test_only_the_outer_panels_carry_tick_labels() -> None:
    ulcers = [
        ChartUlcer(f"u{i}", hand, finger, "tip", None, (obs(INJECTION, "active", (2, 2)),))
        for i, (hand, finger) in enumerate(
            [("L", "D1"), ("L", "D2"), ("L", "D3"), ("R", "D4"), ("R", "D5")]
        )
    ]  # 5 panels in 3 columns: L-D3 has no panel below it, so it shows the visit names
    axes = axes_by_gid(ulcer_figure(ulcers, visits=VISITS))
    shown = {g for g, ax in axes.items() if g.startswith("finger:") and ax.xaxis.get_visible()}
    assert shown == {"finger:L-D3", "finger:R-D4", "finger:R-D5"}
    with_y = {g for g, ax in axes.items() if g.startswith("finger:") and ax.yaxis.get_visible()}
    assert with_y == {"finger:L-D1", "finger:R-D4"}
    ylims = {ax.get_ylim() for g, ax in axes.items() if g.startswith("finger:")}
    assert len(ylims) == 1  # one area scale for every finger


def test_side_panels_hold_counts_area_and_pain_per_visit() -> None:
    data = chart_data(ULCERS, VISITS)
    axes = axes_by_gid(ulcer_figure(ULCERS, visits=VISITS))
    bars = [p for p in axes["visits:active"].patches if isinstance(p, Rectangle)]
    assert [(b.get_x() + b.get_width() / 2, b.get_height()) for b in bars] == [
        (v.visit.day, v.active) for v in data.visits
    ]
    assert line(axes["visits:area"], "total-area") == [
        (v.visit.day, v.total_area_mm2) for v in data.visits
    ]
    assert line(axes["visits:pain"], "pain") == [(0, 55.0), (8, 20.0), (28, 20.0)]
    assert axes["visits:pain"].get_ylim() == (0.0, 100.0)
    assert axes["visits:area"].get_ylim()[1] >= 38.48


def test_grid_lines_mark_each_visit() -> None:
    ax = axes_by_gid(ulcer_figure(ULCERS, visits=VISITS))["finger:L-D2"]
    (grid,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    verticals = {seg[0][0] for seg in grid.get_segments() if seg[0][0] == seg[1][0]}
    assert verticals == {0, 8, 28, 56}


def test_dutch_labels() -> None:
    figure = ulcer_figure(ULCERS, visits=VISITS, language="nl")
    axes = axes_by_gid(figure)
    assert axes["finger:L-D2"].get_title() == "Links D2 (wijsvinger)"
    assert axes["finger:R-D1"].get_title() == "Rechts D1 (duim)"
    assert axes["finger:L-D2"].get_ylabel() == "Oppervlakte (mm²)"
    assert tick_labels(axes["visits:pain"])[0] == "Injectie"
    assert axes["visits:active"].get_ylabel() == "Actieve ulcera"
    assert axes["visits:area"].get_ylabel() == "Totale oppervlakte (mm²)"
    assert axes["visits:pain"].get_title() == "Gemiddelde pijn-VAS"
    texts = [t.get_text() for t in figure.texts]
    assert "Dagen sinds injectie" in texts
    key = {
        t.get_gid(): t.get_text() for t in figure.texts if (t.get_gid() or "").startswith("key:")
    }
    assert key == {
        "key:ulcer": "ulcus (nummer)",
        "key:healed": "genezen",
        "key:recurrence": "recidief",
    }
    with pytest.raises(ValueError, match="language"):
        ulcer_figure(ULCERS, language="de")


def test_both_languages_have_every_label() -> None:
    assert set(LABELS["en"]) == set(LABELS["nl"])


def test_no_ulcers_and_a_single_visit_draw_without_warnings(tmp_path: Path) -> None:
    figure = ulcer_figure([], visits=[INJECTION])  # warnings are errors in this suite
    figure.canvas.draw()
    axes = axes_by_gid(figure)
    assert not [g for g in axes if g.startswith("finger:")]
    assert line(axes["visits:area"], "total-area") == [(0, 0.0)]
    low, high = axes["visits:pain"].get_xlim()
    assert low < 0 < high
    one = [ChartUlcer("u1", "R", "D3", "tip", None, (obs(INJECTION, "healed"),))]
    ulcer_figure(one).canvas.draw()


def test_the_figure_saves_as_png_and_pdf(tmp_path: Path) -> None:
    figure = ulcer_figure(ULCERS, visits=VISITS, title="SSC-001")
    figure.savefig(tmp_path / "chart.png")
    figure.savefig(tmp_path / "chart.pdf")
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "chart.pdf").read_bytes()[:5] == b"%PDF-"


# -- study_figure --------------------------------------------------------------------------------

TOTALS = (
    StudyVisitTotal("injection", "Injection (baseline)", "Injectie (baseline)", 12, 31, 640.5),
    StudyVisitTotal("week1", "Week 1", "Week 1", 12, 30, 600.25),
    StudyVisitTotal("week12", "Week 12 (end point)", "Week 12 (eindpunt)", 10, 9, 120.75),
)


def test_study_figure_plots_counts_and_area_per_visit_code() -> None:
    figure = study_figure(TOTALS)
    axes = axes_by_gid(figure)
    bars = [p for p in axes["study:active"].patches if isinstance(p, Rectangle)]
    assert [(b.get_x() + b.get_width() / 2, b.get_height()) for b in bars] == [
        (0, 31),
        (1, 30),
        (2, 9),
    ]
    assert line(axes["study:area"], "total-area") == [(0, 640.5), (1, 600.25), (2, 120.75)]
    assert tick_labels(axes["study:active"]) == [
        "Injection (baseline)",
        "Week 1",
        "Week 12 (end point)",
    ]
    patients = [t.get_text() for t in axes["study:active"].texts]
    assert patients == ["n = 12", "n = 12", "n = 10"]


def test_study_figure_in_dutch_and_empty() -> None:
    axes = axes_by_gid(study_figure(TOTALS, language="nl"))
    assert tick_labels(axes["study:active"])[2] == "Week 12 (eindpunt)"
    assert axes["study:active"].get_ylabel() == "Actieve ulcera"
    study_figure([]).canvas.draw()


# -- imports and global state ----------------------------------------------------------------------


def test_importing_the_module_does_not_import_matplotlib() -> None:
    code = (
        "import sys\n"
        "import sscvisit.export.ulcer_charts\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'matplotlib', 'PySide6'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"


def test_drawing_leaves_pyplot_backend_and_rcparams_alone() -> None:
    code = (
        "import sys, matplotlib\n"
        "before = matplotlib.rcParams.copy()\n"  # copy(), not dict(): no backend lookup
        "from sscvisit.export.ulcer_charts import ChartVisit, ulcer_figure, study_figure\n"
        "v = ChartVisit('injection', 'Injection', 'Injectie', 0)\n"
        "ulcer_figure([], visits=[v]).canvas.draw()\n"
        "study_figure([]).canvas.draw()\n"
        "print('matplotlib.pyplot' in sys.modules,"
        " matplotlib.rcParams.copy() == before,"  # == on the global one would pick a backend
        " matplotlib.rcParams._get_backend_or_none())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["False", "True", "None"]


def test_figure_has_an_agg_canvas() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = ulcer_figure(ULCERS, visits=VISITS)
    assert isinstance(figure.canvas, FigureCanvasAgg)
    assert all(isinstance(ln, Line2D) for ax in figure.axes for ln in ax.get_lines())
