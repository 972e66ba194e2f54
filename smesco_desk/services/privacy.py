"""Personal data under UU PDP (Law 27/2022): export, erase, purge after retention.

Synced rows are never hard-deleted (other desks may know them): erasing wipes
the personal fields, tombstones the visitor and blanks every copy of their data
(smesco_desk.domain.erasure says which). The erasure is a fact of its own that
sync carries to the server and every desk, where it is carried out the same
way. Counts and times stay, so reports still add up. Backups keep a copy until
they are removed after the backup retention period.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smesco_desk.clock import iso
from smesco_desk.db.models import Booking, BookingAttendee, Erasure, Visit, Visitor
from smesco_desk.domain.erasure import BLANKS, ERASED_NAME
from smesco_desk.errors import NotFound
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.data_map import where_kept
from smesco_desk.services.erasure import erase_locally, same_person_attendees
from smesco_desk.services.settings import SettingsService
from smesco_desk.services.transaction import Transaction

if TYPE_CHECKING:
    from smesco_desk.services.core import Core

__all__ = ["ERASED_NAME", "PrivacyService"]


class PrivacyService:
    def __init__(self, core: Core) -> None:
        self.core = core

    def export_visitor(self, actor: Actor, visitor_id: str) -> dict[str, Any]:
        """Everything stored about one person, as plain JSON-ready values."""
        require(actor, Permission.MANAGE_PERSONAL_DATA)
        with Transaction.begin(self.core, actor) as tx:
            session = tx.session
            visitor = self._visitor(session, visitor_id)
            visits = session.scalars(
                select(Visit).where(Visit.visitor_id == visitor.id).order_by(Visit.checked_in_at)
            ).all()
            attendees = same_person_attendees(session, visitor)
            data = {
                "visitor_id": visitor.id,
                "name": visitor.full_name,
                "phone": visitor.phone,
                "organisation": visitor.organisation,
                "nik_masked": visitor.nik_masked,
                "consent_at": iso(visitor.consent_at),
                "consent_version": visitor.consent_version,
                "visits": [
                    {
                        "badge_number": v.badge_number,
                        "purpose": v.purpose_code,
                        "host": v.host,
                        "checked_in_at": iso(v.checked_in_at),
                        "checked_out_at": iso(v.checked_out_at),
                    }
                    for v in visits
                ],
                "event_participations": [
                    {
                        "booking_id": a.booking_id,
                        "name": a.name,
                        "phone": a.phone,
                        "organisation": a.organisation,
                        "email": a.email,
                        "nik_masked": a.nik_masked,
                        "checked_in_at": iso(a.checked_in_at),
                    }
                    for a in attendees
                ],
                "stored_in": where_kept(self.core, session, visitor, attendees),
            }
            tx.record("privacy.export", [], {"visitor_id": visitor.id})
            return data

    def erase_visitor(self, actor: Actor, visitor_id: str) -> int:
        """Erase a person's data on request; returns how many visits were blanked."""
        require(actor, Permission.MANAGE_PERSONAL_DATA)
        with Transaction.begin(self.core, actor) as tx:
            visitor = self._visitor(tx.session, visitor_id)
            visits = self._erase(tx, [visitor], "privacy.erase")
        self.core.db.truncate_wal()
        return visits

    def purge_expired(self, actor: Actor) -> int:
        """Erase visitors not seen within the retention period, and the participants
        of events that ended longer ago than that; returns how many visitors."""
        require(actor, Permission.MANAGE_PERSONAL_DATA)
        with Transaction.begin(self.core, actor) as tx:
            days = int(SettingsService.get_in(tx.session, "visitor_retention_days"))
            cutoff = tx.now - timedelta(days=days)
            expired = tx.session.scalars(
                select(Visitor).where(Visitor.deleted_at.is_(None), Visitor.last_visit_at < cutoff)
            ).all()
            self._erase(tx, list(expired), "privacy.purge")
            participants = tx.session.scalars(
                select(BookingAttendee)
                .join(Booking, Booking.id == BookingAttendee.booking_id)
                .where(Booking.ends_at < cutoff, BookingAttendee.name != ERASED_NAME)
                .order_by(BookingAttendee.id)
            ).all()
            if participants:
                _blank_attendees(tx, list(participants), "privacy.purge_attendees")
                erase_locally(tx.session, [], [a.id for a in participants])
        if expired or participants:
            self.core.db.truncate_wal()
        return len(expired)

    def _visitor(self, session: Session, visitor_id: str) -> Visitor:
        visitor = session.get(Visitor, visitor_id)
        if visitor is None or visitor.deleted_at is not None:
            raise NotFound(_("Data tamu tidak ditemukan."))
        return visitor

    def erase_again(self, tx: Transaction, visitor_ids: Collection[str]) -> int:
        """After a restore (in its transaction on the restored file): erase again
        the people the replaced database had erased, so that a backup made before
        an erasure brings nobody back. Returns how many were erased again."""
        if not visitor_ids:
            return 0
        visitors = list(
            tx.session.scalars(
                select(Visitor).where(
                    Visitor.id.in_(list(visitor_ids)), Visitor.full_name != ERASED_NAME
                )
            )
        )
        if visitors:
            self._erase(tx, visitors, "restore.erase")
        return len(visitors)

    @staticmethod
    def _erase(tx: Transaction, visitors: list[Visitor], action: str) -> int:
        """The visitor rows become tombstones (queued: they win over any concurrent
        edit), each erasure is recorded as a fact that sync carries everywhere, and
        every copy at this desk is blanked (smesco_desk.services.erasure)."""
        now, session = tx.now, tx.session
        attendees: list[str] = []
        for visitor in visitors:
            same = same_person_attendees(session, visitor)
            _blank_attendees(tx, same, action)
            attendees += [a.id for a in same]
            visitor.full_name, visitor.name_key, visitor.organisation = ERASED_NAME, "", ""
            visitor.phone = visitor.phone_key = visitor.nik_masked = visitor.nik_hash = None
            visitor.deleted_at = now
            tx.update(visitor)
            fact = tx.insert(
                Erasure(
                    visitor_id=visitor.id,
                    erased_at=now,
                    erased_by=tx.actor.audit_name,
                    action=action,
                    # A desk that has not heard of the erasure may still push its
                    # copies of these rows: the server and every desk blank them.
                    attendee_ids=sorted(a.id for a in same),
                )
            )
            visits = session.scalar(
                select(func.count()).select_from(Visit).where(Visit.visitor_id == visitor.id)
            )
            detail = {"visitor_id": visitor.id, "visits": int(visits or 0)}
            rows: list[tuple[Any, str]] = [(visitor, "update"), (fact, "insert")]
            tx.record(action, rows, detail)
        people = erase_locally(session, [v.id for v in visitors], attendees)
        return len(people.visits)


def _blank_attendees(tx: Transaction, attendees: list[BookingAttendee], action: str) -> None:
    """Event participants' personal fields blanked as queued updates (sync carries
    them like a visitor's tombstone); they stay on their booking, so counts stay."""
    blanks = BLANKS["booking_attendees"]
    changed = []
    for attendee in attendees:
        if all(getattr(attendee, column) == value for column, value in blanks.items()):
            continue
        for column, value in blanks.items():
            setattr(attendee, column, value)
        changed.append((tx.update(attendee), "update"))
    if changed:
        tx.record(action, changed, {"participants": len(changed)})
