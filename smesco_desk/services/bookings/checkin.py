"""Checking a booking in when the booker arrives: a confirmed (or provisional)
booking becomes checked in, from the start of its setup buffer until its end
(smesco_desk.domain.booking_policy). A booking checked in is never let go as
a no-show. `check_in_note` says when and by whom, from the audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from smesco_desk.clock import to_wib
from smesco_desk.db.models import AuditEntry, Booking, User
from smesco_desk.domain.booking_policy import check_in_opens, may_check_in
from smesco_desk.domain.bookings import FREE_STATUSES, BookingStatus
from smesco_desk.errors import AlreadyDone, DomainError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.bookings.lists import booking_row
from smesco_desk.services.bookings.mapping import booking_record
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import BookingRecord, CheckInNote

if TYPE_CHECKING:
    from datetime import datetime

    from smesco_desk.services.core import Core

CHECKABLE = frozenset({BookingStatus.CONFIRMED, BookingStatus.PROVISIONAL})


def check_in(core: Core, actor: Actor, booking_id: str) -> BookingRecord:
    """The booker has arrived: the booking is checked in (DomainError when it
    cannot be, saying why)."""
    require(actor, Permission.BOOK_SPACE)
    with Transaction.begin(core, actor) as tx:
        row = booking_row(tx.session, booking_id)
        _check_may_check_in(row, tx.now)
        row.status = BookingStatus.CHECKED_IN.value
        tx.record("booking.check_in", [(tx.update(row), "update")], {"at": tx.now.isoformat()})
        return booking_record(tx.session, row)


def check_in_note(core: Core, booking_id: str) -> CheckInNote | None:
    """When the booking was checked in and by whom (the user's full name when
    the audit names a user), or None if it never was."""
    with core.db.read() as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_id == booking_id, AuditEntry.action == "booking.check_in")
            .order_by(AuditEntry.at.desc())
            .limit(1)
        ).first()
        if entry is None:
            return None
        name = session.scalars(select(User.full_name).where(User.username == entry.actor)).first()
        return CheckInNote(at=entry.at, by=name or entry.actor)


def _check_may_check_in(row: Booking, now: datetime) -> None:
    if row.status == BookingStatus.CHECKED_IN:
        raise AlreadyDone(_("Pemesan sudah check-in."))
    if row.status in FREE_STATUSES:
        raise DomainError(_("Pemesanan ini sudah dibatalkan atau dilepas."))
    if row.status not in CHECKABLE:
        raise DomainError(_("Pemesanan ini bentrok dengan pemesanan lain: selesaikan dulu."))
    if may_check_in(row.starts_at, row.ends_at, row.setup_minutes, now):
        return
    opens = to_wib(check_in_opens(row.starts_at, row.setup_minutes))
    if now < opens:
        raise DomainError(
            _("Check-in baru bisa mulai {date} pukul {time} WIB.").format(
                date=f"{opens:%d-%m-%Y}", time=f"{opens:%H:%M}"
            )
        )
    ended = to_wib(row.ends_at)
    raise DomainError(
        _("Pemesanan ini sudah selesai pada {date} pukul {time} WIB.").format(
            date=f"{ended:%d-%m-%Y}", time=f"{ended:%H:%M}"
        )
    )
