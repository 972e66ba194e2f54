"""What a receipt says, whatever the paper: its figures, payment, marks and boxes."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from smesco_desk.domain.charges import format_rate
from smesco_desk.domain.foodcourt import format_npwp
from smesco_desk.domain.money import format_rupiah, terbilang
from smesco_desk.domain.payments import PaymentMethod, method_label
from smesco_desk.i18n import _
from smesco_desk.printing._layout import ASCENT, DESCENT
from smesco_desk.printing.fonts import Align, base_font, draw_text, fit_text, text_width
from smesco_desk.printing.formatting import format_datetime, format_long_date
from smesco_desk.printing.receipt._engine import ANCHOR, Flow
from smesco_desk.printing.style import BLACK, RED, RULE_DARK, SECONDARY, new_canvas, rgb
from smesco_desk.values.payments import ReceiptLine, ReceiptRecord

METERAI_SIZE = (36 * mm, 24 * mm)


def gross(line: ReceiptLine) -> int:
    return line.quantity * line.unit_price


def quantity_text(line: ReceiptLine) -> str:
    return f"{line.quantity} {line.unit}".strip()


def total_rows(receipt: ReceiptRecord) -> list[tuple[str, str]]:
    """Subtotal (before discounts), the discounts, each tax after its base (DPP,
    dasar pengenaan pajak); not the total."""
    rows = [(_("Subtotal"), format_rupiah(receipt.subtotal))]
    if receipt.discount_total:
        rows.append((_("Diskon"), format_rupiah(-receipt.discount_total)))
    for tax in receipt.taxes:
        rows.append((_("DPP {tax}").format(tax=tax.label), format_rupiah(tax.base)))
        rows.append((f"{tax.label} {format_rate(tax.rate_bp)}", format_rupiah(tax.amount)))
    return rows


def amount_words(receipt: ReceiptRecord) -> str:
    """The total in Indonesian words (terbilang), whatever the interface speaks."""
    return terbilang(receipt.total)


PURPOSE_LINES = 12  # "Untuk pembayaran" names this many lines, then how many more


def purpose_text(receipt: ReceiptRecord) -> str:
    """What the money was for: the charge's description, then every line's name
    ("...: Sewa ruang rapat; Cetak warna A4"); their figures are in the table."""
    lines = receipt.lines
    named = [ln.description for ln in lines[:PURPOSE_LINES]]
    if len(lines) > PURPOSE_LINES:
        named.append(_("dan {n} rincian lainnya").format(n=len(lines) - PURPOSE_LINES))
    items = "; ".join(named)
    description = receipt.description.strip()
    if description and items and description != items:
        return f"{description}: {items}"
    return description or items


def npwp_text(npwp: str) -> str:
    return _("NPWP {npwp}").format(npwp=format_npwp(npwp)) if npwp else ""


def place_and_date(receipt: ReceiptRecord, city: str) -> str:
    """'Jakarta, 27 November 2026' above the signature."""
    return (
        f"{city}, {format_long_date(receipt.issued_at)}"
        if city
        else format_long_date(receipt.issued_at)
    )


def stamp_circle(flow: Flow, x: float, diameter: float, y: float = 0.0) -> None:
    """A faint dashed circle where the stamp (cap) goes, taking no height."""

    def draw(canvas: Any, left: float, top: float) -> None:
        canvas.saveState()
        canvas.setStrokeColor(rgb(RULE_DARK))
        canvas.setFillColor(rgb(RULE_DARK))
        canvas.setLineWidth(0.6)
        canvas.setDash(1.5, 1.5)
        radius = diameter / 2
        canvas.circle(left + x + radius, top - y - radius, radius)
        draw_text(canvas, _("cap"), left + x + radius, top - y - radius - 2.5, 7, False, "center")
        canvas.restoreState()

    flow.add(0.0, draw)


def payment_rows(receipt: ReceiptRecord) -> list[tuple[str, str]]:
    rows = [(_("Pembayaran"), method_label(receipt.method))]
    if receipt.method == PaymentMethod.CASH:
        rows.append((_("Uang diterima"), format_rupiah(receipt.tendered)))
        rows.append((_("Kembali"), format_rupiah(receipt.change_given)))
    elif receipt.reference.strip():
        rows.append((_("Referensi"), receipt.reference))
    return rows


def copy_stamp(flow: Flow, size: float, align: Align = "center") -> None:
    """SALINAN in a heavy box."""
    inner = Flow(text_width(_("SALINAN"), size, bold=True) + 3 * mm)
    inner.text(_("SALINAN"), size, align="center", bold=True)
    room = flow.width - inner.width - 2.4 * mm
    flow.box(inner, 1.2 * mm, x=room * ANCHOR[align], stroke=BLACK, weight=1.4)


def void_box(flow: Flow, receipt: ReceiptRecord, size: float) -> None:
    """BATAL / VOID in red, with why, by whom and when."""
    assert receipt.void is not None
    void, pad = receipt.void, 2 * mm
    inner = Flow(flow.width - 2 * pad)
    inner.text(_("BATAL / VOID"), size * 1.7, align="center", bold=True, color=RED)
    inner.space(0.8 * mm)
    for line in (
        _("Alasan: {reason}").format(reason=void.reason),
        _("Dibatalkan oleh {name}").format(name=void.voided_by_name or void.voided_by),
        format_datetime(void.voided_at),
    ):
        inner.text(line, size, align="center", color=RED)
    flow.box(inner, pad, stroke=RED, weight=2.0)


def meterai_box(flow: Flow, x: float, color: str = SECONDARY) -> None:
    """The dashed box where the Rp10.000 meterai is stuck (and signed across)."""
    width, height = METERAI_SIZE
    label = fit_text(_("Meterai Rp10.000"), width - 4 * mm, 8, 6, True, max_lines=2)

    def draw(canvas: Any, left: float, top: float) -> None:
        canvas.saveState()
        canvas.setStrokeColor(rgb(color))
        canvas.setFillColor(rgb(color))
        canvas.setLineWidth(0.9)
        canvas.setDash(3, 2)
        canvas.rect(left + x, top - height, width, height)
        middle = top - height / 2 + (label.height - (ASCENT - DESCENT) * label.size) / 2
        for index, line in enumerate(label.lines):
            y = middle - index * label.leading
            draw_text(canvas, line, left + x + width / 2, y, label.size, True, "center")
        canvas.restoreState()

    flow.add(height, draw)


def void_watermark(canvas: Any, width: float, bottom: float, top: float, step: float) -> None:
    """BATAL / VOID outlined, slanted, every `step` between bottom and top."""
    text = _("BATAL / VOID")
    size = width * 0.78 / max(text_width(text, 1.0, bold=True), 1.0)
    canvas.saveState()
    canvas.setStrokeColor(rgb(RED))
    canvas.setStrokeAlpha(0.5)
    canvas.setLineWidth(0.9)
    count = max(1, round((top - bottom) / step))
    for index in range(count):
        canvas.saveState()
        canvas.translate(width / 2, top - (top - bottom) * (index + 0.5) / count)
        canvas.rotate(28)
        shape = canvas.beginText()
        shape.setTextRenderMode(1)  # outline only: the receipt stays readable under it
        shape.setFont(base_font(bold=True), size)
        shape.setTextOrigin(-text_width(text, size, bold=True) / 2, -0.35 * size)
        shape.textOut(text)
        canvas.drawText(shape)
        canvas.restoreState()
    canvas.restoreState()


def receipt_canvas(
    receipt: ReceiptRecord, pagesize: tuple[float, float]
) -> tuple[Canvas, io.BytesIO]:
    title = _("Kuitansi {number}").format(number=receipt.number)
    # The main face from the start: no unused Helvetica in the file's resources.
    return new_canvas(pagesize, title, initial_font=base_font())
