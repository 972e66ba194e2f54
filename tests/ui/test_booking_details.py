"""An existing booking's details: check-in when the booker arrives, and the
cancellation policy's fee (shown before cancelling; waived only by a supervisor
or an administrator), on real services with the core's clock set."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from smesco_desk.clock import WIB, wib_today
from smesco_desk.domain.booking_series import SeriesRule
from smesco_desk.domain.bookings import WEEKDAYS
from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.bookings import BookingForm, BookingRecord, SpaceForm
from smesco_desk.values.payments import PayerForm
from tests.ui.helpers_ui import make_actor, show_active
from ui.context import AppContext
from ui.models.bookings_model import BOOKING_ROLE
from ui.models.week_bookings_model import day_name
from ui.pages.bookings.booking_details import BookingDetailsDialog
from ui.pages.bookings.page import BookingsPage
from ui.pages.payments.common import rupiah

RATE_HOUR = 100_000


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=WIB)


@pytest.fixture
def day(ctx: AppContext, admin: Actor) -> date:
    """A day a month ahead and the meeting room "rapat" (Rp100.000 an hour, no
    tax, 15-minute buffers, open 08:00-21:00)."""
    ctx.core.bookings.save_space(admin, SpaceForm(
        code="rapat", name="Ruang Rapat Uji", kind="meeting_room", capacity=8,
        opening_hours={d: ["08:00", "21:00"] for d in WEEKDAYS},
        setup_minutes=15, cleanup_minutes=15, rate_hour=RATE_HOUR,
    ))
    return wib_today(ctx.core.now()) + timedelta(days=30)


@pytest.fixture
def booking(ctx: AppContext, admin: Actor, day: date) -> BookingRecord:
    """10:00-12:00 on that day, Rp200.000 unpaid."""
    form = BookingForm("rapat", "Rapat anggota", at(day, 10), at(day, 12),
                       PayerForm("organisation", "Koperasi Maju"))
    return ctx.core.bookings.book(admin, form)


def set_clock(ctx: AppContext, moment: datetime) -> None:
    ctx.core.clock = lambda: moment


def as_role(ctx: AppContext, admin: Actor, role: Role) -> None:
    ctx.actor = make_actor(ctx.core, admin, role, role.value)


def details(qtbot: Any, ctx: AppContext, booking: BookingRecord) -> BookingDetailsDialog:
    return show_active(qtbot, BookingDetailsDialog(ctx, None, booking))


def open_cancel(qtbot: Any, dialog: BookingDetailsDialog) -> None:
    qtbot.mouseClick(dialog.cancel_booking_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_box.isVisible()


# --- check-in -------------------------------------------------------------------------


def test_the_booker_is_checked_in_once_the_setup_starts(
    qtbot: Any, ctx: AppContext, admin: Actor, day: date, booking: BookingRecord
) -> None:
    as_role(ctx, admin, Role.RECEPTIONIST)
    set_clock(ctx, at(day, 9, 50))  # the setup buffer began at 09:45
    dialog = details(qtbot, ctx, booking)
    assert dialog.check_in_button.isVisible() and dialog.check_in_button.isEnabled()
    with qtbot.waitSignal(dialog.booking_saved) as saved:
        qtbot.mouseClick(dialog.check_in_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].status == "checked_in"
    assert ctx.core.bookings.booking(booking.id).status == "checked_in"
    assert not dialog.isVisible()
    again = details(qtbot, ctx, ctx.core.bookings.booking(booking.id))
    assert not again.check_in_button.isVisible()  # checked in: nothing more to check in
    assert not again.cancel_booking_button.isVisible()  # the room was used: no cancelling
    assert again.values["checked_in_value"].text() == (  # when and by whom
        f"{day:%d-%m-%Y} 09:50 WIB oleh {ctx.require_actor().full_name}")


def test_a_check_in_too_early_shows_the_cores_refusal(
    qtbot: Any, ctx: AppContext, day: date, booking: BookingRecord
) -> None:
    dialog = details(qtbot, ctx, booking)  # a month before
    assert dialog.check_in_button.isVisible()
    qtbot.mouseClick(dialog.check_in_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.isVisible() and dialog.banner.kind() == "error"
    assert dialog.banner.text() == (
        f"Check-in baru bisa mulai {day:%d-%m-%Y} pukul 09:45 WIB.")
    assert ctx.core.bookings.booking(booking.id).status == "confirmed"
    assert dialog.isVisible() and dialog.check_in_button.isEnabled()
    open_cancel(qtbot, dialog)  # another step: the refusal is over
    assert not dialog.banner.isVisible()


def test_no_check_in_for_a_booking_that_ended_or_was_cancelled(
    qtbot: Any, ctx: AppContext, admin: Actor, day: date, booking: BookingRecord
) -> None:
    cancelled = ctx.core.bookings.cancel(admin, booking.id, "batal")
    assert not details(qtbot, ctx, cancelled).check_in_button.isVisible()
    other = ctx.core.bookings.book(admin, BookingForm(
        "rapat", "Rapat lain", at(day, 14), at(day, 15), PayerForm("organisation", "Dinas")))
    set_clock(ctx, at(day, 15, 30))
    assert not details(qtbot, ctx, other).check_in_button.isVisible()


def test_a_check_in_recolours_the_block_in_the_grid(
    qtbot: Any, ctx: AppContext, day: date, booking: BookingRecord
) -> None:
    set_clock(ctx, at(day, 10, 5))
    page = BookingsPage(ctx)
    qtbot.addWidget(page)
    page.go_to(day)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    row = page.model.row_of_space("rapat")
    page.open_booking(booking)
    dialog = page.dialog
    assert isinstance(dialog, BookingDetailsDialog)
    with qtbot.waitSignal(page.model.loaded):
        qtbot.mouseClick(dialog.check_in_button, Qt.MouseButton.LeftButton)
    assert [b.booking.status for b in page.model.blocks_of(row)] == ["checked_in"]
    assert page.model.index(row, 5).data(BOOKING_ROLE).status == "checked_in"  # 10:30


# --- cancelling and its fee -----------------------------------------------------------


def test_cancelling_early_says_it_is_free(
    qtbot: Any, ctx: AppContext, booking: BookingRecord
) -> None:
    just_made = details(qtbot, ctx, booking)
    open_cancel(qtbot, just_made)
    assert just_made.fee_label.text() == (
        "Pembatalan gratis: baru dipesan, kurang dari 15 menit lalu.")
    set_clock(ctx, ctx.core.now() + timedelta(minutes=20))
    dialog = details(qtbot, ctx, booking)  # a month before: free (24 hours by default)
    assert not dialog.fee_label.isVisible()
    open_cancel(qtbot, dialog)
    assert dialog.fee_label.text() == (
        "Pembatalan gratis: masih lebih dari 24 jam sebelum mulai.")
    assert dialog.cancel_fee() == 0
    assert not dialog.check_in_button.isVisible()  # cancelling: one thing at a time
    assert not dialog.waive_check.isVisible()  # nothing to waive, even for an administrator


def test_a_late_cancellation_shows_the_fee_and_charges_it(
    qtbot: Any, ctx: AppContext, admin: Actor, day: date, booking: BookingRecord
) -> None:
    ctx.core.settings.set(admin, "booking_cancel_fee_percent", 25)
    as_role(ctx, admin, Role.RECEPTIONIST)
    set_clock(ctx, at(day - timedelta(days=1), 12))  # 22 hours before
    dialog = details(qtbot, ctx, booking)
    open_cancel(qtbot, dialog)
    assert dialog.fee_label.text() == (
        f"Biaya pembatalan {rupiah(50_000)} (25% dari {rupiah(200_000)}): "
        "kurang dari 24 jam sebelum mulai.")
    assert not dialog.waive_check.isVisible()  # a receptionist may not waive it
    with qtbot.waitSignal(dialog.booking_saved):
        qtbot.mouseClick(dialog.cancel_booking_button, Qt.MouseButton.LeftButton)
    stored = ctx.core.bookings.booking(booking.id)
    assert (stored.status, stored.owed) == ("cancelled", 50_000)


def test_a_supervisor_may_waive_the_fee(
    qtbot: Any, ctx: AppContext, admin: Actor, day: date, booking: BookingRecord
) -> None:
    as_role(ctx, admin, Role.SUPERVISOR)
    set_clock(ctx, at(day, 9))
    dialog = details(qtbot, ctx, booking)
    open_cancel(qtbot, dialog)
    assert dialog.waive_check.isVisible() and not dialog.waive_check.isChecked()
    assert dialog.waive_check.text() == "Tanpa &biaya pembatalan"
    assert rupiah(100_000) in dialog.fee_label.text()
    dialog.waive_check.setChecked(True)
    assert dialog.fee_label.text() == f"Biaya pembatalan {rupiah(100_000)} dibebaskan."
    qtbot.mouseClick(dialog.cancel_booking_button, Qt.MouseButton.LeftButton)
    reason_error = dialog.errors["reason"]
    qtbot.waitUntil(lambda: "alasan" in reason_error.text())  # a waiver says why
    assert ctx.core.bookings.booking(booking.id).status == "confirmed"
    qtbot.keyClicks(dialog.reason_edit, "tamu sakit")
    with qtbot.waitSignal(dialog.booking_saved):
        qtbot.mouseClick(dialog.cancel_booking_button, Qt.MouseButton.LeftButton)
    stored = ctx.core.bookings.booking(booking.id)
    assert (stored.status, stored.owed) == ("cancelled", 0)



# --- an occurrence of a series ------------------------------------------------------------


def _weekly(ctx: AppContext, admin: Actor, day: date, count: int) -> list[BookingRecord]:
    form = BookingForm("rapat", "Kelas mingguan", at(day, 10), at(day, 12),
                       PayerForm("organisation", "Koperasi Maju"))
    rule = SeriesRule("weekly", weekdays=(WEEKDAYS[day.weekday()],), count=count)
    return list(ctx.core.bookings.book_series(admin, form, rule).bookings)


def test_an_occurrence_says_its_series_and_cancels_the_following_ones(
    qtbot: Any, ctx: AppContext, admin: Actor, day: date
) -> None:
    occurrences = _weekly(ctx, admin, day, 8)
    dialog = details(qtbot, ctx, occurrences[2])
    weekday = day_name(day.weekday())
    assert dialog.values["series_value"].text() == f"mingguan ({weekday}) · 3 dari 8"
    open_cancel(qtbot, dialog)
    choice = dialog.scope_choice
    assert choice is not None and choice.isVisible() and choice.scope() == "this"
    assert "6 jadwal" in choice.buttons["following"].text()
    assert "8 jadwal" in choice.buttons["all"].text()
    choice.buttons["following"].setChecked(True)
    with qtbot.waitSignal(dialog.booking_saved) as saved:
        qtbot.mouseClick(dialog.cancel_booking_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].id == occurrences[2].id and saved.args[0].status == "cancelled"
    statuses = [ctx.core.bookings.booking(b.id).status for b in occurrences]
    assert statuses == ["confirmed"] * 2 + ["cancelled"] * 6


def test_the_whole_series_is_cancelled_from_one_occurrence(
    qtbot: Any, ctx: AppContext, admin: Actor, day: date
) -> None:
    occurrences = _weekly(ctx, admin, day, 3)
    dialog = details(qtbot, ctx, occurrences[1])
    open_cancel(qtbot, dialog)
    assert dialog.scope_choice is not None
    dialog.scope_choice.set_scope("all")
    with qtbot.waitSignal(dialog.booking_saved):
        qtbot.mouseClick(dialog.cancel_booking_button, Qt.MouseButton.LeftButton)
    assert {ctx.core.bookings.booking(b.id).status for b in occurrences} == {"cancelled"}


def test_a_booking_outside_a_series_has_no_series_row_nor_scope(
    qtbot: Any, ctx: AppContext, booking: BookingRecord
) -> None:
    dialog = details(qtbot, ctx, booking)
    assert "series_value" not in dialog.values
    open_cancel(qtbot, dialog)
    assert dialog.scope_choice is None
