"""The top of the Payments page: the operator's cash shift and the main actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smesco_desk.services.values import ShiftSummary
from ui.pages.payments.common import rupiah, wib_time
from ui.pages.visitors.common import set_flag
from ui.widgets import FittingButton


class ShiftHeader(QFrame):
    """Shift state ("Shift dibuka 08:00 · modal … · tunai masuk …") and the buttons
    for a new sale (F4), opening a shift, and the cash-up (Tutup kas)."""

    new_sale_requested = Signal()
    open_shift_requested = Signal()
    cashup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shift_header")
        self.shift: ShiftSummary | None = None
        self.state_label = QLabel(self)
        self.state_label.setObjectName("shift_state_label")
        self.state_label.setWordWrap(True)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("shift_detail_label")
        self.detail_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Buka shift…"), self)
        self.open_button.setObjectName("open_shift_button")
        self.open_button.clicked.connect(self.open_shift_requested)
        self.cashup_button = QPushButton(self.tr("Tutup &kas…"), self)
        self.cashup_button.setObjectName("cashup_button")
        self.cashup_button.clicked.connect(self.cashup_requested)
        self.new_sale_button = FittingButton(
            self.tr("Penjualan baru (F4)"), self.tr("Jual (F4)"), self
        )
        self.new_sale_button.setObjectName("new_sale_button")
        self.new_sale_button.setProperty("primary", True)
        self.new_sale_button.clicked.connect(self.new_sale_requested)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.state_label)
        texts.addWidget(self.detail_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(8)
        row.addLayout(texts, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.cashup_button)
        row.addWidget(self.new_sale_button)
        self.show_shift(None, loading=True)

    def show_shift(self, shift: ShiftSummary | None, loading: bool = False) -> None:
        self.shift = shift
        if loading:
            self.state_label.setText(self.tr("Memuat shift kas…"))
            self.detail_label.setText("")
        elif shift is None:
            self.state_label.setText(self.tr("Belum ada shift terbuka"))
            self.detail_label.setText(
                self.tr("Buka shift dan isi modal awal laci kas sebelum menerima pembayaran.")
            )
        else:
            self.state_label.setText(
                self.tr("Shift dibuka {time} · modal {float} · tunai masuk {cash}").format(
                    time=wib_time(shift.opened_at),
                    float=rupiah(shift.opening_float),
                    cash=rupiah(shift.cash_in),
                )
            )
            self.detail_label.setText(self._detail(shift))
        set_flag(self, "state", "loading" if loading else "open" if shift else "none")
        self.open_button.setVisible(shift is None and not loading)
        self.cashup_button.setEnabled(shift is not None)

    def _detail(self, shift: ShiftSummary) -> str:
        text = self.tr("%n kuitansi", "", shift.receipt_count)
        if shift.void_count:
            text += " · " + self.tr("%n dibatalkan", "", shift.void_count)
        return (
            text
            + " · "
            + self.tr("kas seharusnya {amount} · {name}").format(
                amount=rupiah(shift.expected_cash), name=shift.operator_name
            )
        )
