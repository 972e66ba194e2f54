"""No double booking on the server: the migrations give PostgreSQL the exclusion
constraint `bookings_no_overlap` (btree_gist, a `[)` tstzrange of the occupied
interval, buffers included, cancelled, released and conflict bookings left
out), so a row written straight into the server's tables that overlaps a live
booking of the same space fails, as the SQLite trigger makes it fail at a desk
(tests/core/test_bookings_overlap_db.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from smesco_desk.db import migrate
from smesco_desk.db.engine import make_engine
from tests.core.helpers_bookings import booking_row, set_status, space_row
from tests.core.helpers_core import wib

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
        booking_row(conn, *args, **kwargs)  # type: ignore[arg-type]
    except IntegrityError as exc:
        savepoint.rollback()
        assert "bookings_no_overlap" in str(exc)
        assert exc.orig is not None and getattr(exc.orig, "sqlstate", None) == "23P01"
        return True
    savepoint.commit()
    return False


def test_postgres_refuses_a_direct_overlapping_insert(server: Connection) -> None:
    room, hall = space_row(server), space_row(server, "aula")
    first = (wib(2026, 3, 10, 10), wib(2026, 3, 10, 12))
    assert not refused(server, room, *first, setup=30, cleanup=30)
    assert refused(server, room, wib(2026, 3, 10, 11), wib(2026, 3, 10, 13))
    assert refused(server, room, wib(2026, 3, 10, 8), wib(2026, 3, 10, 9, 31))  # into the setup
    assert refused(server, room, wib(2026, 3, 10, 12, 29), wib(2026, 3, 10, 14))  # the cleanup
    assert not refused(server, room, wib(2026, 3, 10, 8), wib(2026, 3, 10, 9, 30))  # back to back
    assert not refused(server, room, wib(2026, 3, 10, 12, 30), wib(2026, 3, 10, 14))
    assert not refused(server, hall, wib(2026, 3, 10, 11), wib(2026, 3, 10, 13))
    # Across midnight.
    assert not refused(server, hall, wib(2026, 3, 10, 22), wib(2026, 3, 11, 2))
    assert refused(server, hall, wib(2026, 3, 11, 1, 59), wib(2026, 3, 11, 3))


def test_slotless_bookings_take_no_room_on_postgres(server: Connection) -> None:
    room = space_row(server)
    starts, ends = wib(2026, 3, 10, 9), wib(2026, 3, 10, 11)
    assert not refused(server, room, starts, ends, status="cancelled")
    assert not refused(server, room, starts, ends, status="released")
    assert not refused(server, room, starts, ends, status="conflict")  # another desk won it
    assert not refused(server, room, starts, ends, status="provisional")
    assert refused(server, room, starts, ends, status="confirmed")
    server.commit()
    cancelled = booking_row(server, room, starts, ends, status="cancelled")
    server.commit()
    with pytest.raises(IntegrityError, match="bookings_no_overlap"):
        set_status(server, cancelled, "confirmed")
    server.rollback()
