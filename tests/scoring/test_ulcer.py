"""Tests of digital ulcer area and per-visit counts."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sscvisit.scoring.ulcer import (
    FINGER_KEYS,
    FINGERS,
    HANDS,
    STATUSES,
    UlcerRecord,
    VisitSummary,
    active_count,
    count_by_finger,
    count_by_hand,
    ellipse_area,
    summarise_by_visit,
    total_area,
)

sizes = st.floats(min_value=0.1, max_value=200.0, allow_nan=False, allow_infinity=False)


def ulcer(
    hand: str = "L",
    finger: str = "D2",
    status: str = "active",
    length: float | None = None,
    width: float | None = None,
    *,
    visit: str = "week_4",
    site: str = "tip",
) -> UlcerRecord:
    return UlcerRecord(visit, hand, finger, site, status, length, width)


records_strategy = st.lists(
    st.builds(
        UlcerRecord,
        visit=st.sampled_from(["screening", "baseline", "week_4", "week_12"]),
        hand=st.sampled_from(HANDS),
        finger=st.sampled_from(FINGERS),
        site=st.sampled_from(["tip", "volar", "dorsal_pip", "other"]),
        status=st.sampled_from(STATUSES),
        length_mm=st.none() | sizes,
        width_mm=st.none() | sizes,
    ),
    max_size=25,
)


# --- ellipse area --------------------------------------------------------------------------------


def test_domain_example_six_by_four_is_18_85() -> None:
    assert ellipse_area(6, 4) == 18.85


@pytest.mark.parametrize(
    ("length", "width", "area"),
    [
        (1.0, 1.0, 0.79),  # pi/4 = 0.785...
        (2.0, 2.0, 3.14),  # a 2 mm circle
        (10.0, 10.0, 78.54),
        (3.0, 2.5, 5.89),  # 5.890...
        (0.5, 0.5, 0.2),  # 0.196...
        (12.0, 7.0, 65.97),  # 65.973...
    ],
)
def test_hand_worked_areas(length: float, width: float, area: float) -> None:
    assert ellipse_area(length, width) == area


@pytest.mark.parametrize("bad", [0.0, 0, -1.0, -0.01, math.nan, math.inf, -math.inf])
def test_bad_length_raises_naming_length(bad: float) -> None:
    with pytest.raises(ValueError, match="length_mm") as excinfo:
        ellipse_area(bad, 4.0)
    assert "width_mm" not in str(excinfo.value)


@pytest.mark.parametrize("bad", [0.0, 0, -1.0, -0.01, math.nan, math.inf, -math.inf])
def test_bad_width_raises_naming_width(bad: float) -> None:
    with pytest.raises(ValueError, match="width_mm") as excinfo:
        ellipse_area(6.0, bad)
    assert "length_mm" not in str(excinfo.value)


@given(sizes, sizes)
def test_area_is_the_rounded_ellipse_formula(length: float, width: float) -> None:
    area = ellipse_area(length, width)
    assert area == pytest.approx(math.pi / 4 * length * width, abs=0.005 + 1e-9)
    assert area == round(area, 2)


@given(sizes, sizes)
def test_area_is_symmetric(length: float, width: float) -> None:
    assert ellipse_area(length, width) == ellipse_area(width, length)


@given(sizes, sizes, sizes)
def test_area_grows_with_size(length: float, width: float, other: float) -> None:
    small, large = sorted((length, other))
    assert ellipse_area(small, width) <= ellipse_area(large, width)
    assert ellipse_area(width, small) <= ellipse_area(width, large)


# --- records -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("hand", "X"), ("hand", "l"), ("finger", "D6"), ("finger", "D0"), ("status", "closed")],
)
def test_record_rejects_bad_codes_naming_the_value(field: str, value: str) -> None:
    fields = {"hand": "L", "finger": "D1", "status": "new"} | {field: value}
    with pytest.raises(ValueError, match=f"'{value}'"):
        UlcerRecord("week_1", fields["hand"], fields["finger"], "tip", fields["status"], 1, 1)


@pytest.mark.parametrize("bad", [0.0, -2.0, math.nan, math.inf])
def test_record_rejects_bad_sizes_naming_the_argument(bad: float) -> None:
    with pytest.raises(ValueError, match="length_mm"):
        ulcer(length=bad, width=2.0)
    with pytest.raises(ValueError, match="width_mm"):
        ulcer(length=2.0, width=bad)


def test_record_without_sizes_has_no_area() -> None:
    assert ulcer().area_mm2 is None
    assert ulcer(length=6.0).area_mm2 is None
    assert ulcer(length=6.0, width=4.0).area_mm2 == 18.85


def test_record_is_frozen() -> None:
    record = ulcer()
    with pytest.raises(AttributeError):
        record.status = "healed"  # type: ignore[misc]


# --- counts and area -----------------------------------------------------------------------------


EXAMPLE = [
    ulcer("L", "D2", "active", 6.0, 4.0),  # 18.85
    ulcer("L", "D2", "new", 2.0, 2.0, site="dorsal_pip"),  # 3.14
    ulcer("L", "D3", "healed", 5.0, 5.0),  # healed: not counted, no area
    ulcer("R", "D5", "new", 3.0),  # active, width missing: counted, no area
    ulcer("R", "D1", "active", 10.0, 10.0),  # 78.54
]


def test_active_count_counts_active_and_new_but_not_healed() -> None:
    assert active_count(EXAMPLE) == 4


def test_count_by_hand() -> None:
    assert count_by_hand(EXAMPLE) == {"L": 2, "R": 2}


def test_count_by_finger_has_all_ten_keys() -> None:
    counts = count_by_finger(EXAMPLE)
    assert list(counts) == list(FINGER_KEYS)
    assert len(counts) == 10
    assert counts == {
        "L-D1": 0,
        "L-D2": 2,
        "L-D3": 0,
        "L-D4": 0,
        "L-D5": 0,
        "R-D1": 1,
        "R-D2": 0,
        "R-D3": 0,
        "R-D4": 0,
        "R-D5": 1,
    }


def test_total_area_sums_measured_active_ulcers() -> None:
    assert total_area(EXAMPLE) == 100.53  # 18.85 + 3.14 + 78.54


def test_healed_ulcer_area_is_not_counted() -> None:
    assert total_area([ulcer(status="healed", length=6.0, width=4.0)]) == 0.0


def test_no_records() -> None:
    assert active_count([]) == 0
    assert count_by_hand([]) == {"L": 0, "R": 0}
    assert count_by_finger([]) == dict.fromkeys(FINGER_KEYS, 0)
    assert total_area([]) == 0.0
    assert summarise_by_visit([]) == {}


def test_only_healed_ulcers_give_zero_everywhere() -> None:
    healed = [ulcer(status="healed"), ulcer("R", "D4", status="healed")]
    assert active_count(healed) == 0
    assert count_by_hand(healed) == {"L": 0, "R": 0}
    assert set(count_by_finger(healed).values()) == {0}


def test_functions_accept_generators() -> None:
    assert active_count(record for record in EXAMPLE) == 4
    assert total_area(record for record in EXAMPLE) == 100.53
    assert summarise_by_visit(record for record in EXAMPLE)["week_4"].active == 4


def test_summarise_by_visit() -> None:
    records = [
        ulcer("L", "D2", "new", 6.0, 4.0, visit="baseline"),
        ulcer("R", "D3", "active", 2.0, 2.0, visit="baseline"),
        ulcer("L", "D2", "active", 4.0, 3.0, visit="week_4"),  # 9.42
        ulcer("R", "D3", "healed", visit="week_4"),
        ulcer("L", "D2", "healed", visit="week_12"),
        ulcer("R", "D3", "healed", visit="week_12"),
    ]
    summaries = summarise_by_visit(records)
    assert list(summaries) == ["baseline", "week_4", "week_12"]

    baseline = summaries["baseline"]
    assert baseline.active == 2
    assert baseline.by_hand == {"L": 1, "R": 1}
    assert baseline.by_finger["L-D2"] == 1
    assert baseline.by_finger["R-D3"] == 1
    assert baseline.total_area_mm2 == 21.99  # 18.85 + 3.14

    assert summaries["week_4"] == VisitSummary(
        active=1,
        by_hand={"L": 1, "R": 0},
        by_finger=dict.fromkeys(FINGER_KEYS, 0) | {"L-D2": 1},
        total_area_mm2=9.42,
    )
    assert summaries["week_12"].active == 0
    assert summaries["week_12"].total_area_mm2 == 0.0


@given(records_strategy)
def test_counts_agree(records: list[UlcerRecord]) -> None:
    total = active_count(records)
    assert sum(count_by_hand(records).values()) == total
    assert sum(count_by_finger(records).values()) == total
    assert set(count_by_hand(records)) == set(HANDS)
    assert list(count_by_finger(records)) == list(FINGER_KEYS)


@given(records_strategy)
def test_total_area_is_sum_of_displayed_areas(records: list[UlcerRecord]) -> None:
    expected = sum(r.area_mm2 for r in records if r.status != "healed" and r.area_mm2 is not None)
    assert total_area(records) == pytest.approx(expected, abs=1e-6)
    assert total_area(records) >= 0.0


@given(records_strategy)
def test_visit_summaries_add_up_to_the_whole(records: list[UlcerRecord]) -> None:
    summaries = summarise_by_visit(records)
    assert set(summaries) == {r.visit for r in records}
    assert sum(s.active for s in summaries.values()) == active_count(records)
    assert sum(s.total_area_mm2 for s in summaries.values()) == pytest.approx(
        total_area(records), abs=1e-6
    )
    for visit, visit_summary in summaries.items():
        assert visit_summary.active == active_count(r for r in records if r.visit == visit)
