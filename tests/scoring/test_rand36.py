"""RAND-36 scales: recode table, every scale hand-worked, errors and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sscvisit.scoring import rand36

SCALE_NAMES = (
    "physical_functioning",
    "role_physical",
    "role_emotional",
    "energy_fatigue",
    "emotional_wellbeing",
    "social_functioning",
    "pain",
    "general_health",
    "health_change",
)


def best_answer(code: str) -> int:
    table = rand36.RECODE[code]
    return max(table, key=lambda answer: table[answer])


def worst_answer(code: str) -> int:
    table = rand36.RECODE[code]
    return min(table, key=lambda answer: table[answer])


ALL_BEST = {code: best_answer(code) for code in rand36.ITEMS}
ALL_WORST = {code: worst_answer(code) for code in rand36.ITEMS}


@st.composite
def answer_maps(draw: st.DrawFn) -> dict[str, int | None]:
    items: dict[str, int | None] = {}
    for code in rand36.ITEMS:
        low, high = rand36.answer_range(code)
        items[code] = draw(st.one_of(st.none(), st.integers(min_value=low, max_value=high)))
    return items


# --- data -------------------------------------------------------------------------------------


def test_recode_table_matches_domain() -> None:
    assert list(rand36.RECODE) == list(rand36.ITEMS)
    assert rand36.RECODE["rand_1"] == {1: 100, 2: 75, 3: 50, 4: 25, 5: 0}
    assert rand36.RECODE["rand_3"] == {1: 0, 2: 50, 3: 100}
    assert rand36.RECODE["rand_19"] == {1: 0, 2: 100}
    assert rand36.RECODE["rand_21"] == {1: 100, 2: 80, 3: 60, 4: 40, 5: 20, 6: 0}
    assert rand36.RECODE["rand_24"] == {1: 0, 2: 20, 3: 40, 4: 60, 5: 80, 6: 100}
    assert rand36.RECODE["rand_35"] == {1: 0, 2: 25, 3: 50, 4: 75, 5: 100}


@pytest.mark.parametrize(
    ("items", "high"),
    [
        ((1, 2, 20, 22, 34, 36), 5),
        (range(3, 13), 3),
        (range(13, 20), 2),
        ((21, 23, 26, 27, 30), 6),
        ((24, 25, 28, 29, 31), 6),
        ((32, 33, 35), 5),
    ],
)
def test_answer_range(items: range | tuple[int, ...], high: int) -> None:
    for number in items:
        assert rand36.answer_range(f"rand_{number}") == (1, high)


def test_answer_range_unknown_item() -> None:
    with pytest.raises(ValueError, match="'rand_37'"):
        rand36.answer_range("rand_37")


def test_scale_definitions() -> None:
    assert tuple(rand36.SCALES) == SCALE_NAMES
    assert rand36.SCALES["energy_fatigue"] == ("rand_23", "rand_27", "rand_29", "rand_31")
    assert rand36.SCALES["health_change"] == ("rand_2",)
    used = [code for codes in rand36.SCALES.values() for code in codes]
    assert sorted(used) == sorted(rand36.ITEMS)  # every item in exactly one scale


# --- extremes ---------------------------------------------------------------------------------


def test_all_best_gives_100() -> None:
    assert rand36.scales(ALL_BEST) == dict.fromkeys(SCALE_NAMES, 100.0)


def test_all_worst_gives_0() -> None:
    assert rand36.scales(ALL_WORST) == dict.fromkeys(SCALE_NAMES, 0.0)


def test_nothing_answered() -> None:
    assert rand36.scales({}) == dict.fromkeys(SCALE_NAMES)


# --- reversed items ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "answer", "score"),
    [
        ("rand_1", 1, 100),  # excellent health is best
        ("rand_22", 5, 0),
        ("rand_21", 6, 0),
        ("rand_26", 1, 100),
        ("rand_24", 1, 0),  # the opposite direction on the same 6-point format
        ("rand_29", 6, 100),
        ("rand_32", 5, 100),
        ("rand_33", 1, 0),
        ("rand_34", 1, 100),
        ("rand_13", 1, 0),
    ],
)
def test_recode_direction(code: str, answer: int, score: int) -> None:
    assert rand36.recode({code: answer})[code] == score


# --- each scale hand-worked -------------------------------------------------------------------


def test_physical_functioning() -> None:
    items = {f"rand_{n}": 3 for n in range(3, 13)}
    items["rand_3"] = 1
    items["rand_4"] = 2
    # (0 + 50 + 8 x 100) / 10 = 85
    assert rand36.scales(items)["physical_functioning"] == 85.0


def test_role_physical_and_emotional() -> None:
    items = {"rand_13": 1, "rand_14": 2, "rand_15": 2, "rand_16": 2, "rand_17": 1, "rand_18": 1}
    result = rand36.scales(items)
    assert result["role_physical"] == 75.0
    # item 19 missing: mean of 17 and 18
    assert result["role_emotional"] == 0.0


def test_energy_fatigue_mixes_directions() -> None:
    # 23: 2 -> 80, 27: 3 -> 60, 29: 4 -> 60, 31: 6 -> 100; mean 75
    items = {"rand_23": 2, "rand_27": 3, "rand_29": 4, "rand_31": 6}
    assert rand36.scales(items)["energy_fatigue"] == 75.0


def test_emotional_wellbeing() -> None:
    # 24: 5 -> 80, 25: 6 -> 100, 26: 2 -> 80, 28: 3 -> 40, 30: 1 -> 100; mean 80
    items = {"rand_24": 5, "rand_25": 6, "rand_26": 2, "rand_28": 3, "rand_30": 1}
    assert rand36.scales(items)["emotional_wellbeing"] == 80.0


def test_social_functioning() -> None:
    # 20: 2 -> 75, 32: 3 -> 50
    assert rand36.scales({"rand_20": 2, "rand_32": 3})["social_functioning"] == 62.5


def test_pain() -> None:
    # 21: 3 -> 60, 22: 2 -> 75
    assert rand36.scales({"rand_21": 3, "rand_22": 2})["pain"] == 67.5


def test_general_health_and_rounding() -> None:
    # 1: 3 -> 50, 33: 2 -> 25, 34: 4 -> 25, 35: 5 -> 100, 36: 1 -> 100; mean 60
    items = {"rand_1": 3, "rand_33": 2, "rand_34": 4, "rand_35": 5, "rand_36": 1}
    assert rand36.scales(items)["general_health"] == 60.0
    # three answered: (50 + 25 + 25) / 3 = 33.33
    assert rand36.scales({"rand_1": 3, "rand_33": 2, "rand_34": 4})["general_health"] == 33.33


def test_health_change_is_item_2_alone() -> None:
    result = rand36.scales({"rand_2": 2, "rand_1": 5})
    assert result["health_change"] == 75.0
    assert result["general_health"] == 0.0
    assert rand36.scales({"rand_1": 1})["health_change"] is None


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "answer"),
    [
        ("rand_3", 4),
        ("rand_13", 3),
        ("rand_1", 6),
        ("rand_21", 7),
        ("rand_24", 0),
        ("rand_2", True),
    ],
)
def test_out_of_range_names_item(code: str, answer: int) -> None:
    with pytest.raises(ValueError, match=f"'{code}'"):
        rand36.scales({code: answer})


@pytest.mark.parametrize("code", ["rand_0", "rand_37", "sf36_1"])
def test_unknown_item_names_it(code: str) -> None:
    with pytest.raises(ValueError, match=f"'{code}'"):
        rand36.scales({code: 1})


# --- properties -------------------------------------------------------------------------------


@given(answer_maps())
def test_scales_in_range(items: dict[str, int | None]) -> None:
    for scale, score in rand36.scales(items).items():
        answered = any(items[code] is not None for code in rand36.SCALES[scale])
        assert (score is None) == (not answered)
        if score is not None:
            assert 0.0 <= score <= 100.0


@given(answer_maps(), st.sampled_from(rand36.ITEMS))
def test_better_recoded_answer_never_lowers_a_scale(
    items: dict[str, int | None], code: str
) -> None:
    answer = items[code]
    if answer is None:
        return
    table = rand36.RECODE[code]
    better = [a for a in table if table[a] > table[answer]]
    if not better:
        return
    before = rand36.scales(items)
    after = rand36.scales({**items, code: better[0]})
    for scale, score in before.items():
        new = after[scale]
        assert (score is None) == (new is None)
        if score is not None and new is not None:
            assert new >= score
