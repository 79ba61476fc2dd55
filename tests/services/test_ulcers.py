"""The ulcer map service on SQLite and PostgreSQL: carry-forward, recurrence, audited diff-saves,
refusals at the field, photos checked by their SHA-256, and the count end points."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass

import pytest
from sqlalchemy import text

from sscvisit.handmap.commands import (
    DEPTHS,
    MAX_SIZE_MM,
    MAX_VAS,
    MIN_SIZE_MM,
    MIN_VAS,
    MapState,
    UlcerMark,
    carry_forward,
    recurrence_candidate,
)
from sscvisit.model.fields import FieldErrors, Problem
from sscvisit.scoring.ulcer import SITES, STATUSES, ellipse_area
from sscvisit.services import demo, patients, screening, ulcers, visits
from sscvisit.services.dto import AuditRow, UlcerHistory, VisitInfo
from sscvisit.services.errors import (
    ConflictError,
    Msg,
    NotFound,
    PermissionDenied,
    ReasonRequired,
    ServiceError,
)
from tests.studyfixtures import PASSWORDS, StudyWithUsers, register_patient

D = dt.date
SCREENED = D(2026, 2, 2)
ENROLLED = D(2026, 2, 3)
INJECTED = D(2026, 2, 16)
WEEK1 = D(2026, 2, 23)
WEEK4 = D(2026, 3, 16)
TODAY = D(2026, 4, 1)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # a signature is all the service looks at


def mark(
    key: str,
    hand: str,
    finger: str,
    site: str,
    *,
    status: str = "new",
    length_mm: float | None = 6.0,
    width_mm: float | None = 4.0,
    depth: str | None = "superficial",
    infection: bool = False,
    pain_vas: float | None = None,
    comment: str | None = None,
    recurrence_of: str | None = None,
) -> UlcerMark:
    return UlcerMark(
        key=key,
        hand=hand,
        finger=finger,
        site=site,
        status=status,
        length_mm=length_mm,
        width_mm=width_mm,
        depth=depth,
        infection=infection,
        on_calcinosis=False,
        on_pitting_scar=False,
        gangrene=False,
        pain_vas=pain_vas,
        comment=comment,
        recurrence_of=recurrence_of,
    )


def state(*marks: UlcerMark) -> MapState:
    return MapState(marks=tuple(marks))


def by_place(map_state: MapState) -> dict[tuple[str, str, str], UlcerMark]:
    return {(m.hand, m.finger, m.site): m for m in map_state.marks}


def changed(map_state: MapState, key: str, **changes: object) -> MapState:
    """The state with one mark's fields replaced (what EditUlcer does on the map)."""
    marks = tuple(
        dataclasses.replace(m, **changes) if m.key == key else m  # type: ignore[arg-type]
        for m in map_state.marks
    )
    return MapState(marks=marks)


@dataclass
class Patient:
    su: StudyWithUsers
    patient_id: int
    visits: dict[str, VisitInfo]  # visit code -> visit; injection and week 1 are recorded

    def map(self, visit: str) -> MapState:
        return ulcers.visit_map(
            self.su.study, self.su.users["nurse"], self.visits[visit].id, today=TODAY
        )

    def save(
        self,
        visit: str,
        map_state: MapState,
        *,
        reason: str | None = None,
        expected_version: int | None = None,
        role: str = "nurse",
    ) -> MapState:
        return ulcers.save_visit_map(
            self.su.study,
            self.su.users[role],
            self.visits[visit].id,
            map_state,
            reason=reason,
            expected_version=expected_version,
            today=TODAY,
        )

    def version(self, visit: str) -> int:
        return ulcers.map_version(self.su.study, self.su.users["nurse"], self.visits[visit].id)

    def history(self) -> dict[str, UlcerHistory]:
        found = ulcers.ulcer_history(
            self.su.study, self.su.users["investigator"], self.patient_id, today=TODAY
        )
        return {h.key: h for h in found}

    def record(self, visit: str, day: D) -> None:
        visits.record_visit(
            self.su.study, self.su.users["nurse"], self.visits[visit].id, day, today=TODAY
        )
        self.visits = schedule(self.su, self.patient_id)

    def trail(self) -> list[AuditRow]:
        return patients.audit_trail(
            self.su.study, self.su.users["investigator"], patient_id=self.patient_id
        )


def schedule(su: StudyWithUsers, patient_id: int) -> dict[str, VisitInfo]:
    found = visits.schedule(su.study, su.users["nurse"], patient_id, today=TODAY)
    return {v.visit_code: v for v in found}


def enrol_patient(su: StudyWithUsers, hospital_number: str = "H1000001") -> Patient:
    """An eligible, confirmed, enrolled patient with the injection and week 1 visits recorded."""
    study, nurse = su.study, su.users["nurse"]
    patient = register_patient(study, nurse, hospital_number=hospital_number)
    draft = screening.save_screening(
        study, nurse, patient.id, demo.eligible_screening(SCREENED), today=SCREENED
    )
    screening.confirm_screening(study, "investigator", PASSWORDS["investigator"], draft.id)
    visits.enrol(study, nurse, patient.id, planned_injection_date=INJECTED, today=ENROLLED)
    enrolled = Patient(su, patient.id, schedule(su, patient.id))
    enrolled.record("injection", INJECTED)
    enrolled.record("week1", WEEK1)
    return enrolled


@pytest.fixture
def patient(study_users: StudyWithUsers) -> Patient:
    return enrol_patient(study_users)


BASELINE = state(
    mark("n1", "R", "D2", "tip", status="active", length_mm=6, width_mm=4, pain_vas=40),
    mark("n2", "L", "D3", "dorsal_pip", status="active", length_mm=3, width_mm=2, depth="deep"),
)


def field_errors(caught: pytest.ExceptionInfo[FieldErrors]) -> list[tuple[str, Problem, object]]:
    return [(e.field, e.problem, e.params.get("rule")) for e in caught.value.errors]


def test_the_declared_ranges_and_codes_are_the_maps() -> None:
    """The entity's Field declarations and the map's commands check the same ranges and codes."""
    fields = ulcers.OBSERVATION_FIELDS
    for name in ("length_mm", "width_mm"):
        assert (fields[name].minimum, fields[name].maximum) == (MIN_SIZE_MM, MAX_SIZE_MM)
    assert (fields["pain_vas"].minimum, fields["pain_vas"].maximum) == (MIN_VAS, MAX_VAS)
    assert tuple(code.value for code in fields["depth"].codes) == DEPTHS
    assert tuple(code.value for code in fields["status"].codes) == STATUSES
    assert {code.value for code in ulcers.ULCER_FIELDS["site"].codes} == set(SITES)


# --- the map across visits --------------------------------------------------------------------


@pytest.mark.backends
def test_injection_map_starts_empty_and_saves_two_ulcers(patient: Patient) -> None:
    assert patient.map("injection").marks == ()
    assert patient.version("injection") == 0

    saved = patient.save("injection", BASELINE, expected_version=0)

    assert [m.key for m in saved.marks] == [f"u{h.ulcer_id}" for h in patient.history().values()]
    assert all(m.key.startswith("u") for m in saved.marks)
    tip = by_place(saved)["R", "D2", "tip"]
    assert (tip.status, tip.length_mm, tip.width_mm, tip.pain_vas) == ("active", 6.0, 4.0, 40.0)
    assert by_place(saved)["L", "D3", "dorsal_pip"].depth == "deep"
    assert patient.map("injection") == saved
    assert patient.version("injection") == 1

    history = patient.history()
    points = {
        key: [(p.visit_code, p.day, p.area_mm2) for p in h.points] for key, h in history.items()
    }
    assert points == {
        tip.key: [("injection", 0, 18.85)],  # DOMAIN.md: 6 x 4 mm -> 18.85 mm^2
        by_place(saved)["L", "D3", "dorsal_pip"].key: [("injection", 0, ellipse_area(3, 2))],
    }
    assert history[tip.key].finger_key == "R-D2"

    # every value went in through the ORM, so the audit trail has it, with the default reason
    trail = patient.trail()
    inserted = {(r.table_name, r.field, r.new_value) for r in trail if r.action == "insert"}
    assert ("ulcers", "site", "tip") in inserted
    assert ("ulcer_observations", "area_mm2", "18.85") in inserted
    assert ("ulcer_maps", "visit_id", str(patient.visits["injection"].id)) in inserted
    assert {r.reason for r in trail if r.table_name and r.table_name.startswith("ulcer")} == {
        "ulcer map recorded"
    }

    # saving the same map again changes nothing
    assert patient.save("injection", saved) == saved
    assert patient.version("injection") == 1


@pytest.mark.backends
def test_an_empty_map_is_recorded_as_filled_in(patient: Patient) -> None:
    patient.save("injection", state())
    assert patient.version("injection") == 1
    summaries = ulcers.visit_summaries(
        patient.su.study, patient.su.users["nurse"], patient.patient_id, today=TODAY
    )
    assert [(s.visit_code, s.active, s.total_area_mm2) for s in summaries] == [
        ("injection", 0, 0.0)
    ]


@pytest.mark.backends
def test_week1_starts_from_the_carried_forward_injection_map(patient: Patient) -> None:
    baseline = patient.save("injection", BASELINE)
    start = patient.map("week1")
    assert start == carry_forward(baseline)
    assert {m.status for m in start.marks} == {"active"}
    assert patient.version("week1") == 0
    # unchanged, it saves as is without a reason (new observations, nothing overwritten)
    saved = patient.save("week1", start)
    assert saved == start
    assert [len(h.points) for h in patient.history().values()] == [2, 2]


@pytest.mark.backends
def test_healing_one_and_adding_a_new_one(patient: Patient) -> None:
    baseline = patient.save("injection", BASELINE)
    tip = by_place(baseline)["R", "D2", "tip"].key
    start = patient.map("week1")
    week1 = changed(start, tip, status="healed")
    week1 = MapState(marks=(*week1.marks, mark("n1", "R", "D4", "tip", length_mm=2, width_mm=2)))

    saved = patient.save("week1", week1)

    places = by_place(saved)
    assert places["R", "D2", "tip"].status == "healed"
    # a healed ulcer has no size (complete re-epithelialisation)
    assert (places["R", "D2", "tip"].length_mm, places["R", "D2", "tip"].width_mm) == (None, None)
    assert places["R", "D4", "tip"].status == "new"
    assert places["R", "D4", "tip"].key.startswith("u")

    history = patient.history()
    healed = history[tip]
    assert [(p.visit_code, p.day, p.status, p.area_mm2, p.healed) for p in healed.points] == [
        ("injection", 0, "active", 18.85, False),
        ("week1", 7, "healed", 0.0, True),
    ]
    new = history[places["R", "D4", "tip"].key]
    assert [(p.visit_code, p.day, p.status) for p in new.points] == [("week1", 7, "new")]
    assert new.recurrence_of is None

    # week 4 starts from week 1: the healed ulcer is gone, the new one is carried as active
    week4 = patient.map("week4")
    assert sorted((m.hand, m.finger, m.site, m.status) for m in week4.marks) == [
        ("L", "D3", "dorsal_pip", "active"),
        ("R", "D4", "tip", "active"),
    ]


@pytest.mark.backends
def test_a_recurrence_at_a_healed_site_names_the_old_ulcer(patient: Patient) -> None:
    baseline = patient.save("injection", BASELINE)
    tip = by_place(baseline)["R", "D2", "tip"].key
    patient.save("week1", changed(patient.map("week1"), tip, status="healed"))
    patient.record("week4", WEEK4)

    start = patient.map("week4")
    assert tip not in {m.key for m in start.marks}
    before = ulcers.ulcers_before(
        patient.su.study, patient.su.users["nurse"], patient.visits["week4"].id, today=TODAY
    )
    assert by_place(before)["R", "D2", "tip"].status == "healed"
    candidate = recurrence_candidate(before, "R", "D2", "tip")
    assert candidate == tip

    # naming an ulcer that is not healed, or one at another site, is refused at the field
    active = by_place(start)["L", "D3", "dorsal_pip"].key
    for wrong in (active, "u999999"):
        bad = MapState(marks=(*start.marks, mark("n1", "R", "D2", "tip", recurrence_of=wrong)))
        with pytest.raises(FieldErrors) as caught:
            patient.save("week4", bad)
        assert field_errors(caught) == [
            ("recurrence_of", Problem.INCONSISTENT, "recurrence_not_healed")
        ]

    back = mark("n1", "R", "D2", "tip", length_mm=3, width_mm=3, recurrence_of=candidate)
    saved = patient.save("week4", MapState(marks=(*start.marks, back)))
    recurrence = by_place(saved)["R", "D2", "tip"]
    assert recurrence.key != tip
    assert recurrence.recurrence_of == tip
    history = patient.history()
    assert history[recurrence.key].recurrence_of == tip
    assert [p.visit_code for p in history[recurrence.key].points] == ["week4"]
    assert [p.visit_code for p in history[tip].points] == ["injection", "week1"]


@pytest.mark.backends
def test_changing_a_saved_size_needs_a_reason_and_is_audited(patient: Patient) -> None:
    saved = patient.save("injection", BASELINE)
    tip = by_place(saved)["R", "D2", "tip"].key
    bigger = changed(saved, tip, length_mm=8.0)

    with pytest.raises(ReasonRequired) as caught:
        patient.save("injection", bigger)
    assert caught.value.params == {"table": "ulcer_observations", "field": "length_mm"}
    with pytest.raises(ReasonRequired):
        patient.save("injection", bigger, reason="  ")
    assert patient.version("injection") == 1

    corrected = patient.save("injection", bigger, reason="misread the ruler", expected_version=1)
    assert by_place(corrected)["R", "D2", "tip"].length_mm == 8.0
    assert patient.version("injection") == 2

    updates = [
        (r.field, r.old_value, r.new_value, r.reason, r.username)
        for r in patient.trail()
        if r.table_name == "ulcer_observations" and r.action == "update"
    ]
    assert sorted(updates) == [
        ("area_mm2", "18.85", str(ellipse_area(8, 4)), "misread the ruler", "nurse"),
        ("length_mm", "6.0", "8.0", "misread the ruler", "nurse"),
    ]
    # a workstation still holding version 1 gets a conflict, not an overwrite
    with pytest.raises(ConflictError):
        patient.save("injection", saved, reason="back", expected_version=1)
    # moving a saved ulcer changes where it was at every visit: a reason too
    with pytest.raises(ReasonRequired) as caught:
        patient.save("injection", changed(corrected, tip, finger="D3"))
    assert caught.value.params == {"table": "ulcers", "field": "finger"}


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.backends
def test_bad_input_is_refused_at_the_field(patient: Patient) -> None:
    cases: list[tuple[MapState, tuple[str, Problem, object]]] = [
        (
            state(mark("n1", "R", "D2", "tip", length_mm=5, width_mm=0.3)),
            ("width_mm", Problem.BELOW_MINIMUM, None),
        ),
        (
            state(mark("n1", "R", "D2", "tip", length_mm=3, width_mm=5)),
            ("width_mm", Problem.INCONSISTENT, "width_gt_length"),
        ),
        (
            state(mark("n1", "R", "D2", "tip", pain_vas=120)),
            ("pain_vas", Problem.ABOVE_MAXIMUM, None),
        ),
        (
            state(mark("n1", "R", "D2", "tip", length_mm=101, width_mm=4)),
            ("length_mm", Problem.ABOVE_MAXIMUM, None),
        ),
        (
            state(mark("n1", "R", "D2", "tip"), mark("n2", "R", "D2", "tip", status="active")),
            ("site", Problem.INCONSISTENT, "duplicate_active_site"),
        ),
        (
            state(mark("n1", "L", "D1", "dorsal_pip")),
            ("site", Problem.INCONSISTENT, "unknown_site"),
        ),
        (state(mark("n1", "L", "D6", "tip")), ("finger", Problem.NOT_IN_CODELIST, None)),
        (
            state(mark("n1", "R", "D2", "tip", length_mm=None)),
            ("length_mm", Problem.REQUIRED, None),
        ),
        (
            state(mark("n1", "R", "D2", "tip", status="open")),
            ("status", Problem.NOT_IN_CODELIST, None),
        ),
    ]
    for bad, expected in cases:
        with pytest.raises(FieldErrors) as caught:
            patient.save("injection", bad)
        assert field_errors(caught) == [expected], bad
        assert caught.value.errors[0].params["ulcer"] == bad.marks[-1].key
    # all or nothing: nothing was stored
    assert patient.version("injection") == 0
    assert patient.history() == {}
    assert not [r for r in patient.trail() if (r.table_name or "").startswith("ulcer")]
    # all problems at once
    many = state(
        mark("n1", "R", "D2", "tip", length_mm=0.3, width_mm=0.3, pain_vas=-1),
        mark("n2", "L", "D1", "dorsal_pip"),
    )
    with pytest.raises(FieldErrors) as caught:
        patient.save("injection", many)
    assert {(e.field, e.params["ulcer"]) for e in caught.value.errors} == {
        ("length_mm", "n1"),
        ("width_mm", "n1"),
        ("pain_vas", "n1"),
        ("site", "n2"),
    }


@pytest.mark.backends
def test_an_ulcer_seen_before_cannot_be_dropped_or_be_new_again(patient: Patient) -> None:
    baseline = patient.save("injection", BASELINE)
    tip = by_place(baseline)["R", "D2", "tip"].key
    start = patient.map("week1")
    dropped = MapState(marks=tuple(m for m in start.marks if m.key != tip))
    with pytest.raises(FieldErrors) as caught:
        patient.save("week1", dropped)
    assert field_errors(caught) == [("status", Problem.INCONSISTENT, "not_removable")]
    assert caught.value.errors[0].params["ulcer"] == tip
    with pytest.raises(FieldErrors) as caught:
        patient.save("week1", changed(start, tip, status="new"))
    assert field_errors(caught) == [("status", Problem.INCONSISTENT, "not_new")]
    # nor can the injection map lose a saved ulcer
    with pytest.raises(FieldErrors):
        patient.save("injection", dropped, reason="removing")


@pytest.mark.backends
def test_the_visit_must_be_recorded_and_the_role_allowed(patient: Patient) -> None:
    with pytest.raises(FieldErrors) as caught:
        patient.save("week4", BASELINE)
    assert field_errors(caught) == [("visit_date", Problem.INCONSISTENT, "visit_not_recorded")]
    with pytest.raises(PermissionDenied):
        patient.save("injection", BASELINE, role="monitor")
    # a monitor reads
    patient.save("injection", BASELINE)
    monitor = patient.su.users["monitor"]
    found = ulcers.visit_map(patient.su.study, monitor, patient.visits["injection"].id)
    assert len(found.marks) == 2


# --- photos -----------------------------------------------------------------------------------


@pytest.mark.backends
def test_photo_round_trip_and_a_corrupted_blob_is_detected(patient: Patient) -> None:
    saved = patient.save("injection", BASELINE)
    tip = by_place(saved)["R", "D2", "tip"].key
    study, nurse = patient.su.study, patient.su.users["nurse"]
    visit_id = patient.visits["injection"].id

    digest = ulcers.add_photo(
        study, nurse, patient.patient_id, visit_id, tip, PNG, "image/png", caption=" tip "
    )
    assert digest == hashlib.sha256(PNG).hexdigest()
    listed = ulcers.photos(study, nurse, patient.patient_id)
    assert [
        (p.sha256, p.ulcer_key, p.visit_code, p.taken_on, p.caption, p.size_bytes) for p in listed
    ] == [(digest, tip, "injection", INJECTED, "tip", len(PNG))]
    assert (
        ulcers.photos(study, nurse, patient.patient_id, visit_id=patient.visits["week1"].id) == []
    )
    assert ulcers.photo_data(study, patient.su.users["monitor"], digest) == PNG
    # the audit trail names the photo by its digest, never holds the bytes
    photo_rows = [r for r in patient.trail() if r.table_name == "ulcer_photos"]
    assert ("sha256", digest) in {(r.field, r.new_value) for r in photo_rows}
    assert "data" not in {r.field for r in photo_rows}

    # refused at the field: bytes that are not the type given, a photo from the future
    with pytest.raises(FieldErrors) as caught:
        ulcers.add_photo(study, nurse, patient.patient_id, visit_id, tip, PNG, "image/jpeg")
    assert field_errors(caught) == [("media_type", Problem.INCONSISTENT, "photo_type_mismatch")]
    with pytest.raises(FieldErrors) as caught:
        ulcers.add_photo(
            study, nurse, patient.patient_id, visit_id, tip, PNG, "image/png", TODAY, today=INJECTED
        )
    assert field_errors(caught) == [("taken_on", Problem.DATE_IN_FUTURE, None)]
    with pytest.raises(NotFound):  # no observation of that ulcer at week 1 yet
        ulcers.add_photo(
            study, nurse, patient.patient_id, patient.visits["week1"].id, tip, PNG, "image/png"
        )

    # a blob altered behind the application's back no longer matches its digest
    with study.engine.begin() as conn:
        conn.execute(
            text("UPDATE ulcer_photos SET data = :data WHERE sha256 = :sha"),
            {"data": PNG[:-1] + b"\x00", "sha": digest},
        )
    with pytest.raises(ServiceError) as broken:
        ulcers.photo_data(study, nurse, digest)
    assert broken.value.code is Msg.PHOTO_CORRUPT
    with pytest.raises(NotFound):
        ulcers.photo_data(study, nurse, "0" * 64)


# --- summaries --------------------------------------------------------------------------------


@pytest.mark.backends
def test_summaries_per_visit_and_study_wide(study_users: StudyWithUsers) -> None:
    first = enrol_patient(study_users)
    second = enrol_patient(study_users, hospital_number="H1000002")
    baseline = first.save("injection", BASELINE)
    tip = by_place(baseline)["R", "D2", "tip"].key
    week1 = changed(first.map("week1"), tip, status="healed")
    first.save(
        "week1",
        MapState(
            marks=(*week1.marks, mark("n1", "R", "D4", "tip", length_mm=2, width_mm=2, pain_vas=20))
        ),
    )
    second.save(
        "injection",
        state(mark("n1", "L", "D2", "volar", status="active", length_mm=10, width_mm=5)),
    )

    summaries = ulcers.visit_summaries(
        study_users.study, study_users.users["investigator"], first.patient_id, today=TODAY
    )
    assert [(s.visit_code, s.day, s.active, s.healed) for s in summaries] == [
        ("injection", 0, 2, 0),
        ("week1", 7, 2, 1),
    ]
    injection, at_week1 = summaries
    assert injection.total_area_mm2 == round(18.85 + ellipse_area(3, 2), 2)
    assert injection.by_hand == {"L": 1, "R": 1}
    assert injection.by_finger["R-D2"] == 1
    assert injection.mean_pain_vas == 40.0
    assert at_week1.by_finger["R-D2"] == 0
    assert at_week1.by_finger["R-D4"] == 1
    assert at_week1.total_area_mm2 == round(ellipse_area(3, 2) + ellipse_area(2, 2), 2)
    assert at_week1.mean_pain_vas == 20.0
    assert at_week1.label("nl") == "Week 1"

    overall = {
        s.visit_code: s
        for s in ulcers.study_summary(study_users.study, study_users.users["monitor"])
    }
    assert list(overall) == ["injection", "week1", "week4", "week8", "week12"]
    assert (overall["injection"].patients, overall["injection"].active) == (2, 3)
    assert overall["injection"].patients_with_active == 2
    assert overall["injection"].total_area_mm2 == round(
        18.85 + ellipse_area(3, 2) + ellipse_area(10, 5), 2
    )
    assert (overall["week1"].patients, overall["week1"].active) == (1, 2)
    assert (
        overall["week4"].patients,
        overall["week4"].active,
        overall["week4"].total_area_mm2,
    ) == (
        0,
        0,
        0.0,
    )
