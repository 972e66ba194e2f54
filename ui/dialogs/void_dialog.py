"""Voiding a receipt (BATAL): a supervisor's decision, with a reason.

The receipt stays, marked BATAL, with a void record beside it (the core never
deletes a payment); its money no longer counts in the shift.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.payments import method_label, payer_label
from smesco_desk.services.values import ReceiptRecord
from ui.context import AppContext
from ui.errors import show_error
from ui.forms import FieldErrors, with_error
from ui.pages.payments.common import VOID_CHANGES, rupiah, wib_moment
from ui.widgets import set_flag


class VoidDialog(QDialog):
    """Emits `receipt_voided(ReceiptRecord)` (the receipt as it is now) and closes."""

    receipt_voided = Signal(object)

    def __init__(
        self, ctx: AppContext, receipt: ReceiptRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("void_dialog")
        self.setWindowTitle(self.tr("Batalkan kuitansi {number}").format(number=receipt.number))
        self._ctx = ctx
        self.receipt = receipt
        self.voided: ReceiptRecord | None = None
        self.errors = FieldErrors()
        summary = QLabel(self._summary(receipt), self)
        summary.setObjectName("void_summary_label")
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "Kuitansi tetap tersimpan dengan tanda BATAL dan tidak lagi dihitung dalam kas "
                "shift. Kembalikan uangnya kepada pembayar."
            ),
            self,
        )
        note.setObjectName("note_label")
        note.setWordWrap(True)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("void_reason_edit")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("mis. salah memasukkan jumlah"))
        self.reason_edit.textEdited.connect(self._on_edited)
        reason_label = QLabel(self.tr("&Alasan pembatalan *"), self)
        reason_label.setBuddy(self.reason_edit)
        self.general_error = self.errors.add("")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(summary)
        layout.addWidget(note)
        layout.addWidget(reason_label)
        layout.addWidget(with_error(self.reason_edit, self.errors.add("reason")))
        layout.addWidget(self.general_error)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(460)
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

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
        keep = buttons.addButton(
            self.tr("&Jangan batalkan"), QDialogButtonBox.ButtonRole.RejectRole
        )
        keep.setObjectName("keep_button")
        keep.clicked.connect(self.reject)
        return buttons

    @Slot()
    def submit(self) -> None:
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        number, reason = self.receipt.number, self.reason_edit.text()
        self.void_button.setEnabled(False)
        self._ctx.runner.op(lambda: payments.void(actor, number, reason), self).changes(
            VOID_CHANGES
        ).with_progress(self.tr("Membatalkan kuitansi…")).success(self._voided).failure(
            self._failed
        ).run()

    def _voided(self, record: ReceiptRecord) -> None:
        self.voided = record
        self.receipt_voided.emit(record)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.void_button.setEnabled(True)
        if isinstance(exc, ValidationError) and "reason" in exc.errors:
            self.errors.show({"reason": exc.errors["reason"]})
            set_flag(self.reason_edit, "invalid", True)
            self.reason_edit.setFocus()
        elif isinstance(exc, DomainError):
            self.errors.show({"": exc.message})
        else:
            show_error(self, exc)

    @Slot()
    def _on_edited(self) -> None:
        if self.reason_edit.property("invalid"):
            set_flag(self.reason_edit, "invalid", False)
            self.errors.clear()
