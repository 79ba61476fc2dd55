"""The protocol file and visit statuses, over dates at every window edge (no database)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from sscvisit.services.protocol import (
    DEFAULT_BIOMARKERS,
    STATUSES,
    ProtocolError,
    VisitDef,
    default_protocol,
    in_window,
    load_protocol,
    parse_protocol,
    visit_status,
    week_of,
)

ANCHOR = dt.date(2026, 3, 2)  # a Monday; day 0 of the schedule
DAY = dt.timedelta(days=1)
PROTOCOL = default_protocol()
VISITS = PROTOCOL.visits
IDS = [v.code for v in VISITS]


def _raw() -> dict[str, Any]:
    text = resources.files("sscvisit.resources").joinpath("protocol.json").read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    return raw


def test_default_protocol_is_the_domain_schedule() -> None:
    schedule = [(v.code, v.day, v.window_before, v.window_after) for v in VISITS]
    assert schedule == [
        ("injection", 0, 0, 0),
        ("week1", 7, 2, 2),
        ("week4", 28, 4, 4),
        ("week8", 56, 7, 7),
        ("week12", 84, 7, 7),
    ]
    assert (PROTOCOL.screening_from_day, PROTOCOL.screening_to_day) == (-28, -1)
    assert PROTOCOL.anchor_code == "injection"
    assert PROTOCOL.unscheduled.day is None
    assert PROTOCOL.eligibility.minimum_age_years == 18
    assert PROTOCOL.visit("week4").label("nl") == "Week 4"
    assert PROTOCOL.visit("unscheduled").label("nl") == "Ongepland"
    with pytest.raises(KeyError, match="week99"):
        PROTOCOL.visit("week99")
    assert load_protocol() is PROTOCOL


def test_the_default_file_loads_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "protocol.json"
    path.write_text(json.dumps(_raw()), encoding="utf-8")
    assert load_protocol(path) == PROTOCOL


@pytest.mark.parametrize("visit", VISITS, ids=IDS)
def test_window_edges(visit: VisitDef) -> None:
    assert visit.day is not None
    target = ANCHOR + dt.timedelta(days=visit.day)
    first = target - dt.timedelta(days=visit.window_before)
    last = target + dt.timedelta(days=visit.window_after)
    assert visit.target(ANCHOR) == target
    assert visit.window(ANCHOR) == (first, last)
    assert in_window(visit, ANCHOR, first)
    assert in_window(visit, ANCHOR, last)
    assert not in_window(visit, ANCHOR, first - DAY)
    assert not in_window(visit, ANCHOR, last + DAY)


@pytest.mark.parametrize("visit", VISITS, ids=IDS)
def test_open_visit_status_at_each_window_edge(visit: VisitDef) -> None:
    window = visit.window(ANCHOR)
    assert window is not None
    first, last = window

    def status(today: dt.date) -> str:
        return visit_status(visit, ANCHOR, None, None, today)

    assert status(first - DAY) == "planned"
    assert status(first) == "due"
    assert status(last) == "due"
    assert status(last + DAY) == "overdue"
    assert status(ANCHOR - dt.timedelta(days=30)) == "planned"
    assert status(last + dt.timedelta(days=365)) == "overdue"


@pytest.mark.parametrize("visit", VISITS, ids=IDS)
def test_recorded_visit_status_inside_and_outside_window(visit: VisitDef) -> None:
    window = visit.window(ANCHOR)
    assert window is not None
    first, last = window
    # Whatever today is, a recorded visit is judged by its own date against the window.
    for today in (first - DAY, first, last, last + DAY, last + dt.timedelta(days=100)):
        assert visit_status(visit, ANCHOR, first, "done", today) == "done"
        assert visit_status(visit, ANCHOR, last, "done", today) == "done"
        assert visit_status(visit, ANCHOR, first - DAY, "done", today) == "done_out_of_window"
        assert visit_status(visit, ANCHOR, last + DAY, "done", today) == "done_out_of_window"
        assert visit_status(visit, ANCHOR, None, "missed", today) == "missed"


def test_unscheduled_visit_status() -> None:
    unscheduled = PROTOCOL.unscheduled
    today = dt.date(2026, 6, 1)
    assert unscheduled.window(ANCHOR) is None
    assert unscheduled.target(ANCHOR) is None
    assert in_window(unscheduled, ANCHOR, ANCHOR + dt.timedelta(days=400))
    assert visit_status(unscheduled, ANCHOR, dt.date(2026, 5, 5), "done", today) == "done"
    assert visit_status(unscheduled, ANCHOR, None, "missed", today) == "missed"
    assert visit_status(unscheduled, ANCHOR, None, None, today) == "planned"


def test_without_an_anchor_nothing_is_due() -> None:
    week1 = PROTOCOL.visit("week1")
    today = dt.date(2026, 6, 1)
    assert visit_status(week1, None, None, None, today) == "planned"
    assert visit_status(week1, None, today, "done", today) == "done"
    assert visit_status(week1, None, None, "missed", today) == "missed"


def test_every_status_is_declared() -> None:
    assert set(STATUSES) == {
        "planned",
        "due",
        "overdue",
        "done",
        "done_out_of_window",
        "missed",
    }


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (dt.date(2026, 3, 2), dt.date(2026, 3, 2)),  # Monday
        (dt.date(2026, 3, 5), dt.date(2026, 3, 2)),  # Thursday
        (dt.date(2026, 3, 8), dt.date(2026, 3, 2)),  # Sunday
        (dt.date(2026, 3, 9), dt.date(2026, 3, 9)),  # next Monday
        (dt.date(2027, 1, 1), dt.date(2026, 12, 28)),  # across the year
    ],
)
def test_week_of_runs_monday_to_sunday(day: dt.date, monday: dt.date) -> None:
    assert week_of(day) == (monday, monday + dt.timedelta(days=6))


def _visit_entry(raw: dict[str, Any], code: str) -> dict[str, Any]:
    entry: dict[str, Any] = next(v for v in raw["visits"] if v["code"] == code)
    return entry


def _broken(change: str) -> Any:
    raw = copy.deepcopy(_raw())
    if change == "no_visits":
        del raw["visits"]
    elif change == "empty_visits":
        raw["visits"] = []
    elif change == "not_an_object":
        return [raw]
    elif change == "day_text":
        _visit_entry(raw, "week4")["day"] = "28"
    elif change == "day_missing":
        del _visit_entry(raw, "week8")["day"]
    elif change == "negative_window":
        _visit_entry(raw, "week1")["window_after"] = -2
    elif change == "negative_day":
        _visit_entry(raw, "week1")["day"] = -7
    elif change == "label_missing":
        del _visit_entry(raw, "week12")["label_nl"]
    elif change == "repeated_code":
        _visit_entry(raw, "week8")["code"] = "week4"
    elif change == "unscheduled_code_taken":
        raw["unscheduled"]["code"] = "week1"
    elif change == "out_of_order":
        raw["visits"][1], raw["visits"][2] = raw["visits"][2], raw["visits"][1]
    elif change == "no_day0":
        raw["visits"] = raw["visits"][1:]
    elif change == "two_day0":
        _visit_entry(raw, "week1")["day"] = 0
    elif change == "screening_after_injection":
        raw["screening"]["to_day"] = 3
    elif change == "eligibility_missing":
        del raw["eligibility"]["minimum_age_years"]
    elif change == "forms_not_list":
        _visit_entry(raw, "week1")["forms"] = "vitals"
    elif change == "version_missing":
        del raw["version"]
    return raw


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("no_visits", "'visits' is missing"),
        ("empty_visits", "'visits' must be a non-empty list"),
        ("not_an_object", "the protocol file must be an object"),
        ("day_text", "visit 'week4': 'day' must be a whole number"),
        ("day_missing", "visit 'week8': 'day' is missing"),
        ("negative_window", "visit 'week1': windows are whole days >= 0"),
        ("negative_day", "visit 'week1': day must be 0 or later"),
        ("label_missing", "visit 'week12': 'label_nl' is missing"),
        ("repeated_code", "visit codes repeat: week4"),
        ("unscheduled_code_taken", "visit codes repeat: week1"),
        ("out_of_order", "visits must be listed in order of their day"),
        ("no_day0", "exactly one day-0 (injection) visit"),
        ("two_day0", "exactly one day-0 (injection) visit"),
        ("screening_after_injection", "'screening': from_day <= to_day < 0"),
        ("eligibility_missing", "'eligibility': 'minimum_age_years' is missing"),
        ("forms_not_list", "visit 'week1': 'forms' must be a list"),
        ("version_missing", "'version' is missing"),
    ],
)
def test_malformed_protocol_is_refused_naming_the_problem(change: str, named: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(_broken(change))
    assert named in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_malformed_protocol_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "protocol.json"
    path.write_text('{"visits": [', encoding="utf-8")
    with pytest.raises(ProtocolError, match=r"protocol\.json is not valid JSON"):
        load_protocol(path)
    path.write_text(json.dumps(_broken("day_text")), encoding="utf-8")
    with pytest.raises(ProtocolError, match="week4"):
        load_protocol(path)


# --- the biomarker panel ----------------------------------------------------------------------


def test_default_biomarker_panel_is_the_domain_list() -> None:
    panel = [(b.code, b.label("en"), b.unit) for b in PROTOCOL.biomarkers]
    assert panel == [
        ("crp", "CRP", "mg/L"),
        ("il6", "IL-6", "pg/mL"),
        ("vegf", "VEGF", "pg/mL"),
        ("vwf", "vWF", "%"),
        ("sicam1", "sICAM-1", "ng/mL"),
        ("svcam1", "sVCAM-1", "ng/mL"),
        ("e_selectin", "E-selectin", "ng/mL"),
        ("endostatin", "Endostatin", "ng/mL"),
    ]
    assert PROTOCOL.biomarker("e_selectin").label("nl") == "E-selectine"
    with pytest.raises(KeyError, match="tnf"):
        PROTOCOL.biomarker("tnf")
    # a protocol file without a panel gets DOMAIN.md's
    raw = _raw()
    del raw["biomarkers"]
    assert parse_protocol(raw).biomarkers == DEFAULT_BIOMARKERS == PROTOCOL.biomarkers


def _broken_panel(change: str) -> dict[str, Any]:
    raw = copy.deepcopy(_raw())
    markers: list[Any] = raw["biomarkers"]
    if change == "not_a_list":
        raw["biomarkers"] = {"crp": "mg/L"}
    elif change == "entry_not_object":
        markers[1] = "il6"
    elif change == "unit_missing":
        del markers[2]["unit"]
    elif change == "label_empty":
        markers[0]["label_nl"] = " "
    elif change == "repeated_code":
        markers[3]["code"] = "crp"
    elif change == "unit_too_long":
        markers[0]["unit"] = "milligram per litre"
    elif change == "empty_but_collected":
        raw["biomarkers"] = []
    return raw


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("not_a_list", "'biomarkers' must be a list"),
        ("entry_not_object", "biomarker number 2 must be an object"),
        ("unit_missing", "biomarker 'vegf': 'unit' is missing"),
        ("label_empty", "biomarker 'crp': 'label_nl' must be a non-empty text"),
        ("repeated_code", "biomarker codes repeat: crp"),
        ("unit_too_long", "biomarker 'crp': the unit has more than 16 characters"),
        ("empty_but_collected", "panel is empty but visit 'injection' collects biomarkers"),
    ],
)
def test_malformed_biomarker_panel_is_refused(change: str, named: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(_broken_panel(change))
    assert named in str(caught.value)


def test_an_empty_panel_is_fine_when_no_visit_collects_biomarkers() -> None:
    raw = _raw()
    raw["biomarkers"] = []
    for visit in raw["visits"]:
        visit["forms"] = [f for f in visit["forms"] if f != "biomarkers"]
    assert parse_protocol(raw).biomarkers == ()
