"""Moving or resizing a booking: new times, and perhaps another space.

The new slot is checked as a new booking is (services.bookings.booking): the
space's opening hours and capacity, not in the past, the buffers of the
space it goes to, and the live bookings in the way (BookingConflict names the
first; the booking's own old slot is never in its way). Cancelled, released
and checked-in bookings are not moved.

The price follows, by the rules of `book` (the rates' cheapest cover, the UMKM
discount, the taxes of the space's kind of charge), and so does the money:

- nothing paid yet: the open charge is replaced by one of the new price (the
  old one cancelled, as a cancellation's fee replaces it; the audit entry
  keeps both). The booking owes the new price.
- already paid (a receipt paid its charge): the receipt stands. A dearer slot
  makes a NEW open charge of the difference (one untaxed line: the taxes are
  inside both totals). A cheaper slot makes a credit: the payments area has
  no refund of part of a receipt (a void undoes a whole receipt), so the
  difference is recorded as a charge of minus the amount with the status
  `refund_due` (services.payments.charges.new_credit), listed by
  `core.payments.refunds_due()` and on the booking as `refund_due` until the
  cash goes back.
- moved again: open differences and pending credits are cancelled and the
  difference is taken again against what was paid (less the credits already
  paid out: services.payments.refunds), so the booking never owes or is owed
  twice.

Everything happens in one write transaction, recorded as `booking.move` with
the old and new times, spaces and prices: either all of it or nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Booking, Charge, Space, SyncedMixin
from smesco_desk.domain.bookings import FREE_STATUSES, MAX_BOOKING_MINUTES, BookingStatus
from smesco_desk.domain.charges import LineInput, compute_totals
from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.text import clean_name, text_errors
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.bookings.booking import (
    booking_charge,
    check_form_text,
    fit_errors,
    occupied,
    price_lines,
    space_rates,
)
from smesco_desk.services.bookings.conflicts import BookingConflict, clashes
from smesco_desk.services.bookings.lists import booking_row
from smesco_desk.services.bookings.mapping import booking_record
from smesco_desk.services.bookings.spaces import space_by_code
from smesco_desk.services.payments.catalogue import kind_taxes
from smesco_desk.services.payments.charges import REFUND_DUE, REFUNDED, new_charge, new_credit
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import BookingForm, BookingRecord, MoveQuote
from smesco_desk.values.payments import ChargeForm, PayerForm

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

UNMOVABLE = frozenset({*FREE_STATUSES, BookingStatus.CHECKED_IN})


def move(
    core: Core,
    actor: Actor,
    booking_id: str,
    starts_at: datetime,
    ends_at: datetime,
    space_id: str | None = None,
    *,
    title: str | None = None,
) -> BookingRecord:
    """Move or resize a booking (see the module's docstring). `space_id`: the
    space it goes to (its id, or its code as the command line gives it), None
    to stay; `title`: a new title in the same change. ValidationError at the
    fields, BookingConflict when taken."""
    require(actor, Permission.BOOK_SPACE)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        row = booking_row(session, booking_id)
        check_movable(row)
        space = space_for(session, row, space_id)
        more: dict[str, Any] = {} if title is None else {"title": title}
        form = form_of(session, row, space, starts_at, ends_at, **more)
        move_row(tx, row, space, form)
        return booking_record(session, row)


def quote_move(
    core: Core,
    booking_id: str,
    starts_at: datetime,
    ends_at: datetime,
    space_id: str | None = None,
) -> MoveQuote:
    """What moving the booking would do to its money (nothing is saved, the
    slot is not checked): its price now and then, and what that makes."""
    with core.db.read() as session:
        row = booking_row(session, booking_id)
        space = space_for(session, row, space_id)
        form = form_of(session, row, space, starts_at, ends_at)
        if ends_at - starts_at > timedelta(minutes=MAX_BOOKING_MINUTES):  # (no price: too long)
            days = MAX_BOOKING_MINUTES // 1440
            raise ValidationError({"ends_at": _("Paling lama {n} hari.").format(n=days)})
        record = booking_record(session, row)
        new_total = price_of(session, space, form)
        difference = new_total - record.paid
        return MoveQuote(
            old_total=record.total,
            new_total=new_total,
            paid=record.paid,
            new_charge=max(0, difference) if record.paid else 0,
            refund=max(0, -difference) if record.paid else 0,
        )


def check_movable(row: Booking) -> None:
    if row.status in FREE_STATUSES:
        raise DomainError(_("Pemesanan ini sudah dibatalkan atau dilepas."))
    if row.status == BookingStatus.CHECKED_IN:
        raise DomainError(_("Pemesan sudah check-in: waktunya tidak bisa diubah."))


def form_of(
    session: Session,
    row: Booking,
    space: Space,
    starts_at: datetime,
    ends_at: datetime,
    *,
    check_text: bool = True,
    **changes: Any,
) -> BookingForm:
    """The booking as a form at its new times (and other `changes`), its times
    and (unless not `check_text`: a booking as it is stored) its text checked."""
    errors = {
        field: _("Waktu tidak dikenal.")
        for field, value in (("starts_at", starts_at), ("ends_at", ends_at))
        if not isinstance(value, datetime) or value.tzinfo is None
    }
    if errors:
        raise ValidationError(errors)
    values: dict[str, Any] = {
        "space": space.code,
        "title": row.title,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "payer": PayerForm(row.payer_kind, row.payer_name, row.payer_id),
        "attendees": row.attendees,
        "umkm": row.umkm,
        "notes": row.notes,
    }
    values.update(changes)
    form = BookingForm(**values)
    if check_text:
        check_form_text(form)
    return form


def move_row(tx: Transaction, row: Booking, space: Space, form: BookingForm) -> None:
    """Check the booking at the form's times in `space`, change it and its money,
    and record it in `tx` (ValidationError or BookingConflict, writing nothing)."""
    rows, detail = change_slot(tx, row, space, form)
    tx.record("booking.move", rows, detail)


def change_slot(
    tx: Transaction, row: Booking, space: Space, form: BookingForm
) -> tuple[list[tuple[SyncedMixin, str]], dict[str, Any]]:
    """Check the booking at the form's times in `space` and change it and its
    money, without recording it: the rows changed (the booking first) and what
    the audit entry says. The one way a booking's slot changes (a move, a
    series edit, a booking in conflict moved: services.bookings.overlap_conflicts);
    ValidationError or BookingConflict, writing nothing."""
    session = tx.session
    errors = fit_errors(space, form, tx.now)
    if errors:
        raise ValidationError(errors)
    occupied_from, occupied_until = occupied(space, form)
    taken = clashes(session, space.id, occupied_from, occupied_until, except_id=row.id)
    if taken:
        raise BookingConflict(booking_record(session, taken[0]))
    old = booking_record(session, row)
    old_space = row.space_id
    row.space_id = space.id
    row.starts_at, row.ends_at = form.starts_at, form.ends_at
    row.setup_minutes, row.cleanup_minutes = space.setup_minutes, space.cleanup_minutes
    row.occupied_from, row.occupied_until = occupied_from, occupied_until
    row.title, row.attendees, row.notes = clean_name(form.title), form.attendees, form.notes
    rows: list[tuple[SyncedMixin, str]] = [(tx.update(row), "update")]
    money = _reprice(tx, row, space, form, rows, same_space=old_space == space.id)
    session.flush()
    detail: dict[str, Any] = {
        "from": [old.starts_at.isoformat(), old.ends_at.isoformat()],
        "to": [row.starts_at.isoformat(), row.ends_at.isoformat()],
        "old_total": old.total,
        **money,
    }
    if old_space != space.id:
        detail["space"] = [old.space_code, space.code]
    return rows, detail


def price_of(session: Session, space: Space, form: BookingForm) -> int:
    """The booking's price by the rules of `book` (0 for a free space)."""
    if space_rates(space).free:
        return 0
    taxes = kind_taxes(session, space.kind_code)
    return compute_totals(price_lines(space, form), taxes).total


# --- the parts --------------------------------------------------------------------------


def space_for(session: Session, row: Booking, space_id: str | None) -> Space:
    """The space a booking moves to: its own (None), or another by id or code."""
    if space_id is None or space_id == row.space_id:
        space = session.get(Space, row.space_id)
        assert space is not None  # (a booking's space is never deleted)
        return space
    if not isinstance(space_id, str):
        raise ValidationError({"space": _("Ruang tidak dikenal.")})
    errors = text_errors({"space": space_id})
    if errors:
        raise ValidationError(errors)
    by_id = session.get(Space, space_id)
    if by_id is not None and by_id.deleted_at is None:
        return by_id
    return space_by_code(session, space_id)


def _charges(session: Session, row: Booking) -> list[Charge]:
    """The booking's live charges: its own, differences, credits."""
    query = select(Charge).where(
        Charge.source == f"booking:{row.id}",
        Charge.deleted_at.is_(None),
        Charge.status.in_(("open", "paid", REFUND_DUE, REFUNDED)),
    )
    return list(session.scalars(query.order_by(Charge.created_at, Charge.id)))


def _reprice(
    tx: Transaction,
    row: Booking,
    space: Space,
    form: BookingForm,
    rows: list[tuple[SyncedMixin, str]],
    same_space: bool,
) -> dict[str, Any]:
    """The money after the move (see the module's docstring); what it did, for the audit."""
    session = tx.session
    new_total = price_of(session, space, form)
    charges = _charges(session, row)
    paid = [c for c in charges if c.status == "paid"]
    only_own = [c.id for c in charges] == [row.charge_id]
    if not paid and same_space and only_own and charges[0].total == new_total:
        return {"new_total": new_total}  # the same price in the same space: kept
    for charge in charges:
        if charge.status in ("open", REFUND_DUE):
            charge.status = "cancelled"
            rows.append((tx.update(charge), "update"))
    if not paid:
        made = booking_charge(tx, space, row, form)
        row.charge_id = made.id if made is not None else None
        return {"new_total": new_total, "charge": new_total}
    # What the booker has paid, less the credits already paid back to them.
    settled = paid + [c for c in charges if c.status == REFUNDED]
    difference = new_total - sum(c.total for c in settled)
    own = next((c for c in paid if c.id == row.charge_id), paid[0])
    if difference > 0:
        _difference_charge(tx, row, own, difference)
        return {"new_total": new_total, "difference_charge": difference}
    if difference < 0:
        text = f"Pengembalian selisih pindah jadwal: {row.title}"
        new_credit(tx, own, -difference, text, f"booking:{row.id}")
        return {"new_total": new_total, "refund_due": -difference}
    return {"new_total": new_total}


def _difference_charge(tx: Transaction, row: Booking, paid: Charge, amount: int) -> Charge:
    """The open charge of what a dearer slot costs beyond what was paid."""
    # Stored as the receipt prints it (in Indonesian), as the booking's own lines.
    line = LineInput(
        f"Selisih pindah jadwal (sudah dibayar {format_rupiah(paid.total)})", 1, amount, 0, "kali"
    )
    form = ChargeForm(
        PayerForm(paid.payer_kind, paid.payer_name, paid.payer_id),
        paid.kind_code,
        (line,),
        description=f"Selisih pindah jadwal: {row.title}"[:200],
        source=f"booking:{row.id}",
    )
    return new_charge(tx, form, untaxed=True)
