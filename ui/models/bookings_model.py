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
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

from smesco_desk.clock import WIB, to_wib
from smesco_desk.domain.bookings import FREE_STATUSES, WEEKDAYS, status_label
from smesco_desk.values.bookings import BookingRecord, SpaceInfo
from ui.context import AppContext

SLOT_MINUTES = 30
DAY_MINUTES = 24 * 60
DEFAULT_HOURS = (8 * 60, 17 * 60)  # shown when no space opens that day

BOOKING_ROLE = Qt.ItemDataRole.UserRole + 1  # the BookingRecord taking the cell, or None
SPACE_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's SpaceInfo
SLOT_START_ROLE = Qt.ItemDataRole.UserRole + 3  # the slot's start, an aware datetime
CELL_STATE_ROLE = Qt.ItemDataRole.UserRole + 4  # "free" | "booked" | "buffer" | "closed"

FREE, BOOKED, BUFFER, CLOSED = "free", "booked", "buffer", "closed"

AnyIndex = QModelIndex | QPersistentModelIndex


def _minutes(text: Any) -> int | None:
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        return None
    try:
        return int(text[:2]) * 60 + int(text[3:])
    except ValueError:
        return None


def opening_span(space: SpaceInfo, day: date) -> tuple[int, int] | None:
    """When the space opens and closes on `day`, in minutes after midnight; None: closed."""
    span = space.opening_hours.get(WEEKDAYS[day.weekday()])
    if not span or len(span) != 2:
        return None
    opens, closes = _minutes(span[0]), _minutes(span[1])
    return None if opens is None or closes is None or opens >= closes else (opens, closes)


@dataclass(frozen=True)
class Block:
    """A booking placed on the day: minutes after the day's midnight (WIB), which
    may lie before 0 or after 24:00 for a booking across midnight."""

    booking: BookingRecord
    starts: int
    ends: int
    occupied_from: int  # with the setup buffer
    occupied_until: int  # with the cleanup buffer

    @property
    def live(self) -> bool:
        return self.booking.status not in FREE_STATUSES


def place(booking: BookingRecord, midnight: datetime) -> Block:
    def at(moment: datetime) -> int:
        return int((to_wib(moment) - midnight).total_seconds() // 60)

    starts, ends = at(booking.starts_at), at(booking.ends_at)
    return Block(booking, starts, ends, starts - booking.setup_minutes,
                 ends + booking.cleanup_minutes)


class DayBookingsModel(QAbstractTableModel):
    """The day grid's data; `set_day()` loads another day, `reload()` the same one."""

    loaded = Signal()  # after each load (the day, spaces or bookings may have changed)
    load_failed = Signal(str)

    def __init__(self, ctx: AppContext, day: date, parent: QObject | None = None, *,
                 load: bool = True) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._day = day  # the day shown
        self._wanted = day  # the day asked for (loading)
        self._spaces: list[SpaceInfo] = []
        self._spaces_stale = True
        self._rows: list[list[Block]] = []  # per space, by start
        self._spans: list[tuple[int, int] | None] = []
        self._first, self._last = DEFAULT_HOURS
        self._generation = 0
        ctx.runner.data_changed.connect(self._on_data_changed)
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
        self._generation += 1
        generation, day, bookings = self._generation, self._wanted, self._ctx.core.bookings
        spaces = None if not self._spaces_stale else bookings.spaces

        def read() -> tuple[list[SpaceInfo] | None, list[BookingRecord]]:
            return (spaces() if spaces else None), bookings.bookings_on(day)

        (self._ctx.runner.op(read, self)
         .success(lambda result: self._replace(generation, day, *result))
         .failure(lambda exc: self._failed(generation, exc))
         .run())

    def set_data(self, day: date, spaces: list[SpaceInfo] | None,
                 bookings: list[BookingRecord]) -> None:
        """Show these spaces (None: the same) and bookings for `day`."""
        self.beginResetModel()
        self._day = day
        if spaces is not None:
            self._spaces = list(spaces)
            self._spaces_stale = False
        midnight = datetime(day.year, day.month, day.day, tzinfo=WIB)
        index = {s.code: i for i, s in enumerate(self._spaces)}
        self._rows = [[] for _ in self._spaces]
        for booking in bookings:
            row = index.get(booking.space_code)
            if row is not None:
                self._rows[row].append(place(booking, midnight))
        for blocks in self._rows:
            blocks.sort(key=lambda b: (b.live, b.starts))  # cancelled first: painted under
        self._spans = [opening_span(s, day) for s in self._spaces]
        self._first, self._last = self._hours()
        self.endResetModel()
        self.loaded.emit()

    def _hours(self) -> tuple[int, int]:
        edges = [span for span in self._spans if span is not None]
        edges += [(max(b.starts, 0), min(b.ends, DAY_MINUTES))
                  for blocks in self._rows for b in blocks if b.live]
        if not edges:
            return DEFAULT_HOURS
        first = min(e[0] for e in edges) // SLOT_MINUTES * SLOT_MINUTES
        last = -(-max(e[1] for e in edges) // SLOT_MINUTES) * SLOT_MINUTES
        return first, max(last, first + SLOT_MINUTES)

    def _replace(self, generation: int, day: date, spaces: list[SpaceInfo] | None,
                 bookings: list[BookingRecord]) -> None:
        if generation == self._generation:
            self.set_data(day, spaces, bookings)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.load_failed.emit(getattr(exc, "message", None) or str(exc))

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if "spaces" in changes:
            self._spaces_stale = True
        # "charges": a booking paid (or its fee) shows in the list of the day
        if changes & {"spaces", "bookings", "charges"}:
            self.reload()

    # --- the grid, for the view ----------------------------------------------------------

    def spaces(self) -> list[SpaceInfo]:
        return list(self._spaces)

    def space(self, row: int) -> SpaceInfo:
        return self._spaces[row]

    def first_minute(self) -> int:
        """The first column's start, in minutes after midnight."""
        return self._first

    def slot_minute(self, column: int) -> int:
        return self._first + column * SLOT_MINUTES

    def slot_start(self, column: int) -> datetime:
        midnight = datetime(self._day.year, self._day.month, self._day.day, tzinfo=WIB)
        return midnight + timedelta(minutes=self.slot_minute(column))

    def opening(self, row: int) -> tuple[int, int] | None:
        return self._spans[row]

    def blocks_of(self, row: int) -> list[Block]:
        """The row's bookings, cancelled ones first (painted under), then by start."""
        return self._rows[row]

    def block_count(self) -> int:
        return sum(len(blocks) for blocks in self._rows)

    def counts(self) -> tuple[int, int]:
        """(live bookings, cancelled or released ones) of the day shown."""
        live = sum(b.live for blocks in self._rows for b in blocks)
        return live, self.block_count() - live

    def block_at(self, row: int, minute: int) -> Block | None:
        """The booking whose own time covers `minute` (a live one before a cancelled one)."""
        found = None
        for block in self._rows[row]:
            if block.starts <= minute < block.ends and (found is None or block.live):
                found = block
        return found

    def cell_state(self, row: int, column: int) -> str:
        start = self.slot_minute(column)
        end = start + SLOT_MINUTES
        state = FREE
        for block in self._rows[row]:
            if not block.live or block.occupied_until <= start or block.occupied_from >= end:
                continue
            if block.starts < end and block.ends > start:
                return BOOKED
            state = BUFFER
        span = self._spans[row]
        if state == FREE and (span is None or start < span[0] or end > span[1]):
            return CLOSED
        return state

    def all_free(self, row: int, first: int, last: int) -> bool:
        return all(self.cell_state(row, c) == FREE for c in range(first, last + 1))

    def column_of(self, minute: int) -> int:
        return (minute - self._first) // SLOT_MINUTES

    def columns_of(self, block: Block) -> tuple[int, int]:
        """The first and last column the block's own time touches (may lie outside)."""
        return self.column_of(block.starts), self.column_of(block.ends - 1)

    def row_of_space(self, code: str) -> int:
        return next((i for i, s in enumerate(self._spaces) if s.code == code), -1)

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._spaces)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else (self._last - self._first) // SLOT_MINUTES

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or section < 0:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section >= self.columnCount():
                return None
            minute = self.slot_minute(section)
            return f"{minute // 60:02d}:{minute % 60:02d}"
        return self._spaces[section].name if section < len(self._spaces) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._spaces):
            return None
        row, column = index.row(), index.column()
        if not 0 <= column < self.columnCount():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, BOOKING_ROLE):
            block = self.block_at(row, self.slot_minute(column) + SLOT_MINUTES // 2)
            if role == BOOKING_ROLE:
                return block.booking if block is not None else None
            return self.block_text(block.booking) if block is not None else None
        if role == SPACE_ROLE:
            return self._spaces[row]
        if role == SLOT_START_ROLE:
            return self.slot_start(column)
        if role == CELL_STATE_ROLE:
            return self.cell_state(row, column)
        return None

    def block_text(self, booking: BookingRecord) -> str:
        return self.tr("{title} · {booker} ({status})").format(
            title=booking.title, booker=booking.payer_name, status=status_label(booking.status))


__all__ = [
    "BOOKED", "BOOKING_ROLE", "BUFFER", "CELL_STATE_ROLE", "CLOSED", "FREE", "SLOT_MINUTES",
    "SLOT_START_ROLE", "SPACE_ROLE", "Block", "DayBookingsModel", "opening_span",
]
