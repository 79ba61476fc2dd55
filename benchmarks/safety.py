"""Safety queries on a busy study: the SAE watch, the end point and the completeness overview.

The SAE banner asks ``safety.open_saes`` every minute on every workstation, and the Safety and
This week pages compute the end point and the visits with forms missing for the whole study. A
demo study gets ``BENCH_AES`` extra adverse events (every tenth serious, some unreported) spread
over its injected patients, written through the ORM so the audit trail grows as in real use.
Each figure is the median of several calls, beside its floor: raw SQLite reading every row of the
adverse_events table (the least any of them must do), as a ratio. Target: under 100 ms each, so
a page opens without a visible pause.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

AES = int(os.environ.get("BENCH_AES", "3000"))
CALLS = 7
BUDGET_MS = 100.0


def _median_ms(call: Callable[[], object]) -> float:
    times = []
    for _ in range(CALLS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _add_events(study: object, nurse: object, now: dt.datetime) -> None:
    from sqlalchemy import func, select

    from sscvisit.model.entities import AdverseEvent, Visit
    from sscvisit.services.dto import UserInfo
    from sscvisit.services.study import Study

    assert isinstance(study, Study)
    assert isinstance(nurse, UserInfo)
    with study.unit(actor=nurse.username, reason="benchmark events") as session:
        visits = session.scalars(
            select(Visit).where(Visit.outcome == "done").order_by(Visit.id)
        ).all()
        last = select(AdverseEvent.patient_id, func.max(AdverseEvent.number)).group_by(
            AdverseEvent.patient_id
        )
        numbers: dict[int, int] = {row[0]: row[1] for row in session.execute(last)}
        for index in range(AES):
            visit = visits[index % len(visits)]
            assert visit.visit_date is not None
            number = numbers.get(visit.patient_id, 0) + 1
            numbers[visit.patient_id] = number
            serious = index % 10 == 0
            aware = dt.datetime.combine(visit.visit_date, dt.time(9, 0))
            session.add(
                AdverseEvent(
                    patient_id=visit.patient_id,
                    visit_id=visit.id,
                    number=number,
                    term=f"Benchmark event {index}",
                    onset_date=visit.visit_date,
                    ongoing=True,
                    intensity="mild",
                    who_grade=index % 5,
                    relation_product="unlikely",
                    relation_procedure="not_related",
                    action_taken="none",
                    outcome="not_recovered",
                    serious_hospitalisation=serious,
                    aware_at=aware if serious else None,
                    reported_at=aware + dt.timedelta(hours=3) if serious and index % 20 else None,
                    created_utc=now.isoformat(),
                    voided=False,
                )
            )


def main() -> None:
    from sscvisit.services import clock, completeness, demo, endpoint, safety
    from sscvisit.services.study import Study

    with tempfile.TemporaryDirectory() as folder:
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = str(Path(folder) / var.lower())
        path = Path(folder) / "study.sqlite3"
        study = Study.open(f"sqlite:///{path}")
        now = clock.now_local()
        demo.create_demo(study, now=now)
        nurse = demo.login_demo(study)
        _add_events(study, nurse, now)

        def floor() -> int:
            with sqlite3.connect(path) as connection:
                return len(connection.execute("SELECT * FROM adverse_events").fetchall())

        rows = floor()
        floor_ms = _median_ms(floor)
        print(f"{rows} adverse events; floor (raw SQLite, every row): {floor_ms:.1f} ms")
        figures = {
            "open_saes (SAE banner, every minute)": lambda: safety.open_saes(study, nurse),
            "study_endpoint (Safety page)": lambda: endpoint.study_endpoint(study, nurse),
            "incomplete_visits (This week)": lambda: completeness.incomplete_visits(study, nurse),
        }
        for name, call in figures.items():
            ms = _median_ms(call)
            verdict = "ok" if ms < BUDGET_MS else "OVER BUDGET"
            print(f"{name:40s} {ms:7.1f} ms  {ms / floor_ms:5.1f}x floor  ({verdict})")
        study.close()


if __name__ == "__main__":
    main()
