"""The hand map geometry: sites per view, hit-testing, mirror symmetry, outlines and labels."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sscvisit.handmap import geometry
from sscvisit.handmap.geometry import Point, Region

ALL_REGIONS = geometry.regions()
ALL_OUTLINES = geometry.outlines()


def region_id(region: Region) -> str:
    return f"{region.hand}-{region.view}-{region.finger}-{region.site}"


def strictly_inside(polygon: Sequence[Point], x: float, y: float, margin: float = 1e-6) -> bool:
    return geometry.polygon_contains(polygon, x, y) and edge_distance(polygon, (x, y)) > margin


def edge_distance(polygon: Sequence[Point], p: Point) -> float:
    best = math.inf
    for a, b in zip((*polygon[-1:], *polygon[:-1]), polygon, strict=True):
        ab = (b[0] - a[0], b[1] - a[1])
        length2 = ab[0] ** 2 + ab[1] ** 2
        t = 0.0 if length2 == 0 else ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / length2
        t = max(0.0, min(1.0, t))
        best = min(best, math.hypot(p[0] - a[0] - t * ab[0], p[1] - a[1] - t * ab[1]))
    return best


def segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """True when segments ab and cd cross at a point inside both (touching ends do not count)."""

    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = orient(c, d, a), orient(c, d, b)
    d3, d4 = orient(a, b, c), orient(a, b, d)
    return d1 * d2 < -1e-9 and d3 * d4 < -1e-9


def is_simple(polygon: Sequence[Point]) -> bool:
    edges = list(zip(polygon, tuple(polygon[1:]) + tuple(polygon[:1]), strict=True))
    n = len(edges)
    for i, j in itertools.combinations(range(n), 2):
        if j in {i + 1, (i - 1) % n} or (i == 0 and j == n - 1):
            continue
        if segments_cross(*edges[i], *edges[j]):
            return False
    return True


def mirror_x(view: str) -> float:
    """x0 + x1 of the view's frame: a point x mirrors to this minus x."""
    x0, _y0, x1, _y1 = geometry.bounds(view)
    return x0 + x1


# --- which sites each view has ------------------------------------------------------------------


def test_each_view_has_exactly_the_sites_of_the_contract() -> None:
    assert dict(geometry.SITES_BY_VIEW) == {
        "volar": ("tip", "volar"),
        "dorsal": ("dorsal_dip", "dorsal_pip", "dorsal_mcp", "other"),
    }
    for view, sites in geometry.SITES_BY_VIEW.items():
        found = {(r.hand, r.finger, r.site) for r in geometry.regions(view)}
        expected = {
            (hand, finger, site)
            for hand in ("L", "R")
            for finger in ("D1", "D2", "D3", "D4", "D5")
            for site in sites
            if not (finger == "D1" and site == "dorsal_pip")  # the thumb has one IP joint
        }
        assert found == expected
        assert all(r.view == view for r in geometry.regions(view))
    assert len(geometry.regions("volar")) == 20
    assert len(geometry.regions("dorsal")) == 38
    assert len(ALL_REGIONS) == 58
    assert len({(r.hand, r.finger, r.site) for r in ALL_REGIONS}) == 58


def test_every_site_code_of_the_scoring_library_is_on_the_map() -> None:
    from sscvisit.scoring.ulcer import SITES

    assert set(geometry.VIEW_OF_SITE) == set(SITES)


def test_region_finds_each_site_and_names_what_is_unknown() -> None:
    for r in ALL_REGIONS:
        assert geometry.region(r.hand, r.finger, r.site) is r
        assert geometry.has_site(r.hand, r.finger, r.site)
    with pytest.raises(KeyError, match=r"D1.*dorsal_pip"):
        geometry.region("L", "D1", "dorsal_pip")
    assert not geometry.has_site("L", "D1", "dorsal_pip")
    with pytest.raises(KeyError, match="hand 'X'"):
        geometry.region("X", "D2", "tip")
    with pytest.raises(KeyError, match="finger 'D6'"):
        geometry.region("R", "D6", "tip")
    with pytest.raises(KeyError, match="site 'nail'"):
        geometry.region("R", "D2", "nail")
    with pytest.raises(KeyError, match="view 'side'"):
        geometry.regions("side")


# --- hit-testing --------------------------------------------------------------------------------


@pytest.mark.parametrize("r", ALL_REGIONS, ids=region_id)
def test_every_anchor_hits_its_own_region(r: Region) -> None:
    assert geometry.hit_test(*r.anchor, r.view) is r
    assert geometry.hit_test(*r.anchor) is r
    other_view = next(v for v in geometry.VIEWS if v != r.view)
    assert geometry.hit_test(*r.anchor, other_view) is None
    # Well inside, so a marker drawn there sits on its site and a click near it still lands.
    assert edge_distance(r.polygon, r.anchor) >= 3.0


@pytest.mark.parametrize("r", ALL_REGIONS, ids=region_id)
def test_every_region_lies_inside_its_hand(r: Region) -> None:
    hand = geometry.outline(r.hand, r.view).polygon
    for a, b in zip(r.polygon, r.polygon[1:] + r.polygon[:1], strict=True):
        assert geometry.polygon_contains(hand, *a, eps=1e-6)
        assert geometry.polygon_contains(hand, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2, eps=1e-6)
    assert strictly_inside(hand, *r.anchor)
    assert is_simple(r.polygon)
    assert r.area > 20.0


def test_outlines_are_simple_and_apart() -> None:
    for o in ALL_OUTLINES:
        assert is_simple(o.polygon)
        for other in ALL_OUTLINES:
            if other is not o:
                assert not any(geometry.polygon_contains(other.polygon, *p) for p in o.polygon)


def box(polygon: Sequence[Point]) -> tuple[float, float, float, float]:
    return (
        min(p[0] for p in polygon),
        min(p[1] for p in polygon),
        max(p[0] for p in polygon),
        max(p[1] for p in polygon),
    )


def grid(area: tuple[float, float, float, float], step: float) -> list[Point]:
    x0, y0, x1, y1 = area
    return [
        (x0 + 0.37 + i * step, y0 + 0.41 + j * step)
        for i in range(int((x1 - x0) / step) + 1)
        for j in range(int((y1 - y0) / step) + 1)
    ]


REGION_BOXES = [(r, box(r.polygon)) for r in ALL_REGIONS]


def regions_strictly_containing(x: float, y: float) -> list[Region]:
    return [
        r
        for r, (x0, y0, x1, y1) in REGION_BOXES
        if x0 <= x <= x1 and y0 <= y <= y1 and strictly_inside(r.polygon, x, y)
    ]


@pytest.mark.parametrize("o", ALL_OUTLINES, ids=lambda o: f"{o.hand}-{o.view}")
def test_regions_do_not_overlap_and_hit_test_agrees(o: geometry.HandOutline) -> None:
    """On a fine grid over each hand, a point is strictly inside at most one region, the hit."""
    for x, y in grid(box(o.polygon), 1.7):
        inside = regions_strictly_containing(x, y)
        assert len(inside) <= 1, (x, y, [region_id(r) for r in inside])
        hit = geometry.hit_test(x, y)
        if inside:
            assert hit is inside[0]
        elif hit is not None:  # then the point is on an edge
            assert edge_distance(hit.polygon, (x, y)) <= 1e-6


def test_points_outside_every_hand_hit_nothing() -> None:
    boxes = [(o.polygon, box(o.polygon)) for o in ALL_OUTLINES]

    def in_a_hand(x: float, y: float) -> bool:
        return any(
            x0 <= x <= x1 and y0 <= y <= y1 and geometry.polygon_contains(polygon, x, y)
            for polygon, (x0, y0, x1, y1) in boxes
        )

    outside = [p for p in grid(geometry.bounds(), 3.0) if not in_a_hand(*p)]
    assert len(outside) > 10_000
    for x, y in outside:
        assert geometry.hit_test(x, y) is None
    x0, y0, x1, y1 = geometry.bounds()
    for p in [(x0, y0), (x1, y1), (-50.0, 100.0), (2000.0, 100.0), (500.0, 160.0)]:
        assert geometry.hit_test(*p) is None
    for view in geometry.VIEWS:
        vx0, vy0, vx1, vy1 = geometry.bounds(view)
        assert geometry.hit_test((vx0 + vx1) / 2, (vy0 + vy1) / 2, view) is None  # between hands


@given(st.floats(-100, 1100), st.floats(-100, 420))
def test_hit_test_answers_a_region_containing_the_point(x: float, y: float) -> None:
    hit = geometry.hit_test(x, y)
    if hit is None:
        assert not regions_strictly_containing(x, y)
    else:
        assert geometry.polygon_contains(hit.polygon, x, y, eps=1e-6)
        assert geometry.polygon_contains(
            geometry.outline(hit.hand, hit.view).polygon, x, y, eps=1e-6
        )


def test_the_volar_palm_and_the_wrist_are_no_site() -> None:
    for hand in ("L", "R"):
        volar = geometry.outline(hand, "volar").polygon
        label_x, _label_y = geometry.label_anchor(hand, "volar")
        ys = [p[1] for p in volar]
        palm = (label_x, max(ys) - 0.45 * (max(ys) - min(ys)))
        assert strictly_inside(volar, *palm)
        assert geometry.hit_test(*palm, "volar") is None
        dorsal = geometry.outline(hand, "dorsal").polygon
        wrist = (geometry.label_anchor(hand, "dorsal")[0], max(p[1] for p in dorsal) - 3)
        assert strictly_inside(dorsal, *wrist)
        assert geometry.hit_test(*wrist, "dorsal") is None


def test_a_point_on_a_shared_edge_goes_to_the_smaller_region() -> None:
    tip = geometry.region("R", "D3", "tip")
    rest = geometry.region("R", "D3", "volar")
    # The tip band runs from the DIP crease round the tip and back: its first and last points
    # are the ends of the crease, which the rest of the finger shares.
    a, b = tip.polygon[0], tip.polygon[-1]
    middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    assert geometry.polygon_contains(rest.polygon, *middle)
    smaller = min((tip, rest), key=lambda r: r.area)
    assert geometry.hit_test(*middle, "volar") is smaller
    assert geometry.hit_test(*middle) is smaller


# --- symmetry and layout ------------------------------------------------------------------------


def close(p: Point, q: Point) -> bool:
    return math.isclose(p[0], q[0], abs_tol=1e-9) and math.isclose(p[1], q[1], abs_tol=1e-9)


@pytest.mark.parametrize("view", geometry.VIEWS)
def test_left_and_right_are_mirror_images_about_the_middle_of_the_view(view: str) -> None:
    m = mirror_x(view)
    for right in geometry.regions(view):
        if right.hand != "R":
            continue
        left = geometry.region("L", right.finger, right.site)
        assert len(left.polygon) == len(right.polygon)
        for p, q in zip(right.polygon, left.polygon, strict=True):
            assert close((m - p[0], p[1]), q)
        assert close((m - right.anchor[0], right.anchor[1]), left.anchor)
    r_outline, l_outline = geometry.outline("R", view), geometry.outline("L", view)
    for p, q in zip(r_outline.polygon, l_outline.polygon, strict=True):
        assert close((m - p[0], p[1]), q)
    for line_r, line_l in zip(r_outline.lines, l_outline.lines, strict=True):
        for p, q in zip(line_r, line_l, strict=True):
            assert close((m - p[0], p[1]), q)
    lx, ly = geometry.label_anchor("L", view)
    rx, ry = geometry.label_anchor("R", view)
    assert math.isclose(lx + rx, m)
    assert math.isclose(ly, ry)
    for finger in geometry.FINGERS:
        lx, ly = geometry.finger_label_anchor("L", view, finger)
        rx, ry = geometry.finger_label_anchor("R", view, finger)
        assert math.isclose(lx + rx, m)
        assert math.isclose(ly, ry)


@pytest.mark.parametrize("hand", ["L", "R"])
def test_the_dorsal_view_of_a_hand_mirrors_its_volar_view(hand: str) -> None:
    volar = geometry.outline(hand, "volar").polygon
    dorsal = geometry.outline(hand, "dorsal").polygon
    sums = {round(p[0] + q[0], 9) for p, q in zip(volar, dorsal, strict=True)}
    assert len(sums) == 1
    assert all(math.isclose(p[1], q[1]) for p, q in zip(volar, dorsal, strict=True))


def tip_x(hand: str, view: str, finger: str) -> float:
    return geometry.finger_label_anchor(hand, view, finger)[0]


def test_the_hands_are_seen_by_the_examiner_facing_the_patient() -> None:
    """Right hand on the left of each view; thumbs to the middle (volar) or outwards (dorsal)."""
    for view in geometry.VIEWS:
        x0, _y0, x1, _y1 = geometry.bounds(view)
        middle = (x0 + x1) / 2
        assert max(p[0] for p in geometry.outline("R", view).polygon) < middle
        assert min(p[0] for p in geometry.outline("L", view).polygon) > middle
    # Right hand, volar: little finger at the left, thumb at the right (towards the middle).
    order = sorted(geometry.FINGERS, key=lambda f: tip_x("R", "volar", f))
    assert order == ["D5", "D4", "D3", "D2", "D1"]
    order = sorted(geometry.FINGERS, key=lambda f: tip_x("R", "dorsal", f))
    assert order == ["D1", "D2", "D3", "D4", "D5"]
    order = sorted(geometry.FINGERS, key=lambda f: tip_x("L", "volar", f))
    assert order == ["D1", "D2", "D3", "D4", "D5"]


def test_finger_proportions_are_those_of_a_hand() -> None:
    for view in geometry.VIEWS:
        for hand in ("L", "R"):
            top = {f: geometry.finger_label_anchor(hand, view, f)[1] for f in geometry.FINGERS}
            # The middle finger reaches highest, then the ring and index, then the little finger;
            # the thumb, set low on the hand, ends lowest.
            assert top["D3"] < min(top["D2"], top["D4"])
            assert max(top["D2"], top["D4"]) < top["D5"] < top["D1"]
            # The thumb is angled: its tip lies well to the side of its base.
            thumb = [r for r in geometry.regions(view) if r.hand == hand and r.finger == "D1"]
            xs = [p[0] for r in thumb for p in r.polygon]
            assert max(xs) - min(xs) > 30
            # Fingers have three segments' worth of sites, the thumb two (dorsal view).
            if view == "dorsal":
                assert len([r for r in thumb if r.site != "other"]) == 2


def test_bounds_hold_the_views_their_outlines_and_labels() -> None:
    whole = geometry.bounds()
    assert whole == geometry.DRAWING_BOUNDS
    volar, dorsal = geometry.bounds("volar"), geometry.bounds("dorsal")
    assert volar[2] < dorsal[0]  # side by side, apart
    for view, (x0, y0, x1, y1) in (("volar", volar), ("dorsal", dorsal)):
        assert whole[0] <= x0 < x1 <= whole[2]
        assert whole[1] <= y0 < y1 <= whole[3]
        points: list[Point] = []
        for hand in ("L", "R"):
            points += geometry.outline(hand, view).polygon
            points.append(geometry.label_anchor(hand, view))
            points += [geometry.finger_label_anchor(hand, view, f) for f in geometry.FINGERS]
        assert all(x0 + 5 <= x <= x1 - 5 and y0 + 5 <= y <= y1 - 5 for x, y in points)


def test_label_anchors_sit_outside_the_hand_next_to_what_they_name() -> None:
    for o in ALL_OUTLINES:
        x, y = geometry.label_anchor(o.hand, o.view)
        assert y > max(p[1] for p in o.polygon)  # below the wrist
        xs = [p[0] for p in o.polygon]
        assert min(xs) < x < max(xs)
        for finger in geometry.FINGERS:
            fx, fy = geometry.finger_label_anchor(o.hand, o.view, finger)
            assert not geometry.polygon_contains(o.polygon, fx, fy)
            mine = [r for r in geometry.regions(o.view) if r.hand == o.hand]
            nearest = min(mine, key=lambda r: edge_distance(r.polygon, (fx, fy)))
            assert nearest.finger == finger
            assert edge_distance(nearest.polygon, (fx, fy)) < 15


def test_outline_lines_lie_inside_the_hand() -> None:
    for o in ALL_OUTLINES:
        assert o.lines
        for line in o.lines:
            assert all(geometry.polygon_contains(o.polygon, *p) for p in line)
