"""Leasing from the food court page: the tenant manager leases a vacant stall
from its card to a new tenant, pays the deposit (kuitansi printed) and sees the
stall turn occupied on the plan; a stall taken on those days is refused at the
stall and the dates, naming the lease in the way; a receptionist sees the plan
and takes a payment but changes no lease; the tenant form shows its refusals at
the fields; the tenant manager lands on the food court's home."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from smesco_desk.domain.money import format_rupiah
from smesco_desk.printing.foodcourt_plan import STATE_FILL
from smesco_desk.services.actors import Actor, Role
from tests.ui.helpers_foodcourt_ui import FoodCourt, small_food_court
from tests.ui.helpers_ui import FakePrinter, activate, app_style, make_actor, show_active
from ui.app import load_style_sheet
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.foodcourt.common import to_qdate
from ui.pages.foodcourt.lease_dialog import LeaseDialog
from ui.pages.foodcourt.page import FoodCourtPage
from ui.pages.foodcourt.tenant_dialog import TenantDialog
from ui.pages.payments.charge_pay_dialog import ChargePayDialog


@pytest.fixture
def court(ctx: AppContext, admin: Actor) -> FoodCourt:
    court = small_food_court(ctx.core, admin)
    ctx.actor = court.manager
    return court


def page_on_plan(qtbot: Any, ctx: AppContext, printer: FakePrinter) -> FoodCourtPage:
    page = show_active(qtbot, FoodCourtPage(ctx, None, printer), 1000, 700)
    page.show_tab(page.plan_tab)
    qtbot.waitUntil(lambda: bool(page.plan_tab.by_floor[2]))
    page.plan_tab.show_floor(2)
    return page


def state_on_plan(page: FoodCourtPage, code: str) -> str:
    return next(s.state for s in page.plan_tab.plan.stalls() if s.stall.code == code)


def fill_new_tenant(qtbot: Any, dialog: TenantDialog, **values: str) -> None:
    for name, text in values.items():
        dialog.edits[name].clear()
        qtbot.keyClicks(dialog.edits[name], text)


def test_the_tenant_manager_leases_a_vacant_stall_to_a_new_tenant_and_takes_the_deposit(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = page_on_plan(qtbot, ctx, printer)
    assert state_on_plan(page, "FC2-02") == "vacant"
    plan = page.plan_tab.plan
    qtbot.mouseClick(plan, Qt.MouseButton.LeftButton, pos=plan.stall_rect("FC2-02").center())
    card = page.card
    assert card is not None and card.lease_button.isVisibleTo(card)
    qtbot.mouseClick(card.lease_button, Qt.MouseButton.LeftButton)
    dialog = page.lease_dialog
    assert isinstance(dialog, LeaseDialog)
    activate(qtbot, dialog)
    assert dialog.stall_combo.currentData() == "FC2-02"
    assert dialog.money_label.text() == "Rp3.000.000 per bulan · deposit Rp6.000.000"
    # A new tenant, made on the spot.
    qtbot.mouseClick(dialog.new_tenant_button, Qt.MouseButton.LeftButton)
    tenant_dialog = dialog.tenant_dialog
    assert tenant_dialog is not None
    fill_new_tenant(qtbot, tenant_dialog, name="Kopi Gayo Lestari", owner="Teuku Iskandar",
                    phone="0812 7777 8888", npwp="01.234.567.8-901.000")  # fmt: skip
    qtbot.mouseClick(tenant_dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.tenant_id() != "")
    assert dialog.tenant_combo.currentText().startswith("Kopi Gayo Lestari")
    made = next(t for t in ctx.core.foodcourt.tenants() if t.name == "Kopi Gayo Lestari")
    assert made.npwp == "0012345678901000"  # the old 15 digits, prefixed 0
    dialog.start_edit.setDate(to_qdate(court.today))
    assert dialog.end_edit.date() == to_qdate(court.today.replace(year=court.today.year + 1)
                                              - timedelta(days=1))  # fmt: skip
    with qtbot.waitSignal(dialog.leased) as leased:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    lease = leased.args[0]
    assert (lease.stall_code, lease.tenant, lease.deposit) == ("FC2-02", "Kopi Gayo Lestari",
                                                                6_000_000)  # fmt: skip
    qtbot.waitUntil(lambda: len(dialog.owed) == 2)
    assert "Belum dibayar: deposit Rp6.000.000; sewa Rp3.000.000" in dialog.banner.text()
    # The stall is occupied on the plan.
    qtbot.waitUntil(lambda: state_on_plan(page, "FC2-02") == "occupied")
    assert plan.fill_of("FC2-02").name() == STATE_FILL["occupied"].lower()
    # "Bayar deposit & sewa…": the payments area's dialog with both ticked,
    # paid with one kuitansi, printed; then "Selesai" takes Enter.
    ctx.core.payments.open_shift(court.manager, 100_000)
    assert dialog.banner.action_button.isVisible()
    assert dialog.banner.action_button.text() == "Bayar &deposit && sewa…"
    assert dialog.banner.action_button.isDefault()
    qtbot.mouseClick(dialog.banner.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.payment.dialog is not None)
    pay = dialog.payment.dialog
    assert isinstance(pay, ChargePayDialog)
    activate(qtbot, pay)
    qtbot.waitUntil(lambda: pay.charge is not None)
    assert pay.choice is not None
    assert sorted(pay.choice.chosen_ids()) == sorted(c.id for c in dialog.owed)
    assert pay.total_label.text() == format_rupiah(9_000_000)
    qtbot.keyClicks(pay.tendered_edit, "9000000")
    with qtbot.waitSignal(pay.paid) as paid:
        qtbot.keyClick(pay.tendered_edit, Qt.Key.Key_Return)
    receipt = paid.args[0]
    assert receipt.total == 9_000_000
    qtbot.waitUntil(lambda: ("receipt", receipt.number) in printer.jobs)
    qtbot.waitUntil(lambda: f"kuitansi {receipt.number}" in dialog.banner.text())
    assert ctx.core.foodcourt.get_lease(lease.id).owed == 0  # the deposit and the rent
    qtbot.waitUntil(lambda: not dialog.owed and dialog.save_button.isDefault())
    assert not dialog.banner.action_button.isVisible()


def test_a_stall_taken_on_those_days_is_refused_at_the_stall_and_the_dates(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    booked = court.leases["FC2-03"]
    dialog = show_active(qtbot, LeaseDialog(ctx, None, stall="FC2-03",
                                            tenant_id=court.tenants["FC2-01"].id))  # fmt: skip
    dialog.start_edit.setDate(to_qdate(court.today))
    dialog.end_edit.setDate(to_qdate(court.today + timedelta(days=30)))
    before = len(ctx.core.foodcourt.leases())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.lease is None
    at_dates = dialog.errors["starts_on"].text()
    assert "Bakso Malang Cak Man" in at_dates and booked.id in at_dates
    assert f"{booked.starts_on:%d-%m-%Y}" in at_dates
    assert "Bakso Malang Cak Man" in dialog.errors["stall"].text()
    assert len(ctx.core.foodcourt.leases()) == before
    # Moving the dates clears the messages; days before the booking are free.
    dialog.end_edit.setDate(to_qdate(booked.starts_on - timedelta(days=1)))
    assert not dialog.errors["starts_on"].text() and not dialog.errors["stall"].text()
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("day"))
    with qtbot.waitSignal(dialog.leased):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.lease is not None and dialog.lease.deposit == 0  # by the day: none


def test_without_a_tenant_the_dialog_asks_for_one_at_the_field(
    qtbot: Any, ctx: AppContext, court: FoodCourt
) -> None:
    dialog = show_active(qtbot, LeaseDialog(ctx, None, stall="FC2-02"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["tenant_id"].text()
    assert dialog.lease is None


def test_a_receptionist_sees_the_plan_and_takes_a_payment_but_leases_nothing(
    qtbot: Any, ctx: AppContext, admin: Actor, court: FoodCourt, printer: FakePrinter
) -> None:
    ctx.actor = make_actor(ctx.core, admin, Role.RECEPTIONIST, "sari")
    page = page_on_plan(qtbot, ctx, printer)
    plan = page.plan_tab.plan
    plan.set_current("FC2-02")
    plan.setFocus()
    qtbot.keyClick(plan, Qt.Key.Key_Return)
    card = page.card
    assert card is not None
    assert not card.lease_button.isVisibleTo(card)
    card.close()
    page.open_stall(next(s for s in plan.stalls() if s.stall.code == "FC2-04"))
    card = page.card
    assert card is not None
    assert card.pay_button.isVisibleTo(card)  # she takes the rent at the desk
    assert not card.end_button.isVisibleTo(card) and not card.cancel_button.isVisibleTo(card)
    leases = page.leases_tab
    assert not leases.new_button.isVisibleTo(leases)
    assert not leases.end_button.isVisibleTo(leases)
    assert leases.pay_button.isVisibleTo(leases)
    tenants = page.tenants_tab
    assert not tenants.new_button.isVisibleTo(tenants)
    assert not tenants.edit_button.isVisibleTo(tenants)


def test_the_tenant_form_shows_refusals_at_their_fields(
    qtbot: Any, ctx: AppContext, court: FoodCourt
) -> None:
    dialog = show_active(qtbot, TenantDialog(ctx, None))
    fill_new_tenant(qtbot, dialog, name="Seblak Teh Nenden", owner="Nenden Sari",
                    phone="0812", nib="12345", npwp="12.345")  # fmt: skip
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_tenant is None
    for field in ("phone", "nib", "npwp"):
        assert dialog.errors[field].text(), field
    assert not dialog.errors["name"].text()
    fill_new_tenant(qtbot, dialog, phone="081234567890", nib="1234567890123",
                    npwp="1234567890123456", nik="3171014508900001")  # fmt: skip
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_tenant is not None
    assert dialog.result_tenant.owner_nik_masked == "************0001"
    # Changed later: the NIK is not shown again, only its mask.
    again = show_active(qtbot, TenantDialog(ctx, None, dialog.result_tenant))
    assert again.edits["nik"].text() == ""
    assert again.edits["nik"].placeholderText() == "************0001"


def test_the_home_page_counts_the_vacant_stalls_and_leads_to_them(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    page = show_active(qtbot, FoodCourtPage(ctx, None, printer), 1000, 700)
    home = page.home_tab
    qtbot.waitUntil(lambda: home.section("Stan kosong") is not None)
    vacant = home.section("Stan kosong")
    assert vacant is not None and vacant.count_label.text() == "2"
    assert vacant.rows == ["FC2-02 · lantai 2 · 6.25 m²", "FC2-06 · lantai 2 · 6.25 m²"]
    ending = home.section("Sewa berakhir dalam 30 hari")
    assert ending is not None and ending.count_label.text() == "0"
    qtbot.mouseClick(vacant.open_button, Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.plan_tab
    assert page.plan_tab.state_combo.currentData() == "vacant"


def test_the_tenant_manager_lands_on_the_food_court_and_the_window_fits_1024(
    qtbot: Any, qapp: Any, ctx: AppContext, court: FoodCourt
) -> None:
    old = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        assert window.pages.name_at(window.nav_list.currentRow()) == "foodcourt"
        page = window.pages["foodcourt"]
        assert isinstance(page, FoodCourtPage)
        assert page.tabs.currentWidget() is page.home_tab
        for index in range(page.tabs.count()):
            page.tabs.setCurrentIndex(index)
            assert window.minimumSizeHint().width() <= 1024, page.tabs.tabText(index)
    finally:
        qapp.setStyleSheet(old)


def test_others_land_on_the_first_page(qtbot: Any, ctx: AppContext, admin: Actor) -> None:
    ctx.actor = admin
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.nav_list.currentRow() == 0


def test_the_card_shows_balance_after_paying_at_the_desk(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    ctx.core.payments.open_shift(court.manager, 0)
    page = page_on_plan(qtbot, ctx, printer)
    status = next(s for s in page.plan_tab.plan.stalls() if s.stall.code == "FC2-04")
    card = page.open_stall(status)
    qtbot.mouseClick(card.pay_button, Qt.MouseButton.LeftButton)
    pay = card.payment.dialog
    assert isinstance(pay, ChargePayDialog)
    activate(qtbot, pay)
    qtbot.waitUntil(lambda: pay.charge is not None)
    qtbot.keyClicks(pay.tendered_edit, "6000000")
    with qtbot.waitSignal(pay.paid):
        qtbot.keyClick(pay.tendered_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: card.value_of("Tagihan terbuka") == format_rupiah(0))
    assert card.value_of("Keadaan") == "Terisi"  # no longer in arrears
    assert not card.pay_button.isVisibleTo(card)


def test_the_turnover_rent_field_shows_its_placeholder_whole(
    qtbot: Any, qapp: Any, ctx: AppContext, court: FoodCourt
) -> None:
    with app_style(qapp):
        dialog = show_active(qtbot, LeaseDialog(ctx, None, stall="FC2-02"))
        edit = dialog.turnover_edit
        text = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        margins = edit.textMargins()
        assert edit.width() - margins.left() - margins.right() - 2 * 8 - 2 > text


def test_the_dialog_starts_at_the_tenant_and_enter_takes_the_first_match(
    qtbot: Any, ctx: AppContext, court: FoodCourt
) -> None:
    dialog = show_active(qtbot, LeaseDialog(ctx, None, stall="FC2-02"))
    qtbot.waitUntil(lambda: dialog.tenant_combo.count() == 3)
    line = dialog.tenant_combo.lineEdit()
    assert line is not None
    qtbot.waitUntil(line.hasFocus)  # the first empty field, not "Sewakan"
    qtbot.keyClicks(line, "bakso")
    completer = dialog.tenant_combo.completer()
    assert completer is not None
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)  # the suggestions showing, none picked
    assert not popup.currentIndex().isValid()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not popup.isVisible() and dialog.stall_combo.hasFocus()
    assert dialog.tenant_id() == court.tenants["FC2-03"].id
    assert dialog.lease is None and not dialog.errors["tenant_id"].text()  # chosen, not saved
    assert line.cursorPosition() == 0  # the start of the name in view
    # Several match ("a" is in all): the first, as the completer lists them.
    dialog.tenant_combo.setEditText("")
    line.setFocus()
    qtbot.keyClicks(line, "a")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.tenant_combo.currentText().startswith("Bakso Malang Cak Man")


def test_a_new_tenants_long_name_shows_from_its_start(
    qtbot: Any, ctx: AppContext, court: FoodCourt
) -> None:
    dialog = show_active(qtbot, LeaseDialog(ctx, None, stall="FC2-02"))
    qtbot.waitUntil(lambda: dialog.tenant_combo.count() == 3)
    qtbot.mouseClick(dialog.new_tenant_button, Qt.MouseButton.LeftButton)
    tenant_dialog = dialog.tenant_dialog
    assert tenant_dialog is not None
    fill_new_tenant(qtbot, tenant_dialog, name="Es Teler Bu Rahma Asli Medan Sejak 1985",
                    owner="Rahmawati Siregar Binti Abdullah", phone="0812 5555 6666")  # fmt: skip
    qtbot.mouseClick(tenant_dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.tenant_id() != "")
    line = dialog.tenant_combo.lineEdit()
    assert line is not None
    qtbot.waitUntil(lambda: line.cursorPosition() == 0)
    assert line.cursorRect().left() < line.fontMetrics().averageCharWidth() * 2


def test_the_new_tenant_dialog_starts_at_the_name(
    qtbot: Any, ctx: AppContext, court: FoodCourt
) -> None:
    dialog = show_active(qtbot, LeaseDialog(ctx, None, stall="FC2-02"))
    qtbot.waitUntil(lambda: dialog.tenant_combo.count() == 3)
    qtbot.mouseClick(dialog.new_tenant_button, Qt.MouseButton.LeftButton)
    tenant_dialog = dialog.tenant_dialog
    assert tenant_dialog is not None
    activate(qtbot, tenant_dialog)
    qtbot.waitUntil(lambda: tenant_dialog.focusWidget() is tenant_dialog.edits["name"])
    qtbot.keyClicks(tenant_dialog.focusWidget(), "Es Teler Bu Rahma")
    assert tenant_dialog.edits["name"].text() == "Es Teler Bu Rahma"
    assert not tenant_dialog.errors["owner"].text()  # nothing pressed "Simpan"
