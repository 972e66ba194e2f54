"""Sync soak: desks register, sell and sync through a proxy that cuts at random.

    uv run python benchmarks/bench_sync_soak.py [--desks 3] [--syncs 600] [--work 2]
        [--cut-every 0.5] [--seed 1] [--pg postgresql+psycopg://root@127.0.0.1:5432/postgres]

Two or three desks (threads in this process, each its own SQLite folder) reach
a scratch central database only through the tests' TcpProxy. Each desk loops:
`--work` local changes (a walk-in registered, every fourth one a sale with its
receipt), then one sync operation (`run_once`: push and pull), until `--syncs`
operations ran in all. Meanwhile a cutter thread, every 0-2x `--cut-every`
seconds, does one of: drop every open connection; let the next COMMIT through
and drop its answer (the server committed, the desk never hears); drop a
connection after a random number of bytes from the server (mid-pull).

Then the link is left alone, every desk syncs until nothing waits, and the
script checks (and prints) that nothing was lost or applied twice: every visit
and receipt made at any desk is on the server and at every desk, once; every
outbox operation has exactly one applied record on the server; no operation
produced two changes; each desk's receipt series on the server is 1..n with no
gap; no conflict, nothing held. Exit status 1 if a check fails.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psycopg
from _common import ROOT, header
from psycopg import sql
from sqlalchemy import text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(ROOT))

from smesco_desk.domain.charges import LineInput  # noqa: E402
from smesco_desk.services.actors import Actor, Role  # noqa: E402
from smesco_desk.services.core import Core, open_core  # noqa: E402
from smesco_desk.sync.connection import conninfo  # noqa: E402
from smesco_desk.values.payments import ChargeForm, PayerForm, PaymentForm  # noqa: E402
from smesco_desk.values.visitors import VisitorForm  # noqa: E402
from tests.sync.proxy import TcpProxy  # noqa: E402

DESK = Actor("soak", Role.RECEPTIONIST, "user", "Soak")


class Desk:
    """One desk's loop and what it made (ids of visits, receipt numbers)."""

    def __init__(self, core: Core, code: str, seed: int) -> None:
        self.core, self.code = core, code
        self.rng = random.Random(seed)
        self.visits: set[str] = set()
        self.receipts: set[str] = set()
        self.syncs = self.failed = 0
        self.n = 0
        # Operations the enrolment sent as rows (the first desk's upload): no op record.
        self.uploaded = _scalar(core, "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")

    def work(self, changes: int) -> None:
        for _ in range(changes):
            self.n += 1
            if self.n % 4 == 0:
                self._sell()
            else:
                form = VisitorForm(
                    name=f"Tamu {self.code} {self.n}",
                    phone=f"0812{int(self.code[1:]):02d}{self.n:06d}",
                    purpose="meeting",
                    consent=True,
                )
                self.visits.add(self.core.visitors.register(DESK, form).id)

    def _sell(self) -> None:
        lines = (LineInput("Cetak warna A4", 1 + self.n % 5, 3_000),)
        form = ChargeForm(PayerForm("visitor", f"Tamu {self.n}"), "service", lines, source="sale")
        receipt = self.core.payments.sell(DESK, form, PaymentForm("cash", 50_000, ""))
        self.receipts.add(receipt.number)

    def sync(self) -> None:
        self.syncs += 1
        if self.core.sync.run_once().error:
            self.failed += 1


class Cutter(threading.Thread):
    def __init__(self, proxy: TcpProxy, every: float, seed: int) -> None:
        super().__init__(daemon=True)
        self.proxy, self.every = proxy, every
        self.rng = random.Random(seed)
        self.stop = threading.Event()
        self.kinds: Counter[str] = Counter()

    def run(self) -> None:
        while not self.stop.wait(self.rng.uniform(0, 2 * self.every)):
            kind = self.rng.choice(["all", "after_commit", "mid_transfer"])
            self.kinds[kind] += 1
            if kind == "all":
                self.proxy.cut_all()
            elif kind == "after_commit":
                self.proxy.cut_after_commit()
            else:
                self.proxy.cut_after_server_bytes(self.rng.randint(200, 60_000))


def admin(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(**{**conninfo(url, "soak"), "dbname": "postgres"}, autocommit=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desks", type=int, choices=[2, 3], default=3)
    parser.add_argument("--syncs", type=int, default=600, help="sync operations in all")
    parser.add_argument("--work", type=int, default=2, help="local changes before each sync")
    parser.add_argument("--cut-every", type=float, default=0.5, help="mean seconds between cuts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", default="postgresql+psycopg://root@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    # psycopg warns for every pipeline a cut interrupts: expected here by the hundred.
    logging.getLogger("psycopg").setLevel(logging.ERROR)
    header(f"sync soak: {args.desks} desks, {args.syncs} sync operations, random cuts")
    name = f"smesco_soak_{int(time.time())}"
    server_url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
    with admin(args.pg) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    proxy = TcpProxy.for_url(server_url)
    try:
        with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
            return soak(args, Path(tmp), proxy, server_url)
    finally:
        proxy.close()
        with admin(args.pg) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def enrol(root: Path, proxy: TcpProxy, server_url: str, n: int, seed: int) -> list[Desk]:
    desks = []
    for i in range(n):
        code = f"D{i + 1:02d}"
        core = open_core(root / code.lower())
        if i == 0:
            core.setup.initialize(code)
        core.sync.enroll(proxy.url(server_url), code)
        core.payments.open_shift(DESK, 200_000)
        desks.append(Desk(core, code, seed + i))
    return desks


def soak(args: argparse.Namespace, root: Path, proxy: TcpProxy, server_url: str) -> int:
    desks = enrol(root, proxy, server_url, args.desks, args.seed)
    cutter = Cutter(proxy, args.cut_every, args.seed)
    per_desk = args.syncs // len(desks)
    started = time.monotonic()
    cutter.start()
    threads = [threading.Thread(target=loop, args=(d, per_desk, args.work)) for d in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cutter.stop.set()
    cutter.join()
    proxy.cancel_cuts()
    soaked = time.monotonic() - started
    rounds = settle(desks)
    syncs, failed = sum(d.syncs for d in desks), sum(d.failed for d in desks)
    print(
        f"   {syncs} sync operations in {soaked:.1f} s, {failed} cut short"
        f" ({proxy.cuts} connections cut by the proxy; cuts asked for: {dict(cutter.kinds)})"
    )
    print(f"   then {rounds} quiet rounds of sync until nothing waited")
    problems = check(desks, server_url)
    for core in (d.core for d in desks):
        core.close()
    for line in problems:
        print(f"   PROBLEM: {line}")
    print("   nothing lost, nothing applied twice" if not problems else "   FAILED")
    return 1 if problems else 0


def loop(desk: Desk, syncs: int, work: int) -> None:
    for _ in range(syncs):
        desk.work(work)
        desk.sync()


def settle(desks: list[Desk]) -> int:
    """Sync every desk in turn until a whole round sent nothing and failed nowhere
    (then every desk has pulled everything every other desk pushed)."""
    for rounds in range(1, 11):
        reports = [d.core.sync.run_once() for d in desks]
        if not any(r.error or r.sent for r in reports):
            return rounds
    raise SystemExit("the desks did not settle after the link was left alone")


def check(desks: list[Desk], server_url: str) -> list[str]:
    problems: list[str] = []
    visits = set().union(*(d.visits for d in desks))
    receipts = set().union(*(d.receipts for d in desks))
    ops = sum(_scalar(d.core, "SELECT count(*) FROM outbox") - d.uploaded for d in desks)
    with psycopg.connect(**conninfo(server_url, "soak")) as conn:

        def one(query: str) -> Any:
            row = conn.execute(query).fetchone()
            return row[0] if row else None

        on_server = {r[0] for r in conn.execute("SELECT id FROM visits")}
        numbers = {r[0] for r in conn.execute("SELECT number FROM receipts")}
        applied = one("SELECT count(*) FROM sync_applied_ops")
        twice = one(
            "SELECT count(*) FROM (SELECT op_id FROM sync_changes WHERE op_id IS NOT NULL"
            " AND entity <> 'sync_conflicts' GROUP BY op_id HAVING count(*) > 1) d"
        )
        gaps = one(
            "SELECT count(*) FROM (SELECT desk_code FROM receipts GROUP BY desk_code, year"
            " HAVING max(seq) <> count(*) OR min(seq) <> 1) g"
        )
    print(
        f"   made: {len(visits)} visits, {len(receipts)} receipts, {ops} outbox operations;"
        f" on the server: {len(on_server)} visits, {len(numbers)} receipts,"
        f" {applied} applied operations (the first desk's upload aside)"
    )
    if on_server != visits or numbers != receipts:
        problems.append("the server's visits or receipts differ from what the desks made")
    if applied != ops:
        problems.append(f"{ops} outbox operations but {applied} applied on the server")
    if twice or gaps:
        problems.append(f"{twice} operations applied twice, {gaps} receipt series with a gap")
    for d in desks:
        status = d.core.sync.status()
        mine = {r[0] for r in _rows(d.core, "SELECT id FROM visits")}
        theirs = {r[0] for r in _rows(d.core, "SELECT number FROM receipts")}
        if mine != visits or theirs != receipts:
            missing = len(visits - mine) + len(receipts - theirs)
            extra = len(mine - visits) + len(theirs - receipts)
            problems.append(f"{d.code} lacks {missing} visits/receipts and has {extra} others")
        if status.pending_ops or status.conflicts or status.held:
            problems.append(f"{d.code}: {status.to_json()}")
    return problems


def _rows(core: Core, query: str) -> list[tuple[Any, ...]]:
    with core.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query))]


def _scalar(core: Core, query: str) -> int:
    return int(_rows(core, query)[0][0])


if __name__ == "__main__":
    sys.exit(main())
