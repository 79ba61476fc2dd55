"""The audit trail: written by a session hook for every ORM session, hash-chained, append-only.

``before_flush`` refuses deletes and unexplained changes; ``after_flush`` writes one audit row
per changed field (ids are known by then). Events that are not record changes (logins, lockouts,
exports) go through ``record_event`` into the same chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, event, insert, select, text
from sqlalchemy.orm import InstanceState, Session, UOWTransaction
from sqlalchemy.orm.attributes import instance_state

from sscvisit.model.entities import AuditedMixin, AuditEntry, Base, Identity, Patient, fields_of
from sscvisit.model.fields import Field
from sscvisit.services.clock import utc_stamp
from sscvisit.services.dto import AuditRow, ChainReport
from sscvisit.services.errors import Msg, ReasonRequired, ServiceError

GENESIS = "0" * 64
MASK = "********"
# Arbitrary constant key for PostgreSQL's advisory lock that serialises appends to the chain.
_PG_CHAIN_LOCK = 0x55C_A0D1
_AUDIT = cast(Table, AuditEntry.__table__)


@dataclass(frozen=True)
class _Pending:
    action: str
    table_name: str | None
    record_id: str | None
    patient_id: int | None
    field: str | None
    old_value: str | None
    new_value: str | None


def fmt(value: object) -> str | None:
    """How a value is written into the audit trail."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def row_hash(prev_hash: str, values: dict[str, Any]) -> str:
    canonical = json.dumps(
        [
            prev_hash,
            values["timestamp_utc"],
            values["username"],
            values["action"],
            values["table_name"],
            values["record_id"],
            values["patient_id"],
            values["field"],
            values["old_value"],
            values["new_value"],
            values["reason"],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _append(
    connection: Connection, username: str, reason: str | None, items: list[_Pending]
) -> None:
    if not items:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_CHAIN_LOCK})
    prev = connection.execute(
        select(_AUDIT.c.hash).order_by(_AUDIT.c.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev_hash = prev or GENESIS
    stamp = utc_stamp()
    rows: list[dict[str, Any]] = []
    for item in items:
        values: dict[str, Any] = {
            "timestamp_utc": stamp,
            "username": username,
            "action": item.action,
            "table_name": item.table_name,
            "record_id": item.record_id,
            "patient_id": item.patient_id,
            "field": item.field,
            "old_value": item.old_value,
            "new_value": item.new_value,
            "reason": reason,
        }
        digest = row_hash(prev_hash, values)
        rows.append({**values, "prev_hash": prev_hash, "hash": digest})
        prev_hash = digest
    connection.execute(insert(_AUDIT), rows)


def record_event(
    session: Session,
    action: str,
    *,
    username: str | None = None,
    table_name: str | None = None,
    record_id: object = None,
    patient_id: int | None = None,
    field: str | None = None,
    old_value: object = None,
    new_value: object = None,
    reason: str | None = None,
) -> None:
    """Append an event (login, lockout, export...) to the chain within the session's transaction."""
    who = username or _actor(session)
    item = _Pending(
        action, table_name, fmt(record_id), patient_id, field, fmt(old_value), fmt(new_value)
    )
    _append(session.connection(), who, reason or session.info.get("reason"), [item])


def _actor(session: Session) -> str:
    actor = session.info.get("actor")
    if not actor:
        raise ServiceError(Msg.NO_ACTOR)
    return str(actor)


def _state(obj: object) -> InstanceState[Any]:
    return instance_state(obj)


def _table(obj: object) -> str:
    return _table_of(type(obj))


def _audited(obj: object) -> bool:
    return isinstance(obj, AuditedMixin)


def _changes(obj: AuditedMixin) -> Iterator[tuple[str, object, object]]:
    """(column, old, new) for every changed, audited column of a persistent object."""
    state = _state(obj)
    ignored = type(obj).__audit_ignored__
    for column in state.mapper.column_attrs:
        if column.key in ignored:
            continue
        history = state.attrs[column.key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if fmt(old) != fmt(new):
            yield column.key, old, new


def _before_flush(session: Session, _ctx: UOWTransaction, _instances: Iterable[Any] | None) -> None:
    for obj in session.deleted:
        if _audited(obj):
            raise ServiceError(Msg.NOTHING_DELETED, table=_table(obj))
    touched = [o for o in [*session.new, *session.dirty] if _audited(o)]
    if not touched:
        return
    _actor(session)
    reason = (session.info.get("reason") or "").strip()
    for obj in session.dirty:
        if not isinstance(obj, AuditedMixin) or not session.is_modified(obj):
            continue
        for key, old, _new in _changes(obj):
            needs_reason = type(obj).__reason_required__ or key in {"voided", "void_reason"}
            if needs_reason and old is not None and not reason:
                raise ReasonRequired(_table(obj), key)


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    items: list[_Pending] = []
    for obj in session.new:
        if not isinstance(obj, AuditedMixin):
            continue
        state = _state(obj)
        table = _table(obj)
        record = fmt(state.mapper.primary_key_from_instance(obj)[0])
        masked = type(obj).__audit_masked__
        for column in state.mapper.column_attrs:
            if column.key in type(obj).__audit_ignored__ or column.key in {"id", "voided"}:
                continue
            value = getattr(obj, column.key)
            if value is None:
                continue
            shown = MASK if column.key in masked else fmt(value)
            items.append(
                _Pending("insert", table, record, obj.audit_patient_id, column.key, None, shown)
            )
    for obj in session.dirty:
        if not isinstance(obj, AuditedMixin):
            continue
        state = _state(obj)
        table = _table(obj)
        record = fmt(state.mapper.primary_key_from_instance(obj)[0])
        masked = type(obj).__audit_masked__
        for key, old, new in _changes(obj):
            action = "void" if key == "voided" and new is True else "update"
            old_s, new_s = (MASK, MASK) if key in masked else (fmt(old), fmt(new))
            items.append(_Pending(action, table, record, obj.audit_patient_id, key, old_s, new_s))
    if items:
        _append(session.connection(), _actor(session), session.info.get("reason"), items)


def install_hooks() -> None:
    """Attach the hooks to every ORM Session in the process, so no code path can skip them."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "after_flush", _after_flush)


install_hooks()


def verify_chain(engine: Engine) -> ChainReport:
    """Recompute every hash in id order; name the first row that does not match."""
    prev_hash = GENESIS
    count = 0
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=2000).execute(
            select(_AUDIT).order_by(_AUDIT.c.id)
        )
        try:
            for row in result.mappings():
                count += 1
                values = dict(row)
                if values["prev_hash"] != prev_hash:
                    return ChainReport(count, int(values["id"]), "previous hash does not match")
                if row_hash(prev_hash, values) != values["hash"]:
                    return ChainReport(
                        count, int(values["id"]), "row content does not match its hash"
                    )
                prev_hash = values["hash"]
        finally:
            result.close()
    return ChainReport(count, None, None)


IDENTITY_TABLE = Identity.__tablename__


def query(
    session: Session,
    *,
    patient_id: int | None = None,
    table_name: str | None = None,
    record_id: str | None = None,
    show_identity: bool = False,
    limit: int = 5000,
) -> list[AuditRow]:
    """Audit rows, newest first; identity values are masked for roles that may not see them."""
    stmt = (
        select(AuditEntry, Patient.subject_number)
        .outerjoin(Patient, Patient.id == AuditEntry.patient_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    if patient_id is not None:
        stmt = stmt.where(AuditEntry.patient_id == patient_id)
    if table_name is not None:
        stmt = stmt.where(AuditEntry.table_name == table_name)
    if record_id is not None:
        stmt = stmt.where(AuditEntry.record_id == record_id)
    rows: list[AuditRow] = []
    for entry, subject in session.execute(stmt):
        hide = entry.table_name == IDENTITY_TABLE and not show_identity
        rows.append(
            AuditRow(
                id=entry.id,
                timestamp_utc=entry.timestamp_utc,
                username=entry.username,
                action=entry.action,
                table_name=entry.table_name,
                record_id=entry.record_id,
                patient_id=entry.patient_id,
                subject_number=subject,
                field=entry.field,
                old_value=MASK if hide and entry.old_value is not None else entry.old_value,
                new_value=MASK if hide and entry.new_value is not None else entry.new_value,
                reason=entry.reason,
            )
        )
    return rows


def declared_fields() -> dict[tuple[str, str], Field]:
    """(table, column) -> the field declaration, for every audited table: labels and code lists."""
    out: dict[tuple[str, str], Field] = {}
    for mapper in Base.registry.mappers:
        entity = mapper.class_
        if issubclass(entity, AuditedMixin) and issubclass(entity, Base):
            for column, spec in fields_of(entity).items():
                out[_table_of(entity), column] = spec
    return out


def table_labels() -> dict[str, tuple[str, str]]:
    """Table name -> what one record is called (English, Dutch)."""
    return {
        _table_of(mapper.class_): mapper.class_.__label__
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, AuditedMixin) and mapper.class_.__label__[0]
    }


def _table_of(entity: type) -> str:
    return str(getattr(entity, "__tablename__", entity.__name__))
