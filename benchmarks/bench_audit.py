"""The audit viewer on a large log: 1,000,000 audit rows by 25 people over three years.

    uv run python benchmarks/bench_audit.py [--rows 1000000] [--runs 30]

Bulk-inserts the rows (a fixture, raw `executemany`, every column as
`recording.audit` fills it) into a fresh desk, then times what the Audit
page waits on: the first page with its count (`count` + `entries(.., 0, 200)`)
with no filter, by one user, by one kind, by an area, by a week, and all
together; a page deep in the log (offset 20,000, as far as a person scrolls);
the lists the filters offer (`actors`, `kinds`); and the CSV export of one
user's month. Budget: the first page with its count under 100 ms for every
filter. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import budget_line, fmt, header, summary, timings  # noqa: E402

from smesco_desk.paths import database_path  # noqa: E402
from smesco_desk.services.actors import SYSTEM, Role  # noqa: E402
from smesco_desk.services.core import open_core  # noqa: E402
from smesco_desk.values.audit import AuditFilter  # noqa: E402

BUDGET_MS = 100.0
START = datetime(2024, 1, 1, tzinfo=UTC)
USERS = [f"staf{n:02}" for n in range(25)]
AREAS = {
    "visit": ["check_in", "check_out", "badge_print"],
    "receipt": ["issue", "print", "void"],
    "booking": ["create", "cancel", "move", "check_in"],
    "user": ["login", "create", "rename", "password_reset", "locked"],
    "lease": ["create", "end", "renew"],
    "payment": ["take", "refund"],
    "shift": ["open", "close"],
    "privacy": ["export", "erase"],
}
ACTIONS = [f"{area}.{verb}" for area, verbs in AREAS.items() for verb in verbs]
# Most of a front desk's log is check-ins, logins and receipts.
WEIGHTS = [30 if a in ("visit.check_in", "visit.check_out", "user.login", "receipt.issue")
           else 1 for a in ACTIONS]  # fmt: skip


def fill(db: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    span = (datetime(2026, 12, 1, tzinfo=UTC) - START).total_seconds()
    moments = sorted(rng.uniform(0, span) for _ in range(rows))
    conn = sqlite3.connect(db)
    try:
        batch = []
        for i, offset in enumerate(moments):
            at = (START + timedelta(seconds=offset)).strftime("%Y-%m-%d %H:%M:%S.%f")
            action = rng.choices(ACTIONS, WEIGHTS)[0]
            actor = rng.choice(USERS)
            detail = json.dumps({"n": i, "note": "Ñoño Çağlar"}, ensure_ascii=False)
            batch.append((str(uuid.uuid4()), "D01", 1, None, at, at, None, at, actor, "user",
                          action, action.split(".")[0] + "s", str(uuid.uuid4()), detail))
            if len(batch) == 20_000:
                _insert(conn, batch)
                batch = []
        _insert(conn, batch)
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        conn.close()


def _insert(conn: sqlite3.Connection, batch: list[tuple[object, ...]]) -> None:
    conn.executemany(
        "INSERT INTO audit_log (id, origin_desk, version, server_seq, created_at, updated_at, "
        "deleted_at, at, actor, actor_kind, action, entity, entity_id, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    conn.commit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    header(f"audit viewer, {args.rows:,} rows")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        core = open_core(folder)
        core.setup.initialize("D01")
        for name in USERS:
            core.users.create(SYSTEM, name, name.title(), "bench-2026!", Role.RECEPTIONIST.value)
        core.close()
        started = time.perf_counter()
        fill(database_path(folder), args.rows)
        print(f"   filled in {time.perf_counter() - started:.0f} s")
        core = open_core(folder)
        audit, who = core.audit, SYSTEM
        week = (date(2026, 6, 1), date(2026, 6, 7))
        filters = {
            "no filter": AuditFilter(),
            "one user": AuditFilter(actor="staf07"),
            "one kind (rare)": AuditFilter(kind="privacy.erase"),
            "one kind (common)": AuditFilter(kind="visit.check_in"),
            "an area (user.*)": AuditFilter(kind="user"),
            "a week": AuditFilter(date_from=week[0], date_to=week[1]),
            "user + kind + week": AuditFilter("staf07", "visit.check_in", *week),
        }
        worst = 0.0
        for label, flt in filters.items():
            def first(f: AuditFilter = flt) -> None:
                audit.count(who, f)
                audit.entries(who, f, 0, 200)
            stats = summary(timings(first, args.runs))
            worst = max(worst, stats["p95"])
            print(f"   first page + count, {label:20} {fmt(stats)}  "
                  f"({audit.count(who, flt):,} rows)")
        deep = summary(timings(lambda: audit.entries(who, AuditFilter(), 20_000, 200), args.runs))
        print(f"   page at offset 20,000, no filter       {fmt(deep)}")
        print(f"   actors()                               "
              f"{fmt(summary(timings(lambda: audit.actors(who), args.runs)))}")
        print(f"   kinds()                                "
              f"{fmt(summary(timings(lambda: audit.kinds(who), args.runs)))}")
        month = AuditFilter("staf07", "", date(2026, 5, 1), date(2026, 5, 31))
        rows = audit.count(who, month)
        export = summary(timings(lambda: audit.export_csv(who, month), max(3, args.runs // 10)))
        print(f"   CSV export, one user's month ({rows:,} rows) {fmt(export)}")
        print("   " + budget_line("worst first page + count (p95)", worst, BUDGET_MS))
        core.close()


if __name__ == "__main__":
    main()
