"""Turnover rent after a month closes, and the monthly turnover report.

The rent schedule charges a lease's base rent; turnover rent is the top-up
that makes the tenant pay the higher of the base rent and its rate of the
month's turnover (smesco_desk.domain.turnover). `post_turnover_rent` charges
it, once the month is over, for every lease with a rate that ran in the month:
through billing.post_charge (kind TURNOVER, the whole calendar month as its
period, the stall's kind of charge and its taxes), at most once per lease and
month (`billing.posted`), so running it again adds nothing. A lease whose base
rent is the higher gets nothing; one with days in the month that the rent
schedule has not charged yet is left for a later run (WAITING).

The report reads the same assessment without writing: per floor (the floor of
the stall each entry was counted under), per tenant the month's total, the
days entered, the average of a day and the turnover rent charged or due.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from smesco_desk.clock import to_wib
from smesco_desk.db.models import Charge, Lease, Stall, SyncedMixin, TenantCharge, TurnoverEntry
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.foodcourt import BillKind
from smesco_desk.domain.turnover import (
    average,
    base_rent_in_month,
    due_on,
    format_percent,
    month_bounds,
    month_closed,
    turnover_rent,
    uncovered_days,
)
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import N_, _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.billing import post_charge
from smesco_desk.services.foodcourt.mapping import tenant_names
from smesco_desk.services.foodcourt.turnover import is_day, live_leases
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.turnover import (
    FloorTurnover,
    LeaseTurnover,
    RentState,
    TenantTurnover,
    TurnoverPosting,
    TurnoverReport,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from smesco_desk.services.core import Core

# The least settled state of a tenant's leases names its row in the report.
_STATE_ORDER = [RentState.WAITING, RentState.OPEN, RentState.DUE, RentState.POSTED, RentState.BELOW]


def _month(value: object) -> date:
    if not is_day(value):
        raise ValidationError({"month": _("Bulan tidak dikenal.")})
    assert isinstance(value, date)
    return month_bounds(value)[0]


def _turnover(session: Session, first: date, last: date) -> dict[str, tuple[int, int]]:
    """Per lease: the month's turnover and the days entered."""
    rows = session.execute(
        select(TurnoverEntry.lease_id, func.sum(TurnoverEntry.amount), func.count())
        .where(TurnoverEntry.day.between(first, last), TurnoverEntry.deleted_at.is_(None))
        .group_by(TurnoverEntry.lease_id)
    )
    return {lease_id: (int(total or 0), int(count)) for lease_id, total, count in rows}


def _bills(session: Session, lease_ids: list[str], first: date, last: date) -> list[tuple[
    TenantCharge, Charge
]]:  # fmt: skip
    """The live rent and turnover charges of the leases touching the month."""
    if not lease_ids:
        return []
    rows = session.execute(
        select(TenantCharge, Charge)
        .join(Charge, Charge.id == TenantCharge.charge_id)
        .where(
            TenantCharge.lease_id.in_(lease_ids),
            TenantCharge.kind.in_([BillKind.RENT.value, BillKind.TURNOVER.value]),
            TenantCharge.deleted_at.is_(None),
            TenantCharge.period_start <= last,
            TenantCharge.period_end >= first,
            Charge.status != "cancelled",
        )
    ).all()
    return [(bill, charge) for bill, charge in rows]


def assess(session: Session, month: date, today: date) -> list[LeaseTurnover]:
    """Every lease that ran in the month, with its turnover and, for a lease with
    a rate, its base rent and turnover rent (nothing written)."""
    first, last = month_bounds(month)
    leases = live_leases(session, first, last)
    turnover = _turnover(session, first, last)
    bills = _bills(session, [lease.id for lease, _stall in leases], first, last)
    names = tenant_names(session, (lease.tenant_id for lease, _stall in leases))
    return [
        _assess_one(lease, stall, names, turnover, bills, month, today) for lease, stall in leases
    ]


def _assess_one(
    lease: Lease,
    stall: Stall,
    names: dict[str, str],
    turnover: dict[str, tuple[int, int]],
    bills: list[tuple[TenantCharge, Charge]],
    month: date,
    today: date,
) -> LeaseTurnover:
    total, days = turnover.get(lease.id, (0, 0))
    mine = [(b, c) for b, c in bills if b.lease_id == lease.id]
    rents = [(b, c) for b, c in mine if b.kind == BillKind.RENT.value]
    charged = next((c for b, c in mine if b.kind == BillKind.TURNOVER.value
                    and b.period_start == month), None)  # fmt: skip
    base = base_rent_in_month(
        ((c.subtotal - c.discount_total, b.period_start, b.period_end) for b, c in rents), month
    )
    rent, state = 0, RentState.NONE
    if charged is not None:
        rent, state = charged.subtotal - charged.discount_total, RentState.POSTED
    elif lease.turnover_rate_bp <= 0:
        state = RentState.NONE
    elif not month_closed(month, today):
        state = RentState.OPEN
    elif uncovered_days((lease.starts_on, lease.ends_on),
                        ((b.period_start, b.period_end) for b, _c in rents), month):  # fmt: skip
        state = RentState.WAITING
    else:
        rent = turnover_rent(lease.turnover_rate_bp, total, base)
        state = RentState.DUE if rent > 0 else RentState.BELOW
    return LeaseTurnover(
        lease_id=lease.id,
        tenant_id=lease.tenant_id,
        tenant=names.get(lease.tenant_id, ""),
        stall_code=stall.code,
        floor=stall.floor,
        rate_bp=lease.turnover_rate_bp,
        turnover=total,
        days_entered=days,
        base_rent=base,
        rent=rent,
        state=state.value,
        charge_id=charged.id if charged is not None else None,
    )


def post_turnover_rent(core: Core, actor: Actor, month: date) -> TurnoverPosting:
    """Charge the month's turnover rent (the month must be over); idempotent."""
    require(actor, Permission.MANAGE_LEASES)
    first = _month(month)
    today = to_wib(core.now()).date()
    if not month_closed(first, today):
        raise ValidationError(
            {"month": _("Bulan ini belum selesai: sewa omzet ditagih setelah akhir bulan.")}
        )
    last = month_bounds(first)[1]
    with Transaction.begin(core, actor) as tx:
        found = assess(tx.session, first, today)
        out: list[LeaseTurnover] = []
        written: list[tuple[SyncedMixin, str]] = []
        for item in found:
            if item.state == RentState.DUE:
                lease = tx.session.get_one(Lease, item.lease_id)
                bill = _post(tx, lease, item, first, last, today)
                written.append((bill, "insert"))
                item = replace(item, state=RentState.POSTED.value, charge_id=bill.charge_id)
            if item.state != RentState.NONE:
                out.append(item)
        if written:
            detail = {"month": first.strftime("%Y-%m"), "leases": len(written)}
            tx.audit("turnover.post_rent", written[0][0], detail)  # post_charge queued them
    return TurnoverPosting(first, tuple(out), len(written))


def _post(
    tx: Transaction, lease: Lease, item: LeaseTurnover, first: date, last: date, today: date
) -> TenantCharge:
    label = N_("Sewa omzet {month} stan {code}: {rate} x {turnover} - sewa dasar {base}").format(
        month=first.strftime("%m/%Y"),
        code=item.stall_code,
        rate=format_percent(item.rate_bp),
        turnover=f"Rp{item.turnover:,}".replace(",", "."),
        base=f"Rp{item.base_rent:,}".replace(",", "."),
    )
    return post_charge(
        tx,
        lease,
        BillKind.TURNOVER,
        (LineInput(label[:200], 1, item.rent),),
        period_start=first,
        period_end=last,
        due_on=due_on(first, today),
        description=N_("Sewa omzet {month} stan {code}").format(
            month=first.strftime("%m/%Y"), code=item.stall_code
        ),
    )


# --- the report ---------------------------------------------------------------------------


def turnover_report(core: Core, month: date) -> TurnoverReport:
    """The month's turnover per floor and per tenant, with turnover rent."""
    first = _month(month)
    today = to_wib(core.now()).date()
    with core.db.read() as session:
        found = assess(session, first, today)
    groups: dict[tuple[int, str], list[LeaseTurnover]] = {}
    for item in found:
        groups.setdefault((item.floor, item.tenant_id), []).append(item)
    floors: dict[int, list[TenantTurnover]] = {}
    for (floor, _tenant), items in sorted(groups.items()):
        floors.setdefault(floor, []).append(_tenant_row(items))
    return TurnoverReport(
        month=first,
        closed=month_closed(first, today),
        floors=tuple(
            FloorTurnover(floor, tuple(sorted(rows, key=lambda r: (r.stalls, r.tenant))))
            for floor, rows in sorted(floors.items())
        ),
        generated_at=core.now(),
        building_name=core.payments.building()[0],
    )


def _tenant_row(items: list[LeaseTurnover]) -> TenantTurnover:
    total = sum(i.turnover for i in items)
    days = sum(i.days_entered for i in items)
    states = {i.state for i in items} - {RentState.NONE.value}
    state = next((s.value for s in _STATE_ORDER if s.value in states), RentState.NONE.value)
    return TenantTurnover(
        tenant_id=items[0].tenant_id,
        tenant=items[0].tenant,
        stalls=", ".join(dict.fromkeys(i.stall_code for i in items)),
        total=total,
        days_entered=days,
        average=average(total, days),
        rate_bp=max(i.rate_bp for i in items),
        rent=sum(i.rent for i in items),
        state=state,
    )
