"""Settings: the bookings' policies an administrator sets (kept by the core)."""

from __future__ import annotations

from typing import Any

from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.bookings import BookingPolicies
from tests.ui.helpers_ui import make_actor
from ui.context import AppContext
from ui.pages.settings.booking_policies import BookingPoliciesPage
from ui.pages.settings.panel import SettingsPanel


def make_page(qtbot: Any, ctx: AppContext) -> BookingPoliciesPage:
    page = BookingPoliciesPage(ctx)
    qtbot.addWidget(page)
    page.load()
    return page


def test_the_policies_load_and_are_saved_through_the_core(qtbot: Any, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    assert (page.free_hours_spin.value(), page.fee_percent_spin.value(),
            page.grace_spin.value()) == (24, 50, 30)
    assert page.fee_percent_spin.maximum() == 999  # typing 150 is kept, and refused
    page.free_hours_spin.setValue(48)
    page.fee_percent_spin.setValue(25)
    page.grace_spin.setValue(15)
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save()
    assert ctx.core.bookings.policies() == BookingPolicies(48, 25, 15)


def test_a_refused_policy_shows_under_its_field(qtbot: Any, ctx: AppContext) -> None:
    page = make_page(qtbot, ctx)
    page.fee_percent_spin.selectAll()
    qtbot.keyClicks(page.fee_percent_spin, "120")  # not cut to 12 without a word
    assert page.fee_percent_spin.value() == 120
    error = page.errors["booking_cancel_fee_percent"]
    assert not error.isHidden()  # said as it is typed
    page.grace_spin.setValue(45)
    page.save()
    assert not error.isHidden() and error.text() == "Biaya pembatalan harus 0 sampai 100%."
    assert page.errors["booking_no_show_grace_minutes"].isHidden()
    assert ctx.core.bookings.policies() == BookingPolicies(24, 50, 45)  # the valid one kept
    page.fee_percent_spin.setValue(40)  # editing the field clears its error
    assert error.isHidden()


def test_only_administrators_see_the_policies(qtbot: Any, ctx: AppContext, admin: Actor) -> None:
    panel = SettingsPanel(ctx)
    qtbot.addWidget(panel)
    assert "booking_policies" in panel.pages
    ctx.actor = make_actor(ctx.core, admin, Role.SUPERVISOR, "supervisor")
    other = SettingsPanel(ctx)
    qtbot.addWidget(other)
    assert "booking_policies" not in other.pages
