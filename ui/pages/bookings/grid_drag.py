"""Dragging a booking block in the day grid: the whole block moves it (to
another time, or another space's row), its left or right edge resizes it.
Times snap to a quarter hour; the ghost shows where it would go. The grid
(day_grid) feeds the mouse in and asks for the move on release; nothing is
saved here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from smesco_desk.domain.bookings import BookingStatus
from ui.models.slot_model import SLOT_MINUTES, Block
from ui.pages.bookings.grid_style import STATUS_COLOURS

SNAP_MINUTES = 15  # a quarter of an hour: half a column
EDGE_PIXELS = 6  # this near a block's end, the press resizes it
MOVE, RESIZE_START, RESIZE_END = "move", "start", "end"
MOVABLE = frozenset({BookingStatus.CONFIRMED, BookingStatus.PROVISIONAL, BookingStatus.CONFLICT})


def movable(block: Block) -> bool:
    """Whether the block may be dragged (a checked-in, cancelled or released booking not)."""
    return block.booking.status in MOVABLE


def mode_at(left: int, right: int, x: int) -> str:
    """What a press at `x` on a block body spanning [left, right] does."""
    edge = min(EDGE_PIXELS, max(2, (right - left) // 4))
    if x <= left + edge:
        return RESIZE_START
    if x >= right - edge:
        return RESIZE_END
    return MOVE


def snap(minute: float) -> int:
    return int(round(minute / SNAP_MINUTES)) * SNAP_MINUTES


@dataclass
class BlockDrag:
    """A press on a block, and where the ghost is (minutes after the day's midnight)."""

    block: Block
    row: int  # the row pressed on
    mode: str
    press_x: int
    press_y: int
    target_row: int = -1
    starts: int = 0
    ends: int = 0
    active: bool = False  # moved past the drag distance: a drag, not a click

    def __post_init__(self) -> None:
        self.target_row, self.starts, self.ends = self.row, self.block.starts, self.block.ends

    def follow(self, x: int, row: int | None, slot_width: int) -> None:
        """The mouse at `x` (over `row`, None when off the rows): the ghost follows."""
        delta = (x - self.press_x) * SLOT_MINUTES / max(1, slot_width)
        b = self.block
        if self.mode == MOVE:
            self.starts = snap(b.starts + delta)
            self.ends = self.starts + (b.ends - b.starts)
            if row is not None:
                self.target_row = row
        elif self.mode == RESIZE_START:
            self.starts = min(snap(b.starts + delta), b.ends - SNAP_MINUTES)
        else:
            self.ends = max(snap(b.ends + delta), b.starts + SNAP_MINUTES)

    def times(self, midnight: datetime) -> tuple[datetime, datetime]:
        """The ghost's start and end, from the shown day's midnight (WIB)."""
        return midnight + timedelta(minutes=self.starts), midnight + timedelta(minutes=self.ends)

    def changed(self) -> bool:
        b = self.block
        return (self.target_row, self.starts, self.ends) != (self.row, b.starts, b.ends)


def cursor_for(mode: str | None, *, dragging: bool) -> Qt.CursorShape:
    """The mouse cursor over a block (mode None: not a block that moves)."""
    if mode is None:
        return Qt.CursorShape.ArrowCursor
    if mode != MOVE:
        return Qt.CursorShape.SizeHorCursor
    return Qt.CursorShape.ClosedHandCursor if dragging else Qt.CursorShape.OpenHandCursor


def paint_ghost(
    painter: QPainter,
    font: QFont,
    drag: BlockDrag,
    x_of: Callable[[int], int],
    top: int,
    height: int,
) -> None:
    """Where the block would go (`x_of`: the grid's x of a minute of the day): its
    colour, see-through, a dashed border and the times."""
    left, right = x_of(drag.starts), x_of(drag.ends)
    rect = QRect(left + 1, top, max(2, right - left - 2), height)
    fill, border, text = STATUS_COLOURS.get(drag.block.booking.status, STATUS_COLOURS["confirmed"])
    colour = QColor(fill)
    colour.setAlpha(170)
    pen = QPen(QColor(border), 2, Qt.PenStyle.DashLine)
    painter.save()
    painter.setPen(pen)
    painter.setBrush(colour)
    painter.drawRoundedRect(rect, 4, 4)
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor(text))
    painter.drawText(
        rect.adjusted(6, 0, -4, 0),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        f"{clock_text(drag.starts)}–{clock_text(drag.ends)}",
    )
    painter.restore()


def clock_text(minute: int) -> str:
    """HH:MM of minutes after midnight (past midnight: the next day's time)."""
    minute %= 24 * 60
    return f"{minute // 60:02d}:{minute % 60:02d}"
