"""The demo's turnover (smesco_desk/demo_turnover.py): most tenants' daily
sales for last month and this one up to yesterday, and two leases with 10 %
turnover rent, one selling above its base rent and one below it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from smesco_desk import demo
from smesco_desk.clock import WIB, to_wib
from smesco_desk.domain.turnover import month_bounds, percent_of
from smesco_desk.services.core import open_core
from tests.core.helpers_core import FakeClock


@pytest.mark.slow
def test_the_demo_has_a_month_of_turnover_and_both_sides_of_the_breakpoint(
    tmp_path: Path,
) -> None:
    clock = FakeClock(datetime(2026, 12, 7, 10, 0, tzinfo=WIB).astimezone(UTC))
    core = open_core(tmp_path / "data", clock=clock)
    try:
        demo.seed_demo(core, days=2)
        today = to_wib(clock.now).date()
        last_month = month_bounds(today.replace(day=1) - timedelta(days=1))[0]
        report = core.foodcourt.turnover_report(last_month)
        rows = [t for f in report.floors for t in f.tenants]
        entered = [t for t in rows if t.days_entered >= 28]
        assert len(entered) >= 0.7 * len(rows) and report.total > 0
        this_month = core.foodcourt.turnover_report(today)
        assert this_month.days_entered > 0 and not this_month.closed
        terms = [x for x in core.foodcourt.leases() if x.turnover_rate_bp]
        assert len(terms) == 2
        sales = {t.tenant_id: t.total for t in rows}
        sides = sorted(percent_of(x.turnover_rate_bp, sales[x.tenant_id]) > x.rent for x in terms)
        assert sides == [False, True]  # one below its base rent, one above
    finally:
        core.close()
