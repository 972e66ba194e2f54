"""Prices are the price list's at the desk (issue 13, point 5), on real services:
a receptionist's list price is locked and Enter after choosing a service goes
to the next line; a changed price asks a supervisor in the approval dialog,
which approves (the sale goes through, audited with both names) or refuses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from smesco_desk.services.actors import Role
from smesco_desk.values.payments import ReceiptFilter
from tests.ui.helpers_ui import show_active
from ui.context import AppContext
from ui.dialogs.approval import ApprovalDialog
from ui.pages.payments.sale_dialog import SaleDialog

PASSWORD = "rahasia-user-1"


@pytest.fixture(autouse=True)
def _no_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a sale being typed asks; answer Yes instead of blocking."""
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )


@pytest.fixture
def sari(ctx: AppContext) -> AppContext:
    """The context logged in as a receptionist with a shift open; hendra supervises."""
    core, admin = ctx.core, ctx.require_actor()
    core.users.create(admin, "sari", "Sari Wulandari", PASSWORD, Role.RECEPTIONIST.value)
    core.users.create(admin, "hendra", "Hendra Gunawan", PASSWORD, Role.SUPERVISOR.value)
    core.users.create(admin, "rudi", "Rudi Hartono", PASSWORD, Role.RECEPTIONIST.value)
    ctx.actor = core.users.authenticate("sari", PASSWORD)
    core.payments.open_shift(ctx.actor, 500_000)
    return ctx


def _key(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def _choose_room(qtbot, dialog: SaleDialog) -> None:
    dialog.name_edit.setText("Koperasi Maju")
    dialog.lines.rows[0].item_combo.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "Ruang rapat kecil")
    _key(qtbot, Qt.Key.Key_Return)  # choose it: on to the quantity


def _approval_dialog(dialog: SaleDialog) -> ApprovalDialog:
    found = [d for d in dialog.findChildren(ApprovalDialog) if d.isVisible()]
    assert len(found) == 1
    return found[0]


def test_the_list_price_is_locked_and_enter_goes_to_the_next_line(qtbot, sari: AppContext) -> None:
    dialog = show_active(qtbot, SaleDialog(sari))
    _choose_room(qtbot, dialog)
    row = dialog.lines.rows[0]
    assert QApplication.focusWidget() is row.quantity_spin
    assert row.price_edit.text() == "Rp300.000"
    assert row.price_edit.isReadOnly() and row.price_locked()
    assert row.unlock_button.isVisible()
    _key(qtbot, Qt.Key.Key_Return)  # the locked price is skipped: the discount
    assert QApplication.focusWidget() is row.discount_edit
    assert len(dialog.lines.rows) == 1
    _key(qtbot, Qt.Key.Key_Return)  # the line's last field: the next line
    assert len(dialog.lines.rows) == 2
    assert QApplication.focusWidget() is dialog.lines.rows[1].item_combo
    assert row.price_edit.text() == "Rp300.000"
    qtbot.keyClicks(QApplication.focusWidget(), "2")  # typing goes to the new line
    assert row.price_edit.text() == "Rp300.000"
    row.quantity_spin.setFocus()
    _key(qtbot, Qt.Key.Key_F2)  # F2: another price for this line's item, as ✎
    assert not row.price_edit.isReadOnly() and QApplication.focusWidget() is row.price_edit


def test_enter_goes_service_quantity_discount_then_a_new_line(qtbot, sari: AppContext) -> None:
    """The review (S/7x-a): Enter after Banyak opened a new line and skipped Diskon,
    while the hint says "Enter: kolom berikutnya"."""
    dialog = show_active(qtbot, SaleDialog(sari))
    _choose_room(qtbot, dialog)
    row = dialog.lines.rows[0]
    assert QApplication.focusWidget() is row.quantity_spin
    qtbot.keyClicks(row.quantity_spin, "2")
    _key(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is row.discount_edit and len(dialog.lines.rows) == 1
    qtbot.keyClicks(row.discount_edit, "10000")
    _key(qtbot, Qt.Key.Key_Return)
    assert len(dialog.lines.rows) == 2
    assert QApplication.focusWidget() is dialog.lines.rows[1].item_combo
    assert row.line().discount == 10_000 and row.line().quantity == 2


def test_a_discount_above_the_limit_is_noted_at_its_line_as_it_is_typed(
    qtbot, sari: AppContext
) -> None:
    """The review (S/79): the limit (10 % by default) was said only when paying;
    the approval at paying stays."""
    dialog = show_active(qtbot, SaleDialog(sari))
    _choose_room(qtbot, dialog)  # Rp300.000
    row = dialog.lines.rows[0]
    row.discount_edit.setFocus()
    qtbot.keyClicks(row.discount_edit, "20000")  # 6.7 %: within the limit
    dialog.refresh_quote()
    qtbot.waitUntil(lambda: dialog.total() == 280_000)
    assert row.note_label.isHidden()
    qtbot.keyClicks(row.discount_edit, "0")  # Rp200.000: 66 %
    qtbot.waitUntil(lambda: row.note_label.isVisible())
    assert "perlu persetujuan supervisor" in row.note_label.text()
    assert "10%" in row.note_label.text()
    dialog._exact_cash()
    dialog.pay()
    asking = _approval_dialog(dialog)  # still asked when paying
    assert "melebihi batas 10%" in asking.reasons_label.text()
    asking.reject()
    row.discount_edit.set_value(None)  # no discount: no note
    qtbot.waitUntil(lambda: row.note_label.isHidden())


def test_a_supervisor_types_any_price_without_a_lock(qtbot, ctx: AppContext) -> None:
    dialog = show_active(qtbot, SaleDialog(ctx))  # the administrator
    _choose_room(qtbot, dialog)
    row = dialog.lines.rows[0]
    assert not row.price_edit.isReadOnly() and not row.unlock_button.isVisible()


def _changed_price_sale(qtbot, sari: AppContext) -> SaleDialog:
    dialog = show_active(qtbot, SaleDialog(sari))
    _choose_room(qtbot, dialog)
    row = dialog.lines.rows[0]
    qtbot.mouseClick(row.unlock_button, Qt.MouseButton.LeftButton)
    assert not row.price_edit.isReadOnly() and QApplication.focusWidget() is row.price_edit
    qtbot.keyClicks(row.price_edit, "250000")
    dialog.refresh_quote()
    qtbot.waitUntil(lambda: dialog.total() == 250_000)
    dialog.tendered_edit.setText("250000")
    dialog.pay()
    return dialog


def test_a_changed_price_is_approved_by_a_supervisor_and_sold(qtbot, sari: AppContext) -> None:
    dialog = _changed_price_sale(qtbot, sari)
    asking = _approval_dialog(dialog)
    reasons = asking.findChild(QLabel, "approval_reasons_label")
    assert "Rp300.000" in reasons.text() and "Rp250.000" in reasons.text()
    assert sari.core.payments.receipts(ReceiptFilter()) == []  # nothing sold yet
    asking.username_edit.setText("rudi")  # a receptionist may not
    asking.password_edit.setText(PASSWORD)
    qtbot.mouseClick(asking.approve_button, Qt.MouseButton.LeftButton)
    assert asking.isVisible() and "bukan supervisor" in asking.errors["username"].text()
    asking.username_edit.setText("hendra")
    asking.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.sale_completed) as done:
        qtbot.mouseClick(asking.approve_button, Qt.MouseButton.LeftButton)
    assert done.args[0].total == 250_000 and dialog.result() == QDialog.DialogCode.Accepted
    with sari.core.db.read() as session:
        from sqlalchemy import text

        [(actor, detail)] = session.execute(
            text("SELECT actor, detail FROM audit_log WHERE action = 'approval.price'")
        ).all()
    assert actor == "sari" and '"approved_by": "hendra"' in str(detail)


def test_a_refused_approval_sells_nothing(qtbot, sari: AppContext) -> None:
    dialog = _changed_price_sale(qtbot, sari)
    asking = _approval_dialog(dialog)
    asking.username_edit.setText("hendra")
    asking.password_edit.setText("salah")
    qtbot.mouseClick(asking.approve_button, Qt.MouseButton.LeftButton)
    assert asking.isVisible() and asking.errors["password"].text()
    assert asking.password_edit.text() == ""  # never kept
    qtbot.mouseClick(asking.cancel_button, Qt.MouseButton.LeftButton)
    assert not asking.isVisible() and dialog.isVisible()
    assert sari.core.payments.receipts(ReceiptFilter()) == []
