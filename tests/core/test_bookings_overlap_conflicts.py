"""A booking another desk won the slot of (status "conflict", made so by the sync
server: tests/sync/test_sync_booking_conflicts.py), at one desk: the free slots
it could move to, moving it there, and the status of new bookings (confirmed at
a desk on its own, provisional at one enrolled in sync)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from smesco_desk.clock import WIB
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.bookings import BookingConflict
from smesco_desk.services.core import Core
from tests.core.helpers_bookings import booking_form, space_form
from tests.core.helpers_core import FakeClock, wib

Spaces = dict[str, str]


@pytest.fixture
def spaces(core: Core, admin: Actor) -> Spaces:
    """Three meeting rooms (8, 12 and 4 people) and a classroom, open 08:00-21:00
    Monday to Saturday, with 15-minute buffers (helpers_bookings.space_form)."""
    made = {}
    for code, kind, capacity in (
        ("rapat_a", "meeting_room", 8),
        ("rapat_b", "meeting_room", 12),
        ("rapat_c", "meeting_room", 4),
        ("kelas", "classroom", 30),
    ):
        form = space_form(
            code=code, name=code.replace("_", " ").title(), kind=kind, capacity=capacity
        )
        made[code] = core.bookings.save_space(admin, form).id
    return made


def _in_conflict(core: Core, booking_id: str) -> None:
    """What the sync server does to a booking whose slot another desk had."""
    with core.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE bookings SET status = 'conflict' WHERE id = :i"), {"i": booking_id}
        )


def test_a_desk_on_its_own_books_confirmed_an_enrolled_one_provisional(
    core: Core, receptionist: Actor, spaces: Spaces
) -> None:
    form = booking_form("rapat_a", wib(2026, 3, 11, 10), wib(2026, 3, 11, 12))
    assert core.bookings.book(receptionist, form).status == "confirmed"
    with core.db.engine.begin() as conn:  # what enrolment leaves in the link state
        conn.execute(text("INSERT INTO sync_state (key, value) VALUES ('server_url', 'x')"))
    later = booking_form("rapat_a", wib(2026, 3, 11, 14), wib(2026, 3, 11, 16))
    assert core.bookings.book(receptionist, later).status == "provisional"


def test_suggestions_are_free_slots_the_same_time_first(
    core: Core, receptionist: Actor, spaces: Spaces
) -> None:
    won = core.bookings.book(
        receptionist, booking_form("rapat_a", wib(2026, 3, 11, 10), wib(2026, 3, 11, 12))
    )
    # Rapat B is taken 09:00-09:30: its cleanup ends 09:45, when a 10:00 setup begins.
    core.bookings.book(
        receptionist, booking_form("rapat_b", wib(2026, 3, 11, 9), wib(2026, 3, 11, 9, 30))
    )
    lost = core.bookings.book(
        receptionist, booking_form("rapat_a", wib(2026, 3, 11, 13), wib(2026, 3, 11, 15))
    )
    with core.db.engine.begin() as conn:  # the clash the server found: the same slot
        conn.execute(
            text(
                "UPDATE bookings SET status = 'conflict', starts_at = :s, ends_at = :e,"
                " occupied_from = :f, occupied_until = :u WHERE id = :i"
            ),
            {
                "s": wib(2026, 3, 11, 10).isoformat(),
                "e": wib(2026, 3, 11, 12).isoformat(),
                "f": wib(2026, 3, 11, 9, 45).isoformat(),
                "u": wib(2026, 3, 11, 12, 15).isoformat(),
                "i": lost.id,
            },
        )
    moves = core.bookings.suggest_moves(lost.id, limit=4)
    found = [(m.space_code, m.starts_at, m.ends_at, m.same_space) for m in moves]
    assert found == [
        ("rapat_b", wib(2026, 3, 11, 10), wib(2026, 3, 11, 12), False),  # 12 >= 6 people
        # Rapat A itself after the winner's cleanup (12:15 + its own setup 15 min).
        ("rapat_a", wib(2026, 3, 11, 12, 30), wib(2026, 3, 11, 14, 30), True),
        ("rapat_a", wib(2026, 3, 11, 13), wib(2026, 3, 11, 15), True),
        ("rapat_a", wib(2026, 3, 11, 13, 30), wib(2026, 3, 11, 15, 30), True),
    ]
    assert won.id != lost.id
    # Never in the past, never outside opening hours (08:00-21:00).
    for move in core.bookings.suggest_moves(lost.id, limit=50):
        assert move.starts_at >= wib(2026, 3, 10, 9)
        assert move.starts_at.astimezone(WIB).hour >= 8
        assert move.ends_at.astimezone(WIB) <= move.starts_at.astimezone(WIB).replace(hour=21)
        assert move.ends_at - move.starts_at == timedelta(hours=2)
    for bad in (0, 51, True, "5"):
        with pytest.raises(ValidationError):
            core.bookings.suggest_moves(lost.id, limit=bad)  # type: ignore[arg-type]


def test_moving_a_booking_in_conflict(
    core: Core, receptionist: Actor, spaces: Spaces, clock: FakeClock
) -> None:
    core.bookings.book(
        receptionist, booking_form("rapat_b", wib(2026, 3, 11, 10), wib(2026, 3, 11, 12))
    )
    booking = core.bookings.book(
        receptionist, booking_form("rapat_a", wib(2026, 3, 11, 10), wib(2026, 3, 11, 12))
    )
    start, end = wib(2026, 3, 11, 14), wib(2026, 3, 11, 16)
    with pytest.raises(DomainError, match="tidak sedang bentrok"):
        core.bookings.move_conflicted(receptionist, booking.id, start, end)
    _in_conflict(core, booking.id)
    with pytest.raises(BookingConflict):
        core.bookings.move_conflicted(
            receptionist, booking.id, wib(2026, 3, 11, 11), wib(2026, 3, 11, 13), spaces["rapat_b"]
        )
    with pytest.raises(ValidationError) as refused:  # 6 people do not fit in Rapat C
        core.bookings.move_conflicted(receptionist, booking.id, start, end, spaces["rapat_c"])
    assert "attendees" in refused.value.errors
    with pytest.raises(ValidationError):  # Sunday: closed
        core.bookings.move_conflicted(
            receptionist, booking.id, wib(2026, 3, 15, 10), wib(2026, 3, 15, 12)
        )
    moved = core.bookings.move_conflicted(
        receptionist, booking.id, start, end, spaces["rapat_b"], "ke ruang B"
    )
    assert (moved.status, moved.space_code, moved.starts_at) == ("confirmed", "rapat_b", start)
    assert moved.total == booking.total  # the charge stays as it was


def test_a_provisional_no_show_is_released_too(
    core: Core, receptionist: Actor, spaces: Spaces, clock: FakeClock
) -> None:
    with core.db.engine.begin() as conn:
        conn.execute(text("INSERT INTO sync_state (key, value) VALUES ('server_url', 'x')"))
    booking = core.bookings.book(
        receptionist, booking_form("rapat_a", wib(2026, 3, 10, 10), wib(2026, 3, 10, 12))
    )
    assert booking.status == "provisional"
    clock.set_wib(2026, 3, 10, 13)
    released = core.bookings.release_no_shows(receptionist)
    assert [b.id for b in released] == [booking.id]
