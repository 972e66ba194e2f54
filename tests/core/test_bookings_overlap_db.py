"""The database itself refuses a double booking (SQLite, every desk): a row
written past the service that makes two live bookings of one space overlap,
buffers included, is refused by the trigger of migration 0008. The same rules
on PostgreSQL: tests/sync/test_sync_bookings_guard.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from smesco_desk.services.core import Core
from tests.core.helpers_bookings import booking_row, set_status, space_row
from tests.core.helpers_core import wib


@pytest.fixture
def conn(core: Core) -> Iterator[Connection]:
    with core.db.engine.connect() as c:
        yield c


def refused(conn: Connection, *args: object, **kwargs: object) -> bool:
    """Whether inserting this booking is refused by the guard (nothing is left)."""
    savepoint = conn.begin_nested() if conn.in_transaction() else conn.begin()
    try:
        booking_row(conn, *args, **kwargs)  # type: ignore[arg-type]
    except IntegrityError as exc:
        savepoint.rollback()
        assert "bookings_no_overlap" in str(exc)
        return True
    savepoint.commit()
    return False


def test_a_direct_overlapping_insert_fails(conn: Connection) -> None:
    room = space_row(conn)
    assert not refused(conn, room, wib(2026, 3, 10, 9), wib(2026, 3, 10, 11))
    assert refused(conn, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 12))
    assert refused(conn, room, wib(2026, 3, 10, 8), wib(2026, 3, 10, 9, 1))  # one minute over
    assert refused(conn, room, wib(2026, 3, 10, 9, 30), wib(2026, 3, 10, 10))  # inside
    assert refused(conn, room, wib(2026, 3, 10, 8), wib(2026, 3, 10, 12))  # around


def test_back_to_back_is_allowed_and_other_spaces_are_free(conn: Connection) -> None:
    room, hall = space_row(conn), space_row(conn, "aula")
    assert not refused(conn, room, wib(2026, 3, 10, 9), wib(2026, 3, 10, 11))
    assert not refused(conn, room, wib(2026, 3, 10, 11), wib(2026, 3, 10, 12))
    assert not refused(conn, room, wib(2026, 3, 10, 8), wib(2026, 3, 10, 9))
    assert not refused(conn, hall, wib(2026, 3, 10, 9), wib(2026, 3, 10, 11))


def test_buffers_count_on_both_sides(conn: Connection) -> None:
    room = space_row(conn)
    assert not refused(conn, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 12), setup=30, cleanup=30)
    # Its setup from 09:30, its cleanup until 12:30.
    assert refused(conn, room, wib(2026, 3, 10, 8), wib(2026, 3, 10, 9, 31))
    assert refused(conn, room, wib(2026, 3, 10, 12, 29), wib(2026, 3, 10, 14))
    assert not refused(conn, room, wib(2026, 3, 10, 8), wib(2026, 3, 10, 9, 30))
    assert not refused(conn, room, wib(2026, 3, 10, 12, 30), wib(2026, 3, 10, 14))
    # The newcomer's own buffers count too.
    assert refused(conn, room, wib(2026, 3, 10, 13), wib(2026, 3, 10, 14), setup=31)
    assert refused(conn, room, wib(2026, 3, 10, 8), wib(2026, 3, 10, 9), cleanup=31)


def test_across_midnight(conn: Connection) -> None:
    hall = space_row(conn, "aula")
    assert not refused(conn, hall, wib(2026, 3, 10, 22), wib(2026, 3, 11, 2))
    assert refused(conn, hall, wib(2026, 3, 11, 1), wib(2026, 3, 11, 3))
    assert not refused(conn, hall, wib(2026, 3, 11, 2), wib(2026, 3, 11, 3))


def test_cancelled_released_and_conflict_bookings_leave_the_slot_free(conn: Connection) -> None:
    room = space_row(conn)
    assert not refused(conn, room, wib(2026, 3, 10, 9), wib(2026, 3, 10, 11), status="cancelled")
    assert not refused(conn, room, wib(2026, 3, 10, 9), wib(2026, 3, 10, 11), status="released")
    # A booking in conflict (another desk won its slot) takes no slot either.
    assert not refused(conn, room, wib(2026, 3, 10, 9), wib(2026, 3, 10, 11), status="conflict")
    assert not refused(conn, room, wib(2026, 3, 10, 9), wib(2026, 3, 10, 11), status="provisional")
    assert refused(conn, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 11), status="confirmed")


def test_an_update_into_an_overlap_fails(conn: Connection) -> None:
    room = space_row(conn)
    conn.commit()
    with conn.begin():
        booking_row(conn, room, wib(2026, 3, 10, 9), wib(2026, 3, 10, 11))
        second = booking_row(
            conn, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 12), status="cancelled"
        )
    with pytest.raises(IntegrityError, match="bookings_no_overlap"), conn.begin():
        set_status(conn, second, "confirmed")  # cancelled -> live again: refused
