"""Paying out a refund owed (Bayar kembali): money a payer is owed back goes back.

A credit (a paid booking moved to a cheaper slot, or cancelled with a fee below
what was paid) is paid out by the cashier from their open shift: in cash from
the drawer, or by bank transfer or QRIS with the transaction's reference
(`core.payments.pay_refund`). Cash leaves the shift's expected cash. The proof
(Bukti pengembalian dana) then prints on the receipt printer, for the payer
to sign; a print failure keeps the payout and offers to print again. With no
shift open the dialog says so as it opens (a banner offering "Buka shift…", as
the sale dialog does), and the core refuses a payout until one is open. The
dialog grows with its messages (nothing squeezed at 1024x768).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.payments import PaymentMethod, method_label, payer_label
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.values.payments import ChargeRecord, RefundPayoutRecord, ShiftSummary
from ui.context import AppContext
from ui.errors import error_text, show_error
from ui.forms import FieldErrors, with_error
from ui.pages.payments.common import fit_height, rupiah, wib_moment
from ui.pages.payments.documents import PaymentDocuments
from ui.pages.payments.shift_dialog import OpenShiftDialog
from ui.widgets import StatusBanner, set_flag

METHODS = (PaymentMethod.CASH, PaymentMethod.TRANSFER, PaymentMethod.QRIS)


class RefundDialog(QDialog):
    """Emits `refund_paid(RefundPayoutRecord)` once paid out, and closes after
    printing the proof (if that is ticked)."""

    refund_paid = Signal(object)
    shift_opened = Signal(object)  # ShiftSummary, opened from here

    def __init__(
        self,
        ctx: AppContext,
        credit: ChargeRecord,
        documents: PaymentDocuments,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refund_dialog")
        self.setWindowTitle(self.tr("Bayar kembali"))
        self._ctx = ctx
        self._documents = documents
        self.credit = credit
        self.payout: RefundPayoutRecord | None = None
        self.has_shift = True  # until the core says otherwise (read as the dialog opens)
        self.errors = FieldErrors()
        summary = QLabel(self._summary(credit), self)
        summary.setObjectName("refund_summary_label")
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        amount = QLabel(rupiah(-credit.total), self)
        amount.setObjectName("refund_amount_label")
        font = amount.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        amount.setFont(font)
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("refund_method_combo")
        for method in METHODS:
            self.method_combo.addItem(method_label(method.value), method.value)
        self.method_combo.currentIndexChanged.connect(self._on_method)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setObjectName("refund_reference_edit")
        self.reference_edit.setMaxLength(100)
        self.reference_edit.setPlaceholderText(self.tr("nomor transaksi transfer atau QRIS"))
        self.reference_edit.textEdited.connect(self._on_edited)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("note_label")
        self.note_label.setWordWrap(True)
        self.banner = StatusBanner(self)
        self.banner.action_triggered.connect(lambda: self.open_shift(then_pay=False))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Jumlah"), amount)
        form.addRow(
            self.tr("&Cara pengembalian"),
            with_error(self.method_combo, self.errors.add("method")),
        )
        form.addRow(
            self.tr("&Referensi"), with_error(self.reference_edit, self.errors.add("reference"))
        )
        self.print_check = QCheckBox(self.tr("Ceta&k bukti pengembalian dana"), self)
        self.print_check.setObjectName("print_refund_check")
        self.print_check.setChecked(True)
        self.general_error = self.errors.add("")
        self.open_shift_button = QPushButton(self.tr("B&uka shift…"), self)
        self.open_shift_button.setObjectName("refund_open_shift_button")
        self.open_shift_button.setAutoDefault(False)
        self.open_shift_button.clicked.connect(lambda: self.open_shift(then_pay=True))
        self.open_shift_button.hide()
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(summary)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.note_label)
        layout.addWidget(self.print_check)
        layout.addWidget(self.general_error)
        layout.addWidget(self.open_shift_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(440)
        self._on_method()
        self.method_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        self._load_shift()

    def _load_shift(self) -> None:
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        self._ctx.runner.op(lambda: payments.current_shift(actor), self).success(
            self._show_shift
        ).failure(lambda _exc: None).run()

    def _show_shift(self, shift: ShiftSummary | None) -> None:
        self.has_shift = shift is not None
        if shift is None:
            self.banner.show_message(
                "info",
                self.tr(
                    "Belum ada shift kas terbuka. Buka shift (isi modal awal) sebelum "
                    "membayar kembali."
                ),
                self.tr("Buka shift…"),
            )
        else:
            self.banner.clear()
        self._on_method()
        fit_height(self)

    def _summary(self, c: ChargeRecord) -> str:
        return self.tr("{payer} ({kind})\n{description}\nSejak {time} WIB").format(
            payer=c.payer_name,
            kind=payer_label(c.payer_kind),
            description=c.description or "-",
            time=wib_moment(c.created_at),
        )

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.pay_button = QPushButton(self.tr("&Bayar kembali"), self)
        self.pay_button.setObjectName("confirm_refund_button")
        self.pay_button.setProperty("primary", True)
        self.pay_button.setDefault(True)
        self.pay_button.clicked.connect(self.submit)
        buttons.addButton(self.pay_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(
            self.tr("B&atal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("cancel_refund_button")
        self.cancel_button.clicked.connect(self.reject)
        return buttons

    def method(self) -> str:
        return str(self.method_combo.currentData())

    @Slot()
    def _on_method(self) -> None:
        cash = self.method() == PaymentMethod.CASH.value
        self.reference_edit.setEnabled(not cash)
        if not cash:
            note = self.tr("Isi nomor referensi transaksi setelah uang dikirim.")
        elif self.has_shift:
            note = self.tr("Uang tunai diambil dari laci shift Anda: kas seharusnya berkurang.")
        else:
            note = self.tr(
                "Uang tunai diambil dari laci kas setelah Anda membuka shift: "
                "kas seharusnya berkurang."
            )
        self.note_label.setText(note)
        self._on_edited()

    # --- paying out ------------------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        charge_id, method = self.credit.id, self.method()
        reference = "" if method == PaymentMethod.CASH.value else self.reference_edit.text()
        self.pay_button.setEnabled(False)
        self._ctx.runner.op(
            lambda: payments.pay_refund(actor, charge_id, method, reference), self
        ).with_progress(self.tr("Membayar kembali…")).success(self._paid).failure(
            self._failed
        ).run()

    def _paid(self, payout: RefundPayoutRecord) -> None:
        self.payout = payout
        if self.print_check.isChecked():
            self._print()
        else:
            self._finish()

    @Slot()
    def _print(self) -> None:
        if self.payout is None:
            return
        self.errors.clear()
        self._documents.print_refund(self.payout.id, lambda _p: self._finish(), self._print_failed)

    def _print_failed(self, exc: BaseException) -> None:
        self.errors.show(
            {
                "": self.tr("Dana sudah dikembalikan, tetapi bukti gagal dicetak: {error}").format(
                    error=error_text(exc)
                )
            }
        )
        self.pay_button.setText(self.tr("&Cetak ulang"))
        self.pay_button.setEnabled(True)
        self.pay_button.clicked.disconnect()
        self.pay_button.clicked.connect(self._print)
        self.cancel_button.setText(self.tr("&Tutup"))
        for widget in (self.method_combo, self.reference_edit, self.print_check):
            widget.setEnabled(False)
        fit_height(self)

    @Slot()
    def _finish(self) -> None:
        if self.payout is not None:
            self.refund_paid.emit(self.payout)
        self.accept()

    def reject(self) -> None:
        if self.payout is not None:  # paid out already: closing says so to the page
            self._finish()
            return
        super().reject()

    def _failed(self, exc: BaseException) -> None:
        self.pay_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            unplaced = self.errors.show(exc.errors)
            if unplaced:
                self.errors.show({**exc.errors, "": " ".join(unplaced.values())})
            if "reference" in exc.errors:
                set_flag(self.reference_edit, "invalid", True)
                self.reference_edit.setFocus()
        elif isinstance(exc, DomainError) and exc.field == "shift":
            self.banner.clear()  # the message and its button below say it now
            self.errors.show({"": exc.message})
            self.open_shift_button.show()
            self.open_shift_button.setFocus()
        elif isinstance(exc, DomainError):
            self.errors.show({"": exc.message})
        else:
            show_error(self, exc)
        fit_height(self)

    @Slot()
    def open_shift(self, then_pay: bool = False) -> None:
        """The opening-float dialog; with `then_pay` the payout goes on once it is open."""
        dialog = OpenShiftDialog(
            self._ctx,
            self,
            reason=self.tr(
                "Pengembalian dana dibayar dari shift Anda. Hitung uang di laci dan isi "
                "modal awal shift Anda."
            ),
        )
        try:
            opened = dialog.exec() == QDialog.DialogCode.Accepted and dialog.shift is not None
            shift: ShiftSummary | None = dialog.shift
        finally:
            dialog.deleteLater()
        if not opened or shift is None:
            return
        self.shift_opened.emit(shift)
        self.open_shift_button.hide()
        self.errors.clear()
        self._show_shift(shift)
        if then_pay:
            self.submit()

    @Slot()
    def _on_edited(self) -> None:
        if self.reference_edit.property("invalid"):
            set_flag(self.reference_edit, "invalid", False)
            self.errors.clear()
