"""Digital ulcer area and per-visit counts.

Ulcer area is estimated as an ellipse from its length and width, area = pi/4 x length x width, the
usual bedside estimate in digital ulcer trials (DOMAIN.md: 6 x 4 mm -> 18.85 mm^2). The trial's
secondary end points count active ulcers per patient, per hand and per finger at each visit, and
sum their area. An ulcer is "active" when its status is active or new since the last visit; a
healed ulcer (complete re-epithelialisation) is no longer counted.

These are pure functions over plain records so that the UI, reports and exports agree.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "ACTIVE_STATUSES",
    "FINGERS",
    "FINGER_KEYS",
    "HANDS",
    "SITES",
    "STATUSES",
    "UlcerRecord",
    "VisitSummary",
    "active_count",
    "count_by_finger",
    "count_by_hand",
    "ellipse_area",
    "summarise_by_visit",
    "total_area",
]

HANDS: tuple[str, ...] = ("L", "R")
"""Hand codes: left, right."""

FINGERS: tuple[str, ...] = ("D1", "D2", "D3", "D4", "D5")
"""Finger codes: D1 (thumb) .. D5 (little finger)."""

FINGER_KEYS: tuple[str, ...] = tuple(f"{hand}-{finger}" for hand in HANDS for finger in FINGERS)
"""Keys of :func:`count_by_finger`: "L-D1" .. "L-D5", "R-D1" .. "R-D5"."""

STATUSES: tuple[str, ...] = ("active", "new", "healed")
"""Ulcer status at a visit; "new" means new since the last visit."""

ACTIVE_STATUSES: frozenset[str] = frozenset({"active", "new"})
"""Statuses counted as an active ulcer."""

SITES: Mapping[str, str] = MappingProxyType(
    {
        "tip": "fingertip / volar pad",
        "volar": "other volar",
        "dorsal_dip": "dorsal (extensor) over DIP",
        "dorsal_pip": "dorsal (extensor) over PIP",
        "dorsal_mcp": "dorsal (extensor) over MCP",
        "other": "other",
    }
)
"""Suggested site codes and labels (DOMAIN.md). Sites are not validated: the site only gives an
ulcer its identity across visits."""


def _check_size(name: str, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number of mm, got {value!r}")


def ellipse_area(length_mm: float, width_mm: float) -> float:
    """Return the ellipse area pi/4 x length x width in mm^2, rounded to 2 decimals.

    Raises ValueError naming the argument that is zero, negative, NaN or infinite.
    """
    _check_size("length_mm", length_mm)
    _check_size("width_mm", width_mm)
    return round(math.pi / 4 * length_mm * width_mm, 2)


@dataclass(frozen=True)
class UlcerRecord:
    """One ulcer as seen at one visit.

    hand is "L" or "R", finger "D1".."D5", status "active", "new" or "healed". Sizes are in mm and
    are None when not measured (a healed ulcer has no size); a given size must be positive and
    finite. Invalid codes or sizes raise ValueError naming the bad value.
    """

    visit: str
    hand: str
    finger: str
    site: str
    status: str
    length_mm: float | None = None
    width_mm: float | None = None

    def __post_init__(self) -> None:
        if self.hand not in HANDS:
            raise ValueError(f"unknown hand {self.hand!r}; expected one of {', '.join(HANDS)}")
        if self.finger not in FINGERS:
            raise ValueError(
                f"unknown finger {self.finger!r}; expected one of {', '.join(FINGERS)}"
            )
        if self.status not in STATUSES:
            raise ValueError(
                f"unknown ulcer status {self.status!r}; expected one of {', '.join(STATUSES)}"
            )
        if self.length_mm is not None:
            _check_size("length_mm", self.length_mm)
        if self.width_mm is not None:
            _check_size("width_mm", self.width_mm)

    @property
    def is_active(self) -> bool:
        """True when the ulcer counts as active (status active or new)."""
        return self.status in ACTIVE_STATUSES

    @property
    def finger_key(self) -> str:
        """The hand and finger as in :data:`FINGER_KEYS`, e.g. "L-D2"."""
        return f"{self.hand}-{self.finger}"

    @property
    def area_mm2(self) -> float | None:
        """The ellipse area in mm^2, or None when length or width is missing."""
        if self.length_mm is None or self.width_mm is None:
            return None
        return ellipse_area(self.length_mm, self.width_mm)


@dataclass(frozen=True)
class VisitSummary:
    """Active ulcer counts and total active ulcer area at one visit."""

    active: int
    by_hand: dict[str, int]
    by_finger: dict[str, int]
    total_area_mm2: float


def active_count(records: Iterable[UlcerRecord]) -> int:
    """Return the number of active ulcers (status active or new) among the records."""
    return sum(1 for record in records if record.is_active)


def count_by_hand(records: Iterable[UlcerRecord]) -> dict[str, int]:
    """Return the number of active ulcers per hand; both "L" and "R" are always present."""
    counts = dict.fromkeys(HANDS, 0)
    for record in records:
        if record.is_active:
            counts[record.hand] += 1
    return counts


def count_by_finger(records: Iterable[UlcerRecord]) -> dict[str, int]:
    """Return the number of active ulcers per finger, keyed "L-D1" .. "R-D5" (all 10 present)."""
    counts = dict.fromkeys(FINGER_KEYS, 0)
    for record in records:
        if record.is_active:
            counts[record.finger_key] += 1
    return counts


def total_area(records: Iterable[UlcerRecord]) -> float:
    """Return the summed area (mm^2, 2 decimals) of the active ulcers that have both sizes.

    The per-ulcer areas are rounded to 2 decimals before summing, so the total equals the sum of
    the areas shown per ulcer.
    """
    areas = [record.area_mm2 for record in records if record.is_active]
    return round(sum(area for area in areas if area is not None), 2)


def summarise_by_visit(records: Iterable[UlcerRecord]) -> dict[str, VisitSummary]:
    """Return a VisitSummary per visit, in order of first appearance of the visit."""
    by_visit: dict[str, list[UlcerRecord]] = {}
    for record in records:
        by_visit.setdefault(record.visit, []).append(record)
    return {
        visit: VisitSummary(
            active=active_count(visit_records),
            by_hand=count_by_hand(visit_records),
            by_finger=count_by_finger(visit_records),
            total_area_mm2=total_area(visit_records),
        )
        for visit, visit_records in by_visit.items()
    }
