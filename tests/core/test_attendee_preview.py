"""Previewing a participant file before importing it: every row with its errors
(checked as the import checks them, against the booking as it is), the NIK
only masked, the capacity left, and nothing written."""

from __future__ import annotations

import pytest

from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import BookingRecord
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.core.helpers_core import scalar, wib
from tests.core.test_attendee_import import BAD, FILES, GOOD, NIK_BUDI, NIK_SITI


@pytest.fixture
def event(core: Core, admin: Actor, receptionist: Actor) -> BookingRecord:
    """A training in a hall for 300 on 11 March 2026."""
    hall = space_form(
        code="aula",
        name="Aula Serbaguna",
        kind="event_hall",
        capacity=300,
        opening_hours={d: ["00:00", "24:00"] for d in WEEK},
    )
    core.bookings.save_space(admin, hall)
    form = booking_form("aula", wib(2026, 3, 11, 9), wib(2026, 3, 11, 12), "Pelatihan foto")
    return core.bookings.book(receptionist, form)


def written(core: Core) -> int:
    return int(scalar(core, "SELECT count(*) FROM booking_attendees"))


@pytest.mark.parametrize("kind", ["csv-id-semicolon-bom", "xlsx-en-inline"])
def test_every_row_is_shown_with_its_errors_and_nothing_is_written(
    core: Core, event: BookingRecord, kind: str
) -> None:
    data, name = FILES[kind]
    before = scalar(core, "SELECT count(*) FROM audit_log")
    preview = core.bookings.preview_attendees(event.id, data, name)
    assert [r.line for r in preview.rows] == sorted([*BAD, *GOOD])
    assert {r.line: set(r.errors) for r in preview.bad} == BAD
    assert [r.line for r in preview.good] == GOOD
    rows = {r.line: r for r in preview.rows}
    assert (rows[2].name, rows[2].phone, rows[2].nik_masked) == (
        "Budi Santoso",
        "+6281234567890",
        "************0001",
    )
    assert rows[4].phone == "12345" and rows[4].name == "Siti Aminah"  # as written
    assert rows[8].nik_masked == "************0001"  # a valid NIK twice: masked still
    assert rows[9].nik_masked == ""  # "1234" is no NIK
    assert "baris 2" in rows[7].errors["phone"]
    text = repr(preview)
    assert NIK_BUDI not in text and NIK_SITI not in text
    assert (preview.present, preview.capacity) == (0, 300)
    assert written(core) == 0
    assert scalar(core, "SELECT count(*) FROM audit_log") == before


def test_the_preview_sees_the_participants_already_there(
    core: Core, receptionist: Actor, event: BookingRecord
) -> None:
    rows = [(1, ["nama", "hp", "nik"]), (2, ["Budi Santoso", "0812-3456-7890", NIK_BUDI])]
    core.bookings.import_attendees(receptionist, event.id, rows)
    again = [(1, ["nama", "hp", "nik"]), (5, ["Budi Lain", "081399990000", NIK_BUDI])]
    preview = core.bookings.preview_attendees(event.id, again)
    assert preview.present == 1
    (row,) = preview.rows
    assert row.line == 5 and set(row.errors) == {"nik"} and not row.ok
    assert "sudah terdaftar" in row.errors["nik"]
    assert preview.fits(299) and not preview.fits(300)
    assert written(core) == 1


def test_a_file_that_cannot_be_read_or_a_cancelled_booking_is_refused(
    core: Core, admin: Actor, event: BookingRecord
) -> None:
    with pytest.raises(ValidationError) as unreadable:
        core.bookings.preview_attendees(event.id, b"PK\x03\x04 broken", "a.xlsx")
    assert set(unreadable.value.errors) == {"file"}
    with pytest.raises(ValidationError) as no_phone:
        core.bookings.preview_attendees(event.id, b"nama;instansi\nBudi;UMKM\n", "a.csv")
    assert set(no_phone.value.errors) == {"file"}
    core.bookings.cancel(admin, event.id, "batal")
    with pytest.raises(DomainError, match="dibatalkan"):
        core.bookings.preview_attendees(event.id, *FILES["csv-en-comma"])
