"""The notice an early end of a lease needs, and the fee of a short one
(smesco_desk.domain.tenancy): an administrator's settings, and the fee posted
as a charge of the tenancy (BillKind.NOTICE_FEE) by `end_lease`."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from smesco_desk.db.models import Lease, Stall, TenantCharge
from smesco_desk.domain.charges import LineInput
from smesco_desk.domain.foodcourt import PERIOD_LABELS, BillKind, LeasePeriod
from smesco_desk.domain.tenancy import notice_fee, notice_short
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import N_, _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.billing import post_charge
from smesco_desk.services.settings import SettingsService, validate_setting
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.tenancy import NoticePolicy

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

NOTICE_DAYS = "foodcourt_notice_days"
FEE_PERIODS = "foodcourt_notice_fee_periods"


def notice_policy(core: Core) -> NoticePolicy:
    """The notice and fee as they stand (the defaults until an administrator sets them)."""
    with core.db.read() as session:
        return policy_in(session)


def policy_in(session: Session) -> NoticePolicy:
    return NoticePolicy(
        int(SettingsService.get_in(session, NOTICE_DAYS)),
        int(SettingsService.get_in(session, FEE_PERIODS)),
    )


def set_notice_policy(core: Core, actor: Actor, notice_days: int, fee_periods: int) -> NoticePolicy:
    """An administrator sets the notice (days) and the fee (periods of rent);
    ValidationError at the field, nothing saved when either is wrong."""
    require(actor, Permission.MANAGE_SETTINGS)
    errors: dict[str, str] = {}
    values: dict[str, int] = {}
    for key, value in ((NOTICE_DAYS, notice_days), (FEE_PERIODS, fee_periods)):
        if isinstance(value, bool) or not isinstance(value, int):
            errors[key] = _("Angka bulat.")
            continue
        try:
            values[key] = int(validate_setting(key, value))
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    with Transaction.begin(core, actor) as tx:
        for key, value in values.items():
            SettingsService.put_in(tx, key, value)
        return policy_in(tx.session)


def post_notice_fee(
    tx: Transaction, row: Lease, last_day: date, notice_on: date
) -> TenantCharge | None:
    """When `row` (still with its agreed last day) ends on `last_day`, told on
    `notice_on`, with too little notice: its fee as a charge of the tenancy."""
    policy = policy_in(tx.session)
    if not notice_short(notice_on, last_day, row.ends_on, policy.notice_days):
        return None
    fee = notice_fee(row.rent, policy.fee_periods)
    if fee <= 0:
        return None
    stall = tx.session.get_one(Stall, row.stall_id)
    given = max(0, (last_day - notice_on).days)
    text = N_("Biaya pemutusan sewa stan {code}: pemberitahuan {given} dari {days} hari").format(
        code=stall.code, given=given, days=policy.notice_days
    )
    unit = PERIOD_LABELS[LeasePeriod(row.period)].lower()
    return post_charge(
        tx,
        row,
        BillKind.NOTICE_FEE,
        (
            LineInput(
                text, policy.fee_periods, row.rent, 0, N_("sewa {period}").format(period=unit)
            ),
        ),
        period_start=min(last_day + timedelta(days=1), row.ends_on),
        period_end=row.ends_on,
        due_on=max(notice_on, min(last_day, row.ends_on)),
        description=text,
        untaxed=True,  # a fee for ending early, not a sale of rent
    )
