"""Posting a charge of a tenancy: every bill of a lease (deposit, rent, late
fee, utilities, service charge, turnover rent, notice fee) goes through
`post_charge`, so that each is one open charge of the payments area (source
`lease:<id>`, paid and receipted like any other) with one `TenantCharge` row
saying what it is for, the days it covers and the day it falls due. Arrears,
statements and balances read those two tables together.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from smesco_desk.db.models import Business, Lease, Stall, Tenant, TenantCharge
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.foodcourt import BillKind
from smesco_desk.domain.payments import PayerKind
from smesco_desk.ids import derived_id
from smesco_desk.services.foodcourt.mapping import lease_source
from smesco_desk.services.payments.charges import new_charge
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.payments import ChargeForm, PayerForm


def post_charge(
    tx: Transaction,
    lease: Lease,
    kind: BillKind,
    lines: Sequence[LineInput],
    *,
    period_start: date,
    period_end: date,
    due_on: date,
    description: str,
    kind_code: str | None = None,
    untaxed: bool = False,
    row_id: str | None = None,
) -> TenantCharge:
    """Add an open charge of `lines` to the lease's tenant and say what it is.
    Both rows are queued for sync here: the caller must not list the returned
    row in its `tx.record(...)` again (audit it with `tx.audit` if need be).
    `kind_code` (the kind of charge whose taxes apply) defaults to the stall's;
    `untaxed` for sums that carry no tax (a deposit) or have it inside.
    `row_id`: the tenant charge's id when it is derived from what it is for
    (smesco_desk.ids.derived_id; the rent of one period posted at two offline
    desks is one row after sync); its charge's id is derived from it."""
    session = tx.session
    tenant = session.get_one(Tenant, lease.tenant_id)
    business = session.get_one(Business, tenant.business_id)
    if kind_code is None:
        kind_code = session.get_one(Stall, lease.stall_id).kind_code
    form = ChargeForm(
        PayerForm(PayerKind.TENANT.value, business.name, tenant.id),
        kind_code,
        tuple(lines),
        description=description[:200],
        source=lease_source(lease.id),
    )
    charge_id = None if row_id is None else derived_id(row_id, "charge")
    charge = new_charge(tx, form, untaxed=untaxed, row_id=charge_id)
    billed = tx.insert(
        TenantCharge(
            id=row_id,
            lease_id=lease.id,
            tenant_id=tenant.id,
            charge_id=charge.id,
            kind=kind.value,
            period_start=period_start,
            period_end=period_end,
            due_on=due_on,
        )
    )
    # Queued for sync here, as new_charge queues its charge: callers record
    # their own rows (the lease) and need not list this one.
    tx.enqueue(billed, "insert")
    return billed


def posted(tx: Transaction, lease_id: str, kind: BillKind, period_start: date) -> bool:
    """Whether the lease already has a live charge of this kind for this period
    (posting is repeated safely: a second run adds nothing)."""
    found = tx.session.scalar(
        select(TenantCharge.id).where(
            TenantCharge.lease_id == lease_id,
            TenantCharge.kind == kind.value,
            TenantCharge.period_start == period_start,
            TenantCharge.deleted_at.is_(None),
        )
    )
    return found is not None
