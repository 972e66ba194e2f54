"""Paying what a tenant owes ("Bayar…", "Bayar deposit…") at the desk: the
payments area's ChargePayDialog takes the oldest open charge of the tenant (or
of one lease: its deposit first), then the kuitansi prints as after a sale
(PaymentDocuments.print_receipt), as the booking's payment does
(ui/pages/bookings/booking_payment.py). One charge at a time; the button stays
while something is still owed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from smesco_desk.values.payments import ChargeRecord, ReceiptRecord
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.errors import error_text
from ui.pages.payments.charge_pay_dialog import ChargePayDialog
from ui.pages.payments.documents import PaymentDocuments

Report = Callable[[str, str], None]  # (kind, text) on a banner


def lease_charges(charges: list[ChargeRecord], lease_id: str | None) -> list[ChargeRecord]:
    """The open charges of a lease (all of the tenant's with None), oldest first."""
    source = f"lease:{lease_id}"
    mine = [c for c in charges if c.total > 0 and (lease_id is None or c.source == source)]
    return sorted(mine, key=lambda c: c.created_at)


class TenantPayment(QObject):
    """Pays one open charge of a tenant (of one lease if given). Emits `paid`
    once the payment is committed (the receipt prints after)."""

    paid = Signal(object)  # ReceiptRecord

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        report: Report,
        printer: DocumentPrinterLike | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self._report = report
        self.documents = PaymentDocuments(ctx, parent, printer)
        self.dialog: ChargePayDialog | None = None

    def pay(self, tenant_id: str, lease_id: str | None = None) -> None:
        """The pay dialog for the oldest open charge."""
        payments = self._ctx.core.payments
        self._ctx.runner.op(lambda: payments.open_charges(tenant_id), self._parent).success(
            lambda charges: self._pay_first(lease_charges(charges, lease_id))
        ).failure(lambda exc: self._report("error", error_text(exc))).run()

    def _pay_first(self, charges: list[ChargeRecord]) -> None:
        if not charges:
            self._report("info", self.tr("Tidak ada tagihan terbuka."))
            return
        self.pay_charge(charges[0])

    def pay_charge(self, charge: ChargeRecord) -> None:
        """The pay dialog for this charge."""
        self.dialog = ChargePayDialog(self._ctx, self._parent, charge.id)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.paid.connect(self._paid)
        self.dialog.finished.connect(self._forget)
        self.dialog.open()

    @Slot(int)
    def _forget(self, _result: int) -> None:
        self.dialog = None

    @Slot(object)
    def _paid(self, receipt: ReceiptRecord) -> None:
        self.paid.emit(receipt)
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
