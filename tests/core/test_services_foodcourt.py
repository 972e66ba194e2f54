"""The food court's services on a real database: the stall catalogue, tenants
with their business's identity, leases refused with the lease in the way
(LeaseConflict) at every edge, the deposit as a charge of the payments area,
balances, and each stall's state on a day. The clock: 10 March 2026."""

from __future__ import annotations

from datetime import date

import pytest

from smesco_desk.errors import AlreadyDone, NotFound, PermissionDenied, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.services.foodcourt import LeaseConflict
from smesco_desk.values.foodcourt import LeaseForm, LeaseRecord, TenantInfo
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_core import FakeClock, db_file, raw_sqlite, rows, scalar, table_counts
from tests.core.helpers_foodcourt import stall_form, tenant_form


@pytest.fixture
def stall(core: Core, admin: Actor) -> str:
    return core.foodcourt.save_stall(admin, stall_form()).code


@pytest.fixture
def tenant(core: Core, tenant_manager: Actor) -> TenantInfo:
    return core.foodcourt.save_tenant(tenant_manager, tenant_form())


def lease(
    core: Core, actor: Actor, tenant_id: str, first: date, last: date, period: str = "month"
) -> LeaseRecord:
    return core.foodcourt.lease(actor, LeaseForm(tenant_id, "FC2-07", first, last, period))


def test_a_stall_is_kept_by_its_code_with_its_size_exact(core: Core, admin: Actor) -> None:
    saved = core.foodcourt.save_stall(admin, stall_form(code="fc2-7", size_m2="6,25"))
    assert (saved.code, saved.floor, saved.number, saved.size_cm2) == ("FC2-07", 2, 7, 62_500)
    assert str(saved.size_m2) == "6.25" and saved.to_json()["size_m2"] == 6.25
    again = core.foodcourt.save_stall(admin, stall_form(size_m2="9", rate_month=4_000_000))
    assert again.id == saved.id and again.size_cm2 == 90_000
    assert [s.code for s in core.foodcourt.stalls(floor=2)] == ["FC2-07"]
    assert core.foodcourt.stalls(floor=1) == []


def test_a_bad_stall_is_refused_at_its_fields(core: Core, admin: Actor) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.save_stall(
            admin,
            stall_form(code="FC4-01", size_m2="0", rate_month=-1, plan_w=0, gas="yes",
                       kind_code="nope"),
        )  # fmt: skip
    assert set(refused.value.errors) == {"code", "size_m2", "rate_month", "plan_w", "gas",
                                         "kind_code"}  # fmt: skip
    assert table_counts(core) == before


def test_only_an_administrator_keeps_stalls(core: Core, tenant_manager: Actor) -> None:
    with pytest.raises(PermissionDenied):
        core.foodcourt.save_stall(tenant_manager, stall_form())


def test_a_tenant_has_its_business_identity_and_the_owner_nik_masked(
    core: Core, tenant_manager: Actor
) -> None:
    made = core.foodcourt.save_tenant(tenant_manager, tenant_form(nik="3174015708900001"))
    assert (made.name, made.owner, made.phone) == ("Soto Betawi Bang Ali", "Ali Rahman",
                                                   "+6281234567890")  # fmt: skip
    assert (made.nib, made.npwp) == ("1234567890123", "0012345678901000")  # old NPWP: 0 first
    assert made.owner_nik_masked == "************0001" and made.balance == 0
    (business,) = rows(core, "SELECT owner_nik_hash, owner_nik_masked FROM businesses")
    assert business[0] == core.nik_key.pseudonym("3174015708900001")
    with raw_sqlite(db_file(core)) as conn:
        assert "3174015708900001" not in "\n".join(conn.iterdump())  # never stored raw
    assert scalar(core, "SELECT count(*) FROM businesses WHERE owner_nik_masked LIKE '%5708%'") == 0
    changed = core.foodcourt.save_tenant(
        tenant_manager, tenant_form(tenant_id=made.id, name="Soto Bang Ali", nik="")
    )
    assert changed.name == "Soto Bang Ali" and changed.owner_nik_masked == "************0001"
    assert scalar(core, "SELECT count(*) FROM tenants") == 1


def test_a_bad_tenant_is_refused_at_its_fields(core: Core, tenant_manager: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        core.foodcourt.save_tenant(
            tenant_manager,
            tenant_form(name=" ", phone="12", nik="1234", nib="123", npwp="0123456789"),
        )
    assert set(refused.value.errors) == {"name", "phone", "nik", "nib", "npwp"}
    assert scalar(core, "SELECT count(*) FROM businesses") == 0


def test_a_receptionist_changes_no_tenant_and_no_lease(
    core: Core, receptionist: Actor, tenant: TenantInfo, stall: str
) -> None:
    with pytest.raises(PermissionDenied):
        core.foodcourt.save_tenant(receptionist, tenant_form())
    with pytest.raises(PermissionDenied):
        lease(core, receptionist, tenant.id, date(2026, 4, 1), date(2026, 4, 30))


def test_a_lease_takes_the_stall_rate_and_charges_its_deposit(
    core: Core, tenant_manager: Actor, tenant: TenantInfo, stall: str
) -> None:
    made = lease(core, tenant_manager, tenant.id, date(2026, 1, 31), date(2026, 12, 30))
    assert (made.stall_code, made.rent, made.deposit, made.due_day) == ("FC2-07", 3_000_000,
                                                                        6_000_000, 31)  # fmt: skip
    assert made.to_json()["start"] == "2026-01-31" and made.to_json()["end"] == "2026-12-30"
    charge = core.payments.charge(made.deposit_charge_id or "")
    assert (charge.total, charge.status, charge.payer_kind, charge.payer_id) == (
        6_000_000, "open", "tenant", tenant.id)  # fmt: skip
    assert scalar(core, "SELECT source FROM charges") == f"lease:{made.id}"
    assert core.foodcourt.tenant(tenant.id).balance == 6_000_000
    assert made.owed == 6_000_000
    weekly = core.foodcourt.lease(
        tenant_manager, LeaseForm(tenant.id, "FC2-07", date(2027, 1, 1), date(2027, 1, 14), "week")
    )
    assert weekly.rent == 900_000
    assert core.foodcourt.tenants()[0].balance == 12_000_000


def test_an_overlap_names_the_lease_in_the_way_and_writes_nothing(
    core: Core, tenant_manager: Actor, tenant: TenantInfo, stall: str
) -> None:
    first = lease(core, tenant_manager, tenant.id, date(2026, 1, 1), date(2026, 6, 30))
    other = core.foodcourt.save_tenant(tenant_manager, tenant_form(name="Bakso Cak Man"))
    before = table_counts(core)
    for start, end in [
        (date(2026, 6, 30), date(2026, 7, 31)),  # its last day
        (date(2025, 12, 1), date(2026, 1, 1)),  # its first day
        (date(2026, 3, 3), date(2026, 3, 3)),  # one day inside
        (date(2025, 1, 1), date(2027, 1, 1)),  # around it
    ]:
        with pytest.raises(LeaseConflict) as clash:
            lease(core, tenant_manager, other.id, start, end, "day")
        assert clash.value.lease.id == first.id
        assert first.id in str(clash.value) and "FC2-07" in str(clash.value)
    assert table_counts(core) == before
    after = lease(core, tenant_manager, other.id, date(2026, 7, 1), date(2026, 7, 3), "day")
    before_it = lease(core, tenant_manager, other.id, date(2025, 12, 29), date(2025, 12, 31), "day")
    assert after.rent == before_it.rent == 150_000


def test_cancelled_and_ended_leases_free_their_days(
    core: Core, tenant_manager: Actor, tenant: TenantInfo, stall: str
) -> None:
    first = lease(core, tenant_manager, tenant.id, date(2026, 4, 1), date(2026, 9, 30))
    cancelled = core.foodcourt.cancel_lease(tenant_manager, first.id, "salah stan")
    assert cancelled.status == "cancelled"
    assert core.payments.charge(first.deposit_charge_id or "").status == "cancelled"
    assert core.foodcourt.tenant(tenant.id).balance == 0
    with pytest.raises(AlreadyDone):
        core.foodcourt.cancel_lease(tenant_manager, first.id)
    second = lease(core, tenant_manager, tenant.id, date(2026, 4, 1), date(2026, 9, 30))
    ended = core.foodcourt.end_lease(tenant_manager, second.id, date(2026, 6, 30), "pindah")
    assert (ended.status, ended.ends_on, ended.planned_ends_on) == (
        "ended", date(2026, 6, 30), date(2026, 9, 30))  # fmt: skip
    with pytest.raises(LeaseConflict):  # its days up to the new last day stay taken
        lease(core, tenant_manager, tenant.id, date(2026, 6, 30), date(2026, 7, 31))
    third = lease(core, tenant_manager, tenant.id, date(2026, 7, 1), date(2026, 9, 30))
    with pytest.raises(ValidationError):
        core.foodcourt.end_lease(tenant_manager, third.id, date(2026, 10, 1))


def test_a_lease_whose_deposit_was_paid_is_not_cancelled(
    core: Core, tenant_manager: Actor, tenant: TenantInfo, stall: str
) -> None:
    made = lease(core, tenant_manager, tenant.id, date(2026, 4, 1), date(2026, 9, 30))
    core.payments.open_shift(tenant_manager, 0)
    paid = PaymentForm("transfer", None, "TRF-1")
    core.payments.pay(tenant_manager, made.deposit_charge_id or "", paid)
    assert core.foodcourt.tenant(tenant.id).balance == 0
    with pytest.raises(ValidationError):
        core.foodcourt.cancel_lease(tenant_manager, made.id)
    assert core.foodcourt.get_lease(made.id).status == "active"


def test_a_lease_is_refused_for_a_stall_out_of_service_or_a_period_it_is_not_let_by(
    core: Core, admin: Actor, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    core.foodcourt.save_stall(admin, stall_form(rate_week=0, in_service=True))
    with pytest.raises(ValidationError) as refused:
        lease(core, tenant_manager, tenant.id, date(2026, 4, 1), date(2026, 4, 14), "week")
    assert set(refused.value.errors) == {"period"}
    core.foodcourt.save_stall(admin, stall_form(in_service=False))
    with pytest.raises(ValidationError) as refused:
        lease(core, tenant_manager, tenant.id, date(2026, 4, 1), date(2026, 4, 30))
    assert set(refused.value.errors) == {"stall"}
    with pytest.raises(NotFound):
        core.foodcourt.lease(tenant_manager, LeaseForm(tenant.id, "FC1-01", date(2026, 4, 1),
                                                       date(2026, 4, 2)))  # fmt: skip
    with pytest.raises(NotFound):
        core.foodcourt.lease(tenant_manager, LeaseForm("nobody", "FC2-07", date(2026, 4, 1),
                                                       date(2026, 4, 2)))  # fmt: skip
    with pytest.raises(ValidationError):
        lease(core, tenant_manager, tenant.id, date(2026, 4, 2), date(2026, 4, 1))


def test_stall_states_on_a_day(
    core: Core, admin: Actor, tenant_manager: Actor, tenant: TenantInfo, clock: FakeClock
) -> None:
    for code in ("FC1-01", "FC1-02", "FC1-03", "FC1-04"):
        core.foodcourt.save_stall(admin, stall_form(code=code))
    core.foodcourt.save_stall(admin, stall_form(code="FC1-05", in_service=False))
    form = LeaseForm(tenant.id, "FC1-01", date(2026, 3, 1), date(2026, 8, 31))
    running = core.foodcourt.lease(tenant_manager, form)
    core.foodcourt.lease(tenant_manager, LeaseForm(tenant.id, "FC1-02", date(2026, 3, 20),
                                                   date(2026, 3, 22), "day"))  # fmt: skip
    core.payments.open_shift(tenant_manager, 0)
    core.payments.pay(tenant_manager, running.deposit_charge_id or "",
                      PaymentForm("transfer", None, "TRF-2"))  # fmt: skip
    clock.set_wib(2026, 3, 1, 9)  # made on 1 March, still unpaid ten days later
    other = core.foodcourt.save_tenant(tenant_manager, tenant_form(name="Bakso Malang Cak Man"))
    core.foodcourt.lease(tenant_manager, LeaseForm(other.id, "FC1-03", date(2026, 3, 1),
                                                   date(2026, 3, 31)))  # fmt: skip
    clock.set_wib(2026, 3, 10, 9)
    states = {s.stall.code: s for s in core.foodcourt.stall_states(floor=1)}
    assert {c: s.state for c, s in states.items()} == {
        "FC1-01": "occupied",
        "FC1-02": "booked",
        "FC1-03": "arrears",
        "FC1-04": "vacant",
        "FC1-05": "out_of_service",
    }
    assert states["FC1-01"].tenant == "Soto Betawi Bang Ali" and states["FC1-04"].tenant is None
    assert states["FC1-03"].balance == 6_000_000
    # arrears are the tenant's: its other stall, paid, is in arrears too
    core.foodcourt.lease(tenant_manager, LeaseForm(other.id, "FC1-04", date(2026, 3, 5),
                                                   date(2026, 3, 31), "day"))  # fmt: skip
    assert core.foodcourt.stall_states(floor=1)[3].state == "arrears"
    later = {s.stall.code: s.state for s in core.foodcourt.stall_states(date(2026, 3, 21), 1)}
    assert later["FC1-02"] == "occupied"
    # every lease over by 1 September: vacant, or in arrears while the lease that
    # is over owes past its due day itself (FC1-03's deposit; not FC1-04's lease)
    autumn = {s.stall.code: s for s in core.foodcourt.stall_states(date(2026, 9, 1), 1)}
    assert {c: s.state for c, s in autumn.items()} == {
        "FC1-01": "vacant",
        "FC1-02": "vacant",
        "FC1-03": "arrears",
        "FC1-04": "vacant",
        "FC1-05": "out_of_service",
    }
    assert (autumn["FC1-03"].tenant, autumn["FC1-03"].balance) == ("Bakso Malang Cak Man",
                                                                  6_000_000)  # fmt: skip
    assert autumn["FC1-03"].lease_until == date(2026, 3, 31) and autumn["FC1-04"].tenant is None
