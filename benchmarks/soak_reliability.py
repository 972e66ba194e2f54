"""Reliability soak: writer kills and three processes selling on one file.

    uv run python benchmarks/soak_reliability.py [--kills 20] [--per-process 200] [--seed N]

1. Kills: a child process registers visitors and sells (one after the other,
   through the real services) and prints each visit id and receipt number
   only after the service call returned, i.e. after the commit. The parent
   SIGKILLs it at a random moment (0.05-1.5 s after it started working) and
   checks the file: every acknowledged visit and receipt is there, each
   receipt is whole (charge, lines, audit, outbox), the series is 1..n with
   its counter at n, the outbox is gap-free, integrity_check says ok.
   Repeated `--kills` times on the same file.
2. Concurrency: three processes (three receptionists) sell `--per-process`
   receipts each on one file at the same time; the series must be 1..K with
   no duplicate and every acknowledged receipt stored.

Prints figures and what broke; asserts nothing timed. Exit status 1 if a
check failed. The default run takes about 2-3 minutes on the 2-core VM.
"""

from __future__ import annotations

import argparse
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

from _common import ROOT

PASSWORD = "soak-rahasia-1"
USERS = ("resepsionis1", "resepsionis2", "resepsionis3")

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from smesco_desk.domain.charges import LineInput
    from smesco_desk.services.core import open_core
    from smesco_desk.values.payments import ChargeForm, PayerForm, PaymentForm
    from smesco_desk.values.visitors import VisitorForm

    data_dir, username, password, mode, count = sys.argv[1:6]
    count = int(count)
    core = open_core(Path(data_dir))
    actor = core.users.authenticate(username, password)
    if core.payments.current_shift(actor) is None:  # a killed run left it open
        core.payments.open_shift(actor, 100_000)
    print("READY", flush=True)
    sys.stdin.readline()
    i = 0
    while count == 0 or i < count:
        if mode == "mixed" and i % 2 == 0:
            form = VisitorForm(f"Tamu {username} {i}", "0812 3456 7890", "meeting",
                               organisation="Koperasi Soak", consent=True)
            print(f"V {core.visitors.register(actor, form).id}", flush=True)
        else:
            lines = (LineInput("Cetak warna A4", 1 + i % 5, 3_000),)
            form = ChargeForm(PayerForm("visitor", f"Pembeli {i}"), "service", lines,
                              source="sale")
            receipt = core.payments.sell(actor, form, PaymentForm("cash", None))
            print(f"R {receipt.number} {receipt.id}", flush=True)
        i += 1
    print("DONE", flush=True)
    """
)


class Child:
    """A child process whose whole stdout lines are read in a thread."""

    def __init__(self, script: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, str(script), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.visits: set[str] = set()
        self.receipts: dict[str, str] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if not line.endswith("\n"):
                continue  # cut by the kill: never acknowledged
            kind, *rest = line.split()
            if kind == "V":
                self.visits.add(rest[0])
            elif kind == "R":
                self.receipts[rest[0]] = rest[1]
            self.lines.put(kind)
        self.lines.put("")

    def wait_for(self, word: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            if line == word:
                return
            if line == "":
                assert self.proc.stderr is not None
                raise RuntimeError(f"child ended: {self.proc.stderr.read()[-2000:]}")

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)


def prepare(data_dir: Path) -> None:
    from smesco_desk.services.core import open_core

    core = open_core(data_dir)
    try:
        core.setup.initialize("D01")
        core.setup.create_first_admin("admin", "Admin Soak", PASSWORD)
        admin = core.users.authenticate("admin", PASSWORD)
        for name in USERS:
            core.users.create(admin, name, name.title(), PASSWORD, "receptionist")
    finally:
        core.close()


def check(db: Path, visits: set[str], receipts: dict[str, str]) -> list[str]:
    """What is wrong with the file, given what was acknowledged ([] if nothing)."""
    problems: list[str] = []
    with sqlite3.connect(db, timeout=30) as conn:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check failed")
        stored_visits = {r[0] for r in conn.execute("SELECT id FROM visits")}
        stored = dict(conn.execute("SELECT number, id FROM receipts").fetchall())
        seqs = sorted(r[0] for r in conn.execute("SELECT seq FROM receipts"))
        counter = conn.execute(
            "SELECT max(value) FROM desk_counters WHERE name LIKE 'receipt:D01:%'"
        ).fetchone()[0]
        outbox = [r[0] for r in conn.execute("SELECT seq FROM outbox ORDER BY seq")]
        orphans = conn.execute(
            "SELECT count(*) FROM receipts r WHERE NOT EXISTS (SELECT 1 FROM audit_log a"
            " WHERE a.entity_id = r.id AND a.action = 'receipt.issue') OR NOT EXISTS"
            " (SELECT 1 FROM outbox o WHERE o.entity_id = r.id)"
        ).fetchone()[0]
        unpaid = conn.execute(
            "SELECT count(*) FROM charges c WHERE c.source = 'sale' AND NOT EXISTS"
            " (SELECT 1 FROM receipts r WHERE r.charge_id = c.id)"
        ).fetchone()[0]
    lost_visits = visits - stored_visits
    lost = {n for n, i in receipts.items() if stored.get(n) != i}
    if lost_visits:
        problems.append(f"{len(lost_visits)} acknowledged visits lost")
    if lost:
        problems.append(f"{len(lost)} acknowledged receipts lost or changed")
    if seqs != list(range(1, len(seqs) + 1)):
        problems.append(f"receipt series is not 1..{len(seqs)} (gap or duplicate)")
    if seqs and counter != len(seqs):
        problems.append(f"counter {counter} != {len(seqs)} receipts")
    if outbox != list(range(1, len(outbox) + 1)):
        problems.append("outbox seq has a gap")
    if orphans or unpaid:
        problems.append(f"{orphans} receipts without audit/outbox, {unpaid} sales without receipt")
    return problems


def soak_kills(work: Path, kills: int, rng: random.Random) -> tuple[list[str], dict[str, int]]:
    data = work / "kills"
    prepare(data)
    script = work / "child.py"
    visits: set[str] = set()
    receipts: dict[str, str] = {}
    problems: list[str] = []
    started = time.monotonic()
    for n in range(kills):
        child = Child(script, str(data), USERS[0], PASSWORD, "mixed", "0")
        child.wait_for("READY")
        child.go()
        time.sleep(rng.uniform(0.05, 1.5))
        child.kill()
        time.sleep(0.05)  # let the reader thread take the last whole lines
        visits |= child.visits
        receipts.update(child.receipts)
        found = check(data / "smesco_desk.sqlite3", visits, receipts)
        if found:
            problems += [f"kill {n + 1}: {p}" for p in found]
            break
    with sqlite3.connect(data / "smesco_desk.sqlite3") as conn:
        stored_receipts = conn.execute("SELECT count(*) FROM receipts").fetchone()[0]
        stored_visits = conn.execute("SELECT count(*) FROM visits").fetchone()[0]
    figures = {
        "kills": kills,
        "acked_visits": len(visits),
        "acked_receipts": len(receipts),
        "stored_visits": stored_visits,
        "stored_receipts": stored_receipts,
        "seconds": round(time.monotonic() - started),
    }
    return problems, figures


def soak_three(work: Path, per_process: int) -> tuple[list[str], dict[str, int]]:
    data = work / "three"
    prepare(data)
    script = work / "child.py"
    children = [
        Child(script, str(data), user, PASSWORD, "sell", str(per_process)) for user in USERS
    ]
    for child in children:
        child.wait_for("READY")
    started = time.monotonic()
    for child in children:
        child.go()
    for child in children:
        child.wait_for("DONE", timeout=600)
        child.proc.wait(60)
    acked: dict[str, str] = {}
    duplicates = 0
    for child in children:
        duplicates += len(acked.keys() & child.receipts.keys())
        acked.update(child.receipts)
    problems = check(data / "smesco_desk.sqlite3", set(), acked)
    if duplicates:
        problems.append(f"{duplicates} numbers acknowledged by two processes")
    seconds = time.monotonic() - started
    figures = {
        "processes": len(children),
        "receipts": len(acked),
        "duplicates": duplicates,
        "selling_seconds": round(seconds),
        "receipts_per_s": round(len(acked) / seconds),
    }
    return problems, figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=20, help="writer kills (default 20)")
    parser.add_argument(
        "--per-process", type=int, default=200, help="receipts per selling process (default 200)"
    )
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    print(f"seed {seed} (rerun with --seed {seed})")
    with tempfile.TemporaryDirectory(prefix="smesco-soak-") as tmp:
        work = Path(tmp)
        (work / "child.py").write_text(CHILD)
        problems, figures = soak_kills(work, args.kills, random.Random(seed))
        print("writer kills:", ", ".join(f"{k} {v}" for k, v in figures.items()))
        problems3, figures3 = soak_three(work, args.per_process)
        print("three processes:", ", ".join(f"{k} {v}" for k, v in figures3.items()))
    for problem in problems + problems3:
        print(f"PROBLEM: {problem}")
    if not problems + problems3:
        print("nothing lost, no gap, no duplicate")
    return 1 if problems + problems3 else 0


if __name__ == "__main__":
    sys.exit(main())
