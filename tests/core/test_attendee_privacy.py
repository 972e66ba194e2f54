"""UU PDP reaches event participants (booking_attendees): export-visitor lists the
participant rows that are the person (same NIK pseudonym, or same phone and
name), erase-visitor blanks them in its transaction as queued updates, purge-expired
blanks the participants of events that ended longer ago than the visitor
retention period, and the NIK key counts their pseudonyms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smesco_desk.domain.attendee_import import AttendeeInput
from smesco_desk.domain.erasure import ERASED_NAME, ErasedPeople
from smesco_desk.paths import nik_key_path
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core, open_core
from smesco_desk.services.nik_key import NikKeyMissing
from smesco_desk.values.bookings import BookingRecord
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.core.helpers_core import NIK_BUDI, NIK_SITI, FakeClock, scalar, visitor_form, wib

ROWS = "SELECT name, phone, organisation, email, nik_masked, nik_hash FROM booking_attendees"


@pytest.fixture
def event(core: Core, admin: Actor, receptionist: Actor) -> BookingRecord:
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


def participants(core: Core, receptionist: Actor, event: BookingRecord) -> None:
    """Siti by NIK (another phone), Siti by phone and name, a namesake with
    another phone, and Budi."""
    for person in (
        AttendeeInput("Siti R.", "0813 9999 0000", "Koperasi", NIK_SITI, "siti@example.id"),
        AttendeeInput("SITI  rahayu", "0812 3456 7890", "Koperasi", "", "s@example.id"),
        AttendeeInput("Siti Rahayu", "0857 1111 2222"),
        AttendeeInput("Budi Santoso", "0812 0000 1111", "", NIK_BUDI),
    ):
        core.bookings.add_attendee(receptionist, event.id, person)


def rows(core: Core) -> list[tuple[object, ...]]:
    with core.db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(ROWS + " ORDER BY phone").all()]


def test_export_lists_the_participant_rows_that_are_the_person(
    core: Core, receptionist: Actor, supervisor: Actor, event: BookingRecord
) -> None:
    participants(core, receptionist, event)
    visit = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    data = core.privacy.export_visitor(supervisor, visit.visitor_id)
    found = data["event_participations"]
    assert sorted(p["phone"] for p in found) == ["+6281234567890", "+6281399990000"]
    assert {p["booking_id"] for p in found} == {event.id}
    assert {p["email"] for p in found} == {"siti@example.id", "s@example.id"}
    assert data["stored_in"]["tables"]["booking_attendees"] == 2
    assert "Budi" not in json.dumps(data)


def test_erasure_blanks_the_person_s_participant_rows_as_queued_updates(
    core: Core, receptionist: Actor, supervisor: Actor, event: BookingRecord
) -> None:
    participants(core, receptionist, event)
    visit = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    core.privacy.erase_visitor(supervisor, visit.visitor_id)
    blank = (ERASED_NAME, "", "", "", None, None)
    left = rows(core)
    assert left.count(blank) == 2
    assert {r[0] for r in left} == {ERASED_NAME, "Siti Rahayu", "Budi Santoso"}
    assert len(core.bookings.attendees(event.id)) == 4  # the count stays
    # Sync carries the blanked rows (a new version each): the last queued payloads are blank.
    with core.db.engine.connect() as conn:
        payloads = [
            json.loads(p)
            for (p,) in conn.exec_driver_sql(
                "SELECT payload FROM outbox WHERE entity = 'booking_attendees' AND op = 'update'"
            )
        ]
        text_everywhere = "\n".join(
            str(r) for r in conn.exec_driver_sql("SELECT payload FROM outbox").all()
        )
    assert len(payloads) == 2 and all(p["name"] == ERASED_NAME for p in payloads)
    assert "siti@example.id" not in text_everywhere and "6281399990000" not in text_everywhere


def test_purge_erases_participants_of_events_past_the_retention_period(
    core: Core,
    admin: Actor,
    receptionist: Actor,
    supervisor: Actor,
    event: BookingRecord,
    clock: FakeClock,
) -> None:
    participants(core, receptionist, event)
    core.settings.set(admin, "visitor_retention_days", 30)
    clock.advance(days=30)  # the event ended 29 days ago
    core.privacy.purge_expired(supervisor)
    assert ERASED_NAME not in {r[0] for r in rows(core)}
    clock.advance(days=2)
    core.privacy.purge_expired(supervisor)
    assert {r for r in rows(core)} == {(ERASED_NAME, "", "", "", None, None)}
    assert len(core.bookings.attendees(event.id)) == 4
    assert int(scalar(core, "SELECT count(*) FROM outbox WHERE payload LIKE '%Budi%'")) == 0


def test_a_copy_of_a_participant_row_is_the_person_s_by_its_check_in_visit() -> None:
    people = ErasedPeople({"v1"}, visits={"visit1"})
    mine = {"id": "a1", "visit_id": "visit1", "name": "Siti", "phone": "+62812", "email": "x"}
    other = {"id": "a2", "visit_id": None, "name": "Budi", "phone": "+62813"}
    assert people.scrub("booking_attendees", other) is None
    clean = people.scrub("booking_attendees", mine)
    assert clean is not None and clean["name"] == ERASED_NAME and clean["email"] == ""


def test_a_missing_key_file_with_participant_pseudonyms_is_an_error_not_a_new_key(
    core: Core, receptionist: Actor, event: BookingRecord, data_dir: Path, clock: FakeClock
) -> None:
    core.bookings.add_attendee(
        receptionist, event.id, AttendeeInput("Budi Santoso", "0812 0000 1111", "", NIK_BUDI)
    )
    core.close()
    nik_key_path(data_dir).unlink()
    again = open_core(data_dir, clock=clock)
    try:
        with pytest.raises(NikKeyMissing):
            again.nik_key.key()
        assert not nik_key_path(data_dir).exists()
    finally:
        again.close()
