"""The kuitansi (receipt): on an 80 mm thermal roll or on A5 paper.

Both formats say the same things: who issued it, its number, when, who paid
for what, the lines, subtotal, discounts, taxes, the total in figures and in
words (terbilang), how it was paid and who took the money. A reprint is
marked SALINAN and keeps the number; a voided receipt stays readable under a
BATAL / VOID mark that says why, by whom and when; above Rp5.000.000 a dashed
box shows where the Rp10.000 meterai goes, where the cashier signs.

Content is measured first and drawn afterwards (see `_Flow`): the thermal page
is exactly as long as its content, and the A5 pages are filled knowing how many
there will be, so each can say "Halaman x dari y" without drawing twice.
A line's figure is its gross amount (quantity x unit price) with its discount
as a negative figure under it: the subtotal adds up the first, the discount
total the second.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from smesco_desk.domain.charges import format_rate
from smesco_desk.domain.money import format_rupiah, terbilang
from smesco_desk.domain.payments import PaymentMethod, ReceiptFormat, method_label, payer_label
from smesco_desk.i18n import _
from smesco_desk.printing import _fit
from smesco_desk.printing._layout import ASCENT, DESCENT
from smesco_desk.printing.fonts import (
    Align,
    base_font,
    clean_text,
    draw_text,
    draw_text_fitted,
    fit_text,
    text_width,
)
from smesco_desk.printing.formatting import format_date, format_datetime
from smesco_desk.values.payments import ReceiptLine, ReceiptRecord

THERMAL_WIDTH = 80 * mm
THERMAL_MARGIN = 4 * mm  # printable width 72 mm
A5_MARGIN = 12 * mm
A5_BOTTOM = 16 * mm  # the footer sits below this
A5_WIDTH = A5[0] - 2 * A5_MARGIN
METERAI_SIZE = (36 * mm, 24 * mm)
LEADING = 1.22  # baseline to baseline, as a fraction of the font size

INK = "#000000"
MUTED = "#4A5560"
BRAND = "#0B4F71"
TINT = "#E8F0F5"
STRIPE = "#F3F6F8"
RULE = "#9AA5B1"
VOID_RED = "#C62828"
WHITE = "#FFFFFF"
_ANCHOR = {"left": 0.0, "center": 0.5, "right": 1.0}


@lru_cache(maxsize=64)
def _color(value: str) -> Color:
    return HexColor(value)


def _height(count: int, size: float) -> float:
    """From the top of the first line to the bottom of the last."""
    return (ASCENT + DESCENT + (count - 1) * LEADING) * size if count else 0.0


def _wrap(
    text: str, width: float, size: float, bold: bool = False, mono: bool = False
) -> list[str]:
    """Lines no wider than width, broken at spaces (a word too long for a line is cut)."""
    text = clean_text(text)
    if not text or text_width(text, size, bold, mono) <= width:
        return [text] if text else []
    tokens, joiner = _fit.tokens(text)
    return _fit.greedy(tokens, joiner, width, 10_000, lambda s: text_width(s, size, bold, mono))


# --- measure first, draw afterwards ----------------------------------------------------

Draw = Callable[[Any, float, float], None]  # canvas, left, top


@dataclass(frozen=True)
class _Item:
    height: float
    draw: Draw
    table_row: bool = False  # a page break before it repeats the table header
    keep_with_next: bool = False


@dataclass(frozen=True)
class _Cell:
    text: str
    x: float  # from the flow's left edge
    width: float
    align: Align = "left"
    bold: bool = False
    color: str = INK
    mono: bool = False
    size: float | None = None  # None: the row's size


class _Flow:
    """Blocks stacked top down, each measured when it is added."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.items: list[_Item] = []

    @property
    def height(self) -> float:
        return sum(item.height for item in self.items)

    def add(self, height: float, draw: Draw, **flags: bool) -> None:
        self.items.append(_Item(height, draw, **flags))

    def space(self, height: float) -> None:
        self.add(height, lambda canvas, left, top: None)

    def row(
        self,
        cells: Sequence[_Cell],
        size: float,
        *,
        pad: float | tuple[float, float] = 0.0,
        fill: str | None = None,
        **flags: bool,
    ) -> None:
        """Cells side by side, each wrapped in its own width, their first baselines level."""
        above, below = pad if isinstance(pad, tuple) else (pad, pad)
        sizes = [cell.size or size for cell in cells]
        wrapped = [
            _wrap(c.text, c.width, s, c.bold, c.mono) for c, s in zip(cells, sizes, strict=True)
        ]
        first = ASCENT * max(sizes)  # the tallest cell's first line sets the baseline
        depth = max(
            _height(len(lines), s) - ASCENT * s for lines, s in zip(wrapped, sizes, strict=True)
        )
        height = above + first + max(depth, 0.0) + below

        def draw(canvas: Any, left: float, top: float) -> None:
            if fill:
                canvas.setFillColor(_color(fill))
                canvas.rect(left, top - height, self.width, height, stroke=0, fill=1)
            baseline = top - above - first
            for cell, lines, s in zip(cells, wrapped, sizes, strict=True):
                x = left + cell.x + _ANCHOR[cell.align] * cell.width
                canvas.setFillColor(_color(cell.color))
                for index, line in enumerate(lines):
                    y = baseline - index * s * LEADING
                    draw_text(canvas, line, x, y, s, cell.bold, cell.align, cell.mono)

        self.add(height, draw, **flags)

    def text(self, text: str, size: float, *, indent: float = 0.0, **style: Any) -> None:
        self.row([_Cell(text, indent, self.width - indent, **style)], size)

    def fitted(
        self,
        text: str,
        size: float,
        min_size: float,
        max_lines: int,
        *,
        align: Align = "left",
        bold: bool = False,
        color: str = INK,
        mono: bool = False,
    ) -> None:
        """Shrink down to min_size on one line first; only then wrap (at spaces)."""
        fit = fit_text(text, self.width, size, min_size, bold, max_lines=max_lines, mono=mono)
        x = _ANCHOR[align] * self.width

        def draw(canvas: Any, left: float, top: float) -> None:
            canvas.setFillColor(_color(color))
            for index, line in enumerate(fit.lines):
                y = top - (ASCENT + index * LEADING) * fit.size
                draw_text(canvas, line, left + x, y, fit.size, bold, align, mono)

        self.add(_height(len(fit.lines), fit.size), draw)

    def pair(
        self, label: str, value: str, size: float, *, indent: float = 0.0, **style: Any
    ) -> None:
        """A label on the left (wrapping) and a value on the right (an amount)."""
        value_width = min(text_width(value, size, style.get("bold", False)), self.width * 0.62)
        label_width = self.width - indent - value_width - 2 * mm
        cells = [
            _Cell(label, indent, label_width, **style),
            _Cell(value, self.width - value_width, value_width, "right", **style),
        ]
        self.row(cells, size)

    def rule(
        self,
        *,
        dashed: bool = False,
        weight: float = 0.5,
        pad: float = 1.4 * mm,
        color: str = INK,
        **flags: bool,
    ) -> None:
        def draw(canvas: Any, left: float, top: float) -> None:
            canvas.saveState()
            canvas.setStrokeColor(_color(color))
            canvas.setLineWidth(weight)
            if dashed:
                canvas.setDash(2, 1.5)
            canvas.line(left, top - pad, left + self.width, top - pad)
            canvas.restoreState()

        self.add(2 * pad, draw, **flags)

    def columns(self, parts: Sequence[tuple[float, _Flow]], **flags: bool) -> None:
        """Flows side by side (x from the left edge), as one block."""
        height = max(flow.height for _, flow in parts)

        def draw(canvas: Any, left: float, top: float) -> None:
            for x, flow in parts:
                flow.draw(canvas, left + x, top)

        self.add(height, draw, **flags)

    def box(
        self,
        inner: _Flow,
        pad: float,
        *,
        x: float = 0.0,
        stroke: str | None = None,
        weight: float = 1.0,
        dashed: bool = False,
        fill: str | None = None,
    ) -> None:
        """inner (pad narrower than the box on each side) in a box at x."""
        width, height = inner.width + 2 * pad, inner.height + 2 * pad

        def draw(canvas: Any, left: float, top: float) -> None:
            canvas.saveState()
            canvas.setLineWidth(weight)
            canvas.setStrokeColor(_color(stroke or INK))
            canvas.setFillColor(_color(fill or WHITE))
            if dashed:
                canvas.setDash(3, 2)
            inset = weight / 2 if stroke else 0.0
            box = (left + x + inset, top - height + inset, width - 2 * inset, height - 2 * inset)
            canvas.rect(*box, stroke=int(stroke is not None), fill=int(fill is not None))
            canvas.restoreState()
            inner.draw(canvas, left + x + pad, top - pad)

        self.add(height, draw)

    def draw(self, canvas: Any, left: float, top: float) -> None:
        for item in self.items:
            item.draw(canvas, left, top)
            top -= item.height


# --- what a receipt says ---------------------------------------------------------------


def _gross(line: ReceiptLine) -> int:
    return line.quantity * line.unit_price


def _quantity(line: ReceiptLine) -> str:
    return f"{line.quantity} {line.unit}".strip()


def _totals(receipt: ReceiptRecord) -> list[tuple[str, str]]:
    """Subtotal (before discounts), the discounts, each tax; not the total."""
    rows = [(_("Subtotal"), format_rupiah(receipt.subtotal))]
    if receipt.discount_total:
        rows.append((_("Diskon"), format_rupiah(-receipt.discount_total)))
    for tax in receipt.taxes:
        rows.append((f"{tax.label} {format_rate(tax.rate_bp)}", format_rupiah(tax.amount)))
    return rows


def _payment(receipt: ReceiptRecord) -> list[tuple[str, str]]:
    rows = [(_("Pembayaran"), method_label(receipt.method))]
    if receipt.method == PaymentMethod.CASH:
        rows.append((_("Uang diterima"), format_rupiah(receipt.tendered)))
        rows.append((_("Kembali"), format_rupiah(receipt.change_given)))
    elif receipt.reference.strip():
        rows.append((_("Referensi"), receipt.reference))
    return rows


def _in_words(receipt: ReceiptRecord) -> str:
    return _("Terbilang: {words}").format(words=terbilang(receipt.total))


def _copy_stamp(flow: _Flow, size: float, align: Align = "center") -> None:
    """SALINAN in a heavy box."""
    inner = _Flow(text_width(_("SALINAN"), size, bold=True) + 3 * mm)
    inner.text(_("SALINAN"), size, align="center", bold=True)
    room = flow.width - inner.width - 2.4 * mm
    flow.box(inner, 1.2 * mm, x=room * _ANCHOR[align], stroke=INK, weight=1.4)


def _void_box(flow: _Flow, receipt: ReceiptRecord, size: float) -> None:
    """BATAL / VOID in red, with why, by whom and when."""
    assert receipt.void is not None
    void, pad = receipt.void, 2 * mm
    inner = _Flow(flow.width - 2 * pad)
    inner.text(_("BATAL / VOID"), size * 1.7, align="center", bold=True, color=VOID_RED)
    inner.space(0.8 * mm)
    for line in (
        _("Alasan: {reason}").format(reason=void.reason),
        _("Dibatalkan oleh {name}").format(name=void.voided_by_name or void.voided_by),
        format_datetime(void.voided_at),
    ):
        inner.text(line, size, align="center", color=VOID_RED)
    flow.box(inner, pad, stroke=VOID_RED, weight=2.0)


def _meterai_box(flow: _Flow, x: float, color: str = MUTED) -> None:
    """The dashed box where the Rp10.000 meterai is stuck (and signed across)."""
    width, height = METERAI_SIZE
    label = fit_text(_("Meterai Rp10.000"), width - 4 * mm, 8, 6, True, max_lines=2)

    def draw(canvas: Any, left: float, top: float) -> None:
        canvas.saveState()
        canvas.setStrokeColor(_color(color))
        canvas.setFillColor(_color(color))
        canvas.setLineWidth(0.9)
        canvas.setDash(3, 2)
        canvas.rect(left + x, top - height, width, height)
        middle = top - height / 2 + (label.height - (ASCENT - DESCENT) * label.size) / 2
        for index, line in enumerate(label.lines):
            y = middle - index * label.leading
            draw_text(canvas, line, left + x + width / 2, y, label.size, True, "center")
        canvas.restoreState()

    flow.add(height, draw)


def _void_watermark(canvas: Any, width: float, bottom: float, top: float, step: float) -> None:
    """BATAL / VOID outlined, slanted, every `step` between bottom and top."""
    text = _("BATAL / VOID")
    size = width * 0.78 / max(text_width(text, 1.0, bold=True), 1.0)
    canvas.saveState()
    canvas.setStrokeColor(_color(VOID_RED))
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


def _new_canvas(receipt: ReceiptRecord, pagesize: tuple[float, float]) -> tuple[Canvas, io.BytesIO]:
    buffer = io.BytesIO()
    # The main face from the start: no unused Helvetica in the file's resources.
    canvas = Canvas(buffer, pagesize=pagesize, invariant=True, initialFontName=base_font())
    canvas.setTitle(_("Kuitansi {number}").format(number=receipt.number))
    canvas.setAuthor("Smesco Desk")
    canvas.setCreator("Smesco Desk")
    return canvas, buffer


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
        return _render_a5(receipt, building_name, building_address, copy)
    return _render_thermal(receipt, building_name, building_address, copy)


# --- 80 mm thermal roll ----------------------------------------------------------------


def _thermal_flow(
    receipt: ReceiptRecord, name: str, address: str, copy: bool
) -> tuple[_Flow, float]:
    """The roll's content, and how far down the void box (if any) ends."""
    flow = _Flow(THERMAL_WIDTH - 2 * THERMAL_MARGIN)
    flow.fitted(name, 11, 8, 3, align="center", bold=True)
    flow.fitted(address, 7, 7, 4, align="center")
    flow.rule()
    flow.text(_("KUITANSI"), 14, align="center", bold=True)
    if copy:
        flow.space(0.8 * mm)
        _copy_stamp(flow, 10)
    flow.space(1 * mm)
    flow.fitted(receipt.number, 10, 7, 1, align="center", bold=True, mono=True)
    flow.text(format_datetime(receipt.issued_at), 7.5, align="center")
    if receipt.voided:
        flow.space(1.5 * mm)
        _void_box(flow, receipt, 7.5)
    void_end = flow.height
    flow.rule(dashed=True)
    _thermal_payer(flow, receipt)
    flow.rule(dashed=True)
    for line in receipt.lines:
        flow.text(line.description, 8)
        quantity = f"{_quantity(line)} × {format_rupiah(line.unit_price)}"
        flow.pair(quantity, format_rupiah(_gross(line)), 8, indent=3 * mm)
        if line.amount != _gross(line):
            discount = format_rupiah(line.amount - _gross(line))
            flow.pair(_("Diskon"), discount, 7.5, indent=3 * mm)
        flow.space(0.7 * mm)
    flow.rule(dashed=True)
    for label, value in _totals(receipt):
        flow.pair(label, value, 8)
    flow.rule(weight=1.0)
    flow.pair(_("TOTAL"), format_rupiah(receipt.total), 11.5, bold=True)
    flow.space(0.8 * mm)
    flow.fitted(_in_words(receipt), 8, 6.5, 8)
    flow.rule(dashed=True)
    for label, value in _payment(receipt) + [(_("Kasir"), receipt.cashier_name)]:
        flow.pair(label, value, 8)
    if receipt.needs_meterai:
        _thermal_signature(flow, receipt)
    flow.rule(dashed=True)
    closing = _("Kuitansi ini BATAL") if receipt.voided else _("Terima kasih")
    flow.text(closing, 8, align="center", bold=True)
    if copy:
        flow.text(_("SALINAN · nomor sama dengan aslinya"), 6.5, align="center")
    return flow, void_end


def _thermal_payer(flow: _Flow, receipt: ReceiptRecord) -> None:
    label, rest = 21 * mm, flow.width - 21 * mm
    payer = _Cell(receipt.payer_name, label, rest, bold=True, size=8.5)
    flow.row([_Cell(_("Diterima dari"), 0, label, size=7.5), payer], 8.5)
    flow.row([_Cell(payer_label(receipt.payer_kind), label, rest)], 7.5)
    if receipt.description.strip():
        flow.space(0.8 * mm)
        flow.row(
            [_Cell(_("Untuk"), 0, label, size=7.5), _Cell(receipt.description, label, rest)], 8
        )


def _thermal_signature(flow: _Flow, receipt: ReceiptRecord) -> None:
    """The meterai box above the line where the cashier signs."""
    flow.space(3 * mm)
    flow.text(_("Penerima,"), 7.5, align="center")
    flow.space(1.5 * mm)
    _meterai_box(flow, (flow.width - METERAI_SIZE[0]) / 2, INK)  # grey fades on a roll
    flow.space(2 * mm)
    flow.rule(pad=0.6 * mm)
    flow.text(receipt.cashier_name, 8, align="center", bold=True)
    flow.text(_("Kasir"), 7, align="center")


def _render_thermal(receipt: ReceiptRecord, name: str, address: str, copy: bool) -> bytes:
    flow, void_end = _thermal_flow(receipt, name, address, copy)
    height = flow.height + 2 * THERMAL_MARGIN + 2 * mm  # a little paper before the cut
    canvas, buffer = _new_canvas(receipt, (THERMAL_WIDTH, height))
    top = height - THERMAL_MARGIN
    flow.draw(canvas, THERMAL_MARGIN, top)
    if receipt.voided:  # below the red box, which says it already
        _void_watermark(canvas, THERMAL_WIDTH, THERMAL_MARGIN, top - void_end, 80 * mm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- A5 paper --------------------------------------------------------------------------

# No, description, quantity, unit price, amount: the description takes what is left.
A5_COLUMNS = (7 * mm, 0.0, 21 * mm, 24 * mm, 26 * mm)
CELL_PAD = 1.2 * mm


def _a5_cells(texts: Sequence[str], **style: Any) -> list[_Cell]:
    widths = [width or A5_WIDTH - sum(A5_COLUMNS) for width in A5_COLUMNS]
    cells, x = [], 0.0
    for index, (text, width) in enumerate(zip(texts, widths, strict=True)):
        align: Align = "left" if index == 1 else "right"
        cells.append(_Cell(text, x + CELL_PAD, width - 2 * CELL_PAD, align, **style))
        x += width
    return cells


def _a5_head(receipt: ReceiptRecord, name: str, address: str, copy: bool) -> _Flow:
    """Building on the left; KUITANSI, number, date (and SALINAN) on the right."""
    left, right = _Flow(A5_WIDTH * 0.56), _Flow(A5_WIDTH * 0.40)
    left.fitted(name, 12, 9, 2, bold=True, color=BRAND)
    left.space(0.8 * mm)
    left.fitted(address, 8, 7, 3, color=MUTED)
    right.text(_("KUITANSI"), 20, align="right", bold=True, color=BRAND)
    right.fitted(receipt.number, 10.5, 7, 1, align="right", bold=True, mono=True)
    right.text(format_datetime(receipt.issued_at), 8, align="right")
    if copy:
        right.space(1.5 * mm)
        _copy_stamp(right, 11, align="right")
    head = _Flow(A5_WIDTH)
    head.columns([(0.0, left), (A5_WIDTH - right.width, right)])
    return head


def _a5_payer(flow: _Flow, receipt: ReceiptRecord) -> None:
    label, rest = 32 * mm, A5_WIDTH - 32 * mm
    payer = _Cell(receipt.payer_name, label, rest, bold=True, size=10.5)
    flow.row([_Cell(_("Telah diterima dari"), 0, label, color=MUTED), payer], 8.5)
    flow.row([_Cell(payer_label(receipt.payer_kind), label, rest, color=MUTED)], 8.5)
    if receipt.description.strip():
        flow.space(1.2 * mm)
        what = _Cell(receipt.description, label, rest, size=9)
        flow.row([_Cell(_("Untuk pembayaran"), 0, label, color=MUTED), what], 8.5)


def _a5_line_rows(flow: _Flow, index: int, line: ReceiptLine, last: bool) -> None:
    """The line, and its discount on a row of its own under it."""
    texts = [
        str(index),
        line.description,
        _quantity(line),
        format_rupiah(line.unit_price),
        format_rupiah(_gross(line)),
    ]
    fill = STRIPE if index % 2 == 0 else None
    discount = line.amount - _gross(line)
    pad = (1.3 * mm, 0.5 * mm if discount else 1.3 * mm)
    # The last line stays with the totals: they never start a page on their own.
    flow.row(
        _a5_cells(texts),
        8.5,
        pad=pad,
        fill=fill,
        table_row=True,
        keep_with_next=bool(discount) or last,
    )
    if discount:
        cells = _a5_cells(["", _("Diskon"), "", "", format_rupiah(discount)], color=MUTED)
        flow.row(cells, 8, pad=(0.0, 1.3 * mm), fill=fill, keep_with_next=last)


def _a5_flow(receipt: ReceiptRecord, name: str, address: str, copy: bool) -> tuple[_Flow, _Item]:
    """Everything on the A5 pages, and the table header to repeat after a page break."""
    flow = _Flow(A5_WIDTH)
    flow.items += _a5_head(receipt, name, address, copy).items
    flow.rule(weight=1.4, color=BRAND, pad=2.4 * mm)
    if receipt.voided:
        _void_box(flow, receipt, 8.5)
        flow.space(2.4 * mm)
    _a5_payer(flow, receipt)
    flow.space(3 * mm)
    header = _Flow(A5_WIDTH)
    titles = [_("No"), _("Uraian"), _("Banyaknya"), _("Harga satuan"), _("Jumlah")]
    header.row(_a5_cells(titles, bold=True, color=WHITE), 8, pad=1.5 * mm, fill=BRAND)
    flow.add(header.height, header.draw, keep_with_next=True)
    for index, line in enumerate(receipt.lines, start=1):
        _a5_line_rows(flow, index, line, last=index == len(receipt.lines))
    flow.rule(weight=0.8, color=BRAND, pad=0.4 * mm, keep_with_next=True)
    closing = _a5_closing(receipt)
    flow.add(closing.height, closing.draw)
    return flow, _Item(header.height, header.draw)


def _a5_closing(receipt: ReceiptRecord) -> _Flow:
    """Totals, the amount in words, payment and signature: kept on one page."""
    closing = _Flow(A5_WIDTH)
    closing.space(2 * mm)
    totals = _Flow(76 * mm)
    for label, value in _totals(receipt):
        totals.pair(label, value, 9)
    totals.space(1.2 * mm)
    total = _Flow(totals.width - 3 * mm)
    total.pair(_("TOTAL"), format_rupiah(receipt.total), 12.5, bold=True)
    totals.box(total, 1.5 * mm, fill=TINT)
    closing.columns([(A5_WIDTH - totals.width, totals)])
    closing.space(3 * mm)
    words = _Flow(A5_WIDTH - 7 * mm)
    words.fitted(_in_words(receipt), 9.5, 7.5, 6, bold=True)
    _tinted(closing, words)
    closing.space(5 * mm)
    closing.columns(_a5_bottom(receipt))
    return closing


def _tinted(flow: _Flow, inner: _Flow) -> None:
    """inner on a tinted band with a brand-coloured bar on its left."""
    flow.box(inner, (flow.width - inner.width) / 2, fill=TINT)
    band = flow.items[-1]

    def draw(canvas: Any, left: float, top: float) -> None:
        band.draw(canvas, left, top)
        canvas.setFillColor(_color(BRAND))
        canvas.rect(left, top - band.height, 1.2 * mm, band.height, stroke=0, fill=1)

    flow.items[-1] = _Item(band.height, draw)


def _a5_bottom(receipt: ReceiptRecord) -> list[tuple[float, _Flow]]:
    """Payment details on the left; on the right the signature, across the meterai."""
    payment = _Flow(58 * mm)
    for label, value in _payment(receipt):
        payment.pair(label, value, 8.5)
    payment.space(1.5 * mm)
    payment.pair(_("Kasir"), receipt.cashier_name, 8.5)
    payment.pair(_("Meja"), receipt.desk_code, 8.5)
    signature = _Flow(52 * mm)
    signature.text(_("Penerima,"), 8.5, align="center")
    signature.text(format_date(receipt.issued_at), 8, align="center", color=MUTED)
    signature.space(2 * mm)
    if receipt.needs_meterai:
        _meterai_box(signature, (signature.width - METERAI_SIZE[0]) / 2)
        signature.space(2 * mm)
    else:
        signature.space(18 * mm)
    signature.rule(pad=0.5 * mm)
    signature.text(receipt.cashier_name, 8.5, align="center", bold=True)
    signature.text(_("Kasir"), 8, align="center", color=MUTED)
    return [(0.0, payment), (A5_WIDTH - signature.width, signature)]


def _paginate(
    items: Sequence[_Item], first: float, later: float, header: _Item
) -> list[list[_Item]]:
    """Items on pages; a table row that starts a page gets the table header first."""
    pages: list[list[_Item]] = [[]]
    room = first
    for index, item in enumerate(items):
        need, follower = item.height, index
        while items[follower].keep_with_next and follower + 1 < len(items):
            follower += 1
            need += items[follower].height
        glued = index > 0 and items[index - 1].keep_with_next
        if need > room and pages[-1] and not glued:
            pages.append([])
            room = later
            if item.table_row:
                pages[-1].append(header)
                room -= header.height
        pages[-1].append(item)
        room -= item.height
    return pages


def _a5_furniture(
    canvas: Any, receipt: ReceiptRecord, name: str, page: int, total: int, copy: bool
) -> None:
    """Continuation title, footer, page numbers, the small SALINAN mark."""
    width, height = A5
    right = width - A5_MARGIN
    canvas.saveState()
    canvas.setFillColor(_color(MUTED))
    if page > 1:
        title = _("KUITANSI {number} (lanjutan)").format(number=receipt.number)
        draw_text(canvas, title, A5_MARGIN, height - A5_MARGIN + 1 * mm, 7.5, bold=True)
    if page < total:
        more = _("Bersambung ke halaman {page}").format(page=page + 1)
        draw_text(canvas, more, right, 12.8 * mm, 7, align="right")
    canvas.setStrokeColor(_color(RULE))
    canvas.setLineWidth(0.5)
    canvas.line(A5_MARGIN, 11 * mm, right, 11 * mm)
    marks = [_("SALINAN")] if copy else []
    if total > 1:
        marks.append(_("Halaman {page} dari {total}").format(page=page, total=total))
    room = A5_WIDTH - text_width(" · ".join(marks), 7, bold=copy) - 4 * mm
    draw_text_fitted(
        canvas, f"{name} · {receipt.number}", A5_MARGIN, 7.5 * mm, room, 7, 5.5, max_lines=1
    )
    canvas.setFillColor(_color(INK))
    draw_text(canvas, " · ".join(marks), right, 7.5 * mm, 7, bold=copy, align="right")
    canvas.restoreState()


def _render_a5(receipt: ReceiptRecord, name: str, address: str, copy: bool) -> bytes:
    flow, header = _a5_flow(receipt, name, address, copy)
    top, later_top = A5[1] - A5_MARGIN, A5[1] - A5_MARGIN - 4 * mm
    pages = _paginate(flow.items, top - A5_BOTTOM, later_top - A5_BOTTOM, header)
    canvas, buffer = _new_canvas(receipt, A5)
    for number, items in enumerate(pages, start=1):
        y = top if number == 1 else later_top
        for item in items:
            item.draw(canvas, A5_MARGIN, y)
            y -= item.height
        _a5_furniture(canvas, receipt, name, number, len(pages), copy)
        if receipt.voided:
            _void_watermark(canvas, A5[0], A5_BOTTOM, A5[1] - A5_MARGIN, A5[1])
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
