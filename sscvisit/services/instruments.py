"""Instrument definitions (questionnaires and capillaroscopy), read from resources/instruments/.

Each instrument is described once, as data: item codes, our own short descriptions in English and
Dutch (never the copyrighted item wording), answer options, ranges and groups. The entry forms,
the validation below, the CSV columns and the ODM metadata all come from these files, and
tests/services/test_instruments.py checks every item against the scoring library so the two
cannot drift apart. Pure: no database, no Qt.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Final, Literal, cast

from sscvisit.model.fields import Code, Field, FieldError, Kind, Problem

__all__ = [
    "INSTRUMENT_CODES",
    "ITEM_KINDS",
    "GroupDef",
    "InstrumentDef",
    "ItemDef",
    "ItemKind",
    "check_answer",
    "instruments",
    "load_instrument",
]

ItemKind = Literal["choice", "number", "flag", "code", "text"]

#: choice: an integer min..max (one keystroke when max <= 9); number: typed, with unit and
#: decimals; flag: 0/1 checkbox; code: one of ``options``; text: free text up to max_length.
ITEM_KINDS: Final[tuple[ItemKind, ...]] = ("choice", "number", "flag", "code", "text")

INSTRUMENT_CODES: Final[tuple[str, ...]] = ("shaq", "rand36", "eq5d", "chfs", "capillaroscopy")

_FIELD_KIND: Final[Mapping[ItemKind, Kind]] = {
    "choice": "int",
    "number": "float",
    "flag": "bool",
    "code": "code",
    "text": "text",
}


@dataclass(frozen=True)
class ItemDef:
    """One item of an instrument: what the form shows and what the service accepts."""

    code: str
    short_en: str
    short_nl: str
    kind: ItemKind
    minimum: float | None
    maximum: float | None
    unit: str | None
    decimals: int
    options: tuple[str, ...]  # stored values of a "code" item
    options_en: tuple[str, ...]  # labels: one per answer min..max (choice) or per option (code)
    options_nl: tuple[str, ...]
    category: str | None  # HAQ category of an item, aid or help flag
    max_length: int | None
    group: str | None
    oid: str = ""  # ODM ItemOID, "<instrument OID>.<ITEM CODE>" (additive to the contract)

    def label(self, language: str) -> str:
        return self.short_nl if language == "nl" else self.short_en

    def option_label(self, value: float | str | None, language: str) -> str:
        """The short label of an answer ("" for a missing answer; the value itself if unknown)."""
        if value is None:
            return ""
        labels = self.options_nl if language == "nl" else self.options_en
        if self.kind == "code":
            if value in self.options:
                return labels[self.options.index(str(value))]
            return str(value)
        if self.kind == "choice" and self.minimum is not None and not isinstance(value, str):
            index = int(value - self.minimum)
            if value == int(value) and 0 <= index < len(labels):
                return labels[index]
        return _plain(value)

    def field(self) -> Field:
        """The item as a data-dictionary Field (CSV column, ODM ItemDef, RangeCheck, CodeList).

        Not required: an unanswered item is stored with a missing-data reason instead.
        """
        codes: tuple[Code, ...] = ()
        if self.kind == "code":
            codes = tuple(
                Code(value, en, nl)
                for value, en, nl in zip(
                    self.options, self.options_en, self.options_nl, strict=True
                )
            )
        elif self.kind == "choice" and self.minimum is not None:
            codes = tuple(
                Code(str(int(self.minimum) + i), en, nl)
                for i, (en, nl) in enumerate(zip(self.options_en, self.options_nl, strict=True))
            )
        kind: Kind = _FIELD_KIND[self.kind]
        if self.kind == "number" and self.decimals == 0:
            kind = "int"
        return Field(
            name=self.code,
            label_en=self.short_en,
            label_nl=self.short_nl,
            kind=kind,
            oid=self.oid,
            required=False,
            unit=self.unit,
            minimum=self.minimum,
            maximum=self.maximum,
            max_length=self.max_length,
            codes=codes,
        )


@dataclass(frozen=True)
class GroupDef:
    """A block of items shown together (a HAQ category, a RAND-36 section, a finger)."""

    code: str
    label_en: str
    label_nl: str
    items: tuple[str, ...]

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en


@dataclass(frozen=True)
class InstrumentDef:
    code: str
    label_en: str
    label_nl: str
    oid: str
    items: tuple[ItemDef, ...]
    groups: tuple[GroupDef, ...]
    completed_by: tuple[str, ...]  # the COMPLETED_BY codes this instrument allows
    _by_code: dict[str, ItemDef] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {item.code: item for item in self.items})

    def item(self, code: str) -> ItemDef:
        """The item with this code; KeyError naming it when the instrument has no such item."""
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"{self.code}: unknown item {code!r}") from None

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en

    @property
    def codes(self) -> tuple[str, ...]:
        """Every item code, in form order."""
        return tuple(item.code for item in self.items)


def _plain(value: float | str) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- loading ----------------------------------------------------------------------------------


class InstrumentFileError(ValueError):
    """An instrument file is malformed; the message names the file and the entry."""


def _strings(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(s, str) and s for s in raw):
        raise InstrumentFileError(f"{where} must be a list of non-empty strings")
    return tuple(raw)


def _text(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InstrumentFileError(f"{where}: {key!r} must be a non-empty string")
    return value


def _number(raw: Mapping[str, Any], key: str, where: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InstrumentFileError(f"{where}: {key!r} must be a number")
    return float(value)


def _item(raw: Any, oid: str, group_of: Mapping[str, str], where: str) -> ItemDef:
    if not isinstance(raw, dict):
        raise InstrumentFileError(f"{where} must be an object")
    code = _text(raw, "code", where)
    where = f"{where} ({code})"
    kind = raw.get("kind")
    if kind not in ITEM_KINDS:
        raise InstrumentFileError(f"{where}: kind must be one of {', '.join(ITEM_KINDS)}")
    item_kind = cast(ItemKind, kind)
    minimum = _number(raw, "min", where)
    maximum = _number(raw, "max", where)
    options = _strings(raw.get("options", []), f"{where}: options")
    options_en = _strings(raw.get("options_en", []), f"{where}: options_en")
    options_nl = _strings(raw.get("options_nl", []), f"{where}: options_nl")
    if item_kind == "flag":
        minimum, maximum = 0.0, 1.0
    if item_kind in {"choice", "number"} and (
        minimum is None or maximum is None or minimum > maximum
    ):
        raise InstrumentFileError(f"{where}: needs min <= max")
    if item_kind == "choice":
        assert minimum is not None
        assert maximum is not None
        count = int(maximum - minimum) + 1
        if not (minimum.is_integer() and maximum.is_integer()):
            raise InstrumentFileError(f"{where}: a choice has whole-number min and max")
        if len(options_en) != count or len(options_nl) != count:
            raise InstrumentFileError(f"{where}: needs {count} options_en and options_nl")
    if item_kind == "code" and not (options and len(options_en) == len(options) == len(options_nl)):
        raise InstrumentFileError(f"{where}: options, options_en and options_nl must match")
    max_length = raw.get("max_length")
    if max_length is not None and (not isinstance(max_length, int) or max_length < 1):
        raise InstrumentFileError(f"{where}: max_length must be a positive whole number")
    decimals = raw.get("decimals", 0)
    if not isinstance(decimals, int) or decimals < 0:
        raise InstrumentFileError(f"{where}: decimals must be a whole number >= 0")
    if code not in group_of:
        raise InstrumentFileError(f"{where}: not in any group")
    unit = raw.get("unit")
    category = raw.get("category")
    return ItemDef(
        code=code,
        short_en=_text(raw, "short_en", where),
        short_nl=_text(raw, "short_nl", where),
        kind=item_kind,
        minimum=minimum,
        maximum=maximum,
        unit=unit if isinstance(unit, str) else None,
        decimals=decimals,
        options=options,
        options_en=options_en,
        options_nl=options_nl,
        category=category if isinstance(category, str) else None,
        max_length=max_length,
        group=group_of[code],
        oid=f"{oid}.{code.upper()}",
    )


def parse_instrument(raw: Any, name: str = "instrument") -> InstrumentDef:
    """Build a definition from parsed JSON; InstrumentFileError names what is wrong."""
    if not isinstance(raw, dict):
        raise InstrumentFileError(f"{name} must be a JSON object")
    code = _text(raw, "code", name)
    oid = _text(raw, "oid", name)
    groups: list[GroupDef] = []
    group_of: dict[str, str] = {}
    raw_groups = raw.get("groups")
    if not isinstance(raw_groups, list) or not raw_groups:
        raise InstrumentFileError(f"{name}: 'groups' must be a non-empty list")
    for number, entry in enumerate(raw_groups, start=1):
        where = f"{name}: group {number}"
        if not isinstance(entry, dict):
            raise InstrumentFileError(f"{where} must be an object")
        group = GroupDef(
            code=_text(entry, "code", where),
            label_en=_text(entry, "label_en", where),
            label_nl=_text(entry, "label_nl", where),
            items=_strings(entry.get("items"), f"{where}: items"),
        )
        for item_code in group.items:
            if item_code in group_of:
                raise InstrumentFileError(f"{where}: item {item_code!r} is in two groups")
            group_of[item_code] = group.code
        groups.append(group)
    raw_items = raw.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise InstrumentFileError(f"{name}: 'items' must be a non-empty list")
    items = tuple(
        _item(entry, oid, group_of, f"{name}: item {number}")
        for number, entry in enumerate(raw_items, start=1)
    )
    codes = [item.code for item in items]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise InstrumentFileError(f"{name}: duplicate item codes {duplicates}")
    stray = sorted(set(group_of) - set(codes))
    if stray:
        raise InstrumentFileError(f"{name}: groups name unknown items {stray}")
    return InstrumentDef(
        code=code,
        label_en=_text(raw, "label_en", name),
        label_nl=_text(raw, "label_nl", name),
        oid=oid,
        items=items,
        groups=tuple(groups),
        completed_by=_strings(raw.get("completed_by"), f"{name}: completed_by"),
    )


@cache
def load_instrument(code: str) -> InstrumentDef:
    """The definition of one instrument, read once from resources/instruments/<code>.json."""
    if code not in INSTRUMENT_CODES:
        raise ValueError(f"unknown instrument {code!r}; expected one of {INSTRUMENT_CODES}")
    path = resources.files("sscvisit.resources").joinpath("instruments", f"{code}.json")
    try:
        raw = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise InstrumentFileError(f"{code}.json is not valid JSON: {exc}") from exc
    definition = parse_instrument(raw, f"{code}.json")
    if definition.code != code:
        raise InstrumentFileError(f"{code}.json: 'code' is {definition.code!r}")
    return definition


def instruments() -> dict[str, InstrumentDef]:
    """All five instruments, in INSTRUMENT_CODES order."""
    return {code: load_instrument(code) for code in INSTRUMENT_CODES}


# --- checking one answer ----------------------------------------------------------------------


def _as_number(item: ItemDef, value: float | str) -> float:
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            problem = Problem.NOT_AN_INTEGER if item.kind == "choice" else Problem.NOT_A_NUMBER
            raise FieldError(item.code, problem) from None
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(item.code, Problem.NOT_A_NUMBER)
    else:
        number = float(value)
    if not math.isfinite(number):
        raise FieldError(item.code, Problem.NOT_A_NUMBER)
    return number


def _in_range(item: ItemDef, number: float) -> None:
    if item.minimum is not None and number < item.minimum:
        raise FieldError(item.code, Problem.BELOW_MINIMUM, minimum=item.minimum)
    if item.maximum is not None and number > item.maximum:
        raise FieldError(item.code, Problem.ABOVE_MAXIMUM, maximum=item.maximum)


def check_answer(item: ItemDef, value: float | str | None) -> float | str | None:
    """Return the answer as stored (int for choice and flag), or raise FieldError naming the item.

    ``None`` (or blank text) is a missing answer and is returned as ``None``: whether a missing
    answer is allowed (with a reason) is the service's decision, not this one. Typed text is
    accepted for numbers ("2", "7,5"). A number is kept as entered, not rounded to ``decimals``
    (that is the form's input precision).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if item.kind in {"text", "code"}:
        if not isinstance(value, str):
            raise FieldError(item.code, Problem.INCONSISTENT)
        text = value.strip()
        if item.max_length is not None and len(text) > item.max_length:
            raise FieldError(item.code, Problem.TOO_LONG, max_length=item.max_length)
        if item.kind == "code" and text not in item.options:
            raise FieldError(item.code, Problem.NOT_IN_CODELIST)
        return text
    if item.kind == "flag" and isinstance(value, bool):
        return int(value)
    number = _as_number(item, value)
    if item.kind in {"choice", "flag"}:
        if not number.is_integer():
            raise FieldError(item.code, Problem.NOT_AN_INTEGER)
        _in_range(item, number)
        return int(number)
    _in_range(item, number)
    return number
