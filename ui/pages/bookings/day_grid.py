"""The day grid: spaces as rows, 30-minute slots as columns, bookings as blocks.

A custom-painted scroll area over `DayBookingsModel`. The space names stay in
a fixed left column and the hours in a fixed header while the slots scroll
under them; each paint draws only the rows and columns in view (and of a
row's bookings only those crossing the view), so 40 spaces scroll smoothly.

Blocks are coloured by status, with the title and the booker; the setup and
cleanup buffers are hatched on either side; on today a red line marks now.
Free cells are selected with the mouse (press and drag along a row) or the
keyboard (arrows move the cell cursor, Shift+Left/Right extend); Enter or a
double click asks to book them (`booking_requested`). A click on a block, or
Enter on it, opens it (`booking_activated`). PageUp/PageDown and Alt+Left/Right
ask for another day (`day_step_requested`).

A block dragged moves the booking (to another time or space's row), an edge
dragged resizes it; a ghost shows where, snapped to a quarter hour (grid_drag).
On release the grid asks for the move (`move_requested`); Esc drops the drag.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from smesco_desk.clock import to_wib
from smesco_desk.domain.bookings import space_kind_label
from ui.models.bookings_model import FREE, SLOT_MINUTES, Block, DayBookingsModel
from ui.pages.bookings.grid_drag import BlockDrag, cursor_for, mode_at, movable, paint_ghost
from ui.pages.bookings.grid_style import (
    CURSOR_PEN,
    NOW_PEN,
    SELECTION_FILL,
    STATUS_COLOURS,
    bring_into_view,
    paint_block_text,
    paint_buffer,
    paint_closed,
    paint_grid_lines,
    paint_header,
    paint_names,
)

Selection = tuple[int, int, int]  # row, first column, last column


class DayGrid(QAbstractScrollArea):
    booking_requested = Signal(str, object, object)  # space code, starts_at, ends_at
    booking_activated = Signal(object)  # the BookingRecord clicked or entered on
    day_step_requested = Signal(int)  # -1: the day before, +1: the day after
    selection_changed = Signal()
    # the booking dragged, the space code and the times it would take
    move_requested = Signal(object, str, object, object)

    def __init__(self, model: DayBookingsModel, now: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day_grid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)  # (the cursor shows what a press on a block does)
        self._model = model
        self._now = now
        self._cursor = (0, 0)  # row, column
        self._cursor_minute: int | None = None  # its time: kept on another day
        self._anchor = 0  # the column a selection grows from
        self._selection: Selection | None = None
        self._dragging = False
        self._pressed: Block | None = None
        self.drag: BlockDrag | None = None  # a block pressed on: perhaps dragged
        self._measure()
        model.modelReset.connect(self._on_reset)
        self._clock = QTimer(self, interval=60_000)
        self._clock.timeout.connect(self.viewport().update)
        self._clock.start()
        self._on_reset()

    # --- geometry --------------------------------------------------------------------------

    def _measure(self) -> None:
        metrics = QFontMetrics(self.font())
        line = metrics.lineSpacing()
        self.row_height = max(44, 2 * line + 14)
        self.header_height = max(30, line + 14)
        self.slot_width = max(46, metrics.horizontalAdvance("00:00") + 14)
        self.name_width = max(200, metrics.horizontalAdvance("M" * 14))

    def _content_width(self) -> int:
        return self._model.columnCount() * self.slot_width

    def _content_height(self) -> int:
        return self._model.rowCount() * self.row_height

    def _update_scrollbars(self) -> None:
        view = self.viewport().size()
        page_w = max(0, view.width() - self.name_width)
        page_h = max(0, view.height() - self.header_height)
        self.horizontalScrollBar().setRange(0, max(0, self._content_width() - page_w))
        self.horizontalScrollBar().setPageStep(page_w)
        self.horizontalScrollBar().setSingleStep(self.slot_width)
        self.verticalScrollBar().setRange(0, max(0, self._content_height() - page_h))
        self.verticalScrollBar().setPageStep(page_h)
        self.verticalScrollBar().setSingleStep(self.row_height)

    def x_of(self, minute: int) -> int:
        """The viewport x of a time of the day (minutes after midnight)."""
        offset = (minute - self._model.first_minute()) * self.slot_width // SLOT_MINUTES
        return self.name_width + offset - self.horizontalScrollBar().value()

    def y_of(self, row: int) -> int:
        return self.header_height + row * self.row_height - self.verticalScrollBar().value()

    def cell_rect(self, row: int, column: int) -> QRect:
        x = self.x_of(self._model.slot_minute(column))
        return QRect(x, self.y_of(row), self.slot_width, self.row_height)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        if pos.x() < self.name_width or pos.y() < self.header_height:
            return None
        column = (pos.x() - self.name_width + self.horizontalScrollBar().value()) \
            // self.slot_width
        row = (pos.y() - self.header_height + self.verticalScrollBar().value()) \
            // self.row_height
        if 0 <= row < self._model.rowCount() and 0 <= column < self._model.columnCount():
            return row, column
        return None

    def ensure_visible(self, row: int, column: int, last_column: int | None = None) -> None:
        """Scroll so the cells from `column` to `last_column` (or the one cell) of a
        row are in view with a slot to spare on either side; a cell far out of view
        comes to the middle."""
        view = self.viewport().size()
        width, height = view.width() - self.name_width, view.height() - self.header_height
        last = column if last_column is None else max(column, last_column)
        left, right = column * self.slot_width, (last + 1) * self.slot_width
        right = min(right, left + width)  # a block longer than the view: its start shows
        bring_into_view(self.horizontalScrollBar(), left, right, width, self.slot_width)
        top = row * self.row_height
        bring_into_view(self.verticalScrollBar(), top, top + self.row_height, height, 0)

    def scroll_to_minute(self, minute: int) -> None:
        """Bring a time of the day near the left edge (an hour before it in view)."""
        offset = (minute - 60 - self._model.first_minute()) * self.slot_width // SLOT_MINUTES
        self.horizontalScrollBar().setValue(max(0, offset))

    def show_minute(self, minute: int) -> None:
        """Scroll to a time of the day (near the left edge) and put the cell cursor there."""
        self.scroll_to_minute(minute)
        row, column = self._cursor
        wanted = min(max(self._model.column_of(minute), 0), self._model.columnCount() - 1)
        if column != wanted:
            self._cursor_minute = None
            self.set_cursor(row, wanted)

    def reveal_booking(self, booking_id: str) -> bool:
        """Put the cursor on a booking's block and bring all of it in view (False:
        the day shown has no such booking)."""
        for row in range(self._model.rowCount()):
            for block in self._model.blocks_of(row):
                if block.booking.id == booking_id:
                    first, last = self._model.columns_of(block)
                    last = min(last, self._model.columnCount() - 1)
                    self.set_cursor(row, max(first, 0))
                    self.ensure_visible(row, max(first, 0), last)
                    return True
        return False

    # --- state -------------------------------------------------------------------------------

    def cursor_cell(self) -> tuple[int, int]:
        return self._cursor

    def selection(self) -> Selection | None:
        return self._selection

    def selected_slot(self) -> tuple[str, datetime, datetime] | None:
        """The selected space and time, if every selected cell is free."""
        if self._selection is None:
            return None
        row, first, last = self._selection
        if not self._model.all_free(row, first, last):
            return None
        return (self._model.space(row).code, self._model.slot_start(first),
                self._model.slot_start(last + 1))

    def set_cursor(self, row: int, column: int, *, extend: bool = False) -> None:
        rows, columns = self._model.rowCount(), self._model.columnCount()
        if not rows or not columns:
            self._cursor, self._selection = (0, 0), None
            self.viewport().update()
            return
        row, column = min(max(row, 0), rows - 1), min(max(column, 0), columns - 1)
        if extend and self._selection is not None and self._selection[0] == row:
            column = self._free_reach(row, column)  # a booking or closed cell stops it
            self._set_selection((row, min(self._anchor, column), max(self._anchor, column)))
        else:
            self._anchor = column
            free = self._model.cell_state(row, column) == FREE
            self._set_selection((row, column, column) if free else None)
        self._cursor = (row, column)
        self._cursor_minute = self._model.slot_minute(column)
        self.ensure_visible(row, column)
        self.viewport().update()

    def _free_reach(self, row: int, column: int) -> int:
        """The column nearest `column` reached from the anchor over free cells only."""
        step = 1 if column >= self._anchor else -1
        reach = self._anchor
        while reach != column and self._model.cell_state(row, reach + step) == FREE:
            reach += step
        return reach

    def _set_selection(self, selection: Selection | None) -> None:
        if selection != self._selection:
            self._selection = selection
            self.selection_changed.emit()

    @Slot()
    def _on_reset(self) -> None:
        self._update_scrollbars()
        self._dragging, self._pressed, self.drag = False, None, None
        row, column = self._cursor
        if self._cursor_minute is not None and self._model.columnCount():
            column = self._model.column_of(self._cursor_minute)  # the same time, another day
        keep = self._selection
        self.set_cursor(row, column)
        if keep is not None and keep[0] == row and self._selection is not None:
            first, last = keep[1], min(keep[2], self._model.columnCount() - 1)
            if first <= last and self._model.all_free(row, first, last):
                self._anchor = first
                self._set_selection((row, first, last))
        self.viewport().update()

    # --- keyboard and mouse ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        row, column = self._cursor
        if key == Qt.Key.Key_Escape and self.drag is not None:
            self.drop_drag()
        elif key == Qt.Key.Key_PageUp or (alt and key == Qt.Key.Key_Left):
            self.day_step_requested.emit(-1)
        elif key == Qt.Key.Key_PageDown or (alt and key == Qt.Key.Key_Right):
            self.day_step_requested.emit(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.set_cursor(row, column + (1 if key == Qt.Key.Key_Right else -1), extend=shift)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.set_cursor(row + (1 if key == Qt.Key.Key_Down else -1), column)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.set_cursor(row, 0 if key == Qt.Key.Key_Home else self._model.columnCount() - 1,
                            extend=shift)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_cursor()
        else:
            super().keyPressEvent(event)

    def activate_cursor(self) -> None:
        """Enter: open the booking under the cursor, or ask to book the selection."""
        if not self._model.rowCount() or not self._model.columnCount():
            return
        row, column = self._cursor
        block = self._model.block_at(row, self._model.slot_minute(column) + SLOT_MINUTES // 2)
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
            pos.x() - self.name_width + self.horizontalScrollBar().value()
        ) * SLOT_MINUTES // self.slot_width
        return self._model.block_at(cell[0], minute)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or cell is None:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position().toPoint()
        self._pressed = self._block_under(pos)
        if self._pressed is not None and movable(self._pressed):
            left, right = self._body_span(self._pressed)
            self.drag = BlockDrag(self._pressed, cell[0], mode_at(left, right, pos.x()),
                                  pos.x(), pos.y())
        self.set_cursor(*cell)
        self._dragging = self._pressed is None and self._selection is not None

    def _body_span(self, block: Block) -> tuple[int, int]:
        return self.x_of(block.starts), self.x_of(block.ends)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        if self.drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._follow_drag(pos)
            return
        if not event.buttons():  # the cursor says what a press on a block would do
            block = self._block_under(pos)
            movable_here = block is not None and movable(block)
            mode = mode_at(*self._body_span(block), pos.x()) if block and movable_here else None
            self.viewport().setCursor(cursor_for(mode, dragging=False))
            return
        if not self._dragging or self._selection is None:
            return
        x = min(max(pos.x(), self.name_width), self.viewport().width() - 1)
        cell = self.cell_at(QPoint(x, self.y_of(self._selection[0]) + 1))
        if cell is not None and cell[1] != self._cursor[1]:
            self.set_cursor(self._selection[0], cell[1], extend=True)

    def _follow_drag(self, pos: QPoint) -> None:
        drag = self.drag
        assert drag is not None
        if not drag.active:
            if abs(pos.x() - drag.press_x) + abs(pos.y() - drag.press_y) < \
                    QApplication.startDragDistance():
                return
            drag.active = True
            self.viewport().setCursor(cursor_for(drag.mode, dragging=True))
        row = (pos.y() - self.header_height + self.verticalScrollBar().value()) \
            // self.row_height
        inside = pos.y() >= self.header_height and 0 <= row < self._model.rowCount()
        drag.follow(pos.x(), row if inside else None, self.slot_width)
        self.viewport().update()

    def drop_drag(self) -> None:
        """Forget the drag (Esc, or a reload under it): the ghost goes."""
        self.drag, self._pressed = None, None
        self.viewport().unsetCursor()
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pressed, self._pressed, self._dragging = self._pressed, None, False
        drag, self.drag = self.drag, None
        if drag is not None and drag.active:
            self.viewport().unsetCursor()
            self.viewport().update()
            if drag.changed():
                midnight = self._model.slot_start(0) - timedelta(minutes=self._model.first_minute())
                self.move_requested.emit(drag.block.booking,
                                         self._model.space(drag.target_row).code,
                                         *drag.times(midnight))
            return
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
                QToolTip.showText(event.globalPos(), self._tooltip(block), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tooltip(self, block: Block) -> str:
        b = block.booking
        return f"{self._model.block_text(b)}\n{to_wib(b.starts_at):%H:%M}–{to_wib(b.ends_at):%H:%M}"

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
        rows = self._visible_rows(view)
        columns = self._visible_columns(view)
        content = QRect(self.name_width, self.header_height, view.width() - self.name_width,
                        view.height() - self.header_height)
        painter.save()
        painter.setClipRect(content)
        minutes = [self._model.slot_minute(c) for c in (*columns, columns.stop)]
        xs = [self.x_of(m) for m in minutes]
        for row in rows:
            span = self._model.opening(row)
            opening = None if span is None else (self.x_of(span[0]), self.x_of(span[1]))
            paint_closed(painter, self.y_of(row), self.row_height, xs, opening)
        bottom = min(view.height(), self.y_of(rows.stop) if rows else self.header_height)
        paint_grid_lines(painter, minutes, xs, [self.y_of(r + 1) - 1 for r in rows],
                         (self.name_width, self.header_height, view.width(), bottom))
        self._paint_selection(painter)
        for row in rows:
            self._paint_blocks(painter, row, content)
        if self.drag is not None and self.drag.active:
            paint_ghost(painter, self.font(), self.drag, self.x_of,
                        self.y_of(self.drag.target_row) + 4, self.row_height - 9)
        self._paint_now(painter, content)
        self._paint_cursor(painter)
        painter.restore()
        paint_header(painter, minutes, xs, (self.name_width, view.width(), self.header_height),
                     self.slot_width)
        self._paint_names(painter, rows, view)

    def _visible_rows(self, view: QRect) -> range:
        top = self.verticalScrollBar().value()
        first = max(0, top // self.row_height)
        last = (top + view.height() - self.header_height) // self.row_height
        return range(first, min(self._model.rowCount(), last + 1))

    def _visible_columns(self, view: QRect) -> range:
        left = self.horizontalScrollBar().value()
        first = max(0, left // self.slot_width)
        last = (left + view.width() - self.name_width) // self.slot_width
        return range(first, min(self._model.columnCount(), last + 1))

    def _paint_selection(self, painter: QPainter) -> None:
        if self._selection is None:
            return
        row, first, last = self._selection
        rect = self.cell_rect(row, first).united(self.cell_rect(row, last))
        painter.fillRect(rect.adjusted(0, 0, 0, -1), SELECTION_FILL)

    def _paint_blocks(self, painter: QPainter, row: int, content: QRect) -> None:
        top = self.y_of(row) + 4
        height = self.row_height - 9
        for block in self._model.blocks_of(row):
            left, right = self.x_of(block.occupied_from), self.x_of(block.occupied_until)
            if right < content.left() or left > content.right():
                continue  # out of view
            fill, border, text = STATUS_COLOURS.get(block.booking.status,
                                                    STATUS_COLOURS["confirmed"])
            start, end = self.x_of(block.starts), self.x_of(block.ends)
            if block.live:
                paint_buffer(painter, QRect(left, top, start - left, height), border)
                paint_buffer(painter, QRect(end, top, right - end, height), border)
            body = QRect(start + 1, top, max(2, end - start - 2), height)
            painter.setPen(QPen(QColor(border), 1))
            painter.setBrush(QColor(fill))
            painter.drawRoundedRect(body, 4, 4)
            paint_block_text(painter, self.font(), block, body.intersected(content), QColor(text))

    def _paint_now(self, painter: QPainter, content: QRect) -> None:
        now = to_wib(self._now())
        if now.date() != self._model.day():
            return
        x = self.x_of(now.hour * 60 + now.minute)
        if content.left() <= x <= content.right():
            painter.setPen(QPen(NOW_PEN, 2))
            painter.drawLine(x, content.top(), x, content.bottom())

    def _paint_cursor(self, painter: QPainter) -> None:
        if not self.hasFocus() or not self._model.rowCount() or not self._model.columnCount():
            return
        painter.setPen(QPen(CURSOR_PEN, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.cell_rect(*self._cursor).adjusted(1, 1, -1, -2))

    def _paint_names(self, painter: QPainter, rows: range, view: QRect) -> None:
        detail = self.tr("{kind} · {capacity} orang")
        names = []
        for row in rows:
            space = self._model.space(row)
            names.append((self.y_of(row), space.name, detail.format(
                kind=space_kind_label(space.kind), capacity=space.capacity)))
        paint_names(painter, self.font(), names,
                    (self.name_width, self.header_height, self.row_height, view.height()))
