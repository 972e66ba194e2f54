"""A tenancy's life after it is made: renewing a lease without a gap, and its
deposit returned less deductions (smesco_desk.domain.tenancy). Ending a lease
early, with its notice fee, is services.foodcourt.leases.end_lease.

Renewal: a lease renewed at the rent it has is extended (its last day moves
on); at a new rent, a following lease starts the day after its last day, with
the same period, due day and deposit (the deposit held moves on with the
tenancy, no new charge). Either way the new days must be free: a live lease of
the stall in the way is refused with LeaseConflict, as `lease` does.

Deposit returned: once, for a lease that has ended (or reached its last day)
and whose deposit was paid. The deposit less the deductions is owed back to
the tenant as a credit of the payments area (status `refund_due`, source
`lease:<id>`), paid out by a cashier through services.payments.refunds
(`pay_refund`, counted in the cash shift). The credit's lines say it all: the
deposit going back, then each deduction with its reason; a `TenantCharge` of
kind `deposit_return` puts it on the tenant's statement. When the deductions
keep the whole deposit the credit is of Rp0 and already settled (`refunded`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from smesco_desk.clock import wib_today
from smesco_desk.db.models import Charge, ChargeLine, Lease, Stall, SyncedMixin, TenantCharge
from smesco_desk.domain.foodcourt import BillKind, LeaseStatus, lease_errors, money_errors
from smesco_desk.domain.tenancy import clean_deductions, deduction_errors, deposit_back
from smesco_desk.errors import AlreadyDone, DomainError, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.conflicts import LeaseConflict, clashes
from smesco_desk.services.foodcourt.leases import lease_row
from smesco_desk.services.foodcourt.mapping import lease_record
from smesco_desk.services.payments.charges import REFUND_DUE, REFUNDED
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.foodcourt import LeaseRecord
from smesco_desk.values.tenancy import DepositReturn

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


# --- renewal ----------------------------------------------------------------------------


def renew_lease(
    core: Core, actor: Actor, lease_id: str, new_end: date, rent: int | None = None
) -> LeaseRecord:
    """Renew a running lease to `new_end` (see the module's docstring): the lease
    extended, or the following lease at the new `rent`. ValidationError at the
    fields, LeaseConflict when a live lease of the stall is in the way."""
    require(actor, Permission.MANAGE_LEASES)
    errors: dict[str, str] = {}
    if not isinstance(new_end, date) or hasattr(new_end, "hour"):
        errors["ends_on"] = _("Tanggal tidak dikenal.")
    if rent is not None:
        errors.update(money_errors({"rent": rent}))
        if not errors.get("rent") and rent == 0:
            errors["rent"] = _("Sewa lebih dari 0.")
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        row = lease_row(session, lease_id)
        if row.status != LeaseStatus.ACTIVE.value:
            raise AlreadyDone(_("Sewa ini sudah dibatalkan atau diakhiri."))
        if new_end <= row.ends_on:
            raise ValidationError(
                {"ends_on": _("Akhir baru sesudah {day}.").format(day=f"{row.ends_on:%d-%m-%Y}")}
            )
        first = row.ends_on + timedelta(days=1)
        extend = rent is None or rent == row.rent
        errors = lease_errors(row.starts_on if extend else first, new_end, row.period)
        if errors:
            raise ValidationError(errors)
        stall = session.get_one(Stall, row.stall_id)
        if not stall.in_service:
            raise ValidationError({"stall": _("Stan ini sedang tidak dipakai.")})
        taken = clashes(session, stall.id, first, new_end, except_id=row.id)
        if taken:
            raise LeaseConflict(lease_record(session, taken[0]))
        detail: dict[str, Any] = {"stall": stall.code, "from": first.isoformat()}
        detail["ends_on"] = new_end.isoformat()
        if extend:
            row.ends_on = row.planned_ends_on = new_end
            tx.record("lease.renew", [(tx.update(row), "update")], detail)
            return lease_record(session, row)
        following = tx.insert(
            Lease(
                stall_id=row.stall_id,
                tenant_id=row.tenant_id,
                starts_on=first,
                ends_on=new_end,
                planned_ends_on=new_end,
                period=row.period,
                rent=rent,
                deposit=row.deposit,
                deposit_charge_id=row.deposit_charge_id,
                due_day=row.due_day,
                status=LeaseStatus.ACTIVE.value,
                notes=f"Perpanjangan sewa {row.id}",  # stored as printed, in Indonesian
                cancel_reason="",
            )
        )
        session.flush()
        detail.update({"renews": row.id, "rent": rent, "previous_rent": row.rent})
        tx.record("lease.renew", [(following, "insert")], detail)
        return lease_record(session, following)


# --- the deposit returned ---------------------------------------------------------------


def return_deposit(
    core: Core, actor: Actor, lease_id: str, deductions: Sequence[tuple[str, int]] = ()
) -> DepositReturn:
    """Return the lease's paid deposit less `deductions` (reason, amount): see
    the module's docstring. ValidationError at the deductions; DomainError when
    the lease is still running, its deposit unpaid, or its deposit moved on to
    a renewal; AlreadyDone the second time."""
    require(actor, Permission.MANAGE_LEASES)
    pairs = _pairs(deductions)
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        row = lease_row(session, lease_id)
        deposit = _deposit_held(tx, row)
        errors = deduction_errors(deposit.total, pairs)
        if errors:
            raise ValidationError(errors)
        kept = clean_deductions([(str(r), a) for r, a in pairs if isinstance(a, int)])
        back = deposit_back(deposit.total, kept)
        stall = session.get_one(Stall, row.stall_id)
        credit = _credit(tx, row, deposit, stall.code, kept, back)
        today = wib_today(tx.now)
        billed = tx.insert(
            TenantCharge(
                lease_id=row.id,
                tenant_id=row.tenant_id,
                charge_id=credit.id,
                kind=BillKind.DEPOSIT_RETURN.value,
                period_start=row.starts_on,
                period_end=row.ends_on,
                due_on=today,
            )
        )
        session.flush()
        detail = {
            "stall": stall.code,
            "deposit": deposit.total,
            "deductions": [{"reason": r, "amount": a} for r, a in kept],
            "returned": back,
        }
        rows: list[tuple[SyncedMixin, str]] = [(tx.update(row), "update"), (billed, "insert")]
        tx.record("lease.deposit_return", rows, detail)
        # (the lease's version moves on: its deposit is settled)
        return DepositReturn(
            row.id, deposit.total, tuple(kept), back, credit.id if back > 0 else None
        )


def _pairs(deductions: object) -> list[tuple[object, object]]:
    if isinstance(deductions, str | bytes) or not isinstance(deductions, Sequence):
        raise ValidationError({"deductions": _("Daftar potongan (alasan, jumlah).")})
    pairs: list[tuple[object, object]] = []
    for item in deductions:
        if not isinstance(item, tuple | list) or len(item) != 2:
            raise ValidationError({"deductions": _("Daftar potongan (alasan, jumlah).")})
        pairs.append((item[0], item[1]))
    return pairs


def _deposit_held(tx: Transaction, row: Lease) -> Charge:
    """The paid deposit charge the lease may return now; a refusal otherwise."""
    session = tx.session
    if row.deposit_charge_id is None or row.deposit <= 0:
        raise DomainError(_("Sewa ini tanpa deposit."), "lease_id")
    deposit = session.get_one(Charge, row.deposit_charge_id)
    holders = list(
        session.scalars(
            select(Lease).where(
                Lease.deposit_charge_id == deposit.id,
                Lease.deleted_at.is_(None),
                Lease.status != LeaseStatus.CANCELLED.value,
            )
        )
    )
    returned = session.scalar(
        select(TenantCharge.id).where(
            TenantCharge.lease_id.in_([h.id for h in holders] or [row.id]),
            TenantCharge.kind == BillKind.DEPOSIT_RETURN.value,
            TenantCharge.deleted_at.is_(None),
        )
    )
    if returned is not None:
        raise AlreadyDone(_("Deposit sewa ini sudah dikembalikan."))
    if row.status == LeaseStatus.CANCELLED.value:
        raise DomainError(_("Sewa ini dibatalkan: depositnya tidak dibayar."), "lease_id")
    if deposit.status != "paid":
        raise DomainError(_("Deposit belum dibayar: tidak ada yang dikembalikan."), "lease_id")
    later = [h for h in holders if h.starts_on > row.starts_on]
    if later:
        raise DomainError(
            _("Deposit ini ikut perpanjangan sewa ({id}): kembalikan dari sewa itu.").format(
                id=later[-1].id
            ),
            "lease_id",
        )
    if row.status == LeaseStatus.ACTIVE.value and row.ends_on > wib_today(tx.now):
        raise DomainError(
            _("Sewa masih berjalan sampai {day}: akhiri dulu, lalu kembalikan depositnya.").format(
                day=f"{row.ends_on:%d-%m-%Y}"
            ),
            "lease_id",
        )
    return deposit


def _credit(
    tx: Transaction,
    row: Lease,
    deposit: Charge,
    code: str,
    deductions: list[tuple[str, int]],
    back: int,
) -> Charge:
    """The credit owed back: the deposit as a line of minus its amount, each
    deduction a line of its own (stored as printed, in Indonesian)."""
    description = f"Pengembalian deposit stan {code}"
    credit = Charge(
        kind_code=deposit.kind_code,
        payer_kind=deposit.payer_kind,
        payer_id=deposit.payer_id,
        payer_name=deposit.payer_name,
        description=description,
        source=deposit.source or f"lease:{row.id}",
        subtotal=-back,
        discount_total=0,
        taxes=[],
        tax_total=0,
        total=-back,
        status=REFUND_DUE if back > 0 else REFUNDED,
        desk_code=tx.desk,
        created_by=tx.actor.username,
    )
    tx.insert(credit)
    tx.session.flush()
    lines = [(f"Deposit stan {code} dikembalikan", -deposit.total)]
    lines += [(f"Potongan: {reason}", amount) for reason, amount in deductions]
    rows: list[tuple[SyncedMixin, str]] = [(credit, "insert")]
    for no, (text, amount) in enumerate(lines, 1):
        line = ChargeLine(
            charge_id=credit.id,
            line_no=no,
            item_code=None,
            description=text[:200],
            quantity=1,
            unit="kali",
            unit_price=amount,
            discount=0,
            amount=amount,
        )
        rows.append((tx.insert(line), "insert"))
    tx.record("charge.credit", rows, {"payer": credit.payer_name, "total": credit.total})
    return credit


__all__ = ["renew_lease", "return_deposit"]
