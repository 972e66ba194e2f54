"""The Payments page and its receipts model on real services over a temporary
database (offscreen): the lazy list, searching, a sale with its receipt printed
(and a printer that fails), reprints as SALINAN, voids by role, refreshes."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.payments import ReceiptFilter, ReceiptRecord
from tests.ui.helpers_ui import (
    FakePrinter,
    activate,
    desk_context,
    make_actor,
    open_desk,
    pdf_text,
    sell,
    show_active,
)
from ui.context import AppContext
from ui.models.receipts_model import (
    COL_METHOD,
    COL_NUMBER,
    COL_PAYER,
    COL_STATUS,
    COL_TIME,
    COL_TOTAL,
    NUMBER_ROLE,
    RECORD_ROLE,
    VOIDED_ROLE,
    ReceiptsTableModel,
)
from ui.pages.payments.page import PaymentsPage
from ui.pages.payments.sale_dialog import SaleDialog
from ui.settings import RECEIPT_PRINTER

MANY = 130
BATCH = 50


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )


def _show(qtbot, page: PaymentsPage) -> PaymentsPage:
    return show_active(qtbot, page, 1176, 700)


@pytest.fixture
def page(qtbot, ctx: AppContext, printer: FakePrinter) -> PaymentsPage:
    ctx.core.payments.open_shift(ctx.require_actor(), 500_000)
    return _show(qtbot, PaymentsPage(ctx, printer=printer))


def _sold_and_chosen(page: PaymentsPage, ctx: AppContext) -> ReceiptRecord:
    """A sale made elsewhere (straight through the core), listed and chosen."""
    receipt = sell(ctx.core, ctx.require_actor())
    page.model.refresh()
    page.table.selectRow(0)
    return receipt


def _as(ctx: AppContext, actor: Actor) -> AppContext:
    return AppContext(ctx.core, ctx.runner, ctx.settings, actor)


# --- the lazy model -------------------------------------------------------------------


@pytest.fixture(scope="module")
def loaded_core(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Core, Actor]]:
    """A desk with MANY receipts today (every tenth by QRIS, two payers' names)."""
    core, actor = open_desk(tmp_path_factory.mktemp("receipts"))
    core.payments.open_shift(actor, 500_000)
    for i in range(MANY):
        payer = f"UMKM Batik Sekar {i:03d}" if i % 2 else f"Kopi Nusantara {i:03d}"
        sell(core, actor, payer, price=1_000 * (i + 1), method="qris" if i % 10 == 0 else "cash")
    yield core, actor
    core.close()


def test_the_model_passes_the_tester_while_loading_lazily(
    qtbot, qtmodeltester, loaded_core: tuple[Core, Actor], tmp_path: Path
) -> None:
    """A real worker thread: rows arrive after fetchMore returns, as in the app."""
    model = ReceiptsTableModel(
        desk_context(loaded_core, tmp_path, synchronous=False), batch_size=BATCH
    )
    qtbot.waitUntil(lambda: model.rowCount() == BATCH)
    assert model.total() == MANY
    summary = model.summary()  # came from the worker with the first rows
    assert summary is not None and (summary.count, summary.voided) == (MANY, 0)
    assert summary.total == sum(1_000 * (i + 1) for i in range(MANY))
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.is_loading())
    assert model.rowCount() == MANY
    numbers = [model.index(r, COL_NUMBER).data() for r in range(model.rowCount())]
    assert len(set(numbers)) == MANY and numbers == sorted(numbers, reverse=True)  # newest first


def test_cells_and_roles(loaded_core: tuple[Core, Actor], tmp_path: Path) -> None:
    model = ReceiptsTableModel(desk_context(loaded_core, tmp_path), batch_size=BATCH)
    assert model.rowCount() == BATCH and model.canFetchMore(QModelIndex())
    record = model.index(0, 0).data(RECORD_ROLE)
    assert model.index(0, COL_NUMBER).data() == record.number == model.index(0, 0).data(NUMBER_ROLE)
    assert model.index(0, COL_PAYER).data() == f"UMKM Batik Sekar {MANY - 1:03d}"
    assert model.index(0, COL_TOTAL).data() == f"Rp{MANY}.000"
    assert (
        model.index(0, COL_TOTAL).data(Qt.ItemDataRole.TextAlignmentRole)
        & Qt.AlignmentFlag.AlignRight
    )
    assert len(model.index(0, COL_TIME).data()) == 5  # HH:MM (WIB) for the day shown
    assert model.index(0, COL_METHOD).data() == "Tunai"
    assert model.index(0, COL_STATUS).data() == "" and not model.index(0, 0).data(VOIDED_ROLE)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Nomor",
        "Waktu",
        "Pembayar",
        "Cara bayar",
        "Total",
        "Status",
    ]


def _search(model: ReceiptsTableModel, text: str) -> list[str]:
    model.set_filter(ReceiptFilter(text=text))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return [model.index(r, COL_PAYER).data() for r in range(model.rowCount())]


def test_search_by_number_payer_or_amount(loaded_core: tuple[Core, Actor], tmp_path: Path) -> None:
    model = ReceiptsTableModel(desk_context(loaded_core, tmp_path), batch_size=BATCH)
    number = loaded_core[0].payments.receipts(ReceiptFilter(text="Kopi Nusantara 010"))[0].number
    assert _search(model, number) == ["Kopi Nusantara 010"]
    assert _search(model, "batik sekar 12") == [
        f"UMKM Batik Sekar {i}" for i in (129, 127, 125, 123, 121)
    ]
    assert _search(model, "Rp25.000") == ["Kopi Nusantara 024"]
    assert _search(model, "25000") == ["Kopi Nusantara 024"]
    assert _search(model, "000011") == ["Kopi Nusantara 010"]  # the number's tail
    assert _search(model, "tidak ada yang begini") == [] and model.total() == 0


# --- the page -------------------------------------------------------------------------


def test_header_without_a_shift_offers_to_open_one(
    qtbot, ctx: AppContext, printer: FakePrinter
) -> None:
    page = _show(qtbot, PaymentsPage(ctx, printer=printer))
    header = page.header
    assert header.state_label.text() == "Belum ada shift terbuka"
    assert header.open_button.isVisible() and not header.cashup_button.isEnabled()
    header.open_button.click()
    dialog = page.shift_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.open_button.click()  # nothing typed
    assert dialog.errors["opening_float"].isVisible() and dialog.isVisible()
    qtbot.keyClicks(dialog.float_edit, "500000")
    assert dialog.float_edit.text() == "Rp500.000"
    qtbot.keyClick(dialog.float_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert header.state_label.text().startswith("Shift dibuka ")
    assert "modal Rp500.000 · tunai masuk Rp0" in header.state_label.text()
    assert not header.open_button.isVisible() and header.cashup_button.isEnabled()


def test_the_header_follows_the_shift(qtbot, page: PaymentsPage, ctx: AppContext) -> None:
    assert "tunai masuk Rp0" in page.header.state_label.text()
    actor = ctx.require_actor()
    ctx.runner.op(lambda: sell(ctx.core, actor, price=150_000)).run()
    assert "tunai masuk Rp150.000" in page.header.state_label.text()
    assert "1 kuitansi" in page.header.detail_label.text()
    assert "kas seharusnya Rp650.000" in page.header.detail_label.text()
    assert page.model.total() == 1  # the list refreshed too


def test_a_sale_from_the_page_prints_its_receipt_and_says_the_change(
    qtbot, page: PaymentsPage, ctx: AppContext, printer: FakePrinter
) -> None:
    qtbot.keyClick(page, Qt.Key.Key_F4)
    dialog = page.sale_dialog
    assert isinstance(dialog, SaleDialog) and dialog.isVisible()
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.name_edit, "Larasati")
    row = dialog.lines.rows[0]
    row.item_combo.setEditText("Studio foto (per jam)")
    dialog.refresh_quote()
    dialog.tendered_edit.setFocus()
    qtbot.keyClicks(dialog.tendered_edit, "300000")
    with qtbot.waitSignal(page.receipt_issued) as issued:
        qtbot.keyClick(dialog.tendered_edit, Qt.Key.Key_Return)
    receipt = issued.args[0]
    assert printer.jobs == [("receipt", receipt.number)]
    assert "SALINAN" not in pdf_text(printer.pdfs[0])
    assert page.banner.kind() == "success"
    assert page.banner.headline_label.text() == "Kembalian Rp50.000"
    assert receipt.number in page.banner.text() and "Fake-receipt" in page.banner.text()
    assert page.selected() is not None and page.selected().number == receipt.number
    assert receipt.number in page.details.text() and "Rp250.000" in page.details.text()
    assert ctx.core.payments.receipt(receipt.number).print_count == 1
    assert page.sale_dialog is None  # closed and forgotten


def test_a_printer_failure_keeps_the_receipt_and_offers_a_reprint(
    qtbot, page: PaymentsPage, ctx: AppContext, printer: FakePrinter
) -> None:
    printer.fail_with = "Printer “Kasir” tidak ditemukan."
    page.new_sale()
    dialog = page.sale_dialog
    assert dialog is not None
    dialog.name_edit.setText("Andi")
    dialog.lines.rows[0].item_combo.setEditText("Cetak warna A4")
    dialog.refresh_quote()
    dialog._exact_cash()
    with qtbot.waitSignal(page.receipt_issued) as issued:
        dialog.pay_button.click()
    receipt = issued.args[0]
    assert ctx.core.payments.receipt(receipt.number).voided is False  # committed, kept
    assert page.banner.kind() == "error"
    assert "gagal dicetak" in page.banner.text() and "Kasir" in page.banner.text()
    assert page.banner.headline_label.text() == "Lunas Rp3.000"
    assert page.banner.action_button.isVisible()
    assert page.banner.action_button.text() == "Cetak ulang"
    printer.fail_with = ""
    page.banner.action_button.click()
    assert printer.jobs == [("receipt", receipt.number)]
    assert "SALINAN" in pdf_text(printer.pdfs[0])  # the failed print counts: this is a copy
    assert page.banner.kind() == "success"


def test_reprint_is_a_copy_and_preview_records_nothing(
    qtbot,
    page: PaymentsPage,
    ctx: AppContext,
    printer: FakePrinter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    receipt = _sold_and_chosen(page, ctx)
    assert page.selected() is not None and page.reprint_button.isEnabled()
    monkeypatch.setattr("ui.pages.payments.documents.PdfPreviewDialog.exec", lambda d: 0)
    page.preview_button.click()
    assert ctx.core.payments.receipt(receipt.number).print_count == 0
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # first print
    page.reprint_button.click()
    assert printer.jobs == [("receipt", receipt.number)] * 2
    assert "SALINAN" not in pdf_text(printer.pdfs[0])
    assert "SALINAN" in pdf_text(printer.pdfs[1])
    assert "2 kali" in page.details.text()


def test_search_box_and_date(qtbot, page: PaymentsPage, ctx: AppContext) -> None:
    actor = ctx.require_actor()
    for payer in ("Siti Aminah", "Budi Santoso", "Siti Rahma"):
        sell(ctx.core, actor, payer)
    page.model.refresh()
    assert page.model.total() == 3
    assert page.summary_label.plain_text() == "3 kuitansi · Total Rp9.000 (Tunai Rp9.000)"
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search_edit
    qtbot.keyClicks(page.search_edit, "siti")
    qtbot.waitUntil(lambda: page.model.total() == 2)  # after a short pause in typing
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "000002")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # at once
    assert [page.model.record(r).payer_name for r in range(page.model.rowCount())] == [
        "Budi Santoso"
    ]
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "siti")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    page.date_edit.setDate(page.date_edit.date().addDays(-1))
    assert page.model.total() == 0
    assert "siti" in page.table.empty_message()
    page.all_days_check.setChecked(True)  # searching across every day
    assert page.model.total() == 2
    assert len(page.model.index(0, COL_TIME).data()) == len("00-00-0000 00:00")


def test_the_summary_line_counts_what_the_filter_finds(
    qtbot, page: PaymentsPage, ctx: AppContext
) -> None:
    actor = ctx.require_actor()
    sell(ctx.core, actor, "Siti Aminah", price=2_100_000)
    sell(ctx.core, actor, "Budi Santoso", price=1_412_000, method="qris")
    wrong = sell(ctx.core, actor, "Rina", price=50_000)
    ctx.core.payments.void(actor, wrong.number, "salah input jumlah")
    page.model.refresh()
    assert page.summary_label.plain_text() == (
        "3 kuitansi · 1 batal · Total Rp3.512.000 (Tunai Rp2.100.000 · QRIS Rp1.412.000)"
    )
    page.search_edit.setText("siti")
    page.search()
    assert page.summary_label.plain_text() == "1 kuitansi · Total Rp2.100.000 (Tunai Rp2.100.000)"
    page.search_edit.setText("rina")
    page.search()
    assert page.summary_label.plain_text() == "1 kuitansi · 1 batal"  # nothing that stands
    page.date_edit.setDate(page.date_edit.date().addDays(-1))
    assert page.summary_label.plain_text() == "0 kuitansi"
    page.date_edit.setDate(page.date_edit.date().addDays(1))
    page.search_edit.clear()
    page.search()
    sell(ctx.core, actor, "Andi", price=8_000, method="transfer")
    ctx.runner.data_changed.emit(frozenset({"receipts"}))  # as a sale or a sync says
    assert page.summary_label.plain_text().startswith("4 kuitansi · 1 batal · Total Rp3.520.000")
    assert page.summary_label.plain_text().endswith("· Transfer bank Rp8.000)")


def test_void_is_not_offered_to_a_receptionist(
    qtbot, ctx: AppContext, admin: Actor, printer: FakePrinter
) -> None:
    sari = make_actor(ctx.core, admin, Role.RECEPTIONIST, "sari")
    ctx.core.payments.open_shift(sari, 0)
    sell(ctx.core, sari)
    page = _show(qtbot, PaymentsPage(_as(ctx, sari), printer=printer))
    page.table.selectRow(0)
    assert page.void_button is None
    assert not page.findChildren(QWidget, "void_button")
    page.void_selected()  # (e.g. from a shortcut): nothing happens
    assert page.void_dialog is None
    assert page.reprint_button.isEnabled()  # reprints are for everyone


def test_a_supervisor_voids_with_a_reason(
    qtbot, ctx: AppContext, admin: Actor, printer: FakePrinter
) -> None:
    hendra = make_actor(ctx.core, admin, Role.SUPERVISOR, "hendra")
    ctx.core.payments.open_shift(admin, 0)
    receipt = sell(ctx.core, admin, "Dewi Lestari", price=120_000)
    page = _show(qtbot, PaymentsPage(_as(ctx, hendra), printer=printer))
    page.table.selectRow(0)
    assert page.void_button is not None and page.void_button.isEnabled()
    page.void_button.click()
    dialog = page.void_dialog
    assert dialog is not None and dialog.isVisible()
    assert receipt.number in dialog.windowTitle()
    activate(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.reason_edit
    qtbot.keyClicks(dialog.reason_edit, "slh")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.errors["reason"].isVisible()
    assert "5" in dialog.errors["reason"].text()
    assert ctx.core.payments.receipt(receipt.number).voided is False
    dialog.reason_edit.clear()
    qtbot.keyClicks(dialog.reason_edit, "Salah memasukkan jumlah")
    assert not dialog.errors["reason"].isVisible()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    voided = ctx.core.payments.receipt(receipt.number)
    assert voided.void is not None and voided.void.reason == "Salah memasukkan jumlah"
    model = page.model
    assert model.index(0, COL_STATUS).data() == "BATAL"
    assert model.index(0, 0).data(VOIDED_ROLE) is True
    font = model.index(0, COL_PAYER).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    assert "BATAL" in page.details.text() and "Salah memasukkan jumlah" in page.details.text()
    assert not page.void_button.isEnabled()  # once is enough
    assert "dibatalkan" in page.banner.text()


def test_pulled_changes_refresh_the_list(qtbot, page: PaymentsPage, ctx: AppContext) -> None:
    sell(ctx.core, ctx.require_actor())  # as if another window or a sync wrote it
    assert page.model.total() == 0
    with qtbot.assertNotEmitted(page.model.modelReset):
        ctx.runner.data_changed.emit(frozenset({"visits"}))
    ctx.runner.data_changed.emit(frozenset({"receipt_voids"}))  # table names from a pull
    assert page.model.total() == 1


# --- real printing through CUPS -----------------------------------------------------


def test_a_sale_prints_on_the_receipt_queue_and_a_missing_printer_loses_nothing(
    qtbot, ctx: AppContext, cups_pdf_printer
) -> None:
    ctx.core.payments.open_shift(ctx.require_actor(), 100_000)
    ctx.settings.set(RECEIPT_PRINTER, "PrinterYangTidakAda")
    page = _show(qtbot, PaymentsPage(ctx))  # the real DocumentPrinter
    page.new_sale()
    dialog = page.sale_dialog
    assert dialog is not None
    dialog.name_edit.setText("Wayan Sudarsana")
    dialog.lines.rows[0].item_combo.setEditText("Cetak warna A4")
    dialog.refresh_quote()
    dialog.tendered_edit.set_value(5_000)
    with qtbot.waitSignal(page.receipt_issued) as issued:
        dialog.pay_button.click()
    receipt = issued.args[0]
    assert page.banner.kind() == "error" and "PrinterYangTidakAda" in page.banner.text()
    assert ctx.core.payments.count_receipts(ReceiptFilter()) == 1
    ctx.settings.set(RECEIPT_PRINTER, cups_pdf_printer.name)
    since = time.time()
    page.banner.action_button.click()
    printed = PdfReader(cups_pdf_printer.wait_for_new_pdf(since))
    assert float(printed.pages[0].mediabox.width) == pytest.approx(80 / 25.4 * 72, abs=2)
    assert page.banner.kind() == "success"
    # The print that failed was recorded first: the one on paper is the copy (SALINAN).
    assert ctx.core.payments.receipt(receipt.number).print_count == 2


# --- in the main window --------------------------------------------------------------


def test_the_main_window_has_the_page_after_visitors_and_f4_sells_from_anywhere(
    qtbot, ctx: AppContext
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        titles = [window.nav_list.item(i).text() for i in range(window.nav_list.count())]
        assert titles[:2] == ["Tamu", "Pembayaran"] and titles[-1] == "Pengaturan"
        assert isinstance(window.pages["payments"], PaymentsPage)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert window.stack.currentWidget() is window.pages["visitors"]
        qtbot.keyClick(window, Qt.Key.Key_F4)  # from the Visitors page
        page = window.pages["payments"]
        assert window.stack.currentWidget() is page
        assert isinstance(page.sale_dialog, SaleDialog) and page.sale_dialog.isVisible()
        page.sale_dialog.reject()
        menu = window.findChild(QWidget, "payments_menu")
        assert menu is not None
        assert [a.text() for a in menu.actions()] == [
            "Penjualan &baru…",
            "B&uka shift kas…",
            "&Tutup kas…",
        ]
    finally:
        window.close()
        qtbot.wait(5)


def test_after_midnight_the_list_moves_on_to_the_new_day(
    qtbot, page: PaymentsPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    first = page.date_edit.date()
    later = ctx.core.now() + timedelta(days=1)
    monkeypatch.setattr(ctx.core, "clock", lambda: later)
    page.hide()
    page.show()
    assert page.date_edit.date() == first.addDays(1)
    assert page.model.filter().day == first.addDays(1).toPython()


def test_save_pdf_counts_as_a_print_and_preview_first_records_only_a_real_print(
    qtbot,
    page: PaymentsPage,
    ctx: AppContext,
    printer: FakePrinter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.settings import PREVIEW_BEFORE_PRINT

    receipt = _sold_and_chosen(page, ctx)
    page.save_button.click()
    assert printer.jobs == [("save", receipt.number)]
    assert ctx.core.payments.receipt(receipt.number).print_count == 1
    ctx.settings.set(PREVIEW_BEFORE_PRINT, True)
    previews: list[str] = []

    def close_unprinted(dialog) -> int:
        previews.append(dialog.title)
        return 0

    monkeypatch.setattr("ui.pages.payments.documents.PdfPreviewDialog.exec", close_unprinted)
    page.reprint_button.click()  # previewed, closed without printing: nothing recorded
    assert previews == [receipt.number]
    assert ctx.core.payments.receipt(receipt.number).print_count == 1

    def print_from_preview(dialog) -> int:
        dialog.print_button.click()
        return 1

    monkeypatch.setattr("ui.pages.payments.documents.PdfPreviewDialog.exec", print_from_preview)
    page.reprint_button.click()
    assert printer.jobs[-1] == ("receipt", receipt.number)
    assert "SALINAN" in pdf_text(printer.pdfs[-1])
    assert ctx.core.payments.receipt(receipt.number).print_count == 2


def test_the_paper_choice_is_remembered(
    qtbot, page: PaymentsPage, ctx: AppContext, printer: FakePrinter
) -> None:
    from pypdf import PdfReader as Reader

    _sold_and_chosen(page, ctx)
    page.format_combo.setCurrentIndex(page.format_combo.findData("a5"))
    page.reprint_button.click()
    width = float(Reader(io.BytesIO(printer.pdfs[-1])).pages[0].mediabox.width)
    assert width == pytest.approx(148 / 25.4 * 72, abs=2)  # A5
    again = _show(qtbot, PaymentsPage(ctx, printer=printer))
    assert again.format_combo.currentData() == "a5"


def test_numbers_a_restore_skipped_show_under_the_receipts(
    qtbot, page: PaymentsPage, ctx: AppContext, tmp_path: Path
) -> None:
    actor = ctx.require_actor()
    sell(ctx.core, actor)
    backup = ctx.core.maintenance.backup(actor, tmp_path / "b.sqlite3").path
    sell(ctx.core, actor)  # 000002: only in the file the restore replaces
    ctx.core.maintenance.restore(actor, backup)
    sell(ctx.core, actor)
    page.model.refresh()
    lines = page.summary_label.plain_text().splitlines()
    assert lines[0].startswith("2 kuitansi")
    assert lines[1].startswith("Nomor dilewati: KW/D01/")
    assert "000002: diterbitkan di basis data yang diganti" in lines[1]
    assert "backups/before-restore-" in lines[1]
    assert "color:#B3261E" in page.summary_label.text()
