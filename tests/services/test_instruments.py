"""Instrument definitions: well formed, and item for item in agreement with the scoring library."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest

from sscvisit.model.entities import COMPLETED_BY
from sscvisit.model.fields import FieldError, Problem
from sscvisit.scoring import capillaroscopy, chfs, eq5d, haq, rand36
from sscvisit.services.instruments import (
    INSTRUMENT_CODES,
    InstrumentDef,
    InstrumentFileError,
    ItemDef,
    check_answer,
    instruments,
    load_instrument,
    parse_instrument,
)

# Longest short description we accept: a label, never the questionnaire's own item text.
SHORT = 45


def _ranges(definition: InstrumentDef, kind: str) -> dict[str, tuple[float, float]]:
    return {
        item.code: (item.minimum, item.maximum)
        for item in definition.items
        if item.kind == kind and item.minimum is not None and item.maximum is not None
    }


def _codes(definition: InstrumentDef, kind: str) -> set[str]:
    return {item.code for item in definition.items if item.kind == kind}


# --- agreement with the scoring library, so the two cannot drift -----------------------------


def test_shaq_items_agree_with_the_haq_scorer() -> None:
    shaq = load_instrument("shaq")
    assert _ranges(shaq, "choice") == dict.fromkeys(haq.ITEMS, haq.ANSWER_RANGE)
    assert [i.code for i in shaq.items if i.kind == "choice"] == list(haq.ITEMS)
    for category, codes in haq.CATEGORIES.items():
        assert {shaq.item(code).category for code in codes} == {category}
    aids = {i.code: i.category for i in shaq.items if i.code.startswith("aid_")}
    assert aids == {f"aid_{device}": category for device, category in haq.AIDS.items()}
    helps = {i.code: i.category for i in shaq.items if i.code.startswith("help_")}
    assert helps == {f"help_{category}": category for category in haq.CATEGORIES}
    assert _codes(shaq, "flag") == set(aids) | set(helps)
    vas = dict.fromkeys((f"vas_{scale}" for scale in haq.VAS_SCALES), (0, haq.VAS_MAX_MM))
    assert _ranges(shaq, "number") == vas
    assert {shaq.item(code).unit for code in vas} == {"mm"}
    assert len(shaq.items) == len(haq.ITEMS) + len(aids) + len(helps) + len(vas)


def test_rand36_items_agree_with_the_rand36_scorer() -> None:
    definition = load_instrument("rand36")
    assert [item.code for item in definition.items] == list(rand36.ITEMS)
    assert _ranges(definition, "choice") == {
        code: rand36.answer_range(code) for code in rand36.ITEMS
    }
    for item in definition.items:
        assert len(item.options_en) == len(rand36.RECODE[item.code])


def test_eq5d_items_agree_with_the_eq5d_scorer() -> None:
    definition = load_instrument("eq5d")
    expected = {f"eq5d_{dimension.lower()}": eq5d.LEVELS for dimension in eq5d.DIMENSIONS}
    assert _ranges(definition, "choice") == expected
    assert _ranges(definition, "number") == {"eq5d_vas": (0, 100)}
    assert len(definition.items) == len(eq5d.DIMENSIONS) + 1


def test_chfs_items_agree_with_the_chfs_scorer() -> None:
    definition = load_instrument("chfs")
    assert [item.code for item in definition.items] == list(chfs.ITEMS)
    assert _ranges(definition, "choice") == dict.fromkeys(chfs.ITEMS, chfs.ANSWER_RANGE)
    groups = {group.code: group.items for group in definition.groups}
    assert groups == dict(chfs.DOMAINS)


def test_capillaroscopy_items_agree_with_the_capillaroscopy_summary() -> None:
    definition = load_instrument("capillaroscopy")
    scored = {
        f"{finger}_{parameter}": (0, capillaroscopy.MAX_SCORE)
        for finger in capillaroscopy.FINGERS
        for parameter in capillaroscopy.PARAMETERS
    }
    assert _ranges(definition, "choice") == scored
    per_finger = {
        f"{finger}_{name}"
        for finger in capillaroscopy.FINGERS
        for name in ("density", "giant_count", "haemorrhage_count")
    }
    assert _codes(definition, "number") == per_finger
    assert definition.item("L3_density").unit == "/mm"
    assert definition.item("L3_density").decimals == 1
    assert _ranges(definition, "number")["R5_density"] == (0, 20)
    assert _ranges(definition, "number")["R5_giant_count"] == (0, 50)
    assert _codes(definition, "flag") == {
        f"{finger}_not_assessable" for finger in capillaroscopy.FINGERS
    }
    assert definition.item("pattern").options == ("normal", "early", "active", "late")
    assert _codes(definition, "text") == {"image_reference", "assessor"}
    assert [g.code for g in definition.groups[:8]] == list(capillaroscopy.FINGERS)
    assert definition.completed_by == ("assessor",)


# --- every definition is well formed -----------------------------------------------------------


def test_all_five_instruments_load_once() -> None:
    loaded = instruments()
    assert tuple(loaded) == INSTRUMENT_CODES
    for code, definition in loaded.items():
        assert definition.code == code
        assert load_instrument(code) is definition  # cached: the forms re-read nothing


@pytest.mark.parametrize("code", INSTRUMENT_CODES)
def test_every_item_is_labelled_grouped_and_declared_as_a_field(code: str) -> None:
    definition = load_instrument(code)
    codes = [item.code for item in definition.items]
    assert len(codes) == len(set(codes))
    grouped = [c for group in definition.groups for c in group.items]
    assert sorted(grouped) == sorted(codes)  # each item in exactly one group
    assert set(definition.completed_by) <= {c.value for c in COMPLETED_BY}
    members = {group.code: group.items for group in definition.groups}
    oids = set()
    for item in definition.items:
        assert item.group is not None
        assert item.code in members[item.group]
        for label in (item.short_en, item.short_nl):
            assert 0 < len(label) <= SHORT, (item.code, label)
        assert item.label("nl") == item.short_nl
        assert item.label("en") == item.short_en
        if item.kind == "choice":
            assert item.minimum is not None
            assert item.maximum is not None
            count = int(item.maximum - item.minimum) + 1
            assert len(item.options_en) == len(item.options_nl) == count
        if item.kind == "code":
            assert len(item.options) == len(item.options_en) == len(item.options_nl) > 0
        spec = item.field()
        assert spec.name == item.code
        assert spec.oid == f"{definition.oid}.{item.code.upper()}"
        assert not spec.required  # missing answers carry a reason instead
        oids.add(spec.oid)
    assert len(oids) == len(codes)


def test_labels_are_our_own_short_words_in_both_languages() -> None:
    shaq = load_instrument("shaq")
    assert shaq.item("dress_1").option_label(0, "en") == "No trouble"
    assert shaq.item("dress_1").option_label(3, "nl") == "Lukt niet"
    assert shaq.item("dress_1").option_label(None, "en") == ""
    assert shaq.item("aid_cane").label("nl") == "Wandelstok"
    pattern = load_instrument("capillaroscopy").item("pattern")
    assert pattern.option_label("late", "nl") == "Laat"
    assert pattern.option_label("unknown", "en") == "unknown"
    vas = shaq.item("vas_pain")
    assert vas.option_label(50.0, "en") == "50"
    assert load_instrument("eq5d").label("nl") == "EQ-5D-5L"
    assert shaq.groups[0].label("nl") == "Aankleden"


def test_field_declarations_carry_the_code_lists() -> None:
    rand_21 = load_instrument("rand36").item("rand_21").field()
    assert rand_21.kind == "int"
    assert [code.value for code in rand_21.codes] == ["1", "2", "3", "4", "5", "6"]
    pattern = load_instrument("capillaroscopy").item("pattern").field()
    assert pattern.kind == "code"
    assert pattern.code_label("early", "en") == "Early"
    assert load_instrument("shaq").item("vas_pain").field().kind == "int"
    assert load_instrument("capillaroscopy").item("L2_density").field().kind == "float"
    assert load_instrument("shaq").item("aid_cane").field().kind == "bool"


def test_unknown_item_or_instrument_is_refused() -> None:
    with pytest.raises(KeyError, match="rand_37"):
        load_instrument("rand36").item("rand_37")
    with pytest.raises(ValueError, match="sf12"):
        load_instrument("sf12")


# --- checking one answer -----------------------------------------------------------------------


def _item(instrument: str, code: str) -> ItemDef:
    return load_instrument(instrument).item(code)


def _problem(item: ItemDef, value: float | str | None) -> Problem:
    with pytest.raises(FieldError) as caught:
        check_answer(item, value)
    assert caught.value.field == item.code
    return caught.value.problem


def test_choice_answers_are_whole_numbers_in_range() -> None:
    item = _item("rand36", "rand_3")  # 1..3
    assert check_answer(item, 3) == 3
    assert check_answer(item, 2.0) == 2
    assert check_answer(item, " 1 ") == 1
    assert check_answer(item, None) is None
    assert check_answer(item, "") is None
    assert _problem(item, 4) is Problem.ABOVE_MAXIMUM
    assert _problem(item, 0) is Problem.BELOW_MINIMUM
    assert _problem(item, 2.5) is Problem.NOT_AN_INTEGER
    assert _problem(item, "two") is Problem.NOT_AN_INTEGER
    assert _problem(item, float("nan")) is Problem.NOT_A_NUMBER


def test_number_answers_are_kept_as_entered_within_range() -> None:
    density = _item("capillaroscopy", "R2_density")
    assert check_answer(density, "7,5") == 7.5
    assert check_answer(density, 20) == 20.0
    assert _problem(density, 20.1) is Problem.ABOVE_MAXIMUM
    assert _problem(density, -1) is Problem.BELOW_MINIMUM
    assert _problem(density, "a lot") is Problem.NOT_A_NUMBER
    assert _problem(_item("shaq", "vas_pain"), 101) is Problem.ABOVE_MAXIMUM


def test_flags_codes_and_texts() -> None:
    flag = _item("shaq", "aid_cane")
    assert check_answer(flag, 1) == 1
    assert check_answer(flag, 0.0) == 0
    assert _problem(flag, 2) is Problem.ABOVE_MAXIMUM
    pattern = _item("capillaroscopy", "pattern")
    assert check_answer(pattern, " active ") == "active"
    assert _problem(pattern, "scleroderma") is Problem.NOT_IN_CODELIST
    assert _problem(pattern, 2) is Problem.INCONSISTENT
    text = _item("capillaroscopy", "image_reference")
    assert check_answer(text, "IMG_0042") == "IMG_0042"
    assert _problem(text, "x" * 201) is Problem.TOO_LONG


@pytest.mark.parametrize("code", INSTRUMENT_CODES)
def test_check_answer_agrees_with_the_declared_field_at_the_bounds(code: str) -> None:
    for item in load_instrument(code).items:
        if item.kind not in {"choice", "number"}:
            continue
        assert item.minimum is not None
        assert item.maximum is not None
        spec = item.field()
        for value, accepted in (
            (item.minimum, True),
            (item.maximum, True),
            (item.minimum - 1, False),
            (item.maximum + 1, False),
        ):
            typed = int(value) if spec.kind == "int" else value
            try:
                spec.check(typed)
                field_ok = True
            except FieldError:
                field_ok = False
            try:
                check_answer(item, typed)
                answer_ok = True
            except FieldError:
                answer_ok = False
            assert field_ok == answer_ok == accepted, (item.code, value)


# --- a malformed file is named -----------------------------------------------------------------


def _raw(code: str) -> dict[str, Any]:
    path = resources.files("sscvisit.resources").joinpath("instruments", f"{code}.json")
    raw: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return raw


def test_the_shipped_file_parses_to_the_loaded_definition() -> None:
    assert parse_instrument(_raw("eq5d"), "eq5d.json") == load_instrument("eq5d")


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda raw: raw["items"][0].update(kind="slider"), "kind must be one of"),
        (lambda raw: raw["items"][0].update(options_en=["only one"]), "needs 5 options_en"),
        (lambda raw: raw["items"][0].update(max=0), "needs min <= max"),
        (lambda raw: raw["items"].append(dict(raw["items"][0])), "duplicate item codes"),
        (lambda raw: raw["groups"][0]["items"].append("eq5d_xx"), "unknown items"),
        (lambda raw: raw["groups"][1]["items"].append("eq5d_mo"), "in two groups"),
        (lambda raw: raw["items"][0].pop("short_nl"), "short_nl"),
        (lambda raw: raw.update(groups=[]), "'groups' must be a non-empty list"),
    ],
)
def test_malformed_definitions_are_refused_with_the_entry_named(
    break_it: Any, message: str
) -> None:
    raw = copy.deepcopy(_raw("eq5d"))
    break_it(raw)
    with pytest.raises(InstrumentFileError, match=message):
        parse_instrument(raw, "eq5d.json")


def test_an_item_outside_every_group_is_refused() -> None:
    raw = copy.deepcopy(_raw("eq5d"))
    raw["groups"][1]["items"].remove("eq5d_vas")
    with pytest.raises(InstrumentFileError, match=r"eq5d_vas\): not in any group"):
        parse_instrument(raw, "eq5d.json")
