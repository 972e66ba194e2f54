"""Small pieces shared by the Payments page and its dialogs."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QWidget

from smesco_desk.clock import to_wib
from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import ReceiptFormat
from ui.settings import Option

# Paper of the receipts printed at this PC (the receipt printer's roll, or A5 sheets).
RECEIPT_FORMAT = Option("options/receipt_format", ReceiptFormat.THERMAL.value)

# What the shift header shows (the receipt list: receipts_model.RECEIPT_TABLES).
SHIFT_TABLES = frozenset({"cash_shifts", "receipts", "receipt_voids", "refund_payouts"})


def rupiah(amount: int) -> str:
    return format_rupiah(amount)


def wib_time_or_day(moment: datetime, now: datetime) -> str:
    """HH:MM on the day of `now` (WIB), "27-11 23:55" for another day."""
    local = to_wib(moment)
    return local.strftime("%H:%M" if local.date() == to_wib(now).date() else "%d-%m %H:%M")


def wib_moment(moment: datetime) -> str:
    return to_wib(moment).strftime("%d-%m-%Y %H:%M")


def receipt_format(value: object) -> ReceiptFormat:
    """The saved paper choice, thermal if the setting holds something unknown."""
    try:
        return ReceiptFormat(str(value))
    except ValueError:
        return ReceiptFormat.THERMAL


def fit_height(dialog: QWidget) -> None:
    """Grow a dialog to show every wrapped line at its present width: a message
    that appears (an error, a refusal) must not squeeze the texts and fields
    around it (a top-level layout's minimum ignores the height wrapped labels
    need at a given width)."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    dialog.setMinimumHeight(needed)
    if dialog.height() < needed:
        dialog.resize(width, needed)
