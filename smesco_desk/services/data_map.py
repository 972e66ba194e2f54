"""Where one person's data is kept (UU PDP): what `export-visitor` lists.

Every table of this desk that holds a row about the person, every copy of such
a row this desk keeps (outbox, sync conflicts, held changes), the central
server when the desk is enrolled (it keeps the same rows, its change log and
its conflicts), and each backup in the data folder made since the person first
registered, with the date it is removed after. Backups are copies taken at a
moment: an erasure cannot reach into them, so they keep the person's data
until they are removed after the backup retention period.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smesco_desk.db.models import AuditEntry, BookingAttendee, Business, Visitor
from smesco_desk.i18n import _
from smesco_desk.services.erasure import locate
from smesco_desk.sync import desk as local
from smesco_desk.sync.connection import display_url

if TYPE_CHECKING:
    from smesco_desk.services.core import Core


def where_kept(
    core: Core,
    session: Session,
    visitor: Visitor,
    attendees: list[BookingAttendee],
    businesses: Sequence[Business] = (),
    watchlist: Sequence[str] = (),
) -> dict[str, Any]:
    """`attendees`: the event participants who are the person (same_person_attendees);
    `businesses`: those they own (same_person_businesses); `watchlist`: the ids of
    the watchlist's entries about them (services.watchlist.same_person_entries)."""
    ids = [b.id for b in businesses]
    people, copies = locate(session, [visitor.id], [a.id for a in attendees], ids, watchlist)
    audit = session.scalar(
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.entity_id.in_(people.related_ids()))
    )
    tables = {
        "visitors": 1,
        "visits": len(people.visits),
        "charges": len(people.charges),
        "receipts": len(people.receipts),
        "booking_attendees": len(people.attendees),
        "businesses": len(people.businesses),
        "tenant_documents": len(people.documents),
        "document_blobs": len(people.blobs),
        "watchlist_entries": len(people.watchlist),
        "audit_log": int(audit or 0),
    }
    tables = {k: v for k, v in tables.items() if v}
    server = local.read_state(session).get(local.SERVER)
    days = core.maintenance.backup_retention_days()
    backups = [
        b.to_json() for b in core.maintenance.kept_backups() if b.made_at >= visitor.consent_at
    ]
    return {
        "tables": tables,
        "copies": copies.holding(people),
        "server": display_url(server) if server else None,
        "backups": backups,
        "backup_retention_days": days,
        "backups_note": _(
            "Cadangan menyimpan salinan data ini sampai dihapus {days} hari setelah dibuat;"
            " penghapusan data tidak menjangkau cadangan."
        ).format(days=days),
    }
