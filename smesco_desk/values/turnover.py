"""Plain frozen values of tenants' turnover: a grid cell as typed, the grid of
tenants by days, what posting a month's turnover rent did, and the monthly
report per floor and per tenant. The rules are in smesco_desk.domain.turnover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any


@dataclass(frozen=True)
class TurnoverCell:
    """A tenant's sales of a day as typed: `amount` None clears the day."""

    tenant_id: str
    day: date
    amount: int | None


@dataclass(frozen=True)
class TurnoverGridRow:
    tenant_id: str
    tenant: str  # the business's name
    stalls: str  # its stalls in the grid's days, "FC1-02, FC1-03"
    floor: int  # the floor of its first stall
    amounts: tuple[int | None, ...]  # per day of the grid (None: not entered)
    leased: tuple[bool, ...]  # per day: whether it rents a stall that day (may be entered)

    @property
    def total(self) -> int:
        return sum(a for a in self.amounts if a is not None)


@dataclass(frozen=True)
class TurnoverGrid:
    days: tuple[date, ...]
    rows: tuple[TurnoverGridRow, ...]

    def day_total(self, index: int) -> int:
        return sum(r.amounts[index] or 0 for r in self.rows)

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rows)


@dataclass(frozen=True)
class TurnoverSaved:
    written: int  # entries added or changed
    cleared: int  # entries removed
    unchanged: int


class RentState(StrEnum):
    """Where a lease's turnover rent for a month stands."""

    POSTED = "posted"  # charged (now or before)
    DUE = "due"  # above the base rent, not charged yet
    BELOW = "below"  # the base rent is the higher: nothing to charge
    WAITING = "waiting"  # some of its days have no rent charge yet: not assessed
    OPEN = "open"  # the month has not closed yet
    NONE = "none"  # the lease has no turnover rent


@dataclass(frozen=True)
class LeaseTurnover:
    """One lease's month: its turnover, base rent and turnover rent."""

    lease_id: str
    tenant_id: str
    tenant: str
    stall_code: str
    floor: int
    rate_bp: int
    turnover: int
    days_entered: int
    base_rent: int
    rent: int  # turnover rent charged (POSTED) or to charge (DUE); else 0
    state: str  # a RentState value
    charge_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "lease_id": self.lease_id,
            "tenant_id": self.tenant_id,
            "tenant": self.tenant,
            "stall": self.stall_code,
            "floor": self.floor,
            "rate_bp": self.rate_bp,
            "turnover": self.turnover,
            "days_entered": self.days_entered,
            "base_rent": self.base_rent,
            "turnover_rent": self.rent,
            "state": self.state,
            "charge_id": self.charge_id,
        }


@dataclass(frozen=True)
class TurnoverPosting:
    """What posting a month's turnover rent did, lease by lease."""

    month: date
    leases: tuple[LeaseTurnover, ...]
    posted_now: int  # charges added by this run (0 when run again)

    @property
    def total(self) -> int:
        return sum(x.rent for x in self.leases if x.state == RentState.POSTED)

    def to_json(self) -> dict[str, Any]:
        return {
            "month": self.month.strftime("%Y-%m"),
            "posted_now": self.posted_now,
            "total": self.total,
            "leases": [x.to_json() for x in self.leases],
        }


@dataclass(frozen=True)
class TenantTurnover:
    """A tenant's month on one floor, for the report."""

    tenant_id: str
    tenant: str
    stalls: str
    total: int
    days_entered: int
    average: int  # per day entered, rounded half up
    rate_bp: int  # the highest of its leases' (0: none)
    rent: int  # turnover rent charged or due
    state: str  # RentState of its leases (the least settled one)

    def to_json(self) -> dict[str, Any]:
        return {
            "tenant_id": self.tenant_id,
            "tenant": self.tenant,
            "stalls": self.stalls,
            "total": self.total,
            "days_entered": self.days_entered,
            "average": self.average,
            "rate_bp": self.rate_bp,
            "turnover_rent": self.rent,
            "state": self.state,
        }


@dataclass(frozen=True)
class FloorTurnover:
    floor: int
    tenants: tuple[TenantTurnover, ...]

    @property
    def total(self) -> int:
        return sum(t.total for t in self.tenants)

    @property
    def days_entered(self) -> int:
        return sum(t.days_entered for t in self.tenants)

    @property
    def rent(self) -> int:
        return sum(t.rent for t in self.tenants)

    def to_json(self) -> dict[str, Any]:
        return {
            "floor": self.floor,
            "total": self.total,
            "days_entered": self.days_entered,
            "turnover_rent": self.rent,
            "tenants": [t.to_json() for t in self.tenants],
        }


@dataclass(frozen=True)
class TurnoverReport:
    month: date  # its first day
    closed: bool
    floors: tuple[FloorTurnover, ...]
    generated_at: datetime
    building_name: str = "SMESCO Indonesia"

    @property
    def total(self) -> int:
        return sum(f.total for f in self.floors)

    @property
    def days_entered(self) -> int:
        return sum(f.days_entered for f in self.floors)

    @property
    def rent(self) -> int:
        return sum(f.rent for f in self.floors)

    def to_json(self) -> dict[str, Any]:
        return {
            "month": self.month.strftime("%Y-%m"),
            "closed": self.closed,
            "total": self.total,
            "days_entered": self.days_entered,
            "turnover_rent": self.rent,
            "floors": [f.to_json() for f in self.floors],
        }
