"""The tenancy's documents: the lease agreement, a tenant's statement and the
reminder letter for a tenant in arrears (smesco_desk.printing.tenancy lays
them out). Each gathers its values, renders, and only then notes in the audit
log that it was printed (a document that cannot be made is not counted);
`record_print=False` (a preview) notes nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from smesco_desk.clock import wib_today
from smesco_desk.db.models import Lease, Stall, SyncedMixin, Tenant
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _, indonesian_document
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.leases import lease_row
from smesco_desk.services.foodcourt.mapping import lease_record, stall_info, tenant_infos
from smesco_desk.services.foodcourt.notice import policy_in
from smesco_desk.services.foodcourt.statements import overdue, statement_in, tenant_stalls
from smesco_desk.services.foodcourt.tenants import tenant_row
from smesco_desk.services.settings import SettingsService, letterhead_in
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.tenancy import AgreementData, Building, ReminderData

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from smesco_desk.services.core import Core

PAY_WITHIN_DAYS = 7  # a reminder asks for payment within a week, unless told


def building_in(session: Session) -> Building:
    return letterhead_in(session)


def _signatory(actor: Actor) -> str:
    return actor.full_name or actor.username


def lease_agreement_pdf(
    core: Core, actor: Actor, lease_id: str, *, record_print: bool = True
) -> bytes:
    """The lease agreement (A4) of a lease that is not cancelled."""
    from smesco_desk.printing.tenancy import render_lease_agreement

    require(actor, Permission.MANAGE_LEASES)
    today = wib_today(core.now())
    with core.db.read() as session:
        row = lease_row(session, lease_id)
        if row.status == "cancelled":
            raise DomainError(_("Sewa ini dibatalkan: tidak ada perjanjian."), "lease_id")
        tenant = tenant_infos(session, [session.get_one(Tenant, row.tenant_id)])[0]
        stall = stall_info(session.get_one(Stall, row.stall_id))
        data = AgreementData(
            number=agreement_number(row, stall.code),
            building=building_in(session),
            tenant=tenant,
            stall=stall,
            lease=lease_record(session, row),
            policy=policy_in(session),
            closing_time=str(SettingsService.get_in(session, "closing_time")),
            signed_on=today,
            signatory=_signatory(actor),
        )
    pdf = render_lease_agreement(data)
    if record_print:
        _note(core, actor, Lease, data.lease.id, "lease.agreement_print", {"number": data.number})
    return pdf


def agreement_number(row: Lease, code: str) -> str:
    """`PSS/FC2-07/2026/1A2B3C`: the stall, the year it starts, the lease's id's end."""
    return f"PSS/{code}/{row.starts_on.year}/{row.id.replace('-', '')[-6:].upper()}"


def statement_pdf(
    core: Core, actor: Actor, tenant_id: str, as_of: date | None = None, *,
    record_print: bool = True,
) -> bytes:  # fmt: skip
    """The tenant's statement (A4) up to `as_of` (today, WIB)."""
    from smesco_desk.printing.tenancy import render_statement

    require(actor, Permission.MANAGE_TENANTS)
    day = _day(as_of, wib_today(core.now()), "as_of")
    with core.db.read() as session, indonesian_document():  # its lines are the document's
        data = statement_in(session, tenant_id, day)
        building = building_in(session)
        stalls = tenant_stalls(session, data.tenant.id)
    pdf = render_statement(data, building, stalls)
    if record_print:
        detail = {"as_of": day.isoformat(), "closing": data.closing}
        _note(core, actor, Tenant, data.tenant.id, "tenant.statement_print", detail)
    return pdf


def reminder_pdf(
    core: Core, actor: Actor, tenant_id: str, pay_by: date | None = None, *,
    record_print: bool = True,
) -> bytes:  # fmt: skip
    """The reminder letter (A4) to a tenant with charges past their due date,
    asking for payment by `pay_by` (a week from today when not given).
    DomainError when the tenant owes nothing overdue."""
    from smesco_desk.printing.tenancy import render_reminder

    require(actor, Permission.MANAGE_TENANTS)
    today = wib_today(core.now())
    deadline = _day(pay_by, today + timedelta(days=PAY_WITHIN_DAYS), "pay_by")
    if deadline < today:
        raise ValidationError({"pay_by": _("Batas bayar tidak boleh sebelum hari ini.")})
    with core.db.read() as session:
        tenant = tenant_row(session, tenant_id)
        info = tenant_infos(session, [tenant])[0]
        with indonesian_document():  # the charges' labels print on the letter
            late = overdue(session, tenant.id, today)
        if not late:
            raise DomainError(
                _("{tenant} tidak punya tagihan yang lewat jatuh tempo.").format(tenant=info.name)
            )
        data = ReminderData(
            number=f"ST/FC/{today:%Y%m%d}/{tenant.id.replace('-', '')[-6:].upper()}",
            building=building_in(session),
            tenant=info,
            stalls=tuple(tenant_stalls(session, tenant.id)),
            overdue=tuple(late),
            total=sum(c.amount for c in late),
            written_on=today,
            pay_by=deadline,
            signatory=_signatory(actor),
        )
    pdf = render_reminder(data)
    if record_print:
        detail = {"number": data.number, "total": data.total, "pay_by": deadline.isoformat()}
        _note(core, actor, Tenant, info.id, "tenant.reminder_print", detail)
    return pdf


def _day(value: object, default: date, field: str) -> date:
    if value is None:
        return default
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise ValidationError({field: _("Tanggal tidak dikenal.")})
    return value


def _note(
    core: Core, actor: Actor, model: type[SyncedMixin], row_id: str, action: str,
    detail: dict[str, object],
) -> None:  # fmt: skip
    """The audit entry saying that a document was printed (or saved)."""
    with Transaction.begin(core, actor) as tx:
        tx.audit(action, tx.session.get_one(model, row_id), detail)
