"""The database itself refuses a stall leased twice (SQLite, every desk): a row
written past the service that makes two live leases of one stall share a day
is refused by the trigger of migration 0014 (smesco_desk.db.overlaps, guard
"leases": both days included). The same rules on PostgreSQL:
tests/sync/test_sync_leases_guard.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from smesco_desk.db import overlaps
from smesco_desk.services.core import Core
from tests.core.helpers_foodcourt import lease_row, set_lease, stall_row, tenant_row


@pytest.fixture
def conn(core: Core) -> Iterator[Connection]:
    with core.db.engine.connect() as c:
        yield c


def refused(conn: Connection, *args: object, **kwargs: object) -> bool:
    """Whether inserting this lease is refused by the guard (nothing is left)."""
    savepoint = conn.begin_nested() if conn.in_transaction() else conn.begin()
    try:
        lease_row(conn, *args, **kwargs)  # type: ignore[arg-type]
    except IntegrityError as exc:
        savepoint.rollback()
        assert overlaps.is_overlap(exc, "leases") and not overlaps.is_overlap(exc)
        return True
    savepoint.commit()
    return False


def test_a_lease_sharing_a_day_fails_and_the_next_day_is_free(conn: Connection) -> None:
    stall, other = stall_row(conn), stall_row(conn, "FC1-01")
    ali, budi = tenant_row(conn), tenant_row(conn, "Bakso Malang Cak Man")
    assert not refused(conn, stall, ali, date(2026, 1, 1), date(2026, 6, 30))
    assert refused(conn, stall, budi, date(2026, 6, 30), date(2026, 7, 31))  # its last day
    assert refused(conn, stall, budi, date(2025, 12, 1), date(2026, 1, 1))  # its first day
    assert refused(conn, stall, budi, date(2026, 3, 1), date(2026, 3, 1))  # one day inside
    assert refused(conn, stall, budi, date(2025, 1, 1), date(2027, 1, 1))  # around it
    assert not refused(conn, stall, budi, date(2026, 7, 1), date(2026, 7, 3))  # the day after
    assert not refused(conn, stall, budi, date(2025, 12, 1), date(2025, 12, 31))  # the day before
    assert not refused(conn, other, budi, date(2026, 3, 1), date(2026, 3, 31))  # another stall


def test_cancelled_and_deleted_leases_take_no_day(conn: Connection) -> None:
    stall, ali = stall_row(conn), tenant_row(conn)
    first, last = date(2026, 3, 1), date(2026, 3, 31)
    assert not refused(conn, stall, ali, first, last, status="cancelled")
    assert not refused(conn, stall, ali, first, last, status="active")
    assert refused(conn, stall, ali, first, last, status="ended")  # ended: its days stay taken
    with conn.begin_nested():
        cancelled = lease_row(conn, stall, ali, first, last, status="cancelled")
    # Brought back to life over the live lease: refused.
    with pytest.raises(IntegrityError, match="leases_no_overlap"), conn.begin_nested():
        set_lease(conn, cancelled, status="active")


def test_an_update_that_moves_a_lease_onto_another_is_refused(conn: Connection) -> None:
    stall, ali = stall_row(conn), tenant_row(conn)
    with conn.begin_nested():
        lease_row(conn, stall, ali, date(2026, 1, 1), date(2026, 1, 31))
        later = lease_row(conn, stall, ali, date(2026, 2, 1), date(2026, 2, 28))
    with pytest.raises(IntegrityError, match="leases_no_overlap"), conn.begin_nested():
        set_lease(conn, later, starts_on=date(2026, 1, 31))
    with conn.begin_nested():  # ended early: its last day moves back, nothing in the way
        set_lease(conn, later, ends_on=date(2026, 2, 10), status="ended")
    assert not refused(conn, stall, ali, date(2026, 2, 11), date(2026, 2, 28))


def test_the_bookings_guard_is_the_same_code_with_its_own_definition() -> None:
    bookings, leases = overlaps.GUARDS["bookings"], overlaps.GUARDS["leases"]
    assert (bookings.bounds, leases.bounds) == ("[)", "[]")
    assert overlaps.CONSTRAINT == bookings.constraint == "bookings_no_overlap"
    booking_sql = " ".join(overlaps.sqlite_triggers(bookings))
    lease_sql = " ".join(overlaps.sqlite_triggers(leases))
    assert "b.occupied_from < NEW.occupied_until" in booking_sql
    assert "b.starts_on <= NEW.ends_on" in lease_sql and "'cancelled'" in lease_sql
    assert "daterange(starts_on, ends_on, '[]')" in overlaps.postgres(leases)[1]
    assert overlaps.guard_named("leases_no_overlap") is leases
