"""Helpers for the food court tests: rows written straight into the tables (to
test the database's own guard against a stall leased twice, past the service)
on SQLite or PostgreSQL alike, and valid forms of a stall and a tenant."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.engine import Connection

from smesco_desk.db.models import Business, Lease, Stall, Tenant
from smesco_desk.ids import new_id
from smesco_desk.values.foodcourt import StallForm, TenantForm

AT = datetime(2026, 3, 1, tzinfo=UTC)


def _synced() -> dict[str, Any]:
    return {"id": new_id(), "origin_desk": "D01", "version": 1, "created_at": AT, "updated_at": AT}


def stall_row(conn: Connection, code: str = "FC2-07") -> str:
    floor, number = int(code[2]), int(code[4:])
    values = {
        **_synced(),
        "code": code,
        "floor": floor,
        "number": number,
        "size_cm2": 62_500,
        "plan_x": 0,
        "plan_y": 0,
        "plan_w": 5,
        "plan_h": 5,
        "water": True,
        "gas": False,
        "power": True,
        "power_meter": "",
        "rate_day": 150_000,
        "rate_week": 900_000,
        "rate_month": 3_000_000,
        "deposit": 6_000_000,
        "kind_code": "stall_rent",
        "in_service": True,
        "notes": "",
    }
    conn.execute(insert(Stall.__table__).values(values))
    return str(values["id"])


def tenant_row(conn: Connection, name: str = "Soto Betawi Bang Ali") -> str:
    business = {
        **_synced(),
        "name": name,
        "owner_name": "Ali Rahman",
        "phone": "+6281234567890",
        "nib": "",
        "npwp": "",
        "products": "",
        "halal_number": "",
    }
    conn.execute(insert(Business.__table__).values(business))
    tenant = {**_synced(), "business_id": business["id"], "notes": "", "active": True}
    conn.execute(insert(Tenant.__table__).values(tenant))
    return str(tenant["id"])


def lease_row(
    conn: Connection,
    stall_id: str,
    tenant_id: str,
    first: date,
    last: date,
    *,
    status: str = "active",
) -> str:
    """A lease inserted directly, from `first` to `last` (both included)."""
    values = {
        **_synced(),
        "stall_id": stall_id,
        "tenant_id": tenant_id,
        "starts_on": first,
        "ends_on": last,
        "planned_ends_on": last,
        "period": "month",
        "rent": 3_000_000,
        "deposit": 0,
        "due_day": first.day,
        "status": status,
        "deposit_charge_id": None,
        "notes": "",
        "cancel_reason": "",
    }
    conn.execute(insert(Lease.__table__).values(values))
    return str(values["id"])


def set_lease(conn: Connection, lease_id: str, **values: Any) -> None:
    conn.execute(update(Lease.__table__).where(Lease.id == lease_id).values(**values))


def stall_form(**overrides: Any) -> StallForm:
    """A valid stall FC2-07 of 6.25 m² (Rp3.000.000 a month, deposit Rp6.000.000)."""
    values: dict[str, Any] = {
        "code": "FC2-07",
        "size_m2": "6,25",
        "rate_day": 150_000,
        "rate_week": 900_000,
        "rate_month": 3_000_000,
        "deposit": 6_000_000,
        "plan_x": 10,
        "plan_y": 0,
        "plan_w": 5,
        "plan_h": 5,
        "water": True,
        "power_meter": "PLN-207-53117",
    }
    values.update(overrides)
    return StallForm(**values)


def tenant_form(**overrides: Any) -> TenantForm:
    values: dict[str, Any] = {
        "name": "Soto Betawi Bang Ali",
        "owner": "Ali Rahman",
        "phone": "0812-3456-7890",
        "nib": "1234567890123",
        "npwp": "01.234.567.8-901.000",
        "products": "Soto Betawi, nasi uduk",
    }
    values.update(overrides)
    return TenantForm(**values)
