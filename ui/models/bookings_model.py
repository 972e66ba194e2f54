"""The bookings of one day as a grid: spaces as rows, 30-minute slots as columns.

`DayBookingsModel` holds the active spaces (read once, again when "spaces"
changes) and the bookings of the day it shows, read with ONE call of
`core.bookings.bookings_on(day)` through the operation runner, off the UI
thread. The columns run across the day's opening hours: the union of the
spaces' hours that weekday (and any booking lying outside them).

A cell is one space for one slot. Its state says what a new booking there
would meet: "booked" (a live booking's own time), "buffer" (only a live
booking's setup or cleanup), "closed" (the space is not open for the whole
slot) or "free". Cancelled and released bookings are shown (`blocks_of`) but
take no slot. The day grid (ui/pages/bookings/day_grid.py) paints from
`blocks_of(row)` and the cell states; a plain QTableView could show the same.
The blocks, cell states and the Qt model are those of every grid's model
(ui/models/slot_model.py): here a lane is a space, a row.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QObject

from smesco_desk.values.bookings import BookingRecord, SpaceInfo
from ui.context import AppContext
from ui.models.slot_model import (
    BOOKED,
    BOOKING_ROLE,
    BUFFER,
    CELL_STATE_ROLE,
    CLOSED,
    DAY_MINUTES,
    DEFAULT_HOURS,
    FREE,
    SLOT_MINUTES,
    SLOT_START_ROLE,
    SPACE_ROLE,
    AnyIndex,
    Block,
    SlotBookingsModel,
    midnight_of,
    opening_span,
    place,
)


class DayBookingsModel(SlotBookingsModel):
    """The day grid's data; `set_day()` loads another day, `reload()` the same one."""

    # "charges": a booking paid (or its fee) shows in the list of the day
    RELOAD_ON = frozenset({"spaces", "bookings", "charges"})

    def __init__(
        self, ctx: AppContext, day: date, parent: QObject | None = None, *, load: bool = True
    ) -> None:
        super().__init__(ctx, 0, parent)
        self._day = day  # the day shown
        self._wanted = day  # the day asked for (loading)
        if load:
            self.reload()

    # --- loading -------------------------------------------------------------------------

    def day(self) -> date:
        return self._day

    def set_day(self, day: date) -> None:
        self._wanted = day
        self.reload()

    def reload(self) -> None:
        """Read the bookings of the day asked for (and the spaces, if they changed)."""
        day, bookings = self._wanted, self._ctx.core.bookings
        spaces = None if not self._spaces_stale else bookings.spaces

        def read() -> tuple[list[SpaceInfo] | None, list[BookingRecord]]:
            return (spaces() if spaces else None), bookings.bookings_on(day)

        self._load(read, lambda found, booked: self.set_data(day, found, booked))

    def set_data(
        self, day: date, spaces: list[SpaceInfo] | None, bookings: list[BookingRecord]
    ) -> None:
        """Show these spaces (None: the same) and bookings for `day`."""
        self.beginResetModel()
        self._day = day
        self._take_spaces(spaces)
        midnight = midnight_of(day)
        index = {s.code: i for i, s in enumerate(self._spaces)}
        rows: list[list[Block]] = [[] for _ in self._spaces]
        for booking in bookings:
            row = index.get(booking.space_code)
            if row is not None:
                rows[row].append(place(booking, midnight))
        self._show(rows, [opening_span(s, day) for s in self._spaces])
        self.endResetModel()
        self.loaded.emit()

    # --- the grid, for the view ----------------------------------------------------------

    def space(self, row: int) -> SpaceInfo:
        return self._spaces[row]

    def lane_space(self, lane: int) -> SpaceInfo:
        return self._spaces[lane]

    def lane_day(self, lane: int) -> date:
        return self._day

    def lane_header(self, lane: int) -> str:
        return self._spaces[lane].name

    def slot_start(self, column: int) -> datetime:
        return self.slot_start_at(0, column)

    def block_count(self) -> int:
        return sum(len(blocks) for blocks in self._lanes)

    def counts(self) -> tuple[int, int]:
        """(live bookings, cancelled or released ones) of the day shown."""
        live = sum(b.live for blocks in self._lanes for b in blocks)
        return live, self.block_count() - live

    def column_of(self, minute: int) -> int:
        return self.slot_of(minute)

    def columns_of(self, block: Block) -> tuple[int, int]:
        """The first and last column the block's own time touches (may lie outside)."""
        return self.slot_of(block.starts), self.slot_of(block.ends - 1)

    def row_of_space(self, code: str) -> int:
        return next((i for i, s in enumerate(self._spaces) if s.code == code), -1)


__all__ = [
    "BOOKED",
    "BOOKING_ROLE",
    "BUFFER",
    "CELL_STATE_ROLE",
    "CLOSED",
    "DAY_MINUTES",
    "DEFAULT_HOURS",
    "FREE",
    "SLOT_MINUTES",
    "SLOT_START_ROLE",
    "SPACE_ROLE",
    "AnyIndex",
    "Block",
    "DayBookingsModel",
    "opening_span",
    "place",
]
