"""The open sync conflicts of a row another desk won the slot of, and closing them.

A booking (rooms) or a lease (the food court) made offline whose time or days
another desk took first is kept by the server with status `conflict` and an
open sync conflict of kind `booking_overlap` or `lease_overlap` names both
rows (smesco_desk.sync.server_push). Moving the row elsewhere or cancelling it
resolves that conflict, in the same transaction: these two functions serve
both areas (services.bookings.conflicts, services.foodcourt.lease_conflicts).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from smesco_desk.db.models import SyncConflict, SyncedMixin
from smesco_desk.services.transaction import Transaction


def open_overlap_conflicts(
    session: Session, entity: str, entity_id: str, kind: str
) -> list[SyncConflict]:
    """The open sync conflicts of `kind` saying another desk won this row's slot."""
    query = select(SyncConflict).where(
        SyncConflict.entity == entity,
        SyncConflict.entity_id == entity_id,
        SyncConflict.kind == kind,
        SyncConflict.status == "open",
        SyncConflict.deleted_at.is_(None),
    )
    return list(session.scalars(query.order_by(SyncConflict.created_at)))


def close_overlap_conflicts(
    tx: Transaction, entity: str, entity_id: str, kind: str, resolution: str, note: str = ""
) -> list[tuple[SyncedMixin, str]]:
    """Resolve the row's open overlap conflicts in `tx` ("moved", "cancelled");
    the rows changed, for the caller to record."""
    rows: list[tuple[SyncedMixin, str]] = []
    for conflict in open_overlap_conflicts(tx.session, entity, entity_id, kind):
        conflict.status, conflict.resolution = "resolved", resolution
        conflict.resolved_by, conflict.resolved_at = tx.actor.audit_name, tx.now
        conflict.resolution_note = note.strip()
        rows.append((tx.update(conflict), "update"))
    return rows
