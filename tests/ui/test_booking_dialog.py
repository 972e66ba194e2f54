"""The booking dialog and an existing booking's details, on real services over a
temporary database (offscreen)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from smesco_desk.clock import WIB, wib_today
from smesco_desk.domain.bookings import WEEKDAYS
from smesco_desk.services.actors import Actor
from smesco_desk.values.bookings import BookingForm, BookingRecord, SpaceForm
from smesco_desk.values.payments import PayerForm
from tests.ui.helpers_ui import show_active
from ui.context import AppContext
from ui.pages.bookings.booking_details import BookingDetailsDialog
from ui.pages.bookings.booking_dialog import BookingDialog
from ui.pages.payments.common import rupiah

RATE_HOUR = 100_000


@pytest.fixture
def day(ctx: AppContext, admin: Actor) -> date:
    """A day a month ahead, with the meeting room "rapat" (8 seats, open 08:00-21:00,
    Rp100.000 an hour, 10% off for a UMKM, buffers of 15 minutes)."""
    ctx.core.bookings.save_space(
        admin,
        SpaceForm(
            code="rapat",
            name="Ruang Rapat Uji",
            kind="meeting_room",
            capacity=8,
            opening_hours={d: ["08:00", "21:00"] for d in WEEKDAYS},
            setup_minutes=15,
            cleanup_minutes=15,
            rate_hour=RATE_HOUR,
            umkm_discount_bp=1000,
        ),
    )
    return wib_today(ctx.core.now()) + timedelta(days=30)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=WIB)


def _dialog(qtbot, ctx: AppContext, day: date, start: int = 10, end: int = 12) -> BookingDialog:
    dialog = BookingDialog(
        ctx, None, space_code="rapat", starts_at=at(day, start), ends_at=at(day, end)
    )
    show_active(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.totals_shown is not None)
    return dialog


def _fill(dialog: BookingDialog, name: str = "Koperasi Maju", title: str = "Rapat anggota"):
    dialog.name_edit.setText(name)
    dialog.title_edit.setText(title)


def _book(ctx: AppContext, day: date, start: int, end: int, title: str) -> BookingRecord:
    form = BookingForm(
        "rapat", title, at(day, start), at(day, end), PayerForm("organisation", "Dinas Koperasi")
    )
    return ctx.core.bookings.book(ctx.require_actor(), form)


def test_the_price_follows_the_fields_live(qtbot, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    assert dialog.space_combo.currentData() == "rapat"
    assert dialog.totals.subtotal_label.text() == rupiah(2 * RATE_HOUR)
    assert "Kapasitas 8 orang" in dialog.space_note.text()
    dialog.end_edit.stepBy(2)  # 12:00 -> 13:00
    assert dialog.end_edit.minutes() == 13 * 60
    qtbot.waitUntil(lambda: dialog.totals.subtotal_label.text() == rupiah(3 * RATE_HOUR))
    assert dialog.totals.discount_label.text() == rupiah(0)
    dialog.booker.umkm_check.setChecked(True)
    qtbot.waitUntil(lambda: dialog.totals.discount_label.text() == f"−{rupiah(30_000)}")
    quoted = ctx.core.bookings.quote(dialog.form())  # type: ignore[arg-type]
    assert dialog.totals.total_label.text() == rupiah(quoted.total)
    # Choosing a UMKM as the booker ticks the UMKM discount by itself.
    dialog.booker.umkm_check.setChecked(False)
    dialog.booker.kind_combo.setCurrentIndex(dialog.booker.kind_combo.findData("umkm"))
    assert dialog.booker.umkm_check.isChecked()


def test_an_older_quote_answer_is_dropped(qtbot, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    old_generation = dialog._quote_generation
    stale = ctx.core.bookings.quote(dialog.form())  # type: ignore[arg-type]
    dialog.end_edit.stepBy(4)  # 12:00 -> 14:00
    dialog.refresh_quote()
    assert dialog.totals.subtotal_label.text() == rupiah(4 * RATE_HOUR)
    dialog._quoted(old_generation, stale)
    assert dialog.totals.subtotal_label.text() == rupiah(4 * RATE_HOUR)


def test_save_books_and_emits(qtbot, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    _fill(dialog)
    dialog.attendees_spin.setValue(6)
    dialog.notes_edit.setText("butuh proyektor")
    with qtbot.waitSignal(dialog.booking_saved) as saved:
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    booking = saved.args[0]
    assert isinstance(booking, BookingRecord)
    assert (booking.title, booking.payer_name, booking.attendees) == (
        "Rapat anggota", "Koperasi Maju", 6
    )
    assert booking.starts_at == at(day, 10) and booking.ends_at == at(day, 12)
    assert booking.total == dialog.totals_shown.total  # type: ignore[union-attr]
    assert [b.id for b in ctx.core.bookings.bookings_on(day)] == [booking.id]
    assert ctx.core.bookings.booking(booking.id).notes == "butuh proyektor"
    assert not dialog.isVisible()


def test_attendees_over_capacity_are_refused_at_the_field(
    qtbot, ctx: AppContext, day: date
) -> None:
    dialog = _dialog(qtbot, ctx, day)
    _fill(dialog)
    dialog.attendees_spin.setValue(9)
    error = dialog.errors["attendees"]
    qtbot.waitUntil(lambda: "kapasitas" in error.text())  # said as it is typed
    assert error.isVisible()
    dialog.save()
    assert "8 orang" in error.text()
    assert dialog.attendees_spin.property("invalid") is True
    assert dialog.isVisible() and ctx.core.bookings.bookings_on(day) == []


def test_times_outside_opening_hours_or_past_are_refused_at_the_time(
    qtbot, ctx: AppContext, day: date
) -> None:
    dialog = _dialog(qtbot, ctx, day, start=20, end=22)
    assert "jam buka" in dialog.errors["ends_at"].text()  # 20:00 is open: the end is not
    assert not dialog.errors["starts_at"].text()
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-60))
    qtbot.waitUntil(lambda: "lewat" in dialog.errors["starts_at"].text())


def test_a_clash_names_the_booking_in_the_way_and_writes_nothing(
    qtbot, ctx: AppContext, day: date
) -> None:
    first = _book(ctx, day, 9, 11, "Pelatihan ekspor")
    dialog = _dialog(qtbot, ctx, day, start=11, end=12)  # the 15-minute cleanup is in the way
    _fill(dialog)
    dialog.save()
    message = dialog.errors["starts_at"].text()
    assert "Pelatihan ekspor" in message and "Ruang Rapat Uji" in message
    assert dialog.errors["starts_at"].isVisible()
    assert dialog.start_edit.property("invalid") is True
    assert dialog.isVisible()
    assert [b.id for b in ctx.core.bookings.bookings_on(day)] == [first.id]
    # Moving the time clears the message.
    dialog.start_edit.stepBy(1)
    dialog.end_edit.stepBy(1)
    qtbot.waitUntil(lambda: dialog.errors["starts_at"].text() == "")


def test_a_booker_and_title_are_required(qtbot, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    dialog.save()
    assert dialog.errors["payer_name"].text()
    assert dialog.errors["title"].text()
    assert QApplication.focusWidget() is dialog.name_edit
    dialog.name_edit.setText("Sari")
    dialog.save()  # the core now says the title is missing
    assert dialog.errors["title"].text() and not dialog.errors["payer_name"].text()
    assert ctx.core.bookings.bookings_on(day) == []


def test_enter_moves_to_the_next_field(qtbot, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    dialog.title_edit.setFocus()
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.event_combo  # "Acara", then the space
    qtbot.keyClick(dialog.event_combo, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.space_combo


def test_for_booking_shows_it_and_cancels_it_with_a_reason(
    qtbot, ctx: AppContext, day: date
) -> None:
    booking = _book(ctx, day, 9, 11, "Pelatihan ekspor")
    dialog = BookingDialog.for_booking(ctx, None, booking)
    assert isinstance(dialog, BookingDetailsDialog)
    show_active(qtbot, dialog)
    assert dialog.values["title_value"].text() == "Pelatihan ekspor"
    assert "09:00-11:00 WIB" in dialog.values["when_value"].text()
    assert dialog.values["owed_value"].text() == rupiah(booking.total)
    assert not dialog.reason_box.isVisible()
    qtbot.mouseClick(dialog.cancel_booking_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_box.isVisible() and dialog.reason_edit.hasFocus()
    assert ctx.core.bookings.booking(booking.id).status == "confirmed"  # asked first
    qtbot.keyClicks(dialog.reason_edit, "acara diundur")
    with qtbot.waitSignal(dialog.booking_saved) as saved:
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert saved.args[0].status == "cancelled"
    stored = ctx.core.bookings.booking(booking.id)
    assert (stored.status, stored.cancel_reason) == ("cancelled", "acara diundur")
    assert not dialog.isVisible()


def test_a_cancelled_booking_cannot_be_cancelled_again(
    qtbot, ctx: AppContext, day: date
) -> None:
    booking = _book(ctx, day, 9, 11, "Pelatihan ekspor")
    cancelled = ctx.core.bookings.cancel(ctx.require_actor(), booking.id, "batal")
    dialog = show_active(qtbot, BookingDialog.for_booking(ctx, None, cancelled))
    assert not dialog.cancel_booking_button.isVisible()
    assert dialog.values["cancel_reason_value"].text() == "batal"


@pytest.mark.parametrize("typed", ["1400", "14:00", "14.00", "14"])
def test_a_time_is_typed_as_people_type_it(qtbot, ctx: AppContext, day: date, typed: str) -> None:
    dialog = _dialog(qtbot, ctx, day)
    dialog.end_edit.setFocus()
    dialog.end_edit.selectAll()
    qtbot.keyClicks(dialog.end_edit, typed)
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Tab)  # leaves the field: one Tab stop
    assert dialog.end_edit.minutes() == 14 * 60
    assert dialog.end_edit.text() == "14:00"
    assert QApplication.focusWidget() is not dialog.end_edit
    qtbot.waitUntil(lambda: dialog.totals.subtotal_label.text() == rupiah(4 * RATE_HOUR))


def test_tab_and_enter_go_from_field_to_field(qtbot, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    dialog.date_edit.setFocus()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.start_edit  # Tanggal, then Mulai
    qtbot.keyClick(dialog.start_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.end_edit  # then Selesai
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dialog.start_edit  # Shift+Tab: the field before
    qtbot.keyClicks(dialog.start_edit, "0930")  # selected whole by Tab: typing replaces it
    assert dialog.start_edit.minutes() == 9 * 60 + 30
    qtbot.keyClicks(dialog.start_edit, "x")  # no time: refused as typed
    assert dialog.start_edit.text() == "0930"


def test_the_date_is_one_tab_stop(qtbot, ctx: AppContext, day: date) -> None:
    dialog = _dialog(qtbot, ctx, day)
    dialog.attendees_spin.setFocus()
    qtbot.keyClick(dialog.attendees_spin, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.date_edit
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Tab)  # not into its month section
    assert QApplication.focusWidget() is dialog.start_edit
    qtbot.keyClick(dialog.start_edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dialog.date_edit


def test_escape_asks_only_when_something_was_typed(
    qtbot, ctx: AppContext, day: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(reply):
        def question(_parent, title, *_rest):
            asked.append(title)
            return reply

        return staticmethod(question)

    untouched = _dialog(qtbot, ctx, day)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and asked == []  # nothing typed: closes at once
    dialog = _dialog(qtbot, ctx, day)
    qtbot.keyClicks(dialog.title_edit, "Rapat")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible() and asked == ["Buang isian?"]  # "Tidak": the form stays
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_messages_coming_and_going_do_not_move_the_fields(
    qtbot, ctx: AppContext, day: date
) -> None:
    dialog = _dialog(qtbot, ctx, day)
    below = (dialog.date_edit, dialog.series.frequency_combo, dialog.notes_edit)

    def places() -> list[int]:
        QApplication.processEvents()
        return [w.mapTo(dialog, w.rect().topLeft()).y() for w in below]

    before = places()
    dialog.attendees_spin.setValue(30)  # above capacity: a message under the attendees
    dialog.end_edit.set_minutes(9 * 60)  # before the start: a message under the times
    dialog.refresh_quote()
    assert dialog.errors["attendees"].isVisible() and dialog.errors["ends_at"].isVisible()
    assert places() == before
    dialog.attendees_spin.setValue(4)
    dialog.end_edit.set_minutes(12 * 60)
    dialog.refresh_quote()
    assert not dialog.errors["attendees"].isVisible()
    assert places() == before
