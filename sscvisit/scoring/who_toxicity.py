"""WHO toxicity grades (0-4) for laboratory values.

Source: World Health Organization. WHO handbook for reporting results of cancer treatment. Geneva:
WHO; 1979 (offset publication 48), and Miller AB, Hoogstraten B, Staquet M, Winkler A. Reporting
results of cancer treatment. Cancer 1981;47:207-214. The trial grades treatment-related toxicity
with these grades (secondary end point).

The printed table leaves gaps between bands (haemoglobin 9.4 vs 9.5, ratio 1.25 vs 1.26), so the
bands are applied as closed bounds that leave no gaps:

* lower-is-worse counts (haemoglobin, leukocytes, granulocytes, platelets): a grade holds when the
  value is at least the lower bound of its band, e.g. haemoglobin >= 11.0 g/dL -> 0, >= 9.5 -> 1,
  >= 8.0 -> 2, >= 6.5 -> 3, else 4 (so 10.95 g/dL is grade 1);
* times the upper limit of normal (N): <= 1.25 N -> 0, <= 2.5 N -> 1, <= 5 N -> 2, <= 10 N -> 3,
  else 4.

Comparisons use exact decimal arithmetic on the numbers as entered, so a value on a band edge in
any accepted unit (e.g. haemoglobin 11.0 x 0.6206 = 6.8266 mmol/L) always lands in the same grade.
"""

import math
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

__all__ = [
    "CANONICAL_UNITS",
    "GRADE_LOWER_BOUNDS",
    "HB_MMOL_PER_G_DL",
    "PARAMETERS",
    "RATIO_PARAMETERS",
    "RATIO_UPPER_BOUNDS",
    "UNITS",
    "convert",
    "grade",
]

HB_MMOL_PER_G_DL = 0.6206
"""Haemoglobin: 1 g/dL = 0.6206 mmol/L (monomer basis, as Dutch laboratories report it)."""

GRADE_LOWER_BOUNDS: Mapping[str, tuple[float, float, float, float]] = MappingProxyType(
    {
        "haemoglobin": (11.0, 9.5, 8.0, 6.5),
        "leukocytes": (4.0, 3.0, 2.0, 1.0),
        "granulocytes": (2.0, 1.5, 1.0, 0.5),
        "platelets": (100.0, 75.0, 50.0, 25.0),
    }
)
"""Lower bounds of grades 0..3 in the canonical unit; below the last bound is grade 4."""

RATIO_UPPER_BOUNDS: tuple[float, float, float, float] = (1.25, 2.5, 5.0, 10.0)
"""Upper bounds of grades 0..3 as multiples of the upper limit of normal; above is grade 4."""

RATIO_PARAMETERS: tuple[str, ...] = (
    "bilirubin",
    "ast",
    "alt",
    "alkaline_phosphatase",
    "urea",
    "creatinine",
)
"""Parameters graded as a multiple of the upper limit of normal; they need ``uln``."""

PARAMETERS: tuple[str, ...] = (*GRADE_LOWER_BOUNDS, *RATIO_PARAMETERS)
"""All parameter codes, in the order of the WHO table."""

CANONICAL_UNITS: Mapping[str, str] = MappingProxyType(
    {
        "haemoglobin": "g/dL",
        "leukocytes": "10^9/L",
        "granulocytes": "10^9/L",
        "platelets": "10^9/L",
    }
)
"""Unit in which the WHO bands of each lower-is-worse parameter are printed."""

# Reported units per one canonical unit, e.g. 1 g/dL = 10 g/L = 0.6206 mmol/L.
_CELL_UNITS: Mapping[str, Decimal] = MappingProxyType(
    {"10^9/L": Decimal(1), "10^3/mm3": Decimal(1)}
)
_UNIT_FACTORS: Mapping[str, Mapping[str, Decimal]] = MappingProxyType(
    {
        "haemoglobin": MappingProxyType(
            {"g/dL": Decimal(1), "g/L": Decimal(10), "mmol/L": Decimal(str(HB_MMOL_PER_G_DL))}
        ),
        "leukocytes": _CELL_UNITS,
        "granulocytes": _CELL_UNITS,
        "platelets": _CELL_UNITS,
    }
)

UNITS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        **{parameter: tuple(factors) for parameter, factors in _UNIT_FACTORS.items()},
        **dict.fromkeys(RATIO_PARAMETERS, ()),
    }
)
"""Accepted units per parameter. An empty tuple means any non-empty unit, the same as ``uln``'s."""


def _decimal(name: str, value: float) -> Decimal:
    """Return value as the exact decimal that was entered (shortest repr of the float)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return Decimal(str(value))


def _check_parameter(parameter: str) -> None:
    if parameter not in PARAMETERS:
        raise ValueError(
            f"unknown WHO toxicity parameter {parameter!r}; expected one of {', '.join(PARAMETERS)}"
        )


def _factor(parameter: str, unit: str) -> Decimal:
    factors = _UNIT_FACTORS[parameter]
    if unit not in factors:
        raise ValueError(
            f"unknown unit {unit!r} for {parameter}; expected one of {', '.join(factors)}"
        )
    return factors[unit]


def convert(parameter: str, value: float, unit: str) -> float:
    """Return a lower-is-worse value converted to its canonical unit (see CANONICAL_UNITS).

    For display beside the value as reported, e.g. haemoglobin 6.2 mmol/L -> 9.99 g/dL (unrounded).
    """
    _check_parameter(parameter)
    if parameter in RATIO_PARAMETERS:
        raise ValueError(
            f"{parameter} is graded as a multiple of the ULN and has no unit to convert"
        )
    amount = _decimal("value", value)
    return float(amount / _factor(parameter, unit))


def grade(parameter: str, value: float, unit: str, uln: float | None = None) -> int:
    """Return the WHO toxicity grade 0-4 of a laboratory value.

    For the ratio parameters (RATIO_PARAMETERS) ``uln`` is required, positive, and in the same unit
    as ``value``; any non-empty unit string is accepted. For the other parameters ``unit`` must be
    one of UNITS[parameter] and ``uln`` is ignored. Raises ValueError naming an unknown parameter or
    unit, and for a negative or non-finite value or a missing or non-positive ``uln``.
    """
    _check_parameter(parameter)
    amount = _decimal("value", value)
    if amount < 0:
        raise ValueError(f"value must not be negative, got {value!r}")

    if parameter in RATIO_PARAMETERS:
        if not unit.strip():
            raise ValueError(f"unit must not be empty for {parameter}")
        if uln is None:
            raise ValueError(f"uln (upper limit of normal) is required for {parameter}")
        limit = _decimal("uln", uln)
        if limit <= 0:
            raise ValueError(f"uln must be positive for {parameter}, got {uln!r}")
        for band, upper in enumerate(RATIO_UPPER_BOUNDS):
            if amount <= Decimal(str(upper)) * limit:
                return band
        return len(RATIO_UPPER_BOUNDS)

    factor = _factor(parameter, unit)
    for band, lower in enumerate(GRADE_LOWER_BOUNDS[parameter]):
        if amount >= Decimal(str(lower)) * factor:
            return band
    return len(GRADE_LOWER_BOUNDS[parameter])
