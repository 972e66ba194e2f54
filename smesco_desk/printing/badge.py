"""Visitor badges: a CR80 card (85.6 x 54 mm, landscape) and a 62 x 100 mm label.

A badge shows who the visitor is, why they are here, until when the badge is
valid, its number (to read out or type) and a QR code holding the visit id (to
scan at check-out). It never shows a NIK or a phone number: BadgeData has no
such fields, by design (UU PDP).

Layouts are computed as values first (see `_layout`); when text is long a few
variants are tried, largest first, and the first one in which nothing overlaps
and nothing leaves the 3.5 mm margin is drawn.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib.units import mm

from smesco_desk.i18n import _
from smesco_desk.printing._layout import (
    Box,
    Layout,
    TextBlock,
    TextStyle,
    draw_block,
    layout_problems,
    text_block,
)
from smesco_desk.printing._qr import qr_modules
from smesco_desk.printing.formatting import (
    format_date,
    format_day_date,
    format_time,
    same_wib_day,
)
from smesco_desk.printing.style import (
    ACCENT,
    BRAND,
    FAINT,
    INK,
    SECONDARY,
    WHITE,
    new_canvas,
    rgb,
)

CARD_SIZE = (85.6 * mm, 54 * mm)
LABEL_SIZE = (62 * mm, 100 * mm)
MARGIN = 3.5 * mm  # nothing is printed closer than this to an edge
QR_CLEAR = 2.5 * mm  # no text this close to the QR code (about 4 modules)
QR_FORM_NAME = "visit_qr"
GROUP_GAP: float = 1.2 * mm  # between who (name ... host) and when (date, validity)

COPY_MARK = TextStyle(6.5, 5, FAINT, bold=True)


@dataclass(frozen=True)
class BadgeData:
    visit_id: str  # UUID string; the QR code encodes exactly this
    badge_number: str  # e.g. "D01-261127-007"
    name: str
    organisation: str  # may be ""
    purpose_label: str  # already translated, e.g. "Ruang Rapat"
    host: str  # host or event, may be ""
    checked_in_at: datetime  # aware (UTC); shown in WIB
    valid_until: datetime  # aware (UTC); shown in WIB
    building_name: str = "SMESCO Indonesia"
    copy: bool = False  # a reprint: marked "SALINAN" discreetly


def badge_qr_payload(data: BadgeData) -> str:
    """What the QR code holds: exactly the visit id, nothing personal."""
    return data.visit_id


def validity_text(data: BadgeData) -> str:
    """'Berlaku s.d. 21:00 WIB', with the date when it is not the check-in day."""
    if same_wib_day(data.checked_in_at, data.valid_until):
        until = format_time(data.valid_until)
    else:
        until = f"{format_date(data.valid_until)} {format_time(data.valid_until)}"
    return _("Berlaku s.d. {until} WIB").format(until=until)


def _visit_date_text(data: BadgeData) -> str:
    return _("{date} · masuk {time}").format(
        date=format_day_date(data.checked_in_at), time=format_time(data.checked_in_at)
    )


def _host_text(data: BadgeData) -> str:
    return _("Tuan rumah: {host}").format(host=data.host) if data.host.strip() else ""


# --- card ----------------------------------------------------------------------


def layout_badge(data: BadgeData) -> Layout:
    """The CR80 card: header band, name across, details left, QR code right.

    The name is as large as possible (17 pt, shrinking to fit, on up to two
    lines); if the details below it would then collide, it shrinks further.
    Organisation and host may take two lines while there is room, else one
    (then they shrink to 6.5 pt and, if still too long, end in an ellipsis).
    """
    sizes = (17.0, 16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.5, 10.0)
    attempts = [(size, lines, 2) for lines in ((2, 2), (2, 1), (1, 1)) for size in sizes]
    # A name that still does not fit on two lines gets a third line and may go
    # down to 8 pt before anything of it is cut: the name is what a guard reads.
    attempts += [(size, (1, 1), 3) for size in (10.0, 9.5, 9.0, 8.5, 8.0)]
    fallback: Layout | None = None
    for name_size, detail_lines, name_lines in attempts:
        layout = _card_layout(data, name_size, detail_lines, name_lines)
        if layout_problems(layout, QR_CLEAR) or not _groups_apart(layout):
            continue
        fallback = fallback or layout
        if not _name_block(layout).fit.truncated:
            return layout
    return fallback or layout


def _name_block(layout: Layout) -> TextBlock:
    return next(b for b in layout.blocks if b.role == "name")


def _groups_apart(layout: Layout) -> bool:
    """Who (name to host) stays visibly apart from when (date, validity, number)."""
    upper = [
        b.box.y for b in layout.blocks if b.role in ("name", "organisation", "purpose", "host")
    ]
    lower = [b.box.top for b in layout.blocks if b.role in ("date", "valid_until")]
    return min(upper) - max(lower) >= GROUP_GAP


def _card_layout(
    data: BadgeData, name_size: float, detail_lines: tuple[int, int], name_lines: int = 2
) -> Layout:
    """One attempt; detail_lines: how many lines organisation and host may take."""
    width, height = CARD_SIZE
    pad = 2.2 * mm
    band = Box(MARGIN, height - MARGIN - 8 * mm, width - 2 * MARGIN, 8 * mm)
    left, right = band.x + pad, band.right - pad
    qr_size = 20 * mm
    bottom = MARGIN + 1 * mm
    qr = Box(right - qr_size, bottom, qr_size, qr_size)
    column = qr.x - 3 * mm - left

    name_style = TextStyle(
        name_size, min(10, name_size), INK, bold=True, max_lines=name_lines, leading=1.1
    )
    name = text_block(
        "name", data.name, name_style, x=left, max_width=right - left, top=band.y - 2.2 * mm
    )
    blocks = [*_card_band_blocks(data, band, pad), name]
    blocks += _card_lower_blocks(data, left, bottom, column)
    upper = [
        (
            "organisation",
            data.organisation,
            TextStyle(9, 6.5, SECONDARY, max_lines=detail_lines[0]),
        ),
        ("purpose", data.purpose_label, TextStyle(8.5, 6.5, BRAND, bold=True)),
        ("host", _host_text(data), TextStyle(7.5, 6.5, SECONDARY, max_lines=detail_lines[1])),
    ]
    top = name.box.y - 0.6 * mm
    for role, text, style in upper:
        if text.strip():
            block = text_block(role, text, style, x=left, max_width=column, top=top)
            blocks.append(block)
            top = block.box.y - 0.4 * mm
    return Layout(width, height, MARGIN, band, qr, tuple(blocks))


def _card_lower_blocks(
    data: BadgeData, left: float, bottom: float, column: float
) -> list[TextBlock]:
    """Badge number on the bottom line, validity and date stacked above it."""
    number_style = TextStyle(12, 8, INK, bold=True, mono=True)
    number = text_block(
        "badge_number", data.badge_number, number_style, x=left, max_width=column, bottom=bottom
    )
    blocks = [number]
    cursor = number.box.top + 1.2 * mm
    if data.copy:
        mark = _card_copy_mark(number, left + column)
        blocks.append(mark)
        cursor = max(cursor, mark.box.top + 0.8 * mm)
    lower = [
        ("valid_until", validity_text(data), TextStyle(7.5, 5.5, INK, bold=True)),
        ("date", _visit_date_text(data), TextStyle(7, 5.5, SECONDARY)),
    ]
    for role, text, style in lower:
        block = text_block(role, text, style, x=left, max_width=column, bottom=cursor)
        blocks.append(block)
        cursor = block.box.top + 0.2 * mm
    return blocks


def _card_band_blocks(data: BadgeData, band: Box, pad: float) -> list[TextBlock]:
    """Building name on the left, TAMU / VISITOR on the right, centred vertically."""
    visitor_style = TextStyle(9.5, 7, WHITE, bold=True, align="right")
    visitor = text_block(
        "visitor", _("TAMU / VISITOR"), visitor_style, x=band.right - pad, max_width=band.width / 2
    )
    building = text_block(
        "building",
        data.building_name,
        TextStyle(9, 6, WHITE, bold=True),
        x=band.x + pad,
        max_width=band.width - 2 * pad - visitor.fit.width - 3 * mm,
    )
    middle = band.y + band.height / 2 + 0.35 * mm  # a little up: the accent stripe
    return [block.moved_to(middle - 0.36 * block.fit.size) for block in (building, visitor)]


def _card_copy_mark(number: TextBlock, right: float) -> TextBlock:
    """'SALINAN' in small grey letters after the badge number (or above it)."""
    x = number.box.right + 2 * mm
    mark = text_block("copy", _("SALINAN"), COPY_MARK, x=x, max_width=right - number.x)
    if x + mark.fit.width <= right:
        return mark.moved_to(number.baseline)
    above = number.box.top + 0.8 * mm
    return text_block("copy", _("SALINAN"), COPY_MARK, x=number.x, max_width=right, bottom=above)


# --- label ---------------------------------------------------------------------


def layout_label(data: BadgeData) -> Layout:
    """The 62 x 100 mm label: band, centred text, a large QR code, the number.

    When text is long the QR code shrinks first (30 to 24 mm), then the name,
    and as a last resort organisation and host get one line instead of two.
    """
    attempts = [(19.0, qr, 2) for qr in (30.0, 27.0, 24.0)]
    attempts += [(size, 24.0, 2) for size in (17.0, 15.0, 13.0, 12.0, 11.0, 10.0)]
    attempts += [(10.0, 21.0, 2), (10.0, 21.0, 1)]
    for name_size, qr_mm, detail_lines in attempts:
        layout = _label_layout(data, name_size, qr_mm, detail_lines)
        if not layout_problems(layout, QR_CLEAR):
            break
    return layout


def _label_layout(data: BadgeData, name_size: float, qr_mm: float, detail_lines: int) -> Layout:
    width, height = LABEL_SIZE
    band = Box(MARGIN, height - MARGIN - 11.5 * mm, width - 2 * MARGIN, 11.5 * mm)
    centre, inner = width / 2, band.width - 4 * mm
    blocks = _label_band_blocks(data, band, centre, inner)

    bottom = MARGIN + 1.5 * mm
    if data.copy:
        mark_style = TextStyle(6.5, 5, FAINT, bold=True, align="center")
        mark = text_block(
            "copy", _("SALINAN"), mark_style, x=centre, max_width=inner, bottom=bottom
        )
        blocks.append(mark)
        bottom = mark.box.top + 0.3 * mm
    number_style = TextStyle(14, 8, INK, bold=True, mono=True, align="center")
    number = text_block(
        "badge_number", data.badge_number, number_style, x=centre, max_width=inner, bottom=bottom
    )
    blocks.append(number)
    qr_size = qr_mm * mm
    qr = Box(centre - qr_size / 2, number.box.top + 2.5 * mm, qr_size, qr_size)

    def style(size: float, min_size: float, color: str, **extra: Any) -> TextStyle:
        return TextStyle(size, min_size, color, align="center", **extra)

    details = [
        ("name", data.name, style(name_size, min(10, name_size), INK, bold=True, max_lines=3)),
        ("organisation", data.organisation, style(10, 7, SECONDARY, max_lines=detail_lines)),
        ("purpose", data.purpose_label, style(10, 7, BRAND, bold=True)),
        ("host", _host_text(data), style(8.5, 6.5, SECONDARY, max_lines=detail_lines)),
        ("date", _visit_date_text(data), style(8, 6, SECONDARY)),
        ("valid_until", validity_text(data), style(8.5, 6, INK, bold=True)),
    ]
    top = band.y - 2.6 * mm
    for role, text, text_style in details:
        if not text.strip():
            continue
        if role == "date":
            top -= 1.2 * mm  # when and until when: a group of their own
        block = text_block(role, text, text_style, x=centre, max_width=inner, top=top)
        blocks.append(block)
        top = block.box.y - (1.6 * mm if role == "name" else 0.6 * mm)
    return Layout(width, height, MARGIN, band, qr, tuple(blocks))


def _label_band_blocks(data: BadgeData, band: Box, centre: float, inner: float) -> list[TextBlock]:
    building_style = TextStyle(8.5, 6, WHITE, bold=True, align="center")
    building = text_block(
        "building",
        data.building_name,
        building_style,
        x=centre,
        max_width=inner,
        top=band.top - 1.6 * mm,
    )
    visitor_style = TextStyle(12, 8, WHITE, bold=True, align="center")
    visitor = text_block(
        "visitor",
        _("TAMU / VISITOR"),
        visitor_style,
        x=centre,
        max_width=inner,
        top=building.box.y - 0.2 * mm,
    )
    return [building, visitor]


# --- drawing -------------------------------------------------------------------


def render_badge(data: BadgeData) -> bytes:
    """One CR80 card page, landscape, as PDF bytes."""
    return _render(data, layout_badge(data))


def render_badge_label(data: BadgeData) -> bytes:
    """One 62 x 100 mm portrait label page (label-roll printers), as PDF bytes."""
    return _render(data, layout_label(data))


def render_badges(badges: Sequence[BadgeData], label: bool = False) -> bytes:
    """The badges of a group as one document (one print job), a page each, in
    the order given; cards, or labels when `label`."""
    if not badges:
        raise ValueError("no badges to render")
    lay = layout_label if label else layout_badge
    return _render_pages([(data, lay(data)) for data in badges])


def _render(data: BadgeData, layout: Layout) -> bytes:
    return _render_pages([(data, layout)])


def _render_pages(pages: Sequence[tuple[BadgeData, Layout]]) -> bytes:
    # Badge numbers only: a PDF's metadata should not carry the visitors' names.
    numbers = [data.badge_number for data, _layout in pages]
    title = _("Kartu tamu {number}").format(
        number=numbers[0] if len(numbers) == 1 else f"{numbers[0]} … {numbers[-1]}"
    )
    first = pages[0][1]
    canvas, buffer = new_canvas((first.width, first.height), title)
    for index, (data, layout) in enumerate(pages):
        canvas.setPageSize((layout.width, layout.height))
        draw_band(canvas, layout.band)
        for block in layout.blocks:
            draw_block(canvas, block)
        # A form's name is the document's: each page's code needs its own.
        draw_qr(canvas, badge_qr_payload(data), layout.qr, f"{QR_FORM_NAME}_{index}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def draw_band(canvas: Any, band: Box) -> None:
    """A rounded band with an accent stripe along its bottom edge."""
    canvas.saveState()
    outline = canvas.beginPath()
    outline.roundRect(band.x, band.y, band.width, band.height, 1.4 * mm)
    canvas.clipPath(outline, stroke=0, fill=0)
    canvas.setFillColor(rgb(BRAND))
    canvas.rect(band.x, band.y, band.width, band.height, stroke=0, fill=1)
    canvas.setFillColor(rgb(ACCENT))
    canvas.rect(band.x, band.y, band.width, 0.7 * mm, stroke=0, fill=1)
    canvas.restoreState()


def draw_qr(canvas: Any, payload: str, box: Box, form_name: str = QR_FORM_NAME) -> None:
    """The QR code (level M) as a form XObject named `form_name` (one name per
    code on a page); the layout keeps its clear zone free.

    ReportLab's encoder makes the matrix (its mask chosen cheaply, see `_qr`); the
    dark runs of each row go into one filled path (drawing them as separate
    shapes took most of a badge's time).
    """
    modules = qr_modules(payload)
    count = len(modules)
    module = min(box.width, box.height) / count
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = box.height - (r + 1) * module
        c = 0
        for dark, run in itertools.groupby(bool(cell) for cell in row):
            length = len(list(run))
            if dark:
                path.rect(c * module, top, length * module, module)
            c += length
    canvas.beginForm(form_name)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.endForm()
    canvas.saveState()
    canvas.translate(box.x, box.y)
    canvas.doForm(form_name)
    canvas.restoreState()
