"""A lease past its last day that nobody ended: shown as expired ("Selesai
masa sewa"), derived from the day and never stored; its stall vacant, or in
arrears while the lease owes money past its due day; its deposit may be
returned. Fixed dates: the lease runs January 2026, the clock is 10 March."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from smesco_desk.domain.foodcourt import EXPIRED, LeaseStatus, lease_over, lease_state
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.services.foodcourt import LeaseConflict
from smesco_desk.values.foodcourt import LeaseForm, LeaseRecord
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_cli import run
from tests.core.helpers_foodcourt import stall_form, tenant_form

JAN_1, JAN_31 = date(2026, 1, 1), date(2026, 1, 31)


def test_the_state_of_a_lease_on_a_day() -> None:
    assert lease_state("active", JAN_31, JAN_31) == LeaseStatus.ACTIVE  # its last day
    assert lease_state("active", JAN_31, date(2026, 2, 1)) == EXPIRED
    assert lease_state("ended", JAN_31, date(2026, 2, 1)) == LeaseStatus.ENDED
    assert lease_state("cancelled", JAN_31, date(2026, 2, 1)) == LeaseStatus.CANCELLED
    assert not lease_over("active", JAN_31, JAN_31)
    assert lease_over("active", JAN_31, date(2026, 2, 1))
    assert lease_over("ended", date(2026, 3, 31), JAN_31)
    assert not lease_over("cancelled", JAN_31, date(2026, 2, 1))


@pytest.fixture
def january(core: Core, admin: Actor, tenant_manager: Actor) -> LeaseRecord:
    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(tenant_manager, tenant_form())
    form = LeaseForm(tenant.id, "FC2-07", JAN_1, JAN_31, "month")
    made = core.foodcourt.lease(tenant_manager, form)
    core.foodcourt.post_rent(tenant_manager)
    return made


def state_of(core: Core, day: date | None = None) -> tuple[str, str | None, int]:
    (stall,) = core.foodcourt.stall_states(day)
    return stall.state, stall.lease_id, stall.balance


def pay_all(core: Core, actor: Actor, lease: LeaseRecord) -> None:
    core.payments.open_shift(actor, 0)
    owed = core.foodcourt.owed_charges(lease.tenant_id, lease.id)
    core.payments.pay_charges(
        actor, [c.id for c in owed], PaymentForm("transfer", None, "TRF-0042")
    )


def test_a_stall_whose_only_lease_expired_owing_is_in_arrears_then_vacant_once_paid(
    core: Core, tenant_manager: Actor, january: LeaseRecord
) -> None:
    assert core.foodcourt.get_lease(january.id).status == "active"  # nothing stored
    assert state_of(core, JAN_31)[0] == "arrears"  # the deposit was due on 1 January
    owed = january.deposit + 3_000_000
    assert state_of(core) == ("arrears", january.id, owed)  # 10 March: over, still owing
    pay_all(core, tenant_manager, january)
    assert state_of(core) == ("vacant", None, 0)
    assert state_of(core, JAN_31)[:2] == ("occupied", january.id)
    assert core.foodcourt.get_lease(january.id).status == "active"


def test_stalls_json_shows_the_expired_lease_in_arrears(
    core: Core, data_dir: Path, january: LeaseRecord
) -> None:
    out = run(data_dir, "stalls", "--json", "--date", "2026-03-10")
    assert out.returncode == 0, out.stderr
    (stall,) = json.loads(out.stdout)
    assert (stall["state"], stall["lease_id"], stall["lease_until"]) == (
        "arrears", january.id, "2026-01-31")  # fmt: skip
    later = run(data_dir, "stalls", "--json", "--date", "2026-01-15")
    assert json.loads(later.stdout)[0]["state"] == "arrears"


def test_a_lease_booked_after_an_expired_one_and_the_overlap_guard(
    core: Core, tenant_manager: Actor, january: LeaseRecord
) -> None:
    pay_all(core, tenant_manager, january)
    tenant = january.tenant_id
    overlapping = LeaseForm(tenant, "FC2-07", date(2026, 1, 20), date(2026, 4, 30), "month")
    with pytest.raises(LeaseConflict):  # its days stay taken, expired or not
        core.foodcourt.lease(tenant_manager, overlapping)
    april = LeaseForm(tenant, "FC2-07", date(2026, 4, 1), date(2026, 4, 30), "month")
    ahead = core.foodcourt.lease(tenant_manager, april)
    assert state_of(core)[:2] == ("booked", ahead.id)


def test_the_deposit_of_an_expired_lease_can_be_returned(
    core: Core, tenant_manager: Actor, january: LeaseRecord
) -> None:
    pay_all(core, tenant_manager, january)
    back = core.foodcourt.return_deposit(tenant_manager, january.id, [("Kebersihan", 250_000)])
    assert back.returned == january.deposit - 250_000


def test_leases_json_says_expired_as_the_plan_shows_the_stall_vacant(
    core: Core, data_dir: Path, tenant_manager: Actor, january: LeaseRecord
) -> None:
    pay_all(core, tenant_manager, january)

    def cli(*args: str) -> object:
        out = run(data_dir, *args)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    (lease,) = cli("leases", "--json", "--date", "2026-03-10")
    assert (lease["id"], lease["status"]) == (january.id, "expired")
    assert (lease["start"], lease["end"], lease["rent"]) == ("2026-01-01", "2026-01-31", 3_000_000)
    (stall,) = cli("stalls", "--json", "--date", "2026-03-10")
    assert (stall["state"], stall["lease_id"]) == ("vacant", None)
    (on_its_last_day,) = cli("leases", "--json", "--date", "2026-01-31")
    assert on_its_last_day["status"] == "active"
    (stall,) = cli("stalls", "--json", "--date", "2026-01-31")
    assert (stall["state"], stall["lease_id"]) == ("occupied", january.id)
    (tenant,) = cli("tenants", "--json")
    assert (tenant["id"], tenant["balance"]) == (january.tenant_id, 0)
    text = run(data_dir, "leases", "--stall", "FC2-07", "--date", "2026-03-10").stdout
    assert text.split("\t")[0] == january.id and text.rstrip().endswith("\texpired")
    assert core.foodcourt.get_lease(january.id).status == "active"  # nothing stored
