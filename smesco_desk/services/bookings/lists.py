"""Finding bookings: one by its id, and those of a WIB day (what the day grid
and `bookings --date` show)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.clock import wib_day_bounds
from smesco_desk.db.models import Booking
from smesco_desk.domain.bookings import MAX_BOOKING_MINUTES
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.bookings.mapping import booking_record, booking_records
from smesco_desk.services.queries import get_live
from smesco_desk.values.bookings import BookingRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def booking(core: Core, booking_id: str) -> BookingRecord:
    with core.db.read() as session:
        return booking_record(session, booking_row(session, booking_id))


def booking_row(session: Session, booking_id: str) -> Booking:
    return get_live(session, Booking, booking_id, _("Pemesanan tidak ditemukan."))


def bookings_on(core: Core, day: date) -> list[BookingRecord]:
    """Every booking (cancelled and released ones too) that takes place on the
    WIB day `day`, even in part (one across midnight shows on both days), by
    start time."""
    if not isinstance(day, date):
        raise ValidationError({"day": _("Tanggal tidak dikenal.")})
    if not 1900 <= day.year <= 9000:  # no booking lies there (the form refuses such times)
        raise ValidationError({"day": _("Tanggal di luar jangkauan.")})
    start, end = wib_day_bounds(day)
    with core.db.read() as session:
        rows = session.scalars(
            select(Booking)
            .where(
                Booking.deleted_at.is_(None),
                Booking.starts_at < end,
                # (a booking lasts at most that long: the index on starts_at bounds the scan)
                Booking.starts_at > start - timedelta(minutes=MAX_BOOKING_MINUTES),
                Booking.ends_at > start,
            )
            .order_by(Booking.starts_at, Booking.id)
        ).all()
        return booking_records(session, rows)
