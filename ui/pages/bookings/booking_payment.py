"""Paying what a booking owes, from its details: its open charges (the booking's
own, a cancellation fee, a difference after a move), one after another, in the
payments area's charge dialog, and the kuitansi printed as after a sale.

The payment is committed before anything is printed: a printer that fails
changes no payment (the kuitansi can be printed again from Pembayaran).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from smesco_desk.values.bookings import BookingRecord
from smesco_desk.values.payments import ChargeRecord, ReceiptRecord
from ui.context import AppContext
from ui.errors import error_text
from ui.pages.payments.charge_dialog import ChargePayDialog
from ui.pages.payments.common import rupiah
from ui.pages.payments.documents import PaymentDocuments


def open_charges_of(charges: list[ChargeRecord], booking: BookingRecord) -> list[ChargeRecord]:
    """The booking's open charges, oldest first."""
    source = f"booking:{booking.id}"
    mine = [c for c in charges if c.total > 0 and (c.source == source or c.id == booking.charge_id)]
    return sorted(mine, key=lambda c: c.created_at)


class BookingPayment(QObject):
    """`start()` opens the charge dialog for the first open charge of the booking;
    `finished(kind, text)` reports the outcome for the details' banner."""

    finished = Signal(str, str)  # banner kind ("success", "error", "info"), text

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self.documents = PaymentDocuments(ctx, parent)
        self.dialog: ChargePayDialog | None = None

    def start(self, booking: BookingRecord) -> None:
        payments = self._ctx.core.payments
        self._ctx.runner.op(payments.open_charges, self._parent).success(
            lambda charges: self._chosen(open_charges_of(charges, booking))
        ).failure(lambda exc: self.finished.emit("error", error_text(exc))).run()

    def _chosen(self, charges: list[ChargeRecord]) -> None:
        if not charges:
            self.finished.emit("info", self.tr("Tidak ada tagihan terbuka untuk pemesanan ini."))
            return
        self.dialog = ChargePayDialog(self._ctx, charges[0], self._parent)
        self.dialog.sale_completed.connect(self._paid)
        self.dialog.open()

    @Slot(object)
    def _paid(self, receipt: ReceiptRecord) -> None:
        headline = self.tr("Lunas {amount} · kuitansi {number}.").format(
            amount=rupiah(receipt.total), number=receipt.number)
        if receipt.change_given:
            headline += " " + self.tr("Kembalian {amount}.").format(
                amount=rupiah(receipt.change_given))
        self.finished.emit("info", headline + " " + self.tr("Mencetak kuitansi…"))
        self.documents.print_receipt(
            receipt.number,
            lambda printed: self.finished.emit("success", headline + (" " + self.tr(
                "Kuitansi dicetak ke {printer}.").format(
                    printer=self.documents.printer_name("receipt")) if printed else "")),
            lambda exc: self.finished.emit("error", headline + " " + self.tr(
                "Kuitansi gagal dicetak: {error} (cetak ulang dari Pembayaran).").format(
                    error=error_text(exc))),
        )
