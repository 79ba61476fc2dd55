"""Plain frozen values handed to the UI; no ORM object leaves the services (STYLE.md item 2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # questionnaires imports this module; the names are only annotations here
    from sscvisit.services.questionnaires import Answer, ScoreLine


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    locked: bool
    must_change_password: bool
    last_login_utc: str | None = None

    @property
    def permissions(self) -> frozenset[str]:
        from sscvisit.services.auth import ROLE_PERMISSIONS

        return ROLE_PERMISSIONS.get(self.role, frozenset())

    def may(self, permission: str) -> bool:
        return permission in self.permissions


@dataclass(frozen=True)
class IdentityInfo:
    family_name: str
    given_names: str
    date_of_birth: dt.date
    hospital_number: str


@dataclass(frozen=True)
class PatientRow:
    id: int
    subject_number: str
    sex: str
    birth_year: int
    consent_date: dt.date
    consent_version: str
    status: str
    voided: bool
    void_reason: str | None
    version: int
    identity: IdentityInfo | None = None  # None when the viewer may not see identities


@dataclass(frozen=True)
class AuditRow:
    id: int
    timestamp_utc: str
    username: str
    action: str
    table_name: str | None
    record_id: str | None
    patient_id: int | None
    subject_number: str | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


@dataclass(frozen=True)
class ChainReport:
    rows_checked: int
    first_bad_id: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None and self.problem is None


@dataclass(frozen=True)
class EnrolmentInfo:
    id: int
    patient_id: int
    screening_id: int
    enrolled_on: dt.date
    planned_injection_date: dt.date
    protocol_version: str
    version: int


@dataclass(frozen=True)
class VisitInfo:
    """One visit of a patient's schedule as it stands on a given day (status included)."""

    id: int
    patient_id: int
    subject_number: str
    visit_code: str
    sequence: int
    label_en: str
    label_nl: str
    target_date: dt.date | None
    window_start: dt.date | None
    window_end: dt.date | None
    visit_date: dt.date | None
    outcome: str | None
    status: str  # planned / due / overdue / done / done_out_of_window / missed
    missed_reason: str | None
    deviation_reason: str | None
    comment: str | None
    forms: tuple[str, ...]
    version: int

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en


@dataclass(frozen=True)
class ScreeningInfo:
    """One screening of a patient: every answer, the ACR/EULAR panel, and the computed decision."""

    id: int  # 0 for a preview that is not saved
    patient_id: int
    subject_number: str
    screening_date: dt.date
    answers: dict[str, str | None]  # inc1..exc7; inc1 computed, inc2 from the panel unless given
    sources: dict[str, str | None]  # inc1..exc7 -> source or comment
    acr_findings: tuple[str, ...]
    acr_na_spares_fingers: bool
    acr_na_other_disorder: bool
    acr_score: int | None  # None when the ACR/EULAR criteria are not applicable
    acr_classified: bool | None  # None when not applicable
    inc2_override_reason: str | None
    ulcer_hand: str | None
    ulcer_finger: str | None
    ulcer_site: str | None
    prostacyclin_start: dt.date | None
    prostacyclin_end: dt.date | None
    refractory_rule: str | None
    recurrence_date: dt.date | None
    result: str  # eligible / not_eligible / undecided (computed)
    failed: tuple[str, ...]  # failing criterion codes: the screen-failure reasons
    state: str  # draft / confirmed
    assessed_by: str
    confirmed_by: str | None
    confirmed_utc: str | None
    voided: bool
    version: int
    capillaroscopy_pattern: str | None = None  # normal / early / active / late / not_done
    capillaroscopy_date: dt.date | None = None


@dataclass(frozen=True)
class ResponseInfo:
    """One saved questionnaire or capillaroscopy: every item's answer and the computed scores."""

    id: int
    patient_id: int
    visit_id: int
    visit_code: str
    instrument: str
    completed_on: dt.date
    completed_by: str
    answers: dict[str, Answer]  # every item of the definition, in form order
    scores: tuple[ScoreLine, ...]  # computed on reading, never stored
    version: int
    voided: bool


# --- digital ulcers (services/ulcers.py) ------------------------------------------------------
#
# The record shape the ulcer charts (export/ulcer_charts.py) read: keep it stable. Keys are the
# map's keys ("u<ulcer id>"), hands "L"/"R", fingers "D1".."D5", sites as SITE_CODES, statuses
# "active" / "new" / "healed". Visits come in time order (visit date, then schedule order).


@dataclass(frozen=True)
class UlcerPoint:
    """One ulcer as seen at one visit, as a chart plots it."""

    visit_id: int
    visit_code: str  # protocol code, e.g. "injection", "week4", "unscheduled"
    sequence: int  # numbers unscheduled visits (1, 2, ...); 0 for scheduled ones
    label_en: str  # the visit's name, e.g. "Week 4"
    label_nl: str
    visit_date: dt.date | None
    day: int | None  # days since the injection (day 0); None while the injection is unrecorded
    status: str  # active / new / healed
    length_mm: float | None  # None when healed
    width_mm: float | None
    area_mm2: float | None  # ellipse area; 0.0 when healed (complete re-epithelialisation)
    pain_vas: float | None  # 0-100 mm, None when not recorded
    infection: bool

    @property
    def healed(self) -> bool:
        return self.status == "healed"

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en


@dataclass(frozen=True)
class UlcerHistory:
    """One ulcer of a patient and every visit it was seen at, in time order."""

    key: str  # "u<ulcer id>", the key the map uses for it
    ulcer_id: int
    hand: str  # L / R
    finger: str  # D1..D5
    site: str  # tip / volar / dorsal_dip / dorsal_pip / dorsal_mcp / other
    recurrence_of: str | None  # key of the healed ulcer this one is a recurrence of
    points: tuple[UlcerPoint, ...]

    @property
    def finger_key(self) -> str:
        """Hand and finger as scoring.ulcer.FINGER_KEYS, e.g. "R-D2": one chart panel each."""
        return f"{self.hand}-{self.finger}"


@dataclass(frozen=True)
class VisitUlcerSummary:
    """The ulcer count end points of one patient at one visit whose ulcer map was filled in."""

    visit_id: int
    visit_code: str
    sequence: int
    label_en: str
    label_nl: str
    visit_date: dt.date | None
    day: int | None  # days since the injection
    active: int  # active or new ulcers
    healed: int  # ulcers recorded as healed at this visit
    by_hand: dict[str, int]  # "L", "R" -> active ulcers
    by_finger: dict[str, int]  # "L-D1" .. "R-D5" -> active ulcers
    total_area_mm2: float  # of the active ulcers
    mean_pain_vas: float | None  # over active ulcers with a pain VAS; None when there is none

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en


@dataclass(frozen=True)
class StudyUlcerSummary:
    """Study-wide ulcer counts at one protocol visit (unscheduled visits pooled)."""

    visit_code: str
    label_en: str
    label_nl: str
    patients: int  # patients whose ulcer map at this visit is filled in
    patients_with_active: int
    active: int  # active or new ulcers across those patients
    total_area_mm2: float

    def label(self, language: str) -> str:
        return self.label_nl if language == "nl" else self.label_en


@dataclass(frozen=True)
class UlcerPhotoInfo:
    """A stored ulcer photo without its bytes (``ulcers.photo_data`` reads them, checked)."""

    id: int
    sha256: str
    patient_id: int
    visit_id: int
    visit_code: str
    ulcer_key: str
    media_type: str
    taken_on: dt.date
    caption: str | None
    size_bytes: int
