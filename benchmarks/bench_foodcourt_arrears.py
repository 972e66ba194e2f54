"""Arrears with five years of rent: `arrears(day)` over 50 stalls per floor on
three floors, each leased for five years with monthly rent.

    uv run python benchmarks/bench_foodcourt_arrears.py [--stalls 50] [--years 5] [--runs 50]

A fresh desk: the stalls and tenants made through the services, one monthly
lease per stall starting `--years` years ago, its rent posted by the service
itself (`post_rent`: one charge per month, 9 000 with the defaults, plus the
deposits). Then the payments, bulk (a fixture generator, not a service use):
every charge is marked paid (on the day it fell due) except, for one tenant in ten, its last one to
four months. Timed (median of `--runs`, after a warm-up): `arrears(today)`,
the goal under 50 ms; beside it, the floor plan's data `stall_states(today)`
(states, balances, next rent), and `post_due()` with nothing left to post
under a late-fee policy of 2% a month (what the application's timer costs
every minute). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import budget_line, fmt, header, summary, timings  # noqa: E402
from sqlalchemy import func, select, update  # noqa: E402

from smesco_desk.clock import wib_today  # noqa: E402
from smesco_desk.db.models import Charge, TenantCharge  # noqa: E402
from smesco_desk.domain.foodcourt import stall_code  # noqa: E402
from smesco_desk.domain.foodcourt_rent import add_months  # noqa: E402
from smesco_desk.services.actors import SYSTEM  # noqa: E402
from smesco_desk.services.core import Core, open_core  # noqa: E402
from smesco_desk.values.foodcourt import LateFeePolicy, LeaseForm, StallForm, TenantForm  # noqa: E402

BUDGET_MS = 50.0


def make_desk(folder: Path, per_floor: int, years: int) -> Core:
    core = open_core(folder)
    core.setup.initialize("D01")
    today = wib_today(core.now())
    first = add_months(today, -12 * years, 1)
    for floor in (1, 2, 3):
        for number in range(1, per_floor + 1):
            code = stall_code(floor, number)
            x, y = (number - 1) % 10 * 6, (number - 1) // 10 * 6
            form = StallForm(code, "6.25", 150_000, 900_000, 3_000_000, 6_000_000, x, y)
            core.foodcourt.save_stall(SYSTEM, form)
            tenant = core.foodcourt.save_tenant(
                SYSTEM, TenantForm(f"Warung {code}", f"Pemilik {code}", "0812 3456 7890")
            )
            start = first + timedelta(days=number % 28)
            end = add_months(start, 12 * years + 6) - timedelta(days=1)
            core.foodcourt.lease(SYSTEM, LeaseForm(tenant.id, code, start, end))
    started = time.perf_counter()
    posted = core.foodcourt.post_rent(SYSTEM, today)
    print(f"post_rent: {len(posted)} charges in {time.perf_counter() - started:.1f} s")
    due_of = (
        select(TenantCharge.due_on).where(TenantCharge.charge_id == Charge.id).scalar_subquery()
    )
    paid_at = func.datetime(due_of, "+3 hours")  # 10:00 WIB, as SQLite stores times (UTC)
    with core.db.write() as session:
        rows = session.execute(
            select(TenantCharge.charge_id, TenantCharge.tenant_id, TenantCharge.due_on)
        ).all()
        tenants = sorted({t for _c, t, _d in rows})
        behind = {t: 1 + i % 4 for i, t in enumerate(tenants) if i % 10 == 0}
        keep_open = {c for c, t, d in rows if t in behind and d > add_months(today, -behind[t])}
        paid = [c for c, _t, _d in rows if c not in keep_open]
        for i in range(0, len(paid), 500):
            session.execute(
                update(Charge)
                .where(Charge.id.in_(paid[i : i + 500]))
                .values(status="paid", updated_at=paid_at)  # paid on the day it fell due
            )
    print(f"{len(rows)} tenant charges, {len(keep_open)} open (tenants behind: {len(behind)})")
    core.foodcourt.set_late_fee_policy(SYSTEM, LateFeePolicy("percent", 200, 0, 7))
    started = time.perf_counter()
    fees = core.foodcourt.post_late_fees(SYSTEM, today)
    print(f"post_late_fees: {len(fees)} fees in {time.perf_counter() - started:.1f} s")
    return core


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stalls", type=int, default=50, help="per floor (3 floors)")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    header("Food court: arrears over years of rent")
    with tempfile.TemporaryDirectory() as tmp:
        core = make_desk(Path(tmp) / "desk", args.stalls, args.years)
        try:
            today = wib_today(core.now())
            owed = core.foodcourt.arrears(today)
            print(f"arrears: {len(owed)} tenants, Rp{sum(a.total for a in owed):,}")
            arrears = summary(timings(lambda: core.foodcourt.arrears(today), args.runs))
            print(f"arrears(today)          {fmt(arrears)}")
            states = summary(timings(lambda: core.foodcourt.stall_states(today), args.runs))
            print(f"stall_states(today)     {fmt(states)}")
            idle = summary(timings(lambda: core.foodcourt.post_due(SYSTEM), args.runs))
            print(f"post_due(), nothing due {fmt(idle)}")
            print(budget_line("arrears median", arrears["p50"], BUDGET_MS))
            print(budget_line("stall_states median", states["p50"], BUDGET_MS))
        finally:
            core.close()


if __name__ == "__main__":
    main()
