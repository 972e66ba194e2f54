"""Settings: the food court's early-termination policy (the notice and its fee)
and the building's NPWP, kept by the core and printed on lease agreements."""

from __future__ import annotations

from typing import Any

from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.tenancy import NoticePolicy
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.pages.settings.business import BusinessPage
from ui.pages.settings.lease_policies import LeasePoliciesPage
from ui.pages.settings.panel import SettingsPanel


def make_page(qtbot: Any, ctx: AppContext) -> LeasePoliciesPage:
    page = LeasePoliciesPage(ctx)
    qtbot.addWidget(page)
    page.load()
    return page


def test_the_notice_policy_loads_and_is_saved_through_the_core(
    qtbot: Any, ctx: AppContext
) -> None:
    page = make_page(qtbot, ctx)
    qtbot.waitUntil(lambda: page.notice_spin.value() == 30, timeout=2000)
    assert page.fee_spin.value() == 1
    page.notice_spin.setValue(60)
    page.fee_spin.setValue(2)
    with qtbot.waitSignal(page.saved, timeout=2000):
        page.save()
    assert ctx.core.foodcourt.notice_policy() == NoticePolicy(60, 2)


def test_a_fee_past_its_bound_shows_under_its_field(qtbot: Any, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    qtbot.waitUntil(lambda: page.notice_spin.value() == 30, timeout=2000)
    page.fee_spin.setValue(20)
    error = page.errors["foodcourt_notice_fee_periods"]
    assert not error.isHidden() and "0 sampai 12" in error.text()  # said as it is typed
    page.notice_spin.setValue(45)
    page.save()
    qtbot.waitUntil(lambda: ctx.core.foodcourt.notice_policy().notice_days == 45, timeout=2000)
    assert ctx.core.foodcourt.notice_policy() == NoticePolicy(45, 1)  # the valid one kept
    qtbot.waitUntil(lambda: not error.isHidden(), timeout=2000)
    assert error.text() == "Biaya pemutusan harus 0 sampai 12 kali sewa per periode."


def test_the_building_npwp_is_kept_in_its_16_digits(qtbot: Any, ctx: AppContext) -> None:
    page = BusinessPage(ctx)
    qtbot.addWidget(page)
    page.load()
    qtbot.waitUntil(lambda: page.building_name_edit.text() != "", timeout=2000)
    page.building_npwp_edit.setText("01.234.567.8-901.000")
    with qtbot.waitSignal(page.saved, timeout=2000):
        page.save()
    assert ctx.core.settings.get("building_npwp") == "0012345678901000"


def test_only_administrators_see_the_lease_policy(
    qtbot: Any, ctx: AppContext, admin: Actor
) -> None:
    panel = SettingsPanel(ctx)
    qtbot.addWidget(panel)
    assert "lease_policies" in panel.pages
    ctx.actor = make_actor(ctx.core, admin, Role.SUPERVISOR, "supervisor")
    other = SettingsPanel(ctx)
    qtbot.addWidget(other)
    assert "lease_policies" not in other.pages
