"""Settings: the food court's utility tariffs an administrator sets (kept by the core)."""

from __future__ import annotations

from typing import Any

from smesco_desk.services.actors import Actor, Role
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.pages.settings.panel import SettingsPanel
from ui.pages.settings.utility_tariffs import UtilityTariffsPage


def make_page(qtbot: Any, ctx: AppContext) -> UtilityTariffsPage:
    page = UtilityTariffsPage(ctx)
    qtbot.addWidget(page)
    page.load()
    return page


def test_the_tariffs_load_and_are_saved_through_the_core(qtbot: Any, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    assert page.power_edit.text() == "100:1444, 1699"
    assert (page.service_edit.value(), page.due_spin.value()) == (25_000, 10)
    assert page.service_edit.text() == "Rp25.000"
    page.power_edit.setText("50:1000, 200:1500, 2000")
    page.water_edit.setText("9000")
    page.due_spin.setValue(15)
    page.service_edit.set_value(30_000)
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save()
    tariffs = ctx.core.foodcourt.utility_tariffs()
    assert tariffs.power == ((50, 1000), (200, 1500), (None, 2000))
    assert (tariffs.water, tariffs.due_day, tariffs.service_per_m2) == (((None, 9000),), 15, 30_000)


def test_a_refused_tariff_shows_under_its_field(qtbot: Any, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    page.water_edit.setText("10:5000")
    page.save()
    error = page.errors["foodcourt_water_tariff"]
    assert not error.isHidden() and "Blok terakhir" in error.text()
    assert ctx.core.foodcourt.utility_tariffs().water == ((10, 7450), (None, 12550))


def test_only_administrators_see_the_tariffs(qtbot: Any, ctx: AppContext, admin: Actor) -> None:
    panel = SettingsPanel(ctx)
    qtbot.addWidget(panel)
    assert "utility_tariffs" in panel.pages
    ctx.actor = make_actor(ctx.core, admin, Role.TENANT_MANAGER, "dewi")
    other = SettingsPanel(ctx)
    qtbot.addWidget(other)
    assert "utility_tariffs" not in other.pages
