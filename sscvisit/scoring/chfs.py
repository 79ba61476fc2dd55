"""Cochin Hand Function Scale (CHFS) total and domain scores.

Duruoz et al. 1996, validated in SSc by Poole et al. 2004; rules as in docs/DOMAIN.md ("Cochin
Hand Function Scale"): 18 items chfs_1 .. chfs_18 scored 0 (no difficulty) .. 5 (impossible),
total 0-90 where higher is worse, and five domains (kitchen 1-8, dressing 9-10, hygiene 11-12,
office 13-14, other 15-18).

There is no published rule for missing items, so handling them is a protocol choice kept in
``MAX_MISSING_ITEMS``: by default (0) the total is not computed when any item is missing.

Standard library only; imports nothing of the project.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Final

from sscvisit.scoring._items import NotComputable, item_codes, round_half_up, validate_answers

__all__ = [
    "ANSWER_RANGE",
    "DOMAINS",
    "ITEMS",
    "MAX_MISSING_ITEMS",
    "MAX_TOTAL",
    "NotComputable",
    "domains",
    "total",
    "why_not_computable",
]

INSTRUMENT: Final = "CHFS"

#: The 18 item codes in questionnaire order.
ITEMS: Final[tuple[str, ...]] = item_codes("chfs", 18)

#: Answer range of every item: 0 no difficulty .. 5 impossible.
ANSWER_RANGE: Final[tuple[int, int]] = (0, 5)

#: Highest possible total (18 x 5).
MAX_TOTAL: Final = 90

#: Protocol choice (DOMAIN.md): how many missing items still allow a total. The trial uses 0, so
#: any missing item makes the total not computable. If the trial team ever raises it, missing
#: items are imputed with the mean of the patient's answered items (person-mean imputation) and
#: the total is rounded half up to a whole number. Domains never impute.
MAX_MISSING_ITEMS: Final = 0

#: Domain -> item codes.
DOMAINS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "kitchen": ITEMS[0:8],
        "dressing": ITEMS[8:10],
        "hygiene": ITEMS[10:12],
        "office": ITEMS[12:14],
        "other": ITEMS[14:18],
    }
)

_RANGES: Final = MappingProxyType(dict.fromkeys(ITEMS, ANSWER_RANGE))


def total(items: Mapping[str, int | None]) -> int | None:
    """Return the CHFS total (0-90), or ``None`` when more than ``MAX_MISSING_ITEMS`` are missing.

    Raises ValueError naming an unknown item or an answer outside 0-5.
    """
    answered = [
        value
        for value in validate_answers(INSTRUMENT, items, _RANGES).values()
        if value is not None
    ]
    missing = len(ITEMS) - len(answered)
    if missing > MAX_MISSING_ITEMS or not answered:
        return None
    if missing == 0:
        return sum(answered)
    return int(round_half_up(Fraction(sum(answered) * len(ITEMS), len(answered)), 0))


def domains(items: Mapping[str, int | None]) -> dict[str, int | None]:
    """Return the sum of each domain, ``None`` for a domain with any missing item.

    Raises ValueError naming an unknown item or an answer outside 0-5.
    """
    answers = validate_answers(INSTRUMENT, items, _RANGES)
    result: dict[str, int | None] = {}
    for domain, codes in DOMAINS.items():
        present = [value for code in codes if (value := answers[code]) is not None]
        result[domain] = sum(present) if len(present) == len(codes) else None
    return result


def why_not_computable(items: Mapping[str, int | None]) -> NotComputable | None:
    """Say why the CHFS total cannot be computed, or ``None`` when it can.

    Returns data for the UI to phrase and translate, e.g. "CHFS total needs 18 of 18 items;
    17 answered".
    """
    answers = validate_answers(INSTRUMENT, items, _RANGES)
    answered = sum(value is not None for value in answers.values())
    needed = max(len(ITEMS) - MAX_MISSING_ITEMS, 1)
    if answered >= needed:
        return None
    return NotComputable(score="chfs_total", needed=needed, answered=answered, total=len(ITEMS))
