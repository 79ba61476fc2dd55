"""Tests of the nailfold capillaroscopy summary and MES (Cutolo 2000; Sulli 2008; Smith 2019)."""

from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sscvisit.scoring.capillaroscopy import FINGERS, MES_PARAMETERS, PARAMETERS, summary

KEYS = [*PARAMETERS, "mes", "assessable_fingers"]


def uniform(score: int) -> dict[str, int | None]:
    return dict.fromkeys(PARAMETERS, score)


# --- data ----------------------------------------------------------------------------------------


def test_constants() -> None:
    assert FINGERS == ("L2", "L3", "L4", "L5", "R2", "R3", "R4", "R5")
    assert PARAMETERS == (
        "enlarged",
        "giant",
        "haemorrhages",
        "loss",
        "disorganisation",
        "ramified",
    )
    assert MES_PARAMETERS == ("loss", "disorganisation", "ramified")


# --- hand-worked examples ------------------------------------------------------------------------


def test_all_eight_fingers_normal() -> None:
    result = summary({finger: uniform(0) for finger in FINGERS})
    assert list(result) == KEYS
    assert result == dict.fromkeys(PARAMETERS, 0.0) | {"mes": 0.0, "assessable_fingers": 8.0}


def test_all_eight_fingers_maximal_gives_mes_nine() -> None:
    result = summary({finger: uniform(3) for finger in FINGERS})
    assert result["mes"] == 9.0
    assert all(result[parameter] == 3.0 for parameter in PARAMETERS)


def test_worked_example_with_two_fingers() -> None:
    fingers: dict[str, Mapping[str, int | None]] = {
        "L2": {
            "enlarged": 2,
            "giant": 1,
            "haemorrhages": 1,
            "loss": 1,
            "disorganisation": 1,
            "ramified": 0,
        },
        "R3": {
            "enlarged": 3,
            "giant": 0,
            "haemorrhages": 2,
            "loss": 2,
            "disorganisation": 1,
            "ramified": 1,
        },
    }
    assert summary(fingers) == {
        "enlarged": 2.5,
        "giant": 0.5,
        "haemorrhages": 1.5,
        "loss": 1.5,
        "disorganisation": 1.0,
        "ramified": 0.5,
        "mes": 3.0,
        "assessable_fingers": 2.0,
    }


def test_mes_is_the_rounded_sum_of_exact_means() -> None:
    # loss, disorganisation and ramified each 1/3: means 0.33, MES exactly 1.00 (not 0.99).
    fingers = {
        "L2": {"loss": 1, "disorganisation": 1, "ramified": 1},
        "L3": {"loss": 0, "disorganisation": 0, "ramified": 0},
        "L4": {"loss": 0, "disorganisation": 0, "ramified": 0},
    }
    result = summary(fingers)
    assert result["loss"] == result["disorganisation"] == result["ramified"] == 0.33
    assert result["mes"] == 1.0


def test_means_round_half_up() -> None:
    # One finger of eight scores 1: mean 0.125 -> 0.13; seven of eight: 0.875 -> 0.88.
    fingers = {finger: {"giant": 0, "loss": 1} for finger in FINGERS}
    fingers["L2"] = {"giant": 1, "loss": 0}
    result = summary(fingers)
    assert result["giant"] == 0.13
    assert result["loss"] == 0.88


def test_two_thirds_rounds_to_067() -> None:
    fingers = {"L2": {"enlarged": 1}, "L3": {"enlarged": 1}, "L4": {"enlarged": 0}}
    assert summary(fingers)["enlarged"] == 0.67


# --- assessable fingers --------------------------------------------------------------------------


def test_absent_empty_and_all_none_fingers_are_not_assessable() -> None:
    fingers: dict[str, Mapping[str, int | None]] = {
        "L2": uniform(2),
        "L3": {},
        "L4": dict.fromkeys(PARAMETERS),
        "R2": uniform(0),
    }
    result = summary(fingers)
    assert result["assessable_fingers"] == 2.0
    assert result["loss"] == 1.0  # (2 + 0) / 2, not / 4 or / 8


def test_missing_parameter_is_left_out_of_its_own_mean_only() -> None:
    fingers: dict[str, Mapping[str, int | None]] = {
        "L2": {"enlarged": 3, "giant": None, "loss": 2, "disorganisation": 2, "ramified": 2},
        "L3": {"enlarged": 1, "giant": 2, "loss": 0, "disorganisation": 0, "ramified": 0},
    }
    result = summary(fingers)
    assert result["giant"] == 2.0  # only L3 scores giant
    assert result["enlarged"] == 2.0
    assert result["haemorrhages"] is None  # no finger scores it
    assert result["mes"] == 3.0
    assert result["assessable_fingers"] == 2.0


def test_no_assessable_fingers() -> None:
    expected = dict.fromkeys([*PARAMETERS, "mes"]) | {"assessable_fingers": 0.0}
    assert summary({}) == expected
    assert summary({finger: {} for finger in FINGERS}) == expected


@pytest.mark.parametrize("missing", MES_PARAMETERS)
def test_mes_is_none_when_one_of_its_parameters_is_missing(missing: str) -> None:
    scores: dict[str, int | None] = uniform(1)
    scores[missing] = None
    result = summary({"L2": scores, "R5": scores})
    assert result[missing] is None
    assert result["mes"] is None
    assert result["assessable_fingers"] == 2.0


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize("finger", ["L1", "R6", "D2", "l2", "left index"])
def test_unknown_finger_raises_naming_it(finger: str) -> None:
    with pytest.raises(ValueError, match=f"'{finger}'"):
        summary({"L2": uniform(1), finger: uniform(1)})


@pytest.mark.parametrize("finger", ["L2", "R5"])
def test_unknown_parameter_raises_naming_finger_and_parameter(finger: str) -> None:
    with pytest.raises(ValueError, match=f"finger {finger}.*'density'"):
        summary({finger: {"loss": 1, "density": 7}})


def test_unknown_parameter_raises_even_when_none() -> None:
    with pytest.raises(ValueError, match=r"finger L3.*'avascular'"):
        summary({"L3": {"avascular": None}})


@pytest.mark.parametrize("value", [-1, 4, 10, 1.5, 2.0, True, "2"])
@pytest.mark.parametrize("parameter", PARAMETERS)
def test_bad_score_raises_naming_finger_and_parameter(parameter: str, value: object) -> None:
    with pytest.raises(ValueError, match=f"finger R4, parameter {parameter}"):
        summary({"L2": uniform(1), "R4": {parameter: value}})  # type: ignore[dict-item]


# --- properties ----------------------------------------------------------------------------------

scores = st.dictionaries(
    st.sampled_from(PARAMETERS), st.none() | st.integers(min_value=0, max_value=3)
)
patients = st.dictionaries(st.sampled_from(FINGERS), scores)


@given(patients)
def test_results_are_within_range(fingers: dict[str, dict[str, int | None]]) -> None:
    result = summary(fingers)
    assert list(result) == KEYS
    for parameter in PARAMETERS:
        mean = result[parameter]
        assert mean is None or 0.0 <= mean <= 3.0
    mes = result["mes"]
    assert mes is None or 0.0 <= mes <= 9.0
    assessable = result["assessable_fingers"]
    assert assessable is not None
    assert 0 <= assessable <= 8


@given(patients)
def test_assessable_count_and_mes(fingers: dict[str, dict[str, int | None]]) -> None:
    result = summary(fingers)
    expected = sum(1 for s in fingers.values() if any(v is not None for v in s.values()))
    assert result["assessable_fingers"] == float(expected)
    means = [result[parameter] for parameter in MES_PARAMETERS]
    if any(mean is None for mean in means):
        assert result["mes"] is None
    else:
        assert result["mes"] == pytest.approx(sum(m for m in means if m is not None), abs=0.015)


@given(patients)
def test_mean_matches_direct_computation(fingers: dict[str, dict[str, int | None]]) -> None:
    result = summary(fingers)
    for parameter in PARAMETERS:
        values = [s[parameter] for s in fingers.values() if s.get(parameter) is not None]
        if values:
            assert result[parameter] == pytest.approx(
                sum(v for v in values if v is not None) / len(values), abs=0.005 + 1e-9
            )
        else:
            assert result[parameter] is None


@given(patients)
def test_not_assessable_fingers_change_nothing(fingers: dict[str, dict[str, int | None]]) -> None:
    padded: dict[str, Mapping[str, int | None]] = {finger: {} for finger in FINGERS}
    padded.update(fingers)
    assert summary(padded) == summary(fingers)
