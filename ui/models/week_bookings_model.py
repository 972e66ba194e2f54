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
(ui/models/bookings_model.py): a block is placed on each day it touches, in
minutes after that day's midnight (a booking across midnight shows on both).
While the page shows the day grid the model is inactive (`set_active`): it
reads nothing, and the page sets the week again when it shows it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    Slot,
)

from smesco_desk.clock import WIB
from smesco_desk.domain.bookings import FREE_STATUSES, status_label
from smesco_desk.values.bookings import BookingRecord, SpaceInfo
from ui.context import AppContext
from ui.models.bookings_model import (
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


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=WIB)


class WeekBookingsModel(QAbstractTableModel):
    """The week grid's data; `set_week(day)` shows the week containing `day`,
    `set_space(code)` another space, `reload()` the same again."""

    loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, ctx: AppContext, day: date, parent: QObject | None = None, *,
                 load: bool = True) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._monday = self._wanted_monday = monday_of(day)
        self._space_code = ""  # the space asked for ("": the first one)
        self._space: SpaceInfo | None = None
        self._spaces: list[SpaceInfo] = []
        self._spaces_stale = True
        self._active = True
        self._days: list[list[Block]] = [[] for _ in range(DAYS)]
        self._spans: list[tuple[int, int] | None] = [None] * DAYS
        self._first, self._last = DEFAULT_HOURS
        self._generation = 0
        self._count = 0
        self._dropped = 0  # of them cancelled or released
        ctx.runner.data_changed.connect(self._on_data_changed)
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
        self._generation += 1
        generation, monday, wanted = self._generation, self._wanted_monday, self._space_code
        bookings = self._ctx.core.bookings
        known = None if self._spaces_stale else list(self._spaces)

        def read() -> tuple[list[SpaceInfo] | None, str, list[BookingRecord]]:
            spaces = known if known is not None else bookings.spaces()
            space = next((s for s in spaces if s.code == wanted), spaces[0] if spaces else None)
            if space is None:
                return (None if known is not None else spaces), "", []
            found = bookings.bookings_between(monday, monday + timedelta(days=DAYS - 1),
                                              space.id)
            return (None if known is not None else spaces), space.code, found

        (self._ctx.runner.op(read, self)
         .success(lambda result: self._replace(generation, monday, *result))
         .failure(lambda exc: self._failed(generation, exc))
         .run())

    def set_data(self, monday: date, spaces: list[SpaceInfo] | None, space_code: str,
                 bookings: list[BookingRecord]) -> None:
        """Show the week of `monday` for the space `space_code` (spaces None: the same)."""
        self.beginResetModel()
        self._monday = monday
        if spaces is not None:
            self._spaces = list(spaces)
            self._spaces_stale = False
        self._space = next((s for s in self._spaces if s.code == space_code), None)
        self._days = [[] for _ in range(DAYS)]
        for column in range(DAYS):
            midnight = _midnight(self.day(column))
            for booking in bookings:
                if booking.space_code != space_code:
                    continue
                block = place(booking, midnight)
                if block.ends > 0 and block.starts < DAY_MINUTES:
                    self._days[column].append(block)
            self._days[column].sort(key=lambda b: (b.live, b.starts))  # cancelled first
        self._count = len({b.id for b in bookings if b.space_code == space_code})
        self._dropped = len({b.id for b in bookings
                             if b.space_code == space_code and b.status in FREE_STATUSES})
        space = self._space
        self._spans = [opening_span(space, self.day(c)) if space else None for c in range(DAYS)]
        self._first, self._last = self._hours()
        self.endResetModel()
        self.loaded.emit()

    def _hours(self) -> tuple[int, int]:
        edges = [span for span in self._spans if span is not None]
        edges += [(max(b.starts, 0), min(b.ends, DAY_MINUTES))
                  for blocks in self._days for b in blocks if b.live]
        if not edges:
            return DEFAULT_HOURS
        first = min(e[0] for e in edges) // SLOT_MINUTES * SLOT_MINUTES
        last = -(-max(e[1] for e in edges) // SLOT_MINUTES) * SLOT_MINUTES
        return first, max(last, first + SLOT_MINUTES)

    def _replace(self, generation: int, monday: date, spaces: list[SpaceInfo] | None,
                 space_code: str, bookings: list[BookingRecord]) -> None:
        if generation == self._generation:
            self.set_data(monday, spaces, space_code, bookings)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.load_failed.emit(getattr(exc, "message", None) or str(exc))

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if "spaces" in changes:
            self._spaces_stale = True
        if "spaces" in changes or "bookings" in changes:
            self.reload()

    # --- the grid, for the view ----------------------------------------------------------

    def spaces(self) -> list[SpaceInfo]:
        return list(self._spaces)

    def space(self) -> SpaceInfo | None:
        """The space shown (None: there is no active space)."""
        return self._space

    def first_minute(self) -> int:
        return self._first

    def slot_minute(self, row: int) -> int:
        return self._first + row * SLOT_MINUTES

    def row_of(self, minute: int) -> int:
        return (minute - self._first) // SLOT_MINUTES

    def slot_start(self, row: int, column: int) -> datetime:
        return _midnight(self.day(column)) + timedelta(minutes=self.slot_minute(row))

    def opening(self, column: int) -> tuple[int, int] | None:
        return self._spans[column]

    def blocks_of(self, column: int) -> list[Block]:
        """The day's bookings of the space, cancelled ones first (painted under)."""
        return self._days[column]

    def block_count(self) -> int:
        """How many bookings the week shows (one across midnight counts once)."""
        return self._count

    def counts(self) -> tuple[int, int]:
        """(live bookings, cancelled or released ones) of the week shown."""
        return self._count - self._dropped, self._dropped

    def block_at(self, column: int, minute: int) -> Block | None:
        found = None
        for block in self._days[column]:
            if block.starts <= minute < block.ends and (found is None or block.live):
                found = block
        return found

    def cell_state(self, row: int, column: int) -> str:
        start = self.slot_minute(row)
        end = start + SLOT_MINUTES
        state = FREE
        for block in self._days[column]:
            if not block.live or block.occupied_until <= start or block.occupied_from >= end:
                continue
            if block.starts < end and block.ends > start:
                return BOOKED
            state = BUFFER
        span = self._spans[column]
        if state == FREE and (span is None or start < span[0] or end > span[1]):
            return CLOSED
        return state

    def all_free(self, column: int, first: int, last: int) -> bool:
        return all(self.cell_state(r, column) == FREE for r in range(first, last + 1))

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self._space is None:
            return 0
        return (self._last - self._first) // SLOT_MINUTES

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else DAYS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or section < 0:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section >= DAYS:
                return None
            day = self.day(section)
            return f"{day_name(day.weekday())} {day:%d-%m}"
        if section >= self.rowCount():
            return None
        minute = self.slot_minute(section)
        return f"{minute // 60:02d}:{minute % 60:02d}"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= column < DAYS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, BOOKING_ROLE):
            block = self.block_at(column, self.slot_minute(row) + SLOT_MINUTES // 2)
            if role == BOOKING_ROLE:
                return block.booking if block is not None else None
            return self.block_text(block.booking) if block is not None else None
        if role == SPACE_ROLE:
            return self._space
        if role == SLOT_START_ROLE:
            return self.slot_start(row, column)
        if role == CELL_STATE_ROLE:
            return self.cell_state(row, column)
        return None

    def block_text(self, booking: BookingRecord) -> str:
        return self.tr("{title} · {booker} ({status})").format(
            title=booking.title, booker=booking.payer_name, status=status_label(booking.status))


__all__ = ["BOOKED", "BUFFER", "CLOSED", "DAYS", "FREE", "WeekBookingsModel", "monday_of"]
