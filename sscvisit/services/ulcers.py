"""Digital ulcers: the per-visit ulcer map, each ulcer's history, photos and the count end points.

An ulcer keeps its identity across visits (an ``Ulcer`` row; DOMAIN.md "Digital ulcers and the
per-finger map"); each visit records an ``UlcerObservation`` of it, and an ``UlcerMap`` row says
that the visit's map was filled in, even when it shows no ulcer. The map of a visit is handed
out and taken back as the hand map's ``MapState`` (sscvisit.handmap.commands): existing ulcers
are keyed "u<ulcer id>", ulcers added on the map any other key (the map uses "n<k>").

Rules: a follow-up visit starts from ``carry_forward`` of each ulcer's latest observation before
it; an ulcer seen before is never removed (it is marked healed); a healed ulcer has no size; an
ulcer coming back at a healed ulcer's site is a new ulcer that names the healed one
(``recurrence_of``). Changing a saved observation needs a reason. Photos are stored as bytes
with their SHA-256, checked on every read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sscvisit.handmap import geometry
from sscvisit.handmap.commands import MapState, UlcerMark, carry_forward
from sscvisit.model.entities import (
    Patient,
    Ulcer,
    UlcerMap,
    UlcerObservation,
    UlcerPhoto,
    Visit,
    fields_of,
)
from sscvisit.model.fields import Field, FieldError, FieldErrors, Problem, Value
from sscvisit.scoring import ulcer as scoring
from sscvisit.services import clock, visits
from sscvisit.services.auth import require
from sscvisit.services.dto import (
    StudyUlcerSummary,
    UlcerHistory,
    UlcerPhotoInfo,
    UlcerPoint,
    UserInfo,
    VisitInfo,
    VisitUlcerSummary,
)
from sscvisit.services.errors import ConflictError, Msg, NotFound, ReasonRequired, ServiceError
from sscvisit.services.protocol import VisitDef, default_protocol
from sscvisit.services.study import Study

__all__ = [
    "FORM",
    "MAX_PHOTO_BYTES",
    "OBSERVATION_FIELDS",
    "PHOTO_FIELDS",
    "ULCER_FIELDS",
    "add_photo",
    "map_version",
    "photo_data",
    "photos",
    "save_visit_map",
    "study_summary",
    "ulcer_history",
    "ulcers_before",
    "visit_map",
    "visit_summaries",
]

FORM = "ulcer_map"
"""The form code of the ulcer map in the protocol's visit forms."""

ULCER_FIELDS: dict[str, Field] = fields_of(Ulcer)
"""hand, finger, site: the code lists an ulcer's place is checked against."""

OBSERVATION_FIELDS: dict[str, Field] = fields_of(UlcerObservation)
"""status, sizes (0.5-100 mm), area, depth, the flags, pain VAS (0-100 mm), comment."""

PHOTO_FIELDS: dict[str, Field] = fields_of(UlcerPhoto)
"""sha256, media_type (JPEG or PNG), taken_on, caption."""

MAX_PHOTO_BYTES = 20 * 1024 * 1024
"""A phone photo is a few MB; a larger file is more likely a mistake than an ulcer."""

_NEW_REASON = "ulcer map recorded"
_PHOTO_REASON = "ulcer photo added"
_EXISTING_PREFIX = "u"
_SIGNATURES = {"image/jpeg": (b"\xff\xd8\xff",), "image/png": (b"\x89PNG\r\n\x1a\n",)}
# The observation's recorded values in the order a form shows them; area is derived.
_VALUES = (
    "status",
    "length_mm",
    "width_mm",
    "area_mm2",
    "depth",
    "infection",
    "on_calcinosis",
    "on_pitting_scar",
    "gangrene",
    "pain_vas",
    "comment",
)
_PLACE = ("hand", "finger", "site")


def ulcer_key(ulcer_id: int) -> str:
    """The map key of a saved ulcer."""
    return f"{_EXISTING_PREFIX}{ulcer_id}"


def _ulcer_id(key: str | None) -> int | None:
    """The ulcer id behind a "u<id>" key; None for a key the map made for a new ulcer."""
    if key is None or not key.startswith(_EXISTING_PREFIX):
        return None
    digits = key[len(_EXISTING_PREFIX) :]
    return int(digits) if digits.isdigit() else None


# --- checking a map (pure) --------------------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    """One mark as it will be stored: the place of the ulcer and the observation's values."""

    mark: UlcerMark
    place: tuple[str, str, str]
    values: dict[str, object]

    @property
    def ulcer_id(self) -> int | None:
        return _ulcer_id(self.mark.key)

    @property
    def active(self) -> bool:
        return self.values["status"] in scoring.ACTIVE_STATUSES


def _field(
    spec: Field, value: Value, key: str, errors: list[FieldError], *, today: dt.date | None = None
) -> Value:
    try:
        return spec.check(value, today=today)
    except FieldError as exc:
        errors.append(FieldError(exc.field, exc.problem, **exc.params, ulcer=key))
        return None


def _check_mark(mark: UlcerMark, errors: list[FieldError]) -> _Checked | None:
    """Check one mark like the form's fields, plus the map's own rules; None if it fails."""
    key = mark.key
    before = len(errors)
    place = tuple(str(_field(ULCER_FIELDS[n], getattr(mark, n), key, errors)) for n in _PLACE)
    if len(errors) == before and not geometry.has_site(mark.hand, mark.finger, mark.site):
        errors.append(
            FieldError(
                "site",
                Problem.INCONSISTENT,
                rule="unknown_site",
                ulcer=key,
                hand=mark.hand,
                finger=mark.finger,
            )
        )
    status = _field(OBSERVATION_FIELDS["status"], mark.status, key, errors)
    healed = status == "healed"
    length = (
        None if healed else _field(OBSERVATION_FIELDS["length_mm"], mark.length_mm, key, errors)
    )
    width = None if healed else _field(OBSERVATION_FIELDS["width_mm"], mark.width_mm, key, errors)
    if not healed and status is not None:
        # An active or new ulcer is measured: its area is the efficacy end point.
        for name, size in (("length_mm", mark.length_mm), ("width_mm", mark.width_mm)):
            if size is None:
                errors.append(FieldError(name, Problem.REQUIRED, ulcer=key))
    if isinstance(length, int | float) and isinstance(width, int | float) and width > length:
        errors.append(
            FieldError("width_mm", Problem.INCONSISTENT, rule="width_gt_length", ulcer=key)
        )
    vas = _field(OBSERVATION_FIELDS["pain_vas"], mark.pain_vas, key, errors)
    length_mm = float(length) if isinstance(length, int | float) else None
    width_mm = float(width) if isinstance(width, int | float) else None
    values: dict[str, object] = {
        "status": status,
        "length_mm": length_mm,
        "width_mm": width_mm,
        "area_mm2": (
            None
            if length_mm is None or width_mm is None
            else scoring.ellipse_area(length_mm, width_mm)
        ),
        "depth": None if healed else _field(OBSERVATION_FIELDS["depth"], mark.depth, key, errors),
        "pain_vas": float(vas) if isinstance(vas, int | float) else None,
        "comment": _field(OBSERVATION_FIELDS["comment"], mark.comment, key, errors),
    }
    for flag in ("infection", "on_calcinosis", "on_pitting_scar", "gangrene"):
        values[flag] = bool(_field(OBSERVATION_FIELDS[flag], getattr(mark, flag), key, errors))
    if len(errors) > before:
        return None
    return _Checked(mark, (place[0], place[1], place[2]), values)


def _check_state(state: MapState) -> tuple[list[_Checked], list[FieldError]]:
    """Every mark checked; all problems at once, each naming its field and the mark's key."""
    errors: list[FieldError] = []
    checked: list[_Checked] = []
    for mark in state.marks:  # MapState itself refuses two marks with one key
        item = _check_mark(mark, errors)
        if item is not None:
            checked.append(item)
    seen: dict[tuple[str, str, str], str] = {}
    for item in checked:
        if not item.active:
            continue
        if item.place in seen:
            errors.append(
                FieldError(
                    "site",
                    Problem.INCONSISTENT,
                    rule="duplicate_active_site",
                    ulcer=item.mark.key,
                    other=seen[item.place],
                )
            )
        else:
            seen[item.place] = item.mark.key
    return checked, errors


# --- reading what is stored -------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """The patient's visits in time order, and the visit asked about."""

    visit: VisitInfo
    ordered: tuple[VisitInfo, ...]

    @property
    def before(self) -> tuple[int, ...]:
        """Ids of the visits before this one, oldest first."""
        ids = [v.id for v in self.ordered]
        return tuple(ids[: ids.index(self.visit.id)])


def _in_time_order(schedule: list[VisitInfo]) -> tuple[VisitInfo, ...]:
    """By visit date, then schedule order; visits without a date last."""
    position = {info.id: index for index, info in enumerate(schedule)}
    return tuple(sorted(schedule, key=lambda v: (v.visit_date or dt.date.max, position[v.id])))


def _patient_of_visit(study: Study, actor: UserInfo, visit_id: int) -> int:
    with study.unit(actor=actor.username) as session:
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise NotFound("visit", visit_id)
        return visit.patient_id


def _context(study: Study, actor: UserInfo, visit_id: int, day: dt.date) -> _Context:
    patient_id = _patient_of_visit(study, actor, visit_id)
    ordered = _in_time_order(visits.schedule(study, actor, patient_id, today=day))
    visit = next((v for v in ordered if v.id == visit_id), None)
    if visit is None:  # a void visit is not in the schedule
        raise ServiceError(Msg.RECORD_VOIDED)
    return _Context(visit, ordered)


def _ulcers(session: Session, patient_id: int) -> dict[int, Ulcer]:
    rows = session.scalars(
        select(Ulcer)
        .where(Ulcer.patient_id == patient_id, Ulcer.voided.is_(False))
        .order_by(Ulcer.id)
    )
    return {row.id: row for row in rows}


def _observations(session: Session, patient_id: int) -> dict[int, dict[int, UlcerObservation]]:
    """visit id -> ulcer id -> observation, for the patient's observations that are not void."""
    out: dict[int, dict[int, UlcerObservation]] = defaultdict(dict)
    for row in session.scalars(
        select(UlcerObservation).where(
            UlcerObservation.patient_id == patient_id, UlcerObservation.voided.is_(False)
        )
    ):
        out[row.visit_id][row.ulcer_id] = row
    return out


def _maps(session: Session, patient_id: int) -> dict[int, UlcerMap]:
    rows = session.scalars(
        select(UlcerMap).where(UlcerMap.patient_id == patient_id, UlcerMap.voided.is_(False))
    )
    return {row.visit_id: row for row in rows}


def _latest(
    observations: Mapping[int, Mapping[int, UlcerObservation]], visit_ids: Iterable[int]
) -> dict[int, UlcerObservation]:
    """Each ulcer's latest observation among the visits (given oldest first)."""
    latest: dict[int, UlcerObservation] = {}
    for visit_id in visit_ids:
        latest.update(observations.get(visit_id, {}))
    return latest


def _mark(ulcer: Ulcer, row: UlcerObservation) -> UlcerMark:
    recurrence = None if ulcer.recurrence_of_id is None else ulcer_key(ulcer.recurrence_of_id)
    return UlcerMark(
        key=ulcer_key(ulcer.id),
        hand=ulcer.hand,
        finger=ulcer.finger,
        site=ulcer.site,
        status=row.status,
        length_mm=row.length_mm,
        width_mm=row.width_mm,
        depth=row.depth,
        infection=row.infection,
        on_calcinosis=row.on_calcinosis,
        on_pitting_scar=row.on_pitting_scar,
        gangrene=row.gangrene,
        pain_vas=row.pain_vas,
        comment=row.comment,
        recurrence_of=recurrence,
    )


def _state(ulcers: Mapping[int, Ulcer], rows: Mapping[int, UlcerObservation]) -> MapState:
    """The marks of the given observations, numbered in the order the ulcers were first saved."""
    return MapState(marks=tuple(_mark(ulcers[uid], rows[uid]) for uid in sorted(rows)))


def _visit_state(
    ulcers: Mapping[int, Ulcer],
    observations: Mapping[int, Mapping[int, UlcerObservation]],
    context: _Context,
) -> MapState:
    """The saved map, completed by the ulcers carried forward that it does not show yet.

    ``healed_before`` holds the ulcers healed at earlier visits (for ``recurrence_candidate``).
    """
    saved = observations.get(context.visit.id, {})
    start = carry_forward(_state(ulcers, _latest(observations, context.before)))
    if not saved:
        return start
    carried = [mark for mark in start.marks if _ulcer_id(mark.key) not in saved]
    marks = sorted([*_state(ulcers, saved).marks, *carried], key=lambda m: _ulcer_id(m.key) or 0)
    healed = tuple(mark for mark in start.healed_before if _ulcer_id(mark.key) not in saved)
    return MapState(marks=tuple(marks), healed_before=healed)


def visit_map(
    study: Study, actor: UserInfo, visit_id: int, *, today: dt.date | None = None
) -> MapState:
    """The map of a visit: as saved, or, before it is saved, carried forward from earlier visits.

    Carried forward is ``carry_forward`` of each ulcer's latest observation before this visit:
    healed ones are not on the map but in ``healed_before`` (for ``recurrence_candidate``). At
    the injection visit, or before any map is saved, it is empty. A saved map also shows an
    ulcer carried forward that it lacks (one added to an earlier visit afterwards).
    """
    require(actor, "view_data")
    context = _context(study, actor, visit_id, today or clock.today())
    with study.unit(actor=actor.username) as session:
        patient_id = context.visit.patient_id
        return _visit_state(
            _ulcers(session, patient_id), _observations(session, patient_id), context
        )


def ulcers_before(
    study: Study, actor: UserInfo, visit_id: int, *, today: dt.date | None = None
) -> MapState:
    """Every ulcer seen before the visit, as last seen (healed ones too).

    What ``recurrence_candidate`` looks in for a healed ulcer at the site of a new one.
    """
    require(actor, "view_data")
    context = _context(study, actor, visit_id, today or clock.today())
    with study.unit(actor=actor.username) as session:
        patient_id = context.visit.patient_id
        observations = _observations(session, patient_id)
        return _state(_ulcers(session, patient_id), _latest(observations, context.before))


def map_version(study: Study, actor: UserInfo, visit_id: int) -> int:
    """The version of the visit's saved map (0 before it is saved), for ``expected_version``."""
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        saved = session.scalar(
            select(UlcerMap.version).where(
                UlcerMap.visit_id == visit_id, UlcerMap.voided.is_(False)
            )
        )
        return 0 if saved is None else saved


# --- saving a map -----------------------------------------------------------------------------


def _stored_errors(
    checked: list[_Checked],
    ulcers: Mapping[int, Ulcer],
    saved: Mapping[int, UlcerObservation],
    previous: Mapping[int, UlcerObservation],
) -> list[FieldError]:
    """The rules that need what is stored: no ulcer dropped, "new" only once, recurrences."""
    given = {item.ulcer_id for item in checked if item.ulcer_id is not None}
    expected = set(saved) | {uid for uid, row in previous.items() if row.status != "healed"}
    errors = [
        FieldError("status", Problem.INCONSISTENT, rule="not_removable", ulcer=ulcer_key(uid))
        for uid in sorted(expected - given)
    ]
    for item in checked:
        uid = item.ulcer_id
        if uid is not None and uid not in expected:
            # Neither on this map nor carried forward to it (healed before, or another patient's).
            raise NotFound("ulcer", item.mark.key)
        if uid is not None and uid in previous and item.values["status"] == "new":
            errors.append(
                FieldError("status", Problem.INCONSISTENT, rule="not_new", ulcer=item.mark.key)
            )
        target = item.mark.recurrence_of
        current = None if uid is None else ulcers[uid].recurrence_of_id
        if target is None or (current is not None and ulcer_key(current) == target):
            continue
        old = _ulcer_id(target)
        if (
            old is None
            or old == uid
            or old not in ulcers
            or old not in previous
            or previous[old].status != "healed"
            or (ulcers[old].hand, ulcers[old].finger, ulcers[old].site) != item.place
        ):
            errors.append(
                FieldError(
                    "recurrence_of",
                    Problem.INCONSISTENT,
                    rule="recurrence_not_healed",
                    ulcer=item.mark.key,
                )
            )
    return errors


def _changed(row: UlcerObservation, values: Mapping[str, object]) -> list[str]:
    return [name for name in _VALUES if getattr(row, name) != values[name]]


def _moved(ulcer: Ulcer, item: _Checked) -> list[str]:
    place = dict(zip(_PLACE, item.place, strict=True))
    names = [name for name in _PLACE if getattr(ulcer, name) != place[name]]
    old = _ulcer_id(item.mark.recurrence_of)
    if ulcer.recurrence_of_id != old:
        names.append("recurrence_of_id")
    return names


def save_visit_map(
    study: Study,
    actor: UserInfo,
    visit_id: int,
    state: MapState,
    *,
    reason: str | None = None,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> MapState:
    """Save the visit's whole map (the first time, or corrected); all or nothing; return it.

    Compared with what is stored: an ulcer added on the map becomes a new ``Ulcer`` (naming the
    healed ulcer it recurs from when the mark says so) with its observation; an ulcer carried
    forward gets its observation at this visit; a saved observation that differs is updated,
    which needs ``reason`` (ReasonRequired), as does moving a saved ulcer. A healed ulcer's sizes
    and depth are not kept. Refused at the field (FieldErrors; each error's params name the
    mark's key as ``ulcer``): codes, sizes outside 0.5-100 mm, width above length, pain VAS
    outside 0-100, a site the hand map lacks, two active ulcers at one site, an ulcer seen
    before left off the map, "new" for an ulcer seen before, a recurrence of something other
    than a healed ulcer at that site. The visit must be recorded as done and collect the
    ulcer map in the protocol. ``expected_version`` is ``map_version`` as read (0: unsaved).
    """
    require(actor, "enter_data")
    day = today or clock.today()
    given_reason = (reason or "").strip() or None
    checked, errors = _check_state(state)
    context = _context(study, actor, visit_id, day)
    if FORM not in context.visit.forms:
        raise ServiceError(Msg.FORM_NOT_IN_VISIT, instrument=FORM, visit=context.visit.visit_code)
    with study.unit(actor=actor.username, reason=given_reason) as session:
        visit, patient = visits.open_visit(session, visit_id)
        if visit.outcome != "done" or visit.visit_date is None:
            raise FieldErrors(
                [FieldError("visit_date", Problem.INCONSISTENT, rule="visit_not_recorded")]
            )
        saved_map = session.scalar(
            select(UlcerMap).where(UlcerMap.visit_id == visit.id, UlcerMap.voided.is_(False))
        )
        version = 0 if saved_map is None else saved_map.version
        if expected_version is not None and expected_version != version:
            raise ConflictError()
        ulcers = _ulcers(session, patient.id)
        observations = _observations(session, patient.id)
        saved = dict(observations.get(visit.id, {}))
        previous = _latest(observations, context.before)
        errors += _stored_errors(checked, ulcers, saved, previous)
        if errors:
            raise FieldErrors(errors)
        _refuse_unexplained(checked, ulcers, saved, given_reason)
        session.info["reason"] = given_reason or _NEW_REASON
        if saved_map is None:
            session.add(
                UlcerMap(
                    patient_id=patient.id,
                    visit_id=visit.id,
                    created_utc=clock.utc_stamp(),
                    voided=False,
                )
            )
        changed = _apply(session, checked, ulcers, saved, visit, patient)
        if changed and saved_map is not None:
            # The map is one form: any change moves its version (see map_version).
            saved_map.version = saved_map.version + 1
        session.flush()
        observations[visit.id] = saved
        return _visit_state(ulcers, observations, context)


def _refuse_unexplained(
    checked: list[_Checked],
    ulcers: Mapping[int, Ulcer],
    saved: Mapping[int, UlcerObservation],
    reason: str | None,
) -> None:
    """Changing what is saved needs a reason; name the first field that would change."""
    if reason is not None:
        return
    for item in checked:
        uid = item.ulcer_id
        if uid is None:
            continue
        moved = _moved(ulcers[uid], item)
        if moved:
            raise ReasonRequired(Ulcer.__tablename__, moved[0])
        if uid in saved:
            changed = _changed(saved[uid], item.values)
            if changed:
                raise ReasonRequired(UlcerObservation.__tablename__, changed[0])


def _apply(
    session: Session,
    checked: list[_Checked],
    ulcers: dict[int, Ulcer],
    saved: dict[int, UlcerObservation],
    visit: Visit,
    patient: Patient,
) -> bool:
    """Write the checked marks; ``ulcers`` and ``saved`` are updated; True if anything changed."""
    changed = False
    stamp = clock.utc_stamp()
    for item in checked:
        uid = item.ulcer_id
        if uid is None:
            ulcer = Ulcer(
                patient_id=patient.id,
                hand=item.place[0],
                finger=item.place[1],
                site=item.place[2],
                first_visit_id=visit.id,
                recurrence_of_id=_ulcer_id(item.mark.recurrence_of),
                created_utc=stamp,
                voided=False,
            )
            session.add(ulcer)
            session.flush()
            ulcers[ulcer.id] = ulcer
            uid = ulcer.id
        else:
            ulcer = ulcers[uid]
            if _moved(ulcer, item):
                ulcer.hand, ulcer.finger, ulcer.site = item.place
                ulcer.recurrence_of_id = _ulcer_id(item.mark.recurrence_of)
                changed = True
        row = saved.get(uid)
        if row is None:
            row = UlcerObservation(
                ulcer_id=uid, visit_id=visit.id, patient_id=patient.id, voided=False
            )
            for name in _VALUES:
                setattr(row, name, item.values[name])
            session.add(row)
            saved[uid] = row
            changed = True
        elif _changed(row, item.values):
            for name in _changed(row, item.values):
                setattr(row, name, item.values[name])
            changed = True
    return changed


# --- history and summaries --------------------------------------------------------------------


def _injection_date(ordered: Iterable[VisitInfo]) -> dt.date | None:
    anchor = default_protocol().anchor_code
    for info in ordered:
        if info.visit_code == anchor and info.outcome == "done":
            return info.visit_date
    return None


def _day(info: VisitInfo, injection: dt.date | None) -> int | None:
    if info.visit_date is None or injection is None:
        return None
    return (info.visit_date - injection).days


def _point(info: VisitInfo, injection: dt.date | None, row: UlcerObservation) -> UlcerPoint:
    healed = row.status == "healed"
    return UlcerPoint(
        visit_id=info.id,
        visit_code=info.visit_code,
        sequence=info.sequence,
        label_en=info.label_en,
        label_nl=info.label_nl,
        visit_date=info.visit_date,
        day=_day(info, injection),
        status=row.status,
        length_mm=row.length_mm,
        width_mm=row.width_mm,
        area_mm2=0.0 if healed else row.area_mm2,
        pain_vas=row.pain_vas,
        infection=row.infection,
    )


def _patient_course(
    study: Study, actor: UserInfo, patient_id: int, today: dt.date | None
) -> tuple[VisitInfo, ...]:
    return _in_time_order(visits.schedule(study, actor, patient_id, today=today))


def ulcer_history(
    study: Study, actor: UserInfo, patient_id: int, *, today: dt.date | None = None
) -> list[UlcerHistory]:
    """Every ulcer of the patient with each visit it was seen at (the charts' records).

    Ulcers in the order they were first saved; points in time order. See ``dto.UlcerPoint``.
    """
    ordered = _patient_course(study, actor, patient_id, today)  # requires view_data
    injection = _injection_date(ordered)
    with study.unit(actor=actor.username) as session:
        ulcers = _ulcers(session, patient_id)
        observations = _observations(session, patient_id)
    points: dict[int, list[UlcerPoint]] = defaultdict(list)
    for info in ordered:
        for uid, row in observations.get(info.id, {}).items():
            points[uid].append(_point(info, injection, row))
    return [
        UlcerHistory(
            key=ulcer_key(ulcer.id),
            ulcer_id=ulcer.id,
            hand=ulcer.hand,
            finger=ulcer.finger,
            site=ulcer.site,
            recurrence_of=(
                None if ulcer.recurrence_of_id is None else ulcer_key(ulcer.recurrence_of_id)
            ),
            points=tuple(points[ulcer.id]),
        )
        for ulcer in ulcers.values()
        if points[ulcer.id]
    ]


def _record(visit_key: str, ulcer: Ulcer, row: UlcerObservation) -> scoring.UlcerRecord:
    return scoring.UlcerRecord(
        visit=visit_key,
        hand=ulcer.hand,
        finger=ulcer.finger,
        site=ulcer.site,
        status=row.status,
        length_mm=row.length_mm,
        width_mm=row.width_mm,
    )


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def visit_summaries(
    study: Study, actor: UserInfo, patient_id: int, *, today: dt.date | None = None
) -> list[VisitUlcerSummary]:
    """Per visit whose ulcer map is filled in, in time order: active ulcers, area, pain."""
    ordered = _patient_course(study, actor, patient_id, today)  # requires view_data
    injection = _injection_date(ordered)
    with study.unit(actor=actor.username) as session:
        maps = _maps(session, patient_id)
        ulcers = _ulcers(session, patient_id)
        observations = _observations(session, patient_id)
    records = [
        _record(str(visit_id), ulcers[uid], row)
        for visit_id, rows in observations.items()
        if visit_id in maps
        for uid, row in rows.items()
    ]
    by_visit = scoring.summarise_by_visit(records)
    empty = scoring.VisitSummary(0, scoring.count_by_hand([]), scoring.count_by_finger([]), 0.0)
    out: list[VisitUlcerSummary] = []
    for info in ordered:
        if info.id not in maps:
            continue
        rows = observations.get(info.id, {})
        summary = by_visit.get(str(info.id), empty)
        out.append(
            VisitUlcerSummary(
                visit_id=info.id,
                visit_code=info.visit_code,
                sequence=info.sequence,
                label_en=info.label_en,
                label_nl=info.label_nl,
                visit_date=info.visit_date,
                day=_day(info, injection),
                active=summary.active,
                healed=sum(row.status == "healed" for row in rows.values()),
                by_hand=summary.by_hand,
                by_finger=summary.by_finger,
                total_area_mm2=summary.total_area_mm2,
                mean_pain_vas=_mean(
                    [
                        row.pain_vas
                        for row in rows.values()
                        if row.status in scoring.ACTIVE_STATUSES and row.pain_vas is not None
                    ]
                ),
            )
        )
    return out


def study_summary(study: Study, actor: UserInfo) -> list[StudyUlcerSummary]:
    """Per protocol visit across the study's patients: filled-in maps, active ulcers, area.

    Every protocol visit is listed (zeros where no map is filled in yet), unscheduled visits
    pooled last when there are any; void patients and visits are left out.
    """
    require(actor, "view_data")
    protocol = default_protocol()
    with study.unit(actor=actor.username) as session:
        mapped = session.execute(
            select(Visit.id, Visit.visit_code, Visit.patient_id)
            .join(UlcerMap, UlcerMap.visit_id == Visit.id)
            .join(Patient, Patient.id == Visit.patient_id)
            .where(UlcerMap.voided.is_(False), Visit.voided.is_(False), Patient.voided.is_(False))
        ).all()
        found = session.execute(
            select(
                UlcerObservation.visit_id,
                UlcerObservation.patient_id,
                UlcerObservation.status,
                UlcerObservation.area_mm2,
            )
            .join(Ulcer, Ulcer.id == UlcerObservation.ulcer_id)
            .where(
                UlcerObservation.voided.is_(False),
                Ulcer.voided.is_(False),
                UlcerObservation.visit_id.in_(select(UlcerMap.visit_id)),
            )
        ).all()
    code_of = {row.id: row.visit_code for row in mapped}
    patients: dict[str, set[int]] = defaultdict(set)
    for row in mapped:
        patients[row.visit_code].add(row.patient_id)
    active: dict[str, int] = defaultdict(int)
    area: dict[str, float] = defaultdict(float)
    with_active: dict[str, set[int]] = defaultdict(set)
    for seen in found:
        code = code_of.get(seen.visit_id)
        if code is None or seen.status not in scoring.ACTIVE_STATUSES:
            continue
        active[code] += 1
        area[code] += seen.area_mm2 or 0.0
        with_active[code].add(seen.patient_id)
    codes = [v.code for v in protocol.visits]
    codes += sorted(code for code in patients if code not in codes)
    out: list[StudyUlcerSummary] = []
    for code in codes:
        try:
            definition: VisitDef | None = protocol.visit(code)
        except KeyError:  # a code the protocol no longer knows still counts
            definition = None
        out.append(
            StudyUlcerSummary(
                visit_code=code,
                label_en=code if definition is None else definition.label_en,
                label_nl=code if definition is None else definition.label_nl,
                patients=len(patients[code]),
                patients_with_active=len(with_active[code]),
                active=active[code],
                total_area_mm2=round(area[code], 2),
            )
        )
    return out


# --- photos -----------------------------------------------------------------------------------


def _photo_errors(
    data: bytes, media_type: str, taken_on: dt.date, caption: str | None, today: dt.date
) -> list[FieldError]:
    errors: list[FieldError] = []
    for name, value in (("media_type", media_type), ("taken_on", taken_on), ("caption", caption)):
        try:
            PHOTO_FIELDS[name].check(value, today=today)
        except FieldError as exc:
            errors.append(exc)
    if not data:
        errors.append(FieldError("data", Problem.REQUIRED))
    elif len(data) > MAX_PHOTO_BYTES:
        errors.append(
            FieldError("data", Problem.INCONSISTENT, rule="photo_too_large", limit=MAX_PHOTO_BYTES)
        )
    elif media_type in _SIGNATURES and not data.startswith(_SIGNATURES[media_type]):
        errors.append(FieldError("media_type", Problem.INCONSISTENT, rule="photo_type_mismatch"))
    return errors


def add_photo(
    study: Study,
    actor: UserInfo,
    patient_id: int,
    visit_id: int,
    ulcer_key: str,
    data: bytes,
    media_type: str,
    taken_on: dt.date | None = None,
    *,
    caption: str | None = None,
    today: dt.date | None = None,
) -> str:
    """Store a photo of a saved ulcer observation (the map saved first); return its SHA-256.

    ``media_type`` is "image/jpeg" or "image/png" and must match the bytes; ``taken_on``
    defaults to the visit date.
    """
    require(actor, "enter_data")
    day = today or clock.today()
    uid = _ulcer_id(ulcer_key)
    note = (caption or "").strip() or None
    with study.unit(actor=actor.username, reason=_PHOTO_REASON) as session:
        visit, patient = visits.open_visit(session, visit_id)
        if visit.patient_id != patient_id:
            raise NotFound("visit", visit_id)
        observation = (
            None
            if uid is None
            else session.scalar(
                select(UlcerObservation).where(
                    UlcerObservation.ulcer_id == uid,
                    UlcerObservation.visit_id == visit.id,
                    UlcerObservation.voided.is_(False),
                )
            )
        )
        if observation is None:
            raise NotFound("ulcer_observation", ulcer_key)
        on = taken_on if taken_on is not None else visit.visit_date
        errors = _photo_errors(data, media_type, on or day, note, day)
        if on is None:
            errors.append(FieldError("taken_on", Problem.REQUIRED))
        if errors:
            raise FieldErrors(errors)
        assert on is not None
        digest = hashlib.sha256(data).hexdigest()
        session.add(
            UlcerPhoto(
                observation_id=observation.id,
                patient_id=patient.id,
                sha256=digest,
                media_type=media_type,
                data=bytes(data),
                taken_on=on,
                caption=note,
                created_utc=clock.utc_stamp(),
                voided=False,
            )
        )
        session.flush()
        return digest


def photos(
    study: Study, actor: UserInfo, patient_id: int, *, visit_id: int | None = None
) -> list[UlcerPhotoInfo]:
    """The patient's photos (of one visit when given), oldest first, without their bytes."""
    require(actor, "view_data")
    stmt = (
        select(
            UlcerPhoto.id,
            UlcerPhoto.sha256,
            UlcerPhoto.patient_id,
            UlcerPhoto.media_type,
            UlcerPhoto.taken_on,
            UlcerPhoto.caption,
            func.length(UlcerPhoto.data).label("size"),
            UlcerObservation.visit_id,
            UlcerObservation.ulcer_id,
            Visit.visit_code,
        )
        .join(UlcerObservation, UlcerObservation.id == UlcerPhoto.observation_id)
        .join(Visit, Visit.id == UlcerObservation.visit_id)
        .where(UlcerPhoto.patient_id == patient_id, UlcerPhoto.voided.is_(False))
        .order_by(UlcerPhoto.id)
    )
    if visit_id is not None:
        stmt = stmt.where(UlcerObservation.visit_id == visit_id)
    with study.unit(actor=actor.username) as session:
        rows = session.execute(stmt).all()
    return [
        UlcerPhotoInfo(
            id=row.id,
            sha256=row.sha256,
            patient_id=row.patient_id,
            visit_id=row.visit_id,
            visit_code=row.visit_code,
            ulcer_key=ulcer_key(row.ulcer_id),
            media_type=row.media_type,
            taken_on=row.taken_on,
            caption=row.caption,
            size_bytes=int(row.size),
        )
        for row in rows
    ]


def photo_data(study: Study, actor: UserInfo, sha256: str) -> bytes:
    """The bytes of a stored photo, after checking them against the SHA-256 saved with them.

    Raises ServiceError(Msg.PHOTO_CORRUPT) when the stored bytes no longer match.
    """
    require(actor, "view_data")
    with study.unit(actor=actor.username) as session:
        stored = list(
            session.scalars(
                select(UlcerPhoto.data)
                .where(UlcerPhoto.sha256 == sha256, UlcerPhoto.voided.is_(False))
                .order_by(UlcerPhoto.id)
            )
        )
    if not stored:
        raise NotFound("photo", sha256)
    for data in stored:
        if hashlib.sha256(bytes(data)).hexdigest() != sha256:
            raise ServiceError(Msg.PHOTO_CORRUPT, sha256=sha256)
    return bytes(stored[0])
