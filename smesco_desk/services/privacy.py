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
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smesco_desk.clock import iso, wib_today
from smesco_desk.db.models import (
    Booking,
    BookingAttendee,
    Business,
    Erasure,
    Lease,
    Tenant,
    TenantDocument,
    Visit,
    Visitor,
    WatchlistEntry,
)
from smesco_desk.domain.erasure import BLANKS, ERASED_NAME
from smesco_desk.errors import NotFound, ValidationError
from smesco_desk.i18n import _
from smesco_desk.services.actors import Actor, Permission, require
from smesco_desk.services.data_map import where_kept
from smesco_desk.services.erasure import (
    erase_locally,
    locate,
    same_person_attendees,
    same_person_businesses,
)
from smesco_desk.services.foodcourt.attachments import (
    documents_of_businesses,
    forget_documents,
    remove_files,
)
from smesco_desk.services.settings import SettingsService
from smesco_desk.services.transaction import Transaction
from smesco_desk.services.watchlist import blank as blank_watchlist
from smesco_desk.services.watchlist import (
    ended_before,
    entry_data,
    in_force,
    same_person_entries,
)

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
            businesses = same_person_businesses(session, visitor)
            listed = _watchlisted(session, visitor)
            today = wib_today(tx.now)
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
                "businesses_owned": [owner_data(b) for b in businesses],
                "tenant_documents": documents_data(session, [b.id for b in businesses]),
                # Entries in force are kept until they end (services.watchlist).
                "watchlist": [entry_data(e, today) for e in listed],
                "stored_in": where_kept(
                    self.core, session, visitor, attendees, businesses, [e.id for e in listed]
                ),
            }
            tx.record("privacy.export", [], {"visitor_id": visitor.id})
            return data

    def erase_visitor(self, actor: Actor, visitor_id: str) -> int:
        """Erase a person's data on request; returns how many visits were blanked."""
        require(actor, Permission.MANAGE_PERSONAL_DATA)
        with Transaction.begin(self.core, actor) as tx:
            visitor = self._visitor(tx.session, visitor_id)
            visits, gone = self._erase(tx, [visitor], "privacy.erase")
        remove_files(self.core, gone)
        self.core.after_erasure()
        return visits

    def purge_expired(self, actor: Actor) -> int:
        """Erase visitors not seen within the retention period, the participants
        of events that ended longer ago than that, and the owners of businesses
        whose last lease ended longer ago than that (none to come); returns how
        many visitors."""
        require(actor, Permission.MANAGE_PERSONAL_DATA)
        with Transaction.begin(self.core, actor) as tx:
            days = int(SettingsService.get_in(tx.session, "visitor_retention_days"))
            cutoff = tx.now - timedelta(days=days)
            expired = tx.session.scalars(
                select(Visitor).where(Visitor.deleted_at.is_(None), Visitor.last_visit_at < cutoff)
            ).all()
            gone = self._erase(tx, list(expired), "privacy.purge")[1]
            participants = tx.session.scalars(
                select(BookingAttendee)
                .join(Booking, Booking.id == BookingAttendee.booking_id)
                .where(Booking.ends_at < cutoff, BookingAttendee.name != ERASED_NAME)
                .order_by(BookingAttendee.id)
            ).all()
            if participants:
                _blank_attendees(tx, list(participants), "privacy.purge_attendees")
                erase_locally(tx.session, [], [a.id for a in participants])
            ended = ended_before(tx.session, wib_today(cutoff))
            if ended:
                blank_watchlist(tx, ended, "privacy.purge_watchlist")
                erase_locally(tx.session, [], watchlist=[e.id for e in ended])
            owners = _former_owners(tx.session, cutoff)
            if owners:
                _blank_owners(tx, owners, "privacy.purge_owners")
                gone += _forget_owner_documents(tx, [b.id for b in owners], "privacy.purge_owners")
                erase_locally(tx.session, [], [], [b.id for b in owners])
        remove_files(self.core, gone)
        if expired or participants or owners:
            self.core.after_erasure()
        return len(expired)

    def export_owner(self, actor: Actor, tenant_id: str) -> dict[str, Any]:
        """Everything stored about a tenant's owner (who may never have visited)."""
        require(actor, Permission.MANAGE_PERSONAL_DATA)
        with Transaction.begin(self.core, actor) as tx:
            business = _tenant_business(tx.session, tenant_id)
            people, copies = locate(tx.session, [], [], [business.id])
            data = {
                "tenant_id": tenant_id,
                **owner_data(business),
                "tenant_documents": documents_data(tx.session, [business.id]),
                "stored_in": {
                    "tables": {
                        k: v
                        for k, v in {
                            "businesses": 1,
                            "tenant_documents": len(people.documents),
                            "document_blobs": len(people.blobs),
                        }.items()
                        if v
                    },
                    "copies": copies.holding(people),
                },
            }
            tx.record("privacy.export_owner", [], {"business_id": business.id})
            return data

    def erase_owner(self, actor: Actor, tenant_id: str) -> None:
        """Erase a tenant's owner's personal data (name, phone, NIK) on request.
        Refused while a lease of the tenant runs or is to come: the contract needs
        its party (UU PDP allows keeping data a contract needs); the business's
        own identity stays. The erasure is a fact sync carries: its subject is
        the business (`visitor_id`), named again in `business_ids`."""
        require(actor, Permission.MANAGE_PERSONAL_DATA)
        with Transaction.begin(self.core, actor) as tx:
            session = tx.session
            business = _tenant_business(session, tenant_id)
            today = wib_today(tx.now)
            running = session.scalar(
                select(func.count())
                .select_from(Lease)
                .join(Tenant, Tenant.id == Lease.tenant_id)
                .where(
                    Tenant.business_id == business.id,
                    Lease.deleted_at.is_(None),
                    Lease.status != "cancelled",
                    Lease.ends_on >= today,
                )
            )
            if running:
                raise ValidationError(
                    {"tenant_id": _("Masih ada sewa berjalan atau akan datang: data pemilik"
                                    " diperlukan kontrak.")}
                )  # fmt: skip
            _blank_owners(tx, [business], "privacy.erase_owner")
            gone = _forget_owner_documents(tx, [business.id], "privacy.erase_owner")
            fact = tx.insert(
                Erasure(
                    visitor_id=business.id,
                    erased_at=tx.now,
                    erased_by=tx.actor.audit_name,
                    action="privacy.erase_owner",
                    attendee_ids=[],
                    business_ids=[business.id],
                )
            )
            tx.record("privacy.erase_owner", [(fact, "insert")], {"business_id": business.id})
            erase_locally(session, [business.id], [], [business.id])
        remove_files(self.core, gone)
        self.core.after_erasure()

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
    def _erase(
        tx: Transaction, visitors: list[Visitor], action: str
    ) -> tuple[int, list[TenantDocument]]:
        """The visitor rows become tombstones (queued: they win over any concurrent
        edit), each erasure is recorded as a fact that sync carries everywhere, and
        every copy at this desk is blanked (smesco_desk.services.erasure)."""
        now, session = tx.now, tx.session
        attendees: list[str] = []
        businesses: list[str] = []
        gone: list[TenantDocument] = []
        listed: list[str] = []
        today = wib_today(now)
        for visitor in visitors:
            ended = [e for e in _watchlisted(session, visitor) if not in_force(e, today)]
            blank_watchlist(tx, ended, action)
            listed += [e.id for e in ended]
            same = same_person_attendees(session, visitor)
            _blank_attendees(tx, same, action)
            attendees += [a.id for a in same]
            owned = same_person_businesses(session, visitor)
            _blank_owners(tx, owned, action)
            gone += _forget_owner_documents(tx, [b.id for b in owned], action)
            businesses += [b.id for b in owned]
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
                    business_ids=sorted(b.id for b in owned),
                )
            )
            visits = session.scalar(
                select(func.count()).select_from(Visit).where(Visit.visitor_id == visitor.id)
            )
            detail = {"visitor_id": visitor.id, "visits": int(visits or 0)}
            rows: list[tuple[Any, str]] = [(visitor, "update"), (fact, "insert")]
            tx.record(action, rows, detail)
        people = erase_locally(session, [v.id for v in visitors], attendees, businesses, listed)
        return len(people.visits), gone


def _watchlisted(session: Session, visitor: Visitor) -> list[WatchlistEntry]:
    return same_person_entries(session, visitor.nik_hash, visitor.phone, visitor.full_name)


def owner_data(business: Business) -> dict[str, Any]:
    """A business owner's personal data as an export lists it."""
    return {
        "business_id": business.id,
        "business": business.name,
        "owner": business.owner_name,
        "phone": business.phone,
        "nik_masked": business.owner_nik_masked,
    }


def documents_data(session: Session, business_ids: list[str]) -> list[dict[str, Any]]:
    """The documents of the tenants of these businesses (their owner's documents),
    as an export lists them (the files themselves are opened in the application)."""
    return [
        {
            "document_id": d.id,
            "tenant_id": d.tenant_id,
            "title": d.title,
            "kind": d.kind,
            "file_name": d.file_name,
            "media_type": d.media_type,
            "size": d.size,
            "added_at": iso(d.created_at),
        }
        for d in documents_of_businesses(session, business_ids)
        if d.deleted_at is None
    ]


def _forget_owner_documents(
    tx: Transaction, business_ids: list[str], action: str
) -> list[TenantDocument]:
    """The documents of the owners' tenants tombstoned, their titles, file names and
    bytes blanked (queued: sync carries them); the rows, whose files go after commit."""
    rows = documents_of_businesses(tx.session, business_ids)
    changed = forget_documents(tx, rows, blank=True)
    if changed:
        tx.record(action, changed, {"documents": len(rows)})
    return rows


def _tenant_business(session: Session, tenant_id: object) -> Business:
    tenant = session.get(Tenant, tenant_id) if isinstance(tenant_id, str) else None
    if tenant is None or tenant.deleted_at is not None:
        raise NotFound(_("Tenan tidak ditemukan."))
    return session.get_one(Business, tenant.business_id)


def _former_owners(session: Session, cutoff: datetime) -> list[Business]:
    """Businesses made before the cutoff, not erased, none of whose leases ends
    after the cutoff day (no lease at all, or every one over long ago)."""
    recent = (
        select(Tenant.business_id)
        .join(Lease, Lease.tenant_id == Tenant.id)
        .where(
            Lease.deleted_at.is_(None),
            Lease.status != "cancelled",
            Lease.ends_on >= wib_today(cutoff),
        )
    )
    query = select(Business).where(
        Business.created_at < cutoff,
        Business.owner_name != ERASED_NAME,
        Business.id.not_in(recent),
    )
    return list(session.scalars(query.order_by(Business.id)))


def _blank_owners(tx: Transaction, businesses: list[Business], action: str) -> None:
    """Business owners' personal fields blanked as queued updates (sync carries
    them); the business's identity and its leases stay."""
    blanks = BLANKS["businesses"]
    changed = []
    for business in businesses:
        if all(getattr(business, column) == value for column, value in blanks.items()):
            continue
        for column, value in blanks.items():
            setattr(business, column, value)
        changed.append((tx.update(business), "update"))
    if changed:
        tx.record(action, changed, {"owners": len(changed)})


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
