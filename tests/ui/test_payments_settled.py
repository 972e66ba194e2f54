"""The payments dialogs around a paid booking cancelled (offscreen, real services,
the application's style sheet at a 1024x768 screen): the void dialog refuses a
receipt whose money the cancellation settled before anything is typed, and
grows with an error instead of clipping its first lines; "Bayar kembali" with
no shift open says so and offers one, in paying-out words; a booking's "Bayar…"
shows subtotal, UMKM discount and PPN; the receipt list keeps the payer's
title whole; the cancel step says where the money goes back."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from smesco_desk.clock import WIB, wib_today
from smesco_desk.domain.charges import TaxRule
from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.bookings import BookingRecord
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_bookings import booking_form, space_form
from tests.ui.helpers_ui import FakePrinter, make_actor, show_active
from ui.app import load_style_sheet
from ui.context import AppContext
from ui.pages.bookings.booking_details import BookingDetailsDialog
from ui.pages.payments.charge_pay_dialog import ChargePayDialog
from ui.pages.payments.page import PaymentsPage
from ui.pages.payments.refund_dialog import RefundDialog
from ui.pages.payments.void_dialog import VoidDialog


@pytest.fixture(autouse=True)
def styled(qapp: QApplication) -> Iterator[None]:
    before = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    yield
    qapp.setStyleSheet(before)


def _shot(widget: QWidget, name: str, tmp_path: Path) -> None:
    out = Path(os.environ.get("SMESCO_SHOTS", tmp_path))
    assert widget.grab().save(str(out / name))


@pytest.fixture
def start(ctx: AppContext, admin: Actor) -> datetime:
    """A UMKM room (Rp300.000 an hour, 20% UMKM discount, PPN 11%), a week ahead."""
    ctx.core.payments.save_charge_kind(admin, "room", "Sewa ruang", [TaxRule("ppn", "PPN", 1100)])
    ctx.core.bookings.save_space(admin, space_form())
    day = wib_today(ctx.core.now()) + timedelta(days=7)
    return datetime.combine(day, time(10), tzinfo=WIB)


def _book(ctx: AppContext, admin: Actor, start: datetime, hours: int = 3) -> BookingRecord:
    form = booking_form("rapat_kecil", start, start + timedelta(hours=hours), umkm=True)
    return ctx.core.bookings.book(admin, form)


@pytest.fixture
def cancelled(ctx: AppContext, admin: Actor, start: datetime) -> tuple[BookingRecord, str]:
    """Paid in cash, then cancelled (free: a week ahead): all of it owed back."""
    booked = _book(ctx, admin, start)
    ctx.core.payments.open_shift(admin, 0)
    receipt = ctx.core.payments.pay(admin, booked.charge_id or "", PaymentForm("cash"))
    return ctx.core.bookings.cancel(admin, booked.id, "acara diundur"), receipt.number


def test_the_void_dialog_refuses_a_cancelled_bookings_receipt_at_once(
    qtbot, ctx: AppContext, admin: Actor, cancelled: tuple[BookingRecord, str],
    printer: FakePrinter, tmp_path: Path,
) -> None:  # fmt: skip
    booking, number = cancelled
    hendra = make_actor(ctx.core, admin, Role.SUPERVISOR, "hendra")
    sup_ctx = AppContext(ctx.core, ctx.runner, ctx.settings, hendra)
    receipt = ctx.core.payments.receipt(number)
    dialog = show_active(qtbot, VoidDialog(sup_ctx, receipt))
    owed = ctx.core.payments.refunds_due()[0]
    banner = dialog.refusal_banner
    qtbot.waitUntil(banner.isVisible)
    assert "Pengembalian dana" in banner.text() and f"{-owed.total:,}".replace(",", ".") in (
        banner.text()
    )
    assert not dialog.reason_edit.isVisible() and not dialog.void_button.isVisible()
    assert dialog.keep_button.text().replace("&", "") == "Tutup"
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    _shot(dialog, "void-refused.png", tmp_path)
    dialog.keep_button.click()
    assert ctx.core.payments.receipt(number).void is None
    assert ctx.core.bookings.booking(booking.id).refund_due == -owed.total


def test_an_error_grows_the_void_dialog_instead_of_clipping_it(
    qtbot, ctx: AppContext, admin: Actor, start: datetime, tmp_path: Path
) -> None:
    booked = _book(ctx, admin, start)
    ctx.core.payments.open_shift(admin, 0)
    receipt = ctx.core.payments.pay(
        admin, booked.charge_id or "", PaymentForm("qris", None, "QR-1")
    )
    dialog = show_active(qtbot, VoidDialog(ctx, receipt))
    qtbot.waitUntil(lambda: "non-tunai" in dialog.note_label.text())
    assert dialog.refusal_banner.isHidden()
    before = dialog.height()
    dialog._print_failed(RuntimeError("Belum ada printer di komputer ini. Pasang printer, "
                                      "atau pilih satu di Pengaturan › Printer."))  # fmt: skip
    assert dialog.height() > before
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    _shot(dialog, "void-error.png", tmp_path)


def test_paying_back_with_no_shift_offers_one_in_paying_out_words(
    qtbot, ctx: AppContext, admin: Actor, cancelled: tuple[BookingRecord, str],
    printer: FakePrinter, tmp_path: Path,
) -> None:  # fmt: skip
    shift = ctx.core.payments.current_shift(admin)
    assert shift is not None
    ctx.core.payments.close_shift(admin, shift.id, {"100000": 0}, "uji")
    page = show_active(qtbot, PaymentsPage(ctx, printer=printer), 834, 708)
    (credit,) = ctx.core.payments.refunds_due()
    dialog = show_active(qtbot, RefundDialog(ctx, credit, page.documents, page))
    qtbot.waitUntil(dialog.banner.isVisible)
    assert "Belum ada shift kas terbuka" in dialog.banner.text()
    assert "membayar kembali" in dialog.banner.text()
    assert dialog.banner.action_button.isVisible()
    assert "laci shift Anda:" not in dialog.note_label.text()
    assert "setelah Anda membuka shift" in dialog.note_label.text()
    dialog.pay_button.click()
    error = dialog.errors[""].text()
    assert "pengembalian dana" in error and "menerima pembayaran" not in error
    assert dialog.open_shift_button.isVisible() and not dialog.banner.isVisible()
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    method_row = dialog.method_combo.mapTo(dialog, dialog.method_combo.rect().bottomLeft())
    reference_row = dialog.reference_edit.mapTo(dialog, dialog.reference_edit.rect().topLeft())
    assert reference_row.y() > method_row.y()  # the two rows do not run into each other
    _shot(dialog, "refund-no-shift.png", tmp_path)
    assert ctx.core.payments.refunds_due() == [credit]


def test_the_booking_pay_dialog_shows_the_discount_and_the_tax(
    qtbot, ctx: AppContext, admin: Actor, start: datetime, tmp_path: Path
) -> None:
    booked = _book(ctx, admin, start)
    charge = ctx.core.payments.charge(booked.charge_id or "")
    assert (charge.subtotal, charge.discount_total, charge.tax_total) == (900_000, 180_000, 79_200)
    dialog = show_active(qtbot, ChargePayDialog(ctx, None, charge.id))
    qtbot.waitUntil(lambda: dialog.charge is not None)
    totals = dialog.totals
    assert totals.subtotal_label.text() == "Rp900.000"
    assert totals.discount_label.text() == "−Rp180.000"
    assert "PPN 11%" in totals.taxes_label.text() and "Rp79.200" in totals.taxes_label.text()
    assert totals.total_label.text() == "Rp799.200"
    assert "3 jam × Rp300.000 − potongan Rp180.000 = Rp720.000" in dialog.lines_label.text()
    _shot(dialog, "charge-pay.png", tmp_path)


def test_the_receipt_list_keeps_the_payers_title_whole_at_1024(
    qtbot, ctx: AppContext, admin: Actor, start: datetime, printer: FakePrinter, tmp_path: Path
) -> None:
    ctx.core.payments.open_shift(admin, 0)
    for hour in range(20):  # enough to scroll
        booked = _book(ctx, admin, start + timedelta(days=hour // 5, hours=2 * (hour % 5)), hours=1)
        ctx.core.payments.pay(admin, booked.charge_id or "", PaymentForm("qris", None, "QR-1"))
    page = show_active(qtbot, PaymentsPage(ctx, printer=printer), 834, 708)
    table = page.table
    qtbot.waitUntil(lambda: table.model().rowCount() >= 20)
    qtbot.waitUntil(table.verticalScrollBar().isVisible)
    header = table.horizontalHeader()
    payer = 2
    assert header.sectionSize(payer) >= table._header_width(payer)
    used = sum(header.sectionSize(c) for c in range(6) if not table.isColumnHidden(c))
    assert used <= table.viewport().width()
    _shot(page, "receipts-1024.png", tmp_path)


def test_the_cancel_step_says_the_refund_goes_through_the_refund_tab(
    qtbot, ctx: AppContext, admin: Actor, start: datetime, printer: FakePrinter
) -> None:
    unpaid = _book(ctx, admin, start)
    dialog = show_active(qtbot, BookingDetailsDialog(ctx, None, unpaid, printer))
    dialog.cancel_booking_button.click()
    assert "Pengembalian dana" not in " ".join(w.text() for w in _labels(dialog))
    dialog.close()
    paid = _book(ctx, admin, start + timedelta(days=1))
    ctx.core.payments.open_shift(admin, 0)
    ctx.core.payments.pay(admin, paid.charge_id or "", PaymentForm("cash"))
    dialog = show_active(
        qtbot, BookingDetailsDialog(ctx, None, ctx.core.bookings.booking(paid.id), printer)
    )
    dialog.cancel_booking_button.click()
    text = " ".join(w.text() for w in _labels(dialog))
    assert "Pembayaran › Pengembalian dana" in text and "pembatalan kuitansi" not in text


def _labels(dialog: QWidget) -> list:
    from PySide6.QtWidgets import QLabel

    return [w for w in dialog.findChildren(QLabel) if w.isVisible()]
