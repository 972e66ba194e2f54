"""Paying open charges made elsewhere, from the page that shows them (a
booking's details, a tenant, a lease): the payments area's ChargePayDialog
takes the payment, then the kuitansi prints as after a sale
(PaymentDocuments.print_receipt: the receipt printer, or the preview when the
settings say so). The banner of the page says what happened; a print failure
leaves the payment as it is and says so."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from smesco_desk.values.payments import ChargeRecord, ReceiptRecord
from ui.context import AppContext
from ui.documents import DocumentPrinterLike
from ui.errors import error_text
from ui.pages.payments.charge_pay_dialog import ChargePayDialog
from ui.pages.payments.documents import PaymentDocuments

Report = Callable[[str, str], None]  # (kind, text) on a banner


class ChargePayment(QObject):
    """Opens the pay dialog and prints what it paid. Emits `paid(ReceiptRecord)`
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

    def load(
        self,
        owed: Callable[[], list[ChargeRecord]],
        then: Callable[[list[ChargeRecord]], None],
    ) -> None:
        """Read the open charges off the UI thread (`owed`), then `then(charges)`;
        a failure goes to the banner."""
        self._ctx.runner.op(owed, self._parent).success(then).failure(
            lambda exc: self._report("error", error_text(exc))
        ).run()

    def open_dialog(self, charge: ChargeRecord, together: Sequence[ChargeRecord] = ()) -> None:
        """The pay dialog for `charge`, or for several (`together`, oldest first)."""
        self.dialog = ChargePayDialog(self._ctx, self._parent, charge.id, together)
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
