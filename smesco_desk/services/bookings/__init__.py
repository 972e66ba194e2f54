"""Rooms and spaces: the space catalogue and bookings that never double-book.

No double booking at three levels: `book` refuses with `BookingConflict`
naming the booking in the way (conflicts), and the database refuses an
overlapping live booking by itself (a trigger on SQLite, an exclusion
constraint on PostgreSQL: smesco_desk.db.overlaps).

The work is done by one module per job; `BookingService` is the front callers
use (`core.bookings.book(...)`), each method handing over to one of them:

- spaces: the space catalogue (administrators)
- booking: making and cancelling a booking, its price and its charge
- policies: the policies an administrator sets, and the fee of a cancellation
- moving: moving or resizing a booking, its price and its money following
- series: recurring bookings, planned, booked and cancelled together
- series_edit: editing one occurrence, this and the following ones, or all
- checkin: checking a booking in when the booker arrives
- release: letting no-shows go after the grace period
- conflicts: the bookings in the way, and BookingConflict
- overlap_conflicts: a booking another desk won the slot of (sync): free slots
  to move it to, and moving it there
- lists: a booking, the bookings of a day or of a range of days
- attendees: the participants of an event (imported from CSV or XLSX, or by hand)
- events: marking a booking as an event, checking its participants in
- event_documents: the participants' badges and the attendance list (PDF)
- mapping: rows to the values in smesco_desk.values.bookings
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from smesco_desk.domain.booking_series import SeriesRule
from smesco_desk.domain.charges import ChargeTotals
from smesco_desk.services.actors import SYSTEM, Actor
from smesco_desk.services.bookings import (
    attendees,
    booking,
    checkin,
    event_documents,
    events,
    lists,
    moving,
    overlap_conflicts,
    policies,
    release,
    series,
    series_edit,
    spaces,
)
from smesco_desk.services.bookings.conflicts import BookingConflict
from smesco_desk.values.bookings import (
    AttendeeForm,
    AttendeeImport,
    AttendeePreview,
    AttendeeRecord,
    BookingForm,
    BookingMisfit,
    BookingPolicies,
    BookingRecord,
    CheckInNote,
    MoveQuote,
    MoveSuggestion,
    SeriesBooking,
    SeriesInfo,
    SeriesPlan,
    SpaceForm,
    SpaceInfo,
)

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


class BookingService:
    """The bookings area's entry points; see the modules named above for how."""

    def __init__(self, core: Core) -> None:
        self.core = core

    # --- the space catalogue ---------------------------------------------------------

    def spaces(self, active_only: bool = True) -> list[SpaceInfo]:
        return spaces.spaces(self.core, active_only)

    def save_space(self, actor: Actor, form: SpaceForm) -> SpaceInfo:
        return spaces.save_space(self.core, actor, form)

    def misfits(self, form: SpaceForm) -> list[BookingMisfit]:
        return spaces.misfits(self.core, form)

    # --- bookings ----------------------------------------------------------------------

    def quote(self, form: BookingForm) -> ChargeTotals:
        return booking.quote(self.core, form)

    def book(self, actor: Actor, form: BookingForm) -> BookingRecord:
        return booking.book(self.core, actor, form)

    def cancel(
        self, actor: Actor, booking_id: str, reason: str = "", waive_fee: bool = False
    ) -> BookingRecord:
        return booking.cancel(self.core, actor, booking_id, reason, waive_fee)

    def move(
        self,
        actor: Actor,
        booking_id: str,
        starts_at: datetime,
        ends_at: datetime,
        space_id: str | None = None,
        *,
        title: str | None = None,
    ) -> BookingRecord:
        return moving.move(self.core, actor, booking_id, starts_at, ends_at, space_id, title=title)

    def quote_move(
        self,
        booking_id: str,
        starts_at: datetime,
        ends_at: datetime,
        space_id: str | None = None,
    ) -> MoveQuote:
        return moving.quote_move(self.core, booking_id, starts_at, ends_at, space_id)

    # --- a booking another desk won the slot of (sync) ------------------------------

    def suggest_moves(self, booking_id: str, limit: int = 5) -> list[MoveSuggestion]:
        return overlap_conflicts.suggest_moves(self.core, booking_id, limit)

    def move_conflicted(
        self,
        actor: Actor,
        booking_id: str,
        starts_at: datetime,
        ends_at: datetime,
        space_id: str | None = None,
        note: str = "",
    ) -> BookingRecord:
        return overlap_conflicts.move_conflicted(
            self.core, actor, booking_id, starts_at, ends_at, space_id, note
        )

    # --- recurring bookings ---------------------------------------------------------

    def plan_series(self, form: BookingForm, rule: SeriesRule) -> SeriesPlan:
        return series.plan_series(self.core, form, rule)

    def book_series(
        self, actor: Actor, form: BookingForm, rule: SeriesRule, skip_clashes: bool = False
    ) -> SeriesBooking:
        return series.book_series(self.core, actor, form, rule, skip_clashes)

    def series_info(self, booking_id: str) -> SeriesInfo | None:
        """The series the booking is an occurrence of, and its place in it (None: none)."""
        return series.series_info(self.core, booking_id)

    def cancel_series(
        self,
        actor: Actor,
        booking_id: str,
        scope: str,
        reason: str = "",
        waive_fee: bool = False,
    ) -> list[BookingRecord]:
        return series.cancel_series(self.core, actor, booking_id, scope, reason, waive_fee)

    def update_series(
        self,
        actor: Actor,
        booking_id: str,
        scope: str,
        *,
        title: str | None = None,
        attendees: int | None = None,
        notes: str | None = None,
        start_time: time | None = None,
        end_time: time | None = None,
    ) -> list[BookingRecord]:
        return series_edit.update_series(
            self.core,
            actor,
            booking_id,
            scope,
            title=title,
            attendees=attendees,
            notes=notes,
            start_time=start_time,
            end_time=end_time,
        )

    def check_in(self, actor: Actor, booking_id: str) -> BookingRecord:
        return checkin.check_in(self.core, actor, booking_id)

    def check_in_note(self, booking_id: str) -> CheckInNote | None:
        """When and by whom the booking was checked in (None: it was not)."""
        return checkin.check_in_note(self.core, booking_id)

    def release_no_shows(self, actor: Actor = SYSTEM) -> list[BookingRecord]:
        return release.release_no_shows(self.core, actor)

    # --- the policies (settings an administrator keeps) -----------------------------

    def policies(self) -> BookingPolicies:
        return policies.policies(self.core)

    def booking(self, booking_id: str) -> BookingRecord:
        return lists.booking(self.core, booking_id)

    def bookings_on(self, day: date) -> list[BookingRecord]:
        return lists.bookings_on(self.core, day)

    def bookings_between(
        self, start_day: date, end_day: date, space_id: str | None = None
    ) -> list[BookingRecord]:
        return lists.bookings_between(self.core, start_day, end_day, space_id)

    # --- the participants of an event ------------------------------------------------

    def attendees(self, booking_id: str) -> list[AttendeeRecord]:
        return attendees.attendees(self.core, booking_id)

    def preview_attendees(
        self,
        booking_id: str,
        source: bytes | Sequence[tuple[int, Sequence[str]]],
        filename: str = "",
    ) -> AttendeePreview:
        return attendees.preview_attendees(self.core, booking_id, source, filename)

    def import_attendees(
        self,
        actor: Actor,
        booking_id: str,
        source: bytes | Sequence[tuple[int, Sequence[str]]],
        filename: str = "",
        skip_bad: bool = False,
    ) -> AttendeeImport:
        return attendees.import_attendees(self.core, actor, booking_id, source, filename, skip_bad)

    def add_attendee(self, actor: Actor, booking_id: str, form: AttendeeForm) -> AttendeeRecord:
        return attendees.add_attendee(self.core, actor, booking_id, form)

    # --- events ------------------------------------------------------------------------

    def set_event(self, actor: Actor, booking_id: str, event_kind: str | None) -> BookingRecord:
        return events.set_event(self.core, actor, booking_id, event_kind)

    def find_attendee(self, code: str) -> AttendeeRecord | None:
        return events.find_attendee(self.core, code)

    def check_in_attendee(self, actor: Actor, code_or_attendee_id: str) -> AttendeeRecord:
        return events.check_in_attendee(self.core, actor, code_or_attendee_id)

    def event_badges(
        self, booking_id: str, fmt: str = "sheet", attendee_ids: Sequence[str] | None = None
    ) -> bytes:
        return event_documents.event_badges(self.core, booking_id, fmt, attendee_ids)

    def attendance_list(self, booking_id: str) -> bytes:
        return event_documents.attendance_list(self.core, booking_id)


__all__ = ["BookingConflict", "BookingService"]
