"""The top of the Payments page: the operator's cash shift and the main actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smesco_desk.clock import utc_now
from smesco_desk.values.payments import ShiftSummary
from ui.pages.payments.common import rupiah, wib_time_or_day
from ui.widgets import FittingButton, set_flag


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
        self._texts: list[tuple[str, str]] = []
        self.state_label = QLabel(self)
        self.state_label.setObjectName("shift_state_label")
        self.state_label.setWordWrap(True)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("shift_detail_label")
        self.detail_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Buka s&hift…"), self)
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

    def show_shift(
        self, shift: ShiftSummary | None, loading: bool = False, open_shifts: int = 0
    ) -> None:
        """The person's shift; `open_shifts` (at this desk, anyone's) lets a supervisor
        without a shift of their own still reach the cash-up."""
        self.shift = shift
        if loading:
            self._texts = [(self.tr("Memuat shift kas…"),) * 2, ("", "")]
        elif shift is None:
            text = self.tr("Buka shift dan isi modal awal laci kas sebelum menerima pembayaran.")
            self._texts = [(self.tr("Belum ada shift terbuka"),) * 2, (text, text)]
        else:
            self._texts = [self._state(shift), self._detail(shift)]
        self._fit()
        set_flag(self, "state", "loading" if loading else "open" if shift else "none")
        self.open_button.setVisible(shift is None and not loading)
        self.cashup_button.setEnabled(shift is not None or open_shifts > 0)

    def _state(self, shift: ShiftSummary) -> tuple[str, str]:
        """The long text, and a shorter one for a narrow window (1024 px)."""
        values = {
            "time": wib_time_or_day(shift.opened_at, utc_now()),  # a shift over midnight
            "float": rupiah(shift.opening_float),
            "cash": rupiah(shift.cash_in),
        }
        return (
            self.tr("Shift dibuka {time} · modal {float} · tunai masuk {cash}").format(**values),
            self.tr("Shift {time} · modal {float} · tunai {cash}").format(**values),
        )

    def _detail(self, shift: ShiftSummary) -> tuple[str, str]:
        text = self.tr("%n kuitansi", "", shift.receipt_count)
        if shift.void_count:
            text += " · " + self.tr("%n dibatalkan", "", shift.void_count)
        text += " · " + self.tr("kas seharusnya {amount}").format(
            amount=rupiah(shift.expected_cash)
        )
        return f"{text} · {shift.operator_name}", text

    def _fit(self) -> None:
        for label, (long, short) in zip(
            (self.state_label, self.detail_label), self._texts, strict=True
        ):
            room = label.contentsRect().width()
            fits = label.fontMetrics().horizontalAdvance(long) <= room
            label.setText(long if fits or not self.isVisible() else short)
            label.setToolTip(long if not fits else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._fit()  # (a page first shown after its texts were set)
