"""Leasing a stall to a tenant (or booking it for days), cancelling a lease and
ending one early.

A lease is checked in one write transaction: its dates and period, the stall
(in service), the tenant, then the live leases of the stall that share a day
with it (LeaseConflict names the first); then it is written with the stall's
rate for its period as its rent, and its deposit becomes an open charge of the
payments area (source `lease:<id>`, the stall's kind of charge, no tax on a
deposit), to be paid now or later. With `post_due_rent` (the lease dialog), a
lease that starts on or before today has the rent due so far posted at once,
in the same transaction (the first month collected with the deposit);
otherwise the application's timer posts it (services.foodcourt.rent).
A stall booked by the day (a trial, an
event) takes no deposit. Its rent falls due by its schedule (services.foodcourt.rent:
rent per period, period, due day of the month); ending it early takes back the
unpaid rent past its new last day (`settle_end`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from smesco_desk.clock import wib_today
from smesco_desk.db.models import Charge, Lease, Stall, SyncedMixin, TenantCharge
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.foodcourt import BillKind, LeasePeriod, LeaseStatus, due_day, lease_errors
from smesco_desk.domain.foodcourt_rent import rent_periods
from smesco_desk.domain.text import text_errors
from smesco_desk.domain.turnover import rate_error
from smesco_desk.errors import AlreadyDone, ValidationError
from smesco_desk.i18n import N_, _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.billing import post_charge
from smesco_desk.services.foodcourt.conflicts import LeaseConflict, clashes
from smesco_desk.services.foodcourt.mapping import lease_record, lease_records, lease_source
from smesco_desk.services.foodcourt.notice import post_notice_fee
from smesco_desk.services.foodcourt.rent import post_period, settle_end
from smesco_desk.services.foodcourt.stalls import stall_by_code
from smesco_desk.services.foodcourt.tenants import tenant_row
from smesco_desk.services.queries import get_live
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.foodcourt import LeaseForm, LeaseRecord

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from smesco_desk.services.core import Core


def lease(core: Core, actor: Actor, form: LeaseForm) -> LeaseRecord:
    """Lease a stall; ValidationError at the fields, LeaseConflict if it is taken."""
    require(actor, Permission.MANAGE_LEASES)
    errors = text_errors({"tenant_id": form.tenant_id, "stall": form.stall, "notes": form.notes})
    if not errors:
        errors = lease_errors(form.starts_on, form.ends_on, form.period)
    if problem := rate_error(form.turnover_rate_bp):
        errors["turnover_rate_bp"] = problem
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        stall = stall_by_code(session, form.stall)
        tenant = tenant_row(session, form.tenant_id)
        rent = _rent(stall, form.period)
        if not stall.in_service:
            errors["stall"] = _("Stan ini sedang tidak dipakai.")
        elif rent <= 0:
            errors["period"] = _("Stan ini tidak disewakan per periode itu (tarif 0).")
        if not tenant.active:
            errors["tenant_id"] = _("Tenan ini tidak aktif.")
        if errors:
            raise ValidationError(errors)
        taken = clashes(session, stall.id, form.starts_on, form.ends_on)
        if taken:
            raise LeaseConflict(lease_record(session, taken[0]))
        row = tx.insert(
            Lease(
                stall_id=stall.id,
                tenant_id=tenant.id,
                starts_on=form.starts_on,
                ends_on=form.ends_on,
                planned_ends_on=form.ends_on,
                period=form.period,
                rent=rent,
                deposit=0 if form.period == LeasePeriod.DAY else stall.deposit,
                due_day=due_day(form.starts_on),
                status=LeaseStatus.ACTIVE.value,
                notes=form.notes.strip(),
                cancel_reason="",
                turnover_rate_bp=form.turnover_rate_bp,
            )
        )
        rows: list[tuple[SyncedMixin, str]] = [(row, "insert")]
        if row.deposit > 0:
            deposit = _deposit_charge(tx, stall, row)
            row.deposit_charge_id = deposit.charge_id
        session.flush()
        if form.post_due_rent is True:  # the rent due so far, collected with the deposit
            today = wib_today(tx.now)
            periods = rent_periods(row.starts_on, row.ends_on, row.period, row.rent, row.due_day)
            for period in periods:
                if period.due_on > today:
                    break
                post_period(tx, row, period)
        detail = {
            "stall": stall.code,
            "starts_on": row.starts_on.isoformat(),
            "ends_on": row.ends_on.isoformat(),
        }
        tx.record("lease.create", rows, detail)
        return lease_record(session, row)


def _rent(stall: Stall, period: str) -> int:
    return {
        LeasePeriod.DAY.value: stall.rate_day,
        LeasePeriod.WEEK.value: stall.rate_week,
        LeasePeriod.MONTH.value: stall.rate_month,
    }[period]


def _deposit_charge(tx: Transaction, stall: Stall, row: Lease) -> TenantCharge:
    return post_charge(
        tx,
        row,
        BillKind.DEPOSIT,
        (LineInput(N_("Deposit sewa stan {code}").format(code=stall.code), 1, row.deposit),),
        period_start=row.starts_on,
        period_end=row.ends_on,
        due_on=row.starts_on,
        description=N_("Deposit stan {code}").format(code=stall.code),
        kind_code=stall.kind_code,
        untaxed=True,  # a deposit is held, not a taxed sale
    )


def lease_row(session: Session, lease_id: object) -> Lease:
    if not isinstance(lease_id, str) or text_errors({"lease_id": lease_id}):
        lease_id = ""
    return get_live(session, Lease, lease_id, _("Sewa tidak ditemukan."))


def cancel_lease(core: Core, actor: Actor, lease_id: str, reason: str = "") -> LeaseRecord:
    """Cancel a lease (a mistake, or a booking the tenant takes back): its days are
    free again and its unpaid deposit charge is cancelled. A lease whose deposit
    was paid is ended instead (the deposit is returned with its deductions)."""
    require(actor, Permission.MANAGE_LEASES)
    errors = text_errors({"reason": reason})
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        row = lease_row(tx.session, lease_id)
        if row.status != LeaseStatus.ACTIVE.value:
            raise AlreadyDone(_("Sewa ini sudah dibatalkan atau diakhiri."))
        changed: list[tuple[SyncedMixin, str]] = []
        for charge in tx.session.scalars(
            select(Charge).where(Charge.source == lease_source(row.id))
        ):
            if charge.status == "paid":
                raise ValidationError(
                    {"lease_id": _("Deposit sudah dibayar: akhiri sewa, jangan dibatalkan.")}
                )
            if charge.status == "open":
                charge.status = "cancelled"
                changed.append((tx.update(charge), "update"))
        row.status = LeaseStatus.CANCELLED.value
        row.cancel_reason = reason.strip()
        tx.record(
            "lease.cancel", [(tx.update(row), "update"), *changed], {"reason": reason.strip()}
        )
        return lease_record(tx.session, row)


def end_lease(
    core: Core,
    actor: Actor,
    lease_id: str,
    last_day: date,
    reason: str = "",
    *,
    notice_on: date | None = None,
    waive_fee: bool = False,
) -> LeaseRecord:
    """End a lease early: `last_day` (from the day before it starts to its agreed
    last day) becomes its last day, and the days after it are free for another
    lease. Told on `notice_on` (today, WIB, when not given) with fewer days'
    notice than an administrator asks, the tenant owes the notice fee (a charge
    of the tenancy: services.foodcourt.notice), unless `waive_fee`. The deposit
    goes back with `return_deposit` (services.foodcourt.tenancy)."""
    require(actor, Permission.MANAGE_LEASES)
    errors = text_errors({"reason": reason})
    if not isinstance(last_day, date) or hasattr(last_day, "hour"):
        errors["ends_on"] = _("Tanggal tidak dikenal.")
    if notice_on is not None and (not isinstance(notice_on, date) or hasattr(notice_on, "hour")):
        errors["notice_on"] = _("Tanggal tidak dikenal.")
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        row = lease_row(tx.session, lease_id)
        if row.status != LeaseStatus.ACTIVE.value:
            raise AlreadyDone(_("Sewa ini sudah dibatalkan atau diakhiri."))
        if not row.starts_on - timedelta(days=1) <= last_day <= row.ends_on:
            raise ValidationError(
                {"ends_on": _("Hari terakhir antara awal sewa dan akhir yang disepakati.")}
            )
        told = wib_today(tx.now) if notice_on is None else notice_on
        fee = None if waive_fee else post_notice_fee(tx, row, last_day, told)
        if last_day < row.starts_on:  # ended before it began: it takes no day
            row.status = LeaseStatus.CANCELLED.value
        else:
            row.status = LeaseStatus.ENDED.value
            row.ends_on = last_day
        row.cancel_reason = reason.strip()
        detail = {
            "ends_on": last_day.isoformat(),
            "reason": reason.strip(),
            "notice_on": told.isoformat(),
            "notice_fee": 0 if fee is None else tx.session.get_one(Charge, fee.charge_id).total,
            "fee_waived": waive_fee,
        }
        changed = settle_end(tx, row)  # unpaid rent past the last day taken back
        tx.record("lease.end", [(tx.update(row), "update"), *changed], detail)
        return lease_record(tx.session, row)


def leases(core: Core, tenant_id: str | None = None, stall: str | None = None) -> list[LeaseRecord]:
    """The leases (every status) of a tenant, of a stall, or all, latest start first."""
    with core.db.read() as session:
        query = select(Lease).where(Lease.deleted_at.is_(None))
        if tenant_id is not None:
            query = query.where(Lease.tenant_id == tenant_row(session, tenant_id).id)
        if stall is not None:
            query = query.where(Lease.stall_id == stall_by_code(session, stall).id)
        rows = session.scalars(query.order_by(Lease.starts_on.desc(), Lease.id)).all()
        return lease_records(session, rows)


def get_lease(core: Core, lease_id: str) -> LeaseRecord:
    with core.db.read() as session:
        return lease_record(session, lease_row(session, lease_id))


__all__ = ["LeaseConflict", "cancel_lease", "end_lease", "get_lease", "lease", "leases"]
