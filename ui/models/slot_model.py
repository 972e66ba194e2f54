"""What the day grid's and the week grid's models share: bookings placed as
blocks in lanes of 30-minute slots, and what a new booking would meet there.

A *lane* is a run of slots that one booking can take: a space on the day
(`DayBookingsModel`, a row) or a day of the space's week (`WeekBookingsModel`,
a column). The slots run across the opening hours the model shows; the time
axis is the columns (`TIME_AXIS` horizontal) or the rows (vertical). Lanes
hold their blocks (cancelled ones first, painted under, then by start) and
their opening span; a cell is one lane at one slot, in the state "booked",
"buffer", "closed" or "free" (ui/models/bookings_model.py says which is which).

A subclass reads (`reload`, one call through the operation runner, off the
UI thread, handed to `_load`), fills the lanes (`_show`), and says what its
lanes are: `lane_count`, `lane_space`, `lane_day`, `lane_header`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
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
SPACE_ROLE = Qt.ItemDataRole.UserRole + 2  # the cell's SpaceInfo
SLOT_START_ROLE = Qt.ItemDataRole.UserRole + 3  # the slot's start, an aware datetime
CELL_STATE_ROLE = Qt.ItemDataRole.UserRole + 4  # "free" | "booked" | "buffer" | "closed"

FREE, BOOKED, BUFFER, CLOSED = "free", "booked", "buffer", "closed"

AnyIndex = QModelIndex | QPersistentModelIndex
Span = tuple[int, int] | None


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


def midnight_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=WIB)


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True)
class Block:
    """A booking placed on a day: minutes after the day's midnight (WIB), which
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
    return Block(
        booking, starts, ends, starts - booking.setup_minutes, ends + booking.cleanup_minutes
    )


class SlotBookingsModel(QAbstractTableModel):
    """Lanes of blocks over the slots of the hours shown (see the module)."""

    loaded = Signal()  # after each load (the days, spaces or bookings may have changed)
    load_failed = Signal(str)

    TIME_AXIS: ClassVar[Qt.Orientation] = Qt.Orientation.Horizontal
    RELOAD_ON: ClassVar[frozenset[str]] = frozenset({"spaces", "bookings"})

    def __init__(self, ctx: AppContext, lanes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._spaces: list[SpaceInfo] = []
        self._spaces_stale = True
        self._lanes: list[list[Block]] = [[] for _ in range(lanes)]
        self._spans: list[Span] = [None] * lanes
        self._first, self._last = DEFAULT_HOURS
        self._generation = 0
        ctx.runner.data_changed.connect(self._on_data_changed)

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:  # pragma: no cover - each model reads its own way
        raise NotImplementedError

    def _load(self, read: Callable[[], tuple[Any, ...]], show: Callable[..., None]) -> None:
        """Run `read` off the UI thread; its result goes to `show` unless another
        load was asked for meanwhile."""
        self._generation += 1
        generation = self._generation

        def done(result: tuple[Any, ...]) -> None:
            if generation == self._generation:
                show(*result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.load_failed.emit(getattr(exc, "message", None) or str(exc))

        self._ctx.runner.op(read, self).success(done).failure(failed).run()

    def _take_spaces(self, spaces: list[SpaceInfo] | None) -> None:
        if spaces is not None:
            self._spaces = list(spaces)
            self._spaces_stale = False

    def _show(self, lanes: list[list[Block]], spans: list[Span]) -> None:
        """Inside a model reset: these blocks and opening spans, lane by lane."""
        for blocks in lanes:
            blocks.sort(key=lambda b: (b.live, b.starts))  # cancelled first: painted under
        self._lanes, self._spans = lanes, spans
        edges = [span for span in spans if span is not None]
        edges += [
            (max(b.starts, 0), min(b.ends, DAY_MINUTES))
            for blocks in lanes
            for b in blocks
            if b.live
        ]
        if not edges:
            self._first, self._last = DEFAULT_HOURS
            return
        first = min(e[0] for e in edges) // SLOT_MINUTES * SLOT_MINUTES
        last = -(-max(e[1] for e in edges) // SLOT_MINUTES) * SLOT_MINUTES
        self._first, self._last = first, max(last, first + SLOT_MINUTES)

    @Slot(object)
    def _on_data_changed(self, changes: frozenset[str]) -> None:
        if "spaces" in changes:
            self._spaces_stale = True
        if changes & self.RELOAD_ON:
            self.reload()

    # --- lanes and slots -------------------------------------------------------------------

    def spaces(self) -> list[SpaceInfo]:
        return list(self._spaces)

    def lane_count(self) -> int:
        return len(self._lanes)

    def slot_count(self) -> int:
        return (self._last - self._first) // SLOT_MINUTES

    def lane_space(self, lane: int) -> SpaceInfo | None:  # pragma: no cover
        raise NotImplementedError

    def lane_day(self, lane: int) -> date:  # pragma: no cover
        raise NotImplementedError

    def lane_header(self, lane: int) -> str | None:  # pragma: no cover
        raise NotImplementedError

    def first_minute(self) -> int:
        """The first slot's start, in minutes after midnight."""
        return self._first

    def slot_minute(self, slot: int) -> int:
        return self._first + slot * SLOT_MINUTES

    def slot_of(self, minute: int) -> int:
        return (minute - self._first) // SLOT_MINUTES

    def slot_start_at(self, lane: int, slot: int) -> datetime:
        return midnight_of(self.lane_day(lane)) + timedelta(minutes=self.slot_minute(slot))

    def opening(self, lane: int) -> Span:
        return self._spans[lane]

    def blocks_of(self, lane: int) -> list[Block]:
        """The lane's bookings, cancelled ones first (painted under), then by start."""
        return self._lanes[lane]

    def block_at(self, lane: int, minute: int) -> Block | None:
        """The booking whose own time covers `minute` (a live one before a cancelled one)."""
        found = None
        for block in self._lanes[lane]:
            if block.starts <= minute < block.ends and (found is None or block.live):
                found = block
        return found

    def lane_state(self, lane: int, slot: int) -> str:
        start = self.slot_minute(slot)
        end = start + SLOT_MINUTES
        state = FREE
        for block in self._lanes[lane]:
            if not block.live or block.occupied_until <= start or block.occupied_from >= end:
                continue
            if block.starts < end and block.ends > start:
                return BOOKED
            state = BUFFER
        span = self._spans[lane]
        if state == FREE and (span is None or start < span[0] or end > span[1]):
            return CLOSED
        return state

    def all_free(self, lane: int, first: int, last: int) -> bool:
        """Whether the slots `first` to `last` of a lane are all free."""
        return all(self.lane_state(lane, s) == FREE for s in range(first, last + 1))

    def lane_and_slot(self, row: int, column: int) -> tuple[int, int]:
        return (row, column) if self.TIME_AXIS is Qt.Orientation.Horizontal else (column, row)

    def cell_state(self, row: int, column: int) -> str:
        return self.lane_state(*self.lane_and_slot(row, column))

    def block_text(self, booking: BookingRecord) -> str:
        text = QCoreApplication.translate("SlotBookingsModel", "{title} · {booker} ({status})")
        return text.format(
            title=booking.title, booker=booking.payer_name, status=status_label(booking.status)
        )

    # --- Qt model --------------------------------------------------------------------------

    def _size(self, parent: AnyIndex, orientation: Qt.Orientation) -> int:
        if parent.isValid():
            return 0
        return self.slot_count() if orientation == self.TIME_AXIS else self.lane_count()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return self._size(parent, Qt.Orientation.Vertical)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return self._size(parent, Qt.Orientation.Horizontal)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or section < 0:
            return None
        if orientation != self.TIME_AXIS:
            return self.lane_header(section) if section < self.lane_count() else None
        return clock(self.slot_minute(section)) if section < self.slot_count() else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        lane, slot = self.lane_and_slot(index.row(), index.column())
        if not (0 <= lane < self.lane_count() and 0 <= slot < self.slot_count()):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, BOOKING_ROLE):
            block = self.block_at(lane, self.slot_minute(slot) + SLOT_MINUTES // 2)
            if role == BOOKING_ROLE:
                return block.booking if block is not None else None
            return self.block_text(block.booking) if block is not None else None
        if role == SPACE_ROLE:
            return self.lane_space(lane)
        if role == SLOT_START_ROLE:
            return self.slot_start_at(lane, slot)
        if role == CELL_STATE_ROLE:
            return self.lane_state(lane, slot)
        return None
