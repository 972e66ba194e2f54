"""Letting no-shows go: a confirmed booking nobody checked in for, once the
grace period an administrator set has passed since its start, is released.
Its slot is free again (released bookings take no room, in the service's check
and in the database's guard alike) and the cancellation policy's fee applies
(services.bookings.policies).

Run as the visitors' auto check-out is: by the main window's timer and by the
command line (`release-no-shows`), as the system or as a person.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from smesco_desk.clock import to_wib
from smesco_desk.db.models import Booking, SyncedMixin
from smesco_desk.domain.booking_policy import no_show_from
from smesco_desk.domain.bookings import BookingStatus
from smesco_desk.services.actors import SYSTEM, Actor, Permission, require
from smesco_desk.services.bookings.mapping import booking_records
from smesco_desk.services.bookings.policies import policies_in, settle
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import BookingRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def release_no_shows(core: Core, actor: Actor = SYSTEM) -> list[BookingRecord]:
    """Release every confirmed booking (or provisional: made at a desk whose server
    has not confirmed it yet) whose start plus the grace period has passed
    without a check-in; the bookings released, by start time."""
    require(actor, Permission.BOOK_SPACE)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        policy = policies_in(session)
        latest_start = tx.now - timedelta(minutes=policy.no_show_grace_minutes)
        due = session.scalars(
            select(Booking)
            .where(
                Booking.deleted_at.is_(None),
                Booking.status.in_(
                    [BookingStatus.CONFIRMED.value, BookingStatus.PROVISIONAL.value]
                ),
                Booking.starts_at <= latest_start,
            )
            .order_by(Booking.starts_at, Booking.id)
        ).all()
        for row in due:
            settled, changed = settle(tx, row, policy)
            row.status = BookingStatus.RELEASED.value
            # Stored as the lists show it (in Indonesian), as a cancellation's reason.
            grace_over = to_wib(no_show_from(row.starts_at, policy.no_show_grace_minutes))
            row.cancel_reason = f"Tidak datang sampai {grace_over:%H:%M} WIB (dilepas otomatis)."
            rows: list[tuple[SyncedMixin, str]] = [(tx.update(row), "update"), *changed]
            tx.record("booking.release", rows, settled.detail())
        session.flush()
        return booking_records(session, due)
