"""Paying a charge that is already open (Pembayaran tagihan): a booking paid
later, a cancellation fee, the difference after a move.

The sale dialog's payment part (method, cash and change, the reference, the
cash shift it opens when there is none, the keyboard) is reused as it is; the
payer and the lines are the charge's own and are shown, not edited. Paying goes
through `core.payments.pay(actor, charge_id, payment)`, which commits the
payment and the numbered receipt in one transaction; the dialog then hands the
receipt on (`sale_completed`) for printing, as after a sale.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from smesco_desk.domain.charges import ChargeTotals, LineAmount, LineInput, TaxAmount
from smesco_desk.values.payments import ChargeRecord
from ui.context import AppContext
from ui.pages.payments.common import rupiah
from ui.pages.payments.sale_dialog import SaleDialog


def charge_totals(charge: ChargeRecord) -> ChargeTotals:
    """The charge's own figures, in the shape the totals panel shows."""
    lines = tuple(
        LineAmount(
            LineInput(line.description, line.quantity, line.unit_price, line.discount, line.unit),
            line.quantity * line.unit_price,
            line.amount,
        )
        for line in charge.lines
    )
    taxes = tuple(t if isinstance(t, TaxAmount) else TaxAmount(**t) for t in charge.taxes)
    return ChargeTotals(lines, charge.subtotal, charge.discount_total,
                        charge.subtotal - charge.discount_total, taxes, charge.tax_total,
                        charge.total)


class ChargePayDialog(SaleDialog):
    """Emits `sale_completed(ReceiptRecord)` and closes once the charge is paid."""

    def __init__(self, ctx: AppContext, charge: ChargeRecord,
                 parent: QWidget | None = None) -> None:
        self.charge = charge
        super().__init__(ctx, parent)
        self.setObjectName("charge_pay_dialog")
        self.setWindowTitle(self.tr("Pembayaran tagihan"))
        index = self.payer_kind_combo.findData(charge.payer_kind)
        self.payer_kind_combo.setCurrentIndex(max(index, 0))
        self.payer_kind_combo.setEnabled(False)
        self.name_edit.setText(charge.payer_name)
        self.name_edit.setReadOnly(True)
        self.lines.hide()
        box = QGroupBox(self.tr("Tagihan"), self)
        self.summary_label = QLabel(self._summary(), box)
        self.summary_label.setObjectName("charge_summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(box).addWidget(self.summary_label)
        layout = self.layout()
        if layout is not None:
            layout.replaceWidget(self.lines, box)
        hint = self.findChild(QLabel, "hint_label")
        if hint is not None:  # no lines to add or remove here
            hint.setText(self.tr("Enter: kolom berikutnya · Ctrl+Enter: bayar"))
        self._totals = charge_totals(charge)
        self.totals.show_totals(self._totals)
        self.payment.set_total(self._totals.total)
        self.tendered_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _summary(self) -> str:
        rows = [self.charge.description] if self.charge.description else []
        rows += [
            self.tr("{description}: {quantity} {unit} × {price} = {amount}").format(
                description=line.description, quantity=line.quantity, unit=line.unit,
                price=rupiah(line.unit_price), amount=rupiah(line.amount))
            for line in self.charge.lines
        ]
        return "\n".join(rows)

    @Slot()
    def refresh_quote(self) -> None:
        """The charge's figures are fixed: nothing to ask the core."""

    @Slot()
    def pay(self) -> None:
        if self._busy:
            return
        own = self._own_errors()
        if own:
            self.show_errors(own)
            return
        payments, actor = self._ctx.core.payments, self._ctx.require_actor()
        charge_id, payment = self.charge.id, self.payment.payment_form()
        self._set_busy(True)
        self._ctx.runner.op(lambda: payments.pay(actor, charge_id, payment), self) \
            .with_progress(self.tr("Menyimpan pembayaran…")) \
            .success(self._paid).failure(lambda exc: self._pay_failed(exc, own)).run()
