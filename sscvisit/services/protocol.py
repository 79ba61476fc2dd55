"""The protocol file (resources/protocol.json): schedule, windows, eligibility, biomarker panel.

Everything here is plain data and pure functions over dates, so the schedule can be reasoned
about (and tested) without a database. DOMAIN.md gives the defaults; the trial team changes the
file, not the code.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

VisitStatus = Literal["planned", "due", "overdue", "done", "done_out_of_window", "missed"]
STATUSES: tuple[VisitStatus, ...] = (
    "planned",
    "due",
    "overdue",
    "done",
    "done_out_of_window",
    "missed",
)
UNSCHEDULED = "unscheduled"


@dataclass(frozen=True)
class VisitDef:
    code: str
    label_en: str
    label_nl: str
    day: int | None  # None for unscheduled visits
    window_before: int
    window_after: int
    forms: tuple[str, ...]

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en

    def target(self, anchor: dt.date) -> dt.date | None:
        return None if self.day is None else anchor + dt.timedelta(days=self.day)

    def window(self, anchor: dt.date) -> tuple[dt.date, dt.date] | None:
        target = self.target(anchor)
        if target is None:
            return None
        return (
            target - dt.timedelta(days=self.window_before),
            target + dt.timedelta(days=self.window_after),
        )


@dataclass(frozen=True)
class BiomarkerDef:
    """One analyte of the biomarker panel: its code, labels and the unit it is usually in."""

    code: str
    label_en: str
    label_nl: str
    unit: str

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en


# The panel of DOMAIN.md ("Biomarkers"), used when a protocol file does not list one.
DEFAULT_BIOMARKERS: tuple[BiomarkerDef, ...] = (
    BiomarkerDef("crp", "CRP", "CRP", "mg/L"),
    BiomarkerDef("il6", "IL-6", "IL-6", "pg/mL"),
    BiomarkerDef("vegf", "VEGF", "VEGF", "pg/mL"),
    BiomarkerDef("vwf", "vWF", "vWF", "%"),
    BiomarkerDef("sicam1", "sICAM-1", "sICAM-1", "ng/mL"),
    BiomarkerDef("svcam1", "sVCAM-1", "sVCAM-1", "ng/mL"),
    BiomarkerDef("e_selectin", "E-selectin", "E-selectine", "ng/mL"),
    BiomarkerDef("endostatin", "Endostatin", "Endostatine", "ng/mL"),
)
BIOMARKER_CODE_LENGTH = 24  # biomarker_results.analyte
BIOMARKER_UNIT_LENGTH = 16  # biomarker_results.unit
BIOMARKERS_FORM = "biomarkers"


@dataclass(frozen=True)
class Eligibility:
    minimum_age_years: int
    refractory_worse_after_days: int
    refractory_not_improved_after_days: int
    refractory_recurrence_within_days: int


@dataclass(frozen=True)
class Protocol:
    name: str
    version: str
    screening_from_day: int
    screening_to_day: int
    eligibility: Eligibility
    visits: tuple[VisitDef, ...]
    unscheduled: VisitDef
    biomarkers: tuple[BiomarkerDef, ...] = DEFAULT_BIOMARKERS

    def biomarker(self, code: str) -> BiomarkerDef:
        for marker in self.biomarkers:
            if marker.code == code:
                return marker
        raise KeyError(f"biomarker {code!r} is not in the panel of protocol {self.version}")

    def visit(self, code: str) -> VisitDef:
        if code == self.unscheduled.code:
            return self.unscheduled
        for visit in self.visits:
            if visit.code == code:
                return visit
        raise KeyError(f"visit {code!r} is not in protocol {self.version}")

    @property
    def anchor_code(self) -> str:
        """The visit at day 0 (the injection) that anchors the schedule."""
        for visit in self.visits:
            if visit.day == 0:
                return visit.code
        raise ValueError("the protocol has no day-0 visit")


class ProtocolError(ValueError):
    """The protocol file is malformed; the message names the entry and what is wrong with it."""


def _get(raw: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in raw:
        raise ProtocolError(f"{where}: {key!r} is missing")
    return raw[key]


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ProtocolError(f"{where} must be an object")
    return value


def _int(raw: Mapping[str, Any], key: str, where: str, default: int | None = None) -> int:
    value = raw.get(key, default) if default is not None else _get(raw, key, where)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProtocolError(f"{where}: {key!r} must be a whole number of days, not {value!r}")
    return value


def _text(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = _get(raw, key, where)
    if not isinstance(value, str) or not value.strip():
        raise ProtocolError(f"{where}: {key!r} must be a non-empty text")
    return value


def _visit(value: Any, where: str, *, unscheduled: bool = False) -> VisitDef:
    raw = _mapping(value, where)
    code = _text(raw, "code", where)
    where = f"visit {code!r}"
    day = None if unscheduled else _int(raw, "day", where)
    before = 0 if unscheduled else _int(raw, "window_before", where, 0)
    after = 0 if unscheduled else _int(raw, "window_after", where, 0)
    if before < 0 or after < 0:
        raise ProtocolError(f"{where}: windows are whole days >= 0")
    if day is not None and day < 0:
        raise ProtocolError(f"{where}: day must be 0 or later (screening has its own window)")
    forms = raw.get("forms", [])
    if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
        raise ProtocolError(f"{where}: 'forms' must be a list of form codes")
    return VisitDef(
        code,
        _text(raw, "label_en", where),
        _text(raw, "label_nl", where),
        day,
        before,
        after,
        tuple(forms),
    )


def _biomarker(value: Any, where: str) -> BiomarkerDef:
    raw = _mapping(value, where)
    code = _text(raw, "code", where)
    where = f"biomarker {code!r}"
    if len(code) > BIOMARKER_CODE_LENGTH:
        raise ProtocolError(f"{where}: the code has more than {BIOMARKER_CODE_LENGTH} characters")
    unit = _text(raw, "unit", where)
    if len(unit) > BIOMARKER_UNIT_LENGTH:
        raise ProtocolError(f"{where}: the unit has more than {BIOMARKER_UNIT_LENGTH} characters")
    return BiomarkerDef(code, _text(raw, "label_en", where), _text(raw, "label_nl", where), unit)


def _biomarkers(top: Mapping[str, Any], visits: tuple[VisitDef, ...]) -> tuple[BiomarkerDef, ...]:
    """The biomarker panel; a file without one gets DOMAIN.md's panel."""
    if "biomarkers" not in top:
        return DEFAULT_BIOMARKERS
    listed = top["biomarkers"]
    if not isinstance(listed, list):
        raise ProtocolError("the protocol file: 'biomarkers' must be a list of analytes")
    panel = tuple(_biomarker(b, f"biomarker number {i + 1}") for i, b in enumerate(listed))
    codes = [b.code for b in panel]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        raise ProtocolError(f"biomarker codes repeat: {', '.join(repeated)}")
    collecting = [v.code for v in visits if BIOMARKERS_FORM in v.forms]
    if not panel and collecting:
        raise ProtocolError(
            f"the biomarker panel is empty but visit {collecting[0]!r} collects biomarkers"
        )
    return panel


def parse_protocol(raw: Any) -> Protocol:
    """Check and build a Protocol; a malformed file raises ProtocolError naming what is wrong."""
    top = _mapping(raw, "the protocol file")
    listed = _get(top, "visits", "the protocol file")
    if not isinstance(listed, list) or not listed:
        raise ProtocolError("the protocol file: 'visits' must be a non-empty list")
    visits = tuple(_visit(v, f"visit number {i + 1}") for i, v in enumerate(listed))
    unscheduled = _visit(
        _get(top, "unscheduled", "the protocol file"), "'unscheduled'", unscheduled=True
    )
    codes = [v.code for v in visits] + [unscheduled.code]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        raise ProtocolError(f"visit codes repeat: {', '.join(repeated)}")
    days = [v.day for v in visits if v.day is not None]
    if days != sorted(days):
        raise ProtocolError("visits must be listed in order of their day")
    if days.count(0) != 1:
        raise ProtocolError("the protocol needs exactly one day-0 (injection) visit")
    screening = _mapping(_get(top, "screening", "the protocol file"), "'screening'")
    from_day = _int(screening, "from_day", "'screening'")
    to_day = _int(screening, "to_day", "'screening'")
    if not from_day <= to_day < 0:
        raise ProtocolError("'screening': from_day <= to_day < 0 (days before the injection)")
    rules = _mapping(_get(top, "eligibility", "the protocol file"), "'eligibility'")
    return Protocol(
        name=_text(top, "protocol", "the protocol file"),
        version=_text(top, "version", "the protocol file"),
        screening_from_day=from_day,
        screening_to_day=to_day,
        eligibility=Eligibility(
            minimum_age_years=_int(rules, "minimum_age_years", "'eligibility'"),
            refractory_worse_after_days=_int(rules, "refractory_worse_after_days", "'eligibility'"),
            refractory_not_improved_after_days=_int(
                rules, "refractory_not_improved_after_days", "'eligibility'"
            ),
            refractory_recurrence_within_days=_int(
                rules, "refractory_recurrence_within_days", "'eligibility'"
            ),
        ),
        visits=visits,
        unscheduled=unscheduled,
        biomarkers=_biomarkers(top, (*visits, unscheduled)),
    )


def load_protocol(path: Path | None = None) -> Protocol:
    if path is None:
        return default_protocol()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ProtocolError(f"{path.name} is not valid JSON: {exc}") from exc
    return parse_protocol(raw)


@cache
def default_protocol() -> Protocol:
    text = resources.files("sscvisit.resources").joinpath("protocol.json").read_text("utf-8")
    return parse_protocol(json.loads(text))


def visit_status(
    visit: VisitDef,
    anchor: dt.date | None,
    visit_date: dt.date | None,
    outcome: str | None,
    today: dt.date,
) -> VisitStatus:
    """Where a visit stands on ``today`` (DOMAIN.md: outside the window is a deviation).

    planned: its window has not opened; due: the window is open; overdue: the window has
    closed without the visit; done / done_out_of_window: recorded, inside or outside the window;
    missed: recorded as missed. Unscheduled visits are done or missed once recorded.
    """
    if outcome == "missed":
        return "missed"
    window = visit.window(anchor) if anchor is not None else None
    if visit_date is not None or outcome == "done":
        if window is None or visit_date is None:
            return "done"
        return "done" if window[0] <= visit_date <= window[1] else "done_out_of_window"
    if window is None:
        return "planned"
    if today < window[0]:
        return "planned"
    if today <= window[1]:
        return "due"
    return "overdue"


def in_window(visit: VisitDef, anchor: dt.date, visit_date: dt.date) -> bool:
    window = visit.window(anchor)
    return window is None or window[0] <= visit_date <= window[1]


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)
