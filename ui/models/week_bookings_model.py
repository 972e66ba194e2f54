"""The bookings of ONE space over one week: days as columns (Monday to Sunday),
30-minute slots as rows.

`WeekBookingsModel` holds the active spaces (read once, again when "spaces"
changes), the space it shows, and the bookings of that space in the week, read
with ONE call of `core.bookings.bookings_between(monday, sunday, space_id)`
through the operation runner, off the UI thread (as DayBookingsModel reads a
day). The rows run across the union of the space's opening hours that week
(and any live booking lying outside them); a day's closed times are cells in
the state "closed".

Cell states, blocks and their buffers mean what they mean in the day grid
(ui/models/bookings_model.py; both are ui/models/slot_model.py, here a lane
is a day, a column): a block is placed on each day it touches, in minutes
after that day's midnight (a booking across midnight shows on both).
While the page shows the day grid the model is inactive (`set_active`): it
reads nothing, and the page sets the week again when it shows it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, Qt

from smesco_desk.domain.bookings import FREE_STATUSES
from smesco_desk.values.bookings import BookingRecord, SpaceInfo
from ui.context import AppContext
from ui.models.slot_model import (
    BOOKED,
    BUFFER,
    CLOSED,
    DAY_MINUTES,
    FREE,
    Block,
    SlotBookingsModel,
    midnight_of,
    opening_span,
    place,
)

DAYS = 7


def day_name(weekday: int) -> str:
    """A weekday's short name (0: Monday, as date.weekday())."""
    names = (
        QCoreApplication.translate("WeekBookingsModel", "Sen"),
        QCoreApplication.translate("WeekBookingsModel", "Sel"),
        QCoreApplication.translate("WeekBookingsModel", "Rab"),
        QCoreApplication.translate("WeekBookingsModel", "Kam"),
        QCoreApplication.translate("WeekBookingsModel", "Jum"),
        QCoreApplication.translate("WeekBookingsModel", "Sab"),
        QCoreApplication.translate("WeekBookingsModel", "Min"),
    )
    return names[weekday]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class WeekBookingsModel(SlotBookingsModel):
    """The week grid's data; `set_week(day)` shows the week containing `day`,
    `set_space(code)` another space, `reload()` the same again."""

    TIME_AXIS = Qt.Orientation.Vertical

    def __init__(
        self, ctx: AppContext, day: date, parent: QObject | None = None, *, load: bool = True
    ) -> None:
        super().__init__(ctx, DAYS, parent)
        self._monday = self._wanted_monday = monday_of(day)
        self._space_code = ""  # the space asked for ("": the first one)
        self._space: SpaceInfo | None = None
        self._active = True
        self._count = 0
        self._dropped = 0  # of them cancelled or released
        if load:
            self.reload()

    # --- loading -------------------------------------------------------------------------

    def monday(self) -> date:
        return self._monday

    def day(self, column: int) -> date:
        return self._monday + timedelta(days=column)

    def set_week(self, day: date) -> None:
        self._wanted_monday = monday_of(day)
        self.reload()

    def set_space(self, code: str, *, load: bool = True) -> None:
        self._space_code = code
        if load:
            self.reload()

    def set_active(self, active: bool) -> None:
        """Shown (True) or hidden behind the day grid (then it reads nothing)."""
        self._active = active

    def reload(self) -> None:
        """Read the spaces if they changed, then the week's bookings of the space."""
        if not self._active:
            return  # read when shown (the page sets the week again)
        monday, wanted, bookings = self._wanted_monday, self._space_code, self._ctx.core.bookings
        known = None if self._spaces_stale else list(self._spaces)

        def read() -> tuple[list[SpaceInfo] | None, str, list[BookingRecord]]:
            spaces = known if known is not None else bookings.spaces()
            space = next((s for s in spaces if s.code == wanted), spaces[0] if spaces else None)
            if space is None:
                return (None if known is not None else spaces), "", []
            found = bookings.bookings_between(monday, monday + timedelta(days=DAYS - 1), space.id)
            return (None if known is not None else spaces), space.code, found

        self._load(read, lambda *result: self.set_data(monday, *result))

    def set_data(
        self,
        monday: date,
        spaces: list[SpaceInfo] | None,
        space_code: str,
        bookings: list[BookingRecord],
    ) -> None:
        """Show the week of `monday` for the space `space_code` (spaces None: the same)."""
        self.beginResetModel()
        self._monday = monday
        self._take_spaces(spaces)
        self._space = space = next((s for s in self._spaces if s.code == space_code), None)
        mine = [b for b in bookings if b.space_code == space_code]
        days: list[list[Block]] = [[] for _ in range(DAYS)]
        for column in range(DAYS):
            midnight = midnight_of(self.day(column))
            for booking in mine:
                block = place(booking, midnight)
                if block.ends > 0 and block.starts < DAY_MINUTES:
                    days[column].append(block)
        self._count = len({b.id for b in mine})
        self._dropped = len({b.id for b in mine if b.status in FREE_STATUSES})
        self._show(days, [opening_span(space, self.day(c)) if space else None for c in range(DAYS)])
        self.endResetModel()
        self.loaded.emit()

    # --- the grid, for the view ----------------------------------------------------------

    def space(self) -> SpaceInfo | None:
        """The space shown (None: there is no active space)."""
        return self._space

    def lane_space(self, lane: int) -> SpaceInfo | None:
        return self._space

    def lane_day(self, lane: int) -> date:
        return self.day(lane)

    def lane_header(self, lane: int) -> str:
        day = self.day(lane)
        return f"{day_name(day.weekday())} {day:%d-%m}"

    def slot_count(self) -> int:
        return 0 if self._space is None else super().slot_count()

    def row_of(self, minute: int) -> int:
        return self.slot_of(minute)

    def slot_start(self, row: int, column: int) -> datetime:
        return self.slot_start_at(column, row)

    def block_count(self) -> int:
        """How many bookings the week shows (one across midnight counts once)."""
        return self._count

    def counts(self) -> tuple[int, int]:
        """(live bookings, cancelled or released ones) of the week shown."""
        return self._count - self._dropped, self._dropped


__all__ = ["BOOKED", "BUFFER", "CLOSED", "DAYS", "FREE", "WeekBookingsModel", "monday_of"]
