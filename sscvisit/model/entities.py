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
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
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
    # What a person calls one record of this table (English, Dutch), e.g. in the audit trail.
    __label__: ClassVar[tuple[str, str]] = ("", "")

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
    __label__ = ("User account", "Account")
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
    __label__ = ("Study setting", "Instelling")
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
    __label__ = ("Patient", "Patiënt")

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
    __label__ = ("Identity", "Identiteit")
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


# --- screening, enrolment and visits (migration 0003) ------------------------------------------

ANSWERS: tuple[Code, ...] = (
    Code("yes", "Yes", "Ja"),
    Code("no", "No", "Nee"),
    Code("not_assessed", "Not assessed", "Niet beoordeeld"),
)
HAND_CODES: tuple[Code, ...] = (Code("L", "Left", "Links"), Code("R", "Right", "Rechts"))
FINGER_CODES: tuple[Code, ...] = (
    Code("D1", "D1 (thumb)", "D1 (duim)"),
    Code("D2", "D2 (index)", "D2 (wijsvinger)"),
    Code("D3", "D3 (middle)", "D3 (middelvinger)"),
    Code("D4", "D4 (ring)", "D4 (ringvinger)"),
    Code("D5", "D5 (little)", "D5 (pink)"),
)
# Same codes as sscvisit.scoring.ulcer.SITES, so a qualifying ulcer maps onto the ulcer map.
SITE_CODES: tuple[Code, ...] = (
    Code("tip", "Fingertip / volar pad", "Vingertop / volaire pulpa"),
    Code("volar", "Other volar", "Overig volair"),
    Code("dorsal_dip", "Dorsal over DIP", "Dorsaal over DIP"),
    Code("dorsal_pip", "Dorsal over PIP", "Dorsaal over PIP"),
    Code("dorsal_mcp", "Dorsal over MCP", "Dorsaal over MCP"),
    Code("other", "Other", "Overig"),
)
# The assessor's overall nailfold pattern (Cutolo 2000); the same codes and Dutch labels as the
# "pattern" item of resources/instruments/capillaroscopy.json, plus "not done".
CAPILLAROSCOPY_PATTERNS: tuple[Code, ...] = (
    Code("normal", "Normal", "Normaal"),
    Code("early", "Early SSc pattern", "Vroeg"),
    Code("active", "Active SSc pattern", "Actief"),
    Code("late", "Late SSc pattern", "Laat"),
    Code("not_done", "Not done", "Niet gedaan"),
)
REFRACTORY_RULES: tuple[Code, ...] = (
    Code("worse_1m", "Worse 1 month after the course", "Verslechterd 1 maand na de kuur"),
    Code("not_improved_2m", "Not improved 2 months after", "Niet verbeterd 2 maanden na de kuur"),
    Code(
        "recurred_3m", "Same ulcer recurred within 3 months", "Zelfde ulcus binnen 3 maanden terug"
    ),
)
SCREENING_RESULTS: tuple[Code, ...] = (
    Code("eligible", "Eligible", "Geschikt"),
    Code("not_eligible", "Not eligible", "Niet geschikt"),
    Code("undecided", "Not yet decided", "Nog niet beslist"),
)
SCREENING_STATES: tuple[Code, ...] = (
    Code("draft", "Draft", "Concept"),
    Code("confirmed", "Confirmed by investigator", "Bevestigd door onderzoeker"),
)
VISIT_OUTCOMES: tuple[Code, ...] = (
    Code("done", "Done", "Uitgevoerd"),
    Code("missed", "Missed", "Gemist"),
)

# (code, English, Dutch) short descriptions of the protocol's criteria, written for this
# application (DOMAIN.md "Eligibility"); the ODM OIDs follow the criterion codes.
CRITERIA: tuple[tuple[str, str, str], ...] = (
    ("inc1", "I1 Age over 18 years", "I1 Leeftijd boven 18 jaar"),
    ("inc2", "I2 SSc by ACR/EULAR 2013 (score >= 9)", "I2 SSc volgens ACR/EULAR 2013 (score >= 9)"),
    (
        "inc3",
        "I3 Active digital ulcer refractory to IV prostacyclin",
        "I3 Actief digitaal ulcus, refractair op iv-prostacycline",
    ),
    ("inc4", "I4 Written informed consent", "I4 Schriftelijke informed consent"),
    ("exc1", "E1 Ulcer with underlying calcinosis", "E1 Ulcus met onderliggende calcinose"),
    (
        "exc2",
        "E2 Neoplasm or malignancy in the past 10 years",
        "E2 Neoplasma of maligniteit in de afgelopen 10 jaar",
    ),
    (
        "exc3",
        "E3 Pregnancy or no adequate contraception",
        "E3 Zwangerschap of geen adequate anticonceptie",
    ),
    (
        "exc4",
        "E4 Serious disease, life expectancy < 1 year",
        "E4 Ernstige ziekte, levensverwachting < 1 jaar",
    ),
    ("exc5", "E5 Uncontrolled hypertension", "E5 Ongecontroleerde hypertensie"),
    (
        "exc6",
        "E6 Uncontrolled acute or chronic infection",
        "E6 Ongecontroleerde acute of chronische infectie",
    ),
    ("exc7", "E7 Follow-up impossible", "E7 Follow-up onmogelijk"),
)


def _answer(code: str, en: str, nl: str) -> Mapped[str | None]:
    return mapped_column(
        String(14),
        info=info(
            Field(code, en, nl, "code", f"SCR.{code.upper()}", required=False, codes=ANSWERS)
        ),
    )


def _source(code: str) -> Mapped[str | None]:
    return mapped_column(
        Text,
        info=info(
            Field(
                f"{code}_source",
                "Source or comment",
                "Bron of toelichting",
                "text",
                f"SCR.{code.upper()}SRC",
                required=False,
                max_length=500,
            )
        ),
    )


class Screening(AuditedMixin, Base):
    """One screening of a patient against the protocol; a re-screening is a new record."""

    __tablename__ = "screenings"
    __label__ = ("Screening", "Screening")

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    screening_date: Mapped[dt.date] = mapped_column(
        Date,
        info=info(
            Field(
                "screening_date",
                "Screening date",
                "Screeningsdatum",
                "date",
                "SCR.DATE",
                not_in_future=True,
            )
        ),
    )
    inc1: Mapped[str | None] = _answer(*CRITERIA[0])
    inc1_source: Mapped[str | None] = _source("inc1")
    inc2: Mapped[str | None] = _answer(*CRITERIA[1])
    inc2_source: Mapped[str | None] = _source("inc2")
    inc3: Mapped[str | None] = _answer(*CRITERIA[2])
    inc3_source: Mapped[str | None] = _source("inc3")
    inc4: Mapped[str | None] = _answer(*CRITERIA[3])
    inc4_source: Mapped[str | None] = _source("inc4")
    exc1: Mapped[str | None] = _answer(*CRITERIA[4])
    exc1_source: Mapped[str | None] = _source("exc1")
    exc2: Mapped[str | None] = _answer(*CRITERIA[5])
    exc2_source: Mapped[str | None] = _source("exc2")
    exc3: Mapped[str | None] = _answer(*CRITERIA[6])
    exc3_source: Mapped[str | None] = _source("exc3")
    exc4: Mapped[str | None] = _answer(*CRITERIA[7])
    exc4_source: Mapped[str | None] = _source("exc4")
    exc5: Mapped[str | None] = _answer(*CRITERIA[8])
    exc5_source: Mapped[str | None] = _source("exc5")
    exc6: Mapped[str | None] = _answer(*CRITERIA[9])
    exc6_source: Mapped[str | None] = _source("exc6")
    exc7: Mapped[str | None] = _answer(*CRITERIA[10])
    exc7_source: Mapped[str | None] = _source("exc7")

    # ACR/EULAR 2013 panel behind inclusion 2
    acr_na_spares_fingers: Mapped[bool] = mapped_column(
        Boolean,
        default=False,
        info=info(
            Field(
                "acr_na_spares_fingers",
                "Skin thickening spares the fingers",
                "Huidverdikking spaart de vingers",
                "bool",
                "SCR.ACRNA1",
                required=False,
            )
        ),
    )
    acr_na_other_disorder: Mapped[bool] = mapped_column(
        Boolean,
        default=False,
        info=info(
            Field(
                "acr_na_other_disorder",
                "A scleroderma-like disorder explains it better",
                "Een sclerodermie-achtige aandoening verklaart het beter",
                "bool",
                "SCR.ACRNA2",
                required=False,
            )
        ),
    )
    acr_findings: Mapped[str] = mapped_column(
        Text,
        default="",
        info=info(
            Field(
                "acr_findings",
                "ACR/EULAR findings",
                "ACR/EULAR-bevindingen",
                "text",
                "SCR.ACRFIND",
                required=False,
            )
        ),
    )
    acr_score: Mapped[int | None] = mapped_column(
        Integer,
        info=info(
            Field(
                "acr_score",
                "ACR/EULAR score",
                "ACR/EULAR-score",
                "int",
                "SCR.ACRSCORE",
                required=False,
                minimum=0,
                maximum=19,
            )
        ),
    )
    capillaroscopy_pattern: Mapped[str | None] = mapped_column(
        String(10),
        info=info(
            Field(
                "capillaroscopy_pattern",
                "Capillaroscopy pattern",
                "Capillaroscopiepatroon",
                "code",
                "SCR.NVCPAT",
                required=False,
                codes=CAPILLAROSCOPY_PATTERNS,
            )
        ),
    )
    capillaroscopy_date: Mapped[dt.date | None] = mapped_column(
        Date,
        info=info(
            Field(
                "capillaroscopy_date",
                "Capillaroscopy date",
                "Capillaroscopiedatum",
                "date",
                "SCR.NVCDATE",
                required=False,
                not_in_future=True,
            )
        ),
    )
    inc2_override_reason: Mapped[str | None] = mapped_column(
        Text,
        info=info(
            Field(
                "inc2_override_reason",
                "Reason the answer differs from the panel",
                "Reden dat het antwoord afwijkt van het panel",
                "text",
                "SCR.INC2OVR",
                required=False,
                max_length=500,
            )
        ),
    )

    # Inclusion 3: the qualifying ulcer and the IV prostacyclin history
    ulcer_hand: Mapped[str | None] = mapped_column(
        String(1),
        info=info(
            Field(
                "ulcer_hand", "Hand", "Hand", "code", "SCR.DUHAND", required=False, codes=HAND_CODES
            )
        ),
    )
    ulcer_finger: Mapped[str | None] = mapped_column(
        String(2),
        info=info(
            Field(
                "ulcer_finger",
                "Finger",
                "Vinger",
                "code",
                "SCR.DUFINGER",
                required=False,
                codes=FINGER_CODES,
            )
        ),
    )
    ulcer_site: Mapped[str | None] = mapped_column(
        String(12),
        info=info(
            Field(
                "ulcer_site",
                "Site",
                "Locatie",
                "code",
                "SCR.DUSITE",
                required=False,
                codes=SITE_CODES,
            )
        ),
    )
    prostacyclin_start: Mapped[dt.date | None] = mapped_column(
        Date,
        info=info(
            Field(
                "prostacyclin_start",
                "IV prostacyclin course start",
                "Start iv-prostacyclinekuur",
                "date",
                "SCR.PGISTART",
                required=False,
                not_in_future=True,
            )
        ),
    )
    prostacyclin_end: Mapped[dt.date | None] = mapped_column(
        Date,
        info=info(
            Field(
                "prostacyclin_end",
                "IV prostacyclin course end",
                "Einde iv-prostacyclinekuur",
                "date",
                "SCR.PGIEND",
                required=False,
                not_in_future=True,
            )
        ),
    )
    refractory_rule: Mapped[str | None] = mapped_column(
        String(20),
        info=info(
            Field(
                "refractory_rule",
                "Refractory because",
                "Refractair omdat",
                "code",
                "SCR.REFRULE",
                required=False,
                codes=REFRACTORY_RULES,
            )
        ),
    )
    recurrence_date: Mapped[dt.date | None] = mapped_column(
        Date,
        info=info(
            Field(
                "recurrence_date",
                "Date the ulcer recurred",
                "Datum ulcus teruggekomen",
                "date",
                "SCR.RECURDT",
                required=False,
                not_in_future=True,
            )
        ),
    )

    result: Mapped[str] = mapped_column(
        String(14),
        default="undecided",
        info=info(
            Field(
                "result",
                "Eligibility",
                "Geschiktheid",
                "code",
                "SCR.RESULT",
                codes=SCREENING_RESULTS,
            )
        ),
    )
    state: Mapped[str] = mapped_column(
        String(10),
        default="draft",
        info=info(Field("state", "State", "Status", "code", "SCR.STATE", codes=SCREENING_STATES)),
    )
    assessed_by: Mapped[str] = mapped_column(String(64))
    confirmed_by: Mapped[str | None] = mapped_column(String(64))
    confirmed_utc: Mapped[str | None] = mapped_column(String(32))
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


class Enrolment(AuditedMixin, Base):
    """An eligible, confirmed patient entering the trial; anchors the visit schedule."""

    __tablename__ = "enrolments"
    __label__ = ("Enrolment", "Inclusie")

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), unique=True)
    screening_id: Mapped[int] = mapped_column(ForeignKey("screenings.id"))
    enrolled_on: Mapped[dt.date] = mapped_column(
        Date,
        info=info(
            Field(
                "enrolled_on",
                "Enrolment date",
                "Datum inclusie",
                "date",
                "ENR.DATE",
                not_in_future=True,
            )
        ),
    )
    planned_injection_date: Mapped[dt.date] = mapped_column(
        Date,
        info=info(
            Field(
                "planned_injection_date",
                "Planned injection date",
                "Geplande injectiedatum",
                "date",
                "ENR.PLANINJ",
            )
        ),
    )
    protocol_version: Mapped[str] = mapped_column(String(40))
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


class Visit(AuditedMixin, Base):
    """A scheduled or unscheduled visit after enrolment (the screening has its own record)."""

    __tablename__ = "visits"
    __label__ = ("Visit", "Bezoek")

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_code: Mapped[str] = mapped_column(String(24))
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # numbers unscheduled visits
    visit_date: Mapped[dt.date | None] = mapped_column(
        Date,
        info=info(
            Field(
                "visit_date",
                "Visit date",
                "Bezoekdatum",
                "date",
                "SV.DATE",
                required=False,
                not_in_future=True,
            )
        ),
    )
    outcome: Mapped[str | None] = mapped_column(
        String(10),
        info=info(
            Field(
                "outcome",
                "Outcome",
                "Uitkomst",
                "code",
                "SV.OUTCOME",
                required=False,
                codes=VISIT_OUTCOMES,
            )
        ),
    )
    missed_reason: Mapped[str | None] = mapped_column(
        Text,
        info=info(
            Field(
                "missed_reason",
                "Reason missed",
                "Reden gemist",
                "text",
                "SV.MISSRSN",
                required=False,
                max_length=500,
            )
        ),
    )
    deviation_reason: Mapped[str | None] = mapped_column(
        Text,
        info=info(
            Field(
                "deviation_reason",
                "Reason outside the window",
                "Reden buiten het venster",
                "text",
                "SV.DEVRSN",
                required=False,
                max_length=500,
            )
        ),
    )
    comment: Mapped[str | None] = mapped_column(
        Text,
        info=info(
            Field(
                "comment",
                "Comment",
                "Opmerking",
                "text",
                "SV.COMMENT",
                required=False,
                max_length=1000,
            )
        ),
    )
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


# --- questionnaires and capillaroscopy (migration 0004) ----------------------------------------

COMPLETED_BY: tuple[Code, ...] = (
    Code("patient", "The patient alone", "De patiënt zelf"),
    Code("with_help", "The patient, with help", "De patiënt, met hulp"),
    Code("assessor", "The assessor (capillaroscopy)", "De beoordelaar (capillaroscopie)"),
)
MISSING_REASONS: tuple[Code, ...] = (
    Code("not_answered", "Not answered", "Niet ingevuld"),
    Code("illegible", "Illegible", "Onleesbaar"),
    Code("not_applicable", "Not applicable", "Niet van toepassing"),
)


class InstrumentResponse(AuditedMixin, Base):
    """One completed instrument (a questionnaire on paper, or a capillaroscopy) at one visit.

    Which items exist, their ranges and labels come from the instrument definition in
    resources/instruments/; the answers are ``ItemAnswer`` rows.
    """

    __tablename__ = "instrument_responses"
    __label__ = ("Questionnaire", "Vragenlijst")

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    instrument: Mapped[str] = mapped_column(String(24))
    completed_on: Mapped[dt.date] = mapped_column(
        Date,
        info=info(
            Field(
                "completed_on", "Completed on", "Ingevuld op", "date", "QS.DATE", not_in_future=True
            )
        ),
    )
    completed_by: Mapped[str] = mapped_column(
        String(12),
        info=info(
            Field(
                "completed_by", "Completed by", "Ingevuld door", "code", "QS.BY", codes=COMPLETED_BY
            )
        ),
    )
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


class ItemAnswer(AuditedMixin, Base):
    """One item of an instrument response: a number, a text, or a reason it is missing."""

    __tablename__ = "item_answers"
    __label__ = ("Answer", "Antwoord")
    __table_args__ = (UniqueConstraint("response_id", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("instrument_responses.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))  # for the audit trail
    item: Mapped[str] = mapped_column(String(40))
    value: Mapped[float | None] = mapped_column(Float)
    text_value: Mapped[str | None] = mapped_column(Text)
    missing_reason: Mapped[str | None] = mapped_column(
        String(16),
        info=info(
            Field(
                "missing_reason",
                "Missing because",
                "Ontbreekt omdat",
                "code",
                "QS.MISSRSN",
                required=False,
                codes=MISSING_REASONS,
            )
        ),
    )

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


# --- digital ulcers and the per-finger map (migration 0005) -------------------------------------

ULCER_STATUSES: tuple[Code, ...] = (
    Code("active", "Active", "Actief"),
    Code("new", "New since the last visit", "Nieuw sinds het vorige bezoek"),
    Code("healed", "Healed", "Genezen"),
)
ULCER_DEPTHS: tuple[Code, ...] = (
    Code("superficial", "Superficial", "Oppervlakkig"),
    Code("deep", "Deep", "Diep"),
)
PHOTO_MEDIA_TYPES: tuple[Code, ...] = (
    Code("image/jpeg", "JPEG image", "JPEG-afbeelding"),
    Code("image/png", "PNG image", "PNG-afbeelding"),
)
ULCER_SIZE_MM: tuple[float, float] = (0.5, 100.0)
"""The sizes a ruler at the bedside measures (DOMAIN.md); the map's commands use the same range."""


def _size(name: str, en: str, nl: str, oid: str) -> Mapped[float | None]:
    # Not required by the declaration: a healed ulcer has no size. The service asks for both
    # sizes of an active or new ulcer.
    return mapped_column(
        Float,
        info=info(
            Field(
                name,
                en,
                nl,
                "float",
                oid,
                required=False,
                unit="mm",
                minimum=ULCER_SIZE_MM[0],
                maximum=ULCER_SIZE_MM[1],
            )
        ),
    )


def _flag(name: str, en: str, nl: str, oid: str) -> Mapped[bool]:
    return mapped_column(
        Boolean,
        default=False,
        info=info(Field(name, en, nl, "bool", oid, required=False)),
    )


class UlcerMap(AuditedMixin, Base):
    """That the ulcer map of a visit was filled in, even when it shows no ulcer at all.

    Without it a visit with no ulcers (the end point a patient hopes for) could not be told apart
    from a map nobody filled in. Its version moves with every change to the visit's map, so two
    workstations editing one map get a conflict.
    """

    __tablename__ = "ulcer_maps"
    __label__ = ("Ulcer map", "Ulcuskaart")

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), unique=True)
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


class Ulcer(AuditedMixin, Base):
    """One digital ulcer, the same ulcer at every visit (its finger and site give it identity).

    A healed ulcer that comes back at the same site is a new Ulcer whose ``recurrence_of_id``
    names the healed one.
    """

    __tablename__ = "ulcers"
    __label__ = ("Ulcer", "Ulcus")

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    hand: Mapped[str] = mapped_column(
        String(1),
        info=info(Field("hand", "Hand", "Hand", "code", "DU.HAND", codes=HAND_CODES)),
    )
    finger: Mapped[str] = mapped_column(
        String(2),
        info=info(Field("finger", "Finger", "Vinger", "code", "DU.FINGER", codes=FINGER_CODES)),
    )
    site: Mapped[str] = mapped_column(
        String(12),
        info=info(Field("site", "Site", "Locatie", "code", "DU.SITE", codes=SITE_CODES)),
    )
    first_visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    recurrence_of_id: Mapped[int | None] = mapped_column(ForeignKey("ulcers.id"))
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


class UlcerObservation(AuditedMixin, Base):
    """One ulcer as seen at one visit: status, measures, and what lies under or around it."""

    __tablename__ = "ulcer_observations"
    __label__ = ("Ulcer observation", "Ulcusobservatie")
    __table_args__ = (UniqueConstraint("ulcer_id", "visit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ulcer_id: Mapped[int] = mapped_column(ForeignKey("ulcers.id"), index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    status: Mapped[str] = mapped_column(
        String(8),
        info=info(Field("status", "Status", "Status", "code", "DU.STATUS", codes=ULCER_STATUSES)),
    )
    length_mm: Mapped[float | None] = _size("length_mm", "Length", "Lengte", "DU.LENGTH")
    width_mm: Mapped[float | None] = _size("width_mm", "Width", "Breedte", "DU.WIDTH")
    # Derived (scoring.ulcer.ellipse_area) but stored, so the casebook and exports show exactly
    # the area the nurse saw when saving.
    area_mm2: Mapped[float | None] = mapped_column(
        Float,
        info=info(
            Field(
                "area_mm2",
                "Area (ellipse)",
                "Oppervlakte (ellips)",
                "float",
                "DU.AREA",
                required=False,
                unit="mm²",
                minimum=0,
            )
        ),
    )
    depth: Mapped[str | None] = mapped_column(
        String(12),
        info=info(
            Field(
                "depth", "Depth", "Diepte", "code", "DU.DEPTH", required=False, codes=ULCER_DEPTHS
            )
        ),
    )
    infection: Mapped[bool] = _flag("infection", "Infected", "Geïnfecteerd", "DU.INFECT")
    on_calcinosis: Mapped[bool] = _flag(
        "on_calcinosis", "On calcinosis", "Op calcinose", "DU.CALCIN"
    )
    on_pitting_scar: Mapped[bool] = _flag(
        "on_pitting_scar", "On a pitting scar", "Op een putjesvormig litteken", "DU.PITSCAR"
    )
    gangrene: Mapped[bool] = _flag("gangrene", "Gangrene", "Gangreen", "DU.GANGRENE")
    pain_vas: Mapped[float | None] = mapped_column(
        Float,
        info=info(
            Field(
                "pain_vas",
                "Pain (VAS)",
                "Pijn (VAS)",
                "float",
                "DU.PAINVAS",
                required=False,
                unit="mm",
                minimum=0,
                maximum=100,
            )
        ),
    )
    comment: Mapped[str | None] = mapped_column(
        Text,
        info=info(
            Field(
                "comment",
                "Comment",
                "Opmerking",
                "text",
                "DU.COMMENT",
                required=False,
                max_length=1000,
            )
        ),
    )

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


class UlcerPhoto(AuditedMixin, Base):
    """A photo of an ulcer at a visit, kept in the database so it cannot go missing.

    ``sha256`` is the digest of ``data``, checked on every read. The bytes themselves are not
    copied into the audit trail: the audited digest stands for them.
    """

    __tablename__ = "ulcer_photos"
    __label__ = ("Ulcer photo", "Ulcusfoto")
    __audit_ignored__ = frozenset({"version", "data"})

    id: Mapped[int] = mapped_column(primary_key=True)
    observation_id: Mapped[int] = mapped_column(ForeignKey("ulcer_observations.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    sha256: Mapped[str] = mapped_column(
        String(64),
        index=True,
        info=info(
            Field("sha256", "SHA-256", "SHA-256", "text", "DUPH.SHA256", max_length=64),
        ),
    )
    media_type: Mapped[str] = mapped_column(
        String(40),
        info=info(
            Field(
                "media_type",
                "Image type",
                "Beeldtype",
                "code",
                "DUPH.TYPE",
                codes=PHOTO_MEDIA_TYPES,
            )
        ),
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)
    taken_on: Mapped[dt.date] = mapped_column(
        Date,
        info=info(
            Field(
                "taken_on",
                "Photo taken on",
                "Foto gemaakt op",
                "date",
                "DUPH.DATE",
                not_in_future=True,
            )
        ),
    )
    caption: Mapped[str | None] = mapped_column(
        Text,
        info=info(
            Field(
                "caption",
                "Caption",
                "Bijschrift",
                "text",
                "DUPH.CAPTION",
                required=False,
                max_length=500,
            )
        ),
    )
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


# --- injection, vital signs, safety, labs, biomarkers, medication (migration 0007) ----------------


def _column(spec: Field, type_: Any, **kwargs: Any) -> Any:
    """A mapped column carrying its field declaration (the type follows the field's kind)."""
    return mapped_column(type_, info=info(spec), **kwargs)


class Injection(AuditedMixin, Base):
    """The one intramuscular MSC injection of a patient: the product, the dose and who gave it.

    Belongs to the injection visit (day 0 of the schedule). ``dose_per_kg`` is derived from the
    total cells and the body weight (services.injection) but stored, so the casebook and exports
    show exactly the dose the nurse saw when saving.
    """

    __tablename__ = "injections"
    __label__ = ("Injection", "Injectie")

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), unique=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), unique=True)
    injected_at: Mapped[dt.datetime] = _column(
        Field(
            "injected_at",
            "Injection date and time",
            "Datum en tijd injectie",
            "datetime",
            "EX.DTC",
            not_in_future=True,
        ),
        DateTime,
    )
    batch_number: Mapped[str] = _column(
        Field(
            "batch_number",
            "MSC batch/lot number",
            "Batch-/lotnummer MSC",
            "text",
            "EX.LOT",
            max_length=40,
        ),
        String(40),
    )
    batch_release_date: Mapped[dt.date] = _column(
        Field(
            "batch_release_date",
            "Batch release date",
            "Vrijgiftedatum batch",
            "date",
            "EX.RELDT",
            not_in_future=True,
        ),
        Date,
    )
    weight_kg: Mapped[float] = _column(
        Field(
            "weight_kg",
            "Body weight",
            "Lichaamsgewicht",
            "float",
            "EX.WEIGHT",
            unit="kg",
            minimum=30,
            maximum=200,
        ),
        Float,
    )
    total_cells_million: Mapped[float] = _column(
        Field(
            "total_cells_million",
            "Total cells injected",
            "Totaal geïnjecteerde cellen",
            "float",
            "EX.CELLS",
            unit="×10⁶",
            minimum=0.1,
            maximum=10000,
        ),
        Float,
    )
    dose_per_kg: Mapped[float] = _column(
        Field(
            "dose_per_kg",
            "Cells per kg",
            "Cellen per kg",
            "float",
            "EX.DOSE",
            unit="×10⁶/kg",
            minimum=0,
        ),
        Float,
    )
    volume_ml: Mapped[float] = _column(
        Field(
            "volume_ml",
            "Volume injected",
            "Geïnjecteerd volume",
            "float",
            "EX.VOLUME",
            unit="mL",
            minimum=0.1,
            maximum=500,
        ),
        Float,
    )
    injection_sites: Mapped[int] = _column(
        Field(
            "injection_sites",
            "Number of injection sites",
            "Aantal injectieplaatsen",
            "int",
            "EX.SITES",
            minimum=1,
            maximum=100,
        ),
        Integer,
    )
    muscles: Mapped[str] = _column(
        Field(
            "muscles",
            "Muscle(s) injected",
            "Geïnjecteerde spier(en)",
            "text",
            "EX.LOC",
            max_length=200,
        ),
        String(200),
    )
    operator: Mapped[str] = _column(
        Field(
            "operator", "Injected by", "Geïnjecteerd door", "text", "EX.OPERATOR", max_length=200
        ),
        String(200),
    )
    comment: Mapped[str | None] = _column(
        Field(
            "comment",
            "Comment",
            "Opmerking",
            "text",
            "EX.COMMENT",
            required=False,
            max_length=1000,
        ),
        Text,
    )
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


VITAL_TIMEPOINTS: tuple[Code, ...] = (
    Code("visit", "At the visit", "Tijdens het bezoek"),
    Code("pre_injection", "Before the injection", "Voor de injectie"),
    Code("post_injection", "After the injection", "Na de injectie"),
)


class VitalSigns(AuditedMixin, Base):
    """Blood pressure, heart rate and temperature measured once at a time point of a visit."""

    __tablename__ = "vital_signs"
    __label__ = ("Vital signs", "Vitale functies")
    __table_args__ = (UniqueConstraint("visit_id", "timepoint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    timepoint: Mapped[str] = _column(
        Field("timepoint", "Time point", "Tijdstip", "code", "VS.TPT", codes=VITAL_TIMEPOINTS),
        String(16),
    )
    measured_at: Mapped[dt.datetime] = _column(
        Field(
            "measured_at",
            "Measured at",
            "Gemeten op",
            "datetime",
            "VS.DTC",
            not_in_future=True,
        ),
        DateTime,
    )
    systolic_mmhg: Mapped[int] = _column(
        Field(
            "systolic_mmhg",
            "Systolic blood pressure",
            "Systolische bloeddruk",
            "int",
            "VS.SYSBP",
            unit="mmHg",
            minimum=50,
            maximum=280,
        ),
        Integer,
    )
    diastolic_mmhg: Mapped[int] = _column(
        Field(
            "diastolic_mmhg",
            "Diastolic blood pressure",
            "Diastolische bloeddruk",
            "int",
            "VS.DIABP",
            unit="mmHg",
            minimum=20,
            maximum=180,
        ),
        Integer,
    )
    heart_rate_bpm: Mapped[int] = _column(
        Field(
            "heart_rate_bpm",
            "Heart rate",
            "Hartfrequentie",
            "int",
            "VS.HR",
            unit="/min",
            minimum=20,
            maximum=250,
        ),
        Integer,
    )
    temperature_c: Mapped[float] = _column(
        Field(
            "temperature_c",
            "Temperature",
            "Temperatuur",
            "float",
            "VS.TEMP",
            unit="°C",
            minimum=30,
            maximum=44,
        ),
        Float,
    )
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


AE_INTENSITIES: tuple[Code, ...] = (
    Code("mild", "Mild", "Licht"),
    Code("moderate", "Moderate", "Matig"),
    Code("severe", "Severe", "Ernstig"),
)
AE_RELATIONS: tuple[Code, ...] = (
    Code("not_related", "Not related", "Niet gerelateerd"),
    Code("unlikely", "Unlikely", "Onwaarschijnlijk"),
    Code("possible", "Possible", "Mogelijk"),
    Code("probable", "Probable", "Waarschijnlijk"),
    Code("certain", "Certain", "Zeker"),
)
AE_ACTIONS: tuple[Code, ...] = (
    Code("none", "None", "Geen"),
    Code("medication", "Medication given", "Medicatie gegeven"),
    Code("procedure", "Procedure or surgery", "Ingreep of operatie"),
    Code("withdrawn", "Withdrawn from the study", "Teruggetrokken uit de studie"),
    Code("other", "Other", "Anders"),
)
AE_OUTCOMES: tuple[Code, ...] = (
    Code("recovered", "Recovered/resolved", "Hersteld"),
    Code("recovering", "Recovering/resolving", "Herstellende"),
    Code("not_recovered", "Not recovered/not resolved", "Niet hersteld"),
    Code("sequelae", "Recovered with sequelae", "Hersteld met restverschijnselen"),
    Code("fatal", "Fatal", "Fataal"),
    Code("unknown", "Unknown", "Onbekend"),
)
SERIOUSNESS_CRITERIA: tuple[str, ...] = (
    "serious_death",
    "serious_life_threatening",
    "serious_hospitalisation",
    "serious_disability",
    "serious_congenital",
    "serious_important",
)
"""The ICH E2A criteria (DOMAIN.md "Safety"): any one ticked makes the event serious."""


def _relation(name: str, en: str, nl: str, oid: str) -> Mapped[str]:
    column: Mapped[str] = _column(Field(name, en, nl, "code", oid, codes=AE_RELATIONS), String(12))
    return column


class AdverseEvent(AuditedMixin, Base):
    """One adverse event of a patient, serious or not; follow-up reports update it (audited).

    Recorded at a visit (``visit_id``). Serious when any of SERIOUSNESS_CRITERIA is ticked; then
    ``aware_at`` (when the site learnt of it) is required and the sponsor must have it within
    24 hours (``reported_at``; ``late_reason`` when later). Date-times are local wall-clock time
    as entered.
    """

    __tablename__ = "adverse_events"
    __label__ = ("Adverse event", "Ongewenst voorval")
    __table_args__ = (UniqueConstraint("patient_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, ... per patient: "AE 3" in the casebook
    term: Mapped[str] = _column(
        Field("term", "Event term", "Omschrijving voorval", "text", "AE.TERM", max_length=200),
        String(200),
    )
    meddra_code: Mapped[str | None] = _column(
        Field(
            "meddra_code",
            "MedDRA code (LLT)",
            "MedDRA-code (LLT)",
            "text",
            "AE.LLTCD",
            required=False,
            max_length=8,
        ),
        String(8),
    )
    onset_date: Mapped[dt.date] = _column(
        Field("onset_date", "Onset date", "Begindatum", "date", "AE.STDTC", not_in_future=True),
        Date,
    )
    end_date: Mapped[dt.date | None] = _column(
        Field(
            "end_date",
            "End date",
            "Einddatum",
            "date",
            "AE.ENDTC",
            required=False,
            not_in_future=True,
        ),
        Date,
    )
    ongoing: Mapped[bool] = _flag("ongoing", "Ongoing", "Nog aanwezig", "AE.ONGO")
    intensity: Mapped[str] = _column(
        Field("intensity", "Intensity", "Intensiteit", "code", "AE.SEV", codes=AE_INTENSITIES),
        String(10),
    )
    who_grade: Mapped[int] = _column(
        Field("who_grade", "WHO grade", "WHO-graad", "int", "AE.TOXGR", minimum=0, maximum=4),
        Integer,
    )
    relation_product: Mapped[str] = _relation(
        "relation_product",
        "Related to the MSC product",
        "Relatie met het MSC-product",
        "AE.RELPROD",
    )
    relation_procedure: Mapped[str] = _relation(
        "relation_procedure",
        "Related to the injection procedure",
        "Relatie met de injectieprocedure",
        "AE.RELPROC",
    )
    action_taken: Mapped[str] = _column(
        Field("action_taken", "Action taken", "Genomen actie", "code", "AE.ACN", codes=AE_ACTIONS),
        String(12),
    )
    outcome: Mapped[str] = _column(
        Field("outcome", "Outcome", "Afloop", "code", "AE.OUT", codes=AE_OUTCOMES),
        String(14),
    )
    serious_death: Mapped[bool] = _flag(
        "serious_death", "Results in death", "Leidt tot overlijden", "AE.SDTH"
    )
    serious_life_threatening: Mapped[bool] = _flag(
        "serious_life_threatening", "Is life-threatening", "Is levensbedreigend", "AE.SLIFE"
    )
    serious_hospitalisation: Mapped[bool] = _flag(
        "serious_hospitalisation",
        "Requires or prolongs hospitalisation",
        "Leidt tot (verlenging van) ziekenhuisopname",
        "AE.SHOSP",
    )
    serious_disability: Mapped[bool] = _flag(
        "serious_disability",
        "Persistent or significant disability",
        "Blijvende of significante invaliditeit",
        "AE.SDISAB",
    )
    serious_congenital: Mapped[bool] = _flag(
        "serious_congenital", "Congenital anomaly", "Aangeboren afwijking", "AE.SCONG"
    )
    serious_important: Mapped[bool] = _flag(
        "serious_important",
        "Other important medical event",
        "Andere belangrijke medische gebeurtenis",
        "AE.SMIE",
    )
    aware_at: Mapped[dt.datetime | None] = _column(
        Field(
            "aware_at",
            "Site aware of the SAE at",
            "SAE bekend bij het centrum op",
            "datetime",
            "AE.AWARDTC",
            required=False,
            not_in_future=True,
        ),
        DateTime,
    )
    reported_at: Mapped[dt.datetime | None] = _column(
        Field(
            "reported_at",
            "Reported to the sponsor at",
            "Gemeld aan de sponsor op",
            "datetime",
            "AE.REPDTC",
            required=False,
            not_in_future=True,
        ),
        DateTime,
    )
    late_reason: Mapped[str | None] = _column(
        Field(
            "late_reason",
            "Reason reported late",
            "Reden te late melding",
            "text",
            "AE.LATERSN",
            required=False,
            max_length=500,
        ),
        Text,
    )
    immediate_reaction: Mapped[bool] = _flag(
        "immediate_reaction",
        "Immediate reaction to the injection",
        "Directe reactie op de injectie",
        "AE.IMMREAC",
    )
    description: Mapped[str | None] = _column(
        Field(
            "description",
            "Description and follow-up",
            "Beschrijving en follow-up",
            "text",
            "AE.DESC",
            required=False,
            max_length=4000,
        ),
        Text,
    )
    created_utc: Mapped[str] = mapped_column(String(32))
    # The lab result the event was recorded from (its suggestion), None when entered freely.
    lab_result_id: Mapped[int | None] = mapped_column(ForeignKey("lab_results.id"), index=True)

    @property
    def serious(self) -> bool:
        return any(getattr(self, name) for name in SERIOUSNESS_CRITERIA)

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


LAB_ANALYTES: tuple[Code, ...] = (
    Code("haemoglobin", "Haemoglobin", "Hemoglobine"),
    Code("leukocytes", "Leukocytes", "Leukocyten"),
    Code("granulocytes", "Granulocytes", "Granulocyten"),
    Code("platelets", "Platelets", "Trombocyten"),
    Code("bilirubin", "Bilirubin", "Bilirubine"),
    Code("ast", "AST", "ASAT"),
    Code("alt", "ALT", "ALAT"),
    Code("alkaline_phosphatase", "Alkaline phosphatase", "Alkalische fosfatase"),
    Code("urea", "Urea", "Ureum"),
    Code("creatinine", "Creatinine", "Creatinine"),
)
"""The WHO toxicity parameters (DOMAIN.md), the codes scoring.who_toxicity grades."""


class LabResult(AuditedMixin, Base):
    """One laboratory value at a visit, as the lab reported it, with its computed WHO grade.

    ``who_grade`` is derived (scoring.who_toxicity.grade, units converted) but stored, so the
    casebook shows the grade the nurse saw when saving.
    """

    __tablename__ = "lab_results"
    __label__ = ("Lab result", "Labuitslag")
    __table_args__ = (UniqueConstraint("visit_id", "analyte"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    analyte: Mapped[str] = _column(
        Field("analyte", "Analyte", "Bepaling", "code", "LB.TESTCD", codes=LAB_ANALYTES),
        String(24),
    )
    value: Mapped[float] = _column(
        Field("value", "Value", "Waarde", "float", "LB.ORRES", minimum=0), Float
    )
    unit: Mapped[str] = _column(
        Field("unit", "Unit", "Eenheid", "text", "LB.ORRESU", max_length=16), String(16)
    )
    lower_limit: Mapped[float | None] = _column(
        Field(
            "lower_limit",
            "Lower limit of normal",
            "Ondergrens normaal",
            "float",
            "LB.ORNRLO",
            required=False,
            minimum=0,
        ),
        Float,
    )
    upper_limit: Mapped[float | None] = _column(
        Field(
            "upper_limit",
            "Upper limit of normal",
            "Bovengrens normaal",
            "float",
            "LB.ORNRHI",
            required=False,
            minimum=0,
        ),
        Float,
    )
    sample_date: Mapped[dt.date] = _column(
        Field("sample_date", "Sample date", "Afnamedatum", "date", "LB.DTC", not_in_future=True),
        Date,
    )
    who_grade: Mapped[int | None] = _column(
        Field(
            "who_grade",
            "WHO grade",
            "WHO-graad",
            "int",
            "LB.TOXGR",
            required=False,
            minimum=0,
            maximum=4,
        ),
        Integer,
    )
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


class BiomarkerResult(AuditedMixin, Base):
    """One biomarker value at a visit; the analyte codes come from the protocol file's panel."""

    __tablename__ = "biomarker_results"
    __label__ = ("Biomarker result", "Biomarkeruitslag")
    __table_args__ = (UniqueConstraint("visit_id", "analyte"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    analyte: Mapped[str] = _column(
        Field("analyte", "Biomarker", "Biomarker", "text", "BM.TESTCD", max_length=24),
        String(24),
    )
    value: Mapped[float] = _column(
        Field("value", "Value", "Waarde", "float", "BM.ORRES", minimum=0), Float
    )
    unit: Mapped[str] = _column(
        Field("unit", "Unit", "Eenheid", "text", "BM.ORRESU", max_length=16), String(16)
    )
    sample_date: Mapped[dt.date] = _column(
        Field("sample_date", "Sample date", "Afnamedatum", "date", "BM.DTC", not_in_future=True),
        Date,
    )
    assay: Mapped[str | None] = _column(
        Field(
            "assay",
            "Assay / laboratory",
            "Assay / laboratorium",
            "text",
            "BM.METHOD",
            required=False,
            max_length=120,
        ),
        String(120),
    )
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


ROUTES: tuple[Code, ...] = (
    Code("oral", "Oral", "Oraal"),
    Code("iv", "Intravenous", "Intraveneus"),
    Code("sc", "Subcutaneous", "Subcutaan"),
    Code("im", "Intramuscular", "Intramusculair"),
    Code("topical", "Topical", "Lokaal (huid)"),
    Code("inhaled", "Inhaled", "Inhalatie"),
    Code("other", "Other", "Anders"),
)


class ConcomitantMedication(AuditedMixin, Base):
    """A medicine the patient takes besides the MSC product (a course has a start and a stop).

    ``prostacyclin`` marks an intravenous prostacyclin course (iloprost, epoprostenol): those are
    the courses the screening's refractoriness check offers.
    """

    __tablename__ = "concomitant_medications"
    __label__ = ("Concomitant medication", "Comedicatie")

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    drug: Mapped[str] = _column(
        Field("drug", "Medicine", "Geneesmiddel", "text", "CM.TRT", max_length=120), String(120)
    )
    dose: Mapped[str | None] = _column(
        Field(
            "dose",
            "Dose and frequency",
            "Dosis en frequentie",
            "text",
            "CM.DOSE",
            required=False,
            max_length=80,
        ),
        String(80),
    )
    route: Mapped[str] = _column(
        Field("route", "Route", "Toedieningsweg", "code", "CM.ROUTE", codes=ROUTES), String(10)
    )
    start_date: Mapped[dt.date] = _column(
        Field("start_date", "Start date", "Startdatum", "date", "CM.STDTC", not_in_future=True),
        Date,
    )
    stop_date: Mapped[dt.date | None] = _column(
        Field(
            "stop_date",
            "Stop date",
            "Stopdatum",
            "date",
            "CM.ENDTC",
            required=False,
            not_in_future=True,
        ),
        Date,
    )
    ongoing: Mapped[bool] = _flag("ongoing", "Ongoing", "Gebruikt nog", "CM.ONGO")
    indication: Mapped[str | None] = _column(
        Field(
            "indication",
            "Indication",
            "Indicatie",
            "text",
            "CM.INDC",
            required=False,
            max_length=200,
        ),
        String(200),
    )
    prostacyclin: Mapped[bool] = _flag(
        "prostacyclin", "IV prostacyclin course", "Iv-prostacyclinekuur", "CM.PGI"
    )
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id


FORM_STATES: tuple[Code, ...] = (
    Code("done", "Done", "Gedaan"),
    Code("not_done", "Not done", "Niet gedaan"),
)


class VisitFormState(AuditedMixin, Base):
    """A visit form's check without data of its own, or a form deliberately not done.

    ``done`` marks the "adverse events reviewed" and "medication reviewed" checks; ``not_done``
    with a reason lets a visit be complete without a form the protocol attaches to it.
    """

    __tablename__ = "visit_form_states"
    __label__ = ("Visit form", "Bezoekformulier")
    __table_args__ = (UniqueConstraint("visit_id", "form"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    form: Mapped[str] = mapped_column(String(24))
    state: Mapped[str] = _column(
        Field("state", "State", "Status", "code", "VF.STATE", codes=FORM_STATES), String(10)
    )
    not_done_reason: Mapped[str | None] = _column(
        Field(
            "not_done_reason",
            "Reason not done",
            "Reden niet gedaan",
            "text",
            "VF.REASND",
            required=False,
            max_length=500,
        ),
        Text,
    )
    checked_by: Mapped[str] = mapped_column(String(64))
    created_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_patient_id(self) -> int | None:
        return self.patient_id
