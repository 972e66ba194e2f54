"""What the tenancy documents share: the building's letterhead, the footer
("Halaman x dari y"), dates written out in Indonesian ("6 Desember 2026"),
paragraphs that mix bold and plain runs, and the table look of the A4 reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from smesco_desk.domain.foodcourt import format_npwp
from smesco_desk.i18n import _
from smesco_desk.printing.fonts import base_font, draw_text, paragraph_markup, text_width
from smesco_desk.printing.formatting import DAY_NAMES, MONTH_NAMES
from smesco_desk.printing.style import (
    ACCENT,
    BRAND,
    INK,
    MUTED,
    RULE,
    build_a4,
    draw_page_number,
    footer_rule,
    para,
    paragraph_style,
    rgb,
)
from smesco_desk.values.tenancy import Building

MARGIN = 18 * mm
TOP_MARGIN = 15 * mm
BOTTOM_MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN  # 174 mm
PAD = 1.3 * mm


def long_date(day: date) -> str:
    """'6 Desember 2026'."""
    return f"{day.day} {_(MONTH_NAMES[day.month - 1])} {day.year}"


def day_name(day: date) -> str:
    return _(DAY_NAMES[day.weekday()])


def short_date(day: date) -> str:
    """'06-12-2026', as tables print dates."""
    return f"{day:%d-%m-%Y}"


def style(size: float, bold: bool = False, color: str = INK, **extra: Any) -> ParagraphStyle:
    return paragraph_style("tenancy", size, bold, color, 1.3, **extra)


def rich(parts: Sequence[tuple[str, bool]], paragraph: ParagraphStyle) -> Paragraph:
    """A paragraph of runs, each plain or bold, a space between two runs."""
    runs = [paragraph_markup(text.strip(), bold) for text, bold in parts if text.strip()]
    return Paragraph(" ".join(runs), paragraph)


def letterhead(building: Building) -> list[Any]:
    """The building's name, address and NPWP over an accent rule."""
    lines = [para(building.name, style(14, True, BRAND), bold=True)]
    lines.append(para(building.address, style(8.5, color=MUTED)))
    if building.npwp:
        lines.append(para(f"NPWP {format_npwp(building.npwp)}", style(8.5, color=MUTED)))
    rule = Table([[""]], colWidths=[WIDTH], rowHeights=[1.2 * mm])
    rule.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1.4, rgb(ACCENT))]))
    return [*lines, rule, Spacer(1, 5 * mm)]


def title(text: str, subtitle: str = "") -> list[Any]:
    out: list[Any] = [para(text, style(15, True, BRAND, alignment=1), bold=True)]
    if subtitle:
        out.append(para(subtitle, style(9.5, color=MUTED, alignment=1)))
    return [*out, Spacer(1, 5 * mm)]


def label_table(
    pairs: Sequence[tuple[str, str]], label_width: float, width: float = WIDTH
) -> Table:
    """Label : value rows (values wrap)."""
    label, value = style(9, color=MUTED), style(9.5)
    rows = [[para(k, label), para(":", label), para(v or "–", value)] for k, v in pairs]
    table = Table(rows, colWidths=[label_width, 3 * mm, width - label_width - 3 * mm])
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0.6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    table.hAlign = "LEFT"
    return table


def table_commands() -> list[tuple[Any, ...]]:
    return [
        ("BACKGROUND", (0, 0), (-1, 0), rgb(BRAND)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.6, rgb(RULE)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, rgb(RULE)),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.4 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.4 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
    ]


def shortened(text: str, width: float, size: float) -> str:
    """The text cut with an ellipsis to fit `width` on one line."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class Footer:
    """The building and the document's name at the foot of every page, and
    "Halaman x dari y" (a lease's pages are counted, even one)."""

    def __init__(self, building: Building, document: str) -> None:
        self.building = building
        self.document = document

    def draw(self, canvas: Any, page: int, total: int) -> None:
        width, height = A4
        right = width - MARGIN
        canvas.saveState()
        canvas.setFillColor(rgb(MUTED))
        if page > 1:
            draw_text(canvas, shortened(self.document, WIDTH, 7.5), MARGIN, height - 9 * mm, 7.5)
        footer_rule(canvas, MARGIN, right, 12 * mm)
        left = shortened(f"{self.building.name} · {self.document}", WIDTH - 32 * mm, 7.5)
        draw_text(canvas, left, MARGIN, 8 * mm, 7.5)
        draw_page_number(canvas, right, 8 * mm, page, total)
        canvas.restoreState()


def build(story: Sequence[Any], building: Building, document: str, template: str) -> bytes:
    return build_a4(
        story,
        Footer(building, document).draw,
        template=template,
        title=document,
        margins=(MARGIN, TOP_MARGIN, BOTTOM_MARGIN),
        initial_font=base_font(),
    )
