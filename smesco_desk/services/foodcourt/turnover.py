"""Tenants' daily turnover: the grid of tenants by days the tenant manager types
into, saving it (all of it or nothing), and a lease's turnover-rent terms.

A day's entry is counted under the tenant's lease that day (its first stall by
code when it rents more than one); a tenant with no live lease on a day has no
cell for it. One entry per tenant and day, its id derived from the two
(smesco_desk.domain.turnover.entry_id): typing a day again changes the row,
clearing it leaves a tombstone that the next entry brings back, and two desks
typing the same day offline converge on one row when they sync. The entries
of a month whose turnover rent is already charged are not changed any more
(the charge was computed from them). Like every write, it is local: it works
offline and syncs later.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from smesco_desk.clock import to_wib
from smesco_desk.db.models import Lease, Stall, SyncedMixin, TurnoverEntry
from smesco_desk.domain.foodcourt import BillKind, LeaseStatus
from smesco_desk.domain.turnover import (
    MAX_CELLS,
    MAX_GRID_DAYS,
    amount_error,
    cell_key,
    entry_id,
    month_bounds,
    rate_error,
)
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.billing import posted
from smesco_desk.services.foodcourt.leases import lease_row
from smesco_desk.services.foodcourt.mapping import lease_record, tenant_names
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.foodcourt import LeaseRecord
from smesco_desk.values.turnover import TurnoverCell, TurnoverGrid, TurnoverGridRow, TurnoverSaved

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from smesco_desk.services.core import Core


def is_day(value: object) -> bool:
    return isinstance(value, date) and not hasattr(value, "hour") and 1900 <= value.year <= 9000


def live_leases(session: Session, first: date, last: date) -> list[tuple[Lease, Stall]]:
    """The leases (not cancelled) that take a day from `first` to `last`, with
    their stalls, by stall code."""
    rows = session.execute(
        select(Lease, Stall)
        .join(Stall, Stall.id == Lease.stall_id)
        .where(
            Lease.deleted_at.is_(None),
            Lease.status != LeaseStatus.CANCELLED.value,
            Lease.starts_on <= last,
            Lease.ends_on >= first,
        )
        .order_by(Stall.code, Lease.starts_on)
    ).all()
    return [(lease, stall) for lease, stall in rows]


def _lease_on(leases: Sequence[tuple[Lease, Stall]], tenant_id: str, day: date) -> Lease | None:
    for lease, _stall in leases:
        if lease.tenant_id == tenant_id and lease.starts_on <= day <= lease.ends_on:
            return lease
    return None


# --- the grid -----------------------------------------------------------------------------


def turnover_grid(core: Core, start: date, days: int = 7, floor: int | None = None) -> TurnoverGrid:
    """The tenants renting a stall on any of `days` days from `start` (on `floor`
    only, if given) by those days, with what was entered."""
    errors = {}
    if not is_day(start):
        errors["start"] = _("Tanggal tidak dikenal.")
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_GRID_DAYS:
        errors["days"] = _("Antara 1 dan {n} hari.").format(n=MAX_GRID_DAYS)
    if floor is not None and (not isinstance(floor, int) or isinstance(floor, bool)):
        errors["floor"] = _("Lantai 1 sampai 3.")
    if errors:
        raise ValidationError(errors)
    dates = tuple(start + timedelta(days=n) for n in range(days))
    with core.db.read() as session:
        leases = live_leases(session, dates[0], dates[-1])
        tenants: dict[str, list[Stall]] = {}
        for lease, stall in leases:
            tenants.setdefault(lease.tenant_id, [])
            if stall not in tenants[lease.tenant_id]:
                tenants[lease.tenant_id].append(stall)
        if floor is not None:
            tenants = {t: s for t, s in tenants.items() if any(x.floor == floor for x in s)}
        names = tenant_names(session, tenants)
        amounts = _entered(session, list(tenants), dates[0], dates[-1])
        rows = [
            TurnoverGridRow(
                tenant_id=tenant_id,
                tenant=names.get(tenant_id, ""),
                stalls=", ".join(s.code for s in stalls),
                floor=stalls[0].floor,
                amounts=tuple(amounts.get((tenant_id, d)) for d in dates),
                leased=tuple(_lease_on(leases, tenant_id, d) is not None for d in dates),
            )
            for tenant_id, stalls in tenants.items()
        ]
    rows.sort(key=lambda r: (r.floor, r.stalls, r.tenant))
    return TurnoverGrid(dates, tuple(rows))


def _entered(
    session: Session, tenant_ids: list[str], first: date, last: date
) -> dict[tuple[str, date], int]:
    if not tenant_ids:
        return {}
    found = session.execute(
        select(TurnoverEntry.tenant_id, TurnoverEntry.day, TurnoverEntry.amount).where(
            TurnoverEntry.tenant_id.in_(tenant_ids),
            TurnoverEntry.day.between(first, last),
            TurnoverEntry.deleted_at.is_(None),
        )
    )
    return {(tenant, day): amount for tenant, day, amount in found}


# --- saving -------------------------------------------------------------------------------


def _cell_errors(cells: Sequence[object], today: date) -> dict[str, str]:
    """What is wrong with the cells as given, before the database is read."""
    errors: dict[str, str] = {}
    seen: set[tuple[str, date]] = set()
    for index, cell in enumerate(cells):
        if not isinstance(cell, TurnoverCell) or not isinstance(cell.tenant_id, str):
            errors[f"row{index}"] = _("Baris tidak dikenal.")
            continue
        key = cell_key(cell.tenant_id, cell.day)
        if not is_day(cell.day):
            errors[key] = _("Tanggal tidak dikenal.")
        elif cell.day > today:
            errors[key] = _("Omzet hari yang belum lewat belum bisa diisi.")
        elif (cell.tenant_id, cell.day) in seen:
            errors[key] = _("Hari ini diisi dua kali.")
        elif cell.amount is not None and (problem := amount_error(cell.amount)):
            errors[key] = problem
        else:
            seen.add((cell.tenant_id, cell.day))
    return errors


def record_turnover(core: Core, actor: Actor, cells: Sequence[TurnoverCell]) -> TurnoverSaved:
    """Save a grid's cells, all or none: any cell refused refuses the whole, with
    a ValidationError whose keys are `cell_key(tenant, day)`."""
    require(actor, Permission.MANAGE_LEASES)
    given: list[object] = list(cells) if isinstance(cells, list | tuple) else [cells]
    if not given:
        return TurnoverSaved(0, 0, 0)
    if len(given) > MAX_CELLS:
        too_many = _("Paling banyak {n} sel sekali simpan.").format(n=MAX_CELLS)
        raise ValidationError({"cells": too_many})
    errors = _cell_errors(given, to_wib(core.now()).date())
    if errors:
        raise ValidationError(errors)
    cells = [c for c in given if isinstance(c, TurnoverCell)]  # all of them, checked above
    days = [c.day for c in cells]
    with Transaction.begin(core, actor) as tx:
        leases = live_leases(tx.session, min(days), max(days))
        plan: list[tuple[TurnoverCell, Lease]] = []
        for cell in cells:
            lease = _lease_on(leases, cell.tenant_id, cell.day)
            key = cell_key(cell.tenant_id, cell.day)
            if lease is None:
                errors[key] = _("Tenan ini tidak menyewa stan pada hari itu.")
            elif posted(tx, lease.id, BillKind.TURNOVER, month_bounds(cell.day)[0]):
                errors[key] = _("Sewa omzet bulan ini sudah ditagih: omzetnya tidak diubah lagi.")
            else:
                plan.append((cell, lease))
        if errors:
            raise ValidationError(errors)
        return _write(tx, plan)


def _write(tx: Transaction, plan: list[tuple[TurnoverCell, Lease]]) -> TurnoverSaved:
    changed: list[tuple[SyncedMixin, str]] = []
    written = cleared = unchanged = 0
    for cell, lease in plan:
        row = tx.session.get(TurnoverEntry, entry_id(cell.tenant_id, cell.day))
        live = row is not None and row.deleted_at is None
        if cell.amount is None:
            if row is not None and live:
                row.deleted_at = tx.now
                changed.append((tx.update(row), "update"))
                cleared += 1
            else:
                unchanged += 1
        elif row is None:
            row = TurnoverEntry(
                id=entry_id(cell.tenant_id, cell.day),
                tenant_id=cell.tenant_id,
                lease_id=lease.id,
                day=cell.day,
                amount=cell.amount,
                entered_by=tx.actor.audit_name[:64],
            )
            changed.append((tx.insert(row), "insert"))
            written += 1
        elif live and row.amount == cell.amount and row.lease_id == lease.id:
            unchanged += 1
        else:
            row.amount, row.lease_id, row.deleted_at = cell.amount, lease.id, None
            row.entered_by = tx.actor.audit_name[:64]
            changed.append((tx.update(row), "update"))
            written += 1
    if changed:
        detail = {"written": written, "cleared": cleared}
        tx.record("turnover.record", changed, detail)
    return TurnoverSaved(written, cleared, unchanged)


# --- terms --------------------------------------------------------------------------------


def set_turnover_terms(core: Core, actor: Actor, lease_id: str, rate_bp: int) -> LeaseRecord:
    """Set a lease's turnover-rent rate (basis points of a month's turnover; 0:
    none). Months already charged keep what they were charged."""
    require(actor, Permission.MANAGE_LEASES)
    problem = rate_error(rate_bp)
    if problem:
        raise ValidationError({"turnover_rate_bp": problem})
    with Transaction.begin(core, actor) as tx:
        row = lease_row(tx.session, lease_id)
        if row.status == LeaseStatus.CANCELLED.value:
            raise ValidationError({"lease_id": _("Sewa ini sudah dibatalkan.")})
        if row.turnover_rate_bp != rate_bp:
            detail = {"from": row.turnover_rate_bp, "to": rate_bp}
            row.turnover_rate_bp = rate_bp
            tx.record("lease.turnover_terms", [(tx.update(row), "update")], detail)
        return lease_record(tx.session, row)
