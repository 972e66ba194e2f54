"""Recurring bookings: a series of occurrences of one booking, planned, booked
and cancelled together.

- plan_series reads only: every occurrence of the rule
  (smesco_desk.domain.booking_series) with what keeps it out, if anything: a
  live booking in the way (its BookingRecord), or a refusal of its times
  (outside opening hours, in the past). The person sees them before saving.
- book_series books them in ONE transaction: either every occurrence that is
  not skipped is booked with its charge, or nothing is. With skip_clashes
  False the first occurrence kept out refuses the whole series (its
  BookingConflict or ValidationError); with True those occurrences are left
  out and the others booked. Errors of the form itself (title, attendees,
  space, an end before the start) refuse the series whatever is skipped.
- series_info reads only: the rule of a booking's series and where the
  booking stands in it (None for a booking that is no occurrence).
- cancel_series cancels an occurrence, this one and the following ones, or
  the whole series, each by the rules and the policy of a single
  cancellation (services.bookings.booking.cancel_row), in one transaction.
  "following" and "all" leave alone the occurrences that are over, checked
  in, or no longer live.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.clock import to_wib
from smesco_desk.db.models import Booking, BookingSeries, Space
from smesco_desk.domain.booking_series import (
    Frequency,
    SeriesRule,
    SeriesScope,
    occurrences,
    rule_errors,
    weekdays_of,
)
from smesco_desk.domain.bookings import FREE_STATUSES, WEEKDAYS, BookingStatus, booking_errors
from smesco_desk.domain.text import clean_name
from smesco_desk.errors import AlreadyDone, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.bookings.booking import (
    cancel_row,
    check_cancel,
    check_form_text,
    fit_errors,
    insert_booking,
    occupied,
)
from smesco_desk.services.bookings.conflicts import BookingConflict, clashes
from smesco_desk.services.bookings.lists import booking_row
from smesco_desk.services.bookings.mapping import booking_record, booking_records
from smesco_desk.services.bookings.spaces import space_by_code
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import (
    BookingForm,
    BookingRecord,
    SeriesBooking,
    SeriesInfo,
    SeriesOccurrence,
    SeriesPlan,
)

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

_ALWAYS_OPEN = {day: ["00:00", "24:00"] for day in WEEKDAYS}
_TIME_FIELDS = ("starts_at", "ends_at")


def plan_series(core: Core, form: BookingForm, rule: SeriesRule) -> SeriesPlan:
    """Every occurrence of the series and its clash, if any (nothing is saved)."""
    check_form_text(form)
    with core.db.read() as session:
        space = space_by_code(session, form.space)
        forms = _occurrence_forms(space, form, rule)
        now = core.now()
        planned: list[tuple[datetime, datetime]] = []
        result = []
        for number, occurrence in enumerate(forms, start=1):
            found = _occurrence(session, space, occurrence, number, now, planned)
            if found.free:
                planned.append(occupied(space, occurrence))
            result.append(found)
        return SeriesPlan(tuple(result))


def book_series(
    core: Core, actor: Actor, form: BookingForm, rule: SeriesRule, skip_clashes: bool
) -> SeriesBooking:
    """Book every occurrence (see the module's docstring): all or nothing."""
    require(actor, Permission.BOOK_SPACE)
    check_form_text(form)
    if not isinstance(skip_clashes, bool):
        raise ValidationError({"skip_clashes": _("Pilih lewati yang bentrok atau tidak.")})
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        space = space_by_code(session, form.space)
        forms = _occurrence_forms(space, form, rule)
        series = tx.insert(_series_row(space, form, rule))
        tx.record("booking_series.create", [(series, "insert")], {"space": space.code})
        booked: list[Booking] = []
        skipped: list[SeriesOccurrence] = []
        for number, occurrence in enumerate(forms, start=1):
            if skip_clashes:
                found = _occurrence(session, space, occurrence, number, tx.now, [])
                if not found.free:
                    skipped.append(found)
                    continue
            booked.append(insert_booking(tx, space, occurrence, series.id))
        if not booked:
            raise ValidationError({"starts_at": _("Semua jadwal bentrok: tidak ada yang dipesan.")})
        return SeriesBooking(series.id, tuple(booking_records(session, booked)), tuple(skipped))


def cancel_series(
    core: Core,
    actor: Actor,
    booking_id: str,
    scope: str,
    reason: str = "",
    waive_fee: bool = False,
) -> list[BookingRecord]:
    """Cancel the occurrence `booking_id` ("this"), it and the later ones
    ("following"), or every one ("all"); the bookings cancelled, by start."""
    require(actor, Permission.BOOK_SPACE)
    check_cancel(actor, reason, waive_fee)
    if scope not in {s.value for s in SeriesScope}:
        raise ValidationError({"scope": _("Pilih ini saja, ini dan berikutnya, atau semua.")})
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        row = booking_row(session, booking_id)
        if scope == SeriesScope.THIS or row.series_id is None:
            chosen = [row] if row.status not in FREE_STATUSES else []
        else:
            chosen = live_occurrences(session, row, scope, tx.now)
        if not chosen:
            raise AlreadyDone(_("Tidak ada jadwal yang masih bisa dibatalkan."))
        for each in chosen:
            cancel_row(tx, each, reason, waive_fee)
        return booking_records(session, chosen)


def series_info(core: Core, booking_id: str) -> SeriesInfo | None:
    """The series of the booking `booking_id` and its place in it; None when
    it is no occurrence of a series (NotFound for no such booking)."""
    with core.db.read() as session:
        row = booking_row(session, booking_id)
        if row.series_id is None:
            return None
        series = session.get(BookingSeries, row.series_id)
        ids = list(session.scalars(
            select(Booking.id).where(Booking.series_id == row.series_id,
                                     Booking.deleted_at.is_(None))
            .order_by(Booking.starts_at, Booking.id)))
        now = core.now()
        return SeriesInfo(
            series_id=row.series_id,
            frequency=series.frequency if series is not None else "",
            weekdays=weekdays_of(series.weekdays) if series is not None else (),
            month_day=series.month_day if series is not None else None,
            number=ids.index(row.id) + 1,
            count=len(ids),
            cancellable_following=len(live_occurrences(session, row, SeriesScope.FOLLOWING, now)),
            cancellable_all=len(live_occurrences(session, row, SeriesScope.ALL, now)),
        )


# --- the parts --------------------------------------------------------------------------


def _occurrence_forms(space: Space, form: BookingForm, rule: SeriesRule) -> list[BookingForm]:
    """The form of each occurrence; ValidationError for a bad rule, or for what
    is wrong with the form whatever the day (title, attendees, the times' order)."""
    if not isinstance(rule, SeriesRule):
        raise ValidationError({"frequency": _("Pengulangan tidak dikenal.")})
    # Whatever the day: checked as if the space never closed and the past were open.
    errors = fit_errors(space, form, datetime.min.replace(tzinfo=UTC), _ALWAYS_OPEN)
    errors.update(rule_errors(rule, to_wib(form.starts_at).date()))
    if errors:
        raise ValidationError(errors)
    try:
        times = occurrences(form.starts_at, form.ends_at, rule)
    except ValueError as error:
        raise ValidationError({"until": str(error)}) from error
    return [replace(form, starts_at=start, ends_at=end) for start, end in times]


def _occurrence(
    session: Session,
    space: Space,
    form: BookingForm,
    number: int,
    now: datetime,
    planned: Sequence[tuple[datetime, datetime]],
) -> SeriesOccurrence:
    """One occurrence and what keeps it out: its times refused, a live booking
    in the way, or an earlier occurrence of the same plan."""
    errors = booking_errors(
        form.starts_at, form.ends_at, form.attendees, space.capacity, space.opening_hours, now
    )
    problem = " ".join(errors[f] for f in _TIME_FIELDS if f in errors)
    occurrence = SeriesOccurrence(number, form.starts_at, form.ends_at, problem=problem)
    if problem:
        return occurrence
    occupied_from, occupied_until = occupied(space, form)
    taken = clashes(session, space.id, occupied_from, occupied_until)
    if taken:
        record = booking_record(session, taken[0])
        return replace(occurrence, clash=record, problem=BookingConflict(record).message)
    if any(start < occupied_until and occupied_from < end for start, end in planned):
        return replace(occurrence, problem=_("Bertumpuk dengan jadwal sebelumnya dalam seri ini."))
    return occurrence


def _series_row(space: Space, form: BookingForm, rule: SeriesRule) -> BookingSeries:
    """The series' row: the rule as checked (what the frequency does not read is not kept)."""
    weekly, monthly = rule.frequency == Frequency.WEEKLY, rule.frequency == Frequency.MONTHLY
    return BookingSeries(
        space_id=space.id,
        title=clean_name(form.title),
        frequency=rule.frequency,
        weekdays=",".join(d for d in WEEKDAYS if d in rule.weekdays) if weekly else "",
        month_day=(rule.month_day or to_wib(form.starts_at).day) if monthly else None,
        until=rule.until,
        count=rule.count,
        starts_at=form.starts_at,
        ends_at=form.ends_at,
    )


def live_occurrences(session: Session, row: Booking, scope: str, now: datetime) -> list[Booking]:
    """The live occurrences of the row's series that a cancellation reaches:
    not over, not checked in; from the row's start on for "following"."""
    query = select(Booking).where(
        Booking.series_id == row.series_id,
        Booking.deleted_at.is_(None),
        Booking.status.not_in([s.value for s in FREE_STATUSES]),
        Booking.status != BookingStatus.CHECKED_IN.value,
        Booking.ends_at > now,
    )
    if scope == SeriesScope.FOLLOWING:
        query = query.where(Booking.starts_at >= row.starts_at)
    return list(session.scalars(query.order_by(Booking.starts_at, Booking.id)))
