"""A lease another desk won the days of: moving it, or cancelling it with its
deposit returned.

Two desks offline may lease one stall for overlapping days. The lease that
reaches the server first keeps them; the other is stored with status
`conflict` (it takes no day; its deposit charge and any payment stay
untouched) and an open sync conflict of kind `lease_overlap` names both leases
at every desk (smesco_desk.sync.server_push, as for bookings). The tenant
manager then either

- moves it (`move_lease`): another stall, or other days of the same one, free
  of every live lease; its rent follows the new stall's rate for its period,
  its deposit charge stays as it is (paid or open) and now covers the new
  days; it takes its days again and the conflict is resolved as "moved"; or
- cancels it (`cancel_conflicted_lease`): open charges are cancelled, and a
  charge already paid (the deposit) becomes a credit owed back to the tenant
  (services.payments: `refunds_due`, paid out by a cashier with `pay_refund`);
  the conflict is resolved as "cancelled".

A lease that was moved is checked again by the server when it arrives: if the
new days were taken meanwhile at a third desk, it is kept in conflict again.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from smesco_desk.db.models import Charge, Lease, SyncedMixin, TenantCharge
from smesco_desk.domain.foodcourt import BillKind, LeaseStatus, due_day, lease_errors
from smesco_desk.domain.text import text_errors
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.conflicts import LeaseConflict, clashes
from smesco_desk.services.foodcourt.leases import lease_row
from smesco_desk.services.foodcourt.mapping import lease_record, lease_source
from smesco_desk.services.foodcourt.stalls import stall_by_code
from smesco_desk.services.overlap_conflicts import close_overlap_conflicts
from smesco_desk.services.payments.charges import new_credit
from smesco_desk.services.transaction import Transaction
from smesco_desk.sync.values import LEASE_OVERLAP
from smesco_desk.values.foodcourt import LeaseRecord

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def _conflicted(tx: Transaction, lease_id: str) -> Lease:
    row = lease_row(tx.session, lease_id)
    if row.status != LeaseStatus.CONFLICT.value:
        raise DomainError(_("Sewa ini tidak sedang bentrok."), "lease_id")
    return row


def move_lease(
    core: Core,
    actor: Actor,
    lease_id: str,
    stall: str,
    starts_on: date,
    ends_on: date,
    note: str = "",
) -> LeaseRecord:
    """Move a lease in conflict to `stall` (a code) from `starts_on` to `ends_on`
    (see the module's docstring). ValidationError at the fields, LeaseConflict
    if a live lease takes some of those days, DomainError if it is not in conflict."""
    require(actor, Permission.MANAGE_LEASES)
    errors = text_errors({"lease_id": lease_id, "stall": stall, "note": note})
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        row = _conflicted(tx, lease_id)
        errors = lease_errors(starts_on, ends_on, row.period)
        if errors:
            raise ValidationError(errors)
        target = stall_by_code(session, stall)
        rent = {"day": target.rate_day, "week": target.rate_week, "month": target.rate_month}[
            row.period
        ]
        if not target.in_service:
            raise ValidationError({"stall": _("Stan ini sedang tidak dipakai.")})
        if rent <= 0:
            raise ValidationError(
                {"stall": _("Stan ini tidak disewakan per periode itu (tarif 0).")}
            )
        taken = clashes(session, target.id, starts_on, ends_on, except_id=row.id)
        if taken:
            raise LeaseConflict(lease_record(session, taken[0]))
        before = {"stall_id": row.stall_id, "starts_on": row.starts_on.isoformat()}
        row.stall_id, row.rent = target.id, rent
        row.starts_on, row.ends_on, row.planned_ends_on = starts_on, ends_on, ends_on
        row.due_day = due_day(starts_on)
        row.status = LeaseStatus.ACTIVE.value
        rows: list[tuple[SyncedMixin, str]] = [(tx.update(row), "update")]
        for bill in session.scalars(
            select(TenantCharge).where(
                TenantCharge.lease_id == row.id,
                TenantCharge.kind == BillKind.DEPOSIT.value,
                TenantCharge.deleted_at.is_(None),
            )
        ):
            bill.period_start, bill.period_end, bill.due_on = starts_on, ends_on, starts_on
            rows.append((tx.update(bill), "update"))
        rows += close_overlap_conflicts(tx, "leases", row.id, LEASE_OVERLAP, "moved", note)
        detail = {
            **before,
            "stall": target.code,
            "ends_on": ends_on.isoformat(),
            "new_starts_on": starts_on.isoformat(),
        }
        tx.record("lease.move_conflicted", rows, detail)
        return lease_record(session, row)


def cancel_conflicted_lease(
    core: Core, actor: Actor, lease_id: str, reason: str = ""
) -> LeaseRecord:
    """Cancel a lease in conflict: its open charges cancelled, each paid one (the
    deposit) owed back to the tenant as a credit, its conflict resolved (see the
    module's docstring). DomainError if it is not in conflict."""
    require(actor, Permission.MANAGE_LEASES)
    errors = text_errors({"lease_id": lease_id, "reason": reason})
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        row = _conflicted(tx, lease_id)
        rows: list[tuple[SyncedMixin, str]] = []
        source = lease_source(row.id)
        charges = tx.session.scalars(
            select(Charge).where(Charge.source == source, Charge.deleted_at.is_(None))
        ).all()
        refunded = 0
        for charge in charges:
            if charge.status == "open":
                charge.status = "cancelled"
                rows.append((tx.update(charge), "update"))
            elif charge.status == "paid" and charge.total > 0:
                text = _("Pengembalian {what} (sewa bentrok dibatalkan)").format(
                    what=charge.description
                )
                new_credit(tx, charge, charge.total, text, source)  # recorded by itself
                refunded += charge.total
        row.status = LeaseStatus.CANCELLED.value
        row.cancel_reason = reason.strip()
        rows.insert(0, (tx.update(row), "update"))
        rows += close_overlap_conflicts(tx, "leases", row.id, LEASE_OVERLAP, "cancelled", reason)
        tx.record("lease.cancel_conflicted", rows, {"reason": reason.strip(), "refund": refunded})
        return lease_record(tx.session, row)
