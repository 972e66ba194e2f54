"""The proof of a refund paid out (Bukti pengembalian dana), on the 80 mm roll.

Printed by the receipt printer right after a cashier pays out money owed back
(services.payments.refunds), with the receipt's layout engine and look: who
the money went back to and for what, the amount in figures and in words, how
it went back (cash from the drawer, or a transfer or QRIS with its reference),
the cashier, and a place for the payer to sign for it.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from smesco_desk.domain.money import format_rupiah, terbilang
from smesco_desk.domain.payments import PaymentMethod, method_label, payer_label
from smesco_desk.i18n import _, official_document
from smesco_desk.printing.fonts import base_font
from smesco_desk.printing.formatting import format_datetime
from smesco_desk.printing.receipt._engine import Cell, Flow
from smesco_desk.printing.receipt.thermal80 import THERMAL_MARGIN, THERMAL_WIDTH
from smesco_desk.printing.style import new_canvas
from smesco_desk.values.payments import RefundPayoutRecord


@official_document
def render_refund(
    payout: RefundPayoutRecord, *, building_name: str, building_address: str
) -> bytes:
    """One 80 mm wide page as long as its content, as PDF bytes."""
    flow = _flow(payout, building_name, building_address)
    height = flow.height + 2 * THERMAL_MARGIN + 2 * mm  # a little paper before the cut
    title = _("Bukti pengembalian dana {payer}").format(payer=payout.payer_name)
    canvas, buffer = new_canvas((THERMAL_WIDTH, height), title, initial_font=base_font())
    flow.draw(canvas, THERMAL_MARGIN, height - THERMAL_MARGIN)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _flow(payout: RefundPayoutRecord, name: str, address: str) -> Flow:
    flow = Flow(THERMAL_WIDTH - 2 * THERMAL_MARGIN)
    flow.fitted(name, 11, 8, 3, align="center", bold=True)
    flow.fitted(address, 7, 7, 4, align="center")
    flow.rule()
    flow.fitted(_("BUKTI PENGEMBALIAN DANA"), 13, 9, 2, align="center", bold=True)
    flow.space(1 * mm)
    flow.text(format_datetime(payout.paid_at), 7.5, align="center")
    flow.fitted(payout.id, 6.5, 5.5, 1, align="center", mono=True)
    flow.rule(dashed=True)
    label, rest = 21 * mm, flow.width - 21 * mm
    payer = Cell(payout.payer_name, label, rest, bold=True, size=8.5)
    flow.row([Cell(_("Kepada"), 0, label, size=7.5), payer], 8.5)
    flow.row([Cell(payer_label(payout.payer_kind), label, rest)], 7.5)
    if payout.description.strip():
        flow.space(0.8 * mm)
        flow.row([Cell(_("Untuk"), 0, label, size=7.5), Cell(payout.description, label, rest)], 8)
    flow.rule(weight=1.0)
    flow.pair(_("JUMLAH"), format_rupiah(payout.amount), 11.5, bold=True)
    flow.space(0.8 * mm)
    words = _("Terbilang: {words}").format(words=terbilang(payout.amount))
    flow.fitted(words, 8, 6.5, 8)
    flow.rule(dashed=True)
    rows = [(_("Dikembalikan lewat"), method_label(payout.method))]
    if payout.method != PaymentMethod.CASH and payout.reference:
        rows.append((_("Referensi"), payout.reference))
    rows.append((_("Kasir"), payout.paid_by_name or payout.paid_by))
    for key, value in rows:
        flow.pair(key, value, 8)
    _signatures(flow, payout)
    flow.rule(dashed=True)
    flow.text(_("Simpan bukti ini"), 8, align="center", bold=True)
    return flow


def _signatures(flow: Flow, payout: RefundPayoutRecord) -> None:
    """The payer signs for the money, the cashier for paying it out."""
    half = flow.width / 2
    parts = []
    for x, title, who in (
        (0.0, _("Penerima,"), payout.payer_name),
        (half, _("Kasir,"), payout.paid_by_name or payout.paid_by),
    ):
        part = Flow(half - 2 * mm)
        part.text(title, 7.5, align="center")
        part.space(11 * mm)
        part.rule(pad=0.6 * mm)
        part.fitted(who, 7.5, 6, 2, align="center", bold=True)
        parts.append((x + (1 * mm if x else 0.0), part))
    flow.space(3 * mm)
    flow.columns(parts)
