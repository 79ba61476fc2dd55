"""EQ-5D-5L Dutch index: published examples of DOMAIN.md, validation and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sscvisit.scoring import eq5d

levels = st.integers(min_value=1, max_value=5)
states = st.lists(levels, min_size=5, max_size=5)


@pytest.mark.parametrize(
    ("state", "expected"),
    [("11111", 1.0), ("21111", 0.918), ("55555", -0.446)],
)
def test_published_examples(state: str, expected: float) -> None:
    assert eq5d.index_nl(state) == expected


def test_sequence_and_string_agree() -> None:
    assert eq5d.index_nl([2, 1, 1, 1, 1]) == eq5d.index_nl("21111") == 0.918
    assert eq5d.index_nl((5, 5, 5, 5, 5)) == -0.446


def test_constant_applies_once_when_any_level_above_one() -> None:
    # 1 - 0.047 - (0.038 + 0.039) = 0.876
    assert eq5d.index_nl("12211") == 0.876
    # 1 - 0.047 - 0.421
    assert eq5d.index_nl("11115") == 0.532


def test_hand_worked_mixed_state() -> None:
    # 1 - 0.047 - (0.057 + 0.168 + 0.192 + 0.066 + 0.145) = 0.325
    assert eq5d.index_nl("34423") == 0.325


def test_data_matches_table() -> None:
    assert eq5d.DIMENSIONS == ("MO", "SC", "UA", "PD", "AD")
    assert eq5d.CONSTANT == 0.047
    assert eq5d.DECREMENTS["PD"][4] == 0.360
    assert eq5d.DECREMENTS["AD"][5] == 0.421
    assert all(eq5d.DECREMENTS[d][1] == 0.0 for d in eq5d.DIMENSIONS)
    with pytest.raises(TypeError):
        eq5d.DECREMENTS["MO"][2] = 0.0  # type: ignore[index]


@pytest.mark.parametrize(
    ("state", "dimension"),
    [
        ("61111", "MO"),
        ("10111", "SC"),
        ("11x11", "UA"),
        ("111 1", "PD"),
        ("1111-", "AD"),
        ([1, 1, 1, 1, 6], "AD"),
        ([1, 0, 1, 1, 1], "SC"),
        ([1, 1, 2.0, 1, 1], "UA"),
        ([1, 1, 1, True, 1], "PD"),
        ([None, 1, 1, 1, 1], "MO"),
    ],
)
def test_invalid_level_names_dimension(state: object, dimension: str) -> None:
    with pytest.raises(ValueError, match=f"'{dimension}'"):
        eq5d.index_nl(state)  # type: ignore[arg-type]


@pytest.mark.parametrize("state", ["1111", "111111", "", [1, 1, 1, 1], [1] * 6])
def test_wrong_length_names_dimensions(state: str | list[int]) -> None:
    with pytest.raises(ValueError, match="MO, SC, UA, PD, AD"):
        eq5d.index_nl(state)


@given(states)
def test_index_in_range(state: list[int]) -> None:
    assert eq5d.MIN_INDEX <= eq5d.index_nl(state) <= eq5d.MAX_INDEX


@given(states, st.integers(min_value=0, max_value=4))
def test_index_never_rises_when_a_level_rises(state: list[int], position: int) -> None:
    if state[position] == 5:
        return
    worse = list(state)
    worse[position] += 1
    assert eq5d.index_nl(worse) <= eq5d.index_nl(state)


@given(states)
def test_string_and_sequence_equivalent(state: list[int]) -> None:
    assert eq5d.index_nl("".join(map(str, state))) == eq5d.index_nl(state)
