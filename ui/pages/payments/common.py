"""Small pieces shared by the Payments page and its dialogs."""

from __future__ import annotations

from datetime import datetime

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
