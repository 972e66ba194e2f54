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
- A row the server's constraints refuse (a unique number taken) is rejected:
  nothing of it is applied, and an "open" conflict holds it until a supervisor
  decides. So is a change of a fact or of a row only its own desk may change
  (smesco_desk.db.facts).
- A booking arrives `provisional` and is stored `confirmed` (the desk pulls it
  back). One whose slot another desk's booking took first (the exclusion
  constraint bookings_no_overlap) is stored with status `conflict`, which takes
  no slot, its charge and payments untouched, and an open `booking_overlap`
  conflict names both bookings until it is moved or cancelled. A stall's lease
  whose days another desk leased first (leases_no_overlap) is kept the same
  way: status `conflict`, an open `lease_overlap` conflict naming both leases.
- Erasures are carried out here too (smesco_desk.sync.erasure); the change log
  keeps each row's latest change only (smesco_desk.sync.changelog).
- Rules across rows (one live payment per charge, one visitor per person, one
  open visit per person) run after each batch: see smesco_desk.sync.settle.

This module runs a push (`push_ops`); a batch is planned and written by
`server_push.PushBatch`, and the queries and row writing it shares with
enrolment and pulls are in `server_queries`. Their names are importable from
here too, as they were before the split.
"""

from __future__ import annotations

from collections.abc import Sequence

from psycopg.types.json import Json

from smesco_desk.sync import changelog, erasure
from smesco_desk.sync.server_push import CONFLICTS, REFUSALS, OpResult, PushBatch, PushOp
from smesco_desk.sync.server_queries import (
    CHANGES_LOCK,
    Change,
    Conn,
    copy_rows,
    enrolled_desks,
    fetch_changes,
    fetch_rows,
    finish_changes,
    has_sync_tables,
    insert_changes,
    lock_changes,
    offer_nik_key,
    receipt_high_water,
    revision_and_now,
    row_params,
    shared_nik_key,
    upsert_sql,
)
from smesco_desk.sync.settle import settle
from smesco_desk.sync.tables import synced_table
from smesco_desk.sync.values import SyncRefused

__all__ = [
    "CHANGES_LOCK",
    "CONFLICTS",
    "REFUSALS",
    "Change",
    "Conn",
    "copy_rows",
    "OpResult",
    "PushBatch",
    "PushOp",
    "check_desk",
    "enrolled_desks",
    "fetch_changes",
    "fetch_rows",
    "finish_changes",
    "has_sync_tables",
    "insert_changes",
    "lock_changes",
    "offer_nik_key",
    "push_ops",
    "receipt_high_water",
    "revision_and_now",
    "row_params",
    "shared_nik_key",
    "upsert_sql",
]


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
    copy_rows(
        conn,
        "sync_applied_ops",
        ("op_id", "desk", "server_seq", "result"),
        [(r.op_id, desk, r.server_seq, Json(r.to_json())) for r in results],
    )
