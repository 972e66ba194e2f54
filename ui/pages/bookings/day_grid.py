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

The cursor, the selection, the keys and the painting of the cells and blocks
are the week grid's too (slot_grid.py, slot_view.py); here the lanes are the
spaces' rows and the time runs across. A block dragged moves the booking (to
another time or space's row), an edge dragged resizes it; a ghost shows
where, snapped to a quarter hour (grid_drag). On release the grid asks for
the move (`move_requested`); Esc drops the drag.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, QRect, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from smesco_desk.clock import to_wib
from smesco_desk.domain.bookings import space_kind_label
from ui.models.bookings_model import Block, DayBookingsModel
from ui.pages.bookings.grid_drag import BlockDrag, cursor_for, mode_at, movable, paint_ghost
from ui.pages.bookings.grid_style import NOW_PEN, paint_block_text, paint_header, paint_names
from ui.pages.bookings.slot_grid import Selection, SlotGrid

__all__ = ["DayGrid", "Selection"]


class DayGrid(SlotGrid):
    day_step_requested = Signal(int)  # -1: the day before, +1: the day after
    # the booking dragged, the space code and the times it would take
    move_requested = Signal(object, str, object, object)

    drag: BlockDrag | None = None  # a block pressed on: perhaps dragged
    _model: DayBookingsModel

    def __init__(
        self, model: DayBookingsModel, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(model, now, parent)
        self.setObjectName("day_grid")
        self.viewport().setMouseTracking(True)  # (the cursor shows what a press on a block does)

    # --- geometry --------------------------------------------------------------------------

    def _measure(self) -> None:
        metrics = QFontMetrics(self.font())
        line = metrics.lineSpacing()
        self.row_height = max(44, 2 * line + 14)
        self.header_height = max(30, line + 14)
        self.slot_width = self.slot_size = max(46, metrics.horizontalAdvance("00:00") + 14)
        self.name_width = self.gutter = max(200, metrics.horizontalAdvance("M" * 14))  # names

    def lane_size(self) -> int:
        return self.row_height

    def x_of(self, minute: int) -> int:
        """The viewport x of a time of the day (minutes after midnight)."""
        return self.time_pos(minute)

    def y_of(self, row: int) -> int:
        return self.lane_pos(row)

    def _step_requested(self, steps: int) -> None:
        self.day_step_requested.emit(steps)

    @Slot()
    def _on_reset(self) -> None:
        self.drag = None
        super()._on_reset()

    # --- dragging a block ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.drag is not None:
            self.drop_drag()
        else:
            super().keyPressEvent(event)

    def _pressed_block(self, pos: QPoint, lane: int) -> None:
        block = self._pressed
        if block is not None and movable(block):
            left, right = self._body_span(block)
            self.drag = BlockDrag(block, lane, mode_at(left, right, pos.x()), pos.x(), pos.y())

    def _body_span(self, block: Block) -> tuple[int, int]:
        return self.x_of(block.starts), self.x_of(block.ends)

    def _mouse_moved(self, event: QMouseEvent, pos: QPoint) -> bool:
        if self.drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._follow_drag(pos)
            return True
        if not event.buttons():  # the cursor says what a press on a block would do
            block = self._block_under(pos)
            movable_here = block is not None and movable(block)
            mode = mode_at(*self._body_span(block), pos.x()) if block and movable_here else None
            self.viewport().setCursor(cursor_for(mode, dragging=False))
            return True
        return False

    def _follow_drag(self, pos: QPoint) -> None:
        drag = self.drag
        assert drag is not None
        if not drag.active:
            if (
                abs(pos.x() - drag.press_x) + abs(pos.y() - drag.press_y)
                < QApplication.startDragDistance()
            ):
                return
            drag.active = True
            self.viewport().setCursor(cursor_for(drag.mode, dragging=True))
        row = (pos.y() - self.header_height + self.verticalScrollBar().value()) // self.row_height
        inside = pos.y() >= self.header_height and 0 <= row < self._model.rowCount()
        drag.follow(pos.x(), row if inside else None, self.slot_width)
        self.viewport().update()

    def drop_drag(self) -> None:
        """Forget the drag (Esc, or a reload under it): the ghost goes."""
        self.drag, self._pressed = None, None
        self.viewport().unsetCursor()
        self.viewport().update()

    def _released(self) -> bool:
        drag, self.drag = self.drag, None
        if drag is None or not drag.active:
            return False
        self.viewport().unsetCursor()
        self.viewport().update()
        if drag.changed():
            midnight = self._model.slot_start(0) - timedelta(minutes=self._model.first_minute())
            self.move_requested.emit(
                drag.block.booking, self._model.space(drag.target_row).code, *drag.times(midnight)
            )
        return True

    # --- painting --------------------------------------------------------------------------

    def _paint_block_text(
        self, painter: QPainter, block: Block, rect: QRect, colour: QColor
    ) -> None:
        paint_block_text(painter, self.font(), block, rect, colour)

    def _paint_overlays(self, painter: QPainter, content: QRect) -> None:
        if self.drag is not None and self.drag.active:
            paint_ghost(
                painter,
                self.font(),
                self.drag,
                self.x_of,
                self.y_of(self.drag.target_row) + 4,
                self.row_height - 9,
            )
        now = to_wib(self._now())
        if now.date() != self._model.day():
            return
        x = self.x_of(now.hour * 60 + now.minute)
        if content.left() <= x <= content.right():
            painter.setPen(QPen(NOW_PEN, 2))
            painter.drawLine(x, content.top(), x, content.bottom())

    def _paint_time_labels(
        self, painter: QPainter, minutes: list[int], ts: list[int], view: QRect
    ) -> None:
        paint_header(
            painter,
            minutes,
            ts,
            (self.name_width, view.width(), self.header_height),
            self.slot_width,
        )

    def _paint_lane_labels(self, painter: QPainter, lanes: range, view: QRect) -> None:
        detail = self.tr("{kind} · {capacity} orang")
        names = []
        for row in lanes:
            space = self._model.space(row)
            names.append(
                (
                    self.y_of(row),
                    space.name,
                    detail.format(kind=space_kind_label(space.kind), capacity=space.capacity),
                )
            )
        paint_names(
            painter,
            self.font(),
            names,
            (self.name_width, self.header_height, self.row_height, view.height()),
        )
