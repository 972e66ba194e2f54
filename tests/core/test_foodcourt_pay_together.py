"""A tenant's open charges paid together with one kuitansi
(payments.pay_charges): oldest first, whole charges, exact rupiah; the
statement, the arrears, the late fees and a void see it as the charges paid.
The clock: 10 March 2026 (WIB)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smesco_desk.domain.charges import AmountError, oldest_first
from smesco_desk.errors import AlreadyDone, ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.foodcourt import LateFeePolicy, LeaseForm, TenantInfo
from smesco_desk.values.payments import ChargeRecord, PaymentForm
from tests.core.helpers_core import FakeClock
from tests.core.helpers_foodcourt import stall_form, tenant_form

RENT, DEPOSIT = 3_000_000, 6_000_000


@pytest.fixture
def tenant(core: Core, admin: Actor, tenant_manager: Actor) -> TenantInfo:
    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(tenant_manager, tenant_form())
    form = LeaseForm(tenant.id, "FC2-07", date(2026, 1, 1), date(2026, 12, 31), "month")
    core.foodcourt.lease(tenant_manager, form)
    core.foodcourt.post_rent(tenant_manager)  # deposit, rent of January, February, March
    core.payments.open_shift(tenant_manager, 0)
    return tenant


def owed(core: Core, tenant: TenantInfo) -> list[ChargeRecord]:
    """Oldest due first (the deposit, then January, February, March)."""
    return core.foodcourt.owed_charges(tenant.id)


def test_all_open_charges_paid_with_one_receipt(
    core: Core, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    charges = owed(core, tenant)
    assert [c.total for c in charges] == [DEPOSIT, RENT, RENT, RENT]
    assert "01-01-2026" in charges[1].description and "01-03-2026" in charges[3].description
    before = core.foodcourt.tenant(tenant.id).balance
    receipt = core.payments.pay_charges(
        tenant_manager, [c.id for c in charges], PaymentForm("cash", 20_000_000)
    )
    assert (receipt.total, receipt.change_given) == (before, 20_000_000 - before)
    assert [(line.description, line.amount) for line in receipt.lines] == [
        (c.description, c.total)
        for c in charges  # oldest first, each whole
    ]
    assert owed(core, tenant) == []
    assert core.foodcourt.tenant(tenant.id).balance == 0
    assert core.foodcourt.arrears() == []
    payments = [e for e in core.foodcourt.statement(tenant.id).entries if e.kind == "payment"]
    assert [(e.reference, e.amount) for e in payments] == [(receipt.number, -before)]
    assert core.foodcourt.statement(tenant.id).closing == 0
    with pytest.raises(AlreadyDone):
        core.payments.pay_charges(tenant_manager, [charges[0].id], PaymentForm("cash"))


def test_a_partial_amount_pays_the_oldest_whole_charges_first(
    core: Core, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    charges = owed(core, tenant)
    ids = [c.id for c in charges]
    with pytest.raises(ValidationError) as refused:
        core.payments.pay_charges(
            tenant_manager, ids, PaymentForm("transfer", None, "TRF-0001"), 7_000_000
        )
    assert "Rp6.000.000" in refused.value.errors["amount"]
    assert "Rp9.000.000" in refused.value.errors["amount"]
    assert owed(core, tenant) == charges  # nothing half-written
    receipt = core.payments.pay_charges(
        tenant_manager, ids, PaymentForm("transfer", None, "TRF-0001"), DEPOSIT + RENT
    )
    assert receipt.total == DEPOSIT + RENT
    assert owed(core, tenant) == charges[2:]  # February and March still open
    (arrears,) = core.foodcourt.arrears()
    assert arrears.total == 2 * RENT
    one = core.payments.pay_charges(
        tenant_manager, ids[2:], PaymentForm("qris", None, "QR-0001"), RENT
    )
    assert [line.description for line in one.lines] == [charges[2].description]
    assert owed(core, tenant) == charges[3:]


def test_a_void_opens_every_charge_it_paid_again(
    core: Core, admin: Actor, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    charges = owed(core, tenant)
    receipt = core.payments.pay_charges(
        tenant_manager, [c.id for c in charges[1:]], PaymentForm("cash")
    )
    core.payments.open_shift(admin, 0)
    core.payments.void(admin, receipt.number, "Salah tenan")
    assert owed(core, tenant) == charges
    assert core.foodcourt.statement(tenant.id).closing == DEPOSIT + 3 * RENT
    again = core.payments.pay_charges(tenant_manager, [c.id for c in charges], PaymentForm("cash"))
    assert again.total == DEPOSIT + 3 * RENT
    assert core.foodcourt.statement(tenant.id).closing == 0


def test_charges_of_two_payers_are_refused(
    core: Core, tenant_manager: Actor, tenant: TenantInfo
) -> None:
    other = core.foodcourt.save_tenant(tenant_manager, tenant_form(name="Mie Aceh Bu Ros"))
    core.foodcourt.lease(
        tenant_manager,
        LeaseForm(other.id, "FC2-07", date(2027, 1, 1), date(2027, 1, 31), "month"),
    )
    mixed = [owed(core, tenant)[0].id, owed(core, other)[0].id]
    with pytest.raises(ValidationError) as refused:
        core.payments.pay_charges(tenant_manager, mixed, PaymentForm("cash"))
    assert "charges" in refused.value.errors


@given(st.lists(st.integers(1, 10**9), min_size=1, max_size=8), st.data())
def test_oldest_first_pays_exactly_a_prefix(totals: list[int], data: st.DataObject) -> None:
    amount = data.draw(st.integers(1, sum(totals) + 10))
    try:
        count = oldest_first(totals, amount)
    except AmountError as exc:
        assert amount not in {sum(totals[:n]) for n in range(1, len(totals) + 1)}
        assert "amount" in exc.errors
    else:
        assert sum(totals[:count]) == amount
    assert oldest_first(totals, None) == len(totals)


def test_late_fees_see_the_day_a_charge_was_paid_with_others(
    core: Core, clock: FakeClock, admin: Actor, tenant_manager: Actor
) -> None:
    core.foodcourt.set_late_fee_policy(admin, LateFeePolicy("fixed", fixed=50_000))
    core.foodcourt.save_stall(admin, stall_form())
    tenant = core.foodcourt.save_tenant(tenant_manager, tenant_form())
    clock.set_wib(2026, 1, 1, 9)
    form = LeaseForm(tenant.id, "FC2-07", date(2026, 1, 1), date(2026, 2, 28), "month")
    core.foodcourt.lease(tenant_manager, form)
    core.foodcourt.post_rent(tenant_manager)
    clock.set_wib(2026, 2, 1, 9)
    core.foodcourt.post_rent(tenant_manager)
    core.payments.open_shift(tenant_manager, 0)
    owed = core.foodcourt.owed_charges(tenant.id)  # deposit, January, February
    core.payments.pay_charges(tenant_manager, [c.id for c in owed], PaymentForm("cash"))
    clock.set_wib(2026, 3, 10, 9)
    posted = core.foodcourt.post_late_fees(tenant_manager)
    # January's rent paid on 1 February (late: one fee day, 2 January); February's in time
    assert sorted((c.due_on, c.amount) for c in posted) == [(date(2026, 1, 2), 50_000)]
