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
    stamp_circle,
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
from smesco_desk.values.tenancy import Building

A5_MARGIN = 12 * mm
A5_BOTTOM = 16 * mm  # the footer sits below this
A5_WIDTH = A5[0] - 2 * A5_MARGIN

# No, description, quantity, unit price, amount: the description takes what is left.
A5_COLUMNS = (7 * mm, 0.0, 18 * mm, 26 * mm, 28 * mm)
CELL_PAD = 1.2 * mm


def _a5_cells(texts: Sequence[str], size: float = 8.5, **style: Any) -> list[Cell]:
    """The table's cells; a figure too wide for its column shrinks instead of wrapping."""
    widths = [width or A5_WIDTH - sum(A5_COLUMNS) for width in A5_COLUMNS]
    cells, x = [], 0.0
    for index, (text, width) in enumerate(zip(texts, widths, strict=True)):
        align: Align = "left" if index == 1 else "right"
        room = width - 2 * CELL_PAD
        wide = text_width(text, size, style.get("bold", False))
        fitted = None if index < 2 or wide <= room else max(size * room / wide, 6.0)
        cells.append(Cell(text, x + CELL_PAD, room, align, size=fitted, **style))
        x += width
    return cells


def _a5_head(receipt: ReceiptRecord, issuer: Building, copy: bool) -> Flow:
    """The issuer's letterhead on the left; KUITANSI, number, time (and SALINAN) on the right."""
    left, right = Flow(A5_WIDTH * 0.58), Flow(A5_WIDTH * 0.40)
    left.fitted(issuer.name, 12, 9, 2, bold=True, color=BRAND)
    left.space(0.8 * mm)
    left.fitted(issuer.address, 8, 7, 3, color=SECONDARY)
    if issuer.npwp:
        left.text(npwp_text(issuer.npwp), 8, color=SECONDARY)
    right.text(_("KUITANSI"), 20, align="right", bold=True, color=BRAND)
    number = _("No. {number}").format(number=receipt.number)
    right.fitted(number, 10.5, 7, 1, align="right", bold=True, mono=True)
    right.text(format_datetime(receipt.issued_at), 8, align="right", color=SECONDARY)
    if copy:
        right.space(1.5 * mm)
        copy_stamp(right, 11, align="right")
    head = Flow(A5_WIDTH)
    head.columns([(0.0, left), (A5_WIDTH - right.width, right)])
    return head


FORM_LABEL = 36 * mm  # "Telah terima dari", "Uang sejumlah", "Untuk pembayaran" and ":"


def _form_row(flow: Flow, label: str, value: Flow) -> None:
    """A row of the kuitansi's form: the label and a colon, the value beside them."""
    title = Flow(FORM_LABEL)
    title.row(
        [
            Cell(label, 0, FORM_LABEL - 3 * mm, color=SECONDARY),
            Cell(":", FORM_LABEL - 2 * mm, 2 * mm),
        ],
        9,
    )
    flow.columns([(0.0, title), (FORM_LABEL, value)])


def _a5_form(flow: Flow, receipt: ReceiptRecord) -> None:
    """Telah terima dari, Uang sejumlah (in words, in a box), Untuk pembayaran."""
    width = A5_WIDTH - FORM_LABEL
    payer = Flow(width)
    payer.row([Cell(receipt.payer_name, 0, width, bold=True)], 10.5)
    payer.text(payer_label(receipt.payer_kind), 8, color=SECONDARY)
    _form_row(flow, _("Telah terima dari"), payer)
    flow.space(1.8 * mm)
    words = Flow(width - 5 * mm)
    words.fitted(amount_words(receipt), 10.5, 8.5, 4, bold=True)
    amount = Flow(width)
    _tinted(amount, words, stroke=BRAND)
    _form_row(flow, _("Uang sejumlah"), amount)
    flow.space(1.8 * mm)
    what = Flow(width)
    what.text(purpose_text(receipt), 8.5)
    _form_row(flow, _("Untuk pembayaran"), what)


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
    pad = (0.7 * mm, 0.2 * mm if discount else 0.7 * mm)
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
        texts = ["", _("Diskon"), "", "", format_rupiah(discount)]
        cells = _a5_cells(texts, 7.5, color=SECONDARY)
        flow.row(cells, 7.5, pad=(0.0, 0.7 * mm), fill=fill, keep_with_next=last)


def _a5_flow(receipt: ReceiptRecord, issuer: Building, copy: bool) -> tuple[Flow, Item]:
    """Everything on the A5 pages, and the table header to repeat after a page break."""
    flow = Flow(A5_WIDTH)
    flow.items += _a5_head(receipt, issuer, copy).items
    flow.rule(weight=1.4, color=BRAND, pad=2 * mm)
    if receipt.voided:
        void_box(flow, receipt, 8.5)
        flow.space(2.4 * mm)
    _a5_form(flow, receipt)
    flow.space(3 * mm)
    header = Flow(A5_WIDTH)
    titles = [_("No"), _("Uraian"), _("Banyaknya"), _("Harga satuan"), _("Jumlah")]
    header.row(_a5_cells(titles, 8, bold=True, color=WHITE), 8, pad=1.5 * mm, fill=BRAND)
    flow.add(header.height, header.draw, keep_with_next=True)
    for index, line in enumerate(receipt.lines, start=1):
        _a5_line_rows(flow, index, line, last=index == len(receipt.lines))
    flow.rule(weight=0.8, color=BRAND, pad=0.4 * mm, keep_with_next=True)
    closing = _a5_closing(receipt, issuer)
    flow.add(closing.height, closing.draw)
    return flow, Item(header.height, header.draw)


def _a5_closing(receipt: ReceiptRecord, issuer: Building) -> Flow:
    """The amount in figures and the payment beside the totals; then the place,
    date and signature: kept on one page."""
    closing = Flow(A5_WIDTH)
    closing.space(1.5 * mm)
    totals = Flow(66 * mm)
    for label, value in total_rows(receipt):
        totals.pair(label, value, 8.5)
    totals.space(1 * mm)
    total = Flow(totals.width - 3 * mm)
    total.pair(_("TOTAL"), format_rupiah(receipt.total), 11, bold=True)
    totals.box(total, 1.2 * mm, fill=TINT)
    closing.columns([(A5_WIDTH - totals.width, totals)])
    closing.space(3 * mm)
    signature = _a5_signature(receipt, issuer)
    closing.columns([(0.0, _a5_payment(receipt)), (A5_WIDTH - signature.width, signature)])
    return closing


def _tinted(flow: Flow, inner: Flow, stroke: str | None = None) -> None:
    """inner on a tinted band with a brand-coloured bar on its left."""
    flow.box(inner, (flow.width - inner.width) / 2, fill=TINT, stroke=stroke, weight=0.6)
    band = flow.items[-1]

    def draw(canvas: Any, left: float, top: float) -> None:
        band.draw(canvas, left, top)
        canvas.setFillColor(rgb(BRAND))
        canvas.rect(left, top - band.height, 1.2 * mm, band.height, stroke=0, fill=1)

    flow.items[-1] = Item(band.height, draw)


def _a5_payment(receipt: ReceiptRecord) -> Flow:
    """The amount in figures in a heavy box, and how it was paid."""
    payment = Flow(52 * mm)
    figures = Flow(payment.width - 5 * mm)
    figures.text(_("Jumlah"), 7.5, color=SECONDARY)
    figures.fitted(format_rupiah(receipt.total), 15, 10, 1, bold=True)
    payment.box(figures, 2.5 * mm, stroke=BLACK, weight=1.4)
    payment.space(1.5 * mm)
    for label, value in payment_rows(receipt):
        payment.pair(label, value, 8)
    payment.pair(_("Meja"), receipt.desk_code, 8)
    return payment


def _a5_signature(receipt: ReceiptRecord, issuer: Building) -> Flow:
    """Place and date, then the receiver's signature, stamp and full name (the
    meterai box above Rp5.000.000, signed across)."""
    signature = Flow(62 * mm)
    signature.fitted(place_and_date(receipt, issuer.city), 8.5, 7, 2, align="center")
    signature.text(_("Penerima,"), 8.5, align="center")
    signature.space(1.5 * mm)
    if receipt.needs_meterai:
        stamp_circle(signature, 0.0, 17 * mm, 4 * mm)
        meterai_box(signature, signature.width - METERAI_SIZE[0] - 2 * mm)
        signature.space(1.5 * mm)
    else:
        stamp_circle(signature, 4 * mm, 15 * mm, 0.2 * mm)
        signature.space(15 * mm)
    signature.rule(pad=0.5 * mm)
    signature.fitted(receipt.cashier_name, 9, 7, 2, align="center", bold=True)
    signature.text(_("Kasir (nama, tanda tangan dan cap)"), 7, align="center", color=SECONDARY)
    return signature


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


def render_a5(receipt: ReceiptRecord, issuer: Building, copy: bool) -> bytes:
    flow, header = _a5_flow(receipt, issuer, copy)
    top, later_top = A5[1] - A5_MARGIN, A5[1] - A5_MARGIN - 4 * mm
    pages = paginate(flow.items, top - A5_BOTTOM, later_top - A5_BOTTOM, header)
    canvas, buffer = receipt_canvas(receipt, A5)
    for number, items in enumerate(pages, start=1):
        y = top if number == 1 else later_top
        for item in items:
            item.draw(canvas, A5_MARGIN, y)
            y -= item.height
        _a5_furniture(canvas, receipt, issuer.name, number, len(pages), copy)
        if receipt.voided:
            void_watermark(canvas, A5[0], A5_BOTTOM, A5[1] - A5_MARGIN, A5[1])
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
