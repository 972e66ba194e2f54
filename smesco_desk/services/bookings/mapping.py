"""Rows of the bookings tables as the plain values the services return.

A page of bookings is read with its spaces and its charges' totals and
payments in a few batched queries, not a handful per booking.

A booking's money is that of its charges (source `booking:<id>`): its own
charge (`charge_id`) and, once it was moved, the difference charged or the
credit owed back (services.bookings.moving). The total is what its live
charges (open, paid, refund due, refunded: a credit paid out) add up to; with
none (a free or waived cancellation of an unpaid booking), 0. What was paid is
net of the credits paid out.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
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
    sources = [f"booking:{r.id}" for r in rows]
    found = session.scalars(
        select(Charge).where(or_(Charge.id.in_(charge_ids), Charge.source.in_(sources)))
    )
    charges = {c.id: c for c in found}
    by_source: dict[str, list[Charge]] = {}
    for each in charges.values():
        if each.status in LIVE_CHARGE:
            by_source.setdefault(each.source, []).append(each)
    records = []
    for row in rows:
        space = spaces[row.space_id]
        charge = charges.get(row.charge_id or "")
        live = by_source.get(f"booking:{row.id}", [])
        if charge is not None and charge.status in LIVE_CHARGE and charge not in live:
            live.append(charge)  # (a charge made under another source)
        money = _money(live, charge)
        records.append(
            value_from(
                BookingRecord,
                row,
                space_code=space.code,
                space_name=space.name,
                charge_status=charge.status if charge is not None else "",
                **money,
            )
        )
    return records


LIVE_CHARGE = frozenset({"open", "paid", "refund_due", "refunded"})


def _money(live: Sequence[Charge], own: Charge | None) -> dict[str, int]:
    """total, paid, owed and refund_due of a booking from its live charges."""
    if not live:  # none, or all cancelled (a free or waived cancellation): nothing is owed
        return {"total": 0, "paid": 0, "owed": 0, "refund_due": 0}
    return {
        "total": sum(c.total for c in live),
        # what the booker paid, less what was paid back to them (credits paid out)
        "paid": sum(c.total for c in live if c.status in ("paid", "refunded")),
        "owed": sum(c.total for c in live if c.status == "open"),
        "refund_due": -sum(c.total for c in live if c.status == "refund_due"),
    }


def booking_record(session: Session, row: Booking) -> BookingRecord:
    return booking_records(session, [row])[0]
