"""The text of a booking block in the week grid (ui/pages/bookings/week_grid.py):
narrow and tall, so the title and the booker wrap between words when the
block has the lines for it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from smesco_desk.clock import to_wib
from ui.models.slot_model import Block


def wrapped(metrics: QFontMetrics, text: str, width: int, most: int) -> list[str]:
    """`text` in at most `most` lines of `width` pixels, broken between words
    (the last line takes the rest; it is elided when drawn)."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < most - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines.append(" ".join(words))
    return lines or [text]


def paint_week_block_text(painter: QPainter, font: QFont, block: Block, rect: QRect,
                          colour: QColor) -> None:
    """The title (bold, struck out when cancelled), the booker and the times in
    `rect` (the block's part in view), each line only where it fits whole."""
    line = QFontMetrics(font).lineSpacing()
    rect = rect.adjusted(5, 2, -4, -2)
    if rect.width() < 12 or rect.height() < line - 2:
        return
    bold = QFont(font)
    bold.setBold(True)
    bold.setStrikeOut(not block.live)
    b = block.booking
    fit = max(1, rect.height() // line)
    title = wrapped(QFontMetrics(bold), b.title, rect.width(), max(1, min(3, fit - 2)))
    booker = wrapped(QFontMetrics(font), b.payer_name, rect.width(),
                     max(1, min(2, fit - len(title) - 1)))
    times = f"{to_wib(b.starts_at):%H:%M}–{to_wib(b.ends_at):%H:%M}"
    lines = [(bold, t) for t in title] + [(font, t) for t in booker] + [(font, times)]
    painter.setPen(colour)
    y = rect.top()
    for each, text in lines[:fit]:
        painter.setFont(each)
        shown = QFontMetrics(each).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), y, rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        y += line
    painter.setFont(font)
