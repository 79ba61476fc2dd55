"""Shared validation and rounding for the questionnaire scorers.

Every instrument in this package receives item answers as a mapping of item code to answer
(``None`` for a missing answer). Checking those mappings in one place means that an unknown item
code or an out-of-range answer is rejected the same way by every scorer, with a message that names
the offending item, so the entry form can point the nurse at the field to correct.

Rounding is also shared: the scores are reported to a fixed number of decimals (see
docs/DOMAIN.md, "Questionnaires and scores") and must round the same way on every platform, so
results are computed exactly and rounded half away from zero, never with binary-float ``round``.

Standard library only; imports nothing of the project.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

__all__ = [
    "NotComputable",
    "check_names",
    "item_codes",
    "round_half_up",
    "validate_answers",
]


@dataclass(frozen=True, slots=True)
class NotComputable:
    """Why a score could not be computed, as data so the UI can translate the sentence.

    Example: ``NotComputable(score="haq_di", needed=6, answered=5, total=8)`` reads as
    "HAQ-DI needs 6 of 8 categories; 5 answered".
    """

    score: str
    needed: int
    answered: int
    total: int


def item_codes(prefix: str, count: int) -> tuple[str, ...]:
    """Return ``prefix_1 .. prefix_count``, the item codes used by DOMAIN.md."""
    return tuple(f"{prefix}_{number}" for number in range(1, count + 1))


def validate_answers(
    instrument: str,
    items: Mapping[str, int | None],
    ranges: Mapping[str, tuple[int, int]],
) -> dict[str, int | None]:
    """Check item answers against their allowed ranges and return every known item.

    ``ranges`` maps each item code of the instrument to its inclusive (lowest, highest) answer.
    The result holds every item code of ``ranges`` in its order, ``None`` where the answer is
    missing (absent from ``items`` or ``None``).

    Raises ValueError naming the item for an unknown item code, a non-integer answer (``bool`` is
    rejected although it is an ``int`` subclass) or an answer outside the item's range.
    """
    for code in items:
        if code not in ranges:
            raise ValueError(f"{instrument}: unknown item {code!r}")
    answers: dict[str, int | None] = {}
    for code, (lowest, highest) in ranges.items():
        value = items.get(code)
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(
                    f"{instrument}: item {code!r} answer must be an integer, got {value!r}"
                )
            if not lowest <= value <= highest:
                raise ValueError(
                    f"{instrument}: item {code!r} answer {value} is outside {lowest}..{highest}"
                )
        answers[code] = value
    return answers


def check_names(what: str, names: Collection[str], known: Collection[str]) -> frozenset[str]:
    """Return ``names`` as a frozenset after checking that each is one of ``known``.

    A bare ``str`` is refused (it would be iterated letter by letter); an unknown name raises
    ValueError naming it.
    """
    if isinstance(names, str):
        raise TypeError(f"{what} must be a collection of names, not the string {names!r}")
    for name in names:
        if name not in known:
            raise ValueError(f"unknown {what} {name!r}")
    return frozenset(names)


def round_half_up(value: Fraction | Decimal | float, places: int) -> float:
    """Round exactly to ``places`` decimals, halves away from zero (1.515 -> 1.52).

    A float is taken at its shortest decimal representation (``repr``), so 50.5 mm x 0.03 is
    1.515 and rounds up rather than following the binary approximation.
    """
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot round non-finite value {value!r}")
        exact = Decimal(repr(value))
    elif isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        exact = value
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
