"""Event badges: one CR80 card (85.6 x 54 mm) per participant, printed all at
once, ten to an A4 sheet with cut marks, or each on a card page of its own.

A badge shows the event's title, the participant's name and organisation, the
space and when the event takes place, and a QR code holding exactly the
participant's id (what the desk's scan checks them in with; nothing personal,
as on a visitor's badge). It never shows a phone number, an e-mail or a NIK:
EventBadge has no such fields.

The card is laid out as the visitor's badge is (printing._layout): a few
variants, largest text first, and the first in which nothing overlaps and
nothing leaves the 3.5 mm margin is drawn. On the sheet the cards touch, so
one cut separates two; the marks stand in the page's margin, in line with
every edge.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from smesco_desk.i18n import _
from smesco_desk.printing._layout import (
    Box,
    Layout,
    TextBlock,
    TextStyle,
    draw_block,
    layout_problems,
)
from smesco_desk.printing._layout import text_block as _text_block
from smesco_desk.printing.badge import CARD_SIZE, MARGIN, QR_CLEAR, draw_band, draw_qr
from smesco_desk.printing.fonts import fit_text
from smesco_desk.printing.formatting import format_day_date, format_time, same_wib_day
from smesco_desk.printing.style import BRAND, INK, SECONDARY, WHITE, new_canvas, rgb

COLUMNS, ROWS = 2, 5
PER_SHEET = COLUMNS * ROWS
MARK_GAP = 2 * mm  # between the cards' grid and a cut mark
MARK_LENGTH = 6 * mm


@dataclass(frozen=True)
class EventBadge:
    attendee_id: str  # UUID string; the QR code encodes exactly this
    name: str
    organisation: str  # may be ""
    event_title: str
    event_kind_label: str  # already translated, e.g. "Pelatihan" ("" for no kind)
    space_name: str
    starts_at: datetime  # aware; shown in WIB
    ends_at: datetime
    building_name: str = "SMESCO Indonesia"


def event_badge_qr_payload(badge: EventBadge) -> str:
    """What the QR code holds: exactly the participant's id, nothing personal."""
    return badge.attendee_id


def when_text(badge: EventBadge) -> str:
    return event_when(badge.starts_at, badge.ends_at)


def event_when(starts_at: datetime, ends_at: datetime) -> str:
    """'Jumat, 27 Nov 2026 · 09:00–12:00 WIB' (an event over days: both ends dated)."""
    if same_wib_day(starts_at, ends_at):
        return _("{date} · {start}–{end} WIB").format(
            date=format_day_date(starts_at), start=format_time(starts_at), end=format_time(ends_at)
        )
    return _("{start} – {end} WIB").format(
        start=f"{format_day_date(starts_at)} {format_time(starts_at)}",
        end=f"{format_day_date(ends_at)} {format_time(ends_at)}",
    )


# --- the card ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Variant:
    """One attempt at the card's layout: sizes in points, the QR code in mm."""

    qr_mm: float = 19.0
    title_lines: int = 2
    title_size: float = 10.0
    name_size: float = 16.0
    name_lines: int = 2
    org_lines: int = 2


def _variants() -> list[_Variant]:
    """Largest first: the name shrinks, then the title, then the organisation
    and the title take one line, then the QR code shrinks; last of all the name
    gets a third line (a name is what a participant is recognised by)."""
    found = [
        _Variant(qr, title_lines, title_size, name_size, 2, org_lines)
        for qr in (19.0, 17.0)
        for title_lines in (2, 1)
        for org_lines in (2, 1)
        for title_size in (10.0, 9.0, 8.0)
        for name_size in (16.0, 14.0, 12.0, 11.0, 10.0)
    ]
    found += [_Variant(17.0, 1, 8.0, size, 3, 1) for size in (10.0, 9.0)]
    return found


VARIANTS = _variants()
# What every badge of an event shares (its title, the time, the space) is
# fitted once per variant, not once per participant.
text_block = functools.lru_cache(maxsize=2048)(_text_block)


def layout_event_badge(badge: EventBadge) -> Layout:
    """The card: band, event title, name, organisation; space and time lower
    left, the QR code lower right (see _variants for what gives way first).
    The first variant in which nothing leaves the card or overlaps and nothing
    is cut wins (a title or an organisation too long for any variant may be
    cut); else the first in which the name is whole; else the first that fits."""
    must_be_whole = {"name"}
    if not _hopeless(badge.event_title, _FULL, 7.0):
        must_be_whole.add("title")
    if badge.organisation.strip() and not _hopeless(badge.organisation, _column(17.0), 6.5):
        must_be_whole.add("organisation")
    name_whole: Layout | None = None
    fallback: Layout | None = None
    for variant in VARIANTS:
        layout = _card_layout(badge, variant)
        if layout_problems(layout, QR_CLEAR):
            continue
        cut = {b.role for b in layout.blocks if b.fit.truncated}
        if not cut & must_be_whole:
            return layout
        if "name" not in cut:
            name_whole = name_whole or layout
        fallback = fallback or layout
    return name_whole or fallback or _card_layout(badge, VARIANTS[-1])


_PAD = 2.2 * mm
_LEFT = MARGIN + _PAD
_RIGHT = CARD_SIZE[0] - MARGIN - _PAD
_FULL = _RIGHT - _LEFT


def _column(qr_mm: float) -> float:
    """The width beside the QR code."""
    return float(_RIGHT - qr_mm * mm - QR_CLEAR - 0.6 * mm - _LEFT)


def _hopeless(text: str, width: float, min_size: float) -> bool:
    """Cut even on two lines at its smallest size."""
    return fit_text(text, width, min_size, min_size, True, max_lines=2).truncated


def _card_layout(badge: EventBadge, variant: _Variant) -> Layout:
    width, height = CARD_SIZE
    band = Box(MARGIN, height - MARGIN - 7.5 * mm, width - 2 * MARGIN, 7.5 * mm)
    left = _LEFT
    qr_size = variant.qr_mm * mm
    bottom = MARGIN + 0.8 * mm
    qr = Box(_RIGHT - qr_size, bottom, qr_size, qr_size)
    column = _column(variant.qr_mm)

    blocks = _band_blocks(badge, band, _PAD)
    title_style = TextStyle(variant.title_size, 7, BRAND, bold=True, max_lines=variant.title_lines)
    title = text_block(
        "title", badge.event_title, title_style, x=left, max_width=_FULL, top=band.y - 1.6 * mm
    )
    blocks.append(title)
    name_style = TextStyle(
        variant.name_size,
        min(9, variant.name_size),
        INK,
        bold=True,
        max_lines=variant.name_lines,
        leading=1.08,
    )
    name = text_block(
        "name",
        badge.name,
        name_style,
        x=left,
        max_width=_beside_qr(title, qr, _FULL, column),
        top=title.box.y - 1.0 * mm,
    )
    blocks.append(name)
    if badge.organisation.strip():
        org_style = TextStyle(8.5, 6.5, SECONDARY, max_lines=variant.org_lines)
        org = text_block(
            "organisation",
            badge.organisation,
            org_style,
            x=left,
            max_width=column,
            top=name.box.y - 0.4 * mm,
        )
        blocks.append(org)
    blocks += _lower_blocks(badge, left, bottom, column)
    return Layout(width, height, MARGIN, band, qr, tuple(blocks))


def _beside_qr(title: TextBlock, qr: Box, full: float, column: float) -> float:
    """The name may run over the QR code's column only while it stays above it."""
    room_above_qr = title.box.y - 1.0 * mm - (qr.top + QR_CLEAR)
    return full if room_above_qr >= 12 * mm else column


def _lower_blocks(badge: EventBadge, left: float, bottom: float, column: float) -> list[TextBlock]:
    """When on the bottom line, where above it."""
    when = text_block(
        "when",
        when_text(badge),
        TextStyle(7, 5.5, INK, bold=True, max_lines=2),
        x=left,
        max_width=column,
        bottom=bottom,
    )
    where = text_block(
        "where",
        badge.space_name,
        TextStyle(7.5, 6, SECONDARY, max_lines=1),
        x=left,
        max_width=column,
        bottom=when.box.top + 0.3 * mm,
    )
    return [when, where]


def _band_blocks(badge: EventBadge, band: Box, pad: float) -> list[TextBlock]:
    """The building on the left; PESERTA (and the event's kind) on the right."""
    role = _("PESERTA")
    if badge.event_kind_label:
        role = f"{role} · {badge.event_kind_label.upper()}"
    role_style = TextStyle(8.5, 6, WHITE, bold=True, align="right")
    participant = text_block(
        "visitor", role, role_style, x=band.right - pad, max_width=band.width * 0.55
    )
    building = text_block(
        "building",
        badge.building_name,
        TextStyle(8, 5.5, WHITE, bold=True),
        x=band.x + pad,
        max_width=band.width - 2 * pad - participant.fit.width - 3 * mm,
    )
    middle = band.y + band.height / 2 + 0.35 * mm
    return [block.moved_to(middle - 0.36 * block.fit.size) for block in (building, participant)]


# --- drawing -------------------------------------------------------------------------


def render_event_badge_cards(badges: Sequence[EventBadge], title: str) -> bytes:
    """One CR80 card page per participant, as PDF bytes."""
    canvas, buffer = new_canvas(CARD_SIZE, title)
    for index, badge in enumerate(badges):
        _draw_card(canvas, badge, layout_event_badge(badge), index)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_event_badge_sheet(badges: Sequence[EventBadge], title: str) -> bytes:
    """A4 portrait pages of ten cards each (two across, five down) with cut marks."""
    canvas, buffer = new_canvas(A4, title)
    for first in range(0, len(badges), PER_SHEET):
        page = badges[first : first + PER_SHEET]
        for slot, badge in enumerate(page):
            x, y = sheet_slot(slot)
            canvas.saveState()
            canvas.translate(x, y)
            _draw_card(canvas, badge, layout_event_badge(badge), first + slot)
            canvas.restoreState()
        _draw_cut_marks(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def sheet_origin() -> tuple[float, float]:
    """The lower left corner of the cards' grid, centred on the A4 page."""
    card_w, card_h = CARD_SIZE
    return (A4[0] - COLUMNS * card_w) / 2, (A4[1] - ROWS * card_h) / 2


def sheet_slot(slot: int) -> tuple[float, float]:
    """The lower left corner of card `slot` (0-9, left to right, top to bottom)."""
    card_w, card_h = CARD_SIZE
    x0, y0 = sheet_origin()
    column, row = slot % COLUMNS, slot // COLUMNS
    return x0 + column * card_w, y0 + (ROWS - 1 - row) * card_h


def _draw_card(canvas: Any, badge: EventBadge, layout: Layout, index: int) -> None:
    draw_band(canvas, layout.band)
    for block in layout.blocks:
        draw_block(canvas, block)
    draw_qr(canvas, event_badge_qr_payload(badge), layout.qr, form_name=f"attendee_qr_{index}")


def _draw_cut_marks(canvas: Any) -> None:
    """Short lines in the margin, in line with each column's and row's edges."""
    card_w, card_h = CARD_SIZE
    x0, y0 = sheet_origin()
    x1, y1 = x0 + COLUMNS * card_w, y0 + ROWS * card_h
    canvas.saveState()
    canvas.setStrokeColor(rgb(INK))
    canvas.setLineWidth(0.3)
    for column in range(COLUMNS + 1):
        x = x0 + column * card_w
        canvas.line(x, y1 + MARK_GAP, x, y1 + MARK_GAP + MARK_LENGTH)
        canvas.line(x, y0 - MARK_GAP, x, y0 - MARK_GAP - MARK_LENGTH)
    for row in range(ROWS + 1):
        y = y0 + row * card_h
        canvas.line(x0 - MARK_GAP - MARK_LENGTH, y, x0 - MARK_GAP, y)
        canvas.line(x1 + MARK_GAP, y, x1 + MARK_GAP + MARK_LENGTH, y)
    canvas.restoreState()
