"""RAND-36 scale scores (the SF-36 scored as the RAND 36-Item Health Survey 1.0).

The RAND-36 scoring (Hays, Sherbourne & Mazel, Health Econ 1993;2:217) is public, whereas SF-36v2
norm-based scoring is licensed, so the trial labels these scores "RAND-36". Rules as in
docs/DOMAIN.md ("SF-36, scored as the RAND 36-Item Health Survey 1.0"): each answer of items
rand_1 .. rand_36 is recoded to 0-100 (higher is better), a scale is the mean of its answered
recoded items, and item 2 (health change) is reported alone. Scores are reported to 2 decimals.

Standard library only; imports nothing of the project.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Final

from sscvisit.scoring._items import item_codes, round_half_up, validate_answers

__all__ = [
    "ITEMS",
    "RECODE",
    "SCALES",
    "answer_range",
    "recode",
    "scales",
]

INSTRUMENT: Final = "RAND-36"

#: The 36 item codes in questionnaire order.
ITEMS: Final[tuple[str, ...]] = item_codes("rand", 36)

_FIVE_DOWN: Final = (100, 75, 50, 25, 0)
_THREE_UP: Final = (0, 50, 100)
_TWO_UP: Final = (0, 100)
_SIX_DOWN: Final = (100, 80, 60, 40, 20, 0)
_SIX_UP: Final = (0, 20, 40, 60, 80, 100)
_FIVE_UP: Final = (0, 25, 50, 75, 100)

# (item numbers, scores of answers 1, 2, ...) as in the DOMAIN.md recode table.
_RECODE_GROUPS: Final[tuple[tuple[Iterable[int], tuple[int, ...]], ...]] = (
    ((1, 2, 20, 22, 34, 36), _FIVE_DOWN),
    (range(3, 13), _THREE_UP),
    (range(13, 20), _TWO_UP),
    ((21, 23, 26, 27, 30), _SIX_DOWN),
    ((24, 25, 28, 29, 31), _SIX_UP),
    ((32, 33, 35), _FIVE_UP),
)

#: Item code -> (answer -> recoded score 0-100). Answers run from 1 to the last key.
RECODE: Final[Mapping[str, Mapping[int, int]]] = MappingProxyType(
    {
        code: MappingProxyType(table)
        for code, table in sorted(
            (
                (f"rand_{number}", dict(enumerate(scores, start=1)))
                for numbers, scores in _RECODE_GROUPS
                for number in numbers
            ),
            key=lambda pair: ITEMS.index(pair[0]),
        )
    }
)

#: Scale -> item codes. health_change is item 2 alone and is not part of any other scale.
SCALES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        scale: tuple(f"rand_{number}" for number in numbers)
        for scale, numbers in {
            "physical_functioning": range(3, 13),
            "role_physical": range(13, 17),
            "role_emotional": range(17, 20),
            "energy_fatigue": (23, 27, 29, 31),
            "emotional_wellbeing": (24, 25, 26, 28, 30),
            "social_functioning": (20, 32),
            "pain": (21, 22),
            "general_health": (1, 33, 34, 35, 36),
            "health_change": (2,),
        }.items()
    }
)

_RANGES: Final = MappingProxyType({code: (1, max(table)) for code, table in RECODE.items()})


def answer_range(item: str) -> tuple[int, int]:
    """Return the lowest and highest allowed answer of an item, for the entry form.

    Raises ValueError naming an unknown item.
    """
    try:
        return _RANGES[item]
    except KeyError:
        raise ValueError(f"{INSTRUMENT}: unknown item {item!r}") from None


def recode(items: Mapping[str, int | None]) -> dict[str, int | None]:
    """Return every item's answer recoded to 0-100 (``None`` when missing).

    Raises ValueError naming an unknown item or an answer outside the item's range.
    """
    answers = validate_answers(INSTRUMENT, items, _RANGES)
    return {
        code: None if answer is None else RECODE[code][answer] for code, answer in answers.items()
    }


def scales(items: Mapping[str, int | None]) -> dict[str, float | None]:
    """Return the RAND-36 scale scores (0-100, 2 decimals), ``None`` for a scale with no answer.

    A scale is the mean of its answered recoded items (RAND 1.0 scoring). All best answers give
    100 on every scale. Raises ValueError naming an unknown item or an out-of-range answer.
    """
    recoded = recode(items)
    result: dict[str, float | None] = {}
    for scale, codes in SCALES.items():
        answered = [score for code in codes if (score := recoded[code]) is not None]
        result[scale] = (
            round_half_up(Fraction(sum(answered), len(answered)), 2) if answered else None
        )
    return result
