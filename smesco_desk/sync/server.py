"""The central server's side of sync, run by a desk inside server transactions.

The server is PostgreSQL itself, with no process of its own: a desk's sync
worker applies its operations there under the rules below, in transactions
that make those rules hold whichever desk runs them.

- Every transaction that writes `sync_changes` first takes one advisory lock,
  and takes the change counter inside it. Commits therefore happen in counter
  order: a reader never sees change N+1 before change N.
- An operation id recorded in `sync_applied_ops` is never applied again; a
  resend gets the stored result.
- A row changed at two desks (the server's version is not the one the desk
  changed) is a concurrent edit: the deterministic winner is kept (a tombstone
  first, then the higher version, the later `updated_at`, the greater desk
  code) and both versions go into a `sync_conflicts` row (status "info").
- A row the server's constraints refuse (a unique number taken, later an
  overlapping booking) is rejected: nothing of it is applied, and an "open"
  conflict holds it until a supervisor decides. So is a change of a fact or of
  a row only its own desk may change (smesco_desk.db.facts).
- Erasures are carried out here too (smesco_desk.sync.erasure); the change log
  keeps each row's latest change only (smesco_desk.sync.changelog).
  conflict holds it until a supervisor decides.
- Rules across rows (one live payment per charge, one visitor per person, one
  open visit per person) run after each batch: see smesco_desk.sync.settle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Json

from smesco_desk.db import facts
from smesco_desk.ids import new_id
from smesco_desk.sync import changelog, erasure
from smesco_desk.sync.connection import NOTIFY_CHANNEL
from smesco_desk.sync.tables import BOOKKEEPING, SyncedTable, synced_table
from smesco_desk.sync.values import SyncRefused

Conn = psycopg.Connection[Any]
# Serialises every transaction that takes change numbers (any constant will do).
CHANGES_LOCK = 0x534D_4553_434F  # "SMESCO"
CONFLICTS = "sync_conflicts"
# What the server's rules refuse in one op (unique, foreign key, exclusion and
# check constraints; a value too long for its column): that op is rejected,
# the rest of its batch goes on.
REFUSALS = (psycopg.errors.IntegrityError, psycopg.errors.DataError)


@dataclass(frozen=True)
class PushOp:
    """One outbox operation as the server receives it."""

    id: str
    seq: int
    txn: int
    entity: str
    entity_id: str
    op: str
    payload: dict[str, Any]
    base_version: int | None


@dataclass(frozen=True)
class OpResult:
    """What the server did with an operation (stored, and returned on a resend)."""

    op_id: str
    status: str  # applied | same | won | lost | rejected
    server_seq: int | None  # the change that carries the op's row, if one was written
    version: int | None  # the row's version on the server afterwards
    conflict_id: str | None = None
    repeated: bool = False  # a resend: this is the stored result, nothing changed

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "server_seq": self.server_seq,
            "version": self.version,
            "conflict_id": self.conflict_id,
        }

    @classmethod
    def from_json(cls, op_id: str, data: dict[str, Any]) -> OpResult:
        return cls(
            op_id,
            str(data["status"]),
            data.get("server_seq"),
            data.get("version"),
            data.get("conflict_id"),
            repeated=True,
        )


@dataclass(frozen=True)
class Change:
    seq: int
    entity: str
    entity_id: str
    origin_desk: str
    payload: dict[str, Any]


# --- small queries -------------------------------------------------------------


def revision_and_now(conn: Conn) -> tuple[str | None, datetime]:
    """The server's schema revision (None on an empty database) and its clock."""
    row = conn.execute("SELECT to_regclass('alembic_version') IS NOT NULL, now()").fetchone()
    assert row is not None
    revision = None
    if row[0]:
        found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = None if found is None else str(found[0])
    return revision, row[1]


def has_sync_tables(conn: Conn) -> bool:
    row = conn.execute("SELECT to_regclass('sync_desks') IS NOT NULL").fetchone()
    return bool(row and row[0])


def enrolled_desks(conn: Conn) -> dict[str, str]:
    """Desk code -> instance id of every enrolled desk."""
    return {
        str(code): str(instance)
        for code, instance in conn.execute("SELECT code, instance_id FROM sync_desks")
    }


def shared_nik_key(conn: Conn) -> str | None:
    """The desks' shared NIK key (hex), kept in the server-only `sync_secrets`.

    Only enrolment calls this: the table is never in the change log, never
    pulled and never part of a snapshot (smesco_desk/services/nik_key.py).
    """
    row = conn.execute("SELECT value FROM sync_secrets WHERE name = 'nik_key'").fetchone()
    return None if row is None else str(row[0])


def offer_nik_key(conn: Conn, key_hex: str) -> str:
    """Store `key_hex` as the shared NIK key unless one is stored; returns the stored one."""
    conn.execute(
        "INSERT INTO sync_secrets (name, value) VALUES ('nik_key', %s)"
        " ON CONFLICT (name) DO NOTHING",
        (key_hex,),
    )
    stored = shared_nik_key(conn)
    assert stored is not None
    return stored


def receipt_high_water(conn: Conn, desk: str) -> list[tuple[int, int]]:
    """(year, highest receipt seq) of every series of `desk` the server holds: its
    receipts and the gaps a restore recorded (numbers issued in a replaced file)."""
    rows = conn.execute(
        "SELECT year, max(seq) FROM (SELECT year, seq FROM receipts WHERE desk_code = %s"
        " UNION ALL SELECT year, last_seq FROM receipt_number_gaps WHERE desk_code = %s) s"
        " GROUP BY year",
        (desk, desk),
    ).fetchall()
    return [(int(r[0]), int(r[1])) for r in rows]


def fetch_changes(conn: Conn, after: int, limit: int) -> list[Change]:
    """Changes after the cursor, in commit order."""
    rows = conn.execute(
        "SELECT seq, entity, entity_id, origin_desk, payload FROM sync_changes"
        " WHERE seq > %s ORDER BY seq LIMIT %s",
        (after, limit),
    ).fetchall()
    return [Change(int(r[0]), r[1], r[2], r[3], r[4]) for r in rows]


def lock_changes(conn: Conn) -> tuple[int, datetime]:
    """Take the change lock (inside a transaction): the last change number, now."""
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (CHANGES_LOCK,))
    # A statement of its own: one that waited for the lock would still read the
    # counter as it was when it started, before the previous holder committed.
    row = conn.execute("SELECT value, now() FROM sync_counter WHERE name = 'changes'").fetchone()
    assert row is not None
    return int(row[0]), row[1]


def finish_changes(conn: Conn, desk: str, last_seq: int) -> None:
    """Store the counter and wake the listening desks (delivered at commit)."""
    conn.execute("UPDATE sync_counter SET value = %s WHERE name = 'changes'", (last_seq,))
    conn.execute("SELECT pg_notify(%s, %s)", (NOTIFY_CHANNEL, f"{desk}:{last_seq}"))


def insert_changes(conn: Conn, changes: Sequence[tuple[Any, ...]]) -> None:
    if changes:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO sync_changes (seq, entity, entity_id, origin_desk, op_id, payload)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                changes,
            )


# --- generic row writing -----------------------------------------------------------


@cache
def upsert_sql(name: str) -> str:
    """INSERT ... ON CONFLICT (id) DO UPDATE for every column of a synced table
    (rendered once: composing it again for every row costs more than running it)."""
    table = synced_table(name)
    cols = [sql.Identifier(c) for c in table.columns]
    updates = [
        sql.SQL("{c} = EXCLUDED.{c}").format(c=sql.Identifier(c))
        for c in table.columns
        if c != "id"
    ]
    statement = "INSERT INTO {t} ({cols}) VALUES ({vals}) ON CONFLICT (id) DO UPDATE SET {u}"
    return (
        sql.SQL(statement)
        .format(
            t=sql.Identifier(name),
            cols=sql.SQL(", ").join(cols),
            vals=sql.SQL(", ").join(sql.Placeholder() * len(cols)),
            u=sql.SQL(", ").join(updates),
        )
        .as_string()
    )


def row_params(table: SyncedTable, values: dict[str, Any]) -> list[Any]:
    """Parameters for `upsert_sql` from column values (JSON columns wrapped)."""
    return [
        Json(values[c]) if c in table.json_columns and values[c] is not None else values[c]
        for c in table.columns
    ]


def fetch_rows(conn: Conn, table: SyncedTable, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Current server rows by id, as column values."""
    query = sql.SQL("SELECT {cols} FROM {t} WHERE id = ANY(%s)").format(
        cols=sql.SQL(", ").join(sql.Identifier(c) for c in table.columns),
        t=sql.Identifier(table.name),
    )
    rows = conn.execute(query, (list(ids),)).fetchall()
    values = [table.to_python(dict(zip(table.columns, r, strict=True))) for r in rows]
    return {v["id"]: v for v in values}


# --- applying a desk's operations -------------------------------------------------------


def _winner_key(values: dict[str, Any], desk: str) -> tuple[bool, int, datetime, str]:
    return (values["deleted_at"] is not None, int(values["version"]), values["updated_at"], desk)


@dataclass
class _Plan:
    """What one operation will write; kept only if its writes succeed."""

    result: OpResult
    writes: list[tuple[str, list[Any]]] = field(default_factory=list)
    changes: list[tuple[Any, ...]] = field(default_factory=list)
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    writer: str | None = None  # who the rows' state now comes from (default: the pusher)


class PushBatch:
    """One server transaction applying a batch of one desk's operations."""

    def __init__(self, conn: Conn, desk: str, last_seq: int, now: datetime) -> None:
        self.conn, self.desk, self.seq, self.now = conn, desk, last_seq, now
        self.rows: dict[str, dict[str, Any]] = {}  # server state of the rows touched
        self.writers: dict[str, str] = {}  # entity id -> desk that last wrote it
        self.changes: list[tuple[Any, ...]] = []
        self.results: dict[str, OpResult] = {}

    def apply(self, ops: Sequence[PushOp]) -> dict[str, OpResult]:
        """Apply every op (in a savepoint); fall back to one savepoint per op if any
        violates a constraint, so that only that one is rejected."""
        self._prefetch(ops)
        start_seq, start_rows = self.seq, dict(self.rows)
        plans = []
        for op in ops:
            plan = self._plan(op)
            self._keep(plan)
            plans.append(plan)
        try:
            with self.conn.transaction(), self.conn.pipeline(), self.conn.cursor() as cur:
                for plan in plans:
                    for statement, params in plan.writes:
                        cur.execute(statement, params)
        except REFUSALS:
            self.seq, self.rows = start_seq, start_rows
            self.writers, self.changes, self.results = {}, [], {}
            for op in ops:
                self._apply_one(op)
        return self.results

    def _apply_one(self, op: PushOp) -> None:
        before = self.seq
        plan = self._plan(op)
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                for statement, params in plan.writes:
                    cur.execute(statement, params)
        except REFUSALS as exc:
            self.seq = before
            plan = self._reject(op, exc)
            with self.conn.cursor() as cur:
                for statement, params in plan.writes:
                    cur.execute(statement, params)
        self._keep(plan)

    def _keep(self, plan: _Plan) -> None:
        self.results[plan.result.op_id] = plan.result
        self.changes.extend(plan.changes)
        for entity_id, values in plan.rows.items():
            self.rows[entity_id] = values
            self.writers[entity_id] = plan.writer or self.desk

    def _prefetch(self, ops: Sequence[PushOp]) -> None:
        by_entity: dict[str, set[str]] = {}
        for op in ops:
            by_entity.setdefault(op.entity, set()).add(op.entity_id)
        for entity, ids in by_entity.items():
            self.rows.update(fetch_rows(self.conn, synced_table(entity), ids))

    def _next_seq(self) -> int:
        self.seq += 1
        return self.seq

    # --- deciding --------------------------------------------------------------

    def _plan(self, op: PushOp) -> _Plan:
        table = synced_table(op.entity)
        incoming = table.to_python(op.payload)
        current = self.rows.get(op.entity_id)
        if current is None:
            return self._write(op, table, incoming, int(incoming["version"]), "applied")
        if all(incoming[c] == current[c] for c in table.columns if c not in BOOKKEEPING):
            result = OpResult(op.id, "same", current["server_seq"], int(current["version"]))
            return _Plan(result)
        refused = facts.refusal(table.name, current, incoming, self.desk)
        if refused:
            return self._refuse(op, table, current, refused)
        theirs = int(current["version"])
        last_writer = self._last_writer(op.entity_id, current)
        if op.base_version == theirs or last_writer == self.desk:
            version = max(int(incoming["version"]), theirs + 1)
            return self._write(op, table, incoming, version, "applied")
        if _winner_key(incoming, self.desk) > _winner_key(current, last_writer):
            version = max(int(incoming["version"]), theirs) + 1
            plan = self._write(op, table, incoming, version, "won")
            conflict = self._conflict(op, table, current, "local", "concurrent_edit", "info", "")
        else:
            plan = self._rebroadcast(op, table, current, last_writer)
            conflict = self._conflict(op, table, current, "server", "concurrent_edit", "info", "")
        plan.writes += conflict.writes
        plan.changes += conflict.changes
        plan.result = _with_conflict(plan.result, conflict.result.conflict_id)
        return plan

    def _last_writer(self, entity_id: str, current: dict[str, Any]) -> str:
        if entity_id not in self.writers:
            row = self.conn.execute(
                "SELECT origin_desk FROM sync_changes WHERE entity_id = %s"
                " ORDER BY seq DESC LIMIT 1",
                (entity_id,),
            ).fetchone()
            self.writers[entity_id] = str(row[0]) if row else str(current["origin_desk"])
        return self.writers[entity_id]

    # --- writing -----------------------------------------------------------------

    def _write(
        self, op: PushOp, table: SyncedTable, values: dict[str, Any], version: int, status: str
    ) -> _Plan:
        seq = self._next_seq()
        values = {**values, "version": version, "server_seq": seq}
        plan = _Plan(OpResult(op.id, status, seq, version))
        plan.writes.append((upsert_sql(table.name), row_params(table, values)))
        plan.changes.append(
            (seq, table.name, op.entity_id, self.desk, op.id, Json(table.to_payload(values)))
        )
        plan.rows[op.entity_id] = values
        return plan

    def _rebroadcast(
        self, op: PushOp, table: SyncedTable, current: dict[str, Any], writer: str
    ) -> _Plan:
        """The server's row again, as a new change: the losing desk takes it back."""
        seq = self._next_seq()
        values = {**current, "server_seq": seq}
        plan = _Plan(OpResult(op.id, "lost", seq, int(current["version"])), writer=writer)
        statement = (
            sql.SQL("UPDATE {t} SET server_seq = %s WHERE id = %s")
            .format(t=sql.Identifier(table.name))
            .as_string()
        )
        plan.writes.append((statement, [seq, op.entity_id]))
        plan.changes.append(
            (seq, table.name, op.entity_id, writer, op.id, Json(table.to_payload(values)))
        )
        plan.rows[op.entity_id] = values
        return plan

    def _conflict(
        self,
        op: PushOp,
        table: SyncedTable,
        current: dict[str, Any] | None,
        winner: str,
        kind: str,
        status: str,
        reason: str,
        existing: dict[str, Any] | None = None,
    ) -> _Plan:
        conflicts = synced_table(CONFLICTS)
        seq = self._next_seq()
        values: dict[str, Any] = existing or {
            "id": new_id(),
            "origin_desk": self.desk,
            "version": 0,
            "created_at": self.now,
            "deleted_at": None,
            "resolution": None,
            "resolved_by": None,
            "resolved_at": None,
            "resolution_note": "",
        }
        values = {
            **values,
            "version": int(values["version"]) + 1,
            "server_seq": seq,
            "updated_at": self.now,
            "kind": kind,
            "entity": table.name,
            "entity_id": op.entity_id,
            "op_id": op.id,
            "desk_code": self.desk,
            "local_payload": table.normalize(op.payload),
            "server_payload": None if current is None else table.to_payload(current),
            "winner": winner,
            "reason": reason,
            "status": status,
        }
        plan = _Plan(OpResult(op.id, "rejected", None, None, values["id"]))
        plan.writes.append((upsert_sql(CONFLICTS), row_params(conflicts, values)))
        plan.changes.append(
            (seq, CONFLICTS, values["id"], self.desk, op.id, Json(conflicts.to_payload(values)))
        )
        return plan

    def _reject(self, op: PushOp, exc: psycopg.Error) -> _Plan:
        table = synced_table(op.entity)
        current = self.rows.get(op.entity_id)
        diag = exc.diag
        reason = f"{diag.constraint_name or diag.sqlstate}: {diag.message_primary or exc}"
        return self._refuse(op, table, current, reason)

    def _refuse(
        self, op: PushOp, table: SyncedTable, current: dict[str, Any] | None, reason: str
    ) -> _Plan:
        """An open conflict holds the op; nothing of it is applied."""
        existing = self._open_rejection(op.entity_id)
        return self._conflict(op, table, current, "server", "rejected", "open", reason, existing)

    def _open_rejection(self, entity_id: str) -> dict[str, Any] | None:
        """This desk's open rejection of the same row: updated, not repeated."""
        conflicts = synced_table(CONFLICTS)
        query = sql.SQL(
            "SELECT {cols} FROM sync_conflicts WHERE entity_id = %s AND desk_code = %s"
            " AND kind = 'rejected' AND status = 'open' ORDER BY created_at DESC LIMIT 1"
        ).format(cols=sql.SQL(", ").join(sql.Identifier(c) for c in conflicts.columns))
        row = self.conn.execute(query, (entity_id, self.desk)).fetchone()
        return (
            None
            if row is None
            else conflicts.to_python(dict(zip(conflicts.columns, row, strict=True)))
        )


def _with_conflict(result: OpResult, conflict_id: str | None) -> OpResult:
    return OpResult(result.op_id, result.status, result.server_seq, result.version, conflict_id)


def push_ops(conn: Conn, desk: str, instance_id: str, ops: Sequence[PushOp]) -> list[OpResult]:
    """Apply a batch of one desk's operations in one server transaction.

    Returns one result per op, in the given order. Ops already applied (a
    resend after a lost acknowledgement) get their stored result and change
    nothing. Raises SyncRefused if the desk is not enrolled on this server.
    """
    ops = list({op.id: op for op in ops}.values())
    with conn.transaction():
        last_seq, now = lock_changes(conn)
        check_desk(conn, desk, instance_id)
        done = {
            op_id: OpResult.from_json(op_id, result)
            for op_id, result in conn.execute(
                "SELECT op_id, result FROM sync_applied_ops WHERE op_id = ANY(%s)",
                ([op.id for op in ops],),
            )
        }
        fresh = [op for op in ops if op.id not in done]
        fresh.sort(key=lambda op: (op.txn, synced_table(op.entity).rank, op.seq))
        fresh = erasure.scrub_incoming(conn, fresh)
        batch = PushBatch(conn, desk, last_seq, now)
        results = batch.apply(fresh) if fresh else {}
        if fresh:
            from smesco_desk.sync.settle import settle  # its rules import this module

            settle(batch, fresh, results)
        _record_applied(conn, desk, [results[op.id] for op in fresh])
        insert_changes(conn, batch.changes)
        erasure.carry_out(conn, erasure.applied(fresh, results))
        changelog.compact(conn, [(c[2], c[0]) for c in batch.changes])
        if batch.seq != last_seq:
            finish_changes(conn, desk, batch.seq)
    return [done.get(op.id) or results[op.id] for op in ops]


def check_desk(conn: Conn, desk: str, instance_id: str) -> None:
    row = conn.execute(
        "UPDATE sync_desks SET last_seen_at = now() WHERE code = %s RETURNING instance_id",
        (desk,),
    ).fetchone()
    if row is None or row[0] != instance_id:
        from smesco_desk.i18n import _

        raise SyncRefused(
            _("Desk {desk} tidak terdaftar di server ini; daftarkan ulang (sync enroll).").format(
                desk=desk
            )
        )


def _record_applied(conn: Conn, desk: str, results: Sequence[OpResult]) -> None:
    if results:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO sync_applied_ops (op_id, desk, server_seq, result)"
                " VALUES (%s, %s, %s, %s)",
                [(r.op_id, desk, r.server_seq, Json(r.to_json())) for r in results],
            )
