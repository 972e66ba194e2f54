"""One server transaction applying a batch of one desk's operations (`PushBatch`).

Each operation is planned first (applied, the same, won or lost against a
concurrent edit, or refused) and its writes run afterwards; see
smesco_desk.sync.server for the rules and `push_ops`, which runs a batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Json

from smesco_desk.db import facts, overlaps
from smesco_desk.ids import new_id
from smesco_desk.sync.server_queries import Conn, fetch_rows, row_params, upsert_sql
from smesco_desk.sync.tables import BOOKKEEPING, SyncedTable, synced_table
from smesco_desk.sync.values import BOOKING_OVERLAP, LEASE_OVERLAP

CONFLICTS = "sync_conflicts"
# Booking statuses the server sets (smesco_desk.domain.bookings.BookingStatus);
# `conflict` is a lease's too (smesco_desk.domain.foodcourt.LeaseStatus).
PROVISIONAL, CONFIRMED, CONFLICT = "provisional", "confirmed", "conflict"
# The tables whose rows another desk's row can take the slot of (a guard of
# smesco_desk.db.overlaps), and the kind of their open conflict.
OVERLAP_KINDS = {"bookings": BOOKING_OVERLAP, "leases": LEASE_OVERLAP}
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


def _winner_key(values: dict[str, Any], desk: str) -> tuple[bool, int, datetime, str]:
    return (values["deleted_at"] is not None, int(values["version"]), values["updated_at"], desk)


@dataclass
class _Plan:
    """What one operation will write; kept only if its writes succeed."""

    result: OpResult
    writes: list[tuple[str, str, list[Any]]] = field(default_factory=list)  # table, SQL, params
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
                for statement, rows in _grouped(plans):
                    cur.executemany(statement, rows)
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
            self._run(plan)
        except REFUSALS as exc:
            self.seq = before
            plan = self._reject(op, exc)
            if plan.result.status != "rejected":  # a booking kept in conflict
                try:
                    self._run(plan)
                except REFUSALS as again:
                    self.seq = before
                    plan = self._refuse_error(op, again)
                    self._run(plan)
            else:
                self._run(plan)
        self._keep(plan)

    def _run(self, plan: _Plan) -> None:
        with self.conn.transaction(), self.conn.cursor() as cur:
            for _table, statement, params in plan.writes:
                cur.execute(statement, params)

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
        if table.name == "bookings" and values["status"] == PROVISIONAL:
            # Accepted: the desk takes the confirmed row back with its next pull.
            values, version = {**values, "status": CONFIRMED}, version + 1
        seq = self._next_seq()
        values = {**values, "version": version, "server_seq": seq}
        plan = _Plan(OpResult(op.id, status, seq, version))
        plan.writes.append((table.name, upsert_sql(table.name), row_params(table, values)))
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
        plan.writes.append((table.name, statement, [seq, op.entity_id]))
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
        plan.writes.append((CONFLICTS, upsert_sql(CONFLICTS), row_params(conflicts, values)))
        plan.changes.append(
            (seq, CONFLICTS, values["id"], self.desk, op.id, Json(conflicts.to_payload(values)))
        )
        return plan

    def _reject(self, op: PushOp, exc: psycopg.Error) -> _Plan:
        """What a refused op becomes: a booking (or a lease) that another desk won
        the slot (the days) of is kept in conflict; anything else is held by an
        open conflict."""
        guard = overlaps.guard_named(exc.diag.constraint_name)
        if guard is not None and guard.table == op.entity and op.entity in OVERLAP_KINDS:
            plan = self._kept_in_conflict(op, guard)
            if plan is not None:
                return plan
        return self._refuse_error(op, exc)

    def _refuse_error(self, op: PushOp, exc: psycopg.Error) -> _Plan:
        table = synced_table(op.entity)
        current = self.rows.get(op.entity_id)
        diag = exc.diag
        reason = f"{diag.constraint_name or diag.sqlstate}: {diag.message_primary or exc}"
        return self._refuse(op, table, current, reason)

    def _kept_in_conflict(self, op: PushOp, guard: overlaps.Guard) -> _Plan | None:
        """Another desk's row took the slot (a booking's time, a lease's days) first:
        this row is stored with status `conflict` (it takes nothing; its charges
        and payments stay), and an open conflict names both rows (local: this
        one, server: the winner) until it is moved or cancelled."""
        table = synced_table(op.entity)
        incoming = table.to_python(op.payload)
        winner = self._in_the_way(table, guard, incoming)
        if winner is None:
            return None
        current = self.rows.get(op.entity_id)
        theirs = 0 if current is None else int(current["version"])
        version = max(int(incoming["version"]), theirs) + 1
        kept = {**incoming, "status": CONFLICT}
        plan = self._write(op, table, kept, version, "applied")
        reason = f"{guard.constraint}: {self._label(guard, winner)} ({winner['id']})"
        kind = OVERLAP_KINDS[op.entity]
        conflict = self._conflict(op, table, winner, "server", kind, "open", reason)
        plan.writes += conflict.writes
        plan.changes += conflict.changes
        plan.result = _with_conflict(plan.result, conflict.result.conflict_id)
        return plan

    def _label(self, guard: overlaps.Guard, winner: dict[str, Any]) -> str:
        """What names the winning row in the conflict: a booking's title; a lease's
        stall and tenant (`FC2-07 · Soto Betawi Bang Ali`)."""
        if guard.table != "leases":
            return str(winner.get("title", ""))
        row = self.conn.execute(
            "SELECT s.code || ' · ' || b.name FROM stalls s, tenants t, businesses b"
            " WHERE s.id = %s AND t.id = %s AND b.id = t.business_id",
            (winner["stall_id"], winner["tenant_id"]),
        ).fetchone()
        return "" if row is None else str(row[0])

    def _in_the_way(
        self, table: SyncedTable, guard: overlaps.Guard, row: dict[str, Any]
    ) -> dict[str, Any] | None:
        """The live row of the same owner (space, stall) that meets this one as the
        guard compares them (its columns, bounds and free statuses)."""
        query = sql.SQL(
            "SELECT {cols} FROM {t} WHERE {owner} = %s AND id <> %s"
            " AND status <> ALL(%s) AND deleted_at IS NULL"
            " AND {start} {lt} %s AND %s {lt} {end} ORDER BY {start}, id LIMIT 1"
        ).format(
            cols=sql.SQL(", ").join(sql.Identifier(c) for c in table.columns),
            t=sql.Identifier(guard.table),
            owner=sql.Identifier(guard.owner),
            start=sql.Identifier(guard.start),
            end=sql.Identifier(guard.end),
            lt=sql.SQL(guard.before),
        )
        params = (row[guard.owner], row["id"], list(guard.free), row[guard.end], row[guard.start])
        found = self.conn.execute(query, params).fetchone()
        if found is None:
            return None
        return table.to_python(dict(zip(table.columns, found, strict=True)))

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


def _grouped(plans: Sequence[_Plan]) -> list[tuple[str, list[list[Any]]]]:
    """A batch's writes as few statements with many rows: table by table, parents
    first (rank: foreign-key order), each table's writes in their own order (so a
    row written twice ends as its last write), a run of the same statement as one
    `executemany`. Any refusal sends the whole batch down the one-op-at-a-time path,
    in the ops' own order, which decides what is refused."""
    by_table: dict[str, list[tuple[str, list[Any]]]] = {}
    for plan in plans:
        for table, statement, params in plan.writes:
            by_table.setdefault(table, []).append((statement, params))
    runs: list[tuple[str, list[list[Any]]]] = []
    for table in sorted(by_table, key=lambda name: synced_table(name).rank):
        for statement, params in by_table[table]:
            if runs and runs[-1][0] == statement:
                runs[-1][1].append(params)
            else:
                runs.append((statement, [params]))
    return runs


def _with_conflict(result: OpResult, conflict_id: str | None) -> OpResult:
    return OpResult(result.op_id, result.status, result.server_seq, result.version, conflict_id)
