"""The cash-up dialog (Tutup kas) on real services over a temporary database (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Actor
from smesco_desk.services.values import ShiftSummary
from tests.ui.test_payments_page import FakePrinter, pdf_text, sell
from ui.context import AppContext
from ui.dialogs.cashup_dialog import CashUpDialog, denomination_label
from ui.pages.payments.documents import PaymentDocuments
from ui.pages.payments_page import PaymentsPage


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox.StandardButton]:
    """The answers the question boxes give, in turn (Yes once they run out)."""
    queue: list[QMessageBox.StandardButton] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: queue.pop(0) if queue else QMessageBox.StandardButton.Yes),
    )
    return queue


@pytest.fixture
def shift(ctx: AppContext) -> ShiftSummary:
    """A shift with Rp500.000 float, two cash sales (one voided) and a QRIS sale."""
    actor = ctx.require_actor()
    payments = ctx.core.payments
    opened = payments.open_shift(actor, 500_000)
    sell(ctx.core, actor, "Siti", price=150_000, tendered=200_000)
    voided = sell(ctx.core, actor, "Budi", price=40_000)
    payments.void(actor, voided.number, "salah input jumlah")
    sell(ctx.core, actor, "Rina", price=75_000, method="qris")
    return payments.shift(opened.id)


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter()


def _dialog(qtbot, ctx: AppContext, shift: ShiftSummary, printer: FakePrinter) -> CashUpDialog:
    dialog = CashUpDialog(ctx, shift.id, PaymentDocuments(ctx, None, printer))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_the_shift_figures(
    qtbot, ctx: AppContext, shift: ShiftSummary, printer: FakePrinter
) -> None:
    dialog = _dialog(qtbot, ctx, shift, printer)
    values = {key: label.text() for key, label in dialog.value_labels.items()}
    assert values == {
        "opening_float": "Rp500.000",
        "receipts": "3",
        "cash": "Rp150.000",
        "qris": "Rp75.000",
        "transfer": "Rp0",
        "card": "Rp0",
        "voided": "1 · Rp40.000",
        "expected": "Rp650.000",
    }
    assert denomination_label("100000", 100_000) == "Rp100.000"
    assert denomination_label("coin500", 500) == "Rp500 (logam)"
    assert dialog.difference_label.text() == "Selisih: kurang Rp650.000"


def test_the_difference_follows_the_count(
    qtbot, ctx: AppContext, shift: ShiftSummary, printer: FakePrinter
) -> None:
    dialog = _dialog(qtbot, ctx, shift, printer)
    first = dialog.spins["100000"]
    assert QApplication.focusWidget() is first  # counting starts at the big notes
    qtbot.keyClicks(first, "6")
    qtbot.keyClick(first, Qt.Key.Key_Return)  # Enter: the next count
    assert QApplication.focusWidget() is dialog.spins["50000"]
    assert dialog.subtotal_labels["100000"].text() == "Rp600.000"
    assert dialog.counted_label.text() == "Dihitung: Rp600.000"
    assert dialog.difference_label.text() == "Selisih: kurang Rp50.000"
    assert dialog.difference_label.property("kind") == "short"
    qtbot.keyClicks(dialog.spins["50000"], "2")
    assert dialog.difference_label.text() == "Selisih: lebih Rp50.000"
    assert dialog.difference_label.property("kind") == "over"
    dialog.spins["50000"].setValue(1)
    assert dialog.difference_label.text() == "Selisih: cocok"
    assert dialog.difference_label.property("kind") == "ok"


def test_closing_the_shift_prints_the_report(
    qtbot,
    ctx: AppContext,
    shift: ShiftSummary,
    printer: FakePrinter,
    answers: list[QMessageBox.StandardButton],
) -> None:
    dialog = _dialog(qtbot, ctx, shift, printer)
    dialog.spins["100000"].setValue(6)
    dialog.spins["20000"].setValue(2)
    dialog.spins["coin500"].setValue(4)  # Rp642.000: Rp8.000 short
    dialog.note_edit.setText("Kembalian untuk tamu terakhir kurang")
    answers.append(QMessageBox.StandardButton.No)
    dialog.close_button.click()  # asked, and not yet
    assert ctx.core.payments.current_shift(ctx.require_actor()) is not None
    with qtbot.waitSignal(dialog.shift_closed) as closed:
        dialog.close_button.click()
    summary = closed.args[0]
    assert ctx.core.payments.current_shift(ctx.require_actor()) is None
    stored = ctx.core.payments.shift(shift.id)
    assert stored.counted == {"100000": 6, "20000": 2, "coin500": 4}
    assert (stored.counted_total, stored.difference) == (642_000, -8_000)
    assert stored.note == "Kembalian untuk tamu terakhir kurang" and summary.closed_at
    assert printer.jobs == [("office", "Laporan tutup kas")]
    assert "Tutup Kas" in pdf_text(printer.pdfs[0]) or "TUTUP KAS" in pdf_text(printer.pdfs[0])
    assert dialog.banner.kind() == "success" and "Fake-office" in dialog.banner.text()
    assert dialog.done_button.isVisible() and not dialog.close_button.isVisible()
    assert dialog.spins["100000"].isReadOnly()
    with pytest.raises(DomainError) as refused:  # payments need a new shift now
        sell(ctx.core, ctx.require_actor())
    assert refused.value.field == "shift"


def test_a_report_that_does_not_print_leaves_the_shift_closed(
    qtbot,
    ctx: AppContext,
    shift: ShiftSummary,
    printer: FakePrinter,
    answers: list[QMessageBox.StandardButton],
) -> None:
    printer.fail_with = "Printer “Kantor” sedang berhenti."
    dialog = _dialog(qtbot, ctx, shift, printer)
    dialog.spins["100000"].setValue(6)
    dialog.spins["50000"].setValue(1)
    dialog.close_button.click()
    assert ctx.core.payments.shift(shift.id).closed_at is not None
    assert dialog.banner.kind() == "error"
    assert "sudah ditutup" in dialog.banner.text() and "Kantor" in dialog.banner.text()
    assert dialog.banner.action_button.isVisible()
    printer.fail_with = ""
    dialog.banner.action_button.click()  # "Cetak ulang laporan"
    assert printer.jobs == [("office", "Laporan tutup kas")]
    assert dialog.banner.kind() == "success"


def test_the_page_closes_the_shift_and_then_needs_a_new_one(
    qtbot,
    ctx: AppContext,
    shift: ShiftSummary,
    printer: FakePrinter,
    answers: list[QMessageBox.StandardButton],
    admin: Actor,
) -> None:
    page = PaymentsPage(ctx, printer=printer)
    qtbot.addWidget(page)
    page.show()
    assert page.header.cashup_button.isEnabled()
    page.header.cashup_button.click()
    dialog = page.cashup_dialog
    assert isinstance(dialog, CashUpDialog) and dialog.isVisible()
    dialog.spins["100000"].setValue(6)
    dialog.spins["50000"].setValue(1)
    dialog.close_button.click()
    assert page.header.state_label.text() == "Belum ada shift terbuka"
    assert page.header.open_button.isVisible() and not page.header.cashup_button.isEnabled()
    assert "shift baru" in page.banner.text()
    dialog.done_button.click()
    assert page.cashup_dialog is None


def test_the_running_report_can_be_previewed_before_closing(
    qtbot,
    ctx: AppContext,
    shift: ShiftSummary,
    printer: FakePrinter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.pages.payments.documents.PdfPreviewDialog.exec",
        lambda dialog: shown.append(pdf_text(dialog.pdf)) or 0,
    )
    dialog = _dialog(qtbot, ctx, shift, printer)
    dialog.preview_button.click()
    assert len(shown) == 1 and "SEMENTARA" in shown[0]  # the shift is still open
    assert ctx.core.payments.shift(shift.id).closed_at is None
