"""Both hands, volar and dorsal, as plain polygons: the ulcer map's geometry.

The same data draws the map on screen (sscvisit.ui) and, later, in the PDF casebook, and answers
"which finger and site is at this point" (:func:`hit_test`). It is pure Python: no Qt, no database.

Coordinates
    One coordinate system for all four hand views, x to the right and y DOWN (screen
    convention), in units of about 0.8 mm of a real hand. The whole drawing is 0..1000 x 0..320:
    the volar view fills x 0..480, the dorsal view x 520..1000 (see :func:`bounds`). A widget
    scales :func:`bounds` of the views it shows into its own rectangle.

How the hands are seen
    As by the examiner facing the patient, who holds both hands up, fingers pointing up. So in
    both views the patient's RIGHT hand is on the LEFT of the picture. Volar view: palms towards
    the examiner, so the thumbs point to the middle of the view. Dorsal view: backs of the hands
    towards the examiner, so the thumbs point outwards. Each hand is one drawing, mirrored as
    needed: left and right are mirror images about the middle of a view, and a hand's dorsal view
    is the mirror image of its volar view.

Sites (DOMAIN.md "Digital ulcers and the per-finger map"; codes from sscvisit.scoring.ulcer)
    Volar view: ``tip`` (fingertip / volar pad: the distal segment up to the DIP crease) and
    ``volar`` (the rest of the finger's volar side: middle and proximal segments). Dorsal view:
    ``dorsal_dip``, ``dorsal_pip``, ``dorsal_mcp`` (bands around each joint; the MCP band reaches
    over the knuckle onto the back of the hand) and ``other`` (the back of the hand behind that
    finger: each finger owns one ray of the back of the hand, so every region names a finger).
    The palm in the volar view and the wrist are drawn but are no site.
    The thumb (D1) has two phalanges, so one interphalangeal (IP) joint and the MCP joint:
    ``dorsal_dip`` of D1 is the band over the thumb's IP joint and D1 has no ``dorsal_pip``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from sscvisit.scoring.ulcer import FINGERS, HANDS

__all__ = [
    "DRAWING_BOUNDS",
    "FINGERS",
    "HANDS",
    "SITES_BY_VIEW",
    "VIEWS",
    "VIEW_OF_SITE",
    "HandOutline",
    "Point",
    "Polygon",
    "Region",
    "bounds",
    "finger_label_anchor",
    "has_site",
    "hit_test",
    "label_anchor",
    "outline",
    "outlines",
    "polygon_area",
    "polygon_contains",
    "region",
    "regions",
]

Point = tuple[float, float]
Polygon = tuple[Point, ...]

VIEWS: tuple[str, ...] = ("volar", "dorsal")
"""The two views of each hand, in drawing order (volar left, dorsal right)."""

SITES_BY_VIEW: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "volar": ("tip", "volar"),
        "dorsal": ("dorsal_dip", "dorsal_pip", "dorsal_mcp", "other"),
    }
)
"""The site codes each view shows (D1 has no ``dorsal_pip``: see the module docstring)."""

VIEW_OF_SITE: Mapping[str, str] = MappingProxyType(
    {site: view for view, sites in SITES_BY_VIEW.items() for site in sites}
)
"""The one view in which a site is drawn."""

_THUMB_WITHOUT: frozenset[str] = frozenset({"dorsal_pip"})

DRAWING_BOUNDS: tuple[float, float, float, float] = (0.0, 0.0, 1000.0, 320.0)
"""The whole drawing: both views, with room for the finger and hand labels."""

_VIEW_FRAMES: Mapping[str, tuple[float, float, float, float]] = MappingProxyType(
    {"volar": (0.0, 0.0, 480.0, 320.0), "dorsal": (520.0, 0.0, 1000.0, 320.0)}
)
_LABEL_ROOM = 30.0  # above the highest fingertip and below the wrist, for the labels
_FINGER_LABEL_GAP = 9.0  # template units beyond a fingertip
_HAND_LABEL_GAP = 12.0  # drawing units below the wrist


# --- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    """One clickable site of one finger of one hand in one view.

    ``anchor`` is a point well inside the polygon where an ulcer at this site is drawn (over the
    joint for the dorsal sites, on the pad for ``tip``).
    """

    hand: str
    view: str
    finger: str
    site: str
    polygon: Polygon
    anchor: Point

    @property
    def area(self) -> float:
        """The polygon's area in drawing units squared (what :func:`hit_test` ranks by)."""
        return polygon_area(self.polygon)


@dataclass(frozen=True)
class HandOutline:
    """The outline of one hand in one view, plus drawing details that are no site.

    ``lines`` are open polylines drawn inside the hand to make it read as a hand: finger and palm
    creases in the volar view, nails and knuckle folds in the dorsal view (a closed shape repeats
    its first point at the end).
    """

    hand: str
    view: str
    polygon: Polygon
    lines: tuple[Polygon, ...] = ()


# --- plane geometry -----------------------------------------------------------------------------


def _add(p: Point, q: Point, k: float = 1.0) -> Point:
    return (p[0] + k * q[0], p[1] + k * q[1])


def _dot(p: Point, q: Point) -> float:
    return p[0] * q[0] + p[1] * q[1]


def _sub(p: Point, q: Point) -> Point:
    return (p[0] - q[0], p[1] - q[1])


def polygon_area(polygon: Sequence[Point]) -> float:
    """The area of a simple polygon (shoelace formula), whatever its orientation."""
    total = 0.0
    for i, (x1, y1) in enumerate(polygon):
        x0, y0 = polygon[i - 1]
        total += x0 * y1 - x1 * y0
    return abs(total) / 2


def _on_segment(p: Point, a: Point, b: Point, eps: float) -> bool:
    ab = _sub(b, a)
    ap = _sub(p, a)
    length2 = _dot(ab, ab)
    if length2 == 0:
        return _dot(ap, ap) <= eps * eps
    t = max(0.0, min(1.0, _dot(ap, ab) / length2))
    closest = _add(a, ab, t)
    d = _sub(p, closest)
    return _dot(d, d) <= eps * eps


def polygon_contains(polygon: Sequence[Point], x: float, y: float, *, eps: float = 1e-9) -> bool:
    """True when (x, y) is inside the polygon or on its edge (within ``eps``)."""
    inside = False
    n = len(polygon)
    for i in range(n):
        a = polygon[i - 1]
        b = polygon[i]
        if _on_segment((x, y), a, b, eps):
            return True
        if (a[1] > y) != (b[1] > y):
            cross_x = a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if x < cross_x:
                inside = not inside
    return inside


def _clip(polygon: Sequence[Point], origin: Point, normal: Point) -> Polygon:
    """The part of the polygon where (p - origin) . normal >= 0 (Sutherland-Hodgman, one edge).

    Vertices that are kept are kept as the very same tuples, so a later step can find them.
    """

    def side(p: Point) -> float:
        return _dot(_sub(p, origin), normal)

    out: list[Point] = []
    for i, current in enumerate(polygon):
        previous = polygon[i - 1]
        fc, fp = side(current), side(previous)
        if fc >= 0:
            if fp < 0 < fc:
                out.append(_add(previous, _sub(current, previous), fp / (fp - fc)))
            out.append(current)
        elif fp > 0:
            out.append(_add(previous, _sub(current, previous), fp / (fp - fc)))
    deduped: list[Point] = []
    for p in out:
        if not deduped or p != deduped[-1]:
            deduped.append(p)
    if len(deduped) > 1 and deduped[0] == deduped[-1]:
        deduped.pop()
    return tuple(deduped)


def _interior_point(polygon: Polygon, preferred: Point | None = None) -> Point:
    """A point well inside the polygon: the preferred one, the centroid, or a chord's middle."""
    candidates: list[Point] = []
    if preferred is not None:
        candidates.append(preferred)
    candidates.append(_centroid(polygon))
    for p in candidates:
        if polygon_contains(polygon, p[0], p[1]) and _edge_distance(polygon, p) > 2.0:
            return p
    # The middle of the widest horizontal chord through the centroid's height.
    y = candidates[-1][1]
    xs = sorted(
        a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
        for a, b in zip(polygon[-1:] + polygon[:-1], polygon, strict=True)
        if (a[1] > y) != (b[1] > y)
    )
    chords = [(xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2) for i in range(0, len(xs) - 1, 2)]
    return (max(chords)[1], y)


def _centroid(polygon: Polygon) -> Point:
    area2 = 0.0
    cx = cy = 0.0
    for i, (x1, y1) in enumerate(polygon):
        x0, y0 = polygon[i - 1]
        cross = x0 * y1 - x1 * y0
        area2 += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area2 == 0:
        n = len(polygon)
        return (sum(p[0] for p in polygon) / n, sum(p[1] for p in polygon) / n)
    return (cx / (3 * area2), cy / (3 * area2))


def _edge_distance(polygon: Polygon, p: Point) -> float:
    best = math.inf
    for i, b in enumerate(polygon):
        a = polygon[i - 1]
        ab = _sub(b, a)
        length2 = _dot(ab, ab)
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, _dot(_sub(p, a), ab) / length2))
        d = _sub(p, _add(a, ab, t))
        best = min(best, math.hypot(*d))
    return best


# --- one hand, drawn once: the right hand seen from the palm, thumb towards +x ----------------
# Template units are about 1 mm; y is down, the middle finger's base is at y = 0, the wrist
# crease at y = 112.


@dataclass(frozen=True)
class _Digit:
    """A finger or the thumb: two straight sides, a round tip, a base on the palm's edge.

    Distances along the digit (``a``) are measured from the tip towards the base.
    """

    finger: str
    tip: Point  # the outermost point of the fingertip
    d: Point  # unit vector from base to tip
    n: Point  # unit normal: the "plus" side
    r: float  # half the width
    base_minus: Point  # base corner on the minus side
    base_plus: Point  # base corner on the plus side

    def axis(self, a: float) -> Point:
        return _add(self.tip, self.d, -a)

    def side(self, sign: float, a: float) -> Point:
        """The point of the minus (sign -1) or plus side at distance a (>= r) from the tip.

        A side runs straight from where the round tip ends to its base corner, so a digit may
        taper (the thumb does).
        """
        start = _add(self.axis(self.r), self.n, sign * self.r)
        base = self.base_plus if sign > 0 else self.base_minus
        t = (a - self.r) / (self.depth(base) - self.r)
        return _add(start, _sub(base, start), t)

    def depth(self, p: Point) -> float:
        """How far p lies from the tip, along the digit."""
        return _dot(_sub(self.tip, p), self.d)

    @property
    def length(self) -> float:
        """From the tip to the middle of the base."""
        return (self.depth(self.base_minus) + self.depth(self.base_plus)) / 2

    @property
    def shortest_side(self) -> float:
        return min(self.depth(self.base_minus), self.depth(self.base_plus))

    def cap(self, steps: int = 10) -> list[Point]:
        centre = self.axis(self.r)
        points = []
        for i in range(steps + 1):
            phi = math.pi * (1 - i / steps)
            offset = _add(
                (self.n[0] * math.cos(phi), self.n[1] * math.cos(phi)), self.d, math.sin(phi)
            )
            points.append(_add(centre, offset, self.r))
        return points

    def band(self, a1: float, a2: float | None) -> Polygon:
        """The part of the digit between a1 and a2 from the tip (a2 None: down to the base).

        Traced base_minus side first, so the outline of the whole digit is ``band(0, None)``
        from base_minus round the tip to base_plus.
        """
        low_minus = self.base_minus if a2 is None else self.side(-1, a2)
        low_plus = self.base_plus if a2 is None else self.side(1, a2)
        if a1 == 0:
            return (low_minus, *self.cap(), low_plus)
        return (low_minus, self.side(-1, a1), self.side(1, a1), low_plus)


def _finger(finger: str, base: Point, degrees: float, width: float, length: float) -> _Digit:
    theta = math.radians(degrees)
    d = (math.sin(theta), -math.cos(theta))
    n = (math.cos(theta), math.sin(theta))
    r = width / 2
    return _Digit(
        finger=finger,
        tip=_add(base, d, length),
        d=d,
        n=n,
        r=r,
        base_minus=_add(base, n, -r),
        base_plus=_add(base, n, r),
    )


def _thumb(
    web: Point, degrees: float, width: float, inner: float, base_width: float, setback: float
) -> _Digit:
    """The thumb from its web corner, tapering from ``base_width`` to ``width`` at the tip.

    Its inner side runs ``inner`` units straight from the web to the round tip; its outer base
    corner lies ``setback`` further back, where the thumb meets the thenar eminence.
    """
    theta = math.radians(degrees)
    d = (math.sin(theta), -math.cos(theta))
    n = (math.cos(theta), math.sin(theta))
    r = width / 2
    return _Digit(
        finger="D1",
        tip=_add(_add(web, d, inner + r), n, r),
        d=d,
        n=n,
        r=r,
        base_minus=web,
        base_plus=_add(_add(web, n, base_width), d, -setback),
    )


# Finger proportions (fractions of the finger's length from the tip): the DIP and PIP creases on
# the volar side; on the dorsal side the joints, the MCP joint lying under the knuckle, behind
# the finger's base.
_DIP = 0.28
_PIP = 0.60
_MCP_BEHIND = 12.0  # template units behind the finger's base
_KNUCKLE = 24.0  # how far the MCP band reaches onto the back of the hand
_THUMB_IP = 27.0  # thumb IP crease / joint, from the tip
_THUMB_DIP_BAND = 40.0  # the thumb's dorsal IP band reaches this far from the tip


@dataclass(frozen=True)
class _Template:
    digits: Mapping[str, _Digit]
    palm: Polygon
    outline: Polygon
    dividers: tuple[tuple[Point, Point], ...]  # top -> bottom, between D5|D4, D4|D3, D3|D2, D2|D1
    wrist: tuple[Point, Point]
    stub_bottom: float


def _build_template() -> _Template:
    d5 = _finger("D5", (12.0, 14.0), -10.0, 15.0, 54.0)
    d4 = _finger("D4", (32.0, 3.0), -4.0, 17.0, 70.0)
    d3 = _finger("D3", (52.0, 0.0), 0.0, 18.0, 78.0)
    d2 = _finger("D2", (72.0, 4.0), 5.0, 17.5, 70.0)
    d1 = _thumb((83.0, 50.0), 36.0, 20.0, 44.0, 27.0, 14.0)
    ulnar_edge: tuple[Point, ...] = (
        (14.0, 112.0),
        (8.0, 104.0),
        (3.0, 88.0),
        (1.0, 66.0),
        (1.5, 44.0),
        (3.0, 28.0),
    )
    radial_edge: tuple[Point, ...] = ((82.5, 20.0), (83.2, 34.0))
    thenar_edge: tuple[Point, ...] = ((95.5, 88.0), (91.0, 98.0), (82.0, 106.5), (71.0, 112.0))
    fingers = (d5, d4, d3, d2)
    top: list[Point] = []
    for digit in fingers:
        top += [digit.base_minus, digit.base_plus]
    palm: Polygon = (*ulnar_edge, *top, *radial_edge, d1.base_minus, d1.base_plus, *thenar_edge)
    outline_points: list[Point] = [(15.0, 126.0), *ulnar_edge]
    for digit in fingers:
        outline_points += digit.band(0, None)
    outline_points += radial_edge
    outline_points += d1.band(0, None)
    outline_points += [*thenar_edge, (70.0, 126.0)]
    tops = [
        _add(a.base_plus, _sub(b.base_minus, a.base_plus), 0.5)
        for a, b in itertools.pairwise(fingers)
    ]
    bottoms = [(28.0, 112.0), (41.0, 112.0), (54.0, 112.0), (64.0, 112.0)]
    dividers = tuple(zip([*tops, d1.base_minus], bottoms, strict=True))
    return _Template(
        digits={digit.finger: digit for digit in (d1, *fingers)},
        palm=palm,
        outline=tuple(outline_points),
        dividers=dividers,
        wrist=((14.0, 112.0), (71.0, 112.0)),
        stub_bottom=126.0,
    )


def _keep_side(line: tuple[Point, Point], right: bool) -> tuple[Point, Point]:
    """Origin and normal of the half plane right (larger x) or left of a top-to-bottom line."""
    top, bottom = line
    v = _sub(bottom, top)
    normal = (v[1], -v[0]) if right else (-v[1], v[0])
    return top, normal


def _ray(template: _Template, finger: str) -> Polygon:
    """The part of the palm (back of the hand) behind one finger."""
    order = ("D5", "D4", "D3", "D2", "D1")
    k = order.index(finger)
    part = template.palm
    if k > 0:
        part = _clip(part, *_keep_side(template.dividers[k - 1], right=True))
    if k < len(template.dividers):
        part = _clip(part, *_keep_side(template.dividers[k], right=False))
    return part


def _with_band(knuckle: Polygon, digit: _Digit, band: Polygon) -> Polygon:
    """The knuckle area and the finger band on it, as one polygon (they share the finger's base)."""
    inner = list(band[1:-1])
    n = len(knuckle)
    for i in range(n):
        a, b = knuckle[i], knuckle[(i + 1) % n]
        if (a, b) == (digit.base_minus, digit.base_plus):
            return (*knuckle[: i + 1], *inner, *knuckle[i + 1 :])
        if (a, b) == (digit.base_plus, digit.base_minus):
            return (*knuckle[: i + 1], *reversed(inner), *knuckle[i + 1 :])
    raise AssertionError(f"the base of {digit.finger} is not on the back of the hand")


def _template_regions(template: _Template, view: str) -> list[tuple[str, str, Polygon, Point]]:
    """(finger, site, polygon, anchor) in template units, for the right hand seen palm-side."""
    out: list[tuple[str, str, Polygon, Point]] = []
    for finger in FINGERS:
        digit = template.digits[finger]
        thumb = finger == "D1"
        length = digit.length
        if view == "volar":
            crease = _THUMB_IP if thumb else _DIP * length
            out.append((finger, "tip", digit.band(0, crease), digit.axis(crease * 0.5)))
            middle = (crease + digit.shortest_side) / 2
            out.append((finger, "volar", digit.band(crease, None), digit.axis(middle)))
            continue
        ray = _ray(template, finger)
        if thumb:
            out.append(
                (finger, "dorsal_dip", digit.band(0, _THUMB_DIP_BAND), digit.axis(_THUMB_IP))
            )
            mcp_anchor = digit.axis((_THUMB_DIP_BAND + digit.shortest_side) / 2)
            out.append((finger, "dorsal_mcp", digit.band(_THUMB_DIP_BAND, None), mcp_anchor))
            out.append((finger, "other", ray, _interior_point(ray)))
            continue
        dip, pip, mcp = _DIP * length, _PIP * length, length + _MCP_BEHIND
        dip_pip, pip_mcp = (dip + pip) / 2, (pip + mcp) / 2
        out.append((finger, "dorsal_dip", digit.band(0, dip_pip), digit.axis(dip)))
        out.append((finger, "dorsal_pip", digit.band(dip_pip, pip_mcp), digit.axis(pip)))
        cut = digit.axis(length + _KNUCKLE)
        knuckle = _clip(ray, cut, digit.d)
        mcp_polygon = _with_band(knuckle, digit, digit.band(pip_mcp, None))
        out.append((finger, "dorsal_mcp", mcp_polygon, digit.axis(mcp)))
        back = _clip(ray, cut, (-digit.d[0], -digit.d[1]))
        preferred = digit.axis(length + _KNUCKLE + 28.0)
        out.append((finger, "other", back, _interior_point(back, preferred)))
    return out


def _template_lines(template: _Template, view: str) -> list[Polygon]:
    lines: list[Polygon] = []
    for finger in FINGERS:
        digit = template.digits[finger]
        length = digit.length
        inset = digit.r * 0.15
        if view == "volar":
            creases = (_THUMB_IP,) if finger == "D1" else (_DIP * length, _PIP * length)
            lines += [
                (_add(digit.side(-1, a), digit.n, inset), _add(digit.side(1, a), digit.n, -inset))
                for a in creases
            ]
            continue
        # The nail: a rounded oblong on the distal phalanx.
        half = digit.r * 0.62
        top, bottom = 3.5, (_THUMB_IP if finger == "D1" else _DIP * length) - 4.0
        nail: list[Point] = []
        for i in range(7):
            phi = math.pi * i / 6
            nail.append(
                _add(
                    digit.axis(top + half * (1 - math.sin(phi)) * 0.6),
                    digit.n,
                    -half * math.cos(phi),
                )
            )
        nail += [_add(digit.axis(bottom), digit.n, half), _add(digit.axis(bottom), digit.n, -half)]
        nail.append(nail[0])
        lines.append(tuple(nail))
        # Knuckle folds over the finger's joints (short arcs).
        joints = [_THUMB_IP] if finger == "D1" else [_DIP * length, _PIP * length]
        for a in joints:
            fold = tuple(
                _add(
                    digit.axis(a + 1.6 * math.cos(math.pi * t / 4 - math.pi / 2)),
                    digit.n,
                    digit.r * 0.45 * (t / 2 - 1),
                )
                for t in range(5)
            )
            lines.append(fold)
    if view == "volar":
        lines += [
            ((4.0, 36.0), (20.0, 30.0), (40.0, 24.0), (58.0, 15.0)),  # distal transverse crease
            ((80.0, 42.0), (60.0, 41.0), (38.0, 47.0), (16.0, 60.0)),  # proximal transverse
            ((79.0, 46.0), (70.0, 62.0), (66.0, 80.0), (66.0, 98.0), (63.0, 109.0)),  # thenar
        ]
    else:
        for digit in (template.digits[f] for f in ("D2", "D3", "D4", "D5")):
            # The knuckle's top, where the MCP joint makes the back of the hand bulge.
            centre = digit.axis(digit.length + _MCP_BEHIND)
            lines.append(
                tuple(
                    _add(
                        _add(centre, digit.n, digit.r * 0.6 * math.cos(phi)),
                        digit.d,
                        digit.r * 0.35 * math.sin(phi),
                    )
                    for phi in (math.pi * k / 6 for k in range(7))
                )
            )
    return lines


# --- the four views in one coordinate system -----------------------------------------------------


@dataclass(frozen=True)
class _Placement:
    """Template -> drawing: optional mirror about the template's middle, scale, shift."""

    mirror: bool
    scale: float
    centre_x: float  # template bbox middle
    top_y: float  # template bbox top
    to_x: float
    to_y: float

    def __call__(self, p: Point) -> Point:
        x = 2 * self.centre_x - p[0] if self.mirror else p[0]
        return (
            self.to_x + (x - self.centre_x) * self.scale,
            self.to_y + (p[1] - self.top_y) * self.scale,
        )


def _cell(hand: str, view: str) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = _VIEW_FRAMES[view]
    middle = (x0 + x1) / 2
    return (x0, y0, middle, y1) if hand == "R" else (middle, y0, x1, y1)


@dataclass(frozen=True)
class _Geometry:
    regions: tuple[Region, ...]
    boxes: Mapping[tuple[str, str, str], tuple[float, float, float, float]]  # by_site key
    outlines: Mapping[tuple[str, str], HandOutline]
    by_site: Mapping[tuple[str, str, str], Region]
    labels: Mapping[tuple[str, str], Point]
    finger_labels: Mapping[tuple[str, str, str], Point]


def _box(polygon: Polygon) -> tuple[float, float, float, float]:
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    return (min(xs), min(ys), max(xs), max(ys))


def _build() -> _Geometry:
    template = _build_template()
    xs = [p[0] for p in template.outline]
    ys = [p[1] for p in template.outline]
    t_x0, t_x1, t_y0, t_y1 = min(xs), max(xs), min(ys), max(ys)
    frame_height = DRAWING_BOUNDS[3] - DRAWING_BOUNDS[1]
    scale = (frame_height - 2 * _LABEL_ROOM) / (t_y1 - t_y0)
    # The drawing is the right hand's palm with the thumb towards +x; that is the right hand in
    # the volar view (thumb to the middle) and the left hand in the dorsal view (thumb outwards).
    regions: list[Region] = []
    outlines: dict[tuple[str, str], HandOutline] = {}
    labels: dict[tuple[str, str], Point] = {}
    finger_labels: dict[tuple[str, str, str], Point] = {}
    for view in VIEWS:
        template_regions = _template_regions(template, view)
        template_lines = _template_lines(template, view)
        for hand in ("R", "L"):
            c_x0, _c_y0, c_x1, _c_y1 = _cell(hand, view)
            place = _Placement(
                mirror=(hand == "L") == (view == "volar"),
                scale=scale,
                centre_x=(t_x0 + t_x1) / 2,
                top_y=t_y0,
                to_x=(c_x0 + c_x1) / 2,
                to_y=DRAWING_BOUNDS[1] + _LABEL_ROOM,
            )
            for finger, site, polygon, anchor in template_regions:
                regions.append(
                    Region(hand, view, finger, site, tuple(map(place, polygon)), place(anchor))
                )
            outlines[(hand, view)] = HandOutline(
                hand,
                view,
                tuple(map(place, template.outline)),
                tuple(tuple(map(place, line)) for line in template_lines),
            )
            wrist_middle = _add(template.wrist[0], _sub(template.wrist[1], template.wrist[0]), 0.5)
            x, y = place((wrist_middle[0], template.stub_bottom))
            labels[(hand, view)] = (x, y + _HAND_LABEL_GAP)
            for finger, digit in template.digits.items():
                finger_labels[(hand, view, finger)] = place(digit.axis(-_FINGER_LABEL_GAP))
    order = {view: i for i, view in enumerate(VIEWS)}
    regions.sort(
        key=lambda r: (
            order[r.view],
            HANDS.index(r.hand),
            FINGERS.index(r.finger),
            SITES_BY_VIEW[r.view].index(r.site),
        )
    )
    by_site = {(r.hand, r.finger, r.site): r for r in regions}
    boxes = {key: _box(r.polygon) for key, r in by_site.items()}
    return _Geometry(
        regions=tuple(regions),
        boxes=MappingProxyType(boxes),
        outlines=MappingProxyType(outlines),
        by_site=MappingProxyType(by_site),
        labels=MappingProxyType(labels),
        finger_labels=MappingProxyType(finger_labels),
    )


_GEOMETRY = _build()


# --- the public functions -----------------------------------------------------------------------


def _check_view(view: str | None) -> None:
    if view is not None and view not in VIEWS:
        raise KeyError(f"unknown view {view!r}; expected one of {', '.join(VIEWS)}")


def _check_hand(hand: str) -> None:
    if hand not in HANDS:
        raise KeyError(f"unknown hand {hand!r}; expected one of {', '.join(HANDS)}")


def _check_finger(finger: str) -> None:
    if finger not in FINGERS:
        raise KeyError(f"unknown finger {finger!r}; expected one of {', '.join(FINGERS)}")


def regions(view: str | None = None) -> tuple[Region, ...]:
    """Every region of a view (both hands), or of both views; ordered view, hand, finger, site."""
    _check_view(view)
    if view is None:
        return _GEOMETRY.regions
    return tuple(r for r in _GEOMETRY.regions if r.view == view)


def outline(hand: str, view: str) -> HandOutline:
    """The outline of one hand in one view."""
    _check_hand(hand)
    _check_view(view)
    return _GEOMETRY.outlines[(hand, view)]


def outlines(view: str | None = None) -> tuple[HandOutline, ...]:
    """The hand outlines of a view (right hand first, as drawn left to right), or of both views."""
    _check_view(view)
    views = VIEWS if view is None else (view,)
    return tuple(_GEOMETRY.outlines[(hand, v)] for v in views for hand in ("R", "L"))


def has_site(hand: str, finger: str, site: str) -> bool:
    """True when the geometry has this site on this finger (D1 has no ``dorsal_pip``)."""
    return (hand, finger, site) in _GEOMETRY.by_site


def region(hand: str, finger: str, site: str) -> Region:
    """The region of a site. KeyError names the hand, finger or site that the map does not have."""
    _check_hand(hand)
    _check_finger(finger)
    found = _GEOMETRY.by_site.get((hand, finger, site))
    if found is None:
        if site not in VIEW_OF_SITE:
            known = ", ".join(VIEW_OF_SITE)
            raise KeyError(f"unknown site {site!r}; expected one of {known}")
        raise KeyError(f"finger {finger} has no site {site!r}")
    return found


def hit_test(x: float, y: float, view: str | None = None) -> Region | None:
    """The region at a point, or None (outside the hands, on the volar palm, on the wrist).

    A point on an edge shared by two regions belongs to the smaller one, so the answer is the same
    whichever order the regions are stored in.
    """
    _check_view(view)
    eps = 1e-6
    boxes = _GEOMETRY.boxes

    def near(r: Region) -> bool:
        x0, y0, x1, y1 = boxes[(r.hand, r.finger, r.site)]
        return x0 - eps <= x <= x1 + eps and y0 - eps <= y <= y1 + eps

    hits: Iterable[Region] = (
        r for r in regions(view) if near(r) and polygon_contains(r.polygon, x, y, eps=eps)
    )
    return min(
        hits,
        key=lambda r: (r.area, r.view, r.hand, r.finger, r.site),
        default=None,
    )


def bounds(view: str | None = None) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) of a view's frame, or of the whole drawing; labels included."""
    _check_view(view)
    return DRAWING_BOUNDS if view is None else _VIEW_FRAMES[view]


def label_anchor(hand: str, view: str) -> Point:
    """Where the hand's label ("Right", "Links", ...) goes: centred just below the wrist."""
    _check_hand(hand)
    _check_view(view)
    return _GEOMETRY.labels[(hand, view)]


def finger_label_anchor(hand: str, view: str, finger: str) -> Point:
    """Where a finger's label (D1..D5) goes: centred just beyond the fingertip."""
    _check_hand(hand)
    _check_view(view)
    _check_finger(finger)
    return _GEOMETRY.finger_labels[(hand, view, finger)]
