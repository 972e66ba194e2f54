"""Rooms and spaces (issue 11): the catalogue of bookable spaces and their bookings.

A booking occupies its space from `occupied_from` (its start less the setup
buffer) until `occupied_until` (its end plus the cleanup buffer), half-open:
two live bookings of one space never share a minute of it. The database holds
that rule itself (migration 0008): a trigger on SQLite, an exclusion
constraint (btree_gist, `tstzrange(occupied_from, occupied_until, '[)')`) on
PostgreSQL; cancelled and released bookings, and deleted rows, take no room.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base, SyncedMixin
from smesco_desk.db.types import UTCDateTime


class Space(SyncedMixin, Base):
    """A bookable space: a meeting room, a classroom, the event hall, the bengkel.

    `opening_hours` maps a weekday ("mon" ... "sun") to ["HH:MM", "HH:MM"] (WIB,
    "24:00" for midnight at the end of the day); a weekday left out is closed.
    Rates are integer rupiah, the UMKM discount in basis points (1000 = 10%);
    `kind_code` is the kind of charge whose taxes a booking's charge takes.
    """

    __tablename__ = "spaces"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # meeting_room | classroom | event_hall | ...
    floor: Mapped[str] = mapped_column(String(16), default="")
    capacity: Mapped[int] = mapped_column(Integer)
    opening_hours: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    setup_minutes: Mapped[int] = mapped_column(Integer, default=0)
    cleanup_minutes: Mapped[int] = mapped_column(Integer, default=0)
    rate_hour: Mapped[int] = mapped_column(BigInteger, default=0)
    rate_half_day: Mapped[int] = mapped_column(BigInteger, default=0)
    rate_day: Mapped[int] = mapped_column(BigInteger, default=0)
    umkm_discount_bp: Mapped[int] = mapped_column(Integer, default=0)
    kind_code: Mapped[str] = mapped_column(String(32), default="room")
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class BookingSeries(SyncedMixin, Base):
    """A recurring booking's rule (smesco_desk.domain.booking_series): its
    occurrences are bookings that point here by `series_id`, each a booking
    of its own (changed or cancelled alone, or with the following ones).
    `weekdays` is "mon,wed" for a weekly rule; `until` (WIB) or `count` ends it."""

    __tablename__ = "booking_series"
    space_id: Mapped[str] = mapped_column(ForeignKey("spaces.id"))
    title: Mapped[str] = mapped_column(String(200))
    frequency: Mapped[str] = mapped_column(String(16))  # daily | weekly | monthly
    weekdays: Mapped[str] = mapped_column(String(32), default="")
    month_day: Mapped[int | None] = mapped_column(Integer, default=None)
    until: Mapped[date | None] = mapped_column(Date, default=None)
    count: Mapped[int | None] = mapped_column(Integer, default=None)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())  # the first occurrence's
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Booking(SyncedMixin, Base):
    """A space booked from `starts_at` to `ends_at` (UTC), with the buffers the
    space had when it was booked. The payer is named as on a charge; `charge_id`
    is the charge the payments area turns into a receipt."""

    __tablename__ = "bookings"
    space_id: Mapped[str] = mapped_column(ForeignKey("spaces.id"))
    title: Mapped[str] = mapped_column(String(200))
    payer_kind: Mapped[str] = mapped_column(String(16))  # visitor | umkm | tenant | organisation
    payer_id: Mapped[str | None] = mapped_column(String(36), default=None)
    payer_name: Mapped[str] = mapped_column(String(200))
    umkm: Mapped[bool] = mapped_column(Boolean, default=False)
    attendees: Mapped[int] = mapped_column(Integer, default=1)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    setup_minutes: Mapped[int] = mapped_column(Integer, default=0)
    cleanup_minutes: Mapped[int] = mapped_column(Integer, default=0)
    occupied_from: Mapped[datetime] = mapped_column(UTCDateTime())  # starts_at - setup
    occupied_until: Mapped[datetime] = mapped_column(UTCDateTime())  # ends_at + cleanup
    # provisional | confirmed | checked_in | cancelled | released | conflict
    status: Mapped[str] = mapped_column(String(16))
    charge_id: Mapped[str | None] = mapped_column(ForeignKey("charges.id"), default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    series_id: Mapped[str | None] = mapped_column(
        ForeignKey("booking_series.id"), default=None, index=True
    )
    # An event with a participant list: training | workshop | seminar (None: no event).
    event_kind: Mapped[str | None] = mapped_column(String(16), default=None)

    __table_args__ = (
        Index("ix_bookings_space_occupied", "space_id", "occupied_from"),
        Index("ix_bookings_starts_at", "starts_at"),
    )


class BookingAttendee(SyncedMixin, Base):
    """A participant of an event booked in a space (a training, a workshop, a
    seminar), imported from a file or added by hand.

    Personal data as the visitors area keeps it: the phone in E.164, the NIK
    never, only its last four digits (`nik_masked`) and its keyed pseudonym
    (`nik_hash`, smesco_desk.domain.nik). `visit_id` is the visit the
    participant's check-in registered."""

    __tablename__ = "booking_attendees"
    booking_id: Mapped[str] = mapped_column(ForeignKey("bookings.id"))
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(20))  # E.164
    organisation: Mapped[str] = mapped_column(String(200), default="")
    nik_masked: Mapped[str | None] = mapped_column(String(16), default=None)
    nik_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    email: Mapped[str] = mapped_column(String(254), default="")
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visits.id"), default=None)

    __table_args__ = (Index("ix_booking_attendees_booking", "booking_id"),)
