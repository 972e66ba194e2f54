"""The kuitansi (receipt): on an 80 mm thermal roll (`thermal80`) or on A5 paper (`a5`).

Both follow the Indonesian form and say the same things: the issuer's
letterhead (name, address, NPWP), the number, "Telah terima dari" (the payer),
"Uang sejumlah" (the amount in words, terbilang, always Indonesian), "Untuk
pembayaran" (what for, every line named), the lines, subtotal, discounts, each
tax with its base (DPP), the amount in figures, how it was paid, the place and
date, and the receiving officer's full name under the signature and stamp
space. A reprint is marked SALINAN and keeps the number; a voided receipt
stays readable under a BATAL / VOID mark that says why, by whom and when;
above Rp5.000.000 a dashed box shows where the Rp10.000 meterai goes, where
the cashier signs. The A5 sheet is the full form; the 80 mm roll a short one.

Content is measured first and drawn afterwards (see `_engine.Flow`): the thermal page
is exactly as long as its content, and the A5 pages are filled knowing how many
there will be, so each can say "Halaman x dari y" without drawing twice.
A line's figure is its gross amount (quantity x unit price) with its discount
as a negative figure under it: the subtotal adds up the first, the discount
total the second.
"""

from __future__ import annotations

from smesco_desk.domain.payments import ReceiptFormat
from smesco_desk.i18n import official_document
from smesco_desk.printing.receipt.a5 import render_a5
from smesco_desk.printing.receipt.thermal80 import render_thermal
from smesco_desk.values.payments import ReceiptRecord
from smesco_desk.values.tenancy import Building

__all__ = ["render_receipt"]


@official_document
def render_receipt(
    receipt: ReceiptRecord,
    *,
    building_name: str,
    building_address: str,
    building_npwp: str = "",
    building_city: str = "Jakarta",
    fmt: ReceiptFormat | str = "thermal",
    copy: bool = False,
) -> bytes:
    """The receipt as PDF bytes: one 80 mm wide page as long as its content, or A5
    pages. In Indonesian whatever the interface's language (an official document)."""
    issuer = Building(building_name, building_address, building_npwp, building_city)
    if ReceiptFormat(fmt) is ReceiptFormat.A5:
        return render_a5(receipt, issuer, copy)
    return render_thermal(receipt, issuer, copy)
