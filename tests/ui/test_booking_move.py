"""Moving and resizing a booking from the day grid (mouse drags with qtbot on
the grid's viewport: the ghost while dragging, the confirmation with the old
and new price on release) and from the booking's details (the keyboard's way),
on real services; a series occurrence asks how far the change goes."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from smesco_desk.clock import WIB, to_wib
from smesco_desk.domain.booking_series import SeriesRule
from smesco_desk.services.actors import Actor
from smesco_desk.values.bookings import AttendeeForm, BookingRecord
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from ui.context import AppContext
from ui.pages.bookings.booking_details import BookingDetailsDialog
from ui.pages.bookings.grid_drag import RESIZE_END, RESIZE_START
from ui.pages.bookings.move_dialog import MoveDialog
from ui.pages.bookings.page import BookingsPage

DAY = date(2030, 6, 3)  # a Monday, in the future


def at(hh: int, mm: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=WIB)


@pytest.fixture
def spaces(ctx: AppContext, admin: Actor) -> None:
    """The small meeting room (15-minute buffers, Rp300.000 an hour, open 08-21)
    and the big one (no buffers), and the hall open 07:00-23:00 on weekdays."""
    core = ctx.core
    core.bookings.save_space(admin, space_form())
    core.bookings.save_space(
        admin,
        space_form(
            code="rapat_besar", name="Ruang Rapat Besar", setup_minutes=0, cleanup_minutes=0
        ),
    )
    core.bookings.save_space(
        admin,
        space_form(
            code="aula",
            name="Aula Serbaguna",
            kind="event_hall",
            capacity=250,
            floor="1",
            opening_hours={d: ["07:00", "23:00"] for d in WEEK[:5]},
        ),
    )


def make_page(qtbot: Any, ctx: AppContext) -> BookingsPage:
    page = BookingsPage(ctx)
    qtbot.addWidget(page)
    page.go_to(DAY)
    page.resize(1200, 600)
    page.show()
    qtbot.waitExposed(page)
    page.grid.scroll_to_minute(9 * 60)
    return page


def book(
    ctx: AppContext,
    admin: Actor,
    space: str,
    start: datetime,
    end: datetime,
    title: str = "Rapat koperasi",
) -> BookingRecord:
    return ctx.core.bookings.book(admin, booking_form(space, start, end, title))


def pay(ctx: AppContext, admin: Actor, booking: BookingRecord) -> None:
    if ctx.core.payments.current_shift(admin) is None:
        ctx.core.payments.open_shift(admin, 0)
    ctx.core.payments.pay(admin, booking.charge_id or "", PaymentForm("cash", booking.owed))


def x_at(page: BookingsPage, hh: int, mm: int = 0) -> int:
    return page.grid.x_of(hh * 60 + mm)


def mid_y(page: BookingsPage, space: str) -> int:
    grid = page.grid
    return grid.y_of(page.model.row_of_space(space)) + grid.row_height // 2


def drag(qtbot: Any, page: BookingsPage, start: QPoint, end: QPoint) -> None:
    """Press, move in steps (the ghost follows), release."""
    view = page.grid.viewport()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 5):
        step = start + (end - start) * i / 4
        qtbot.mouseMove(view, step)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)


def opened_move_dialog(page: BookingsPage) -> MoveDialog:
    dialog = page.dialog
    assert isinstance(dialog, MoveDialog), dialog
    return dialog


# --- dragging in the grid ---------------------------------------------------------------------


def test_dragging_a_block_shows_a_ghost_and_asks_to_confirm_the_move(
    qtbot: Any, ctx: AppContext, admin: Actor, spaces: None
) -> None:
    booked = book(ctx, admin, "rapat_besar", at(10), at(11))
    page = make_page(qtbot, ctx)
    grid, view = page.grid, page.grid.viewport()
    y = mid_y(page, "rapat_besar")
    start, end = QPoint(x_at(page, 10, 30), y), QPoint(x_at(page, 13, 30), y)  # 3 hours later
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, QPoint(start.x() + 40, y))
    qtbot.mouseMove(view, end)
    assert grid.drag is not None and grid.drag.active
    assert (grid.drag.starts, grid.drag.ends) == (13 * 60, 14 * 60)
    image = view.grab().toImage()
    ghost = image.pixelColor(
        int((x_at(page, 13, 30)) * image.devicePixelRatio()), int(y * image.devicePixelRatio())
    )
    assert ghost.name() != "#ffffff"  # the ghost is painted where the block would go
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    assert grid.drag is None
    dialog = opened_move_dialog(page)
    assert dialog.times() == (at(13), at(14)) and dialog.space_code() == "rapat_besar"
    assert dialog.old_total_label.text() == dialog.new_total_label.text() == "Rp300.000"
    assert ctx.core.bookings.booking(booked.id).starts_at == at(10)  # nothing saved yet
    dialog.save_button.click()
    moved = ctx.core.bookings.booking(booked.id)
    assert (moved.starts_at, moved.ends_at) == (at(13), at(14))


def test_dragging_the_right_edge_resizes_and_the_left_edge_moves_the_start(
    qtbot: Any, ctx: AppContext, admin: Actor, spaces: None
) -> None:
    booked = book(ctx, admin, "rapat_besar", at(10), at(11))
    page = make_page(qtbot, ctx)
    y = mid_y(page, "rapat_besar")
    right = QPoint(x_at(page, 11) - 2, y)
    drag(qtbot, page, right, QPoint(x_at(page, 12, 30) - 2, y))  # snapped to 12:30
    dialog = opened_move_dialog(page)
    assert dialog.times() == (at(10), at(12, 30))
    assert dialog.new_total_label.text() == "Rp900.000"  # 2.5 h: three hours started
    assert "Rp900.000" in dialog.difference_label.text()  # unpaid: the charge becomes it
    dialog.save_button.click()
    assert ctx.core.bookings.booking(booked.id).ends_at == at(12, 30)
    page.model.reload()
    left = QPoint(x_at(page, 10) + 2, y)
    drag(qtbot, page, left, QPoint(x_at(page, 9, 15) + 2, y))
    dialog = opened_move_dialog(page)
    assert dialog.times() == (at(9, 15), at(12, 30))


def test_the_edges_of_a_block_resize_and_its_middle_moves(
    qtbot: Any, ctx: AppContext, admin: Actor, spaces: None
) -> None:
    book(ctx, admin, "rapat_besar", at(10), at(12))
    page = make_page(qtbot, ctx)
    y, view = mid_y(page, "rapat_besar"), page.grid.viewport()
    for x, mode in (
        (x_at(page, 10) + 2, RESIZE_START),
        (x_at(page, 12) - 2, RESIZE_END),
        (x_at(page, 11), "move"),
    ):
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
        assert page.grid.drag is not None and page.grid.drag.mode == mode
        page.grid.drop_drag()
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(x, y))


def test_a_block_dragged_to_another_row_moves_to_that_space(
    qtbot: Any, ctx: AppContext, admin: Actor, spaces: None
) -> None:
    booked = book(ctx, admin, "rapat_besar", at(10), at(11))
    page = make_page(qtbot, ctx)
    start = QPoint(x_at(page, 10, 30), mid_y(page, "rapat_besar"))
    drag(qtbot, page, start, QPoint(x_at(page, 10, 30), mid_y(page, "aula")))
    dialog = opened_move_dialog(page)
    assert dialog.space_code() == "aula" and dialog.times() == (at(10), at(11))
    dialog.save_button.click()
    assert ctx.core.bookings.booking(booked.id).space_code == "aula"


def test_a_click_still_opens_and_esc_drops_a_drag(
    qtbot: Any, ctx: AppContext, admin: Actor, spaces: None
) -> None:
    book(ctx, admin, "rapat_besar", at(10), at(11))
    page = make_page(qtbot, ctx)
    view, y = page.grid.viewport(), mid_y(page, "rapat_besar")
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(x_at(page, 10, 30), y))
    qtbot.mouseMove(view, QPoint(x_at(page, 12), y))
    assert page.grid.drag is not None and page.grid.drag.active
    qtbot.keyClick(page.grid, Qt.Key.Key_Escape)
    assert page.grid.drag is None
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(x_at(page, 12), y))
    assert page.dialog is None  # no move asked for
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(x_at(page, 10, 30), y))
    assert isinstance(page.dialog, BookingDetailsDialog)


# --- the confirmation -------------------------------------------------------------------------


def test_the_confirmation_of_a_paid_booking_shows_the_new_charge_or_the_refund(
    qtbot: Any, ctx: AppContext, admin: Actor, spaces: None
) -> None:
    booked = book(ctx, admin, "rapat_besar", at(10), at(12))  # Rp600.000
    pay(ctx, admin, booked)
    booked = ctx.core.bookings.booking(booked.id)
    longer = MoveDialog(ctx, None, booked, starts_at=at(10), ends_at=at(13))
    qtbot.addWidget(longer)
    assert (longer.old_total_label.text(), longer.new_total_label.text()) == (
        "Rp600.000",
        "Rp900.000",
    )
    assert longer.difference_label.text() == "Tagihan baru Rp300.000 (yang sudah dibayar tetap)."
    shorter = MoveDialog(ctx, None, booked, starts_at=at(10), ends_at=at(11))
    qtbot.addWidget(shorter)
    assert shorter.difference_label.text() == "Dikembalikan kepada pemesan Rp300.000."
    # Typing another time refreshes the price.
    shorter.end_edit.set_minutes(12 * 60)
    assert shorter.difference_label.text() == "Tidak ada selisih."
    shorter.end_edit.set_minutes(11 * 60)
    with qtbot.waitSignal(shorter.booking_saved) as saved:
        shorter.save_button.click()
    record = saved.args[0]
    assert (record.total, record.paid, record.refund_due) == (300_000, 600_000, 300_000)


def test_a_clash_is_said_clearly_and_nothing_is_saved(
    qtbot: Any, ctx: AppContext, admin: Actor, spaces: None
) -> None:
    booked = book(ctx, admin, "rapat_kecil", at(10), at(11))
    book(ctx, admin, "rapat_kecil", at(14), at(16), "Pelatihan foto")
    dialog = MoveDialog(ctx, None, booked, starts_at=at(13), ends_at=at(14))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.banner.kind() == "error"
    assert "Bentrok" in dialog.banner.text() and '"Pelatihan foto"' in dialog.banner.text()
    assert ctx.core.bookings.booking(booked.id).starts_at == at(10)


# --- the keyboard's way: "Ubah waktu…" in the details -------------------------------------------


def test_change_time_from_the_details_with_the_keyboard(
    qtbot: Any, ctx: AppContext, admin: Actor, spaces: None
) -> None:
    booked = book(ctx, admin, "rapat_besar", at(10), at(11))
    details = BookingDetailsDialog(ctx, None, booked)
    qtbot.addWidget(details)
    details.show()
    assert details.move_button.isVisible()
    details.move_button.click()
    dialog = details.move_dialog
    assert dialog.times() == (at(10), at(11))
    dialog.end_edit.setFocus()
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Up)  # the next half hour
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Up)
    assert dialog.times() == (at(10), at(12))
    dialog.title_edit.setText("Rapat pengurus")
    with qtbot.waitSignal(details.booking_saved):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    saved = ctx.core.bookings.booking(booked.id)
    assert (saved.ends_at, saved.title) == (at(12), "Rapat pengurus")
    assert not details.isVisible()


def test_a_series_occurrence_asks_how_far_the_change_goes(
    qtbot: Any, ctx: AppContext, admin: Actor, spaces: None
) -> None:
    form = booking_form("rapat_besar", at(10), at(11), "Kelas mingguan")
    series = ctx.core.bookings.book_series(
        admin, form, SeriesRule("weekly", weekdays=("mon",), count=3)
    )
    first = series.bookings[0]
    dialog = MoveDialog(ctx, None, first)
    qtbot.addWidget(dialog)
    assert set(dialog.scope_buttons) == {"this", "following", "all"}
    assert dialog.scope_buttons["this"].text() == "&Hanya yang ini"
    dialog.scope_buttons["all"].click()
    assert not dialog.space_combo.isEnabled() and not dialog.date_edit.isEnabled()
    dialog.start_edit.set_minutes(13 * 60)
    dialog.end_edit.set_minutes(14 * 60 + 30)
    dialog.title_edit.setText("Kelas foto")
    dialog.save_button.click()
    stored = [ctx.core.bookings.booking(b.id) for b in series.bookings]
    assert [(to_wib(b.starts_at).time(), to_wib(b.ends_at).time(), b.title) for b in stored] == [
        (time(13), time(14, 30), "Kelas foto")
    ] * 3
    assert [to_wib(b.starts_at).date() for b in stored] == [
        to_wib(b.starts_at).date() for b in series.bookings
    ]


def test_moving_an_event_with_participants_says_to_reprint_badges(
    qtbot: Any, ctx: AppContext, admin: Actor, spaces: None
) -> None:
    """Badges and the attendance list printed before carry the old time."""
    event = ctx.core.bookings.set_event(
        admin, book(ctx, admin, "aula", at(10), at(12), "Seminar ekspor").id, "seminar")
    empty = MoveDialog(ctx, None, event, starts_at=at(13), ends_at=at(15))
    qtbot.addWidget(empty)
    empty.show()
    assert not empty.reprint_note.isVisible()  # nobody to reprint for yet
    ctx.core.bookings.add_attendee(admin, event.id, AttendeeForm("Budi Santoso", "081234567890"))
    dialog = MoveDialog(ctx, None, event, starts_at=at(13), ends_at=at(15))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.reprint_note.isVisible)
    assert "cetak ulang" in dialog.reprint_note.text()
    plain = MoveDialog(ctx, None, book(ctx, admin, "rapat_besar", at(10), at(11)))
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.reprint_note.isVisible()
