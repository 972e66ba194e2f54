"""The receipt's layout engine: blocks measured when they are added, drawn afterwards.

A `Flow` stacks blocks (text, rows of cells, rules, boxes, flows side by side)
top down and knows its height before anything is drawn; `paginate` puts a
flow's blocks on pages, keeping glued blocks together and repeating a table's
header on a page that starts with one of its rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm

from smesco_desk.printing import _fit
from smesco_desk.printing._layout import ASCENT, DESCENT
from smesco_desk.printing.fonts import Align, clean_text, draw_text, fit_text, text_width
from smesco_desk.printing.style import BLACK, WHITE, rgb

LEADING = 1.22  # baseline to baseline, as a fraction of the font size
ANCHOR = {"left": 0.0, "center": 0.5, "right": 1.0}


def lines_height(count: int, size: float) -> float:
    """From the top of the first line to the bottom of the last."""
    return (ASCENT + DESCENT + (count - 1) * LEADING) * size if count else 0.0


def wrap(text: str, width: float, size: float, bold: bool = False, mono: bool = False) -> list[str]:
    """Lines no wider than width, broken at spaces (a word too long for a line is cut)."""
    text = clean_text(text)
    if not text or text_width(text, size, bold, mono) <= width:
        return [text] if text else []
    tokens, joiner = _fit.tokens(text)
    return _fit.greedy(tokens, joiner, width, 10_000, lambda s: text_width(s, size, bold, mono))


# --- measure first, draw afterwards ----------------------------------------------------

Draw = Callable[[Any, float, float], None]  # canvas, left, top


@dataclass(frozen=True)
class Item:
    height: float
    draw: Draw
    table_row: bool = False  # a page break before it repeats the table header
    keep_with_next: bool = False


@dataclass(frozen=True)
class Cell:
    text: str
    x: float  # from the flow's left edge
    width: float
    align: Align = "left"
    bold: bool = False
    color: str = BLACK
    mono: bool = False
    size: float | None = None  # None: the row's size


class Flow:
    """Blocks stacked top down, each measured when it is added."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.items: list[Item] = []

    @property
    def height(self) -> float:
        return sum(item.height for item in self.items)

    def add(self, height: float, draw: Draw, **flags: bool) -> None:
        self.items.append(Item(height, draw, **flags))

    def space(self, height: float) -> None:
        self.add(height, lambda canvas, left, top: None)

    def row(
        self,
        cells: Sequence[Cell],
        size: float,
        *,
        pad: float | tuple[float, float] = 0.0,
        fill: str | None = None,
        **flags: bool,
    ) -> None:
        """Cells side by side, each wrapped in its own width, their first baselines level."""
        above, below = pad if isinstance(pad, tuple) else (pad, pad)
        sizes = [cell.size or size for cell in cells]
        wrapped = [
            wrap(c.text, c.width, s, c.bold, c.mono) for c, s in zip(cells, sizes, strict=True)
        ]
        first = ASCENT * max(sizes)  # the tallest cell's first line sets the baseline
        depth = max(
            lines_height(len(lines), s) - ASCENT * s
            for lines, s in zip(wrapped, sizes, strict=True)
        )
        height = above + first + max(depth, 0.0) + below

        def draw(canvas: Any, left: float, top: float) -> None:
            if fill:
                canvas.setFillColor(rgb(fill))
                canvas.rect(left, top - height, self.width, height, stroke=0, fill=1)
            baseline = top - above - first
            for cell, lines, s in zip(cells, wrapped, sizes, strict=True):
                x = left + cell.x + ANCHOR[cell.align] * cell.width
                canvas.setFillColor(rgb(cell.color))
                for index, line in enumerate(lines):
                    y = baseline - index * s * LEADING
                    draw_text(canvas, line, x, y, s, cell.bold, cell.align, cell.mono)

        self.add(height, draw, **flags)

    def text(self, text: str, size: float, *, indent: float = 0.0, **style: Any) -> None:
        self.row([Cell(text, indent, self.width - indent, **style)], size)

    def fitted(
        self,
        text: str,
        size: float,
        min_size: float,
        max_lines: int,
        *,
        align: Align = "left",
        bold: bool = False,
        color: str = BLACK,
        mono: bool = False,
    ) -> None:
        """Shrink down to min_size on one line first; only then wrap (at spaces)."""
        fit = fit_text(text, self.width, size, min_size, bold, max_lines=max_lines, mono=mono)
        x = ANCHOR[align] * self.width

        def draw(canvas: Any, left: float, top: float) -> None:
            canvas.setFillColor(rgb(color))
            for index, line in enumerate(fit.lines):
                y = top - (ASCENT + index * LEADING) * fit.size
                draw_text(canvas, line, left + x, y, fit.size, bold, align, mono)

        self.add(lines_height(len(fit.lines), fit.size), draw)

    def pair(
        self, label: str, value: str, size: float, *, indent: float = 0.0, **style: Any
    ) -> None:
        """A label on the left (wrapping) and a value on the right (an amount)."""
        value_width = min(text_width(value, size, style.get("bold", False)), self.width * 0.62)
        label_width = self.width - indent - value_width - 2 * mm
        cells = [
            Cell(label, indent, label_width, **style),
            Cell(value, self.width - value_width, value_width, "right", **style),
        ]
        self.row(cells, size)

    def rule(
        self,
        *,
        dashed: bool = False,
        weight: float = 0.5,
        pad: float = 1.4 * mm,
        color: str = BLACK,
        **flags: bool,
    ) -> None:
        def draw(canvas: Any, left: float, top: float) -> None:
            canvas.saveState()
            canvas.setStrokeColor(rgb(color))
            canvas.setLineWidth(weight)
            if dashed:
                canvas.setDash(2, 1.5)
            canvas.line(left, top - pad, left + self.width, top - pad)
            canvas.restoreState()

        self.add(2 * pad, draw, **flags)

    def columns(self, parts: Sequence[tuple[float, Flow]], **flags: bool) -> None:
        """Flows side by side (x from the left edge), as one block."""
        height = max(flow.height for _, flow in parts)

        def draw(canvas: Any, left: float, top: float) -> None:
            for x, flow in parts:
                flow.draw(canvas, left + x, top)

        self.add(height, draw, **flags)

    def box(
        self,
        inner: Flow,
        pad: float,
        *,
        x: float = 0.0,
        stroke: str | None = None,
        weight: float = 1.0,
        dashed: bool = False,
        fill: str | None = None,
    ) -> None:
        """inner (pad narrower than the box on each side) in a box at x."""
        width, height = inner.width + 2 * pad, inner.height + 2 * pad

        def draw(canvas: Any, left: float, top: float) -> None:
            canvas.saveState()
            canvas.setLineWidth(weight)
            canvas.setStrokeColor(rgb(stroke or BLACK))
            canvas.setFillColor(rgb(fill or WHITE))
            if dashed:
                canvas.setDash(3, 2)
            inset = weight / 2 if stroke else 0.0
            box = (left + x + inset, top - height + inset, width - 2 * inset, height - 2 * inset)
            canvas.rect(*box, stroke=int(stroke is not None), fill=int(fill is not None))
            canvas.restoreState()
            inner.draw(canvas, left + x + pad, top - pad)

        self.add(height, draw)

    def draw(self, canvas: Any, left: float, top: float) -> None:
        for item in self.items:
            item.draw(canvas, left, top)
            top -= item.height


def paginate(items: Sequence[Item], first: float, later: float, header: Item) -> list[list[Item]]:
    """Items on pages; a table row that starts a page gets the table header first."""
    pages: list[list[Item]] = [[]]
    room = first
    for index, item in enumerate(items):
        need, follower = item.height, index
        while items[follower].keep_with_next and follower + 1 < len(items):
            follower += 1
            need += items[follower].height
        glued = index > 0 and items[index - 1].keep_with_next
        if need > room and pages[-1] and not glued:
            pages.append([])
            room = later
            if item.table_row:
                pages[-1].append(header)
                room -= header.height
        pages[-1].append(item)
        room -= item.height
    return pages
