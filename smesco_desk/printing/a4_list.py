"""What the A4 lists share (the attendance list of a booking, the monthly
turnover report): the margins, the page's frame (the running title from the
second page on, the building and when it was printed at the foot, "Halaman x
dari y") and the look of their tables (a brand-coloured heading row, thin
rules, the first column's numbers to the right)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from smesco_desk.i18n import _
from smesco_desk.printing.fonts import base_font, draw_text
from smesco_desk.printing.formatting import format_datetime
from smesco_desk.printing.style import (
    BRAND,
    INK,
    MUTED,
    RULE,
    build_a4,
    draw_page_number,
    footer_rule,
    rgb,
)

MARGIN = 12 * mm
TOP_MARGIN = 16 * mm
BOTTOM_MARGIN = 16 * mm
RUNNING_TITLE_LENGTH = 110  # characters; a longer one ends with "…"


def clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "\u2026"


def render_a4_list(
    story: Sequence[Any], *, template: str, title: str, building_name: str,
    generated_at: datetime,
) -> bytes:  # fmt: skip
    """A4 portrait PDF bytes; `title` is also the running title of pages 2 on."""

    def furniture(canvas: Any, page: int, total: int) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(rgb(MUTED))
        if page > 1:  # the first page has the full title block
            draw_text(canvas, clip(title, RUNNING_TITLE_LENGTH), MARGIN, height - 10 * mm, 7.5)
        footer_rule(canvas, MARGIN, width - MARGIN, 11 * mm)
        generated = _("Dicetak {time}").format(time=format_datetime(generated_at))
        draw_text(canvas, f"{building_name} · {generated}", MARGIN, 7.5 * mm, 8)
        draw_page_number(canvas, width - MARGIN, 7.5 * mm, page, total)
        canvas.restoreState()

    return build_a4(story, furniture, template=template, title=title,
                    margins=(MARGIN, TOP_MARGIN, BOTTOM_MARGIN))  # fmt: skip


def list_table_commands(font_size: float, padding: float) -> list[tuple[Any, ...]]:
    """The table commands every list shares; each adds its rules and stripes."""
    return [
        ("BACKGROUND", (0, 0), (-1, 0), rgb(BRAND)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 1), (-1, -1), base_font()),
        ("FONTSIZE", (0, 1), (-1, -1), font_size),
        ("TEXTCOLOR", (0, 1), (-1, -1), rgb(INK)),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
        ("BOX", (0, 0), (-1, -1), 0.6, rgb(RULE)),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
    ]
