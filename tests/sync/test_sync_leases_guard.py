"""No stall leased twice on the server: migration 0014 gives PostgreSQL the
exclusion constraint `leases_no_overlap` (btree_gist, a `[]` daterange of the
lease's first and last day, cancelled leases left out), so a row written
straight into the server's tables that shares a day with a live lease of the
same stall fails, as the SQLite trigger makes it fail at a desk
(tests/core/test_leases_overlap_db.py).

A lease a desk made offline that the server refuses this way is kept with
status `conflict` and an open `lease_overlap` conflict, as bookings are
(tests/sync/test_sync_lease_conflicts.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from smesco_desk.clock import wib_today
from smesco_desk.db import migrate
from smesco_desk.db.engine import make_engine
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.foodcourt import LeaseConflict
from smesco_desk.values.foodcourt import LeaseForm
from tests.core.helpers_foodcourt import (
    lease_row,
    set_lease,
    stall_form,
    stall_row,
    tenant_form,
    tenant_row,
)
from tests.sync.helpers_sync import Desks, sync_all

pytestmark = pytest.mark.slow

ADMIN = Actor("admin", Role.ADMIN, "user", "Admin")


@pytest.fixture
def server(server_url: str) -> Iterator[Connection]:
    """The server's schema as enrolment makes it (the migrations, on PostgreSQL)."""
    engine = make_engine(server_url)
    migrate.upgrade(engine)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def refused(conn: Connection, *args: object, **kwargs: object) -> bool:
    savepoint = conn.begin_nested()
    try:
        lease_row(conn, *args, **kwargs)  # type: ignore[arg-type]
    except IntegrityError as exc:
        savepoint.rollback()
        assert "leases_no_overlap" in str(exc)
        assert exc.orig is not None and getattr(exc.orig, "sqlstate", None) == "23P01"
        return True
    savepoint.commit()
    return False


def test_postgres_refuses_a_lease_sharing_a_day(server: Connection) -> None:
    stall, other = stall_row(server), stall_row(server, "FC1-01")
    ali, budi = tenant_row(server), tenant_row(server, "Bakso Malang Cak Man")
    assert not refused(server, stall, ali, date(2026, 1, 1), date(2026, 6, 30))
    assert refused(server, stall, budi, date(2026, 6, 30), date(2026, 7, 31))  # its last day
    assert refused(server, stall, budi, date(2025, 12, 1), date(2026, 1, 1))  # its first day
    assert refused(server, stall, budi, date(2025, 1, 1), date(2027, 1, 1))
    assert not refused(server, stall, budi, date(2026, 7, 1), date(2026, 7, 1))  # the day after
    assert not refused(server, stall, budi, date(2025, 12, 1), date(2025, 12, 31))
    assert not refused(server, other, budi, date(2026, 3, 1), date(2026, 3, 31))


def test_cancelled_leases_take_no_day_on_postgres(server: Connection) -> None:
    stall, ali = stall_row(server), tenant_row(server)
    first, last = date(2026, 3, 1), date(2026, 3, 31)
    assert not refused(server, stall, ali, first, last, status="cancelled")
    assert not refused(server, stall, ali, first, last)
    assert refused(server, stall, ali, first, last, status="ended")
    server.commit()
    cancelled = lease_row(server, stall, ali, first, last, status="cancelled")
    server.commit()
    with pytest.raises(IntegrityError, match="leases_no_overlap"):
        set_lease(server, cancelled, status="active")
    server.rollback()


def test_a_lease_and_its_deposit_travel_to_the_other_desk(desks: Desks) -> None:
    d1, d2 = desks.first("D01"), desks.join("D02")
    d1.foodcourt.save_stall(ADMIN, stall_form())
    tenant = d1.foodcourt.save_tenant(ADMIN, tenant_form())
    today = wib_today(d1.now())
    made = d1.foodcourt.lease(ADMIN, LeaseForm(tenant.id, "FC2-07", today, today + timedelta(90)))
    sync_all(d1, d2)
    assert d2.foodcourt.get_lease(made.id).deposit_charge_id == made.deposit_charge_id
    assert d2.foodcourt.tenant(tenant.id).balance == 6_000_000
    # what the deposit is (its tenant charge) travels too: the statement shows it
    assert [(e.kind, e.amount) for e in d2.foodcourt.statement(tenant.id).entries] == [
        ("charge", 6_000_000)]  # fmt: skip
    (state,) = d2.foodcourt.stall_states(today)
    assert (state.state, state.tenant) == ("occupied", "Soto Betawi Bang Ali")
    with pytest.raises(LeaseConflict):  # the other desk knows the stall is taken
        d2.foodcourt.lease(ADMIN, LeaseForm(tenant.id, "FC2-07", today, today, "day"))
