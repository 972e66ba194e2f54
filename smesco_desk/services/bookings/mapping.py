"""Rows of the bookings tables as the plain values the services return.

A page of bookings is read with its spaces and its charges' totals and
payments in a few batched queries, not a handful per booking.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import Booking, Charge, Space
from smesco_desk.values import value_from
from smesco_desk.values.bookings import BookingRecord, SpaceInfo


def space_info(row: Space) -> SpaceInfo:
    return value_from(SpaceInfo, row, opening_hours=dict(row.opening_hours or {}))


def booking_records(session: Session, rows: Sequence[Booking]) -> list[BookingRecord]:
    """The bookings' values, in the order of `rows`."""
    if not rows:
        return []
    space_ids = {r.space_id for r in rows}
    spaces = {s.id: s for s in session.scalars(select(Space).where(Space.id.in_(space_ids)))}
    charge_ids = [r.charge_id for r in rows if r.charge_id]
    charges = {c.id: c for c in session.scalars(select(Charge).where(Charge.id.in_(charge_ids)))}
    records = []
    for row in rows:
        space = spaces[row.space_id]
        charge = charges.get(row.charge_id or "")
        # a cancelled charge (a free or waived cancellation) costs nothing
        total = charge.total if charge is not None and charge.status != "cancelled" else 0
        paid = total if charge is not None and charge.status == "paid" else 0
        records.append(
            value_from(
                BookingRecord,
                row,
                space_code=space.code,
                space_name=space.name,
                total=total,
                paid=paid,
                charge_status=charge.status if charge is not None else "",
            )
        )
    return records


def booking_record(session: Session, row: Booking) -> BookingRecord:
    return booking_records(session, [row])[0]
