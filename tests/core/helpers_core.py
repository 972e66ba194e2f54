"""Helpers shared by the core service tests (plain functions; fixtures are in conftest.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from smesco_desk.clock import WIB
from smesco_desk.paths import database_path
from smesco_desk.services.core import Core
from smesco_desk.services.values import VisitorForm

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
