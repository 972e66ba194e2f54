"""Every change writes, in its own transaction, an audit row and outbox rows."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from smesco_desk.db.models import AuditEntry, DeskCounter, OutboxOp, SyncedMixin
from smesco_desk.ids import new_id
from smesco_desk.services.actors import Actor


def row_payload(row: SyncedMixin) -> dict[str, Any]:
    """All column values of a row as JSON-friendly values (bytes as base64 text)."""
    mapper = inspect(row).mapper
    out: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        value = getattr(row, attr.key)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, bytes):
            value = base64.b64encode(value).decode("ascii")
        out[attr.key] = value
    return out


def entity_name(row: SyncedMixin) -> str:
    """The table name of a synced row: what the outbox and audit call its kind."""
    return str(type(row).__tablename__)  # type: ignore[attr-defined]


def new_synced(session: Session, row: SyncedMixin, desk: str, now: datetime) -> None:
    """Fill the sync columns of a new row and add it to the session."""
    row.id = row.id or new_id()
    row.origin_desk = desk
    row.version = 1
    row.created_at = now
    row.updated_at = now
    session.add(row)


# The version each touched row had before its first change since it was last
# queued: the base of the next update op (how the server spots a concurrent edit).
_base_versions: WeakKeyDictionary[SyncedMixin, int] = WeakKeyDictionary()


def touch(row: SyncedMixin, now: datetime) -> None:
    """Mark a changed row: a new version for sync."""
    _base_versions.setdefault(row, row.version or 0)
    row.version = (row.version or 0) + 1
    row.updated_at = now


def enqueue(session: Session, row: SyncedMixin, op: str, now: datetime) -> None:
    """Queue the row's current state for the central server."""
    session.flush()
    seq = next_counter(session, "outbox")
    base = _base_versions.pop(row, None)
    if op == "update" and base is None:
        base = (row.version or 1) - 1
    session.add(
        OutboxOp(
            id=new_id(),
            seq=seq,
            created_at=now,
            entity=entity_name(row),
            entity_id=row.id,
            op=op,
            payload=row_payload(row),
            txn=_transaction_first_seq(session, seq),
            base_version=base if op == "update" else None,
        )
    )


def _transaction_first_seq(session: Session, seq: int) -> int:
    """The seq of the first op queued in the session's current transaction."""
    current = session.get_transaction()
    known = session.info.get("outbox_txn")
    if known is None or known[0] is not current:
        session.info["outbox_txn"] = known = (current, seq)
    return int(known[1])


def audit(
    session: Session,
    actor: Actor,
    desk: str,
    now: datetime,
    action: str,
    row: SyncedMixin | None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Write the audit row (and queue it) for a change."""
    entry = AuditEntry(
        at=now,
        actor=actor.audit_name,
        actor_kind=actor.kind,
        action=action,
        entity=entity_name(row) if row is not None else "",
        entity_id=row.id if row is not None else None,
        detail=detail or {},
    )
    new_synced(session, entry, desk, now)
    enqueue(session, entry, "insert", now)


def record(
    session: Session,
    actor: Actor,
    desk: str,
    now: datetime,
    action: str,
    rows: Sequence[tuple[SyncedMixin, str]],
    detail: dict[str, Any] | None = None,
) -> None:
    """Queue every changed row (row, op) and write one audit row about the first."""
    for row, op in rows:
        enqueue(session, row, op, now)
    audit(session, actor, desk, now, action, rows[0][0] if rows else None, detail)


def next_counter(session: Session, name: str) -> int:
    """Take the next value of a desk counter inside the current transaction."""
    counter = session.get(DeskCounter, name)
    if counter is None:
        counter = DeskCounter(name=name, value=0)
        session.add(counter)
    counter.value += 1
    session.flush()
    return counter.value


def pending_outbox(session: Session) -> int:
    return (
        session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.sent_at.is_(None)))
        or 0
    )
