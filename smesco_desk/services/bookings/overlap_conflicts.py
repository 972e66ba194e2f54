"""A booking another desk won the slot of: where it could go, and moving it there.

A booking made offline at a desk reaches the server after another desk's
booking of the same slot; the server keeps it with status `conflict` (it takes
no slot; its charge and any payment stay untouched) and an open sync conflict
of kind `booking_overlap` names both bookings (smesco_desk.sync.server_push).

- `suggest_moves`: free slots as long as the booking: in a similar space (the
  same kind, room for its attendees) at the same time, and in its own space at
  the nearest other times (half-hour steps, up to a week either way), never in
  the past or outside opening hours. The same time comes first (the smallest
  space that fits first), then the nearest times in its own space.
- `move_conflicted`: the booking takes the chosen slot (buffers of its space
  now) and is provisional again until the server accepts it; its conflict is
  resolved as "moved". Its charge stays as it is (the price of another space
  follows when this is unified with the general move of a booking).
- Cancelling it (`core.bookings.cancel`) resolves its conflict as "cancelled",
  with the cancellation policy (a supervisor may waive the fee).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Booking, Space, SyncedMixin
from smesco_desk.domain.bookings import BookingStatus, booking_errors
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.bookings.booking import new_status
from smesco_desk.services.bookings.conflicts import (
    BookingConflict,
    clashes,
    close_overlap_conflicts,
)
from smesco_desk.services.bookings.lists import booking_row
from smesco_desk.services.bookings.mapping import booking_record
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import BookingRecord, MoveSuggestion

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

STEP = timedelta(minutes=30)
HORIZON = timedelta(days=7)
MAX_SUGGESTIONS = 50


def suggest_moves(core: Core, booking_id: str, limit: int = 5) -> list[MoveSuggestion]:
    """Up to `limit` free slots the booking could move to (see the module's docstring)."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_SUGGESTIONS:
        raise ValidationError({"limit": _("Antara 1 dan {n}.").format(n=MAX_SUGGESTIONS)})
    now = core.now()
    with core.db.read() as session:
        row = booking_row(session, booking_id)
        own = session.get(Space, row.space_id)
        length = row.ends_at - row.starts_at
        similar = [] if own is None else _similar_spaces(session, own, row.attendees)
        elsewhere = [
            _suggestion(space, row.starts_at, length, same_space=False)
            for space in similar
            if _free(session, space, row, row.starts_at, row.ends_at, now)
        ][:limit]
        here: list[MoveSuggestion] = []
        if own is not None and own.active and own.deleted_at is None:
            for start in _nearby_starts(row.starts_at):
                if _free(session, own, row, start, start + length, now):
                    here.append(_suggestion(own, start, length, same_space=True))
                    if len(here) == limit:
                        break
    # The same time first; but the booking's own space keeps a place when it has one.
    keep = limit - 1 if here and limit > 1 else limit
    return (elsewhere[:keep] + here)[:limit]


def move_conflicted(
    core: Core,
    actor: Actor,
    booking_id: str,
    starts_at: datetime,
    ends_at: datetime,
    space_id: str | None = None,
    note: str = "",
) -> BookingRecord:
    """Move a booking in conflict to a free slot (its own space unless `space_id`):
    provisional again at an enrolled desk, and its sync conflict resolved.
    ValidationError for a slot it does not fit, BookingConflict if it is taken."""
    require(actor, Permission.BOOK_SPACE)
    errors: dict[str, str] = {}
    for field, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if not isinstance(value, datetime) or value.tzinfo is None:
            errors[field] = _("Waktu tidak dikenal.")
    if space_id is not None and not isinstance(space_id, str):
        errors["space"] = _("Ruang tidak dikenal.")
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        row = booking_row(session, booking_id)
        if row.status != BookingStatus.CONFLICT:
            raise DomainError(_("Pemesanan ini tidak sedang bentrok."), "booking")
        space = session.get(Space, space_id or row.space_id)
        if space is None or space.deleted_at is not None:
            raise ValidationError({"space": _("Ruang tidak ditemukan.")})
        errors = _fit_errors(space, row.attendees, starts_at, ends_at, tx.now)
        if errors:
            raise ValidationError(errors)
        occupied_from, occupied_until = _occupied(space, starts_at, ends_at)
        taken = clashes(session, space.id, occupied_from, occupied_until, except_id=row.id)
        if taken:
            raise BookingConflict(booking_record(session, taken[0]))
        before: dict[str, Any] = {
            "space_id": row.space_id,
            "starts_at": row.starts_at.isoformat(),
            "ends_at": row.ends_at.isoformat(),
        }
        row.space_id = space.id
        row.starts_at, row.ends_at = starts_at, ends_at
        row.setup_minutes, row.cleanup_minutes = space.setup_minutes, space.cleanup_minutes
        row.occupied_from, row.occupied_until = occupied_from, occupied_until
        row.status = new_status(session).value
        rows: list[tuple[SyncedMixin, str]] = [(tx.update(row), "update")]
        rows += close_overlap_conflicts(tx, row.id, "moved", note)
        detail = {"from": before, "space": space.code, "starts_at": starts_at.isoformat()}
        tx.record("booking.move_conflicted", rows, detail)
        return booking_record(session, row)


# --- the parts --------------------------------------------------------------------------


def _similar_spaces(session: Session, own: Space, attendees: int) -> list[Space]:
    """Active spaces of the same kind with room for the attendees, smallest first."""
    query = select(Space).where(
        Space.deleted_at.is_(None),
        Space.active.is_(True),
        Space.id != own.id,
        Space.kind == own.kind,
        Space.capacity >= attendees,
    )
    return list(session.scalars(query.order_by(Space.capacity, Space.code)))


def _nearby_starts(start: datetime) -> list[datetime]:
    """Other starts in half-hour steps, nearest first (later before earlier)."""
    steps = HORIZON // STEP
    return [start + sign * n * STEP for n in range(1, steps + 1) for sign in (1, -1)]


def _occupied(space: Space, starts: datetime, ends: datetime) -> tuple[datetime, datetime]:
    return (
        starts - timedelta(minutes=space.setup_minutes),
        ends + timedelta(minutes=space.cleanup_minutes),
    )


def _fit_errors(
    space: Space, attendees: int, starts: datetime, ends: datetime, now: datetime
) -> dict[str, str]:
    errors = booking_errors(starts, ends, attendees, space.capacity, space.opening_hours, now)
    if not space.active:
        errors["space"] = _("Ruang ini tidak aktif.")
    return errors


def _free(
    session: Session, space: Space, row: Booking, starts: datetime, ends: datetime, now: datetime
) -> bool:
    if _fit_errors(space, row.attendees, starts, ends, now):
        return False
    occupied_from, occupied_until = _occupied(space, starts, ends)
    return not clashes(session, space.id, occupied_from, occupied_until, except_id=row.id)


def _suggestion(
    space: Space, starts: datetime, length: timedelta, *, same_space: bool
) -> MoveSuggestion:
    return MoveSuggestion(
        space.id, space.code, space.name, space.capacity, starts, starts + length, same_space
    )
