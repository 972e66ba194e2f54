"""The event's documents without a printer, and where a saved PDF went: the
badge dialog offers "Simpan PDF…" (Cetak off) when no printer is set for the
format, and the Peserta tab says where the PDF was saved, from the file dialog
or from the preview (offscreen, over real services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from smesco_desk.clock import wib_today
from smesco_desk.services.actors import Actor
from tests.ui.helpers_ui import FakePrinter
from tests.ui.test_event_ui import book, details, hall, with_people  # noqa: F401 - a fixture
from ui.context import AppContext
from ui.pages.bookings.badge_print_dialog import BadgePrintDialog
from ui.printing import PreviewOutcome


@dataclass
class SavingPrinter(FakePrinter):
    """No printer for badges; saving writes to `folder`; the preview prints."""

    folder: Path = Path()

    def printer_name(self, kind: str) -> str:
        return "" if kind == "badge" else f"Fake-{kind}"

    def save_pdf(  # type: ignore[override]
        self, pdf: bytes, suggested_name: str, parent: QWidget | None = None
    ) -> Path:
        super().save_pdf(pdf, suggested_name, parent)
        path = self.folder / suggested_name
        path.write_bytes(pdf)
        return path

    def preview(  # type: ignore[override]
        self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None
    ) -> PreviewOutcome:
        super().preview(pdf, kind, title, parent)
        self.jobs.append((kind, title))  # "Cetak" pressed in the preview
        return PreviewOutcome(printed=True)


def test_without_a_printer_saving_is_the_default_and_says_where(
    qtbot: Any,
    ctx: AppContext,
    admin: Actor,
    hall: str,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    printer = SavingPrinter(folder=tmp_path)
    booking = with_people(
        ctx, admin, book(ctx, admin, wib_today(ctx.core.now()) + timedelta(days=20), "training")
    )
    dialog = details(qtbot, ctx, booking, printer)
    dialog.tabs.setCurrentWidget(dialog.participants)
    actions = dialog.participants.event_actions
    qtbot.mouseClick(actions.badge_button, Qt.MouseButton.LeftButton)
    choice = dialog.participants.dialog
    assert isinstance(choice, BadgePrintDialog)
    assert choice.print_button.isEnabled() and choice.print_button.isDefault()  # office: set
    choice.card_radio.setChecked(True)  # the badge printer: none
    assert "Belum ada printer" in choice.printer_note.text()
    assert not choice.print_button.isEnabled()
    assert choice.save_button.isDefault() and not choice.print_button.isDefault()
    qtbot.keyClick(choice, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: "disimpan ke" in dialog.participants.banner.text())
    saved = tmp_path / "Badge_peserta_Pelatihan_foto_produk.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert str(saved) in dialog.participants.banner.text()


def test_the_attendance_list_printed_from_the_preview_says_so(
    qtbot: Any,
    ctx: AppContext,
    admin: Actor,
    hall: str,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    printer = SavingPrinter(folder=tmp_path)
    booking = with_people(
        ctx, admin, book(ctx, admin, wib_today(ctx.core.now()) + timedelta(days=20), "seminar")
    )
    dialog = details(qtbot, ctx, booking, printer)
    actions = dialog.participants.event_actions
    menu = actions.attendance_button.menu()
    actions_by_name = {a.objectName(): a for a in menu.findChildren(QAction)}
    actions_by_name["attendance_preview_action"].trigger()
    qtbot.waitUntil(lambda: "dicetak ke Fake-office" in dialog.participants.banner.text())
    actions_by_name["attendance_save_action"].trigger()
    qtbot.waitUntil(lambda: "Daftar hadir disimpan ke" in dialog.participants.banner.text())
    assert str(tmp_path) in dialog.participants.banner.text()
