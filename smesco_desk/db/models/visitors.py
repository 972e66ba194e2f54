"""Visitors, their visits and check-outs, purposes of visit, and erasures (UU PDP)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base, SyncedMixin
from smesco_desk.db.types import UTCDateTime


class VisitPurpose(SyncedMixin, Base):
    """A purpose of visit; admins edit the list, codes never change."""

    __tablename__ = "visit_purposes"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    label_id: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Visitor(SyncedMixin, Base):
    """A person who has visited; personal data lives here and only here."""

    __tablename__ = "visitors"
    full_name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))  # folded for prefix search
    phone: Mapped[str | None] = mapped_column(String(20), default=None)  # E.164
    phone_key: Mapped[str | None] = mapped_column(String(20), default=None)  # digits only
    organisation: Mapped[str] = mapped_column(String(200), default="")
    nik_masked: Mapped[str | None] = mapped_column(String(16), default=None)
    nik_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    consent_version: Mapped[str] = mapped_column(String(16))
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    visit_count: Mapped[int] = mapped_column(Integer, default=0)
    # Set on the tombstone of a visitor merged into another (the same person
    # registered at two desks while offline): the id of the one that stays.
    merged_into: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (
        Index("ix_visitors_name_key", "name_key"),
        Index("ix_visitors_phone_key", "phone_key"),
        Index("ix_visitors_nik_hash", "nik_hash"),
    )


class Visit(SyncedMixin, Base):
    """One check-in. The visitor's name and organisation are copied at check-in
    so that badges and lists show what was true that day."""

    __tablename__ = "visits"
    visitor_id: Mapped[str] = mapped_column(ForeignKey("visitors.id"))
    badge_number: Mapped[str] = mapped_column(String(32), unique=True)
    visitor_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    purpose_code: Mapped[str] = mapped_column(String(32))
    host: Mapped[str] = mapped_column(String(200), default="")
    desk_code: Mapped[str] = mapped_column(String(16))
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime())
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime())
    checked_in_by: Mapped[str] = mapped_column(String(64))
    # Denormalised from the CheckOut fact, kept in the same transaction.
    checked_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # The group ("rombongan") registered together at the desk: one id shared by
    # its visits, made by the desk that registered the first of them.
    group_id: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (
        # The visitor and deleted_at: a search's page is checked in the index (0026).
        Index("ix_visits_checked_in_at", "checked_in_at", "visitor_id", "deleted_at"),
        Index("ix_visits_group", "group_id"),
        Index("ix_visits_open", "checked_out_at", "checked_in_at"),
        # deleted_at last: a search counts live visits in the index alone (migration 0026).
        Index("ix_visits_visitor", "visitor_id", "checked_in_at", "deleted_at"),
        # A search finds an organisation's or a host's visits by the text (search_words).
        Index("ix_visits_organisation", "organisation", "deleted_at"),
        Index("ix_visits_host", "host", "deleted_at"),
    )


class CheckOut(SyncedMixin, Base):
    """The fact that a visit ended (append-only; one per visit)."""

    __tablename__ = "visit_checkouts"
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"))
    checked_out_at: Mapped[datetime] = mapped_column(UTCDateTime())
    method: Mapped[str] = mapped_column(String(16))  # scan | badge | list | auto | cli
    checked_out_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("visit_id"),)


class Erasure(SyncedMixin, Base):
    """The fact that a person's data was erased (UU PDP): the sync operation that
    carries the erasure to the server and every desk, naming only the visitor (and
    the ids of the participant rows that were the person)."""

    __tablename__ = "erasures"
    visitor_id: Mapped[str] = mapped_column(String(36))  # no foreign key: a desk may not know them
    erased_at: Mapped[datetime] = mapped_column(UTCDateTime())
    erased_by: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))  # privacy.erase | privacy.purge
    # The event participants found to be the person where they were erased (same NIK
    # pseudonym, or same phone and name): a desk that had not heard of the erasure
    # may still push its copies of those rows; the server and every desk blank them.
    attendee_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The businesses whose owner is the person (same NIK pseudonym, or same phone and
    # name; or the business itself when its owner was erased as such: then
    # `visitor_id` is the business's id): their owner's data is blanked everywhere.
    business_ids: Mapped[list[str]] = mapped_column(JSON, default=list)

    __table_args__ = (Index("ix_erasures_visitor", "visitor_id"),)
