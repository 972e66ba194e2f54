"""The bookings of a day as a list, with what is still owed (ui/pages/bookings/booking_list.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from smesco_desk.clock import WIB
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_bookings import booking_form, space_form
from ui.context import AppContext
from ui.models.bookings_model import DayBookingsModel
from ui.pages.bookings.booking_list import AMOUNT_COLUMNS, TEXT_FLOOR, BookingList
from ui.pages.payments.common import rupiah

DAY = date(2030, 6, 3)  # a Monday, in the future


def at(hhmm: str, day: date = DAY) -> datetime:
    hour, minute = map(int, hhmm.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB)


@pytest.fixture
def rooms(core: Core, admin: Actor) -> None:
    core.bookings.save_space(admin, space_form())
    core.bookings.save_space(admin, space_form(code="rapat_besar", name="Ruang Rapat Besar"))


def make_list(qtbot: Any, ctx: AppContext) -> tuple[DayBookingsModel, BookingList]:
    model = DayBookingsModel(ctx, DAY)
    view = BookingList(model)
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    return model, view


def test_the_list_shows_the_days_bookings_and_what_is_owed(
    qtbot: Any, qtmodeltester: Any, ctx: AppContext, admin: Actor, rooms: None
) -> None:
    bookings = ctx.core.bookings
    late = bookings.book(admin, booking_form("rapat_besar", at("14:00"), at("15:00"), "Sore"))
    early = bookings.book(admin, booking_form("rapat_kecil", at("09:00"), at("10:00"), "Pagi"))
    gone = bookings.book(admin, booking_form("rapat_kecil", at("11:00"), at("12:00"), "Batal"))
    bookings.cancel(admin, gone.id, "batal")
    ctx.core.payments.open_shift(admin, 0)
    ctx.core.payments.pay(admin, early.charge_id or "", PaymentForm("qris", None, "QR-9"))
    _model, view = make_list(qtbot, ctx)
    qtbot.waitUntil(lambda: len(view.bookings()) == 3)
    qtmodeltester.check(view.model)
    rows = view.bookings()
    assert [b.id for b in rows] == [early.id, late.id, gone.id]  # cancelled last
    cells = [view.model.index(0, c).data() for c in range(view.model.columnCount())]
    assert cells[:3] == ["09:00-10:00", "Ruang Rapat Kecil", "Pagi"]
    assert cells[6:] == [rupiah(early.total), rupiah(early.total), "—"]  # paid: nothing owed
    assert view.model.index(1, 8).data() == rupiah(late.total)
    assert view.model.index(1, 8).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert view.owed_label.text() == f"Belum dibayar: {rupiah(late.total)} dari 1 pemesanan."
    ctx.core.payments.pay(admin, late.charge_id or "", PaymentForm("qris", None, "QR-10"))
    ctx.runner.data_changed.emit(frozenset({"charges", "payments"}))  # as the runner says
    qtbot.waitUntil(lambda: view.owed_label.text().startswith("Tidak ada"))


def test_enter_or_a_double_click_opens_the_booking(
    qtbot: Any, ctx: AppContext, admin: Actor, rooms: None
) -> None:
    booked = ctx.core.bookings.book(admin, booking_form("rapat_kecil", at("09:00"), at("10:00")))
    _model, view = make_list(qtbot, ctx)
    qtbot.waitUntil(lambda: len(view.bookings()) == 1)
    view.table.setCurrentIndex(view.model.index(0, 2))
    with qtbot.waitSignal(view.booking_activated) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args[0].id == booked.id
    with qtbot.waitSignal(view.booking_activated) as clicked:
        view.table.doubleClicked.emit(view.model.index(0, 0))
    assert clicked.args[0].id == booked.id


def test_the_long_texts_take_the_room_and_show_in_full_as_tooltips(
    qtbot: Any, ctx: AppContext, admin: Actor, rooms: None
) -> None:
    """Space, title and booker before the money: the amounts are as wide as
    their contents, the texts share the rest by their length (at least
    TEXT_FLOOR each); a cut text shows in full in its tooltip."""
    long_title = "Pelatihan ekspor produk kerajinan untuk UMKM binaan tahun ini"
    ctx.core.bookings.book(admin, booking_form("rapat_kecil", at("09:00"), at("10:00"),
                                               long_title))
    _model, view = make_list(qtbot, ctx)
    view.resize(800, 300)
    qtbot.wait(20)
    view.fit_texts()
    header = view.table.horizontalHeader()
    for column in AMOUNT_COLUMNS:
        assert header.sectionSize(column) <= view.table.sizeHintForColumn(column) + 24
    title = header.sectionSize(2)
    assert title >= TEXT_FLOOR and title > header.sectionSize(1)  # the longest text gets most
    assert view.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == long_title
    assert view.model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole) is None
