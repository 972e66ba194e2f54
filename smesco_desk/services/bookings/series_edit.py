"""Editing the occurrences of a recurring series: this one ("this"), this one
and the following ones ("following"), or the whole series ("all"), the scope
names of cancel_series (smesco_desk.domain.booking_series.SeriesScope).

The title, the attendees and the notes change as typed. A new start or end
time (a WIB time of day) shifts each occurrence on its own day (an end not
after the start runs past midnight into the next day); the price and the
money follow as for a move (services.bookings.moving). "following" and "all"
reach the occurrences that are live, not over and not checked in, as a
cancellation does; "this" changes that occurrence only and leaves it in its
series.

All or nothing: in one write transaction; an occurrence whose new time
clashes refuses the whole change with the BookingConflict naming the booking
in the way, one outside opening hours (or in the past) with a ValidationError
that names its date.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from smesco_desk.clock import WIB, to_wib
from smesco_desk.db.models import Booking, BookingSeries, Space, SyncedMixin
from smesco_desk.domain.booking_series import SeriesScope
from smesco_desk.domain.bookings import FREE_STATUSES
from smesco_desk.domain.text import clean_name, text_errors
from smesco_desk.errors import AlreadyDone, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.bookings.booking import fit_errors
from smesco_desk.services.bookings.lists import booking_row
from smesco_desk.services.bookings.mapping import booking_records
from smesco_desk.services.bookings.moving import check_movable, form_of, move_row
from smesco_desk.services.bookings.series import live_occurrences
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import BookingRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

_FIELDS = ("title", "attendees", "notes")


def update_series(
    core: Core,
    actor: Actor,
    booking_id: str,
    scope: str,
    *,
    title: str | None = None,
    attendees: int | None = None,
    notes: str | None = None,
    start_time: time | None = None,
    end_time: time | None = None,
) -> list[BookingRecord]:
    """Change the occurrences the scope reaches (see the module's docstring);
    the bookings changed, by start."""
    require(actor, Permission.BOOK_SPACE)
    changes = _changes(title, attendees, notes)
    _check_args(scope, start_time, end_time)
    if not changes and start_time is None and end_time is None:
        raise ValidationError({"title": _("Tidak ada yang diubah.")})
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        row = booking_row(session, booking_id)
        if scope == SeriesScope.THIS or row.series_id is None:
            check_movable(row)
            chosen = [row]
        else:
            chosen = live_occurrences(session, row, scope, tx.now)
        if not chosen:
            raise AlreadyDone(_("Tidak ada jadwal yang masih bisa diubah."))
        for each in chosen:
            space = session.get(Space, each.space_id)
            assert space is not None  # (a booking's space is never deleted)
            starts, ends = _times(each, start_time, end_time)
            form = form_of(session, each, space, starts, ends, **changes)
            try:
                if (starts, ends) == (each.starts_at, each.ends_at):
                    _edit_row(tx, each, space, form)
                else:
                    move_row(tx, each, space, form)
            except ValidationError as error:
                raise _dated(error, each) from error
        if scope == SeriesScope.ALL and row.series_id is not None and "title" in changes:
            series = session.get(BookingSeries, row.series_id)
            if series is not None:
                series.title = clean_name(changes["title"])
                tx.record("booking_series.update", [(tx.update(series), "update")], {})
        session.flush()
        return booking_records(session, sorted(chosen, key=lambda b: (b.starts_at, b.id)))


# --- the parts --------------------------------------------------------------------------


def _changes(title: str | None, attendees: int | None, notes: str | None) -> dict[str, Any]:
    texts = {k: v for k, v in (("title", title), ("notes", notes)) if v is not None}
    errors = text_errors(dict(texts))
    if errors:
        raise ValidationError(errors)
    changes: dict[str, Any] = dict(texts)
    if notes is not None:
        changes["notes"] = notes.strip()
    if attendees is not None:
        changes["attendees"] = attendees
    return changes


def _check_args(scope: str, start_time: time | None, end_time: time | None) -> None:
    errors: dict[str, str] = {}
    if scope not in {s.value for s in SeriesScope}:
        errors["scope"] = _("Pilih ini saja, ini dan berikutnya, atau semua.")
    for name, value in (("starts_at", start_time), ("ends_at", end_time)):
        if value is not None and not isinstance(value, time):
            errors[name] = _("Waktu tidak dikenal.")
    if errors:
        raise ValidationError(errors)


def _times(row: Booking, start_time: time | None, end_time: time | None) -> tuple[datetime, ...]:
    """The occurrence's new start and end: the times of day on its own WIB day."""
    day = to_wib(row.starts_at).date()
    starts = row.starts_at
    if start_time is not None:
        starts = datetime.combine(day, start_time.replace(tzinfo=None), WIB)
    ends = row.ends_at
    if end_time is not None:
        ends = datetime.combine(day, end_time.replace(tzinfo=None), WIB)
        if ends <= starts:  # runs past midnight
            ends += timedelta(days=1)
    return starts, ends


def _edit_row(tx: Transaction, row: Booking, space: Space, form: Any) -> None:
    """Title, attendees and notes of a booking whose times stay (the past may be
    past: a booking under way gets its title corrected)."""
    errors = fit_errors(space, form, datetime.min.replace(tzinfo=WIB))
    errors = {k: v for k, v in errors.items() if k not in ("starts_at", "ends_at")}
    if errors:
        raise ValidationError(errors)
    if row.status in FREE_STATUSES:  # (not reached: such rows are not chosen)
        return
    before = {f: getattr(row, f) for f in _FIELDS}
    row.title, row.attendees, row.notes = clean_name(form.title), form.attendees, form.notes
    changed = [f for f in _FIELDS if getattr(row, f) != before[f]]
    rows: list[tuple[SyncedMixin, str]] = [(tx.update(row), "update")]
    tx.record("booking.edit", rows, {"fields": changed})


def _dated(error: ValidationError, row: Booking) -> ValidationError:
    """The error of one occurrence, said with its date."""
    day = f"{to_wib(row.starts_at):%d-%m-%Y}"
    return ValidationError({k: f"{day}: {v}" for k, v in error.errors.items()})
