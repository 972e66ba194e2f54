"""Voiding a receipt (BATAL): a supervisor's decision, with a reason.

The receipt stays, marked BATAL, with a void record beside it (the core never
deletes a payment). Its money no longer counts in its shift; a cash receipt of
a shift already closed (its cash counted and handed over) is refunded from the
drawer of the supervisor's own open shift, so the core refuses it until they
have one: the dialog offers to open it. Once voided, the receipt prints again
with its BATAL mark (a SALINAN, as every print after the first), through the
page's documents (the same printer and preview setting as a reprint).

A receipt whose money a booking's cancellation or a refund already settled is
not voided (services.payments.voids): the dialog asks the core as it opens and
says so at once, in a banner naming where the refund goes, with nothing to type.
The dialog grows with its wrapped texts (an error appearing never clips its
first lines at 1024x768).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.payments import PaymentMethod, method_label, payer_label
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.values.payments import ReceiptRecord, ShiftSummary
from ui.context import AppContext
from ui.errors import error_text, show_error
from ui.forms import FieldErrors, with_error
from ui.pages.payments.common import fit_height, rupiah, wib_moment
from ui.pages.payments.documents import PaymentDocuments
from ui.pages.payments.shift_dialog import OpenShiftDialog
from ui.widgets import StatusBanner, set_flag


class VoidDialog(QDialog):
    """Emits `receipt_voided(ReceiptRecord)` (the receipt as it is now) and closes
    (after printing it BATAL, if that is ticked)."""

    receipt_voided = Signal(object)
    shift_opened = Signal(object)  # ShiftSummary, opened from here for a refund

    def __init__(
        self,
        ctx: AppContext,
        receipt: ReceiptRecord,
        parent: QWidget | None = None,
        *,
        documents: PaymentDocuments | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("void_dialog")
        self.setWindowTitle(self.tr("Batalkan kuitansi {number}").format(number=receipt.number))
        self._ctx = ctx
        self.receipt = receipt
        self.voided: ReceiptRecord | None = None
        page_documents = getattr(parent, "documents", None)
        self._documents = documents or (
            page_documents
            if isinstance(page_documents, PaymentDocuments)
            else PaymentDocuments(ctx, self)
        )
        self.errors = FieldErrors()
        summary = QLabel(self._summary(receipt), self)
        summary.setObjectName("void_summary_label")
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal_banner = StatusBanner(self)
        self.note_label = QLabel(self._note(closed=False, own_shift=True), self)
        self.note_label.setObjectName("note_label")
        self.note_label.setWordWrap(True)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("void_reason_edit")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("mis. salah memasukkan jumlah"))
        self.reason_edit.textEdited.connect(self._on_edited)
        self.reason_label = QLabel(self.tr("&Alasan pembatalan *"), self)
        self.reason_label.setBuddy(self.reason_edit)
        self.print_check = QCheckBox(self.tr("Ceta&k kuitansi BATAL"), self)
        self.print_check.setObjectName("print_voided_check")
        self.print_check.setChecked(True)
        self.print_check.setToolTip(
            self.tr("Dicetak lagi dengan tanda BATAL (SALINAN) untuk pembayar atau arsip.")
        )
        self.general_error = self.errors.add("")
        self.open_shift_button = QPushButton(self.tr("B&uka shift…"), self)
        self.open_shift_button.setObjectName("void_open_shift_button")
        self.open_shift_button.clicked.connect(lambda: self.open_shift(then_void=True))
        self.open_shift_button.setAutoDefault(False)
        self.open_shift_button.hide()
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(summary)
        layout.addWidget(self.refusal_banner)
        layout.addWidget(self.note_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(with_error(self.reason_edit, self.errors.add("reason")))
        layout.addWidget(self.print_check)
        layout.addWidget(self.general_error)
        layout.addWidget(self.open_shift_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(460)
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._load_shifts()

    def _summary(self, r: ReceiptRecord) -> str:
        return self.tr("{number} · {time} WIB\n{payer} ({kind}) · {total} · {method}").format(
            number=r.number,
            time=wib_moment(r.issued_at),
            payer=r.payer_name,
            kind=payer_label(r.payer_kind),
            total=rupiah(r.total),
            method=method_label(r.method),
        )

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.void_button = QPushButton(self.tr("&Batalkan kuitansi"), self)
        self.void_button.setObjectName("confirm_void_button")
        self.void_button.setProperty("danger", True)
        self.void_button.setDefault(True)
        self.void_button.clicked.connect(self.submit)
        buttons.addButton(self.void_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = buttons.addButton(
            self.tr("&Jangan batalkan"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_button.setObjectName("keep_button")
        self.keep_button.clicked.connect(self.reject)
        return buttons

    # --- where the money goes ----------------------------------------------------

    def _load_shifts(self) -> None:
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        shift_id, number = self.receipt.shift_id, self.receipt.number
        self._ctx.runner.op(
            lambda: (
                payments.shift(shift_id),
                payments.current_shift(actor),
                payments.void_refusal(number),
            ),
            self,
        ).success(lambda result: self._show_shifts(*result)).failure(lambda _exc: None).run()

    def _show_shifts(self, paid_in: ShiftSummary, own: ShiftSummary | None, refusal: str) -> None:
        if refusal:
            self.refuse(refusal)
            return
        closed = not paid_in.is_open
        self.note_label.setText(self._note(closed=closed, own_shift=own is not None))
        self.open_shift_button.setVisible(self._is_cash() and closed and own is None)
        self._fit()

    def refuse(self, message: str) -> None:
        """The receipt cannot be voided (its money was settled another way): say
        why and where the refund goes; nothing left to type or press but Tutup."""
        self.refusal_banner.show_message(
            "error", message, headline=self.tr("Kuitansi ini tidak dapat dibatalkan")
        )
        self.errors.clear()
        for widget in (
            self.note_label,
            self.reason_label,
            self.reason_edit,
            self.print_check,
            self.open_shift_button,
        ):
            widget.hide()
        self.reason_edit.setEnabled(False)
        self.print_check.setEnabled(False)
        self.void_button.setEnabled(False)
        self.void_button.hide()
        self.keep_button.setText(self.tr("&Tutup"))
        self.keep_button.setDefault(True)
        self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit()

    def _fit(self) -> None:
        fit_height(self)

    def _is_cash(self) -> bool:
        return self.receipt.method == PaymentMethod.CASH.value

    def _note(self, *, closed: bool, own_shift: bool) -> str:
        """Where the money goes: `closed`, the receipt's shift is closed;
        `own_shift`, the person voiding has an open shift here."""
        kept = self.tr("Kuitansi tetap tersimpan dengan tanda BATAL.")
        if not self._is_cash():
            return " ".join(
                (kept, self.tr("Kembalikan pembayarannya kepada pembayar (non-tunai)."))
            )
        if not closed:
            return " ".join(
                (kept, self.tr("Uangnya tidak dihitung di kas shift ini, kembalikan uangnya."))
            )
        text = self.tr("Shift kuitansi ini sudah ditutup; uang dikembalikan dari laci shift Anda.")
        if not own_shift:
            text += " " + self.tr("Buka shift kas Anda dulu.")
        return " ".join((kept, text))

    # --- voiding -------------------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        number, reason = self.receipt.number, self.reason_edit.text()
        self.void_button.setEnabled(False)
        self._ctx.runner.op(lambda: payments.void(actor, number, reason), self).with_progress(
            self.tr("Membatalkan kuitansi…")
        ).success(self._voided).failure(self._failed).run()

    def _voided(self, record: ReceiptRecord) -> None:
        self.voided = record
        if self.print_check.isChecked():
            self._print(record)
        else:
            self._finish()

    def _print(self, record: ReceiptRecord) -> None:
        """The voided receipt, BATAL; a print failure keeps the dialog open to retry."""
        self.errors.clear()
        self._documents.print_receipt(
            record.number, lambda _printed: self._finish(), self._print_failed
        )

    @Slot()
    def _reprint(self) -> None:
        if self.voided is not None:
            self._print(self.voided)

    def _print_failed(self, exc: BaseException) -> None:
        self.errors.show(
            {
                "": self.tr("Kuitansi sudah dibatalkan, tetapi gagal dicetak: {error}").format(
                    error=error_text(exc)
                )
            }
        )
        self.void_button.setText(self.tr("&Cetak ulang"))
        self.void_button.setEnabled(True)
        self.void_button.clicked.disconnect()
        self.void_button.clicked.connect(self._reprint)
        self.keep_button.setText(self.tr("&Tutup"))
        self.keep_button.clicked.disconnect()
        self.keep_button.clicked.connect(self._finish)
        self.reason_edit.setEnabled(False)
        self.print_check.setEnabled(False)
        self._fit()

    @Slot()
    def _finish(self) -> None:
        if self.voided is not None:
            self.receipt_voided.emit(self.voided)
        self.accept()

    def reject(self) -> None:
        if self.voided is not None:  # voided already: closing says so to the page
            self._finish()
            return
        super().reject()

    def _failed(self, exc: BaseException) -> None:
        self.void_button.setEnabled(True)
        if isinstance(exc, ValidationError) and "reason" in exc.errors:
            self.errors.show({"reason": exc.errors["reason"]})
            set_flag(self.reason_edit, "invalid", True)
            self.reason_edit.setFocus()
        elif isinstance(exc, DomainError) and exc.field == "refund":
            self.refuse(exc.message)
            return
        elif isinstance(exc, DomainError) and exc.field == "shift":
            # A cash receipt of a closed shift: the refund needs the supervisor's drawer.
            self.errors.show({"": exc.message})
            self.open_shift_button.show()
            self.open_shift_button.setFocus()
        elif isinstance(exc, DomainError):
            self.errors.show({"": exc.message})
        else:
            show_error(self, exc)
        self._fit()

    @Slot()
    def open_shift(self, then_void: bool = False) -> None:
        """The opening-float dialog; with `then_void` the void goes on once it is open."""
        dialog = OpenShiftDialog(
            self._ctx,
            self,
            reason=self.tr(
                "Uang kuitansi {number} dikembalikan dari laci Anda. Hitung uang di laci "
                "dan isi modal awal shift Anda."
            ).format(number=self.receipt.number),
        )
        try:
            opened = dialog.exec() == QDialog.DialogCode.Accepted and dialog.shift is not None
            shift = dialog.shift
        finally:
            dialog.deleteLater()
        if not opened or shift is None:
            return
        self.shift_opened.emit(shift)
        self.open_shift_button.hide()
        self.errors.clear()
        self.note_label.setText(self._note(closed=True, own_shift=True))
        if then_void:
            self.submit()

    @Slot()
    def _on_edited(self) -> None:
        if self.reason_edit.property("invalid"):
            set_flag(self.reason_edit, "invalid", False)
            self.errors.clear()
