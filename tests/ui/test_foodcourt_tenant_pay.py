"""The tenants tab's "Bayar…" for a tenant with several open charges: one
dialog lists them ticked, oldest due first; an amount typed in ticks the
oldest it pays in full; the payment prints one kuitansi for them all."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import PaymentMethod
from smesco_desk.services.actors import Actor
from tests.ui.helpers_foodcourt_ui import FoodCourt, small_food_court
from tests.ui.helpers_ui import FakePrinter, activate, show_active
from ui.context import AppContext
from ui.pages.foodcourt.page import FoodCourtPage
from ui.pages.payments.charge_pay_dialog import ChargePayDialog


@pytest.fixture
def court(ctx: AppContext, admin: Actor) -> FoodCourt:
    court = small_food_court(ctx.core, admin)
    ctx.actor = court.manager
    ctx.core.foodcourt.post_rent(court.manager)  # FC2-04: its deposit and its first rent
    ctx.core.payments.open_shift(court.manager, 0)
    return court


def open_pay(qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter) -> Any:
    page = show_active(qtbot, FoodCourtPage(ctx, None, printer), 1000, 700)
    tab = page.tenants_tab
    page.show_tab(tab)
    tenant = court.tenants["FC2-04"]
    qtbot.waitUntil(lambda: tab.table.select_where(lambda t: t.id == tenant.id))
    qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.payment.dialog is not None)
    pay = tab.payment.dialog
    assert isinstance(pay, ChargePayDialog)
    activate(qtbot, pay)
    qtbot.waitUntil(lambda: pay.charge is not None)
    return tab, pay


def test_a_partial_amount_pays_the_oldest_charge_with_one_kuitansi(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    tenant = court.tenants["FC2-04"]
    owed = ctx.core.foodcourt.owed_charges(tenant.id)
    assert len(owed) >= 2 and "Deposit" in owed[0].description
    tab, pay = open_pay(qtbot, ctx, court, printer)
    assert pay.choice is not None
    assert pay.choice.chosen_ids() == [c.id for c in owed]  # all, oldest due first
    assert pay.total_label.text() == format_rupiah(sum(c.total for c in owed))
    qtbot.keyClicks(pay.choice.amount_edit, str(owed[0].total + 1))
    assert pay.choice.chosen_ids() == [owed[0].id]  # what the amount pays in full
    qtbot.keyClicks(pay.tendered_edit, str(owed[0].total))
    with qtbot.waitSignal(pay.paid):
        qtbot.mouseClick(pay.pay_button, Qt.MouseButton.LeftButton)  # the amount is refused
        qtbot.waitUntil(lambda: pay.errors["amount"].text() != "")
        assert "Rp" in pay.errors["amount"].text()
        pay.choice.amount_edit.clear()
        qtbot.keyClicks(pay.choice.amount_edit, str(owed[0].total))
        qtbot.mouseClick(pay.pay_button, Qt.MouseButton.LeftButton)
    assert pay.receipt is not None and pay.receipt.total == owed[0].total
    assert [c.id for c in ctx.core.foodcourt.owed_charges(tenant.id)] == [c.id for c in owed[1:]]
    qtbot.waitUntil(lambda: [k for k, _t in printer.jobs] == ["receipt"])


def test_pay_all_of_a_tenants_charges_with_one_kuitansi(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    tenant = court.tenants["FC2-04"]
    owed = ctx.core.foodcourt.owed_charges(tenant.id)
    _tab, pay = open_pay(qtbot, ctx, court, printer)
    pay.payment.method_buttons[PaymentMethod.TRANSFER].setChecked(True)
    qtbot.keyClicks(pay.reference_edit, "TRF-778812")
    with qtbot.waitSignal(pay.paid):
        qtbot.keyClick(pay.reference_edit, Qt.Key.Key_Return)
    assert pay.receipt is not None
    assert [line.amount for line in pay.receipt.lines] == [c.total for c in owed]
    assert ctx.core.foodcourt.owed_charges(tenant.id) == []
    assert ctx.core.foodcourt.tenant(tenant.id).balance == 0
    qtbot.waitUntil(lambda: [k for k, _t in printer.jobs] == ["receipt"])
