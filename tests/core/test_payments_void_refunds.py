"""A receipt whose money a booking's cancellation (or a move) already settled is
not voided: a void would give the whole receipt back while the credit stays
payable (or was paid out), or give back a fee kept on cancellation. The void is
refused with where the money goes instead, nothing is written, and the cash-up
counts the refund once. A receipt paid for the fee after the cancellation, or
of a booking that is not over, voids as before."""

from __future__ import annotations

from datetime import datetime

import pytest

from smesco_desk.domain.booking_policy import MISTAKE_MINUTES
from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import BookingRecord, SpaceInfo
from tests.core.helpers_bookings import booking_form, space_form
from tests.core.helpers_core import FakeClock, cash, scalar, wib

FLOAT = 1_000_000


@pytest.fixture
def room(core: Core, admin: Actor) -> SpaceInfo:
    """Rp300.000 an hour, no tax."""
    return core.bookings.save_space(admin, space_form())


def _paid(
    core: Core, clock: FakeClock, actor: Actor, room: SpaceInfo, start: datetime, end: datetime
) -> tuple[BookingRecord, str]:
    """A booking paid in cash (past the minutes in which cancelling is a free mistake)."""
    booked = core.bookings.book(actor, booking_form(room.code, start, end))
    clock.advance(minutes=MISTAKE_MINUTES + 1)
    if core.payments.current_shift(actor) is None:
        core.payments.open_shift(actor, FLOAT)
    receipt = core.payments.pay(actor, booked.charge_id or "", cash())
    clock.advance(minutes=5)
    return booked, receipt.number


def _voids(core: Core) -> int:
    return int(scalar(core, "SELECT count(*) FROM receipt_voids"))


def test_a_cancelled_paid_booking_is_refunded_once_through_the_refund_tab(
    core: Core, clock: FakeClock, receptionist: Actor, supervisor: Actor, room: SpaceInfo
) -> None:
    booked, number = _paid(
        core, clock, receptionist, room, wib(2026, 3, 10, 14), wib(2026, 3, 10, 16)
    )
    core.bookings.cancel(receptionist, booked.id, "acara diundur")  # late: 50% fee kept
    (credit,) = core.payments.refunds_due()
    assert credit.total == -300_000
    before = core.payments.current_shift(receptionist)
    assert before is not None and before.expected_cash == FLOAT + 600_000

    refusal = core.payments.void_refusal(number)
    assert "sudah dibatalkan" in refusal and "Rp300.000" in refusal
    assert "Pengembalian dana" in refusal
    with pytest.raises(DomainError) as refused:
        core.payments.void(supervisor, number, "pemesanan dibatalkan")
    assert (refused.value.field, refused.value.message) == ("refund", refusal)
    assert _voids(core) == 0  # nothing written
    assert core.payments.receipt(number).void is None
    assert core.payments.charge(booked.charge_id or "").status == "paid"
    assert core.payments.current_shift(receptionist) == before

    # Paid out once: still no void (the money went back already).
    core.payments.pay_refund(receptionist, credit.id, "cash")
    again = core.payments.void_refusal(number)
    assert "sudah dibayarkan" in again and "Rp300.000" in again
    with pytest.raises(DomainError):
        core.payments.void(supervisor, number, "pemesanan dibatalkan")
    assert _voids(core) == 0

    # The cash-up: Rp600.000 in, Rp300.000 out; the fee stays in the drawer.
    shift = core.payments.current_shift(receptionist)
    assert shift is not None
    assert (shift.cash_in, shift.void_count, shift.payouts_cash) == (600_000, 0, 300_000)
    assert shift.expected_cash == FLOAT + 300_000
    closed = core.payments.close_shift(receptionist, shift.id, {"100000": 13})
    assert closed.difference == 0
    record = core.bookings.booking(booked.id)
    assert (record.paid, record.owed, record.refund_due) == (300_000, 0, 0)


def test_a_fee_kept_whole_is_not_given_back_by_a_void(
    core: Core, clock: FakeClock, admin: Actor, receptionist: Actor, supervisor: Actor,
    room: SpaceInfo,
) -> None:  # fmt: skip
    core.settings.set(admin, "booking_cancel_fee_percent", 100)
    booked, number = _paid(
        core, clock, receptionist, room, wib(2026, 3, 10, 14), wib(2026, 3, 10, 15)
    )
    core.bookings.cancel(receptionist, booked.id, "tidak jadi")
    assert core.payments.refunds_due() == []  # all of it kept as the fee
    refusal = core.payments.void_refusal(number)
    assert "biaya pembatalan tetap ditahan" in refusal
    with pytest.raises(DomainError) as refused:
        core.payments.void(supervisor, number, "pemesanan dibatalkan")
    assert refused.value.field == "refund"
    assert _voids(core) == 0
    shift = core.payments.current_shift(receptionist)
    assert shift is not None and shift.expected_cash == FLOAT + 300_000


def test_a_credit_owed_after_a_move_stops_the_void_too(
    core: Core, clock: FakeClock, receptionist: Actor, supervisor: Actor, room: SpaceInfo
) -> None:
    booked, number = _paid(
        core, clock, receptionist, room, wib(2026, 3, 12, 10), wib(2026, 3, 12, 13)
    )
    core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 11))
    refusal = core.payments.void_refusal(number)
    assert "belum dibayarkan" in refusal and "Rp600.000" in refusal
    with pytest.raises(DomainError):
        core.payments.void(supervisor, number, "salah jumlah")
    assert _voids(core) == 0


def test_receipts_not_settled_otherwise_still_void(
    core: Core, clock: FakeClock, receptionist: Actor, supervisor: Actor, room: SpaceInfo
) -> None:
    # A paid booking that is not over: the void makes its charge owed again.
    booked, number = _paid(
        core, clock, receptionist, room, wib(2026, 3, 12, 10), wib(2026, 3, 12, 11)
    )
    assert core.payments.void_refusal(number) == ""
    voided = core.payments.void(supervisor, number, "salah cara bayar")
    assert voided.void is not None
    assert core.payments.charge(booked.charge_id or "").status == "open"

    # The fee of an unpaid booking cancelled late, paid afterwards: voids as any receipt.
    late = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 10, 14), wib(2026, 3, 10, 15))
    )
    clock.advance(minutes=MISTAKE_MINUTES + 1)
    cancelled = core.bookings.cancel(receptionist, late.id, "batal")
    clock.advance(minutes=5)
    fee_receipt = core.payments.pay(receptionist, cancelled.charge_id or "", cash())
    assert fee_receipt.total == 150_000
    assert core.payments.void_refusal(fee_receipt.number) == ""
    core.payments.void(supervisor, fee_receipt.number, "salah jumlah")
    assert core.payments.charge(cancelled.charge_id or "").status == "open"
