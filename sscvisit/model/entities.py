"""Typed ORM entities of the study database.

Recorded-data entities carry ``AuditedMixin``: the services' session hook writes an audit row for
every insert and change of them, refuses deletes, and asks for a reason when a saved value changes.
Field metadata (labels, ranges, code lists, OIDs) lives in ``info={"field": Field(...)}`` so the
forms, validation and exports derive from one declaration.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from sscvisit.model.fields import Code, Field

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def info(spec: Field) -> dict[str, Any]:
    return {"field": spec}


ROLES: tuple[Code, ...] = (
    Code("nurse", "Research nurse", "Researchverpleegkundige"),
    Code("investigator", "Investigator", "Onderzoeker"),
    Code("monitor", "Monitor", "Monitor"),
    Code("admin", "Administrator", "Beheerder"),
)

SEXES: tuple[Code, ...] = (
    Code("F", "Female", "Vrouw"),
    Code("M", "Male", "Man"),
)

PATIENT_STATUSES: tuple[Code, ...] = (
    Code("registered", "Registered", "Geregistreerd"),
    Code("screening", "Screening", "Screening"),
    Code("screen_failed", "Screen failure", "Niet geschikt"),
    Code("enrolled", "Enrolled", "Geïncludeerd"),
    Code("completed", "Completed", "Afgerond"),
    Code("withdrawn", "Withdrawn", "Teruggetrokken"),
)


class AuditedMixin:
    """Marks recorded data: audited by the session hook, voided instead of deleted."""

    __audited__: ClassVar[bool] = True
    # Changing a saved value needs a written reason (21 CFR 11.10(e); ICH E6(R3) 4.2.3).
    __reason_required__: ClassVar[bool] = True
    # Columns whose values never enter the audit trail verbatim (e.g. password hashes).
    __audit_masked__: ClassVar[frozenset[str]] = frozenset()
    # Bookkeeping columns that are not recorded data and are not audited field by field.
    __audit_ignored__: ClassVar[frozenset[str]] = frozenset({"version"})

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    voided: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    void_reason: Mapped[str | None] = mapped_column(Text)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 declared_attr takes the class
        # Optimistic locking: two workstations saving one record get a conflict, not an overwrite.
        return {"version_id_col": cls.version}

    @property
    def audit_patient_id(self) -> int | None:
        """The patient this record belongs to, so the audit viewer can filter per patient."""
        return None


class User(AuditedMixin, Base):
    __tablename__ = "users"
    __reason_required__ = False
    __audit_masked__ = frozenset({"password_hash"})
    __audit_ignored__ = frozenset({"version", "failed_attempts", "last_login_utc"})

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(
        String(64),
        unique=True,
        info=info(
            Field("username", "User name", "Gebruikersnaam", "text", "USR.NAME", max_length=64)
        ),
    )
    full_name: Mapped[str] = mapped_column(
        String(200),
        info=info(
            Field(
                "full_name", "Full name", "Volledige naam", "text", "USR.FULLNAME", max_length=200
            )
        ),
    )
    role: Mapped[str] = mapped_column(
        String(20), info=info(Field("role", "Role", "Rol", "code", "USR.ROLE", codes=ROLES))
    )
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_utc: Mapped[str] = mapped_column(String(32))
    last_login_utc: Mapped[str | None] = mapped_column(String(32))


class StudySetting(AuditedMixin, Base):
    """Study-wide settings that every workstation sharing the database must agree on."""

    __tablename__ = "study_settings"
    __reason_required__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[str] = mapped_column(String(200))


class AuditEntry(Base):
    """One append-only, hash-chained line of the audit trail."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    timestamp_utc: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    table_name: Mapped[str | None] = mapped_column(String(64))
    record_id: Mapped[str | None] = mapped_column(String(64))
    patient_id: Mapped[int | None] = mapped_column(Integer, index=True)
    field: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class Patient(AuditedMixin, Base):
    """A study subject, known outside the workstation only by the subject number."""

    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_number: Mapped[str] = mapped_column(
        String(16),
        unique=True,
        info=info(Field("subject_number", "Subject number", "Studienummer", "text", "SUBJ.NUMBER")),
    )
    sex: Mapped[str] = mapped_column(
        String(1), info=info(Field("sex", "Sex", "Geslacht", "code", "DM.SEX", codes=SEXES))
    )
    birth_year: Mapped[int] = mapped_column(
        Integer,
        info=info(
            Field(
                "birth_year",
                "Year of birth",
                "Geboortejaar",
                "int",
                "DM.BRTHYR",
                minimum=1900,
                maximum=2100,
            )
        ),
    )
    consent_date: Mapped[dt.date] = mapped_column(
        Date,
        info=info(
            Field(
                "consent_date",
                "Informed consent date",
                "Datum informed consent",
                "date",
                "IC.DATE",
                not_in_future=True,
            )
        ),
    )
    consent_version: Mapped[str] = mapped_column(
        String(40),
        info=info(
            Field(
                "consent_version",
                "Consent form version",
                "Versie toestemmingsformulier",
                "text",
                "IC.VERSION",
                max_length=40,
            )
        ),
    )
    status: Mapped[str] = mapped_column(
        String(20),
        default="registered",
        info=info(
            Field("status", "Status", "Status", "code", "SUBJ.STATUS", codes=PATIENT_STATUSES)
        ),
    )
    created_utc: Mapped[str] = mapped_column(String(32))

    identity: Mapped[Identity | None] = relationship(back_populates="patient", uselist=False)

    @property
    def audit_patient_id(self) -> int | None:
        return self.id


class Identity(AuditedMixin, Base):
    """Directly identifying data: shown to nurses and investigators only, never exported."""

    __tablename__ = "identities"
    __identifying__: ClassVar[bool] = True

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), unique=True)
    family_name: Mapped[str] = mapped_column(
        String(100),
        info=info(
            Field("family_name", "Family name", "Achternaam", "text", "ID.FAMILY", max_length=100)
        ),
    )
    given_names: Mapped[str] = mapped_column(
        String(100),
        info=info(
            Field("given_names", "Given names", "Voornamen", "text", "ID.GIVEN", max_length=100)
        ),
    )
    date_of_birth: Mapped[dt.date] = mapped_column(
        Date,
        info=info(
            Field(
                "date_of_birth",
                "Date of birth",
                "Geboortedatum",
                "date",
                "ID.DOB",
                not_in_future=True,
            )
        ),
    )
    hospital_number: Mapped[str] = mapped_column(
        String(32),
        unique=True,
        info=info(
            Field(
                "hospital_number",
                "Hospital number",
                "Ziekenhuisnummer",
                "text",
                "ID.HOSPNR",
                max_length=32,
            )
        ),
    )

    patient: Mapped[Patient] = relationship(back_populates="identity")

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


def fields_of(entity: type[Base]) -> dict[str, Field]:
    """The declared fields of an entity, in column order."""
    out: dict[str, Field] = {}
    for column in entity.__table__.columns:
        spec = column.info.get("field")
        if isinstance(spec, Field):
            out[column.key] = spec
    return out
