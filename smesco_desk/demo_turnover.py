"""Demo data of tenants' turnover: the daily sales of most tenants for last
month and this month up to yesterday, typed by the tenant manager through the
turnover grid's service, and two leases with turnover rent (10 % of a month's
sales): a busy stall whose sales put it above its base rent, and a quiet one
below it. Last month's turnover rent is then posted, as the tenant manager
does after a month closes (a lease whose base rent the rent schedule has not
charged yet waits for a later run).

A tenant sells about 7 to 14 times its monthly rent in a month, more at the
weekend, now and then nothing (closed for a family event).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from smesco_desk.domain.foodcourt import LeasePeriod, LeaseStatus
from smesco_desk.domain.turnover import month_bounds
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.turnover import TurnoverCell

RATE_BP = 1_000  # 10 % of the month's sales
BUSY, QUIET = 15, 6  # sales of a month, in monthly rents: above and below 10 %
SKIPPED = 0.15  # tenants whose sales nobody has typed in


def seed_turnover(core: Core, manager: Actor, rng: random.Random, today: date) -> int:
    """Type the turnover in and set the two leases' terms; how many days were typed."""
    last_month = month_bounds(today.replace(day=1) - timedelta(days=1))[0]
    running = [
        lease for lease in core.foodcourt.leases()
        if lease.status == LeaseStatus.ACTIVE and lease.starts_on <= last_month
        and lease.period == LeasePeriod.MONTH
    ]  # fmt: skip
    rents = {lease.tenant_id: lease.rent for lease in core.foodcourt.leases()}
    factors = {tenant: rng.uniform(7, 14) for tenant in rents}
    if len(running) >= 2:
        busy, quiet = running[0], running[-1]
        factors[busy.tenant_id], factors[quiet.tenant_id] = BUSY, QUIET
        for lease in (busy, quiet):
            core.foodcourt.set_turnover_terms(manager, lease.id, RATE_BP)
    skipped = {t for t in sorted(rents) if rng.random() < SKIPPED} - {
        lease.tenant_id for lease in running[:1] + running[-1:]
    }
    typed = 0
    for first, days in ((last_month, month_bounds(last_month)[1].day), (today.replace(day=1),
                        today.day - 1)):  # fmt: skip
        if days <= 0:
            continue
        grid = core.foodcourt.turnover_grid(first, days)
        cells = [
            TurnoverCell(row.tenant_id, day, _sales(rng, rents[row.tenant_id],
                                                    factors[row.tenant_id], day))
            for row in grid.rows if row.tenant_id not in skipped
            for day, leased in zip(grid.days, row.leased, strict=True) if leased
        ]  # fmt: skip
        if cells:
            core.foodcourt.record_turnover(manager, cells)
            typed += len(cells)
    core.foodcourt.post_turnover_rent(manager, last_month)
    return typed


def _sales(rng: random.Random, rent: int, factor: float, day: date) -> int:
    """A day's sales in whole thousands of rupiah."""
    if rng.random() < 0.02:
        return 0
    weekend = 1.3 if day.weekday() >= 5 else 1.0
    amount = rent * factor / 30 * weekend * rng.uniform(0.8, 1.2)
    return int(amount) // 1_000 * 1_000
