"""Helpers shared by the core service tests (plain functions; fixtures are in conftest.py)."""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from smesco_desk.clock import WIB
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.payments import PaymentMethod
from smesco_desk.paths import database_path
from smesco_desk.services.core import Core
from smesco_desk.values.payments import ChargeForm, PayerForm, PaymentForm
from smesco_desk.values.visitors import VisitorForm

ADMIN_PASSWORD = "rahasia-admin-1"
USER_PASSWORD = "rahasia-user-1"

# Structurally valid NIKs (province, regency, district, DDMMYY, serial).
NIK_SITI = "3174015708900001"  # Jakarta Selatan, a woman born 17-08-1990
NIK_BUDI = "3273012505850003"  # Bandung, a man born 25-05-1985
NIK_OTHER = "3578104112000002"


def wib(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """An aware UTC datetime for a wall-clock time in Jakarta."""
    return datetime(year, month, day, hour, minute, tzinfo=WIB).astimezone(UTC)


class FakeClock:
    """A settable clock for `open_core(..., clock=...)`."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set_wib(self, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> None:
        self.now = wib(year, month, day, hour, minute)

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def visitor_form(**overrides: Any) -> VisitorForm:
    """A valid registration form; override any field."""
    values: dict[str, Any] = {
        "name": "Siti Rahayu",
        "phone": "0812 3456 7890",
        "purpose": "meeting",
        "organisation": "Koperasi Maju Bersama",
        "host": "Bengkel Produk",
        "consent": True,
    }
    values.update(overrides)
    return VisitorForm(**values)


def db_file(core: Core) -> Path:
    assert core.data_dir is not None
    return database_path(core.data_dir)


def scalar(core: Core, sql: str, **params: Any) -> Any:
    with core.db.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def rows(core: Core, sql: str, **params: Any) -> list[Any]:
    with core.db.engine.connect() as conn:
        return list(conn.execute(text(sql), params).all())


def table_counts(core: Core) -> dict[str, int]:
    """Row count of every table in the database (alembic_version included)."""
    with core.db.engine.connect() as conn:
        names = (
            conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
            .scalars()
            .all()
        )
        return {n: conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names}


def counts_delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """The tables whose row count changed, with the change."""
    return {
        k: after.get(k, 0) - before.get(k, 0)
        for k in sorted(set(before) | set(after))
        if after.get(k, 0) != before.get(k, 0)
    }


def outbox_seqs(core: Core) -> list[int]:
    return [r[0] for r in rows(core, "SELECT seq FROM outbox ORDER BY seq")]


def assert_outbox_gap_free(core: Core) -> None:
    seqs = outbox_seqs(core)
    assert seqs == list(range(1, len(seqs) + 1))
    assert scalar(core, "SELECT value FROM desk_counters WHERE name = 'outbox'") == len(seqs)


@contextmanager
def raw_sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, timeout=30)
    try:
        yield conn
    finally:
        conn.close()


def integrity(path: Path) -> str:
    with raw_sqlite(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


# --- payments -------------------------------------------------------------------


def sale_form(
    *lines: LineInput,
    payer: str = "Siti Rahayu",
    kind: str = "service",
    payer_kind: str = "visitor",
) -> ChargeForm:
    """A sale at the desk (default: two A4 colour prints, Rp6.000)."""
    return ChargeForm(
        PayerForm(payer_kind, payer),
        kind,
        lines or (LineInput("Cetak warna A4", 2, 3_000, unit="lembar"),),
        source="sale",
    )


def cash(tendered: int | None = None) -> PaymentForm:
    return PaymentForm(PaymentMethod.CASH.value, tendered)


def receipt_series(core: Core, desk: str = "D01") -> list[int]:
    """The desk's receipt numbers (their seq), in number order."""
    return [
        r[0]
        for r in rows(core, "SELECT seq FROM receipts WHERE desk_code = :d ORDER BY seq", d=desk)
    ]


def assert_receipts_whole(conn: sqlite3.Connection) -> int:
    """Every receipt is a whole change: its charge (paid, or open again after a
    void) with its lines, its audit row, its outbox rows; no charge of a sale is
    left without its receipt; each desk's yearly series is 1..n, and its counter
    is at n. Returns the number of receipts."""

    def all_(sql: str) -> list[tuple[Any, ...]]:
        return conn.execute(sql).fetchall()

    assert all_("PRAGMA integrity_check") == [("ok",)]
    assert all_("PRAGMA foreign_key_check") == []
    # A receipt without its charge, or with a charge that is not paid (and not voided).
    assert (
        all_(
            "SELECT r.number FROM receipts r LEFT JOIN charges c ON c.id = r.charge_id "
            "LEFT JOIN receipt_voids v ON v.receipt_id = r.id "
            "WHERE c.id IS NULL OR (v.id IS NULL AND c.status != 'paid') OR c.total != r.total"
        )
        == []
    )
    # A sale's charge is paid in the same transaction: none may be left open or unpaid.
    assert (
        all_(
            "SELECT c.id FROM charges c LEFT JOIN receipts r ON r.charge_id = c.id "
            "WHERE c.source = 'sale' AND r.id IS NULL"
        )
        == []
    )
    assert (
        all_(
            "SELECT c.id FROM charges c LEFT JOIN charge_lines l ON l.charge_id = c.id "
            "GROUP BY c.id HAVING count(l.id) = 0"
        )
        == []
    )
    # One audit row per receipt issued, and every row of it queued for the server.
    assert (
        all_(
            "SELECT r.number FROM receipts r LEFT JOIN audit_log a ON a.entity_id = r.id "
            "AND a.action = 'receipt.issue' GROUP BY r.id HAVING count(a.id) != 1"
        )
        == []
    )
    for table in ("receipts", "charges", "charge_lines", "audit_log", "receipt_voids"):
        assert (
            all_(
                f"SELECT t.id FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM outbox o "
                f"WHERE o.entity = '{table}' AND o.entity_id = t.id)"
            )
            == []
        ), table
    seqs = [r[0] for r in all_("SELECT seq FROM outbox ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    # Each series is gap-free and its counter stands at its last number.
    series = all_(
        "SELECT desk_code, year, count(*), min(seq), max(seq), count(DISTINCT number) "
        "FROM receipts GROUP BY desk_code, year"
    )
    for desk, year, n, low, high, distinct in series:
        assert (low, high, distinct) == (1, n, n), (desk, year)
        counter = all_(f"SELECT value FROM desk_counters WHERE name = 'receipt:{desk}:{year}'")
        assert counter == [(n,)], (desk, year)
    return int(all_("SELECT count(*) FROM receipts")[0][0])


# --- child processes ------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class LineChild:
    """A Python child process whose stdout is read line by line in a thread.

    Only whole lines count: a line cut by a kill was never acknowledged.
    """

    proc: subprocess.Popen[str]
    lines: queue.Queue[str] = field(default_factory=queue.Queue)

    def start_reading(self) -> None:
        def read() -> None:
            assert self.proc.stdout is not None
            for line in self.proc.stdout:
                if line.endswith("\n"):
                    self.lines.put(line)
            self.lines.put("")

        threading.Thread(target=read, daemon=True).start()

    def take(self, timeout: float) -> str | None:
        """The next whole line; '' at end of output, None on timeout."""
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            return None

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read()


def spawn_python(script: Path, *args: str) -> LineChild:
    """Run `script` with this interpreter, the repository importable; stdin, stdout
    and stderr are pipes (text)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]),
    }
    proc = subprocess.Popen(
        [sys.executable, str(script), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    child = LineChild(proc)
    child.start_reading()
    return child
