"""Questionnaire and capillaroscopy responses: transcribed answers, checked, stored and scored.

The patient answers on paper; the nurse transcribes each item. Every item of the instrument is
stored: a value, or the reason it is missing (not answered / illegible / not applicable), so an
empty answer is never a silent guess. Scores are never stored: ``compute_scores`` derives them
from the answers with the scoring library alone, fast enough to run after every keystroke.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from sscvisit.model.entities import (
    MISSING_REASONS,
    InstrumentResponse,
    ItemAnswer,
    Patient,
    Visit,
    fields_of,
)
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.scoring import capillaroscopy, chfs, eq5d, haq, rand36
from sscvisit.scoring._items import NotComputable
from sscvisit.services import clock, visits
from sscvisit.services.auth import require
from sscvisit.services.dto import ResponseInfo, UserInfo, VisitInfo
from sscvisit.services.errors import ConflictError, Msg, NotFound, ReasonRequired, ServiceError
from sscvisit.services.instruments import InstrumentDef, ItemDef, check_answer, load_instrument
from sscvisit.services.study import Study

__all__ = [
    "ANSWER_FIELDS",
    "RESPONSE_FIELDS",
    "Answer",
    "NotComputable",
    "ScoreLine",
    "compute_scores",
    "get_response",
    "save_response",
    "scores_over_time",
    "unexplained_missing",
]

RESPONSE_FIELDS: dict[str, Field] = fields_of(InstrumentResponse)
"""completed_on and completed_by, declared once on the entity (labels, code list)."""

ANSWER_FIELDS: dict[str, Field] = fields_of(ItemAnswer)
"""missing_reason (its code list: not answered / illegible / not applicable)."""

_MISSING_REASONS = frozenset(code.value for code in MISSING_REASONS)
_NOT_APPLICABLE = "not_applicable"
_NEW_REASON = "questionnaire transcribed"
_NOT_ASSESSABLE_SUFFIX = "_not_assessable"


@dataclass(frozen=True)
class Answer:
    """One item as the form hands it in: a value, or None with the reason it is missing."""

    value: float | str | None = None
    missing_reason: str | None = None


@dataclass(frozen=True)
class ScoreLine:
    """One score; ``value`` None with ``reason`` saying why it cannot be computed."""

    key: str
    value: float | None
    reason: NotComputable | None = None


# --- scores (pure) ----------------------------------------------------------------------------


def _check_known(definition: InstrumentDef, answers: Mapping[str, Answer]) -> None:
    unknown = sorted(code for code in answers if code not in definition.codes)
    if unknown:
        raise ValueError(f"{definition.code}: unknown item(s) {unknown}")


def _number(item: ItemDef, answers: Mapping[str, Answer]) -> float | None:
    answer = answers.get(item.code)
    if answer is None or answer.value is None:
        return None
    checked = check_answer(item, answer.value)
    return None if checked is None or isinstance(checked, str) else float(checked)


def _integers(
    definition: InstrumentDef, codes: tuple[str, ...], answers: Mapping[str, Answer]
) -> dict[str, int | None]:
    """The answers of integer items (choice) as the scoring library takes them."""
    out: dict[str, int | None] = {}
    for code in codes:
        value = _number(definition.item(code), answers)
        out[code] = None if value is None else int(value)
    return out


def _flag_set(item: ItemDef, answers: Mapping[str, Answer]) -> bool:
    return _number(item, answers) == 1


def _line(key: str, value: float | None, needed: int, answered: int, total: int) -> ScoreLine:
    if value is not None:
        return ScoreLine(key, value)
    return ScoreLine(key, None, NotComputable(key, needed, answered, total))


def _shaq(definition: InstrumentDef, answers: Mapping[str, Answer]) -> list[ScoreLine]:
    items = _integers(definition, haq.ITEMS, answers)
    devices: list[str] = []
    helped: list[str] = []
    for item in definition.items:
        if item.kind != "flag" or not _flag_set(item, answers):
            continue
        if item.code.startswith("aid_"):
            devices.append(item.code.removeprefix("aid_"))
        elif item.code.startswith("help_") and item.category is not None:
            helped.append(item.category)
    why = haq.why_not_computable(items)
    adjusted = haq.disability_index(
        items, aids=haq.categories_for_aids(devices), help=helped, adjusted=True
    )
    unadjusted = haq.disability_index(items, adjusted=False)
    lines = [
        ScoreLine("haq_di", adjusted, why),
        ScoreLine(
            "haq_di_unadjusted",
            unadjusted,
            None if why is None else replace(why, score="haq_di_unadjusted"),
        ),
    ]
    for scale in haq.VAS_SCALES:
        key = f"vas_{scale}"
        mm = _number(definition.item(key), answers)
        lines.append(_line(key, None if mm is None else haq.vas_score(mm), 1, 0, 1))
        lines.append(_line(f"{key}_mm", mm, 1, 0, 1))
    return lines


def _rand36(definition: InstrumentDef, answers: Mapping[str, Answer]) -> list[ScoreLine]:
    items = _integers(definition, rand36.ITEMS, answers)
    return [
        _line(scale, value, 1, 0, len(rand36.SCALES[scale]))
        for scale, value in rand36.scales(items).items()
    ]


def _eq5d_code(dimension: str) -> str:
    return f"eq5d_{dimension.lower()}"


def _eq5d(definition: InstrumentDef, answers: Mapping[str, Answer]) -> list[ScoreLine]:
    codes = tuple(_eq5d_code(d) for d in eq5d.DIMENSIONS)
    levels = _integers(definition, codes, answers)
    present = [level for level in levels.values() if level is not None]
    total = len(eq5d.DIMENSIONS)
    index = eq5d.index_nl(present) if len(present) == total else None
    vas = _number(definition.item("eq5d_vas"), answers)
    return [_line("eq5d_index", index, total, len(present), total), _line("eq5d_vas", vas, 1, 0, 1)]


def _chfs(definition: InstrumentDef, answers: Mapping[str, Answer]) -> list[ScoreLine]:
    items = _integers(definition, chfs.ITEMS, answers)
    lines = [ScoreLine("chfs_total", chfs.total(items), chfs.why_not_computable(items))]
    for domain, value in chfs.domains(items).items():
        codes = chfs.DOMAINS[domain]
        answered = sum(items[code] is not None for code in codes)
        lines.append(_line(f"chfs_{domain}", value, len(codes), answered, len(codes)))
    return lines


def _capillaroscopy(definition: InstrumentDef, answers: Mapping[str, Answer]) -> list[ScoreLine]:
    fingers: dict[str, dict[str, int | None]] = {}
    for finger in capillaroscopy.FINGERS:
        if _flag_set(definition.item(f"{finger}{_NOT_ASSESSABLE_SUFFIX}"), answers):
            continue  # left out, never counted as 0 (DOMAIN.md: mean over assessable fingers)
        codes = tuple(f"{finger}_{p}" for p in capillaroscopy.PARAMETERS)
        scores = _integers(definition, codes, answers)
        fingers[finger] = {p: scores[f"{finger}_{p}"] for p in capillaroscopy.PARAMETERS}
    summary = capillaroscopy.summary(fingers)
    total = len(capillaroscopy.FINGERS)

    def scored(parameter: str) -> int:
        return sum(scores[parameter] is not None for scores in fingers.values())

    lines = [_line(p, summary[p], 1, scored(p), total) for p in capillaroscopy.PARAMETERS]
    mes_scored = min(scored(p) for p in capillaroscopy.MES_PARAMETERS)
    lines.append(_line("mes", summary["mes"], 1, mes_scored, total))
    lines.append(ScoreLine("assessable_fingers", summary["assessable_fingers"]))
    return lines


_SCORERS: dict[str, Callable[[InstrumentDef, Mapping[str, Answer]], list[ScoreLine]]] = {
    "shaq": _shaq,
    "rand36": _rand36,
    "eq5d": _eq5d,
    "chfs": _chfs,
    "capillaroscopy": _capillaroscopy,
}


def compute_scores(instrument: str, answers: Mapping[str, Answer]) -> list[ScoreLine]:
    """Every score of the instrument from the answers given so far; pure, no database.

    Missing answers (absent, or value None) count as missing; flags absent count as 0. S-HAQ:
    haq_di (aids and help adjusted), haq_di_unadjusted, vas_<scale> (0-3) and vas_<scale>_mm;
    RAND-36: the 9 scales; EQ-5D: eq5d_index, eq5d_vas; CHFS: chfs_total and chfs_<domain>;
    capillaroscopy: the mean of each parameter over assessable fingers, mes, assessable_fingers.
    Raises ValueError for an unknown instrument or item, FieldError naming an invalid answer.
    """
    definition = load_instrument(instrument)
    _check_known(definition, answers)
    return _SCORERS[instrument](definition, answers)


# --- checking a response (pure) ---------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """What one item_answers row holds."""

    value: float | None
    text_value: str | None
    missing_reason: str | None


def _not_assessable_groups(
    definition: InstrumentDef, answers: Mapping[str, Answer]
) -> frozenset[str]:
    """Groups (capillaroscopy fingers) marked not assessable: their items are not applicable.

    A flag with an invalid value counts as not ticked here; the item check reports it.
    """
    groups: set[str] = set()
    for item in definition.items:
        if item.kind != "flag" or not item.code.endswith(_NOT_ASSESSABLE_SUFFIX):
            continue
        try:
            ticked = _flag_set(item, answers)
        except FieldError:
            ticked = False
        if ticked and item.group is not None:
            groups.add(item.group)
    return frozenset(groups)


def _exempt(item: ItemDef, exempt_groups: frozenset[str]) -> bool:
    return item.group in exempt_groups and not item.code.endswith(_NOT_ASSESSABLE_SUFFIX)


def unexplained_missing(instrument: str, answers: Mapping[str, Answer]) -> list[str]:
    """Item codes that have neither an answer nor a missing-data reason, in form order.

    Saving refuses these (Problem.REQUIRED on each); the form asks a reason for each first.
    Flags never need one (unticked is 0), nor do the items of a finger marked not assessable.
    """
    definition = load_instrument(instrument)
    _check_known(definition, answers)
    exempt = _not_assessable_groups(definition, answers)
    out: list[str] = []
    for item in definition.items:
        answer = answers.get(item.code, Answer())
        blank = answer.value is None or (isinstance(answer.value, str) and not answer.value.strip())
        needs_reason = item.kind != "flag" and not _exempt(item, exempt)
        if needs_reason and blank and not answer.missing_reason:
            out.append(item.code)
    return out


def _check_rows(
    definition: InstrumentDef, answers: Mapping[str, Answer], errors: list[FieldError]
) -> dict[str, _Row]:
    """Every item as it will be stored; errors (one per item) are appended to ``errors``."""
    exempt = _not_assessable_groups(definition, answers)
    rows: dict[str, _Row] = {}
    for item in definition.items:
        answer = answers.get(item.code, Answer())
        try:
            value = check_answer(item, answer.value)
        except FieldError as exc:
            errors.append(exc)
            continue
        reason = answer.missing_reason or None
        if value is not None:
            # An answer wins over a reason left over from before it was typed.
            if isinstance(value, str):
                rows[item.code] = _Row(None, value, None)
            else:
                rows[item.code] = _Row(float(value), None, None)
            continue
        if reason is not None and reason not in _MISSING_REASONS:
            errors.append(FieldError(item.code, Problem.NOT_IN_CODELIST))
        elif reason is None and item.kind == "flag":
            rows[item.code] = _Row(0.0, None, None)  # unticked
        elif reason is None and _exempt(item, exempt):
            rows[item.code] = _Row(None, None, _NOT_APPLICABLE)
        elif reason is None:
            errors.append(FieldError(item.code, Problem.REQUIRED))
        else:
            rows[item.code] = _Row(None, None, reason)
    return rows


def _check_header(
    definition: InstrumentDef,
    completed_on: Value,
    completed_by: Value,
    today: dt.date,
    errors: list[FieldError],
) -> None:
    try:
        RESPONSE_FIELDS["completed_on"].check(completed_on, today=today)
    except FieldError as exc:
        errors.append(exc)
    try:
        RESPONSE_FIELDS["completed_by"].check(completed_by)
    except FieldError as exc:
        errors.append(exc)
    else:
        if completed_by not in definition.completed_by:
            errors.append(
                FieldError(
                    "completed_by",
                    Problem.NOT_IN_CODELIST,
                    allowed=", ".join(definition.completed_by),
                )
            )


# --- storage ----------------------------------------------------------------------------------


def _answer_of(item: ItemDef, row: ItemAnswer) -> Answer:
    value: float | str | None
    if item.kind in {"text", "code"}:
        value = row.text_value
    elif row.value is not None and item.kind in {"choice", "flag"}:
        value = int(row.value)
    else:
        value = row.value
    return Answer(value, row.missing_reason)


def _answers(definition: InstrumentDef, rows: list[ItemAnswer]) -> dict[str, Answer]:
    by_item = {row.item: row for row in rows}
    out: dict[str, Answer] = {}
    for item in definition.items:
        row = by_item.get(item.code)
        out[item.code] = Answer() if row is None else _answer_of(item, row)
    return out


def _info(
    definition: InstrumentDef, response: InstrumentResponse, visit_code: str, rows: list[ItemAnswer]
) -> ResponseInfo:
    answers = _answers(definition, rows)
    return ResponseInfo(
        id=response.id,
        patient_id=response.patient_id,
        visit_id=response.visit_id,
        visit_code=visit_code,
        instrument=response.instrument,
        completed_on=response.completed_on,
        completed_by=response.completed_by,
        answers=answers,
        scores=tuple(compute_scores(definition.code, answers)),
        version=response.version,
        voided=response.voided,
    )


def _current(session: Session, visit_id: int, instrument: str) -> InstrumentResponse | None:
    """The visit's response to the instrument that is not void (the newest, were there two)."""
    return session.scalar(
        select(InstrumentResponse)
        .where(
            InstrumentResponse.visit_id == visit_id,
            InstrumentResponse.instrument == instrument,
            InstrumentResponse.voided.is_(False),
        )
        .order_by(InstrumentResponse.id.desc())
        .limit(1)
    )


def _rows(session: Session, response_id: int) -> list[ItemAnswer]:
    return list(
        session.scalars(
            select(ItemAnswer).where(ItemAnswer.response_id == response_id).order_by(ItemAnswer.id)
        )
    )


def _date_errors(visit: Visit, patient: Patient, completed_on: dt.date | None) -> list[FieldError]:
    """Why the paper's completion date does not fit the visit (at most one, on completed_on)."""
    name = "completed_on"
    visit_date = visit.visit_date
    if visit.outcome != "done" or visit_date is None:
        return [FieldError(name, Problem.INCONSISTENT, rule="visit_not_recorded")]
    if completed_on is None:
        return []
    if completed_on > visit_date:
        return [FieldError(name, Problem.INCONSISTENT, rule="after_visit", visit_date=visit_date)]
    if completed_on < patient.consent_date:
        return [
            FieldError(
                name, Problem.INCONSISTENT, rule="before_consent", consent_date=patient.consent_date
            )
        ]
    return []


def _stored(row: ItemAnswer) -> _Row:
    return _Row(row.value, row.text_value, row.missing_reason)


def save_response(
    study: Study,
    actor: UserInfo,
    visit_id: int,
    instrument: str,
    *,
    completed_on: Value,
    completed_by: Value,
    answers: Mapping[str, Answer],
    reason: str | None = None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> ResponseInfo:
    """Save the visit's response to an instrument (the first time, or corrected); all or nothing.

    ``completed_on`` (a date) and ``completed_by`` (a COMPLETED_BY code the instrument allows)
    are checked like any field, so a form may pass what its editors hold. ``answers`` is the
    whole form: an item left out, or None without a missing reason, is refused
    (Problem.REQUIRED on its code; flags default to 0). All field problems come at once. The
    visit must be recorded as done and list the instrument in the protocol; the completion date
    may not be after the visit, before consent or in the future. Changing anything already saved
    needs ``reason`` (ReasonRequired names the first item that would change).
    """
    require(actor, "enter_data")
    definition = load_instrument(instrument)
    _check_known(definition, answers)
    day = today or clock.today()
    given_reason = (reason or "").strip() or None
    errors: list[FieldError] = []
    _check_header(definition, completed_on, completed_by, day, errors)
    rows = _check_rows(definition, answers, errors)
    with study.unit(actor=actor.username, reason=given_reason) as session:
        visit, patient = visits.open_visit(session, visit_id)
        if instrument not in visits.visit_forms(visit.visit_code):
            raise ServiceError(Msg.FORM_NOT_IN_VISIT, instrument=instrument, visit=visit.visit_code)
        if not any(e.field == "completed_on" for e in errors):
            day_done = completed_on if isinstance(completed_on, dt.date) else None
            errors += _date_errors(visit, patient, day_done)
        if errors:
            raise FieldErrors(errors)
        assert isinstance(completed_on, dt.date)  # checked above
        assert isinstance(completed_by, str)
        response = _current(session, visit.id, instrument)
        if response is None:
            session.info["reason"] = given_reason or _NEW_REASON
            response = InstrumentResponse(
                patient_id=patient.id,
                visit_id=visit.id,
                instrument=instrument,
                completed_on=completed_on,
                completed_by=completed_by,
                created_utc=clock.utc_stamp(),
                voided=False,
            )
            session.add(response)
            session.flush()
            saved = [
                ItemAnswer(
                    response_id=response.id,
                    patient_id=patient.id,
                    item=code,
                    value=row.value,
                    text_value=row.text_value,
                    missing_reason=row.missing_reason,
                    voided=False,
                )
                for code, row in rows.items()
            ]
            session.add_all(saved)
            session.flush()
            return _info(definition, response, visit.visit_code, saved)
        if expected_version is not None and response.version != expected_version:
            raise ConflictError()
        existing = {row.item: row for row in _rows(session, response.id)}
        _update(session, response, existing, rows, completed_on, completed_by, given_reason)
        session.flush()
        return _info(definition, response, visit.visit_code, list(existing.values()))


def _update(
    session: Session,
    response: InstrumentResponse,
    existing: dict[str, ItemAnswer],
    rows: Mapping[str, _Row],
    completed_on: dt.date,
    completed_by: str,
    reason: str | None,
) -> None:
    """Apply a corrected form; every change of a saved value needs the reason (and is audited)."""
    header: dict[str, object] = {"completed_on": completed_on, "completed_by": completed_by}
    changed_header = [key for key, value in header.items() if getattr(response, key) != value]
    changed_items = [
        code for code, row in rows.items() if code in existing and _stored(existing[code]) != row
    ]
    added = [code for code in rows if code not in existing]
    if (changed_header or changed_items) and reason is None:
        if changed_header:
            raise ReasonRequired(InstrumentResponse.__tablename__, changed_header[0])
        raise ReasonRequired(ItemAnswer.__tablename__, changed_items[0])
    if not (changed_header or changed_items or added):
        return
    session.info["reason"] = reason or _NEW_REASON
    for key in changed_header:
        setattr(response, key, header[key])
    for code in changed_items:
        target = existing[code]
        row = rows[code]
        target.value = row.value
        target.text_value = row.text_value
        target.missing_reason = row.missing_reason
    for code in added:  # an item added to the definition after this response was saved
        row = rows[code]
        existing[code] = ItemAnswer(
            response_id=response.id,
            patient_id=response.patient_id,
            item=code,
            value=row.value,
            text_value=row.text_value,
            missing_reason=row.missing_reason,
            voided=False,
        )
        session.add(existing[code])
    # The response is one form: any change to it moves its version, so a second workstation
    # holding the old version gets a conflict instead of silently overwriting.
    response.version = response.version + 1


def get_response(
    study: Study, actor: UserInfo, visit_id: int, instrument: str
) -> ResponseInfo | None:
    """The visit's saved response to the instrument, with its scores; None if there is none."""
    require(actor, "view_data")
    definition = load_instrument(instrument)
    with study.unit(actor=actor.username) as session:
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise NotFound("visit", visit_id)
        response = _current(session, visit.id, instrument)
        if response is None:
            return None
        return _info(definition, response, visit.visit_code, _rows(session, response.id))


def scores_over_time(
    study: Study,
    actor: UserInfo,
    patient_id: int,
    instrument: str,
    *,
    today: dt.date | None = None,
) -> list[tuple[VisitInfo, list[ScoreLine]]]:
    """Each visit with a saved response to the instrument, in schedule order, with its scores.

    For the patient page's table and chart. ``VisitInfo`` carries visit_code, label_en/label_nl
    (``label(language)``) and visit_date; visits without a response are left out.
    """
    definition = load_instrument(instrument)
    schedule = visits.schedule(study, actor, patient_id, today=today)  # requires view_data
    if not schedule:
        return []
    with study.unit(actor=actor.username) as session:
        responses = list(
            session.scalars(
                select(InstrumentResponse)
                .where(
                    InstrumentResponse.patient_id == patient_id,
                    InstrumentResponse.instrument == instrument,
                    InstrumentResponse.voided.is_(False),
                )
                .order_by(InstrumentResponse.id)
            )
        )
        newest = {response.visit_id: response for response in responses}
        rows: dict[int, list[ItemAnswer]] = {response.id: [] for response in newest.values()}
        if rows:
            for row in session.scalars(
                select(ItemAnswer).where(ItemAnswer.response_id.in_(list(rows)))
            ):
                rows[row.response_id].append(row)
    out: list[tuple[VisitInfo, list[ScoreLine]]] = []
    for info in schedule:
        response = newest.get(info.id)
        if response is not None:
            answers = _answers(definition, rows[response.id])
            out.append((info, compute_scores(instrument, answers)))
    return out
