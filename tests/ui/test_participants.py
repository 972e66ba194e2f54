"""The participants of a booking ("Peserta" in its details): importing a file
through its preview (every row with its errors, nothing written until the file
is right or the bad rows are skipped), adding one by hand with errors at the
fields, and the list that follows the changes; on real services."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication

from smesco_desk.clock import WIB, wib_today
from smesco_desk.domain.bookings import WEEKDAYS
from smesco_desk.services.actors import Actor
from smesco_desk.values.bookings import AttendeeForm, BookingForm, BookingRecord, SpaceForm
from smesco_desk.values.payments import PayerForm
from tests.ui.helpers_ui import show_active
from ui.context import AppContext
from ui.models.attendee_rows_model import BAD_CELL, BAD_ROW, PROBLEM_ROLE, AttendeeRowsModel
from ui.pages.bookings.attendee_dialog import AttendeeDialog
from ui.pages.bookings.attendee_import_dialog import AttendeeImportDialog
from ui.pages.bookings.booking_details import BookingDetailsDialog
from ui.pages.bookings.participants import ParticipantsPanel

HEADER = "Nama;No. HP;Instansi;NIK;Email\n"
GOOD = (
    "Budi Santoso;0812-3456-7890;Koperasi Maju;3174051505900001;budi@contoh.id\n"
    "Siti Aminah;0813 1111 2222;UMKM Batik;;\n"
    "Agus Salim;081311115555;;;\n"
)
BAD = (
    ";08123456789;UMKM Tanpa Nama;;\n"  # line 5: no name
    "Rina;12345;;;\n"  # line 6: bad phone
    "Dewi Sartika;+62 812 3456 7890;;;\n"  # line 7: the phone of line 2
)


@pytest.fixture
def booking(ctx: AppContext, admin: Actor) -> BookingRecord:
    """A training for 20 in a classroom for 30, a month ahead."""
    ctx.core.bookings.save_space(admin, SpaceForm(
        code="kelas", name="Ruang Kelas Uji", kind="classroom", capacity=30,
        opening_hours={d: ["08:00", "21:00"] for d in WEEKDAYS},
    ))
    day = wib_today(ctx.core.now()) + timedelta(days=30)
    form = BookingForm("kelas", "Pelatihan foto produk", at(day, 9), at(day, 12),
                       PayerForm("organisation", "Dinas Koperasi"), attendees=20,
                       event_kind="training")
    return ctx.core.bookings.book(admin, form)


def at(day: date, hh: int) -> datetime:
    return datetime.combine(day, time(hh), tzinfo=WIB)


def details(qtbot: Any, ctx: AppContext, booking: BookingRecord) -> BookingDetailsDialog:
    dialog = show_active(qtbot, BookingDetailsDialog(ctx, None, booking))
    dialog.tabs.setCurrentWidget(dialog.participants)
    return dialog


def write(tmp_path: Path, text: str, name: str = "peserta.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def open_import(qtbot: Any, panel: ParticipantsPanel, path: Path,
                monkeypatch: pytest.MonkeyPatch) -> AttendeeImportDialog:
    monkeypatch.setattr(panel, "choose_file", lambda: str(path))
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, AttendeeImportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def names(ctx: AppContext, booking: BookingRecord) -> list[str]:
    return [a.name for a in ctx.core.bookings.attendees(booking.id)]


def test_a_good_file_is_imported_and_the_list_follows(
    qtbot: Any, ctx: AppContext, booking: BookingRecord, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = details(qtbot, ctx, booking)
    panel = dialog.participants
    assert panel.model.rowCount() == 0 and dialog.tabs.tabText(1) == "&Peserta (0)"
    preview = open_import(qtbot, panel, write(tmp_path, GOOD), monkeypatch)
    assert preview.model.rowCount() == 3 and not preview.skip_button.isVisible()
    assert preview.summary_label.text() == "Semua 3 baris baik dan siap diimpor."
    assert preview.import_button.isEnabled()
    assert preview.import_button.text() == "&Impor 3 peserta"
    assert preview.model.index(0, 4).data() == "************0001"  # the NIK masked
    assert names(ctx, booking) == []  # nothing yet
    preview.table.setFocus()
    with qtbot.waitSignal(preview.imported):
        qtbot.keyClick(preview.table, Qt.Key.Key_Return)  # every row good: Enter imports
    assert not preview.isVisible() and panel.dialog is None
    assert names(ctx, booking) == ["Budi Santoso", "Siti Aminah", "Agus Salim"]
    assert [panel.model.index(r, 0).data() for r in range(3)] == names(ctx, booking)
    assert panel.model.index(1, 1).data() == "+62 813-1111-2222"
    assert panel.model.index(0, 3).data() == "************0001"
    assert panel.count_label.text() == (
        "3 peserta terdaftar dari 20 yang direncanakan; kapasitas ruang 30 orang.")
    assert dialog.tabs.tabText(1) == "&Peserta (3)"
    assert panel.banner.text() == "3 peserta diimpor."


def test_bad_rows_are_shown_at_the_row_and_nothing_is_written_until_fixed(
    qtbot: Any, ctx: AppContext, booking: BookingRecord, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = details(qtbot, ctx, booking).participants
    path = write(tmp_path, GOOD + BAD)
    preview = open_import(qtbot, panel, path, monkeypatch)
    model = preview.model
    assert [model.index(r, 0).data() for r in range(6)] == ["2", "3", "4", "5", "6", "7"]
    assert [model.index(r, 0).data(PROBLEM_ROLE) for r in range(6)] == [False] * 3 + [True] * 3
    assert "Nama wajib diisi" in model.index(3, 6).data()
    assert model.index(4, 2).data() == "12345"  # as written, the bad cell marked
    assert model.index(4, 2).data(Qt.ItemDataRole.BackgroundRole) == QBrush(BAD_CELL)
    assert model.index(4, 1).data(Qt.ItemDataRole.BackgroundRole) == QBrush(BAD_ROW)
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "sama dengan baris 2" in model.index(5, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert preview.summary_label.text().startswith("3 dari 6 baris bermasalah (merah)")
    assert not preview.import_button.isEnabled()
    assert preview.skip_button.isVisible() and preview.skip_button.isEnabled()
    assert preview.table.currentIndex().row() == 3  # the first bad row
    qtbot.keyClick(preview.table, Qt.Key.Key_Return)  # Enter imports nothing
    assert preview.isVisible() and names(ctx, booking) == []
    # The person fixes the file and reads it again.
    write(tmp_path, GOOD + "Rina;0812 9999 0000;;;\n")
    qtbot.mouseClick(preview.reread_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 4 and not preview.preview.bad
    assert preview.import_button.isEnabled() and not preview.skip_button.isVisible()
    assert names(ctx, booking) == []
    with qtbot.waitSignal(preview.imported):
        qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    assert names(ctx, booking) == ["Budi Santoso", "Siti Aminah", "Agus Salim", "Rina"]


def test_escape_closes_the_preview_without_importing(
    qtbot: Any, ctx: AppContext, booking: BookingRecord, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = details(qtbot, ctx, booking).participants
    preview = open_import(qtbot, panel, write(tmp_path, GOOD), monkeypatch)
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(preview.table, Qt.Key.Key_Escape)
    assert not preview.isVisible() and names(ctx, booking) == []


def test_skipping_the_bad_rows_imports_the_good_ones(
    qtbot: Any, ctx: AppContext, booking: BookingRecord, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = details(qtbot, ctx, booking).participants
    preview = open_import(qtbot, panel, write(tmp_path, BAD + GOOD), monkeypatch)
    assert preview.skip_button.text() == "&Lewati baris yang salah"
    with qtbot.waitSignal(preview.imported) as imported:
        qtbot.mouseClick(preview.skip_button, Qt.MouseButton.LeftButton)
    result = imported.args[0]
    # Dewi (line 4) comes first with the phone, so Budi's row (5) is the duplicate now.
    assert [p.line for p in result.skipped] == [2, 3, 5]
    assert names(ctx, booking) == ["Dewi Sartika", "Siti Aminah", "Agus Salim"]
    assert panel.model.rowCount() == 3
    assert panel.banner.text() == "3 peserta diimpor. 3 baris yang salah dilewati."


def test_a_file_that_cannot_be_read_says_so_on_the_panel(
    qtbot: Any, ctx: AppContext, booking: BookingRecord, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = details(qtbot, ctx, booking).participants
    path = tmp_path / "tanpa_telepon.csv"
    path.write_text("nama;instansi\nBudi;UMKM\n", encoding="utf-8")
    monkeypatch.setattr(panel, "choose_file", lambda: str(path))
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert panel.dialog is None
    assert panel.banner.kind() == "error" and "kolom nama dan telepon" in panel.banner.text()
    monkeypatch.setattr(panel, "choose_file", lambda: str(tmp_path / "hilang.csv"))
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert panel.banner.text().startswith("Berkas tidak bisa dibaca")


def test_over_the_capacity_nothing_can_be_imported(
    qtbot: Any, ctx: AppContext, admin: Actor, booking: BookingRecord, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = "".join(f"Peserta {n};0813{n:08d};;;\n" for n in range(31))
    panel = details(qtbot, ctx, booking).participants
    preview = open_import(qtbot, panel, write(tmp_path, rows), monkeypatch)
    assert "melebihi kapasitas ruang (30 orang)" in preview.summary_label.text()
    assert not preview.import_button.isEnabled()


# --- by hand ---------------------------------------------------------------------------


def test_a_bad_phone_typed_by_hand_shows_at_its_field(
    qtbot: Any, ctx: AppContext, booking: BookingRecord
) -> None:
    panel = details(qtbot, ctx, booking).participants
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    form = panel.dialog
    assert isinstance(form, AttendeeDialog)
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    assert QApplication.focusWidget() is form.edits["name"]  # typing starts at the name
    qtbot.keyClicks(form.edits["name"], "Siti Aminah")
    qtbot.keyClick(form.edits["name"], Qt.Key.Key_Return)  # Enter: the next field
    assert QApplication.focusWidget() is form.edits["phone"]
    qtbot.keyClicks(form.edits["phone"], "12345")
    for _field in ("phone", "organisation", "nik"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.edits["email"]
    qtbot.keyClick(form.edits["email"], Qt.Key.Key_Return)  # the last field: save
    assert form.isVisible() and names(ctx, booking) == []
    assert form.errors["phone"].isVisible() and form.errors["phone"].text()
    assert not form.errors["name"].isVisible()
    assert form.edits["phone"].property("invalid") is True
    assert QApplication.focusWidget() is form.edits["phone"]
    qtbot.keyClicks(form.edits["phone"], "0813 1111 2222")  # typed over the selection
    assert not form.errors["phone"].isVisible()  # typing clears the message
    with qtbot.waitSignal(form.attendee_added):
        qtbot.keyClick(form.edits["phone"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert names(ctx, booking) == ["Siti Aminah"]
    assert panel.model.rowCount() == 1 and panel.banner.kind() == "success"


def test_the_list_follows_changes_made_elsewhere_and_a_cancelled_booking_is_read_only(
    qtbot: Any, ctx: AppContext, admin: Actor, booking: BookingRecord
) -> None:
    panel = details(qtbot, ctx, booking).participants
    assert panel.import_button.isVisible() and panel.add_button.isVisible()
    form = AttendeeForm("Budi Santoso", "081234567890")
    ctx.runner.op(lambda: ctx.core.bookings.add_attendee(admin, booking.id, form)).run()
    assert [panel.model.index(0, 0).data()] == ["Budi Santoso"]  # data_changed reloaded it
    cancelled = ctx.core.bookings.cancel(admin, booking.id, "batal")
    closed = details(qtbot, ctx, cancelled).participants
    assert closed.model.rowCount() == 1
    assert not closed.import_button.isVisible() and not closed.add_button.isVisible()


def test_the_tabs_and_buttons_are_reached_from_the_keyboard(
    qtbot: Any, ctx: AppContext, booking: BookingRecord
) -> None:
    dialog = show_active(qtbot, BookingDetailsDialog(ctx, None, booking))
    assert dialog.tabs.currentIndex() == 0
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentWidget() is dialog.participants
    panel = dialog.participants
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.import_button
    qtbot.keyClick(panel.import_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.add_button
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentIndex() == 0


def test_the_models_pass_the_model_tester(
    qtmodeltester: Any, ctx: AppContext, booking: BookingRecord, admin: Actor
) -> None:
    preview = ctx.core.bookings.preview_attendees(
        booking.id, (HEADER + GOOD + BAD).encode(), "a.csv")
    rows = AttendeeRowsModel()
    rows.set_rows(preview.rows)
    qtmodeltester.check(rows)
    ctx.core.bookings.import_attendees(admin, booking.id, (HEADER + GOOD).encode(), "a.csv")
    panel = ParticipantsPanel(ctx, booking)
    panel.reload()
    assert panel.model.rowCount() == 3
    qtmodeltester.check(panel.model)
    panel.deleteLater()
