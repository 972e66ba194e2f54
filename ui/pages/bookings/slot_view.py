"""How the day grid and the week grid are laid out and painted: a custom-painted
scroll area over a `SlotBookingsModel` (ui/models/slot_model.py), lanes of
30-minute slots with the bookings as blocks. (What a press, a key or the
cursor does is ui/pages/bookings/slot_grid.py, the grids' base.)

The time axis runs across (`TIME_AXIS` horizontal: the day grid, a lane is a
space's row) or down (vertical: the week grid, a lane is a day's column). A
fixed left column (`gutter` wide) and a fixed header (`header_height` high)
stay while the slots scroll under them; each paint draws only the lanes and
slots in view, and of a lane's blocks only those crossing the view: the
closed hours, the grid lines, the blocks with their buffers. A grid measures
itself (`_measure`: `gutter`, `header_height`, `slot_size`; `lane_size()`)
and paints a block's text, the labels in the fixed column and the header,
and its own marks (the now-line). Inside, a cell is (lane, slot); the model
and the grids' callers speak of its (row, column).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QWidget

from ui.models.slot_model import SLOT_MINUTES, Block, SlotBookingsModel
from ui.pages.bookings.grid_style import (
    CLOSED_FILL,
    GRID_LINE,
    HOUR_LINE,
    STATUS_COLOURS,
    bring_into_view,
    paint_buffer,
)


class SlotView(QAbstractScrollArea):
    TIME_AXIS: ClassVar[Qt.Orientation] = Qt.Orientation.Horizontal
    LANE_LINE: ClassVar[QColor] = GRID_LINE  # the line between two lanes
    BLOCK_INSET: ClassVar[tuple[int, int]] = (4, 9)  # a block's offset in its lane, width less

    gutter: int  # the fixed left column's width
    header_height: int
    slot_size: int  # a slot's length along the time axis

    def __init__(
        self, model: SlotBookingsModel, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._now = now
        self._across = self.TIME_AXIS is Qt.Orientation.Horizontal  # time runs across
        self._measure()
        # the bars, and where the content starts: along the time axis, along the lanes
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        left, top = self.gutter, self.header_height
        self._bars = (h, v) if self._across else (v, h)
        self._origin = (left, top) if self._across else (top, left)
        self._clock = QTimer(self, interval=60_000)
        self._clock.timeout.connect(self.viewport().update)
        self._clock.start()

    # --- for a grid ----------------------------------------------------------------------------

    def _measure(self) -> None:  # pragma: no cover - each grid measures itself
        raise NotImplementedError

    def lane_size(self) -> int:  # pragma: no cover
        raise NotImplementedError

    def _paint_block_text(
        self, painter: QPainter, block: Block, rect: QRect, colour: QColor
    ) -> None:  # pragma: no cover
        raise NotImplementedError

    def _paint_selection(self, painter: QPainter) -> None:
        """Over the grid lines, under the blocks."""

    def _paint_marks(self, painter: QPainter, content: QRect) -> None:
        """Over the blocks (the now-line, the cursor)."""

    def _paint_time_labels(
        self, painter: QPainter, minutes: list[int], ts: list[int], view: QRect
    ) -> None:  # pragma: no cover
        raise NotImplementedError

    def _paint_lane_labels(
        self, painter: QPainter, lanes: range, view: QRect
    ) -> None:  # pragma: no cover
        raise NotImplementedError

    # --- geometry --------------------------------------------------------------------------

    def _time_bar(self) -> QScrollBar:
        return self._bars[0]

    def _lane_bar(self) -> QScrollBar:
        return self._bars[1]

    def _origins(self) -> tuple[int, int]:
        """Where the content starts along the time axis and along the lanes."""
        return self._origin

    def _pages(self) -> tuple[int, int]:
        """How much of the content the view shows along the time axis and the lanes."""
        view = self.viewport().size()
        across = max(0, view.width() - self.gutter)
        down = max(0, view.height() - self.header_height)
        return (across, down) if self._across else (down, across)

    def _extents(self, view: QRect) -> tuple[int, int]:
        """The view's width and height as (along the time, along the lanes)."""
        return (view.width(), view.height()) if self._across else (view.height(), view.width())

    def _along(self, pos: QPoint) -> tuple[int, int]:
        """A point as (its place on the time axis, on the lane axis)."""
        return (pos.x(), pos.y()) if self._across else (pos.y(), pos.x())

    def _rect(self, t: int, length: int, lane_at: int, breadth: int) -> QRect:
        if self._across:
            return QRect(t, lane_at, length, breadth)
        return QRect(lane_at, t, breadth, length)

    def _cell(self, lane: int, slot: int) -> QRect:
        return self._rect(
            self.time_pos(self._model.slot_minute(slot)),
            self.slot_size,
            self.lane_pos(lane),
            self.lane_size(),
        )

    def _cell_of(self, row: int, column: int) -> tuple[int, int]:
        """A model cell as (lane, slot); and back again, as (lane, slot) are symmetric."""
        return (row, column) if self._across else (column, row)

    def _point(self, t: int, lane_at: int) -> QPoint:
        return QPoint(t, lane_at) if self._across else QPoint(lane_at, t)

    def _update_scrollbars(self) -> None:
        page_t, page_l = self._pages()
        time = (self._model.slot_count() * self.slot_size, page_t, self.slot_size)
        lanes = (self._model.lane_count() * self.lane_size(), page_l, self.lane_size())
        across, down = (time, lanes) if self._across else (lanes, time)
        for bar, (length, page, step) in (
            (self.horizontalScrollBar(), across),
            (self.verticalScrollBar(), down),
        ):
            bar.setRange(0, max(0, length - page))
            bar.setPageStep(page)
            bar.setSingleStep(step)

    def time_pos(self, minute: int) -> int:
        """Where a time of the day (minutes after midnight) is along the time axis."""
        offset = (minute - self._model.first_minute()) * self.slot_size // SLOT_MINUTES
        return self._origin[0] + offset - self._bars[0].value()

    def lane_pos(self, lane: int) -> int:
        """Where a lane starts along the lane axis."""
        return self._origin[1] + lane * self.lane_size() - self._bars[1].value()

    def cell_rect(self, row: int, column: int) -> QRect:
        return self._cell(*self._cell_of(row, column))

    def _lane_slot_at(self, pos: QPoint) -> tuple[int, int] | None:
        if pos.x() < self.gutter or pos.y() < self.header_height:
            return None
        (t, at), (t0, l0) = self._along(pos), self._origins()
        slot = (t - t0 + self._time_bar().value()) // self.slot_size
        lane = (at - l0 + self._lane_bar().value()) // self.lane_size()
        if 0 <= lane < self._model.lane_count() and 0 <= slot < self._model.slot_count():
            return lane, slot
        return None

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        """The model cell (row, column) under a viewport point, None: none."""
        found = self._lane_slot_at(pos)
        return None if found is None else self._cell_of(*found)

    def ensure_visible(self, row: int, column: int, last: int | None = None) -> None:
        """Scroll so the cells of a lane from this one to the slot `last` (or the
        one cell) are in view with a slot to spare on either side; a cell far out
        of view comes to the middle."""
        lane, slot = self._cell_of(row, column)
        self._bring(lane, slot, slot if last is None else max(slot, last))

    def _bring(self, lane: int, first: int, last: int) -> None:
        page_t, page_l = self._pages()
        start, end = first * self.slot_size, (last + 1) * self.slot_size
        end = min(end, start + page_t)  # a block longer than the view: its start shows
        bring_into_view(self._time_bar(), start, end, page_t, self.slot_size)
        top = lane * self.lane_size()
        bring_into_view(self._lane_bar(), top, top + self.lane_size(), page_l, 0)

    def scroll_to_minute(self, minute: int) -> None:
        """Bring a time of the day near the start of the view (an hour before it in view)."""
        offset = (minute - 60 - self._model.first_minute()) * self.slot_size // SLOT_MINUTES
        self._time_bar().setValue(max(0, offset))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        self.viewport().update()

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        view = self.viewport().rect()
        painter.fillRect(event.rect(), Qt.GlobalColor.white)
        page_t, page_l = self._pages()
        lanes = self._visible(self._lane_bar(), self.lane_size(), page_l, self._model.lane_count())
        slots = self._visible(self._time_bar(), self.slot_size, page_t, self._model.slot_count())
        content = QRect(
            self.gutter,
            self.header_height,
            view.width() - self.gutter,
            view.height() - self.header_height,
        )
        painter.save()
        painter.setClipRect(content)
        minutes = [self._model.slot_minute(s) for s in (*slots, slots.stop)]
        ts = [self.time_pos(m) for m in minutes]
        for lane in lanes:
            self._paint_closed(painter, lane, ts)
        self._paint_lines(painter, lanes, minutes, ts, view)
        self._paint_selection(painter)
        for lane in lanes:
            self._paint_blocks(painter, lane, content)
        self._paint_marks(painter, content)
        painter.restore()
        self._paint_time_labels(painter, minutes, ts, view)
        self._paint_lane_labels(painter, lanes, view)

    @staticmethod
    def _visible(bar: QScrollBar, size: int, page: int, count: int) -> range:
        start = bar.value()
        first = max(0, start // size)
        last = (start + page) // size
        return range(first, min(count, last + 1))

    def _paint_closed(self, painter: QPainter, lane: int, ts: list[int]) -> None:
        """A lane's closed hours in the slots in view (`ts`: where they start, and
        where the last ends)."""
        if len(ts) < 2:
            return
        start, end = ts[0], ts[-1]
        at, breadth = self.lane_pos(lane), self.lane_size()
        span = self._model.opening(lane)
        if span is None:
            painter.fillRect(self._rect(start, end - start, at, breadth), CLOSED_FILL)
            return
        opens, closes = self.time_pos(span[0]), self.time_pos(span[1])
        if opens > start:
            painter.fillRect(self._rect(start, opens - start, at, breadth), CLOSED_FILL)
        if closes < end:
            painter.fillRect(self._rect(closes, end - closes, at, breadth), CLOSED_FILL)

    def _paint_lines(
        self, painter: QPainter, lanes: range, minutes: list[int], ts: list[int], view: QRect
    ) -> None:
        """The slot lines (darker on the hour) and the lines between the lanes."""
        t0, l0 = self._origins()
        extent_t, extent_l = self._extents(view)
        lane_end = min(extent_l, self.lane_pos(lanes.stop) if lanes else l0)
        for minute, t in zip(minutes[:-1], ts[:-1], strict=True):
            painter.setPen(HOUR_LINE if minute % 60 == 0 else GRID_LINE)
            self._line(painter, t, l0, t, lane_end)
        time_end = min(extent_t, ts[-1]) if len(ts) > 1 else t0
        painter.setPen(self.LANE_LINE)
        for lane in lanes:
            at = self.lane_pos(lane + 1) - 1
            self._line(painter, t0, at, time_end, at)

    def _line(self, painter: QPainter, t1: int, l1: int, t2: int, l2: int) -> None:
        if self._across:
            painter.drawLine(t1, l1, t2, l2)
        else:
            painter.drawLine(l1, t1, l2, t2)

    def _paint_blocks(self, painter: QPainter, lane: int, content: QRect) -> None:
        offset, less = self.BLOCK_INSET
        at, breadth = self.lane_pos(lane) + offset, self.lane_size() - less
        low, high = (
            (content.left(), content.right()) if self._across else (content.top(), content.bottom())
        )
        for block in self._model.blocks_of(lane):
            first, last = self.time_pos(block.occupied_from), self.time_pos(block.occupied_until)
            if last < low or first > high:
                continue  # out of view
            fill, border, text = STATUS_COLOURS.get(
                block.booking.status, STATUS_COLOURS["confirmed"]
            )
            start, end = self.time_pos(block.starts), self.time_pos(block.ends)
            if block.live:
                paint_buffer(painter, self._rect(first, start - first, at, breadth), border)
                paint_buffer(painter, self._rect(end, last - end, at, breadth), border)
            body = self._rect(start + 1, max(2, end - start - 2), at, breadth)
            painter.setPen(QPen(QColor(border), 1))
            painter.setBrush(QColor(fill))
            painter.drawRoundedRect(body, 4, 4)
            self._paint_block_text(painter, block, body.intersected(content), QColor(text))
