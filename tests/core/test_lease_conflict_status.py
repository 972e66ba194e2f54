"""A lease in conflict (made offline while another desk leased the same days
first) takes no day of its stall, like a cancelled one: the SQLite trigger and
the service's check leave it out (the PostgreSQL constraint too:
tests/sync/test_sync_lease_conflicts.py); it is moved or cancelled only while
in conflict."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from smesco_desk.db import overlaps
from smesco_desk.domain.foodcourt import DAYLESS_STATUSES, LeaseStatus
from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.foodcourt import LeaseForm
from tests.core.helpers_foodcourt import lease_row, set_lease, stall_form, stall_row, tenant_form
from tests.core.helpers_foodcourt import tenant_row as tenant_row_raw


def test_the_guard_and_the_domain_agree() -> None:
    assert set(overlaps.GUARDS["leases"].free) == {s.value for s in DAYLESS_STATUSES}
    assert LeaseStatus.CONFLICT in DAYLESS_STATUSES


def test_a_lease_in_conflict_takes_no_day_on_sqlite(core: Core) -> None:
    with core.db.engine.connect() as conn:
        stall, ali = stall_row(conn), tenant_row_raw(conn)
        first, last = date(2026, 3, 1), date(2026, 3, 31)
        lost = lease_row(conn, stall, ali, first, last, status="conflict")
        lease_row(conn, stall, ali, first, last)  # the days are free for a live lease
        conn.commit()
        with pytest.raises(IntegrityError, match="leases_no_overlap"):
            set_lease(conn, lost, status="active")  # it cannot take them back
        conn.rollback()


def test_only_a_lease_in_conflict_moves_or_is_cancelled_so(core: Core, admin: Actor) -> None:
    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(admin, tenant_form())
    made = core.foodcourt.lease(admin, LeaseForm(tenant.id, "FC2-07", date(2026, 4, 1),
                                                 date(2026, 4, 30)))  # fmt: skip
    with pytest.raises(DomainError, match="tidak sedang bentrok"):
        core.foodcourt.move_lease(admin, made.id, "FC2-07", date(2026, 5, 1), date(2026, 5, 31))
    with pytest.raises(DomainError, match="tidak sedang bentrok"):
        core.foodcourt.cancel_conflicted_lease(admin, made.id)
    assert core.foodcourt.get_lease(made.id).status == "active"
