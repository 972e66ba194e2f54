"""Plain frozen values of the food court: stalls, businesses and tenants,
leases, as the services take and return them (never ORM objects). The rules
(stall codes, sizes, NIB and NPWP, lease dates) live in
smesco_desk.domain.foodcourt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from smesco_desk.domain.foodcourt import lease_state, size_m2_decimal, size_m2_text


@dataclass(frozen=True)
class StallForm:
    """A stall as the administrator fills it in. `code` like `FC2-07` (the floor
    and number are read from it); `size_m2` square metres as typed ("6,25") or
    a Decimal, kept exactly (integer cm²)."""

    code: str
    size_m2: str | Decimal
    rate_day: int = 0
    rate_week: int = 0
    rate_month: int = 0
    deposit: int = 0
    plan_x: int = 0
    plan_y: int = 0
    plan_w: int = 2
    plan_h: int = 2
    water: bool = False
    gas: bool = False
    power: bool = True
    power_meter: str = ""
    kind_code: str = "stall_rent"  # the kind of charge whose taxes the rent takes
    in_service: bool = True
    notes: str = ""


@dataclass(frozen=True)
class StallInfo:
    id: str
    code: str
    floor: int
    number: int
    size_cm2: int
    plan_x: int
    plan_y: int
    plan_w: int
    plan_h: int
    water: bool
    gas: bool
    power: bool
    power_meter: str
    rate_day: int
    rate_week: int
    rate_month: int
    deposit: int
    kind_code: str
    in_service: bool
    notes: str

    @property
    def size_m2(self) -> Decimal:
        return size_m2_decimal(self.size_cm2)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "floor": self.floor,
            "number": self.number,
            # a JSON number written from the exact decimal ("6.25", never 6.2499...)
            "size_m2": float(size_m2_text(self.size_cm2)),
            "size_cm2": self.size_cm2,
            "plan": {"x": self.plan_x, "y": self.plan_y, "w": self.plan_w, "h": self.plan_h},
            "water": self.water,
            "gas": self.gas,
            "power": self.power,
            "power_meter": self.power_meter,
            "rate_day": self.rate_day,
            "rate_week": self.rate_week,
            "rate_month": self.rate_month,
            "deposit": self.deposit,
            "charge_kind": self.kind_code,
            "in_service": self.in_service,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class StallStatus:
    """A stall on a given day: its state (a StallState value), the tenant in it
    (or who booked it ahead) and the lease that puts them there."""

    stall: StallInfo
    state: str
    tenant_id: str | None
    tenant: str | None  # the business's name
    lease_id: str | None
    lease_until: date | None
    balance: int  # open charges of that lease
    # The next rent not yet paid of that lease: the day it falls due (today or
    # later; None when the lease has no further rent) and its amount.
    next_due: date | None = None
    next_due_amount: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            **self.stall.to_json(),
            "state": self.state,
            "tenant": self.tenant,
            "tenant_id": self.tenant_id,
            "lease_id": self.lease_id,
            "lease_until": None if self.lease_until is None else self.lease_until.isoformat(),
            "balance": self.balance,
            "next_due": None if self.next_due is None else self.next_due.isoformat(),
            "next_due_amount": self.next_due_amount,
        }


@dataclass(frozen=True)
class TenantForm:
    """A tenant and its business's identity as the tenant manager fills them in.
    `nik` is the owner's (never stored: masked and pseudonymised); `nib` and
    `npwp` optional ("" when not known), checked when given."""

    name: str  # the business's name
    owner: str
    phone: str
    nik: str = ""
    nib: str = ""
    npwp: str = ""
    products: str = ""
    halal_number: str = ""
    notes: str = ""
    tenant_id: str | None = None  # a tenant to change; None: a new one


@dataclass(frozen=True)
class TenantInfo:
    id: str
    business_id: str
    name: str
    owner: str
    phone: str
    owner_nik_masked: str | None
    nib: str
    npwp: str
    products: str
    halal_number: str
    notes: str
    active: bool
    balance: int  # open charges of its leases, integer rupiah

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "business_id": self.business_id,
            "name": self.name,
            "owner": self.owner,
            "phone": self.phone,
            "nik_masked": self.owner_nik_masked,
            "nib": self.nib,
            "npwp": self.npwp,
            "products": self.products,
            "halal_number": self.halal_number,
            "notes": self.notes,
            "active": self.active,
            "balance": self.balance,
        }


@dataclass(frozen=True)
class LeaseForm:
    """A stall leased to a tenant from `starts_on` to `ends_on` (both included,
    WIB), rent per `period` (a LeasePeriod value) at the stall's rate."""

    tenant_id: str
    stall: str  # the stall's code
    starts_on: date
    ends_on: date
    period: str = "month"
    notes: str = ""
    turnover_rate_bp: int = 0  # turnover rent, basis points of a month's sales (0: none)
    # the rent due so far (a lease starting on or before today) posted with the
    # lease, to be collected with the deposit (the lease dialog); the timer's
    # post_rent posts it otherwise
    post_due_rent: bool = False


@dataclass(frozen=True)
class LeaseRecord:
    id: str
    stall_code: str
    tenant_id: str
    tenant: str  # the business's name
    starts_on: date
    ends_on: date
    planned_ends_on: date
    period: str
    rent: int  # per period
    deposit: int
    due_day: int
    status: str
    deposit_charge_id: str | None
    owed: int  # open charges of the lease
    notes: str = ""
    cancel_reason: str = ""
    turnover_rate_bp: int = 0

    def state(self, today: date) -> str:
        """Its status on `today` for people: "expired" for an active lease past
        its last day (derived, never stored: domain.foodcourt.lease_state)."""
        return lease_state(self.status, self.ends_on, today)

    def to_json(self, today: date | None = None) -> dict[str, Any]:
        """With `today`: "status" is the state on that day (`state`)."""
        return {
            "id": self.id,
            "stall": self.stall_code,
            "tenant_id": self.tenant_id,
            "tenant": self.tenant,
            "start": self.starts_on.isoformat(),
            "end": self.ends_on.isoformat(),
            "planned_end": self.planned_ends_on.isoformat(),
            "period": self.period,
            "rent": self.rent,
            "deposit": self.deposit,
            "due_day": self.due_day,
            "status": self.status if today is None else self.state(today),
            "deposit_charge_id": self.deposit_charge_id,
            "owed": self.owed,
            "notes": self.notes,
            "cancel_reason": self.cancel_reason,
            "turnover_rate_bp": self.turnover_rate_bp,
        }


@dataclass(frozen=True)
class TenantChargeItem:
    """A charge of a tenancy (rent, late fee, deposit...) as the "due today / this
    week" list shows it: what it is for, the days it covers, when it falls due,
    its amount and status (open | paid | cancelled) in the payments area."""

    id: str  # the tenant charge's
    charge_id: str
    lease_id: str
    tenant_id: str
    tenant: str
    stall: str  # the stall's code
    kind: str  # a BillKind value
    period_start: date
    period_end: date
    due_on: date
    amount: int
    status: str
    description: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "charge_id": self.charge_id,
            "lease_id": self.lease_id,
            "tenant_id": self.tenant_id,
            "tenant": self.tenant,
            "stall": self.stall,
            "kind": self.kind,
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "due_on": self.due_on.isoformat(),
            "amount": self.amount,
            "status": self.status,
            "description": self.description,
        }


@dataclass(frozen=True)
class TenantArrears:
    """What a tenant owes past due on a day, aged by days past due (integer
    rupiah): 0-30 (due that day included), 31-60, 61-90, over 90."""

    tenant_id: str
    tenant: str
    d0_30: int
    d31_60: int
    d61_90: int
    over_90: int

    @property
    def total(self) -> int:
        return self.d0_30 + self.d31_60 + self.d61_90 + self.over_90

    def to_json(self) -> dict[str, Any]:
        return {
            "tenant_id": self.tenant_id,
            "tenant": self.tenant,
            "d0_30": self.d0_30,
            "d31_60": self.d31_60,
            "d61_90": self.d61_90,
            "over_90": self.over_90,
            "total": self.total,
        }


@dataclass(frozen=True)
class LateFeePolicy:
    """The late fees an administrator sets: `mode` none | percent | fixed;
    `percent_bp` basis points of the overdue amount per month (200 = 2%);
    `fixed` rupiah per month overdue; `grace_days` before the first fee of
    each month; `compounding`: a late fee earns late fees too (off by default)."""

    mode: str = "none"
    percent_bp: int = 0
    fixed: int = 0
    grace_days: int = 0
    compounding: bool = False
