"""The ulcer map of one visit as plain data, and the commands that edit it.

Every gesture on the map (add, edit, move, remove an ulcer) is a data-only command. The pure
:func:`apply` checks it, makes the new state and returns the inverse command beside it, so the UI
wraps each in a QUndoCommand (undo applies the inverse) and the rules live here, below the UI
(STYLE.md items 4 and 6; Orange3 ``owpaintdata.py``).

Keys: an ulcer saved before has the key "u<ulcer id>" (it keeps its identity across visits); an
ulcer added on the map and not saved yet has "n<k>" (:meth:`MapState.next_key`). An ulcer seen
before is never removed from the map: it is marked healed. Only a mark added on the map and not
saved yet can be removed.

A refused command raises :class:`MapError`, whose ``code`` picks the message and whose ``field``
names the field to show it at.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from sscvisit.handmap import geometry
from sscvisit.scoring.ulcer import ACTIVE_STATUSES, STATUSES

__all__ = [
    "DEPTHS",
    "EDITABLE_FIELDS",
    "MAX_SIZE_MM",
    "MAX_VAS",
    "MESSAGES",
    "MIN_SIZE_MM",
    "MIN_VAS",
    "AddUlcer",
    "Command",
    "EditUlcer",
    "MapError",
    "MapState",
    "MoveUlcer",
    "RemoveUlcer",
    "UlcerMark",
    "apply",
    "carry_forward",
    "check_mark",
    "check_state",
    "is_saved_key",
    "recurrence_candidate",
]

MIN_SIZE_MM = 0.5
MAX_SIZE_MM = 100.0
MIN_VAS = 0.0
MAX_VAS = 100.0
DEPTHS: tuple[str, ...] = ("superficial", "deep")

MESSAGES: Mapping[str, str] = MappingProxyType(
    {
        "duplicate_active_site": "{hand} {finger} {site} already has an open ulcer ({other}).",
        "unknown_site": "The hand map has no site {site!r} on {hand} {finger}.",
        "size_range": "{field} must be between {minimum} and {maximum} mm.",
        "width_gt_length": "The width is larger than the length: swap them?",
        "vas_range": "The pain VAS must be between {minimum} and {maximum} mm.",
        "not_removable": "Ulcer {key} was recorded before: mark it healed instead of removing it.",
        "unknown_ulcer": "There is no ulcer {key} on this map.",
        "duplicate_key": "There is already an ulcer {key} on this map.",
        "invalid_key": "{key!r} is not a key for an ulcer added on the map.",
        "unknown_field": "{field!r} cannot be changed here.",
        "invalid_value": "{value!r} is not a valid {field}.",
    }
)
"""English text of every refusal code, for logs and tests; the UI shows its own translation."""

_SAVED_KEY = re.compile(r"u[0-9]+")
_NEW_KEY = re.compile(r"n([0-9]+)")

_FLAGS: tuple[str, ...] = ("infection", "on_calcinosis", "on_pitting_scar", "gangrene")
EDITABLE_FIELDS: frozenset[str] = frozenset(
    {"status", "length_mm", "width_mm", "depth", *_FLAGS, "pain_vas", "comment", "recurrence_of"}
)
"""What :class:`EditUlcer` may change; the place changes with :class:`MoveUlcer`, the key never."""


class MapError(ValueError):
    """A command the map refuses: ``code`` (a key of :data:`MESSAGES`) and the field it concerns."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params: Mapping[str, object] = MappingProxyType(dict(params))
        template = MESSAGES.get(code, code)
        try:
            text = template.format(**params)
        except (KeyError, IndexError):
            text = template
        super().__init__(f"{code}: {text}")

    @property
    def field(self) -> str | None:
        """The field the message belongs next to (e.g. "width_mm", "site", "key")."""
        value = self.params.get("field")
        return value if isinstance(value, str) else None


def is_saved_key(key: str) -> bool:
    """True for the key of an ulcer saved before ("u<id>"), which the map never removes."""
    return _SAVED_KEY.fullmatch(key) is not None


@dataclass(frozen=True)
class UlcerMark:
    """One ulcer on the map of one visit: where it is and what was recorded about it.

    Sizes are in mm (None: not measured; a healed ulcer has none), ``pain_vas`` in mm on the
    100 mm line. ``recurrence_of`` is the key of the healed ulcer this one is a recurrence of.
    Building a mark checks nothing; :func:`check_mark` and :func:`apply` do.
    """

    key: str
    hand: str
    finger: str
    site: str
    status: str = "new"
    length_mm: float | None = None
    width_mm: float | None = None
    depth: str | None = None
    infection: bool = False
    on_calcinosis: bool = False
    on_pitting_scar: bool = False
    gangrene: bool = False
    pain_vas: float | None = None
    comment: str | None = None
    recurrence_of: str | None = None

    @property
    def place(self) -> tuple[str, str, str]:
        """(hand, finger, site): what gives the ulcer its identity across visits."""
        return (self.hand, self.finger, self.site)

    @property
    def is_active(self) -> bool:
        """Active or new: open, counted, and at most one per site."""
        return self.status in ACTIVE_STATUSES


@dataclass(frozen=True)
class MapState:
    """The map of one visit: its marks, numbered 1.. in this order on the map.

    ``healed_before`` holds ulcers healed at an earlier visit: not on this visit's map, kept only
    so that a new ulcer at the same site can be recorded as a recurrence of one of them (oldest
    first). Two marks with one key are refused (ValueError).
    """

    marks: tuple[UlcerMark, ...] = ()
    healed_before: tuple[UlcerMark, ...] = ()

    def __post_init__(self) -> None:
        keys = [mark.key for mark in self.marks]
        if len(set(keys)) != len(keys):
            twice = sorted({key for key in keys if keys.count(key) > 1})
            raise MapError("duplicate_key", field="key", key=twice[0])

    def get(self, key: str) -> UlcerMark:
        """The mark with this key; KeyError when the map has none."""
        for mark in self.marks:
            if mark.key == key:
                return mark
        raise KeyError(key)

    def index_of(self, key: str) -> int:
        """0-based position of the mark; KeyError when the map has none."""
        for index, mark in enumerate(self.marks):
            if mark.key == key:
                return index
        raise KeyError(key)

    def number_of(self, key: str) -> int:
        """The number the map shows for the mark: its 1-based position."""
        return self.index_of(key) + 1

    def next_key(self) -> str:
        """A fresh key "n<k>" for a mark added on the map (one more than the highest in use)."""
        used = [0]
        for mark in (*self.marks, *self.healed_before):
            match = _NEW_KEY.fullmatch(mark.key)
            if match:
                used.append(int(match.group(1)))
        return f"n{max(used) + 1}"

    def active_at(self, hand: str, finger: str, site: str) -> UlcerMark | None:
        """The active or new ulcer at a site, if any."""
        for mark in self.marks:
            if mark.is_active and mark.place == (hand, finger, site):
                return mark
        return None


# --- commands ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddUlcer:
    """Put a new ulcer on the map, at the end (``index`` None) or at a position (for undo)."""

    mark: UlcerMark
    index: int | None = None


@dataclass(frozen=True)
class EditUlcer:
    """Change recorded values of one ulcer: field name -> new value (see EDITABLE_FIELDS)."""

    key: str
    changes: Mapping[str, object]

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", MappingProxyType(dict(self.changes)))


@dataclass(frozen=True)
class MoveUlcer:
    """Put an ulcer at another hand, finger and site (a misplaced click corrected)."""

    key: str
    hand: str
    finger: str
    site: str


@dataclass(frozen=True)
class RemoveUlcer:
    """Take off the map an ulcer added at this visit and not saved yet."""

    key: str


Command = AddUlcer | EditUlcer | MoveUlcer | RemoveUlcer


# --- checks --------------------------------------------------------------------------------------


def _check_place(hand: str, finger: str, site: str) -> None:
    if hand not in geometry.HANDS:
        raise MapError("unknown_site", field="hand", hand=hand, finger=finger, site=site)
    if finger not in geometry.FINGERS:
        raise MapError("unknown_site", field="finger", hand=hand, finger=finger, site=site)
    if not geometry.has_site(hand, finger, site):
        raise MapError("unknown_site", field="site", hand=hand, finger=finger, site=site)


def _check_value(name: str, value: object) -> None:
    """The type and range of one recorded value."""
    if name == "status":
        if value not in STATUSES:
            raise MapError("invalid_value", field=name, value=value)
    elif name == "depth":
        if value is not None and value not in DEPTHS:
            raise MapError("invalid_value", field=name, value=value)
    elif name in _FLAGS:
        if not isinstance(value, bool):
            raise MapError("invalid_value", field=name, value=value)
    elif name in {"length_mm", "width_mm"}:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise MapError("invalid_value", field=name, value=value)
        size = float(value)
        if not (math.isfinite(size) and MIN_SIZE_MM <= size <= MAX_SIZE_MM):
            raise MapError(
                "size_range", field=name, value=value, minimum=MIN_SIZE_MM, maximum=MAX_SIZE_MM
            )
    elif name == "pain_vas":
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise MapError("invalid_value", field=name, value=value)
        vas = float(value)
        if not (math.isfinite(vas) and MIN_VAS <= vas <= MAX_VAS):
            raise MapError("vas_range", field=name, value=value, minimum=MIN_VAS, maximum=MAX_VAS)
    elif name in {"comment", "recurrence_of"}:
        if value is not None and not isinstance(value, str):
            raise MapError("invalid_value", field=name, value=value)
    else:
        raise MapError("unknown_field", field=name)


def check_mark(mark: UlcerMark, *, changed: frozenset[str] = frozenset()) -> None:
    """Refuse a mark whose place, codes, sizes or VAS break the map's rules (MapError).

    ``changed`` names the fields just edited, so that "width larger than length" is reported at
    the one the user changed (the width, unless only the length changed).
    """
    _check_place(mark.hand, mark.finger, mark.site)
    for name in sorted(EDITABLE_FIELDS):
        _check_value(name, getattr(mark, name))
    length, width = mark.length_mm, mark.width_mm
    if length is not None and width is not None and width > length:
        at = "length_mm" if "length_mm" in changed and "width_mm" not in changed else "width_mm"
        raise MapError("width_gt_length", field=at, length_mm=length, width_mm=width)


def _check_site_free(state: MapState, mark: UlcerMark) -> None:
    """At most one active or new ulcer per hand, finger and site."""
    if not mark.is_active:
        return
    for other in state.marks:
        if other.key != mark.key and other.is_active and other.place == mark.place:
            raise MapError(
                "duplicate_active_site",
                field="site",
                hand=mark.hand,
                finger=mark.finger,
                site=mark.site,
                other=other.key,
            )


def check_state(state: MapState) -> None:
    """Refuse a whole map that breaks a rule (the first problem found), as :func:`apply` would."""
    for index, mark in enumerate(state.marks):
        check_mark(mark)
        _check_site_free(MapState(state.marks[:index]), mark)


# --- apply ----------------------------------------------------------------------------------------


def _replace_at(state: MapState, index: int, mark: UlcerMark) -> MapState:
    marks = list(state.marks)
    marks[index] = mark
    return replace(state, marks=tuple(marks))


def _find(state: MapState, key: str) -> int:
    try:
        return state.index_of(key)
    except KeyError:
        raise MapError("unknown_ulcer", field="key", key=key) from None


def apply(state: MapState, command: Command) -> tuple[MapState, Command]:
    """The state after the command, and the command that undoes it; MapError when refused.

    The state given is never changed. Applying the inverse to the new state gives back a state
    equal to the one given.
    """
    if isinstance(command, AddUlcer):
        return _add(state, command)
    if isinstance(command, EditUlcer):
        return _edit(state, command)
    if isinstance(command, MoveUlcer):
        return _move(state, command)
    if isinstance(command, RemoveUlcer):
        return _remove(state, command)
    raise TypeError(f"not a hand map command: {command!r}")


def _add(state: MapState, command: AddUlcer) -> tuple[MapState, Command]:
    mark = command.mark
    if not isinstance(mark.key, str) or not mark.key or is_saved_key(mark.key):
        raise MapError("invalid_key", field="key", key=mark.key)
    if any(other.key == mark.key for other in state.marks):
        raise MapError("duplicate_key", field="key", key=mark.key)
    index = len(state.marks) if command.index is None else command.index
    if not 0 <= index <= len(state.marks):
        raise MapError("invalid_value", field="index", value=command.index)
    check_mark(mark)
    _check_site_free(state, mark)
    marks = (*state.marks[:index], mark, *state.marks[index:])
    return replace(state, marks=marks), RemoveUlcer(mark.key)


def _edit(state: MapState, command: EditUlcer) -> tuple[MapState, Command]:
    index = _find(state, command.key)
    old = state.marks[index]
    for name in command.changes:
        if name not in EDITABLE_FIELDS:
            raise MapError("unknown_field", field=name)
    changes: dict[str, Any] = dict(command.changes)  # each value is checked below
    new = replace(old, **changes)
    changed = frozenset(command.changes)
    for name in sorted(changed):
        _check_value(name, getattr(new, name))
    check_mark(new, changed=changed)
    _check_site_free(state, new)
    inverse = EditUlcer(old.key, {name: getattr(old, name) for name in command.changes})
    return _replace_at(state, index, new), inverse


def _move(state: MapState, command: MoveUlcer) -> tuple[MapState, Command]:
    index = _find(state, command.key)
    old = state.marks[index]
    _check_place(command.hand, command.finger, command.site)
    new = replace(old, hand=command.hand, finger=command.finger, site=command.site)
    _check_site_free(state, new)
    inverse = MoveUlcer(old.key, old.hand, old.finger, old.site)
    return _replace_at(state, index, new), inverse


def _remove(state: MapState, command: RemoveUlcer) -> tuple[MapState, Command]:
    index = _find(state, command.key)
    if is_saved_key(command.key):
        raise MapError("not_removable", field="key", key=command.key)
    mark = state.marks[index]
    marks = (*state.marks[:index], *state.marks[index + 1 :])
    return replace(state, marks=marks), AddUlcer(mark, index)


# --- from one visit to the next ------------------------------------------------------------------


def carry_forward(previous: MapState) -> MapState:
    """The map a follow-up visit starts from, given the previous visit's map.

    Each ulcer not healed is carried as "active" with its last measures, place, key and
    ``recurrence_of`` (the free comment belongs to the visit and is not carried). Healed ulcers
    are not on the new map: they join ``healed_before``, where :func:`recurrence_candidate`
    finds them.
    """
    carried = tuple(
        replace(mark, status="active", comment=None)
        for mark in previous.marks
        if mark.status != "healed"
    )
    healed = [mark for mark in previous.marks if mark.status == "healed"]
    keys = {mark.key for mark in healed}
    earlier = tuple(mark for mark in previous.healed_before if mark.key not in keys)
    return MapState(marks=carried, healed_before=(*earlier, *healed))


def recurrence_candidate(state: MapState, hand: str, finger: str, site: str) -> str | None:
    """The key of the healed ulcer that a new ulcer at this site would be a recurrence of.

    Looks at the healed marks of ``state`` (e.g. every ulcer seen before a visit, as last seen),
    latest first, then at its ``healed_before``; a healed ulcer that a mark already names as
    ``recurrence_of`` has recurred once and is passed over. None when no ulcer healed there.
    """
    recurred = {mark.recurrence_of for mark in state.marks if mark.recurrence_of is not None}
    place = (hand, finger, site)
    healed = [mark for mark in state.marks if mark.status == "healed"]
    for mark in (*reversed(healed), *reversed(state.healed_before)):
        if mark.place == place and mark.key not in recurred:
            return mark.key
    return None
