"""The monthly turnover report of the food court on A4 (laporan omzet tenan).

A title block (the month; a month not over yet is marked provisional), then a
section per floor: one row per tenant (its stalls, the days entered, the
month's turnover, the average of a day entered, the turnover rent charged or
due with its rate) and the floor's subtotal; at the end the grand total of the
building. Every page says which month it belongs to and "Halaman x dari y".
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle

from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.turnover import format_percent
from smesco_desk.i18n import N_, _
from smesco_desk.printing.a4_list import list_table_commands, render_a4_list
from smesco_desk.printing.fonts import base_font
from smesco_desk.printing.formatting import MONTH_NAMES
from smesco_desk.printing.style import (
    AMBER,
    BRAND,
    INK,
    MUTED,
    RULE,
    STRIPE,
    TINT,
    WHITE,
    para,
    paragraph_style,
    rgb,
)
from smesco_desk.values.turnover import FloorTurnover, RentState, TurnoverReport

PAD = 1.4 * mm
# No, tenant, stalls, days, turnover, average, turnover rent (186 mm).
COLUMN_WIDTHS = [w * mm for w in (8, 54, 18, 11, 27, 26, 42)]

STATE_LABELS = {
    RentState.POSTED.value: N_("ditagih"),
    RentState.DUE.value: N_("belum ditagih"),
    RentState.BELOW.value: N_("di bawah sewa dasar"),
    RentState.WAITING.value: N_("menunggu tagihan sewa"),
    RentState.OPEN.value: N_("bulan berjalan"),
}


def month_name(month: Any) -> str:
    """'November 2026'."""
    return f"{_(MONTH_NAMES[month.month - 1])} {month.year}"


def report_title() -> str:
    return _("LAPORAN OMZET TENAN")


def render_turnover_report(report: TurnoverReport) -> bytes:
    """A4 portrait PDF bytes."""
    return render_a4_list(
        _story(report),
        template="turnover",
        title=f"{report_title()} · {month_name(report.month)}",
        building_name=report.building_name,
        generated_at=report.generated_at,
    )


def _style(size: float, bold: bool = False, color: str = INK, **extra: Any) -> ParagraphStyle:
    return paragraph_style("turnover", size, bold, color, 1.2, **extra)


def _story(report: TurnoverReport) -> list[Any]:
    story: list[Any] = [
        para(report_title(), _style(11, bold=True, color=MUTED), bold=True),
        Spacer(1, 1 * mm),
        para(_("Food court · {month}").format(month=month_name(report.month)),
             _style(16, bold=True, color=BRAND), bold=True),  # fmt: skip
        Spacer(1, 1.5 * mm),
    ]
    if not report.closed:
        note = _("Bulan belum selesai: angka sementara, sewa omzet belum dihitung.")
        story.append(para(note, _style(9.5, bold=True, color=AMBER), bold=True))
    summary = _("{tenants} tenan · {days} hari-tenan diisi · sewa omzet {rent}").format(
        tenants=sum(len(f.tenants) for f in report.floors),
        days=report.days_entered,
        rent=format_rupiah(report.rent),
    )
    story += [para(summary, _style(9, color=MUTED)), Spacer(1, 5 * mm)]
    if not report.floors:
        story.append(para(_("Tidak ada tenan yang menyewa stan bulan ini."), _style(12, True)))
        return story
    for floor in report.floors:
        story += [
            CondPageBreak(40 * mm),  # a floor's heading never ends a page alone
            para(_("Lantai {n}").format(n=floor.floor), _style(12, bold=True, color=BRAND), True),
            Spacer(1, 2 * mm),
            _floor_table(floor),
            Spacer(1, 6 * mm),
        ]
    story.append(KeepTogether([_grand_total(report)]))
    return story


def _headers() -> list[str]:
    return [_("No"), _("Tenan"), _("Stan"), _("Hari"), _("Omzet"), _("Rata-rata/hari"),
            _("Sewa omzet")]  # fmt: skip


def _rent_cell(rent: int, rate_bp: int, state: str) -> list[Any]:
    small = _style(7, color=MUTED, alignment=2)
    if rate_bp <= 0:
        return [para("–", _style(8.5, alignment=2))]
    amount = format_rupiah(rent) if rent else "–"
    label = STATE_LABELS.get(state)
    note = format_percent(rate_bp) + (f" · {_(label)}" if label else "")
    return [para(amount, _style(8.5, alignment=2)), para(note, small)]


def _floor_table(floor: FloorTurnover) -> Table:
    head = _style(8, bold=True, color=WHITE)
    head_right = _style(8, bold=True, color=WHITE, alignment=2)
    name, cell = _style(8.5, bold=True), _style(8)
    rows: list[list[Any]] = [
        [para(t, head_right if i >= 3 else head, bold=True) for i, t in enumerate(_headers())]
    ]
    for number, tenant in enumerate(floor.tenants, start=1):
        rows.append(
            [
                str(number),
                para(tenant.tenant, name, bold=True),
                para(tenant.stalls, cell),
                str(tenant.days_entered),
                format_rupiah(tenant.total),
                format_rupiah(tenant.average),
                _rent_cell(tenant.rent, tenant.rate_bp, tenant.state),
            ]
        )
    rows.append(
        [
            "",
            para(_("Subtotal lantai {n}").format(n=floor.floor), name, bold=True),
            "",
            str(floor.days_entered),
            format_rupiah(floor.total),
            "",
            format_rupiah(floor.rent),
        ]
    )
    table = Table(rows, colWidths=COLUMN_WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(len(rows)))
    return table


def _grand_total(report: TurnoverReport) -> Table:
    bold = _style(10, bold=True)
    rows = [
        [para(_("Total food court"), bold, True), _("Hari diisi"), _("Omzet"), _("Sewa omzet")],
        ["", str(report.days_entered), format_rupiah(report.total), format_rupiah(report.rent)],
    ]
    table = Table(rows, colWidths=[w * mm for w in (78, 38, 40, 30)], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (0, 1)),
                ("BACKGROUND", (0, 0), (-1, -1), rgb(TINT)),
                ("BOX", (0, 0), (-1, -1), 0.8, rgb(BRAND)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("FONTNAME", (1, 0), (-1, 0), base_font()),
                ("FONTSIZE", (1, 0), (-1, 0), 7.5),
                ("TEXTCOLOR", (1, 0), (-1, 0), rgb(MUTED)),
                ("FONTNAME", (1, 1), (-1, 1), base_font(True)),
                ("FONTSIZE", (1, 1), (-1, 1), 10.5),
                ("TEXTCOLOR", (1, 1), (-1, 1), rgb(INK)),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
            ]
        )
    )
    return table


def _table_style(row_count: int) -> TableStyle:
    commands = list_table_commands(8, PAD) + [
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 1), (-1, -2), 0.4, rgb(RULE)),
        ("BACKGROUND", (0, -1), (-1, -1), rgb(TINT)),
        ("FONTNAME", (0, -1), (-1, -1), base_font(True)),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, rgb(BRAND)),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), rgb(STRIPE)) for i in range(2, row_count - 1, 2)]
    return TableStyle(commands)
