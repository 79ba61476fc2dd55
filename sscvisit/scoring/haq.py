"""HAQ disability index (HAQ-DI) and the Scleroderma HAQ visual analogue scales.

Rules from docs/DOMAIN.md ("HAQ-DI and the Scleroderma HAQ"), after Fries et al. 1980, Bruce &
Fries 2003 and Steen & Medsger 1997:

* 20 items scored 0 (without any difficulty) .. 3 (unable to do) in 8 categories; a category
  scores the highest answered item.
* Adjusted index: an aid or device, or help from another person, recorded for a category raises
  that category to at least 2 (0 and 1 become 2, 3 stays 3). Following the conventional HAQ rule,
  an aid only raises a category that has an answered item: it never makes an unanswered category
  answered (decision recorded here because DOMAIN.md does not say).
* HAQ-DI = mean of the answered category scores, not computable with fewer than 6 of 8 answered
  categories, reported to 3 decimals. SSc trials report the unadjusted index (``adjusted=False``)
  beside it.
* S-HAQ VAS lines are reported separately (never summed): 0-100 mm x 0.03 -> 0-3, or a 15 cm
  paper line as cm / 5, reported to 2 decimals.

Standard library only; imports nothing of the project.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Final

from sscvisit.scoring._items import NotComputable, check_names, round_half_up, validate_answers

__all__ = [
    "AIDS",
    "ANSWER_RANGE",
    "CATEGORIES",
    "ITEMS",
    "MIN_CATEGORIES",
    "VAS_MAX_CM",
    "VAS_MAX_MM",
    "VAS_SCALES",
    "NotComputable",
    "categories_for_aids",
    "category_scores",
    "disability_index",
    "vas_from_cm15",
    "vas_score",
    "why_not_computable",
]

INSTRUMENT: Final = "HAQ-DI"

#: Category -> item codes, in the order of the questionnaire.
CATEGORIES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "dressing": ("dress_1", "dress_2"),
        "arising": ("arise_1", "arise_2"),
        "eating": ("eat_1", "eat_2", "eat_3"),
        "walking": ("walk_1", "walk_2"),
        "hygiene": ("hyg_1", "hyg_2", "hyg_3"),
        "reach": ("reach_1", "reach_2"),
        "grip": ("grip_1", "grip_2", "grip_3"),
        "activities": ("act_1", "act_2", "act_3"),
    }
)

#: All 20 item codes, in questionnaire order.
ITEMS: Final[tuple[str, ...]] = tuple(code for codes in CATEGORIES.values() for code in codes)

#: Answer range of every item: 0 without any difficulty .. 3 unable to do.
ANSWER_RANGE: Final[tuple[int, int]] = (0, 3)

#: Score an aid or help raises an answered category to, at least (adjusted index).
AID_MINIMUM: Final = 2

#: Fewest answered categories for a computable HAQ-DI.
MIN_CATEGORIES: Final = 6

#: Aid or device code -> the category it adjusts (DOMAIN.md). Help from another person is
#: recorded per category directly and needs no mapping.
AIDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "dressing_devices": "dressing",
        "built_up_chair": "arising",
        "built_up_utensils": "eating",
        "cane": "walking",
        "walker": "walking",
        "crutches": "walking",
        "wheelchair": "walking",
        "raised_toilet_seat": "hygiene",
        "bathtub_seat": "hygiene",
        "bathtub_bar": "hygiene",
        "long_handled_bathroom": "hygiene",
        "reacher": "reach",
        "jar_opener": "grip",
    }
)

#: The six S-HAQ visual analogue scales, each reported separately.
VAS_SCALES: Final[tuple[str, ...]] = (
    "pain",
    "raynaud",
    "digital_ulcers",
    "gastrointestinal",
    "breathing",
    "overall",
)

#: Length of the VAS line in the application (mm) and on the 15 cm paper form (cm).
VAS_MAX_MM: Final = 100.0
VAS_MAX_CM: Final = 15.0

_RANGES: Final = MappingProxyType(dict.fromkeys(ITEMS, ANSWER_RANGE))


def categories_for_aids(devices: Collection[str]) -> frozenset[str]:
    """Return the categories adjusted by the recorded aid or device codes (keys of ``AIDS``).

    Raises ValueError naming an unknown device code.
    """
    return frozenset(AIDS[device] for device in check_names("HAQ aid", devices, AIDS))


def category_scores(
    items: Mapping[str, int | None],
    aids: Collection[str] = (),
    help: Collection[str] = (),  # shadows the builtin: name fixed by the interface
    adjusted: bool = True,
) -> dict[str, int | None]:
    """Return the score of each of the 8 categories, ``None`` for a category with no answer.

    ``aids`` and ``help`` name categories (use ``categories_for_aids`` for device codes). When
    ``adjusted``, a category with an aid or help scores at least 2 if it has an answered item;
    when not adjusted, aids and help are still validated but ignored. Raises ValueError naming an
    unknown item, an out-of-range answer or an unknown category.
    """
    answers = validate_answers(INSTRUMENT, items, _RANGES)
    raised = check_names("HAQ category", aids, CATEGORIES) | check_names(
        "HAQ category", help, CATEGORIES
    )
    scores: dict[str, int | None] = {}
    for category, codes in CATEGORIES.items():
        answered = [value for code in codes if (value := answers[code]) is not None]
        score = max(answered) if answered else None
        if adjusted and score is not None and category in raised:
            score = max(score, AID_MINIMUM)
        scores[category] = score
    return scores


def disability_index(
    items: Mapping[str, int | None],
    aids: Collection[str] = (),
    help: Collection[str] = (),  # shadows the builtin: name fixed by the interface
    adjusted: bool = True,
) -> float | None:
    """Return the HAQ-DI (0-3, 3 decimals), or ``None`` when fewer than 6 categories are answered.

    Arguments as for ``category_scores``. Example from DOMAIN.md: category scores
    1, 0, 2, 1, 0, 1, 2, 1 without aids -> 1.0.
    """
    scores = category_scores(items, aids, help, adjusted)
    answered = [score for score in scores.values() if score is not None]
    if len(answered) < MIN_CATEGORIES:
        return None
    return round_half_up(Fraction(sum(answered), len(answered)), 3)


def why_not_computable(items: Mapping[str, int | None]) -> NotComputable | None:
    """Say why the HAQ-DI cannot be computed, or ``None`` when it can.

    Returns data (needed, answered, total categories) for the UI to phrase and translate, e.g.
    "HAQ-DI needs 6 of 8 categories; 5 answered". Aids and help do not matter: they never make a
    category answered.
    """
    scores = category_scores(items, adjusted=False)
    answered = sum(score is not None for score in scores.values())
    if answered >= MIN_CATEGORIES:
        return None
    return NotComputable(
        score="haq_di", needed=MIN_CATEGORIES, answered=answered, total=len(CATEGORIES)
    )


def _check_length(value: float, maximum: float, unit: str) -> Decimal:
    """Validate a VAS length and return it as an exact decimal of what was entered."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"S-HAQ VAS must be a number of {unit}, got {value!r}")
    if not math.isfinite(value) or not 0 <= value <= maximum:
        raise ValueError(f"S-HAQ VAS {value!r} {unit} is outside 0..{maximum:g} {unit}")
    return Decimal(repr(value))


def vas_score(mm: float) -> float:
    """Convert a VAS mark on the 100 mm line to the 0-3 S-HAQ score, to 2 decimals.

    0 mm is no limitation; score = mm x 0.03 (DOMAIN.md: 50 mm -> 1.50). Raises ValueError
    outside 0-100 mm.
    """
    return round_half_up(_check_length(mm, VAS_MAX_MM, "mm") * Decimal("0.03"), 2)


def vas_from_cm15(cm: float) -> float:
    """Convert a VAS mark on the 15 cm paper line to the 0-3 S-HAQ score (cm / 5, 2 decimals).

    Raises ValueError outside 0-15 cm.
    """
    return round_half_up(_check_length(cm, VAS_MAX_CM, "cm") / 5, 2)
