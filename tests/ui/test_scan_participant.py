"""The visitors page's scan field checks an event's participant in when their
badge is scanned (its QR code holds the participant's id), as it checks a
visitor out by theirs: the participant becomes a visitor in the building, and
a second scan says when they checked in."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smesco_desk.clock import WIB, utc_now, wib_today
from smesco_desk.domain.attendee_import import AttendeeInput
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import AttendeeRecord
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.pages.visitors.page import VisitorsPage


def _participant(core: Core, admin: Actor) -> AttendeeRecord:
    """Siti, a participant of a training all of today (booked yesterday)."""
    hall = space_form(
        code="aula",
        name="Aula Serbaguna",
        kind="event_hall",
        capacity=300,
        opening_hours={d: ["00:00", "24:00"] for d in WEEK},
    )
    core.bookings.save_space(admin, hall)
    start = datetime.combine(wib_today(), datetime.min.time(), WIB)
    real = core.clock
    core.clock = lambda: utc_now() - timedelta(days=1)
    try:
        form = booking_form(
            "aula", start, start + timedelta(hours=23, minutes=30), "Pelatihan Foto",
            event_kind="training",
        )  # fmt: skip
        event = core.bookings.book(admin, form)
    finally:
        core.clock = real
    person = AttendeeInput("Siti Nurhaliza", "0812 3456 7801", "Koperasi Sekar")
    return core.bookings.add_attendee(admin, event.id, person)


def test_scanning_a_participant_badge_checks_them_in(
    qtbot, ctx: AppContext, core: Core, admin: Actor, printer: FakePrinter
) -> None:
    siti = _participant(core, admin)
    page = show_active(qtbot, VisitorsPage(ctx, printer=printer), 1176, 700)
    page.focus_scan()
    bar = page.checkout_bar
    assert bar is not None
    with qtbot.waitSignal(bar.participant_checked_in) as checked_in:
        qtbot.keyClicks(QApplication.focusWidget(), siti.id)  # what the QR code holds
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    visit = checked_in.args[0]
    assert visit.name == "Siti Nurhaliza" and visit.host.startswith("Pelatihan Foto")
    assert bar.message().startswith(
        f"\u2068Siti Nurhaliza\u2069 masuk sebagai peserta · {visit.badge_number}"
    )
    assert bar.message_label.property("kind") == "success"
    in_building = core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))
    assert [v.id for v in in_building] == [visit.id]
    qtbot.waitUntil(lambda: page.in_building_count() == 1)

    bar.check_out(siti.id)  # the same badge again
    qtbot.waitUntil(lambda: bar.message_label.property("kind") == "error")
    assert "sudah check-in pada" in bar.message()
    assert core.visitors.count_visits(VisitFilter(VisitScope.IN_BUILDING)) == 1


def test_a_participant_badge_scanned_into_the_name_field_checks_them_in(
    qtbot, ctx: AppContext, core: Core, admin: Actor, printer: FakePrinter
) -> None:
    siti = _participant(core, admin)
    page = show_active(qtbot, VisitorsPage(ctx, printer=printer), 1176, 700)
    page.focus_name()
    qtbot.keyClicks(page.form.name_edit, siti.id)
    qtbot.keyClick(page.form.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: core.visitors.count_visits(VisitFilter(VisitScope.IN_BUILDING)) == 1)
    assert page.form.name_edit.text() == ""
    assert "masuk sebagai peserta" in page.checkout_bar.message()
