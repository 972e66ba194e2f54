"""The week grid: one space's week, days as columns, 30-minute slots as rows.

A custom-painted scroll area over `WeekBookingsModel`, drawn like the day grid
(ui/pages/bookings/day_grid.py) with its colours (grid_style): the hours stay
in a fixed left column and the days in a fixed header while the slots scroll
under them; the seven days share the width. Blocks are coloured by status with
the title, the booker and the times as far as they fit; setup and cleanup
buffers are hatched above and below; on today's column a red line marks now;
a day's closed times are shaded.

Free cells are selected with the mouse (press and drag down a day) or the
keyboard (arrows move the cell cursor, Shift+Up/Down extend); Enter or a
double click asks to book them (`booking_requested`). A click on a block, or
Enter on it, opens it (`booking_activated`). PageUp/PageDown and Alt+Left/Right
ask for another week (`week_step_requested`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from smesco_desk.clock import to_wib
from ui.models.bookings_model import FREE, SLOT_MINUTES, Block
from ui.models.week_bookings_model import DAYS, WeekBookingsModel, day_name
from ui.pages.bookings.grid_style import (
    CLOSED_FILL,
    CURSOR_PEN,
    GRID_LINE,
    HEADER_FILL,
    HOUR_LINE,
    NOW_PEN,
    SELECTION_FILL,
    STATUS_COLOURS,
    bring_into_view,
    paint_buffer,
)
from ui.pages.bookings.week_text import paint_week_block_text

WeekSelection = tuple[int, int, int]  # column (day), first row, last row
TODAY_FILL = QColor("#e4edfb")


class WeekGrid(QAbstractScrollArea):
    booking_requested = Signal(str, object, object)  # space code, starts_at, ends_at
    booking_activated = Signal(object)  # the BookingRecord clicked or entered on
    week_step_requested = Signal(int)  # -1: the week before, +1: the week after
    selection_changed = Signal()

    def __init__(self, model: WeekBookingsModel, now: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("week_grid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._model = model
        self._now = now
        self._cursor = (0, 0)  # row, column
        self._anchor = 0  # the row a selection grows from
        self._selection: WeekSelection | None = None
        self._dragging = False
        self._pressed: Block | None = None
        self._measure()
        model.modelReset.connect(self._on_reset)
        self._clock = QTimer(self, interval=60_000)
        self._clock.timeout.connect(self.viewport().update)
        self._clock.start()
        self._on_reset()

    # --- geometry --------------------------------------------------------------------------

    def _measure(self) -> None:
        metrics = QFontMetrics(self.font())
        self.line = metrics.lineSpacing()
        self.row_height = max(24, self.line + 8)
        self.header_height = max(40, 2 * self.line + 12)
        self.time_width = max(56, metrics.horizontalAdvance("00:00") + 20)
        self.min_day_width = max(96, metrics.horizontalAdvance("M" * 8))

    def day_width(self) -> int:
        room = self.viewport().width() - self.time_width
        return max(self.min_day_width, room // DAYS)

    def _content_height(self) -> int:
        return self._model.rowCount() * self.row_height

    def _update_scrollbars(self) -> None:
        view = self.viewport().size()
        page_w = max(0, view.width() - self.time_width)
        page_h = max(0, view.height() - self.header_height)
        self.horizontalScrollBar().setRange(0, max(0, DAYS * self.day_width() - page_w))
        self.horizontalScrollBar().setPageStep(page_w)
        self.horizontalScrollBar().setSingleStep(self.day_width())
        self.verticalScrollBar().setRange(0, max(0, self._content_height() - page_h))
        self.verticalScrollBar().setPageStep(page_h)
        self.verticalScrollBar().setSingleStep(self.row_height)

    def x_of(self, column: int) -> int:
        return self.time_width + column * self.day_width() - self.horizontalScrollBar().value()

    def y_of(self, minute: int) -> int:
        """The viewport y of a time of the day (minutes after midnight)."""
        offset = (minute - self._model.first_minute()) * self.row_height // SLOT_MINUTES
        return self.header_height + offset - self.verticalScrollBar().value()

    def cell_rect(self, row: int, column: int) -> QRect:
        return QRect(self.x_of(column), self.y_of(self._model.slot_minute(row)),
                     self.day_width(), self.row_height)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        if pos.x() < self.time_width or pos.y() < self.header_height:
            return None
        column = (pos.x() - self.time_width + self.horizontalScrollBar().value()) \
            // self.day_width()
        row = (pos.y() - self.header_height + self.verticalScrollBar().value()) \
            // self.row_height
        if 0 <= row < self._model.rowCount() and 0 <= column < DAYS:
            return row, column
        return None

    def ensure_visible(self, row: int, column: int, last_row: int | None = None) -> None:
        """Scroll so the cells from `row` to `last_row` (or the one cell) of a day
        are in view, a row to spare above and below; far out of view: to the middle."""
        view = self.viewport().size()
        page_w, page_h = view.width() - self.time_width, view.height() - self.header_height
        left = column * self.day_width()
        bring_into_view(self.horizontalScrollBar(), left, left + self.day_width(), page_w, 0)
        last = row if last_row is None else max(row, last_row)
        top, bottom = row * self.row_height, (last + 1) * self.row_height
        bring_into_view(self.verticalScrollBar(), top, min(bottom, top + page_h), page_h,
                        self.row_height)

    def scroll_to_minute(self, minute: int) -> None:
        """Bring a time of the day near the top (an hour before it in view)."""
        offset = (minute - 60 - self._model.first_minute()) * self.row_height // SLOT_MINUTES
        self.verticalScrollBar().setValue(max(0, offset))

    def show_minute(self, minute: int) -> None:
        """Scroll to a time of the day (near the top) and put the cell cursor there."""
        self.scroll_to_minute(minute)
        row, column = self._cursor
        wanted = min(max(self._model.row_of(minute), 0), self._model.rowCount() - 1)
        if row != wanted:
            self.set_cursor(wanted, column)

    def reveal_booking(self, booking_id: str) -> bool:
        """Put the cursor on a booking's block and bring it in view (False: not in
        the week shown)."""
        for column in range(DAYS):
            for block in self._model.blocks_of(column):
                if block.booking.id == booking_id:
                    first = max(0, self._model.row_of(block.starts))
                    last = min(self._model.row_of(block.ends - 1), self._model.rowCount() - 1)
                    self.set_cursor(first, column)
                    self.ensure_visible(first, column, last)
                    return True
        return False

    # --- state -------------------------------------------------------------------------------

    def cursor_cell(self) -> tuple[int, int]:
        return self._cursor

    def selection(self) -> WeekSelection | None:
        return self._selection

    def selected_slot(self) -> tuple[str, datetime, datetime] | None:
        """The space and time selected, if every selected cell is free."""
        space = self._model.space()
        if self._selection is None or space is None:
            return None
        column, first, last = self._selection
        if not self._model.all_free(column, first, last):
            return None
        return (space.code, self._model.slot_start(first, column),
                self._model.slot_start(last + 1, column))

    def set_cursor(self, row: int, column: int, *, extend: bool = False) -> None:
        rows = self._model.rowCount()
        if not rows:
            self._cursor = (0, 0)
            self._set_selection(None)
            self.viewport().update()
            return
        row, column = min(max(row, 0), rows - 1), min(max(column, 0), DAYS - 1)
        if extend and self._selection is not None and self._selection[0] == column:
            row = self._free_reach(column, row)  # a booking or closed cell stops it
            self._set_selection((column, min(self._anchor, row), max(self._anchor, row)))
        else:
            self._anchor = row
            free = self._model.cell_state(row, column) == FREE
            self._set_selection((column, row, row) if free else None)
        self._cursor = (row, column)
        self.ensure_visible(row, column)
        self.viewport().update()

    def _free_reach(self, column: int, row: int) -> int:
        step = 1 if row >= self._anchor else -1
        reach = self._anchor
        while reach != row and self._model.cell_state(reach + step, column) == FREE:
            reach += step
        return reach

    def _set_selection(self, selection: WeekSelection | None) -> None:
        if selection != self._selection:
            self._selection = selection
            self.selection_changed.emit()

    @Slot()
    def _on_reset(self) -> None:
        self._update_scrollbars()
        self._dragging, self._pressed = False, None
        keep = self._selection
        self.set_cursor(*self._cursor)
        if keep is not None and self._selection is not None and keep[0] == self._cursor[1]:
            first, last = keep[1], min(keep[2], self._model.rowCount() - 1)
            if first <= last and self._model.all_free(keep[0], first, last):
                self._anchor = first
                self._set_selection((keep[0], first, last))
        self.viewport().update()

    # --- keyboard and mouse ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        row, column = self._cursor
        if key == Qt.Key.Key_PageUp or (alt and key == Qt.Key.Key_Left):
            self.week_step_requested.emit(-1)
        elif key == Qt.Key.Key_PageDown or (alt and key == Qt.Key.Key_Right):
            self.week_step_requested.emit(1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.set_cursor(row + (1 if key == Qt.Key.Key_Down else -1), column, extend=shift)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.set_cursor(row, column + (1 if key == Qt.Key.Key_Right else -1))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.set_cursor(0 if key == Qt.Key.Key_Home else self._model.rowCount() - 1,
                            column, extend=shift)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_cursor()
        else:
            super().keyPressEvent(event)

    def activate_cursor(self) -> None:
        """Enter: open the booking under the cursor, or ask to book the selection."""
        if not self._model.rowCount():
            return
        row, column = self._cursor
        block = self._model.block_at(column, self._model.slot_minute(row) + SLOT_MINUTES // 2)
        if block is not None and block.live:
            self.booking_activated.emit(block.booking)
            return
        self.request_booking()

    def request_booking(self) -> None:
        slot = self.selected_slot()
        if slot is not None:
            self.booking_requested.emit(*slot)

    def _block_under(self, pos: QPoint) -> Block | None:
        cell = self.cell_at(pos)
        if cell is None:
            return None
        minute = self._model.first_minute() + (
            pos.y() - self.header_height + self.verticalScrollBar().value()
        ) * SLOT_MINUTES // self.row_height
        return self._model.block_at(cell[1], minute)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or cell is None:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._pressed = self._block_under(event.position().toPoint())
        self.set_cursor(*cell)
        self._dragging = self._pressed is None and self._selection is not None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if not self._dragging or self._selection is None:
            return
        pos = event.position().toPoint()
        y = min(max(pos.y(), self.header_height), self.viewport().height() - 1)
        cell = self.cell_at(QPoint(self.x_of(self._selection[0]) + 1, y))
        if cell is not None and cell[0] != self._cursor[0]:
            self.set_cursor(cell[0], self._selection[0], extend=True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pressed, self._pressed, self._dragging = self._pressed, None, False
        if pressed is not None and self._block_under(event.position().toPoint()) is pressed:
            self.booking_activated.emit(pressed.booking)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._block_under(event.position().toPoint()) is None and \
                self.cell_at(event.position().toPoint()) is not None:
            self.request_booking()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self._block_under(event.pos())
            if block is not None:
                b = block.booking
                times = f"{to_wib(b.starts_at):%H:%M}–{to_wib(b.ends_at):%H:%M}"
                QToolTip.showText(event.globalPos(), f"{self._model.block_text(b)}\n{times}",
                                  self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

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
        content = QRect(self.time_width, self.header_height, view.width() - self.time_width,
                        view.height() - self.header_height)
        rows = self._visible_rows(view)
        painter.save()
        painter.setClipRect(content)
        for column in range(DAYS):
            self._paint_day_background(painter, column, content)
        self._paint_grid_lines(painter, rows, content)
        self._paint_selection(painter)
        for column in range(DAYS):
            self._paint_blocks(painter, column, content)
        self._paint_now(painter)
        self._paint_cursor(painter)
        painter.restore()
        self._paint_times(painter, rows, view)
        self._paint_header(painter, view)

    def _visible_rows(self, view: QRect) -> range:
        top = self.verticalScrollBar().value()
        first = max(0, top // self.row_height)
        last = (top + view.height() - self.header_height) // self.row_height
        return range(first, min(self._model.rowCount(), last + 1))

    def _bottom(self) -> int:
        return self.y_of(self._model.slot_minute(self._model.rowCount()))

    def _paint_day_background(self, painter: QPainter, column: int, content: QRect) -> None:
        left, width = self.x_of(column), self.day_width()
        if left + width < content.left() or left > content.right() or not self._model.rowCount():
            return
        top, bottom = self.header_height, self._bottom()
        span = self._model.opening(column)
        if span is None:
            painter.fillRect(QRect(left, top, width, bottom - top), CLOSED_FILL)
            return
        opens, closes = self.y_of(span[0]), self.y_of(span[1])
        if opens > top:
            painter.fillRect(QRect(left, top, width, opens - top), CLOSED_FILL)
        if closes < bottom:
            painter.fillRect(QRect(left, closes, width, bottom - closes), CLOSED_FILL)

    def _paint_grid_lines(self, painter: QPainter, rows: range, content: QRect) -> None:
        right = min(content.right(), self.x_of(DAYS))
        for row in rows:
            minute = self._model.slot_minute(row)
            painter.setPen(HOUR_LINE if minute % 60 == 0 else GRID_LINE)
            y = self.y_of(minute)
            painter.drawLine(self.time_width, y, right, y)
        bottom = min(content.bottom(), self._bottom())
        painter.setPen(HOUR_LINE)
        for column in range(1, DAYS + 1):
            x = self.x_of(column) - 1
            painter.drawLine(x, self.header_height, x, bottom)

    def _paint_selection(self, painter: QPainter) -> None:
        if self._selection is None:
            return
        column, first, last = self._selection
        rect = self.cell_rect(first, column).united(self.cell_rect(last, column))
        painter.fillRect(rect.adjusted(0, 1, -1, 0), SELECTION_FILL)

    def _paint_blocks(self, painter: QPainter, column: int, content: QRect) -> None:
        left = self.x_of(column) + 3
        width = self.day_width() - 7
        if left + width < content.left() or left > content.right():
            return
        for block in self._model.blocks_of(column):
            top, bottom = self.y_of(block.occupied_from), self.y_of(block.occupied_until)
            if bottom < content.top() or top > content.bottom():
                continue
            fill, border, text = STATUS_COLOURS.get(block.booking.status,
                                                    STATUS_COLOURS["confirmed"])
            start, end = self.y_of(block.starts), self.y_of(block.ends)
            if block.live:
                paint_buffer(painter, QRect(left, top, width, start - top), border)
                paint_buffer(painter, QRect(left, end, width, bottom - end), border)
            body = QRect(left, start + 1, width, max(2, end - start - 2))
            painter.setPen(QPen(QColor(border), 1))
            painter.setBrush(QColor(fill))
            painter.drawRoundedRect(body, 4, 4)
            paint_week_block_text(painter, self.font(), block, body.intersected(content),
                                  QColor(text))

    def _today_column(self) -> int | None:
        days = (to_wib(self._now()).date() - self._model.monday()).days
        return days if 0 <= days < DAYS else None

    def _paint_now(self, painter: QPainter) -> None:
        column = self._today_column()
        if column is None or not self._model.rowCount():
            return
        now = to_wib(self._now())
        minute = now.hour * 60 + now.minute
        first = self._model.first_minute()
        if not first <= minute <= self._model.slot_minute(self._model.rowCount()):
            return
        y = self.y_of(minute)
        painter.setPen(QPen(NOW_PEN, 2))
        painter.drawLine(self.x_of(column), y, self.x_of(column + 1) - 2, y)
        painter.setBrush(NOW_PEN)
        painter.drawEllipse(QPoint(self.x_of(column) + 2, y), 3, 3)

    def _paint_cursor(self, painter: QPainter) -> None:
        if not self.hasFocus() or not self._model.rowCount():
            return
        painter.setPen(QPen(CURSOR_PEN, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.cell_rect(*self._cursor).adjusted(1, 1, -2, -1))

    def _paint_header(self, painter: QPainter, view: QRect) -> None:
        painter.fillRect(QRect(0, 0, view.width(), self.header_height), HEADER_FILL)
        painter.setPen(HOUR_LINE)
        painter.drawLine(0, self.header_height - 1, view.width(), self.header_height - 1)
        painter.save()
        painter.setClipRect(QRect(self.time_width, 0, view.width() - self.time_width,
                                  self.header_height))
        bold = QFont(self.font())
        bold.setBold(True)
        today = self._today_column()
        for column in range(DAYS):
            day = self._model.day(column)
            rect = QRect(self.x_of(column), 0, self.day_width(), self.header_height - 1)
            if column == today:
                painter.fillRect(rect, TODAY_FILL)
            painter.setPen(QColor("#1f2733") if column != today else CURSOR_PEN)
            painter.setFont(bold)
            painter.drawText(rect.adjusted(0, 5, 0, -rect.height() // 2),
                             Qt.AlignmentFlag.AlignCenter, day_name(day.weekday()))
            painter.setFont(self.font())
            painter.setPen(QColor("#5b6573"))
            painter.drawText(rect.adjusted(0, rect.height() // 2, 0, -4),
                             Qt.AlignmentFlag.AlignCenter, f"{day:%d-%m-%Y}")
            painter.setPen(HOUR_LINE)
            painter.drawLine(rect.right(), 6, rect.right(), self.header_height - 6)
        painter.restore()

    def _paint_times(self, painter: QPainter, rows: range, view: QRect) -> None:
        painter.fillRect(QRect(0, 0, self.time_width, view.height()), HEADER_FILL)
        painter.setPen(HOUR_LINE)
        painter.drawLine(self.time_width - 1, 0, self.time_width - 1, view.height())
        painter.save()
        painter.setClipRect(QRect(0, self.header_height, self.time_width, view.height()))
        for row in rows:
            minute = self._model.slot_minute(row)
            if minute % 60:
                continue
            rect = QRect(0, self.y_of(minute), self.time_width - 8, self.row_height)
            painter.setPen(QColor("#3d4654"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{minute // 60:02d}:00")
        painter.restore()
