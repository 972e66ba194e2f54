"""What is done with a lease from the food court page, on real services: the
lease dialog's turnover rent (refused at the field when mistyped) and the
deposit then the first rent paid one after the other, each with its kuitansi;
the lease agreement in the preview; renewing (a stall taken on those days
refused at the last day); ending with the notice fee shown, waived only by a
supervisor; the deposit returned less deductions (a refused row shown at the
row, the amount returned live)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from smesco_desk.domain.money import format_rupiah
from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.foodcourt import LeaseForm
from smesco_desk.values.payments import PaymentForm
from tests.ui.helpers_foodcourt_ui import FoodCourt, small_food_court
from tests.ui.helpers_ui import FakePrinter, activate, make_actor, show_active
from ui.context import AppContext
from ui.pages.foodcourt.common import to_qdate
from ui.pages.foodcourt.lease_actions import LeaseChangeDialog
from ui.pages.foodcourt.lease_dialog import LeaseDialog
from ui.pages.foodcourt.lease_more import DepositReturnDialog, RenewDialog
from ui.pages.foodcourt.leases_tab import ALL
from ui.pages.foodcourt.page import FoodCourtPage
from ui.pages.foodcourt.stall_card import StallCard
from ui.pages.payments.charge_pay_dialog import ChargePayDialog

RENT, DEPOSIT = 3_000_000, 6_000_000


@pytest.fixture
def court(ctx: AppContext, admin: Actor) -> FoodCourt:
    court = small_food_court(ctx.core, admin)
    ctx.actor = court.manager
    return court


def card_of(qtbot: Any, ctx: AppContext, code: str, printer: FakePrinter) -> StallCard:
    status = next(s for s in ctx.core.foodcourt.stall_states() if s.stall.code == code)
    return show_active(qtbot, StallCard(ctx, None, status, printer))


def pay_open(qtbot: Any, pay: ChargePayDialog | None, owed: int, amount: int = 0) -> str:
    """Pay `amount` (all that is `owed`, ticked, with 0) in cash: the kuitansi's number."""
    assert isinstance(pay, ChargePayDialog)
    activate(qtbot, pay)
    qtbot.waitUntil(lambda: pay.charge is not None)
    assert pay.total_label.text() == format_rupiah(owed)  # all of it ticked
    if amount:
        assert pay.choice is not None
        qtbot.keyClicks(pay.choice.amount_edit, str(amount))
    amount = amount or owed
    qtbot.keyClicks(pay.tendered_edit, str(amount))
    with qtbot.waitSignal(pay.paid) as paid:
        qtbot.keyClick(pay.tendered_edit, Qt.Key.Key_Return)
    return str(paid.args[0].number)


def test_the_lease_dialog_takes_a_turnover_rent_and_collects_deposit_then_rent(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    dialog = show_active(qtbot, LeaseDialog(ctx, None, stall="FC2-02",
                                            tenant_id=court.tenants["FC2-03"].id,
                                            printer=printer))  # fmt: skip
    qtbot.waitUntil(lambda: dialog.stall_combo.currentData() == "FC2-02")
    dialog.start_edit.setDate(to_qdate(court.today))
    qtbot.keyClicks(dialog.turnover_edit, "tujuh")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Persentase" in dialog.errors["turnover_rate_bp"].text()
    assert dialog.lease is None
    dialog.turnover_edit.clear()
    qtbot.keyClicks(dialog.turnover_edit, "7,5")
    with qtbot.waitSignal(dialog.leased) as leased:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    lease = leased.args[0]
    assert lease.turnover_rate_bp == 750
    qtbot.waitUntil(lambda: len(dialog.owed) == 2)
    assert "Belum dibayar: deposit Rp6.000.000; sewa Rp3.000.000" in dialog.banner.text()
    assert dialog.banner.action_button.text() == "Bayar &deposit && sewa…"
    ctx.core.payments.open_shift(court.manager, 100_000)
    qtbot.mouseClick(dialog.banner.action_button, Qt.MouseButton.LeftButton)
    # only the deposit paid this time (an amount typed): the rent stays, "Bayar…"
    first = pay_open(qtbot, dialog.payment.dialog, DEPOSIT + RENT, DEPOSIT)
    qtbot.waitUntil(lambda: ("receipt", first) in printer.jobs)
    qtbot.waitUntil(lambda: len(dialog.owed) == 1)
    assert dialog.banner.action_button.text() == "&Bayar…"
    assert "Belum dibayar: sewa Rp3.000.000" in dialog.banner.text()
    qtbot.mouseClick(dialog.banner.action_button, Qt.MouseButton.LeftButton)
    second = pay_open(qtbot, dialog.payment.dialog, RENT)
    qtbot.waitUntil(lambda: ("receipt", second) in printer.jobs)
    qtbot.waitUntil(lambda: not dialog.owed)
    assert not dialog.banner.action_button.isVisible()
    assert f"kuitansi {second}" in dialog.banner.text()
    assert ctx.core.foodcourt.get_lease(lease.id).owed == 0


def test_enter_after_saving_goes_on_to_paying_then_closes(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    ctx.core.payments.open_shift(court.manager, 100_000)
    dialog = show_active(qtbot, LeaseDialog(ctx, None, stall="FC2-02",
                                            tenant_id=court.tenants["FC2-03"].id,
                                            printer=printer))  # fmt: skip
    qtbot.waitUntil(lambda: dialog.stall_combo.currentData() == "FC2-02")
    dialog.start_edit.setDate(to_qdate(court.today))
    dialog.notes_edit.setFocus()
    with qtbot.waitSignal(dialog.leased):
        qtbot.keyClick(dialog.notes_edit, Qt.Key.Key_Return)  # Sewakan
    qtbot.waitUntil(lambda: len(dialog.owed) == 2)
    pay_button = dialog.banner.action_button
    assert pay_button.isDefault() and not dialog.save_button.isDefault()
    assert dialog.focusWidget() is pay_button
    assert dialog.save_button.text() == "Selesai" and dialog.save_button.isVisible()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # the second Enter: pay both
    number = pay_open(qtbot, dialog.payment.dialog, DEPOSIT + RENT)
    qtbot.waitUntil(lambda: not dialog.owed)
    receipt = ctx.core.payments.receipt(number)
    assert [ln.amount for ln in receipt.lines] == [DEPOSIT, RENT]  # one kuitansi, both
    activate(qtbot, dialog)
    assert dialog.save_button.isDefault() and dialog.focusWidget() is dialog.save_button
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Selesai


def test_the_card_prints_the_agreement_and_renews_refusing_a_taken_stall(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    lease = court.leases["FC2-01"]
    after = ctx.core.foodcourt.lease(court.manager, LeaseForm(
        court.tenants["FC2-03"].id, "FC2-01", lease.ends_on + timedelta(days=31),
        lease.ends_on + timedelta(days=60)))  # fmt: skip
    card = card_of(qtbot, ctx, "FC2-01", printer)
    assert card.agreement_button.isVisibleTo(card) and card.renew_button.isVisibleTo(card)
    qtbot.mouseClick(card.agreement_button, Qt.MouseButton.LeftButton)
    assert ("preview:office", "Perjanjian sewa stan FC2-01") in printer.jobs
    qtbot.mouseClick(card.renew_button, Qt.MouseButton.LeftButton)
    dialog = card.renew_dialog
    assert isinstance(dialog, RenewDialog)
    activate(qtbot, dialog)
    assert dialog.rent_edit.placeholderText() == format_rupiah(RENT)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # a year on: taken
    assert "Bakso Malang Cak Man" in dialog.errors["ends_on"].text()
    assert after.id in dialog.errors["ends_on"].text()
    dialog.end_edit.setDate(to_qdate(lease.ends_on + timedelta(days=30)))
    assert dialog.errors["ends_on"].text() == ""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ctx.core.foodcourt.get_lease(lease.id).ends_on == lease.ends_on + timedelta(days=30)
    qtbot.waitUntil(lambda: "diperpanjang" in card.banner.text())


@pytest.mark.parametrize("role", [Role.TENANT_MANAGER, Role.SUPERVISOR])
def test_ending_shows_the_notice_fee_and_only_a_supervisor_waives_it(
    qtbot: Any, ctx: AppContext, admin: Actor, court: FoodCourt, printer: FakePrinter,
    role: Role,
) -> None:  # fmt: skip
    if role == Role.SUPERVISOR:
        ctx.actor = make_actor(ctx.core, admin, role, "sari")
    policy = ctx.core.foodcourt.notice_policy()
    assert policy.notice_days > 5 and policy.fee_periods > 0
    fee = RENT * policy.fee_periods
    card = card_of(qtbot, ctx, "FC2-01", printer)
    qtbot.mouseClick(card.end_button, Qt.MouseButton.LeftButton)
    dialog = card.change_dialog
    assert isinstance(dialog, LeaseChangeDialog)
    activate(qtbot, dialog)
    dialog.last_day_edit.setDate(to_qdate(court.today + timedelta(days=5)))
    assert f"Biaya pemutusan: {format_rupiah(fee)}" in dialog.notice_label.text()
    assert f"{policy.notice_days} hari" in dialog.notice_label.text()
    assert dialog.waive_check.isVisibleTo(dialog) == (role == Role.SUPERVISOR)
    if role == Role.SUPERVISOR:
        dialog.waive_check.setChecked(True)
        assert "dibebaskan" in dialog.notice_label.text()
    qtbot.keyClicks(dialog.reason_edit, "Pindah lokasi")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    lease_id = court.leases["FC2-01"].id
    assert ctx.core.foodcourt.get_lease(lease_id).status == "ended"
    fees = [c for c in ctx.core.payments.open_charges(court.tenants["FC2-01"].id)
            if "pemutusan" in c.description.lower()]  # fmt: skip
    assert [c.total for c in fees] == ([] if role == Role.SUPERVISOR else [fee])


def test_the_deposit_goes_back_less_deductions_refused_at_the_row(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    lease = court.leases["FC2-01"]
    core, manager = ctx.core, court.manager
    shift = core.payments.open_shift(manager, 0)
    transfer = PaymentForm("transfer", None, "TRF-1")
    core.payments.pay(manager, lease.deposit_charge_id or "", transfer)
    core.payments.close_shift(manager, shift.id, {}, "")
    core.foodcourt.end_lease(manager, lease.id, court.today, "tutup", waive_fee=True)
    page = show_active(qtbot, FoodCourtPage(ctx, None, printer), 1024, 700)
    tab = page.leases_tab
    page.show_tab(tab)
    tab.show_only(ALL)
    qtbot.waitUntil(lambda: len(tab.table.shown_values()) == 3)
    assert tab.table.select_where(lambda r: r.stall_code == "FC2-01")
    assert tab.deposit_button.isEnabled() and not tab.renew_button.isEnabled()
    qtbot.mouseClick(tab.deposit_button, Qt.MouseButton.LeftButton)
    dialog = tab.lease_dialog
    assert isinstance(dialog, DepositReturnDialog)
    activate(qtbot, dialog)
    assert "Rp6.000.000" in dialog.returned_label.text()
    qtbot.keyClicks(dialog.rows[0][0], "Meja retak")
    qtbot.keyClicks(dialog.rows[0][1], "250000")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.rows[1][1], "100000")  # an amount without its reason
    assert "Rp5.650.000" in dialog.returned_label.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["deductions.1.reason"].text() == "Tulis alasan potongan."
    assert dialog.returned_deposit is None
    qtbot.keyClicks(dialog.rows[1][0], "Sisa tagihan listrik")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.returned_deposit is not None and dialog.returned_deposit.returned == 5_650_000
    qtbot.waitUntil(lambda: "Pengembalian dana" in tab.banner.text())
    assert "Rp5.650.000" in tab.banner.text()


def test_a_lease_past_its_last_day_shows_expired_and_offers_its_deposit_back(
    qtbot: Any, ctx: AppContext, court: FoodCourt, printer: FakePrinter
) -> None:
    core, manager = ctx.core, court.manager
    real_clock = core.clock
    then = real_clock() - timedelta(days=40)
    core.clock = lambda: then
    try:
        first = court.today - timedelta(days=40)
        past = core.foodcourt.lease(manager, LeaseForm(
            court.tenants["FC2-03"].id, "FC2-02", first, first + timedelta(days=29)))  # fmt: skip
    finally:
        core.clock = real_clock
    page = show_active(qtbot, FoodCourtPage(ctx, None, printer), 1024, 700)
    tab = page.leases_tab
    page.show_tab(tab)
    tab.show_only(ALL)
    qtbot.waitUntil(lambda: len(tab.table.shown_values()) == 4)
    assert tab.table.select_where(lambda r: r.id == past.id)
    row = tab.table.currentIndex().row()
    model = tab.table.model()
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Status")  # fmt: skip
    status = model.index(row, column).data()
    assert status == "Selesai masa sewa"
    assert core.foodcourt.get_lease(past.id).status == "active"  # derived, not stored
    assert not tab.end_button.isEnabled() and not tab.cancel_button.isEnabled()
    assert tab.deposit_button.isEnabled()  # (its deposit unpaid: the service says so)
    # its deposit never paid, past due: the stall stays in arrears with it
    status_of = next(s for s in core.foodcourt.stall_states() if s.stall.code == "FC2-02")
    assert (status_of.state, status_of.lease_id) == ("arrears", past.id)
    card = card_of(qtbot, ctx, "FC2-02", printer)
    assert card.value_of("Sewa sampai").endswith("· Selesai masa sewa")
    assert not card.end_button.isVisibleTo(card) and card.lease_button.isVisibleTo(card)
