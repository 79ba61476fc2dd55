"""A deterministic demo study: synthetic patients with made-up names, one user per role.

Later features extend ``create_demo`` with their own data. Everything goes through the same
services as real work, so the demo's audit trail is a real, verifiable chain.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from sscvisit.handmap.commands import MapState, UlcerMark, recurrence_candidate
from sscvisit.services import (
    auth,
    clock,
    demo_safety,
    instruments,
    patients,
    questionnaires,
    screening,
    ulcers,
    visits,
)
from sscvisit.services.clock import today as local_today
from sscvisit.services.dto import PatientRow, UserInfo
from sscvisit.services.study import Study

SEED = 20151
DEMO_USERS: dict[str, tuple[str, str, str]] = {
    # role: (user name, full name, password)
    "admin": ("admin", "Anke Beheer", "demo-admin-2026"),
    "nurse": ("nurse", "Nina de Vries", "demo-nurse-2026"),
    "investigator": ("investigator", "dr. Ivo Bakker", "demo-investigator-2026"),
    "monitor": ("monitor", "Mo Jansen-Smit", "demo-monitor-2026"),
}
_FAMILY = (
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Kramer",
    "van Dam",
    "Verhoeven",
    "Koster",
    "Prins",
    "Huisman",
    "Kok",
    "Jacobs",
    "Willems",
    "van der Linden",
)
_GIVEN_F = ("Anna", "Maria", "Eva", "Sanne", "Lotte", "Femke", "Ingrid", "Petra", "Marloes", "Joke")
_GIVEN_M = ("Jan", "Pieter", "Kees", "Bram", "Thijs", "Ruud", "Henk", "Sander", "Wouter", "Erik")
# Demo dates are fixed relative to the day the demo is made, so the schedule is always current.
CONSENT_SPAN_DAYS = 420

# Items where a higher number means better health (EQ VAS, capillary density).
HIGHER_IS_BETTER = frozenset(
    {
        "eq5d_vas",
        *(f"{finger}_density" for finger in ("L2", "L3", "L4", "L5", "R2", "R3", "R4", "R5")),
    }
)
FIRST_SCREENED = 3  # SSC-001..003 stay registered only (one edited, one voided)
# (injection day relative to "today", what happened at the visits so far)
# Each enrolled demo patient sits at another point of the schedule.
ENROLLED: tuple[tuple[int, str], ...] = (
    (-110, "complete"),  # every visit done, week 12 included
    (-60, "week4_missed"),  # week 4 missed, week 8 done, week 12 to come
    (-30, "on_track"),  # week 1 done, week 4 due now
    (-12, "week1_late"),  # week 1 done out of its window: a protocol deviation
    (-16, "week1_overdue"),  # week 1 not recorded and its window has closed
    (-2, "injected"),  # injected, week 1 due this week
    (5, "planned"),  # enrolled, injection next week
)


@dataclass(frozen=True)
class DemoStudy:
    users: dict[str, UserInfo]
    patient_count: int
    now: dt.datetime | None = None  # the demo's "now" (SAE deadlines count down from it)


def demo_registrations(
    count: int, seed: int = SEED, today: dt.date | None = None
) -> list[patients.Registration]:
    day = today or local_today()
    rng = random.Random(seed)
    made: list[patients.Registration] = []
    for index in range(count):
        female = rng.random() < 0.8  # SSc affects women about four times as often
        born = dt.date(rng.randint(1962, 2005), rng.randint(1, 12), rng.randint(1, 28))
        consent = day - dt.timedelta(
            days=CONSENT_SPAN_DAYS - (index * 13) % 400 + rng.randint(0, 6)
        )
        made.append(
            patients.Registration(
                sex="F" if female else "M",
                birth_year=born.year,
                consent_date=consent,
                consent_version="v2.1" if (day - consent).days > 200 else "v3.0",
                family_name=rng.choice(_FAMILY),
                given_names=rng.choice(_GIVEN_F if female else _GIVEN_M),
                date_of_birth=born,
                hospital_number=f"{7_300_000 + index * 37:08d}",
            )
        )
    return made


def create_demo(
    study: Study,
    *,
    patient_count: int = 24,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> DemoStudy:
    """Fill an empty study database with the demo users, patients, screenings and visits.

    The enrolled patients also get their safety data (services/demo_safety.py). ``now`` is the
    demo's local wall-clock "now" (an SAE still due became known a few hours before it): by
    default the current time when ``today`` is the real today or not given, else noon of ``today``.
    """
    day = today or (now.date() if now is not None else local_today())
    if now is None:
        now = clock.now_local() if day == local_today() else dt.datetime.combine(day, dt.time(12))
    admin_name, admin_full, admin_pw = DEMO_USERS["admin"]
    auth.create_first_admin(study, admin_name, admin_full, admin_pw)
    admin = auth.login(study, admin_name, admin_pw)
    users = {"admin": admin}
    for role in ("nurse", "investigator", "monitor"):
        name, full, password = DEMO_USERS[role]
        auth.create_user(study, admin, name, full, role, password + "-temp")
        first = auth.login(study, name, password + "-temp")
        users[role] = auth.change_password(study, first, password + "-temp", password)
    nurse = users["nurse"]
    registrations = demo_registrations(patient_count, today=day)
    scenarios = len(registrations) >= FIRST_SCREENED + len(ENROLLED) + 5
    if scenarios:
        # The enrolled patients' consent must precede their screening, 14 days before injection.
        for index, (injection_day, _story) in enumerate(ENROLLED):
            consent = day + dt.timedelta(days=injection_day - 14 - 10)
            registrations[FIRST_SCREENED + index] = _consented(
                registrations[FIRST_SCREENED + index], consent
            )
    rows = patients.register_many(study, nurse, registrations)
    if len(rows) >= 3:
        # A little history, so the audit trail shows corrections and a voided registration.
        patients.update_patient(
            study, nurse, rows[1].id, {"consent_version": "v2.2"}, "Source document corrected"
        )
        patients.void_patient(study, nurse, rows[2].id, "Registered twice by mistake")
    if scenarios:
        _screen_and_schedule(study, users, rows, day, now)
    return DemoStudy(users, len(rows), now)


def _consented(registration: patients.Registration, on: dt.date) -> patients.Registration:
    return patients.Registration(**{**registration.values(), "consent_date": on})  # type: ignore[arg-type]


def eligible_screening(screening_day: dt.date) -> screening.ScreeningInput:
    """A patient who meets every criterion (DOMAIN.md's ACR/EULAR example scores 10)."""
    return screening.ScreeningInput(
        screening_date=screening_day,
        answers={
            "inc3": "yes",
            "inc4": "yes",
            **dict.fromkeys(("exc1", "exc2", "exc3", "exc4", "exc5", "exc6", "exc7"), "no"),
        },
        sources={"inc3": "Outpatient letter and ulcer photo", "exc1": "Hand X-ray before referral"},
        acr_findings=("puffy_fingers", "sclerodactyly", "raynaud", "anticentromere"),
        ulcer_hand="R",
        ulcer_finger="D2",
        ulcer_site="tip",
        prostacyclin_start=screening_day - dt.timedelta(days=75),
        prostacyclin_end=screening_day - dt.timedelta(days=70),
        refractory_rule="not_improved_2m",
    )


def _screen(
    study: Study,
    users: dict[str, UserInfo],
    patient: PatientRow,
    data: screening.ScreeningInput,
    *,
    confirm: bool = True,
) -> None:
    saved = screening.save_screening(
        study, users["nurse"], patient.id, data, today=data.screening_date
    )
    if confirm:
        name, _full, password = DEMO_USERS["investigator"]
        screening.confirm_screening(study, name, password, saved.id)


def _screen_and_schedule(
    study: Study,
    users: dict[str, UserInfo],
    rows: list[PatientRow],
    day: dt.date,
    now: dt.datetime,
) -> None:
    nurse = users["nurse"]
    for index, (injection_day, story) in enumerate(ENROLLED):
        patient = rows[FIRST_SCREENED + index]
        injection = day + dt.timedelta(days=injection_day)
        screening_day = injection - dt.timedelta(days=14)
        _screen(study, users, patient, eligible_screening(screening_day))
        visits.enrol(
            study,
            nurse,
            patient.id,
            planned_injection_date=injection,
            enrolled_on=screening_day + dt.timedelta(days=2),
            today=screening_day + dt.timedelta(days=2),
        )
        _play(study, nurse, patient.id, injection, story, day)
        _ulcer_maps(study, nurse, patient.id, day, variant=index)
        demo_safety.add_safety(
            study,
            nurse,
            patient,
            index=index,
            story=story,
            injection_day=injection,
            screening_day=screening_day,
            day=day,
            now=now,
        )

    failures = rows[FIRST_SCREENED + len(ENROLLED) : FIRST_SCREENED + len(ENROLLED) + 3]
    for offset, patient in enumerate(failures):
        screening_day = patient.consent_date + dt.timedelta(days=3 + offset)
        data = eligible_screening(screening_day)
        failing = ({"exc2": "yes"}, {"inc3": "no"}, {"exc5": "yes"})[offset]
        _screen(
            study,
            users,
            patient,
            screening.ScreeningInput(
                **{
                    **data.__dict__,
                    "answers": {**data.answers, **failing},
                    "sources": {**data.sources, next(iter(failing)): "Referral letter"},
                }
            ),
        )
    # The first screen failure came back later and was re-screened: eligible, not yet enrolled.
    again = max(failures[0].consent_date + dt.timedelta(days=40), day - dt.timedelta(days=6))
    _screen(study, users, failures[0], eligible_screening(min(again, day)))
    # One screening still in progress (undecided: two exclusions not yet assessed).
    draft = rows[FIRST_SCREENED + len(ENROLLED) + 3]
    data = eligible_screening(min(draft.consent_date + dt.timedelta(days=2), day))
    _screen(
        study,
        users,
        draft,
        screening.ScreeningInput(
            **{**data.__dict__, "answers": {**data.answers, "exc3": "not_assessed", "exc6": None}}
        ),
        confirm=False,
    )


def _play(
    study: Study, nurse: UserInfo, patient_id: int, injection: dt.date, story: str, day: dt.date
) -> None:
    """Record the visits of one demo patient up to ``day``, as the story says."""
    if story == "planned":
        return
    schedule = {v.visit_code: v for v in visits.schedule(study, nurse, patient_id, today=day)}

    def done(code: str, on_day: int, deviation_reason: str | None = None) -> None:
        when = injection + dt.timedelta(days=on_day)
        visits.record_visit(
            study, nurse, schedule[code].id, when, deviation_reason=deviation_reason, today=day
        )

    done("injection", 0)
    _questionnaires(study, nurse, schedule["injection"].id, injection, patient_id, better=False)
    if story == "injected":
        return
    if story != "week1_overdue":
        if story == "week1_late":
            done("week1", 10, deviation_reason="Patient ill with influenza on the planned day")
        else:
            done("week1", 7)
    if story in {"complete", "week4_missed"}:
        if story == "week4_missed":
            visits.mark_missed(
                study, nurse, schedule["week4"].id, "Admitted elsewhere; seen by GP", today=day
            )
        else:
            done("week4", 27)
        done("week8", 57)
    if story == "complete":
        done("week12", 85)
        week12 = injection + dt.timedelta(days=85)
        _questionnaires(study, nurse, schedule["week12"].id, week12, patient_id, better=True)
        visits.add_unscheduled(
            study,
            nurse,
            patient_id,
            injection + dt.timedelta(days=40),
            comment="Extra wound check",
            today=day,
        )


def login_demo(study: Study, role: str = "nurse") -> UserInfo:
    name, _full, password = DEMO_USERS[role]
    return auth.login(study, name, password)


def _answers(
    instrument: instruments.InstrumentDef, rng: random.Random, better: bool
) -> dict[str, questionnaires.Answer]:
    """Plausible answers: worse at baseline, better at week 12 (the trial's hope, not data)."""
    out: dict[str, questionnaires.Answer] = {}
    for item in instrument.items:
        if item.kind == "flag" and item.code.endswith("_not_assessable"):
            out[item.code] = questionnaires.Answer(0.0)
        elif item.kind == "flag":
            out[item.code] = questionnaires.Answer(1.0 if rng.random() < 0.15 else 0.0)
        elif item.kind == "code":
            out[item.code] = questionnaires.Answer("early" if better else "active")
        elif item.kind == "text":
            texts = {"assessor": DEMO_USERS["investigator"][1]}
            out[item.code] = questionnaires.Answer(texts.get(item.code, "Capillaroscopy archive"))
        elif item.minimum is not None and item.maximum is not None:
            low, high = item.minimum, item.maximum
            # A worse answer is a higher code on most items; the scores come from the library.
            share = rng.uniform(0.1, 0.4) if better else rng.uniform(0.4, 0.8)
            if item.code in HIGHER_IS_BETTER:
                share = 1 - share
            value = low + (high - low) * share
            if item.kind == "choice" or item.decimals == 0:
                value = float(round(value))
            else:
                value = round(value, item.decimals)
            out[item.code] = questionnaires.Answer(value)
    if instrument.code == "capillaroscopy":
        out["R5_not_assessable"] = questionnaires.Answer(1.0)  # one finger scarred: excluded
    return out


def _questionnaires(
    study: Study, nurse: UserInfo, visit_id: int, on: dt.date, patient_id: int, *, better: bool
) -> None:
    rng = random.Random(SEED + patient_id * 2 + int(better))
    for code in ("shaq", "rand36", "eq5d", "chfs", "capillaroscopy"):
        definition = instruments.load_instrument(code)
        questionnaires.save_response(
            study,
            nurse,
            visit_id,
            code,
            completed_on=on,
            completed_by="assessor" if code == "capillaroscopy" else "patient",
            answers=_answers(definition, rng, better),
            today=on,
        )


# The ulcer course of the demo patients, visit by visit: (hand, finger, site) -> (status,
# length, width, pain VAS). A site missing at a later visit has healed there; "recur" marks a
# recurrence at the site of a healed ulcer; "infected" an infected one.
_COURSE: dict[str, dict[tuple[str, str, str], tuple[str, float, float, float]]] = {
    "injection": {
        ("R", "D2", "tip"): ("active", 6.0, 4.0, 70.0),
        ("R", "D3", "tip"): ("active", 4.0, 3.0, 55.0),
        ("L", "D4", "dorsal_pip"): ("active", 8.0, 5.0, 60.0),
    },
    "week1": {
        ("R", "D2", "tip"): ("active", 5.0, 4.0, 60.0),
        ("R", "D3", "tip"): ("active", 3.0, 2.0, 40.0),
        ("L", "D4", "dorsal_pip"): ("infected", 8.0, 6.0, 75.0),
    },
    "week4": {
        ("R", "D2", "tip"): ("active", 3.0, 2.5, 35.0),
        ("L", "D4", "dorsal_pip"): ("active", 6.0, 4.0, 50.0),
        ("L", "D2", "tip"): ("new", 2.0, 1.5, 30.0),
    },
    "week8": {
        ("L", "D4", "dorsal_pip"): ("active", 3.0, 2.0, 25.0),
        ("L", "D2", "tip"): ("active", 1.5, 1.0, 20.0),
    },
    "week12": {
        ("R", "D3", "tip"): ("recur", 2.0, 1.5, 30.0),
    },
}


def _ulcer_maps(
    study: Study, nurse: UserInfo, patient_id: int, day: dt.date, *, variant: int
) -> None:
    """Record the ulcer map at every visit done so far (the whole course for the first)."""
    for visit in visits.schedule(study, nurse, patient_id, today=day):
        course = _COURSE.get(visit.visit_code)
        if course is None or visit.visit_date is None or "ulcer_map" not in visit.forms:
            continue
        state = ulcers.visit_map(study, nurse, visit.id, today=day)
        by_place = {mark.place: mark for mark in state.marks}
        marks: list[UlcerMark] = []
        for mark in state.marks:
            plan = course.get(mark.place)
            if plan is None:  # no longer on the list: healed at this visit
                marks.append(
                    replace(
                        mark,
                        status="healed",
                        length_mm=None,
                        width_mm=None,
                        depth=None,
                        pain_vas=None,
                        infection=False,
                    )
                )
                continue
            status, length, width, vas = plan
            marks.append(
                replace(
                    mark,
                    status="active",
                    length_mm=length,
                    width_mm=width,
                    pain_vas=vas,
                    depth="deep" if length >= 6 else "superficial",
                    infection=status == "infected",
                )
            )
        for place, (status, length, width, vas) in course.items():
            if place in by_place or (variant % 2 and place[1] == "D2" and place[0] == "L"):
                continue
            hand, finger, site = place
            marks.append(
                UlcerMark(
                    key=state.next_key(),
                    hand=hand,
                    finger=finger,
                    site=site,
                    status="new",
                    length_mm=length,
                    width_mm=width,
                    pain_vas=vas,
                    depth="superficial",
                    on_pitting_scar=status == "recur",
                    recurrence_of=_healed_key(state, place) if status == "recur" else None,
                )
            )
            state = MapState(tuple(marks), state.healed_before)
        ulcers.save_visit_map(
            study, nurse, visit.id, MapState(tuple(marks), state.healed_before), today=day
        )


def _healed_key(state: MapState, place: tuple[str, str, str]) -> str | None:
    return recurrence_candidate(state, *place)
