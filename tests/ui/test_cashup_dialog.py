"""The cash-up dialog (Tutup kas) on real services over a temporary database (offscreen)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.payments import ShiftSummary
from tests.ui.helpers_ui import FakePrinter, make_actor, pdf_text, sell, show_active
from ui.context import AppContext
from ui.pages.payments.cashup_dialog import CashUpDialog, denomination_label
from ui.pages.payments.documents import PaymentDocuments
from ui.pages.payments.page import PaymentsPage


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


def _dialog(qtbot, ctx: AppContext, shift: ShiftSummary, printer: FakePrinter) -> CashUpDialog:
    documents = PaymentDocuments(ctx, None, printer)  # type: ignore[arg-type]
    return show_active(qtbot, CashUpDialog(ctx, shift.id, documents))


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
        "refunds": "0",
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


def test_the_preview_shows_the_cash_counted_so_far(
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
    for key, spin in dialog.spins.items():
        spin.setValue(7 if key == "100000" else 0)
    assert dialog.counted_total() == 700_000
    dialog.preview_button.click()
    assert len(shown) == 1 and "SEMENTARA" in shown[0]
    assert "700.000" in shown[0]  # the count typed so far, nothing saved
    assert ctx.core.payments.shift(shift.id).counted is None


# --- whose shift: a supervisor may close anyone's ------------------------------------


@pytest.fixture
def sari(ctx: AppContext, admin: Actor) -> Actor:
    """A receptionist with her own shift: Rp200.000 float and one cash sale of Rp30.000."""
    sari = make_actor(ctx.core, admin, Role.RECEPTIONIST, "sari")
    ctx.core.payments.open_shift(sari, 200_000)
    sell(ctx.core, sari, "Tamu Sari", price=30_000)
    return sari


def test_a_supervisor_chooses_whose_shift_to_count(
    qtbot,
    ctx: AppContext,
    shift: ShiftSummary,
    sari: Actor,
    printer: FakePrinter,
    answers: list[QMessageBox.StandardButton],
) -> None:
    dialog = _dialog(qtbot, ctx, shift, printer)
    combo = dialog.shift_combo
    assert combo is not None and combo.isVisible() and combo.count() == 2
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert re.fullmatch(r"Administrator Gedung, dibuka \d\d:\d\d \(Anda\)", texts[0])
    assert re.fullmatch(r"Sari, dibuka \d\d:\d\d", texts[1])
    assert combo.currentIndex() == 0 and dialog.shift_id == shift.id  # one's own first
    dialog.spins["100000"].setValue(3)
    combo.setCurrentIndex(1)
    assert dialog.shift_id != shift.id and dialog.shift is not None
    assert dialog.shift.operator == "sari"
    assert dialog.value_labels["opening_float"].text() == "Rp200.000"
    assert dialog.value_labels["expected"].text() == "Rp230.000"
    assert dialog.counted_total() == 0  # the count started again for this drawer
    dialog.spins["20000"].setValue(11)
    dialog.spins["10000"].setValue(1)
    assert dialog.difference_label.text() == "Selisih: cocok"
    with qtbot.waitSignal(dialog.shift_closed):
        dialog.close_button.click()
    closed = ctx.core.payments.shift(dialog.shift_id)
    assert (closed.operator, closed.closed_by, closed.counted_total) == ("sari", "admin", 230_000)
    assert ctx.core.payments.current_shift(sari) is None
    assert ctx.core.payments.current_shift(ctx.require_actor()) is not None  # still open
    assert not combo.isEnabled()  # the report and the figures stay Sari's
    assert printer.jobs == [("office", "Laporan tutup kas")]


def test_a_supervisor_without_a_shift_closes_a_receptionists(
    qtbot,
    ctx: AppContext,
    sari: Actor,
    printer: FakePrinter,
    answers: list[QMessageBox.StandardButton],
) -> None:
    page = PaymentsPage(ctx, printer=printer)
    qtbot.addWidget(page)
    page.show()
    assert page.header.state_label.text() == "Belum ada shift terbuka"
    assert page.header.cashup_button.isEnabled()  # Sari's shift is open at this desk
    page.header.cashup_button.click()
    dialog = page.cashup_dialog
    assert isinstance(dialog, CashUpDialog) and dialog.shift_combo is not None
    assert dialog.shift_combo.currentText().startswith("Sari, dibuka")
    dialog.spins["20000"].setValue(11)  # Rp10.000 short
    dialog.note_edit.setText("Uang kembalian kurang")  # a difference needs a note
    dialog.close_button.click()
    assert ctx.core.payments.current_shift(sari) is None
    assert "Shift Sari ditutup" in page.banner.text()
    assert "dihitung Rp220.000" in page.banner.text()
    assert page.header.state_label.text() == "Belum ada shift terbuka"
    assert not page.header.cashup_button.isEnabled()  # no shift open any more


def test_a_receptionist_counts_only_her_own_shift(
    qtbot, ctx: AppContext, shift: ShiftSummary, sari: Actor, printer: FakePrinter
) -> None:
    as_sari = AppContext(ctx.core, ctx.runner, ctx.settings, sari)
    own = ctx.core.payments.current_shift(sari)
    assert own is not None
    dialog = _dialog(qtbot, as_sari, own, printer)
    assert dialog.shift_combo is None
    assert dialog.shift is not None and dialog.shift.operator == "sari"
    assert dialog.value_labels["expected"].text() == "Rp230.000"
    ctx.core.payments.close_shift(sari, own.id, {"20000": 11, "10000": 1})
    page = PaymentsPage(as_sari, printer=printer)
    qtbot.addWidget(page)
    assert not page.header.cashup_button.isEnabled()  # the administrator's is not hers
    page.cash_up()
    assert page.cashup_dialog is None and "Tidak ada shift" in page.banner.text()
