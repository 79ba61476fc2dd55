"""The one place that reads the clock, so tests and the demo can fix time."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def utc_stamp(moment: dt.datetime | None = None) -> str:
    """ISO 8601 UTC with microseconds, the form every stored timestamp takes."""
    return (moment or utcnow()).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_stamp(stamp: str) -> dt.datetime:
    return dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def today() -> dt.date:
    """The local calendar date at the workstation (dates are recorded as entered, DOMAIN.md)."""
    return dt.datetime.now().astimezone().date()


def now_local() -> dt.datetime:
    """The workstation's local wall-clock time to the minute, naive, as people enter it."""
    return dt.datetime.now().replace(second=0, microsecond=0)  # noqa: DTZ005 local by design
