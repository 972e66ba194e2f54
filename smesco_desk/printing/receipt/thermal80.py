"""The receipt on an 80 mm thermal roll: one page exactly as long as its content."""

from __future__ import annotations

from reportlab.lib.units import mm

from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import payer_label
from smesco_desk.i18n import _
from smesco_desk.printing.formatting import format_datetime
from smesco_desk.printing.receipt._content import (
    METERAI_SIZE,
    amount_words,
    copy_stamp,
    gross,
    meterai_box,
    npwp_text,
    payment_rows,
    place_and_date,
    purpose_text,
    quantity_text,
    receipt_canvas,
    total_rows,
    void_box,
    void_watermark,
)
from smesco_desk.printing.receipt._engine import Cell, Flow
from smesco_desk.printing.style import BLACK
from smesco_desk.values.payments import ReceiptRecord
from smesco_desk.values.tenancy import Building

THERMAL_WIDTH = 80 * mm
THERMAL_MARGIN = 4 * mm  # printable width 72 mm


def _thermal_flow(receipt: ReceiptRecord, issuer: Building, copy: bool) -> tuple[Flow, float]:
    """The roll's content, and how far down the void box (if any) ends."""
    flow = Flow(THERMAL_WIDTH - 2 * THERMAL_MARGIN)
    flow.fitted(issuer.name, 11, 8, 3, align="center", bold=True)
    flow.fitted(issuer.address, 7, 7, 4, align="center")
    if issuer.npwp:
        flow.text(npwp_text(issuer.npwp), 7, align="center")
    flow.rule()
    flow.text(_("KUITANSI"), 14, align="center", bold=True)
    if copy:
        flow.space(0.8 * mm)
        copy_stamp(flow, 10)
    flow.space(1 * mm)
    flow.fitted(receipt.number, 10, 7, 1, align="center", bold=True, mono=True)
    flow.text(format_datetime(receipt.issued_at), 7.5, align="center")
    if receipt.voided:
        flow.space(1.5 * mm)
        void_box(flow, receipt, 7.5)
    void_end = flow.height
    flow.rule(dashed=True)
    _thermal_payer(flow, receipt)
    flow.rule(dashed=True)
    for line in receipt.lines:
        flow.text(line.description, 8)
        quantity = f"{quantity_text(line)} × {format_rupiah(line.unit_price)}"
        flow.pair(quantity, format_rupiah(gross(line)), 8, indent=3 * mm)
        if line.amount != gross(line):
            discount = format_rupiah(line.amount - gross(line))
            flow.pair(_("Diskon"), discount, 7.5, indent=3 * mm)
        flow.space(0.7 * mm)
    flow.rule(dashed=True)
    for label, value in total_rows(receipt):
        flow.pair(label, value, 8)
    flow.rule(weight=1.0)
    flow.pair(_("TOTAL"), format_rupiah(receipt.total), 11.5, bold=True)
    flow.rule(dashed=True)
    for label, value in payment_rows(receipt) + [(_("Kasir"), receipt.cashier_name)]:
        flow.pair(label, value, 8)
    flow.space(0.8 * mm)
    flow.text(place_and_date(receipt, issuer.city), 7.5, align="right")
    if receipt.needs_meterai:
        _thermal_signature(flow, receipt)
    flow.rule(dashed=True)
    closing = _("Kuitansi ini BATAL") if receipt.voided else _("Terima kasih")
    flow.text(closing, 8, align="center", bold=True)
    if copy:
        flow.text(_("SALINAN · nomor sama dengan aslinya"), 6.5, align="center")
    return flow, void_end


def _thermal_payer(flow: Flow, receipt: ReceiptRecord) -> None:
    """The form's three facts, short: from whom, how much in words, what for."""
    label, rest = 26 * mm, flow.width - 26 * mm
    room = label - 1.5 * mm  # a gap between a label and its value
    payer = Cell(receipt.payer_name, label, rest, bold=True, size=8.5)
    flow.row([Cell(_("Telah terima dari"), 0, room, size=7), payer], 8.5)
    flow.row([Cell(payer_label(receipt.payer_kind), label, rest)], 7.5)
    flow.space(0.8 * mm)
    flow.text(_("Uang sejumlah"), 7)  # the words take the whole width, shrunk to one line first
    flow.fitted(amount_words(receipt), 8.5, 6.5, 8, bold=True)
    flow.space(0.8 * mm)
    what = Cell(_thermal_purpose(receipt), label, rest)
    flow.row([Cell(_("Untuk pembayaran"), 0, room, size=7), what], 8)


def _thermal_purpose(receipt: ReceiptRecord) -> str:
    """The description, or the one line; several lines follow below, so say how many."""
    if receipt.description.strip():
        return receipt.description.strip()
    if len(receipt.lines) <= 1:
        return purpose_text(receipt)
    return _("{n} rincian berikut").format(n=len(receipt.lines))


def _thermal_signature(flow: Flow, receipt: ReceiptRecord) -> None:
    """The meterai box above the line where the cashier signs."""
    flow.space(3 * mm)
    flow.text(_("Penerima,"), 7.5, align="center")
    flow.space(1.5 * mm)
    meterai_box(flow, (flow.width - METERAI_SIZE[0]) / 2, BLACK)  # grey fades on a roll
    flow.space(2 * mm)
    flow.rule(pad=0.6 * mm)
    flow.text(receipt.cashier_name, 8, align="center", bold=True)
    flow.text(_("Kasir"), 7, align="center")


def render_thermal(receipt: ReceiptRecord, issuer: Building, copy: bool) -> bytes:
    flow, void_end = _thermal_flow(receipt, issuer, copy)
    height = flow.height + 2 * THERMAL_MARGIN + 2 * mm  # a little paper before the cut
    canvas, buffer = receipt_canvas(receipt, (THERMAL_WIDTH, height))
    top = height - THERMAL_MARGIN
    flow.draw(canvas, THERMAL_MARGIN, top)
    if receipt.voided:  # below the red box, which says it already
        void_watermark(canvas, THERMAL_WIDTH, THERMAL_MARGIN, top - void_end, 80 * mm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
