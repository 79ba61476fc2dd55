"""The demo study's safety data: injections, vital signs, labs, biomarkers, medication and AEs.

``add_safety`` is called by ``demo.create_demo`` for each enrolled demo patient once the visits of
its story are played. Everything goes through the real services, so the audit trail is real.

What the screens get to show (DOMAIN.md "Safety" and "Biomarkers"):

- an injection with vital signs before and after for every injected patient, vital signs, the
  "adverse events reviewed" and "medication reviewed" checks at every follow-up visit done;
- labs at every visit done that collects them, mostly normal; one haemoglobin of WHO grade 3
  (4.5 mmol/L) three days ago that suggests an AE the nurse has not yet acted on, and one ALT
  two grades above baseline that is recorded from its suggestion as the AE "ALT increased";
- the biomarker panel of the protocol file, drifting down from baseline;
- nifedipine, the IV iloprost course the screening's refractoriness check rests on, paracetamol
  and the antibiotics the SAEs needed;
- AEs of WHO grade 1-3 with various relations, an immediate reaction at an injection, and three
  SAEs: one reported in time, one reported late with the reason, one still due (the "SAEs due"
  list's countdown), relative to the demo's ``now``;
- a follow-up report (two versions in the AE's history), a lab form marked not done with its
  reason, and a few visits that are not complete (a wound check without its ulcer map, baseline
  biomarkers still awaited from the lab).

Deterministic: every random choice comes from ``random.Random(SEED + ...)``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass

from sscvisit.model.fields import Value
from sscvisit.services import (
    biomarkers,
    completeness,
    conmeds,
    injection,
    labs,
    safety,
    visits,
)
from sscvisit.services.dto import PatientRow, UserInfo, VisitInfo
from sscvisit.services.study import Study

__all__ = ["SAFETY_SEED", "add_safety"]

SAFETY_SEED = 20151 + 600  # demo.SEED + an offset of its own (demo imports this module)

INVESTIGATOR = "dr. Ivo Bakker"  # demo.DEMO_USERS["investigator"][1]: operator and assessor
ANCHOR = "injection"
_LABS_NOT_DONE = "Sample haemolysed; repeated at week 4"

# Lab profile per analyte: (decimals, (lower, upper) for women, (lower, upper) for men,
# baseline range for women, baseline range for men); units are labs.DEFAULT_UNITS (Dutch).
_Range = tuple[float | None, float]
_LAB_PROFILE: dict[str, tuple[int, _Range, _Range, tuple[float, float], tuple[float, float]]] = {
    "haemoglobin": (1, (7.5, 10.0), (8.5, 11.0), (7.6, 8.6), (8.6, 9.6)),
    "leukocytes": (1, (4.0, 10.0), (4.0, 10.0), (4.8, 8.5), (4.8, 8.5)),
    "granulocytes": (1, (1.8, 7.5), (1.8, 7.5), (2.6, 4.4), (2.6, 4.4)),
    "platelets": (0, (150.0, 400.0), (150.0, 400.0), (190.0, 360.0), (190.0, 340.0)),
    "bilirubin": (0, (None, 17.0), (None, 17.0), (5.0, 13.0), (6.0, 14.0)),
    "ast": (0, (None, 31.0), (None, 35.0), (16.0, 27.0), (18.0, 30.0)),
    "alt": (0, (None, 34.0), (None, 45.0), (12.0, 26.0), (15.0, 30.0)),
    "alkaline_phosphatase": (0, (None, 98.0), (None, 115.0), (50.0, 85.0), (55.0, 95.0)),
    "urea": (1, (2.5, 7.5), (2.5, 7.5), (3.5, 6.5), (3.8, 6.8)),
    "creatinine": (0, (45.0, 90.0), (60.0, 110.0), (55.0, 78.0), (70.0, 98.0)),
}

# Biomarker baseline range and decimals by panel code; unknown codes get a generic range.
_BIOMARKER_PROFILE: dict[str, tuple[int, float, float]] = {
    "crp": (1, 3.0, 14.0),
    "il6": (1, 2.5, 11.0),
    "vegf": (0, 180.0, 560.0),
    "vwf": (0, 130.0, 240.0),
    "sicam1": (0, 260.0, 440.0),
    "svcam1": (0, 620.0, 1080.0),
    "e_selectin": (1, 42.0, 88.0),
    "endostatin": (0, 110.0, 240.0),
}
_BIOMARKER_TREND = {"injection": 1.0, "week4": 0.9, "week12": 0.8}  # the trial's hope, not data
_ASSAY = "UMC research laboratory, ELISA"


@dataclass(frozen=True)
class _Patient:
    """One enrolled demo patient as this module needs it."""

    row: PatientRow
    index: int  # position in demo.ENROLLED
    story: str
    injection: dt.date  # (planned) injection day
    rng: random.Random


def add_safety(
    study: Study,
    nurse: UserInfo,
    patient: PatientRow,
    *,
    index: int,
    story: str,
    injection_day: dt.date,
    screening_day: dt.date,
    day: dt.date,
    now: dt.datetime,
) -> None:
    """Record the safety data of one enrolled demo patient whose visits up to ``day`` are played.

    ``screening_day`` is the screening's date (its IV prostacyclin course ran 75 to 70 days
    before it); ``now`` is the demo's "now": nothing is recorded after it and the SAE still due
    became known a few hours before it.
    """
    who = _Patient(patient, index, story, injection_day, random.Random(SAFETY_SEED + index))
    _medication(study, nurse, who, screening_day, day)
    if story == "planned":
        return
    done = [
        visit
        for visit in visits.schedule(study, nurse, patient.id, today=day)
        if visit.outcome == "done" and visit.visit_date is not None
    ]
    by_code = {visit.visit_code: visit for visit in done}
    _injection(study, nurse, who, by_code[ANCHOR], now)
    profile = _lab_baseline(who)
    markers = _biomarker_baseline(who)
    for visit in done:
        _visit_data(study, nurse, who, visit, profile, markers, day, now)
    _adverse_events(study, nurse, who, by_code, now)


# --- the injection, vital signs and the visit's forms -----------------------------------------


def _injection(
    study: Study, nurse: UserInfo, who: _Patient, visit: VisitInfo, now: dt.datetime
) -> None:
    rng = who.rng
    assert visit.visit_date is not None
    weight = float(rng.randint(52, 88))
    injected_at = dt.datetime.combine(visit.visit_date, dt.time(10, 30))
    injection.save_injection(
        study,
        nurse,
        visit.id,
        {
            "injected_at": injected_at,
            "batch_number": f"MSC-26-0{12 + who.index * 3:02d}",
            "batch_release_date": visit.visit_date - dt.timedelta(days=rng.randint(3, 6)),
            "weight_kg": weight,
            "total_cells_million": float(round(weight * rng.uniform(1.92, 2.08))),
            "volume_ml": 10.0,
            "injection_sites": 20,
            "muscles": "Forearm flexors, both arms",
            "operator": INVESTIGATOR,
            "comment": None,
        },
        now=now,
    )
    for timepoint, at in (("pre_injection", dt.time(10, 5)), ("post_injection", dt.time(11, 0))):
        injection.save_vitals(
            study,
            nurse,
            visit.id,
            timepoint,
            _vitals(rng, dt.datetime.combine(visit.visit_date, at)),
            now=now,
        )


def _vitals(rng: random.Random, measured_at: dt.datetime) -> dict[str, Value]:
    systolic = rng.randint(112, 142)
    return {
        "measured_at": measured_at,
        "systolic_mmhg": systolic,
        "diastolic_mmhg": min(systolic - 30, rng.randint(68, 88)),
        "heart_rate_bpm": rng.randint(62, 88),
        "temperature_c": round(rng.uniform(36.4, 37.3), 1),
    }


def _visit_data(
    study: Study,
    nurse: UserInfo,
    who: _Patient,
    visit: VisitInfo,
    profile: Mapping[str, float],
    markers: Mapping[str, float],
    day: dt.date,
    now: dt.datetime,
) -> None:
    """Vital signs, labs, biomarkers and the review checks of one visit done."""
    rng = who.rng
    assert visit.visit_date is not None
    follow_up = visit.visit_code != ANCHOR
    if follow_up and "vitals" in visit.forms:
        at = dt.datetime.combine(visit.visit_date, dt.time(9, 0)) + dt.timedelta(
            minutes=5 * rng.randint(0, 30)
        )
        injection.save_vitals(study, nurse, visit.id, "visit", _vitals(rng, at), now=now)
    if "labs" in visit.forms:
        if who.story == "week1_late" and visit.visit_code == "week1":
            completeness.mark_not_done(study, nurse, visit.id, "labs", _LABS_NOT_DONE)
        else:
            rows = _lab_rows(who, visit, profile)
            labs.save_lab_panel(study, nurse, visit.id, rows, today=day)
    if "biomarkers" in visit.forms and not (who.story == "injected" and not follow_up):
        # The most recent injection's biomarkers are still at the lab: the visit is incomplete.
        rows = _biomarker_rows(who, visit, markers)
        biomarkers.save_biomarkers(study, nurse, visit.id, rows, today=day)
    for form in completeness.REVIEW_FORMS:
        if form in visit.forms:
            completeness.mark_reviewed(study, nurse, visit.id, form)


# --- labs and biomarkers ----------------------------------------------------------------------


def _lab_baseline(who: _Patient) -> dict[str, float]:
    rng = who.rng
    male = who.row.sex == "M"
    out: dict[str, float] = {}
    for analyte, (decimals, _f, _m, women, men) in _LAB_PROFILE.items():
        low, high = men if male else women
        out[analyte] = round(rng.uniform(low, high), decimals)
    if who.story == "on_track":
        out["alt"] = 24.0  # grade 0 at baseline, so week 1 is a rise of two grades
    return out


def _lab_value(who: _Patient, analyte: str, visit: VisitInfo, baseline: float) -> float:
    decimals, women, men, _bf, _bm = _LAB_PROFILE[analyte]
    if visit.visit_code == ANCHOR:
        return baseline
    if who.story == "week4_missed" and visit.visit_code == "week8" and analyte == "haemoglobin":
        return 4.5  # WHO grade 3 (7.3 g/dL): suggests an AE; the nurse has not acted on it yet
    if who.story == "on_track" and visit.visit_code == "week1" and analyte == "alt":
        upper = (men if who.row.sex == "M" else women)[1]
        return float(round(upper * 3))  # 3 x ULN: WHO grade 2, two grades above baseline
    return round(baseline * who.rng.uniform(0.94, 1.06), decimals)


def _lab_rows(
    who: _Patient, visit: VisitInfo, profile: Mapping[str, float]
) -> dict[str, dict[str, Value]]:
    assert visit.visit_date is not None
    rows: dict[str, dict[str, Value]] = {}
    for analyte, baseline in profile.items():
        _decimals, women, men, _bf, _bm = _LAB_PROFILE[analyte]
        lower, upper = men if who.row.sex == "M" else women
        rows[analyte] = {
            "value": _lab_value(who, analyte, visit, baseline),
            "unit": labs.DEFAULT_UNITS[analyte],
            "lower_limit": lower,
            "upper_limit": upper,
            "sample_date": visit.visit_date,
        }
    return rows


def _biomarker_baseline(who: _Patient) -> dict[str, float]:
    out: dict[str, float] = {}
    for marker in biomarkers.panel():
        decimals, low, high = _BIOMARKER_PROFILE.get(marker.code, (1, 10.0, 100.0))
        out[marker.code] = round(who.rng.uniform(low, high), decimals)
    return out


def _biomarker_rows(
    who: _Patient, visit: VisitInfo, baseline: Mapping[str, float]
) -> dict[str, dict[str, Value]]:
    assert visit.visit_date is not None
    trend = _BIOMARKER_TREND.get(visit.visit_code, 0.95)
    rows: dict[str, dict[str, Value]] = {}
    for marker in biomarkers.panel():
        decimals = _BIOMARKER_PROFILE.get(marker.code, (1, 0.0, 0.0))[0]
        noise = 1.0 if visit.visit_code == ANCHOR else who.rng.uniform(0.92, 1.08)
        rows[marker.code] = {
            "value": round(baseline[marker.code] * trend * noise, decimals),
            "unit": marker.unit,
            "sample_date": visit.visit_date,
            "assay": _ASSAY,
        }
    return rows


# --- concomitant medication -------------------------------------------------------------------


def _medication(
    study: Study, nurse: UserInfo, who: _Patient, screening_day: dt.date, day: dt.date
) -> None:
    rng = who.rng
    inj = who.injection
    courses: list[dict[str, Value]] = [
        {
            "drug": "Nifedipine",
            "dose": "30 mg once daily (retard)",
            "route": "oral",
            "start_date": inj - dt.timedelta(days=rng.randint(400, 1500)),
            "ongoing": True,
            "indication": "Raynaud's phenomenon",
        },
        {
            "drug": "Iloprost",
            "dose": "0.5-2.0 ng/kg/min, 6 hours a day",
            "route": conmeds.IV_ROUTE,
            "start_date": screening_day - dt.timedelta(days=75),
            "stop_date": screening_day - dt.timedelta(days=70),
            "ongoing": False,
            "indication": "Digital ulcers (systemic sclerosis)",
            "prostacyclin": True,
        },
    ]
    if who.index % 2 == 0:
        courses.append(
            {
                "drug": "Paracetamol",
                "dose": "1000 mg as needed, at most 3 times a day",
                "route": "oral",
                "start_date": inj - dt.timedelta(days=rng.randint(30, 120)),
                "ongoing": True,
                "indication": "Ulcer pain",
            }
        )
    if who.index % 3 == 1:
        courses.append(
            {
                "drug": "Omeprazole",
                "dose": "20 mg once daily",
                "route": "oral",
                "start_date": inj - dt.timedelta(days=rng.randint(200, 900)),
                "ongoing": True,
                "indication": "Reflux oesophagitis",
            }
        )
    if who.story == "complete":
        courses.append(
            {
                "drug": "Flucloxacillin",
                "dose": "2 g four times a day",
                "route": conmeds.IV_ROUTE,
                "start_date": inj + dt.timedelta(days=7),
                "stop_date": inj + dt.timedelta(days=14),
                "ongoing": False,
                "indication": "Cellulitis of the left ring finger (SAE)",
            }
        )
    if who.story == "week4_missed":
        aware = _pneumonia_aware(inj)
        courses.append(
            {
                "drug": "Amoxicillin/clavulanic acid",
                "dose": "1000/200 mg three times a day",
                "route": conmeds.IV_ROUTE,
                "start_date": aware.date(),
                "stop_date": aware.date() + dt.timedelta(days=7),
                "ongoing": False,
                "indication": "Pneumonia (SAE)",
            }
        )
    for values in courses:
        conmeds.record_conmed(study, nurse, who.row.id, values, today=day)


# --- adverse events ---------------------------------------------------------------------------


def _ae(
    term: str,
    onset: dt.date,
    *,
    grade: int,
    intensity: str,
    product: str,
    procedure: str,
    action: str = "none",
    outcome: str = "recovered",
    end: dt.date | None = None,
    meddra: str | None = None,
    **more: Value,
) -> dict[str, Value]:
    ongoing = end is None and outcome not in safety.RESOLVED_OUTCOMES
    return {
        "term": term,
        "meddra_code": meddra,
        "onset_date": onset,
        "end_date": end,
        "ongoing": ongoing,
        "intensity": intensity,
        "who_grade": grade,
        "relation_product": product,
        "relation_procedure": procedure,
        "action_taken": action,
        "outcome": outcome,
        **more,
    }


def _pneumonia_aware(injection_day: dt.date) -> dt.datetime:
    """A Saturday morning in the week-4 window, when the site learnt of the admission."""
    first = injection_day + dt.timedelta(days=22)
    saturday = first + dt.timedelta(days=(5 - first.weekday()) % 7)
    return dt.datetime.combine(saturday, dt.time(8, 15))


def _adverse_events(
    study: Study,
    nurse: UserInfo,
    who: _Patient,
    by_code: Mapping[str, VisitInfo],
    now: dt.datetime,
) -> None:
    inj = who.injection

    def days(n: int) -> dt.date:
        return inj + dt.timedelta(days=n)

    def record(
        code: str, values: dict[str, Value], *, lab_result_id: int | None = None
    ) -> safety.AeInfo:
        return safety.record_ae(
            study, nurse, by_code[code].id, values, now=now, lab_result_id=lab_result_id
        )

    def suggestion(code: str, analyte: str) -> int:
        """The id of the lab result of that visit that suggests the AE (recorded from it)."""
        return next(
            lab.id
            for lab in labs.lab_results(study, nurse, who.row.id)
            if lab.visit_id == by_code[code].id and lab.analyte == analyte and lab.suggests_ae
        )

    if who.story == "complete":
        record(
            "week1",
            _ae(
                "Headache",
                days(1),
                end=days(2),
                grade=1,
                intensity="mild",
                product="unlikely",
                procedure="not_related",
                action="medication",
                meddra="10019211",
            ),
        )
        aware = dt.datetime.combine(days(7), dt.time(9, 30))
        cellulitis = record(
            "week1",
            _ae(
                "Cellulitis of the left ring finger",
                days(6),
                grade=3,
                intensity="moderate",
                product="unlikely",
                procedure="not_related",
                action="medication",
                outcome="not_recovered",
                meddra="10007882",
                serious_hospitalisation=True,
                aware_at=aware,
                reported_at=aware.replace(hour=14, minute=10),
                description="Infected ulcer L D4 at week 1; admitted for IV flucloxacillin.",
            ),
        )
        # The follow-up report, then a correction: the AE's history shows three versions.
        followed = safety.update_ae(
            study,
            nurse,
            cellulitis.id,
            {"end_date": days(15), "ongoing": False, "outcome": "recovered"},
            reason="Follow-up report: discharged on day 15, infection resolved",
            expected_version=cellulitis.version,
            now=now,
        )
        safety.update_ae(
            study,
            nurse,
            cellulitis.id,
            {"intensity": "severe"},
            reason="Intensity corrected after the discharge letter",
            expected_version=followed.version,
            now=now,
        )
    elif who.story == "week4_missed":
        aware = _pneumonia_aware(inj)
        record(
            "week1",
            _ae(
                "Pneumonia",
                aware.date() - dt.timedelta(days=1),
                end=aware.date() + dt.timedelta(days=12),
                grade=3,
                intensity="severe",
                product="unlikely",
                procedure="not_related",
                action="medication",
                meddra="10035664",
                serious_hospitalisation=True,
                aware_at=aware,
                reported_at=aware + dt.timedelta(hours=32),
                late_reason=(
                    "Admitted elsewhere on a Saturday; the trial office was closed and the "
                    "investigator on call reported it on Sunday afternoon"
                ),
                description="Community-acquired pneumonia; admitted to another hospital.",
            ),
        )
    elif who.story == "on_track":
        record(
            ANCHOR,
            _ae(
                "Injection site pain",
                days(0),
                end=days(1),
                grade=1,
                intensity="mild",
                product="unlikely",
                procedure="probable",
                meddra="10022086",
                immediate_reaction=True,
            ),
        )
        record(
            "week1",
            _ae(
                "ALT increased",
                days(7),
                grade=2,
                intensity="mild",
                product="possible",
                procedure="not_related",
                outcome="recovering",
                meddra="10001551",
                description="ALT 3 x ULN at week 1 (baseline grade 0); repeat at week 4.",
            ),
            lab_result_id=suggestion("week1", "alt"),
        )
    elif who.story == "week1_late":
        record(
            ANCHOR,
            _ae(
                "Injection site bruising",
                days(0),
                end=days(5),
                grade=1,
                intensity="mild",
                product="not_related",
                procedure="certain",
                immediate_reaction=True,
            ),
        )
        record(
            "week1",
            _ae(
                "Influenza-like illness",
                days(6),
                end=days(12),
                grade=2,
                intensity="moderate",
                product="unlikely",
                procedure="not_related",
                action="medication",
                meddra="10022004",
            ),
        )
    elif who.story == "week1_overdue":
        record(
            ANCHOR,
            _ae(
                "Fatigue",
                days(1),
                grade=1,
                intensity="mild",
                product="possible",
                procedure="unlikely",
                outcome="not_recovered",
                meddra="10016256",
            ),
        )
    elif who.story == "injected":
        # Still to be reported: the "SAEs due" list counts down to its deadline.
        aware = now - dt.timedelta(hours=4, minutes=20)
        record(
            ANCHOR,
            _ae(
                "Fever with rigors",
                aware.date(),
                grade=2,
                intensity="moderate",
                product="possible",
                procedure="possible",
                action="other",
                outcome="not_recovered",
                meddra="10037660",
                serious_hospitalisation=True,
                aware_at=aware,
                description="Admitted for observation and blood cultures.",
            ),
        )
