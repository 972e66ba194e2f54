"""The receipt on A5 paper: as many pages as it takes, each with its footer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm

from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import payer_label
from smesco_desk.i18n import _
from smesco_desk.printing.fonts import Align, draw_text, draw_text_fitted, text_width
from smesco_desk.printing.formatting import format_date, format_datetime
from smesco_desk.printing.receipt._content import (
    METERAI_SIZE,
    copy_stamp,
    gross,
    in_words,
    meterai_box,
    payment_rows,
    quantity_text,
    receipt_canvas,
    total_rows,
    void_box,
    void_watermark,
)
from smesco_desk.printing.receipt._engine import Cell, Flow, Item, paginate
from smesco_desk.printing.style import (
    BLACK,
    BRAND,
    RULE_DARK,
    SECONDARY,
    STRIPE_PALE,
    TINT,
    WHITE,
    footer_rule,
    page_number_text,
    rgb,
)
from smesco_desk.values.payments import ReceiptLine, ReceiptRecord

A5_MARGIN = 12 * mm
A5_BOTTOM = 16 * mm  # the footer sits below this
A5_WIDTH = A5[0] - 2 * A5_MARGIN

# No, description, quantity, unit price, amount: the description takes what is left.
A5_COLUMNS = (7 * mm, 0.0, 21 * mm, 24 * mm, 26 * mm)
CELL_PAD = 1.2 * mm


def _a5_cells(texts: Sequence[str], **style: Any) -> list[Cell]:
    widths = [width or A5_WIDTH - sum(A5_COLUMNS) for width in A5_COLUMNS]
    cells, x = [], 0.0
    for index, (text, width) in enumerate(zip(texts, widths, strict=True)):
        align: Align = "left" if index == 1 else "right"
        cells.append(Cell(text, x + CELL_PAD, width - 2 * CELL_PAD, align, **style))
        x += width
    return cells


def _a5_head(receipt: ReceiptRecord, name: str, address: str, copy: bool) -> Flow:
    """Building on the left; KUITANSI, number, date (and SALINAN) on the right."""
    left, right = Flow(A5_WIDTH * 0.56), Flow(A5_WIDTH * 0.40)
    left.fitted(name, 12, 9, 2, bold=True, color=BRAND)
    left.space(0.8 * mm)
    left.fitted(address, 8, 7, 3, color=SECONDARY)
    right.text(_("KUITANSI"), 20, align="right", bold=True, color=BRAND)
    right.fitted(receipt.number, 10.5, 7, 1, align="right", bold=True, mono=True)
    right.text(format_datetime(receipt.issued_at), 8, align="right")
    if copy:
        right.space(1.5 * mm)
        copy_stamp(right, 11, align="right")
    head = Flow(A5_WIDTH)
    head.columns([(0.0, left), (A5_WIDTH - right.width, right)])
    return head


def _a5_payer(flow: Flow, receipt: ReceiptRecord) -> None:
    label, rest = 32 * mm, A5_WIDTH - 32 * mm
    payer = Cell(receipt.payer_name, label, rest, bold=True, size=10.5)
    flow.row([Cell(_("Telah diterima dari"), 0, label, color=SECONDARY), payer], 8.5)
    flow.row([Cell(payer_label(receipt.payer_kind), label, rest, color=SECONDARY)], 8.5)
    if receipt.description.strip():
        flow.space(1.2 * mm)
        what = Cell(receipt.description, label, rest, size=9)
        flow.row([Cell(_("Untuk pembayaran"), 0, label, color=SECONDARY), what], 8.5)


def _a5_line_rows(flow: Flow, index: int, line: ReceiptLine, last: bool) -> None:
    """The line, and its discount on a row of its own under it."""
    texts = [
        str(index),
        line.description,
        quantity_text(line),
        format_rupiah(line.unit_price),
        format_rupiah(gross(line)),
    ]
    fill = STRIPE_PALE if index % 2 == 0 else None
    discount = line.amount - gross(line)
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
        cells = _a5_cells(["", _("Diskon"), "", "", format_rupiah(discount)], color=SECONDARY)
        flow.row(cells, 8, pad=(0.0, 1.3 * mm), fill=fill, keep_with_next=last)


def _a5_flow(receipt: ReceiptRecord, name: str, address: str, copy: bool) -> tuple[Flow, Item]:
    """Everything on the A5 pages, and the table header to repeat after a page break."""
    flow = Flow(A5_WIDTH)
    flow.items += _a5_head(receipt, name, address, copy).items
    flow.rule(weight=1.4, color=BRAND, pad=2.4 * mm)
    if receipt.voided:
        void_box(flow, receipt, 8.5)
        flow.space(2.4 * mm)
    _a5_payer(flow, receipt)
    flow.space(3 * mm)
    header = Flow(A5_WIDTH)
    titles = [_("No"), _("Uraian"), _("Banyaknya"), _("Harga satuan"), _("Jumlah")]
    header.row(_a5_cells(titles, bold=True, color=WHITE), 8, pad=1.5 * mm, fill=BRAND)
    flow.add(header.height, header.draw, keep_with_next=True)
    for index, line in enumerate(receipt.lines, start=1):
        _a5_line_rows(flow, index, line, last=index == len(receipt.lines))
    flow.rule(weight=0.8, color=BRAND, pad=0.4 * mm, keep_with_next=True)
    closing = _a5_closing(receipt)
    flow.add(closing.height, closing.draw)
    return flow, Item(header.height, header.draw)


def _a5_closing(receipt: ReceiptRecord) -> Flow:
    """Totals, the amount in words, payment and signature: kept on one page."""
    closing = Flow(A5_WIDTH)
    closing.space(2 * mm)
    totals = Flow(76 * mm)
    for label, value in total_rows(receipt):
        totals.pair(label, value, 9)
    totals.space(1.2 * mm)
    total = Flow(totals.width - 3 * mm)
    total.pair(_("TOTAL"), format_rupiah(receipt.total), 12.5, bold=True)
    totals.box(total, 1.5 * mm, fill=TINT)
    closing.columns([(A5_WIDTH - totals.width, totals)])
    closing.space(3 * mm)
    words = Flow(A5_WIDTH - 7 * mm)
    words.fitted(in_words(receipt), 9.5, 7.5, 6, bold=True)
    _tinted(closing, words)
    closing.space(5 * mm)
    closing.columns(_a5_bottom(receipt))
    return closing


def _tinted(flow: Flow, inner: Flow) -> None:
    """inner on a tinted band with a brand-coloured bar on its left."""
    flow.box(inner, (flow.width - inner.width) / 2, fill=TINT)
    band = flow.items[-1]

    def draw(canvas: Any, left: float, top: float) -> None:
        band.draw(canvas, left, top)
        canvas.setFillColor(rgb(BRAND))
        canvas.rect(left, top - band.height, 1.2 * mm, band.height, stroke=0, fill=1)

    flow.items[-1] = Item(band.height, draw)


def _a5_bottom(receipt: ReceiptRecord) -> list[tuple[float, Flow]]:
    """Payment details on the left; on the right the signature, across the meterai."""
    payment = Flow(58 * mm)
    for label, value in payment_rows(receipt):
        payment.pair(label, value, 8.5)
    payment.space(1.5 * mm)
    payment.pair(_("Kasir"), receipt.cashier_name, 8.5)
    payment.pair(_("Meja"), receipt.desk_code, 8.5)
    signature = Flow(52 * mm)
    signature.text(_("Penerima,"), 8.5, align="center")
    signature.text(format_date(receipt.issued_at), 8, align="center", color=SECONDARY)
    signature.space(2 * mm)
    if receipt.needs_meterai:
        meterai_box(signature, (signature.width - METERAI_SIZE[0]) / 2)
        signature.space(2 * mm)
    else:
        signature.space(18 * mm)
    signature.rule(pad=0.5 * mm)
    signature.text(receipt.cashier_name, 8.5, align="center", bold=True)
    signature.text(_("Kasir"), 8, align="center", color=SECONDARY)
    return [(0.0, payment), (A5_WIDTH - signature.width, signature)]


def _a5_furniture(
    canvas: Any, receipt: ReceiptRecord, name: str, page: int, total: int, copy: bool
) -> None:
    """Continuation title, footer, page numbers, the small SALINAN mark."""
    width, height = A5
    right = width - A5_MARGIN
    canvas.saveState()
    canvas.setFillColor(rgb(SECONDARY))
    if page > 1:
        title = _("KUITANSI {number} (lanjutan)").format(number=receipt.number)
        draw_text(canvas, title, A5_MARGIN, height - A5_MARGIN + 1 * mm, 7.5, bold=True)
    if page < total:
        more = _("Bersambung ke halaman {page}").format(page=page + 1)
        draw_text(canvas, more, right, 12.8 * mm, 7, align="right")
    footer_rule(canvas, A5_MARGIN, right, 11 * mm, RULE_DARK)
    marks = [_("SALINAN")] if copy else []
    if total > 1:
        marks.append(page_number_text(page, total))
    room = A5_WIDTH - text_width(" · ".join(marks), 7, bold=copy) - 4 * mm
    draw_text_fitted(
        canvas, f"{name} · {receipt.number}", A5_MARGIN, 7.5 * mm, room, 7, 5.5, max_lines=1
    )
    canvas.setFillColor(rgb(BLACK))
    draw_text(canvas, " · ".join(marks), right, 7.5 * mm, 7, bold=copy, align="right")
    canvas.restoreState()


def render_a5(receipt: ReceiptRecord, name: str, address: str, copy: bool) -> bytes:
    flow, header = _a5_flow(receipt, name, address, copy)
    top, later_top = A5[1] - A5_MARGIN, A5[1] - A5_MARGIN - 4 * mm
    pages = paginate(flow.items, top - A5_BOTTOM, later_top - A5_BOTTOM, header)
    canvas, buffer = receipt_canvas(receipt, A5)
    for number, items in enumerate(pages, start=1):
        y = top if number == 1 else later_top
        for item in items:
            item.draw(canvas, A5_MARGIN, y)
            y -= item.height
        _a5_furniture(canvas, receipt, name, number, len(pages), copy)
        if receipt.voided:
            void_watermark(canvas, A5[0], A5_BOTTOM, A5[1] - A5_MARGIN, A5[1])
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
