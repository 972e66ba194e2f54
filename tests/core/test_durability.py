"""A kill at any moment leaves each change whole or absent; two desks' processes
can write to one file at the same time.

A child process registers visitors (and checks some out) in a loop through the
real services and prints each one *after* the service call returned, i.e. after
the commit. Whatever it printed before it was killed must be in the database.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core, open_core
from smesco_desk.values.visitors import VisitorForm
from tests.core.helpers_core import USER_PASSWORD, db_file, raw_sqlite

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from smesco_desk.services.core import open_core
    from smesco_desk.values.visitors import VisitorForm

    data_dir, tag, count, username, password = sys.argv[1:6]
    count = int(count)
    prefix = {"A": "0812", "B": "0813"}[tag]
    core = open_core(Path(data_dir))
    actor = core.users.authenticate(username, password)
    print("READY", flush=True)
    sys.stdin.readline()  # wait for "go", so that concurrent children start together
    i = 0
    while count == 0 or i < count:
        # Every fifth registration is a returning visitor (same name and phone).
        n = i - 3 if i % 5 == 4 else i
        district = {"A": "01", "B": "02"}[tag]  # the two children never share a NIK
        nik = f"3174{district}5708{n % 90 + 10:02d}{n % 9999 + 1:04d}" if n % 3 == 0 else ""
        form = VisitorForm(
            name=f"Tamu {tag} {n}", phone=f"{prefix}{n:08d}", purpose="meeting",
            organisation=f"UMKM {n % 7}", nik=nik, consent=True,
        )
        visit = core.visitors.register(actor, form)
        print(f"V {visit.id} {visit.visitor_id} {visit.badge_number}", flush=True)
        if i % 4 == 3:
            core.visitors.check_out(actor, visit.badge_number)
            print(f"O {visit.id}", flush=True)
        i += 1
    print("DONE", flush=True)
    """
)


@dataclass
class Child:
    """A registering process and the lines it has acknowledged so far."""

    proc: subprocess.Popen[str]
    lines: queue.Queue[str] = field(default_factory=queue.Queue)
    visits: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> visitor, badge
    checked_out: set[str] = field(default_factory=set)
    done: bool = False

    def start_reading(self) -> None:
        def read() -> None:
            assert self.proc.stdout is not None
            for line in self.proc.stdout:
                if line.endswith("\n"):  # a line cut by the kill was never acknowledged
                    self.lines.put(line)
            self.lines.put("")

        threading.Thread(target=read, daemon=True).start()

    def take(self, timeout: float) -> str | None:
        """The next acknowledged line; '' at end of output, None on timeout."""
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return None
        if not line:
            return line
        kind, *rest = line.split()
        if kind == "V":
            self.visits[rest[0]] = (rest[1], rest[2])
        elif kind == "O":
            self.checked_out.add(rest[0])
        elif kind == "DONE":
            self.done = True
        return line

    def drain(self) -> None:
        while self.take(timeout=30) not in ("", None):
            pass

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read()


def spawn(tmp_path: Path, data_dir: Path, tag: str, count: int) -> Child:
    script = tmp_path / "register_loop.py"
    script.write_text(CHILD)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]),
    }
    proc = subprocess.Popen(
        [sys.executable, str(script), str(data_dir), tag, str(count), "resepsionis", USER_PASSWORD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    child = Child(proc)
    child.start_reading()
    line = child.take(timeout=120)
    if line != "READY\n":
        proc.kill()
        pytest.fail(f"child did not start: {line!r}\n{child.stderr()}")
    return child


def go(child: Child) -> None:
    assert child.proc.stdin is not None
    child.proc.stdin.write("go\n")
    child.proc.stdin.flush()


@pytest.fixture
def desk(core: Core, receptionist: Actor) -> Path:
    """An initialised database with a receptionist account; closed for the children."""
    core.close()
    return db_file(core)


def check_database(
    path: Path, acked: dict[str, tuple[str, str]], acked_out: set[str]
) -> dict[str, int]:
    """Everything acknowledged is there, and every change is whole. Returns counts."""
    with raw_sqlite(path) as db:

        def one(sql: str) -> object:
            return db.execute(sql).fetchone()[0]

        def all_(sql: str) -> list[tuple[object, ...]]:
            return db.execute(sql).fetchall()

        assert one("PRAGMA integrity_check") == "ok"
        assert all_("PRAGMA foreign_key_check") == []

        visits = {
            r[0]: (r[1], r[2], r[3])
            for r in all_("SELECT id, visitor_id, badge_number, checked_out_at FROM visits")
        }
        visitors = {r[0] for r in all_("SELECT id FROM visitors")}
        # Every acknowledged registration is there, with its visitor.
        missing = [v for v in acked if v not in visits]
        assert missing == [], f"{len(missing)} acknowledged visits lost"
        for visit_id, (visitor_id, badge) in acked.items():
            assert visits[visit_id][:2] == (visitor_id, badge)
            assert visitor_id in visitors
        for visit_id in acked_out:
            assert visits[visit_id][2] is not None
        # At most the one change in flight when the kill came is extra.
        assert len(visits) - len(acked) in (0, 1)

        # No partial registration: each visit has its visitor, each visitor as
        # many visits as its visit_count, each visit its audit and outbox rows.
        assert (
            one(
                "SELECT count(*) FROM visits v LEFT JOIN visitors p "
                "ON p.id = v.visitor_id WHERE p.id IS NULL"
            )
            == 0
        )
        assert (
            all_(
                "SELECT p.id FROM visitors p LEFT JOIN visits v ON v.visitor_id = p.id "
                "GROUP BY p.id HAVING count(v.id) != max(p.visit_count)"
            )
            == []
        )
        assert (
            all_(
                "SELECT v.id FROM visits v LEFT JOIN audit_log a ON a.entity_id = v.id "
                "AND a.action = 'visit.check_in' GROUP BY v.id HAVING count(a.id) != 1"
            )
            == []
        )
        assert one("SELECT count(*) FROM audit_log WHERE action = 'visit.check_in'") == len(visits)
        for entity in ("visits", "visitors", "audit_log", "visit_checkouts"):
            assert (
                one(
                    f"SELECT count(*) FROM {entity} t WHERE NOT EXISTS (SELECT 1 FROM outbox o "
                    f"WHERE o.entity = '{entity}' AND o.entity_id = t.id)"
                )
                == 0
            )
        # Check-outs: the fact, the visit's column and the audit row agree.
        out = one("SELECT count(*) FROM visit_checkouts")
        assert one("SELECT count(*) FROM visits WHERE checked_out_at IS NOT NULL") == out
        assert (
            one(
                "SELECT count(*) FROM visit_checkouts c JOIN visits v ON v.id = c.visit_id "
                "WHERE v.checked_out_at = c.checked_out_at"
            )
            == out
        )
        assert one("SELECT count(*) FROM audit_log WHERE action = 'visit.check_out'") == out
        # A returning visitor still inside has the old visit closed ("replaced")
        # by the new registration; only the explicit check-outs were acknowledged.
        explicit = one("SELECT count(*) FROM visit_checkouts WHERE method != 'replaced'")
        assert len(acked_out) <= explicit <= len(acked_out) + 1

        # Three outbox rows per registration and per check-out (rows + audit).
        assert one(
            "SELECT count(*) FROM outbox WHERE entity IN ('visits', 'visitors', "
            "'visit_checkouts') OR entity_id IN (SELECT id FROM audit_log "
            "WHERE action LIKE 'visit.%')"
        ) == 3 * (len(visits) + int(str(out)))

        # Counters: the outbox sequence and each day's badge numbers are gap-free.
        seqs = [r[0] for r in all_("SELECT seq FROM outbox ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))
        assert one("SELECT value FROM desk_counters WHERE name = 'outbox'") == len(seqs)
        per_day: dict[str, list[int]] = defaultdict(list)
        for _, badge, _ in visits.values():
            desk, day, number = str(badge).split("-")
            per_day[day].append(int(number))
        for day, numbers in per_day.items():
            assert sorted(numbers) == list(range(1, len(numbers) + 1)), day
            assert one(f"SELECT value FROM desk_counters WHERE name = 'badge:{day}'") == len(
                numbers
            )
        return {
            "visits": len(visits),
            "checkouts": int(str(explicit)),
            "replaced": int(str(out)) - int(str(explicit)),
            "outbox": len(seqs),
        }


@pytest.mark.parametrize(
    ("acks_before_kill", "extra_delay"),
    [(1, 0.0), (40, 0.013), (150, 0.037)],
    ids=["after-1", "after-40", "after-150"],
)
def test_kill_during_registrations_loses_nothing_acknowledged(
    tmp_path: Path, desk: Path, acks_before_kill: int, extra_delay: float
) -> None:
    child = spawn(tmp_path, desk.parent, "A", count=0)
    go(child)
    started = time.monotonic()
    try:
        while len(child.visits) < acks_before_kill:
            if time.monotonic() - started > 3 and child.visits:
                break  # a slow machine: kill after 3 s whatever the count
            line = child.take(timeout=60)
            if line in ("", None):
                pytest.fail(f"child stopped: {child.stderr()}")
        time.sleep(extra_delay)  # land somewhere inside the next transaction
    finally:
        child.proc.send_signal(signal.SIGKILL)
        child.proc.wait(30)
    child.drain()
    assert child.proc.returncode == -signal.SIGKILL
    assert not child.done

    counts = check_database(desk, child.visits, child.checked_out)
    assert counts["visits"] >= acks_before_kill or time.monotonic() - started > 3


def test_database_opens_and_works_after_a_kill(tmp_path: Path, desk: Path) -> None:
    """After the kill the desk carries on: open_core, register, check out."""
    child = spawn(tmp_path, desk.parent, "A", count=0)
    go(child)
    while len(child.visits) < 20:
        assert child.take(timeout=60) not in ("", None), child.stderr()
    child.proc.send_signal(signal.SIGKILL)
    child.proc.wait(30)
    child.drain()

    core = open_core(desk.parent)
    try:
        actor = core.users.authenticate("resepsionis", USER_PASSWORD)
        visit = core.visitors.register(
            actor, VisitorForm("Setelah Mati Listrik", "0877 1234 5678", "meeting", consent=True)
        )
        core.visitors.check_out(actor, visit.badge_number)
        assert core.visitors.get_visit(visit.id).checked_out_at is not None
    finally:
        core.close()
    acked = {**child.visits, visit.id: (visit.visitor_id, visit.badge_number)}
    check_database(desk, acked, child.checked_out | {visit.id})


def test_two_processes_write_to_the_same_file(tmp_path: Path, desk: Path) -> None:
    children = [spawn(tmp_path, desk.parent, tag, count=100) for tag in ("A", "B")]
    for child in children:
        go(child)
    for child in children:
        child.drain()
        child.proc.wait(120)
    errors = [child.stderr() for child in children]
    for child, stderr in zip(children, errors, strict=True):
        assert child.proc.returncode == 0, stderr
        assert "locked" not in stderr.lower() and "Traceback" not in stderr, stderr
        assert child.done
        assert len(child.visits) == 100
        assert len(child.checked_out) == 25

    acked = {**children[0].visits, **children[1].visits}
    assert len(acked) == 200
    badges = [badge for _, badge in acked.values()]
    assert len(set(badges)) == 200
    counts = check_database(desk, acked, children[0].checked_out | children[1].checked_out)
    assert counts["visits"] == 200 and counts["checkouts"] == 50
    # Returning visitors found their earlier record even with another process writing.
    with raw_sqlite(desk) as db:
        assert db.execute("SELECT count(*) FROM visitors").fetchone()[0] == 2 * 80
        assert (
            db.execute("SELECT count(*) FROM visitors WHERE visit_count = 2").fetchone()[0]
            == 2 * 20
        )


FIRST_START = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from smesco_desk.services.core import open_core

    print("READY", flush=True)
    sys.stdin.readline()  # all processes open the new file at once
    core = open_core(Path(sys.argv[1]))
    print(core.setup.initialize("D01"), flush=True)
    """
)


def test_processes_starting_together_on_a_new_database(tmp_path: Path) -> None:
    """Two copies of the application started at once on first use: both come up."""
    script = tmp_path / "first_start.py"
    script.write_text(FIRST_START)
    for attempt in range(3):
        data_dir = tmp_path / f"data{attempt}"
        procs = [
            subprocess.Popen(
                [sys.executable, str(script), str(data_dir)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            for _ in range(3)
        ]
        for proc in procs:
            assert proc.stdout is not None and proc.stdout.readline() == "READY\n"
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = [proc.communicate(timeout=120) for proc in procs]
        for proc, (out, err) in zip(procs, results, strict=True):
            assert proc.returncode == 0, err
            assert out.strip() == "D01"
        with raw_sqlite(data_dir / "smesco_desk.sqlite3") as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.execute("SELECT count(*) FROM desks").fetchone()[0] == 1
            assert db.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
