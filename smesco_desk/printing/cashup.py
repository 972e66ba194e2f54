"""The cash-up report of a shift, on A4: what the drawer should hold and what it held.

Printed when a cashier closes a shift ("Laporan Tutup Kas") and signed by the
cashier and a supervisor; printed while the shift is still open it is a running
report ("Laporan Kas Shift", marked SEMENTARA) whose empty count column can be
filled in by hand. It lists every receipt of the shift, voided ones marked
BATAL, and the refunds owed paid out in it (cash ones leave the drawer), with
"Halaman x dari y" in the footer when it takes more than one page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import DENOMINATIONS, PaymentMethod, method_label, payer_label
from smesco_desk.i18n import _, official_document
from smesco_desk.printing.fonts import base_font, draw_text
from smesco_desk.printing.formatting import format_datetime, format_time_on
from smesco_desk.printing.style import (
    AMBER,
    BRAND,
    GREEN,
    INK,
    MUTED,
    RED,
    RULE,
    STRIPE,
    TINT,
    WHITE,
    build_a4,
    draw_page_number,
    footer_rule,
    para,
    paragraph_style,
    rgb,
)
from smesco_desk.values.payments import ReceiptRecord, RefundPayoutRecord, ShiftSummary

MARGIN = 15 * mm
TOP_MARGIN = 15 * mm
BOTTOM_MARGIN = 17 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN  # 180 mm
PAD = 1.3 * mm


@official_document
def render_cashup(
    summary: ShiftSummary,
    receipts: list[ReceiptRecord],
    payouts: Sequence[RefundPayoutRecord] = (),
    *,
    building_name: str,
    building_address: str,
    printed_at: datetime,
) -> bytes:
    """A4 portrait PDF bytes; `payouts`: the refunds owed paid out in the shift."""
    story = _story(summary, receipts, building_name, building_address, printed_at)
    if payouts:  # after the receipts, before the signatures
        story[-2:-2] = [Spacer(1, 6 * mm), *_payout_list(summary, payouts)]
    return build_a4(
        story,
        _Footer(summary, building_name, printed_at).draw,
        template="cashup",
        title=cashup_title(summary),
        margins=(MARGIN, TOP_MARGIN, BOTTOM_MARGIN),
        initial_font=base_font(),
    )


def cashup_title(summary: ShiftSummary) -> str:
    return _("Laporan Kas Shift") if summary.is_open else _("Laporan Tutup Kas")


def denomination_label(key: str, value: int) -> str:
    """'Rp100.000' for a note, 'Rp1.000 (logam)' for a coin."""
    if key.startswith("coin"):
        return _("{amount} (logam)").format(amount=format_rupiah(value))
    return format_rupiah(value)


def difference_text(difference: int) -> str:
    """'Rp0 (cocok)', 'Rp12.000 lebih', 'Rp5.000 kurang'."""
    if difference == 0:
        return _("{amount} (cocok)").format(amount=format_rupiah(0))
    template = _("{amount} lebih") if difference > 0 else _("{amount} kurang")
    return template.format(amount=format_rupiah(abs(difference)))


# --- page furniture --------------------------------------------------------------------


class _Footer:
    def __init__(self, summary: ShiftSummary, building_name: str, printed_at: datetime) -> None:
        self.summary = summary
        self.building_name = building_name
        self.printed_at = printed_at

    def draw(self, canvas: Any, page: int, total: int) -> None:
        width, height = A4
        right = width - MARGIN
        canvas.saveState()
        canvas.setFillColor(rgb(MUTED))
        title = (
            f"{cashup_title(self.summary)} · {_('Meja {desk}').format(desk=self.summary.desk_code)}"
        )
        if self.summary.is_open:
            title += " · " + _("SEMENTARA")
        if page > 1:
            draw_text(
                canvas, f"{title} · {self.summary.operator_name}", MARGIN, height - 10 * mm, 7.5
            )
        footer_rule(canvas, MARGIN, right, 12 * mm)
        printed = _("Dicetak {time}").format(time=format_datetime(self.printed_at))
        draw_text(canvas, f"{self.building_name} · {printed}", MARGIN, 8 * mm, 7.5)
        if total > 1:
            draw_page_number(canvas, right, 8 * mm, page, total)
        canvas.restoreState()


# --- content ---------------------------------------------------------------------------


def _style(size: float, bold: bool = False, color: str = INK, **extra: Any) -> ParagraphStyle:
    return paragraph_style("cashup", size, bold, color, 1.22, **extra)


def _story(
    summary: ShiftSummary,
    receipts: Sequence[ReceiptRecord],
    building_name: str,
    building_address: str,
    printed_at: datetime,
) -> list[Any]:
    story: list[Any] = [
        para(building_name, _style(10, bold=True, color=BRAND), bold=True),
        para(building_address, _style(8, color=MUTED)),
        Spacer(1, 3 * mm),
        _title(summary),
        Spacer(1, 3 * mm),
        _shift_details(summary),
        Spacer(1, 5 * mm),
        _money_tables(summary),
        Spacer(1, 4 * mm),
        _difference_box(summary),
    ]
    if summary.note.strip():
        story += [
            Spacer(1, 3 * mm),
            para(_("Catatan: {note}").format(note=summary.note), _style(9)),
        ]
    story += [Spacer(1, 6 * mm), *_receipt_list(summary, receipts)]
    story += [Spacer(1, 10 * mm), KeepTogether(_signatures(summary))]
    return story


def _title(summary: ShiftSummary) -> Table:
    title = para(cashup_title(summary), _style(17, bold=True, color=BRAND), bold=True)
    if not summary.is_open:
        return Table(
            [[title]], colWidths=[CONTENT_WIDTH], style=[("LEFTPADDING", (0, 0), (-1, -1), 0)]
        )
    mark = para(_("SEMENTARA"), _style(11, bold=True, color=AMBER, alignment=1), bold=True)
    note = para(
        _("Shift masih terbuka: angka dapat berubah sampai shift ditutup."),
        _style(8.5, color=AMBER),
    )
    table = Table([[title, mark], [note, ""]], colWidths=[CONTENT_WIDTH - 36 * mm, 36 * mm])
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (1, 0), (1, 0), 1.6, rgb(AMBER)),
                ("SPAN", (0, 1), (1, 1)),
            ]
        )
    )
    return table


def _shift_details(summary: ShiftSummary) -> Table:
    """Two columns of label: value (desk, cashier, opened, closed, and the
    supervisor who received the drawer when it was not the cashier)."""
    label, value = _style(8.5, color=MUTED), _style(9.5)
    closed = _("belum ditutup")
    if summary.closed_at is not None:
        closed = format_datetime(summary.closed_at)
    pairs = [
        (_("Meja"), summary.desk_code),
        (_("Kasir"), summary.operator_name),
        (_("Dibuka"), format_datetime(summary.opened_at)),
        (_("Ditutup"), closed),
    ]
    cells = [[para(k, label), para(v, value, bold=k == _("Kasir"))] for k, v in pairs]
    rows: list[list[Any]] = [cells[0] + cells[2], cells[1] + cells[3]]
    if summary.receiver_name:  # the supervisor who counted and closed it
        receiver = para(summary.receiver_name, value, bold=True)
        rows.append(["", "", para(_("Penerima"), label), receiver])
    widths = [18 * mm, 62 * mm, 18 * mm, 82 * mm]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _methods(summary: ShiftSummary) -> list[str]:
    known = [m.value for m in PaymentMethod]
    return known + sorted(k for k in summary.totals_by_method if k not in known)


def _summary_rows(summary: ShiftSummary) -> list[tuple[str, str, bool, bool]]:
    """(label, amount, emphasised, indented) for the left table."""
    count = str(summary.receipt_count)
    if summary.void_count:
        count = _("{count} ({voided} batal)").format(count=count, voided=summary.void_count)
    rows = [
        (_("Modal awal"), format_rupiah(summary.opening_float), False, False),
        (_("Jumlah kuitansi"), count, False, False),
    ]
    for method in _methods(summary):
        amount = format_rupiah(summary.totals_by_method.get(method, 0))
        rows.append((method_label(method), amount, False, True))
    received = format_rupiah(sum(summary.totals_by_method.values()))
    rows.append((_("Total penerimaan"), received, True, False))
    voided = _("{count} · {amount}").format(
        count=summary.void_count, amount=format_rupiah(summary.voided_total)
    )
    rows.append((_("Kuitansi batal (tidak dihitung)"), voided, False, False))
    if summary.cash_refunds:
        refunds = "-" + format_rupiah(summary.cash_refunds)
        rows.append((_("Uang kembali, kuitansi shift lalu yang dibatalkan"), refunds, False, False))
    if summary.payout_count:
        paid_out = _("{count} · {amount}").format(
            count=summary.payout_count, amount=format_rupiah(summary.payouts_total)
        )
        rows.append((_("Pengembalian dana dibayar"), paid_out, False, False))
        if summary.payouts_cash:
            cash_out = "-" + format_rupiah(summary.payouts_cash)
            rows.append((_("tunai dari laci"), cash_out, False, True))
    rows.append(
        (
            _("Kas seharusnya (modal awal + tunai - uang kembali)")
            if summary.cash_refunds or summary.payouts_cash
            else _("Kas seharusnya (modal awal + tunai)"),
            format_rupiah(summary.expected_cash),
            True,
            False,
        )
    )
    return rows


def _money_tables(summary: ShiftSummary) -> Table:
    """The shift's figures on the left, the counted drawer on the right."""
    left = _figures_table(summary)
    right = _count_table(summary)
    outer = Table([[left, right]], colWidths=[90 * mm, 90 * mm], hAlign="LEFT")
    outer.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
            ]
        )
    )
    return outer


def _heading_row(text: str, span: int) -> list[Any]:
    return [para(text, _style(9, bold=True, color=WHITE), bold=True)] + [""] * (span - 1)


def _figures_table(summary: ShiftSummary) -> Table:
    rows: list[list[Any]] = [_heading_row(_("Ringkasan shift"), 2)]
    emphasised = []
    for label, amount, bold, indented in _summary_rows(summary):
        style = _style(9, bold=bold, leftIndent=3 * mm if indented else 0)
        amount_style = _style(9, bold=bold, alignment=2)
        rows.append([para(label, style, bold), para(amount, amount_style, bold)])
        if bold:
            emphasised.append(len(rows) - 1)
    table = Table(rows, colWidths=[54 * mm, 32 * mm])
    commands = _table_commands(len(rows)) + [("SPAN", (0, 0), (-1, 0))]
    commands += [("BACKGROUND", (0, i), (-1, i), rgb(TINT)) for i in emphasised]
    table.setStyle(TableStyle(commands))
    return table


def _count_table(summary: ShiftSummary) -> Table:
    """Every denomination in order; blank counts on a running report, to fill by hand."""
    counted = summary.counted
    right = _style(9, alignment=2)
    rows: list[list[Any]] = [
        _heading_row(_("Uang dihitung"), 3),
        [para(t, _style(8, bold=True, color=MUTED), True) for t in (_("Pecahan"), _("Jumlah"))]
        + [para(_("Subtotal"), _style(8, bold=True, color=MUTED, alignment=2), True)],
    ]
    for key, value in DENOMINATIONS:
        label = para(denomination_label(key, value), _style(9))
        if counted is None:
            rows.append([label, "", ""])
            continue
        count = counted.get(key, 0)
        subtotal = format_rupiah(count * value) if count else "–"
        rows.append([label, para(str(count), right), para(subtotal, right)])
    total = format_rupiah(summary.counted_total) if summary.counted_total is not None else ""
    rows.append(
        [
            para(_("Total dihitung"), _style(9, bold=True), True),
            "",
            para(total, _style(9, bold=True, alignment=2), True),
        ]
    )
    table = Table(rows, colWidths=[34 * mm, 20 * mm, 36 * mm])
    commands = _table_commands(len(rows)) + [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, -1), (-1, -1), rgb(TINT)),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, rgb(BRAND)),
    ]
    if counted is None:  # boxes to write the counts in
        commands += [("GRID", (1, 2), (2, -2), 0.4, rgb(RULE))]
    table.setStyle(TableStyle(commands))
    return table


def _table_commands(row_count: int) -> list[tuple[Any, ...]]:
    return [
        ("BACKGROUND", (0, 0), (-1, 0), rgb(BRAND)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 0.6, rgb(RULE)),
        ("LINEBELOW", (0, 1), (-1, -2), 0.3, rgb(RULE)),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.6 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.6 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
    ]


def _difference_box(summary: ShiftSummary) -> Table:
    """SELISIH: counted minus expected, in words (lebih / kurang / cocok)."""
    if summary.difference is None:
        text, tone = _("belum dihitung"), MUTED
    else:
        text = difference_text(summary.difference)
        tone = GREEN if summary.difference == 0 else RED if summary.difference < 0 else AMBER
    label = para(_("SELISIH"), _style(12, bold=True, color=tone), bold=True)
    explain = para(_("uang dihitung dikurangi kas seharusnya"), _style(8, color=MUTED))
    value = para(text, _style(13, bold=True, color=tone, alignment=2), bold=True)
    table = Table([[label, value], [explain, ""]], colWidths=[80 * mm, 100 * mm])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.6, rgb(tone)),
                ("SPAN", (1, 0), (1, 1)),
                ("VALIGN", (1, 0), (1, 1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, 0), 2 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 2 * mm),
            ]
        )
    )
    return table


# No, number, time, payer, method, total, status (180 mm).
RECEIPT_COLUMNS = [w * mm for w in (9, 37, 14, 45, 31, 27, 17)]


def _receipt_list(summary: ShiftSummary, receipts: Sequence[ReceiptRecord]) -> list[Any]:
    heading = para(
        _("Kuitansi shift ini ({count})").format(count=len(receipts)),
        _style(11, bold=True, color=BRAND),
        bold=True,
    )
    if not receipts:
        return [heading, para(_("Belum ada kuitansi pada shift ini."), _style(9, color=MUTED))]
    head = _style(8, bold=True, color=WHITE)
    titles = [_("No"), _("Nomor"), _("Jam"), _("Pembayar"), _("Metode"), _("Total"), ""]
    rows: list[list[Any]] = [[para(t, head, bold=True) for t in titles]]
    rows[0][5] = para(titles[5], _style(8, bold=True, color=WHITE, alignment=2), True)
    for index, rec in enumerate(receipts, start=1):
        tone = MUTED if rec.voided else INK
        cell, right = _style(8, color=tone), _style(8, color=tone, alignment=2)
        payer = f"{rec.payer_name} ({payer_label(rec.payer_kind)})"
        rows.append(
            [
                para(str(index), right),
                para(rec.number, cell),
                para(format_time_on(rec.issued_at, summary.opened_at), cell),
                para(payer, cell),
                para(method_label(rec.method), cell),
                para(format_rupiah(rec.total), right),
                para(_("BATAL"), _style(8, bold=True, color=RED), True) if rec.voided else "",
            ]
        )
    table = Table(rows, colWidths=RECEIPT_COLUMNS, repeatRows=1, hAlign="LEFT")
    commands = _table_commands(len(rows) + 1) + [
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, rgb(RULE)),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), rgb(STRIPE)) for i in range(2, len(rows), 2)]
    table.setStyle(TableStyle(commands))
    return [heading, Spacer(1, 2 * mm), table, *_gaps(receipts)]


# No, time, payer, what for, method, amount (180 mm).
PAYOUT_COLUMNS = [w * mm for w in (9, 14, 45, 60, 29, 23)]


def _payout_list(summary: ShiftSummary, payouts: Sequence[RefundPayoutRecord]) -> list[Any]:
    """The refunds owed paid out in the shift (Pengembalian dana dibayar)."""
    title = _("Pengembalian dana dibayar ({count})").format(count=len(payouts))
    heading = para(title, _style(11, bold=True, color=BRAND), bold=True)
    head = _style(8, bold=True, color=WHITE)
    titles = [_("No"), _("Jam"), _("Penerima"), _("Untuk"), _("Metode"), _("Jumlah")]
    rows: list[list[Any]] = [[para(t, head, bold=True) for t in titles]]
    rows[0][5] = para(titles[5], _style(8, bold=True, color=WHITE, alignment=2), True)
    cell, right = _style(8), _style(8, alignment=2)
    for index, payout in enumerate(payouts, start=1):
        method = method_label(payout.method)
        if payout.reference:
            method += f" · {payout.reference}"
        rows.append(
            [
                para(str(index), right),
                para(format_time_on(payout.paid_at, summary.opened_at), cell),
                para(f"{payout.payer_name} ({payer_label(payout.payer_kind)})", cell),
                para(payout.description, cell),
                para(method, cell),
                para(format_rupiah(payout.amount), right),
            ]
        )
    table = Table(rows, colWidths=PAYOUT_COLUMNS, repeatRows=1, hAlign="LEFT")
    commands = _table_commands(len(rows) + 1) + [("LINEBELOW", (0, 1), (-1, -1), 0.3, rgb(RULE))]
    commands += [("BACKGROUND", (0, i), (-1, i), rgb(STRIPE)) for i in range(2, len(rows), 2)]
    table.setStyle(TableStyle(commands))
    return [heading, Spacer(1, 2 * mm), table]


def _gaps(receipts: Sequence[ReceiptRecord]) -> list[Any]:
    """Numbers skipped before this shift's receipts (after a restore), and why."""
    gaps = [gap for rec in receipts for gap in rec.gaps_before]
    if not gaps:
        return []
    title = para(_("Nomor kuitansi yang dilewati"), _style(9, bold=True, color=RED), True)
    return [Spacer(1, 3 * mm), title, *(para(g.reason, _style(8)) for g in gaps)]


def _signatures(summary: ShiftSummary) -> list[Any]:
    """Boxes for the cashier and the supervisor to sign, each named in full: the
    supervisor who closed the shift is the one who received the drawer (a shift
    its cashier closed leaves the line for the receiver to write their name)."""
    label = _style(8.5, color=MUTED)
    name = _style(9, bold=True, alignment=1)

    def box(title: str, who: str) -> list[Any]:
        return [para(title, label), "", para(who, name, bold=True)]

    cashier = box(_("Kasir yang menyerahkan"), summary.operator_name)
    supervisor = box(_("Supervisor yang menerima"), summary.receiver_name or "(" + "." * 40 + ")")
    rows = [[cashier[i], "", supervisor[i]] for i in range(3)]
    table = Table(rows, colWidths=[82 * mm, 16 * mm, 82 * mm], rowHeights=[None, 20 * mm, None])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (0, -1), 0.6, rgb(RULE)),
                ("BOX", (2, 0), (2, -1), 0.6, rgb(RULE)),
                ("LINEBELOW", (0, 1), (0, 1), 0.6, rgb(INK)),
                ("LINEBELOW", (2, 1), (2, 1), 0.6, rgb(INK)),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    return [table]
