"""Turnover typed at two desks: one entry per tenant and day everywhere. The
entry's id is derived from the tenant and the day (domain.turnover.entry_id),
so two desks typing the same day offline write the same row; when they sync,
the server keeps one version (the later change) and records the other as an
"info" conflict, and both desks end with the same amount."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from smesco_desk.clock import wib_today
from smesco_desk.domain.turnover import entry_id
from smesco_desk.services.actors import Actor, Role
from smesco_desk.values.foodcourt import LeaseForm
from smesco_desk.values.turnover import TurnoverCell
from tests.core.helpers_foodcourt import stall_form, tenant_form
from tests.sync.helpers_sync import Desks, sync_all

pytestmark = pytest.mark.slow

ADMIN = Actor("admin", Role.ADMIN, "user", "Admin")


def test_the_same_tenant_day_typed_at_two_desks_converges(desks: Desks) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    d1.foodcourt.save_stall(ADMIN, stall_form())
    tenant = d1.foodcourt.save_tenant(ADMIN, tenant_form())
    today = wib_today(d1.now())
    start = today - timedelta(days=10)
    d1.foodcourt.lease(ADMIN, LeaseForm(tenant.id, "FC2-07", start, today + timedelta(90)))
    sync_all(d1, d2)
    day = today - timedelta(days=1)
    d1.foodcourt.record_turnover(ADMIN, [TurnoverCell(tenant.id, day, 1_000_000)])
    d2.foodcourt.record_turnover(ADMIN, [TurnoverCell(tenant.id, day, 1_250_000)])  # later
    d1.foodcourt.record_turnover(ADMIN, [TurnoverCell(tenant.id, start, 800_000)])
    sync_all(d1, d2, rounds=3)
    for desk in (d1, d2):
        grid = desk.foodcourt.turnover_grid(start, 10)
        (row,) = grid.rows
        assert (row.amounts[0], row.amounts[-1]) == (800_000, 1_250_000)
        with desk.db.engine.connect() as conn:
            ids = set(conn.execute(text("SELECT id FROM turnover_entries")).scalars())
        assert ids == {entry_id(tenant.id, day), entry_id(tenant.id, start)}
    assert any(c.kind == "concurrent_edit" for c in d1.sync.conflicts() + d2.sync.conflicts())
