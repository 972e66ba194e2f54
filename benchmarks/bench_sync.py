"""Sync throughput: 10,000 queued operations pushed, 10,000 changes pulled.

    uv run python benchmarks/bench_sync.py [--ops 10000] [--pg postgresql+psycopg://root@127.0.0.1:5432/postgres]

Desk D01 registers walk-ins (3 outbox operations each: visit, visitor, audit)
until `--ops` operations wait, then `core.sync.push()` sends them (batches of
500, one server transaction each, idempotency records, change log). Desk D02,
enrolled before, then pulls the same changes with `core.sync.pull()` into its
SQLite (one IMMEDIATE transaction per 1,000 changes, cursor included).

Beside each, two floors, each as a ratio: the same rows written raw with
psycopg into empty copies of the tables (indexes, no triggers, no foreign keys),
by `executemany` (upsert) and by COPY (push); the same change rows fetched raw
(a SELECT, and COPY ... TO STDOUT) and inserted with sqlite3 `executemany` into
a scratch file (pull). Issue 14's goal: within 2x of raw each way. Uses scratch
databases on the given PostgreSQL; prints figures; asserts nothing.

Where the time went (cProfile, 3,000 ops, 2 shared cores, before issue 14):
- push 7.4 s: the cross-row rules (settle.one_visitor_per_person) 4.8 s, three
  queries per pushed visitor, two per visit and one per person: ~8,000 round
  trips; writing the rows 0.9 s; the change log and applied-ops `executemany`
  0.46 s; acknowledging in SQLite (ORM bulk update) 0.42 s; reading the outbox
  as ORM objects 0.36 s.
- pull 5.7 s: search words made row by row (three SQLAlchemy statements for each
  visitor, two for each visit) 4.6 s; storing the rows 0.5 s.
What was taken away: the rules ask once per batch (which visitors have a twin,
which visits a merged visitor or a check-out fact, each person's open visits)
and do the slow per-person work only for the few that need it; the change log
and the applied ops go by COPY; a batch's row writes go table by table (parents
first, each table's writes in order) as `executemany` (any refusal: the whole
batch again one op at a time, as before); the outbox is read as plain columns
and acknowledged with one Core `executemany`; a pulled batch's search words are
made once, after its rows. After (same 3,000): push 2.1 s, of which deciding
each op in Python (to_python, to_payload, JSON) 0.34 s, the row writes 0.4 s,
acknowledging 0.33 s, the rules 0.2 s, COPY 0.21 s, reading the outbox 0.19 s;
pull 1.0-1.3 s: storing rows 0.35-0.5 s, search words 0.3 s, fetching 0.15 s.
At 10,000 ops (2026-12-07 04:29, load 6.6 on the shared cores): push 3.85 s =
2,596 ops/s (9.4x raw executemany, 15.9x raw COPY), pull 1.25 s = 7,978 ops/s
(4.7x / 7.4x); before, the same VM at load 1.7: push 802, pull 1,405 ops/s
(30.2x / 42.5x raw executemany).

Second round (2026-12-07 06:20-07:15, 2 shared cores at load 2-6 all along:
identical runs differed by 2x in wall time). cProfile, 3,000 ops, before:
push 1.5 s: the server batch 1.09 s (planning each op 0.30, the rows'
`executemany` 0.21, the rules 0.16, the two COPYs 0.17), acknowledging 0.20
(SQLAlchemy's per-row parameters and the text guard), reading the outbox 0.13
(JSON); pull 0.82 s: storing rows 0.35 (an upsert and a DELETE FROM sync_held
for every change; SQLAlchemy's bind processors 0.12), search words 0.25 (the
SQLAlchemy insert and the text guard walking each word through generators
0.17), fetching 0.10. Taken away: that DELETE while nothing is held (half a
pull's statements); search words as plain tuples in one driver `executemany`
(same SQL; the connection's events still run); the text guard a loop;
acknowledging through the driver with SQLAlchemy's own bind processors (same
SQL); each synced table's payload converters chosen once per column.
Measured and dropped: 500-row INSERT ... VALUES ... ON CONFLICT statements
instead of the pipelined `executemany`: 1.5-2.0 s against 0.27-0.44 s for
the same 3,000 rows.
At 10,000 ops, wall time (load average at the start):
  before: push 1,719 / 902 / 2,215 ops/s = 6.1x / 10.8x / 5.5x raw executemany
          (loads 1.9 / 3.9 / 5.1); pull 3,491 / 1,727 / 3,265 ops/s = 15.7x /
          19.3x / 12.6x. Medians: push 1,719 ops/s (6.1x), pull 3,265 (15.7x).
  after:  push 1,120 / 1,413 / 1,269 ops/s = 6.4x / 7.9x / 8.0x raw
          executemany (loads 4.9 / 3.5 / 3.1); pull 2,791 / 2,720 / 2,730 ops/s =
          13.7x / 17.7x / 22.4x. Medians: push 1,269 ops/s (7.9x), pull 2,730
          (17.7x). Lower than before's medians, which come from the one quiet
          run (load 1.9); at like loads (3-5) the before and after runs overlap.
Client CPU (process_time, 3,000 ops, before and after alternating, twice):
push 0.83, 0.98 s before / 0.91, 0.85 s after; pull 0.62, 0.77 / 0.69, 0.66.
So the work taken away shows in cProfile but not above this machine's noise:
no speed-up can honestly be claimed, and 2x is not reached either way.

What stands in the way of 2x (about 5,000 ops/s push and 25,000 ops/s pull
here): the raw floor writes each row once into tables without triggers or
foreign keys. A push also writes, per op, its change-log row and its
idempotency record (three rows, not one), reads and decodes the op from
SQLite and marks it sent there (two fsynced commits per batch of 500), checks
its version against the server's row and runs the cross-row rules; about half
of its time is this process's own CPU, spread over a dozen costs none above a
tenth (payload conversion, JSON both ways, psycopg's parameter dumping). A pull
also decodes each JSON payload into typed values, binds them as SQLAlchemy
stores them, upserts into the real tables (their indexes and triggers) and
makes the desk's search words (about ten rows per visitor, each through the
text guard). Next worth measuring: COPY into a temporary table and one INSERT
... SELECT ... ON CONFLICT per table for push (needs a split wherever a batch
writes a row twice), a converter straight from payload text to SQLite's
stored value for pull (checked against SQLAlchemy's), and larger batches.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg
from _common import header
from psycopg import sql
from sqlalchemy import text
from sqlalchemy.engine import make_url

from smesco_desk.services.actors import cli_actor
from smesco_desk.services.core import Core, open_core
from smesco_desk.sync.server import row_params, upsert_sql
from smesco_desk.sync.tables import synced_table
from smesco_desk.values.visitors import VisitorForm

GOAL_OPS_PER_S = 1000.0


def admin(url: str) -> psycopg.Connection[Any]:
    u = make_url(url)
    return psycopg.connect(
        host=u.host,
        port=u.port,
        user=u.username,
        password=u.password,
        dbname="postgres",
        autocommit=True,
    )


def fill_outbox(core: Core, ops: int) -> int:
    actor = cli_actor()
    queued = 0
    i = 0
    while queued < ops:
        core.visitors.register(
            actor,
            VisitorForm(f"Tamu Uji {i}", f"0812{i:08d}", "meeting", "Koperasi Maju", consent=True),
        )
        queued += 3
        i += 1
    return queued


def pending_payloads(core: Core) -> list[tuple[str, dict[str, Any]]]:
    with core.db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT entity, payload FROM outbox WHERE sent_at IS NULL ORDER BY seq")
        )
        import json

        return [(e, json.loads(p) if isinstance(p, str) else p) for e, p in rows]


def raw_push(url: str, payloads: list[tuple[str, dict[str, Any]]], copy: bool) -> float:
    """Seconds for a raw executemany (upsert) or COPY of the same rows into empty
    copies of the tables (indexes included; no triggers, no foreign keys)."""
    u = make_url(url)
    with psycopg.connect(
        host=u.host, port=u.port, user=u.username, dbname=u.database, autocommit=True
    ) as conn:
        for name in ("visitors", "visits", "audit_log"):
            conn.execute(f"CREATE TEMP TABLE raw_{name} (LIKE {name} INCLUDING ALL)")
        by_table: dict[str, list[list[Any]]] = {}
        for entity, payload in payloads:
            table = synced_table(entity)
            by_table.setdefault(entity, []).append(row_params(table, table.to_python(payload)))
        started = time.perf_counter()
        with conn.transaction(), conn.cursor() as cur:
            for name, params in by_table.items():
                if copy:
                    cols = ", ".join(f'"{c}"' for c in synced_table(name).columns)
                    with cur.copy(f"COPY raw_{name} ({cols}) FROM STDIN") as out:
                        for row in params:
                            out.write_row(row)
                else:
                    stmt = upsert_sql(name).replace(f'INTO "{name}"', f'INTO "raw_{name}"', 1)
                    cur.executemany(stmt, params)
        return time.perf_counter() - started


def raw_pull(url: str, after: int, count: int, folder: Path, copy: bool) -> float:
    """Seconds to fetch the same changes (a SELECT, or COPY ... TO STDOUT) and
    executemany them into a scratch SQLite."""
    u = make_url(url)
    query = (
        "SELECT seq, entity, entity_id, payload::text FROM sync_changes"
        f" WHERE seq > {int(after)} ORDER BY seq LIMIT {int(count)}"
    )
    started = time.perf_counter()
    with psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database) as conn:
        if copy:
            with conn.cursor() as cur, cur.copy(f"COPY ({query}) TO STDOUT") as out:
                out.set_types(["bigint", "text", "text", "text"])
                rows = list(out.rows())
        else:
            rows = conn.execute(query).fetchall()  # type: ignore[arg-type]
    path = folder / f"raw-{'copy' if copy else 'select'}.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE changes (seq INTEGER PRIMARY KEY, entity, entity_id, payload)")
    with db:
        db.executemany("INSERT INTO changes VALUES (?, ?, ?, ?)", rows)
    db.close()
    return time.perf_counter() - started


def goal_line(label: str, rate: float) -> str:
    verdict = "meets the goal" if rate >= GOAL_OPS_PER_S else "BELOW THE GOAL"
    return f"{label}: {rate:.0f} ops/s (goal >= {GOAL_OPS_PER_S:g} ops/s): {verdict}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--pg", default="postgresql+psycopg://root@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    header(f"sync: {args.ops} operations pushed, the same changes pulled by another desk")
    name = f"bench_sync_{uuid.uuid4().hex[:8]}"
    with admin(args.pg) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    server = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            run(Path(tmp), server, args.ops)
    finally:
        with admin(args.pg) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def run(folder: Path, server: str, ops: int) -> None:
    d1 = open_core(folder / "d1")
    d1.setup.initialize("D01")
    d1.sync.enroll(server, "D01")
    d2 = open_core(folder / "d2")
    d2.sync.enroll(server, "D02")
    d2.sync.push()
    queued = fill_outbox(d1, ops)
    payloads = pending_payloads(d1)
    cursor = d2.sync.status().cursor

    started = time.perf_counter()
    pushed = d1.sync.push()
    push_s = time.perf_counter() - started
    assert pushed.error is None and pushed.sent == queued, pushed

    started = time.perf_counter()
    pulled = d2.sync.pull()
    pull_s = time.perf_counter() - started
    assert pulled.error is None and pulled.received == queued, pulled

    raw = {
        ("push", "executemany"): raw_push(server, payloads, copy=False),
        ("push", "COPY"): raw_push(server, payloads, copy=True),
        ("pull", "executemany"): raw_pull(server, cursor, queued, folder, copy=False),
        ("pull", "COPY"): raw_pull(server, cursor, queued, folder, copy=True),
    }
    for way, seconds in (("push", push_s), ("pull", pull_s)):
        print(f"   {way}: {queued} ops in {seconds:.2f} s = {queued / seconds:8.0f} ops/s")
        for floor in ("executemany", "COPY"):
            raw_s = raw[way, floor]
            verdict = "within 2x" if seconds <= 2 * raw_s else "more than 2x"
            print(
                f"      raw {floor:<11} {queued / raw_s:8.0f} rows/s;"
                f" ratio {seconds / raw_s:5.1f}x ({verdict})"
            )
    print("   " + goal_line("push", queued / push_s))
    print("   " + goal_line("pull", queued / pull_s))
    d1.close()
    d2.close()


if __name__ == "__main__":
    main()
