"""Events in the bookings UI, on real services (offscreen): the "Acara" of the
booking dialog, the event kind in a booking's details and changing it, the
"Peserta" tab of an event (badges and the attendance list through the printer,
check-in of the participant selected) and of a booking that is no event, and
the visitors page's scan area saying it checks participants in too."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt

from smesco_desk.clock import WIB, utc_now, wib_today
from smesco_desk.domain.attendee_import import AttendeeInput
from smesco_desk.domain.bookings import WEEKDAYS
from smesco_desk.services.actors import Actor
from smesco_desk.values.bookings import BookingForm, BookingRecord, SpaceForm
from smesco_desk.values.payments import PayerForm
from smesco_desk.values.visitors import VisitFilter, VisitScope
from tests.ui.helpers_ui import FakePrinter, pdf_text, show_active
from ui.context import AppContext
from ui.pages.bookings.badge_print_dialog import BadgePrintDialog
from ui.pages.bookings.booking_details import BookingDetailsDialog
from ui.pages.bookings.booking_dialog import BookingDialog
from ui.pages.visitors.page import VisitorsPage

PEOPLE = (
    ("Budi Santoso", "0812 3456 7890", "Koperasi Maju"),
    ("Siti Aminah", "0813 1111 2222", "UMKM Batik"),
    ("Agus Salim", "0813 1111 5555", ""),
)


@pytest.fixture
def hall(ctx: AppContext, admin: Actor) -> str:
    ctx.core.bookings.save_space(
        admin,
        SpaceForm(
            code="aula",
            name="Aula Uji",
            kind="event_hall",
            capacity=100,
            opening_hours={d: ["00:00", "24:00"] for d in WEEKDAYS},
        ),
    )
    return "aula"


def at(day: date, hh: int) -> datetime:
    return datetime.combine(day, time(hh), tzinfo=WIB)


def book(
    ctx: AppContext, admin: Actor, day: date, event_kind: str | None, start: int = 9, end: int = 12
) -> BookingRecord:
    form = BookingForm(
        "aula",
        "Pelatihan foto produk",
        at(day, start),
        at(day, end),
        PayerForm("organisation", "Dinas Koperasi"),
        attendees=20,
        event_kind=event_kind,
    )
    return ctx.core.bookings.book(admin, form)


def event_today(ctx: AppContext, admin: Actor) -> BookingRecord:
    """A training all of today, booked yesterday (so its start is not in the past)."""
    real = ctx.core.clock
    ctx.core.clock = lambda: utc_now() - timedelta(days=1)
    try:
        form = BookingForm(
            "aula",
            "Pelatihan foto produk",
            at(wib_today(), 0),
            at(wib_today(), 23) + timedelta(minutes=30),
            PayerForm("organisation", "Dinas Koperasi"),
            attendees=20,
            event_kind="training",
        )
        return ctx.core.bookings.book(admin, form)
    finally:
        ctx.core.clock = real


def with_people(ctx: AppContext, admin: Actor, booking: BookingRecord) -> BookingRecord:
    for name, phone, organisation in PEOPLE:
        ctx.core.bookings.add_attendee(admin, booking.id, AttendeeInput(name, phone, organisation))
    return booking


def details(
    qtbot, ctx: AppContext, booking: BookingRecord, printer: FakePrinter | None = None
) -> BookingDetailsDialog:
    dialog = show_active(qtbot, BookingDetailsDialog(ctx, None, booking, printer))
    qtbot.waitUntil(
        lambda: dialog.participants.model.rowCount() == len(ctx.core.bookings.attendees(booking.id))
    )
    return dialog


def select(dialog: BookingDetailsDialog, *rows: int) -> None:
    table = dialog.participants.table
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        table.selectionModel().select(dialog.participants.model.index(row, 0), flags)


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


# --- the booking dialog -------------------------------------------------------------


def test_the_booking_dialog_saves_the_event_kind(qtbot, ctx: AppContext, hall: str) -> None:
    day = wib_today(ctx.core.now()) + timedelta(days=20)
    dialog = BookingDialog(ctx, None, space_code=hall, starts_at=at(day, 9), ends_at=at(day, 12))
    show_active(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.totals_shown is not None)
    combo = dialog.event_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Bukan acara",
        "Pelatihan",
        "Lokakarya",
        "Seminar",
    ]
    assert dialog.form().event_kind is None  # type: ignore[union-attr]
    dialog.name_edit.setText("Dinas Koperasi")
    dialog.title_edit.setText("Seminar ekspor")
    combo.setCurrentIndex(combo.findText("Seminar"))
    with qtbot.waitSignal(dialog.booking_saved) as saved:
        dialog.save()
    assert saved.args[0].event_kind == "seminar"
    assert ctx.core.bookings.booking(saved.args[0].id).is_event


# --- the details: the event kind -------------------------------------------------------


def test_details_show_the_event_kind_and_change_it(
    qtbot, ctx: AppContext, admin: Actor, hall: str
) -> None:
    booking = book(ctx, admin, wib_today(ctx.core.now()) + timedelta(days=20), None)
    dialog = details(qtbot, ctx, booking)
    editor = dialog.event_editor
    assert editor.combo.isVisible() and editor.combo.currentText() == "Bukan acara"
    # Not an event: the Peserta tab says how to make it one, and the button leads there.
    dialog.tabs.setCurrentWidget(dialog.participants)
    panel = dialog.participants
    assert panel.no_event_box.isVisible() and not panel.event_box.isVisible()
    assert (
        "Tandai sebagai acara" in panel.findChild(type(panel.count_label), "no_event_label").text()
    )
    qtbot.mouseClick(panel.mark_event_button, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentIndex() == 0
    qtbot.waitUntil(editor.combo.hasFocus)
    # Choosing "Lokakarya" saves it at once.
    editor.combo.setCurrentIndex(editor.combo.findText("Lokakarya"))
    editor.combo.activated.emit(editor.combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.booking.event_kind == "workshop")
    assert ctx.core.bookings.booking(booking.id).event_kind == "workshop"
    assert "Lokakarya" in dialog.banner.text()
    assert not panel.event_box.isHidden() and panel.no_event_box.isHidden()
    # ... and back to no event.
    editor.combo.setCurrentIndex(0)
    editor.combo.activated.emit(0)
    qtbot.waitUntil(lambda: ctx.core.bookings.booking(booking.id).event_kind is None)
    assert not panel.no_event_box.isHidden() and panel.event_box.isHidden()


def test_a_cancelled_booking_shows_its_kind_without_a_way_to_change_it(
    qtbot, ctx: AppContext, admin: Actor, hall: str
) -> None:
    booking = book(ctx, admin, wib_today(ctx.core.now()) + timedelta(days=20), "seminar")
    booking = ctx.core.bookings.cancel(admin, booking.id, "diundur")
    dialog = details(qtbot, ctx, booking)
    assert dialog.event_editor.combo.isHidden()
    assert dialog.event_editor.label.text() == "Seminar"


# --- the Peserta tab of an event ------------------------------------------------------


def test_badges_print_as_a_sheet_of_all_or_cards_of_the_selected(
    qtbot, ctx: AppContext, admin: Actor, hall: str, printer: FakePrinter
) -> None:
    booking = with_people(
        ctx, admin, book(ctx, admin, wib_today(ctx.core.now()) + timedelta(days=20), "training")
    )
    dialog = details(qtbot, ctx, booking, printer)
    dialog.tabs.setCurrentWidget(dialog.participants)
    actions = dialog.participants.event_actions
    assert actions.badge_button.isEnabled()
    qtbot.mouseClick(actions.badge_button, Qt.MouseButton.LeftButton)
    choice = dialog.participants.dialog
    assert isinstance(choice, BadgePrintDialog)
    assert choice.sheet_radio.isChecked() and choice.all_radio.isChecked()
    assert not choice.selected_radio.isEnabled()  # nothing selected
    assert "Fake-office" in choice.printer_note.text()
    qtbot.mouseClick(choice.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printer.jobs) == 1)
    assert printer.jobs[0] == ("office", "Badge peserta Pelatihan foto produk")
    assert pages(printer.pdfs[0]) == 1
    text = pdf_text(printer.pdfs[0])
    assert all(name in text for name, _p, _o in PEOPLE)
    assert "3 badge peserta dicetak ke Fake-office" in dialog.participants.banner.text()

    select(dialog, 0, 2)
    qtbot.mouseClick(actions.badge_button, Qt.MouseButton.LeftButton)
    choice = dialog.participants.dialog
    assert isinstance(choice, BadgePrintDialog)
    assert choice.selected_radio.isChecked()  # two of three selected
    choice.card_radio.setChecked(True)
    assert "Fake-badge" in choice.printer_note.text()
    qtbot.mouseClick(choice.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printer.jobs) == 2)
    assert printer.jobs[1][0] == "badge"
    assert pages(printer.pdfs[1]) == 2  # one card each
    text = pdf_text(printer.pdfs[1])
    assert "Siti Aminah" not in text and "Budi Santoso" in text and "Agus Salim" in text


def test_the_attendance_list_prints_previews_and_saves(
    qtbot, ctx: AppContext, admin: Actor, hall: str, printer: FakePrinter
) -> None:
    booking = with_people(
        ctx, admin, book(ctx, admin, wib_today(ctx.core.now()) + timedelta(days=20), "seminar")
    )
    dialog = details(qtbot, ctx, booking, printer)
    actions = dialog.participants.event_actions
    actions.attendance_button.click()
    qtbot.waitUntil(lambda: len(printer.jobs) == 1)
    assert printer.jobs[0] == ("office", "Daftar hadir Pelatihan foto produk")
    assert "Budi Santoso" in pdf_text(printer.pdfs[0])
    menu = actions.attendance_button.menu()
    for action in menu.actions():
        action.trigger()
    qtbot.waitUntil(lambda: len(printer.jobs) == 3)
    assert printer.jobs[1][0] == "preview:office"
    assert printer.jobs[2] == ("save", "Daftar_hadir_Pelatihan_foto_produk.pdf")


def test_a_print_failure_is_said_on_the_banner(
    qtbot, ctx: AppContext, admin: Actor, hall: str, printer: FakePrinter
) -> None:
    booking = with_people(
        ctx, admin, book(ctx, admin, wib_today(ctx.core.now()) + timedelta(days=20), "seminar")
    )
    printer.fail_with = "Printer “Fake-office” sedang berhenti."
    dialog = details(qtbot, ctx, booking, printer)
    dialog.participants.event_actions.attendance_button.click()
    qtbot.waitUntil(lambda: "sedang berhenti" in dialog.participants.banner.text())


def test_check_in_of_the_selected_participant(
    qtbot, ctx: AppContext, admin: Actor, hall: str, printer: FakePrinter
) -> None:
    booking = with_people(ctx, admin, event_today(ctx, admin))
    dialog = details(qtbot, ctx, booking, printer)
    dialog.tabs.setCurrentWidget(dialog.participants)
    panel = dialog.participants
    button = panel.event_actions.check_in_button
    assert button.isVisible() and not button.isEnabled()  # nobody selected
    select(dialog, 1)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Siti Aminah check-in pukul" in panel.banner.text())
    visits = ctx.core.visitors.list_visits(VisitFilter(VisitScope.IN_BUILDING))
    siti = next(v for v in visits if v.name == "Siti Aminah")
    assert "Pelatihan foto produk" in siti.host
    # The list shows when; the button is off for someone already in.
    qtbot.waitUntil(lambda: any(a.checked_in_at for a in panel.model.rows()))
    select(dialog, 1)
    assert panel.model.data(panel.model.index(1, 4))
    assert not button.isEnabled()
    # A refusal (checked in already, at another desk meanwhile) goes to the banner.
    select(dialog, 0)
    ctx.core.bookings.check_in_attendee(admin, panel.selected_attendees()[0].id)
    panel.event_actions.check_in()
    qtbot.waitUntil(lambda: "sudah check-in" in panel.banner.text())


def test_check_in_on_another_day_is_refused_on_the_banner(
    qtbot, ctx: AppContext, admin: Actor, hall: str
) -> None:
    booking = with_people(
        ctx, admin, book(ctx, admin, wib_today(ctx.core.now()) + timedelta(days=20), "training")
    )
    dialog = details(qtbot, ctx, booking)
    select(dialog, 0)
    qtbot.mouseClick(dialog.participants.event_actions.check_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "bukan hari ini" in dialog.participants.banner.text())
    assert not ctx.core.bookings.attendees(booking.id)[0].checked_in_at


# --- the visitors page's scan area ------------------------------------------------------


def test_the_scan_area_says_it_checks_participants_in(
    qtbot, ctx: AppContext, printer: FakePrinter
) -> None:
    page = show_active(qtbot, VisitorsPage(ctx, printer=printer), 1024, 700)
    bar = page.checkout_bar
    assert bar is not None
    assert bar.title_label.text() == "Pindai badge"
    assert "check-in peserta" in bar.purpose_label.text()
    assert "check-out tamu" in bar.purpose_label.text()
    assert bar.purpose_label.isVisible()
