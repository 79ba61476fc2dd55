"""The hand map's commands: apply and inverse, every refusal, carry-forward and recurrence."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sscvisit.handmap import geometry
from sscvisit.handmap.commands import (
    EDITABLE_FIELDS,
    MESSAGES,
    AddUlcer,
    Command,
    EditUlcer,
    MapError,
    MapState,
    MoveUlcer,
    RemoveUlcer,
    UlcerMark,
    apply,
    carry_forward,
    check_mark,
    check_state,
    is_saved_key,
    recurrence_candidate,
)


def mark(
    key: str = "n1", hand: str = "R", finger: str = "D2", site: str = "tip", **kw: Any
) -> UlcerMark:
    values: dict[str, Any] = {"status": "new", "length_mm": 6.0, "width_mm": 4.0}
    values.update(kw)
    return UlcerMark(key, hand, finger, site, **values)


SAVED = mark("u1", status="active", pain_vas=30.0, depth="deep", comment="on the pad")
SAVED_HEALED = mark(
    "u2", finger="D3", site="dorsal_pip", status="healed", length_mm=None, width_mm=None
)
NEW = mark("n1", hand="L", finger="D4", site="dorsal_mcp", infection=True)
STATE = MapState((SAVED, SAVED_HEALED, NEW))


def refused(state: MapState, command: Command) -> MapError:
    with pytest.raises(MapError) as info:
        apply(state, command)
    return info.value


# --- the state ----------------------------------------------------------------------------------


def test_marks_are_numbered_in_order_and_new_keys_are_fresh() -> None:
    assert [STATE.number_of(k) for k in ("u1", "u2", "n1")] == [1, 2, 3]
    assert STATE.get("u2") is SAVED_HEALED
    with pytest.raises(KeyError):
        STATE.number_of("n9")
    assert STATE.next_key() == "n2"
    assert MapState().next_key() == "n1"
    assert MapState((mark("n7"), mark("u9", finger="D3"))).next_key() == "n8"
    assert STATE.active_at("R", "D2", "tip") is SAVED
    assert STATE.active_at("R", "D3", "dorsal_pip") is None  # healed there


def test_a_state_with_one_key_twice_is_refused() -> None:
    with pytest.raises(MapError) as info:
        MapState((mark("n1"), mark("n1", finger="D3")))
    assert (info.value.code, info.value.field) == ("duplicate_key", "key")


def test_is_saved_key() -> None:
    assert is_saved_key("u12")
    assert not is_saved_key("n3")
    assert not is_saved_key("u")
    assert not is_saved_key("ux1")


def test_editable_fields_are_fields_of_a_mark() -> None:
    names = {f.name for f in dataclasses.fields(UlcerMark)}
    assert names >= EDITABLE_FIELDS
    assert names - EDITABLE_FIELDS == {"key", "hand", "finger", "site"}


# --- apply and inverse --------------------------------------------------------------------------


def round_trip(state: MapState, command: Command) -> MapState:
    new, inverse = apply(state, command)
    back, again = apply(new, inverse)
    assert back == state
    assert apply(back, again)[0] == new  # redo after undo
    return new


def test_add_appends_and_removing_undoes_it() -> None:
    added = mark("n2", hand="L", finger="D1", site="tip")
    new, inverse = apply(STATE, AddUlcer(added))
    assert new.marks == (*STATE.marks, added)
    assert new.number_of("n2") == 4
    assert inverse == RemoveUlcer("n2")
    assert round_trip(STATE, AddUlcer(added)) == new


def test_add_at_a_position() -> None:
    added = mark("n2", hand="L", finger="D1", site="tip")
    new = round_trip(STATE, AddUlcer(added, index=1))
    assert [m.key for m in new.marks] == ["u1", "n2", "u2", "n1"]


def test_edit_changes_only_the_named_fields_and_its_inverse_restores_them() -> None:
    command = EditUlcer("u1", {"length_mm": 8.5, "status": "healed", "comment": None})
    new, inverse = apply(STATE, command)
    edited = new.get("u1")
    assert (edited.length_mm, edited.status, edited.comment) == (8.5, "healed", None)
    assert edited.width_mm == 4.0
    assert edited.depth == "deep"
    assert inverse == EditUlcer(
        "u1", {"length_mm": 6.0, "status": "active", "comment": "on the pad"}
    )
    assert new.marks[1:] == STATE.marks[1:]
    round_trip(STATE, command)


def test_edit_changes_are_copied_and_read_only() -> None:
    changes: dict[str, object] = {"pain_vas": 12.0}
    command = EditUlcer("u1", changes)
    changes["pain_vas"] = 99.0
    assert command.changes["pain_vas"] == 12.0
    with pytest.raises(TypeError):
        command.changes["pain_vas"] = 1.0  # type: ignore[index]


def test_move_and_back() -> None:
    command = MoveUlcer("n1", "R", "D1", "dorsal_dip")
    new, inverse = apply(STATE, command)
    assert new.get("n1").place == ("R", "D1", "dorsal_dip")
    assert new.get("n1").infection is True  # what was recorded stays with it
    assert inverse == MoveUlcer("n1", "L", "D4", "dorsal_mcp")
    round_trip(STATE, command)


def test_remove_a_new_mark_and_add_it_back_in_its_place() -> None:
    state = MapState((NEW, SAVED, mark("n2", finger="D5")))
    new, inverse = apply(state, RemoveUlcer("n1"))
    assert [m.key for m in new.marks] == ["u1", "n2"]
    assert inverse == AddUlcer(NEW, 0)
    assert apply(new, inverse)[0] == state
    round_trip(state, RemoveUlcer("n2"))


def test_apply_never_changes_the_state_given() -> None:
    before = dataclasses.replace(STATE)
    apply(STATE, EditUlcer("u1", {"length_mm": 9.0}))
    apply(STATE, MoveUlcer("u1", "L", "D2", "tip"))
    apply(STATE, RemoveUlcer("n1"))
    apply(STATE, AddUlcer(mark("n5", finger="D5")))
    assert before == STATE


def test_healed_and_new_ulcers_may_share_a_site() -> None:
    new = round_trip(STATE, AddUlcer(mark("n2", finger="D3", site="dorsal_pip")))
    assert len(new.marks) == 4


def test_sizes_and_vas_at_their_limits_are_accepted() -> None:
    for changes in (
        {"length_mm": 0.5, "width_mm": 0.5},
        {"length_mm": 100, "width_mm": 100.0},
        {"pain_vas": 0},
        {"pain_vas": 100.0},
        {"length_mm": None, "width_mm": None, "pain_vas": None, "depth": None},
        {"width_mm": 6.0},  # width equal to length
    ):
        round_trip(STATE, EditUlcer("u1", changes))


# --- refusals -----------------------------------------------------------------------------------


REFUSALS: list[tuple[str, Command, str, str]] = [
    # two open ulcers at one site
    ("add on an open ulcer", AddUlcer(mark("n2")), "duplicate_active_site", "site"),
    ("move onto an open ulcer", MoveUlcer("n1", "R", "D2", "tip"), "duplicate_active_site", "site"),
    # sites the geometry does not have
    (
        "thumb has no PIP",
        AddUlcer(mark("n2", finger="D1", site="dorsal_pip")),
        "unknown_site",
        "site",
    ),
    ("no such site", AddUlcer(mark("n2", site="nail")), "unknown_site", "site"),
    ("no such hand", AddUlcer(mark("n2", hand="X")), "unknown_site", "hand"),
    ("no such finger", AddUlcer(mark("n2", finger="D6")), "unknown_site", "finger"),
    ("move to no site", MoveUlcer("u1", "L", "D1", "dorsal_pip"), "unknown_site", "site"),
    # sizes 0.5-100 mm
    (
        "length too small",
        AddUlcer(mark("n2", finger="D5", length_mm=0.4, width_mm=0.3)),
        "size_range",
        "length_mm",
    ),
    ("length too large", EditUlcer("u1", {"length_mm": 100.5}), "size_range", "length_mm"),
    ("width zero", EditUlcer("u1", {"width_mm": 0}), "size_range", "width_mm"),
    ("width negative", EditUlcer("u1", {"width_mm": -3.0}), "size_range", "width_mm"),
    ("length not a number", EditUlcer("u1", {"length_mm": math.nan}), "size_range", "length_mm"),
    ("width infinite", EditUlcer("u1", {"width_mm": math.inf}), "size_range", "width_mm"),
    # width larger than length: at the field just changed
    (
        "added wider than long",
        AddUlcer(mark("n2", finger="D5", length_mm=4.0, width_mm=6.0)),
        "width_gt_length",
        "width_mm",
    ),
    ("width made larger", EditUlcer("u1", {"width_mm": 7.0}), "width_gt_length", "width_mm"),
    ("length made smaller", EditUlcer("u1", {"length_mm": 3.0}), "width_gt_length", "length_mm"),
    (
        "both changed",
        EditUlcer("u1", {"length_mm": 3.0, "width_mm": 5.0}),
        "width_gt_length",
        "width_mm",
    ),
    # VAS 0-100 mm
    ("VAS negative", EditUlcer("u1", {"pain_vas": -1}), "vas_range", "pain_vas"),
    ("VAS above 100", AddUlcer(mark("n2", finger="D5", pain_vas=100.5)), "vas_range", "pain_vas"),
    ("VAS not a number", EditUlcer("u1", {"pain_vas": math.nan}), "vas_range", "pain_vas"),
    # an ulcer recorded before is marked healed, never removed
    ("remove a saved ulcer", RemoveUlcer("u1"), "not_removable", "key"),
    ("remove a healed saved ulcer", RemoveUlcer("u2"), "not_removable", "key"),
    # keys, fields and codes
    ("remove what is not there", RemoveUlcer("n9"), "unknown_ulcer", "key"),
    ("edit what is not there", EditUlcer("u9", {"pain_vas": 1.0}), "unknown_ulcer", "key"),
    ("move what is not there", MoveUlcer("u9", "R", "D5", "tip"), "unknown_ulcer", "key"),
    ("add a key in use", AddUlcer(mark("n1", finger="D5")), "duplicate_key", "key"),
    ("add a saved key", AddUlcer(mark("u7", finger="D5")), "invalid_key", "key"),
    ("add with an empty key", AddUlcer(mark("", finger="D5")), "invalid_key", "key"),
    ("add beyond the end", AddUlcer(mark("n2", finger="D5"), index=4), "invalid_value", "index"),
    ("edit the key", EditUlcer("u1", {"key": "u5"}), "unknown_field", "key"),
    ("edit the site", EditUlcer("u1", {"site": "volar"}), "unknown_field", "site"),
    ("edit a made-up field", EditUlcer("u1", {"colour": "red"}), "unknown_field", "colour"),
    ("unknown status", EditUlcer("u1", {"status": "open"}), "invalid_value", "status"),
    ("unknown depth", EditUlcer("u1", {"depth": "medium"}), "invalid_value", "depth"),
    ("flag not a bool", EditUlcer("u1", {"infection": "yes"}), "invalid_value", "infection"),
    ("flag as a number", EditUlcer("u1", {"gangrene": 1}), "invalid_value", "gangrene"),
    ("size as text", EditUlcer("u1", {"length_mm": "5"}), "invalid_value", "length_mm"),
    ("size as a bool", EditUlcer("u1", {"width_mm": True}), "invalid_value", "width_mm"),
    ("VAS as text", EditUlcer("u1", {"pain_vas": "20"}), "invalid_value", "pain_vas"),
    ("comment not text", EditUlcer("u1", {"comment": 5}), "invalid_value", "comment"),
    (
        "status of a new mark",
        AddUlcer(mark("n2", finger="D5", status="gone")),
        "invalid_value",
        "status",
    ),
]


@pytest.mark.parametrize(
    ("command", "code", "field"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS]
)
def test_each_refusal_names_its_code_and_field(command: Command, code: str, field: str) -> None:
    error = refused(STATE, command)
    assert error.code == code
    assert error.field == field
    assert isinstance(error, ValueError)
    assert code in MESSAGES
    assert str(error).startswith(f"{code}: ")


def test_reopening_a_healed_ulcer_beside_an_open_one_is_refused() -> None:
    state = MapState((*STATE.marks, mark("n2", finger="D3", site="dorsal_pip")))
    error = refused(state, EditUlcer("u2", {"status": "active"}))
    assert (error.code, error.field, error.params["other"]) == (
        "duplicate_active_site",
        "site",
        "n2",
    )
    round_trip(state, EditUlcer("u2", {"comment": "healed well"}))


def test_every_refusal_code_is_tested() -> None:
    assert {r[2] for r in REFUSALS} == set(MESSAGES)


def test_a_refusal_carries_what_the_message_needs() -> None:
    error = refused(STATE, AddUlcer(mark("n2")))
    assert dict(error.params) == {
        "field": "site",
        "hand": "R",
        "finger": "D2",
        "site": "tip",
        "other": "u1",
    }
    assert "u1" in str(error)
    error = refused(STATE, EditUlcer("u1", {"length_mm": 120.0}))
    assert error.params["value"] == 120.0
    assert (error.params["minimum"], error.params["maximum"]) == (0.5, 100.0)


def test_an_unknown_command_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        apply(STATE, "add")  # type: ignore[arg-type]


def test_check_state_applies_the_same_rules_to_a_whole_map() -> None:
    check_state(STATE)
    check_state(MapState())
    with pytest.raises(MapError) as info:
        check_state(MapState((SAVED, mark("u5", status="active"))))
    assert (info.value.code, info.value.field) == ("duplicate_active_site", "site")
    with pytest.raises(MapError) as info:
        check_state(MapState((mark("u5", length_mm=3.0, width_mm=4.0),)))
    assert (info.value.code, info.value.field) == ("width_gt_length", "width_mm")
    with pytest.raises(MapError) as info:
        check_mark(mark(finger="D1", site="dorsal_pip"))
    assert info.value.code == "unknown_site"


# --- from one visit to the next -----------------------------------------------------------------


def test_carry_forward_keeps_open_ulcers_as_active_with_their_measures() -> None:
    previous = MapState(
        (
            SAVED,
            SAVED_HEALED,
            mark("u3", finger="D5", site="volar", status="new", recurrence_of="u0", gangrene=True),
        )
    )
    start = carry_forward(previous)
    assert [m.key for m in start.marks] == ["u1", "u3"]
    assert all(m.status == "active" for m in start.marks)
    u1 = start.get("u1")
    assert (u1.length_mm, u1.width_mm, u1.depth, u1.pain_vas) == (6.0, 4.0, "deep", 30.0)
    assert u1.place == SAVED.place
    assert u1.comment is None  # a comment belongs to its visit
    u3 = start.get("u3")
    assert u3.recurrence_of == "u0"
    assert u3.gangrene
    assert start.healed_before == (SAVED_HEALED,)
    check_state(start)


def test_carry_forward_of_an_empty_map_is_empty() -> None:
    assert carry_forward(MapState()) == MapState()


def test_healed_ulcers_accumulate_over_visits() -> None:
    visit1 = MapState((SAVED, SAVED_HEALED))
    visit2 = carry_forward(visit1)
    visit2, _ = apply(
        visit2, EditUlcer("u1", {"status": "healed", "length_mm": None, "width_mm": None})
    )
    visit3 = carry_forward(visit2)
    assert visit3.marks == ()
    assert [m.key for m in visit3.healed_before] == ["u2", "u1"]
    assert carry_forward(visit3) == visit3


def test_no_recurrence_candidate_where_nothing_healed() -> None:
    assert recurrence_candidate(MapState(), "R", "D2", "tip") is None
    assert recurrence_candidate(STATE, "R", "D2", "tip") is None  # open there, not healed
    assert recurrence_candidate(STATE, "R", "D3", "dorsal_dip") is None  # another site
    assert recurrence_candidate(STATE, "L", "D3", "dorsal_pip") is None  # the other hand


def test_recurrence_candidate_is_the_healed_ulcer_at_the_site() -> None:
    # In a map of every ulcer seen before (healed ones included) ...
    assert recurrence_candidate(STATE, "R", "D3", "dorsal_pip") == "u2"
    # ... and in a carried-forward map, which keeps the healed ones aside.
    start = carry_forward(STATE)
    assert "u2" not in [m.key for m in start.marks]
    assert recurrence_candidate(start, "R", "D3", "dorsal_pip") == "u2"


def test_a_recurrence_is_a_new_ulcer_that_names_the_healed_one() -> None:
    start = carry_forward(STATE)
    key = start.next_key()
    candidate = recurrence_candidate(start, "R", "D3", "dorsal_pip")
    back = mark(key, finger="D3", site="dorsal_pip", recurrence_of=candidate)
    new = round_trip(start, AddUlcer(back))
    assert new.get(key).recurrence_of == "u2"
    # Once it recurred, the healed ulcer is no candidate any more.
    assert recurrence_candidate(new, "R", "D3", "dorsal_pip") is None


def test_the_latest_healed_ulcer_at_a_site_is_the_candidate() -> None:
    first = mark(
        "u2", finger="D3", site="dorsal_pip", status="healed", length_mm=None, width_mm=None
    )
    again = dataclasses.replace(first, key="u5", recurrence_of="u2")
    everything = MapState((first, SAVED, again))
    assert recurrence_candidate(everything, "R", "D3", "dorsal_pip") == "u5"
    later = carry_forward(carry_forward(everything))
    assert recurrence_candidate(later, "R", "D3", "dorsal_pip") == "u5"
    healed_now = MapState((), healed_before=(first,))
    assert recurrence_candidate(healed_now, "R", "D3", "dorsal_pip") == "u2"


# --- a property: any valid gestures, undone in reverse order, give the start back ---------------

PLACES = [(r.hand, r.finger, r.site) for r in geometry.regions()]
sizes = st.floats(min_value=0.5, max_value=100.0)
maybe_size = st.none() | sizes


@st.composite
def marks(draw: st.DrawFn, key: str) -> UlcerMark:
    hand, finger, site = draw(st.sampled_from(PLACES))
    length, width = draw(maybe_size), draw(maybe_size)
    if length is not None and width is not None and width > length:
        length, width = width, length
    return UlcerMark(
        key=key,
        hand=hand,
        finger=finger,
        site=site,
        status=draw(st.sampled_from(("active", "new", "healed"))),
        length_mm=length,
        width_mm=width,
        depth=draw(st.sampled_from((None, "superficial", "deep"))),
        infection=draw(st.booleans()),
        on_calcinosis=draw(st.booleans()),
        on_pitting_scar=draw(st.booleans()),
        gangrene=draw(st.booleans()),
        pain_vas=draw(st.none() | st.floats(min_value=0, max_value=100)),
        comment=draw(st.none() | st.text(alphabet="ab é", max_size=5)),
        recurrence_of=draw(st.none() | st.sampled_from(("u1", "u2", "u3"))),
    )


CHANGE_VALUES: dict[str, st.SearchStrategy[object]] = {
    "status": st.sampled_from(("active", "new", "healed")),
    "length_mm": maybe_size,
    "width_mm": maybe_size,
    "depth": st.sampled_from((None, "superficial", "deep")),
    "infection": st.booleans(),
    "on_calcinosis": st.booleans(),
    "on_pitting_scar": st.booleans(),
    "gangrene": st.booleans(),
    "pain_vas": st.none() | st.floats(min_value=0, max_value=100),
    "comment": st.none() | st.text(alphabet="ab é", max_size=5),
    "recurrence_of": st.none() | st.sampled_from(("u1", "u2")),
}


@st.composite
def start_states(draw: st.DrawFn) -> MapState:
    """A valid map: saved ulcers (u-keys) and ulcers added on the map (n-keys)."""
    chosen: list[UlcerMark] = []
    for i in range(draw(st.integers(0, 8))):
        key = f"u{i + 1}" if draw(st.booleans()) else f"n{i + 1}"
        candidate = draw(marks(key))
        try:
            check_state(MapState((*chosen, candidate)))
        except MapError:
            continue
        chosen.append(candidate)
    return MapState(tuple(chosen))


@st.composite
def commands(draw: st.DrawFn, state: MapState) -> Command:
    keys = [m.key for m in state.marks] or ["n1"]
    kind = draw(st.sampled_from(("add", "edit", "move", "remove")))
    if kind == "add":
        index = draw(st.none() | st.integers(0, len(state.marks)))
        return AddUlcer(draw(marks(state.next_key())), index)
    key = draw(st.sampled_from(keys))
    if kind == "edit":
        names = draw(st.sets(st.sampled_from(sorted(CHANGE_VALUES)), min_size=1, max_size=4))
        return EditUlcer(key, {name: draw(CHANGE_VALUES[name]) for name in sorted(names)})
    if kind == "move":
        return MoveUlcer(key, *draw(st.sampled_from(PLACES)))
    return RemoveUlcer(key)


@settings(max_examples=150)
@given(start_states(), st.data())
def test_valid_commands_then_their_inverses_in_reverse_give_the_start_back(
    start: MapState, data: st.DataObject
) -> None:
    state = start
    done: list[tuple[Command, MapState]] = []
    inverses: list[Command] = []
    for _ in range(data.draw(st.integers(0, 25), label="steps")):
        command = data.draw(commands(state), label="command")
        try:
            new, inverse = apply(state, command)
        except MapError:
            continue  # refused: not a valid command for this state
        check_state(new)  # a valid map stays valid
        done.append((command, new))
        inverses.append(inverse)
        state = new
    end = state
    for inverse in reversed(inverses):
        state, _redo = apply(state, inverse)
    assert state == start
    for command, after in done:  # and redo replays the same states
        state, _undo = apply(state, command)
        assert state == after
    assert state == end
