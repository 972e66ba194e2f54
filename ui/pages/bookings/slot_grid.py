"""What the day grid and the week grid share beyond the painting (slot_view.py):
the cell cursor and the selection along one lane (arrows, Shift to extend
along the time, Home/End, the mouse pressed and dragged along a lane), Enter
or a double click to book (`booking_requested`), a click or Enter on a block
to open it (`booking_activated`), PageUp/PageDown and Alt+Left/Right for
another day or week (`_step_requested`), the tooltip, `show_minute` and
`reveal_booking`. A grid may take a press on a block further (the day grid
drags it: `_pressed_block`, `_mouse_moved`, `_released`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal, Slot
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from smesco_desk.clock import to_wib
from ui.models.slot_model import FREE, SLOT_MINUTES, Block, SlotBookingsModel
from ui.pages.bookings.grid_style import CURSOR_PEN, SELECTION_FILL
from ui.pages.bookings.slot_view import SlotView

Selection = tuple[int, int, int]  # lane, first slot, last slot
Insets = tuple[int, int, int, int]  # for QRect.adjusted


class SlotGrid(SlotView):
    booking_requested = Signal(str, object, object)  # space code, starts_at, ends_at
    booking_activated = Signal(object)  # the BookingRecord clicked or entered on
    selection_changed = Signal()

    KEEP_CURSOR_TIME: ClassVar[bool] = True  # a reload keeps the cursor's time, not its slot
    SELECTION_INSET: ClassVar[Insets] = (0, 0, 0, -1)
    CURSOR_INSET: ClassVar[Insets] = (1, 1, -1, -2)

    def __init__(
        self, model: SlotBookingsModel, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(model, now, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._cursor = (0, 0)  # lane, slot
        self._cursor_minute: int | None = None  # its time (KEEP_CURSOR_TIME)
        self._anchor = 0  # the slot a selection grows from
        self._selection: Selection | None = None
        self._dragging = False  # selecting with the mouse
        self._pressed: Block | None = None
        model.modelReset.connect(self._on_reset)
        self._on_reset()

    # --- for a grid ----------------------------------------------------------------------------

    def _step_requested(self, steps: int) -> None:  # pragma: no cover
        raise NotImplementedError

    def _pressed_block(self, pos: QPoint, lane: int) -> None:
        """A press on `self._pressed` (a block) at `pos`."""

    def _mouse_moved(self, event: QMouseEvent, pos: QPoint) -> bool:
        """The mouse moved; True: handled (no selecting)."""
        return False

    def _released(self) -> bool:
        """The mouse released; True: handled (no click)."""
        return False

    def _paint_overlays(self, painter: QPainter, content: QRect) -> None:
        """Over the blocks, under the cursor: the now-line (and a drag's ghost)."""

    def _paint_marks(self, painter: QPainter, content: QRect) -> None:
        self._paint_overlays(painter, content)
        if not self.hasFocus() or not self._model.lane_count() or not self._model.slot_count():
            return
        painter.setPen(QPen(CURSOR_PEN, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._cell(*self._cursor).adjusted(*self.CURSOR_INSET))

    def show_minute(self, minute: int) -> None:
        """Scroll to a time of the day and put the cell cursor there."""
        self.scroll_to_minute(minute)
        lane, slot = self._cursor
        wanted = min(max(self._model.slot_of(minute), 0), self._model.slot_count() - 1)
        if slot != wanted:
            self._cursor_minute = None
            self._place(lane, wanted)

    def reveal_booking(self, booking_id: str) -> bool:
        """Put the cursor on a booking's block and bring all of it in view (False:
        the grid does not show it)."""
        model = self._model
        for lane in range(model.lane_count()):
            for block in model.blocks_of(lane):
                if block.booking.id == booking_id:
                    first = max(0, model.slot_of(block.starts))
                    last = min(model.slot_of(block.ends - 1), model.slot_count() - 1)
                    self._place(lane, first)
                    self._bring(lane, first, last)
                    return True
        return False

    # --- state -------------------------------------------------------------------------------

    def cursor_cell(self) -> tuple[int, int]:
        """The cursor's model cell (row, column)."""
        return self._cell_of(*self._cursor)

    def selection(self) -> Selection | None:
        """The cells selected: (lane, first slot, last slot) or None."""
        return self._selection

    def selected_slot(self) -> tuple[str, datetime, datetime] | None:
        """The selected space and time, if every selected cell is free."""
        if self._selection is None:
            return None
        lane, first, last = self._selection
        space = self._model.lane_space(lane)
        if space is None or not self._model.all_free(lane, first, last):
            return None
        return (
            space.code,
            self._model.slot_start_at(lane, first),
            self._model.slot_start_at(lane, last + 1),
        )

    def set_cursor(self, row: int, column: int, *, extend: bool = False) -> None:
        """The cursor to a model cell; `extend`: the selection grows to it along the
        lane, over free cells only."""
        self._place(*self._cell_of(row, column), extend=extend)

    def _place(self, lane: int, slot: int, *, extend: bool = False) -> None:
        lanes, slots = self._model.lane_count(), self._model.slot_count()
        if not lanes or not slots:
            self._cursor = (0, 0)
            self._set_selection(None)
            self.viewport().update()
            return
        lane, slot = min(max(lane, 0), lanes - 1), min(max(slot, 0), slots - 1)
        if extend and self._selection is not None and self._selection[0] == lane:
            slot = self._free_reach(lane, slot)  # a booking or closed cell stops it
            self._set_selection((lane, min(self._anchor, slot), max(self._anchor, slot)))
        else:
            self._anchor = slot
            free = self._model.lane_state(lane, slot) == FREE
            self._set_selection((lane, slot, slot) if free else None)
        self._cursor = (lane, slot)
        self._cursor_minute = self._model.slot_minute(slot)
        self._bring(lane, slot, slot)
        self.viewport().update()

    def _free_reach(self, lane: int, slot: int) -> int:
        """The slot nearest `slot` reached from the anchor over free cells only."""
        step = 1 if slot >= self._anchor else -1
        reach = self._anchor
        while reach != slot and self._model.lane_state(lane, reach + step) == FREE:
            reach += step
        return reach

    def _set_selection(self, selection: Selection | None) -> None:
        if selection != self._selection:
            self._selection = selection
            self.selection_changed.emit()

    @Slot()
    def _on_reset(self) -> None:
        self._update_scrollbars()
        self._dragging, self._pressed = False, None
        lane, slot = self._cursor
        if self.KEEP_CURSOR_TIME and self._cursor_minute is not None and self._model.slot_count():
            slot = self._model.slot_of(self._cursor_minute)  # the same time, another day
        keep = self._selection
        self._place(lane, slot)
        if keep is not None and self._selection is not None and keep[0] == self._cursor[0]:
            first, last = keep[1], min(keep[2], self._model.slot_count() - 1)
            if first <= last and self._model.all_free(keep[0], first, last):
                self._anchor = first
                self._set_selection((keep[0], first, last))
        self.viewport().update()

    # --- keyboard and mouse ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        k = Qt.Key
        earlier, later = (k.Key_Left, k.Key_Right) if self._across else (k.Key_Up, k.Key_Down)
        before, after = (k.Key_Up, k.Key_Down) if self._across else (k.Key_Left, k.Key_Right)
        lane, slot = self._cursor
        if key == k.Key_PageUp or (alt and key == k.Key_Left):
            self._step_requested(-1)
        elif key == k.Key_PageDown or (alt and key == k.Key_Right):
            self._step_requested(1)
        elif key in (earlier, later):
            self._place(lane, slot + (1 if key == later else -1), extend=shift)
        elif key in (before, after):
            self._place(lane + (1 if key == after else -1), slot)
        elif key in (k.Key_Home, k.Key_End):
            self._place(
                lane, 0 if key == k.Key_Home else self._model.slot_count() - 1, extend=shift
            )
        elif key in (k.Key_Return, k.Key_Enter):
            self.activate_cursor()
        else:
            super().keyPressEvent(event)

    def activate_cursor(self) -> None:
        """Enter: open the booking under the cursor, or ask to book the selection."""
        if not self._model.lane_count() or not self._model.slot_count():
            return
        lane, slot = self._cursor
        block = self._model.block_at(lane, self._model.slot_minute(slot) + SLOT_MINUTES // 2)
        if block is not None and block.live:
            self.booking_activated.emit(block.booking)
            return
        self.request_booking()

    def request_booking(self) -> None:
        slot = self.selected_slot()
        if slot is not None:
            self.booking_requested.emit(*slot)

    def _block_under(self, pos: QPoint) -> Block | None:
        cell = self._lane_slot_at(pos)
        if cell is None:
            return None
        t, t0 = self._along(pos)[0], self._origins()[0]
        minute = (
            self._model.first_minute()
            + (t - t0 + self._time_bar().value()) * SLOT_MINUTES // self.slot_size
        )
        return self._model.block_at(cell[0], minute)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        cell = self._lane_slot_at(pos)
        if event.button() != Qt.MouseButton.LeftButton or cell is None:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._pressed = self._block_under(pos)
        if self._pressed is not None:
            self._pressed_block(pos, cell[0])
        self._place(*cell)
        self._dragging = self._pressed is None and self._selection is not None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        if self._mouse_moved(event, pos) or not self._dragging or self._selection is None:
            return
        lane = self._selection[0]
        t0 = self._origins()[0]
        end = self._extents(self.viewport().rect())[0] - 1
        t = min(max(self._along(pos)[0], t0), end)
        cell = self._lane_slot_at(self._point(t, self.lane_pos(lane) + 1))
        if cell is not None and cell[1] != self._cursor[1]:
            self._place(lane, cell[1], extend=True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pressed, self._pressed, self._dragging = self._pressed, None, False
        if self._released():
            return
        if pressed is not None and self._block_under(event.position().toPoint()) is pressed:
            self.booking_activated.emit(pressed.booking)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        if self._block_under(pos) is None and self._lane_slot_at(pos) is not None:
            self.request_booking()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self._block_under(event.pos())
            if block is not None:
                b = block.booking
                times = f"{to_wib(b.starts_at):%H:%M}–{to_wib(b.ends_at):%H:%M}"
                QToolTip.showText(
                    event.globalPos(), f"{self._model.block_text(b)}\n{times}", self.viewport()
                )
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _paint_selection(self, painter: QPainter) -> None:
        if self._selection is None:
            return
        lane, first, last = self._selection
        rect = self._cell(lane, first).united(self._cell(lane, last))
        painter.fillRect(rect.adjusted(*self.SELECTION_INSET), SELECTION_FILL)
