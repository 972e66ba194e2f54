"""The Ruang page: the day grid of spaces and half hours over real services.

The booking dialog is another module (ui/pages/bookings/booking_dialog.py);
these tests put a fake in its place, so they test what the page asks of it.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLineEdit

from smesco_desk.clock import WIB
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.bookings import BookingRecord
from tests.core.helpers_bookings import WEEK, booking_form, space_form
from tests.ui.helpers_ui import activate
from ui.context import AppContext
from ui.models.bookings_model import (
    BOOKED,
    BOOKING_ROLE,
    BUFFER,
    CELL_STATE_ROLE,
    CLOSED,
    FREE,
    SPACE_ROLE,
    DayBookingsModel,
)
from ui.pages.bookings.page import DIALOG_MODULE, BookingsPage

DAY = date(2030, 6, 3)  # a Monday, in the future (bookings in the past are refused)


def at(hhmm: str, day: date = DAY) -> datetime:
    hour, minute = map(int, hhmm.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB)


@dataclass
class DialogLog:
    opened: list[dict[str, Any]] = field(default_factory=list)


class FakeDialog(QObject):
    """Stands in for BookingDialog: records how it was asked for."""

    booking_saved = Signal(object)
    log = DialogLog()

    def __init__(self, ctx: AppContext, parent: Any, **kw: Any) -> None:
        super().__init__(parent)
        self.kw = kw

    @classmethod
    def for_booking(cls, ctx: AppContext, parent: Any, booking: BookingRecord) -> FakeDialog:
        return cls(ctx, parent, booking=booking)

    def open(self) -> None:
        FakeDialog.log.opened.append(self.kw)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    module = types.ModuleType(DIALOG_MODULE)
    module.BookingDialog = FakeDialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, DIALOG_MODULE, module)
    FakeDialog.log = DialogLog()
    return FakeDialog.log


@pytest.fixture
def spaces(core: Core, admin: Actor) -> None:
    """Two meeting rooms open 08:00-21:00 (one with 15-minute buffers) and the
    hall, open 07:00-23:00 on weekdays."""
    core.bookings.save_space(admin, space_form())
    core.bookings.save_space(admin, space_form(code="rapat_besar", name="Ruang Rapat Besar",
                                               setup_minutes=0, cleanup_minutes=0))
    core.bookings.save_space(admin, space_form(
        code="aula", name="Aula Serbaguna", kind="event_hall", capacity=250, floor="1",
        opening_hours={d: ["07:00", "23:00"] for d in WEEK[:5]}))


def make_page(qtbot: Any, ctx: AppContext, day: date = DAY) -> BookingsPage:
    page = BookingsPage(ctx)
    qtbot.addWidget(page)
    page.go_to(day)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_grid_shows_the_spaces_and_a_booking_at_its_cells(
        qtbot: Any, ctx: AppContext, admin: Actor, spaces: None) -> None:
    booking = ctx.core.bookings.book(admin, booking_form("rapat_kecil", at("10:00"), at("11:30")))
    page = make_page(qtbot, ctx)
    model = page.model
    assert [s.code for s in model.spaces()] == ["aula", "rapat_besar", "rapat_kecil"]
    assert model.first_minute() == 7 * 60 and model.columnCount() == 32  # 07:00-23:00
    assert model.headerData(6, Qt.Orientation.Horizontal) == "10:00"
    row = model.row_of_space("rapat_kecil")
    assert model.headerData(row, Qt.Orientation.Vertical) == "Ruang Rapat Kecil"
    states = [model.index(row, c).data(CELL_STATE_ROLE) for c in range(4, 11)]
    # 09:00 free, 09:30 the setup buffer, 10:00-11:30 booked, 11:30 cleanup, 12:00 free
    assert states == [FREE, BUFFER, BOOKED, BOOKED, BOOKED, BUFFER, FREE]
    assert model.index(row, 0).data(CELL_STATE_ROLE) == CLOSED  # 07:00: opens at 08:00
    assert model.index(row, 6).data(BOOKING_ROLE) == booking
    assert model.index(row, 6).data(SPACE_ROLE).code == "rapat_kecil"
    assert "Rapat koperasi" in model.index(row, 7).data()
    assert page.summary_label.text() == "1 pemesanan"
    # the block is painted in its cells: the title's colour inside, white before it
    page.grid.scroll_to_minute(9 * 60)
    image = page.grid.viewport().grab().toImage()
    inside = page.grid.cell_rect(row, 7).center()
    assert colour_at(image, inside) == "#d6e6ff"  # confirmed
    before = page.grid.cell_rect(row, 4).center()
    assert colour_at(image, before) == "#ffffff"


def colour_at(image: QImage, point: QPoint) -> str:
    return str(image.pixelColor(point.x() * image.devicePixelRatio(),
                                point.y() * image.devicePixelRatio()).name())


def test_a_click_on_a_block_opens_it(
        qtbot: Any, ctx: AppContext, admin: Actor, spaces: None, dialogs: DialogLog) -> None:
    booking = ctx.core.bookings.book(admin, booking_form("aula", at("13:00"), at("15:00")))
    page = make_page(qtbot, ctx)
    page.grid.scroll_to_minute(13 * 60)
    row = page.model.row_of_space("aula")
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.grid.cell_rect(row, 12).center())  # 13:00
    assert dialogs.opened == [{"booking": booking}]
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)  # the cursor is on it
    assert dialogs.opened[-1] == {"booking": booking}


def test_keyboard_selection_of_free_cells_and_enter_asks_for_a_booking(
        qtbot: Any, ctx: AppContext, spaces: None, dialogs: DialogLog) -> None:
    page = make_page(qtbot, ctx)
    grid = page.grid
    grid.setFocus()
    grid.set_cursor(page.model.row_of_space("rapat_besar"), 0)  # 07:00: closed
    assert grid.selection() is None and not page.book_button.isEnabled()
    assert "Pilih sel kosong" in page.book_hint.text()  # why it is grey, beside it
    assert "Pilih sel kosong" in page.book_button.toolTip()
    for _ in range(2):
        qtbot.keyClick(grid, Qt.Key.Key_Right)  # 08:00
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Down)  # back on the same space
    for _ in range(2):
        qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert page.book_button.isEnabled() and page.book_hint.text() == ""
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert dialogs.opened == [{"space_code": "rapat_besar", "starts_at": at("08:00"),
                               "ends_at": at("09:30")}]


def test_a_drag_along_free_cells_and_a_double_click_ask_for_a_booking(
        qtbot: Any, ctx: AppContext, spaces: None, dialogs: DialogLog) -> None:
    page = make_page(qtbot, ctx)
    grid, row = page.grid, page.model.row_of_space("rapat_besar")
    grid.scroll_to_minute(9 * 60)
    start, end = grid.cell_rect(row, 6).center(), grid.cell_rect(row, 8).center()  # 10:00-11:30
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid.viewport(), end)
    qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert grid.selection() == (row, 6, 8)
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert dialogs.opened[-1] == {"space_code": "rapat_besar", "starts_at": at("10:00"),
                                  "ends_at": at("11:30")}


def test_a_selection_stops_at_a_booking(
        qtbot: Any, ctx: AppContext, admin: Actor, spaces: None) -> None:
    ctx.core.bookings.book(admin, booking_form("rapat_besar", at("09:00"), at("10:00")))
    page = make_page(qtbot, ctx)
    row = page.model.row_of_space("rapat_besar")
    page.grid.set_cursor(row, 2)  # 08:00
    page.grid.set_cursor(row, 4, extend=True)  # 09:00 is taken
    assert page.grid.selection() == (row, 2, 3)


def test_page_down_and_alt_arrows_move_a_day_and_today_comes_back(
        qtbot: Any, ctx: AppContext, spaces: None) -> None:
    page = make_page(qtbot, ctx)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_PageDown)
    assert page.day() == page.model.day() == DAY + timedelta(days=1)
    qtbot.keyClick(page.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.model.day() == DAY + timedelta(days=2)
    qtbot.keyClick(page.grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(page.grid, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.model.day() == DAY
    page.today_button.click()
    assert page.model.day() == ctx.core.now().astimezone(WIB).date()


def test_a_day_with_every_space_closed_shows_closed_cells(
        qtbot: Any, ctx: AppContext, spaces: None) -> None:
    page = make_page(qtbot, ctx, DAY + timedelta(days=6))  # a Sunday: nothing opens
    model = page.model
    assert model.columnCount() > 0 and model.rowCount() == 3
    assert {model.cell_state(r, c) for r in range(3) for c in range(model.columnCount())} \
        == {CLOSED}
    assert page.summary_label.text() == "Belum ada pemesanan"


def test_a_booking_made_by_the_service_appears_after_data_changed(
        qtbot: Any, ctx: AppContext, admin: Actor, spaces: None) -> None:
    page = make_page(qtbot, ctx)
    row = page.model.row_of_space("rapat_kecil")
    assert page.model.cell_state(row, 10) == FREE  # 12:00
    op = ctx.runner.op(lambda: ctx.core.bookings.book(
        admin, booking_form("rapat_kecil", at("12:00"), at("13:00"), title="Temu mitra")))
    with qtbot.waitSignal(page.model.loaded):
        op.run()
    assert page.model.cell_state(row, 10) == BOOKED
    assert page.model.index(row, 10).data(BOOKING_ROLE).title == "Temu mitra"
    ctx.core.bookings.cancel(admin, page.model.index(row, 10).data(BOOKING_ROLE).id)
    ctx.runner.data_changed.emit(frozenset({"bookings"}))
    assert page.model.cell_state(row, 10) == FREE  # a cancelled booking takes no slot
    assert [b.booking.status for b in page.model.blocks_of(row)] == ["cancelled"]


def test_a_new_space_appears_after_data_changed(
        qtbot: Any, ctx: AppContext, admin: Actor, spaces: None) -> None:
    page = make_page(qtbot, ctx)
    ctx.core.bookings.save_space(admin, space_form(code="kelas_1", name="Ruang Kelas 1"))
    ctx.runner.data_changed.emit(frozenset({"spaces"}))
    assert "kelas_1" in [s.code for s in page.model.spaces()]


def test_the_model_passes_the_model_tester(
        qtmodeltester: Any, ctx: AppContext, admin: Actor, spaces: None) -> None:
    ctx.core.bookings.book(admin, booking_form("rapat_kecil", at("10:00"), at("11:30")))
    model = DayBookingsModel(ctx, DAY)
    qtmodeltester.check(model)
    model.set_day(DAY + timedelta(days=1))
    qtmodeltester.check(model)


def test_the_page_is_in_the_navigation_after_payments(qtbot: Any, ctx: AppContext) -> None:
    from ui.pages import PAGES

    names = [spec.name for spec in PAGES]
    assert names.index("bookings") == names.index("payments") + 1
    assert next(s for s in PAGES if s.name == "bookings").title == "Ruang"


def test_today_has_a_now_line_and_buffers_are_hatched(
        qtbot: Any, ctx: AppContext, admin: Actor, spaces: None) -> None:
    ctx.core.bookings.book(admin, booking_form("rapat_kecil", at("11:00"), at("12:00")))
    ctx.core.clock = lambda: at("10:15")  # type: ignore[method-assign]
    page = make_page(qtbot, ctx)  # DAY is today now: scrolled to show now
    grid, row = page.grid, page.model.row_of_space("rapat_besar")
    image = grid.viewport().grab().toImage()
    x = grid.x_of(10 * 60 + 15)
    assert colour_at(image, QPoint(x, grid.cell_rect(row, 0).center().y())) == "#d92d20"
    page.go_to(DAY + timedelta(days=1))
    image = grid.viewport().grab().toImage()
    assert colour_at(image, QPoint(x, grid.cell_rect(row, 0).center().y())) != "#d92d20"
    page.go_to(DAY)
    buffer = grid.cell_rect(page.model.row_of_space("rapat_kecil"), 7)  # 10:30-11:00
    image = grid.viewport().grab().toImage()
    colours = {colour_at(image, QPoint(x, buffer.center().y()))
               for x in range(buffer.right() - 12, buffer.right() - 2)}
    assert "#ffffff" in colours and len(colours) > 1  # stripes, not a filled block


# --- the review of the rooms area ------------------------------------------------------------


def test_the_date_field_steps_days_and_weeks_like_the_grid(
        qtbot: Any, ctx: AppContext, spaces: None) -> None:
    page = make_page(qtbot, ctx)
    activate(qtbot, page)
    page.date_edit.setFocus()
    qtbot.keyClick(page.date_edit, Qt.Key.Key_PageDown)  # not the month under the cursor
    assert page.model.day() == DAY + timedelta(days=1)
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.model.day() == DAY + timedelta(days=2)
    qtbot.keyClick(page.date_edit, Qt.Key.Key_PageUp)
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.day() == DAY and page.date_edit.hasFocus()
    page.show_week("rapat_kecil")
    page.date_edit.setFocus()
    qtbot.keyClick(page.date_edit, Qt.Key.Key_PageDown)  # the week view: a week
    assert page.day() == DAY + timedelta(days=7)
    assert page.week_model.monday() == DAY + timedelta(days=7)


def test_the_date_field_fits_the_longest_weekday(
        qtbot: Any, ctx: AppContext, spaces: None) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    try:
        page = make_page(qtbot, ctx, DAY + timedelta(days=6))  # a Sunday: "Minggu"
    finally:
        QLocale.setDefault(QLocale.c())
    line = page.date_edit.findChild(QLineEdit)
    assert line.text().startswith("Minggu, ")
    assert line.width() >= line.fontMetrics().horizontalAdvance(line.text()) + 4


def test_tab_goes_date_then_the_day_buttons_one_stop_each(
        qtbot: Any, ctx: AppContext, spaces: None) -> None:
    page = make_page(qtbot, ctx)
    activate(qtbot, page)
    page.date_edit.setFocus()
    order = []
    for _ in range(4):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:3] == [page.previous_button, page.next_button, page.today_button]
    page.previous_button.setFocus()
    qtbot.keyClick(page.previous_button, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.date_edit  # the date: one stop


def test_the_count_leaves_cancelled_bookings_out(
        qtbot: Any, ctx: AppContext, admin: Actor, spaces: None) -> None:
    ctx.core.bookings.book(admin, booking_form("rapat_kecil", at("09:00"), at("10:00")))
    gone = ctx.core.bookings.book(admin, booking_form("rapat_kecil", at("11:00"), at("12:00")))
    ctx.core.bookings.cancel(admin, gone.id)
    page = make_page(qtbot, ctx)
    assert page.model.block_count() == 2  # both drawn (the cancelled one faded)
    assert page.summary_label.text() == "1 pemesanan · 1 batal/dilepas"  # one counts
    page.show_week("rapat_kecil")
    assert page.summary_label.text().endswith(" · 1 pemesanan · 1 batal/dilepas")


def _visible(page: BookingsPage) -> bool:
    row, column = page.grid.cursor_cell()
    rect = page.grid.cell_rect(row, column)
    view = page.grid.viewport().rect()
    return rect.left() >= page.grid.name_width + page.grid.slot_width // 2 and \
        rect.right() <= view.right() - page.grid.slot_width // 2


def test_the_focused_cell_stays_in_view_across_days_and_arrows(
        qtbot: Any, ctx: AppContext, spaces: None) -> None:
    page = make_page(qtbot, ctx)
    page.resize(700, 500)
    qtbot.wait(10)
    page.grid.setFocus()
    column = page.model.column_of(15 * 60 + 30)
    page.grid.set_cursor(0, column)
    assert _visible(page)
    qtbot.keyClick(page.grid, Qt.Key.Key_PageDown)
    assert page.model.day() == DAY + timedelta(days=1)
    assert page.model.slot_minute(page.grid.cursor_cell()[1]) == 15 * 60 + 30  # the same time
    assert _visible(page)
    for _ in range(8):
        qtbot.keyClick(page.grid, Qt.Key.Key_Right)
        assert _visible(page)  # a slot to spare, never a sliver at the edge
    for _ in range(14):
        qtbot.keyClick(page.grid, Qt.Key.Key_Left)
        assert _visible(page)


def test_a_booking_saved_is_shown_with_the_cursor_on_it(
        qtbot: Any, ctx: AppContext, admin: Actor, spaces: None) -> None:
    page = make_page(qtbot, ctx)
    page.resize(700, 500)
    later = DAY + timedelta(days=2)
    booked = ctx.core.bookings.book(
        admin, booking_form("aula", at("19:00", later), at("21:00", later)))
    page._on_saved(booked)  # as the dialog's booking_saved calls it
    qtbot.waitUntil(lambda: page.model.day() == later)
    row = page.model.row_of_space("aula")
    assert page.grid.cursor_cell() == (row, page.model.column_of(19 * 60))
    assert _visible(page)


def test_the_list_view_shows_the_day_with_what_is_owed_and_opens_a_booking(
        qtbot: Any, ctx: AppContext, admin: Actor, spaces: None, dialogs: DialogLog) -> None:
    booked = ctx.core.bookings.book(admin, booking_form("rapat_kecil", at("09:00"), at("10:00")))
    page = make_page(qtbot, ctx)
    page.list_mode_button.click()
    assert page.is_list_view() and page.stack.currentWidget() is page.booking_list
    assert not page.book_button.isEnabled()  # booking is done from the grids
    assert page.book_hint.text() == "Pilih Hari atau Minggu untuk memesan"
    assert page.book_button.toolTip() == page.book_hint.text()
    assert [b.id for b in page.booking_list.bookings()] == [booked.id]
    assert "Belum dibayar" in page.booking_list.owed_label.text()
    page.step_day(1)  # the list follows the day
    qtbot.waitUntil(lambda: page.booking_list.bookings() == [])
    page.step_day(-1)
    qtbot.waitUntil(lambda: len(page.booking_list.bookings()) == 1)
    page.booking_list.table.setCurrentIndex(page.booking_list.model.index(0, 0))
    qtbot.keyClick(page.booking_list.table, Qt.Key.Key_Return)
    assert dialogs.opened[-1]["booking"].id == booked.id
    page.show_day()
    assert page.stack.currentWidget() is page.grid


def test_the_page_never_widens_a_1024_window(qtbot: Any, ctx: AppContext, spaces: None) -> None:
    # The grey hint beside "Pesan ruang…" and the legend once made the main
    # window 1047 px wide at 1024x768: the hint is elided, the legend wraps.
    page = make_page(qtbot, ctx)
    page.book_hint.setText("Pilih sel kosong di grid (mouse atau panah + Shift) " * 3)
    sidebar = 190
    assert page.minimumSizeHint().width() <= 1024 - sidebar
    page.resize(600, 500)
    page.show()
    qtbot.waitExposed(page)
    assert page.legend.height() > page.legend.layout().itemAt(0).sizeHint().height() * 1.5
    assert page.book_hint.toolTip().startswith("Pilih sel kosong")
