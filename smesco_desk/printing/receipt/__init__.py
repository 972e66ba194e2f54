"""The kuitansi (receipt): on an 80 mm thermal roll (`thermal80`) or on A5 paper (`a5`).

Both formats say the same things: who issued it, its number, when, who paid
for what, the lines, subtotal, discounts, taxes, the total in figures and in
words (terbilang), how it was paid and who took the money. A reprint is
marked SALINAN and keeps the number; a voided receipt stays readable under a
BATAL / VOID mark that says why, by whom and when; above Rp5.000.000 a dashed
box shows where the Rp10.000 meterai goes, where the cashier signs.

Content is measured first and drawn afterwards (see `_engine.Flow`): the thermal page
is exactly as long as its content, and the A5 pages are filled knowing how many
there will be, so each can say "Halaman x dari y" without drawing twice.
A line's figure is its gross amount (quantity x unit price) with its discount
as a negative figure under it: the subtotal adds up the first, the discount
total the second.
"""

from __future__ import annotations

from smesco_desk.domain.payments import ReceiptFormat
from smesco_desk.printing.receipt.a5 import render_a5
from smesco_desk.printing.receipt.thermal80 import render_thermal
from smesco_desk.values.payments import ReceiptRecord

__all__ = ["render_receipt"]


def render_receipt(
    receipt: ReceiptRecord,
    *,
    building_name: str,
    building_address: str,
    fmt: ReceiptFormat | str = "thermal",
    copy: bool = False,
) -> bytes:
    """The receipt as PDF bytes: one 80 mm wide page as long as its content, or A5 pages."""
    if ReceiptFormat(fmt) is ReceiptFormat.A5:
        return render_a5(receipt, building_name, building_address, copy)
    return render_thermal(receipt, building_name, building_address, copy)
