"""The vocabulary of payments: how one pays, who pays, the paper a receipt is
printed on, the notes and coins of a cash-up, and the labels people read.

Plain names with no database and no service behind them, so that printing, the
services and the UI all take them from here (printing never imports a service).
"""

from __future__ import annotations

from enum import StrEnum

from smesco_desk.domain.money import format_rupiah
from smesco_desk.i18n import N_, _


class PayerKind(StrEnum):
    VISITOR = "visitor"
    UMKM = "umkm"
    TENANT = "tenant"
    ORGANISATION = "organisation"


class PaymentMethod(StrEnum):
    CASH = "cash"
    QRIS = "qris"
    TRANSFER = "transfer"
    CARD = "card"


class ReceiptFormat(StrEnum):
    THERMAL = "thermal"  # 80 mm roll, length follows the content
    A5 = "a5"


# Notes and coins a cashier counts at the end of a shift: (key, value in rupiah).
DENOMINATIONS: tuple[tuple[str, int], ...] = (
    ("100000", 100_000),
    ("50000", 50_000),
    ("20000", 20_000),
    ("10000", 10_000),
    ("5000", 5_000),
    ("2000", 2_000),
    ("1000", 1_000),
    ("coin1000", 1_000),
    ("coin500", 500),
    ("coin200", 200),
    ("coin100", 100),
)

METHOD_LABELS = {
    PaymentMethod.CASH: N_("Tunai"),
    PaymentMethod.QRIS: N_("QRIS"),
    PaymentMethod.TRANSFER: N_("Transfer bank"),
    PaymentMethod.CARD: N_("Kartu debit/kredit"),
}
PAYER_LABELS = {
    PayerKind.VISITOR: N_("Pengunjung"),
    PayerKind.UMKM: N_("UMKM"),
    PayerKind.TENANT: N_("Tenan"),
    PayerKind.ORGANISATION: N_("Organisasi"),
}


def method_label(method: str) -> str:
    try:
        return _(METHOD_LABELS[PaymentMethod(method)])
    except ValueError:
        return method


def payer_label(kind: str) -> str:
    try:
        return _(PAYER_LABELS[PayerKind(kind)])
    except ValueError:
        return kind


def cashup_note_errors(difference: int, note: str) -> dict[str, str]:
    """A drawer that does not hold what it should (counted minus expected is not
    zero) is closed only with a note that says why: the error at the note, or none."""
    if not difference or note.strip():
        return {}
    amount = format_rupiah(abs(difference))
    gap = _("Lebih {amount}") if difference > 0 else _("Kurang {amount}")
    message = _("{difference}: tulis catatan penyebab selisih.")
    return {"note": message.format(difference=gap.format(amount=amount))}
