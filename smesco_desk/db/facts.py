"""Facts are append-only (DESIGN.md): which tables hold them, and the triggers that
make SQLite (every desk) and PostgreSQL (the server) refuse to change them.

A fact row is never deleted and never changed. A trigger lets through only:

- a new `server_seq` (sync numbers a row the server holds; nothing else moves);
- an erasure (UU PDP), the one sanctioned rewrite: inside the erasure's own
  transaction a row of `sanctioned_rewrites` (kind "erasure", subject: the
  visitor) exists, and the person's erasure is itself recorded as an `erasures`
  fact (with its audit entry) in that transaction or before. Then the personal
  columns of a fact, and only those, may change (a receipt's payer, an audit
  entry's detail). The grant row is deleted before the transaction commits, so
  no other transaction ever sees it; even a grant left behind would allow only
  blanking personal columns, never an amount, a number or a time;
- at a desk only, deleting a row the server never accepted once a supervisor
  kept the server's outcome of its rejection (the withdrawal of sync.service),
  and a new desk replacing its set-up rows by the server's snapshot at enrolment
  (kind "enrolment", inside that transaction).

`visits` holds the check-in fact beside columns that change (the check-out time
copied from its fact, the visitor a merge points it at): there the check-in
columns are frozen and the name copied at check-in changes only by erasure.

PostgreSQL raises SQLSTATE 23000 with the constraint name `append_only_<table>`:
the server's sync treats it as any refused row, an open conflict.
A later migration that adds a column to one of these tables runs `install`
again for it (SQLite's triggers list the columns they compare).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection


@dataclass(frozen=True)
class Guard:
    """How a table's rows may change: `personal` only by an erasure, `mutable` freely."""

    personal: tuple[str, ...] = ()
    mutable: tuple[str, ...] = ()


GUARDS: dict[str, Guard] = {
    "audit_log": Guard(personal=("detail",)),
    "receipts": Guard(personal=("payer_name", "payer_key")),
    "receipt_voids": Guard(),
    "refund_payouts": Guard(),
    "receipt_prints": Guard(),
    "visit_checkouts": Guard(),
    "erasures": Guard(),
    "receipt_number_gaps": Guard(),
    "visits": Guard(
        personal=("visitor_name", "organisation"),
        mutable=(
            "visitor_id",
            "purpose_code",
            "host",
            "valid_until",
            "checked_out_at",
            "version",
            "updated_at",
        ),
    ),
}
# Rows only the desk that made them may change (a shift is closed at its own desk).
OWNED_BY_ORIGIN = frozenset({"cash_shifts"})
BOOKKEEPING = ("server_seq",)


def refusal(table: str, current: Mapping[str, Any], incoming: Mapping[str, Any], desk: str) -> str:
    """Why the server refuses `desk`'s change of a row it holds ("" if it does not).

    Checked before writing so that a change of a fact is an open conflict even
    when the concurrent-edit rule would have kept the server's row anyway.
    """
    guard = GUARDS.get(table)
    if guard is not None:
        skip = set(guard.mutable) | set(BOOKKEEPING)
        changed = sorted(c for c in incoming if c not in skip and incoming[c] != current.get(c))
        if changed:
            return (
                f"append_only_{table}: a fact of desk {current.get('origin_desk')} cannot be"
                f" changed by desk {desk} ({', '.join(changed)})"
            )
    if table in OWNED_BY_ORIGIN and current.get("origin_desk") not in (None, desk):
        return f"owned_by_origin: only desk {current.get('origin_desk')} changes this {table} row"
    return ""


# --- SQLite ---------------------------------------------------------------------

_GRANTED = (
    "EXISTS (SELECT 1 FROM sanctioned_rewrites g JOIN erasures e"
    " ON e.visitor_id = g.subject WHERE g.kind = 'erasure')"
)
_ENROLMENT = "EXISTS (SELECT 1 FROM sanctioned_rewrites WHERE kind = 'enrolment')"
_WITHDRAWN = (
    "EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.entity_id = OLD.id"
    " AND c.kind = 'rejected' AND c.status = 'resolved' AND c.resolution = 'keep')"
)


def _any_changed(columns: list[str]) -> str:
    return " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns) or "0"


def sqlite_triggers(table: str, columns: list[str]) -> list[str]:
    """CREATE TRIGGER statements guarding `table` (whose columns are `columns`)."""
    guard = GUARDS[table]
    personal = [c for c in columns if c in guard.personal]
    frozen = [c for c in columns if c not in (*guard.personal, *guard.mutable, *BOOKKEEPING)]
    refuse = "BEGIN SELECT RAISE(ABORT, 'append-only: {t} rows are facts; {op} refused'); END"
    update_when = f"({_any_changed(frozen)})"
    if personal:
        update_when += f" OR (({_any_changed(personal)}) AND NOT {_GRANTED})"
    delete_when = (
        f"NOT {_ENROLMENT} AND (OLD.server_seq IS NOT NULL OR NOT {_WITHDRAWN})"
    )
    return [
        f'CREATE TRIGGER "append_only_{table}_update" BEFORE UPDATE ON "{table}"'
        f" WHEN {update_when} " + refuse.format(t=table, op="UPDATE"),
        f'CREATE TRIGGER "append_only_{table}_delete" BEFORE DELETE ON "{table}"'
        f" WHEN {delete_when} " + refuse.format(t=table, op="DELETE"),
    ]


# --- PostgreSQL ------------------------------------------------------------------

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION smesco_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    personal text[] := string_to_array(TG_ARGV[0], ',');
    skip text[] := string_to_array(TG_ARGV[1], ',') || ARRAY['server_seq'];
    before jsonb;
    after jsonb;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        before := to_jsonb(OLD) - skip;
        after := to_jsonb(NEW) - skip;
        IF before = after THEN
            RETURN NEW;
        END IF;
        IF (before - personal) = (after - personal) AND EXISTS (
            SELECT 1 FROM sanctioned_rewrites g JOIN erasures e ON e.visitor_id = g.subject
            WHERE g.kind = 'erasure'
        ) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'append-only: % rows are facts; % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation',
              CONSTRAINT = 'append_only_' || TG_TABLE_NAME;
END
$$
"""


def postgres_triggers(table: str) -> list[str]:
    guard = GUARDS[table]
    args = f"'{','.join(guard.personal)}', '{','.join(guard.mutable)}'"
    return [
        f'CREATE TRIGGER "append_only_{table}" BEFORE UPDATE OR DELETE ON "{table}"'
        f" FOR EACH ROW EXECUTE FUNCTION smesco_append_only({args})",
        f'CREATE TRIGGER "append_only_{table}_truncate" BEFORE TRUNCATE ON "{table}"'
        f" FOR EACH STATEMENT EXECUTE FUNCTION smesco_append_only({args})",
    ]


# --- installing ------------------------------------------------------------------


def install(conn: Connection, tables: tuple[str, ...] = tuple(GUARDS)) -> None:
    """Create (or re-create) the triggers of `tables` on this connection's database."""
    uninstall(conn, tables)
    if conn.dialect.name == "postgresql":
        conn.execute(text(PG_FUNCTION))
        statements = [s for t in tables for s in postgres_triggers(t)]
    else:
        inspector = inspect(conn)
        statements = [
            s
            for t in tables
            for s in sqlite_triggers(t, [c["name"] for c in inspector.get_columns(t)])
        ]
    for statement in statements:
        conn.execute(text(statement))


def uninstall(conn: Connection, tables: tuple[str, ...] = tuple(GUARDS)) -> None:
    for table in tables:
        if conn.dialect.name == "postgresql":
            for name in (f"append_only_{table}", f"append_only_{table}_truncate"):
                conn.execute(text(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"'))
        else:
            for suffix in ("update", "delete"):
                conn.execute(text(f'DROP TRIGGER IF EXISTS "append_only_{table}_{suffix}"'))
