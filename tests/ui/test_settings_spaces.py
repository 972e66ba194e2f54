"""Settings › Ruang: the administrator's space catalogue, on real services."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QScrollArea, QWidget

from smesco_desk.clock import WIB, to_wib
from smesco_desk.demo_bookings import SPACES
from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.bookings import BookingForm, SpaceForm
from smesco_desk.values.payments import PayerForm
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.pages.settings.panel import SettingsPanel
from ui.pages.settings.spaces import SpacesPage, TimeEdit

# The room the settings panel has in a 1024x768 window beside the navigation
# (tests/ui/test_settings_dialog.py measures the tab bar against the same).
PANEL_WIDTH_AT_1024 = 1024 - 190 - 48
PANEL_HEIGHT_AT_768 = 768 - 30 - 30 - 70  # menu bar, status bar, the page's title
TIME_FRAME = 4 + 1  # a time edit's padding and border on each side


def make(qtbot, widget):
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def demo_spaces(ctx: AppContext, admin: Actor) -> AppContext:
    """The demo building's seven spaces, saved by the administrator."""
    for form in SPACES:
        ctx.core.bookings.save_space(admin, form)
    return ctx


def row_of(page: SpacesPage, code: str) -> int:
    codes = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    return codes.index(code)


def cells(page: SpacesPage, code: str) -> list[str]:
    row = row_of(page, code)
    return [page.model.index(row, c).data() for c in range(page.model.columnCount())]


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def set_day(page: SpacesPage, day: str, span: tuple[str, str] | None) -> None:
    grid = page.hours_grid
    grid.open_checks[day].setChecked(span is not None)
    if span is not None:
        grid.opens_edits[day].setText(span[0])
        grid.closes_edits[day].setText(span[1])


def fill_new_space(page: SpacesPage) -> None:
    page.new_space()
    page.code_edit.setText("kelas_3")
    page.name_edit.setText("Ruang Kelas Pelatihan 3")
    choose(page.kind_combo, "classroom")
    page.floor_edit.setText("3")
    page.capacity_spin.setValue(16)
    choose(page.charge_kind_combo, "room")
    page.rate_hour_edit.set_value(300_000)
    page.rate_half_day_edit.set_value(1_000_000)
    page.setup_spin.setValue(15)
    page.cleanup_spin.setValue(30)
    page.discount_spin.setValue(12.5)
    page.description_edit.setText("Kursi lipat, TV 55 inci")
    set_day(page, "sat", ("09:00", "15:00"))
    set_day(page, "sun", None)


def test_the_list_shows_the_demo_spaces(qtbot, qtmodeltester, demo_spaces: AppContext) -> None:
    page = make(qtbot, SpacesPage(demo_spaces))
    page.load()
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == len(SPACES)
    assert cells(page, "rapat_melati") == [
        "rapat_melati", "Ruang Rapat Melati", "Ruang rapat", "8",
        "250.000 / 850.000 / 1.500.000", "Ya"]
    assert cells(page, "aula")[2:5] == ["Aula acara", "250", "— / 7.500.000 / 13.500.000"]
    assert cells(page, "bengkel")[2] == "Bengkel"
    rates = page.model.index(row_of(page, "aula"), 4)
    assert rates.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    kinds = [page.charge_kind_combo.itemData(i) for i in range(page.charge_kind_combo.count())]
    assert "room" in kinds and "service" in kinds


def test_a_chosen_space_fills_the_form(qtbot, demo_spaces: AppContext) -> None:
    page = make(qtbot, SpacesPage(demo_spaces))
    page.load()
    page.table.selectRow(row_of(page, "bengkel"))
    assert page.code_edit.text() == "bengkel" and page.code_edit.isReadOnly()
    assert page.kind_combo.currentData() == "workshop"
    assert page.kind_combo.currentText() == "Bengkel"
    assert page.charge_kind_combo.currentData() == "service"
    assert (page.capacity_spin.value(), page.setup_spin.value(), page.cleanup_spin.value()) == (
        10, 0, 30)
    assert page.rate_hour_edit.text() == "Rp150.000"
    assert page.rate_half_day_edit.text() == "" and page.rate_day_edit.text() == ""
    assert page.discount_spin.value() == 50
    grid = page.hours_grid
    assert grid.open_checks["sat"].isChecked() and grid.closes_edits["sat"].text() == "14:00"
    assert not grid.open_checks["sun"].isChecked()
    assert not grid.opens_edits["sun"].isEnabled()
    assert grid.hours() == {**{d: ["08:00", "17:00"] for d in ("mon", "tue", "wed", "thu",
                                                                "fri")},
                            "sat": ["08:00", "14:00"]}


def test_saving_a_new_space_adds_a_row(qtbot, demo_spaces: AppContext) -> None:
    page = make(qtbot, SpacesPage(demo_spaces))
    page.load()
    fill_new_space(page)
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save_space_button.click()
    assert page.model.rowCount() == len(SPACES) + 1  # reloaded on data_changed
    assert page.code_edit.isReadOnly()
    assert page.table.currentIndex().row() == row_of(page, "kelas_3")
    saved = {s.code: s for s in demo_spaces.core.bookings.spaces()}["kelas_3"]
    assert (saved.name, saved.kind, saved.floor, saved.capacity) == (
        "Ruang Kelas Pelatihan 3", "classroom", "3", 16)
    assert (saved.rate_hour, saved.rate_half_day, saved.rate_day) == (300_000, 1_000_000, 0)
    assert (saved.setup_minutes, saved.cleanup_minutes, saved.umkm_discount_bp) == (15, 30, 1250)
    assert (saved.kind_code, saved.description, saved.active) == (
        "room", "Kursi lipat, TV 55 inci", True)
    weekdays = {d: ["08:00", "21:00"] for d in ("mon", "tue", "wed", "thu", "fri")}
    assert dict(saved.opening_hours) == {**weekdays, "sat": ["09:00", "15:00"]}
    assert cells(page, "kelas_3")[2:5] == ["Ruang kelas", "16", "300.000 / 1.000.000 / —"]


def test_a_space_is_changed_and_retired(qtbot, demo_spaces: AppContext) -> None:
    page = make(qtbot, SpacesPage(demo_spaces))
    page.load()
    page.table.selectRow(row_of(page, "rapat_melati"))
    page.capacity_spin.setValue(10)
    set_day(page, "sat", None)
    page.active_check.setChecked(False)
    page.save_space_button.click()
    spaces = {s.code: s for s in demo_spaces.core.bookings.spaces(active_only=False)}
    melati = spaces["rapat_melati"]
    assert melati.capacity == 10 and "sat" not in melati.opening_hours and not melati.active
    assert "rapat_melati" not in [s.code for s in demo_spaces.core.bookings.spaces()]
    assert cells(page, "rapat_melati")[3:] == ["10", "250.000 / 850.000 / 1.500.000", "Tidak"]


@pytest.mark.parametrize(("day", "span", "message"), [
    ("mon", ("17:00", "08:00"), "sesudah jam buka"),
    ("wed", ("25:00", "26:00"), "JJ:MM"),
    ("sun", ("", ""), "JJ:MM"),
])
def test_a_refusal_shows_at_its_field_and_writes_nothing(
    qtbot, demo_spaces: AppContext, day: str, span: tuple[str, str], message: str
) -> None:
    page = make(qtbot, SpacesPage(demo_spaces))
    page.load()
    fill_new_space(page)
    page.name_edit.setText("   ")
    set_day(page, day, span)
    with qtbot.assertNotEmitted(page.saved):
        page.save_space_button.click()
    error = page.errors[f"opening_hours.{day}"]
    assert not error.isHidden() and message in error.text()
    assert not page.errors["name"].isHidden()
    assert page.errors["capacity"].isHidden() and page.errors[""].isHidden()
    assert page.model.rowCount() == len(SPACES)
    assert "kelas_3" not in [s.code for s in demo_spaces.core.bookings.spaces(False)]
    set_day(page, day, ("08:00", "17:00"))
    page.name_edit.setText("Ruang Kelas Pelatihan 3")
    page.save_space_button.click()
    assert error.isHidden() and page.model.rowCount() == len(SPACES) + 1


def test_a_space_saved_elsewhere_shows_up(qtbot, demo_spaces: AppContext, admin: Actor) -> None:
    """A save by another page or a sync pull announces `spaces`: the list reloads."""
    page = make(qtbot, SpacesPage(demo_spaces))
    page.load()
    demo_spaces.core.bookings.save_space(admin, SpaceForm(
        "lounge_1", "Lounge Tamu", "lounge", 6, {"mon": ["08:00", "17:00"]}))
    demo_spaces.runner.data_changed.emit(frozenset({"spaces"}))
    assert cells(page, "lounge_1")[:3] == ["lounge_1", "Lounge Tamu", "Lounge"]


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.TENANT_MANAGER, Role.SUPERVISOR])
def test_only_an_administrator_sees_the_page(
    qtbot, ctx: AppContext, admin: Actor, role: Role
) -> None:
    assert "spaces" in make(qtbot, SettingsPanel(ctx)).pages
    ctx.actor = make_actor(ctx.core, admin, role, "orang")
    assert "spaces" not in make(qtbot, SettingsPanel(ctx)).pages


def test_the_form_fits_the_settings_panel_at_1024x768(
    qtbot, qapp, demo_spaces: AppContext
) -> None:
    """Every field at least its minimum size when the panel has the room of a
    1024x768 window, the form whole, the list three spaces tall, names whole (the
    screenshot of the real window is looked at by hand)."""
    from ui.app import load_style_sheet

    old = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet())
    try:
        panel = make(qtbot, SettingsPanel(demo_spaces))
        panel.show_tab("spaces")
        panel.resize(PANEL_WIDTH_AT_1024, PANEL_HEIGHT_AT_768)
        panel.show()
        qtbot.waitExposed(panel)
        page = panel.pages["spaces"]
        page.table.selectRow(row_of(page, "aula"))
        assert panel.minimumSizeHint().width() <= PANEL_WIDTH_AT_1024
        assert panel.minimumSizeHint().height() <= PANEL_HEIGHT_AT_768
        fields: list[QWidget] = [
            *page.findChildren(QLineEdit), *page.findChildren(QAbstractSpinBox),
            *page.findChildren(QComboBox)]
        for field in fields:
            if not field.isVisible() or field.parent() is page.table:
                continue
            hint = field.minimumSizeHint()
            if isinstance(field, TimeEdit):  # narrower than a line edit's hint: "00:00" fits
                room = field.width() - 2 * TIME_FRAME
                assert room >= field.fontMetrics().horizontalAdvance("24:00"), field.objectName()
            else:
                assert field.width() >= hint.width(), field.objectName()
            assert field.height() >= hint.height(), field.objectName()
            form = page.findChild(QScrollArea, "space_form_scroll").widget()
            assert form.rect().contains(field.mapTo(form, field.rect().bottomRight()))
        # the form is whole, no scrolling (the list scrolls instead: three spaces at
        # least), the names whole
        scroll = page.findChild(QScrollArea, "space_form_scroll")
        assert not scroll.verticalScrollBar().isVisible()
        table = page.table
        assert table.viewport().height() >= 3 * table.verticalHeader().defaultSectionSize()
        for row in range(page.model.rowCount()):
            name = page.model.index(row, 1).data()
            assert table.columnWidth(1) >= table.fontMetrics().horizontalAdvance(name), name
    finally:
        qapp.setStyleSheet(old)


def test_a_change_that_leaves_bookings_out_asks_first(
    qtbot, demo_spaces: AppContext, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    core = demo_spaces.core
    day = to_wib(core.now()).date() + timedelta(days=30)
    while day.weekday() != 1:  # a Tuesday: every demo room is open
        day += timedelta(days=1)
    starts = datetime.combine(day, time(10), tzinfo=WIB)
    booked = core.bookings.book(admin, BookingForm(
        "rapat_melati", "Kurasi produk", starts, starts + timedelta(hours=2),
        PayerForm("organisation", "Koperasi Maju"), attendees=8))
    asked: list[list[str]] = []
    answer = [False]

    def confirm(misfits) -> bool:
        asked.append([f"{m.booking.id}: {m.reason}" for m in misfits])
        return answer[0]

    page = make(qtbot, SpacesPage(demo_spaces))
    monkeypatch.setattr(page, "confirm_misfits", confirm)
    page.load()
    page.table.selectRow(row_of(page, "rapat_melati"))
    page.capacity_spin.setValue(5)
    page.save_space_button.click()
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked[0] == [f"{booked.id}: 8 peserta, kapasitas 5"]
    assert {s.code: s for s in core.bookings.spaces()}["rapat_melati"].capacity == 8  # kept
    answer[0] = True
    page.save_space_button.click()
    qtbot.waitUntil(lambda: {s.code: s for s in core.bookings.spaces()}["rapat_melati"]
                    .capacity == 5)
    assert core.bookings.booking(booked.id).status == "confirmed"  # the booking stays
    page.capacity_spin.setValue(12)  # room for all again: saved without a word
    page.save_space_button.click()
    qtbot.waitUntil(lambda: {s.code: s for s in core.bookings.spaces()}["rapat_melati"]
                    .capacity == 12)
    assert len(asked) == 2


def test_opening_hours_are_typed_as_people_type_times(qtbot, demo_spaces: AppContext) -> None:
    page = make(qtbot, SpacesPage(demo_spaces))
    page.load()
    grid = page.hours_grid
    grid.opens_edits["mon"].setFocus()
    grid.opens_edits["mon"].selectAll()
    qtbot.keyClicks(grid.opens_edits["mon"], "730")  # 07:30
    qtbot.keyClick(grid.opens_edits["mon"], Qt.Key.Key_Return)
    assert grid.opens_edits["mon"].text() == "07:30"
    grid.closes_edits["mon"].setText("2400")  # not left yet: still read as a time
    assert grid.hours()["mon"] == ["07:30", "24:00"]
