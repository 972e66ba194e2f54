"""The sale dialog (Penjualan) on real services over a temporary database (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from smesco_desk.domain.charges import TaxRule
from smesco_desk.services.core import Core
from smesco_desk.values.payments import ReceiptFilter, ReceiptRecord
from tests.ui.helpers_ui import show_active
from ui.context import AppContext
from ui.pages.payments.sale_dialog import SaleDialog
from ui.pages.payments.shift_dialog import OpenShiftDialog

asked_defaults: list[list[object]] = []  # the default button of each question asked


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers every question box with Yes (and records it) instead of blocking."""
    asked: list[str] = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        defaults.append(args[1] if len(args) > 1 else kwargs.get("defaultButton"))
        return QMessageBox.StandardButton.Yes

    defaults: list[object] = []
    asked_defaults.clear()
    asked_defaults.extend([defaults])

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    return asked


@pytest.fixture
def shift_open(ctx: AppContext) -> None:
    ctx.core.payments.open_shift(ctx.require_actor(), 500_000)


def _dialog(qtbot, ctx: AppContext) -> SaleDialog:
    return show_active(qtbot, SaleDialog(ctx))


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(
    qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _receipts(core: Core) -> list[ReceiptRecord]:
    return core.payments.receipts(ReceiptFilter())


def _fill_line(
    dialog: SaleDialog,
    row: int,
    description: str,
    quantity: int = 1,
    price: int | None = None,
    discount: int | None = None,
) -> None:
    while len(dialog.lines.rows) <= row:
        dialog.lines.add_row()
        QApplication.processEvents()  # a row added to a shown dialog shows queued
    line = dialog.lines.rows[row]
    line.item_combo.setEditText(description)
    line.quantity_spin.setValue(quantity)
    if price is not None:
        line.price_edit.set_value(price)
    if discount is not None:
        line.discount_edit.set_value(discount)
    dialog.refresh_quote()


# --- a sale by keyboard -----------------------------------------------------------


def test_a_sale_typed_at_the_keyboard_commits_a_receipt_with_its_change(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    assert QApplication.focusWidget() is dialog.name_edit  # where a sale starts
    _type(qtbot, "Budi Santoso")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.lines.rows[0].item_combo
    _type(qtbot, "Cetak warna A4")  # an item of the price list, by name
    _key(qtbot, Qt.Key.Key_Return)  # Enter: the next field, as Tab
    assert QApplication.focusWidget() is dialog.lines.rows[0].quantity_spin
    _type(qtbot, "3")
    qtbot.waitUntil(lambda: dialog.total() == 9_000)
    assert dialog.lines.rows[0].price_edit.text() == "Rp3.000"  # from the price list
    assert dialog.totals.total_label.text() == "Rp9.000"
    assert dialog.totals.terbilang_label.text() == "Sembilan ribu rupiah"
    dialog.tendered_edit.setFocus()
    _type(qtbot, "10000")
    assert dialog.tendered_edit.text() == "Rp10.000"
    assert dialog.change_label.text() == "Kembalian Rp1.000"
    assert dialog.change_label.property("kind") == "ok"
    with qtbot.waitSignal(dialog.sale_completed) as done:
        _key(qtbot, Qt.Key.Key_Return)  # Enter in "Uang diterima" pays
    receipt = done.args[0]
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    [saved] = _receipts(ctx.core)
    assert saved.number == receipt.number and saved.number.endswith("/000001")
    assert (saved.payer_name, saved.total, saved.tendered, saved.change_given) == (
        "Budi Santoso",
        9_000,
        10_000,
        1_000,
    )
    assert saved.method == "cash"
    [line] = saved.lines
    assert (line.description, line.quantity, line.unit_price, line.unit, line.item_code) == (
        "Cetak warna A4",
        3,
        3_000,
        "lembar",
        "print_color",
    )


def test_tab_order_goes_payer_lines_payment(qtbot, ctx: AppContext, shift_open: None) -> None:
    dialog = _dialog(qtbot, ctx)
    row = dialog.lines.rows[0]
    seen = []
    for _ in range(8):
        seen.append(QApplication.focusWidget())
        _key(qtbot, Qt.Key.Key_Tab)
    assert seen == [
        dialog.name_edit,
        row.item_combo,
        row.quantity_spin,
        row.price_edit,
        row.discount_edit,
        dialog.lines.add_button,
        dialog.method_buttons[next(iter(dialog.method_buttons))],
        dialog.tendered_edit,
    ]


def test_ctrl_t_adds_a_line_and_ctrl_delete_removes_it(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.lines.rows[0].item_combo.setFocus()
    _key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.lines.rows) == 2
    assert QApplication.focusWidget() is dialog.lines.rows[1].item_combo
    _key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.lines.rows) == 1


def test_several_lines_a_free_line_discounts_and_taxes(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    actor = ctx.require_actor()
    ctx.core.payments.save_charge_kind(actor, "service", "Layanan", [TaxRule("ppn", "PPN", 1100)])
    dialog = _dialog(qtbot, ctx)
    dialog.name_edit.setText("Koperasi Maju Bersama")
    _fill_line(dialog, 0, "Studio foto (per jam)", 2, discount=50_000)  # a service: PPN
    _fill_line(dialog, 1, "Sewa proyektor", 1, price=75_000)  # a free line: Lain-lain, no tax
    totals = dialog._totals
    assert totals is not None
    assert (totals.subtotal, totals.discount_total, totals.tax_total, totals.total) == (
        575_000,
        50_000,
        49_500,
        574_500,
    )
    assert dialog.totals.discount_label.text() == "−Rp50.000"
    assert (
        dialog.totals.taxes_label.isVisibleTo(dialog)
        and "PPN 11%  Rp49.500" in dialog.totals.taxes_label.text()
    )
    assert dialog.lines.rows[0].amount_label.text() == "Rp450.000"
    assert dialog.lines.rows[1].amount_label.text() == "Rp75.000"
    dialog._exact_cash()
    assert dialog.change_label.text() == "Kembalian Rp0"
    with qtbot.waitSignal(dialog.sale_completed):
        dialog.pay_button.click()
    [saved] = _receipts(ctx.core)
    assert saved.total == 574_500 and [ln.item_code for ln in saved.lines] == ["studio_hour", None]
    assert ctx.core.payments.charge(saved.charge_id).kind_code == "other"


@pytest.mark.parametrize("room_first", [True, False])
def test_each_item_is_taxed_as_its_own_kind(
    qtbot, ctx: AppContext, shift_open: None, room_first: bool
) -> None:
    """A taxed room with untaxed prints, in either order: the quote and the sale agree."""
    actor, payments = ctx.require_actor(), ctx.core.payments
    payments.save_charge_kind(actor, "room", "Sewa ruang", [TaxRule("pb1", "PB1", 1000)])
    payments.save_price_item(
        actor, "meeting_room_hour", "Ruang rapat kecil (per jam)", 300_000, "jam", "room"
    )
    dialog = _dialog(qtbot, ctx)
    dialog.name_edit.setText("Asosiasi Pengrajin Rotan")
    lines = [("Ruang rapat kecil (per jam)", 2), ("Cetak warna A4", 10)]
    for row, (text, quantity) in enumerate(lines if room_first else lines[::-1]):
        _fill_line(dialog, row, text, quantity)
    assert dialog.total() == 690_000  # 600.000 + PB1 60.000 + 30.000 of prints
    assert dialog.totals.taxes_label.text() == "PB1 10%  Rp60.000"
    dialog._exact_cash()
    with qtbot.waitSignal(dialog.sale_completed):
        dialog.pay_button.click()
    [saved] = _receipts(ctx.core)
    assert (saved.total, saved.tax_total) == (690_000, 60_000)
    assert {ln.item_code for ln in saved.lines} == {"meeting_room_hour", "print_color"}
    # Items of two kinds: the sale is Lain-lain, each item still taxed as its own kind.
    assert ctx.core.payments.charge(saved.charge_id).kind_code == "other"


def test_items_of_one_kind_name_the_sale(qtbot, ctx: AppContext, shift_open: None) -> None:
    dialog = _dialog(qtbot, ctx)
    _fill_line(dialog, 0, "Cetak warna A4", 2)
    _fill_line(dialog, 1, "Studio foto (per jam)", 1)
    assert dialog.forms()[0].kind_code == "service"


def test_a_line_whose_text_is_not_typed_yet_still_counts(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    _fill_line(dialog, 0, "Cetak warna A4", 2)
    _fill_line(dialog, 1, "", 1, price=20_000)  # the price first, the text later
    assert dialog.total() == 26_000
    assert dialog.lines.rows[1].amount_label.text() == "Rp20.000"
    assert not dialog.lines.rows[1].error.isVisible()


def test_the_price_from_the_list_stays_editable(qtbot, ctx: AppContext, shift_open: None) -> None:
    dialog = _dialog(qtbot, ctx)
    row = dialog.lines.rows[0]
    row.item_combo.setEditText("Cetak hitam-putih A4")
    assert row.price_edit.value() == 1_000
    row.price_edit.setFocus()
    row.price_edit.selectAll()
    _type(qtbot, "800")
    assert row.price_edit.text() == "Rp800"
    dialog.refresh_quote()
    assert dialog.total() == 800


def test_a_qris_payment_needs_its_reference_and_pays_the_exact_total(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.name_edit.setText("Tenan Soto Betawi")
    dialog.payer_kind_combo.setCurrentIndex(dialog.payer_kind_combo.findData("tenant"))
    _fill_line(dialog, 0, "Workshop produk (per jam)", 2)
    dialog.method_buttons[next(m for m in dialog.method_buttons if m.value == "qris")].click()
    assert dialog.payment_stack.currentIndex() == 1
    dialog.pay_button.click()
    assert "referensi" in dialog.errors["reference"].text()
    assert dialog.errors["reference"].isVisible()
    assert dialog.reference_edit.property("invalid") is True
    assert QApplication.focusWidget() is dialog.reference_edit
    assert _receipts(ctx.core) == []
    _type(qtbot, "QR-8812-5531")
    assert not dialog.errors["reference"].isVisible()  # typing takes the mark away
    with qtbot.waitSignal(dialog.sale_completed):
        _key(qtbot, Qt.Key.Key_Return)
    [saved] = _receipts(ctx.core)
    assert (saved.method, saved.tendered, saved.reference, saved.payer_kind) == (
        "qris",
        300_000,
        "QR-8812-5531",
        "tenant",
    )


# --- errors at their fields ------------------------------------------------------------


def test_empty_payer_and_short_cash_are_shown_at_their_fields_at_once(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    _fill_line(dialog, 0, "Cetak warna A4", 2)
    dialog.tendered_edit.set_value(5_000)
    assert dialog.change_label.text() == "Kurang Rp1.000"
    assert dialog.change_label.property("kind") == "short"
    dialog.pay_button.click()
    assert dialog.errors["payer_name"].isVisible()
    assert "wajib" in dialog.errors["payer_name"].text()
    assert dialog.name_edit.property("invalid") is True
    assert dialog.errors["tendered"].isVisible()  # the payment's error with the payer's
    assert "kurang Rp1.000" in dialog.errors["tendered"].text()
    assert dialog.tendered_edit.property("invalid") is True
    assert QApplication.focusWidget() is dialog.name_edit  # the first to fix
    _type(qtbot, "Siti Aminah")
    assert not dialog.errors["payer_name"].isVisible()
    assert dialog.errors["tendered"].isVisible()  # until the cash is changed
    dialog.tendered_edit.setFocus()
    _type(qtbot, "0")
    assert not dialog.errors["tendered"].isVisible()
    assert _receipts(ctx.core) == [] and dialog.isVisible()


def test_empty_cash_asks_for_the_amount_with_the_other_errors(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    _fill_line(dialog, 0, "Cetak warna A4", 1)
    _fill_line(dialog, 1, "", 1, price=20_000)  # no text
    assert dialog.tendered_edit.value() is None
    dialog.pay_button.click()
    assert dialog.errors["tendered"].text() == "Isi jumlah uang yang diterima."
    assert dialog.errors["tendered"].isVisible()
    assert dialog.tendered_edit.property("invalid") is True
    assert dialog.errors["payer_name"].isVisible()
    row = dialog.lines.rows[1]
    assert row.error.isVisible() and "Uraian" in row.error.text()
    assert QApplication.focusWidget() is dialog.name_edit
    assert _receipts(ctx.core) == []
    dialog.name_edit.setText("Rina")
    _fill_line(dialog, 1, "Jilid spiral", 1, price=20_000)
    dialog.pay_button.click()  # only the cash is missing now
    assert dialog.errors["tendered"].text() == "Isi jumlah uang yang diterima."
    assert not dialog.errors["payer_name"].isVisible() and not row.error.isVisible()
    assert QApplication.focusWidget() is dialog.tendered_edit
    assert _receipts(ctx.core) == []
    _type(qtbot, "25000")
    with qtbot.waitSignal(dialog.sale_completed):
        _key(qtbot, Qt.Key.Key_Return)
    assert _receipts(ctx.core)[0].change_given == 2_000


def test_a_card_payment_without_reference_or_payer_says_both(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    _fill_line(dialog, 0, "Cetak warna A4", 1)
    dialog.method_buttons[next(m for m in dialog.method_buttons if m.value == "card")].click()
    dialog.pay_button.click()
    assert dialog.errors["payer_name"].isVisible() and dialog.errors["reference"].isVisible()
    assert dialog.reference_edit.property("invalid") is True
    assert not dialog.errors["tendered"].text()  # an empty cash field is no matter here
    assert _receipts(ctx.core) == []


def test_a_bad_line_is_marked_on_its_row(qtbot, ctx: AppContext, shift_open: None) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.name_edit.setText("Rina")
    _fill_line(dialog, 0, "Cetak warna A4", 1)
    _fill_line(dialog, 1, "", 1, price=20_000)  # a price, but no description
    _fill_line(dialog, 2, "Cetak hitam-putih A4", 2, discount=5_000)  # more than the line
    row1, row2 = dialog.lines.rows[1], dialog.lines.rows[2]
    # While typing, a value that cannot be right shows at once; a missing text waits.
    assert row2.error.isVisible() and "Diskon" in row2.error.text()
    assert row2.discount_edit.property("invalid") is True
    assert not row1.error.isVisible()
    assert dialog.totals.total_label.text() == "Rp23.000"  # the totals without the bad line
    dialog.tendered_edit.set_value(50_000)
    dialog.pay_button.click()
    assert row1.error.isVisible() and "Uraian" in row1.error.text()
    assert row1.item_combo.property("invalid") is True
    assert not dialog.lines.rows[0].error.isVisible()
    assert (
        QApplication.focusWidget() is row1.item_combo.lineEdit()
        or QApplication.focusWidget() is row1.item_combo
    )
    assert _receipts(ctx.core) == []


def test_an_empty_row_is_not_a_line(qtbot, ctx: AppContext, shift_open: None) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.name_edit.setText("Rina")
    dialog.lines.add_row()
    dialog.tendered_edit.set_value(1_000)
    dialog.pay_button.click()
    assert (
        dialog.lines.error.isVisible() and "paling sedikit satu baris" in dialog.lines.error.text()
    )
    _fill_line(dialog, 1, "Cetak hitam-putih A4")
    with qtbot.waitSignal(dialog.sale_completed):
        dialog.pay_button.click()
    assert len(_receipts(ctx.core)[0].lines) == 1


# --- no shift, and leaving --------------------------------------------------------------


def test_without_a_shift_the_dialog_opens_one_then_pays(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    floats: list[str] = []

    def fill_and_open(dialog: OpenShiftDialog) -> int:
        floats.append(dialog.float_edit.placeholderText())
        qtbot.keyClicks(dialog.float_edit, "300000")
        dialog.open_button.click()
        return dialog.result()

    monkeypatch.setattr(OpenShiftDialog, "exec", fill_and_open)
    dialog = _dialog(qtbot, ctx)
    assert "Belum ada shift" in dialog.banner.text()  # said before anything is typed
    dialog.name_edit.setText("Andi")
    _fill_line(dialog, 0, "Cetak warna A4", 1)
    dialog.tendered_edit.set_value(5_000)
    with qtbot.waitSignal(dialog.sale_completed):
        dialog.pay_button.click()  # refused for want of a shift; opened; paid
    assert floats
    shift = ctx.core.payments.current_shift(ctx.require_actor())
    assert shift is not None and shift.opening_float == 300_000
    assert shift.receipt_count == 1 and shift.cash_in == 3_000


def test_no_shift_and_the_float_dialog_cancelled_saves_nothing(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(OpenShiftDialog, "exec", lambda dialog: 0)
    dialog = _dialog(qtbot, ctx)
    dialog.name_edit.setText("Andi")
    _fill_line(dialog, 0, "Cetak warna A4", 1)
    dialog.tendered_edit.set_value(5_000)
    dialog.pay_button.click()
    assert dialog.isVisible() and _receipts(ctx.core) == []


def test_escape_asks_before_throwing_a_sale_away(
    qtbot, ctx: AppContext, shift_open: None, questions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.name_edit.setText("Andi")
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
    )
    _key(qtbot, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    _key(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_empty_dialog_closes_without_asking(
    qtbot, ctx: AppContext, shift_open: None, questions: list[str]
) -> None:
    dialog = _dialog(qtbot, ctx)
    _key(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and questions == []


# --- review fixes ------------------------------------------------------------------------


def test_a_typed_line_beside_taxed_items_is_not_taxed(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    """PPN on services: 7 colour prints are taxed, "Parkir motor" (typed) is not."""
    actor = ctx.require_actor()
    ctx.core.payments.save_charge_kind(actor, "service", "Layanan", [TaxRule("ppn", "PPN", 1100)])
    dialog = _dialog(qtbot, ctx)
    dialog.name_edit.setText("Budi")
    _fill_line(dialog, 0, "Cetak warna A4", 7)
    _fill_line(dialog, 1, "Parkir motor", 1, price=5_000)
    charge, _payment = dialog.forms()
    assert charge.kind_code == "other"
    assert [ln.item_code for ln in charge.lines] == ["print_color", None]
    assert dialog.totals.taxes_label.text() == "PPN 11%  Rp2.310"  # 11% of 21.000 only
    assert dialog.total() == 21_000 + 2_310 + 5_000
    dialog._exact_cash()
    with qtbot.waitSignal(dialog.sale_completed):
        dialog.pay_button.click()
    [saved] = _receipts(ctx.core)
    assert (saved.tax_total, saved.total) == (2_310, 28_310)
    assert ctx.core.payments.charge(saved.charge_id).kind_code == "other"


def test_enter_on_the_only_suggestion_takes_that_item(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    row = dialog.lines.rows[0]
    row.item_combo.setFocus()
    _type(qtbot, "studio")  # one suggestion: Studio foto (per jam)
    qtbot.waitUntil(lambda: row.item_combo.completer().popup().isVisible())
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is row.quantity_spin)
    assert row.item_combo.currentText() == "Studio foto (per jam)"
    assert not row.item_combo.completer().popup().isVisible()
    assert row.item is not None and row.item.code == "studio_hour"
    assert row.price_edit.value() == 250_000
    assert row.line().unit == "jam"


def test_enter_on_a_highlighted_suggestion_takes_it(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    row = dialog.lines.rows[0]
    row.item_combo.setFocus()
    _type(qtbot, "cetak")  # two: hitam-putih and warna
    popup = row.item_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is row.quantity_spin)
    assert row.item is not None and row.item.code in ("print_bw", "print_color")
    assert row.price_edit.value() == row.item.unit_price


@pytest.mark.parametrize(
    ("price", "discount", "words"), [(None, None, "masih Rp0"), (4_000, 8_000, "Rp0")]
)
def test_a_line_at_rp0_is_refused_at_its_price(
    qtbot, ctx: AppContext, shift_open: None, price: int | None, discount: int | None, words: str
) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.name_edit.setText("Rina")
    _fill_line(dialog, 0, "Cetak warna A4", 1)
    _fill_line(dialog, 1, "studio", 2, price=price, discount=discount)  # typed, no item
    dialog.tendered_edit.set_value(50_000)
    dialog.pay_button.click()
    row = dialog.lines.rows[1]
    assert row.error.isVisible() and words in row.error.text()
    assert row.price_edit.property("invalid") is True
    assert QApplication.focusWidget() is row.price_edit
    assert not dialog.lines.rows[0].error.isVisible()
    assert _receipts(ctx.core) == [] and dialog.isVisible()


def test_escape_asks_with_no_as_the_default(
    qtbot, ctx: AppContext, shift_open: None, questions: list[str]
) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.name_edit.setText("Andi")
    _key(qtbot, Qt.Key.Key_Escape)
    assert questions and asked_defaults[0] == [QMessageBox.StandardButton.No]


def test_quick_cash_offers_the_next_round_amounts(qtbot, ctx: AppContext, shift_open: None) -> None:
    from ui.pages.payments.payment_panel import quick_amounts

    assert quick_amounts(488_400) == [490_000, 500_000, 550_000]
    assert quick_amounts(9_000) == [10_000, 50_000, 100_000]
    assert quick_amounts(50_000) == [60_000, 100_000, 150_000]
    assert quick_amounts(None) == [] and quick_amounts(0) == []
    dialog = _dialog(qtbot, ctx)
    assert not any(b.isVisibleTo(dialog) for b in dialog.quick_buttons)
    _fill_line(dialog, 0, "Studio foto (per jam)", 2)  # Rp500.000 exactly
    _fill_line(dialog, 1, "Parkir", 1, price=1_600)
    assert dialog.total() == 501_600
    texts = [b.text() for b in dialog.quick_buttons if b.isVisibleTo(dialog)]
    assert texts == ["Rp510.000", "Rp550.000", "Rp600.000"]
    dialog.quick_buttons[1].click()
    assert dialog.tendered_edit.value() == 550_000
    assert dialog.change_label.text() == "Kembalian Rp48.400"


def test_a_too_large_discount_keeps_the_other_amounts_and_totals(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    dialog = _dialog(qtbot, ctx)
    _fill_line(dialog, 0, "Cetak warna A4", 3)
    _fill_line(dialog, 1, "Studio foto (per jam)", 1)
    _fill_line(dialog, 2, "Cetak hitam-putih A4", 2, discount=5_000)  # more than Rp2.000
    rows = dialog.lines.rows
    assert rows[2].error.isVisible() and rows[2].discount_edit.property("invalid") is True
    assert not rows[0].error.isVisible() and not rows[1].error.isVisible()
    assert [r.amount_label.text() for r in rows] == ["Rp9.000", "Rp250.000", "—"]
    assert dialog.totals.total_label.text() == "Rp259.000"  # without the bad line
    assert dialog.total() is None  # nothing to pay until it is put right


def test_the_dialog_says_diskon_as_the_receipt_does(
    qtbot, ctx: AppContext, shift_open: None
) -> None:
    from PySide6.QtWidgets import QLabel

    dialog = _dialog(qtbot, ctx)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Diskon" in texts and "Potongan" not in texts


def test_the_opening_float_hint_reads_whole(qtbot, ctx: AppContext) -> None:
    """Right-aligned, the cursor of the empty field covered the hint's last figure."""
    dialog = show_active(qtbot, OpenShiftDialog(ctx))
    edit = dialog.float_edit
    assert edit.placeholderText() == "mis. Rp500.000"
    assert edit.alignment() & Qt.AlignmentFlag.AlignLeft
    hint = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert edit.width() >= hint + 30  # frame and padding left and right
