"""HAQ-DI and S-HAQ VAS: published examples of DOMAIN.md, every rule, errors and properties."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sscvisit.scoring import haq
from sscvisit.scoring._items import NotComputable

CATEGORY_NAMES = tuple(haq.CATEGORIES)


def items_from_category_scores(scores: Sequence[int | None]) -> dict[str, int | None]:
    """One answered item per category carrying the score, the other items left missing."""
    items: dict[str, int | None] = {}
    for (_category, codes), score in zip(haq.CATEGORIES.items(), scores, strict=True):
        items[codes[0]] = score
    return items


EXAMPLE = items_from_category_scores([1, 0, 2, 1, 0, 1, 2, 1])

answers = st.one_of(st.none(), st.integers(min_value=0, max_value=3))
item_maps = st.fixed_dictionaries(dict.fromkeys(haq.ITEMS, answers))
category_sets = st.frozensets(st.sampled_from(CATEGORY_NAMES))


# --- data -------------------------------------------------------------------------------------


def test_categories_and_items() -> None:
    assert CATEGORY_NAMES == (
        "dressing",
        "arising",
        "eating",
        "walking",
        "hygiene",
        "reach",
        "grip",
        "activities",
    )
    assert len(haq.ITEMS) == 20
    assert haq.CATEGORIES["hygiene"] == ("hyg_1", "hyg_2", "hyg_3")
    assert haq.VAS_SCALES == (
        "pain",
        "raynaud",
        "digital_ulcers",
        "gastrointestinal",
        "breathing",
        "overall",
    )


def test_aid_mapping() -> None:
    assert haq.AIDS["dressing_devices"] == "dressing"
    assert haq.AIDS["built_up_chair"] == "arising"
    assert haq.AIDS["built_up_utensils"] == "eating"
    for device in ("cane", "walker", "crutches", "wheelchair"):
        assert haq.AIDS[device] == "walking"
    for device in ("raised_toilet_seat", "bathtub_seat", "bathtub_bar", "long_handled_bathroom"):
        assert haq.AIDS[device] == "hygiene"
    assert haq.AIDS["reacher"] == "reach"
    assert haq.AIDS["jar_opener"] == "grip"
    assert set(haq.AIDS.values()) <= set(CATEGORY_NAMES)


def test_categories_for_aids() -> None:
    assert haq.categories_for_aids(["cane", "wheelchair", "jar_opener"]) == {"walking", "grip"}
    assert haq.categories_for_aids(()) == frozenset()


def test_categories_for_unknown_aid_names_it() -> None:
    with pytest.raises(ValueError, match="'rollator'"):
        haq.categories_for_aids(["cane", "rollator"])


def test_bare_string_is_refused() -> None:
    with pytest.raises(TypeError):
        haq.categories_for_aids("cane")
    with pytest.raises(TypeError):
        haq.disability_index(EXAMPLE, aids="walking")


# --- published example and category scores ---------------------------------------------------


def test_published_example() -> None:
    assert haq.disability_index(EXAMPLE) == 1.0
    assert haq.disability_index(EXAMPLE, adjusted=False) == 1.0


def test_category_score_is_highest_answered_item() -> None:
    items = {"eat_1": 0, "eat_2": 2, "eat_3": 1, "grip_1": None, "grip_2": 1}
    scores = haq.category_scores(items)
    assert scores["eating"] == 2
    assert scores["grip"] == 1
    assert scores["dressing"] is None
    assert list(scores) == list(CATEGORY_NAMES)


def test_max_of_items_drives_index() -> None:
    items = dict.fromkeys(haq.ITEMS, 0)
    items["act_3"] = 3
    # categories 0,0,0,0,0,0,0,3 -> 3/8 = 0.375
    assert haq.disability_index(items) == 0.375


# --- aids and help adjustment -----------------------------------------------------------------


@pytest.mark.parametrize(("raw", "adjusted"), [(0, 2), (1, 2), (2, 2), (3, 3)])
def test_aid_raises_answered_category_to_at_least_two(raw: int, adjusted: int) -> None:
    items = {"walk_1": raw, "walk_2": 0}
    assert haq.category_scores(items, aids={"walking"})["walking"] == adjusted
    assert haq.category_scores(items)["walking"] == raw


@pytest.mark.parametrize("category", CATEGORY_NAMES)
def test_help_raises_each_category(category: str) -> None:
    items = dict.fromkeys(haq.ITEMS, 0)
    scores = haq.category_scores(items, help={category})
    assert scores[category] == 2
    assert all(score == 0 for name, score in scores.items() if name != category)
    # one category at 2, seven at 0 -> 2/8
    assert haq.disability_index(items, help={category}) == 0.25


def test_aids_and_help_combine_without_double_counting() -> None:
    # Example with aids for walking (1 -> 2) and grip (2 stays 2), help for hygiene (0 -> 2):
    # 1,0,2,2,2,1,2,1 = 11/8 = 1.375
    aids = haq.categories_for_aids(["cane", "jar_opener"])
    assert haq.disability_index(EXAMPLE, aids=aids, help={"hygiene", "walking"}) == 1.375


def test_unadjusted_ignores_aids_and_help() -> None:
    assert haq.disability_index(EXAMPLE, aids=set(CATEGORY_NAMES), help={"dressing"}) == 2.0
    assert (
        haq.disability_index(EXAMPLE, aids=set(CATEGORY_NAMES), help={"dressing"}, adjusted=False)
        == 1.0
    )


def test_aid_does_not_make_unanswered_category_answered() -> None:
    scores = [1, 0, 2, 1, 0, None, None, None]
    items = items_from_category_scores(scores)
    assert haq.category_scores(items, aids={"reach", "grip"}, help={"activities"})["reach"] is None
    assert haq.disability_index(items, aids={"reach", "grip"}, help={"activities"}) is None


@pytest.mark.parametrize("adjusted", [True, False])
def test_unknown_category_names_it(adjusted: bool) -> None:
    # validated even when not adjusting, so a typo is never silently ignored
    with pytest.raises(ValueError, match="'cane'"):
        haq.disability_index(EXAMPLE, aids={"walking", "cane"}, adjusted=adjusted)
    with pytest.raises(ValueError, match="'walkin'"):
        haq.category_scores(EXAMPLE, help={"walkin"}, adjusted=adjusted)


# --- minimum of 6 answered categories ---------------------------------------------------------


def test_five_categories_answered_is_not_computable() -> None:
    items = items_from_category_scores([1, 0, 2, 1, 0, None, None, None])
    assert haq.disability_index(items) is None
    assert haq.why_not_computable(items) == NotComputable(
        score="haq_di", needed=6, answered=5, total=8
    )


def test_six_categories_answered_is_computable() -> None:
    items = items_from_category_scores([1, 0, 2, 1, 0, 2, None, None])
    # 6 / 6 = 1.0
    assert haq.disability_index(items) == 1.0
    assert haq.why_not_computable(items) is None


def test_seven_categories_mean_of_answered() -> None:
    items = items_from_category_scores([1, 0, 2, 1, 0, 2, 1, None])
    # 7 / 7
    assert haq.disability_index(items) == 1.0
    items = items_from_category_scores([1, 0, 0, 1, 0, 0, 0, None])
    # 2 / 7 = 0.2857... -> 0.286
    assert haq.disability_index(items) == 0.286


def test_eight_categories_answered() -> None:
    items = items_from_category_scores([3, 3, 3, 3, 3, 3, 3, 2])
    assert haq.disability_index(items) == 2.875
    assert haq.why_not_computable(items) is None


def test_nothing_answered() -> None:
    assert haq.disability_index({}) is None
    assert haq.why_not_computable({}) == NotComputable("haq_di", 6, 0, 8)
    assert haq.category_scores({}) == dict.fromkeys(CATEGORY_NAMES)


# --- item validation --------------------------------------------------------------------------


@pytest.mark.parametrize("value", [-1, 4, True, 1.5, "2"])
def test_out_of_range_answer_names_item(value: object) -> None:
    with pytest.raises(ValueError, match="'grip_2'"):
        haq.disability_index({"grip_2": value})  # type: ignore[dict-item]


def test_unknown_item_names_it() -> None:
    with pytest.raises(ValueError, match="'grip_4'"):
        haq.category_scores({"grip_1": 1, "grip_4": 1})
    with pytest.raises(ValueError, match="'walk_3'"):
        haq.why_not_computable({"walk_3": None})


# --- S-HAQ VAS --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mm", "score"),
    [(50, 1.5), (0, 0.0), (100, 3.0), (33, 0.99), (50.5, 1.52), (12.3, 0.37)],
)
def test_vas_score(mm: float, score: float) -> None:
    assert haq.vas_score(mm) == score


@pytest.mark.parametrize(("cm", "score"), [(7.5, 1.5), (0, 0.0), (15, 3.0), (4.3, 0.86)])
def test_vas_from_cm15(cm: float, score: float) -> None:
    assert haq.vas_from_cm15(cm) == score


@pytest.mark.parametrize("mm", [-0.1, 100.1, float("nan"), float("inf"), True])
def test_vas_out_of_range(mm: float) -> None:
    with pytest.raises(ValueError, match="VAS"):
        haq.vas_score(mm)


@pytest.mark.parametrize("cm", [-1, 15.5, float("nan")])
def test_vas_cm_out_of_range(cm: float) -> None:
    with pytest.raises(ValueError, match="VAS"):
        haq.vas_from_cm15(cm)


@given(st.floats(min_value=0, max_value=100))
def test_vas_in_range(mm: float) -> None:
    assert 0.0 <= haq.vas_score(mm) <= 3.0


@given(st.floats(min_value=0, max_value=15))
def test_cm_and_mm_agree(cm: float) -> None:
    # 15 cm line scaled to 100 mm: the two conversions agree within rounding
    assert abs(haq.vas_from_cm15(cm) - cm / 15 * 100 * 0.03) <= 0.005 + 1e-9


# --- properties -------------------------------------------------------------------------------


def _index(
    items: Mapping[str, int | None], aids: frozenset[str], help_: frozenset[str], adjusted: bool
) -> float | None:
    return haq.disability_index(items, aids=aids, help=help_, adjusted=adjusted)


@given(item_maps, category_sets, category_sets, st.booleans())
def test_index_in_range(
    items: dict[str, int | None], aids: frozenset[str], help_: frozenset[str], adjusted: bool
) -> None:
    index = _index(items, aids, help_, adjusted)
    answered = sum(s is not None for s in haq.category_scores(items).values())
    assert (index is None) == (answered < haq.MIN_CATEGORIES)
    assert (haq.why_not_computable(items) is None) == (index is not None)
    if index is not None:
        assert 0.0 <= index <= 3.0


@given(
    item_maps,
    st.sampled_from(haq.ITEMS),
    category_sets,
    category_sets,
    st.booleans(),
)
def test_index_never_falls_when_an_answer_rises(
    items: dict[str, int | None],
    code: str,
    aids: frozenset[str],
    help_: frozenset[str],
    adjusted: bool,
) -> None:
    value = items[code]
    if value is None or value == 3:
        return
    before = _index(items, aids, help_, adjusted)
    after = _index({**items, code: value + 1}, aids, help_, adjusted)
    if before is not None:
        assert after is not None
        assert after >= before


@given(item_maps, category_sets, category_sets)
def test_adjusted_never_below_unadjusted(
    items: dict[str, int | None], aids: frozenset[str], help_: frozenset[str]
) -> None:
    adjusted = _index(items, aids, help_, True)
    unadjusted = _index(items, aids, help_, False)
    assert (adjusted is None) == (unadjusted is None)
    if adjusted is not None and unadjusted is not None:
        assert adjusted >= unadjusted


@given(item_maps, category_sets, category_sets)
def test_adding_an_aid_never_lowers_the_index(
    items: dict[str, int | None], aids: frozenset[str], extra: frozenset[str]
) -> None:
    before = _index(items, aids, frozenset(), True)
    after = _index(items, aids | extra, frozenset(), True)
    if before is not None and after is not None:
        assert after >= before
