"""Events: a booking marked as a training, a workshop or a seminar, and its
participants checked in at the desk.

A participant's badge holds a QR code with exactly the participant's id (as a
visitor's badge holds the visit id: nothing personal), so the desk's scanner
reads it like any badge. Checking a participant in, by that code or from the
list, registers them as a visitor of the day through the visitors area, in the
same transaction: their name, phone and organisation, the event's purpose
(smesco_desk.domain.bookings.EVENT_PURPOSES) and the event and its booker as
host. Their NIK was never kept, only its pseudonym and mask: those go to the
visitor, so a returning visitor is recognised as at a walk-in registration.
The first participant checked in within the booking's check-in window checks
the booking in too (services.bookings.checkin): its people are here, so it is
never let go as a no-show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from smesco_desk.clock import to_wib
from smesco_desk.db.models import Booking, BookingAttendee
from smesco_desk.domain.booking_policy import may_check_in
from smesco_desk.domain.bookings import (
    EVENT_PURPOSES,
    FREE_STATUSES,
    BookingStatus,
    event_kind_errors,
)
from smesco_desk.errors import AlreadyDone, DomainError, NotFound, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.bookings.attendees import attendee_record
from smesco_desk.services.bookings.checkin import CHECKABLE
from smesco_desk.services.bookings.lists import booking_row
from smesco_desk.services.bookings.mapping import booking_record
from smesco_desk.services.queries import live
from smesco_desk.services.transaction import Transaction
from smesco_desk.services.visitors.form import CleanForm, validate_form
from smesco_desk.services.visitors.lists import UUID_RE
from smesco_desk.services.visitors.purposes import purpose_values
from smesco_desk.services.visitors.registration import register_in
from smesco_desk.values.bookings import AttendeeRecord, BookingRecord
from smesco_desk.values.visitors import VisitorForm

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

MAX_HOST = 200


def set_event(core: Core, actor: Actor, booking_id: str, event_kind: str | None) -> BookingRecord:
    """Mark a booking as an event of `event_kind` (training | workshop | seminar),
    or no longer an event (None). A cancelled or released booking is refused."""
    require(actor, Permission.BOOK_SPACE)
    errors = event_kind_errors(event_kind)
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        row = booking_row(tx.session, booking_id)
        if row.status in FREE_STATUSES:
            raise DomainError(_("Pemesanan ini sudah dibatalkan atau dilepas."))
        if row.event_kind != event_kind:
            before = row.event_kind
            row.event_kind = event_kind
            tx.record(
                "booking.set_event",
                [(tx.update(row), "update")],
                {"event_kind": event_kind, "was": before},
            )
        return booking_record(tx.session, row)


def find_attendee(core: Core, code: str) -> AttendeeRecord | None:
    """The participant a scanned badge (or a typed id) names; None when the text
    holds no participant's id (it may be a visitor's badge)."""
    match = UUID_RE.search(code or "")
    if match is None:
        return None
    with core.db.read() as session:
        row = session.get(BookingAttendee, match.group(0).lower())
        if row is None or row.deleted_at is not None:
            return None
        return attendee_record(row)


def check_in_attendee(core: Core, actor: Actor, code_or_attendee_id: str) -> AttendeeRecord:
    """Check a participant in by their badge's QR text or their id: they are
    registered as a visitor of the day (see the module's docstring). Refused,
    saying why: checked in already (and when), the booking cancelled or released,
    the event on another day, a participant whose data was erased."""
    require(actor, Permission.REGISTER_VISITOR)
    key = (code_or_attendee_id or "").strip()
    if not key:
        raise ValidationError({"scan": _("Pindai badge peserta atau pilih peserta dari daftar.")})
    with Transaction.begin(core, actor) as tx:
        attendee = _attendee(tx.session, key)
        booking = booking_row(tx.session, attendee.booking_id)
        _check_may_check_in(attendee, booking, tx)
        clean = _visitor_form(tx.session, attendee, booking)
        visit, _replaced = register_in(
            tx,
            clean,
            attendee.nik_hash,
            attendee.nik_masked,
            detail={"booking": booking.id, "attendee": attendee.id},
        )
        attendee.checked_in_at = tx.now
        attendee.visit_id = visit.id
        tx.record(
            "booking.attendee_check_in",
            [(tx.update(attendee), "update")],
            {"booking": booking.id, "visit": visit.id, "badge_number": visit.badge_number},
        )
        _event_has_begun(tx, booking)
        return attendee_record(attendee)


def _event_has_begun(tx: Transaction, booking: Booking) -> None:
    """The first participant in (within the booking's check-in window) checks the
    booking in: an event whose people are here is never let go as a no-show."""
    if booking.status not in CHECKABLE:
        return
    if not may_check_in(booking.starts_at, booking.ends_at, booking.setup_minutes, tx.now):
        return
    booking.status = BookingStatus.CHECKED_IN.value
    tx.record(
        "booking.check_in",
        [(tx.update(booking), "update")],
        {"at": tx.now.isoformat(), "by": "participant"},
    )


# --- the parts ---------------------------------------------------------------------


def _attendee(session: Session, key: str) -> BookingAttendee:
    match = UUID_RE.search(key)
    unknown = _("Badge peserta {key} tidak dikenal.").format(key=key[:60])
    if match is None:
        raise NotFound(unknown, "scan")
    return live(session.get(BookingAttendee, match.group(0).lower()), unknown, "scan")


def _check_may_check_in(attendee: BookingAttendee, booking: Booking, tx: Transaction) -> None:
    if attendee.checked_in_at is not None:
        when = to_wib(attendee.checked_in_at).strftime("%d-%m-%Y %H:%M")
        raise AlreadyDone(
            _("{name} sudah check-in pada {when} WIB.").format(name=attendee.name, when=when),
            "scan",
        )
    if booking.status in FREE_STATUSES:
        raise DomainError(
            _("Acara '{title}' sudah dibatalkan atau dilepas.").format(title=booking.title),
            "scan",
        )
    today = to_wib(tx.now).date()
    first, last = to_wib(booking.starts_at).date(), to_wib(booking.ends_at).date()
    if not first <= today <= last:
        raise DomainError(
            _("{name} peserta acara '{title}' pada {date}, bukan hari ini.").format(
                name=attendee.name, title=booking.title, date=f"{first:%d-%m-%Y}"
            ),
            "scan",
        )


def _visitor_form(session: Session, attendee: BookingAttendee, booking: Booking) -> CleanForm:
    """The registration a walk-in would fill in, for this participant."""
    form = VisitorForm(
        name=attendee.name,
        phone=attendee.phone,
        purpose=_purpose(session, booking.event_kind),
        organisation=attendee.organisation,
        host=_host(booking),
        consent=True,  # given to the organiser with the participant list
    )
    try:
        return validate_form(form)
    except ValidationError as exc:
        raise DomainError(
            _("Data peserta {name} tidak lengkap ({problem}); daftarkan sebagai tamu.").format(
                name=attendee.name, problem=exc.message
            ),
            "scan",
        ) from None


def _purpose(session: Session, event_kind: str | None) -> str:
    """The first purpose of the event's kind the visitors area still offers."""
    offered = [p.code for p in purpose_values(session, active_only=True)]
    for code in EVENT_PURPOSES.get(event_kind, EVENT_PURPOSES[None]):
        if code in offered:
            return code
    if not offered:
        raise DomainError(_("Tidak ada keperluan kunjungan yang aktif."), "scan")
    return offered[0]


def _host(booking: Booking) -> str:
    """'Pelatihan Foto Produk · Koperasi Maju' (the event, then its booker)."""
    host = f"{booking.title} \u00b7 {booking.payer_name}" if booking.payer_name else booking.title
    return host if len(host) <= MAX_HOST else host[: MAX_HOST - 1].rstrip() + "\u2026"
