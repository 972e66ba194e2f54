"""Stalls leased twice, found before the database would refuse them: the live
leases of a stall that share a day with a period, and the refusal that names
the one a new lease collides with.

The database holds the same rule (smesco_desk.db.overlaps, guard "leases"):
this check runs inside the lease's write transaction, so on a desk nothing can
slip in between; it is there to say *which* lease is in the way.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db import overlaps
from smesco_desk.db.models import Lease
from smesco_desk.errors import DomainError
from smesco_desk.i18n import _
from smesco_desk.values.foodcourt import LeaseRecord


class LeaseConflict(DomainError):
    """The stall is taken on some of those days: `lease` is the live lease in the way."""

    def __init__(self, lease: LeaseRecord) -> None:
        self.lease = lease
        message = _("Bentrok dengan sewa {tenant} di stan {stall}, {first} s.d. {last} ({id}).")
        super().__init__(
            message.format(
                tenant=lease.tenant,
                stall=lease.stall_code,
                first=f"{lease.starts_on:%d-%m-%Y}",
                last=f"{lease.ends_on:%d-%m-%Y}",
                id=lease.id,
            ),
            "starts_on",
        )


def clashes(
    session: Session, stall_id: str, first: date, last: date, except_id: str | None = None
) -> list[Lease]:
    """The live leases of the stall that share a day with [first, last], earliest first."""
    query = select(Lease).where(*overlaps.meeting(Lease, "leases", stall_id, first, last))
    if except_id is not None:
        query = query.where(Lease.id != except_id)
    return list(session.scalars(query.order_by(Lease.starts_on, Lease.id)))
