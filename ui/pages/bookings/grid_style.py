"""How the day grid looks: the colours of the statuses and of the grid, and a
booking block's buffers and text (ui/pages/bookings/day_grid.py paints)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter

from ui.models.bookings_model import Block

# (fill, border, text) by status
STATUS_COLOURS = {
    "provisional": ("#fdebc8", "#c98a0b", "#5c3d00"),
    "confirmed": ("#d6e6ff", "#2f6fd6", "#11325f"),
    "checked_in": ("#d3f0dc", "#2e8b57", "#10402a"),
    "cancelled": ("#eef0f3", "#a7b0bc", "#77808c"),
    "released": ("#eef0f3", "#a7b0bc", "#77808c"),
    "conflict": ("#fbd9d5", "#b42318", "#6b120b"),
}
GRID_LINE = QColor("#e3e7ed")
HOUR_LINE = QColor("#c5ccd6")
CLOSED_FILL = QColor("#f1f3f6")
HEADER_FILL = QColor("#f7f8fa")
SELECTION_FILL = QColor(47, 111, 214, 60)
CURSOR_PEN = QColor("#2f6fd6")
NOW_PEN = QColor("#d92d20")


def paint_buffer(painter: QPainter, rect: QRect, colour: str) -> None:
    """A setup or cleanup buffer: stripes in the status's colour."""
    if rect.width() <= 0:
        return
    tint = QColor(colour)
    tint.setAlpha(90)
    painter.fillRect(rect, QBrush(tint, Qt.BrushStyle.BDiagPattern))


def paint_block_text(painter: QPainter, font: QFont, block: Block, rect: QRect,
                     colour: QColor) -> None:
    """The title (bold, struck out when cancelled) over the booker, in `rect`: the
    block's part in view, so the text stays readable while a long block scrolls."""
    rect = rect.adjusted(6, 3, -4, -3)
    if rect.width() < 12:
        return
    bold = QFont(font)
    bold.setBold(True)
    bold.setStrikeOut(not block.live)
    metrics_bold, metrics = QFontMetrics(bold), QFontMetrics(font)
    half = rect.height() // 2
    painter.setPen(colour)
    painter.setFont(bold)
    title = metrics_bold.elidedText(block.booking.title, Qt.TextElideMode.ElideRight,
                                    rect.width())
    painter.drawText(rect.adjusted(0, 0, 0, -half), Qt.AlignmentFlag.AlignLeft
                     | Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(font)
    booker = metrics.elidedText(block.booking.payer_name, Qt.TextElideMode.ElideRight,
                                rect.width())
    painter.drawText(rect.adjusted(0, half, 0, 0), Qt.AlignmentFlag.AlignLeft
                     | Qt.AlignmentFlag.AlignVCenter, booker)
