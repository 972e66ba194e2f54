"""Voiding a receipt (BATAL) from the payments page, on real services over a
temporary database (offscreen): the voided receipt printed again through the
page's printer, and a cash receipt of a closed shift refunded from the
supervisor's own shift, opened from the dialog when they have none."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.payments import ReceiptRecord
from tests.ui.helpers_ui import FakePrinter, activate, make_actor, pdf_text, sell, show_active
from ui.context import AppContext
from ui.pages.payments.page import PaymentsPage
from ui.pages.payments.shift_dialog import OpenShiftDialog
from ui.pages.payments.void_dialog import VoidDialog


@pytest.fixture
def hendra(ctx: AppContext, admin: Actor) -> Actor:
    return make_actor(ctx.core, admin, Role.SUPERVISOR, "hendra")


def _void_dialog(qtbot, ctx: AppContext, actor: Actor, printer: FakePrinter) -> VoidDialog:
    """The void dialog opened from the page (as `actor`) on its newest receipt."""
    page = show_active(
        qtbot, PaymentsPage(AppContext(ctx.core, ctx.runner, ctx.settings, actor), printer=printer)
    )
    page.table.selectRow(0)
    page.void_selected()
    dialog = page.void_dialog
    assert dialog is not None
    activate(qtbot, dialog)
    return dialog


def _void(qtbot, dialog: VoidDialog, reason: str = "Salah memasukkan jumlah") -> None:
    qtbot.keyClicks(dialog.reason_edit, reason)
    dialog.void_button.click()


def test_the_voided_receipt_prints_batal_as_a_copy(
    qtbot, ctx: AppContext, admin: Actor, hendra: Actor, printer: FakePrinter
) -> None:
    ctx.core.payments.open_shift(admin, 0)
    receipt = sell(ctx.core, admin, "Dewi Lestari", price=120_000)
    ctx.core.payments.record_print(admin, receipt.number, "thermal")  # printed at the sale
    dialog = _void_dialog(qtbot, ctx, hendra, printer)
    assert dialog.print_check.isChecked()
    assert "tidak dihitung di kas shift ini" in dialog.note_label.text()
    assert not dialog.open_shift_button.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.receipt_voided):
        _void(qtbot, dialog)
    assert not dialog.isVisible()
    assert printer.jobs == [("receipt", receipt.number)]
    text = pdf_text(printer.pdfs[0])
    assert "BATAL" in text and "SALINAN" in text
    assert ctx.core.payments.receipt(receipt.number).voided


def test_unticked_nothing_prints(
    qtbot, ctx: AppContext, admin: Actor, hendra: Actor, printer: FakePrinter
) -> None:
    ctx.core.payments.open_shift(admin, 0)
    receipt = sell(ctx.core, admin, price=50_000)
    dialog = _void_dialog(qtbot, ctx, hendra, printer)
    dialog.print_check.setChecked(False)
    with qtbot.waitSignal(dialog.receipt_voided):
        _void(qtbot, dialog)
    assert printer.jobs == [] and ctx.core.payments.receipt(receipt.number).voided


def test_a_print_failure_keeps_the_dialog_to_print_again(
    qtbot, ctx: AppContext, admin: Actor, hendra: Actor, printer: FakePrinter
) -> None:
    ctx.core.payments.open_shift(admin, 0)
    receipt = sell(ctx.core, admin, price=50_000)
    dialog = _void_dialog(qtbot, ctx, hendra, printer)
    printer.fail_with = "Kertas habis"
    _void(qtbot, dialog)
    assert ctx.core.payments.receipt(receipt.number).voided  # voided all the same
    assert dialog.isVisible() and "Kertas habis" in dialog.general_error.text()
    assert "sudah dibatalkan" in dialog.general_error.text()
    printer.fail_with = ""
    with qtbot.waitSignal(dialog.receipt_voided):
        dialog.void_button.click()  # now "Cetak ulang"
    assert printer.jobs == [("receipt", receipt.number)] and not dialog.isVisible()


def _closed_cash_receipt(ctx: AppContext, admin: Actor) -> ReceiptRecord:
    payments = ctx.core.payments
    shift = payments.open_shift(admin, 100_000)
    receipt = sell(ctx.core, admin, "Rina", price=80_000)
    payments.close_shift(admin, shift.id, {"100000": 1, "50000": 1, "20000": 1, "10000": 1})
    return receipt


def test_a_closed_shifts_cash_needs_the_supervisors_own_shift(
    qtbot,
    ctx: AppContext,
    admin: Actor,
    hendra: Actor,
    printer: FakePrinter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    receipt = _closed_cash_receipt(ctx, admin)
    dialog = _void_dialog(qtbot, ctx, hendra, printer)
    note = dialog.note_label.text()
    assert "sudah ditutup" in note
    assert "dikembalikan dari laci shift Anda" in note and "Buka shift kas Anda dulu" in note
    assert dialog.open_shift_button.isVisibleTo(dialog)
    floats: list[str] = []

    def fill_and_open(shift_dialog: OpenShiftDialog) -> int:
        floats.append(shift_dialog.float_edit.placeholderText())
        qtbot.keyClicks(shift_dialog.float_edit, "200000")
        shift_dialog.open_button.click()
        return shift_dialog.result()

    monkeypatch.setattr(OpenShiftDialog, "exec", lambda d: 0)
    _void(qtbot, dialog)  # refused: the refund needs a drawer of hers
    assert not ctx.core.payments.receipt(receipt.number).voided
    assert dialog.isVisible() and "Buka shift kas Anda dulu" in dialog.general_error.text()
    assert dialog.open_shift_button.isVisibleTo(dialog)
    assert QApplication.focusWidget() is dialog.open_shift_button
    monkeypatch.setattr(OpenShiftDialog, "exec", fill_and_open)
    with qtbot.waitSignal(dialog.receipt_voided):
        dialog.open_shift_button.click()  # opened, then voided
    assert floats
    assert ctx.core.payments.receipt(receipt.number).voided
    own = ctx.core.payments.current_shift(hendra)
    assert own is not None and own.opening_float == 200_000 and own.cash_refunds == 80_000
    assert own.expected_cash == 120_000


def test_a_closed_shifts_cash_with_an_own_shift_says_so(
    qtbot, ctx: AppContext, admin: Actor, hendra: Actor, printer: FakePrinter
) -> None:
    receipt = _closed_cash_receipt(ctx, admin)
    ctx.core.payments.open_shift(hendra, 300_000)
    dialog = _void_dialog(qtbot, ctx, hendra, printer)
    note = dialog.note_label.text()
    assert "sudah ditutup" in note and "dikembalikan dari laci shift Anda" in note
    assert "Buka shift" not in note and not dialog.open_shift_button.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.receipt_voided):
        _void(qtbot, dialog)
    assert ctx.core.payments.current_shift(hendra).cash_refunds == receipt.total
