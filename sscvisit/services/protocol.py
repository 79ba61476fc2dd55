"""The protocol file (resources/protocol.json): visit schedule, windows and eligibility constants.

Everything here is plain data and pure functions over dates, so the schedule can be reasoned
about (and tested) without a database. DOMAIN.md gives the defaults; the trial team changes the
file, not the code.
"""

from __future__ import annotations

import datetime as dt
import json
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


def _visit(raw: dict[str, Any], *, unscheduled: bool = False) -> VisitDef:
    day = None if unscheduled else int(raw["day"])
    before = 0 if unscheduled else int(raw.get("window_before", 0))
    after = 0 if unscheduled else int(raw.get("window_after", 0))
    if before < 0 or after < 0:
        raise ValueError(f"visit {raw['code']!r}: windows are whole days >= 0")
    return VisitDef(
        str(raw["code"]),
        str(raw["label_en"]),
        str(raw["label_nl"]),
        day,
        before,
        after,
        tuple(str(f) for f in raw.get("forms", ())),
    )


def parse_protocol(raw: dict[str, Any]) -> Protocol:
    """Check and build a Protocol; a malformed file raises ValueError naming what is wrong."""
    visits = tuple(_visit(v) for v in raw["visits"])
    codes = [v.code for v in visits]
    if len(set(codes)) != len(codes):
        raise ValueError(f"visit codes repeat: {codes}")
    days = [v.day if v.day is not None else 0 for v in visits]
    if days != sorted(days):
        raise ValueError("visits must be listed in order of their day")
    if 0 not in days:
        raise ValueError("the protocol needs a day-0 (injection) visit")
    rules = raw["eligibility"]
    return Protocol(
        name=str(raw["protocol"]),
        version=str(raw["version"]),
        screening_from_day=int(raw["screening"]["from_day"]),
        screening_to_day=int(raw["screening"]["to_day"]),
        eligibility=Eligibility(
            minimum_age_years=int(rules["minimum_age_years"]),
            refractory_worse_after_days=int(rules["refractory_worse_after_days"]),
            refractory_not_improved_after_days=int(rules["refractory_not_improved_after_days"]),
            refractory_recurrence_within_days=int(rules["refractory_recurrence_within_days"]),
        ),
        visits=visits,
        unscheduled=_visit(raw["unscheduled"], unscheduled=True),
    )


def load_protocol(path: Path | None = None) -> Protocol:
    if path is None:
        return default_protocol()
    return parse_protocol(json.loads(path.read_text(encoding="utf-8")))


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
