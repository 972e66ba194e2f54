"""The cash-up dialog asks for a note when the drawer differs, at the note, before
asking to close; a supervisor's close names both people in full (issue 13, point 7)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from smesco_desk.services.actors import Actor, Role
from tests.ui.helpers_ui import FakePrinter, pdf_text, sell, show_active
from ui.context import AppContext
from ui.pages.payments.cashup_dialog import CashUpDialog
from ui.pages.payments.documents import PaymentDocuments

PASSWORD = "rahasia-sekali-2026"


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The questions asked (each answered Yes)."""
    questions: list[str] = []

    def question(_parent: object, _title: str, text: str, *a: object) -> object:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return questions


def person(ctx: AppContext, admin: Actor, role: Role, username: str, full_name: str) -> Actor:
    ctx.core.users.create(admin, username, full_name, PASSWORD, role.value)
    return ctx.core.users.authenticate(username, PASSWORD)


def dialog_for(qtbot, ctx: AppContext, shift_id: str, printer: FakePrinter) -> CashUpDialog:
    documents = PaymentDocuments(ctx, None, printer)  # type: ignore[arg-type]
    return show_active(qtbot, CashUpDialog(ctx, shift_id, documents))


def test_a_difference_without_a_note_is_refused_at_the_note(
    qtbot, ctx: AppContext, printer: FakePrinter, asked: list[str]
) -> None:
    actor = ctx.require_actor()
    opened = ctx.core.payments.open_shift(actor, 100_000)
    sell(ctx.core, actor, "Siti", price=1_000)  # Rp101.000 expected
    dialog = dialog_for(qtbot, ctx, opened.id, printer)
    dialog.spins["100000"].setValue(1)  # Rp1.000 short
    dialog.close_button.click()
    assert dialog.note_error.isVisible()
    assert dialog.note_error.text() == "Kurang Rp1.000: tulis catatan penyebab selisih."
    assert QApplication.focusWidget() is dialog.note_edit
    assert asked == []  # refused before asking to close
    assert ctx.core.payments.shift(opened.id).is_open
    qtbot.keyClicks(dialog.note_edit, "   ")  # blanks are no note, but typing clears the error
    assert not dialog.note_error.isVisible()
    dialog.close_button.click()
    assert dialog.note_error.isVisible() and ctx.core.payments.shift(opened.id).is_open
    dialog.note_edit.clear()
    qtbot.keyClicks(dialog.note_edit, "Uang receh untuk kembalian kurang")
    with qtbot.waitSignal(dialog.shift_closed):
        dialog.close_button.click()
    closed = ctx.core.payments.shift(opened.id)
    assert (closed.difference, closed.note) == (-1_000, "Uang receh untuk kembalian kurang")
    assert len(asked) == 1 and not dialog.note_error.isVisible()


def test_an_exact_count_closes_without_a_note(
    qtbot, ctx: AppContext, printer: FakePrinter, asked: list[str]
) -> None:
    opened = ctx.core.payments.open_shift(ctx.require_actor(), 50_000)
    dialog = dialog_for(qtbot, ctx, opened.id, printer)
    dialog.spins["50000"].setValue(1)
    with qtbot.waitSignal(dialog.shift_closed):
        dialog.close_button.click()
    assert not ctx.core.payments.shift(opened.id).is_open and len(asked) == 1


def test_a_supervisor_s_close_names_cashier_and_receiver_in_full(
    qtbot, ctx: AppContext, admin: Actor, printer: FakePrinter, asked: list[str]
) -> None:
    sari = person(ctx, admin, Role.RECEPTIONIST, "sari", "Sari Wulandari")
    hendra = person(ctx, admin, Role.SUPERVISOR, "hendra", "Hendra Gunawan")
    opened = ctx.core.payments.open_shift(sari, 20_000)
    as_hendra = AppContext(ctx.core, ctx.runner, ctx.settings, hendra)
    dialog = dialog_for(qtbot, as_hendra, opened.id, printer)
    assert dialog.shift_combo is not None
    dialog.spins["20000"].setValue(1)
    with qtbot.waitSignal(dialog.shift_closed):
        dialog.close_button.click()
    assert "oleh Hendra Gunawan" in dialog.shift_label.text()
    assert "hendra" not in dialog.shift_label.text()
    report = pdf_text(printer.pdfs[0])
    assert "Penerima Hendra Gunawan" in report and "hendra" not in report
    assert "Sari Wulandari Hendra Gunawan" in report  # under the two signatures
