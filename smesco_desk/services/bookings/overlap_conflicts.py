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
  resolved as "moved". It moves as any booking does (services.bookings.moving):
  the price follows, an unpaid charge is replaced, a paid one makes a new
  charge of the difference or a credit owed back.
- Cancelling it (`core.bookings.cancel`) resolves its conflict as "cancelled",
  with the cancellation policy (a supervisor may waive the fee).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Space
from smesco_desk.domain.bookings import BookingStatus
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.bookings.booking import fit_errors, new_status, occupied
from smesco_desk.services.bookings.conflicts import clashes, close_overlap_conflicts
from smesco_desk.services.bookings.lists import booking_row
from smesco_desk.services.bookings.mapping import booking_record
from smesco_desk.services.bookings.moving import change_slot, form_of, space_for
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import BookingForm, BookingRecord, MoveSuggestion

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
        assert own is not None  # (a booking's space is never deleted)
        length = row.ends_at - row.starts_at
        here_form = form_of(session, row, own, row.starts_at, row.ends_at, check_text=False)
        elsewhere = [
            _suggestion(space, row.starts_at, length, same_space=False)
            for space in _similar_spaces(session, own, row.attendees)
            if _free(session, space, here_form, row.id, now)
        ][:limit]
        here: list[MoveSuggestion] = []
        if own.active and own.deleted_at is None:
            for start in _nearby_starts(row.starts_at):
                form = replace(here_form, starts_at=start, ends_at=start + length)
                if _free(session, own, form, row.id, now):
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
    """Move a booking in conflict to a free slot (its own space unless `space_id`,
    an id or a code) as any move does (services.bookings.moving: the slot checked,
    the price and the money following), then provisional again at an enrolled
    desk and its sync conflict resolved with `note`. ValidationError for a slot it
    does not fit, BookingConflict if it is taken."""
    require(actor, Permission.BOOK_SPACE)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        row = booking_row(session, booking_id)
        if row.status != BookingStatus.CONFLICT:
            raise DomainError(_("Pemesanan ini tidak sedang bentrok."), "booking")
        space = space_for(session, row, space_id)
        form = form_of(session, row, space, starts_at, ends_at, check_text=False)
        rows, detail = change_slot(tx, row, space, form)
        row.status = new_status(session).value
        rows += close_overlap_conflicts(tx, row.id, "moved", note)
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


def _free(session: Session, space: Space, form: BookingForm, row_id: str, now: datetime) -> bool:
    """Whether the booking (as `form`, at its times) fits in `space` and nothing is in the way."""
    if fit_errors(space, form, now):
        return False
    occupied_from, occupied_until = occupied(space, form)
    return not clashes(session, space.id, occupied_from, occupied_until, except_id=row_id)


def _suggestion(
    space: Space, starts: datetime, length: timedelta, *, same_space: bool
) -> MoveSuggestion:
    return MoveSuggestion(
        space.id, space.code, space.name, space.capacity, starts, starts + length, same_space
    )
