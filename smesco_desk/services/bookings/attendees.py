"""The participants of an event booked in a space: imported from a CSV or XLSX
file, or added by hand.

`preview_attendees` checks a file the same way and writes nothing: every row
with its errors, for the person to see before importing.

An import is all or nothing: the rows are read and checked first
(smesco_desk.domain.attendee_import: missing name, bad phone, bad NIK or
email, a phone or NIK twice in the file or already on the booking); with one
bad row, `BadAttendeeRows` lists every bad one by its line and nothing is
written. With `skip_bad`, the good rows are written and the bad ones returned
as skipped. The participants are written in one transaction, which checks the
duplicates again against the booking as it is then.

The NIK is stored as the visitors area stores it: its last four digits and its
keyed pseudonym, computed (slowly, on purpose) before the write lock is taken.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Booking, BookingAttendee, Space
from smesco_desk.domain.attendee_import import (
    MAX_TEXT,
    AttendeeCheck,
    AttendeeInput,
    BadAttendeeRows,
    CleanAttendee,
    check_attendees,
    rows_to_inputs,
)
from smesco_desk.domain.bookings import FREE_STATUSES
from smesco_desk.domain.nik import InvalidNik, mask_nik
from smesco_desk.domain.spreadsheet import UnreadableTable, read_table
from smesco_desk.domain.text import unstorable
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.bookings.lists import booking_row
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import (
    AttendeeImport,
    AttendeePreview,
    AttendeeRecord,
    AttendeeRow,
)

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

Rows = Sequence[tuple[int, Sequence[str]]]


def attendees(core: Core, booking_id: str) -> list[AttendeeRecord]:
    """The participants of a booking, in the order they were added."""
    with core.db.read() as session:
        booking_row(session, booking_id)
        return [attendee_record(a) for a in _live(session, booking_id)]


def preview_attendees(
    core: Core, booking_id: str, source: bytes | Rows, filename: str = ""
) -> AttendeePreview:
    """Every row of a participant file, checked as `import_attendees` would check
    it against the booking as it is now, with its errors; nothing is written.
    ValidationError({"file": ...}) for a file that cannot be read or lacks the
    name or phone column, as the import."""
    inputs = rows_to_inputs(_rows(source, filename))
    with core.db.read() as session:
        booking = _open_booking(session, booking_id)
        checked = _check(session, booking_id, inputs, _Pseudonyms(core))
        present = len(_live(session, booking_id))
        capacity = _capacity(session, booking)
    good = {a.line: a for a in checked.good}
    errors = {p.line: p.errors for p in checked.bad}
    rows = tuple(
        _preview_row(line, typed, good.get(line), errors.get(line, {})) for line, typed in inputs
    )
    return AttendeePreview(rows, present, capacity)


def import_attendees(
    core: Core,
    actor: Actor,
    booking_id: str,
    source: bytes | Rows,
    filename: str = "",
    skip_bad: bool = False,
) -> AttendeeImport:
    """Import a participant list: the bytes of a CSV or XLSX file (`filename`
    tells which), or rows already read (header first, with line numbers)."""
    require(actor, Permission.BOOK_SPACE)
    rows = _rows(source, filename)
    inputs = rows_to_inputs(rows)
    hashes = _Pseudonyms(core)
    with core.db.read() as session:
        _open_booking(session, booking_id)
        checked = _check(session, booking_id, inputs, hashes)  # the slow hashes, unlocked
    if checked.bad and not skip_bad:
        raise BadAttendeeRows(checked.bad)
    with Transaction.begin(core, actor) as tx:
        booking = _open_booking(tx.session, booking_id)
        checked = _check(tx.session, booking_id, inputs, hashes)  # as the booking is now
        if checked.bad and not skip_bad:
            raise BadAttendeeRows(checked.bad)
        _check_capacity(tx.session, booking, len(checked.good))
        written = [
            _insert(tx, booking_id, a.name, a.phone, a.organisation, a.nik, a.email, hashes)
            for a in checked.good
        ]
        if written:
            tx.record(
                "booking.attendees_import",
                [(row, "insert") for row in written],
                {"booking": booking_id, "imported": len(written), "skipped": len(checked.bad)},
            )
        return AttendeeImport(tuple(attendee_record(a) for a in written), checked.bad)


def add_attendee(core: Core, actor: Actor, booking_id: str, form: AttendeeInput) -> AttendeeRecord:
    """Add one participant by hand; ValidationError at the fields."""
    require(actor, Permission.BOOK_SPACE)
    hashes = _Pseudonyms(core)
    inputs = [(0, form)]
    with core.db.read() as session:
        _open_booking(session, booking_id)
        _refuse_bad(_check(session, booking_id, inputs, hashes))
    with Transaction.begin(core, actor) as tx:
        booking = _open_booking(tx.session, booking_id)
        checked = _check(tx.session, booking_id, inputs, hashes)
        _refuse_bad(checked)
        _check_capacity(tx.session, booking, 1)
        a = checked.good[0]
        row = _insert(tx, booking_id, a.name, a.phone, a.organisation, a.nik, a.email, hashes)
        tx.record("booking.attendee_add", [(row, "insert")], {"booking": booking_id})
        return attendee_record(row)


def attendee_record(row: BookingAttendee) -> AttendeeRecord:
    return AttendeeRecord(
        id=row.id,
        booking_id=row.booking_id,
        name=row.name,
        phone=row.phone,
        organisation=row.organisation,
        nik_masked=row.nik_masked,
        email=row.email,
        checked_in_at=row.checked_in_at,
        visit_id=row.visit_id,
    )


def _preview_row(
    line: int, typed: AttendeeInput, clean: CleanAttendee | None, errors: dict[str, str]
) -> AttendeeRow:
    """A row as the preview shows it: the clean values of a good row; a bad
    row's as written (what cannot be stored left out), its NIK masked if valid."""
    if clean is not None and not errors:
        nik = mask_nik(clean.nik) if clean.nik else ""
        return AttendeeRow(line, clean.name, clean.phone, clean.organisation, nik, clean.email, {})
    return AttendeeRow(
        line,
        _shown(typed.name),
        _shown(typed.phone),
        _shown(typed.organisation),
        _masked(typed.nik),
        _shown(typed.email),
        dict(errors),
    )


def _shown(typed: str) -> str:
    return "" if unstorable(typed) else " ".join(typed.split())[:MAX_TEXT]


def _masked(typed: str) -> str:
    if not typed.strip():
        return ""
    try:
        return mask_nik(typed)
    except InvalidNik:
        return ""


class _Pseudonyms:
    """The NIK pseudonyms of one import, each computed once."""

    def __init__(self, core: Core) -> None:
        self._core = core
        self._known: dict[str, str] = {}

    def __call__(self, nik: str) -> str:
        if nik not in self._known:
            self._known[nik] = self._core.nik_key.pseudonym(nik)
        return self._known[nik]


def _rows(source: bytes | Rows, filename: str) -> Rows:
    if not isinstance(source, bytes | bytearray):
        return source
    try:
        return read_table(bytes(source), filename)
    except UnreadableTable as exc:
        raise ValidationError({"file": str(exc)}) from None


def _live(session: Session, booking_id: str) -> Sequence[BookingAttendee]:
    return session.scalars(
        select(BookingAttendee)
        .where(BookingAttendee.booking_id == booking_id, BookingAttendee.deleted_at.is_(None))
        .order_by(BookingAttendee.created_at, BookingAttendee.id)
    ).all()


def _open_booking(session: Session, booking_id: str) -> Booking:
    booking = booking_row(session, booking_id)
    if booking.status in FREE_STATUSES:
        raise DomainError(_("Pemesanan ini sudah dibatalkan atau dilepas."))
    return booking


def _check(
    session: Session,
    booking_id: str,
    inputs: Sequence[tuple[int, AttendeeInput]],
    hashes: _Pseudonyms,
) -> AttendeeCheck:
    present = _live(session, booking_id)
    return check_attendees(
        inputs,
        taken_phones={a.phone for a in present},
        taken_niks={a.nik_hash for a in present if a.nik_hash},
        pseudonym=hashes,
    )


def _refuse_bad(checked: AttendeeCheck) -> None:
    if checked.bad:
        raise ValidationError(checked.bad[0].errors)


def _capacity(session: Session, booking: Booking) -> int:
    space = session.get(Space, booking.space_id)
    return space.capacity if space is not None else 0


def _check_capacity(session: Session, booking: Booking, adding: int) -> None:
    capacity = _capacity(session, booking)
    total = len(_live(session, booking.id)) + adding
    if total > capacity:
        raise ValidationError(
            {
                "attendees": _(
                    "Peserta menjadi {n} orang, melebihi kapasitas ruang ({capacity} orang)."
                ).format(n=total, capacity=capacity)
            }
        )


def _insert(
    tx: Transaction,
    booking_id: str,
    name: str,
    phone: str,
    organisation: str,
    nik: str,
    email: str,
    hashes: _Pseudonyms,
) -> BookingAttendee:
    return tx.insert(
        BookingAttendee(
            booking_id=booking_id,
            name=name,
            phone=phone,
            organisation=organisation,
            nik_masked=mask_nik(nik) if nik else None,
            nik_hash=hashes(nik) if nik else None,
            email=email,
        )
    )
