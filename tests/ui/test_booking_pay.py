"""Paying a booking's open charge from its details ("Bayar…"), on real services
(offscreen): the payment dialog, the receipt printed as after a sale, the
amounts paid and owed shown after; without a cash shift the dialog says so."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from smesco_desk.clock import WIB, wib_today
from smesco_desk.domain.bookings import WEEKDAYS
from smesco_desk.services.actors import Actor
from smesco_desk.values.bookings import BookingForm, BookingRecord, SpaceForm
from smesco_desk.values.payments import PayerForm, PaymentForm
from tests.ui.helpers_ui import FakePrinter, activate, show_active
from ui.context import AppContext
from ui.pages.bookings.booking_details import BookingDetailsDialog
from ui.pages.payments.charge_pay_dialog import ChargePayDialog
from ui.pages.payments.common import rupiah


@pytest.fixture
def booking(ctx: AppContext, admin: Actor) -> BookingRecord:
    """Two hours of a room at Rp100.000 an hour, unpaid, a week ahead."""
    ctx.core.bookings.save_space(admin, SpaceForm(
        code="rapat", name="Ruang Rapat Uji", kind="meeting_room", capacity=8,
        opening_hours={d: ["08:00", "21:00"] for d in WEEKDAYS}, rate_hour=100_000,
    ))  # fmt: skip
    day = wib_today(ctx.core.now()) + timedelta(days=7)
    start = datetime.combine(day, time(10), tzinfo=WIB)
    form = BookingForm("rapat", "Rapat anggota", start, start + timedelta(hours=2),
                       PayerForm("organisation", "Koperasi Maju"))  # fmt: skip
    return ctx.core.bookings.book(admin, form)


def pay_dialog(qtbot, dialog: BookingDetailsDialog) -> ChargePayDialog:
    assert dialog.payment.button.isVisible()
    qtbot.mouseClick(dialog.payment.button, Qt.MouseButton.LeftButton)
    pay = dialog.payment.dialog
    assert isinstance(pay, ChargePayDialog)
    activate(qtbot, pay)
    qtbot.waitUntil(lambda: pay.charge is not None)
    qtbot.waitUntil(pay.tendered_edit.hasFocus)
    return pay


def test_paying_a_booking_prints_the_kuitansi(
    qtbot, ctx: AppContext, admin: Actor, booking: BookingRecord, printer: FakePrinter
) -> None:
    ctx.core.payments.open_shift(admin, 100_000)
    total = booking.total
    assert booking.owed == total > 0
    dialog = show_active(qtbot, BookingDetailsDialog(ctx, None, booking, printer))
    pay = pay_dialog(qtbot, dialog)
    assert rupiah(total) in pay.total_label.text()
    assert "Koperasi Maju" in pay.payer_label.text()
    # Enter with no cash typed asks for it at the field; nothing is paid.
    qtbot.keyClick(pay.tendered_edit, Qt.Key.Key_Return)
    assert pay.errors["tendered"].text()
    assert ctx.core.bookings.booking(booking.id).paid == 0
    qtbot.keyClicks(pay.tendered_edit, str(total + 20_000))
    with qtbot.waitSignal(pay.paid) as paid:
        qtbot.keyClick(pay.tendered_edit, Qt.Key.Key_Return)
    receipt = paid.args[0]
    assert (receipt.total, receipt.change_given) == (total, 20_000)
    qtbot.waitUntil(lambda: ("receipt", receipt.number) in printer.jobs)
    qtbot.waitUntil(lambda: dialog.values["owed_value"].text() == rupiah(0))
    assert dialog.values["paid_value"].text() == rupiah(total)
    assert f"kuitansi {receipt.number}" in dialog.banner.text()
    assert "Fake-receipt" in dialog.banner.text()
    assert not dialog.payment.button.isVisible()
    stored = ctx.core.bookings.booking(booking.id)
    assert (stored.paid, stored.owed) == (total, 0)


def test_without_a_cash_shift_the_dialog_says_so(
    qtbot, ctx: AppContext, booking: BookingRecord, printer: FakePrinter
) -> None:
    dialog = show_active(qtbot, BookingDetailsDialog(ctx, None, booking, printer))
    pay = pay_dialog(qtbot, dialog)
    assert "shift kas" in pay.banner.text()


def test_a_failed_print_keeps_the_payment_and_says_so(
    qtbot, ctx: AppContext, admin: Actor, booking: BookingRecord, printer: FakePrinter
) -> None:
    ctx.core.payments.open_shift(admin, 0)
    printer.fail_with = "Printer kuitansi kehabisan kertas."
    dialog = show_active(qtbot, BookingDetailsDialog(ctx, None, booking, printer))
    pay = pay_dialog(qtbot, dialog)
    pay.payment.method_buttons[next(iter(pay.payment.method_buttons))].setChecked(True)
    pay.tendered_edit.set_value(booking.total)
    pay.pay()
    qtbot.waitUntil(lambda: "kehabisan kertas" in dialog.banner.text())
    assert "Pembayaran tersimpan" in dialog.banner.text()
    assert ctx.core.bookings.booking(booking.id).owed == 0


def test_the_difference_after_a_move_is_paid_the_same_way(
    qtbot, ctx: AppContext, admin: Actor, booking: BookingRecord, printer: FakePrinter
) -> None:
    ctx.core.payments.open_shift(admin, 0)
    ctx.core.payments.pay(admin, booking.charge_id or "", PaymentForm("qris", None, "QR-77"))
    moved = ctx.core.bookings.move(admin, booking.id, booking.starts_at,
                                   booking.ends_at + timedelta(hours=1))  # one hour more
    assert moved.owed == 100_000 and moved.charge_status == "paid"  # its own charge is paid
    dialog = show_active(qtbot, BookingDetailsDialog(ctx, None, moved, printer))
    pay = pay_dialog(qtbot, dialog)
    assert pay.charge is not None and pay.charge.id != booking.charge_id
    assert rupiah(100_000) in pay.total_label.text()
    pay.tendered_edit.set_value(100_000)
    with qtbot.waitSignal(pay.paid):
        pay.pay()
    qtbot.waitUntil(lambda: dialog.values["owed_value"].text() == rupiah(0))
    assert ctx.core.bookings.booking(booking.id).owed == 0
