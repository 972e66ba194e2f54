"""A food court with money owed, for the home page, the due list and the
arrears tab: the small food court (helpers_foodcourt_ui) plus FC2-02 leased
100 days ago to "Nasi Uduk Bu Tini", whose rent (and deposit) were never paid,
and the rent falling due until today posted by the real posting job."""

from __future__ import annotations

from datetime import timedelta

from smesco_desk.services.actors import SYSTEM, Actor
from smesco_desk.services.core import Core
from smesco_desk.values.foodcourt import LeaseForm
from tests.core.helpers_foodcourt import tenant_form
from tests.ui.helpers_foodcourt_ui import FoodCourt, small_food_court

LATE_DAYS = 100


def food_court_in_arrears(core: Core, admin: Actor) -> FoodCourt:
    court = small_food_court(core, admin)
    tenant = core.foodcourt.save_tenant(
        court.manager, tenant_form(name="Nasi Uduk Bu Tini", nib="", npwp="")
    )
    real_clock = core.clock
    then = real_clock() - timedelta(days=LATE_DAYS)
    core.clock = lambda: then
    try:
        start = court.today - timedelta(days=LATE_DAYS)
        form = LeaseForm(tenant.id, "FC2-02", start, start + timedelta(days=364))
        court.leases["FC2-02"] = core.foodcourt.lease(court.manager, form)
    finally:
        core.clock = real_clock
    court.tenants["FC2-02"] = tenant
    core.foodcourt.post_due(SYSTEM, court.today)
    return court
