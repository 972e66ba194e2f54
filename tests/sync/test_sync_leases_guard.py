"""No stall leased twice on the server: migration 0014 gives PostgreSQL the
exclusion constraint `leases_no_overlap` (btree_gist, a `[]` daterange of the
lease's first and last day, cancelled leases left out), so a row written
straight into the server's tables that shares a day with a live lease of the
same stall fails, as the SQLite trigger makes it fail at a desk
(tests/core/test_leases_overlap_db.py).

A lease a desk made offline that the server refuses this way becomes an open
`rejected` conflict (the generic path of smesco_desk.sync.server_push); keeping
it in a conflict status with suggestions, as bookings do, comes later."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from smesco_desk.db import migrate
from smesco_desk.db.engine import make_engine
from tests.core.helpers_foodcourt import lease_row, set_lease, stall_row, tenant_row

pytestmark = pytest.mark.slow


@pytest.fixture
def server(server_url: str) -> Iterator[Connection]:
    """The server's schema as enrolment makes it (the migrations, on PostgreSQL)."""
    engine = make_engine(server_url)
    migrate.upgrade(engine)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def refused(conn: Connection, *args: object, **kwargs: object) -> bool:
    savepoint = conn.begin_nested()
    try:
        lease_row(conn, *args, **kwargs)  # type: ignore[arg-type]
    except IntegrityError as exc:
        savepoint.rollback()
        assert "leases_no_overlap" in str(exc)
        assert exc.orig is not None and getattr(exc.orig, "sqlstate", None) == "23P01"
        return True
    savepoint.commit()
    return False


def test_postgres_refuses_a_lease_sharing_a_day(server: Connection) -> None:
    stall, other = stall_row(server), stall_row(server, "FC1-01")
    ali, budi = tenant_row(server), tenant_row(server, "Bakso Malang Cak Man")
    assert not refused(server, stall, ali, date(2026, 1, 1), date(2026, 6, 30))
    assert refused(server, stall, budi, date(2026, 6, 30), date(2026, 7, 31))  # its last day
    assert refused(server, stall, budi, date(2025, 12, 1), date(2026, 1, 1))  # its first day
    assert refused(server, stall, budi, date(2025, 1, 1), date(2027, 1, 1))
    assert not refused(server, stall, budi, date(2026, 7, 1), date(2026, 7, 1))  # the day after
    assert not refused(server, stall, budi, date(2025, 12, 1), date(2025, 12, 31))
    assert not refused(server, other, budi, date(2026, 3, 1), date(2026, 3, 31))


def test_cancelled_leases_take_no_day_on_postgres(server: Connection) -> None:
    stall, ali = stall_row(server), tenant_row(server)
    first, last = date(2026, 3, 1), date(2026, 3, 31)
    assert not refused(server, stall, ali, first, last, status="cancelled")
    assert not refused(server, stall, ali, first, last)
    assert refused(server, stall, ali, first, last, status="ended")
    server.commit()
    cancelled = lease_row(server, stall, ali, first, last, status="cancelled")
    server.commit()
    with pytest.raises(IntegrityError, match="leases_no_overlap"):
        set_lease(server, cancelled, status="active")
    server.rollback()
