"""The bookings service: the space catalogue (administrators), booking with the
price and its charge, and no double booking: the service refuses with a
BookingConflict that names the booking in the way, at the edges (back to back
with no buffers is allowed, one minute over is not; buffers count on both
sides), across midnight, and never on a cancelled booking's slot."""

from __future__ import annotations

from datetime import date

import pytest

from smesco_desk.errors import AlreadyDone, DomainError, NotFound, PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.bookings import BookingConflict
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import SpaceInfo
from smesco_desk.values.payments import PayerForm, PaymentForm
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.core.helpers_core import FakeClock, cash, scalar, wib


@pytest.fixture
def room(core: Core, admin: Actor) -> SpaceInfo:
    """The small meeting room, with 15-minute buffers (helpers_bookings.space_form)."""
    return core.bookings.save_space(admin, space_form())


@pytest.fixture
def bare_room(core: Core, admin: Actor) -> SpaceInfo:
    """A meeting room with no buffers."""
    return core.bookings.save_space(
        admin,
        space_form(
            code="rapat_sedang", name="Ruang Rapat Sedang", setup_minutes=0, cleanup_minutes=0
        ),
    )


@pytest.fixture
def hall(core: Core, admin: Actor) -> SpaceInfo:
    """The event hall, open day and night, no buffers."""
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


def bookings_count(core: Core) -> int:
    return int(scalar(core, "SELECT count(*) FROM bookings"))


# --- the catalogue --------------------------------------------------------------------------


def test_spaces_are_kept_by_administrators(
    core: Core, admin: Actor, supervisor: Actor, receptionist: Actor
) -> None:
    saved = core.bookings.save_space(admin, space_form(code=" Rapat_Kecil "))
    assert saved.code == "rapat_kecil" and saved.capacity == 8
    assert saved.opening_hours["mon"] == ["08:00", "21:00"] and "sun" not in saved.opening_hours
    again = core.bookings.save_space(admin, space_form(capacity=10, active=False))
    assert again.id == saved.id and again.capacity == 10
    assert core.bookings.spaces() == []
    assert [s.code for s in core.bookings.spaces(active_only=False)] == ["rapat_kecil"]
    for who in (supervisor, receptionist):
        with pytest.raises(PermissionDenied):
            core.bookings.save_space(who, space_form(code="lain"))
    with pytest.raises(ValidationError) as refused:
        core.bookings.save_space(admin, space_form(code="x y", kind_code="nope", capacity=0))
    assert set(refused.value.errors) == {"code", "kind_code", "capacity"}


# --- booking: the price and the charge ------------------------------------------------------


def test_a_booking_makes_a_charge_that_payments_turns_into_a_receipt(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    form = booking_form(room.code, wib(2026, 3, 10, 10), wib(2026, 3, 10, 15))  # 5 hours
    booked = core.bookings.book(receptionist, form)
    assert (booked.status, booked.space_code, booked.attendees) == ("confirmed", room.code, 6)
    assert (booked.setup_minutes, booked.cleanup_minutes) == (15, 15)
    assert (booked.total, booked.paid, booked.owed) == (1_300_000, 0, 1_300_000)  # half day + 1 h
    assert core.bookings.quote(form).total == booked.total
    charge = core.payments.charge(booked.charge_id or "")
    assert (charge.status, charge.source, charge.payer_name) == (
        "open",
        f"booking:{booked.id}",
        "Koperasi Maju Bersama",
    )
    assert [(ln.quantity, ln.unit) for ln in charge.lines] == [(1, "setengah hari"), (1, "jam")]
    core.payments.open_shift(receptionist, 0)
    core.payments.pay(receptionist, charge.id, cash(1_300_000))
    (listed,) = core.bookings.bookings_on(date(2026, 3, 10))
    assert (listed.id, listed.paid, listed.owed) == (booked.id, 1_300_000, 0)
    assert listed.to_json()["starts_at"] == "2026-03-10T10:00:00+07:00"


def test_a_registered_umkm_gets_the_discount_and_the_kind_of_charge_its_tax(
    core: Core, admin: Actor, receptionist: Actor, room: SpaceInfo
) -> None:
    from smesco_desk.domain.charges import TaxRule

    core.payments.save_charge_kind(admin, "room", "Sewa ruang", [TaxRule("ppn", "PPN", 1100)])
    form = booking_form(
        room.code,
        wib(2026, 3, 10, 10),
        wib(2026, 3, 10, 15),
        payer=PayerForm("umkm", "Batik Sekar Jagad"),
        umkm=True,
    )
    booked = core.bookings.book(receptionist, form)
    assert booked.total == 1_154_400  # (1.000.000 + 300.000) less 20%, plus 11%
    charge = core.payments.charge(booked.charge_id or "")
    assert (charge.discount_total, charge.tax_total) == (260_000, 114_400)


def test_a_free_space_makes_no_charge(core: Core, admin: Actor, receptionist: Actor) -> None:
    lounge = core.bookings.save_space(
        admin,
        space_form(code="lounge", kind="lounge", rate_hour=0, rate_half_day=0, rate_day=0),
    )
    booked = core.bookings.book(
        receptionist, booking_form(lounge.code, wib(2026, 3, 10, 10), wib(2026, 3, 10, 11))
    )
    assert (booked.charge_id, booked.total) == (None, 0)


# --- refusals at the field ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("starts", "ends", "attendees", "field"),
    [
        (wib(2026, 3, 10, 10), wib(2026, 3, 10, 12), 9, "attendees"),  # capacity 8
        (wib(2026, 3, 10, 20), wib(2026, 3, 10, 22), 4, "ends_at"),  # closes at 21:00
        (wib(2026, 3, 15, 10), wib(2026, 3, 15, 12), 4, "starts_at"),  # closed on Sunday
        (wib(2026, 3, 10, 8), wib(2026, 3, 10, 10), 4, "starts_at"),  # it is 09:00 now
        (wib(2026, 3, 10, 12), wib(2026, 3, 10, 11), 4, "ends_at"),  # end before start
    ],
)
def test_refusals_name_their_field_and_write_nothing(
    core: Core, receptionist: Actor, room: SpaceInfo, starts, ends, attendees: int, field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        core.bookings.book(receptionist, booking_form(room.code, starts, ends, attendees=attendees))
    assert set(refused.value.errors) == {field}
    assert bookings_count(core) == 0
    assert scalar(core, "SELECT count(*) FROM charges") == 0


def test_unknown_space_and_bad_text(core: Core, receptionist: Actor, room: SpaceInfo) -> None:
    with pytest.raises(NotFound):
        core.bookings.book(
            receptionist, booking_form("gudang", wib(2026, 3, 10, 10), wib(2026, 3, 10, 11))
        )
    with pytest.raises(ValidationError) as refused:
        core.bookings.book(
            receptionist,
            booking_form(room.code, wib(2026, 3, 10, 10), wib(2026, 3, 10, 11), title="\u200b"),
        )
    assert set(refused.value.errors) == {"title"}
    assert bookings_count(core) == 0


# --- no double booking -------------------------------------------------------------------------


def test_booking_conflict_is_a_domain_error_naming_the_booking_in_the_way(
    core: Core, receptionist: Actor, bare_room: SpaceInfo
) -> None:
    first = core.bookings.book(
        receptionist,
        booking_form(bare_room.code, wib(2026, 3, 10, 13), wib(2026, 3, 10, 15), "Pelatihan QRIS"),
    )
    with pytest.raises(BookingConflict) as refused:
        core.bookings.book(
            receptionist, booking_form(bare_room.code, wib(2026, 3, 10, 14), wib(2026, 3, 10, 16))
        )
    assert isinstance(refused.value, DomainError) and refused.value.booking.id == first.id
    assert refused.value.field == "starts_at"
    assert refused.value.message == (
        'Bentrok dengan "Pelatihan QRIS" di Ruang Rapat Sedang, 10-03-2026 13:00-15:00 WIB.'
    )
    assert bookings_count(core) == 1


def test_back_to_back_is_allowed_one_minute_over_is_not(
    core: Core, receptionist: Actor, bare_room: SpaceInfo
) -> None:
    book = core.bookings.book
    book(receptionist, booking_form(bare_room.code, wib(2026, 3, 10, 10), wib(2026, 3, 10, 12)))
    book(receptionist, booking_form(bare_room.code, wib(2026, 3, 10, 12), wib(2026, 3, 10, 13)))
    book(receptionist, booking_form(bare_room.code, wib(2026, 3, 10, 9, 30), wib(2026, 3, 10, 10)))
    for starts, ends in (
        (wib(2026, 3, 10, 12, 59), wib(2026, 3, 10, 14)),
        (wib(2026, 3, 10, 9, 0), wib(2026, 3, 10, 9, 31)),
    ):
        with pytest.raises(BookingConflict):
            book(receptionist, booking_form(bare_room.code, starts, ends))
    assert bookings_count(core) == 3


def test_buffers_count_on_both_sides(
    core: Core, admin: Actor, receptionist: Actor, room: SpaceInfo
) -> None:
    book = core.bookings.book
    # 10:00-12:00 occupies 09:45-12:15; a newcomer's own buffers take 15 minutes more.
    first = book(receptionist, booking_form(room.code, wib(2026, 3, 10, 10), wib(2026, 3, 10, 12)))
    for starts, ends in (
        (wib(2026, 3, 10, 12, 15), wib(2026, 3, 10, 13)),  # its cleanup and my setup
        (wib(2026, 3, 10, 12, 29), wib(2026, 3, 10, 13)),
        (wib(2026, 3, 10, 9, 15), wib(2026, 3, 10, 9, 31)),  # my cleanup and its setup
    ):
        with pytest.raises(BookingConflict) as refused:
            book(receptionist, booking_form(room.code, starts, ends))
        assert refused.value.booking.id == first.id
        assert "Jeda persiapan 15 dan pembersihan 15 menit" in refused.value.message
    book(receptionist, booking_form(room.code, wib(2026, 3, 10, 12, 30), wib(2026, 3, 10, 13)))
    book(receptionist, booking_form(room.code, wib(2026, 3, 10, 9, 15), wib(2026, 3, 10, 9, 30)))
    # A change of the space's buffers applies to later bookings; these keep theirs.
    core.bookings.save_space(admin, space_form(setup_minutes=60))
    assert core.bookings.booking(first.id).setup_minutes == 15


def test_across_midnight(core: Core, receptionist: Actor, hall: SpaceInfo) -> None:
    night = core.bookings.book(
        receptionist,
        booking_form(hall.code, wib(2026, 3, 10, 22), wib(2026, 3, 11, 2), "Malam budaya"),
    )
    with pytest.raises(BookingConflict) as refused:
        core.bookings.book(
            receptionist, booking_form(hall.code, wib(2026, 3, 11, 1), wib(2026, 3, 11, 3))
        )
    assert "10-03-2026 22:00 - 11-03-2026 02:00" in refused.value.message
    core.bookings.book(
        receptionist, booking_form(hall.code, wib(2026, 3, 11, 2), wib(2026, 3, 11, 3))
    )
    assert [b.id for b in core.bookings.bookings_on(date(2026, 3, 10))] == [night.id]
    on_wednesday = core.bookings.bookings_on(date(2026, 3, 11))
    assert [b.id for b in on_wednesday][0] == night.id and len(on_wednesday) == 2


def test_a_cancelled_bookings_slot_is_free(
    core: Core, receptionist: Actor, tenant_manager: Actor, room: SpaceInfo
) -> None:
    # (two days ahead: cancelled free of charge; the policy: test_bookings_policies.py)
    form = booking_form(room.code, wib(2026, 3, 12, 10), wib(2026, 3, 12, 12))
    first = core.bookings.book(receptionist, form)
    cancelled = core.bookings.cancel(tenant_manager, first.id, "acara diundur")
    assert (cancelled.status, cancelled.cancel_reason, cancelled.owed) == (
        "cancelled",
        "acara diundur",
        0,
    )
    assert core.payments.charge(first.charge_id or "").status == "cancelled"
    assert core.payments.open_charges() == []
    with pytest.raises(AlreadyDone):
        core.bookings.cancel(receptionist, first.id)
    again = core.bookings.book(receptionist, form)
    assert again.status == "confirmed"
    statuses = [b.status for b in core.bookings.bookings_on(date(2026, 3, 12))]
    assert statuses == ["cancelled", "confirmed"]


def test_a_paid_booking_cancelled_keeps_its_receipt(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 12, 10), wib(2026, 3, 12, 11))
    )
    core.payments.open_shift(receptionist, 0)
    core.payments.pay(receptionist, booked.charge_id or "", PaymentForm("qris", None, "QR-1"))
    cancelled = core.bookings.cancel(receptionist, booked.id)
    assert core.payments.charge(booked.charge_id or "").status == "paid"
    assert (cancelled.paid, cancelled.owed) == (300_000, 0)


def test_a_quote_longer_than_a_booking_may_be_is_refused_at_the_end(
    core: Core, admin: Actor
) -> None:
    # An hourly rate alone over years once raised a bare AmountError (the fuzz found it).
    core.bookings.save_space(admin, space_form(rate_half_day=0, rate_day=0))
    form = booking_form("rapat_kecil", wib(2000, 1, 1, 10), wib(2026, 3, 10, 10))
    with pytest.raises(ValidationError) as refused:
        core.bookings.quote(form)
    assert set(refused.value.errors) == {"ends_at"}


def test_misfits_name_the_bookings_to_come_a_change_of_the_space_leaves_out(
    core: Core, clock: FakeClock, receptionist: Actor, room: SpaceInfo
) -> None:
    # It is 2026-03-10 09:00 WIB (a Tuesday); at 10:30 one booking is over, one cancelled.
    over = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 10, 9, 30), wib(2026, 3, 10, 10))
    )
    evening = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 11, 19), wib(2026, 3, 11, 20))
    )
    crowded = core.bookings.book(
        receptionist,
        booking_form(room.code, wib(2026, 3, 12, 10), wib(2026, 3, 12, 11), attendees=8),
    )
    gone = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 13, 19), wib(2026, 3, 13, 20))
    )
    core.bookings.cancel(receptionist, gone.id, "batal")
    clock.now = wib(2026, 3, 10, 10, 30)
    assert core.bookings.misfits(space_form()) == []  # unchanged: everything fits

    early_closing = space_form(
        capacity=6, opening_hours={d: ["08:00", "18:00"] for d in WEEK[:6]}
    )
    found = core.bookings.misfits(early_closing)
    assert [(m.booking.id, m.reason) for m in found] == [
        (evening.id, "di luar jam buka baru"),
        (crowded.id, "8 peserta, kapasitas 6"),
    ]
    assert over.id not in {m.booking.id for m in found}
    retired = core.bookings.misfits(space_form(active=False))
    assert [m.booking.id for m in retired] == [evening.id, crowded.id]
    assert core.bookings.misfits(space_form(code="ruang_baru", active=False)) == []
    bad_hours = space_form(opening_hours={"mon": ["25:00", "08:00"]})
    assert core.bookings.misfits(bad_hours) == []  # the save's own errors say what is wrong
    assert core.bookings.spaces()[0].capacity == 8  # asking wrote nothing


# --- a range of days (the week view) ---------------------------------------------------------


def test_bookings_between_reads_a_range_of_days_of_one_space_or_all(
    core: Core, receptionist: Actor, room: SpaceInfo, hall: SpaceInfo, tenant_manager: Actor
) -> None:
    # Monday 16 March to Sunday 22 March 2026; one booking just before, one just after
    before = core.bookings.book(
        receptionist, booking_form(hall.code, wib(2026, 3, 15, 20), wib(2026, 3, 15, 22))
    )
    night = core.bookings.book(
        receptionist, booking_form(hall.code, wib(2026, 3, 15, 22, 30), wib(2026, 3, 16, 1))
    )
    monday = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 16, 10), wib(2026, 3, 16, 11))
    )
    cancelled = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 19, 14), wib(2026, 3, 19, 15))
    )
    core.bookings.cancel(tenant_manager, cancelled.id)
    sunday = core.bookings.book(
        receptionist, booking_form(hall.code, wib(2026, 3, 22, 23), wib(2026, 3, 23, 1))
    )
    after = core.bookings.book(
        receptionist, booking_form(hall.code, wib(2026, 3, 23, 1), wib(2026, 3, 23, 2))
    )
    week = core.bookings.bookings_between(date(2026, 3, 16), date(2026, 3, 22))
    assert [b.id for b in week] == [night.id, monday.id, cancelled.id, sunday.id]
    assert after.id not in {b.id for b in week} and before.id not in {b.id for b in week}
    assert week[2].status == "cancelled"  # shown (struck out), taking no slot
    of_hall = core.bookings.bookings_between(date(2026, 3, 16), date(2026, 3, 22), hall.id)
    assert [b.id for b in of_hall] == [night.id, sunday.id]
    of_room = core.bookings.bookings_between(date(2026, 3, 16), date(2026, 3, 22), room.id)
    assert [b.id for b in of_room] == [monday.id, cancelled.id]
    assert core.bookings.bookings_between(date(2026, 3, 16), date(2026, 3, 22), "tidak-ada") == []
    # one day is the same as bookings_on
    one = core.bookings.bookings_between(date(2026, 3, 15), date(2026, 3, 15))
    assert one == core.bookings.bookings_on(date(2026, 3, 15)) and before.id in {b.id for b in one}


def test_bookings_between_refuses_a_bad_range_at_its_field(core: Core) -> None:
    with pytest.raises(ValidationError) as backwards:
        core.bookings.bookings_between(date(2026, 3, 22), date(2026, 3, 16))
    assert set(backwards.value.errors) == {"end_day"}
    with pytest.raises(ValidationError) as too_long:
        core.bookings.bookings_between(date(2026, 1, 1), date(2026, 12, 31))
    assert "92" in too_long.value.errors["end_day"]
    with pytest.raises(ValidationError) as not_a_day:
        core.bookings.bookings_between("2026-03-09", date(2026, 3, 22))  # type: ignore[arg-type]
    assert set(not_a_day.value.errors) == {"start_day"}
    with pytest.raises(ValidationError) as far:
        core.bookings.bookings_between(date(1, 1, 1), date(1, 1, 2))
    assert set(far.value.errors) == {"start_day"}
