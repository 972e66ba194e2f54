"""The desk's side of sync: its link state, its outbox, and applying pulled changes.

Pulled changes are written straight into the tables, never through a service:
they queue nothing in the outbox and write no audit row of their own (the
audit rows of the desk that made the change arrive as changes too).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from smesco_desk.db import changes, search_index
from smesco_desk.db.models import OutboxOp, SyncConflict, SyncHeld, SyncState
from smesco_desk.sync.server import Change, OpResult, PushOp
from smesco_desk.sync.tables import SyncedTable, synced_table

# --- the link state (desk-local key/value table sync_state) -----------------------

CURSOR, SERVER, DESK, INSTANCE = "cursor", "server_url", "desk", "instance_id"
LAST_SYNC, LAST_ATTEMPT = "last_sync_at", "last_attempt_at"
LAST_ERROR, STATE = "last_error", "state"
PULL_SIZE = "pull_size"  # the adaptive pull batch, kept only while below the normal size


def read_state(session: Session) -> dict[str, str]:
    return {k: v for k, v in session.execute(select(SyncState.key, SyncState.value))}


def write_state(session: Session, **values: str | int | datetime | None) -> None:
    """Set (or, with None, remove) link state keys inside the caller's transaction."""
    for key, value in values.items():
        row = session.get(SyncState, key)
        if value is None:
            if row is not None:
                session.delete(row)
            continue
        text = value.isoformat() if isinstance(value, datetime) else str(value)
        if row is None:
            session.add(SyncState(key=key, value=text))
        else:
            row.value = text
    session.flush()


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


# --- the outbox -------------------------------------------------------------------


# A batch stops before this many bytes of payloads (a document's bytes travel in
# its payload, up to about 14 MB each as base64): at least one op always goes.
BATCH_BYTES = 24 * 1024 * 1024


def pending_batch(session: Session, limit: int, max_bytes: int = BATCH_BYTES) -> list[PushOp]:
    """The oldest unsent operations (at most `limit`, and about `max_bytes` of
    payloads), never splitting one local transaction's ops."""
    pending = OutboxOp.sent_at.is_(None)
    sizes = session.execute(
        select(func.length(OutboxOp.payload)).where(pending).order_by(OutboxOp.seq).limit(limit)
    ).scalars()
    total = 0
    for fits, size in enumerate(sizes):
        total += int(size or 0)
        if total > max_bytes and fits:
            limit = fits
            break
    rows = session.execute(_OP_COLUMNS.where(pending).order_by(OutboxOp.seq).limit(limit))
    ops = [_push_op(*r) for r in rows]
    if len(ops) == limit:
        last = ops[-1]
        rest = session.execute(
            _OP_COLUMNS.where(pending, OutboxOp.txn == last.txn, OutboxOp.seq > last.seq).order_by(
                OutboxOp.seq
            )
        ).all()
        if rest:
            whole = [op for op in ops if op.txn != last.txn]
            ops = whole or ops + [_push_op(*r) for r in rest]
    return ops


# Plain columns, no ORM objects: a batch is read once and never changed through them.
_OP_COLUMNS = select(
    OutboxOp.id,
    OutboxOp.seq,
    OutboxOp.txn,
    OutboxOp.entity,
    OutboxOp.entity_id,
    OutboxOp.op,
    OutboxOp.payload,
    OutboxOp.base_version,
)


def _push_op(
    op_id: str,
    seq: int,
    txn: int | None,
    entity: str,
    entity_id: str,
    op: str,
    payload: Any,
    base_version: int | None,
) -> PushOp:
    payload = payload if isinstance(payload, dict) else json.loads(payload)
    return PushOp(
        op_id, seq, txn if txn is not None else seq, entity, entity_id, op, payload, base_version
    )


def acknowledge(
    session: Session, ops: Sequence[PushOp], results: Sequence[OpResult], now: datetime
) -> None:
    """After the server's commit: mark the ops sent, and give rows the server's number.

    A sent op keeps only its row's id and version: the server has the data, and
    a payload kept here would be one more copy of a person's data to erase.
    Written through the driver's connection (one `executemany` per table, values
    bound as SQLAlchemy binds them); the tables written are marked by hand."""
    raw: sqlite3.Connection = session.connection().connection.driver_connection  # type: ignore[assignment]
    sent, payload = _outbox_binds(session.connection().dialect)
    stamp = sent(now)
    done = raw.executemany(
        "UPDATE outbox SET sent_at = ?, payload = ? WHERE id = ?",
        [(stamp, payload(trimmed(op.entity_id, op.payload)), op.id) for op in ops],
    )
    if done.rowcount:
        changes.mark(session, "outbox")
    by_table: dict[str, list[tuple[int, str, int]]] = {}
    for op, result in zip(ops, results, strict=True):
        if result.status in ("applied", "same") and result.server_seq and result.version:
            by_table.setdefault(op.entity, []).append(
                (result.server_seq, op.entity_id, result.version)
            )
    for name, rows in by_table.items():
        statement = (
            f'UPDATE "{synced_table(name).name}" SET server_seq = ? WHERE id = ? AND version = ?'
        )
        if raw.executemany(statement, rows).rowcount:
            changes.mark(session, name)


def _outbox_binds(dialect: Dialect) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """How SQLAlchemy binds the outbox's `sent_at` and `payload` on this dialect."""
    outbox = OutboxOp.__table__
    assert isinstance(outbox, Table)

    def binder(column: str) -> Callable[[Any], Any]:
        proc = outbox.c[column].type.dialect_impl(dialect).bind_processor(dialect)
        return proc if proc is not None else (lambda value: value)

    return binder("sent_at"), binder("payload")


def trimmed(entity_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    """What a sent op keeps of its payload."""
    return {"id": entity_id, "version": payload.get("version")}


def trim_sent(session: Session) -> None:
    """Trim the payload of every sent op (after an enrolment marked them all sent)."""
    session.execute(
        update(OutboxOp)
        .where(OutboxOp.sent_at.is_not(None))
        .values(
            payload=func.json_object(
                "id",
                OutboxOp.entity_id,
                "version",
                func.json_extract(OutboxOp.payload, "$.version"),
            )
        )
    )


# --- applying pulled changes ---------------------------------------------------------


@cache
def _statements(name: str) -> tuple[str, str]:
    table = synced_table(name)
    cols = ", ".join(f'"{c}"' for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in table.columns if c != "id")
    upsert = f'INSERT INTO "{name}" ({cols}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}'
    plain = f'INSERT INTO "{name}" ({cols}) VALUES ({marks})'
    return upsert, plain


def plain_insert_sql(name: str) -> str:
    """INSERT of every column of a synced table, in column order (no upsert)."""
    return _statements(name)[1]


def bind_converter(table: SyncedTable, dialect: Dialect) -> Callable[[dict[str, Any]], list[Any]]:
    """Column values -> SQLite parameters, exactly as SQLAlchemy would store them."""
    processors = [
        (col, table.table.c[col].type.dialect_impl(dialect).bind_processor(dialect))
        for col in table.columns
    ]

    def convert(values: dict[str, Any]) -> list[Any]:
        return [proc(values[col]) if proc else values[col] for col, proc in processors]

    return convert


@dataclass
class PullOutcome:
    applied: int = 0
    skipped: int = 0
    held: int = 0


class LocalApplier:
    """Writes server changes into this desk's SQLite inside the caller's transaction
    (through the driver's connection: it notes the tables it writes itself)."""

    def __init__(self, session: Session, desk: str, withdraw: Callable[[dict[str, Any]], None]):
        self.session = session
        self.desk = desk
        self.withdraw = withdraw
        self.raw: sqlite3.Connection = session.connection().connection.driver_connection  # type: ignore[assignment]
        self.dialect = session.connection().dialect
        self.pending = {
            str(r[0])
            for r in self.raw.execute("SELECT DISTINCT entity_id FROM outbox WHERE sent_at IS NULL")
        }
        self._converters: dict[str, Callable[[dict[str, Any]], list[Any]]] = {}
        # While sync_held is empty (the usual case) a stored change has nothing to
        # release there: its DELETE is not run for every change.
        self._any_held = self.raw.execute("SELECT 1 FROM sync_held LIMIT 1").fetchone() is not None
        self.outcome = PullOutcome()
        # Stored visitors and visits whose search words are made at `finish()`: once
        # per batch, not once per row (the words follow the rows as they end up).
        self._unindexed: dict[str, list[dict[str, Any]]] = {}

    def params(self, table: SyncedTable, values: dict[str, Any]) -> list[Any]:
        convert = self._converters.get(table.name)
        if convert is None:
            convert = self._converters[table.name] = bind_converter(table, self.dialect)
        return convert(values)

    def apply(self, change: Change) -> bool:
        """Store one change; False if it was skipped (a local change waits to be
        pushed: the server decides, then sends the outcome) or held."""
        if change.entity_id in self.pending:
            self.outcome.skipped += 1
            return False
        table = synced_table(change.entity)
        values = {**table.to_python(change.payload), "server_seq": change.seq}
        try:
            self.raw.execute(_statements(table.name)[0], self.params(table, values))
        except sqlite3.IntegrityError as exc:
            self._hold(change, str(exc))
            return False
        changes.mark(self.session, table.name)
        if table.name in INDEXED:
            self._unindexed.setdefault(table.name, []).append(values)
        if self._any_held:
            self._unhold(
                "DELETE FROM sync_held WHERE entity_id = ? AND seq < ?",
                (change.entity_id, change.seq),
            )
        self.outcome.applied += 1
        if change.entity == "sync_conflicts":
            self.withdraw(values)
        return True

    def finish(self) -> None:
        """Bring this desk's search words up to date with the rows `apply` stored
        (call before the caller's transaction commits)."""
        for name, rows in self._unindexed.items():
            _index(self.session, name, rows)
        self._unindexed = {}

    def _unhold(self, sql: str, params: tuple[Any, ...]) -> None:
        if self.raw.execute(sql, params).rowcount:
            changes.mark(self.session, "sync_held")

    def _hold(self, change: Change, reason: str) -> None:
        self._unhold("DELETE FROM sync_held WHERE entity_id = ?", (change.entity_id,))
        self.session.add(
            SyncHeld(
                seq=change.seq,
                entity=change.entity,
                entity_id=change.entity_id,
                payload=change.payload,
                reason=reason,
                held_at=_utc_now(),
            )
        )
        self.session.flush()
        self._any_held = True
        self.outcome.held += 1

    def retry_held(self) -> int:
        """Apply held changes that can now be stored; returns how many were."""
        held = self.session.scalars(select(SyncHeld).order_by(SyncHeld.seq)).all()
        done = 0
        for row in held:
            if row.entity_id in self.pending:
                continue  # the push brings the server's outcome, which supersedes it
            change = Change(row.seq, row.entity, row.entity_id, "", dict(row.payload))
            seq = row.seq
            self.session.expunge(row)
            self._unhold("DELETE FROM sync_held WHERE seq = ?", (seq,))
            if self.apply(change):
                done += 1
        self.finish()
        return done

    def insert_rows(self, table: SyncedTable, rows: Sequence[dict[str, Any]]) -> None:
        """Plain inserts of a full download (the table is empty)."""
        self.raw.executemany(_statements(table.name)[1], [self.params(table, r) for r in rows])
        if rows:
            changes.mark(self.session, table.name)
            _index(self.session, table.name, rows)


INDEXED = frozenset({"visitors", "visits"})  # the tables search words are made from


def _index(session: Session, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Keep this desk's search words in step with visitors and visits stored past
    the ORM (smesco_desk.db.search_index)."""
    if table == "visitors":
        search_index.visitors(session.connection(), [str(r["id"]) for r in rows])
    elif table == "visits":
        live = [r for r in rows if r.get("deleted_at") is None]
        search_index.visit_values(
            session.connection(),
            {str(r.get("organisation") or "") for r in live},
            {str(r.get("host") or "") for r in live},
        )
        changes.mark(session, "search_words")


def _utc_now() -> datetime:
    from smesco_desk.clock import utc_now

    return utc_now()


# --- counts for the status --------------------------------------------------------


def conflict_counts(session: Session) -> tuple[int, int]:
    """(open conflicts, unacknowledged notices)."""
    rows = dict(
        session.execute(
            select(SyncConflict.status, func.count())
            .where(SyncConflict.deleted_at.is_(None))
            .group_by(SyncConflict.status)
        ).all()
    )
    return int(rows.get("open", 0)), int(rows.get("info", 0))


def held_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncHeld)) or 0


def clear_held(session: Session) -> None:
    session.execute(delete(SyncHeld))
