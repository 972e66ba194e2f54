"""An erasure reaches the event participants who are the person: the desk that
erases them blanks those rows as queued updates, and sync carries them to the
server (its tables and change log) and every other desk."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from smesco_desk.clock import WIB
from smesco_desk.db.models import BookingAttendee
from smesco_desk.domain.attendee_import import AttendeeInput
from smesco_desk.domain.erasure import ERASED_NAME
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.bookings import SpaceForm
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.sync.helpers_sync import (
    RECEPTION,
    SUPERVISOR,
    Desks,
    register,
    server_rows,
    sync_all,
    table_rows,
)
from tests.sync.proxy import TcpProxy

pytestmark = pytest.mark.slow

NAME, PHONE, NIK = "Siti Rahayu", "081234567890", "3174056508900001"
EMAIL = "siti.rahayu@example.id"
ADMIN = Actor("admin", Role.ADMIN, "user", "Admin")


def test_the_person_s_participant_rows_are_blanked_at_the_server_and_every_desk(
    desks: Desks, server_url: str
) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    hall = space_form(
        code="aula",
        name="Aula",
        kind="event_hall",
        capacity=300,
        opening_hours={d: ["00:00", "24:00"] for d in WEEK},
    )
    d1.bookings.save_space(ADMIN, hall)
    day = (datetime.now(WIB) + timedelta(days=3)).replace(hour=9, minute=0, second=0, microsecond=0)
    event = d1.bookings.book(RECEPTION, booking_form("aula", day, day + timedelta(hours=3)))
    d1.bookings.add_attendee(
        RECEPTION, event.id, AttendeeInput("Siti R.", "0813 9999 0000", "Koperasi", NIK, EMAIL)
    )
    d1.bookings.add_attendee(RECEPTION, event.id, AttendeeInput("Budi", "0812 0000 1111"))
    visit = register(d1, NAME, PHONE, nik=NIK)
    sync_all(d1, d2)
    d1.privacy.erase_visitor(SUPERVISOR, visit.visitor_id)
    sync_all(d1, d2)

    names = [r[0] for r in server_rows(server_url, "SELECT name FROM booking_attendees")]
    assert sorted(names) == sorted([ERASED_NAME, "Budi"])
    log = server_rows(server_url, "SELECT payload::text FROM sync_changes")
    assert not any(EMAIL in str(r[0]) or "6281399990000" in str(r[0]) for r in log)
    assert table_rows(d2, "booking_attendees", ("server_seq",)) == table_rows(
        d1, "booking_attendees", ("server_seq",)
    )
    assert EMAIL not in str(table_rows(d2, "booking_attendees"))


def test_a_desk_that_had_not_heard_of_the_erasure_cannot_bring_a_participant_back(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    """D02 changes its copy of a participant who is the person while offline (as a
    later correction or check-in would); D01 erases the person meanwhile. The
    erasure names that participant row, so D02's late push is blanked on its way
    into the server, and D02 blanks its own copy when it pulls the erasure."""
    d1, d2 = proxied_desks.first("D01"), proxied_desks.join("D02")
    d1.bookings.save_space(ADMIN, _hall())
    day = (datetime.now(WIB) + timedelta(days=3)).replace(hour=9, minute=0, second=0, microsecond=0)
    event = d1.bookings.book(RECEPTION, booking_form("aula", day, day + timedelta(hours=3)))
    siti = d1.bookings.add_attendee(
        RECEPTION, event.id, AttendeeInput("Siti R.", "0813 9999 0000", "Koperasi", NIK, EMAIL)
    )
    visit = register(d1, NAME, PHONE, nik=NIK)
    sync_all(d1, d2)

    proxy.go_offline()
    _edit_attendee(d2, siti.id, organisation="Koperasi Sejahtera")  # still has her data
    proxy.go_online()
    d1.privacy.erase_visitor(SUPERVISOR, visit.visitor_id)
    sync_all(d1)
    (ids,) = server_rows(server_url, "SELECT attendee_ids FROM erasures")
    assert ids[0] == [siti.id]
    sync_all(d2, d1)

    (row,) = server_rows(
        server_url,
        "SELECT name, phone, email, nik_hash FROM booking_attendees WHERE id = %s",
        siti.id,
    )
    assert row == (ERASED_NAME, "", "", None)
    log = server_rows(server_url, "SELECT payload::text FROM sync_changes")
    assert not any(EMAIL in str(r[0]) or "6281399990000" in str(r[0]) for r in log)
    for core in (d1, d2):
        (mine,) = [a for a in core.bookings.attendees(event.id) if a.id == siti.id]
        assert (mine.name, mine.phone, mine.email) == (ERASED_NAME, "", "")
        assert EMAIL not in str(table_rows(core, "booking_attendees"))
        assert EMAIL not in str(table_rows(core, "outbox"))
    assert table_rows(d2, "booking_attendees", ("server_seq",)) == table_rows(
        d1, "booking_attendees", ("server_seq",)
    )


def _hall() -> SpaceForm:
    return space_form(
        code="aula",
        name="Aula",
        kind="event_hall",
        capacity=300,
        opening_hours={d: ["00:00", "24:00"] for d in WEEK},
    )


def _edit_attendee(core: Core, attendee_id: str, **changes: str) -> None:
    """A change of a participant row at a desk, recorded as every service records
    one (no service edits a participant yet; check-in and corrections will)."""
    with Transaction.begin(core, RECEPTION) as tx:
        row = tx.session.get(BookingAttendee, attendee_id)
        assert row is not None
        for column, value in changes.items():
            setattr(row, column, value)
        tx.record("booking.attendee.update", [(tx.update(row), "update")])
