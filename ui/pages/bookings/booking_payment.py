"""Paying a booking's open charge from its details ("Bayar…"): the payments
area's ChargePayDialog takes the payment (`core.payments.pay`), then the
receipt prints (ChargePayment, shared with the food court's tenant payments).
The details then show what is paid and owed now."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from smesco_desk.services.actors import Permission
from smesco_desk.values.bookings import BookingRecord
from smesco_desk.values.payments import ChargeRecord, ReceiptRecord
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.pages.payments.charge_payment import ChargePayment, Report


def payable(booking: BookingRecord) -> bool:
    """Something is owed: the booking's charge, a cancellation fee, or the
    difference after a move to a dearer slot."""
    return booking.owed > 0


def owed_charges(charges: list[ChargeRecord], booking: BookingRecord) -> list[ChargeRecord]:
    """The booking's open charges (its own and those made for it), oldest first."""
    source = f"booking:{booking.id}"
    mine = [c for c in charges if c.total > 0 and (c.id == booking.charge_id or c.source == source)]
    return sorted(mine, key=lambda c: c.created_at)


class BookingPayment(ChargePayment):
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
        super().__init__(ctx, parent, report, printer)
        self.booking = booking
        self.button = QPushButton(self.tr("Ba&yar…"), parent)
        self.button.setObjectName("pay_booking_button")
        self.button.setToolTip(self.tr("Bayar tagihan pemesanan ini dan cetak kuitansinya"))
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.open)
        self.paid.connect(self._refresh)
        self.update(booking)

    def update(self, booking: BookingRecord) -> None:
        self.booking = booking
        self.button.setVisible(payable(booking) and self._ctx.can(Permission.TAKE_PAYMENT))

    @Slot()
    def open(self) -> None:
        """The pay dialog for the oldest open charge of the booking (one at a time)."""
        booking = self.booking
        self.load(
            self._ctx.core.payments.open_charges,
            lambda charges: self._pay_first(owed_charges(charges, booking)),
        )

    def _pay_first(self, charges: list[ChargeRecord]) -> None:
        if not charges:
            self._report("info", self.tr("Tidak ada tagihan terbuka untuk pemesanan ini."))
            return
        self.open_dialog(charges[0])

    @Slot(object)
    def _refresh(self, _receipt: ReceiptRecord) -> None:
        bookings, booking_id = self._ctx.core.bookings, self.booking.id
        self._ctx.runner.op(lambda: bookings.booking(booking_id), self).success(
            self._refreshed
        ).run()

    def _refreshed(self, booking: BookingRecord) -> None:
        self.update(booking)
        self.booking_changed.emit(booking)
