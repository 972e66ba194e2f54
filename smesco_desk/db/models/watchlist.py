"""The watchlist: people who may not enter, or only with a supervisor's approval.

Personal data like a visitor's (UU PDP): the NIK only as its keyed pseudonym
and masked, the phone as +62...; synced to every desk; listed by an export and
blanked by an erasure or once past its end (smesco_desk.services.watchlist).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base, SyncedMixin


class WatchlistEntry(SyncedMixin, Base):
    """One person on the watchlist; `kind` is "refused" or "approval"."""

    __tablename__ = "watchlist_entries"
    full_name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))  # folded (domain.watchlist)
    phone: Mapped[str | None] = mapped_column(String(20), default=None)  # E.164
    nik_masked: Mapped[str | None] = mapped_column(String(16), default=None)
    nik_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16))
    until: Mapped[date | None] = mapped_column(Date, default=None)  # WIB day, inclusive
    added_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_watchlist_entries_phone", "phone"),
        Index("ix_watchlist_entries_nik_hash", "nik_hash"),
    )
