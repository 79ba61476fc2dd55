"""Cochin Hand Function Scale: total, domains, missing items, errors and properties."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sscvisit.scoring import chfs
from sscvisit.scoring._items import NotComputable

answers = st.integers(min_value=0, max_value=5)
complete = st.fixed_dictionaries(dict.fromkeys(chfs.ITEMS, answers))
partial = st.fixed_dictionaries({code: st.one_of(st.none(), answers) for code in chfs.ITEMS})


def numbered(values: Sequence[int | None]) -> dict[str, int | None]:
    return {f"chfs_{n}": v for n, v in enumerate(values, start=1)}


def test_data() -> None:
    assert chfs.ITEMS[0] == "chfs_1"
    assert chfs.ITEMS[-1] == "chfs_18"
    assert len(chfs.ITEMS) == 18
    assert chfs.MAX_MISSING_ITEMS == 0
    assert chfs.DOMAINS["kitchen"] == tuple(f"chfs_{n}" for n in range(1, 9))
    assert chfs.DOMAINS["dressing"] == ("chfs_9", "chfs_10")
    assert chfs.DOMAINS["hygiene"] == ("chfs_11", "chfs_12")
    assert chfs.DOMAINS["office"] == ("chfs_13", "chfs_14")
    assert chfs.DOMAINS["other"] == ("chfs_15", "chfs_16", "chfs_17", "chfs_18")
    assert sorted(c for codes in chfs.DOMAINS.values() for c in codes) == sorted(chfs.ITEMS)


def test_extremes() -> None:
    assert chfs.total(dict.fromkeys(chfs.ITEMS, 0)) == 0
    assert chfs.total(dict.fromkeys(chfs.ITEMS, 5)) == 90


def test_hand_worked_total_and_domains() -> None:
    values: list[int | None] = [1, 2, 3, 4, 5, 0, 1, 2, 3, 3, 0, 1, 5, 5, 2, 2, 2, 2]
    items = numbered(values)
    assert chfs.total(items) == 43
    assert chfs.domains(items) == {
        "kitchen": 18,
        "dressing": 6,
        "hygiene": 1,
        "office": 10,
        "other": 8,
    }


def test_missing_item_makes_total_and_its_domain_not_computable() -> None:
    items = numbered([1] * 18)
    items["chfs_10"] = None
    assert chfs.total(items) is None
    assert chfs.domains(items) == {
        "kitchen": 8,
        "dressing": None,
        "hygiene": 2,
        "office": 2,
        "other": 4,
    }
    assert chfs.why_not_computable(items) == NotComputable(
        score="chfs_total", needed=18, answered=17, total=18
    )


def test_absent_item_counts_as_missing() -> None:
    items = numbered([1] * 18)
    del items["chfs_18"]
    assert chfs.total(items) is None
    assert chfs.domains(items)["other"] is None
    assert chfs.domains({}) == dict.fromkeys(chfs.DOMAINS)
    assert chfs.why_not_computable(numbered([0] * 18)) is None


def test_protocol_choice_allows_imputing_missing_items(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chfs, "MAX_MISSING_ITEMS", 2)
    items = numbered([1] * 16 + [2, None])
    # person mean 18/17 x 18 = 19.06 -> 19
    assert chfs.total(items) == 19
    assert chfs.why_not_computable(items) is None
    items["chfs_1"] = None
    items["chfs_2"] = None
    assert chfs.total(items) is None
    assert chfs.why_not_computable(items) == NotComputable("chfs_total", 16, 15, 18)
    # domains never impute
    assert chfs.domains(items)["kitchen"] is None


@pytest.mark.parametrize("value", [-1, 6, True, 2.5])
def test_out_of_range_names_item(value: object) -> None:
    items = numbered([0] * 18)
    items["chfs_7"] = value  # type: ignore[assignment]
    with pytest.raises(ValueError, match="'chfs_7'"):
        chfs.total(items)
    with pytest.raises(ValueError, match="'chfs_7'"):
        chfs.domains(items)


@pytest.mark.parametrize("code", ["chfs_0", "chfs_19", "CHFS_1", "dress_1"])
def test_unknown_item_names_it(code: str) -> None:
    with pytest.raises(ValueError, match=f"'{code}'"):
        chfs.total({code: 1})


@given(complete)
def test_total_in_range_and_sum_of_domains(items: dict[str, int | None]) -> None:
    total = chfs.total(items)
    assert total is not None
    assert 0 <= total <= chfs.MAX_TOTAL
    domains = chfs.domains(items)
    assert sum(d for d in domains.values() if d is not None) == total


@given(partial)
def test_total_none_iff_any_missing(items: dict[str, int | None]) -> None:
    total = chfs.total(items)
    assert (total is None) == any(v is None for v in items.values())
    assert (chfs.why_not_computable(items) is None) == (total is not None)


@given(partial, st.sampled_from(chfs.ITEMS))
def test_total_never_falls_when_an_answer_rises(items: dict[str, int | None], code: str) -> None:
    value = items[code]
    if value is None or value == 5:
        return
    worse = {**items, code: value + 1}
    before, after = chfs.total(items), chfs.total(worse)
    assert (before is None) == (after is None)
    if before is not None and after is not None:
        assert after == before + 1
    for domain, score in chfs.domains(items).items():
        new = chfs.domains(worse)[domain]
        if score is not None and new is not None:
            assert new >= score
