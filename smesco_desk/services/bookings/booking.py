"""Making and cancelling a booking.

A booking is checked in one write transaction: the form's fields, the space's
opening hours and capacity, then the live bookings in the way (BookingConflict
names the first); then it is written with the buffers its space has now, and
its charge is made by the payments area (the price from the space's rates,
the UMKM discount, the taxes of the space's kind of charge) so that it can be
paid now or later. A free space makes no charge.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from smesco_desk.db.models import Booking, Charge, Space, SyncedMixin, SyncState
from smesco_desk.domain.bookings import (
    FREE_STATUSES,
    MAX_BOOKING_MINUTES,
    BookingStatus,
    Rates,
    booking_errors,
    booking_lines,
    event_kind_errors,
    rental_price,
)
from smesco_desk.domain.charges import ChargeTotals, LineInput, compute_totals
from smesco_desk.domain.text import clean_name, has_visible, text_errors
from smesco_desk.errors import AlreadyDone, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.bookings.conflicts import (
    BookingConflict,
    clashes,
    close_overlap_conflicts,
)
from smesco_desk.services.bookings.lists import booking_row
from smesco_desk.services.bookings.mapping import booking_record
from smesco_desk.services.bookings.policies import policies_in, settle
from smesco_desk.services.bookings.spaces import space_by_code
from smesco_desk.services.payments.catalogue import kind_taxes
from smesco_desk.services.payments.charges import new_charge
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import BookingForm, BookingRecord
from smesco_desk.values.payments import ChargeForm

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from smesco_desk.services.core import Core


def quote(core: Core, form: BookingForm) -> ChargeTotals:
    """What the booking would cost (nothing is saved; only the times are checked:
    a booking longer than a booking may be has no price)."""
    check_form_text(form)
    if form.ends_at - form.starts_at > timedelta(minutes=MAX_BOOKING_MINUTES):
        days = MAX_BOOKING_MINUTES // 1440
        raise ValidationError({"ends_at": _("Paling lama {n} hari.").format(n=days)})
    with core.db.read() as session:
        space = space_by_code(session, form.space)
        taxes = kind_taxes(session, space.kind_code)
        return compute_totals(price_lines(space, form), taxes, require_text=False)


def book(core: Core, actor: Actor, form: BookingForm) -> BookingRecord:
    """Book a space; ValidationError at the fields, BookingConflict if it is taken."""
    require(actor, Permission.BOOK_SPACE)
    check_form_text(form)
    with Transaction.begin(core, actor) as tx:
        space = space_by_code(tx.session, form.space)
        row = insert_booking(tx, space, form)
        return booking_record(tx.session, row)


def fit_errors(
    space: Space, form: BookingForm, now: datetime, hours: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """What keeps the booking out of its space, by field (not the bookings in the
    way); `hours` in place of the space's opening hours."""
    opening = space.opening_hours if hours is None else hours
    errors = booking_errors(
        form.starts_at, form.ends_at, form.attendees, space.capacity, opening, now
    )
    errors.update(title_errors(form))
    if not space.active:
        errors["space"] = _("Ruang ini tidak aktif.")
    return errors


def occupied(space: Space, form: BookingForm) -> tuple[datetime, datetime]:
    """The time the booking takes its space: with the space's buffers now."""
    return (
        form.starts_at - timedelta(minutes=space.setup_minutes),
        form.ends_at + timedelta(minutes=space.cleanup_minutes),
    )


def insert_booking(
    tx: Transaction, space: Space, form: BookingForm, series_id: str | None = None
) -> Booking:
    """Check, write and record one booking and its charge in `tx` (the form's
    text checked already); ValidationError or BookingConflict, writing nothing."""
    session = tx.session
    errors = fit_errors(space, form, tx.now)
    if errors:
        raise ValidationError(errors)
    occupied_from, occupied_until = occupied(space, form)
    taken = clashes(session, space.id, occupied_from, occupied_until)
    if taken:
        raise BookingConflict(booking_record(session, taken[0]))
    row = tx.insert(
        Booking(
            space_id=space.id,
            title=clean_name(form.title),
            payer_kind=form.payer.kind,
            payer_id=form.payer.payer_id,
            payer_name=clean_name(form.payer.name),
            umkm=form.umkm,
            attendees=form.attendees,
            starts_at=form.starts_at,
            ends_at=form.ends_at,
            setup_minutes=space.setup_minutes,
            cleanup_minutes=space.cleanup_minutes,
            occupied_from=occupied_from,
            occupied_until=occupied_until,
            status=new_status(session).value,
            notes=form.notes.strip(),
            cancel_reason="",
            series_id=series_id,
            event_kind=form.event_kind,
        )
    )
    rows: list[tuple[SyncedMixin, str]] = [(row, "insert")]
    charge = booking_charge(tx, space, row, form)
    if charge is not None:
        row.charge_id = charge.id
    session.flush()
    detail: dict[str, Any] = {"space": space.code, "starts_at": row.starts_at.isoformat()}
    if series_id is not None:
        detail["series"] = series_id
    tx.record("booking.create", rows, detail)
    return row


def new_status(session: Session) -> BookingStatus:
    """A new booking's status: provisional at a desk enrolled in sync, until the
    server accepts it (then confirmed; `conflict` when another desk had the slot:
    smesco_desk.sync.server_push); confirmed at a desk on its own."""
    enrolled = session.get(SyncState, "server_url") is not None
    return BookingStatus.PROVISIONAL if enrolled else BookingStatus.CONFIRMED


def cancel(
    core: Core, actor: Actor, booking_id: str, reason: str = "", waive_fee: bool = False
) -> BookingRecord:
    """Cancel a booking: its slot is free again, and the cancellation policy
    applies (free until the hours before the start an administrator set, then
    a fee: services.bookings.policies). A supervisor may waive the fee."""
    require(actor, Permission.BOOK_SPACE)
    check_cancel(actor, reason, waive_fee)
    with Transaction.begin(core, actor) as tx:
        row = booking_row(tx.session, booking_id)
        if row.status in FREE_STATUSES:
            raise AlreadyDone(_("Pemesanan ini sudah dibatalkan atau dilepas."))
        cancel_row(tx, row, reason, waive_fee)
        return booking_record(tx.session, row)


def check_cancel(actor: Actor, reason: str, waive_fee: bool) -> None:
    """Refuse a cancellation by what was typed, and a waiver by who asks for it
    (the caller has required BOOK_SPACE), before any reading."""
    if not isinstance(waive_fee, bool):
        raise ValidationError({"waive_fee": _("Pilih bebaskan biaya atau tidak.")})
    if waive_fee:
        require(actor, Permission.WAIVE_BOOKING_FEE)
    errors = text_errors({"reason": reason})
    if waive_fee and not errors and not reason.strip():
        errors["reason"] = _("Tulis alasan biaya pembatalan dibebaskan.")
    if errors:
        raise ValidationError(errors)


def cancel_row(tx: Transaction, row: Booking, reason: str, waive_fee: bool) -> None:
    """Cancel a live booking in `tx`, with the policy's fee, and record it; a
    booking checked in has used its space and is not cancelled (a booking in
    conflict: its sync conflict is resolved as cancelled)."""
    if row.status == BookingStatus.CHECKED_IN.value:
        raise AlreadyDone(
            _("Pemesan sudah hadir (check-in): ruang sudah dipakai, tidak bisa dibatalkan.")
        )
    settled, changed = settle(tx, row, policies_in(tx.session), waive=waive_fee)
    in_conflict = row.status == BookingStatus.CONFLICT
    row.status = BookingStatus.CANCELLED.value
    row.cancel_reason = reason.strip()
    rows: list[tuple[SyncedMixin, str]] = [(tx.update(row), "update"), *changed]
    if in_conflict:
        rows += close_overlap_conflicts(tx, row.id, "cancelled", row.cancel_reason)
    detail = {"reason": row.cancel_reason, **settled.detail()}
    tx.record("booking.cancel", rows, detail)


# --- the parts --------------------------------------------------------------------------


def check_form_text(form: BookingForm) -> None:
    """Refuse, before anything else, what cannot be stored or is not a time."""
    errors = text_errors(
        {
            "space": form.space,
            "title": form.title,
            "payer_name": form.payer.name,
            "payer_kind": form.payer.kind,
            "notes": form.notes,
        }
    )
    if form.payer.payer_id is not None:
        errors.update(text_errors({"payer_id": form.payer.payer_id}))
    for field in ("starts_at", "ends_at"):
        value: Any = getattr(form, field)
        if not isinstance(value, datetime) or value.tzinfo is None:
            errors[field] = _("Waktu tidak dikenal.")
        elif not 1900 <= value.year <= 9000:  # (buffers and day bounds stay in range)
            errors[field] = _("Tanggal di luar jangkauan.")
    if not isinstance(form.umkm, bool):
        errors["umkm"] = _("Pilih UMKM atau bukan.")
    errors.update(event_kind_errors(form.event_kind))
    if errors:
        raise ValidationError(errors)


def title_errors(form: BookingForm) -> dict[str, str]:
    title = clean_name(form.title)
    if not has_visible(title):
        return {"title": _("Wajib diisi.")}
    if len(title) > 200:
        return {"title": _("Paling banyak 200 karakter.")}
    return {}


def _minutes(form: BookingForm) -> int:
    return max(0, (form.ends_at - form.starts_at) // timedelta(minutes=1))


def space_rates(space: Space) -> Rates:
    return Rates(space.rate_hour, space.rate_half_day, space.rate_day)


def price_lines(space: Space, form: BookingForm) -> list[LineInput]:
    """The charge's lines: the rates' cheapest cover of the booking, less the UMKM
    discount when the booker is a registered UMKM."""
    rates = space_rates(space)
    discount = space.umkm_discount_bp if form.umkm is True else 0
    minutes = _minutes(form)
    return booking_lines(space.name, rental_price(minutes, rates), rates, discount, minutes)


def booking_charge(tx: Transaction, space: Space, row: Booking, form: BookingForm) -> Charge | None:
    """The booking's charge, made by the payments area (None for a free space)."""
    if space_rates(space).free:
        return None
    charge_form = ChargeForm(
        form.payer,
        space.kind_code,
        tuple(price_lines(space, form)),
        description=f"{space.name}: {clean_name(form.title)}"[:200],
        source=f"booking:{row.id}",
    )
    return new_charge(tx, charge_form)
