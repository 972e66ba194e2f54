"""The evacuation muster list: everyone checked in and not out, on A4 paper.

Printed in an emergency and carried to the assembly point, so it is plain: a
big head count, one row per person in the order given, an empty tick box per
row for the warden, the table header repeated on every page and "Halaman x dari
y" in the footer of every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from smesco_desk.i18n import _
from smesco_desk.printing.fonts import base_font, draw_text, font_runs, text_width
from smesco_desk.printing.formatting import format_datetime, format_time_on
from smesco_desk.printing.style import (
    BLACK,
    BRAND,
    INK,
    MUTED,
    RULE,
    STRIPE,
    WHITE,
    build_a4,
    draw_page_number,
    footer_rule,
    para,
    paragraph_style,
    rgb,
)

MARGIN = 12 * mm
CELL_PADDING = 1.2 * mm
TOP_MARGIN = 16 * mm
BOTTOM_MARGIN = 16 * mm
# No, badge, name, organisation, purpose, host, check-in, tick box (186 mm).
COLUMN_WIDTHS = [w * mm for w in (8, 25.5, 41, 32.5, 24, 26.5, 14, 14.5)]
# The same with a phone column after the name (the evacuation print).
PHONE_COLUMN_WIDTHS = [w * mm for w in (8, 25.5, 35, 28, 24, 19, 20, 12.5, 14)]


@dataclass(frozen=True)
class MusterRow:
    badge_number: str
    name: str
    organisation: str
    purpose_label: str
    host: str
    checked_in_at: datetime
    phone: str = ""  # only on the evacuation print (MusterData.with_phones)


@dataclass(frozen=True)
class MusterData:
    rows: Sequence[MusterRow]
    generated_at: datetime
    desk_code: str
    building_name: str = "SMESCO Indonesia"
    last_sync_at: datetime | None = None  # shown as "Data per sinkronisasi terakhir: ..."
    with_phones: bool = False  # the evacuation print: a phone column after the name


def render_muster_list(data: MusterData) -> bytes:
    """A4 portrait PDF bytes."""

    def furniture(canvas: Any, page: int, total: int) -> None:
        _draw_page_frame(canvas, data, page, total)

    margins = (MARGIN, TOP_MARGIN, BOTTOM_MARGIN)
    return build_a4(
        _story(data), furniture, template="muster", title=muster_title(), margins=margins
    )


def muster_title() -> str:
    return _("DAFTAR HADIR EVAKUASI (MUSTER LIST)")


# --- page furniture ------------------------------------------------------------


def _draw_page_frame(canvas: Any, data: MusterData, page: int, total: int) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(rgb(MUTED))
    if page > 1:  # the first page has the full title block
        header = f"{muster_title()} · {data.building_name}"
        draw_text(canvas, header, MARGIN, height - 10 * mm, 7.5)
        generated = _("Dibuat {time}").format(time=format_datetime(data.generated_at))
        draw_text(canvas, generated, width - MARGIN, height - 10 * mm, 7.5, align="right")
    footer_rule(canvas, MARGIN, width - MARGIN, 11 * mm)
    desk = _("Meja {desk}").format(desk=data.desk_code)
    draw_text(canvas, f"{data.building_name} · {desk}", MARGIN, 7.5 * mm, 8)
    draw_page_number(canvas, width - MARGIN, 7.5 * mm, page, total)
    canvas.restoreState()


# --- content -----------------------------------------------------------------


def _style(size: float, bold: bool = False, color: str = INK, **extra: Any) -> ParagraphStyle:
    return paragraph_style("muster", size, bold, color, 1.2, **extra)


def _story(data: MusterData) -> list[Any]:
    story: list[Any] = [
        para(muster_title(), _style(16, bold=True, color=BRAND), bold=True),
        Spacer(1, 1.5 * mm),
        para(f"{data.building_name} · {_('Meja {desk}').format(desk=data.desk_code)}", _style(10)),
        para(
            _("Dibuat: {time}").format(time=format_datetime(data.generated_at)),
            _style(10),
        ),
    ]
    if data.last_sync_at is not None:
        text = _("Data per sinkronisasi terakhir: {time}").format(
            time=format_datetime(data.last_sync_at)
        )
        story.append(para(text, _style(9, color=MUTED)))
    story += [Spacer(1, 4 * mm), _count_box(len(data.rows)), Spacer(1, 5 * mm)]
    if data.rows:
        story.append(_table(data))
    else:
        story.append(para(_("Tidak ada tamu di gedung"), _style(13, bold=True), bold=True))
    story += [Spacer(1, 8 * mm), _signature_block()]
    return story


def _count_box(count: int) -> Table:
    figure = para(str(count), _style(40, bold=True, color=BRAND, leading=42), bold=True)
    figure_width = text_width(str(count), 40, bold=True) + 8 * mm
    label = para(_("orang di gedung"), _style(13, bold=True), bold=True)
    note = para(_("tamu yang sudah check-in dan belum check-out"), _style(9, color=MUTED))
    box = Table([[figure, label], ["", note]], colWidths=[figure_width, 100 * mm], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (0, 1)),
                ("VALIGN", (0, 0), (0, 1), "MIDDLE"),
                ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
                ("VALIGN", (1, 1), (1, 1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 1.2, rgb(BRAND)),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    return box


def _headers(with_phones: bool) -> list[str]:
    return [
        _("No"),
        _("No. badge"),
        _("Nama"),
        *([_("No. HP")] if with_phones else []),
        _("Organisasi"),
        _("Keperluan"),
        _("Tuan rumah"),
        _("Masuk"),
        _("Hadir ✓"),
    ]


def _tick_box() -> Drawing:
    side = 3.8 * mm
    box = Drawing(side, side)
    box.add(Rect(0, 0, side, side, strokeColor=rgb(INK), strokeWidth=0.8, fillColor=None))
    return box


def _cell(text: str, style: ParagraphStyle, width: float) -> Paragraph | str:
    """A plain string when one font draws it on one line (much faster), else a Paragraph."""
    runs = font_runs(text)
    fits = text_width(text, style.fontSize) <= width - 2 * CELL_PADDING
    if len(runs) == 1 and runs[0].font == style.fontName and fits:
        return runs[0].text
    return para(text, style)


def _table(data: MusterData) -> Table:
    cell = _style(7.5)
    name = _style(8)
    head = _style(7.5, bold=True, color=WHITE)
    widths = PHONE_COLUMN_WIDTHS if data.with_phones else COLUMN_WIDTHS
    headers = _headers(data.with_phones)
    rows: list[list[Any]] = [[para(text, head, bold=True) for text in headers]]
    for number, row in enumerate(data.rows, start=1):
        phone = [_cell(row.phone, cell, widths[3])] if data.with_phones else []
        rows.append(
            [
                str(number),
                _cell(row.badge_number, cell, widths[1]),
                para(row.name, name, bold=True),
                *phone,
                para(row.organisation, cell),
                para(row.purpose_label, cell),
                para(row.host, cell),
                para(format_time_on(row.checked_in_at, data.generated_at), cell),
                _tick_box(),
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(len(rows)))
    return table


def _table_style(row_count: int) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), rgb(BRAND)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 1), (-1, -1), base_font()),
        ("FONTSIZE", (0, 1), (-1, -1), 7.5),
        ("TEXTCOLOR", (0, 1), (-1, -1), rgb(INK)),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
        ("ALIGN", (-1, 0), (-1, -1), "CENTER"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, rgb(RULE)),
        ("BOX", (0, 0), (-1, -1), 0.6, rgb(RULE)),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    commands += [
        ("BACKGROUND", (0, index), (-1, index), rgb(STRIPE)) for index in range(2, row_count, 2)
    ]
    return TableStyle(commands)


def _signature_block() -> Table:
    """Lines for the warden to fill in: who counted, when, where, signature."""
    labels = [_("Diperiksa oleh (petugas)"), _("Jam"), _("Titik kumpul"), _("Tanda tangan")]
    style = _style(8, color=MUTED)
    gap = ""
    blank = ["", gap, "", gap, "", gap, ""]
    named: list[Any] = []
    for label in labels:
        named += [para(label, style), gap]
    widths = [w * mm for w in (56, 4, 26, 4, 46, 4, 46)]
    table = Table([blank, named[:-1]], colWidths=widths, rowHeights=[12 * mm, None])
    table.setStyle(
        TableStyle(
            [("LEFTPADDING", (0, 0), (-1, -1), 0)]
            + [("LINEBELOW", (col, 0), (col, 0), 0.6, rgb(BLACK)) for col in (0, 2, 4, 6)]
        )
    )
    return table
