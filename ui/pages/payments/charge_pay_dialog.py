"""Paying an open charge made elsewhere (a room booking's charge): who pays,
what for, its lines, the totals as a sale shows them (TotalsPanel: subtotal,
discount, taxes, TOTAL, so the sum can be followed), and the payment
(PaymentPanel, as in a sale).

`core.payments.pay(actor, charge_id, payment)` commits the payment and the
numbered receipt in one transaction; the dialog then emits `paid(ReceiptRecord)`
and closes, and the caller prints the receipt (PaymentDocuments.print_receipt,
as after a sale): a print failure cannot undo the payment. Without an open cash
shift the dialog offers to open one, then pays.

With several open charges of one payer (`together`), ChargeChoice lists them
ticked, oldest first, and `core.payments.pay_charges` pays the ticked ones (or
the oldest that a typed amount pays in full) with one receipt.

Keyboard: the cash field has the focus; Enter there (or Ctrl+Enter anywhere)
pays; Esc closes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.charges import ChargeTotals
from smesco_desk.domain.payments import PaymentMethod, payer_label
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.values.payments import ChargeRecord, ReceiptLine, ReceiptRecord, ShiftSummary
from ui.context import AppContext
from ui.forms import FieldErrors
from ui.pages.payments.charge_choice import ChargeChoice
from ui.pages.payments.common import rupiah
from ui.pages.payments.paying import PaymentFlow
from ui.pages.payments.payment_panel import PaymentPanel
from ui.pages.payments.totals_panel import TotalsPanel
from ui.widgets import StatusBanner, note_label, set_flag

FIELDS = ("tendered", "reference")


class ChargePayDialog(PaymentFlow, QDialog):
    """Emits `paid(ReceiptRecord)` and closes once the payment is committed."""

    FIELD_NAMES = FIELDS
    paid = Signal(object)  # ReceiptRecord

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        charge_id: str,
        together: Sequence[ChargeRecord] = (),
    ) -> None:
        """`together`: several open charges of one payer, oldest first, to pay
        with one receipt (`charge_id` is then the first's)."""
        super().__init__(parent)
        self.setObjectName("charge_pay_dialog")
        self.setWindowTitle(self.tr("Bayar tagihan"))
        self._ctx = ctx
        self.charge_id = charge_id
        self.together = list(together) if len(together) > 1 else []
        self.charge: ChargeRecord | None = None
        self.receipt: ReceiptRecord | None = None
        self._busy = False
        self.errors = FieldErrors()
        self._build()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.pay)
        self.setMinimumWidth(660)  # the quick cash amounts uncut
        self._load()

    def _build(self) -> None:
        self.payer_label = QLabel(self)
        self.payer_label.setObjectName("charge_payer_label")
        self.payer_label.setWordWrap(True)
        self.lines_label = note_label("", self)
        self.lines_label.setObjectName("charge_lines_label")
        self.choice: ChargeChoice | None = None
        if self.together:
            self.choice = ChargeChoice(self.together, self.errors, self)
            self.choice.changed.connect(self._chosen)
            self.choice.amount_edit.textEdited.connect(lambda _t: self._clear_field("amount"))
        self.totals = TotalsPanel(self)
        self.total_label = self.totals.total_label  # the TOTAL figure
        self.payment = PaymentPanel(self.errors, self)
        self.payment.field_edited.connect(self._clear_field)
        self.tendered_edit = self.payment.tendered_edit
        self.reference_edit = self.payment.reference_edit
        self.banner = StatusBanner(self)
        self.banner.action_triggered.connect(self.open_shift)
        self.pay_button = QPushButton(self.tr("&Bayar && cetak"), self)
        self.pay_button.setObjectName("pay_button")
        self.pay_button.setProperty("primary", True)
        self.pay_button.setToolTip(self.tr("Ctrl+Enter"))
        self.pay_button.setEnabled(False)  # until the charge is read
        self.pay_button.clicked.connect(self.pay)
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.clicked.connect(self.reject)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter is handled in keyPressEvent
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.pay_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.payer_label)
        layout.addWidget(self.lines_label)
        if self.choice is not None:
            self.lines_label.hide()
            layout.addWidget(self.choice)
        layout.addWidget(self.totals)
        layout.addWidget(self.payment)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)

    # --- loading --------------------------------------------------------------

    def _load(self) -> None:
        payments, actor, charge_id = (
            self._ctx.core.payments,
            self._ctx.require_actor(),
            self.charge_id,
        )
        self._ctx.runner.op(
            lambda: (payments.charge(charge_id), payments.current_shift(actor)), self
        ).success(lambda loaded: self._loaded(*loaded)).failure(self._show_failure).run()

    def _loaded(self, charge: ChargeRecord, shift: ShiftSummary | None) -> None:
        self.charge = charge
        self.payer_label.setText(
            self.tr("{payer} ({kind}) · {what}").format(
                payer=charge.payer_name,
                kind=payer_label(charge.payer_kind),
                what=charge.description,
            )
        )
        self.lines_label.setText("\n".join(self._line_text(line) for line in charge.lines))
        if self.choice is not None:
            self.payer_label.setText(
                self.tr("{payer} ({kind}) · {count} tagihan terbuka").format(
                    payer=charge.payer_name,
                    kind=payer_label(charge.payer_kind),
                    count=len(self.together),
                )
            )
            self._chosen(self.choice.total())
        else:
            self.totals.show_totals(charge)
            self.payment.set_total(charge.total)
        if charge.status != "open":
            self.banner.show_message("error", self.tr("Tagihan ini sudah tidak terbuka."))
            return
        self.pay_button.setEnabled(True)
        if shift is None:
            self.banner.show_message(
                "info",
                self.tr(
                    "Belum ada shift kas terbuka. Buka shift (isi modal awal) sebelum membayar."
                ),
                self.tr("Buka shift…"),
            )
        self.tendered_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int)
    def _chosen(self, total: int) -> None:
        """The ticked charges' sum, as one total (their taxes are inside them)."""
        self.totals.show_totals(ChargeTotals((), total, 0, total, (), 0, total) if total else None)
        self.payment.set_total(total)
        self._clear_field("charges")

    def _line_text(self, line: ReceiptLine) -> str:
        """ "Ruang …: 3 jam × Rp400.000 − potongan Rp360.000 = Rp840.000"."""
        unit = f" {line.unit}" if line.unit else ""
        text = self.tr("{description}: {quantity}{unit} × {price}").format(
            description=line.description,
            quantity=line.quantity,
            unit=unit,
            price=rupiah(line.unit_price),
        )
        if line.discount:
            text += " " + self.tr("− potongan {amount}").format(amount=rupiah(line.discount))
        return f"{text} = {rupiah(line.amount)}"

    # --- paying ---------------------------------------------------------------

    @Slot()
    def pay(self) -> None:
        if self._busy or self.charge is None or self.charge.status != "open":
            return
        if self.payment.method() is PaymentMethod.CASH and self.tendered_edit.value() is None:
            self.show_errors({"tendered": self.tr("Isi jumlah uang yang diterima.")})
            return
        payments, actor, charge_id = (
            self._ctx.core.payments,
            self._ctx.require_actor(),
            self.charge_id,
        )
        form = self.payment.payment_form()
        self._set_busy(True)
        if self.choice is not None:
            ids, amount = self.choice.payment_ids(), self.choice.amount()
            self._ctx.runner.op(
                lambda: payments.pay_charges(actor, ids, form, amount), self
            ).with_progress(self.tr("Menyimpan pembayaran…")).success(self._paid).failure(
                self._pay_failed
            ).run()
            return
        self._ctx.runner.op(lambda: payments.pay(actor, charge_id, form), self).with_progress(
            self.tr("Menyimpan pembayaran…")
        ).success(self._paid).failure(self._pay_failed).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.pay_button.setEnabled(not busy)

    def _paid(self, receipt: ReceiptRecord) -> None:
        self._set_busy(False)
        self.receipt = receipt
        self.paid.emit(receipt)
        self.accept()

    def _pay_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, DomainError) and exc.field == "shift":
            self.open_shift(exc.message, then_pay=True)
        else:
            self._show_failure(exc)

    def show_errors(self, errors: dict[str, str]) -> None:
        rest = self.errors.show(errors)
        for field in FIELDS:
            set_flag(self._field_widget(field), "invalid", field in errors)
        if rest:
            self.banner.show_message("error", " ".join(rest.values()))
        first = next((f for f in FIELDS if f in errors), None)
        if first is not None:
            self._field_widget(first).setFocus(Qt.FocusReason.OtherFocusReason)

    def _field_widget(self, field: str) -> QWidget:
        return self.tendered_edit if field == "tendered" else self.reference_edit
