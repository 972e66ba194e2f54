"""The evacuation muster list: everyone checked in and not out, on A4 paper.

Printed in an emergency and carried to the assembly point, so it is plain: a
big head count, one row per person in the order given, an empty tick box per
row for the warden, the table header repeated on every page and "Halaman x dari
y" in the footer of every page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from smesco_desk.i18n import _
from smesco_desk.printing.fonts import base_font, draw_text, font_runs, paragraph_markup, text_width
from smesco_desk.printing.formatting import (
    format_datetime,
    format_day_month,
    format_time,
    same_wib_day,
)

BRAND = "#0B4F71"
INK = "#1B1F24"
MUTED = "#5F6B76"
RULE = "#B8C2CC"
STRIPE = "#F1F4F7"
MARGIN = 12 * mm
CELL_PADDING = 1.2 * mm
TOP_MARGIN = 16 * mm
BOTTOM_MARGIN = 16 * mm
# No, badge, name, organisation, purpose, host, check-in, tick box (186 mm).
COLUMN_WIDTHS = [w * mm for w in (8, 25.5, 41, 32.5, 24, 26.5, 14, 14.5)]


@dataclass(frozen=True)
class MusterRow:
    badge_number: str
    name: str
    organisation: str
    purpose_label: str
    host: str
    checked_in_at: datetime


@dataclass(frozen=True)
class MusterData:
    rows: Sequence[MusterRow]
    generated_at: datetime
    desk_code: str
    building_name: str = "SMESCO Indonesia"
    last_sync_at: datetime | None = None  # shown as "Data per sinkronisasi terakhir: ..."


def render_muster_list(data: MusterData) -> bytes:
    """A4 portrait PDF bytes."""
    buffer = io.BytesIO()
    width, height = A4
    frame = Frame(
        MARGIN,
        BOTTOM_MARGIN,
        width - 2 * MARGIN,
        height - TOP_MARGIN - BOTTOM_MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[PageTemplate("muster", frames=[frame])],
        title=muster_title(),
        author="Smesco Desk",
        creator="Smesco Desk",
        invariant=True,
    )
    doc.build(_story(data), canvasmaker=_numbered_canvas(data))
    return buffer.getvalue()


def muster_title() -> str:
    return _("DAFTAR HADIR EVAKUASI (MUSTER LIST)")


# --- page furniture ------------------------------------------------------------


def _numbered_canvas(data: MusterData) -> type[Canvas]:
    """A canvas that holds pages back until the end, to print "Halaman x dari y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            # The well-known ReportLab recipe: keep the page's state, start a new
            # one; the pages are finished in save(), once their number is known.
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                _draw_page_frame(self, data, self.getPageNumber(), total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_page_frame(canvas: Any, data: MusterData, page: int, total: int) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(HexColor(MUTED))
    if page > 1:  # the first page has the full title block
        header = f"{muster_title()} · {data.building_name}"
        draw_text(canvas, header, MARGIN, height - 10 * mm, 7.5)
        generated = _("Dibuat {time}").format(time=format_datetime(data.generated_at))
        draw_text(canvas, generated, width - MARGIN, height - 10 * mm, 7.5, align="right")
    canvas.setStrokeColor(HexColor(RULE))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, 11 * mm, width - MARGIN, 11 * mm)
    desk = _("Meja {desk}").format(desk=data.desk_code)
    draw_text(canvas, f"{data.building_name} · {desk}", MARGIN, 7.5 * mm, 8)
    pages = _("Halaman {page} dari {total}").format(page=page, total=total)
    canvas.setFillColor(HexColor(INK))
    draw_text(canvas, pages, width - MARGIN, 7.5 * mm, 8, bold=True, align="right")
    canvas.restoreState()


# --- content -----------------------------------------------------------------


def _style(size: float, bold: bool = False, color: str = INK, **extra: Any) -> ParagraphStyle:
    settings: dict[str, Any] = {"leading": size * 1.2, **extra}
    return ParagraphStyle(
        "muster", fontName=base_font(bold), fontSize=size, textColor=HexColor(color), **settings
    )


def _para(text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    return Paragraph(paragraph_markup(text, bold), style)


def _story(data: MusterData) -> list[Any]:
    story: list[Any] = [
        _para(muster_title(), _style(16, bold=True, color=BRAND), bold=True),
        Spacer(1, 1.5 * mm),
        _para(f"{data.building_name} · {_('Meja {desk}').format(desk=data.desk_code)}", _style(10)),
        _para(
            _("Dibuat: {time}").format(time=format_datetime(data.generated_at)),
            _style(10),
        ),
    ]
    if data.last_sync_at is not None:
        text = _("Data per sinkronisasi terakhir: {time}").format(
            time=format_datetime(data.last_sync_at)
        )
        story.append(_para(text, _style(9, color=MUTED)))
    story += [Spacer(1, 4 * mm), _count_box(len(data.rows)), Spacer(1, 5 * mm)]
    if data.rows:
        story.append(_table(data))
    else:
        story.append(_para(_("Tidak ada tamu di gedung"), _style(13, bold=True), bold=True))
    story += [Spacer(1, 8 * mm), _signature_block()]
    return story


def _count_box(count: int) -> Table:
    figure = _para(str(count), _style(40, bold=True, color=BRAND, leading=42), bold=True)
    figure_width = text_width(str(count), 40, bold=True) + 8 * mm
    label = _para(_("orang di gedung"), _style(13, bold=True), bold=True)
    note = _para(_("tamu yang sudah check-in dan belum check-out"), _style(9, color=MUTED))
    box = Table([[figure, label], ["", note]], colWidths=[figure_width, 100 * mm], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (0, 1)),
                ("VALIGN", (0, 0), (0, 1), "MIDDLE"),
                ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
                ("VALIGN", (1, 1), (1, 1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 1.2, HexColor(BRAND)),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    return box


def _headers() -> list[str]:
    return [
        _("No"),
        _("No. badge"),
        _("Nama"),
        _("Organisasi"),
        _("Keperluan"),
        _("Tuan rumah"),
        _("Masuk"),
        _("Hadir ✓"),
    ]


def _tick_box() -> Drawing:
    side = 3.8 * mm
    box = Drawing(side, side)
    box.add(Rect(0, 0, side, side, strokeColor=HexColor(INK), strokeWidth=0.8, fillColor=None))
    return box


def _check_in_text(row: MusterRow, generated_at: datetime) -> str:
    """The time; with the date too when the visitor came in on an earlier day."""
    if same_wib_day(row.checked_in_at, generated_at):
        return format_time(row.checked_in_at)
    return f"{format_day_month(row.checked_in_at)} {format_time(row.checked_in_at)}"


def _cell(text: str, style: ParagraphStyle, width: float) -> Paragraph | str:
    """A plain string when one font draws it on one line (much faster), else a Paragraph."""
    runs = font_runs(text)
    fits = text_width(text, style.fontSize) <= width - 2 * CELL_PADDING
    if len(runs) == 1 and runs[0].font == style.fontName and fits:
        return runs[0].text
    return _para(text, style)


def _table(data: MusterData) -> Table:
    cell = _style(7.5)
    name = _style(8)
    head = _style(7.5, bold=True, color="#FFFFFF")
    rows: list[list[Any]] = [[_para(text, head, bold=True) for text in _headers()]]
    for number, row in enumerate(data.rows, start=1):
        rows.append(
            [
                str(number),
                _cell(row.badge_number, cell, COLUMN_WIDTHS[1]),
                _para(row.name, name, bold=True),
                _para(row.organisation, cell),
                _para(row.purpose_label, cell),
                _para(row.host, cell),
                _para(_check_in_text(row, data.generated_at), cell),
                _tick_box(),
            ]
        )
    table = Table(rows, colWidths=COLUMN_WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(len(rows)))
    return table


def _table_style(row_count: int) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(BRAND)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 1), (-1, -1), base_font()),
        ("FONTSIZE", (0, 1), (-1, -1), 7.5),
        ("TEXTCOLOR", (0, 1), (-1, -1), HexColor(INK)),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
        ("ALIGN", (-1, 0), (-1, -1), "CENTER"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, HexColor(RULE)),
        ("BOX", (0, 0), (-1, -1), 0.6, HexColor(RULE)),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    commands += [
        ("BACKGROUND", (0, index), (-1, index), HexColor(STRIPE))
        for index in range(2, row_count, 2)
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
        named += [_para(label, style), gap]
    widths = [w * mm for w in (56, 4, 26, 4, 46, 4, 46)]
    table = Table([blank, named[:-1]], colWidths=widths, rowHeights=[12 * mm, None])
    table.setStyle(
        TableStyle(
            [("LEFTPADDING", (0, 0), (-1, -1), 0)]
            + [("LINEBELOW", (col, 0), (col, 0), 0.6, colors.black) for col in (0, 2, 4, 6)]
        )
    )
    return table
