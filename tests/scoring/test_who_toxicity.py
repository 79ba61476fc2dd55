"""Tests of WHO toxicity grading (WHO 1979; Miller et al. 1981)."""

import math
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sscvisit.scoring.who_toxicity import (
    CANONICAL_UNITS,
    GRADE_LOWER_BOUNDS,
    HB_MMOL_PER_G_DL,
    PARAMETERS,
    RATIO_PARAMETERS,
    RATIO_UPPER_BOUNDS,
    UNITS,
    convert,
    grade,
)

ABSOLUTE_PARAMETERS = tuple(GRADE_LOWER_BOUNDS)

# Reported units per canonical unit, written out here independently of the module.
FACTORS: dict[str, dict[str, Decimal]] = {
    "haemoglobin": {"g/dL": Decimal(1), "g/L": Decimal(10), "mmol/L": Decimal("0.6206")},
    "leukocytes": {"10^9/L": Decimal(1), "10^3/mm3": Decimal(1)},
    "granulocytes": {"10^9/L": Decimal(1), "10^3/mm3": Decimal(1)},
    "platelets": {"10^9/L": Decimal(1), "10^3/mm3": Decimal(1)},
}
PRINTED_LOWER_BOUNDS: dict[str, tuple[str, str, str, str]] = {
    "haemoglobin": ("11.0", "9.5", "8.0", "6.5"),
    "leukocytes": ("4.0", "3.0", "2.0", "1.0"),
    "granulocytes": ("2.0", "1.5", "1.0", "0.5"),
    "platelets": ("100", "75", "50", "25"),
}
ULNS = ("1", "17", "21", "35", "0.7", "40", "120", "7.5")


def _absolute_edge_cases() -> list[tuple[str, str, float, int]]:
    """On each lower bound -> that grade; just below it (1e-4 in the unit) -> the next grade."""
    cases = []
    for parameter, bounds in PRINTED_LOWER_BOUNDS.items():
        for unit, factor in FACTORS[parameter].items():
            for band, bound in enumerate(bounds):
                edge = Decimal(bound) * factor
                cases.append((parameter, unit, float(edge), band))
                cases.append((parameter, unit, float(edge - Decimal("0.0001")), band + 1))
    return cases


def _ratio_edge_cases() -> list[tuple[str, float, float, int]]:
    """On each upper bound x ULN -> that grade; just above it -> the next grade."""
    cases = []
    for parameter in RATIO_PARAMETERS:
        for uln in ULNS:
            for band, bound in enumerate(("1.25", "2.5", "5", "10")):
                edge = Decimal(bound) * Decimal(uln)
                cases.append((parameter, float(edge), float(uln), band))
                cases.append((parameter, float(edge + Decimal("0.0001")), float(uln), band + 1))
    return cases


# --- data ----------------------------------------------------------------------------------------


def test_parameters_in_table_order() -> None:
    assert PARAMETERS == (
        "haemoglobin",
        "leukocytes",
        "granulocytes",
        "platelets",
        "bilirubin",
        "ast",
        "alt",
        "alkaline_phosphatase",
        "urea",
        "creatinine",
    )
    assert set(UNITS) == set(PARAMETERS)


def test_units() -> None:
    assert UNITS["haemoglobin"] == ("g/dL", "g/L", "mmol/L")
    for parameter in ("leukocytes", "granulocytes", "platelets"):
        assert UNITS[parameter] == ("10^9/L", "10^3/mm3")
        assert CANONICAL_UNITS[parameter] == "10^9/L"
    assert CANONICAL_UNITS["haemoglobin"] == "g/dL"
    for parameter in RATIO_PARAMETERS:
        assert UNITS[parameter] == ()


def test_bounds_match_the_printed_table() -> None:
    for parameter, bounds in PRINTED_LOWER_BOUNDS.items():
        assert GRADE_LOWER_BOUNDS[parameter] == tuple(float(b) for b in bounds)
    assert RATIO_UPPER_BOUNDS == (1.25, 2.5, 5.0, 10.0)
    assert HB_MMOL_PER_G_DL == 0.6206


# --- every band edge of every parameter and unit -------------------------------------------------


@pytest.mark.parametrize(("parameter", "unit", "value", "expected"), _absolute_edge_cases())
def test_absolute_band_edges(parameter: str, unit: str, value: float, expected: int) -> None:
    assert grade(parameter, value, unit) == expected


@pytest.mark.parametrize(("parameter", "value", "uln", "expected"), _ratio_edge_cases())
def test_ratio_band_edges(parameter: str, value: float, uln: float, expected: int) -> None:
    assert grade(parameter, value, "U/L", uln) == expected


# --- hand-worked examples ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (10.0, "g/dL", 1),  # DOMAIN.md example
        (14.2, "g/dL", 0),
        (11.0, "g/dL", 0),
        (10.95, "g/dL", 1),  # between printed bands 10.9 and 11.0: below 11.0
        (10.9, "g/dL", 1),
        (9.45, "g/dL", 2),  # between 9.4 and 9.5
        (7.95, "g/dL", 3),  # between 7.9 and 8.0
        (6.45, "g/dL", 4),  # below 6.5
        (0.0, "g/dL", 4),
        (120, "g/L", 0),
        (110, "g/L", 0),
        (109, "g/L", 1),
        (95, "g/L", 1),
        (94, "g/L", 2),
        (64.9, "g/L", 4),
        (8.7, "mmol/L", 0),  # 14.0 g/dL
        (6.9, "mmol/L", 0),  # 11.12 g/dL
        (6.8266, "mmol/L", 0),  # exactly 11.0 g/dL
        (6.8, "mmol/L", 1),  # 10.96 g/dL
        (6.2, "mmol/L", 1),  # 9.99 g/dL
        (5.9, "mmol/L", 1),  # 9.51 g/dL
        (5.8, "mmol/L", 2),  # 9.35 g/dL
        (5.0, "mmol/L", 2),  # 8.06 g/dL
        (4.9, "mmol/L", 3),  # 7.90 g/dL
        (4.1, "mmol/L", 3),  # 6.61 g/dL
        (4.0, "mmol/L", 4),  # 6.45 g/dL
    ],
)
def test_haemoglobin_examples(value: float, unit: str, expected: int) -> None:
    assert grade("haemoglobin", value, unit) == expected


@pytest.mark.parametrize(
    ("parameter", "value", "expected"),
    [
        ("leukocytes", 6.3, 0),
        ("leukocytes", 3.95, 1),
        ("leukocytes", 2.5, 2),
        ("leukocytes", 0.99, 4),
        ("granulocytes", 1.95, 1),
        ("granulocytes", 1.2, 2),
        ("granulocytes", 0.7, 3),
        ("granulocytes", 0.0, 4),
        ("platelets", 250, 0),
        ("platelets", 99.5, 1),
        ("platelets", 74, 2),
        ("platelets", 30, 3),
        ("platelets", 24, 4),
    ],
)
@pytest.mark.parametrize("unit", ["10^9/L", "10^3/mm3"])
def test_cell_count_examples(parameter: str, value: float, unit: str, expected: int) -> None:
    assert grade(parameter, value, unit) == expected


@pytest.mark.parametrize(
    ("parameter", "value", "unit", "uln", "expected"),
    [
        ("alt", 30, "U/L", 45, 0),
        ("alt", 56, "U/L", 45, 0),  # 1.244 x N
        ("alt", 57, "U/L", 45, 1),  # 1.267 x N: between printed 1.25 and 1.26
        ("ast", 100, "U/L", 40, 1),  # 2.5 x N
        ("ast", 101, "U/L", 40, 2),
        ("bilirubin", 85, "umol/L", 17, 2),  # 5 x N
        ("bilirubin", 86, "umol/L", 17, 3),
        ("creatinine", 1100, "umol/L", 110, 3),  # 10 x N
        ("creatinine", 1101, "umol/L", 110, 4),
        ("urea", 0.0, "mmol/L", 7.5, 0),
        ("alkaline_phosphatase", 1200, "U/L", 120, 3),
        ("alkaline_phosphatase", 0.875, "ukat/L", 0.7, 0),  # 1.25 x N, inexact in binary
    ],
)
def test_ratio_examples(parameter: str, value: float, unit: str, uln: float, expected: int) -> None:
    assert grade(parameter, value, unit, uln) == expected


def test_cell_count_units_are_equal() -> None:
    for parameter in ("leukocytes", "granulocytes", "platelets"):
        for value in (0.0, 0.5, 1.49, 2.0, 3.7, 60.0, 99.9, 150.0):
            assert grade(parameter, value, "10^9/L") == grade(parameter, value, "10^3/mm3")


def test_uln_is_ignored_for_absolute_parameters() -> None:
    assert grade("haemoglobin", 10.0, "g/dL", uln=15.0) == 1


# --- conversion ----------------------------------------------------------------------------------


def test_convert_mmol_to_g_dl() -> None:
    assert convert("haemoglobin", 6.2, "mmol/L") == pytest.approx(9.99, abs=0.005)
    assert convert("haemoglobin", 6.8266, "mmol/L") == pytest.approx(11.0)


def test_convert_g_l_and_cell_units() -> None:
    assert convert("haemoglobin", 95, "g/L") == 9.5
    assert convert("haemoglobin", 12.3, "g/dL") == 12.3
    assert convert("platelets", 150, "10^3/mm3") == 150.0


def test_convert_rejects_ratio_parameters_and_bad_units() -> None:
    with pytest.raises(ValueError, match="creatinine"):
        convert("creatinine", 90, "umol/L")
    with pytest.raises(ValueError, match="'mg/dL'"):
        convert("haemoglobin", 12, "mg/dL")
    with pytest.raises(ValueError, match="'sodium'"):
        convert("sodium", 140, "mmol/L")


# --- errors --------------------------------------------------------------------------------------


def test_unknown_parameter_raises_naming_it() -> None:
    with pytest.raises(ValueError, match="'sodium'"):
        grade("sodium", 140, "mmol/L")


def test_parameter_codes_are_exact() -> None:
    with pytest.raises(ValueError, match="'Haemoglobin'"):
        grade("Haemoglobin", 12, "g/dL")


@pytest.mark.parametrize(
    ("parameter", "unit"),
    [
        ("haemoglobin", "mg/dL"),
        ("haemoglobin", "10^9/L"),
        ("haemoglobin", ""),
        ("leukocytes", "g/L"),
        ("leukocytes", "/uL"),
        ("granulocytes", "mmol/L"),
        ("platelets", "10^6/L"),
    ],
)
def test_unknown_unit_raises_naming_it(parameter: str, unit: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"unknown unit '{unit}' for {parameter}")):
        grade(parameter, 5.0, unit)


@pytest.mark.parametrize("parameter", RATIO_PARAMETERS)
def test_ratio_parameter_needs_uln(parameter: str) -> None:
    with pytest.raises(ValueError, match=f"uln.*{parameter}"):
        grade(parameter, 50, "U/L")


@pytest.mark.parametrize("uln", [0.0, -10.0])
def test_nonpositive_uln_raises(uln: float) -> None:
    with pytest.raises(ValueError, match="uln must be positive"):
        grade("alt", 50, "U/L", uln)


@pytest.mark.parametrize("uln", [math.nan, math.inf])
def test_non_finite_uln_raises(uln: float) -> None:
    with pytest.raises(ValueError, match="uln"):
        grade("alt", 50, "U/L", uln)


@pytest.mark.parametrize("unit", ["", "   "])
def test_ratio_parameter_needs_a_unit(unit: str) -> None:
    with pytest.raises(ValueError, match="unit must not be empty for bilirubin"):
        grade("bilirubin", 10, unit, 17)


@pytest.mark.parametrize(
    ("parameter", "unit", "uln"),
    [("haemoglobin", "g/dL", None), ("platelets", "10^9/L", None), ("alt", "U/L", 45.0)],
)
@pytest.mark.parametrize("value", [-1.0, -0.001, math.nan, math.inf, -math.inf])
def test_bad_value_raises(parameter: str, unit: str, uln: float | None, value: float) -> None:
    with pytest.raises(ValueError, match="value"):
        grade(parameter, value, unit, uln)


# --- properties ----------------------------------------------------------------------------------

values = st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e4, allow_nan=False, allow_infinity=False)
absolute = st.sampled_from(
    [(parameter, unit) for parameter in ABSOLUTE_PARAMETERS for unit in UNITS[parameter]]
)


@given(absolute, values, values)
def test_lower_count_never_gives_a_lower_grade(
    unit_of: tuple[str, str], a: float, b: float
) -> None:
    parameter, unit = unit_of
    low, high = sorted((a, b))
    assert grade(parameter, low, unit) >= grade(parameter, high, unit)


@given(st.sampled_from(RATIO_PARAMETERS), values, values, positive)
def test_higher_ratio_never_gives_a_lower_grade(
    parameter: str, a: float, b: float, uln: float
) -> None:
    low, high = sorted((a, b))
    assert grade(parameter, low, "U/L", uln) <= grade(parameter, high, "U/L", uln)


@given(st.sampled_from(RATIO_PARAMETERS), values, positive, positive)
def test_higher_uln_never_gives_a_higher_grade(
    parameter: str, value: float, a: float, b: float
) -> None:
    low, high = sorted((a, b))
    assert grade(parameter, value, "U/L", high) <= grade(parameter, value, "U/L", low)


@given(absolute, values)
def test_grade_is_between_0_and_4(unit_of: tuple[str, str], value: float) -> None:
    parameter, unit = unit_of
    assert 0 <= grade(parameter, value, unit) <= 4


@given(st.integers(min_value=0, max_value=2000))
def test_g_l_and_g_dl_agree(tenths: int) -> None:
    g_dl = float(Decimal(tenths) / 10)
    assert grade("haemoglobin", g_dl, "g/dL") == grade("haemoglobin", float(tenths), "g/L")


@given(st.integers(min_value=0, max_value=200_000))
def test_mmol_per_l_agrees_with_exactly_converted_g_dl(ten_thousandths: int) -> None:
    g_dl = Decimal(ten_thousandths) / 10_000
    mmol = g_dl * Decimal("0.6206")
    assert grade("haemoglobin", float(mmol), "mmol/L") == grade("haemoglobin", float(g_dl), "g/dL")
