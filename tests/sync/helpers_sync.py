"""Helpers shared by the sync tests (plain functions and small classes)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import text

from smesco_desk.clock import utc_now
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core, open_core
from smesco_desk.sync.connection import conninfo
from smesco_desk.values.visitors import VisitorForm, VisitRecord
from tests.template_db import seed_data_dir

RECEPTION = Actor("resepsionis", Role.RECEPTIONIST, "user", "Resepsionis")
SUPERVISOR = Actor("supervisor", Role.SUPERVISOR, "user", "Supervisor")


class OffsetClock:
    """Real time shifted by an offset (a desk whose clock is wrong)."""

    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self.offset = offset

    def __call__(self) -> datetime:
        return utc_now() + self.offset


class Desks:
    """Opens desk cores in one temporary folder, each in its own data folder.

    With a `template` (the session's migrated database, tests/template_db.py) a
    new desk's folder starts from a copy of it instead of running the migrations.
    """

    def __init__(self, root: Path, server_url: str, template: Path | None = None) -> None:
        self.root = root
        self.server_url = server_url
        self.template = template
        self.cores: list[Core] = []

    def open(self, code: str, clock: OffsetClock | None = None) -> Core:
        folder = self.root / code.lower()
        if self.template is not None:
            seed_data_dir(self.template, folder)
        core = open_core(folder, clock=clock or OffsetClock())
        self.cores.append(core)
        return core

    def first(self, code: str = "D01", clock: OffsetClock | None = None) -> Core:
        """A desk set up on its own, then enrolled first (it uploads)."""
        core = self.open(code, clock)
        core.setup.initialize(code)
        core.sync.enroll(self.server_url, code)
        return core

    def join(self, code: str, clock: OffsetClock | None = None) -> Core:
        """A new desk enrolled on a server with data (it downloads)."""
        core = self.open(code, clock)
        core.sync.enroll(self.server_url, code)
        return core

    def close(self) -> None:
        for core in self.cores:
            core.close()


def register(core: Core, name: str, phone: str, **extra: Any) -> VisitRecord:
    form = VisitorForm(name=name, phone=phone, purpose="meeting", consent=True, **extra)
    return core.visitors.register(RECEPTION, form)


def sync_all(*cores: Core, rounds: int = 2) -> None:
    """Push and pull at every desk until everyone has everyone's changes."""
    for _ in range(rounds):
        for core in cores:
            report = core.sync.run_once()
            assert report.error is None, report.error


def table_rows(core: Core, table: str, exclude: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
    """Every row of a table as stored (raw SQLite values), ordered by id."""
    with core.db.engine.connect() as conn:
        result = conn.execute(text(f'SELECT * FROM "{table}" ORDER BY id'))  # noqa: S608
        keep = [i for i, col in enumerate(result.keys()) if col not in exclude]
        return [tuple(row[i] for i in keep) for row in result]


def server_rows(server_url: str, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(**conninfo(server_url, "test")) as conn:
        return conn.execute(query, params).fetchall()


def server_scalar(server_url: str, query: str, *params: Any) -> Any:
    rows = server_rows(server_url, query, *params)
    return rows[0][0] if rows else None


def outbox_pending(core: Core) -> list[str]:
    with core.db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT id FROM outbox WHERE sent_at IS NULL"))]


def badges(core: Core) -> list[str]:
    with core.db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT badge_number FROM visits ORDER BY 1"))]
