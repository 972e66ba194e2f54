"""Double bookings, found before the database would refuse them: the live
bookings of a space whose occupied time (buffers included, half-open) meets
an interval, and the refusal that names the one a new booking collides with.

Also the sync conflicts of a booking another desk won the slot of (kind
`booking_overlap`, smesco_desk.sync.server_push): closed when the booking is
moved (services.bookings.overlap_conflicts) or cancelled.

The database holds the same rule (smesco_desk.db.overlaps): this check runs
inside the booking's write transaction, so on a desk nothing can slip in
between; it is there to say *which* booking is in the way.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.clock import to_wib
from smesco_desk.db import overlaps
from smesco_desk.db.models import Booking, SyncConflict, SyncedMixin
from smesco_desk.errors import DomainError
from smesco_desk.i18n import _
from smesco_desk.services import overlap_conflicts as shared
from smesco_desk.services.transaction import Transaction
from smesco_desk.sync.values import BOOKING_OVERLAP
from smesco_desk.values.bookings import BookingRecord


class BookingConflict(DomainError):
    """The space is taken then: `booking` is the live booking in the way."""

    def __init__(self, booking: BookingRecord) -> None:
        self.booking = booking
        message = _('Bentrok dengan "{title}" di {space}, {when} WIB.').format(
            title=booking.title, space=booking.space_name, when=when_text(booking)
        )
        if booking.setup_minutes or booking.cleanup_minutes:
            buffers = _("Jeda persiapan {setup} dan pembersihan {cleanup} menit ikut dihitung.")
            message += " " + buffers.format(
                setup=booking.setup_minutes, cleanup=booking.cleanup_minutes
            )
        super().__init__(message, "starts_at")


def when_text(booking: BookingRecord) -> str:
    """10-03-2026 09:00-11:00, or both days when it runs past midnight (WIB)."""
    start, end = to_wib(booking.starts_at), to_wib(booking.ends_at)
    if start.date() == end.date():
        return f"{start:%d-%m-%Y %H:%M}-{end:%H:%M}"
    return f"{start:%d-%m-%Y %H:%M} - {end:%d-%m-%Y %H:%M}"


def clashes(
    session: Session,
    space_id: str,
    occupied_from: datetime,
    occupied_until: datetime,
    except_id: str | None = None,
) -> list[Booking]:
    """The live bookings of the space whose occupied time meets [from, until),
    earliest first."""
    query = select(Booking).where(
        *overlaps.meeting(Booking, "bookings", space_id, occupied_from, occupied_until)
    )
    if except_id is not None:
        query = query.where(Booking.id != except_id)
    return list(session.scalars(query.order_by(Booking.occupied_from)))


def open_overlap_conflicts(session: Session, booking_id: str) -> list[SyncConflict]:
    """The open sync conflicts saying another desk won this booking's slot."""
    return shared.open_overlap_conflicts(session, "bookings", booking_id, BOOKING_OVERLAP)


def close_overlap_conflicts(
    tx: Transaction, booking_id: str, resolution: str, note: str = ""
) -> list[tuple[SyncedMixin, str]]:
    """Resolve the booking's open overlap conflicts in `tx` ("moved", "cancelled");
    the rows changed, for the caller to record."""
    return shared.close_overlap_conflicts(
        tx, "bookings", booking_id, BOOKING_OVERLAP, resolution, note
    )
