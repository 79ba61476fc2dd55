"""Investigator review of ulcers: per-finger charts, per-visit counts, two visits' maps, and the
study-wide overview, on a real SQLite study filled through the ulcer service."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sscvisit.handmap.commands import MapState, UlcerMark
from sscvisit.scoring.ulcer import ellipse_area
from sscvisit.services import demo, screening, ulcers, visits
from sscvisit.services.dto import VisitInfo
from sscvisit.ui.context import UiContext
from sscvisit.ui.ulcer_review import MEASURES, StudyUlcerOverview, UlcerReview
from tests.studyfixtures import PASSWORDS, StudyWithUsers, register_patient

if TYPE_CHECKING:  # matplotlib is imported by the view when it draws, not by these tests
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

D = dt.date
SCREENED = D(2026, 2, 2)
ENROLLED = D(2026, 2, 3)
INJECTED = D(2026, 2, 16)
WEEK1 = D(2026, 2, 23)
WEEK4 = D(2026, 3, 16)  # day 28
TODAY = D(2026, 4, 1)


@dataclass
class Course:
    su: StudyWithUsers
    patient_id: int
    visits: dict[str, VisitInfo]

    def map(self, code: str) -> MapState:
        nurse = self.su.users["nurse"]
        return ulcers.visit_map(self.su.study, nurse, self.visits[code].id, today=TODAY)

    def save(self, code: str, state: MapState) -> MapState:
        nurse = self.su.users["nurse"]
        return ulcers.save_visit_map(self.su.study, nurse, self.visits[code].id, state, today=TODAY)


def enrolled(su: StudyWithUsers, hospital_number: str, recorded: dict[str, D]) -> Course:
    """An enrolled patient with the given visits recorded, all through the services."""
    study, nurse = su.study, su.users["nurse"]
    patient = register_patient(study, nurse, hospital_number=hospital_number)
    draft = screening.save_screening(
        study, nurse, patient.id, demo.eligible_screening(SCREENED), today=SCREENED
    )
    screening.confirm_screening(study, "investigator", PASSWORDS["investigator"], draft.id)
    visits.enrol(study, nurse, patient.id, planned_injection_date=INJECTED, today=ENROLLED)
    for code, day in recorded.items():
        by_code = {v.visit_code: v for v in visits.schedule(study, nurse, patient.id, today=TODAY)}
        visits.record_visit(study, nurse, by_code[code].id, day, today=TODAY)
    found = visits.schedule(study, nurse, patient.id, today=TODAY)
    return Course(su, patient.id, {v.visit_code: v for v in found})


def ulcer(
    key: str,
    place: tuple[str, str, str],
    status: str,
    size: tuple[float, float] | None,
    pain_vas: float | None = None,
) -> UlcerMark:
    hand, finger, site = place
    return UlcerMark(
        key=key,
        hand=hand,
        finger=finger,
        site=site,
        status=status,
        length_mm=None if size is None else size[0],
        width_mm=None if size is None else size[1],
        depth=None if size is None else "superficial",
        pain_vas=pain_vas,
    )


def healed(mark: UlcerMark) -> UlcerMark:
    return dataclasses.replace(mark, status="healed", length_mm=None, width_mm=None, depth=None)


R2_TIP = ("R", "D2", "tip")
L3_PIP = ("L", "D3", "dorsal_pip")
L2_TIP = ("L", "D2", "tip")
L1_TIP = ("L", "D1", "tip")


@dataclass
class Example:
    course: Course
    keys: dict[tuple[str, str, str], str]  # place -> the saved ulcer's key


def patient_a(su: StudyWithUsers) -> Example:
    """R D2 tip heals by week 4; L D3 dorsal PIP heals at week 1; L D2 tip is new at week 1.

    injection: R2 tip 6x4 (18.85, VAS 40), L3 PIP 3x2 (4.71, no VAS)
    week 1:    R2 tip 5x4 (15.71, VAS 30), L3 PIP healed, L2 tip new 4x3 (9.42, VAS 20)
    week 4:    R2 tip healed, L2 tip 2x2 (3.14, VAS 10)
    """
    course = enrolled(su, "H1000001", {"injection": INJECTED, "week1": WEEK1, "week4": WEEK4})
    saved = course.save(
        "injection",
        MapState(
            marks=(
                ulcer("n1", R2_TIP, "active", (6, 4), 40),
                ulcer("n2", L3_PIP, "active", (3, 2)),
            )
        ),
    )
    keys = {m.place: m.key for m in saved.marks}
    carried = {m.place: m for m in course.map("week1").marks}
    saved = course.save(
        "week1",
        MapState(
            marks=(
                dataclasses.replace(carried[R2_TIP], length_mm=5.0, width_mm=4.0, pain_vas=30.0),
                healed(carried[L3_PIP]),
                ulcer("n1", L2_TIP, "new", (4, 3), 20),
            )
        ),
    )
    keys.update({m.place: m.key for m in saved.marks})
    carried = {m.place: m for m in course.map("week4").marks}
    assert set(carried) == {R2_TIP, L2_TIP}  # the healed one is not carried forward
    course.save(
        "week4",
        MapState(
            marks=(
                dataclasses.replace(healed(carried[R2_TIP]), pain_vas=None),
                dataclasses.replace(carried[L2_TIP], length_mm=2.0, width_mm=2.0, pain_vas=10.0),
            )
        ),
    )
    return Example(course, keys)


def patient_b(su: StudyWithUsers) -> Course:
    """One ulcer at L D1 tip: 10x8 at the injection (62.83), 8x6 at week 1 (37.70)."""
    course = enrolled(su, "H1000002", {"injection": INJECTED, "week1": WEEK1})
    course.save("injection", MapState(marks=(ulcer("n1", L1_TIP, "active", (10, 8), 60),)))
    (carried,) = course.map("week1").marks
    course.save(
        "week1", MapState(marks=(dataclasses.replace(carried, length_mm=8.0, width_mm=6.0),))
    )
    return course


def make_review(
    qtbot: QtBot, su: StudyWithUsers, language: str = "en", *, show: bool = True
) -> UlcerReview:
    review = UlcerReview(UiContext(su.study, su.users["investigator"], language))
    qtbot.addWidget(review)
    review.resize(1366, 768)
    if show:
        review.show()
        qtbot.waitExposed(review)
    return review


def panels(figure: Figure) -> dict[str, Axes]:
    """The finger panels of the ulcer figure, by finger ("R-D2")."""
    found = {}
    for ax in figure.axes:
        gid = ax.get_gid()
        if isinstance(gid, str) and gid.startswith("finger:"):
            found[gid.removeprefix("finger:")] = ax
    return found


def floats(values: object) -> list[float]:
    """A line's x or y data (an array) as plain floats."""
    return [float(v) for v in cast("Iterable[float]", values)]


def plotted(ax: Axes, prefix: str) -> dict[str, list[tuple[float, float]]]:
    """The (x, y) data of the axes' lines whose gid starts with ``prefix``, by ulcer key."""
    out = {}
    for line in ax.get_lines():
        gid = line.get_gid()
        if isinstance(gid, str) and gid.startswith(prefix):
            xs, ys = line.get_data(orig=True)
            out[gid.removeprefix(prefix)] = list(zip(floats(xs), floats(ys), strict=True))
    return out


# --- one patient ----------------------------------------------------------------------------------


def test_one_panel_per_finger_with_each_ulcers_area_over_days(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    example = patient_a(study_users)
    keys = example.keys
    review = make_review(qtbot, study_users)
    review.show_patient(example.course.patient_id)

    figure = review.figure()
    assert figure is not None
    canvas = review.chart.canvas()
    assert canvas is not None
    assert canvas.isVisible()
    assert canvas.figure is figure
    by_finger = panels(figure)
    assert sorted(by_finger) == ["L-D2", "L-D3", "R-D2"]
    area = ellipse_area
    assert plotted(by_finger["R-D2"], "ulcer:") == {
        keys[R2_TIP]: [(0.0, area(6, 4)), (7.0, area(5, 4)), (28.0, 0.0)]
    }
    assert plotted(by_finger["L-D3"], "ulcer:") == {keys[L3_PIP]: [(0.0, area(3, 2)), (7.0, 0.0)]}
    assert plotted(by_finger["L-D2"], "ulcer:") == {keys[L2_TIP]: [(7.0, area(4, 3)), (28.0, 3.14)]}
    # healed points are marked
    assert plotted(by_finger["R-D2"], "healed:") == {keys[R2_TIP]: [(28.0, 0.0)]}
    assert plotted(by_finger["L-D3"], "healed:") == {keys[L3_PIP]: [(7.0, 0.0)]}
    assert plotted(by_finger["L-D2"], "healed:") == {}
    # visit names as ticks, at the days since injection (on the panels with an x axis shown)
    bottom = [a for a in by_finger.values() if a.xaxis.get_visible()]
    assert bottom
    for ax in bottom:
        assert floats(ax.get_xticks()) == [0.0, 7.0, 28.0]
        texts = [t.get_text() for t in ax.get_xticklabels()]
        assert texts == [v.tick("en") for v in review.chart_visits()]
        assert texts[0].startswith("Injection")
        assert texts[1:] == ["Week 1", "Week 4"]
    # the side panel: total area and mean pain VAS per visit
    side = {ax.get_gid(): ax for ax in figure.axes}
    assert plotted(side["visits:area"], "total-area") == {
        "": [(0.0, 23.56), (7.0, 25.13), (28.0, 3.14)]
    }
    assert plotted(side["visits:pain"], "pain") == {"": [(0.0, 40.0), (7.0, 25.0), (28.0, 10.0)]}
    # the chart's records say the same as the service's history
    assert [u.key for u in review.chart_ulcers()] == sorted(keys.values(), key=lambda k: int(k[1:]))
    assert [(v.code, v.day) for v in review.chart_visits()] == [
        ("injection", 0),
        ("week1", 7),
        ("week4", 28),
    ]


def test_the_table_shows_active_ulcers_area_and_pain_per_visit(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    example = patient_a(study_users)
    review = make_review(qtbot, study_users)
    review.show_patient(example.course.patient_id)

    model = review.summary_model
    assert model.visit_codes() == ["injection", "week1", "week4"]
    rows = {m: [model.text(m, v) for v in model.visit_codes()] for m in MEASURES}
    assert rows == {
        "active": ["2", "2", "1"],
        "healed": ["0", "1", "1"],
        "total_area_mm2": ["23.56", "25.13", "3.14"],
        "mean_pain_vas": ["40.0", "25.0", "10.0"],
    }
    header = model.headerData(2, Qt.Orientation.Horizontal)
    assert isinstance(header, str)
    assert "Week 4" in header
    assert WEEK4.isoformat() in header
    assert "28" in header


def test_compare_visits_shows_each_visits_map(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    example = patient_a(study_users)
    course, keys = example.course, example.keys
    review = make_review(qtbot, study_users)
    review.show_patient(course.patient_id)
    review.show_compare()

    # default: the injection against the latest visit with a map
    left, right = review.compared()
    assert (left.visit_id, right.visit_id) == (
        course.visits["injection"].id,
        course.visits["week4"].id,
    )
    assert {(m.key, m.place, m.status) for m in left.state.marks} == {
        (keys[R2_TIP], R2_TIP, "active"),
        (keys[L3_PIP], L3_PIP, "active"),
    }
    assert {(m.key, m.status) for m in right.state.marks} == {
        (keys[R2_TIP], "healed"),
        (keys[L2_TIP], "active"),
    }
    assert right.state == course.map("week4")
    assert review.right.map.state() == right.state
    assert "1 active" in review.right.counts.text()
    # the list under the map numbers the ulcers as the map does
    rows = review.right.model.row_texts()
    number = {m.key: str(right.state.number_of(m.key)) for m in right.state.marks}
    charted = {u.key: str(n) for n, u in enumerate(review.chart_ulcers(), start=1)}
    r2, l2 = keys[R2_TIP], keys[L2_TIP]
    assert sorted(rows) == sorted(
        [
            [number[r2], charted[r2], "Right D2, fingertip", "healed", "—", "—", "—", ""],
            [number[l2], charted[l2], "Left D2, fingertip", "active", "2 × 2", "3.14", "10", ""],
        ]
    )
    # selecting a row highlights that ulcer on the map; clicking an ulcer selects its row
    review.right.list.selectRow(0)
    assert review.right.map.selected() == right.state.marks[0].key
    second = right.state.marks[1].key
    centre = review.right.map.mark_center(second)
    assert centre is not None
    qtbot.mouseClick(  # type: ignore[no-untyped-call]
        review.right.map, Qt.MouseButton.LeftButton, pos=centre
    )
    assert review.right.list.currentIndex().row() == 1
    assert review.right.map.selected() == second

    # choose week 1 on the right with the keyboard: the map follows
    combo = review.right.combo
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # type: ignore[no-untyped-call]
    _left, right = review.compared()
    assert right.visit_id == course.visits["week1"].id
    assert {(m.key, m.status) for m in right.state.marks} == {
        (keys[R2_TIP], "active"),
        (keys[L3_PIP], "healed"),
        (keys[L2_TIP], "new"),
    }
    # the maps are read-only and show the same view
    assert not review.left.map._enabled_edit  # no public getter
    review.left.map.set_view_mode("dorsal")
    assert review.right.map.view_mode() == "dorsal"

    review.compare(course.visits["week1"].id, course.visits["injection"].id)
    left, right = review.compared()
    assert (left.visit_id, right.visit_id) == (
        course.visits["week1"].id,
        course.visits["injection"].id,
    )


def test_the_chart_is_drawn_only_when_shown(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    example = patient_a(study_users)
    review = make_review(qtbot, study_users, show=False)
    review.show_patient(example.course.patient_id)
    assert review.figure() is None
    assert review.chart.is_pending()
    # the table needs no figure
    assert review.summary_model.text("active", "week1") == "2"

    review.show_compare()
    review.show()
    qtbot.waitExposed(review)
    assert review.figure() is None  # the Charts tab is not on screen yet

    review.show_charts()
    qtbot.waitUntil(lambda: review.figure() is not None)
    assert not review.chart.is_pending()
    canvas = review.chart.canvas()
    assert canvas is not None
    assert canvas.isVisible()

    # the same records keep the figure; a change draws a new one at once (the tab is shown)
    first = review.figure()
    review.refresh()
    assert review.figure() is first
    course = example.course
    week4 = course.map("week4")
    nurse = study_users.users["nurse"]
    changed = MapState(marks=(*week4.marks, ulcer("n1", L1_TIP, "new", (3, 3))))
    ulcers.save_visit_map(study_users.study, nurse, course.visits["week4"].id, changed, today=TODAY)
    review.refresh()
    second = review.figure()
    assert second is not None
    assert second is not first
    assert "L-D1" in panels(second)


def test_a_patient_without_maps_shows_a_note_and_no_chart(
    qtbot: QtBot, study_users: StudyWithUsers
) -> None:
    course = enrolled(study_users, "H1000003", {"injection": INJECTED})
    review = make_review(qtbot, study_users)
    review.show_patient(course.patient_id)
    assert review.empty_label.isVisible()
    assert review.figure() is None
    assert review.summary_model.columnCount() == 0
    left, right = review.compared()
    assert (left.visit_id, right.visit_id) == (None, None)
    assert left.state.marks == ()


def test_without_view_data_the_refusal_is_shown(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    example = patient_a(study_users)
    review = UlcerReview(UiContext(study_users.study, study_users.users["admin"], "en"))
    qtbot.addWidget(review)
    review.show()
    review.show_patient(example.course.patient_id)
    assert review.error_code() == "permission_denied"
    assert review.figure() is None


def test_dutch_chart_and_headers(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    example = patient_a(study_users)
    review = make_review(qtbot, study_users, "nl")
    review.show_patient(example.course.patient_id)
    figure = review.figure()
    assert figure is not None
    assert "Digitale ulcera per vinger" in figure.get_suptitle()
    header = review.summary_model.headerData(0, Qt.Orientation.Horizontal)
    assert isinstance(header, str)
    assert header.startswith("Injectie (baseline)")


def test_the_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, study_users: StudyWithUsers
) -> None:
    example = patient_a(study_users)
    patient_b(study_users)
    review = make_review(qtbot, study_users)
    review.show_patient(example.course.patient_id)
    qtmodeltester.check(review.summary_model)  # type: ignore[no-untyped-call]
    overview = StudyUlcerOverview(UiContext(study_users.study, study_users.users["monitor"], "en"))
    qtbot.addWidget(overview)
    overview.refresh()
    qtmodeltester.check(overview.model)  # type: ignore[no-untyped-call]


# --- the study ----------------------------------------------------------------------------------


def test_the_study_overview_sums_across_patients(qtbot: QtBot, study_users: StudyWithUsers) -> None:
    patient_a(study_users)
    patient_b(study_users)
    overview = StudyUlcerOverview(UiContext(study_users.study, study_users.users["monitor"], "en"))
    qtbot.addWidget(overview)
    overview.resize(1366, 768)
    overview.refresh()
    assert overview.figure() is None  # not on screen yet
    overview.show()
    qtbot.waitExposed(overview)

    model = overview.model
    codes = [row.visit_code for row in model.rows()]
    assert codes[:3] == ["injection", "week1", "week4"]
    table = {
        code: [model.text(code, c) for c in ("patients", "patients_with_active", "active")]
        + [model.text(code, "total_area_mm2")]
        for code in ("injection", "week1", "week4", "week12")
    }
    a_inj, a_w1, a_w4 = 18.85 + 4.71, 15.71 + 9.42, 3.14
    b_inj, b_w1 = ellipse_area(10, 8), ellipse_area(8, 6)
    assert table == {
        "injection": ["2", "2", "3", f"{a_inj + b_inj:.2f}"],
        "week1": ["2", "2", "3", f"{a_w1 + b_w1:.2f}"],
        "week4": ["1", "1", "1", f"{a_w4:.2f}"],
        "week12": ["0", "0", "0", "0.00"],
    }
    assert model.data(model.index(0, 0)) == "Injection (baseline)"

    figure = overview.figure()
    assert figure is not None
    by_gid = {ax.get_gid(): ax for ax in figure.axes}
    from matplotlib.patches import Rectangle

    bars = [p.get_height() for p in by_gid["study:active"].patches if isinstance(p, Rectangle)]
    assert bars[:4] == [3, 3, 1, 0]
    (line,) = [ln for ln in by_gid["study:area"].get_lines() if ln.get_gid() == "total-area"]
    ys = floats(line.get_ydata())
    assert ys[:3] == pytest.approx([a_inj + b_inj, a_w1 + b_w1, a_w4], abs=0.011)
    assert [t.code for t in overview.totals()] == codes

    # a third patient's map shows after refresh()
    third = enrolled(study_users, "H1000004", {"injection": INJECTED})
    third.save("injection", MapState(marks=(ulcer("n1", R2_TIP, "active", (2, 1)),)))
    overview.refresh()
    assert model.text("injection", "active") == "4"
    assert model.text("injection", "patients") == "3"


# --- staying light ---------------------------------------------------------------------------


def test_importing_the_review_does_not_import_matplotlib() -> None:
    code = (
        "import sys, sscvisit.ui.ulcer_review\n"
        "heavy = {m.split('.')[0] for m in sys.modules} & {'matplotlib', 'numpy'}\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_notes_name_depth_flags_and_recurrence() -> None:
    from sscvisit.ui.ulcer_review import mark_notes

    plain = ulcer("u1", R2_TIP, "active", (6, 4))
    assert mark_notes(plain) == ""
    flagged = dataclasses.replace(
        plain, depth="deep", infection=True, gangrene=True, recurrence_of="u0"
    )
    assert mark_notes(flagged) == "deep, infected, gangrene, recurrence"
