"""Plain frozen values of the food court's meters and utility bills, as the
services take and return them. Readings and consumptions are thousandths of a
unit (Wh, litres: smesco_desk.domain.meters); amounts integer rupiah."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from smesco_desk.domain.meters import reading_text


def _units(milli: int | None) -> str | None:
    return None if milli is None else reading_text(milli)


@dataclass(frozen=True)
class ReadingInput:
    """One reading as typed: the stall's code, the meter (a MeterKind value), the
    value as typed ("1234,5") or a Decimal, the day it was read (None: today, or
    the month's last day for a past month), a new meter's first reading, and the
    meter's number (""; the last one of its series, or the stall's power meter)."""

    stall: str
    kind: str
    value: str | Decimal | int
    read_on: date | None = None
    replaced: bool = False
    meter_number: str = ""


@dataclass(frozen=True)
class ReadingRecord:
    id: str
    stall_code: str
    kind: str
    meter_number: str
    read_on: date
    value: int  # thousandths
    consumption: int  # thousandths since the last reading of its series
    replaced: bool
    anomaly: str  # an Anomaly value, "" for none
    confirmed_by: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "stall": self.stall_code,
            "kind": self.kind,
            "meter_number": self.meter_number,
            "date": self.read_on.isoformat(),
            "value": reading_text(self.value),
            "consumption": reading_text(self.consumption),
            "replaced": self.replaced,
            "anomaly": self.anomaly or None,
            "confirmed_by": self.confirmed_by or None,
        }


@dataclass(frozen=True)
class MeterCell:
    """One meter of a stall in the month's grid: its last reading before the
    month, the month's reading if typed (and what it consumed), the usual
    monthly consumption (None without enough history)."""

    last: int | None
    last_on: date | None
    current: int | None
    current_on: date | None
    consumption: int | None
    usual: int | None
    replaced: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "last": _units(self.last),
            "last_date": None if self.last_on is None else self.last_on.isoformat(),
            "current": _units(self.current),
            "current_date": None if self.current_on is None else self.current_on.isoformat(),
            "consumption": _units(self.consumption),
            "usual": _units(self.usual),
            "replaced": self.replaced,
        }


@dataclass(frozen=True)
class GridRow:
    """A stall in the month's grid of readings, with the tenant holding it that
    month (None: vacant) and whether its utilities of that month are billed."""

    stall_code: str
    floor: int
    tenant: str | None
    power: MeterCell
    water: MeterCell
    billed: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "stall": self.stall_code,
            "floor": self.floor,
            "tenant": self.tenant,
            "power": self.power.to_json(),
            "water": self.water.to_json(),
            "billed": self.billed,
        }


@dataclass(frozen=True)
class BilledCharge:
    stall_code: str
    tenant: str
    kind: str  # a BillKind value: utility | service
    charge_id: str
    amount: int
    due_on: date

    def to_json(self) -> dict[str, Any]:
        return {
            "stall": self.stall_code,
            "tenant": self.tenant,
            "kind": self.kind,
            "charge_id": self.charge_id,
            "amount": self.amount,
            "due_on": self.due_on.isoformat(),
        }


@dataclass(frozen=True)
class UtilityBilling:
    """What billing a month posted now (nothing already posted is posted again),
    and the leased stalls left without a utility charge, with why."""

    month: date  # its first day
    posted: tuple[BilledCharge, ...]
    skipped: tuple[tuple[str, str], ...]  # (stall code, reason)

    @property
    def total(self) -> int:
        return sum(c.amount for c in self.posted)

    def to_json(self) -> dict[str, Any]:
        return {
            "month": self.month.strftime("%Y-%m"),
            "posted": [c.to_json() for c in self.posted],
            "skipped": [{"stall": s, "reason": r} for s, r in self.skipped],
            "total": self.total,
        }


@dataclass(frozen=True)
class UtilityTariffs:
    power: tuple[tuple[int | None, int], ...]  # (up to units, rupiah per unit)
    water: tuple[tuple[int | None, int], ...]
    service_per_m2: int
    due_day: int
