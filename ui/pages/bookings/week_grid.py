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

The cursor, the selection, the keys and the painting of the cells and blocks
are the day grid's (slot_grid.py, slot_view.py); here the lanes are the
days' columns and the time runs down.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from smesco_desk.clock import to_wib
from ui.models.slot_model import Block
from ui.models.week_bookings_model import DAYS, WeekBookingsModel, day_name
from ui.pages.bookings.grid_style import CURSOR_PEN, HEADER_FILL, HOUR_LINE, NOW_PEN
from ui.pages.bookings.slot_grid import Selection, SlotGrid
from ui.pages.bookings.week_text import paint_week_block_text

WeekSelection = Selection  # column (day), first row, last row
TODAY_FILL = QColor("#e4edfb")


class WeekGrid(SlotGrid):
    week_step_requested = Signal(int)  # -1: the week before, +1: the week after

    TIME_AXIS = Qt.Orientation.Vertical
    KEEP_CURSOR_TIME = False  # another week or space: the cursor keeps its row
    LANE_LINE = HOUR_LINE
    BLOCK_INSET = (3, 7)
    SELECTION_INSET = (0, 1, -1, 0)
    CURSOR_INSET = (1, 1, -2, -1)

    _model: WeekBookingsModel

    def __init__(
        self, model: WeekBookingsModel, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(model, now, parent)
        self.setObjectName("week_grid")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    # --- geometry --------------------------------------------------------------------------

    def _measure(self) -> None:
        metrics = QFontMetrics(self.font())
        self.line = metrics.lineSpacing()
        self.row_height = self.slot_size = max(24, self.line + 8)
        self.header_height = max(40, 2 * self.line + 12)
        self.time_width = self.gutter = max(56, metrics.horizontalAdvance("00:00") + 20)  # hours
        self.min_day_width = max(96, metrics.horizontalAdvance("M" * 8))

    def day_width(self) -> int:
        room = self.viewport().width() - self.gutter
        return max(self.min_day_width, room // DAYS)

    def lane_size(self) -> int:
        return self.day_width()

    def x_of(self, column: int) -> int:
        return self.lane_pos(column)

    def y_of(self, minute: int) -> int:
        """The viewport y of a time of the day (minutes after midnight)."""
        return self.time_pos(minute)

    def _step_requested(self, steps: int) -> None:
        self.week_step_requested.emit(steps)

    # --- painting --------------------------------------------------------------------------

    def _paint_block_text(
        self, painter: QPainter, block: Block, rect: QRect, colour: QColor
    ) -> None:
        paint_week_block_text(painter, self.font(), block, rect, colour)

    def _today_column(self) -> int | None:
        days = (to_wib(self._now()).date() - self._model.monday()).days
        return days if 0 <= days < DAYS else None

    def _paint_overlays(self, painter: QPainter, content: QRect) -> None:
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

    def _paint_lane_labels(self, painter: QPainter, lanes: range, view: QRect) -> None:
        """The header: each day's name over its date, today's shaded."""
        painter.fillRect(QRect(0, 0, view.width(), self.header_height), HEADER_FILL)
        painter.setPen(HOUR_LINE)
        painter.drawLine(0, self.header_height - 1, view.width(), self.header_height - 1)
        painter.save()
        painter.setClipRect(
            QRect(self.time_width, 0, view.width() - self.time_width, self.header_height)
        )
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
            painter.drawText(
                rect.adjusted(0, 5, 0, -rect.height() // 2),
                Qt.AlignmentFlag.AlignCenter,
                day_name(day.weekday()),
            )
            painter.setFont(self.font())
            painter.setPen(QColor("#5b6573"))
            painter.drawText(
                rect.adjusted(0, rect.height() // 2, 0, -4),
                Qt.AlignmentFlag.AlignCenter,
                f"{day:%d-%m-%Y}",
            )
            painter.setPen(HOUR_LINE)
            painter.drawLine(rect.right(), 6, rect.right(), self.header_height - 6)
        painter.restore()

    def _paint_time_labels(
        self, painter: QPainter, minutes: list[int], ts: list[int], view: QRect
    ) -> None:
        """The fixed left column: the hours."""
        painter.fillRect(QRect(0, 0, self.time_width, view.height()), HEADER_FILL)
        painter.setPen(HOUR_LINE)
        painter.drawLine(self.time_width - 1, 0, self.time_width - 1, view.height())
        painter.save()
        painter.setClipRect(QRect(0, self.header_height, self.time_width, view.height()))
        for minute, y in zip(minutes[:-1], ts[:-1], strict=True):
            if minute % 60:
                continue
            rect = QRect(0, y, self.time_width - 8, self.row_height)
            painter.setPen(QColor("#3d4654"))
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{minute // 60:02d}:00",
            )
        painter.restore()
