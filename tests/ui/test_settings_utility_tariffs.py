"""Settings: the food court's utility tariffs an administrator sets (kept by the core)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit

from smesco_desk.services.actors import Actor, Role
from tests.ui.helpers_ui import app_style, make_actor
from tests.ui.test_settings_spaces import PANEL_HEIGHT_AT_768, PANEL_WIDTH_AT_1024
from ui.context import AppContext
from ui.pages.settings.panel import SettingsPanel
from ui.pages.settings.tariff_blocks import BlockTariffEditor
from ui.pages.settings.utility_tariffs import UtilityTariffsPage


def make_page(qtbot: Any, ctx: AppContext) -> UtilityTariffsPage:
    page = UtilityTariffsPage(ctx)
    qtbot.addWidget(page)
    page.load()
    return page


def typed(blocks: BlockTariffEditor, rows: list[tuple[str, str]]) -> None:
    """Type the blocks as a person would: (up to, price) per row, the last row's
    limit left out (it has none)."""
    while len(blocks.rows) < len(rows):
        blocks.add_button.click()
    while len(blocks.rows) > len(rows):
        blocks.rows[0].remove.click()
    for row, (up_to, rate) in zip(blocks.rows, rows, strict=True):
        if row.up_to.isVisibleTo(blocks):
            row.up_to.setText(up_to)
        row.rate.setText("")
        row.rate.insert(rate)


def test_the_tariffs_load_and_are_saved_through_the_core(qtbot: Any, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(page.loaded))
    power = page.power_blocks
    assert [(r.up_to.text(), r.rate.text()) for r in power.rows] == [
        ("100", "Rp1.444"), ("", "Rp1.699")]  # fmt: skip
    assert power.rows[1].rest.text() == "selebihnya" and not power.rows[1].up_to.isVisibleTo(power)
    assert (page.service_edit.value(), page.due_spin.value()) == (25_000, 10)
    assert page.service_edit.text() == "Rp25.000"
    typed(power, [("50", "1000"), ("200", "1500"), ("", "2000")])
    typed(page.water_blocks, [("", "9000")])
    assert page.water_blocks.rows[0].rest.text() == "semua m³"
    page.due_spin.setValue(15)
    page.service_edit.set_value(30_000)
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save()
    tariffs = ctx.core.foodcourt.utility_tariffs()
    assert tariffs.power == ((50, 1000), (200, 1500), (None, 2000))
    assert (tariffs.water, tariffs.due_day, tariffs.service_per_m2) == (((None, 9000),), 15, 30_000)


def test_a_block_that_is_not_right_shows_at_its_row_and_nothing_is_saved(
    qtbot: Any, ctx: AppContext
) -> None:
    page = make_page(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(page.loaded))
    power = page.power_blocks
    typed(power, [("100", "1444"), ("80", "1500"), ("", "")])
    page.save()
    errors = [row.error for row in power.rows]
    assert errors[0].isHidden()
    assert not errors[1].isHidden() and "lebih dari 100 kWh" in errors[1].text()
    assert not errors[2].isHidden() and "tarif" in errors[2].text()
    assert ctx.core.foodcourt.utility_tariffs().power == ((100, 1444), (None, 1699))
    typed(power, [("100", "1444"), ("", "1699")])  # a block removed, the rest fixed
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save()
    assert all(row.error.isHidden() for row in power.rows)


def test_a_tariff_the_core_refuses_shows_under_its_table(qtbot: Any, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(page.loaded))
    typed(page.water_blocks, [("", "9" * 13)])  # past the highest price per unit
    page.save()
    error = page.errors["foodcourt_water_tariff"]
    qtbot.waitUntil(lambda: not error.isHidden())
    assert "rupiah" in error.text()
    assert ctx.core.foodcourt.utility_tariffs().water == ((10, 7450), (None, 12550))


def test_the_form_fits_the_settings_panel_at_1024x768(
    qtbot: Any, qapp: Any, ctx: AppContext
) -> None:
    """With the blocks of both tariffs at their most, the form is whole beside
    the settings navigation of a 1024x768 window, every field its minimum size."""
    with app_style(qapp):
        panel = SettingsPanel(ctx)
        qtbot.addWidget(panel)
        panel.show_tab("utility_tariffs")
        page = panel.pages["utility_tariffs"]
        assert isinstance(page, UtilityTariffsPage)
        qtbot.waitUntil(lambda: bool(page.loaded))
        typed(page.power_blocks, [("60", "1000"), ("200", "1444"), ("", "1699")])
        typed(page.water_blocks, [("10", "7450"), ("", "12550")])
        panel.resize(PANEL_WIDTH_AT_1024, PANEL_HEIGHT_AT_768)
        panel.show()
        qtbot.waitExposed(panel)
        assert panel.minimumSizeHint().width() <= PANEL_WIDTH_AT_1024
        assert panel.minimumSizeHint().height() <= PANEL_HEIGHT_AT_768
        for field in page.findChildren(QLineEdit) + page.findChildren(QAbstractSpinBox):
            if not field.isVisible():
                continue
            assert field.width() >= field.minimumSizeHint().width(), field.objectName()
            bottom = field.mapTo(panel, field.rect().bottomRight())
            assert panel.rect().contains(bottom), field.objectName()


def test_only_administrators_see_the_tariffs(qtbot: Any, ctx: AppContext, admin: Actor) -> None:
    panel = SettingsPanel(ctx)
    qtbot.addWidget(panel)
    assert "utility_tariffs" in panel.pages
    ctx.actor = make_actor(ctx.core, admin, Role.TENANT_MANAGER, "dewi")
    other = SettingsPanel(ctx)
    qtbot.addWidget(other)
    assert "utility_tariffs" not in other.pages
