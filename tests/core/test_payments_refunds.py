"""Refunds owed, paid out: a credit (a paid booking moved cheaper, or cancelled
with a fee below what was paid) listed by `refunds_due` until a cashier with an
open shift pays it out (`pay_refund`): cash leaves the drawer's expected cash,
the cash-up still balances and lists it, the payout is an append-only fact,
audited and queued for sync, and its proof prints on the 80 mm roll."""

from __future__ import annotations

import io
import os
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from smesco_desk.errors import AlreadyDone, DomainError, NotFound, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import BookingRecord, SpaceInfo
from smesco_desk.values.payments import ChargeRecord
from tests.core.helpers_bookings import booking_form, space_form
from tests.core.helpers_core import cash, db_file, raw_sqlite, rows, scalar, wib

FLOAT = 1_000_000


@pytest.fixture
def room(core: Core, admin: Actor) -> SpaceInfo:
    """Rp300.000 an hour (untaxed kind "room"), open 08:00-21:00 Monday to Saturday."""
    return core.bookings.save_space(admin, space_form())


def _paid_booking(core: Core, actor: Actor, room: SpaceInfo, start: int, end: int) -> BookingRecord:
    form = booking_form(room.code, wib(2026, 3, 12, start), wib(2026, 3, 12, end))
    booked = core.bookings.book(actor, form)
    if core.payments.current_shift(actor) is None:
        core.payments.open_shift(actor, FLOAT)
    core.payments.pay(actor, booked.charge_id or "", cash())
    return core.bookings.booking(booked.id)


def _credit(core: Core, actor: Actor, room: SpaceInfo) -> tuple[BookingRecord, ChargeRecord]:
    """A booking paid for 3 hours, moved to 1 hour: owed back the difference."""
    booked = _paid_booking(core, actor, room, 10, 13)
    core.bookings.move(actor, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 11))
    (credit,) = core.payments.refunds_due()
    return booked, credit


def test_a_refund_owed_paid_out_in_cash_leaves_the_drawer(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked, credit = _credit(core, receptionist, room)
    assert (credit.total, credit.payer_name) == (-600_000, "Koperasi Maju Bersama")
    assert credit.source == f"booking:{booked.id}"
    before = core.payments.current_shift(receptionist)
    assert before is not None and before.expected_cash == FLOAT + 900_000

    payout = core.payments.pay_refund(receptionist, credit.id, "cash")
    assert (payout.amount, payout.method, payout.reference) == (600_000, "cash", "")
    assert (payout.charge_id, payout.shift_id) == (credit.id, before.id)
    assert (payout.payer_name, payout.description) == (credit.payer_name, credit.description)
    assert core.payments.refunds_due() == []
    assert core.payments.charge(credit.id).status == "refunded"
    assert core.payments.refund_payout(payout.id) == payout
    assert core.payments.refund_payout(credit.id) == payout  # by its credit too

    # The shift: the cash went out of the drawer; counting what is left balances.
    after = core.payments.current_shift(receptionist)
    assert after is not None
    assert (after.payout_count, after.payouts_total, after.payouts_cash) == (1, 600_000, 600_000)
    assert after.expected_cash == FLOAT + 900_000 - 600_000
    assert core.payments.shift_refund_payouts(after.id) == [payout]
    closed = core.payments.close_shift(receptionist, after.id, {"100000": 13})
    assert (closed.expected_cash, closed.difference) == (1_300_000, 0)

    # The booking: paid 900.000, 600.000 of it paid back; nothing owed either way.
    record = core.bookings.booking(booked.id)
    assert (record.total, record.paid, record.owed, record.refund_due) == (300_000, 300_000, 0, 0)

    # Audited, and the fact and the credit's new status queued for the server.
    (detail,) = rows(core, "SELECT detail FROM audit_log WHERE action = 'refund.pay_out'")
    assert '"amount": 600000' in detail[0] and '"method": "cash"' in detail[0]
    queued = rows(core, "SELECT entity, op FROM outbox WHERE entity_id IN (:p, :c)",
                  p=payout.id, c=credit.id)  # fmt: skip
    assert ("refund_payouts", "insert") in queued and ("charges", "update") in queued


def test_transfer_and_qris_need_a_reference_and_leave_the_cash_alone(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    _booked, credit = _credit(core, receptionist, room)
    for method, reference, field in (
        ("card", "X-1234", "method"),  # a card refund is not a payout the desk makes
        ("", "", "method"),
        ("transfer", "", "reference"),
        ("qris", " 12 ", "reference"),
        ("transfer", "BCA\x00123", "reference"),
    ):
        with pytest.raises(ValidationError) as refused:
            core.payments.pay_refund(receptionist, credit.id, method, reference)
        assert field in refused.value.errors
    assert [c.id for c in core.payments.refunds_due()] == [credit.id]  # nothing written
    payout = core.payments.pay_refund(receptionist, credit.id, "transfer", "  BCA  7788 ")
    assert (payout.method, payout.reference) == ("transfer", "BCA 7788")
    shift = core.payments.current_shift(receptionist)
    assert shift is not None
    assert (shift.payouts_total, shift.payouts_cash) == (600_000, 0)
    assert shift.expected_cash == FLOAT + 900_000
    with pytest.raises(AlreadyDone):
        core.payments.pay_refund(receptionist, credit.id, "cash")


def test_a_payout_needs_an_open_shift_and_cash_in_the_drawer(
    core: Core, receptionist: Actor, supervisor: Actor, room: SpaceInfo
) -> None:
    _booked, credit = _credit(core, receptionist, room)
    # The supervisor has no shift open: refused, with where to go.
    with pytest.raises(DomainError) as no_shift:
        core.payments.pay_refund(supervisor, credit.id, "cash")
    assert no_shift.value.field == "shift"
    core.payments.open_shift(supervisor, 100_000)
    with pytest.raises(ValidationError) as short:  # Rp100.000 in the drawer, Rp600.000 owed
        core.payments.pay_refund(supervisor, credit.id, "cash")
    assert "Rp100.000" in short.value.errors["method"]
    payout = core.payments.pay_refund(supervisor, credit.id, "qris", "QR-555")
    assert payout.shift_id != ""
    # Not a credit at all, or no such charge.
    open_charge = core.bookings.book(
        receptionist, booking_form(room.code, wib(2026, 3, 13, 10), wib(2026, 3, 13, 11))
    )
    with pytest.raises(AlreadyDone):
        core.payments.pay_refund(supervisor, open_charge.charge_id or "", "cash")
    for missing in ("tidak-ada", "\x00"):
        with pytest.raises(NotFound):
            core.payments.pay_refund(supervisor, missing, "cash")
        with pytest.raises(NotFound):
            core.payments.refund_payout(missing)


def test_a_payout_is_a_fact(core: Core, receptionist: Actor, room: SpaceInfo) -> None:
    _booked, credit = _credit(core, receptionist, room)
    core.payments.pay_refund(receptionist, credit.id, "cash")
    for statement in ("UPDATE refund_payouts SET amount = 1", "DELETE FROM refund_payouts"):
        with raw_sqlite(db_file(core)) as conn, pytest.raises(sqlite3.IntegrityError) as caught:
            conn.execute(statement)
        assert "append-only" in str(caught.value)
    assert scalar(core, "SELECT amount FROM refund_payouts") == 600_000


def test_a_booking_moved_again_after_a_payout_owes_what_it_lacks(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked, credit = _credit(core, receptionist, room)
    core.payments.pay_refund(receptionist, credit.id, "cash")
    # Back to 3 hours: it paid 900.000 and got 600.000 back, so it owes 600.000.
    moved = core.bookings.move(receptionist, booked.id, wib(2026, 3, 12, 10), wib(2026, 3, 12, 13))
    assert (moved.total, moved.paid, moved.owed, moved.refund_due) == (900_000, 300_000, 600_000, 0)
    assert core.payments.charge(credit.id).status == "refunded"  # the payout stands


def test_a_paid_booking_cancelled_with_a_fee_is_owed_the_rest_as_a_credit(
    core: Core, receptionist: Actor, room: SpaceInfo
) -> None:
    booked, credit = _credit(core, receptionist, room)
    core.payments.pay_refund(receptionist, credit.id, "cash")
    cancelled = core.bookings.cancel(receptionist, booked.id, "tidak jadi")
    # Two days ahead: free under the default policy; what is left (300.000) goes back.
    (owed,) = core.payments.refunds_due()
    assert owed.total == -cancelled.paid == -300_000
    assert owed.description.startswith("Pengembalian pembatalan")
    assert cancelled.refund_due == 300_000


def test_the_cashup_report_and_the_proof(core: Core, receptionist: Actor, room: SpaceInfo) -> None:
    _booked, credit = _credit(core, receptionist, room)
    payout = core.payments.pay_refund(receptionist, credit.id, "cash")
    shift = core.payments.current_shift(receptionist)
    assert shift is not None
    report = _text(core.payments.cashup_pdf(receptionist, shift.id))
    assert "Pengembalian dana dibayar (1)" in report
    assert "Koperasi Maju Bersama" in report and "-Rp600.000" in report
    assert "modal awal + tunai - uang kembali" in " ".join(report.split())
    again, pdf = core.payments.refund_pdf(receptionist, payout.id)
    if out := os.environ.get("SMESCO_KEEP_PDF"):  # to look at them
        Path(out, "cashup.pdf").write_bytes(core.payments.cashup_pdf(receptionist, shift.id))
        Path(out, "refund.pdf").write_bytes(pdf)
    assert again == payout
    reader = PdfReader(io.BytesIO(pdf))
    (page,) = reader.pages
    assert round(float(page.mediabox.width) / 72 * 25.4) == 80  # the receipt roll
    proof = page.extract_text()
    for expected in (
        "BUKTI PENGEMBALIAN DANA",
        "Koperasi Maju Bersama",
        "Rp600.000",
        "enam ratus ribu rupiah",
        "Tunai",
        payout.id,
    ):
        assert expected in proof, expected


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
