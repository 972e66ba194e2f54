"""Receipts, proofs of refunds paid out and cash-up reports: PDF made on the
worker, printed on the UI thread.

A receipt that goes to a printer or into a file is recorded first (the core
does it in `receipt_pdf(record_print=True)`), so every later one prints as a
copy (SALINAN) and two originals never exist. A preview records nothing; a
print started from the preview is recorded once it has gone out.
"""

from __future__ import annotations

from collections.abc import Callable

from smesco_desk.domain.payments import ReceiptFormat
from smesco_desk.values.payments import ReceiptRecord
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.documents import Done, Failed, PageDocuments
from ui.pages.payments.common import RECEIPT_FORMAT, receipt_format
from ui.settings import PREVIEW_BEFORE_PRINT


class PaymentDocuments(PageDocuments):
    """Receipts on the receipt printer, cash-up reports on the office printer;
    a failed print changes no payment."""

    def receipt_format(self) -> ReceiptFormat:
        return receipt_format(self._ctx.settings.get(RECEIPT_FORMAT))

    def set_receipt_format(self, fmt: ReceiptFormat) -> None:
        self._ctx.settings.set(RECEIPT_FORMAT, fmt.value)

    # --- receipts ---------------------------------------------------------------

    def print_receipt(self, number: str, done: Done, failed: Failed) -> None:
        """Print (a copy, if it was printed before); previews first if the settings say so."""
        if self._ctx.settings.get(PREVIEW_BEFORE_PRINT):
            self.preview_receipt(number, done, failed)
            return
        self._render(
            number,
            True,
            lambda rec, pdf: self._guard(
                lambda: self.printer().print_pdf(pdf, "receipt", _title(rec), self._widget),
                lambda: done(True),
                failed,
            ),
            failed,
        )

    def preview_receipt(self, number: str, done: Done, failed: Failed) -> None:
        fmt = self.receipt_format()

        def show(rec: ReceiptRecord, pdf: bytes) -> None:
            try:
                printed = self._preview(pdf, "receipt", _title(rec))
            except Exception as exc:  # noqa: BLE001 - as in _guard
                failed(exc)
                return
            if printed:
                self._record_print(number, fmt)
            done(printed)

        self._render(number, False, show, failed)

    def save_receipt(self, number: str, done: Done, failed: Failed) -> None:
        self._render(
            number,
            True,
            lambda rec, pdf: self._guard(
                lambda: self.printer().save_pdf(pdf, _title(rec), self._widget),
                lambda: done(False),
                failed,
            ),
            failed,
        )

    def _render(
        self,
        number: str,
        record: bool,
        then: Callable[[ReceiptRecord, bytes], None],
        failed: Failed,
    ) -> None:
        payments, actor, fmt = (
            self._ctx.core.payments,
            self._ctx.require_actor(),
            self.receipt_format(),
        )
        op = self._ctx.runner.op(
            lambda: payments.receipt_pdf(actor, number, fmt, record_print=record), self
        )
        op.success(lambda result: then(*result)).failure(failed).with_progress(
            self.tr("Menyiapkan kuitansi…")
        ).run()

    def _record_print(self, number: str, fmt: ReceiptFormat) -> None:
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        self._ctx.runner.op(lambda: payments.record_print(actor, number, fmt), self).run()

    # --- the proof of a refund paid out ---------------------------------------------

    def print_refund(self, payout_id: str, done: Done, failed: Failed) -> None:
        """Bukti pengembalian dana on the receipt printer (previewed first if the
        settings say so); printing it again makes the same proof."""
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        preview = bool(self._ctx.settings.get(PREVIEW_BEFORE_PRINT))
        title = self.tr("Bukti pengembalian dana")

        def ready(pdf: bytes) -> None:
            if preview:
                printed: list[bool] = []
                self._guard(
                    lambda: printed.append(self._preview(pdf, "receipt", title)),
                    lambda: done(printed[0]),
                    failed,
                )
                return
            self._guard(
                lambda: self.printer().print_pdf(pdf, "receipt", title, self._widget),
                lambda: done(True),
                failed,
            )

        self._ctx.runner.op(lambda: payments.refund_pdf(actor, payout_id)[1], self).success(
            ready
        ).failure(failed).with_progress(self.tr("Menyiapkan bukti…")).run()

    # --- cash-up reports --------------------------------------------------------

    def cashup(
        self,
        shift_id: str,
        mode: str,
        done: Done,
        failed: Failed,
        counted: dict[str, int] | None = None,
    ) -> None:
        """mode: print (or preview, as the settings say) | preview | save. `counted`:
        the cash counted so far, shown in the provisional report of an open shift."""
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        self._ctx.runner.op(lambda: payments.cashup_pdf(actor, shift_id, counted), self).success(
            lambda pdf: self._cashup_ready(pdf, mode, done, failed)
        ).failure(failed).with_progress(self.tr("Menyiapkan laporan kas…")).run()

    def _cashup_ready(self, pdf: bytes, mode: str, done: Done, failed: Failed) -> None:
        title = self.tr("Laporan tutup kas")
        if mode == "save":
            stamp = self._ctx.core.now().strftime("%Y%m%d-%H%M")
            self._guard(
                lambda: self.printer().save_pdf(pdf, f"tutup-kas-{stamp}.pdf", self._widget),
                lambda: done(False),
                failed,
            )
        elif mode == "preview" or self._ctx.settings.get(PREVIEW_BEFORE_PRINT):
            printed: list[bool] = []
            self._guard(
                lambda: printed.append(self._preview(pdf, "office", title)),
                lambda: done(printed[0]),
                failed,
            )
        else:
            self._guard(
                lambda: self.printer().print_pdf(pdf, "office", title, self._widget),
                lambda: done(True),
                failed,
            )

    # --- helpers ----------------------------------------------------------------

    def _preview(self, pdf: bytes, kind: str, title: str) -> bool:
        """The preview dialog; True if the person printed from it."""
        dialog = PdfPreviewDialog(self.printer(), pdf, kind, title, self._widget)
        try:
            dialog.exec()
            return dialog.printed
        finally:
            dialog.deleteLater()


def _title(receipt: ReceiptRecord) -> str:
    return receipt.number
