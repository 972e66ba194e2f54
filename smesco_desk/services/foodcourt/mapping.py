"""Rows of the food court's tables as the plain values the services return.

A lease's money is that of its charges (source `lease:<id>`: the deposit now,
its rent later); a tenant's balance is what the open charges of its leases
add up to. A page is read in a few batched queries, not a handful per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Business, Charge, Lease, Stall, Tenant
from smesco_desk.values import value_from
from smesco_desk.values.foodcourt import LeaseRecord, StallInfo, TenantInfo


def lease_source(lease_id: str) -> str:
    return f"lease:{lease_id}"


def stall_info(row: Stall) -> StallInfo:
    return value_from(StallInfo, row)


def owed_by_lease(session: Session, lease_ids: Iterable[str]) -> dict[str, int]:
    """The open charges of each lease, added up (leases owing nothing left out)."""
    sources = {lease_source(i): i for i in lease_ids}
    if not sources:
        return {}
    rows = session.execute(
        select(Charge.source, func.sum(Charge.total))
        .where(Charge.source.in_(list(sources)), Charge.status == "open")
        .group_by(Charge.source)
    ).all()
    return {sources[source]: int(total or 0) for source, total in rows}


def tenant_infos(session: Session, rows: Sequence[Tenant]) -> list[TenantInfo]:
    """The tenants' values with their businesses and balances, in the order of `rows`."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    businesses = {
        b.id: b
        for b in session.scalars(
            select(Business).where(Business.id.in_({r.business_id for r in rows}))
        )
    }
    leases = session.execute(select(Lease.id, Lease.tenant_id).where(Lease.tenant_id.in_(ids)))
    by_lease: dict[str, str] = {lease_id: tenant for lease_id, tenant in leases}
    owed = owed_by_lease(session, by_lease)
    balance: dict[str, int] = {}
    for lease_id, amount in owed.items():
        tenant = by_lease[lease_id]
        balance[tenant] = balance.get(tenant, 0) + amount
    out = []
    for row in rows:
        b = businesses[row.business_id]
        out.append(
            TenantInfo(
                id=row.id,
                business_id=b.id,
                name=b.name,
                owner=b.owner_name,
                phone=b.phone,
                owner_nik_masked=b.owner_nik_masked,
                nib=b.nib,
                npwp=b.npwp,
                products=b.products,
                halal_number=b.halal_number,
                notes=row.notes,
                active=row.active,
                balance=balance.get(row.id, 0),
            )
        )
    return out


def tenant_names(session: Session, tenant_ids: Iterable[str]) -> dict[str, str]:
    """Each tenant's business name."""
    ids = set(tenant_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(Tenant.id, Business.name)
        .join(Business, Business.id == Tenant.business_id)
        .where(Tenant.id.in_(ids))
    )
    return {tenant_id: name for tenant_id, name in rows}


def lease_records(session: Session, rows: Sequence[Lease]) -> list[LeaseRecord]:
    if not rows:
        return []
    found = session.execute(
        select(Stall.id, Stall.code).where(Stall.id.in_({r.stall_id for r in rows}))
    )
    stalls = {stall_id: code for stall_id, code in found}
    names = tenant_names(session, (r.tenant_id for r in rows))
    owed = owed_by_lease(session, (r.id for r in rows))
    return [
        value_from(
            LeaseRecord,
            row,
            stall_code=stalls[row.stall_id],
            tenant=names.get(row.tenant_id, ""),
            owed=owed.get(row.id, 0),
        )
        for row in rows
    ]


def lease_record(session: Session, row: Lease) -> LeaseRecord:
    return lease_records(session, [row])[0]
