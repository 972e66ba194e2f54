"""The totals of a sale as the core quoted them (or of a charge as it was
saved): subtotal, discount, taxes, the TOTAL in large figures and in words
(terbilang), and the meterai note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from smesco_desk.domain.charges import ChargeTotals, format_rate
from smesco_desk.domain.money import terbilang
from smesco_desk.values.payments import ChargeRecord, ReceiptRecord
from ui.pages.payments.common import rupiah


class TotalsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sale_totals_panel")
        self.subtotal_label = self._amount_label("subtotal_label")
        self.discount_label = self._amount_label("discount_label")
        self.taxes_label = self._amount_label("taxes_label")
        self.total_label = self._amount_label("total_label")
        self.terbilang_label = QLabel(self)
        self.terbilang_label.setObjectName("terbilang_label")
        self.terbilang_label.setWordWrap(True)
        self.terbilang_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.meterai_label = QLabel(self.tr("Di atas Rp5.000.000: tempel meterai Rp10.000."), self)
        self.meterai_label.setObjectName("meterai_label")
        self.meterai_label.hide()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(3)
        form.addRow(self.tr("Subtotal"), self.subtotal_label)
        form.addRow(self.tr("Diskon"), self.discount_label)
        self.taxes_title = QLabel(self.tr("Pajak"), self)
        form.addRow(self.taxes_title, self.taxes_label)
        total_title = QLabel(self.tr("TOTAL"), self)
        total_title.setObjectName("total_title_label")
        form.addRow(total_title, self.total_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.terbilang_label)
        layout.addWidget(self.meterai_label)
        layout.addStretch(1)
        self.show_totals(None)

    def _amount_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def show_totals(
        self, totals: ChargeTotals | ChargeRecord | None, unknown: bool = False
    ) -> None:
        """The quote's (or a saved charge's) figures; None: Rp0 (no lines), or "—"
        while `unknown` (bad input)."""
        dash = "—" if unknown else rupiah(0)
        self.subtotal_label.setText(rupiah(totals.subtotal) if totals else dash)
        discount = totals.discount_total if totals else 0
        self.discount_label.setText(
            f"−{rupiah(discount)}" if discount else (rupiah(0) if totals else dash)
        )
        taxes = totals.taxes if totals else ()
        self.taxes_label.setText(
            "\n".join(f"{t.label} {format_rate(t.rate_bp)}  {rupiah(t.amount)}" for t in taxes)
        )
        self.taxes_title.setVisible(bool(taxes))
        self.taxes_label.setVisible(bool(taxes))
        self.total_label.setText(rupiah(totals.total) if totals else dash)
        words = terbilang(totals.total).capitalize() if totals and totals.total else ""
        self.terbilang_label.setText(words)
        self.meterai_label.setVisible(
            bool(totals and totals.total > ReceiptRecord.METERAI_THRESHOLD)
        )
