"""Rent that falls due: each live lease's schedule (smesco_desk.domain.foodcourt_rent)
becomes one open charge per period, posted on or after the day it falls due,
and the "due today / this week" list.

Posting (`post_rent`) is repeated safely: a period that has its rent charge is
never charged again. It runs at every start of the application and on its
timer (ui.main_window, with the automatic check-out), from the command line
(`post-rent`, and `rent-due`, which posts before it lists), and catches up: a
lease whose charges were never posted gets every period due by that day.

Two desks offline both post the rent of one period: each makes the same rows,
because their ids are derived from what they are (smesco_desk.ids.derived_id
over the lease, the kind and the period's first day: the tenant charge, its
charge and the charge's lines). When both have synced the server holds one of
each, as any row two desks wrote (the later push is `same`, or, if the two
differ in who made them, a concurrent edit the server settles to one whole
row): one charge per period, never two. If both desks took a payment for it
too, that is the server's rule of one live payment per charge: the later
receipt is a `double_payment` conflict to refund (smesco_desk.sync.settle).

A lease ended early (`settle_end`, from `end_lease`): unpaid rent of the period
it ended in is posted again prorated to its last day (the whole month's charge
cancelled), unpaid rent of later periods cancelled; rent already paid stays
(what is owed back is settled with the deposit). A period posted after the
lease was ended is prorated to its last day from the start.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from smesco_desk.clock import WIB, wib_today
from smesco_desk.db.models import Charge, Lease, Stall, SyncedMixin, TenantCharge
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.foodcourt import DAYLESS_STATUSES, BillKind, LeasePeriod
from smesco_desk.domain.foodcourt_rent import RentPeriod, periods_until, rent_periods
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import N_, _
from smesco_desk.ids import derived_id
from smesco_desk.services.actors import SYSTEM, Actor, Permission, require
from smesco_desk.services.foodcourt.billing import post_charge
from smesco_desk.services.foodcourt.mapping import tenant_names
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.foodcourt import TenantChargeItem

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

MAX_LIST_DAYS = 366  # the longest stretch `rent_due` covers at once
SCHEDULED = "scheduled"  # the status of rent in the list not posted yet
UNITS = {LeasePeriod.DAY: "hari", LeasePeriod.WEEK: "minggu", LeasePeriod.MONTH: "bulan"}


def charge_row_id(lease_id: str, kind: BillKind, period_start: date, *more: str) -> str:
    """The id of a lease's charge of this kind for the period starting then (the
    same at every desk)."""
    return derived_id("tenant_charges", lease_id, kind.value, period_start.isoformat(), *more)


def checked_day(core: Core, day: object, field: str = "day") -> date:
    """A day of the building (WIB) as given, today when None; ValidationError for
    anything else or a day past ten years from today."""
    if day is None:
        return wib_today(core.now())
    if not isinstance(day, date) or hasattr(day, "hour"):
        raise ValidationError({field: _("Tanggal tidak dikenal.")})
    today = wib_today(core.now())
    if not date(1900, 1, 1) <= day <= today + timedelta(days=3660):
        raise ValidationError({field: _("Tanggal di luar jangkauan.")})
    return day


# --- posting --------------------------------------------------------------------------


def _unposted(
    session: Session, day: date, since: date | None = None
) -> list[tuple[str, RentPeriod]]:
    """Each (lease id, period) of a live lease due on or before `day` (and on or
    after `since`) that has no rent charge yet, by due day.

    It runs on the application's timer: a lease whose rent is posted without a
    gap up to its latest period (the count of its rent charges is the count of
    its periods up to there: posting always fills every period in order) is
    read from the period after that one only, not from its first day."""
    query = select(
        Lease.id, Lease.starts_on, Lease.ends_on, Lease.period, Lease.rent, Lease.due_day
    ).where(
        Lease.deleted_at.is_(None),
        Lease.status.not_in([s.value for s in DAYLESS_STATUSES]),
        Lease.starts_on <= day,
    )
    if since is not None:
        query = query.where(Lease.ends_on >= since)
    leases = session.execute(query.order_by(Lease.starts_on, Lease.id)).all()
    if not leases:
        return []
    ids = [row[0] for row in leases]
    rent = (TenantCharge.kind == BillKind.RENT.value, TenantCharge.lease_id.in_(ids))
    latest = {
        lease_id: (count, last)
        for lease_id, count, last in session.execute(
            select(
                TenantCharge.lease_id,
                func.count(func.distinct(TenantCharge.period_start)),
                func.max(TenantCharge.period_start),
            )
            .where(*rent)
            .group_by(TenantCharge.lease_id)
        )
    }
    out = []
    for lease_id, first, last, period, amount, due_day in leases:
        count, newest = latest.get(lease_id, (0, None))
        whole = newest is None or count == periods_until(first, period, min(newest, last), due_day)
        posted: set[date] = set()
        start_from = since
        if newest is not None and whole:
            start_from = max(since or newest, newest + timedelta(days=1))
        elif newest is not None:  # a gap: every period is checked
            posted = set(
                session.scalars(
                    select(TenantCharge.period_start).where(
                        *rent, TenantCharge.lease_id == lease_id
                    )
                )
            )
        for p in rent_periods(first, last, period, amount, due_day, start_from):
            if p.due_on > day:
                break
            if newest is not None and whole and p.start <= newest:
                continue
            if (since is None or p.due_on >= since) and p.start not in posted:
                out.append((lease_id, p))
    out.sort(key=lambda found: (found[1].due_on, found[0]))
    return out


def post_rent(core: Core, actor: Actor = SYSTEM, day: date | None = None) -> list[TenantChargeItem]:
    """Post the rent of every period of a live lease due on or before `day` (WIB;
    today) that has none yet; the charges made, by due day. Safe to repeat."""
    require(actor, Permission.MANAGE_LEASES)
    until = checked_day(core, day)
    with core.db.read() as session:
        if not _unposted(session, until):
            return []  # (no write lock taken every minute for nothing)
    with Transaction.begin(core, actor) as tx:
        made = [
            post_period(tx, tx.session.get_one(Lease, lease_id), period)
            for lease_id, period in _unposted(tx.session, until)  # again, under the lock
        ]
        if made:
            detail = {"until": until.isoformat(), "charges": len(made)}
            tx.audit("rent.post", made[0], detail)  # post_charge queued the rows
        return charge_items(tx.session, made)


def post_period(
    tx: Transaction, lease: Lease, period: RentPeriod, row_id: str | None = None
) -> TenantCharge:
    """The rent charge of one period of the lease (its id derived from the lease
    and the period's first day, unless given). Callers check first that it has
    none."""
    text = _rent_text(tx.session.get_one(Stall, lease.stall_id).code, period)
    unit = UNITS.get(LeasePeriod(lease.period), "")
    return post_charge(
        tx,
        lease,
        BillKind.RENT,
        (LineInput(text, 1, period.rent, 0, unit),),
        period_start=period.start,
        period_end=period.end,
        due_on=period.due_on,
        description=text,
        row_id=row_id or charge_row_id(lease.id, BillKind.RENT, period.start),
    )


def _rent_text(code: str, period: RentPeriod) -> str:
    days = f"{period.start:%d-%m-%Y} s.d. {period.end:%d-%m-%Y}"
    text = N_("Sewa stan {code}, {days}").format(code=code, days=days)
    if period.prorated:
        text += " " + N_("({days} dari {full} hari)").format(
            days=period.days, full=period.full_days
        )
    return text


def settle_end(tx: Transaction, lease: Lease) -> list[tuple[SyncedMixin, str]]:
    """A lease ended early (its `ends_on` just moved earlier): rent posted for
    days past its new last day is taken back while unpaid. An open rent charge
    of a period that runs past the last day is cancelled and the period's rent
    posted again, prorated to the last day (its own derived id); one of a period
    that starts after the last day is cancelled. A paid one stays: what is owed
    back is settled with the deposit. The rows changed (the new charges are
    recorded as they are made)."""
    changed: list[tuple[SyncedMixin, str]] = []
    session = tx.session
    rows = session.execute(
        select(TenantCharge, Charge)
        .join(Charge, Charge.id == TenantCharge.charge_id)
        .where(
            TenantCharge.lease_id == lease.id,
            TenantCharge.kind == BillKind.RENT.value,
            TenantCharge.deleted_at.is_(None),
            TenantCharge.period_end > lease.ends_on,
            Charge.status == "open",
        )
        .order_by(TenantCharge.period_start)
    ).all()
    schedule = {
        p.start: p
        for p in rent_periods(
            lease.starts_on, lease.ends_on, lease.period, lease.rent, lease.due_day
        )
    }
    for posted, charge in rows:
        charge.status = "cancelled"
        changed.append((tx.update(charge), "update"))
        cut = schedule.get(posted.period_start)
        if cut is not None:  # the period holding the last day: its prorated rent
            row_id = charge_row_id(
                lease.id, BillKind.RENT, cut.start, "until", lease.ends_on.isoformat()
            )
            if session.get(TenantCharge, row_id) is None:
                post_period(tx, lease, cut, row_id)  # queued for sync by post_charge
    return changed


# --- what falls due -------------------------------------------------------------------


def rent_due_between(core: Core, first: date, last: date) -> list[TenantChargeItem]:
    """The charges of tenancies (rent, late fees, deposits...) that fall due from
    `first` to `last` (WIB, both included) or were made on one of those days,
    whatever their status now; and the rent of those days not posted yet (a
    period that falls due later this week), status `scheduled`, no charge id.
    By due day, stall."""
    first = checked_day(core, first, "first")
    last = checked_day(core, last, "last")
    if last < first:
        raise ValidationError({"last": _("Tanggal akhir tidak boleh sebelum tanggal mulai.")})
    made_from = datetime.combine(first, time(0), tzinfo=WIB)
    made_until = datetime.combine(last + timedelta(days=1), time(0), tzinfo=WIB)
    with core.db.read() as session:
        rows = session.scalars(
            select(TenantCharge)
            .where(
                TenantCharge.deleted_at.is_(None),
                or_(
                    TenantCharge.due_on.between(first, last),
                    (TenantCharge.created_at >= made_from) & (TenantCharge.created_at < made_until),
                ),
            )
            .order_by(TenantCharge.due_on, TenantCharge.id)
        ).all()
        return sorted([*charge_items(session, rows), *_scheduled(session, first, last)], key=_order)


def _scheduled(session: Session, first: date, last: date) -> list[TenantChargeItem]:
    """The rent periods falling due from `first` to `last` not posted yet."""
    found = _unposted(session, last, first)
    if not found:
        return []
    leases = {
        lease.id: lease
        for lease in session.scalars(select(Lease).where(Lease.id.in_({i for i, _p in found})))
    }
    stalls = dict(
        session.execute(
            select(Stall.id, Stall.code).where(Stall.id.in_({x.stall_id for x in leases.values()}))
        ).all()
    )
    names = tenant_names(session, (x.tenant_id for x in leases.values()))
    out = []
    for lease_id, p in found:
        lease = leases[lease_id]
        code = stalls.get(lease.stall_id, "")
        out.append(
            TenantChargeItem(
                id=charge_row_id(lease_id, BillKind.RENT, p.start),
                charge_id="",
                lease_id=lease_id,
                tenant_id=lease.tenant_id,
                tenant=names.get(lease.tenant_id, ""),
                stall=code,
                kind=BillKind.RENT.value,
                period_start=p.start,
                period_end=p.end,
                due_on=p.due_on,
                amount=p.rent,
                status=SCHEDULED,
                description=_rent_text(code, p),
            )
        )
    return out


def _order(item: TenantChargeItem) -> tuple[date, str, str, date, str]:
    return (item.due_on, item.stall, item.kind, item.period_start, item.id)


def rent_due(core: Core, day: date | None = None, days: int = 1) -> list[TenantChargeItem]:
    """The charges falling due (or made) on `day` (today) and the `days` - 1 days
    after it (7: this week)."""
    first = checked_day(core, day)
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_LIST_DAYS:
        raise ValidationError({"days": _("Antara 1 dan 366 hari.")})
    return rent_due_between(core, first, first + timedelta(days=days - 1))


def charge_items(session: Session, rows: Sequence[TenantCharge]) -> list[TenantChargeItem]:
    """The list's values of tenant charges, by due day and stall (a few batched
    queries)."""
    if not rows:
        return []
    charges = {
        c.id: c
        for c in session.scalars(select(Charge).where(Charge.id.in_({r.charge_id for r in rows})))
    }
    stalls = dict(
        session.execute(
            select(Lease.id, Stall.code)
            .join(Stall, Stall.id == Lease.stall_id)
            .where(Lease.id.in_({r.lease_id for r in rows}))
        ).all()
    )
    names = tenant_names(session, (r.tenant_id for r in rows))
    items = [
        TenantChargeItem(
            id=r.id,
            charge_id=r.charge_id,
            lease_id=r.lease_id,
            tenant_id=r.tenant_id,
            tenant=names.get(r.tenant_id, ""),
            stall=stalls.get(r.lease_id, ""),
            kind=r.kind,
            period_start=r.period_start,
            period_end=r.period_end,
            due_on=r.due_on,
            amount=charges[r.charge_id].total,
            status=charges[r.charge_id].status,
            description=charges[r.charge_id].description,
        )
        for r in rows
    ]
    return sorted(items, key=_order)
