"""The Ruang page's week view: one space's week, days as columns and half hours
as rows, over real services (the booking dialog is a fake, as in
test_bookings_page.py: these tests check what the page asks of it)."""

from __future__ import annotations

import sys
import types
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from smesco_desk.clock import wib_today
from smesco_desk.services.actors import Actor
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.ui.test_bookings_page import DAY, DialogLog, FakeDialog, at, colour_at
from ui.context import AppContext
from ui.models.bookings_model import BOOKED, BOOKING_ROLE, BUFFER, CELL_STATE_ROLE, CLOSED, FREE
from ui.models.week_bookings_model import WeekBookingsModel, monday_of
from ui.pages.bookings.page import DIALOG_MODULE, BookingsPage

TUESDAY, SATURDAY = DAY + timedelta(days=1), DAY + timedelta(days=5)


@pytest.fixture
def fake_dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    module = types.ModuleType(DIALOG_MODULE)
    module.BookingDialog = FakeDialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, DIALOG_MODULE, module)
    FakeDialog.log = DialogLog()
    return FakeDialog.log


@pytest.fixture
def rooms(ctx: AppContext, admin: Actor) -> None:
    """The small meeting room (08:00-21:00 Monday to Saturday, 15-minute buffers)
    and the hall (07:00-23:00 on weekdays, no buffers)."""
    ctx.core.bookings.save_space(admin, space_form())
    ctx.core.bookings.save_space(admin, space_form(
        code="aula", name="Aula Serbaguna", kind="event_hall", capacity=250, floor="1",
        opening_hours={d: ["07:00", "23:00"] for d in WEEK[:5]}, setup_minutes=0,
        cleanup_minutes=0))


def week_page(qtbot: Any, ctx: AppContext, space: str = "rapat_kecil") -> BookingsPage:
    page = BookingsPage(ctx)
    qtbot.addWidget(page)
    page.go_to(DAY + timedelta(days=2))  # a Wednesday: its week starts on DAY
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    page.show_week(space)
    return page


def test_the_week_shows_the_spaces_bookings_at_their_cells(
        qtbot: Any, ctx: AppContext, admin: Actor, rooms: None) -> None:
    book = ctx.core.bookings.book
    tuesday = book(admin, booking_form("rapat_kecil", at("10:00", TUESDAY), at("11:30", TUESDAY)))
    book(admin, booking_form("aula", at("10:00", TUESDAY), at("12:00", TUESDAY)))  # not shown
    saturday = book(admin, booking_form("rapat_kecil", at("19:00", SATURDAY),
                                        at("20:00", SATURDAY), title="Arisan"))
    page = week_page(qtbot, ctx)
    model, grid = page.week_model, page.week_grid
    assert page.stack.currentWidget() is grid and page.space_combo.isVisible()
    assert page.space_combo.currentData() == "rapat_kecil"
    assert model.monday() == DAY and model.space().code == "rapat_kecil"  # type: ignore[union-attr]
    assert (model.rowCount(), model.columnCount()) == (26, 7)  # 08:00-21:00, Monday-Sunday
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Sel 04-06"
    assert model.headerData(4, Qt.Orientation.Vertical) == "10:00"
    column = [model.index(r, 1).data(CELL_STATE_ROLE) for r in range(2, 9)]
    # 09:00 free, 09:30 setup, 10:00-11:30 booked, 11:30 cleanup, 12:00 free
    assert column == [FREE, BUFFER, BOOKED, BOOKED, BOOKED, BUFFER, FREE]
    assert model.index(5, 1).data(BOOKING_ROLE) == tuesday
    assert model.index(22, 5).data(BOOKING_ROLE) == saturday  # Saturday 19:00
    assert model.index(4, 0).data(CELL_STATE_ROLE) == FREE  # Monday 10:00
    assert {model.cell_state(r, 6) for r in range(26)} == {CLOSED}  # Sunday: closed
    assert "2 pemesanan" in page.summary_label.text()
    grid.scroll_to_minute(9 * 60)
    image = grid.viewport().grab().toImage()
    assert colour_at(image, grid.cell_rect(5, 1).center()) == "#d6e6ff"  # confirmed
    assert colour_at(image, grid.cell_rect(5, 0).center()) == "#ffffff"  # Monday: free
    assert colour_at(image, grid.cell_rect(5, 6).center()) == "#f1f3f6"  # Sunday: closed
    buffer = grid.cell_rect(3, 1)  # 09:30-10:00: the setup buffer from 09:45
    colours = {colour_at(image, QPoint(x, buffer.bottom() - 4))
               for x in range(buffer.left() + 10, buffer.left() + 30)}
    assert "#ffffff" in colours and len(colours) > 1  # stripes


def test_another_space_from_the_combo(
        qtbot: Any, ctx: AppContext, admin: Actor, rooms: None) -> None:
    hall = ctx.core.bookings.book(
        admin, booking_form("aula", at("07:00", TUESDAY), at("09:00", TUESDAY)))
    page = week_page(qtbot, ctx)
    assert [page.space_combo.itemData(i) for i in range(page.space_combo.count())] == \
        ["aula", "rapat_kecil"]
    page.space_combo.setCurrentIndex(0)
    page.space_combo.activated.emit(0)
    model = page.week_model
    assert model.space().code == "aula"  # type: ignore[union-attr]
    assert model.first_minute() == 7 * 60 and model.rowCount() == 32  # 07:00-23:00
    assert model.index(0, 1).data(BOOKING_ROLE) == hall
    assert {model.cell_state(0, c) for c in (5, 6)} == {CLOSED}  # the weekend


def test_keyboard_selection_asks_for_a_booking_with_the_times_of_the_cells(
        qtbot: Any, ctx: AppContext, admin: Actor, rooms: None, fake_dialogs: DialogLog) -> None:
    booking = ctx.core.bookings.book(
        admin, booking_form("rapat_kecil", at("09:00", TUESDAY), at("10:00", TUESDAY)))
    page = week_page(qtbot, ctx)
    grid = page.week_grid
    grid.setFocus()
    grid.set_cursor(0, 0)  # Monday 08:00
    assert grid.selection() == (0, 0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Right)  # Wednesday
    qtbot.keyClick(grid, Qt.Key.Key_Down)  # 08:30
    for _ in range(3):
        qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert grid.selection() == (2, 1, 4) and page.book_button.isEnabled()
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    wednesday = DAY + timedelta(days=2)
    assert fake_dialogs.opened == [{"space_code": "rapat_kecil",
                                    "starts_at": at("08:30", wednesday),
                                    "ends_at": at("10:30", wednesday)}]
    # a selection stops at the buffer of a booking; Enter on the booking opens it
    grid.set_cursor(0, 1)  # Tuesday 08:00
    grid.set_cursor(4, 1, extend=True)
    assert grid.selection() == (1, 0, 0)  # 08:00-08:30: its setup from 08:45 takes 08:30
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    for _ in range(2):
        qtbot.keyClick(grid, Qt.Key.Key_Down)  # Tuesday 09:00
    assert grid.cursor_cell() == (2, 1) and grid.selection() is None
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert fake_dialogs.opened[-1] == {"booking": booking}


def test_the_mouse_selects_down_a_day_and_a_click_opens_a_block(
        qtbot: Any, ctx: AppContext, admin: Actor, rooms: None, fake_dialogs: DialogLog) -> None:
    booking = ctx.core.bookings.book(
        admin, booking_form("rapat_kecil", at("13:00", SATURDAY), at("15:00", SATURDAY)))
    page = week_page(qtbot, ctx)
    grid = page.week_grid
    grid.scroll_to_minute(10 * 60)
    start, end = grid.cell_rect(4, 3).center(), grid.cell_rect(6, 3).center()  # Thu 10:00-11:30
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid.viewport(), end)
    qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert grid.selection() == (3, 4, 6)
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=end)
    thursday = DAY + timedelta(days=3)
    assert fake_dialogs.opened[-1] == {"space_code": "rapat_kecil",
                                       "starts_at": at("10:00", thursday),
                                       "ends_at": at("11:30", thursday)}
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=grid.cell_rect(11, 5).center())  # Saturday 13:30
    assert fake_dialogs.opened[-1] == {"booking": booking}


def test_weeks_page_with_page_keys_alt_arrows_and_the_buttons(
        qtbot: Any, ctx: AppContext, rooms: None) -> None:
    page = week_page(qtbot, ctx)
    grid, model = page.week_grid, page.week_model
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert model.monday() == DAY + timedelta(days=7)
    assert page.day() == DAY + timedelta(days=9)  # the same weekday, a week on
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert model.monday() == DAY + timedelta(days=14)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(grid, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert model.monday() == DAY
    page.next_button.click()
    assert model.monday() == DAY + timedelta(days=7)
    page.previous_button.click()
    assert model.monday() == DAY
    assert "03-06 s.d. 09-06-2030" in page.summary_label.text()
    page.today_button.click()
    assert model.monday() == monday_of(wib_today(ctx.core.now()))
    # back to the day grid: every space, on the day picked
    page.go_to(DAY)
    page.day_mode_button.click()
    assert page.stack.currentWidget() is page.grid and not page.space_combo.isVisible()
    assert page.model.day() == DAY
    qtbot.keyClick(page.grid, Qt.Key.Key_PageDown)
    assert page.day() == DAY + timedelta(days=1)  # a day again
    page.week_mode_button.click()
    assert model.monday() == DAY and model.space().code == "rapat_kecil"  # type: ignore[union-attr]


def test_a_booking_made_while_the_week_is_shown_appears(
        qtbot: Any, ctx: AppContext, admin: Actor, rooms: None) -> None:
    page = week_page(qtbot, ctx)
    model = page.week_model
    assert model.cell_state(8, 3) == FREE  # Thursday 12:00
    thursday = DAY + timedelta(days=3)
    op = ctx.runner.op(lambda: ctx.core.bookings.book(
        admin, booking_form("rapat_kecil", at("12:00", thursday), at("13:00", thursday))))
    with qtbot.waitSignal(model.loaded):
        op.run()
    assert model.cell_state(8, 3) == BOOKED
    page.day_mode_button.click()  # hidden: a change is read when the week is shown again
    ctx.core.bookings.cancel(admin, model.index(8, 3).data(BOOKING_ROLE).id)
    ctx.runner.data_changed.emit(frozenset({"bookings"}))
    assert model.cell_state(8, 3) == BOOKED
    page.week_mode_button.click()
    assert model.cell_state(8, 3) == FREE


def test_this_weeks_today_has_a_now_line(
        qtbot: Any, ctx: AppContext, rooms: None) -> None:
    ctx.core.clock = lambda: at("10:15", TUESDAY)  # type: ignore[method-assign]
    page = week_page(qtbot, ctx)
    grid = page.week_grid
    y = grid.y_of(10 * 60 + 15)
    image = grid.viewport().grab().toImage()
    assert colour_at(image, QPoint(grid.cell_rect(0, 1).center().x(), y)) == "#d92d20"
    assert colour_at(image, QPoint(grid.cell_rect(0, 2).center().x(), y)) != "#d92d20"


def test_the_week_model_passes_the_model_tester(
        qtmodeltester: Any, ctx: AppContext, admin: Actor, rooms: None) -> None:
    ctx.core.bookings.book(
        admin, booking_form("rapat_kecil", at("10:00", TUESDAY), at("11:30", TUESDAY)))
    model = WeekBookingsModel(ctx, DAY)
    qtmodeltester.check(model)
    model.set_space("aula")
    qtmodeltester.check(model)
    model.set_week(DAY + timedelta(days=7))
    qtmodeltester.check(model)


def test_the_week_keeps_the_cursor_in_view_and_shows_a_booking_saved(
        qtbot: Any, ctx: AppContext, admin: Actor, rooms: None) -> None:
    page = week_page(qtbot, ctx)
    page.resize(900, 420)
    qtbot.wait(10)
    grid = page.week_grid
    grid.setFocus()

    def in_view() -> bool:
        row = grid.cursor_cell()[0]
        rect = grid.cell_rect(*grid.cursor_cell())
        view = grid.viewport().rect()
        spare_above = grid.row_height // 2 if row > 0 else 0  # the first row: at the top
        spare_below = grid.row_height // 2 if row < page.week_model.rowCount() - 1 else 0
        return rect.top() >= grid.header_height + spare_above and \
            rect.bottom() <= view.bottom() - spare_below

    for key in [Qt.Key.Key_Down] * 30 + [Qt.Key.Key_Up] * 30:
        qtbot.keyClick(grid, key)
        assert in_view()  # a row to spare, not at the very edge
    evening = ctx.core.bookings.book(
        admin, booking_form("rapat_kecil", at("19:00", SATURDAY), at("20:30", SATURDAY)))
    page._on_saved(evening)  # as the dialog's booking_saved calls it, before the reload
    ctx.runner.data_changed.emit(frozenset({"bookings"}))  # as the runner announces it
    qtbot.waitUntil(lambda: grid.cursor_cell()[1] == 5)
    assert page.week_model.slot_minute(grid.cursor_cell()[0]) == 19 * 60
    assert in_view()


def test_home_and_end_run_along_the_time_in_both_grids(
        qtbot: Any, ctx: AppContext, admin: Actor, rooms: None) -> None:
    """Home/End go to a lane's first or last slot and Shift extends over free
    cells only: down a day in the week, along a space's row in the day grid."""
    ctx.core.bookings.book(
        admin, booking_form("rapat_kecil", at("12:00", TUESDAY), at("13:00", TUESDAY)))
    page = week_page(qtbot, ctx)
    grid = page.week_grid
    grid.setFocus()
    grid.set_cursor(0, 1)  # Tuesday 08:00
    qtbot.keyClick(grid, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert grid.selection() == (1, 0, 6)  # to 11:30: the setup from 11:45 takes 11:30
    assert grid.cursor_cell() == (6, 1)
    qtbot.keyClick(grid, Qt.Key.Key_End)
    assert grid.cursor_cell() == (25, 1) and grid.selection() == (1, 25, 25)  # 20:30
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert grid.cursor_cell() == (0, 1)
    page.day_mode_button.click()  # Wednesday, every space, 07:00-23:00
    day_grid, row = page.grid, page.model.row_of_space("rapat_kecil")
    day_grid.setFocus()
    day_grid.set_cursor(row, 2)  # 08:00
    qtbot.keyClick(day_grid, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert day_grid.selection() == (row, 2, 27)  # to 20:30: closed from 21:00
    qtbot.keyClick(day_grid, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    assert day_grid.selection() == (row, 2, 2)  # closed before 08:00
    qtbot.keyClick(day_grid, Qt.Key.Key_Home)
    assert day_grid.cursor_cell() == (row, 0) and day_grid.selection() is None
