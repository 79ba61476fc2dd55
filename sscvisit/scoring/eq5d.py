"""EQ-5D-5L index with the Dutch value set.

The trial reports quality of life as the EQ-5D-5L index for the Netherlands, using the value set
of Versteegh et al., Value Health 2016;19:343, as tabulated in docs/DOMAIN.md ("EQ-5D-5L, Dutch
value set"): index = 1 - c - sum of the level decrements, where the constant c applies when any
dimension is above level 1. The index is reported to 3 decimals. The EQ VAS (0-100) is stored as
entered and needs no scoring.

Standard library only; imports nothing of the project.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from sscvisit.scoring._items import round_half_up, validate_answers

__all__ = [
    "CONSTANT",
    "DECREMENTS",
    "DIMENSIONS",
    "DIMENSION_NAMES",
    "LEVELS",
    "MAX_INDEX",
    "MIN_INDEX",
    "index_nl",
]

INSTRUMENT: Final = "EQ-5D-5L"

#: The five dimensions in the order of the state code ("21111": MO at level 2).
DIMENSIONS: Final[tuple[str, ...]] = ("MO", "SC", "UA", "PD", "AD")

#: English short descriptions for labels (not the copyrighted item wording).
DIMENSION_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "MO": "mobility",
        "SC": "self-care",
        "UA": "usual activities",
        "PD": "pain/discomfort",
        "AD": "anxiety/depression",
    }
)

#: Lowest and highest level of each dimension.
LEVELS: Final[tuple[int, int]] = (1, 5)

#: Constant subtracted once when any dimension is above level 1 (Versteegh 2016).
CONSTANT: Final = 0.047

#: Decrement per dimension and level (Versteegh 2016; DOMAIN.md). Level 1 has no decrement.
DECREMENTS: Final[Mapping[str, Mapping[int, float]]] = MappingProxyType(
    {
        dimension: MappingProxyType(dict(zip(range(1, 6), column, strict=True)))
        for dimension, column in {
            "MO": (0.0, 0.035, 0.057, 0.166, 0.203),
            "SC": (0.0, 0.038, 0.061, 0.168, 0.168),
            "UA": (0.0, 0.039, 0.087, 0.192, 0.192),
            "PD": (0.0, 0.066, 0.092, 0.360, 0.415),
            "AD": (0.0, 0.070, 0.145, 0.356, 0.421),
        }.items()
    }
)

#: Index of the best state 11111 and of the worst state 55555.
MAX_INDEX: Final = 1.0
MIN_INDEX: Final = -0.446

_RANGES: Final = MappingProxyType(dict.fromkeys(DIMENSIONS, LEVELS))


def _levels(state: str | Sequence[int]) -> dict[str, int]:
    """Turn a state code or level sequence into dimension -> level, naming any bad dimension."""
    if len(state) != len(DIMENSIONS):
        raise ValueError(
            f"{INSTRUMENT}: a health state has {len(DIMENSIONS)} levels "
            f"({', '.join(DIMENSIONS)}), got {len(state)}: {state!r}"
        )
    levels: dict[str, int | None] = {}
    if isinstance(state, str):
        for dimension, digit in zip(DIMENSIONS, state, strict=True):
            if digit not in "0123456789":
                raise ValueError(
                    f"{INSTRUMENT}: item {dimension!r} level must be a digit 1-5, got {digit!r}"
                )
            levels[dimension] = int(digit)
    else:
        levels.update(zip(DIMENSIONS, state, strict=True))
    checked = validate_answers(INSTRUMENT, levels, _RANGES)
    result: dict[str, int] = {}
    for dimension, level in checked.items():
        if level is None:
            raise ValueError(f"{INSTRUMENT}: item {dimension!r} is missing")
        result[dimension] = level
    return result


def index_nl(state: str | Sequence[int]) -> float:
    """Return the Dutch EQ-5D-5L index of a health state, to 3 decimals.

    ``state`` is the 5-digit code ("21111") or a sequence of 5 levels in the order MO, SC, UA,
    PD, AD. Raises ValueError naming the dimension when a level is missing, not an integer or
    outside 1-5. Examples from DOMAIN.md: 11111 -> 1.0, 21111 -> 0.918, 55555 -> -0.446.
    """
    levels = _levels(state)
    total = sum(
        (Decimal(repr(DECREMENTS[dimension][level])) for dimension, level in levels.items()),
        Decimal(0),
    )
    if any(level > 1 for level in levels.values()):
        total += Decimal(repr(CONSTANT))
    return round_half_up(Decimal(1) - total, 3)
