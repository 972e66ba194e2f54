"""Refunds owed on the Payments page (offscreen, real services over a temporary
database): the "Pengembalian dana" tab lists them with payer, what for and the
amount; "Bayar kembali" pays one out in cash from the cashier's shift (the
shift header's expected cash follows) or by transfer with its reference
(refused at the field without one), prints the proof on the receipt printer,
and offers to open a shift when there is none."""

from __future__ import annotations

import os
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from smesco_desk.clock import WIB
from smesco_desk.services.actors import Actor
from smesco_desk.values.bookings import BookingRecord
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_bookings import booking_form, space_form
from tests.ui.helpers_ui import FakePrinter, activate, pdf_text, show_active
from ui.app import load_style_sheet
from ui.context import AppContext
from ui.pages.payments.page import PaymentsPage
from ui.pages.payments.refund_dialog import RefundDialog
from ui.pages.payments.shift_dialog import OpenShiftDialog

DAY = date(2030, 6, 3)  # a Monday, in the future


def at(hour: int) -> datetime:
    return datetime.combine(DAY, time(hour), tzinfo=WIB)


@pytest.fixture
def owed(ctx: AppContext, admin: Actor) -> BookingRecord:
    """A booking paid for 3 hours (Rp900.000 cash, from a float of Rp1.000.000),
    moved to 1 hour: Rp600.000 owed back. The shift stays open."""
    core = ctx.core
    core.bookings.save_space(admin, space_form())
    booked = core.bookings.book(admin, booking_form("rapat_kecil", at(10), at(13)))
    core.payments.open_shift(admin, 1_000_000)
    core.payments.pay(admin, booked.charge_id or "", PaymentForm("cash"))
    return core.bookings.move(admin, booked.id, at(10), at(11))


def _page(qtbot, ctx: AppContext, printer: FakePrinter) -> PaymentsPage:
    page = show_active(qtbot, PaymentsPage(ctx, printer=printer), 1024, 700)
    page.tabs.setCurrentIndex(1)
    return page


def _dialog(qtbot, page: PaymentsPage) -> RefundDialog:
    page.refunds_panel.table.setFocus()
    qtbot.keyClick(page.refunds_panel.table, Qt.Key.Key_Return)
    dialog = page.refunds_panel.dialog
    assert dialog is not None
    activate(qtbot, dialog)
    return dialog


def test_the_tab_lists_refunds_owed(
    qtbot, ctx: AppContext, owed: BookingRecord, printer: FakePrinter
) -> None:
    page = _page(qtbot, ctx, printer)
    panel = page.refunds_panel
    assert page.tabs.tabText(1) == "Pengembalian dana (1)"
    assert not page.receipt_panel.isVisible()  # the receipts and their details: the other tab
    row = [panel.model.index(0, c).data() for c in range(panel.model.columnCount())]
    assert row[1:] == [
        "Koperasi Maju Bersama (Organisasi)",
        "Pengembalian selisih pindah jadwal: Rapat koperasi",
        "Rp600.000",
    ]
    assert panel.total_label.text() == "1 pengembalian · Rp600.000"
    assert panel.pay_button.isEnabled() and not panel.empty_label.isVisible()
    page.tabs.setCurrentIndex(0)
    assert page.receipt_panel.isVisible()


def test_paying_out_in_cash_takes_it_from_the_drawer_and_prints_the_proof(
    qtbot, ctx: AppContext, admin: Actor, owed: BookingRecord, printer: FakePrinter
) -> None:
    page = _page(qtbot, ctx, printer)
    assert "kas seharusnya Rp1.900.000" in page.header.detail_label.text()
    dialog = _dialog(qtbot, page)
    assert dialog.method() == "cash" and not dialog.reference_edit.isEnabled()
    assert "laci shift Anda" in dialog.note_label.text()
    with qtbot.waitSignal(dialog.refund_paid):
        dialog.pay_button.click()
    assert not dialog.isVisible()
    assert printer.jobs == [("receipt", "Bukti pengembalian dana")]
    proof = pdf_text(printer.pdfs[0])
    assert "BUKTI PENGEMBALIAN DANA" in proof and "Rp600.000" in proof and "Tunai" in proof
    assert ctx.core.payments.refunds_due() == []
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "Pengembalian dana")
    assert page.refunds_panel.empty_label.isVisible()
    assert "dikembalikan kepada Koperasi Maju Bersama" in page.banner.text()
    shift = ctx.core.payments.current_shift(admin)
    assert shift is not None and shift.expected_cash == 1_300_000
    qtbot.waitUntil(lambda: "kas seharusnya Rp1.300.000" in page.header.detail_label.text())
    page.cash_up()  # the cash-up says where the cash went
    cashup = page.cashup_dialog
    assert cashup is not None
    qtbot.waitUntil(lambda: cashup.value_labels["expected"].text() == "Rp1.300.000")
    assert cashup.value_labels["refunds"].text() == "1 · tunai -Rp600.000"
    cashup.reject()


def test_a_transfer_needs_its_reference(
    qtbot, ctx: AppContext, owed: BookingRecord, printer: FakePrinter
) -> None:
    page = _page(qtbot, ctx, printer)
    dialog = _dialog(qtbot, page)
    dialog.print_check.setChecked(False)
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("transfer"))
    assert dialog.reference_edit.isEnabled()
    dialog.pay_button.click()
    assert dialog.isVisible()
    assert "referensi" in dialog.errors["reference"].text()
    assert dialog.reference_edit.hasFocus()
    qtbot.keyClicks(dialog.reference_edit, "BCA-778899")
    assert not dialog.errors["reference"].isVisible()  # cleared once typed again
    with qtbot.waitSignal(dialog.refund_paid) as paid:
        dialog.pay_button.click()
    assert (paid.args[0].method, paid.args[0].reference) == ("transfer", "BCA-778899")
    assert printer.jobs == []


def test_without_a_shift_the_dialog_opens_one_then_pays(
    qtbot, ctx: AppContext, admin: Actor, owed: BookingRecord, printer: FakePrinter, monkeypatch
) -> None:
    shift = ctx.core.payments.current_shift(admin)
    assert shift is not None
    ctx.core.payments.close_shift(admin, shift.id, {"100000": 19})
    page = _page(qtbot, ctx, printer)
    dialog = _dialog(qtbot, page)
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("qris"))
    qtbot.keyClicks(dialog.reference_edit, "QR-12345")
    dialog.pay_button.click()
    assert "Buka shift" in dialog.errors[""].text()
    assert dialog.open_shift_button.isVisible()

    def open_with_float(self: OpenShiftDialog) -> int:
        self.float_edit.setText("200000")
        self.submit()
        return int(self.result())

    monkeypatch.setattr(OpenShiftDialog, "exec", open_with_float)
    with qtbot.waitSignal(dialog.refund_paid):
        dialog.open_shift_button.click()
    now = ctx.core.payments.current_shift(admin)
    assert now is not None and (now.payouts_total, now.payouts_cash) == (600_000, 0)


def test_screenshot_1024x768(
    qtbot, ctx: AppContext, owed: BookingRecord, printer: FakePrinter, tmp_path: Path
) -> None:
    """The page at a small desk screen, in the application's style: the tabs, the
    list and the button fit (SMESCO_SHOTS=folder keeps the pictures to look at)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(load_style_sheet())
    try:
        page = show_active(qtbot, PaymentsPage(ctx, printer=printer), 1024, 768)
        page.tabs.setCurrentIndex(1)
        panel = page.refunds_panel
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
        out = Path(os.environ.get("SMESCO_SHOTS", tmp_path))
        assert page.grab().save(str(out / "refunds-1024.png"))
        page.tabs.setCurrentIndex(0)
        assert page.grab().save(str(out / "receipts-1024.png"))
        page.tabs.setCurrentIndex(1)
        dialog = _dialog(qtbot, page)
        assert dialog.grab().save(str(out / "refund-dialog.png"))
        # Both tabs show whole (no scroll arrows), the button inside the page, the
        # amounts whole, no sideways scrolling.
        bar = page.tabs.tabBar()
        assert bar.tabRect(0).left() >= 0 and bar.tabRect(1).right() < bar.width()
        bold = QFont(bar.font())
        bold.setWeight(QFont.Weight.DemiBold)
        for index in (0, 1):  # the whole text, bold as when chosen, within its padding
            needed = QFontMetrics(bold).horizontalAdvance(bar.tabText(index)) + 2 * 16
            assert bar.tabRect(index).width() >= needed, bar.tabText(index)
        button = panel.pay_button.mapTo(page, panel.pay_button.rect().bottomRight())
        assert button.x() <= page.width() and button.y() <= page.height()
        header = panel.table.horizontalHeader()
        amount = panel.table.fontMetrics().horizontalAdvance("Rp600.000")
        assert header.sectionSize(3) >= amount
        assert panel.table.horizontalScrollBar().maximum() == 0
        dialog.reject()
    finally:
        app.setStyleSheet(before)
