"""A tenant's statement (LAPORAN TAGIHAN TENAN), A4: the building's letterhead,
the tenant, then every charge of the tenancy and every payment, void and
refund in date order with the running balance, and the closing balance."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from smesco_desk.domain.foodcourt import format_npwp
from smesco_desk.domain.money import format_rupiah
from smesco_desk.i18n import _, official_document
from smesco_desk.printing.style import BRAND, GREEN, INK, MUTED, RED, STRIPE, TINT, WHITE, para, rgb
from smesco_desk.printing.tenancy.common import (
    WIDTH,
    build,
    label_table,
    letterhead,
    long_date,
    short_date,
    style,
    table_commands,
    title,
)
from smesco_desk.values.tenancy import Building, Statement, StatementEntry

# Date, description (with the receipt's number), period, charge, payment, balance (174 mm).
COLUMNS = [w * mm for w in (19, 63, 22, 23, 23, 24)]


@official_document
def render_statement(data: Statement, building: Building, stalls: list[str]) -> bytes:
    """A4 portrait PDF bytes."""
    document = _("Laporan Tagihan Tenan · {tenant}").format(tenant=data.tenant.name)
    return build(_story(data, building, stalls), building, document, "tenant_statement")


def closing_text(closing: int) -> str:
    if closing > 0:
        return _("Sisa tagihan {amount}").format(amount=format_rupiah(closing))
    if closing < 0:
        return _("Kelebihan / dikembalikan kepada tenan {amount}").format(
            amount=format_rupiah(-closing)
        )
    return _("Lunas ({amount})").format(amount=format_rupiah(0))


def _story(data: Statement, building: Building, stalls: list[str]) -> list[Any]:
    tenant = data.tenant
    story: list[Any] = [*letterhead(building)]
    story += title(_("LAPORAN TAGIHAN TENAN"), _("Per {date}").format(date=long_date(data.as_of)))
    pairs = [
        (_("Tenan"), tenant.name),
        (_("Pemilik"), tenant.owner),
        (_("Stan"), ", ".join(stalls)),
        (_("Telepon"), tenant.phone),
    ]
    if tenant.npwp:
        pairs.append((_("NPWP"), format_npwp(tenant.npwp)))
    story += [label_table(pairs, 22 * mm), Spacer(1, 5 * mm)]
    story.append(_table(data.entries))
    story += [Spacer(1, 4 * mm), KeepTogether([_closing(data)])]
    story += [
        Spacer(1, 4 * mm),
        para(
            _(
                "Tagihan menambah saldo, pembayaran menguranginya. Saldo positif adalah yang "
                "masih harus dibayar tenan; saldo negatif adalah yang akan dikembalikan kepada "
                "tenan. Pertanyaan tentang laporan ini dapat disampaikan kepada Pengelola Tenan."
            ),
            style(8, color=MUTED),
        ),
    ]
    return story


def _period(entry: StatementEntry) -> str:
    if entry.period_start is None or entry.period_end is None:
        return ""
    if entry.period_start == entry.period_end:
        return short_date(entry.period_start)
    return f"{short_date(entry.period_start)} – {short_date(entry.period_end)}"


def _described(entry: StatementEntry) -> Any:
    """The description, and under it the receipt's (or transfer's) number."""
    if not entry.reference:
        return para(entry.description, style(7.5))
    number = para(entry.reference, style(7, color=MUTED))
    return [para(entry.description, style(7.5)), number]


def _table(entries: tuple[StatementEntry, ...]) -> Any:
    head = style(7.5, True, WHITE)
    head_right = style(7.5, True, WHITE, alignment=2)
    titles = [_("Tanggal"), _("Uraian / No. kuitansi"), _("Periode")]
    rows: list[list[Any]] = [[para(t, head, True) for t in titles]]
    rows[0] += [para(t, head_right, True) for t in (_("Tagihan"), _("Pembayaran"), _("Saldo"))]
    if not entries:
        rows.append([para(_("Belum ada tagihan."), style(8, color=MUTED))] + [""] * 5)
    cell, right = style(7.5), style(7.5, alignment=2)
    for entry in entries:
        debit = format_rupiah(entry.amount) if entry.amount > 0 else ""
        credit = format_rupiah(-entry.amount) if entry.amount < 0 else ""
        if entry.amount == 0:
            debit = format_rupiah(0)
        rows.append(
            [
                para(short_date(entry.on), cell),
                _described(entry),
                para(_period(entry), cell),
                para(debit, right),
                para(credit, right),
                para(format_rupiah(entry.balance), style(7.5, True, alignment=2), True),
            ]
        )
    table = Table(rows, colWidths=COLUMNS, repeatRows=1, hAlign="LEFT")
    commands = table_commands()
    commands += [("BACKGROUND", (0, i), (-1, i), rgb(STRIPE)) for i in range(2, len(rows), 2)]
    if not entries:
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(commands))
    return table


def _closing(data: Statement) -> Table:
    tone = RED if data.closing > 0 else GREEN if data.closing == 0 else BRAND
    charged = sum(e.amount for e in data.entries if e.amount > 0)
    paid = -sum(e.amount for e in data.entries if e.amount < 0)
    rows = [
        [para(_("Jumlah kolom Tagihan"), style(9)),
         para(format_rupiah(charged), style(9, alignment=2))],
        [para(_("Jumlah kolom Pembayaran"), style(9)),
         para(format_rupiah(paid), style(9, alignment=2))],
        [para(_("SALDO AKHIR"), style(11, True, tone), True),
         para(closing_text(data.closing), style(11, True, tone, alignment=2), True)],
    ]  # fmt: skip
    table = Table(rows, colWidths=[WIDTH - 85 * mm, 85 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, rgb(tone)),
                ("BACKGROUND", (0, 2), (-1, 2), rgb(TINT)),
                ("LINEABOVE", (0, 2), (-1, 2), 0.6, rgb(INK)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("TEXTCOLOR", (0, 0), (-1, 1), rgb(MUTED)),
            ]
        )
    )
    return table
