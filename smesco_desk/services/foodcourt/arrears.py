"""What tenants owe past due: arrears aged by days past due, the leases whose
tenant has a charge past due (a stall in arrears on the floor plan), and each
lease's next rent (the stall's card).

A charge of a tenancy is owed while it is open in the payments area (a charge
is paid whole by one receipt; a void makes it open again). Its age is the
days from its due day (`tenant_charges.due_on`) to the day asked about
(smesco_desk.domain.foodcourt_rent: 0-30 days, a charge due that day
included, 31-60, 61-90, over 90). On the floor plan a stall turns to `arrears`
the day after a charge of its tenant fell due unpaid (due today is not late yet).

Arrears are one grouped query over the open charges (few, whatever the years
of history), summed per tenant and bucket by the database, and one for the
names: fast with five years of monthly charges on 150 stalls
(benchmarks/bench_foodcourt_arrears.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from smesco_desk.clock import wib_today
from smesco_desk.db.models import Charge, Lease, TenantCharge
from smesco_desk.domain.foodcourt import BillKind
from smesco_desk.domain.foodcourt_rent import rent_periods
from smesco_desk.services.foodcourt.mapping import tenant_names
from smesco_desk.services.foodcourt.rent import _unposted, checked_day
from smesco_desk.values.foodcourt import TenantArrears

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

OPEN = "open"


def arrears(core: Core, day: date | None = None) -> list[TenantArrears]:
    """Each tenant owing anything due on or before `day` (WIB; today), aged; by
    the most owed first, then name. Tenants owing nothing past due are left out.

    A day after today is a projection that writes nothing: the rent of the
    periods that will have fallen due by then and is not posted yet counts at
    its schedule's amount (before any tax), as if unpaid; late fees not posted
    yet are not guessed."""
    until = checked_day(core, day)
    with core.db.read() as session:
        if until <= wib_today(core.now()):
            return arrears_in(session, until)
        return arrears_in(session, until, projected(session, until))


def projected(session: Session, day: date) -> list[tuple[str, date, int]]:
    """(tenant id, due day, amount) of the rent due by `day` not posted yet."""
    found = _unposted(session, day)
    if not found:
        return []
    tenants = dict(
        session.execute(
            select(Lease.id, Lease.tenant_id).where(Lease.id.in_({i for i, _p in found}))
        ).all()
    )
    return [(tenants[lease_id], p.due_on, p.rent) for lease_id, p in found]


def _bucket(day: date, due: date) -> int:
    late = (day - due).days
    return 0 if late <= 30 else 1 if late <= 60 else 2 if late <= 90 else 3


def arrears_in(
    session: Session, day: date, extra: Iterable[tuple[str, date, int]] = ()
) -> list[TenantArrears]:
    amount = Charge.total
    due = TenantCharge.due_on
    bucket = [
        func.sum(case((due >= day - timedelta(days=30), amount), else_=0)),
        func.sum(
            case(
                ((due < day - timedelta(days=30)) & (due >= day - timedelta(days=60)), amount),
                else_=0,
            )  # fmt: skip
        ),
        func.sum(
            case(
                ((due < day - timedelta(days=60)) & (due >= day - timedelta(days=90)), amount),
                else_=0,
            )  # fmt: skip
        ),
        func.sum(case((due < day - timedelta(days=90), amount), else_=0)),
    ]
    rows = session.execute(
        select(TenantCharge.tenant_id, *bucket)
        .join(Charge, Charge.id == TenantCharge.charge_id)
        .where(
            Charge.status == OPEN,
            Charge.deleted_at.is_(None),
            TenantCharge.deleted_at.is_(None),
            due <= day,
        )
        .group_by(TenantCharge.tenant_id)
    ).all()
    sums = {tenant_id: [int(a), int(b), int(c), int(d)] for tenant_id, a, b, c, d in rows}
    for tenant_id, falls_due, rent in extra:
        sums.setdefault(tenant_id, [0, 0, 0, 0])[_bucket(day, falls_due)] += rent
    names = tenant_names(session, sums)
    out = [
        TenantArrears(tenant_id, names.get(tenant_id, ""), *buckets)
        for tenant_id, buckets in sums.items()
    ]
    return sorted(
        (a for a in out if a.total != 0), key=lambda a: (-a.total, a.tenant.casefold(), a.tenant_id)
    )


def overdue_leases(session: Session, lease_ids: list[str], day: date) -> set[str]:
    """The leases whose tenant has an open charge that fell due before `day`."""
    if not lease_ids:
        return set()
    tenants = dict(
        session.execute(select(Lease.id, Lease.tenant_id).where(Lease.id.in_(lease_ids))).all()
    )
    late = set(
        session.scalars(
            select(TenantCharge.tenant_id)
            .join(Charge, Charge.id == TenantCharge.charge_id)
            .where(
                TenantCharge.tenant_id.in_(set(tenants.values())),
                TenantCharge.deleted_at.is_(None),
                TenantCharge.due_on < day,
                Charge.status == OPEN,
                Charge.deleted_at.is_(None),
            )
            .distinct()
        )
    )
    return {lease_id for lease_id, tenant in tenants.items() if tenant in late}


def next_rent(session: Session, leases: Iterable[Lease], day: date) -> dict[str, tuple[date, int]]:
    """For each lease, the first period of its schedule due on or after `day`
    whose rent is not paid yet (rent due earlier and unpaid is arrears): its due
    day and amount (as posted, or as the schedule makes it). Leases with no such
    period are left out."""
    rows = list(leases)
    if not rows:
        return {}
    charged = {
        (lease_id, start): (total, status)
        for lease_id, start, total, status in session.execute(
            select(TenantCharge.lease_id, TenantCharge.period_start, Charge.total, Charge.status)
            .join(Charge, Charge.id == TenantCharge.charge_id)
            .where(
                # (by tenant and due day: the index reads only the charges from `day` on)
                TenantCharge.tenant_id.in_({r.tenant_id for r in rows}),
                TenantCharge.lease_id.in_([r.id for r in rows]),
                TenantCharge.kind == BillKind.RENT.value,
                TenantCharge.due_on >= day,
                TenantCharge.deleted_at.is_(None),
            )
        )
    }
    out: dict[str, tuple[date, int]] = {}
    for lease in rows:
        if lease.ends_on < day:
            continue
        for period in rent_periods(
            lease.starts_on, lease.ends_on, lease.period, lease.rent, lease.due_day, day
        ):
            if period.due_on < day:
                continue
            total, status = charged.get((lease.id, period.start), (period.rent, OPEN))
            if status == OPEN:
                out[lease.id] = (period.due_on, total)
                break
    return out
