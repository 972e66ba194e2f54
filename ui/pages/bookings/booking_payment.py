"""Paying a booking's open charge from its details ("Bayar…"): the payments
area's ChargePayDialog takes the payment (`core.payments.pay`), then the
receipt prints as after a sale (PaymentDocuments.print_receipt: the receipt
printer, or the preview when the settings say so). The details then show what
is paid and owed now; a print failure leaves the payment as it is and says so."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from smesco_desk.services.actors import Permission
from smesco_desk.values.bookings import BookingRecord
from smesco_desk.values.payments import ChargeRecord, ReceiptRecord
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.errors import error_text
from ui.pages.payments.charge_pay_dialog import ChargePayDialog
from ui.pages.payments.documents import PaymentDocuments

Report = Callable[[str, str], None]  # (kind, text) on the details' banner


def payable(booking: BookingRecord) -> bool:
    """Something is owed: the booking's charge, a cancellation fee, or the
    difference after a move to a dearer slot."""
    return booking.owed > 0


def owed_charges(charges: list[ChargeRecord], booking: BookingRecord) -> list[ChargeRecord]:
    """The booking's open charges (its own and those made for it), oldest first."""
    source = f"booking:{booking.id}"
    mine = [c for c in charges if c.total > 0 and (c.id == booking.charge_id or c.source == source)]
    return sorted(mine, key=lambda c: c.created_at)


class BookingPayment(QObject):
    """The "Bayar…" button of a booking's details and what follows it. Emits
    `booking_changed(BookingRecord)` with the booking as it is after paying."""

    booking_changed = Signal(object)  # BookingRecord

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        booking: BookingRecord,
        report: Report,
        printer: DocumentPrinterLike | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self._report = report
        self.booking = booking
        self.documents = PaymentDocuments(ctx, parent, printer)
        self.dialog: ChargePayDialog | None = None
        self.button = QPushButton(self.tr("Ba&yar…"), parent)
        self.button.setObjectName("pay_booking_button")
        self.button.setToolTip(self.tr("Bayar tagihan pemesanan ini dan cetak kuitansinya"))
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.open)
        self.update(booking)

    def update(self, booking: BookingRecord) -> None:
        self.booking = booking
        self.button.setVisible(payable(booking) and self._ctx.can(Permission.TAKE_PAYMENT))

    @Slot()
    def open(self) -> None:
        """The pay dialog for the oldest open charge of the booking (one at a time)."""
        payments, booking = self._ctx.core.payments, self.booking
        self._ctx.runner.op(payments.open_charges, self._parent).success(
            lambda charges: self._pay_first(owed_charges(charges, booking))
        ).failure(lambda exc: self._report("error", error_text(exc))).run()

    def _pay_first(self, charges: list[ChargeRecord]) -> None:
        if not charges:
            self._report("info", self.tr("Tidak ada tagihan terbuka untuk pemesanan ini."))
            return
        self.dialog = ChargePayDialog(self._ctx, self._parent, charges[0].id)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.paid.connect(self._paid)
        self.dialog.finished.connect(self._forget)
        self.dialog.open()

    @Slot(int)
    def _forget(self, _result: int) -> None:
        self.dialog = None

    @Slot(object)
    def _paid(self, receipt: ReceiptRecord) -> None:
        self._refresh()
        self._report(
            "info",
            self.tr("Dibayar: kuitansi {number}. Mencetak kuitansi…").format(number=receipt.number),
        )
        self.documents.print_receipt(
            receipt.number,
            lambda printed: self._report("success", self._paid_text(receipt, printed)),
            lambda exc: self._report(
                "error",
                self.tr(
                    "Pembayaran tersimpan (kuitansi {number}), tetapi kuitansi gagal dicetak: "
                    "{error}"
                ).format(number=receipt.number, error=error_text(exc)),
            ),
        )

    def _paid_text(self, receipt: ReceiptRecord, printed: bool) -> str:
        text = self.tr("Dibayar: kuitansi {number}.").format(number=receipt.number)
        if printed:
            text += " " + self.tr("Kuitansi dicetak ke {printer}.").format(
                printer=self.documents.printer_name("receipt")
            )
        return text

    def _refresh(self) -> None:
        bookings, booking_id = self._ctx.core.bookings, self.booking.id
        self._ctx.runner.op(lambda: bookings.booking(booking_id), self).success(
            self._refreshed
        ).run()

    def _refreshed(self, booking: BookingRecord) -> None:
        self.update(booking)
        self.booking_changed.emit(booking)
