"""A booking another desk won the slot of (status "conflict", made so by the sync
server: tests/sync/test_sync_booking_conflicts.py), at one desk: the free slots
it could move to, moving it there, and the status of new bookings (confirmed at
a desk on its own, provisional at one enrolled in sync)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from smesco_desk.clock import WIB
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.bookings import BookingConflict
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import BookingRecord
from tests.core.helpers_bookings import booking_form, space_form
from tests.core.helpers_core import FakeClock, cash, rows, wib

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
    assert moved.total == booking.total  # the same rates: the same price
    assert (moved.owed, moved.paid) == (booking.total, 0)


# --- the money follows, as in any move (services.bookings.moving) ---------------------------


def _priced_rooms(core: Core, admin: Actor) -> None:
    """Two more meeting rooms beside Rapat A (Rp300.000 an hour): a dearer one and a
    cheaper one, both with room for 6."""
    for code, rate in (("rapat_mahal", 500_000), ("rapat_murah", 200_000)):
        form = space_form(code=code, name=code.title(), capacity=10, rate_hour=rate)
        core.bookings.save_space(admin, form)


def _paid_conflict(core: Core, actor: Actor, hour: int) -> BookingRecord:
    """A booking of Rapat A on 11 March, paid in cash, then in conflict."""
    booking = core.bookings.book(
        actor, booking_form("rapat_a", wib(2026, 3, 11, hour), wib(2026, 3, 11, hour + 2))
    )
    if core.payments.current_shift(actor) is None:
        core.payments.open_shift(actor, 0)
    core.payments.pay(actor, booking.charge_id or "", cash())
    _in_conflict(core, booking.id)
    return booking


def _price(core: Core, code: str, start: datetime, end: datetime) -> int:
    return core.bookings.quote(booking_form(code, start, end)).total


def _live_charges(core: Core, booking_id: str) -> list[tuple[str, int]]:
    found = rows(
        core,
        "SELECT status, total FROM charges WHERE source = :s AND status != 'cancelled'"
        " ORDER BY created_at, id",
        s=f"booking:{booking_id}",
    )
    return [(r[0], r[1]) for r in found]


def test_a_paid_booking_in_conflict_moved_to_a_dearer_room_owes_the_difference(
    core: Core, admin: Actor, receptionist: Actor, spaces: Spaces
) -> None:
    _priced_rooms(core, admin)
    booking = _paid_conflict(core, receptionist, 10)
    start, end = wib(2026, 3, 11, 14), wib(2026, 3, 11, 16)
    dearer = _price(core, "rapat_mahal", start, end)
    assert dearer > booking.total
    moved = core.bookings.move_conflicted(
        receptionist, booking.id, start, end, "rapat_mahal", "ke ruang mahal"
    )
    assert (moved.status, moved.space_code) == ("confirmed", "rapat_mahal")
    assert (moved.total, moved.paid, moved.owed, moved.refund_due) == (
        dearer,
        booking.total,
        dearer - booking.total,
        0,
    )
    # The receipt stands; the difference is a new open charge, payable as any.
    assert _live_charges(core, booking.id) == [
        ("paid", booking.total),
        ("open", dearer - booking.total),
    ]
    (audit,) = rows(core, "SELECT detail FROM audit_log WHERE action = 'booking.move_conflicted'")
    detail = json.loads(audit[0])
    assert detail["difference_charge"] == dearer - booking.total
    assert detail["space"] == ["rapat_a", "rapat_mahal"]
    assert not rows(core, "SELECT id FROM audit_log WHERE action = 'booking.move'")


def test_a_paid_booking_in_conflict_moved_to_a_cheaper_room_is_owed_a_refund(
    core: Core, admin: Actor, receptionist: Actor, spaces: Spaces
) -> None:
    _priced_rooms(core, admin)
    booking = _paid_conflict(core, receptionist, 10)
    start, end = wib(2026, 3, 11, 10), wib(2026, 3, 11, 12)
    cheaper = _price(core, "rapat_murah", start, end)
    moved = core.bookings.move_conflicted(receptionist, booking.id, start, end, "rapat_murah")
    assert (moved.total, moved.paid, moved.owed, moved.refund_due) == (
        cheaper,
        booking.total,
        0,
        booking.total - cheaper,
    )
    (credit,) = core.payments.refunds_due()
    assert (credit.total, credit.status, credit.source) == (
        cheaper - booking.total,
        "refund_due",
        f"booking:{booking.id}",
    )


def test_an_unpaid_booking_in_conflict_moved_takes_the_new_price(
    core: Core, admin: Actor, receptionist: Actor, spaces: Spaces
) -> None:
    _priced_rooms(core, admin)
    booking = core.bookings.book(
        receptionist, booking_form("rapat_a", wib(2026, 3, 11, 10), wib(2026, 3, 11, 12))
    )
    _in_conflict(core, booking.id)
    start, end = wib(2026, 3, 11, 10), wib(2026, 3, 11, 13)  # longer, and dearer per hour
    moved = core.bookings.move_conflicted(receptionist, booking.id, start, end, "rapat_mahal")
    new_total = _price(core, "rapat_mahal", start, end)
    assert (moved.total, moved.owed, moved.paid) == (new_total, new_total, 0)
    assert moved.charge_id != booking.charge_id  # the old charge cancelled, replaced
    assert _live_charges(core, booking.id) == [("open", new_total)]
    (old,) = rows(core, "SELECT status FROM charges WHERE id = :i", i=booking.charge_id)
    assert old[0] == "cancelled"


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
