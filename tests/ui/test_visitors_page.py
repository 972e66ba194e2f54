"""The Visitors page on real services over a temporary database (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.visitors import VisitFilter, VisitorForm, VisitRecord, VisitScope
from tests.ui.helpers_ui import FakePrinter, show_active
from ui.context import AppContext
from ui.models.visits_model import (
    COL_BADGE,
    COL_HOST,
    COL_IN,
    COL_NAME,
    COL_ORGANISATION,
    COL_OUT,
    COL_PURPOSE,
    VisitsTableModel,
)
from ui.pages.visitors.chip import same_person
from ui.pages.visitors.lists import HISTORY_TAB, IN_BUILDING_TAB
from ui.pages.visitors.page import VisitorsPage
from ui.pages.visitors.visit_table import VisitTable
from ui.settings import PRINT_BADGE_AFTER_REGISTER


@pytest.fixture
def page(qtbot, ctx: AppContext, printer: FakePrinter) -> VisitorsPage:
    ctx.settings.set(PRINT_BADGE_AFTER_REGISTER, True)
    return _show(qtbot, VisitorsPage(ctx, printer=printer))


def _show(qtbot, page: VisitorsPage) -> VisitorsPage:
    return show_active(qtbot, page, 1176, 700)


def _register(core: Core, actor: Actor, name: str, phone: str, **kw: str) -> VisitRecord:
    form = VisitorForm(name, phone, kw.pop("purpose", "meeting"), consent=True, **kw)
    return core.visitors.register(actor, form)


def _in_building(core: Core) -> int:
    return core.visitors.count_visits(VisitFilter(VisitScope.IN_BUILDING))


def _type(qtbot, text: str) -> None:
    """Type into whatever has the keyboard focus, as a person would."""
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


# --- registration ---------------------------------------------------------------


def test_bad_phone_is_shown_under_the_phone_field_and_nothing_is_saved(
    qtbot, page: VisitorsPage, core: Core
) -> None:
    form = page.form
    assert form is not None
    qtbot.keyClicks(form.name_edit, "Siti Nurhaliza")
    qtbot.keyClicks(form.phone_edit, "12-34")
    form.purpose_combo.setCurrentIndex(0)
    form.consent_check.setChecked(True)
    qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)

    error = form.errors["phone"]
    assert error.isVisible() and error.text()
    assert error.parentWidget() is form.phone_edit.parentWidget()  # the phone field's cell
    assert error.y() > form.phone_edit.y()
    assert form.phone_edit.property("invalid") is True
    assert QApplication.focusWidget() is form.phone_edit
    assert not form.errors["name"].isVisible()
    assert core.visitors.count_visits(VisitFilter(VisitScope.HISTORY)) == 0

    qtbot.keyClicks(form.phone_edit, "5")  # editing the field takes the mark away
    assert not error.isVisible() and not form.phone_edit.property("invalid")


def test_full_registration_by_keyboard(
    qtbot, page: VisitorsPage, core: Core, printer: FakePrinter
) -> None:
    form = page.form
    assert form is not None
    assert QApplication.focusWidget() is form.name_edit  # where a desk starts
    with qtbot.waitSignal(page.visitor_checked_in) as registered:
        _type(qtbot, "Larasati Kusumawardhani")
        _key(qtbot, Qt.Key.Key_Tab)
        _type(qtbot, "0813 1122 3344")
        _key(qtbot, Qt.Key.Key_Tab)  # NIK: optional
        _key(qtbot, Qt.Key.Key_Tab)
        _type(qtbot, "Batik Larasati Pekalongan")
        _key(qtbot, Qt.Key.Key_Tab)
        _type(qtbot, "Rapat")  # the purpose list finds it by its label
        _key(qtbot, Qt.Key.Key_Tab)
        _type(qtbot, "Bu Ratna (Pemasaran)")
        _key(qtbot, Qt.Key.Key_Tab)
        _key(qtbot, Qt.Key.Key_Space)  # consent
        _key(qtbot, Qt.Key.Key_Return)

    visit = registered.args[0]
    assert (visit.name, visit.purpose_code, visit.host) == (
        "Larasati Kusumawardhani",
        "meeting",
        "Bu Ratna (Pemasaran)",
    )
    assert _in_building(core) == 1
    assert page.lists.in_building_model.total() == 1
    assert page.lists.tabs.tabText(IN_BUILDING_TAB) == "Di gedung sekarang (1)"
    assert page.lists.in_building_model.record(0).id == visit.id
    assert visit.badge_number in form.banner.text()
    assert form.banner.kind() == "success"
    assert printer.jobs == [("badge", f"Kartu tamu {visit.badge_number}")]
    assert form.name_edit.text() == "" and not form.consent_check.isChecked()
    assert QApplication.focusWidget() is form.name_edit  # ready for the next visitor


def test_a_failed_badge_print_keeps_the_visit_and_offers_a_reprint(
    qtbot, page: VisitorsPage, core: Core, printer: FakePrinter
) -> None:
    form = page.form
    assert form is not None
    printer.fail_with = "Printer “Badge” tidak ditemukan."
    form.name_edit.setText("Budi Santoso")
    form.phone_edit.setText("081298765402")
    form.purpose_combo.setCurrentIndex(0)
    form.consent_check.setChecked(True)
    form.submit()

    assert _in_building(core) == 1
    assert form.banner.kind() == "error"
    assert "tidak ditemukan" in form.banner.text()
    assert form.banner.action_button.isVisible()
    printer.fail_with = ""
    qtbot.mouseClick(form.banner.action_button, Qt.MouseButton.LeftButton)
    assert len(printer.jobs) == 1 and form.banner.kind() == "success"
    assert _in_building(core) == 1


# --- returning visitors ---------------------------------------------------------


def test_returning_visitor_is_suggested_by_phone_digits_and_fills_the_form(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    first = _register(
        core,
        admin,
        "Siti Nurhaliza",
        "081234567801",
        organisation="UMKM Batik Sekar Jagad",
        host="Bu Ratna",
        nik="3174054107900001",
    )
    form = page.form
    assert form is not None
    form.phone_edit.setFocus()
    _type(qtbot, "081234")
    qtbot.waitUntil(form.suggestions.is_open)
    assert form.suggestions.model.rowCount() == 1
    assert "Siti Nurhaliza" in form.suggestions.model.index(0, 0).data()

    _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Return)

    assert not form.suggestions.is_open()
    assert form.name_edit.text() == "Siti Nurhaliza"
    assert form.organisation_edit.text() == "UMKM Batik Sekar Jagad"
    assert form.host_edit.text() == "Bu Ratna"
    assert form.purpose_combo.currentData() == "meeting"
    assert form.nik_edit.text() == "" and form.nik_edit.placeholderText() == "************0001"
    assert form.chip.isVisible()
    assert form.form_value().visitor_id == first.visitor_id
    form.consent_check.setChecked(True)
    with qtbot.waitSignal(page.visitor_checked_in) as registered:
        form.submit()
    assert registered.args[0].visitor_id == first.visitor_id


def test_enter_without_choosing_a_suggestion_registers_and_closes_the_list(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    _register(core, admin, "Siti Nurhaliza", "081234567801")
    form = page.form
    form.name_edit.setFocus()
    _type(qtbot, "Siti")
    qtbot.waitUntil(form.suggestions.is_open)
    _key(qtbot, Qt.Key.Key_Return)  # no row highlighted: this is "register"
    assert not form.suggestions.is_open()
    assert form.errors["phone"].isVisible()  # the form was submitted (and refused)
    assert form.linked_visitor() is None


def test_renaming_to_someone_else_breaks_the_link_to_the_returning_visitor(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    first = _register(core, admin, "Siti Nurhaliza", "081234567801")
    form = page.form
    assert form is not None
    form.fill_from(core.visitors.visitor_details(admin, first.visitor_id))
    form.name_edit.setFocus()
    form.name_edit.end(False)
    _type(qtbot, "h")  # a correction keeps the link
    assert form.linked_visitor() is not None
    form.name_edit.selectAll()
    _type(qtbot, "Budi")
    assert form.linked_visitor() is None and not form.chip.isVisible()


def test_an_answer_to_older_text_is_dropped(page: VisitorsPage, core: Core, admin: Actor) -> None:
    _register(core, admin, "Siti Nurhaliza", "081234567801")
    suggestions = page.form.suggestions
    old = core.visitors.suggest(admin, "Siti")
    page.form.name_edit.setFocus()
    # Each edit moves the token on; an answer carrying the previous one is stale.
    suggestions._on_text_edited("Si")
    suggestions._show(suggestions._token - 1, old)
    assert not suggestions.is_open()


@pytest.mark.parametrize(
    ("typed", "linked", "same"),
    [
        ("Siti Nurhaliza", "Siti Nurhaliza", True),
        ("Siti Nurhalizah", "Siti Nurhaliza", True),  # a typo fixed
        ("Siti", "Siti Nurhaliza", True),  # the last name dropped
        ("siti  nurhaliza", "Siti Nurhaliza", True),
        ("Siti Aminah", "Siti Nurhaliza", False),
        ("Budi", "Siti Nurhaliza", False),
        ("", "Siti Nurhaliza", False),
    ],
)
def test_same_person(typed: str, linked: str, same: bool) -> None:
    assert same_person(typed, linked) is same


# --- check-out ------------------------------------------------------------------


def test_scanning_a_badge_checks_the_visitor_out(
    qtbot, ctx: AppContext, core: Core, admin: Actor, printer: FakePrinter
) -> None:
    visit = _register(core, admin, "Siti Nurhaliza", "081234567801")
    _register(core, admin, "Budi Santoso", "081298765402")
    page = _show(qtbot, VisitorsPage(ctx, printer=printer))
    assert page.in_building_count() == 2
    qtbot.keyClick(page.form.name_edit, Qt.Key.Key_F2)
    bar = page.checkout_bar
    assert QApplication.focusWidget() is bar.scan_edit

    with qtbot.waitSignal(page.visitor_checked_out) as checked_out:
        _type(qtbot, visit.id)  # what the QR code holds
        _key(qtbot, Qt.Key.Key_Return)

    assert checked_out.args[0].id == visit.id
    # The name set apart (FSI ... PDI): its own direction, not the sentence's.
    assert bar.message().startswith(
        f"\u2068Siti Nurhaliza\u2069 keluar · {visit.badge_number} · "
    )
    assert bar.message_label.property("kind") == "success"
    assert bar.scan_edit.text() == "" and QApplication.focusWidget() is bar.scan_edit
    assert _in_building(core) == 1
    assert page.in_building_count() == 1
    assert page.lists.tabs.tabText(IN_BUILDING_TAB) == "Di gedung sekarang (1)"


def test_an_unknown_badge_is_reported_at_the_scan_field(qtbot, page: VisitorsPage) -> None:
    bar = page.checkout_bar
    page.focus_scan()
    _type(qtbot, "D01-000000-999")
    _key(qtbot, Qt.Key.Key_Return)
    assert "tidak dikenal" in bar.message()
    assert bar.message_label.property("kind") == "error"
    assert bar.scan_edit.property("invalid") is True
    assert bar.scan_edit.selectedText() == "D01-000000-999"  # to correct, or scan over it


def test_a_second_scan_says_the_visitor_already_left(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    visit = _register(core, admin, "Siti Nurhaliza", "081234567801")
    bar = page.checkout_bar
    bar.check_out(visit.badge_number)
    bar.check_out(visit.badge_number)
    assert "sudah keluar" in bar.message()


def test_a_badge_scanned_into_the_name_field_checks_out(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    visit = _register(core, admin, "Siti Nurhaliza", "081234567801")
    page.lists.in_building_model.refresh()
    page.focus_name()
    _type(qtbot, visit.id)
    _key(qtbot, Qt.Key.Key_Return)
    assert _in_building(core) == 0
    assert page.form.name_edit.text() == ""
    assert "keluar" in page.checkout_bar.message()


def test_a_badge_scanned_into_the_phone_field_checks_out_and_leaves_the_form_alone(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    visit = _register(core, admin, "Nurul Kurniawan", "081234567801")
    page.lists.in_building_model.refresh()
    form = page.form
    form.name_edit.setFocus()
    _type(qtbot, "Ratna")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.phone_edit
    assert len(visit.id) > form.phone_edit.property("max_text")  # the field alone would cut it
    with qtbot.waitSignal(page.visitor_checked_out) as checked_out:
        _type(qtbot, visit.id)
        _key(qtbot, Qt.Key.Key_Return)
    assert checked_out.args[0].id == visit.id
    assert _in_building(core) == 0
    assert "Nurul Kurniawan\u2069 keluar" in page.checkout_bar.message()
    assert form.phone_edit.text() == "" and form.errors["phone"].isHidden()
    assert form.errors["purpose"].isHidden()  # the form was not submitted
    assert form.name_edit.text() == "Ratna"
    assert QApplication.focusWidget() is form.phone_edit  # carry on with Ratna


def test_a_badge_scanned_into_a_blank_form_moves_to_the_scan_field(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    visit = _register(core, admin, "Nurul Kurniawan", "081234567801")
    page.form.organisation_edit.setFocus()
    _type(qtbot, visit.id)
    _key(qtbot, Qt.Key.Key_Return)
    assert _in_building(core) == 0
    assert page.form.organisation_edit.text() == ""
    assert QApplication.focusWidget() is page.checkout_bar.scan_edit


def test_an_id_typed_slowly_into_the_phone_field_is_not_taken_for_a_scan(
    qtbot, page: VisitorsPage, core: Core, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.pages.visitors import scan

    visit = _register(core, admin, "Nurul Kurniawan", "081234567801")
    clock = iter(range(0, 10_000))  # a key every second
    monkeypatch.setattr(scan.time, "monotonic", lambda: float(next(clock)))
    page.form.phone_edit.setFocus()
    _type(qtbot, visit.id)
    _key(qtbot, Qt.Key.Key_Return)
    assert _in_building(core) == 1
    assert not page.form.errors["phone"].isHidden()  # a (bad) phone number after all


def test_a_returning_visitor_with_a_long_name_never_widens_the_form(
    qtbot, ctx: AppContext, core: Core, admin: Actor, printer: FakePrinter
) -> None:
    first = _register(
        core,
        admin,
        "Raden Ajeng Siti Nurhaliza Kusumawardhani Prawirodirdjo",
        "081234567801",
        organisation="Koperasi Produsen Tenun Ikat Sumba Timur",
    )
    page = _show(qtbot, VisitorsPage(ctx, printer=printer))
    page.resize(834, 700)  # a 1024 px screen less the navigation
    form = page.form
    form.fill_from(core.visitors.visitor_details(admin, first.visitor_id))
    qtbot.waitUntil(form.chip.isVisible)
    viewport = page.findChild(QScrollArea, "registration_scroll").viewport()
    qtbot.wait(50)  # the scroll area sizes the form on a later pass
    assert form.width() <= viewport.width()
    button = form.findChild(QWidget, "unlink_button")
    right = button.mapTo(viewport, button.rect().topRight()).x()
    assert button.isVisible() and right < viewport.width()
    assert (
        form.clear_button.mapTo(viewport, form.clear_button.rect().topRight()).x()
        < viewport.width()
    )
    assert form.chip.text().startswith("Tamu lama: \u2068Raden Ajeng Siti Nurhaliza")


def test_the_registration_banner_leaves_the_fields_where_they_are(
    qtbot, page: VisitorsPage, printer: FakePrinter
) -> None:
    form = page.form
    top = form.name_edit.mapTo(form, form.name_edit.rect().topLeft())
    form.name_edit.setText("Andi Pratama")
    form.phone_edit.setText("081298765402")
    form.purpose_combo.setCurrentIndex(0)
    form.consent_check.setChecked(True)
    form.submit()
    assert form.banner.isVisible()
    assert "Badge dicetak ke Fake-badge." in form.banner.text()
    assert form.name_edit.mapTo(form, form.name_edit.rect().topLeft()) == top
    assert form.banner.y() > form.register_button.y()


# --- lists ----------------------------------------------------------------------


def test_history_search_runs_in_the_service(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    _register(core, admin, "Siti Nurhaliza", "081234567801", organisation="Batik Sekar")
    other = _register(core, admin, "Budi Santoso", "081298765402", organisation="Kopi Gayo")
    page.lists.tabs.setCurrentIndex(HISTORY_TAB)  # history loads when first shown
    assert page.lists.history_model.rowCount() == 2
    page.lists.search_edit.setText("gayo")
    qtbot.waitUntil(lambda: page.lists.history_model.filter().text == "gayo")
    assert page.lists.history_model.rowCount() == 1
    page.lists.search_edit.setText(other.badge_number)
    qtbot.waitUntil(lambda: page.lists.history_model.filter().text == other.badge_number)
    assert page.lists.history_model.record(0).id == other.id


def test_a_search_that_finds_nothing_says_so(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    _register(core, admin, "Siti Nurhaliza", "081234567801")
    _register(core, admin, "Budi Santoso", "081298765402")
    lists = page.lists
    lists.tabs.setCurrentIndex(HISTORY_TAB)
    assert lists.history_count_label.text() == "2 kunjungan"
    lists.search_edit.setText("3174")
    qtbot.waitUntil(lambda: lists.history_model.filter().text == "3174")
    assert lists.history_model.rowCount() == 0
    assert lists.history_count_label.text() == "0 kunjungan"
    assert lists.history_table.empty_message().startswith("Tidak ada kunjungan yang cocok")
    lists.search_edit.clear()
    qtbot.waitUntil(lambda: lists.history_model.filter().text == "")
    assert lists.history_count_label.text() == "2 kunjungan"
    assert lists.history_table.empty_message() == ""


def _table(qtbot, ctx: AppContext, width: int) -> VisitTable:
    model = VisitsTableModel(ctx, VisitFilter(VisitScope.IN_BUILDING))
    table = VisitTable(model, "in_building_table", hidden=(COL_OUT,), settings=ctx.settings)
    qtbot.addWidget(table)
    table.resize(width, 300)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_narrow_lists_drop_the_least_needed_columns_not_the_names(qtbot, ctx: AppContext) -> None:
    wide = _table(qtbot, ctx, 760)
    assert wide.shown_columns() == [
        COL_BADGE,
        COL_NAME,
        COL_ORGANISATION,
        COL_PURPOSE,
        COL_HOST,
        COL_IN,
    ]
    narrow = _table(qtbot, ctx, 440)  # the lists on a 1024 px screen
    assert narrow.isColumnHidden(COL_PURPOSE) and not narrow.isColumnHidden(COL_NAME)
    assert narrow.horizontalHeader().length() <= narrow.viewport().width()  # no side-scroll
    narrow.show_column(COL_PURPOSE, True)  # asked for: kept, even if it must scroll
    assert not narrow.isColumnHidden(COL_PURPOSE)


def test_column_widths_are_remembered(qtbot, ctx: AppContext) -> None:
    table = _table(qtbot, ctx, 760)
    header = table.horizontalHeader()
    header.resizeSection(COL_BADGE, 170)  # as a drag does
    header.resizeSection(COL_ORGANISATION, header.sectionSize(COL_ORGANISATION) + 80)
    table.save_columns()
    table.show_column(COL_OUT, True)
    again = _table(qtbot, ctx, 760)
    assert again.horizontalHeader().sectionSize(COL_BADGE) == 170
    assert not again.isColumnHidden(COL_OUT)
    organisation, name = (
        again.horizontalHeader().sectionSize(c) for c in (COL_ORGANISATION, COL_NAME)
    )
    assert organisation > name + 60  # the proportions the person chose
    assert again.horizontalHeader().length() <= again.viewport().width()


def test_muster_list_goes_to_the_office_printer(
    page: VisitorsPage, printer: FakePrinter, core: Core, admin: Actor
) -> None:
    _register(core, admin, "Siti Nurhaliza", "081234567801")
    page.lists.print_muster()
    page.lists.preview_muster()
    assert [kind for kind, _title in printer.jobs] == ["office", "preview:office"]


def test_check_out_from_the_list_asks_first(
    qtbot, page: VisitorsPage, core: Core, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    visit = _register(core, admin, "Siti Nurhaliza", "081234567801")
    page.lists.in_building_model.refresh()
    page.lists.in_building_table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.visitor_checked_out):
        qtbot.mouseClick(page.lists.checkout_button, Qt.MouseButton.LeftButton)
    assert core.visitors.get_visit(visit.id).checked_out_at is not None
    assert page.in_building_count() == 0


# --- roles ----------------------------------------------------------------------


def test_a_tenant_manager_sees_the_lists_only(
    qtbot, ctx: AppContext, core: Core, admin: Actor, printer: FakePrinter
) -> None:
    core.users.create(admin, "dewi", "Dewi Kartikasari", "rahasia-dewi-1", Role.TENANT_MANAGER)
    ctx.actor = core.users.authenticate("dewi", "rahasia-dewi-1")
    page = _show(qtbot, VisitorsPage(ctx, printer=printer))
    assert page.form is None and page.checkout_bar is None
    assert not page.lists.checkout_button.isVisible()
    assert not page.lists.reprint_button.isVisible()
    assert page.lists.muster_button.isVisible()


def test_tab_leaves_the_name_field_and_closes_the_suggestions(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    _register(core, admin, "Budi Santoso", "081234567802")
    form = page.form
    assert form is not None
    form.name_edit.setFocus()
    _type(qtbot, "Budi")
    qtbot.waitUntil(form.suggestions.is_open)
    _key(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not form.suggestions.is_open())
    assert not form.name_edit.hasFocus()
    # A late answer for the old text must not reopen the list on another field.
    qtbot.wait(400)
    assert not form.suggestions.is_open()


def test_registering_someone_already_inside_says_the_old_badge_is_void(
    qtbot, page: VisitorsPage, core: Core, admin: Actor
) -> None:
    old = _register(core, admin, "Budi Santoso", "081234567803")
    form = page.form
    assert form is not None
    form.name_edit.setText("Budi Santoso")
    form.phone_edit.setText("081234567803")
    form.purpose_combo.setCurrentIndex(form.purpose_combo.findData("meeting"))
    form.consent_check.setChecked(True)
    with qtbot.waitSignal(page.visitor_checked_in) as registered:
        form.submit()
    assert registered.args[0].replaced_badges == (old.badge_number,)
    qtbot.waitUntil(lambda: old.badge_number in form.banner.label.text(), timeout=3000)
    assert _in_building(core) == 1


def test_a_time_on_another_day_is_not_cut(qtbot, ctx: AppContext) -> None:
    """Someone inside since yesterday: the in-building list shows the date with the
    time, and the column is as wide as that text (it was cut to "06-12-2…")."""
    from datetime import timedelta

    real_clock = ctx.core.clock
    ctx.core.clock = lambda: real_clock() - timedelta(days=1)
    try:
        _register(ctx.core, ctx.require_actor(), "Siti Rahayu", "081234567890")
    finally:
        ctx.core.clock = real_clock
    table = _table(qtbot, ctx, 900)
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    text = str(model.index(0, COL_IN).data())
    assert len(text) > len("00:00")  # the date is shown
    needed = table.fontMetrics().horizontalAdvance(text)
    qtbot.waitUntil(lambda: table.columnWidth(COL_IN) >= needed + 8)
