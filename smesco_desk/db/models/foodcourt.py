"""The food court (issue 12): stalls on three floors, the businesses that rent
them, their tenancies and leases.

A business's identity (name, owner, NIB, NPWP, products) has a table of its
own, `businesses`, that the registry of all UMKM the building serves can take
over; a tenant points at its business. The owner's NIK is never stored: only
its last four digits and its keyed pseudonym (smesco_desk.domain.nik), as for
visitors and event participants.

A stall's size is integer square centimetres (smesco_desk.domain.foodcourt):
exact, never a float. A lease takes its stall from `starts_on` to `ends_on`,
both days included (WIB); two live leases of one stall never share a day: a
trigger on SQLite, an exclusion constraint (btree_gist,
`daterange(starts_on, ends_on, '[]')`) on PostgreSQL (smesco_desk.db.overlaps).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base, SyncedMixin


class Stall(SyncedMixin, Base):
    """A stall of the food court: `FC2-07` is stall 7 of floor 2. Its place on the
    floor plan (x, y, w, h) is in grid units; rates and deposit in integer rupiah;
    `kind_code` is the kind of charge whose taxes its rent takes."""

    __tablename__ = "stalls"
    code: Mapped[str] = mapped_column(String(16), unique=True)
    floor: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    size_cm2: Mapped[int] = mapped_column(BigInteger)
    plan_x: Mapped[int] = mapped_column(Integer, default=0)
    plan_y: Mapped[int] = mapped_column(Integer, default=0)
    plan_w: Mapped[int] = mapped_column(Integer, default=1)
    plan_h: Mapped[int] = mapped_column(Integer, default=1)
    water: Mapped[bool] = mapped_column(Boolean, default=False)
    gas: Mapped[bool] = mapped_column(Boolean, default=False)
    power: Mapped[bool] = mapped_column(Boolean, default=False)
    power_meter: Mapped[str] = mapped_column(String(32), default="")
    rate_day: Mapped[int] = mapped_column(BigInteger, default=0)
    rate_week: Mapped[int] = mapped_column(BigInteger, default=0)
    rate_month: Mapped[int] = mapped_column(BigInteger, default=0)
    deposit: Mapped[int] = mapped_column(BigInteger, default=0)
    kind_code: Mapped[str] = mapped_column(String(32), default="stall_rent")
    in_service: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_stalls_floor", "floor", "number"),)


class Business(SyncedMixin, Base):
    """A business's identity: the registry of UMKM takes this table over later.
    `phone` in E.164; `nib` 13 digits, `npwp` 16 ("" when not given); the
    owner's NIK only masked and as its keyed pseudonym."""

    __tablename__ = "businesses"
    name: Mapped[str] = mapped_column(String(200))
    owner_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(20), default="")
    owner_nik_masked: Mapped[str | None] = mapped_column(String(16), default=None)
    owner_nik_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    nib: Mapped[str] = mapped_column(String(13), default="")
    npwp: Mapped[str] = mapped_column(String(16), default="")
    products: Mapped[str] = mapped_column(Text, default="")
    halal_number: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_businesses_owner_nik_hash", "owner_nik_hash"),)


class Tenant(SyncedMixin, Base):
    """A business as a tenant of the food court: the party of its leases."""

    __tablename__ = "tenants"
    business_id: Mapped[str] = mapped_column(ForeignKey("businesses.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Lease(SyncedMixin, Base):
    """A stall leased (or booked for days) to a tenant from `starts_on` to
    `ends_on`, both included. `rent` is charged per `period` (day | week |
    month) at the stall's rate when the lease was made, monthly on `due_day`;
    the deposit is a charge of the payments area (`deposit_charge_id`, source
    `lease:<id>`). A lease ended early has its last day moved to `ends_on`;
    `planned_ends_on` keeps the one agreed."""

    __tablename__ = "leases"
    stall_id: Mapped[str] = mapped_column(ForeignKey("stalls.id"))
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    planned_ends_on: Mapped[date] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(8))  # day | week | month
    rent: Mapped[int] = mapped_column(BigInteger)  # per period
    deposit: Mapped[int] = mapped_column(BigInteger, default=0)
    due_day: Mapped[int] = mapped_column(Integer)  # 1-31: the day of the month rent is due
    status: Mapped[str] = mapped_column(String(16))  # active | ended | cancelled
    deposit_charge_id: Mapped[str | None] = mapped_column(ForeignKey("charges.id"), default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    # Turnover rent: this many basis points (1/100 %) of a month's turnover, charged
    # as far as it is above that month's base rent (0: none). See domain.turnover.
    turnover_rate_bp: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_leases_stall_starts", "stall_id", "starts_on"),)


class TenantCharge(SyncedMixin, Base):
    """What one charge of the payments area is to a tenancy: its kind (deposit,
    rent, late fee, utility, service charge, turnover rent, notice fee), the
    days it is for (`period_start`..`period_end`, both included) and the day it
    falls due, from which arrears are aged. The charge itself (lines, taxes,
    status, its payments) lives in `charges`, source `lease:<lease_id>`."""

    __tablename__ = "tenant_charges"
    lease_id: Mapped[str] = mapped_column(ForeignKey("leases.id"), index=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"))
    charge_id: Mapped[str] = mapped_column(ForeignKey("charges.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # smesco_desk.domain.foodcourt.BillKind
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)

    __table_args__ = (Index("ix_tenant_charges_tenant_due", "tenant_id", "due_on"),)


class TurnoverEntry(SyncedMixin, Base):
    """A tenant's sales (turnover) of one day (WIB), integer rupiah, as the tenant
    manager typed them, and the lease it is counted under (the tenant's live lease
    that day). One row per tenant and day: its id is derived from the two
    (smesco_desk.domain.turnover.entry_id), so two desks typing the same day
    offline write the same row and sync keeps one version of it (the later
    change wins, as for any row changed at two desks). A cleared cell is a
    tombstone (`deleted_at`); typing it again brings the row back."""

    __tablename__ = "turnover_entries"
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"))
    lease_id: Mapped[str] = mapped_column(ForeignKey("leases.id"))
    day: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    entered_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_turnover_entries_tenant_day", "tenant_id", "day", unique=True),
        Index("ix_turnover_entries_day", "day"),
    )
