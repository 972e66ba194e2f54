"""The reminder letter (SURAT PEMBERITAHUAN TUNGGAKAN), A4: a polite letter to
a tenant in arrears listing the charges past their due date and their total,
and asking for payment by a given day."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from smesco_desk.domain.money import format_rupiah, terbilang
from smesco_desk.i18n import _, official_document
from smesco_desk.printing.style import INK, STRIPE, TINT, WHITE, para, rgb
from smesco_desk.printing.tenancy.common import (
    WIDTH,
    build,
    label_table,
    letterhead,
    long_date,
    rich,
    short_date,
    style,
    table_commands,
)
from smesco_desk.values.tenancy import ReminderData

# No, due, description, period, days late, amount (174 mm).
COLUMNS = [w * mm for w in (9, 23, 59, 35, 20, 28)]


@official_document
def render_reminder(data: ReminderData) -> bytes:
    """A4 portrait PDF bytes."""
    document = _("Surat Pemberitahuan Tunggakan {number}").format(number=data.number)
    return build(_story(data), data.building, document, "reminder_letter")


def _story(data: ReminderData) -> list[Any]:
    body = style(10, alignment=4)
    tenant = data.tenant
    story: list[Any] = [*letterhead(data.building)]
    story.append(para(_("Jakarta, {date}").format(date=long_date(data.written_on)),
                      style(10, alignment=2)))  # fmt: skip
    story.append(Spacer(1, 3 * mm))
    story.append(
        label_table(
            [
                (_("Nomor"), data.number),
                (_("Lampiran"), "–"),
                (_("Perihal"), _("Pemberitahuan Tunggakan Pembayaran Sewa Stan")),
            ],
            20 * mm,
        )
    )
    story.append(Spacer(1, 5 * mm))
    to = [
        _("Kepada Yth."),
        _("Bapak/Ibu {owner}").format(owner=tenant.owner),
        _("Pemilik {business}").format(business=tenant.name),
        _("Stan {stalls}, Food Court {building}").format(
            stalls=", ".join(data.stalls) or "–", building=data.building.name
        ),
        _("di tempat"),
    ]
    story += [para(line, style(10, bold=i == 1), bold=i == 1) for i, line in enumerate(to)]
    story += [Spacer(1, 5 * mm), para(_("Dengan hormat,"), body), Spacer(1, 2 * mm)]
    story.append(
        para(
            _(
                "Terima kasih atas kerja sama Bapak/Ibu sebagai tenan food court kami. Berdasarkan "
                "catatan kami per tanggal {date}, masih terdapat tagihan yang telah melewati "
                "tanggal jatuh tempo sebagai berikut:"
            ).format(date=long_date(data.written_on)),
            body,
        )
    )
    story += [Spacer(1, 3 * mm), _table(data), Spacer(1, 4 * mm)]
    story.append(
        rich(
            [
                (_("Kami mohon Bapak/Ibu berkenan melunasi tagihan sebesar"), False),
                (format_rupiah(data.total), True),
                (f"({terbilang(data.total)})", False),
                (_("paling lambat tanggal"), False),
                (long_date(data.pay_by), True),
                (_("di kantor Pengelola Tenan (tunai, transfer bank atau QRIS). Setiap "
                   "pembayaran diberi kuitansi resmi."), False),
            ],
            body,
        )
    )  # fmt: skip
    story += [Spacer(1, 2 * mm)]
    story.append(
        para(
            _(
                "Keterlambatan lebih lanjut dapat dikenai denda keterlambatan sesuai perjanjian "
                "sewa. Apabila pembayaran telah Bapak/Ibu lakukan, mohon abaikan surat ini dan "
                "tunjukkan kuitansinya kepada kami. Bila ada kesulitan, kami terbuka untuk "
                "membicarakan jadwal pembayaran."
            ),
            body,
        )
    )
    story += [Spacer(1, 2 * mm)]
    story.append(para(_("Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih."),
                      body))  # fmt: skip
    story += [Spacer(1, 6 * mm), KeepTogether(_signature(data))]
    return story


def _table(data: ReminderData) -> Table:
    head = style(8, True, WHITE)
    head_right = style(8, True, WHITE, alignment=2)
    titles = [_("No"), _("Jatuh tempo"), _("Uraian"), _("Periode")]
    rows: list[list[Any]] = [[para(t, head, True) for t in titles]]
    rows[0] += [para(_("Terlambat"), head_right, True), para(_("Jumlah"), head_right, True)]
    cell, right = style(8.5), style(8.5, alignment=2)
    for index, item in enumerate(data.overdue, start=1):
        period = (
            short_date(item.period_start)
            if item.period_start == item.period_end
            else f"{short_date(item.period_start)} – {short_date(item.period_end)}"
        )
        rows.append(
            [
                para(str(index), right),
                para(short_date(item.due_on), cell),
                para(item.description, cell),
                para(period, cell),
                para(_("{n} hari").format(n=item.days_late), right),
                para(format_rupiah(item.amount), right),
            ]
        )
    rows.append(
        [para(_("Jumlah tunggakan"), style(9, True), True), "", "", "", "",
         para(format_rupiah(data.total), style(9, True, alignment=2), True)]
    )  # fmt: skip
    table = Table(rows, colWidths=COLUMNS, repeatRows=1, hAlign="LEFT")
    commands = table_commands()
    commands += [("BACKGROUND", (0, i), (-1, i), rgb(STRIPE)) for i in range(2, len(rows) - 1, 2)]
    commands += [
        ("SPAN", (0, -1), (4, -1)),
        ("BACKGROUND", (0, -1), (-1, -1), rgb(TINT)),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, rgb(INK)),
    ]
    table.setStyle(TableStyle(commands))
    return table


def _signature(data: ReminderData) -> list[Any]:
    left = WIDTH - 70 * mm
    rows = [
        ["", para(_("Hormat kami,"), style(10))],
        ["", para(_("Pengelola Tenan Food Court"), style(10))],
        ["", ""],
        ["", para(data.signatory, style(10, True), True)],
        ["", para(data.building.name, style(9))],
    ]
    table = Table(rows, colWidths=[left, 70 * mm], rowHeights=[None, None, 20 * mm, None, None])
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (1, 3), (1, 3), 0.6, rgb(INK)),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return [table]
