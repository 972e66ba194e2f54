"""The drawer counted note by note (the right half of the cash-up dialog):
a count per denomination with its subtotal, the total counted, and the
difference from what the drawer should hold ("cocok", "kurang Rp…", "lebih Rp…").

Its texts keep the cash-up dialog's translation context: they are that dialog's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smesco_desk.domain.payments import DENOMINATIONS
from ui.pages.payments.common import rupiah
from ui.widgets import set_flag

MAX_COUNT = 999_999


def denomination_label(key: str, value: int) -> str:
    """ "Rp100.000", or "Rp1.000 (logam)" for a coin."""
    text = rupiah(value)
    if key.startswith("coin"):
        return QApplication.translate("CashUpDialog", "{amount} (logam)").format(amount=text)
    return text


class DrawerCount(QFrame):
    """Emits `changed` whenever a count changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashup_count_panel")
        self.spins: dict[str, QSpinBox] = {}
        self.subtotal_labels: dict[str, QLabel] = {}
        title = QLabel(QApplication.translate("CashUpDialog", "Hitung uang di laci"), self)
        title.setObjectName("panel_title_label")
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        for row, (key, value) in enumerate(DENOMINATIONS):
            self._add_row(grid, row, key, value)
        grid.setColumnStretch(3, 1)
        self.counted_label = QLabel(self)
        self.counted_label.setObjectName("counted_total_label")
        self.counted_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.difference_label = QLabel(self)
        self.difference_label.setObjectName("difference_label")
        self.difference_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.counted_label)
        layout.addWidget(self.difference_label)
        layout.addStretch(1)

    def _add_row(self, grid: QGridLayout, row: int, key: str, value: int) -> None:
        spin = QSpinBox(self)
        spin.setObjectName(f"count_{key}_spin")
        spin.setRange(0, MAX_COUNT)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setFixedWidth(104)
        spin.setProperty("compact", True)  # eleven rows fit a 768-pixel screen
        spin.valueChanged.connect(self.changed)
        label = QLabel(denomination_label(key, value), self)
        label.setBuddy(spin)
        subtotal = QLabel(rupiah(0), self)
        subtotal.setObjectName("count_subtotal_label")
        subtotal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(label, row, 0)
        grid.addWidget(QLabel("×", self), row, 1)
        grid.addWidget(spin, row, 2)
        grid.addWidget(subtotal, row, 3)
        self.spins[key], self.subtotal_labels[key] = spin, subtotal

    def counts(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def counted_total(self) -> int:
        values = dict(DENOMINATIONS)
        return sum(values[key] * count for key, count in self.counts().items())

    def refresh(self, difference: int | None) -> None:
        """The subtotals, the total counted and the difference (None: no shift yet)."""
        values = dict(DENOMINATIONS)
        for key, spin in self.spins.items():
            self.subtotal_labels[key].setText(rupiah(values[key] * spin.value()))
        counted = QApplication.translate("CashUpDialog", "Dihitung: {amount}").format(
            amount=rupiah(self.counted_total())
        )
        self.counted_label.setText(counted)
        if difference is None:
            text, kind = "", ""
        elif difference == 0:
            text, kind = QApplication.translate("CashUpDialog", "Selisih: cocok"), "ok"
        elif difference < 0:
            text = QApplication.translate("CashUpDialog", "Selisih: kurang {amount}").format(
                amount=rupiah(-difference)
            )
            kind = "short"
        else:
            text, kind = (
                QApplication.translate("CashUpDialog", "Selisih: lebih {amount}").format(
                    amount=rupiah(difference)
                ),
                "over",
            )
        self.difference_label.setText(text)
        set_flag(self.difference_label, "kind", kind)
