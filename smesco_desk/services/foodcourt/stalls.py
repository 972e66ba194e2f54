"""The stalls of the food court: the catalogue an administrator keeps (code,
size, place on the floor plan, facilities, rates, deposit, in or out of
service), and each stall's state on a day (vacant, booked ahead, occupied, in
arrears, out of service) with the tenant in it.

A stall is found and saved by its code (`FC2-07`); a change of its rates
applies to leases made afterwards (a lease keeps the rent it was made with).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from smesco_desk.clock import wib_today
from smesco_desk.db.models import Charge, Lease, Stall, TenantCharge
from smesco_desk.domain.foodcourt import (
    DAYLESS_STATUSES,
    FLOORS,
    money_errors,
    parse_size_m2,
    parse_stall_code,
    plan_errors,
    stall_code,
    stall_state,
)
from smesco_desk.domain.text import text_errors
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.arrears import next_rent, overdue_leases
from smesco_desk.services.foodcourt.mapping import (
    owed_by_lease,
    stall_info,
    tenant_names,
)
from smesco_desk.services.payments.catalogue import kind_row
from smesco_desk.services.queries import live, save_by_code
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.foodcourt import StallForm, StallInfo, StallStatus

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def stalls(core: Core, floor: int | None = None) -> list[StallInfo]:
    """Every stall (in service or not), by floor and number."""
    with core.db.read() as session:
        return [stall_info(s) for s in _stall_rows(session, floor)]


def _stall_rows(session: Session, floor: int | None) -> list[Stall]:
    query = select(Stall).where(Stall.deleted_at.is_(None))
    if floor is not None:
        if not isinstance(floor, int) or isinstance(floor, bool) or floor not in FLOORS:
            return []  # (no stall is on another floor; a huge number never reaches SQLite)
        query = query.where(Stall.floor == floor)
    return list(session.scalars(query.order_by(Stall.floor, Stall.number)))


def stall_by_code(session: Session, code: object) -> Stall:
    """The live stall with this code as typed (`fc2-7` is FC2-07), or NotFound."""
    try:
        key = stall_code(*parse_stall_code(code))
    except ValueError:
        key = code.strip()[:20] if isinstance(code, str) else ""
    return live(
        session.scalar(select(Stall).where(Stall.code == key)),
        _("Stan {code} tidak ditemukan.").format(code=key or "-"),
        "stall",
    )


def save_stall(core: Core, actor: Actor, form: StallForm) -> StallInfo:
    """Add a stall or change it (by its code)."""
    require(actor, Permission.MANAGE_STALLS)
    errors = text_errors(
        {
            "code": form.code,
            "power_meter": form.power_meter,
            "kind_code": form.kind_code,
            "notes": form.notes,
        }
    )
    if errors:
        raise ValidationError(errors)
    floor = number = size = 0
    try:
        floor, number = parse_stall_code(form.code)
    except ValueError as exc:
        errors["code"] = str(exc)
    try:
        size = parse_size_m2(form.size_m2)
    except ValueError as exc:
        errors["size_m2"] = str(exc)
    errors.update(
        money_errors(
            {
                "rate_day": form.rate_day,
                "rate_week": form.rate_week,
                "rate_month": form.rate_month,
                "deposit": form.deposit,
            }
        )
    )
    errors.update(plan_errors(form.plan_x, form.plan_y, form.plan_w, form.plan_h))
    for name in ("water", "gas", "power", "in_service"):
        if not isinstance(getattr(form, name), bool):
            errors[name] = _("Pilih ya atau tidak.")
    if len(form.power_meter.strip()) > 32:
        errors["power_meter"] = _("Paling banyak 32 karakter.")
    with Transaction.begin(core, actor) as tx:
        if kind_row(tx.session, form.kind_code) is None:
            errors["kind_code"] = _("Jenis tagihan tidak dikenal.")
        if errors:
            raise ValidationError(errors)
        code = stall_code(floor, number)
        row, op = save_by_code(tx, Stall, code, lambda: Stall(code=code))
        row.floor, row.number, row.size_cm2 = floor, number, size
        row.plan_x, row.plan_y, row.plan_w, row.plan_h = (
            form.plan_x,
            form.plan_y,
            form.plan_w,
            form.plan_h,
        )
        row.water, row.gas, row.power = form.water, form.gas, form.power
        row.power_meter = form.power_meter.strip()
        row.rate_day, row.rate_week, row.rate_month = form.rate_day, form.rate_week, form.rate_month
        row.deposit = form.deposit
        row.kind_code = form.kind_code
        row.in_service = form.in_service
        row.notes = form.notes.strip()
        row.deleted_at = None
        tx.record("stall.save", [(row, op)], {"code": code})
        return stall_info(row)


def stall_states(
    core: Core, day: date | None = None, floor: int | None = None
) -> list[StallStatus]:
    """Each stall's state on `day` (WIB; today), with the tenant in it (or who
    booked it ahead), what that lease owes and its next rent not yet paid. A
    running lease whose tenant has a charge past its due day (unpaid after the
    day it fell due) puts its stall in arrears. A stall with no lease running
    or booked whose last lease is over (expired or ended) is vacant, or in
    arrears with that lease while a charge of it is overdue."""
    if day is not None and (not isinstance(day, date) or hasattr(day, "hour")):
        raise ValidationError({"day": _("Tanggal tidak dikenal.")})
    with core.db.read() as session:
        today = day or wib_today(core.now())
        rows = _stall_rows(session, floor)
        leases = _live_leases(session, [s.id for s in rows], today)
        leases.update(_owing_past(session, [s.id for s in rows if s.id not in leases], today))
        names = tenant_names(session, (lease.tenant_id for lease in leases.values()))
        owed = owed_by_lease(session, (lease.id for lease in leases.values()))
        overdue = overdue_leases(session, [lease.id for lease in leases.values()], today)
        upcoming = next_rent(session, leases.values(), today)
        out = []
        for stall in rows:
            lease = leases.get(stall.id)
            coming = (None, 0) if lease is None else upcoming.get(lease.id, (None, 0))
            running = lease is not None and lease.starts_on <= today <= lease.ends_on
            state = stall_state(
                stall.in_service,
                running,
                lease is not None and lease.starts_on > today,
                lease is not None and lease.id in overdue,
            )
            out.append(
                StallStatus(
                    stall=stall_info(stall),
                    state=state.value,
                    tenant_id=None if lease is None else lease.tenant_id,
                    tenant=None if lease is None else names.get(lease.tenant_id),
                    lease_id=None if lease is None else lease.id,
                    lease_until=None if lease is None else lease.ends_on,
                    balance=0 if lease is None else owed.get(lease.id, 0),
                    next_due=coming[0],
                    next_due_amount=coming[1],
                )
            )
        return out


def _owing_past(session: Session, stall_ids: list[str], today: date) -> dict[str, Lease]:
    """For each stall, its last lease over before `today` if a charge of that
    lease is overdue (the stall shows in arrears with it until it is paid)."""
    last = _last_of_each(session, stall_ids, Lease.ends_on < today, Lease.ends_on)
    owing = set(  # its own charges (a running lease's stall counts the tenant's)
        session.scalars(
            select(TenantCharge.lease_id)
            .join(Charge, Charge.id == TenantCharge.charge_id)
            .where(
                TenantCharge.lease_id.in_([lease.id for lease in last.values()]),
                TenantCharge.deleted_at.is_(None),
                TenantCharge.due_on < today,
                Charge.status == "open",
                Charge.total > 0,
                Charge.deleted_at.is_(None),
            )
        )
    )
    return {stall: lease for stall, lease in last.items() if lease.id in owing}


def _live_leases(session: Session, stall_ids: list[str], today: date) -> dict[str, Lease]:
    """For each stall, the live lease running on `today`, or else the next one."""
    return _last_of_each(session, stall_ids, Lease.ends_on >= today, Lease.starts_on.desc())


def _last_of_each(
    session: Session, stall_ids: list[str], when: ColumnElement[bool], order: Any
) -> dict[str, Lease]:
    """For each stall, the last in `order` of its leases that take days and meet `when`."""
    if not stall_ids:
        return {}
    query = (
        select(Lease)
        .where(
            Lease.stall_id.in_(stall_ids),
            Lease.deleted_at.is_(None),
            Lease.status.not_in([s.value for s in DAYLESS_STATUSES]),
            when,
        )
        .order_by(order)
    )
    return {lease.stall_id: lease for lease in session.scalars(query)}  # (the last one wins)
