"""The injection visit: dose, injection and vital signs, on both backends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from sscvisit.model.fields import FieldError, FieldErrors, Problem, Value
from sscvisit.services import injection, patients, visits
from sscvisit.services.dto import AuditRow
from sscvisit.services.errors import (
    ConflictError,
    Msg,
    PermissionDenied,
    ReasonRequired,
    ServiceError,
)
from sscvisit.services.injection import InjectionInfo, VitalsInfo, dose_per_kg
from tests.studyfixtures import EnrolledPatient, StudyWithUsers, enrol_patient

INJECTED = dt.date(2026, 2, 2)  # studyfixtures' default injection date
AT = dt.datetime(2026, 2, 2, 10, 30)  # the injection's time
NOW = dt.datetime(2026, 2, 2, 16, 0)  # when the nurse saves
WEEK1 = dt.date(2026, 2, 9)


def injection_form(**changes: Value) -> dict[str, Value]:
    form: dict[str, Value] = {
        "injected_at": AT,
        "batch_number": "MSC-2026-014",
        "batch_release_date": dt.date(2026, 1, 30),
        "weight_kg": 69.5,
        "total_cells_million": 135.0,
        "volume_ml": 10.0,
        "injection_sites": 10,
        "muscles": "Thenar and hypothenar, left hand",
        "operator": "Dr. Visser",
        "comment": None,
    }
    form.update(changes)
    return form


def vitals_form(at: dt.datetime, **changes: Value) -> dict[str, Value]:
    form: dict[str, Value] = {
        "measured_at": at,
        "systolic_mmhg": 128,
        "diastolic_mmhg": 82,
        "heart_rate_bpm": 72,
        "temperature_c": 36.8,
    }
    form.update(changes)
    return form


@dataclass
class Site:
    patient: EnrolledPatient

    def visit_id(self, code: str = "injection") -> int:
        return self.patient.schedule[code].id

    def inject(
        self,
        form: Mapping[str, Value] | None = None,
        *,
        visit: str = "injection",
        role: str = "nurse",
        reason: str | None = None,
        expected_version: int | None = None,
        now: dt.datetime = NOW,
    ) -> InjectionInfo:
        return injection.save_injection(
            self.patient.study,
            self.patient.users[role],
            self.visit_id(visit),
            injection_form() if form is None else form,
            reason=reason,
            expected_version=expected_version,
            now=now,
        )

    def vitals(
        self,
        timepoint: str,
        form: Mapping[str, Value],
        *,
        visit: str = "injection",
        reason: str | None = None,
        expected_version: int | None = None,
        now: dt.datetime = NOW,
    ) -> VitalsInfo:
        return injection.save_vitals(
            self.patient.study,
            self.patient.users["nurse"],
            self.visit_id(visit),
            timepoint,
            form,
            reason=reason,
            expected_version=expected_version,
            now=now,
        )

    def saved(self) -> InjectionInfo | None:
        return injection.get_injection(
            self.patient.study, self.patient.users["nurse"], self.patient.patient_id
        )

    def saved_vitals(self, visit: str = "injection") -> dict[str, VitalsInfo]:
        return injection.get_vitals(
            self.patient.study, self.patient.users["nurse"], self.visit_id(visit)
        )

    def record_week1(self) -> None:
        visits.record_visit(
            self.patient.study,
            self.patient.users["nurse"],
            self.visit_id("week1"),
            WEEK1,
            today=WEEK1,
        )

    def trail(self, table: str) -> list[AuditRow]:
        rows = patients.audit_trail(
            self.patient.study, self.patient.users["nurse"], patient_id=self.patient.patient_id
        )
        return [row for row in rows if row.table_name == table]


@pytest.fixture
def site(study_users: StudyWithUsers) -> Site:
    return Site(enrol_patient(study_users))


def refused(caught: pytest.ExceptionInfo[FieldErrors]) -> dict[str, FieldError]:
    return {e.field: e for e in caught.value.errors}


def rules(caught: pytest.ExceptionInfo[FieldErrors]) -> dict[str, object]:
    return {e.field: e.params.get("rule") for e in caught.value.errors}


# --- the dose (pure) -----------------------------------------------------------------------------


def test_dose_is_cells_per_kg_to_three_significant_digits() -> None:
    assert dose_per_kg(135, 69.5) == 1.94
    assert dose_per_kg(100, 70) == 1.43
    assert dose_per_kg(2000, 50) == 40.0
    assert dose_per_kg(1234.5, 30) == 41.2
    assert dose_per_kg(0.1, 200) == 0.0005
    assert dose_per_kg(1001, 30) == 33.4  # 33.3666...
    assert dose_per_kg(0.1, 30) == 0.00333


@pytest.mark.parametrize(("weight", "dose"), [(30, 2.0), (30.0, 2.0), (200, 0.3), (200.0, 0.3)])
def test_dose_is_computed_at_the_weight_edges(weight: float, dose: float) -> None:
    assert dose_per_kg(60, weight) == dose


@pytest.mark.parametrize("weight", [29.9, 200.1, 0, -70])
def test_dose_is_refused_at_the_weight_outside_30_to_200_kg(weight: float) -> None:
    with pytest.raises(FieldError) as caught:
        dose_per_kg(60, weight)
    assert caught.value.field == "weight_kg"
    assert caught.value.problem is Problem.INCONSISTENT
    assert caught.value.params["rule"] == "dose_weight_out_of_range"


def test_timepoints_of_the_injection_and_follow_up_visits() -> None:
    assert injection.timepoints_for("injection") == ("pre_injection", "post_injection")
    assert injection.timepoints_for("week4") == ("visit",)
    assert injection.timepoints_for("unscheduled") == ("visit",)
    assert set(injection.INJECTION_FIELDS) >= {"injected_at", "dose_per_kg", "operator"}
    assert "timepoint" in injection.VITALS_FIELDS


# --- the injection -------------------------------------------------------------------------------


@pytest.mark.backends
def test_an_injection_is_saved_with_its_dose_and_read_back(site: Site) -> None:
    assert site.saved() is None
    saved = site.inject()
    assert saved.patient_id == site.patient.patient_id
    assert saved.visit_id == site.visit_id()
    assert saved.injected_at == AT
    assert saved.dose_per_kg == 1.94
    assert saved.weight_kg == 69.5
    assert saved.injection_sites == 10
    assert saved.comment is None
    assert (saved.version, saved.voided) == (1, False)
    assert site.saved() == saved
    assert saved.values()["batch_number"] == "MSC-2026-014"

    inserted = {r.field: r for r in site.trail("injections") if r.action == "insert"}
    assert inserted["dose_per_kg"].new_value == "1.94"
    assert inserted["batch_number"].new_value == "MSC-2026-014"
    assert {r.reason for r in inserted.values()} == {"injection recorded"}
    assert {r.username for r in inserted.values()} == {"nurse"}


@pytest.mark.backends
def test_the_dose_given_by_the_form_is_ignored_and_computed(site: Site) -> None:
    saved = site.inject(injection_form(dose_per_kg=99.0))
    assert saved.dose_per_kg == 1.94


@pytest.mark.backends
def test_weights_outside_30_to_200_kg_are_refused_at_the_weight(site: Site) -> None:
    for weight in (29.9, 200.1):
        with pytest.raises(FieldErrors) as caught:
            site.inject(injection_form(weight_kg=weight))
        assert rules(caught) == {"weight_kg": "dose_weight_out_of_range"}
    assert site.saved() is None
    assert site.inject(injection_form(weight_kg=30)).dose_per_kg == 4.5
    corrected = site.inject(injection_form(weight_kg=200), reason="scale misread")
    assert corrected.dose_per_kg == 0.675
    assert corrected.weight_kg == 200.0


@pytest.mark.backends
def test_every_problem_comes_at_once_and_nothing_is_saved(site: Site) -> None:
    form = injection_form(
        injected_at=dt.datetime(2026, 2, 1, 10, 30),
        batch_release_date=dt.date(2026, 2, 2),
        batch_number="",
        volume_ml=0,
        injection_sites=2.5,
        weight_kg=250.0,
        total_cells_million=None,
    )
    with pytest.raises(FieldErrors) as caught:
        site.inject(form)
    problems = refused(caught)
    assert set(problems) == {
        "injected_at",
        "batch_release_date",
        "batch_number",
        "volume_ml",
        "injection_sites",
        "weight_kg",
        "total_cells_million",
    }
    assert problems["injected_at"].params["rule"] == "injection_not_on_visit_date"
    assert problems["injected_at"].params["visit_date"] == INJECTED
    assert problems["batch_release_date"].params["rule"] == "release_after_injection"
    assert problems["batch_number"].problem is Problem.REQUIRED
    assert problems["volume_ml"].problem is Problem.BELOW_MINIMUM
    assert problems["injection_sites"].problem is Problem.NOT_AN_INTEGER
    assert problems["weight_kg"].params["rule"] == "dose_weight_out_of_range"
    assert problems["total_cells_million"].problem is Problem.REQUIRED
    assert site.saved() is None
    assert site.trail("injections") == []


@pytest.mark.backends
def test_release_on_the_injection_day_is_accepted(site: Site) -> None:
    saved = site.inject(injection_form(batch_release_date=INJECTED))
    assert saved.batch_release_date == INJECTED


@pytest.mark.backends
def test_an_injection_time_in_the_future_is_refused(site: Site) -> None:
    with pytest.raises(FieldErrors) as caught:
        site.inject(now=AT - dt.timedelta(minutes=5))
    assert refused(caught)["injected_at"].problem is Problem.DATE_IN_FUTURE


@pytest.mark.backends
def test_the_injection_belongs_to_the_injection_visit_only(site: Site) -> None:
    site.record_week1()
    with pytest.raises(ServiceError) as caught:
        site.inject(visit="week1", now=dt.datetime(2026, 2, 9, 12, 0))
    assert caught.value.code is Msg.FORM_NOT_IN_VISIT
    assert site.saved() is None


@pytest.mark.backends
def test_the_injection_visit_must_be_recorded_first(study_users: StudyWithUsers) -> None:
    site = Site(enrol_patient(study_users, record_injection_visit=False))
    with pytest.raises(FieldErrors) as caught:
        site.inject()
    assert rules(caught) == {"injected_at": "visit_not_recorded"}
    assert site.saved() is None


@pytest.mark.backends
def test_changing_a_saved_injection_needs_a_reason_and_is_audited(site: Site) -> None:
    first = site.inject()
    # saving the same values again changes nothing and needs no reason
    again = site.inject()
    assert (again.id, again.version) == (first.id, 1)

    changed = injection_form(weight_kg=67.5)
    with pytest.raises(ReasonRequired) as caught:
        site.inject(changed)
    assert caught.value.params == {"table": "injections", "field": "weight_kg"}
    with pytest.raises(ReasonRequired):
        site.inject(changed, reason="  ")
    assert site.saved() == first

    second = site.inject(changed, reason="weighed again", expected_version=first.version)
    assert (second.id, second.version) == (first.id, 2)
    assert second.dose_per_kg == 2.0
    updates = [r for r in site.trail("injections") if r.action == "update"]
    assert sorted((r.field, r.old_value, r.new_value, r.reason) for r in updates) == [
        ("dose_per_kg", "1.94", "2.0", "weighed again"),
        ("weight_kg", "69.5", "67.5", "weighed again"),
    ]
    # a second workstation still holding version 1 gets a conflict, not an overwrite
    with pytest.raises(ConflictError):
        site.inject(injection_form(), reason="back", expected_version=first.version)
    assert site.saved() == second


@pytest.mark.backends
def test_monitors_read_the_injection_but_cannot_save_it(site: Site) -> None:
    with pytest.raises(PermissionDenied):
        site.inject(role="monitor")
    site.inject()
    read = injection.get_injection(
        site.patient.study, site.patient.users["monitor"], site.patient.patient_id
    )
    assert read is not None
    assert read.dose_per_kg == 1.94


# --- vital signs ---------------------------------------------------------------------------------


@pytest.mark.backends
def test_vitals_before_and_after_the_injection(site: Site) -> None:
    site.inject()
    pre = site.vitals("pre_injection", vitals_form(AT - dt.timedelta(minutes=20)))
    post = site.vitals(
        "post_injection", vitals_form(AT + dt.timedelta(minutes=30), heart_rate_bpm=80)
    )
    assert pre.timepoint == "pre_injection"
    assert (pre.systolic_mmhg, pre.diastolic_mmhg, pre.temperature_c) == (128, 82, 36.8)
    assert post.heart_rate_bpm == 80
    assert site.saved_vitals() == {"pre_injection": pre, "post_injection": post}
    inserted = [r for r in site.trail("vital_signs") if r.action == "insert"]
    assert {r.reason for r in inserted} == {"vital signs recorded"}
    assert {r.new_value for r in inserted if r.field == "timepoint"} == {
        "pre_injection",
        "post_injection",
    }


@pytest.mark.backends
def test_vitals_at_the_injection_minute_count_as_before_and_after(site: Site) -> None:
    site.inject()
    assert site.vitals("pre_injection", vitals_form(AT)).measured_at == AT
    assert site.vitals("post_injection", vitals_form(AT)).measured_at == AT


@pytest.mark.backends
def test_pre_after_and_post_before_the_injection_are_refused(site: Site) -> None:
    site.inject()
    with pytest.raises(FieldErrors) as caught:
        site.vitals("pre_injection", vitals_form(AT + dt.timedelta(minutes=1)))
    assert rules(caught) == {"measured_at": "pre_after_injection"}
    with pytest.raises(FieldErrors) as caught:
        site.vitals("post_injection", vitals_form(AT - dt.timedelta(minutes=1)))
    assert rules(caught) == {"measured_at": "post_before_injection"}
    assert site.saved_vitals() == {}


@pytest.mark.backends
def test_vitals_before_the_injection_is_saved_are_judged_by_date_only(site: Site) -> None:
    saved = site.vitals("post_injection", vitals_form(dt.datetime(2026, 2, 2, 8, 0)))
    assert saved.measured_at == dt.datetime(2026, 2, 2, 8, 0)


@pytest.mark.backends
def test_vitals_cross_field_rules_come_at_once(site: Site) -> None:
    form = vitals_form(
        dt.datetime(2026, 2, 1, 9, 0), systolic_mmhg=120, diastolic_mmhg=120, temperature_c=45.0
    )
    with pytest.raises(FieldErrors) as caught:
        site.vitals("pre_injection", form)
    problems = refused(caught)
    assert set(problems) == {"measured_at", "diastolic_mmhg", "temperature_c"}
    assert problems["measured_at"].params["rule"] == "measured_not_on_visit_date"
    assert problems["diastolic_mmhg"].params["rule"] == "diastolic_not_below_systolic"
    assert problems["temperature_c"].problem is Problem.ABOVE_MAXIMUM
    # one below the systolic is fine
    ok = site.vitals("pre_injection", vitals_form(AT, systolic_mmhg=120, diastolic_mmhg=119))
    assert ok.diastolic_mmhg == 119


@pytest.mark.backends
def test_timepoints_must_fit_the_visit(site: Site) -> None:
    site.record_week1()
    cases = [("injection", "visit"), ("week1", "pre_injection"), ("week1", "post_injection")]
    for visit, timepoint in cases:
        with pytest.raises(ServiceError) as caught:
            site.vitals(timepoint, vitals_form(AT), visit=visit)
        assert caught.value.code is Msg.FORM_NOT_IN_VISIT
    at_week1 = dt.datetime(2026, 2, 9, 11, 0)
    saved = site.vitals("visit", vitals_form(at_week1), visit="week1", now=at_week1)
    assert site.saved_vitals("week1") == {"visit": saved}
    assert site.saved_vitals() == {}


@pytest.mark.backends
def test_vitals_need_the_visit_recorded_first(site: Site) -> None:
    with pytest.raises(FieldErrors) as caught:
        site.vitals("visit", vitals_form(dt.datetime(2026, 2, 9, 11, 0)), visit="week1")
    assert rules(caught) == {"measured_at": "visit_not_recorded"}


@pytest.mark.backends
def test_changing_saved_vitals_needs_a_reason_and_is_audited(site: Site) -> None:
    first = site.vitals("pre_injection", vitals_form(AT))
    assert site.vitals("pre_injection", vitals_form(AT)).version == 1
    changed = vitals_form(AT, systolic_mmhg=132)
    with pytest.raises(ReasonRequired) as caught:
        site.vitals("pre_injection", changed)
    assert caught.value.params == {"table": "vital_signs", "field": "systolic_mmhg"}
    second = site.vitals("pre_injection", changed, reason="transcription error")
    assert (second.id, second.version, second.systolic_mmhg) == (first.id, 2, 132)
    updates = [r for r in site.trail("vital_signs") if r.action == "update"]
    assert [(r.field, r.old_value, r.new_value, r.reason) for r in updates] == [
        ("systolic_mmhg", "128", "132", "transcription error")
    ]
    with pytest.raises(ConflictError):
        site.vitals("pre_injection", vitals_form(AT), reason="back", expected_version=1)
