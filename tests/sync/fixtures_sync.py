"""Sync fixtures shared by the sync tests and the sync UI tests: a fresh central
PostgreSQL database per test, desks (each its own SQLite data folder) and a TCP
proxy between them.

The server database is created on the PostgreSQL of `postgres_url` (which
skips, or fails under CI, when there is none) and dropped after the test.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

from tests.sync.helpers_sync import Desks
from tests.sync.proxy import TcpProxy

_numbers = itertools.count(1)


def admin_dsn(url: str) -> str:
    parsed = make_url(url)
    return f"host={parsed.host} port={parsed.port or 5432} user={parsed.username} dbname=postgres"


@pytest.fixture
def server_url(postgres_url: str) -> Iterator[str]:
    """A new, empty database for this test's central server (dropped afterwards)."""
    base = make_url(postgres_url)
    name = f"{base.database}_s{next(_numbers)}"
    with psycopg.connect(admin_dsn(postgres_url), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_dsn(postgres_url), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture
def proxy(server_url: str) -> Iterator[TcpProxy]:
    p = TcpProxy.for_url(server_url)
    yield p
    p.close()


@pytest.fixture
def desks(tmp_path: Path, server_url: str, template_database: Path) -> Iterator[Desks]:
    """Opens desks (each from a copy of the migrated template); every core is
    closed after the test."""
    d = Desks(tmp_path, server_url, template_database)
    yield d
    d.close()


@pytest.fixture
def proxied_desks(
    tmp_path: Path, server_url: str, proxy: TcpProxy, template_database: Path
) -> Iterator[Desks]:
    """Desks that reach the server only through `proxy` (proxy.go_offline() cuts them)."""
    d = Desks(tmp_path, proxy.url(server_url), template_database)
    yield d
    d.close()
