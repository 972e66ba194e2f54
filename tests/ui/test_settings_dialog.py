"""Settings: printers and language (this PC), building settings, purposes, users."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTime

import ui.pages.settings.local as settings_module
from smesco_desk.errors import PasswordChangeRequired
from smesco_desk.services.actors import Actor, Role
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.models.values_table import ROW_VALUE_ROLE
from ui.pages.settings.business import BusinessPage
from ui.pages.settings.local import LanguagePage, PrintersPage
from ui.pages.settings.panel import SettingsDialog, SettingsPanel
from ui.pages.settings.purposes import PurposesPage
from ui.pages.settings.users import UsersPage
from ui.settings import (
    BADGE_FORMAT,
    BADGE_PRINTER,
    LANGUAGE,
    OFFICE_PRINTER,
    PREVIEW_BEFORE_PRINT,
    PRINT_BADGE_AFTER_REGISTER,
    RECEIPT_PRINTER,
)

PRINTERS = ["Kartu-Zebra", "Struk-Epson", "Kantor-HP"]


@pytest.fixture(autouse=True)
def fake_printers(monkeypatch: pytest.MonkeyPatch) -> None:
    info = settings_module.QPrinterInfo
    monkeypatch.setattr(info, "availablePrinterNames", staticmethod(lambda: list(PRINTERS)))
    monkeypatch.setattr(info, "defaultPrinterName", staticmethod(lambda: "Kantor-HP"))


def make(qtbot, widget):
    qtbot.addWidget(widget)
    return widget


def choose(combo, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# --- this PC's options ------------------------------------------------------------


def test_printers_lists_the_system_printers_and_the_default(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, PrintersPage(ctx))
    page.load()
    combo = page.printer_combos["badge"]
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items == ["Printer bawaan sistem (Kantor-HP)", *PRINTERS]
    assert combo.currentData() == ""


def test_printers_are_saved_per_kind(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, PrintersPage(ctx))
    page.load()
    choose(page.printer_combos["badge"], "Kartu-Zebra")
    choose(page.printer_combos["receipt"], "Struk-Epson")
    choose(page.badge_format_combo, "label")
    page.auto_print_check.setChecked(False)
    page.preview_check.setChecked(True)
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save()
    settings = ctx.settings
    assert settings.get(BADGE_PRINTER) == "Kartu-Zebra"
    assert settings.get(RECEIPT_PRINTER) == "Struk-Epson"
    assert settings.get(OFFICE_PRINTER) == ""
    assert settings.printer_for("badge") == "Kartu-Zebra"
    assert settings.get(BADGE_FORMAT) == "label"
    assert settings.get(PRINT_BADGE_AFTER_REGISTER) is False
    assert settings.get(PREVIEW_BEFORE_PRINT) is True


def test_a_printer_that_went_away_stays_chosen_and_is_marked(qtbot, ctx: AppContext) -> None:
    ctx.settings.set(RECEIPT_PRINTER, "Struk-Lama")
    page = make(qtbot, PrintersPage(ctx))
    page.load()
    combo = page.printer_combos["receipt"]
    assert combo.currentText() == "Struk-Lama (tidak tersedia)"
    page.save()
    assert ctx.settings.get(RECEIPT_PRINTER) == "Struk-Lama"


def test_language_is_saved(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, LanguagePage(ctx))
    page.load()
    assert page.language_combo.currentData() == "id"
    choose(page.language_combo, "en")
    page.save()
    assert ctx.settings.get(LANGUAGE) == "en"


# --- building settings (database) ---------------------------------------------------


def test_building_settings_load_from_the_database(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, BusinessPage(ctx))
    page.load()
    assert page.building_name_edit.text() == "SMESCO Indonesia"
    assert page.closing_time_edit.time() == QTime(21, 0)
    assert page.retention_spin.value() == 365
    assert page.backup_retention_spin.value() == 30


def test_building_settings_are_saved_through_the_core(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, BusinessPage(ctx))
    page.load()
    page.building_name_edit.setText("Gedung SMESCO")
    page.closing_time_edit.setTime(QTime(20, 30))
    page.retention_spin.setValue(180)
    page.backup_retention_spin.setValue(60)
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save()
    settings = ctx.core.settings
    assert settings.get("building_name") == "Gedung SMESCO"
    assert settings.get("closing_time") == "20:30"
    assert settings.get("visitor_retention_days") == 180
    assert settings.get("backup_retention_days") == 60


def test_a_refused_setting_is_shown_under_its_field(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, BusinessPage(ctx))
    page.load()
    page.building_name_edit.setText("   ")
    page.retention_spin.setValue(90)
    page.save()
    error = page.errors["building_name"]
    assert not error.isHidden() and error.text() == "Wajib diisi."
    assert ctx.core.settings.get("building_name") == "SMESCO Indonesia"
    assert ctx.core.settings.get("visitor_retention_days") == 90  # the valid one is kept


# --- purposes ---------------------------------------------------------------------


def test_purposes_table_lists_every_purpose(qtbot, qtmodeltester, ctx: AppContext) -> None:
    page = make(qtbot, PurposesPage(ctx))
    page.load()
    assert page.model.rowCount() == 7
    qtmodeltester.check(page.model)
    first = page.model.index(0, 0)
    assert first.data() == "business_lounge"
    assert first.data(ROW_VALUE_ROLE).label_id == "Business Lounge"


def test_a_new_purpose_is_added(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, PurposesPage(ctx))
    page.load()
    page.new_purpose()
    page.code_edit.setText("pameran")
    page.label_id_edit.setText("Pameran produk")
    page.label_en_edit.setText("Product fair")
    page.save_purpose_button.click()
    assert page.model.rowCount() == 8  # reloaded on data_changed
    assert page.code_edit.isReadOnly()
    codes = [p.code for p in ctx.core.visitors.purposes()]
    assert "pameran" in codes


def test_a_purpose_is_renamed_and_retired(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, PurposesPage(ctx))
    page.load()
    page.table.selectRow(3)  # meeting
    assert page.code_edit.text() == "meeting" and page.code_edit.isReadOnly()
    page.label_id_edit.setText("Rapat bisnis")
    page.active_check.setChecked(False)
    page.save_purpose_button.click()
    everything = {p.code: p for p in ctx.core.visitors.purposes(active_only=False)}
    assert everything["meeting"].label_id == "Rapat bisnis"
    assert not everything["meeting"].active
    assert "meeting" not in [p.code for p in ctx.core.visitors.purposes()]


def test_a_bad_purpose_shows_errors_at_the_fields(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, PurposesPage(ctx))
    page.load()
    page.new_purpose()
    page.code_edit.setText("X!")
    page.save_purpose_button.click()
    assert not page.errors["code"].isHidden()
    assert not page.errors["label_id"].isHidden()
    assert page.model.rowCount() == 7


# --- users ------------------------------------------------------------------------


def test_users_are_listed_and_added(qtbot, qtmodeltester, ctx: AppContext) -> None:
    page = make(qtbot, UsersPage(ctx))
    page.load()
    assert page.model.rowCount() == 1
    page.username_edit.setText("sari")
    page.full_name_edit.setText("Sari Wulandari")
    choose(page.role_combo, Role.RECEPTIONIST.value)
    page.password_edit.setText("rahasia-sari-1")
    page.add_button.click()
    assert page.model.rowCount() == 2
    qtmodeltester.check(page.model)
    assert "sari" in page.result_label.text() and page.username_edit.text() == ""
    actor = ctx.core.users.authenticate("sari", "rahasia-sari-1")
    assert actor.role == Role.RECEPTIONIST
    row = [page.model.index(r, 0).data() for r in range(2)].index("sari")
    assert page.model.index(row, 2).data() == "Resepsionis"


def test_user_errors_show_at_the_fields(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, UsersPage(ctx))
    page.load()
    page.username_edit.setText("admin")  # taken
    page.full_name_edit.setText("Orang Lain")
    page.password_edit.setText("rahasia-lain-1")
    page.add_button.click()
    assert "dipakai" in page.errors["username"].text()
    page.username_edit.setText("baru")
    page.password_edit.setText("pendek")
    page.add_button.click()
    assert page.errors["username"].isHidden()
    assert not page.errors["password"].isHidden()
    assert page.model.rowCount() == 1


# --- the panel, by role -------------------------------------------------------------


def tab_names(panel: SettingsPanel) -> list[str]:
    return list(panel.pages)


def test_an_administrator_sees_every_tab(qtbot, ctx: AppContext) -> None:
    panel = make(qtbot, SettingsPanel(ctx))
    assert tab_names(panel) == ["printers", "language", "business", "purposes", "prices",
                                "sale_rules", "charge_kinds", "spaces", "booking_policies",
                                "lease_policies", "late_fees", "utility_tariffs", "stalls",
                                "users", "sync", "watchlist"]
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == [
        "Printer", "Bahasa", "Gedung", "Tujuan kunjungan", "Harga", "Aturan harga penjualan",
        "Tagihan && pajak", "Ruang", "Kebijakan pemesanan", "Sewa stan", "Denda sewa",
        "Listrik && air", "Stan pujasera", "Pengguna", "Sinkronisasi", "Daftar pantauan"]


def test_every_section_shows_beside_the_navigation_at_1024(qtbot, qapp, ctx: AppContext) -> None:
    """An administrator's sections all in view in a 1024-pixel window (none behind
    scroll arrows): the row of sections wraps instead, and a click on one shows it."""
    from ui.app import load_style_sheet

    old = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    try:
        panel = make(qtbot, SettingsPanel(ctx))
        panel.resize(1024 - 190 - 48, 700)
        panel.show()
        qtbot.waitExposed(panel)
        buttons = panel.section_buttons.buttons()
        assert len(buttons) == panel.tabs.count() >= 8
        for button in buttons:
            corner = button.mapTo(panel, button.rect().bottomRight())
            assert button.isVisible() and corner.x() <= panel.width(), button.text()
            assert button.width() >= button.sizeHint().width(), button.text()
        buttons[-1].click()
        assert panel.tabs.currentIndex() == len(buttons) - 1
        assert buttons[-1].isChecked() and not buttons[0].isChecked()
        panel.show_tab("printers")
        assert buttons[0].isChecked()
    finally:
        qapp.setStyleSheet(old)


@pytest.mark.parametrize(("role", "tabs"), [
    (Role.RECEPTIONIST, ["printers", "language"]),
    (Role.TENANT_MANAGER, ["printers", "language"]),
    (Role.SUPERVISOR, ["printers", "language", "purposes", "prices", "charge_kinds",
                       "watchlist"]),
])
def test_other_roles_see_fewer_tabs(qtbot, ctx: AppContext, admin: Actor, role: Role,
                                    tabs: list[str]) -> None:
    ctx.actor = make_actor(ctx.core, admin, role, "orang")
    assert tab_names(make(qtbot, SettingsPanel(ctx))) == tabs


def test_the_save_button_saves_every_options_page(qtbot, ctx: AppContext) -> None:
    panel = make(qtbot, SettingsPanel(ctx))
    choose(panel.pages["language"].language_combo, "en")
    panel.pages["business"].building_name_edit.setText("Gedung SMESCO Jakarta")
    panel.save_button.click()
    assert ctx.settings.get(LANGUAGE) == "en"
    assert ctx.core.settings.get("building_name") == "Gedung SMESCO Jakarta"
    assert panel.status_label.text() == "Pengaturan tersimpan."


def test_the_save_button_hides_on_list_tabs(qtbot, ctx: AppContext) -> None:
    panel = make(qtbot, SettingsPanel(ctx))
    panel.show_tab("users")
    assert panel.save_button.isHidden()
    panel.show_tab("printers")
    assert not panel.save_button.isHidden()


def test_the_dialog_opens_on_the_asked_tab(qtbot, ctx: AppContext) -> None:
    dialog = make(qtbot, SettingsDialog(ctx, tab="language"))
    assert dialog.panel.tabs.currentWidget() is dialog.panel.pages["language"]


def test_a_user_who_never_logged_in_says_so(qtbot, ctx: AppContext, admin: Actor) -> None:
    ctx.core.users.create(admin, "rudi", "Rudi Hartono", "rahasia-rudi-1", Role.RECEPTIONIST.value)
    page = make(qtbot, UsersPage(ctx))
    page.load()
    row = [page.model.index(r, 0).data() for r in range(2)].index("rudi")
    assert page.model.index(row, 4).data() == "belum pernah"
    page.table.selectRow(row)
    assert page.box.title() == "Pengguna: rudi · Aktif · terakhir masuk belum pernah"


def test_choosing_a_user_offers_a_new_password(qtbot, ctx: AppContext, admin: Actor) -> None:
    ctx.core.users.create(admin, "rudi", "Rudi Hartono", "rahasia-rudi-1", Role.RECEPTIONIST.value)
    page = make(qtbot, UsersPage(ctx))
    page.show()
    page.load()
    row = [page.model.index(r, 0).data() for r in range(2)].index("rudi")
    page.table.selectRow(row)
    assert page.box.title().startswith("Pengguna: rudi · Aktif")
    assert page.username_edit.text() == "rudi" and page.username_edit.isReadOnly()
    assert not page.full_name_edit.isReadOnly()  # the full name and the role may change
    assert page.password_button.isVisible() and not page.add_button.isVisible()
    page.password_edit.setText("pendek")
    page.password_button.click()
    assert not page.errors["password"].isHidden()
    page.password_edit.setText("rahasia-baru-1")
    page.password_button.click()
    assert "rudi" in page.result_label.text() and page.password_edit.text() == ""
    # A temporary one: rudi chooses his own at the next login.
    with pytest.raises(PasswordChangeRequired):
        ctx.core.users.authenticate("rudi", "rahasia-baru-1")
    assert ctx.core.users.change_temporary_password(
        "rudi", "rahasia-baru-1", "milik-rudi-1").username == "rudi"
    page.new_button.click()
    assert page.add_button.isVisible() and not page.username_edit.isReadOnly()
    assert page.username_edit.text() == "" and page.box.title() == "Pengguna baru"


def test_the_purpose_active_box_is_not_cut(qtbot, ctx: AppContext) -> None:
    page = make(qtbot, PurposesPage(ctx))
    page.resize(1100, 560)
    page.show()
    qtbot.waitExposed(page)
    check = page.active_check
    assert check.width() >= check.sizeHint().width()


@pytest.mark.parametrize("name", ["purposes", "users", "watchlist"])
def test_list_pages_are_whole_at_1024(qtbot, qapp, ctx: AppContext, name: str) -> None:
    """Beside the list, the form's buttons were cut and its fields 100 px wide."""
    from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPushButton

    from ui.app import load_style_sheet

    old = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    try:
        panel = make(qtbot, SettingsPanel(ctx))
        panel.resize(1024 - 190 - 48, 600)
        panel.show()
        panel.show_tab(name)
        qtbot.waitExposed(panel)
        page = panel.pages[name]
        buttons = [b for b in page.findChildren(QPushButton) if b.isVisible()]
        # (a date's or a number's own line edit is as wide as its field needs)
        edits = [
            e
            for e in page.findChildren(QLineEdit)
            if e.isVisible() and not isinstance(e.parent(), QAbstractSpinBox)
        ]
        assert buttons and edits
        for button in buttons:
            assert button.width() >= button.sizeHint().width(), button.text()
        for edit in edits:
            assert edit.width() >= 250, edit.objectName()
    finally:
        qapp.setStyleSheet(old)
