"""Laboratory results of a visit, graded with the WHO toxicity scale (DOMAIN.md "Safety").

The nurse transcribes the lab's report: value and unit as reported, the reference range the lab
printed, and the sample date. The WHO grade is computed here (scoring.who_toxicity, units
converted; the ratio parameters as a multiple of the upper limit of normal) and stored with the
result, so the casebook shows the grade the nurse saw. After the injection visit (baseline), a
grade of 3 or more, or a rise of two grades from the baseline grade, suggests an adverse event;
the nurse decides. A baseline result never does: a value from before the product was given is
medical history, not an adverse event (ICH E2A). An AE recorded from a result keeps the link
(``AdverseEvent.lab_result_id``); the result then shows that AE (``LabInfo.recorded_ae``) instead of
asking for one, until the AE is voided.

Field problems of a panel are named ``"<analyte>.<field>"`` (``field_key``), e.g.
``"haemoglobin.unit"``, so the lab form places each message at its own editor. Checking, saving
and reading the rows is shared with the biomarker panel (services.panels).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sscvisit.model.entities import (
    LAB_ANALYTES,
    AdverseEvent,
    LabResult,
    Patient,
    Visit,
    fields_of,
)
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.scoring import who_toxicity
from sscvisit.services import clock, panels
from sscvisit.services.auth import require
from sscvisit.services.dto import UserInfo
from sscvisit.services.errors import NotFound
from sscvisit.services.panels import field_key, split_key
from sscvisit.services.protocol import default_protocol
from sscvisit.services.study import Study

__all__ = [
    "ANALYTES",
    "DEFAULT_UNITS",
    "LABS_FORM",
    "LAB_FIELDS",
    "ROW_FIELDS",
    "UNIT_CHOICES",
    "LabEntry",
    "LabInfo",
    "accepted_units",
    "ae_term",
    "analyte_label",
    "check_lab_row",
    "field_key",
    "is_blank",
    "lab_results",
    "save_lab_panel",
    "split_key",
    "suggests_ae",
    "visit_lab_results",
]

LAB_FIELDS: dict[str, Field] = fields_of(LabResult)
"""analyte (its code list: the WHO parameters), value, unit, limits, sample date, who_grade."""

LABS_FORM = "labs"
ROW_FIELDS = ("value", "unit", "lower_limit", "upper_limit", "sample_date")
"""What the form hands in per analyte (who_grade is computed, never entered)."""

ANALYTES: tuple[str, ...] = tuple(code.value for code in LAB_ANALYTES)
"""The analytes in the order of the WHO table (and of the form)."""

DEFAULT_UNITS: dict[str, str] = {
    "haemoglobin": "mmol/L",  # as Dutch laboratories report it (DOMAIN.md)
    "leukocytes": "10^9/L",
    "granulocytes": "10^9/L",
    "platelets": "10^9/L",
    "bilirubin": "µmol/L",
    "ast": "U/L",
    "alt": "U/L",
    "alkaline_phosphatase": "U/L",
    "urea": "mmol/L",
    "creatinine": "µmol/L",
}
"""The unit the form offers first; any accepted unit may be chosen instead."""

UNIT_CHOICES: dict[str, tuple[str, ...]] = {
    analyte: who_toxicity.UNITS[analyte]
    or tuple(dict.fromkeys((DEFAULT_UNITS[analyte], "µmol/L", "mmol/L", "U/L", "mg/dL")))
    for analyte in ANALYTES
}
"""Units the form lists; for the ratio parameters only suggestions (any unit is accepted)."""

_TABLE = panels.PanelTable(
    entity=LabResult,
    form=LABS_FORM,
    row_fields=ROW_FIELDS,
    computed_fields=("who_grade",),  # regraded on every save: a new grade alone is a change
    new_reason="lab results entered",
    revived_reason="lab result entered again after it was voided",
)

# The adverse event a graded abnormality suggests (English, Dutch); MedDRA-like wording.
_AE_TERMS: dict[str, tuple[str, str]] = {
    "haemoglobin": ("Anaemia", "Anemie"),
    "leukocytes": ("Leukopenia", "Leukopenie"),
    "granulocytes": ("Granulocytopenia", "Granulocytopenie"),
    "platelets": ("Thrombocytopenia", "Trombocytopenie"),
    "bilirubin": ("Blood bilirubin increased", "Bilirubine verhoogd"),
    "ast": ("AST increased", "ASAT verhoogd"),
    "alt": ("ALT increased", "ALAT verhoogd"),
    "alkaline_phosphatase": ("Alkaline phosphatase increased", "Alkalische fosfatase verhoogd"),
    "urea": ("Blood urea increased", "Ureum verhoogd"),
    "creatinine": ("Blood creatinine increased", "Creatinine verhoogd"),
}

SUGGEST_GRADE = 3
SUGGEST_RISE = 2


def analyte_label(analyte: str, language: str) -> str:
    return LAB_FIELDS["analyte"].code_label(analyte, language)


def accepted_units(analyte: str) -> tuple[str, ...]:
    """The units the WHO grading converts; empty for ratio parameters (any unit)."""
    return who_toxicity.UNITS[analyte]


def suggests_ae(grade: int | None, baseline_grade: int | None, *, at_baseline: bool) -> bool:
    """After baseline: a grade of 3 or 4, or two grades or more above the baseline grade.

    A result of the injection visit (``at_baseline``) never suggests an adverse event: a value
    from before the product was given is medical history, not an adverse event (ICH E2A).
    """
    if grade is None or at_baseline:
        return False
    if grade >= SUGGEST_GRADE:
        return True
    return baseline_grade is not None and grade - baseline_grade >= SUGGEST_RISE


def ae_term(analyte: str, grade: int, language: str) -> str:
    """The adverse event term offered to the nurse, e.g. "Anaemia (haemoglobin, WHO grade 3)"."""
    english, dutch = _AE_TERMS.get(analyte, (analyte, analyte))
    label = analyte_label(analyte, language)
    if not label.isupper():
        label = label.lower()
    if language == "nl":
        return f"{dutch} ({label}, WHO-graad {grade})"
    return f"{english} ({label}, WHO grade {grade})"


# --- checking one row (pure) ------------------------------------------------------------------


@dataclass(frozen=True)
class LabEntry:
    """One analyte's row as it will be stored, checked, with its WHO grade."""

    analyte: str
    value: float
    unit: str
    lower_limit: float | None
    upper_limit: float | None
    sample_date: dt.date
    who_grade: int


def is_blank(values: Mapping[str, Value]) -> bool:
    """Nothing measured: no value and no reference range (a unit or date alone is a default)."""
    return all(panels.blank(values.get(name)) for name in ("value", "lower_limit", "upper_limit"))


def _accepted_spelling(analyte: str, unit: str) -> str | None:
    """The accepted unit as the grading spells it ("g/l" -> "g/L"); None if not accepted."""
    for accepted in accepted_units(analyte):
        if accepted.casefold() == unit.casefold():
            return accepted
    return None


def check_lab_row(
    analyte: str, values: Mapping[str, Value], *, today: dt.date | None = None
) -> LabEntry:
    """Check one analyte's row and grade it; raises FieldErrors naming ``"<analyte>.<field>"``.

    A value needs a unit (REQUIRED at unit); the unit must be one the grading converts
    (rule unit_not_accepted, with ``accepted``); the lower limit must be below the upper
    (rule range_lower_not_below_upper, at lower_limit); a ratio parameter needs the upper limit
    of normal to be graded (rule uln_needed_for_grade, at upper_limit). Pure: the form calls it
    on every keystroke, the service before saving.
    """
    if analyte not in ANALYTES:
        raise FieldErrors([FieldError(field_key(analyte, "analyte"), Problem.NOT_IN_CODELIST)])
    day = today or clock.today()
    errors: dict[str, FieldError] = {}
    checked: dict[str, Value] = {}
    for name in ROW_FIELDS:
        try:
            checked[name] = LAB_FIELDS[name].check(values.get(name), today=day)
        except FieldError as error:
            errors[name] = error
    unit = checked.get("unit")
    ratio = analyte in who_toxicity.RATIO_PARAMETERS
    if isinstance(unit, str) and not ratio:
        spelled = _accepted_spelling(analyte, unit)
        if spelled is None:
            errors["unit"] = FieldError(
                "unit",
                Problem.INCONSISTENT,
                rule="unit_not_accepted",
                accepted=", ".join(accepted_units(analyte)),
            )
        else:
            checked["unit"] = spelled
    lower, upper = checked.get("lower_limit"), checked.get("upper_limit")
    if isinstance(lower, float | int) and isinstance(upper, float | int) and lower >= upper:
        errors.setdefault(
            "lower_limit",
            FieldError("lower_limit", Problem.INCONSISTENT, rule="range_lower_not_below_upper"),
        )
    if ratio and "upper_limit" not in errors and not (isinstance(upper, float | int) and upper > 0):
        errors["upper_limit"] = FieldError(
            "upper_limit", Problem.INCONSISTENT, rule="uln_needed_for_grade"
        )
    if errors:
        raise FieldErrors(
            [
                FieldError(field_key(analyte, name), errors[name].problem, **errors[name].params)
                for name in ROW_FIELDS
                if name in errors
            ]
        )
    value = float(checked["value"])  # type: ignore[arg-type]  # checked: a number
    unit_text = str(checked["unit"])
    lower_value = None if lower is None else float(lower)  # type: ignore[arg-type]
    upper_value = None if upper is None else float(upper)  # type: ignore[arg-type]
    sample_date = checked["sample_date"]
    assert isinstance(sample_date, dt.date)
    grade = who_toxicity.grade(analyte, value, unit_text, upper_value if ratio else None)
    return LabEntry(analyte, value, unit_text, lower_value, upper_value, sample_date, grade)


# --- what the screens show --------------------------------------------------------------------


@dataclass(frozen=True)
class LabInfo:
    """One saved lab result with its grade, the baseline grade and whether it suggests an AE.

    ``canonical_value``/``canonical_unit`` are the value in the unit of the WHO table (for
    "6.2 mmol/L = 10.0 g/dL"); ``uln_ratio`` the value as a multiple of the upper limit of
    normal (ratio parameters). ``baseline_grade`` is the grade of the same analyte at the
    injection visit (None without one). ``suggests_ae``: see ``suggests_ae`` (never at baseline).
    ``recorded_ae``: (number, term) of the non-void adverse event recorded from this result, the
    lowest number when there are several; None when none is. ``open_suggestion``: suggests an
    AE that has not been recorded yet.
    """

    id: int
    patient_id: int
    visit_id: int
    visit_code: str
    visit_date: dt.date | None
    analyte: str
    value: float
    unit: str
    lower_limit: float | None
    upper_limit: float | None
    sample_date: dt.date
    who_grade: int | None
    canonical_value: float | None
    canonical_unit: str | None
    uln_ratio: float | None
    baseline_grade: int | None
    is_baseline: bool
    suggests_ae: bool
    version: int
    recorded_ae: tuple[int, str] | None = None

    @property
    def open_suggestion(self) -> bool:
        """Suggests an adverse event and none has been recorded from it (yet)."""
        return self.suggests_ae and self.recorded_ae is None

    def label(self, language: str) -> str:
        return analyte_label(self.analyte, language)

    def suggested_term(self, language: str) -> str | None:
        """The AE term to offer when the result suggests one, else None."""
        if not self.suggests_ae or self.who_grade is None:
            return None
        return ae_term(self.analyte, self.who_grade, language)

    def values(self) -> dict[str, Value]:
        """The row as the form loads it."""
        return {
            "value": self.value,
            "unit": self.unit,
            "lower_limit": self.lower_limit,
            "upper_limit": self.upper_limit,
            "sample_date": self.sample_date,
        }


def _canonical(analyte: str, value: float, unit: str) -> tuple[float | None, str | None]:
    if analyte in who_toxicity.RATIO_PARAMETERS:
        return None, None
    try:
        return who_toxicity.convert(analyte, value, unit), who_toxicity.CANONICAL_UNITS[analyte]
    except ValueError:  # a unit saved before the grading knew it: shown as reported only
        return None, None


def _info(
    row: LabResult,
    visit: Visit,
    baseline: Mapping[str, int | None],
    anchor: str,
    recorded: Mapping[int, tuple[int, str]],
) -> LabInfo:
    canonical_value, canonical_unit = _canonical(row.analyte, row.value, row.unit)
    ratio = (
        row.value / row.upper_limit
        if row.analyte in who_toxicity.RATIO_PARAMETERS and row.upper_limit
        else None
    )
    is_baseline = visit.visit_code == anchor
    baseline_grade = baseline.get(row.analyte)
    return LabInfo(
        id=row.id,
        patient_id=row.patient_id,
        visit_id=row.visit_id,
        visit_code=visit.visit_code,
        visit_date=visit.visit_date,
        analyte=row.analyte,
        value=row.value,
        unit=row.unit,
        lower_limit=row.lower_limit,
        upper_limit=row.upper_limit,
        sample_date=row.sample_date,
        who_grade=row.who_grade,
        canonical_value=canonical_value,
        canonical_unit=canonical_unit,
        uln_ratio=ratio,
        baseline_grade=baseline_grade,
        is_baseline=is_baseline,
        suggests_ae=suggests_ae(row.who_grade, baseline_grade, at_baseline=is_baseline),
        version=row.version,
        recorded_ae=recorded.get(row.id),
    )


def _recorded_aes(session: Session, patient_id: int) -> dict[int, tuple[int, str]]:
    """Lab result id -> (number, term) of the first non-void AE recorded from it (one query)."""
    rows = session.execute(
        select(AdverseEvent.lab_result_id, AdverseEvent.number, AdverseEvent.term)
        .where(
            AdverseEvent.patient_id == patient_id,
            AdverseEvent.lab_result_id.is_not(None),
            AdverseEvent.voided.is_(False),
        )
        .order_by(AdverseEvent.number)
    )
    recorded: dict[int, tuple[int, str]] = {}
    for lab_result_id, number, term in rows:
        if lab_result_id is not None:
            recorded.setdefault(lab_result_id, (number, term))
    return recorded


def _patient_infos(session: Session, patient_id: int, visit_id: int | None = None) -> list[LabInfo]:
    """The patient's results that are not void (one visit's when ``visit_id``), ordered."""
    chosen, baseline = panels.saved_rows(session, LabResult, patient_id, ANALYTES, visit_id)
    grades = {analyte: row.who_grade for analyte, row in baseline.items()}
    anchor = default_protocol().anchor_code
    recorded = _recorded_aes(session, patient_id) if chosen else {}
    return [_info(row, visit, grades, anchor, recorded) for row, visit in chosen]


# --- saving -----------------------------------------------------------------------------------


def save_lab_panel(
    study: Study,
    actor: UserInfo,
    visit_id: int,
    rows: Mapping[str, Mapping[str, Value]],
    *,
    reason: str | None = None,
    expected_versions: Mapping[str, int] | None = None,
    today: dt.date | None = None,
) -> list[LabInfo]:
    """Save the visit's lab panel at once (analyte -> its ROW_FIELDS); all or nothing.

    Analytes left out of ``rows`` are untouched; a blank row (no value, no range) is skipped,
    or voids the analyte's saved result (with ``reason``). Every problem of every row comes at
    once as FieldErrors named ``"<analyte>.<field>"``. The visit must be recorded as done and
    collect "labs" in the protocol (Msg.FORM_NOT_IN_VISIT); a sample date may not be in the
    future, after the visit, before consent, or (follow-up visits) before the injection.
    Changing or voiding a saved result needs ``reason`` (ReasonRequired names the first field).
    ``expected_versions`` (analyte -> version the form loaded) turns a concurrent save into
    ConflictError. Returns the visit's results after the save.
    """
    require(actor, "enter_data")
    given_reason = panels.clean_reason(reason)
    entries, errors = panels.check_rows(
        rows, ANALYTES, is_blank, check_lab_row, today or clock.today()
    )
    with study.unit(actor=actor.username, reason=given_reason) as session:
        visit = panels.save_panel(
            session, _TABLE, visit_id, entries, errors, given_reason, expected_versions
        )
        return _patient_infos(session, visit.patient_id, visit.id)


# --- reading ----------------------------------------------------------------------------------


def lab_results(study: Study, actor: UserInfo, patient_id: int) -> list[LabInfo]:
    """Every saved result of the patient (all visits), by visit date, then in WHO table order."""
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        if session.get(Patient, patient_id) is None:
            raise NotFound("patient", patient_id)
        return _patient_infos(session, patient_id)


def visit_lab_results(study: Study, actor: UserInfo, visit_id: int) -> list[LabInfo]:
    """The saved results of one visit (what the lab form loads)."""
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise NotFound("visit", visit_id)
        return _patient_infos(session, visit.patient_id, visit.id)
