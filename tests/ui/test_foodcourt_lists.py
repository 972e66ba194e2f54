"""The food court's lists and lease actions: ending a lease early from a stall's
card (a bad last day refused at its field), cancelling a booking from the
leases tab, the stall table sorted and filtered (a double-click opens the
card), the tenants searched and opened for a change."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from smesco_desk.services.actors import Actor
from smesco_desk.values.foodcourt import LeaseForm
from tests.core.helpers_foodcourt import tenant_form
from tests.ui.helpers_foodcourt_ui import FoodCourt, small_food_court
from tests.ui.helpers_ui import FakePrinter, activate, app_style, show_active
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.foodcourt.common import to_qdate
from ui.pages.foodcourt.leases_tab import ALL
from ui.pages.foodcourt.page import FoodCourtPage
from ui.pages.foodcourt.tables import squeezed
from ui.pages.foodcourt.tenant_dialog import TenantDialog


@pytest.fixture
def court(ctx: AppContext, admin: Actor) -> FoodCourt:
    court = small_food_court(ctx.core, admin)
    ctx.actor = court.manager
    return court


@pytest.fixture
def page(qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter) -> FoodCourtPage:
    return show_active(qtbot, FoodCourtPage(ctx, None, printer), 1000, 700)


def test_a_lease_ends_early_from_the_stall_card(
    qtbot: Any, ctx: AppContext, court: FoodCourt, page: FoodCourtPage
) -> None:
    page.show_tab(page.plan_tab)
    qtbot.waitUntil(lambda: bool(page.plan_tab.by_floor[2]))
    status = next(s for s in page.plan_tab.by_floor[2] if s.stall.code == "FC2-04")
    card = page.open_stall(status)
    qtbot.mouseClick(card.end_button, Qt.MouseButton.LeftButton)
    dialog = card.change_dialog
    assert dialog is not None
    activate(qtbot, dialog)
    lease = court.leases["FC2-04"]
    dialog.last_day_edit.setDate(to_qdate(lease.ends_on + timedelta(days=3)))  # past its end
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["ends_on"].text()
    assert ctx.core.foodcourt.get_lease(lease.id).status == "active"
    last = court.today + timedelta(days=5)
    dialog.last_day_edit.setDate(to_qdate(last))
    qtbot.keyClicks(dialog.reason_edit, "Usaha pindah ke Bekasi")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = ctx.core.foodcourt.get_lease(lease.id)
    assert (stored.status, stored.ends_on, stored.cancel_reason) == (
        "ended", last, "Usaha pindah ke Bekasi")
    qtbot.waitUntil(lambda: card.value_of("Sewa sampai") == f"{last:%d-%m-%Y}")
    assert "Warung Vegan Hijau" in card.banner.text() and "diakhiri" in card.banner.text()


def test_a_booking_is_cancelled_from_the_leases_tab(
    qtbot: Any, ctx: AppContext, court: FoodCourt, page: FoodCourtPage
) -> None:
    tab = page.leases_tab
    page.show_tab(tab)
    qtbot.waitUntil(lambda: len(tab.table.shown_values()) == 3)
    assert tab.table.select_where(lambda r: r.stall_code == "FC2-03")
    assert tab.cancel_button.isEnabled()
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    dialog = tab.change_dialog
    assert dialog is not None and dialog.last_day_edit.isHidden()
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.reason_edit, "Batal ikut")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ctx.core.foodcourt.get_lease(court.leases["FC2-03"].id).status == "cancelled"
    qtbot.waitUntil(lambda: len(tab.table.shown_values()) == 2)  # the live ones
    assert "FC2-03" in tab.banner.text()
    tab.show_only(ALL)
    assert len(tab.table.shown_values()) == 3


def test_the_stall_table_sorts_by_state_filters_and_opens_the_card(
    qtbot: Any, court: FoodCourt, page: FoodCourtPage
) -> None:
    tab = page.stall_tab
    page.show_tab(tab)
    qtbot.waitUntil(lambda: len(tab.table.shown_values()) == 6)
    tab.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # Keadaan
    codes = [s.stall.code for s in tab.table.shown_values()]
    assert codes[:2] == ["FC2-02", "FC2-06"] or codes[:2] == ["FC2-06", "FC2-02"]
    assert codes[2:] == ["FC2-03", "FC2-01", "FC2-04", "FC2-05"]
    tab.set_state_filter("arrears")
    assert [s.stall.code for s in tab.table.shown_values()] == ["FC2-04"]
    assert tab.count_label.text() == "1 stan"
    tab.set_state_filter("")
    qtbot.keyClicks(tab.search_edit, "bakso")
    assert [s.stall.code for s in tab.table.shown_values()] == ["FC2-03"]
    index = tab.table.proxy.index(0, 0)
    rect = tab.table.visualRect(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.card is not None and page.card.value_of("Tenan") == "Bakso Malang Cak Man"
    assert page.card.value_of("Keadaan") == "Dipesan"


def test_the_tenants_are_searched_and_opened_for_a_change(
    qtbot: Any, ctx: AppContext, court: FoodCourt, page: FoodCourtPage
) -> None:
    tab = page.tenants_tab
    page.show_tab(tab)
    qtbot.waitUntil(lambda: len(tab.table.shown_values()) == 3)
    qtbot.keyClicks(tab.search_edit, "vegan")
    assert [t.name for t in tab.table.shown_values()] == ["Warung Vegan Hijau"]
    tab.table.selectRow(0)
    assert tab.pay_button.isEnabled()  # its deposit is owed
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, TenantDialog)
    assert dialog.edits["name"].text() == "Warung Vegan Hijau"
    dialog.edits["products"].setText("Nasi campur vegan, tempe mendoan")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    changed = ctx.core.foodcourt.tenant(court.tenants["FC2-04"].id)
    assert changed.products == "Nasi campur vegan, tempe mendoan"
    assert "Warung Vegan Hijau" in tab.banner.text()


def test_the_lists_fit_a_1024_window_without_scrolling_sideways(
    qtbot: Any, qapp: Any, ctx: AppContext, court: FoodCourt
) -> None:
    long = "Dapur Nusantara Ibu Ratna Sari Dewi dan Keluarga Besar Sejahtera"
    form = tenant_form(name=long, owner="Ratna Sari Dewi Kusumawardhani Putri", nib="",
                       npwp="", products="Nasi campur Bali, ayam betutu, sate lilit, "
                       "lawar, es daluman, jajanan pasar, kopi Kintamani")  # fmt: skip
    tenant = ctx.core.foodcourt.save_tenant(court.manager, form)
    start = court.today + timedelta(days=40)
    ctx.core.foodcourt.lease(court.manager, LeaseForm(tenant.id, "FC2-06", start, start))
    with app_style(qapp):
        window = show_active(qtbot, MainWindow(ctx), 1024, 768)
        page = window.pages["foodcourt"]
        assert isinstance(page, FoodCourtPage)
        window.resize(1024, 768)  # (offscreen's screen is 800 px: shown, it was shrunk)
        for tab in (page.stall_tab, page.tenants_tab, page.leases_tab):
            page.show_tab(tab)
            table = tab.table
            qtbot.waitUntil(lambda t=table: any(long in str(v) for v in t.shown_values()))
            qtbot.wait(20)
            widths = sum(table.columnWidth(c) for c in range(table.model().columnCount()))
            assert widths <= table.viewport().width(), tab.objectName()
            assert not table.horizontalScrollBar().isVisible(), tab.objectName()
            cut = [table.cut_text(table.model().index(r, c))
                   for r in range(table.model().rowCount())
                   for c in range(table.model().columnCount())]  # fmt: skip
            assert any(long in text for text in cut), tab.objectName()  # whole in the tooltip


def test_squeezing_cuts_the_widest_text_columns_only() -> None:
    assert squeezed([100, 400, 300, 90], [1, 2], 890) == [100, 400, 300, 90]  # fits
    assert squeezed([100, 400, 300, 90], [1, 2], 700) == [100, 255, 255, 90]
    assert squeezed([100, 400, 300, 90], [1, 2], 100) == [100, 64, 64, 90]  # the floor


def test_the_leases_tabs_buttons_are_whole_in_a_1024_window(
    qtbot: Any, qapp: Any, ctx: AppContext, court: FoodCourt
) -> None:
    with app_style(qapp):
        window = show_active(qtbot, MainWindow(ctx), 1024, 768)
        page = window.pages["foodcourt"]
        assert isinstance(page, FoodCourtPage)
        window.resize(1024, 768)  # (offscreen's screen is 800 px: shown, it was shrunk)
        tab = page.leases_tab
        page.show_tab(tab)
        buttons = (tab.agreement_button, tab.renew_button, tab.deposit_button,
                   tab.pay_button, tab.end_button, tab.cancel_button)  # fmt: skip
        qtbot.waitUntil(lambda: window.width() == 1024 and all(b.isVisible() for b in buttons))
        qtbot.wait(20)
        for button in buttons:
            assert button.width() >= button.sizeHint().width(), button.text()
            assert tab.rect().contains(button.geometry()), button.text()  # inside the tab
        tops = {b.geometry().top() for b in buttons}
        bottom = max(b.geometry().bottom() for b in buttons)
        assert tab.table.geometry().bottom() < min(tops) and bottom <= tab.height()
