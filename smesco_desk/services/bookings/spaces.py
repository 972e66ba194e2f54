"""The space catalogue: the rooms, classrooms, hall and workshop that can be
booked, their opening hours, buffers and rates. Kept by administrators; a
change applies to bookings made afterwards (a booking keeps the buffers it
was made with, and its charge the prices)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Booking, Space
from smesco_desk.domain.bookings import (
    WEEKDAYS,
    BookingStatus,
    SpaceNumbers,
    opening_hours_errors,
    space_errors,
    within_opening_hours,
)
from smesco_desk.domain.text import clean_name, has_visible, text_errors
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.bookings.mapping import booking_records, space_info
from smesco_desk.services.payments.catalogue import kind_row
from smesco_desk.services.queries import check_code, live, save_by_code
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import BookingMisfit, SpaceForm, SpaceInfo

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def spaces(core: Core, active_only: bool = True) -> list[SpaceInfo]:
    with core.db.read() as session:
        query = select(Space).where(Space.deleted_at.is_(None))
        if active_only:
            query = query.where(Space.active.is_(True))
        return [space_info(s) for s in session.scalars(query.order_by(Space.floor, Space.code))]


def space_by_code(session: Session, code: str) -> Space:
    """The live space with this code (as typed: any case, spaces around), or NotFound."""
    key = code.strip().lower() if isinstance(code, str) else ""
    return live(
        session.scalar(select(Space).where(Space.code == key)),
        _("Ruang {code} tidak ditemukan.").format(code=key[:40] or "-"),
        "space",
    )


def save_space(core: Core, actor: Actor, form: SpaceForm) -> SpaceInfo:
    """Add a space to the catalogue or change it (by its code)."""
    require(actor, Permission.MANAGE_SPACES)
    errors = text_errors(
        {
            "code": form.code,
            "name": form.name,
            "floor": form.floor,
            "kind_code": form.kind_code,
            "description": form.description,
        }
    )
    if not isinstance(form.active, bool):
        errors["active"] = _("Pilih aktif atau tidak.")
    if errors:
        raise ValidationError(errors)
    code = form.code.strip().lower()
    check_code(code, errors)
    name = clean_name(form.name)
    if not has_visible(name):
        errors["name"] = _("Wajib diisi.")
    elif len(name) > 200:
        errors["name"] = _("Paling banyak 200 karakter.")
    if len(form.floor.strip()) > 16:
        errors["floor"] = _("Paling banyak 16 karakter.")
    numbers = SpaceNumbers(
        form.capacity,
        form.setup_minutes,
        form.cleanup_minutes,
        form.rate_hour,
        form.rate_half_day,
        form.rate_day,
        form.umkm_discount_bp,
    )
    errors.update(space_errors(form.kind, numbers, form.opening_hours))
    with Transaction.begin(core, actor) as tx:
        if kind_row(tx.session, form.kind_code) is None:
            errors["kind_code"] = _("Jenis tagihan tidak dikenal.")
        if errors:
            raise ValidationError(errors)
        row, op = save_by_code(tx, Space, code, lambda: Space(code=code))
        row.name = name
        row.kind = form.kind
        row.floor = form.floor.strip()
        row.capacity = form.capacity
        row.opening_hours = _hours(form.opening_hours)
        row.setup_minutes = form.setup_minutes
        row.cleanup_minutes = form.cleanup_minutes
        row.rate_hour = form.rate_hour
        row.rate_half_day = form.rate_half_day
        row.rate_day = form.rate_day
        row.umkm_discount_bp = form.umkm_discount_bp
        row.kind_code = form.kind_code
        row.description = form.description.strip()
        row.active = form.active
        tx.record("space.save", [(row, op)], {"code": code})
        return space_info(row)


def misfits(core: Core, form: SpaceForm) -> list[BookingMisfit]:
    """The bookings to come (not over, not cancelled, not checked in) that the
    space as the form has it would no longer fit: more attendees than its
    capacity, times outside its opening hours, or the space taken out of use.
    Saving the form does not touch them; the administrator is told first, so
    someone can call the bookers. Empty for a new code."""
    code = form.code.strip().lower() if isinstance(form.code, str) else ""
    with core.db.read() as session:
        space = session.scalar(select(Space).where(Space.code == code, Space.deleted_at.is_(None)))
        if space is None:
            return []
        coming = (BookingStatus.PROVISIONAL.value, BookingStatus.CONFIRMED.value)
        rows = session.scalars(
            select(Booking)
            .where(
                Booking.space_id == space.id,
                Booking.deleted_at.is_(None),
                Booking.status.in_(coming),
                Booking.ends_at > core.now(),
            )
            .order_by(Booking.starts_at)
        ).all()
        found = []
        for record in booking_records(session, rows):
            reason = _misfit(record.starts_at, record.ends_at, record.attendees, form)
            if reason:
                found.append(BookingMisfit(record, reason))
        return found


def _misfit(starts: datetime, ends: datetime, attendees: int, form: SpaceForm) -> str:
    if form.active is False:
        return _("ruang tidak aktif lagi")
    if isinstance(form.capacity, int) and attendees > form.capacity:
        return _("{n} peserta, kapasitas {capacity}").format(n=attendees, capacity=form.capacity)
    if not isinstance(form.opening_hours, Mapping) or opening_hours_errors(form.opening_hours):
        return ""  # hours that do not parse: the form's own errors say so
    inside = within_opening_hours(starts, ends, form.opening_hours)
    return "" if inside else _("di luar jam buka baru")


def _hours(hours: Mapping[str, Any]) -> dict[str, list[str]]:
    """Checked opening hours as stored: open weekdays only, in weekday order."""
    return {day: [str(hours[day][0]), str(hours[day][1])] for day in WEEKDAYS if hours.get(day)}
