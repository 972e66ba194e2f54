"""What every printed document shares: the palette, paragraph styles in the
registered fonts, the PDF's canvas and its metadata, and page furniture with
"Halaman x dari y".

A page cannot say how many pages there are until the last one is laid out: the
A4 documents (cash-up report, muster list) are built on a `numbered_canvas`
that holds its pages back and draws each page's furniture once the count is
known; the receipt measures its content first (printing/receipt) and only
borrows `page_number_text`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from smesco_desk.i18n import _
from smesco_desk.printing.fonts import base_font, draw_text, paragraph_markup

# --- the palette -------------------------------------------------------------------------

BRAND = "#0B4F71"  # titles, table headers, the badge's band
ACCENT = "#F39200"  # the stripe under the badge's band
INK = "#1B1F24"  # text on A4 pages and badges
BLACK = "#000000"  # text on receipts (a thermal roll has one shade)
SECONDARY = "#4A5560"  # details on badges, muted text on receipts
MUTED = "#5F6B76"  # labels and notes on A4 pages
FAINT = "#8A949E"  # the badge's SALINAN mark
RULE = "#B8C2CC"  # table lines and the footer's rule on A4 pages
RULE_DARK = "#9AA5B1"  # the A5 receipt's footer rule
STRIPE = "#F1F4F7"  # every other row on A4 pages
STRIPE_PALE = "#F3F6F8"  # every other line on the A5 receipt
TINT = "#E8F0F5"  # totals
RED = "#C62828"  # BATAL / VOID, a shortfall
AMBER = "#B26A00"  # SEMENTARA, a surplus
GREEN = "#2E7D32"  # a drawer that matches
WHITE = "#FFFFFF"

AUTHOR = "Smesco Desk"


@lru_cache(maxsize=64)
def rgb(value: str) -> Color:
    """A palette entry ("#RRGGBB") as a ReportLab colour."""
    return HexColor(value)


# --- text --------------------------------------------------------------------------------


def paragraph_style(
    name: str, size: float, bold: bool, color: str, line_spacing: float, **extra: Any
) -> ParagraphStyle:
    """A paragraph style in the main face; leading is line_spacing x size unless given."""
    settings: dict[str, Any] = {"leading": size * line_spacing, **extra}
    return ParagraphStyle(
        name, fontName=base_font(bold), fontSize=size, textColor=rgb(color), **settings
    )


def para(text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """A paragraph whose every run is drawn in a font that has its glyphs."""
    return Paragraph(paragraph_markup(text, bold), style)


# --- canvases and documents --------------------------------------------------------------


def new_canvas(
    pagesize: tuple[float, float], title: str, *, initial_font: str | None = None
) -> tuple[Canvas, io.BytesIO]:
    """A canvas writing into a buffer, with the document's title and author.

    initial_font: a face to start with (then no unused Helvetica is left in the
    file's resources)."""
    buffer = io.BytesIO()
    extra = {} if initial_font is None else {"initialFontName": initial_font}
    canvas = Canvas(buffer, pagesize=pagesize, invariant=True, **extra)
    canvas.setTitle(title)
    canvas.setAuthor(AUTHOR)
    canvas.setCreator(AUTHOR)
    return canvas, buffer


Furniture = Callable[[Any, int, int], None]  # canvas, page number, page count


def numbered_canvas(furniture: Furniture) -> type[Canvas]:
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
                furniture(self, self.getPageNumber(), total)
                super().showPage()
            super().save()

    return NumberedCanvas


def build_a4(
    story: Sequence[Any],
    furniture: Furniture,
    *,
    template: str,
    title: str,
    margins: tuple[float, float, float],
    initial_font: str | None = None,
) -> bytes:
    """A4 portrait PDF bytes: the story in one frame, furniture drawn on every page.

    margins: left and right, top, bottom."""
    side, top, bottom = margins
    width, height = A4
    frame = Frame(
        side,
        bottom,
        width - 2 * side,
        height - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    buffer = io.BytesIO()
    extra = {} if initial_font is None else {"initialFontName": initial_font}
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[PageTemplate(template, frames=[frame])],
        title=title,
        author=AUTHOR,
        creator=AUTHOR,
        invariant=True,
        **extra,
    )
    doc.build(list(story), canvasmaker=numbered_canvas(furniture))
    return buffer.getvalue()


# --- page furniture ----------------------------------------------------------------------


def page_number_text(page: int, total: int) -> str:
    return _("Halaman {page} dari {total}").format(page=page, total=total)


def draw_page_number(canvas: Any, right: float, y: float, page: int, total: int) -> None:
    """ "Halaman x dari y", bold, ending at right."""
    canvas.setFillColor(rgb(INK))
    draw_text(canvas, page_number_text(page, total), right, y, 8, bold=True, align="right")


def footer_rule(canvas: Any, left: float, right: float, y: float, rule: str = RULE) -> None:
    """The thin line above a page's footer."""
    canvas.setStrokeColor(rgb(rule))
    canvas.setLineWidth(0.5)
    canvas.line(left, y, right, y)
