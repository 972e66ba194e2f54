"""A tenant's account read from the tenancy's charges (every `TenantCharge`,
whatever its kind: deposit, rent, fees, utilities, a deposit returned) and the
money that moved on them: receipts (a payment), their voids (owed again) and
refund payouts (a credit paid out). In date order with the running balance
(smesco_desk.domain.tenancy); positive is owed by the tenant.

The overdue charges of a tenant (open, due before a day) are what a reminder
letter lists.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from smesco_desk.clock import to_wib, wib_today
from smesco_desk.db.models import (
    Charge,
    ChargeLine,
    Lease,
    Receipt,
    ReceiptVoid,
    RefundPayout,
    Stall,
    TenantCharge,
)
from smesco_desk.domain.foodcourt import BILL_KIND_LABELS, BillKind
from smesco_desk.domain.payments import method_label
from smesco_desk.domain.tenancy import running_balance
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.foodcourt.mapping import tenant_infos
from smesco_desk.services.foodcourt.tenants import tenant_row
from smesco_desk.values.tenancy import OverdueCharge, Statement, StatementEntry

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

# Within a day the entries keep the order they happened in (at the same
# moment: charges, payments, voids, credits, payouts).
_RANK = {"charge": 0, "payment": 1, "void": 2, "credit": 3, "payout": 4}
_GONE = ("cancelled",)


def statement(core: Core, tenant_id: str, as_of: date | None = None) -> Statement:
    """The tenant's statement up to `as_of` (today, WIB) included."""
    if as_of is not None and (not isinstance(as_of, date) or isinstance(as_of, datetime)):
        raise ValidationError({"as_of": _("Tanggal tidak dikenal.")})
    with core.db.read() as session:
        return statement_in(session, tenant_id, as_of or wib_today(core.now()))


def statement_in(session: Session, tenant_id: str, as_of: date) -> Statement:
    tenant = tenant_row(session, tenant_id)
    info = tenant_infos(session, [tenant])[0]
    found = session.execute(
        select(TenantCharge, Charge)
        .join(Charge, Charge.id == TenantCharge.charge_id)
        .where(
            TenantCharge.tenant_id == tenant.id,
            TenantCharge.deleted_at.is_(None),
            Charge.deleted_at.is_(None),
            Charge.status.not_in(_GONE),
        )
    ).all()
    raw: list[tuple[date, datetime, str, str, str, date | None, date | None, int]] = []
    charge_ids = []
    for billed, charge in found:
        charge_ids.append(charge.id)
        text = charge.description or kind_label(billed.kind)
        if charge.total <= 0:
            for line in _lines(session, charge.id):
                raw.append((billed.due_on, charge.created_at, "credit", line.description, "",
                            None, None, line.amount))  # fmt: skip
            continue
        raw.append((billed.due_on, charge.created_at, "charge", text, "",
                    billed.period_start, billed.period_end, charge.total))  # fmt: skip
    for receipt in _receipts(session, charge_ids):
        day = to_wib(receipt.issued_at).date()
        text = _("Pembayaran ({method})").format(method=method_label(receipt.method))
        raw.append((day, receipt.issued_at, "payment", text, receipt.number, None, None,
                    -receipt.total))  # fmt: skip
        void = session.scalar(select(ReceiptVoid).where(ReceiptVoid.receipt_id == receipt.id))
        if void is not None:
            raw.append((to_wib(void.voided_at).date(), void.voided_at, "void",
                        _("Kuitansi dibatalkan: {reason}").format(reason=void.reason),
                        receipt.number, None, None, receipt.total))  # fmt: skip
    payouts = session.scalars(select(RefundPayout).where(RefundPayout.charge_id.in_(charge_ids)))
    for payout in payouts:
        text = _("Pengembalian dana dibayarkan ({method})")
        raw.append((to_wib(payout.paid_at).date(), payout.paid_at, "payout",
                    text.format(method=method_label(payout.method)),
                    payout.reference, None, None, payout.amount))  # fmt: skip
    raw = sorted((r for r in raw if r[0] <= as_of), key=lambda r: (r[0], r[1], _RANK[r[2]]))
    balances = running_balance(r[7] for r in raw)
    entries = tuple(
        StatementEntry(r[0], r[2], r[3], r[4], r[5], r[6], r[7], balance)
        for r, balance in zip(raw, balances, strict=True)
    )
    return Statement(info, entries, balances[-1] if balances else 0, as_of)


def kind_label(kind: str) -> str:
    """What a charge of the tenancy is for, by its kind (the code when unknown)."""
    try:
        return _(BILL_KIND_LABELS[BillKind(kind)])
    except (KeyError, ValueError):
        return kind


def _lines(session: Session, charge_id: str) -> list[ChargeLine]:
    query = select(ChargeLine).where(ChargeLine.charge_id == charge_id)
    return list(session.scalars(query.order_by(ChargeLine.line_no)))


def _receipts(session: Session, charge_ids: list[str]) -> list[Receipt]:
    if not charge_ids:
        return []
    gathered = select(Charge.settled_by).where(  # paid with others in one receipt
        Charge.id.in_(charge_ids), Charge.settled_by.is_not(None)
    )
    query = select(Receipt).where(
        or_(Receipt.charge_id.in_(charge_ids), Receipt.charge_id.in_(gathered))
    )
    return list(session.scalars(query.order_by(Receipt.issued_at, Receipt.number)))


def overdue(session: Session, tenant_id: str, day: date) -> list[OverdueCharge]:
    """The tenant's open charges that fell due before `day`, oldest first."""
    rows = session.execute(
        select(TenantCharge, Charge)
        .join(Charge, Charge.id == TenantCharge.charge_id)
        .where(
            TenantCharge.tenant_id == tenant_id,
            TenantCharge.deleted_at.is_(None),
            TenantCharge.due_on < day,
            Charge.status == "open",
            Charge.deleted_at.is_(None),
        )
        .order_by(TenantCharge.due_on, TenantCharge.period_start)
    ).all()
    out = []
    for billed, charge in rows:
        text = charge.description or kind_label(billed.kind)
        out.append(
            OverdueCharge(
                billed.due_on,
                text,
                billed.period_start,
                billed.period_end,
                charge.total,
                (day - billed.due_on).days,
            )
        )
    return out


def tenant_stalls(session: Session, tenant_id: str) -> list[str]:
    """The codes of the stalls the tenant has leased (not cancelled), in order."""
    query = (
        select(Stall.code)
        .join(Lease, Lease.stall_id == Stall.id)
        .where(Lease.tenant_id == tenant_id, Lease.status != "cancelled")
        .distinct()
        .order_by(Stall.code)
    )
    return list(session.scalars(query))
