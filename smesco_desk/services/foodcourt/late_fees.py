"""Late fees on what tenants pay late, as an administrator sets them (settings
`rent_late_fee_*`; the rules in smesco_desk.domain.foodcourt_rent): none, a
percentage per month of the overdue amount, or a fixed amount per month
overdue, after some days of grace; a late fee earns no late fee unless
compounding is set.

`post_late_fees` posts, for every charge of a tenancy (rent, utilities,
service charge, turnover rent, notice fee; not a deposit, which is held, not
owed for use), one late-fee charge per month it was overdue by the day asked
about: while it is open, or paid on or after the day that fee fell due. Safe
to repeat: the fee of one charge for one month overdue has an id derived from
them (one row, even when two desks post it offline).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from smesco_desk.clock import to_wib
from smesco_desk.db.models import Charge, Lease, Receipt, ReceiptVoid, TenantCharge
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.foodcourt import BillKind
from smesco_desk.domain.foodcourt_rent import LateFeeMode, LateMonth, late_fee, late_months
from smesco_desk.domain.money import format_rupiah
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import N_
from smesco_desk.services.actors import SYSTEM, Actor, Permission, require
from smesco_desk.services.foodcourt.billing import post_charge
from smesco_desk.services.foodcourt.rent import charge_items, charge_row_id, checked_day
from smesco_desk.services.settings import SettingsService, validate_setting
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.foodcourt import LateFeePolicy, TenantChargeItem

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

SETTING_KEYS = {
    "mode": "rent_late_fee_mode",
    "percent_bp": "rent_late_fee_percent_bp",
    "fixed": "rent_late_fee_fixed",
    "grace_days": "rent_late_fee_grace_days",
    "compounding": "rent_late_fee_compounding",
}
NO_FEE = (BillKind.DEPOSIT.value,)


def late_fee_policy(core: Core) -> LateFeePolicy:
    """The late fees as they stand (none until an administrator sets them)."""
    with core.db.read() as session:
        return policy_in(session)


def policy_in(session: Session) -> LateFeePolicy:
    v = {name: SettingsService.get_in(session, key) for name, key in SETTING_KEYS.items()}
    return LateFeePolicy(
        mode=str(v["mode"]),
        percent_bp=int(v["percent_bp"]),
        fixed=int(v["fixed"]),
        grace_days=int(v["grace_days"]),
        compounding=bool(v["compounding"]),
    )


def set_late_fee_policy(core: Core, actor: Actor, policy: LateFeePolicy) -> LateFeePolicy:
    """Keep the late fees (an administrator's); ValidationError at the fields."""
    require(actor, Permission.MANAGE_SETTINGS)
    values, errors = {}, {}
    for name, key in SETTING_KEYS.items():
        try:
            values[key] = validate_setting(key, getattr(policy, name))
        except ValidationError as exc:
            errors[name] = exc.errors[key]
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        for key, value in values.items():
            SettingsService.put_in(tx, key, value)
        return policy_in(tx.session)


def _paid_days(session: Session, charge_ids: list[str]) -> dict[str, date]:
    """The WIB day each paid charge was paid (its latest receipt not voided)."""
    if not charge_ids:
        return {}
    voided = select(ReceiptVoid.receipt_id).where(ReceiptVoid.deleted_at.is_(None))
    rows = session.execute(
        select(Receipt.charge_id, func.max(Receipt.issued_at))
        .where(
            Receipt.charge_id.in_(charge_ids),
            Receipt.deleted_at.is_(None),
            Receipt.id.not_in(voided),
        )
        .group_by(Receipt.charge_id)
    ).all()
    out = {}
    for charge_id, at in rows:
        if isinstance(at, str):  # (an aggregate comes back as SQLite stored it)
            at = datetime.fromisoformat(at)
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        out[charge_id] = to_wib(at).date()
    return out


@dataclass(frozen=True)
class _Owed:
    """A charge of a tenancy that may earn late fees."""

    id: str  # the tenant charge's
    lease_id: str
    charge_id: str
    due_on: date


def _paid_after_grace(session: Session, grace_days: int) -> ColumnElement[bool]:
    """A coarse test in SQL that a paid charge was last changed (paid) after the
    day its first late fee could fall due: true of every charge paid late, and
    of few paid in time (it compares the stored UTC time with the WIB day, a day
    early). Each dialect adds days to a date its own way."""
    first_fee_day: ColumnElement[Any]
    if session.get_bind().dialect.name == "sqlite":
        first_fee_day = func.date(TenantCharge.due_on, f"+{int(grace_days)} days")
    else:
        first_fee_day = TenantCharge.due_on + int(grace_days)
    return Charge.updated_at > first_fee_day


def _unposted(
    session: Session, policy: LateFeePolicy, day: date
) -> list[tuple[_Owed, int, LateMonth]]:
    """Each (charge, its amount, month overdue) whose fee is due by `day` and not
    posted yet. It runs on the application's timer: open charges, and of the paid
    ones only those paid after their grace (years of charges paid in time are
    never read)."""
    if policy.mode == LateFeeMode.NONE:
        return []
    kinds = [*NO_FEE] + ([] if policy.compounding else [BillKind.LATE_FEE.value])
    rows = session.execute(
        select(
            TenantCharge.id,
            TenantCharge.lease_id,
            TenantCharge.charge_id,
            TenantCharge.due_on,
            Charge.total,
            Charge.status,
        )
        .join(Charge, Charge.id == TenantCharge.charge_id)
        .where(
            TenantCharge.deleted_at.is_(None),
            TenantCharge.kind.not_in(kinds),
            TenantCharge.due_on < day - timedelta(days=policy.grace_days),
            Charge.total > 0,
            or_(
                Charge.status == "open",
                (Charge.status == "paid") & _paid_after_grace(session, policy.grace_days),
            ),
        )
    ).all()
    paid_on = _paid_days(session, [r[2] for r in rows if r[5] == "paid"])
    candidates: list[tuple[_Owed, int, LateMonth]] = []
    for tc_id, lease_id, charge_id, due_on, total, status in rows:
        if status == "open":
            last = day
        elif charge_id in paid_on:
            last = min(day, paid_on[charge_id])
        else:
            continue
        owed = _Owed(tc_id, lease_id, charge_id, due_on)
        for month in late_months(due_on, policy.grace_days, last):
            candidates.append((owed, int(total), month))
    if not candidates:
        return []
    posted = set(
        session.scalars(select(TenantCharge.id).where(TenantCharge.kind == BillKind.LATE_FEE.value))
    )
    return [c for c in candidates if _fee_id(c[0], c[2]) not in posted]


def _fee_id(row: _Owed, month: LateMonth) -> str:
    return charge_row_id(row.lease_id, BillKind.LATE_FEE, month.start, row.id, str(month.k))


def post_late_fees(
    core: Core, actor: Actor = SYSTEM, day: date | None = None
) -> list[TenantChargeItem]:
    """Post every late fee due on or before `day` (WIB; today) not posted yet;
    the fees made. Nothing when the policy charges none."""
    require(actor, Permission.MANAGE_LEASES)
    until = checked_day(core, day)
    with core.db.read() as session:
        if not _unposted(session, policy_in(session), until):
            return []
    with Transaction.begin(core, actor) as tx:
        session = tx.session
        policy = policy_in(session)
        made = []
        for row, total, month in _unposted(session, policy, until):
            fee = late_fee(policy.mode, policy.percent_bp, policy.fixed, total)
            if fee <= 0:
                continue
            made.append(_post_fee(tx, row, total, month, fee, policy))
        if made:
            detail = {"until": until.isoformat(), "charges": len(made)}
            tx.audit("late_fee.post", made[0], detail)  # post_charge queued the rows
        return charge_items(session, made)


def _post_fee(
    tx: Transaction,
    row: _Owed,
    total: int,
    month: LateMonth,
    fee: int,
    policy: LateFeePolicy,
) -> TenantCharge:
    original = tx.session.get_one(Charge, row.charge_id)
    if policy.mode == LateFeeMode.PERCENT:
        rate = f"{policy.percent_bp / 100:g}%".replace(".", ",")
        how = N_("{rate} dari {amount}").format(rate=rate, amount=format_rupiah(total))
    else:
        how = N_("tetap {amount}").format(amount=format_rupiah(fee))
    text = N_("Denda keterlambatan bulan ke-{k} ({how}): {what}").format(
        k=month.k, how=how, what=original.description
    )
    return post_charge(
        tx,
        tx.session.get_one(Lease, row.lease_id),
        BillKind.LATE_FEE,
        (LineInput(text[:200], 1, fee, 0, "bulan"),),
        period_start=month.start,
        period_end=month.end,
        due_on=month.charged_on,
        description=text,
        untaxed=True,  # a fine, not a sale
        row_id=_fee_id(row, month),
    )
