"""How the grids look: the colours of the statuses and of the grid and a
booking block's buffers (both grids, slot_view.py), and for the day grid
(day_grid.py) a block's text, the hours over the columns and the space
names; and how a grid brings a cell into view (both)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QScrollBar

from ui.models.slot_model import Block

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


def paint_header(painter: QPainter, minutes: list[int], xs: list[int],
                 edges: tuple[int, int, int], slot_width: int) -> None:
    """The hours over the columns; `edges`: the names' edge, the view's width and
    the header's height."""
    left, width, height = edges
    painter.fillRect(QRect(0, 0, width, height), HEADER_FILL)
    painter.setPen(HOUR_LINE)
    painter.drawLine(0, height - 1, width, height - 1)
    painter.save()
    painter.setClipRect(QRect(left, 0, width - left, height))
    painter.setPen(QColor("#3d4654"))
    for minute, x in zip(minutes[:-1], xs[:-1], strict=True):
        if minute % 60 == 0:
            rect = QRect(x + 4, 0, 2 * slot_width, height)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{minute // 60:02d}:00")
    painter.restore()


def bring_into_view(bar: QScrollBar, start: int, end: int, page: int, margin: int) -> None:
    """Scroll so the content from `start` to `end` is in a page with `margin` to
    spare on either side (less if the page is short); content out of view
    altogether comes to the middle, so it is not found at an edge."""
    margin = max(0, min(margin, (page - (end - start)) // 2))
    value = bar.value()
    if end <= value or start >= value + page:
        bar.setValue((start + end - page) // 2)
    elif start - margin < value:
        bar.setValue(start - margin)
    elif end + margin > value + page:
        bar.setValue(end + margin - page)


def paint_names(painter: QPainter, font: QFont, names: list[tuple[int, str, str]],
                geometry: tuple[int, int, int, int]) -> None:
    """The fixed left column: each row's space name (bold) over its detail, at
    its y; geometry is (column width, header height, row height, view height)."""
    width_all, header_height, row_height, view_height = geometry
    painter.fillRect(QRect(0, 0, width_all, view_height), HEADER_FILL)
    painter.setPen(HOUR_LINE)
    painter.drawLine(width_all - 1, 0, width_all - 1, view_height)
    painter.drawLine(0, header_height - 1, width_all, header_height - 1)
    painter.save()
    painter.setClipRect(QRect(0, header_height, width_all, view_height))
    bold = QFont(font)
    bold.setBold(True)
    metrics_bold, metrics = QFontMetrics(bold), QFontMetrics(font)
    width = width_all - 20
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    for y, name, detail in names:
        rect = QRect(12, y + 4, width, row_height - 8)
        half = rect.height() // 2
        painter.setPen(QColor("#1f2733"))
        painter.setFont(bold)
        painter.drawText(rect.adjusted(0, 0, 0, -half), left,
                         metrics_bold.elidedText(name, Qt.TextElideMode.ElideRight, width))
        painter.setPen(QColor("#5b6573"))
        painter.setFont(font)
        painter.drawText(rect.adjusted(0, half, 0, 0), left,
                         metrics.elidedText(detail, Qt.TextElideMode.ElideRight, width))
        painter.setPen(GRID_LINE)
        painter.drawLine(0, y + row_height - 1, width_all - 2, y + row_height - 1)
    painter.restore()
