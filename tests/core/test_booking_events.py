"""Events and their participants (issue 11): a booking marked as an event (at
booking or later), its participants checked in by their badge's code or from
the list (each registered as a visitor of the day with the event as purpose
and host), refused twice, on a cancelled booking or on another day's event;
the badges and the attendance list refused for a booking that is no event or
has no participants."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from smesco_desk.db.models import AuditEntry, Booking, BookingAttendee, Visit, Visitor
from smesco_desk.domain.attendee_import import AttendeeInput
from smesco_desk.domain.erasure import ERASED_NAME
from smesco_desk.errors import AlreadyDone, DomainError, NotFound, PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import AttendeeRecord, BookingRecord
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.core.helpers_core import NIK_SITI, FakeClock, visitor_form, wib


@pytest.fixture
def hall(core: Core, admin: Actor) -> None:
    core.bookings.save_space(
        admin,
        space_form(
            code="aula",
            name="Aula Serbaguna",
            kind="event_hall",
            capacity=300,
            opening_hours={d: ["00:00", "24:00"] for d in WEEK},
        ),
    )


@pytest.fixture
def event(core: Core, receptionist: Actor, hall: None) -> BookingRecord:
    """A training today (Tuesday 10 March 2026, 10:00-12:00; the clock says 09:00)."""
    form = booking_form(
        "aula", wib(2026, 3, 10, 10), wib(2026, 3, 10, 12), "Pelatihan Foto Produk",
        event_kind="training",
    )  # fmt: skip
    return core.bookings.book(receptionist, form)


def add(core: Core, actor: Actor, booking: BookingRecord, name: str, phone: str,
        nik: str = "") -> AttendeeRecord:  # fmt: skip
    return core.bookings.add_attendee(
        actor, booking.id, AttendeeInput(name, phone, "Koperasi Sekar", nik)
    )


def count(core: Core, model: type) -> int:
    with core.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


# --- an event ---------------------------------------------------------------------------


def test_a_booking_is_an_event_from_its_form_and_shows_its_kind(
    core: Core, event: BookingRecord
) -> None:
    assert event.event_kind == "training" and event.is_event
    assert core.bookings.booking(event.id).event_kind == "training"
    assert event.to_json()["event_kind"] == "training"
    (listed,) = core.bookings.bookings_on(date(2026, 3, 10))
    assert listed.event_kind == "training"


def test_an_unknown_event_kind_is_refused_at_its_field_and_nothing_is_written(
    core: Core, receptionist: Actor, hall: None
) -> None:
    form = booking_form("aula", wib(2026, 3, 10, 10), wib(2026, 3, 10, 12), event_kind="party")
    with pytest.raises(ValidationError) as refused:
        core.bookings.book(receptionist, form)
    assert set(refused.value.errors) == {"event_kind"}
    assert "training" in refused.value.errors["event_kind"]
    assert count(core, Booking) == 0


def test_set_event_marks_and_unmarks_a_booking(core: Core, receptionist: Actor, hall: None) -> None:
    plain = core.bookings.book(
        receptionist, booking_form("aula", wib(2026, 3, 10, 13), wib(2026, 3, 10, 15))
    )
    assert plain.event_kind is None and not plain.is_event
    marked = core.bookings.set_event(receptionist, plain.id, "seminar")
    assert marked.event_kind == "seminar"
    assert core.bookings.booking(plain.id).event_kind == "seminar"
    assert core.bookings.set_event(receptionist, plain.id, None).event_kind is None
    with pytest.raises(ValidationError) as refused:
        core.bookings.set_event(receptionist, plain.id, "konser")
    assert "event_kind" in refused.value.errors
    with core.db.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "booking.set_event")
        ).all()
    assert len(actions) == 2


def test_a_cancelled_booking_is_not_made_an_event(
    core: Core, receptionist: Actor, event: BookingRecord
) -> None:
    core.bookings.cancel(receptionist, event.id, "batal")
    with pytest.raises(DomainError, match="dibatalkan"):
        core.bookings.set_event(receptionist, event.id, "seminar")


# --- checking participants in -------------------------------------------------------------


def test_check_in_by_badge_code_registers_the_participant_as_a_visitor_of_the_day(
    core: Core, receptionist: Actor, event: BookingRecord
) -> None:
    siti = add(core, receptionist, event, "Siti Rahayu", "0812 3456 7890")
    scanned = f"  {siti.id.upper()}\n"  # as a scanner types it
    checked = core.bookings.check_in_attendee(receptionist, scanned)
    assert checked.id == siti.id
    assert checked.checked_in_at == wib(2026, 3, 10, 9)
    assert checked.visit_id is not None
    visit = core.visitors.get_visit(checked.visit_id)
    assert (visit.name, visit.organisation) == ("Siti Rahayu", "Koperasi Sekar")
    assert visit.purpose_code == "training"
    assert visit.host == "Pelatihan Foto Produk \u00b7 Koperasi Maju Bersama"
    assert visit.in_building
    assert [v.id for v in core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))] == [
        visit.id
    ]
    with core.db.read() as session:
        visitor = session.get(Visitor, visit.visitor_id)
        assert visitor is not None and visitor.phone == "+6281234567890"
    assert core.bookings.attendees(event.id)[0].visit_id == visit.id


def test_check_in_from_the_list_by_id_and_twice_is_refused_saying_when(
    core: Core, receptionist: Actor, clock: FakeClock, event: BookingRecord
) -> None:
    budi = add(core, receptionist, event, "Budi Santoso", "0812 0000 1111")
    core.bookings.check_in_attendee(receptionist, budi.id)
    clock.advance(minutes=25)
    with pytest.raises(AlreadyDone) as twice:
        core.bookings.check_in_attendee(receptionist, budi.id)
    assert twice.value.message == "Budi Santoso sudah check-in pada 10-03-2026 09:00 WIB."
    assert count(core, Visit) == 1


def test_the_first_participant_in_during_the_event_checks_the_booking_in(
    core: Core, receptionist: Actor, clock: FakeClock, event: BookingRecord
) -> None:
    siti = add(core, receptionist, event, "Siti Rahayu", "0812 3456 7890")
    budi = add(core, receptionist, event, "Budi Santoso", "0812 0000 1111")
    core.bookings.check_in_attendee(receptionist, siti.id)  # 09:00: before the check-in window
    assert core.bookings.booking(event.id).status == "confirmed"
    clock.set_wib(2026, 3, 10, 10, 5)
    core.bookings.check_in_attendee(receptionist, budi.id)
    assert core.bookings.booking(event.id).status == "checked_in"
    clock.set_wib(2026, 3, 10, 11, 30)
    assert core.bookings.release_no_shows() == []  # its people are here


def test_a_participant_with_a_nik_is_the_returning_visitor_with_that_nik(
    core: Core, receptionist: Actor, event: BookingRecord
) -> None:
    earlier = core.visitors.register(receptionist, visitor_form(nik=NIK_SITI))
    core.visitors.check_out(receptionist, earlier.id)
    siti = add(core, receptionist, event, "Siti R.", "0813 9999 0000", NIK_SITI)
    checked = core.bookings.check_in_attendee(receptionist, siti.id)
    assert checked.visit_id is not None
    visit = core.visitors.get_visit(checked.visit_id)
    assert visit.visitor_id == earlier.visitor_id
    with core.db.read() as session:
        visitor = session.get(Visitor, visit.visitor_id)
        assert visitor is not None
        assert visitor.nik_masked == siti.nik_masked
        assert visitor.visit_count == 2


def test_a_cancelled_event_refuses_its_participants(
    core: Core, receptionist: Actor, event: BookingRecord
) -> None:
    siti = add(core, receptionist, event, "Siti Rahayu", "0812 3456 7890")
    core.bookings.cancel(receptionist, event.id, "pembicara sakit")
    with pytest.raises(DomainError, match="dibatalkan atau dilepas"):
        core.bookings.check_in_attendee(receptionist, siti.id)
    assert count(core, Visit) == 0


def test_a_participant_of_another_day_s_event_is_refused_saying_which_day(
    core: Core, receptionist: Actor, hall: None
) -> None:
    form = booking_form(
        "aula", wib(2026, 3, 12, 9), wib(2026, 3, 12, 15), "Seminar Ekspor", event_kind="seminar"
    )
    later = core.bookings.book(receptionist, form)
    siti = add(core, receptionist, later, "Siti Rahayu", "0812 3456 7890")
    with pytest.raises(DomainError) as refused:
        core.bookings.check_in_attendee(receptionist, siti.id)
    assert refused.value.message == (
        "Siti Rahayu peserta acara 'Seminar Ekspor' pada 12-03-2026, bukan hari ini."
    )
    assert count(core, Visit) == 0
    with core.db.read() as session:
        assert session.scalar(select(BookingAttendee.checked_in_at)) is None


def test_unknown_and_blank_codes_and_a_visitor_badge_are_refused(
    core: Core, receptionist: Actor, event: BookingRecord
) -> None:
    with pytest.raises(ValidationError):
        core.bookings.check_in_attendee(receptionist, "   ")
    with pytest.raises(NotFound, match="tidak dikenal"):
        core.bookings.check_in_attendee(receptionist, "D01-260310-001")
    visit = core.visitors.register(receptionist, visitor_form())
    with pytest.raises(NotFound):
        core.bookings.check_in_attendee(receptionist, visit.id)
    assert core.bookings.find_attendee(visit.id) is None
    siti = add(core, receptionist, event, "Siti Rahayu", "0857 1111 2222")
    found = core.bookings.find_attendee(siti.id)
    assert found is not None and found.id == siti.id


def test_only_the_front_desk_checks_participants_in(
    core: Core, receptionist: Actor, tenant_manager: Actor, event: BookingRecord
) -> None:
    siti = add(core, receptionist, event, "Siti Rahayu", "0812 3456 7890")
    with pytest.raises(PermissionDenied):
        core.bookings.check_in_attendee(tenant_manager, siti.id)
    assert count(core, Visit) == 0


# --- the documents are refused without an event or participants ------------------------


def test_badges_and_list_need_an_event_with_participants(
    core: Core, receptionist: Actor, event: BookingRecord, hall: None
) -> None:
    with pytest.raises(DomainError, match="belum punya peserta"):
        core.bookings.event_badges(event.id)
    with pytest.raises(DomainError, match="belum punya peserta"):
        core.bookings.attendance_list(event.id)
    plain = core.bookings.book(
        receptionist, booking_form("aula", wib(2026, 3, 10, 13), wib(2026, 3, 10, 15))
    )
    add(core, receptionist, plain, "Siti Rahayu", "0812 3456 7890")
    with pytest.raises(DomainError, match="bukan acara"):
        core.bookings.event_badges(plain.id)
    with pytest.raises(DomainError, match="bukan acara"):
        core.bookings.attendance_list(plain.id)
    siti = add(core, receptionist, event, "Siti Rahayu", "0812 3456 7890")
    with pytest.raises(ValidationError):
        core.bookings.event_badges(event.id, fmt="poster")
    with pytest.raises(ValidationError):
        core.bookings.event_badges(event.id, attendee_ids=["no-such-id"])
    assert core.bookings.event_badges(event.id, "card", [siti.id]).startswith(b"%PDF")


def test_an_erased_participant_is_never_printed(
    core: Core, receptionist: Actor, supervisor: Actor, event: BookingRecord
) -> None:
    add(core, receptionist, event, "Siti Rahayu", "0812 3456 7890")
    budi = add(core, receptionist, event, "Budi Santoso", "0812 0000 1111")
    visit = core.visitors.register(receptionist, visitor_form())  # Siti, the same phone
    core.privacy.erase_visitor(supervisor, visit.visitor_id)
    assert len(core.bookings.attendees(event.id)) == 2
    pdf = core.bookings.attendance_list(event.id)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Budi Santoso" in text and "1 peserta terdaftar" in text
    assert ERASED_NAME not in text and "Siti" not in text
    badges = core.bookings.event_badges(event.id, "card")
    assert len(PdfReader(io.BytesIO(badges)).pages) == 1
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        core.bookings.event_badges(event.id, attendee_ids=[
            a.id for a in core.bookings.attendees(event.id) if a.id != budi.id
        ])  # fmt: skip


def test_a_participant_on_the_watchlist_is_stopped_with_the_reason(
    core: Core, receptionist: Actor, supervisor: Actor, event: BookingRecord
) -> None:
    from smesco_desk.errors import ApprovalRequired
    from smesco_desk.values.watchlist import WatchlistForm

    core.watchlist.save(
        supervisor, WatchlistForm("Budi Santoso", "Sengketa sewa.", "approval", "0812 0000 1111")
    )
    budi = add(core, receptionist, event, "Budi Santoso", "0812 0000 1111")
    with pytest.raises(ApprovalRequired) as stop:  # checked in at the desk, with a supervisor
        core.bookings.check_in_attendee(receptionist, budi.id)
    assert "Sengketa sewa." in stop.value.message and count(core, Visit) == 0
