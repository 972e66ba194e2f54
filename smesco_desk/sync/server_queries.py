"""The central server's tables as a desk's sync worker reads and writes them.

Small queries (schema revision, enrolled desks, the shared NIK key, receipt
high-water marks), the change log's lock, counter and rows, and the generic
writing of synced rows. The rules they serve are in smesco_desk.sync.server.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Json

from smesco_desk.sync.connection import NOTIFY_CHANNEL
from smesco_desk.sync.tables import SyncedTable, synced_table

Conn = psycopg.Connection[Any]
# Serialises every transaction that takes change numbers (any constant will do).
CHANGES_LOCK = 0x534D_4553_434F  # "SMESCO"


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


# A pull's batch stops before this many bytes of payloads (documents' bytes travel
# in them); the first change always comes.
PULL_BYTES = 24 * 1024 * 1024


def fetch_changes(conn: Conn, after: int, limit: int, max_bytes: int = PULL_BYTES) -> list[Change]:
    """Changes after the cursor, in commit order: at most `limit`, and no more
    than about `max_bytes` of payloads (but at least one)."""
    rows = conn.execute(
        "SELECT seq, entity, entity_id, origin_desk, payload FROM sync_changes WHERE seq IN"
        " (SELECT seq FROM (SELECT seq, sum(pg_column_size(payload)) OVER (ORDER BY seq)"
        " AS running, row_number() OVER (ORDER BY seq) AS n FROM (SELECT seq, payload"
        " FROM sync_changes WHERE seq > %s ORDER BY seq LIMIT %s) first) sized"
        " WHERE running <= %s OR n = 1) ORDER BY seq",
        (after, limit, max_bytes),
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
    copy_rows(
        conn,
        "sync_changes",
        ("seq", "entity", "entity_id", "origin_desk", "op_id", "payload"),
        changes,
    )


def copy_rows(
    conn: Conn, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Plain inserts of many rows with one COPY (a log appended to: no upsert, and
    a constraint that refuses a row fails the whole statement, as an INSERT would)."""
    if not rows:
        return
    statement = sql.SQL("COPY {t} ({cols}) FROM STDIN").format(
        t=sql.Identifier(table), cols=sql.SQL(", ").join(sql.Identifier(c) for c in columns)
    )
    with conn.cursor() as cur, cur.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


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
