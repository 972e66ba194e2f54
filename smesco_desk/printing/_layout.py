"""Boxes and fitted text blocks for fixed-layout documents (badges, labels).

A layout is computed first, as plain values, and drawn afterwards: the layout
code can try a few variants and keep the first without problems, and tests can
check that every block stays inside the margins and that nothing overlaps,
without drawing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.units import mm

from smesco_desk.printing.fonts import Align, FittedText, draw_text, fit_text
from smesco_desk.printing.style import rgb

# Extent of a line around its baseline, as a fraction of the font size. Taller
# than the cap height so that stacked Vietnamese diacritics have room.
ASCENT = 0.95
DESCENT = 0.25


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    def grown(self, by: float) -> Box:
        return Box(self.x - by, self.y - by, self.width + 2 * by, self.height + 2 * by)

    def contains(self, other: Box, tolerance: float = 0.01) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.top <= self.top + tolerance
        )

    def overlaps(self, other: Box) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.top
            and other.y < self.top
        )


@dataclass(frozen=True)
class TextStyle:
    size: float  # the largest size
    min_size: float  # the smallest, before wrapping or cutting (see fonts.fit_text)
    color: str
    bold: bool = False
    mono: bool = False
    align: Align = "left"
    max_lines: int = 1
    leading: float = 1.12


@dataclass(frozen=True)
class TextBlock:
    """Fitted text anchored at x (left edge, centre or right edge, per style)."""

    role: str
    fit: FittedText
    x: float
    baseline: float  # of the first line
    max_width: float
    style: TextStyle

    @property
    def box(self) -> Box:
        width = self.fit.width
        left = self.x - {"left": 0.0, "center": width / 2, "right": width}[self.style.align]
        top = self.baseline + ASCENT * self.fit.size
        bottom = self.baseline - self.fit.height - DESCENT * self.fit.size
        return Box(left, bottom, width, top - bottom)

    def moved_to(self, baseline: float) -> TextBlock:
        return replace(self, baseline=baseline)


def text_block(
    role: str,
    text: str,
    style: TextStyle,
    *,
    x: float,
    max_width: float,
    top: float | None = None,
    bottom: float | None = None,
) -> TextBlock:
    """Fit text and place it so that its box starts at `top` or ends at `bottom`."""
    fit = fit_text(
        text,
        max_width,
        style.size,
        style.min_size,
        style.bold,
        max_lines=style.max_lines,
        leading=style.leading,
        mono=style.mono,
    )
    if top is not None:
        baseline = top - ASCENT * fit.size
    elif bottom is not None:
        baseline = bottom + DESCENT * fit.size + fit.height
    else:
        baseline = 0.0
    return TextBlock(role, fit, x, baseline, max_width, style)


def draw_block(canvas: Any, block: TextBlock) -> None:
    style = block.style
    canvas.setFillColor(rgb(style.color))
    for index, line in enumerate(block.fit.lines):
        y = block.baseline - index * block.fit.leading
        draw_text(canvas, line, block.x, y, block.fit.size, style.bold, style.align, style.mono)


@dataclass(frozen=True)
class Layout:
    """Where everything goes on one page (points, origin bottom left)."""

    width: float
    height: float
    margin: float
    band: Box  # the coloured header; blocks with roles in `in_band` sit on it
    qr: Box
    blocks: tuple[TextBlock, ...]
    in_band: frozenset[str] = frozenset({"building", "visitor"})

    @property
    def safe_area(self) -> Box:
        return Box(
            self.margin, self.margin, self.width - 2 * self.margin, self.height - 2 * self.margin
        )

    def block(self, role: str) -> TextBlock | None:
        return next((b for b in self.blocks if b.role == role), None)


def layout_problems(layout: Layout, qr_clear: float = 2.5 * mm) -> list[str]:
    """What is wrong: anything off the safe area, overlaps, text in the QR's clear zone."""
    problems = [
        f"{role} outside the safe area"
        for role, box in [(b.role, b.box) for b in layout.blocks] + [("qr", layout.qr)]
        if not layout.safe_area.contains(box)
    ]
    problems += [
        f"{b.role} outside the band"
        for b in layout.blocks
        if b.role in layout.in_band and not layout.band.contains(b.box)
    ]
    body = [(b.role, b.box) for b in layout.blocks if b.role not in layout.in_band]
    quiet_zone = layout.qr.grown(qr_clear)
    for index, (role, box) in enumerate(body):
        if box.overlaps(layout.band) or box.overlaps(quiet_zone):
            problems.append(f"{role} overlaps the band or the QR code")
        problems += [f"{role} overlaps {other}" for other, o in body[:index] if box.overlaps(o)]
    return problems
