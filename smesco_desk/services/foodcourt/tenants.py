"""Tenants of the food court and their businesses' identity.

A tenant is a business renting stalls; the business (its name, owner, phone,
NIB, NPWP, products, halal certificate) is a row of `businesses` that the
registry of UMKM takes over later. The owner's NIK follows the visitors' rules:
never stored, only masked (last four digits) and as its keyed pseudonym
(smesco_desk.domain.nik), computed before the write transaction (a slow hash
must not hold the write lock). Leaving the NIK empty when changing a tenant
keeps the one known.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from smesco_desk.db.models import Business, Charge, Lease, Tenant, TenantCharge
from smesco_desk.domain.foodcourt import BillKind, InvalidNumber, normalize_nib, normalize_npwp
from smesco_desk.domain.nik import InvalidNik, mask_nik, normalize_nik
from smesco_desk.domain.phone import InvalidPhone, normalize_phone
from smesco_desk.domain.text import clean_name, has_visible, text_errors
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.foodcourt.mapping import lease_source, tenant_infos
from smesco_desk.services.payments.mapping import charge_value
from smesco_desk.services.queries import get_live
from smesco_desk.services.transaction import Transaction
from smesco_desk.values.foodcourt import TenantForm, TenantInfo
from smesco_desk.values.payments import ChargeRecord

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from smesco_desk.services.core import Core


def tenants(core: Core, active_only: bool = True) -> list[TenantInfo]:
    """The tenants by their business's name, with what each owes."""
    with core.db.read() as session:
        query = (
            select(Tenant)
            .join(Business, Business.id == Tenant.business_id)
            .where(Tenant.deleted_at.is_(None))
            .order_by(Business.name, Tenant.id)
        )
        if active_only is True:
            query = query.where(Tenant.active.is_(True))
        return tenant_infos(session, list(session.scalars(query)))


def tenant(core: Core, tenant_id: str) -> TenantInfo:
    with core.db.read() as session:
        return tenant_infos(session, [tenant_row(session, tenant_id)])[0]


def tenant_row(session: Session, tenant_id: object) -> Tenant:
    if not isinstance(tenant_id, str) or text_errors({"tenant_id": tenant_id}):
        tenant_id = ""
    return get_live(session, Tenant, tenant_id, _("Tenan tidak ditemukan."))


def save_tenant(core: Core, actor: Actor, form: TenantForm) -> TenantInfo:
    """Add a tenant with its business, or change one (`form.tenant_id`)."""
    require(actor, Permission.MANAGE_TENANTS)
    clean = _checked(form)
    nik = clean.pop("nik")
    masked = mask_nik(nik) if nik else None
    pseudonym = core.nik_key.pseudonym(nik) if nik else None
    with Transaction.begin(core, actor) as tx:
        if form.tenant_id is None:
            business = tx.insert(Business(**clean))
            row = tx.insert(Tenant(business_id=business.id, notes=form.notes.strip(), active=True))
            op = "insert"
        else:
            row = tx.update(tenant_row(tx.session, form.tenant_id))
            business = tx.update(tx.session.get_one(Business, row.business_id))
            for name, value in clean.items():
                setattr(business, name, value)
            row.notes = form.notes.strip()
            op = "update"
        if nik:
            business.owner_nik_masked, business.owner_nik_hash = masked, pseudonym
        tx.record("tenant.save", [(business, op), (row, op)], {"tenant_id": row.id})
        tx.session.flush()
        return tenant_infos(tx.session, [row])[0]


def _checked(form: TenantForm) -> dict[str, str]:
    """The business's columns from the form, or ValidationError at the fields."""
    fields: dict[str, object] = {
        "name": form.name,
        "owner": form.owner,
        "phone": form.phone,
        "nik": form.nik,
        "nib": form.nib,
        "npwp": form.npwp,
        "products": form.products,
        "halal_number": form.halal_number,
        "notes": form.notes,
    }
    if form.tenant_id is not None:
        fields["tenant_id"] = form.tenant_id
    errors = text_errors(fields)
    if errors:
        raise ValidationError(errors)
    name, owner = clean_name(form.name), clean_name(form.owner)
    for field, value in (("name", name), ("owner", owner)):
        if not has_visible(value):
            errors[field] = _("Wajib diisi.")
        elif len(value) > 200:
            errors[field] = _("Paling banyak 200 karakter.")
    out = {"name": name, "owner_name": owner, "phone": "", "nib": "", "npwp": "", "nik": ""}
    try:
        out["phone"] = normalize_phone(form.phone)
    except InvalidPhone as exc:
        errors["phone"] = str(exc)
    if form.nik.strip():
        try:
            out["nik"] = normalize_nik(form.nik)
        except InvalidNik as exc:
            errors["nik"] = str(exc)
    for field, normalize in (("nib", normalize_nib), ("npwp", normalize_npwp)):
        typed = getattr(form, field)
        if typed.strip():
            try:
                out[field] = normalize(typed)
            except InvalidNumber as exc:
                errors[field] = str(exc)
    halal = form.halal_number.strip()
    if len(halal) > 64:
        errors["halal_number"] = _("Paling banyak 64 karakter.")
    if errors:
        raise ValidationError(errors)
    out["products"] = form.products.strip()
    out["halal_number"] = halal
    return out


def owed_charges(core: Core, tenant_id: str, lease_id: str | None = None) -> list[ChargeRecord]:
    """The tenant's open charges (of one lease with `lease_id`), the oldest due
    first (a deposit first among those due on one day, then as made): the order
    in which a payment of several pays them (payments.pay_charges keeps it among
    charges made at one time)."""
    with core.db.read() as session:
        tenant = tenant_row(session, tenant_id)
        leases = select(Lease.id).where(Lease.tenant_id == tenant.id)
        if lease_id is not None:
            leases = leases.where(Lease.id == lease_id)
        sources = [lease_source(i) for i in session.scalars(leases)]
        rows = session.execute(
            select(Charge, TenantCharge.due_on, TenantCharge.kind)
            .outerjoin(TenantCharge, TenantCharge.charge_id == Charge.id)
            .where(
                Charge.source.in_(sources),
                Charge.status == "open",
                Charge.total > 0,
                Charge.deleted_at.is_(None),
            )
        ).all()
        ordered = sorted(  # (a deposit before the rent due the same day)
            rows, key=lambda r: (r[1] or date.max, r[2] != BillKind.DEPOSIT, r[0].created_at)
        )
        return [charge_value(session, charge) for charge, _due, _kind in ordered]
