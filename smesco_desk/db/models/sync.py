"""Sync with the central server (issue 3): conflicts shown at every desk, and this
desk's link state and held changes (local tables)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base, SyncedMixin
from smesco_desk.db.types import UTCDateTime


class SyncConflict(SyncedMixin, Base):
    """A change the central server could not simply apply, shown at every desk.

    `local_payload` is the row as the desk `desk_code` sent it; `server_payload`
    is the row the server held. kind "concurrent_edit": both desks changed the
    row; the server kept `winner` ("local" or "server") by a deterministic rule
    and status is "info". kind "rejected": the row broke a rule of the server
    (a unique number taken); status is "open" until a supervisor resolves it.
    kind "booking_overlap": a booking whose slot another desk had booked first,
    kept with status "conflict" (`server_payload`: the booking in the way) and
    "open" until it is moved or cancelled. The desk's own row is never silently
    deleted.
    """

    __tablename__ = "sync_conflicts"
    kind: Mapped[str] = mapped_column(String(16))  # concurrent_edit | rejected | ...
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36))
    op_id: Mapped[str] = mapped_column(String(36))
    desk_code: Mapped[str] = mapped_column(String(16))
    local_payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    server_payload: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    winner: Mapped[str] = mapped_column(String(16))  # local | server
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))  # open | info | resolved
    resolution: Mapped[str | None] = mapped_column(String(16), default=None)
    resolved_by: Mapped[str | None] = mapped_column(String(100), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    resolution_note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_sync_conflicts_status", "status"),
        Index("ix_sync_conflicts_entity_id", "entity_id"),
    )


class SyncState(Base):
    """This desk's link to the central server: url, desk code, pull cursor, last result."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncHeld(Base):
    """A pulled change this desk could not store yet (a local row not accepted by
    the server holds the same unique value); retried on every pull."""

    __tablename__ = "sync_held"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    held_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_sync_held_entity_id", "entity_id"),)
