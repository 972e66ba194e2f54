"""Finding bookings: one by its id, those of a WIB day (what the day grid and
`bookings --date` show), and those of a range of days, of one space or all
(what the week view shows)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
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


MAX_RANGE_DAYS = 92  # the longest range bookings_between reads at once


def bookings_on(core: Core, day: date) -> list[BookingRecord]:
    """Every booking (cancelled and released ones too) that takes place on the
    WIB day `day`, even in part (one across midnight shows on both days), by
    start time."""
    _check_day(day, "day")
    start, end = wib_day_bounds(day)
    return _bookings_in(core, start, end, None)


def bookings_between(
    core: Core, start_day: date, end_day: date, space_id: str | None = None
) -> list[BookingRecord]:
    """Every booking (cancelled and released ones too) that takes place, even
    in part, on the WIB days from `start_day` to `end_day` (both included), of
    the space `space_id` only when one is given (an unknown one has none), by
    start time: ONE query for a week view's whole range."""
    for value, field in ((start_day, "start_day"), (end_day, "end_day")):
        _check_day(value, field)
        if isinstance(value, datetime):  # a date and a time: which day is meant is unclear
            raise ValidationError({field: _("Tanggal tidak dikenal.")})
    if end_day < start_day:
        raise ValidationError({"end_day": _("Tanggal akhir sebelum tanggal awal.")})
    if (end_day - start_day).days >= MAX_RANGE_DAYS:
        raise ValidationError(
            {"end_day": _("Paling banyak {n} hari sekaligus.").format(n=MAX_RANGE_DAYS)}
        )
    if space_id is not None and not isinstance(space_id, str):
        raise ValidationError({"space": _("Ruang tidak dikenal.")})
    start, end = wib_day_bounds(start_day)[0], wib_day_bounds(end_day)[1]
    return _bookings_in(core, start, end, space_id)


def _check_day(day: object, field: str) -> None:
    if not isinstance(day, date):
        raise ValidationError({field: _("Tanggal tidak dikenal.")})
    if not 1900 <= day.year <= 9000:  # no booking lies there (the form refuses such times)
        raise ValidationError({field: _("Tanggal di luar jangkauan.")})


def _bookings_in(
    core: Core, start: datetime, end: datetime, space_id: str | None
) -> list[BookingRecord]:
    query = select(Booking).where(
        Booking.deleted_at.is_(None),
        Booking.starts_at < end,
        # (a booking lasts at most that long: the index on starts_at bounds the scan)
        Booking.starts_at > start - timedelta(minutes=MAX_BOOKING_MINUTES),
        Booking.ends_at > start,
    )
    if space_id is not None:
        query = query.where(Booking.space_id == space_id)
    with core.db.read() as session:
        rows = session.scalars(query.order_by(Booking.starts_at, Booking.id)).all()
        return booking_records(session, rows)
