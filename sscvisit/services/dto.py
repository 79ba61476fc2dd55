"""Plain frozen values handed to the UI; no ORM object leaves the services (STYLE.md item 2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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
