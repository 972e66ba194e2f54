"""The bookings' policies an administrator sets, on the core's clock (Tuesday
10 March 2026, 09:00 WIB): cancellation free more than N hours before the
start, then a fee as a percentage of the total (rounded half up) that becomes
the booking's charge, waived only by a supervisor; check-in from the setup
buffer's start until the end; no-shows released once the grace period has
passed (not before), their slot bookable again."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from smesco_desk.domain.booking_policy import MISTAKE_MINUTES, cancel_fee, fee_of, just_booked
from smesco_desk.domain.charges import TaxRule
from smesco_desk.errors import AlreadyDone, DomainError, PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.bookings import BookingConflict
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import BookingPolicies, BookingRecord, SpaceInfo
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_bookings import booking_form, space_form
from tests.core.helpers_core import FakeClock, rows, scalar, wib


@pytest.fixture
def room(core: Core, admin: Actor) -> SpaceInfo:
    """The small meeting room: 15-minute buffers, Rp300.000 an hour, no tax."""
    return core.bookings.save_space(admin, space_form())


def book(
    core: Core, actor: Actor, room: SpaceInfo, start: datetime, end: datetime
) -> BookingRecord:
    return core.bookings.book(actor, booking_form(room.code, start, end))


def audit_detail(core: Core, action: str) -> dict[str, object]:
    found = rows(core, "SELECT detail FROM audit_log WHERE action = :a ORDER BY at", a=action)
    return dict(json.loads(found[-1][0]))


# --- the policies ---------------------------------------------------------------------------


def test_the_policies_are_settings_an_administrator_keeps(
    core: Core, admin: Actor, supervisor: Actor
) -> None:
    assert core.bookings.policies() == BookingPolicies(24, 50, 30)
    core.settings.set(admin, "booking_free_cancel_hours", "48")
    core.settings.set(admin, "booking_cancel_fee_percent", 25)
    core.settings.set(admin, "booking_no_show_grace_minutes", 15)
    assert core.bookings.policies() == BookingPolicies(48, 25, 15)
    assert core.settings.all_public()["booking_cancel_fee_percent"] == 25
    with pytest.raises(PermissionDenied):
        core.settings.set(supervisor, "booking_cancel_fee_percent", 10)
    for key, value in [
        ("booking_free_cancel_hours", -1),
        ("booking_free_cancel_hours", 721),
        ("booking_cancel_fee_percent", 101),
        ("booking_cancel_fee_percent", "separuh"),
        ("booking_no_show_grace_minutes", 1441),
        ("booking_no_show_grace_minutes", None),
    ]:
        with pytest.raises(ValidationError) as refused:
            core.settings.set(admin, key, value)
        assert key in refused.value.errors
    assert core.bookings.policies() == BookingPolicies(48, 25, 15)


@pytest.mark.parametrize(
    ("total", "percent", "fee"),
    [
        (300_000, 50, 150_000),
        (1_001, 50, 501),  # 500.5: half up
        (1_003, 33, 331),  # 330.99
        (999, 10, 100),  # 99.9
        (10, 5, 1),  # 0.5: half up
        (14, 3, 0),  # 0.42
        (300_000, 0, 0),
        (300_000, 100, 300_000),
        (0, 50, 0),
    ],
)
def test_the_fee_is_the_percentage_rounded_half_up(total: int, percent: int, fee: int) -> None:
    assert fee_of(total, percent) == fee


def test_the_fee_starts_when_no_more_than_the_hours_are_left() -> None:
    start = wib(2026, 3, 11, 10)
    assert cancel_fee(300_000, start, wib(2026, 3, 10, 9, 59), 24, 50) == 0
    assert cancel_fee(300_000, start, wib(2026, 3, 10, 10), 24, 50) == 150_000
    assert cancel_fee(300_000, start, wib(2026, 3, 11, 12), 24, 50) == 150_000  # after the start


# --- cancelling -----------------------------------------------------------------------------


@pytest.mark.parametrize(("minutes_later", "fee"), [(59, 0), (60, 150_000)])
def test_cancelling_is_free_until_n_hours_before_the_start(
    core: Core, clock: FakeClock, receptionist: Actor, room: SpaceInfo, minutes_later: int, fee: int
) -> None:
    booked = book(core, receptionist, room, wib(2026, 3, 11, 10), wib(2026, 3, 11, 11))
    clock.advance(minutes=minutes_later)  # 24 h 1 min before the start, then 24 h exactly
    cancelled = core.bookings.cancel(receptionist, booked.id, "diundur")
    assert cancelled.status == "cancelled"
    assert core.payments.charge(booked.charge_id or "").status == "cancelled"
    assert cancelled.owed == fee
    assert audit_detail(core, "booking.cancel")["fee"] == fee
    if fee:
        assert cancelled.charge_id != booked.charge_id
        (owed,) = core.payments.open_charges()
        assert (owed.id, owed.total, owed.status) == (cancelled.charge_id, fee, "open")
    else:
        assert cancelled.charge_id == booked.charge_id and core.payments.open_charges() == []


def test_a_late_cancellation_makes_the_fee_the_bookings_charge(
    core: Core, clock: FakeClock, admin: Actor, receptionist: Actor
) -> None:
    # A taxed kind and an odd rate: the fee is a share of the total with its tax
    # (Rp100.001 + 11% = Rp111.001), half of it rounded up, and no tax added on top.
    core.payments.save_charge_kind(admin, "room", "Sewa ruang", [TaxRule("ppn", "PPN", 1100)], True)
    room = core.bookings.save_space(admin, space_form(rate_hour=100_001))
    booked = book(core, receptionist, room, wib(2026, 3, 10, 14), wib(2026, 3, 10, 15))
    assert booked.total == 111_001
    clock.advance(minutes=MISTAKE_MINUTES + 1)  # no longer a mistake put right
    cancelled = core.bookings.cancel(receptionist, booked.id, "batal")
    fee = core.payments.charge(cancelled.charge_id or "")
    assert (fee.total, fee.tax_total, fee.status, fee.payer_name) == (
        55_501,
        0,
        "open",
        "Koperasi Maju Bersama",
    )
    assert fee.kind_code == "room" and fee.source == f"booking:{booked.id}"
    assert (cancelled.total, cancelled.paid, cancelled.owed) == (55_501, 0, 55_501)
    assert core.bookings.booking(booked.id).owed == 55_501
    detail = audit_detail(core, "booking.cancel")
    assert (detail["fee"], detail["fee_percent"], detail["waived"]) == (55_501, 50, False)


def test_a_paid_booking_cancelled_late_keeps_its_receipt_and_owes_back_the_difference(
    core: Core, clock: FakeClock, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, wib(2026, 3, 10, 14), wib(2026, 3, 10, 15))
    clock.advance(minutes=MISTAKE_MINUTES + 1)
    core.payments.open_shift(receptionist, 0)
    core.payments.pay(receptionist, booked.charge_id or "", PaymentForm("qris", None, "QR-1"))
    cancelled = core.bookings.cancel(receptionist, booked.id, "batal")
    assert core.payments.charge(booked.charge_id or "").status == "paid"
    assert (cancelled.charge_id, cancelled.paid, cancelled.owed) == (booked.charge_id, 300_000, 0)
    assert "Biaya pembatalan Rp150.000 (50%)" in cancelled.notes
    assert "dikembalikan kepada pemesan Rp150.000" in cancelled.notes
    assert audit_detail(core, "booking.cancel")["refund_due"] == 150_000
    assert core.payments.open_charges() == []


def test_only_a_supervisor_may_waive_the_fee(
    core: Core,
    clock: FakeClock,
    receptionist: Actor,
    tenant_manager: Actor,
    supervisor: Actor,
    room: SpaceInfo,
) -> None:
    booked = book(core, receptionist, room, wib(2026, 3, 10, 14), wib(2026, 3, 10, 15))
    clock.advance(minutes=MISTAKE_MINUTES + 1)
    count = scalar(core, "SELECT count(*) FROM audit_log")
    for who in (receptionist, tenant_manager):
        with pytest.raises(PermissionDenied):
            core.bookings.cancel(who, booked.id, "batal", waive_fee=True)
    assert core.bookings.booking(booked.id).status == "confirmed"
    assert scalar(core, "SELECT count(*) FROM audit_log") == count
    with pytest.raises(ValidationError):
        core.bookings.cancel(supervisor, booked.id, "batal", waive_fee="ya")  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as unexplained:  # a waiver says why
        core.bookings.cancel(supervisor, booked.id, "  ", waive_fee=True)
    assert set(unexplained.value.errors) == {"reason"}
    assert core.bookings.booking(booked.id).status == "confirmed"
    cancelled = core.bookings.cancel(supervisor, booked.id, "tamu sakit", waive_fee=True)
    assert (cancelled.status, cancelled.owed, cancelled.charge_id) == (
        "cancelled",
        0,
        booked.charge_id,
    )
    assert (cancelled.total, cancelled.cancel_reason) == (0, "tamu sakit")  # nothing is owed
    assert core.payments.open_charges() == []
    detail = audit_detail(core, "booking.cancel")
    assert (detail["fee"], detail["waived"]) == (0, True)


# --- check-in -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "allowed"),
    [
        (wib(2026, 3, 10, 9, 44), False),  # before the setup buffer
        (wib(2026, 3, 10, 9, 45), True),  # the setup buffer starts (15 minutes)
        (wib(2026, 3, 10, 10, 59), True),
        (wib(2026, 3, 10, 11, 0), False),  # the booking has ended
    ],
)
def test_check_in_runs_from_the_setup_buffer_until_the_end(
    core: Core, clock: FakeClock, receptionist: Actor, room: SpaceInfo, at: datetime, allowed: bool
) -> None:
    booked = book(core, receptionist, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 11))
    clock.now = at
    if allowed:
        assert core.bookings.check_in(receptionist, booked.id).status == "checked_in"
        with pytest.raises(AlreadyDone):
            core.bookings.check_in(receptionist, booked.id)
    else:
        with pytest.raises(DomainError) as refused:
            core.bookings.check_in(receptionist, booked.id)
        early = at < wib(2026, 3, 10, 10)
        said = "mulai 10-03-2026 pukul 09:45" if early else "selesai pada 10-03-2026 pukul 11:00"
        assert said in refused.value.message
        assert core.bookings.booking(booked.id).status == "confirmed"


def test_check_in_note_says_when_and_by_whom(
    core: Core, clock: FakeClock, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 11))
    other = book(core, receptionist, room, wib(2026, 3, 10, 12), wib(2026, 3, 10, 13))
    assert core.bookings.check_in_note(booked.id) is None
    clock.now = wib(2026, 3, 10, 9, 50)
    core.bookings.check_in(receptionist, booked.id)
    note = core.bookings.check_in_note(booked.id)
    assert note is not None
    assert (note.at, note.by) == (wib(2026, 3, 10, 9, 50), "Resepsionis")  # the full name
    assert core.bookings.check_in_note(other.id) is None


def test_a_cancelled_booking_cannot_be_checked_in(
    core: Core, clock: FakeClock, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 11))
    core.bookings.cancel(receptionist, booked.id)
    clock.now = wib(2026, 3, 10, 10)
    with pytest.raises(DomainError, match="dibatalkan atau dilepas"):
        core.bookings.check_in(receptionist, booked.id)


# --- no-shows -------------------------------------------------------------------------------


def test_no_shows_are_released_after_the_grace_period_not_before(
    core: Core, admin: Actor, clock: FakeClock, receptionist: Actor, room: SpaceInfo
) -> None:
    other = core.bookings.save_space(admin, space_form(code="rapat_dua"))
    missed = book(core, receptionist, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 11))
    came = book(core, receptionist, other, wib(2026, 3, 10, 10), wib(2026, 3, 10, 11))
    clock.now = wib(2026, 3, 10, 10, 5)
    core.bookings.check_in(receptionist, came.id)
    clock.now = wib(2026, 3, 10, 10, 29)
    assert core.bookings.release_no_shows() == []
    clock.now = wib(2026, 3, 10, 10, 30)  # start + 30 minutes' grace
    (released,) = core.bookings.release_no_shows()
    assert (released.id, released.status) == (missed.id, "released")
    assert "10:30" in released.cancel_reason
    assert released.owed == 150_000  # the fee of the cancellation policy
    assert core.payments.charge(missed.charge_id or "").status == "cancelled"
    assert core.bookings.booking(came.id).status == "checked_in"
    assert core.bookings.release_no_shows() == []  # once only
    assert (
        scalar(core, "SELECT actor FROM audit_log WHERE action = 'booking.release'")
        == "system:system"
    )
    assert audit_detail(core, "booking.release")["fee"] == 150_000


def test_a_released_slot_can_be_booked_again(
    core: Core, clock: FakeClock, receptionist: Actor, room: SpaceInfo
) -> None:
    book(core, receptionist, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 12))
    clock.now = wib(2026, 3, 10, 10, 30)
    later = booking_form(room.code, wib(2026, 3, 10, 11), wib(2026, 3, 10, 12))
    with pytest.raises(BookingConflict):
        core.bookings.book(receptionist, later)
    assert len(core.bookings.release_no_shows()) == 1
    again = core.bookings.book(receptionist, later)  # the service and the database agree
    assert again.status == "confirmed"


def test_the_grace_period_is_the_administrators(
    core: Core, admin: Actor, clock: FakeClock, receptionist: Actor, room: SpaceInfo
) -> None:
    core.settings.set(admin, "booking_no_show_grace_minutes", 60)
    core.settings.set(admin, "booking_cancel_fee_percent", 0)
    booked = book(core, receptionist, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 12))
    clock.now = wib(2026, 3, 10, 10, 59)
    assert core.bookings.release_no_shows(receptionist) == []
    clock.now = wib(2026, 3, 10, 11)
    (released,) = core.bookings.release_no_shows(receptionist)
    assert (released.id, released.owed) == (booked.id, 0)  # a fee of 0%: nothing owed
    assert core.payments.open_charges() == []


def test_a_booking_checked_in_is_not_cancelled(
    core: Core, clock: FakeClock, receptionist: Actor, room: SpaceInfo
) -> None:
    booked = book(core, receptionist, room, wib(2026, 3, 10, 10), wib(2026, 3, 10, 11))
    clock.now = wib(2026, 3, 10, 10, 5)
    core.bookings.check_in(receptionist, booked.id)
    count = scalar(core, "SELECT count(*) FROM audit_log")
    with pytest.raises(AlreadyDone, match="sudah hadir"):
        core.bookings.cancel(receptionist, booked.id, "batal")
    assert core.bookings.booking(booked.id).status == "checked_in"
    assert core.bookings.booking(booked.id).total == booked.total
    assert scalar(core, "SELECT count(*) FROM audit_log") == count


@pytest.mark.parametrize(("minutes_later", "fee"), [(15, 0), (16, 150_000)])
def test_a_booking_cancelled_just_after_it_was_made_is_a_mistake_put_right(
    core: Core, clock: FakeClock, receptionist: Actor, room: SpaceInfo, minutes_later: int, fee: int
) -> None:
    # Booked at 09:00 for 14:00 today (inside the 24 hours that cost a fee).
    booked = book(core, receptionist, room, wib(2026, 3, 10, 14), wib(2026, 3, 10, 15))
    clock.advance(minutes=minutes_later)
    cancelled = core.bookings.cancel(receptionist, booked.id, "salah ruang")
    assert (cancelled.owed, audit_detail(core, "booking.cancel")["fee"]) == (fee, fee)


def test_the_mistake_grace_ends_at_the_start() -> None:
    starts = wib(2026, 3, 10, 14)
    assert just_booked(starts, wib(2026, 3, 10, 13, 59), wib(2026, 3, 10, 13, 50))
    assert not just_booked(starts, starts, wib(2026, 3, 10, 13, 50))  # it has begun
    assert not just_booked(starts, wib(2026, 3, 10, 13, 59), None)
    assert cancel_fee(100_000, starts, wib(2026, 3, 10, 13, 59), 24, 50) == 50_000
    assert cancel_fee(100_000, starts, wib(2026, 3, 10, 13, 59), 24, 50,
                      wib(2026, 3, 10, 13, 44)) == 0  # fmt: skip
