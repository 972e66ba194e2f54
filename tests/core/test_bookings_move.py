"""Moving and resizing a booking on the core's clock (Tuesday 10 March 2026,
09:00 WIB): the same checks as booking (opening hours, not in the past,
buffers, capacity, BookingConflict naming the booking in the way but never
the booking's own old slot), the price following, and the money: an unpaid
charge takes the new price; a paid one stays, a dearer slot adds a charge of
the difference, a cheaper one a credit owed back. All or nothing."""

from __future__ import annotations

import pytest

from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.bookings import BookingConflict
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import BookingRecord, SpaceInfo
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.core.helpers_core import cash, rows, scalar, table_counts, wib


@pytest.fixture
def room(core: Core, admin: Actor) -> SpaceInfo:
    """Open 08:00-21:00 Monday to Saturday, 15-minute buffers, Rp300.000 an hour,
    Rp1.000.000 a half day (4 h), capacity 8."""
    return core.bookings.save_space(admin, space_form())


@pytest.fixture
def hall(core: Core, admin: Actor) -> SpaceInfo:
    """Open day and night, no buffers, capacity 300, the same rates."""
    return core.bookings.save_space(
        admin,
        space_form(
            code="aula",
            name="Aula Serbaguna",
            kind="event_hall",
            capacity=300,
            opening_hours={d: ["00:00", "24:00"] for d in WEEK},
            setup_minutes=0,
            cleanup_minutes=0,
        ),
    )


def book(
    core: Core,
    actor: Actor,
    space: SpaceInfo,
    day: int,
    start: int,
    end: int,
    title: str = "Rapat koperasi",
) -> BookingRecord:
    form = booking_form(space.code, wib(2026, 3, day, start), wib(2026, 3, day, end), title)
    return core.bookings.book(actor, form)


def pay(core: Core, actor: Actor, booking: BookingRecord) -> None:
    if core.payments.current_shift(actor) is None:
        core.payments.open_shift(actor, 0)
    core.payments.pay(actor, booking.charge_id or "", cash(booking.owed))


def live_charges(core: Core, booking_id: str) -> list[tuple[str, int]]:
    sql = (
        "SELECT status, total FROM charges WHERE source = :s AND status != 'cancelled' "
        "ORDER BY created_at, id"
    )
    return [(r[0], r[1]) for r in rows(core, sql, s=f"booking:{booking_id}")]


# --- the slot ------------------------------------------------------------------------------


def test_a_move_changes_the_times_and_the_unpaid_charge_takes_the_new_price(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, 12, 10, 12)  # 2 h: Rp600.000
    assert booked.owed == 600_000
    quote = core.bookings.quote_move(booked.id, wib(2026, 3, 12, 13), wib(2026, 3, 12, 16))
    assert (quote.old_total, quote.new_total, quote.new_charge, quote.refund) == (
        600_000,
        900_000,
        0,
        0,
    )
    moved = core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 13), wib(2026, 3, 12, 16))
    assert (moved.id, moved.starts_at, moved.ends_at) == (
        booked.id,
        wib(2026, 3, 12, 13),
        wib(2026, 3, 12, 16),
    )
    assert (moved.total, moved.paid, moved.owed, moved.refund_due) == (900_000, 0, 900_000, 0)
    assert moved.charge_id != booked.charge_id
    assert core.payments.charge(booked.charge_id or "").status == "cancelled"
    assert live_charges(core, booked.id) == [("open", 900_000)]
    # The occupied time follows, with the buffers.
    occupied = rows(
        core, "SELECT occupied_from, occupied_until FROM bookings WHERE id = :i", i=booked.id
    )[0]
    assert [str(v)[:16] for v in occupied] == ["2026-03-12 05:45", "2026-03-12 09:15"]
    detail = scalar(core, "SELECT detail FROM audit_log WHERE action = 'booking.move'")
    assert "900000" in str(detail) and "600000" in str(detail)


def test_the_same_price_keeps_the_unpaid_charge(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, 12, 10, 12)
    moved = core.bookings.move(receptionist, booked.id, wib(2026, 3, 13, 14), wib(2026, 3, 13, 16))
    assert (moved.charge_id, moved.owed) == (booked.charge_id, 600_000)


def test_a_booking_may_move_over_its_own_old_slot(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, 12, 10, 12)
    moved = core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 11), wib(2026, 3, 12, 13))
    assert moved.starts_at == wib(2026, 3, 12, 11)
    shorter = core.bookings.move(
        receptionist, booked.id, wib(2026, 3, 12, 11), wib(2026, 3, 12, 12)
    )
    assert (shorter.ends_at, shorter.total) == (wib(2026, 3, 12, 12), 300_000)


def test_a_clash_names_the_booking_in_the_way_and_writes_nothing(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    mover = book(core, receptionist, room, 12, 10, 12)
    other = book(core, receptionist, room, 12, 14, 16, "Pelatihan foto")
    before = table_counts(core)
    # 12:00-13:50 ends 10 minutes before the other's setup starts: the cleanup buffer
    # of 15 minutes meets it.
    with pytest.raises(BookingConflict) as clash:
        core.bookings.move(receptionist, mover.id, wib(2026, 3, 12, 12), wib(2026, 3, 12, 13, 50))
    assert clash.value.booking.id == other.id
    assert "Pelatihan foto" in clash.value.message
    assert table_counts(core) == before
    assert core.bookings.booking(mover.id).starts_at == wib(2026, 3, 12, 10)
    # With both buffers clear (13:30 + 15 = 13:45 = 14:00 - 15), it fits.
    moved = core.bookings.move(
        receptionist, mover.id, wib(2026, 3, 12, 12), wib(2026, 3, 12, 13, 30)
    )
    assert moved.ends_at == wib(2026, 3, 12, 13, 30)


def test_opening_hours_the_past_and_capacity_are_checked_at_the_fields(
    core: Core, receptionist: Actor, room: SpaceInfo, hall: SpaceInfo
) -> None:
    booked = book(core, receptionist, hall, 12, 10, 12)  # 6 people
    crowd = core.bookings.book(
        receptionist,
        booking_form(hall.code, wib(2026, 3, 12, 14), wib(2026, 3, 12, 16), attendees=20),
    )
    before = table_counts(core)
    cases = [
        ((booked, wib(2026, 3, 12, 20), wib(2026, 3, 12, 22), room.id), "ends_at"),  # closes at 21
        ((booked, wib(2026, 3, 15, 10), wib(2026, 3, 15, 12), room.id), "starts_at"),  # Sunday
        ((booked, wib(2026, 3, 10, 8), wib(2026, 3, 10, 10), None), "starts_at"),  # the past
        ((booked, wib(2026, 3, 12, 12), wib(2026, 3, 12, 11), None), "ends_at"),  # end < start
        ((crowd, wib(2026, 3, 12, 14), wib(2026, 3, 12, 16), room.id), "attendees"),  # 20 > 8
    ]
    for (which, starts, ends, space), field in cases:
        with pytest.raises(ValidationError) as refused:
            core.bookings.move(receptionist, which.id, starts, ends, space)
        assert set(refused.value.errors) == {field}, (starts, refused.value.errors)
    assert table_counts(core) == before


def test_a_move_to_another_space_by_id_or_code_takes_its_buffers_and_rates(
    core: Core, receptionist: Actor, room: SpaceInfo, hall: SpaceInfo
) -> None:
    booked = book(core, receptionist, hall, 12, 10, 12)
    assert (booked.setup_minutes, booked.space_code) == (0, "aula")
    moved = core.bookings.move(
        receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 12), room.id
    )
    assert (moved.space_code, moved.setup_minutes, moved.cleanup_minutes) == (room.code, 15, 15)
    back = core.bookings.move(
        receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 12), "AULA"
    )
    assert back.space_code == "aula"


def test_across_midnight_in_a_hall_open_day_and_night(
    core: Core, receptionist: Actor, hall: SpaceInfo
) -> None:
    booked = book(core, receptionist, hall, 12, 20, 22)
    late = book(core, receptionist, hall, 13, 1, 3, "Bongkar panggung")
    moved = core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 23), wib(2026, 3, 13, 1))
    assert (moved.starts_at, moved.ends_at) == (wib(2026, 3, 12, 23), wib(2026, 3, 13, 1))
    with pytest.raises(BookingConflict) as clash:
        core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 23), wib(2026, 3, 13, 1, 1))
    assert clash.value.booking.id == late.id


def test_cancelled_released_and_checked_in_bookings_are_not_moved(
    core: Core, receptionist: Actor, room: SpaceInfo, clock: object
) -> None:
    cancelled = book(core, receptionist, room, 12, 10, 12)
    core.bookings.cancel(receptionist, cancelled.id)
    with pytest.raises(DomainError):
        core.bookings.move(receptionist, cancelled.id, wib(2026, 3, 12, 14), wib(2026, 3, 12, 16))
    now = book(core, receptionist, room, 10, 9, 11)  # the clock is at 09:00 that day
    core.bookings.check_in(receptionist, now.id)
    with pytest.raises(DomainError) as refused:
        core.bookings.move(receptionist, now.id, wib(2026, 3, 10, 10), wib(2026, 3, 10, 12))
    assert "check-in" in refused.value.message


# --- the money of a paid booking ------------------------------------------------------------


def test_a_paid_booking_moved_dearer_owes_a_new_charge_of_the_difference(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, 12, 10, 12)  # Rp600.000
    pay(core, receptionist, booked)
    quote = core.bookings.quote_move(booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 13))
    assert (quote.old_total, quote.new_total, quote.new_charge, quote.refund) == (
        600_000,
        900_000,
        300_000,
        0,
    )
    moved = core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 13))
    assert (moved.total, moved.paid, moved.owed, moved.refund_due) == (900_000, 600_000, 300_000, 0)
    assert moved.charge_id == booked.charge_id  # the paid charge and its receipt stand
    assert live_charges(core, booked.id) == [("paid", 600_000), ("open", 300_000)]
    # Moved again, dearer still: the open difference is taken again, never twice.
    again = core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 14))
    assert (again.total, again.owed) == (1_000_000, 400_000)  # a half day
    assert live_charges(core, booked.id) == [("paid", 600_000), ("open", 400_000)]
    (difference,) = [c for c in core.payments.open_charges() if c.total == 400_000]
    assert difference.source == f"booking:{booked.id}" and difference.tax_total == 0


def test_a_paid_booking_moved_cheaper_is_owed_a_refund(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, 12, 10, 13)  # Rp900.000
    pay(core, receptionist, booked)
    quote = core.bookings.quote_move(booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 11))
    assert (quote.new_total, quote.new_charge, quote.refund) == (300_000, 0, 600_000)
    moved = core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 11))
    assert (moved.total, moved.paid, moved.owed, moved.refund_due) == (300_000, 900_000, 0, 600_000)
    assert moved.to_json()["refund_due"] == 600_000
    (credit,) = core.payments.refunds_due()
    assert (credit.total, credit.status, credit.payer_name) == (
        -600_000,
        "refund_due",
        "Koperasi Maju Bersama",
    )
    assert credit.source == f"booking:{booked.id}"
    assert core.payments.open_charges() == []
    # Back to the price paid: the credit is withdrawn, nothing owed either way.
    back = core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 13))
    assert (back.total, back.owed, back.refund_due) == (900_000, 0, 0)
    assert core.payments.refunds_due() == []


def test_a_paid_booking_moved_dearer_then_cheaper_than_paid(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, 12, 10, 12)  # Rp600.000, paid
    pay(core, receptionist, booked)
    dearer = core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 13))
    assert dearer.owed == 300_000
    core.payments.pay(receptionist, _open_id(core), cash(300_000))
    paid_all = core.bookings.booking(booked.id)
    assert (paid_all.total, paid_all.paid, paid_all.owed) == (900_000, 900_000, 0)
    cheaper = core.bookings.move(
        receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 11)
    )
    assert (cheaper.total, cheaper.paid, cheaper.refund_due) == (300_000, 900_000, 600_000)


def _open_id(core: Core) -> str:
    (charge,) = core.payments.open_charges()
    return charge.id


def test_cancelling_a_moved_booking_drops_the_open_difference(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, 12, 10, 12)  # Rp600.000, paid
    pay(core, receptionist, booked)
    core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 13))
    cancelled = core.bookings.cancel(receptionist, booked.id)  # free: two days ahead
    assert (cancelled.status, cancelled.owed, cancelled.paid) == ("cancelled", 0, 600_000)
    assert core.payments.open_charges() == []
    assert "600.000" in cancelled.notes  # owed back, as for any paid cancellation


def test_a_move_may_retitle_in_the_same_change(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, 12, 10, 12)
    moved = core.bookings.move(
        receptionist, booked.id, wib(2026, 3, 12, 14), wib(2026, 3, 12, 16), title=" Rapat  akhir "
    )
    assert (moved.title, moved.starts_at) == ("Rapat akhir", wib(2026, 3, 12, 14))
    with pytest.raises(ValidationError) as refused:
        core.bookings.move(
            receptionist, booked.id, wib(2026, 3, 12, 15), wib(2026, 3, 12, 16), title=" "
        )
    assert set(refused.value.errors) == {"title"}
    assert core.bookings.booking(booked.id).starts_at == wib(2026, 3, 12, 14)


def test_a_quote_of_a_slot_too_long_is_refused_at_once(
    core: Core, receptionist: Actor, hall: SpaceInfo
) -> None:
    booked = book(core, receptionist, hall, 12, 10, 12)
    with pytest.raises(ValidationError) as refused:
        core.bookings.quote_move(booked.id, wib(2026, 3, 12, 10), wib(8000, 1, 1, 10))
    assert set(refused.value.errors) == {"ends_at"}
