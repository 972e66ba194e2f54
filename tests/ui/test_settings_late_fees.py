"""Settings: the late fees on the food court's overdue charges an administrator
sets (kept by the core as settings; read back as the policy)."""

from __future__ import annotations

from typing import Any

from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.foodcourt import LateFeePolicy
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.pages.settings.late_fees import LateFeesPage
from ui.pages.settings.panel import SettingsPanel


def make_page(qtbot: Any, ctx: AppContext) -> LateFeesPage:
    page = LateFeesPage(ctx)
    qtbot.addWidget(page)
    page.load()
    qtbot.waitUntil(lambda: bool(page.loaded))
    return page


def test_the_late_fees_load_and_are_saved_through_the_core(qtbot: Any, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    assert page.mode_combo.currentData() == "none"
    assert not page.percent_spin.isEnabled() and not page.grace_spin.isEnabled()
    page.mode_combo.setCurrentIndex(page.mode_combo.findData("percent"))
    assert page.percent_spin.isEnabled() and not page.fixed_spin.isEnabled()
    page.percent_spin.setValue(2.5)
    page.grace_spin.setValue(7)
    with qtbot.waitSignal(page.saved, timeout=2000):
        page.save()
    assert ctx.core.foodcourt.late_fee_policy() == LateFeePolicy("percent", 250, 0, 7, False)
    again = make_page(qtbot, ctx)
    assert (again.percent_spin.value(), again.grace_spin.value()) == (2.5, 7)
    again.mode_combo.setCurrentIndex(again.mode_combo.findData("fixed"))
    again.fixed_spin.setValue(50_000)
    again.compounding_check.setChecked(True)
    with qtbot.waitSignal(again.saved, timeout=2000):
        again.save()
    assert ctx.core.foodcourt.late_fee_policy() == LateFeePolicy("fixed", 250, 50_000, 7, True)


def test_only_administrators_see_the_late_fees(qtbot: Any, ctx: AppContext, admin: Actor) -> None:
    panel = SettingsPanel(ctx)
    qtbot.addWidget(panel)
    assert "late_fees" in panel.pages
    ctx.actor = make_actor(ctx.core, admin, Role.TENANT_MANAGER, "pengelola")
    other = SettingsPanel(ctx)
    qtbot.addWidget(other)
    assert "late_fees" not in other.pages


def test_only_the_field_of_the_kind_chosen_is_shown(qtbot: Any, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    page.resize(786, 638)
    page.show()

    def shown() -> tuple[bool, bool, bool, bool]:
        widgets = (page.percent_spin, page.fixed_spin, page.grace_spin, page.compounding_check)
        return tuple(w.isVisibleTo(page) for w in widgets)  # type: ignore[return-value]

    assert shown() == (False, False, False, False)
    page.mode_combo.setCurrentIndex(page.mode_combo.findData("percent"))
    assert shown() == (True, False, True, True)
    page.mode_combo.setCurrentIndex(page.mode_combo.findData("fixed"))
    assert shown() == (False, True, True, True)
    page.mode_combo.setCurrentIndex(page.mode_combo.findData("none"))
    assert shown() == (False, False, False, False)
