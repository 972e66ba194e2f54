"""A small food court for the page's tests: one stall in each state on floor 2,
in one row along the corridor (FC2-01 .. FC2-05), and one stall under them
(FC2-06, vacant), made through the real services.

- FC2-01 occupied (leased today; its deposit owed, not yet overdue)
- FC2-02 vacant
- FC2-03 booked ahead (from ten days on)
- FC2-04 in arrears (leased twenty days ago; its deposit never paid)
- FC2-05 out of service
- FC2-06 vacant, under FC2-02
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from smesco_desk.clock import wib_today
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.values.foodcourt import LeaseForm, LeaseRecord, TenantInfo
from tests.core.helpers_foodcourt import stall_form, tenant_form
from tests.ui.helpers_ui import make_actor


@dataclass
class FoodCourt:
    today: date
    manager: Actor
    tenants: dict[str, TenantInfo]  # by stall code
    leases: dict[str, LeaseRecord]  # by stall code


def small_food_court(core: Core, admin: Actor) -> FoodCourt:
    manager = make_actor(core, admin, Role.TENANT_MANAGER, "dewi")
    for number in range(1, 6):
        core.foodcourt.save_stall(admin, stall_form(
            code=f"FC2-0{number}", plan_x=(number - 1) * 6, plan_y=0,
            in_service=number != 5))  # fmt: skip
    core.foodcourt.save_stall(admin, stall_form(code="FC2-06", plan_x=6, plan_y=10))
    today = wib_today(core.now())
    names = {"FC2-01": "Soto Betawi Bang Ali", "FC2-03": "Bakso Malang Cak Man",
             "FC2-04": "Warung Vegan Hijau"}  # fmt: skip
    tenants = {
        code: core.foodcourt.save_tenant(manager, tenant_form(name=name, nib="", npwp=""))
        for code, name in names.items()
    }
    leases = {}
    real_clock = core.clock
    starts = {"FC2-01": today, "FC2-03": today + timedelta(days=10),
              "FC2-04": today - timedelta(days=20)}  # fmt: skip
    for code, start in starts.items():
        if code == "FC2-04":
            then = real_clock() - timedelta(days=20)
            core.clock = lambda then=then: then
        try:
            form = LeaseForm(tenants[code].id, code, start, start + timedelta(days=364))
            leases[code] = core.foodcourt.lease(manager, form)
        finally:
            core.clock = real_clock
    return FoodCourt(today, manager, tenants, leases)
