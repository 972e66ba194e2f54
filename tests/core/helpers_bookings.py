"""Helpers for the bookings tests: rows written straight into the tables (to test
the database's own guard, past the service) on SQLite or PostgreSQL alike, and
valid forms of a space and a booking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.engine import Connection

from smesco_desk.db.models import Booking, Space
from smesco_desk.ids import new_id
from smesco_desk.values.bookings import BookingForm, SpaceForm
from smesco_desk.values.payments import PayerForm

SPACE_AT = datetime(2026, 3, 1, tzinfo=UTC)


def _synced(at: datetime) -> dict[str, Any]:
    return {"id": new_id(), "origin_desk": "D01", "version": 1, "created_at": at, "updated_at": at}


def space_row(conn: Connection, code: str = "rapat_kecil", at: datetime = SPACE_AT) -> str:
    """A space with no buffers, open every day (a catalogue row written directly)."""
    values = {
        **_synced(at),
        "code": code,
        "name": code.replace("_", " ").title(),
        "kind": "meeting_room",
        "floor": "2",
        "capacity": 8,
        "opening_hours": {},
        "setup_minutes": 0,
        "cleanup_minutes": 0,
        "rate_hour": 0,
        "rate_half_day": 0,
        "rate_day": 0,
        "umkm_discount_bp": 0,
        "kind_code": "room",
        "description": "",
        "active": True,
    }
    conn.execute(insert(Space.__table__).values(values))
    return str(values["id"])


def booking_row(
    conn: Connection,
    space_id: str,
    starts: datetime,
    ends: datetime,
    *,
    setup: int = 0,
    cleanup: int = 0,
    status: str = "confirmed",
) -> str:
    """A booking inserted directly: the occupied interval includes the buffers."""
    values = {
        **_synced(starts),
        "space_id": space_id,
        "title": "Rapat",
        "payer_kind": "visitor",
        "payer_id": None,
        "payer_name": "Siti Rahayu",
        "umkm": False,
        "attendees": 4,
        "starts_at": starts,
        "ends_at": ends,
        "setup_minutes": setup,
        "cleanup_minutes": cleanup,
        "occupied_from": starts - timedelta(minutes=setup),
        "occupied_until": ends + timedelta(minutes=cleanup),
        "status": status,
        "charge_id": None,
        "notes": "",
        "cancel_reason": "",
    }
    conn.execute(insert(Booking.__table__).values(values))
    return str(values["id"])


def set_status(conn: Connection, booking_id: str, status: str) -> None:
    conn.execute(update(Booking.__table__).where(Booking.id == booking_id).values(status=status))


WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def space_form(**overrides: Any) -> SpaceForm:
    """A valid small meeting room (8 people, 15-minute buffers, open 08:00-21:00
    Monday to Saturday, Rp300.000 an hour); override any field."""
    values: dict[str, Any] = {
        "code": "rapat_kecil",
        "name": "Ruang Rapat Kecil",
        "kind": "meeting_room",
        "capacity": 8,
        "opening_hours": {d: ["08:00", "21:00"] for d in WEEK[:6]},
        "floor": "2",
        "setup_minutes": 15,
        "cleanup_minutes": 15,
        "rate_hour": 300_000,
        "rate_half_day": 1_000_000,
        "rate_day": 1_800_000,
        "umkm_discount_bp": 2000,
        "kind_code": "room",
        "description": "Meja rapat, layar TV 55 inci",
    }
    values.update(overrides)
    return SpaceForm(**values)


def booking_form(
    space: str, starts: datetime, ends: datetime, title: str = "Rapat koperasi", **kw: Any
) -> BookingForm:
    values: dict[str, Any] = {
        "payer": PayerForm("organisation", "Koperasi Maju Bersama"),
        "attendees": 6,
    }
    values.update(kw)
    return BookingForm(space=space, title=title, starts_at=starts, ends_at=ends, **values)
