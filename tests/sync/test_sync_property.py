"""Property: whatever desks do offline, in whatever order they sync, every desk
ends with the same visits and visitors (and, once a supervisor has resolved the
open conflicts, the same check-outs); a person registered at several desks is
one visitor there, with at most one open visit (issue 9, item 4)."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg import sql
from sqlalchemy.engine import make_url

from smesco_desk.paths import database_path
from smesco_desk.services.core import Core, open_core
from smesco_desk.sync import ConflictChoice
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.sync.fixtures_sync import admin_dsn
from tests.sync.helpers_sync import SUPERVISOR, Desks, OffsetClock, register, table_rows

PEOPLE = [
    ("Siti Rahayu", "081234567890"),
    ("Budi Santoso", "081311112222"),
    ("Ani Wijaya", "085711122233"),
]
ORGS = ["Koperasi A", "Koperasi B", "UMKM C"]
CODES = ["D01", "D02", "D03"]
_numbers = itertools.count(1)


@dataclass(frozen=True)
class Template:
    server_db: str
    folder: Path
    base_url: str


@pytest.fixture(scope="module")
def template(postgres_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    """Three enrolled desks that know two visits, and their server: copied per example."""
    base = make_url(postgres_url)
    name = f"{base.database}_tmpl"
    with psycopg.connect(admin_dsn(postgres_url), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    folder = tmp_path_factory.mktemp("desks")
    desks = Desks(folder, base.set(database=name).render_as_string(hide_password=False))
    d1 = desks.first("D01")
    register(d1, *PEOPLE[0])
    register(d1, *PEOPLE[1])
    others = [desks.join("D02"), desks.join("D03")]
    for core in [d1, *others, d1]:
        assert core.sync.run_once().error is None
    desks.close()
    try:
        yield Template(name, folder, postgres_url)
    finally:
        with psycopg.connect(admin_dsn(postgres_url), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


class World:
    """A copy of the template: its own server database and desk folders."""

    def __init__(self, template: Template, root: Path, n_desks: int) -> None:
        base = make_url(template.base_url)
        self.admin = admin_dsn(template.base_url)
        self.db = f"{base.database}_p{next(_numbers)}"
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(self.db), sql.Identifier(template.server_db)
                )
            )
        url = base.set(database=self.db).render_as_string(hide_password=False)
        self.cores: list[Core] = []
        for code in CODES[:n_desks]:
            folder = root / code.lower()
            shutil.copytree(template.folder / code.lower(), folder)
            with sqlite3.connect(database_path(folder)) as db:
                db.execute("UPDATE sync_state SET value = ? WHERE key = 'server_url'", (url,))
            self.cores.append(open_core(folder, clock=OffsetClock()))

    def close(self) -> None:
        for core in self.cores:
            core.close()
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.db))
            )


def act(core: Core, step: tuple[str, int, int]) -> None:
    kind, a, b = step
    if kind == "register":
        register(core, *PEOPLE[a], organisation=ORGS[b])
    elif kind == "checkout":
        inside = sorted(v.id for v in core.visitors.list_visits(IN_BUILDING, 0, 100))
        if inside:
            core.visitors.check_out(SUPERVISOR, inside[a % len(inside)])
    else:
        assert core.sync.run_once().error is None


IN_BUILDING = VisitFilter(VisitScope.IN_BUILDING)
step = st.tuples(
    st.sampled_from(["register", "register", "checkout", "sync"]),
    st.integers(0, 2),
    st.integers(0, 2),
)
plans = st.integers(2, 3).flatmap(
    lambda n: st.tuples(
        st.just(n), st.lists(st.tuples(st.integers(0, n - 1), step), min_size=1, max_size=14)
    )
)


def assert_one_record_per_person(core: Core) -> None:
    """No two live visitors are the same person; each person is inside at most
    once; every visit belongs to a live visitor."""
    with core.db.engine.connect() as conn:
        live = conn.exec_driver_sql(
            "SELECT id, phone_key, name_key FROM visitors WHERE deleted_at IS NULL"
        ).all()
        assert len({(r[1], r[2]) for r in live}) == len(live)
        orphans = conn.exec_driver_sql(
            "SELECT count(*) FROM visits WHERE visitor_id NOT IN"
            " (SELECT id FROM visitors WHERE deleted_at IS NULL)"
        ).scalar_one()
        assert orphans == 0
        twice_inside = conn.exec_driver_sql(
            "SELECT count(*) FROM (SELECT visitor_id FROM visits WHERE checked_out_at IS NULL"
            " GROUP BY visitor_id HAVING count(*) > 1)"
        ).scalar_one()
        assert twice_inside == 0
    names = [v.name for v in core.visitors.list_visits(IN_BUILDING, 0, 100)]
    assert len(names) == len(set(names))  # the muster list counts each person once


def converge(cores: list[Core]) -> None:
    for _ in range(3):
        for core in cores:
            report = core.sync.run_once()
            assert report.error is None, report.error


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=plans)
def test_offline_edits_in_any_order_converge(
    template: Template,
    tmp_path_factory: pytest.TempPathFactory,
    plan: tuple[int, list[tuple[int, tuple[str, int, int]]]],
) -> None:
    n_desks, actions = plan
    world = World(template, tmp_path_factory.mktemp("world"), n_desks)
    try:
        cores = world.cores
        for desk, step in actions:
            act(cores[desk], step)
        converge(cores)
        for table in ("visits", "visitors"):
            first = table_rows(cores[0], table)
            for core in cores[1:]:
                assert table_rows(core, table) == first, table
        for core in cores:
            assert_one_record_per_person(core)
        # Open conflicts (the same visit checked out at two desks) resolved: all converges.
        for conflict in cores[0].sync.conflicts():
            cores[0].sync.resolve_conflict(SUPERVISOR, conflict.id, ConflictChoice.KEEP)
        converge(cores)
        for core in cores:
            status = core.sync.status()
            assert (status.pending_ops, status.conflicts, status.notices, status.held) == (0,) * 4
        for table in ("visits", "visitors", "visit_checkouts", "audit_log", "sync_conflicts"):
            first = table_rows(cores[0], table)
            for core in cores[1:]:
                assert table_rows(core, table) == first, table
        for core in cores:
            assert_one_record_per_person(core)
    finally:
        world.close()
