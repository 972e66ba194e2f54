"""Two desks lease one stall for overlapping days while offline (issue 12), as
two desks book one room (tests/sync/test_sync_booking_conflicts.py): the lease
that reaches the server first keeps the days; the other is stored with status
"conflict" (it takes no day; its deposit charge and payment stay) and an open
`lease_overlap` conflict names both leases at every desk, until the losing desk
moves the lease elsewhere or cancels it (its paid deposit then owed back)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from smesco_desk.clock import wib_today
from smesco_desk.errors import DomainError
from smesco_desk.services.actors import Actor, Role
from smesco_desk.services.core import Core
from smesco_desk.services.foodcourt import LeaseConflict
from smesco_desk.sync import LEASE_OVERLAP, ConflictChoice
from smesco_desk.values.foodcourt import LeaseForm
from tests.core.helpers_core import cash
from tests.core.helpers_foodcourt import stall_form, tenant_form
from tests.sync.helpers_sync import Desks, server_rows, sync_all
from tests.sync.proxy import TcpProxy

pytestmark = pytest.mark.slow

ADMIN = Actor("admin", Role.ADMIN, "user", "Admin")
SERVER_OVERLAPS = (
    "SELECT count(*) FROM leases a JOIN leases b ON a.stall_id = b.stall_id AND a.id < b.id"
    " WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL"
    " AND a.status NOT IN ('cancelled', 'conflict') AND b.status NOT IN ('cancelled', 'conflict')"
    " AND a.starts_on <= b.ends_on AND b.starts_on <= a.ends_on"
)


def _open(core: Core) -> list:  # type: ignore[type-arg]
    return [c for c in core.sync.conflicts() if c.kind == LEASE_OVERLAP and c.is_open]


def _conflicted(
    desks: Desks, proxy: TcpProxy, pay: bool = False
) -> tuple[Core, Core, str, str, date]:
    """D01 and D02 lease FC2-07 offline for overlapping days; D01 pushes first."""
    d1, d2 = desks.first("D01"), desks.join("D02")
    d1.foodcourt.save_stall(ADMIN, stall_form())
    d1.foodcourt.save_stall(ADMIN, stall_form(code="FC1-01"))
    ali = d1.foodcourt.save_tenant(ADMIN, tenant_form())
    budi = d1.foodcourt.save_tenant(ADMIN, tenant_form(name="Bakso Malang", owner="Budi"))
    sync_all(d1, d2)
    proxy.go_offline()
    start = wib_today(d1.now()) + timedelta(days=10)
    won = d1.foodcourt.lease(ADMIN, LeaseForm(ali.id, "FC2-07", start, start + timedelta(89)))
    lost = d2.foodcourt.lease(
        ADMIN, LeaseForm(budi.id, "FC2-07", start + timedelta(30), start + timedelta(119))
    )
    if pay:
        assert lost.deposit_charge_id is not None
        d2.payments.open_shift(ADMIN, 100_000)
        d2.payments.pay(ADMIN, lost.deposit_charge_id, cash(lost.deposit))
    for core in (d1, d2):
        assert core.sync.run_once().error is not None  # offline: kept for later
    proxy.go_online()
    sync_all(d1, d2)
    return d1, d2, won.id, lost.id, start


def test_the_second_lease_becomes_a_conflict_at_every_desk(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1, d2, won, lost, _start = _conflicted(proxied_desks, proxy, pay=True)
    assert server_rows(server_url, SERVER_OVERLAPS) == [(0,)]
    assert dict(server_rows(server_url, "SELECT id, status FROM leases")) == {
        won: "active",
        lost: "conflict",
    }
    for core in (d1, d2):
        assert [core.foodcourt.get_lease(i).status for i in (won, lost)] == ["active", "conflict"]
        (conflict,) = _open(core)
        assert conflict.entity == "leases" and conflict.entity_id == lost
        assert conflict.server_payload is not None and conflict.server_payload["id"] == won
        assert "FC2-07 · Soto Betawi Bang Ali" in conflict.message()
        assert won in conflict.reason
        record = core.foodcourt.get_lease(lost)
        assert record.deposit_charge_id is not None
        assert core.payments.charge(record.deposit_charge_id).status == "paid"  # kept
        with pytest.raises(DomainError):  # a supervisor cannot just keep or restore it
            core.sync.resolve_conflict(ADMIN, conflict.id, ConflictChoice.KEEP)


def test_cancelling_it_owes_the_paid_deposit_back_and_resolves_everywhere(
    proxied_desks: Desks, proxy: TcpProxy
) -> None:
    d1, d2, _won, lost, _start = _conflicted(proxied_desks, proxy, pay=True)
    cancelled = d2.foodcourt.cancel_conflicted_lease(ADMIN, lost, "stan sudah disewa")
    assert cancelled.status == "cancelled"
    (credit,) = d2.payments.refunds_due()
    assert credit.total == -cancelled.deposit
    sync_all(d2, d1)
    for core in (d1, d2):
        assert core.foodcourt.get_lease(lost).status == "cancelled"
        assert _open(core) == []
        assert [c.total for c in core.payments.refunds_due()] == [-cancelled.deposit]


def test_moving_it_to_another_stall_takes_its_days_again(
    proxied_desks: Desks, proxy: TcpProxy, server_url: str
) -> None:
    d1, d2, won, lost, start = _conflicted(proxied_desks, proxy)
    first, last = start + timedelta(30), start + timedelta(119)
    with pytest.raises(LeaseConflict):  # its own stall is still taken then
        d2.foodcourt.move_lease(ADMIN, lost, "FC2-07", first, last)
    moved = d2.foodcourt.move_lease(ADMIN, lost, "fc1-1", first, last, "pindah ke lantai 1")
    assert (moved.status, moved.stall_code) == ("active", "FC1-01")
    sync_all(d2, d1)
    for core in (d1, d2):
        assert core.foodcourt.get_lease(lost).stall_code == "FC1-01"
        assert core.foodcourt.get_lease(lost).status == "active"
        assert _open(core) == []
    assert server_rows(server_url, SERVER_OVERLAPS) == [(0,)]
    assert dict(server_rows(server_url, "SELECT id, status FROM leases")) == {
        won: "active",
        lost: "active",
    }
